//! The optional `corpus.json` manifest: per-file title, outlet, url and publication date.

use std::collections::HashMap;

use serde::Deserialize;

/// Metadata of one article, from a manifest, a JSON record or HTML meta tags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub published: Option<String>,
}

impl Meta {
    /// Fields of `self` win; the gaps are filled from `other`.
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            title: self.title.or(other.title),
            outlet: self.outlet.or(other.outlet),
            url: self.url.or(other.url),
            published: self.published.or(other.published),
        }
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
}

/// Parses a manifest into metadata by file name. `Err` explains what is wrong with it.
pub fn parse(text: &str) -> Result<HashMap<String, Meta>, String> {
    let manifest: Manifest = serde_json::from_str(text).map_err(|e| {
        format!(
            "malformed manifest at line {}, column {}: {e}; expected {{\"documents\": [{{\"file\": ..., \"published\": \"YYYY-MM-DD\"}}]}}",
            e.line(),
            e.column()
        )
    })?;
    let mut out = HashMap::new();
    for entry in manifest.documents {
        let published = match entry.published.as_deref().map(date_part) {
            Some(Some(d)) => Some(d),
            Some(None) => {
                return Err(format!(
                    "{}: published date {:?} is not YYYY-MM-DD",
                    entry.file,
                    entry.published.unwrap_or_default()
                ));
            }
            None => None,
        };
        out.insert(
            entry.file.trim_start_matches("./").to_string(),
            Meta {
                title: entry.title.filter(|t| !t.trim().is_empty()),
                outlet: entry.outlet.filter(|t| !t.trim().is_empty()),
                url: entry.url.filter(|t| !t.trim().is_empty()),
                published,
            },
        );
    }
    Ok(out)
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
        .unwrap();
        assert_eq!(m["a.txt"].title.as_deref(), Some("T"));
        assert_eq!(m["a.txt"].published.as_deref(), Some("2021-12-31"));
    }

    #[test]
    fn says_where_a_manifest_is_broken() {
        let err = parse("{\"documents\": [\n{\"file\": }]}").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let err = parse(r#"{"documents":[{"file":"a.txt","published":"last week"}]}"#).unwrap_err();
        assert!(err.contains("a.txt"), "{err}");
    }
}
