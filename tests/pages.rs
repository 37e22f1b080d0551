//! Saved web pages, single-file pages, PDFs and pages in other languages, read from the small
//! invented fixtures in `tests/fixtures/pages/`.

use std::path::{Path, PathBuf};

use newsline::corpus::{Corpus, Document, SectionKind, load_paths};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

fn load(name: &str) -> Corpus {
    load_paths(&[fixture(name)])
}

/// The text of a document's sections of `kind`, one per line.
fn text_of(doc: &Document, kind: SectionKind) -> String {
    doc.sections
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| doc.text[s.start..s.end].trim())
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_contiguous(doc: &Document) {
    let mut end = 0;
    for s in &doc.sections {
        assert_eq!(s.start, end, "{:?}", doc.sections);
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
        end = s.end;
    }
    assert_eq!(end, doc.text.len());
}

#[test]
fn a_page_gives_its_article_and_greys_the_rest() {
    let corpus = load("harbor-page.html");
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let doc = &corpus.documents[0];
    assert_contiguous(doc);
    assert_eq!(
        doc.title.as_deref(),
        Some("Harbor Strike Ends After Nine Days")
    );
    assert_eq!(doc.outlet.as_deref(), Some("The Hollis Courier"));
    assert_eq!(doc.published.as_deref(), Some("2023-05-02"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://courier.example/2023/05/harbor-strike-ends")
    );
    assert_eq!(doc.about.author.as_deref(), Some("Ann Lee"));
    assert_eq!(doc.about.language.as_deref(), Some("eng"));
    let from = &doc.about.metadata_from;
    assert_eq!(from.title.as_deref(), Some("json-ld headline"));
    assert_eq!(from.published.as_deref(), Some("json-ld datePublished"));
    assert_eq!(from.outlet.as_deref(), Some("json-ld publisher"));
    assert_eq!(from.url.as_deref(), Some("link rel=canonical"));
    assert_eq!(from.author.as_deref(), Some("json-ld author"));

    // The headline holds the title and opens the text.
    let headline = text_of(doc, SectionKind::Headline);
    assert!(doc.text.starts_with("Harbor Strike Ends After Nine Days"));
    assert!(headline.starts_with("Harbor Strike Ends After Nine Days"));
    assert!(headline.contains("A deal on night shifts"), "{headline}");
    // The body is the article, all of it, and nothing else.
    let body = text_of(doc, SectionKind::Body);
    for words in [
        "Dock workers in Port Hollis voted on Tuesday",
        "take about a week to clear",
        "would be signed on Friday",
        "divert cargo to other ports",
    ] {
        assert!(body.contains(words), "{words:?} missing from {body}");
    }
    for leak in [
        "News",
        "Sport",
        "Share on",
        "Related",
        "Ferry fares",
        "About time",
        "All rights",
        "Ann Lee",
        "Search",
    ] {
        assert!(!body.contains(leak), "{leak:?} leaked into {body}");
        assert!(!headline.contains(leak), "{leak:?} leaked into {headline}");
    }
    assert_eq!(
        text_of(doc, SectionKind::Caption),
        "Cranes stood idle at the container terminal during the strike."
    );
    // What the article leaves out stays in the text, greyed: menus, related list, comments.
    let greyed = text_of(doc, SectionKind::Boilerplate);
    for kept in [
        "Weather",
        "Ferry fares to rise in June",
        "All rights reserved",
    ] {
        assert!(greyed.contains(kept), "{kept:?} not kept in {greyed}");
    }
    let comments = text_of(doc, SectionKind::Comments);
    assert!(comments.contains("About time!"), "{comments}");
    assert!(comments.contains("We do, as always."), "{comments}");
    assert!(!comments.contains("Dock workers"));
}

#[test]
fn the_author_of_a_page_is_not_a_person_of_its_story() {
    let story = newsline::analysis::analyze(load("harbor-page.html"));
    let people: Vec<&str> = story
        .entities
        .iter()
        .filter(|e| e.kind == newsline::story::EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert!(people.contains(&"Ruth Calder"), "{people:?}");
    assert!(!people.iter().any(|p| p.contains("Ann Lee")), "{people:?}");
    assert!(!people.iter().any(|p| p.contains("Kim")), "{people:?}");
}

#[test]
fn a_single_file_page_is_read_like_the_page() {
    let corpus = load("crane.mhtml");
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let doc = &corpus.documents[0];
    assert_contiguous(doc);
    assert_eq!(
        doc.title.as_deref(),
        Some("New Crane Arrives at the Terminal")
    );
    assert_eq!(doc.outlet.as_deref(), Some("Hollis Courier"));
    assert_eq!(doc.published.as_deref(), Some("2023-05-09"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://courier.example/2023/05/new-crane")
    );
    let body = text_of(doc, SectionKind::Body);
    // Quoted-printable soft line breaks joined, UTF-8 decoded.
    assert!(body.contains("aboard a heavy-lift ship"), "{body}");
    assert!(body.contains("dockers’ strike"), "{body}");
    assert!(body.contains("“a good day for the port"), "{body}");
    assert!(
        !body.contains("Marta Kowal") && !body.contains("Sport"),
        "{body}"
    );
}

#[test]
fn a_truncated_single_file_page_is_named() {
    let corpus = load("truncated.mht");
    let w = &corpus.warnings[0];
    assert!(w.file.ends_with("truncated.mht"), "{w:?}");
    assert!(w.problem.contains("truncated"), "{w:?}");
}

#[test]
fn a_pdf_with_text_is_read_into_paragraphs() {
    let corpus = load("report.pdf");
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let doc = &corpus.documents[0];
    assert_contiguous(doc);
    assert_eq!(
        doc.title.as_deref(),
        Some("Harbor Strike Ends After Nine Days")
    );
    assert_eq!(doc.about.author.as_deref(), Some("Ann Lee"));
    assert_eq!(doc.about.metadata_from.title.as_deref(), Some("pdf info"));
    let body = text_of(doc, SectionKind::Body);
    assert!(
        body.contains("a strike that had stranded ships and crews for nine days"),
        "{body}"
    );
    assert!(body.contains("Union leader Tomas Brandt"), "{body}");
    assert_eq!(
        text_of(doc, SectionKind::Headline),
        "Harbor Strike Ends After Nine Days"
    );
}

#[test]
fn scanned_encrypted_and_corrupt_pdfs_are_named_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["scan.pdf", "encrypted.pdf", "report.pdf"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let mut corrupt = std::fs::read(fixture("report.pdf")).unwrap();
    corrupt.truncate(corrupt.len() / 3);
    std::fs::write(dir.path().join("corrupt.pdf"), corrupt).unwrap();
    std::fs::write(dir.path().join("fake.pdf"), b"just some words").unwrap();
    let corpus = load_paths(&[dir.path()]);
    let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["report.pdf"]);
    let problem = |file: &str| {
        corpus
            .warnings
            .iter()
            .find(|w| w.file.ends_with(file))
            .map(|w| w.problem.clone())
            .unwrap_or_else(|| panic!("no warning for {file}: {:?}", corpus.warnings))
    };
    assert!(problem("scan.pdf").contains("scanned PDF without a text layer"));
    assert!(problem("encrypted.pdf").contains("encrypted PDF"));
    assert!(problem("corrupt.pdf").contains("PDF"));
    assert!(problem("fake.pdf").contains("not a PDF"));
}

#[test]
fn a_page_in_french_loads_with_a_warning_and_no_invented_people() {
    let corpus = load("greve-du-port.html");
    let doc = &corpus.documents[0];
    // Declared windows-1252, decoded as such.
    assert_eq!(
        doc.title.as_deref(),
        Some("La grève du port prend fin après neuf jours")
    );
    assert!(text_of(doc, SectionKind::Body).contains("équipages"));
    assert_eq!(doc.about.language.as_deref(), Some("fra"));
    assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
    let w = &corpus.warnings[0];
    assert!(w.file.ends_with("greve-du-port.html"));
    assert_eq!(
        w.problem,
        "written in French; the analysis reads English only, so its people and events are not extracted"
    );
    let story = newsline::analysis::analyze(corpus);
    assert_eq!(story.documents.len(), 1);
    assert!(story.entities.is_empty(), "{:?}", story.entities);
    assert!(story.events.is_empty());
}

#[test]
fn a_foreign_page_is_set_aside_without_moving_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("harbor-page.html"), dir.path().join("a.html")).unwrap();
    std::fs::copy(fixture("greve-du-port.html"), dir.path().join("b.html")).unwrap();
    std::fs::copy(fixture("crane.mhtml"), dir.path().join("c.mhtml")).unwrap();
    let story = newsline::analysis::analyze(load_paths(&[dir.path()]));
    let docs: Vec<(&str, &str)> = story
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.file.as_str()))
        .collect();
    assert_eq!(
        docs,
        [("d1", "a.html"), ("d2", "b.html"), ("d3", "c.mhtml")]
    );
    assert!(
        story
            .entities
            .iter()
            .all(|e| e.mentions.iter().all(|m| m.doc != "d2"))
    );
    assert!(
        story
            .entities
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.doc == "d3"))
    );
}

