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
//! report it ("Psaki said ...", "according to ..."). A sentence right after an event that refers
//! back to it ("Those talks will be led by ...") adds its people to that event.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};

use rayon::prelude::*;

use crate::analysis::entities::Entities;
use crate::analysis::refdate;
use crate::analysis::sentences::Sentence;
use crate::analysis::text::{self, Word};
use crate::analysis::timex;
use crate::corpus::Document;
use crate::story::{EntityKind, Event, Granularity, Mention, Timex, TimexType, When};

/// Extracts the events of `docs`, merged across sources, ordered by date.
pub fn extract(
    docs: &[Document],
    sentences: &HashMap<String, Vec<Sentence>>,
    timexes: &[Timex],
    entities: &Entities,
) -> Vec<Event> {
    merge(candidates(docs, sentences, timexes, entities), entities)
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
) -> Candidates<'a> {
    let mentions = MentionIndex::new(entities);
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
                .then(|| entity.name.split_whitespace().last())
                .flatten()
        })
        .collect();
    let short_name = |e: usize| short_names[e];
    let candidates = docs
        .par_iter()
        .flat_map_iter(|doc| {
            let mut out = Vec::new();
            if let Some(doc_sentences) = sentences.get(&doc.id) {
                let doc_timexes = by_doc.get(doc.id.as_str()).map_or(&[][..], Vec::as_slice);
                candidates_of_document(
                    doc,
                    doc_sentences,
                    doc_timexes,
                    &mentions,
                    &people,
                    &short_name,
                    &mut out,
                );
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
    /// The keywords (see [`keywords`]) as 64-bit hashes of their stems, each once, so that
    /// clustering compares numbers, not strings, with no corpus-wide interning pass; and those
    /// of them that name a happening ("call", "talks").
    keyword_ids: Vec<u64>,
    event_word_ids: Vec<u64>,
    /// Kinds of happening among the keywords ("talks" and "negotiations" are one kind).
    classes: Vec<&'static str>,
    title: String,
}

/// Inclusive range of civil days; dates compare in calendar order, lengths come from
/// [`epoch_day`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Span {
    start: jiff::civil::Date,
    end: jiff::civil::Date,
}

impl Span {
    fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    fn overlaps(&self, other: &Span) -> bool {
        self.start <= other.end && other.start <= self.end
    }
    fn days(&self) -> i64 {
        epoch_day(self.end) - epoch_day(self.start) + 1
    }
}

/// Entity mentions of each document, sorted by position, for clause look-ups.
struct MentionIndex<'a> {
    by_doc: FxHashMap<&'a str, Vec<(usize, usize, usize)>>,
}

impl<'a> MentionIndex<'a> {
    fn new(entities: &'a Entities) -> Self {
        MentionIndex {
            by_doc: crate::analysis::entities::mentions_by_document(&entities.entities, |i, _| i),
        }
    }

    /// Mentions lying inside `[start, end)` of `doc`.
    fn within(&self, doc: &str, start: usize, end: usize) -> &[(usize, usize, usize)] {
        let Some(all) = self.by_doc.get(doc) else {
            return &[];
        };
        let from = all.partition_point(|m| m.0 < start);
        let to = all.partition_point(|m| m.0 < end);
        let to = (from..to)
            .rev()
            .find(|&i| all[i].1 <= end)
            .map_or(from, |i| i + 1);
        &all[from..to]
    }
}

/// The calendar span and granularity of a timex, or `None` when it names no known days
/// (durations, sets, "the past", "XXXX-12-25").
fn dated(t: &Timex) -> Option<(Span, Granularity, String)> {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    // An ISO interval of two days ("2022-01-09/2022-01-10") is a range of days.
    let (first, last) = t.value.split_once('/').unwrap_or((&t.value, ""));
    let value = first.split('T').next().unwrap_or(first);
    let (start, mut end, granularity) = timex::interval_days(value)?;
    if let Some(range_end) = timex::range_end(t) {
        end = range_end;
    } else if let Some((_, last, Granularity::Day)) = timex::interval_days(last) {
        end = last;
    }
    Some((Span { start, end }, granularity, value.to_string()))
}

