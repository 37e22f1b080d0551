//! The entity graph: people (and, by toggle, organizations and places) as nodes sized by
//! mentions, links as edges weighted by evidence. The layout is seeded and settled once per
//! story; the user can drag nodes, pan and zoom.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use super::{Command, ViewState, theme};
use crate::layout::{Edge, Layout};
use crate::story::{EntityKind, Story};

/// Most node names written at once.
const MAX_LABELS: usize = 80;

/// One drawable graph (people only, or everyone) with its own layout.
#[derive(Debug, Clone, Default)]
struct Picture {
    /// Entity index of each node.
    nodes: Vec<usize>,
    /// (node a, node b, link index).
    edges: Vec<(usize, usize, usize)>,
    layout: Layout,
}

impl Picture {
    fn new(story: &Story, with_orgs: bool) -> Self {
        let keep = |i: usize| with_orgs || story.entities[i].kind == EntityKind::Person;
        let by_id: std::collections::HashMap<&str, usize> = story
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let mut linked = vec![false; story.entities.len()];
        let mut pairs = Vec::new();
        for (l, link) in story.links.iter().enumerate() {
            if let (Some(&a), Some(&b)) = (by_id.get(link.a.as_str()), by_id.get(link.b.as_str()))
                && keep(a)
                && keep(b)
            {
                linked[a] = true;
                linked[b] = true;
                pairs.push((a, b, l));
            }
        }
        // People always; organizations and places when something links them.
        let nodes: Vec<usize> = (0..story.entities.len())
            .filter(|&i| keep(i) && (story.entities[i].kind == EntityKind::Person || linked[i]))
            .collect();
        let mut node_of = vec![usize::MAX; story.entities.len()];
        for (n, &e) in nodes.iter().enumerate() {
            node_of[e] = n;
        }
        let edges: Vec<(usize, usize, usize)> = pairs
            .iter()
            .map(|&(a, b, l)| (node_of[a], node_of[b], l))
            .collect();
        let layout_edges = edges
            .iter()
            .map(|&(a, b, l)| Edge {
                a,
                b,
                weight: story.links[l].weight as f32,
            })
            .collect();
        let mut layout = Layout::new(nodes.len(), layout_edges, 7);
        layout.settle(400);
        Picture {
            nodes,
            edges,
            layout,
        }
    }
}

/// Graph view state: two pictures, the camera and the node being dragged.
#[derive(Debug, Clone, Default)]
pub struct GraphView {
    people: Picture,
    everyone: Picture,
    pan: Vec2,
    zoom: f32,
    dragging: Option<usize>,
    /// Event indices behind each link, so that the date and text filters dim edges cheaply.
    link_events: Vec<Vec<usize>>,
    /// Scratch: which events pass the filters this frame.
    shown_events: Vec<bool>,
}

