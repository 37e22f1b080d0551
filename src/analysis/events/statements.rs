//! Who speaks in a sentence, and whether a date belongs to the speaking.
//!
//! "Okafor said the two ministers spoke on Thursday" dates the call: Okafor only reports it.
//! But "Halvorsen said on Saturday", "Sandvik warned Wednesday that …", "Berg said in a letter
//! Thursday" date the statement itself, and the speaker is who acts in it. The difference is
//! where the date stands: right after the verb of saying (with only the setting between:
//! "in a statement", "to reporters", "in an interview, which aired late Tuesday") or right
//! before the speaker ("On Thursday, Okafor said"), the date is the speaking's.

use crate::analysis::text;

use super::clauses::EntitySpan;

/// Verbs that report speech or a statement.
fn is_statement_verb(lower: &str) -> bool {
    text::is_saying(lower)
        || matches!(
            lower,
            "warned"
                | "warns"
                | "announced"
                | "announces"
                | "testified"
                | "testifies"
                | "briefed"
                | "revealed"
                | "reveals"
                | "denied"
                | "denies"
                | "admitted"
                | "admits"
                | "declared"
                | "declares"
                | "posted"
                | "posts"
                | "responded"
                | "responds"
                | "urged"
                | "urges"
                | "predicted"
                | "conceded"
                | "disclosed"
                | "reiterated"
        )
}

/// Words that may stand between a verb of saying and the date of the saying: the setting of
/// the statement, its addressee, and "which aired/was published".
fn is_setting(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "in"
            | "at"
            | "a"
            | "an"
            | "the"
            | "to"
            | "with"
            | "during"
            | "his"
            | "her"
            | "its"
            | "their"
            | "statement"
            | "statements"
            | "interview"
            | "letter"
            | "post"
            | "tweet"
            | "video"
            | "briefing"
            | "press"
            | "news"
            | "conference"
            | "exclusive"
            | "earlier"
            | "late"
            | "later"
            | "last"
            | "reporters"
            | "journalists"
            | "lawmakers"
            | "senators"
            | "members"
            | "which"
            | "aired"
            | "published"
            | "posted"
            | "broadcast"
            | "released"
            | "was"
            | "televised"
            | "written"
            | "emailed"
            | "email"
            | "speech"
            | "hearing"
            | "meeting"
            | "call"
            | "podcast"
            | "television"
            | "radio"
            | "state"
            | "also"
            | "employees"
            | "workers"
            | "staff"
            | "investors"
            | "shareholders"
            | "officials"
            | "committee"
            | "board"
            | "court"
            | "jury"
            | "judge"
            | "crowd"
            | "audience"
            | "supporters"
            | "congress"
            | "parliament"
            | "council"
            | "media"
            | "customers"
    )
}

/// A speaker of a sentence: their mention and where their verb of saying is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Speaker {
    pub mention: EntitySpan,
    pub verb: (usize, usize),
}

