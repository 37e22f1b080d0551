//! Comparisons of the event facts that are no figures (date, place, participants,
//! initiator, characterisation), one per event and kind.

use super::read::Statement;
use super::*;

/// Comparisons of the event facts that are no figures, one per event and kind.
pub(super) fn event_comparisons(ctx: &Ctx, per_doc: &[DocFacts], out: &mut Vec<Comparison>) {
    let mut by_fact: FxHashMap<(usize, Kind), Vec<Statement>> = FxHashMap::default();
    for (d, doc) in per_doc.iter().enumerate() {
        for (e, sentence, stated) in &doc.stated {
            by_fact
                .entry((*e, stated.kind))
                .or_default()
                .push((d, *sentence, stated.clone()));
        }
    }
    let mut facts: Vec<((usize, Kind), Vec<Statement>)> = by_fact.into_iter().collect();
    facts.sort_by_key(|(key, _)| *key);
    // Facts are judged one by one, independently: in parallel, kept in order.
    let judged: Vec<Comparison> = facts
        .into_par_iter()
        .map(|(key, list)| judge(ctx, key, list))
        .collect();
    out.extend(judged);
}

/// The comparison of one fact of one event, from every statement of it.
fn judge(ctx: &Ctx, key: (usize, Kind), mut list: Vec<Statement>) -> Comparison {
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
    comparison(
        ctx,
        Some(e),
        kind.name(),
        String::new(),
        outcome,
        values,
        silent,
    )
}

/// One participants statement per document: everyone its sentences for the event name.
pub(super) fn merge_participants(list: Vec<Statement>) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
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
