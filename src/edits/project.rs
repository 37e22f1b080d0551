//! The project file: the edit list of one corpus, kept beside it as
//! `<folder>/.newsline-edits.json` (hidden, so the corpus reader skips it).
//!
//! Every save writes a temporary file in the same folder and renames it over the old one, so a
//! crash mid-save leaves the previous file whole. A file that cannot be read is never
//! overwritten: it is renamed aside (`.newsline-edits.json.damaged-<time>`) and the corpus opens
//! without its edits. A folder that cannot be written (a read-only share, a CD) keeps its edits
//! in the user's config folder instead, and the window says where.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Edit;

/// Name of the project file inside a corpus folder.
pub const FILE_NAME: &str = ".newsline-edits.json";

/// Schema tag of the project file.
pub const SCHEMA: &str = "newsline-edits/1";

#[derive(Serialize, Deserialize)]
struct FileFormat {
    schema: String,
    edits: Vec<Edit>,
}

/// Where one corpus's edits live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// Where edits are read from and written to.
    pub path: PathBuf,
    /// The config-folder place used when `path` cannot be written (none for a file named by
    /// the user).
    fallback: Option<PathBuf>,
}

/// What opening a project file found.
#[derive(Debug, Default)]
pub struct Opened {
    pub edits: Vec<Edit>,
    /// Something the user should know (a damaged file kept aside, edits kept elsewhere).
    pub notice: Option<String>,
}

impl Project {
    /// The project file of a corpus opened from `paths`: inside the folder when one folder is
    /// opened, else beside the first file; the built-in sample's (no paths) lives in the
    /// config folder. If an earlier session had to keep the edits in the config folder (the
    /// folder was read-only), that file is used.
    pub fn for_paths(paths: &[PathBuf]) -> Project {
        let root = match paths {
            [] => None,
            [one] if one.is_dir() => Some(one.clone()),
            [first, ..] => Some(
                first
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            ),
        };
        let Some(root) = root else {
            let path = config_dir().join("sample-edits.json");
            return Project {
                path,
                fallback: None,
            };
        };
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        let fallback = config_dir().join("edits").join(format!(
            "{}-{:016x}.json",
            root.file_name()
                .map(|n| n
                    .to_string_lossy()
                    .replace(|c: char| !c.is_alphanumeric(), "_"))
                .unwrap_or_default(),
            fnv1a(root.to_string_lossy().as_bytes())
        ));
        if fallback.exists() {
            return Project {
                path: fallback,
                fallback: None,
            };
        }
        Project {
            path: root.join(FILE_NAME),
            fallback: Some(fallback),
        }
    }

    /// A project file named by the user (`--edits FILE`).
    pub fn at(path: impl Into<PathBuf>) -> Project {
        Project {
            path: path.into(),
            fallback: None,
        }
    }

    /// Reads the edits. A missing file is no edits. A damaged one is renamed aside when
    /// `keep_aside` (the window), or left alone (the command line); either way no edits and a
    /// notice saying so.
    pub fn open(&self, keep_aside: bool) -> Opened {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Opened::default(),
            Err(e) => {
                return Opened {
                    edits: Vec::new(),
                    notice: Some(format!(
                        "{}: cannot read the saved edits ({e}); the story opens without them",
                        self.path.display()
                    )),
                };
            }
        };
        match serde_json::from_slice::<FileFormat>(&bytes) {
            Ok(f) if f.schema == SCHEMA => Opened {
                edits: f.edits,
                notice: (self.fallback.is_none() && self.path.starts_with(config_dir()))
                    .then(|| format!("Edits are kept in {}", self.path.display()))
                    .filter(|_| !self.path.ends_with("sample-edits.json")),
            },
            result => {
                let why = match result {
                    Ok(f) => format!("it is of another kind ({:?})", f.schema),
                    Err(e) => format!("it is damaged ({e})"),
                };
                let kept = if keep_aside {
                    match self.keep_aside() {
                        Ok(aside) => format!("it was kept as {}", aside.display()),
                        Err(e) => format!("it could not be moved aside ({e}) and is left as is"),
                    }
                } else {
                    "it was left as is".to_string()
                };
                Opened {
                    edits: Vec::new(),
                    notice: Some(format!(
                        "{}: the saved edits cannot be read: {why}; {kept}. The story opens without them.",
                        self.path.display()
                    )),
                }
            }
        }
    }

    /// Renames the file to a free `…damaged-<unix time>[-n]` name beside it.
    fn keep_aside(&self) -> std::io::Result<PathBuf> {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let mut n = 0;
        loop {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            let aside = self
                .path
                .with_file_name(format!("{name}.damaged-{secs}{suffix}"));
            if !aside.exists() {
                std::fs::rename(&self.path, &aside)?;
                return Ok(aside);
            }
            n += 1;
        }
    }

    /// Writes `edits` atomically. When the corpus folder cannot be written, the edits go to the
    /// config folder from then on, and the notice says so.
    pub fn save(&mut self, edits: &[Edit]) -> Result<Option<String>, String> {
        match write_atomically(&self.path, edits) {
            Ok(()) => Ok(None),
            Err(e) => {
                let Some(fallback) = self.fallback.take() else {
                    return Err(format!(
                        "{}: cannot save the edits: {e}",
                        self.path.display()
                    ));
                };
                let folder = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
                write_atomically(&fallback, edits)
                    .map_err(|e| format!("{}: cannot save the edits: {e}", fallback.display()))?;
                self.path = fallback;
                Ok(Some(format!(
                    "{} cannot be written ({e}): edits are kept in {}",
                    folder.display(),
                    self.path.display()
                )))
            }
        }
    }
}

