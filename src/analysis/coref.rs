//! Who "he", "she" and "the judge" are: people referred to by a pronoun or by their role.
//!
//! News names a person once in full, then writes "he", "his", "the judge" or "the Nordlys
//! CEO". Events and links need those references to know who acted, so each is resolved,
//! conservatively, to a person named nearby:
//!
//! - a pronoun outside quotation marks goes to the nearest person before it who may be meant
//!   (the sex of a given name or a courtesy title must agree where it is known); a pronoun
//!   opening its sentence prefers the subject of the sentence before;
//! - a role ("the judge", "a U.S. judge", "the former CEO") goes to the one person of the
//!   document whose role has that head word, and only when there is exactly one.
//!
//! References are kept apart from the names' mentions: they feed the analysis, and the
//! entities' mentions stay what the text names.

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analysis::entities::{Entities, mentions_by_document};
use crate::analysis::lexicon;
use crate::analysis::sentences::Sentence;
use crate::analysis::text;
use crate::corpus::Document;
use crate::story::EntityKind;

/// How many sentences back a pronoun may reach for its person.
const PRONOUN_REACH: usize = 2;

/// A reference to an entity (by index into [`Entities::entities`]) at `[start, end)`.
pub type Reference = (usize, usize, usize);

/// The references of every document, sorted by position.
#[derive(Debug, Default)]
pub struct References {
    by_doc: FxHashMap<String, Vec<Reference>>,
}

impl References {
    /// Every document's references, by document id.
    pub fn by_document(&self) -> impl Iterator<Item = (&str, &[Reference])> {
        self.by_doc.iter().map(|(d, r)| (d.as_str(), r.as_slice()))
    }

    /// References inside `[start, end)` of `doc`.
    pub fn within(&self, doc: &str, start: usize, end: usize) -> &[Reference] {
        let Some(all) = self.by_doc.get(doc) else {
            return &[];
        };
        let from = all.partition_point(|r| r.0 < start);
        let to = all.partition_point(|r| r.0 < end);
        &all[from..to]
    }
}

/// The sex a person's name or title tells: `'m'`, `'f'` or unknown.
fn sex_of(name: &str, roles: &[String]) -> Option<char> {
    let titled =
        roles.iter().find_map(
            |r| match r.trim_end_matches('.').to_ascii_lowercase().as_str() {
                "mr" | "sir" | "lord" | "king" | "prince" => Some('m'),
                "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" => Some('f'),
                _ => None,
            },
        );
    titled.or_else(|| lexicon::sex_of_given_name(name.split_whitespace().next()?))
}

/// The sex a pronoun refers to.
fn pronoun_sex(lower: &str) -> Option<char> {
    match lower {
        "he" | "him" | "his" | "himself" => Some('m'),
        "she" | "her" | "hers" | "herself" => Some('f'),
        _ => None,
    }
}

/// Resolves the pronouns and roles of every document's story sentences.
pub fn resolve(
    docs: &[Document],
    sentences: &HashMap<String, Vec<Sentence>>,
    entities: &Entities,
) -> References {
    let people: Vec<Option<Option<char>>> = entities
        .entities
        .iter()
        .map(|e| (e.kind == EntityKind::Person).then(|| sex_of(&e.name, &e.roles)))
        .collect();
    let mentions = mentions_by_document(&entities.entities, |i, _| i);
    let by_doc = docs
        .par_iter()
        .filter_map(|doc| {
            let named = mentions.get(doc.id.as_str()).map_or(&[][..], Vec::as_slice);
            let doc_sentences = sentences.get(&doc.id)?;
            let refs = resolve_document(doc, doc_sentences, named, &people, entities);
            (!refs.is_empty()).then(|| (doc.id.clone(), refs))
        })
        .collect();
    References { by_doc }
}

