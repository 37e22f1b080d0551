//! Discovery: runs of capitalized words cut into a role and a name, and classified as a
//! person, organization or place by what the text offers around them.

use rustc_hash::FxHashSet;

use crate::analysis::lexicon;
use crate::analysis::sentences::Sentence;
use crate::analysis::text;
use crate::corpus::Document;
use crate::story::EntityKind;

use super::cues;
use super::roles::{capitalize, is_title_only, role_after, role_before, role_before_comma};
use super::tokens::{Tok, is_acronym, is_capitalized, is_connector, joins};

/// One name found in discovery, with what classified it. Borrows its document's id and
/// words: one is made per capitalized run of every sentence.
#[derive(Debug, Clone)]
pub(super) struct Find<'a> {
    pub(super) doc: &'a str,
    pub(super) start: usize,
    /// The name's words ("Mira", "Sandvik").
    pub(super) words: Vec<&'a str>,
    pub(super) kind: Option<EntityKind>,
    /// How sure the cue is: gazetteer 8, head word 6, role 5, given name 3, saying 2, "the X" 2.
    pub(super) weight: u32,
    pub(super) role: Option<String>,
    /// An acronym given in brackets right after the name: "(OSCE)".
    pub(super) acronym: Option<String>,
    /// Opens its sentence, where every word is capitalized.
    pub(super) opener: bool,
}

pub(super) fn discover<'a>(
    doc: &'a Document,
    s: &Sentence,
    toks: &[Tok<'a>],
    vocab: &FxHashSet<&str>,
    out: &mut Vec<Find<'a>>,
) {
    let text = &doc.text;
    let mut i = 0;
    while i < toks.len() {
        if !is_name_word(toks[i].text) {
            i += 1;
            continue;
        }
        // Extend over name words and inner connectors ("Organization for Security and ...").
        let mut j = i + 1;
        let mut nickname = None;
        loop {
            if j + 1 < toks.len() && nickname.is_none() && is_nickname(text, toks, j) {
                // "Tomas ‘TB’ Berg": the name runs on past a nickname in quotes.
                nickname = Some(j);
                j += 2;
                continue;
            }
            if !(j < toks.len() && joins(text, &toks[j - 1], &toks[j])) {
                break;
            }
            if is_name_word(toks[j].text) {
                j += 1;
            } else if is_connector(toks[j].text)
                && j + 1 < toks.len()
                && joins(text, &toks[j], &toks[j + 1])
                && is_name_word(toks[j + 1].text)
            {
                j += 2;
            } else if j + 2 < toks.len()
                && lexicon::is_particle_pair(toks[j].text, toks[j + 1].text)
                && joins(text, &toks[j], &toks[j + 1])
                && joins(text, &toks[j + 1], &toks[j + 2])
                && is_name_word(toks[j + 2].text)
            {
                // "Ursula von der Leyen".
                j += 3;
            } else if lexicon::is_particle_pair(&toks[j - 1].text.to_lowercase(), toks[j].text)
                && j + 1 < toks.len()
                && joins(text, &toks[j], &toks[j + 1])
                && is_name_word(toks[j + 1].text)
            {
                // "Von der Leyen" opening a sentence.
                j += 2;
            } else {
                break;
            }
        }
        let mut first = i;
        // A sentence opener that the corpus writes in lower case elsewhere is an ordinary word.
        while first < j && is_sentence_initial(text, s, toks, first) && {
            let w = toks[first].text;
            let lower = text::lower(w);
            // "Labeling Moe-Berg …", "Reportedly Lund …": a verb or an adverb opens it.
            let verb_or_adverb =
                lower.len() > 5 && (lower.ends_with("ing") || lower.ends_with("ly"));
            // A function word is one even where it is also a given name ("So Lund decided");
            // a role opens the name it titles ("Secretary of State Ada Lund has …").
            let kept = lexicon::is_given_name(w) || lexicon::is_role_head(&lower);
            (text::is_stopword(&lower)
                || (vocab.contains(lower.as_ref()) || verb_or_adverb) && !kept)
                && lexicon::place(w).is_none()
        } {
            first += 1;
            while first < j && is_connector(toks[first].text) {
                first += 1;
            }
        }
        // A name in quotation marks is a nickname or a title ("the 'Harbour Queen'"), not a name.
        let quoted = first < j
            && !toks[j - 1].possessive
            && text[..toks[first].start].ends_with(['\'', '‘', '“', '"'])
            && text[toks[j - 1].end..].starts_with(['\'', '’', '”', '"']);
        if first < j && !quoted {
            for (a, b) in split_run(toks, first, j) {
                for (a, b) in split_shouting(toks, a, b, out, &doc.id) {
                    let nickname = nickname.filter(|&k| a < k && k < b);
                    classify_run(text, s, &doc.id, toks, (a, b), nickname, out);
                }
            }
        }
        i = j;
    }
}

