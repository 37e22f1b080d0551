//! The user's corrections to a story: a log of [`Edit`]s replayed on top of every fresh
//! analysis. No GUI here, and no analysis but one call: a corrected publication date changes
//! what the analysis reads, so the story is analysed again with it ([`redated`]).
//!
//! Why a log and not a patched story: the analysis runs again on every open (a newer version
//! of it, or new articles in the folder), so positional ids (`p3`, `v12`) would point at other
//! things next time. Every edit therefore names its target by **stable keys**: an entity by its
//! name or one of its aliases, an event by its date and one of its source sentences (document
//! file and byte span), a document by its file. An edit whose target cannot be found any more is
//! reported as [`Unapplied`], never dropped silently.
//!
//! - [`apply`]: replays edits on a story, in order.
//! - [`date`]: reads what people type for a date ("Jan 9-10 2022", "early 2014").
//! - [`project`]: the project file beside the corpus, written atomically.
//! - [`session`]: the edit list of one window, with undo and redo.

pub mod apply;
pub mod date;
pub mod project;
pub mod session;

use serde::{Deserialize, Serialize};

use crate::story::{EntityKind, Event, Story, When};

pub use apply::{Unapplied, apply};
pub use project::Project;
pub use session::Session;

/// A source sentence (or any span) named by its document's file, not its positional id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SpanKey {
    pub file: String,
    pub start: usize,
    pub end: usize,
}

/// An event named by its date and one of its source sentences. The title is kept only to
/// name the event to the user when it cannot be found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventKey {
    pub date: String,
    pub mention: SpanKey,
    #[serde(default)]
    pub title: String,
}

impl EventKey {
    /// The key of `event` in `story` (its first source sentence); `None` for an event with no
    /// source sentence in a known document.
    pub fn of(story: &Story, event: &Event) -> Option<EventKey> {
        let m = event.mentions.first()?;
        let doc = story.document(&m.doc)?;
        Some(EventKey {
            date: event.when.value.clone(),
            mention: SpanKey {
                file: doc.file.clone(),
                start: m.start,
                end: m.end,
            },
            title: event.title.clone(),
        })
    }
}

/// One correction, as the project file records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// The entity's name becomes `name`; the old name stays as an alias.
    RenameEntity {
        entity: String,
        name: String,
    },
    /// `from` is the same as `into`: its names, mentions, events, links and quotes move over.
    MergeEntities {
        into: String,
        from: String,
    },
    SetEntityKind {
        entity: String,
        kind: EntityKind,
    },
    /// `alias` is someone else: it becomes an entity of its own with the mentions written so.
    SplitAlias {
        entity: String,
        alias: String,
    },
    /// Out of every view, link and event; kept in the story's `hidden` list.
    HideEntity {
        entity: String,
    },
    /// A false entity: gone with its mentions.
    DeleteEntity {
        entity: String,
    },
    RetitleEvent {
        event: EventKey,
        title: String,
    },
    /// A corrected date; `typed` is what the user wrote, `when` what it was read as.
    RedateEvent {
        event: EventKey,
        typed: String,
        when: When,
    },
    AddParticipant {
        event: EventKey,
        entity: String,
    },
    RemoveParticipant {
        event: EventKey,
        entity: String,
    },
    DeleteEvent {
        event: EventKey,
    },
    /// A source sentence that reports something else: it leaves the event and becomes an event
    /// of its own (same date, the people named in it).
    DetachSentence {
        event: EventKey,
        sentence: SpanKey,
    },
    /// A sentence the analysis did not make an event of: an event of its own, with the date
    /// and title the user gave and the people and places named in it.
    AddEvent {
        sentence: SpanKey,
        when: When,
        title: String,
    },
    /// `from` reports the same happening as `into`: its sentences and people move over.
    MergeEvents {
        into: EventKey,
        from: EventKey,
    },
    DeleteLink {
        a: String,
        b: String,
    },
    /// A link between two entities with a label (relabels an existing one).
    AddLink {
        a: String,
        b: String,
        label: String,
    },
    /// The document leaves the story (its sentences, mentions, dates and quotes with it).
    ExcludeDocument {
        file: String,
    },
    /// The document was published on `date` (ISO day): its relative dates ("on Tuesday",
    /// "last week") are resolved against it, so the story is analysed again ([`redated`]).
    DateDocument {
        file: String,
        date: String,
    },
}

impl Edit {
    /// Whether the edit changes what the sources are compared on — which sentences make an
    /// event, which documents and people the story holds, the names compared — so that the
    /// comparisons are read again after it. A new title or link changes none of it.
    pub fn reshapes_comparisons(&self) -> bool {
        !matches!(
            self,
            Edit::RetitleEvent { .. }
                | Edit::AddLink { .. }
                | Edit::DeleteLink { .. }
                | Edit::DateDocument { .. }
        )
    }

