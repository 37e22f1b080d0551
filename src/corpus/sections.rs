//! Splitting an article's text into sections: headline, body, caption, boilerplate, comments.
//!
//! Real corpora are messy: scraped articles carry photo captions and credits, "Read more"
//! teasers, author boxes, share buttons, and sometimes the reader comments under the story.
//! Only headline and body feed the story, so these must be told apart — by the *shape* of lines,
//! never by what a particular article says:
//!
//! - **headline**: a short first line without a final full stop (or a short first line standing
//!   alone above a blank line); short Title Case lines alone inside the body are cross-heads and
//!   count as headings too;
//! - **caption**: a pair of short unpunctuated lines where the second repeats the first and adds
//!   a credit ("Flooded street" / "Flooded streets in the old town AFP"), a line that
//!   announces itself ("Photo: …", "… /Getty Images"), a short label ending in an agency or
//!   platform credit ("Smoke over the hills Reuters"), or a short line alone inside the body
//!   with no finite verb and no final punctuation ("Firefighters outside a burning warehouse");
//! - **boilerplate**: the vocabulary every CMS prints ("Share this", "Leave a Reply", "Exit mobile
//!   version", "About <author>"), shouted one-liners ("READ MORE"), image file names, bylines and
//!   reprint lines, copyright lines, and the teasers that follow a "Check Also"/"Related" cue;
//! - **comments**: after a comments header ("Comments", "3 responses"), or after a reprint/byline
//!   line or a reply form ("Leave a Reply") when text in another register follows (first person
//!   outside quotes, exclamations, questions, emoticons) — from there to the end.
//!
//! Cross-heads count as `headline`, not body: they are headings the outlet wrote, they name a
//! topic rather than report a fact, and the source view shows them as headings.
//!
//! Sections cover the whole text contiguously; blank lines belong to the section before them.

use std::sync::LazyLock;

use regex::Regex;

use super::{Section, SectionKind};

/// A line of the text: `[start, end)` without its newline, `next` where the following line starts.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    next: usize,
    text: &'a str,
}

impl Line<'_> {
    fn trimmed(&self) -> &str {
        self.text.trim()
    }
    fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Splits `text` into contiguous sections covering all of it.
pub fn split(text: &str) -> Vec<Section> {
    let lines = lines(text);
    let kinds = classify(&lines);
    let mut sections: Vec<Section> = Vec::new();
    for (line, kind) in lines.iter().zip(kinds) {
        match sections.last_mut() {
            Some(last) if last.kind == kind => last.end = line.next,
            _ => sections.push(Section {
                start: line.start,
                end: line.next,
                kind,
            }),
        }
    }
    if let Some(first) = sections.first_mut() {
        first.start = 0;
    }
    if let Some(last) = sections.last_mut() {
        last.end = text.len();
    }
    sections
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let next = start + piece.len();
        out.push(Line {
            start,
            next,
            text: piece.trim_end_matches(['\n', '\r']),
        });
        start = next;
    }
    out
}

