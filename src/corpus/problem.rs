//! What can go wrong while loading, as a kind a program can match on beside a message a person
//! can read: tests and scripts ask *what* went wrong, never how it was worded.

use serde::{Deserialize, Serialize};

/// The kind of problem a [`LoadWarning`] reports.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum LoadProblem {
    /// No such file or folder, or it vanished between being listed and being read.
    NotFound,
    /// The system refused access.
    Permission,
    /// Another error of the system while reading or listing.
    Unreadable,
    /// A named pipe, socket or device: never opened (a pipe would block the load).
    NotAFile,
    /// Bigger than one article (or one collection) may be.
    TooLarge,
    /// Not text at all.
    Binary,
    /// Text that is not UTF-8 (read as Windows-1252), or a file name that is not UTF-8.
    Encoding,
    /// No text.
    Empty,
    /// A file of its format that does not parse: JSON, a manifest, a page.
    Malformed,
    /// Written in a language the analysis does not read (the text is kept and shown).
    NotEnglish,
    /// A link to a folder that holds it: following it would read the same files forever.
    LinkLoop,
    /// A link leading outside the folder that was opened.
    OutsideFolder,
    /// A folder without articles, or a manifest opened on its own.
    NoArticles,
    /// A manifest entry naming a file that is not an article here.
    UnknownFile,
    /// A warning from before kinds were recorded.
    #[default]
    Other,
}

/// A file (or record) that could not be read (or was read with a caveat), and why.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct LoadWarning {
    /// The file, with `:LINE` for a bad JSONL record.
    pub file: String,
    /// What kind of problem it is.
    #[serde(default)]
    pub kind: LoadProblem,
    /// The problem in words, for people.
    pub problem: String,
}

impl LoadWarning {
    pub fn new(file: impl Into<String>, kind: LoadProblem, problem: impl Into<String>) -> Self {
        LoadWarning {
            file: file.into(),
            kind,
            problem: problem.into(),
        }
    }
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

/// The kind of an I/O error met while reading a file or listing a folder.
pub fn io_kind(error: &std::io::Error) -> LoadProblem {
    match error.kind() {
        std::io::ErrorKind::NotFound => LoadProblem::NotFound,
        std::io::ErrorKind::PermissionDenied => LoadProblem::Permission,
        std::io::ErrorKind::IsADirectory => LoadProblem::NotAFile,
        _ => LoadProblem::Unreadable,
    }
}
