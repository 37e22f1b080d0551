//! Force-directed graph layout (Fruchterman–Reingold), seeded so that the same story gives the
//! same picture on every run. No GUI types: the graph view only reads the positions.
//!
//! Repulsion between all pairs is quadratic, so beyond [`GRID_FROM`] nodes it is computed on a
//! grid: each node repels the nodes of its own and neighbouring cells exactly, and farther
//! nodes through the centre of mass of their cell (a one-level Barnes–Hut approximation).

/// Node count from which repulsion goes through the grid.
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
            temperature: 0.1,
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
            let f = [
                self.forces[i][0] - p[0] * 2.0 * k,
                self.forces[i][1] - p[1] * 2.0 * k,
            ];
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

    fn repel_grid(&mut self, k: f32) {
        let n = self.positions.len();
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in &self.positions {
            for d in 0..2 {
                lo[d] = lo[d].min(p[d]);
                hi[d] = hi[d].max(p[d]);
            }
        }
        let side = ((n as f32).sqrt() / 2.0).ceil().max(1.0) as usize;
        let size = [
            ((hi[0] - lo[0]) / side as f32).max(1e-3),
            ((hi[1] - lo[1]) / side as f32).max(1e-3),
        ];
        let cell_of = |p: [f32; 2]| -> (usize, usize) {
            let cx = (((p[0] - lo[0]) / size[0]) as usize).min(side - 1);
            let cy = (((p[1] - lo[1]) / size[1]) as usize).min(side - 1);
            (cx, cy)
        };
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); side * side];
        let mut mass = vec![[0.0f32; 3]; side * side];
        for (i, p) in self.positions.iter().enumerate() {
            let (cx, cy) = cell_of(*p);
            members[cy * side + cx].push(i);
            let m = &mut mass[cy * side + cx];
            m[0] += p[0];
            m[1] += p[1];
            m[2] += 1.0;
        }
        for i in 0..n {
            let p = self.positions[i];
            let (cx, cy) = cell_of(p);
            let mut f = [0.0f32; 2];
            for gy in 0..side {
                for gx in 0..side {
                    let c = gy * side + gx;
                    if cx.abs_diff(gx) <= 1 && cy.abs_diff(gy) <= 1 {
                        for &j in &members[c] {
                            if j != i {
                                let r = repulsion(p, self.positions[j], k * k, i, j);
                                f[0] += r[0];
                                f[1] += r[1];
                            }
                        }
                    } else if mass[c][2] > 0.0 {
                        let centre = [mass[c][0] / mass[c][2], mass[c][1] / mass[c][2]];
                        let r = repulsion(p, centre, k * k * mass[c][2], i, usize::MAX);
                        f[0] += r[0];
                        f[1] += r[1];
                    }
                }
            }
            self.forces[i][0] += f[0];
            self.forces[i][1] += f[1];
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
