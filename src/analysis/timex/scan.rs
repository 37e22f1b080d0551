//! Finding temporal expressions: patterns over tokens that yield an [`Expr`], what the words
//! say before any calendar is consulted.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::{self, Unit};
use super::tokens::Tok;

/// Which way a relative expression points when its words do not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// Decided by the tense around it ("on Thursday ... spoke" is the past Thursday).
    Context,
    Last,
    This,
    Next,
}

/// What an expression means, before resolution against the reference date.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A calendar date; a missing year is resolved by tense.
    Date {
        year: Option<i32>,
        month: u8,
        day: Option<u8>,
        shift: Shift,
    },
    /// Days `day..=last` of one month ("January 9-10, 2022").
    DayRange {
        year: Option<i32>,
        month: u8,
        day: u8,
        last: u8,
    },
    Year(i32),
    /// Decade as its first three digits (199 = the 1990s).
    Decade(i32),
    Weekday {
        day: u8,
        shift: Shift,
        part: Option<&'static str>,
    },
    /// Days from the reference date (yesterday = -1), with an optional part of day.
    Day {
        offset: i64,
        part: Option<&'static str>,
    },
    /// The week, month, quarter, year, decade `offset` away from the reference date's.
    Unit {
        unit: Unit,
        offset: i32,
    },
    Season {
        season: &'static str,
        shift: Shift,
        year: Option<i32>,
    },
    /// The fourth Thursday of November (United States).
    Thanksgiving,
    /// A clock time on a weekday near the reference date.
    ClockOn {
        hour: u8,
        minute: u8,
        day: u8,
    },
    /// A quarter: `q` = 0 means "the quarter" (the last completed one).
    Quarter {
        q: u8,
        year: Option<i32>,
        offset: i32,
    },
    /// Quarter `q` of the year `dy` years from the reference date's ("last year's third
    /// quarter").
    QuarterOfYear {
        q: u8,
        dy: i32,
    },
    /// `n` units before (negative) or after the reference date, at the unit's precision.
    Ago {
        n: i64,
        unit: Unit,
    },
    /// The financial "year-earlier" quarter or year, decided by the sentence.
    YearEarlier,
    Weekend {
        offset: i32,
    },
    /// A fixed value: `PRESENT_REF`, a duration, a set.
    Fixed(String),
    /// A clock time on the day `day` days from the reference date.
    Clock {
        hour: u8,
        minute: u8,
        day: i64,
    },
}

/// A found expression: tokens `first..end`, its meaning, type and modifier.
#[derive(Debug, Clone)]
pub struct Found {
    pub first: usize,
    pub end: usize,
    pub expr: Expr,
    pub kind: Kind,
    pub modifier: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Date,
    Time,
    Duration,
    Set,
}

/// Every expression in the tokens, left to right, longest match first.
pub fn scan(tokens: &[Tok], text: &str) -> Vec<Found> {
    let s = Scanner { t: tokens, text };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match s.at(i) {
            Some(found) if found.end > i => {
                i = found.end;
                out.push(found);
            }
            _ => i += 1,
        }
    }
    out
}

struct Scanner<'a> {
    t: &'a [Tok<'a>],
    text: &'a str,
}

const PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
    "between",
    "and",
    "to",
    "for",
    "on",
    "around",
    "throughout",
    "into",
];

/// What a word can be to the scanner: the start of an expression (a number, a time word, or
/// a word some pattern opens with), the first word of a modifier before one ("early", "the
/// end of"), both, or neither. Most words of a text are neither, and asking this first spares
/// them the dozen patterns of [`Scanner::core`] and the comparisons of [`Scanner::modifier`].
/// Every word a pattern compares its first token with must be in [`START_WORDS`].
#[derive(Debug, Clone, Copy, Default)]
struct Role {
    opens: bool,
    modifies: bool,
}

/// The [`Role`] of `w`, found with one hash look-up.
fn role(w: &str) -> Role {
    let Some(&first) = w.as_bytes().first() else {
        return Role::default();
    };
    if first.is_ascii_digit()
        || w.starts_with(['\'', '’'])
        || (first == b'q' && w.len() > 1 && w[1..].bytes().all(|b| b.is_ascii_digit()))
    {
        return Role {
            opens: true,
            modifies: false,
        };
    }
    WORD_ROLES.get(w).copied().unwrap_or_default()
}

/// Every word a [`Scanner::modifier`] can start with: the others skip its comparisons.
const MODIFIER_WORDS: &str = "the end late mid early more less at earlier later about around \
     approximately roughly nearly almost some over under";

/// [`START_WORDS`] and [`MODIFIER_WORDS`] in one map, each word with its role.
static WORD_ROLES: LazyLock<FxHashMap<&'static str, Role>> = LazyLock::new(|| {
    let mut roles: FxHashMap<&'static str, Role> = FxHashMap::default();
    for w in START_WORDS.split_whitespace() {
        roles.entry(w).or_default().opens = true;
    }
    for w in MODIFIER_WORDS.split_whitespace() {
        roles.entry(w).or_default().modifies = true;
    }
    roles
});

