//! Turning files into documents: decoding, per-format parsing, manifest metadata, sections.

use std::collections::HashMap;

use super::manifest::{self, Meta};
use super::read::{Folder, MANIFEST};
use super::{Corpus, DateBasis, Document, LoadWarning, SectionKind, decode, formats, sections};

/// Adds the articles of one folder to `corpus`; its `corpus.json`, if any, gives metadata.
pub fn add_folder(folder: &Folder, corpus: &mut Corpus) {
    let mut by_file: HashMap<String, Meta> = HashMap::new();
    for file in folder.files.iter().filter(|f| f.name() == MANIFEST) {
        let parsed = decode::decode(&file.bytes).and_then(|(text, _)| manifest::parse(&text));
        match parsed {
            Ok(map) => {
                by_file = map;
            }
            Err(problem) => corpus.warnings.push(LoadWarning {
                file: file.display.clone(),
                problem: format!("{problem} (the articles load without its metadata)"),
            }),
        }
    }
    for file in folder.files.iter().filter(|f| f.name() != MANIFEST) {
        let warn = |corpus: &mut Corpus, problem: String| {
            corpus.warnings.push(LoadWarning {
                file: file.display.clone(),
                problem,
            })
        };
        let text = match decode::decode(&file.bytes) {
            Ok((text, note)) => {
                if let Some(note) = note {
                    warn(corpus, note);
                }
                text
            }
            Err(problem) => {
                warn(corpus, problem);
                continue;
            }
        };
        if text.trim().is_empty() {
            warn(corpus, "empty file (no text)".into());
            continue;
        }
        let (articles, problems) = formats::articles(&file.extension(), &text);
        for p in problems {
            warn(corpus, p);
        }
        let manifest_meta = by_file
            .get(&file.relative)
            .or_else(|| by_file.get(file.name()))
            .cloned();
        for raw in articles {
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
            let sections = sections::split(&raw.text);
            let title = meta.title.or_else(|| {
                sections
                    .iter()
                    .find(|s| s.kind == SectionKind::Headline)
                    .map(|s| raw.text[s.start..s.end].trim().to_string())
            });
            corpus.documents.push(Document {
                id: String::new(),
                file: format!("{}{}", file.relative, raw.suffix.unwrap_or_default()),
                title,
                outlet: meta.outlet,
                url: meta.url,
                published: meta.published,
                published_basis: basis,
                text: raw.text,
                sections,
            });
        }
    }
}

/// Gives documents their ids, `d1`, `d2`, ... in reading order.
pub fn number(corpus: &mut Corpus) {
    for (i, d) in corpus.documents.iter_mut().enumerate() {
        d.id = format!("d{}", i + 1);
    }
}
