//! Replaying edits on an analysed story, in order, each resolved by its stable keys against
//! the story as the edits before it left it.

use std::collections::HashSet;

use serde::Serialize;

use super::{Edit, EventKey};
use crate::story::{Entity, Link, Story};

/// An edit whose target is gone (the article changed or left the folder, the analysis no
/// longer finds that name), listed for the user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unapplied {
    /// Its place in the edit list.
    pub index: usize,
    pub edit: Edit,
    pub reason: String,
}

/// Applies `edits` to `story` in order; returns the ones that could not be applied.
pub fn apply(story: &mut Story, edits: &[Edit]) -> Vec<Unapplied> {
    let mut unapplied = Vec::new();
    for (index, edit) in edits.iter().enumerate() {
        if let Err(reason) = apply_one(story, edit) {
            unapplied.push(Unapplied {
                index,
                edit: edit.clone(),
                reason,
            });
        }
    }
    unapplied
}

/// Applies one edit, or says why it cannot be.
pub fn apply_one(story: &mut Story, edit: &Edit) -> Result<(), String> {
    match edit {
        Edit::RenameEntity { entity, name } => {
            let i = entity_index(story, entity)?;
            let name = name.trim();
            if name.is_empty() {
                return Err("the new name is empty".into());
            }
            let e = &mut story.entities[i];
            if e.name != name {
                let old = std::mem::replace(&mut e.name, name.to_string());
                e.aliases.retain(|a| a != name);
                if !e.aliases.contains(&old) {
                    e.aliases.push(old);
                }
            }
            e.edited = true;
        }
        Edit::MergeEntities { into, from } => {
            let (keep, gone) = (entity_index(story, into)?, entity_index(story, from)?);
            if keep == gone {
                return Err(format!("“{into}” and “{from}” are already one"));
            }
            merge_entities(story, keep, gone);
        }
        Edit::SetEntityKind { entity, kind } => {
            let i = entity_index(story, entity)?;
            story.entities[i].kind = *kind;
            story.entities[i].edited = true;
        }
        Edit::SplitAlias { entity, alias } => split_alias(story, entity, alias)?,
        Edit::HideEntity { entity } => {
            let i = entity_index(story, entity)?;
            let e = remove_entity(story, i);
            story.hidden.push(e);
        }
        Edit::DeleteEntity { entity } => {
            let i = entity_index(story, entity)?;
            remove_entity(story, i);
        }
        Edit::RetitleEvent { event, title } => {
            let i = event_index(story, event)?;
            if title.trim().is_empty() {
                return Err("the new title is empty".into());
            }
            story.events[i].title = title.trim().to_string();
            story.events[i].edited = true;
        }
        Edit::RedateEvent { event, when, .. } => {
            let i = event_index(story, event)?;
            story.events[i].when = when.clone();
            story.events[i].edited = true;
        }
        Edit::AddParticipant { event, entity } => {
            let i = event_index(story, event)?;
            let id = story.entities[entity_index(story, entity)?].id.clone();
            let e = &mut story.events[i];
            if !e.participants.contains(&id) {
                e.participants.push(id);
            }
            e.edited = true;
        }
        Edit::RemoveParticipant { event, entity } => {
            let i = event_index(story, event)?;
            let id = story.entities[entity_index(story, entity)?].id.clone();
            let e = &mut story.events[i];
            if !e.participants.contains(&id) {
                return Err(format!("“{entity}” is not in that event"));
            }
            e.participants.retain(|p| *p != id);
            e.edited = true;
        }
        Edit::DeleteEvent { event } => {
            let i = event_index(story, event)?;
            let gone = story.events.remove(i).id;
            drop_events(story, &HashSet::from([gone]));
        }
        Edit::DetachSentence { event, sentence } => {
            let i = event_index(story, event)?;
            detach(story, i, sentence)?;
        }
        Edit::AddEvent {
            sentence,
            when,
            title,
        } => add_event(story, sentence, when, title)?,
        Edit::MergeEvents { into, from } => {
            let (keep, gone) = (event_index(story, into)?, event_index(story, from)?);
            if keep == gone {
                return Err("the two events are already one".into());
            }
            merge_events(story, keep, gone);
        }
        Edit::DeleteLink { a, b } => {
            let (a, b) = link_ends(story, a, b)?;
            let before = story.links.len();
            story.links.retain(|l| !same_pair(l, &a, &b));
            if story.links.len() == before {
                return Err("there is no link between them".into());
            }
        }
        Edit::AddLink { a, b, label } => {
            let (a, b) = link_ends(story, a, b)?;
            if a == b {
                return Err("a link needs two different entities".into());
            }
            match story.links.iter_mut().find(|l| same_pair(l, &a, &b)) {
                Some(l) => {
                    l.label = label.clone();
                    l.edited = true;
                }
                None => story.links.push(Link {
                    a,
                    b,
                    weight: 1.0,
                    label: label.clone(),
                    events: Vec::new(),
                    edited: true,
                }),
            }
        }
        Edit::ExcludeDocument { file } => exclude_document(story, file)?,
        // Given before the analysis ([`super::redated`]); here only checked.
        Edit::DateDocument { file, .. } => {
            if !story.documents.iter().any(|d| d.file == *file) {
                return Err(format!("no document {file} any more"));
            }
        }
    }
    Ok(())
}

