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
//!
//! The stage in files: `marks` pairs the quotation marks, `attribution` finds who speaks.

mod attribution;
mod marks;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::analysis::sentences::{self, Sentence};
use crate::analysis::text;
use crate::corpus::Document;
use crate::story::{Entity, EntityKind, Quote};

use self::attribution::Attribution;
use self::marks::Marks;

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
        let mentions: Vec<Named> = attribution::starting_in(self.mentions, start, end)
            .iter()
            .copied()
            .filter(|m| m.end <= end)
            .filter(|m| {
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

    /// The sentence containing byte `at`.
    fn sentence_at(&self, at: usize) -> Option<&'a Sentence> {
        let first = self.sentences.partition_point(|s| s.end <= at);
        self.sentences[first..]
            .iter()
            .take_while(|s| s.start <= at)
            .find(|s| at < s.end)
    }
}
