//! Tense around an expression: whether "Thursday" or "January 10" points back or ahead.
//!
//! News reports the past, so the past is the default; a nearer future cue ("will meet",
//! "scheduled for", "next") turns an expression forward. The nearest cue in the sentence wins.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::tokens::Tok;

/// The cue lists as sets: every word around every date is looked up in them.
static FUTURE_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| FUTURE.iter().copied().collect());
static PAST_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| PAST.iter().copied().collect());

/// Which way the sentence points from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    /// Surely past, whatever the calendar suggests: a photo caption shows what has been.
    Shown,
    Future,
    Unknown,
}

const FUTURE: &[&str] = &[
    "will",
    "ll",
    "shall",
    "scheduled",
    "expected",
    "expects",
    "expect",
    "plans",
    "planning",
    "plan",
    "upcoming",
    "next",
    "due",
    "slated",
    "intends",
    "intend",
    "tomorrow",
    "later",
    "coming",
    "forthcoming",
    "wo",
    "going",
    "ahead",
    "soon",
    "until",
    "effective",
    "if",
    "unless",
    "hopes",
    "hope",
    "hoping",
    "aims",
    "seeks",
    "wants",
    "deadline",
    "cutoff",
];

const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "took",
    "spoke",
    "met",
    "held",
    "made",
    "came",
    "went",
    "gave",
    "got",
    "became",
    "began",
    "left",
    "won",
    "lost",
    "fell",
    "rose",
    "sold",
    "bought",
    "paid",
    "saw",
    "knew",
    "thought",
    "found",
    "brought",
    "ago",
    "last",
    "yesterday",
    "earlier",
    "since",
    "has",
    "have",
    "former",
    "ran",
    "struck",
    "hit",
    "led",
    "kept",
    "sent",
    "wrote",
    "put",
    "set",
    "cut",
    "quit",
    "shot",
    "agreed",
    "killed",
    "planned",
    "after",
];

/// The tense cue of token `i`: "set", "planned" are past verbs unless a plan follows ("set to
/// resume", "planned to leave", "set for").
fn cue(tokens: &[Tok], i: usize) -> Option<Direction> {
    let word = tokens[i].lower.as_ref();
    let next = tokens.get(i + 1).map_or("", |t| t.lower.as_ref());
    if matches!(word, "set" | "planned" | "scheduled" | "slated") && matches!(next, "to" | "for") {
        return Some(Direction::Future);
    }
    if FUTURE_SET.contains(word) {
        return Some(Direction::Future);
    }
    if PAST_SET.contains(word) || (word.len() > 4 && word.ends_with("ed")) {
        return Some(Direction::Past);
    }
    None
}

/// The most tokens a photo caption's line holds.
const CAPTION_TOKENS: usize = 80;

/// How many words on each side of an expression its tense cues are looked for.
const LOOK: usize = 12;

/// The direction of the sentence around tokens `first..end` of `text`. A photo caption with no
/// tense cue ("… arrives at the court on March 7. File photo by …") shows a day that has
/// been: photographs are of the past.
pub fn direction(tokens: &[Tok], text: &str, first: usize, end: usize) -> Direction {
    match sentence_direction(tokens, text, first, end) {
        Direction::Unknown if in_photo_caption(tokens, text, first) => Direction::Shown,
        d => d,
    }
}

/// Whether the line of token `i` is a photo caption: it opens with an agency's "FILE" or
/// credits a photo ("File photo by", "AP Photo", "Photo: …", "Getty Images").
fn in_photo_caption(tokens: &[Tok], text: &str, i: usize) -> bool {
    let newline = |t: &Tok| t.lower == "\n";
    let from = (0..i)
        .rev()
        .find(|&k| newline(&tokens[k]))
        .map_or(0, |k| k + 1);
    let to = (i..tokens.len())
        .find(|&k| newline(&tokens[k]))
        .unwrap_or(tokens.len());
    let line = &tokens[from..to];
    // A caption is a line or two; a long paragraph that credits a photo is body text.
    if line.len() > CAPTION_TOKENS {
        return false;
    }
    if line
        .first()
        .is_some_and(|t| &text[t.start..t.end] == "FILE")
    {
        return true;
    }
    let w = |k: usize| line.get(k).map_or("", |t| t.lower.as_ref());
    (0..line.len()).any(|k| {
        (w(k) == "photo" || w(k) == "photograph")
            && (matches!(w(k + 1), "by" | ":" | "credit")
                || k > 0 && matches!(w(k - 1), "file" | "ap" | "afp" | "pool"))
            || w(k) == "getty" && w(k + 1) == "images"
    })
}

fn sentence_direction(tokens: &[Tok], text: &str, first: usize, end: usize) -> Direction {
    let w = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_ref());
    // "as soon as Tuesday", "as early as next week": a date looked forward to.
    if first >= 2 && w(first - 1) == "as" && matches!(w(first - 2), "soon" | "early") {
        return Direction::Future;
    }
    // A dot inside a word ("kestrel.com") ends no sentence.
    let stop = |t: &Tok| {
        matches!(t.lower.as_ref(), "!" | "?" | ";" | "\n")
            || t.lower == "." && !text[t.end..].starts_with(|c: char| c.is_alphanumeric())
    };
    // Inside a condition ("If members reject the deal on Monday, the union has said ..."), the
    // main clause after the comma does not govern the date: the condition's own words do, and
    // "if" itself looks ahead.
    let conditional = (first.saturating_sub(12)..first)
        .rev()
        .take_while(|&k| !stop(&tokens[k]) && tokens[k].lower != ",")
        .any(|k| matches!(tokens[k].lower.as_ref(), "if" | "unless"));
    let right_stop = |t: &Tok| stop(t) || (conditional && t.lower == ",");
    let mut left = first;
    let mut right = end;
    for _ in 0..LOOK {
        // The verb before the date governs it more often than the one after: look left first.
        if left > 0 && !stop(&tokens[left - 1]) {
            left -= 1;
            if let Some(d) = cue(tokens, left) {
                return d;
            }
        }
        if right < tokens.len() && !right_stop(&tokens[right]) {
            if let Some(d) = cue(tokens, right) {
                return d;
            }
            right += 1;
        }
    }
    Direction::Unknown
}
