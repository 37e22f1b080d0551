//! Graph layout, with no GUI types: the graph view and the slides only read positions.
//!
//! [`force`] settles one connected group (Fruchterman–Reingold, Barnes–Hut beyond
//! [`force::GRID_FROM`] nodes); [`pack`] lays out a whole graph the way a reader expects it:
//! each connected group on its own with its busiest people in the middle, the groups packed
//! together biggest first, and the people linked to no one in a tidy grid apart.

pub mod force;
pub mod pack;
pub mod story;

pub use force::{Edge, GRID_FROM, Layout};
pub use pack::arrange;
pub use story::{StoryGraph, node_radius};
