//! A document's reference date when no metadata gave one.
//!
//! Relative expressions ("Thursday", "this month") are resolved against the day an article was
//! written, so getting it wrong shifts every event of the document. In order of trust:
//!
//! 1. metadata (manifest, JSON record, HTML meta tags) — set by the corpus reader, kept as is;
//! 2. a **dateline** near the top: "Jan. 5, 2022 (EIRNS)—", "WASHINGTON, March 3, 2023 —",
//!    "Published 3 March 2023", "Updated: 2023-03-03", a date alone on its line (an "Updated"
//!    line counts only when nothing says when the piece was first published);
//! 3. the **latest full date** (day, month and year) the headline and body mention in a
//!    past-tense context — a report is written after what it reports, and a date announced for
//!    the future ("talks will resume on March 3, 2023") says nothing about when it was written;
//! 4. none: relative expressions stay unresolved and the app asks the user.
//!
//! Dates whose weekday disagrees ("Monday, Dec. 30, 2021" — a Thursday) are no evidence. The
//! date parsing is our own ([`crate::corpus::dates`]), not the temporal tagger's, because the
//! tagger needs the very date we are looking for.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::corpus::dates::{self, Found};
use crate::corpus::{DateBasis, Document, Section, SectionKind, sections};

/// How far into the text (outside reader comments) a dateline may stand.
const DATELINE_BYTES: usize = 600;
/// How many lines from the top a dateline may stand on.
const DATELINE_LINES: usize = 5;
/// How far around a date its tense is judged (same paragraph only).
const CONTEXT_BYTES: usize = 160;

/// Fills `doc.published` (and its basis) from the text when metadata left it empty.
pub fn resolve(doc: &mut Document) {
    if doc.published.is_some() {
        return;
    }
    if let Some((date, basis)) = infer(&doc.text, &doc.sections) {
        doc.published = Some(date.to_string());
        doc.published_basis = basis;
    }
}

/// The reference date a text gives itself and how it was found, given its sections (reader
/// comments are never evidence). Pass `&[]` to have the text split here.
pub fn infer(text: &str, sections: &[Section]) -> Option<(Date, DateBasis)> {
    let owned;
    let sections = if sections.is_empty() {
        owned = sections::split(text);
        &owned
    } else {
        sections
    };
    if let Some(date) = dateline(text, sections) {
        return Some((date, DateBasis::Dateline));
    }
    latest_past_date(text, sections).map(|d| (d, DateBasis::Text))
}

/// Before a dateline's date: nothing, a label ("Published on:", "Updated"), a place in capitals
/// ("WASHINGTON,"), or a byline ("By Jane Doe |").
static DATELINE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?P<label>(?:first\s+|last\s+)?(?:published|posted|updated|modified|date[d]?|released))(?:\s+(?:on|at))?\s*:?\s*|(?-i:[A-Z][A-Z.'’ -]*[A-Z.])(?:\s*\([^)]{1,40}\))?\s*,\s*|by\s+[^|,·•\n]{1,60}\s*[|,·•]\s*)?$",
    )
    .unwrap()
});

/// After a dateline's date: the end of the line, a dash (perhaps after an agency in
/// parentheses), a separator, or a time of day.
static DATELINE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s*$|\s*(?:\([^)]{1,40}\)\s*)?[—–-]|\s*[|·•/]|,?\s*(?:at\s+)?\d{1,2}[:.]\d{2})",
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

/// The first dateline among the top lines; a publication line beats an update line.
fn dateline(text: &str, sections: &[Section]) -> Option<Date> {
    let mut updated = None;
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
        let Some(found) = dates::find_all(line).next() else {
            continue;
        };
        let Some(before) = DATELINE_BEFORE.captures(&line[..found.start]) else {
            continue;
        };
        if !DATELINE_AFTER.is_match(&line[found.end..]) {
            continue;
        }
        let is_update = before.name("label").is_some_and(|l| {
            let l = l.as_str().to_ascii_lowercase();
            l.contains("updated") || l.contains("modified")
        });
        if is_update {
            updated.get_or_insert(found.date);
        } else {
            return Some(found.date);
        }
    }
    updated
}

/// Past tense near a date: a past form of a common verb, or any word in "-ed".
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|had|did|said|says|told|met|held|spoke|took|came|went|began|made|gave|left|won|lost|fell|rose|broke|ran|saw|sent|paid|\w{2,}ed)\b").unwrap()
});

/// Future or plan just before a date: the date is announced, not reported.
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:will|shall|would|going\s+to|next|upcoming|scheduled|planned|due|until|expected|set\s+to|plans?\s+to|is\s+to|are\s+to|ahead\s+of|before|by)\b|['’]ll\b").unwrap()
});

/// The latest full date of the headline and body whose context reads as past.
fn latest_past_date(text: &str, sections: &[Section]) -> Option<Date> {
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
        .filter(|f| reads_as_past(text, f))
        .map(|f| f.date)
        .max()
}

