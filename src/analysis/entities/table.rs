//! The entity table: the discovered names grouped into entities (aliases merged, roles
//! gathered), then, once their mentions are found, numbered into the story's entities.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::lexicon;
use crate::story::{Entity, EntityKind, Mention};

use super::discover::Find;
use super::merge::{
    canonical_words, entity_key, kind_index, merge_company_short_names, merge_org_suffixes,
    preferred_name, split_words,
};
use super::roles::without_article;
use super::tokens::{is_acronym, is_brand_word, is_capitalized};
use super::{Entities, affiliations};

/// The entity table built from the discovery finds, then filled with mentions.
pub(super) struct Table {
    pub(super) entities: Vec<Draft>,
    /// Alias (words joined by single spaces) → entity indices (more than one for a shared
    /// surname).
    pub(super) aliases: FxHashMap<String, Vec<usize>>,
    /// Gazetteer place name → the place entity, for other spellings of it.
    pub(super) places: FxHashMap<&'static str, usize>,
    /// Longest alias, in words.
    pub(super) longest: usize,
}

/// An entity while the table is built: the forms it is written in (with how often), its
/// roles, acronym and mentions, and where it was first seen (entities are numbered in that
/// order).
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) kind: EntityKind,
    pub(super) name: String,
    pub(super) forms: BTreeMap<String, usize>,
    pub(super) roles: Vec<String>,
    pub(super) acronym: Option<String>,
    pub(super) mentions: Vec<Mention>,
    pub(super) first_seen: (usize, String, usize),
}

/// "Bahamian", "Cuban Americans", "Indiana Republican", "Roman Catholic": a people or a
/// party's or faith's members, not a person's name, unless a firm cue says so of a singular
/// ("Dawn French said she").
fn names_a_group(f: &Find) -> bool {
    let Some(last) = f.words.last() else {
        return false;
    };
    // A surname may look like one ("Marti", "Wallis"): after a given name, only the list's.
    let plural = last.ends_with('s') && lexicon::demonym(last).is_some();
    lexicon::is_affiliation(last)
        || plural
        || lexicon::demonym(&f.words.join(" ")).is_some()
        || f.words.len() == 1 && lexicon::is_demonym_like(last)
        || f.weight < 5 && lexicon::demonym(last).is_some()
}

impl Table {
    /// Groups the discovery finds into entities, without mentions yet.
    pub(super) fn build(finds: &[&Find]) -> Self {
        // One pass over the finds (scattered in memory) for three sets.
        // A full name that ends in a known person's surname is a person too ("Piotr
        // Kowalczyk" beside "Marta Kowalczyk"): a namesake, not an unknown word pair.
        let mut surnames: FxHashSet<&str> = FxHashSet::default();
        // The given names and surnames of people named in full on a firm cue (a role, a
        // given name, an age): "Stockton" of "OceanGate CEO Stockton Rush" is him, not a city.
        let mut named_in_full: FxHashSet<&str> = FxHashSet::default();
        let mut named_alone: FxHashSet<&str> = FxHashSet::default();
        // One word seen only opening sentences, with nothing but a verb of saying to go on,
        // is a plural noun ("Analysts said", "Officials said"), not a name: a surname is
        // also written mid-sentence ("said Okafor").
        let mut inside: FxHashSet<&str> = FxHashSet::default();
        // Acronyms written alone ("NATO", "U.N.") or given in brackets after a name.
        let mut acronyms: FxHashSet<String> = FxHashSet::default();
        for f in finds {
            if let [word] = f.words.as_slice() {
                if !f.opener {
                    inside.insert(word);
                }
                // "Mohamed, 24, allegedly rented …": a surname named on a firm cue, for
                // "Khalfan Khamis Mohamed" that no cue classified.
                if f.kind == Some(EntityKind::Person) && f.weight >= 5 && !names_a_group(f) {
                    named_alone.insert(word);
                }
                if is_acronym(word) {
                    acronyms.insert(word.replace('.', ""));
                }
            } else if f.kind == Some(EntityKind::Person)
                && !names_a_group(f)
                && let (Some(first), Some(last)) = (f.words.first(), f.words.last())
            {
                surnames.insert(last);
                if f.weight >= 3 {
                    named_in_full.insert(first);
                    named_in_full.insert(last);
                }
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
            if (f.kind == Some(EntityKind::Person) || f.kind.is_none()) && names_a_group(f) {
                return None;
            }
            // "LibreOffice said": a brand speaks for a company or a project.
            if f.kind == Some(EntityKind::Person) && f.words.iter().any(|w| is_brand_word(w)) {
                return Some(EntityKind::Organization);
            }
            // A city alone that is also the given name or surname of someone the corpus
            // names in full ("Stockton chose his path") is more likely them than the city.
            if let [word] = f.words.as_slice()
                && f.kind == Some(EntityKind::Place)
                && named_in_full.contains(word)
                && lexicon::place(word).is_some_and(|p| p.city)
            {
                return None;
            }
            // "convince Berg Lund needs …": two people's surnames side by side are two
            // names, not one.
            if let [first, second] = f.words.as_slice()
                && f.weight <= 3
                && surnames.contains(first)
                && surnames.contains(second)
                && !lexicon::is_given_name(first)
            {
                return None;
            }
            let promote = f.kind.is_none()
                && f.words.len() >= 2
                && f.words
                    .last()
                    .is_some_and(|w| surnames.contains(w) || named_alone.contains(w))
                && f.words
                    .iter()
                    .all(|w| is_capitalized(w) && !is_acronym(w) && !is_brand_word(w));
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
        merge_company_short_names(&mut drafts);
        super::people::merge_people(&mut drafts);
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
                    add(super::people::surname(&d.name), i);
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

    /// The entities that were mentioned, numbered per kind in order of first appearance
    /// ("p1", "o1", "l1"), with their affiliations.
    pub(super) fn finish(self) -> Entities {
        let mut counters = [0usize; 3];
        let mut entities = Vec::new();
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
        let affiliations = affiliations::from_roles(&kept, &ids);
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
                edited: false,
            });
        }
        Entities {
            entities,
            affiliations,
        }
    }
}
