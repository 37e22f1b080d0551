//! A small SVG writer: the few shapes slides are made of, with text in the bundled font and
//! numbers rounded to tenths so files stay small and diffable.

use std::fmt::Write;

use crate::font;

/// Text escaped for SVG.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// How a text is anchored at its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
}

/// An SVG document being written.
pub struct Svg {
    out: String,
}

impl Svg {
    /// A `width` × `height` document on a white page.
    pub fn new(width: f32, height: f32) -> Self {
        let mut out = String::with_capacity(64 * 1024);
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{}, sans-serif\">",
            font::FAMILY
        );
        let _ = writeln!(
            out,
            "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        );
        Svg { out }
    }

    pub fn group(&mut self, id: &str) {
        let _ = writeln!(self.out, "<g id=\"{}\">", escape(id));
    }

    pub fn end_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: &str, radius: f32) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{radius:.1}\" fill=\"{fill}\"/>",
            w.max(0.0),
            h.max(0.0)
        );
    }

    /// A line; `extra` adds attributes (`stroke-dasharray`, `stroke-linecap`, opacity).
    #[allow(clippy::too_many_arguments)]
    pub fn line(
        &mut self,
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        stroke: &str,
        width: f32,
        extra: &str,
    ) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{stroke}\" stroke-width=\"{width:.1}\"{}{extra}/>",
            if extra.is_empty() { "" } else { " " }
        );
    }

    /// A circle with an optional white outline and a hover title.
    pub fn circle(
        &mut self,
        cx: f32,
        cy: f32,
        r: f32,
        fill: &str,
        outline: bool,
        title: Option<&str>,
    ) {
        let stroke = if outline {
            " stroke=\"#ffffff\" stroke-width=\"1\""
        } else {
            ""
        };
        match title {
            Some(t) => {
                let _ = writeln!(
                    self.out,
                    "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{fill}\"{stroke}><title>{}</title></circle>",
                    escape(t)
                );
            }
            None => {
                let _ = writeln!(
                    self.out,
                    "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{fill}\"{stroke}/>"
                );
            }
        }
    }

    /// Text with its baseline at `y`.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        fill: &str,
        anchor: Anchor,
        text: &str,
        bold: bool,
    ) {
        let anchor = match anchor {
            Anchor::Start => "",
            Anchor::Middle => " text-anchor=\"middle\"",
        };
        // The bundled face has one (light) weight: heavy text gets a thin outline instead.
        let weight = if bold {
            format!(" stroke=\"{fill}\" stroke-width=\"{:.2}\"", size / 28.0)
        } else {
            String::new()
        };
        let _ = writeln!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size:.1}\" fill=\"{fill}\"{anchor}{weight}>{}</text>",
            escape(text)
        );
    }

    /// Text vertically centred on `y` (baseline about a third of the size below).
    #[allow(clippy::too_many_arguments)]
    pub fn text_mid(&mut self, x: f32, y: f32, size: f32, fill: &str, anchor: Anchor, text: &str) {
        self.text(x, y + size * 0.35, size, fill, anchor, text, false);
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("A & <B> \"c\"\u{1}"),
            "A &amp; &lt;B&gt; &quot;c&quot; "
        );
        let mut s = Svg::new(100.0, 50.0);
        s.text(
            1.0,
            2.0,
            12.0,
            "#000",
            Anchor::Middle,
            "Talks <in> Rome",
            true,
        );
        let out = s.finish();
        assert!(out.starts_with("<svg") && out.trim_end().ends_with("</svg>"));
        assert!(out.contains("Talks &lt;in&gt; Rome"));
    }
}