impl GraphView {
    pub fn new(story: &Story) -> Self {
        // Both layouts settle at once, one per core: a big story's graph is ready sooner.
        let (people, everyone) =
            rayon::join(|| Picture::new(story, false), || Picture::new(story, true));
        GraphView {
            people,
            everyone,
            pan: Vec2::ZERO,
            zoom: 1.0,
            dragging: None,
            link_events: {
                let by_id: std::collections::HashMap<&str, usize> = story
                    .events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.id.as_str(), i))
                    .collect();
                story
                    .links
                    .iter()
                    .map(|l| {
                        l.events
                            .iter()
                            .filter_map(|e| by_id.get(e.as_str()).copied())
                            .collect()
                    })
                    .collect()
            },
            shown_events: Vec::new(),
        }
    }

    /// The graph as laid out now, as SVG.
    pub fn svg(&self, story: &Story, state: &ViewState) -> String {
        let pic = if state.show_orgs {
            &self.everyone
        } else {
            &self.people
        };
        let nodes: Vec<super::svg::SvgNode> = pic
            .nodes
            .iter()
            .enumerate()
            .map(|(n, &entity)| super::svg::SvgNode {
                entity,
                x: pic.layout.positions[n][0],
                y: pic.layout.positions[n][1],
            })
            .collect();
        let edges: Vec<(usize, usize, f64, bool)> = pic
            .edges
            .iter()
            .map(|&(a, b, l)| {
                let dashed = story.entities[pic.nodes[a]].kind != EntityKind::Person
                    || story.entities[pic.nodes[b]].kind != EntityKind::Person;
                (a, b, story.links[l].weight, dashed)
            })
            .collect();
        super::svg::graph(story, &nodes, &edges)
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        story: &Story,
        state: &ViewState,
        visible: &[usize],
        commands: &mut Vec<Command>,
    ) {
        let visuals = ui.visuals().clone();
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new("People and links").strong().size(15.0));
            ui.label(
                egui::RichText::new("drag nodes · scroll to zoom · click a person to filter")
                    .color(theme::faint(&visuals)),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Reset view").clicked() {
                    self.pan = Vec2::ZERO;
                    self.zoom = 1.0;
                }
            });
        });
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 6.0, visuals.extreme_bg_color);
        let pic = if state.show_orgs {
            &mut self.everyone
        } else {
            &mut self.people
        };
        if pic.nodes.is_empty() {
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                "No people found in these articles",
                FontId::proportional(15.0),
                theme::faint(&visuals),
            );
            return;
        }
        if self.zoom == 0.0 {
            self.zoom = 1.0;
        }

        // Camera: fit the layout's bounds, then the user's pan and zoom.
        let (lo, hi) = fit_bounds(&pic.layout.positions);
        let extent = (hi - lo).max(Vec2::splat(0.2));
        let inner = rect.shrink2(Vec2::new(70.0, 34.0));
        let scale = (inner.width() / extent.x).min(inner.height() / extent.y) * self.zoom;
        // Crowded graphs draw smaller nodes, so that a thousand people read as a cloud of dots
        // rather than one blot; zooming in gives them room and their full size back.
        let spacing = (inner.area() / pic.nodes.len() as f32).sqrt() * self.zoom;
        let shrink = (spacing / 60.0).clamp(0.2, 1.0);
        let mid = (lo + hi) / 2.0;
        let centre = rect.center() + self.pan;
        let to_screen = |p: [f32; 2]| -> Pos2 { centre + (Vec2::new(p[0], p[1]) - mid) * scale };

        // Zoom around the pointer.
        if response.hovered() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = pinch * (scroll / 400.0).exp();
            if (factor - 1.0).abs() > 1e-4 {
                if let Some(p) = response.hover_pos() {
                    let from_centre = p - centre;
                    self.pan += from_centre - from_centre * factor;
                }
                self.zoom = (self.zoom * factor).clamp(0.2, 8.0);
            }
        }

        let radius = |e: usize| {
            (4.5 + 2.2 * (story.entities[e].mentions.len() as f32).sqrt()).min(24.0) * shrink
        };
        let pointer = response.hover_pos().or(response.interact_pointer_pos());
        let hovered_node = pointer.and_then(|p| {
            pic.nodes
                .iter()
                .enumerate()
                .map(|(n, &e)| {
                    (
                        n,
                        to_screen(pic.layout.positions[n]).distance(p) - radius(e),
                    )
                })
                .filter(|(_, d)| *d <= 4.0)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(n, _)| n)
        });
        let hovered_edge = if hovered_node.is_none() {
            pointer.and_then(|p| {
                pic.edges
                    .iter()
                    .map(|&(a, b, l)| {
                        let (pa, pb) = (
                            to_screen(pic.layout.positions[a]),
                            to_screen(pic.layout.positions[b]),
                        );
                        (l, segment_distance(p, pa, pb))
                    })
                    .filter(|(_, d)| *d <= 5.0)
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(l, _)| l)
            })
        } else {
            None
        };

        // Dragging a node moves it; dragging the background pans.
        if response.drag_started() {
            self.dragging = hovered_node;
        }
        if response.dragged() {
            let delta = response.drag_delta();
            match self.dragging {
                Some(n) => {
                    let p = &mut pic.layout.positions[n];
                    p[0] += delta.x / scale;
                    p[1] += delta.y / scale;
                    pic.layout.pinned[n] = true;
                    pic.layout.reheat();
                }
                None => self.pan += delta,
            }
        }
        if response.drag_stopped() {
            self.dragging = None;
        }
        // After a drag the others make room over a few frames; a still layout costs nothing.
        if !pic.layout.is_settled() {
            if pic.layout.step() > 1e-4 {
                ui.ctx().request_repaint();
            } else {
                pic.layout.freeze();
            }
        }
        if response.clicked() {
            if let Some(n) = hovered_node {
                let e = pic.nodes[n];
                let again = state.selected_entity == Some(e);
                commands.push(Command::SelectEntity((!again).then_some(e)));
            } else if let Some(l) = hovered_edge {
                commands.push(Command::SelectLink(Some(l)));
            }
        }

        // Which nodes stand out: the hovered node and its neighbours, else the selection.
        let focus = hovered_node.map(|n| pic.nodes[n]).or(state.selected_entity);
        let neighbours: std::collections::HashSet<usize> = focus
            .map(|f| {
                pic.edges
                    .iter()
                    .filter_map(|&(a, b, _)| {
                        let (ea, eb) = (pic.nodes[a], pic.nodes[b]);
                        (ea == f).then_some(eb).or((eb == f).then_some(ea))
                    })
                    .chain(std::iter::once(f))
                    .collect()
            })
            .unwrap_or_default();
        let mut shown = std::mem::take(&mut self.shown_events);
        shown.clear();
        shown.resize(story.events.len(), false);
        for &e in visible {
            shown[e] = true;
        }
        let accent = theme::accent(&visuals);
        let edge_base = if visuals.dark_mode {
            Color32::from_gray(120)
        } else {
            Color32::from_gray(150)
        };

        for &(a, b, l) in &pic.edges {
            let link = &story.links[l];
            let (ea, eb) = (pic.nodes[a], pic.nodes[b]);
            let in_focus =
                focus.is_none_or(|_| neighbours.contains(&ea) && neighbours.contains(&eb));
            let behind = &self.link_events[l];
            let filtered_out = !behind.is_empty() && !behind.iter().any(|&e| shown[e]);
            let mut color = if state.selected_link == Some(l) || hovered_edge == Some(l) {
                accent
            } else {
                edge_base
            };
            if !in_focus || filtered_out {
                color = color.gamma_multiply(0.25);
            }
            let width = (1.0 + 1.4 * (link.weight as f32).ln_1p()) * shrink.sqrt();
            let affiliation = story.entities[ea].kind != EntityKind::Person
                || story.entities[eb].kind != EntityKind::Person;
            let (pa, pb) = (
                to_screen(pic.layout.positions[a]),
                to_screen(pic.layout.positions[b]),
            );
            if affiliation {
                painter.add(egui::Shape::dashed_line(
                    &[pa, pb],
                    Stroke::new(width.min(2.0), color),
                    5.0,
                    4.0,
                ));
            } else {
                painter.line_segment([pa, pb], Stroke::new(width, color));
            }
        }
        let label_font = FontId::proportional(13.0);
        // Labels go below their node, or above, right or left when that spot is taken; the
        // biggest nodes choose first.
        let mut placed: Vec<Rect> = Vec::new();
        let mut by_size: Vec<usize> = (0..pic.nodes.len()).collect();
        by_size.sort_by(|&a, &b| radius(pic.nodes[b]).total_cmp(&radius(pic.nodes[a])));
        let mut label_at: Vec<(Pos2, Align2)> =
            vec![(Pos2::ZERO, Align2::CENTER_TOP); pic.nodes.len()];
        // Big graphs name their most mentioned nodes where a label fits without covering
        // another; the others on hover. Small graphs name every node.
        let crowded = pic.nodes.len() > MAX_LABELS;
        let mut named: std::collections::HashSet<usize> = std::collections::HashSet::new();
        for &n in by_size.iter().take(MAX_LABELS) {
            let e = pic.nodes[n];
            let p = to_screen(pic.layout.positions[n]);
            let r = radius(e);
            let galley = ui.painter().layout_no_wrap(
                story.entities[e].name.clone(),
                label_font.clone(),
                Color32::WHITE,
            );
            let size = galley.size();
            let options = [
                (p + Vec2::new(0.0, r + 2.0), Align2::CENTER_TOP),
                (p - Vec2::new(0.0, r + 2.0), Align2::CENTER_BOTTOM),
                (p + Vec2::new(r + 4.0, 0.0), Align2::LEFT_CENTER),
                (p - Vec2::new(r + 4.0, 0.0), Align2::RIGHT_CENTER),
            ];
            let choice = options.iter().copied().find(|&(at, align)| {
                let rect = align.anchor_size(at, size).expand(1.0);
                !placed.iter().any(|o| o.intersects(rect))
            });
            let choice = match choice {
                Some(free) => free,
                None if crowded => continue,
                None => options[0],
            };
            placed.push(choice.1.anchor_size(choice.0, size));
            label_at[n] = choice;
            named.insert(n);
        }
        // Labels go on top of every node, so that a crowded graph never hides them.
        let mut labels = Vec::new();
        for (n, &e) in pic.nodes.iter().enumerate() {
            let entity = &story.entities[e];
            let p = to_screen(pic.layout.positions[n]);
            let r = radius(e);
            let mut fill = theme::kind_color(entity.kind, &visuals);
            let in_focus = focus.is_none_or(|_| neighbours.contains(&e));
            if !in_focus || state.hidden.contains(&e) {
                fill = fill.gamma_multiply(0.3);
            }
            painter.circle_filled(p, r, fill);
            if state.selected_entity == Some(e) || hovered_node == Some(n) {
                painter.circle_stroke(p, r + 3.0, Stroke::new(2.5, accent));
            }
            let text_color = if in_focus {
                visuals.strong_text_color()
            } else {
                theme::faint(&visuals)
            };
            if named.contains(&n) || hovered_node == Some(n) || state.selected_entity == Some(e) {
                labels.push((label_at[n], &entity.name, text_color));
            }
        }
        for ((at, align), name, color) in labels {
            painter.text(at, align, name, label_font.clone(), color);
        }
        self.shown_events = shown;
        legend(&painter, rect, &visuals, state.show_orgs);

        if let Some(l) = hovered_edge {
            let link = &story.links[l];
            response.clone().on_hover_ui_at_pointer(|ui| {
                let name = |id: &str| {
                    story
                        .entities
                        .iter()
                        .find(|e| e.id == id)
                        .map_or(id.to_string(), |e| e.name.clone())
                };
                ui.label(
                    egui::RichText::new(format!("{} — {}", name(&link.a), name(&link.b))).strong(),
                );
                ui.label(format!("{} · weight {:.0}", link.label, link.weight));
                ui.label(format!(
                    "{} events behind it — click to list them",
                    link.events.len()
                ));
            });
        } else if let Some(n) = hovered_node {
            let entity = &story.entities[pic.nodes[n]];
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(egui::RichText::new(&entity.name).strong());
                if !entity.roles.is_empty() {
                    ui.label(entity.roles.join("; "));
                }
                ui.label(format!(
                    "{} mentions — click to filter the timeline",
                    entity.mentions.len()
                ));
            });
        }
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

/// Distance from `p` to the segment `a`–`b`.
fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t).distance(p)
}

/// The box the camera fits: every node in a small graph; in a big one, the central 96 % of the
/// nodes on each axis, so that a few outliers (people linked to no one, pushed out by the
/// crowd) do not shrink everyone else to a blot. They stay a scroll away.
fn fit_bounds(positions: &[[f32; 2]]) -> (Vec2, Vec2) {
    const ALL_UP_TO: usize = 40;
    let axis = |i: usize| -> (f32, f32) {
        let mut v: Vec<f32> = positions.iter().map(|p| p[i]).collect();
        v.sort_by(f32::total_cmp);
        let cut = if v.len() > ALL_UP_TO { v.len() / 50 } else { 0 };
        match (v.get(cut), v.get(v.len().saturating_sub(1 + cut))) {
            (Some(&lo), Some(&hi)) => (lo, hi),
            _ => (0.0, 0.0),
        }
    };
    let (x, y) = (axis(0), axis(1));
    (Vec2::new(x.0, y.0), Vec2::new(x.1, y.1))
}
