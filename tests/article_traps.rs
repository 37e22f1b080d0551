//! The traps real articles set, each on a short text written for the test: bylines,
//! datelines, photo credits, companies that "say" things, namesakes, people written several
//! ways, and the relations sentences state. None of these names or sentences is from a real
//! corpus.

use newsline::analysis::analyze;
use newsline::corpus::load_in_memory;
use newsline::story::{EntityKind, Story};

fn story(files: &[(&str, &str)]) -> Story {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    analyze(load_in_memory(&files))
}

fn people(s: &Story) -> Vec<String> {
    let mut names: Vec<String> = s
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.clone())
        .collect();
    names.sort();
    names
}

fn kind_of(s: &Story, name: &str) -> Option<EntityKind> {
    s.entities.iter().find(|e| e.name == name).map(|e| e.kind)
}

fn link(s: &Story, a: &str, b: &str) -> Option<String> {
    let id = |n: &str| {
        s.entities
            .iter()
            .find(|e| e.name == n)
            .map(|e| e.id.clone())
    };
    let (a, b) = (id(a)?, id(b)?);
    s.links
        .iter()
        .find(|l| (l.a == a && l.b == b) || (l.a == b && l.b == a))
        .map(|l| l.label.clone())
}

const MANIFEST: &str = r#"{"documents": [{"file": "a.txt", "published": "2024-05-10"}]}"#;

#[test]
fn bylines_datelines_and_credits_name_nobody_in_the_story() {
    let s = story(&[
        ("corpus.json", MANIFEST),
        (
            "a.txt",
            "Ferry Union Strikes\nBy Tilda Norquist and Ansel Berrow\nUpdated: 10 MAY 24 09:12 ET\nOSLO (Nordwire) - Union leader Maren Holt said on Thursday that ferry crews would strike.\nFILE - Maren Holt speaks to crews in Bergen on May 2, 2024. (AP Photo/Jonas Brekke, File)\nHolt said the strike would last a week.\n(Reporting by Tilda Norquist; Editing by Kel Okafor)\n",
        ),
    ]);
    assert_eq!(people(&s), ["Maren Holt"], "{:?}", s.entities);
    // The caption dates a happening of the story, without its credit.
    assert!(
        s.events.iter().any(|e| e.when.value == "2024-05-02"),
        "{:?}",
        s.events
    );
    assert!(s.events.iter().all(|e| !e.title.contains("FILE")));
}

#[test]
fn companies_that_say_things_are_not_people() {
    let s = story(&[
        ("corpus.json", MANIFEST),
        (
            "a.txt",
            "Ferry Firm Halts Sailings\n\nFjordline said it would halt all sailings. Fjordline's board met on Thursday. Fjordline CEO Ragna Sulen said the crews were paid. Vessra said in a statement that it would sue.\n",
        ),
    ]);
    assert_eq!(kind_of(&s, "Fjordline"), Some(EntityKind::Organization));
    assert_eq!(people(&s), ["Ragna Sulen"], "{:?}", s.entities);
    assert_ne!(kind_of(&s, "Vessra"), Some(EntityKind::Person));
}

#[test]
fn people_sharing_a_surname_stay_apart_and_one_persons_spellings_merge() {
    let s = story(&[
        ("corpus.json", MANIFEST),
        (
            "a.txt",
            "Crew Lost at Sea\n\nOfficials named the missing as Tarek Hadid, 52, and his son Samir Hadid, 19. Tarek Hadid founded the ferry firm. Sameer Hadid had joined it last year. Hadid's wife spoke to reporters. Lukas J. Brenner, the ferry's captain, was also missing. Brenner had sailed for 30 years, said Mike Olander. Michael Olander is the port's director.\n",
        ),
    ]);
    let names = people(&s);
    assert!(names.contains(&"Tarek Hadid".to_string()), "{names:?}");
    let son = s
        .entities
        .iter()
        .find(|e| e.name.ends_with("Hadid") && e.name != "Tarek Hadid")
        .unwrap();
    assert!(
        [&son.name]
            .into_iter()
            .chain(&son.aliases)
            .any(|n| n == "Samir Hadid")
            && [&son.name]
                .into_iter()
                .chain(&son.aliases)
                .any(|n| n == "Sameer Hadid"),
        "{son:?}"
    );
    assert!(names.contains(&"Lukas J. Brenner".to_string()), "{names:?}");
    // "Sameer" is another spelling of Samir; Mike is Michael.
    assert_eq!(names.len(), 4, "{names:?}");
    let olander = s
        .entities
        .iter()
        .find(|e| e.name.ends_with("Olander"))
        .unwrap();
    assert_eq!(olander.mentions.len(), 2, "{olander:?}");
    assert_eq!(
        link(&s, "Tarek Hadid", &son.name).as_deref(),
        Some("family")
    );
}

