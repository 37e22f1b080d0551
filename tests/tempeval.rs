//! The TempEval-3 scorer on a tiny TimeML file written for the test.

use newsline::tempeval::{parse_timeml, score_docs};

#[test]
fn parses_timeml_and_scores_by_tempeval_rules() {
    let xml = std::fs::read_to_string("tests/fixtures/timeml/tiny.tml").unwrap();
    let doc = parse_timeml(&xml).unwrap();
    assert_eq!(doc.dct, Some("2024-03-06".parse().unwrap()));
    assert!(doc.text.contains("The mayor & the council met Friday"));
    let golds: Vec<&str> = doc.gold.iter().map(|g| &doc.text[g.start..g.end]).collect();
    assert_eq!(
        golds,
        [
            "Friday",
            "next week",
            "three days",
            "the autumn of last year"
        ]
    );
    let s = score_docs(&[doc]);
    // The tagger finds Friday, next week and three days with the gold values, and only "last
    // year" (2023) inside the fourth gold span: a relaxed match with the wrong value.
    assert_eq!(
        (s.gold, s.system, s.strict, s.relaxed, s.value, s.kind),
        (4, 4, 3, 4, 3, 4)
    );
    let (p, r, f) = s.value();
    assert_eq!((p, r), (0.75, 0.75));
    assert!((f - 0.75).abs() < 1e-9);
    assert!(s.to_string().contains("value"));
}
