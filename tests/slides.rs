//! Slides of the whole story: valid SVG with a title, a subtitle, the timeline, the graph, a
//! legend and a credit line; PNG at twice the pixels; a one-page PDF; the same from the
//! command line, headless.

use std::process::Command;

use newsline::analysis::analyze;
use newsline::export::slides::{self, SlideOptions};

fn sample() -> newsline::story::Story {
    analyze(newsline::sample::corpus())
}

#[test]
fn the_svg_slide_is_whole_and_parses() {
    let story = sample();
    let svg = slides::svg(&story, &SlideOptions::default());
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("width=\"1280\" height=\"720\""), "16:9");
    for part in [
        "id=\"title\"",
        "id=\"timeline\"",
        "id=\"graph\"",
        "id=\"legend\"",
        "id=\"credit\"",
    ] {
        assert!(svg.contains(part), "{part}");
    }
    // Title from a headline, subtitle with articles and dates, credit line with sources.
    assert!(svg.contains("Biden") && svg.contains("Putin"));
    assert!(svg.contains("5 articles, 31 Dec 2021"), "subtitle");
    assert!(svg.contains("Sources: "), "credit line");
    assert!(
        svg.contains("1 source") && svg.contains("empty time left out"),
        "legend"
    );
    // Every event of the story is on it (the whole story, not what a window showed).
    let circles = svg.matches("<circle").count();
    assert!(circles >= story.events.len(), "{circles} circles");
    // It is valid SVG: it rasterizes.
    let png = slides::svg_to_png(&svg, 1.0).expect("valid SVG");
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn a_filtered_slide_shows_only_what_passes_the_filter() {
    let story = sample();
    let all = slides::svg(&story, &SlideOptions::default());
    let first = story
        .events
        .iter()
        .position(|e| e.when.value.starts_with("2014"))
        .expect("the 2014 background event");
    let visible: Vec<usize> = (0..story.events.len()).filter(|&e| e != first).collect();
    let some = slides::svg(
        &story,
        &SlideOptions {
            visible: Some(visible.clone()),
            ..Default::default()
        },
    );
    assert!(some.contains(&format!("{} events", visible.len())));
    assert!(all.contains(&format!("{} events", story.events.len())));
}

#[test]
fn png_is_twice_the_pixels_and_pdf_one_page() {
    let story = sample();
    let png = slides::png(&story, &SlideOptions::default()).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    // IHDR: width and height, big-endian, at bytes 16..24.
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((w, h), (2560, 1440));
    let pdf = slides::pdf(&story, &SlideOptions::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert_eq!(pages, 1, "one page");
    assert!(text.contains("/MediaBox [0 0 960 540]"), "13.33 x 7.5 in");
    assert!(text.trim_end().ends_with("%%EOF"));
    // The font is embedded, so text stays text.
    assert!(text.contains("/FontFile2"), "an embedded TrueType font");
}

/// Runs `newsline ARGS` on the built-in sample, without any saved edits of the sample a
/// developer made, with no display; panics with its stderr when it fails. Returns stdout.
fn newsline(args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_newsline"))
        .env(
            "NEWSLINE_CONFIG_DIR",
            std::env::temp_dir().join("newsline-no-config"),
        )
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn export_and_screenshot_write_the_slide_headless() {
    let dir = tempfile::tempdir().unwrap();
    let arg = |s: &'static str| std::ffi::OsStr::new(s);
    let svg = String::from_utf8(newsline(&[arg("export"), arg("--format"), arg("svg")])).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("id=\"legend\""));
    let pdf = dir.path().join("s.pdf");
    newsline(&[
        arg("export"),
        arg("--format"),
        arg("pdf"),
        arg("--out"),
        pdf.as_os_str(),
    ]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let png = dir.path().join("s.png");
    newsline(&[
        arg("export"),
        arg("--format"),
        arg("png"),
        arg("--out"),
        png.as_os_str(),
    ]);
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    // The screenshot command is the window's (the `gui` feature); with --slide it opens none.
    if !cfg!(feature = "gui") {
        return;
    }
    std::fs::remove_file(&png).unwrap();
    newsline(&[
        arg("screenshot"),
        arg("--slide"),
        arg("--out"),
        png.as_os_str(),
    ]);
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}
