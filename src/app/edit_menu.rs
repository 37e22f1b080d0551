//! The edit menus: what a right-click on a timeline marker, a graph node or edge, a list row
//! offers, and the "Edit" button beside the selection in the source view. Menus only push
//! [`Command`]s: an [`Edit`] at once, or a dialog that asks for a name, a title or a date.

use egui::RichText;

use super::Command;
use super::edit_dialog::{Dialog, Purpose};
use crate::edits::{Edit, EventKey, kind_name};
use crate::story::{EntityKind, Story};

/// What was right-clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Index into `story.events`.
    Event(usize),
    /// Index into `story.entities`.
    Entity(usize),
    /// Index into `story.links`.
    Link(usize),
    /// Index into `story.documents`.
    Document(usize),
}

/// A context menu on a widget that covers many targets (the timeline, the graph): the target
/// under the pointer when the right button was clicked is remembered while the menu is open.
pub fn context(
    response: &egui::Response,
    hit: Option<Target>,
    story: &Story,
    commands: &mut Vec<Command>,
) {
    let id = response.id.with("edit-target");
    if response.secondary_clicked() {
        response.ctx.data_mut(|d| d.insert_temp(id, hit));
    }
    let Some(target) = response
        .ctx
        .data(|d| d.get_temp::<Option<Target>>(id))
        .flatten()
    else {
        return;
    };
    response.context_menu(|ui| items(ui, story, target, commands));
}

/// A context menu on a widget that is one target (a list row).
pub fn row(response: &egui::Response, target: Target, story: &Story, commands: &mut Vec<Command>) {
    response.context_menu(|ui| items(ui, story, target, commands));
}

/// The "Edit event" (entity, link) menu button and the "edited" mark beside the selection
/// in the source view.
pub fn bar(ui: &mut egui::Ui, story: &Story, target: Target, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = match target {
            Target::Event(_) => "Edit event",
            Target::Entity(_) => "Edit entity",
            Target::Link(_) => "Edit link",
            Target::Document(_) => "Edit document",
        };
        ui.menu_button(label, |ui| items(ui, story, target, commands));
        if is_edited(story, target) {
            ui.label(edited_mark(ui));
        }
    });
}

/// The mark of something a person changed.
pub fn edited_mark(ui: &egui::Ui) -> RichText {
    RichText::new("edited by you")
        .italics()
        .color(super::theme::accent(ui.visuals()))
}

fn is_edited(story: &Story, target: Target) -> bool {
    match target {
        Target::Event(e) => story.events.get(e).is_some_and(|e| e.edited),
        Target::Entity(e) => story.entities.get(e).is_some_and(|e| e.edited),
        Target::Link(l) => story.links.get(l).is_some_and(|l| l.edited),
        Target::Document(_) => false,
    }
}

