//! Reader comments under an article: their headers, the reply form, readers' register.

use std::sync::LazyLock;

use regex::Regex;

static REPLY_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(leave\s+a\s+(reply|comment)|post\s+a\s+comment|add\s+(a|your)\s+comment|\d+\s+(thoughts|responses|comments)\s+on(?-u:\b).{0,120})\s*:?$").unwrap()
});

/// The comment form's heading: readers' text may follow it.
pub(super) fn is_reply_form(line: &str) -> bool {
    REPLY_FORM.is_match(line)
}

static COMMENTS_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d+\s+)?(comments?|responses?|replies|reader comments|join the (discussion|conversation)|what (do )?(you|readers) (think|say))\s*[:(\d)]*$").unwrap()
});

pub(super) fn is_comments_header(line: &str) -> bool {
    COMMENTS_HEADER.is_match(line)
}

static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"“[^”]*”|"[^"]*""#).unwrap());
static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(])(I|I[’']m|I[’']ve|I[’']d|me|my|we|We|us|our)(?:[\s,.!?…]|$)").unwrap()
});
static EMOTICON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(:[~-]?[()DPp/])|(\blol\b)|(\bsmh\b)|(!!)|(\?\?)").unwrap());

/// Whether lines read like readers talking: first person outside quotes, exclamations,
/// questions, emoticons, shouting. Needs a clear share of the lines, not one quote.
pub(super) fn reads_like_comments(rest: &[&str]) -> bool {
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
