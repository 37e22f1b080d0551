//! Sentence splitting that knows news abbreviations ("Dec.", "U.S.", "Jan. 10").
//!
//! A sentence ends after `.`, `!` or `?` (and any closing quotes or brackets right after it)
//! when whitespace and then an uppercase letter, a digit or an opening quote follow — unless
//! the full stop ends an abbreviation: a title ("Mr.", "Gov."), a month ("Jan. 10"), "No. 10",
//! "vs.", a dotted acronym ("U.S.", "a.m.") or an initial ("George W. Bush"). After an acronym,
//! a month or an initial, a common sentence opener ("The", "He", "But") still starts a new
//! sentence: "in the U.S. The next day". A sentence never crosses a section boundary or a
//! newline.

use crate::corpus::{Document, SectionKind};

/// A sentence: byte range `[start, end)` of its document's text, and the section it lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub section: SectionKind,
}

/// Splits every section of `doc` into sentences (a sentence never crosses a section boundary).
pub fn split(doc: &Document) -> Vec<Sentence> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for section in &doc.sections {
        let start = floor_boundary(text, section.start);
        let end = floor_boundary(text, section.end);
        if start >= end {
            continue;
        }
        let mut line_start = start;
        for line in text[start..end].split_inclusive('\n') {
            let line_end = line_start + line.len();
            for (a, b) in split_line(text, line_start, line_end) {
                out.push(Sentence {
                    start: a,
                    end: b,
                    section: section.kind,
                });
            }
            line_start = line_end;
        }
    }
    out
}

/// Titles before names: never end a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Prof", "St",
    "Jr", "Sr", "vs",
];

/// Abbreviated months: "Jan. 10".
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

/// Capitalized function words that start a sentence even after an acronym, a month or an
/// initial: "in the U.S. The next day".
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "But",
    "And",
    "This",
    "That",
    "Those",
    "These",
    "Also",
    "His",
    "Her",
    "Its",
    "Their",
    "There",
    "After",
    "At",
    "As",
    "When",
    "If",
    "However",
    "Meanwhile",
];

/// Longest sentence kept whole, in bytes. News sentences stay far below it (the longest of
/// TimeBank/AQUAINT's 256 articles is under 1,000); text without sentence marks (a transcript,
/// a merged dump) is cut at a space below it, so that no later stage's per-sentence work grows
/// with the document.
const MAX_SENTENCE_BYTES: usize = 2_000;

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']'];
const OPENERS: &[char] = &['"', '“', '‘', '\''];

/// The trimmed, non-empty sentence spans of the line `text[start..end]`.
fn split_line(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let line = &text[start..end];
    let mut spans = Vec::new();
    let mut from = 0;
    let char_at = |p: usize| line[p..].chars().next();
    // Only the marks are visited (found by SIMD byte search), not every character.
    let mut at = 0;
    while let Some(offset) = memchr::memchr3(b'.', b'!', b'?', &line.as_bytes()[at..]) {
        let pos = at + offset;
        // Closing quotes and brackets belong to the sentence that just ended.
        let mut cut = pos + 1;
        while let Some(c) = char_at(cut).filter(|c| CLOSERS.contains(c)) {
            cut += c.len_utf8();
        }
        let mut next_at = cut;
        while let Some(c) = char_at(next_at).filter(|c| c.is_whitespace()) {
            next_at += c.len_utf8();
        }
        let Some(next) = char_at(next_at).filter(|_| next_at > cut) else {
            at = cut;
            continue;
        };
        let opens = next.is_uppercase() || next.is_ascii_digit() || OPENERS.contains(&next);
        let closed = cut > pos + 1;
        if opens && (line.as_bytes()[pos] != b'.' || closed || !is_abbreviation(line, pos, next_at))
        {
            spans.push((from, cut));
            from = next_at;
        }
        at = next_at;
    }
    spans.push((from, line.len()));
    if spans.iter().any(|&(a, b)| b - a > MAX_SENTENCE_BYTES) {
        spans = spans
            .into_iter()
            .flat_map(|(a, b)| bounded(line, a, b))
            .collect();
    }
    spans
        .into_iter()
        .filter_map(|(a, b)| trim(line, a, b))
        .map(|(a, b)| (start + a, start + b))
        .collect()
}

