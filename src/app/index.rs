//! Lookups the views need every frame, built once per story: event days, outlets, search
//! text and entity positions, so that filtering a frame is a linear scan with no allocation
//! of strings.

use super::ViewState;
use crate::story::Story;
use crate::timeline::Facts;

pub use crate::timeline::EventFacts as EventInfo;

/// Indexes over one story.
#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    /// Days, documents and participants of each event, outlets, time order (shared with the
    /// slides).
    pub facts: Facts,
    /// Entity mentions of each document: (start, end, entity), sorted.
    pub mentions_by_doc: Vec<Vec<(usize, usize, usize)>>,
    /// Temporal expressions of each document: (start, end), sorted.
    pub timexes_by_doc: Vec<Vec<(usize, usize)>>,
    /// Quotes (indices into `story.quotes`) of each entity.
    pub quotes_by_entity: Vec<Vec<usize>>,
    /// Lower-case title, participant names, outlets and source sentences of each event.
    search: Vec<String>,
    /// People, organizations and places, each most mentioned first.
    by_kind: [Vec<usize>; 3],
    /// Comparisons (indices into `story.comparisons`) of each event.
    pub comparisons_of: Vec<Vec<usize>>,
    /// Whether each event has a real difference between its sources (a verdict `differ`).
    pub differs: Vec<bool>,
    /// Comparisons with verdict `differ` and their size, story order.
    differences: Vec<(usize, f64)>,
}

impl StoryIndex {
    pub fn new(story: &Story) -> Self {
        let facts = Facts::new(story);
        let doc_by_id = &facts.doc_by_id;
        let entity_by_id = &facts.entity_by_id;
        let search: Vec<String> = story
            .events
            .iter()
            .zip(&facts.events)
            .map(|(e, info)| {
                let mut search = e.title.to_lowercase();
                for &p in &info.participants {
                    search.push('\n');
                    search.push_str(&story.entities[p].name.to_lowercase());
                }
                for &d in &info.docs {
                    search.push('\n');
                    search.push_str(&facts.outlet_of[d].to_lowercase());
                }
                for m in &e.mentions {
                    if let Some(&d) = doc_by_id.get(&m.doc)
                        && let Some(text) = story.documents[d].text.get(m.start..m.end)
                    {
                        search.push('\n');
                        search.push_str(&text.to_lowercase());
                    }
                }
                search
            })
            .collect();
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
        let mut comparisons_of = vec![Vec::new(); story.events.len()];
        let mut differs = vec![false; story.events.len()];
        let mut differences = Vec::new();
        let event_by_id: std::collections::HashMap<&str, usize> = story
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        for (c, comparison) in story.comparisons.iter().enumerate() {
            let differ = comparison.verdict == crate::story::Verdict::Differ;
            if differ {
                differences.push((c, comparison.difference));
            }
            if let Some(&e) = comparison
                .event
                .as_deref()
                .and_then(|id| event_by_id.get(id))
            {
                comparisons_of[e].push(c);
                differs[e] |= differ;
            }
        }
        StoryIndex {
            facts,
            mentions_by_doc,
            timexes_by_doc,
            quotes_by_entity,
            search,
            by_kind,
            comparisons_of,
            differs,
            differences,
        }
    }

    /// Per-event facts, by event index.
    pub fn events(&self) -> &[EventInfo] {
        &self.facts.events
    }

    /// Outlet (or title, or file) of each document.
    pub fn outlet_of(&self, doc: usize) -> &str {
        &self.facts.outlet_of[doc]
    }

    /// Entities of one kind, most mentioned first.
    pub fn entities_of(&self, kind: crate::story::EntityKind) -> &[usize] {
        &self.by_kind[kind_slot(kind)]
    }

    pub fn doc(&self, id: &str) -> Option<usize> {
        self.facts.doc_by_id.get(id).copied()
    }

    pub fn entity(&self, id: &str) -> Option<usize> {
        self.facts.entity_by_id.get(id).copied()
    }

    /// The story's real differences (indices into `story.comparisons`): largest first when
    /// `by_size`, else in the story's order (events in time order, facts of the whole story
    /// last).
    pub fn differences(&self, by_size: bool) -> Vec<usize> {
        let mut list = self.differences.clone();
        if by_size {
            list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        list.into_iter().map(|(c, _)| c).collect()
    }

    /// Distinct outlets, sorted.
    pub fn outlets(&self) -> &[String] {
        &self.facts.outlet_names
    }

    /// Events passing the filters of `state`, in time order.
    pub fn visible(&self, story: &Story, state: &ViewState) -> Vec<usize> {
        let needle = state.search.trim().to_lowercase();
        self.facts
            .order
            .iter()
            .copied()
            .filter(|&e| {
                let info = &self.facts.events[e];
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
                    && !info.docs.iter().any(|&d| &self.facts.outlet_of[d] == o)
                {
                    return false;
                }
                if let Some((lo, hi)) = state.date_range
                    && (info.end <= lo || info.start > hi)
                {
                    return false;
                }
                needle.is_empty() || self.search[e].contains(&needle)
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
