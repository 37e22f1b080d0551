//! Painting a timeline [`Scene`] with egui, and finding what is under the pointer.

use std::collections::HashMap;

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, Vec2, Visuals};

use super::super::theme;
use crate::timeline::Lanes;
use crate::timeline::lanes::LaneKey;
use crate::timeline::scene::Scene;

/// Font size of event titles (the size labels were placed for).
const LABEL_SIZE: f32 = 12.5;

fn at(origin: Pos2, x: f32, y: f32) -> Pos2 {
    origin + Vec2::new(x, y)
}

/// Lane backgrounds and names.
#[allow(clippy::too_many_arguments)]
pub fn lanes(
    painter: &Painter,
    visuals: &Visuals,
    rect: Rect,
    plot: Rect,
    origin: Pos2,
    lanes: &Lanes,
    scene: &Scene,
    scroll: f32,
) {
    let names = painter.with_clip_rect(Rect::from_x_y_ranges(
        rect.left()..=plot.right(),
        plot.y_range(),
    ));
    let stripe = visuals.faint_bg_color.gamma_multiply(0.6);
    for (i, (lane, band)) in lanes.lanes.iter().zip(&scene.markers.bands).enumerate() {
        let top = origin.y + band.top;
        let row = Rect::from_x_y_ranges(rect.left()..=plot.right(), top..=top + band.height);
        if i % 2 == 1 {
            names.rect_filled(row, 0.0, stripe);
        }
        let others = matches!(lane.key, LaneKey::Others);
        let mid = top + band.height / 2.0;
        let mut x = rect.left() + 6.0;
        if others {
            // A "more" triangle: click the name to give everyone a lane.
            let t = [
                Pos2::new(x, mid - 5.0),
                Pos2::new(x + 7.0, mid),
                Pos2::new(x, mid + 5.0),
            ];
            names.add(egui::Shape::convex_polygon(
                t.to_vec(),
                theme::accent(visuals),
                Stroke::NONE,
            ));
            x += 12.0;
        }
        let text = if others {
            lane.name.clone()
        } else {
            super::short(&lane.name, 18)
        };
        let colour = if others {
            theme::accent(visuals)
        } else {
            visuals.text_color()
        };
        names.text(
            Pos2::new(x, mid),
            Align2::LEFT_CENTER,
            text,
            FontId::proportional(13.0),
            colour,
        );
    }
    if scroll > 0.0 {
        names.line_segment(
            [plot.left_top(), plot.right_top()],
            Stroke::new(1.0, visuals.weak_text_color()),
        );
    }
}

/// Collapsed gaps: a shaded band with a double slash, so nobody reads them as calendar time.
pub fn breaks(painter: &Painter, visuals: &Visuals, plot: Rect, scene: &Scene) {
    let p = painter.with_clip_rect(plot.expand2(Vec2::new(0.0, 24.0)));
    let shade = visuals.faint_bg_color;
    let ink = visuals.weak_text_color();
    for b in &scene.breaks {
        let (x0, x1) = (plot.left() + b.x0, plot.left() + b.x1);
        let band = Rect::from_x_y_ranges(x0..=x1.max(x0 + 2.0), plot.top()..=plot.bottom() + 22.0);
        p.rect_filled(band, 0.0, shade);
        let mid = (x0 + x1) / 2.0;
        let y = plot.bottom() + 4.0;
        for dx in [-3.0, 3.0] {
            p.line_segment(
                [
                    Pos2::new(mid + dx - 3.0, y + 7.0),
                    Pos2::new(mid + dx + 3.0, y - 5.0),
                ],
                Stroke::new(1.5, ink),
            );
        }
    }
}

