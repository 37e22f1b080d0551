//! Small word-level helpers shared by the event and link stages: words with their offsets,
//! crude stems, function words, event nouns, attribution and negation cues, and short titles.

use crate::analysis::lexicon;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A word of a text with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The words of `text[start..end]`: runs of letters and digits, with inner apostrophes, hyphens
/// and dots kept ("U.S.", "de-escalate", "Putin’s").
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
            let inner = matches!(c, '\'' | '’' | '-' | '.')
                && i + len < bytes.len()
                && char_at(self.slice, i + len).0.is_alphanumeric();
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

// FxHash: these are looked up for every word of every dated clause; SipHash showed.
static STOPWORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    "a about above after again against all almost also am an and any are as at be because been \
     before being below between both but by can could did do does doing down during each early \
     earlier few for from further had has have having he her here hers herself him himself his \
     how i if in into is it its itself just last late later least less many may me might more \
     most much must my myself near new next no nor not now of off on once only or other our ours \
     out over own part said same say says she should since so some such than that the their \
     theirs them themselves then there these they this those through to too under until up upon \
     very was we were what when where which while who whom why will with within would year years \
     you your month months week weeks day days today yesterday tomorrow ago another according \
     told tell added add stated statement saying including amid ahead per whether still even \
     already well way time times another two three first second one upcoming recent recently \
     soon around against across among toward towards"
        .split_whitespace()
        .collect()
});

/// Function words and words of time and attribution that say nothing about what happened.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// A crude stem so that "talks"/"talk", "called"/"call", "spoke"/"speak" meet.
pub fn stem(lower: &str) -> &str {
    let lower = lower.trim_end_matches(['’', '\'']);
    let lower = lower
        .strip_suffix("’s")
        .or(lower.strip_suffix("'s"))
        .unwrap_or(lower);
    let irregular = match lower {
        "spoke" | "spoken" => Some("speak"),
        "met" => Some("meet"),
        "held" => Some("hold"),
        "told" => Some("tell"),
        "said" => Some("say"),
        "led" => Some("lead"),
        "began" | "begun" => Some("begin"),
        "took" | "taken" => Some("take"),
        "went" | "gone" => Some("go"),
        "chose" | "chosen" => Some("choose"),
        "fought" => Some("fight"),
        "sought" => Some("seek"),
        "won" => Some("win"),
        "meeting" | "meetings" => Some("meet"),
        "negotiation" | "negotiations" | "negotiated" | "negotiating" => Some("negotiat"),
        "telephone" | "phoned" => Some("phone"),
        "conversation" | "conversations" => Some("convers"),
        "invasion" | "invaded" | "invades" | "invading" => Some("invad"),
        "mediation" | "mediated" | "mediating" | "mediator" | "mediators" | "mediate"
        | "mediates" => Some("mediat"),
        "intervened" | "intervention" | "intervene" | "intervenes" | "intervening" => {
            Some("interven")
        }
        _ => None,
    };
    if let Some(s) = irregular {
        return s;
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = lower.strip_suffix(suffix)
            && base.chars().count() >= 3
            && !(suffix == "s" && base.ends_with('s'))
        {
            return base;
        }
    }
    lower
}

static EVENT_NOUNS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    "call phone chat speak convers talk meet summit negotiat dialogue visit trip conference \
     session round vote election referendum invad attack strike war battle bomb explosion \
     shoot protest rally march agreement deal treaty accord sign ceasefire truce sanction \
     demand annex occupy occupied takeover seize arrest trial hearing verdict ruling indict \
     charge launch announce announcement resign appoint nominat inaugurat funeral crash \
     earthquake flood storm fire hurricane interview speech address debate briefing readout \
     mediat interven"
        .split_whitespace()
        .collect()
});

/// Stems of nouns and verbs that name a happening ("call", "talks", "summit", "invasion").
pub fn is_event_noun(stem: &str) -> bool {
    EVENT_NOUNS.contains(stem)
}

/// The link label for a happening's stem, when it has a familiar one.
pub fn link_label(stem: &str) -> Option<&'static str> {
    Some(match stem {
        "call" | "phone" | "chat" | "convers" => "phone call",
        "talk" | "negotiat" | "dialogue" | "round" => "negotiate with",
        "meet" | "summit" | "visit" | "session" | "conference" => "meet",
        "speak" => "spoke with",
        "agreement" | "deal" | "treaty" | "accord" | "sign" => "agreement",
        "attack" | "strike" | "war" | "battle" | "invad" => "conflict",
        "interview" => "interview",
        "debate" => "debate",
        _ => return None,
    })
}