/// A kind for every line; blank lines take the kind of the line before them.
fn classify(lines: &[Line]) -> Vec<SectionKind> {
    use SectionKind::*;
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].blank()).collect();
    let mut kinds: Vec<Option<SectionKind>> = vec![None; lines.len()];
    // Whether a content line stands alone between blank lines (or text edges).
    let alone = |i: usize| {
        let before = i == 0 || lines[i - 1].blank();
        let after = i + 1 >= lines.len() || lines[i + 1].blank();
        before && after
    };

    // Headline.
    if let Some(&first) = content.first() {
        let next_blank = first + 1 < lines.len() && lines[first + 1].blank();
        if is_headline(lines[first].trimmed(), next_blank) {
            kinds[first] = Some(Headline);
        }
    }

    // Comments: everything after a reprint/byline line or a comments header, when what follows
    // reads like readers talking.
    let mut comments_from = None;
    for (n, &i) in content.iter().enumerate() {
        let line = lines[i].trimmed();
        // What follows, gathered only for a line that may open the comments (gathering it for
        // every line would be quadratic in the article's length).
        let rest = || -> Vec<&str> {
            content[n + 1..]
                .iter()
                .map(|&j| lines[j].trimmed())
                .collect()
        };
        if is_comments_header(line) && n + 1 < content.len() {
            kinds[i] = Some(Boilerplate);
            comments_from = Some(n + 1);
            break;
        }
        if n >= 3
            && (is_byline_or_reprint(line) || is_reply_form(line))
            && reads_like_comments(&rest())
        {
            kinds[i] = Some(Boilerplate);
            comments_from = Some(n + 1);
            break;
        }
    }
    let body_end = comments_from.unwrap_or(content.len());
    for &i in &content[body_end..] {
        kinds[i] = Some(Comments);
    }

    // Teasers after a navigation cue, one-line boilerplate, captions, cross-heads.
    let mut in_teaser = false;
    let mut n = 0;
    while n < body_end {
        let i = content[n];
        let line = lines[i].trimmed();
        if kinds[i].is_some() {
            n += 1;
            continue;
        }
        if is_teaser_cue(line) {
            kinds[i] = Some(Boilerplate);
            in_teaser = true;
            n += 1;
            continue;
        }
        if in_teaser {
            if is_full_paragraph(line) {
                in_teaser = false;
            } else {
                kinds[i] = Some(Boilerplate);
                n += 1;
                continue;
            }
        }
        if is_boilerplate_line(line)
            || (n >= 1 && is_byline(line))
            || is_credit_line(line)
            || is_inline_teaser(line)
        {
            kinds[i] = Some(Boilerplate);
        } else if is_caption_line(line) {
            kinds[i] = Some(Caption);
            // The photo's description sits on the line above its credit.
            if n > 0
                && content[n - 1] + 1 == i
                && kinds[i - 1].is_none()
                && is_label(lines[i - 1].trimmed())
                && word_count(lines[i - 1].trimmed(), 21) <= 20
            {
                kinds[i - 1] = Some(Caption);
            }
        } else if n + 1 < body_end && content[n + 1] == i + 1 {
            let second = lines[i + 1].trimmed();
            if is_caption_pair(line, second) {
                kinds[i] = Some(Caption);
                kinds[i + 1] = Some(Caption);
                n += 2;
                continue;
            }
        } else if n > 0 && alone(i) && is_cross_head(line) {
            kinds[i] = Some(Headline);
        } else if n > 0 && alone(i) && is_verbless_label(line) {
            kinds[i] = Some(Caption);
        }
        n += 1;
    }

    // Fill: content lines default to body; blank lines follow the line before them.
    let mut out = Vec::with_capacity(lines.len());
    let mut previous = None;
    for (i, line) in lines.iter().enumerate() {
        let kind = if line.blank() {
            previous.or_else(|| {
                // Leading blank lines take the kind of the first content line.
                content.first().and_then(|&f| kinds[f]).or(Some(Body))
            })
        } else {
            Some(kinds[i].unwrap_or(Body))
        };
        out.push(kind.unwrap_or(Body));
        if !line.blank() {
            previous = kind;
        }
    }
    out
}

