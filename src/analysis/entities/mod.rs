//! People, organizations and places, with aliases merged within and across documents and the
//! roles the text gives them.
//!
//! Two passes over the headline and body sentences (captions, credits, teasers and comments
//! never name anyone in the story):
//!
//! 1. **Discovery**, in body sentences only (headline case capitalizes every word): runs of
//!    capitalized words are cut into a role and a name ("US Deputy Secretary of State" +
//!    "Wendy Sherman") and classified by what the text offers — the gazetteer, an
//!    organization or place head word ("Council", "Peninsula"), a role before or after the
//!    name, a given name, a verb of saying ("Psaki said"), "the X". A sentence-initial word the
//!    corpus also writes in lower case is not a name.
//! 2. **Mentions**: every known name, alias and surname is then matched word by word in all
//!    story sentences, headlines included ("Biden Warns Putin"). A surname shared by two people
//!    goes to the one last named in full in that document, so namesakes stay apart.
//!
//! Aliases merge by rule: a person's surname and full names with the same first and last name;
//! an organization and its acronym ("(OSCE)", or initials that spell an acronym the corpus
//! uses); a place and its other names ("Kiev" = "Kyiv").

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::lexicon;
use crate::analysis::sentences::Sentence;
use crate::analysis::text;
use crate::corpus::{Document, SectionKind};
use crate::story::{Entity, EntityKind, Mention};

/// A person acting for an organization or place ("Sherman → State Department").
#[derive(Debug, Clone, PartialEq)]
pub struct Affiliation {
    pub person: String,
    pub org: String,
    /// Short label, e.g. the role that gave it away ("Deputy Foreign Minister").
    pub label: String,
    pub evidence: Mention,
}

/// What entity extraction found in a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    pub entities: Vec<Entity>,
    pub affiliations: Vec<Affiliation>,
}

/// Extracts entities from the story-feeding sentences (headline and body) of `docs`.
/// `sentences` maps a document id to its sentences.
pub fn extract(docs: &[Document], sentences: &HashMap<String, Vec<Sentence>>) -> Entities {
    discover_names(docs, sentences).into_entities()
}

/// The names written in a corpus, found but not yet grouped into entities: the first,
/// wholly parallel half of [`extract`]. The second ([`Discovered::into_entities`]) starts
/// with a serial step, beside which the caller can run other work.
pub struct Discovered<'a> {
    docs: &'a [Document],
    sentences: &'a HashMap<String, Vec<Sentence>>,
    body_words: Vec<BodyWords>,
    finds_by_doc: Vec<Vec<Find<'a>>>,
}

/// Finds the names of `docs` (in parallel; kept in document order, so the entities and their
/// numbering are the same on every run).
pub fn discover_names<'a>(
    docs: &'a [Document],
    sentences: &'a HashMap<String, Vec<Sentence>>,
) -> Discovered<'a> {
    let (body_words, lower_vocab) = split_body_words(docs, sentences);
    // Kept per document: collected in place by all cores, not appended into one vector.
    let finds_by_doc: Vec<Vec<Find>> = docs
        .par_iter()
        .zip(&body_words)
        .map(|(doc, words)| {
            let mut out = Vec::new();
            let mut toks = Vec::new();
            for (k, s) in sentences.get(&doc.id).into_iter().flatten().enumerate() {
                if words.sentence(&doc.text, k, &mut toks) {
                    discover(doc, s, &toks, &lower_vocab, &mut out);
                }
            }
            out
        })
        .collect();
    Discovered {
        docs,
        sentences,
        body_words,
        finds_by_doc,
    }
}

impl Discovered<'_> {
    /// Groups the names into entities (serially), then finds every mention of them (in
    /// parallel).
    pub fn into_entities(self) -> Entities {
        let Discovered {
            docs,
            sentences,
            body_words,
            finds_by_doc,
        } = self;
        let finds: Vec<&Find> = finds_by_doc.iter().flatten().collect();
        let mut table = Table::build(&finds);
        let matched: Vec<Vec<(usize, usize, usize)>> = docs
            .par_iter()
            .zip(body_words)
            .map(|(doc, words)| {
                let mut last_full = FxHashMap::default();
                let mut out = Vec::new();
                let mut toks = Vec::new();
                for (k, s) in sentences.get(&doc.id).into_iter().flatten().enumerate() {
                    if !s.section.feeds_story() {
                        continue;
                    }
                    // Headlines are not in the body's split.
                    if !words.sentence(&doc.text, k, &mut toks) {
                        toks.clear();
                        toks.extend(tokens(&doc.text, s.start, s.end));
                    }
                    table.match_mentions(doc, s, &toks, &mut last_full, &mut out);
                }
                out
            })
            .collect();
        for (doc, found) in docs.iter().zip(matched) {
            for (e, start, end) in found {
                table.add_mention(doc, e, start, end);
            }
        }
        drop(finds);
        let entities = table.finish();
        // Thousands of small strings, freed on every core.
        finds_by_doc.into_par_iter().for_each(drop);
        entities
    }
}

/// Every mention of `entities` grouped by document and sorted by position, each tagged by
/// `tag(index, entity)`: the index the later stages look names up in. Sorted on all cores.
pub(crate) fn mentions_by_document<'a, T>(
    entities: &'a [Entity],
    tag: impl Fn(usize, &'a Entity) -> T,
) -> FxHashMap<&'a str, Vec<(usize, usize, T)>>
where
    T: Ord + Send,
{
    let mut by_doc: FxHashMap<&'a str, Vec<(usize, usize, T)>> = FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            by_doc
                .entry(m.doc.as_str())
                .or_default()
                .push((m.start, m.end, tag(i, e)));
        }
    }
    by_doc.par_iter_mut().for_each(|(_, v)| v.sort_unstable());
    by_doc
}

