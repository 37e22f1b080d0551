//! The roles written around a name: before it ("Harbour Board press secretary"), after it in
//! commas ("Lund, the president of Iceland,") or before it with a comma ("A spokesman, X").

use crate::analysis::lexicon;
use crate::analysis::sentences::Sentence;
use crate::analysis::text;

use super::discover::is_sentence_initial;
use super::tokens::{Tok, is_capitalized, is_title_abbreviation, joins};

/// "Mr", "Ms.", "Dr": a courtesy title, not a role worth keeping.
pub(super) fn is_title_only(role: &str) -> bool {
    is_title_abbreviation(role.trim_end_matches('.'))
}

/// A role written just before the name, in lower case or mixed: "Harbour Board press secretary",
/// "French presidential aide", "his French counterpart".
pub(super) fn role_before(text: &str, s: &Sentence, toks: &[Tok], a: usize) -> Option<String> {
    let mut k = a;
    let mut has_head = false;
    while k > 0 && joins(text, &toks[k - 1], &toks[k]) {
        let w = toks[k - 1].text;
        let lower = text::lower(w);
        let head = lexicon::is_role_head(&lower);
        // Words in capitals after words in capitals are shouting ("THE TRIAL OF KBX founder").
        let shouting =
            k >= 2 && super::cues::is_all_caps(w) && super::cues::is_all_caps(toks[k - 2].text);
        let ok = !shouting
            && (head
                || lexicon::is_role_modifier(&lower)
                || lexicon::demonym(w).is_some()
                || (is_capitalized(w) && !is_sentence_initial(text, s, toks, k - 1))
                || (is_capitalized(w) && lexicon::place(w).is_some()));
        if !ok || (!has_head && !head && k == a) {
            break;
        }
        has_head |= head;
        k -= 1;
    }
    while k < a && matches!(toks[k].text, "of" | "for" | "and") {
        k += 1;
    }
    (has_head && k < a).then(|| text[toks[k].start..toks[a - 1].end].to_string())
}

/// An appositive role: "Ada Lund, the president of Iceland,".
pub(super) fn role_after(text: &str, s: &Sentence, toks: &[Tok], b: usize) -> Option<String> {
    let end = toks.get(b - 1)?.end;
    let rest = &text[end..s.end];
    let rest = rest.strip_prefix(", ")?;
    let clause_end = rest.find([',', '.', ';', '—', '(']).unwrap_or(rest.len());
    let clause = &rest[..clause_end];
    let words: Vec<&str> = clause.split_whitespace().collect();
    let words: &[&str] = match words.first() {
        Some(&("the" | "a" | "an" | "his" | "her" | "its" | "their")) => &words[1..],
        _ => &words,
    };
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let all_role = words.iter().all(|w| {
        let w = w
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches(['’', '\'']);
        let lower = text::lower(w);
        lexicon::is_role_head(&lower)
            || lexicon::is_role_modifier(&lower)
            || lexicon::demonym(w).is_some()
            || is_capitalized(w)
            || matches!(lower.as_ref(), "the" | "a" | "an" | "at" | "in")
            || lexicon::is_org_head(&capitalize(&lower))
    });
    let has_head = words.iter().any(|w| lexicon::is_role_head(&text::lower(w)));
    (all_role && has_head).then(|| words.join(" "))
}

/// "The Dutch labour minister" → "Dutch labour minister".
pub(super) fn without_article(role: &str) -> &str {
    for article in ["The ", "the ", "A ", "a ", "An ", "an "] {
        if let Some(rest) = role.strip_prefix(article) {
            return rest;
        }
    }
    role
}

pub(super) use crate::analysis::text::capitalize;

/// A role set off by a comma before the name: "A spokesman for the authority, Ruud Jansen",
/// "Bakker's spokesman, Ruud Jansen", "the ministry's spokeswoman, Amira Saleh".
pub(super) fn role_before_comma(
    text: &str,
    s: &Sentence,
    toks: &[Tok],
    a: usize,
) -> Option<String> {
    let before = text[s.start..toks.get(a)?.start].strip_suffix(", ")?;
    let words: Vec<&str> = before.split_whitespace().collect();
    let n = words.len();
    let bare = |w: &str| {
        w.trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches(['’', '\''])
            .to_string()
    };
    // The role's head word, near the end; what follows it is "for/of/at (the) X".
    let head = (n.saturating_sub(6)..n)
        .rev()
        .find(|&k| lexicon::is_role_head(&text::lower(words[k])))?;
    let tail = &words[head + 1..];
    let tail_ok = tail.is_empty()
        || (matches!(tail[0], "for" | "of" | "at")
            && tail.len() <= 4
            && tail[1..].iter().all(|w| {
                !w.contains([',', '.', ';'])
                    && (matches!(*w, "the")
                        || w.chars().all(char::is_alphabetic)
                        || is_capitalized(w))
            }));
    if !tail_ok {
        return None;
    }
    // Back from the head over what qualifies it: "Egypt's foreign", "his Ethiopian".
    let mut first = head;
    while first > 0 {
        let w = words[first - 1];
        let b = bare(w);
        let lower = b.to_lowercase();
        if matches!(
            lower.as_str(),
            "a" | "an" | "the" | "his" | "her" | "its" | "their"
        ) {
            first -= 1;
            break;
        }
        let qualifies = lexicon::is_role_modifier(&lower)
            || lexicon::is_role_head(&lower)
            || lexicon::demonym(&b).is_some()
            || (is_capitalized(&b) && !w.contains([',', '.', ';', ':']));
        if !qualifies || matches!(lower.as_str(), "and" | "of" | "for") {
            break;
        }
        first -= 1;
    }
    let role = words[first..].join(" ");
    let role = role.trim_end_matches([',', ';']).to_string();
    (first < head || !tail.is_empty() || head + 1 == n).then_some(role)
}
