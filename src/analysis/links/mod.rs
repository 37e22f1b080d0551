//! Links between people, with the events behind them, and each person's affiliations.
//!
//! A link needs evidence, not mere co-occurrence:
//! - **a stated relation**: one sentence says what one person did to the other ("fired",
//!   "replaced", "sued", "met"), what they did together ("A and B held talks", "the meeting
//!   between A and B") or what one is to the other ("his son", "a lawyer for"), see
//!   [`relations`]; with the events that sentence reports;
//! - **speaks for**: a spokesperson, press secretary or the like whose reports are about a
//!   principal — a person of the same side (shared affiliation), or else the person their
//!   attributed sentences name most;
//! - **affiliation**: a person and the side or body they act for (from roles and context).
//!
//! A link's weight is the number of sentences that state it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::coref::References;
use crate::analysis::entities::Entities;
use crate::analysis::sentences::Sentence;
use crate::analysis::text;
use crate::corpus::Document;
use crate::story::{Entity, EntityKind, Event, Link, Quote};

mod pair;
mod relations;
mod words;

/// How many people named later in a sentence a name is read against: relations hold between
/// near names, and a long list would otherwise cost the square of its length.
const RELATION_REACH: usize = 4;

/// One relation a sentence states: the two people, its label and the events it reports.
type Stated<'a> = (&'a str, &'a str, &'static str, Vec<&'a str>);