/// The speakers among `mentions` (one sentence's, in order): "X said", "X, a lawyer for Y,
/// said" (X, not Y), "said X", "X on Tuesday warned".
pub(super) fn speakers(doc_text: &str, mentions: &[EntitySpan]) -> Vec<Speaker> {
    let mut out: Vec<Speaker> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        if !text::is_attribution(doc_text, m.0, m.1) && verb_after(doc_text, m.1).is_none() {
            continue;
        }
        // "Jon Halvorsen, a lawyer for Moe-Berg, said": the name before the appositive
        // speaks. "Lund slams Dahl, says …" (a headline): the one who slams does.
        let headline_object = k > 0 && {
            let between = doc_text.get(mentions[k - 1].1..m.0).unwrap_or("");
            let mut words = between.split_whitespace();
            let one_verb = words.next().is_some_and(|w| {
                w.len() > 2
                    && w.chars().all(char::is_lowercase)
                    && !matches!(w, "and" | "or" | "with" | "nor" | "but")
            }) && words.next().is_none();
            // The verb of saying right after the comma: ", says …", no aside between.
            let says = doc_text[m.1..]
                .strip_prefix(", ")
                .and_then(|rest| rest.split_whitespace().next())
                .is_some_and(|w| is_statement_verb(&w.to_ascii_lowercase()));
            one_verb && says
        };
        let speaker = if headline_object {
            mentions[k - 1]
        } else {
            (0..k)
                .rev()
                .find(|&p| in_appositive(doc_text, mentions[p].1, m.0))
                .map_or(*m, |p| mentions[p])
        };
        let verb = verb_after(doc_text, m.1).or_else(|| verb_before(doc_text, speaker.0));
        let Some(verb) = verb else {
            continue;
        };
        // "Lund and chairman Tomas Berg told employees": both speak.
        let mut k = (0..k).find(|&p| mentions[p] == speaker).unwrap_or(k);
        let mut together = vec![speaker];
        while k > 0 && joined_by_and(doc_text, mentions[k - 1].1, mentions[k].0) {
            k -= 1;
            together.push(mentions[k]);
        }
        for mention in together {
            if !out.iter().any(|s| s.mention == mention) {
                out.push(Speaker { mention, verb });
            }
        }
    }
    out
}

/// "A and B", "A and chairman B": two names joined by "and" and, at most, a role.
fn joined_by_and(doc_text: &str, a_end: usize, b_start: usize) -> bool {
    let Some(between) = doc_text.get(a_end..b_start) else {
        return false;
    };
    let mut words = between.split_whitespace();
    words.next() == Some("and")
        && words.all(|w| {
            let l = w.to_ascii_lowercase();
            w.chars().next().is_some_and(char::is_uppercase)
                || crate::analysis::lexicon::is_role_head(&l)
                || crate::analysis::lexicon::is_role_modifier(&l)
        })
}

/// Whether the text from `head_end` to `at` opens an appositive that `at` lies in: ", a
/// lawyer for ", ", the president of ".
fn in_appositive(doc_text: &str, head_end: usize, at: usize) -> bool {
    let Some(between) = doc_text.get(head_end..at) else {
        return false;
    };
    let Some(rest) = between.strip_prefix(", ") else {
        return false;
    };
    let first = rest.split_whitespace().next().unwrap_or("");
    matches!(
        first.to_ascii_lowercase().as_str(),
        "a" | "an" | "the" | "his" | "her" | "its" | "their" | "who"
    ) && !rest.contains([',', ';', '.', '“', '"'])
        && rest.split_whitespace().count() <= 10
}

/// The verb of saying after a name, past an appositive and adverbs: "X said", "X, a lawyer
/// for Y, said", "X also told".
fn verb_after(doc_text: &str, end: usize) -> Option<(usize, usize)> {
    let limit = text::floor_char_boundary(doc_text, (end + 120).min(doc_text.len()));
    let mut in_aside = doc_text[end..].starts_with(',');
    for w in text::words(doc_text, end, limit).take(14) {
        let lower = w.text.to_ascii_lowercase();
        if is_statement_verb(&lower) {
            return Some((w.start, w.end));
        }
        if in_aside {
            if doc_text[w.end..].starts_with(',') {
                in_aside = false;
            }
            continue;
        }
        // "X also said", "X on Tuesday said": adverbs and a weekday may come first.
        let weekday = crate::corpus::dates::weekday_index(w.text).is_some() && w.text.len() > 5;
        if !matches!(
            lower.as_str(),
            "also" | "later" | "then" | "has" | "had" | "on" | "earlier"
        ) && !weekday
        {
            return None;
        }
    }
    None
}

/// The verb right before a name: "said X", "according to X".
fn verb_before(doc_text: &str, start: usize) -> Option<(usize, usize)> {
    let from = text::floor_char_boundary(doc_text, start.saturating_sub(40));
    let words: Vec<text::Word> = text::words(doc_text, from, start).collect();
    let last = words.last()?;
    is_statement_verb(&last.text.to_ascii_lowercase()).then_some((last.start, last.end))
}

