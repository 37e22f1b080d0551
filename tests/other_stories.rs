//! Two corpora written for the tests, about other stories, people, places and dates, with the
//! traps real corpora carry (namesakes, headline case, datelines, split quotes, captions,
//! credits, reader comments, teasers, author boxes). They prove the analysis is not tuned to
//! the built-in sample. The expected facts are in `tests/fixtures/stories/*.gold.md`.

use std::collections::BTreeSet;

use newsline::analysis::analyze;
use newsline::corpus::load_paths;
use newsline::story::{EntityKind, Event, Story};

fn story(name: &str) -> Story {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/stories")
        .join(name);
    let corpus = load_paths(&[dir]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    analyze(corpus)
}

fn people(s: &Story) -> BTreeSet<String> {
    s.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.clone())
        .collect()
}

fn id<'a>(s: &'a Story, name: &str) -> &'a str {
    &s.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} in {:?}", people(s)))
        .id
}

fn sources(e: &Event) -> usize {
    e.mentions
        .iter()
        .map(|m| &m.doc)
        .collect::<BTreeSet<_>>()
        .len()
}

fn events_on<'a>(s: &'a Story, value: &str) -> Vec<&'a Event> {
    s.events.iter().filter(|e| e.when.value == value).collect()
}

/// The best-reported event on `value` and who takes part in it.
fn main_event<'a>(s: &'a Story, value: &str) -> &'a Event {
    events_on(s, value)
        .into_iter()
        .max_by_key(|e| sources(e))
        .unwrap_or_else(|| panic!("an event on {value}"))
}

fn with(s: &Story, e: &Event, name: &str) -> bool {
    e.participants.iter().any(|p| p == id(s, name))
}

fn linked(s: &Story, a: &str, b: &str) -> Vec<String> {
    let (a, b) = (id(s, a), id(s, b));
    s.links
        .iter()
        .filter(|l| (l.a == a && l.b == b) || (l.a == b && l.b == a))
        .map(|l| l.label.clone())
        .collect()
}

