//! The real UI driven without a display (egui_kittest): clicks by label, keys, typing.

use std::collections::BTreeSet;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsline::analysis::analyze;
use newsline::app::{NewslineApp, Provenance, Theme};
use newsline::story::EntityKind;

fn harness_for(story: newsline::story::Story) -> Harness<'static, NewslineApp> {
    let app = NewslineApp::new(story, Provenance::default(), Theme::Dark);
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut NewslineApp| app.show(ui), app);
    h.run_steps(3);
    h
}

fn sample() -> Harness<'static, NewslineApp> {
    harness_for(analyze(newsline::sample::corpus()))
}

/// The event on `value` reported by most outlets.
fn busiest_on(app: &NewslineApp, value: &str) -> usize {
    let story = app.story();
    (0..story.events.len())
        .filter(|&e| story.events[e].when.value == value)
        .max_by_key(|&e| {
            story.events[e]
                .mentions
                .iter()
                .map(|m| &m.doc)
                .collect::<BTreeSet<_>>()
                .len()
        })
        .expect("an event on that day")
}

#[test]
fn selecting_an_event_shows_its_sentences_from_every_outlet() {
    let mut h = sample();
    let call = busiest_on(h.state(), "2021-12-30");
    let title = h.state().story().events[call].title.clone();
    // The events list in the sidebar names the event by date and title.
    let label = format!("30 Dec 2021  {}", &title[..20.min(title.len())]);
    h.get_by_label_contains(&label).click();
    h.run_steps(3);
    assert_eq!(h.state().state.selected_event, Some(call));
    let story = h.state().story().clone();
    let event = &story.events[call];
    let outlets: BTreeSet<&str> = event.mentions.iter().map(|m| m.doc.as_str()).collect();
    assert_eq!(outlets.len(), 5, "the call is reported by all five");
    h.get_by_label("Reported by 5 sources");
    // One "open" button per source sentence, and every sentence is on screen.
    let buttons = h.query_all_by_label("Open the full article").count();
    assert_eq!(buttons, event.mentions.len());
    for m in &event.mentions {
        let doc = story.document(&m.doc).unwrap();
        let sentence = &doc.text[m.start..m.end];
        let start: String = sentence.chars().take(30).collect();
        assert!(
            h.query_by_label_contains(&start).is_some(),
            "the sentence {start:?} from {} is shown",
            doc.file
        );
    }
    // The full article is one click away, with the sentence in it.
    h.get_all_by_label("Open the full article")
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    assert!(h.state().state.open_document.is_some());
    h.get_by_label("Back");
}

#[test]
fn clicking_a_person_filters_the_timeline() {
    let mut h = sample();
    let all = h.state().visible_events().len();
    let sherman = h
        .state()
        .story()
        .entities
        .iter()
        .position(|e| e.kind == EntityKind::Person && e.name.ends_with("Sherman"))
        .unwrap();
    let name = h.state().story().entities[sherman].name.clone();
    h.get_by_label(&name).click();
    h.run_steps(3);
    assert_eq!(h.state().state.selected_entity, Some(sherman));
    let visible = h.state().visible_events();
    assert!(!visible.is_empty() && visible.len() < all);
    let id = &h.state().story().entities[sherman].id;
    for e in visible {
        assert!(h.state().story().events[e].participants.contains(id));
    }
    h.get_by_label(&format!("· with {name}"));
    // Escape clears the filter.
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert_eq!(h.state().state.selected_entity, None);
    assert_eq!(h.state().visible_events().len(), all);
}

#[test]
fn search_filters_the_events() {
    let mut h = sample();
    let all = h.state().visible_events().len();
    let search = h.get_by_role(egui::accesskit::Role::TextInput);
    search.click();
    h.run_steps(1);
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Geneva");
    h.run_steps(3);
    assert_eq!(h.state().state.search, "Geneva");
    let visible = h.state().visible_events();
    assert!(
        !visible.is_empty() && visible.len() < all,
        "{} of {all}",
        visible.len()
    );
}

#[test]
fn arrow_keys_step_through_events_in_time_order() {
    let mut h = sample();
    let order = h.state().visible_events();
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().state.selected_event, Some(order[0]));
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().state.selected_event, Some(order[1]));
    h.key_press(Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(h.state().state.selected_event, Some(order[0]));
}