/// `[a, b)` of `line` in pieces of at most [`MAX_SENTENCE_BYTES`], each cut after the last
/// space that fits (or, in a run without spaces, at a character boundary).
fn bounded(line: &str, mut a: usize, b: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    std::iter::from_fn(move || {
        if a >= b {
            return None;
        }
        let end = if b - a > MAX_SENTENCE_BYTES {
            let limit = floor_boundary(line, a + MAX_SENTENCE_BYTES);
            line[a..limit]
                .rfind(char::is_whitespace)
                .filter(|&i| i > 0)
                .map_or(limit, |i| a + i)
        } else {
            b
        };
        let piece = (a, end);
        a = end;
        Some(piece)
    })
}

/// Whether the full stop at `dot` of `line` ends an abbreviation that does not end the
/// sentence, given that the next word starts at `next`.
fn is_abbreviation(line: &str, dot: usize, next: usize) -> bool {
    let before = &line[..dot];
    let word_start = before.rfind(|c: char| c.is_whitespace()).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    let word = before[word_start..]
        .trim_start_matches(|c: char| OPENERS.contains(&c) || matches!(c, '(' | '['));
    if word.is_empty() {
        return false;
    }
    let rest = &line[next..];
    let next_word: &str = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let next_char = rest.chars().next().unwrap_or(' ');
    let starter = STARTERS.contains(&next_word) || OPENERS.contains(&next_char);
    if TITLES.contains(&word) {
        return true;
    }
    if word == "No" {
        return next_char.is_ascii_digit();
    }
    if MONTHS.contains(&word) || is_dotted_acronym(word) || is_initial(word) {
        return !starter;
    }
    false
}

/// Whether a full stop after `word` (written without it) may end an abbreviation rather than
/// a sentence: a title ("St", "Dr"), a month ("Jan"), a dotted acronym or an initial.
pub(crate) fn may_abbreviate(word: &str) -> bool {
    TITLES.contains(&word) || MONTHS.contains(&word) || is_dotted_acronym(word) || is_initial(word)
}

/// "U.S", "U.N", "a.m", "D.C" (the final dot already cut off).
fn is_dotted_acronym(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            let n = p.chars().count();
            (1..=2).contains(&n) && p.chars().all(char::is_alphabetic)
        })
}

