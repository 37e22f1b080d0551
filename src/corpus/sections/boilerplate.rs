//! What every CMS prints: share buttons, bylines, reprint lines, credits, teasers.

use std::sync::LazyLock;

use regex::Regex;

use super::shapes::ends_like_sentence;
use super::word_count;

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
            previous\ (article|post) | next\ (article|post) | (updated|published|posted)(\ on)?:?\ .{0,40} |
            (buy|license|download)\ (this\ )?(photo|image|picture) |
            (the\ )?associated\ press | reuters | afp | agence\ france-presse | bloomberg(\ news)? |
            ap | upi | dpa | efe | ansa | (the\ )?press\ association | pa\ media | xinhua | tass
        )$",
    )
    .unwrap()
});

/// A line every CMS prints, not written for this article.
pub(super) fn is_boilerplate_line(line: &str) -> bool {
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

pub(super) fn is_byline_or_reprint(line: &str) -> bool {
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
pub(super) fn is_byline(line: &str) -> bool {
    is_byline_or_reprint(line) && !ends_like_sentence(line)
}

static TEASER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(check\s+also|related(\s+(articles?|stories|posts|news|coverage))?|read\s+(more|also|next)|also\s+read|see\s+also|more\s+(from|on|stories|news)(\s.{0,30})?|you\s+(may|might)\s+(also\s+)?like|recommended(\s+for\s+you)?|trending(\s+now)?|most\s+(read|popular)|popular\s+(posts|stories)|in\s+other\s+news|don[’']t\s+miss)\s*:?$").unwrap()
});

/// Agency credits at the foot of a wire story: "(Reporting by …; Editing by …)".
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]?\s*((additional\s+)?reporting|writing|editing|edited|compiled|translated|graphics?|photos?)\s+by\s+.{1,200}[)\]]?\.?$").unwrap()
});

pub(super) fn is_credit_line(line: &str) -> bool {
    // The anchored pattern fails at once on a paragraph; counting its words would not.
    CREDIT_LINE.is_match(line) && word_count(line, 31) <= 30
}

/// A teaser on one line: "Read more: Port chief warns …", "Related: …".
static INLINE_TEASER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(read\s+(more|also|next)|related(\s+(articles?|stories|story))?|see\s+also|also\s+read|more\s+on\s+this(\s+story)?|watch|listen|about\s+the\s+(author|writer|reporter))\s*[:|—–]\s*\S.{0,300}$").unwrap()
});

pub(super) fn is_inline_teaser(line: &str) -> bool {
    INLINE_TEASER.is_match(line) && word_count(line, 61) <= 60 && !ends_like_sentence_long(line)
}

/// A long line ending like a sentence is a paragraph even when it opens like a teaser (an
/// author box is the exception: it is written in sentences).
fn ends_like_sentence_long(line: &str) -> bool {
    word_count(line, 26) > 25
        && ends_like_sentence(line)
        && !line.to_lowercase().starts_with("about the")
}

pub(super) fn is_teaser_cue(line: &str) -> bool {
    word_count(line, 7) <= 6 && TEASER_CUE.is_match(line)
}

/// A real paragraph: long, ending like a sentence (teasers end in "…" or mid-phrase).
pub(super) fn is_full_paragraph(line: &str) -> bool {
    word_count(line, 25) >= 25 && ends_like_sentence(line)
}
