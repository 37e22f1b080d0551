//! Datelines and stamps near the top of an article: "WASHINGTON, March 3, 2023 —",
//! "Published 3 March 2023", "Originally Published: 14 MAR 22 07:12 ET", "| Mon, Mar 14, 2022".

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::{DATELINE_BYTES, DATELINE_LINES, kind_at};
use crate::corpus::dates::{self, MonthDay};
use crate::corpus::{Section, SectionKind};

/// Before a dateline's date: nothing, a label ("Published on:", "Updated"), a place in capitals
/// ("WASHINGTON,"), or a byline ("By Jane Doe |").
static DATELINE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:[|•·]\s*)?(?:(?P<label>(?:first\s+|last\s+|originally\s+)?(?:published|posted|updated|modified|date[d]?|released))(?:\s+(?:on|at))?\s*:?\s*|(?-i:[A-Z][A-Z.'’ -]*[A-Z.])(?:\s*\([^)]{1,40}\))?\s*,\s*|by\s+[^|,·•\n]{1,60}\s*[|,·•]\s*)?$",
    )
    .unwrap()
});

/// After a dateline's date: the end of the line, a dash (perhaps after an agency in
/// parentheses), a separator, or a time of day.
static DATELINE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s*$|\s*(?:\([^)]{1,40}\)\s*)?[—–-]|\s*[|·•/]|,?\s*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\s+)?(?:at\s+)?\d{1,2}[:.]\d{2})",
    )
    .unwrap()
});

/// Where the report starts when `sentence[date_start..date_end]` is a dateline's date
/// ("CAIRO, Jan. 4, 2019 (Wire) — Talks resumed" → at "Talks"), else `None`: the dateline
/// dates the article, not something that happened.
pub fn after_dateline(sentence: &str, date_start: usize, date_end: usize) -> Option<usize> {
    if !DATELINE_BEFORE.is_match(&sentence[..date_start]) {
        return None;
    }
    let separator = DATELINE_AFTER.find(&sentence[date_end..])?;
    let rest = &sentence[date_end + separator.end()..];
    Some(sentence.len() - rest.trim_start().len())
}

/// What the top lines say of the article's date: a full date, or a day of a month whose year
/// the corpus must tell ("Mar 14 (Reuters) - … said on Tuesday").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Dateline {
    pub date: Option<Date>,
    pub yearless: Option<MonthDay>,
}

/// The first dateline among the top lines; a publication line beats an update line.
pub(super) fn dateline(text: &str, sections: &[Section]) -> Dateline {
    let mut updated = None;
    let mut yearless = None;
    let mut offset = 0;
    let mut seen = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if seen >= DATELINE_LINES || line_start >= DATELINE_BYTES {
            break;
        }
        seen += 1;
        if kind_at(sections, line_start) == Some(SectionKind::Comments) {
            break;
        }
        let found = dates::find_all(line)
            .next()
            .map(|f| (f.start, f.end, f.date))
            .or_else(|| {
                // "Originally Published: 14 MAR 22 07:12 ET": two-digit years in stamps only.
                let date = dates::short_year_stamp(line)?;
                let start = line.find(|c: char| c.is_ascii_digit())?;
                Some((start, start, date))
            });
        let at_top = found.and_then(|(start, end, date)| {
            let before = DATELINE_BEFORE.captures(&line[..start])?;
            (end == start || DATELINE_AFTER.is_match(&line[end..])).then_some((before, date))
        });
        let Some((before, date)) = at_top else {
            if yearless.is_none() {
                yearless = yearless_dateline(line, &text[offset..]);
            }
            continue;
        };
        let is_update = before.name("label").is_some_and(|l| {
            let l = l.as_str().to_ascii_lowercase();
            l.contains("updated") || l.contains("modified")
        });
        if is_update {
            updated.get_or_insert(date);
        } else {
            return Dateline {
                date: Some(date),
                yearless: None,
            };
        }
    }
    Dateline {
        date: updated,
        yearless: if updated.is_some() { None } else { yearless },
    }
}

/// How far into the lead a weekday is looked for: its first sentence or two.
const LEAD_BYTES: usize = 300;

/// A wire dateline without a year, "Mar 14 (Reuters) - Kestrel Bank said on Tuesday …", with the
/// weekday its lead names: the day the wire reports is the day it was filed.
/// `next` is the text after the line, where the lead starts when the dateline stands alone
/// ("WASHINGTON, March 12 (Xinhua) --" above "… joined NATO Friday").
fn yearless_dateline(line: &str, next: &str) -> Option<MonthDay> {
    let mut day = dates::find_month_days(line).next()?;
    if !DATELINE_BEFORE.is_match(&line[..day.start]) {
        return None;
    }
    let separator = DATELINE_AFTER.find(&line[day.end..])?;
    if separator.as_str().trim().is_empty() {
        // A day alone on its line is a heading, not a dateline.
        return None;
    }
    if day.weekday.is_none() {
        let lead_start = day.end + separator.end();
        let rest =
            line[lead_start..].trim_matches(|c: char| c.is_whitespace() || "-—–_".contains(c));
        let (from, start) = if rest.is_empty() {
            (next, next.len() - next.trim_start().len())
        } else {
            (line, lead_start)
        };
        let lead = &from[start..floor_boundary(from, (start + LEAD_BYTES).min(from.len()))];
        day.weekday = lead
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| {
                w.len() >= 6
                    && w.ends_with("day")
                    && w.chars().next().is_some_and(char::is_uppercase)
            })
            .find_map(dates::weekday_index);
    }
    Some(day)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
