//! The timeline: events on calendar time (egui_plot), one lane per person or per outlet.
//! Day events are dots sized by their number of sources; months and years are spans.

use egui::{Align2, RichText, Stroke};
use egui_plot::{GridMark, MarkerShape, Plot, PlotPoint, Points, Text};

use super::index::StoryIndex;
use super::{Command, LaneMode, ViewState, dates, theme};
use crate::story::{EntityKind, Story};

/// Most event titles written on the timeline in one frame.
const MAX_LABELS: usize = 40;

/// Most lanes drawn; the rest share an "others" lane.
const MAX_LANES: usize = 12;

/// View state of the timeline that outlives a frame.
#[derive(Debug, Clone, Default)]
pub struct TimelineView {
    /// Refit the x axis to all visible events on the next frame.
    fit_pending: bool,
    /// Bring this day range into view on the next frame.
    reveal: Option<(f64, f64)>,
    /// What the plot showed last frame (day numbers).
    shown: Option<(f64, f64)>,
    /// Zoom to this day range on the next frame (a clicked cluster).
    zoom_to: Option<(f64, f64)>,
}

/// Markers closer than this many pixels on a lane are drawn as one.
const BIN_PX: f64 = 6.0;
/// Most day-range bars drawn per lane; beyond that, ranges show as their first day only.
const MAX_SPANS: usize = 400;

/// Several events that share a few pixels of a lane.
#[derive(Debug, Clone)]
struct Cluster {
    y: f64,
    /// Sum of x (the x itself while `count` is 1).
    x_sum: f64,
    count: usize,
    sources: usize,
    first: usize,
    lo: f64,
    hi: f64,
    radius: f32,
}

impl Cluster {
    fn new(y: f64) -> Self {
        Cluster {
            y,
            x_sum: 0.0,
            count: 0,
            sources: 0,
            first: 0,
            lo: f64::MAX,
            hi: f64::MIN,
            radius: 0.0,
        }
    }

    fn add(&mut self, x: f64, e: usize, sources: usize) {
        if self.count == 0 {
            self.first = e;
        }
        self.x_sum += x;
        self.count += 1;
        self.sources += sources;
        self.lo = self.lo.min(x);
        self.hi = self.hi.max(x);
    }
}

/// A row of the timeline and the events on it.
struct Lane {
    name: String,
    events: Vec<usize>,
}

impl TimelineView {
    pub fn fit(&mut self) {
        self.fit_pending = true;
    }

    /// Pans so that event `e` is on screen (keeping the zoom when it already fits).
    pub fn reveal(&mut self, index: &StoryIndex, e: usize) {
        if let Some(info) = index.events.get(e) {
            self.reveal = Some((info.start, info.end));
        }
    }

    /// The timeline as shown (lanes, filters, dates on screen) as SVG.
    pub fn svg(
        &self,
        story: &Story,
        index: &StoryIndex,
        state: &ViewState,
        visible: &[usize],
    ) -> String {
        let lanes: Vec<super::svg::SvgLane> = lanes(story, index, state, visible)
            .into_iter()
            .map(|l| super::svg::SvgLane {
                name: l.name,
                events: l
                    .events
                    .iter()
                    .map(|&e| {
                        let info = &index.events[e];
                        (
                            info.start,
                            info.end,
                            info.docs.len(),
                            short(&story.events[e].title, 60),
                            state.selected_event == Some(e),
                        )
                    })
                    .collect(),
            })
            .collect();
        let (lo, hi) = self
            .shown
            .or_else(|| core_range(index, visible))
            .unwrap_or((0.0, 1.0));
        super::svg::timeline(&lanes, lo, hi, &dates::ticks(lo, hi, 8))
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        story: &Story,
        index: &StoryIndex,
        state: &ViewState,
        visible: &[usize],
        commands: &mut Vec<Command>,
    ) {
        let visuals = ui.visuals().clone();
        ui.horizontal(|ui| {
            ui.label(RichText::new("Timeline").strong().size(15.0));
            ui.label(
                RichText::new(format!("{} events", visible.len())).color(theme::faint(&visuals)),
            );
            if let Some(p) = state.selected_entity {
                ui.label(RichText::new(format!("· with {}", story.entities[p].name)).strong());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some((lo, hi)) = state.date_range {
                    if ui.button("Clear date filter").clicked() {
                        commands.push(Command::SetDateRange(None));
                    }
                    ui.label(date_range_label(lo, hi));
                } else if let Some((lo, hi)) = self.shown
                    && ui
                        .button("Filter to this range")
                        .on_hover_text("Keep only the events between the dates now on screen")
                        .clicked()
                {
                    commands.push(Command::SetDateRange(Some((lo, hi))));
                }
                if ui
                    .button("Fit")
                    .on_hover_text("Show all events (double-click)")
                    .clicked()
                {
                    self.fit();
                }
            });
        });

