//! Reading articles into [`Document`]s and splitting each text into sections.
//!
//! Reading never fails as a whole: each bad file becomes a [`LoadWarning`] naming the file and
//! the problem, and every good file still loads.

use serde::{Deserialize, Serialize};

/// Where a document's reference date (the date its relative expressions are resolved against)
/// came from.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// The folder's `corpus.json` manifest.
    Manifest,
    /// A field of a JSON/JSONL record or HTML metadata.
    Metadata,
    /// A dateline or "Published ..." line in the text.
    Dateline,
    /// Inferred from the dates the text itself mentions: approximate.
    Text,
    /// Guessed from the dates of the other articles of the corpus, for an article that gives
    /// none: approximate, so only days and months written without a year are dated by it.
    Corpus,
    /// Matched with dated reports of the same happening in the corpus's other articles ("late
    /// Friday" beside another's "the Jan. 5 collapse"): right to a day or two.
    Anchored,
    /// Set by the user in the app.
    User,
    /// No date could be found: relative expressions stay unresolved.
    #[default]
    None,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Headline,
    Body,
    Caption,
    Boilerplate,
    Comments,
}

impl DateBasis {
    /// Whether the date is the day the article was written, not a guess near it.
    pub fn is_exact(self) -> bool {
        !matches!(self, DateBasis::Text | DateBasis::Corpus)
    }
}

impl SectionKind {
    /// Only headline and body feed the story; the rest stays visible in the source view.
    pub fn feeds_story(self) -> bool {
        matches!(self, SectionKind::Headline | SectionKind::Body)
    }
}

/// A byte range `[start, end)` of a document's text and what kind of text it is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Section {
    pub start: usize,
    pub end: usize,
    pub kind: SectionKind,
}

/// One article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Document {
    pub id: String,
    /// Path relative to the folder it was found in (or the file name).
    pub file: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Reference date (ISO 8601 `YYYY-MM-DD`), the basis of relative dates.
    pub published: Option<String>,
    #[serde(default)]
    pub published_basis: DateBasis,
    pub text: String,
    pub sections: Vec<Section>,
    /// Author, language and where each metadata field came from (extra export fields).
    #[serde(flatten, default)]
    pub about: About,
}

/// What a document says about itself beyond the fixed export fields: who wrote it, its
/// language, and which part of the file gave each metadata field. Serialized flat into the
/// document (`"author"`, `"language"`, `"metadata_from"`); absent fields are left out, so exports
/// of plain-text corpora do not change.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct About {
    /// The byline's author: kept out of the headline and body, so never a person of the story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The language the text is written in, an ISO 639-3 code (`"eng"`, `"fra"`) when detected
    /// from the text, else the page's own `lang` tag as written (`"fr-FR"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Which source gave each metadata field.
    #[serde(default, skip_serializing_if = "Sources::is_empty")]
    pub metadata_from: Sources,
}

impl About {
    /// Whether the analysis can read the document: English, or a language nobody could tell.
    pub fn reads_english(&self) -> bool {
        self.language
            .as_deref()
            .is_none_or(|l| language::is_english_code(l) || !language::is_detected_code(l))
    }
}

/// Where each metadata field came from, e.g. `"og:title"`, `"json-ld headline"`, `"<title>"`,
/// `"manifest"`, `"text"`. The published date's origin stays in [`Document::published_basis`];
/// `published` here names the exact field.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Sources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Sources {
    pub fn is_empty(&self) -> bool {
        *self == Sources::default()
    }
}

#[cfg(test)]
impl Document {
    /// A document for unit tests: `text` split into `sections`, with no metadata.
    pub(crate) fn for_test(id: &str, text: &str, sections: Vec<Section>) -> Self {
        Document {
            id: id.into(),
            file: format!("{id}.txt"),
            title: None,
            outlet: None,
            url: None,
            published: None,
            published_basis: DateBasis::None,
            text: text.into(),
            sections,
            about: About::default(),
        }
    }

    /// [`Document::for_test`] with the whole text as body.
    pub(crate) fn body_for_test(id: &str, text: &str) -> Self {
        let body = Section {
            start: 0,
            end: text.len(),
            kind: SectionKind::Body,
        };
        Document::for_test(id, text, vec![body])
    }
}

/// The documents read from a set of paths, plus what could not be read.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<LoadWarning>,
}

/// Reads files and folders (recursively) into a corpus. Never fails: missing, unreadable,
/// binary or malformed files become warnings naming the file and the problem, and the good ones
/// still load. Each real file and folder is read once, however many paths or links lead to it.
pub fn load_paths<P: AsRef<std::path::Path>>(paths: &[P]) -> Corpus {
    load_paths_with(paths, &crate::progress::Progress::new()).unwrap_or_default()
}

/// [`load_paths`], counting files read into `progress` and stopping (`None`) when it is
/// cancelled.
pub fn load_paths_with<P: AsRef<std::path::Path>>(
    paths: &[P],
    progress: &crate::progress::Progress,
) -> Option<Corpus> {
    let mut corpus = Corpus::default();
    let mut seen = walk::Seen::default();
    for path in paths {
        let folders = walk::collect(path.as_ref(), &mut seen, &mut corpus.warnings, progress);
        if progress.is_cancelled() {
            return None;
        }
        build::add_folders(&folders, &mut corpus);
    }
    build::number(&mut corpus);
    Some(corpus)
}

/// Reads a set of in-memory files as if they were one folder (a `corpus.json` among them is
/// the manifest). The built-in sample is loaded this way.
pub fn load_in_memory(files: &[(&str, &[u8])]) -> Corpus {
    let mut corpus = Corpus::default();
    let mut sorted: Vec<&(&str, &[u8])> = files.iter().collect();
    sorted.sort_by_key(|(name, _)| *name);
    let folder = read::Folder {
        files: sorted
            .into_iter()
            .map(|(name, bytes)| read::File {
                display: name.to_string(),
                relative: name.to_string(),
                bytes: bytes.to_vec(),
            })
            .collect(),
        single_file: false,
    };
    build::add_folders(&[folder], &mut corpus);
    build::number(&mut corpus);
    corpus
}

mod build;
pub(crate) mod dates;
mod decode;
mod formats;
pub(crate) mod language;
mod manifest;
mod problem;
mod read;
mod walk;
pub use problem::{LoadProblem, LoadWarning};
pub use read::ARTICLE_EXTENSIONS;
pub mod sections;
mod title;
