//! A piece-wise linear time axis: long empty stretches between the story's clusters of dated
//! events collapse into narrow breaks, so a story's busy weeks and its 1912 or 2014 background
//! share one screen. Inside a piece one x unit is one day; a break squeezes its whole gap into
//! a few units (and is drawn with a break mark). The map is continuous and monotone, so it
//! inverts, and zooming and panning stay linear in x.
//!
//! Which gaps collapse is measured from the story itself (after rerun's time panel): a gap
//! collapses when it is far longer than the story's usual spacing of event days and at least
//! [`MIN_GAP_DAYS`]; at most [`MAX_BREAKS`] of them, the longest.

use super::calendar;

/// Gaps shorter than this never collapse: a fortnight without news is part of the story.
pub const MIN_GAP_DAYS: f64 = 14.0;
/// A gap collapses when it is this many times the median spacing of event days.
const GAP_FACTOR: f64 = 3.0;
/// Most breaks on one axis; beyond that only the longest gaps collapse.
pub const MAX_BREAKS: usize = 15;
/// Days kept on each side of a cluster, so a lone event does not sit on a break.
const PAD_DAYS: f64 = 2.0;
/// Width of a break, as a share of the days kept.
const BREAK_SHARE: f64 = 0.035;
/// All breaks together take at most this share of the days kept.
const BREAKS_AT_MOST: f64 = 0.3;

/// One stretch of the axis: `day_lo..day_hi` drawn over `x_lo..x_hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    pub day_lo: f64,
    pub day_hi: f64,
    pub x_lo: f64,
    pub x_hi: f64,
    /// A collapsed gap (drawn compressed, with a break mark).
    pub is_break: bool,
}

impl Piece {
    fn x(&self, day: f64) -> f64 {
        let span = (self.day_hi - self.day_lo).max(1e-9);
        self.x_lo + (day - self.day_lo) / span * (self.x_hi - self.x_lo)
    }

    fn day(&self, x: f64) -> f64 {
        let span = (self.x_hi - self.x_lo).max(1e-9);
        self.day_lo + (x - self.x_lo) / span * (self.day_hi - self.day_lo)
    }

    /// Days the piece covers.
    pub fn days(&self) -> f64 {
        self.day_hi - self.day_lo
    }
}

/// The axis: contiguous pieces in time order, never empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pieces: Vec<Piece>,
}

impl Default for Axis {
    fn default() -> Self {
        Axis::linear(0.0, 1.0)
    }
}

impl Axis {
    /// A plain calendar axis from day `lo` to `hi`.
    pub fn linear(lo: f64, hi: f64) -> Self {
        Axis {
            pieces: vec![Piece {
                day_lo: lo,
                day_hi: hi.max(lo + 1.0),
                x_lo: lo,
                x_hi: hi.max(lo + 1.0),
                is_break: false,
            }],
        }
    }

