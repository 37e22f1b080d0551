//! Word lists that name-finding leans on: given names, places with their other names and
//! demonyms, and the cue words of roles, organizations and places. All general knowledge of
//! English news; nothing here is about any one corpus.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::story::EntityKind;

/// Entries of word lists: one a line, `#` opens a comment line.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

static GIVEN: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("../../assets/lexicon/given-names.txt"))
        .chain(entries(include_str!(
            "../../assets/lexicon/given-names-world.txt"
        )))
        .collect()
});

/// Each name's nicknames and each nickname's names ("Michael" ↔ "Mike").
static NICKNAMES: LazyLock<HashSet<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut pairs = HashSet::default();
    for line in entries(include_str!("../../assets/lexicon/nicknames.txt")) {
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

/// Whether one given name is a nickname of the other ("Dave" and "David", "Larry" and
/// "Lawrence").
pub fn are_nicknames(a: &str, b: &str) -> bool {
    NICKNAMES.contains(&(a, b))
}

/// A place of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The name it goes by in the story ("Kyiv" for "Kiev").
    pub name: &'static str,
    pub country: bool,
}

struct Gazetteer {
    /// Every name and other name, as written, to its place.
    names: HashMap<&'static str, Place>,
    /// "Russian" → Russia.
    demonyms: HashMap<&'static str, Place>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut names = HashMap::default();
    let mut demonyms = HashMap::default();
    // The hand-made list last: its names, other names and demonyms win.
    let lists = entries(include_str!("../../assets/lexicon/places-world.txt"))
        .chain(entries(include_str!("../../assets/lexicon/places.txt")));
    for line in lists {
        let mut fields = line.split('|');
        let kind = fields.next().unwrap_or("");
        let name = fields.next().unwrap_or("");
        let others = fields.next().unwrap_or("");
        let people = fields.next().unwrap_or("");
        let place = Place {
            name,
            country: kind == "country",
        };
        names.insert(name, place);
        for other in others.split(',').filter(|o| !o.is_empty()) {
            names.insert(other, place);
        }
        for d in people.split(',').filter(|d| !d.is_empty()) {
            demonyms.insert(d, place);
        }
    }
    Gazetteer { names, demonyms }
});

/// Whether `word` (as written, capitalized) is a common given name.
pub fn is_given_name(word: &str) -> bool {
    GIVEN.contains(word)
}

/// The place a name denotes ("Kiev" → Kyiv), if the gazetteer knows it.
pub fn place(name: &str) -> Option<Place> {
    GAZETTEER.names.get(name).copied()
}

/// The place whose people a word names ("Russian" → Russia).
pub fn demonym(word: &str) -> Option<Place> {
    GAZETTEER.demonyms.get(word).copied()
}

/// Nouns that make a role: "President", "press secretary", "Deputy Foreign Minister".
pub fn is_role_head(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "president"
            | "secretary"
            | "minister"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "adviser"
            | "advisor"
            | "aide"
            | "ambassador"
            | "envoy"
            | "chancellor"
            | "senator"
            | "sen"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "governor"
            | "gov"
            | "mayor"
            | "chief"
            | "director"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "ceo"
            | "executive"
            | "leader"
            | "head"
            | "general"
            | "gen"
            | "admiral"
            | "commander"
            | "colonel"
            | "commissioner"
            | "prosecutor"
            | "judge"
            | "justice"
            | "negotiator"
            | "mediator"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "premier"
            | "counterpart"
            | "diplomat"
            | "lawmaker"
            | "economist"
            | "analyst"
            | "professor"
            | "prof"
            | "founder"
            | "president-elect"
            | "secretary-general"
            | "attorney"
            | "lawyer"
            | "correspondent"
            | "reporter"
            | "editor"
            | "officer"
            | "inspector"
            | "captain"
            | "capt"
            | "manager"
            | "coach"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "rabbi"
            | "bishop"
            | "cardinal"
            | "sheikh"
            | "operator"
            | "worker"
            | "docker"
            | "employee"
            | "resident"
            | "farmer"
            | "teacher"
            | "nurse"
            | "student"
            | "owner"
            | "member"
            | "activist"
            | "organizer"
            | "organiser"
            | "expert"
            | "researcher"
            | "scientist"
            | "engineer"
            | "pilot"
            | "driver"
            | "doctor"
            | "surgeon"
            | "journalist"
            | "photographer"
            | "strategist"
            | "consultant"
            | "banker"
            | "trader"
            | "investor"
            | "entrepreneur"
            | "businessman"
            | "businesswoman"
            | "candidate"
            | "politician"
            | "legislator"
            | "mp"
            | "councillor"
            | "councilor"
            | "commentator"
            | "historian"
            | "chairperson"
            | "steward"
            | "speaker"
            | "delegate"
            | "mediator-in-chief"
            | "administrator"
            | "counsel"
            | "coo"
            | "cfo"
            | "cto"
            | "co-founder"
            | "cofounder"
            | "treasurer"
            | "official"
            | "magistrate"
            | "sheriff"
            | "detective"
            | "sergeant"
            | "lieutenant"
            | "forward"
            | "midfielder"
            | "goalkeeper"
            | "defender"
            | "striker"
            | "player"
            | "referee"
            | "explorer"
            | "adventurer"
            | "diver"
            | "billionaire"
            | "tycoon"
            | "magnate"
            | "astronaut"
            | "actor"
            | "actress"
            | "singer"
            | "musician"
            | "author"
            | "novelist"
            | "athlete"
            | "champion"
    )
}

