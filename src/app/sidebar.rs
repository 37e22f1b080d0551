//! The left sidebar: documents with outlet and date, entities with kind, mentions and a
//! filter checkbox, the visible events in time order (marked where sources differ) and the
//! story's differences.

use egui::RichText;

use super::edit_menu::{self, Target};
use super::index::StoryIndex;
use super::timeline::short;
use super::{Command, ViewState, dates, differences, theme};
use crate::story::{EntityKind, Story};

pub fn show(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    state: &ViewState,
    visible: &[usize],
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            egui::CollapsingHeader::new(
                RichText::new(format!("Documents ({})", story.documents.len())).strong(),
            )
            .id_salt("documents")
            .default_open(true)
            .show(ui, |ui| {
                rows(
                    ui,
                    "documents-rows",
                    story.documents.len(),
                    38.0,
                    |ui, d| {
                        let doc = &story.documents[d];
                        let title = doc.title.as_deref().unwrap_or(&doc.file);
                        let date = reference_date(doc);
                        let r = ui
                            .add(egui::Button::selectable(
                                state.open_document.is_some_and(|(o, _)| o == d),
                                short(title, 34),
                            ))
                            .on_hover_text(format!("{title}\n{} · {date}", index.outlet_of(d)));
                        edit_menu::row(&r, Target::Document(d), story, commands);
                        if r.clicked() {
                            commands.push(Command::OpenDocument(d, None));
                        }
                        let outlet = if doc.outlet.is_some() {
                            index.outlet_of(d)
                        } else {
                            doc.file.as_str()
                        };
                        ui.label(
                            RichText::new(format!("{} · {date}", short(outlet, 26)))
                                .small()
                                .color(theme::faint(ui.visuals())),
                        );
                    },
                );
            });
            ui.add_space(6.0);
            for (kind, label, open) in [
                (EntityKind::Person, "People", true),
                (EntityKind::Organization, "Organizations", false),
                (EntityKind::Place, "Places", false),
            ] {
                let members = index.entities_of(kind);
                egui::CollapsingHeader::new(
                    RichText::new(format!("{label} ({})", members.len())).strong(),
                )
                .id_salt(label)
                .default_open(open)
                .show(ui, |ui| {
                    rows(ui, label, members.len(), 24.0, |ui, i| {
                        let e = members[i];
                        let entity = &story.entities[e];
                        ui.horizontal(|ui| {
                            let mut shown = !state.hidden.contains(&e);
                            if ui
                                .checkbox(&mut shown, "")
                                .on_hover_text("Show this entity's events on the timeline")
                                .changed()
                            {
                                commands.push(Command::ToggleHidden(e));
                            }
                            let color = theme::kind_color(kind, ui.visuals());
                            let selected = state.selected_entity == Some(e);
                            let name = RichText::new(&entity.name).color(color);
                            let r = ui.add(egui::Button::selectable(selected, name));
                            let r = if entity.roles.is_empty() {
                                r
                            } else {
                                r.on_hover_text(entity.roles.join("; "))
                            };
                            edit_menu::row(&r, Target::Entity(e), story, commands);
                            if r.clicked() {
                                commands.push(Command::SelectEntity((!selected).then_some(e)));
                            }
                            ui.label(
                                RichText::new(entity.mentions.len().to_string())
                                    .small()
                                    .color(theme::faint(ui.visuals())),
                            );
                        });
                    });
                });
                ui.add_space(4.0);
            }
            egui::CollapsingHeader::new(
                RichText::new(format!("Differences ({})", index.differences(false).len())).strong(),
            )
            .id_salt("differences")
            .default_open(false)
            .show(ui, |ui| {
                differences::list(ui, story, index, state.selected_event, commands);
            });
            ui.add_space(4.0);
            egui::CollapsingHeader::new(
                RichText::new(format!("Events ({})", visible.len())).strong(),
            )
            .id_salt("events")
            .default_open(true)
            .show(ui, |ui| {
                let long = visible.len() > LONG;
                rows(ui, "events-rows", visible.len(), 24.0, |ui, i| {
                    let v = visible[i];
                    let ev = &story.events[v];
                    let selected = state.selected_event == Some(v);
                    // Long lists keep one line per event so that only visible rows are laid out.
                    let title = short(&ev.title, if long { 26 } else { 40 });
                    let mark = if ev.edited { "• " } else { "" };
                    let when = dates::format_when(&ev.when);
                    let text = if index.differs[v] {
                        // Sources differ on this event: a mark after its title.
                        RichText::new(format!("{mark}{when}  {title} {}", differences::MARK))
                            .color(differences::colour(ui.visuals()))
                    } else {
                        RichText::new(format!("{mark}{when}  {title}"))
                    };
                    let r = ui.add(egui::Button::selectable(selected, text));
                    let r = if index.differs[v] {
                        r.on_hover_text("The sources differ on this event")
                    } else {
                        r
                    };
                    edit_menu::row(&r, Target::Event(v), story, commands);
                    if selected && !long {
                        r.scroll_to_me(None);
                    }
                    if r.clicked() {
                        commands.push(Command::SelectEvent(Some(v)));
                    }
                });
            });
        });
}

/// Lists longer than this scroll on their own and lay out only the rows on screen.
const LONG: usize = 60;

/// Rows `0..n`: all of them for short lists, otherwise a scroll area of their own that draws
/// only the visible rows (each `row_height` points tall).
fn rows(
    ui: &mut egui::Ui,
    id: &str,
    n: usize,
    row_height: f32,
    mut row: impl FnMut(&mut egui::Ui, usize),
) {
    if n <= LONG {
        for i in 0..n {
            row(ui, i);
        }
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(360.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, n, |ui, range| {
            for i in range {
                row(ui, i);
            }
        });
}

/// A document's reference date as lists write it: "about" when the analysis guessed it from
/// the dates the text mentions or the middle of the corpus (approximate), "set by you" when a
/// person gave it; a date matched with another article's report of the same day is shown as
/// it is, being right to a day or two.
pub(super) fn reference_date(doc: &crate::corpus::Document) -> String {
    use crate::corpus::DateBasis;
    match (&doc.published, doc.published_basis) {
        (None, _) => "no date".to_string(),
        (Some(d), DateBasis::Text | DateBasis::Corpus) => format!("about {d}"),
        (Some(d), DateBasis::User) => format!("{d}, set by you"),
        (Some(d), _) => d.clone(),
    }
}
