//! Opening corpora from the window: native file dialogs (off the UI thread), dropped files,
//! reload, recent corpora, and the background load with its progress bar and Cancel. The
//! view of a loaded story (indexes, settled graph layouts) is built in the background too, so
//! that a big story never freezes the window when it arrives.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use super::graph::GraphView;
use super::index::StoryIndex;
use crate::loader::{Loader, Outcome, Source};
use crate::story::Story;

/// A loaded story with everything its view needs, built off the UI thread.
pub struct Prepared {
    pub story: Arc<Story>,
    pub index: StoryIndex,
    pub graph: GraphView,
    /// How long reading and analysing took.
    pub took: Duration,
    /// The edits replayed on the story and where they are kept (a loaded corpus).
    pub session: Option<Box<crate::edits::Session>>,
}

impl Prepared {
    pub fn new(story: Story, took: Duration) -> Self {
        let story = Arc::new(story);
        let (index, graph) = rayon::join(|| StoryIndex::new(&story), || GraphView::new(&story));
        Prepared {
            story,
            index,
            graph,
            took,
            session: None,
        }
    }
}

/// How opening something ended.
pub enum Opened {
    Ready(Box<Prepared>),
    Failed(Vec<String>),
    Cancelled,
}

/// Most recent corpora remembered.
pub const RECENT: usize = 8;

/// A native dialog running on its own thread (rfd blocks while it is open).
pub struct Dialog {
    result: Receiver<Option<Vec<PathBuf>>>,
}

/// Which dialog to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Files,
    Folder,
}

impl Dialog {
    pub fn open(kind: DialogKind) -> Self {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let picked = match kind {
                DialogKind::Files => rfd::FileDialog::new()
                    .set_title("Open articles")
                    .add_filter("Articles", crate::corpus::ARTICLE_EXTENSIONS)
                    .pick_files(),
                DialogKind::Folder => rfd::FileDialog::new()
                    .set_title("Open a folder of articles")
                    .pick_folder()
                    .map(|p| vec![p]),
            };
            let _ = tx.send(picked);
        });
        Dialog { result: rx }
    }

    /// `Some(paths)` once the user chose (empty when they cancelled or no dialog could open).
    pub fn poll(&self) -> Option<Vec<PathBuf>> {
        match self.result.try_recv() {
            Ok(p) => Some(p.unwrap_or_default()),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Vec::new()),
        }
    }
}

/// A native "save as" dialog on its own thread.
pub struct SaveDialog {
    result: Receiver<Option<PathBuf>>,
}

impl SaveDialog {
    pub fn open(default_name: &str, filter: (&'static str, &'static str)) -> Self {
        let (tx, rx) = mpsc::channel();
        let name = default_name.to_string();
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_title("Save")
                .set_file_name(name)
                .add_filter(filter.0, &[filter.1])
                .save_file();
            let _ = tx.send(picked);
        });
        SaveDialog { result: rx }
    }

    /// `Some(path)` once chosen, `Some(None)` when cancelled, `None` while open.
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.result.try_recv() {
            Ok(p) => Some(p),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }
}

/// The state of opening things: at most one dialog and one load at a time.
#[derive(Default)]
pub struct Opening {
    pub dialog: Option<Dialog>,
    pub loader: Option<Loader>,
    /// A loaded story whose view is being built.
    preparing: Option<(Source, Receiver<Prepared>)>,
    /// The window's context, to wake it when a load or a view is ready.
    waker: Option<egui::Context>,
    /// Why the last load failed, shown until dismissed (the old story stays).
    pub failure: Option<Vec<String>>,
}

impl Opening {
    pub fn start(&mut self, source: Source) {
        if let Some(old) = self.loader.take() {
            old.cancel();
        }
        self.preparing = None;
        self.failure = None;
        // The window repaints as soon as the load is over (once it has been shown, its
        // context is known); before that the first frames find the outcome themselves.
        self.loader = Some(match self.waker.clone() {
            Some(ctx) => Loader::spawn_with_waker(source, move || ctx.request_repaint()),
            None => Loader::spawn(source),
        });
    }