#[test]
fn harbor_strike_people_namesakes_and_what_is_not_the_story() {
    let s = story("harbor-strike");
    let found = people(&s);
    let expected: BTreeSet<String> = [
        "Marta Kowalczyk",
        "Piotr Kowalczyk",
        "Hendrik Bakker",
        "Sanne Visser",
        "Ruud Jansen",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(found, expected, "exactly the people of the story");
    let marta = s.entity(id(&s, "Marta Kowalczyk")).unwrap();
    let piotr = s.entity(id(&s, "Piotr Kowalczyk")).unwrap();
    assert!(marta.mentions.len() > 3 * piotr.mentions.len());
    assert!(linked(&s, "Marta Kowalczyk", "Piotr Kowalczyk").is_empty());
    // The dateline in capitals is the same place.
    let rotterdam = s.entities.iter().find(|e| e.name == "Rotterdam").unwrap();
    assert!(rotterdam.aliases.iter().any(|a| a == "ROTTERDAM"));
    assert!(
        s.entities
            .iter()
            .all(|e| e.kind != EntityKind::Organization || e.name != "ROTTERDAM")
    );
}

#[test]
fn harbor_strike_events_merge_across_outlets_with_their_people() {
    let s = story("harbor-strike");
    let talks = main_event(&s, "2024-03-07");
    assert!(sources(talks) >= 3, "{talks:#?}");
    assert!(with(&s, talks, "Marta Kowalczyk") && with(&s, talks, "Hendrik Bakker"));
    let deal = main_event(&s, "2024-03-15");
    assert!(sources(deal) >= 3, "{deal:#?}");
    assert!(with(&s, deal, "Marta Kowalczyk") && with(&s, deal, "Hendrik Bakker"));
    // "on Monday" is the coming Monday in a story about the vote, the past one elsewhere.
    let vote = main_event(&s, "2024-03-18");
    assert!(sources(vote) >= 3, "{vote:#?}");
    let call = main_event(&s, "2024-03-10");
    assert!(with(&s, call, "Sanne Visser") && with(&s, call, "Marta Kowalczyk"));
    assert!(!with(&s, call, "Piotr Kowalczyk"));
    assert!(!events_on(&s, "2019").is_empty(), "the 2019 strike");
    assert!(!events_on(&s, "2024-03-04").is_empty(), "the strike began");
}

#[test]
fn harbor_strike_links_and_quotes() {
    let s = story("harbor-strike");
    let negotiators = linked(&s, "Marta Kowalczyk", "Hendrik Bakker");
    assert!(
        negotiators
            .iter()
            .any(|l| ["agreement", "negotiated with", "met"].contains(&l.as_str())),
        "{negotiators:?}"
    );
    assert!(linked(&s, "Ruud Jansen", "Hendrik Bakker").contains(&"speaks for".to_string()));
    assert!(linked(&s, "Sanne Visser", "Marta Kowalczyk").contains(&"phone call".to_string()));
    let marta = id(&s, "Marta Kowalczyk");
    let hers: Vec<&str> = s
        .quotes
        .iter()
        .filter(|q| q.speaker == marta)
        .map(|q| &s.document(&q.doc).unwrap().text[q.start..q.end])
        .collect();
    assert!(hers.len() >= 2, "{hers:?}");
}

#[test]
fn summit_people_roles_and_no_sentence_openers() {
    let s = story("summit-water");
    let expected: BTreeSet<String> = [
        "Karim Mansour",
        "Dawit Haile",
        "Grace Wanjiru",
        "Amira Saleh",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(people(&s), expected);
    let names: Vec<&str> = s.entities.iter().map(|e| e.name.as_str()).collect();
    for absent in [
        "Hassan Idris",
        "Lena Brooks",
        "Officials",
        "Foreign Minister",
        "Drought",
    ] {
        assert!(!names.contains(&absent), "{absent} in {names:?}");
    }
    let saleh = s.entity(id(&s, "Amira Saleh")).unwrap();
    assert!(
        saleh.roles.iter().any(|r| r.contains("spokeswoman")),
        "{:?}",
        saleh.roles
    );
    for place in ["Nairobi", "Cairo", "Addis Ababa", "Egypt", "Ethiopia"] {
        let e = s.entities.iter().find(|e| e.name == place).unwrap();
        assert_eq!(e.kind, EntityKind::Place, "{place}");
    }
}

#[test]
fn summit_events_dates_and_links() {
    let s = story("summit-water");
    let cairo = main_event(&s, "2023-06-21");
    assert_eq!(sources(cairo), 3, "{cairo:#?}");
    let call = main_event(&s, "2023-09-28");
    assert!(sources(call) >= 2);
    assert!(with(&s, call, "Karim Mansour") && with(&s, call, "Dawit Haile"));
    // The summit: "October 11-12", "Oct. 11", "on Thursday" in three outlets, one event.
    let summit: Vec<&Event> = s
        .events
        .iter()
        .filter(|e| e.when.start.as_str() >= "2023-10-11" && e.when.end.as_str() <= "2023-10-12")
        .filter(|e| sources(e) == 3)
        .collect();
    assert_eq!(summit.len(), 1, "{summit:#?}");
    for who in ["Karim Mansour", "Dawit Haile", "Grace Wanjiru"] {
        assert!(with(&s, summit[0], who), "{who}");
    }
    assert!(
        !events_on(&s, "2020").is_empty(),
        "the reservoir began filling"
    );
    assert!(
        s.events.iter().any(|e| e.when.value == "2024"),
        "the follow-up early next year"
    );
    assert!(!linked(&s, "Karim Mansour", "Dawit Haile").is_empty());
    assert!(linked(&s, "Amira Saleh", "Karim Mansour").contains(&"speaks for".to_string()));
    assert!(!linked(&s, "Grace Wanjiru", "Karim Mansour").is_empty());
}
