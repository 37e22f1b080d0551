//! TimelineJS 3 JSON, the format journalists publish timelines with.

use serde_json::{Value, json};

use super::{mention_text, participant_names};
use crate::story::{Granularity, Story};

/// Every event as a TimelineJS slide: its date at its own precision, the people as the group,
/// and the source sentences (with their documents) as the slide text.
pub fn timelinejs(story: &Story) -> String {
    let events: Vec<Value> = story
        .events
        .iter()
        .map(|event| {
            let mut text = String::new();
            for m in &event.mentions {
                let source = story
                    .document(&m.doc)
                    .map(|d| {
                        d.outlet
                            .clone()
                            .or(d.title.clone())
                            .unwrap_or(d.file.clone())
                    })
                    .unwrap_or_default();
                text.push_str(&format!(
                    "<p>“{}” <em>— {}</em></p>",
                    html_escape(mention_text(story, m).trim()),
                    html_escape(&source)
                ));
            }
            let people = participant_names(story, &event.participants);
            let mut slide = json!({
                "unique_id": event.id,
                "start_date": date(&event.when.start, event.when.granularity),
                "text": {"headline": html_escape(&event.title), "text": text},
            });
            if event.when.end != event.when.start {
                slide["end_date"] = date(&event.when.end, event.when.granularity);
            }
            if let Some(first) = people.first() {
                slide["group"] = json!(first);
            }
            slide
        })
        .collect();
    let title = story
        .documents
        .first()
        .and_then(|d| d.title.clone())
        .unwrap_or_else(|| "Newsline".to_string());
    let doc = json!({
        "title": {"text": {"headline": html_escape(&title),
                           "text": format!("{} articles, {} events", story.documents.len(), story.events.len())}},
        "events": events,
    });
    serde_json::to_string_pretty(&doc).expect("json values serialize") + "\n"
}

/// A TimelineJS date object holding only the parts the granularity knows.
fn date(iso: &str, granularity: Granularity) -> Value {
    let mut parts = iso.splitn(3, '-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    let mut d = json!({"year": year.unwrap_or_default()});
    let keeps_month = !matches!(granularity, Granularity::Year | Granularity::Decade);
    if let (true, Some(m)) = (keeps_month, month) {
        d["month"] = json!(m.trim_start_matches('0'));
        if let (true, Some(day)) = (
            matches!(granularity, Granularity::Day | Granularity::Week),
            day,
        ) {
            d["day"] = json!(day.trim_start_matches('0'));
        }
    }
    d
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_only_known_parts() {
        assert_eq!(
            date("2021-12-30", Granularity::Day),
            json!({"year": "2021", "month": "12", "day": "30"})
        );
        assert_eq!(
            date("2021-12-01", Granularity::Month),
            json!({"year": "2021", "month": "12"})
        );
        assert_eq!(
            date("2014-01-01", Granularity::Year),
            json!({"year": "2014"})
        );
    }
}
