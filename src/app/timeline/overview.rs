//! The overview strip under the axis: the whole story on the collapsed axis (every visible
//! event a tick, breaks shaded) with a brush showing what the lanes above show. Clicking or
//! dragging in the strip moves the view there, so background events are always one click
//! away.

use egui::{Pos2, Rect, Sense, Stroke};

use super::super::theme;
use crate::timeline::{Axis, Facts};

/// Draws the strip over `strip`; returns the new view when the user moved the brush.
pub fn show(
    ui: &mut egui::Ui,
    strip: Rect,
    axis: &Axis,
    facts: &Facts,
    visible: &[usize],
    view: (f64, f64),
    fit: (f64, f64),
) -> Option<(f64, f64)> {
    let visuals = ui.visuals().clone();
    let response = ui.interact(
        strip,
        egui::Id::unique("newsline-timeline-overview"),
        Sense::click_and_drag(),
    );
    let painter = ui.painter_at(strip.expand(1.0));
    painter.rect_filled(strip, 3.0, visuals.extreme_bg_color);
    let px =
        |x: f64| strip.left() + ((x - fit.0) / (fit.1 - fit.0).max(1e-9)) as f32 * strip.width();
    for b in axis.breaks() {
        let r = Rect::from_x_y_ranges(
            px(b.x_lo)..=px(b.x_hi).max(px(b.x_lo) + 1.0),
            strip.y_range(),
        );
        painter.rect_filled(r, 0.0, visuals.faint_bg_color);
    }
    // Ticks, at most one per pixel column.
    let ink = theme::event_color(&visuals).gamma_multiply(0.8);
    let mut last = f32::MIN;
    for &e in visible {
        let x = px(axis.x(facts.events[e].point()));
        if x - last >= 1.0 {
            painter.line_segment(
                [
                    Pos2::new(x, strip.top() + 4.0),
                    Pos2::new(x, strip.bottom() - 4.0),
                ],
                Stroke::new(1.0, ink),
            );
            last = x;
        }
    }
    let brush = Rect::from_x_y_ranges(
        px(view.0).max(strip.left())
            ..=px(view.1)
                .min(strip.right())
                .max(px(view.0).max(strip.left()) + 3.0),
        strip.y_range(),
    );
    let accent = theme::accent(&visuals);
    painter.rect_filled(brush, 2.0, accent.gamma_multiply(0.18));
    painter.rect_stroke(
        brush,
        2.0,
        Stroke::new(1.5, accent),
        egui::StrokeKind::Inside,
    );
    let response = response.on_hover_text("The whole story: click or drag to move the view");
    let to_x = |sx: f32| fit.0 + ((sx - strip.left()) / strip.width()) as f64 * (fit.1 - fit.0);
    let width = view.1 - view.0;
    if response.dragged() {
        let d = response.drag_delta().x as f64 / strip.width() as f64 * (fit.1 - fit.0);
        return Some((view.0 + d, view.1 + d));
    }
    if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        let c = to_x(p.x);
        return Some((c - width / 2.0, c + width / 2.0));
    }
    None
}
