//! Direct and partial quotations, and who said them.
//!
//! Quotations are pairs of straight (`"..."`) or curly (`“...”`) double quotes within one
//! paragraph of a headline or body section; unmatched marks are ignored, and so are quotes of
//! fewer than two words (scare quotes). The speaker is a person or organization named close to
//! the quote, tried in this order:
//!
//! 1. right after it: `“...,” X said`, `“...,” said X`, `“...” the union told reporters`;
//! 2. before it in its sentence: `X said, “...”`, `X said: “...”`, `X told reporters “...”`;
//! 3. `according to X` in its sentence;
//! 4. the subject of its sentence: the first name followed (within two words) by a verb, as in
//!    `X warned Y of “serious costs”`.
//!
//! A quote with no attribution of its own inherits the speaker of the previous quote in its
//! paragraph (`“A,” X said. “B.”`), and so does one attributed to "he" or "she"; one attributed
//! to someone unnamed ("the official said") has no speaker. Quotes without a speaker are dropped.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::analysis::sentences::{self, Sentence};
use crate::analysis::text::{self, Word};
use crate::corpus::Document;
use crate::story::{Entity, EntityKind, Quote};

/// Finds quotations in the story-feeding sentences and attributes them to `entities`.
pub fn extract(
    docs: &[Document],
    sentences: &HashMap<String, Vec<Sentence>>,
    entities: &[Entity],
) -> Vec<Quote> {
    let mut by_doc: rustc_hash::FxHashMap<&str, Vec<Named>> = Default::default();
    for e in entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
    {
        for m in &e.mentions {
            by_doc.entry(m.doc.as_str()).or_default().push(Named {
                start: m.start,
                end: m.end,
                id: e.id.as_str(),
            });
        }
    }
    for v in by_doc.values_mut() {
        v.sort_by_key(|m| (m.start, m.end));
    }
    // Documents are read in parallel; quotes come out in document order.
    docs.par_iter()
        .flat_map_iter(|doc| {
            let owned;
            let sents: &[Sentence] = match sentences.get(&doc.id) {
                Some(s) => s,
                None => {
                    owned = sentences::split(doc);
                    &owned
                }
            };
            let ctx = Ctx {
                text: &doc.text,
                sentences: sents,
                mentions: by_doc.get(doc.id.as_str()).map_or(&[], Vec::as_slice),
            };
            let mut found = Vec::new();
            for section in doc.sections.iter().filter(|s| s.kind.feeds_story()) {
                let start = text::floor_char_boundary(&doc.text, section.start);
                let end = text::floor_char_boundary(&doc.text, section.end);
                let mut line_start = start;
                for line in doc.text[start..end].split_inclusive('\n') {
                    let line_end = line_start + line.len();
                    ctx.paragraph(line_start, line_end, &mut found);
                    line_start = line_end;
                }
            }
            found.sort_by_key(|(start, _, _)| *start);
            found
                .into_iter()
                .map(|(start, end, speaker)| Quote {
                    speaker: speaker.to_string(),
                    doc: doc.id.clone(),
                    start,
                    end,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A mention of a person or organization.
#[derive(Debug, Clone, Copy)]
struct Named<'a> {
    start: usize,
    end: usize,
    id: &'a str,
}

/// A pair of quote marks: `[mark_start, mark_end)` with the marks, `[start, end)` inside them.
#[derive(Debug, Clone, Copy)]
struct Marks {
    mark_start: usize,
    start: usize,
    end: usize,
    mark_end: usize,
}

/// What a quote's context says about its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attribution<'a> {
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

struct Ctx<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    mentions: &'a [Named<'a>],
}

impl<'a> Ctx<'a> {
    /// The attributed quotes of the paragraph `[start, end)`, pushed as `(start, end, speaker)`.
    fn paragraph(&self, start: usize, end: usize, out: &mut Vec<(usize, usize, &'a str)>) {
        let all = self.marks(start, end);
        let quotes: Vec<Marks> = all
            .iter()
            .copied()
            .filter(|q| text::words(self.text, q.start, q.end).count() >= 2)
            .collect();
        // Names inside quotations do not speak. Mentions and marks are in text order, so
        // both are found by binary search: scans made long documents quadratic.
        let mentions: Vec<Named> = starting_in(self.mentions, start, end)
            .iter()
            .copied()
            .filter(|m| m.end <= end)
            .filter(|m| {
                if all.is_empty() {
                    return true;
                }
                let q = all.partition_point(|q| q.end <= m.start);
                all.get(q).is_none_or(|q| q.start >= m.end)
            })
            .collect();
        let mut previous: Option<&'a str> = None;
        for (i, q) in quotes.iter().enumerate() {
            let prev_end = if i > 0 { quotes[i - 1].mark_end } else { start };
            let next_start = quotes.get(i + 1).map_or(end, |n| n.mark_start);
            let attribution = self.attribute(q, &mentions, prev_end, next_start);
            let speaker = match attribution {
                Attribution::Named(id) => Some(id),
                Attribution::Pronoun | Attribution::None => previous,
                Attribution::Unnamed => None,
            };
            previous = speaker;
            if let Some(id) = speaker {
                out.push((q.start, q.end, id));
            }
        }
    }

    /// Pairs of double quote marks in `[start, end)`.
    fn marks(&self, start: usize, end: usize) -> Vec<Marks> {
        let mut out = Vec::new();
        let mut open: Option<(usize, char)> = None;
        for (i, c) in self.text[start..end].char_indices() {
            let at = start + i;
            let close = match (c, open) {
                ('“', _) => {
                    open = Some((at, c));
                    None
                }
                ('”', Some((o, '“'))) => Some(o),
                ('"', None) => {
                    open = Some((at, c));
                    None
                }
                ('"', Some((o, '"'))) => Some(o),
                _ => None,
            };
            if let Some(o) = close {
                open = None;
                let inner_start = o + self.text[o..].chars().next().map_or(1, char::len_utf8);
                let inner = &self.text[inner_start..at];
                let lead = inner.len() - inner.trim_start().len();
                out.push(Marks {
                    mark_start: o,
                    start: inner_start + lead,
                    end: inner_start + inner.trim_end().len(),
                    mark_end: at + c.len_utf8(),
                });
            }
        }
        out.retain(|q| q.start < q.end);
        out
    }

    fn attribute(
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

    /// The sentence containing byte `at`.
    fn sentence_at(&self, at: usize) -> Option<&'a Sentence> {
        let first = self.sentences.partition_point(|s| s.end <= at);
        self.sentences[first..]
            .iter()
            .take_while(|s| s.start <= at)
            .find(|s| at < s.end)
    }
}

/// The mentions (sorted by start) that start in `[from, to]`, found by binary search.
fn starting_in<'m, 'a>(mentions: &'m [Named<'a>], from: usize, to: usize) -> &'m [Named<'a>] {
    let first = mentions.partition_point(|m| m.start < from);
    let last = mentions.partition_point(|m| m.start <= to);
    &mentions[first..last.max(first)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Section, SectionKind};
    use crate::story::Mention;

    fn doc(id: &str, text: &str) -> Document {
        Document::body_for_test(id, text)
    }

    fn entity(id: &str, kind: EntityKind, docs: &[&Document], surfaces: &[&str]) -> Entity {
        let mut mentions = Vec::new();
        for d in docs {
            for s in surfaces {
                for (i, _) in d.text.match_indices(s) {
                    mentions.push(Mention {
                        doc: d.id.clone(),
                        start: i,
                        end: i + s.len(),
                    });
                }
            }
        }
        Entity {
            id: id.into(),
            kind,
            name: surfaces[0].into(),
            aliases: vec![],
            roles: vec![],
            mentions,
        }
    }

    /// Runs extraction on `docs` with the mayor (Ana Ruiz), the union leader (Tom Hale), the
    /// Dockworkers Union and the town of Rivertown; returns `(speaker, quoted text)`.
    fn run(docs: &[Document]) -> Vec<(String, String)> {
        let refs: Vec<&Document> = docs.iter().collect();
        let entities = vec![
            entity("ruiz", EntityKind::Person, &refs, &["Ana Ruiz", "Ruiz"]),
            entity("hale", EntityKind::Person, &refs, &["Tom Hale", "Hale"]),
            entity(
                "union",
                EntityKind::Organization,
                &refs,
                &["Dockworkers Union"],
            ),
            entity("town", EntityKind::Place, &refs, &["Rivertown"]),
        ];
        // Drop the short-name mentions that lie inside full-name ones.
        let entities: Vec<Entity> = entities
            .into_iter()
            .map(|mut e| {
                let all = e.mentions.clone();
                e.mentions.retain(|m| {
                    !all.iter().any(|o| {
                        o.doc == m.doc
                            && o.start <= m.start
                            && m.end <= o.end
                            && (o.start, o.end) != (m.start, m.end)
                    })
                });
                e.mentions.sort();
                e
            })
            .collect();
        let sentences: HashMap<String, Vec<Sentence>> = docs
            .iter()
            .map(|d| (d.id.clone(), sentences::split(d)))
            .collect();
        let quotes = extract(docs, &sentences, &entities);
        quotes
            .iter()
            .map(|q| {
                let d = docs.iter().find(|d| d.id == q.doc).unwrap();
                (q.speaker.clone(), d.text[q.start..q.end].to_string())
            })
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        let text = "“The port will reopen on Monday,” Mayor Ana Ruiz said.\n\
                    \"We are not done yet,\" said union leader Tom Hale.\n\
                    “Members will vote,” the Dockworkers Union told reporters on Friday.\n\
                    “No deal is final,” Hale, the union’s chief negotiator, added.";
        assert_eq!(
            run(&[doc("d1", text)]),
            pairs(&[
                ("ruiz", "The port will reopen on Monday,"),
                ("hale", "We are not done yet,"),
                ("union", "Members will vote,"),
                ("hale", "No deal is final,"),
            ])
        );
    }

    #[test]
    fn appositives_questions_and_addressees() {
        let text = "“Who pays for this?” asked Ruiz.\n\
                    Hale, the union’s chief negotiator, said: “We want it in writing.”\n\
                    “Sign it today,” Ruiz told Hale.";
        assert_eq!(
            run(&[doc("d1", text)]),
            pairs(&[
                ("ruiz", "Who pays for this?"),
                ("hale", "We want it in writing."),
                ("ruiz", "Sign it today,"),
            ])
        );
    }

    #[test]
    fn speaker_before_the_quote() {
        let text = "Ruiz said, “The city has made its last offer.”\n\
                    Tom Hale said: “That offer is an insult to every worker.”\n\
                    Hale told reporters “we will picket all week.”";
        assert_eq!(
            run(&[doc("d1", text)]),
            pairs(&[
                ("ruiz", "The city has made its last offer."),
                ("hale", "That offer is an insult to every worker."),
                ("hale", "we will picket all week."),
            ])
        );
    }

    #[test]
    fn partial_quotes_take_the_sentence_subject() {
        let text = "Ruiz warned Hale of “serious costs” if the strike went on. \
                    Later Hale also urged the council to reject what he called “a cynical offer” \
                    from Rivertown.";
        assert_eq!(
            run(&[doc("d1", text)]),
            pairs(&[("ruiz", "serious costs"), ("hale", "a cynical offer")])
        );
    }

    #[test]
    fn according_to() {
        let text = "The talks were “close to collapse” on Thursday, according to Tom Hale.";
        assert_eq!(
            run(&[doc("d1", text)]),
            pairs(&[("hale", "close to collapse")])
        );
    }

    #[test]
    fn split_quotes_and_pronouns_inherit_the_speaker() {
        let text = "“We asked for a fair wage,” Hale said. “We got a lecture instead.” \
                    “It is shameful,” he added.\n\
                    “The budget is balanced,” the city official said. “Nobody is being punished.”\n\
                    “Talks go on,” she said.";
        assert_eq!(
            run(&[doc("d1", text)]),
            pairs(&[
                ("hale", "We asked for a fair wage,"),
                ("hale", "We got a lecture instead."),
                ("hale", "It is shameful,"),
            ])
        );
    }

    #[test]
    fn unnamed_speaker_breaks_the_chain() {
        let text = "“The strike is over,” Ruiz said. “Everyone returns Monday,” a spokesperson \
                    said. “The harbor opens at dawn.”";
        assert_eq!(
            run(&[doc("d1", text)]),
            pairs(&[("ruiz", "The strike is over,")])
        );
    }

    #[test]
    fn scare_quotes_captions_and_unmatched_marks_are_ignored() {
        let text = "Ruiz called the plan a “compromise” on Tuesday.\n\
                    Photo: Hale said “we will win this fight” at the rally\n\
                    Hale said the offer was “a start. More rallies are planned.";
        let mut d = doc("d1", text);
        let caption = text.find("Photo").unwrap();
        let last = text.rfind("Hale said").unwrap();
        d.sections = vec![
            Section {
                start: 0,
                end: caption,
                kind: SectionKind::Body,
            },
            Section {
                start: caption,
                end: last,
                kind: SectionKind::Caption,
            },
            Section {
                start: last,
                end: text.len(),
                kind: SectionKind::Body,
            },
        ];
        assert!(run(&[d]).is_empty());
    }

    #[test]
    fn quotes_without_a_named_speaker_are_dropped_and_order_follows_documents() {
        let a = doc(
            "a",
            "“Nobody told us anything,” one docker said.\n\
             “Pay us what we are owed,” Hale told the crowd.",
        );
        let b = doc(
            "b",
            "Ruiz said: “I respect the workers.” Hale replied, “Then pay them.”",
        );
        assert_eq!(
            run(&[b, a]),
            pairs(&[
                ("ruiz", "I respect the workers."),
                ("hale", "Then pay them."),
                ("hale", "Pay us what we are owed,"),
            ])
        );
    }
}
