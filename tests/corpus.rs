//! Reading corpora from disk: formats, the manifest, and every kind of bad input.

use std::fs;
use std::path::Path;

use newsline::corpus::{Corpus, DateBasis, SectionKind, load_paths};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn warning_for<'a>(corpus: &'a Corpus, file_part: &str) -> &'a str {
    corpus
        .warnings
        .iter()
        .find(|w| w.file.contains(file_part))
        .map(|w| w.problem.as_str())
        .unwrap_or_else(|| panic!("no warning for {file_part}: {:?}", corpus.warnings))
}

#[test]
fn a_folder_is_read_recursively_in_order_with_its_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "b.txt",
        b"Second Story\n\nThe port reopened on Monday.\n",
    );
    write(
        d,
        "a.txt",
        b"First Story\n\nThe mayor resigned on Friday.\n",
    );
    write(d, "sub/c.md", b"# Third Story\n\nA **bridge** opened.\n");
    write(d, ".hidden/x.txt", b"Hidden\n\nNot read.\n");
    write(d, ".notes.txt", b"Hidden\n\nNot read.\n");
    write(d, "image.png", b"\x89PNG");
    write(
        d,
        "corpus.json",
        br#"{"documents":[{"file":"a.txt","title":"Mayor quits","outlet":"Wire","url":"http://w/a","published":"2023-03-04"}]}"#,
    );
    let corpus = load_paths(&[d]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["a.txt", "b.txt", "sub/c.md"]);
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d1", "d2", "d3"]);
    let a = &corpus.documents[0];
    assert_eq!(a.title.as_deref(), Some("Mayor quits"));
    assert_eq!(a.outlet.as_deref(), Some("Wire"));
    assert_eq!(a.published.as_deref(), Some("2023-03-04"));
    assert_eq!(a.published_basis, DateBasis::Manifest);
    let b = &corpus.documents[1];
    assert_eq!(
        b.title.as_deref(),
        Some("Second Story"),
        "title from the headline"
    );
    assert_eq!(b.published_basis, DateBasis::None);
    assert_eq!(corpus.documents[2].text, "Third Story\n\nA bridge opened.");
    assert_eq!(corpus.documents[2].sections[0].kind, SectionKind::Headline);
}

#[test]
fn json_and_jsonl_records_become_documents_with_their_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "feed.jsonl",
        b"{\"title\":\"Dam\",\"text\":\"The dam burst.\",\"date\":\"2020-07-01T09:00:00Z\",\"source\":\"Gazette\"}\n{oops\n{\"body\":\"Rain stopped.\"}\n",
    );
    write(
        d,
        "one.json",
        br#"{"content":"Markets fell.","published":"2020-07-02"}"#,
    );
    let corpus = load_paths(&[d]);
    let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["feed.jsonl:1", "feed.jsonl:3", "one.json"]);
    assert_eq!(corpus.documents[0].outlet.as_deref(), Some("Gazette"));
    assert_eq!(corpus.documents[0].published.as_deref(), Some("2020-07-01"));
    assert_eq!(corpus.documents[0].published_basis, DateBasis::Metadata);
    let problem = warning_for(&corpus, "feed.jsonl");
    assert!(problem.starts_with("line 2: malformed JSON"), "{problem}");
}

#[test]
fn a_missing_path_is_named_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", b"Fine\n\nA good article.\n");
    let missing = dir.path().join("nope");
    let corpus = load_paths(&[missing.as_path(), dir.path()]);
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(warning_for(&corpus, "nope"), "no such file or folder");
}

#[test]
fn an_empty_folder_says_what_it_looked_for() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.docx", b"x");
    let corpus = load_paths(&[dir.path()]);
    assert!(corpus.documents.is_empty());
    let problem = warning_for(&corpus, &dir.path().display().to_string());
    assert!(
        problem.contains("no articles") && problem.contains(".txt"),
        "{problem}"
    );
}

#[test]
fn binary_empty_and_non_utf8_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00");
    write(d, "empty.txt", b"  \n\n");
    write(
        d,
        "latin.txt",
        b"Caf\xe9 Opens\n\nThe caf\xe9 opened on Monday.\n",
    );
    write(d, "good.txt", b"Good\n\nA good article.\n");
    let corpus = load_paths(&[d]);
    assert!(warning_for(&corpus, "binary.txt").contains("binary"));
    assert!(warning_for(&corpus, "empty.txt").contains("empty"));
    assert!(warning_for(&corpus, "latin.txt").contains("Windows-1252"));
    let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["good.txt", "latin.txt"]);
    assert!(corpus.documents[1].text.contains("café opened"));
}

