//! Tests of the module beside this file.

use super::*;
use crate::analysis::entities::Affiliation;
use crate::corpus::SectionKind;
use crate::story::{Granularity, Mention, When};

fn doc(text: &str) -> Document {
    Document::body_for_test("d1", text)
}

fn person(id: &str, text: &str, surface: &str, roles: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        kind: EntityKind::Person,
        name: surface.into(),
        aliases: vec![],
        roles: roles.iter().map(|r| r.to_string()).collect(),
        mentions: text
            .match_indices(surface)
            .map(|(i, _)| Mention {
                doc: "d1".into(),
                start: i,
                end: i + surface.len(),
            })
            .collect(),
        edited: false,
    }
}

fn event(id: &str, participants: &[&str], mentions: &[(usize, usize)]) -> Event {
    Event {
        id: id.into(),
        title: String::new(),
        when: When {
            value: "2023-03-07".into(),
            start: "2023-03-07".into(),
            end: "2023-03-07".into(),
            granularity: Granularity::Day,
        },
        participants: participants.iter().map(|p| p.to_string()).collect(),
        mentions: mentions
            .iter()
            .map(|&(start, end)| Mention {
                doc: "d1".into(),
                start,
                end,
            })
            .collect(),
        edited: false,
    }
}

/// `text`'s sentences, cut at ". ".
fn sentences_of(text: &str) -> HashMap<String, Vec<Sentence>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(Sentence {
            start,
            end: i + 1,
            section: SectionKind::Body,
        });
        start = i + 2;
    }
    out.push(Sentence {
        start,
        end: text.len(),
        section: SectionKind::Body,
    });
    HashMap::from([("d1".to_string(), out)])
}

/// The links of one document of `text` whose people are `(id, surface, roles)`, with no
/// affiliations, events or quotes.
fn links_between(text: &str, people: &[(&str, &str, &[&str])]) -> Vec<Link> {
    let ents = Entities {
        entities: people
            .iter()
            .map(|(id, surface, roles)| person(id, text, surface, roles))
            .collect(),
        affiliations: vec![],
    };
    extract(
        &[doc(text)],
        &sentences_of(text),
        &[],
        &ents,
        &References::default(),
        &[],
    )
}

/// Each link as (a, b, label).
fn triples(links: &[Link]) -> Vec<(&str, &str, &str)> {
    links
        .iter()
        .map(|l| (l.a.as_str(), l.b.as_str(), l.label.as_str()))
        .collect()
}

#[test]
fn a_relation_one_sentence_states_links_two_people_with_its_events() {
    let text = "Lee and Park held a phone call on Tuesday. Kim and Lee were in Paris on Tuesday.";
    let d = doc(text);
    let ents = Entities {
        entities: vec![
            person("p1", text, "Lee", &[]),
            person("p2", text, "Park", &[]),
            person("p3", text, "Kim", &[]),
        ],
        affiliations: vec![],
    };
    let events = [event(
        "v1",
        &["p1", "p2", "p3"],
        &[(0, 42), (43, text.len())],
    )];
    let links = extract(
        &[d],
        &sentences_of(text),
        &events,
        &ents,
        &References::default(),
        &[],
    );
    // Kim and Lee are only named together: no link.
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!((links[0].a.as_str(), links[0].b.as_str()), ("p1", "p2"));
    assert_eq!(links[0].label, "phone call");
    assert_eq!(links[0].events, ["v1"]);
    assert_eq!(links[0].weight, 1.0);
}

#[test]
fn typed_relations_from_acts_ties_and_shared_happenings() {
    let text = "Lund fired Kestrel Chief Executive Berg. Jon Halvorsen, a lawyer for Per Dahl, spoke. Rina Haddad and her son Omar Haddad left. The talks between Lee and Park ended.";
    let links = links_between(
        text,
        &[
            ("p1", "Lund", &[]),
            ("p2", "Berg", &[]),
            ("p3", "Jon Halvorsen", &[]),
            ("p4", "Per Dahl", &[]),
            ("p5", "Rina Haddad", &[]),
            ("p6", "Omar Haddad", &[]),
            ("p7", "Lee", &[]),
            ("p8", "Park", &[]),
        ],
    );
    let got = triples(&links);
    assert_eq!(
        got,
        [
            ("p1", "p2", "fired"),
            ("p3", "p4", "lawyer for"),
            ("p5", "p6", "family"),
            ("p7", "p8", "negotiated with")
        ]
    );
}