#[test]
fn typed_links_need_a_stated_relation() {
    let s = story(&[
        ("corpus.json", MANIFEST),
        (
            "a.txt",
            "Port Chief Out\n\nPort owner Vera Lindqvist fired harbour master Oskar Falk on Monday. Falk will be replaced by Ingrid Moe. Lindqvist and Falk were both at the gala in March. Moe met Lindqvist on Tuesday.\n",
        ),
    ]);
    assert_eq!(
        link(&s, "Vera Lindqvist", "Oskar Falk").as_deref(),
        Some("fired")
    );
    assert_eq!(
        link(&s, "Oskar Falk", "Ingrid Moe").as_deref(),
        Some("replaced")
    );
    assert_eq!(
        link(&s, "Ingrid Moe", "Vera Lindqvist").as_deref(),
        Some("met")
    );
    assert_eq!(
        s.links
            .iter()
            .filter(|l| l.label != "affiliated with")
            .count(),
        3
    );
}

#[test]
fn the_speaker_takes_part_when_the_date_is_the_speakings() {
    let s = story(&[
        ("corpus.json", MANIFEST),
        (
            "a.txt",
            "Strike Looms\n\nUnion leader Maren Holt warned Wednesday that crews would strike. Port owner Vera Lindqvist said the talks had failed on Monday.\n",
        ),
    ]);
    let holt = s.entities.iter().find(|e| e.name == "Maren Holt").unwrap();
    let lindqvist = s
        .entities
        .iter()
        .find(|e| e.name == "Vera Lindqvist")
        .unwrap();
    let wednesday = s
        .events
        .iter()
        .find(|e| e.when.value == "2024-05-08")
        .expect("the warning");
    assert!(wednesday.participants.contains(&holt.id), "{wednesday:?}");
    let monday = s
        .events
        .iter()
        .find(|e| e.when.value == "2024-05-06")
        .expect("the failed talks");
    assert!(
        !monday.participants.contains(&lindqvist.id),
        "Lindqvist only reports it: {monday:?}"
    );
}

#[test]
fn without_a_manifest_a_wire_dateline_dates_the_article() {
    let s = story(&[(
        "a.txt",
        "May 7 (Nordwire) - Ferry crews walked out on Tuesday, union leader Maren Holt said. The strike that began on May 1, 2024 is the longest in a decade.\n",
    )]);
    assert_eq!(s.documents[0].published.as_deref(), Some("2024-05-07"));
    assert!(s.events.iter().any(|e| e.when.value == "2024-05-07"));
}

#[test]
fn a_body_written_with_and_without_its_country_is_one_and_its_official_speaks_for_it() {
    let s = story(&[
        ("corpus.json", MANIFEST),
        (
            "a.txt",
            "Ferry Lost Near the Reef\nThe U.S. Harbour Guard said on Thursday that a ferry went missing near the reef.\n\"It is a remote area,\" Harbour Guard Rear Admiral Maren Holt said at a news conference.\nThe US Harbour Guard and Nordic Harbour Guard searched the reef.\nThe U.S. Harbour Guard sent two aircraft, and the U.S. Harbour Guard asked ships to help.\nThe Harbour Guard said the search goes on.\n",
        ),
    ]);
    // Two bodies, not one joined by "and"; the bare name is the one the article names most.
    let mut guards: Vec<(&str, usize)> = s
        .entities
        .iter()
        .filter(|e| e.name.contains("Harbour Guard"))
        .map(|e| (e.name.as_str(), e.mentions.len()))
        .collect();
    guards.sort();
    assert_eq!(
        guards,
        [("Nordic Harbour Guard", 1), ("U.S. Harbour Guard", 6)],
        "{:?}",
        s.entities
    );
    // The patrol's statement is its official's: she takes part in the dated event.
    let holt = s.entities.iter().find(|e| e.name == "Maren Holt").unwrap();
    let missing = s
        .events
        .iter()
        .find(|e| e.when.value == "2024-05-09")
        .unwrap_or_else(|| panic!("{:?}", s.events));
    assert!(missing.participants.contains(&holt.id), "{missing:?}");
}