/// A nickname in quotes inside a name: `toks[k]` between "‘" and "’" (or double quotes), with
/// name words on both sides ("Tomas ‘TB’ Berg").
fn is_nickname(text: &str, toks: &[Tok], k: usize) -> bool {
    let (before, word, after) = (&toks[k - 1], &toks[k], &toks[k + 1]);
    let open = &text[before.end..word.start];
    let close = &text[word.end..after.start];
    matches!(open, " ‘" | " '" | " “" | " \"")
        && matches!(close, "’ " | "' " | "” " | "\" ")
        && is_name_word(before.text)
        && is_name_word(word.text)
        && is_name_word(after.text)
        && !before.possessive
}

/// A capitalized word that may be part of a name (not a month, weekday, "I" or "I’m", or a
/// party tag such as "D-N.Y."), or a name after an Arabic article ("al-Megrahi").
pub(super) fn is_name_word(word: &str) -> bool {
    (is_capitalized(word) || lexicon::after_name_article(word).is_some())
        && word != "I"
        && !word.starts_with("I’")
        && !word.starts_with("I'")
        && !lexicon::is_calendar_word(word)
        && !cues::is_party_tag(word)
}

/// Cuts words in capitals out of a run ("THE TRIAL OF KBX founder", "Halvorsen NEW YORK"):
/// shouting or a dateline, not a name; a place the gazetteer knows in capitals ("NEW YORK")
/// is kept as a place. A single word in capitals is an acronym and stays.
fn split_shouting<'a>(
    toks: &[Tok<'a>],
    a: usize,
    b: usize,
    out: &mut Vec<Find<'a>>,
    doc: &'a str,
) -> Vec<(usize, usize)> {
    let shouted = |k: usize| {
        cues::is_all_caps(toks[k].text)
            && ((k > a && cues::is_all_caps(toks[k - 1].text))
                || (k + 1 < b && cues::is_all_caps(toks[k + 1].text)))
    };
    if !(a..b).any(shouted) {
        return vec![(a, b)];
    }
    let mut pieces = Vec::new();
    let mut k = a;
    while k < b {
        let from = k;
        let loud = shouted(k);
        while k < b && shouted(k) == loud {
            k += 1;
        }
        if !loud {
            pieces.push((from, k));
            continue;
        }
        let words: Vec<String> = toks[from..k]
            .iter()
            .map(|t| capitalize(&t.text.to_lowercase()))
            .collect();
        if let Some(place) = lexicon::place(&words.join(" ")) {
            out.push(Find {
                doc,
                start: toks[from].start,
                words: place.name.split_whitespace().collect(),
                kind: Some(EntityKind::Place),
                weight: 8,
                role: None,
                acronym: None,
                opener: true,
            });
        }
    }
    pieces
}

pub(super) fn is_sentence_initial(text: &str, s: &Sentence, toks: &[Tok], i: usize) -> bool {
    let before = if i == 0 {
        &text[s.start..toks[i].start]
    } else {
        &text[toks[i - 1].end..toks[i].start]
    };
    i == 0 || before.contains(['.', ':', '“', '"', '—', '(', '\n'])
}

fn words_of<'a>(toks: &[Tok<'a>], a: usize, b: usize) -> Vec<&'a str> {
    toks[a..b].iter().map(|t| t.text).collect()
}

