//! The window: a linked timeline, entity graph and source view over one [`Story`].
//!
//! The app holds no analysis: it reads the story, keeps the view state (selection, filters,
//! zoom, layout) and draws panels, one module each. Panels never change the state while they
//! draw; they return [`Command`]s that [`NewslineApp::apply`] carries out after the frame, so
//! every view sees the same selection.

mod curate;
mod date_editor;
mod differences;
mod edit_dialog;
mod edit_menu;
mod graph;
mod index;
mod loading;
mod menus;
mod problems;
mod reanalysis;
mod screenshot;
mod sidebar;
mod source;
mod theme;
mod timeline;
mod window;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use crate::timeline::LaneMode;
pub use dates::{day_number, format_when};

/// Calendar helpers (day numbers, dates in words), shared with the library's timeline.
pub(crate) use crate::timeline::calendar as dates;
pub use screenshot::{Panel, ScreenshotRequest};
pub use theme::Theme;
pub use window::{describe_paths, native_options, run};

use crate::loader::Source;
use crate::story::Story;
use index::StoryIndex;

/// What the window remembers between runs (eframe storage).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    pub lanes: LaneMode,
    pub show_orgs: bool,
    /// Most recent first.
    pub recent: Vec<Vec<PathBuf>>,
}

/// When the process started, for the first-frame measurement (`NEWSLINE_FIRST_FRAME=1`).
static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

static FIRST_FRAME_SEEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Notes the process start; call first thing in `main`.
pub fn mark_process_start() {
    PROCESS_START.get_or_init(std::time::Instant::now);
}

/// Key of [`Settings`] in eframe storage.
const SETTINGS_KEY: &str = "newsline-settings";

/// Selection and filters, shared by every view.
#[derive(Debug, Clone, Default)]
pub struct ViewState {
    /// Index into `story.events`.
    pub selected_event: Option<usize>,
    /// Index into `story.entities`: the timeline shows only their events.
    pub selected_entity: Option<usize>,
    /// Index into `story.links`: the source view lists the events behind it.
    pub selected_link: Option<usize>,
    /// A document opened in full, with the span to scroll to.
    pub open_document: Option<(usize, Option<(usize, usize)>)>,
    /// Entities unticked in the sidebar: their events are hidden.
    pub hidden: HashSet<usize>,
    pub outlet: Option<String>,
    /// Date filter, in day numbers (inclusive).
    pub date_range: Option<(f64, f64)>,
    pub search: String,
    pub lanes: LaneMode,
    /// Show organizations and places in the graph.
    pub show_orgs: bool,
}

/// What a panel asks for; applied after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    SelectEvent(Option<usize>),
    SelectEntity(Option<usize>),
    SelectLink(Option<usize>),
    OpenDocument(usize, Option<(usize, usize)>),
    CloseDocument,
    ToggleHidden(usize),
    SetOutlet(Option<String>),
    SetDateRange(Option<(f64, f64)>),
    /// Step through the visible events in time order (−1 back, +1 forward).
    Step(i32),
    ClearAll,
    /// A correction to the story, recorded in the session and saved at once.
    Edit(crate::edits::Edit),
    Undo,
    Redo,
    /// Takes one edit out of the list.
    Revert(usize),
    /// Opens a dialog that asks for what an edit needs (a name, a title, a date).
    Ask(edit_dialog::Dialog),
}

/// How the story came to be, for the status bar.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// What was opened ("built-in sample" or the paths).
    pub source: String,
    pub analysis: Duration,
}

/// The application: one story and the state of its views.
pub struct NewslineApp {
    story: Arc<Story>,
    index: StoryIndex,
    pub state: ViewState,
    provenance: Provenance,
    theme: Theme,
    graph: graph::GraphView,
    timeline: timeline::TimelineView,
    screenshot: Option<screenshot::Screenshotter>,
    show_warnings: bool,
    opening: loading::Opening,
    source: Source,
    recent: Vec<Vec<PathBuf>>,
    /// Save settings on exit (off for scripted screenshots).
    persist: bool,
    /// Where the timeline and the graph were drawn last frame (for panel screenshots).
    timeline_rect: Option<egui::Rect>,
    graph_rect: Option<egui::Rect>,
    /// A "save as" dialog and what it is for.
    saving: Option<(loading::SaveDialog, SaveTarget)>,
    /// Presentation mode (the theme to go back to): larger type, no sidebar or status bar,
    /// light theme.
    presenting: Option<Theme>,
    /// A short message for the status bar ("Saved …").
    note: Option<String>,
    /// The user's edits: the session, its dialog and list.
    curation: curate::Curation,
}

