//! Whether a name only reports what its sentence says ("X said", "said X", "according to X"),
//! so that the stages can tell who speaks from who acts.

use super::vocabulary::is_saying;
use super::words::{find_ignoring_case, floor_char_boundary, words};

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
    // "…,” said Okafor." names the speaker; "said Lund and Berg discussed …" names the
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_two_words_read_backwards_as_words_reads_forwards() {
        let cases = [
            "",
            " ",
            "said",
            "  said Okafor, ",
            "the U.S. de-escalate Lund’s",
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
}