/// A word of a sentence: its span with any possessive ("Putin’s") cut off.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Ended by a possessive, so no name runs on past it.
    possessive: bool,
}

fn tokens(text: &str, start: usize, end: usize) -> impl Iterator<Item = Tok<'_>> {
    text::words(text, start, end).map(|w| tok_of_word(text, w))
}

fn tok_of_word<'a>(text: &'a str, w: text::Word<'a>) -> Tok<'a> {
    // Every possessive ends in "s", "'" or "’" (whose last byte is 0x99): other words skip
    // the suffix tests.
    if matches!(w.text.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        for suffix in ["’s", "'s", "’", "'"] {
            if let Some(stem) = w.text.strip_suffix(suffix)
                && !stem.is_empty()
            {
                return Tok {
                    start: w.start,
                    end: w.start + stem.len(),
                    text: stem,
                    possessive: true,
                };
            }
        }
    }
    // "U.S." keeps its last dot, which the word splitter leaves out.
    let dotted = text.as_bytes().get(w.end) == Some(&b'.') && w.text.contains('.');
    let end = w.end + usize::from(dotted);
    Tok {
        start: w.start,
        end,
        text: &text[w.start..end],
        possessive: false,
    }
}

/// The words of a document's body sentences, split once and read three times (the
/// lower-case vocabulary, discovery, matching): splitting was a tenth of the analysis.
/// Stored packed, without the text they borrow, so a large corpus's words fit in memory.
#[derive(Default)]
struct BodyWords {
    toks: Vec<PackedTok>,
    /// Per sentence of the document, its words' range in `toks`; `None` outside the body.
    ranges: Vec<Option<(u32, u32)>>,
}

/// A [`Tok`] without its text. Offsets fit in 32 bits: no document is over 1 GiB
/// ([`crate::corpus::read::MAX_COLLECTION_BYTES`]).
#[derive(Clone, Copy)]
struct PackedTok {
    start: u32,
    end: u32,
    possessive: bool,
}

impl BodyWords {
    /// Fills `out` with the words of sentence `k` of the document (`text`); false if it is
    /// not a body sentence.
    fn sentence<'a>(&self, text: &'a str, k: usize, out: &mut Vec<Tok<'a>>) -> bool {
        let Some(&Some((a, b))) = self.ranges.get(k) else {
            return false;
        };
        out.clear();
        out.extend(self.toks[a as usize..b as usize].iter().map(|t| Tok {
            start: t.start as usize,
            end: t.end as usize,
            text: &text[t.start as usize..t.end as usize],
            possessive: t.possessive,
        }));
        true
    }
}

/// Splits every document's body sentences into words once, and gathers every word the
/// corpus writes in lower case: a capitalized sentence opener in that set is an ordinary
/// word, not a name.
fn split_body_words<'a>(
    docs: &'a [Document],
    sentences: &HashMap<String, Vec<Sentence>>,
) -> (Vec<BodyWords>, FxHashSet<&'a str>) {
    // FxHash: every lower-case word of the corpus is looked up in the vocabulary, which
    // borrows its words from the documents instead of copying each new one.
    let (words, vocab) = docs
        .par_iter()
        .fold(
            || (Vec::new(), FxHashSet::default()),
            |(mut words, mut vocab): (Vec<BodyWords>, FxHashSet<&'a str>), doc| {
                let mut split = BodyWords::default();
                for s in sentences.get(&doc.id).into_iter().flatten() {
                    if s.section != SectionKind::Body {
                        split.ranges.push(None);
                        continue;
                    }
                    let from = split.toks.len() as u32;
                    for w in text::words(&doc.text, s.start, s.end) {
                        if w.text.chars().next().is_some_and(char::is_lowercase)
                            && !vocab.contains(w.text)
                        {
                            vocab.insert(w.text);
                        }
                        let t = tok_of_word(&doc.text, w);
                        split.toks.push(PackedTok {
                            start: t.start as u32,
                            end: t.end as u32,
                            possessive: t.possessive,
                        });
                    }
                    split.ranges.push(Some((from, split.toks.len() as u32)));
                }
                words.push(split);
                (words, vocab)
            },
        )
        // Rayon reduces neighbouring parts left to right, so documents stay in order.
        .reduce(
            || (Vec::new(), FxHashSet::default()),
            |(mut words, mut vocab), (more, other)| {
                words.extend(more);
                vocab.extend(other);
                (words, vocab)
            },
        );
    (words, vocab)
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "NATO", "U.S.", "OSCE": two or more capitals (dots allowed) and nothing else.
fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| *c != '.') {
        if !c.is_ascii_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "and" | "in" | "on" | "&") || lexicon::is_name_particle(word)
}

/// Titles written with a dot ("Mr. Smith", "Sen. Jones") do not end a run of name words.
fn is_title_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Sen" | "Rep" | "Gov" | "Gen" | "Lt" | "Col" | "Capt" | "Prof"
    )
}

/// Whether the text between two words lets a name run on: a single space, or the dot of a
/// title abbreviation.
fn joins(text: &str, a: &Tok, b: &Tok) -> bool {
    if a.possessive {
        return false;
    }
    let gap = &text[a.end..b.start];
    gap == " " || (gap == ". " && is_title_abbreviation(a.text))
}

/// One name found in discovery, with what classified it. Borrows its document's id and
/// words: one is made per capitalized run of every sentence.
#[derive(Debug, Clone)]
struct Find<'a> {
    doc: &'a str,
    start: usize,
    /// The name's words ("Wendy", "Sherman").
    words: Vec<&'a str>,
    kind: Option<EntityKind>,
    /// How sure the cue is: gazetteer 8, head word 6, role 5, given name 3, saying 2, "the X" 2.
    weight: u32,
    role: Option<String>,
    /// An acronym given in brackets right after the name: "(OSCE)".
    acronym: Option<String>,
    /// Opens its sentence, where every word is capitalized.
    opener: bool,
}

