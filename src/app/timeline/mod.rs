//! The timeline panel: the library's [`Scene`] (piece-wise axis, lanes, stacked markers,
//! placed labels) painted with egui, plus the interaction: pan, zoom, box zoom, Fit and
//! Focus, an overview strip with the whole story and a brush, a foldable "Others" lane.
//!
//! View state is in axis units (x), so a zoom survives filters that keep the axis; anything
//! that changes which events are visible rebuilds the lanes and the axis (cached by a key),
//! and the scene is rebuilt only when the view, the size or the selection changes.

mod overview;
mod paint;

use egui::{Pos2, Rect, RichText, Sense, Vec2};

use super::index::StoryIndex;
use super::{Command, ViewState, dates, theme};
use crate::story::Story;
use crate::timeline::labels::LabelStyle;
use crate::timeline::markers::MarkStyle;
use crate::timeline::scene::{self, Scene};
use crate::timeline::{Axis, LaneOptions, Lanes, View, framing, lanes};

/// Width of the lane names column.
const NAMES: f32 = 128.0;
/// Height of the tick row under the lanes.
const AXIS_H: f32 = 22.0;
/// Height of the overview strip.
const OVERVIEW_H: f32 = 20.0;
/// Fewest and most lanes of their own, whatever the height.
const LANES_AT_LEAST: usize = 3;
const LANES_AT_MOST: usize = 10;
/// A lane needs about this many points to be worth showing on its own.
const LANE_ROOM: f32 = 34.0;

/// Lanes and axis for one set of visible events.
#[derive(Debug, Clone)]
struct Layout {
    key: (u64, usize, bool, bool),
    lanes: Lanes,
    axis: Axis,
}

/// View state of the timeline that outlives a frame.
#[derive(Debug, Clone, Default)]
pub struct TimelineView {
    /// The x range on screen; `None` frames the story on the next frame.
    view: Option<(f64, f64)>,
    fit_pending: bool,
    /// Bring this event into view on the next frame.
    reveal: Option<usize>,
    /// Zoom to this day range on the next frame (a clicked cluster).
    zoom_to: Option<(f64, f64)>,
    /// Every person (or outlet) on a lane of their own.
    pub unfold: bool,
    /// Vertical scroll of the lanes, in points.
    scroll: f32,
    /// Where a right-drag box zoom started (screen x).
    boxing: Option<f32>,
    layout: Option<Layout>,
    scene: Option<(SceneKey, Scene)>,
    /// What the plot showed last frame, as day numbers (for "Filter to this range").
    shown: Option<(f64, f64)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct SceneKey {
    layout: (u64, usize, bool, bool),
    view: (f64, f64),
    size: (f32, f32),
    selected: Option<usize>,
}

impl TimelineView {
    /// Show every event (the whole axis).
    pub fn fit(&mut self) {
        self.fit_pending = true;
    }

    /// Frame the story again (its busiest stretch) on the next frame.
    pub fn reframe(&mut self) {
        self.view = None;
    }

    /// Pans so that event `e` is on screen (keeping the zoom when it already fits).
    pub fn reveal(&mut self, _index: &StoryIndex, e: usize) {
        self.reveal = Some(e);
    }

    /// The story was edited: lanes and markers are laid out again, the zoom stays.
    pub fn story_changed(&mut self) {
        self.layout = None;
        self.scene = None;
    }

    /// The day range on screen last frame (day numbers).
    pub fn shown(&self) -> Option<(f64, f64)> {
        self.shown
    }

