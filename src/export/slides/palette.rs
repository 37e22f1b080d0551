//! Slide colours: the window's light theme, readable on a projector and in print.

pub const INK: &str = "#1d1f24";
pub const FAINT: &str = "#6b7078";
pub const GRID: &str = "#e6e8ec";
pub const STRIPE: &str = "#f3f4f6";
pub const BREAK: &str = "#eceef1";
pub const EVENT: &str = "#286ec8";
pub const CONNECTOR: &str = "#a9c3e6";
pub const ACCENT: &str = "#d66000";
pub const EDGE: &str = "#a3a8b0";
pub const PERSON: &str = "#1e64c8";
pub const ORGANIZATION: &str = "#823cbe";
pub const PLACE: &str = "#1e8c46";
