//! Comparisons of figures: each event's own duration and every subject that two or more
//! documents give a figure for.

use super::*;

/// Comparisons of figures: each event's own duration, and every subject two or more
/// documents give a figure for.
pub(super) fn figure_comparisons(ctx: &Ctx, per_doc: &[DocFacts], out: &mut Vec<Comparison>) {
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
    let weight: Vec<f32> = frequency
        .iter()
        .map(|&f| (n / f as f32).ln().max(0.0) + 0.1)
        .collect();
    let groups = group::group(&placed, &weight);
    // Groups are judged one by one, independently: in parallel, kept in order.
    let judged: Vec<Option<Comparison>> = groups
        .into_par_iter()
        .map(|group| judge(ctx, &placed, &group))
        .collect();
    out.extend(judged.into_iter().flatten());
}

/// The comparison of one group of figures, when two documents or the event's own duration
/// make one.
fn judge(ctx: &Ctx, placed: &[Placed], group: &[usize]) -> Option<Comparison> {
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
        return None;
    }
    let first_event = members.iter().find_map(|m| m.event);
    let event = match own_event {
        Some(e) => Some(e),
        None if members
            .iter()
            .all(|m| m.event.is_none() || m.event == first_event) =>
        {
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
                .filter(|m| {
                    words::happening(words::family(&words::stem(&m.figure.about))).is_some()
                })
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
    Some(comparison(
        ctx,
        event,
        members[0].figure.dim.name(),
        about,
        outcome,
        values,
        silent,
    ))
}

/// What a group of figures is about, in words: the person of an age, else the wording
/// most of them use.
pub(super) fn about_of(ctx: &Ctx, members: &[&Placed]) -> String {
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

pub(super) fn value_of(ctx: &Ctx, d: usize, sentence: (usize, usize), f: &Figure) -> ComparedValue {
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
