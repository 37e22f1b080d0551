//! The timeline of a slide: the library's timeline [`Scene`] of the whole (filtered) story,
//! fitted to a box and written as SVG in the slide palette.

use super::palette as c;
use super::svg::{Anchor, Svg};
use crate::story::Story;
use crate::timeline::labels::LabelStyle;
use crate::timeline::lanes::{self, LaneKey, LaneOptions};
use crate::timeline::markers::MarkStyle;
use crate::timeline::scene::{self, Scene};
use crate::timeline::{Axis, Facts, LaneMode, View, framing};

/// Width of the lane names column.
const NAMES: f32 = 118.0;
/// Height of the tick row.
const AXIS_H: f32 = 24.0;
/// Title size on slides (a little larger than on screen).
pub const LABEL_SIZE: f32 = 12.5;

/// Writes the timeline of `visible` (time order) into the box at (`x`, `y`), `w` × `h`.
#[allow(clippy::too_many_arguments)]
pub fn write(
    svg: &mut Svg,
    story: &Story,
    facts: &Facts,
    visible: &[usize],
    mode: LaneMode,
    selected: Option<usize>,
    (x, y, w, h): (f32, f32, f32, f32),
) {
    let plot_w = w - NAMES - 6.0;
    let plot_h = h - AXIS_H;
    let max_lanes = ((plot_h / 38.0) as usize).clamp(3, 9);
    let lanes = lanes::build(
        story,
        facts,
        visible,
        &LaneOptions {
            mode,
            max_lanes,
            unfold: false,
        },
    );
    let anchors: Vec<f64> = visible.iter().map(|&e| facts.events[e].point()).collect();
    let axis = Axis::new(&anchors);
    let (x0, x1) = framing::fit(&axis);
    let scene = scene::build(&scene::Input {
        story,
        facts,
        lanes: &lanes,
        axis: &axis,
        view: View {
            x0,
            x1,
            width: plot_w,
        },
        height: plot_h,
        selected,
        marks: MarkStyle::default(),
        labels: LabelStyle {
            size: LABEL_SIZE,
            height: 16.0,
            max_width: 250.0,
            max_rows: 5,
            centred: false,
        },
    });
    let px = x + NAMES;
    svg.group("timeline");
    // Lanes: stripes and names.
    for (i, (lane, band)) in lanes.lanes.iter().zip(&scene.markers.bands).enumerate() {
        let top = y + band.top;
        if top >= y + plot_h {
            break;
        }
        let height = band.height.min(y + plot_h - top);
        if i % 2 == 1 {
            svg.rect(x, top, w, height, c::STRIPE, 0.0);
        }
        let name = if lane.key == LaneKey::Others {
            lane.name.clone()
        } else {
            crate::font::fit(&lane.name, 13.0, NAMES - 10.0).unwrap_or_default()
        };
        svg.text_mid(
            x + 4.0,
            top + height / 2.0,
            13.0,
            c::INK,
            Anchor::Start,
            &name,
        );
    }
    write_scene(svg, &scene, px, y, plot_w, plot_h, selected);
    svg.end_group();
}