#[test]
fn a_page_saved_complete_is_one_article_not_its_files_folder() {
    let corpus = load("saved");
    let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["Ferry Fares.html"]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert_eq!(
        corpus.documents[0].title.as_deref(),
        Some("Ferry Fares to Rise in June")
    );
    assert_eq!(
        corpus.documents[0].outlet.as_deref(),
        Some("Hollis Courier")
    );
}

#[test]
fn malformed_html_still_loads_without_panicking() {
    let pages: [&[u8]; 5] = [
        b"<html><body><p>Unclosed <b>bold <i>italic <div>nested</p></span></table>",
        b"<<<>>><!-- never closed",
        b"<html><head><title></title></head><body></body></html>",
        b"<p>One short line.</p>",
        b"<script>only a script</script>",
    ];
    for page in pages {
        let corpus = newsline::corpus::load_in_memory(&[("x.html", page)]);
        for d in &corpus.documents {
            assert_contiguous(d);
        }
    }
    // Parsing and reader-mode scoring grow with depth: 20,000 unclosed <div>s took minutes.
    let started = std::time::Instant::now();
    let deep = format!("{}<p>Words at the bottom.</p>", "<div>".repeat(200_000));
    let corpus = newsline::corpus::load_in_memory(&[("deep.html", deep.as_bytes())]);
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert_eq!(corpus.documents[0].text, "Words at the bottom.");
    assert!(
        corpus.warnings[0]
            .problem
            .starts_with("malformed HTML (elements nested about 200000 deep"),
        "{:?}",
        corpus.warnings
    );
}

#[test]
fn damaged_pdfs_and_single_file_pages_never_panic() {
    let mut seed = 0x9E3779B97F4A7C15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for name in ["report.pdf", "crane.mhtml"] {
        let original = std::fs::read(fixture(name)).unwrap();
        for round in 0..150 {
            let mut bytes = original.clone();
            for _ in 0..(1 + round % 8) {
                let at = (next() as usize) % bytes.len();
                bytes[at] = next() as u8;
            }
            if round % 5 == 0 {
                bytes.truncate((next() as usize) % bytes.len());
            }
            let corpus = newsline::corpus::load_in_memory(&[(name, &bytes)]);
            assert!(corpus.documents.len() + corpus.warnings.len() >= 1);
            for d in &corpus.documents {
                assert_contiguous(d);
            }
        }
    }
}
