//! The entity graph: people (and, by toggle, organizations and places) as nodes sized by
//! mentions, links as edges weighted by evidence. The layout comes from the library
//! ([`crate::layout`]: connected groups packed, busiest people central, loners in a grid) and
//! is settled once per story; the user drags nodes (onto another to merge them), pans and
//! zooms. Names are placed each frame by the timeline's label placer, so they never overlap
//! at any zoom; a hovered node or edge shows what its links are.

mod paint;

use egui::{Align2, FontId, Pos2, Sense, Vec2};

use super::{Command, ViewState, theme};
use crate::layout::{StoryGraph, node_radius};
use crate::story::Story;

/// One drawable graph (people only, or everyone) with its positions.
#[derive(Debug, Clone, Default)]
struct Picture {
    graph: StoryGraph,
    positions: Vec<[f32; 2]>,
    /// Whether each edge is an affiliation (to an organization or place).
    affiliation: Vec<bool>,
    /// Bounds of the laid-out positions.
    lo: [f32; 2],
    hi: [f32; 2],
}

impl Picture {
    fn new(story: &Story, with_orgs: bool) -> Self {
        let graph = StoryGraph::new(story, with_orgs, None);
        let positions = graph.arrange(story, 7);
        let affiliation = (0..graph.edges.len())
            .map(|i| graph.is_affiliation(story, i))
            .collect();
        let mut p = Picture {
            graph,
            positions,
            affiliation,
            lo: [0.0; 2],
            hi: [0.0; 2],
        };
        p.bounds();
        p
    }

