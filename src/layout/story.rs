//! Which entities of a story are the graph's nodes and which links its edges, shared by the
//! window's graph and the slides.

use super::force::Edge;
use crate::story::{EntityKind, Story};

/// A story's graph: entity index of each node, and (node a, node b, link index) edges.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryGraph {
    pub nodes: Vec<usize>,
    pub edges: Vec<(usize, usize, usize)>,
}

impl StoryGraph {
    /// People always (all of them, or those `keep` allows); organizations and places too with
    /// `with_orgs`, when a link ties them to someone.
    pub fn new(story: &Story, with_orgs: bool, keep: Option<&[bool]>) -> Self {
        let allowed = |i: usize| {
            keep.is_none_or(|k| k.get(i).copied().unwrap_or(false))
                && (with_orgs || story.entities[i].kind == EntityKind::Person)
        };
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
                && a != b
                && allowed(a)
                && allowed(b)
            {
                linked[a] = true;
                linked[b] = true;
                pairs.push((a, b, l));
            }
        }
        let nodes: Vec<usize> = (0..story.entities.len())
            .filter(|&i| allowed(i) && (story.entities[i].kind == EntityKind::Person || linked[i]))
            .collect();
        let mut node_of = vec![usize::MAX; story.entities.len()];
        for (n, &e) in nodes.iter().enumerate() {
            node_of[e] = n;
        }
        let edges = pairs
            .into_iter()
            .map(|(a, b, l)| (node_of[a], node_of[b], l))
            .collect();
        StoryGraph { nodes, edges }
    }

    /// Positions of the nodes: groups packed, busiest people central, loners in a grid.
    pub fn arrange(&self, story: &Story, seed: u64) -> Vec<[f32; 2]> {
        let edges: Vec<Edge> = self
            .edges
            .iter()
            .map(|&(a, b, l)| Edge {
                a,
                b,
                weight: story.links[l].weight as f32,
            })
            .collect();
        let weight: Vec<f32> = self
            .nodes
            .iter()
            .map(|&e| story.entities[e].mentions.len() as f32)
            .collect();
        super::pack::arrange(self.nodes.len(), &edges, &weight, seed)
    }

    /// Whether an edge ties a person to an organization or place (an affiliation).
    pub fn is_affiliation(&self, story: &Story, edge: usize) -> bool {
        let (a, b, _) = self.edges[edge];
        story.entities[self.nodes[a]].kind != EntityKind::Person
            || story.entities[self.nodes[b]].kind != EntityKind::Person
    }
}

/// Radius of an entity's node at full size, from its number of mentions.
pub fn node_radius(mentions: usize) -> f32 {
    (4.5 + 2.2 * (mentions as f32).sqrt()).min(24.0)
}
