//! Force-directed graph layout (Fruchterman–Reingold), seeded so that the same story gives the
//! same picture on every run. No GUI types: the graph view only reads the positions.
//!
//! Repulsion between all pairs is quadratic, so beyond [`GRID_FROM`] nodes it goes through a
//! Barnes–Hut quadtree: far groups of nodes push as one body at their centre of mass.

/// Node count from which repulsion goes through the quadtree.
pub const GRID_FROM: usize = 300;

/// A weighted, undirected edge between two node indices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub weight: f32,
}

/// Node positions in layout units (roughly a unit disc), with scratch buffers kept between
/// steps so that dragging a node and settling again allocates nothing.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub positions: Vec<[f32; 2]>,
    /// Nodes the user holds in place (dragged).
    pub pinned: Vec<bool>,
    edges: Vec<Edge>,
    forces: Vec<[f32; 2]>,
    /// Pull of each node towards the centre (1 by default; more keeps busy nodes central).
    gravity: Vec<f32>,
    temperature: f32,
}

impl Layout {
    /// Starts `n` nodes on a seeded spiral (connected nodes settle near each other quickly).
    pub fn new(n: usize, edges: Vec<Edge>, seed: u64) -> Self {
        let mut rng = fastrand::Rng::with_seed(seed);
        let positions = (0..n)
            .map(|i| {
                let r = ((i as f32 + 0.5) / n.max(1) as f32).sqrt();
                let angle = i as f32 * 2.399_963 + rng.f32() * 0.3;
                [r * angle.cos(), r * angle.sin()]
            })
            .collect();
        Layout {
            positions,
            pinned: vec![false; n],
            edges,
            forces: vec![[0.0; 2]; n],
            gravity: vec![1.0; n],
            temperature: 0.1,
        }
    }

    /// Sets how strongly each node is pulled to the centre (1 is the default).
    pub fn set_gravity(&mut self, gravity: Vec<f32>) {
        if gravity.len() == self.positions.len() {
            self.gravity = gravity;
        }
    }

    /// Runs until the layout is still (or `max_steps`); returns the steps taken.
    pub fn settle(&mut self, max_steps: usize) -> usize {
        for step in 0..max_steps {
            if self.step() < 1e-4 {
                self.temperature = 0.0;
                return step + 1;
            }
        }
        self.temperature = 0.0;
        max_steps
    }

    /// Stops the cooling: the layout stays as it is until reheated.
    pub fn freeze(&mut self) {
        self.temperature = 0.0;
    }

    /// Reheats after the user moved a node, so the others make room.
    pub fn reheat(&mut self) {
        self.temperature = self.temperature.max(0.03);
    }

    /// Whether the layout has cooled down: further steps would not move anything visibly.
    pub fn is_settled(&self) -> bool {
        self.temperature < 1e-4
    }

    /// One cooling step; returns the largest move made.
    pub fn step(&mut self) -> f32 {
        let n = self.positions.len();
        if n == 0 {
            return 0.0;
        }
        let k = (1.0 / n as f32).sqrt().clamp(0.05, 0.6);
        for f in &mut self.forces {
            *f = [0.0; 2];
        }
        if n < GRID_FROM {
            self.repel_exact(k);
        } else {
            self.repel_grid(k);
        }
        for e in &self.edges {
            let (pa, pb) = (self.positions[e.a], self.positions[e.b]);
            let d = [pb[0] - pa[0], pb[1] - pa[1]];
            let dist = (d[0] * d[0] + d[1] * d[1]).sqrt().max(1e-4);
            let pull = dist * dist / k * (1.0 + 0.25 * e.weight.ln_1p()) * 0.35;
            let f = [d[0] / dist * pull, d[1] / dist * pull];
            self.forces[e.a][0] += f[0];
            self.forces[e.a][1] += f[1];
            self.forces[e.b][0] -= f[0];
            self.forces[e.b][1] -= f[1];
        }
        let mut largest: f32 = 0.0;
        for i in 0..n {
            if self.pinned[i] {
                continue;
            }
            let p = &mut self.positions[i];
            // Gravity keeps separate components near the rest.
            let g = 2.0 * k * self.gravity[i];
            let f = [self.forces[i][0] - p[0] * g, self.forces[i][1] - p[1] * g];
            let len = (f[0] * f[0] + f[1] * f[1]).sqrt();
            if len > 0.0 {
                let m = len.min(self.temperature);
                p[0] += f[0] / len * m;
                p[1] += f[1] / len * m;
                largest = largest.max(m);
            }
        }
        self.temperature *= 0.96;
        largest
    }

