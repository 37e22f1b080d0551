//! Reading one document: its figures, and the date, place, participants, initiator and
//! characterisations its sentences state for the events they speak of.

use super::*;

/// A statement with the sentence that makes it: `(event or document, sentence, statement)`.
pub(super) type Statement = (usize, (usize, usize), Stated);

/// What one document states.
#[derive(Default)]
pub(super) struct DocFacts {
    /// Figures with the words of their sentence (interned later, across documents).
    pub(super) figures: Vec<(Placed, Vec<String>)>,
    /// Event facts: `(event, sentence, statement)`.
    pub(super) stated: Vec<Statement>,
}

/// Reads one document's story sentences for figures and event facts.
pub(super) fn read_document(ctx: &Ctx, d: usize, sentences: &[Sentence]) -> DocFacts {
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
        // The sentence's words, read once for all its figures.
        let context = if found.is_empty() {
            Vec::new()
        } else {
            context_words(text, toks)
        };
        for figure in found.drain(..) {
            let event = here.event_at(figure.start);
            let time = event
                .map(|e| (ctx.events[e].first, ctx.events[e].last))
                .or_else(|| nearest_date(sentence_timexes, figure.start))
                .or(ctx.published[d].map(|p| (p, p)));
            out.figures.push((
                Placed {
                    doc: d,
                    sentence: (a, b),
                    event,
                    figure,
                    context: Vec::new(),
                    time,
                },
                context.clone(),
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
pub(super) fn nearest_date(timexes: &[&Timex], at: usize) -> Option<(i32, i32)> {
    timexes
        .iter()
        .filter_map(|t| Some((t.start.abs_diff(at), assign::timex_days(t)?)))
        .min_by_key(|x| x.0)
        .map(|x| x.1)
}

/// Stems of a sentence's content words: what two figures' sentences are compared on.
pub(super) fn context_words(text: &str, tokens: &[Token]) -> Vec<String> {
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

/// Most bytes between an event's date and the place it happened in ("in Bergen on
/// March 15", "scheduled March 15 to meet in Bergen").
pub(super) const VENUE_GAP: usize = 25;

/// The date, places, participants, initiator and characterisations a sentence states for
/// the events it speaks of.
pub(super) fn event_facts(ctx: &Ctx, s: &facts::Sentence, here: &Speaks, out: &mut Vec<Statement>) {
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
    // Where: a place named next to the event's date ("in Bergen on March 14-15", "the week
    // of Mar. 15 in Bergen"); places elsewhere in the sentence are what it is about.
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
