//! Personal names read into their parts, and the rules by which two written names are one
//! person: "Jon Halvorsen" and "Jon S. Halvorsen", "Tom Berg" and "Thomas Berg", "Hasheem
//! Haddad" and "Hashim Haddad", "Moe Berg" and "Lena Moe-Berg", "Okafor" and "Rina Okafor" —
//! while "Haroun Haddad" and his son "Hashim Haddad", or "Marta" and "Piotr Kowalczyk", stay
//! two people.

use std::collections::{BTreeMap, HashMap};

use crate::analysis::lexicon;
use crate::story::EntityKind;

use super::table::Draft;

/// Words after a surname that are not one: "Per T. Dahl III", "Martin Luther King Jr.".
pub fn is_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.']),
        "Jr" | "Sr" | "II" | "III" | "IV" | "V"
    )
}

/// The surname of a written name: its last word that is not a suffix ("Dahl" of "Per T. Dahl
/// III").
pub fn surname(name: &str) -> &str {
    let last = name
        .split_whitespace()
        .rev()
        .find(|w| !is_suffix(w))
        .unwrap_or(name);
    // "Megrahi" of "Ali al-Megrahi".
    lexicon::after_name_article(last).unwrap_or(last)
}

/// A word folded for comparison: lower case, without hyphens, apostrophes, dots or accents
/// ("Moe-Berg" and "Moe Berg", "O'Dowd" and "O´Dowd").
pub fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// A person's name in parts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Parts {
    /// The first word, when the name has more than its surname.
    given: Option<String>,
    /// The surname, folded.
    surname: String,
    /// The whole name folded into one word: "Moe Berg" is "moeberg".
    whole: String,
}

fn parts(name: &str) -> Parts {
    let words: Vec<&str> = name.split_whitespace().filter(|w| !is_suffix(w)).collect();
    let last = words.last().copied().unwrap_or(name);
    // "Bin Laden" opening a sentence is the surname of "Osama bin Laden", not a given name.
    // "Von der Leyen" too, though "Von" is also a given name.
    let particle = words.first().is_some_and(|w| {
        let w = w.to_lowercase();
        lexicon::is_name_particle(&w)
            && (!lexicon::is_given_name(words[0])
                || words
                    .get(1)
                    .is_some_and(|n| lexicon::is_particle_pair(&w, n)))
    });
    Parts {
        given: (words.len() >= 2 && !particle).then(|| words[0].trim_end_matches('.').to_string()),
        // "Megrahi" is the surname of "Ali al-Megrahi".
        surname: fold(lexicon::after_name_article(last).unwrap_or(last)),
        whole: words.iter().map(|w| fold(w)).collect(),
    }
}

/// "Juan Miguel", a name of given names only: the one person whose longer name opens with
/// them ("Juan Miguel Gonzalez"), if exactly one does and is written as often (a longer
/// name seen once is more likely a name run on into a word: "Margaret Hamilton Lego").
fn forenames_of(drafts: &[Draft], people: &[usize], i: usize) -> Vec<usize> {
    let words: Vec<&str> = drafts[i].name.split_whitespace().collect();
    if words.len() < 2 || !words.iter().all(|w| lexicon::is_given_name(w)) {
        return Vec::new();
    }
    let opens_with = |j: usize| {
        let theirs: Vec<&str> = drafts[j].name.split_whitespace().collect();
        theirs.len() > words.len() && theirs.iter().zip(&words).all(|(a, b)| fold(a) == fold(b))
    };
    let found: Vec<usize> = people
        .iter()
        .copied()
        .filter(|&j| j != i && opens_with(j))
        .collect();
    let written = |j: usize| drafts[j].forms.values().sum::<usize>();
    if found.iter().any(|&j| written(j) < written(i)) {
        return Vec::new();
    }
    if found.len() == 1 { found } else { Vec::new() }
}

/// The edit distance of two short words (at most a few letters differ).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut prev = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let here = row[j];
            row[j] = (row[j] + 1)
                .min(row[j - 1] + 1)
                .min(prev + usize::from(a[i - 1] != b[j - 1]));
            prev = here;
        }
    }
    row[b.len()]
}

/// Two spellings of one word: the same when folded, or (for words of five letters or more,
/// starting alike) at most two letters apart ("Hashim" and "Hasheem", "Andersen" and
/// "Andresen").
fn variant(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    fa == fb
        || fa.chars().count() >= 5
            && fb.chars().count() >= 5
            && fa.chars().next() == fb.chars().next()
            && distance(&fa, &fb) <= 2
}

/// Whether two given names can be one person's: variants of one spelling, nicknames
/// ("Tom" and "Thomas", "Liz" and "Elizabeth"), or one the other's initial ("T." of
/// "Tomas"); never a man's name and a woman's.
fn same_given(a: &str, b: &str) -> bool {
    let sexes = (lexicon::sex_of_given_name(a), lexicon::sex_of_given_name(b));
    if let (Some(x), Some(y)) = sexes
        && x != y
    {
        return false;
    }
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    variant(a, b)
        || lexicon::are_nicknames(a, b)
        || initial(a, b)
        || initial(b, a)
        || (a.len() >= 4 && b.starts_with(a))
        || (b.len() >= 4 && a.starts_with(b))
}

