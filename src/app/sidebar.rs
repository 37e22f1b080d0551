//! The left sidebar: documents with outlet and date, entities with kind, mentions and a
//! filter checkbox, and the visible events in time order.

use egui::RichText;

use super::index::StoryIndex;
use super::timeline::short;
use super::{Command, ViewState, dates, theme};
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
                for (d, doc) in story.documents.iter().enumerate() {
                    let title = doc.title.as_deref().unwrap_or(&doc.file);
                    let date = doc.published.as_deref().unwrap_or("no date");
                    let r = ui
                        .add(egui::Button::selectable(
                            state.open_document.is_some_and(|(o, _)| o == d),
                            short(title, 34),
                        ))
                        .on_hover_text(format!("{title}\n{} · {date}", index.outlet_of[d]));
                    if r.clicked() {
                        commands.push(Command::OpenDocument(d, None));
                    }
                    let outlet = if doc.outlet.is_some() {
                        index.outlet_of[d].as_str()
                    } else {
                        doc.file.as_str()
                    };
                    ui.label(
                        RichText::new(format!("{} · {date}", short(outlet, 26)))
                            .small()
                            .color(theme::faint(ui.visuals())),
                    );
                }
            });
            ui.add_space(6.0);
            for (kind, label, open) in [
                (EntityKind::Person, "People", true),
                (EntityKind::Organization, "Organizations", false),
                (EntityKind::Place, "Places", false),
            ] {
                let mut members: Vec<usize> = (0..story.entities.len())
                    .filter(|&e| story.entities[e].kind == kind)
                    .collect();
                members.sort_by(|&a, &b| {
                    story.entities[b]
                        .mentions
                        .len()
                        .cmp(&story.entities[a].mentions.len())
                        .then(story.entities[a].name.cmp(&story.entities[b].name))
                });
                egui::CollapsingHeader::new(
                    RichText::new(format!("{label} ({})", members.len())).strong(),
                )
                .id_salt(label)
                .default_open(open)
                .show(ui, |ui| {
                    for e in members {
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
                            if r.clicked() {
                                commands.push(Command::SelectEntity((!selected).then_some(e)));
                            }
                            ui.label(
                                RichText::new(entity.mentions.len().to_string())
                                    .small()
                                    .color(theme::faint(ui.visuals())),
                            );
                        });
                    }
                });
                ui.add_space(4.0);
            }
            egui::CollapsingHeader::new(
                RichText::new(format!("Events ({})", visible.len())).strong(),
            )
            .id_salt("events")
            .default_open(true)
            .show(ui, |ui| {
                for &v in visible {
                    let ev = &story.events[v];
                    let selected = state.selected_event == Some(v);
                    let text =
                        format!("{}  {}", dates::format_when(&ev.when), short(&ev.title, 40));
                    let r = ui.add(egui::Button::selectable(selected, text));
                    if selected {
                        r.scroll_to_me(None);
                    }
                    if r.clicked() {
                        commands.push(Command::SelectEvent(Some(v)));
                    }
                }
            });
        });
}
