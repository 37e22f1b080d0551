//! A page's DOM as a list of text blocks in reading order: one block per paragraph, heading,
//! list item, table cell or caption, whitespace collapsed as a browser shows it.
//!
//! The same walk reads both the whole page and the article the extractor keeps, so a block of
//! the page can be recognised as article or not by its text alone.

use dom_query::NodeRef;

/// What kind of text a block is, from the elements around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Text,
    Heading,
    /// A `<figcaption>` or table `<caption>`.
    Caption,
    /// Inside an element whose id or class names a comment thread.
    Comment,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
}

/// Elements whose content is never text a reader sees.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
    "canvas", "select", "option", "textarea", "input", "button", "map", "audio", "video",
];

/// Elements that start and end a line of their own.
const BLOCK_LEVEL: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Words in an id or class that mark a reader-comment thread.
const COMMENT_MARKS: &[&str] = &["comment", "disqus", "respond"];

#[derive(Clone, Copy, Default)]
struct Context {
    heading: bool,
    caption: bool,
    comment: bool,
    pre: bool,
}

enum Step<'a> {
    Enter(NodeRef<'a>, Context),
    /// Leaving a block-level element: its text ends here.
    Close(Context),
}

/// The text blocks under `root`, in document order.
pub fn of(root: &NodeRef) -> Vec<Block> {
    let mut out = Vec::new();
    let mut line = String::new();
    let mut line_context = Context::default();
    // An explicit stack: real pages nest deep enough to make recursion a risk.
    let mut stack = vec![Step::Enter(*root, Context::default())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Close(context) => flush(&mut line, context, &mut out),
            Step::Enter(node, context) => {
                if node.is_text() {
                    if line.is_empty() {
                        line_context = context;
                    }
                    push_text(&mut line, &node.text(), context.pre);
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let name = node
                    .node_name()
                    .map(|n| n.to_ascii_lowercase())
                    .unwrap_or_default();
                if SKIPPED.contains(&name.as_str()) || is_hidden(&node) {
                    continue;
                }
                if name == "br" {
                    line.push('\n');
                    continue;
                }
                if name == "img" {
                    continue;
                }
                let mut inner = context;
                inner.heading |= matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                inner.caption |= matches!(name.as_str(), "figcaption" | "caption");
                inner.pre |= name == "pre";
                inner.comment |= node.is_element() && names_comments(&node);
                let block = BLOCK_LEVEL.contains(&name.as_str());
                if block {
                    flush(&mut line, line_context, &mut out);
                    line_context = inner;
                    stack.push(Step::Close(inner));
                }
                let children: Vec<NodeRef> = node.children_it(false).collect();
                for child in children.into_iter().rev() {
                    stack.push(Step::Enter(child, inner));
                }
            }
        }
    }
    flush(&mut line, line_context, &mut out);
    out
}

/// Appends a text node's words, collapsing whitespace as HTML does (except inside `<pre>`).
fn push_text(line: &mut String, text: &str, pre: bool) {
    if pre {
        line.push_str(text);
        return;
    }
    for (i, word) in text.split_ascii_whitespace().enumerate() {
        let space_before = i > 0 || text.starts_with(|c: char| c.is_ascii_whitespace());
        if space_before && !line.is_empty() && !line.ends_with([' ', '\n']) {
            line.push(' ');
        }
        line.push_str(word);
    }
    if text.ends_with(|c: char| c.is_ascii_whitespace())
        && !line.is_empty()
        && !line.ends_with([' ', '\n'])
    {
        line.push(' ');
    }
}

/// Ends the current block: its lines trimmed, empty lines dropped, no-break spaces as spaces.
fn flush(line: &mut String, context: Context, out: &mut Vec<Block>) {
    if line.trim().is_empty() {
        line.clear();
        return;
    }
    let mut text = String::with_capacity(line.len());
    for l in line.split('\n') {
        let l = l.replace('\u{a0}', " ");
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(l);
    }
    line.clear();
    let kind = if context.comment {
        BlockKind::Comment
    } else if context.caption {
        BlockKind::Caption
    } else if context.heading {
        BlockKind::Heading
    } else {
        BlockKind::Text
    };
    out.push(Block { text, kind });
}

/// `hidden`, `aria-hidden="true"` or an inline `display: none`.
fn is_hidden(node: &NodeRef) -> bool {
    if !node.is_element() {
        return false;
    }
    if node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    node.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_ascii_lowercase().contains("display:none")
    })
}

/// An element whose id or class names a comment thread ("comments", "disqus_thread",
/// "respond").
fn names_comments(node: &NodeRef) -> bool {
    [node.id_attr(), node.class()].iter().flatten().any(|v| {
        let v = v.to_ascii_lowercase();
        COMMENT_MARKS.iter().any(|m| v.contains(m))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(BlockKind, String)> {
        let doc = dom_query::Document::from(html);
        of(&doc.root())
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn one_block_per_paragraph_with_whitespace_collapsed() {
        use BlockKind::*;
        let got = blocks(
            "<html><head><title>T</title></head><body><h1> A  <em>title</em></h1>\
             <p>One\n  two <b>three</b>.<br>Four</p><script>x()</script>\
             <figure><img src=a><figcaption>A cat</figcaption></figure>\
             <div hidden>gone</div><div id=comments><p>Nice!</p></div></body></html>",
        );
        assert_eq!(
            got,
            [
                (Heading, "A title".to_string()),
                (Text, "One two three.\nFour".to_string()),
                (Caption, "A cat".to_string()),
                (Comment, "Nice!".to_string()),
            ]
        );
    }
}
