//! A document's reference date when no metadata gave one: a dateline or "Published ..." line
//! near the top, else the latest full date the text mentions, else none (and the story says
//! so through `published_basis`).

use jiff::civil::Date;

use crate::analysis::timex;
use crate::corpus::{DateBasis, Document};
use crate::story::TimexType;

/// How far into the text a dateline may stand.
const DATELINE_BYTES: usize = 400;

/// Fills `doc.published` (and its basis) from the text when metadata left it empty.
pub fn resolve(doc: &mut Document) {
    if doc.published.is_some() {
        return;
    }
    if let Some((date, basis)) = infer(&doc.text) {
        doc.published = Some(date.to_string());
        doc.published_basis = basis;
    }
}

/// The reference date a text gives itself, and how it was found.
pub fn infer(text: &str) -> Option<(Date, DateBasis)> {
    // Only full, explicit dates count: relative ones need the very date we are looking for.
    let dates: Vec<(usize, Date)> = timex::tag(text, None)
        .into_iter()
        .filter(|t| t.kind == TimexType::Date && t.value.len() == 10)
        .filter_map(|t| {
            let date: Date = t.value.parse().ok()?;
            weekday_agrees(&t.text, date).then_some((t.start, date))
        })
        .collect();
    if let Some(&(_, date)) = dates.iter().find(|(start, _)| *start < DATELINE_BYTES) {
        return Some((date, DateBasis::Dateline));
    }
    dates
        .iter()
        .map(|(_, d)| *d)
        .max()
        .map(|d| (d, DateBasis::Text))
}

/// "Thursday, Dec. 30, 2021" must be a Thursday; a date without a weekday always agrees.
fn weekday_agrees(text: &str, date: Date) -> bool {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let lower = text.to_lowercase();
    match NAMES.iter().position(|n| lower.contains(n)) {
        Some(i) => date.weekday().to_monday_zero_offset() as usize == i,
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_dateline_wins() {
        let text = "Grain Deal Extended\n\nJan. 5, 2022 (EIRNS)—The parties agreed on Tuesday to extend the deal signed on July 22, 2021.";
        assert_eq!(infer(text), Some((date("2022-01-05"), DateBasis::Dateline)));
        let text = "WASHINGTON, March 3, 2023 — The Senate voted on Thursday.";
        assert_eq!(infer(text), Some((date("2023-03-03"), DateBasis::Dateline)));
        let text = "Published 3 March 2023\nThe port reopened.";
        assert_eq!(infer(text), Some((date("2023-03-03"), DateBasis::Dateline)));
    }

    #[test]
    fn else_the_latest_full_date_in_the_text() {
        let filler = "The harbour has a long history of trade and fishing. ".repeat(10);
        let text = format!(
            "{filler}The port closed on May 2, 2020 and reopened on June 9, 2020, officials said."
        );
        assert_eq!(infer(&text), Some((date("2020-06-09"), DateBasis::Text)));
    }

    #[test]
    fn a_weekday_that_disagrees_rules_the_date_out() {
        // 30 December 2021 was a Thursday, not a Monday.
        let text = "It happened on Monday, Dec. 30, 2021.";
        assert_eq!(infer(text), None);
        let text = "It happened on Thursday, Dec. 30, 2021.";
        assert_eq!(infer(text), Some((date("2021-12-30"), DateBasis::Dateline)));
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
