//! Where sources differ, as the views show it: the block of an event's source view (each
//! fact with each outlet's wording side by side, the sentence one click away), the mark of
//! an event with real differences, and the story's list of differences, sortable by size.
//! Everything here reads `Story::comparisons`; the comparing is the analysis's.

use egui::{Color32, RichText, Visuals};

use super::index::StoryIndex;
use super::timeline::short;
use super::{Command, dates, theme};
use crate::story::{Comparison, Story, Verdict};

/// The colour of a real difference (and of the mark of an event that has one).
pub fn colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xff, 0x8a, 0x3d)
    } else {
        Color32::from_rgb(0xc4, 0x4e, 0x00)
    }
}

/// The mark written after an event's title in lists.
pub const MARK: &str = "≠";

/// What a comparison is of, in words: "duration of the call", "count of troops".
pub fn fact_label(c: &Comparison) -> String {
    let fact = match c.fact.as_str() {
        "count" => "number",
        "characterisation" => "characterised as",
        "initiator" => "requested by",
        "participants" => "who took part",
        other => other,
    };
    match (c.fact.as_str(), c.about.is_empty()) {
        (_, true) => fact.to_string(),
        ("duration", false) => format!("duration of the {}", c.about),
        ("count", false) => format!("number of {}", c.about),
        ("age", false) => format!("age of {}", c.about),
        (_, false) => format!("{fact}: {}", c.about),
    }
}

fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Differ => "differ",
        Verdict::Agree => "agree",
        Verdict::Single => "one source",
    }
}

fn verdict_colour(v: Verdict, visuals: &Visuals) -> Color32 {
    match v {
        Verdict::Differ => colour(visuals),
        Verdict::Agree => Color32::from_rgb(0x4c, 0xaf, 0x7a),
        Verdict::Single => theme::faint(visuals),
    }
}

/// The "Where sources differ" block of event `e`'s source view: the real differences, then,
/// folded, the facts where the sources agree (within tolerance) or only one states them.
pub fn block(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    e: usize,
    commands: &mut Vec<Command>,
) {
    let Some(list) = index.comparisons_of.get(e).filter(|l| !l.is_empty()) else {
        return;
    };
    let mut list: Vec<&Comparison> = list.iter().map(|&c| &story.comparisons[c]).collect();
    list.sort_by_key(|c| match c.verdict {
        Verdict::Differ => 0,
        Verdict::Agree => 1,
        Verdict::Single => 2,
    });
    let differ = list.iter().filter(|c| c.verdict == Verdict::Differ).count();
    let title = match differ {
        0 => "Where sources differ (nothing)".to_string(),
        n => format!("Where sources differ ({n})"),
    };
    let title = RichText::new(title).strong().color(if differ > 0 {
        colour(ui.visuals())
    } else {
        ui.visuals().text_color()
    });
    egui::CollapsingHeader::new(title)
        .id_salt("where-sources-differ")
        .default_open(true)
        .show(ui, |ui| {
            for (i, c) in list[..differ].iter().enumerate() {
                if i > 0 {
                    ui.add_space(6.0);
                }
                fact(ui, story, index, c, commands);
            }
            let rest = &list[differ..];
            if !rest.is_empty() {
                egui::CollapsingHeader::new(format!(
                    "Also compared: {} where they agree or one source says",
                    rest.len()
                ))
                .id_salt("sources-agree")
                .default_open(differ == 0)
                .show(ui, |ui| {
                    for (i, c) in rest.iter().enumerate() {
                        if i > 0 {
                            ui.add_space(6.0);
                        }
                        fact(ui, story, index, c, commands);
                    }
                });
            }
        });
    ui.separator();
}