/// Words in a line, counted up to `cap`: each rule compares with a small number, and a long
/// paragraph need not be counted to the end for it (`word_count(line, k + 1) <= k` says "at
/// most k words").
fn word_count(line: &str, cap: usize) -> usize {
    // Bytes, decoding only non-ASCII characters: the rules ask this of every line several
    // times, and `split_whitespace` was the costliest part of sectioning.
    let bytes = line.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let (space, len) = if bytes[i].is_ascii() {
            (matches!(bytes[i], b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = line[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if space {
            in_word = false;
        } else if !in_word {
            if words == cap {
                return cap;
            }
            in_word = true;
            words += 1;
        }
        i += len;
    }
    words
}

/// Ends like a sentence: a full stop, question or exclamation mark, colon, or a closing quote.
fn ends_like_sentence(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with(['.', '!', '?', ':', ';', '”', '"', '’', '\''])
        && !line.ends_with("...")
        && !line.ends_with('…')
}

fn is_headline(line: &str, followed_by_blank: bool) -> bool {
    let words = word_count(line, 26);
    let starts_upper = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    if !starts_upper || words == 0 || words > 25 || line.len() > 200 {
        return false;
    }
    let ends_stop = line.trim_end().ends_with('.');
    !ends_stop || (followed_by_blank && words <= 14)
}

/// A short line alone, most words capitalized, no final punctuation: a heading inside the body.
fn is_cross_head(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(9).collect();
    if words.is_empty() || words.len() > 8 || ends_like_sentence(line) || line.ends_with(',') {
        return false;
    }
    let capitalized = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    capitalized * 3 >= words.len() * 2 && words[0].chars().next().is_some_and(char::is_uppercase)
}

/// Short, unpunctuated: the shape of a caption, a credit or a label.
fn is_label(line: &str) -> bool {
    // The cheap test first: a paragraph ends like a sentence.
    !ends_like_sentence(line) && (1..=16).contains(&word_count(line, 17))
}

/// "Flooded street" / "Flooded streets in the old town AFP": a caption title and the caption
/// with its credit, the second starting like the first.
fn is_caption_pair(first: &str, second: &str) -> bool {
    if !is_label(first) || !is_label(second) {
        return false;
    }
    let a: Vec<String> = first.split_whitespace().map(|w| w.to_lowercase()).collect();
    let b: Vec<String> = second
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let stem = |w: &str| w.trim_end_matches('s').to_string();
    !a.is_empty() && b.len() > a.len() && stem(&a[0]) == stem(&b[0])
}

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
fn is_caption_line(line: &str) -> bool {
    word_count(line, 41) <= 40 && CAPTION_LINE.is_match(line)
        || is_label(line) && word_count(line, 2) >= 2 && CREDIT_TOKEN.is_match(line)
}

/// Finite verbs and auxiliaries that make a short line a sentence rather than a label.
static FINITE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(is|are|was|were|be|been|has|have|had|will|would|shall|should|can|could|may|might|must|do|does|did|says?|said|told|\w{3,}ed|\w+n[’']t)(?-u:\b)").unwrap()
});

/// A short lowercase-led label alone inside the body, with no finite verb and no final
/// punctuation ("Firefighters outside the burning warehouse"): what is left of a photo when
/// the photo is gone. Title Case lines are cross-heads instead ([`is_cross_head`]).
fn is_verbless_label(line: &str) -> bool {
    let words = word_count(line, 13);
    (2..=12).contains(&words)
        && is_label(line)
        && !line.ends_with([',', '-', '–', '—'])
        && line.chars().next().is_some_and(char::is_uppercase)
        && !FINITE_VERB.is_match(line)
        && !line.contains(['“', '"', '‘'])
}

static REPLY_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(leave\s+a\s+(reply|comment)|post\s+a\s+comment|add\s+(a|your)\s+comment|\d+\s+(thoughts|responses|comments)\s+on(?-u:\b).{0,120})\s*:?$").unwrap()
});

/// The comment form's heading: readers' text may follow it.
fn is_reply_form(line: &str) -> bool {
    REPLY_FORM.is_match(line)
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(
            exit\ mobile\ version | skip\ to\ (main\ )?content | share\ (this|on\ \w+)(\ article|\ story)? |
            share | tweet | print | email | whatsapp | facebook | twitter | linkedin |
            leave\ a\ (reply|comment) | post\ a\ comment | cancel\ reply |
            subscribe(\ now|\ to\ .{0,40})? | sign\ up(\ for\ .{0,40})? | newsletter | advertisement | sponsored(\ content)? |
            all\ rights\ reserved.* | (copyright|©).{0,80} | .{0,80}all\ rights\ reserved\.? |
            about\ (the\ )?author | about\ [A-Z][\w.'’-]*(\ [A-Z][\w.'’-]*){0,3} |
            (click|tap)\ here.{0,60} | follow\ us.{0,40} | tags?:.{0,120} | filed\ under.{0,80} |
            previous\ (article|post) | next\ (article|post) | (updated|published|posted)(\ on)?:?\ .{0,40}
        )$",
    )
    .unwrap()
});

