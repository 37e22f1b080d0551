//! Tokens for the date patterns: words, numbers and punctuation with their byte spans.

use std::sync::LazyLock;

use regex::Regex;

/// A token of the text.
#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower-cased text.
    pub lower: String,
}

impl Tok {
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
pub fn tokenize(text: &str) -> Vec<Tok> {
    TOKEN
        .find_iter(text)
        .map(|m| Tok {
            start: m.start(),
            end: m.end(),
            lower: m.as_str().to_lowercase(),
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
                .map(|t| t.lower)
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
