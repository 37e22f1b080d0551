//! A dated sentence that names its happening by a definite noun ("The appeal was lodged on
//! Tuesday") after an earlier sentence reported it with who did it ("Ada Lund has lodged an
//! appeal with the harbour authority"): the one who did it takes part in the dated event.

use crate::analysis::text;

use super::clauses::EntitySpan;

/// How many sentences back the happening may have been reported.
pub(super) const LOOK_BACK: usize = 2;
/// How many words after the person the happening's word may stand (subject, auxiliaries,
/// verb, a modifier or two: "Lund has lodged a formal appeal").
const SUBJECT_REACH: usize = 6;
/// Verbs that end a definite description at the start of a clause ("The appeal was …").
const AFTER_SUBJECT: [&str; 9] = [
    "was", "were", "is", "are", "has", "had", "came", "took", "will",
];

/// The person who did what the clause at `clause` names by "The [modifier] NOUN", found in one
/// of the `earlier` sentences (nearest first) where "a [modifier] NOUN" follows that sentence's
/// first person closely ("Lund runs the company. The company was fined" is no such report). `mentions_of(start, end)` gives the mentions of a span, `people` which entities are
/// people.
pub(super) fn actor_of_described_happening<'m>(
    doc_text: &str,
    clause: (usize, usize),
    earlier: &[(usize, usize)],
    mentions_of: impl Fn(usize, usize) -> &'m [EntitySpan],
    people: &[bool],
) -> Option<usize> {
    let noun = described_noun(doc_text, clause)?;
    earlier.iter().find_map(|&(start, end)| {
        let first_person = mentions_of(start, end).iter().find(|m| people[m.2])?;
        // Introduced there as new ("has filed a formal complaint"), named again here as known.
        let words: Vec<String> = text::words(doc_text, first_person.1, end)
            .take(SUBJECT_REACH)
            .map(|w| text::lower(w.text).into_owned())
            .collect();
        words
            .iter()
            .enumerate()
            .any(|(i, w)| {
                text::stem(w) == noun
                    && words[i.saturating_sub(2)..i]
                        .iter()
                        .any(|a| a == "a" || a == "an")
            })
            .then_some(first_person.2)
    })
}

/// The stem of the noun a clause opens with after "The" and at most one modifier, when a verb
/// follows it ("The appeal was lodged", "The final ruling was read out").
fn described_noun(doc_text: &str, (start, end): (usize, usize)) -> Option<String> {
    let lead = doc_text[start..end].trim_start_matches(|c: char| !c.is_alphanumeric());
    let from = end - lead.len();
    let words: Vec<String> = text::words(doc_text, from, end)
        .take(4)
        .map(|w| w.text.to_string())
        .collect();
    if words.first().map(String::as_str) != Some("The") {
        return None;
    }
    (1..=2).find_map(|i| {
        let noun = text::lower(words.get(i)?);
        let next = words.get(i + 1)?;
        let content = noun.len() > 3 && !text::is_stopword(&noun);
        let lowercase = words[i].chars().next().is_some_and(char::is_lowercase);
        (content && lowercase && AFTER_SUBJECT.contains(&next.as_str()))
            .then(|| text::stem(&noun).to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definite_noun_with_its_verb_is_a_described_happening() {
        let text =
            "The appeal was lodged on Tuesday. The harbour board met. The new ruling was read out.";
        let board = text.find("The harbour").unwrap();
        let ruling = text.find("The new").unwrap();
        assert_eq!(
            described_noun(text, (0, board)).as_deref(),
            Some(text::stem("appeal"))
        );
        assert_eq!(
            described_noun(text, (board, ruling)),
            None,
            "no verb right after the noun phrase"
        );
        assert_eq!(
            described_noun(text, (ruling, text.len())).as_deref(),
            Some(text::stem("ruling"))
        );
    }
}
