//! Quotations as pairs of straight or curly double quote marks within one paragraph.

use super::Ctx;

/// A pair of quote marks: `[mark_start, mark_end)` with the marks, `[start, end)` inside them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Marks {
    pub(super) mark_start: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) mark_end: usize,
}

impl Ctx<'_> {
    /// Pairs of double quote marks in `[start, end)`.
    pub(super) fn marks(&self, start: usize, end: usize) -> Vec<Marks> {
        let mut out = Vec::new();
        let mut open: Option<(usize, char)> = None;
        for (i, c) in self.text[start..end].char_indices() {
            let at = start + i;
            let close = match (c, open) {
                ('“', _) => {
                    open = Some((at, c));
                    None
                }
                ('”', Some((o, '“'))) => Some(o),
                ('"', None) => {
                    open = Some((at, c));
                    None
                }
                ('"', Some((o, '"'))) => Some(o),
                _ => None,
            };
            if let Some(o) = close {
                open = None;
                let inner_start = o + self.text[o..].chars().next().map_or(1, char::len_utf8);
                let inner = &self.text[inner_start..at];
                let lead = inner.len() - inner.trim_start().len();
                out.push(Marks {
                    mark_start: o,
                    start: inner_start + lead,
                    end: inner_start + inner.trim_end().len(),
                    mark_end: at + c.len_utf8(),
                });
            }
        }
        out.retain(|q| q.start < q.end);
        out
    }
}