/// Cuts a run at "and"/"in"/"on" connectors unless the run is one organization
/// ("Organization for Security and Cooperation in Europe") or one known place.
fn split_run(toks: &[Tok], a: usize, b: usize) -> Vec<(usize, usize)> {
    let splits_at = |t: &Tok| matches!(t.text, "and" | "in" | "on" | "&" | "for");
    // "Karim Mansour of Egypt", "Jon Halvorsen of Berg Lund": a person of somewhere; and
    // "Senator Bob Smith of New Hampshire", a titled one of a known place.
    let heads = |t: &Tok| {
        let l = text::lower(t.text);
        lexicon::is_role_head(&l) || lexicon::is_org_head(t.text)
    };
    let of_a_place = |of: usize| {
        let rest: Vec<&str> = toks[of + 1..b]
            .iter()
            .map(|t| t.text)
            .take_while(|w| !matches!(*w, "and" | "&"))
            .collect();
        !heads(&toks[of - 1]) && lexicon::place(&rest.join(" ")).is_some()
    };
    if let Some(of) = (a + 2..b.saturating_sub(1)).find(|&k| toks[k].text == "of")
        && (of - a <= 3 && lexicon::is_given_name(toks[a].text) && !toks[a..of].iter().any(heads)
            || of_a_place(of))
    {
        let mut out = split_run(toks, a, of);
        out.extend(split_run(toks, of + 1, b));
        return out;
    }
    // "ambassador to Kenya Ada Lund": a known place before a full name is no part of it.
    if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| lexicon::is_given_name(toks[k].text))
        && lexicon::place(&words_of(toks, a, k).join(" ")).is_some_and(|p| {
            // "Chad Michael Murray" is a name; "ambassador to Kenya Ada Lund" a place first.
            let after_preposition =
                a > 0 && matches!(toks[a - 1].text, "to" | "in" | "of" | "from" | "for");
            !lexicon::is_given_name(toks[a].text) || p.country && after_preposition
        })
    {
        let mut out = vec![(a, k)];
        out.extend(split_run(toks, k, b));
        return out;
    }
    // Most runs hold no connector: nothing to cut, and no need to ask what the run names.
    if !toks[a..b].iter().any(splits_at) {
        return vec![(a, b)];
    }
    let whole: Vec<&str> = toks[a..b].iter().map(|t| t.text).collect();
    let org_like = lexicon::is_org_head(whole[0]) && whole.len() > 1 && is_connector(whole[1])
        || lexicon::is_org_head(whole[whole.len() - 1]);
    // "the Harbour Guard and Nordic Harbour Guard", "Tromsø and Kestrel Airlines": two names
    // joined, when what comes before "and" is a body or a place of its own ("Securities and
    // Exchange Commission" stays one).
    if org_like && let Some(k) = (a + 1..b - 1).find(|&k| matches!(toks[k].text, "and" | "&")) {
        let left = &whole[..k - a];
        let body = left.len() >= 2 && lexicon::is_org_head(left[left.len() - 1]);
        // "Bosnia and Herzegovina Football Federation": the place goes on past "and".
        let joined_place = (k + 2..=b).any(|e| lexicon::place(&whole[..e - a].join(" ")).is_some());
        if (body || lexicon::place(&left.join(" ")).is_some()) && !joined_place {
            let mut out = split_run(toks, a, k);
            out.extend(split_run(toks, k + 1, b));
            return out;
        }
    }
    if org_like || lexicon::place(&whole.join(" ")).is_some() {
        return vec![(a, b)];
    }
    let mut out = Vec::new();
    let mut from = a;
    for (k, t) in toks.iter().enumerate().take(b).skip(a) {
        if splits_at(t) {
            if from < k {
                out.push((from, k));
            }
            from = k + 1;
        }
    }
    if from < b {
        out.push((from, b));
    }
    out
}

