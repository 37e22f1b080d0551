//! Splitting an article's text into sections: headline, body, caption, boilerplate, comments.
//!
//! Real corpora are messy: scraped articles carry photo captions and credits, "Read more"
//! teasers, author boxes, share buttons, and sometimes the reader comments under the story.
//! Only headline and body feed the story, so these must be told apart — by the *shape* of lines,
//! never by what a particular article says:
//!
//! - **headline**: a short first line without a final full stop (or a short first line standing
//!   alone above a blank line); short Title Case lines alone inside the body are cross-heads and
//!   count as headings too;
//! - **caption**: a pair of short unpunctuated lines where the second repeats the first and adds
//!   a credit ("Flooded street" / "Flooded streets in the old town AFP"), a line that
//!   announces itself ("Photo: …", "… /Getty Images"), a short label ending in an agency or
//!   platform credit ("Smoke over the hills Reuters"), or a short line alone inside the body
//!   with no finite verb and no final punctuation ("Firefighters outside a burning warehouse");
//! - **boilerplate**: the vocabulary every CMS prints ("Share this", "Leave a Reply", "Exit mobile
//!   version", "About <author>"), shouted one-liners ("READ MORE"), image file names, bylines and
//!   reprint lines, copyright lines, and the teasers that follow a "Check Also"/"Related" cue;
//! - **comments**: after a comments header ("Comments", "3 responses"), or after a reprint/byline
//!   line or a reply form ("Leave a Reply") when text in another register follows (first person
//!   outside quotes, exclamations, questions, emoticons) — from there to the end.
//!
//! Cross-heads count as `headline`, not body: they are headings the outlet wrote, they name a
//! topic rather than report a fact, and the source view shows them as headings.
//!
//! Sections cover the whole text contiguously; blank lines belong to the section before them.

mod boilerplate;
mod captions;
mod comments;
mod shapes;
mod top;

use boilerplate::*;
use captions::*;
use comments::*;
use shapes::*;
use top::*;

use super::{Section, SectionKind};

/// A line of the text: `[start, end)` without its newline, `next` where the following line starts.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    next: usize,
    text: &'a str,
}

impl Line<'_> {
    fn trimmed(&self) -> &str {
        self.text.trim()
    }
    fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Splits `text` into contiguous sections covering all of it.
pub fn split(text: &str) -> Vec<Section> {
    let lines = lines(text);
    let (kinds, pieces) = classify(&lines);
    let mut sections: Vec<Section> = Vec::new();
    let mut push = |start: usize, end: usize, kind: SectionKind| match sections.last_mut() {
        Some(last) if last.kind == kind => last.end = end,
        _ => sections.push(Section { start, end, kind }),
    };
    for ((line, kind), cuts) in lines.iter().zip(kinds).zip(pieces) {
        if cuts.is_empty() {
            push(line.start, line.next, kind);
            continue;
        }
        // A line cut in pieces: a byline before the lead, a photo's tag and credit around
        // its caption.
        let lead = line.text.len() - line.text.trim_start().len();
        let mut from = line.start;
        let mut from_kind = kind;
        for (at, piece_kind) in cuts {
            let at = line.start + lead + at;
            if at > from {
                push(from, at, from_kind);
            }
            from = at.max(from);
            from_kind = piece_kind;
        }
        push(from, line.next, from_kind);
    }
    if let Some(first) = sections.first_mut() {
        first.start = 0;
    }
    if let Some(last) = sections.last_mut() {
        last.end = text.len();
    }
    sections
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let next = start + piece.len();
        out.push(Line {
            start,
            next,
            text: piece.trim_end_matches(['\n', '\r']),
        });
        start = next;
    }
    out
}

/// Pieces of a line after its first: where each starts (a byte offset into the trimmed line)
/// and its kind. The line's own kind covers it up to the first.
type Cuts = Vec<(usize, SectionKind)>;

/// How many content lines at the top may hold bylines, stamps and reporters' names.
const TOP_LINES: usize = 6;

