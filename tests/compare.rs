//! Where sources disagree, on small invented stories of several outlets: each kind of fact
//! (durations, counts, money, percentages, dates, places, who asked) compared across
//! documents, with approximations kept as approximations. None of these names or sentences
//! is from a real corpus.

use newsline::analysis::analyze;
use newsline::corpus::load_in_memory;
use newsline::story::{Comparison, Story, Verdict};

fn story(files: &[(&str, &str)]) -> Story {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    analyze(load_in_memory(&files))
}

const MANIFEST: &str = r#"{"documents": [
  {"file": "a.txt", "outlet": "Harbour Post", "published": "2024-03-08"},
  {"file": "b.txt", "outlet": "Nordic Wire", "published": "2024-03-08"},
  {"file": "c.txt", "outlet": "Coast Daily", "published": "2024-03-09"}
]}"#;

fn ferry_strike() -> Story {
    story(&[
        ("corpus.json", MANIFEST),
        (
            "a.txt",
            "Lindqvist and Okafor discuss ferry strike in phone call\nPrime Minister Erik Lindqvist and union leader Amara Okafor held a 55-minute phone call on Thursday at Okafor's request. More than 6,000 ferry workers are on strike, the union says. The strike has cost operators $40 million, and 12% of routes are closed. Negotiators will meet in Helsinki on March 14-15.\n",
        ),
        (
            "b.txt",
            "Lindqvist speaks with strike leader\nPrime Minister Erik Lindqvist spoke with union leader Amara Okafor by phone for almost an hour on Thursday. About 8,000 ferry workers are on strike. The strike has cost operators $40 million, and 12% of routes are closed. Negotiators will meet in Helsinki on March 15.\n",
        ),
        (
            "c.txt",
            "Ferry strike: Lindqvist and Okafor talk by phone\nErik Lindqvist and Amara Okafor held a phone call on Thursday about the ferry strike, which was requested by Okafor. The strike has cost operators $65 million, and 12% of routes are closed. Negotiators will meet in Helsinki on March 15.\n",
        ),
    ])
}

fn find<'a>(s: &'a Story, fact: &str) -> Vec<&'a Comparison> {
    s.comparisons.iter().filter(|c| c.fact == fact).collect()
}

fn texts(c: &Comparison) -> Vec<&str> {
    c.values.iter().map(|v| v.text.as_str()).collect()
}

/// Every value points at its own words in its document, inside its sentence.
fn spans_hold(s: &Story) {
    for c in &s.comparisons {
        for v in &c.values {
            let doc = s.document(&v.doc).expect("a document of the story");
            assert_eq!(doc.text.get(v.start..v.end), Some(v.text.as_str()), "{c:?}");
            assert!(v.sentence[0] <= v.start && v.end <= v.sentence[1], "{c:?}");
        }
    }
}

#[test]
fn a_duration_within_tolerance_agrees() {
    let s = ferry_strike();
    spans_hold(&s);
    let durations = find(&s, "duration");
    let call = durations
        .iter()
        .find(|c| c.values.len() >= 2)
        .unwrap_or_else(|| panic!("{:#?}", s.comparisons));
    assert_eq!(call.verdict, Verdict::Agree, "{call:?}");
    assert!(call.event.is_some());
    let t = texts(call);
    assert!(t.iter().any(|x| x.contains("55-minute")), "{t:?}");
    assert!(t.iter().any(|x| x.contains("almost an hour")), "{t:?}");
    // The third outlet reports the call without a duration.
    assert_eq!(call.silent.len(), 1, "{call:?}");
}

#[test]
fn counts_that_cannot_both_be_true_differ() {
    let s = ferry_strike();
    let workers = find(&s, "count")
        .into_iter()
        .find(|c| c.about.contains("worker"))
        .unwrap_or_else(|| panic!("{:#?}", s.comparisons));
    assert_eq!(workers.verdict, Verdict::Differ, "{workers:?}");
    let modifiers: Vec<Option<&str>> = workers
        .values
        .iter()
        .map(|v| v.modifier.as_deref())
        .collect();
    assert!(modifiers.contains(&Some("MORE_THAN")), "{modifiers:?}");
    assert!(modifiers.contains(&Some("APPROX")), "{modifiers:?}");
    assert!(workers.difference > 0.0);
}

