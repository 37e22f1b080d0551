//! Written calendar dates: "Jan. 5, 2022", "Thursday, 30 December 2021", "2022-01-05",
//! timestamps and RFC 2822 feed dates.
//!
//! Metadata fields (manifest, JSON records, HTML meta tags) and reference-date inference both
//! need full dates — day, month and year — and nothing vaguer. This is deliberately a small
//! parser of its own, independent of the temporal tagger in `analysis::timex`: the reference
//! date is the tagger's *input*, so it must not depend on it.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAY: &str = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?";

/// A full date written out, with an optional weekday in front. Groups: `wd` weekday,
/// `m1 d1 y1` ("Jan. 5, 2022"), `d2 m2 y2` ("5 January 2022"), `y3 m3 d3` ("2022-01-05").
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<wd>{WEEKDAY})\.?,?\s+)?(?:(?P<m1>{MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})\.?,?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b"
    ))
    .unwrap()
});

/// A full date found in a text: where it stands and which day it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub date: Date,
}

/// Every full date in `text`, in order. Impossible dates ("February 30, 2022") and dates whose
/// weekday disagrees ("Monday, Dec. 30, 2021" — it was a Thursday) are left out: a text that
/// contradicts itself is no evidence.
pub fn find_all(text: &str) -> impl Iterator<Item = Found> + '_ {
    FULL_DATE.captures_iter(text).filter_map(|c| {
        let m = c.get(0)?;
        let (y, mo, d) = if let Some(y) = c.name("y1") {
            (y.as_str(), month_number(&c["m1"])?, c["d1"].parse().ok()?)
        } else if let Some(y) = c.name("y2") {
            (y.as_str(), month_number(&c["m2"])?, c["d2"].parse().ok()?)
        } else {
            (&c["y3"], c["m3"].parse().ok()?, c["d3"].parse().ok()?)
        };
        let date = Date::new(y.parse().ok()?, mo, d).ok()?;
        if let Some(wd) = c.name("wd")
            && weekday_index(wd.as_str()) != Some(date.weekday().to_monday_zero_offset())
        {
            return None;
        }
        Some(Found {
            start: m.start(),
            end: m.end(),
            date,
        })
    })
}

/// A metadata date field: an ISO date or timestamp ("2021-12-31T10:00:00Z" keeps its date
/// part, as written, without time-zone conversion), an RFC 2822 feed date ("Fri, 31 Dec 2021
/// 10:00:00 +0000"), or a written full date ("December 31, 2021").
pub fn parse_field(value: &str) -> Option<Date> {
    let value = value.trim();
    if let Some(head) = value.get(..10)
        && let Ok(date) = head.parse::<Date>()
        && value[10..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, 'T' | 't' | ' '))
    {
        return Some(date);
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(value) {
        return Some(zoned.date());
    }
    let found = find_all(value).next()?;
    // The whole field must be the date (give or take a time after it), not a sentence.
    (found.start <= 1).then_some(found.date)
}

/// A day of a month written without its year ("Mar. 14", "8 March"), with the weekday
/// written beside it if any ("Tuesday (March 8)", "Tuesday, Mar. 8").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub start: usize,
    pub end: usize,
    pub month: i8,
    pub day: i8,
    /// Monday = 0.
    pub weekday: Option<i8>,
}

/// A month and day, with an optional weekday before it; the year, when one follows, is looked
/// for separately (the regex crate has no look-ahead). Groups: `wd`, `m1 d1` ("Mar. 8"),
/// `d2 m2` ("6 February").
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<wd>{WEEKDAY})\.?,?\s+\(?)?(?:(?P<m1>{MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})\b\.?)\)?"
    ))
    .unwrap()
});

/// A year right after a month and day: ", 2022", " 2022".
static YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\.?,?\s*\d{4}\b").unwrap());

/// Every day of a month that `text` writes without a year, in order. Impossible days
/// ("February 30") are left out.
pub fn find_month_days(text: &str) -> impl Iterator<Item = MonthDay> + '_ {
    MONTH_DAY.captures_iter(text).filter_map(|c| {
        let m = c.get(0)?;
        if YEAR_AFTER.is_match(&text[m.end()..]) {
            return None;
        }
        let (month, day): (i8, i8) = if let Some(mo) = c.name("m1") {
            (month_number(mo.as_str())?, c["d1"].parse().ok()?)
        } else {
            (month_number(&c["m2"])?, c["d2"].parse().ok()?)
        };
        // Any leap year holds every possible day.
        Date::new(2024, month, day).ok()?;
        Some(MonthDay {
            start: m.start(),
            end: m.end(),
            month,
            day,
            weekday: c.name("wd").and_then(|w| weekday_index(w.as_str())),
        })
    })
}

