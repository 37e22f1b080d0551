//! Titles of clauses that do not say enough on their own: an elliptic clause that shares the
//! first clause's verb ("… and within the Council on May 13"), and a clause that is only its
//! date ("…, until February").

use crate::analysis::text;
use crate::corpus::Document;

use super::candidates::MentionIndex;

/// The title of a clause that is only its date: the noun a ", which" aside speaks of with the
/// aside ("the trial" + "was scheduled to kick off"), else the phrase from the last break
/// before the clause through the date ("Dahl sought a postponement of some months until
/// February"). Other dates of the sentence stay out.
pub(super) fn context_title<'e>(
    doc: &Document,
    tokens: &text::Tokenized,
    mentions: &MentionIndex,
    (start, c_start, c_end): (usize, usize, usize),
    timex_spans: &[(usize, usize)],
    short_names: &(dyn Fn(usize) -> Option<&'e str> + Sync),
) -> String {
    let others: Vec<(usize, usize)> = timex_spans
        .iter()
        .copied()
        .filter(|&(a, b)| b <= c_start || a >= c_end)
        .collect();
    let mut clause = text::words(&doc.text, c_start, c_end);
    let opens_aside = doc.text[c_start..].trim_start().starts_with(',');
    let relative = clause.next().is_some_and(|w| {
        opens_aside && matches!(w.text.to_ascii_lowercase().as_str(), "which" | "who")
    });
    if relative && let Some(rest) = clause.next() {
        let before: Vec<text::Word> = text::words(&doc.text, start, c_start).collect();
        let determiner = before.iter().rev().take(6).find(|w| {
            matches!(
                w.text.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that" | "our"
            )
        });
        if let Some(det) = determiner {
            return elliptic_title(
                doc,
                tokens,
                mentions,
                (det.start, c_start),
                (rest.start, c_end),
                &others,
                short_names,
            );
        }
    }
    let head = &doc.text[start..c_start];
    let from = [", ", "; ", ": ", " — ", " while ", " but "]
        .iter()
        .filter_map(|sep| head.rfind(sep).map(|i| start + i + sep.len()))
        .max()
        .unwrap_or(start);
    text::title_of_words(
        &doc.text,
        from,
        &tokens.within(from, c_end),
        mentions.within(&doc.id, from, c_end),
        &others,
        short_names,
    )
}

/// The title of an elliptic clause: the first clause's subject and verb group (`lead`), then
/// the clause's own phrase ("They will later continue" + "within the OSCE").
pub(super) fn elliptic_title<'e>(
    doc: &Document,
    tokens: &text::Tokenized,
    mentions: &MentionIndex,
    lead: (usize, usize),
    phrase: (usize, usize),
    timex_spans: &[(usize, usize)],
    short_names: &(dyn Fn(usize) -> Option<&'e str> + Sync),
) -> String {
    let part = |(start, end): (usize, usize), timexes: &[(usize, usize)]| {
        let m = mentions.within(&doc.id, start, end);
        text::title_of_words(
            &doc.text,
            start,
            &tokens.within(start, end),
            m,
            timexes,
            short_names,
        )
    };
    // A date before the verb ("On Monday they will meet") stays out of the lead too.
    let lead_title = part(lead, timex_spans);
    let phrase_title = part(phrase, timex_spans);
    // The title capitalizes its first word; mid-title it is written as in the text.
    let lower_in_text = doc.text[phrase.0..]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let mut chars = phrase_title.chars();
    let phrase_title: String = match chars.next() {
        Some(c) if lower_in_text => c.to_lowercase().chain(chars).collect(),
        _ => phrase_title,
    };
    format!("{lead_title} {phrase_title}")
}