/// The kind of happening a stem names, so that "talks", "negotiations" and "meet" in three
/// reports of one meeting are recognised as the same thing.
pub fn event_class(stem: &str) -> Option<&'static str> {
    Some(match stem {
        "call" | "phone" | "chat" | "convers" | "speak" => "call",
        "talk" | "negotiat" | "dialogue" | "round" | "meet" | "summit" | "visit" | "session"
        | "conference" | "trip" | "mediat" | "interven" => "meeting",
        "agreement" | "deal" | "treaty" | "accord" | "sign" => "agreement",
        "attack" | "strike" | "war" | "battle" | "invad" | "bomb" | "shoot" | "annex"
        | "takeover" | "seize" | "occupy" | "occupied" => "conflict",
        "vote" | "election" | "referendum" => "vote",
        "protest" | "rally" | "march" => "protest",
        _ => return None,
    })
}

/// Plural nouns for people in "the two leaders", "both presidents".
pub fn is_person_noun(lower: &str) -> bool {
    matches!(
        lower.trim_matches(|c: char| !c.is_alphanumeric()),
        "leaders"
            | "presidents"
            | "men"
            | "women"
            | "ministers"
            | "heads"
            | "counterparts"
            | "officials"
            | "rivals"
            | "candidates"
            | "sides"
    )
}

/// "they", "their", "them": a clause that names nobody may still be about the last two people.
pub fn has_plural_pronoun(clause: &str) -> bool {
    words(clause, 0, clause.len())
        .any(|w| matches!(w.text, "they" | "They" | "their" | "Their" | "them"))
}

/// Whether a sentence denies what it reports ("will not be present").
pub fn is_negated(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    words(&lower, 0, lower.len()).any(|w| {
        matches!(w.text, "not" | "never" | "no" | "neither" | "nor")
            || w.text.ends_with("n't")
            || w.text.ends_with("n’t")
    })
}

/// Whether `lower` is a verb of saying ("said", "told", "added", ...).
pub fn is_saying(lower: &str) -> bool {
    SAYING_SET.contains(lower)
}

/// [`SAYING`] as a set: asked of the words around every name in every dated sentence.
static SAYING_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| SAYING.iter().copied().collect());

const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "stated",
    "states",
    "told",
    "tells",
    "noted",
    "notes",
    "explained",
    "commented",
    "wrote",
    "writes",
    "tweeted",
    "insisted",
    "claimed",
    "argued",
    "recalled",
    "confirmed",
    "replied",
    "remarked",
    "continued",
    "acknowledged",
    "emphasized",
    "stressed",
    "characterized",
    "described",
];

/// Whether the name at `[start, end)` only reports what its sentence says: "X said",
/// "X told reporters", "said X", "according to (a statement from) X".
pub fn is_attribution(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..floor_char_boundary(text, end + 40)];
    let mut next = words(after, 0, after.len()).map(|w| w.text);
    if let Some(w) = next.next() {
        let w = if matches!(w, "also" | "later" | "then") {
            next.next().unwrap_or("")
        } else {
            w
        };
        if is_saying(w) {
            return true;
        }
    }
    let from = floor_char_boundary(text, start.saturating_sub(80));
    // Read in its own case: asked for every name of every dated sentence, lower-casing the
    // line first was most of the cost; the words it looks for are ASCII.
    let before = &text[from..start];
    let line = before.rsplit(['.', '\n', '“', '"']).next().unwrap_or("");
    if find_ignoring_case(line, "according to").next().is_some()
        && find_ignoring_case(line, " and ").next().is_none()
    {
        return true;
    }
    let [second_last, last] = last_two_words(line);
    let saying = |w: Option<&str>| {
        w.is_some_and(|w| {
            ["said", "says", "added"]
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s))
        })
    };
    // "…,” said Psaki." names the speaker; "said Biden and Putin discussed …" names the
    // subject of the reported clause, who is not merely reporting.
    let clause_ends = after
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | '"' | '”' | ')'));
    clause_ends && saying(last) || (last.is_some() && saying(second_last))
}