fn classify_run<'a>(
    text: &str,
    s: &Sentence,
    doc: &'a str,
    toks: &[Tok<'a>],
    (a, b): (usize, usize),
    nickname: Option<usize>,
    out: &mut Vec<Find<'a>>,
) {
    let run = &toks[a..b];
    // Role inside the run: up to its last role word (and "of State" after it).
    let mut name_from = a;
    // "CEO of Hotelied", "Vice President of Technology": what follows "of" is where the role
    // is held, not who holds it, unless a given name starts a name after it ("Secretary of
    // State Ada Lund").
    let mut employer_only = false;
    if let Some(r) = (0..run.len().saturating_sub(1))
        .rev()
        .find(|&k| lexicon::is_role_head(&text::lower(run[k].text)))
    {
        let mut r = r;
        if run.get(r + 1).map(|t| t.text) == Some("of") {
            match (r + 3..run.len()).find(|&k| lexicon::is_given_name(run[k].text)) {
                Some(given) => r = given - 1,
                None if r + 3 < run.len() => r += 2,
                None => {
                    employer_only = true;
                    r += 1;
                }
            }
        }
        if r + 1 < run.len() && !lexicon::is_org_head(run[run.len() - 1].text) {
            name_from = a + r + 1;
        }
    }
    while name_from < b && is_connector(toks[name_from].text) {
        name_from += 1;
    }
    // The employer of a role: "DeepWave" of "DeepWave CEO Ivar Nilsen", or of a run that
    // ends on the role ("Nordlys CEO to exit").
    let role_end = if name_from > a {
        Some(name_from)
    } else {
        // Not "Rina Bishop": a given name before a word that may be a role is a name.
        (run.len() >= 2
            && lexicon::is_role_head(&text::lower(run[run.len() - 1].text))
            && !lexicon::is_given_name(run[0].text))
        .then_some(b)
    };
    if let Some(end) = role_end
        && let Some((start, words)) = cues::employer_in_role(&toks[a..end])
    {
        out.push(Find {
            doc,
            start,
            words,
            kind: Some(EntityKind::Organization),
            weight: 6,
            role: None,
            acronym: None,
            opener: is_sentence_initial(text, s, toks, a),
        });
    }
    if name_from >= b || role_end == Some(b) {
        return;
    }
    let name: Vec<&'a str> = (name_from..b)
        .filter(|&k| Some(k) != nickname)
        .map(|k| toks[k].text)
        .collect();
    // "General Manager": a role in two words names no one.
    if name_from > a && name.iter().all(|w| lexicon::is_role_head(&text::lower(w))) {
        return;
    }
    let joined = name.join(" ");
    // Looked for only where the kind depends on it: places and bodies need no role.
    let role = || {
        let inner_role =
            (name_from > a).then(|| text[toks[a].start..toks[name_from - 1].end].to_string());
        inner_role
            .filter(|r| !is_title_only(r))
            .or_else(|| role_before(text, s, toks, a))
            .or_else(|| role_after(text, s, toks, b))
            .or_else(|| role_before_comma(text, s, toks, a))
    };
    let mut role_found = None;
    let says_itself = cues::says_it(toks, b);
    let acronym = acronym_after(text, toks[b - 1].end, s.end);
    let head = name[name.len() - 1];
    let titled = name_from > a;

    let (kind, weight) = if lexicon::place(&joined).is_some() {
        (Some(EntityKind::Place), 8)
    } else if name.len() == 1 && lexicon::place(&capitalize(&joined.to_lowercase())).is_some() {
        // A dateline in capitals: "ROTTERDAM, March 16 -".
        (Some(EntityKind::Place), 8)
    } else if cues::state_after(text, toks[b - 1].end) {
        (Some(EntityKind::Place), 8)
    } else if name.len() == 1
        && (lexicon::demonym(&joined).is_some()
            || (is_acronym(head) && lexicon::is_common_abbreviation(head)))
    {
        return;
    } else if employer_only
        || lexicon::is_org_head(head)
        || (name.len() > 1 && lexicon::is_org_head(name[0]) && is_connector(name[1]))
    {
        (Some(EntityKind::Organization), 6)
    } else if name.len() == 1 && is_acronym(head) {
        (Some(EntityKind::Organization), 4)
    } else if lexicon::is_place_head(head) && name.len() > 1 {
        (Some(EntityKind::Place), 6)
    } else if says_itself == Some(false)
        || cues::owns_company_thing(toks, b)
        || cues::company_after(text, toks, b)
        || cues::role_of(text, toks, a)
        || cues::of_a_name(toks, a)
    {
        // "Nordlys said it", "Kestrel's board", "the CEO of Kestrel".
        (Some(EntityKind::Organization), 4)
    } else if says_itself == Some(true)
        || cues::has_age(text, toks, a, b)
        || cues::kin_before(text, toks, a)
        || cues::person_after(text, toks, b)
    {
        // "Nilsen said he", "Omar Haddad, 48,", "his son Sami Haddad".
        (Some(EntityKind::Person), 5)
    } else if titled || {
        role_found = role();
        role_found.is_some()
    } {
        (Some(EntityKind::Person), 5)
    } else if name.len() >= 2 && lexicon::is_given_name(name[0]) && !is_acronym(name[1]) {
        if cues::after_the(text, toks, a) {
            // "the Maria Elena": a thing named like a person.
            (Some(EntityKind::Organization), 2)
        } else {
            (Some(EntityKind::Person), 3)
        }
    } else if is_said_by(text, s, toks, a, b) {
        let preceded_by_the = a > 0 && toks[a - 1].text.eq_ignore_ascii_case("the");
        if preceded_by_the {
            (Some(EntityKind::Organization), 2)
        } else {
            (Some(EntityKind::Person), 2)
        }
    } else if name.len() == 1
        && a > 0
        && toks[a - 1].text == "the"
        && !is_acronym(head)
        && acts_alone(text, toks, b)
    {
        (Some(EntityKind::Organization), 1)
    } else {
        (None, 0)
    };
    let role = match kind {
        // Asked already unless the run holds a role of its own.
        Some(EntityKind::Person) if titled => role(),
        Some(EntityKind::Person) => role_found,
        _ => None,
    };
    out.push(Find {
        doc,
        start: toks[name_from].start,
        words: name,
        kind,
        weight,
        role,
        acronym,
        opener: is_sentence_initial(text, s, toks, name_from),
    });
}