fn discover<'a>(
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
        while j < toks.len() && joins(text, &toks[j - 1], &toks[j]) {
            if is_name_word(toks[j].text) {
                j += 1;
            } else if is_connector(toks[j].text)
                && j + 1 < toks.len()
                && joins(text, &toks[j], &toks[j + 1])
                && is_name_word(toks[j + 1].text)
            {
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
            (vocab.contains(lower.as_ref()) || text::is_stopword(&lower))
                && !lexicon::is_given_name(w)
                && lexicon::place(w).is_none()
        } {
            first += 1;
            while first < j && is_connector(toks[first].text) {
                first += 1;
            }
        }
        if first < j {
            for (a, b) in split_run(toks, first, j) {
                classify_run(text, s, &doc.id, toks, a, b, out);
            }
        }
        i = j;
    }
}

/// A capitalized word that may be part of a name (not a month, weekday or lone "I").
fn is_name_word(word: &str) -> bool {
    is_capitalized(word) && word != "I" && !lexicon::is_calendar_word(word)
}

fn is_sentence_initial(text: &str, s: &Sentence, toks: &[Tok], i: usize) -> bool {
    let before = if i == 0 {
        &text[s.start..toks[i].start]
    } else {
        &text[toks[i - 1].end..toks[i].start]
    };
    i == 0 || before.contains(['.', ':', '“', '"', '—', '(', '\n'])
}