    fn repel_exact(&mut self, k: f32) {
        let n = self.positions.len();
        for i in 0..n {
            for j in i + 1..n {
                let f = repulsion(self.positions[i], self.positions[j], k * k, i, j);
                self.forces[i][0] += f[0];
                self.forces[i][1] += f[1];
                self.forces[j][0] -= f[0];
                self.forces[j][1] -= f[1];
            }
        }
    }

    /// Barnes–Hut: a quadtree of the nodes; a far cell pushes as one body at its centre of
    /// mass, so a step costs about n log n instead of n².
    fn repel_grid(&mut self, k: f32) {
        let tree = QuadTree::build(&self.positions);
        let k2 = k * k;
        let mut stack = Vec::with_capacity(64);
        for i in 0..self.positions.len() {
            let p = self.positions[i];
            let mut f = [0.0f32; 2];
            stack.clear();
            stack.push(0u32);
            while let Some(q) = stack.pop() {
                let cell = &tree.cells[q as usize];
                if cell.mass == 0.0 {
                    continue;
                }
                let centre = [cell.mass_x / cell.mass, cell.mass_y / cell.mass];
                let d = ((p[0] - centre[0]).powi(2) + (p[1] - centre[1]).powi(2)).sqrt();
                let leaf = cell.children == [0; 4];
                if leaf || cell.size < THETA * d {
                    if leaf && cell.body == Some(i) && cell.mass == 1.0 {
                        continue;
                    }
                    // A leaf holding `i` among coincident nodes: the others push it.
                    let mass = if leaf && cell.body == Some(i) {
                        cell.mass - 1.0
                    } else {
                        cell.mass
                    };
                    let r = repulsion(p, centre, k2 * mass, i, q as usize);
                    f[0] += r[0];
                    f[1] += r[1];
                } else {
                    stack.extend(cell.children.iter().copied().filter(|&c| c != 0));
                }
            }
            self.forces[i][0] += f[0];
            self.forces[i][1] += f[1];
        }
    }
}

/// How far a cell must be (relative to its size) to count as one body.
const THETA: f32 = 0.9;

/// A square of the plane with the mass of the nodes inside it.
#[derive(Debug, Clone, Copy)]
struct Cell {
    x: f32,
    y: f32,
    size: f32,
    mass: f32,
    mass_x: f32,
    mass_y: f32,
    /// Indices into `cells`; 0 means none (the root is never a child).
    children: [u32; 4],
    /// The node of a leaf.
    body: Option<usize>,
}

struct QuadTree {
    cells: Vec<Cell>,
}

impl QuadTree {
    fn build(points: &[[f32; 2]]) -> Self {
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in points {
            for d in 0..2 {
                lo[d] = lo[d].min(p[d]);
                hi[d] = hi[d].max(p[d]);
            }
        }
        let size = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(1e-3) * 1.0001;
        let mut tree = QuadTree {
            cells: vec![Cell::new(lo[0], lo[1], size)],
        };
        for (i, &p) in points.iter().enumerate() {
            tree.insert(0, i, p, points, 0);
        }
        tree
    }