/// A date stamp with a two-digit year, as some sites print them: "14 MAR 22 07:12 ET". Only
/// read where a whole line is a stamp: in running text "March 22" is no year.
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})\.?\s+(?P<y>\d{{2}})\b(?:\s+\d{{1,2}}[:.]\d{{2}}|\s*$)"
    ))
    .unwrap()
});

/// The date of a stamp line written with a two-digit year ("Originally Published: 14 MAR 22
/// 07:12 ET" is 14 March 2022).
pub fn short_year_stamp(line: &str) -> Option<Date> {
    let c = SHORT_YEAR.captures(line)?;
    let year: i16 = c["y"].parse().ok()?;
    Date::new(2000 + year, month_number(&c["m"])?, c["d"].parse().ok()?).ok()
}

fn month_number(name: &str) -> Option<i8> {
    let lower = name.to_ascii_lowercase();
    const PREFIXES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    PREFIXES
        .iter()
        .position(|p| lower.starts_with(p))
        .map(|i| i as i8 + 1)
}

/// Monday = 0, from any spelling of a weekday's name ("Tues.", "thursday").
pub fn weekday_index(name: &str) -> Option<i8> {
    let lower = name.to_ascii_lowercase();
    const PREFIXES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    PREFIXES
        .iter()
        .position(|p| lower.starts_with(p))
        .map(|i| i as i8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        find_all(text).map(|f| f.date.to_string()).collect()
    }

    #[test]
    fn finds_the_common_ways_of_writing_a_full_date() {
        assert_eq!(
            dates(
                "Jan. 5, 2022; January 6 2022; 7 Jan 2022; 8th of January, 2022; 2022-01-09; Sept. 1, 2021"
            ),
            [
                "2022-01-05",
                "2022-01-06",
                "2022-01-07",
                "2022-01-08",
                "2022-01-09",
                "2021-09-01"
            ]
        );
    }

    #[test]
    fn partial_impossible_and_contradicted_dates_are_not_found() {
        assert!(dates("on January 10, in 2014, in May 2020").is_empty());
        assert!(dates("February 30, 2022").is_empty());
        assert!(dates("Monday, Dec. 30, 2021").is_empty());
        assert_eq!(dates("Thursday, Dec. 30, 2021"), ["2021-12-30"]);
    }

    #[test]
    fn offsets_cover_the_weekday() {
        let f = find_all("On Thursday, Dec. 30, 2021 they spoke")
            .next()
            .unwrap();
        assert_eq!((f.start, f.end), (3, 26));
    }

    #[test]
    fn metadata_fields() {
        let p = |s: &str| parse_field(s).map(|d| d.to_string());
        assert_eq!(p("2021-12-31").as_deref(), Some("2021-12-31"));
        assert_eq!(
            p("2021-12-31T23:30:00-05:00").as_deref(),
            Some("2021-12-31")
        );
        assert_eq!(p("2021-12-31 10:00").as_deref(), Some("2021-12-31"));
        assert_eq!(
            p("Fri, 31 Dec 2021 10:00:00 +0000").as_deref(),
            Some("2021-12-31")
        );
        assert_eq!(p("December 31, 2021").as_deref(), Some("2021-12-31"));
        assert_eq!(p("last week"), None);
        assert_eq!(p("2021-12-311"), None);
        assert_eq!(p("It rained on December 31, 2021."), None);
    }

    #[test]
    fn days_of_months_without_years() {
        let found: Vec<(i8, i8, Option<i8>)> = find_month_days(
            "Mar 14 (Wire) - It opened on Tuesday (March 8) and on Tuesday, Mar. 15, after 6 April; not on May 2, 2020 nor February 30.",
        )
        .map(|m| (m.month, m.day, m.weekday))
        .collect();
        assert_eq!(
            found,
            [
                (3, 14, None),
                (3, 8, Some(1)),
                (3, 15, Some(1)),
                (4, 6, None)
            ]
        );
    }

    #[test]
    fn stamps_with_two_digit_years() {
        let p = |s: &str| short_year_stamp(s).map(|d| d.to_string());
        assert_eq!(
            p("Originally Published: 14 MAR 22 07:12 ET").as_deref(),
            Some("2022-03-14")
        );
        assert_eq!(p("Updated: 3 Feb 24").as_deref(), Some("2024-02-03"));
        assert_eq!(p("The vote on 22 June 23 members attended"), None);
    }
}
