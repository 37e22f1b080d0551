//! Editing in the real UI, driven without a display (egui_kittest): menus, dialogs, the date
//! editor, undo and redo, and reopening a folder with its project file.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsline::app::{NewslineApp, Provenance, Settings, Theme};
use newsline::loader::Source;

fn harness(app: NewslineApp) -> Harness<'static, NewslineApp> {
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut NewslineApp| app.show(ui), app);
    h.run_steps(3);
    h
}

fn sample() -> Harness<'static, NewslineApp> {
    let story = newsline::analysis::analyze(newsline::sample::corpus());
    harness(NewslineApp::new(story, Provenance::default(), Theme::Dark))
}

fn settle_loading(h: &mut Harness<'static, NewslineApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    while h.state().is_loading() {
        assert!(std::time::Instant::now() < deadline, "the load finishes");
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_steps(3);
}

/// Selects event `e` and opens the "Edit event" menu beside it in the source view.
fn edit_menu_of_event(h: &mut Harness<'static, NewslineApp>, e: usize) {
    h.state_mut()
        .apply(newsline::app::Command::SelectEvent(Some(e)));
    h.run_steps(3);
    h.get_by_label_contains("Edit e").click();
    h.run_steps(2);
}

fn type_into_dialog(h: &mut Harness<'static, NewslineApp>, text: &str) {
    // The dialog's field has the focus: select what is there and type over it.
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    h.run_steps(1);
    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.is_focused())
        .expect("a focused field");
    field.type_text(text);
    h.run_steps(2);
}

fn undo(h: &mut Harness<'static, NewslineApp>) {
    h.key_combination_modifiers(Modifiers::COMMAND, &[Key::Z]);
    h.run_steps(2);
}

fn redo(h: &mut Harness<'static, NewslineApp>, key: Key) {
    let mods = if key == Key::Z {
        Modifiers::COMMAND | Modifiers::SHIFT
    } else {
        Modifiers::COMMAND
    };
    h.key_combination_modifiers(mods, &[key]);
    h.run_steps(2);
}

#[test]
fn a_title_edited_from_the_menu_is_undone_and_redone() {
    let mut h = sample();
    let before = h.state().story().events[3].title.clone();
    let id = h.state().story().events[3].id.clone();
    edit_menu_of_event(&mut h, 3);
    h.get_by_label("Edit title…").click();
    h.run_steps(3);
    assert!(h.state().edit_dialog().is_some());
    type_into_dialog(&mut h, "Talks are set for January");
    h.get_by_label("OK").click();
    h.run_steps(3);
    let title = |h: &Harness<'static, NewslineApp>| {
        let s = h.state().story();
        s.event(&id).map(|e| (e.title.clone(), e.edited))
    };
    assert_eq!(title(&h), Some(("Talks are set for January".into(), true)));
    // The selection stays on the edited event, which shows its mark.
    assert_eq!(h.state().state.selected_event, Some(3));
    h.get_by_label("edited by you");
    undo(&mut h);
    assert_eq!(title(&h), Some((before.clone(), false)));
    assert!(h.state().session().edits().is_empty());
    redo(&mut h, Key::Z);
    assert_eq!(title(&h).unwrap().0, "Talks are set for January");
    undo(&mut h);
    redo(&mut h, Key::Y);
    assert_eq!(title(&h).unwrap().0, "Talks are set for January");
    // The Edit menu names what Undo would take back.
    h.get_by_label("Edit").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Undo Retitle").is_some(),
        "the Edit menu offers the undo"
    );
}

#[test]
fn the_date_editor_reads_as_you_type_and_redates_the_event() {
    let mut h = sample();
    let id = h.state().story().events[0].id.clone();
    edit_menu_of_event(&mut h, 0);
    h.get_by_label("Fix the date…").click();
    h.run_steps(3);
    type_into_dialog(&mut h, "Jan 9 2022");
    // Not a date yet without its year: the editor says why and OK waits.
    type_into_dialog(&mut h, "Jan 9-10");
    assert!(h.query_by_label_contains("add the year").is_some());
    type_into_dialog(&mut h, "Jan 9-10 2022");
    assert!(
        h.query_by_label_contains("2022-01-09 to 2022-01-10")
            .is_some(),
        "the reading is shown"
    );
    h.key_press(Key::Enter);
    h.run_steps(3);
    let when = h.state().story().event(&id).unwrap().when.clone();
    assert_eq!(
        (when.start.as_str(), when.end.as_str()),
        ("2022-01-09", "2022-01-10")
    );
    assert!(h.state().edit_dialog().is_none());
}

#[test]
fn deleting_a_person_from_the_source_view_takes_them_off_every_event() {
    let mut h = sample();
    let story = h.state().story().clone();
    let (p, person) = story
        .entities
        .iter()
        .enumerate()
        .find(|(_, e)| story.events_of(&e.id).count() > 0)
        .map(|(i, e)| (i, e.clone()))
        .unwrap();
    h.state_mut()
        .apply(newsline::app::Command::SelectEntity(Some(p)));
    h.run_steps(3);
    h.get_by_label_contains("Edit e").click();
    h.run_steps(2);
    h.get_by_label("Delete (not a real entity)").click();
    h.run_steps(3);
    let after = h.state().story();
    assert!(after.entity(&person.id).is_none());
    assert_eq!(after.events_of(&person.id).count(), 0);
    undo(&mut h);
    assert!(h.state().story().entity(&person.id).is_some());
}

#[test]
fn a_reopened_folder_shows_its_saved_edits() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "bridge.txt",
            "Council Approves Bridge\n\nMayor Lena Ortiz said on Tuesday, March 5, 2024, that the council approved the bridge. Ortiz met engineer Tom Reyes on Wednesday, March 6, 2024.",
        ),
        (
            "vote.txt",
            "Bridge Vote Praised\n\nEngineer Tom Reyes praised the vote on Thursday, March 7, 2024, after Mayor Lena Ortiz signed the order.",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    let open = || {
        let mut h = harness(NewslineApp::loading(source.clone(), Settings::default()));
        settle_loading(&mut h);
        h
    };
    let mut h = open();
    let n = h.state().story().events.len();
    let title = h.state().story().events[0].title.clone();
    edit_menu_of_event(&mut h, 0);
    h.get_by_label("Delete event").click();
    h.run_steps(3);
    assert_eq!(h.state().story().events.len(), n - 1);
    let saved = dir.path().join(newsline::edits::project::FILE_NAME);
    assert!(saved.is_file(), "saved at once");
    assert_eq!(
        h.state().session().project_path(),
        Some(saved.canonicalize().unwrap().as_path())
    );
    drop(h);

    let h = open();
    assert_eq!(h.state().story().events.len(), n - 1);
    assert!(h.state().story().events.iter().all(|e| e.title != title));
    assert_eq!(h.state().session().edits().len(), 1);
    // The status bar counts the edits.
    h.get_by_label("1 edits");
}
