//! Label placement: every label is given the best free spot among a few, or none. A label
//! goes beside its marker when there is room, else a row or a few above or below it with a
//! vertical leader line back to the marker; a long title is shortened (at a word, with an
//! ellipsis) before it is moved far. Requests come in priority order (the selection first,
//! then the most reported events), so when space runs out it is the least reported titles that
//! are dropped. Labels never overlap each other, a marker, or another label's leader.
//!
//! Pure geometry in pixels with the bundled font's widths, so the window and the slides place
//! labels the same way and tests can check them.

use crate::font;

/// An axis-aligned rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Self {
        Rect { x0, y0, x1, y1 }
    }

    /// The square around a circle.
    pub fn around(x: f32, y: f32, r: f32) -> Self {
        Rect::new(x - r, y - r, x + r, y + r)
    }

    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    pub fn contains(&self, o: &Rect) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }

    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }
}

/// What to label: a marker (centre and radius) and the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub id: usize,
    pub x: f32,
    pub y: f32,
    pub radius: f32,
    pub text: String,
}

/// A placed label: its text (perhaps shortened), its box, and a leader line from the marker
/// when it is not beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub id: usize,
    pub text: String,
    pub rect: Rect,
    pub leader: Option<[(f32, f32); 2]>,
}

/// Sizes for label placement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelStyle {
    /// Font size.
    pub size: f32,
    /// Height of a label's box (text and padding).
    pub height: f32,
    /// Widest label.
    pub max_width: f32,
    /// Farthest a label may move from its marker, in rows.
    pub max_rows: usize,
    /// Labels above or below their marker are centred on it (graph names) rather than
    /// starting at it (event titles, which read from their date onwards).
    pub centred: bool,
}

impl Default for LabelStyle {
    fn default() -> Self {
        LabelStyle {
            size: 12.5,
            height: 16.0,
            max_width: 280.0,
            max_rows: 8,
            centred: false,
        }
    }
}

/// Cell size of the collision grid.
const CELL: f32 = 48.0;

/// Boxes already taken, bucketed on a coarse grid so that a check looks at few of them.
struct Grid {
    bounds: Rect,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    boxes: Vec<Rect>,
}

impl Grid {
    fn new(bounds: Rect) -> Self {
        let cols = ((bounds.width() / CELL).ceil() as usize).clamp(1, 512);
        let rows = ((bounds.height() / CELL).ceil() as usize).clamp(1, 512);
        Grid {
            bounds,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            boxes: Vec::new(),
        }
    }

    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        let c = |v: f32, o: f32, n: usize| (((v - o) / CELL).floor().max(0.0) as usize).min(n - 1);
        (
            c(r.x0, self.bounds.x0, self.cols),
            c(r.x1, self.bounds.x0, self.cols),
            c(r.y0, self.bounds.y0, self.rows),
            c(r.y1, self.bounds.y0, self.rows),
        )
    }

    fn add(&mut self, r: Rect) -> u32 {
        let id = self.boxes.len() as u32;
        self.boxes.push(r);
        self.file(id, &r);
        id
    }

    fn file(&mut self, id: u32, r: &Rect) {
        let (a, b, c, d) = self.span(r);
        for y in c..=d {
            for x in a..=b {
                let cell = &mut self.cells[y * self.cols + x];
                if cell.last() != Some(&id) {
                    cell.push(id);
                }
            }
        }
    }

    /// Gives box `id` a new rectangle (it stays listed in its old cells too, harmlessly).
    fn replace(&mut self, id: u32, r: Rect) {
        self.boxes[id as usize] = r;
        self.file(id, &r);
    }

    fn free(&self, r: &Rect) -> bool {
        self.free_except(r, u32::MAX)
    }

    fn free_except(&self, r: &Rect, except: u32) -> bool {
        let (a, b, c, d) = self.span(r);
        for y in c..=d {
            for x in a..=b {
                if self.cells[y * self.cols + x]
                    .iter()
                    .any(|&i| i != except && self.boxes[i as usize].intersects(r))
                {
                    return false;
                }
            }
        }
        true
    }
}

/// How a label above or below its marker sits: starting at it, ending at it, or centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Start,
    End,
    Centre,
}

/// A spot to try: rows away from the marker (0 = beside it), the alignment, and its cost.
#[derive(Debug, Clone, Copy)]
struct Spot {
    rows: i32,
    align: Align,
    cost: f32,
}

