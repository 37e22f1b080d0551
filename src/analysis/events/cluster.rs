//! Merging candidates that report one happening: precise dates by a keyed day index, coarse
//! ones into the single best precise event inside their interval.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::story::Granularity;

use super::Candidate;
use super::span::{Span, days};

/// A group of candidates reporting one happening, with the union of their participants,
/// keywords and kinds of happening kept up to date, so that matching a candidate against a
/// cluster costs the candidate's size, not the cluster's.
#[derive(Default)]
pub(super) struct Cluster<'a> {
    pub(super) members: Vec<Candidate<'a>>,
    participants: FxHashSet<usize>,
    keywords: FxHashSet<u64>,
    classes: FxHashSet<&'static str>,
    /// The one document all members come from, while there is one.
    only_doc: Option<&'a str>,
}

impl<'a> Cluster<'a> {
    fn push(&mut self, c: Candidate<'a>) {
        self.only_doc = match (self.members.is_empty(), self.only_doc) {
            (true, _) => Some(c.doc),
            (false, Some(doc)) if doc == c.doc => Some(doc),
            _ => None,
        };
        self.participants.extend(c.participants.iter().copied());
        self.classes.extend(c.classes.iter().copied());
        self.keywords.extend(c.keyword_ids.iter().copied());
        self.members.push(c);
    }

    pub(super) fn anchor(&self) -> &Candidate<'a> {
        &self.members[0]
    }
}

/// Words two sentences of one article about one day must share to report one happening.
const SAME_REPORT_WORDS: usize = 3;

/// How strongly a candidate matches a cluster, or `None` when they are not the same happening.
/// `by_word` says the cluster was found by a happening word alone (a candidate that names no
/// one, "the talks that are planned for early May"): that word is then enough.
fn affinity(
    c: &Candidate<'_>,
    cluster: &Cluster<'_>,
    people: &[bool],
    by_word: bool,
) -> Option<usize> {
    let theirs = &cluster.participants;
    let shared_people = c
        .participants
        .iter()
        .filter(|e| people[**e] && theirs.contains(e))
        .count();
    let shared_others = c
        .participants
        .iter()
        .filter(|e| !people[**e] && theirs.contains(e))
        .count();
    let words = &cluster.keywords;
    let shared_words = c.keyword_ids.iter().filter(|k| words.contains(k)).count();
    let shared_event_words = c
        .event_word_ids
        .iter()
        .filter(|k| words.contains(k))
        .count();
    // The same kind of happening in other words ("talks" and "round of negotiations").
    let shared_class = c.classes.iter().any(|k| cluster.classes.contains(k));
    let same_value = c.value == cluster.anchor().value;
    // A coarse mention ("this year") of a precise happening must say which happening it is:
    // words shared with a large cluster's many sentences prove little.
    let into_precise =
        c.granularity != Granularity::Day && cluster.anchor().granularity == Granularity::Day;
    let happening = shared_event_words >= 1 || shared_class;
    // One article's sentences about one day share its vocabulary whatever they report; two
    // outlets' sentences share words when they report the same thing.
    let same_doc = cluster.only_doc == Some(c.doc);
    let same_day_words = if same_doc { SAME_REPORT_WORDS } else { 2 };
    // ... and names no one new: "the second meeting between A and B this year" is not the
    // day A briefed the senators.
    if into_precise
        && c.participants
            .iter()
            .any(|e| people[*e] && !theirs.contains(e))
    {
        return None;
    }
    // One article names its people on one day in several happenings ("A warned on Wednesday";
    // "A, who was on Capitol Hill Wednesday, said"): there a shared person needs the happening.
    let same =
        (shared_people >= 1 && shared_words >= 1 && (happening || !into_precise && !same_doc))
            || shared_people >= 2 && (shared_words >= 1 || !same_doc)
            || (shared_event_words >= 1 || shared_class)
                && (shared_people + shared_others >= 1 || same_value)
            || shared_words >= same_day_words && same_value
            || shared_words >= 2 && shared_others >= 1 && !into_precise
            || (same_value && c.granularity != Granularity::Day && shared_others >= 1)
            || by_word && shared_event_words >= 1;
    same.then_some(
        3 * shared_people
            + shared_others
            + 2 * shared_words
            + 3 * shared_event_words
            + 2 * usize::from(shared_class),
    )
}

