//! Exports of a story: `newsline/1` JSON (the contract), an events CSV, a CSV of where the
//! sources differ, a GEXF graph for Gephi, and TimelineJS JSON for publishing. Each reads the [`Story`] only.

mod comparisons;
mod csv;
mod gexf;
pub mod slides;
mod timelinejs;
pub mod xml;

pub use self::comparisons::comparisons_csv;
pub use self::csv::csv;
pub use self::gexf::gexf;
pub use self::timelinejs::timelinejs;

use crate::story::Story;

/// The `newsline/1` JSON export: the serialized story.
pub fn json(story: &Story) -> String {
    let mut out = Vec::new();
    write_json(story, &mut out).expect("a story always serializes into memory");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`json`], written out as it is serialized, so that a big story's export never sits in
/// memory whole (10,000 generated articles make 78 MB of JSON).
pub fn write_json(story: &Story, out: impl std::io::Write) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, story)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Display names of an event's participants, in order.
fn participant_names(story: &Story, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            story
                .entity(id)
                .map_or_else(|| id.clone(), |e| e.name.clone())
        })
        .collect()
}

/// The source text of a mention, or "" when the mention points outside its document.
fn mention_text<'a>(story: &'a Story, m: &crate::story::Mention) -> &'a str {
    story
        .document(&m.doc)
        .and_then(|d| d.text.get(m.start..m.end))
        .unwrap_or("")
}