/// The spots a label may take, cheapest first within each distance.
fn spots(style: &LabelStyle) -> Vec<Spot> {
    let mut out = vec![
        Spot {
            rows: 0,
            align: Align::Start,
            cost: 0.0,
        },
        Spot {
            rows: 0,
            align: Align::End,
            cost: 0.7,
        },
    ];
    let aligns: &[(Align, f32)] = if style.centred {
        &[(Align::Centre, 0.0)]
    } else {
        &[(Align::Start, 0.0), (Align::End, 0.7), (Align::Centre, 0.4)]
    };
    for k in 1..=style.max_rows as i32 {
        for &(align, extra) in aligns {
            for sign in [-1, 1] {
                out.push(Spot {
                    rows: k * sign,
                    align,
                    cost: k as f32 * 1.6 + extra + if sign < 0 { 0.1 } else { 0.0 },
                });
            }
        }
    }
    out
}

/// Places the labels of `requests` (in priority order) inside `bounds`, around `obstacles`
/// (markers and anything else that must stay readable).
pub fn place(
    requests: &[Request],
    obstacles: &[Rect],
    bounds: Rect,
    style: &LabelStyle,
) -> Vec<Placed> {
    // Markers and labels for the labels' boxes; labels only for the leaders, which may
    // cross markers (as the connectors between lanes do) but never a label.
    let mut grid = Grid::new(bounds);
    for o in obstacles {
        grid.add(*o);
    }
    let mut texts = Grid::new(bounds);
    let spots = spots(style);
    let widths = [style.max_width, 190.0, 130.0, 85.0, 62.0];
    // First every label at a modest length, so that as many as possible find a spot; then
    // each grows back to its full title where its spot has room.
    struct Taken {
        req: usize,
        spot: Spot,
        variants: Vec<(String, f32)>,
        variant: usize,
        rect: Rect,
        leader: Option<[(f32, f32); 2]>,
        boxes: (u32, u32),
    }
    let mut taken: Vec<Taken> = Vec::new();
    for (r, req) in requests.iter().enumerate() {
        let mut variants: Vec<(String, f32)> = Vec::new();
        for &w in &widths {
            if let Some(t) = font::fit(&req.text, style.size, w.min(style.max_width))
                && variants.last().is_none_or(|v| v.0 != t)
            {
                let width = font::text_width(&t, style.size) + 6.0;
                variants.push((t, width));
            }
        }
        let first = variants
            .iter()
            .position(|v| v.1 <= FIRST_PASS_WIDTH)
            .unwrap_or(variants.len());
        // Markers still waiting for a label, near this one: a label above or below that covers
        // their x would block their leaders, so such spots cost more.
        let mut waiting: Vec<f32> = requests[r + 1..]
            .iter()
            .filter(|o| (o.y - req.y).abs() < style.height * 3.0)
            .map(|o| o.x)
            .collect();
        waiting.sort_by(f32::total_cmp);
        let mut options: Vec<SpotOption> = Vec::new();
        for (v, variant) in variants.iter().enumerate().skip(first) {
            for s in &spots {
                let (rect, leader) = spot_rect(req, *s, variant.1, style);
                let blocked = if s.rows == 0 {
                    0
                } else {
                    waiting.partition_point(|&x| x < rect.x1)
                        - waiting.partition_point(|&x| x <= rect.x0)
                };
                let cost = (v - first) as f32 * 1.5 + s.cost + blocked as f32 * BLOCKING_COST;
                options.push((cost, v, *s, rect, leader));
            }
        }
        options.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (_, v, spot, rect, leader) in options {
            if !bounds.contains(&rect) || !grid.free(&rect) {
                continue;
            }
            let leader_box = leader.map(|l| leader_rect(l, req));
            if leader_box.is_some_and(|l| !texts.free(&l)) {
                continue;
            }
            let boxes = (grid.add(rect), texts.add(rect));
            if let Some(l) = leader_box {
                grid.add(l);
            }
            taken.push(Taken {
                req: r,
                spot,
                variants: std::mem::take(&mut variants),
                variant: v,
                rect,
                leader,
                boxes,
            });
            break;
        }
    }
    for t in &mut taken {
        let req = &requests[t.req];
        for v in 0..t.variant {
            let (rect, _) = spot_rect(req, t.spot, t.variants[v].1, style);
            if bounds.contains(&rect) && grid.free_except(&rect, t.boxes.0) {
                grid.replace(t.boxes.0, rect);
                texts.replace(t.boxes.1, rect);
                t.rect = rect;
                t.variant = v;
                break;
            }
        }
    }
    taken
        .into_iter()
        .map(|t| Placed {
            id: requests[t.req].id,
            text: t.variants[t.variant].0.clone(),
            rect: t.rect,
            leader: t.leader,
        })
        .collect()
}

