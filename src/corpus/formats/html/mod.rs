//! Saved web pages: the article a reader-mode extractor finds (Mozilla Readability's
//! algorithm, `dom_smoothie`), the page's metadata, and what the extractor left out.
//!
//! The document's text is the title (headline), then the article (body, with captions and
//! cross-heads as such), then the rest of the page's text in page order — menus, "related"
//! lists, footers as boilerplate, reader comments as comments — so the source view can still
//! show them, greyed, and the story never reads them. A page the extractor finds no article in
//! is read whole and split by the line rules of [`crate::corpus::sections`].

mod blocks;
mod depth;
mod metadata;

use std::collections::HashSet;

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use self::blocks::{Block, BlockKind};
use super::Raw;
use crate::corpus::{Section, SectionKind};

/// Blocks of the page at least this long count as article when their text occurs anywhere in
/// the article (the extractor may merge or split paragraphs); shorter ones ("Share", "News")
/// only when the article has the very same block.
const MIN_SUBSTRING_MATCH: usize = 40;

/// A page read from its decoded source, with a note when it could only be read as plain text.
pub fn read(source: &str) -> (Raw, Option<String>) {
    let deepest = depth::estimate(source);
    if deepest > depth::MAX_DEPTH {
        let raw = Raw {
            text: depth::strip_tags(source),
            meta: Default::default(),
            sections: None,
            suffix: None,
        };
        let note = format!(
            "malformed HTML (elements nested about {deepest} deep, where pages nest under {}); read as plain text without its markup",
            depth::MAX_DEPTH
        );
        return (raw, Some(note));
    }
    (read_page(source), None)
}

