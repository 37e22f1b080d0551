//! Candidates: the dated clauses of one document, each with its participants, its title and
//! the keywords that tell which reports of one happening go together.

use rustc_hash::FxHashMap;

use crate::analysis::coref::References;
use crate::analysis::entities::Entities;
use crate::analysis::refdate;
use crate::analysis::sentences::Sentence;
use crate::analysis::text::{self, Word};
use crate::analysis::timex;
use crate::corpus::Document;
use crate::story::{Granularity, Timex, TimexType};

use super::Candidate;
use super::clauses::{
    EntitySpan, clauses, dated_aside_start, dated_phrase_start, person_aside, refers_back,
    restates_date, undated_which_asides, when_clause,
};
use super::described;
use super::possessive::possesses_a_thing;
use super::span::Span;
use super::statements::{self, Speaker};
use super::titles::{self, context_title, elliptic_lead, elliptic_title};

/// Entity mentions of each document, sorted by position, for clause look-ups.
pub(super) struct MentionIndex<'a> {
    by_doc: FxHashMap<&'a str, Vec<(usize, usize, usize)>>,
}

impl<'a> MentionIndex<'a> {
    /// The names' mentions and the references to people ("he", "the judge"), together: who
    /// acts in a clause may be either.
    pub(super) fn new(entities: &'a Entities, references: &'a References) -> Self {
        let mut by_doc =
            crate::analysis::entities::mentions_by_document(&entities.entities, |i, _| i);
        for (doc, refs) in references.by_document() {
            let all = by_doc.entry(doc).or_default();
            all.extend_from_slice(refs);
            all.sort_unstable();
        }
        MentionIndex { by_doc }
    }