fn candidates_of_document<'a, 'e>(
    doc: &'a Document,
    sentences: &[Sentence],
    timexes: &[&Timex],
    mentions: &MentionIndex,
    people: &[bool],
    short_names: &(dyn Fn(usize) -> Option<&'e str> + Sync),
    out: &mut Vec<Candidate<'a>>,
) {
    let mut last_people: Vec<usize> = Vec::new();
    // People named in the sentence before: "they" means two of them only when it follows
    // them closely; after a sentence about things ("The first round of negotiations will take
    // place ..."), "They will later continue" means the things.
    let mut people_before = 0;
    let mut previous: Option<usize> = None;
    for (n, s) in sentences
        .iter()
        .filter(|s| s.section.feeds_story())
        .enumerate()
    {
        // The report starts after a dateline ("CAIRO, Jan. 4 (Wire) — "), whose date is the
        // article's, not an event's. Datelines open the headline or the first sentence.
        let in_sentence = |t: &&&Timex| t.start >= s.start && t.end <= s.end;
        let near = &timexes[timexes.partition_point(|t| t.start < s.start)
            ..timexes.partition_point(|t| t.start <= s.end)];
        let sentence = &doc.text[s.start..s.end];
        let start = near
            .iter()
            .filter(in_sentence)
            .filter(|_| n < 2)
            .find_map(|t| refdate::after_dateline(sentence, t.start - s.start, t.end - s.start))
            .map_or(s.start, |after| s.start + after);
        let inside: Vec<(&Timex, (Span, Granularity, String))> = near
            .iter()
            .filter(in_sentence)
            .filter(|t| t.start >= start)
            .filter_map(|t| dated(t).map(|d| (*t, d)))
            .collect();
        let sentence_mentions = mentions.within(&doc.id, s.start, s.end);
        if inside.is_empty() {
            if let Some(prev) = previous.filter(|_| refers_back(&doc.text[s.start..s.end])) {
                let speakers = speakers(&doc.text, sentence_mentions);
                let cand: &mut Candidate<'a> = &mut out[prev];
                cand.sentences.push((s.start, s.end));
                for &(_, _, e) in sentence_mentions {
                    if !speakers.contains(&e) && !cand.participants.contains(&e) {
                        cand.participants.push(e);
                    }
                }
                cand.add_keywords(keywords(
                    text::words(&doc.text, s.start, s.end),
                    sentence_mentions,
                    &[],
                ));
            } else {
                previous = None;
            }
            remember_people(sentence_mentions, people, &mut last_people);
            people_before = count_people(sentence_mentions, people);
            continue;
        }
        let clauses = clauses(&doc.text, start, s.end, &inside);
        let tokens = text::Tokenized::new(&doc.text, s.start, s.end);
        let first_clause_end = clauses.first().map_or(s.end, |c| c.1);
        let speakers = speakers(&doc.text, sentence_mentions);
        for ((timex, (span, granularity, value)), (c_start, c_end)) in inside.iter().zip(clauses) {
            // "Biden urged calm ahead of talks on January 10": the date is the talks'.
            let phrase_start = dated_phrase_start(&doc.text, c_start, timex.start);
            let mut headed = phrase_start > c_start;
            // Keywords come from the whole clause: they only say which reports go together.
            let whole_clause = (c_start, c_end);
            let aside = person_aside(&doc.text, sentence_mentions, people, c_start, c_end, timex);
            let (c_start, c_end) = match (aside, when_clause(&doc.text, timex.end, c_end)) {
                (Some((_, clause)), _) | (None, Some(clause)) => {
                    headed = true;
                    clause
                }
                (None, None) => (phrase_start, c_end),
            };
            let clause_mentions = mentions.within(&doc.id, c_start, c_end);
            // Who takes part: the clause's names, or only those from the noun a ", which"
            // aside dates ("Biden expressed support for diplomacy, which will begin early next
            // year with ..." dates the diplomacy, not Biden).
            let actors = match dated_aside_start(&doc.text, c_start, timex.start) {
                // A name that ends at the comma is the noun: "the NATO-Russia Council, which".
                Some((from, comma)) => {
                    let named = clause_mentions.iter().find(|m| m.1 == comma && m.0 < from);
                    mentions.within(&doc.id, named.map_or(from, |m| m.0), c_end)
                }
                None => clause_mentions,
            };
            let mut participants: Vec<usize> = aside.map(|(m, _)| m.2).into_iter().collect();
            for &(_, _, e) in actors {
                if !speakers.contains(&e) && !participants.contains(&e) {
                    participants.push(e);
                }
            }
            let no_person = !participants.iter().any(|&e| people[e]);
            let clause = &doc.text[c_start..c_end];
            let they = no_person && people_before >= 2 && text::has_plural_pronoun(clause);
            if (mentions_a_pair(clause) || they) && last_people.len() >= 2 {
                for &e in &last_people[last_people.len() - 2..] {
                    if !participants.contains(&e) {
                        participants.push(e);
                    }
                }
            }
            let timex_spans: Vec<(usize, usize)> =
                inside.iter().map(|(t, _)| (t.start, t.end)).collect();
            let elliptic = (c_start > start && !headed)
                .then(|| elliptic_lead(&doc.text, start, first_clause_end, c_start, c_end))
                .flatten();
            let title = match (aside, elliptic) {
                // "Kowalczyk has led the dockers' union".
                (Some(((m_start, m_end, _), _)), _) => elliptic_title(
                    doc,
                    &tokens,
                    mentions,
                    (m_start, m_end),
                    (c_start, c_end),
                    &timex_spans,
                    short_names,
                ),
                // "…, and within the OSCE on January 13": the verb is the first clause's.
                (None, Some((lead_end, phrase_start))) => elliptic_title(
                    doc,
                    &tokens,
                    mentions,
                    (start, lead_end),
                    (phrase_start, c_end),
                    &timex_spans,
                    short_names,
                ),
                (None, None) => text::title_of_words(
                    &doc.text,
                    c_start,
                    &tokens.within(c_start, c_end),
                    clause_mentions,
                    &timex_spans,
                    short_names,
                ),
            };
            let mut candidate = Candidate {
                doc: &doc.id,
                sentences: vec![(s.start, s.end)],
                when: span.clone(),
                value: value.clone(),
                granularity: *granularity,
                participants,
                keyword_ids: Vec::new(),
                event_word_ids: Vec::new(),
                classes: Vec::new(),
                title,
            };
            candidate.add_keywords(keywords(
                tokens
                    .within(whole_clause.0, whole_clause.1)
                    .iter()
                    .copied(),
                mentions.within(&doc.id, whole_clause.0, whole_clause.1),
                &timex_spans,
            ));
            out.push(candidate);
            previous = Some(out.len() - 1);
        }
        remember_people(sentence_mentions, people, &mut last_people);
        people_before = count_people(sentence_mentions, people);
    }
}

/// The title of an elliptic clause: the first clause's subject and verb group (`lead`), then
/// the clause's own phrase ("They will later continue" + "within the OSCE").
fn elliptic_title<'e>(
    doc: &Document,
    tokens: &text::Tokenized,
    mentions: &MentionIndex,
    lead: (usize, usize),
    phrase: (usize, usize),
    timex_spans: &[(usize, usize)],
    short_names: &(dyn Fn(usize) -> Option<&'e str> + Sync),
) -> String {
    let part = |(start, end): (usize, usize), timexes: &[(usize, usize)]| {
        let m = mentions.within(&doc.id, start, end);
        text::title_of_words(
            &doc.text,
            start,
            &tokens.within(start, end),
            m,
            timexes,
            short_names,
        )
    };
    // A date before the verb ("On Monday they will meet") stays out of the lead too.
    let lead_title = part(lead, timex_spans);
    let phrase_title = part(phrase, timex_spans);
    // The title capitalizes its first word; mid-title it is written as in the text.
    let lower_in_text = doc.text[phrase.0..]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let mut chars = phrase_title.chars();
    let phrase_title: String = match chars.next() {
        Some(c) if lower_in_text => c.to_lowercase().chain(chars).collect(),
        _ => phrase_title,
    };
    format!("{lead_title} {phrase_title}")
}

/// A later clause that is only a conjunction and a place or setting ("and within the OSCE on
/// January 13") shares the verb of the sentence's first clause ("They will later continue").
/// Returns where that verb group ends and where the phrase starts after the conjunction.
fn elliptic_lead(
    doc_text: &str,
    sentence_start: usize,
    first_clause_end: usize,
    c_start: usize,
    c_end: usize,
) -> Option<(usize, usize)> {
    let mut clause = text::words(doc_text, c_start, c_end);
    let conjunction = clause.next()?;
    if !matches!(conjunction.text, "and" | "but" | "or") {
        return None;
    }
    let phrase = clause.next()?;
    if !matches!(
        phrase.text.to_lowercase().as_str(),
        "in" | "within" | "at" | "on" | "with" | "to" | "for" | "from" | "by" | "inside" | "under"
    ) {
        return None;
    }
    // The first clause's verb group: an auxiliary with its adverbs and main verb ("will later
    // continue"), or a verb in the past tense ("met").
    let words: Vec<text::Word> = text::words(doc_text, sentence_start, first_clause_end)
        .take(12)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.text.to_lowercase();
        if matches!(
            lower.as_str(),
            "will" | "would" | "can" | "could" | "may" | "might" | "shall" | "should" | "must"
        ) {
            let main = words[i + 1..].iter().find(|v| {
                !matches!(
                    v.text,
                    "later" | "also" | "then" | "again" | "soon" | "still" | "be" | "not"
                )
            })?;
            return Some((main.end, phrase.start));
        }
        if i > 0 && lower.len() > 4 && lower.ends_with("ed") && w.text == lower {
            return Some((w.end, phrase.start));
        }
    }
    None
}

