//! The latest full date an article reports in the past tense: a report is written after what
//! it reports.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::CONTEXT_BYTES;
use crate::corpus::Section;
use crate::corpus::dates::{self, Found};

/// Past tense near a date: a past form of a common verb, or any word in "-ed".
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|had|did|said|says|told|met|held|spoke|took|came|went|began|made|gave|left|won|lost|fell|rose|broke|ran|saw|sent|paid|\w{2,}ed)\b").unwrap()
});

/// Future or plan just before a date: the date is announced, not reported.
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:will|shall|would|going\s+to|next|upcoming|scheduled|planned|due|until|expected|set\s+to|plans?\s+to|is\s+to|are\s+to|ahead\s+of|before|by)\b|['’]ll\b").unwrap()
});

/// A year written alone: "in 1982", "since 1949".
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").unwrap());

/// The latest full date of the headline and body whose context reads as past, unless the
/// text reports a later year in the past: then that date is history the article recalls
/// ("the speech delivered on March 5, 1946 … expanded in 1982"), not its latest news.
pub(super) fn latest_past_date(text: &str, sections: &[Section]) -> Option<Date> {
    let latest = latest_full_date(text, sections)?;
    // Years of full dates were judged with their day ("will open on May 5, 2024").
    let later_year = past_years(text, sections, true).any(|y| y > latest.year());
    (!later_year).then_some(latest)
}

fn latest_full_date(text: &str, sections: &[Section]) -> Option<Date> {
    sections
        .iter()
        .filter(|s| s.kind.feeds_story())
        .flat_map(|s| {
            let part = &text[s.start..s.end];
            dates::find_all(part).map(move |f| Found {
                start: f.start + s.start,
                end: f.end + s.start,
                date: f.date,
            })
        })
        .filter(|f| reads_as_past(text, f.start, f.end))
        .map(|f| f.date)
        .max()
}

/// Judges the tense of the paragraph around a date at `start..end`, within [`CONTEXT_BYTES`].
pub(super) fn reads_as_past(text: &str, start: usize, end: usize) -> bool {
    let para_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let para_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let from = floor_boundary(text, start.saturating_sub(CONTEXT_BYTES).max(para_start));
    let to = floor_boundary(text, (end + CONTEXT_BYTES).min(para_end));
    let before = &text[from..start];
    // Only the clause right before the date decides whether it is announced.
    let near = &before[floor_boundary(before, before.len().saturating_sub(60))..];
    let near = &near[last_clause_break(near)..];
    if FUTURE.is_match(near) {
        return false;
    }
    PAST.is_match(before) || PAST.is_match(&text[end..to])
}

/// Where the last clause of `s` starts: after its last comma, semicolon or full stop, but not
/// after the dots of "p.m." or "U.S.", which end no clause ("by 5 p.m. on March 18").
fn last_clause_break(s: &str) -> usize {
    let bytes = s.as_bytes();
    for i in (0..bytes.len()).rev() {
        match bytes[i] {
            b',' | b';' => return i + 1,
            b'.' => {
                let abbreviation = i >= 2 && bytes[i - 2] == b'.'
                    || (i >= 1 && bytes[i - 1].is_ascii_alphabetic())
                        && (i < 2 || !bytes[i - 2].is_ascii_alphabetic());
                if !abbreviation {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    0
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The latest year the headline and body tell in the past ("was rescued in November 1999"),
/// bare or in a date: an article is written in that year or after.
pub(super) fn latest_past_year(text: &str, sections: &[Section]) -> Option<i16> {
    past_years(text, sections, false).max()
}

/// The years of the headline and body told in the past; with `bare_only`, not those that
/// are part of a full date.
fn past_years<'t>(
    text: &'t str,
    sections: &'t [Section],
    bare_only: bool,
) -> impl Iterator<Item = i16> + 't {
    sections
        .iter()
        .filter(|s| s.kind.feeds_story())
        .flat_map(move |s| {
            let part = &text[s.start..s.end];
            let full: Vec<(usize, usize)> = if bare_only {
                dates::find_all(part).map(|f| (f.start, f.end)).collect()
            } else {
                Vec::new()
            };
            YEAR.find_iter(part)
                .filter(move |m| !full.iter().any(|&(a, b)| a <= m.start() && m.end() <= b))
                .map(move |m| (m.start() + s.start, m.end() + s.start, m.as_str()))
        })
        .filter(|&(start, end, _)| reads_as_past(text, start, end))
        .filter_map(|(_, _, year)| year.parse::<i16>().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_year_told_in_the_past() {
        let text =
            "The boy was rescued in November 1999 under a 1996 law. Talks will resume in 2031.";
        let sections = crate::corpus::sections::split(text);
        assert_eq!(latest_past_year(text, &sections), Some(1999));
        let text = "The quay was built in 1902, and it was rebuilt on May 4, 1988.";
        let sections = crate::corpus::sections::split(text);
        assert_eq!(latest_past_year(text, &sections), Some(1988));
        assert_eq!(
            latest_past_date(text, &sections),
            Some("1988-05-04".parse().unwrap())
        );
    }
}