    /// Checks the dialog, the loader and the view being built; returns what was opened once
    /// it is ready to show. `ctx` is woken when the view is built, so the story shows at once.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<(Source, Opened)> {
        if self.waker.is_none() {
            self.waker = Some(ctx.clone());
        }
        if let Some(d) = &self.dialog
            && let Some(paths) = d.poll()
        {
            self.dialog = None;
            if !paths.is_empty() {
                self.start(Source::Paths(paths));
            }
        }
        if let Some((_, ready)) = &self.preparing {
            let prepared = match ready.try_recv() {
                Ok(p) => Opened::Ready(Box::new(p)),
                Err(mpsc::TryRecvError::Empty) => return None,
                Err(mpsc::TryRecvError::Disconnected) => {
                    Opened::Failed(vec!["building the view stopped unexpectedly".into()])
                }
            };
            let (source, _) = self.preparing.take()?;
            return Some((source, prepared));
        }
        let outcome = self.loader.as_ref()?.poll()?;
        let loader = self.loader.take()?;
        match outcome {
            // A small story's view (a graph of up to 200 people) takes a few milliseconds:
            // built here, it shows in this very frame.
            Outcome::Loaded {
                story,
                took,
                session,
            } if is_small(&story) => {
                let mut prepared = Prepared::new(*story, took);
                prepared.session = Some(session);
                Some((loader.source, Opened::Ready(Box::new(prepared))))
            }
            Outcome::Loaded {
                story,
                took,
                session,
            } => {
                let (tx, rx) = mpsc::channel();
                let waker = ctx.clone();
                std::thread::spawn(move || {
                    let mut prepared = Prepared::new(*story, took);
                    prepared.session = Some(session);
                    let _ = tx.send(prepared);
                    waker.request_repaint();
                });
                self.preparing = Some((loader.source, rx));
                None
            }
            Outcome::Failed { problems } => Some((loader.source, Opened::Failed(problems))),
            Outcome::Cancelled => Some((loader.source, Opened::Cancelled)),
        }
    }

    /// The progress bar and Cancel button while a load runs.
    pub fn progress_ui(&self, ui: &mut egui::Ui) {
        if self.preparing.is_some() {
            ui.add(
                egui::ProgressBar::new(1.0)
                    .desired_width(220.0)
                    .text("Laying out the graph…")
                    .animate(true),
            );
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        let Some(loader) = &self.loader else {
            return;
        };
        let p = loader.progress();
        let (done, total) = p.analysed();
        let (fraction, text) = match p.stage() {
            crate::progress::Stage::Reading => (None, format!("Reading… {} files", p.files_read())),
            _ => (
                Some(p.fraction()),
                match p.step() {
                    Some(step) => format!("{step}…"),
                    None => format!("Analysing… {done} of {total} articles"),
                },
            ),
        };
        let bar = egui::ProgressBar::new(fraction.unwrap_or(0.0))
            .desired_width(220.0)
            .text(text);
        let bar = if fraction.is_none() {
            bar.animate(true)
        } else {
            bar
        };
        ui.add(bar);
        if ui.button("Cancel").clicked() {
            loader.cancel();
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }

    pub fn busy(&self) -> bool {
        self.loader.is_some() || self.preparing.is_some()
    }
}

/// Whether a story's view is quick enough to build on the UI thread.
fn is_small(story: &Story) -> bool {
    story.entities.len() <= 200 && story.events.len() <= 2_000
}

/// Adds `source` to the front of `recent`, without repeats.
pub fn remember(recent: &mut Vec<Vec<PathBuf>>, source: &Source) {
    if let Source::Paths(paths) = source {
        recent.retain(|r| r != paths);
        recent.insert(0, paths.clone());
        recent.truncate(RECENT);
    }
}