/// A single capital letter: "J", "W".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// `[a, b)` of `line` without surrounding whitespace, if anything is left.
fn trim(line: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let piece = &line[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    (!trimmed.is_empty()).then(|| (a + lead, a + lead + trimmed.len()))
}

/// Largest char boundary at or below `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Section;

    fn doc_with(text: &str, sections: Vec<Section>) -> Document {
        Document::for_test("d1", text, sections)
    }

    fn body(text: &str) -> Document {
        Document::body_for_test("d1", text)
    }

    #[test]
    fn text_without_sentence_marks_is_cut_into_bounded_pieces() {
        let words = "and then the talks went on ".repeat(2_000);
        for text in [words, "é".repeat(5_000)] {
            let pieces = split(&body(&text));
            assert!(pieces.len() > 1);
            assert!(pieces.iter().all(|s| s.end - s.start <= MAX_SENTENCE_BYTES));
            // Nothing is lost but the spaces at the cuts.
            let kept: String = pieces.iter().map(|s| &text[s.start..s.end]).collect();
            let unspaced = |t: &str| t.split_whitespace().collect::<String>();
            assert_eq!(unspaced(&kept), unspaced(&text));
        }
    }

    fn texts(text: &str) -> Vec<String> {
        let d = body(text);
        split(&d)
            .iter()
            .map(|s| d.text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            texts("The council met on Monday. It voted 7-2! Was it fair? 12 members left."),
            [
                "The council met on Monday.",
                "It voted 7-2!",
                "Was it fair?",
                "12 members left."
            ]
        );
        // No split before a lowercase word or without whitespace.
        assert_eq!(
            texts("The price rose 2.5 percent. version 3.1 shipped."),
            ["The price rose 2.5 percent. version 3.1 shipped."]
        );
    }

    #[test]
    fn titles_months_and_numbers_do_not_split() {
        assert_eq!(
            texts(
                "Mr. Okafor and Dr. Chen met Gov. Patel on Jan. 10 at St. Mary's. \
                 They signed No. 4 of the accords, Okafor vs. Chen, etc. and left."
            ),
            [
                "Mr. Okafor and Dr. Chen met Gov. Patel on Jan. 10 at St. Mary's.",
                "They signed No. 4 of the accords, Okafor vs. Chen, etc. and left."
            ]
        );
        assert_eq!(
            texts("The vote comes in Sept. The mayor expects to win."),
            ["The vote comes in Sept.", "The mayor expects to win."]
        );
    }

    #[test]
    fn acronyms_split_only_before_sentence_openers() {
        assert_eq!(
            texts(
                "The U.N. envoy arrived at 9 a.m. local time. He spoke in the U.S. The next \
                 day he left for the U.K. Foreign Office briefing."
            ),
            [
                "The U.N. envoy arrived at 9 a.m. local time.",
                "He spoke in the U.S.",
                "The next day he left for the U.K. Foreign Office briefing."
            ]
        );
        assert_eq!(
            texts("Talks resume at 10 a.m. 14 delegates attend."),
            ["Talks resume at 10 a.m. 14 delegates attend."]
        );
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            texts("Union leader J. Williams met George W. Hartley. The talks failed."),
            [
                "Union leader J. Williams met George W. Hartley.",
                "The talks failed."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            texts(
                "“We will not back down,” the mayor said. “The budget is final.” Next week \
                 the council votes. \"It is over,\" she said. \"Done.\" Workers (some angry.) \
                 Left early. ‘Why?’ he asked."
            ),
            [
                "“We will not back down,” the mayor said.",
                "“The budget is final.”",
                "Next week the council votes.",
                "\"It is over,\" she said.",
                "\"Done.\"",
                "Workers (some angry.)",
                "Left early.",
                "‘Why?’ he asked."
            ]
        );
        assert_eq!(
            texts("“Is this fair?” asked Lena Ortiz. She left."),
            ["“Is this fair?” asked Lena Ortiz.", "She left."]
        );
    }

    #[test]
    fn newlines_and_sections_bound_sentences() {
        let text = "Strike ends in Rivertown\nThe union voted yes\nMembers return Monday.  \n\nPhoto: workers cheer. Credit AP";
        let caption = text.find("Photo").unwrap();
        let d = doc_with(
            text,
            vec![
                Section {
                    start: 0,
                    end: 25,
                    kind: SectionKind::Headline,
                },
                Section {
                    start: 25,
                    end: caption,
                    kind: SectionKind::Body,
                },
                Section {
                    start: caption,
                    end: text.len(),
                    kind: SectionKind::Caption,
                },
            ],
        );
        let got: Vec<(&str, SectionKind)> = split(&d)
            .iter()
            .map(|s| (&d.text[s.start..s.end], s.section))
            .collect();
        assert_eq!(
            got,
            [
                ("Strike ends in Rivertown", SectionKind::Headline),
                ("The union voted yes", SectionKind::Body),
                ("Members return Monday.", SectionKind::Body),
                ("Photo: workers cheer.", SectionKind::Caption),
                ("Credit AP", SectionKind::Caption),
            ]
        );
    }

    #[test]
    fn section_boundary_mid_line_and_empty_input() {
        let text = "Budget vote delayed The mayor said no.";
        let d = doc_with(
            text,
            vec![
                Section {
                    start: 0,
                    end: 20,
                    kind: SectionKind::Headline,
                },
                Section {
                    start: 20,
                    end: text.len(),
                    kind: SectionKind::Body,
                },
            ],
        );
        let got: Vec<&str> = split(&d).iter().map(|s| &d.text[s.start..s.end]).collect();
        assert_eq!(got, ["Budget vote delayed", "The mayor said no."]);
        assert!(split(&body("")).is_empty());
        assert!(split(&body("  \n \n")).is_empty());
    }
}
