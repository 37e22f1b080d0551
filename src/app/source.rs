//! The source view: the sentences behind the selection, with people and places coloured,
//! dates underlined and the full article one click away (non-body sections greyed).

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Stroke};

use super::index::StoryIndex;
use super::timeline::short;
use super::{Command, ViewState, dates, theme};
use crate::corpus::SectionKind;
use crate::story::{EntityKind, Story};

pub fn show(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    state: &ViewState,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some((doc, span)) = state.open_document {
                document(ui, story, index, doc, span, commands);
            } else if let Some(l) = state.selected_link {
                link(ui, story, index, l, commands);
            } else if let Some(e) = state.selected_event {
                event(ui, story, index, e, commands);
            } else if let Some(p) = state.selected_entity {
                entity(ui, story, index, p, commands);
            } else {
                overview(ui, story);
            }
        });
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).strong().size(17.0));
}

fn overview(ui: &mut egui::Ui, story: &Story) {
    heading(ui, "Sources");
    ui.add_space(6.0);
    ui.label(
        "Click an event on the timeline (or press the left and right arrow keys) to read every source sentence behind it. \
         Click a person in the graph or the list to see their events and quotes.",
    );
    ui.add_space(10.0);
    ui.label(RichText::new(format!(
        "{} documents · {} events · {} quotes",
        story.documents.len(),
        story.events.len(),
        story.quotes.len()
    )));
}

fn event(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    e: usize,
    commands: &mut Vec<Command>,
) {
    let ev = &story.events[e];
    let accent = theme::accent(ui.visuals());
    ui.label(
        RichText::new(dates::format_when(&ev.when))
            .color(accent)
            .strong(),
    );
    heading(ui, &ev.title);
    super::edit_menu::bar(ui, story, super::edit_menu::Target::Event(e), commands);
    participants(ui, story, index, e, commands);
    let docs = &index.events()[e].docs;
    ui.label(
        RichText::new(format!(
            "Reported by {} source{}",
            docs.len(),
            if docs.len() == 1 { "" } else { "s" }
        ))
        .color(theme::faint(ui.visuals())),
    );
    ui.separator();
    super::differences::block(ui, story, index, e, commands);
    for &d in docs {
        let doc = &story.documents[d];
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(index.outlet_of(d)).strong());
            if let Some(p) = &doc.published {
                ui.label(RichText::new(p).color(theme::faint(ui.visuals())));
            }
        });
        if let Some(t) = &doc.title
            && t.as_str() != index.outlet_of(d)
        {
            ui.label(RichText::new(short(t, 90)).italics());
        }
        for m in ev.mentions.iter().filter(|m| m.doc == doc.id) {
            let job = highlighted(ui, story, index, d, m.start, m.end, None, 14.0);
            egui::Frame::group(ui.style())
                .fill(ui.visuals().faint_bg_color)
                .show(ui, |ui| {
                    ui.label(job);
                });
            if ui.small_button("Open the full article").clicked() {
                commands.push(Command::OpenDocument(d, Some((m.start, m.end))));
            }
        }
        ui.add_space(8.0);
    }
}

fn participants(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    e: usize,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        for &p in &index.events()[e].participants {
            let entity = &story.entities[p];
            let color = theme::kind_color(entity.kind, ui.visuals());
            let chip = egui::Button::new(RichText::new(&entity.name).color(color))
                .small()
                .frame(true);
            if ui
                .add(chip)
                .on_hover_text("Show this entity's events and quotes")
                .clicked()
            {
                commands.push(Command::SelectEntity(Some(p)));
            }
        }
    });
}

