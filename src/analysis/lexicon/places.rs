//! The gazetteer: places with their other names and demonyms.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use super::entries;

/// A place of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The name it goes by in the story ("Kyiv" for "Kiev").
    pub name: &'static str,
    pub country: bool,
    /// A city or town, not a country or a region.
    pub city: bool,
}

struct Gazetteer {
    /// Every name and other name, as written, to its place.
    names: HashMap<&'static str, Place>,
    /// "Russian" → Russia.
    demonyms: HashMap<&'static str, Place>,
    /// The names of countries, for words that look like their demonyms.
    countries: Vec<&'static str>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut names = HashMap::default();
    let mut demonyms = HashMap::default();
    // The hand-made list last: its names, other names and demonyms win.
    let lists = entries(include_str!("../../../assets/lexicon/places-world.txt"))
        .chain(entries(include_str!("../../../assets/lexicon/places.txt")));
    for line in lists {
        let mut fields = line.split('|');
        let kind = fields.next().unwrap_or("");
        let name = fields.next().unwrap_or("");
        let others = fields.next().unwrap_or("");
        let people = fields.next().unwrap_or("");
        let place = Place {
            name,
            country: kind == "country",
            city: kind == "city",
        };
        names.insert(name, place);
        for other in others.split(',').filter(|o| !o.is_empty()) {
            names.insert(other, place);
        }
        for d in people.split(',').filter(|d| !d.is_empty()) {
            demonyms.insert(d, place);
        }
    }
    let mut countries: Vec<&'static str> = names
        .iter()
        .filter(|(_, p)| p.country)
        .map(|(n, _)| *n)
        .collect();
    countries.sort_unstable();
    Gazetteer {
        names,
        demonyms,
        countries,
    }
});

/// The place a name denotes ("Kiev" → Kyiv), if the gazetteer knows it; initials with or
/// without their dots ("U.S" as a tokenizer leaves "U.S." is "US").
pub fn place(name: &str) -> Option<Place> {
    GAZETTEER.names.get(name).copied().or_else(|| {
        let initials = name.len() <= 8 && name.contains('.') && !name.contains(' ');
        initials
            .then(|| GAZETTEER.names.get(name.replace('.', "").as_str()).copied())
            .flatten()
    })
}

/// The place whose people a word names ("Russian" → Russia).
pub fn demonym(word: &str) -> Option<Place> {
    GAZETTEER.demonyms.get(word).copied()
}

/// A word that names a place's people (or a side of the world), in the list or by its shape: "Bahamian" (the
/// Bahamas), "Congolese", "Omani": a place's name with a demonym's ending.
pub fn is_demonym_like(word: &str) -> bool {
    // "Western diplomats", "Soviet officials": a side of the world or a bygone state's people.
    if demonym(word).is_some()
        || matches!(
            word,
            "Western" | "Eastern" | "Northern" | "Southern" | "Soviet"
        )
    {
        return true;
    }
    ["ian", "ean", "an", "ese", "ish", "i", "ic"]
        .iter()
        .any(|suffix| {
            word.strip_suffix(suffix).is_some_and(|stem| {
                stem.chars().count() >= 4
                    && GAZETTEER
                        .countries
                        .iter()
                        .any(|name| name.starts_with(stem))
            })
        })
}
