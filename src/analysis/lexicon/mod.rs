//! Word lists that name-finding leans on: given names, places with their other names and
//! demonyms, and the cue words of roles, organizations and places. All general knowledge of
//! English news; nothing here is about any one corpus.

mod cues;
mod names;
mod places;

pub use cues::*;
pub use names::*;
pub use places::*;

/// Entries of word lists: one a line, `#` opens a comment line.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(is_given_name("Maria"));
        assert!(!is_given_name("June"));
        assert_eq!(place("Kiev").map(|p| p.name), Some("Kyiv"));
        assert_eq!(place("U.S.").map(|p| p.name), Some("United States"));
        // As a tokenizer leaves it at the end of a word run.
        assert_eq!(place("U.S").map(|p| p.name), Some("United States"));
        assert!(place("Miami").is_some_and(|p| p.city));
        assert!(place("St. Nowhere").is_none());
        assert_eq!(demonym("Swiss").map(|p| p.name), Some("Switzerland"));
        assert!(place("Geneva").is_some_and(|p| !p.country));
    }
}
