//! Reading one article file from disk: size limits checked before and while reading, every
//! failure a warning naming the file.

use std::path::Path;

use super::problem::io_kind;
use super::{LoadProblem, LoadWarning};
use crate::progress::Progress;

/// File endings read as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "html", "htm", "mhtml", "mht", "pdf", "json", "jsonl",
];

/// The manifest's file name.
pub const MANIFEST: &str = "corpus.json";

/// Largest single-article file read (text, Markdown, HTML): anything bigger is not one article.
pub const MAX_ARTICLE_BYTES: u64 = 50 * 1024 * 1024;
/// Largest JSON/JSONL file read: these hold many articles.
pub const MAX_COLLECTION_BYTES: u64 = 1024 * 1024 * 1024;

/// A file's bytes and the names it goes by.
pub struct File {
    /// The path as the user will recognise it in messages.
    pub display: String,
    /// The path relative to the folder it was found in (the file name for a single file).
    pub relative: String,
    pub bytes: Vec<u8>,
}

impl File {
    /// The file name without its folders.
    pub fn name(&self) -> &str {
        self.relative.rsplit('/').next().unwrap_or(&self.relative)
    }

    /// The lower-cased file ending.
    pub fn extension(&self) -> String {
        self.name()
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default()
    }
}

/// The files of one directory, with its manifest (if any) among them.
pub struct Folder {
    pub files: Vec<File>,
    /// One file picked out of its folder: its manifest may list other files, and that is fine.
    pub single_file: bool,
}

/// Reads one file after checking its size. The size is checked on the open file and again
/// while reading, so a file that grows or is swapped meanwhile cannot slip past the limit; a
/// file that vanished after being listed is a warning like any other.
pub fn read_file(
    path: &Path,
    relative: String,
    warnings: &mut Vec<LoadWarning>,
    progress: &Progress,
) -> Option<File> {
    progress.file_read();
    let display = path.display().to_string();
    let lower = relative.to_ascii_lowercase();
    let collection = lower.ends_with(".json") || lower.ends_with(".jsonl");
    let limit = if collection {
        MAX_COLLECTION_BYTES
    } else {
        MAX_ARTICLE_BYTES
    };
    let too_large = |size: u64| {
        LoadWarning::new(
            display.clone(),
            LoadProblem::TooLarge,
            format!(
                "file is {:.0} MB, more than the {} MB a single article may take; split it or convert it to JSONL",
                size as f64 / 1e6,
                limit / 1024 / 1024
            ),
        )
    };
    let unreadable = |e: std::io::Error| {
        let kind = io_kind(&e);
        let problem = if kind == LoadProblem::NotFound {
            "vanished before it could be read".to_string()
        } else {
            format!("cannot be read ({e})")
        };
        LoadWarning::new(display.clone(), kind, problem)
    };
    let mut file = match open(path) {
        Ok(f) => f,
        Err(e) => {
            warnings.push(unreadable(e));
            return None;
        }
    };
    match file.metadata() {
        Ok(m) if !m.is_file() => {
            warnings.push(LoadWarning::new(
                display,
                LoadProblem::NotAFile,
                "not a regular file (a pipe, socket or device); skipped",
            ));
            return None;
        }
        Ok(m) if m.len() > limit => {
            warnings.push(too_large(m.len()));
            return None;
        }
        Ok(_) => {}
        Err(e) => {
            warnings.push(unreadable(e));
            return None;
        }
    }
    let mut bytes = Vec::new();
    if let Err(e) =
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, limit + 1), &mut bytes)
    {
        warnings.push(unreadable(e));
        return None;
    }
    if bytes.len() as u64 > limit {
        warnings.push(too_large(bytes.len() as u64));
        return None;
    }
    Some(File {
        display,
        relative,
        bytes,
    })
}

/// Opens for reading without blocking: a named pipe put where a file was listed would
/// otherwise hang the load until something writes to it.
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}
