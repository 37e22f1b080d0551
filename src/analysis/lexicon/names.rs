//! Personal names: given names of many countries, their sex where it is clear, nicknames.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;

use super::entries;

static GIVEN: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("../../../assets/lexicon/given-names.txt"))
        .chain(entries(include_str!(
            "../../../assets/lexicon/given-names-world.txt"
        )))
        .collect()
});

/// Each name's nicknames and each nickname's names ("Thomas" ↔ "Tom").
static NICKNAMES: LazyLock<HashSet<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut pairs = HashSet::default();
    for line in entries(include_str!("../../../assets/lexicon/nicknames.txt")) {
        let Some((name, nicks)) = line.split_once('|') else {
            continue;
        };
        for nick in nicks.split(',').filter(|n| !n.is_empty()) {
            pairs.insert((name, nick));
            pairs.insert((nick, name));
        }
    }
    pairs
});

/// Whether one given name is a nickname of the other ("Jim" and "James", "Liz" and
/// "Elizabeth").
pub fn are_nicknames(a: &str, b: &str) -> bool {
    NICKNAMES.contains(&(a, b))
}

/// Whether `word` (as written, capitalized) is a common given name.
pub fn is_given_name(word: &str) -> bool {
    GIVEN.contains(word)
}

/// The sex a given name nearly always goes with: `'m'` or `'f'`, else `None`.
pub fn sex_of_given_name(word: &str) -> Option<char> {
    SEXES.get(word).copied()
}

static SEXES: LazyLock<HashMap<&'static str, char>> = LazyLock::new(|| {
    entries(include_str!(
        "../../../assets/lexicon/given-names-gender.txt"
    ))
    .filter_map(|l| {
        let (name, sex) = l.split_once('|')?;
        Some((name, sex.chars().next()?))
    })
    .collect()
});