/// Keeps the people most recently mentioned, latest last, for "the two leaders".
fn remember_people(mentions: &[(usize, usize, usize)], people: &[bool], last: &mut Vec<usize>) {
    for &(_, _, e) in mentions {
        if people[e] {
            last.retain(|&p| p != e);
            last.push(e);
        }
    }
    // Only the last two are ever read: a longer memory made long documents quadratic.
    if last.len() > 2 {
        last.drain(..last.len() - 2);
    }
}

/// How many different people a sentence names.
fn count_people(mentions: &[(usize, usize, usize)], people: &[bool]) -> usize {
    let mut seen: Vec<usize> = mentions
        .iter()
        .map(|m| m.2)
        .filter(|&e| people[e])
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// "the two leaders", "both presidents": the clause speaks of the last two people named.
fn mentions_a_pair(clause: &str) -> bool {
    ["the two ", "both "].iter().any(|p| {
        text::find_ignoring_case(clause, p).any(|i| {
            let mut rest = clause[i + p.len()..].split_whitespace();
            let next = text::lower(rest.next().unwrap_or(""));
            let next = if next == "world" {
                text::lower(rest.next().unwrap_or(""))
            } else {
                next
            };
            text::is_person_noun(&next)
        })
    })
}

/// Where the phrase a date belongs to starts, when the clause's subject did something else:
/// after "ahead of", "before", "prior to" … followed by a noun phrase ("expressed support ahead
/// of talks in Geneva on January 10" dates the talks, not the support), or at a happening
/// that a relative clause dates ("agreed to the topics for the talks that are happening in
/// early January"). Else `c_start`. A gerund ("before bringing them back on Wednesday")
/// shares the clause's subject, and a date right after the marker ("before January 10")
/// bounds the clause's own act, so both keep the whole clause.
fn dated_phrase_start(doc_text: &str, c_start: usize, timex_start: usize) -> usize {
    const MARKERS: [&str; 6] = [
        " ahead of ",
        " in advance of ",
        " in the run-up to ",
        " in preparation for ",
        " prior to ",
        " before ",
    ];
    // Every cue opens with a space: one pass over the spaces finds the last of each, and only
    // the few words inspected are lower-cased (this runs on every dated clause).
    let before = &doc_text[c_start..timex_start];
    let (mut marker_end, mut relative) = (None, None);
    for i in memchr::memchr_iter(b' ', before.as_bytes()) {
        let here = &before.as_bytes()[i..];
        // The letter after the space rules out nearly every cue at once.
        let Some(letter) = here.get(1).map(u8::to_ascii_lowercase) else {
            continue;
        };
        let could_be = |cue: &&&str| cue.as_bytes().get(1) == Some(&letter);
        if let Some(m) = MARKERS
            .iter()
            .filter(could_be)
            .find(|m| text::starts_ignoring_case(here, m.as_bytes()))
        {
            marker_end = marker_end.max(Some(i + m.len()));
        }
        if [" that ", " which "]
            .iter()
            .filter(could_be)
            .any(|r| text::starts_ignoring_case(here, r.as_bytes()))
        {
            relative = Some(i);
        }
    }
    let after_marker = marker_end.filter(|&phrase| {
        let between = &before[phrase..];
        between
            .split_whitespace()
            .next()
            .is_some_and(|first| !first.to_ascii_lowercase().ends_with("ing"))
            && !between.contains([',', ';'])
    });
    let at_happening = relative
        .filter(|&i| !before[i..].contains([',', ';']))
        .and_then(|i| {
            // The noun before the relative pronoun, with its article.
            let head_start = before[..i].rfind(' ').map_or(0, |k| k + 1);
            let head = before[head_start..i].to_ascii_lowercase();
            if !text::is_event_noun(text::stem(&head)) {
                return None;
            }
            let article = before[..head_start.saturating_sub(1)]
                .rfind(' ')
                .map(|k| k + 1)
                .filter(|&k| {
                    matches!(
                        before[k..head_start - 1].to_ascii_lowercase().as_str(),
                        "the" | "a" | "an"
                    )
                });
            Some(article.unwrap_or(head_start))
        });
    match after_marker.max(at_happening) {
        Some(phrase) => c_start + phrase,
        None => c_start,
    }
}

/// Where the noun starts that a ", which" aside around a date describes ("support for
/// diplomacy, which will begin early next year" → "diplomacy"), when the date lies in that
/// aside: the aside says what the noun does, not what the clause's subject does. Also returns
/// where the comma is.
fn dated_aside_start(doc_text: &str, c_start: usize, timex_start: usize) -> Option<(usize, usize)> {
    // None when the clause starts after the date (a "when" clause).
    let before = doc_text.get(c_start..timex_start)?;
    let comma = open_aside(before, ", which ")?;
    let head = before[..comma].rfind(' ').map_or(0, |k| k + 1);
    (head > 0).then_some((c_start + head, c_start + comma))
}

/// Where an aside opened by `opener` (", who ", ", which ") starts when `before` ends inside
/// it: the opener's last occurrence, with no comma or semicolon after it.
fn open_aside(before: &str, opener: &str) -> Option<usize> {
    let comma = before.rfind(opener)?;
    (!before[comma + opener.len()..].contains([',', ';'])).then_some(comma)
}

/// An entity's mention in a document: start, end, entity index.
type EntitySpan = (usize, usize, usize);

/// A date inside an aside about a person: "Kowalczyk, who has led the union since 2021, spoke
/// to reporters" dates her leading the union, not her speaking. Returns the person's mention
/// and the aside after "who", up to its closing comma.
fn person_aside(
    doc_text: &str,
    sentence_mentions: &[EntitySpan],
    people: &[bool],
    c_start: usize,
    c_end: usize,
    timex: &Timex,
) -> Option<(EntitySpan, (usize, usize))> {
    let comma = open_aside(&doc_text[c_start..timex.start], ", who ")?;
    let person = *sentence_mentions
        .iter()
        .find(|m| m.1 == c_start + comma && people[m.2])?;
    let start = c_start + comma + 6;
    let end = doc_text[timex.end..c_end]
        .find([',', ';'])
        .map_or(c_end, |i| timex.end + i);
    Some((person, (start, end)))
}

/// The clause that says what happened at a date: "the strike of 2019, when dockers stopped
/// work for nine days" → "dockers stopped work for nine days", up to the next comma.
fn when_clause(doc_text: &str, timex_end: usize, c_end: usize) -> Option<(usize, usize)> {
    let rest = &doc_text[timex_end..c_end];
    let start = timex_end + rest.strip_prefix(", when ").map(|r| rest.len() - r.len())?;
    let end = doc_text[start..c_end]
        .find([',', ';'])
        .map_or(c_end, |i| start + i);
    (doc_text[start..end].split_whitespace().count() >= 3).then_some((start, end))
}

/// A sentence that continues the previous one's event: it opens with a demonstrative
/// ("Those talks", "These will include") and says nothing negative about it.
fn refers_back(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().take(2).collect();
    let Some(first) = words.first() else {
        return false;
    };
    if !matches!(*first, "These" | "Those" | "The" | "This") {
        return false;
    }
    if *first == "The" || *first == "This" {
        let second = words
            .get(1)
            .map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        if !text::is_event_noun(text::stem(&second.to_lowercase())) {
            return false;
        }
    }
    !text::is_negated(sentence)
}

/// People who only report the clause: the subject of a verb of saying, or "according to X".
fn speakers(doc_text: &str, mentions: &[(usize, usize, usize)]) -> FxHashSet<usize> {
    mentions
        .iter()
        .filter(|&&(start, end, _)| text::is_attribution(doc_text, start, end))
        .map(|m| m.2)
        .collect()
}

/// Splits a sentence into one clause per timex: each clause runs from the previous clause break
/// (", and", ";", " — ", else the last comma, else the midpoint between two timexes) to the next.
fn clauses(
    doc_text: &str,
    start: usize,
    end: usize,
    timexes: &[(&Timex, (Span, Granularity, String))],
) -> Vec<(usize, usize)> {
    if timexes.len() == 1 {
        return vec![(start, end)];
    }
    let mut cuts = vec![start];
    for pair in timexes.windows(2) {
        let (a, b) = (pair[0].0, pair[1].0);
        let between = &doc_text[a.end..b.start];
        let cut = [", and ", "; ", " — ", ", while ", ", but ", ". "]
            .iter()
            .filter_map(|sep| between.find(sep).map(|i| a.end + i))
            .min()
            // Else the last comma ("in 2020, when Lund and Moe signed a pact on June 2"), else
            // the midpoint.
            .or_else(|| between.rfind(", ").map(|i| a.end + i))
            .unwrap_or_else(|| word_break(doc_text, (a.end + b.start) / 2, b.start));
        cuts.push(cut);
    }
    cuts.push(end);
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The first space at or after `i` (never past `limit`), so that a clause never starts
/// inside a word.
fn word_break(text: &str, i: usize, limit: usize) -> usize {
    let i = text::floor_char_boundary(text, i);
    text[i..limit]
        .find(char::is_whitespace)
        .map_or(limit, |k| i + k)
}

/// Content words of a clause: the words that are not names or dates (see
/// [`Candidate::add_keywords`] for the rest); what two reports of one happening share.
fn keywords<'t>(
    words: impl Iterator<Item = Word<'t>> + 't,
    mentions: &'t [(usize, usize, usize)],
    timexes: &'t [(usize, usize)],
) -> impl Iterator<Item = Word<'t>> + 't {
    words.filter(|w: &Word| {
        !mentions.iter().any(|m| w.start < m.1 && m.0 < w.end)
            && !timexes.iter().any(|t| w.start < t.1 && t.0 < w.end)
    })
}

impl Candidate<'_> {
    /// Adds the stems of `words` that are not function words, each once, with the kinds of
    /// happening they name. Nothing is allocated per word: this runs on every dated clause.
    fn add_keywords<'t>(&mut self, words: impl Iterator<Item = Word<'t>>) {
        use std::hash::BuildHasher;
        for w in words {
            let lower = text::lower(w.text);
            if text::is_stopword(&lower) || lower.len() <= 2 {
                continue;
            }
            let stem = text::stem(&lower);
            // A fixed-seed 64-bit hash: two stems of one corpus colliding is vanishingly rare,
            // and the same text always gives the same story.
            let id = rustc_hash::FxBuildHasher.hash_one(stem);
            if self.keyword_ids.contains(&id) {
                continue;
            }
            self.keyword_ids.push(id);
            if text::is_event_noun(stem) {
                self.event_word_ids.push(id);
            }
            if let Some(class) = text::event_class(stem)
                && !self.classes.contains(&class)
            {
                self.classes.push(class);
            }
        }
    }
}