    fn layout(
        &mut self,
        story: &Story,
        index: &StoryIndex,
        state: &ViewState,
        visible: &[usize],
        max_lanes: usize,
    ) -> &Layout {
        let key = (
            fingerprint(visible),
            max_lanes,
            self.unfold,
            state.lanes == lanes::LaneMode::Outlet,
        );
        if self.layout.as_ref().is_none_or(|l| l.key != key) {
            let facts = &index.facts;
            let lanes = lanes::build(
                story,
                facts,
                visible,
                &LaneOptions {
                    mode: state.lanes,
                    max_lanes,
                    unfold: self.unfold,
                },
            );
            let anchors: Vec<f64> = visible.iter().map(|&e| facts.events[e].point()).collect();
            let axis = Axis::new(&anchors);
            let same_axis = self.layout.as_ref().is_some_and(|l| l.axis == axis);
            if !same_axis {
                self.view = None;
            }
            self.layout = Some(Layout { key, lanes, axis });
        }
        self.layout.as_ref().expect("just built")
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
        let folded = self.layout.as_ref().map_or(0, |l| l.lanes.folded);
        self.header(ui, story, state, visible, folded, commands);

        let full = ui.available_rect_before_wrap();
        let (rect, response) = ui.allocate_exact_size(full.size(), Sense::click_and_drag());
        let plot = Rect::from_min_max(
            Pos2::new(rect.left() + NAMES, rect.top() + 2.0),
            Pos2::new(
                rect.right() - 8.0,
                rect.bottom() - AXIS_H - OVERVIEW_H - 4.0,
            ),
        );
        if plot.width() < 40.0 || plot.height() < 30.0 {
            return;
        }
        let max_lanes = ((plot.height() / LANE_ROOM) as usize).clamp(LANES_AT_LEAST, LANES_AT_MOST);
        let layout = self.layout(story, index, state, visible, max_lanes).clone();
        let facts = &index.facts;

        // Where to look: framing, Fit, a clicked cluster, a revealed event.
        let fit = framing::fit(&layout.axis);
        let mut view = *self.view.get_or_insert_with(|| {
            framing::initial(&layout.axis, &facts.events, visible, plot.width())
        });
        if std::mem::take(&mut self.fit_pending) {
            view = fit;
        }
        if let Some((lo, hi)) = self.zoom_to.take() {
            let (a, b) = (layout.axis.x(lo), layout.axis.x(hi));
            let pad = ((b - a) * 0.5).max(2.0);
            view = (a - pad, b + pad);
        }
        if let Some(e) = self.reveal.take()
            && let Some(info) = facts.events.get(e)
        {
            let (a, b) = (layout.axis.x(info.start), layout.axis.x(info.end));
            let width = view.1 - view.0;
            if a < view.0 || b > view.1 {
                let width = width.max(b - a + 4.0);
                let centre = (a + b) / 2.0;
                view = (centre - width / 2.0, centre + width / 2.0);
            }
        }

        // Input: zoom around the pointer, pan by dragging, scroll the lanes.
        view = self.interact(ui, &response, plot, view, fit);
        self.view = Some(view);

        let key = SceneKey {
            layout: layout.key,
            view,
            size: (plot.width(), plot.height()),
            selected: state.selected_event,
        };
        if self.scene.as_ref().is_none_or(|(k, _)| *k != key) {
            let built = scene::build(&scene::Input {
                story,
                facts,
                lanes: &layout.lanes,
                axis: &layout.axis,
                view: View {
                    x0: view.0,
                    x1: view.1,
                    width: plot.width(),
                },
                height: plot.height(),
                selected: state.selected_event,
                marks: MarkStyle::default(),
                labels: LabelStyle::default(),
            });
            self.scene = Some((key, built));
        }
        let scene = &self.scene.as_ref().expect("just built").1;
        let max_scroll = (scene.markers.height - plot.height()).max(0.0);
        self.scroll = self.scroll.clamp(0.0, max_scroll);
        let origin = plot.min - Vec2::new(0.0, self.scroll);

        let painter = ui.painter_at(rect);
        paint::lanes(
            &painter,
            &visuals,
            rect,
            plot,
            origin,
            &layout.lanes,
            scene,
            self.scroll,
        );
        paint::breaks(&painter, &visuals, plot, scene);
        paint::markers(
            &painter,
            &visuals,
            plot,
            origin,
            scene,
            state.selected_event,
        );
        paint::difference_marks(&painter, &visuals, plot, origin, scene, &index.differs);
        paint::labels(
            &painter,
            &visuals,
            plot,
            origin,
            scene,
            state.selected_event,
        );
        let axis_row = Rect::from_min_max(
            Pos2::new(plot.left(), plot.bottom()),
            Pos2::new(plot.right(), plot.bottom() + AXIS_H),
        );
        paint::axis(&painter, &visuals, axis_row, scene);
        if let Some(start) = self.boxing
            && let Some(p) = response.interact_pointer_pos()
        {
            let sel = Rect::from_x_y_ranges(start.min(p.x)..=start.max(p.x), plot.y_range());
            painter.rect_filled(sel, 0.0, theme::accent(&visuals).gamma_multiply(0.15));
        }
        let strip = Rect::from_min_max(
            Pos2::new(plot.left(), axis_row.bottom() + 2.0),
            Pos2::new(plot.right(), axis_row.bottom() + 2.0 + OVERVIEW_H),
        );
        if let Some(v) = overview::show(ui, strip, &layout.axis, facts, visible, view, fit) {
            self.view = Some(v);
        }
        self.shown = Some((layout.axis.day(view.0), layout.axis.day(view.1)));

        // Hover and click: a marker, a numbered square, or an "Others" lane name.
        let pointer = response.hover_pos();
        let hit = pointer.and_then(|p| paint::hit(scene, origin, plot, p));
        match hit {
            Some(paint::Hit::Event(e)) => {
                response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| event_tooltip(ui, story, index, e));
                if response.clicked() {
                    commands.push(Command::SelectEvent(Some(e)));
                }
            }
            Some(paint::Hit::Cluster(c)) => {
                let cluster = &scene.markers.clusters[c];
                let (n, lo, hi) = (cluster.events.len(), cluster.lo, cluster.hi);
                response.clone().on_hover_ui_at_pointer(|ui| {
                    ui.label(RichText::new(format!("{n} events")).strong());
                    ui.label(date_range_label(lo, hi));
                    ui.label(RichText::new("Click to zoom in").italics().weak());
                });
                if response.clicked() {
                    self.zoom_to = Some((lo, hi));
                }
            }
            None => {}
        }
        let target = match hit {
            Some(paint::Hit::Event(e)) => Some(super::edit_menu::Target::Event(e)),
            _ => None,
        };
        super::edit_menu::context(&response, target, story, commands);
        if let Some(p) = pointer
            && p.x < plot.left()
            && response.clicked()
            && let Some(lane) = paint::lane_at(scene, origin, p.y)
            && matches!(
                layout.lanes.lanes.get(lane).map(|l| l.key),
                Some(lanes::LaneKey::Others)
            )
        {
            self.unfold = true;
        }
        if visible.is_empty() {
            painter.text(
                plot.center(),
                egui::Align2::CENTER_CENTER,
                "No events match the filters (Esc clears them)",
                egui::FontId::proportional(15.0),
                theme::faint(&visuals),
            );
        }
    }

