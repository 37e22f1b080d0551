//! PDF articles with a text layer, read with `pdf-extract` (pure Rust, on `lopdf`): the text
//! of every page, its wrapped lines joined back into paragraphs, and the title and author of
//! the document's information dictionary.
//!
//! A PDF is a program more than a text: damaged, encrypted and scanned files are common, and
//! the extractor may panic on odd ones. Each case becomes a message naming the problem; a
//! panic inside the extractor is caught and reported the same way, never shown as a crash.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use pdf_extract::{Document, Object};

use super::Raw;
use crate::corpus::manifest::Meta;

/// Fewer letters than this per page (and in all) means the pages are pictures of text: a scan.
const MIN_LETTERS_PER_PAGE: usize = 40;

/// A line shorter than this share of its paragraph's longest line, ending a sentence, ends its
/// paragraph (for PDFs that mark paragraphs by indentation rather than by space).
const SHORT_LINE_SHARE: f64 = 0.7;

thread_local! {
    /// Set while this thread runs the extractor: its panics are expected input errors.
    static IN_EXTRACTOR: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic into `None` without printing it (panics elsewhere still print).
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_EXTRACTOR.with(Cell::get) {
                previous(info);
            }
        }));
    });
    IN_EXTRACTOR.with(|c| c.set(true));
    let result = catch_unwind(AssertUnwindSafe(f)).ok();
    IN_EXTRACTOR.with(|c| c.set(false));
    result
}

/// The article of a PDF file, or why there is none.
pub fn read(bytes: &[u8]) -> (Vec<Raw>, Vec<String>) {
    match quietly(|| extract(bytes)) {
        Some(Ok(raw)) => (vec![raw], Vec::new()),
        Some(Err(problem)) => (Vec::new(), vec![problem]),
        None => (
            Vec::new(),
            vec!["damaged PDF: its content could not be read (the text extractor failed)".into()],
        ),
    }
}

fn extract(bytes: &[u8]) -> Result<Raw, String> {
    if !bytes.starts_with(b"%PDF")
        && !bytes[..bytes.len().min(1024)]
            .windows(4)
            .any(|w| w == b"%PDF")
    {
        return Err("not a PDF file (no %PDF header)".into());
    }
    let mut doc =
        Document::load_mem(bytes).map_err(|e| format!("damaged PDF, cannot be read ({e})"))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(
            "encrypted PDF: it needs a password to open; save an unprotected copy and open that"
                .into(),
        );
    }
    let pages = doc.get_pages().len().max(1);
    let mut text = String::new();
    {
        let mut output = pdf_extract::PlainTextOutput::new(&mut text);
        pdf_extract::output_doc(&doc, &mut output)
            .map_err(|e| format!("damaged PDF, its text cannot be read ({e})"))?;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS_PER_PAGE * pages.min(3) {
        return Err(format!(
            "scanned PDF without a text layer ({pages} page{} of images, {letters} letters of text): \
             run OCR on it (e.g. ocrmypdf) and open the result",
            if pages == 1 { "" } else { "s" }
        ));
    }
    let mut meta = Meta::default();
    if let Some(info) = info(&doc) {
        meta.title = info_string(info, b"Title");
        meta.author = info_string(info, b"Author");
        meta = meta.sourced_from("pdf info");
    }
    Ok(Raw {
        text: reflow(&text),
        meta,
        sections: None,
        suffix: None,
    })
}

/// The document information dictionary.
fn info(doc: &Document) -> Option<&pdf_extract::Dictionary> {
    let reference = doc.trailer.get(b"Info").ok()?.as_reference().ok()?;
    doc.get_object(reference).ok()?.as_dict().ok()
}

/// A text string of the information dictionary (UTF-16 with its byte-order mark, or
/// PDFDocEncoding, whose printable range is Latin-1's), when it says something.
fn info_string(info: &pdf_extract::Dictionary, key: &[u8]) -> Option<String> {
    let Ok(Object::String(bytes, _)) = info.get(key) else {
        return None;
    };
    let text = if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Producers fill these with file names and tool names as often as with titles.
    let junk = text.is_empty()
        || text.eq_ignore_ascii_case("untitled")
        || [".doc", ".docx", ".pdf", ".indd", ".tex"]
            .iter()
            .any(|e| text.to_ascii_lowercase().ends_with(e));
    (!junk).then_some(text)
}

/// Joins the lines the page wrapped back into paragraphs: blank lines separate paragraphs,
/// a word hyphenated across lines is joined, and a short line ending a sentence ends its
/// paragraph.
fn reflow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let mut paragraph = String::new();
        for (i, line) in lines.iter().enumerate() {
            if !paragraph.is_empty() {
                if paragraph.ends_with('-')
                    && line.starts_with(|c: char| c.is_lowercase())
                    && paragraph[..paragraph.len() - 1].ends_with(char::is_alphabetic)
                {
                    paragraph.pop();
                } else {
                    paragraph.push(' ');
                }
            }
            paragraph.push_str(line);
            let short = (line.chars().count() as f64) < longest as f64 * SHORT_LINE_SHARE;
            let ends_sentence = line.ends_with(['.', '!', '?', '"', '”', ':']);
            let last = i + 1 == lines.len();
            // A short unpunctuated line opening the document is its title.
            let title = i == 0 && out.is_empty() && short && !ends_sentence;
            if last || (short && ends_sentence) || title {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&paragraph);
                paragraph.clear();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_become_paragraphs() {
        let text = "Port Strike Ends\nDock workers voted on Tuesday to end a strike that had\nstranded ships and crews for nine days, the un-\nion said.\nThe port reopens today.\n\n\nA second paragraph here.\n";
        assert_eq!(
            reflow(text),
            "Port Strike Ends\n\nDock workers voted on Tuesday to end a strike that had stranded ships and crews for nine days, the union said.\n\nThe port reopens today.\n\nA second paragraph here."
        );
    }

    #[test]
    fn garbage_is_a_message_not_a_panic() {
        let (docs, problems) = read(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\ntrailer\n");
        assert!(docs.is_empty());
        assert!(problems[0].contains("PDF"), "{problems:?}");
        let (_, problems) = read(b"hello");
        assert!(problems[0].contains("not a PDF"), "{problems:?}");
    }
}