/// A kind for every line, and the pieces of lines cut in several; blank lines take the kind
/// of the line before them.
fn classify(lines: &[Line]) -> (Vec<SectionKind>, Vec<Cuts>) {
    use SectionKind::*;
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].blank()).collect();
    let mut kinds: Vec<Option<SectionKind>> = vec![None; lines.len()];
    let mut cuts: Vec<Cuts> = vec![Vec::new(); lines.len()];
    // Whether a content line stands alone between blank lines (or text edges).
    let alone = |i: usize| {
        let before = i == 0 || lines[i - 1].blank();
        let after = i + 1 >= lines.len() || lines[i + 1].blank();
        before && after
    };

    // The top: stamps, bylines and names of reporters around the headline, which is the first
    // line that is none of these.
    let mut headline_seen = false;
    for (n, &i) in content.iter().enumerate().take(TOP_LINES) {
        let line = lines[i].trimmed();
        if is_stamp(line) || is_ad_label(line) {
            kinds[i] = Some(Boilerplate);
            continue;
        }
        if let Some((end, body)) = byline(line) {
            kinds[i] = Some(Boilerplate);
            if body < line.len() {
                // The lead runs on after the byline: "by Jane Doe /The port reopened …".
                cuts[i].push((body, Body));
                debug_assert!(end <= body);
            }
            continue;
        }
        if headline_seen && is_name_line(line) {
            kinds[i] = Some(Boilerplate);
            continue;
        }
        if !headline_seen && n <= 2 {
            headline_seen = true;
            let next_blank = i + 1 < lines.len() && lines[i + 1].blank();
            if top::is_dateline_alone(line) {
                // "NAIROBI, Kenya (AP) _" above the lead: the headline may follow it.
                kinds[i] = Some(Boilerplate);
                headline_seen = false;
            } else if is_headline(line, next_blank) {
                kinds[i] = Some(Headline);
            }
        }
    }

    // Comments: everything after a reprint/byline line or a comments header, when what follows
    // reads like readers talking.
    let mut comments_from = None;
    for (n, &i) in content.iter().enumerate() {
        let line = lines[i].trimmed();
        // What follows, gathered only for a line that may open the comments (gathering it for
        // every line would be quadratic in the article's length).
        let rest = || -> Vec<&str> {
            content[n + 1..]
                .iter()
                .map(|&j| lines[j].trimmed())
                .collect()
        };
        if is_comments_header(line) && n + 1 < content.len() {
            kinds[i] = Some(Boilerplate);
            comments_from = Some(n + 1);
            break;
        }
        if n >= 3
            && (is_byline_or_reprint(line) || is_reply_form(line))
            && reads_like_comments(&rest())
        {
            kinds[i] = Some(Boilerplate);
            comments_from = Some(n + 1);
            break;
        }
    }
    let body_end = comments_from.unwrap_or(content.len());
    for &i in &content[body_end..] {
        kinds[i] = Some(Comments);
    }

    // Teasers after a navigation cue, one-line boilerplate, captions, cross-heads.
    let mut in_teaser = false;
    let mut n = 0;
    while n < body_end {
        let i = content[n];
        let line = lines[i].trimmed();
        if kinds[i].is_some() {
            n += 1;
            continue;
        }
        if is_teaser_cue(line) {
            kinds[i] = Some(Boilerplate);
            in_teaser = true;
            n += 1;
            continue;
        }
        if in_teaser {
            if is_full_paragraph(line) {
                in_teaser = false;
            } else {
                kinds[i] = Some(Boilerplate);
                n += 1;
                continue;
            }
        }
        if is_boilerplate_line(line)
            || (n >= 1 && is_byline(line))
            || is_credit_line(line)
            || is_inline_teaser(line)
        {
            kinds[i] = Some(Boilerplate);
        } else if let Some((from, to)) = photo_marks(line).filter(|_| word_count(line, 101) <= 100)
        {
            // A photo's tag and credit are never the story; its caption is, when it reports
            // a dated happening.
            let kind = if reports_dated_happening(&line[from..to]) {
                Body
            } else {
                Caption
            };
            kinds[i] = Some(if from > 0 { Boilerplate } else { kind });
            if from > 0 {
                cuts[i].push((from, kind));
            }
            if to < line.len() {
                cuts[i].push((to, Boilerplate));
            }
        } else if is_caption_line(line) {
            kinds[i] = Some(Caption);
            // The photo's description sits on the line above its credit.
            if n > 0
                && content[n - 1] + 1 == i
                && kinds[i - 1].is_none()
                && is_label(lines[i - 1].trimmed())
                && word_count(lines[i - 1].trimmed(), 21) <= 20
            {
                kinds[i - 1] = Some(Caption);
            }
        } else if n + 1 < body_end && content[n + 1] == i + 1 {
            let second = lines[i + 1].trimmed();
            if is_caption_pair(line, second) {
                kinds[i] = Some(Caption);
                kinds[i + 1] = Some(Caption);
                n += 2;
                continue;
            }
        } else if n > 0 && alone(i) && is_cross_head(line) {
            kinds[i] = Some(Headline);
        } else if n > 0 && alone(i) && is_verbless_label(line) {
            kinds[i] = Some(Caption);
        }
        n += 1;
    }

    // A dateline opening the lead is where the story was filed from, not the story: "BERGEN –",
    // "(CNN) —", "New York |".
    for &i in content.iter().take(TOP_LINES + 3) {
        let line = lines[i].trimmed();
        match (kinds[i], cuts[i].as_slice()) {
            (None, []) => {
                if let Some(end) = dateline_end(line) {
                    kinds[i] = Some(Boilerplate);
                    cuts[i].push((end, Body));
                }
            }
            // "By Jane Doe NEW YORK A judge ruled …": the byline, then the dateline.
            (Some(Boilerplate), &[(body, Body)]) => {
                if let Some(end) = dateline_end(&line[body..]) {
                    cuts[i] = vec![(body + end, Body)];
                }
            }
            _ => {}
        }
    }

    // Fill: content lines default to body; blank lines follow the line before them.
    let mut out = Vec::with_capacity(lines.len());
    let mut previous = None;
    for (i, line) in lines.iter().enumerate() {
        let kind = if line.blank() {
            previous.or_else(|| {
                // Leading blank lines take the kind of the first content line.
                content.first().and_then(|&f| kinds[f]).or(Some(Body))
            })
        } else {
            Some(kinds[i].unwrap_or(Body))
        };
        out.push(kind.unwrap_or(Body));
        if !line.blank() {
            // Blank lines after a line cut in pieces take its last piece's kind.
            previous = cuts[i].last().map(|c| c.1).or(kind);
        }
    }
    (out, cuts)
}

