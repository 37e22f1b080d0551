//! A whole graph laid out so that its structure shows: every connected group is settled on
//! its own (busiest people pulled to its middle) and scaled so that nodes are about one unit
//! apart whatever the group's size; the groups are then packed as circles around the biggest,
//! preferring a wide arrangement (graph panels and slides are wider than tall); pairs and
//! triples go in rows under them, and people linked to no one in a grid under those, busiest
//! first, so they read as a tidy list rather than strewn dots.

use rayon::prelude::*;

use super::force::{Edge, Layout};

/// Distance between neighbouring nodes, in layout units.
const SPACING: f32 = 1.0;
/// Space between packed groups.
const GROUP_GAP: f32 = 1.2;
/// Groups with fewer nodes than this go in rows rather than being packed as circles.
const SMALL: usize = 4;
/// Most groups packed as circles (the rest go in rows, keeping packing cheap).
const MAX_PACKED: usize = 60;
/// Width of a grid cell for unlinked nodes, room for a name under each.
const CELL_W: f32 = 2.4;
const CELL_H: f32 = 1.1;
/// Vertical squash when choosing where a group goes: < 1 prefers wide arrangements.
const WIDE: f32 = 1.7;

/// Positions of `n` nodes linked by `edges`; `weight` (mentions, say) decides who is central
/// and who comes first. Deterministic for a given `seed`.
pub fn arrange(n: usize, edges: &[Edge], weight: &[f32], seed: u64) -> Vec<[f32; 2]> {
    let mut positions = vec![[0.0f32; 2]; n];
    if n == 0 {
        return positions;
    }
    let w = |i: usize| weight.get(i).copied().unwrap_or(1.0);
    let groups = components(n, edges);
    let (mut big, mut small): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
        groups.into_iter().partition(|g| g.len() >= SMALL);
    let singles: Vec<usize> = {
        let (s, rest): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
            small.into_iter().partition(|g| g.len() == 1);
        small = rest;
        let mut s: Vec<usize> = s.into_iter().flatten().collect();
        s.sort_by(|&a, &b| w(b).total_cmp(&w(a)).then(a.cmp(&b)));
        s
    };
    if big.len() > MAX_PACKED {
        small.extend(big.split_off(MAX_PACKED));
    }
    // Each packed group settled on its own, in parallel.
    let max_w = weight.iter().copied().fold(1e-6f32, f32::max);
    let settled: Vec<Vec<[f32; 2]>> = big
        .par_iter()
        .map(|g| settle_group(g, edges, &|i| w(i) / max_w, seed))
        .collect();
    let mut placed: Vec<([f32; 2], f32)> = Vec::new();
    for (g, local) in big.iter().zip(&settled) {
        let radius = local
            .iter()
            .map(|p| (p[0] * p[0] + p[1] * p[1]).sqrt())
            .fold(0.0f32, f32::max)
            + SPACING * 0.5;
        let centre = spot_for(&placed, radius);
        placed.push((centre, radius));
        for (&node, p) in g.iter().zip(local) {
            positions[node] = [centre[0] + p[0], centre[1] + p[1]];
        }
    }
    // Pairs and triples: short rows under the packed groups.
    let (mut left, mut right, mut bottom) = placed
        .iter()
        .fold((f32::MAX, f32::MIN, f32::MIN), |(l, r, b), (c, rad)| {
            (l.min(c[0] - rad), r.max(c[0] + rad), b.max(c[1] + rad))
        });
    if placed.is_empty() {
        (left, right, bottom) = (0.0, 0.0, -GROUP_GAP);
    }
    small.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then(group_weight(b, &w).total_cmp(&group_weight(a, &w)))
    });
    let row_width = (right - left).max(CELL_W * 6.0);
    let mut x = left;
    let mut y = bottom + GROUP_GAP;
    for g in &small {
        let width = (g.len() - 1) as f32 * CELL_W * 0.8;
        if x > left && x + width > left + row_width {
            x = left;
            y += CELL_H * 1.6;
        }
        let (members, triangle) = row_order(g, edges, &w);
        for (i, &node) in members.iter().enumerate() {
            // A triangle's middle node rises, so that no line runs through it.
            let lift = if triangle && i == 1 {
                CELL_H * 0.8
            } else {
                0.0
            };
            positions[node] = [x + i as f32 * CELL_W * 0.8, y - lift];
        }
        x += width + CELL_W * 1.3;
    }
    if !small.is_empty() {
        y += CELL_H * 1.6;
    }
    // Unlinked nodes: a grid as wide as the rest, busiest first.
    if !singles.is_empty() {
        let cols = ((row_width / CELL_W).floor() as usize)
            .max((singles.len() as f32 * 2.0).sqrt().ceil() as usize)
            .max(1);
        let cols = cols.min(singles.len());
        let grid_w = (cols - 1) as f32 * CELL_W;
        let x0 = if placed.is_empty() && small.is_empty() {
            -grid_w / 2.0
        } else {
            (left + right) / 2.0 - grid_w / 2.0
        };
        for (i, &node) in singles.iter().enumerate() {
            positions[node] = [
                x0 + (i % cols) as f32 * CELL_W,
                y + (i / cols) as f32 * CELL_H,
            ];
        }
    }
    positions
}