    fn bounds(&mut self) {
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in &self.positions {
            lo = [lo[0].min(p[0]), lo[1].min(p[1])];
            hi = [hi[0].max(p[0]), hi[1].max(p[1])];
        }
        if self.positions.is_empty() {
            (lo, hi) = ([0.0; 2], [0.0; 2]);
        }
        (self.lo, self.hi) = (lo, hi);
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

/// The camera of one frame: layout units to screen points.
#[derive(Debug, Clone, Copy)]
struct Camera {
    centre: Pos2,
    mid: Vec2,
    scale: f32,
    /// Node size factor: crowded graphs draw smaller nodes until zoomed in.
    shrink: f32,
}

impl Camera {
    fn at(&self, p: [f32; 2]) -> Pos2 {
        self.centre + (Vec2::new(p[0], p[1]) - self.mid) * self.scale
    }
}

impl GraphView {
    pub fn new(story: &Story) -> Self {
        // Both layouts settle at once, one per core: a big story's graph is ready sooner.
        let (people, everyone) =
            rayon::join(|| Picture::new(story, false), || Picture::new(story, true));
        let by_id: std::collections::HashMap<&str, usize> = story
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        GraphView {
            people,
            everyone,
            pan: Vec2::ZERO,
            zoom: 1.0,
            dragging: None,
            link_events: story
                .links
                .iter()
                .map(|l| {
                    l.events
                        .iter()
                        .filter_map(|e| by_id.get(e.as_str()).copied())
                        .collect()
                })
                .collect(),
            shown_events: Vec::new(),
        }
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
                egui::RichText::new("drag nodes (onto another to merge) · scroll to zoom · click a person to filter")
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
        if pic.graph.nodes.is_empty() {
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

        // Camera: fit the layout, then the user's pan and zoom.
        let extent = Vec2::new(pic.hi[0] - pic.lo[0], pic.hi[1] - pic.lo[1]).max(Vec2::splat(1.0));
        let inner = rect.shrink2(Vec2::new(70.0, 30.0));
        let fit = (inner.width() / extent.x)
            .min(inner.height() / extent.y)
            .min(120.0);
        let scale = fit * self.zoom;
        let spacing = (inner.area() / pic.graph.nodes.len() as f32).sqrt() * self.zoom;
        let camera = Camera {
            centre: rect.center() + self.pan,
            mid: Vec2::new(pic.lo[0] + pic.hi[0], pic.lo[1] + pic.hi[1]) / 2.0,
            scale,
            shrink: (spacing / 60.0).clamp(0.2, 1.0).min(scale / 28.0).max(0.2),
        };

        // Zoom around the pointer.
        if response.hovered() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = pinch * (scroll / 400.0).exp();
            if (factor - 1.0).abs() > 1e-4 {
                if let Some(p) = response.hover_pos() {
                    let from_centre = p - camera.centre;
                    self.pan += from_centre - from_centre * factor;
                }
                self.zoom = (self.zoom * factor).clamp(0.2, 12.0);
            }
        }

        let radius = |n: usize| {
            node_radius(story.entities[pic.graph.nodes[n]].mentions.len()) * camera.shrink
        };
        let screen: Vec<Pos2> = pic.positions.iter().map(|&p| camera.at(p)).collect();
        name_nodes(
            ui.ctx(),
            &response,
            story,
            &pic.graph.nodes,
            &screen,
            &radius,
        );
        let pointer = response.hover_pos().or(response.interact_pointer_pos());
        let hovered_node = pointer.and_then(|p| node_at(&screen, &radius, p));
        let hovered_edge = if hovered_node.is_none() {
            pointer.and_then(|p| {
                pic.graph
                    .edges
                    .iter()
                    .enumerate()
                    .map(|(i, &(a, b, _))| (i, segment_distance(p, screen[a], screen[b])))
                    .filter(|(_, d)| *d <= 5.0)
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(i, _)| i)
            })
        } else {
            None
        };

        // Dragging a node moves it; dragging the background pans.
        // The node under the press, not under the pointer once it has moved far enough to
        // count as a drag (a quick drag leaves a small node behind).
        if response.drag_started() {
            let origin = ui.input(|i| i.pointer.press_origin());
            self.dragging = match origin {
                Some(p) => node_at(&screen, &radius, p),
                None => hovered_node,
            };
        }
        if response.dragged() {
            let delta = response.drag_delta();
            match self.dragging {
                Some(n) => {
                    let p = &mut pic.positions[n];
                    p[0] += delta.x / scale;
                    p[1] += delta.y / scale;
                }
                None => self.pan += delta,
            }
        }
        // A node dropped onto another is the same one: merged into it (Undo takes it back).
        let drop_target = self.dragging.and_then(|n| drop_target(&screen, &radius, n));
        if response.drag_stopped() {
            if let (Some(n), Some(m)) = (self.dragging, drop_target) {
                commands.push(Command::Edit(crate::edits::Edit::MergeEntities {
                    into: story.entities[pic.graph.nodes[m]].name.clone(),
                    from: story.entities[pic.graph.nodes[n]].name.clone(),
                }));
            }
            self.dragging = None;
        }
        if response.clicked() {
            if let Some(n) = hovered_node {
                let e = pic.graph.nodes[n];
                let again = state.selected_entity == Some(e);
                commands.push(Command::SelectEntity((!again).then_some(e)));
            } else if let Some(i) = hovered_edge {
                commands.push(Command::SelectLink(Some(pic.graph.edges[i].2)));
            }
        }

        let mut shown = std::mem::take(&mut self.shown_events);
        shown.clear();
        shown.resize(story.events.len(), false);
        for &e in visible {
            shown[e] = true;
        }
        let frame = paint::Frame {
            story,
            state,
            graph: &pic.graph,
            affiliation: &pic.affiliation,
            screen: &screen,
            radius: &radius,
            shrink: camera.shrink,
            hovered_node,
            hovered_edge,
            link_events: &self.link_events,
            shown: &shown,
        };
        paint::draw(&painter, &visuals, rect, &frame);
        self.shown_events = shown;
        if let (Some(n), Some(m)) = (self.dragging, drop_target) {
            let accent = theme::accent(&visuals);
            painter.circle_stroke(screen[m], radius(m) + 5.0, egui::Stroke::new(2.5, accent));
            let hint = painter.layout_no_wrap(
                format!(
                    "Drop to merge “{}” into “{}”",
                    story.entities[pic.graph.nodes[n]].name,
                    story.entities[pic.graph.nodes[m]].name
                ),
                FontId::proportional(13.0),
                accent,
            );
            let at = egui::Rect::from_center_size(
                screen[m] + Vec2::new(0.0, radius(m) + 12.0 + hint.size().y / 2.0),
                hint.size() + Vec2::splat(8.0),
            );
            painter.rect_filled(at, 4.0, visuals.extreme_bg_color);
            painter.galley(at.min + Vec2::splat(4.0), hint, accent);
        }
        tooltips(&response, story, &pic.graph, hovered_node, hovered_edge);
        let target = match (hovered_node, hovered_edge) {
            (Some(n), _) => Some(super::edit_menu::Target::Entity(pic.graph.nodes[n])),
            (None, Some(i)) => Some(super::edit_menu::Target::Link(pic.graph.edges[i].2)),
            _ => None,
        };
        super::edit_menu::context(&response, target, story, commands);
    }
}

fn tooltips(
    response: &egui::Response,
    story: &Story,
    graph: &StoryGraph,
    hovered_node: Option<usize>,
    hovered_edge: Option<usize>,
) {
    if let Some(i) = hovered_edge {
        let (a, b, l) = graph.edges[i];
        let link = &story.links[l];
        let (a, b) = (
            &story.entities[graph.nodes[a]],
            &story.entities[graph.nodes[b]],
        );
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.label(egui::RichText::new(format!("{} — {}", a.name, b.name)).strong());
            ui.label(format!("{} · weight {:.0}", link.label, link.weight));
            ui.label(format!(
                "{} events behind it — click to list them",
                link.events.len()
            ));
        });
    } else if let Some(n) = hovered_node {
        let entity = &story.entities[graph.nodes[n]];
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

/// The node at `p` (within a few pixels of its disc), the nearest if several.
fn node_at(screen: &[Pos2], radius: &dyn Fn(usize) -> f32, p: Pos2) -> Option<usize> {
    (0..screen.len())
        .map(|n| (n, screen[n].distance(p) - radius(n)))
        .filter(|(_, d)| *d <= 4.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(n, _)| n)
}

/// Gives each node on screen a place in the accessibility tree, named for its entity ("In the
/// graph: Ada Lund", apart from the lists' rows), where it is drawn: a screen reader can list the
/// people of the graph, and UI tests find a node by name.
fn name_nodes(
    ctx: &egui::Context,
    canvas: &egui::Response,
    story: &Story,
    nodes: &[usize],
    screen: &[Pos2],
    radius: &dyn Fn(usize) -> f32,
) {
    // Without an accessibility tree this frame (the usual case) there is nothing to name.
    if ctx.accesskit_node_builder(canvas.id, |_| ()).is_none() {
        return;
    }
    for (n, (&entity, &at)) in nodes.iter().zip(screen).enumerate() {
        if !canvas.rect.contains(at) {
            continue;
        }
        let r = f64::from(radius(n));
        ctx.accesskit_node_builder(canvas.id.with(("node", n)), |node| {
            node.set_role(egui::Role::GraphicsObject);
            node.set_label(format!("In the graph: {}", story.entities[entity].name));
            node.set_bounds(egui::accesskit::Rect {
                x0: f64::from(at.x) - r,
                y0: f64::from(at.y) - r,
                x1: f64::from(at.x) + r,
                y1: f64::from(at.y) + r,
            });
        });
    }
}

/// The node the dragged node `n` is dropped onto: the nearest other node its centre lies on.
fn drop_target(screen: &[Pos2], radius: &dyn Fn(usize) -> f32, n: usize) -> Option<usize> {
    (0..screen.len())
        .filter(|&m| m != n)
        .map(|m| (m, screen[m].distance(screen[n])))
        .filter(|&(m, d)| d <= radius(m).max(8.0))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(m, _)| m)
}

/// Distance from `p` to the segment `a`–`b`.
fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t).distance(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_dropped_on_another_targets_it_and_near_misses_do_not() {
        let screen = [
            Pos2::new(100.0, 100.0),
            Pos2::new(300.0, 100.0),
            Pos2::new(306.0, 104.0),
        ];
        let radius = |_n: usize| 12.0;
        // Node 2 dropped on node 1's disc.
        assert_eq!(drop_target(&screen, &radius, 2), Some(1));
        // Node 0 far from everyone: nothing to merge with.
        assert_eq!(drop_target(&screen, &radius, 0), None);
        // Never itself.
        let alone = [Pos2::new(0.0, 0.0)];
        assert_eq!(drop_target(&alone, &radius, 0), None);
    }
}
