//! One row per event: the table journalists paste into a spreadsheet.

use super::participant_names;
use crate::story::Story;

/// Events as CSV (RFC 4180), in time order.
pub fn csv(story: &Story) -> String {
    let mut out =
        String::from("id,start,end,granularity,value,title,participants,sources,documents\n");
    let mut events: Vec<_> = story.events.iter().collect();
    events.sort_by(|a, b| (&a.when.start, &a.id).cmp(&(&b.when.start, &b.id)));
    for event in events {
        let mut docs: Vec<&str> = event
            .mentions
            .iter()
            .filter_map(|m| story.document(&m.doc).map(|d| d.file.as_str()))
            .collect();
        docs.dedup();
        let sources = {
            let mut ids: Vec<&str> = event.mentions.iter().map(|m| m.doc.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len()
        };
        let fields = [
            event.id.clone(),
            event.when.start.clone(),
            event.when.end.clone(),
            format!("{:?}", event.when.granularity).to_lowercase(),
            event.when.value.clone(),
            event.title.clone(),
            participant_names(story, &event.participants).join("; "),
            sources.to_string(),
            docs.join("; "),
        ];
        let row: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// Quotes a field when it holds a comma, quote or line break.
pub(super) fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