/// The words that may open an expression: asked of every word of every text (through
/// [`WORD_ROLES`]), one hash look-up is a fifth of the cost of the dozen lexicon matches they
/// stand for (months, weekdays, numbers, ordinals, units, seasons, vague amounts, and the words
/// patterns open with). The tests hold the matches as their specification.
const START_WORDS: &str = "the this last next past latest recent current same previous preceding coming upcoming \
     following fiscal year quarter today yesterday tomorrow tonight now currently nowadays \
     recently lately at in christmas new thanksgiving couple daily weekly monthly yearly every \
     each noon midnight \
     january jan february feb march mar april apr may june jun july jul august aug september \
     sept sep october oct november nov december dec \
     monday mon tuesday tues wednesday wed thursday thurs friday fri saturday sat sunday sun \
     a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
     fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty \
     ninety hundred dozen \
     first second third fourth fifth sixth seventh eighth ninth tenth \
     second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks \
     month months quarter quarters year years yr yrs decade decades century centurys centurie centuries \
     spring summer fall autumn winter \
     several few many some numerous couple";

impl Scanner<'_> {
    fn w(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.lower.as_ref())
    }

    /// Whether tokens `i` and `i + 1` touch (no space between), as in "third-quarter".
    fn touching(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn is_capitalized(&self, i: usize) -> bool {
        self.t
            .get(i)
            .and_then(|t| self.text[t.start..].chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Skips a "." right after an abbreviation.
    fn skip_dot(&self, i: usize) -> usize {
        if self.w(i) == "." && self.touching(i - 1) {
            i + 1
        } else {
            i
        }
    }

    fn found(first: usize, end: usize, expr: Expr, kind: Kind) -> Option<Found> {
        Some(Found {
            first,
            end,
            expr,
            kind,
            modifier: None,
        })
    }

    /// The expression starting at token `i`, with any modifier words in front.
    fn at(&self, i: usize) -> Option<Found> {
        let role = role(self.w(i));
        let (skip, modifier) = if role.modifies {
            self.modifier(i)
        } else {
            (0, None)
        };
        if skip == 0 && !role.opens {
            return None;
        }
        if skip > 0
            && let Some(mut f) = self.core(i + skip)
        {
            // "early" and the like modify dates; "about", "almost" modify durations too.
            let fits = match modifier {
                Some("APPROX" | "LESS_THAN" | "MORE_THAN" | "EQUAL_OR_MORE") => true,
                _ => f.kind == Kind::Date || f.kind == Kind::Time,
            };
            if fits {
                f.first = i;
                f.modifier = modifier;
                return Some(f);
            }
        }
        self.core(i)
    }

    /// Modifier words before an expression: how many tokens and the TIMEX3 `mod`.
    fn modifier(&self, i: usize) -> (usize, Option<&'static str>) {
        let w = |k| self.w(i + k);
        match (w(0), w(1), w(2)) {
            ("the", "end", "of") | ("the", "close", "of") => (3, Some("END")),
            ("the", "beginning" | "start", "of") => (3, Some("START")),
            ("the", "middle", "of") => (3, Some("MID")),
            ("end" | "late", "-", _) | ("mid", "-", _) | ("early", "-", _) => {
                let m = if w(0) == "mid" {
                    "MID"
                } else if w(0) == "early" {
                    "START"
                } else {
                    "END"
                };
                (2, Some(m))
            }
            ("more" | "less", "than", _) => (
                2,
                Some(if w(0) == "more" {
                    "MORE_THAN"
                } else {
                    "LESS_THAN"
                }),
            ),
            ("at", "least", _) => (2, Some("EQUAL_OR_MORE")),
            ("early" | "earlier", ..) => (1, Some("START")),
            ("late" | "later", ..) => (1, Some("END")),
            ("mid", ..) => (1, Some("MID")),
            (
                "about" | "around" | "approximately" | "roughly" | "nearly" | "almost" | "some"
                | "over" | "under",
                ..,
            ) => {
                let m = match w(0) {
                    "nearly" | "almost" | "under" => "LESS_THAN",
                    "over" => "MORE_THAN",
                    _ => "APPROX",
                };
                (1, Some(m))
            }
            _ => (0, None),
        }
    }

    fn core(&self, i: usize) -> Option<Found> {
        let w0 = self.w(i);
        if w0.is_empty() {
            return None;
        }
        self.numeric(i)
            .or_else(|| self.day_month(i))
            .or_else(|| self.month_first(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.shifted(i))
            .or_else(|| self.weekday(i, Shift::Context))
            .or_else(|| self.words(i))
            .or_else(|| self.duration(i))
            .or_else(|| self.set(i))
            .or_else(|| self.clock(i))
            .or_else(|| self.year(i))
    }

    /// "12/30/2021", "2021-12-30".
    fn numeric(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if let Some((y, rest)) = w.split_once('-') {
            let mut p = rest.split('-');
            let (m, d) = (p.next()?.parse().ok()?, p.next()?.parse().ok()?);
            return Self::found(
                i,
                i + 1,
                Expr::Date {
                    year: Some(y.parse().ok()?),
                    month: m,
                    day: Some(d),
                    shift: Shift::Context,
                },
                Kind::Date,
            );
        }
        let mut parts = w.split('/');
        if let (Some(m), Some(d), Some(year), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        {
            let (m, d): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
            let mut y: i32 = year.parse().ok()?;
            if year.len() == 2 {
                y += if y < 50 { 2000 } else { 1900 };
            }
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Self::found(
                    i,
                    i + 1,
                    Expr::Date {
                        year: Some(y),
                        month: m,
                        day: Some(d),
                        shift: Shift::Context,
                    },
                    Kind::Date,
                );
            }
        }
        None
    }

    fn day_number(&self, i: usize) -> Option<u8> {
        let w = self.w(i);
        let n: u32 = if self.t.get(i)?.is_digits() {
            w.parse().ok()?
        } else {
            lexicon::ordinal(w).filter(|_| w.chars().next().is_some_and(|c| c.is_ascii_digit()))?
        };
        (1..=31).contains(&n).then_some(n as u8)
    }

    fn year_number(&self, i: usize) -> Option<i32> {
        let t = self.t.get(i)?;
        if t.is_digits() && t.lower.len() == 4 {
            let y: i32 = t.lower.parse().ok()?;
            return (1000..=2199).contains(&y).then_some(y);
        }
        None
    }

    /// A month word at `i` (with its dot), and the token after it.
    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.w(i);
        let m = lexicon::month(w)?;
        let mut next = i + 1;
        if w.len() <= 4 && w != "may" && w != "june" && w != "july" {
            // Abbreviations take a dot: "Jan.", "Sept."
            next = self.skip_dot(next);
            // "Jan Kavan" is a name: an abbreviation wants its dot or a number after it.
            if !self.is_capitalized(i)
                || next == i + 1 && !self.t.get(next).is_some_and(Tok::is_digits)
            {
                return None;
            }
        }
        Some((m, next))
    }

    /// An optional ", YEAR" or " YEAR" after a date; the year and the token after it.
    fn trailing_year(&self, i: usize) -> (Option<i32>, usize) {
        let j = if self.w(i) == "," { i + 1 } else { i };
        match self.year_number(j) {
            Some(y) => (Some(y), j + 1),
            None => (None, i),
        }
    }

    /// "30 December 2021", "the 30th of December".
    fn day_month(&self, i: usize) -> Option<Found> {
        let (first, i) = if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let day = self.day_number(i)?;
        let j = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        let (month, next) = self.month_at(j)?;
        let (year, end) = self.trailing_year(next);
        if first < i && self.w(i + 1) != "of" {
            return None;
        }
        Self::found(
            first,
            end,
            Expr::Date {
                year,
                month,
                day: Some(day),
                shift: Shift::Context,
            },
            Kind::Date,
        )
    }

    /// "December 7", "Dec. 7, 2021", "January 9-10, 2022", "December 2021", "in December",
    /// optionally after a weekday ("Thursday, Dec. 30").
    fn month_first(&self, i: usize) -> Option<Found> {
        let start = i;
        let mut i = i;
        if lexicon::weekday(self.w(i)).is_some() {
            let j = if self.w(i + 1) == "," { i + 2 } else { i + 1 };
            if lexicon::month(self.w(j)).is_some() && self.is_capitalized(j) {
                i = j;
            }
        }
        let (month, next) = self.month_at(i)?;
        if let Some(day) = self.day_number(next) {
            // A range of days: "9-10", "9 to 10", "9 and 10".
            if matches!(self.w(next + 1), "-" | "–" | "to" | "through")
                && let Some(last) = self.day_number(next + 2)
                && last > day
            {
                let (year, end) = self.trailing_year(next + 3);
                return Self::found(
                    start,
                    end,
                    Expr::DayRange {
                        year,
                        month,
                        day,
                        last,
                    },
                    Kind::Date,
                );
            }
            let (year, end) = self.trailing_year(next + 1);
            return Self::found(
                start,
                end,
                Expr::Date {
                    year,
                    month,
                    day: Some(day),
                    shift: Shift::Context,
                },
                Kind::Date,
            );
        }
        if let (Some(year), end) = self.trailing_year(next) {
            return Self::found(
                start,
                end,
                Expr::Date {
                    year: Some(year),
                    month,
                    day: None,
                    shift: Shift::Context,
                },
                Kind::Date,
            );
        }
        // A month alone: only where it can't be "may" or "march" the verb.
        let w = self.w(i);
        let before = if i > 0 { self.w(i - 1) } else { "" };
        let capital = self.is_capitalized(i);
        if !capital {
            return None;
        }
        if lexicon::month_is_ambiguous(w) && !PREPOSITIONS.contains(&before) {
            return None;
        }
        Self::found(
            start,
            next,
            Expr::Date {
                year: None,
                month,
                day: None,
                shift: Shift::Context,
            },
            Kind::Date,
        )
    }

    /// "Friday", "Friday night", "last Friday".
    fn weekday(&self, i: usize, shift: Shift) -> Option<Found> {
        let day = lexicon::weekday(self.w(i))?;
        if !self.is_capitalized(i) || self.w(i).len() <= 4 && self.w(i) != "wed" {
            // Short forms ("Sat", "Sun") are too ambiguous; "wed" only as "Wed.".
            if self.w(i).len() <= 4 {
                return None;
            }
        }
        // "Friday night", "Friday morning": news annotators mostly date the day; "Friday
        // evening" and "afternoon" keep their part (TEV, TAF).
        if let Some(part) = lexicon::part_of_day(self.w(i + 1)) {
            let part = matches!(part, "EV" | "AF").then_some(part);
            let expr = Expr::Weekday { day, shift, part };
            let kind = if part.is_some() {
                Kind::Time
            } else {
                Kind::Date
            };
            return Self::found(i, i + 2, expr, kind);
        }
        Self::found(
            i,
            i + 1,
            Expr::Weekday {
                day,
                shift,
                part: None,
            },
            Kind::Date,
        )
    }

    /// Quarters: "the third quarter", "third-quarter", "Q3", "the latest quarter", "the fourth
    /// quarter of 1989", "the year-ago quarter".
    fn quarter(&self, i: usize) -> Option<Found> {
        let (first, mut j) = if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let w = self.w(j);
        if let Some(q) = w
            .strip_prefix('q')
            .and_then(|q| q.parse::<u8>().ok())
            .filter(|q| (1..=4).contains(q))
        {
            return Self::found(
                first,
                j + 1,
                Expr::Quarter {
                    q,
                    year: None,
                    offset: 0,
                },
                Kind::Date,
            );
        }
        let mut fiscal = false;
        if w == "fiscal" {
            fiscal = true;
            j += 1;
        }
        // "the 1988 second quarter", "this year's third quarter", "last year's fourth quarter".
        let mut named_year = None;
        let mut year_offset = None;
        if first < j
            && let Some(y) = self.year_number(j)
            && lexicon::ordinal(self.w(j + 1)).is_some()
        {
            named_year = Some(y);
            j += 1;
        } else if self.w(j + 1) == "year" && self.w(j + 2) == "'" && self.w(j + 3) == "s" {
            year_offset = match self.w(j) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if year_offset.is_some() && lexicon::ordinal(self.w(j + 4)).is_some() {
                j += 4;
            } else {
                year_offset = None;
            }
        }
        let ordinal = lexicon::ordinal(self.w(j)).filter(|q| (1..=4).contains(q));
        let (q, offset, k) = match (ordinal, self.w(j)) {
            (Some(q), _) => (q as u8, 0, j + 1),
            (None, "latest" | "last" | "past" | "recent" | "current" | "same")
                if first < j || first == i =>
            {
                let q_off = if self.w(j) == "current" { 1 } else { 0 };
                (0, q_off, j + 1)
            }
            (None, "year")
                if self.w(j + 1) == "-" && matches!(self.w(j + 2), "ago" | "earlier") =>
            {
                let k = j + 3;
                if matches!(self.w(k), "quarter" | "period") {
                    return Self::found(first, k + 1, Expr::YearEarlier, Kind::Date);
                }
                return None;
            }
            (None, "quarter") if first < j => (0, 0, j),
            _ => return None,
        };
        let k = if self.w(k) == "-" { k + 1 } else { k };
        if self.w(k) != "quarter"
            && !(q == 0 && self.w(k) == "period" && matches!(self.w(j), "latest" | "same"))
        {
            return None;
        }
        let mut end = k + 1;
        let mut year = None;
        if self.w(end) == "of"
            && let Some(y) = self.year_number(end + 1)
        {
            year = Some(y);
            end += 2;
        } else if let Some(y) = self.year_number(end) {
            year = Some(y);
            end += 1;
        }
        let _ = fiscal;
        let year = year.or(named_year);
        if let Some(dy) = year_offset {
            let expr = Expr::QuarterOfYear { q, dy };
            return Self::found(first, end, expr, Kind::Date);
        }
        Self::found(first, end, Expr::Quarter { q, year, offset }, Kind::Date)
    }

    /// "two years ago", "a year earlier", "six weeks later", "year-earlier".
    fn ago(&self, i: usize) -> Option<Found> {
        if self.w(i) == "year" && self.w(i + 1) == "-" && matches!(self.w(i + 2), "earlier" | "ago")
        {
            if matches!(self.w(i + 3), "quarter" | "period") {
                return None;
            }
            return Self::found(i, i + 3, Expr::YearEarlier, Kind::Date);
        }
        let n = lexicon::number(self.w(i))? as i64;
        if self.t.get(i)?.is_digits() && n > 1000 {
            return None;
        }
        let (unit, _) = lexicon::unit(self.w(i + 1))?;
        // "four days before the breakthrough" counts from the breakthrough, not from today:
        // only the duration is known.
        if self.w(i + 2) == "before" && self.w(i + 3).starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let sign = match self.w(i + 2) {
            "ago" | "earlier" | "before" => -1,
            "later" | "hence" | "from" if self.w(i + 2) != "from" || self.w(i + 3) == "now" => 1,
            _ => return None,
        };
        let end = if self.w(i + 2) == "from" {
            i + 4
        } else {
            i + 3
        };
        if sign < 0 && n == 1 && unit == Unit::Year && matches!(self.w(i + 2), "earlier" | "ago") {
            return Self::found(i, end, Expr::YearEarlier, Kind::Date);
        }
        Self::found(i, end, Expr::Ago { n: sign * n, unit }, Kind::Date)
    }

    /// "this week", "last month", "next year", "the upcoming week", "last Friday", "this
    /// summer", "last December", "the past two months" (a duration).
    fn shifted(&self, i: usize) -> Option<Found> {
        let (first, j) = if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let shift = match self.w(j) {
            "this" | "current" => Shift::This,
            "last" | "past" | "previous" | "preceding" => Shift::Last,
            "next" | "coming" | "upcoming" | "following" => Shift::Next,
            _ => return None,
        };
        let k = j + 1;
        // "the past two months", "the next few years": durations.
        if first < j || matches!(self.w(j), "past" | "last" | "next") {
            let amount = self.w(k);
            if let Some(n) = lexicon::number(amount).filter(|_| amount != "a" && amount != "an")
                && let Some((unit, _)) = lexicon::unit(self.w(k + 1))
            {
                return Self::found(
                    first,
                    k + 2,
                    Expr::Fixed(duration(Some(n as i64), unit)),
                    Kind::Duration,
                );
            }
            if lexicon::is_vague_amount(amount)
                && let Some((unit, true)) = lexicon::unit(self.w(k + 1))
            {
                return Self::found(
                    first,
                    k + 2,
                    Expr::Fixed(duration(None, unit)),
                    Kind::Duration,
                );
            }
        }
        if first < j && self.w(j) == "this" {
            return None;
        }
        let offset = match shift {
            Shift::Last => -1,
            Shift::Next => 1,
            _ => 0,
        };
        if let Some((unit, false)) = lexicon::unit(self.w(k)) {
            if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            if unit == Unit::Day {
                return None;
            }
            return Self::found(first, k + 1, Expr::Unit { unit, offset }, Kind::Date);
        }
        if self.w(k) == "weekend" {
            return Self::found(first, k + 1, Expr::Weekend { offset }, Kind::Date);
        }
        if first == j {
            if let Some(mut f) = self.weekday(k, shift) {
                f.first = first;
                return Some(f);
            }
            if let Some(season) = lexicon::season(self.w(k)) {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Season {
                        season,
                        shift,
                        year: None,
                    },
                    Kind::Date,
                );
            }
            if let Some(month) = lexicon::month(self.w(k)).filter(|_| self.is_capitalized(k)) {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Date {
                        year: None,
                        month,
                        day: None,
                        shift,
                    },
                    Kind::Date,
                );
            }
            if matches!(self.w(k), "morning" | "afternoon" | "evening") && shift == Shift::This {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Day {
                        offset: 0,
                        part: lexicon::part_of_day(self.w(k)),
                    },
                    Kind::Time,
                );
            }
            if self.w(k) == "night" && shift == Shift::Last {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Day {
                        offset: -1,
                        part: Some("NI"),
                    },
                    Kind::Time,
                );
            }
        }
        None
    }

    /// Single words and fixed phrases: today, yesterday, now, recently, the past, the future,
    /// year-end, the weekend, holidays, seasons with a year, decades.
    fn words(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let fixed =
            |end: usize, v: &str| Self::found(i, end, Expr::Fixed(v.to_string()), Kind::Date);
        match w {
            "today" => {
                return Self::found(
                    i,
                    i + 1,
                    Expr::Day {
                        offset: 0,
                        part: None,
                    },
                    Kind::Date,
                );
            }
            "yesterday" | "tomorrow" => {
                let offset = if w == "yesterday" { -1 } else { 1 };
                if let Some(part) = lexicon::part_of_day(self.w(i + 1)) {
                    return Self::found(
                        i,
                        i + 2,
                        Expr::Day {
                            offset,
                            part: Some(part),
                        },
                        Kind::Time,
                    );
                }
                return Self::found(i, i + 1, Expr::Day { offset, part: None }, Kind::Date);
            }
            "tonight" => {
                return Self::found(
                    i,
                    i + 1,
                    Expr::Day {
                        offset: 0,
                        part: Some("NI"),
                    },
                    Kind::Time,
                );
            }
            // "Now, ..." opening a sentence is a discourse marker, not a time.
            "now" if self.is_capitalized(i) && self.w(i + 1) == "," => return None,
            "now" | "currently" | "nowadays" => return fixed(i + 1, "PRESENT_REF"),
            "recently" | "lately" => return fixed(i + 1, "PAST_REF"),
            // "recent weeks", "coming months": an unknown number of units, as TimeML counts them.
            "recent" | "coming" | "upcoming"
                if let Some((unit, true)) = lexicon::unit(self.w(i + 1)) =>
            {
                let f = Expr::Fixed(duration(None, unit));
                return Self::found(i, i + 2, f, Kind::Duration);
            }
            // "his current wife", "current market conditions": the present.
            "current"
                if !matches!(self.w(i + 1), "account" | "accounts" | "," | "." | "")
                    && lexicon::unit(self.w(i + 1)).is_none() =>
            {
                return fixed(i + 1, "PRESENT_REF");
            }
            "the"
                if matches!(
                    (self.w(i + 1), self.w(i + 2)),
                    ("near" | "foreseeable" | "immediate", "future") | ("near" | "short", "term")
                ) =>
            {
                return fixed(i + 3, "FUTURE_REF");
            }
            // "nineteen ninety-six": years read out on radio.
            "nineteen" => {
                let tens = lexicon::number(self.w(i + 1)).filter(|n| (10..100).contains(n))?;
                let (units, end) = match (self.w(i + 2), lexicon::number(self.w(i + 3))) {
                    ("-", Some(u)) if u < 10 && tens % 10 == 0 && tens >= 20 => (u, i + 4),
                    _ => (0, i + 2),
                };
                return Self::found(i, end, Expr::Year(1900 + (tens + units) as i32), Kind::Date);
            }
            "year" if self.w(i + 1) == "two" && self.w(i + 2) == "thousand" => {
                return Self::found(i, i + 3, Expr::Year(2000), Kind::Date);
            }
            // "year end", "year's end": the end of the reference year.
            "year"
                if self.w(i + 1) == "end"
                    || (self.w(i + 1) == "'" && self.w(i + 2) == "s" && self.w(i + 3) == "end") =>
            {
                let end = if self.w(i + 1) == "end" { i + 2 } else { i + 4 };
                let mut f = Self::found(
                    i,
                    end,
                    Expr::Unit {
                        unit: Unit::Year,
                        offset: 0,
                    },
                    Kind::Date,
                )?;
                f.modifier = Some("END");
                return Some(f);
            }
            "recent" if matches!(self.w(i + 1), "times" | "history") => {
                return fixed(i + 2, "PAST_REF");
            }
            "at" if self.w(i + 1) == "present" => return fixed(i + 2, "PRESENT_REF"),
            "the"
                if self.w(i + 1) == "past"
                    && lexicon::unit(self.w(i + 2)).is_none()
                    && lexicon::number(self.w(i + 2)).is_none() =>
            {
                return fixed(i + 2, "PAST_REF");
            }
            "the" | "in" if self.w(i + 1) == "future" => return fixed(i + 2, "FUTURE_REF"),
            // "for the year ended June 30" is a year's length; "for the year", "earlier in the
            // year", "the full year" the reference year.
            "the" if matches!(self.w(i + 1), "year" | "full" | "fiscal") => {
                let end = if self.w(i + 1) == "year" {
                    i + 2
                } else {
                    i + 3
                };
                if self.w(end - 1) != "year" {
                    return None;
                }
                if matches!(self.w(end), "ended" | "ending" | "through") {
                    let f = Expr::Fixed("P1Y".to_string());
                    return Self::found(i, end, f, Kind::Duration);
                }
                let before = if i > 0 { self.w(i - 1) } else { "" };
                if matches!(before, "of" | "in" | "for" | "during" | "throughout")
                    && !matches!(self.w(end), "-" | "before" | "earlier" | "after" | "later")
                {
                    let f = Expr::Unit {
                        unit: Unit::Year,
                        offset: 0,
                    };
                    return Self::found(i, end, f, Kind::Date);
                }
            }
            // "the summer", "over the winter": the season of the reference year, looking back.
            "the"
                if matches!(self.w(i + 1), "summer" | "winter" | "spring")
                    && self.year_number(i + 2).is_none()
                    && self.w(i + 2) != "of" =>
            {
                let season = lexicon::season(self.w(i + 1))?;
                let f = Expr::Season {
                    season,
                    shift: Shift::Context,
                    year: None,
                };
                return Self::found(i, i + 2, f, Kind::Date);
            }
            "the" if self.w(i + 1) == "weekend" => {
                return Self::found(i, i + 2, Expr::Weekend { offset: 0 }, Kind::Date);
            }
            "year" if self.w(i + 1) == "-" && self.w(i + 2) == "end" => {
                let mut f = Self::found(
                    i,
                    i + 3,
                    Expr::Unit {
                        unit: Unit::Year,
                        offset: 0,
                    },
                    Kind::Date,
                )?;
                f.modifier = Some("END");
                return Some(f);
            }
            "christmas" => {
                let end = if matches!(self.w(i + 1), "day" | "eve") {
                    i + 2
                } else {
                    i + 1
                };
                let day = if self.w(i + 1) == "eve" { 24 } else { 25 };
                return Self::found(
                    i,
                    end,
                    Expr::Date {
                        year: None,
                        month: 12,
                        day: Some(day),
                        shift: Shift::Context,
                    },
                    Kind::Date,
                );
            }
            "new"
                if self.w(i + 1) == "year"
                    && self.w(i + 3) == "s"
                    && matches!(self.w(i + 4), "day" | "eve") =>
            {
                let (month, day) = if self.w(i + 4) == "day" {
                    (1, 1)
                } else {
                    (12, 31)
                };
                let expr = Expr::Date {
                    year: None,
                    month,
                    day: Some(day),
                    shift: Shift::Context,
                };
                return Self::found(i, i + 5, expr, Kind::Date);
            }
            "thanksgiving" if self.is_capitalized(i) => {
                let end = if self.w(i + 1) == "day" { i + 2 } else { i + 1 };
                return Self::found(i, end, Expr::Thanksgiving, Kind::Date);
            }
            _ => {}
        }
        let (first, j) = if w == "the" { (i, i + 1) } else { (i, i) };
        // Centuries: "the 20th century" is the 1900s, value "19".
        if let Some(n) = lexicon::ordinal(self.w(j)).filter(|n| (1..=21).contains(n))
            && matches!(self.w(j + 1), "century")
        {
            let f = Expr::Fixed(format!("{:02}", n - 1));
            return Self::found(first, j + 2, f, Kind::Date);
        }
        // Decades: "the 1990s", "the '90s", "1990s".
        let d = self.w(j);
        if let Some(digits) = d.strip_suffix('s') {
            if digits.len() == 4
                && digits.ends_with('0')
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                let y: i32 = digits.parse().ok()?;
                return Self::found(first, j + 1, Expr::Decade(y / 10), Kind::Date);
            }
            if let Some(two) = digits.strip_prefix(['\'', '’'])
                && two.len() == 2
                && two.ends_with('0')
            {
                let y: i32 = two.parse().ok()?;
                return Self::found(
                    first,
                    j + 1,
                    Expr::Decade(if y < 30 { 200 + y / 10 } else { 190 + y / 10 }),
                    Kind::Date,
                );
            }
        }
        // Seasons with a year: "summer 2019", "the fall of 1998".
        if let Some(season) = lexicon::season(d) {
            let k = if self.w(j + 1) == "of" { j + 2 } else { j + 1 };
            if let Some(y) = self.year_number(k) {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Season {
                        season,
                        shift: Shift::Context,
                        year: Some(y),
                    },
                    Kind::Date,
                );
            }
        }
        None
    }

    /// "50-minute", "two days", "several years", "almost an hour", "for weeks".
    fn duration(&self, i: usize) -> Option<Found> {
        let (first, j) = if matches!(self.w(i), "the")
            && matches!(self.w(i + 1), "first" | "last" | "past" | "next")
        {
            (i, i + 2)
        } else if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let w = self.w(j);
        let mut n = None;
        let mut k = j;
        let mut half = false;
        if w == "couple" || (matches!(w, "a" | "an") && self.w(j + 1) == "couple") {
            // "a couple of years": two.
            k = if w == "couple" { j + 1 } else { j + 2 };
            if self.w(k) == "of" {
                k += 1;
            }
            n = Some(2);
        } else if lexicon::is_vague_amount(w) {
            k += 1;
            if self.w(k) == "of" {
                k += 1;
            }
        } else if let Some(v) = lexicon::number(w) {
            if self.t.get(j)?.is_digits() && v >= 1000 {
                return None;
            }
            let mut v = v as i64;
            k += 1;
            // "twenty-five"
            if self.w(k) == "-"
                && let Some(u) = lexicon::number(self.w(k + 1)).filter(|u| *u < 10)
                && v >= 20
            {
                v += u as i64;
                k += 2;
            }
            // "2 1/2 years"
            if self.w(k) == "1/2" {
                half = true;
                k += 1;
            }
            // "two more weeks", "20 additional years"
            if matches!(self.w(k), "more" | "additional" | "further" | "straight") {
                k += 1;
            }
            if matches!(w, "a" | "an") && first < j {
                return None;
            }
            n = Some(v);
        } else if first == j {
            // Bare plurals only after "for"/"over": "for weeks".
            if let Some((unit, true)) = lexicon::unit(w)
                && j > 0
                && matches!(self.w(j - 1), "for" | "over")
                && !matches!(unit, Unit::Quarter)
            {
                return Self::found(j, j + 1, Expr::Fixed(duration(None, unit)), Kind::Duration);
            }
            return None;
        } else {
            return None;
        }
        if self.w(k) == "-" {
            k += 1;
        }
        let (unit, plural) = lexicon::unit(self.w(k))?;
        if unit == Unit::Quarter && (n.is_none() || self.touching(k - 1)) {
            // "three-quarters" is a fraction.
            return None;
        }
        // "a 6-year-old", "a year-earlier figure", "52 years old": ages and dates, not
        // durations.
        if self.w(k + 1) == "old"
            || self.w(k + 1) == "-"
                && matches!(self.w(k + 2), "old" | "earlier" | "ago" | "end" | "")
        {
            return None;
        }
        if matches!(w, "a" | "an") && plural {
            return None;
        }
        // "a year ago" and the like are dates (handled before); "$5 a year" is a rate.
        if matches!(w, "a" | "an")
            && j > 0
            && self.t[j - 1].lower.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        let value = match (half, n) {
            (true, Some(n)) => half_duration(n, unit),
            _ => None,
        }
        .unwrap_or_else(|| duration(n, unit));
        Self::found(first, k + 1, Expr::Fixed(value), Kind::Duration)
    }

    /// "daily", "every week", "each year", "every Monday".
    fn set(&self, i: usize) -> Option<Found> {
        let fixed =
            |end: usize, v: &str| Self::found(i, end, Expr::Fixed(v.to_string()), Kind::Set);
        match self.w(i) {
            "daily" => fixed(i + 1, "P1D"),
            "weekly" => fixed(i + 1, "P1W"),
            "monthly" => fixed(i + 1, "P1M"),
            // "annually" mostly qualifies a growth rate ("rise 8.5% annually"): not a time.
            "yearly" => fixed(i + 1, "P1Y"),
            "every" | "each" => {
                if let Some((unit, false)) = lexicon::unit(self.w(i + 1)) {
                    return fixed(i + 2, &duration(Some(1), unit));
                }
                if let Some(d) = lexicon::weekday(self.w(i + 1)) {
                    return fixed(i + 2, &format!("XXXX-WXX-{d}"));
                }
                None
            }
            _ => None,
        }
    }

    /// "10:30 a.m.", "3 p.m.", "noon", "midnight".
    fn clock(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if matches!(w, "noon" | "midnight")
            && i > 0
            && matches!(self.w(i - 1), "at" | "by" | "until" | "before" | "after")
        {
            let hour = if w == "noon" { 12 } else { 0 };
            // "noon Thursday": the clock on that day.
            if let Some(day) =
                lexicon::weekday(self.w(i + 1)).filter(|_| self.is_capitalized(i + 1))
            {
                let expr = Expr::ClockOn {
                    hour,
                    minute: 0,
                    day,
                };
                return Self::found(i, i + 2, expr, Kind::Time);
            }
            return Self::found(
                i,
                i + 1,
                Expr::Clock {
                    hour,
                    minute: 0,
                    day: 0,
                },
                Kind::Time,
            );
        }
        let (hour, minute): (u8, u8) = match w.split_once(':') {
            Some((h, m)) => (h.parse().ok()?, m.get(..2)?.parse().ok()?),
            None if self.t.get(i)?.is_digits() => (w.parse().ok()?, 0),
            None => return None,
        };
        // "a.m." / "p.m." / "am" / "pm"
        let (pm, end) = match (self.w(i + 1), self.w(i + 2), self.w(i + 3)) {
            ("a" | "p", ".", "m") => (self.w(i + 1) == "p", self.skip_dot(i + 4)),
            ("am" | "pm", ..) => (self.w(i + 1) == "pm", i + 2),
            _ if w.contains(':')
                && hour < 24
                && minute < 60
                && matches!(
                    if i > 0 { self.w(i - 1) } else { "" },
                    "at" | "by" | "until"
                ) =>
            {
                (false, i + 1)
            }
            _ => return None,
        };
        if hour > 12 && end > i + 1 || hour > 23 || minute > 59 {
            return None;
        }
        let hour = if pm && hour < 12 {
            hour + 12
        } else if !pm && hour == 12 && end > i + 1 {
            0
        } else {
            hour
        };
        // "10 p.m. EDT Wednesday": the clock on that day.
        let mut k = end;
        if matches!(
            self.w(k),
            "edt" | "est" | "cdt" | "cst" | "pdt" | "pst" | "gmt" | "utc" | "bst" | "cet"
        ) {
            k += 1;
        }
        if let Some(day) = lexicon::weekday(self.w(k)).filter(|_| self.is_capitalized(k)) {
            return Self::found(i, k + 1, Expr::ClockOn { hour, minute, day }, Kind::Time);
        }
        Self::found(
            i,
            end,
            Expr::Clock {
                hour,
                minute,
                day: 0,
            },
            Kind::Time,
        )
    }

    /// A year on its own: "in 2014", "2014 invasion", "fiscal 1989".
    fn year(&self, i: usize) -> Option<Found> {
        let (first, j) = if self.w(i) == "fiscal" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let y = self.year_number(j)?;
        let mut before = if first > 0 { self.w(first - 1) } else { "" };
        // "mid-1996", "post-1959"
        if before == "-"
            && first > 1
            && matches!(self.w(first - 2), "mid" | "early" | "late" | "post" | "pre")
        {
            before = "";
        }
        let after = self.w(j + 1);
        // Not money, a count or part of a number.
        if matches!(before, "$" | "£" | "€" | "#" | "no" | "number" | "-")
            || matches!(after, "%" | "percent" | "people" | "troops" | "-" | "/")
        {
            return None;
        }
        if !(1900..=2100).contains(&y)
            && !matches!(before, "in" | "since" | "of" | "by" | "until" | "from")
        {
            return None;
        }
        Self::found(first, j + 1, Expr::Year(y), Kind::Date)
    }
}