/// Temporary file in the same folder, flushed to disk, then renamed over `path`.
fn write_atomically(path: &Path, edits: &[Edit]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let file = FileFormat {
        schema: SCHEMA.to_string(),
        edits: edits.to_vec(),
    };
    let json = serde_json::to_vec_pretty(&file).map_err(std::io::Error::other)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!("{name}.tmp-{}", std::process::id()));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Newsline's config folder: `$NEWSLINE_CONFIG_DIR`, else `$XDG_CONFIG_HOME/newsline`, else
/// `~/.config/newsline`.
pub fn config_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("NEWSLINE_CONFIG_DIR") {
        return PathBuf::from(d);
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("newsline")
}

/// A hash that stays the same across Rust versions (the config file name of a folder).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edits() -> Vec<Edit> {
        vec![Edit::HideEntity {
            entity: "Reuters".into(),
        }]
    }

    #[test]
    fn saves_atomically_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = Project::for_paths(&[dir.path().to_path_buf()]);
        assert_eq!(p.path, dir.path().canonicalize().unwrap().join(FILE_NAME));
        assert!(p.open(true).edits.is_empty());
        assert_eq!(p.save(&edits()), Ok(None));
        let opened = p.open(true);
        assert_eq!(opened.edits, edits());
        assert_eq!(opened.notice, None);
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_damaged_file_is_kept_aside_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = Project::for_paths(&[dir.path().to_path_buf()]);
        std::fs::write(&p.path, b"{\"schema\": \"newsline-edits/1\", \"edits\": [").unwrap();
        let opened = p.open(true);
        assert!(opened.edits.is_empty());
        let notice = opened.notice.unwrap();
        assert!(
            notice.contains("damaged") && notice.contains("kept as"),
            "{notice}"
        );
        assert!(!p.path.exists());
        p.save(&edits()).unwrap();
        let aside: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".damaged-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(std::fs::read_to_string(&aside[0]).unwrap().ends_with('['));
        assert_eq!(p.open(true).edits, edits());
    }

    #[test]
    fn the_command_line_leaves_a_damaged_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.json");
        std::fs::write(&path, b"not json").unwrap();
        let opened = Project::at(&path).open(false);
        assert!(opened.notice.unwrap().contains("left as is"));
        assert_eq!(std::fs::read(&path).unwrap(), b"not json");
    }

    #[test]
    fn a_folder_that_cannot_be_written_keeps_the_edits_in_the_config_folder() {
        let corpus = tempfile::tempdir().unwrap();
        let config = tempfile::tempdir().unwrap();
        let path = corpus.path().join(FILE_NAME);
        let fallback = config.path().join("edits").join("corpus.json");
        let mut p = Project {
            path: path.clone(),
            fallback: Some(fallback.clone()),
        };
        // (Tests may run as root, whom permissions do not stop: a folder where the temporary
        // file should go makes the write fail the same way.)
        let tmp = path.with_file_name(format!("{FILE_NAME}.tmp-{}", std::process::id()));
        std::fs::create_dir(&tmp).unwrap();
        let notice = p.save(&edits()).unwrap().expect("the user is told");
        assert!(
            notice.contains("cannot be written") && notice.contains("corpus.json"),
            "{notice}"
        );
        assert_eq!(p.path, fallback);
        assert!(!path.exists());
        assert_eq!(Project::at(&fallback).open(true).edits, edits());
    }

    #[test]
    fn a_failed_save_leaves_the_previous_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edits.json");
        let mut p = Project::at(&path);
        p.save(&edits()).unwrap();
        let before = std::fs::read(&path).unwrap();
        // The temporary file's name is taken by a folder: the write fails before the rename.
        let tmp = path.with_file_name(format!("edits.json.tmp-{}", std::process::id()));
        std::fs::create_dir(&tmp).unwrap();
        assert!(p.save(&[]).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(p.open(true).edits, edits());
    }
}