/// Extracts the links of a story from its events, entities and quotes.
pub fn extract(
    docs: &[Document],
    sentences: &HashMap<String, Vec<Sentence>>,
    events: &[Event],
    entities: &Entities,
    references: &References,
    quotes: &[Quote],
) -> Vec<Link> {
    let index: FxHashMap<&str, &Entity> = entities
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let texts: FxHashMap<&str, &str> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let text_of = |doc: &str| texts.get(doc).copied();
    let mentions = Mentions::new(&entities.entities);
    let mut links = Links::default();

    // What one sentence says two people are to each other or did together, with the events
    // that sentence reports (documents read in parallel, relations added in document order).
    let mut events_at: FxHashMap<(&str, usize), Vec<&str>> = FxHashMap::default();
    for e in events {
        for m in &e.mentions {
            events_at
                .entry((m.doc.as_str(), m.start))
                .or_default()
                .push(e.id.as_str());
        }
    }
    let stated: Vec<Vec<Stated>> = docs
        .par_iter()
        .map(|doc| {
            let mut found = Vec::new();
            // The people named in the two sentences before, latest last: who "the pair" are.
            let mut recent: [Vec<&str>; 2] = Default::default();
            for s in sentences.get(&doc.id).into_iter().flatten() {
                if !s.section.feeds_story() {
                    continue;
                }
                // People named, and people referred to ("he", "the judge").
                let mut people: Vec<(usize, usize, &str)> = mentions
                    .spans_in(&doc.id, s.start, s.end)
                    .into_iter()
                    .filter(|m| index.get(m.2).is_some_and(|e| e.kind == EntityKind::Person))
                    .collect();
                people.extend(
                    references
                        .within(&doc.id, s.start, s.end)
                        .iter()
                        .map(|&(start, end, e)| (start, end, entities.entities[e].id.as_str())),
                );
                people.sort_unstable();
                // Only people of the sentences before: one named in this one before "the two"
                // is most often who says it ("Lund said the two leaders spoke").
                if let Some(label) = pair::pair_relation(&doc.text[s.start..s.end]) {
                    let mut two: Vec<&str> = Vec::new();
                    for id in recent.concat().into_iter().rev() {
                        if !two.contains(&id) {
                            two.push(id);
                        }
                        if two.len() == 2 {
                            break;
                        }
                    }
                    if let [b, a] = two[..] {
                        let at = events_at.get(&(doc.id.as_str(), s.start)).cloned();
                        found.push((a, b, label, at.unwrap_or_default()));
                    }
                }
                recent.swap(0, 1);
                recent[1] = people.iter().map(|p| p.2).collect();
                for (i, a) in people.iter().enumerate() {
                    for b in people.iter().skip(i + 1).take(RELATION_REACH) {
                        if a.2 == b.2 || b.0 < a.1 {
                            continue;
                        }
                        // "with her husband, B": a possessive pronoun is A's possessive.
                        let pronoun = matches!(
                            doc.text[a.0..a.1].to_ascii_lowercase().as_str(),
                            "his" | "her" | "their"
                        );
                        let between = if pronoun {
                            format!("’s {}", doc.text[a.1..b.0].trim_start())
                        } else {
                            doc.text[a.1..b.0].to_string()
                        };
                        let label = relations::relation(
                            &doc.text[s.start..a.0],
                            &between,
                            &doc.text[b.1..s.end],
                        )
                        .map(|r| r.label)
                        .or_else(|| (i == 0).then(|| pair::subject_passive(&between)).flatten());
                        let Some(label) = label else {
                            continue;
                        };
                        let at = events_at
                            .get(&(doc.id.as_str(), s.start))
                            .cloned()
                            .unwrap_or_default();
                        found.push((a.2, b.2, label, at));
                    }
                }
            }
            found
        })
        .collect();
    for (a, b, label, at) in stated.into_iter().flatten() {
        links.add(a, b, 1.0, label, None);
        for e in at {
            links.add(a, b, 0.0, label, Some(e));
        }
    }

    // Speaks for.
    // Events by document, in event order (a document reports few events; a busy event has
    // hundreds of participants, so this is not keyed by participant too).
    let mut events_in_doc: FxHashMap<&str, Vec<&Event>> = FxHashMap::default();
    for e in events {
        let docs: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
        for doc in docs {
            events_in_doc.entry(doc).or_default().push(e);
        }
    }
    let mut quotes_of: FxHashMap<(&str, &str), Vec<(usize, usize)>> = FxHashMap::default();
    for q in quotes {
        quotes_of
            .entry((q.doc.as_str(), q.speaker.as_str()))
            .or_default()
            .push((q.start, q.end));
    }
    // Each spokesperson's principal per document, worked out in parallel, added in order.
    let spoken: Vec<Vec<(&str, &str, Vec<&str>)>> = entities
        .entities
        .par_iter()
        .filter(|e| is_spokesperson(e))
        .map(|speaker| {
            let mut found = Vec::new();
            let sides: HashSet<&str> = entities
                .affiliations
                .iter()
                .filter(|a| a.person == speaker.id)
                .map(|a| a.org.as_str())
                .collect();
            let same_side: BTreeSet<&str> = entities
                .affiliations
                .iter()
                .filter(|a| a.person != speaker.id && sides.contains(a.org.as_str()))
                .map(|a| a.person.as_str())
                .collect();
            let mut mentions_by_doc: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
            for m in &speaker.mentions {
                mentions_by_doc
                    .entry(m.doc.as_str())
                    .or_default()
                    .push((m.start, m.end));
            }
            for (doc, own) in &mentions_by_doc {
                let Some(doc_text) = text_of(doc) else {
                    continue;
                };
                let principal = principal_by_side(doc, &same_side, &mentions).or_else(|| {
                    // A body's spokesperson (police, an agency, a ministry) speaks about the
                    // people of a case, not for them.
                    if speaker.roles.iter().any(|r| names_a_body(r)) {
                        return None;
                    }
                    let report = Report {
                        doc,
                        doc_text,
                        speaker: &speaker.id,
                        own,
                        quotes: quotes_of.get(&(*doc, speaker.id.as_str())),
                    };
                    principal_by_reports(&report, sentences, &mentions, &index)
                });
                if let Some(principal) = principal {
                    let events: Vec<&str> = events_in_doc
                        .get(doc)
                        .into_iter()
                        .flatten()
                        .filter(|e| e.participants.iter().any(|p| p == principal))
                        .map(|e| e.id.as_str())
                        .collect();
                    found.push((speaker.id.as_str(), principal, events));
                }
            }
            found
        })
        .collect();
    for (speaker, principal, events) in spoken.into_iter().flatten() {
        links.add(speaker, principal, 1.0, "speaks for", None);
        for e in events {
            links.add(speaker, principal, 0.0, "speaks for", Some(e));
        }
    }

    // Affiliations.
    for a in &entities.affiliations {
        let label = if a.label.is_empty() {
            "affiliated with"
        } else {
            a.label.as_str()
        };
        links.add(&a.person, &a.org, 1.0, label, None);
    }
    links.finish()
}