#[test]
fn money_and_percentages_compare_by_value() {
    let s = ferry_strike();
    let money = find(&s, "money");
    assert_eq!(money.len(), 1, "{money:#?}");
    assert_eq!(money[0].verdict, Verdict::Differ);
    assert!(money[0].values.iter().any(|v| v.value == "65000000 USD"));
    let share = find(&s, "percentage");
    assert_eq!(share.len(), 1, "{share:#?}");
    assert_eq!(share[0].verdict, Verdict::Agree);
    assert_eq!(share[0].difference, 0.0);
}

#[test]
fn a_range_of_days_and_its_last_day_differ() {
    let s = ferry_strike();
    let dates: Vec<&Comparison> = find(&s, "date")
        .into_iter()
        .filter(|c| c.values.iter().any(|v| v.value.starts_with("2024-03-1")))
        .collect();
    assert_eq!(dates.len(), 1, "{:#?}", s.comparisons);
    assert_eq!(dates[0].verdict, Verdict::Differ, "{:?}", dates[0]);
    let t = texts(dates[0]);
    assert!(t.iter().any(|x| x.contains("14-15")), "{t:?}");
    // All three put the meeting in the same city.
    let place = find(&s, "place")
        .into_iter()
        .find(|c| c.event == dates[0].event)
        .expect("the place of the meeting");
    assert_eq!(place.verdict, Verdict::Agree, "{place:?}");
}

#[test]
fn who_asked_is_said_by_some_and_not_by_others() {
    let s = ferry_strike();
    let asked = find(&s, "initiator");
    assert_eq!(asked.len(), 1, "{:#?}", s.comparisons);
    let asked = asked[0];
    assert_eq!(asked.verdict, Verdict::Agree, "{asked:?}");
    assert_eq!(asked.values.len(), 2);
    assert!(asked.values.iter().all(|v| v.value == "Amara Okafor"));
    assert_eq!(asked.silent.len(), 1);
    assert!(asked.note.contains("2 of 3"), "{}", asked.note);
}

#[test]
fn one_outlet_alone_is_no_comparison_of_figures() {
    let s = story(&[
        ("corpus.json", MANIFEST),
        (
            "a.txt",
            "Ferry strike goes on\nAbout 8,000 ferry workers are on strike, union leader Amara Okafor said on Thursday.\n",
        ),
        (
            "b.txt",
            "Bridge repairs start\nCrews began repairs on the old bridge on Friday, the city said.\n",
        ),
    ]);
    assert!(
        s.comparisons.iter().all(|c| c.fact != "count"),
        "{:#?}",
        s.comparisons
    );
    assert!(s.comparisons.iter().all(|c| c.verdict != Verdict::Differ));
}

#[test]
fn the_export_lists_comparisons() {
    let s = ferry_strike();
    let json: serde_json::Value = serde_json::from_str(&newsline::export::json(&s)).unwrap();
    let list = json["comparisons"].as_array().expect("a comparisons array");
    assert!(!list.is_empty());
    for c in list {
        for key in ["fact", "verdict", "values"] {
            assert!(c.get(key).is_some(), "{c}");
        }
        assert!(matches!(
            c["verdict"].as_str(),
            Some("agree" | "differ" | "single")
        ));
        for v in c["values"].as_array().unwrap() {
            for key in ["doc", "start", "end", "text", "value"] {
                assert!(v.get(key).is_some(), "{v}");
            }
        }
    }
    let csv = newsline::export::comparisons_csv(&s);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("event,"));
    assert_eq!(
        lines.count(),
        s.comparisons.iter().map(|c| c.values.len()).sum::<usize>()
    );
}

/// The issue's proof on the built-in sample (the sample is read here, in a test, never in
/// the analysis).
#[test]
fn the_sample_shows_the_call_the_troops_the_talks_and_who_asked() {
    let s = analyze(newsline::sample::corpus());
    spans_hold(&s);
    let has = |c: &Comparison, wording: &str| c.values.iter().any(|v| v.text.contains(wording));
    let duration = find(&s, "duration")
        .into_iter()
        .find(|c| has(c, "50-minute") && has(c, "almost an hour"))
        .expect("the call's duration");
    assert_eq!(duration.verdict, Verdict::Agree);
    let troops = find(&s, "count")
        .into_iter()
        .find(|c| c.about.contains("troop"))
        .expect("the troops");
    assert_eq!(troops.verdict, Verdict::Differ);
    let talks = find(&s, "date")
        .into_iter()
        .find(|c| has(c, "January 9-10"))
        .expect("the date of the talks");
    assert_eq!(talks.verdict, Verdict::Differ);
    assert!(has(talks, "January 10"));
    let asked = find(&s, "initiator");
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].values.len(), 2);
    assert_eq!(asked[0].silent.len(), 3);
}
