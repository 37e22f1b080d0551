//! Photo captions and credits.

use std::sync::LazyLock;

use regex::Regex;

use super::shapes::is_label;
use super::word_count;

// Word boundaries in these patterns are ASCII ones, `(?-u:\b)`: the regex engine's fast lazy
// DFA cannot evaluate Unicode boundaries on non-ASCII text and would fall back to a slow one;
// the words they bound are ASCII anyway.
static CAPTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(\(?(photo|image|picture|pictured|credit|caption|file photo|video)(?-u:\b)\s*[:)—–-])|(/\s*(afp|ap|reuters|getty images?|epa|shutterstock)\)?$)|(\((ap|afp|reuters) photo[^)]*\))|((?-u:\b)(getty images|shutterstock|wikimedia commons)\)?$)",
    )
    .unwrap()
});

/// Agencies and platforms whose name ends a photo caption as its credit.
static CREDIT_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(Reuters|AFP|AP|EPA|Getty|Bloomberg|Twitter|Facebook|Instagram|YouTube|TikTok|Telegram|Shutterstock|Handout|Xinhua|TASS|Sputnik|PA|Alamy|Unsplash|Pixabay|Flickr|Pexels|Wikipedia|Supplied)$").unwrap()
});

/// A caption by what it says ("Photo: …", "… /AFP") or a short label ending in a credit
/// ("Firefighters at the scene Reuters").
pub(super) fn is_caption_line(line: &str) -> bool {
    word_count(line, 41) <= 40 && CAPTION_LINE.is_match(line)
        || is_label(line) && word_count(line, 2) >= 2 && CREDIT_TOKEN.is_match(line)
}

/// Finite verbs and auxiliaries that make a short line a sentence rather than a label.
static FINITE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(is|are|was|were|be|been|has|have|had|will|would|shall|should|can|could|may|might|must|do|does|did|says?|said|told|\w{3,}ed|\w+n[’']t)(?-u:\b)").unwrap()
});

/// A short lowercase-led label alone inside the body, with no finite verb and no final
/// punctuation ("Firefighters outside the burning warehouse"): what is left of a photo when
/// the photo is gone. Title Case lines are cross-heads instead
/// ([`super::shapes::is_cross_head`]).
pub(super) fn is_verbless_label(line: &str) -> bool {
    let words = word_count(line, 13);
    (2..=12).contains(&words)
        && is_label(line)
        && !line.ends_with([',', '-', '–', '—'])
        && line.chars().next().is_some_and(char::is_uppercase)
        && !FINITE_VERB.is_match(line)
        && !line.contains(['“', '"', '‘'])
}

/// What marks a line as a photo's: a counter or a "FILE" tag before it ("1 of 2 |", "FILE –"),
/// a credit after it ("(AP Photo/Ada Lund, File)", "(Per Dahl/Harbour Gazette file
/// photo)", "Photo by Rina Okafor/Getty Images/TNS", ".Credit: AP/Supplied", " Getty").
static PHOTO_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(FILE(\s+PHOTO)?\s*[-–—:|]\s*|\d{1,3}\s+(of|/)\s+\d{1,3}\s*[|:–—-]\s*)").unwrap()
});

static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (
            \s*\(\s*(AP|AFP|EPA|Reuters|Getty|Xinhua|Anadolu)?\s*(Photo|Foto|Images?)\s*/[^()]*\)
          | \s*\([\p{Lu}][\p{L}.'’´-]+(\s+[\p{Lu}][\p{L}.'’´-]+){0,3}\s*/\s*[^()]{2,80}\)
          | \s*\((File\s+)?[Pp]hoto(graph)?\s+(by|credit:?|courtesy(\s+of)?)\s+[^()]{2,80}\)
          | \s*(File\s+)?[Pp]hoto(graph)?\s+(by|credit:?|courtesy(\s+of)?)\s+[^.()]{2,80}
          | \s*Credit:\s*[^()]{1,80}
          | \s+(Getty(\s+Images)?|AP|AFP|Reuters|EPA|Shutterstock)
        )
        (\s*\([^)]*\)?)?\s*\|?\s*$",
    )
    .unwrap()
});

/// A line that dates or places what it shows: a month, a weekday or a year.
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|(?-u:\b)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?-u:\b)|(?-u:\b)(19|20)\d\d(?-u:\b)")
        .unwrap()
});

/// A verb in the present tense right after a name, as captions are written ("Lund attends",
/// "Moe-Berg arrives").
static CAPTION_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Lu}[\p{L}'’-]*,?\s+[a-z]{3,}s(?-u:\b)").unwrap());

/// Where a photo's counter or tag ends and where its credit starts, when the line carries
/// either: `(0, line.len())` marks nothing.
pub(super) fn photo_marks(line: &str) -> Option<(usize, usize)> {
    let start = PHOTO_PREFIX.find(line).map_or(0, |m| m.end());
    let end = PHOTO_CREDIT
        .find_at(line, start)
        .filter(|m| m.start() > start)
        .map_or(line.len(), |m| m.start());
    (start > 0 || end < line.len()).then_some((start, end))
}

/// Whether a caption, once its marks are cut off, reports a dated happening in a sentence
/// ("Ada Lund attends the gala on May 9, 2021, in Oslo."): such a caption is part of the
/// story; a label ("Mira Sandvik, chair of the board.") is not.
pub(super) fn reports_dated_happening(text: &str) -> bool {
    word_count(text, 7) >= 6
        && DATED.is_match(text)
        && (FINITE_VERB.is_match(text) || CAPTION_VERB.is_match(text))
}