/// A page that parses: its article, metadata and the rest.
fn read_page(source: &str) -> Raw {
    let doc = Document::from(source);
    let mut meta = metadata::read(&doc);
    let page = blocks::of(&doc.root());
    let config = Config {
        // Metadata is read above, with its sources; the extractor need not read it again.
        disable_json_ld: true,
        ..Config::default()
    };
    let article = Readability::with_document(doc, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let Some(article) = article else {
        return whole_page(page, meta);
    };
    if meta.title.is_none() && !article.title.trim().is_empty() {
        meta.title = Some(metadata::collapse(&article.title));
        meta.sources.title = Some("<title>".into());
    }
    if let Some(byline) = article.byline.as_deref().map(metadata::collapse) {
        let (name, date) = split_byline(&byline);
        if meta.author.is_none()
            && let Some(name) = name
        {
            meta.author = Some(name);
            meta.sources.author = Some("byline".into());
        }
        if meta.published.is_none()
            && let Some(date) = date
        {
            meta.published = Some(date);
            meta.sources.published = Some("byline".into());
        }
    }
    let content = Document::fragment(article.content);
    let body = blocks::of(&content.root());
    if body.is_empty() {
        return whole_page(page, meta);
    }
    let mut out = Builder::default();
    let title = meta.title.clone().unwrap_or_default();
    if !title.is_empty() {
        out.push(&title, SectionKind::Headline);
    }
    let same = |a: &str, b: &str| normalized(a) == normalized(b);
    for (i, block) in body.iter().enumerate() {
        if i == 0 && same(&block.text, &title) {
            continue;
        }
        let kind = match block.kind {
            BlockKind::Heading => SectionKind::Headline,
            BlockKind::Caption => SectionKind::Caption,
            _ if is_byline(&block.text, meta.author.as_deref()) => SectionKind::Boilerplate,
            _ => SectionKind::Body,
        };
        out.push(&block.text, kind);
    }
    // The rest of the page: what the article does not hold.
    let article_text = normalized(
        &body
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    let article_blocks: HashSet<String> = body.iter().map(|b| normalized(&b.text)).collect();
    let title_norm = normalized(&title);
    for block in &page {
        let n = normalized(&block.text);
        let in_article = article_blocks.contains(&n)
            || n == title_norm
            || (n.len() >= MIN_SUBSTRING_MATCH && article_text.contains(&n));
        if in_article || n.is_empty() {
            continue;
        }
        let kind = if block.kind == BlockKind::Comment {
            SectionKind::Comments
        } else {
            SectionKind::Boilerplate
        };
        out.push(&block.text, kind);
    }
    Raw {
        text: out.text,
        meta,
        sections: Some(out.sections),
        suffix: None,
    }
}

/// No article found: the page's text, split by the line rules.
fn whole_page(page: Vec<Block>, meta: crate::corpus::manifest::Meta) -> Raw {
    let text = page
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    Raw {
        text,
        meta,
        sections: None,
        suffix: None,
    }
}

/// A byline's author and date: "Ann Lee March 25, 2015 3:46 PM" gives "Ann Lee" and
/// 2015-03-25. The name is dropped when what is left is not a name (digits, a colon as in
/// "Updated: ...", more than eight words).
fn split_byline(byline: &str) -> (Option<String>, Option<String>) {
    let found = crate::corpus::dates::find_all(byline).next();
    let before = found.map_or(byline, |f| &byline[..f.start]);
    // "Updated: March 3, 2025" dates a revision, not the publication.
    let revised = ["updated", "modified", "edited", "revised"]
        .iter()
        .any(|w| before.to_lowercase().contains(w));
    let date = found.filter(|_| !revised).map(|f| f.date.to_string());
    let name = before
        .trim()
        .trim_end_matches(['|', '·', '-', '–', '—', ',', '/', ' '])
        .trim();
    let name = name
        .strip_prefix("By ")
        .or_else(|| name.strip_prefix("by "))
        .unwrap_or(name)
        .trim();
    let words = name.split_whitespace().count();
    let is_name = (1..=8).contains(&words)
        && !name.contains(|c: char| c.is_ascii_digit() || c == ':')
        && name.chars().any(char::is_alphabetic);
    (is_name.then(|| name.to_string()), date)
}

/// A line naming the author ("By Ann Lee", "Ann Lee, Staff Writer"): never part of the story.
fn is_byline(text: &str, author: Option<&str>) -> bool {
    let words = text.split_whitespace().count();
    if words > 12 {
        return false;
    }
    let lower = text.to_lowercase();
    let by_name = lower.starts_with("by ")
        && words <= 8
        && !text.trim_end().ends_with('.')
        && text
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    by_name
        || author.is_some_and(|a| {
            let a = a.to_lowercase();
            !a.is_empty()
                && (lower == a
                    || (lower.starts_with(&a) && words <= a.split_whitespace().count() + 4))
        })
}

/// Lower case, letters and digits only: text compared across two walks of a DOM.
fn normalized(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The document's text and its sections, block by block, blocks separated by a blank line.
#[derive(Default)]
struct Builder {
    text: String,
    sections: Vec<Section>,
}

impl Builder {
    fn push(&mut self, block: &str, kind: SectionKind) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(block);
        match self.sections.last_mut() {
            // The blank line between two blocks belongs to the section before it.
            Some(last) if last.kind == kind => last.end = self.text.len(),
            Some(last) => {
                last.end = start;
                self.sections.push(Section {
                    start,
                    end: self.text.len(),
                    kind,
                });
            }
            None => self.sections.push(Section {
                start: 0,
                end: self.text.len(),
                kind,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_gives_a_name_and_a_date() {
        let split = |b: &str| split_byline(b);
        assert_eq!(
            split("Ann Lee March 25, 2015"),
            (Some("Ann Lee".into()), Some("2015-03-25".into()))
        );
        assert_eq!(
            split("By ANN LEE | March 11, 2015 3:46 PM"),
            (Some("ANN LEE".into()), Some("2015-03-11".into()))
        );
        assert_eq!(split("Last Updated: January 7, 2025"), (None, None));
        assert_eq!(split("21.12.2018 10h55"), (None, None));
        assert_eq!(split("Ann Lee"), (Some("Ann Lee".into()), None));
    }

    #[test]
    fn the_article_is_the_body_and_the_rest_is_greyed() {
        let paragraph = "Dock workers voted on Tuesday to end a strike that had stranded ships \
                         and crews for nine days, the union said in a statement.";
        let page = format!(
            r#"<html><head><title>Strike Ends | Harbor Times</title>
            <meta property="og:site_name" content="Harbor Times"></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
            <article><h1>Strike Ends</h1><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p>
            <figure><img src="a.jpg"><figcaption>Ships in the harbor</figcaption></figure></article>
            <section id="comments"><p>Great news for us all!</p></section>
            <footer>Contact us</footer></body></html>"#
        );
        let (raw, note) = read(&page);
        assert!(note.is_none());
        let sections = raw.sections.unwrap();
        let of = |kind| {
            sections
                .iter()
                .filter(|s| s.kind == kind)
                .map(|s| raw.text[s.start..s.end].trim())
                .collect::<Vec<_>>()
                .join(" / ")
        };
        assert_eq!(raw.meta.title.as_deref(), Some("Strike Ends"));
        assert_eq!(of(SectionKind::Headline), "Strike Ends");
        assert!(of(SectionKind::Body).starts_with("Dock workers"));
        assert!(!of(SectionKind::Body).contains("Home"));
        assert_eq!(of(SectionKind::Caption), "Ships in the harbor");
        assert!(of(SectionKind::Boilerplate).contains("Home"));
        assert!(of(SectionKind::Boilerplate).contains("Contact us"));
        assert_eq!(of(SectionKind::Comments), "Great news for us all!");
        let mut end = 0;
        for s in &sections {
            assert_eq!(s.start, end);
            end = s.end;
        }
        assert_eq!(end, raw.text.len());
    }
}
