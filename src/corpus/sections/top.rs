//! The clutter above an article's first paragraph: bylines ("By Jane Doe, CNN", a line of
//! reporters' names), publication and update stamps ("Originally Published: 14 MAR 22 07:12
//! ET", "| Mon, Mar 14, 2022", "7 Reads"), video-player and advertising labels. None of it is
//! the story, and names in it are the reporters', never the people of the story.

use std::sync::LazyLock;

use regex::Regex;

use super::word_count;

/// Particles that may sit inside a name ("Marta de Lund", "Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "van", "von", "bin",
    "al", "el", "ter", "ten",
];

/// A word of a written name: "Rina", "McKinnon", "O'Dowd", "Moe-Berg", "J.", "Berg",
/// "‘TB’" (a nickname in quotes). Not an all-capitals word of three letters or more, which
/// opens a dateline ("NEW YORK") rather than a name.
fn is_name_token(word: &str) -> bool {
    let word = word.trim_matches(|c: char| matches!(c, '‘' | '’' | '\'' | '"' | '“' | '”'));
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    if rest.is_empty() || rest == ['.'] {
        return true;
    }
    if !rest
        .iter()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.' | '´'))
    {
        return false;
    }
    let upper = rest.iter().filter(|c| c.is_uppercase()).count();
    let letters = rest.iter().filter(|c| c.is_alphabetic()).count();
    // "CZ" in quotes is a nickname; "NEW" or "YORK" is a dateline.
    upper < letters || letters <= 1
}

/// Names separated by commas, "and" or "&": the list a byline names. Returns where the list
/// ends (a byte offset into `s`) and how many name words it holds, or `None` when `s` does not
/// open with a name.
fn name_list(s: &str) -> Option<(usize, usize)> {
    let mut end = 0;
    let mut words = 0;
    let mut group = 0;
    let mut pos = 0;
    let bytes_of = |w: &str, from: usize| from + s[from..].find(w).unwrap_or(0) + w.len();
    for raw in s.split_whitespace() {
        let comma = raw.ends_with(',');
        let word = raw.trim_end_matches(',');
        let at = bytes_of(raw, pos);
        if matches!(word, "and" | "&") && group > 0 {
            group = 0;
            pos = at;
            continue;
        }
        let particle = group > 0 && PARTICLES.contains(&word);
        if !(is_name_token(word) || particle) {
            break;
        }
        group += 1;
        if group > 5 {
            return None;
        }
        words += 1;
        pos = at;
        end = at - usize::from(comma);
        if comma {
            group = 0;
        }
    }
    (words > 0).then_some((end, words))
}

/// A byline at the start of a line: "By Rina Okafor", "By Tomas Berg, Mira Sandvik and
/// Omar Haddad, CNN", "by Jon McKinnon /Nordlys Air president …", "By Lena Moe and
/// Jon Halvorsen NEW YORK A state judge …". Returns where the byline ends and where the text
/// after it starts (the line's length when the byline is the whole line), or `None` when the
/// line is a sentence that merely opens with "By" ("By Tuesday, the council had voted").
pub(super) fn byline(line: &str) -> Option<(usize, usize)> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))?;
    let offset = line.len() - rest.len();
    let (end, words) = name_list(rest)?;
    if words < 2 {
        return None;
    }
    let mut end = offset + end;
    let mut after = &line[end..];
    // ", CNN" or "| Reuters": the outlet closes the byline.
    if let Some(outlet) = after
        .strip_prefix(", ")
        .or_else(|| after.strip_prefix(" | "))
        .filter(|o| {
            (1..=4).contains(&word_count(o, 5)) && o.chars().next().is_some_and(char::is_uppercase)
        })
        && !outlet.contains(['.', '!', '?'])
    {
        end = line.len();
        after = &line[end..];
        debug_assert!(!outlet.is_empty());
    }
    let trimmed = after.trim_start();
    if trimmed.is_empty() {
        return Some((line.len(), line.len()));
    }
    let gap = after.len() - trimmed.len();
    // A separator ends the byline: what follows is the article.
    if let Some(sep) = ['/', '|', '—', '–', '-']
        .iter()
        .find(|c| trimmed.starts_with(**c))
    {
        let body = end + gap + sep.len_utf8();
        let body = body + (line.len() - body - line[body..].trim_start().len());
        return Some((end, body));
    }
    // A dateline in capitals follows: "… Halvorsen NEW YORK A state judge".
    let next = trimmed.split_whitespace().next().unwrap_or("");
    let letters: Vec<char> = next.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return Some((end, end + gap));
    }
    None
}

/// A line of nothing but names, as reporters' names stand under a headline ("Kari Lund and
/// Omar Haddad", "Ingrid Sandvik") or under a portrait ("Tomas ‘TB’ Berg").
pub(super) fn is_name_line(line: &str) -> bool {
    let line = line.trim();
    let words = word_count(line, 13);
    if !(2..=12).contains(&words) || line.ends_with(['.', '!', '?', ':', ';']) {
        return false;
    }
    // ", CNN" may close it, as it closes a byline.
    let names = match line.rsplit_once(", ") {
        Some((names, outlet)) if word_count(outlet, 4) <= 3 && !outlet.contains(' ') => names,
        _ => line,
    };
    // A common given name opens one of the names: a heading in Title Case ("Relief Efforts")
    // has the same shape.
    let given = names
        .split([',', ' '])
        .filter(|w| !w.is_empty())
        .any(crate::analysis::lexicon::is_given_name);
    given && matches!(name_list(names), Some((end, n)) if end == names.len() && n >= 2)
}

