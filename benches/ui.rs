//! UI benchmarks: CPU time of one frame of the real window (egui_kittest harness, no GPU) on
//! the sample and on a story with 10,000 events and a 1,000-node graph; graph layout time to
//! settle for 100, 1,000 and 5,000 nodes; time from process start to the first frame that
//! shows the sample (needs a display, e.g. Xvfb; skipped without one).
//!
//! Run with `cargo bench --bench ui`; it prints figures and asserts nothing.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use newsline::app::{NewslineApp, Provenance, Theme};
use newsline::layout::{Edge, Layout};
use newsline::story::Story;

fn main() {
    println!("newsline UI benchmark");
    let sample = newsline::analysis::analyze(newsline::sample::corpus());
    frame_time("the sample", sample);
    let big = newsline::generate::synthetic_story(10_000, 1_000, 3);
    println!(
        "synthetic story: {} events, {} entities, {} links",
        big.events.len(),
        big.entities.len(),
        big.links.len()
    );
    frame_time("10,000 events, 1,000-node graph", big);

    first_frame();

    for n in [100, 1_000, 5_000] {
        let mut rng = fastrand::Rng::with_seed(n as u64);
        let edges: Vec<Edge> = (0..n * 2)
            .map(|_| Edge {
                a: rng.usize(0..n),
                b: rng.usize(0..n),
                weight: 1.0,
            })
            .filter(|e| e.a != e.b)
            .collect();
        let started = Instant::now();
        let mut layout = Layout::new(n, edges.clone(), 7);
        let steps = layout.settle(400);
        let one = started.elapsed();
        let weight: Vec<f32> = (0..n).map(|i| (i % 13) as f32).collect();
        let started = Instant::now();
        let _ = newsline::layout::arrange(n, &edges, &weight, 7);
        println!(
            "graph layout, {n} nodes: one force layout settled in {} steps, {:.0} ms; packed groups {:.0} ms",
            steps,
            one.as_secs_f64() * 1e3,
            started.elapsed().as_secs_f64() * 1e3
        );
    }
}

/// Median CPU time of a frame: the app drawn with nothing happening, after warm-up.
fn frame_time(name: &str, story: Story) {
    let started = Instant::now();
    let app = NewslineApp::new(story, Provenance::default(), Theme::Dark);
    let built = started.elapsed();
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut NewslineApp| app.show(ui), app);
    h.run_steps(5);
    let mut times: Vec<Duration> = (0..40)
        .map(|_| {
            let t = Instant::now();
            h.step();
            t.elapsed()
        })
        .collect();
    times.sort();
    // Selecting an event is the common interaction: time the frame after each of several
    // selections (the scene and its labels are laid out again).
    let mut selected: Vec<Duration> = (0..10)
        .map(|_| {
            h.state_mut().apply(newsline::app::Command::Step(1));
            let t = Instant::now();
            h.step();
            t.elapsed()
        })
        .collect();
    selected.sort();
    // Panning lays out markers and places every label again on each frame.
    let mut panning: Vec<Duration> = (0..30)
        .map(|i| {
            let key = if i % 10 < 5 {
                egui::Key::ArrowRight
            } else {
                egui::Key::ArrowLeft
            };
            h.key_press_modifiers(egui::Modifiers::SHIFT, key);
            let t = Instant::now();
            h.step();
            t.elapsed()
        })
        .collect();
    panning.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "UI frame, {name}: idle median {:.2} ms, worst {:.2} ms; after selecting median {:.2} ms, worst {:.2} ms; panning (labels placed anew) median {:.2} ms, worst {:.2} ms (view state built in {:.0} ms)",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        ms(selected[selected.len() / 2]),
        ms(selected[selected.len() - 1]),
        ms(panning[panning.len() / 2]),
        ms(panning[panning.len() - 1]),
        built.as_secs_f64() * 1e3
    );
}

/// Starts the real app on the sample and reads how long its first story frame took.
fn first_frame() {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        println!("first frame: skipped (no display; run under Xvfb)");
        return;
    }
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsline"))
            .env("NEWSLINE_FIRST_FRAME", "1")
            .env(
                "XDG_DATA_HOME",
                std::env::temp_dir().join("newsline-bench-data"),
            )
            .output();
        let Ok(out) = out else {
            println!("first frame: the app could not start");
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        if let Some(ms) = text
            .split_whitespace()
            .rev()
            .nth(1)
            .and_then(|v| v.parse::<f64>().ok())
        {
            best = best.min(ms);
        }
    }
    if best.is_finite() {
        println!("first frame showing the sample, from process start: {best:.0} ms (best of 3)");
    } else {
        println!("first frame: no measurement (the window did not open)");
    }
}
