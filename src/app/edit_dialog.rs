//! The small windows an edit may need: a new name or title, a date (see [`super::date_editor`]),
//! another entity or event to merge with or link to, a link's label. A dialog ends with an
//! [`Edit`] for the session, or nothing when cancelled.

use egui::RichText;

use crate::edits::apply::{entity_index, event_index};
use crate::edits::{Edit, EventKey};
use crate::story::Story;

/// A dialog waiting for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Rename {
        entity: String,
        text: String,
    },
    Retitle {
        event: EventKey,
        text: String,
    },
    Redate {
        event: EventKey,
        text: String,
    },
    /// An event made from a sentence of an article: its title and date.
    AddEvent {
        sentence: crate::edits::SpanKey,
        title: String,
        date: String,
    },
    /// The day a document was published, against which its relative dates are read.
    DateDocument {
        file: String,
        text: String,
    },
    /// Choose another entity or event from a filtered list.
    Pick {
        purpose: Purpose,
        filter: String,
    },
    /// The label of a link (new or existing) between two entities.
    Label {
        a: String,
        b: String,
        text: String,
    },
}

/// What a picked entity or event is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    MergeEntityInto(String),
    AddParticipant(EventKey),
    LinkTo(String),
    MergeEventInto(EventKey),
}

/// How a dialog's frame ended.
pub enum Outcome {
    Open,
    Cancelled,
    Done(Edit),
    /// Another question follows (a link's label after its other end).
    Next(Dialog),
}

/// Most entries a pick list shows.
const PICK_AT_MOST: usize = 60;

/// Draws `dialog` as a window in the middle of the screen.
pub fn show(ctx: &egui::Context, story: &Story, dialog: &mut Dialog) -> Outcome {
    let title = match dialog {
        Dialog::Rename { .. } => "Rename",
        Dialog::Retitle { .. } => "Edit the title",
        Dialog::Redate { .. } => "Fix the date",
        Dialog::DateDocument { .. } => "Publication date",
        Dialog::AddEvent { .. } => "Add an event",
        Dialog::Pick { purpose, .. } => match purpose {
            Purpose::MergeEntityInto(_) => "Merge into…",
            Purpose::AddParticipant(_) => "Add a person",
            Purpose::LinkTo(_) => "Link to…",
            Purpose::MergeEventInto(_) => "Merge into another event",
        },
        Dialog::Label { .. } => "Label of the link",
    };
    let mut outcome = Outcome::Open;
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            outcome = body(ui, story, dialog);
            if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                outcome = Outcome::Cancelled;
            }
        });
    outcome
}

fn body(ui: &mut egui::Ui, story: &Story, dialog: &mut Dialog) -> Outcome {
    match dialog {
        Dialog::Rename { entity, text } => {
            ui.label(format!(
                "New name for “{entity}” (the old one stays as an alias):"
            ));
            let ok = text_field(ui, text);
            buttons(ui, ok, !text.trim().is_empty(), || Edit::RenameEntity {
                entity: entity.clone(),
                name: text.trim().to_string(),
            })
        }
        Dialog::Retitle { event, text } => {
            ui.label("Title of the event:");
            let ok = text_field(ui, text);
            buttons(ui, ok, !text.trim().is_empty(), || Edit::RetitleEvent {
                event: event.clone(),
                title: text.trim().to_string(),
            })
        }
        Dialog::Redate { event, text } => {
            ui.label(RichText::new(&event.title).strong());
            ui.label("When it happened:");
            let (field, parsed) = super::date_editor::show(ui, text);
            let ok = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            focus_once(ui, &field);
            let typed = text.trim().to_string();
            match parsed {
                Ok(when) => buttons(ui, ok, true, || Edit::RedateEvent {
                    event: event.clone(),
                    typed,
                    when,
                }),
                Err(_) => buttons(ui, false, false, || unreachable!("disabled")),
            }
        }
        Dialog::AddEvent {
            sentence,
            title,
            date,
        } => {
            ui.label("Title of the event:");
            let r = ui.add(egui::TextEdit::singleline(title).desired_width(320.0));
            focus_once(ui, &r);
            ui.label("When it happened:");
            let (field, parsed) = super::date_editor::show(ui, date);
            let ok = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let valid = !title.trim().is_empty();
            match parsed {
                Ok(when) => buttons(ui, ok && valid, valid, || Edit::AddEvent {
                    sentence: sentence.clone(),
                    when,
                    title: title.trim().to_string(),
                }),
                Err(_) => buttons(ui, false, false, || unreachable!("disabled")),
            }
        }
        Dialog::DateDocument { file, text } => {
            ui.label(RichText::new(file.as_str()).strong());
            ui.label("Published on (its “Tuesday” and “last week” are read from this day):");
            let (field, parsed) = super::date_editor::show(ui, text);
            let ok = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            focus_once(ui, &field);
            match parsed {
                Ok(when) if when.start == when.end => {
                    buttons(ui, ok, true, || Edit::DateDocument {
                        file: file.clone(),
                        date: when.start.clone(),
                    })
                }
                Ok(_) => {
                    ui.label(
                        RichText::new("A publication date is one day.")
                            .color(ui.visuals().error_fg_color),
                    );
                    buttons(ui, false, false, || unreachable!("disabled"))
                }
                Err(_) => buttons(ui, false, false, || unreachable!("disabled")),
            }
        }
        Dialog::Label { a, b, text } => {
            ui.label(format!("{a} — {b}:"));
            let ok = text_field(ui, text);
            buttons(ui, ok, true, || Edit::AddLink {
                a: a.clone(),
                b: b.clone(),
                label: text.trim().to_string(),
            })
        }
        Dialog::Pick { purpose, filter } => pick(ui, story, purpose, filter),
    }
}

