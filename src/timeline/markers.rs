//! Markers on screen: each visible event at its place on each of its lanes, in pixels. Events
//! of the same days never hide each other: a marker that would touch the previous one on its
//! lane goes to the next row of that lane (the lane grows), and only beyond [`MAX_STACK`] rows
//! do markers merge into a numbered square that zooms in when clicked.

use super::axis::Axis;
use super::facts::EventFacts;
use super::lanes::Lane;

/// Most rows of stacked markers in one lane.
pub const MAX_STACK: usize = 4;
/// Free pixels between two markers side by side.
const GAP: f32 = 2.0;

/// Pixel sizes of lanes and markers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkStyle {
    /// Smallest lane height.
    pub min_lane: f32,
    /// Space above and below a lane's rows.
    pub lane_pad: f32,
    /// Smallest distance between two stacked rows.
    pub row: f32,
    /// Radius of a marker with one source; more sources make it bigger.
    pub radius: f32,
}

impl Default for MarkStyle {
    fn default() -> Self {
        MarkStyle {
            min_lane: 24.0,
            lane_pad: 4.0,
            row: 16.0,
            radius: 3.5,
        }
    }
}

impl MarkStyle {
    /// Marker radius for an event reported by `sources` documents.
    pub fn radius_for(&self, sources: usize) -> f32 {
        self.radius + 2.2 * (sources.clamp(1, 25) as f32).sqrt()
    }
}

/// The x units shown across `width` pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub x0: f64,
    pub x1: f64,
    pub width: f32,
}

impl View {
    pub fn px(&self, x: f64) -> f32 {
        ((x - self.x0) / (self.x1 - self.x0).max(1e-9) * self.width as f64) as f32
    }

    pub fn x(&self, px: f32) -> f64 {
        self.x0 + px as f64 / self.width.max(1.0) as f64 * (self.x1 - self.x0)
    }

    /// Pixels per x unit.
    pub fn scale(&self) -> f64 {
        self.width as f64 / (self.x1 - self.x0).max(1e-9)
    }
}

/// One event's marker on one lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub event: usize,
    pub lane: usize,
    pub x: f32,
    pub y: f32,
    pub radius: f32,
    /// For weeks, months and years: the bar from the first day to the end.
    pub bar: Option<(f32, f32)>,
}

/// Several events too close to tell apart on one lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub lane: usize,
    pub x: f32,
    pub y: f32,
    pub radius: f32,
    pub events: Vec<usize>,
    /// First and last day (day numbers) of its events.
    pub lo: f64,
    pub hi: f64,
}

/// A lane's vertical extent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub top: f32,
    pub height: f32,
}

/// Everything drawn on the lanes, in pixels from the top left of the lanes' area.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Markers {
    pub marks: Vec<Mark>,
    pub clusters: Vec<Cluster>,
    pub bands: Vec<Band>,
    pub height: f32,
}

enum Item {
    Mark(Mark),
    Cluster(Cluster),
}

impl Item {
    fn right(&self) -> f32 {
        match self {
            Item::Mark(m) => m.x + m.radius,
            Item::Cluster(c) => c.x + c.radius,
        }
    }
}

fn cluster_radius(n: usize) -> f32 {
    (4.0 + 1.6 * (n as f32).sqrt()).min(14.0)
}

