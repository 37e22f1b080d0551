//! Progress and cancellation shared between a loading thread and whoever watches it (the
//! window's progress bar). Plain atomics: the worker never waits on the watcher.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

/// What a load is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Analysing,
    Done,
}

/// The corpus-wide steps of the analysis after the per-document one (reference dates and
/// sentences), in order: what the progress bar says once every document is read.
pub const STEPS: [&str; 4] = [
    "Finding dates and people",
    "Finding quotes",
    "Merging events",
    "Linking people",
];

/// Counters a worker bumps as it goes, and a flag the watcher sets to stop it.
#[derive(Debug, Default)]
pub struct Progress {
    files_read: AtomicUsize,
    documents: AtomicUsize,
    analysed: AtomicUsize,
    stage: AtomicU8,
    /// 0 while documents are read one by one, then 1 + the index into [`STEPS`].
    step: AtomicU8,
    cancelled: AtomicBool,
}

impl Progress {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn file_read(&self) {
        self.files_read.fetch_add(1, Ordering::Relaxed);
    }

    pub fn files_read(&self) -> usize {
        self.files_read.load(Ordering::Relaxed)
    }

    /// Enters the analysis of `documents` documents.
    pub fn start_analysis(&self, documents: usize) {
        self.documents.store(documents, Ordering::Relaxed);
        self.stage.store(1, Ordering::Relaxed);
    }

    pub fn document_analysed(&self) {
        self.analysed.fetch_add(1, Ordering::Relaxed);
    }

    /// (analysed, total) documents.
    pub fn analysed(&self) -> (usize, usize) {
        (
            self.analysed.load(Ordering::Relaxed),
            self.documents.load(Ordering::Relaxed),
        )
    }

    /// Enters `STEPS[i]`.
    pub fn enter_step(&self, i: usize) {
        self.step
            .store((i + 1).min(STEPS.len()) as u8, Ordering::Relaxed);
    }

    /// The corpus-wide step running, once the per-document one is over.
    pub fn step(&self) -> Option<&'static str> {
        let i = self.step.load(Ordering::Relaxed) as usize;
        (i > 0).then(|| STEPS[i - 1])
    }

    /// How far the analysis is, 0 to 1: the per-document step counts for a third, each
    /// corpus-wide step for an equal share of the rest.
    pub fn fraction(&self) -> f32 {
        let (done, total) = self.analysed();
        let documents = done as f32 / total.max(1) as f32;
        let steps = f32::from(self.step.load(Ordering::Relaxed).saturating_sub(1));
        (documents + 2.0 * steps / STEPS.len() as f32) / 3.0
    }

    pub fn finish(&self) {
        self.stage.store(2, Ordering::Relaxed);
    }

    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Analysing,
            _ => Stage::Done,
        }
    }

    /// Asks the worker to stop at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fraction_grows_through_documents_then_steps() {
        let p = Progress::new();
        p.start_analysis(4);
        assert_eq!(p.fraction(), 0.0);
        p.document_analysed();
        p.document_analysed();
        assert!((p.fraction() - 1.0 / 6.0).abs() < 1e-6);
        assert_eq!(p.step(), None);
        p.document_analysed();
        p.document_analysed();
        let mut last = p.fraction();
        for (i, name) in STEPS.iter().enumerate() {
            p.enter_step(i);
            assert_eq!(p.step(), Some(*name));
            assert!(p.fraction() >= last && p.fraction() < 1.0);
            last = p.fraction();
        }
    }
}
