//! Painting one frame of the graph: edges, nodes, names placed without overlaps, and on hover
//! the labels of the links (what ties these people: "phone call", "negotiate with").

use std::collections::HashSet;

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, Vec2, Visuals};

use super::super::{ViewState, theme};
use crate::layout::StoryGraph;
use crate::story::{EntityKind, Story};
use crate::timeline::labels::{self, LabelStyle, Request};

/// Most node names placed at once (the rest on hover).
const MAX_LABELS: usize = 80;
const NAME_SIZE: f32 = 13.0;
const EDGE_SIZE: f32 = 11.5;

/// What one frame draws.
pub struct Frame<'a> {
    pub story: &'a Story,
    pub state: &'a ViewState,
    pub graph: &'a StoryGraph,
    pub affiliation: &'a [bool],
    /// Screen position of each node.
    pub screen: &'a [Pos2],
    pub radius: &'a dyn Fn(usize) -> f32,
    pub shrink: f32,
    pub hovered_node: Option<usize>,
    pub hovered_edge: Option<usize>,
    pub link_events: &'a [Vec<usize>],
    /// Which events pass the filters.
    pub shown: &'a [bool],
}

fn rect_of(r: &labels::Rect, origin: Pos2) -> Rect {
    Rect::from_min_max(
        origin + Vec2::new(r.x0, r.y0),
        origin + Vec2::new(r.x1, r.y1),
    )
}

pub fn draw(painter: &Painter, visuals: &Visuals, rect: Rect, f: &Frame) {
    let g = f.graph;
    let accent = theme::accent(visuals);
    // Which nodes stand out: the hovered node and its neighbours, else the selection.
    let focus_node = f.hovered_node.or_else(|| {
        f.state
            .selected_entity
            .and_then(|e| g.nodes.iter().position(|&n| n == e))
    });
    let mut near: HashSet<usize> = HashSet::new();
    if let Some(n) = focus_node {
        near.insert(n);
        for &(a, b, _) in &g.edges {
            if a == n {
                near.insert(b);
            } else if b == n {
                near.insert(a);
            }
        }
    }
    let in_focus = |n: usize| focus_node.is_none() || near.contains(&n);
    let edge_base = if visuals.dark_mode {
        Color32::from_gray(120)
    } else {
        Color32::from_gray(150)
    };
    for (i, &(a, b, l)) in g.edges.iter().enumerate() {
        let behind = &f.link_events[l];
        let filtered_out = !behind.is_empty() && !behind.iter().any(|&e| f.shown[e]);
        let lit = f.state.selected_link == Some(l)
            || f.hovered_edge == Some(i)
            || f.hovered_node.is_some_and(|n| n == a || n == b);
        let mut colour = if lit { accent } else { edge_base };
        if !(in_focus(a) && in_focus(b)) || filtered_out {
            colour = colour.gamma_multiply(0.25);
        }
        let width = (1.0 + 1.4 * (f.story.links[l].weight as f32).ln_1p()) * f.shrink.sqrt();
        let (pa, pb) = (f.screen[a], f.screen[b]);
        if !rect.expand(50.0).intersects(Rect::from_two_pos(pa, pb)) {
            continue;
        }
        if f.affiliation[i] {
            painter.add(egui::Shape::dashed_line(
                &[pa, pb],
                Stroke::new(width.min(2.0), colour),
                5.0,
                4.0,
            ));
        } else {
            painter.line_segment([pa, pb], Stroke::new(width, colour));
        }
    }
    let visible = |p: Pos2| rect.expand(30.0).contains(p);
    for (n, &e) in g.nodes.iter().enumerate() {
        let p = f.screen[n];
        if !visible(p) {
            continue;
        }
        let entity = &f.story.entities[e];
        let mut fill = theme::kind_color(entity.kind, visuals);
        if !in_focus(n) || f.state.hidden.contains(&e) {
            fill = fill.gamma_multiply(0.3);
        }
        let r = (f.radius)(n);
        painter.circle_filled(p, r, fill);
        if f.state.selected_entity == Some(e) || f.hovered_node == Some(n) {
            painter.circle_stroke(p, r + 3.0, Stroke::new(2.5, accent));
        }
    }
    let names = place_names(rect, f, focus_node, &near);
    for (n, placed) in &names {
        let colour = if in_focus(*n) {
            visuals.strong_text_color()
        } else {
            theme::faint(visuals)
        };
        painter.text(
            rect.min
                + Vec2::new(
                    placed.rect.x0 + 3.0,
                    (placed.rect.y0 + placed.rect.y1) / 2.0,
                ),
            Align2::LEFT_CENTER,
            &placed.text,
            FontId::proportional(NAME_SIZE),
            colour,
        );
    }
    edge_labels(painter, visuals, rect, f, &names);
    legend(painter, rect, visuals, f.state.show_orgs);
}

