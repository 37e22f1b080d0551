//! How names group into one entity: grouping keys and canonical words, people folded into
//! their full names, organizations into the longer names that end like them, the name shown.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::lexicon;
use crate::story::EntityKind;

use super::discover::Find;
use super::roles::capitalize;
use super::table::Draft;
use super::tokens::{is_acronym, is_capitalized};

pub(super) fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    }
}

pub(super) fn split_words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

/// The words an entity is known by: a place's gazetteer name ("Kyiv" for "Kiev").
pub(super) fn canonical_words<'a>(f: &'a Find<'a>, kind: EntityKind) -> Cow<'a, [&'a str]> {
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
pub(super) fn entity_key(
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
        // A registered company's name is no acronym's long form: "Sansui Electric Co." is no
        // SEC, nor "Assets Protection Inc." the AP (a "Corp." may be: FDIC, GMAC).
        let registered = words.last().is_some_and(|w| {
            matches!(
                w.trim_end_matches('.'),
                "Inc" | "Co" | "Ltd" | "PLC" | "Plc" | "AG" | "SA" | "NV" | "LLC" | "GmbH"
            )
        });
        let initials: String = words
            .iter()
            .filter(|_| !registered)
            .filter(|w| is_capitalized(w))
            .filter_map(|w| w.chars().next())
            .collect();
        // "U.S. Senate" is no "US": a word in initials stands for more than its first letter.
        let spelled_out = !words.iter().any(|w| is_acronym(w));
        if spelled_out && initials.len() >= 2 && acronyms.contains(&initials) {
            return format!("o:{initials}");
        }
    }
    if kind == EntityKind::Organization && words.iter().any(|w| dotted_initials(w).is_some()) {
        // "U.S. Sea Guard" and "US Sea Guard" are one body.
        let plain: Vec<String> = words
            .iter()
            .map(|w| dotted_initials(w).unwrap_or_else(|| (*w).to_string()))
            .collect();
        return format!("{}:{}", kind_index(kind), plain.join(" "));
    }
    format!("{}:{}", kind_index(kind), words.join(" "))
}

/// Initials written with dots ("U.S.", "U.K.", "E.U."), as they are written without.
fn dotted_initials(word: &str) -> Option<String> {
    let bare: String = word.chars().filter(|&c| c != '.').collect();
    (word.contains('.')
        && bare.len() >= 2
        && bare.len() <= 4
        && bare.chars().all(|c| c.is_ascii_uppercase()))
    .then_some(bare)
}

/// Whether a name is two bodies joined by "and": the part before it ends on an
/// organization's head word ("Harbour Board and Sea Guard"), unlike "Securities and Exchange
/// Commission".
fn joins_two_bodies(words: &[String]) -> bool {
    words
        .iter()
        .position(|w| w == "and")
        .is_some_and(|k| k >= 2 && lexicon::is_org_head(&words[k - 1]))
}

/// How many times more often than all the others together a longer name must be written for
/// a short name that ends several to be taken as it.
const DOMINANCE: usize = 3;

