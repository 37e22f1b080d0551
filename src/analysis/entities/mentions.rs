//! Matching the known names back into every story sentence (headlines too), longest first,
//! a shared surname going to the person last named in full.

use rustc_hash::FxHashMap;

use crate::analysis::lexicon;
use crate::analysis::sentences::Sentence;
use crate::corpus::{Document, SectionKind};
use crate::story::{EntityKind, Mention};

use super::discover::is_name_word;
use super::table::Table;
use super::tokens::{Tok, is_capitalized, joins};

impl Table {
    /// Finds every known name in one sentence (`toks`, its words; headlines too), longest
    /// match first, as (entity, start, end). `last_full` is the document's last person named
    /// in full per surname, and where.
    pub(super) fn match_mentions(
        &self,
        doc: &Document,
        s: &Sentence,
        toks: &[Tok],
        last_full: &mut FxHashMap<String, (usize, usize)>,
        out: &mut Vec<(usize, usize, usize)>,
    ) {
        let text = &doc.text;
        let mut key = String::new();
        let mut key_ends: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !is_capitalized(toks[i].text) {
                i += 1;
                continue;
            }
            // The words that run on from here (a name never spans a break); the key of the
            // first n of them is a prefix of the key of the whole run.
            let limit = self.longest.min(toks.len() - i);
            let mut run = 1;
            while run < limit && joins(text, &toks[i + run - 1], &toks[i + run]) {
                run += 1;
            }
            key.clear();
            key_ends.clear();
            for (k, t) in toks[i..i + run].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(t.text);
                key_ends.push(key.len());
            }
            let matched = (1..=run)
                .rev()
                .find_map(|n| self.lookup(&key[..key_ends[n - 1]]).map(|found| (n, found)));
            let Some((n, candidates)) = matched else {
                i += 1;
                continue;
            };
            // A run that goes on in capitals past a one-word match is another name
            // ("Erik Lund" is not Lund), unless it is headline case or a role before it.
            let continues = i + n < toks.len()
                && joins(text, &toks[i + n - 1], &toks[i + n])
                && is_name_word(toks[i + n].text)
                && s.section == SectionKind::Body
                && n == 1
                && self.lookup(toks[i + n].text).is_none();
            if continues {
                i += n;
                continue;
            }
            let e = self.resolve(last_full, candidates, n, toks[i].start);
            let start = toks[i].start;
            let end = toks[i + n - 1].end;
            if self.entities[e].kind == EntityKind::Person && n > 1 {
                let last = toks[i + n - 1].text.to_string();
                last_full.insert(last, (e, end));
            }
            out.push((e, start, end));
            i += n;
        }
    }

    /// Records a mention found by [`Table::match_mentions`].
    pub(super) fn add_mention(&mut self, doc: &Document, e: usize, start: usize, end: usize) {
        self.entities[e].mentions.push(Mention {
            doc: doc.id.clone(),
            start,
            end,
        });
        let form = &doc.text[start..end];
        if !self.entities[e].forms.contains_key(form) {
            self.entities[e].forms.insert(form.to_string(), 0);
        }
    }

    /// The entities a name (words joined by single spaces) may mean: a known alias, or another
    /// spelling of a known place ("Kiev" for Kyiv).
    fn lookup(&self, name: &str) -> Option<&[usize]> {
        if let Some(found) = self.aliases.get(name) {
            return Some(found);
        }
        let place = lexicon::place(name)?;
        self.places.get(place.name).map(std::slice::from_ref)
    }

    /// Picks the entity a possibly shared alias means here: the person last named in full in
    /// this document, else the one most named overall.
    fn resolve(
        &self,
        last_full: &FxHashMap<String, (usize, usize)>,
        candidates: &[usize],
        n: usize,
        at: usize,
    ) -> usize {
        if candidates.len() == 1 || n > 1 {
            return candidates[0];
        }
        let surname = super::people::surname(&self.entities[candidates[0]].name).to_string();
        // A namesake named just before is meant ("Piotr Kowalczyk … Kowalczyk added");
        // further on, the surname goes back to the person the story is about.
        if let Some(&(e, end)) = last_full.get(&surname)
            && at.saturating_sub(end) < 300
        {
            return e;
        }
        *candidates
            .iter()
            .max_by_key(|&&c| {
                (
                    self.entities[c].forms.values().sum::<usize>(),
                    usize::MAX - c,
                )
            })
            .unwrap_or(&candidates[0])
    }
}