/// A line every CMS prints, not written for this article.
fn is_boilerplate_line(line: &str) -> bool {
    if BOILERPLATE.is_match(line) {
        return true;
    }
    // Only short lines can be these; counting stops at five words.
    let n_words = line.split_whitespace().take(5).count();
    // Shouted one-liners: "READ MORE", "ADVERTISEMENT".
    if (1..=4).contains(&n_words)
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && line
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && !ends_like_sentence(line)
    {
        return true;
    }
    // An image file name or slug standing alone: "Biden2", "IMG_1234.jpg".
    if n_words == 1 {
        let w = line.trim();
        let lower = w.to_ascii_lowercase();
        let has_digit = w.chars().any(|c| c.is_ascii_digit());
        let has_alpha = w.chars().any(char::is_alphabetic);
        let is_year_or_number = w
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        if (has_digit && has_alpha && !is_year_or_number)
            || [".jpg", ".jpeg", ".png", ".gif", ".webp"]
                .iter()
                .any(|e| lower.ends_with(e))
        {
            return true;
        }
    }
    false
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^((re)?(printed|published|posted)\s+(with\s+permission\s+)?(from|by)(?-u:\b).{0,120}|(written\s+)?by\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}(,\s*.{0,60})?|(source|originally\s+(published|appeared))\s*(:|in|on|at)\s*.{0,100}|this\s+(article|story)\s+(was\s+)?(originally\s+)?(published|appeared).{0,120})$",
    )
    .unwrap()
});

fn is_byline_or_reprint(line: &str) -> bool {
    // Every form opens with one of these words; checking it first spares the regex on almost
    // every paragraph (it was the costliest rule of sectioning).
    let first = &line[..line
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(line.len())];
    let opens = [
        "printed",
        "published",
        "posted",
        "reprinted",
        "republished",
        "reposted",
        "written",
        "by",
        "source",
        "originally",
        "this",
    ]
    .iter()
    .any(|w| first.eq_ignore_ascii_case(w));
    opens && word_count(line, 26) <= 25 && BYLINE.is_match(line)
}

/// A byline standing alone ("By Jane Doe"), not a sentence that starts with "By".
fn is_byline(line: &str) -> bool {
    is_byline_or_reprint(line) && !ends_like_sentence(line)
}

static COMMENTS_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d+\s+)?(comments?|responses?|replies|reader comments|join the (discussion|conversation)|what (do )?(you|readers) (think|say))\s*[:(\d)]*$").unwrap()
});

fn is_comments_header(line: &str) -> bool {
    COMMENTS_HEADER.is_match(line)
}

static TEASER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(check\s+also|related(\s+(articles?|stories|posts|news|coverage))?|read\s+(more|also|next)|also\s+read|see\s+also|more\s+(from|on|stories|news)(\s.{0,30})?|you\s+(may|might)\s+(also\s+)?like|recommended(\s+for\s+you)?|trending(\s+now)?|most\s+(read|popular)|popular\s+(posts|stories)|in\s+other\s+news|don[’']t\s+miss)\s*:?$").unwrap()
});

/// Agency credits at the foot of a wire story: "(Reporting by …; Editing by …)".
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]?\s*((additional\s+)?reporting|writing|editing|edited|compiled|translated|graphics?|photos?)\s+by\s+.{1,200}[)\]]?\.?$").unwrap()
});

fn is_credit_line(line: &str) -> bool {
    // The anchored pattern fails at once on a paragraph; counting its words would not.
    CREDIT_LINE.is_match(line) && word_count(line, 31) <= 30
}

/// A teaser on one line: "Read more: Port chief warns …", "Related: …".
static INLINE_TEASER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(read\s+(more|also|next)|related(\s+(articles?|stories|story))?|see\s+also|also\s+read|more\s+on\s+this(\s+story)?|watch|listen|about\s+the\s+(author|writer|reporter))\s*[:|—–]\s*\S.{0,300}$").unwrap()
});

fn is_inline_teaser(line: &str) -> bool {
    INLINE_TEASER.is_match(line) && word_count(line, 61) <= 60 && !ends_like_sentence_long(line)
}

