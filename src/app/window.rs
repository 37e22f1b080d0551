//! Opening the window: its native options, the run loop, and what an empty corpus shows.

use super::*;

/// What an empty corpus shows instead of a blank window.
pub(super) fn empty_corpus(ui: &mut egui::Ui, story: &Story, loading: bool) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        if loading {
            ui.heading("Loading the articles…");
            return;
        }
        ui.heading("No articles to show");
        ui.add_space(8.0);
        ui.label(
            "Newsline reads .txt, .md, .html, .json and .jsonl articles. Open a folder (Ctrl+O) \
             or files from the Open menu, drop them on the window, or start newsline with paths.",
        );
        if !story.warnings.is_empty() {
            ui.add_space(12.0);
            ui.label(egui::RichText::new("What went wrong:").strong());
            problems::list(ui, 300.0, &problems::of_warnings(&story.warnings));
        }
    });
}

/// Window options for a story window of `size` points; `persist` remembers its size.
pub fn native_options(size: [f32; 2], persist: bool) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Newsline")
        .with_inner_size(size)
        .with_min_inner_size([640.0, 400.0])
        .with_app_id("newsline");
    if let Some((width, height, rgba)) = crate::desktop::icon_rgba() {
        viewport = viewport.with_icon(egui::IconData {
            rgba,
            width,
            height,
        });
    }
    eframe::NativeOptions {
        viewport,
        persist_window: persist,
        // Scripted windows neither read nor leave behind the user's remembered layout.
        persistence_path: (!persist).then(|| {
            std::env::temp_dir().join(format!("newsline-scripted-{}", std::process::id()))
        }),
        ..Default::default()
    }
}

/// Opens the window and returns when it closes. With `persist`, remembered settings are
/// applied first and saved again on exit.
pub fn run(mut app: NewslineApp, size: [f32; 2], persist: bool) -> Result<(), String> {
    eframe::run_native(
        "Newsline",
        native_options(size, persist),
        Box::new(move |cc| {
            if persist {
                let settings: Settings = cc
                    .storage
                    .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                    .unwrap_or_default();
                let keep = app.settings();
                app.apply_settings(Settings {
                    recent: settings.recent,
                    ..keep
                });
                app.theme = settings.theme;
                app.state.lanes = settings.lanes;
                app.state.show_orgs = settings.show_orgs;
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

/// Paths as the status bar names them.
pub fn describe_paths(paths: &[PathBuf]) -> String {
    match paths {
        [] => "built-in sample".to_string(),
        [one] => one.display().to_string(),
        [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
    }
}

/// The status bar and the list of files that could not be read.
impl super::NewslineApp {
    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui, visible: &[usize]) {
        let s = &self.story;
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} · {} documents · {} of {} events · {} people · {} links · analysed in {} ms",
                self.provenance.source,
                s.documents.len(),
                visible.len(),
                s.events.len(),
                s.entities
                    .iter()
                    .filter(|e| e.kind == crate::story::EntityKind::Person)
                    .count(),
                s.links.len(),
                self.provenance.analysis.as_millis()
            ));
            if let Some(note) = &self.note {
                ui.separator();
                ui.label(note);
            }
            curate::status(ui, &mut self.curation);
            if !s.warnings.is_empty() {
                ui.separator();
                let text =
                    egui::RichText::new(format!("{} files could not be read", s.warnings.len()))
                        .color(ui.visuals().warn_fg_color);
                if ui.link(text).clicked() {
                    self.show_warnings = !self.show_warnings;
                }
            }
        });
    }

    pub(super) fn warnings_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_warnings;
        egui::Window::new("Files that could not be read")
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                problems::list(ui, 420.0, &problems::of_warnings(&self.story.warnings));
            });
        self.show_warnings = open;
    }
}
