//! The command-line contracts of DESIGN.md, run against the real binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn newsline(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(args)
        // Edits a developer saved on the sample must not change what these tests read.
        .env(
            "NEWSLINE_CONFIG_DIR",
            std::env::temp_dir().join("newsline-no-config"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        // The command may exit before reading (bad arguments): a broken pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn export_without_paths_is_the_sample_in_the_newsline_schema() {
    let story = json(&newsline(&["export"], None));
    assert_eq!(story["schema"], "newsline/1");
    let docs = story["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for key in ["entities", "events", "links", "quotes", "timexes"] {
        assert!(story[key].is_array(), "{key} is an array");
    }
    for d in docs {
        assert_eq!(d["published"], "2021-12-31");
        assert!(
            d["sections"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["kind"] == "body")
        );
    }
}

#[test]
fn export_writes_every_format_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    for (format, probe) in [
        ("json", "\"schema\""),
        ("csv", "id,start,end"),
        ("gexf", "<gexf"),
        ("timelinejs", "\"events\""),
    ] {
        let path = dir.path().join(format!("out.{format}"));
        let out = newsline(
            &[
                "export",
                "--format",
                format,
                "--out",
                path.to_str().unwrap(),
            ],
            None,
        );
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stdout.is_empty(),
            "{format}: nothing on stdout with --out"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(probe), "{format} output lacks {probe}");
    }
}

#[test]
fn export_of_a_folder_reads_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Council Approves Budget\n\nThe city council approved the budget on Monday.\n",
    )
    .unwrap();
    let story = json(&newsline(&["export", dir.path().to_str().unwrap()], None));
    let docs = story["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert!(
        docs[0]["text"]
            .as_str()
            .unwrap()
            .contains("approved the budget")
    );
}

#[test]
fn export_of_nothing_loadable_fails_with_a_message_naming_the_path() {
    let out = newsline(&["export", "/no/such/folder/articles"], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/folder/articles"), "{err}");
}

#[test]
fn timex_reads_standard_input_and_resolves_against_the_dct() {
    let text = "The mayor resigned on Friday and will leave office on March 31, 2024.";
    let out = newsline(&["timex", "--dct", "2024-03-06"], Some(text));
    let timexes = json(&out);
    let timexes = timexes.as_array().unwrap();
    let values: Vec<&str> = timexes
        .iter()
        .map(|t| t["value"].as_str().unwrap())
        .collect();
    assert!(values.contains(&"2024-03-01"), "{values:?}");
    assert!(values.contains(&"2024-03-31"), "{values:?}");
    for t in timexes {
        let (start, end) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], t["text"].as_str().unwrap());
        assert!(t.get("doc").is_none(), "no doc field in timex output");
        assert!(["DATE", "TIME", "DURATION", "SET"].contains(&t["type"].as_str().unwrap()));
    }
}

#[test]
fn timex_rejects_a_bad_dct_and_a_missing_file() {
    let out = newsline(&["timex", "--dct", "31/12/2021"], Some("today"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--dct"));
    let out = newsline(&["timex", "--dct", "2021-12-31", "/no/such/file.txt"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
}

/// Built without the `gui` feature, the binary has no window and says so.
#[cfg(not(feature = "gui"))]
#[test]
fn without_the_gui_feature_the_window_says_which_feature_it_needs() {
    for args in [&[][..], &["tests/fixtures/corpus"][..]] {
        let out = newsline(args, None);
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("`gui` feature"), "{stderr}");
        assert!(stderr.contains("export"), "{stderr}");
    }
    assert!(
        newsline(&["export", "--out", "/dev/null"], None)
            .status
            .success()
    );
}
