//! The exported comparison: values, verdict, the documents that stay silent and a note
//! saying what the verdict rests on.

use super::*;

/// Documents reporting event `e` that state none of the values.
pub(super) fn silent_docs(ctx: &Ctx, e: usize, stating: &[usize]) -> Vec<String> {
    ctx.event_docs[e]
        .iter()
        .filter(|d| !stating.contains(d))
        .map(|&d| ctx.story.documents[d].id.clone())
        .collect()
}

/// Builds the exported comparison, with a note saying what the verdict rests on.
pub(super) fn comparison(
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
