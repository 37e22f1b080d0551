//! Curation in the window: the edit session (the edit list, undo and redo, the project file),
//! the Edit menu, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, the open dialog, and the window that lists
//! every edit, the ones that no longer apply, and where they are kept.
//!
//! An edit never touches the view's story in place: the session replays the edit list on the
//! analysed story and the view is rebuilt from the result, keeping the selection by id.

use egui::RichText;

use super::edit_dialog::{self, Dialog, Outcome};
use super::{Command, NewslineApp, loading};
use crate::edits::Session;
use crate::story::Story;

/// The window's edit state.
pub struct Curation {
    pub session: Session,
    pub dialog: Option<Dialog>,
    /// The list of edits is open.
    pub show_list: bool,
    /// The corpus analysed again with corrected publication dates, under way.
    pub reanalysis: Option<super::reanalysis::Reanalysis>,
}

impl Curation {
    pub fn new(mut session: Session) -> Self {
        session.analyse_in_background();
        // Something the user must hear of (a damaged file, edits that no longer apply)
        // opens the list at once.
        let show_list = !session.notices.is_empty() || !session.unapplied().is_empty();
        Curation {
            session,
            dialog: None,
            show_list,
            reanalysis: None,
        }
    }
}

/// Selection and filters by id, to find them again in the edited story.
struct Kept {
    event: Option<String>,
    entity: Option<String>,
    link: Option<(String, String)>,
    document: Option<(String, Option<(usize, usize)>)>,
    hidden: Vec<String>,
}

impl NewslineApp {
    /// The edit session (its edits, what did not apply, where they are saved).
    pub fn session(&self) -> &Session {
        &self.curation.session
    }

    /// The dialog an edit is waiting on, if any.
    pub fn edit_dialog(&self) -> Option<&Dialog> {
        self.curation.dialog.as_ref()
    }

    /// Carries out an edit command.
    pub(super) fn curate(&mut self, command: Command) {
        let story = match command {
            Command::Edit(edit) => Some(self.curation.session.record(edit)),
            Command::Undo => self.curation.session.undo(),
            Command::Redo => self.curation.session.redo(),
            Command::Revert(i) => self.curation.session.revert(i),
            Command::Ask(dialog) => {
                self.curation.dialog = Some(dialog);
                None
            }
            _ => None,
        };
        if let Some(story) = story {
            self.start_reanalysis();
            self.show_edited(story);
        }
    }

    /// Shows the edited story, keeping the selection, filters and the timeline's zoom.
    pub(super) fn show_edited(&mut self, story: Story) {
        let kept = self.keep();
        let prepared = loading::Prepared::new(story, self.provenance.analysis);
        self.story = prepared.story;
        self.index = prepared.index;
        self.graph = prepared.graph;
        self.timeline.story_changed();
        self.restore(kept);
    }

    fn keep(&self) -> Kept {
        let (s, st) = (&self.story, &self.state);
        Kept {
            event: st
                .selected_event
                .and_then(|i| s.events.get(i))
                .map(|e| e.id.clone()),
            entity: st
                .selected_entity
                .and_then(|i| s.entities.get(i))
                .map(|e| e.id.clone()),
            link: st
                .selected_link
                .and_then(|i| s.links.get(i))
                .map(|l| (l.a.clone(), l.b.clone())),
            document: st
                .open_document
                .and_then(|(d, span)| s.documents.get(d).map(|d| (d.id.clone(), span))),
            hidden: st
                .hidden
                .iter()
                .filter_map(|&i| s.entities.get(i).map(|e| e.id.clone()))
                .collect(),
        }
    }

    fn restore(&mut self, kept: Kept) {
        let s = &self.story;
        let st = &mut self.state;
        st.selected_event = kept
            .event
            .and_then(|id| s.events.iter().position(|e| e.id == id));
        st.selected_entity = kept
            .entity
            .and_then(|id| s.entities.iter().position(|e| e.id == id));
        st.selected_link = kept
            .link
            .and_then(|(a, b)| s.links.iter().position(|l| l.a == a && l.b == b));
        st.open_document = kept.document.and_then(|(id, span)| {
            s.documents
                .iter()
                .position(|d| d.id == id)
                .map(|d| (d, span))
        });
        st.hidden = kept
            .hidden
            .iter()
            .filter_map(|id| s.entities.iter().position(|e| e.id == *id))
            .collect();
    }

