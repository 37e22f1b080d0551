//! Turning files into documents: decoding, per-format parsing, manifest metadata, sections.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::manifest::{self, Meta};
use super::read::{File, Folder, MANIFEST};
use super::{
    About, Corpus, DateBasis, Document, LoadWarning, Section, SectionKind, decode, formats,
    language, sections, title,
};

/// Adds the articles found under one path (its folders, walked) to `corpus`. Every
/// `corpus.json` among them gives metadata for the files it lists, relative to its own folder
/// (so a top-level manifest may list `sub/a.txt`); a deeper manifest wins over a shallower one.
pub fn add_folders(folders: &[Folder], corpus: &mut Corpus) {
    let mut manifests: Vec<&File> = folders
        .iter()
        .flat_map(|f| &f.files)
        .filter(|f| f.name() == MANIFEST)
        .collect();
    manifests.sort_by_key(|f| f.relative.matches('/').count());
    // Key: path relative to the walked folder; value: metadata and the manifest that gave it.
    let mut by_file: HashMap<String, (Meta, &File)> = HashMap::new();
    for file in &manifests {
        let dir = &file.relative[..file.relative.len() - MANIFEST.len()];
        let parsed = decode::decode(&file.bytes).and_then(|(text, _)| manifest::parse(&text));
        match parsed {
            Ok((map, problems)) => {
                for problem in problems {
                    corpus.warnings.push(LoadWarning {
                        file: file.display.clone(),
                        problem,
                    });
                }
                for (name, meta) in map {
                    by_file.insert(format!("{dir}{name}"), (meta, file));
                }
            }
            Err(problem) => corpus.warnings.push(LoadWarning {
                file: file.display.clone(),
                problem: format!("{problem} (the articles load without its metadata)"),
            }),
        }
    }
    let articles = folders
        .iter()
        .flat_map(|f| &f.files)
        .filter(|f| f.name() != MANIFEST);
    let mut used: HashSet<String> = HashSet::new();
    let mut jobs: Vec<(&File, Option<Meta>)> = Vec::new();
    for file in articles {
        let meta = by_file.get(&file.relative).map(|(m, _)| m.clone());
        if meta.is_some() {
            used.insert(file.relative.clone());
        }
        jobs.push((file, meta));
    }
    // Files are decoded and split in parallel, then added in reading order.
    let read: Vec<Corpus> = jobs
        .into_par_iter()
        .map(|(file, meta)| {
            let mut one = Corpus::default();
            add_file(file, meta, &mut one);
            one
        })
        .collect();
    for one in read {
        corpus.documents.extend(one.documents);
        corpus.warnings.extend(one.warnings);
    }
    // Entries naming no file: probably a typo, and that file's metadata is silently missing.
    if folders.iter().any(|f| f.single_file) {
        return;
    }
    let mut unused: Vec<(&String, &File)> = by_file
        .iter()
        .filter(|(name, _)| !used.contains(*name))
        .map(|(name, (_, file))| (name, *file))
        .collect();
    unused.sort_by(|a, b| a.0.cmp(b.0));
    for (name, manifest) in unused {
        corpus.warnings.push(LoadWarning {
            file: manifest.display.clone(),
            problem: format!(
                "lists {name:?}, which is not an article file here; check the name (its metadata is unused)"
            ),
        });
    }
}

/// Reads one article file (or the many records of a JSON/JSONL file) into documents.
fn add_file(file: &File, manifest_meta: Option<Meta>, corpus: &mut Corpus) {
    let warn = |corpus: &mut Corpus, problem: String| {
        corpus.warnings.push(LoadWarning {
            file: file.display.clone(),
            problem,
        })
    };
    if file.bytes.iter().all(u8::is_ascii_whitespace) {
        warn(corpus, "empty file (no text)".into());
        return;
    }
    let (articles, problems) = formats::articles(&file.extension(), &file.bytes);
    for p in problems {
        warn(corpus, p);
    }
    for raw in articles {
        let name = format!(
            "{}{}",
            file.relative,
            raw.suffix.as_deref().unwrap_or_default()
        );
        if raw.text.trim().is_empty() {
            warn(
                corpus,
                format!(
                    "{}empty article text",
                    raw.suffix
                        .as_deref()
                        .map(|s| format!("record {s}: "))
                        .unwrap_or_default()
                ),
            );
            continue;
        }
        let from_manifest = manifest_meta.as_ref().and_then(|m| m.published.clone());
        let basis = if from_manifest.is_some() {
            DateBasis::Manifest
        } else if raw.meta.published.is_some() {
            DateBasis::Metadata
        } else {
            DateBasis::None
        };
        let meta = manifest_meta.clone().unwrap_or_default().or(raw.meta);
        let sections = raw.sections.unwrap_or_else(|| sections::split(&raw.text));
        let mut sources = meta.sources;
        let title = meta.title.or_else(|| {
            let headline = sections
                .iter()
                .find(|s| s.kind == SectionKind::Headline)
                .map(|s| raw.text[s.start..s.end].trim().to_string());
            if headline.is_some() {
                sources.title = Some("text".into());
                return headline;
            }
            // No headline line: the body's first sentence, never a byline or a file name.
            let lead = title::from_text(&raw.text, &sections);
            if lead.is_some() {
                sources.title = Some("first sentence".into());
            }
            lead
        });
        let (language, language_from) = match language::detect(&story_text(&raw.text, &sections)) {
            Some(code) => (Some(code.to_string()), Some("text".to_string())),
            None => (meta.language, sources.language.take()),
        };
        sources.language = language_from;
        if let Some(code) = language.as_deref()
            && language::is_detected_code(code)
            && !language::is_english_code(code)
        {
            warn(corpus, language::not_english_warning(code));
            if let Some(last) = corpus.warnings.last_mut() {
                last.file = format!(
                    "{}{}",
                    file.display,
                    raw.suffix.as_deref().unwrap_or_default()
                );
            }
        }
        corpus.documents.push(Document {
            id: String::new(),
            file: name,
            title,
            outlet: meta.outlet,
            url: meta.url,
            published: meta.published,
            published_basis: basis,
            text: raw.text,
            sections,
            about: About {
                author: meta.author,
                language,
                metadata_from: sources,
            },
        });
    }
}

/// The start of a document's headline and body, what its language is told from.
fn story_text(text: &str, sections: &[Section]) -> String {
    let mut out = String::new();
    for s in sections.iter().filter(|s| s.kind.feeds_story()) {
        out.push_str(&text[s.start..s.end]);
        out.push('\n');
        if out.len() > 4096 {
            break;
        }
    }
    out
}

/// Gives documents their ids, `d1`, `d2`, ... in reading order.
pub fn number(corpus: &mut Corpus) {
    for (i, d) in corpus.documents.iter_mut().enumerate() {
        d.id = format!("d{}", i + 1);
    }
}
