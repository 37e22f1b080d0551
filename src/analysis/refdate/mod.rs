//! A document's reference date when no metadata gave one.
//!
//! Relative expressions ("Thursday", "this month") are resolved against the day an article was
//! written, so getting it wrong shifts every event of the document. In order of trust:
//!
//! 1. metadata (manifest, JSON record, HTML meta tags) — set by the corpus reader, kept as is;
//! 2. a **dateline** or stamp near the top: "Jan. 5, 2022 (EIRNS)—", "WASHINGTON, March 3,
//!    2023 —", "Published 3 March 2023", "Originally Published: 14 MAR 22 07:12 ET", a date
//!    alone on its line (an "Updated" line counts only when nothing says when the piece was
//!    first published); a wire dateline without a year ("Mar 14 (Reuters) - … said on
//!    Tuesday") takes the year its weekday agrees with, among the years around the text's own
//!    dates or, failing those, the corpus's;
//! 3. *approximate*: the **latest day** the headline and body report in the past — a full date,
//!    or a day with its weekday but no year ("released on Tuesday (March 8)") placed after
//!    the full ones. A report is written after what it reports, and a date announced for the
//!    future ("talks will resume on March 3, 2023") says nothing about when it was written; a
//!    date followed by a later year told in the past ("founded on April 4, 1949 … expanded in
//!    1982") is history the article recalls, no evidence either;
//! 4. *approximate*: the middle date of the corpus's other articles, when they span a few years
//!    at most;
//! 5. *anchored*, after the dates are tagged: the day after the dated happenings the article
//!    reports by weekday or "yesterday" and other articles date ([`anchor`]); it replaces 3
//!    and 4;
//! 6. none: relative expressions stay unresolved and the app asks the user.
//!
//! An approximate date ([`DateBasis::is_exact`] false) dates only days and months written
//! without their year; "Tuesday" or "last week" stay unresolved against it rather than be
//! dated wrong. Dates whose weekday disagrees ("Monday, Dec. 30, 2021" — a Thursday) are no
//! evidence. The date parsing is our own ([`crate::corpus::dates`]), not the temporal
//! tagger's, because the tagger needs the very date we are looking for.

mod anchor;
mod dateline;
mod past;
mod yearless;

use jiff::civil::Date;

use crate::corpus::dates::MonthDay;
use crate::corpus::{DateBasis, Document, Section, SectionKind, sections};
pub use anchor::anchor;
pub use dateline::after_dateline;
use dateline::dateline;
use past::latest_past_date;

/// How far into the text (outside reader comments) a dateline may stand.
const DATELINE_BYTES: usize = 1200;
/// How many lines from the top a dateline may stand on (stamps, bylines and decks come first).
const DATELINE_LINES: usize = 8;
/// How far around a date its tense is judged (same paragraph only).
const CONTEXT_BYTES: usize = 160;

/// Fills `doc.published` (and its basis) from the text when metadata left it empty. Returns
/// the day of a wire dateline whose year only the rest of the corpus can tell ([`settle`]).
pub fn resolve(doc: &mut Document) -> Option<MonthDay> {
    if doc.published.is_some() {
        return None;
    }
    match evidence(&doc.text, &doc.sections) {
        Evidence::Found(date, basis) => {
            doc.published = Some(date.to_string());
            doc.published_basis = basis;
            None
        }
        Evidence::Yearless(day) => Some(day),
        Evidence::Nothing => None,
    }
}

/// The longest span of known article dates (in days) within which an undated article is
/// placed at their middle: a story told over a few years, not a retrospective of decades.
const CORPUS_SPAN_DAYS: i64 = 3 * 366;

