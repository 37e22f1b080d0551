//! A title's lead set in capitals, read in lower case.

use super::super::words::Word;

/// A lead set in capitals ("THE TRIAL OF NFB founder …", a kicker some outlets print) in
/// lower case, word by word, except for words the article writes in capitals elsewhere too
/// (acronyms: "NFB"); empty when the title does not open with at least two such words, one
/// of them longer than an acronym.
pub(super) fn shouted_lead(doc_text: &str, all: &[Word], kept: &[(usize, &str)]) -> Vec<String> {
    let shouting = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    let run = kept.iter().take_while(|(_, w)| shouting(w)).count();
    if run < 2 || !kept[..run].iter().any(|(_, w)| w.len() >= 4) {
        return Vec::new();
    }
    let (from, to) = (all[kept[0].0].start, all[kept[run - 1].0].end);
    let elsewhere = |w: &str| {
        doc_text.match_indices(w).any(|(at, _)| {
            let end = at + w.len();
            let whole = !doc_text[..at].ends_with(char::is_alphanumeric)
                && !doc_text[end..].starts_with(char::is_alphanumeric);
            whole && (end <= from || at >= to)
        })
    };
    kept[..run]
        .iter()
        .map(|(_, w)| {
            if elsewhere(w) {
                (*w).to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect()
}