/// The order of a pair or triple in its row, busiest first, except that a node linked to
/// both others stands between them (a line from one end to the other would otherwise pass
/// through the middle node, as if it were linked to both); and whether the three are all
/// linked (a triangle).
fn row_order(g: &[usize], edges: &[Edge], w: &impl Fn(usize) -> f32) -> (Vec<usize>, bool) {
    let mut members = g.to_vec();
    members.sort_by(|&a, &b| w(b).total_cmp(&w(a)).then(a.cmp(&b)));
    if members.len() != 3 {
        return (members, false);
    }
    let linked = |a: usize, b: usize| {
        edges
            .iter()
            .any(|e| (e.a == a && e.b == b) || (e.a == b && e.b == a))
    };
    let degree = |i: usize| members.iter().filter(|&&o| o != i && linked(i, o)).count();
    let hubs: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| degree(i) == 2)
        .collect();
    match hubs[..] {
        [hub] => {
            let ends: Vec<usize> = members.iter().copied().filter(|&i| i != hub).collect();
            (vec![ends[0], hub, ends[1]], false)
        }
        _ => (members, hubs.len() == 3),
    }
}

fn group_weight(g: &[usize], w: &impl Fn(usize) -> f32) -> f32 {
    g.iter().map(|&i| w(i)).sum()
}

/// Connected groups, biggest first (ties: lowest node first), each in node order.
fn components(n: usize, edges: &[Edge]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for e in edges {
        if e.a < n && e.b < n {
            let (a, b) = (find(&mut parent, e.a), find(&mut parent, e.b));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}

/// One group settled alone, centred on the origin, about [`SPACING`] between neighbours.
fn settle_group(
    group: &[usize],
    edges: &[Edge],
    weight: &(impl Fn(usize) -> f32 + Sync),
    seed: u64,
) -> Vec<[f32; 2]> {
    let m = group.len();
    // Busiest first: the seeded spiral starts them in the middle.
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| {
        weight(group[b])
            .total_cmp(&weight(group[a]))
            .then(a.cmp(&b))
    });
    let mut slot = std::collections::HashMap::with_capacity(m);
    for (s, &i) in order.iter().enumerate() {
        slot.insert(group[i], s);
    }
    let local: Vec<Edge> = edges
        .iter()
        .filter_map(|e| {
            Some(Edge {
                a: *slot.get(&e.a)?,
                b: *slot.get(&e.b)?,
                weight: e.weight,
            })
        })
        .filter(|e| e.a != e.b)
        .collect();
    let mut layout = Layout::new(m, local, seed);
    layout.set_gravity(
        order
            .iter()
            .map(|&i| 0.6 + 1.2 * weight(group[i]).clamp(0.0, 1.0).sqrt())
            .collect(),
    );
    layout.settle(400);
    let p = &layout.positions;
    let (cx, cy) = (
        p.iter().map(|q| q[0]).sum::<f32>() / m as f32,
        p.iter().map(|q| q[1]).sum::<f32>() / m as f32,
    );
    // Typical neighbour distance → SPACING.
    let mut near = Vec::with_capacity(m);
    for (i, a) in p.iter().enumerate() {
        let d = p
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, b)| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt())
            .fold(f32::MAX, f32::min);
        near.push(d);
        if near.len() >= 200 {
            break;
        }
    }
    near.sort_by(f32::total_cmp);
    let typical = near.get(near.len() / 2).copied().unwrap_or(1.0).max(1e-4);
    let scale = SPACING * 1.6 / typical;
    let mut by_group = vec![[0.0f32; 2]; m];
    for (s, &gi) in order.iter().enumerate() {
        by_group[gi] = [(p[s][0] - cx) * scale, (p[s][1] - cy) * scale];
    }
    by_group
}

