//! People, organizations and places, with aliases merged within and across documents and the
//! roles the text gives them.
//!
//! Two passes over the headline and body sentences (captions, credits, teasers and comments
//! never name anyone in the story):
//!
//! 1. **Discovery**, in body sentences only (headline case capitalizes every word): runs of
//!    capitalized words are cut into a role and a name ("US Deputy Secretary of State" +
//!    "Mira Sandvik") and classified by what the text offers — the gazetteer, an
//!    organization or place head word ("Council", "Peninsula"), a role before or after the
//!    name, a given name, a verb of saying ("Okafor said"), "the X". A sentence-initial word the
//!    corpus also writes in lower case is not a name.
//! 2. **Mentions**: every known name, alias and surname is then matched word by word in all
//!    story sentences, headlines included ("Lund Warns Berg"). A surname shared by two people
//!    goes to the one last named in full in that document, so namesakes stay apart.
//!
//! Aliases merge by rule: a person's surname and full names with the same first and last name;
//! an organization and its acronym ("(OSCE)", or initials that spell an acronym the corpus
//! uses); a place and its other names ("Kiev" = "Kyiv").
//!
//! The stage in files: `tokens` splits sentences into words, `discover` finds and classifies
//! names (with `roles` reading the roles around them), `table` groups them into entities
//! (`merge` folds aliases together) and `mentions` matches them back into the text;
//! `affiliations` reads which organizations and places people's roles name.

mod affiliations;
mod cues;
mod discover;
mod mentions;
mod merge;
mod people;
mod roles;
mod table;
#[cfg(test)]
mod tests;
mod tokens;

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analysis::sentences::Sentence;
use crate::corpus::Document;
use crate::story::{Entity, Mention};

pub use self::people::surname;

use self::discover::{Find, discover};
use self::table::Table;
use self::tokens::{BodyWords, split_body_words, tokens};

/// A person acting for an organization or place ("Sandvik → State Department").
#[derive(Debug, Clone, PartialEq)]
pub struct Affiliation {
    pub person: String,
    pub org: String,
    /// Short label, e.g. the role that gave it away ("Deputy Foreign Minister").
    pub label: String,
    pub evidence: Mention,
}

/// What entity extraction found in a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    pub entities: Vec<Entity>,
    pub affiliations: Vec<Affiliation>,
}

/// Extracts entities from the story-feeding sentences (headline and body) of `docs`.
/// `sentences` maps a document id to its sentences.
pub fn extract(docs: &[Document], sentences: &HashMap<String, Vec<Sentence>>) -> Entities {
    discover_names(docs, sentences).into_entities()
}

/// The names written in a corpus, found but not yet grouped into entities: the first,
/// wholly parallel half of [`extract`]. The second ([`Discovered::into_entities`]) starts
/// with a serial step, beside which the caller can run other work.
pub struct Discovered<'a> {
    docs: &'a [Document],
    sentences: &'a HashMap<String, Vec<Sentence>>,
    body_words: Vec<BodyWords>,
    finds_by_doc: Vec<Vec<Find<'a>>>,
}

/// Finds the names of `docs` (in parallel; kept in document order, so the entities and their
/// numbering are the same on every run).
pub fn discover_names<'a>(
    docs: &'a [Document],
    sentences: &'a HashMap<String, Vec<Sentence>>,
) -> Discovered<'a> {
    let (body_words, lower_vocab) = split_body_words(docs, sentences);
    // Kept per document: collected in place by all cores, not appended into one vector.
    let finds_by_doc: Vec<Vec<Find>> = docs
        .par_iter()
        .zip(&body_words)
        .map(|(doc, words)| {
            let mut out = Vec::new();
            let mut toks = Vec::new();
            for (k, s) in sentences.get(&doc.id).into_iter().flatten().enumerate() {
                if words.sentence(&doc.text, k, &mut toks) {
                    discover(doc, s, &toks, &lower_vocab, &mut out);
                }
            }
            out
        })
        .collect();
    Discovered {
        docs,
        sentences,
        body_words,
        finds_by_doc,
    }
}

impl Discovered<'_> {
    /// Groups the names into entities (serially), then finds every mention of them (in
    /// parallel).
    pub fn into_entities(self) -> Entities {
        let Discovered {
            docs,
            sentences,
            body_words,
            finds_by_doc,
        } = self;
        let finds: Vec<&Find> = finds_by_doc.iter().flatten().collect();
        let mut table = Table::build(&finds);
        let matched: Vec<Vec<(usize, usize, usize)>> = docs
            .par_iter()
            .zip(body_words)
            .map(|(doc, words)| {
                let mut last_full = FxHashMap::default();
                let mut out = Vec::new();
                let mut toks = Vec::new();
                for (k, s) in sentences.get(&doc.id).into_iter().flatten().enumerate() {
                    if !s.section.feeds_story() {
                        continue;
                    }
                    // Headlines are not in the body's split.
                    if !words.sentence(&doc.text, k, &mut toks) {
                        toks.clear();
                        toks.extend(tokens(&doc.text, s.start, s.end));
                    }
                    table.match_mentions(doc, s, &toks, &mut last_full, &mut out);
                }
                out
            })
            .collect();
        for (doc, found) in docs.iter().zip(matched) {
            for (e, start, end) in found {
                table.add_mention(doc, e, start, end);
            }
        }
        drop(finds);
        let entities = table.finish();
        // Thousands of small strings, freed on every core.
        finds_by_doc.into_par_iter().for_each(drop);
        entities
    }
}

/// Every mention of `entities` grouped by document and sorted by position, each tagged by
/// `tag(index, entity)`: the index the later stages look names up in. Sorted on all cores.
pub(crate) fn mentions_by_document<'a, T>(
    entities: &'a [Entity],
    tag: impl Fn(usize, &'a Entity) -> T,
) -> FxHashMap<&'a str, Vec<(usize, usize, T)>>
where
    T: Ord + Send,
{
    let mut by_doc: FxHashMap<&'a str, Vec<(usize, usize, T)>> = FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            by_doc
                .entry(m.doc.as_str())
                .or_default()
                .push((m.start, m.end, tag(i, e)));
        }
    }
    by_doc.par_iter_mut().for_each(|(_, v)| v.sort_unstable());
    by_doc
}