/// Tick labels and grid lines under the lanes; a break's length in its band.
pub fn axis(painter: &Painter, visuals: &Visuals, row: Rect, scene: &Scene) {
    let p = painter.with_clip_rect(row.expand2(Vec2::new(40.0, 0.0)));
    let ink = visuals.weak_text_color();
    p.line_segment(
        [row.left_top(), row.right_top()],
        Stroke::new(1.0, ink.gamma_multiply(0.5)),
    );
    let mut right = f32::MIN;
    for (x, label) in &scene.ticks {
        let x = row.left() + x;
        p.line_segment(
            [Pos2::new(x, row.top()), Pos2::new(x, row.top() + 4.0)],
            Stroke::new(1.0, ink),
        );
        let r = p.text(
            Pos2::new(x + 3.0, row.top() + 3.0),
            Align2::LEFT_TOP,
            label,
            FontId::proportional(12.0),
            ink,
        );
        right = right.max(r.right());
    }
    for b in &scene.breaks {
        let mid = row.left() + (b.x0 + b.x1) / 2.0;
        if b.x1 - b.x0 > 6.0 {
            p.text(
                Pos2::new(mid, row.bottom() - 1.0),
                Align2::CENTER_BOTTOM,
                &b.label,
                FontId::proportional(10.0),
                ink,
            );
        }
    }
}

/// Bars, connectors between the lanes of one event, markers and numbered squares.
pub fn markers(
    painter: &Painter,
    visuals: &Visuals,
    plot: Rect,
    origin: Pos2,
    scene: &Scene,
    selected: Option<usize>,
) {
    let p = painter.with_clip_rect(plot);
    let base = theme::event_color(visuals);
    let accent = theme::accent(visuals);
    let m = &scene.markers;
    // Grid lines at the ticks.
    let grid = visuals.weak_text_color().gamma_multiply(0.18);
    for (x, _) in &scene.ticks {
        let x = plot.left() + x;
        p.line_segment(
            [Pos2::new(x, plot.top()), Pos2::new(x, plot.bottom())],
            Stroke::new(1.0, grid),
        );
    }
    // One event on several lanes: a thin line joins its markers.
    let mut span: HashMap<usize, (f32, f32, f32)> = HashMap::new();
    for k in &m.marks {
        let s = span.entry(k.event).or_insert((k.x, k.y, k.y));
        s.1 = s.1.min(k.y);
        s.2 = s.2.max(k.y);
    }
    for (e, (x, y0, y1)) in &span {
        if y1 - y0 > 1.0 {
            let colour = if selected == Some(*e) {
                accent
            } else {
                base.gamma_multiply(0.35)
            };
            p.line_segment(
                [at(origin, *x, *y0), at(origin, *x, *y1)],
                Stroke::new(1.2, colour),
            );
        }
    }
    for k in &m.marks {
        if let Some((a, b)) = k.bar {
            let colour = if selected == Some(k.event) {
                accent
            } else {
                base
            };
            // Long spans (a month, a year) are background: a thin bar, not a slab.
            let (width, alpha) = if b - a > 120.0 {
                (3.0, 0.25)
            } else {
                (k.radius * 1.4, 0.3)
            };
            p.line_segment(
                [at(origin, a, k.y), at(origin, b, k.y)],
                Stroke::new(width, colour.gamma_multiply(alpha)),
            );
        }
    }
    let dim = selected.is_some();
    for k in &m.marks {
        let c = at(origin, k.x, k.y);
        if selected == Some(k.event) {
            continue;
        }
        let fill = if dim { base.gamma_multiply(0.7) } else { base };
        p.circle_filled(c, k.radius, fill);
        p.circle_stroke(
            c,
            k.radius,
            Stroke::new(1.0, visuals.extreme_bg_color.gamma_multiply(0.8)),
        );
    }
    for k in m.marks.iter().filter(|k| selected == Some(k.event)) {
        let c = at(origin, k.x, k.y);
        p.circle_filled(c, k.radius + 1.0, accent);
        p.circle_stroke(c, k.radius + 4.0, Stroke::new(2.0, accent));
    }
    for c in &m.clusters {
        let centre = at(origin, c.x, c.y);
        let r = Rect::from_center_size(centre, Vec2::splat(c.radius * 2.0));
        p.rect_filled(r, 3.0, base.gamma_multiply(0.85));
        p.text(
            centre,
            Align2::CENTER_CENTER,
            c.events.len().to_string(),
            FontId::proportional(10.0),
            visuals.extreme_bg_color,
        );
    }
}