        let lanes = lanes(story, index, state, visible);
        let lane_names: Vec<String> = lanes.iter().map(|l| l.name.clone()).collect();
        let selected = state.selected_event;
        let accent = theme::accent(&visuals);
        let base = theme::event_color(&visuals);
        let dim = base.gamma_multiply(0.55);

        let mut plot = Plot::new("timeline")
            .allow_scroll(false)
            .allow_zoom(true)
            .allow_drag([true, false])
            .allow_boxed_zoom(true)
            .allow_double_click_reset(true)
            .show_grid([true, true])
            .x_grid_spacer(dates::grid_spacer)
            .x_axis_formatter(|mark: GridMark, range| dates::tick_label(mark, range))
            .y_grid_spacer(|input| {
                let (lo, hi) = input.bounds;
                (lo.ceil() as i64..=hi.floor() as i64)
                    .map(|v| GridMark {
                        value: v as f64,
                        step_size: 1.0,
                    })
                    .collect()
            })
            .y_axis_formatter(move |mark, _| {
                let lane = (-mark.value).round() as i64;
                if (mark.value + lane as f64).abs() > 1e-6 || lane < 0 {
                    return String::new();
                }
                lane_names.get(lane as usize).cloned().unwrap_or_default()
            })
            .y_axis_min_width(110.0)
            .show_x(false)
            .show_y(false)
            .show_axes([true, true])
            .include_y(0.6)
            .include_y(-(lanes.len().max(1) as f64) + 0.4);
        // "Fit" and double-click show every visible event, ranges to their last day.
        if let (Some(&first), Some(last)) = (
            visible.first(),
            visible
                .iter()
                .map(|&e| index.events[e].end)
                .reduce(f64::max),
        ) {
            plot = plot.include_x(index.events[first].start).include_x(last);
        }
        if self.fit_pending {
            plot = plot.reset();
            self.fit_pending = false;
        }
        // The first frame frames the core of the story; later selections pan into view.
        let first_frame = self.shown.is_none();
        let core = core_range(index, visible);
        let reveal = self.reveal.take().filter(|_| !first_frame);
        let zoom_to = self.zoom_to.take();

