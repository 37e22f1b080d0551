//! Screenshots of the real window: the whole window or one panel, at the screen's pixel
//! density or at a higher one for slides. Used by `newsline screenshot` (which exits after)
//! and by "Save screenshot…" in the app.
//!
//! A capture lets the window settle for a few frames (after a zoom change for the higher
//! density), asks eframe for the frame, crops it to the panel and writes a PNG.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{Rect, Vec2};

/// What to capture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Window,
    Timeline,
    Graph,
}

impl Panel {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "window" => Some(Panel::Window),
            "timeline" => Some(Panel::Timeline),
            "graph" => Some(Panel::Graph),
            _ => None,
        }
    }
}

/// Where and how to take the picture.
#[derive(Debug, Clone)]
pub struct ScreenshotRequest {
    pub out: PathBuf,
    /// Frames to draw first, so that layout and fonts settle.
    pub settle_frames: u32,
    pub panel: Panel,
    /// Pixel density relative to the screen's (2.0 for crisp slides).
    pub scale: f32,
    /// Close the window once the PNG is written (the command-line screenshot).
    pub exit_after: bool,
}

/// Result of the capture, filled in by the screenshot callback.
type Outcome = Arc<Mutex<Option<Result<PathBuf, String>>>>;

#[derive(Debug)]
pub struct Screenshotter {
    request: ScreenshotRequest,
    frames: u32,
    asked: bool,
    finished: bool,
    outcome: Outcome,
    /// Zoom and window size to restore after an in-app high-density capture.
    restore: Option<(f32, Vec2)>,
}

impl Screenshotter {
    pub fn new(request: ScreenshotRequest) -> Self {
        Screenshotter {
            request,
            frames: 0,
            asked: false,
            finished: false,
            outcome: Arc::new(Mutex::new(None)),
            restore: None,
        }
    }

    /// Called once per frame with the rectangles the panels took this frame. Returns the
    /// outcome once, when the PNG is written (or failed).
    pub fn frame(
        &mut self,
        ctx: &egui::Context,
        timeline: Option<Rect>,
        graph: Option<Rect>,
    ) -> Option<Result<PathBuf, String>> {
        if self.finished {
            return None;
        }
        self.frames += 1;
        ctx.request_repaint();
        if self.frames == 1 && (self.request.scale - ctx.zoom_factor()).abs() > 1e-3 {
            // Same layout in points, more pixels: zoom in and grow the window to match.
            let zoom = ctx.zoom_factor();
            let size = ctx.content_rect().size();
            ctx.set_zoom_factor(self.request.scale);
            if self.request.exit_after {
                // A scripted window opened at its final pixel size: the zoom alone brings the
                // layout to the asked size in points. Panel sizes remembered from the first
                // frame (laid out before the zoom) are dropped so they settle again.
                ctx.data_mut(|d| d.clear());
            } else {
                self.restore = Some((zoom, size));
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            }
        }
        if !self.asked && self.frames >= self.request.settle_frames {
            self.asked = true;
            let ppp = ctx.pixels_per_point();
            let crop = match self.request.panel {
                Panel::Window => None,
                Panel::Timeline => timeline,
                Panel::Graph => graph,
            }
            .map(|r| {
                [
                    (r.min.x * ppp).round().max(0.0) as usize,
                    (r.min.y * ppp).round().max(0.0) as usize,
                    (r.max.x * ppp).round().max(0.0) as usize,
                    (r.max.y * ppp).round().max(0.0) as usize,
                ]
            });
            let out = self.request.out.clone();
            let outcome = self.outcome.clone();
            let ctx2 = ctx.clone();
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(
                egui::ScreenshotCallback::new(move |image: Arc<egui::ColorImage>| {
                    let image = match crop {
                        Some(c) => cropped(&image, c),
                        None => (*image).clone(),
                    };
                    let result = write_png(&out, &image).map(|()| out.clone());
                    if let Ok(mut o) = outcome.lock() {
                        *o = Some(result);
                    }
                    ctx2.request_repaint();
                }),
            ));
        }
        let done = self.outcome.lock().ok().and_then(|mut o| o.take())?;
        self.finished = true;
        if let Some((zoom, size)) = self.restore.take() {
            ctx.set_zoom_factor(zoom);
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
        }
        if self.request.exit_after {
            match &done {
                Ok(path) => eprintln!("newsline: wrote {}", path.display()),
                Err(e) => eprintln!("newsline: {e}"),
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        Some(done)
    }
}

/// The part `[x0, y0, x1, y1]` (pixels) of `image`, clamped to it.
fn cropped(image: &egui::ColorImage, [x0, y0, x1, y1]: [usize; 4]) -> egui::ColorImage {
    let [w, h] = image.size;
    let (x1, y1) = (x1.min(w), y1.min(h));
    let (x0, y0) = (x0.min(x1), y0.min(y1));
    let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        pixels.extend_from_slice(&image.pixels[y * w + x0..y * w + x1]);
    }
    egui::ColorImage::new([x1 - x0, y1 - y0], pixels)
}

/// Writes an RGBA PNG.
pub fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("{}: cannot write the PNG: {e}", path.display());
    let file = std::fs::File::create(path).map_err(|e| fail(&e))?;
    let [w, h] = image.size;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| fail(&e))?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    writer.write_image_data(&bytes).map_err(|e| fail(&e))?;
    writer.finish().map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_and_writes_a_png() {
        let mut image = egui::ColorImage::filled([4, 3], egui::Color32::BLACK);
        image.pixels[5] = egui::Color32::RED; // (1, 1)
        let c = cropped(&image, [1, 1, 3, 3]);
        assert_eq!(c.size, [2, 2]);
        assert_eq!(c.pixels[0], egui::Color32::RED);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.png");
        write_png(&path, &c).unwrap();
        assert!(std::fs::read(&path).unwrap().starts_with(b"\x89PNG"));
    }
}
