//! Single long documents: the analysis time of one article of 1, 2, 4, 8, 16 and 20 MB, so
//! that growth with a document's length shows (linear work doubles with each row).
//!
//! Run with `cargo bench --bench long_document`; it prints figures, it asserts nothing. Two
//! kinds of text: prose (generated news paragraphs, one after another, under one headline)
//! and the same words without any sentence mark, as an automatic transcript comes.

use std::time::Instant;

/// The allocator the `newsline` binary uses, so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const MB: usize = 1_000_000;

fn main() {
    println!("newsline long-document benchmark (one document, analysed whole)");
    let sizes = [1, 2, 4, 8, 16, 20];
    let prose = prose(sizes[sizes.len() - 1] * MB);
    for (kind, text) in [
        ("prose", prose.clone()),
        ("unpunctuated", unpunctuated(&prose)),
    ] {
        for mb in sizes {
            let text = cut(&text, mb * MB);
            let corpus = newsline::corpus::load_in_memory(&[("long.txt", text.as_bytes())]);
            let start = Instant::now();
            let story = newsline::analysis::analyze(corpus);
            let seconds = start.elapsed().as_secs_f64();
            println!(
                "{kind:>12}, {mb:>2} MB: {seconds:7.2} s ({:.2} s per MB; {} events, {} entities)",
                seconds / mb as f64,
                story.events.len(),
                story.entities.len()
            );
        }
    }
}

/// One headline and then the body paragraphs of generated articles until `bytes` is reached
/// (their captions, bylines, teasers and comments left out: all of it is body).
fn prose(bytes: usize) -> String {
    let mut text = String::from("Talks On A New Pipeline Drag On\n\n");
    for article in newsline::generate::articles(20_000, 11) {
        for paragraph in article.text.split("\n\n").skip(1) {
            let p = paragraph.trim();
            if p.len() > 80 && !p.contains('\n') && p.ends_with(['.', '”', '"']) {
                text.push_str(p);
                text.push_str("\n\n");
            }
        }
        if text.len() >= bytes {
            break;
        }
    }
    text
}

/// The body on one line, its sentence and quote marks turned into commas.
fn unpunctuated(prose: &str) -> String {
    let (headline, body) = prose.split_once("\n\n").unwrap_or(("", prose));
    let body: String = body
        .chars()
        .map(|c| match c {
            '\n' => ' ',
            '.' | '?' | '!' | ';' | ':' | '“' | '”' | '"' => ',',
            c => c,
        })
        .collect();
    format!("{headline}\n\n{body}")
}

/// The first `bytes` of `text`, ending at a space.
fn cut(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind(' ').unwrap_or(end);
    &text[..end]
}
