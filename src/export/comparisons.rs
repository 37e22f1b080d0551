//! Where sources differ, as a sheet of its own: one row per outlet's value of a compared
//! fact, so a spreadsheet can filter by verdict and sort by the size of the difference.

use super::csv::quote;
use crate::story::{Story, Verdict};

/// The story's comparisons as CSV (RFC 4180): one row per value, in the story's order.
pub fn comparisons_csv(story: &Story) -> String {
    let mut out = String::from(
        "event,event_title,fact,about,verdict,difference,doc,file,outlet,text,value,mod,start,end,sentence,note\n",
    );
    for c in &story.comparisons {
        let title = c
            .event
            .as_deref()
            .and_then(|id| story.event(id))
            .map_or("", |e| e.title.as_str());
        let verdict = match c.verdict {
            Verdict::Agree => "agree",
            Verdict::Differ => "differ",
            Verdict::Single => "single",
        };
        for v in &c.values {
            let doc = story.document(&v.doc);
            let sentence = doc
                .and_then(|d| d.text.get(v.sentence[0]..v.sentence[1]))
                .unwrap_or("")
                .trim();
            let fields = [
                c.event.clone().unwrap_or_default(),
                title.to_string(),
                c.fact.clone(),
                c.about.clone(),
                verdict.to_string(),
                c.difference.to_string(),
                v.doc.clone(),
                doc.map_or_else(String::new, |d| d.file.clone()),
                doc.and_then(|d| d.outlet.clone()).unwrap_or_default(),
                v.text.clone(),
                v.value.clone(),
                v.modifier.clone().unwrap_or_default(),
                v.start.to_string(),
                v.end.to_string(),
                sentence.to_string(),
                c.note.clone(),
            ];
            let row: Vec<String> = fields.iter().map(|f| quote(f)).collect();
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    out
}