/// Words that qualify a role without being one: "Deputy", "Foreign", "press", "presidential".
pub fn is_role_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "deputy"
            | "vice"
            | "assistant"
            | "acting"
            | "interim"
            | "foreign"
            | "defense"
            | "defence"
            | "finance"
            | "interior"
            | "justice"
            | "labour"
            | "labor"
            | "trade"
            | "health"
            | "economy"
            | "energy"
            | "press"
            | "prime"
            | "presidential"
            | "policy"
            | "national"
            | "security"
            | "senior"
            | "top"
            | "former"
            | "chief"
            | "executive"
            | "union"
            | "party"
            | "opposition"
            | "military"
            | "state"
            | "white"
            | "house"
            | "communications"
            | "special"
            | "general"
            | "attorney"
            | "federal"
            | "regional"
            | "district"
            | "city"
            | "county"
            | "port"
            | "commercial"
            | "operating"
            | "financial"
            | "legal"
            | "investigative"
            | "circuit"
            | "supreme"
            | "associate"
            | "managing"
            | "outgoing"
            | "incoming"
            | "team"
            | "of"
            | "for"
            | "and"
    )
}

/// The last word of an organization's name: "Council", "Ministry", "Party".
pub fn is_org_head(word: &str) -> bool {
    matches!(
        word,
        "Council"
            | "Ministry"
            | "Department"
            | "Organization"
            | "Organisation"
            | "Agency"
            | "Union"
            | "Party"
            | "Committee"
            | "Commission"
            | "Bank"
            | "Fund"
            | "Court"
            | "Parliament"
            | "Senate"
            | "Congress"
            | "Assembly"
            | "Office"
            | "House"
            | "Administration"
            | "Corporation"
            | "Corp"
            | "Inc"
            | "Ltd"
            | "Group"
            | "Association"
            | "Institute"
            | "University"
            | "Foundation"
            | "Forces"
            | "Army"
            | "Navy"
            | "Police"
            | "Service"
            | "Services"
            | "Authority"
            | "Board"
            | "League"
            | "Federation"
            | "Alliance"
            | "Bureau"
            | "Cabinet"
            | "Government"
            | "Secretariat"
            | "Company"
            | "Times"
            | "Post"
            | "Journal"
            | "News"
            | "Network"
            | "Guard"
            | "Front"
            | "Movement"
            | "Coalition"
            | "Pentagon"
            | "Kremlin"
            | "Duma"
            | "Bundestag"
            | "Knesset"
    )
}

/// The last word of a named place that the gazetteer may not know: "Peninsula", "River".
pub fn is_place_head(word: &str) -> bool {
    matches!(
        word,
        "Peninsula"
            | "Sea"
            | "River"
            | "Mountains"
            | "Island"
            | "Islands"
            | "Valley"
            | "Gulf"
            | "Ocean"
            | "Lake"
            | "Strait"
            | "Bay"
            | "Region"
            | "Province"
            | "Square"
            | "Street"
            | "Port"
            | "Harbor"
            | "Harbour"
            | "Airport"
            | "Canal"
            | "Dam"
            | "Desert"
            | "Coast"
            | "Oblast"
    )
}

/// Capitalized words that are never names: months, weekdays, holidays, and words of the
/// calendar that the date tagger owns.
pub fn is_calendar_word(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Christmas"
            | "Easter"
            | "Thanksgiving"
    )
}

/// Particles inside personal names: "Ursula von der Leyen", "Charles de Gaulle".
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "del"
            | "der"
            | "van"
            | "von"
            | "bin"
            | "al"
            | "el"
            | "la"
            | "le"
            | "du"
    )
}

/// What the kind of an entity is when only its head word speaks.
pub fn kind_of_head(word: &str) -> Option<EntityKind> {
    if is_org_head(word) {
        Some(EntityKind::Organization)
    } else if is_place_head(word) {
        Some(EntityKind::Place)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(is_given_name("Maria"));
        assert!(!is_given_name("June"));
        assert_eq!(place("Kiev").map(|p| p.name), Some("Kyiv"));
        assert_eq!(place("U.S.").map(|p| p.name), Some("United States"));
        assert_eq!(demonym("Swiss").map(|p| p.name), Some("Switzerland"));
        assert!(place("Geneva").is_some_and(|p| !p.country));
    }
}