/// The entity named `key`: by its name, else an alias, else its name in any case.
pub fn entity_index(story: &Story, key: &str) -> Result<usize, String> {
    let es = &story.entities;
    es.iter()
        .position(|e| e.name == key)
        .or_else(|| {
            // The most mentioned of those with that alias.
            (0..es.len())
                .filter(|&i| es[i].aliases.iter().any(|a| a == key))
                .max_by_key(|&i| es[i].mentions.len())
        })
        .or_else(|| es.iter().position(|e| e.name.eq_ignore_ascii_case(key)))
        .ok_or_else(|| format!("no one called “{key}” any more"))
}

/// The event with `key`'s source sentence, on its date if several share the sentence.
pub fn event_index(story: &Story, key: &EventKey) -> Result<usize, String> {
    let doc = story
        .documents
        .iter()
        .find(|d| d.file == key.mention.file)
        .ok_or_else(|| format!("{} is no longer in the corpus", key.mention.file))?;
    let has = |i: &usize| {
        story.events[*i]
            .mentions
            .iter()
            .any(|m| m.doc == doc.id && m.start == key.mention.start && m.end == key.mention.end)
    };
    let mut candidates = (0..story.events.len()).filter(has);
    let first = candidates.next();
    let dated = first
        .into_iter()
        .chain(candidates)
        .find(|&i| story.events[i].when.value == key.date);
    dated.or(first).ok_or_else(|| {
        format!(
            "the event “{}” ({}) is no longer found in {}",
            key.title, key.date, key.mention.file
        )
    })
}

fn link_ends(story: &Story, a: &str, b: &str) -> Result<(String, String), String> {
    let a = story.entities[entity_index(story, a)?].id.clone();
    let b = story.entities[entity_index(story, b)?].id.clone();
    Ok((a, b))
}

fn same_pair(l: &Link, a: &str, b: &str) -> bool {
    (l.a == a && l.b == b) || (l.a == b && l.b == a)
}

/// Takes entity `i` out of the story and out of every event, link and quote.
fn remove_entity(story: &mut Story, i: usize) -> Entity {
    let e = story.entities.remove(i);
    for ev in &mut story.events {
        ev.participants.retain(|p| *p != e.id);
    }
    story.links.retain(|l| l.a != e.id && l.b != e.id);
    story.quotes.retain(|q| q.speaker != e.id);
    e
}

/// The alias leaves the entity with every mention written that way, as a new entity.
fn split_alias(story: &mut Story, entity: &str, alias: &str) -> Result<(), String> {
    let i = entity_index(story, entity)?;
    let e = &story.entities[i];
    if !e.aliases.iter().any(|a| a == alias) {
        return Err(format!("“{alias}” is not a name of “{entity}” any more"));
    }
    let text_of = |m: &crate::story::Mention| {
        story
            .document(&m.doc)
            .and_then(|d| d.text.get(m.start..m.end))
            .unwrap_or("")
    };
    let (moved, kept): (Vec<_>, Vec<_>) = e
        .mentions
        .iter()
        .cloned()
        .partition(|m| text_of(m) == alias);
    let letter = e.id.get(..1).unwrap_or("e");
    let id = crate::analysis::ids::entity_id(letter, alias);
    if story.entities.iter().any(|o| o.id == id) {
        return Err(format!(
            "there is already an entity called “{alias}”: merge instead"
        ));
    }
    let split = Entity {
        id,
        kind: e.kind,
        name: alias.to_string(),
        aliases: Vec::new(),
        roles: Vec::new(),
        mentions: moved,
        edited: true,
    };
    let e = &mut story.entities[i];
    e.aliases.retain(|a| a != alias);
    e.mentions = kept;
    e.edited = true;
    story.entities.insert(i + 1, split);
    Ok(())
}

