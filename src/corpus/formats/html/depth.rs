//! A guard against pathologically nested markup.
//!
//! HTML parsers and reader-mode scoring both do work proportional to the depth of every
//! element, so a malformed file of thousands of unclosed `<div>`s takes minutes (20,000 deep: 3 s
//! to parse, 47 s to extract). Real pages nest a few dozen levels. A byte scan estimates the
//! depth before any parsing; a page far beyond any real one is read as plain text instead, with
//! a warning.

/// Deeper than this, a page is malformed rather than designed (real pages: under 100).
pub const MAX_DEPTH: usize = 1000;

/// Elements that never take an end tag, or whose end tag authors routinely leave out: they
/// do not deepen the page.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "!doctype",
];

/// The deepest nesting of start tags without their end tags, estimated from the bytes.
pub fn estimate(source: &str) -> usize {
    let bytes = source.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        i += offset + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i, b"-->");
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'!' || *b == b'-'))
            .map_or(bytes.len(), |p| name_start + p);
        if name_end == name_start {
            continue;
        }
        let name = source[name_start..name_end].to_ascii_lowercase();
        let tag_end = find(bytes, name_end, b">");
        if closing {
            depth = depth.saturating_sub(1);
        } else if !NOT_NESTING.contains(&name.as_str())
            && bytes.get(tag_end.wrapping_sub(2)) != Some(&b'/')
        {
            depth += 1;
            deepest = deepest.max(depth);
            // Script and style hold text, not markup.
            if name == "script" || name == "style" {
                let close = format!("</{name}");
                i = find_ascii_case_insensitive(bytes, tag_end, close.as_bytes());
                continue;
            }
        }
        i = tag_end;
    }
    deepest
}

/// The position after `needle` at or after `from`, or the end.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    memchr::memmem::find(&bytes[from.min(bytes.len())..], needle)
        .map_or(bytes.len(), |p| from + p + needle.len())
}

/// The position of `needle` (ASCII, any case) at or after `from`, or the end.
fn find_ascii_case_insensitive(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    let from = from.min(bytes.len());
    bytes[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map_or(bytes.len(), |p| from + p)
}

/// A page's text without its markup, one line per tag: what a page too malformed to parse is
/// read as. Character references stay as written.
pub fn strip_tags(source: &str) -> String {
    let mut out = String::with_capacity(source.len() / 2);
    let mut in_tag = false;
    for c in source.chars() {
        match c {
            '<' => {
                in_tag = true;
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_depth_without_void_or_optional_end_tags() {
        assert_eq!(
            estimate("<html><body><div><p>One<p>Two<br><img src=x></div></body></html>"),
            3
        );
        assert_eq!(
            estimate("<script>if (a<b) { x = '<div><div>'; }</script><div/>"),
            1
        );
        assert_eq!(estimate("<!-- <div><div><div> --><div></div>"), 1);
        assert_eq!(estimate(&"<div>".repeat(5000)), 5000);
    }

    #[test]
    fn strips_tags_to_lines() {
        assert_eq!(
            strip_tags("<div><b>One</b> two<br>three</div>"),
            "One\n\ntwo\n\nthree"
        );
    }
}
