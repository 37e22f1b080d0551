//! Finding article files on disk: folders walked recursively in sorted order, hidden entries
//! skipped, sizes checked before anything is read.

use std::path::Path;

use super::LoadWarning;
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

/// Reads `path` (a file or a folder, recursively) into groups of files, one per directory.
/// Problems become warnings; nothing is fatal.
pub fn collect(path: &Path, warnings: &mut Vec<LoadWarning>, progress: &Progress) -> Vec<Folder> {
    let warn = |warnings: &mut Vec<LoadWarning>, p: &Path, problem: String| {
        warnings.push(LoadWarning {
            file: p.display().to_string(),
            problem,
        })
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            warn(warnings, path, "no such file or folder".into());
            return Vec::new();
        }
        Err(e) => {
            warn(warnings, path, format!("cannot be read ({e})"));
            return Vec::new();
        }
    };
    if meta.is_file() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        if name == MANIFEST {
            warn(
                warnings,
                path,
                "this is a manifest, not an article; open the folder that holds it and the articles it lists".into(),
            );
            return Vec::new();
        }
        let Some(file) = read_file(path, name, warnings, progress) else {
            return Vec::new();
        };
        // A manifest beside a single file still gives that file's metadata.
        let mut files = vec![file];
        let sibling = path.with_file_name(MANIFEST);
        if sibling.is_file()
            && let Some(manifest) = read_file(&sibling, MANIFEST.into(), warnings, progress)
        {
            files.push(manifest);
        }
        return vec![Folder {
            files,
            single_file: true,
        }];
    }
    let mut folders = Vec::new();
    walk(path, path, &mut folders, warnings, progress);
    let articles: usize = folders
        .iter()
        .flat_map(|f| &f.files)
        .filter(|f| f.name() != MANIFEST)
        .count();
    if articles == 0
        && !warnings
            .iter()
            .any(|w| w.file.starts_with(&*path.to_string_lossy()))
    {
        warn(
            warnings,
            path,
            format!(
                "no articles in this folder (looked for {} files)",
                ARTICLE_EXTENSIONS
                    .iter()
                    .map(|e| format!(".{e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    folders
}

fn walk(
    root: &Path,
    dir: &Path,
    out: &mut Vec<Folder>,
    warnings: &mut Vec<LoadWarning>,
    progress: &Progress,
) {
    if progress.is_cancelled() {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            warnings.push(LoadWarning {
                file: dir.display().to_string(),
                problem: format!("folder cannot be read ({e})"),
            });
            return;
        }
    };
    let mut entries: Vec<_> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    entries.sort_by_key(|e| e.file_name());
    let names: Vec<String> = entries
        .iter()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut files = Vec::new();
    let mut subdirs = Vec::new();
    for entry in entries {
        if progress.is_cancelled() {
            return;
        }
        let path = entry.path();
        let is_dir = std::fs::metadata(&path)
            .map(|m| m.is_dir())
            .unwrap_or(false);
        if is_dir {
            if !is_page_resources(&entry.file_name().to_string_lossy(), &names) {
                subdirs.push(path);
            }
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if !ext.is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str())) {
            continue;
        }
        let relative = path
            .strip_prefix(root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or(name);
        if let Some(file) = read_file(&path, relative, warnings, progress) {
            files.push(file);
        }
    }
    if !files.is_empty() {
        out.push(Folder {
            files,
            single_file: false,
        });
    }
    for sub in subdirs {
        walk(root, &sub, out, warnings, progress);
    }
}

/// Suffixes browsers give the folder of a page saved "complete" (`Story_files` beside
/// `Story.html`).
const PAGE_RESOURCE_SUFFIXES: &[&str] =
    &["_files", "-Dateien", "_fichiers", "_archivos", "_arquivos"];

/// Whether folder `name` holds the images and scripts of a page saved beside it: part of that
/// page, not articles of its own.
fn is_page_resources(name: &str, siblings: &[String]) -> bool {
    PAGE_RESOURCE_SUFFIXES.iter().any(|suffix| {
        name.strip_suffix(suffix).is_some_and(|stem| {
            ["html", "htm", "xhtml", "shtml"]
                .iter()
                .any(|ext| siblings.iter().any(|s| *s == format!("{stem}.{ext}")))
        })
    })
}

/// Reads one file after checking its size.
fn read_file(
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
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > limit {
        warnings.push(LoadWarning {
            file: display,
            problem: format!(
                "file is {:.0} MB, more than the {} MB a single article may take; split it or convert it to JSONL",
                size as f64 / 1e6,
                limit / 1024 / 1024
            ),
        });
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => Some(File {
            display,
            relative,
            bytes,
        }),
        Err(e) => {
            warnings.push(LoadWarning {
                file: display,
                problem: format!("cannot be read ({e})"),
            });
            None
        }
    }
}