/// Places the markers of `lanes` in `view`.
pub fn place(
    lanes: &[Lane],
    events: &[EventFacts],
    axis: &Axis,
    view: &View,
    style: &MarkStyle,
) -> Markers {
    let mut out = Markers::default();
    let margin = 40.0;
    let (day_lo, day_hi) = (
        axis.day(view.x(-margin)),
        axis.day(view.x(view.width + margin)),
    );
    let mut top = 0.0;
    for (l, lane) in lanes.iter().enumerate() {
        // Rows of items, each with the items placed on it.
        let mut rows: Vec<Vec<Item>> = Vec::new();
        for &e in &lane.events {
            let info = &events[e];
            if info.end < day_lo || info.start > day_hi {
                continue;
            }
            let x = view.px(axis.x(info.point()));
            let radius = style.radius_for(info.sources());
            let bar = info
                .is_span()
                .then(|| (view.px(axis.x(info.start)), view.px(axis.x(info.end))))
                .filter(|(a, b)| b - a >= 3.0);
            let mark = Mark {
                event: e,
                lane: l,
                x,
                y: 0.0,
                radius,
                bar,
            };
            if let Some(row) = rows
                .iter_mut()
                .find(|r| r.last().is_none_or(|it| it.right() + GAP <= x - radius))
            {
                row.push(Item::Mark(mark));
                continue;
            }
            if rows.len() < MAX_STACK {
                rows.push(vec![Item::Mark(mark)]);
                continue;
            }
            // Every row is taken here: merge into the last item of the row that ends first.
            let row = rows
                .iter_mut()
                .min_by(|a, b| {
                    let (ra, rb) = (
                        a.last().map_or(0.0, Item::right),
                        b.last().map_or(0.0, Item::right),
                    );
                    ra.total_cmp(&rb)
                })
                .expect("MAX_STACK rows");
            let last = row.pop().expect("a full row has items");
            let mut c = match last {
                Item::Cluster(c) => c,
                Item::Mark(m) => {
                    let i = &events[m.event];
                    Cluster {
                        lane: l,
                        x: m.x,
                        y: 0.0,
                        radius: 0.0,
                        events: vec![m.event],
                        lo: i.start,
                        hi: i.end,
                    }
                }
            };
            let n = c.events.len() as f32;
            c.x = (c.x * n + x) / (n + 1.0);
            c.events.push(e);
            c.lo = c.lo.min(info.start);
            c.hi = c.hi.max(info.end);
            c.radius = cluster_radius(c.events.len());
            row.push(Item::Cluster(c));
        }
        let biggest = rows
            .iter()
            .flatten()
            .map(|it| match it {
                Item::Mark(m) => m.radius,
                Item::Cluster(c) => c.radius,
            })
            .fold(0.0f32, f32::max);
        let pitch = style.row.max(2.0 * biggest + GAP);
        let height = (rows.len() as f32 * pitch + 2.0 * style.lane_pad).max(style.min_lane);
        let first = top + (height - rows.len() as f32 * pitch) / 2.0 + pitch / 2.0;
        for (r, row) in rows.into_iter().enumerate() {
            let y = first + r as f32 * pitch;
            for item in row {
                match item {
                    Item::Mark(m) => out.marks.push(Mark { y, ..m }),
                    Item::Cluster(c) => out.clusters.push(Cluster { y, ..c }),
                }
            }
        }
        out.bands.push(Band { top, height });
        top += height;
    }
    out.height = top;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::lanes::LaneKey;

    fn day_event(day: f64) -> EventFacts {
        EventFacts {
            start: day,
            end: day + 1.0,
            docs: vec![0],
            participants: vec![],
        }
    }

    #[test]
    fn same_day_events_stack_instead_of_hiding_each_other() {
        let events: Vec<EventFacts> = [100.0, 100.0, 100.0, 101.0, 130.0]
            .into_iter()
            .map(day_event)
            .collect();
        let lane = Lane {
            key: LaneKey::Others,
            name: "x".into(),
            events: (0..5).collect(),
        };
        let axis = Axis::linear(90.0, 140.0);
        let view = View {
            x0: 90.0,
            x1: 140.0,
            width: 500.0,
        };
        let m = place(&[lane], &events, &axis, &view, &MarkStyle::default());
        assert_eq!(m.marks.len(), 5);
        assert!(m.clusters.is_empty());
        for (i, a) in m.marks.iter().enumerate() {
            for b in &m.marks[i + 1..] {
                let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                assert!(d >= a.radius + b.radius, "{a:?} {b:?}");
            }
        }
        assert!(m.height > MarkStyle::default().min_lane);
    }

    #[test]
    fn beyond_the_stack_markers_merge() {
        let events: Vec<EventFacts> = (0..20).map(|_| day_event(100.0)).collect();
        let lane = Lane {
            key: LaneKey::Others,
            name: "x".into(),
            events: (0..20).collect(),
        };
        let axis = Axis::linear(0.0, 200.0);
        let view = View {
            x0: 0.0,
            x1: 200.0,
            width: 400.0,
        };
        let m = place(&[lane], &events, &axis, &view, &MarkStyle::default());
        let in_clusters: usize = m.clusters.iter().map(|c| c.events.len()).sum();
        assert_eq!(m.marks.len() + in_clusters, 20);
        assert!(m.marks.len() + m.clusters.len() <= MAX_STACK);
    }
}
