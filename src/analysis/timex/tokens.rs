//! Tokens for the date patterns: words, numbers and punctuation with their byte spans.

use std::borrow::Cow;

/// A token of the text.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    /// Lower-cased text (borrowed from the text when it is lower case already, as most is).
    pub lower: Cow<'a, str>,
}

impl Tok<'_> {
    pub fn is_digits(&self) -> bool {
        !self.lower.is_empty() && self.lower.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Tokenizes `text`: clock times ("10:30"), slashed and ISO dates ("12/30/2021",
/// "2021-12-30"), numbers with thousands separators, decimals and suffixes ("90,000", "2.5",
/// "15th", "1990s"), decades ("'90s"), words (a possessive "'s" stands apart: "year", "'",
/// "s"), and any other non-space character alone.
///
/// Written by hand, one pass over the bytes: the regex it replaces (kept in the tests as its
/// specification) was a tenth of the whole analysis.
///
/// `lower` is `text.to_ascii_lowercase()`: ASCII tokens borrow their lower case from it (same
/// byte offsets), so only a token with a non-ASCII capital allocates one of its own.
pub fn tokenize<'a>(text: &'a str, lower: &'a str) -> Vec<Tok<'a>> {
    debug_assert_eq!(text.len(), lower.len());
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // Numbers and words hold only ASCII letters and digits (and apostrophes, which have
        // no case): their lower case is the lower-cased copy's.
        let (len, ascii_cased) = if b.is_ascii_digit() {
            (number_len(bytes, i), true)
        } else if b.is_ascii_alphabetic() {
            (word_len(bytes, i), true)
        } else {
            let quote = apostrophe_len(bytes, i);
            let len = match quote {
                Some(q) if digits(bytes, i + q) >= 2 => {
                    q + 2 + usize::from(bytes.get(i + q + 2) == Some(&b's'))
                }
                _ => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    if c.is_whitespace() {
                        i += c.len_utf8();
                        continue;
                    }
                    c.len_utf8()
                }
            };
            (len, false)
        };
        let s = &text[i..i + len];
        out.push(Tok {
            start: i,
            end: i + len,
            lower: if ascii_cased || s.is_ascii() {
                Cow::Borrowed(&lower[i..i + len])
            } else if s.chars().any(char::is_uppercase) {
                Cow::Owned(s.to_lowercase())
            } else {
                Cow::Borrowed(s)
            },
        });
        i += len;
    }
    out
}

/// How many ASCII digits start `bytes[i..]`.
fn digits(bytes: &[u8], i: usize) -> usize {
    bytes
        .get(i..)
        .map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// The length of an apostrophe (' or ’) at `i`, if there is one.
fn apostrophe_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..) {
        Some([b'\'', ..]) => Some(1),
        Some([0xE2, 0x80, 0x99, ..]) => Some(3),
        _ => None,
    }
}

/// The token starting with a digit at `i`, in order of preference: a clock time, a slashed
/// date, an ISO date, a number with thousands separators, a plain number.
fn number_len(bytes: &[u8], i: usize) -> usize {
    let n = digits(bytes, i);
    let at = |k: usize| bytes.get(i + k).copied();
    // 10:30, 10:30:15
    if n <= 2 && at(n) == Some(b':') && digits(bytes, i + n + 1) >= 2 {
        let mut len = n + 3;
        if at(len) == Some(b':') && digits(bytes, i + len + 1) >= 2 {
            len += 3;
        }
        return len;
    }
    // 12/30, 12/30/2021
    if n <= 4 && at(n) == Some(b'/') {
        let month = digits(bytes, i + n + 1).min(2);
        if month >= 1 {
            let mut len = n + 1 + month;
            if at(len) == Some(b'/') {
                let year = digits(bytes, i + len + 1).min(4);
                if year >= 2 {
                    len += 1 + year;
                }
            }
            return len;
        }
    }
    // 2021-12-30
    if n == 4
        && at(4) == Some(b'-')
        && digits(bytes, i + 5) >= 2
        && at(7) == Some(b'-')
        && digits(bytes, i + 8) >= 2
    {
        return 10;
    }
    // 90,000 and 1,234.5
    if n <= 3 {
        let mut len = n;
        while at(len) == Some(b',') && digits(bytes, i + len + 1) >= 3 {
            len += 4;
        }
        if len > n {
            return len + decimals(bytes, i + len);
        }
    }
    // 7, 2.5, 15th, 1990s
    let len = n + decimals(bytes, i + n);
    let rest = &bytes[i + len..];
    len + match rest {
        [b's', b't', ..] | [b'n', b'd', ..] | [b'r', b'd', ..] | [b't', b'h', ..] => 2,
        [b's', ..] => 1,
        _ => 0,
    }
}

