//! Vector exports of the timeline and the graph, so that slides stay crisp at any size. They
//! draw what the views show (same lanes, same filter, same layout), in the light slide palette.

use std::fmt::Write;

use crate::story::{EntityKind, Story};

/// Text escaped for SVG: the project's one XML escaping.
pub fn escape(text: &str) -> String {
    crate::export::xml::escape(text).into_owned()
}

const FONT: &str = "font-family=\"Ubuntu, 'Segoe UI', Helvetica, Arial, sans-serif\"";

fn kind_fill(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "#1e64c8",
        EntityKind::Organization => "#823cbe",
        EntityKind::Place => "#1e8c46",
    }
}

/// One row of the timeline export: its name and (start day, end day, sources, title, selected).
pub struct SvgLane {
    pub name: String,
    pub events: Vec<(f64, f64, usize, String, bool)>,
}

/// The timeline between days `lo` and `hi`, one row per lane, with calendar ticks.
pub fn timeline(lanes: &[SvgLane], lo: f64, hi: f64, ticks: &[(f64, String)]) -> String {
    let (width, left, top, row) = (1400.0, 170.0, 30.0, 46.0);
    let height = top + row * lanes.len().max(1) as f64 + 40.0;
    let x = |day: f64| left + (day - lo) / (hi - lo).max(1e-9) * (width - left - 20.0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {FONT}>"
    );
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    for (day, label) in ticks {
        let px = x(*day);
        if px < left || px > width - 20.0 {
            continue;
        }
        let _ = writeln!(
            out,
            "<line x1=\"{px:.1}\" y1=\"{top}\" x2=\"{px:.1}\" y2=\"{:.1}\" stroke=\"#e3e4e8\"/><text x=\"{px:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#666\" text-anchor=\"middle\">{}</text>",
            height - 30.0,
            height - 12.0,
            escape(label)
        );
    }
    for (r, lane) in lanes.iter().enumerate() {
        let y = top + row * (r as f64 + 0.5);
        let _ = writeln!(
            out,
            "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#eceef2\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"14\" fill=\"#333\" text-anchor=\"end\">{}</text>",
            width - 20.0,
            left - 10.0,
            y + 5.0,
            escape(&lane.name)
        );
        for (start, end, sources, title, selected) in &lane.events {
            let colour = if *selected { "#d66000" } else { "#286ec8" };
            let radius = 3.5 + 2.2 * (*sources as f64).sqrt();
            if end - start > 1.5 {
                let _ = writeln!(
                    out,
                    "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-opacity=\"0.5\" stroke-width=\"{:.1}\" stroke-linecap=\"round\"/>",
                    x(*start),
                    x(*end),
                    radius * 1.6
                );
            }
            let cx = if end - start > 1.5 {
                x(*start)
            } else {
                x(start + 0.5)
            };
            let _ = writeln!(
                out,
                "<circle cx=\"{cx:.1}\" cy=\"{y:.1}\" r=\"{radius:.1}\" fill=\"{colour}\"><title>{}</title></circle>",
                escape(title)
            );
            if *selected || *sources >= 3 {
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"{}\">{}</text>",
                    cx + radius + 4.0,
                    y + 4.5,
                    if *selected { "#d66000" } else { "#222" },
                    escape(title)
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

/// A graph node for the export: entity index and position (any units).
pub struct SvgNode {
    pub entity: usize,
    pub x: f32,
    pub y: f32,
}

/// The graph: edges (node a, node b, weight, dashed) under nodes with their names.
pub fn graph(story: &Story, nodes: &[SvgNode], edges: &[(usize, usize, f64, bool)]) -> String {
    let (width, height, margin) = (1200.0f32, 800.0f32, 90.0f32);
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for n in nodes {
        lo = [lo[0].min(n.x), lo[1].min(n.y)];
        hi = [hi[0].max(n.x), hi[1].max(n.y)];
    }
    let span = [(hi[0] - lo[0]).max(1e-3), (hi[1] - lo[1]).max(1e-3)];
    let scale = ((width - 2.0 * margin) / span[0]).min((height - 2.0 * margin) / span[1]);
    let pos = |n: &SvgNode| {
        (
            width / 2.0 + (n.x - (lo[0] + hi[0]) / 2.0) * scale,
            height / 2.0 + (n.y - (lo[1] + hi[1]) / 2.0) * scale,
        )
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {FONT}>"
    );
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    for &(a, b, weight, dashed) in edges {
        let ((x1, y1), (x2, y2)) = (pos(&nodes[a]), pos(&nodes[b]));
        let dash = if dashed {
            " stroke-dasharray=\"6 5\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"#9aa0aa\" stroke-width=\"{:.1}\"{dash}/>",
            1.0 + 1.4 * weight.ln_1p()
        );
    }
    for n in nodes {
        let e = &story.entities[n.entity];
        let (x, y) = pos(n);
        let r = (4.5 + 2.2 * (e.mentions.len() as f32).sqrt()).min(24.0) * 1.2;
        let _ = writeln!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"15\" fill=\"#222\" text-anchor=\"middle\">{}</text>",
            kind_fill(e.kind),
            y + r + 16.0,
            escape(&e.name)
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_svg_has_lanes_events_and_escaped_titles() {
        let lanes = vec![SvgLane {
            name: "Ana & Bo".into(),
            events: vec![(100.0, 101.0, 3, "Talks <in> Rome".into(), true)],
        }];
        let svg = timeline(&lanes, 90.0, 110.0, &[(100.0, "10 Apr".into())]);
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Ana &amp; Bo"));
        assert!(svg.contains("Talks &lt;in&gt; Rome"));
        assert!(svg.contains("<circle"));
        assert!(svg.contains("10 Apr"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
