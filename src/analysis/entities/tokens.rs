//! The words of sentences as name finding sees them: possessives cut off, split once per
//! document and kept packed, and the tests of single words (capitalized, acronym, connector).

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::analysis::lexicon;
use crate::analysis::sentences::Sentence;
use crate::analysis::text;
use crate::corpus::{Document, SectionKind};

/// A word of a sentence: its span with any possessive ("Lund’s") cut off.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    /// Ended by a possessive, so no name runs on past it.
    pub(super) possessive: bool,
}

pub(super) fn tokens(text: &str, start: usize, end: usize) -> impl Iterator<Item = Tok<'_>> {
    text::words(text, start, end).map(|w| tok_of_word(text, w))
}

fn tok_of_word<'a>(text: &'a str, w: text::Word<'a>) -> Tok<'a> {
    // Every possessive ends in "s", "'" or "’" (whose last byte is 0x99): other words skip
    // the suffix tests.
    if matches!(w.text.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        for suffix in ["’s", "'s", "’", "'"] {
            if let Some(stem) = w.text.strip_suffix(suffix)
                && !stem.is_empty()
            {
                return Tok {
                    start: w.start,
                    end: w.start + stem.len(),
                    text: stem,
                    possessive: true,
                };
            }
        }
    }
    // "U.S." keeps its last dot, which the word splitter leaves out, and so do an initial
    // ("Per T. Dahl") and "St." in a name ("Rina St. Clair Okafor").
    let dotted = text.as_bytes().get(w.end) == Some(&b'.')
        && (w.text.contains('.') || is_initial(w.text) || w.text == "St");
    let end = w.end + usize::from(dotted);
    Tok {
        start: w.start,
        end,
        text: &text[w.start..end],
        possessive: false,
    }
}

/// The words of a document's body sentences, split once and read three times (the
/// lower-case vocabulary, discovery, matching): splitting was a tenth of the analysis.
/// Stored packed, without the text they borrow, so a large corpus's words fit in memory.
#[derive(Default)]
pub(super) struct BodyWords {
    toks: Vec<PackedTok>,
    /// Per sentence of the document, its words' range in `toks`; `None` outside the body.
    ranges: Vec<Option<(u32, u32)>>,
}

/// A [`Tok`] without its text. Offsets fit in 32 bits: no document is over 1 GiB
/// ([`crate::corpus::read::MAX_COLLECTION_BYTES`]).
#[derive(Clone, Copy)]
struct PackedTok {
    start: u32,
    end: u32,
    possessive: bool,
}

impl BodyWords {
    /// Fills `out` with the words of sentence `k` of the document (`text`); false if it is
    /// not a body sentence.
    pub(super) fn sentence<'a>(&self, text: &'a str, k: usize, out: &mut Vec<Tok<'a>>) -> bool {
        let Some(&Some((a, b))) = self.ranges.get(k) else {
            return false;
        };
        out.clear();
        out.extend(self.toks[a as usize..b as usize].iter().map(|t| Tok {
            start: t.start as usize,
            end: t.end as usize,
            text: &text[t.start as usize..t.end as usize],
            possessive: t.possessive,
        }));
        true
    }
}

/// Splits every document's body sentences into words once, and gathers every word the
/// corpus writes in lower case: a capitalized sentence opener in that set is an ordinary
/// word, not a name.
pub(super) fn split_body_words<'a>(
    docs: &'a [Document],
    sentences: &HashMap<String, Vec<Sentence>>,
) -> (Vec<BodyWords>, FxHashSet<&'a str>) {
    // FxHash: every lower-case word of the corpus is looked up in the vocabulary, which
    // borrows its words from the documents instead of copying each new one.
    let (words, vocab) = docs
        .par_iter()
        .fold(
            || (Vec::new(), FxHashSet::default()),
            |(mut words, mut vocab): (Vec<BodyWords>, FxHashSet<&'a str>), doc| {
                let mut split = BodyWords::default();
                for s in sentences.get(&doc.id).into_iter().flatten() {
                    if s.section != SectionKind::Body {
                        split.ranges.push(None);
                        continue;
                    }
                    let from = split.toks.len() as u32;
                    for w in text::words(&doc.text, s.start, s.end) {
                        if w.text.chars().next().is_some_and(char::is_lowercase)
                            && !vocab.contains(w.text)
                        {
                            vocab.insert(w.text);
                        }
                        let t = tok_of_word(&doc.text, w);
                        split.toks.push(PackedTok {
                            start: t.start as u32,
                            end: t.end as u32,
                            possessive: t.possessive,
                        });
                    }
                    split.ranges.push(Some((from, split.toks.len() as u32)));
                }
                words.push(split);
                (words, vocab)
            },
        )
        // Rayon reduces neighbouring parts left to right, so documents stay in order.
        .reduce(
            || (Vec::new(), FxHashSet::default()),
            |(mut words, mut vocab), (more, other)| {
                words.extend(more);
                vocab.extend(other);
                (words, vocab)
            },
        );
    (words, vocab)
}

/// A single capital letter: an initial of a name.
pub(super) fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

pub(super) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "NATO", "U.S.", "OSCE": two or more capitals (dots allowed) and nothing else.
pub(super) fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| *c != '.') {
        if !c.is_ascii_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// A word built of two capitalized parts, as brands and products are written ("LibreOffice",
/// "OceanGate", "YouTube"); not a surname with a prefix ("McCarthy", "DeSantis", "MacKenzie",
/// "FitzGerald") or two given names run together ("MaryAnn").
pub(super) fn is_brand_word(word: &str) -> bool {
    let mut previous_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && previous_lower {
            let prefix = &word[..i];
            return prefix.chars().count() >= 3
                && !matches!(
                    prefix,
                    "Mac" | "Fitz" | "Van" | "Von" | "Del" | "Des" | "Dos"
                )
                && !lexicon::is_given_name(prefix);
        }
        previous_lower = c.is_lowercase();
    }
    false
}

pub(super) fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "and" | "in" | "on" | "&") || lexicon::is_name_particle(word)
}

/// Titles written with a dot ("Mr. Smith", "Sen. Jones") do not end a run of name words.
pub(super) fn is_title_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Sen" | "Rep" | "Gov" | "Gen" | "Lt" | "Col" | "Capt" | "Prof"
    )
}

/// Whether the text between two words lets a name run on: a single space, or the dot of a
/// title abbreviation.
pub(super) fn joins(text: &str, a: &Tok, b: &Tok) -> bool {
    if a.possessive {
        return false;
    }
    let gap = &text[a.end..b.start];
    gap == " " || (gap == ". " && is_title_abbreviation(a.text))
}
