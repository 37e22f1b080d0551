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

/// Runs frames until the corpus analysed again with corrected dates is shown.
fn settle_reanalysis(h: &mut Harness<'static, NewslineApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while h.state().reanalysing() {
        assert!(
            std::time::Instant::now() < deadline,
            "the analysis finishes"
        );
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
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
    h.get_by_label("1 edit");
}

/// The index of the entity called `name`.
fn entity_named(h: &Harness<'static, NewslineApp>, name: &str) -> Option<usize> {
    h.state()
        .story()
        .entities
        .iter()
        .position(|e| e.name == name)
}

#[test]
fn people_are_renamed_merged_and_linked_from_their_menus() {
    let mut h = sample();
    // Rename from the right-click menu of the People list.
    h.get_by_label("Yury Ushakov").click_secondary();
    h.run_steps(2);
    h.get_by_label("Rename…").click();
    h.run_steps(3);
    type_into_dialog(&mut h, "Yuri Ushakov");
    h.key_press(Key::Enter);
    h.run_steps(3);
    let yuri = entity_named(&h, "Yuri Ushakov").expect("renamed");
    let aliases = h.state().story().entities[yuri].aliases.clone();
    assert!(aliases.contains(&"Yury Ushakov".to_string()));

    // Merge: pick the other person in the dialog's list.
    h.get_by_label("Wendy Sherman").click_secondary();
    h.run_steps(2);
    h.get_by_label("Merge into…").click();
    h.run_steps(3);
    type_into_dialog(&mut h, "Blinken");
    h.get_by_label("Antony Blinken  (person)").click();
    h.run_steps(3);
    assert!(entity_named(&h, "Wendy Sherman").is_none());
    let blinken = entity_named(&h, "Antony Blinken").unwrap();
    assert!(h.state().story().entities[blinken].edited);

    // A new link with a label.
    let ryabkov = entity_named(&h, "Sergei Ryabkov").unwrap();
    h.state_mut()
        .apply(newsline::app::Command::SelectEntity(Some(ryabkov)));
    h.run_steps(3);
    h.get_by_label("Edit entity").click();
    h.run_steps(2);
    h.get_by_label("Link to…").click();
    h.run_steps(3);
    type_into_dialog(&mut h, "Yuri");
    h.get_by_label("Yuri Ushakov  (person)").click();
    h.run_steps(3);
    type_into_dialog(&mut h, "counterparts");
    h.get_by_label("OK").click();
    h.run_steps(3);
    let story = h.state().story();
    let (a, b) = (&story.entities[ryabkov].id, &story.entities[yuri].id);
    let link = story
        .links
        .iter()
        .find(|l| (&l.a, &l.b) == (a, b) || (&l.a, &l.b) == (b, a))
        .expect("the new link");
    assert_eq!((link.label.as_str(), link.edited), ("counterparts", true));
    assert_eq!(h.state().session().edits().len(), 3);
    // Undo three times: the story as analysed.
    for _ in 0..3 {
        undo(&mut h);
    }
    assert!(entity_named(&h, "Wendy Sherman").is_some());
    assert!(entity_named(&h, "Yury Ushakov").is_some());
}

#[test]
fn a_document_excluded_from_its_row_leaves_the_story() {
    let mut h = sample();
    let file = h.state().story().documents[0].file.clone();
    let title = h.state().story().documents[0].title.clone().unwrap();
    h.get_by_label(title.as_str()).click_secondary();
    h.run_steps(2);
    h.get_by_label("Exclude from the story").click();
    h.run_steps(3);
    let story = h.state().story();
    assert_eq!(story.documents.len(), 4);
    assert_eq!(story.excluded, [file]);
    undo(&mut h);
    assert_eq!(h.state().story().documents.len(), 5);
}

