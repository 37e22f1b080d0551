//! The graph of a slide: the people of the (filtered) story with their links, packed by
//! [`crate::layout`], names placed without overlaps by the timeline's label placer.

use super::palette as c;
use super::svg::{Anchor, Svg};
use crate::layout::{StoryGraph, node_radius};
use crate::story::{EntityKind, Story};
use crate::timeline::labels::{self, LabelStyle, Rect, Request};

/// Most names written on a slide's graph.
const MAX_NAMES: usize = 40;

fn kind_fill(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => c::PERSON,
        EntityKind::Organization => c::ORGANIZATION,
        EntityKind::Place => c::PLACE,
    }
}

/// Writes the graph of `keep`'s entities (all when `None`) into the box at (`x`, `y`).
pub fn write(
    svg: &mut Svg,
    story: &Story,
    keep: Option<&[bool]>,
    with_orgs: bool,
    (x, y, w, h): (f32, f32, f32, f32),
) {
    let graph = StoryGraph::new(story, with_orgs, keep);
    svg.group("graph");
    if graph.nodes.is_empty() {
        svg.text_mid(
            x + w / 2.0,
            y + h / 2.0,
            14.0,
            c::FAINT,
            Anchor::Middle,
            "No people found",
        );
        svg.end_group();
        return;
    }
    let pos = graph.arrange(story, 7);
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in &pos {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    let margin = [60.0, 24.0];
    let span = [(hi[0] - lo[0]).max(1.0), (hi[1] - lo[1]).max(1.0)];
    let scale = ((w - 2.0 * margin[0]) / span[0]).min((h - 2.0 * margin[1]) / span[1]);
    let scale = scale.min(90.0);
    let at = |p: [f32; 2]| {
        (
            x + w / 2.0 + (p[0] - (lo[0] + hi[0]) / 2.0) * scale,
            y + h / 2.0 + (p[1] - (lo[1] + hi[1]) / 2.0) * scale,
        )
    };
    // Crowded graphs draw smaller nodes, as the window does.
    let spacing = ((w * h) / graph.nodes.len() as f32).sqrt();
    let shrink = (spacing / 60.0).clamp(0.2, 1.0).min(scale / 30.0).max(0.2);
    let radius = |n: usize| node_radius(story.entities[graph.nodes[n]].mentions.len()) * shrink;
    for (i, &(a, b, l)) in graph.edges.iter().enumerate() {
        let ((x1, y1), (x2, y2)) = (at(pos[a]), at(pos[b]));
        let width = (1.0 + 1.4 * (story.links[l].weight as f32).ln_1p()) * shrink.sqrt();
        let dash = if graph.is_affiliation(story, i) {
            "stroke-dasharray=\"5 4\""
        } else {
            ""
        };
        svg.line(x1, y1, x2, y2, c::EDGE, width, dash);
    }
    for (n, &e) in graph.nodes.iter().enumerate() {
        let (cx, cy) = at(pos[n]);
        let entity = &story.entities[e];
        svg.circle(
            cx,
            cy,
            radius(n),
            kind_fill(entity.kind),
            true,
            Some(&entity.name),
        );
    }
    // Names: the most mentioned first, where they fit.
    let mut order: Vec<usize> = (0..graph.nodes.len()).collect();
    order.sort_by(|&a, &b| radius(b).total_cmp(&radius(a)).then(a.cmp(&b)));
    order.truncate(MAX_NAMES);
    let requests: Vec<Request> = order
        .iter()
        .map(|&n| {
            let (cx, cy) = at(pos[n]);
            Request {
                id: n,
                x: cx - x,
                y: cy - y,
                radius: radius(n),
                text: story.entities[graph.nodes[n]].name.clone(),
            }
        })
        .collect();
    let obstacles: Vec<Rect> = (0..graph.nodes.len())
        .map(|n| {
            let (cx, cy) = at(pos[n]);
            Rect::around(cx - x, cy - y, radius(n) + 1.0)
        })
        .collect();
    let placed = labels::place(
        &requests,
        &obstacles,
        Rect::new(0.0, 0.0, w, h),
        &LabelStyle {
            size: 12.0,
            height: 15.0,
            max_width: 170.0,
            max_rows: 1,
            centred: true,
        },
    );
    for l in placed {
        svg.text_mid(
            x + l.rect.x0 + 3.0,
            y + (l.rect.y0 + l.rect.y1) / 2.0,
            12.0,
            c::INK,
            Anchor::Start,
            &l.text,
        );
    }
    svg.end_group();
}
