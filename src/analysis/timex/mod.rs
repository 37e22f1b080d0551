//! Temporal expressions: finding them in English news text and normalizing them to TIMEX3.

use jiff::civil::Date;

use crate::story::{Timex, TimexType};

mod context;
mod lexicon;
mod resolve;
mod scan;
mod tokens;

/// How many tokens back a mention of "quarter" makes "a year earlier" a quarter.
const QUARTER_WINDOW: usize = 150;
/// How far (in bytes) after a named day "a day later" or "two weeks earlier" counts from it.
const NARRATIVE_BYTES: usize = 300;

/// Finds the temporal expressions of `text`, resolving relative ones against `dct`
/// (the document creation time). Offsets are byte offsets into `text`; `doc` is left `None`.
///
/// A range of days written as one expression ("January 9-10, 2022") is one timex whose value
/// is its first day; [`range_end`] gives its last day.
pub fn tag(text: &str, dct: Option<Date>) -> Vec<Timex> {
    tag_with(text, dct.map(Reference::Exact))
}

/// The date relative expressions are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// The day the text was written.
    Exact(Date),
    /// A day near it (guessed from the dates the text reports, or from its corpus): only days
    /// and months written without their year are resolved against it.
    Approximate(Date),
}

/// [`tag`] against a reference date that may be only approximate.
pub fn tag_with(text: &str, reference: Option<Reference>) -> Vec<Timex> {
    let lower = text.to_ascii_lowercase();
    let tokens = tokens::tokenize(text, &lower);
    // Financial reports compare quarters: where the last few sentences speak of a quarter,
    // "a year earlier" is the same quarter a year ago. Prefix counts keep this linear.
    let mut quarters = Vec::with_capacity(tokens.len() + 1);
    quarters.push(0usize);
    for t in &tokens {
        let n = quarters.last().copied().unwrap_or(0);
        quarters.push(n + usize::from(t.lower == "quarter" || t.lower == "quarters"));
    }
    // The last day the text named, for "a day later" (counted from it, not from today).
    let mut last_day: Option<(usize, Date)> = None;
    scan::scan(&tokens, text)
        .into_iter()
        .filter_map(|f| {
            let quarterly =
                quarters[f.first] - quarters[f.first.saturating_sub(QUARTER_WINDOW)] > 0;
            let dir = context::direction(&tokens, text, f.first, f.end);
            let (start, end) = (tokens[f.first].start, tokens[f.end - 1].end);
            let value = match reference {
                Some(Reference::Approximate(around)) => resolve::approximate_value(&f.expr, around),
                Some(Reference::Exact(dct)) => {
                    let anchor = match (&f.expr, last_day) {
                        (
                            scan::Expr::Ago {
                                narrative: true,
                                unit: lexicon::Unit::Day | lexicon::Unit::Week,
                                ..
                            },
                            Some((at, day)),
                        ) if start.saturating_sub(at) <= NARRATIVE_BYTES => day,
                        _ => dct,
                    };
                    resolve::value(&f.expr, Some(anchor), dir, quarterly)?
                }
                None => resolve::value(&f.expr, None, dir, quarterly)?,
            };
            if let Some(day) = value.get(..10).and_then(|v| v.parse::<Date>().ok()) {
                last_day = Some((end, day));
            }
            Some(Timex {
                doc: None,
                start,
                end,
                text: text[start..end].to_string(),
                kind: match f.kind {
                    scan::Kind::Date => TimexType::Date,
                    scan::Kind::Time => TimexType::Time,
                    scan::Kind::Duration => TimexType::Duration,
                    scan::Kind::Set => TimexType::Set,
                },
                value,
                modifier: f.modifier.map(str::to_string),
            })
        })
        .collect()
}

/// The calendar interval a TIMEX3 DATE value covers: first and last day (inclusive) and its
/// granularity. `None` for values that name no known days (durations, `PAST_REF`, `XXXX-12-25`).
pub fn interval(value: &str) -> Option<crate::story::When> {
    let value = value.split('T').next()?;
    let (start, end, granularity) = interval_days(value)?;
    Some(crate::story::When {
        value: value.to_string(),
        start: start.to_string(),
        end: end.to_string(),
        granularity,
    })
}

