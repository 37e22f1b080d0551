//! Who said a quotation: a name right after it, before it in its sentence, "according to X",
//! or the subject of its sentence; "he"/"she" and unnamed speakers are told apart.

use crate::analysis::text::{self, Word};

use super::marks::Marks;
use super::{Ctx, Named};

/// What a quote's context says about its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Attribution<'a> {
    Named(&'a str),
    /// "he said", "she told reporters": the previous speaker, if any.
    Pronoun,
    /// "the official said": someone the story cannot name.
    Unnamed,
    /// Nothing: the previous speaker, if any.
    None,
}

/// Verbs that report speech or a stance.
const REPORTING: &[&str] = &[
    "warned",
    "urged",
    "called",
    "asked",
    "announced",
    "declared",
    "vowed",
    "promised",
    "predicted",
    "responded",
    "countered",
    "conceded",
    "admitted",
    "suggested",
    "cautioned",
    "posted",
    "shouted",
    "testified",
    "complained",
    "warns",
    "urges",
    "calls",
    "asks",
    "describes",
];

fn is_reporting(word: &str) -> bool {
    let lower = word.to_lowercase();
    text::is_saying(&lower) || REPORTING.contains(&lower.as_str())
}

/// A verb for the subject rule: a reporting verb or a lowercase word ending in "-ed".
fn is_verb(word: &str) -> bool {
    is_reporting(word)
        || (word.len() > 3
            && word.ends_with("ed")
            && word.chars().next().is_some_and(char::is_lowercase))
}

fn is_he_she(word: &str) -> bool {
    matches!(word, "he" | "He" | "she" | "She")
}

/// Words that end an attribution phrase: a new clause starts.
fn breaks_attribution(lower: &str) -> bool {
    matches!(
        lower,
        "and"
            | "but"
            | "or"
            | "as"
            | "while"
            | "when"
            | "because"
            | "if"
            | "who"
            | "which"
            | "that"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "so"
            | "adding"
            | "saying"
            | "where"
    )
}

/// Whether `gap` (text between a quote and a name) can lie inside one attribution phrase: no
/// sentence or quote punctuation (but "Gov." and "U.S." are fine), no clause-opening words,
/// at most eight words.
fn gap_ok(gap: &str) -> bool {
    let mut count = 0;
    for token in gap.split_whitespace() {
        if token.contains(['!', '?', ';', ':', '“', '”', '"', '(', ')']) {
            return false;
        }
        let bare = token.trim_matches(',');
        if bare.contains('.') {
            let word = bare.trim_end_matches('.');
            let short = word.split('.').all(|p| p.chars().count() <= 2) || word.len() <= 4;
            if !bare.ends_with('.') || !short || word.is_empty() {
                return false;
            }
        }
        if bare.chars().any(char::is_alphanumeric) {
            count += 1;
            if breaks_attribution(&bare.to_lowercase()) {
                return false;
            }
        }
    }
    count <= 8
}

/// Whether the text between a name and its verb keeps them together: nothing but a comma,
/// an adverb ("also", "later"), or an appositive between commas.
fn adjacent(between: &str) -> bool {
    let t = between.trim();
    if t.is_empty() || t == "," {
        return true;
    }
    if text::words(t, 0, t.len())
        .all(|w| matches!(w.text, "also" | "later" | "then" | "again" | "has" | "had"))
        && t.chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || c == ',')
    {
        return true;
    }
    t.len() > 2
        && t.starts_with(',')
        && t.ends_with(',')
        && gap_ok(&t[1..t.len() - 1])
        && text::words(t, 0, t.len()).count() <= 6
}

impl<'a> Ctx<'a> {
    pub(super) fn attribute(
        &self,
        q: &Marks,
        mentions: &[Named<'a>],
        prev_end: usize,
        next_start: usize,
    ) -> Attribution<'a> {
        let after = self.after(q, mentions, next_start);
        if after != Attribution::None {
            return after;
        }
        let sentence = self.sentence_at(q.mark_start);
        let from = sentence.map_or(prev_end, |s| s.start.max(prev_end));
        let before = self.before(q, mentions, from);
        if before != Attribution::None {
            return before;
        }
        if let Some(id) = self.according_to(q, mentions) {
            return Attribution::Named(id);
        }
        match sentence {
            Some(s) => self.subject(q, mentions, s.start.max(prev_end)),
            None => Attribution::None,
        }
    }

