//! Loading and analysing a corpus on a background thread, with progress, cancel and a clear
//! outcome. No GUI here: the window polls [`Loader::poll`] each frame, tests call it directly.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crate::edits::{Project, Session};
use crate::progress::Progress;
use crate::story::Story;

/// How a load ended.
#[derive(Debug)]
pub enum Outcome {
    /// The story with the user's saved edits replayed on it, the warnings of files that could
    /// not be read inside it, and the edit session (the analysed story, the project file).
    Loaded {
        story: Box<Story>,
        took: Duration,
        session: Box<Session>,
    },
    /// The user cancelled; nothing changes.
    Cancelled,
    /// Nothing could be loaded; each line names a file and its problem.
    Failed { problems: Vec<String> },
}

/// What is being loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Sample,
    Paths(Vec<PathBuf>),
}

impl Source {
    /// How the status bar and recent list name it.
    pub fn describe(&self) -> String {
        match self {
            Source::Sample => "built-in sample".to_string(),
            Source::Paths(p) => match p.as_slice() {
                [] => "nothing".to_string(),
                [one] => one.display().to_string(),
                [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
            },
        }
    }
}

/// A load running on its own thread.
pub struct Loader {
    pub source: Source,
    progress: Arc<Progress>,
    result: Receiver<Outcome>,
    started: Instant,
}

impl Loader {
    /// Starts reading and analysing `source` at once.
    pub fn spawn(source: Source) -> Self {
        Self::spawn_with_waker(source, || {})
    }

    /// [`Loader::spawn`], calling `wake` once the outcome is ready (a window repaints then,
    /// instead of noticing at its next timed poll).
    pub fn spawn_with_waker(source: Source, wake: impl FnOnce() + Send + 'static) -> Self {
        let progress = Arc::new(Progress::new());
        let (tx, rx) = mpsc::channel();
        let (p, s) = (progress.clone(), source.clone());
        std::thread::Builder::new()
            .name("newsline-loader".into())
            .spawn(move || {
                let _ = tx.send(run(&s, &p));
                wake();
            })
            .expect("a thread can be started");
        Loader {
            source,
            progress,
            result: rx,
            started: Instant::now(),
        }
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn cancel(&self) {
        self.progress.cancel();
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// The outcome once the worker is done; `None` while it runs.
    pub fn poll(&self) -> Option<Outcome> {
        match self.result.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Outcome::Failed {
                problems: vec!["the loading thread stopped unexpectedly".into()],
            }),
        }
    }

    /// Waits for the outcome (for tests and the command line).
    pub fn wait(self) -> Outcome {
        self.result.recv().unwrap_or(Outcome::Failed {
            problems: vec!["the loading thread stopped unexpectedly".into()],
        })
    }
}

fn run(source: &Source, progress: &Progress) -> Outcome {
    let started = Instant::now();
    let corpus = match source {
        Source::Sample => Some(crate::sample::corpus()),
        Source::Paths(paths) => crate::corpus::load_paths_with(paths, progress),
    };
    let Some(corpus) = corpus else {
        return Outcome::Cancelled;
    };
    if corpus.documents.is_empty() {
        let mut problems: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
        if problems.is_empty() {
            problems.push("no articles found".into());
        }
        return Outcome::Failed { problems };
    }
    match crate::analysis::analyze_with(corpus, progress) {
        Some(analysed) => {
            let project = match source {
                Source::Sample => Project::for_paths(&[]),
                Source::Paths(paths) => Project::for_paths(paths),
            };
            let (session, story) = Session::open(analysed, project);
            Outcome::Loaded {
                story: Box::new(story),
                took: started.elapsed(),
                session: Box::new(session),
            }
        }
        None => Outcome::Cancelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &std::path::Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    #[test]
    fn loads_reports_progress_and_keeps_bad_files_as_warnings() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..5 {
            write(
                dir.path(),
                &format!("{i}.txt"),
                &format!(
                    "Vote {i} Delayed\n\nMayor Ana Ruiz said on Monday, March 4, 2024, that vote {i} was delayed."
                ),
            );
        }
        std::fs::write(dir.path().join("bad.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
        let loader = Loader::spawn(Source::Paths(vec![dir.path().to_path_buf()]));
        let outcome = loader_wait(&loader);
        assert_eq!(loader.progress().files_read(), 6);
        assert_eq!(loader.progress().analysed(), (5, 5));
        let Outcome::Loaded { story, .. } = outcome else {
            panic!("loaded: {outcome:?}");
        };
        assert_eq!(story.documents.len(), 5);
        assert_eq!(story.warnings.len(), 1);
        assert!(story.warnings[0].file.ends_with("bad.txt"));
    }

    #[test]
    fn nothing_readable_fails_with_the_reasons() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let outcome = Loader::spawn(Source::Paths(vec![missing.clone()])).wait();
        let Outcome::Failed { problems } = outcome else {
            panic!("failed: {outcome:?}");
        };
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("missing") && problems[0].contains("no such file"));
    }

    #[test]
    fn cancel_is_honoured() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..300 {
            write(
                dir.path(),
                &format!("{i:03}.txt"),
                "Headline\n\nA body sentence on Monday.",
            );
        }
        let progress = Progress::new();
        progress.cancel();
        assert!(crate::corpus::load_paths_with(&[dir.path()], &progress).is_none());
        let corpus = crate::corpus::load_paths(&[dir.path()]);
        assert!(crate::analysis::analyze_with(corpus, &progress).is_none());
    }

    #[test]
    fn the_sample_loads() {
        let Outcome::Loaded { story, .. } = Loader::spawn(Source::Sample).wait() else {
            panic!("the sample loads");
        };
        assert_eq!(story.documents.len(), 5);
    }

    fn loader_wait(loader: &Loader) -> Outcome {
        loop {
            if let Some(o) = loader.poll() {
                return o;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}