/// Cuts a run at "and"/"in"/"on" connectors unless the run is one organization
/// ("Organization for Security and Cooperation in Europe") or one known place.
fn split_run(toks: &[Tok], a: usize, b: usize) -> Vec<(usize, usize)> {
    let splits_at = |t: &Tok| matches!(t.text, "and" | "in" | "on" | "&" | "for");
    // Most runs hold no connector: nothing to cut, and no need to ask what the run names.
    if !toks[a..b].iter().any(splits_at) {
        return vec![(a, b)];
    }
    let whole: Vec<&str> = toks[a..b].iter().map(|t| t.text).collect();
    let org_like = lexicon::is_org_head(whole[0]) && whole.len() > 1 && is_connector(whole[1])
        || lexicon::is_org_head(whole[whole.len() - 1]);
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
    a: usize,
    b: usize,
    out: &mut Vec<Find<'a>>,
) {
    let run = &toks[a..b];
    // Role inside the run: up to its last role word (and "of State" after it).
    let mut name_from = a;
    if let Some(r) = (0..run.len().saturating_sub(1))
        .rev()
        .find(|&k| lexicon::is_role_head(&text::lower(run[k].text)))
    {
        let mut r = r;
        if run.get(r + 1).map(|t| t.text) == Some("of") && r + 3 < run.len() {
            r += 2;
        }
        if r + 1 < run.len() && !lexicon::is_org_head(run[run.len() - 1].text) {
            name_from = a + r + 1;
        }
    }
    while name_from < b && is_connector(toks[name_from].text) {
        name_from += 1;
    }
    if name_from >= b {
        return;
    }
    let name: Vec<&'a str> = toks[name_from..b].iter().map(|t| t.text).collect();
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
    let acronym = acronym_after(text, toks[b - 1].end, s.end);
    let head = name[name.len() - 1];
    let titled = name_from > a;

    let (kind, weight) = if lexicon::place(&joined).is_some() {
        (Some(EntityKind::Place), 8)
    } else if name.len() == 1 && lexicon::place(&capitalize(&joined.to_lowercase())).is_some() {
        // A dateline in capitals: "ROTTERDAM, March 16 -".
        (Some(EntityKind::Place), 8)
    } else if name.len() == 1 && lexicon::demonym(&joined).is_some() {
        return;
    } else if lexicon::is_org_head(head)
        || (name.len() > 1 && lexicon::is_org_head(name[0]) && is_connector(name[1]))
    {
        (Some(EntityKind::Organization), 6)
    } else if name.len() == 1 && is_acronym(head) {
        (Some(EntityKind::Organization), 4)
    } else if lexicon::is_place_head(head) && name.len() > 1 {
        (Some(EntityKind::Place), 6)
    } else if titled || {
        role_found = role();
        role_found.is_some()
    } {
        (Some(EntityKind::Person), 5)
    } else if name.len() >= 2 && lexicon::is_given_name(name[0]) && !is_acronym(name[1]) {
        (Some(EntityKind::Person), 3)
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

/// "the Kremlin said", "the Kremlin’s": the word stands as a noun of its own, not as a
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

/// "Mr", "Ms.", "Dr": a courtesy title, not a role worth keeping.
fn is_title_only(role: &str) -> bool {
    is_title_abbreviation(role.trim_end_matches('.'))
}

/// A role written just before the name, in lower case or mixed: "White House press secretary",
/// "Russian presidential aide", "his Russian counterpart".
fn role_before(text: &str, s: &Sentence, toks: &[Tok], a: usize) -> Option<String> {
    let mut k = a;
    let mut has_head = false;
    while k > 0 && joins(text, &toks[k - 1], &toks[k]) {
        let w = toks[k - 1].text;
        let lower = text::lower(w);
        let head = lexicon::is_role_head(&lower);
        let ok = head
            || lexicon::is_role_modifier(&lower)
            || lexicon::demonym(w).is_some()
            || (is_capitalized(w) && !is_sentence_initial(text, s, toks, k - 1))
            || (is_capitalized(w) && lexicon::place(w).is_some());
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

/// An appositive role: "Vladimir Putin, the president of Russia,".
fn role_after(text: &str, s: &Sentence, toks: &[Tok], b: usize) -> Option<String> {
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
fn without_article(role: &str) -> &str {
    for article in ["The ", "the ", "A ", "a ", "An ", "an "] {
        if let Some(rest) = role.strip_prefix(article) {
            return rest;
        }
    }
    role
}

fn capitalize(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A role set off by a comma before the name: "A spokesman for the authority, Ruud Jansen",
/// "Bakker's spokesman, Ruud Jansen", "the ministry's spokeswoman, Amira Saleh".
fn role_before_comma(text: &str, s: &Sentence, toks: &[Tok], a: usize) -> Option<String> {
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

/// "(OSCE)" right after a name.
fn acronym_after(text: &str, end: usize, limit: usize) -> Option<String> {
    let rest = &text[end..limit];
    let inner = rest.strip_prefix(" (")?;
    let close = inner.find(')')?;
    let candidate = &inner[..close];
    is_acronym(candidate).then(|| candidate.replace('.', ""))
}

/// "Psaki said", "said Psaki", "according to Psaki": the run reports speech.
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

/// The entity table built from the discovery finds, then filled with mentions.
struct Table {
    entities: Vec<Draft>,
    /// Alias (words joined by single spaces) → entity indices (more than one for a shared
    /// surname).
    aliases: FxHashMap<String, Vec<usize>>,
    /// Gazetteer place name → the place entity, for other spellings of it.
    places: FxHashMap<&'static str, usize>,
    /// Longest alias, in words.
    longest: usize,
}

#[derive(Debug, Clone)]
struct Draft {
    kind: EntityKind,
    name: String,
    forms: BTreeMap<String, usize>,
    roles: Vec<String>,
    acronym: Option<String>,
    mentions: Vec<Mention>,
    first_seen: (usize, String, usize),
}

impl Table {
    fn build(finds: &[&Find]) -> Self {
        // One pass over the finds (scattered in memory) for three sets.
        // A full name that ends in a known person's surname is a person too ("Piotr
        // Kowalczyk" beside "Marta Kowalczyk"): a namesake, not an unknown word pair.
        let mut surnames: FxHashSet<&str> = FxHashSet::default();
        // One word seen only opening sentences, with nothing but a verb of saying to go on,
        // is a plural noun ("Analysts said", "Officials said"), not a name: a surname is
        // also written mid-sentence ("said Psaki").
        let mut inside: FxHashSet<&str> = FxHashSet::default();
        // Acronyms written alone ("NATO", "U.N.") or given in brackets after a name.
        let mut acronyms: FxHashSet<String> = FxHashSet::default();
        for f in finds {
            if let [word] = f.words.as_slice() {
                if !f.opener {
                    inside.insert(word);
                }
                if is_acronym(word) {
                    acronyms.insert(word.replace('.', ""));
                }
            } else if f.kind == Some(EntityKind::Person)
                && let Some(last) = f.words.last()
            {
                surnames.insert(last);
            }
            if let Some(a) = &f.acronym
                && !acronyms.contains(a)
            {
                acronyms.insert(a.clone());
            }
        }
        // Each find's kind after promotion, and its canonical words; worked out in parallel.
        let kind_of = |f: &Find| {
            if f.opener && f.weight <= 2 && f.words.len() == 1 && !inside.contains(f.words[0]) {
                return None;
            }
            let promote = f.kind.is_none()
                && f.words.len() >= 2
                && f.words.last().is_some_and(|w| surnames.contains(w))
                && f.words.iter().all(|w| is_capitalized(w) && !is_acronym(w));
            if promote {
                Some(EntityKind::Person)
            } else {
                f.kind
            }
        };
        let (kinds, canonical): (Vec<_>, Vec<_>) = finds
            .par_iter()
            .map(|f| {
                let kind = kind_of(f);
                (kind, kind.map(|k| canonical_words(f, k)))
            })
            .unzip();
        let weight = |i: usize| {
            if finds[i].kind.is_none() {
                2
            } else {
                finds[i].weight
            }
        };
        // The distinct names (canonical words), each find's name, and each name's kind by
        // summed cue weight: most finds repeat a name, so what follows is worked out once per
        // name rather than once per find.
        let mut name_ids: FxHashMap<&[&str], usize> = FxHashMap::default();
        let mut names: Vec<(&[&str], [u32; 3])> = Vec::new();
        let mut name_of: Vec<Option<usize>> = Vec::with_capacity(finds.len());
        for (i, (kind, words)) in kinds.iter().zip(&canonical).enumerate() {
            let (Some(kind), Some(words)) = (kind, words) else {
                name_of.push(None);
                continue;
            };
            let id = *name_ids.entry(words.as_ref()).or_insert_with(|| {
                names.push((words.as_ref(), [0; 3]));
                names.len() - 1
            });
            names[id].1[kind_index(*kind)] += weight(i);
            name_of.push(Some(id));
        }
        // Per name: its kind, its words joined, and its grouping key when the find gives no
        // acronym of its own.
        let named: Vec<Option<(EntityKind, String, String)>> = names
            .iter()
            .map(|(words, v)| {
                let best = (0..3).max_by_key(|&k| (v[k], 3 - k))?;
                let kind = (v[best] > 0).then(|| {
                    [
                        EntityKind::Person,
                        EntityKind::Organization,
                        EntityKind::Place,
                    ][best]
                })?;
                Some((
                    kind,
                    words.join(" "),
                    entity_key(kind, words, None, &acronyms),
                ))
            })
            .collect();

        // Group names into entities.
        let mut drafts: Vec<Draft> = Vec::new();
        let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
        // The entity of a name grouped by its own key (found once, then reused).
        let mut draft_of_name: Vec<Option<usize>> = vec![None; names.len()];
        // How often each entity is written each way: (entity, name) → count.
        let mut counts: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        let mut order = 0usize;
        for (f, id) in finds.iter().zip(&name_of) {
            let Some((id, (kind, name, key))) = id.and_then(|id| Some((id, named[id].as_ref()?)))
            else {
                continue;
            };
            let mut draft_for = |key: &str| {
                if let Some(&idx) = by_key.get(key) {
                    return idx;
                }
                drafts.push(Draft {
                    kind: *kind,
                    name: name.clone(),
                    forms: BTreeMap::new(),
                    roles: Vec::new(),
                    acronym: None,
                    mentions: Vec::new(),
                    first_seen: (order, f.doc.to_string(), f.start),
                });
                by_key.insert(key.to_string(), drafts.len() - 1);
                drafts.len() - 1
            };
            let idx = match (&f.acronym, kind) {
                // An organization given with its acronym groups under the acronym.
                (Some(a), EntityKind::Organization) => {
                    draft_for(&entity_key(*kind, names[id].0, Some(a), &acronyms))
                }
                _ => match draft_of_name[id] {
                    Some(idx) => idx,
                    None => {
                        let idx = draft_for(key);
                        draft_of_name[id] = Some(idx);
                        idx
                    }
                },
            };
            order += 1;
            *counts.entry((idx, id)).or_default() += 1;
            let d = &mut drafts[idx];
            if let Some(r) = &f.role {
                let r = without_article(r);
                if !d.roles.iter().any(|x| x.eq_ignore_ascii_case(r)) {
                    d.roles.push(r.to_string());
                }
            }
            if let Some(a) = &f.acronym {
                d.acronym = Some(a.clone());
            } else if f.words.len() == 1 && is_acronym(f.words[0]) {
                d.acronym = Some(f.words[0].replace('.', ""));
            }
        }
        for ((idx, id), n) in counts {
            if let Some((_, name, _)) = &named[id] {
                *drafts[idx].forms.entry(name.clone()).or_default() += n;
            }
        }
        merge_people(&mut drafts);
        merge_org_suffixes(&mut drafts);
        for d in &mut drafts {
            d.name = preferred_name(d);
        }
        drafts.sort_by(|a, b| a.first_seen.cmp(&b.first_seen));

        let mut aliases: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut add = |name: &str, i: usize| {
            let key = split_words(name).join(" ");
            let v = aliases.entry(key).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        };
        let mut places: FxHashMap<&'static str, usize> = FxHashMap::default();
        for (i, d) in drafts.iter().enumerate() {
            for form in d.forms.keys() {
                add(form, i);
            }
            add(&d.name, i);
            match d.kind {
                EntityKind::Person => {
                    if let Some(last) = d.name.split_whitespace().last() {
                        add(last, i);
                    }
                }
                EntityKind::Organization => {
                    if let Some(a) = &d.acronym {
                        add(a, i);
                        if a.len() <= 4 {
                            let dotted: String = a.chars().map(|c| format!("{c}.")).collect();
                            add(&dotted, i);
                        }
                    }
                }
                EntityKind::Place => {
                    if let Some(p) = lexicon::place(&d.name).filter(|p| p.name == d.name) {
                        places.entry(p.name).or_insert(i);
                    }
                }
            }
        }
        let longest = aliases
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1)
            .max(4);
        Table {
            entities: drafts,
            aliases,
            places,
            longest,
        }
    }

    /// Finds every known name in one sentence (`toks`, its words; headlines too), longest
    /// match first, as (entity, start, end). `last_full` is the document's last person named
    /// in full per surname, and where.
    fn match_mentions(
        &self,
        doc: &Document,
        s: &Sentence,
        toks: &[Tok],
        last_full: &mut FxHashMap<String, (usize, usize)>,
        out: &mut Vec<(usize, usize, usize)>,
    ) {
        let text = &doc.text;
        let mut key = String::new();
        let mut key_ends: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !is_capitalized(toks[i].text) {
                i += 1;
                continue;
            }
            // The words that run on from here (a name never spans a break); the key of the
            // first n of them is a prefix of the key of the whole run.
            let limit = self.longest.min(toks.len() - i);
            let mut run = 1;
            while run < limit && joins(text, &toks[i + run - 1], &toks[i + run]) {
                run += 1;
            }
            key.clear();
            key_ends.clear();
            for (k, t) in toks[i..i + run].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(t.text);
                key_ends.push(key.len());
            }
            let matched = (1..=run)
                .rev()
                .find_map(|n| self.lookup(&key[..key_ends[n - 1]]).map(|found| (n, found)));
            let Some((n, candidates)) = matched else {
                i += 1;
                continue;
            };
            // A run that goes on in capitals past a one-word match is another name
            // ("Hunter Biden" is not Biden), unless it is headline case or a role before it.
            let continues = i + n < toks.len()
                && joins(text, &toks[i + n - 1], &toks[i + n])
                && is_name_word(toks[i + n].text)
                && s.section == SectionKind::Body
                && n == 1
                && self.lookup(toks[i + n].text).is_none();
            if continues {
                i += n;
                continue;
            }
            let e = self.resolve(last_full, candidates, n, toks[i].start);
            let start = toks[i].start;
            let end = toks[i + n - 1].end;
            if self.entities[e].kind == EntityKind::Person && n > 1 {
                let last = toks[i + n - 1].text.to_string();
                last_full.insert(last, (e, end));
            }
            out.push((e, start, end));
            i += n;
        }
    }

    /// Records a mention found by [`Table::match_mentions`].
    fn add_mention(&mut self, doc: &Document, e: usize, start: usize, end: usize) {
        self.entities[e].mentions.push(Mention {
            doc: doc.id.clone(),
            start,
            end,
        });
        let form = &doc.text[start..end];
        if !self.entities[e].forms.contains_key(form) {
            self.entities[e].forms.insert(form.to_string(), 0);
        }
    }

    /// The entities a name (words joined by single spaces) may mean: a known alias, or another
    /// spelling of a known place ("Kiev" for Kyiv).
    fn lookup(&self, name: &str) -> Option<&[usize]> {
        if let Some(found) = self.aliases.get(name) {
            return Some(found);
        }
        let place = lexicon::place(name)?;
        self.places.get(place.name).map(std::slice::from_ref)
    }

    /// Picks the entity a possibly shared alias means here: the person last named in full in
    /// this document, else the one most named overall.
    fn resolve(
        &self,
        last_full: &FxHashMap<String, (usize, usize)>,
        candidates: &[usize],
        n: usize,
        at: usize,
    ) -> usize {
        if candidates.len() == 1 || n > 1 {
            return candidates[0];
        }
        let surname = self.entities[candidates[0]]
            .name
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        // A namesake named just before is meant ("Piotr Kowalczyk … Kowalczyk added");
        // further on, the surname goes back to the person the story is about.
        if let Some(&(e, end)) = last_full.get(&surname)
            && at.saturating_sub(end) < 300
        {
            return e;
        }
        *candidates
            .iter()
            .max_by_key(|&&c| {
                (
                    self.entities[c].forms.values().sum::<usize>(),
                    usize::MAX - c,
                )
            })
            .unwrap_or(&candidates[0])
    }

    fn finish(self) -> Entities {
        let mut counters = [0usize; 3];
        let mut entities = Vec::new();
        let mut affiliations = Vec::new();
        let mut kept: Vec<Draft> = self
            .entities
            .into_iter()
            .filter(|d| !d.mentions.is_empty())
            .collect();
        for d in &mut kept {
            d.mentions.sort();
            d.mentions.dedup();
        }
        let ids: Vec<String> = kept
            .iter()
            .map(|d| {
                let k = kind_index(d.kind);
                counters[k] += 1;
                format!("{}{}", ["p", "o", "l"][k], counters[k])
            })
            .collect();
        // Affiliations: the places and organizations a person's roles name. Every role is
        // held against every place and organization, so each side is prepared once.
        let names: Vec<Vec<&str>> = kept.iter().map(known_names).collect();
        for (i, d) in kept.iter().enumerate() {
            if d.kind != EntityKind::Person {
                continue;
            }
            for role in &d.roles {
                let phrases = RolePhrases::new(role);
                for (j, other) in kept.iter().enumerate() {
                    if other.kind == EntityKind::Person || i == j {
                        continue;
                    }
                    if phrases.names(other, &names[j])
                        && !affiliations
                            .iter()
                            .any(|a: &Affiliation| a.person == ids[i] && a.org == ids[j])
                    {
                        affiliations.push(Affiliation {
                            person: ids[i].clone(),
                            org: ids[j].clone(),
                            label: role.clone(),
                            evidence: d.mentions[0].clone(),
                        });
                    }
                }
            }
        }
        for (d, id) in kept.into_iter().zip(ids) {
            let mut aliases: Vec<String> =
                d.forms.keys().filter(|f| **f != d.name).cloned().collect();
            if let Some(a) = &d.acronym
                && !aliases.contains(a)
                && *a != d.name
            {
                aliases.push(a.clone());
            }
            entities.push(Entity {
                id,
                kind: d.kind,
                name: d.name,
                aliases,
                roles: d.roles,
                mentions: d.mentions,
            });
        }
        Entities {
            entities,
            affiliations,
        }
    }
}

fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    }
}

fn split_words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

/// The words an entity is known by: a place's gazetteer name ("Kyiv" for "Kiev").
fn canonical_words<'a>(f: &'a Find<'a>, kind: EntityKind) -> Cow<'a, [&'a str]> {
    if kind == EntityKind::Place {
        let joined = f.words.join(" ");
        if let Some(p) =
            lexicon::place(&joined).or_else(|| lexicon::place(&capitalize(&joined.to_lowercase())))
        {
            return Cow::Owned(p.name.split_whitespace().collect());
        }
    }
    // Borrowed: most names are their own canonical words, and there is one find per mention.
    Cow::Borrowed(&f.words)
}

/// Grouping key: places and people by name, organizations by acronym when they have one.
fn entity_key(
    kind: EntityKind,
    words: &[&str],
    acronym: Option<&str>,
    acronyms: &FxHashSet<String>,
) -> String {
    if kind == EntityKind::Organization {
        if let Some(a) = acronym {
            return format!("o:{a}");
        }
        if words.len() == 1 && is_acronym(words[0]) {
            return format!("o:{}", words[0].replace('.', ""));
        }
        let initials: String = words
            .iter()
            .filter(|w| is_capitalized(w))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.len() >= 2 && acronyms.contains(&initials) {
            return format!("o:{initials}");
        }
    }
    format!("{}:{}", kind_index(kind), words.join(" "))
}

/// Folds people known by a surname alone, or by a longer form of the same first and last name,
/// into the one person they name; namesakes with other first names stay apart.
fn merge_people(drafts: &mut Vec<Draft>) {
    let people: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].kind == EntityKind::Person)
        .collect();
    // People by the last word of their name: a short name only ever folds into a longer one
    // with the same last word, so only those are compared (not every pair of people).
    let words: HashMap<usize, Vec<String>> = people
        .iter()
        .map(|&i| (i, split_words(&drafts[i].name)))
        .collect();
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &people {
        if let Some(last) = words[&i].last() {
            by_last.entry(last.as_str()).or_default().push(i);
        }
    }
    let mut into: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in &people {
        let wi = &words[&i];
        let Some(last) = wi.last() else { continue };
        let targets: Vec<usize> = by_last[last.as_str()]
            .iter()
            .copied()
            .filter(|&j| j != i)
            .filter(|&j| {
                let wj = &words[&j];
                wj.len() > wi.len() && (wi.len() == 1 || wj.first() == wi.first())
            })
            .collect();
        // Only fold when the target is unique among full names (a shared surname stays apart).
        let distinct_firsts: HashSet<&str> =
            targets.iter().map(|&j| words[&j][0].as_str()).collect();
        if distinct_firsts.len() == 1 {
            let best = *targets
                .iter()
                .max_by_key(|&&j| words[&j].len())
                .unwrap_or(&targets[0]);
            into.insert(i, best);
        }
    }
    let mut removed = vec![false; drafts.len()];
    for (&from, &to) in &into {
        let mut to = to;
        while let Some(&next) = into.get(&to) {
            to = next;
        }
        let src = drafts[from].clone();
        let dst = &mut drafts[to];
        for (form, n) in src.forms {
            *dst.forms.entry(form).or_default() += n;
        }
        for r in src.roles {
            if !dst.roles.iter().any(|x| x.eq_ignore_ascii_case(&r)) {
                dst.roles.push(r);
            }
        }
        dst.first_seen = dst.first_seen.clone().min(src.first_seen);
        removed[from] = true;
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
}

/// Folds an organization named by the end of a longer one ("Permanent Council" → "OSCE
/// Permanent Council") into it, when only one longer name ends that way.
fn merge_org_suffixes(drafts: &mut Vec<Draft>) {
    let orgs: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].kind == EntityKind::Organization)
        .collect();
    let mut removed = vec![false; drafts.len()];
    for &i in &orgs {
        let wi = split_words(&drafts[i].name);
        if wi.len() < 2 {
            continue;
        }
        let longer: Vec<usize> = orgs
            .iter()
            .copied()
            .filter(|&j| j != i && !removed[j])
            .filter(|&j| {
                let wj = split_words(&drafts[j].name);
                wj.len() > wi.len() && wj.ends_with(&wi)
            })
            .collect();
        if let [to] = longer[..] {
            let src = drafts[i].clone();
            let dst = &mut drafts[to];
            for (form, n) in src.forms {
                *dst.forms.entry(form).or_default() += n;
            }
            dst.first_seen = dst.first_seen.clone().min(src.first_seen);
            removed[i] = true;
        }
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
}

