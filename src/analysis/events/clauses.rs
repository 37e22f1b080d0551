//! Reading a dated sentence: where its clauses break, which phrase a date belongs to
//! ("ahead of talks on January 10"), asides and "when" clauses, and who only reports it.

use crate::analysis::text;
use crate::story::{Granularity, Timex};

use super::span::Span;

/// Where the phrase a date belongs to starts, when the clause's subject did something else:
/// after "ahead of", "before", "prior to" … followed by a noun phrase ("expressed support ahead
/// of talks in Oslo on May 12" dates the talks, not the support), or at a happening that a
/// relative clause dates ("agreed to the topics for the talks that are planned for early
/// May"). Else `c_start`. A gerund ("before bringing them back on Wednesday")
/// shares the clause's subject, and a date right after the marker ("before May 12")
/// bounds the clause's own act, so both keep the whole clause.
pub(super) fn dated_phrase_start(doc_text: &str, c_start: usize, timex_start: usize) -> usize {
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
pub(super) fn dated_aside_start(
    doc_text: &str,
    c_start: usize,
    timex_start: usize,
) -> Option<(usize, usize)> {
    // None when the clause starts after the date (a "when" clause).
    let before = doc_text.get(c_start..timex_start)?;
    let comma = open_aside(before, ", which ")?;
    let head = before[..comma].rfind(' ').map_or(0, |k| k + 1);
    (head > 0).then_some((c_start + head, c_start + comma))
}

/// The ", which …" asides of a clause that do not hold its date: what they say of a thing
/// ("The Jan. 5 incident, which Berg called a watershed moment, forced …") is no part of the
/// dated happening, and the people they name take no part in it.
pub(super) fn undated_which_asides(
    doc_text: &str,
    c_start: usize,
    c_end: usize,
    timex: (usize, usize),
) -> Vec<(usize, usize)> {
    let clause = &doc_text[c_start..c_end];
    clause
        .match_indices(", which ")
        .map(|(i, opener)| {
            let from = i + opener.len();
            let end = clause[from..]
                .find([',', ';'])
                .map_or(clause.len(), |k| from + k);
            (c_start + i, c_start + end)
        })
        .filter(|&(a, b)| !(a <= timex.0 && timex.1 <= b))
        .collect()
}

/// Where an aside opened by `opener` (", who ", ", which ") starts when `before` ends inside
/// it: the opener's last occurrence, with no comma or semicolon after it.
fn open_aside(before: &str, opener: &str) -> Option<usize> {
    let comma = before.rfind(opener)?;
    (!before[comma + opener.len()..].contains([',', ';'])).then_some(comma)
}

/// An entity's mention in a document: start, end, entity index.
pub(super) type EntitySpan = (usize, usize, usize);

/// A date inside an aside about a person: "Kowalczyk, who has led the union since 2021, spoke
/// to reporters" dates her leading the union, not her speaking. Returns the person's mention
/// and the aside after "who", up to its closing comma.
pub(super) fn person_aside(
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
pub(super) fn when_clause(
    doc_text: &str,
    timex_end: usize,
    c_end: usize,
) -> Option<(usize, usize)> {
    let rest = &doc_text[timex_end..c_end];
    let start = timex_end + rest.strip_prefix(", when ").map(|r| rest.len() - r.len())?;
    let end = doc_text[start..c_end]
        .find([',', ';'])
        .map_or(c_end, |i| start + i);
    (doc_text[start..end].split_whitespace().count() >= 3).then_some((start, end))
}

/// A sentence that continues the previous one's event: it opens with a demonstrative
/// ("Those talks", "These will include") and says nothing negative about it.
pub(super) fn refers_back(sentence: &str) -> bool {
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

/// Splits a sentence into one clause per timex: each clause runs from the previous clause break
/// (", and", ";", a dash, else the last comma, else the first linking word after the earlier
/// date, else right after it) to the next.
pub(super) fn clauses(
    doc_text: &str,
    start: usize,
    end: usize,
    timexes: &[(&Timex, (Span, Granularity, String))],
) -> Vec<(usize, usize)> {
    if timexes.len() == 1 {
        return vec![(start, end)];
    }
    let mut cuts = vec![start];
    // Per pair of dates: whether they are coordinated ("crashes in 2018 and 2019"), so that
    // both read the one clause that holds them.
    let mut coordinated = Vec::new();
    for pair in timexes.windows(2) {
        let (a, b) = (pair[0].0, pair[1].0);
        let between = &doc_text[a.end..b.start];
        if matches!(between.trim(), "and" | "or" | "," | "&") {
            coordinated.push(true);
            continue;
        }
        coordinated.push(false);
        let cut = [", and ", "; ", " — ", " – ", " -- ", ", while ", ", but "]
            .iter()
            .filter_map(|sep| between.find(sep).map(|i| a.end + i))
            .chain(full_stop(between).map(|i| a.end + i))
            .min()
            // Else the last comma ("in 2020, when Lund and Moe signed a pact on June 2"), else
            // the first word that links a new phrase ("at the end of the year as part of a
            // reshuffle Monday"), else right after the earlier date ("said Wednesday he hopes
            // to sign it on Thursday").
            .or_else(|| between.rfind(", ").map(|i| a.end + i))
            .or_else(|| {
                LINKS
                    .iter()
                    .filter_map(|w| between.find(w).map(|i| a.end + i))
                    .min()
            })
            .unwrap_or(a.end);
        cuts.push(cut);
    }
    cuts.push(end);
    let segments: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    let mut segment = 0;
    let mut out = vec![segments[0]];
    for joined in coordinated {
        segment += usize::from(!joined);
        out.push(segments[segment]);
    }
    out
}

/// The first full stop of `between` that ends something: not the dot of "St." or "J." in
/// "Judge Rina St. J. Okafor", nor of "U.S.".
fn full_stop(between: &str) -> Option<usize> {
    between.match_indices(". ").map(|(i, _)| i).find(|&i| {
        let word = between[..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        !crate::analysis::sentences::may_abbreviate(word)
    })
}

/// Words that open a new phrase of a sentence, where a clause with a date of its own starts.
const LINKS: [&str; 12] = [
    " as ",
    " after ",
    " but ",
    " before ",
    " that ",
    " and ",
    " until ",
    " following ",
    " amid ",
    " because ",
    " when ",
    " while ",
];

/// A date in brackets right after another restates it in other terms: "on Monday (Tuesday
/// AEST)", "on Tuesday (March 8)". Only one of them anchors the clause.
pub(super) fn restates_date(doc_text: &str, near: &[&Timex], t: &Timex) -> bool {
    let bracketed = |a: &Timex, b: &Timex| {
        a.end <= b.start
            && doc_text
                .get(a.end..b.start)
                .is_some_and(|gap| gap.trim() == "(")
    };
    // Of the two, the one written with numbers ("March 8") holds whatever the weekday or
    // the other time zone leaves to the reference date.
    let numeric = |x: &Timex| x.text.bytes().any(|b| b.is_ascii_digit());
    near.iter().any(|u| {
        (bracketed(u, t) && (numeric(u) || !numeric(t)))
            || (bracketed(t, u) && numeric(u) && !numeric(t))
    })
}
