//! Which event each sentence of a document speaks of.
//!
//! An event's mentions are the sentences that date it; but outlets often state a fact in the
//! next, undated sentence: "… traded offers in a phone chat." then "… during the 55-minute
//! talk, which was requested by Okafor." A sentence with a definite reference to a kind of
//! happening ("the talk", "Thursday's call", "the dive") is read as speaking of the event of
//! that kind the document reported before it — the one most outlets report when several fit,
//! since an unqualified "the call" means the story's call.
//!
//! A sentence that dates two events ("talked … for almost an hour on Friday …, ahead of a
//! meeting in Bergen early next year") gives each figure to the event whose date stands
//! nearest to it.

use crate::story::{Event, Timex, TimexType};

use super::words::{self, Shape, Token};

/// The events a sentence speaks of, with where each one's date stands in it.
#[derive(Debug, Clone, Default)]
pub struct Speaks {
    /// `(event, anchor)`: the event and the byte offset of its date in the sentence (`None`
    /// for a sentence that refers back to it without a date).
    pub events: Vec<(usize, Option<usize>)>,
    /// The sentence only refers back to the event ("the 55-minute talk"): it adds facts but
    /// does not date the event.
    pub by_reference: bool,
}

impl Speaks {
    /// The event a figure at byte `at` belongs to: the one whose date is nearest.
    pub fn event_at(&self, at: usize) -> Option<usize> {
        self.events
            .iter()
            .min_by_key(|(_, anchor)| anchor.map_or(usize::MAX, |a| a.abs_diff(at)))
            .map(|&(e, _)| e)
    }
}

/// Per-event facts worked out once: its days and the kinds of happening its sentences name.
pub struct EventInfo {
    pub first: i32,
    pub last: i32,
    /// Distinct documents reporting it.
    pub docs: usize,
    /// Happening families named in its mention sentences, across all documents.
    pub families: Vec<&'static str>,
}

/// The day number of a date (days since 1970-01-01).
pub fn day(d: jiff::civil::Date) -> i32 {
    (d.duration_since(jiff::civil::date(1970, 1, 1)).as_hours() / 24) as i32
}

/// First and last day a timex covers, if it names days.
pub fn timex_days(t: &Timex) -> Option<(i32, i32)> {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    let (first, last, _) = crate::analysis::timex::interval_days(&t.value)?;
    let last = crate::analysis::timex::range_end(t).unwrap_or(last);
    Some((day(first), day(last)))
}

/// Days of an event.
pub fn event_days(e: &Event) -> (i32, i32) {
    let parse = |s: &str| s.parse::<jiff::civil::Date>().ok().map(day);
    let first = parse(&e.when.start).unwrap_or(i32::MIN);
    let last = parse(&e.when.end).unwrap_or(first);
    (first, last)
}

/// The happening family of one word: "talks" are negotiations, a "talk" is a call.
pub fn family_of(word: &str) -> Option<&'static str> {
    if word.len() < 3 || word.len() > 14 {
        return None;
    }
    if word.eq_ignore_ascii_case("talks") {
        return Some("negotiation");
    }
    words::happening(&words::stem(word))
}

/// One document's sentences, each with the events it speaks of.
///
/// `sentences` are the byte spans of the document's story sentences, `tokens` their tokens
/// (`token_at[i]..token_at[i + 1]` for sentence `i`), `mentions` the `(event, start)` pairs
/// of the document's event mentions, `timexes` the document's timexes in text order.
pub fn assign(
    text: &str,
    sentences: &[(usize, usize)],
    tokens: &[Token],
    token_at: &[usize],
    mentions: &[(usize, usize)],
    timexes: &[&Timex],
    events: &[EventInfo],
) -> Vec<Speaks> {
    let mut out = vec![Speaks::default(); sentences.len()];
    let sentence_of = |at: usize| sentences.partition_point(|s| s.1 <= at);
    for &(e, start) in mentions {
        let i = sentence_of(start);
        if i >= sentences.len() || out[i].events.iter().any(|x| x.0 == e) {
            continue;
        }
        let (s, end) = sentences[i];
        let info = &events[e];
        let anchor = timexes
            .iter()
            .filter(|t| t.start >= s && t.end <= end)
            .find(|t| timex_days(t).is_some_and(|(a, b)| a <= info.last && b >= info.first))
            .map(|t| t.start);
        out[i].events.push((e, anchor));
    }
    // Undated sentences referring back to an event the document reported before.
    let mut reported: Vec<(usize, usize)> = Vec::new(); // (event, sentence of last mention)
    for i in 0..sentences.len() {
        if !out[i].events.is_empty() {
            for &(e, _) in &out[i].events {
                match reported.iter_mut().find(|r| r.0 == e) {
                    Some(r) => r.1 = i,
                    None => reported.push((e, i)),
                }
            }
            continue;
        }
        if reported.is_empty() {
            continue;
        }
        let toks = &tokens[token_at[i]..token_at[i + 1]];
        let named = definite_happenings(text, toks);
        if named.is_empty() {
            continue;
        }
        let best = reported
            .iter()
            .filter(|(e, _)| events[*e].families.iter().any(|f| named.contains(f)))
            .max_by_key(|(e, last)| (events[*e].docs, *last));
        if let Some(&(e, _)) = best {
            out[i].events.push((e, None));
            out[i].by_reference = true;
        }
    }
    out
}

/// The families of the happenings a sentence refers to as known ones: "the talk", "the
/// 55-minute talk", "Thursday's call", "this conversation".
fn definite_happenings(text: &str, tokens: &[Token]) -> Vec<&'static str> {
    let word = |t: &Token| &text[t.start..t.end];
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.shape != Shape::Word {
            continue;
        }
        let w = word(t);
        let determiner = matches!(
            w,
            "the" | "The" | "this" | "This" | "that" | "That" | "their" | "Their"
        ) || w.ends_with("day's")
            || w.ends_with("day’s");
        if !determiner {
            continue;
        }
        // Up to three modifiers, then the noun.
        for next in tokens[k + 1..].iter().take(4) {
            if next.shape == Shape::Mark {
                break;
            }
            if let Some(f) = family_of(word(next)) {
                if !out.contains(&f) {
                    out.push(f);
                }
                break;
            }
        }
    }
    out
}