        let response = plot.show(ui, |plot_ui| {
            if first_frame && let Some((lo, hi)) = core {
                plot_ui.set_plot_bounds_x(lo..=hi);
            }
            if let Some((lo, hi)) = zoom_to {
                plot_ui.set_plot_bounds_x(lo..=hi);
            }
            if let Some((start, end)) = reveal {
                let b = plot_ui.plot_bounds();
                let (lo, hi) = (b.min()[0], b.max()[0]);
                if start < lo || end > hi {
                    let width = (hi - lo).max(end - start + 10.0);
                    let centre = (start + end) / 2.0;
                    plot_ui.set_plot_bounds_x(centre - width / 2.0..=centre + width / 2.0);
                }
            }
            // Level of detail: events closer than a few pixels on a lane share one square
            // marker (click it to zoom in); events off screen are not drawn at all.
            let t0 = *plot_ui.transform();
            let b = plot_ui.plot_bounds();
            let (lo, hi) = (b.min()[0], b.max()[0]);
            let px_per_day = t0.frame().width() as f64 / (hi - lo).max(1e-9);
            let margin = (hi - lo) * 0.05;
            let mut markers: Vec<(f64, f64, usize, f32)> = Vec::new();
            let mut clusters: Vec<Cluster> = Vec::new();
            // Day ranges, painted after the plot as plain segments (cheaper than plot items).
            let mut bars: Vec<(f64, f64, f64, f32, bool)> = Vec::new();
            let mut dots: std::collections::BTreeMap<(u32, bool), Vec<[f64; 2]>> =
                Default::default();
            for (row, lane) in lanes.iter().enumerate() {
                let y = -(row as f64);
                let mut bins: std::collections::BTreeMap<i64, Cluster> = Default::default();
                let mut spans = 0;
                for &e in &lane.events {
                    let info = &index.events[e];
                    if info.end < lo - margin || info.start > hi + margin {
                        continue;
                    }
                    let days = info.end - info.start;
                    let x = if days > 1.5 {
                        info.start
                    } else {
                        info.start + 0.5
                    };
                    let sources = info.docs.len().max(1);
                    if days > 1.5 && days * px_per_day >= 3.0 && spans < MAX_SPANS {
                        spans += 1;
                        let radius = 3.5 + 2.2 * (sources.min(25) as f32).sqrt();
                        bars.push((info.start, info.end, y, radius, selected == Some(e)));
                    }
                    if selected == Some(e) {
                        continue; // drawn last, on top
                    }
                    let key = ((x - lo) * px_per_day / BIN_PX).floor() as i64;
                    bins.entry(key)
                        .or_insert_with(|| Cluster::new(y))
                        .add(x, e, sources);
                }
                for (_, bin) in bins {
                    if bin.count == 1 {
                        let radius = 3.5 + 2.2 * (bin.sources.min(25) as f32).sqrt();
                        let x = bin.x_sum;
                        dots.entry(((radius * 4.0) as u32, false))
                            .or_default()
                            .push([x, y]);
                        markers.push((x, y, bin.first, radius));
                    } else {
                        let radius = (4.0 + 1.6 * (bin.count as f32).sqrt()).min(14.0);
                        dots.entry(((radius * 4.0) as u32, true))
                            .or_default()
                            .push([bin.x_sum / bin.count as f64, y]);
                        clusters.push(Cluster { radius, ..bin });
                    }
                }
            }
            let colour = if selected.is_some() { dim } else { base };
            for ((radius, square), points) in dots {
                plot_ui.points(
                    Points::new("", points)
                        .radius(radius as f32 / 4.0)
                        .color(colour)
                        .shape(if square {
                            MarkerShape::Square
                        } else {
                            MarkerShape::Circle
                        })
                        .filled(true)
                        .allow_hover(false),
                );
            }
            if let Some(e) = selected {
                let info = &index.events[e];
                let x = if info.end - info.start > 1.5 {
                    info.start
                } else {
                    info.start + 0.5
                };
                let radius = 3.5 + 2.2 * (info.docs.len().clamp(1, 25) as f32).sqrt();
                let mut at = Vec::new();
                for (row, lane) in lanes.iter().enumerate() {
                    if lane.events.contains(&e) {
                        let y = -(row as f64);
                        at.push([x, y]);
                        markers.push((x, y, e, radius));
                    }
                }
                plot_ui.points(
                    Points::new("", at)
                        .radius(radius)
                        .color(accent)
                        .filled(true)
                        .allow_hover(false),
                );
            }
            // Titles: the selected event, and events most outlets report (once each).
            // Labels never overlap: each lane keeps the screen intervals already taken,
            // and the selected event is placed first.
            let mut labelled = std::collections::HashSet::new();
            let mut taken: std::collections::HashMap<i64, Vec<(f32, f32)>> = Default::default();
            let mut order: Vec<&(f64, f64, usize, f32)> = markers.iter().collect();
            order.sort_by_key(|m| {
                (
                    selected != Some(m.2),
                    std::cmp::Reverse(index.events[m.2].docs.len()),
                )
            });
            for &&(x, y, e, radius) in order.iter().take(MAX_LABELS) {
                let wanted = selected == Some(e) || index.events[e].docs.len() >= 3;
                if !wanted || labelled.contains(&e) {
                    continue;
                }
                let color = if selected == Some(e) {
                    accent
                } else {
                    visuals.text_color()
                };
                let t = *plot_ui.transform();
                let dx = t.dpos_dvalue_x().recip() * (radius as f64 + 4.0);
                let left = t.position_from_point_x(x) + radius + 4.0;
                // The label stops short of the next marker on its lane and the plot's edge.
                let next_marker = markers
                    .iter()
                    .filter(|m| m.1 == y && m.2 != e)
                    .map(|m| t.position_from_point_x(m.0) - m.3)
                    .filter(|&mx| mx > left)
                    .fold(t.frame().right(), f32::min);
                const CHAR: f32 = 6.6;
                let mut room = next_marker - left - 8.0;
                let mut y_label = y;
                if room < 12.0 * CHAR {
                    if selected != Some(e) {
                        continue;
                    }
                    // The selected event is always named: above its lane if need be.
                    y_label = y + 0.32;
                    room = t.frame().right() - left - 8.0;
                }
                let when = dates::format_when(&story.events[e].when);
                let max_chars = (room / CHAR) as usize;
                let text = if story.events[e].title.chars().count() + when.chars().count() + 5
                    <= max_chars
                {
                    format!("{}  ·  {when}", story.events[e].title)
                } else {
                    short(&story.events[e].title, max_chars.min(60))
                };
                let right = left + text.chars().count() as f32 * CHAR;
                let lane = taken.entry((y_label * 4.0).round() as i64).or_default();
                if selected != Some(e)
                    && lane.iter().any(|&(a, b)| left < b + 6.0 && right > a - 6.0)
                {
                    continue;
                }
                lane.push((left - radius * 2.0 - 8.0, right));
                labelled.insert(e);
                plot_ui.text(
                    Text::new(
                        "",
                        PlotPoint::new(x + dx, y_label),
                        RichText::new(text).size(12.5),
                    )
                    .color(color)
                    .anchor(Align2::LEFT_CENTER)
                    .allow_hover(false),
                );
            }
            // Nearest marker under the pointer.
            let pointer = plot_ui.response().hover_pos();
            let t = *plot_ui.transform();
            let hovered = pointer.and_then(|p| {
                markers
                    .iter()
                    .filter_map(|&(x, y, e, r)| {
                        let info = &index.events[e];
                        let sy = t.position_from_point_y(y);
                        let (x0, x1) = (
                            t.position_from_point_x(info.start),
                            t.position_from_point_x(info.end),
                        );
                        let on_span = info.end - info.start > 1.5
                            && p.x >= x0
                            && p.x <= x1
                            && (p.y - sy).abs() <= r * 0.9;
                        let c = t.position_from_point(&PlotPoint::new(x, y));
                        let d = c.distance(p);
                        (d <= r + 4.0 || on_span).then_some((if on_span { r } else { d }, e))
                    })
                    .min_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, e)| e)
            });
            let hovered_cluster = if hovered.is_none() {
                pointer.and_then(|p| {
                    clusters
                        .iter()
                        .find(|c| {
                            let at = t.position_from_point(&PlotPoint::new(
                                c.x_sum / c.count as f64,
                                c.y,
                            ));
                            at.distance(p) <= c.radius + 3.0
                        })
                        .cloned()
                })
            } else {
                None
            };
            (hovered, hovered_cluster, (lo, hi), bars)
        });
        let (hovered, hovered_cluster, shown, bars) = response.inner;
        {
            let t = &response.transform;
            let painter = ui.painter_at(*t.frame());
            for (start, end, y, radius, is_selected) in bars {
                let colour = if is_selected { accent } else { base };
                let y = t.position_from_point_y(y);
                let (x0, x1) = (t.position_from_point_x(start), t.position_from_point_x(end));
                painter.line_segment(
                    [egui::pos2(x0, y), egui::pos2(x1, y)],
                    Stroke::new(radius * 1.6, colour.gamma_multiply(0.35)),
                );
            }
        }
        self.shown = Some(shown);
        let r = response.response;
        if let Some(e) = hovered {
            r.clone()
                .on_hover_ui_at_pointer(|ui| event_tooltip(ui, story, index, e));
            if r.clicked() {
                commands.push(Command::SelectEvent(Some(e)));
            }
        } else if let Some(c) = hovered_cluster {
            r.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(RichText::new(format!("{} events", c.count)).strong());
                ui.label(date_range_label(c.lo, c.hi));
                ui.label(RichText::new("Click to zoom in").italics().weak());
            });
            if r.clicked() {
                let pad = ((c.hi - c.lo) * 0.5).max(2.0);
                self.zoom_to = Some((c.lo - pad, c.hi + pad));
            }
        }
        if visible.is_empty() {
            let rect = r.rect;
            ui.painter().text(
                rect.center(),
                Align2::CENTER_CENTER,
                "No events match the filters (Esc clears them)",
                egui::FontId::proportional(15.0),
                theme::faint(&visuals),
            );
        }
    }
}

