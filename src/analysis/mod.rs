//! Pure functions from a [`Corpus`] to a [`Story`]: no GUI, no I/O.
//!
//! Stages, each in its own module: [`sentences`] → [`timex`] (dates) → [`refdate`] (what each
//! document's relative dates are relative to) → [`entities`] → [`quotes`] → [`events`] →
//! [`links`].

pub mod entities;
pub mod events;
pub mod links;
pub mod quotes;
pub mod refdate;
pub mod sentences;
pub mod timex;

use crate::corpus::Corpus;
use crate::story::Story;

/// Analyses a corpus into a story.
pub fn analyze(corpus: Corpus) -> Story {
    let Corpus {
        mut documents,
        warnings,
    } = corpus;
    for doc in &mut documents {
        refdate::resolve(doc);
    }
    let mut story = Story::new();
    for doc in &documents {
        let dct = doc.published.as_deref().and_then(|d| d.parse().ok());
        for section in doc.sections.iter().filter(|s| s.kind.feeds_story()) {
            for mut t in timex::tag(&doc.text[section.start..section.end], dct) {
                t.start += section.start;
                t.end += section.start;
                t.doc = Some(doc.id.clone());
                story.timexes.push(t);
            }
        }
    }
    story.documents = documents;
    story.warnings = warnings;
    story
}
