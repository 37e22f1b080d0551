//! Where the sources disagree: what each outlet says about the same fact, side by side.
//!
//! Runs on the finished story. For every event reported by two or more documents it reads
//! the sentences each document gives it — its mentions, and undated sentences that refer
//! back to it ([`assign`]) — for the date each gives, where and who, who asked for it, how
//! each side characterises it ([`facts`]) and every figure ([`numbers`]); figures outside
//! events are story facts ("more than 90,000" troops at the border) and meet those of other
//! documents on the same subject ([`group`]). Each fact then gets a verdict ([`verdict`]):
//! agree (approximations within their tolerance), differ, or single (one source says it).
//!
//! The stage in files: `words` (tokens, stems, word families), `numbers` (figures),
//! `assign` (which event a sentence speaks of), `facts` (the other event facts), `group`
//! (which figures state one fact), `verdict` (agree, differ, single).

mod assign;
mod facts;
mod group;
mod numbers;
mod verdict;
mod words;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analysis::sentences::Sentence;
use crate::story::{ComparedValue, Comparison, EntityKind, Story, Timex, Verdict};

use self::assign::{EventInfo, Speaks};
use self::facts::{Kind, Stated, Value};
use self::group::Placed;
use self::numbers::{Dim, Figure};
use self::words::Token;

/// Every comparison of the story: per event (in event order) then story facts, each fact's
/// values in document order.
pub fn compare(story: &Story, sentences: &HashMap<String, Vec<Sentence>>) -> Vec<Comparison> {
    let ctx = Ctx::new(story);
    let per_doc: Vec<DocFacts> = story
        .documents
        .par_iter()
        .enumerate()
        .map(|(d, doc)| match sentences.get(&doc.id) {
            Some(s) => read_document(&ctx, d, s),
            None => DocFacts::default(),
        })
        .collect();
    let mut out = Vec::new();
    figure_comparisons(&ctx, &per_doc, &mut out);
    event_comparisons(&ctx, &per_doc, &mut out);
    let event_order: FxHashMap<&str, usize> = story
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    out.sort_by(|a, b| {
        let rank = |c: &Comparison| {
            c.event
                .as_deref()
                .and_then(|e| event_order.get(e).copied())
                .unwrap_or(usize::MAX)
        };
        rank(a)
            .cmp(&rank(b))
            .then(fact_rank(&a.fact).cmp(&fact_rank(&b.fact)))
            .then(a.about.cmp(&b.about))
            .then(a.values[0].doc.cmp(&b.values[0].doc))
            .then(a.values[0].start.cmp(&b.values[0].start))
    });
    out
}

fn fact_rank(fact: &str) -> usize {
    const ORDER: &[&str] = &[
        "date",
        "duration",
        "place",
        "participants",
        "initiator",
        "count",
        "money",
        "percentage",
        "length",
        "age",
        "characterisation",
    ];
    ORDER.iter().position(|f| *f == fact).unwrap_or(ORDER.len())
}

/// What every document's reading needs, indexed once.
struct Ctx<'a> {
    story: &'a Story,
    events: Vec<EventInfo>,
    timexes: Vec<Vec<&'a Timex>>,
    /// Entity mentions `(start, end, entity)` per document, sorted.
    mentions: Vec<Vec<(usize, usize, usize)>>,
    /// Quotes `(start, end, speaker)` per document.
    quotes: Vec<Vec<(usize, usize, usize)>>,
    /// `(event, start)` of each mention of an event reported by two or more documents.
    event_mentions: Vec<Vec<(usize, usize)>>,
    /// People taking part in each event (entity indices).
    participants: Vec<Vec<usize>>,
    /// Day of publication of each document.
    published: Vec<Option<i32>>,
}

