//! Small word-level helpers shared by the event and link stages: words with their offsets,
//! crude stems, function words, event nouns, attribution and negation cues, and short titles.
//!
//! One module per job: `words` (splitting and case-insensitive search), `vocabulary` (what
//! single words mean), `attribution` (names that only report) and `title` (short titles of
//! clauses); everything is used from here, as `text::...`.

mod attribution;
mod title;
mod vocabulary;
mod words;

pub use self::attribution::is_attribution;
pub use self::title::{title, title_of_words};
pub use self::vocabulary::{
    event_class, has_plural_pronoun, is_event_noun, is_kin_or_agent, is_negated, is_person_noun,
    is_saying, is_stopword, link_label, stem,
};
pub use self::words::{
    Tokenized, Word, Words, capitalize, find_ignoring_case, floor_char_boundary, lower,
    starts_ignoring_case, words,
};