const MONTH: &str = r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?";
const WEEKDAY: &str =
    r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|rsday|urday)?\.?";

/// A line that only stamps a date or a time, with or without its label: "2022-03-16 08:05",
/// "Originally Published: 14 MAR 22 07:12 ET", "| Mon, Mar 14, 2022", "16 March 2022
/// Wednesday 08:05", "Release Date", "This was published 5 months ago", "7 Reads", "5 min read".
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    let token = format!(
        r"({MONTH}|{WEEKDAY}|\d{{1,4}}(st|nd|rd|th)?|\d{{4}}-\d{{2}}-\d{{2}}(t[\d:.+z-]*)?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}[:.]\d{{2}}([:.]\d{{2}})?|[ap]\.?m\.?|[a-z]{{1,2}}[sd]?t|gmt|utc|originally|first|last|published|updated|modified|posted|release|released|date|on|at)"
    );
    Regex::new(&format!(
        r"(?ix)^(
            [|•·]?\s*({token}[\s,|:•·/–—-]*)+
          | (this\ (article|story\ )?(was\ )?)?(first\ )?(published|updated|posted)\s+(about\ )?\d+\s+(second|minute|hour|day|week|month|year)s?\s+ago\.?
          | \d[\d,.]*\s*k?\s*(reads?|views?|shares?|min(ute)?s?\s+read)
        )$"
    ))
    .unwrap()
});

/// At least one word of a date or a time: a label alone ("Release Date") counts too.
static STAMP_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)({MONTH}|{WEEKDAY}|\d{{1,2}}[:.]\d{{2}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|published|updated|posted|release|ago|reads?|views?|read)(?-u:\b)"
    ))
    .unwrap()
});

/// A publication or update stamp, or a reading counter, standing alone on its line.
pub(super) fn is_stamp(line: &str) -> bool {
    let line = line.trim();
    word_count(line, 13) <= 12 && STAMP_WORD.is_match(line) && STAMP.is_match(line)
}

/// A dateline opening the lead: the place (and agency) the story was filed from, with or
/// without its date: "BERGEN – ", "SPRINGFIELD, Ohio — ", "TROMSO (AP) – ", "(CNN) — ",
/// "New York | ", "San Francisco: ", "NEW YORK A state judge …", "Mar 14 (Reuters) - ".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*)(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?\s*(?:\([^)]{{1,40}}\))?\s*[—–-]{{1,2}}\s*|\([A-Za-z][A-Za-z .]{{1,30}}\)\s*[—–-]{{1,2}}\s*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}\s*[|:]\s+|[A-Z]{{3,}}(?:\s+[A-Z]{{2,}})+\s+|(?i:{MONTH})\s+\d{{1,2}}(?:,\s+\d{{4}})?\s*(?:\([^)]{{1,40}}\))?\s*[—–-]{{1,2}}\s*)"
    ))
    .unwrap()
});

/// A dateline alone on its line, with the agency in brackets or a dash: "NAIROBI, Kenya (AP) _",
/// "WASHINGTON, March 12 (Xinhua) --", "MIAMI _".
static DATELINE_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][A-Z.'’ -]+(?:,\s+[A-Za-z0-9.,' ]{1,30})?\s*(?:\([^)]{1,40}\)\s*(?:[—–_-]{1,2})?|[—–_]|--)$",
    )
    .unwrap()
});

/// Whether `line` is a dateline and nothing else: where the story was filed, not its headline.
pub(super) fn is_dateline_alone(line: &str) -> bool {
    line.len() <= 80 && DATELINE_ALONE.is_match(line.trim())
}

/// Where a dateline that opens `line` ends, if one does and a sentence follows it.
pub(super) fn dateline_end(line: &str) -> Option<usize> {
    let m = DATELINE.find(line)?;
    let rest = &line[m.end()..];
    // A sentence follows, opening with a capital or a quote.
    let opens = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘'));
    (opens && word_count(rest, 6) >= 5).then_some(m.end())
}

/// An advertising or video-player label: "AD", "Advertisement", "Remaining Ad Time Ad - 00:00".
static AD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(\W*(remaining\s+)?(ad|ads|advert|advertisement)(\s+time)?\W*)+(\d{1,2}:\d{2})?\W*$",
    )
    .unwrap()
});

