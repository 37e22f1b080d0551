//! Where the timeline opens: on the stretch where the story happens (its busiest fortnight,
//! events weighted by how many sources report them), wide enough that those events stand apart,
//! or on the whole story when that already gives them room. Events outside stay reachable: the
//! axis collapses empty gaps, the overview strip shows the full span, and Fit shows it all.

use super::axis::Axis;
use super::facts::EventFacts;

/// Length of the window the story is framed on.
pub const FOCUS_DAYS: f64 = 14.0;
/// Pixels the busiest window needs for each of its events, so that they stand apart with
/// room for their titles ...
const PX_PER_EVENT: f64 = 36.0;
/// ... and at least this many in all.
const MIN_FOCUS_PX: f64 = 280.0;
/// The busiest window never takes more than this share of a zoomed view: some context stays.
const MAX_FOCUS_SHARE: f64 = 0.85;
/// Margin around the story in a fitted view, as a share of its width.
const MARGIN: f64 = 0.03;
/// Weight of an event dated by month or year against one dated to the day.
const SPAN_WEIGHT: f64 = 0.25;

/// How much an event counts when looking for where the story is dense.
pub fn weight(e: &EventFacts) -> f64 {
    let w = e.sources() as f64;
    if e.is_span() { w * SPAN_WEIGHT } else { w }
}

/// The view (x range) showing every event of the axis, with a margin.
pub fn fit(axis: &Axis) -> (f64, f64) {
    let (lo, hi) = axis.x_range();
    let pad = ((hi - lo) * MARGIN).max(0.5);
    (lo - pad, hi + pad)
}

/// The busiest window of `days` days: (first day, end day) holding most weight, among the
/// `(day, weight)` points given in time order.
pub fn busiest(points: &[(f64, f64)], days: f64) -> Option<(f64, f64)> {
    let mut best: Option<(f64, f64, f64)> = None;
    let mut sum = 0.0;
    let mut first = 0;
    for &(day, w) in points {
        sum += w;
        while points[first].0 <= day - days {
            sum -= points[first].1;
            first += 1;
        }
        if best.is_none_or(|b| sum > b.2 + 1e-9) {
            best = Some((points[first].0, day, sum));
        }
    }
    best.map(|(lo, hi, _)| (lo, hi.max(lo) + 1.0))
}

/// The view the timeline opens on for these events (indices into `events`, in time order),
/// `width` pixels wide: the whole story when that gives its busiest fortnight enough room,
/// else a view zoomed on that fortnight.
pub fn initial(axis: &Axis, events: &[EventFacts], visible: &[usize], width: f32) -> (f64, f64) {
    let full = fit(axis);
    let points: Vec<(f64, f64)> = visible
        .iter()
        .map(|&e| (events[e].point().floor(), weight(&events[e])))
        .collect();
    let Some((lo, hi)) = busiest(&points, FOCUS_DAYS) else {
        return full;
    };
    let inside = points.iter().filter(|p| p.0 >= lo && p.0 < hi).count();
    let need = (inside as f64 * PX_PER_EVENT).max(MIN_FOCUS_PX);
    let (x0, x1) = (axis.x(lo), axis.x(hi));
    let span = full.1 - full.0;
    let width = width.max(1.0) as f64;
    if (x1 - x0) / span * width >= need {
        return full;
    }
    // Zoom so that the window gets `need` pixels (or the most it can), centred on it.
    let view = ((x1 - x0) * width / need)
        .max((x1 - x0) / MAX_FOCUS_SHARE)
        .min(span);
    let centre = (x0 + x1) / 2.0;
    let a = (centre - view / 2.0).max(full.0).min(full.1 - view);
    (a, a + view)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(day: f64, sources: usize) -> EventFacts {
        EventFacts {
            start: day,
            end: day + 1.0,
            docs: (0..sources).collect(),
            participants: Vec::new(),
        }
    }

    #[test]
    fn the_busiest_fortnight_wins_over_a_longer_sparse_stretch() {
        let mut events: Vec<EventFacts> = (0..10).map(|i| ev(i as f64 * 20.0, 1)).collect();
        for d in 0..6 {
            events.push(ev(300.0 + d as f64, 3));
        }
        let visible: Vec<usize> = (0..events.len()).collect();
        let points: Vec<(f64, f64)> = visible
            .iter()
            .map(|&e| (events[e].point().floor(), weight(&events[e])))
            .collect();
        let (lo, hi) = busiest(&points, FOCUS_DAYS).unwrap();
        assert!((286.0..=300.0).contains(&lo) && hi >= 306.0, "{lo}..{hi}");
        let axis = Axis::new(&points.iter().map(|p| p.0).collect::<Vec<_>>());
        let (a, b) = initial(&axis, &events, &visible, 800.0);
        assert!(a <= axis.x(300.0) && b >= axis.x(306.0), "{a}..{b}");
        // The first event is not on screen but on the axis, a Fit away.
        let (f0, f1) = fit(&axis);
        assert!(f0 <= axis.x(0.0) && f1 >= axis.x(306.0));
    }

    #[test]
    fn a_compact_story_opens_whole() {
        let events: Vec<EventFacts> = (0..8).map(|i| ev(100.0 + i as f64, 2)).collect();
        let visible: Vec<usize> = (0..8).collect();
        let axis = Axis::new(&events.iter().map(|e| e.start).collect::<Vec<_>>());
        assert_eq!(initial(&axis, &events, &visible, 800.0), fit(&axis));
    }
}
