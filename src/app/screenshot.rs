//! `newsline screenshot`: let the window settle, capture it with eframe's screenshot command,
//! write a PNG, close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Where and when to take the picture.
#[derive(Debug, Clone)]
pub struct ScreenshotRequest {
    pub out: PathBuf,
    /// Frames to draw first, so that layout and fonts settle.
    pub settle_frames: u32,
}

/// Result of the capture, filled in by the screenshot callback.
type Outcome = Arc<Mutex<Option<Result<(), String>>>>;

#[derive(Debug)]
pub struct Screenshotter {
    request: ScreenshotRequest,
    frames: u32,
    asked: bool,
    closing: bool,
    outcome: Outcome,
}

impl Screenshotter {
    pub fn new(request: ScreenshotRequest) -> Self {
        Screenshotter {
            request,
            frames: 0,
            asked: false,
            closing: false,
            outcome: Arc::new(Mutex::new(None)),
        }
    }

    /// Called once per frame.
    pub fn frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        ctx.request_repaint();
        if !self.asked && self.frames >= self.request.settle_frames {
            self.asked = true;
            let out = self.request.out.clone();
            let outcome = self.outcome.clone();
            let ctx2 = ctx.clone();
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(
                egui::ScreenshotCallback::new(move |image: Arc<egui::ColorImage>| {
                    let result = write_png(&out, &image);
                    if let Ok(mut o) = outcome.lock() {
                        *o = Some(result);
                    }
                    ctx2.request_repaint();
                }),
            ));
        }
        let done = self.outcome.lock().ok().and_then(|o| o.clone());
        if let Some(result) = done
            && !self.closing
        {
            self.closing = true;
            match result {
                Ok(()) => eprintln!("newsline: wrote {}", self.request.out.display()),
                Err(e) => eprintln!("newsline: {e}"),
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
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