fn merge_entities(story: &mut Story, keep: usize, gone: usize) {
    let from = story.entities[gone].clone();
    {
        let into = &mut story.entities[keep];
        for name in std::iter::once(&from.name).chain(&from.aliases) {
            if *name != into.name && !into.aliases.contains(name) {
                into.aliases.push(name.clone());
            }
        }
        for r in &from.roles {
            if !into.roles.contains(r) {
                into.roles.push(r.clone());
            }
        }
        into.mentions.extend(from.mentions.iter().cloned());
        into.mentions.sort();
        into.mentions.dedup();
        into.edited = true;
    }
    let into_id = story.entities[keep].id.clone();
    story.entities.remove(gone);
    for ev in &mut story.events {
        if ev.participants.contains(&from.id) {
            if ev.participants.contains(&into_id) {
                ev.participants.retain(|p| *p != from.id);
            } else {
                for p in &mut ev.participants {
                    if *p == from.id {
                        p.clone_from(&into_id);
                    }
                }
            }
        }
    }
    for q in &mut story.quotes {
        if q.speaker == from.id {
            q.speaker.clone_from(&into_id);
        }
    }
    for l in &mut story.links {
        if l.a == from.id {
            l.a.clone_from(&into_id);
        }
        if l.b == from.id {
            l.b.clone_from(&into_id);
        }
    }
    story.links.retain(|l| l.a != l.b);
    merge_duplicate_links(&mut story.links);
}

/// Links that now join the same pair become one: weights added, events joined.
fn merge_duplicate_links(links: &mut Vec<Link>) {
    let mut out: Vec<Link> = Vec::with_capacity(links.len());
    for l in links.drain(..) {
        match out.iter_mut().find(|o| same_pair(o, &l.a, &l.b)) {
            Some(o) => {
                o.weight += l.weight;
                for e in l.events {
                    if !o.events.contains(&e) {
                        o.events.push(e);
                    }
                }
                if o.label.is_empty() {
                    o.label = l.label;
                }
                o.edited |= l.edited;
            }
            None => out.push(l),
        }
    }
    *links = out;
}

/// Moves one source sentence out of event `i` into a new event of its own.
fn detach(story: &mut Story, i: usize, sentence: &super::SpanKey) -> Result<(), String> {
    let doc = story
        .documents
        .iter()
        .find(|d| d.file == sentence.file)
        .ok_or_else(|| format!("{} is no longer in the corpus", sentence.file))?;
    let at = story.events[i]
        .mentions
        .iter()
        .position(|m| m.doc == doc.id && m.start == sentence.start && m.end == sentence.end)
        .ok_or("that sentence is no longer part of the event")?;
    if story.events[i].mentions.len() == 1 {
        return Err("the event has no other sentence: delete it instead".into());
    }
    let text = doc
        .text
        .get(sentence.start..sentence.end)
        .unwrap_or("")
        .trim();
    let title = match text.char_indices().nth(80) {
        Some((cut, _)) => {
            let head = &text[..cut];
            format!("{}…", head.rsplit_once(' ').map_or(head, |(a, _)| a))
        }
        None => text.to_string(),
    };
    let ev = &mut story.events[i];
    let m = ev.mentions.remove(at);
    ev.edited = true;
    let when = ev.when.clone();
    let named: Vec<String> = ev
        .participants
        .iter()
        .filter(|p| {
            story.entities.iter().any(|e| {
                e.id == **p
                    && e.mentions
                        .iter()
                        .any(|n| n.doc == m.doc && n.start >= m.start && n.end <= m.end)
            })
        })
        .cloned()
        .collect();
    let id = crate::analysis::ids::event_id(&when.value, &sentence.file, m.start, m.end);
    story.events.push(crate::story::Event {
        id,
        title,
        when,
        participants: named,
        mentions: vec![m],
        edited: true,
    });
    Ok(())
}

