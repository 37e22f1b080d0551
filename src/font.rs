//! The one typeface of every picture Newsline draws, and how wide a text is in it.
//!
//! The window's proportional font is egui's Ubuntu Light; slides embed the same face, so a
//! label placed for the screen and one placed for a slide have the same width, and label
//! placement (which must know widths to avoid overlaps) needs no GUI to run.

use std::sync::OnceLock;

/// The bundled face (Ubuntu Light, the egui default font), as TrueType bytes.
pub const BYTES: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// Family name of [`BYTES`], for SVG `font-family`.
pub const FAMILY: &str = "Ubuntu";

/// Advance widths in em of the first 256 code points, and the fallback for the rest.
struct Widths {
    table: [f32; 256],
    face: Option<ttf_parser::Face<'static>>,
    units: f32,
    fallback: f32,
}

fn widths() -> &'static Widths {
    static WIDTHS: OnceLock<Widths> = OnceLock::new();
    WIDTHS.get_or_init(|| {
        let face = ttf_parser::Face::parse(BYTES, 0).ok();
        let units = face.as_ref().map_or(1000.0, |f| f.units_per_em() as f32);
        let advance = |c: char| -> Option<f32> {
            let f = face.as_ref()?;
            let g = f.glyph_index(c)?;
            Some(f.glyph_hor_advance(g)? as f32 / units)
        };
        let fallback = advance('n').unwrap_or(0.5);
        let mut table = [fallback; 256];
        for (i, w) in table.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(i as u32) {
                *w = advance(c).unwrap_or(fallback);
            }
        }
        Widths {
            table,
            face,
            units,
            fallback,
        }
    })
}

/// Width of `text` set in the bundled face at `size` (pixels or points, as `size` is).
pub fn text_width(text: &str, size: f32) -> f32 {
    let w = widths();
    let mut em = 0.0;
    for c in text.chars() {
        em += match c as u32 {
            i @ 0..=255 => w.table[i as usize],
            _ => w
                .face
                .as_ref()
                .and_then(|f| f.glyph_index(c))
                .and_then(|g| w.face.as_ref()?.glyph_hor_advance(g))
                .map_or(w.fallback, |a| a as f32 / w.units),
        };
    }
    em * size
}

/// `text` cut at a word boundary (or mid-word when one word is too long) with an ellipsis so
/// that it is at most `max_width` wide at `size`; `None` when not even a few letters fit.
pub fn fit(text: &str, size: f32, max_width: f32) -> Option<String> {
    if text_width(text, size) <= max_width {
        return Some(text.to_string());
    }
    let ellipsis = text_width("…", size);
    let room = max_width - ellipsis;
    if room <= 0.0 {
        return None;
    }
    let w = widths();
    let mut used = 0.0;
    let mut cut = 0;
    for (i, c) in text.char_indices() {
        let a = match c as u32 {
            i @ 0..=255 => w.table[i as usize],
            _ => w.fallback,
        } * size;
        if used + a > room {
            break;
        }
        used += a;
        cut = i + c.len_utf8();
    }
    let head = &text[..cut];
    // Prefer a word boundary when it keeps most of the room.
    let head = match head.rfind(' ') {
        Some(space) if space * 3 >= cut * 2 => &head[..space],
        _ => head,
    };
    let head = head.trim_end_matches([' ', ',', ';', ':', '-', '–', '—']);
    if head.chars().count() < 4 {
        return None;
    }
    Some(format!("{head}…"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = text_width("Nilsen", 12.0);
        assert!(a > 20.0 && a < 40.0, "{a}");
        assert!(text_width("Nilsen and Berg", 12.0) > a);
        assert!((text_width("Nilsen", 24.0) - 2.0 * a).abs() < 1e-3);
        assert!(text_width("Зеленский", 12.0) > 30.0);
    }

    #[test]
    fn fit_cuts_at_words_with_an_ellipsis() {
        let long = "Nilsen and Berg hold a constructive phone call about the harbour";
        let cut = fit(long, 12.0, 120.0).unwrap();
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 12.0) <= 120.0);
        assert!(!cut.contains("  "));
        assert_eq!(fit("Short", 12.0, 200.0).unwrap(), "Short");
        assert!(fit(long, 12.0, 10.0).is_none());
    }
}
