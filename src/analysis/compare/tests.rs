//! The readers of the comparison on single invented sentences: what a figure is, what it is
//! about and how it is qualified; who asked for an event; how a side characterises it.
//! Whole stories of several invented articles are in `tests/compare.rs`.

use super::facts::{self, Kind, Value};
use super::numbers::{self, Dim, Figure, Qual};
use super::words::{Token, tokenize};

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize(text, 0, text.len(), &mut out);
    out
}

fn figures(text: &str) -> Vec<Figure> {
    let toks = tokens(text);
    let mut out = Vec::new();
    numbers::figures(
        &numbers::Sentence {
            text,
            tokens: &toks,
            timexes: &[],
            people: &[],
        },
        &mut out,
    );
    out
}

fn only(text: &str, dim: Dim) -> Figure {
    let found: Vec<Figure> = figures(text).into_iter().filter(|f| f.dim == dim).collect();
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap()
}

#[test]
fn a_count_keeps_its_noun_and_its_bound() {
    let text = "Officials said more than 4,000 dockworkers walked off the job.";
    let f = only(text, Dim::Count);
    assert_eq!(f.amount.figure, 4000.0);
    assert_eq!(f.amount.qual, Qual::Above);
    assert_eq!(f.about, "dockworkers");
    // The wording is the figure with its qualifier.
    assert_eq!(&text[f.start..f.end], "more than 4,000");
    // A figure written after its noun refers back to it.
    let f = only(
        "The ministry put the rioters at roughly 1,200 across the province.",
        Dim::Count,
    );
    assert_eq!(f.about, "rioters");
    assert_eq!(f.amount.qual, Qual::About);
}

#[test]
fn labels_and_partitives_are_no_counts() {
    assert!(figures("Route 66 was closed near the pass.").is_empty());
    assert!(figures("Three of the ferries stayed in port.").is_empty());
}

#[test]
fn money_carries_its_currency_and_scale() {
    let f = only(
        "The port will borrow $2.5 billion for new cranes.",
        Dim::Money,
    );
    assert_eq!(f.value, "2500000000 USD");
    assert_eq!(f.unit, "USD");
    let f = only("The fine was 40,000 euros, the court said.", Dim::Money);
    assert_eq!(f.value, "40000 EUR");
    // A conversion in brackets restates the sum before it.
    let found: Vec<Figure> = figures("It paid €10,000 ($10,900) in fees.")
        .into_iter()
        .filter(|f| f.dim == Dim::Money)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].unit, "EUR");
}

#[test]
fn percentages_say_what_they_are_of() {
    let f = only("Turnout fell to 38% of registered voters.", Dim::Percentage);
    assert_eq!(f.value, "38%");
    assert_eq!(f.key, super::words::family(&super::words::stem("voters")));
    // Percentage points are a change, not a share.
    assert!(
        figures("Support rose 4 percentage points.")
            .iter()
            .all(|f| f.dim != Dim::Percentage)
    );
}

#[test]
fn lengths_are_in_metres_and_conversions_are_not_read_twice() {
    let found: Vec<Figure> = figures("The 30-foot (9.1-meter) barge sank near the quay.")
        .into_iter()
        .filter(|f| f.dim == Dim::Length)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!((found[0].amount.figure - 9.144).abs() < 1e-6);
    assert!(found[0].constant);
    let f = only("The wreck lies 800 metres deep.", Dim::Length);
    assert_eq!(f.key, "depth");
}

#[test]
fn ages_belong_to_the_person_named_beside_them() {
    let text = "Captain Ilse Varga, 52, steered the barge.";
    let start = text.find("Ilse").unwrap();
    let end = start + "Ilse Varga".len();
    let toks = tokens(text);
    let people = [(start, end, 7)];
    let mut out = Vec::new();
    numbers::figures(
        &numbers::Sentence {
            text,
            tokens: &toks,
            timexes: &[],
            people: &people,
        },
        &mut out,
    );
    let ages: Vec<&Figure> = out.iter().filter(|f| f.dim == Dim::Age).collect();
    assert_eq!(ages.len(), 1, "{out:?}");
    assert_eq!(ages[0].person, Some(7));
    assert_eq!(ages[0].amount.figure, 52.0);
}