/// Dates the documents whose dateline gave a day without its year (`pending`, by index into
/// `docs`) from the dates of the others: the year that agrees with the weekday the lead
/// names, nearest to the articles around it. Then gives the articles that still have no date
/// the middle date of the others, as an approximate reference ([`DateBasis::Corpus`]), when
/// the corpus's articles span a few years at most.
pub fn settle(docs: &mut [Document], pending: &[(usize, MonthDay)]) {
    // The days articles were written; approximate dates (the latest day each recalls) only
    // when there are none, and only those within a few years of their median: one may be
    // decades off ("the revolution of January 1, 1959"), and a dateline placed near it would
    // be too.
    let dates = |exact: bool| -> Vec<Date> {
        docs.iter()
            .filter(|d| !exact || d.published_basis.is_exact())
            .filter_map(|d| d.published.as_deref()?.parse().ok())
            .collect()
    };
    let mut known = dates(true);
    if known.is_empty() {
        known = dates(false);
        known.sort_unstable();
        if let Some(&median) = known.get(known.len() / 2) {
            known.retain(|d| days_between(median, *d).abs() <= CORPUS_SPAN_DAYS);
        }
    }
    for (i, day) in pending {
        if let Some(date) = yearless::place_among(day, &known) {
            docs[*i].published = Some(date.to_string());
            docs[*i].published_basis = DateBasis::Dateline;
        }
    }
    if docs.iter().all(|d| d.published.is_some()) {
        return;
    }
    known = docs
        .iter()
        .filter_map(|d| d.published.as_deref()?.parse().ok())
        .collect();
    known.sort_unstable();
    let (Some(&first), Some(&last)) = (known.first(), known.last()) else {
        return;
    };
    if days_between(last, first) > CORPUS_SPAN_DAYS {
        return;
    }
    let middle = known[known.len() / 2];
    for doc in docs.iter_mut().filter(|d| d.published.is_none()) {
        doc.published = Some(middle.to_string());
        doc.published_basis = DateBasis::Corpus;
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
    match evidence(text, sections) {
        Evidence::Found(date, basis) => Some((date, basis)),
        _ => None,
    }
}

/// What a text says of its own date.
enum Evidence {
    Found(Date, DateBasis),
    /// A dateline's day whose year the text does not give.
    Yearless(MonthDay),
    Nothing,
}

fn evidence(text: &str, sections: &[Section]) -> Evidence {
    let top = dateline(text, sections);
    if let Some(date) = top.date {
        return Evidence::Found(date, DateBasis::Dateline);
    }
    let latest = latest_past_date(text, sections);
    if let Some(day) = top.yearless {
        return match latest.and_then(|l| yearless::place_among(&day, &[l])) {
            // A wire is filed after what it reports.
            Some(date) if latest.is_none_or(|l| date >= l) => {
                Evidence::Found(date, DateBasis::Dateline)
            }
            _ => Evidence::Yearless(day),
        };
    }
    match latest {
        Some(l) => {
            let later = yearless::latest_reported(text, sections, l);
            Evidence::Found(later.map_or(l, |d| d.max(l)), DateBasis::Text)
        }
        None => Evidence::Nothing,
    }
}

/// Days between two dates.
fn days_between(a: Date, b: Date) -> i64 {
    a.duration_since(b).as_hours() / 24
}

pub(super) fn kind_at(sections: &[Section], offset: usize) -> Option<SectionKind> {
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

    /// Resolves every document, giving the yearless datelines left for [`settle`].
    fn resolve_all(docs: &mut [Document]) -> Vec<(usize, MonthDay)> {
        docs.iter_mut()
            .enumerate()
            .filter_map(|(i, d)| resolve(d).map(|day| (i, day)))
            .collect()
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
            (
                "Ad - 00:00\nPort Reopens\nOriginally Published: 03 MAR 23 07:12 ET\nUpdated: 03 MAR 23 19:40 ET\nThe port reopened.",
                "2023-03-03",
            ),
            (
                "| Fri, Mar 3, 2023\nPort Reopens\nThe port reopened.",
                "2023-03-03",
            ),
            (
                "Port Reopens\nThe port reopened on Friday.\nAna Ruiz\n3 March 2023 Friday 04:21\n7 Reads",
                "2023-03-03",
            ),
            (
                "Title\nDeck\nLog in\nSubscribe here\nShare\nRelease Date\nMarch 3, 2023\nThe port reopened.",
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
    fn a_date_recalled_before_a_later_year_is_history_not_news() {
        let text = "Alliance Grows\n\nThe alliance was founded on April 4, 1949, and was expanded in 1982. Three countries joined it on Friday.";
        assert_eq!(infer_text(text), None);
    }

    #[test]
    fn a_yearless_dateline_ignores_an_approximate_date_decades_off() {
        let docs: [(&str, &[u8]); 4] = [
            (
                "a.txt",
                b"Mar 15 (Nordwire) - The port said on Tuesday it would reopen.",
            ),
            (
                "b.txt",
                b"Quay Opens\n\nThe quay opened on June 12, 2022, the mayor said.",
            ),
            (
                "c.txt",
                b"Quay Praised\n\nThe quay was praised on July 2, 2022, the board said.",
            ),
            (
                "d.txt",
                b"Exiles\n\nThe regime fell on March 20, 1960, when the dictator fled.",
            ),
        ];
        let mut docs = crate::corpus::load_in_memory(&docs).documents;
        let pending = resolve_all(&mut docs);
        settle(&mut docs, &pending);
        // 15 March was a Tuesday in 2022 (and in 1960, near the date decades off).
        assert_eq!(docs[0].published.as_deref(), Some("2022-03-15"));
    }

    #[test]
    fn a_date_only_announced_is_no_evidence() {
        let text = "Talks Planned\n\nThe two sides will meet on May 12, 2022 in Oslo.";
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
    fn a_yearless_wire_dateline_takes_its_year_from_the_dates_the_text_gives() {
        // 3 March was a Friday in 2023; the text reports 1 March 2023.
        let text = "Mar 3 (Nordwire) - The port reopened on Friday after the strike that began on March 1, 2023.";
        assert_eq!(
            infer_text(text),
            Some((date("2023-03-03"), DateBasis::Dateline))
        );
    }

    #[test]
    fn a_yearless_dateline_alone_on_its_line_takes_the_weekday_of_the_lead_below() {
        let text = "TROMSO, March 3 (Nordwire) --\n\nThe port reopened Friday after the strike.";
        let sections = crate::corpus::sections::split(text);
        let day = dateline(text, &sections)
            .yearless
            .expect("a yearless dateline");
        assert_eq!((day.month, day.day, day.weekday), (3, 3, Some(4)));
        assert!(
            !sections.iter().any(|s| s.kind == SectionKind::Headline),
            "a dateline is no headline: {sections:?}"
        );
    }

    #[test]
    fn a_yearless_wire_dateline_takes_its_year_from_the_corpus() {
        let corpus = crate::corpus::load_in_memory(&[
            (
                "a.txt",
                b"Mar 15 (Nordwire) - The port said on Tuesday it would reopen." as &[u8],
            ),
            (
                "b.txt",
                b"Title\n\nPublished 12 June 2023\n\nThe judge ruled.",
            ),
        ]);
        let mut docs = corpus.documents;
        let pending = resolve_all(&mut docs);
        assert_eq!(pending.len(), 1);
        settle(&mut docs, &pending);
        // 15 March was a Tuesday in 2022, the year around 2023 that agrees.
        assert_eq!(docs[0].published.as_deref(), Some("2022-03-15"));
        assert_eq!(docs[0].published_basis, DateBasis::Dateline);
    }

    #[test]
    fn a_weekday_dated_day_reported_after_the_latest_full_date_moves_it_on() {
        let text = "The pump reached the depot on September 14, 2021, the report said. The board released the report on Tuesday (March 8).";
        assert_eq!(
            infer_text(text),
            Some((date("2022-03-08"), DateBasis::Text))
        );
    }

    #[test]
    fn a_deadline_after_a_time_of_day_is_announced_not_reported() {
        let text = "The judge said that if the sale does not close by 5 p.m. on March 18, 2022, the hearing resumes. The sale was first agreed on January 12, 2022.";
        assert_eq!(
            infer_text(text),
            Some((date("2022-01-12"), DateBasis::Text))
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
