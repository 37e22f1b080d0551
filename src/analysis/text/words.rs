//! Words with their byte offsets, split without allocating, and the case-insensitive byte
//! searches the stages use to look for cue phrases.

use std::borrow::Cow;

/// A word of a text with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The words of `text[start..end]`: runs of letters and digits, with inner apostrophes, hyphens
/// and dots kept ("U.S.", "de-escalate", "Lund’s").
pub fn words(text: &str, start: usize, end: usize) -> Words<'_> {
    Words {
        slice: &text[start..end],
        offset: start,
        pos: 0,
    }
}

/// A span's words, split once and shared by everything that reads its parts: an event's
/// clause is read for its title, its keywords and its cues, and splitting it anew for each
/// was a tenth of event extraction.
pub struct Tokenized<'t> {
    text: &'t str,
    span: (usize, usize),
    words: Vec<Word<'t>>,
}

impl<'t> Tokenized<'t> {
    pub fn new(text: &'t str, start: usize, end: usize) -> Self {
        // Sized for one word in six bytes (news prose has about one in six), so it rarely
        // grows and copies.
        let mut all = Vec::with_capacity((end - start) / 6 + 1);
        all.extend(words(text, start, end));
        Tokenized {
            text,
            span: (start, end),
            words: all,
        }
    }

    /// The words of `text[start..end]` exactly as [`words`] splits them: a slice of the
    /// shared words, or a fresh split when a word straddles either end or the range reaches
    /// outside the split span.
    pub fn within(&self, start: usize, end: usize) -> Cow<'_, [Word<'t>]> {
        if start < self.span.0 || end > self.span.1 {
            return Cow::Owned(words(self.text, start, end).collect());
        }
        let from = self.words.partition_point(|w| w.end <= start);
        let to = self.words.partition_point(|w| w.start < end).max(from);
        let inside = &self.words[from..to];
        let straddles = inside.first().is_some_and(|w| w.start < start)
            || inside.last().is_some_and(|w| w.end > end);
        if straddles {
            Cow::Owned(words(self.text, start, end).collect())
        } else {
            Cow::Borrowed(inside)
        }
    }
}

/// Iterator of [`words`]; allocates nothing (titles and keywords call it per clause).
pub struct Words<'a> {
    slice: &'a str,
    offset: usize,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        // Bytes, not chars: nearly all news text is ASCII, and decoding every character made
        // this the most expensive step of titles and keywords.
        let bytes = self.slice.as_bytes();
        let mut i = self.pos;
        // Up to the word's first character.
        let begin = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
            } else {
                let (c, len) = char_at(self.slice, i);
                if c.is_alphanumeric() {
                    break i;
                }
                i += len;
            }
        };
        // Through its last: letters and digits, and inner apostrophes, hyphens and dots.
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            // A space or other ASCII mark that cannot be inside a word ends it.
            if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.') {
                self.pos = i + 1;
                return Some(self.word(begin, i));
            }
            let (c, len) = char_at(self.slice, i);
            let inner =
                matches!(c, '\'' | '’' | '´' | 'ʼ' | '-' | '.') && i + len < bytes.len() && {
                    let (next, next_len) = char_at(self.slice, i + len);
                    // "Inc.’s": an abbreviation's dot before a possessive stays inside.
                    next.is_alphanumeric()
                        || c == '.'
                            && matches!(next, '\'' | '’')
                            && i + len + next_len < bytes.len()
                            && char_at(self.slice, i + len + next_len).0.is_alphanumeric()
                };
            if !(c.is_alphanumeric() || inner) {
                self.pos = i + len;
                return Some(self.word(begin, i));
            }
            i += len;
        }
        self.pos = bytes.len();
        Some(self.word(begin, bytes.len()))
    }
}

