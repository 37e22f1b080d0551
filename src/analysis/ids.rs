//! Stable ids. An entity's or event's id is made from what it is, not from its place in a
//! list, so that it stays the same when an unrelated article joins the corpus, and exports
//! (JSON, CSV, GEXF for Gephi, TimelineJS) of two runs stay joinable.
//!
//! - entity: its kind letter (`p`, `o`, `l`) and a hash of its kind and lower-case name;
//! - event: `v` and a hash of its date and its first source sentence (by file name, then
//!   offset), which an article that does not report the event cannot change.
//!
//! Ids are given last, once every stage has joined on the positional ones.

use std::collections::{HashMap, HashSet};

use crate::story::Story;

/// Replaces the positional ids of entities and events by stable ones, everywhere they are used.
pub fn stabilize(story: &mut Story) {
    let mut used = HashSet::new();
    let mut entities: HashMap<String, String> = HashMap::new();
    for e in &mut story.entities {
        let letter = e.id.get(..1).unwrap_or("e");
        let id = unique(entity_id(letter, &e.name), &mut used);
        entities.insert(std::mem::replace(&mut e.id, id.clone()), id);
    }
    let file_of: HashMap<&str, &str> = story
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.file.as_str()))
        .collect();
    let mut events: HashMap<String, String> = HashMap::new();
    for ev in &mut story.events {
        let first = ev
            .mentions
            .iter()
            .map(|m| {
                (
                    file_of.get(m.doc.as_str()).copied().unwrap_or(""),
                    m.start,
                    m.end,
                )
            })
            .min();
        let id = match first {
            Some((file, start, end)) => event_id(&ev.when.value, file, start, end),
            None => {
                let key = format!("{}\u{1f}{}", ev.when.value, ev.title);
                format!("v{:010x}", hash(key.as_bytes()))
            }
        };
        let id = unique(id, &mut used);
        events.insert(std::mem::replace(&mut ev.id, id.clone()), id);
    }
    let rename = |id: &mut String, map: &HashMap<String, String>| {
        if let Some(new) = map.get(id.as_str()) {
            id.clone_from(new);
        }
    };
    for ev in &mut story.events {
        for p in &mut ev.participants {
            rename(p, &entities);
        }
    }
    for l in &mut story.links {
        rename(&mut l.a, &entities);
        rename(&mut l.b, &entities);
        for e in &mut l.events {
            rename(e, &events);
        }
    }
    for q in &mut story.quotes {
        rename(&mut q.speaker, &entities);
    }
}

/// The stable id of an entity of kind `letter` (`p`, `o`, `l`) called `name`.
pub fn entity_id(letter: &str, name: &str) -> String {
    let key = format!("{letter}\u{1f}{}", name.to_lowercase());
    format!("{letter}{:010x}", hash(key.as_bytes()))
}

/// The stable id of an event on date `value` whose first source sentence is `file`'s
/// `[start, end)`.
pub fn event_id(value: &str, file: &str, start: usize, end: usize) -> String {
    let key = format!("{value}\u{1f}{file}\u{1f}{start}\u{1f}{end}");
    format!("v{:010x}", hash(key.as_bytes()))
}

/// `id`, or `id-2`, `id-3`… when taken (two entities of one name and kind).
fn unique(id: String, used: &mut HashSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 1;
    while !used.insert(candidate.clone()) {
        n += 1;
        candidate = format!("{id}-{n}");
    }
    candidate
}

/// FNV-1a, 40 bits: the same on every platform and Rust version.
fn hash(bytes: &[u8]) -> u64 {
    let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    });
    (h ^ (h >> 40)) & 0xff_ffff_ffff
}