/// The scene's grid, breaks, markers, labels and axis, its plot's top left at (`px`, `py`).
fn write_scene(
    svg: &mut Svg,
    scene: &Scene,
    px: f32,
    py: f32,
    w: f32,
    h: f32,
    selected: Option<usize>,
) {
    let visible = |x: f32| x >= -1.0 && x <= w + 1.0;
    for (x, _) in &scene.ticks {
        if visible(*x) {
            svg.line(px + x, py, px + x, py + h, c::GRID, 1.0, "");
        }
    }
    for b in &scene.breaks {
        let (a, z) = (px + b.x0.max(0.0), px + b.x1.min(w));
        svg.rect(a, py, (z - a).max(2.0), h + AXIS_H, c::BREAK, 0.0);
        let mid = (a + z) / 2.0;
        for dx in [-3.0, 3.0] {
            svg.line(
                mid + dx - 3.0,
                py + h + 11.0,
                mid + dx + 3.0,
                py + h - 1.0,
                c::FAINT,
                1.5,
                "",
            );
        }
        if z - a > 8.0 {
            svg.text(
                mid,
                py + h + AXIS_H - 2.0,
                9.5,
                c::FAINT,
                Anchor::Middle,
                &b.label,
                false,
            );
        }
    }
    let m = &scene.markers;
    let inside = |y: f32| y >= 0.0 && y <= h;
    // Connectors between the lanes of one event.
    let mut span: std::collections::BTreeMap<usize, (f32, f32, f32)> = Default::default();
    for k in m.marks.iter().filter(|k| inside(k.y)) {
        let s = span.entry(k.event).or_insert((k.x, k.y, k.y));
        s.1 = s.1.min(k.y);
        s.2 = s.2.max(k.y);
    }
    for (e, (x, a, b)) in &span {
        if b - a > 1.0 {
            let colour = if selected == Some(*e) {
                c::ACCENT
            } else {
                c::CONNECTOR
            };
            svg.line(px + x, py + a, px + x, py + b, colour, 1.2, "");
        }
    }
    for k in m.marks.iter().filter(|k| inside(k.y)) {
        if let Some((a, b)) = k.bar {
            let (a, b) = (a.max(0.0), b.min(w));
            let colour = if selected == Some(k.event) {
                c::ACCENT
            } else {
                c::EVENT
            };
            // Long spans (a month, a year) are background: a thin bar, not a slab.
            let width = if b - a > 120.0 { 3.0 } else { k.radius * 1.4 };
            svg.line(
                px + a,
                py + k.y,
                px + b,
                py + k.y,
                colour,
                width,
                "stroke-opacity=\"0.3\" stroke-linecap=\"round\"",
            );
        }
    }
    for k in m.marks.iter().filter(|k| inside(k.y) && visible(k.x)) {
        let colour = if selected == Some(k.event) {
            c::ACCENT
        } else {
            c::EVENT
        };
        svg.circle(px + k.x, py + k.y, k.radius, colour, true, None);
    }
    for cl in m.clusters.iter().filter(|k| inside(k.y) && visible(k.x)) {
        let r = cl.radius;
        svg.rect(
            px + cl.x - r,
            py + cl.y - r,
            2.0 * r,
            2.0 * r,
            c::EVENT,
            3.0,
        );
        svg.text_mid(
            px + cl.x,
            py + cl.y,
            10.0,
            "#ffffff",
            Anchor::Middle,
            &cl.events.len().to_string(),
        );
    }
    for l in &scene.labels {
        if l.rect.y1 > h {
            continue;
        }
        if let Some([a, b]) = l.leader {
            svg.line(px + a.0, py + a.1, px + b.0, py + b.1, c::FAINT, 0.8, "");
        }
        let colour = if selected == Some(l.id) {
            c::ACCENT
        } else {
            c::INK
        };
        svg.text_mid(
            px + l.rect.x0 + 3.0,
            py + (l.rect.y0 + l.rect.y1) / 2.0,
            LABEL_SIZE,
            colour,
            Anchor::Start,
            &l.text,
        );
    }
    // Axis.
    svg.line(px, py + h, px + w, py + h, c::FAINT, 1.0, "");
    let mut right = f32::MIN;
    for (x, label) in &scene.ticks {
        if !visible(*x) || *x < right + 4.0 {
            continue;
        }
        svg.line(px + x, py + h, px + x, py + h + 4.0, c::FAINT, 1.0, "");
        svg.text(
            px + x + 3.0,
            py + h + 15.0,
            11.5,
            c::FAINT,
            Anchor::Start,
            label,
            false,
        );
        right = x + crate::font::text_width(label, 11.5) + 3.0;
    }
}

/// The timeline alone as an SVG picture of `width` × `height` (the window's "Timeline as
/// SVG"): the same lanes and labels as a slide's, without the slide around it.
pub fn picture(
    story: &Story,
    facts: &Facts,
    visible: &[usize],
    mode: LaneMode,
    selected: Option<usize>,
    width: f32,
    height: f32,
) -> String {
    let mut svg = Svg::new(width, height);
    write(
        &mut svg,
        story,
        facts,
        visible,
        mode,
        selected,
        (16.0, 16.0, width - 32.0, height - 32.0),
    );
    svg.finish()
}