/// Node names, the hovered and selected first, their neighbours next, then the biggest nodes.
fn place_names(
    rect: Rect,
    f: &Frame,
    focus: Option<usize>,
    near: &HashSet<usize>,
) -> Vec<(usize, labels::Placed)> {
    let g = f.graph;
    let on_screen: Vec<usize> = (0..g.nodes.len())
        .filter(|&n| rect.contains(f.screen[n]))
        .collect();
    let mut order = on_screen.clone();
    let rank = |n: usize| -> u8 {
        if Some(n) == focus {
            0
        } else if f.state.selected_entity == Some(g.nodes[n]) {
            1
        } else if near.contains(&n) {
            2
        } else {
            3
        }
    };
    order.sort_by(|&a, &b| {
        rank(a)
            .cmp(&rank(b))
            .then((f.radius)(b).total_cmp(&(f.radius)(a)))
            .then(a.cmp(&b))
    });
    order.truncate(MAX_LABELS);
    let local = |p: Pos2| p - rect.min;
    let requests: Vec<Request> = order
        .iter()
        .map(|&n| {
            let p = local(f.screen[n]);
            Request {
                id: n,
                x: p.x,
                y: p.y,
                radius: (f.radius)(n),
                text: f.story.entities[g.nodes[n]].name.clone(),
            }
        })
        .collect();
    let obstacles: Vec<labels::Rect> = on_screen
        .iter()
        .map(|&n| {
            let p = local(f.screen[n]);
            labels::Rect::around(p.x, p.y, (f.radius)(n) + 1.0)
        })
        .collect();
    let style = LabelStyle {
        size: NAME_SIZE,
        height: 16.0,
        max_width: 200.0,
        max_rows: 1,
        centred: true,
    };
    let bounds = labels::Rect::new(0.0, 0.0, rect.width(), rect.height() - 24.0);
    labels::place(&requests, &obstacles, bounds, &style)
        .into_iter()
        .map(|p| (p.id, p))
        .collect()
}

/// On hover, what ties people: each link's label at the middle of its edge, on a backing so it
/// reads over the edges.
fn edge_labels(
    painter: &Painter,
    visuals: &Visuals,
    rect: Rect,
    f: &Frame,
    names: &[(usize, labels::Placed)],
) {
    let g = f.graph;
    let edges: Vec<usize> = match (f.hovered_edge, f.hovered_node) {
        (Some(i), _) => vec![i],
        (None, Some(n)) => (0..g.edges.len())
            .filter(|&i| g.edges[i].0 == n || g.edges[i].1 == n)
            .collect(),
        _ => return,
    };
    let local = |p: Pos2| p - rect.min;
    let requests: Vec<Request> = edges
        .iter()
        .map(|&i| {
            let (a, b, l) = g.edges[i];
            let mid = local(f.screen[a] + (f.screen[b] - f.screen[a]) / 2.0);
            Request {
                id: i,
                x: mid.x,
                y: mid.y,
                radius: 1.0,
                text: f.story.links[l].label.clone(),
            }
        })
        .collect();
    let mut obstacles: Vec<labels::Rect> = (0..g.nodes.len())
        .filter(|&n| rect.contains(f.screen[n]))
        .map(|n| {
            let p = local(f.screen[n]);
            labels::Rect::around(p.x, p.y, (f.radius)(n) + 1.0)
        })
        .collect();
    obstacles.extend(names.iter().map(|(_, p)| p.rect));
    let style = LabelStyle {
        size: EDGE_SIZE,
        height: 15.0,
        max_width: 160.0,
        max_rows: 2,
        centred: true,
    };
    let bounds = labels::Rect::new(0.0, 0.0, rect.width(), rect.height() - 24.0);
    let accent = theme::accent(visuals);
    for p in labels::place(&requests, &obstacles, bounds, &style) {
        let r = rect_of(&p.rect, rect.min);
        painter.rect_filled(r, 4.0, visuals.extreme_bg_color.gamma_multiply(0.9));
        painter.rect_stroke(
            r,
            4.0,
            Stroke::new(1.0, accent.gamma_multiply(0.6)),
            egui::StrokeKind::Inside,
        );
        painter.text(
            Pos2::new(r.left() + 3.0, r.center().y),
            Align2::LEFT_CENTER,
            &p.text,
            FontId::proportional(EDGE_SIZE),
            visuals.strong_text_color(),
        );
    }
}

fn legend(painter: &egui::Painter, rect: Rect, visuals: &egui::Visuals, orgs: bool) {
    let mut x = rect.left() + 12.0;
    let y = rect.bottom() - 14.0;
    let kinds: &[(EntityKind, &str)] = if orgs {
        &[
            (EntityKind::Person, "person"),
            (EntityKind::Organization, "organization"),
            (EntityKind::Place, "place"),
        ]
    } else {
        &[(EntityKind::Person, "person")]
    };
    for &(kind, name) in kinds {
        painter.circle_filled(Pos2::new(x + 5.0, y), 5.0, theme::kind_color(kind, visuals));
        let r = painter.text(
            Pos2::new(x + 14.0, y),
            Align2::LEFT_CENTER,
            name,
            FontId::proportional(12.0),
            theme::faint(visuals),
        );
        x = r.right() + 16.0;
    }
}