#[test]
fn an_empty_corpus_explains_itself() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = newsline::corpus::load_paths(&[dir.path()]);
    let mut h = harness_for(analyze(corpus));
    h.run_steps(2);
    h.get_by_label("No articles to show");
    // The reason, naming the folder, is on screen.
    let reason = format!("{}: no articles in this folder", dir.path().display());
    h.get_by_label_contains(&reason);
}

/// Runs frames until the background load is over. The deadline is wall-clock and generous: a
/// debug build analysing 1,600 articles on a slow, shared CI machine takes tens of seconds, and
/// this checks that the load finishes, not how fast.
fn settle_loading(h: &mut Harness<'static, NewslineApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    while std::time::Instant::now() < deadline {
        h.run_steps(1);
        if !h.state().is_loading() {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the load did not finish within 300 s");
}

#[test]
fn the_open_menu_offers_files_folders_reload_and_the_sample() {
    let mut h = sample();
    h.get_by_label("Open").click();
    h.run_steps(2);
    for item in [
        "Open files…",
        "Open folder…  (Ctrl+O)",
        "Reload  (F5)",
        "Built-in sample",
    ] {
        h.get_by_label(item);
    }
}

#[test]
fn a_folder_with_a_bad_file_loads_and_lists_the_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Council Approves Bridge\n\nMayor Lena Ortiz said on Tuesday, March 5, 2024, that the council approved the bridge.",
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.json"), "{\"text\": ").unwrap();
    let mut h = sample();
    h.state_mut().open(newsline::loader::Source::Paths(vec![
        dir.path().to_path_buf(),
    ]));
    settle_loading(&mut h);
    assert_eq!(h.state().story().documents.len(), 1);
    h.get_by_label("Files that could not be read");
    h.get_by_label_contains("broken.json");
}

#[test]
fn a_failed_load_keeps_the_old_story_and_says_why() {
    let mut h = sample();
    let missing = std::path::PathBuf::from("/definitely/not/here");
    h.state_mut()
        .open(newsline::loader::Source::Paths(vec![missing]));
    settle_loading(&mut h);
    assert_eq!(
        h.state().story().documents.len(),
        5,
        "the sample is still there"
    );
    h.get_by_label("Could not open the articles");
    h.get_by_label_contains("/definitely/not/here: no such file or folder");
}

#[test]
fn presentation_mode_hides_the_chrome_and_comes_back() {
    let mut h = sample();
    assert!(h.query_by_label_contains("Documents (5)").is_some());
    h.get_by_label("Present").click();
    h.run_steps(3);
    assert!(h.state().is_presenting());
    assert!(
        h.query_by_label_contains("Documents (5)").is_none(),
        "no sidebar"
    );
    h.key_press(Key::F11);
    h.run_steps(3);
    assert!(!h.state().is_presenting());
    assert!(h.query_by_label_contains("Documents (5)").is_some());
}

#[test]
fn the_save_menu_offers_pngs_and_svgs_and_svgs_are_written() {
    let mut h = sample();
    h.get_by_label("Save").click();
    h.run_steps(2);
    for item in [
        "Screenshot of the window…  (Ctrl+Shift+S)",
        "Screenshot of the timeline…",
        "Screenshot of the graph…",
        "Timeline as SVG…",
        "Graph as SVG…",
    ] {
        h.get_by_label(item);
    }
    let dir = tempfile::tempdir().unwrap();
    let (timeline, graph) = (dir.path().join("t.svg"), dir.path().join("g.svg"));
    h.state_mut()
        .save_to(newsline::app::SaveTarget::TimelineSvg, timeline.clone());
    h.state_mut()
        .save_to(newsline::app::SaveTarget::GraphSvg, graph.clone());
    let t = std::fs::read_to_string(&timeline).unwrap();
    let g = std::fs::read_to_string(&graph).unwrap();
    assert!(t.starts_with("<svg") && t.contains("Joe Biden") && t.contains("<circle"));
    assert!(g.starts_with("<svg") && g.contains("Vladimir Putin") && g.contains("<line"));
    assert!(h.state().note().unwrap().starts_with("Saved "));
}

