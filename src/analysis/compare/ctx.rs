//! What every document's reading needs, indexed once per story: each document's timexes,
//! mentions and quotes, and each compared event's days, documents and kinds of happening.

use super::*;

/// What every document's reading needs, indexed once.
pub(super) struct Ctx<'a> {
    pub(super) story: &'a Story,
    pub(super) events: Vec<EventInfo>,
    pub(super) timexes: Vec<Vec<&'a Timex>>,
    /// Entity mentions `(start, end, entity)` per document, sorted.
    pub(super) mentions: Vec<Vec<(usize, usize, usize)>>,
    /// Quotes `(start, end, speaker)` per document.
    pub(super) quotes: Vec<Vec<(usize, usize, usize)>>,
    /// `(event, start)` of each mention of an event reported by two or more documents.
    pub(super) event_mentions: Vec<Vec<(usize, usize)>>,
    /// People taking part in each event (entity indices).
    pub(super) participants: Vec<Vec<usize>>,
    /// Day of publication of each document.
    pub(super) published: Vec<Option<i32>>,
    /// Documents reporting each event (indices, sorted).
    pub(super) event_docs: Vec<Vec<usize>>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(story: &'a Story) -> Self {
        let n = story.documents.len();
        let doc_of: FxHashMap<&str, usize> = story
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let entity_of: FxHashMap<&str, usize> = story
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let mut timexes: Vec<Vec<&Timex>> = vec![Vec::new(); n];
        for t in &story.timexes {
            if let Some(&d) = t.doc.as_deref().and_then(|id| doc_of.get(id)) {
                timexes[d].push(t);
            }
        }
        for list in &mut timexes {
            list.sort_by_key(|t| (t.start, t.end));
        }
        let mut mentions = vec![Vec::new(); n];
        for (i, e) in story.entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(&d) = doc_of.get(m.doc.as_str()) {
                    mentions[d].push((m.start, m.end, i));
                }
            }
        }
        for list in &mut mentions {
            list.sort_unstable();
        }
        let mut quotes = vec![Vec::new(); n];
        for q in &story.quotes {
            if let (Some(&d), Some(&e)) = (
                doc_of.get(q.doc.as_str()),
                entity_of.get(q.speaker.as_str()),
            ) {
                quotes[d].push((q.start, q.end, e));
            }
        }
        let mut events: Vec<EventInfo> = story
            .events
            .iter()
            .map(|e| {
                let (first, last) = assign::event_days(e);
                let mut docs: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
                docs.sort_unstable();
                docs.dedup();
                EventInfo {
                    first,
                    last,
                    docs: docs.len(),
                    families: Vec::new(),
                }
            })
            .collect();
        let mut event_mentions: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); n];
        for (i, e) in story.events.iter().enumerate() {
            if events[i].docs < 2 {
                continue;
            }
            for m in &e.mentions {
                if let Some(&d) = doc_of.get(m.doc.as_str()) {
                    event_mentions[d].push((i, m.start, m.end));
                }
            }
        }
        // The kinds of happening each event's sentences name, each word going to the event
        // whose date stands nearest to it when a sentence dates several.
        let named: Vec<Vec<(usize, &'static str)>> = event_mentions
            .par_iter()
            .enumerate()
            .map(|(d, list)| {
                let text = &story.documents[d].text;
                let mut out = Vec::new();
                let mut spans: Vec<(usize, usize)> = list.iter().map(|m| (m.1, m.2)).collect();
                spans.sort_unstable();
                spans.dedup();
                let mut tokens = Vec::new();
                for (a, b) in spans {
                    if b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
                        continue;
                    }
                    let here: Vec<(usize, Option<usize>)> = list
                        .iter()
                        .filter(|m| (m.1, m.2) == (a, b))
                        .map(|m| {
                            let (first, last) = (events[m.0].first, events[m.0].last);
                            let anchor = timexes[d]
                                .iter()
                                .filter(|t| t.start >= a && t.end <= b)
                                .find(|t| {
                                    assign::timex_days(t)
                                        .is_some_and(|(x, y)| x <= last && y >= first)
                                })
                                .map(|t| t.start);
                            (m.0, anchor)
                        })
                        .collect();
                    tokens.clear();
                    words::tokenize(text, a, b, &mut tokens);
                    for t in tokens.iter().filter(|t| t.shape == words::Shape::Word) {
                        if let Some(f) = assign::family_of(&text[t.start..t.end])
                            && let Some(&(e, _)) = here.iter().min_by_key(|(_, anchor)| {
                                anchor.map_or(usize::MAX, |x| x.abs_diff(t.start))
                            })
                        {
                            out.push((e, f));
                        }
                    }
                }
                out
            })
            .collect();
        for (e, f) in named.into_iter().flatten() {
            if !events[e].families.contains(&f) {
                events[e].families.push(f);
            }
        }
        let event_mentions: Vec<Vec<(usize, usize)>> = event_mentions
            .into_iter()
            .map(|list| list.into_iter().map(|(e, start, _)| (e, start)).collect())
            .collect();
        let participants = story
            .events
            .iter()
            .map(|e| {
                e.participants
                    .iter()
                    .filter_map(|p| entity_of.get(p.as_str()).copied())
                    .filter(|&p| story.entities[p].kind == EntityKind::Person)
                    .collect()
            })
            .collect();
        let published = story
            .documents
            .iter()
            .map(|d| {
                d.published
                    .as_deref()
                    .and_then(|p| p.parse::<jiff::civil::Date>().ok())
                    .map(assign::day)
            })
            .collect();
        let event_docs = story
            .events
            .iter()
            .map(|e| {
                let mut docs: Vec<usize> = e
                    .mentions
                    .iter()
                    .filter_map(|m| doc_of.get(m.doc.as_str()).copied())
                    .collect();
                docs.sort_unstable();
                docs.dedup();
                docs
            })
            .collect();
        Ctx {
            event_docs,
            story,
            events,
            timexes,
            mentions,
            quotes,
            event_mentions,
            participants,
            published,
        }
    }

    pub(super) fn name(&self, entity: usize) -> String {
        self.story.entities[entity].name.clone()
    }
}