/// A single-line field focused when the dialog opens; true when Enter was pressed in it.
fn text_field(ui: &mut egui::Ui, text: &mut String) -> bool {
    let r = ui.add(egui::TextEdit::singleline(text).desired_width(320.0));
    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    focus_once(ui, &r);
    enter
}

/// The dialog's one field takes the keyboard whenever no other text field has it (the click
/// that opened the dialog may take the focus away on its first frame).
fn focus_once(ui: &egui::Ui, r: &egui::Response) {
    if !ui.ctx().text_edit_focused() {
        r.request_focus();
    }
}

/// OK and Cancel; OK (or Enter) makes the edit when `valid`.
fn buttons(ui: &mut egui::Ui, enter: bool, valid: bool, edit: impl FnOnce() -> Edit) -> Outcome {
    let mut outcome = Outcome::Open;
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if (ui.add_enabled(valid, egui::Button::new("OK")).clicked() || enter) && valid {
            outcome = Outcome::Done(edit());
        } else if ui.button("Cancel").clicked() {
            outcome = Outcome::Cancelled;
        }
    });
    outcome
}

fn pick(ui: &mut egui::Ui, story: &Story, purpose: &Purpose, filter: &mut String) -> Outcome {
    let r = ui.add(
        egui::TextEdit::singleline(filter)
            .hint_text("type to filter")
            .desired_width(320.0),
    );
    focus_once(ui, &r);
    let needle = filter.to_lowercase();
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| match purpose {
            Purpose::MergeEntityInto(this) | Purpose::LinkTo(this) => {
                let me = entity_index(story, this).ok();
                let mut order: Vec<usize> = (0..story.entities.len())
                    .filter(|&i| Some(i) != me)
                    .filter(|&i| story.entities[i].name.to_lowercase().contains(&needle))
                    .collect();
                order.sort_by_key(|&i| std::cmp::Reverse(story.entities[i].mentions.len()));
                for &i in order.iter().take(PICK_AT_MOST) {
                    let e = &story.entities[i];
                    let text = format!("{}  ({})", e.name, crate::edits::kind_name(e.kind));
                    if ui.selectable_label(false, text).clicked() {
                        chosen = Some(e.name.clone());
                    }
                }
            }
            Purpose::AddParticipant(event) => {
                let have: Vec<&String> = event_index(story, event)
                    .map(|e| story.events[e].participants.iter().collect())
                    .unwrap_or_default();
                let mut order: Vec<usize> = (0..story.entities.len())
                    .filter(|&i| !have.contains(&&story.entities[i].id))
                    .filter(|&i| story.entities[i].name.to_lowercase().contains(&needle))
                    .collect();
                order.sort_by_key(|&i| std::cmp::Reverse(story.entities[i].mentions.len()));
                for &i in order.iter().take(PICK_AT_MOST) {
                    if ui
                        .selectable_label(false, &story.entities[i].name)
                        .clicked()
                    {
                        chosen = Some(story.entities[i].name.clone());
                    }
                }
            }
            Purpose::MergeEventInto(event) => {
                let me = event_index(story, event).ok();
                let day = |i: usize| super::day_number(&story.events[i].when.start).unwrap_or(0.0);
                let here = me.map_or(0.0, day);
                let mut order: Vec<usize> = (0..story.events.len())
                    .filter(|&i| Some(i) != me)
                    .filter(|&i| story.events[i].title.to_lowercase().contains(&needle))
                    .collect();
                order.sort_by(|&a, &b| (day(a) - here).abs().total_cmp(&(day(b) - here).abs()));
                for &i in order.iter().take(PICK_AT_MOST) {
                    let ev = &story.events[i];
                    let text = format!(
                        "{}  {}",
                        super::dates::format_when(&ev.when),
                        super::timeline::short(&ev.title, 50)
                    );
                    if ui.selectable_label(false, text).clicked() {
                        chosen = Some(i.to_string());
                    }
                }
            }
        });
    let cancel = ui.button("Cancel").clicked();
    let Some(other) = chosen else {
        return if cancel {
            Outcome::Cancelled
        } else {
            Outcome::Open
        };
    };
    match purpose {
        Purpose::MergeEntityInto(this) => Outcome::Done(Edit::MergeEntities {
            into: other,
            from: this.clone(),
        }),
        Purpose::AddParticipant(event) => Outcome::Done(Edit::AddParticipant {
            event: event.clone(),
            entity: other,
        }),
        Purpose::LinkTo(this) => Outcome::Next(Dialog::Label {
            a: this.clone(),
            b: other,
            text: String::new(),
        }),
        Purpose::MergeEventInto(event) => {
            let i: usize = other.parse().unwrap_or(usize::MAX);
            match story.events.get(i).and_then(|e| EventKey::of(story, e)) {
                Some(into) => Outcome::Done(Edit::MergeEvents {
                    into,
                    from: event.clone(),
                }),
                None => Outcome::Cancelled,
            }
        }
    }
}