#[test]
fn a_big_corpus_loads_with_its_view_built_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    // Enough articles for more than 200 people or 2,000 events: the view is built off the UI
    // thread.
    newsline::generate::write_corpus(1_600, dir.path(), 7).unwrap();
    let mut h = sample();
    h.state_mut().open(newsline::loader::Source::Paths(vec![
        dir.path().to_path_buf(),
    ]));
    settle_loading(&mut h);
    let story = h.state().story();
    assert_eq!(story.documents.len(), 1_600);
    assert!(
        story.entities.len() > 200 || story.events.len() > 2_000,
        "{} entities, {} events",
        story.entities.len(),
        story.events.len()
    );
    assert_eq!(h.state().visible_events().len(), story.events.len());
    // The status bar and the sources panel both count the documents.
    assert!(
        h.query_all_by_label_contains("1600 documents")
            .next()
            .is_some()
    );
}

/// A story that happens in one fortnight (sixteen events, three sources each) with background
/// events a month apart over the two years before and one in 1998.
fn fortnight_story() -> newsline::story::Story {
    use newsline::corpus::{DateBasis, Document};
    use newsline::story::{Entity, Event, Granularity, Mention, Story, When};
    let mut story = Story::new();
    for d in 0..3 {
        story.documents.push(Document {
            id: format!("d{d}"),
            file: format!("{d}.txt"),
            title: Some(format!("Report {d}")),
            outlet: Some(format!("Outlet {d}")),
            url: None,
            published: Some("2022-03-20".into()),
            published_basis: DateBasis::Manifest,
            text: "Ana Lima met Ben Ruiz.".into(),
            sections: Vec::new(),
            about: Default::default(),
        });
    }
    for (i, name) in ["Ana Lima", "Ben Ruiz"].iter().enumerate() {
        story.entities.push(Entity {
            id: format!("p{i}"),
            kind: EntityKind::Person,
            name: name.to_string(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: vec![Mention {
                doc: "d0".into(),
                start: 0,
                end: 3,
            }],
            edited: false,
        });
    }
    let mut add = |day: jiff::civil::Date, sources: usize| {
        let n = story.events.len();
        story.events.push(Event {
            id: format!("v{}", n + 1),
            title: format!("Talks round {n}"),
            when: When {
                value: day.to_string(),
                start: day.to_string(),
                end: day.to_string(),
                granularity: Granularity::Day,
            },
            participants: vec![format!("p{}", n % 2)],
            mentions: (0..sources)
                .map(|d| Mention {
                    doc: format!("d{d}"),
                    start: 0,
                    end: 10,
                })
                .collect(),
            edited: false,
        });
    };
    add(jiff::civil::date(1998, 5, 4), 1);
    for m in 0..24 {
        add(
            jiff::civil::date(2020, 1, 10)
                .checked_add(jiff::Span::new().months(m))
                .unwrap(),
            1,
        );
    }
    for d in 0..16 {
        add(
            jiff::civil::date(2022, 3, 1)
                .checked_add(jiff::Span::new().days(d * 13 / 16))
                .unwrap(),
            3,
        );
    }
    story
}

#[test]
fn the_timeline_opens_on_the_busy_fortnight_and_fit_reaches_the_background() {
    let mut h = harness_for(fortnight_story());
    h.run_steps(3);
    let day = |y, m, d| newsline::app::day_number(&jiff::civil::date(y, m, d).to_string()).unwrap();
    let (lo, hi) = h.state().timeline_days().expect("the timeline was drawn");
    // The fortnight is on screen, and the view is about the fortnight, not two years.
    assert!(
        lo <= day(2022, 3, 1) && hi >= day(2022, 3, 14),
        "{lo}..{hi}"
    );
    assert!(
        hi - lo < 120.0,
        "opens on weeks, not years: {} days",
        hi - lo
    );
    // Background events are reachable: Fit shows all of them, 1998 included...
    h.get_by_label("Fit").click();
    h.run_steps(3);
    let (lo, hi) = h.state().timeline_days().unwrap();
    assert!(
        lo <= day(1998, 5, 4) && hi >= day(2022, 3, 14),
        "{lo}..{hi}"
    );
    // ...and Focus frames the story again.
    h.get_by_label("Focus").click();
    h.run_steps(3);
    let (lo, hi) = h.state().timeline_days().unwrap();
    assert!(lo <= day(2022, 3, 1) && hi - lo < 120.0, "{lo}..{hi}");
}

#[test]
fn ten_thousand_unreadable_files_are_listed_without_laying_out_ten_thousand_rows() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        std::fs::write(dir.path().join(format!("{i:05}.txt")), b"").unwrap();
    }
    let mut h = sample();
    let source = newsline::loader::Source::Paths(vec![dir.path().to_path_buf()]);
    // Nothing loads: the failure window lists the files, a screenful at a time.
    h.state_mut().open(source.clone());
    settle_loading(&mut h);
    h.get_by_label("Could not open the articles");
    let shown = h.query_all_by_label_contains("empty file").count();
    assert!((1..100).contains(&shown), "{shown} rows laid out");
    // One good file among them: the story loads and its warnings window lists them the same way.
    std::fs::write(
        dir.path().join("good.txt"),
        "Council Approves Bridge\n\nMayor Lena Ortiz said on Tuesday, March 5, 2024, that the council approved the bridge.",
    )
    .unwrap();
    h.state_mut().open(source);
    settle_loading(&mut h);
    assert_eq!(h.state().story().documents.len(), 1);
    assert_eq!(h.state().story().warnings.len(), 10_000);
    h.get_by_label("Files that could not be read");
    let shown = h.query_all_by_label_contains("empty file").count();
    assert!((1..100).contains(&shown), "{shown} rows laid out");
    // Frames stay cheap (printed, not asserted: the machine's speed is not the test's).
    let started = std::time::Instant::now();
    h.run_steps(10);
    eprintln!(
        "a frame with 10,000 warnings: {:.1} ms",
        started.elapsed().as_secs_f64() * 100.0
    );
}

