//! Which language a document is written in.
//!
//! The analysis reads English only: on French or Chinese text its name and date rules would
//! invent people out of capitalized words and miss every event. A document that is clearly in
//! another language is therefore loaded and shown, but set aside from the analysis with a
//! warning that says so. "Clearly" means the text itself says so (a page's `lang` tag alone is
//! often a template's default and is only recorded).

/// Bytes of article text looked at: a few paragraphs tell the language, and a corpus of 10,000
/// articles must still load in a moment.
const SAMPLE_BYTES: usize = 2000;

/// A sample where at least this share of the words are common English function words is
/// English without asking the detector (the detector costs far more than this count).
const ENGLISH_FUNCTION_WORD_SHARE: f64 = 0.18;

/// Fewest letters in a sample for the detector's verdict to count.
const MIN_LETTERS: usize = 60;

/// English words that make up about a quarter of any English prose.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as",
    "he", "she", "his", "her", "they", "be", "at", "by", "this", "had", "not", "are", "but",
    "from", "or", "have", "an", "which", "you", "were", "has", "their", "said", "will", "would",
    "been", "who", "its", "we", "there",
];

/// The language of `text` as an ISO 639-3 code (`"eng"`, `"fra"`, `"cmn"`), when the text says
/// so reliably; `None` for text too short or too mixed to tell.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample = &text[..floor_char_boundary(text, SAMPLE_BYTES)];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let (mut words, mut function) = (0usize, 0usize);
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        if word.len() <= 5 && FUNCTION_WORDS.iter().any(|f| word.eq_ignore_ascii_case(f)) {
            function += 1;
        }
    }
    if words > 0 && function as f64 >= words as f64 * ENGLISH_FUNCTION_WORD_SHARE {
        return Some("eng");
    }
    let info = whatlang::detect(sample)?;
    info.is_reliable().then(|| info.lang().code())
}

/// The English name of a language code from [`detect`] ("French"), or the code itself.
pub fn name(code: &str) -> String {
    whatlang::Lang::from_code(code).map_or_else(|| code.to_string(), |l| l.eng_name().to_string())
}

/// `"eng"`, `"en"`, `"en-GB"`, ... in any case.
pub fn is_english_code(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or("");
    primary.eq_ignore_ascii_case("en") || primary.eq_ignore_ascii_case("eng")
}

/// Whether a recorded language came from reading the text ([`detect`]'s three-letter codes)
/// rather than from what the file declares.
pub fn is_detected_code(code: &str) -> bool {
    whatlang::Lang::from_code(code).is_some()
}

/// The warning for a document the analysis cannot read.
pub fn not_english_warning(code: &str) -> String {
    format!(
        "written in {}; the analysis reads English only, so its people and events are not extracted",
        name(code)
    )
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_french_and_chinese() {
        let en = "The council voted on Tuesday to delay the bridge, and the mayor said that it was \
                  a mistake which would cost the town dearly in the years to come.";
        let fr = "Le conseil municipal a voté mardi le report du pont, et le maire a déclaré que \
                  c'était une erreur qui coûterait cher à la ville dans les années à venir.";
        let zh = "市议会星期二投票决定推迟修建这座桥，市长说这是一个错误，将在未来几年给城市带来沉重的代价。\
                  市议会星期二投票决定推迟修建这座桥，市长说这是一个错误。";
        assert_eq!(detect(en), Some("eng"));
        assert_eq!(detect(fr), Some("fra"));
        assert_eq!(detect(zh), Some("cmn"));
        assert_eq!(name("fra"), "French");
        assert_eq!(detect("Short text."), None);
    }

    #[test]
    fn codes() {
        assert!(is_english_code("en-US") && is_english_code("eng") && !is_english_code("fr"));
        assert!(is_detected_code("fra") && !is_detected_code("fr-FR"));
    }
}
