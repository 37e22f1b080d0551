//! Reference dates from the other articles of the corpus: an article that gives no date of
//! its own still reports happenings other articles date. "The crane collapsed late Friday"
//! beside another article's "the Jan. 5 collapse of the crane" says the first was written on
//! or after that Friday, 5 January, and within the week after it (a weekday names a day of
//! the past week).
//!
//! Each weekday or "yesterday" an undated article reports in the past is matched with the
//! sentences of other articles that write out a day ("Jan. 5", "January 5, 2024", or any
//! day an exactly dated article tells): a match shares rare words (inverse document
//! frequency, so the story's own name weighs little) and falls on the same weekday. The
//! strongest matches that agree bound the reference date; the article is taken to be written
//! the day after the earliest day they allow, as most reports are. Matching needs dated
//! articles, so it runs after the dates are tagged, and the re-dated articles are tagged anew.

use std::collections::HashMap;

use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};

use super::past::{latest_past_year, reads_as_past};
use crate::analysis::lexicon::{is_calendar_word, is_org_head, is_role_head};
use crate::analysis::sentences::Sentence;
use crate::analysis::text::{self, is_stopword, words};
use crate::corpus::{DateBasis, Document};
use crate::story::{Timex, TimexType};

/// The least summed rarity (natural-log inverse document frequency) of the words a dated
/// sentence shares with an undated one for both to report the same happening, in words found
/// in one article only (whose rarity grows with the corpus: ln of its size).
const MIN_MATCH_RARE_WORDS: f64 = 1.6;
/// The least number of such shared words.
const MIN_SHARED_WORDS: usize = 3;
/// The least number of shared words that say what happened (not who or where): two reports
/// of one coach are not two reports of one happening.
const MIN_SHARED_HAPPENING_WORDS: usize = 1;
/// Words in more than this share of the articles are the story's own and prove nothing.
const COMMON_SHARE: f64 = 0.5;
/// Days beyond the corpus's exact dates a yearless day's other years may fall.
const YEAR_SLACK_DAYS: i64 = 92;
/// Days after a weekday's date an article may still name it by its weekday alone.
const WEEKDAY_REACH_DAYS: i64 = 6;

/// What an undated article's time word says of the day it was written, given the day it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mention {
    /// "on Friday": written that day or in the six days after.
    Weekday(i8),
    /// "yesterday": written the day after.
    Yesterday,
}

/// What an undated article's sentence says of a day, and its words.
type Asked = (Mention, Vec<Stem>);

/// A sentence that names a day, and the day (one entry per year the day may fall in).
struct Dated {
    date: Date,
    doc: usize,
    stems: Vec<Stem>,
}

/// A content word's stem, and whether it can say what happened: written in lower case and no
/// role ("coach"), so no name, title, organization or place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Stem {
    text: String,
    happening: bool,
}

/// One match: the reference date lies in `lo..=hi`; `score` is the match's strength.
#[derive(Debug, Clone, Copy)]
struct Bound {
    lo: Date,
    hi: Date,
    score: f64,
}