/// The name an entity is shown by: for people the most used full name, for organizations the
/// longest written form, for places the gazetteer name.
fn preferred_name(d: &Draft) -> String {
    match d.kind {
        EntityKind::Person => d
            .forms
            .iter()
            .max_by_key(|(f, n)| (f.split_whitespace().count().min(3), **n, f.len()))
            .map(|(f, _)| f.clone())
            .unwrap_or_else(|| d.name.clone()),
        EntityKind::Organization => d
            .forms
            .keys()
            .max_by_key(|f| (f.split_whitespace().count(), f.len()))
            .cloned()
            .unwrap_or_else(|| d.name.clone()),
        EntityKind::Place => d.name.clone(),
    }
}

/// Every name an entity goes by: its forms, its name and its acronym.
fn known_names(d: &Draft) -> Vec<&str> {
    let mut names: Vec<&str> = d.forms.keys().map(String::as_str).collect();
    names.push(&d.name);
    names.extend(d.acronym.as_deref());
    names
}

/// The phrases of a role ("US Secretary of State" → "US", "US Secretary", …, up to six words)
/// and the gazetteer place each names (one word may be a demonym: "Russian" → Russia).
struct RolePhrases {
    phrases: Vec<(String, Option<&'static str>)>,
}

impl RolePhrases {
    fn new(role: &str) -> Self {
        let words: Vec<&str> = role
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let mut phrases = Vec::new();
        for n in 1..=words.len().min(6) {
            for w in words.windows(n) {
                let joined = w.join(" ");
                let place = lexicon::place(&joined)
                    .or_else(|| (n == 1).then(|| lexicon::demonym(&joined)).flatten())
                    .map(|p| p.name);
                phrases.push((joined, place));
            }
        }
        RolePhrases { phrases }
    }