/// A long line ending like a sentence is a paragraph even when it opens like a teaser (an
/// author box is the exception: it is written in sentences).
fn ends_like_sentence_long(line: &str) -> bool {
    word_count(line, 26) > 25
        && ends_like_sentence(line)
        && !line.to_lowercase().starts_with("about the")
}

fn is_teaser_cue(line: &str) -> bool {
    word_count(line, 7) <= 6 && TEASER_CUE.is_match(line)
}

/// A real paragraph: long, ending like a sentence (teasers end in "…" or mid-phrase).
fn is_full_paragraph(line: &str) -> bool {
    word_count(line, 25) >= 25 && ends_like_sentence(line)
}

static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"“[^”]*”|"[^"]*""#).unwrap());
static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(])(I|I[’']m|I[’']ve|I[’']d|me|my|we|We|us|our)(?:[\s,.!?…]|$)").unwrap()
});
static EMOTICON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(:[~-]?[()DPp/])|(\blol\b)|(\bsmh\b)|(!!)|(\?\?)").unwrap());

/// Whether lines read like readers talking: first person outside quotes, exclamations,
/// questions, emoticons, shouting. Needs a clear share of the lines, not one quote.
fn reads_like_comments(rest: &[&str]) -> bool {
    if rest.is_empty() {
        return false;
    }
    let sample = &rest[..rest.len().min(20)];
    let talky = sample
        .iter()
        .filter(|line| {
            let outside = QUOTED.replace_all(line, " ");
            let shouting = outside
                .split_whitespace()
                .filter(|w| {
                    w.len() >= 4
                        && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                        && w.chars().any(char::is_alphabetic)
                })
                .count();
            FIRST_PERSON.is_match(&outside)
                || outside.contains('!')
                || outside.trim_end().ends_with('?')
                || EMOTICON.is_match(&outside)
                || shouting >= 1
        })
        .count();
    talky >= 2 && talky * 10 >= sample.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_counts_like_split_whitespace_up_to_its_cap() {
        let long = "word ".repeat(80);
        for line in [
            "",
            "  ",
            "one",
            " two  words ",
            "tab\tand\u{b}vertical\u{c}feed\r\nend",
            "no\u{a0}break\u{2003}em\u{3000}space\u{85}next",
            "naïve café — “quoted”",
            "\u{1c}\u{1f} control",
            long.as_str(),
        ] {
            for cap in [0, 1, 2, 7, 61] {
                assert_eq!(
                    word_count(line, cap),
                    line.split_whitespace().take(cap).count(),
                    "{line:?} {cap}"
                );
            }
        }
    }

    fn kinds(text: &str) -> Vec<(SectionKind, String)> {
        split(text)
            .into_iter()
            .map(|s| {
                (
                    s.kind,
                    text[s.start..s.end].trim().chars().take(30).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn covers_the_text_contiguously() {
        let text = "\nTitle Here\n\nBody one.\n\nPhoto: a cat\n\nBody two.\n";
        let sections = split(text);
        assert_eq!(sections[0].start, 0);
        assert_eq!(sections.last().unwrap().end, text.len());
        for pair in sections.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }

    #[test]
    fn headline_rules() {
        assert!(is_headline("Mayor Warns Council Over Budget", false));
        assert!(is_headline(
            "In a late vote, the council backs the budget.",
            true
        ));
        assert!(!is_headline(
            "The council voted late on Monday to back a budget that the mayor had opposed for weeks.",
            false
        ));
        assert!(!is_headline("( the council", true));
    }

    #[test]
    fn empty_text_has_no_sections() {
        assert!(split("").is_empty());
    }

    #[test]
    fn a_caption_pair_and_a_cross_head() {
        let text = "Floods Hit Coast\n\nRain fell all week on the coast.\n\nFlooded street\nFlooded streets in the old town AFP\n\nRelief Efforts\n\nVolunteers arrived on Friday.\n";
        let k = kinds(text);
        assert_eq!(
            k.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            [
                SectionKind::Headline,
                SectionKind::Body,
                SectionKind::Caption,
                SectionKind::Headline,
                SectionKind::Body
            ],
            "{k:?}"
        );
    }
}