#[test]
fn a_spokesperson_speaks_for_the_leader_of_their_side() {
    let text = "Mayor Diaz met Governor Ross on Monday. Spokeswoman Ng said Ross was pleased.";
    let d = doc(text);
    let mut ents = Entities {
        entities: vec![
            person("p1", text, "Diaz", &["Mayor"]),
            person("p2", text, "Ross", &["Governor"]),
            person("p3", text, "Ng", &["spokeswoman"]),
        ],
        affiliations: vec![],
    };
    let side = |p: &str| Affiliation {
        person: p.into(),
        org: "o1".into(),
        label: String::new(),
        evidence: Mention {
            doc: "d1".into(),
            start: 0,
            end: 1,
        },
    };
    ents.affiliations = vec![side("p1"), side("p3")];
    let events = [event("v1", &["p1", "p2"], &[(0, 38)])];
    let links = extract(
        &[d],
        &HashMap::new(),
        &events,
        &ents,
        &References::default(),
        &[],
    );
    let speaks: Vec<_> = links.iter().filter(|l| l.label == "speaks for").collect();
    assert_eq!(speaks.len(), 1, "{links:?}");
    assert_eq!((speaks[0].a.as_str(), speaks[0].b.as_str()), ("p1", "p3"));
    assert_eq!(speaks[0].events, ["v1"]);
    assert!(
        links
            .iter()
            .any(|l| l.a == "o1" && l.b == "p1" && l.label == "affiliated with")
    );
}

#[test]
fn without_a_shared_side_the_spokesperson_speaks_for_whom_they_report_on() {
    let text = "Press secretary Ng said Ross was pleased. Diaz left.";
    let d = doc(text);
    let ents = Entities {
        entities: vec![
            person("p1", text, "Diaz", &[]),
            person("p2", text, "Ross", &[]),
            person("p3", text, "Ng", &["press secretary"]),
        ],
        affiliations: vec![],
    };
    let sentences = HashMap::from([(
        "d1".to_string(),
        vec![
            Sentence {
                start: 0,
                end: 41,
                section: SectionKind::Body,
            },
            Sentence {
                start: 42,
                end: text.len(),
                section: SectionKind::Body,
            },
        ],
    )]);
    let links = extract(&[d], &sentences, &[], &ents, &References::default(), &[]);
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(
        (
            links[0].a.as_str(),
            links[0].b.as_str(),
            links[0].label.as_str()
        ),
        ("p2", "p3", "speaks for")
    );
}

#[test]
fn a_bodys_spokesperson_speaks_about_people_not_for_them() {
    let text = "Police spokesman Ng said Ross was arrested. Diaz left.";
    for role in [
        "police spokesman",
        "PSN spokeswoman",
        "spokeswoman for the Harbour Service",
    ] {
        let links = links_between(
            text,
            &[
                ("p1", "Diaz", &[]),
                ("p2", "Ross", &[]),
                ("p3", "Ng", &[role]),
            ],
        );
        assert!(links.is_empty(), "{role}: {links:?}");
    }
}

#[test]
fn a_quote_naming_someone_is_no_link() {
    let text = "“Ross is wrong,” Diaz said.";
    let d = doc(text);
    let ents = Entities {
        entities: vec![
            person("p1", text, "Diaz", &[]),
            person("p2", text, "Ross", &[]),
        ],
        affiliations: vec![],
    };
    let quotes = [Quote {
        speaker: "p1".into(),
        doc: "d1".into(),
        start: 0,
        end: 18,
    }];
    let links = extract(
        &[d],
        &sentences_of(text),
        &[],
        &ents,
        &References::default(),
        &quotes,
    );
    assert!(links.is_empty(), "{links:?}");
}

#[test]
fn the_pair_are_the_two_people_named_just_before() {
    let text = "Lund offered to buy Dahl's ferry line. Lund later withdrew. The pair clashed over the price. Berg said the two men met again.";
    let links = links_between(
        text,
        &[
            ("p1", "Lund", &[]),
            ("p2", "Dahl", &[]),
            ("p3", "Berg", &[]),
        ],
    );
    // "The pair" are Lund and Dahl; "the two men" are not Berg, who says it, nor anyone
    // named more than two sentences before.
    let pairs = triples(&links);
    assert_eq!(pairs, [("p1", "p2", "clashed with")], "{links:?}");
}