/// Folds into one person every name that names the same one: a surname alone into the one
/// full name with that surname; a full name into another with the same or a variant given
/// name and the same surname (or a variant of it, with the same given name). Where a short
/// name could be two people ("Kowalczyk" of Marta or Piotr), it stays apart.
pub(super) fn merge_people(drafts: &mut Vec<Draft>) {
    let people: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].kind == EntityKind::Person)
        .collect();
    let parts: HashMap<usize, Parts> = people
        .iter()
        .map(|&i| (i, parts(&drafts[i].name)))
        .collect();
    // Full names by surname and by the first letter of their surname: a name only folds
    // into one whose surname is a variant of its own, so only those are compared.
    let mut full_by_initial: HashMap<char, Vec<usize>> = HashMap::new();
    for &i in &people {
        if parts[&i].given.is_some()
            && let Some(c) = parts[&i].surname.chars().next()
        {
            full_by_initial.entry(c).or_default().push(i);
        }
    }
    let length = |i: usize| drafts[i].name.split_whitespace().count();
    let mention_count = |i: usize| drafts[i].forms.values().sum::<usize>();
    let mut into: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in &people {
        let p = &parts[&i];
        let Some(c) = p.surname.chars().next() else {
            continue;
        };
        let candidates = full_by_initial.get(&c).map_or(&[][..], Vec::as_slice);
        let targets: Vec<usize> = match &p.given {
            // "Okafor", "Moe Berg": a surname alone, or written in two words; else a given
            // name alone ("Haroun and Hashim Haddad", "Liz"), when it is nobody's surname.
            None => {
                let by_surname: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&j| j != i && parts[&j].surname == p.surname)
                    .collect();
                let a_surname = people.iter().any(|&j| {
                    j != i && parts[&j].given.is_some() && parts[&j].surname == p.surname
                });
                if by_surname.is_empty() && !a_surname {
                    people
                        .iter()
                        .copied()
                        .filter(|&j| {
                            j != i
                                && parts[&j]
                                    .given
                                    .as_deref()
                                    .is_some_and(|g| fold(g) == p.surname)
                        })
                        .collect()
                } else {
                    by_surname
                }
            }
            Some(given) => {
                // "Moe Berg" is "Moe-Berg" written in two words.
                let glued_initial = p.whole.chars().next().unwrap_or(c);
                let glued: Vec<usize> = full_by_initial
                    .get(&glued_initial)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .copied()
                    .filter(|&j| j != i && parts[&j].surname == p.whole && length(j) > 1)
                    .collect();
                if !glued.is_empty() {
                    glued
                } else {
                    candidates
                        .iter()
                        .copied()
                        .filter(|&j| j != i)
                        .filter(|&j| {
                            let q = &parts[&j];
                            let Some(other) = &q.given else {
                                return false;
                            };
                            let same_surname = q.surname == p.surname;
                            (same_surname && same_given(given, other))
                                || (fold(given) == fold(other) && variant(&p.surname, &q.surname))
                        })
                        // Fold the less written form into the more written one.
                        .filter(|&j| {
                            (length(j), mention_count(j), std::cmp::Reverse(j))
                                > (length(i), mention_count(i), std::cmp::Reverse(i))
                        })
                        .collect()
                }
            }
        };
        let targets = if targets.is_empty() && p.given.is_some() {
            forenames_of(drafts, &people, i)
        } else {
            targets
        };
        // Only when every candidate is one person: two different given names stay apart.
        let one_person = targets.windows(2).all(|w| {
            let (a, b) = (&parts[&w[0]], &parts[&w[1]]);
            match (&a.given, &b.given) {
                (Some(x), Some(y)) => same_given(x, y) && a.surname == b.surname,
                _ => false,
            }
        });
        if !targets.is_empty() && one_person {
            let best = *targets
                .iter()
                .max_by_key(|&&j| (length(j), mention_count(j), std::cmp::Reverse(j)))
                .unwrap_or(&targets[0]);
            into.insert(i, best);
        }
    }
    let mut removed = vec![false; drafts.len()];
    for (&from, &to) in &into {
        let mut to = to;
        let mut hops = 0;
        while let Some(&next) = into.get(&to) {
            to = next;
            hops += 1;
            if hops > into.len() {
                break;
            }
        }
        if to == from {
            continue;
        }
        let src = drafts[from].clone();
        let dst = &mut drafts[to];
        for (form, n) in src.forms {
            *dst.forms.entry(form).or_default() += n;
        }
        for r in src.roles {
            if !dst.roles.iter().any(|x| x.eq_ignore_ascii_case(&r)) {
                dst.roles.push(r);
            }
        }
        dst.first_seen = dst.first_seen.clone().min(src.first_seen);
        removed[from] = true;
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_skip_suffixes_and_fold() {
        assert_eq!(surname("Per T. Dahl III"), "Dahl");
        assert_eq!(surname("Martin Luther King Jr."), "King");
        assert_eq!(fold("Moe-Berg"), fold("MoeBerg"));
        assert_eq!(fold("O´Dowd"), fold("O'Dowd"));
        assert_eq!(fold("Ibáñez"), "ibanez");
        assert_eq!(parts("Bin Laden").given, None);
        assert_eq!(parts("Bin Laden").surname, parts("Osama bin Laden").surname);
        assert_eq!(parts("Al Gore").given.as_deref(), Some("Al"));
    }

    #[test]
    fn given_names_of_one_person() {
        assert!(same_given("Tom", "Thomas"));
        assert!(same_given("Jim", "James"));
        assert!(same_given("Liz", "Elizabeth"));
        assert!(same_given("Hashim", "Hasheem"));
        assert!(same_given("T", "Tomas"));
        assert!(!same_given("Haroun", "Hashim"));
        assert!(!same_given("Marta", "Piotr"));
        assert!(!same_given("Paul", "Paula"));
        assert!(variant("Andersen", "Andresen"));
        assert!(!variant("Kim", "Lim"));
    }
}
