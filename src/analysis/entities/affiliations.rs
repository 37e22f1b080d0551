//! Affiliations: the organizations and places a person's roles name ("Harbour Board press
//! secretary" → the Harbour Board, "French spokesman" → France).

use crate::analysis::lexicon;
use crate::story::EntityKind;

use super::Affiliation;
use super::table::Draft;

/// The affiliations of the people in `kept` (whose ids are `ids`): the places and
/// organizations their roles name. Every role is held against every place and
/// organization, so each side is prepared once.
pub(super) fn from_roles(kept: &[Draft], ids: &[String]) -> Vec<Affiliation> {
    let mut affiliations = Vec::new();
    let names: Vec<Vec<&str>> = kept.iter().map(known_names).collect();
    for (i, d) in kept.iter().enumerate() {
        if d.kind != EntityKind::Person {
            continue;
        }
        for role in &d.roles {
            let phrases = RolePhrases::new(role);
            for (j, other) in kept.iter().enumerate() {
                if other.kind == EntityKind::Person || i == j {
                    continue;
                }
                if phrases.names(other, &names[j])
                    && !affiliations
                        .iter()
                        .any(|a: &Affiliation| a.person == ids[i] && a.org == ids[j])
                {
                    affiliations.push(Affiliation {
                        person: ids[i].clone(),
                        org: ids[j].clone(),
                        label: role.clone(),
                        evidence: d.mentions[0].clone(),
                    });
                }
            }
        }
    }
    affiliations
}

/// Every name an entity goes by: its forms, its name and its acronym.
fn known_names(d: &Draft) -> Vec<&str> {
    let mut names: Vec<&str> = d.forms.keys().map(String::as_str).collect();
    names.push(&d.name);
    names.extend(d.acronym.as_deref());
    names
}

/// The phrases of a role ("US Secretary of State" → "US", "US Secretary", …, up to six words)
/// and the gazetteer place each names (one word may be a demonym: "Russian" → Russia).
struct RolePhrases {
    phrases: Vec<(String, Option<&'static str>)>,
}

impl RolePhrases {
    fn new(role: &str) -> Self {
        let words: Vec<&str> = role
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let mut phrases = Vec::new();
        for n in 1..=words.len().min(6) {
            for w in words.windows(n) {
                let joined = w.join(" ");
                let place = lexicon::place(&joined)
                    .or_else(|| (n == 1).then(|| lexicon::demonym(&joined)).flatten())
                    .map(|p| p.name);
                phrases.push((joined, place));
            }
        }
        RolePhrases { phrases }
    }

    /// Whether the role names `other`, whose names are `names` (see [`known_names`]): "Harbour
    /// Board press secretary" names the Harbour Board; "French spokesman" names France; "US
    /// President" names the United States.
    fn names(&self, other: &Draft, names: &[&str]) -> bool {
        self.phrases.iter().any(|(joined, place)| {
            names.contains(&joined.as_str())
                || (other.kind == EntityKind::Place && *place == Some(other.name.as_str()))
        })
    }
}