/// The last two of [`words`] of `s`, read from its end: a word is letters and digits joined
/// by single inner marks, which reads the same from either end.
fn last_two_words(s: &str) -> [Option<&str>; 2] {
    let inner = |c: char| matches!(c, '\'' | '’' | '-' | '.');
    let mut chars = s.char_indices().rev().peekable();
    let mut found = [None, None];
    for slot in (0..2).rev() {
        // Back to the word's last letter or digit.
        let (mut start, end) = loop {
            match chars.next() {
                Some((i, c)) if c.is_alphanumeric() => break (i, i + c.len_utf8()),
                Some(_) => {}
                None => return found,
            }
        };
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                start = i;
                chars.next();
            } else if inner(c)
                && s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                // An inner mark between two letters stays in the word.
                chars.next();
            } else {
                break;
            }
        }
        found[slot] = Some(&s[start..end]);
    }
    found
}

/// Words that may stand before a person's name as part of a role ("US President",
/// "his Russian counterpart", "White House press secretary").
fn is_role_word(lower: &str) -> bool {
    matches!(
        lower,
        "president"
            | "vice"
            | "counterpart"
            | "secretary"
            | "minister"
            | "prime"
            | "deputy"
            | "foreign"
            | "state"
            | "press"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "adviser"
            | "advisor"
            | "security"
            | "national"
            | "chief"
            | "leader"
            | "senator"
            | "sen."
            | "rep."
            | "gov."
            | "governor"
            | "mayor"
            | "chancellor"
            | "general"
            | "gen."
            | "official"
            | "ambassador"
            | "envoy"
            | "chairman"
            | "chairwoman"
            | "ceo"
            | "director"
            | "his"
            | "her"
            | "its"
            | "their"
            | "the"
            | "former"
            | "then"
            | "mr."
            | "mrs."
            | "ms."
            | "dr."
    )
}

/// Words that cannot end a title: they lead to what was cut off. ("her" can: "phoned her".)
fn is_dangling(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "to"
            | "into"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "until"
            | "through"
            | "when"
            | "while"
            | "that"
            | "which"
            | "who"
            | "than"
            | "as"
            | "its"
            | "their"
            | "his"
    )
}

/// A short "who did what" title from a clause: dates, roles before names and attributions
/// removed, people named by their surname, cut at a natural break.
pub fn title<'n>(
    doc_text: &str,
    start: usize,
    end: usize,
    mentions: &[(usize, usize, usize)],
    timexes: &[(usize, usize)],
    short_names: &dyn Fn(usize) -> Option<&'n str>,
) -> String {
    let all: Vec<Word> = words(doc_text, start, end).collect();
    title_of_words(doc_text, start, &all, mentions, timexes, short_names)
}

