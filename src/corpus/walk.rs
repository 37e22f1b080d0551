//! Finding article files below the paths the user opened: folders walked in sorted order,
//! hidden entries skipped, each real folder and file read once.
//!
//! Links are where walks go wrong: a link to a folder's own parent makes a naive walk read
//! every article once per level until paths grow too long, and two such links make it
//! branch at every level. So the real tree is walked first, without following links, and the
//! links afterwards by their canonical targets: a target already read is not read again
//! (with one warning when the link points into its own ancestry, a loop), and a target
//! outside the opened folder is skipped with one warning.

use std::collections::{HashSet, VecDeque};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::read::{self, ARTICLE_EXTENSIONS, File, Folder, MANIFEST};
use super::{LoadProblem, LoadWarning};
use crate::progress::Progress;

/// The canonical folders walked and files read so far in one load, so that neither a link
/// nor a path given twice reads anything a second time.
#[derive(Default)]
pub struct Seen {
    dirs: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
}

/// Reads `path` (a file or a folder, recursively) into groups of files, one per directory.
/// Problems become warnings; nothing is fatal.
pub fn collect(
    path: &Path,
    seen: &mut Seen,
    warnings: &mut Vec<LoadWarning>,
    progress: &Progress,
) -> Vec<Folder> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            warn(
                warnings,
                path,
                LoadProblem::NotFound,
                "no such file or folder",
            );
            return Vec::new();
        }
        Err(e) => {
            let kind = super::problem::io_kind(&e);
            warn(warnings, path, kind, format!("cannot be read ({e})"));
            return Vec::new();
        }
    };
    let canonical = match std::fs::canonicalize(path) {
        Ok(c) => c,
        Err(e) => {
            let kind = super::problem::io_kind(&e);
            warn(warnings, path, kind, format!("cannot be read ({e})"));
            return Vec::new();
        }
    };
    if meta.is_dir() {
        return collect_folder(path, canonical, seen, warnings, progress);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    if name == MANIFEST {
        warn(
            warnings,
            path,
            LoadProblem::NoArticles,
            "this is a manifest, not an article; open the folder that holds it and the articles it lists",
        );
        return Vec::new();
    }
    if !meta.is_file() {
        warn(warnings, path, LoadProblem::NotAFile, NOT_A_FILE);
        return Vec::new();
    }
    if !seen.files.insert(canonical) {
        return Vec::new();
    }
    let Some(file) = read::read_file(path, name, warnings, progress) else {
        return Vec::new();
    };
    // A manifest beside a single file still gives that file's metadata.
    let mut files = vec![file];
    let sibling = path.with_file_name(MANIFEST);
    if sibling.is_file()
        && let Some(manifest) = read::read_file(&sibling, MANIFEST.into(), warnings, progress)
    {
        files.push(manifest);
    }
    vec![Folder {
        files,
        single_file: true,
    }]
}

const NOT_A_FILE: &str = "not a regular file (a pipe, socket or device); skipped";

/// A link met in the walk, followed once the real tree has been read.
struct Link {
    path: PathBuf,
    /// The canonical folder holding the link.
    parent: PathBuf,
}

/// One walk from an opened folder.
struct Walk<'a> {
    /// The folder as the user named it: messages and relative names start from it.
    root: &'a Path,
    /// Its canonical path: links leading elsewhere lead outside.
    root_canonical: PathBuf,
    seen: &'a mut Seen,
    warnings: &'a mut Vec<LoadWarning>,
    progress: &'a Progress,
    links: VecDeque<Link>,
    out: Vec<Folder>,
}

