//! Slides: the whole (filtered) story on one 16:9 page — a title that names it, a subtitle of
//! outlets and dates, the timeline of every visible event (the axis fitted to all of them, gaps
//! collapsed), the graph of the people in them, a legend and a credit line — as SVG, PNG (at
//! twice the pixels) or PDF. No GUI: `newsline export --format svg|pdf` and `newsline
//! screenshot --slide` write the same slide as the window's Save menu.

mod graph;
mod palette;
mod render;
mod svg;
mod timeline;
mod words;

use palette as c;
use svg::{Anchor, Svg};

use crate::story::{EntityKind, Story};
use crate::timeline::{Facts, LaneMode};

pub use svg::escape;
pub use timeline::picture as timeline_svg;

/// Slide size in SVG units (CSS pixels): 16:9, 13.33 × 7.5 inches in the PDF.
pub const WIDTH: f32 = 1280.0;
pub const HEIGHT: f32 = 720.0;
/// Pixels per unit of a PNG slide.
pub const PNG_SCALE: f32 = 2.0;

const MARGIN: f32 = 40.0;
const TITLE_SIZE: f32 = 30.0;
const CREDIT_SIZE: f32 = 11.0;

/// What goes on the slide.
#[derive(Debug, Clone, Default)]
pub struct SlideOptions {
    /// The events to show, in time order (`None`: all of them).
    pub visible: Option<Vec<usize>>,
    pub lanes: LaneMode,
    /// An event to highlight.
    pub selected: Option<usize>,
    /// Organizations and places in the graph too.
    pub with_orgs: bool,
    /// A title of the user's (`None`: a headline that names the story).
    pub title: Option<String>,
}

/// The slide as SVG.
pub fn svg(story: &Story, opts: &SlideOptions) -> String {
    let facts = Facts::new(story);
    let visible: Vec<usize> = match &opts.visible {
        Some(v) => v.clone(),
        None => facts.order.clone(),
    };
    // The documents and people of what is shown: all of them when nothing is filtered.
    let filtered = opts.visible.is_some() && visible.len() < story.events.len();
    let docs: Vec<usize> = if filtered {
        let mut on = vec![false; story.documents.len()];
        for &e in &visible {
            for &d in &facts.events[e].docs {
                on[d] = true;
            }
        }
        (0..story.documents.len()).filter(|&d| on[d]).collect()
    } else {
        (0..story.documents.len()).collect()
    };
    let keep: Option<Vec<bool>> = filtered.then(|| {
        let mut k = vec![false; story.entities.len()];
        for &e in &visible {
            for &p in &facts.events[e].participants {
                k[p] = true;
            }
        }
        k
    });

    let mut s = Svg::new(WIDTH, HEIGHT);
    let width = WIDTH - 2.0 * MARGIN;
    let title = opts
        .title
        .clone()
        .unwrap_or_else(|| words::title(story, &docs));
    let title = crate::font::fit(&title, TITLE_SIZE, width).unwrap_or(title);
    s.group("title");
    s.text(
        MARGIN,
        62.0,
        TITLE_SIZE,
        c::INK,
        Anchor::Start,
        &title,
        true,
    );
    let subtitle = words::subtitle(story, &docs, visible.len());
    let subtitle = crate::font::fit(&subtitle, 15.0, width).unwrap_or(subtitle);
    s.text(
        MARGIN,
        90.0,
        15.0,
        c::FAINT,
        Anchor::Start,
        &subtitle,
        false,
    );
    s.end_group();

    let top = 112.0;
    let graph_w = 360.0;
    let timeline_w = width - graph_w - 20.0;
    timeline::write(
        &mut s,
        story,
        &facts,
        &visible,
        opts.lanes,
        opts.selected,
        (MARGIN, top, timeline_w, 500.0),
    );
    s.rect(MARGIN + timeline_w + 10.0, top, 1.0, 500.0, c::GRID, 0.0);
    graph::write(
        &mut s,
        story,
        keep.as_deref(),
        opts.with_orgs,
        (WIDTH - MARGIN - graph_w, top, graph_w, 500.0),
    );
    legend(&mut s, story, opts.with_orgs, 640.0);
    let credit = words::credit(story, &docs, CREDIT_SIZE, width);
    s.group("credit");
    s.text(
        MARGIN,
        692.0,
        CREDIT_SIZE,
        c::FAINT,
        Anchor::Start,
        &credit,
        false,
    );
    s.end_group();
    s.finish()
}

