//! Relations whose people the words around them leave implicit: "The pair clashed" (two
//! people named just before), "A … after being received by B" (the sentence's subject).

use super::relations::{is_object_filler, reciprocal_label, verb_label};
use super::words::words_of;
use crate::analysis::text;

/// Words that may stand between "the pair" and its verb ("the pair had publicly clashed").
const FILLERS: &[&str] = &[
    "have",
    "had",
    "has",
    "also",
    "then",
    "later",
    "publicly",
    "privately",
    "repeatedly",
    "reportedly",
    "often",
    "again",
    "first",
    "once",
    "never",
    "briefly",
];

/// The relation when a sentence says two people, named before, did something together ("The
/// pair clashed", "the two leaders spoke").
pub(super) fn pair_relation(sentence: &str) -> Option<&'static str> {
    ["the pair ", "the two ", "the duo ", "both "]
        .iter()
        .flat_map(|opener| {
            text::find_ignoring_case(sentence, opener).map(move |at| (at, at + opener.len()))
        })
        .find_map(|(at, after)| {
            let mut rest = sentence[after..]
                .split_whitespace()
                .map(|w| text::lower(w.trim_matches(|c: char| !c.is_alphanumeric())));
            let mut next = rest.next()?;
            // "the two leaders", "the two world leaders", "both men": a noun for people.
            let plain_pair = sentence[at..after].eq_ignore_ascii_case("the pair ")
                || sentence[at..after].eq_ignore_ascii_case("the duo ");
            if !plain_pair {
                if next == "world" {
                    next = rest.next()?;
                }
                // "Both sides" may be two countries: only people.
                if !text::is_person_noun(&next) || next == "sides" {
                    return None;
                }
                next = rest.next()?;
            }
            while FILLERS.contains(&next.as_ref()) {
                next = rest.next()?;
            }
            reciprocal_label(&next)
        })
}

/// The relation when the words `between` the sentence's subject and a later name end in a
/// passive phrase of the subject's ("A, left, stands next to C after being received by B").
pub(super) fn subject_passive(between: &str) -> Option<&'static str> {
    let gap = words_of(between);
    let by = gap.iter().rposition(|w| w.lower == "by")?;
    let being = gap[..by].iter().rposition(|w| w.lower == "being")?;
    let verb = gap.get(being + 1).filter(|_| being + 2 == by)?;
    let opens = being.checked_sub(1).map(|k| &gap[k]).is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "after" | "before" | "when" | "upon" | "while"
        )
    });
    let clean = gap[by + 1..]
        .iter()
        .all(|w| is_object_filler(w) && !w.comma);
    (opens && clean && verb.lower.ends_with("ed"))
        .then(|| verb_label(&verb.lower))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_named_before_did_something_together() {
        assert_eq!(
            pair_relation("The pair clashed over Lund's comments on the harbour."),
            Some("clashed with")
        );
        assert_eq!(
            pair_relation("Officials said the two leaders spoke for an hour."),
            Some("spoke with")
        );
        assert_eq!(
            pair_relation("The pair had publicly feuded for months."),
            Some("clashed with")
        );
        // No people noun, or no verb of two: no relation.
        assert_eq!(pair_relation("The two ferries collided."), None);
        assert_eq!(pair_relation("The pair of boots was sold."), None);
        assert_eq!(pair_relation("Both sides agreed."), None);
    }

    #[test]
    fn a_passive_phrase_after_the_subject_is_the_subjects() {
        assert_eq!(
            subject_passive(", left, stands next to coach Per Dahl after being received by Mayor "),
            Some("met")
        );
        assert_eq!(
            subject_passive(" resigned a day after being fired by "),
            Some("fired")
        );
        assert_eq!(subject_passive(" was received by "), None);
        assert_eq!(
            subject_passive(" after being received by a crowd and "),
            None
        );
    }
}