/// A group of candidates reporting one happening, with the union of their participants,
/// keywords and kinds of happening kept up to date, so that matching a candidate against a
/// cluster costs the candidate's size, not the cluster's.
#[derive(Default)]
struct Cluster<'a> {
    members: Vec<Candidate<'a>>,
    participants: FxHashSet<usize>,
    keywords: FxHashSet<u64>,
    classes: FxHashSet<&'static str>,
}

impl<'a> Cluster<'a> {
    fn push(&mut self, c: Candidate<'a>) {
        self.participants.extend(c.participants.iter().copied());
        self.classes.extend(c.classes.iter().copied());
        self.keywords.extend(c.keyword_ids.iter().copied());
        self.members.push(c);
    }

    fn anchor(&self) -> &Candidate<'a> {
        &self.members[0]
    }
}

/// How strongly a candidate matches a cluster, or `None` when they are not the same happening.
/// `by_word` says the cluster was found by a happening word alone (a candidate that names no
/// one, "the talks that are happening in early January"): that word is then enough.
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
    let same = (shared_people >= 1 && shared_words >= 1)
        || shared_people >= 2
        || (shared_event_words >= 1 || shared_class)
            && (shared_people + shared_others >= 1 || same_value)
        || shared_words >= 2 && (shared_others >= 1 || same_value)
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
fn cluster<'a>(mut candidates: Vec<Candidate<'a>>, people: &[bool]) -> Vec<Cluster<'a>> {
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
        // "The talks that are happening in early January": within a month, the word is a lead.
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