#[test]
fn where_sources_differ_shows_each_wording_and_opens_its_sentence() {
    let mut h = sample();
    let story = h.state().story().clone();
    // An event whose sources really differ, and one of its differing facts.
    let differ = story
        .comparisons
        .iter()
        .find(|c| c.verdict == newsline::story::Verdict::Differ && c.event.is_some())
        .expect("the sample's outlets differ somewhere")
        .clone();
    let e = story
        .events
        .iter()
        .position(|v| Some(&v.id) == differ.event.as_ref())
        .unwrap();
    h.state_mut().state.selected_event = Some(e);
    h.run_steps(3);
    h.get_by_label_contains("Where sources differ (");
    // Every outlet's wording is there; clicking one opens its article at that sentence.
    let wording = |text: &str| format!("“{}”", text.trim());
    for v in &differ.values {
        assert!(
            h.query_all_by_label_contains(&wording(&v.text)).count() >= 1,
            "{:?} is shown",
            v.text
        );
    }
    let first = &differ.values[0];
    h.get_all_by_label_contains(&wording(&first.text))
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    let d = story
        .documents
        .iter()
        .position(|d| d.id == first.doc)
        .unwrap();
    assert_eq!(
        h.state().state.open_document,
        Some((d, Some((first.sentence[0], first.sentence[1]))))
    );
}

#[test]
fn the_differences_list_selects_the_event() {
    let mut h = sample();
    let story = h.state().story().clone();
    let n = story
        .comparisons
        .iter()
        .filter(|c| c.verdict == newsline::story::Verdict::Differ)
        .count();
    assert!(n > 0);
    h.get_by_label(&format!("Differences ({n})")).click();
    h.run_steps(3);
    h.get_by_label("size");
    let with_event = story
        .comparisons
        .iter()
        .find(|c| c.verdict == newsline::story::Verdict::Differ && c.event.is_some())
        .unwrap();
    let e = story
        .events
        .iter()
        .position(|v| Some(&v.id) == with_event.event.as_ref())
        .unwrap();
    // A row names the fact's wordings side by side: click the one of that event.
    let first = with_event.values[0].text.trim();
    assert!(first.chars().count() < 24, "{first}");
    h.get_by_label_contains(&format!("“{first}” vs")).click();
    h.run_steps(3);
    assert_eq!(h.state().state.selected_event, Some(e));
}