impl<'a> Ctx<'a> {
    fn new(story: &'a Story) -> Self {
        let n = story.documents.len();
        let doc_of: FxHashMap<&str, usize> = story
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let entity_of: FxHashMap<&str, usize> = story
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let mut timexes: Vec<Vec<&Timex>> = vec![Vec::new(); n];
        for t in &story.timexes {
            if let Some(&d) = t.doc.as_deref().and_then(|id| doc_of.get(id)) {
                timexes[d].push(t);
            }
        }
        for list in &mut timexes {
            list.sort_by_key(|t| (t.start, t.end));
        }
        let mut mentions = vec![Vec::new(); n];
        for (i, e) in story.entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(&d) = doc_of.get(m.doc.as_str()) {
                    mentions[d].push((m.start, m.end, i));
                }
            }
        }
        for list in &mut mentions {
            list.sort_unstable();
        }
        let mut quotes = vec![Vec::new(); n];
        for q in &story.quotes {
            if let (Some(&d), Some(&e)) = (doc_of.get(q.doc.as_str()), entity_of.get(q.speaker.as_str())) {
                quotes[d].push((q.start, q.end, e));
            }
        }
        let mut events: Vec<EventInfo> = story
            .events
            .iter()
            .map(|e| {
                let (first, last) = assign::event_days(e);
                let mut docs: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
                docs.sort_unstable();
                docs.dedup();
                EventInfo {
                    first,
                    last,
                    docs: docs.len(),
                    families: Vec::new(),
                }
            })
            .collect();
        let mut event_mentions: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); n];
        for (i, e) in story.events.iter().enumerate() {
            if events[i].docs < 2 {
                continue;
            }
            for m in &e.mentions {
                if let Some(&d) = doc_of.get(m.doc.as_str()) {
                    event_mentions[d].push((i, m.start, m.end));
                }
            }
        }
        // The kinds of happening each event's sentences name, each word going to the event
        // whose date stands nearest to it when a sentence dates several.
        let named: Vec<Vec<(usize, &'static str)>> = event_mentions
            .par_iter()
            .enumerate()
            .map(|(d, list)| {
                let text = &story.documents[d].text;
                let mut out = Vec::new();
                let mut spans: Vec<(usize, usize)> = list.iter().map(|m| (m.1, m.2)).collect();
                spans.sort_unstable();
                spans.dedup();
                let mut tokens = Vec::new();
                for (a, b) in spans {
                    if b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
                        continue;
                    }
                    let here: Vec<(usize, Option<usize>)> = list
                        .iter()
                        .filter(|m| (m.1, m.2) == (a, b))
                        .map(|m| {
                            let (first, last) = (events[m.0].first, events[m.0].last);
                            let anchor = timexes[d]
                                .iter()
                                .filter(|t| t.start >= a && t.end <= b)
                                .find(|t| {
                                    assign::timex_days(t)
                                        .is_some_and(|(x, y)| x <= last && y >= first)
                                })
                                .map(|t| t.start);
                            (m.0, anchor)
                        })
                        .collect();
                    tokens.clear();
                    words::tokenize(text, a, b, &mut tokens);
                    for t in tokens.iter().filter(|t| t.shape == words::Shape::Word) {
                        if let Some(f) = assign::family_of(&text[t.start..t.end])
                            && let Some(&(e, _)) = here.iter().min_by_key(|(_, anchor)| {
                                anchor.map_or(usize::MAX, |x| x.abs_diff(t.start))
                            })
                        {
                            out.push((e, f));
                        }
                    }
                }
                out
            })
            .collect();
        for (e, f) in named.into_iter().flatten() {
            if !events[e].families.contains(&f) {
                events[e].families.push(f);
            }
        }
        let event_mentions: Vec<Vec<(usize, usize)>> = event_mentions
            .into_iter()
            .map(|list| list.into_iter().map(|(e, start, _)| (e, start)).collect())
            .collect();
        let participants = story
            .events
            .iter()
            .map(|e| {
                e.participants
                    .iter()
                    .filter_map(|p| entity_of.get(p.as_str()).copied())
                    .filter(|&p| story.entities[p].kind == EntityKind::Person)
                    .collect()
            })
            .collect();
        let published = story
            .documents
            .iter()
            .map(|d| {
                d.published
                    .as_deref()
                    .and_then(|p| p.parse::<jiff::civil::Date>().ok())
                    .map(assign::day)
            })
            .collect();
        Ctx {
            story,
            events,
            timexes,
            mentions,
            quotes,
            event_mentions,
            participants,
            published,
        }
    }

    fn name(&self, entity: usize) -> String {
        self.story.entities[entity].name.clone()
    }
}

/// What one document states.
#[derive(Default)]
struct DocFacts {
    /// Figures with the words of their sentence (interned later, across documents).
    figures: Vec<(Placed, Vec<String>)>,
    /// Event facts: `(event, sentence, statement)`.
    stated: Vec<(usize, (usize, usize), Stated)>,
}