    /// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (not while typing in a field).
    pub(super) fn edit_keys(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        // A clicked button keeps the focus; only a text field owns Ctrl+Z.
        if ctx.text_edit_focused() {
            return;
        }
        ctx.input(|i| {
            let cmd = i.modifiers.command;
            if cmd && i.key_pressed(egui::Key::Z) {
                commands.push(if i.modifiers.shift {
                    Command::Redo
                } else {
                    Command::Undo
                });
            }
            if cmd && i.key_pressed(egui::Key::Y) {
                commands.push(Command::Redo);
            }
        });
    }

    /// The Edit menu of the top bar.
    pub(super) fn edit_menu(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let session = &self.curation.session;
        let undo = session.can_undo().map(|e| e.describe());
        let redo = session.can_redo().map(|e| e.describe());
        let count = session.edits().len();
        let mut list = false;
        ui.menu_button("Edit", |ui| {
            let label = |what: &str, edit: &Option<String>, keys: &str| match edit {
                Some(e) => format!("{what} {}  ({keys})", super::timeline::short(e, 48)),
                None => format!("{what}  ({keys})"),
            };
            if ui
                .add_enabled(
                    undo.is_some(),
                    egui::Button::new(label("Undo", &undo, "Ctrl+Z")),
                )
                .clicked()
            {
                commands.push(Command::Undo);
                ui.close();
            }
            if ui
                .add_enabled(
                    redo.is_some(),
                    egui::Button::new(label("Redo", &redo, "Ctrl+Shift+Z")),
                )
                .clicked()
            {
                commands.push(Command::Redo);
                ui.close();
            }
            ui.separator();
            if ui.button(format!("Your edits ({count})…")).clicked() {
                list = true;
                ui.close();
            }
            ui.label(
                RichText::new("Right-click an event, a person or a link to edit it")
                    .small()
                    .weak(),
            );
        });
        if list {
            self.curation.show_list = true;
        }
    }

    /// The open dialog and the list of edits, drawn after the panels.
    pub(super) fn curation_windows(&mut self, ctx: &egui::Context) {
        if let Some(mut dialog) = self.curation.dialog.take() {
            match edit_dialog::show(ctx, &self.story, &mut dialog) {
                Outcome::Open => self.curation.dialog = Some(dialog),
                Outcome::Cancelled => {}
                Outcome::Done(edit) => self.curate(Command::Edit(edit)),
                Outcome::Next(next) => self.curation.dialog = Some(next),
            }
        }
        if self.curation.show_list {
            self.edits_window(ctx);
        }
    }

    fn edits_window(&mut self, ctx: &egui::Context) {
        let mut open = true;
        let mut revert = None;
        let session = &self.curation.session;
        egui::Window::new("Your edits")
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                for n in &session.notices {
                    ui.label(RichText::new(n).color(ui.visuals().warn_fg_color));
                }
                match session.project_path() {
                    Some(p) => ui.label(format!("Saved as you go in {}", p.display())),
                    None => ui.label("Kept for this session only (no corpus folder)."),
                };
                ui.separator();
                if session.edits().is_empty() {
                    ui.label("No edits yet: right-click an event, a person or a link.");
                }
                let unapplied = session.unapplied();
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for (i, edit) in session.edits().iter().enumerate() {
                            ui.horizontal(|ui| {
                                ui.label(format!("{}. {}", i + 1, edit.describe()));
                                if ui.small_button("Revert").clicked() {
                                    revert = Some(i);
                                }
                            });
                            if let Some(u) = unapplied.iter().find(|u| u.index == i) {
                                ui.label(
                                    RichText::new(format!("    not applied: {}", u.reason))
                                        .color(ui.visuals().warn_fg_color),
                                );
                            }
                        }
                    });
            });
        if let Some(i) = revert {
            self.curate(Command::Revert(i));
        }
        self.curation.show_list = open;
    }
}

/// The status bar's word on edits: how many, and a warning when some do not apply.
pub(super) fn status(ui: &mut egui::Ui, curation: &mut Curation) {
    if curation.reanalysis.is_some() {
        ui.separator();
        ui.spinner();
        ui.label("Placing the dates again…");
    }
    {
        let session = &curation.session;
        let (n, bad) = (session.edits().len(), session.unapplied().len());
        if n == 0 && session.notices.is_empty() {
            return;
        }
        ui.separator();
        let edits = if n == 1 {
            "1 edit".to_string()
        } else {
            format!("{n} edits")
        };
        let text = if bad > 0 || !session.notices.is_empty() {
            RichText::new(format!("{edits}, {bad} not applied")).color(ui.visuals().warn_fg_color)
        } else {
            RichText::new(edits)
        };
        if ui.link(text).clicked() {
            curation.show_list = !curation.show_list;
        }
    }
}
