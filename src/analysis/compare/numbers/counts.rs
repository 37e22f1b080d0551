//! Counts with the noun they count, ages, and what a percentage is of.

use super::*;

/// An age, the person being the one named nearest after ("the 52-year-old Varga") or,
/// failing that, right before.
pub(super) fn age_after(
    s: &Sentence,
    start: usize,
    last: usize,
    years: f64,
    out: &mut Vec<Figure>,
) {
    let end = s.tokens[last].end;
    let after = s.people.iter().find(|p| p.0 >= end && p.0 - end < 40);
    let before = s
        .people
        .iter()
        .rev()
        .find(|p| p.1 <= start && start - p.1 < 4);
    let Some(&(_, _, person)) = after.or(before) else {
        return;
    };
    out.push(age(start, end, years, person));
}

pub(super) fn age(start: usize, end: usize, years: f64, person: usize) -> Figure {
    Figure {
        dim: Dim::Age,
        amount: Amount {
            figure: years,
            step: 1.0,
            upper: None,
            qual: Qual::Exact,
        },
        start,
        end,
        about: String::new(),
        key: format!("person {person}"),
        unit: "years",
        value: format!("{} years", fmt(years)),
        of_happening: false,
        constant: true,
        person: Some(person),
    }
}

/// A bare figure: an age when it stands in commas after a name ("Varga, 52,"), else a
/// count of the noun it goes with.
pub(super) fn count(
    s: &Sentence,
    i: usize,
    start: usize,
    used: usize,
    amount: Amount,
    out: &mut Vec<Figure>,
) {
    let t = s.tokens[i];
    let n = s.tokens.len();
    let next = i + used;
    // "Varga, 52, officially …"
    if i >= 1
        && s.word(i - 1) == ","
        && (next >= n || matches!(s.word(next), "," | ")" | "."))
        && amount.figure.fract() == 0.0
        && (1.0..=120.0).contains(&amount.figure)
        && let Some(&(_, _, person)) = s.people.iter().find(|p| p.1 == s.tokens[i - 1].start)
    {
        out.push(age(t.start, t.end, amount.figure, person));
        return;
    }
    // Partitives and references are no counts of their own: "three of those ferries",
    // "the two leaders".
    if s.lower_is(next, &["of"]) {
        return;
    }
    if i >= 1
        && amount.figure <= 2.0
        && s.lower_is(
            i - 1,
            &[
                "the", "their", "these", "those", "its", "his", "her", "both",
            ],
        )
    {
        return;
    }
    if s.lower_is(next, &["or", "to", "and"]) && amount.figure < 10.0 {
        // "two or three rounds": the top of the range is read on its own.
        return;
    }
    let Some(noun) = noun_after(s, next).or_else(|| noun_before(s, i)) else {
        return;
    };
    let stemmed = stem(&noun);
    if is_time_noun(&stemmed) {
        return;
    }
    let mut key = family(&stemmed).to_string();
    let mut about = noun;
    // A rate: "38 aircraft per month".
    let after_noun = s.tokens.iter().position(|t| {
        t.start >= s.tokens[next.min(n - 1)].start && &s.text[t.start..t.end] == "per"
    });
    if let Some(p) = after_noun
        && p <= next + 4
        && p + 1 < n
    {
        let per = stem(s.word(p + 1));
        key = format!("{key} per {per}");
        about = format!("{about} per {}", s.word(p + 1));
    }
    // "another 5,000", "additional troops", "… left": a change or a remainder, not a total.
    if i >= 1 && s.lower_is(i - 1, &["another", "additional", "extra", "further"]) {
        key.push_str(" more");
    }
    out.push(Figure {
        dim: Dim::Count,
        amount,
        start,
        end: s.tokens[next - 1].end,
        about,
        key,
        unit: "",
        value: fmt(amount.figure),
        of_happening: false,
        constant: false,
        person: None,
    });
}

/// Whether a lower-case word reads as a plural noun.
pub(super) fn plural(lower: &str) -> bool {
    matches!(
        lower,
        "people" | "crew" | "staff" | "personnel" | "police" | "aircraft" | "men" | "women"
    ) || (lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is"))
}

/// The noun a figure goes with, read forward from token `k`: names and labels skipped
/// ("40 Acme 512 X 3 aircraft"), then up to three lower-case words; the head is the
/// last plural one ("15 youth team players sent …"), else the last ("telephone call").
pub(super) fn noun_after(s: &Sentence, mut k: usize) -> Option<String> {
    let n = s.tokens.len();
    let mut skipped = 0;
    while k < n && skipped < 4 && (s.is_capitalised(k) || s.tokens[k].shape == Shape::Number) {
        k += 1;
        skipped += 1;
    }
    let mut words: Vec<String> = Vec::new();
    while k < n && words.len() < 3 && s.tokens[k].shape == Shape::Word && !s.is_capitalised(k) {
        let lower = s.word(k).to_ascii_lowercase();
        let verb_like = lower.ends_with("ing") || lower.ends_with("ly") || lower.ends_with("ed");
        if is_stopword(&lower) || (verb_like && !words.is_empty()) || lower.ends_with("ly") {
            break;
        }
        words.push(lower);
        k += 1;
    }
    if let Some(w) = words.iter().rev().find(|w| plural(w)) {
        return Some(w.clone());
    }
    words.pop()
}

/// The plural noun a bare figure refers back to, within the sentence: "workers … with
/// estimates of more than 6,000 along the coast".
pub(super) fn noun_before(s: &Sentence, i: usize) -> Option<String> {
    (i.saturating_sub(14)..i).rev().find_map(|k| {
        if s.tokens[k].shape != Shape::Word || s.is_capitalised(k) {
            return None;
        }
        let lower = s.word(k).to_ascii_lowercase();
        let st = stem(&lower);
        (plural(&lower) && !is_stopword(&lower) && !is_time_noun(&st) && !is_meta_noun(&st))
            .then_some(lower)
    })
}

/// The nearest content word before token `k`, lower case.
pub(super) fn word_before(s: &Sentence, k: usize) -> Option<String> {
    (k.saturating_sub(5)..k).rev().find_map(|j| {
        let lower = s.word(j).to_ascii_lowercase();
        (s.tokens[j].shape == Shape::Word && !s.is_capitalised(j) && !is_stopword(&lower))
            .then_some(lower)
    })
}

/// What a percentage is of: "5% of users", "a 54% premium", "fell by 13%".
pub(super) fn percent_key(s: &Sentence, i: usize, last: usize) -> String {
    let mut k = last + 1;
    if s.lower_is(k, &["of"]) {
        k += 1;
        while s.lower_is(k, &["the", "its", "their", "his", "her", "all"]) {
            k += 1;
        }
    }
    let noun = noun_after(s, k).or_else(|| word_before(s, i));
    noun.map(|w| family(&stem(&w)).to_string())
        .unwrap_or_default()
}
