//! What the timeline needs of each event, worked out once per story: its days as numbers, the
//! documents and outlets reporting it, the entities taking part, and the events in time order.

use std::collections::{BTreeSet, HashMap};

use super::calendar;
use crate::story::Story;

/// One event as the timeline sees it.
#[derive(Debug, Clone)]
pub struct EventFacts {
    /// First day (days since 1970-01-01).
    pub start: f64,
    /// Day after the last day, so a one-day event is one day wide.
    pub end: f64,
    /// Document indices reporting it, without repeats, sorted.
    pub docs: Vec<usize>,
    /// Entity indices taking part.
    pub participants: Vec<usize>,
}

impl EventFacts {
    /// Whether it covers more than a day or two (a week, a month, a year): drawn as a bar.
    pub fn is_span(&self) -> bool {
        self.end - self.start > 1.5
    }

    /// Where its marker goes: mid-day for a day, the first day for a longer span.
    pub fn point(&self) -> f64 {
        if self.is_span() {
            self.start
        } else {
            self.start + 0.5
        }
    }

    /// Number of distinct documents reporting it (at least one).
    pub fn sources(&self) -> usize {
        self.docs.len().max(1)
    }
}

/// Per-story lookups shared by the window and the slides.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub events: Vec<EventFacts>,
    /// Outlet (or title, or file) of each document.
    pub outlet_of: Vec<String>,
    /// Distinct outlets, sorted, and each document's index into them.
    pub outlet_names: Vec<String>,
    pub outlet_id: Vec<usize>,
    /// Events in time order.
    pub order: Vec<usize>,
    pub doc_by_id: HashMap<String, usize>,
    pub entity_by_id: HashMap<String, usize>,
}

impl Facts {
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
        let events: Vec<EventFacts> = story
            .events
            .iter()
            .map(|e| {
                let start = calendar::day_number(&e.when.start).unwrap_or(0.0);
                let end = calendar::day_number(&e.when.end)
                    .unwrap_or(start)
                    .max(start)
                    + 1.0;
                let docs: Vec<usize> = e
                    .mentions
                    .iter()
                    .filter_map(|m| doc_by_id.get(&m.doc).copied())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let participants: Vec<usize> = e
                    .participants
                    .iter()
                    .filter_map(|p| entity_by_id.get(p).copied())
                    .collect();
                EventFacts {
                    start,
                    end,
                    docs,
                    participants,
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
        Facts {
            events,
            outlet_of,
            outlet_names,
            outlet_id,
            order,
            doc_by_id,
            entity_by_id,
        }
    }
}

/// An outlet as a lane or a credit line names it: "Harbour Gazette" for "Harbour Gazette
/// (harbourgazette.example)", "Nordic Times Weekly" for "Nordic Times Weekly
/// (weekly.nordictimes.example); a wire report".
pub fn short_outlet(name: &str) -> &str {
    let mut end = name.len();
    for stop in [" (", "; ", " — ", " | "] {
        if let Some(i) = name.find(stop)
            && i >= 2
        {
            end = end.min(i);
        }
    }
    name[..end].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_lose_their_descriptions() {
        assert_eq!(
            short_outlet("Harbour Gazette (harbourgazette.example)"),
            "Harbour Gazette"
        );
        assert_eq!(
            short_outlet("fjordnews.example; an unattributed report"),
            "fjordnews.example"
        );
        assert_eq!(short_outlet("Reuters"), "Reuters");
        assert_eq!(short_outlet("(CNN)"), "(CNN)");
    }
}
