//! What every fuzz target checks: bytes through a public entry point of the library, then the
//! invariants the rest of the program relies on. A panic anywhere, or a broken invariant, is a
//! crash that libFuzzer keeps as a reproducer.

use newsline::corpus::{Corpus, DateBasis, Document};
use newsline::story::Story;

/// An article that always loads, for targets whose input is only part of a folder.
pub const GOOD: &[u8] =
    b"Council Approves Bridge\n\nMayor Lena Ortiz said on Tuesday, March 5, 2024, that the council approved the bridge.\n";

/// Reads `files` as one folder (the readers chosen by each name's extension), checks the
/// corpus, analyses it and checks the story and its exports.
pub fn read_and_analyse(files: &[(&str, &[u8])]) {
    let corpus = newsline::corpus::load_in_memory(files);
    check_corpus(&corpus);
    analyse(corpus);
}

/// Arbitrary text as the body of one article dated 2021-12-31, analysed whole.
pub fn analyse_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let sections = newsline::corpus::sections::split(&text);
    let document = Document {
        id: "d1".into(),
        file: "fuzz.txt".into(),
        title: None,
        outlet: None,
        url: None,
        published: Some("2021-12-31".into()),
        published_basis: DateBasis::Manifest,
        text,
        sections,
        about: Default::default(),
    };
    let corpus = Corpus {
        documents: vec![document],
        warnings: Vec::new(),
    };
    check_corpus(&corpus);
    let date = jiff::civil::date(2021, 12, 31);
    for t in newsline::analysis::timex::tag(&corpus.documents[0].text, Some(date)) {
        assert!(
            corpus.documents[0].text.get(t.start..t.end).is_some(),
            "{t:?}"
        );
    }
    analyse(corpus);
}

/// Every document's sections tile its text on character boundaries; every warning names a
/// file and says something.
pub fn check_corpus(corpus: &Corpus) {
    for d in &corpus.documents {
        let mut end = 0;
        for s in &d.sections {
            assert_eq!(s.start, end, "sections tile the text: {:?}", d.sections);
            assert!(s.start < s.end, "no empty section: {:?}", d.sections);
            assert!(d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end));
            end = s.end;
        }
        assert_eq!(end, d.text.len(), "sections reach the end");
    }
    for w in &corpus.warnings {
        assert!(!w.file.is_empty() && !w.problem.is_empty(), "{w:?}");
    }
}

fn analyse(corpus: Corpus) {
    let story = newsline::analysis::analyze(corpus);
    check_story(&story);
    let json = newsline::export::json(&story);
    let back: Story = serde_json::from_str(&json).expect("the export reads back");
    assert_eq!(back.documents.len(), story.documents.len());
    let _ = newsline::export::csv(&story);
    let _ = newsline::export::gexf(&story);
    let _ = newsline::export::timelinejs(&story);
}

/// Every offset the story holds points into its document on character boundaries, and every
/// id it refers to exists.
pub fn check_story(story: &Story) {
    let span = |doc: &str, start: usize, end: usize, what: &str| {
        let d = story
            .document(doc)
            .unwrap_or_else(|| panic!("{what}: no document {doc}"));
        assert!(
            start <= end && d.text.get(start..end).is_some(),
            "{what}: [{start}, {end}) is not a span of {doc} ({} bytes)",
            d.text.len()
        );
    };
    for e in &story.entities {
        for m in &e.mentions {
            span(&m.doc, m.start, m.end, "entity mention");
        }
    }
    for v in &story.events {
        for m in &v.mentions {
            span(&m.doc, m.start, m.end, "event mention");
        }
        for p in &v.participants {
            assert!(story.entity(p).is_some(), "participant {p}");
        }
    }
    for q in &story.quotes {
        span(&q.doc, q.start, q.end, "quote");
        assert!(story.entity(&q.speaker).is_some(), "speaker {}", q.speaker);
    }
    for t in &story.timexes {
        span(
            t.doc.as_deref().unwrap_or_default(),
            t.start,
            t.end,
            "timex",
        );
    }
    for l in &story.links {
        assert!(
            story.entity(&l.a).is_some() && story.entity(&l.b).is_some(),
            "{l:?}"
        );
    }
}
