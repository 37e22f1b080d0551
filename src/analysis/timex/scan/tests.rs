use super::*;

/// The scanner's source, every file of it: the words it matches are written there.
const SCANNER_SOURCES: [&str; 4] = [
    include_str!("mod.rs"),
    include_str!("words.rs"),
    include_str!("relative.rs"),
    include_str!("units.rs"),
];

fn may_start(w: &str) -> bool {
    role(w).opens
}

/// The lexicon matches [`START_WORDS`] stands for: its specification.
fn may_start_spec(w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else {
        return false;
    };
    first.is_ascii_digit()
        || w.starts_with(['\'', '’'])
        || (first == b'q' && w.len() > 1 && w[1..].bytes().all(|b| b.is_ascii_digit()))
        || matches!(
            w,
            "the"
                | "this"
                | "last"
                | "next"
                | "past"
                | "latest"
                | "recent"
                | "current"
                | "same"
                | "previous"
                | "preceding"
                | "coming"
                | "upcoming"
                | "following"
                | "fiscal"
                | "year"
                | "quarter"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "now"
                | "currently"
                | "nowadays"
                | "recently"
                | "lately"
                | "at"
                | "in"
                | "christmas"
                | "new"
                | "thanksgiving"
                | "couple"
                | "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "every"
                | "each"
                | "noon"
                | "midnight"
        )
        || lexicon::month(w).is_some()
        || lexicon::weekday(w).is_some()
        || lexicon::number(w).is_some()
        || lexicon::ordinal(w).is_some()
        || lexicon::unit(w).is_some()
        || lexicon::season(w).is_some()
        || lexicon::is_vague_amount(w)
}

#[test]
fn modifier_words_are_every_word_a_modifier_starts_with() {
    // Each letter-only literal of the scanner, before every kind of follower a modifier
    // pattern looks for.
    let followers = [
        "end of",
        "close of",
        "beginning of",
        "start of",
        "middle of",
        "- x",
        "than x",
        "least x",
        "x x",
    ];
    let modifiers: Vec<&str> = MODIFIER_WORDS.split_whitespace().collect();
    for literal in SCANNER_SOURCES
        .iter()
        .flat_map(|source| source.split('"').skip(1).step_by(2))
    {
        if literal.is_empty() || !literal.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        for follower in followers {
            let text = format!("{literal} {follower}");
            let tokens = super::super::tokens::tokenize(&text, &text);
            let scanner = Scanner {
                t: &tokens,
                text: &text,
            };
            if scanner.modifier(0).0 > 0 {
                assert!(modifiers.contains(&literal), "{text}");
            }
        }
    }
}

#[test]
fn start_words_are_the_words_the_lexicon_knows() {
    // Every word a lexicon match or a pattern accepts is written in their source (units also
    // with a plural "s"); every letter-only literal there, and its plural, is checked.
    let mut checked = 0;
    for source in std::iter::once(include_str!("../lexicon.rs")).chain(SCANNER_SOURCES) {
        for literal in source.split('"').skip(1).step_by(2) {
            if literal.is_empty() || !literal.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            for w in [literal.to_string(), format!("{literal}s")] {
                assert_eq!(may_start(&w), may_start_spec(&w), "{w}");
                checked += 1;
            }
        }
    }
    assert!(checked > 400, "{checked}");
    // And every word of real news text, digits and marks included.
    for (_, text) in crate::sample::FILES {
        let lower = text.to_ascii_lowercase();
        for t in super::super::tokens::tokenize(text, &lower) {
            assert_eq!(may_start(&t.lower), may_start_spec(&t.lower), "{}", t.lower);
        }
    }
}
