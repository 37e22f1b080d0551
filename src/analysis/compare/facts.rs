//! What an event's sentences state besides figures: the date each outlet gives it, where it
//! took place, who took part, who asked for it ("at Okafor's request", "requested by
//! Okafor") and how each side characterises it in quotes ("cordial and useful").

use crate::story::Timex;

use super::assign::timex_days;
use super::words::{Shape, Token, stem};

/// What kind of event fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Date,
    Place,
    Participants,
    Initiator,
    Characterisation,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Place => "place",
            Kind::Participants => "participants",
            Kind::Initiator => "initiator",
            Kind::Characterisation => "characterisation",
        }
    }
}

/// A value that compares: days, or a set of names or words.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// First and last day, and whether the text names days (not a week, month or year).
    Days { first: i32, last: i32, daily: bool },
    /// Entities (by index) or, for someone the analysis did not name, their words.
    Names(Vec<String>),
    /// The words of a characterisation, stemmed, without "and" or "quite".
    Words(Vec<String>),
}

/// One outlet's statement of an event fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub value: Value,
    /// As exported (`2022-01-10`, `Amara Okafor`, `cordial and useful`).
    pub shown: String,
    pub said_by: Option<String>,
}

/// What the fact readers need of one sentence.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub tokens: &'a [Token],
    pub timexes: &'a [&'a Timex],
    /// Entity mentions `(start, end, entity)` inside the sentence, sorted.
    pub mentions: &'a [(usize, usize, usize)],
    /// Quotes `(start, end, speaker)` overlapping the sentence.
    pub quotes: &'a [(usize, usize, usize)],
}

impl Sentence<'_> {
    fn word(&self, k: usize) -> &str {
        let t = self.tokens[k];
        &self.text[t.start..t.end]
    }

    fn is(&self, k: usize, options: &[&str]) -> bool {
        k < self.tokens.len() && options.iter().any(|o| self.word(k).eq_ignore_ascii_case(o))
    }

    fn entity_in(&self, start: usize, end: usize) -> Option<usize> {
        self.mentions
            .iter()
            .find(|m| m.0 >= start && m.1 <= end)
            .map(|m| m.2)
    }
}

/// The most precise date the sentence gives for an event covering days `first..=last`.
pub fn date(s: &Sentence, first: i32, last: i32) -> Option<Stated> {
    s.timexes
        .iter()
        .filter_map(|t| Some((t, timex_days(t)?)))
        .filter(|(_, (a, b))| *a <= last && *b >= first)
        .min_by_key(|(t, (a, b))| (b - a, t.start))
        .map(|(t, (mut a, mut b))| {
            let mut daily = crate::analysis::timex::interval(&t.value)
                .is_some_and(|w| w.granularity == crate::story::Granularity::Day);
            let mut shown = match crate::analysis::timex::range_end(t) {
                Some(end) => format!("{}/{end}", &t.value[..10.min(t.value.len())]),
                None => t.value.clone(),
            };
            // "the week of Jan. 10" names a week, not a day.
            let before = s.text[s.start.min(t.start)..t.start]
                .trim_end()
                .to_ascii_lowercase();
            if daily && before.ends_with("week of") {
                daily = false;
                b = a + 6;
                shown = format!("the week of {shown}");
                a = a.min(b);
            }
            Stated {
                kind: Kind::Date,
                start: t.start,
                end: t.end,
                value: Value::Days {
                    first: a,
                    last: b,
                    daily,
                },
                shown,
                said_by: None,
            }
        })
}