fn collect_folder(
    root: &Path,
    canonical: PathBuf,
    seen: &mut Seen,
    warnings: &mut Vec<LoadWarning>,
    progress: &Progress,
) -> Vec<Folder> {
    let already = seen.dirs.contains(&canonical);
    let warned_before = warnings.len();
    let mut walk = Walk {
        root,
        root_canonical: canonical.clone(),
        seen,
        warnings,
        progress,
        links: VecDeque::new(),
        out: Vec::new(),
    };
    walk.tree(root.to_path_buf(), canonical);
    // Links in the order met; following one may meet more.
    while let Some(link) = walk.links.pop_front() {
        if progress.is_cancelled() {
            break;
        }
        walk.follow(link);
    }
    let Walk { out, warnings, .. } = walk;
    let articles = out
        .iter()
        .flat_map(|f| &f.files)
        .filter(|f| f.name() != MANIFEST)
        .count();
    if articles == 0 && !already && warnings.len() == warned_before {
        warn(
            warnings,
            root,
            LoadProblem::NoArticles,
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
    out
}

impl Walk<'_> {
    /// Reads the real folders below `dir` (depth first, in name order, each folder's files
    /// together), keeping the links met for later.
    fn tree(&mut self, dir: PathBuf, canonical: PathBuf) {
        let mut stack = vec![(dir, canonical)];
        while let Some((dir, canonical)) = stack.pop() {
            if self.progress.is_cancelled() {
                return;
            }
            if !self.seen.dirs.insert(canonical.clone()) {
                continue;
            }
            let mut subdirs = self.folder(&dir, &canonical);
            subdirs.reverse();
            stack.extend(subdirs);
        }
    }

    /// Reads the article files of one folder; returns its real subfolders.
    fn folder(&mut self, dir: &Path, canonical: &Path) -> Vec<(PathBuf, PathBuf)> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                let kind = super::problem::io_kind(&e);
                warn(
                    self.warnings,
                    dir,
                    kind,
                    format!("folder cannot be read ({e})"),
                );
                return Vec::new();
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
            if self.progress.is_cancelled() {
                return Vec::new();
            }
            let path = entry.path();
            let name = entry.file_name();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_symlink() {
                self.links.push_back(Link {
                    path,
                    parent: canonical.to_path_buf(),
                });
            } else if kind.is_dir() {
                if !is_page_resources(&name.to_string_lossy(), &names) {
                    subdirs.push((path, canonical.join(&name)));
                }
            } else if is_article(&name) {
                if !kind.is_file() {
                    warn(self.warnings, &path, LoadProblem::NotAFile, NOT_A_FILE);
                } else if let Some(file) = self.file(&path, canonical.join(&name)) {
                    files.push(file);
                }
            }
        }
        if !files.is_empty() {
            self.out.push(Folder {
                files,
                single_file: false,
            });
        }
        subdirs
    }

    /// Reads one article file, once.
    fn file(&mut self, path: &Path, canonical: PathBuf) -> Option<File> {
        if !self.seen.files.insert(canonical) {
            return None;
        }
        let relative = path.strip_prefix(self.root).unwrap_or(path);
        if relative.to_str().is_none() {
            warn(
                self.warnings,
                path,
                LoadProblem::Encoding,
                "the file name is not valid UTF-8; it is read, and named with � where its bytes are not text",
            );
        }
        let relative = relative.to_string_lossy().replace('\\', "/");
        read::read_file(path, relative, self.warnings, self.progress)
    }

    /// Follows a link by its canonical target: outside the opened folder, or back into its
    /// own ancestry, it is skipped with a warning; to a folder or file already read, it is
    /// skipped quietly (nothing is missing); anything else is read under the link's name.
    fn follow(&mut self, link: Link) {
        let name = link.path.file_name().unwrap_or_default().to_owned();
        let target = match std::fs::canonicalize(&link.path) {
            Ok(t) => t,
            Err(e) => {
                // A link to nothing: worth a word only where an article was expected.
                if is_article(&name) {
                    let (kind, problem) = if e.kind() == std::io::ErrorKind::NotFound {
                        (
                            LoadProblem::NotFound,
                            "a link to a file that does not exist".to_string(),
                        )
                    } else {
                        (
                            super::problem::io_kind(&e),
                            format!("a link that cannot be followed ({e})"),
                        )
                    };
                    warn(self.warnings, &link.path, kind, problem);
                }
                return;
            }
        };
        let is_dir = target.is_dir();
        if !is_dir && !is_article(&name) {
            return;
        }
        if !target.starts_with(&self.root_canonical) {
            let problem = format!(
                "a link to {}, outside the folder {}; skipped",
                target.display(),
                self.root.display()
            );
            warn(
                self.warnings,
                &link.path,
                LoadProblem::OutsideFolder,
                problem,
            );
            return;
        }
        if is_dir {
            if link.parent.starts_with(&target) {
                let problem = format!(
                    "a link to {}, a folder that holds it: following it would read the same files over and over; skipped",
                    target.display()
                );
                warn(self.warnings, &link.path, LoadProblem::LinkLoop, problem);
            } else {
                self.tree(link.path, target);
            }
            return;
        }
        if !target.is_file() {
            warn(self.warnings, &link.path, LoadProblem::NotAFile, NOT_A_FILE);
            return;
        }
        if let Some(file) = self.file(&link.path, target) {
            self.out.push(Folder {
                files: vec![file],
                single_file: false,
            });
        }
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

/// Whether a file of this name is read as an article (the manifest included).
fn is_article(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.rsplit_once('.')
        .is_some_and(|(_, e)| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn warn(
    warnings: &mut Vec<LoadWarning>,
    path: &Path,
    kind: LoadProblem,
    problem: impl Into<String>,
) {
    warnings.push(LoadWarning::new(path.display().to_string(), kind, problem));
}
