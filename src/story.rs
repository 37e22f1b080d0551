//! The analysed story: one serde model that is the single truth for views and exports.
//!
//! Its serialized form *is* the `newsline/1` export (see DESIGN.md): every offset is a UTF-8
//! byte offset into the owning document's `text`, half-open `[start, end)`.

use serde::{Deserialize, Serialize};

use crate::corpus::Document;

/// Schema tag written at the top of every JSON export.
pub const SCHEMA: &str = "newsline/1";

/// Everything the analysis found in a corpus.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Story {
    pub schema: String,
    pub documents: Vec<Document>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub links: Vec<Link>,
    pub quotes: Vec<Quote>,
    pub timexes: Vec<Timex>,
    /// What each outlet says about the same fact, side by side (source comparison).
    #[serde(default)]
    pub comparisons: Vec<Comparison>,
    /// Problems met while reading the corpus (bad files), kept so views can list them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::corpus::LoadWarning>,
    /// Entities a person hid: out of every view and link, kept here so they can come back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<Entity>,
    /// Files a person excluded from the story (their documents are gone from it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A span of text in one document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

/// A person, organization or place with every name it goes by.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
    /// A person changed it (renamed, merged, kind fixed): the export says `"edited": true`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub edited: bool,
}

/// How precise a date is; the timeline draws days as points and coarser dates as spans.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
}

/// When something happened: the TIMEX3 value and the calendar interval it covers.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct When {
    pub value: String,
    /// First day covered (ISO 8601).
    pub start: String,
    /// Last day covered, inclusive (ISO 8601).
    pub end: String,
    pub granularity: Granularity,
}

/// A dated happening, with one mention per source sentence that reports it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub when: When,
    pub participants: Vec<String>,
    pub mentions: Vec<Mention>,
    /// A person changed it (title, date, participants, merged): `"edited": true` in the export.
    #[serde(default, skip_serializing_if = "is_false")]
    pub edited: bool,
}

/// A tie between two entities with the events that justify it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Link {
    pub a: String,
    pub b: String,
    pub weight: f64,
    pub label: String,
    pub events: Vec<String>,
    /// Added or relabelled by a person: `"edited": true` in the export.
    #[serde(default, skip_serializing_if = "is_false")]
    pub edited: bool,
}

/// A quotation and who said it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    pub speaker: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression found in a text, normalized to a TIMEX3 value.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Timex {
    /// Owning document; absent in `newsline timex` output, which reads a single text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: String,
    /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, `BEFORE`, ...), when the text qualifies the date.
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// Whether the outlets that state a fact agree.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every source that states it says the same (approximations within their tolerance).
    Agree,
    /// At least two sources state values that cannot both be true.
    Differ,
    /// Only one source states it.
    Single,
}

/// One fact as several outlets state it: the duration of a call, what a count counts, who
/// asked for a meeting. Offsets are byte offsets into the document's text, like mentions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Comparison {
    /// The event the fact belongs to; `null` for a fact of the whole story ("troops at the
    /// border") that is tied to no one event.
    pub event: Option<String>,
    /// `duration`, `elapsed`, `count`, `money`, `percentage`, `length`, `age`, `date`,
    /// `place`, `participants`, `initiator` or `characterisation`.
    pub fact: String,
    /// What is counted or measured ("troops", "call"), or whose side characterises.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub about: String,
    pub verdict: Verdict,
    /// How far apart the values are, for sorting: 0 when they agree; for numbers the gap
    /// between the nearest readings over the larger figure, for dates days over days + 7,
    /// for names and wordings the share of words not in common.
    #[serde(default)]
    pub difference: f64,
    /// What the verdict rests on, in words ("within tolerance: ...", "2 of 5 sources say").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub values: Vec<ComparedValue>,
    /// Documents that report the event but do not state this fact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub silent: Vec<String>,
}

/// One outlet's wording of a compared fact.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ComparedValue {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Normalised so values compare: a TIMEX3 value (`PT50M`, `2022-01-10`), a number with
    /// its unit (`90000`, `44000000000 USD`, `6.4 m`, `5%`), or entity names.
    pub value: String,
    /// TIMEX3-style qualifier of an approximation: `APPROX`, `LESS_THAN`, `MORE_THAN`,
    /// `EQUAL_OR_MORE`, `EQUAL_OR_LESS`.
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// Who the text says states it (characterisations), when it names someone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_by: Option<String>,
    /// The sentence stating it, `[start, end)`, so a view can show it in context.
    pub sentence: [usize; 2],
}

impl Story {
    /// An empty story with the schema tag set.
    pub fn new() -> Self {
        Story {
            schema: SCHEMA.to_string(),
            ..Default::default()
        }
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Events an entity takes part in.
    pub fn events_of<'a>(&'a self, entity: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        self.events
            .iter()
            .filter(move |e| e.participants.iter().any(|p| p == entity))
    }

    /// Temporal expressions found in one document.
    pub fn timexes_in<'a>(&'a self, doc: &'a str) -> impl Iterator<Item = &'a Timex> + 'a {
        self.timexes
            .iter()
            .filter(move |t| t.doc.as_deref() == Some(doc))
    }
}
