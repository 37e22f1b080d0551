//! Article formats: plain text, Markdown, HTML, and JSON/JSONL records. Each gives the plain
//! text that offsets index into, plus whatever metadata the format carries.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::manifest::{Meta, date_part};

/// One article read from a file.
pub struct Raw {
    pub text: String,
    pub meta: Meta,
    /// Which record of a JSON/JSONL file it was (`:LINE` or `#INDEX`), to name it.
    pub suffix: Option<String>,
}

/// The articles of a decoded file, and the problems met (each with its line for JSONL).
pub fn articles(extension: &str, text: &str) -> (Vec<Raw>, Vec<String>) {
    match extension {
        "md" => (vec![plain(markdown(text))], Vec::new()),
        "html" | "htm" => (vec![html(text)], Vec::new()),
        "json" => json(text),
        "jsonl" => jsonl(text),
        _ => (vec![plain(text.to_string())], Vec::new()),
    }
}

fn plain(text: String) -> Raw {
    Raw {
        text,
        meta: Meta::default(),
        suffix: None,
    }
}

static MD_IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").unwrap());
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").unwrap());
static MD_EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\*\*|__|\*|`)([^*_`\n]+)(\*\*|__|\*|`)").unwrap());
static MD_LINE_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^(#{1,6}\s+|>\s?|[-*+]\s+(\[[ x]\]\s+)?)").unwrap());

/// Markdown to plain text: headings, quotes, list marks, emphasis and link syntax go; link
/// and image text stays (an image's alt text becomes its own line, like a caption).
fn markdown(text: &str) -> String {
    let text = MD_IMAGE.replace_all(text, "$1");
    let text = MD_LINK.replace_all(&text, "$1");
    let text = MD_EMPHASIS.replace_all(&text, "$2");
    let text = MD_LINE_MARK.replace_all(&text, "");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("---") && !l.trim_start().starts_with("```"))
        .collect::<Vec<_>>()
        .join("\n")
}

static META_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<meta\s[^>]*>").unwrap());
static ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)([a-z:_-]+)\s*=\s*("([^"]*)"|'([^']*)')"#).unwrap());
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<title[^>]*>(.*?)</title>").unwrap());
static HEADING_MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^#{1,6}\s+").unwrap());
static H1: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<h1[^>]*>(.*?)</h1>").unwrap());
static TAGS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").unwrap());
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<time[^>]*datetime\s*=\s*["']([^"']+)["']"#).unwrap());
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<article[\s>].*?</article>").unwrap());
static STRIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<(script|style|nav|header|footer|aside|form|noscript)[\s>].*?</(script|style|nav|header|footer|aside|form|noscript)>").unwrap()
});

/// HTML to plain text, with title, outlet, url and date from the usual meta tags. When the page
/// has an `<article>`, only it is read: navigation and footers are not the story.
fn html(source: &str) -> Raw {
    let mut meta = Meta::default();
    for tag in META_TAG.find_iter(source) {
        let mut key = String::new();
        let mut content = None;
        for a in ATTR.captures_iter(tag.as_str()) {
            let name = a[1].to_ascii_lowercase();
            let value = a.get(3).or(a.get(4)).map_or("", |m| m.as_str());
            match name.as_str() {
                "property" | "name" | "itemprop" => key = value.to_ascii_lowercase(),
                "content" => content = Some(decode_entities(value)),
                _ => {}
            }
        }
        let Some(content) = content.filter(|c| !c.trim().is_empty()) else {
            continue;
        };
        match key.as_str() {
            "og:title" | "twitter:title" => {
                meta.title.get_or_insert(content);
            }
            "og:site_name" | "application-name" => {
                meta.outlet.get_or_insert(content);
            }
            "og:url" => {
                meta.url.get_or_insert(content);
            }
            "article:published_time" | "datepublished" | "date" | "pubdate" | "dc.date" => {
                if let Some(d) = date_part(&content) {
                    meta.published.get_or_insert(d);
                }
            }
            _ => {}
        }
    }
    // The page's <h1> is the article's own title; <title> often carries the site name too.
    if meta.title.is_none() {
        meta.title = H1
            .captures(source)
            .map(|c| decode_entities(TAGS.replace_all(&c[1], "").trim()))
            .filter(|t| !t.is_empty());
    }
    if meta.title.is_none() {
        meta.title = TITLE
            .captures(source)
            .map(|c| decode_entities(c[1].trim()))
            .filter(|t| !t.is_empty());
    }
    if meta.published.is_none() {
        meta.published = TIME.captures(source).and_then(|c| date_part(&c[1]));
    }
    let body = ARTICLE.find(source).map_or(source, |m| m.as_str());
    let body = STRIP.replace_all(body, "");
    let text = html2text::config::plain_no_decorate()
        .link_footnotes(false)
        .string_from_read(body.as_bytes(), 100_000)
        .unwrap_or_default();
    // html2text keeps one line per block; collapse runs of blank lines.
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            if blank == 1 && !out.is_empty() {
                out.push('\n');
            }
        } else {
            blank = 0;
            // html2text marks headings "# "; the text keeps only the words.
            let line = line.trim_start();
            out.push_str(HEADING_MARK.find(line).map_or(line, |m| &line[m.end()..]));
            out.push('\n');
        }
    }
    Raw {
        text: out.trim_end().to_string(),
        meta,
        suffix: None,
    }
}

