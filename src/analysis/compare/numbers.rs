//! Figures in a sentence, normalised so two outlets' figures compare: counts with what they
//! count ("more than 90,000" … "troops"), money with its currency, percentages, lengths in
//! metres, ages, and durations from the date tagger's DURATION values ("50-minute" →
//! `PT50M`, "almost an hour" → `PT1H` less than). Each keeps its approximation — "about",
//! "almost", "more than" — and the step it is rounded to, which set its tolerance.
//!
//! Each figure also gets a *key*: what it is about, as a family of words ("troop", "call",
//! "into dive"), so that only figures about the same thing are ever compared.

use crate::story::{Timex, TimexType};

use super::words::{
    self, Shape, Token, family, is_meta_noun, is_stopword, is_time_noun, number_word,
    parse_figure, scale_word, stem,
};

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
    /// The step the figure is written to (1 for "21", 10,000 for "90,000").
    pub step: f64,
    /// The top of a range ("one to four years").
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
    /// Normalised value as exported (`PT50M`, `90000`, `44000000000 USD`, `6.4 m`).
    pub value: String,
    /// A duration that measures the reporting clause's own happening ("spoke for almost an
    /// hour", "a 50-minute call"): within an event, the event's duration.
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

/// Whether the number at token `i` is part of a name ("Flight 1282", "MAX 9", "Chapter 11").
fn is_label(s: &Sentence, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = s.word(i - 1);
    let q = qualifier_before(s, i).0 != Qual::Exact;
    // "Co. 737": an abbreviated name right before.
    let abbreviation = prev == "."
        && i >= 2
        && s.is_capitalised(i - 2)
        && s.tokens[i - 2].end == s.tokens[i - 1].start;
    (s.is_capitalised(i - 1) && !q && !matches!(prev, "About" | "Some" | "Nearly" | "Almost"))
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
    // "21-foot", "45-year-old", "6.7-meter": a figure and its unit in one token.
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
        if let Some(currency) = currency_word(&unit) {
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

/// Currency written as a sign or code before token `i` ("$", "US$", "USD", "€").
fn currency_before(s: &Sentence, i: usize) -> Option<(&'static str, usize)> {
    if i == 0 {
        return None;
    }
    let prev = s.word(i - 1);
    let start = s.tokens[i - 1].start;
    let sign = match prev {
        "$" => {
            // "US$", "A$", "C$": the letters glued before the sign.
            if i >= 2 && s.tokens[i - 2].end == start {
                return match s.word(i - 2) {
                    "US" => Some(("USD", s.tokens[i - 2].start)),
                    "A" | "AU" => Some(("AUD", s.tokens[i - 2].start)),
                    "C" | "CA" => Some(("CAD", s.tokens[i - 2].start)),
                    "NZ" => Some(("NZD", s.tokens[i - 2].start)),
                    "HK" => Some(("HKD", s.tokens[i - 2].start)),
                    _ => Some(("USD", start)),
                };
            }
            "USD"
        }
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "USD" | "EUR" | "GBP" | "AUD" | "CAD" | "CHF" | "JPY" | "CNY" | "INR" | "RUB" => {
            match prev {
                "USD" => "USD",
                "EUR" => "EUR",
                "GBP" => "GBP",
                "AUD" => "AUD",
                "CAD" => "CAD",
                "CHF" => "CHF",
                "JPY" => "JPY",
                "CNY" => "CNY",
                "INR" => "INR",
                _ => "RUB",
            }
        }
        "US" if i >= 2 && s.word(i - 2) == "$" => return Some(("USD", s.tokens[i - 2].start)),
        _ => return None,
    };
    Some((sign, start))
}

/// A currency sign at token `i` followed by a figure: "$44 billion", "$US44 billion".
fn currency_at(s: &Sentence, i: usize, out: &mut Vec<Figure>) -> usize {
    let mut j = i + 1;
    // "$US44": the code between sign and figure.
    if j < s.tokens.len() && s.word(j) == "US" {
        j += 1;
    }
    if j >= s.tokens.len() || s.tokens[j].shape != Shape::Number {
        return 1;
    }
    let Some((currency, cstart)) = currency_before(s, j) else {
        return 1;
    };
    let Some((value, step, used)) = figure_at(s, j) else {
        return j - i + 1;
    };
    // A conversion in brackets restates the figure before it: "€10,000 ($10,445)".
    if i > 0 && s.word(i - 1) == "(" {
        return j - i + used;
    }
    let (qual, qstart) = qualifier_before(s, i.min(cstart_token(s, cstart)));
    let amount = Amount {
        figure: value,
        step,
        upper: None,
        qual,
    };
    let start = if qual == Qual::Exact { cstart } else { qstart };
    money(s, j, start, j + used - 1, amount, currency, out);
    j - i + used
}

fn cstart_token(s: &Sentence, start: usize) -> usize {
    s.tokens
        .iter()
        .position(|t| t.start == start)
        .unwrap_or(0)
}

fn currency_word(unit: &str) -> Option<&'static str> {
    match unit {
        "dollars" | "dollar" => Some("USD"),
        "euros" | "euro" => Some("EUR"),
        "pounds" | "sterling" => Some("GBP"),
        "yen" => Some("JPY"),
        "yuan" => Some("CNY"),
        "rubles" | "roubles" => Some("RUB"),
        _ => None,
    }
}

/// Metres per unit.
fn length_unit(unit: &str) -> Option<f64> {
    Some(match unit {
        "foot" | "feet" | "ft" => 0.3048,
        "inch" | "inches" => 0.0254,
        "yard" | "yards" => 0.9144,
        "mile" | "miles" => 1609.344,
        "meter" | "meters" | "metre" | "metres" | "m" => 1.0,
        "kilometer" | "kilometers" | "kilometre" | "kilometres" | "km" => 1000.0,
        "centimeter" | "centimeters" | "centimetre" | "centimetres" | "cm" => 0.01,
        _ => return None,
    })
}

fn money(
    s: &Sentence,
    i: usize,
    start: usize,
    last: usize,
    amount: Amount,
    currency: &'static str,
    out: &mut Vec<Figure>,
) {
    // "… per share": a price, not a sum.
    let after = last + 1;
    let (key, about) = if s.lower_is(after, &["per", "a"]) && s.lower_is(after + 1, &["share"]) {
        ("share price".to_string(), "price per share".to_string())
    } else {
        let head = noun_after(s, after).or_else(|| word_before(s, cstart_token(s, start)));
        let about = head.clone().unwrap_or_default();
        (family(&stem(&about)).to_string(), about)
    };
    let _ = i;
    out.push(Figure {
        dim: Dim::Money,
        amount,
        start,
        end: s.tokens[last].end,
        about,
        key,
        unit: currency,
        value: format!("{} {currency}", fmt(amount.figure)),
        of_happening: false,
        constant: false,
        person: None,
    });
}

fn length(
    s: &Sentence,
    start: usize,
    unit_tok: usize,
    amount: Amount,
    metres: f64,
    out: &mut Vec<Figure>,
) {
    // A conversion in brackets restates the figure before it: "22-foot (6.7-meter)".
    let first = cstart_token(s, start);
    if first > 0 && s.word(first - 1) == "(" {
        return;
    }
    let adjectival = s.word(unit_tok).contains('-');
    let mut next = unit_tok + 1;
    if next < s.tokens.len() && s.word(next) == "(" {
        // skip "(6.7-meter)"
        while next < s.tokens.len() && s.word(next) != ")" {
            next += 1;
        }
        next += 1;
    }
    let (key, about) = if adjectival {
        let noun = noun_after(s, next).unwrap_or_default();
        (family(&stem(&noun)).to_string(), noun)
    } else {
        let rel = if next < s.tokens.len() {
            s.word(next).to_ascii_lowercase()
        } else {
            String::new()
        };
        match rel.as_str() {
            "deep" | "below" | "beneath" | "underwater" | "down" | "under" => {
                ("depth".to_string(), "depth".to_string())
            }
            "long" | "tall" | "high" | "wide" => (rel.clone(), rel),
            "from" | "off" | "of" | "south" | "north" | "east" | "west" | "southeast"
            | "southwest" | "northeast" | "northwest" | "away" => {
                let mut k = next + 1;
                if s.lower_is(k, &["of", "from"]) {
                    k += 1;
                }
                while s.lower_is(k, &["the", "a", "an"]) {
                    k += 1;
                }
                let object = if k < s.tokens.len() && s.tokens[k].shape == Shape::Word {
                    stem(s.word(k))
                } else {
                    String::new()
                };
                (format!("{rel} {object}"), format!("{rel} {object}"))
            }
            _ => return,
        }
    };
    if key.is_empty() {
        return;
    }
    let scale = |x: f64| x * metres;
    out.push(Figure {
        dim: Dim::Length,
        amount: Amount {
            figure: scale(amount.figure),
            step: scale(amount.step),
            upper: amount.upper.map(scale),
            qual: amount.qual,
        },
        start,
        end: s.tokens[unit_tok].end,
        about,
        key,
        unit: "m",
        value: format!("{} m", fmt(scale(amount.figure))),
        of_happening: false,
        constant: adjectival,
        person: None,
    });
}

/// An age, the person being the one named nearest after ("the 45-year-old Rubiales") or,
/// failing that, right before.
fn age_after(s: &Sentence, start: usize, last: usize, years: f64, out: &mut Vec<Figure>) {
    let end = s.tokens[last].end;
    let after = s.people.iter().find(|p| p.0 >= end && p.0 - end < 40);
    let before = s.people.iter().rev().find(|p| p.1 <= start && start - p.1 < 4);
    let Some(&(_, _, person)) = after.or(before) else {
        return;
    };
    out.push(age(start, end, years, person));
}

fn age(start: usize, end: usize, years: f64, person: usize) -> Figure {
    Figure {
        dim: Dim::Age,
        amount: Amount {
            figure: years,
            step: 1.0,
            upper: None,
            qual: Qual::Exact,
        },
        start,
        end,
        about: String::new(),
        key: format!("person {person}"),
        unit: "years",
        value: format!("{} years", fmt(years)),
        of_happening: false,
        constant: true,
        person: Some(person),
    }
}

/// A bare figure: an age when it stands in commas after a name ("Rubiales, 46,"), else a
/// count of the noun it goes with.
fn count(s: &Sentence, i: usize, start: usize, used: usize, amount: Amount, out: &mut Vec<Figure>) {
    let t = s.tokens[i];
    let n = s.tokens.len();
    let next = i + used;
    // "Rubiales, 46, officially …"
    if i >= 1
        && s.word(i - 1) == ","
        && (next >= n || matches!(s.word(next), "," | ")" | "."))
        && amount.figure.fract() == 0.0
        && (1.0..=120.0).contains(&amount.figure)
        && let Some(&(_, _, person)) = s.people.iter().find(|p| p.1 == s.tokens[i - 1].start)
    {
        out.push(age(t.start, t.end, amount.figure, person));
        return;
    }
    // Partitives and references are no counts of their own: "three of those players",
    // "the two leaders".
    if s.lower_is(next, &["of"]) {
        return;
    }
    if i >= 1
        && amount.figure <= 2.0
        && s.lower_is(i - 1, &["the", "their", "these", "those", "its", "his", "her", "both"])
    {
        return;
    }
    if s.lower_is(next, &["or", "to", "and"]) && amount.figure < 10.0 {
        // "two or three rounds": the top of the range is read on its own.
        return;
    }
    let Some(noun) = noun_after(s, next).or_else(|| noun_before(s, i)) else {
        return;
    };
    let stemmed = stem(&noun);
    if is_time_noun(&stemmed) {
        return;
    }
    let mut key = family(&stemmed).to_string();
    let mut about = noun;
    // A rate: "38 aircraft per month".
    let after_noun = s
        .tokens
        .iter()
        .position(|t| t.start >= s.tokens[next.min(n - 1)].start && &s.text[t.start..t.end] == "per");
    if let Some(p) = after_noun
        && p <= next + 4
        && p + 1 < n
    {
        let per = stem(s.word(p + 1));
        key = format!("{key} per {per}");
        about = format!("{about} per {}", s.word(p + 1));
    }
    // "another 5,000", "additional troops", "… left": a change or a remainder, not a total.
    if i >= 1 && s.lower_is(i - 1, &["another", "additional", "extra", "further"]) {
        key.push_str(" more");
    }
    out.push(Figure {
        dim: Dim::Count,
        amount,
        start,
        end: s.tokens[next - 1].end,
        about,
        key,
        unit: "",
        value: fmt(amount.figure),
        of_happening: false,
        constant: false,
        person: None,
    });
}

/// Whether a lower-case word reads as a plural noun.
fn plural(lower: &str) -> bool {
    matches!(
        lower,
        "people" | "crew" | "staff" | "personnel" | "police" | "aircraft" | "men" | "women"
    ) || (lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is"))
}

/// The noun a figure goes with, read forward from token `k`: names and labels skipped
/// ("171 Boeing 737 MAX 9 aircraft"), then up to three lower-case words; the head is the
/// last plural one ("15 national team players sent …"), else the last ("telephone call").
fn noun_after(s: &Sentence, mut k: usize) -> Option<String> {
    let n = s.tokens.len();
    let mut skipped = 0;
    while k < n && skipped < 4 && (s.is_capitalised(k) || s.tokens[k].shape == Shape::Number) {
        k += 1;
        skipped += 1;
    }
    let mut words: Vec<String> = Vec::new();
    while k < n && words.len() < 3 && s.tokens[k].shape == Shape::Word && !s.is_capitalised(k) {
        let lower = s.word(k).to_ascii_lowercase();
        let verb_like = lower.ends_with("ing") || lower.ends_with("ly") || lower.ends_with("ed");
        if is_stopword(&lower) || (verb_like && !words.is_empty()) || lower.ends_with("ly") {
            break;
        }
        words.push(lower);
        k += 1;
    }
    if let Some(w) = words.iter().rev().find(|w| plural(w)) {
        return Some(w.clone());
    }
    words.pop()
}

/// The plural noun a bare figure refers back to, within the sentence: "troops … with
/// estimates of more than 90,000 along the border".
fn noun_before(s: &Sentence, i: usize) -> Option<String> {
    (i.saturating_sub(14)..i).rev().find_map(|k| {
        if s.tokens[k].shape != Shape::Word || s.is_capitalised(k) {
            return None;
        }
        let lower = s.word(k).to_ascii_lowercase();
        let st = stem(&lower);
        (plural(&lower) && !is_stopword(&lower) && !is_time_noun(&st) && !is_meta_noun(&st))
            .then_some(lower)
    })
}

/// The nearest content word before token `k`, lower case.
fn word_before(s: &Sentence, k: usize) -> Option<String> {
    (k.saturating_sub(5)..k).rev().find_map(|j| {
        let lower = s.word(j).to_ascii_lowercase();
        (s.tokens[j].shape == Shape::Word && !s.is_capitalised(j) && !is_stopword(&lower))
            .then_some(lower)
    })
}

/// What a percentage is of: "5% of users", "a 54% premium", "fell by 13%".
fn percent_key(s: &Sentence, i: usize, last: usize) -> String {
    let mut k = last + 1;
    if s.lower_is(k, &["of"]) {
        k += 1;
        while s.lower_is(k, &["the", "its", "their", "his", "her", "all"]) {
            k += 1;
        }
    }
    let noun = noun_after(s, k).or_else(|| word_before(s, i));
    noun.map(|w| family(&stem(&w)).to_string())
        .unwrap_or_default()
}

/// Durations from the date tagger: "1 hour and 45 minutes" joined, "one to four years" as a
/// range, each keyed by what it measures.
fn durations(s: &Sentence, out: &mut Vec<Figure>) {
    let list: Vec<&Timex> = s
        .timexes
        .iter()
        .copied()
        .filter(|t| t.kind == TimexType::Duration)
        .collect();
    let mut k = 0;
    while k < list.len() {
        let t = list[k];
        let Some((mut minutes, mut step)) = iso_minutes(&t.value) else {
            k += 1;
            continue;
        };
        let mut end = t.end;
        let mut value = t.value.clone();
        // "1 hour and 45 minutes": two timexes joined by "and".
        if let Some(u) = list.get(k + 1)
            && s.text.get(t.end..u.start).is_some_and(|g| g.trim() == "and")
            && let Some((m, st)) = iso_minutes(&u.value)
            && m < minutes
        {
            minutes += m;
            step = st;
            end = u.end;
            value = join_iso(&t.value, &u.value);
            k += 1;
        }
        k += 1;
        let lower = t.text.to_ascii_lowercase();
        let qual = match t.modifier.as_deref() {
            Some("APPROX") => Qual::About,
            Some("LESS_THAN") if lower.starts_with("almost") || lower.starts_with("nearly") => {
                Qual::Almost
            }
            Some("LESS_THAN" | "EQUAL_OR_LESS") => Qual::Below,
            Some("MORE_THAN" | "EQUAL_OR_MORE") => Qual::Above,
            _ => Qual::Exact,
        };
        // "one to four years", "between one and four years": a range up to this figure.
        let mut upper = None;
        let mut start = t.start;
        let before = &s.text[..t.start];
        if let Some(low) = range_start(before) {
            let unit = minutes / number_in(&t.value).unwrap_or(1.0);
            upper = Some(minutes);
            minutes = low.0 * unit;
            start = low.1;
        }
        let Some((key, about, of_happening)) = duration_key(s, t.start, end, &lower) else {
            continue;
        };
        let start = trim_article(s.text, start, end);
        out.push(Figure {
            dim: Dim::Duration,
            amount: Amount {
                figure: minutes,
                step,
                upper,
                qual,
            },
            start,
            end,
            about,
            key,
            unit: "min",
            value,
            of_happening,
            constant: !of_happening,
            person: None,
        });
    }
}

/// "the 50-minute": the article is not part of the wording.
fn trim_article(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end];
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if span.starts_with(article) {
            return start + article.len();
        }
    }
    start
}

