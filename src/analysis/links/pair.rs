//! "The pair clashed": a relation whose two people the text named just before.

use super::relations::reciprocal_label;
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
}