/// Dates the articles whose reference date is missing or approximate from the happenings they
/// share with dated articles ([`DateBasis::Anchored`]). Returns the indices of the articles
/// re-dated, whose dates must be tagged anew.
pub fn anchor(
    docs: &mut [Document],
    sentences: &HashMap<String, Vec<Sentence>>,
    timexes: &[Timex],
) -> Vec<usize> {
    let undated: Vec<usize> = (0..docs.len())
        .filter(|&i| !has_exact_date(&docs[i]))
        .collect();
    if undated.is_empty() || undated.len() == docs.len() {
        return Vec::new();
    }
    let mut by_doc: FxHashMap<&str, Vec<&Timex>> = FxHashMap::default();
    for t in timexes {
        if let Some(d) = t.doc.as_deref() {
            by_doc.entry(d).or_default().push(t);
        }
    }
    let no_sentences = Vec::new();
    let sentences_of = |d: &Document| sentences.get(&d.id).unwrap_or(&no_sentences);
    let no_timexes = Vec::new();
    let timexes_of = |d: &Document| by_doc.get(d.id.as_str()).unwrap_or(&no_timexes);

    let span = exact_span(docs);
    // The dated sentences of the dated articles and, per undated article, its mentions.
    let mut pool: Vec<Dated> = Vec::new();
    let mut asked: Vec<(usize, Vec<Asked>)> = Vec::new();
    let mut df: FxHashMap<String, u32> = FxHashMap::default();
    let mut count_doc = |stems: &mut dyn Iterator<Item = &Stem>| {
        let unique: FxHashSet<&str> = stems.map(|s| s.text.as_str()).collect();
        for s in unique {
            *df.entry(s.to_string()).or_default() += 1;
        }
    };
    for (i, doc) in docs.iter().enumerate() {
        let exact = has_exact_date(doc);
        let mut mentions = Vec::new();
        let first = pool.len();
        for t in timexes_of(doc) {
            if t.kind != TimexType::Date {
                continue;
            }
            let Some(s) = sentence_at(sentences_of(doc), t.start) else {
                continue;
            };
            if let Some(date) = day_of(&t.value) {
                let stems = stems(&doc.text, s);
                for date in years_of(date, exact || has_year(&t.text), span) {
                    pool.push(Dated {
                        date,
                        stems: stems.clone(),
                        doc: i,
                    });
                }
            } else if exact {
                continue;
            } else if let Some(m) = mention(t)
                && reads_as_past(&doc.text, t.start, t.end)
            {
                mentions.push((m, stems(&doc.text, s)));
            }
        }
        count_doc(
            &mut pool[first..]
                .iter()
                .flat_map(|d| &d.stems)
                .chain(mentions.iter().flat_map(|(_, s)| s)),
        );
        if !exact && !mentions.is_empty() {
            asked.push((i, mentions));
        }
    }
    let n = docs.len() as f64;
    let rarity = |stem: &str| -> f64 {
        let f = f64::from(df.get(stem).copied().unwrap_or(1).max(1));
        if f / n > COMMON_SHARE {
            0.0
        } else {
            (n / f).ln()
        }
    };
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (k, d) in pool.iter().enumerate() {
        for s in &d.stems {
            if rarity(&s.text) > 0.0 {
                index.entry(s.text.as_str()).or_default().push(k);
            }
        }
    }

    let mut redated = Vec::new();
    for (i, mentions) in asked {
        let mut bounds = Vec::new();
        for (mention, words) in &mentions {
            if let Some(b) = best_match(*mention, words, i, n, &pool, &index, &rarity) {
                bounds.push(b);
            }
        }
        let floor = approximate_floor(&docs[i]);
        if let Some(date) = settle_bounds(bounds, floor) {
            docs[i].published = Some(date.to_string());
            docs[i].published_basis = DateBasis::Anchored;
            redated.push(i);
        }
    }
    redated
}

/// The first and last exact reference dates of the corpus.
fn exact_span(docs: &[Document]) -> Option<(Date, Date)> {
    let mut dates = docs
        .iter()
        .filter(|d| has_exact_date(d))
        .filter_map(|d| d.published.as_deref()?.parse::<Date>().ok());
    let first = dates.next()?;
    Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
}

/// The dates a dated day may be: itself when its year is known (written, or an exact
/// reference's); else itself and the same day in the year before or after when that falls
/// within the corpus's span of exact dates ([`YEAR_SLACK_DAYS`] either side). An approximate
/// reference guesses the year of "Nov. 11" from the middle of the corpus, which can be a year
/// off; the weekday a match must agree with picks among them.
fn years_of(date: Date, year_known: bool, span: Option<(Date, Date)>) -> Vec<Date> {
    if year_known {
        return vec![date];
    }
    let Some((first, last)) = span else {
        return vec![date];
    };
    let slack = jiff::Span::new().days(YEAR_SLACK_DAYS);
    let (Ok(from), Ok(to)) = (first.checked_sub(slack), last.checked_add(slack)) else {
        return vec![date];
    };
    let mut out = vec![date];
    out.extend(
        [-1i16, 1]
            .iter()
            .filter_map(|dy| Date::new(date.year() + dy, date.month(), date.day()).ok())
            .filter(|d| (from..=to).contains(d)),
    );
    out
}