/// "one to " / "between one and " right before a duration: the low figure and where the
/// range starts.
fn range_start(before: &str) -> Option<(f64, usize)> {
    let trimmed = before.trim_end();
    let (rest, joiner) = if let Some(r) = trimmed.strip_suffix(" to") {
        (r, "to")
    } else if let Some(r) = trimmed.strip_suffix(" and") {
        (r, "and")
    } else {
        return None;
    };
    let word_start = rest.rfind(' ').map_or(0, |i| i + 1);
    let word = &rest[word_start..];
    let low = number_word(word).or_else(|| parse_figure(word).map(|f| f.0))?;
    let mut start = word_start;
    if joiner == "and" {
        let head = rest[..word_start].trim_end();
        if !head.to_ascii_lowercase().ends_with("between") {
            return None;
        }
        start = head.len() - "between".len();
    }
    Some((low, start))
}

/// What a duration measures, read from the words around it: the happening it is the length
/// of ("a 50-minute call", "spoke for almost an hour"), how far into something
/// ("75 minutes into a dive"), how much of something ("96 hours of oxygen"). `None` for
/// offsets and deadlines ("two days later", "within two weeks").
fn duration_key(
    s: &Sentence,
    start: usize,
    end: usize,
    lower: &str,
) -> Option<(String, String, bool)> {
    let after = s.tokens.iter().position(|t| t.start >= end);
    let before = s.tokens.iter().rposition(|t| t.end <= start);
    let word = |k: Option<usize>| k.map(|k| s.word(k).to_ascii_lowercase()).unwrap_or_default();
    let next = word(after);
    let prev = word(before);
    if matches!(
        next.as_str(),
        "later" | "ago" | "earlier" | "before" | "after" | "since" | "from"
    ) || matches!(
        prev.as_str(),
        "within" | "in" | "after" | "past" | "last" | "next" | "first" | "than"
    ) {
        return None;
    }
    let remaining = |k: usize| {
        s.tokens[k..]
            .iter()
            .take(5)
            .any(|t| matches!(&s.text[t.start..t.end], "left" | "remaining"))
    };
    if next == "into" || next == "of" {
        let k = after? + 1;
        let mut j = k;
        while s.lower_is(j, &["the", "a", "an", "its", "their", "his", "her"]) {
            j += 1;
        }
        let noun = noun_after(s, j)?;
        let fam = family(&stem(&noun)).to_string();
        let left = if remaining(k) { " left" } else { "" };
        return Some((
            format!("{next} {fam}{left}"),
            format!("{next} the {noun}{left}"),
            false,
        ));
    }
    // "50-minute telephone call", "a five-day trial".
    if lower.contains('-') {
        let noun = noun_after(s, after?)?;
        let fam = family(&stem(&noun)).to_string();
        let happening = words::happening(&fam).is_some();
        return Some((fam, noun, happening));
    }
    if prev == "for" {
        // "spoke over the phone for almost an hour": the verb is what lasted.
        let verb = (before?.saturating_sub(6)..before?).rev().find_map(|k| {
            let w = s.word(k).to_ascii_lowercase();
            (s.tokens[k].shape == Shape::Word && !is_stopword(&w) && !s.is_capitalised(k))
                .then(|| stem(&w))
        })?;
        return Some((format!("for {}", family(&verb)), verb, true));
    }
    None
}

