//! Markdown, read with a CommonMark parser (`pulldown-cmark`): the plain text keeps the words
//! and drops the markup. Each block (heading, paragraph, list item, quote, table cell, image)
//! becomes one line, blocks are separated by a blank line, and soft line breaks inside a
//! paragraph become spaces, so the section rules see one paragraph as one line. An image's alt
//! text stays as its own line, as a caption. A YAML front matter block gives the title, date,
//! author and outlet.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::Raw;
use crate::corpus::manifest::{Meta, date_part};

/// Markdown to plain text and the metadata of its front matter.
pub fn read(source: &str) -> Raw {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out = String::with_capacity(source.len());
    let mut front_matter = String::new();
    let mut in_front_matter = false;
    let mut in_image = false;
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => {
                in_front_matter = true
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Text(t) if in_front_matter => front_matter.push_str(&t),
            Event::Start(Tag::Image { .. }) => {
                // An image inside a paragraph still gets a line of its own.
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                in_image = true;
            }
            Event::End(TagEnd::Image) => {
                in_image = false;
                end_block(&mut out);
            }
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) | Event::Start(Tag::TableCell) => end_block(&mut out),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) if !in_image => end_block(&mut out),
            Event::Rule => end_block(&mut out),
            // Raw HTML and math carry no words of the article.
            _ => {}
        }
    }
    Raw {
        text: out.trim_end().to_string(),
        meta: front_matter_meta(&front_matter),
        sections: None,
        suffix: None,
    }
}

/// Closes the current block with a blank line (once).
fn end_block(out: &mut String) {
    let trimmed = out.trim_end_matches([' ', '\n']).len();
    if trimmed == 0 {
        out.clear();
        return;
    }
    out.truncate(trimmed);
    out.push_str("\n\n");
}

/// `title:`, `date:`/`published:`, `author:` and `outlet:`/`source:` lines of a YAML front
/// matter (only plain `key: value` lines: that is all such headers hold in practice).
fn front_matter_meta(yaml: &str) -> Meta {
    let mut meta = Meta::default();
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = Some(value.to_string()),
            "date" | "published" => meta.published = date_part(value),
            "author" => meta.author = Some(value.to_string()),
            "outlet" | "source" | "publisher" => meta.outlet = Some(value.to_string()),
            "url" => meta.url = Some(value.to_string()),
            "lang" | "language" => meta.language = Some(value.to_string()),
            _ => {}
        }
    }
    meta.sourced_from("front matter")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_loses_its_markup() {
        let raw = read(
            "# Vote Delayed\n\nThe **council** met\n[on Monday](http://x).\n\n![Mayor at the podium](m.jpg)\n\n- one `item`\n- two\n",
        );
        assert_eq!(
            raw.text,
            "Vote Delayed\n\nThe council met on Monday.\n\nMayor at the podium\n\none item\n\ntwo"
        );
    }

    #[test]
    fn front_matter_gives_metadata() {
        let raw = read(
            "---\ntitle: \"Bridge Vote\"\ndate: 2024-03-05\nauthor: Tom Price\n---\n\nThe board met.\n",
        );
        assert_eq!(raw.text, "The board met.");
        assert_eq!(raw.meta.title.as_deref(), Some("Bridge Vote"));
        assert_eq!(raw.meta.published.as_deref(), Some("2024-03-05"));
        assert_eq!(raw.meta.author.as_deref(), Some("Tom Price"));
        assert_eq!(raw.meta.sources.title.as_deref(), Some("front matter"));
    }
}