/// Days since 1970-01-01 (proleptic Gregorian), by the civil-from-days arithmetic of
/// H. Hinnant: a few integer operations, where subtracting `jiff` dates builds a whole span.
fn epoch_day(d: jiff::civil::Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days(span: &Span) -> impl Iterator<Item = jiff::civil::Date> + '_ {
    span.start
        .series(jiff::Span::new().days(1))
        .take_while(move |d| *d <= span.end)
}

/// Turns clusters into events: the best title, the union of participants (most cited first),
/// one mention per reporting sentence; ordered by date, then title.
fn finish(clusters: Vec<Cluster<'_>>, entities: &Entities, people: &[bool]) -> Vec<Event> {
    let mut events: Vec<Event> = clusters
        .into_par_iter()
        .map(|cluster| {
            let anchor = cluster.anchor();
            let when = when_of(&anchor.when, anchor.granularity, &anchor.value);
            let mut counts: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
            let mut order = 0;
            for c in &cluster.members {
                for &e in &c.participants {
                    let entry = counts.entry(e).or_insert((0, order));
                    entry.0 += 1;
                    order += 1;
                }
            }
            let mut participants: Vec<(usize, (usize, usize))> = counts.into_iter().collect();
            participants.sort_by_key(|&(e, (n, first))| (!people[e], std::cmp::Reverse(n), first));
            let top: Vec<usize> = participants
                .iter()
                .filter(|(e, _)| people[*e])
                .take(2)
                .map(|(e, _)| *e)
                .collect();
            let title = best_title(&cluster, &top, entities);
            let mut mentions: Vec<Mention> = cluster
                .members
                .iter()
                .flat_map(|c| {
                    c.sentences.iter().map(|&(start, end)| Mention {
                        doc: c.doc.to_string(),
                        start,
                        end,
                    })
                })
                .collect();
            mentions.sort_by_key(|a| (doc_number(&a.doc), a.start));
            mentions.dedup();
            Event {
                id: String::new(),
                title,
                when,
                participants: participants
                    .iter()
                    .map(|(e, _)| entities.entities[*e].id.clone())
                    .collect(),
                mentions,
            }
        })
        .collect();
    events.sort_by(|a, b| {
        (&a.when.start, &a.when.end, &a.title).cmp(&(&b.when.start, &b.when.end, &b.title))
    });
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("v{}", i + 1);
    }
    events
}

/// "d12" → 12, so that documents sort in reading order.
fn doc_number(id: &str) -> usize {
    id.trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .unwrap_or(usize::MAX)
}

/// The title that names the event's main people and reads best: 4 to 12 words preferred.
fn best_title(cluster: &Cluster<'_>, top: &[usize], entities: &Entities) -> String {
    let surname = |e: usize| {
        entities.entities[e]
            .name
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string()
    };
    let names: Vec<String> = top.iter().map(|&e| surname(e)).collect();
    // Reports that date the event as precisely as its anchor describe it best; vaguer ones
    // that joined it ("early next year") often speak of something around it.
    let anchor = cluster.anchor();
    let precise: Vec<&Candidate<'_>> = cluster
        .members
        .iter()
        .filter(|c| c.granularity == anchor.granularity && !c.title.is_empty())
        .collect();
    let pool: Vec<&Candidate<'_>> = if precise.is_empty() {
        cluster.members.iter().collect()
    } else {
        precise
    };
    pool.into_iter()
        .map(|c| &c.title)
        .filter(|t| !t.is_empty())
        .max_by_key(|t| {
            let words = t.split_whitespace().count();
            let named = names.iter().filter(|n| t.contains(n.as_str())).count();
            let fits = (4..=12).contains(&words);
            let ellipsis = t.ends_with('…');
            // Titles that say what happened ("invasion", "call") read better than the
            // circumstances around it ("Should Russia invade …").
            let happening = text::words(t, 0, t.len())
                .any(|w| text::is_event_noun(text::stem(&w.text.to_lowercase())));
            // A title that opens with a name says who did it.
            let opens_with_name = t.chars().next().is_some_and(char::is_uppercase)
                && !t.starts_with("The ")
                && !t.split_whitespace().next().is_some_and(|w| {
                    text::is_stopword(&w.to_lowercase()) || w.ends_with("ers") || w.ends_with("ing")
                });
            (
                named,
                happening,
                opens_with_name,
                fits,
                !ellipsis,
                std::cmp::Reverse(words),
            )
        })
        .cloned()
        .unwrap_or_else(|| cluster.anchor().value.clone())
}

