//! A corrected publication date analyses the corpus again: on another thread, so that the
//! window keeps answering. Until it is done the edits show on the last analysis there is, and
//! the status bar says what is being done.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use super::NewslineApp;
use crate::edits::session::DocumentDates;
use crate::progress::Progress;
use crate::story::Story;

/// How often the window looks for the finished analysis.
const POLL: Duration = Duration::from_millis(50);

/// An analysis under way: the publication dates it is for, and where its story will come.
/// Dropped (replaced by one for newer dates, or by another corpus), it stops the analysis.
pub struct Reanalysis {
    dates: DocumentDates,
    story: Receiver<Option<Story>>,
    progress: Arc<Progress>,
}

impl Drop for Reanalysis {
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

impl NewslineApp {
    /// Starts analysing the corpus with the edits' publication dates, when the session needs
    /// it and no analysis for those very dates is under way.
    pub(super) fn start_reanalysis(&mut self) {
        let Some((dates, analysed)) = self.curation.session.analysis_needed() else {
            self.curation.reanalysis = None;
            return;
        };
        if self
            .curation
            .reanalysis
            .as_ref()
            .is_some_and(|r| r.dates == dates)
        {
            return;
        }
        let (send, story) = channel();
        let given = dates.clone();
        let progress = Arc::new(Progress::new());
        let watched = progress.clone();
        std::thread::spawn(move || {
            // The window may be gone, or want other dates by now: then nobody listens.
            let _ = send.send(crate::analysis::redated_with(&analysed, &given, &watched));
        });
        // Replacing an analysis for older dates stops it.
        self.curation.reanalysis = Some(Reanalysis {
            dates,
            story,
            progress,
        });
    }

    /// Shows the story analysed with the new dates once it is ready.
    pub(super) fn poll_reanalysis(&mut self, ctx: &egui::Context) {
        let Some(r) = &self.curation.reanalysis else {
            return;
        };
        match r.story.try_recv() {
            Ok(Some(story)) => {
                let dates = r.dates.clone();
                self.curation.reanalysis = None;
                self.curation.session.analysed_with(dates, story);
                let story = self.curation.session.derive();
                self.show_edited(story);
                // An edit made meanwhile may give other dates still.
                self.start_reanalysis();
            }
            Err(TryRecvError::Empty) => ctx.request_repaint_after(POLL),
            Ok(None) | Err(TryRecvError::Disconnected) => {
                self.curation.reanalysis = None;
                self.note =
                    Some("The dates could not be placed again: the analysis stopped".into());
            }
        }
    }

    /// Whether an analysis with new publication dates is under way.
    pub fn reanalysing(&self) -> bool {
        self.curation.reanalysis.is_some()
    }
}
