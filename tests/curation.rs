//! Edits kept beside the corpus: `newsline export` with and without them, edits that survive
//! a new article in the folder, a damaged project file that is kept aside, and a publication
//! date set by the user (the story analysed again with it).

use std::path::Path;
use std::process::{Command, Output};

use newsline::corpus::DateBasis;
use newsline::edits::{Edit, EventKey, Project, project::FILE_NAME};
use newsline::loader::{Loader, Outcome, Source};
use newsline::story::Story;

const ARTICLES: [(&str, &str); 2] = [
    (
        "bridge.txt",
        "Council Approves Bridge\n\nMayor Lena Ortiz said on Tuesday, March 5, 2024, that the council approved the bridge. Ortiz met engineer Tom Reyes on Wednesday, March 6, 2024.",
    ),
    (
        "vote.txt",
        "Bridge Vote Praised\n\nEngineer Tom Reyes praised the vote on Thursday, March 7, 2024, after Mayor Lena Ortiz signed the order.",
    ),
];

fn corpus() -> tempfile::TempDir {
    folder(&ARTICLES)
}

fn folder(articles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in articles {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn newsline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(args)
        .env(
            "NEWSLINE_CONFIG_DIR",
            std::env::temp_dir().join("newsline-no-config"),
        )
        .output()
        .expect("the binary runs")
}

fn export(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let out = newsline(&all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn load(dir: &Path) -> (Story, newsline::edits::Session) {
    match Loader::spawn(Source::Paths(vec![dir.to_path_buf()])).wait() {
        Outcome::Loaded { story, session, .. } => (*story, *session),
        other => panic!("loads: {other:?}"),
    }
}

/// A retitle of the first event and a rename of its first person, keyed on the analysed story.
fn edits_for(story: &Story) -> (Vec<Edit>, String) {
    let event = &story.events[0];
    let person = story.entity(&event.participants[0]).unwrap().name.clone();
    let edits = vec![
        Edit::RetitleEvent {
            event: EventKey::of(story, event).unwrap(),
            title: "The council says yes".into(),
        },
        Edit::RenameEntity {
            entity: person.clone(),
            name: "Mayor L. Ortiz".into(),
        },
    ];
    (edits, person)
}

fn titled(story: &Story) -> bool {
    story
        .events
        .iter()
        .any(|e| e.title == "The council says yes" && e.edited)
}

#[test]
fn export_applies_the_corpus_edits_unless_told_otherwise() {
    let dir = corpus();
    let path = dir.path().to_str().unwrap();
    let (analysed, _) = load(dir.path());
    let (edits, person) = edits_for(&analysed);
    Project::for_paths(&[dir.path().to_path_buf()])
        .save(&edits)
        .unwrap();
    assert!(dir.path().join(FILE_NAME).is_file());

    let plain = export(&[path, "--no-edits"]);
    let edited = export(&[path]);
    assert_eq!(plain["events"][0]["title"], analysed.events[0].title);
    assert!(plain["events"][0].get("edited").is_none());
    assert_eq!(edited["events"][0]["title"], "The council says yes");
    assert_eq!(edited["events"][0]["edited"], true);
    let renamed = edited["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Mayor L. Ortiz")
        .expect("the renamed person");
    assert_eq!(renamed["edited"], true);
    assert!(
        renamed["aliases"]
            .as_array()
            .unwrap()
            .contains(&person.into())
    );
    // Everything else is the same story.
    assert_eq!(
        plain["events"].as_array().unwrap().len(),
        edited["events"].as_array().unwrap().len()
    );

    // --edits names another file; the folder's own is then ignored.
    let other = tempfile::NamedTempFile::new().unwrap();
    Project::at(other.path()).save(&edits[1..]).unwrap();
    let only_rename = export(&[path, "--edits", other.path().to_str().unwrap()]);
    assert_eq!(only_rename["events"][0]["title"], analysed.events[0].title);
    assert!(only_rename.to_string().contains("Mayor L. Ortiz"));

    let missing = newsline(&["export", path, "--edits", "/nonexistent/edits.json"]);
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("/nonexistent/edits.json") && err.contains("no such edits file"),
        "{err}"
    );
}

#[test]
fn an_edit_whose_target_is_gone_is_a_warning_not_a_failure() {
    let dir = corpus();
    let (analysed, _) = load(dir.path());
    let (mut edits, _) = edits_for(&analysed);
    edits.push(Edit::DeleteEntity {
        entity: "Nobody Atall".into(),
    });
    Project::for_paths(&[dir.path().to_path_buf()])
        .save(&edits)
        .unwrap();
    let out = newsline(&["export", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("edit 3") && err.contains("Nobody Atall"),
        "{err}"
    );
}

#[test]
fn edits_survive_a_new_article_in_the_folder() {
    let dir = corpus();
    let (analysed, _) = load(dir.path());
    let (edits, _) = edits_for(&analysed);
    let mut session =
        newsline::edits::Session::open(analysed, Project::for_paths(&[dir.path().to_path_buf()])).0;
    for e in edits {
        session.record(e);
    }
    // A new article sorts first: every positional id of the old ones moves.
    std::fs::write(
        dir.path().join("0-earlier.txt"),
        "Bridge Plan Unveiled\n\nEngineer Tom Reyes and Mayor Lena Ortiz unveiled the plan on Friday, March 1, 2024.",
    )
    .unwrap();
    let (story, session) = load(dir.path());
    assert_eq!(story.documents.len(), 3);
    assert_eq!(session.edits().len(), 2);
    assert!(session.unapplied().is_empty(), "{:?}", session.unapplied());
    assert!(titled(&story));
    assert!(
        story
            .entities
            .iter()
            .any(|e| e.name == "Mayor L. Ortiz" && e.edited)
    );
}

#[test]
fn a_damaged_project_file_is_kept_aside_and_the_corpus_still_opens() {
    let dir = corpus();
    let file = dir.path().join(FILE_NAME);
    std::fs::write(
        &file,
        "{\"schema\": \"newsline-edits/1\", \"edits\": [{\"op\": ",
    )
    .unwrap();
    let (story, mut session) = load(dir.path());
    assert_eq!(story.documents.len(), 2);
    assert!(session.edits().is_empty());
    let notice = session.notices.join("\n");
    assert!(
        notice.contains("cannot be read") && notice.contains("kept as"),
        "{notice}"
    );
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    // The next edit writes a fresh file; the damaged one stays as it was.
    let first = story.entities[0].name.clone();
    session.record(Edit::HideEntity { entity: first });
    assert!(file.is_file());
    let kept = std::fs::read_to_string(dir.path().join(&aside[0])).unwrap();
    assert!(kept.ends_with("\"op\": "));
}

#[test]
fn ids_stay_when_an_unrelated_article_is_added() {
    let dir = corpus();
    let (before, _) = load(dir.path());
    std::fs::write(
        dir.path().join("0-harbour.txt"),
        "Harbour Reopens\n\nHarbour master Ines Costa reopened the harbour on Monday, June 3, 2024.",
    )
    .unwrap();
    let (after, _) = load(dir.path());
    assert_eq!(after.documents.len(), 3);
    assert!(after.events.len() > before.events.len());
    for e in &before.entities {
        let same = after.entity(&e.id).map(|a| &a.name);
        assert_eq!(same, Some(&e.name), "entity {} keeps its id", e.name);
    }
    for v in &before.events {
        let same = after.event(&v.id).map(|a| (&a.when.value, &a.participants));
        assert_eq!(
            same,
            Some((&v.when.value, &v.participants)),
            "event {} keeps its id",
            v.title
        );
    }
}

/// `n` edits, enough for a save to take a while.
fn many(n: usize) -> Vec<Edit> {
    (0..n)
        .map(|i| Edit::RenameEntity {
            entity: format!("Person number {i} with a long name to write"),
            name: format!("Renamed person number {i} with a longer name still"),
        })
        .collect()
}

#[test]
fn a_writer_killed_mid_save_leaves_a_whole_project_file() {
    const CHILD: &str = "NEWSLINE_TEST_SAVE_FOREVER";
    if let Some(dir) = std::env::var_os(CHILD) {
        // The child: saves two different edit lists in turn until it is killed.
        let mut p = Project::at(Path::new(&dir).join(FILE_NAME));
        let lists = [many(300), many(3_000)];
        let mut i = 0;
        loop {
            p.save(&lists[i % 2]).unwrap();
            i += 1;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    Project::at(&path).save(&many(300)).unwrap();
    for round in 0..6 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "a_writer_killed_mid_save_leaves_a_whole_project_file",
                "--test-threads=1",
            ])
            .env(CHILD, dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(150 + 40 * round));
        child.kill().unwrap();
        child.wait().unwrap();
        let opened = Project::at(&path).open(false);
        assert_eq!(opened.notice, None, "round {round}: the file is whole");
        assert!(
            [300, 3_000].contains(&opened.edits.len()),
            "round {round}: one of the saved lists, not {}",
            opened.edits.len()
        );
    }
}

/// One article with a dated dateline, one with only weekdays: without a date of its own the
/// second's "Tuesday" cannot be placed.
const DATED_AND_UNDATED: [(&str, &str); 2] = [
    (
        "dated.txt",
        "Harbour Strike Ends\n\nROTTERDAM, March 8, 2024 — Dock workers ended their strike on Friday after union leader Ada Visser signed a wage deal with the port authority.",
    ),
    (
        "undated.txt",
        "Ferry Line Opens\n\nMayor Piet Hoek opened the new ferry line on Tuesday and said the city council would fund a second boat.",
    ),
];

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
    let dir = folder(&DATED_AND_UNDATED);
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
    let dir = folder(&DATED_AND_UNDATED);
    Project::for_paths(&[dir.path().to_path_buf()])
        .save(&[
            date_edit(),
            Edit::DateDocument {
                file: "gone.txt".into(),
                date: "2024-01-01".into(),
            },
        ])
        .unwrap();
    let out = newsline(&["export", dir.path().to_str().unwrap()]);
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

/// The documents (by file) whose values a story's comparisons of `fact` hold.
fn compared_files(story: &Story, fact: &str) -> Vec<String> {
    let mut files: Vec<String> = story
        .comparisons
        .iter()
        .filter(|c| c.fact == fact)
        .flat_map(|c| &c.values)
        .filter_map(|v| story.document(&v.doc).map(|d| d.file.clone()))
        .collect();
    files.sort();
    files.dedup();
    files
}

#[test]
fn the_sources_are_compared_again_after_a_document_is_excluded() {
    let dir = folder(&[
        (
            "strike.txt",
            "Dock Strike Grows\n\nHarbour union leader Ada Lund said on Tuesday, March 5, 2024, that 300 dockers walked out at the Harbour Board's quays.",
        ),
        (
            "walkout.txt",
            "Dockers Walk Out\n\nHarbour union leader Ada Lund said on Tuesday, March 5, 2024, that 500 dockers walked out at the Harbour Board's quays.",
        ),
    ]);
    let (story, mut session) = load(dir.path());
    let counted = |s: &Story| {
        s.comparisons
            .iter()
            .find(|c| c.fact == "count")
            .map(|c| (c.verdict, c.values.len()))
    };
    assert_eq!(
        counted(&story),
        Some((newsline::story::Verdict::Differ, 2)),
        "{:?}",
        story.comparisons
    );
    // Excluded, a document says nothing any more: its figure leaves the comparison.
    let without = session.record(Edit::ExcludeDocument {
        file: "walkout.txt".into(),
    });
    assert!(
        without
            .comparisons
            .iter()
            .flat_map(|c| &c.values)
            .all(|v| without.document(&v.doc).is_some()),
        "a value of the excluded document is still compared: {:?}",
        without.comparisons
    );
    assert_ne!(
        counted(&without).map(|c| c.0),
        Some(newsline::story::Verdict::Differ)
    );
    // Undone, the difference is back.
    let back = session.undo().unwrap();
    assert_eq!(counted(&back), Some((newsline::story::Verdict::Differ, 2)));
    assert_eq!(
        compared_files(&back, "count"),
        ["strike.txt", "walkout.txt"]
    );
}

#[test]
fn two_events_merged_compare_what_their_sources_say() {
    // One walkout that two outlets date a day apart: two events until a person merges them.
    let dir = folder(&[
        (
            "strike.txt",
            "Dock Strike Grows\n\nHarbour union leader Ada Lund said on Tuesday, March 5, 2024, that 300 dockers walked out at the Harbour Board's quays.",
        ),
        (
            "walkout.txt",
            "Dockers Walk Out\n\nOn Wednesday, March 6, 2024, 500 dockers walked out at the quays of the Harbour Board, union leader Per Dahl said.",
        ),
    ]);
    let (story, mut session) = load(dir.path());
    let walkouts: Vec<&newsline::story::Event> = story
        .events
        .iter()
        .filter(|e| e.when.value.starts_with("2024-03-0"))
        .collect();
    assert_eq!(walkouts.len(), 2, "{:?}", story.events);
    // Apart, the two figures are a fact of the story, tied to no event.
    let of_an_event = |s: &Story| {
        s.comparisons
            .iter()
            .find(|c| c.fact == "count" && c.event.is_some())
            .cloned()
    };
    assert!(of_an_event(&story).is_none(), "{:?}", story.comparisons);
    let merged = session.record(Edit::MergeEvents {
        into: EventKey::of(&story, walkouts[0]).unwrap(),
        from: EventKey::of(&story, walkouts[1]).unwrap(),
    });
    // Merged, they are what two sources say of one event.
    let count = of_an_event(&merged).unwrap_or_else(|| panic!("{:?}", merged.comparisons));
    assert_eq!(count.verdict, newsline::story::Verdict::Differ);
    let event = merged
        .events
        .iter()
        .find(|e| Some(&e.id) == count.event.as_ref())
        .unwrap();
    assert_eq!(event.mentions.len(), 2);
    assert_eq!(
        compared_files(&merged, "count"),
        ["strike.txt", "walkout.txt"]
    );
}

#[test]
fn an_analysis_with_new_dates_stops_when_cancelled() {
    let dir = corpus();
    let (story, _) = load(dir.path());
    let dates = vec![("bridge.txt".to_string(), "2024-03-08".to_string())];
    let progress = newsline::progress::Progress::new();
    progress.cancel();
    assert!(newsline::analysis::redated_with(&story, &dates, &progress).is_none());
    let again =
        newsline::analysis::redated_with(&story, &dates, &newsline::progress::Progress::new())
            .expect("an analysis nobody stops ends with a story");
    let bridge = again
        .documents
        .iter()
        .find(|d| d.file.ends_with("bridge.txt"))
        .unwrap();
    assert_eq!(bridge.published.as_deref(), Some("2024-03-08"));
}
