//! JSON and JSON Lines: one article record, an array of them, `{"documents": [...]}`, or one
//! record a line. A bad record is named (by `#INDEX` or line) and skipped; the rest load.

use serde_json::Value;

use super::Raw;
use crate::corpus::manifest::{Meta, date_part};

/// A JSON file: one record, an array of records, or `{"documents": [...]}`.
pub fn json(text: &str) -> (Vec<Raw>, Vec<String>) {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return (
                Vec::new(),
                vec![format!(
                    "malformed JSON at line {}, column {}: {}",
                    e.line(),
                    e.column(),
                    json_reason(&e)
                )],
            );
        }
    };
    let records: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) => match o.get("documents").or(o.get("articles")) {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![&value],
        },
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let many = records.len() > 1;
    for (i, r) in records.iter().enumerate() {
        let suffix = many.then(|| format!("#{}", i + 1));
        match record(r) {
            Ok((mut raw, note)) => {
                if let Some(note) = note {
                    problems.push(match &suffix {
                        Some(s) => format!("record {s}: {note}"),
                        None => note,
                    });
                }
                raw.suffix = suffix;
                out.push(raw);
            }
            Err(problem) => problems.push(match suffix {
                Some(s) => format!("record {s}: {problem}"),
                None => problem,
            }),
        }
    }
    if records.is_empty() {
        problems.push(
            "no article records (expected an object with \"text\", or an array of them)".into(),
        );
    }
    (out, problems)
}

/// serde_json's message without its own " at line 1 column 28" (we say where, once).
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

/// A JSON Lines file: one record a line; a bad line is skipped and reported with its number.
pub fn jsonl(text: &str) -> (Vec<Raw>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<Value>(line)
            .map_err(|e| {
                format!(
                    "malformed JSON at column {}: {}",
                    e.column(),
                    json_reason(&e)
                )
            })
            .and_then(|v| record(&v));
        match parsed {
            Ok((mut raw, note)) => {
                if let Some(note) = note {
                    problems.push(format!("line {}: {note}", n + 1));
                }
                raw.suffix = Some(format!(":{}", n + 1));
                out.push(raw);
            }
            Err(problem) => problems.push(format!("line {}: {problem}", n + 1)),
        }
    }
    (out, problems)
}

/// An article record: `text` (or `body`/`content`) and optional `title`, `published` (or
/// `date`), `outlet` (or `source`), `url`, `author`.
/// `Ok` may carry a note on what was left out.
fn record(v: &Value) -> Result<(Raw, Option<String>), String> {
    let Value::Object(o) = v else {
        return Err("not an object with a \"text\" field".into());
    };
    let field = |names: &[&str]| {
        names
            .iter()
            .filter_map(|n| o.get(*n))
            .find_map(|v| match v {
                Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
                Value::Object(inner) => inner
                    .get("name")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                _ => None,
            })
    };
    let text = field(&["text", "body", "content"])
        .ok_or_else(|| "no \"text\", \"body\" or \"content\" field".to_string())?;
    let published = field(&["published", "date", "published_at", "publishedAt"]);
    // A date we cannot read costs the date, not the article.
    let mut note = None;
    let published = published.and_then(|p| {
        let date = date_part(&p);
        if date.is_none() {
            note = Some(format!(
                "published date {p:?} is not a date (use YYYY-MM-DD); read without it"
            ));
        }
        date
    });
    let raw = Raw {
        text: text.replace("\r\n", "\n"),
        meta: Meta {
            title: field(&["title", "headline"]),
            outlet: field(&["outlet", "source", "publisher"]),
            url: field(&["url", "link"]),
            published,
            author: field(&["author", "byline"]),
            ..Meta::default()
        }
        .sourced_from("record"),
        sections: None,
        suffix: None,
    };
    Ok((raw, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_takes_records_in_three_shapes() {
        let one = r#"{"title":"A","body":"Text one.","date":"2020-01-02"}"#;
        let many = r#"[{"text":"One."},{"content":"Two.","source":"Wire"}]"#;
        let wrapped = r#"{"documents":[{"text":"One."}]}"#;
        assert_eq!(json(one).0[0].meta.published.as_deref(), Some("2020-01-02"));
        let (m, _) = json(many);
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].meta.outlet.as_deref(), Some("Wire"));
        assert_eq!(json(wrapped).0.len(), 1);
        let (none, problems) = json("{\"text\": \"x\",\n \"title\": }");
        assert!(none.is_empty());
        assert!(problems[0].contains("line 2"), "{problems:?}");
    }

    #[test]
    fn jsonl_skips_only_bad_lines_and_names_them() {
        let text =
            "{\"text\":\"One.\"}\n{broken\n\n{\"title\":\"no text\"}\n{\"text\":\"Four.\"}\n";
        let (raw, problems) = jsonl(text);
        assert_eq!(raw.len(), 2);
        assert_eq!(raw[1].suffix.as_deref(), Some(":5"));
        assert_eq!(problems.len(), 2);
        assert!(
            problems[0].starts_with("line 2: malformed JSON"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("line 4: no \"text\""),
            "{problems:?}"
        );
    }
}
