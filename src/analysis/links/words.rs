//! The words between two names, with the punctuation around each that relation patterns read.

/// A word of the text between two names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap<'a> {
    pub text: &'a str,
    pub lower: String,
    pub capitalized: bool,
    pub number: bool,
    /// A comma follows the word.
    pub comma: bool,
    /// A comma comes right before the word.
    pub comma_before: bool,
    /// A quotation mark touches the word: a quote is no relation.
    pub quote: bool,
    /// The text opened with a possessive ("’s") right before this word: "Nilsen’s roommate".
    pub possessive_start: bool,
}

/// The words of `text`, with their punctuation read into flags.
pub fn words_of(text: &str) -> Vec<Gap<'_>> {
    let mut out: Vec<Gap> = Vec::new();
    let mut rest = text;
    // A possessive right after the first name: "’s former partner", "' partner".
    let mut possessive = false;
    for mark in ["’s", "'s", "’", "'"] {
        if let Some(r) = rest.strip_prefix(mark)
            && r.starts_with(char::is_whitespace)
        {
            rest = r;
            possessive = true;
            break;
        }
    }
    let mut comma_before = rest.trim_start().starts_with(',');
    for raw in rest.split_whitespace() {
        let quote = raw.contains(['"', '“', '”', '‘']);
        let comma = raw.ends_with(',');
        let word =
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’');
        let word = word
            .strip_suffix("’s")
            .or_else(|| word.strip_suffix("'s"))
            .unwrap_or(word);
        if word.is_empty() {
            // A lone dash or comma: it still separates.
            if raw.contains(',') {
                if let Some(last) = out.last_mut() {
                    last.comma = true;
                } else {
                    comma_before = true;
                }
            }
            continue;
        }
        out.push(Gap {
            text: word,
            lower: word.to_lowercase(),
            capitalized: word.chars().next().is_some_and(char::is_uppercase),
            number: word.chars().all(|c| c.is_ascii_digit()),
            comma,
            comma_before,
            quote,
            possessive_start: possessive && out.is_empty(),
        });
        comma_before = comma;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        let w = words_of("’s former partner, “said”");
        assert_eq!(w.len(), 3);
        assert!(w[0].possessive_start && !w[1].possessive_start);
        assert!(w[1].comma && w[2].comma_before && w[2].quote);
        let w = words_of(", a lawyer for Kim, told ");
        assert!(w[0].comma_before);
        assert!(w[3].comma && w[4].comma_before);
        assert_eq!(w[3].text, "Kim");
    }
}
