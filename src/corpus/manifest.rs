//! The optional `corpus.json` manifest: per-file title, outlet, url and publication date.

use std::collections::HashMap;

use serde::Deserialize;

use super::Sources;

/// Metadata of one article, from a manifest, a JSON record, page metadata or a PDF's
/// information dictionary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub published: Option<String>,
    pub author: Option<String>,
    /// The language the file declares (a page's `lang`), as written.
    pub language: Option<String>,
    /// Where each field came from.
    pub sources: Sources,
}

impl Meta {
    /// Fields of `self` win; the gaps are filled from `other`, each with its source.
    pub fn or(self, other: Meta) -> Meta {
        let (a, b) = (self.sources, other.sources);
        let pick =
            |x: Option<String>, xs: Option<String>, y: Option<String>, ys: Option<String>| {
                if x.is_some() { (x, xs) } else { (y, ys) }
            };
        let (title, title_from) = pick(self.title, a.title, other.title, b.title);
        let (outlet, outlet_from) = pick(self.outlet, a.outlet, other.outlet, b.outlet);
        let (url, url_from) = pick(self.url, a.url, other.url, b.url);
        let (published, published_from) =
            pick(self.published, a.published, other.published, b.published);
        let (author, author_from) = pick(self.author, a.author, other.author, b.author);
        let (language, language_from) = pick(self.language, a.language, other.language, b.language);
        Meta {
            title,
            outlet,
            url,
            published,
            author,
            language,
            sources: Sources {
                title: title_from,
                published: published_from,
                outlet: outlet_from,
                url: url_from,
                author: author_from,
                language: language_from,
            },
        }
    }

    /// Names `source` as the origin of every field that is set (a manifest entry, a record).
    pub fn sourced_from(mut self, source: &str) -> Meta {
        let s = &mut self.sources;
        for (field, from) in [
            (self.title.is_some(), &mut s.title),
            (self.outlet.is_some(), &mut s.outlet),
            (self.url.is_some(), &mut s.url),
            (self.published.is_some(), &mut s.published),
            (self.author.is_some(), &mut s.author),
            (self.language.is_some(), &mut s.language),
        ] {
            if field && from.is_none() {
                *from = Some(source.to_string());
            }
        }
        self
    }
}

#[derive(Deserialize)]
struct Manifest {
    documents: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    file: String,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    author: Option<String>,
}

/// Parses a manifest into metadata by file name (as written in the manifest, relative to its
/// folder). `Err` explains why the manifest as a whole is unusable; an entry with a bad date
/// keeps its other fields and adds a problem to the list instead.
pub fn parse(text: &str) -> Result<(HashMap<String, Meta>, Vec<String>), String> {
    let manifest: Manifest = serde_json::from_str(text).map_err(|e| {
        format!(
            "malformed manifest at line {}, column {}: {e}; expected {{\"documents\": [{{\"file\": ..., \"published\": \"YYYY-MM-DD\"}}]}}",
            e.line(),
            e.column()
        )
    })?;
    let mut out = HashMap::new();
    let mut problems = Vec::new();
    for entry in manifest.documents {
        let published = entry.published.as_deref().and_then(|p| {
            let date = date_part(p);
            if date.is_none() {
                problems.push(format!(
                    "entry {:?}: published date {p:?} is not a date (use YYYY-MM-DD); its date is ignored",
                    entry.file
                ));
            }
            date
        });
        out.insert(
            entry.file.trim_start_matches("./").to_string(),
            Meta {
                title: entry.title.filter(|t| !t.trim().is_empty()),
                outlet: entry.outlet.filter(|t| !t.trim().is_empty()),
                url: entry.url.filter(|t| !t.trim().is_empty()),
                published,
                author: entry.author.filter(|t| !t.trim().is_empty()),
                ..Meta::default()
            }
            .sourced_from("manifest"),
        );
    }
    Ok((out, problems))
}

/// The date of a metadata field, as `YYYY-MM-DD`: ISO dates and timestamps keep their date
/// part; feed (RFC 2822) and written dates are accepted too (see [`super::dates::parse_field`]).
pub fn date_part(value: &str) -> Option<String> {
    super::dates::parse_field(value).map(|d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_and_keeps_the_date_of_timestamps() {
        let m = parse(
            r#"{"documents":[{"file":"a.txt","title":"T","published":"2021-12-31T10:00:00Z"}]}"#,
        )
        .unwrap()
        .0;
        assert_eq!(m["a.txt"].title.as_deref(), Some("T"));
        assert_eq!(m["a.txt"].published.as_deref(), Some("2021-12-31"));
    }

    #[test]
    fn says_where_a_manifest_is_broken() {
        let err = parse("{\"documents\": [\n{\"file\": }]}").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let (m, problems) =
            parse(r#"{"documents":[{"file":"a.txt","title":"T","published":"last week"}]}"#)
                .unwrap();
        assert_eq!(m["a.txt"].title.as_deref(), Some("T"));
        assert_eq!(m["a.txt"].published, None);
        assert_eq!(
            problems,
            [
                "entry \"a.txt\": published date \"last week\" is not a date (use YYYY-MM-DD); its date is ignored"
            ]
        );
    }
}
