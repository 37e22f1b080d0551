//! Pure functions from a [`Corpus`] to a [`Story`]: no GUI, no I/O.
//!
//! Stages, each in its own module: [`refdate`] (what each document's relative dates are
//! relative to) → [`sentences`] → [`timex`] (dates) beside [`entities`] → [`quotes`] beside
//! [`events`] → [`links`] → [`compare`] (what each outlet says of the same fact). Only
//! headline and body sections feed the story.

pub mod compare;
pub mod coref;
pub mod entities;
pub mod events;
pub mod ids;
pub mod lexicon;
pub mod links;
pub mod quotes;
pub mod refdate;
pub mod sentences;
pub mod text;
pub mod timex;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::corpus::{Corpus, DateBasis, Document};
use crate::progress::Progress;
use crate::story::{Story, Timex};

/// Analyses a corpus into a story.
pub fn analyze(corpus: Corpus) -> Story {
    analyze_with(corpus, &Progress::new()).unwrap_or_default()
}

/// [`analyze`], counting analysed documents into `progress` and stopping (`None`) between
/// stages once it is cancelled.
pub fn analyze_with(corpus: Corpus, progress: &Progress) -> Option<Story> {
    let Corpus {
        documents,
        warnings,
    } = corpus;
    // Documents in a language the analysis cannot read are kept for the views but withheld
    // from every stage (their load warning says so); they return in place at the end.
    let (mut documents, unread) = set_aside_unreadable(documents);
    progress.start_analysis(documents.len());
    let clock = StageClock::new();
    // Per-document stages run in parallel; order is kept, so the story is the same every run.
    // One parallel pass per document for its reference date and sentences: each pass is a
    // point where one slow document keeps the other cores waiting.
    let per_document: Vec<(Vec<sentences::Sentence>, Option<_>)> = documents
        .par_iter_mut()
        .map(|d| {
            let yearless = refdate::resolve(d);
            let split = sentences::split(d);
            progress.document_analysed();
            (split, yearless)
        })
        .collect();
    let mut sentences: HashMap<String, Vec<sentences::Sentence>> =
        HashMap::with_capacity(documents.len());
    let mut yearless = Vec::new();
    for (i, (d, (split, day))) in documents.iter().zip(per_document).enumerate() {
        sentences.insert(d.id.clone(), split);
        yearless.extend(day.map(|day| (i, day)));
    }
    // Wire datelines without a year take it from the rest of the corpus.
    refdate::settle(&mut documents, &yearless);
    if progress.is_cancelled() {
        return None;
    }
    clock.lap("refdates, sentences");
    progress.enter_step(0);
    // Names are found on all cores first; dates need no names, nor names dates, so they are
    // tagged beside the grouping of names into entities, whose serial start would otherwise
    // leave a core idle.
    let discovered = entities::discover_names(&documents, &sentences);
    let (timexes, found) = rayon::join(
        || {
            documents
                .par_iter()
                .flat_map_iter(|d| {
                    if progress.is_cancelled() {
                        Vec::new()
                    } else {
                        timexes_of(d)
                    }
                })
                .collect::<Vec<Timex>>()
        },
        || discovered.into_entities(),
    );
    // Articles without a date of their own take one from the dated happenings they share
    // with others; their dates are then tagged anew.
    let timexes = redate(&mut documents, &sentences, timexes);
    clock.lap("dates and entities");
    if progress.is_cancelled() {
        return None;
    }
    progress.enter_step(1);
    let references = coref::resolve(&documents, &sentences, &found);
    clock.lap("references");
    let candidates = events::candidates(&documents, &sentences, &timexes, &found, &references);
    // Quotes need only the entities: found beside event merging, which is mostly serial,
    // they keep the other cores busy.
    let (quotes, events) = rayon::join(
        || {
            let quotes = quotes::extract(&documents, &sentences, &found.entities);
            progress.enter_step(2);
            quotes
        },
        || events::merge(candidates, &found),
    );
    clock.lap("quotes and events");
    progress.enter_step(3);
    let links = links::extract(
        &documents,
        &sentences,
        &events,
        &found,
        &references,
        &quotes,
    );
    clock.lap("links");
    let mut story = Story::new();
    for (at, doc) in unread {
        documents.insert(at, doc);
    }
    story.documents = documents;
    story.entities = found.entities;
    story.events = events;
    story.links = links;
    story.quotes = quotes;
    story.timexes = timexes;
    story.warnings = warnings;
    ids::stabilize(&mut story);
    // After the ids are final: comparisons name their events.
    story.comparisons = compare::compare(&story, &sentences);
    clock.lap("comparison");
    progress.finish();
    Some(story)
}

/// The story of `analysed`'s corpus analysed again with the publication dates a person gave
/// (`dates`: file, ISO day): each such document's relative dates are resolved against its new
/// date, and the dates the analysis inferred for the other articles are inferred again, now
/// with the corrected one among them. Dates that came from the files (manifest, metadata, a
/// dateline) stay.
pub fn redated(analysed: &Story, dates: &[(String, String)]) -> Story {
    redated_with(analysed, dates, &Progress::new()).unwrap_or_default()
}

