//! Folders with links: each real folder and file read once, links that loop or lead outside
//! the opened folder skipped with one warning each, links to files inside it followed.
#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;

use newsline::corpus::{Corpus, LoadProblem, load_paths};

fn article(dir: &Path, name: &str, headline: &str) {
    std::fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
    std::fs::write(
        dir.join(name),
        format!("{headline}\n\nMayor Ana Ruiz said on Monday, March 4, 2024, that {headline}."),
    )
    .unwrap();
}

/// The documents' file names, sorted.
fn files(corpus: &Corpus) -> Vec<&str> {
    let mut files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
    files.sort();
    files
}

fn kinds(corpus: &Corpus) -> Vec<LoadProblem> {
    corpus.warnings.iter().map(|w| w.kind).collect()
}

/// A folder `news` (inside a scratch folder, so that its parent is ours too) with two
/// articles, one in a subfolder.
fn news() -> (tempfile::TempDir, std::path::PathBuf) {
    let scratch = tempfile::tempdir().unwrap();
    let root = scratch.path().join("news");
    article(&root, "a.txt", "Vote Delayed");
    article(&root, "sub/b.txt", "Bridge Approved");
    article(scratch.path(), "outside.txt", "Not Part Of It");
    (scratch, root)
}

#[test]
fn a_link_to_its_own_folder_is_one_warning_and_every_article_is_read_once() {
    let (_scratch, root) = news();
    symlink(&root, root.join("sub/again")).unwrap();
    let corpus = load_paths(&[&root]);
    assert_eq!(files(&corpus), ["a.txt", "sub/b.txt"]);
    assert_eq!(kinds(&corpus), [LoadProblem::LinkLoop]);
    assert!(corpus.warnings[0].file.ends_with("sub/again"));
}

#[test]
fn a_link_to_the_parent_leads_outside_and_is_one_warning() {
    let (scratch, root) = news();
    symlink(scratch.path(), root.join("up")).unwrap();
    let corpus = load_paths(&[&root]);
    assert_eq!(files(&corpus), ["a.txt", "sub/b.txt"]);
    assert_eq!(kinds(&corpus), [LoadProblem::OutsideFolder]);
    assert!(corpus.warnings[0].file.ends_with("up"));
}

#[test]
fn two_looping_links_at_every_level_still_read_each_article_once() {
    let (scratch, root) = news();
    // The walk that branched at every level: a link to the folder and one to its parent, in
    // the folder and in its subfolder.
    symlink(&root, root.join("self")).unwrap();
    symlink(scratch.path(), root.join("parent")).unwrap();
    symlink(&root, root.join("sub/root")).unwrap();
    symlink(root.join("sub"), root.join("sub/here")).unwrap();
    let corpus = load_paths(&[&root]);
    assert_eq!(files(&corpus), ["a.txt", "sub/b.txt"]);
    let mut kinds = kinds(&corpus);
    kinds.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(
        kinds,
        [
            LoadProblem::LinkLoop,
            LoadProblem::LinkLoop,
            LoadProblem::LinkLoop,
            LoadProblem::OutsideFolder
        ]
    );
}

#[test]
fn links_to_files_and_folders_inside_are_read_under_their_names() {
    let (_scratch, root) = news();
    // Hidden: not read on their own, only through the links.
    article(&root, ".drafts/c.txt", "Draft Kept");
    article(&root, ".archive/2019/d.txt", "Old Strike");
    symlink(root.join(".drafts/c.txt"), root.join("latest.txt")).unwrap();
    symlink(root.join(".archive"), root.join("archive")).unwrap();
    let corpus = load_paths(&[&root]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert_eq!(
        files(&corpus),
        ["a.txt", "archive/2019/d.txt", "latest.txt", "sub/b.txt"]
    );
}

#[test]
fn a_link_to_what_is_read_anyway_adds_nothing() {
    let (_scratch, root) = news();
    symlink(root.join("a.txt"), root.join("copy.txt")).unwrap();
    symlink(root.join("sub"), root.join("also-sub")).unwrap();
    let corpus = load_paths(&[&root]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert_eq!(files(&corpus), ["a.txt", "sub/b.txt"]);
}

#[test]
fn links_outside_and_to_nothing_are_named() {
    let (scratch, root) = news();
    symlink(
        scratch.path().join("outside.txt"),
        root.join("elsewhere.txt"),
    )
    .unwrap();
    symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
    // A link to nothing that would not have been an article is not worth a word.
    symlink(root.join("gone"), root.join("notes")).unwrap();
    let corpus = load_paths(&[&root]);
    assert_eq!(files(&corpus), ["a.txt", "sub/b.txt"]);
    let mut named: Vec<(String, LoadProblem)> = corpus
        .warnings
        .iter()
        .map(|w| (w.file.rsplit('/').next().unwrap().to_string(), w.kind))
        .collect();
    named.sort();
    assert_eq!(
        named,
        [
            ("dangling.txt".to_string(), LoadProblem::NotFound),
            ("elsewhere.txt".to_string(), LoadProblem::OutsideFolder)
        ]
    );
}

#[test]
fn the_same_folder_or_file_given_twice_is_read_once() {
    let (_scratch, root) = news();
    let corpus = load_paths(&[
        root.clone(),
        root.join("sub"),
        root.join("a.txt"),
        root.clone(),
    ]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert_eq!(files(&corpus), ["a.txt", "sub/b.txt"]);
}

#[test]
fn an_opened_folder_that_is_itself_a_link_is_read() {
    let (scratch, root) = news();
    let link = scratch.path().join("current");
    symlink(&root, &link).unwrap();
    let corpus = load_paths(&[&link]);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert_eq!(files(&corpus), ["a.txt", "sub/b.txt"]);
}
