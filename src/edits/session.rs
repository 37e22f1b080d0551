//! One window's edits: the list is the state. A new edit is appended and saved at once; undo
//! moves the last one to a redo stack (kept for the session only); the story shown is always
//! the analysed story with the list replayed on a copy, so undo needs no inverse edits.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Edit, Project, Unapplied, apply};
use crate::analysis::sentences::Sentence;
use crate::story::{Comparison, Story};

/// How many readings of the comparisons are kept: the story's and the one before an edit.
const COMPARED_KEPT: usize = 2;

/// Publication dates given by edits: (file, ISO day), in order.
pub type DocumentDates = Vec<(String, String)>;

/// The analysed story, the edits on it, and where they are kept.
#[derive(Debug, Clone)]
pub struct Session {
    analysed: Arc<Story>,
    edits: Vec<Edit>,
    redo: Vec<Edit>,
    project: Option<Project>,
    unapplied: Vec<Unapplied>,
    /// The story analysed again with the publication dates the edits give, and those dates:
    /// analysed once per change of dates, not per edit.
    redated: Option<(DocumentDates, Arc<Story>)>,
    /// The documents' sentences, split once when an edit first calls for comparing the
    /// sources again (the texts never change; excluded documents are simply not read).
    sentences: Option<Arc<HashMap<String, Vec<Sentence>>>>,
    /// The comparisons last read again, latest first, with the edits and dates they were read
    /// after: a new title or link reuses them, and an undo finds those of the story before.
    compared: Vec<(Vec<Edit>, DocumentDates, Vec<Comparison>)>,
    /// A window analyses in the background: until the story analysed with new publication
    /// dates is handed over ([`Session::analysed_with`]), the edits are replayed on the last
    /// analysis there is, so an edit never waits for a whole corpus.
    analyse_later: bool,
    /// Messages for the user: a damaged file kept aside, edits kept elsewhere, a failed save.
    pub notices: Vec<String>,
}

impl Session {
    /// Edits kept in memory only (a story with no corpus folder, tests).
    pub fn new(analysed: Story) -> Session {
        Session {
            analysed: Arc::new(analysed),
            edits: Vec::new(),
            redo: Vec::new(),
            project: None,
            unapplied: Vec::new(),
            redated: None,
            sentences: None,
            compared: Vec::new(),
            analyse_later: false,
            notices: Vec::new(),
        }
    }

    /// Reads `project`'s edits (a damaged file is kept aside) and returns the session with the
    /// curated story.
    pub fn open(analysed: Story, project: Project) -> (Session, Story) {
        let opened = project.open(true);
        let mut session = Session::new(analysed);
        session.edits = opened.edits;
        session.notices.extend(opened.notice);
        session.project = Some(project);
        let story = session.derive();
        (session, story)
    }

    /// The analysed story with every edit replayed; notes the ones whose target is gone.
    pub fn derive(&mut self) -> Story {
        let dates = super::document_dates(&self.edits);
        let reshaping: Vec<Edit> = self
            .edits
            .iter()
            .filter(|e| e.reshapes_comparisons())
            .cloned()
            .collect();
        // Whether the base is analysed with the edits' dates (else it stands in, for now).
        let mut fresh = true;
        let base = if dates.is_empty() {
            self.analysed.clone()
        } else {
            match &self.redated {
                Some((given, story)) if *given == dates => story.clone(),
                Some((_, story)) if self.analyse_later => {
                    fresh = false;
                    story.clone()
                }
                None if self.analyse_later => {
                    fresh = false;
                    self.analysed.clone()
                }
                _ => {
                    let story = Arc::new(crate::analysis::redated(&self.analysed, &dates));
                    self.redated = Some((dates.clone(), story.clone()));
                    story
                }
            }
        };
        let mut story = (*base).clone();
        let unapplied = apply(&mut story, &self.edits);
        // Against a stand-in, an edit may miss what the new dates will bring: say nothing yet.
        if fresh {
            self.unapplied = unapplied;
        }
        if reshaping.is_empty() {
            return story;
        }
        let cached = self
            .compared
            .iter()
            .position(|(edits, given, _)| fresh && *edits == reshaping && *given == dates);
        match cached {
            Some(i) => {
                // The latest first: an undo finds the comparisons of the story before.
                let hit = self.compared.remove(i);
                story.comparisons = hit.2.clone();
                self.compared.insert(0, hit);
            }
            None => {
                let sentences = self
                    .sentences
                    .get_or_insert_with(|| Arc::new(crate::analysis::sentences_of(&self.analysed)));
                crate::analysis::compare_again(&mut story, sentences);
                if fresh {
                    self.compared
                        .insert(0, (reshaping, dates, story.comparisons.clone()));
                    self.compared.truncate(COMPARED_KEPT);
                }
            }
        }
        story
    }

    /// From now on, publication dates given by edits are analysed by the caller, in the
    /// background ([`Session::analysis_needed`], [`Session::analysed_with`]).
    pub fn analyse_in_background(&mut self) {
        self.analyse_later = true;
    }

    /// What a story with the edits' publication dates still needs: those dates and the
    /// analysed story, to give [`crate::analysis::redated`]; `None` when it is at hand.
    pub fn analysis_needed(&self) -> Option<(DocumentDates, Arc<Story>)> {
        let dates = super::document_dates(&self.edits);
        if dates.is_empty() {
            return None;
        }
        match &self.redated {
            Some((given, _)) if *given == dates => None,
            _ => Some((dates, self.analysed.clone())),
        }
    }

    /// Keeps `story`, the analysed story with the publication dates `dates`, for the next
    /// [`Session::derive`].
    pub fn analysed_with(&mut self, dates: DocumentDates, story: Story) {
        self.redated = Some((dates, Arc::new(story)));
    }

    /// Appends `edit`, saves, and returns the new story.
    pub fn record(&mut self, edit: Edit) -> Story {
        self.edits.push(edit);
        self.redo.clear();
        self.changed()
    }

    /// Takes back the last edit; `None` when there is none.
    pub fn undo(&mut self) -> Option<Story> {
        let edit = self.edits.pop()?;
        self.redo.push(edit);
        Some(self.changed())
    }

    /// Puts back the last undone edit; `None` when there is none.
    pub fn redo(&mut self) -> Option<Story> {
        let edit = self.redo.pop()?;
        self.edits.push(edit);
        Some(self.changed())
    }

    /// Takes edit `index` out of the list (one that no longer applies, or one further back
    /// than undo reaches); Redo puts it back, at the end.
    pub fn revert(&mut self, index: usize) -> Option<Story> {
        if index >= self.edits.len() {
            return None;
        }
        let edit = self.edits.remove(index);
        self.redo.push(edit);
        Some(self.changed())
    }

    fn changed(&mut self) -> Story {
        if let Some(p) = &mut self.project {
            match p.save(&self.edits) {
                Ok(None) => {}
                Ok(Some(moved)) => self.notices.push(moved),
                Err(e) => self.notices.push(e),
            }
        }
        self.derive()
    }

    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Edits whose target was not found in the last derived story.
    pub fn unapplied(&self) -> &[Unapplied] {
        &self.unapplied
    }

    pub fn can_undo(&self) -> Option<&Edit> {
        self.edits.last()
    }

    pub fn can_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    /// Where the edits are saved, if anywhere.
    pub fn project_path(&self) -> Option<&std::path::Path> {
        self.project.as_ref().map(|p| p.path.as_path())
    }

    pub fn analysed(&self) -> &Story {
        &self.analysed
    }
}