/// The speaker whose speaking the date at `[t_start, t_end)` belongs to, if any.
pub(super) fn dated_speaker(
    doc_text: &str,
    sentence_start: usize,
    speakers: &[Speaker],
    (t_start, t_end): (usize, usize),
) -> Option<Speaker> {
    speakers.iter().copied().find(|s| {
        let (v_start, v_end) = s.verb;
        if t_start >= v_end {
            // "said on Saturday", "told Radio Nord in an interview, which aired late Tuesday".
            let gap = &doc_text[v_end..t_start];
            let words: Vec<String> = text::words(gap, 0, gap.len())
                .map(|w| w.text.to_ascii_lowercase())
                .collect();
            let comma_ok = !gap.contains(',') || words.iter().any(|w| w == "which");
            words.len() <= 9
                && comma_ok
                && !gap.contains(['“', '"', ';'])
                && text::words(gap, 0, gap.len()).all(|w| {
                    is_setting(&w.text.to_ascii_lowercase())
                        || w.text.chars().next().is_some_and(char::is_uppercase)
                })
        } else if t_end <= s.mention.0 {
            // "On Thursday, Okafor said".
            let lead = doc_text[sentence_start..t_start].trim();
            let gap = doc_text[t_end..s.mention.0].trim();
            matches!(lead, "" | "On" | "on" | "Earlier" | "Late" | "Later")
                && matches!(gap, "" | ",")
        } else {
            // "Berg on Tuesday said".
            t_start >= s.mention.1
                && t_end <= v_start
                && doc_text[s.mention.1..v_start].split_whitespace().count() <= 4
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> (usize, usize) {
        let i = text.find(word).unwrap();
        (i, i + word.len())
    }

    fn spans(text: &str, names: &[&str]) -> Vec<EntitySpan> {
        names
            .iter()
            .enumerate()
            .map(|(k, n)| {
                let (a, b) = at(text, n);
                (a, b, k)
            })
            .collect()
    }

    #[test]
    fn in_a_headline_the_one_who_acts_speaks() {
        let text =
            "Harbour chief Ada Lund slams Per Dahl, says the deal should never have happened";
        let found = speakers(text, &spans(text, &["Ada Lund", "Per Dahl"]));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].mention.2, 0, "Lund speaks, not Dahl");
    }

    #[test]
    fn a_date_after_the_verb_of_saying_dates_the_speaking() {
        for (text, name, date) in [
            (
                "Halvorsen said on Saturday that ferries stay docked.",
                "Halvorsen",
                "Saturday",
            ),
            (
                "Sandvik warned Wednesday that work would pause.",
                "Sandvik",
                "Wednesday",
            ),
            (
                "Berg said in a letter Thursday that the hearing starts.",
                "Berg",
                "Thursday",
            ),
            (
                "Lund told Radio Nord in an interview, which aired late Tuesday.",
                "Lund",
                "Tuesday",
            ),
            (
                "On Thursday, Okafor said the call was useful.",
                "Okafor",
                "Thursday",
            ),
        ] {
            let m = spans(text, &[name]);
            let sp = speakers(text, &m);
            assert_eq!(sp.len(), 1, "{text}");
            assert!(
                dated_speaker(text, 0, &sp, at(text, date)).is_some(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_date_in_what_is_reported_is_not_the_speakings() {
        for (text, date) in [
            (
                "Okafor said the two ministers spoke on Thursday.",
                "Thursday",
            ),
            (
                "Haddad said Wednesday he hopes to sign it on Thursday.",
                "Thursday",
            ),
        ] {
            let name = text.split(' ').next().unwrap();
            let m = spans(text, &[name]);
            let sp = speakers(text, &m);
            assert!(
                dated_speaker(text, 0, &sp, at(text, date)).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn the_head_of_an_appositive_speaks() {
        let text = "Jon Halvorsen, a lawyer for Per Dahl, said his client would appear.";
        let m = spans(text, &["Jon Halvorsen", "Per Dahl"]);
        let sp = speakers(text, &m);
        assert_eq!(sp.len(), 1);
        assert_eq!(sp[0].mention.2, 0);
    }
}