/// Extra cost of a spot for each waiting marker whose leader it would block.
const BLOCKING_COST: f32 = 0.8;

/// One way to place a label: its cost, which variant of its text, the spot, the label's box
/// and its leader line, if any.
type SpotOption = (f32, usize, Spot, Rect, Option<[(f32, f32); 2]>);

/// Widest a label is on the first pass.
const FIRST_PASS_WIDTH: f32 = 140.0;

/// The box a leader takes, without its end inside the marker (an obstacle itself).
fn leader_rect([a, b]: [(f32, f32); 2], req: &Request) -> Rect {
    shrunk_leader(
        &Rect::new(a.0 - 1.0, a.1.min(b.1), a.0 + 1.0, a.1.max(b.1)),
        req,
    )
}

/// The leader's box without its end inside the marker (which is an obstacle itself).
fn shrunk_leader(l: &Rect, req: &Request) -> Rect {
    let mut l = *l;
    if l.y0 < req.y {
        l.y1 = l.y1.min(req.y - req.radius - 0.5);
    } else {
        l.y0 = l.y0.max(req.y + req.radius + 0.5);
    }
    l
}

/// The box of a label at `spot`, and its leader.
fn spot_rect(
    req: &Request,
    spot: Spot,
    width: f32,
    style: &LabelStyle,
) -> (Rect, Option<[(f32, f32); 2]>) {
    let h = style.height;
    if spot.rows == 0 {
        let (x0, x1) = if spot.align == Align::End {
            (req.x - req.radius - 3.0 - width, req.x - req.radius - 3.0)
        } else {
            (req.x + req.radius + 3.0, req.x + req.radius + 3.0 + width)
        };
        return (Rect::new(x0, req.y - h / 2.0, x1, req.y + h / 2.0), None);
    }
    // Rows above (negative) or below, the first one clear of the marker.
    let step = h + 1.0;
    // The first row clears both the marker and a label beside it.
    let off =
        (req.radius + 2.0).max(h / 2.0 + 1.0) + (spot.rows.unsigned_abs() as f32 - 1.0) * step;
    let (y0, y1) = if spot.rows < 0 {
        (req.y - off - h, req.y - off)
    } else {
        (req.y + off, req.y + off + h)
    };
    let (x0, x1) = match spot.align {
        Align::Centre => (req.x - width / 2.0, req.x + width / 2.0),
        Align::End => (req.x + 4.0 - width, req.x + 4.0),
        Align::Start => (req.x - 4.0, req.x - 4.0 + width),
    };
    let edge = if spot.rows < 0 { y1 } else { y0 };
    let from = if spot.rows < 0 {
        req.y - req.radius
    } else {
        req.y + req.radius
    };
    let leader = (spot.rows.unsigned_abs() > 1).then_some([(req.x, from), (req.x, edge)]);
    (Rect::new(x0, y0, x1, y1), leader)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crowded_labels_move_shorten_or_drop_but_never_overlap() {
        // Twelve markers side by side (as close as stacking leaves them), long titles.
        let requests: Vec<Request> = (0..12)
            .map(|i| Request {
                id: i,
                x: 200.0 + i as f32 * 13.0,
                y: 100.0,
                radius: 5.0,
                text: format!("Event number {i} with a rather long title about talks"),
            })
            .collect();
        let obstacles: Vec<Rect> = requests
            .iter()
            .map(|r| Rect::around(r.x, r.y, r.radius))
            .collect();
        let bounds = Rect::new(0.0, 0.0, 800.0, 220.0);
        let placed = place(&requests, &obstacles, bounds, &LabelStyle::default());
        assert!(placed.len() >= 9, "{}", placed.len());
        for (i, a) in placed.iter().enumerate() {
            assert!(bounds.contains(&a.rect));
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(&b.rect), "{a:?} {b:?}");
            }
            for o in &obstacles {
                assert!(!a.rect.intersects(o), "{a:?} over a marker");
            }
        }
        // The first request is the most important: it keeps its place beside its marker...
        assert_eq!(placed[0].id, 0);
        // ...unless the next marker is in the way; either way it is placed.
        assert!(
            placed
                .iter()
                .any(|p| p.leader.is_some() || p.text.ends_with('…'))
        );
    }
}
