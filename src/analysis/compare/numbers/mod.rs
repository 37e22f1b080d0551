//! Figures in a sentence, normalised so two outlets' figures compare: counts with what they
//! count ("more than 6,000" … "workers"), money with its currency, percentages, lengths in
//! metres, ages, and durations from the date tagger's DURATION values ("55-minute" →
//! `PT55M`, "almost an hour" → `PT1H` less than). Each keeps its approximation — "about",
//! "almost", "more than" — and the step it is rounded to, which set its tolerance.
//!
//! Each figure also gets a *key*: what it is about, as a family of words ("troop", "call",
//! "into dive"), so that only figures about the same thing are ever compared.
//!
//! Here: what a figure is and the reading of numbers and their units; in files, `money`
//! (currencies), `length` (units of length), `counts` (counts, ages, percentages and the
//! nouns figures go with) and `durations` (from the date tagger's values).

use crate::story::{Timex, TimexType};

use super::words::{
    self, Shape, Token, family, is_meta_noun, is_stopword, is_time_noun, number_word, parse_figure,
    scale_word, stem,
};

mod counts;
mod durations;
mod length;
mod money;

use self::counts::*;
#[cfg(test)]
pub(super) use self::durations::iso_minutes;
use self::durations::*;
use self::length::*;
use self::money::*;

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Duration,
    Count,
    Money,
    Percentage,
    Length,
    Age,
}

impl Dim {
    pub fn name(self) -> &'static str {
        match self {
            Dim::Duration => "duration",
            Dim::Count => "count",
            Dim::Money => "money",
            Dim::Percentage => "percentage",
            Dim::Length => "length",
            Dim::Age => "age",
        }
    }
}

/// How the text qualifies a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qual {
    Exact,
    /// "about", "roughly", "some", "an estimated".
    About,
    /// "almost", "nearly", "close to": a little under.
    Almost,
    /// "more than", "over", "at least": a lower bound.
    Above,
    /// "less than", "fewer than", "under", "up to": an upper bound.
    Below,
}

impl Qual {
    /// The TIMEX3 `mod` the export writes.
    pub fn modifier(self) -> Option<&'static str> {
        match self {
            Qual::Exact => None,
            Qual::About => Some("APPROX"),
            Qual::Almost => Some("LESS_THAN"),
            Qual::Above => Some("MORE_THAN"),
            Qual::Below => Some("EQUAL_OR_LESS"),
        }
    }
}

/// A normalised figure: in minutes, metres, the currency's units, percent, years or items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub figure: f64,
    /// The step the figure is written to (1 for "21", 1,000 for "6,000").
    pub step: f64,
    /// The top of a range ("two to five years").
    pub upper: Option<f64>,
    pub qual: Qual,
}

/// A figure found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub dim: Dim,
    pub amount: Amount,
    pub start: usize,
    pub end: usize,
    /// What it is about, for people to read ("troops", "call", "into the dive").
    pub about: String,
    /// What it is about, for grouping: families of words, never shown.
    pub key: String,
    /// The unit it compares in: the currency for money, else the dimension's base unit.
    pub unit: &'static str,
    /// Normalised value as exported (`PT55M`, `6000`, `12000000000 USD`, `9.1 m`).
    pub value: String,
    /// A duration that measures the reporting clause's own happening ("spoke for almost an
    /// hour", "a 55-minute call"): within an event, the event's duration.
    pub of_happening: bool,
    /// The figure describes what something is (a vessel's length), not a count that grows.
    pub constant: bool,
    /// The person whose age it is (entity index), for ages.
    pub person: Option<usize>,
}

