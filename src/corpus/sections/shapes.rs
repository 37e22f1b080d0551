//! The shapes of lines: headlines, cross-heads, labels, caption pairs.

use super::word_count;

/// Ends like a sentence: a full stop, question or exclamation mark, colon, or a closing quote.
pub(super) fn ends_like_sentence(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with(['.', '!', '?', ':', ';', '”', '"', '’', '\''])
        && !line.ends_with("...")
        && !line.ends_with('…')
}

pub(super) fn is_headline(line: &str, followed_by_blank: bool) -> bool {
    let words = word_count(line, 26);
    let starts_upper = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    if !starts_upper || words == 0 || words > 25 || line.len() > 200 {
        return false;
    }
    let ends_stop = line.trim_end().ends_with('.');
    !ends_stop || (followed_by_blank && words <= 14)
}

/// A short line alone, most words capitalized, no final punctuation: a heading inside the body.
pub(super) fn is_cross_head(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(9).collect();
    if words.is_empty() || words.len() > 8 || ends_like_sentence(line) || line.ends_with(',') {
        return false;
    }
    let capitalized = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    capitalized * 3 >= words.len() * 2 && words[0].chars().next().is_some_and(char::is_uppercase)
}

/// Short, unpunctuated: the shape of a caption, a credit or a label.
pub(super) fn is_label(line: &str) -> bool {
    // The cheap test first: a paragraph ends like a sentence.
    !ends_like_sentence(line) && (1..=16).contains(&word_count(line, 17))
}

/// "Flooded street" / "Flooded streets in the old town AFP": a caption title and the caption
/// with its credit, the second starting like the first.
pub(super) fn is_caption_pair(first: &str, second: &str) -> bool {
    if !is_label(first) || !is_label(second) {
        return false;
    }
    let a: Vec<String> = first.split_whitespace().map(|w| w.to_lowercase()).collect();
    let b: Vec<String> = second
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let stem = |w: &str| w.trim_end_matches('s').to_string();
    !a.is_empty() && b.len() > a.len() && stem(&a[0]) == stem(&b[0])
}