/// [`interval`] as dates, for callers that compute with them (events group every dated
/// clause by its days; formatting the days only to parse them back was a visible cost).
pub fn interval_days(value: &str) -> Option<(Date, Date, crate::story::Granularity)> {
    use crate::story::Granularity;
    let value = value.split('T').next()?;
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| -> Option<i16> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let day = |y: i16, m: i8, d: i8| Date::new(y, m, d).ok();
    let (start, end, granularity) = match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)?;
            (day(y, 1, 1)?, day(y, 12, 31)?, Granularity::Year)
        }
        [y] if y.len() == 3 => {
            let decade = num(y)? * 10;
            (
                day(decade, 1, 1)?,
                day(decade + 9, 12, 31)?,
                Granularity::Decade,
            )
        }
        [y, m] if y.len() == 4 => {
            let y = num(y)?;
            if let Some(q) = m.strip_prefix('Q') {
                let q = num(q)? as i8;
                if !(1..=4).contains(&q) {
                    return None;
                }
                let first = day(y, (q - 1) * 3 + 1, 1)?;
                let last = day(y, q * 3, 1)?.last_of_month();
                (first, last, Granularity::Quarter)
            } else if let Some(h) = m.strip_prefix('H') {
                let h = num(h)? as i8;
                let first = day(y, if h == 1 { 1 } else { 7 }, 1)?;
                let last = day(y, if h == 1 { 6 } else { 12 }, 1)?.last_of_month();
                (first, last, Granularity::Quarter)
            } else if let Some(w) = m.strip_prefix('W') {
                let w = num(w)? as i8;
                let monday = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday)
                    .ok()?
                    .date();
                (
                    monday,
                    monday.checked_add(jiff::Span::new().days(6)).ok()?,
                    Granularity::Week,
                )
            } else if let Some(season) = ["SP", "SU", "FA", "WI"].iter().position(|s| s == m) {
                let (from, to) = [(3, 5), (6, 8), (9, 11), (12, 2)][season];
                let first = day(y, from, 1)?;
                let last_year = if season == 3 { y + 1 } else { y };
                (
                    first,
                    day(last_year, to, 1)?.last_of_month(),
                    Granularity::Season,
                )
            } else {
                let m = num(m)? as i8;
                let first = day(y, m, 1)?;
                (first, first.last_of_month(), Granularity::Month)
            }
        }
        [y, m, d] if y.len() == 4 => {
            let date = day(num(y)?, num(m)? as i8, num(d)? as i8)?;
            (date, date, Granularity::Day)
        }
        [y, w, d] if y.len() == 4 && w.starts_with('W') && d == &"WE" => {
            let saturday = jiff::civil::ISOWeekDate::new(
                num(y)?,
                num(&w[1..])? as i8,
                jiff::civil::Weekday::Saturday,
            )
            .ok()?
            .date();
            (saturday, saturday.tomorrow().ok()?, Granularity::Day)
        }
        _ => return None,
    };
    Some((start, end, granularity))
}

/// The last day of a range tagged as one expression ("January 9-10, 2022"), when the tagger
/// found one.
pub fn range_end(t: &Timex) -> Option<Date> {
    // Only a text with a range word can be one: most dates need no second scan.
    let lower = t.text.to_ascii_lowercase();
    if !(lower.contains(['-', '–']) || lower.contains(" to ") || lower.contains(" through ")) {
        return None;
    }
    let tokens = tokens::tokenize(&t.text, &lower);
    let found = scan::scan(&tokens, &t.text).into_iter().next()?;
    let scan::Expr::DayRange { day, last, .. } = found.expr else {
        return None;
    };
    let first: Date = t.value.get(..10)?.parse().ok()?;
    (first.day() as u8 == day).then(|| first.with().day(last as i8).build().ok())?
}
