//! Turning each cluster into an event: its date, its participants (most cited first), its
//! mentions and the title that reads best.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analysis::entities::Entities;
use crate::analysis::text;
use crate::story::{Event, Granularity, Mention, When};

use super::Candidate;
use super::cluster::Cluster;
use super::span::Span;

/// Turns clusters into events: the best title, the union of participants (most cited first),
/// one mention per reporting sentence; ordered by date, then title.
pub(super) fn finish(
    clusters: Vec<Cluster<'_>>,
    entities: &Entities,
    people: &[bool],
) -> Vec<Event> {
    let mut events: Vec<Event> = clusters
        .into_par_iter()
        .map(|cluster| {
            let anchor = cluster.anchor();
            let when = when_of(&anchor.when, anchor.granularity, &anchor.value);
            let mut counts: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
            let mut order = 0;
            for c in &cluster.members {
                for &e in &c.participants {
                    let entry = counts.entry(e).or_insert((0, order));
                    entry.0 += 1;
                    order += 1;
                }
            }
            let mut participants: Vec<(usize, (usize, usize))> = counts.into_iter().collect();
            participants.sort_by_key(|&(e, (n, first))| (!people[e], std::cmp::Reverse(n), first));
            let top: Vec<usize> = participants
                .iter()
                .filter(|(e, _)| people[*e])
                .take(2)
                .map(|(e, _)| *e)
                .collect();
            let title = best_title(&cluster, &top, entities);
            let mut mentions: Vec<Mention> = cluster
                .members
                .iter()
                .flat_map(|c| {
                    c.sentences.iter().map(|&(start, end)| Mention {
                        doc: c.doc.to_string(),
                        start,
                        end,
                    })
                })
                .collect();
            mentions.sort_by_key(|a| (doc_number(&a.doc), a.start));
            mentions.dedup();
            Event {
                id: String::new(),
                title,
                when,
                participants: participants
                    .iter()
                    .map(|(e, _)| entities.entities[*e].id.clone())
                    .collect(),
                mentions,
                edited: false,
            }
        })
        .collect();
    events.sort_by(|a, b| {
        (&a.when.start, &a.when.end, &a.title).cmp(&(&b.when.start, &b.when.end, &b.title))
    });
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("v{}", i + 1);
    }
    events
}

/// "d12" → 12, so that documents sort in reading order.
fn doc_number(id: &str) -> usize {
    id.trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .unwrap_or(usize::MAX)
}

/// The title that names the event's main people and reads best: 4 to 12 words preferred.
fn best_title(cluster: &Cluster<'_>, top: &[usize], entities: &Entities) -> String {
    let surname =
        |e: usize| crate::analysis::entities::surname(&entities.entities[e].name).to_string();
    let names: Vec<String> = top.iter().map(|&e| surname(e)).collect();
    // Reports that date the event as precisely as its anchor describe it best; vaguer ones
    // that joined it ("early next year") often speak of something around it.
    let anchor = cluster.anchor();
    let precise: Vec<&Candidate<'_>> = cluster
        .members
        .iter()
        .filter(|c| c.granularity == anchor.granularity && !c.title.is_empty())
        .collect();
    let pool: Vec<&Candidate<'_>> = if precise.is_empty() {
        cluster.members.iter().collect()
    } else {
        precise
    };
    pool.into_iter()
        .map(|c| &c.title)
        .filter(|t| !t.is_empty())
        .max_by_key(|t| {
            let words = t.split_whitespace().count();
            let named = names.iter().filter(|n| t.contains(n.as_str())).count();
            let fits = (4..=12).contains(&words);
            let ellipsis = t.ends_with('…');
            // Titles that say what happened ("invasion", "call") read better than the
            // circumstances around it ("Should Russia invade …").
            let happening = text::words(t, 0, t.len())
                .any(|w| text::is_event_noun(text::stem(&w.text.to_lowercase())));
            // A title that opens with a name says who did it.
            let opens_with_name = t.chars().next().is_some_and(char::is_uppercase)
                && !t.starts_with("The ")
                && !t.split_whitespace().next().is_some_and(|w| {
                    text::is_stopword(&w.to_lowercase()) || w.ends_with("ers") || w.ends_with("ing")
                });
            (
                named,
                happening,
                opens_with_name,
                fits,
                !ellipsis,
                std::cmp::Reverse(words),
            )
        })
        .cloned()
        .unwrap_or_else(|| cluster.anchor().value.clone())
}

/// The event's date: a single day, a day range (ISO interval "start/end"), or a coarser value.
fn when_of(span: &Span, granularity: Granularity, value: &str) -> When {
    let value = if granularity == Granularity::Day && span.start != span.end {
        format!("{}/{}", span.start, span.end)
    } else {
        value.to_string()
    };
    When {
        value,
        start: span.start.to_string(),
        end: span.end.to_string(),
        granularity,
    }
}