/// Places the sentence says the event happened in: a place named right after "in", "at"
/// or "near" ("talks … in Bergen"). `is_place` tells which entities are places.
pub fn places(
    s: &Sentence,
    is_place: &dyn Fn(usize) -> bool,
    out: &mut Vec<(usize, usize, usize)>,
) {
    for &(start, end, e) in s.mentions {
        // A place inside a longer name is part of it ("… Cooperation in Europe").
        let inside = s
            .mentions
            .iter()
            .any(|m| m.0 <= start && end <= m.1 && (m.1 - m.0) > (end - start));
        if !is_place(e) || inside {
            continue;
        }
        let k = s.tokens.partition_point(|t| t.start < start);
        let at = if k >= 1 && s.is(k - 1, &["in", "at"]) {
            Some(k - 1)
        } else if k >= 2 && s.is(k - 2, &["in", "at"]) && s.is(k - 1, &["the"]) {
            Some(k - 2)
        } else {
            None
        };
        // "(OSCE) in Europe", "Cooperation in Europe": part of a name.
        if let Some(at) = at
            && !(at >= 1 && s.word(at - 1) == ")")
        {
            out.push((start, end, e));
        }
    }
}

/// Who asked for the event: "at Okafor's request", "at the request of the U.S. government",
/// "which was requested by Okafor", "on the initiative of …". The value is the entity named
/// there, else the words.
pub fn initiator(s: &Sentence, name: &dyn Fn(usize) -> String) -> Option<Stated> {
    const ASKING: &[&str] = &["request", "invitation", "initiative", "behest", "urging"];
    let n = s.tokens.len();
    for k in 0..n {
        // "at X's request" / "on X's initiative"
        if s.is(k, &["at", "on"]) {
            let stop = (k + 6).min(n);
            let asked = (k + 1..stop)
                .take_while(|&j| !s.is(j, &["at", "on"]))
                .find(|&j| s.is(j, ASKING));
            if let Some(j) = asked {
                if s.is(j + 1, &["of"]) {
                    // "at the request of X"
                    if let Some(found) = who(s, j + 2, name) {
                        return Some(stated(s, k, found));
                    }
                } else if j > k + 1 {
                    let (a, b) = (s.tokens[k + 1].start, s.tokens[j - 1].end);
                    let words = s.text[a..b].trim_end_matches("'s").trim_end_matches("’s");
                    let value = s.entity_in(a, b).map(name).unwrap_or_else(|| clean(words));
                    return Some(stated(s, k, (j, value)));
                }
            }
        }
        // "requested by X", "initiated by X"
        if s.is(
            k,
            &["requested", "initiated", "proposed", "sought", "arranged"],
        ) && s.is(k + 1, &["by"])
            && let Some(found) = who(s, k + 2, name)
        {
            let first = if k >= 1 && s.is(k - 1, &["was", "were", "been"]) {
                k - 1
            } else {
                k
            };
            return Some(stated(s, first, found));
        }
    }
    None
}

/// The entity (or words) from token `k` on, and the last token used.
fn who(s: &Sentence, k: usize, name: &dyn Fn(usize) -> String) -> Option<(usize, String)> {
    let n = s.tokens.len();
    // A name the analysis knows, right there or after "the": the whole name ("the U.S.").
    let from = if s.is(k, &["the"]) { k + 1 } else { k };
    if from < n
        && let Some(m) = s.mentions.iter().find(|m| m.0 == s.tokens[from].start)
    {
        let last = s
            .tokens
            .partition_point(|t| t.end <= m.1)
            .saturating_sub(1)
            .max(from);
        return Some((last, name(m.2)));
    }
    let mut end = k;
    while end < n && end < k + 6 && s.tokens[end].shape != Shape::Mark {
        if end > k
            && s.is(
                end,
                &[
                    "and", "to", "for", "in", "on", "after", "who", "which", "that",
                ],
            )
        {
            break;
        }
        end += 1;
    }
    if end == k {
        return None;
    }
    let (a, b) = (s.tokens[k].start, s.tokens[end - 1].end);
    let value = s
        .entity_in(a, b)
        .map(name)
        .unwrap_or_else(|| clean(&s.text[a..b]));
    Some((end - 1, value))
}

fn clean(words: &str) -> String {
    let w = words.trim();
    let w = w
        .strip_prefix("the ")
        .or_else(|| w.strip_prefix("The "))
        .unwrap_or(w);
    w.to_string()
}