/// The character at byte `i` (a char boundary) and its length in bytes; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        (char::from(b), 1)
    } else {
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

impl<'a> Words<'a> {
    fn word(&self, b: usize, e: usize) -> Word<'a> {
        Word {
            start: self.offset + b,
            end: self.offset + e,
            text: &self.slice[b..e],
        }
    }
}

/// `word` in lower case, borrowed when it is already (as most words are): titles and keywords
/// look at every word of every dated clause, and an allocation per word showed in profiles.
pub fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Offsets where `needle` (ASCII, lower case) occurs in `hay`, ignoring ASCII case: what
/// `hay.to_ascii_lowercase().match_indices(needle)` finds (overlaps too), without copying
/// `hay`. Cue phrases are looked up in every dated clause, and lower-casing each clause was a
/// measurable part of event extraction.
pub fn find_ignoring_case<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    debug_assert!(!n.is_empty(), "an empty cue matches everywhere");
    let first = n.first().copied().unwrap_or(0);
    // Candidates by their first byte in either case (SIMD), then the rest compared.
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), h)
        .filter(move |&i| starts_ignoring_case(&h[i..], n))
}

/// Whether `hay` starts with `needle` (ASCII, lower case), ignoring ASCII case.
#[inline]
pub fn starts_ignoring_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// Largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `word` with its first letter in capitals ("federation" → "Federation").
pub fn capitalize(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_punctuation() {
        let text = "The U.S. will de-escalate, Lund’s aide said of Kestrel Inc.’s bid.";
        let w: Vec<&str> = words(text, 0, text.len()).map(|w| w.text).collect();
        assert_eq!(
            w,
            [
                "The",
                "U.S",
                "will",
                "de-escalate",
                "Lund’s",
                "aide",
                "said",
                "of",
                "Kestrel",
                "Inc.’s",
                "bid"
            ]
        );
    }

    #[test]
    fn words_read_letters_beyond_ascii() {
        let text = "Ørsted’s São Paulo deal—naïve–x, 'quoted' 3.5%.";
        let w: Vec<&str> = words(text, 0, text.len()).map(|w| w.text).collect();
        assert_eq!(
            w,
            [
                "Ørsted’s",
                "São",
                "Paulo",
                "deal",
                "naïve",
                "x",
                "quoted",
                "3.5"
            ]
        );
        let spans: Vec<(usize, usize)> = words(text, 4, 20).map(|w| (w.start, w.end)).collect();
        assert_eq!(spans, [(4, 11), (12, 16), (17, 20)]);
        assert_eq!(lower("São"), "são");
        assert!(matches!(lower("deal"), Cow::Borrowed(_)));
    }

    #[test]
    fn finds_cues_ignoring_case_where_lower_casing_would() {
        for (hay, needle) in [
            ("Both leaders and BOTH sides, both ", "both "),
            ("The two The Two leaders", "the two "),
            ("Ørsted Before before BEFORE", " before "),
            ("aaa", "aa"),
            ("", "x"),
            ("xX", "x"),
            ("short", "longer needle"),
        ] {
            let expected: Vec<usize> = (0..hay.len())
                .filter(|&i| {
                    hay.to_ascii_lowercase().as_bytes()[i..].starts_with(needle.as_bytes())
                })
                .collect();
            let found: Vec<usize> = find_ignoring_case(hay, needle).collect();
            assert_eq!(found, expected, "{hay:?} {needle:?}");
        }
        assert!(starts_ignoring_case(b" Ahead of", b" ahead of"));
        assert!(!starts_ignoring_case(b" ahead", b" ahead of"));
    }

    #[test]
    fn shared_words_of_a_part_are_the_part_split_anew() {
        let text = "Mr. Lund’s U.S. talks — de-escalate, 'now' naïve... 3.5% x";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let shared = Tokenized::new(text, 4, text.len() - 2);
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let fresh: Vec<Word> = words(text, a, b).collect();
                assert_eq!(shared.within(a, b).as_ref(), fresh.as_slice(), "{a}..{b}");
            }
        }
    }
}
