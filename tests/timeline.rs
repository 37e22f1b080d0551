//! The timeline's layout, checked on the computed rectangles (no window): labels never overlap
//! each other or a marker and stay inside the plot, on the sample and on a generated story,
//! framed and fitted, at two window sizes; the sample's busiest fortnight is all labelled.

use newsline::analysis::analyze;
use newsline::story::Story;
use newsline::timeline::labels::{LabelStyle, Rect};
use newsline::timeline::markers::MarkStyle;
use newsline::timeline::scene::{self, Scene};
use newsline::timeline::{Axis, Facts, LaneMode, LaneOptions, View, framing, lanes};

/// Plot sizes of the timeline in 1600×1000 and 1280×720 windows.
const SIZES: [(f32, f32); 2] = [(780.0, 440.0), (555.0, 290.0)];

/// One laid-out view: its name, scene, plot width and height, facts, visible events and the
/// x range shown.
type Laid = (String, Scene, f32, f32, Facts, Vec<usize>, (f64, f64));

fn scenes(story: &Story) -> Vec<Laid> {
    let facts = Facts::new(story);
    let visible = facts.order.clone();
    let mut out = Vec::new();
    for (w, h) in SIZES {
        for mode in [LaneMode::Person, LaneMode::Outlet] {
            let lanes = lanes::build(
                story,
                &facts,
                &visible,
                &LaneOptions {
                    mode,
                    max_lanes: ((h / 34.0) as usize).clamp(3, 10),
                    unfold: false,
                },
            );
            let anchors: Vec<f64> = visible.iter().map(|&e| facts.events[e].point()).collect();
            let axis = Axis::new(&anchors);
            let framed = framing::initial(&axis, &facts.events, &visible, w);
            for (name, view) in [("framed", framed), ("fit", framing::fit(&axis))] {
                let s = scene::build(&scene::Input {
                    story,
                    facts: &facts,
                    lanes: &lanes,
                    axis: &axis,
                    view: View {
                        x0: view.0,
                        x1: view.1,
                        width: w,
                    },
                    height: h,
                    selected: visible.get(visible.len() / 2).copied(),
                    marks: MarkStyle::default(),
                    labels: LabelStyle::default(),
                });
                out.push((
                    format!("{w}x{h} {mode:?} {name}"),
                    s,
                    w,
                    h,
                    facts.clone(),
                    visible.clone(),
                    framed,
                ));
            }
        }
    }
    out
}

fn assert_no_overlaps(story: &Story) -> usize {
    let mut labels = 0;
    for (name, s, w, h, ..) in scenes(story) {
        let bounds = Rect::new(0.0, 0.0, w, s.markers.height.max(h));
        for (i, a) in s.labels.iter().enumerate() {
            assert!(bounds.contains(&a.rect), "{name}: {a:?} outside the plot");
            for b in &s.labels[i + 1..] {
                assert!(!a.rect.intersects(&b.rect), "{name}: {a:?} overlaps {b:?}");
            }
            for m in &s.markers.marks {
                let r = Rect::around(m.x, m.y, m.radius);
                assert!(!a.rect.intersects(&r), "{name}: {a:?} covers {m:?}");
            }
            for c in &s.markers.clusters {
                let r = Rect::around(c.x, c.y, c.radius);
                assert!(!a.rect.intersects(&r), "{name}: {a:?} covers a cluster");
            }
        }
        labels += s.labels.len();
    }
    labels
}

#[test]
fn labels_never_overlap_on_the_sample() {
    let story = analyze(newsline::sample::corpus());
    assert!(assert_no_overlaps(&story) > 20);
}

#[test]
fn labels_never_overlap_on_a_generated_story() {
    let dir = tempfile::tempdir().unwrap();
    newsline::generate::write_corpus(300, dir.path(), 11).unwrap();
    let story = analyze(newsline::corpus::load_paths(&[dir.path()]));
    assert!(story.events.len() > 300, "{} events", story.events.len());
    assert!(assert_no_overlaps(&story) > 50);
}

#[test]
fn the_samples_busiest_fortnight_is_all_distinct_labelled_markers() {
    let story = analyze(newsline::sample::corpus());
    for (name, s, w, h, facts, visible, _) in scenes(&story) {
        if !name.ends_with("framed") {
            continue;
        }
        let points: Vec<(f64, f64)> = visible
            .iter()
            .map(|&e| {
                (
                    facts.events[e].point().floor(),
                    framing::weight(&facts.events[e]),
                )
            })
            .collect();
        let (lo, hi) = framing::busiest(&points, framing::FOCUS_DAYS).unwrap();
        let fortnight: Vec<usize> = visible
            .iter()
            .copied()
            .filter(|&e| {
                let d = facts.events[e].point().floor();
                d >= lo && d < hi
            })
            .collect();
        assert!(fortnight.len() >= 4, "{name}");
        for e in fortnight {
            let marks: Vec<_> = s.markers.marks.iter().filter(|m| m.event == e).collect();
            assert!(
                marks.iter().any(|m| m.x >= 0.0 && m.x <= w && m.y <= h),
                "{name}: event {e} has a marker on screen"
            );
            assert!(
                !s.markers.clusters.iter().any(|c| c.events.contains(&e)),
                "{name}: event {e} is not merged"
            );
            assert!(
                s.labels.iter().any(|l| l.id == e),
                "{name}: {:?} is labelled",
                story.events[e].title
            );
        }
        // Markers never sit on each other.
        for (i, a) in s.markers.marks.iter().enumerate() {
            for b in &s.markers.marks[i + 1..] {
                if a.lane == b.lane {
                    let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                    assert!(d >= a.radius + b.radius, "{name}: {a:?} on {b:?}");
                }
            }
        }
    }
}

#[test]
fn background_events_stay_on_a_collapsed_axis() {
    let story = analyze(newsline::sample::corpus());
    let facts = Facts::new(&story);
    let anchors: Vec<f64> = facts
        .order
        .iter()
        .map(|&e| facts.events[e].point())
        .collect();
    let axis = Axis::new(&anchors);
    // The 2014 background and the December 2021 story are one break apart, not 8 years.
    assert!(axis.breaks().count() >= 1);
    let (lo, hi) = framing::fit(&axis);
    for &e in &facts.order {
        let x = axis.x(facts.events[e].point());
        assert!(x >= lo && x <= hi);
    }
    let years = hi - lo;
    assert!(
        years < 200.0,
        "the fitted axis spans {years} units, not 8 years of days"
    );
}