fn entity(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    p: usize,
    commands: &mut Vec<Command>,
) {
    let e = &story.entities[p];
    let kind = match e.kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    };
    ui.label(RichText::new(kind).color(theme::kind_color(e.kind, ui.visuals())));
    heading(ui, &e.name);
    super::edit_menu::bar(ui, story, super::edit_menu::Target::Entity(p), commands);
    if !e.roles.is_empty() {
        ui.label(e.roles.join(" · "));
    }
    if !e.aliases.is_empty() {
        ui.label(
            RichText::new(format!("also: {}", e.aliases.join(", ")))
                .color(theme::faint(ui.visuals())),
        );
    }
    ui.label(format!("{} mentions", e.mentions.len()));
    ui.separator();
    let events: Vec<usize> = (0..story.events.len())
        .filter(|&v| index.events()[v].participants.contains(&p))
        .collect();
    ui.label(RichText::new(format!("Events ({})", events.len())).strong());
    for v in events {
        let ev = &story.events[v];
        let text = format!(
            "{} — {}",
            dates::format_when(&ev.when),
            short(&ev.title, 60)
        );
        if ui.link(text).clicked() {
            commands.push(Command::SelectEvent(Some(v)));
        }
    }
    let quotes = &index.quotes_by_entity[p];
    if !quotes.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new(format!("Quotes ({})", quotes.len())).strong());
        for &q in quotes {
            let quote = &story.quotes[q];
            let Some(d) = index.doc(&quote.doc) else {
                continue;
            };
            let text = story.documents[d]
                .text
                .get(quote.start..quote.end)
                .unwrap_or("");
            egui::Frame::group(ui.style())
                .fill(ui.visuals().faint_bg_color)
                .show(ui, |ui| {
                    ui.label(RichText::new(format!("“{text}”")).italics());
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!("— {}", index.outlet_of(d)))
                                .color(theme::faint(ui.visuals())),
                        );
                        if ui.small_button("source").clicked() {
                            commands.push(Command::OpenDocument(d, Some((quote.start, quote.end))));
                        }
                    });
                });
        }
    }
}

fn link(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    l: usize,
    commands: &mut Vec<Command>,
) {
    let link = &story.links[l];
    let name = |id: &str| {
        index
            .entity(id)
            .map_or(id.to_string(), |e| story.entities[e].name.clone())
    };
    ui.label(RichText::new(&link.label).color(theme::accent(ui.visuals())));
    heading(ui, &format!("{} — {}", name(&link.a), name(&link.b)));
    super::edit_menu::bar(ui, story, super::edit_menu::Target::Link(l), commands);
    ui.label(format!("weight {:.0}", link.weight));
    ui.separator();
    if link.events.is_empty() {
        ui.label("This link comes from roles or quotes rather than a dated event.");
    }
    for id in &link.events {
        if let Some(v) = story.events.iter().position(|e| &e.id == id) {
            let ev = &story.events[v];
            let text = format!(
                "{} — {}",
                dates::format_when(&ev.when),
                short(&ev.title, 60)
            );
            if ui.link(text).clicked() {
                commands.push(Command::SelectEvent(Some(v)));
            }
        }
    }
}

fn document(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    d: usize,
    span: Option<(usize, usize)>,
    commands: &mut Vec<Command>,
) {
    let doc = &story.documents[d];
    if ui.button("Back").clicked() {
        commands.push(Command::CloseDocument);
    }
    ui.label(RichText::new(index.outlet_of(d)).strong());
    if let Some(t) = &doc.title {
        heading(ui, t);
    }
    ui.label(
        RichText::new(format!(
            "{} · reference date {}",
            doc.file,
            super::sidebar::reference_date(doc)
        ))
        .color(theme::faint(ui.visuals())),
    );
    ui.separator();
    for section in &doc.sections {
        let faint = !section.kind.feeds_story();
        if faint {
            let tag = match section.kind {
                SectionKind::Caption => "caption",
                SectionKind::Boilerplate => "boilerplate",
                SectionKind::Comments => "reader comments",
                _ => "",
            };
            ui.label(RichText::new(tag).small().color(theme::faint(ui.visuals())));
        }
        let size = if section.kind == SectionKind::Headline {
            15.5
        } else {
            14.0
        };
        let job = highlighted(ui, story, index, d, section.start, section.end, span, size);
        let r = ui.add(egui::Label::new(job.clone()).sense(egui::Sense::click()));
        if section.kind.feeds_story() {
            sentence_menu(ui, story, d, section.start, job, &r, commands);
        }
        if let Some((s, e)) = span
            && s >= section.start
            && e <= section.end.max(s)
            && s < section.end
        {
            r.scroll_to_me(Some(egui::Align::Center));
        }
        ui.add_space(4.0);
    }
}