/// The menu's items for `target`.
pub fn items(ui: &mut egui::Ui, story: &Story, target: Target, commands: &mut Vec<Command>) {
    let mut push = |ui: &mut egui::Ui, c: Command| {
        commands.push(c);
        ui.close();
    };
    match target {
        Target::Event(e) => {
            let Some(ev) = story.events.get(e) else {
                return;
            };
            let Some(key) = EventKey::of(story, ev) else {
                ui.label("This event has no source sentence to edit by.");
                return;
            };
            if ui.button("Edit title…").clicked() {
                let d = Dialog::Retitle {
                    event: key.clone(),
                    text: ev.title.clone(),
                };
                push(ui, Command::Ask(d));
            }
            if ui.button("Fix the date…").clicked() {
                let d = Dialog::Redate {
                    event: key.clone(),
                    text: super::dates::format_when(&ev.when),
                };
                push(ui, Command::Ask(d));
            }
            if ui.button("Add a person…").clicked() {
                push(ui, pick(Purpose::AddParticipant(key.clone())));
            }
            let people: Vec<&str> = ev
                .participants
                .iter()
                .filter_map(|p| story.entity(p).map(|e| e.name.as_str()))
                .collect();
            if !people.is_empty() {
                ui.menu_button("Remove a person", |ui| {
                    for name in people {
                        if ui.button(name).clicked() {
                            let edit = Edit::RemoveParticipant {
                                event: key.clone(),
                                entity: name.to_string(),
                            };
                            push(ui, Command::Edit(edit));
                        }
                    }
                });
            }
            if ev.mentions.len() > 1 {
                ui.menu_button("Move a sentence out", |ui| {
                    for m in &ev.mentions {
                        let Some(doc) = story.document(&m.doc) else {
                            continue;
                        };
                        let text = doc.text.get(m.start..m.end).unwrap_or("");
                        let label = super::timeline::short(text.trim(), 60);
                        if ui.button(label).on_hover_text(&doc.file).clicked() {
                            let edit = Edit::DetachSentence {
                                event: key.clone(),
                                sentence: crate::edits::SpanKey {
                                    file: doc.file.clone(),
                                    start: m.start,
                                    end: m.end,
                                },
                            };
                            push(ui, Command::Edit(edit));
                        }
                    }
                });
            }
            if ui.button("Merge into another event…").clicked() {
                push(ui, pick(Purpose::MergeEventInto(key.clone())));
            }
            ui.separator();
            if ui.button("Delete event").clicked() {
                push(ui, Command::Edit(Edit::DeleteEvent { event: key }));
            }
        }
        Target::Entity(i) => {
            let Some(ent) = story.entities.get(i) else {
                return;
            };
            let name = ent.name.clone();
            if ui.button("Rename…").clicked() {
                let d = Dialog::Rename {
                    entity: name.clone(),
                    text: name.clone(),
                };
                push(ui, Command::Ask(d));
            }
            if ui.button("Merge into…").clicked() {
                push(ui, pick(Purpose::MergeEntityInto(name.clone())));
            }
            ui.menu_button("Kind", |ui| {
                for kind in [
                    EntityKind::Person,
                    EntityKind::Organization,
                    EntityKind::Place,
                ] {
                    if ui.radio(ent.kind == kind, kind_name(kind)).clicked() && ent.kind != kind {
                        let edit = Edit::SetEntityKind {
                            entity: name.clone(),
                            kind,
                        };
                        push(ui, Command::Edit(edit));
                    }
                }
            });
            if !ent.aliases.is_empty() {
                ui.menu_button("Split off an alias", |ui| {
                    for alias in &ent.aliases {
                        if ui.button(alias).clicked() {
                            let edit = Edit::SplitAlias {
                                entity: name.clone(),
                                alias: alias.clone(),
                            };
                            push(ui, Command::Edit(edit));
                        }
                    }
                });
            }
            if ui.button("Link to…").clicked() {
                push(ui, pick(Purpose::LinkTo(name.clone())));
            }
            ui.separator();
            if ui
                .button("Hide")
                .on_hover_text("Out of the graph, lists and events; Undo brings it back")
                .clicked()
            {
                let edit = Edit::HideEntity {
                    entity: name.clone(),
                };
                push(ui, Command::Edit(edit));
            }
            if ui
                .button("Delete (not a real entity)")
                .on_hover_text("A false find: gone with its mentions")
                .clicked()
            {
                push(ui, Command::Edit(Edit::DeleteEntity { entity: name }));
            }
        }
        Target::Link(l) => {
            let Some(link) = story.links.get(l) else {
                return;
            };
            let (Some(a), Some(b)) = (story.entity(&link.a), story.entity(&link.b)) else {
                return;
            };
            let (a, b) = (a.name.clone(), b.name.clone());
            if ui.button("Edit label…").clicked() {
                let d = Dialog::Label {
                    a: a.clone(),
                    b: b.clone(),
                    text: link.label.clone(),
                };
                push(ui, Command::Ask(d));
            }
            if ui.button("Delete link").clicked() {
                push(ui, Command::Edit(Edit::DeleteLink { a, b }));
            }
        }
        Target::Document(d) => {
            let Some(doc) = story.documents.get(d) else {
                return;
            };
            if ui
                .button("Set the publication date…")
                .on_hover_text(
                    "The day it was published: its relative dates (“on Tuesday”, “last week”) are read from it",
                )
                .clicked()
            {
                push(
                    ui,
                    Command::Ask(Dialog::DateDocument {
                        file: doc.file.clone(),
                        text: doc.published.clone().unwrap_or_default(),
                    }),
                );
            }
            if ui
                .button("Exclude from the story")
                .on_hover_text(
                    "Its sentences, people and dates leave the story; Undo brings it back",
                )
                .clicked()
            {
                let edit = Edit::ExcludeDocument {
                    file: doc.file.clone(),
                };
                push(ui, Command::Edit(edit));
            }
        }
    }
}

fn pick(purpose: Purpose) -> Command {
    Command::Ask(Dialog::Pick {
        purpose,
        filter: String::new(),
    })
}