#[test]
fn a_huge_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // Sparse: 200 MB on paper, nothing on disk.
    fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let corpus = load_paths(&[path.as_path()]);
    assert!(corpus.documents.is_empty());
    let problem = warning_for(&corpus, "huge.txt");
    assert!(problem.contains("MB"), "{problem}");
}

#[test]
fn a_malformed_manifest_is_reported_and_the_articles_still_load() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "corpus.json",
        b"{\"documents\": [\n  {\"file\": \"a.txt\",}\n]}",
    );
    write(dir.path(), "a.txt", b"Story\n\nText.\n");
    let corpus = load_paths(&[dir.path()]);
    assert_eq!(corpus.documents.len(), 1);
    assert!(warning_for(&corpus, "corpus.json").contains("line 2"));
}

#[test]
fn an_unreadable_file_is_either_read_or_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "locked.txt", b"Locked\n\nSecret text.\n");
    let path = dir.path().join("locked.txt");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let corpus = load_paths(&[dir.path()]);
    // As root the file is still readable; otherwise it must be named with the reason.
    let loaded = corpus.documents.iter().any(|d| d.file == "locked.txt");
    let named = corpus
        .warnings
        .iter()
        .any(|w| w.file.ends_with("locked.txt") && w.problem.contains("cannot be read"));
    assert!(
        loaded != named,
        "loaded: {loaded}, warnings: {:?}",
        corpus.warnings
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn random_bytes_never_panic() {
    let mut seed = 0x2545F4914F6CDD1Du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..300 {
        let len = (next() % 600) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let b = next() as u8;
                // Mostly text-like bytes, so the section splitter gets exercised too.
                const TEXTY: &[u8] = b"ab .\n\xe2\x80\x9cC!?:";
                if round % 2 == 0 {
                    TEXTY[b as usize % TEXTY.len()]
                } else {
                    b
                }
            })
            .collect();
        for name in [
            "a.txt", "a.md", "a.html", "a.mhtml", "a.pdf", "a.json", "a.jsonl",
        ] {
            let corpus = newsline::corpus::load_in_memory(&[(name, &bytes)]);
            for d in &corpus.documents {
                let mut end = 0;
                for s in &d.sections {
                    assert_eq!(s.start, end);
                    assert!(d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end));
                    end = s.end;
                }
                assert_eq!(end, d.text.len());
            }
            let _ = newsline::analysis::analyze(corpus);
        }
    }
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