fn add_event(
    story: &mut Story,
    sentence: &super::SpanKey,
    when: &crate::story::When,
    title: &str,
) -> Result<(), String> {
    let doc = story
        .documents
        .iter()
        .find(|d| d.file == sentence.file)
        .ok_or_else(|| format!("{} is no longer in the corpus", sentence.file))?;
    let (start, end) = (sentence.start, sentence.end);
    if start >= end || doc.text.get(start..end).is_none() {
        return Err(format!("{} no longer has that sentence", sentence.file));
    }
    let m = crate::story::Mention {
        doc: doc.id.clone(),
        start,
        end,
    };
    if story
        .events
        .iter()
        .any(|e| e.when.value == when.value && e.mentions.contains(&m))
    {
        return Err("that sentence is already an event on that date".into());
    }
    // People first, then the organizations and places named in the sentence.
    let mut named: Vec<(bool, String)> = story
        .entities
        .iter()
        .filter(|e| {
            e.mentions
                .iter()
                .any(|n| n.doc == m.doc && n.start >= start && n.end <= end)
        })
        .map(|e| (e.kind != crate::story::EntityKind::Person, e.id.clone()))
        .collect();
    named.sort_by_key(|(not_person, _)| *not_person);
    let id = crate::analysis::ids::event_id(&when.value, &sentence.file, start, end);
    story.events.push(crate::story::Event {
        id,
        title: title.trim().to_string(),
        when: when.clone(),
        participants: named.into_iter().map(|(_, id)| id).collect(),
        mentions: vec![m],
        edited: true,
    });
    Ok(())
}

fn merge_events(story: &mut Story, keep: usize, gone: usize) {
    let from = story.events[gone].clone();
    let into = &mut story.events[keep];
    for m in from.mentions {
        if !into.mentions.contains(&m) {
            into.mentions.push(m);
        }
    }
    for p in from.participants {
        if !into.participants.contains(&p) {
            into.participants.push(p);
        }
    }
    into.edited = true;
    let into_id = into.id.clone();
    story.events.remove(gone);
    for l in &mut story.links {
        if l.events.contains(&from.id) {
            l.events.retain(|e| *e != from.id);
            if !l.events.contains(&into_id) {
                l.events.push(into_id.clone());
            }
        }
    }
}

/// Removes the events `gone` from the links; a link that stood only on them goes too.
fn drop_events(story: &mut Story, gone: &HashSet<String>) {
    story.links.retain_mut(|l| {
        if l.events.is_empty() {
            return true;
        }
        l.events.retain(|e| !gone.contains(e));
        !l.events.is_empty() || l.edited
    });
}

fn exclude_document(story: &mut Story, file: &str) -> Result<(), String> {
    let i = story
        .documents
        .iter()
        .position(|d| d.file == file)
        .ok_or_else(|| format!("{file} is no longer in the corpus"))?;
    let id = story.documents.remove(i).id;
    story.excluded.push(file.to_string());
    let mut gone_events = HashSet::new();
    story.events.retain_mut(|e| {
        e.mentions.retain(|m| m.doc != id);
        let keep = !e.mentions.is_empty();
        if !keep {
            gone_events.insert(e.id.clone());
        }
        keep
    });
    drop_events(story, &gone_events);
    let mut gone_entities = HashSet::new();
    story.entities.retain_mut(|e| {
        e.mentions.retain(|m| m.doc != id);
        let keep = !e.mentions.is_empty();
        if !keep {
            gone_entities.insert(e.id.clone());
        }
        keep
    });
    for ev in &mut story.events {
        ev.participants.retain(|p| !gone_entities.contains(p));
    }
    story
        .links
        .retain(|l| !gone_entities.contains(&l.a) && !gone_entities.contains(&l.b));
    story
        .quotes
        .retain(|q| q.doc != id && !gone_entities.contains(&q.speaker));
    story
        .timexes
        .retain(|t| t.doc.as_deref() != Some(id.as_str()));
    Ok(())
}

#[cfg(test)]
#[path = "apply_tests.rs"]
mod tests;
