//! Direct and partial quotations, and who said them.

use std::collections::HashMap;

use crate::analysis::sentences::Sentence;
use crate::corpus::Document;
use crate::story::{Entity, Quote};

/// Finds quotations in the story-feeding sentences and attributes them to `entities`.
pub fn extract(
    docs: &[Document],
    sentences: &HashMap<String, Vec<Sentence>>,
    entities: &[Entity],
) -> Vec<Quote> {
    let _ = (docs, sentences, entities);
    Vec::new()
}
