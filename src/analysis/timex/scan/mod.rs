//! Finding temporal expressions: patterns over tokens that yield an [`Expr`], what the words
//! say before any calendar is consulted.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::{self, Unit};
use super::tokens::Tok;

mod months;
mod relative;
mod units;
mod words;

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
    /// A month (and day) of the year `dy` years from the reference date's ("March of next
    /// year", "June 3 of last year").
    MonthOfYear {
        month: u8,
        day: Option<u8>,
        dy: i32,
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
        /// "later", "earlier": days and weeks counted from the day the text last named, not
        /// from today.
        narrative: bool,
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
mod tests;
