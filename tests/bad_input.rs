//! Bad input stays a message: every broken file is one warning naming it, with the kind of
//! problem a program can check, the good files beside it still load, and nothing panics.

use std::fs;
use std::path::Path;

use newsline::corpus::{Corpus, LoadProblem, load_paths};

const GOOD: &[u8] =
    b"Council Approves Bridge\n\nMayor Lena Ortiz said on Tuesday, March 5, 2024, that the council approved the bridge.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// The kinds of the warnings naming `file` (its last path component).
fn kinds_for(corpus: &Corpus, file: &str) -> Vec<LoadProblem> {
    corpus
        .warnings
        .iter()
        .filter(|w| w.file.rsplit('/').next() == Some(file))
        .map(|w| w.kind)
        .collect()
}

#[test]
fn truncated_and_malformed_files_of_every_format_are_one_warning_each() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", GOOD);
    // Each bad file, and the one kind of problem it must report.
    let bad: &[(&str, &[u8], LoadProblem)] = &[
        (
            "cut.json",
            b"{\"title\": \"Vote\", \"text\": \"The vote was",
            LoadProblem::Malformed,
        ),
        (
            "cut-array.json",
            b"[{\"text\": \"A vote.\"}, {\"te",
            LoadProblem::Malformed,
        ),
        ("wrong.json", b"{\"headline\": 3}", LoadProblem::Malformed),
        (
            "cut.jsonl",
            b"{\"text\": \"Vote held on Monday.\"}\n{\"text\": \"Second",
            LoadProblem::Malformed,
        ),
        (
            "nul.md",
            b"# Title\n\nBody\x00\x00\x00 text",
            LoadProblem::Binary,
        ),
        (
            "elf.html",
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00",
            LoadProblem::Binary,
        ),
        (
            "cut-utf8.txt",
            b"Caf\xc3\xa9 Opens\n\nThe caf\xc3",
            LoadProblem::Encoding,
        ),
        ("blank.md", b"\n\n   \n", LoadProblem::Empty),
        ("empty.html", b"", LoadProblem::Empty),
        (
            "only-tags.html",
            b"<html><head><title></title></head><body><script>x()</script></body></html>",
            LoadProblem::Empty,
        ),
    ];
    for (name, bytes, _) in bad {
        write(d, name, bytes);
    }
    // Truncated, but what is there is still an article: read, no warning.
    write(d, "cut.html", b"<html><head><title>Vote Delayed</title></head><body><article><p>Mayor Ana Ruiz said on Monday that the vote was del");
    write(
        d,
        "cut.md",
        b"# Vote Delayed\n\nMayor Ana Ruiz said on Monday that [the vote](http://exa",
    );
    let corpus = load_paths(&[d]);
    for (name, _, kind) in bad {
        assert_eq!(
            kinds_for(&corpus, name),
            [*kind],
            "{name}: {:?}",
            corpus.warnings
        );
    }
    // Every warning names a file of the folder and says something.
    for w in &corpus.warnings {
        assert!(w.file.starts_with(&*d.to_string_lossy()), "{w:?}");
        assert!(!w.problem.is_empty());
    }
    let mut files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    files.sort();
    assert_eq!(
        files,
        [
            "cut-utf8.txt",
            "cut.html",
            "cut.jsonl:1",
            "cut.md",
            "good.txt"
        ]
    );
    // The whole lot analyses.
    let story = newsline::analysis::analyze(corpus);
    assert!(!story.events.is_empty());
}

#[test]
fn a_truncated_manifest_is_malformed_and_its_articles_still_load() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD);
    write(
        dir.path(),
        "corpus.json",
        b"{\"documents\": [{\"file\": \"a.txt\", \"publ",
    );
    let corpus = load_paths(&[dir.path()]);
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(kinds_for(&corpus, "corpus.json"), [LoadProblem::Malformed]);
}

#[test]
fn too_large_and_missing_paths_have_their_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.md");
    // Sparse: 60 MB on paper, nothing on disk.
    fs::File::create(&huge)
        .unwrap()
        .set_len(60 * 1024 * 1024)
        .unwrap();
    write(dir.path(), "good.txt", GOOD);
    let missing = dir.path().join("missing.txt");
    let corpus = load_paths(&[dir.path(), missing.as_path()]);
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(kinds_for(&corpus, "huge.md"), [LoadProblem::TooLarge]);
    assert_eq!(kinds_for(&corpus, "missing.txt"), [LoadProblem::NotFound]);
}

#[test]
fn warnings_carry_their_kind_into_the_export() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    write(dir.path(), "blank.txt", b"  ");
    let story = newsline::analysis::analyze(load_paths(&[dir.path()]));
    let json: serde_json::Value = serde_json::from_str(&newsline::export::json(&story)).unwrap();
    let warnings = json["warnings"].as_array().expect("warnings in the export");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["kind"], "empty");
    assert!(warnings[0]["file"].as_str().unwrap().ends_with("blank.txt"));
}