fn resolve_document(
    doc: &Document,
    sentences: &[Sentence],
    named: &[(usize, usize, usize)],
    people: &[Option<Option<char>>],
    entities: &Entities,
) -> Vec<Reference> {
    let text = &doc.text;
    let story: Vec<&Sentence> = sentences
        .iter()
        .filter(|s| s.section.feeds_story())
        .collect();
    let person_mentions: Vec<(usize, usize, usize)> = named
        .iter()
        .copied()
        .filter(|m| people[m.2].is_some())
        .collect();
    let roles = RoleIndex::new(&person_mentions, entities);
    let mut out = Vec::new();
    for (k, s) in story.iter().enumerate() {
        let in_sentence = |m: &&(usize, usize, usize)| m.0 >= s.start && m.1 <= s.end;
        let quotes = quoted_spans(&text[s.start..s.end], s.start);
        let mut first = true;
        for w in text::words(text, s.start, s.end) {
            let opens = std::mem::replace(&mut first, false);
            if quotes.iter().any(|q| q.0 <= w.start && w.end <= q.1) {
                continue;
            }
            let lower = w.text.to_ascii_lowercase();
            if let Some(sex) = pronoun_sex(&lower) {
                let compatible = |e: usize| people[e].is_some_and(|s| s.is_none_or(|s| s == sex));
                let before_here = person_mentions
                    .iter()
                    .filter(in_sentence)
                    .filter(|m| m.1 <= w.start && compatible(m.2))
                    .rfind(|m| !aside(text, s.start, m, w.start));
                let previous = || {
                    story[k.saturating_sub(PRONOUN_REACH)..k]
                        .iter()
                        .rev()
                        .find_map(|p| {
                            let inside: Vec<&(usize, usize, usize)> = person_mentions
                                .iter()
                                .filter(|m| m.0 >= p.start && m.1 <= p.end && compatible(m.2))
                                .collect();
                            // The subject: the first person the sentence names, when it
                            // opens the sentence; else no person is the subject, and the
                            // last one named is nearest.
                            let first = inside.first()?;
                            let opening =
                                text[p.start..first.0].split_whitespace().count() <= SUBJECT_WORDS;
                            if opening {
                                Some(*first)
                            } else {
                                inside.last().copied()
                            }
                        })
                };
                let found = if opens {
                    previous().or(before_here)
                } else {
                    before_here.or_else(previous)
                };
                if let Some(m) = found {
                    out.push((w.start, w.end, m.2));
                }
                continue;
            }
            if lexicon::is_role_head(&lower)
                && let Some(e) = roles.only_one(&lower)
                && refers_by_role(text, s.start, w.start)
                && !person_mentions
                    .iter()
                    .any(|m| m.0 <= w.end && w.end <= m.1 + 1 && m.0 >= w.start)
                && !names_follow(text, w.end, s.end)
            {
                out.push((w.start, w.end, e));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The most words before a sentence's first person for that person to be its subject
/// ("On Monday, Spain coach Ada Lund …"; not "The kiss prompted calls for Lund to …").
const SUBJECT_WORDS: usize = 6;

/// Whether a mention is out of a later pronoun's reach within its sentence: the agent of a
/// passive ("saved by Ingrid Sandvik") or inside an aside that closed before the pronoun ("the
/// veteran, who had a penalty saved by Sandvik, made her way").
fn aside(text: &str, sentence_start: usize, m: &(usize, usize, usize), pronoun: usize) -> bool {
    if text[sentence_start..m.0].ends_with("by ") {
        return true;
    }
    let before = &text[sentence_start..m.0];
    let opened = [", who ", ", which ", ", whose "]
        .iter()
        .filter_map(|o| before.rfind(o))
        .max();
    opened.is_some_and(|o| !before[o + 2..].contains(',') && text[m.1..pronoun].contains(','))
}

/// Whether the role word at `at` opens a noun phrase of its own ("the judge", "a U.S.
/// judge", "the former CEO"): an article before it, within a few words.
fn refers_by_role(text: &str, sentence_start: usize, at: usize) -> bool {
    let before = &text[sentence_start..at];
    let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    words
        .iter()
        .position(|w| matches!(w.to_ascii_lowercase().as_str(), "the" | "a" | "an"))
        .is_some_and(|i| {
            // Only modifiers between the article and the role: "the former", "a U.S.".
            words[..i].iter().all(|w| {
                let l = w.to_ascii_lowercase();
                w.chars().next().is_some_and(char::is_uppercase)
                    || lexicon::is_role_modifier(&l)
                    || matches!(l.as_str(), "new" | "ex" | "then" | "top" | "federal")
            })
        })
}

/// Whether a name follows the role at once ("the judge Tomas Berg"): then the role is the
/// name's, not a reference.
fn names_follow(text: &str, end: usize, limit: usize) -> bool {
    text[end..limit]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The spans of `sentence` inside quotation marks (offsets shifted by `offset`): what a quote
/// says with "he" is the speaker's, not the narrator's.
fn quoted_spans(sentence: &str, offset: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(i),
            ('”', Some(o)) => {
                out.push((offset + o, offset + i));
                open = None;
            }
            ('"', None) => open = Some(i),
            ('"', Some(o)) => {
                out.push((offset + o, offset + i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push((offset + o, offset + sentence.len()));
    }
    out
}

/// The people of a document by the head words of their roles.
struct RoleIndex {
    by_head: FxHashMap<String, Vec<usize>>,
}

impl RoleIndex {
    fn new(person_mentions: &[(usize, usize, usize)], entities: &Entities) -> Self {
        let mut by_head: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut seen: Vec<usize> = person_mentions.iter().map(|m| m.2).collect();
        seen.sort_unstable();
        seen.dedup();
        for e in seen {
            for role in &entities.entities[e].roles {
                for w in role.split_whitespace() {
                    let l = w
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_ascii_lowercase();
                    if lexicon::is_role_head(&l) {
                        let v = by_head.entry(l).or_default();
                        if !v.contains(&e) {
                            v.push(e);
                        }
                    }
                }
            }
        }
        RoleIndex { by_head }
    }

    fn only_one(&self, head: &str) -> Option<usize> {
        match self.by_head.get(head).map(Vec::as_slice) {
            Some([e]) => Some(*e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{entities, sentences};
    use crate::corpus;

    fn refs(text: &str) -> Vec<(String, String)> {
        let docs = corpus::load_in_memory(&[("a.txt", text.as_bytes())]).documents;
        let sents: HashMap<String, Vec<Sentence>> = docs
            .iter()
            .map(|d| (d.id.clone(), sentences::split(d)))
            .collect();
        let found = entities::extract(&docs, &sents);
        let r = resolve(&docs, &sents, &found);
        r.within(&docs[0].id, 0, text.len())
            .iter()
            .map(|&(s, e, x)| (text[s..e].to_string(), found.entities[x].name.clone()))
            .collect()
    }

    #[test]
    fn pronouns_go_to_the_person_they_can_mean() {
        let got = refs(
            "Vote Ends\n\nUnion leader Marta Lind met port chief Hendrik Bakker on Monday. He said the talks went well. Lind said she would recommend the deal. \"He is fair,\" she added.",
        );
        assert_eq!(
            got,
            [
                ("He".to_string(), "Hendrik Bakker".to_string()),
                ("she".to_string(), "Marta Lind".to_string()),
                ("she".to_string(), "Marta Lind".to_string()),
            ]
        );
    }

    #[test]
    fn a_pronoun_opening_a_sentence_goes_to_the_subject_before_or_else_the_nearest() {
        let got = refs(
            "Board Shake-Up\n\nHarbour chief Tomas Berg thanked Henrik Dahl on Monday. He said the port was safe. The vote prompted a shake-up, with the council pushing for Berg to resign and the board removing Henrik Dahl from his post. He was replaced by Ola Moe.",
        );
        let he: Vec<&str> = got
            .iter()
            .filter(|(w, _)| w == "He")
            .map(|(_, n)| n.as_str())
            .collect();
        assert_eq!(he, ["Tomas Berg", "Henrik Dahl"], "{got:?}");
    }

    #[test]
    fn a_role_goes_to_the_only_person_who_holds_it() {
        let got = refs(
            "Bail Tightened\n\nProsecutors asked U.S. District Judge Tomas Berg to act. A U.S. judge on Monday set new bail terms for Omar Ortiz, the judge said.",
        );
        assert_eq!(
            got,
            [
                ("judge".to_string(), "Tomas Berg".to_string()),
                ("judge".to_string(), "Tomas Berg".to_string()),
            ]
        );
    }
}
