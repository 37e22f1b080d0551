//! Where the sources disagree: what each outlet says about the same fact, side by side.
//!
//! Runs on the finished story. For every event reported by two or more documents it reads
//! the sentences each document gives it — its mentions, and undated sentences that refer
//! back to it ([`assign`]) — for the date each gives, where and who, who asked for it, how
//! each side characterises it ([`facts`]) and every figure ([`numbers`]); figures outside
//! events are story facts ("more than 6,000" workers on strike) and meet those of other
//! documents on the same subject ([`group`]). Each fact then gets a verdict ([`verdict`]):
//! agree (approximations within their tolerance), differ, or single (one source says it).
//!
//! The stage in files: `words` (tokens, stems, word families), `numbers` (figures),
//! `assign` (which event a sentence speaks of), `facts` (the other event facts), `ctx` (the
//! story indexed for reading), `read` (one document's statements), `group` (which figures
//! state one fact), `verdict` (agree, differ, single), `figure_facts` and `event_facts`
//! (statements gathered into comparisons), `report` (the exported comparison).

mod assign;
mod ctx;
mod event_facts;
mod facts;
mod figure_facts;
mod group;
mod numbers;
mod read;
mod report;
#[cfg(test)]
mod tests;
mod verdict;
mod words;

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analysis::sentences::Sentence;
use crate::story::{ComparedValue, Comparison, EntityKind, Story, Timex, Verdict};

use self::assign::{EventInfo, Speaks};
use self::facts::{Kind, Stated, Value};
use self::group::Placed;
use self::numbers::{Dim, Figure};
use self::words::Token;

use self::ctx::Ctx;
use self::event_facts::event_comparisons;
use self::figure_facts::figure_comparisons;
use self::read::{DocFacts, read_document};
use self::report::{comparison, silent_docs};

/// Every comparison of the story: per event (in event order) then story facts, each fact's
/// values in document order.
pub fn compare(story: &Story, sentences: &HashMap<String, Vec<Sentence>>) -> Vec<Comparison> {
    let ctx = Ctx::new(story);
    let per_doc: Vec<DocFacts> = story
        .documents
        .par_iter()
        .enumerate()
        .map(|(d, doc)| match sentences.get(&doc.id) {
            Some(s) => read_document(&ctx, d, s),
            None => DocFacts::default(),
        })
        .collect();
    // Figures and the other event facts are compared independently, on all cores.
    let (mut out, events) = rayon::join(
        || {
            let mut out = Vec::new();
            figure_comparisons(&ctx, &per_doc, &mut out);
            out
        },
        || {
            let mut out = Vec::new();
            event_comparisons(&ctx, &per_doc, &mut out);
            out
        },
    );
    out.extend(events);
    let event_order: FxHashMap<&str, usize> = story
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    out.sort_by(|a, b| {
        let rank = |c: &Comparison| {
            c.event
                .as_deref()
                .and_then(|e| event_order.get(e).copied())
                .unwrap_or(usize::MAX)
        };
        rank(a)
            .cmp(&rank(b))
            .then(fact_rank(&a.fact).cmp(&fact_rank(&b.fact)))
            .then(a.about.cmp(&b.about))
            .then(a.values[0].doc.cmp(&b.values[0].doc))
            .then(a.values[0].start.cmp(&b.values[0].start))
    });
    out
}

fn fact_rank(fact: &str) -> usize {
    const ORDER: &[&str] = &[
        "date",
        "duration",
        "place",
        "participants",
        "initiator",
        "count",
        "money",
        "percentage",
        "length",
        "age",
        "characterisation",
    ];
    ORDER.iter().position(|f| *f == fact).unwrap_or(ORDER.len())
}
