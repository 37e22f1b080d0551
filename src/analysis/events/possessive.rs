//! A name in the possessive at the head of a clause: "Dahl's company wrote" is the company's
//! doing, "Dahl's request" Dahl's.

use crate::analysis::lexicon::is_role_head;
use crate::analysis::text;

/// A name in the possessive before a thing, not a person or an act: "Dahl's company",
/// "Dahl's estate" (but "Dahl's lawyer" acts in Dahl's cause, and Dahl made "Dahl's
/// request").
pub(super) fn possesses_a_thing(doc_text: &str, name_end: usize) -> bool {
    let rest = &doc_text[name_end..];
    let Some(rest) = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("’s "))
    else {
        return false;
    };
    // The noun after an order word: "Dahl's first match".
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut next = words.next().unwrap_or("").to_string();
    if matches!(
        next.as_str(),
        "first" | "second" | "third" | "last" | "latest" | "next" | "final" | "new" | "own"
    ) {
        next = words.next().unwrap_or("").to_string();
    }
    next.chars().next().is_some_and(char::is_lowercase)
        && !is_role_head(&next)
        && !text::is_person_noun(&next)
        && !text::is_kin_or_agent(&next)
        && !text::is_event_noun(text::stem(&next))
        && !names_an_act(&next)
}

/// A noun for something done, whose possessor did it: "Dahl's request", "Dahl's first
/// match", "Dahl's resignation".
fn names_an_act(noun: &str) -> bool {
    ["tion", "sion", "ment", "ance", "ence", "ure", "ing", "al"]
        .iter()
        .any(|s| noun.ends_with(s))
        || matches!(
            noun,
            "match"
                | "game"
                | "race"
                | "fight"
                | "bout"
                | "wedding"
                | "concert"
                | "tour"
                | "show"
                | "debut"
                | "request"
                | "offer"
                | "bid"
                | "buildup"
                | "plan"
                | "move"
                | "attempt"
                | "effort"
                | "claim"
                | "win"
                | "loss"
                | "death"
                | "arrest"
                | "release"
                | "kiss"
                | "remarks"
                | "comments"
                | "words"
                | "tweet"
                | "post"
        )
}