/// A later clause that is only a conjunction and a place or setting ("and within the Council on
/// May 13") shares the verb of the sentence's first clause ("They will later continue").
/// Returns where that verb group ends and where the phrase starts after the conjunction.
pub(super) fn elliptic_lead(
    doc_text: &str,
    sentence_start: usize,
    first_clause_end: usize,
    c_start: usize,
    c_end: usize,
) -> Option<(usize, usize)> {
    let mut clause = text::words(doc_text, c_start, c_end);
    let conjunction = clause.next()?;
    if !matches!(conjunction.text, "and" | "but" | "or") {
        return None;
    }
    let phrase = clause.next()?;
    if !matches!(
        phrase.text.to_lowercase().as_str(),
        "in" | "within" | "at" | "on" | "with" | "to" | "for" | "from" | "by" | "inside" | "under"
    ) {
        return None;
    }
    // The first clause's verb group: an auxiliary with its adverbs and main verb ("will later
    // continue"), or a verb in the past tense ("met").
    let words: Vec<text::Word> = text::words(doc_text, sentence_start, first_clause_end)
        .take(12)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.text.to_lowercase();
        if matches!(
            lower.as_str(),
            "will" | "would" | "can" | "could" | "may" | "might" | "shall" | "should" | "must"
        ) {
            let main = words[i + 1..].iter().find(|v| {
                !matches!(
                    v.text,
                    "later" | "also" | "then" | "again" | "soon" | "still" | "be" | "not"
                )
            })?;
            return Some((main.end, phrase.start));
        }
        if i > 0 && lower.len() > 4 && lower.ends_with("ed") && w.text == lower {
            return Some((w.end, phrase.start));
        }
    }
    None
}

/// A title that is only who spoke ("The Harbour Board said", "The Daily Post reported", "Lund
/// said in a letter"): a few words ending in a verb of saying and at most a short setting.
pub(super) fn only_attribution(title: &str) -> bool {
    let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
    // The verb ends the title, or only a short setting follows it ("in a letter").
    let Some(verb) = words.iter().rposition(|w| {
        matches!(
            w.as_str(),
            "said" | "says" | "told" | "tells" | "wrote" | "reported" | "reports" | "announced"
        )
    }) else {
        return false;
    };
    let setting = &words[verb + 1..];
    words.len() <= 7
        && (setting.is_empty()
            || (setting.len() <= 3 && matches!(setting[0].as_str(), "in" | "on" | "at")))
}

/// Most words of a title made of an attribution and what was said.
const SAID_WORDS: usize = 16;

/// `attribution` followed by what was said: the title of the whole `sentence`, which leaves
/// out a trailing ", X said" and a leading "X said (that)".
pub(super) fn with_what_was_said<'e>(
    attribution: &str,
    doc: &Document,
    tokens: &text::Tokenized,
    mentions: &MentionIndex,
    (start, end): (usize, usize),
    timex_spans: &[(usize, usize)],
    short_names: &(dyn Fn(usize) -> Option<&'e str> + Sync),
) -> String {
    let said = text::title_of_words(
        &doc.text,
        start,
        &tokens.within(start, end),
        mentions.within(&doc.id, start, end),
        timex_spans,
        short_names,
    );
    let said_words = said.split_whitespace().count();
    if said.is_empty() || said == attribution || said_words < 3 {
        return attribution.to_string();
    }
    // "Halifax, Nova Scotia, the AP reported": the speaker is what follows the last comma.
    let attribution = match attribution.rsplit_once(", ") {
        Some((_, last)) if last.split_whitespace().count() >= 2 => last,
        _ => attribution,
    };
    // Mid-title the first word is written as the text writes it mid-sentence: "said a
    // ferry …" but "said Norsk Metall …".
    let first_word = said.split_whitespace().next().unwrap_or("");
    let lower_first = first_word.to_lowercase();
    let lowered = first_word.chars().skip(1).all(char::is_lowercase)
        && (text::is_stopword(&lower_first) || doc.text.contains(&format!(" {lower_first} ")));
    let said = if lowered {
        format!("{lower_first}{}", &said[first_word.len()..])
    } else {
        said
    };
    let attribution = text::capitalize(attribution);
    let words: Vec<&str> = attribution
        .split_whitespace()
        .chain(said.split_whitespace())
        .collect();
    if words.len() > SAID_WORDS {
        format!(
            "{}…",
            words[..SAID_WORDS].join(" ").trim_end_matches(['…', ','])
        )
    } else {
        words.join(" ")
    }
}