    fn insert(&mut self, c: usize, i: usize, p: [f32; 2], points: &[[f32; 2]], depth: u32) {
        let cell = &mut self.cells[c];
        cell.mass += 1.0;
        cell.mass_x += p[0];
        cell.mass_y += p[1];
        if cell.mass == 1.0 {
            cell.body = Some(i);
            return;
        }
        if depth > 24 {
            return; // coincident nodes share the leaf
        }
        // A leaf that held one body becomes a branch: push that body down first.
        if cell.children == [0; 4]
            && let Some(old) = cell.body.take()
        {
            self.descend(c, old, points[old], points, depth);
        }
        self.descend(c, i, p, points, depth);
    }

    fn descend(&mut self, c: usize, i: usize, p: [f32; 2], points: &[[f32; 2]], depth: u32) {
        let cell = self.cells[c];
        let half = cell.size / 2.0;
        let right = usize::from(p[0] >= cell.x + half);
        let down = usize::from(p[1] >= cell.y + half);
        let slot = down * 2 + right;
        let child = if cell.children[slot] == 0 {
            let child = Cell::new(
                cell.x + half * right as f32,
                cell.y + half * down as f32,
                half,
            );
            self.cells.push(child);
            let id = self.cells.len() - 1;
            self.cells[c].children[slot] = id as u32;
            id
        } else {
            cell.children[slot] as usize
        };
        self.insert(child, i, p, points, depth + 1);
    }
}

impl Cell {
    fn new(x: f32, y: f32, size: f32) -> Self {
        Cell {
            x,
            y,
            size,
            mass: 0.0,
            mass_x: 0.0,
            mass_y: 0.0,
            children: [0; 4],
            body: None,
        }
    }
}

/// Force on `a` away from `b` with strength `k2 / distance`. Coincident nodes are pushed
/// apart in a direction fixed by their indices, so the result stays deterministic.
fn repulsion(a: [f32; 2], b: [f32; 2], k2: f32, i: usize, j: usize) -> [f32; 2] {
    let mut d = [a[0] - b[0], a[1] - b[1]];
    let mut dist2 = d[0] * d[0] + d[1] * d[1];
    if dist2 < 1e-8 {
        let angle = (i.wrapping_mul(31).wrapping_add(j) % 628) as f32 / 100.0;
        d = [angle.cos() * 1e-3, angle.sin() * 1e-3];
        dist2 = 1e-6;
    }
    let s = k2 / dist2;
    [d[0] * s, d[1] * s]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: usize) -> Vec<Edge> {
        (0..n)
            .map(|i| Edge {
                a: i,
                b: (i + 1) % n,
                weight: 1.0,
            })
            .collect()
    }

    fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    #[test]
    fn same_seed_same_picture() {
        let mut a = Layout::new(30, ring(30), 7);
        let mut b = Layout::new(30, ring(30), 7);
        a.settle(300);
        b.settle(300);
        assert_eq!(a.positions, b.positions);
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones() {
        // Two triangles joined by nothing.
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)]
            .iter()
            .map(|&(a, b)| Edge { a, b, weight: 1.0 })
            .collect();
        let mut l = Layout::new(6, edges, 1);
        l.settle(500);
        let p = &l.positions;
        let inside = dist(p[0], p[1]).max(dist(p[3], p[4]));
        let across = dist(p[0], p[3]).min(dist(p[1], p[4]));
        assert!(inside < across, "inside {inside} across {across}");
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    }

    #[test]
    fn grid_repulsion_spreads_large_graphs() {
        let mut l = Layout::new(600, ring(600), 3);
        let steps = l.settle(200);
        assert!(steps <= 200);
        let mut close = 0;
        for i in 0..600 {
            for j in i + 1..600 {
                if dist(l.positions[i], l.positions[j]) < 1e-4 {
                    close += 1;
                }
            }
        }
        assert_eq!(close, 0, "no two nodes on top of each other");
    }

    #[test]
    fn pinned_nodes_stay() {
        let mut l = Layout::new(5, ring(5), 2);
        l.pinned[0] = true;
        let before = l.positions[0];
        l.settle(100);
        assert_eq!(l.positions[0], before);
    }
}
