//! Newsline turns a pile of news articles into a story you can see: dated events, the people
//! involved and how they are linked, and the source sentences behind each.
//!
//! Data flows one way: files → [`corpus`] → [`analysis`] → [`story::Story`] → views and
//! [`export`]s. Nothing in this library depends on the GUI.

pub mod analysis;
pub mod app;
pub mod corpus;
pub mod desktop;
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