/// Folds an organization named by the end of a longer one ("Permanent Council" → "OSCE
/// Permanent Council") into it, when only one longer name ends that way or one is written
/// [`DOMINANCE`] times as often as the others together.
pub(super) fn merge_org_suffixes(drafts: &mut Vec<Draft>) {
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
                // "The Harbour Board and Sea Guard" names two bodies, not a longer one.
                let wj = split_words(&drafts[j].name);
                wj.len() > wi.len() && wj.ends_with(&wi) && !joins_two_bodies(&wj)
            })
            .collect();
        // Of several, the one the corpus names far more often is what the short name means
        // ("Sea Guard" beside many "U.S. Sea Guard" and one "Nordic Sea Guard").
        let uses = |j: usize| drafts[j].forms.values().sum::<usize>();
        let dominant = (longer.len() > 1)
            .then(|| {
                longer.iter().copied().find(|&j| {
                    let others: usize = longer.iter().filter(|&&o| o != j).map(|&o| uses(o)).sum();
                    uses(j) >= DOMINANCE * others.max(1)
                })
            })
            .flatten();
        if let Some(to) = dominant.or(match longer[..] {
            [to] => Some(to),
            _ => None,
        }) {
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

/// Folds a name that opens a company's registered name into the company: "Polly Peck",
/// "McCaw" and "Du Pont" beside "Polly Peck International Inc.", "McCaw Cellular
/// Communications Inc." and "Du Pont Co." are the companies, not people or other bodies. Not
/// someone given a role ("Chairman Ada Crane"), nor the surname of someone named in full.
pub(super) fn merge_company_short_names(drafts: &mut Vec<Draft>) {
    // Each way a company is written in full ("Du Pont Co." of the "DPC").
    let companies: Vec<(usize, Vec<String>)> = (0..drafts.len())
        .filter(|&j| drafts[j].kind == EntityKind::Organization)
        .flat_map(|j| {
            let d = &drafts[j];
            std::iter::once(&d.name)
                .chain(d.forms.keys())
                .map(move |name| (j, split_words(name)))
        })
        .filter(|(_, w)| w.last().is_some_and(|l| lexicon::is_company_suffix(l)))
        .collect();
    if companies.is_empty() {
        return;
    }
    let surnames: FxHashSet<&str> = drafts
        .iter()
        .filter(|d| d.kind == EntityKind::Person && d.name.split_whitespace().count() > 1)
        .map(|d| super::people::surname(&d.name))
        .collect();
    let uses = |d: &Draft| d.forms.values().sum::<usize>();
    let mut into: Vec<(usize, usize)> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let short_form = match d.kind {
            EntityKind::Person => d.roles.is_empty() && !surnames.contains(d.name.as_str()),
            // "Octel" of "Octel Communications Corp"; not a body's head word ("Bank").
            EntityKind::Organization => !lexicon::is_org_head(&d.name),
            EntityKind::Place => false,
        };
        if !short_form {
            continue;
        }
        let words = split_words(&d.name);
        // The shortest company name it opens; of equals, the most written.
        let best = companies
            .iter()
            .filter(|(_, w)| w.len() > words.len() && w.starts_with(&words))
            .min_by_key(|(j, w)| (w.len(), std::cmp::Reverse(uses(&drafts[*j]))));
        if let Some(&(j, _)) = best {
            into.push((i, j));
        }
    }
    // A company folded into a longer one takes what was folded into it along: each name goes
    // to the end of its chain, which always grows longer, so it ends.
    let target: FxHashMap<usize, usize> = into.iter().copied().collect();
    let mut removed = vec![false; drafts.len()];
    for (from, mut to) in into {
        while let Some(&next) = target.get(&to) {
            to = next;
        }
        let src = std::mem::take(&mut drafts[from].forms);
        let first_seen = drafts[from].first_seen.clone();
        let dst = &mut drafts[to];
        for (form, n) in src {
            *dst.forms.entry(form).or_default() += n;
        }
        dst.first_seen = dst.first_seen.clone().min(first_seen);
        removed[from] = true;
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
}

/// The name an entity is shown by: for people the most used full name, for organizations the
/// longest written form, for places the gazetteer name.
pub(super) fn preferred_name(d: &Draft) -> String {
    match d.kind {
        EntityKind::Person => d
            .forms
            .iter()
            .max_by_key(|(f, n)| (f.split_whitespace().count().min(3), **n, f.len()))
            .map(|(f, _)| f.clone())
            .unwrap_or_else(|| d.name.clone()),
        // The fullest name, but a company by the name it goes by ("Intel", not "Intel
        // Corp."), when the corpus also writes it so.
        EntityKind::Organization => d
            .forms
            .keys()
            .map(|f| match f.rsplit_once(' ') {
                Some((short, last))
                    if lexicon::is_company_suffix(last) && d.forms.contains_key(short) =>
                {
                    short
                }
                _ => f.as_str(),
            })
            .max_by_key(|f| (f.split_whitespace().count(), f.len()))
            .map(str::to_string)
            .unwrap_or_else(|| d.name.clone()),
        EntityKind::Place => d.name.clone(),
    }
}