/// One sentence to read: its tokens, the timexes inside it and the people named in it.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub timexes: &'a [&'a Timex],
    /// Person mentions `(start, end, entity)` inside the sentence, sorted.
    pub people: &'a [(usize, usize, usize)],
}

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    fn lower_is(&self, i: usize, options: &[&str]) -> bool {
        i < self.tokens.len() && options.iter().any(|o| self.word(i).eq_ignore_ascii_case(o))
    }

    fn in_timex(&self, t: Token) -> bool {
        self.timexes
            .iter()
            .any(|x| x.start <= t.start && t.end <= x.end)
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.tokens[i].shape == Shape::Word
            && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// Every figure of the sentence, in text order.
pub fn figures(s: &Sentence, out: &mut Vec<Figure>) {
    durations(s, out);
    let n = s.tokens.len();
    let mut i = 0;
    while i < n {
        let t = s.tokens[i];
        if s.in_timex(t) {
            i += 1;
            continue;
        }
        let consumed = match t.shape {
            Shape::Number => number_at(s, i, out),
            Shape::Word => word_number_at(s, i, out),
            Shape::Mark => currency_at(s, i, out),
        };
        i += consumed.max(1);
    }
    out.sort_by_key(|f| f.start);
}

/// The qualifier written before token `i` and where it starts.
fn qualifier_before(s: &Sentence, i: usize) -> (Qual, usize) {
    let w = |k: usize| -> String {
        if k < s.tokens.len() && s.tokens[k].shape == Shape::Word {
            s.word(k).to_ascii_lowercase()
        } else {
            String::new()
        }
    };
    if i >= 2 {
        let pair = format!("{} {}", w(i - 2), w(i - 1));
        let q = match pair.as_str() {
            "more than" | "at least" | "upwards of" | "in excess of" | "as many as" => {
                Some(Qual::Above)
            }
            "less than" | "fewer than" | "up to" | "at most" | "no more than" => Some(Qual::Below),
            "close to" | "just under" | "just shy" | "nearly all" => Some(Qual::Almost),
            "an estimated" => Some(Qual::About),
            _ => None,
        };
        if let Some(q) = q {
            return (q, s.tokens[i - 2].start);
        }
    }
    if i >= 1 {
        let q = match w(i - 1).as_str() {
            "about" | "around" | "approximately" | "roughly" | "some" | "estimated" | "approx" => {
                Some(Qual::About)
            }
            "almost" | "nearly" => Some(Qual::Almost),
            "over" | "exceeding" => Some(Qual::Above),
            "under" => Some(Qual::Below),
            _ => None,
        };
        if let Some(q) = q {
            return (q, s.tokens[i - 1].start);
        }
    }
    (Qual::Exact, s.tokens[i].start)
}

/// A written figure at token `i`, its scale words, and how many tokens it used.
fn figure_at(s: &Sentence, i: usize) -> Option<(f64, f64, usize)> {
    let (mut value, mut step) = match s.tokens[i].shape {
        Shape::Number => parse_figure(s.word(i))?,
        Shape::Word => (number_word(s.word(i))?, 1.0),
        Shape::Mark => return None,
    };
    let mut used = 1;
    while i + used < s.tokens.len() {
        match scale_word(s.word(i + used)) {
            Some(scale) if s.tokens[i + used].shape == Shape::Word => {
                value *= scale;
                step *= scale;
                used += 1;
            }
            _ => break,
        }
    }
    Some((value, step, used))
}

/// Currency codes written after a figure, which are no model names ("5,000 USD").
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "AUD", "CAD", "CHF", "JPY", "CNY", "INR", "RUB",
];

/// Whether the number at token `i` is part of a name ("Route 66", "Mark 3", "Chapter 11").
fn is_label(s: &Sentence, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = s.word(i - 1);
    let q = qualifier_before(s, i).0 != Qual::Exact;
    // "Co. 512": an abbreviated name right before.
    let abbreviation = prev == "."
        && i >= 2
        && s.is_capitalised(i - 2)
        && s.tokens[i - 2].end == s.tokens[i - 1].start;
    // "A320 NEO", "A350 XWB": a model name in capitals right after the number.
    let model = i + 1 < s.tokens.len() && s.tokens[i + 1].shape == Shape::Word && {
        let next = s.word(i + 1);
        next.len() >= 2
            && next.chars().all(|c| c.is_ascii_uppercase())
            && currency_word(&next.to_ascii_lowercase()).is_none()
            && !CURRENCY_CODES.contains(&next)
    };
    // A capitalised word before is a name's ("Route 66"), unless it is a small word that
    // opens the sentence ("The 30-foot barge", "A 52-year-old").
    (s.is_capitalised(i - 1) && !q && !is_stopword(&prev.to_ascii_lowercase()))
        || model
        || abbreviation
        || matches!(prev, "No" | "no" | "#" | "№")
        || (i + 1 < s.tokens.len() && matches!(s.word(i + 1), ":" | "/"))
}

