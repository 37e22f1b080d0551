//! Dated happenings, merged across sources.
//!
//! An event starts as a *candidate*: a clause of a headline or body sentence anchored by a
//! calendar date (a DATE or TIME timex that covers known days). Candidates that report the same
//! happening are then merged — within a document and across outlets — so that one call reported
//! by five outlets is one event with five mentions:
//!
//! 1. candidates that name a day (or a short range of days) are grouped by the days they cover
//!    (a keyed index, never all pairs) and merge when they share people, places or keywords;
//! 2. coarser candidates ("this week", "earlier this month", "year-end") join the single best
//!    finer event inside their interval when they speak of the same thing — a vague mention never
//!    glues two precise events together; otherwise they group among themselves by value.
//!
//! Who takes part is read from the entity mentions of the clause, minus the people who only
//! report it ("Okafor said ...", "according to ..."). A sentence right after an event that refers
//! back to it ("Those talks will be led by ...") adds its people to that event.
//!
//! The stage in files: `candidates` reads the dated clauses of each document, with `clauses`
//! cutting sentences and finding the phrase a date belongs to, and `titles` wording clauses
//! that do not say enough on their own; `cluster` merges the candidates and `finish` turns
//! each group into an event; `span` holds the calendar arithmetic.

mod candidates;
mod clauses;
mod cluster;
mod described;
mod finish;
mod possessive;
mod span;
mod statements;
#[cfg(test)]
mod tests;
mod titles;

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use crate::analysis::coref::References;
use crate::analysis::entities::Entities;
use crate::analysis::sentences::Sentence;
use crate::corpus::Document;
use crate::story::{EntityKind, Event, Granularity, Timex};

use self::candidates::{Known, MentionIndex, candidates_of_document};
use self::cluster::cluster;
use self::finish::finish;
use self::span::Span;

/// Extracts the events of `docs`, merged across sources, ordered by date.
pub fn extract(
    docs: &[Document],
    sentences: &HashMap<String, Vec<Sentence>>,
    timexes: &[Timex],
    entities: &Entities,
) -> Vec<Event> {
    merge(
        candidates(docs, sentences, timexes, entities, &References::default()),
        entities,
    )
}

/// The dated clauses of every document, each a report of a possible event: the parallel half
/// of [`extract`], which [`merge`] (mostly serial) turns into events.
pub struct Candidates<'a>(Vec<Candidate<'a>>);

/// Reads the dated clauses of `docs` (in parallel, kept in document order).
pub fn candidates<'a>(
    docs: &'a [Document],
    sentences: &HashMap<String, Vec<Sentence>>,
    timexes: &[Timex],
    entities: &Entities,
    references: &References,
) -> Candidates<'a> {
    let mentions = MentionIndex::new(entities, references);
    let people = people_of(entities);
    let mut by_doc: FxHashMap<&str, Vec<&Timex>> = FxHashMap::default();
    for t in timexes {
        if let Some(doc) = t.doc.as_deref() {
            by_doc.entry(doc).or_default().push(t);
        }
    }
    // By position, so each sentence finds its dates by binary search, not by a scan of all
    // the document's dates (which made long documents quadratic).
    for doc_timexes in by_doc.values_mut() {
        doc_timexes.sort_by_key(|t| t.start);
    }
    // People are called by their surname in titles; other entities as written. Worked out
    // once per entity: titles ask for every name of every dated clause.
    let short_names: Vec<Option<&str>> = entities
        .entities
        .iter()
        .map(|entity| {
            (entity.kind == EntityKind::Person)
                .then(|| crate::analysis::entities::surname(&entity.name))
        })
        .collect();
    let short_name = |e: usize| short_names[e];
    // The people whose roles name an organization ("Harbour Guard Rear Adm. Lund"), by the
    // organization's index: who speaks when the organization is said to speak.
    let index: FxHashMap<&str, usize> = entities
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut officials: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for a in &entities.affiliations {
        if let (Some(&org), Some(&person)) =
            (index.get(a.org.as_str()), index.get(a.person.as_str()))
            && !officials.get(&org).is_some_and(|p| p.contains(&person))
        {
            officials.entry(org).or_default().push(person);
        }
    }
    let known = Known {
        mentions: &mentions,
        people: &people,
        officials: &officials,
        short_names: &short_name,
    };
    let candidates = docs
        .par_iter()
        .flat_map_iter(|doc| {
            let mut out = Vec::new();
            if let Some(doc_sentences) = sentences.get(&doc.id) {
                let doc_timexes = by_doc.get(doc.id.as_str()).map_or(&[][..], Vec::as_slice);
                candidates_of_document(doc, doc_sentences, doc_timexes, &known, &mut out);
            }
            out
        })
        .collect();
    Candidates(candidates)
}

/// Merges the candidates of all documents into events, ordered by date.
pub fn merge(candidates: Candidates<'_>, entities: &Entities) -> Vec<Event> {
    let people = people_of(entities);
    let clusters = cluster(candidates.0, &people);
    finish(clusters, entities, &people)
}

/// Which entities are people, by entity index.
fn people_of(entities: &Entities) -> Vec<bool> {
    entities
        .entities
        .iter()
        .map(|e| e.kind == EntityKind::Person)
        .collect()
}

/// One dated clause that may report an event.
#[derive(Debug, Clone)]
struct Candidate<'a> {
    doc: &'a str,
    /// Whole sentences that report it (the anchor sentence, then any that refer back to it).
    sentences: Vec<(usize, usize)>,
    when: Span,
    value: String,
    granularity: Granularity,
    /// Entity indices taking part, in order of appearance.
    participants: Vec<usize>,
    /// The keywords (see `candidates::keywords`) as 64-bit hashes of their stems, each once,
    /// so that clustering compares numbers, not strings, with no corpus-wide interning pass;
    /// and those of them that name a happening ("call", "talks").
    keyword_ids: Vec<u64>,
    event_word_ids: Vec<u64>,
    /// Kinds of happening among the keywords ("talks" and "negotiations" are one kind).
    classes: Vec<&'static str>,
    title: String,
}