/// A role that speaks on someone's behalf.
/// "police spokesman", "INS spokeswoman", "spokesman for the bureau's office": a role held for
/// a body, not for a person (a "Kremlin spokesman" speaks for the president).
fn names_a_body(role: &str) -> bool {
    // "spokeswoman for the U.S. Immigration and Naturalization Service": a named body.
    let for_a_name = role
        .split(" for the ")
        .nth(1)
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    for_a_name
        || role.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let lower = w.to_lowercase();
            BODY_WORDS.contains(&lower.trim_end_matches("'s"))
                || (w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        })
}

/// Lower-case words for bodies a spokesperson may speak for.
const BODY_WORDS: [&str; 12] = [
    "police",
    "department",
    "office",
    "ministry",
    "agency",
    "bureau",
    "embassy",
    "army",
    "military",
    "government",
    "prosecutor",
    "prosecutors",
];

fn is_spokesperson(e: &Entity) -> bool {
    e.kind == EntityKind::Person
        && e.roles.iter().any(|r| {
            let r = r.to_lowercase();
            r.contains("spokes") || r.contains("press secretary") || r.contains("press officer")
        })
}

/// The person of the speaker's side (`same_side`) most mentioned in `doc`; ties go to the
/// smallest id.
fn principal_by_side<'a>(
    doc: &str,
    same_side: &BTreeSet<&'a str>,
    mentions: &Mentions,
) -> Option<&'a str> {
    if same_side.is_empty() {
        return None;
    }
    let counts = mentions.counts_in_doc(doc);
    same_side
        .iter()
        .map(|&p| (counts.get(p).copied().unwrap_or(0), p))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|&(n, p)| (n, std::cmp::Reverse(p)))
        .map(|(_, p)| p)
}

/// What a spokesperson says in one document: where they are named and their quotes.
struct Report<'a> {
    doc: &'a str,
    doc_text: &'a str,
    speaker: &'a str,
    own: &'a [(usize, usize)],
    quotes: Option<&'a Vec<(usize, usize)>>,
}

/// The person most named in what the speaker reports in a document (their attributed
/// sentences and quotes).
fn principal_by_reports<'a>(
    r: &Report,
    sentences: &HashMap<String, Vec<Sentence>>,
    mentions: &Mentions,
    index: &FxHashMap<&'a str, &'a Entity>,
) -> Option<&'a str> {
    let mut spans: Vec<(usize, usize)> = r.quotes.cloned().unwrap_or_default();
    for s in sentences.get(r.doc).into_iter().flatten() {
        let attributed = r.own.iter().any(|&(start, end)| {
            start >= s.start && end <= s.end && text::is_attribution(r.doc_text, start, end)
        });
        if attributed {
            spans.push((s.start, s.end));
        }
    }
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for (start, end) in spans {
        for named in mentions.in_span(r.doc, start, end) {
            if named != r.speaker
                && let Some(e) = index.get(named).filter(|e| e.kind == EntityKind::Person)
            {
                *counts.entry(e.id.as_str()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)))
        .map(|(id, _)| id)
}

/// Entity mentions by document, sorted, for span look-ups.
struct Mentions<'a> {
    by_doc: FxHashMap<&'a str, Vec<(usize, usize, &'a str)>>,
}

