//! The top bar and its menus: opening corpora, saving pictures and slides, presentation mode.

use super::*;

impl NewslineApp {
    pub(super) fn top_bar(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.add_space(4.0);
            ui.label(
                egui::RichText::new("Newsline")
                    .strong()
                    .size(18.0)
                    .color(theme::accent(ui.visuals())),
            );
            ui.separator();
            self.open_menu(ui);
            self.save_menu(ui);
            self.edit_menu(ui, commands);
            let present = if self.presenting.is_some() {
                "Exit presentation"
            } else {
                "Present"
            };
            if ui.button(present).clicked() {
                self.toggle_presentation(ui.ctx());
            }
            ui.separator();
            ui.label("Search");
            let search = egui::TextEdit::singleline(&mut self.state.search)
                .hint_text("people, words, outlets…")
                .desired_width(220.0);
            let r = ui.add(search);
            if r.changed() {
                self.timeline.reframe();
            }
            ui.separator();
            ui.selectable_value(&mut self.state.lanes, LaneMode::Person, "Lanes by person");
            ui.selectable_value(&mut self.state.lanes, LaneMode::Outlet, "by outlet");
            ui.separator();
            ui.menu_button("View", |ui| {
                ui.checkbox(
                    &mut self.state.show_orgs,
                    "Organizations & places in the graph",
                );
                ui.separator();
                ui.radio_value(&mut self.theme, Theme::Dark, "Dark theme");
                ui.radio_value(&mut self.theme, Theme::Light, "Light theme");
            });
            ui.checkbox(&mut self.state.show_orgs, "Orgs & places");
            ui.separator();
            let outlets = self.index.outlets();
            let current = self
                .state
                .outlet
                .clone()
                .unwrap_or_else(|| "All outlets".into());
            egui::ComboBox::from_label("Outlet")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(self.state.outlet.is_none(), "All outlets")
                        .clicked()
                    {
                        commands.push(Command::SetOutlet(None));
                    }
                    for o in outlets {
                        let on = self.state.outlet.as_deref() == Some(o.as_str());
                        if ui.selectable_label(on, o.as_str()).clicked() {
                            commands.push(Command::SetOutlet(Some(o.clone())));
                        }
                    }
                });
            let filtered = self.state.selected_entity.is_some()
                || self.state.selected_event.is_some()
                || !self.state.search.is_empty()
                || self.state.outlet.is_some()
                || self.state.date_range.is_some()
                || !self.state.hidden.is_empty();
            if ui
                .add_enabled(filtered, egui::Button::new("Clear (Esc)"))
                .clicked()
            {
                commands.push(Command::ClearAll);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                self.opening.progress_ui(ui);
            });
        });
    }

    pub(super) fn open_menu(&mut self, ui: &mut egui::Ui) {
        let mut chosen: Option<Source> = None;
        ui.menu_button("Open", |ui| {
            if ui.button("Open files…").clicked() {
                self.opening.dialog = Some(loading::Dialog::open(loading::DialogKind::Files));
                ui.close();
            }
            if ui.button("Open folder…  (Ctrl+O)").clicked() {
                self.opening.dialog = Some(loading::Dialog::open(loading::DialogKind::Folder));
                ui.close();
            }
            if ui.button("Reload  (F5)").clicked() {
                chosen = Some(self.source.clone());
                ui.close();
            }
            ui.separator();
            if ui.button("Built-in sample").clicked() {
                chosen = Some(Source::Sample);
                ui.close();
            }
            if !self.recent.is_empty() {
                ui.separator();
                ui.label(egui::RichText::new("Recent").weak());
                for paths in &self.recent {
                    let source = Source::Paths(paths.clone());
                    if ui.button(source.describe()).clicked() {
                        chosen = Some(source);
                        ui.close();
                    }
                }
            }
        });
        if let Some(source) = chosen {
            self.open(source);
        }
    }

    pub(super) fn save_menu(&mut self, ui: &mut egui::Ui) {
        let mut chosen = None;
        ui.menu_button("Save", |ui| {
            for (label, target) in [
                (
                    "Screenshot of the window…  (Ctrl+Shift+S)",
                    SaveTarget::Png(Panel::Window),
                ),
                (
                    "Screenshot of the timeline…",
                    SaveTarget::Png(Panel::Timeline),
                ),
                ("Screenshot of the graph…", SaveTarget::Png(Panel::Graph)),
                ("Timeline as SVG…", SaveTarget::TimelineSvg),
                ("Graph as SVG…", SaveTarget::GraphSvg),
                (
                    "Slide of the whole story (PNG)…",
                    SaveTarget::Slide(SlideFormat::Png),
                ),
                ("Slide as PDF…", SaveTarget::Slide(SlideFormat::Pdf)),
                ("Slide as SVG…", SaveTarget::Slide(SlideFormat::Svg)),
            ] {
                if ui.button(label).clicked() {
                    chosen = Some(target);
                    ui.close();
                }
            }
        });
        if let Some(target) = chosen {
            self.save_as(target);
        }
    }

    /// Asks where to save, then saves when the dialog answers.
    pub(super) fn save_as(&mut self, target: SaveTarget) {
        let (name, filter) = match target {
            SaveTarget::Png(Panel::Window) => ("newsline.png", ("PNG image", "png")),
            SaveTarget::Png(Panel::Timeline) => ("newsline-timeline.png", ("PNG image", "png")),
            SaveTarget::Png(Panel::Graph) => ("newsline-graph.png", ("PNG image", "png")),
            SaveTarget::TimelineSvg => ("newsline-timeline.svg", ("SVG image", "svg")),
            SaveTarget::GraphSvg => ("newsline-graph.svg", ("SVG image", "svg")),
            SaveTarget::Slide(SlideFormat::Png) => ("newsline-slide.png", ("PNG image", "png")),
            SaveTarget::Slide(SlideFormat::Svg) => ("newsline-slide.svg", ("SVG image", "svg")),
            SaveTarget::Slide(SlideFormat::Pdf) => ("newsline-slide.pdf", ("PDF document", "pdf")),
        };
        self.saving = Some((loading::SaveDialog::open(name, filter), target));
    }

    /// Saves to `path`: SVG and slides at once, a window PNG over the next frames at twice
    /// the pixel density.
    pub fn save_to(&mut self, target: SaveTarget, path: PathBuf) {
        use crate::export::slides;
        let visible = self.visible_events();
        let bytes: Result<Vec<u8>, String> = match target {
            SaveTarget::Png(panel) => {
                self.screenshot = Some(screenshot::Screenshotter::new(ScreenshotRequest {
                    out: path,
                    settle_frames: 4,
                    panel,
                    scale: 2.0,
                    exit_after: false,
                }));
                return;
            }
            SaveTarget::TimelineSvg => Ok(slides::timeline_svg(
                &self.story,
                &self.index.facts,
                &visible,
                self.state.lanes,
                self.state.selected_event,
                1600.0,
                900.0,
            )
            .into_bytes()),
            SaveTarget::GraphSvg => {
                Ok(
                    slides::graph_svg(&self.story, None, self.state.show_orgs, 1200.0, 800.0)
                        .into_bytes(),
                )
            }
            SaveTarget::Slide(format) => {
                let opts = slides::SlideOptions {
                    visible: Some(visible),
                    lanes: self.state.lanes,
                    selected: self.state.selected_event,
                    with_orgs: self.state.show_orgs,
                    title: None,
                };
                match format {
                    SlideFormat::Svg => Ok(slides::svg(&self.story, &opts).into_bytes()),
                    SlideFormat::Png => slides::png(&self.story, &opts),
                    SlideFormat::Pdf => slides::pdf(&self.story, &opts),
                }
            }
        };
        self.note = Some(
            match bytes.and_then(|b| std::fs::write(&path, b).map_err(|e| e.to_string())) {
                Ok(()) => format!("Saved {}", path.display()),
                Err(e) => format!("{}: cannot save: {e}", path.display()),
            },
        );
    }

    /// The status-bar message, if any ("Saved …").
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    pub(super) fn poll_saving(&mut self, ctx: &egui::Context) {
        let Some((dialog, target)) = &self.saving else {
            return;
        };
        let target = *target;
        if let Some(answer) = dialog.poll() {
            self.saving = None;
            if let Some(path) = answer {
                self.save_to(target, path);
            }
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Presentation mode: bigger type, light theme, no sidebar or status bar.
    pub(super) fn toggle_presentation(&mut self, ctx: &egui::Context) {
        match self.presenting.take() {
            Some(theme) => {
                self.theme = theme;
                ctx.set_zoom_factor(1.0);
            }
            None => {
                self.presenting = Some(self.theme);
                self.theme = Theme::Light;
                ctx.set_zoom_factor(1.25);
            }
        }
    }

    /// Whether presentation mode is on.
    pub fn is_presenting(&self) -> bool {
        self.presenting.is_some()
    }
}