/// A small badge on the markers of events whose sources differ (`differs[event]`).
pub fn difference_marks(
    painter: &Painter,
    visuals: &Visuals,
    plot: Rect,
    origin: Pos2,
    scene: &Scene,
    differs: &[bool],
) {
    let p = painter.with_clip_rect(plot);
    let colour = super::super::differences::colour(visuals);
    for k in &scene.markers.marks {
        if !differs.get(k.event).copied().unwrap_or(false) {
            continue;
        }
        let c = at(origin, k.x, k.y) + Vec2::new(k.radius * 0.75, -k.radius * 0.75);
        p.circle_filled(c, 3.2, colour);
        p.circle_stroke(c, 3.2, Stroke::new(1.0, visuals.extreme_bg_color));
    }
}

/// Event titles where the scene placed them, with their leader lines.
pub fn labels(
    painter: &Painter,
    visuals: &Visuals,
    plot: Rect,
    origin: Pos2,
    scene: &Scene,
    selected: Option<usize>,
) {
    let p = painter.with_clip_rect(plot);
    let accent = theme::accent(visuals);
    let leader = visuals.weak_text_color().gamma_multiply(0.7);
    for l in &scene.labels {
        if let Some([a, b]) = l.leader {
            p.line_segment(
                [at(origin, a.0, a.1), at(origin, b.0, b.1)],
                Stroke::new(1.0, leader),
            );
        }
        let colour: Color32 = if selected == Some(l.id) {
            accent
        } else {
            visuals.text_color()
        };
        p.text(
            at(origin, l.rect.x0 + 3.0, (l.rect.y0 + l.rect.y1) / 2.0),
            Align2::LEFT_CENTER,
            &l.text,
            FontId::proportional(LABEL_SIZE),
            colour,
        );
    }
}

/// What the pointer is over.
pub enum Hit {
    Event(usize),
    /// Index into the scene's clusters.
    Cluster(usize),
}

/// The marker (or bar, or numbered square) nearest the pointer, within a few points.
pub fn hit(scene: &Scene, origin: Pos2, plot: Rect, p: Pos2) -> Option<Hit> {
    if !plot.contains(p) {
        return None;
    }
    let local = p - origin;
    let mut best: Option<(f32, Hit)> = None;
    for k in &scene.markers.marks {
        let d = Vec2::new(k.x - local.x, k.y - local.y).length();
        let on_bar = k.bar.is_some_and(|(a, b)| {
            local.x >= a && local.x <= b && (local.y - k.y).abs() <= k.radius
        });
        let score = if d <= k.radius + 4.0 {
            d
        } else if on_bar {
            k.radius + 4.0
        } else {
            continue;
        };
        if best.as_ref().is_none_or(|b| score < b.0) {
            best = Some((score, Hit::Event(k.event)));
        }
    }
    if best.is_none() {
        for (i, c) in scene.markers.clusters.iter().enumerate() {
            if (c.x - local.x).abs() <= c.radius + 3.0 && (c.y - local.y).abs() <= c.radius + 3.0 {
                return Some(Hit::Cluster(i));
            }
        }
    }
    // A label names its event too.
    if best.is_none()
        && let Some(l) = scene.labels.iter().find(|l| {
            local.x >= l.rect.x0
                && local.x <= l.rect.x1
                && local.y >= l.rect.y0
                && local.y <= l.rect.y1
        })
    {
        return Some(Hit::Event(l.id));
    }
    best.map(|b| b.1)
}

/// The lane at screen height `y`.
pub fn lane_at(scene: &Scene, origin: Pos2, y: f32) -> Option<usize> {
    let local = y - origin.y;
    scene
        .markers
        .bands
        .iter()
        .position(|b| local >= b.top && local < b.top + b.height)
}