#[test]
fn ten_thousand_empty_files_are_ten_thousand_warnings_and_the_good_one_loads() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        fs::write(dir.path().join(format!("{i:05}.txt")), b"").unwrap();
    }
    write(dir.path(), "good.txt", GOOD);
    let corpus = load_paths(&[dir.path()]);
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.warnings.len(), 10_000);
    assert!(corpus.warnings.iter().all(|w| w.kind == LoadProblem::Empty));
    let named: std::collections::HashSet<&str> =
        corpus.warnings.iter().map(|w| w.file.as_str()).collect();
    assert_eq!(named.len(), 10_000, "one warning per file");
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn a_name_that_is_not_utf8_is_read_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        fs::write(dir.path().join(name), GOOD).unwrap();
        let corpus = load_paths(&[dir.path()]);
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.documents[0].file, "caf\u{fffd}.txt");
        assert_eq!(corpus.warnings.len(), 1, "{:?}", corpus.warnings);
        assert_eq!(corpus.warnings[0].kind, LoadProblem::Encoding);
        assert!(corpus.warnings[0].file.ends_with("caf\u{fffd}.txt"));
    }

    #[test]
    fn a_named_pipe_among_the_articles_is_skipped_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "good.txt", GOOD);
        let pipe = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        // Opened alone and inside its folder: neither may wait for a writer.
        for corpus in [load_paths(&[dir.path()]), load_paths(&[pipe.as_path()])] {
            assert_eq!(kinds_for(&corpus, "pipe.txt"), [LoadProblem::NotAFile]);
        }
    }

    #[test]
    fn files_that_vanish_or_empty_while_loading_are_warnings_never_panics() {
        let dir = tempfile::tempdir().unwrap();
        let n = 2_000;
        for i in 0..n {
            write(dir.path(), &format!("{i:04}.txt"), GOOD);
        }
        let root = dir.path().to_path_buf();
        // Deletes and empties files from the end while the load reads from the start.
        let vandal = std::thread::spawn(move || {
            for i in (0..n).rev() {
                let path = root.join(format!("{i:04}.txt"));
                if i % 2 == 0 {
                    let _ = fs::remove_file(&path);
                } else {
                    let _ = fs::write(&path, b"");
                }
            }
        });
        let corpus = load_paths(&[dir.path()]);
        vandal.join().unwrap();
        // Each file is a document or exactly one warning, whichever the race gave.
        let warned: std::collections::HashSet<&str> =
            corpus.warnings.iter().map(|w| w.file.as_str()).collect();
        assert_eq!(warned.len(), corpus.warnings.len(), "one warning per file");
        assert!(corpus.documents.len() + corpus.warnings.len() <= n);
        for w in &corpus.warnings {
            assert!(
                matches!(w.kind, LoadProblem::NotFound | LoadProblem::Empty),
                "{w:?}"
            );
        }
        let _ = newsline::analysis::analyze(corpus);
    }

    #[test]
    fn permission_errors_are_named_with_their_kind() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "good.txt", GOOD);
        write(dir.path(), "locked.txt", GOOD);
        write(dir.path(), "closed/inner.txt", GOOD);
        let mode = |path: &Path, mode| fs::set_permissions(path, fs::Permissions::from_mode(mode));
        mode(dir.path(), 0o755).unwrap();
        mode(&dir.path().join("locked.txt"), 0).unwrap();
        mode(&dir.path().join("closed"), 0).unwrap();
        // Root reads everything: as root the export runs as nobody (`setpriv`), for whom the
        // permissions bite.
        let mut command = if is_root() {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_newsline"));
            c
        } else {
            std::process::Command::new(env!("CARGO_BIN_EXE_newsline"))
        };
        let out = command.arg("export").arg(dir.path()).output();
        mode(&dir.path().join("closed"), 0o755).unwrap();
        let out = match out {
            Ok(out) if out.status.success() => out,
            // As root without setpriv, or where nobody cannot reach the test binary.
            result => {
                eprintln!("skipped: the export could not run as another user: {result:?}");
                return;
            }
        };
        let story: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(story["documents"].as_array().unwrap().len(), 1);
        let mut warnings: Vec<(String, String)> = story["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                let file = w["file"].as_str().unwrap();
                let name = file.rsplit('/').next().unwrap().to_string();
                (name, w["kind"].as_str().unwrap().to_string())
            })
            .collect();
        warnings.sort();
        assert_eq!(
            warnings,
            [
                ("closed".to_string(), "permission".to_string()),
                ("locked.txt".to_string(), "permission".to_string())
            ]
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.matches("warning").count(), 2, "{stderr}");
    }

    /// Whether this process runs as root (from /proc, so no unsafe call is needed).
    fn is_root() -> bool {
        fs::read_to_string("/proc/self/status").is_ok_and(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2))
                == Some("0")
        })
    }
}
