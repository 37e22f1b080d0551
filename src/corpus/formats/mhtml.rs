//! Single-file saved pages (`.mhtml`, `.mht`, as browsers "save as single file"): a MIME
//! multipart message whose root part is the page's HTML, quoted-printable or base64 encoded,
//! followed by its images and styles. The MIME parsing and transfer decoding are
//! `mail-parser`'s; the page is then read as any saved page.

use mail_parser::{MessageParser, MimeHeaders};

use super::Raw;

/// The page inside an MHTML file, with the address it was saved from.
pub fn read(bytes: &[u8]) -> (Vec<Raw>, Vec<String>) {
    let Some(message) = MessageParser::default().parse(bytes) else {
        return (
            Vec::new(),
            vec!["not a saved web page: no MIME headers (is it an .mhtml file?)".into()],
        );
    };
    let Some(html) = message.body_html(0).filter(|h| !h.trim().is_empty()) else {
        let problem = if truncated(&message) {
            "truncated single-file page: the file ends before its HTML part (save the page again)"
        } else {
            "no HTML page inside this single-file page"
        };
        return (Vec::new(), vec![problem.into()]);
    };
    let (mut raws, mut problems) = super::html_page(&html);
    let mut raw = raws.remove(0);
    if truncated(&message) {
        problems.push(
            "truncated single-file page (its last MIME part does not close); read what is there"
                .into(),
        );
    }
    if raw.meta.url.is_none() {
        for header in ["Snapshot-Content-Location", "Content-Location"] {
            if let Some(url) = message.header(header).and_then(|h| h.as_text())
                && url.starts_with("http")
            {
                raw.meta.url = Some(url.trim().to_string());
                raw.meta.sources.url = Some(format!("mhtml {header}"));
                break;
            }
        }
    }
    if raw.meta.title.is_none()
        && let Some(subject) = message.subject().filter(|s| !s.trim().is_empty())
    {
        raw.meta.title = Some(subject.trim().to_string());
        raw.meta.sources.title = Some("mhtml Subject".into());
    }
    (vec![raw], problems)
}

/// Whether the multipart message lacks its closing boundary (`--BOUNDARY--`): the download or
/// copy was cut short.
fn truncated(message: &mail_parser::Message) -> bool {
    let boundary = message
        .root_part()
        .content_type()
        .and_then(|c| c.attribute("boundary"));
    let Some(boundary) = boundary else {
        return false;
    };
    let closing = format!("--{boundary}--");
    memchr::memmem::find(message.raw_message(), closing.as_bytes()).is_none()
}