    fn header(
        &mut self,
        ui: &mut egui::Ui,
        story: &Story,
        state: &ViewState,
        visible: &[usize],
        folded: usize,
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
                if ui
                    .button("Focus")
                    .on_hover_text("Frame the busiest stretch of the story")
                    .clicked()
                {
                    self.reframe();
                }
                if self.unfold {
                    if ui
                        .button("Fold lanes")
                        .on_hover_text("Gather people with few events into one lane")
                        .clicked()
                    {
                        self.unfold = false;
                    }
                } else if folded > 0
                    && ui
                        .button(format!("All lanes (+{folded})"))
                        .on_hover_text("Give everyone a lane of their own")
                        .clicked()
                {
                    self.unfold = true;
                }
            });
        });
    }

    /// Applies zoom, pan, box zoom, lane scrolling and double-click to `view`.
    fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        plot: Rect,
        mut view: (f64, f64),
        fit: (f64, f64),
    ) -> (f64, f64) {
        let per_px = (view.1 - view.0) / plot.width() as f64;
        if response.double_clicked() {
            return fit;
        }
        // Keys: Shift+←/→ pan by a quarter of the view, + and − zoom on its middle.
        let typing = ui.ctx().memory(|m| m.focused().is_some());
        if !typing {
            let (pan, zoom) = ui.input(|i| {
                let mut pan = 0.0;
                if i.modifiers.shift && i.key_pressed(egui::Key::ArrowRight) {
                    pan += 0.25;
                }
                if i.modifiers.shift && i.key_pressed(egui::Key::ArrowLeft) {
                    pan -= 0.25;
                }
                let mut zoom = 1.0;
                if i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals) {
                    zoom *= 1.5;
                }
                if i.key_pressed(egui::Key::Minus) {
                    zoom /= 1.5;
                }
                (pan, zoom)
            });
            let width = view.1 - view.0;
            view.0 += pan * width;
            view.1 += pan * width;
            if zoom != 1.0 {
                let (mid, half) = ((view.0 + view.1) / 2.0, width / zoom / 2.0);
                view = (mid - half, mid + half);
            }
        }
        if response.hovered() {
            let (scroll, zoom, command) = ui.input(|i| {
                (
                    i.smooth_scroll_delta,
                    i.zoom_delta(),
                    i.modifiers.command || i.modifiers.ctrl,
                )
            });
            let mut factor = zoom as f64;
            if command {
                factor *= (scroll.y as f64 / 200.0).exp();
            } else {
                self.scroll -= scroll.y;
                view.0 -= scroll.x as f64 * per_px;
                view.1 -= scroll.x as f64 * per_px;
            }
            if (factor - 1.0).abs() > 1e-4
                && let Some(p) = response.hover_pos()
            {
                let at = view.0 + (p.x - plot.left()) as f64 * per_px;
                let full = fit.1 - fit.0;
                let width = ((view.1 - view.0) / factor).clamp(0.5, full * 4.0);
                let t = (at - view.0) / (view.1 - view.0);
                view = (at - t * width, at + (1.0 - t) * width);
            }
        }
        if response.dragged_by(egui::PointerButton::Primary) {
            let d = response.drag_delta();
            view.0 -= d.x as f64 * per_px;
            view.1 -= d.x as f64 * per_px;
            self.scroll -= d.y;
        }
        if response.drag_started_by(egui::PointerButton::Secondary) {
            self.boxing = response.interact_pointer_pos().map(|p| p.x);
        }
        if response.drag_stopped_by(egui::PointerButton::Secondary)
            && let (Some(a), Some(p)) = (self.boxing.take(), response.interact_pointer_pos())
        {
            let (a, b) = (a.min(p.x), a.max(p.x));
            if b - a > 6.0 {
                let x = |px: f32| view.0 + (px - plot.left()) as f64 * per_px;
                view = (x(a), x(b));
            }
        }
        view
    }
}

/// A cheap fingerprint of the visible events, so lanes and axis are rebuilt only when they
/// change.
fn fingerprint(visible: &[usize]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    visible.hash(&mut h);
    h.finish()
}

fn date_range_label(lo: f64, hi: f64) -> String {
    match (dates::date_of(lo), dates::date_of(hi)) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => String::new(),
    }
}

fn event_tooltip(ui: &mut egui::Ui, story: &Story, index: &StoryIndex, e: usize) {
    let event = &story.events[e];
    ui.set_max_width(380.0);
    ui.label(RichText::new(&event.title).strong());
    ui.label(dates::format_when(&event.when));
    let outlets: Vec<&str> = index.events()[e]
        .docs
        .iter()
        .map(|&d| index.outlet_of(d))
        .collect();
    ui.label(format!(
        "{} source{}: {}",
        outlets.len(),
        if outlets.len() == 1 { "" } else { "s" },
        outlets.join(", ")
    ));
    let people: Vec<&str> = index.events()[e]
        .participants
        .iter()
        .map(|&p| &story.entities[p])
        .filter(|p| p.kind == crate::story::EntityKind::Person)
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