/// Words in a line, counted up to `cap`: each rule compares with a small number, and a long
/// paragraph need not be counted to the end for it (`word_count(line, k + 1) <= k` says "at
/// most k words").
fn word_count(line: &str, cap: usize) -> usize {
    // Bytes, decoding only non-ASCII characters: the rules ask this of every line several
    // times, and `split_whitespace` was the costliest part of sectioning.
    let bytes = line.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let (space, len) = if bytes[i].is_ascii() {
            (matches!(bytes[i], b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = line[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if space {
            in_word = false;
        } else if !in_word {
            if words == cap {
                return cap;
            }
            in_word = true;
            words += 1;
        }
        i += len;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_counts_like_split_whitespace_up_to_its_cap() {
        let long = "word ".repeat(80);
        for line in [
            "",
            "  ",
            "one",
            " two  words ",
            "tab\tand\u{b}vertical\u{c}feed\r\nend",
            "no\u{a0}break\u{2003}em\u{3000}space\u{85}next",
            "naïve café — “quoted”",
            "\u{1c}\u{1f} control",
            long.as_str(),
        ] {
            for cap in [0, 1, 2, 7, 61] {
                assert_eq!(
                    word_count(line, cap),
                    line.split_whitespace().take(cap).count(),
                    "{line:?} {cap}"
                );
            }
        }
    }

    fn kinds(text: &str) -> Vec<(SectionKind, String)> {
        split(text)
            .into_iter()
            .map(|s| {
                (
                    s.kind,
                    text[s.start..s.end].trim().chars().take(30).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn covers_the_text_contiguously() {
        let text = "\nTitle Here\n\nBody one.\n\nPhoto: a cat\n\nBody two.\n";
        let sections = split(text);
        assert_eq!(sections[0].start, 0);
        assert_eq!(sections.last().unwrap().end, text.len());
        for pair in sections.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }

    #[test]
    fn headline_rules() {
        assert!(is_headline("Mayor Warns Council Over Budget", false));
        assert!(is_headline(
            "In a late vote, the council backs the budget.",
            true
        ));
        assert!(!is_headline(
            "The council voted late on Monday to back a budget that the mayor had opposed for weeks.",
            false
        ));
        assert!(!is_headline("( the council", true));
    }

    #[test]
    fn empty_text_has_no_sections() {
        assert!(split("").is_empty());
    }

    #[test]
    fn a_caption_pair_and_a_cross_head() {
        let text = "Floods Hit Coast\n\nRain fell all week on the coast.\n\nFlooded street\nFlooded streets in the old town AFP\n\nRelief Efforts\n\nVolunteers arrived on Friday.\n";
        let k = kinds(text);
        assert_eq!(
            k.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            [
                SectionKind::Headline,
                SectionKind::Body,
                SectionKind::Caption,
                SectionKind::Headline,
                SectionKind::Body
            ],
            "{k:?}"
        );
    }
}