fn stated(s: &Sentence, first: usize, (last, value): (usize, String)) -> Stated {
    let (start, end) = (s.tokens[first].start, s.tokens[last].end);
    Stated {
        kind: Kind::Initiator,
        start,
        end,
        value: Value::Names(vec![value.clone()]),
        shown: value,
        said_by: None,
    }
}

/// Characterisations of the event in quotation marks: a short quote after "as",
/// "described", "called" or before the happening ("a ‘constructive’ phone call"), quoted
/// words joined by "and" ("“candid” and “useful”"), and inside a longer quote what the
/// conversation, the talks or "they" "were" ("they were candid, useful, and brief").
/// `speaker` names who a quote is attributed to.
pub fn characterisations(
    s: &Sentence,
    is_happening: &dyn Fn(&str) -> bool,
    speaker: &dyn Fn(usize) -> String,
    out: &mut Vec<Stated>,
) {
    let quotes = quoted_spans(s);
    let said_by = |start: usize, end: usize| -> Option<String> {
        s.quotes
            .iter()
            .find(|q| q.0 <= start + 3 && end <= q.1 + 3)
            .map(|q| speaker(q.2))
            .or_else(|| unnamed_speaker(s, speaker))
    };
    // Short quotes, adjacent ones joined: “candid” and “useful”.
    let mut k = 0;
    while k < quotes.len() {
        let (from, mut to) = quotes[k];
        let mut j = k + 1;
        while j < quotes.len() && close_joins(s, to, quotes[j].0) {
            to = quotes[j].1;
            j += 1;
        }
        k = j;
        if from >= to {
            continue;
        }
        let words = content_words(s, from, to);
        let short = (1..=6).contains(&words.len()) && to - from < 16;
        if short && characterising_context(s, from, to, is_happening) {
            let (a, b) = (s.tokens[from].start, s.tokens[to - 1].end);
            out.push(Stated {
                kind: Kind::Characterisation,
                start: a,
                end: b,
                value: Value::Words(words),
                shown: s.text[a..b]
                    .replace(['“', '”', '"'], "")
                    .trim_end_matches(['.', ',', '’'])
                    .to_string(),
                said_by: said_by(a, b),
            });
        } else if !short {
            inside_quote(s, from, to, is_happening, &said_by, out);
        }
    }
}

/// The quoted stretches of a sentence as token ranges `from..to` inside the marks; a quote
/// opened in an earlier sentence runs from the start, one going on into the next to the end.
fn quoted_spans(s: &Sentence) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (k, t) in s.tokens.iter().enumerate() {
        let w = &s.text[t.start..t.end];
        match (w, open) {
            ("“" | "‘", _) | ("\"", None) => {
                let close = match w {
                    "“" => "”",
                    "‘" => "’",
                    _ => "\"",
                };
                open = Some((k + 1, close));
            }
            (_, Some((o, close))) if w == close => {
                out.push((o, k));
                open = None;
            }
            ("”", None) if out.is_empty() => out.push((0, k)),
            _ => {}
        }
    }
    if let Some((o, _)) = open
        && o + 1 < s.tokens.len()
    {
        out.push((o, s.tokens.len()));
    }
    out
}

/// Quotes separated only by "and" or a comma read as one characterisation: `to` is where
/// the first quote's content ends (its closing mark), `from` where the next one's begins.
fn close_joins(s: &Sentence, to: usize, from: usize) -> bool {
    if from < to + 2 {
        return false;
    }
    let between: Vec<&str> = (to + 1..from - 1).map(|k| s.word(k)).collect();
    matches!(between.as_slice(), ["and"] | [","] | [",", "and"])
}