/// Reads one document's story sentences for figures and event facts.
fn read_document(ctx: &Ctx, d: usize, sentences: &[Sentence]) -> DocFacts {
    let doc = &ctx.story.documents[d];
    let text = doc.text.as_str();
    let spans: Vec<(usize, usize)> = sentences
        .iter()
        .filter(|s| s.section.feeds_story() && s.end <= text.len() && s.start < s.end)
        .map(|s| (s.start, s.end))
        .collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut token_at = Vec::with_capacity(spans.len() + 1);
    for &(a, b) in &spans {
        token_at.push(tokens.len());
        words::tokenize(text, a, b, &mut tokens);
    }
    token_at.push(tokens.len());
    let timexes = &ctx.timexes[d];
    let speaks = assign::assign(
        text,
        &spans,
        &tokens,
        &token_at,
        &ctx.event_mentions[d],
        timexes,
        &ctx.events,
    );
    let mentions = &ctx.mentions[d];
    let people: Vec<(usize, usize, usize)> = mentions
        .iter()
        .copied()
        .filter(|m| ctx.story.entities[m.2].kind == EntityKind::Person)
        .collect();
    let mut out = DocFacts::default();
    let mut found = Vec::new();
    for (i, &(a, b)) in spans.iter().enumerate() {
        let toks = &tokens[token_at[i]..token_at[i + 1]];
        let tx_from = timexes.partition_point(|t| t.start < a);
        let tx_to = timexes.partition_point(|t| t.start < b);
        let sentence_timexes = &timexes[tx_from..tx_to];
        let within = |list: &[(usize, usize, usize)]| {
            let from = list.partition_point(|m| m.0 < a);
            let to = list.partition_point(|m| m.0 < b);
            (from, to)
        };
        let (pf, pt) = within(&people);
        found.clear();
        numbers::figures(
            &numbers::Sentence {
                text,
                tokens: toks,
                timexes: sentence_timexes,
                people: &people[pf..pt],
            },
            &mut found,
        );
        let here = &speaks[i];
        for figure in found.drain(..) {
            let event = here.event_at(figure.start);
            let time = event
                .map(|e| (ctx.events[e].first, ctx.events[e].last))
                .or_else(|| nearest_date(sentence_timexes, figure.start))
                .or(ctx.published[d].map(|p| (p, p)));
            let context = context_words(text, toks);
            out.figures.push((
                Placed {
                    doc: d,
                    sentence: (a, b),
                    event,
                    figure,
                    context: Vec::new(),
                    time,
                },
                context,
            ));
        }
        if !here.events.is_empty() {
            let (mf, mt) = within(mentions);
            let quotes: Vec<(usize, usize, usize)> = ctx.quotes[d]
                .iter()
                .copied()
                .filter(|q| q.0 < b && q.1 > a)
                .collect();
            let s = facts::Sentence {
                text,
                start: a,
                end: b,
                tokens: toks,
                timexes: sentence_timexes,
                mentions: &mentions[mf..mt],
                quotes: &quotes,
            };
            let from = out.stated.len();
            event_facts(ctx, &s, here, &mut out.stated);
            // "He added": the one quoted last before in the document.
            for (_, _, stated) in &mut out.stated[from..] {
                if stated
                    .said_by
                    .as_deref()
                    .is_some_and(|w| matches!(w, "He" | "She" | "They" | "he" | "she" | "they"))
                {
                    stated.said_by = ctx.quotes[d]
                        .iter()
                        .filter(|q| q.1 <= a)
                        .max_by_key(|q| q.1)
                        .map(|q| ctx.name(q.2));
                }
            }
        }
    }
    out
}

/// The days of the date nearest to byte `at` in a sentence, if it names days.
fn nearest_date(timexes: &[&Timex], at: usize) -> Option<(i32, i32)> {
    timexes
        .iter()
        .filter_map(|t| Some((t.start.abs_diff(at), assign::timex_days(t)?)))
        .min_by_key(|x| x.0)
        .map(|x| x.1)
}