#[test]
fn the_fixture_folder_reads_every_format_with_exact_metadata_and_warnings() {
    let corpus = load_paths(&[fixtures()]);
    let docs: Vec<_> = corpus
        .documents
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                d.file.as_str(),
                d.title.as_deref(),
                d.outlet.as_deref(),
                d.published.as_deref(),
                d.published_basis,
            )
        })
        .collect();
    assert_eq!(
        docs,
        [
            (
                "d1",
                "archive.json#1",
                Some("Mine Reopens"),
                Some("Mining Daily"),
                Some("2023-07-14"),
                DateBasis::Metadata
            ),
            (
                "d2",
                "bridge.md",
                Some("Bridge Vote Delayed Again"),
                None,
                None,
                DateBasis::None
            ),
            (
                "d3",
                "feed.jsonl:1",
                Some("Wind Farm Approved"),
                Some("Gazette"),
                Some("2022-09-05"),
                DateBasis::Metadata
            ),
            // No title field: the first sentence of the text names it.
            (
                "d4",
                "feed.jsonl:3",
                Some("Schools reopened on Wednesday after the floods"),
                None,
                None,
                DateBasis::None,
            ),
            (
                "d5",
                "harbor.html",
                Some("Dock Strike Ends After Nine Days"),
                Some("Harbor Times"),
                Some("2023-05-02"),
                DateBasis::Metadata
            ),
            (
                "d6",
                "wire/ferry.txt",
                Some("Ferry Service Resumes"),
                Some("Coast Wire"),
                Some("2024-04-12"),
                DateBasis::Manifest
            ),
        ]
    );
    let html = &corpus.documents[4];
    assert_eq!(
        html.text,
        "Dock Strike Ends After Nine Days\n\nDock workers voted on Tuesday to end a strike that had stranded ships & crews.\n\nThe union\u{2019}s leader said the deal was \u{201c}fair\u{201d}.\n\nHome | World\n\n\u{a9} Harbor Times"
    );
    assert_eq!(
        html.url.as_deref(),
        Some("https://harbortimes.example/strike")
    );
    let kinds: Vec<_> = html
        .sections
        .iter()
        .map(|s| (s.kind, s.start, s.end))
        .collect();
    assert_eq!(
        kinds,
        [
            (SectionKind::Headline, 0, 34),
            (SectionKind::Body, 34, 166),
            (SectionKind::Boilerplate, 166, 195)
        ]
    );
    let md = &corpus.documents[1];
    assert_eq!(
        md.text,
        "Bridge Vote Delayed Again\n\nBy Tom Price\n\nThe county board postponed its vote on the river bridge on Tuesday, March 5, 2024.\n\nOld river bridge\n\nBoard members said they needed more time to study the costs."
    );
    let kinds: Vec<_> = md.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SectionKind::Headline,
            SectionKind::Boilerplate,
            SectionKind::Body,
            SectionKind::Caption,
            SectionKind::Body
        ]
    );

    let root = fixtures().display().to_string();
    let warnings: Vec<String> = corpus
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.file.replace(&root, "ROOT"), w.problem))
        .collect();
    assert_eq!(
        warnings,
        [
            "ROOT/archive.json: record #2: no \"text\", \"body\" or \"content\" field",
            "ROOT/feed.jsonl: line 2: malformed JSON at column 28: EOF while parsing a value",
            "ROOT/feed.jsonl: line 3: published date \"sometime soon\" is not a date (use YYYY-MM-DD); read without it",
            "ROOT/corpus.json: lists \"wire/ferri.txt\", which is not an article file here; check the name (its metadata is unused)",
        ]
    );
}

#[test]
fn a_single_file_takes_its_metadata_from_the_manifest_beside_it() {
    let corpus = load_paths(&[fixtures().join("wire/ferry.txt")]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let d = &corpus.documents[0];
    assert_eq!(d.file, "ferry.txt");
    assert_eq!(
        d.published.as_deref(),
        None,
        "the root manifest is not beside it"
    );
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Story\n\nText.\n");
    write(dir.path(), "b.txt", b"Other\n\nText.\n");
    write(
        dir.path(),
        "corpus.json",
        br#"{"documents":[{"file":"a.txt","published":"2020-01-02"},{"file":"b.txt"}]}"#,
    );
    let corpus = load_paths(&[dir.path().join("a.txt")]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.documents[0].published.as_deref(), Some("2020-01-02"));
    assert_eq!(corpus.documents[0].published_basis, DateBasis::Manifest);
}

#[test]
fn a_manifest_opened_alone_says_to_open_its_folder() {
    let corpus = load_paths(&[fixtures().join("corpus.json")]);
    assert!(corpus.documents.is_empty());
    assert_eq!(
        warning_for(&corpus, "corpus.json"),
        "this is a manifest, not an article; open the folder that holds it and the articles it lists"
    );
}

#[test]
fn a_bad_date_in_the_manifest_costs_only_that_date() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "corpus.json",
        br#"{"documents":[{"file":"a.txt","title":"Kept","published":"yesterday"},{"file":"b.txt","published":"2020-01-02"}]}"#,
    );
    write(dir.path(), "a.txt", b"Story\n\nText.\n");
    write(dir.path(), "b.txt", b"Other\n\nText.\n");
    let corpus = load_paths(&[dir.path()]);
    assert_eq!(
        warning_for(&corpus, "corpus.json"),
        "entry \"a.txt\": published date \"yesterday\" is not a date (use YYYY-MM-DD); its date is ignored"
    );
    assert_eq!(corpus.documents[0].title.as_deref(), Some("Kept"));
    assert_eq!(corpus.documents[0].published, None);
    assert_eq!(corpus.documents[1].published.as_deref(), Some("2020-01-02"));
}