/// "2 1/2 years" → `P2Y6M`, "5 1/2 hours" → `PT5H30M`; `None` for other units.
fn half_duration(n: i64, unit: Unit) -> Option<String> {
    Some(match unit {
        Unit::Year => format!("P{n}Y6M"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Minute => format!("PT{n}M30S"),
        _ => return None,
    })
}

/// A TIMEX3 duration value: `P3Y`, `PT50M`, `PXW` when the amount is vague; decades and
/// centuries in years (`P20Y`), as annotators write them.
pub fn duration(n: Option<i64>, unit: Unit) -> String {
    let (code, time) = unit.code();
    let amount = n.map_or("X".to_string(), |n| n.to_string());
    match unit {
        Unit::Quarter => format!("P{}M", n.map_or("X".to_string(), |n| (3 * n).to_string())),
        Unit::Decade if n.is_some() => format!("P{}Y", 10 * n.unwrap_or(1)),
        _ if time => format!("PT{amount}{code}"),
        _ => format!("P{amount}{code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn may_start(w: &str) -> bool {
        role(w).opens
    }

    /// The lexicon matches [`START_WORDS`] stands for: its specification.
    fn may_start_spec(w: &str) -> bool {
        let Some(&first) = w.as_bytes().first() else {
            return false;
        };
        first.is_ascii_digit()
            || w.starts_with(['\'', '’'])
            || (first == b'q' && w.len() > 1 && w[1..].bytes().all(|b| b.is_ascii_digit()))
            || matches!(
                w,
                "the"
                    | "this"
                    | "last"
                    | "next"
                    | "past"
                    | "latest"
                    | "recent"
                    | "current"
                    | "same"
                    | "previous"
                    | "preceding"
                    | "coming"
                    | "upcoming"
                    | "following"
                    | "fiscal"
                    | "year"
                    | "quarter"
                    | "today"
                    | "yesterday"
                    | "tomorrow"
                    | "tonight"
                    | "now"
                    | "currently"
                    | "nowadays"
                    | "recently"
                    | "lately"
                    | "at"
                    | "in"
                    | "christmas"
                    | "new"
                    | "thanksgiving"
                    | "couple"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "yearly"
                    | "every"
                    | "each"
                    | "noon"
                    | "midnight"
            )
            || lexicon::month(w).is_some()
            || lexicon::weekday(w).is_some()
            || lexicon::number(w).is_some()
            || lexicon::ordinal(w).is_some()
            || lexicon::unit(w).is_some()
            || lexicon::season(w).is_some()
            || lexicon::is_vague_amount(w)
    }

    #[test]
    fn modifier_words_are_every_word_a_modifier_starts_with() {
        // Each letter-only literal of the scanner, before every kind of follower a modifier
        // pattern looks for.
        let followers = [
            "end of",
            "close of",
            "beginning of",
            "start of",
            "middle of",
            "- x",
            "than x",
            "least x",
            "x x",
        ];
        let modifiers: Vec<&str> = MODIFIER_WORDS.split_whitespace().collect();
        for literal in include_str!("scan.rs").split('"').skip(1).step_by(2) {
            if literal.is_empty() || !literal.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            for follower in followers {
                let text = format!("{literal} {follower}");
                let tokens = super::super::tokens::tokenize(&text, &text);
                let scanner = Scanner {
                    t: &tokens,
                    text: &text,
                };
                if scanner.modifier(0).0 > 0 {
                    assert!(modifiers.contains(&literal), "{text}");
                }
            }
        }
    }

    #[test]
    fn start_words_are_the_words_the_lexicon_knows() {
        // Every word a lexicon match or a pattern accepts is written in their source (units also
        // with a plural "s"); every letter-only literal there, and its plural, is checked.
        let sources = [include_str!("lexicon.rs"), include_str!("scan.rs")];
        let mut checked = 0;
        for source in sources {
            for literal in source.split('"').skip(1).step_by(2) {
                if literal.is_empty() || !literal.bytes().all(|b| b.is_ascii_lowercase()) {
                    continue;
                }
                for w in [literal.to_string(), format!("{literal}s")] {
                    assert_eq!(may_start(&w), may_start_spec(&w), "{w}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 400, "{checked}");
        // And every word of real news text, digits and marks included.
        for (_, text) in crate::sample::FILES {
            let lower = text.to_ascii_lowercase();
            for t in super::super::tokens::tokenize(text, &lower) {
                assert_eq!(may_start(&t.lower), may_start_spec(&t.lower), "{}", t.lower);
            }
        }
    }
}
