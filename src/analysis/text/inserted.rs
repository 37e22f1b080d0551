//! Phrases set off by commas: one fronted before a title's clause ("However,", "In an
//! interview with …,"), one between its subject and its verb.

/// The most words of a subject before a phrase set off by commas.
const SUBJECT_WORDS: usize = 6;
/// The most words of each phrase set off by commas.
const PHRASE_WORDS: usize = 9;
/// The most phrases in a row ("Lund, 44, of Bergen, was charged").
const PHRASES: usize = 3;

/// "The two men, Per Dahl and Ola Moe, were named", "Lund, after a long flight, is to
/// spend", "Police in Bergen, off the coast, raided": the positions `a..b` in `words` of what
/// stands between a short subject and the verb after it. `comma_after(j)` says whether a comma
/// follows word `j`. None when the subject opens with a preposition or holds a verb itself
/// ("He said, however, that …"), or no verb follows.
pub(super) fn between_subject_and_verb(
    words: &[&str],
    comma_after: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let first = words.first()?;
    if !first.starts_with(char::is_uppercase) || opens_with_preposition(first) {
        return None;
    }
    let subject_end = (0..words.len().min(SUBJECT_WORDS)).find(|&j| comma_after(j))?;
    if words[..=subject_end].iter().any(|w| is_verb_like(w)) {
        return None;
    }
    let mut end = subject_end;
    for _ in 0..PHRASES {
        let close = (end + 1..words.len().min(end + 1 + PHRASE_WORDS)).find(|&j| comma_after(j))?;
        if words.get(close + 1).is_some_and(|w| is_verb_like(w)) {
            return Some((subject_end + 1, close + 1));
        }
        end = close;
    }
    None
}

/// Words that open a phrase of circumstance before the clause: "In an interview with …,",
/// "However,", "Following the ruling,".
pub(super) fn opens_fronted_phrase(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "after"
            | "over"
            | "following"
            | "despite"
            | "amid"
            | "during"
            | "with"
            | "at"
            | "on"
            | "before"
            | "since"
            | "under"
            | "for"
            | "as"
            | "however"
            | "meanwhile"
            | "though"
            | "still"
            | "also"
            | "earlier"
            | "later"
            | "separately"
            | "instead"
    )
}

fn opens_with_preposition(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "since"
            | "during"
            | "with"
            | "for"
            | "by"
            | "from"
            | "under"
            | "over"
            | "as"
            | "when"
            | "while"
            | "if"
            | "although"
            | "though"
            | "but"
            | "and"
            | "however"
            | "meanwhile"
            | "still"
            | "also"
            | "yet"
            | "so"
    )
}

/// A word that is most likely a finite verb: an auxiliary, a regular past tense, or a common
/// irregular one.
fn is_verb_like(word: &str) -> bool {
    if !word.starts_with(char::is_lowercase) {
        return false;
    }
    matches!(
        word,
        "is" | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "did"
            | "does"
            | "met"
            | "took"
            | "made"
            | "said"
            | "told"
            | "went"
            | "came"
            | "gave"
            | "left"
            | "won"
            | "lost"
            | "led"
            | "held"
            | "began"
            | "became"
            | "fell"
            | "rose"
            | "sent"
            | "saw"
            | "found"
            | "got"
            | "ran"
            | "shot"
            | "fled"
            | "flew"
            | "wrote"
            | "spoke"
            | "sold"
            | "bought"
            | "brought"
            | "paid"
    ) || word.len() > 4 && word.ends_with("ed")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn between(sentence: &str) -> Option<String> {
        let words: Vec<&str> = sentence
            .split_whitespace()
            .map(|w| w.trim_end_matches(','))
            .collect();
        let commas: Vec<bool> = sentence
            .split_whitespace()
            .map(|w| w.ends_with(','))
            .collect();
        between_subject_and_verb(&words, |j| commas[j]).map(|(a, b)| words[a..b].join(" "))
    }

    #[test]
    fn phrases_between_subject_and_verb() {
        assert_eq!(
            between("The two men, Per Dahl and Ola Moe, were named in a bulletin").as_deref(),
            Some("Per Dahl and Ola Moe")
        );
        assert_eq!(
            between("Lund, 44, of Bergen, was charged with the killing").as_deref(),
            Some("44 of Bergen")
        );
        assert_eq!(
            between("Police in Bergen, off the coast, raided two homes").as_deref(),
            Some("off the coast")
        );
        assert_eq!(between("He said, however, that the talks failed"), None);
        assert_eq!(
            between("In Bergen, police, acting on a tip, raided a home"),
            None
        );
        assert_eq!(between("Lund, Moe and Dahl signed the pact"), None);
    }
}
