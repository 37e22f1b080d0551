//! Edit replay benchmark: a project file of 1,000 edits replayed on the story of 1,000
//! generated articles, as on every open and after every undo, plus one edit on top, and a
//! corrected publication date (which analyses the corpus again).
//!
//! Run with `cargo bench --bench edits`; it prints figures, it asserts nothing.

use std::time::Instant;

use newsline::edits::{Edit, EventKey, Project, Session, apply};
use newsline::story::{EntityKind, Story};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // The same articles `newsline gen-corpus 1000` writes, analysed as a folder would be.
    let dir = tempfile::tempdir().expect("a scratch folder");
    newsline::generate::write_corpus(1_000, dir.path(), 7).expect("the corpus is written");
    let paths = [dir.path().to_path_buf()];
    let start = Instant::now();
    let story = newsline::analysis::analyze(newsline::corpus::load_paths(&paths));
    println!(
        "analysed 1,000 articles in {:.2} s: {} events, {} entities, {} links",
        start.elapsed().as_secs_f64(),
        story.events.len(),
        story.entities.len(),
        story.links.len()
    );
    let edits = thousand_edits(&story);
    let best = |f: &mut dyn FnMut()| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min)
    };
    let clone = best(&mut || drop(story.clone()));
    let mut unapplied = 0;
    let replay = best(&mut || {
        let mut s = story.clone();
        unapplied = apply(&mut s, &edits).len();
    });
    println!(
        "replay of {} edits (ten kinds) on a copy of the story: {replay:.1} ms, of which the copy {clone:.1} ms; {unapplied} found their target gone",
        edits.len()
    );

    // Opening: the project file read, parsed and replayed.
    let mut project = Project::for_paths(&paths);
    project.save(&edits).expect("the project file is written");
    let bytes = std::fs::metadata(&project.path).map_or(0, |m| m.len());
    let mut session = None;
    let open = best(&mut || {
        session = Some(Session::open(story.clone(), project.clone()).0);
    });
    println!(
        "open with a project file of {} edits ({:.0} kB): {open:.1} ms",
        edits.len(),
        bytes as f64 / 1e3
    );

    // One more edit: saved atomically, then all 1,001 replayed (what the window waits for).
    // Each run a new name: the edit's comparisons are never at hand; its undo's are.
    let mut session = session.expect("opened");
    let mut run = 0;
    let one = best(&mut || {
        run += 1;
        let name = session.analysed().entities[0].name.clone();
        drop(session.record(Edit::RenameEntity {
            entity: name,
            name: format!("Someone Else {run}"),
        }));
        drop(session.undo());
    });
    println!("one new edit on top of them and its undo (two saves, two replays): {one:.1} ms");

    // A corrected publication date: the corpus analysed again with it, then the edits replayed.
    let file = session.analysed().documents[0].file.clone();
    let mut day = 0;
    let redate = best(&mut || {
        day += 1;
        drop(session.record(Edit::DateDocument {
            file: file.clone(),
            date: format!("2021-03-{:02}", day),
        }));
    });
    println!(
        "a corrected publication date, the 1,000 articles analysed again and the edits replayed: {redate:.0} ms"
    );
}

/// A mix of every kind of edit over the story's entities and events, as a long session of
/// curation would leave.
fn thousand_edits(story: &Story) -> Vec<Edit> {
    let mut out = Vec::new();
    let key = |i: usize| EventKey::of(story, &story.events[i % story.events.len()]).unwrap();
    let name = |i: usize| story.entities[i % story.entities.len()].name.clone();
    let mut i = 0;
    while out.len() < 1_000 {
        let edit = match i % 10 {
            0 => Edit::RetitleEvent {
                event: key(i),
                title: format!("Edited title {i}"),
            },
            1 => Edit::RedateEvent {
                event: key(i),
                typed: "early 2014".into(),
                when: newsline::edits::date::parse("early 2014").unwrap(),
            },
            2 => Edit::RenameEntity {
                entity: name(i),
                name: format!("Renamed {i}"),
            },
            3 => Edit::SetEntityKind {
                entity: name(i),
                kind: EntityKind::Organization,
            },
            4 => Edit::AddParticipant {
                event: key(i),
                entity: name(i + 1),
            },
            5 => Edit::AddLink {
                a: name(i),
                b: name(i + 3),
                label: "works with".into(),
            },
            6 => Edit::MergeEvents {
                into: key(i),
                from: key(i + 1),
            },
            7 => Edit::MergeEntities {
                into: name(i),
                from: name(i + 5),
            },
            8 => Edit::DeleteEvent { event: key(i + 7) },
            _ => Edit::HideEntity {
                entity: name(i + 11),
            },
        };
        out.push(edit);
        i += 1;
    }
    out
}