/// [`title`] of the clause starting at `start` whose words are `all` (see [`Tokenized`]).
pub fn title_of_words<'n>(
    doc_text: &str,
    start: usize,
    all: &[Word],
    mentions: &[(usize, usize, usize)],
    timexes: &[(usize, usize)],
    short_names: &dyn Fn(usize) -> Option<&'n str>,
) -> String {
    let mut drop = vec![false; all.len()];
    let in_span = |w: &Word, s: &(usize, usize)| w.start < s.1 && s.0 < w.end;
    // Dates, with the preposition that introduced them.
    for t in timexes {
        if let Some(first) = all.iter().position(|w| in_span(w, t)) {
            for (i, w) in all.iter().enumerate() {
                if in_span(w, t) {
                    drop[i] = true;
                }
            }
            let mut j = first;
            while j > 0 {
                let prev = lower(all[j - 1].text);
                // "the week of Jan. 10" goes whole.
                let week_of = matches!(prev.as_ref(), "week" | "weekend") && all[j].text == "of";
                if week_of
                    || matches!(
                        prev.as_ref(),
                        "on" | "in"
                            | "during"
                            | "since"
                            | "at"
                            | "by"
                            | "of"
                            | "for"
                            | "the"
                            | "from"
                            | "until"
                            | "this"
                            | "earlier"
                            | "later"
                            | "as"
                    )
                {
                    drop[j - 1] = true;
                    j -= 1;
                } else {
                    break;
                }
            }
            // "would take the upcoming week to continue …": with the date gone, the verb that
            // held it goes too, and the title reads "would continue …".
            if let Some(last) = all.iter().rposition(|w| in_span(w, t))
                && first > 0
                && all.get(last + 1).is_some_and(|w| w.text == "to")
                && matches!(
                    all[first - 1].text,
                    "take" | "takes" | "took" | "taking" | "spend" | "spends" | "spent" | "use"
                )
            {
                drop[first - 1] = true;
                drop[last + 1] = true;
            }
        }
    }
    // Relative clauses and "according to" asides say more about a name, not what happened:
    // ", which started on Monday 4 March," / ", who leads the union," / "According to X,".
    let mut aside = vec![false; all.len()];
    let mut k = 0;
    while k < all.len() {
        // Only a word starting with "w" or "a" can open an aside: most are passed by at once.
        if !matches!(all[k].text.as_bytes()[0] | 0x20, b'w' | b'a') {
            k += 1;
            continue;
        }
        let lower = lower(all[k].text);
        let gap_before = if k == 0 {
            &doc_text[start..all[k].start]
        } else {
            &doc_text[all[k - 1].end..all[k].start]
        };
        let opens_aside = gap_before.contains(',')
            && matches!(lower.as_ref(), "which" | "who" | "whose" | "where");
        let according = lower == "according" && (k == 0 || gap_before.contains(','));
        if opens_aside || according {
            let mut j = k;
            while j < all.len() {
                drop[j] = true;
                aside[j] = true;
                j += 1;
                if j < all.len() && doc_text[all[j - 1].end..all[j].start].contains([',', ';']) {
                    break;
                }
            }
            k = j;
        } else {
            k += 1;
        }
    }
    // A role set off by commas after a person says who they are, not what happened:
    // "Bakker, head of the port authority, signed".
    for &(_, m_end, e) in mentions {
        if short_names(e).is_none() {
            continue;
        }
        let Some(k) = all.iter().position(|w| w.start >= m_end) else {
            continue;
        };
        if k == 0 || all[k - 1].end != m_end || !doc_text[m_end..all[k].start].contains(',') {
            continue;
        }
        // Its last word: the first followed by a comma, within a few words, with the
        // clause going on after it.
        let Some(close) = (k..all.len().min(k + 8))
            .find(|&j| j + 1 < all.len() && doc_text[all[j].end..all[j + 1].start].contains(','))
        else {
            continue;
        };
        let names_role = all[k..=close.min(k + 2)]
            .iter()
            .any(|w| lexicon::is_role_head(&lower(w.text)));
        if names_role {
            for j in k..=close {
                drop[j] = true;
                aside[j] = true;
            }
        }
    }
    // Roles before people, and the names themselves (replaced below).
    let mut replacement: Vec<Option<&str>> = vec![None; all.len()];
    for &(m_start, m_end, e) in mentions {
        let Some(short) = short_names(e) else {
            continue;
        };
        let Some(first) = all
            .iter()
            .position(|w| w.start >= m_start && w.start < m_end)
        else {
            continue;
        };
        // A name inside an aside ("According to X,") goes with it.
        if aside[first] {
            continue;
        }
        for (i, w) in all.iter().enumerate() {
            if w.start >= m_start && w.end <= m_end {
                drop[i] = true;
            }
        }
        replacement[first] = Some(short);
        drop[first] = false;
        let mut j = first;
        while j > 0 {
            let w = &all[j - 1];
            let lower = lower(w.text);
            let part_of_other = mentions
                .iter()
                .any(|m| m.0 <= w.start && w.end <= m.1 && m.2 != e);
            // The word next to the name must be a role; capitalized words may extend it
            // leftwards ("US President", "his Russian counterpart", "White House press secretary").
            let capitalized = w.text.chars().next().is_some_and(char::is_uppercase);
            let chained = j < first || is_role_word(&lower);
            let gap = &doc_text[w.end..all[j].start];
            if gap.trim().is_empty()
                && chained
                && (is_role_word(&lower) || part_of_other || capitalized)
            {
                drop[j - 1] = true;
                j -= 1;
            } else {
                break;
            }
        }
    }
    // Leading "X said (that)" and trailing ", X said" / ", according to ...".
    let kept: Vec<(usize, &str)> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| !drop[*i])
        .map(|(i, w)| (i, replacement[i].unwrap_or(w.text)))
        .collect();
    let mut from = 0;
    if let Some(pos) = kept
        .iter()
        .take(8)
        .position(|(_, w)| is_saying(w))
        .filter(|&pos| kept.len() >= pos + 5)
    {
        from = pos + 1;
        // "told reporters that …", "tells the council that …": the listeners go too.
        let told = matches!(kept[pos].1, "told" | "tells" | "tell");
        if let Some(that) = kept
            .iter()
            .skip(from)
            .take(if told { 4 } else { 1 })
            .position(|(_, w)| *w == "that")
        {
            from += that + 1;
        }
    }
    // A leading "But" / "And" joins the clause to the one before, which the title is not.
    if kept.len() >= from + 4
        && matches!(lower(kept[from].1).as_ref(), "but" | "and" | "yet" | "so")
    {
        from += 1;
    }
    // "It ended when Lund and Moe signed": what happened follows the "when".
    if matches!(
        kept.get(from).map(|(_, w)| lower(w)).as_deref(),
        Some("it" | "this" | "that")
    ) && let Some(when) = kept[from..]
        .iter()
        .take(4)
        .position(|(_, w)| matches!(*w, "when" | "after" | "as"))
        .filter(|&p| kept.len() >= from + p + 4)
    {
        from += when + 1;
    }
    // A leading "In referencing" / "After meeting" / "During" says how or when, not what: the
    // title starts at what follows it.
    if let [(_, first), (_, second), rest @ ..] = &kept[from.min(kept.len())..] {
        let first = lower(first);
        if matches!(
            first.as_ref(),
            "in" | "after" | "while" | "when" | "by" | "before"
        ) && second.len() > 5
            && second.ends_with("ing")
            && rest.len() >= 3
        {
            from += 2;
        } else if first == "during" && rest.len() >= 2 {
            from += 1;
        } else if matches!(first.as_ref(), "when" | "after" | "while" | "as" | "once")
            && rest.len() >= 2
        {
            // A clause cut from its sentence: ", when Lund and Moe signed a pact".
            from += 1;
        }
    }
    let mut out = String::new();
    let mut prev_index: Option<usize> = None;
    for (count, (i, w)) in kept[from.min(kept.len())..].iter().enumerate() {
        if let Some(p) = prev_index {
            let gap = &doc_text[all[p].end..all[*i].start];
            // Where an aside was left out between the two, its punctuation goes with it.
            let adjacent = !(p + 1..*i).any(|k| aside[k]);
            let breaks = adjacent
                && (gap.contains(',')
                    || gap.contains(';')
                    || gap.contains('—')
                    || gap.contains(':'));
            if breaks && count >= 4 {
                break;
            }
            if breaks && {
                let lower = lower(w);
                lower == "according" || is_saying(&lower)
            } {
                break;
            }
            if count >= 14 {
                out.push('…');
                break;
            }
            if breaks && count > 0 && !out.ends_with(',') {
                out.push(',');
            }
            out.push(' ');
        }
        out.push_str(w);
        // A plural possessive keeps its apostrophe ("the dockers' union").
        let after = &doc_text[all[*i].end..];
        if w.ends_with('s')
            && let Some(mark) = after.chars().next().filter(|c| matches!(c, '\'' | '’'))
            && after[mark.len_utf8()..].starts_with(' ')
        {
            out.push(mark);
        }
        prev_index = Some(*i);
    }
    let mut out = out
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string();
    // A title never ends on a word that leads somewhere ("felt well into" once its date is
    // gone, "when Lund and").
    while let Some(space) = out.rfind(' ')
        && is_dangling(&out[space + 1..])
    {
        out.truncate(space);
        out.truncate(out.trim_end_matches([',', ' ']).len());
    }
    match out.chars().next() {
        Some(c) if c.is_ascii() => out[..1].make_ascii_uppercase(),
        Some(c) => {
            out = c
                .to_uppercase()
                .chain(out[c.len_utf8()..].chars())
                .collect()
        }
        None => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_two_words_read_backwards_as_words_reads_forwards() {
        let cases = [
            "",
            " ",
            "said",
            "  said Psaki, ",
            "the U.S. de-escalate Putin’s",
            "a--b",
            "a'-b c",
            "'quoted' 3.5%.",
            "x.-y",
            "Ørsted’s São",
            "rock 'n' roll",
            "ends with a dot.",
            "-lead and trail-",
            "one",
        ];
        fn forward(s: &str) -> [Option<&str>; 2] {
            words(s, 0, s.len()).fold([None, None], |[_, b], w| [b, Some(w.text)])
        }
        for case in cases {
            assert_eq!(last_two_words(case), forward(case), "{case:?}");
        }
        // Every prefix of real news text.
        for (_, text) in crate::sample::FILES {
            for (end, _) in text.char_indices().step_by(7) {
                let s = &text[floor_char_boundary(text, end.saturating_sub(60))..end];
                assert_eq!(last_two_words(s), forward(s), "{s:?}");
            }
        }
    }

    #[test]
    fn words_keep_inner_punctuation() {
        let text = "The U.S. will de-escalate, Putin’s aide said.";
        let w: Vec<&str> = words(text, 0, text.len()).map(|w| w.text).collect();
        assert_eq!(
            w,
            [
                "The",
                "U.S",
                "will",
                "de-escalate",
                "Putin’s",
                "aide",
                "said"
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
        let text = "Mr. Putin’s U.S. talks — de-escalate, 'now' naïve... 3.5% x";
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

    #[test]
    fn stems_meet() {
        assert_eq!(stem("talks"), stem("talk"));
        assert_eq!(stem("called"), "call");
        assert_eq!(stem("spoke"), "speak");
        assert_eq!(stem("negotiations"), stem("negotiated"));
        assert_eq!(stem("putin’s"), "putin");
    }

    #[test]
    fn attribution_cues() {
        let t = "Jones said the mayor met Smith, according to a statement from Lee.";
        assert!(is_attribution(t, 0, 5));
        let smith = t.find("Smith").unwrap();
        assert!(!is_attribution(t, smith, smith + 5));
        let lee = t.find("Lee").unwrap();
        assert!(is_attribution(t, lee, lee + 3));
        let u = "“We will go,” said Maria Lopez.";
        let m = u.find("Maria").unwrap();
        assert!(is_attribution(u, m, m + 11));
    }

    #[test]
    fn negation() {
        assert!(is_negated("The ministers will not attend the talks."));
        assert!(is_negated("She didn't sign."));
        assert!(!is_negated("Those talks will be led by two envoys."));
    }

    #[test]
    fn titles_drop_dates_roles_and_attribution() {
        let text = "On Tuesday, German Chancellor Anna Weber met her French counterpart Paul Martin in Lyon, officials said.";
        let anna = text.find("Anna Weber").unwrap();
        let paul = text.find("Paul Martin").unwrap();
        let lyon = text.find("Lyon").unwrap();
        let mentions = [
            (anna, anna + 10, 0),
            (paul, paul + 11, 1),
            (lyon, lyon + 4, 2),
        ];
        let tue = text.find("Tuesday").unwrap();
        let names = |e: usize| match e {
            0 => Some("Weber"),
            1 => Some("Martin"),
            _ => None,
        };
        let t = title(text, 0, text.len(), &mentions, &[(tue, tue + 7)], &names);
        assert_eq!(t, "Weber met Martin in Lyon");
    }

    #[test]
    fn titles_drop_leading_attribution() {
        let text = "Garcia said the two envoys spoke by phone for an hour this week, during which they agreed to meet.";
        let week = text.find("this week").unwrap();
        let g = (0, 6, 0);
        let names = |_e: usize| Some("Garcia");
        let t = title(text, 0, text.len(), &[g], &[(week, week + 9)], &names);
        assert_eq!(t, "The two envoys spoke by phone for an hour");
    }

    #[test]
    fn titles_drop_who_was_told_and_the_week_of_a_date() {
        let names = |_e: usize| Some("Garcia");
        let text = "Garcia told reporters that the talks had been frank and useful.";
        let t = title(text, 0, text.len(), &[(0, 6, 0)], &[], &names);
        assert_eq!(t, "The talks had been frank and useful");
        let text = "Envoys from both sides plan talks scheduled for the week of Jan. 10 in Oslo.";
        let jan = text.find("Jan. 10").unwrap();
        let t = title(text, 0, text.len(), &[], &[(jan, jan + 7)], &names);
        assert_eq!(t, "Envoys from both sides plan talks scheduled in Oslo");
        let text = "when Lund and Moe signed a pact on June 2.";
        let june = text.find("June 2").unwrap();
        let t = title(text, 0, text.len(), &[], &[(june, june + 6)], &names);
        assert_eq!(t, "Lund and Moe signed a pact");
        let text = "The farmers' union closed the bridges' approaches on June 2.";
        let june = text.find("June 2").unwrap();
        let t = title(text, 0, text.len(), &[], &[(june, june + 6)], &names);
        assert_eq!(t, "The farmers' union closed the bridges' approaches");
    }

    #[test]
    fn titles_drop_a_leading_how_or_when() {
        let names = |_e: usize| None;
        let text = "In referencing the 1999 floods in the delta, the minister promised new dikes.";
        let year = text.find("1999").unwrap();
        let t = title(text, 0, text.len(), &[], &[(year, year + 4)], &names);
        assert_eq!(t, "Floods in the delta");
        let text = "During their first visit to Oslo in 2019 the two mayors signed a pact.";
        let year = text.find("2019").unwrap();
        let t = title(text, 0, text.len(), &[], &[(year, year + 4)], &names);
        assert!(t.starts_with("Their first visit to Oslo"), "{t}");
        // Not a participle: kept.
        let text = "In Oslo the mayors signed a pact on Monday.";
        let day = text.find("on Monday").unwrap();
        let t = title(text, 0, text.len(), &[], &[(day, day + 9)], &names);
        assert!(t.starts_with("In Oslo"), "{t}");
    }

    #[test]
    fn a_date_taken_as_an_object_leaves_no_dangling_verb() {
        let names = |_e: usize| None;
        let text = "The board will take the coming month to review the merger.";
        let at = text.find("the coming month").unwrap();
        let t = title(text, 0, text.len(), &[], &[(at, at + 16)], &names);
        assert_eq!(t, "The board will review the merger");
        // "take" with no date after it stays.
        let text = "The board will take a vote on the merger on Friday.";
        let at = text.find("Friday").unwrap();
        let t = title(text, 0, text.len(), &[], &[(at, at + 6)], &names);
        assert_eq!(t, "The board will take a vote on the merger");
    }

    #[test]
    fn titles_leave_out_a_role_in_commas_and_never_dangle() {
        let names = |e: usize| [Some("Lund"), Some("Moe"), None][e];
        let text = "It ended when Ida Lund, who chairs the union, and Per Moe, head of the \
                    shipping council, signed a deal on 15 March in Bergen.";
        let lund = text.find("Ida Lund").unwrap();
        let moe = text.find("Per Moe").unwrap();
        let march = text.find("15 March").unwrap();
        let mentions = [(lund, lund + 8, 0), (moe, moe + 7, 1)];
        let t = title(
            text,
            0,
            text.len(),
            &mentions,
            &[(march, march + 8)],
            &names,
        );
        assert_eq!(t, "Lund and Moe signed a deal in Bergen");
        // Commas around what is not a role are kept.
        let text = "Per Moe, Ida Lund and Berg left the talks on Monday.";
        let day = text.find("Monday").unwrap();
        let mentions = [(0, 7, 1), (9, 17, 0)];
        let t = title(text, 0, text.len(), &mentions, &[(day, day + 6)], &names);
        assert_eq!(t, "Moe, Lund and Berg left the talks");
        let text = "But analysts warned that the effects would be felt well into April.";
        let april = text.find("April").unwrap();
        let t = title(text, 0, text.len(), &[], &[(april, april + 5)], &names);
        assert_eq!(t, "Analysts warned that the effects would be felt well");
        // An object pronoun may end a title.
        let text = "Lund phoned her on Monday.";
        let day = text.find("Monday").unwrap();
        let t = title(text, 0, text.len(), &[], &[(day, day + 6)], &names);
        assert_eq!(t, "Lund phoned her");
        let text = "According to Ida Lund, an aide to the minister, officials will travel to \
                    Oslo early next year.";
        let year = text.find("early next year").unwrap();
        let t = title(
            text,
            0,
            text.len(),
            &[(13, 21, 0)],
            &[(year, year + 15)],
            &names,
        );
        assert_eq!(t, "Officials will travel to Oslo");
    }
}