/// [`redated`], reporting to `progress` and stopping (`None`) when it is cancelled: a window
/// drops an analysis that a newer date has made useless.
pub fn redated_with(
    analysed: &Story,
    dates: &[(String, String)],
    progress: &Progress,
) -> Option<Story> {
    let documents = analysed
        .documents
        .iter()
        .map(|d| {
            let mut d = d.clone();
            if let Some((_, date)) = dates.iter().rev().find(|(file, _)| *file == d.file) {
                d.published = Some(date.clone());
                d.published_basis = DateBasis::User;
            } else if !matches!(
                d.published_basis,
                DateBasis::Manifest | DateBasis::Metadata | DateBasis::Dateline | DateBasis::User
            ) {
                d.published = None;
                d.published_basis = DateBasis::None;
            }
            d
        })
        .collect();
    analyze_with(
        Corpus {
            documents,
            warnings: analysed.warnings.clone(),
        },
        progress,
    )
}

/// The sentences of every document of `story`, split as the analysis splits them: what
/// [`compare_again`] reads, kept by a caller that compares more than once.
pub fn sentences_of(story: &Story) -> HashMap<String, Vec<sentences::Sentence>> {
    // Articles the analysis cannot read were never compared: they give no sentences.
    story
        .documents
        .par_iter()
        .filter(|d| d.about.reads_english())
        .map(|d| (d.id.clone(), sentences::split(d)))
        .collect()
}

/// Compares the sources of `story` again, after a person changed what it holds (events
/// merged or split, a document excluded, a participant removed): the comparisons are read
/// from the story's events and documents as they are now. `sentences` from [`sentences_of`].
pub fn compare_again(story: &mut Story, sentences: &HashMap<String, Vec<sentences::Sentence>>) {
    story.comparisons = compare::compare(story, sentences);
}

/// Splits off the documents the analysis cannot read (see `About::reads_english`), each with
/// its position in the corpus, in order.
fn set_aside_unreadable(documents: Vec<Document>) -> (Vec<Document>, Vec<(usize, Document)>) {
    let mut read = Vec::with_capacity(documents.len());
    let mut unread = Vec::new();
    for (i, d) in documents.into_iter().enumerate() {
        if d.about.reads_english() {
            read.push(d);
        } else {
            unread.push((i, d));
        }
    }
    (read, unread)
}

/// Re-dates by [`refdate::anchor`] and tags the re-dated documents anew, keeping the
/// timexes in document order. Articles anchored in one round can anchor others in the next.
fn redate(
    documents: &mut [Document],
    sentences: &HashMap<String, Vec<sentences::Sentence>>,
    mut timexes: Vec<Timex>,
) -> Vec<Timex> {
    for _ in 0..ANCHOR_ROUNDS {
        let redated = refdate::anchor(documents, sentences, &timexes);
        if redated.is_empty() {
            break;
        }
        let ids: std::collections::HashSet<&str> =
            redated.iter().map(|&i| documents[i].id.as_str()).collect();
        let mut old: HashMap<String, Vec<Timex>> = HashMap::new();
        for t in timexes {
            old.entry(t.doc.clone().unwrap_or_default())
                .or_default()
                .push(t);
        }
        timexes = documents
            .iter()
            .flat_map(|d| {
                if ids.contains(d.id.as_str()) {
                    timexes_of(d)
                } else {
                    old.remove(&d.id).unwrap_or_default()
                }
            })
            .collect();
    }
    timexes
}

/// Rounds of [`refdate::anchor`]: a chain of articles each dated by the one before is short.
const ANCHOR_ROUNDS: usize = 3;

/// The temporal expressions of a document's headline and body, resolved against its
/// reference date.
fn timexes_of(doc: &Document) -> Vec<Timex> {
    let reference = doc
        .published
        .as_deref()
        .and_then(|d| d.parse().ok())
        .map(|date| {
            if doc.published_basis.is_exact() {
                timex::Reference::Exact(date)
            } else {
                timex::Reference::Approximate(date)
            }
        });
    let mut out = Vec::new();
    for section in doc.sections.iter().filter(|s| s.kind.feeds_story()) {
        for mut t in timex::tag_with(&doc.text[section.start..section.end], reference) {
            t.start += section.start;
            t.end += section.start;
            t.doc = Some(doc.id.clone());
            out.push(t);
        }
    }
    out
}

/// Stage times on stderr when `NEWSLINE_STAGE_TIMES` is set (for finding slow stages).
struct StageClock {
    last: std::cell::Cell<std::time::Instant>,
    on: bool,
}

impl StageClock {
    fn new() -> Self {
        StageClock {
            last: std::cell::Cell::new(std::time::Instant::now()),
            on: std::env::var_os("NEWSLINE_STAGE_TIMES").is_some(),
        }
    }

    fn lap(&self, stage: &str) {
        if self.on {
            let now = std::time::Instant::now();
            eprintln!(
                "newsline: stage {stage}: {:.3} s",
                (now - self.last.get()).as_secs_f64()
            );
            self.last.set(now);
        }
    }
}