    /// The axis for events anchored on `days` (day numbers, any order; one anchor per event).
    pub fn new(days: &[f64]) -> Self {
        let mut d: Vec<f64> = days
            .iter()
            .filter(|x| x.is_finite())
            .map(|x| x.floor())
            .collect();
        d.sort_by(f64::total_cmp);
        d.dedup();
        let (Some(&first), Some(&last)) = (d.first(), d.last()) else {
            return Axis::default();
        };
        let gaps: Vec<f64> = d.windows(2).map(|w| w[1] - w[0]).collect();
        let threshold = gap_threshold(&gaps);
        // Clusters: runs of event days closer than the threshold.
        let mut clusters: Vec<(f64, f64)> = vec![(first, first + 1.0)];
        for (i, &gap) in gaps.iter().enumerate() {
            let day = d[i + 1];
            let c = clusters.last_mut().expect("one cluster at least");
            if gap >= threshold {
                clusters.push((day, day + 1.0));
            } else {
                c.1 = day + 1.0;
            }
        }
        if clusters.len() == 1 {
            return Axis::linear(first - PAD_DAYS, last + 1.0 + PAD_DAYS);
        }
        let kept: f64 = clusters.iter().map(|c| c.1 - c.0 + 2.0 * PAD_DAYS).sum();
        let breaks = (clusters.len() - 1) as f64;
        let width = (kept * BREAK_SHARE).min(kept * BREAKS_AT_MOST / breaks);
        let mut pieces = Vec::with_capacity(clusters.len() * 2);
        let mut x = clusters[0].0 - PAD_DAYS;
        for (i, &(lo, hi)) in clusters.iter().enumerate() {
            let (lo, hi) = (lo - PAD_DAYS, hi + PAD_DAYS);
            if let Some(prev) = pieces.last().copied().map(|p: Piece| p.day_hi) {
                let gap = lo - prev;
                let w = width.min(gap * 0.5).max(0.2);
                pieces.push(Piece {
                    day_lo: prev,
                    day_hi: lo,
                    x_lo: x,
                    x_hi: x + w,
                    is_break: true,
                });
                x += w;
            }
            debug_assert!(i == 0 || lo >= clusters[i - 1].1);
            pieces.push(Piece {
                day_lo: lo,
                day_hi: hi,
                x_lo: x,
                x_hi: x + (hi - lo),
                is_break: false,
            });
            x += hi - lo;
        }
        Axis { pieces }
    }

    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The collapsed gaps.
    pub fn breaks(&self) -> impl Iterator<Item = &Piece> {
        self.pieces.iter().filter(|p| p.is_break)
    }

    /// First and last x of the axis's pieces (the whole story).
    pub fn x_range(&self) -> (f64, f64) {
        (self.pieces[0].x_lo, self.pieces[self.pieces.len() - 1].x_hi)
    }

    fn piece_at_day(&self, day: f64) -> &Piece {
        let i = self.pieces.partition_point(|p| p.day_hi <= day);
        &self.pieces[i.min(self.pieces.len() - 1)]
    }

    fn piece_at_x(&self, x: f64) -> &Piece {
        let i = self.pieces.partition_point(|p| p.x_hi <= x);
        &self.pieces[i.min(self.pieces.len() - 1)]
    }

    /// Position of a day on the axis. Beyond the ends the scale is one unit a day.
    pub fn x(&self, day: f64) -> f64 {
        let (first, last) = (&self.pieces[0], &self.pieces[self.pieces.len() - 1]);
        if day <= first.day_lo {
            return first.x_lo - (first.day_lo - day);
        }
        if day >= last.day_hi {
            return last.x_hi + (day - last.day_hi);
        }
        self.piece_at_day(day).x(day)
    }

    /// The day at a position (inverse of [`Axis::x`]).
    pub fn day(&self, x: f64) -> f64 {
        let (first, last) = (&self.pieces[0], &self.pieces[self.pieces.len() - 1]);
        if x <= first.x_lo {
            return first.day_lo - (first.x_lo - x);
        }
        if x >= last.x_hi {
            return last.day_hi + (x - last.x_hi);
        }
        self.piece_at_x(x).day(x)
    }

    /// Calendar ticks between `x0` and `x1` at `px_per_x` pixels a unit, labels at least
    /// `min_px` apart, inside the linear pieces only: (x, label).
    pub fn ticks(&self, x0: f64, x1: f64, px_per_x: f64, min_px: f64) -> Vec<(f64, String)> {
        let min_days = min_px / px_per_x.max(1e-9);
        let mut out: Vec<(f64, String)> = Vec::new();
        for p in self.pieces.iter().filter(|p| !p.is_break) {
            let lo = self.day(x0).max(p.day_lo);
            let hi = self.day(x1).min(p.day_hi);
            if hi <= lo {
                continue;
            }
            let range = lo..=hi;
            for mark in calendar::marks(lo, hi, min_days) {
                let x = p.x(mark.value);
                // Keep ticks far enough from the previous one (the first after a break).
                if out
                    .last()
                    .is_some_and(|&(px, _)| (x - px) * px_per_x < min_px * 0.8)
                {
                    continue;
                }
                // Each piece's first tick is labelled in full ("Jan 2024"), as if first on screen.
                out.push((x, calendar::tick_label(mark, &range)));
            }
        }
        out
    }
}