/// What a "save as" dialog saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveTarget {
    Png(Panel),
    TimelineSvg,
    GraphSvg,
    /// The whole filtered story on one 16:9 slide.
    Slide(SlideFormat),
}

/// File format of a slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlideFormat {
    Svg,
    Png,
    Pdf,
}

impl NewslineApp {
    pub fn new(story: Story, provenance: Provenance, theme: Theme) -> Self {
        let loading::Prepared {
            story,
            index,
            graph,
            ..
        } = loading::Prepared::new(story, provenance.analysis);
        let curation = curate::Curation::new(crate::edits::Session::new((*story).clone()));
        NewslineApp {
            story,
            index,
            state: ViewState::default(),
            provenance,
            theme,
            graph,
            timeline: timeline::TimelineView::default(),
            screenshot: None,
            show_warnings: false,
            opening: loading::Opening::default(),
            source: Source::Sample,
            recent: Vec::new(),
            persist: false,
            timeline_rect: None,
            graph_rect: None,
            saving: None,
            presenting: None,
            note: None,
            curation,
        }
    }

    /// The app on a session's curated story (its edits replayed, saved to its project file).
    pub fn curated(
        mut session: crate::edits::Session,
        provenance: Provenance,
        theme: Theme,
    ) -> Self {
        let story = session.derive();
        let mut app = NewslineApp::new(story, provenance, theme);
        app.curation = curate::Curation::new(session);
        app
    }

    /// A window that opens `source` in the background, showing progress until it is ready.
    pub fn loading(source: Source, settings: Settings) -> Self {
        let mut app = NewslineApp::new(Story::new(), Provenance::default(), settings.theme);
        app.apply_settings(settings);
        app.source = source.clone();
        app.opening.start(source);
        app
    }

    /// Takes remembered settings (theme, lanes, recent corpora).
    pub fn apply_settings(&mut self, settings: Settings) {
        self.theme = settings.theme;
        self.state.lanes = settings.lanes;
        self.state.show_orgs = settings.show_orgs;
        self.recent = settings.recent;
        self.persist = true;
    }

    /// What would be remembered now.
    pub fn settings(&self) -> Settings {
        Settings {
            theme: self.theme,
            lanes: self.state.lanes,
            show_orgs: self.state.show_orgs,
            recent: self.recent.clone(),
        }
    }

    /// Replaces the story (after a load), resetting selection and filters but not view options.
    pub fn set_story(&mut self, story: Story, provenance: Provenance) {
        let prepared = loading::Prepared::new(story, provenance.analysis);
        self.install(prepared, provenance);
    }

    /// Shows a story whose view was built in the background.
    fn install(&mut self, mut prepared: loading::Prepared, provenance: Provenance) {
        let (lanes, show_orgs) = (self.state.lanes, self.state.show_orgs);
        let session = prepared.session.take().map_or_else(
            || crate::edits::Session::new((*prepared.story).clone()),
            |s| *s,
        );
        self.curation = curate::Curation::new(session);
        self.story = prepared.story;
        self.index = prepared.index;
        self.graph = prepared.graph;
        self.timeline = timeline::TimelineView::default();
        self.state = ViewState {
            lanes,
            show_orgs,
            ..ViewState::default()
        };
        self.provenance = provenance;
        self.show_warnings = !self.story.warnings.is_empty();
    }

    /// Starts loading `source` in the background; the current story stays until it is ready.
    pub fn open(&mut self, source: Source) {
        self.opening.start(source);
    }

    /// Whether a load is running.
    pub fn is_loading(&self) -> bool {
        self.opening.busy()
    }

    /// Why the last load failed, if it did.
    pub fn load_failure(&self) -> Option<&[String]> {
        self.opening.failure.as_deref()
    }