/// "the Admiralty said", "the Admiralty’s": the word stands as a noun of its own, not as a
/// modifier of the next one ("the Euromax terminal").
fn acts_alone(text: &str, toks: &[Tok], b: usize) -> bool {
    if toks[b - 1].possessive {
        return true;
    }
    let Some(next) = toks.get(b) else {
        return true;
    };
    if !text[toks[b - 1].end..next.start].trim().is_empty() {
        return true;
    }
    let w = next.text;
    text::is_saying(w)
        || matches!(
            w,
            "has" | "had" | "is" | "was" | "will" | "would" | "and" | "also" | "could" | "may"
        )
        || (w.ends_with("ed") && w.chars().all(char::is_lowercase))
}

/// "(OSCE)" right after a name.
fn acronym_after(text: &str, end: usize, limit: usize) -> Option<String> {
    let rest = &text[end..limit];
    let inner = rest.strip_prefix(" (")?;
    let close = inner.find(')')?;
    let candidate = &inner[..close];
    is_acronym(candidate).then(|| candidate.replace('.', ""))
}

/// "Okafor said", "said Okafor", "according to Okafor": the run reports speech.
fn is_said_by(text: &str, s: &Sentence, toks: &[Tok], a: usize, b: usize) -> bool {
    let next = toks.get(b).map(|t| t.text);
    let next = match next {
        Some("also" | "later" | "then" | "has" | "had") => toks.get(b + 1).map(|t| t.text),
        n => n,
    };
    if let Some(n) = next
        && text::is_saying(n)
        && toks.get(b).is_some_and(|t| joins(text, &toks[b - 1], t))
    {
        return true;
    }
    let before = &text[s.start..toks[a].start];
    let before = before.trim_end();
    before.ends_with(" said") || before.ends_with("according to") || before.ends_with(", says")
}