/// A right click on an article's text offers to make its sentence an event the analysis
/// missed, with a title and date the user gives.
fn sentence_menu(
    ui: &mut egui::Ui,
    story: &Story,
    d: usize,
    section_start: usize,
    job: LayoutJob,
    r: &egui::Response,
    commands: &mut Vec<Command>,
) {
    let doc = &story.documents[d];
    let key = r.id.with("sentence");
    if r.secondary_clicked()
        && let Some(pos) = r.interact_pointer_pos()
    {
        // The same layout as the label's, so the character under the pointer is found.
        let galley = ui.painter().layout_job(job);
        let chars = galley.cursor_from_pos(pos - r.rect.min).index;
        let at = doc.text[section_start..]
            .char_indices()
            .nth(chars.into())
            .map_or(doc.text.len(), |(i, _)| section_start + i);
        let sentence = crate::analysis::sentences::split(doc)
            .into_iter()
            .find(|s| s.start <= at && at < s.end)
            .map(|s| (s.start, s.end));
        ui.data_mut(|m| m.insert_temp(key, sentence));
    }
    r.context_menu(|ui| {
        let Some((start, end)) = ui
            .data(|m| m.get_temp::<Option<(usize, usize)>>(key))
            .flatten()
        else {
            ui.label("No sentence here");
            return;
        };
        let text = doc.text[start..end].trim();
        ui.label(RichText::new(short(text, 70)).italics());
        if ui.button("Add an event from this sentence…").clicked() {
            // The sentence's first date the date editor reads (not a duration or "now"),
            // else the article's.
            let date = story
                .timexes
                .iter()
                .filter(|t| t.doc.as_deref() == Some(doc.id.as_str()))
                .filter(|t| t.start >= start && t.end <= end)
                .filter(|t| t.kind == crate::story::TimexType::Date)
                .map(|t| t.value.clone())
                .find(|v| crate::edits::date::parse(v).is_ok())
                .or_else(|| doc.published.clone())
                .unwrap_or_default();
            commands.push(Command::Ask(super::edit_dialog::Dialog::AddEvent {
                sentence: crate::edits::SpanKey {
                    file: doc.file.clone(),
                    start,
                    end,
                },
                title: short(text, 80),
                date,
            }));
            ui.close();
        }
    });
}

/// `doc.text[start..end]` laid out with entity colours, underlined dates, the `mark` span on
/// a highlight and non-body text greyed.
#[allow(clippy::too_many_arguments)]
fn highlighted(
    ui: &egui::Ui,
    story: &Story,
    index: &StoryIndex,
    d: usize,
    start: usize,
    end: usize,
    mark: Option<(usize, usize)>,
    size: f32,
) -> LayoutJob {
    let text = &story.documents[d].text;
    let visuals = ui.visuals();
    let body_color = visuals.text_color();
    let faint = theme::faint(visuals);
    let font = FontId::proportional(size);
    let sections = &story.documents[d].sections;
    let mentions = &index.mentions_by_doc[d];
    let timexes = &index.timexes_by_doc[d];
    // Cut points: every boundary of a mention, date, section or the mark.
    let mut cuts: Vec<usize> = vec![start, end];
    let inside = |s: usize, e: usize| e > start && s < end;
    for &(s, e, _) in mentions.iter().filter(|m| inside(m.0, m.1)) {
        cuts.extend([s, e]);
    }
    for &(s, e) in timexes.iter().filter(|t| inside(t.0, t.1)) {
        cuts.extend([s, e]);
    }
    for sec in sections.iter().filter(|s| inside(s.start, s.end)) {
        cuts.extend([sec.start, sec.end]);
    }
    if let Some((s, e)) = mark {
        cuts.extend([s, e]);
    }
    cuts.retain(|&c| c >= start && c <= end && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let piece = &text[s..e];
        let mut format = TextFormat {
            font_id: font.clone(),
            color: body_color,
            ..Default::default()
        };
        let non_body = sections
            .iter()
            .find(|sec| sec.start <= s && s < sec.end)
            .is_some_and(|sec| !sec.kind.feeds_story());
        if let Some(&(_, _, ent)) = mentions.iter().find(|m| m.0 <= s && e <= m.1) {
            format.color = theme::kind_color(story.entities[ent].kind, visuals);
        }
        if timexes.iter().any(|t| t.0 <= s && e <= t.1) {
            format.underline = Stroke::new(1.5, theme::accent(visuals));
        }
        if let Some((ms, me)) = mark
            && ms <= s
            && e <= me
        {
            format.background = theme::accent(visuals).gamma_multiply(0.22);
        }
        if non_body {
            format.color = faint;
            format.italics = true;
        }
        if format.background == Color32::TRANSPARENT && mark.is_some() && !non_body {
            // Leave the rest of an article plain so the marked sentence stands out.
        }
        job.append(piece, 0.0, format);
    }
    job
}