static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").unwrap());

/// Character references in attribute values and titles (html2text decodes the body itself).
fn decode_entities(text: &str) -> String {
    ENTITY
        .replace_all(text, |c: &regex::Captures| {
            let name = &c[1];
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok()
            } else {
                match name {
                    "amp" => Some(38),
                    "quot" => Some(34),
                    "apos" => Some(39),
                    "lt" => Some(60),
                    "gt" => Some(62),
                    "nbsp" => Some(32),
                    "rsquo" => Some(0x2019),
                    "lsquo" => Some(0x2018),
                    "ldquo" => Some(0x201c),
                    "rdquo" => Some(0x201d),
                    "mdash" => Some(0x2014),
                    "ndash" => Some(0x2013),
                    "hellip" => Some(0x2026),
                    _ => None,
                }
            };
            code.and_then(char::from_u32)
                .map_or_else(|| c[0].to_string(), String::from)
        })
        .into_owned()
}

/// A JSON file: one record, an array of records, or `{"documents": [...]}`.
fn json(text: &str) -> (Vec<Raw>, Vec<String>) {
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
fn jsonl(text: &str) -> (Vec<Raw>, Vec<String>) {
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
/// `date`), `outlet` (or `source`), `url`.
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
        },
        suffix: None,
    };
    Ok((raw, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_loses_its_markup() {
        let (raw, _) = articles(
            "md",
            "# Vote Delayed\n\nThe **council** met [on Monday](http://x).\n\n![Mayor at the podium](m.jpg)\n",
        );
        assert_eq!(
            raw[0].text,
            "Vote Delayed\n\nThe council met on Monday.\n\nMayor at the podium"
        );
    }

    #[test]
    fn html_gives_text_and_metadata() {
        let page = r#"<html><head><title>Site | Story</title>
            <meta property="og:title" content="Port Strike Ends">
            <meta property="og:site_name" content="Harbor Times">
            <meta property="article:published_time" content="2023-05-02T08:00:00Z">
            </head><body><nav>Home | World</nav><article><h1>Port Strike Ends</h1>
            <p>Dock workers returned on Tuesday &amp; cheered.</p><script>var x=1;</script></article>
            <footer>© Harbor Times</footer></body></html>"#;
        let (raw, problems) = articles("html", page);
        assert!(problems.is_empty());
        let raw = &raw[0];
        assert_eq!(raw.meta.title.as_deref(), Some("Port Strike Ends"));
        assert_eq!(raw.meta.outlet.as_deref(), Some("Harbor Times"));
        assert_eq!(raw.meta.published.as_deref(), Some("2023-05-02"));
        assert!(
            raw.text
                .contains("Dock workers returned on Tuesday & cheered."),
            "{}",
            raw.text
        );
        assert!(
            !raw.text.contains("Home") && !raw.text.contains("var x") && !raw.text.contains("©")
        );
    }

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