/// A figure starting with digits at token `i`.
fn number_at(s: &Sentence, i: usize, out: &mut Vec<Figure>) -> usize {
    if is_label(s, i) {
        return 1;
    }
    let raw = s.word(i);
    // "21-foot", "45-year-old", "9.1-meter": a figure and its unit in one token.
    if let Some((num, unit)) = raw.split_once('-')
        && unit.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
    {
        if let Some((value, step)) = parse_figure(num) {
            hyphenated(s, i, value, step, &unit.to_ascii_lowercase(), out);
        }
        return 1;
    }
    let Some((value, step, used)) = figure_at(s, i) else {
        return 1;
    };
    if currency_before(s, i).is_some() {
        return used; // read from the currency sign
    }
    measured(s, i, value, step, used, out)
}

/// A number written in words ("five people", "two leaders").
fn word_number_at(s: &Sentence, i: usize, out: &mut Vec<Figure>) -> usize {
    let w = s.word(i);
    // A bare "hundred" or "thousand" is a figure only as "a hundred" or "one thousand";
    // "several hundred miles", "a few thousand people" are no figure to compare.
    if scale_word(w).is_some() && (i == 0 || !s.lower_is(i - 1, &["a", "an", "one"])) {
        return 1;
    }
    if let Some((num, unit)) = w.split_once('-')
        && let Some(value) = number_word(num)
    {
        hyphenated(s, i, value, 1.0, &unit.to_ascii_lowercase(), out);
        return 1;
    }
    let Some((value, step, used)) = figure_at(s, i) else {
        return 1;
    };
    // "one" is rarely a figure ("one of", "one day"); a range ("one to four") is read from
    // its top.
    if value < 2.0 {
        return used;
    }
    measured(s, i, value, step, used, out)
}

/// A figure followed by its unit in the next tokens: a length, a percentage, money written
/// with a currency word, or a count of something.
fn measured(
    s: &Sentence,
    i: usize,
    value: f64,
    step: f64,
    used: usize,
    out: &mut Vec<Figure>,
) -> usize {
    let (qual, start) = qualifier_before(s, i);
    let next = i + used;
    let amount = Amount {
        figure: value,
        step,
        upper: None,
        qual,
    };
    if next < s.tokens.len() {
        let unit = s.word(next).to_ascii_lowercase();
        if unit == "%" || unit == "percent" || (unit == "per" && s.lower_is(next + 1, &["cent"])) {
            if s.lower_is(next + 1, &["point", "points"]) {
                return used + 1;
            }
            let end_tok = if unit == "per" { next + 1 } else { next };
            let key = percent_key(s, i, end_tok);
            out.push(Figure {
                dim: Dim::Percentage,
                amount,
                start,
                end: s.tokens[end_tok].end,
                about: key.clone(),
                key,
                unit: "%",
                value: format!("{}%", fmt(value)),
                of_happening: false,
                constant: false,
                person: None,
            });
            return end_tok - i + 1;
        }
        let code = CURRENCY_CODES.iter().find(|c| **c == s.word(next)).copied();
        if let Some(currency) = currency_word(&unit).or(code) {
            money(s, i, start, next, amount, currency, out);
            return used + 1;
        }
        if let Some(metres) = length_unit(&unit) {
            length(s, start, next, amount, metres, out);
            return used + 1;
        }
        if matches!(unit.as_str(), "years" | "year") && s.lower_is(next + 1, &["old"]) {
            age_after(s, start, next + 1, value, out);
            return used + 2;
        }
    }
    count(s, i, start, used, amount, out);
    used
}

/// "21-foot", "45-year-old", "five-person".
fn hyphenated(s: &Sentence, i: usize, value: f64, step: f64, unit: &str, out: &mut Vec<Figure>) {
    let (qual, start) = qualifier_before(s, i);
    let amount = Amount {
        figure: value,
        step,
        upper: None,
        qual,
    };
    if unit == "year-old" || unit == "years-old" {
        age_after(s, start, i, value, out);
    } else if let Some(metres) = length_unit(unit) {
        length(s, start, i, amount, metres, out);
    } else if let Some(scale) = scale_word(unit) {
        // "USD 44-billion"
        if let Some((currency, cstart)) = currency_before(s, i) {
            let amount = Amount {
                figure: value * scale,
                step: step * scale,
                ..amount
            };
            money(s, i, cstart.min(start), i, amount, currency, out);
        }
    }
}

/// A figure as the export writes it: no trailing zeros.
pub fn fmt(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
