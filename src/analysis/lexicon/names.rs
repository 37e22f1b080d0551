//! Personal names: given names of many countries, their sex where it is clear, nicknames, and
//! the particles names carry ("de", "von der", "al-").

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

/// Particles inside personal names: "Charles de Gaulle", "Daniel arap Moi", "Ali ibn Musa".
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "der"
            | "dos"
            | "van"
            | "von"
            | "ter"
            | "bin"
            | "bint"
            | "ibn"
            | "arap"
            | "al"
            | "el"
            | "la"
            | "le"
            | "du"
    )
}

/// Two particles that stand together inside a name: "von der Leyen", "van den Berg", "de la
/// Cruz". Alone, "den" or "los" is no particle (in German or Spanish text it is an article).
pub fn is_particle_pair(first: &str, second: &str) -> bool {
    matches!(first, "von" | "van" | "de")
        && matches!(second, "der" | "den" | "de" | "la" | "los" | "las")
}

/// The name after an Arabic article joined by a hyphen: "Megrahi" of "al-Megrahi",
/// "Sisi" of "el-Sisi" (either case of the article; the name itself is capitalized).
pub fn after_name_article(word: &str) -> Option<&str> {
    let (article, rest) = word.split_once('-')?;
    let known = ["al", "el", "ad", "ash", "az", "ar", "ul"]
        .iter()
        .any(|a| article.eq_ignore_ascii_case(a));
    (known && rest.chars().next().is_some_and(char::is_uppercase)).then_some(rest)
}