/// Centre for a circle of `radius` next to the circles already `placed`, as near the middle
/// as possible (distance measured with the height stretched, so the pack grows wide).
fn spot_for(placed: &[([f32; 2], f32)], radius: f32) -> [f32; 2] {
    if placed.is_empty() {
        return [0.0, 0.0];
    }
    let mut best: Option<([f32; 2], f32)> = None;
    const ANGLES: usize = 32;
    for (c, r) in placed {
        let d = r + radius + GROUP_GAP;
        for k in 0..ANGLES {
            let a = k as f32 / ANGLES as f32 * std::f32::consts::TAU;
            let p = [c[0] + d * a.cos(), c[1] + d * a.sin()];
            let free = placed.iter().all(|(q, s)| {
                let dd = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt();
                dd >= s + radius + GROUP_GAP * 0.99
            });
            if !free {
                continue;
            }
            let cost = p[0] * p[0] + (p[1] * WIDE).powi(2);
            if best.is_none_or(|b| cost < b.1) {
                best = Some((p, cost));
            }
        }
    }
    best.map_or([0.0, 0.0], |b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: usize, b: usize) -> Edge {
        Edge { a, b, weight: 1.0 }
    }

    fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    #[test]
    fn groups_stay_apart_and_loners_line_up_below() {
        // A star of five around node 0, a triangle 5-6-7, a pair 8-9, loners 10..14.
        let edges = vec![
            edge(0, 1),
            edge(0, 2),
            edge(0, 3),
            edge(0, 4),
            edge(5, 6),
            edge(6, 7),
            edge(7, 5),
            edge(8, 9),
        ];
        let mut weight = vec![1.0; 14];
        weight[0] = 10.0;
        let p = arrange(14, &edges, &weight, 3);
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
        // The hub is the middle of its star.
        let centre = [
            (1..5).map(|i| p[i][0]).sum::<f32>() / 4.0,
            (1..5).map(|i| p[i][1]).sum::<f32>() / 4.0,
        ];
        assert!(dist(p[0], centre) < 0.8, "{:?} vs {centre:?}", p[0]);
        // No two nodes on top of each other.
        for i in 0..14 {
            for j in i + 1..14 {
                assert!(dist(p[i], p[j]) > 0.3, "{i} {j}");
            }
        }
        // Loners share one or a few rows, under every linked node.
        let lowest_linked = (0..10).map(|i| p[i][1]).fold(f32::MIN, f32::max);
        for (i, q) in p.iter().enumerate().take(14).skip(10) {
            assert!(q[1] > lowest_linked, "loner {i} below the groups");
        }
        let rows: std::collections::BTreeSet<i32> =
            (10..14).map(|i| (p[i][1] * 100.0) as i32).collect();
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn a_triple_puts_the_node_linked_to_both_between_them() {
        // 0 is busiest but linked only to 2; 2 is linked to 0 and 1.
        let p = arrange(3, &[edge(0, 2), edge(2, 1)], &[5.0, 1.0, 2.0], 1);
        let mut xs = [(p[0][0], 0), (p[1][0], 1), (p[2][0], 2)];
        xs.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(xs[1].1, 2, "{p:?}");
        // A triangle: the middle node stands off the line between the other two.
        let p = arrange(3, &[edge(0, 1), edge(1, 2), edge(2, 0)], &[1.0; 3], 1);
        let ys: std::collections::BTreeSet<i32> = p.iter().map(|q| (q[1] * 100.0) as i32).collect();
        assert_eq!(ys.len(), 2, "{p:?}");
    }

    #[test]
    fn a_thousand_nodes_are_laid_out() {
        let mut rng = fastrand::Rng::with_seed(5);
        let edges: Vec<Edge> = (0..1500)
            .map(|_| edge(rng.usize(0..1000), rng.usize(0..1000)))
            .filter(|e| e.a != e.b)
            .collect();
        let weight: Vec<f32> = (0..1000).map(|i| (i % 17) as f32).collect();
        let p = arrange(1000, &edges, &weight, 7);
        assert_eq!(p.len(), 1000);
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    }
}