/// Whether a time expression writes its year ("Nov. 11, 2022", "2022-11-11").
fn has_year(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

fn has_exact_date(doc: &Document) -> bool {
    doc.published.is_some() && doc.published_basis.is_exact()
}

/// A date the article's own text gives as a floor: the latest day it reports (approximate
/// basis [`DateBasis::Text`]); none for a date guessed from the corpus.
fn approximate_floor(doc: &Document) -> Option<Date> {
    let approximate = (doc.published_basis == DateBasis::Text)
        .then(|| doc.published.as_deref()?.parse().ok())
        .flatten();
    // Nor before the latest year it tells in the past: an article recalling 1999 was not
    // written in 1998, whatever a like sentence of another article says.
    let year = latest_past_year(&doc.text, &doc.sections).and_then(|y| Date::new(y, 1, 1).ok());
    approximate.max(year)
}

/// The strongest dated sentence of another article that reports what `words` report on a
/// day `mention` allows.
fn best_match(
    mention: Mention,
    words: &[Stem],
    doc: usize,
    n_docs: f64,
    pool: &[Dated],
    index: &FxHashMap<&str, Vec<usize>>,
    rarity: &dyn Fn(&str) -> f64,
) -> Option<Bound> {
    // Per dated sentence: summed rarity, shared words, shared words of happening.
    let mut scores: FxHashMap<usize, (f64, usize, usize)> = FxHashMap::default();
    for w in words {
        let r = rarity(&w.text);
        for &k in index.get(w.text.as_str()).into_iter().flatten() {
            if pool[k].doc == doc {
                continue;
            }
            let e = scores.entry(k).or_default();
            e.0 += r;
            e.1 += 1;
            let happening = w.happening
                && pool[k]
                    .stems
                    .binary_search_by(|s| s.text.cmp(&w.text))
                    .is_ok_and(|j| pool[k].stems[j].happening);
            e.2 += usize::from(happening);
        }
    }
    let (k, (score, ..)) = scores
        .into_iter()
        .filter(|&(k, (score, shared, happening))| {
            score >= MIN_MATCH_RARE_WORDS * n_docs.ln()
                && shared >= MIN_SHARED_WORDS
                && happening >= MIN_SHARED_HAPPENING_WORDS
                && match mention {
                    Mention::Weekday(w) => pool[k].date.weekday().to_monday_one_offset() == w,
                    Mention::Yesterday => true,
                }
        })
        .max_by(|a, b| a.1.0.total_cmp(&b.1.0).then(b.0.cmp(&a.0)))?;
    let date = pool[k].date;
    let (lo, hi) = match mention {
        Mention::Weekday(_) => (
            date,
            date.checked_add(jiff::Span::new().days(WEEKDAY_REACH_DAYS))
                .ok()?,
        ),
        Mention::Yesterday => {
            let next = date.tomorrow().ok()?;
            (next, next)
        }
    };
    Some(Bound { lo, hi, score })
}

/// The reference date the bounds allow: the strongest first, then every other that agrees
/// with what is allowed so far; the day after the earliest allowed day, within them.
fn settle_bounds(mut bounds: Vec<Bound>, floor: Option<Date>) -> Option<Date> {
    bounds.sort_by(|a, b| b.score.total_cmp(&a.score));
    let first = bounds.first()?;
    let (mut lo, mut hi) = (first.lo, first.hi);
    if let Some(f) = floor {
        if f > hi {
            return None;
        }
        lo = lo.max(f);
    }
    for b in &bounds[1..] {
        if b.lo <= hi && b.hi >= lo {
            lo = lo.max(b.lo);
            hi = hi.min(b.hi);
        }
    }
    let next = lo.tomorrow().ok()?;
    Some(if next <= hi { next } else { lo })
}

/// What a tagged time word of an undated article says, if it names a day of the last week.
fn mention(t: &Timex) -> Option<Mention> {
    if let Some(d) = t.value.strip_prefix("XXXX-WXX-") {
        let d: i8 = d.parse().ok()?;
        return (1..=7).contains(&d).then_some(Mention::Weekday(d));
    }
    t.text
        .eq_ignore_ascii_case("yesterday")
        .then_some(Mention::Yesterday)
}

/// A day-granular TIMEX value ("2024-01-05"), not a week, month or time of day.
fn day_of(value: &str) -> Option<Date> {
    (value.len() == 10).then(|| value.parse().ok()).flatten()
}

/// The sentence of a document holding byte `at`, if it is headline or body text.
fn sentence_at(sentences: &[Sentence], at: usize) -> Option<&Sentence> {
    let i = sentences.partition_point(|s| s.end <= at);
    sentences
        .get(i)
        .filter(|s| s.start <= at && s.section.feeds_story())
}

/// A common noun that names who takes part rather than what happened: a role ("coach"), a
/// kind of organization ("federation") or of person ("passengers").
fn names_a_party(lower: &str) -> bool {
    is_role_head(lower) || is_org_head(&text::capitalize(lower)) || text::is_person_noun(lower)
}

/// The stems of a sentence's content words, sorted by stem: no function or calendar words,
/// no single letters.
fn stems(text: &str, s: &Sentence) -> Vec<Stem> {
    let mut out: Vec<Stem> = words(text, s.start, s.end)
        .filter_map(|w| {
            let lower = text::lower(w.text);
            let numeric = lower.bytes().next().is_some_and(|b| b.is_ascii_digit());
            if (lower.len() < 3 && !numeric) || is_stopword(&lower) || is_calendar_word(w.text) {
                return None;
            }
            let happening = !numeric && *lower == *w.text && !names_a_party(&lower);
            Some(Stem {
                text: text::stem(&lower).to_string(),
                happening,
            })
        })
        .collect();
    out.sort_unstable();
    // One entry per stem, a word of happening if any of its words is.
    out.dedup_by(|later, kept| {
        if later.text == kept.text {
            kept.happening |= later.happening;
            true
        } else {
            false
        }
    });
    out
}
