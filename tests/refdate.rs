//! Reference dates end to end: metadata wins, then datelines, then the latest full date the
//! text reports; reader comments are never evidence.

use newsline::analysis::refdate::resolve;
use newsline::corpus::{DateBasis, load_in_memory};

/// Loads `files` as one folder, resolves every document, and gives (file, date, basis).
fn resolved(files: &[(&str, &str)]) -> Vec<(String, Option<String>, DateBasis)> {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    load_in_memory(&files)
        .documents
        .into_iter()
        .map(|mut d| {
            resolve(&mut d);
            (d.file, d.published, d.published_basis)
        })
        .collect()
}

#[test]
fn metadata_then_dateline_then_text_then_none() {
    let got = resolved(&[
        (
            "corpus.json",
            r#"{"documents":[{"file":"a.txt","published":"2022-02-01"}]}"#,
        ),
        // The manifest wins over the dateline.
        (
            "a.txt",
            "Dam Opens\n\nLISBON, March 3, 2023 — The dam opened on Friday.\n",
        ),
        (
            "b.txt",
            "Dam Opens\n\nLISBON, March 3, 2023 — The dam opened on Friday.\n",
        ),
        (
            "c.json",
            r#"{"title":"Dam Opens","text":"The dam opened on March 3, 2023.","date":"2023-03-04T06:00:00Z"}"#,
        ),
        (
            "d.txt",
            "Dam Opens\n\nThe dam, planned since June 1, 1990, opened on Friday, March 3, 2023, officials said. A second dam will open on May 5, 2024.\n",
        ),
        ("e.txt", "Dam Opens\n\nThe dam opened on Friday.\n"),
    ]);
    let expected = [
        ("a.txt", Some("2022-02-01"), DateBasis::Manifest),
        ("b.txt", Some("2023-03-03"), DateBasis::Dateline),
        ("c.json", Some("2023-03-04"), DateBasis::Metadata),
        ("d.txt", Some("2023-03-03"), DateBasis::Text),
        ("e.txt", None, DateBasis::None),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(f, d, b)| (f.to_string(), d.map(String::from), *b))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn reader_comments_do_not_date_the_article() {
    let text = "\
Library Reopens
The city library reopened on Monday, May 8, 2023, after a two-year renovation.
The mayor cut the ribbon and thanked the builders.
Readers can borrow e-books again from next week.
Originally published in The Valley Courier
I was there on June 30, 2023 and it was closed!!
Great news, I love this library :)
Why did it take so long??
";
    let got = resolved(&[("lib.txt", text)]);
    assert_eq!(
        got,
        [(
            "lib.txt".to_string(),
            Some("2023-05-08".to_string()),
            DateBasis::Text
        )]
    );
}

#[test]
fn the_sample_without_its_manifest_has_no_full_date_to_go_by() {
    // The sample relies on its manifest: its texts say "Thursday" and "this month" but never
    // a full date, so without metadata the app must ask rather than guess.
    let files: Vec<(&str, &str)> = newsline::sample::FILES
        .iter()
        .copied()
        .filter(|(n, _)| *n != "corpus.json")
        .collect();
    for (file, date, basis) in resolved(&files) {
        assert_eq!((date, basis), (None, DateBasis::None), "{file}");
    }
    let with_manifest = resolved(newsline::sample::FILES);
    assert!(
        with_manifest
            .iter()
            .all(|(_, d, b)| d.as_deref() == Some("2021-12-31") && *b == DateBasis::Manifest)
    );
}
