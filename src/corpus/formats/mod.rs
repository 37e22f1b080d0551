//! Article formats, one reader per file: plain text, Markdown, HTML pages, single-file pages
//! (MHTML), PDF, and JSON/JSONL records. Each gives the plain text that offsets index into,
//! whatever metadata the format carries, and, where the format's structure tells them, the
//! sections of the text.

mod html;
mod json;
mod markdown;
mod mhtml;
mod pdf;

use super::decode;
use super::manifest::Meta;
use super::{LoadProblem, Section};

/// One article read from a file.
pub struct Raw {
    pub text: String,
    pub meta: Meta,
    /// Sections the format's own structure gives (a page's article and what surrounds it);
    /// `None` leaves the split to the line rules of [`super::sections`].
    pub sections: Option<Vec<Section>>,
    /// Which record of a JSON/JSONL file it was (`:LINE` or `#INDEX`), to name it.
    pub suffix: Option<String>,
}

impl Raw {
    fn plain(text: String) -> Raw {
        Raw {
            text,
            meta: Meta::default(),
            sections: None,
            suffix: None,
        }
    }
}

/// The articles of a file, and the problems met (each with its line for JSONL), each with its
/// kind. A problem that costs the whole file leaves the list of articles empty.
pub fn articles(extension: &str, bytes: &[u8]) -> (Vec<Raw>, Vec<(LoadProblem, String)>) {
    let malformed = |(raws, problems): (Vec<Raw>, Vec<String>)| {
        let problems = problems
            .into_iter()
            .map(|p| (LoadProblem::Malformed, p))
            .collect();
        (raws, problems)
    };
    match extension {
        "pdf" => malformed(pdf::read(bytes)),
        "mhtml" | "mht" => malformed(mhtml::read(bytes)),
        "html" | "htm" => text_then(decode::decode_html(bytes), |text| html_page(&text)),
        "md" => text_then(decode::decode(bytes), |text| {
            (vec![markdown::read(&text)], Vec::new())
        }),
        "json" => text_then(decode::decode(bytes), |text| json::json(&text)),
        "jsonl" => text_then(decode::decode(bytes), |text| json::jsonl(&text)),
        _ => text_then(decode::decode(bytes), |text| {
            (vec![Raw::plain(text)], Vec::new())
        }),
    }
}

/// Reads decoded text with `read`, passing on the decoder's note (an encoding) or refusal
/// (not text), and the reader's problems (malformed).
fn text_then(
    decoded: Result<(String, Option<String>), String>,
    read: impl FnOnce(String) -> (Vec<Raw>, Vec<String>),
) -> (Vec<Raw>, Vec<(LoadProblem, String)>) {
    match decoded {
        Ok((text, note)) => {
            if text.trim().is_empty() {
                return (
                    Vec::new(),
                    vec![(LoadProblem::Empty, "empty file (no text)".into())],
                );
            }
            let (raws, problems) = read(text);
            let problems = note
                .map(|n| (LoadProblem::Encoding, n))
                .into_iter()
                .chain(problems.into_iter().map(|p| (LoadProblem::Malformed, p)))
                .collect();
            (raws, problems)
        }
        Err(problem) => (Vec::new(), vec![(LoadProblem::Binary, problem)]),
    }
}

/// A page's decoded HTML (a file's, or the root part of an MHTML file), read as a page.
fn html_page(text: &str) -> (Vec<Raw>, Vec<String>) {
    let (raw, note) = html::read(text);
    (vec![raw], note.into_iter().collect())
}