/// ".5" after a number: a dot and at least one digit.
fn decimals(bytes: &[u8], i: usize) -> usize {
    if bytes.get(i) == Some(&b'.') {
        match digits(bytes, i + 1) {
            0 => 0,
            d => d + 1,
        }
    } else {
        0
    }
}

/// ASCII letters, and what follows an apostrophe unless it is a possessive "s" alone
/// ("don't", "O'Brien" and "it's" are one word; "year's" is "year", "'", "s").
fn word_len(bytes: &[u8], i: usize) -> usize {
    let letters = |k: usize| {
        bytes.get(k..).map_or(0, |r| {
            r.iter().take_while(|b| b.is_ascii_alphabetic()).count()
        })
    };
    let n = letters(i);
    if let Some(q) = apostrophe_len(bytes, i + n) {
        let after = i + n + q;
        let more = letters(after);
        let possessive = matches!(bytes.get(after), Some(b's' | b'S'));
        if more >= 1 && !(possessive && more == 1) {
            return n + q + more;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The specification the hand-written tokenizer follows (leftmost-first alternation).
    static SPEC: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?x)
            \d{1,2}:\d{2}(?::\d{2})?
          | \d{1,4}/\d{1,2}(?:/\d{2,4})?
          | \d{4}-\d{2}-\d{2}
          | \d{1,3}(?:,\d{3})+(?:\.\d+)?
          | \d+(?:\.\d+)?(?:st|nd|rd|th|s)?
          | ['’]\d{2}s?
          | [A-Za-z]+(?:['’](?:[a-rt-zA-RT-Z][A-Za-z]*|[sS][A-Za-z]+))?
          | \S
        ",
        )
        .unwrap()
    });

    fn spans(text: &str) -> Vec<(usize, usize)> {
        tokenize(text, &text.to_ascii_lowercase())
            .iter()
            .map(|t| (t.start, t.end))
            .collect()
    }

    fn spec_spans(text: &str) -> Vec<(usize, usize)> {
        SPEC.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn tokens_follow_the_specification() {
        let cases = [
            "10:30 1:05:09 123:45 12:3 7:5x 10:305",
            "12/30/2021 1/2 1/234/5 12345/6 1/2/12345 3/ 2020/21 1/2/3",
            "2021-12-30 2021-1-30 2021-123-45 20211-12-30 2021-12-305 2021-12",
            "90,000 1,234.5 1,2345 1234,567 12,34 1,000,000. 3,",
            "7 2.5 15th 1990s 2nd 3rds 15TH 4. 5.x 21st-century 1st.",
            "'90s ’80 '9 ’ 'quoted' year's it's O'Brien don’t Jones’s s'S A'ss",
            "café naïve Zürich — “quote” … \u{a0}x\u{b}y\u{2003}z\t\r\nend",
            "",
            "   ",
            "a’",
        ];
        for text in cases {
            assert_eq!(spans(text), spec_spans(text), "{text:?}");
        }
        // The built-in sample, whole.
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus"))
            .unwrap()
            .flatten()
        {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            assert_eq!(
                spans(&text),
                spec_spans(&text),
                "{}",
                entry.path().display()
            );
        }
    }

    #[test]
    fn tokens() {
        let text = "Mar. 7-8, 2022 at 10:30 the '90s, 11/14/2021 year's 40-minute Élysée ÉTÉ Don’t";
        let t: Vec<String> = tokenize(text, &text.to_ascii_lowercase())
            .into_iter()
            .map(|t| t.lower.into_owned())
            .collect();
        assert_eq!(
            t,
            [
                "mar",
                ".",
                "7",
                "-",
                "8",
                ",",
                "2022",
                "at",
                "10:30",
                "the",
                "'90s",
                ",",
                "11/14/2021",
                "year",
                "'",
                "s",
                "40",
                "-",
                "minute",
                // Non-ASCII letters stand alone (as in the specification); a capital is still
                // lower-cased.
                "é",
                "lys",
                "é",
                "e",
                "é",
                "t",
                "é",
                // A curly apostrophe inside a word: the word's lower case keeps it.
                "don’t"
            ]
        );
    }
}
