//! Lookups the views need every frame, built once per story: event days, outlets, search
//! text and entity positions, so that filtering a frame is a linear scan with no allocation
//! of strings.

use std::collections::{BTreeSet, HashMap};

use super::{ViewState, dates};
use crate::story::Story;

/// Per-event facts used for drawing and filtering.
#[derive(Debug, Clone)]
pub struct EventInfo {
    pub start: f64,
    /// Day after the last day, so a one-day event is one day wide.
    pub end: f64,
    /// Document indices reporting it, without repeats.
    pub docs: Vec<usize>,
    /// Entity indices taking part.
    pub participants: Vec<usize>,
    /// Lower-case title, participant names, outlets and source sentences.
    search: String,
}

/// Indexes over one story.
#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    pub events: Vec<EventInfo>,
    /// Outlet (or title, or file) of each document.
    pub outlet_of: Vec<String>,
    /// Distinct outlets, sorted, and each document's index into them.
    pub outlet_names: Vec<String>,
    pub outlet_id: Vec<usize>,
    /// Entity mentions of each document: (start, end, entity), sorted.
    pub mentions_by_doc: Vec<Vec<(usize, usize, usize)>>,
    /// Temporal expressions of each document: (start, end), sorted.
    pub timexes_by_doc: Vec<Vec<(usize, usize)>>,
    /// Quotes (indices into `story.quotes`) of each entity.
    pub quotes_by_entity: Vec<Vec<usize>>,
    /// People, organizations and places, each most mentioned first.
    by_kind: [Vec<usize>; 3],
    doc_by_id: HashMap<String, usize>,
    entity_by_id: HashMap<String, usize>,
    /// Events in time order.
    order: Vec<usize>,
}

impl StoryIndex {
    pub fn new(story: &Story) -> Self {
        let doc_by_id: HashMap<String, usize> = story
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let entity_by_id: HashMap<String, usize> = story
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let outlet_of: Vec<String> = story
            .documents
            .iter()
            .map(|d| {
                d.outlet
                    .clone()
                    .or_else(|| d.title.clone())
                    .unwrap_or_else(|| d.file.clone())
            })
            .collect();
        let events: Vec<EventInfo> = story
            .events
            .iter()
            .map(|e| {
                let start = dates::day_number(&e.when.start).unwrap_or(0.0);
                let end = dates::day_number(&e.when.end).unwrap_or(start) + 1.0;
                let mut docs: Vec<usize> = e
                    .mentions
                    .iter()
                    .filter_map(|m| doc_by_id.get(&m.doc).copied())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                docs.sort_unstable();
                let participants: Vec<usize> = e
                    .participants
                    .iter()
                    .filter_map(|p| entity_by_id.get(p).copied())
                    .collect();
                let mut search = e.title.to_lowercase();
                for &p in &participants {
                    search.push('\n');
                    search.push_str(&story.entities[p].name.to_lowercase());
                }
                for &d in &docs {
                    search.push('\n');
                    search.push_str(&outlet_of[d].to_lowercase());
                }
                for m in &e.mentions {
                    if let Some(&d) = doc_by_id.get(&m.doc)
                        && let Some(text) = story.documents[d].text.get(m.start..m.end)
                    {
                        search.push('\n');
                        search.push_str(&text.to_lowercase());
                    }
                }
                EventInfo {
                    start,
                    end,
                    docs,
                    participants,
                    search,
                }
            })
            .collect();
        let mut order: Vec<usize> = (0..events.len()).collect();
        order.sort_by(|&a, &b| {
            events[a]
                .start
                .total_cmp(&events[b].start)
                .then(events[a].end.total_cmp(&events[b].end))
                .then(a.cmp(&b))
        });
        let mut mentions_by_doc = vec![Vec::new(); story.documents.len()];
        for (i, e) in story.entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(&d) = doc_by_id.get(&m.doc) {
                    mentions_by_doc[d].push((m.start, m.end, i));
                }
            }
        }
        for v in &mut mentions_by_doc {
            v.sort_unstable();
        }
        let mut timexes_by_doc = vec![Vec::new(); story.documents.len()];
        for t in &story.timexes {
            if let Some(&d) = t.doc.as_deref().and_then(|id| doc_by_id.get(id)) {
                timexes_by_doc[d].push((t.start, t.end));
            }
        }
        for v in &mut timexes_by_doc {
            v.sort_unstable();
        }
        let mut quotes_by_entity = vec![Vec::new(); story.entities.len()];
        for (q, quote) in story.quotes.iter().enumerate() {
            if let Some(&e) = entity_by_id.get(&quote.speaker) {
                quotes_by_entity[e].push(q);
            }
        }
        let mut by_kind: [Vec<usize>; 3] = Default::default();
        for (i, e) in story.entities.iter().enumerate() {
            by_kind[kind_slot(e.kind)].push(i);
        }
        for list in &mut by_kind {
            list.sort_by(|&a, &b| {
                let (ea, eb) = (&story.entities[a], &story.entities[b]);
                eb.mentions
                    .len()
                    .cmp(&ea.mentions.len())
                    .then(ea.name.cmp(&eb.name))
            });
        }
        let outlet_names: Vec<String> = outlet_of
            .iter()
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let outlet_id = outlet_of
            .iter()
            .map(|o| outlet_names.binary_search(o).unwrap_or(0))
            .collect();
        StoryIndex {
            events,
            outlet_of,
            outlet_names,
            outlet_id,
            by_kind,
            mentions_by_doc,
            timexes_by_doc,
            quotes_by_entity,
            doc_by_id,
            entity_by_id,
            order,
        }
    }

    /// Entities of one kind, most mentioned first.
    pub fn entities_of(&self, kind: crate::story::EntityKind) -> &[usize] {
        &self.by_kind[kind_slot(kind)]
    }

    pub fn doc(&self, id: &str) -> Option<usize> {
        self.doc_by_id.get(id).copied()
    }

    pub fn entity(&self, id: &str) -> Option<usize> {
        self.entity_by_id.get(id).copied()
    }

    /// Distinct outlets, sorted.
    pub fn outlets(&self) -> &[String] {
        &self.outlet_names
    }

    /// Events passing the filters of `state`, in time order.
    pub fn visible(&self, story: &Story, state: &ViewState) -> Vec<usize> {
        let needle = state.search.trim().to_lowercase();
        self.order
            .iter()
            .copied()
            .filter(|&e| {
                let info = &self.events[e];
                if let Some(p) = state.selected_entity
                    && !info.participants.contains(&p)
                {
                    return false;
                }
                if !state.hidden.is_empty()
                    && !info.participants.is_empty()
                    && info.participants.iter().all(|p| state.hidden.contains(p))
                {
                    return false;
                }
                if let Some(o) = &state.outlet
                    && !info.docs.iter().any(|&d| &self.outlet_of[d] == o)
                {
                    return false;
                }
                if let Some((lo, hi)) = state.date_range
                    && (info.end <= lo || info.start > hi)
                {
                    return false;
                }
                needle.is_empty() || info.search.contains(&needle)
            })
            .filter(|&e| e < story.events.len())
            .collect()
    }
}

fn kind_slot(kind: crate::story::EntityKind) -> usize {
    match kind {
        crate::story::EntityKind::Person => 0,
        crate::story::EntityKind::Organization => 1,
        crate::story::EntityKind::Place => 2,
    }
}