#[test]
fn durations_in_timex_values_become_minutes() {
    assert_eq!(numbers::iso_minutes("PT45M").map(|m| m.0), Some(45.0));
    assert_eq!(numbers::iso_minutes("PT1H30M").map(|m| m.0), Some(90.0));
    assert_eq!(numbers::iso_minutes("P2D").map(|m| m.0), Some(2880.0));
    // Vague durations ("some weeks") do not compare.
    assert_eq!(numbers::iso_minutes("PXW"), None);
}

fn fact_sentence<'a>(
    text: &'a str,
    toks: &'a [Token],
    mentions: &'a [(usize, usize, usize)],
    quotes: &'a [(usize, usize, usize)],
) -> facts::Sentence<'a> {
    facts::Sentence {
        text,
        start: 0,
        end: text.len(),
        tokens: toks,
        timexes: &[],
        mentions,
        quotes,
    }
}

#[test]
fn the_initiator_is_who_asked() {
    let name = |e: usize| ["Odile Marchetti", "Tomas Ruud"][e].to_string();
    let text = "The meeting took place at Marchetti's request, officials said.";
    let at = text.find("Marchetti").unwrap();
    let mentions = [(at, at + "Marchetti".len(), 0)];
    let toks = tokens(text);
    let s = fact_sentence(text, &toks, &mentions, &[]);
    let asked = facts::initiator(&s, &name).expect("an initiator");
    assert_eq!(asked.kind, Kind::Initiator);
    assert_eq!(
        asked.value,
        Value::Names(vec!["Odile Marchetti".to_string()])
    );

    let text = "The visit, which was requested by Ruud, lasted a day.";
    let at = text.find("Ruud").unwrap();
    let mentions = [(at, at + 4, 1)];
    let toks = tokens(text);
    let s = fact_sentence(text, &toks, &mentions, &[]);
    let asked = facts::initiator(&s, &name).expect("an initiator");
    assert_eq!(asked.shown, "Tomas Ruud");

    let text = "The meeting took place in Oslo on a rainy day.";
    let toks = tokens(text);
    let s = fact_sentence(text, &toks, &[], &[]);
    assert!(facts::initiator(&s, &name).is_none());
}

#[test]
fn characterisations_are_the_quoted_words_about_the_happening() {
    let name = |e: usize| ["Nadia Fersen"][e].to_string();
    let is_happening = |w: &str| matches!(w.to_ascii_lowercase().as_str(), "meeting" | "talks");
    let text = "Fersen described the meeting as “cordial and useful” after it ended.";
    let at = text.find("Fersen").unwrap();
    let mentions = [(at, at + "Fersen".len(), 0)];
    let toks = tokens(text);
    let s = fact_sentence(text, &toks, &mentions, &[]);
    let mut out = Vec::new();
    facts::characterisations(&s, &is_happening, &name, &mut out);
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].kind, Kind::Characterisation);
    assert_eq!(out[0].shown, "cordial and useful");
    // A long quote that says nothing of the happening characterises nothing.
    let text = "Fersen said “we will keep working on the harbour plans all through the winter.”";
    let toks = tokens(text);
    let s = fact_sentence(text, &toks, &mentions, &[]);
    let mut out = Vec::new();
    facts::characterisations(&s, &is_happening, &name, &mut out);
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn model_names_and_vague_hundreds_are_no_figures() {
    // A number before a model name in capitals is part of the name.
    assert!(
        figures("The regulator grounded every 512 XR jet in the fleet.")
            .iter()
            .all(|f| f.dim != Dim::Count),
        "{:?}",
        figures("The regulator grounded every 512 XR jet in the fleet.")
    );
    // "several hundred" is no figure; "a hundred" and "two hundred" are.
    assert!(figures("Crews searched waters several hundred miles off the cape.").is_empty());
    let f = only(
        "Crews searched waters two hundred miles off the cape.",
        Dim::Length,
    );
    assert!((f.amount.figure - 321_868.8).abs() < 1e-3);
    let f = only("A hundred volunteers joined the search.", Dim::Count);
    assert_eq!(f.amount.figure, 100.0);
    // A sum written with its currency code after it is still money.
    let f = only("The charity raised 5,000 USD for the crews.", Dim::Money);
    assert_eq!(f.value, "5000 USD");
}