    /// `“...,” X said`, `“...,” said the mayor, X`, `“...,” he said`, `“...,” the official said`.
    fn after(&self, q: &Marks, mentions: &[Named<'a>], next_start: usize) -> Attribution<'a> {
        // "“... over.” Hale said" starts a new sentence; attributions after a quote follow a
        // comma, a question or an exclamation.
        if self.text[q.start..q.end].ends_with('.') {
            return Attribution::None;
        }
        let limit = text::floor_char_boundary(self.text, (q.mark_end + 60).min(next_start));
        if limit <= q.mark_end {
            return Attribution::None;
        }
        for m in starting_in(mentions, q.mark_end, limit)
            .iter()
            .filter(|m| m.start < limit)
        {
            let gap = &self.text[q.mark_end..m.start];
            if !gap_ok(gap) {
                break;
            }
            let gap_words: Vec<Word> = text::words(gap, 0, gap.len()).collect();
            // "said X": the verb opens the attribution.
            if gap_words.first().is_some_and(|w| is_reporting(w.text)) {
                return Attribution::Named(m.id);
            }
            // "the mayor told X": somebody else speaks.
            if gap_words.iter().any(|w| is_reporting(w.text)) {
                break;
            }
            // "X said", "X, the mayor, said", "X also told reporters".
            if self.verb_follows(m.end, next_start) {
                return Attribution::Named(m.id);
            }
        }
        // No name: "he said", "said she", "the official said".
        let words: Vec<Word> = text::words(self.text, q.mark_end, limit).take(7).collect();
        let Some(v) = words.iter().position(|w| is_reporting(w.text)) else {
            return Attribution::None;
        };
        if !gap_ok(&self.text[q.mark_end..words[v].start]) {
            return Attribution::None;
        }
        let subject = if v == 0 {
            words.get(1)
        } else {
            words.get(v - 1)
        };
        if v <= 1 && subject.is_some_and(|w| is_he_she(w.text)) {
            Attribution::Pronoun
        } else {
            Attribution::Unnamed
        }
    }

    /// Whether a reporting verb follows `end` (past "also", "later", or an appositive:
    /// "Hale, the union’s negotiator, said").
    fn verb_follows(&self, end: usize, limit: usize) -> bool {
        let limit = text::floor_char_boundary(self.text, (end + 60).min(limit.max(end)));
        text::words(self.text, end, limit)
            .take(8)
            .find(|w| is_reporting(w.text))
            .is_some_and(|w| adjacent(&self.text[end..w.start]))
    }

    /// `X said, “...”`, `X said: “...”`, `X told reporters “...”`, `he said: “...”`, in the
    /// text `[from, q.mark_start)`.
    fn before(&self, q: &Marks, mentions: &[Named<'a>], from: usize) -> Attribution<'a> {
        if from >= q.mark_start {
            return Attribution::None;
        }
        let words: Vec<Word> = text::words(self.text, from, q.mark_start).collect();
        let tail = self.text[words.last().map_or(from, |w| w.end)..q.mark_start].trim();
        if !matches!(tail, "," | ":") {
            return Attribution::None;
        }
        let Some(v) = words
            .iter()
            .rposition(|w| is_reporting(w.text))
            .filter(|&v| words.len() - v - 1 <= 3)
        else {
            return Attribution::None;
        };
        let verb = words[v];
        let after_verb = &self.text[verb.end..q.mark_start];
        if after_verb.contains(['.', '!', '?', ';', '“', '”', '"']) {
            return Attribution::None;
        }
        // The subject right before the verb.
        let subject = starting_in(mentions, from, verb.start)
            .iter()
            .filter(|m| m.end <= verb.start)
            .rev()
            .find(|m| adjacent(&self.text[m.end..verb.start]));
        if let Some(m) = subject {
            return Attribution::Named(m.id);
        }
        if v > 0 && is_he_she(words[v - 1].text) {
            Attribution::Pronoun
        } else if v > 0 {
            Attribution::Unnamed
        } else {
            Attribution::None
        }
    }

    /// `according to X` in a sentence the quote touches, outside quotations.
    fn according_to(&self, q: &Marks, mentions: &[Named<'a>]) -> Option<&'a str> {
        let first = self.sentences.partition_point(|s| s.end <= q.mark_start);
        let last = self.sentences.partition_point(|s| s.start <= q.mark_end);
        for s in self.sentences[first..last.max(first)]
            .iter()
            .filter(|s| s.start <= q.mark_end && q.mark_start < s.end)
        {
            let lower = self.text[s.start..s.end].to_lowercase();
            // Lowercasing may change byte lengths; only use it when it does not.
            if lower.len() != s.end - s.start {
                continue;
            }
            for (i, _) in lower.match_indices("according to") {
                let at = s.start + i;
                if at >= q.start && at < q.end {
                    continue;
                }
                let after = at + "according to".len();
                let limit = (after + 40).min(s.end);
                if let Some(m) = starting_in(mentions, after, limit)
                    .iter()
                    .find(|m| m.start < limit && m.end <= s.end)
                    && gap_ok(&self.text[after..m.start])
                {
                    return Some(m.id);
                }
            }
        }
        None
    }

    /// The subject of the quote's sentence: the first name in `[from, q.mark_start)` followed
    /// within two words by a verb ("Ruiz warned", "Ruiz also urged").
    fn subject(&self, q: &Marks, mentions: &[Named<'a>], from: usize) -> Attribution<'a> {
        for m in starting_in(mentions, from, q.mark_start)
            .iter()
            .filter(|m| m.end <= q.mark_start)
        {
            let followed = text::words(self.text, m.end, q.mark_start)
                .take(2)
                .any(|w| is_verb(w.text));
            if followed {
                return Attribution::Named(m.id);
            }
        }
        let mut words = text::words(self.text, from, q.mark_start);
        if words.next().is_some_and(|w| is_he_she(w.text)) && words.take(2).any(|w| is_verb(w.text))
        {
            return Attribution::Pronoun;
        }
        Attribution::None
    }
}

/// The mentions (sorted by start) that start in `[from, to]`, found by binary search: scans
/// of all of them made long documents quadratic.
pub(super) fn starting_in<'m, 'a>(
    mentions: &'m [Named<'a>],
    from: usize,
    to: usize,
) -> &'m [Named<'a>] {
    let first = mentions.partition_point(|m| m.start < from);
    let last = mentions.partition_point(|m| m.start <= to);
    &mentions[first..last.max(first)]
}