/// The event's date: a single day, a day range (ISO interval "start/end"), or a coarser value.
fn when_of(span: &Span, granularity: Granularity, value: &str) -> When {
    let value = if granularity == Granularity::Day && span.start != span.end {
        format!("{}/{}", span.start, span.end)
    } else {
        value.to_string()
    };
    When {
        value,
        start: span.start.to_string(),
        end: span.end.to_string(),
        granularity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::corpus::{DateBasis, Section, SectionKind};
    use crate::story::Entity;

    #[test]
    fn epoch_days_count_calendar_days() {
        let day = |s: &str| epoch_day(s.parse().unwrap());
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(
            day("2000-03-01") - day("2000-02-28"),
            2,
            "2000 is a leap year"
        );
        assert_eq!(day("1900-03-01") - day("1900-02-28"), 1, "1900 is not");
        assert_eq!(day("0001-01-01"), -719_162);
        for (a, b) in [("2021-12-30", "2022-01-10"), ("1989-10-26", "1998-08-07")] {
            let (a, b): (jiff::civil::Date, jiff::civil::Date) =
                (a.parse().unwrap(), b.parse().unwrap());
            assert_eq!(epoch_day(b) - epoch_day(a), i64::from((b - a).get_days()));
        }
    }

    /// A tiny hand-made corpus: documents split into sentences at ". ", entities found by their
    /// surface forms, timexes given with their values.
    struct Fixture {
        docs: Vec<Document>,
        sentences: HashMap<String, Vec<Sentence>>,
        timexes: Vec<Timex>,
        entities: Entities,
    }

    fn fixture(
        texts: &[&str],
        people: &[(&str, &[&str])],
        places: &[(&str, &[&str])],
        dates: &[(&str, &str)],
    ) -> Fixture {
        let mut docs = Vec::new();
        let mut sentences = HashMap::new();
        let mut timexes = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let id = format!("d{}", i + 1);
            let mut spans = Vec::new();
            let mut start = 0;
            for (pos, _) in text.match_indices(". ") {
                spans.push(Sentence {
                    start,
                    end: pos + 1,
                    section: SectionKind::Body,
                });
                start = pos + 2;
            }
            spans.push(Sentence {
                start,
                end: text.len(),
                section: SectionKind::Body,
            });
            sentences.insert(id.clone(), spans);
            for (surface, value) in dates {
                for (pos, _) in text.match_indices(surface) {
                    timexes.push(Timex {
                        doc: Some(id.clone()),
                        start: pos,
                        end: pos + surface.len(),
                        text: surface.to_string(),
                        kind: TimexType::Date,
                        value: value.to_string(),
                        modifier: None,
                    });
                }
            }
            docs.push(Document {
                id,
                file: format!("{i}.txt"),
                title: None,
                outlet: None,
                url: None,
                published: Some("2023-03-10".into()),
                published_basis: DateBasis::Manifest,
                text: text.to_string(),
                sections: vec![Section {
                    start: 0,
                    end: text.len(),
                    kind: SectionKind::Body,
                }],
            });
        }
        let mut entities = Vec::new();
        let groups = people
            .iter()
            .map(|p| (p, EntityKind::Person))
            .chain(places.iter().map(|p| (p, EntityKind::Place)));
        for (n, ((name, forms), kind)) in groups.enumerate() {
            let mut mentions = Vec::new();
            for doc in &docs {
                let mut taken: Vec<(usize, usize)> = Vec::new();
                let mut forms: Vec<&str> = forms.to_vec();
                forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
                for form in forms {
                    for (pos, _) in doc.text.match_indices(form) {
                        let span = (pos, pos + form.len());
                        if !taken.iter().any(|t| t.0 < span.1 && span.0 < t.1) {
                            taken.push(span);
                            mentions.push(Mention {
                                doc: doc.id.clone(),
                                start: span.0,
                                end: span.1,
                            });
                        }
                    }
                }
            }
            entities.push(Entity {
                id: format!("e{n}"),
                kind,
                name: name.to_string(),
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions,
            });
        }
        Fixture {
            docs,
            sentences,
            timexes,
            entities: Entities {
                entities,
                affiliations: Vec::new(),
            },
        }
    }

    fn run(f: &Fixture) -> Vec<Event> {
        extract(&f.docs, &f.sentences, &f.timexes, &f.entities)
    }

    fn summary(events: &[Event], f: &Fixture) -> Vec<(String, Vec<String>, usize)> {
        events
            .iter()
            .map(|e| {
                let names = e
                    .participants
                    .iter()
                    .map(|p| {
                        f.entities
                            .entities
                            .iter()
                            .find(|x| &x.id == p)
                            .unwrap()
                            .name
                            .clone()
                    })
                    .collect();
                let mut docs: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
                docs.dedup();
                (e.when.value.clone(), names, docs.len())
            })
            .collect()
    }

    #[test]
    fn one_happening_reported_by_three_outlets_is_one_event() {
        let f = fixture(
            &[
                "Prime Minister Hana Sato met President Min Kim in Seoul on Tuesday. The summit lasted two hours.",
                "Sato and Kim held a summit on Tuesday in Seoul, officials said.",
                "On March 7, Kim told Sato that the summit was useful. Separately, Sato visited Busan on Thursday.",
            ],
            &[
                ("Hana Sato", &["Hana Sato", "Sato"]),
                ("Min Kim", &["Min Kim", "Kim"]),
            ],
            &[("Seoul", &["Seoul"]), ("Busan", &["Busan"])],
            &[
                ("Tuesday", "2023-03-07"),
                ("March 7", "2023-03-07"),
                ("Thursday", "2023-03-09"),
            ],
        );
        let events = run(&f);
        let s = summary(&events, &f);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].0, "2023-03-07");
        assert_eq!(
            s[0].2, 3,
            "the summit is reported by all three documents: {s:?}"
        );
        assert_eq!(
            s[0].1[..2],
            ["Hana Sato".to_string(), "Min Kim".to_string()]
        );
        assert_eq!(s[1].0, "2023-03-09");
        assert_eq!(s[1].1, ["Hana Sato".to_string(), "Busan".to_string()]);
    }

    #[test]
    fn a_which_aside_dates_its_noun_not_the_subject() {
        let f = fixture(
            &[
                "Governor Ines Vale backed the water plan, which will begin in June with pumps in Arles.",
                "Vale said the plan would cost little.",
            ],
            &[("Ines Vale", &["Ines Vale", "Vale"])],
            &[("Arles", &["Arles"])],
            &[("June", "2023-06")],
        );
        let s = summary(&run(&f), &f);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].1, ["Arles".to_string()], "{s:?}");
        // Without the comma, the date is the backing's: "backed the plan in June".
        let f = fixture(
            &["Governor Ines Vale backed the water plan in June with pumps in Arles."],
            &[("Ines Vale", &["Ines Vale", "Vale"])],
            &[("Arles", &["Arles"])],
            &[("June", "2023-06")],
        );
        let s = summary(&run(&f), &f);
        assert_eq!(
            s[0].1,
            ["Ines Vale".to_string(), "Arles".to_string()],
            "{s:?}"
        );
        // A name of several words before the comma is the noun, whole.
        let f = fixture(
            &["Governor Ines Vale praised New Arles, which will vote in June on the plan."],
            &[("Ines Vale", &["Ines Vale", "Vale"])],
            &[("New Arles", &["New Arles"])],
            &[("June", "2023-06")],
        );
        let s = summary(&run(&f), &f);
        assert_eq!(s[0].1, ["New Arles".to_string()], "{s:?}");
    }

    #[test]
    fn a_date_after_ahead_of_belongs_to_the_talks_not_to_the_subject() {
        let f = fixture(
            &[
                "Mayor Ada Lund urged patience ahead of wage talks between the unions and the city on May 4 in Tromso.",
                "The wage talks will open on May 4. They will be led by negotiator Per Dahl and Siri Moe.",
                "Lund agreed to an agenda for the talks that are planned in early May. Moe held a meeting before bringing the sides together on May 2.",
            ],
            &[
                ("Ada Lund", &["Ada Lund", "Lund"]),
                ("Per Dahl", &["Per Dahl"]),
                ("Siri Moe", &["Siri Moe", "Moe"]),
            ],
            &[("Tromso", &["Tromso"])],
            &[
                ("May 4", "2023-05-04"),
                ("early May", "2023-05"),
                ("May 2", "2023-05-02"),
            ],
        );
        let events = run(&f);
        let s = summary(&events, &f);
        // The urging and the agreement are Lund's, the talks are not: she is no participant;
        // "the talks that are planned in early May" are the talks of May 4, not an event of
        // their own.
        assert_eq!(s.len(), 2, "{s:?}");
        let talks = s.iter().find(|e| e.0 == "2023-05-04").expect("the talks");
        assert!(!talks.1.contains(&"Ada Lund".to_string()), "{s:?}");
        assert_eq!(talks.2, 3, "all three documents report the talks: {s:?}");
        let talks_event = events
            .iter()
            .find(|e| e.when.value == "2023-05-04")
            .unwrap();
        assert!(
            talks_event
                .title
                .starts_with("Wage talks between the unions"),
            "{}",
            talks_event.title
        );
        // A gerund after "before" shares the subject: Moe brought the sides together.
        let bringing = s.iter().find(|e| e.0 == "2023-05-02").expect("May 2");
        assert_eq!(bringing.1, ["Siri Moe".to_string()]);
    }

    #[test]
    fn a_when_clause_after_a_date_says_what_happened_then() {
        let f = fixture(
            &[
                "Mayor Ada Lund warned in May that crews could repeat the blockade of 2017, when farmers closed the bridge for a week.",
            ],
            &[("Ada Lund", &["Ada Lund", "Lund"])],
            &[],
            &[("May", "2023-05"), ("2017", "2017")],
        );
        let events = run(&f);
        let blockade = events.iter().find(|e| e.when.value == "2017").unwrap();
        assert_eq!(blockade.title, "Farmers closed the bridge for a week");
        assert!(blockade.participants.is_empty(), "Lund warned in May");
    }

    #[test]
    fn a_date_in_an_aside_about_someone_dates_the_aside() {
        let f = fixture(
            &[
                "Ada Lund, who became mayor of Tromso in 2019, told the council that the bridge would close.",
            ],
            &[("Ada Lund", &["Ada Lund", "Lund"])],
            &[("Tromso", &["Tromso"])],
            &[("2019", "2019")],
        );
        let events = run(&f);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].title, "Lund became mayor of Tromso");
        assert_eq!(events[0].participants, ["e0", "e1"]);
    }

    #[test]
    fn a_datelines_date_is_no_event() {
        let f = fixture(
            &[
                "TROMSO, May 6, 2023 (Nordwire) — Mayor Ada Lund closed the bridge on Friday. Crews reopened it on Saturday.",
            ],
            &[("Ada Lund", &["Ada Lund", "Lund"])],
            &[("Tromso", &["TROMSO"])],
            &[
                ("May 6, 2023", "2023-05-06"),
                ("Friday", "2023-05-05"),
                ("Saturday", "2023-05-06"),
            ],
        );
        let events = run(&f);
        let s = summary(&events, &f);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(events[0].when.value, "2023-05-05");
        assert_eq!(events[0].title, "Lund closed the bridge");
        assert_eq!(events[1].title, "Crews reopened it");
    }

    #[test]
    fn a_clause_of_only_a_setting_borrows_the_first_clauses_verb() {
        let f = fixture(
            &["The envoys will later meet in Oslo on April 4, and within the council on April 6."],
            &[],
            &[("Oslo", &["Oslo"])],
            &[("April 4", "2023-04-04"), ("April 6", "2023-04-06")],
        );
        let events = run(&f);
        let titles: Vec<&str> = events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "The envoys will later meet in Oslo",
                "The envoys will later meet within the council"
            ]
        );
    }

    #[test]
    fn a_borrowed_verb_leaves_its_date_behind() {
        let f = fixture(
            &["On April 4 the envoys will meet in Oslo, and within the council on April 6."],
            &[],
            &[("Oslo", &["Oslo"])],
            &[("April 4", "2023-04-04"), ("April 6", "2023-04-06")],
        );
        let events = run(&f);
        assert_eq!(
            events[1].title, "The envoys will meet within the council",
            "{events:?}"
        );
    }

    #[test]
    fn a_range_and_a_day_inside_it_are_one_event_and_it_covers_both() {
        let f = fixture(
            &[
                "The envoys will hold talks in Oslo on April 4-5.",
                "Talks between the envoys are set for April 5 in Oslo.",
            ],
            &[],
            &[("Oslo", &["Oslo"])],
            &[
                ("April 4-5", "2023-04-04/2023-04-05"),
                ("April 5", "2023-04-05"),
            ],
        );
        let events = run(&f);
        assert_eq!(events.len(), 1, "{:?}", summary(&events, &f));
        assert_eq!(events[0].when.start, "2023-04-04");
        assert_eq!(events[0].when.end, "2023-04-05");
        assert_eq!(events[0].when.value, "2023-04-04/2023-04-05");
        assert_eq!(events[0].mentions.len(), 2);
    }

    #[test]
    fn a_vague_mention_joins_one_precise_event_and_never_glues_two() {
        let f = fixture(
            &[
                "Lee called Park on March 2. Lee called Park again on March 9. Their second call this month was tense.",
            ],
            &[("Ann Lee", &["Lee"]), ("Joon Park", &["Park"])],
            &[],
            &[
                ("March 2", "2023-03-02"),
                ("March 9", "2023-03-09"),
                ("this month", "2023-03"),
            ],
        );
        let events = run(&f);
        let s = summary(&events, &f);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(events[0].mentions.len() + events[1].mentions.len(), 3);
    }

    #[test]
    fn they_means_people_only_right_after_them() {
        let f = fixture(
            &[
                "Adams and Brown agreed to hold talks. The first round will open in Rome. They will resume in Oslo on Friday. Adams met Brown again. They spoke on Monday.",
            ],
            &[("Jo Adams", &["Adams"]), ("Al Brown", &["Brown"])],
            &[("Rome", &["Rome"]), ("Oslo", &["Oslo"])],
            &[("Friday", "2023-03-03"), ("Monday", "2023-03-06")],
        );
        let s = summary(&run(&f), &f);
        let people_of = |day: &str| s.iter().find(|e| e.0 == day).map(|e| e.1.clone());
        // "They will resume" follows a sentence about the talks: no people, just the place.
        assert_eq!(people_of("2023-03-03"), Some(vec!["Oslo".to_string()]));
        // "They spoke" follows a sentence naming both: the two of them.
        assert_eq!(
            people_of("2023-03-06"),
            Some(vec!["Jo Adams".to_string(), "Al Brown".to_string()])
        );
    }

    #[test]
    fn reporters_are_not_participants_and_pairs_resolve() {
        let f = fixture(
            &["Adams met Brown in Rome. Clark said the two leaders spoke again on Friday."],
            &[
                ("Jo Adams", &["Adams"]),
                ("Al Brown", &["Brown"]),
                ("Cy Clark", &["Clark"]),
            ],
            &[("Rome", &["Rome"])],
            &[("Friday", "2023-03-03")],
        );
        let events = run(&f);
        let s = summary(&events, &f);
        assert_eq!(
            s,
            [(
                "2023-03-03".to_string(),
                vec!["Jo Adams".to_string(), "Al Brown".to_string()],
                1
            )]
        );
        assert_eq!(events[0].title, "The two leaders spoke again");
    }

    #[test]
    fn a_following_sentence_that_refers_back_adds_its_people_unless_negated() {
        let f = fixture(
            &[
                "The countries will meet in Vienna on May 2. Those talks will be led by Ortiz and Novak. Lopez will not attend those talks.",
            ],
            &[
                ("Eva Ortiz", &["Ortiz"]),
                ("Ivan Novak", &["Novak"]),
                ("Rita Lopez", &["Lopez"]),
            ],
            &[("Vienna", &["Vienna"])],
            &[("May 2", "2023-05-02")],
        );
        let events = run(&f);
        let s = summary(&events, &f);
        assert_eq!(s.len(), 1);
        assert!(
            s[0].1.contains(&"Eva Ortiz".to_string()) && s[0].1.contains(&"Ivan Novak".to_string()),
            "{s:?}"
        );
        assert!(!s[0].1.contains(&"Rita Lopez".to_string()));
        assert_eq!(events[0].mentions.len(), 2);
    }

    #[test]
    fn two_dates_in_one_sentence_make_two_events() {
        let f = fixture(
            &[
                "Talks continue in Brussels on June 12, and within the council in Vienna on June 13.",
            ],
            &[],
            &[("Brussels", &["Brussels"]), ("Vienna", &["Vienna"])],
            &[("June 12", "2023-06-12"), ("June 13", "2023-06-13")],
        );
        let events = run(&f);
        let s = summary(&events, &f);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].1, ["Brussels".to_string()]);
        assert_eq!(s[1].1, ["Vienna".to_string()]);
    }
}