/// Where most events are: from the fifth-latest-but-not-outlying start to the last end,
/// padded, so that one event years earlier does not squeeze the rest into a corner.
fn core_range(index: &StoryIndex, visible: &[usize]) -> Option<(f64, f64)> {
    if visible.is_empty() {
        return None;
    }
    let mut starts: Vec<f64> = visible.iter().map(|&e| index.events[e].start).collect();
    starts.sort_by(f64::total_cmp);
    let last = visible
        .iter()
        .map(|&e| index.events[e].end)
        .fold(f64::MIN, f64::max);
    let first = starts[starts.len() / 4];
    let pad = ((last - first) * 0.08).max(3.0);
    Some((first - pad, last + pad * 2.5))
}

fn date_range_label(lo: f64, hi: f64) -> String {
    match (dates::date_of(lo), dates::date_of(hi)) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => String::new(),
    }
}

/// Lanes for the visible events: the people (or outlets) with most events first.
fn lanes(story: &Story, index: &StoryIndex, state: &ViewState, visible: &[usize]) -> Vec<Lane> {
    // Keys are entity or outlet indices: no strings are touched per event.
    let (names, slots) = match state.lanes {
        LaneMode::Person => (story.entities.len(), None),
        LaneMode::Outlet => (index.outlet_names.len(), Some(())),
    };
    let mut by_key: Vec<Vec<usize>> = vec![Vec::new(); names];
    let mut unassigned = Vec::new();
    for &e in visible {
        let info = &index.events[e];
        let mut any = false;
        match slots {
            None => {
                for &p in &info.participants {
                    if story.entities[p].kind == EntityKind::Person && by_key[p].last() != Some(&e)
                    {
                        by_key[p].push(e);
                        any = true;
                    }
                }
            }
            Some(()) => {
                for &d in &info.docs {
                    let o = index.outlet_id[d];
                    if by_key[o].last() != Some(&e) {
                        by_key[o].push(e);
                    }
                    any = true;
                }
            }
        }
        if !any {
            unassigned.push(e);
        }
    }
    let mut rows: Vec<(String, Vec<usize>)> = by_key
        .into_iter()
        .enumerate()
        .filter(|(_, events)| !events.is_empty())
        .map(|(k, events)| {
            let name = match slots {
                None => story.entities[k].name.clone(),
                Some(()) => index.outlet_names[k].clone(),
            };
            (name, events)
        })
        .collect();
    rows.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut lanes: Vec<Lane> = Vec::new();
    let mut others = Vec::new();
    for (i, (name, events)) in rows.into_iter().enumerate() {
        if i < MAX_LANES {
            lanes.push(Lane {
                name: short(&name, 18),
                events,
            });
        } else {
            others.extend(events);
        }
    }
    if !others.is_empty() {
        others.sort_unstable();
        others.dedup();
        lanes.push(Lane {
            name: "others".into(),
            events: others,
        });
    }
    if !unassigned.is_empty() {
        lanes.push(Lane {
            name: match state.lanes {
                LaneMode::Person => "no one named".into(),
                LaneMode::Outlet => "no outlet".into(),
            },
            events: unassigned,
        });
    }
    lanes
}

fn event_tooltip(ui: &mut egui::Ui, story: &Story, index: &StoryIndex, e: usize) {
    let event = &story.events[e];
    ui.set_max_width(380.0);
    ui.label(RichText::new(&event.title).strong());
    ui.label(dates::format_when(&event.when));
    let outlets: Vec<&str> = index.events[e]
        .docs
        .iter()
        .map(|&d| index.outlet_of[d].as_str())
        .collect();
    ui.label(format!(
        "{} source{}: {}",
        outlets.len(),
        if outlets.len() == 1 { "" } else { "s" },
        outlets.join(", ")
    ));
    let people: Vec<&str> = index.events[e]
        .participants
        .iter()
        .map(|&p| &story.entities[p])
        .filter(|p| p.kind == EntityKind::Person)
        .map(|p| p.name.as_str())
        .collect();
    if !people.is_empty() {
        ui.label(format!("People: {}", people.join(", ")));
    }
    ui.label(RichText::new("Click to read the sources").italics().weak());
}

/// `text` cut to `max` characters with an ellipsis.
pub fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
