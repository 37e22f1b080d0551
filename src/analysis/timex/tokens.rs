//! Tokens for the date patterns: words, numbers and punctuation with their byte spans.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

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

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \d{1,2}:\d{2}(?::\d{2})?          # clock times
      | \d{1,4}/\d{1,2}(?:/\d{2,4})?      # 12/30/2021, 12/30
      | \d{4}-\d{2}-\d{2}                 # ISO dates
      | \d{1,3}(?:,\d{3})+(?:\.\d+)?      # 90,000
      | \d+(?:\.\d+)?(?:st|nd|rd|th|s)?   # 7, 2.5, 15th, 1990s
      | ['’]\d{2}s?                        # '90s
      | [A-Za-z]+(?:['’](?:[a-rt-zA-RT-Z][A-Za-z]*|[sS][A-Za-z]+))?  # words; a possessive 's stands apart
      | \S                                 # any other single character
    ",
    )
    .unwrap()
});

/// Tokenizes `text`.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    TOKEN
        .find_iter(text)
        .map(|m| {
            let s = m.as_str();
            Tok {
                start: m.start(),
                end: m.end(),
                lower: if s.chars().any(char::is_uppercase) {
                    Cow::Owned(s.to_lowercase())
                } else {
                    Cow::Borrowed(s)
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let t: Vec<String> =
            tokenize("Jan. 9-10, 2022 at 10:30 the '90s, 12/30/2021 year's 50-minute")
                .into_iter()
                .map(|t| t.lower.into_owned())
                .collect();
        assert_eq!(
            t,
            [
                "jan",
                ".",
                "9",
                "-",
                "10",
                ",",
                "2022",
                "at",
                "10:30",
                "the",
                "'90s",
                ",",
                "12/30/2021",
                "year",
                "'",
                "s",
                "50",
                "-",
                "minute"
            ]
        );
    }
}