impl<'a> Mentions<'a> {
    fn new(entities: &'a [Entity]) -> Self {
        Mentions {
            by_doc: crate::analysis::entities::mentions_by_document(entities, |_, e| e.id.as_str()),
        }
    }

    /// Ids of the entities named inside `[start, end)` of `doc`.
    fn in_span(&self, doc: &str, start: usize, end: usize) -> Vec<&'a str> {
        let Some(all) = self.by_doc.get(doc) else {
            return Vec::new();
        };
        let from = all.partition_point(|m| m.0 < start);
        let mut out: Vec<&str> = all[from..]
            .iter()
            .take_while(|m| m.0 < end)
            .filter(|m| m.1 <= end)
            .map(|m| m.2)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The mentions inside `[start, end)` of `doc`, in order, as (start, end, id).
    fn spans_in(&self, doc: &str, start: usize, end: usize) -> Vec<(usize, usize, &'a str)> {
        let Some(all) = self.by_doc.get(doc) else {
            return Vec::new();
        };
        let from = all.partition_point(|m| m.0 < start);
        all[from..]
            .iter()
            .take_while(|m| m.0 < end)
            .filter(|m| m.1 <= end)
            .copied()
            .collect()
    }

    /// How often each entity is named in `doc`.
    fn counts_in_doc(&self, doc: &str) -> FxHashMap<&'a str, usize> {
        let mut counts = FxHashMap::default();
        for m in self.by_doc.get(doc).into_iter().flatten() {
            *counts.entry(m.2).or_default() += 1;
        }
        counts
    }
}

/// Links keyed by their unordered pair, accumulating weight, labels and events; borrowed ids
/// and labels, so that adding evidence allocates nothing.
#[derive(Default)]
struct Links<'a> {
    by_pair: FxHashMap<(&'a str, &'a str), Pending<'a>>,
}

#[derive(Default)]
struct Pending<'a> {
    weight: f64,
    own_labels: BTreeMap<&'a str, usize>,
    events: Vec<&'a str>,
    /// The same events, for constant-time duplicate checks on busy pairs.
    seen: FxHashSet<&'a str>,
}

impl<'a> Links<'a> {
    fn add(&mut self, a: &'a str, b: &'a str, weight: f64, label: &'a str, event: Option<&'a str>) {
        let key = if a <= b { (a, b) } else { (b, a) };
        let pending = self.by_pair.entry(key).or_default();
        pending.weight += weight;
        *pending.own_labels.entry(label).or_default() += 1;
        if let Some(e) = event
            && pending.seen.insert(e)
        {
            pending.events.push(e);
        }
    }

    /// The links in pair order, the strongest label of each pair winning (event ties over
    /// "quoted about").
    fn finish(self) -> Vec<Link> {
        let mut pairs: Vec<((&str, &str), Pending)> = self
            .by_pair
            .into_iter()
            .filter(|(_, p)| p.weight > 0.0)
            .collect();
        pairs.sort_unstable_by(|x, y| x.0.cmp(&y.0));
        pairs
            .into_iter()
            .map(|((a, b), p)| {
                let label = p
                    .own_labels
                    .iter()
                    .max_by_key(|(label, n)| (label_rank(label), **n))
                    .map(|(l, _)| l.to_string())
                    .unwrap_or_default();
                Link {
                    a: a.to_string(),
                    b: b.to_string(),
                    weight: p.weight,
                    label,
                    events: p.events.into_iter().map(str::to_string).collect(),
                    edited: false,
                }
            })
            .collect()
    }
}

/// Which label describes a pair best when several apply.
fn label_rank(label: &str) -> u8 {
    match label {
        "affiliated with" => 0,
        // Who they are to each other, and what was said in a call or a meeting: the call or
        // the meeting says more.
        "counterpart of" => 1,
        "spoke with" => 2,
        "speaks for" => 4,
        _ => 3,
    }
}

#[cfg(test)]
mod tests;