/// Content words of tokens `from..to`, stemmed: the comparable part of a wording.
fn content_words(s: &Sentence, from: usize, to: usize) -> Vec<String> {
    let mut words: Vec<String> = (from..to)
        .filter(|&k| s.tokens[k].shape == Shape::Word)
        .map(|k| s.word(k).to_lowercase())
        .filter(|w| {
            !matches!(
                w.as_str(),
                "and" | "quite" | "very" | "rather" | "so" | "but"
            )
        })
        .map(|w| stem(&w))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Whether a short quote characterises: after "as", "described", "called", "termed",
/// "was"/"were", or right before the happening noun ("a ‘constructive’ phone call").
fn characterising_context(
    s: &Sentence,
    from: usize,
    to: usize,
    is_happening: &dyn Fn(&str) -> bool,
) -> bool {
    let (open, close) = (from.saturating_sub(1), to);
    let before = (open.saturating_sub(3)..open).any(|k| {
        s.is(
            k,
            &[
                "as",
                "described",
                "called",
                "termed",
                "was",
                "were",
                "characterized",
                "characterised",
                "deemed",
            ],
        )
    });
    // "a ‘constructive’ phone call": the happening right after, no preposition between.
    let word_after = |k: usize| k < s.tokens.len() && s.tokens[k].shape == Shape::Word;
    let after = (word_after(close + 1) && is_happening(s.word(close + 1)))
        || (word_after(close + 1)
            && !crate::analysis::compare::words::is_stopword(&s.word(close + 1).to_lowercase())
            && word_after(close + 2)
            && is_happening(s.word(close + 2)));
    before || after
}

/// "the conversation was cordial and useful", "they were candid, useful, and
/// brief": what a long quote says the happening was.
fn inside_quote(
    s: &Sentence,
    from: usize,
    to: usize,
    is_happening: &dyn Fn(&str) -> bool,
    said_by: &dyn Fn(usize, usize) -> Option<String>,
    out: &mut Vec<Stated>,
) {
    for k in from..to {
        if !s.is(k, &["was", "were"]) {
            continue;
        }
        let subject = (k.saturating_sub(8).max(from)..k)
            .any(|j| is_happening(s.word(j)) || s.is(j, &["they", "it", "tone"]));
        if !subject {
            continue;
        }
        // The predicate: up to the end of the clause, at most six words.
        let mut end = k + 1;
        while end < to && !matches!(s.word(end), "." | ";" | "!" | "?" | "”" | "\"") {
            end += 1;
        }
        let words = content_words(s, k + 1, end);
        if words.is_empty() || words.len() > 6 || end - k > 10 {
            continue;
        }
        let (a, b) = (s.tokens[k + 1].start, s.tokens[end - 1].end);
        out.push(Stated {
            kind: Kind::Characterisation,
            start: a,
            end: b,
            value: Value::Words(words),
            shown: s.text[a..b].trim_end_matches([',', '.']).to_string(),
            said_by: said_by(a, b),
        });
    }
}

/// Who speaks when no quote gives a speaker: the name or the words right before "said",
/// "told", "described" ("a senior administration official", "authorities").
fn unnamed_speaker(s: &Sentence, name: &dyn Fn(usize) -> String) -> Option<String> {
    const SAYING: &[&str] = &[
        "said",
        "says",
        "told",
        "described",
        "characterized",
        "characterised",
        "called",
        "added",
        "stated",
    ];
    let k = (0..s.tokens.len()).find(|&k| s.is(k, SAYING))?;
    let mut from = k;
    while from > 0 && k - from < 4 {
        let j = from - 1;
        let w = s.word(j);
        if s.tokens[j].shape != Shape::Word
            || (crate::analysis::compare::words::is_stopword(&w.to_ascii_lowercase())
                && !w.chars().next().is_some_and(char::is_uppercase))
        {
            break;
        }
        from = j;
    }
    if from == k {
        return None;
    }
    let (a, b) = (s.tokens[from].start, s.tokens[k - 1].end);
    // "Okafor said": the name; "the senior administration official said": the words.
    if let Some(e) = s.mentions.iter().find(|m| m.1 == b) {
        return Some(name(e.2));
    }
    let label = s.text[a..b].to_string();
    let label = ["A ", "An ", "The "]
        .iter()
        .find_map(|d| label.strip_prefix(d))
        .map_or(label.clone(), str::to_string);
    Some(label)
}