#[test]
fn a_publication_date_set_from_a_document_row_redates_its_story() {
    let mut h = sample();
    let before = h.state().story().documents[0].published.clone();
    let title = h.state().story().documents[0].title.clone().unwrap();
    h.get_by_label(title.as_str()).click_secondary();
    h.run_steps(2);
    h.get_by_label("Set the publication date…").click();
    h.run_steps(3);
    // A month is no publication date: the dialog says so and OK waits.
    type_into_dialog(&mut h, "March 2021");
    assert!(h.query_by_label_contains("one day").is_some());
    type_into_dialog(&mut h, "March 3 2021");
    h.key_press(Key::Enter);
    h.run_steps(1);
    // The corpus is analysed again in the background; the window answers meanwhile.
    settle_reanalysis(&mut h);
    let doc = &h.state().story().documents[0];
    assert_eq!(doc.published.as_deref(), Some("2021-03-03"));
    assert_eq!(doc.published_basis, newsline::corpus::DateBasis::User);
    assert!(
        h.query_by_label_contains("2021-03-03, set by you")
            .is_some()
    );
    undo(&mut h);
    assert_eq!(h.state().story().documents[0].published, before);
}

#[test]
fn a_sentence_of_an_article_becomes_an_event_from_its_menu() {
    let mut h = sample();
    let before = h.state().story().events.len();
    h.state_mut()
        .apply(newsline::app::Command::OpenDocument(0, None));
    h.run_steps(3);
    let doc = h.state().story().documents[0].clone();
    // The body's first words name its label; a right click on it opens the sentence menu.
    let body = doc
        .sections
        .iter()
        .find(|s| s.kind == newsline::corpus::SectionKind::Body)
        .unwrap();
    let opening: String = doc.text[body.start..].chars().take(40).collect();
    h.get_by_label_contains(opening.trim()).click_secondary();
    h.run_steps(2);
    h.get_by_label("Add an event from this sentence…").click();
    h.run_steps(3);
    type_into_dialog(&mut h, "A sentence made an event");
    h.key_press(Key::Tab);
    h.run_steps(1);
    type_into_dialog(&mut h, "March 3 2021");
    h.key_press(Key::Enter);
    h.run_steps(3);
    let story = h.state().story();
    assert_eq!(story.events.len(), before + 1);
    let added = story
        .events
        .iter()
        .find(|e| e.title == "A sentence made an event")
        .expect("the new event");
    assert_eq!(added.when.value, "2021-03-03");
    assert!(added.edited);
    assert_eq!(added.mentions[0].doc, doc.id);
    assert!(added.mentions[0].start >= body.start && added.mentions[0].end <= body.end);
    undo(&mut h);
    assert_eq!(h.state().story().events.len(), before);
}

/// Where the graph draws the person `name` (its node in the accessibility tree).
fn graph_node(h: &Harness<'static, NewslineApp>, name: &str) -> egui::Pos2 {
    h.get_by_role_and_label(egui::Role::GraphicsObject, &format!("In the graph: {name}"))
        .rect()
        .center()
}

#[test]
fn a_person_dragged_onto_another_in_the_graph_is_merged_into_them() {
    let mut h = sample();
    let (from, into) = (
        graph_node(&h, "Wendy Sherman"),
        graph_node(&h, "Antony Blinken"),
    );
    assert_ne!(from, into);
    // Press on one node, move in steps (a drag, not a click) and release on the other.
    h.drag_at(from);
    h.run_steps(1);
    for step in 1..=10 {
        h.hover_at(from + (into - from) * (step as f32 / 10.0));
        h.run_steps(1);
    }
    h.drop_at(into);
    h.run_steps(3);
    assert!(entity_named(&h, "Wendy Sherman").is_none(), "merged");
    let blinken = entity_named(&h, "Antony Blinken").expect("the one dropped onto stays");
    let entity = &h.state().story().entities[blinken];
    assert!(entity.aliases.contains(&"Wendy Sherman".to_string()));
    assert!(entity.edited);
    undo(&mut h);
    assert!(entity_named(&h, "Wendy Sherman").is_some(), "undone");
}