/// Minutes in a TIMEX3 duration value and the step of its last figure; `None` when vague.
pub fn iso_minutes(value: &str) -> Option<(f64, f64)> {
    let rest = value.strip_prefix('P')?;
    let mut total = 0.0;
    let mut step = 0.0;
    let mut time = false;
    let mut num = String::new();
    for c in rest.chars() {
        match c {
            'T' => time = true,
            '0'..='9' | '.' => num.push(c),
            _ => {
                let n: f64 = num.parse().ok()?;
                num.clear();
                let unit = match (c, time) {
                    ('Y', _) => 525_960.0,
                    ('M', false) => 43_830.0,
                    ('W', _) => 10_080.0,
                    ('D', _) => 1_440.0,
                    ('H', true) => 60.0,
                    ('M', true) => 1.0,
                    ('S', true) => 1.0 / 60.0,
                    _ => return None,
                };
                total += n * unit;
                step = unit
                    * parse_figure(&fmt(n))
                        .map(|f| f.1)
                        .unwrap_or(1.0)
                        .min(if n >= 10.0 { 10.0 } else { 1.0 });
            }
        }
    }
    (num.is_empty() && total > 0.0).then_some((total, step))
}

fn number_in(value: &str) -> Option<f64> {
    let digits: String = value
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

/// `PT1H` and `PT45M` → `PT1H45M`.
fn join_iso(a: &str, b: &str) -> String {
    let b_part = b.trim_start_matches('P');
    if a.contains('T') {
        format!("{a}{}", b_part.trim_start_matches('T'))
    } else {
        format!("{a}{b_part}")
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
