//! The story on a time axis, with no GUI: which days the events fall on ([`facts`]), a
//! piece-wise linear axis that collapses long empty gaps ([`axis`]), where to open
//! ([`framing`]), which lanes to show ([`lanes`]), markers that never hide each other
//! ([`markers`]) and labels that never overlap ([`labels`]), put together in pixels by
//! [`scene`]. The window and the slides both draw a [`scene::Scene`].

pub mod axis;
pub mod calendar;
pub mod facts;
pub mod framing;
pub mod labels;
pub mod lanes;
pub mod markers;
pub mod scene;

pub use axis::Axis;
pub use facts::{EventFacts, Facts};
pub use lanes::{LaneMode, LaneOptions, Lanes};
pub use markers::View;