    /// A short description for menus and lists ("Rename “Lund” to “Ada Lund”").
    pub fn describe(&self) -> String {
        match self {
            Edit::RenameEntity { entity, name } => format!("Rename “{entity}” to “{name}”"),
            Edit::MergeEntities { into, from } => format!("Merge “{from}” into “{into}”"),
            Edit::SetEntityKind { entity, kind } => {
                format!("Make “{entity}” a{} {}", article(*kind), kind_name(*kind))
            }
            Edit::SplitAlias { entity, alias } => format!("Split “{alias}” off “{entity}”"),
            Edit::HideEntity { entity } => format!("Hide “{entity}”"),
            Edit::DeleteEntity { entity } => format!("Delete “{entity}”"),
            Edit::RetitleEvent { event, title } => {
                format!("Retitle “{}” as “{title}”", short(&event.title))
            }
            Edit::RedateEvent { event, typed, .. } => {
                format!("Date “{}” {typed}", short(&event.title))
            }
            Edit::AddParticipant { event, entity } => {
                format!("Add “{entity}” to “{}”", short(&event.title))
            }
            Edit::RemoveParticipant { event, entity } => {
                format!("Remove “{entity}” from “{}”", short(&event.title))
            }
            Edit::DeleteEvent { event } => format!("Delete “{}”", short(&event.title)),
            Edit::DetachSentence { event, sentence } => format!(
                "Move a sentence of {} out of “{}”",
                sentence.file,
                short(&event.title)
            ),
            Edit::AddEvent {
                sentence, title, ..
            } => {
                format!("Add the event “{}” from {}", short(title), sentence.file)
            }
            Edit::MergeEvents { into, from } => format!(
                "Merge “{}” into “{}”",
                short(&from.title),
                short(&into.title)
            ),
            Edit::DeleteLink { a, b } => format!("Delete the link {a} – {b}"),
            Edit::AddLink { a, b, label } => format!("Link {a} – {b} “{label}”"),
            Edit::ExcludeDocument { file } => format!("Exclude {file}"),
            Edit::DateDocument { file, date } => format!("Date {file} {date}"),
        }
    }
}

/// The word for an entity kind, as menus write it.
pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

fn article(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organization => "n",
        _ => "",
    }
}

/// A title cut at a word to about 40 characters, for descriptions.
fn short(title: &str) -> String {
    if title.chars().count() <= 40 {
        return title.to_string();
    }
    let cut: String = title.chars().take(40).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

/// The publication dates the edits give, in order (file, ISO day); the last one given for a
/// file counts.
pub fn document_dates(edits: &[Edit]) -> Vec<(String, String)> {
    edits
        .iter()
        .filter_map(|e| match e {
            Edit::DateDocument { file, date } => Some((file.clone(), date.clone())),
            _ => None,
        })
        .collect()
}

/// `analysed` with the publication dates of `edits` given to their documents: the story
/// analysed again ([`crate::analysis::redated`]); `None` when the edits give no date.
/// The one edit that changes what the analysis reads, so it is applied before it, not after.
pub fn redated(analysed: &Story, edits: &[Edit]) -> Option<Story> {
    let dates = document_dates(edits);
    (!dates.is_empty()).then(|| crate::analysis::redated(analysed, &dates))
}

/// For the command line: replays the saved edits of the corpus opened from `paths` (or those
/// of `file`) on `story`, touching no file. Returns one warning line per edit that did not
/// apply and for a file that cannot be read; a named `file` that does not exist is an error.
pub fn replay_saved(
    story: &mut Story,
    paths: &[std::path::PathBuf],
    file: Option<&std::path::Path>,
) -> Result<Vec<String>, String> {
    let project = match file {
        Some(f) if !f.is_file() => {
            return Err(format!("{}: no such edits file", f.display()));
        }
        Some(f) => Project::at(f),
        None => Project::for_paths(paths),
    };
    let opened = project.open(false);
    let mut warnings: Vec<String> = opened.notice.into_iter().collect();
    if let Some(again) = redated(story, &opened.edits) {
        *story = again;
    }
    let unapplied = apply(story, &opened.edits);
    if opened.edits.iter().any(Edit::reshapes_comparisons) {
        let sentences = crate::analysis::sentences_of(story);
        crate::analysis::compare_again(story, &sentences);
    }
    for u in unapplied {
        warnings.push(format!(
            "{}: edit {} ({}) not applied: {}",
            project.path.display(),
            u.index + 1,
            u.edit.describe(),
            u.reason
        ));
    }
    Ok(warnings)
}