    /// Mentions lying inside `[start, end)` of `doc`.
    pub(super) fn within(&self, doc: &str, start: usize, end: usize) -> &[(usize, usize, usize)] {
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

/// What the corpus knows of its entities, read by every document's clauses: their mentions,
/// which are people, each organization's officials (people whose roles name it), and the
/// short names titles use.
#[derive(Clone, Copy)]
pub(super) struct Known<'k, 'e> {
    pub(super) mentions: &'k MentionIndex<'k>,
    pub(super) people: &'k [bool],
    pub(super) officials: &'k FxHashMap<usize, Vec<usize>>,
    pub(super) short_names: &'k (dyn Fn(usize) -> Option<&'e str> + Sync),
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
    let span = Span { start, end };
    let span = match (granularity, t.modifier.as_deref()) {
        (Granularity::Day, _) | (_, None) => span,
        (_, Some(modifier)) => span.part(modifier),
    };
    Some((span, granularity, value.to_string()))
}

pub(super) fn candidates_of_document<'a>(
    doc: &'a Document,
    sentences: &[Sentence],
    timexes: &[&Timex],
    known: &Known<'_, '_>,
    out: &mut Vec<Candidate<'a>>,
) {
    let Known {
        mentions,
        people,
        officials,
        short_names,
    } = *known;
    // An organization's one official the article quotes: who speaks for it here. Who speaks
    // in the article is read once, when an organization first speaks.
    let speaking_here = std::cell::OnceCell::new();
    let official_of = |org: usize| -> Option<usize> {
        let candidates = officials.get(&org)?;
        let speaking: &Vec<usize> = speaking_here.get_or_init(|| {
            sentences
                .iter()
                .flat_map(|s| {
                    let within = mentions.within(&doc.id, s.start, s.end);
                    statements::speakers(&doc.text, within)
                        .into_iter()
                        .map(|sp| sp.mention.2)
                })
                .collect()
        });
        let mut here = candidates.iter().filter(|p| speaking.contains(p));
        let one = *here.next()?;
        here.next().is_none().then_some(one)
    };
    let mut last_people: Vec<usize> = Vec::new();
    // People named in the sentence before: "they" means two of them only when it follows
    // them closely; after a sentence about things ("The first round of negotiations will take
    // place ..."), "They will later continue" means the things.
    let mut people_before = 0;
    let mut previous: Option<usize> = None;
    // The sentences just before, nearest first, where a happening named again may stand.
    let mut recent: Vec<(usize, usize)> = Vec::with_capacity(described::LOOK_BACK + 1);
    let mut last_sentence: Option<(usize, usize)> = None;
    for (n, s) in sentences
        .iter()
        .filter(|s| s.section.feeds_story())
        .enumerate()
    {
        if let Some(last) = last_sentence.replace((s.start, s.end)) {
            recent.insert(0, last);
            recent.truncate(described::LOOK_BACK);
        }
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
        let (restated, kept): (Vec<&Timex>, Vec<&Timex>) = near
            .iter()
            .filter(in_sentence)
            .filter(|t| t.start >= start)
            .partition(|t| restates_date(&doc.text, near, t));
        // A sentence in another language (a caption an agency wrote in Spanish) is read by
        // no rule of ours: it reports no event.
        let foreign = !kept.is_empty() && in_another_language(sentence);
        let inside: Vec<(&Timex, (Span, Granularity, String))> = kept
            .into_iter()
            .filter(|_| !foreign)
            .filter_map(|t| dated(t).map(|d| (t, d)))
            .collect();
        let sentence_mentions = mentions.within(&doc.id, s.start, s.end);
        if inside.is_empty() {
            if let Some(prev) = previous.filter(|_| refers_back(&doc.text[s.start..s.end])) {
                let speakers = statements::speakers(&doc.text, sentence_mentions);
                let cand: &mut Candidate<'a> = &mut out[prev];
                cand.sentences.push((s.start, s.end));
                for m in sentence_mentions {
                    let speaks = speakers.iter().any(|sp| sp.mention == *m);
                    if !speaks && !cand.participants.contains(&m.2) {
                        cand.participants.push(m.2);
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
        let speakers = statements::speakers(&doc.text, sentence_mentions);
        // The sentence's subject, for a later clause that has none of its own ("Berg will
        // leave the board at the end of the year as part of a reshuffle Monday").
        let subject = sentence_subject(&doc.text, start, sentence_mentions, people, &speakers);
        for ((timex, (span, granularity, value)), (c_start, c_end)) in inside.iter().zip(clauses) {
            // "Lund urged calm ahead of talks on May 12": the date is the talks'.
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
            // aside dates ("Lund expressed support for diplomacy, which will begin early next
            // year with ..." dates the diplomacy, not Lund).
            let actors = match dated_aside_start(&doc.text, c_start, timex.start) {
                // A name that ends at the comma is the noun: "the Harbour Council, which".
                Some((from, comma)) => {
                    let named = clause_mentions.iter().find(|m| m.1 == comma && m.0 < from);
                    mentions.within(&doc.id, named.map_or(from, |m| m.0), c_end)
                }
                None => clause_mentions,
            };
            let mut participants: Vec<usize> = aside.map(|(m, _)| m.2).into_iter().collect();
            if let Some(sp) =
                statements::dated_speaker(&doc.text, s.start, &speakers, (timex.start, timex.end))
            {
                // "Halvorsen said on Saturday": the statement is the event, and the speaker
                // (with whom they told) takes part in it, as do those who speak with them
                // ("Lund and chairman Dahl told employees on Monday").
                let mut together: Vec<EntitySpan> = speakers
                    .iter()
                    .filter(|o| o.verb == sp.verb)
                    .map(|o| o.mention)
                    .collect();
                together.sort_by_key(|m| m.0);
                for m in together {
                    if !participants.contains(&m.2) {
                        participants.push(m.2);
                    }
                }
                for m in sentence_mentions {
                    if m.0 >= sp.verb.1 && m.1 <= timex.start && !participants.contains(&m.2) {
                        participants.push(m.2);
                    }
                }
                // A body's announcement is about the people it names ("The federation
                // announced Tuesday that Lund will replace Dahl"); a person's words are theirs.
                if !people[sp.mention.2] {
                    // "The Harbour Guard said on Monday …" where the article quotes its one
                    // official: they speak for it.
                    if let Some(p) = official_of(sp.mention.2)
                        && !participants.contains(&p)
                    {
                        participants.push(p);
                    }
                    for m in clause_mentions {
                        if m.0 >= timex.end && people[m.2] && !participants.contains(&m.2) {
                            participants.push(m.2);
                        }
                    }
                }
            } else {
                let asides =
                    undated_which_asides(&doc.text, c_start, c_end, (timex.start, timex.end));
                for (i, m) in actors.iter().enumerate() {
                    if asides.iter().any(|a| a.0 <= m.0 && m.1 <= a.1) {
                        continue;
                    }
                    let speaks = speakers.iter().any(|sp| sp.mention == *m);
                    // "Dahl's company wrote on Sunday": the company acted, not Dahl.
                    let owns_subject = i == 0 && people[m.2] && possesses_a_thing(&doc.text, m.1);
                    if !speaks && !owns_subject && !participants.contains(&m.2) {
                        participants.push(m.2);
                    }
                }
                if c_start > start
                    && !headed
                    && let Some(e) = subject
                    && !participants.iter().any(|&p| people[p])
                    && continues_sentence(&doc.text[c_start..c_end])
                {
                    participants.insert(0, e);
                }
            }
            if c_start == start
                && !participants.iter().any(|&e| people[e])
                && let Some(e) = described::actor_of_described_happening(
                    &doc.text,
                    (c_start, c_end),
                    &recent,
                    |a, b| mentions.within(&doc.id, a, b),
                    people,
                )
            {
                participants.push(e);
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
            let timex_spans: Vec<(usize, usize)> = inside
                .iter()
                .map(|(t, _)| (t.start, t.end))
                // With the rest of its brackets: "(Tuesday AEST)".
                .chain(restated.iter().map(|t| {
                    let limit = text::floor_char_boundary(&doc.text, s.end.min(t.end + 12));
                    let close = doc.text[t.end..limit.max(t.end)]
                        .find(')')
                        .map_or(t.end, |i| t.end + i);
                    (t.start, close)
                }))
                .collect();
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
                // "…, and within the Council on May 13": the verb is the first clause's.
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
            // A date that only closes a phrase ("…, until February", ", which was scheduled
            // to open on May 4") leaves no words of its own: the title is the phrase the
            // date belongs to, the date kept in it.
            let title = if title.is_empty() {
                context_title(
                    doc,
                    &tokens,
                    mentions,
                    (start, c_start, c_end),
                    &timex_spans,
                    short_names,
                )
            } else if titles::only_attribution(&title) {
                // "The Harbour Board said": what was said is in the rest of the sentence.
                titles::with_what_was_said(
                    &title,
                    doc,
                    &tokens,
                    mentions,
                    (start, s.end),
                    &timex_spans,
                    short_names,
                )
            } else {
                title
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

/// Whether `sentence` is clearly written in a language other than English.
fn in_another_language(sentence: &str) -> bool {
    crate::corpus::language::detect(sentence)
        .is_some_and(|code| !crate::corpus::language::is_english_code(code))
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

/// The person a sentence is about: named first, before its first verb and not as a speaker
/// ("Nordlys Air CEO Tomas Berg will step down …").
fn sentence_subject(
    doc_text: &str,
    start: usize,
    mentions: &[EntitySpan],
    people: &[bool],
    speakers: &[Speaker],
) -> Option<usize> {
    let first = mentions.iter().find(|m| m.0 >= start)?;
    if !people[first.2] || speakers.iter().any(|sp| sp.mention == *first) {
        return None;
    }
    // Only capitalized words (a role, an employer) before the name.
    let before = &doc_text[start..first.0];
    let lead_ok = text::words(before, 0, before.len()).all(|w| {
        w.text.chars().next().is_some_and(char::is_uppercase)
            || matches!(w.text, "the" | "and" | "of" | "former" | "new")
    });
    lead_ok.then_some(first.2)
}

/// A clause that goes on with the sentence's subject rather than opening one of its own: it
/// starts with a preposition or a conjunction ("as part of a shakeup Monday", "and then left
/// on Friday"), not with a subject of its own ("farmers closed the bridge").
fn continues_sentence(clause: &str) -> bool {
    let first = clause
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .next()
        .unwrap_or("");
    matches!(
        first,
        "as" | "at"
            | "in"
            | "on"
            | "after"
            | "before"
            | "and"
            | "then"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "during"
            | "while"
            | "until"
            | "following"
            | "amid"
            | "but"
            | "or"
            | "later"
            | "also"
            | "again"
    )
}
