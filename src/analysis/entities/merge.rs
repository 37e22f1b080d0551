//! How names group into one entity: grouping keys and canonical words, people folded into
//! their full names, organizations into the longer names that end like them, the name shown.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use rustc_hash::FxHashSet;

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
pub(super) fn merge_people(drafts: &mut Vec<Draft>) {
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
pub(super) fn preferred_name(d: &Draft) -> String {
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
