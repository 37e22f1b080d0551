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

/// Counters a worker bumps as it goes, and a flag the watcher sets to stop it.
#[derive(Debug, Default)]
pub struct Progress {
    files_read: AtomicUsize,
    documents: AtomicUsize,
    analysed: AtomicUsize,
    stage: AtomicU8,
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
