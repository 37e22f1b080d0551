//! From the slide's SVG to PNG (resvg) and PDF (svg2pdf), with the bundled font only, so a
//! headless machine without fonts renders the same slide as a desktop.

use std::sync::Arc;

use crate::font;

fn tree(svg: &str) -> Result<usvg::Tree, String> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(font::BYTES.to_vec());
    let options = usvg::Options {
        font_family: font::FAMILY.to_string(),
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| format!("the slide's SVG is invalid: {e}"))
}

/// PNG bytes of `svg` at `scale` pixels per SVG unit.
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    let tree = tree(svg)?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).round() as u32,
        (size.height() * scale).round() as u32,
    );
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(w, h).ok_or("the slide is too large to rasterize")?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // Opaque pixels: premultiplied and straight alpha are the same.
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(pixmap.data())
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// A one-page vector PDF of `svg`, one SVG unit to 0.75 pt (96 dpi), text embedded as text.
pub fn pdf(svg: &str) -> Result<Vec<u8>, String> {
    let tree = tree(svg)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions { dpi: 96.0 },
    )
    .map_err(|e| format!("cannot write the PDF: {e}"))
}
