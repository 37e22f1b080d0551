//! A publication date set by the user: the document's relative dates are read from it, the
//! story is analysed again, undo takes it back, and `newsline export` applies it from the
//! project file.

use std::path::Path;
use std::process::Command;

use newsline::corpus::DateBasis;
use newsline::edits::{Edit, Project};
use newsline::loader::{Loader, Outcome, Source};
use newsline::story::Story;

/// One article with a dated dateline, one with only weekdays: without a date of its own the
/// second's "Tuesday" cannot be placed.
const ARTICLES: [(&str, &str); 2] = [
    (
        "dated.txt",
        "Harbour Strike Ends\n\nROTTERDAM, March 8, 2024 — Dock workers ended their strike on Friday after union leader Ada Visser signed a wage deal with the port authority.",
    ),
    (
        "undated.txt",
        "Ferry Line Opens\n\nMayor Piet Hoek opened the new ferry line on Tuesday and said the city council would fund a second boat.",
    ),
];

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in ARTICLES {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn load(dir: &Path) -> (Story, newsline::edits::Session) {
    match Loader::spawn(Source::Paths(vec![dir.to_path_buf()])).wait() {
        Outcome::Loaded { story, session, .. } => (*story, *session),
        other => panic!("loads: {other:?}"),
    }
}

/// The dates of the events whose sources are in `file`.
fn dates_in(story: &Story, file: &str) -> Vec<String> {
    let id = &story.documents.iter().find(|d| d.file == file).unwrap().id;
    story
        .events
        .iter()
        .filter(|e| e.mentions.iter().any(|m| &m.doc == id))
        .map(|e| e.when.value.clone())
        .collect()
}

fn date_edit() -> Edit {
    Edit::DateDocument {
        file: "undated.txt".into(),
        date: "2024-03-14".into(),
    }
}

#[test]
fn a_publication_date_given_places_the_documents_relative_dates() {
    let dir = corpus();
    let (analysed, mut session) = load(dir.path());
    assert!(
        !dates_in(&analysed, "undated.txt").contains(&"2024-03-12".to_string()),
        "{:?}",
        dates_in(&analysed, "undated.txt")
    );

    let story = session.record(date_edit());
    let doc = story
        .documents
        .iter()
        .find(|d| d.file == "undated.txt")
        .unwrap();
    assert_eq!(doc.published.as_deref(), Some("2024-03-14"));
    assert_eq!(doc.published_basis, DateBasis::User);
    // The Tuesday before a Thursday's article.
    assert_eq!(dates_in(&story, "undated.txt"), ["2024-03-12"]);
    // The other article is untouched.
    assert_eq!(
        dates_in(&story, "dated.txt"),
        dates_in(&analysed, "dated.txt")
    );
    assert!(session.unapplied().is_empty());

    let undone = session.undo().unwrap();
    assert_eq!(
        dates_in(&undone, "undated.txt"),
        dates_in(&analysed, "undated.txt")
    );
    let redone = session.redo().unwrap();
    assert_eq!(dates_in(&redone, "undated.txt"), ["2024-03-12"]);

    // Kept beside the corpus, the date is given again on the next open.
    let (reopened, _) = load(dir.path());
    assert_eq!(dates_in(&reopened, "undated.txt"), ["2024-03-12"]);
}

#[test]
fn export_applies_a_saved_publication_date_and_reports_a_gone_document() {
    let dir = corpus();
    Project::for_paths(&[dir.path().to_path_buf()])
        .save(&[
            date_edit(),
            Edit::DateDocument {
                file: "gone.txt".into(),
                date: "2024-01-01".into(),
            },
        ])
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(["export", dir.path().to_str().unwrap()])
        .env(
            "NEWSLINE_CONFIG_DIR",
            std::env::temp_dir().join("newsline-no-config"),
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let story: Story = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dates_in(&story, "undated.txt"), ["2024-03-12"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("gone.txt"), "{err}");
}