/// The gap length from which gaps collapse.
fn gap_threshold(gaps: &[f64]) -> f64 {
    if gaps.len() < 2 {
        // Two event days: a long gap between them still collapses.
        return gaps.first().map_or(
            f64::MAX,
            |&g| {
                if g >= MIN_GAP_DAYS * 4.0 { g } else { f64::MAX }
            },
        );
    }
    let mut sorted = gaps.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let mut threshold = (median * GAP_FACTOR).max(MIN_GAP_DAYS);
    let long = sorted.iter().filter(|&&g| g >= threshold).count();
    if long > MAX_BREAKS {
        // Only the longest gaps collapse.
        threshold = sorted[sorted.len() - MAX_BREAKS];
    }
    threshold
}

/// A gap's length in words: "3 weeks", "5 months", "8 years".
pub fn gap_label(days: f64) -> String {
    let plural = |n: f64, unit: &str| {
        let n = n.round().max(1.0);
        format!("{n:.0} {unit}{}", if n == 1.0 { "" } else { "s" })
    };
    if days < 60.0 {
        plural(days / 7.0, "week")
    } else if days < 700.0 {
        plural(days / 30.44, "month")
    } else {
        plural(days / 365.25, "year")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> f64 {
        calendar::day_number(s).unwrap()
    }

    #[test]
    fn a_lone_background_year_collapses_beside_a_busy_week() {
        let mut days = vec![day("2014-01-01")];
        for d in 1..=9 {
            days.push(day(&format!("2022-01-{d:02}")));
        }
        let axis = Axis::new(&days);
        assert_eq!(axis.breaks().count(), 1);
        let (lo, hi) = axis.x_range();
        // The busy week takes most of the axis.
        let week = axis.x(day("2022-01-10")) - axis.x(day("2022-01-01"));
        assert!(week / (hi - lo) > 0.4, "{week} of {}", hi - lo);
        // Monotone and invertible, inside pieces, breaks and beyond the ends.
        let mut prev = f64::MIN;
        for d in [
            day("2010-01-01"),
            day("2014-01-01"),
            day("2018-06-01"),
            day("2022-01-05"),
            day("2023-01-01"),
        ] {
            let x = axis.x(d);
            assert!(x > prev);
            prev = x;
            assert!((axis.day(x) - d).abs() < 1e-6, "{d}");
        }
    }

    #[test]
    fn steady_stories_stay_linear() {
        let days: Vec<f64> = (0..60).map(|i| 19000.0 + i as f64 * 3.0).collect();
        let axis = Axis::new(&days);
        assert_eq!(axis.breaks().count(), 0);
        assert_eq!(axis.x(19030.0), 19030.0);
    }

    #[test]
    fn breaks_are_bounded_and_labelled() {
        let days: Vec<f64> = (0..40).map(|i| i as f64 * 400.0).collect();
        let axis = Axis::new(&days);
        assert!(axis.breaks().count() <= MAX_BREAKS);
        assert_eq!(gap_label(21.0), "3 weeks");
        assert_eq!(gap_label(150.0), "5 months");
        assert_eq!(gap_label(365.0 * 8.0), "8 years");
    }

    #[test]
    fn ticks_skip_breaks_and_say_the_year_after_one() {
        let mut days = vec![day("2014-03-01")];
        for d in 1..=20 {
            days.push(day(&format!("2022-01-{d:02}")));
        }
        let axis = Axis::new(&days);
        let (lo, hi) = axis.x_range();
        let ticks = axis.ticks(lo, hi, 20.0, 70.0);
        assert!(!ticks.is_empty());
        for (x, _) in &ticks {
            assert!(!axis.breaks().any(|b| *x > b.x_lo && *x < b.x_hi));
        }
        assert!(ticks.iter().any(|(_, l)| l.contains("2022")), "{ticks:?}");
    }
}