pub(super) fn is_ad_label(line: &str) -> bool {
    word_count(line, 9) <= 8 && AD_LABEL.is_match(line.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_alone_on_their_line() {
        for line in [
            "NAIROBI, Kenya (AP) _",
            "WASHINGTON, March 12 (Xinhua) --",
            "TROMSO (Nordwire) —",
            "BERGEN _",
        ] {
            assert!(is_dateline_alone(line), "{line}");
        }
        for line in [
            "Harbour Reopens After Storm",
            "NATO (Nordwire) Expands East Today",
            "NATO EXPANDS",
        ] {
            assert!(!is_dateline_alone(line), "{line}");
        }
    }

    #[test]
    fn bylines_whole_and_as_prefixes() {
        for line in [
            "By Rina Okafor",
            "By Tomas Berg, Mira Sandvik and Omar Haddad, CNN",
            "By Ivar Nilsen, CNN",
            "By Lena Moe and Jon Halvorsen",
            "BY MARIA O'DOWD-SMITH",
        ] {
            let found = byline(line);
            if line.starts_with("BY MARIA") {
                // All capitals: a shouted line, not a list of names this reader can split.
                assert_eq!(found, None, "{line}");
            } else {
                assert_eq!(found, Some((line.len(), line.len())), "{line}");
            }
        }
        let line = "by Jon McKinnon /Nordlys Air president and CEO Tomas Berg will step down.";
        let (end, body) = byline(line).unwrap();
        assert_eq!(&line[..end], "by Jon McKinnon");
        assert!(line[body..].starts_with("Nordlys Air president"));
        let line = "By Lena Moe and Jon Halvorsen NEW YORK A state judge on Monday ruled";
        let (end, body) = byline(line).unwrap();
        assert_eq!(&line[..end], "By Lena Moe and Jon Halvorsen");
        assert!(line[body..].starts_with("NEW YORK"));
        for sentence in [
            "By Tuesday, the council had voted.",
            "By the end of the year the port reopened.",
            "By Monday Hall said the deal was done",
            "By law, the vote is secret.",
        ] {
            assert_eq!(byline(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn name_lines() {
        for line in [
            "Kari Lund and Omar Haddad",
            "Ingrid Sandvik",
            "Ana de la Cruz, Reuters",
            "Jon S. Halvorsen",
        ] {
            assert!(is_name_line(line), "{line}");
        }
        for line in [
            "Nordlys Air CEO Tomas Berg to Step Down",
            "Talks resume in Oslo",
            "Relief Efforts",
            "Council leaders hope to get a budget extension passed by Friday",
            "USA TODAY",
            "Smith.",
        ] {
            assert!(!is_name_line(line), "{line}");
        }
    }

    #[test]
    fn stamps() {
        for line in [
            "2022-03-16 08:05",
            "Originally Published: 14 MAR 22 07:12 ET",
            "Updated: 14 MAR 22 19:40 ET",
            "16 March 2022 Wednesday 08:05",
            "| Mon, Mar 14, 2022",
            "Release Date",
            "March 16, 2022",
            "October 7, 2021",
            "This was published 5 months ago",
            "7 Reads",
            "5 min read",
            "Published 3 hours ago",
            "Updated Jan. 5, 2024, 3:22pm EST",
        ] {
            assert!(is_stamp(line), "{line}");
        }
        for line in [
            "May 2 was the day the strike ended.",
            "Talks resume on Monday",
            "The vote is on March 8",
            "2024",
            "Published by the city council",
        ] {
            assert!(!is_stamp(line), "{line}");
        }
    }

    #[test]
    fn datelines() {
        for (line, rest) in [
            (
                "BERGEN – Fjord Mining suspended its chief executive on Saturday.",
                "Fjord",
            ),
            (
                "SPRINGFIELD, Ohio — The Harbour Board said on Wednesday that it ended the search.",
                "The",
            ),
            (
                "TROMSO (AP) – Nordlys Air cut a tenth of its staff on Friday, the owner said.",
                "Nordlys",
            ),
            (
                "(CNN) — The Harbour Board opens a hearing into the sinking on Monday.",
                "The",
            ),
            (
                "New York | Kestrel Bank CEO Ada Lund told employees on Monday it was fine.",
                "Kestrel",
            ),
            (
                "NEW YORK A state judge on Monday set new bail conditions for the banker.",
                "A",
            ),
            (
                "Mar 14 (Reuters) - Kestrel Bank said on Tuesday it had signed a deal.",
                "Kestrel",
            ),
        ] {
            let end = dateline_end(line).unwrap_or_else(|| panic!("{line}"));
            assert!(line[end..].starts_with(rest), "{line}: {}", &line[end..]);
        }
        for line in [
            "The Harbour Board said on Wednesday that it ended the search.",
            "THE TRIAL OF KESTREL founder Lena Moe-Berg began on Tuesday.",
            "Sandvik said the board would pause its work.",
            "US regulators ordered the grounding of the planes on Saturday.",
        ] {
            assert_eq!(dateline_end(line), None, "{line}");
        }
    }

    #[test]
    fn ad_labels() {
        for line in [
            "AD",
            "Advertisement",
            "Remaining Ad Time Ad - 00:00",
            "ADVERTISEMENT",
        ] {
            assert!(is_ad_label(line), "{line}");
        }
        for line in ["Ads were pulled on Monday.", "Adam Smith"] {
            assert!(!is_ad_label(line), "{line}");
        }
    }
}