/// One row explaining the marks: marker sizes, date spans, connectors, breaks, node colours.
fn legend(s: &mut Svg, story: &Story, with_orgs: bool, y: f32) {
    s.group("legend");
    let mut x = MARGIN;
    let size = 12.0;
    let item = |s: &mut Svg, x: &mut f32, label: &str| {
        s.text_mid(*x, y, size, c::FAINT, Anchor::Start, label);
        *x += crate::font::text_width(label, size) + 22.0;
    };
    let style = crate::timeline::markers::MarkStyle::default();
    for (n, label) in [(1, "1 source"), (5, "5 sources")] {
        let r = style.radius_for(n);
        s.circle(x + r, y, r, c::EVENT, false, None);
        x += 2.0 * r + 5.0;
        item(s, &mut x, label);
    }
    s.line(
        x,
        y,
        x + 26.0,
        y,
        c::EVENT,
        8.0,
        "stroke-opacity=\"0.3\" stroke-linecap=\"round\"",
    );
    s.circle(x, y, 5.7, c::EVENT, false, None);
    x += 34.0;
    item(s, &mut x, "a month or a year");
    s.line(x + 4.0, y - 9.0, x + 4.0, y + 9.0, c::CONNECTOR, 1.2, "");
    x += 12.0;
    item(s, &mut x, "one event, several lanes");
    s.rect(x, y - 9.0, 14.0, 18.0, c::BREAK, 0.0);
    for dx in [-3.0, 3.0] {
        s.line(
            x + 7.0 + dx - 3.0,
            y + 6.0,
            x + 7.0 + dx + 3.0,
            y - 6.0,
            c::FAINT,
            1.5,
            "",
        );
    }
    x += 20.0;
    item(s, &mut x, "empty time left out");
    x += 12.0;
    let mut kinds = vec![(EntityKind::Person, c::PERSON, "person")];
    if with_orgs {
        kinds.push((EntityKind::Organization, c::ORGANIZATION, "organization"));
        kinds.push((EntityKind::Place, c::PLACE, "place"));
    }
    for (kind, fill, label) in kinds {
        if story.entities.iter().any(|e| e.kind == kind) {
            s.circle(x + 6.0, y, 6.0, fill, false, None);
            x += 16.0;
            item(s, &mut x, label);
        }
    }
    s.line(x, y, x + 22.0, y, c::EDGE, 2.0, "");
    x += 28.0;
    item(s, &mut x, "linked (thicker: more evidence)");
    if with_orgs {
        s.line(x, y, x + 22.0, y, c::EDGE, 1.5, "stroke-dasharray=\"5 4\"");
        x += 28.0;
        item(s, &mut x, "affiliation");
    }
    s.end_group();
}

/// The slide as a PNG at [`PNG_SCALE`] pixels per unit (2560 × 1440).
pub fn png(story: &Story, opts: &SlideOptions) -> Result<Vec<u8>, String> {
    render::png(&svg(story, opts), PNG_SCALE)
}

/// The slide as a one-page vector PDF (13.33 × 7.5 in).
pub fn pdf(story: &Story, opts: &SlideOptions) -> Result<Vec<u8>, String> {
    render::pdf(&svg(story, opts))
}

/// The graph alone as an SVG picture of `width` × `height` (the window's "Graph as SVG").
pub fn graph_svg(
    story: &Story,
    keep: Option<&[bool]>,
    with_orgs: bool,
    width: f32,
    height: f32,
) -> String {
    let mut s = Svg::new(width, height);
    graph::write(
        &mut s,
        story,
        keep,
        with_orgs,
        (16.0, 16.0, width - 32.0, height - 32.0),
    );
    s.finish()
}

/// Renders an SVG of ours to PNG at `scale` (for the window's SVG pictures).
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    render::png(svg, scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_slide_has_its_parts() {
        let story = crate::analysis::analyze(crate::sample::corpus());
        let out = svg(&story, &SlideOptions::default());
        for part in [
            "id=\"title\"",
            "id=\"timeline\"",
            "id=\"graph\"",
            "id=\"legend\"",
            "Sources: ",
        ] {
            assert!(out.contains(part), "{part}");
        }
        assert!(out.contains("width=\"1280\" height=\"720\""));
    }
}
