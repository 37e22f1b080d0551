//! People, organizations and places, with aliases merged within and across documents and the
//! roles the text gives them.

use std::collections::HashMap;

use crate::analysis::sentences::Sentence;
use crate::corpus::Document;
use crate::story::{Entity, Mention};

/// A person acting for an organization or place ("Sherman → State Department").
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
    let _ = (docs, sentences);
    Entities::default()
}
