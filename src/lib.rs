//! Newsline turns a pile of news articles into a story you can see: dated events, the people
//! involved and how they are linked, and the source sentences behind each.
//!
//! Data flows one way: files → [`corpus`] → [`analysis`] → [`story::Story`] → views and
//! [`export`]s. Nothing but `app` (the window) and `desktop` (its menu entry) depends on the
//! GUI, and both are behind the default `gui` feature: `--no-default-features` builds the
//! rest with no GUI crate.

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod corpus;
#[cfg(feature = "gui")]
pub mod desktop;
pub mod edits;
pub mod export;
pub mod font;
pub mod generate;
pub mod layout;
pub mod loader;
pub mod progress;
pub mod sample;
pub mod story;
pub mod tempeval;
pub mod timeline;