/// Judges the tense of the paragraph around a date, within [`CONTEXT_BYTES`].
fn reads_as_past(text: &str, found: &Found) -> bool {
    let para_start = text[..found.start].rfind('\n').map_or(0, |i| i + 1);
    let para_end = text[found.end..]
        .find('\n')
        .map_or(text.len(), |i| found.end + i);
    let from = floor_boundary(
        text,
        found.start.saturating_sub(CONTEXT_BYTES).max(para_start),
    );
    let to = floor_boundary(text, (found.end + CONTEXT_BYTES).min(para_end));
    let before = &text[from..found.start];
    // Only the clause right before the date decides whether it is announced.
    let near = &before[floor_boundary(before, before.len().saturating_sub(60))..];
    let near = near
        .rsplit_once([',', ';', '.'])
        .map_or(near, |(_, tail)| tail);
    if FUTURE.is_match(near) {
        return false;
    }
    PAST.is_match(before) || PAST.is_match(&text[found.end..to])
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn kind_at(sections: &[Section], offset: usize) -> Option<SectionKind> {
    sections
        .iter()
        .find(|s| s.start <= offset && offset < s.end)
        .map(|s| s.kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn infer_text(text: &str) -> Option<(Date, DateBasis)> {
        infer(text, &[])
    }

    #[test]
    fn datelines_of_every_shape() {
        let cases = [
            (
                "Grain Deal Extended\n\nJan. 5, 2022 (EIRNS)—The parties agreed on Tuesday to extend the deal signed on July 22, 2021.",
                "2022-01-05",
            ),
            (
                "WASHINGTON, March 3, 2023 — The Senate voted on Thursday.",
                "2023-03-03",
            ),
            (
                "Port Reopens\nPublished 3 March 2023\nThe port reopened.",
                "2023-03-03",
            ),
            (
                "Port Reopens\nUpdated: 2023-03-03\nThe port reopened.",
                "2023-03-03",
            ),
            (
                "Port Reopens\nBy Ana Ruiz | Friday, March 3, 2023\nThe port reopened.",
                "2023-03-03",
            ),
            (
                "Port Reopens\n\nMarch 3, 2023\n\nThe port reopened on Friday.",
                "2023-03-03",
            ),
            (
                "Port Reopens\nPosted on March 3, 2023 at 10:15\nThe port reopened.",
                "2023-03-03",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                infer_text(text),
                Some((date(expected), DateBasis::Dateline)),
                "{text}"
            );
        }
    }

    #[test]
    fn publication_beats_update() {
        let text =
            "Port Reopens\nUpdated: March 9, 2023\nPublished: March 3, 2023\nThe port reopened.";
        assert_eq!(
            infer_text(text),
            Some((date("2023-03-03"), DateBasis::Dateline))
        );
    }

    #[test]
    fn the_report_starts_after_a_dateline() {
        let s = "CAIRO, Jan. 4, 2019 (Nordwire) — Talks resumed on Friday.";
        let d = s.find("Jan.").unwrap();
        let after = after_dateline(s, d, d + "Jan. 4, 2019".len()).unwrap();
        assert_eq!(&s[after..], "Talks resumed on Friday.");
        let s = "Talks resumed on Jan. 4, 2019 — a day late.";
        let d = s.find("Jan.").unwrap();
        assert_eq!(after_dateline(s, d, d + "Jan. 4, 2019".len()), None);
    }

    #[test]
    fn a_date_inside_the_first_sentence_is_no_dateline() {
        let text = "The treaty signed on May 2, 2020 was extended on Monday.";
        assert_eq!(
            infer_text(text),
            Some((date("2020-05-02"), DateBasis::Text))
        );
    }

    #[test]
    fn else_the_latest_full_date_reported_in_the_past() {
        let filler = "The harbour has a long history of trade and fishing. ".repeat(10);
        let text = format!(
            "{filler}The port closed on May 2, 2020 and reopened on June 9, 2020, officials said. Talks will resume on July 1, 2020."
        );
        assert_eq!(
            infer_text(&text),
            Some((date("2020-06-09"), DateBasis::Text))
        );
    }

    #[test]
    fn a_date_only_announced_is_no_evidence() {
        let text = "Talks Planned\n\nThe two sides will meet on January 10, 2022 in Geneva.";
        assert_eq!(infer_text(text), None);
    }

    #[test]
    fn a_weekday_that_disagrees_rules_the_date_out() {
        // 30 December 2021 was a Thursday, not a Monday.
        assert_eq!(infer_text("It happened on Monday, Dec. 30, 2021."), None);
        assert_eq!(
            infer_text("It happened on Thursday, Dec. 30, 2021."),
            Some((date("2021-12-30"), DateBasis::Text))
        );
    }

    #[test]
    fn no_date_no_reference() {
        let mut doc = crate::corpus::load_in_memory(&[("a.txt", b"Title\n\nIt rained on Friday.")])
            .documents
            .remove(0);
        resolve(&mut doc);
        assert_eq!(
            (doc.published, doc.published_basis),
            (None, DateBasis::None)
        );
    }
}