/// Merges candidates into clusters: precise dates first by keyed day index, then coarse ones
/// into the single best precise event inside their interval.
pub(super) fn cluster<'a>(mut candidates: Vec<Candidate<'a>>, people: &[bool]) -> Vec<Cluster<'a>> {
    let is_fine = |c: &Candidate<'_>| c.granularity == Granularity::Day && c.when.days() <= 7;
    // Precise first, earliest documents first: deterministic.
    candidates.sort_by_cached_key(|c| (!is_fine(c), c.when.days(), c.when.start));
    let mut clusters: Vec<Cluster> = Vec::new();
    // Day → precise clusters covering it (a precise candidate looks at its few days).
    let mut by_day: BTreeMap<jiff::civil::Date, Vec<usize>> = BTreeMap::new();
    // Entity → its clusters by first day, and value → coarse clusters: a coarse candidate
    // ("this year") looks only at clusters that share someone with it or its very value, never
    // at every cluster of its interval.
    let mut by_entity: FxHashMap<usize, BTreeMap<jiff::civil::Date, Vec<usize>>> =
        FxHashMap::default();
    let mut by_value: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    // Happening word → clusters by first day, for coarse candidates that name no one.
    let mut by_word: FxHashMap<u64, BTreeMap<jiff::civil::Date, Vec<usize>>> = FxHashMap::default();
    let mut seen = FxHashSet::default();
    for c in candidates {
        let fine = is_fine(&c);
        // "The talks that are planned for early May": within a month, the word is a lead.
        let word_led = !fine && c.participants.is_empty() && c.when.days() <= 31;
        let mut word_match = None;
        seen.clear();
        // The clusters this candidate may join, each once, in the order found.
        let mut considered: Vec<usize> = Vec::new();
        let mut consider = |id: usize| {
            if seen.insert(id) {
                considered.push(id);
            }
        };
        if fine {
            for (_, ids) in by_day.range(c.when.start..=c.when.end) {
                ids.iter().for_each(|&id| consider(id));
            }
        } else {
            for p in &c.participants {
                if let Some(days) = by_entity.get(p) {
                    for (_, ids) in days.range(c.when.start..=c.when.end) {
                        ids.iter().for_each(|&id| consider(id));
                    }
                }
            }
            for &id in by_value.get(&c.value).into_iter().flatten() {
                consider(id);
            }
            if word_led {
                let mut found = c.event_word_ids.iter().flat_map(|w| {
                    by_word
                        .get(w)
                        .into_iter()
                        .flat_map(|days| days.range(c.when.start..=c.when.end))
                        .flat_map(|(_, ids)| ids.iter().copied())
                });
                // Only when the word names one happening of the interval: "the talks" of a
                // month with two rounds of talks could be either.
                if let Some(first) = found.next()
                    && found.all(|id| id == first)
                {
                    word_match = Some(first);
                    consider(first);
                }
            }
        }
        // The best match: highest score, then the latest cluster. (Scoring them in parallel
        // was measured: no faster, the clusters of one candidate are too few.)
        let score = |&id: &usize| -> Option<(usize, usize)> {
            let cl = &clusters[id];
            let compatible = if fine {
                cl.anchor().when.overlaps(&c.when)
            } else {
                c.when.contains(&cl.anchor().when) || cl.anchor().when == c.when
            };
            compatible
                .then(|| affinity(&c, cl, people, word_match == Some(id)))
                .flatten()
                .map(|score| (score, id))
        };
        let best: Option<(usize, usize)> = considered.iter().filter_map(score).max();
        let id = match best {
            Some((_, id)) => {
                let cl = &mut clusters[id];
                if fine && c.when != cl.anchor().when && cl.anchor().granularity == Granularity::Day
                {
                    // "January 9-10" and "January 10": the event covers both.
                    let anchor = &mut cl.members[0];
                    let start = anchor.when.start.min(c.when.start);
                    let end = anchor.when.end.max(c.when.end);
                    let widened = Span { start, end };
                    for day in days(&widened) {
                        let ids = by_day.entry(day).or_default();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                    anchor.when = widened;
                }
                id
            }
            None => {
                let id = clusters.len();
                if fine {
                    for day in days(&c.when).take(7) {
                        by_day.entry(day).or_default().push(id);
                    }
                } else {
                    by_value.entry(c.value.clone()).or_default().push(id);
                }
                clusters.push(Cluster::default());
                id
            }
        };
        let cl = &mut clusters[id];
        cl.push(c);
        let c = cl.members.last().expect("just pushed");
        let first_day = cl.anchor().when.start;
        for &p in &c.participants {
            let ids = by_entity
                .entry(p)
                .or_default()
                .entry(first_day)
                .or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
        for &w in &c.event_word_ids {
            let ids = by_word.entry(w).or_default().entry(first_day).or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
    }
    clusters
}
