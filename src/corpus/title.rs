//! A title for a document that has none (no metadata, no headline line): the first sentence of
//! its body, without a dateline ("Mar. 14 (UPI) --", "SPRINGFIELD, Ohio —"), shortened at a word.
//! Never a byline, a share button or a caption: only body text is read, and lines that look
//! like page furniture are skipped. Kept out of the analysis: it names documents, nothing more.

use super::{Section, SectionKind};

/// Longest title made from text, in characters.
const MAX_CHARS: usize = 90;
/// A line with fewer words than this (and no full stop) is page furniture, not a lead.
const MIN_WORDS: usize = 5;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "co", "corp", "ltd", "gov", "sen", "rep",
    "gen", "lt", "col", "sgt", "capt", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "vs", "mt", "ft", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// Lines that are page furniture even when long enough.
const FURNITURE: &[&str] = &[
    "advertisement",
    "share",
    "copy link",
    "sign up",
    "subscribe",
    "read more",
    "updated",
    "originally published",
    "published",
    "by ",
    "photo",
    "file photo",
    "listen",
];

/// The title made from the body of `text`, if it has a usable first sentence.
pub fn from_text(text: &str, sections: &[Section]) -> Option<String> {
    for s in sections.iter().filter(|s| s.kind == SectionKind::Body) {
        for line in text.get(s.start..s.end)?.lines() {
            let line = line.trim();
            if furniture(line) {
                continue;
            }
            let lead = strip_dateline(line);
            let sentence = first_sentence(lead);
            if sentence.split_whitespace().count() >= MIN_WORDS - 1
                && sentence.chars().any(char::is_lowercase)
            {
                return Some(shorten(sentence));
            }
        }
    }
    None
}

fn furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    if words < MIN_WORDS && !line.ends_with('.') {
        return true;
    }
    FURNITURE.iter().any(|f| {
        lower.starts_with(f) && (words < 12 || f.ends_with(' ')) && !lower.starts_with("by the ")
    }) || line.starts_with('(') && line.ends_with(')')
}

/// `line` without a leading dateline: "CITY (Agency) —", "Mar. 14 (UPI) --", "(CNN) —".
fn strip_dateline(line: &str) -> &str {
    for dash in [" — ", " – ", " -- ", " - ", "— ", "-- "] {
        let Some(i) = line.find(dash) else { continue };
        if i > 48 {
            continue;
        }
        let head = &line[..i];
        // A dateline is names, numbers and parentheses: no lower-case word outside brackets.
        let mut depth = 0i32;
        let mut plain = String::new();
        for c in head.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                c if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        let lower_word = plain
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_lowercase));
        if !lower_word {
            return line[i + dash.len()..].trim_start();
        }
    }
    line
}

/// The first sentence of `text` (all of it when it has one).
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'.' | b'?' | b'!') {
            continue;
        }
        let rest = &text[i + 1..];
        let next = rest.trim_start_matches(['"', '\'', '”', '’', ')']);
        let Some(after) = next.strip_prefix(' ') else {
            if next.is_empty() {
                return &text[..=i];
            }
            continue;
        };
        if !after
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '\''))
        {
            continue;
        }
        let word = text[..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .to_lowercase();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        if b == b'.' && (initial || ABBREVIATIONS.contains(&word.as_str())) {
            continue;
        }
        return &text[..=i];
    }
    text
}

/// At most [`MAX_CHARS`] characters, cut at a word with an ellipsis, no final full stop.
fn shorten(sentence: &str) -> String {
    let s = sentence.trim().trim_end_matches('.');
    if s.chars().count() <= MAX_CHARS {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX_CHARS - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX_CHARS / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!(
        "{}…",
        cut.trim_end_matches([',', ';', ':', ' ', '—', '–', '-'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<Section> {
        vec![Section {
            start: 0,
            end: text.len(),
            kind: SectionKind::Body,
        }]
    }

    #[test]
    fn titles_come_from_the_lead_without_its_dateline() {
        let t = "Mar. 14 (UPI) -- Kestrel Bank founder Lena Moe-Berg has been found liable on three counts. She faces fines.";
        assert_eq!(
            from_text(t, &body(t)).unwrap(),
            "Kestrel Bank founder Lena Moe-Berg has been found liable on three counts"
        );
        let t = "SPRINGFIELD, Ohio — The Harbour Board on Wednesday said that the missing boat was found. More.";
        assert_eq!(
            from_text(t, &body(t)).unwrap(),
            "The Harbour Board on Wednesday said that the missing boat was found"
        );
    }

    #[test]
    fn bylines_and_buttons_are_skipped_and_long_leads_shortened() {
        let t = "By Rina Okafor\nShare\nKestrel Bank Chief Executive Tomas Berg said on Tuesday the bank had agreed in principle to take over a rival's unit, Fjord.com, to help cover a shortfall in cash.";
        let title = from_text(t, &body(t)).unwrap();
        assert!(title.starts_with("Kestrel Bank Chief Executive"), "{title}");
        assert!(
            title.ends_with('…') && title.chars().count() <= MAX_CHARS,
            "{title}"
        );
        assert!(from_text("Share\nTweet", &body("Share\nTweet")).is_none());
    }
}