/// One fact: its label and verdict, then one row per outlet with its wording; clicking a
/// wording opens the article at that sentence.
fn fact(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    c: &Comparison,
    commands: &mut Vec<Command>,
) {
    let visuals = ui.visuals().clone();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(fact_label(c)).strong());
        ui.label(
            RichText::new(verdict_text(c.verdict))
                .small()
                .color(verdict_colour(c.verdict, &visuals)),
        )
        .on_hover_text(c.note.as_str());
    });
    egui::Grid::new((
        "compared-values",
        &c.event,
        &c.fact,
        &c.about,
        c.values.first().map(|v| (v.start, v.doc.as_str())),
    ))
    .num_columns(2)
    .spacing([10.0, 2.0])
    .striped(true)
    .show(ui, |ui| {
        for v in &c.values {
            let Some(d) = index.doc(&v.doc) else {
                continue;
            };
            ui.label(RichText::new(short(index.outlet_of(d), 22)).color(theme::faint(&visuals)));
            let mut wording = format!("“{}”", v.text.trim());
            if let Some(who) = &v.said_by {
                wording.push_str(&format!(" ({who})"));
            }
            let sentence = story.documents[d]
                .text
                .get(v.sentence[0]..v.sentence[1])
                .unwrap_or("")
                .trim();
            let r = ui
                .link(wording)
                .on_hover_text(format!("{sentence}\n\nClick to read it in the article"));
            if r.clicked() {
                commands.push(Command::OpenDocument(
                    d,
                    Some((v.sentence[0], v.sentence[1])),
                ));
            }
            ui.end_row();
        }
    });
    if !c.silent.is_empty() {
        let outlets: Vec<&str> = c
            .silent
            .iter()
            .filter_map(|id| index.doc(id))
            .map(|d| index.outlet_of(d))
            .collect();
        ui.label(
            RichText::new(format!("not stated by {}", outlets.join(", ")))
                .small()
                .color(theme::faint(&visuals)),
        );
    }
}

/// How the story's list of differences is ordered.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Order {
    /// Largest difference first.
    #[default]
    Size,
    /// In time order of their events.
    Time,
}

/// The story's real differences (verdict differ), sortable by the size of the difference;
/// clicking one selects its event (or, for a fact of no one event, opens its first sentence).
pub fn list(
    ui: &mut egui::Ui,
    story: &Story,
    index: &StoryIndex,
    selected: Option<usize>,
    commands: &mut Vec<Command>,
) {
    let id = ui.make_persistent_id("differences-order");
    let mut order: Order = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Sort by").small());
        ui.selectable_value(&mut order, Order::Size, "size");
        ui.selectable_value(&mut order, Order::Time, "time");
    });
    ui.data_mut(|d| d.insert_temp(id, order));
    let rows = index.differences(order == Order::Size);
    if rows.is_empty() {
        ui.label(RichText::new("The sources agree on everything compared.").small());
        return;
    }
    for c in rows {
        let comparison = &story.comparisons[c];
        let event = comparison
            .event
            .as_deref()
            .and_then(|id| story.events.iter().position(|e| e.id == id));
        let values: Vec<String> = {
            let mut seen: Vec<String> = Vec::new();
            for v in &comparison.values {
                let w = format!("“{}”", short(v.text.trim(), 24));
                if !seen.contains(&w) {
                    seen.push(w);
                }
            }
            seen.truncate(3);
            seen
        };
        let head = match event {
            Some(e) => format!(
                "{}  {}",
                dates::format_when(&story.events[e].when),
                short(&story.events[e].title, 34)
            ),
            None => "The whole story".to_string(),
        };
        let text = format!(
            "{head}\n{}: {}",
            fact_label(comparison),
            values.join(" vs ")
        );
        let r = ui
            .add(egui::Button::selectable(
                event.is_some() && event == selected,
                text,
            ))
            .on_hover_text(format!(
                "{}\ndifference {:.0} %",
                comparison.note,
                comparison.difference * 100.0
            ));
        if r.clicked() {
            match event {
                Some(e) => commands.push(Command::SelectEvent(Some(e))),
                None => {
                    if let Some(v) = comparison.values.first()
                        && let Some(d) = index.doc(&v.doc)
                    {
                        commands.push(Command::OpenDocument(
                            d,
                            Some((v.sentence[0], v.sentence[1])),
                        ));
                    }
                }
            }
        }
    }
}
