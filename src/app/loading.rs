//! Opening corpora from the window: native file dialogs (off the UI thread), dropped files,
//! reload, recent corpora, and the background load with its progress bar and Cancel.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use crate::loader::{Loader, Outcome, Source};

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
    /// Why the last load failed, shown until dismissed (the old story stays).
    pub failure: Option<Vec<String>>,
}

impl Opening {
    pub fn start(&mut self, source: Source) {
        if let Some(old) = self.loader.take() {
            old.cancel();
        }
        self.failure = None;
        self.loader = Some(Loader::spawn(source));
    }

    /// Checks the dialog and the loader; returns a finished load.
    pub fn poll(&mut self) -> Option<(Source, Outcome)> {
        if let Some(d) = &self.dialog
            && let Some(paths) = d.poll()
        {
            self.dialog = None;
            if !paths.is_empty() {
                self.start(Source::Paths(paths));
            }
        }
        let outcome = self.loader.as_ref()?.poll()?;
        let loader = self.loader.take()?;
        Some((loader.source, outcome))
    }

    /// The progress bar and Cancel button while a load runs.
    pub fn progress_ui(&self, ui: &mut egui::Ui) {
        let Some(loader) = &self.loader else {
            return;
        };
        let p = loader.progress();
        let (done, total) = p.analysed();
        let (fraction, text) = match p.stage() {
            crate::progress::Stage::Reading => (None, format!("Reading… {} files", p.files_read())),
            _ => (
                Some(done as f32 / total.max(1) as f32),
                format!("Analysing… {done} of {total} articles"),
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
        self.loader.is_some()
    }
}

/// Adds `source` to the front of `recent`, without repeats.
pub fn remember(recent: &mut Vec<Vec<PathBuf>>, source: &Source) {
    if let Source::Paths(paths) = source {
        recent.retain(|r| r != paths);
        recent.insert(0, paths.clone());
        recent.truncate(RECENT);
    }
}