    fn poll_loading(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.open(Source::Paths(dropped));
        }
        if let Some((source, outcome)) = self.opening.poll(ctx) {
            match outcome {
                loading::Opened::Ready(prepared) => {
                    let provenance = Provenance {
                        source: source.describe(),
                        analysis: prepared.took,
                    };
                    loading::remember(&mut self.recent, &source);
                    self.source = source;
                    self.install(*prepared, provenance);
                }
                loading::Opened::Failed(problems) => self.opening.failure = Some(problems),
                loading::Opened::Cancelled => {}
            }
        }
    }

    pub fn story(&self) -> &Story {
        &self.story
    }

    /// Makes the app save a PNG of itself once the picture has settled, then close.
    pub fn with_screenshot(mut self, request: ScreenshotRequest) -> Self {
        self.screenshot = Some(screenshot::Screenshotter::new(request));
        self
    }

    /// Selects an event by its story id ("v6"); false when there is none.
    pub fn select_event_id(&mut self, id: &str) -> bool {
        let found = self.story.events.iter().position(|e| e.id == id);
        if found.is_some() {
            self.apply(Command::SelectEvent(found));
        }
        found.is_some()
    }

    /// The days the timeline showed last frame (day numbers since 1970-01-01).
    pub fn timeline_days(&self) -> Option<(f64, f64)> {
        self.timeline.shown()
    }

    /// Events that pass every filter, in time order.
    pub fn visible_events(&self) -> Vec<usize> {
        self.index.visible(&self.story, &self.state)
    }

    /// Draws the whole window into `ui` (the eframe root or a test harness).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        theme::apply(ui.ctx(), self.theme);
        self.poll_loading(ui.ctx());
        self.poll_reanalysis(ui.ctx());
        let mut commands = Vec::new();
        self.keyboard(ui.ctx(), &mut commands);
        let visible = self.visible_events();

        egui::Panel::top("top-bar").show(ui, |ui| self.top_bar(ui, &mut commands));
        if self.presenting.is_none() {
            egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar(ui, &visible));
        }
        if let Some(problems) = &self.opening.failure {
            let mut open = true;
            egui::Window::new("Could not open the articles")
                .open(&mut open)
                .default_width(520.0)
                .show(ui.ctx(), |ui| {
                    ui.label("Nothing could be loaded, so the current story stays on screen.");
                    ui.add_space(6.0);
                    problems::list(ui, 360.0, &problems::of_lines(problems));
                });
            if !open {
                self.opening.failure = None;
            }
        }
        if !self.story.documents.is_empty()
            && std::env::var_os("NEWSLINE_FIRST_FRAME").is_some()
            && let Some(start) = PROCESS_START.get()
            && !FIRST_FRAME_SEEN.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            // Benchmark hook: the first frame that shows a story, then exit.
            println!(
                "first frame with the story after {:.0} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.story.documents.is_empty() {
            let loading = self.opening.busy();
            egui::CentralPanel::default()
                .show(ui, |ui| window::empty_corpus(ui, &self.story, loading));
            return;
        }
        if self.presenting.is_none() {
            egui::Panel::left("sidebar")
                .resizable(true)
                .default_size(270.0)
                .min_size(200.0)
                .show(ui, |ui| {
                    sidebar::show(
                        ui,
                        &self.story,
                        &self.index,
                        &self.state,
                        &visible,
                        &mut commands,
                    )
                });
        }
        egui::Panel::right("source")
            .resizable(true)
            .default_size(ui.available_width() * 0.3)
            .min_size(260.0)
            .show(ui, |ui| {
                source::show(ui, &self.story, &self.index, &self.state, &mut commands)
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let graph_height = ui.available_height() * 0.45;
            let graph = egui::Panel::bottom("graph")
                .resizable(true)
                .default_size(graph_height)
                .min_size(120.0)
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    self.graph
                        .show(ui, &self.story, &self.state, &visible, &mut commands);
                });
            self.graph_rect = Some(graph.response.rect);
            self.timeline_rect = Some(ui.available_rect_before_wrap());
            self.timeline.show(
                ui,
                &self.story,
                &self.index,
                &self.state,
                &visible,
                &mut commands,
            );
        });
        for c in commands {
            self.apply(c);
        }
        self.curation_windows(ui.ctx());
        if self.show_warnings {
            self.warnings_window(ui.ctx());
        }
        if let Some(shot) = &mut self.screenshot
            && let Some(done) = shot.frame(ui.ctx(), self.timeline_rect, self.graph_rect)
        {
            self.note = Some(match done {
                Ok(path) => format!("Saved {}", path.display()),
                Err(e) => e,
            });
            self.screenshot = None;
        }
        self.poll_saving(ui.ctx());
    }

    /// Carries out a panel's request.
    pub fn apply(&mut self, command: Command) {
        let s = &mut self.state;
        match command {
            Command::SelectEvent(e) => {
                s.selected_event = e;
                s.selected_link = None;
                s.open_document = None;
                if let Some(e) = e {
                    self.timeline.reveal(&self.index, e);
                }
            }
            Command::SelectEntity(e) => {
                s.selected_entity = e;
                s.selected_link = None;
                s.open_document = None;
                if let Some(sel) = s.selected_event
                    && let Some(ent) = e
                    && !self.story.events[sel]
                        .participants
                        .contains(&self.story.entities[ent].id)
                {
                    s.selected_event = None;
                }
                self.timeline.reframe();
            }
            Command::SelectLink(l) => {
                s.selected_link = l;
                s.open_document = None;
            }
            Command::OpenDocument(d, span) => s.open_document = Some((d, span)),
            Command::CloseDocument => s.open_document = None,
            Command::ToggleHidden(e) => {
                if !s.hidden.remove(&e) {
                    s.hidden.insert(e);
                }
            }
            Command::SetOutlet(o) => s.outlet = o,
            Command::SetDateRange(r) => s.date_range = r,
            Command::Step(dir) => {
                let visible = self.visible_events();
                if visible.is_empty() {
                    return;
                }
                let next = match self
                    .state
                    .selected_event
                    .and_then(|e| visible.iter().position(|&v| v == e))
                {
                    None if dir >= 0 => visible[0],
                    None => visible[visible.len() - 1],
                    Some(p) => {
                        let p = (p as i64 + dir as i64).clamp(0, visible.len() as i64 - 1);
                        visible[p as usize]
                    }
                };
                self.apply(Command::SelectEvent(Some(next)));
            }
            c @ (Command::Edit(_)
            | Command::Undo
            | Command::Redo
            | Command::Revert(_)
            | Command::Ask(_)) => self.curate(c),
            Command::ClearAll => {
                let lanes = s.lanes;
                let show_orgs = s.show_orgs;
                *s = ViewState {
                    lanes,
                    show_orgs,
                    ..ViewState::default()
                };
                self.timeline.reframe();
            }
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let typing = ctx.memory(|m| m.focused().is_some());
        let (open, reload) = ctx.input(|i| {
            (
                i.modifiers.command && i.key_pressed(egui::Key::O),
                i.key_pressed(egui::Key::F5),
            )
        });
        let (save, present) = ctx.input(|i| {
            (
                i.modifiers.command && i.modifiers.shift && i.key_pressed(egui::Key::S),
                i.key_pressed(egui::Key::F11),
            )
        });
        if save && self.saving.is_none() {
            self.save_as(SaveTarget::Png(Panel::Window));
        }
        if present {
            self.toggle_presentation(ctx);
        }
        if open && self.opening.dialog.is_none() {
            self.opening.dialog = Some(loading::Dialog::open(loading::DialogKind::Folder));
        }
        if reload {
            self.open(self.source.clone());
        }
        self.edit_keys(ctx, commands);
        ctx.input(|i| {
            if i.key_pressed(egui::Key::Escape) {
                commands.push(Command::ClearAll);
            }
            if typing {
                return;
            }
            // With Shift the arrows pan the timeline instead.
            if i.key_pressed(egui::Key::ArrowRight) && !i.modifiers.shift {
                commands.push(Command::Step(1));
            }
            if i.key_pressed(egui::Key::ArrowLeft) && !i.modifiers.shift {
                commands.push(Command::Step(-1));
            }
        });
    }
}

impl eframe::App for NewslineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn persist_egui_memory(&self) -> bool {
        self.persist
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, SETTINGS_KEY, &self.settings());
        }
    }
}