/// Stems of a sentence's content words: what two figures' sentences are compared on.
fn context_words(text: &str, tokens: &[Token]) -> Vec<String> {
    let mut out: Vec<String> = tokens
        .iter()
        .filter(|t| t.shape == words::Shape::Word && t.end - t.start > 2)
        .map(|t| text[t.start..t.end].to_lowercase())
        .filter(|w| !words::is_stopword(w))
        .map(|w| words::stem(&w))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Most bytes between an event's date and the place it happened in ("in Geneva on
/// January 10", "scheduled January 10 to meet in Geneva").
const VENUE_GAP: usize = 25;

/// The date, places, participants, initiator and characterisations a sentence states for
/// the events it speaks of.
fn event_facts(
    ctx: &Ctx,
    s: &facts::Sentence,
    here: &Speaks,
    out: &mut Vec<(usize, (usize, usize), Stated)>,
) {
    let sentence = (s.start, s.end);
    if !here.by_reference {
        for &(e, _) in &here.events {
            let info = &ctx.events[e];
            if let Some(date) = facts::date(s, info.first, info.last) {
                out.push((e, sentence, date));
            }
            // Who took part, as this sentence names them.
            let named: Vec<&(usize, usize, usize)> = s
                .mentions
                .iter()
                .filter(|m| ctx.participants[e].contains(&m.2))
                .collect();
            if let Some(first) = named.first() {
                let mut names: Vec<String> = named.iter().map(|m| ctx.name(m.2)).collect();
                names.sort();
                names.dedup();
                out.push((
                    e,
                    sentence,
                    Stated {
                        kind: Kind::Participants,
                        start: first.0,
                        end: first.1,
                        shown: names.join(", "),
                        value: Value::Names(names),
                        said_by: None,
                    },
                ));
            }
        }
    }
    // Where: a place named next to the event's date ("in Geneva on January 9-10", "the week
    // of Jan. 10 in Geneva"); places elsewhere in the sentence are what it is about.
    let is_place = |e: usize| ctx.story.entities[e].kind == EntityKind::Place;
    let mut places = Vec::new();
    if !here.by_reference {
        facts::places(s, &is_place, &mut places);
    }
    for (start, end, p) in places {
        let near = here.events.iter().find(|(_, anchor)| {
            anchor
                .and_then(|a| s.timexes.iter().find(|t| t.start == a))
                .is_some_and(|t| {
                    let gap = if start >= t.end {
                        start - t.end
                    } else {
                        t.start.saturating_sub(end)
                    };
                    gap <= VENUE_GAP
                })
        });
        if let Some(&(e, _)) = near {
            let name = ctx.name(p);
            out.push((
                e,
                sentence,
                Stated {
                    kind: Kind::Place,
                    start,
                    end,
                    value: Value::Names(vec![name.clone()]),
                    shown: name,
                    said_by: None,
                },
            ));
        }
    }
    let name = |e: usize| ctx.name(e);
    if let Some(asked) = facts::initiator(s, &name)
        && let Some(e) = here.event_at(asked.start)
    {
        out.push((e, sentence, asked));
    }
    let mut said = Vec::new();
    let is_happening = |w: &str| assign::family_of(w).is_some();
    facts::characterisations(s, &is_happening, &name, &mut said);
    for c in said {
        if let Some(e) = here.event_at(c.start) {
            out.push((e, sentence, c));
        }
    }
}

/// Comparisons of figures: each event's own duration, and every subject two or more
/// documents give a figure for.
fn figure_comparisons(ctx: &Ctx, per_doc: &[DocFacts], out: &mut Vec<Comparison>) {
    let mut vocabulary: FxHashMap<String, u32> = FxHashMap::default();
    let mut placed: Vec<Placed> = Vec::new();
    let mut frequency: Vec<u32> = Vec::new();
    for doc in per_doc {
        for (p, words) in &doc.figures {
            let mut p = p.clone();
            // A duration of the event's own happening is the event's duration.
            if let Some(e) = p.event
                && p.figure.dim == Dim::Duration
                && p.figure.of_happening
            {
                p.figure.key = format!("duration of event {e}");
            }
            p.context = words
                .iter()
                .map(|w| {
                    let next = vocabulary.len() as u32;
                    let id = *vocabulary.entry(w.clone()).or_insert(next);
                    if id as usize == frequency.len() {
                        frequency.push(0);
                    }
                    frequency[id as usize] += 1;
                    id
                })
                .collect();
            p.context.sort_unstable();
            placed.push(p);
        }
    }
    // Words most figure sentences share say little about which fact a figure states.
    let n = placed.len().max(1) as f32;
    let weight: Vec<f32> = frequency.iter().map(|&f| (n / f as f32).ln().max(0.0) + 0.1).collect();
    for group in group::group(&placed, &weight) {
        let mut members: Vec<&Placed> = group.iter().map(|&i| &placed[i]).collect();
        members.sort_by_key(|m| (m.doc, m.figure.start));
        let own_event = members[0]
            .figure
            .key
            .starts_with("duration of event")
            .then(|| members[0].event)
            .flatten();
        let mut docs: Vec<usize> = members.iter().map(|m| m.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() < 2 && own_event.is_none() {
            continue;
        }
        let first_event = members.iter().find_map(|m| m.event);
        let event = match own_event {
            Some(e) => Some(e),
            None if members.iter().all(|m| m.event.is_none() || m.event == first_event) => {
                first_event
            }
            None => None,
        };
        let outcome = match members[0].figure.dim {
            Dim::Age => verdict::ages(
                &members
                    .iter()
                    .map(|m| (m.doc, m.figure.amount.figure, ctx.published[m.doc]))
                    .collect::<Vec<_>>(),
            ),
            _ => verdict::amounts(
                &members
                    .iter()
                    .map(|m| (m.doc, m.figure.amount))
                    .collect::<Vec<_>>(),
            ),
        };
        let mut values: Vec<ComparedValue> = members
            .iter()
            .map(|m| value_of(ctx, m.doc, m.sentence, &m.figure))
            .collect();
        values.dedup_by(|b, a| a.doc == b.doc && a.text == b.text && a.value == b.value);
        let about = match own_event {
            // The event's duration is the duration of its kind of happening ("call").
            Some(_) => {
                let kinds: Vec<&Placed> = members
                    .iter()
                    .copied()
                    .filter(|m| words::happening(words::family(&words::stem(&m.figure.about))).is_some())
                    .collect();
                if kinds.is_empty() {
                    String::new()
                } else {
                    words::family(&words::stem(&about_of(ctx, &kinds))).to_string()
                }
            }
            None => about_of(ctx, &members),
        };
        let silent = own_event.map_or_else(Vec::new, |e| silent_docs(ctx, e, &docs));
        out.push(comparison(
            ctx,
            event,
            members[0].figure.dim.name(),
            about,
            outcome,
            values,
            silent,
        ));
    }
}

/// What a group of figures is about, in words: the person of an age, else the wording
/// most of them use.
fn about_of(ctx: &Ctx, members: &[&Placed]) -> String {
    if let Some(p) = members[0].figure.person {
        return ctx.name(p);
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in members {
        let a = m.figure.about.as_str();
        match counts.iter_mut().find(|c| c.0 == a) {
            Some(c) => c.1 += 1,
            None => counts.push((a, 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|c| c.1)
        .map_or_else(String::new, |c| c.0.to_string())
}

fn value_of(ctx: &Ctx, d: usize, sentence: (usize, usize), f: &Figure) -> ComparedValue {
    let doc = &ctx.story.documents[d];
    ComparedValue {
        doc: doc.id.clone(),
        start: f.start,
        end: f.end,
        text: doc.text.get(f.start..f.end).unwrap_or("").to_string(),
        value: f.value.clone(),
        modifier: f.amount.qual.modifier().map(str::to_string),
        said_by: None,
        sentence: [sentence.0, sentence.1],
    }
}

/// Documents reporting event `e` that state none of the values.
fn silent_docs(ctx: &Ctx, e: usize, stating: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &ctx.story.events[e].mentions {
        let d = ctx.story.documents.iter().position(|d| d.id == m.doc);
        if let Some(d) = d
            && !stating.contains(&d)
            && !out.contains(&m.doc)
        {
            out.push(m.doc.clone());
        }
    }
    out.sort_by_key(|id| ctx.story.documents.iter().position(|d| &d.id == id));
    out
}

/// Comparisons of the event facts that are no figures, one per event and kind.
fn event_comparisons(ctx: &Ctx, per_doc: &[DocFacts], out: &mut Vec<Comparison>) {
    let mut by_fact: FxHashMap<(usize, Kind), Vec<(usize, (usize, usize), Stated)>> =
        FxHashMap::default();
    for (d, doc) in per_doc.iter().enumerate() {
        for (e, sentence, stated) in &doc.stated {
            by_fact
                .entry((*e, stated.kind))
                .or_default()
                .push((d, *sentence, stated.clone()));
        }
    }
    let mut keys: Vec<(usize, Kind)> = by_fact.keys().copied().collect();
    keys.sort();
    for key in keys {
        let mut list = by_fact.remove(&key).unwrap_or_default();
        let (e, kind) = key;
        // A document's participants: everyone it names across its sentences for the event.
        if kind == Kind::Participants {
            list = merge_participants(list);
        }
        // One date per document, its most precise; one statement per document and wording.
        if kind == Kind::Date {
            let width = |v: &Value| match v {
                Value::Days { first, last, .. } => last - first,
                _ => 0,
            };
            list.sort_by_key(|x| (x.0, width(&x.2.value), x.2.start));
            list.dedup_by_key(|x| x.0);
        }
        list.sort_by_key(|x| (x.0, x.2.start));
        list.dedup_by(|b, a| a.0 == b.0 && a.2.value == b.2.value);
        let mut docs: Vec<usize> = list.iter().map(|x| x.0).collect();
        docs.dedup();
        let outcome = match kind {
            Kind::Date => verdict::days(
                &list
                    .iter()
                    .filter_map(|x| match x.2.value {
                        Value::Days { first, last, daily } => Some((x.0, (first, last, daily))),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            ),
            _ => {
                let sets: Vec<(usize, Vec<String>)> = list
                    .iter()
                    .map(|x| match &x.2.value {
                        Value::Names(v) | Value::Words(v) => (x.0, v.clone()),
                        Value::Days { .. } => (x.0, Vec::new()),
                    })
                    .collect();
                match kind {
                    Kind::Participants => verdict::participants(&sets),
                    Kind::Characterisation => verdict::wordings(&sets),
                    _ => verdict::names(&sets),
                }
            }
        };
        let values = list
            .iter()
            .map(|(d, sentence, s)| {
                let doc = &ctx.story.documents[*d];
                ComparedValue {
                    doc: doc.id.clone(),
                    start: s.start,
                    end: s.end,
                    text: doc.text.get(s.start..s.end).unwrap_or("").to_string(),
                    value: s.shown.clone(),
                    modifier: None,
                    said_by: s.said_by.clone(),
                    sentence: [sentence.0, sentence.1],
                }
            })
            .collect();
        let silent = silent_docs(ctx, e, &docs);
        out.push(comparison(
            ctx,
            Some(e),
            kind.name(),
            String::new(),
            outcome,
            values,
            silent,
        ));
    }
}

/// One participants statement per document: everyone its sentences for the event name.
fn merge_participants(
    list: Vec<(usize, (usize, usize), Stated)>,
) -> Vec<(usize, (usize, usize), Stated)> {
    let mut out: Vec<(usize, (usize, usize), Stated)> = Vec::new();
    for (d, sentence, s) in list {
        let Value::Names(names) = &s.value else {
            continue;
        };
        match out.iter_mut().find(|b| b.0 == d) {
            Some(b) => {
                if let Value::Names(all) = &mut b.2.value {
                    for n in names {
                        if !all.contains(n) {
                            all.push(n.clone());
                        }
                    }
                    all.sort();
                    b.2.shown = all.join(", ");
                }
            }
            None => out.push((d, sentence, s)),
        }
    }
    out
}

/// Builds the exported comparison, with a note saying what the verdict rests on.
fn comparison(
    ctx: &Ctx,
    event: Option<usize>,
    fact: &str,
    about: String,
    outcome: verdict::Outcome,
    values: Vec<ComparedValue>,
    silent: Vec<String>,
) -> Comparison {
    // The wordings the note quotes: for a difference, one per value that contradicts
    // another; else one per distinct wording.
    let mut wordings: Vec<String> = Vec::new();
    let mut seen_values: Vec<&str> = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if outcome.verdict == Verdict::Differ {
            if !outcome.conflicting.contains(&i) || seen_values.contains(&v.value.as_str()) {
                continue;
            }
            seen_values.push(&v.value);
        }
        let w = format!("“{}”", v.text.trim());
        if !wordings.contains(&w) {
            wordings.push(w);
        }
    }
    let mut stating: Vec<&str> = values.iter().map(|v| v.doc.as_str()).collect();
    stating.sort_unstable();
    stating.dedup();
    let names = matches!(fact, "place" | "participants" | "initiator");
    let mut note = match outcome.verdict {
        Verdict::Single => "only one source says".to_string(),
        Verdict::Agree if outcome.identical => format!("{} sources say the same", stating.len()),
        Verdict::Agree if names => "agree; some name fewer".to_string(),
        Verdict::Agree if fact == "characterisation" => {
            format!("agree in substance: {}", wordings.join(", "))
        }
        Verdict::Agree => format!("agree within tolerance: {}", wordings.join(", ")),
        Verdict::Differ => format!("differ: {}", wordings.join(" vs ")),
    };
    if !silent.is_empty() {
        let reporting = stating.len() + silent.len();
        note.push_str(&format!(
            "; {} of {reporting} sources say, {} do not",
            stating.len(),
            silent.len()
        ));
    }
    Comparison {
        event: event.map(|e| ctx.story.events[e].id.clone()),
        fact: fact.to_string(),
        about,
        verdict: outcome.verdict,
        difference: (outcome.difference * 1000.0).round() / 1000.0,
        note,
        values,
        silent,
    }
}
