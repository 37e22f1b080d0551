//! One picture of the timeline in pixels: lanes, markers, labels, ticks and break marks for
//! a view of a given size. The window paints it with egui, the slides write it as SVG; both
//! get the same layout from the same code.

use super::axis::{Axis, gap_label};
use super::facts::Facts;
use super::labels::{self, LabelStyle, Placed, Rect, Request};
use super::lanes::Lanes;
use super::markers::{self, MarkStyle, Markers, View};
use crate::story::Story;

/// Most event titles written at once.
pub const MAX_LABELS: usize = 60;
/// Lanes are stretched to fill the height, up to this many times their natural height.
const MAX_STRETCH: f32 = 2.2;
/// Room above the first lane for titles, when the height allows.
const HEADROOM: f32 = 36.0;
/// Least distance between two labelled ticks.
const TICK_PX: f64 = 90.0;

/// A collapsed gap on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakMark {
    pub x0: f32,
    pub x1: f32,
    /// How long the gap is ("8 years").
    pub label: String,
}

/// The drawn timeline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scene {
    pub markers: Markers,
    pub labels: Vec<Placed>,
    /// Calendar ticks: pixel x and label.
    pub ticks: Vec<(f32, String)>,
    pub breaks: Vec<BreakMark>,
}

/// What a scene is drawn from.
pub struct Input<'a> {
    pub story: &'a Story,
    pub facts: &'a Facts,
    pub lanes: &'a Lanes,
    pub axis: &'a Axis,
    pub view: View,
    /// Height available for the lanes.
    pub height: f32,
    pub selected: Option<usize>,
    pub marks: MarkStyle,
    pub labels: LabelStyle,
}

/// Lays out the scene.
pub fn build(input: &Input) -> Scene {
    let view = input.view;
    let mut markers = markers::place(
        &input.lanes.lanes,
        &input.facts.events,
        input.axis,
        &view,
        &input.marks,
    );
    stretch(&mut markers, input.height);
    let labels = place_labels(input, &markers);
    let ticks = input
        .axis
        .ticks(view.x0, view.x1, view.scale(), TICK_PX)
        .into_iter()
        .map(|(x, label)| (view.px(x), label))
        .collect();
    let breaks = input
        .axis
        .breaks()
        .map(|b| BreakMark {
            x0: view.px(b.x_lo),
            x1: view.px(b.x_hi),
            label: gap_label(b.days()),
        })
        .filter(|b| b.x1 >= 0.0 && b.x0 <= view.width)
        .collect();
    Scene {
        markers,
        labels,
        ticks,
        breaks,
    }
}

/// Spreads the lanes over `height` when they need less, keeping each lane's markers centred,
/// and leaves a little headroom above the first lane for titles of its markers.
fn stretch(m: &mut Markers, height: f32) {
    if m.height <= 0.0 || m.height >= height {
        return;
    }
    let headroom = (height - m.height).min(HEADROOM);
    let factor = ((height - headroom) / m.height).clamp(1.0, MAX_STRETCH);
    let old: Vec<markers::Band> = m.bands.clone();
    let mut top = headroom;
    for band in &mut m.bands {
        band.top = top;
        band.height *= factor;
        top += band.height;
    }
    let shift = |lane: usize, y: f32| {
        let (a, b) = (old[lane], m.bands[lane]);
        y - (a.top + a.height / 2.0) + (b.top + b.height / 2.0)
    };
    for mark in &mut m.marks {
        mark.y = shift(mark.lane, mark.y);
    }
    for c in &mut m.clusters {
        c.y = shift(c.lane, c.y);
    }
    m.height = top;
}

/// Titles for the markers on screen, the selected event's first, then the most reported.
fn place_labels(input: &Input, m: &Markers) -> Vec<Placed> {
    let width = input.view.width;
    let events = &input.facts.events;
    // One label per event, at its marker on the topmost lane (marks come lane by lane).
    let mut at: std::collections::HashMap<usize, usize> = Default::default();
    for (i, mark) in m.marks.iter().enumerate() {
        if mark.x >= 0.0 && mark.x <= width {
            at.entry(mark.event).or_insert(i);
        }
    }
    let mut first: Vec<usize> = at.into_values().collect();
    first.sort_by(|&a, &b| {
        let (ea, eb) = (m.marks[a].event, m.marks[b].event);
        (input.selected != Some(ea))
            .cmp(&(input.selected != Some(eb)))
            .then(events[eb].sources().cmp(&events[ea].sources()))
            .then(
                events[eb]
                    .participants
                    .len()
                    .cmp(&events[ea].participants.len()),
            )
            .then(ea.cmp(&eb))
    });
    first.truncate(MAX_LABELS);
    let requests: Vec<Request> = first
        .iter()
        .map(|&i| {
            let mark = &m.marks[i];
            Request {
                id: mark.event,
                x: mark.x,
                y: mark.y,
                radius: mark.radius,
                text: input.story.events[mark.event].title.clone(),
            }
        })
        .collect();
    let mut obstacles: Vec<Rect> = m
        .marks
        .iter()
        .map(|k| Rect::around(k.x, k.y, k.radius + 1.0))
        .collect();
    obstacles.extend(
        m.clusters
            .iter()
            .map(|c| Rect::around(c.x, c.y, c.radius + 1.0)),
    );
    let bounds = Rect::new(0.0, 0.0, width, m.height.max(input.height));
    labels::place(&requests, &obstacles, bounds, &input.labels)
}