    /// Whether the role names `other`, whose names are `names` (see [`known_names`]): "White
    /// House press secretary" names the White House; "Russian spokesman" names Russia; "US
    /// President" names the United States.
    fn names(&self, other: &Draft, names: &[&str]) -> bool {
        self.phrases.iter().any(|(joined, place)| {
            names.contains(&joined.as_str())
                || (other.kind == EntityKind::Place && *place == Some(other.name.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences;
    use crate::corpus::{self, Document};

    fn corpus_of(texts: &[&str]) -> Vec<Document> {
        let names: Vec<String> = (0..texts.len()).map(|i| format!("{i}.txt")).collect();
        let files: Vec<(&str, &[u8])> = names
            .iter()
            .zip(texts)
            .map(|(n, t)| (n.as_str(), t.as_bytes()))
            .collect();
        corpus::load_in_memory(&files).documents
    }

    fn run(texts: &[&str]) -> Entities {
        let docs = corpus_of(texts);
        let sents = docs
            .iter()
            .map(|d| (d.id.clone(), sentences::split(d)))
            .collect();
        extract(&docs, &sents)
    }

    fn find<'a>(e: &'a Entities, name: &str) -> &'a Entity {
        e.entities
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("no {name} in {:#?}", names(e)))
    }

    fn names(e: &Entities) -> Vec<(String, EntityKind)> {
        e.entities
            .iter()
            .map(|x| (x.name.clone(), x.kind))
            .collect()
    }

    #[test]
    fn roles_split_from_names_and_surnames_merge() {
        let e = run(&[
            "Mayor Signs Budget Deal\n\nCity spokeswoman Laura Brandt said on Monday that Mayor Tomas Ortega had signed the budget. Ortega said the deal was fair. The council voted 7-2, Brandt said.",
        ]);
        let ortega = find(&e, "Tomas Ortega");
        assert_eq!(ortega.kind, EntityKind::Person);
        assert!(
            ortega.roles.iter().any(|r| r == "Mayor"),
            "{:?}",
            ortega.roles
        );
        assert_eq!(ortega.mentions.len(), 2);
        let brandt = find(&e, "Laura Brandt");
        assert_eq!(brandt.roles, ["City spokeswoman"]);
        assert_eq!(brandt.mentions.len(), 2);
        // Headline case: "Mayor Signs Budget Deal" names nobody.
        assert!(!names(&e).iter().any(|(n, _)| n.contains("Signs")));
    }

    #[test]
    fn organizations_places_acronyms_and_other_names() {
        let e = run(&[
            "Talks Resume\n\nThe Organization of Petroleum Exporting Countries (OPEC) met in Vienna on Monday. Delegates from Kiev said OPEC would act. The Energy Ministry said prices would fall.",
            "Oil Prices Slide\n\nMinisters met in Kyiv. The Kremlin said nothing.",
        ]);
        let opec = find(&e, "Organization of Petroleum Exporting Countries");
        assert_eq!(opec.kind, EntityKind::Organization);
        assert!(opec.aliases.contains(&"OPEC".to_string()));
        assert_eq!(opec.mentions.len(), 3);
        let kyiv = find(&e, "Kyiv");
        assert_eq!(kyiv.kind, EntityKind::Place);
        assert_eq!(kyiv.mentions.len(), 2);
        assert_eq!(find(&e, "Vienna").kind, EntityKind::Place);
        assert_eq!(find(&e, "Energy Ministry").kind, EntityKind::Organization);
        assert_eq!(find(&e, "Kremlin").kind, EntityKind::Organization);
        assert!(
            !names(&e)
                .iter()
                .any(|(n, _)| n == "Delegates" || n == "Ministers")
        );
    }

    #[test]
    fn namesakes_stay_apart_and_sentence_openers_are_not_names() {
        let e = run(&[
            "Strike Ends\n\nUnion leader Marta Kowalczyk said the strike was over. Dock worker Piotr Kowalczyk said he was tired. Kowalczyk added that he would rest. Despite the deal, Marta Kowalczyk warned of new strikes. Kowalczyk said members would vote.",
        ]);
        let marta = find(&e, "Marta Kowalczyk");
        let piotr = find(&e, "Piotr Kowalczyk");
        assert_eq!(marta.mentions.len(), 3);
        assert_eq!(piotr.mentions.len(), 2);
        assert!(
            !names(&e)
                .iter()
                .any(|(n, _)| n == "Despite" || n == "Kowalczyk")
        );
    }

    #[test]
    fn plural_nouns_opening_sentences_are_not_people() {
        let e = run(&[
            "Port Reopens\n\nEconomists said the port would reopen on Friday. Okafor said the cranes were ready. Shipping resumed, said Okafor.",
            "Cargo Moves Again\n\nEconomists said traffic would recover. Residents said the noise was back.",
        ]);
        let found = names(&e);
        assert!(
            !found
                .iter()
                .any(|(n, _)| n == "Economists" || n == "Residents"),
            "{found:?}"
        );
        // A surname seen mid-sentence too stays a person, opening sentences or not.
        assert_eq!(find(&e, "Okafor").kind, EntityKind::Person);
        assert_eq!(find(&e, "Okafor").mentions.len(), 2);
    }

    #[test]
    fn appositive_roles_and_affiliations() {
        let e = run(&[
            "Border Talks\n\nPrime Minister Anna Lindqvist met Kemal Arslan, the foreign minister of Turkey, in Ankara. Swedish diplomat Erik Berg said the talks went well. Turkey wants a deal, Arslan said.",
        ]);
        let arslan = find(&e, "Kemal Arslan");
        assert_eq!(arslan.roles, ["foreign minister of Turkey"]);
        let turkey = find(&e, "Turkey");
        assert!(
            e.affiliations
                .iter()
                .any(|a| a.person == arslan.id && a.org == turkey.id)
        );
        let berg = find(&e, "Erik Berg");
        assert_eq!(berg.roles, ["Swedish diplomat"]);
        assert_eq!(find(&e, "Anna Lindqvist").roles, ["Prime Minister"]);
    }

    #[test]
    fn only_headline_and_body_count() {
        let docs = corpus_of(&[
            "Vote Delayed\n\nSenator Ruth Ames said the vote was delayed.\n\nPhoto: Karl Jensen/Reuters\n\n3 Comments\n\nGreta Holm\nThis is a disgrace, says Holm.",
        ]);
        let sents = docs
            .iter()
            .map(|d| (d.id.clone(), sentences::split(d)))
            .collect();
        let e = extract(&docs, &sents);
        let all: Vec<String> = e.entities.iter().map(|x| x.name.clone()).collect();
        assert!(all.contains(&"Ruth Ames".to_string()), "{all:?}");
        assert!(
            !all.iter()
                .any(|n| n.contains("Jensen") || n.contains("Holm") || n == "Reuters"),
            "{all:?}"
        );
    }
}
