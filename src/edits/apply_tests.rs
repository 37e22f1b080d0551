//! Each edit on a small hand-made story: what it changes, and that a gone target is reported.

use super::*;
use crate::corpus::Document;
use crate::edits::SpanKey;
use crate::story::{EntityKind, Event, Granularity, Mention, Quote, When};

const TEXT: &str = "Ana Lima met Ben Ruiz in Lisbon. J. Lima spoke later. Ruiz left.";

fn when(day: &str) -> When {
    When {
        value: day.into(),
        start: day.into(),
        end: day.into(),
        granularity: Granularity::Day,
    }
}

fn m(doc: &str, start: usize, end: usize) -> Mention {
    Mention {
        doc: doc.into(),
        start,
        end,
    }
}

fn story() -> Story {
    let mut s = Story::new();
    for (id, file) in [("d1", "a.txt"), ("d2", "b.txt")] {
        s.documents.push(Document {
            id: id.into(),
            file: file.into(),
            title: None,
            outlet: None,
            url: None,
            published: Some("2022-01-10".into()),
            published_basis: Default::default(),
            text: TEXT.into(),
            sections: Vec::new(),
            about: Default::default(),
        });
    }
    let person = |id: &str, name: &str, aliases: &[&str], mentions: Vec<Mention>| Entity {
        id: id.into(),
        kind: EntityKind::Person,
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        roles: Vec::new(),
        mentions,
        edited: false,
    };
    s.entities = vec![
        person(
            "p1",
            "Ana Lima",
            &["Lima"],
            vec![m("d1", 0, 8), m("d2", 0, 8)],
        ),
        person("p2", "Ben Ruiz", &["Ruiz"], vec![m("d1", 13, 21)]),
        person("p3", "J. Lima", &[], vec![m("d1", 33, 40)]),
        person("p4", "Lisbon", &[], vec![m("d1", 25, 31)]),
    ];
    let event = |id: &str, title: &str, day: &str, ps: &[&str], mentions: Vec<Mention>| Event {
        id: id.into(),
        title: title.into(),
        when: when(day),
        participants: ps.iter().map(|p| p.to_string()).collect(),
        mentions,
        edited: false,
    };
    s.events = vec![
        event(
            "v1",
            "Lima meets Ruiz",
            "2022-01-09",
            &["p1", "p2"],
            vec![m("d1", 0, 32), m("d2", 0, 32)],
        ),
        event(
            "v2",
            "J. Lima speaks",
            "2022-01-09",
            &["p3"],
            vec![m("d1", 33, 53)],
        ),
        event(
            "v3",
            "Ruiz leaves",
            "2022-01-10",
            &["p2"],
            vec![m("d1", 54, 64)],
        ),
    ];
    s.links = vec![
        Link {
            a: "p1".into(),
            b: "p2".into(),
            weight: 2.0,
            label: "meet".into(),
            events: vec!["v1".into()],
            edited: false,
        },
        Link {
            a: "p3".into(),
            b: "p2".into(),
            weight: 1.0,
            label: String::new(),
            events: vec!["v2".into()],
            edited: false,
        },
    ];
    s.quotes = vec![Quote {
        speaker: "p3".into(),
        doc: "d1".into(),
        start: 33,
        end: 53,
    }];
    s
}

fn key(s: &Story, id: &str) -> EventKey {
    EventKey::of(s, s.event(id).unwrap()).unwrap()
}

fn applied(edits: &[Edit]) -> Story {
    let mut s = story();
    let un = apply(&mut s, edits);
    assert!(un.is_empty(), "{un:?}");
    s
}

#[test]
fn rename_keeps_the_old_name_as_an_alias_and_is_found_by_either() {
    let s = applied(&[
        Edit::RenameEntity {
            entity: "Ben Ruiz".into(),
            name: "Benjamin Ruiz".into(),
        },
        // Later edits may name it by the old name too.
        Edit::SetEntityKind {
            entity: "Ben Ruiz".into(),
            kind: EntityKind::Organization,
        },
    ]);
    let e = s.entity("p2").unwrap();
    assert_eq!(e.name, "Benjamin Ruiz");
    assert!(e.aliases.contains(&"Ben Ruiz".to_string()));
    assert_eq!(e.kind, EntityKind::Organization);
    assert!(e.edited);
    assert!(!s.entity("p1").unwrap().edited);
}

#[test]
fn an_alias_split_off_takes_the_mentions_written_so() {
    // "Lima" in "J. Lima" (at 36) counted as Ana Lima: split it off.
    let mut s = story();
    s.entities[0].mentions.push(m("d1", 36, 40));
    let split = Edit::SplitAlias {
        entity: "Ana Lima".into(),
        alias: "Lima".into(),
    };
    let un = apply(&mut s, std::slice::from_ref(&split));
    assert!(un.is_empty(), "{un:?}");
    let ana = &s.entities[0];
    assert!(ana.aliases.is_empty() && ana.edited);
    assert_eq!(ana.mentions.len(), 2);
    let lima = &s.entities[1];
    assert_eq!(
        (lima.name.as_str(), lima.kind),
        ("Lima", EntityKind::Person)
    );
    assert_eq!(lima.mentions, [m("d1", 36, 40)]);
    assert!(lima.id.starts_with('p') && lima.edited);
    // Not an alias any more: a second split is reported.
    assert_eq!(apply(&mut s, &[split]).len(), 1);
}

#[test]
fn merge_moves_names_mentions_events_links_and_quotes() {
    let s = applied(&[Edit::MergeEntities {
        into: "Ana Lima".into(),
        from: "J. Lima".into(),
    }]);
    assert!(s.entity("p3").is_none());
    let ana = s.entity("p1").unwrap();
    assert!(ana.aliases.contains(&"J. Lima".to_string()) && ana.edited);
    assert_eq!(ana.mentions.len(), 3);
    assert_eq!(s.event("v2").unwrap().participants, ["p1"]);
    assert_eq!(s.quotes[0].speaker, "p1");
    // The two links to Ruiz become one, with both events.
    assert_eq!(s.links.len(), 1);
    assert_eq!(s.links[0].events, ["v1", "v2"]);
    assert_eq!(s.links[0].weight, 3.0);
}

#[test]
fn hide_and_delete_take_an_entity_out_of_everything() {
    for hide in [true, false] {
        let entity = "J. Lima".to_string();
        let edit = if hide {
            Edit::HideEntity { entity }
        } else {
            Edit::DeleteEntity { entity }
        };
        let s = applied(&[edit]);
        assert!(s.entity("p3").is_none());
        assert!(s.event("v2").unwrap().participants.is_empty());
        assert_eq!(s.links.len(), 1);
        assert!(s.quotes.is_empty());
        assert_eq!(s.hidden.len(), usize::from(hide));
    }
}

#[test]
fn event_title_date_and_people() {
    let s0 = story();
    let v1 = key(&s0, "v1");
    let s = applied(&[
        Edit::RetitleEvent {
            event: v1.clone(),
            title: " Lima and Ruiz meet in Lisbon ".into(),
        },
        Edit::RedateEvent {
            event: v1.clone(),
            typed: "Jan 9-10 2022".into(),
            when: crate::edits::date::parse("Jan 9-10 2022").unwrap(),
        },
        // The key still finds it on its old date: the sentence is what counts.
        Edit::AddParticipant {
            event: v1.clone(),
            entity: "Lisbon".into(),
        },
        Edit::RemoveParticipant {
            event: v1,
            entity: "Ruiz".into(),
        },
    ]);
    let e = s.event("v1").unwrap();
    assert_eq!(e.title, "Lima and Ruiz meet in Lisbon");
    assert_eq!(
        (e.when.start.as_str(), e.when.end.as_str()),
        ("2022-01-09", "2022-01-10")
    );
    assert_eq!(e.participants, ["p1", "p4"]);
    assert!(e.edited);
    assert!(!s.event("v2").unwrap().edited);
}

#[test]
fn delete_and_merge_events_keep_links_consistent() {
    let s0 = story();
    let s = applied(&[Edit::DeleteEvent {
        event: key(&s0, "v2"),
    }]);
    assert!(s.event("v2").is_none());
    // The link that stood only on it is gone.
    assert_eq!(s.links.len(), 1);

    let s = applied(&[Edit::MergeEvents {
        into: key(&s0, "v1"),
        from: key(&s0, "v2"),
    }]);
    assert!(s.event("v2").is_none());
    let v1 = s.event("v1").unwrap();
    assert_eq!(v1.mentions.len(), 3);
    assert_eq!(v1.participants, ["p1", "p2", "p3"]);
    assert_eq!(s.links[1].events, ["v1"]);
}

#[test]
fn a_sentence_moved_out_becomes_an_event_of_its_own() {
    let s0 = story();
    let sentence = SpanKey {
        file: "b.txt".into(),
        start: 0,
        end: 32,
    };
    let s = applied(&[Edit::DetachSentence {
        event: key(&s0, "v1"),
        sentence,
    }]);
    let v1 = s.event("v1").unwrap();
    assert_eq!(v1.mentions, [m("d1", 0, 32)]);
    assert!(v1.edited);
    let new = s.events.last().unwrap();
    assert_eq!(new.mentions, [m("d2", 0, 32)]);
    assert_eq!(new.title, "Ana Lima met Ben Ruiz in Lisbon.");
    assert_eq!(new.when, v1.when);
    // Only Ana Lima is named in b.txt's sentence (Ben Ruiz's mention is in a.txt).
    assert_eq!(new.participants, ["p1"]);
    assert!(new.id.starts_with('v') && new.id != "v1");
    // The last sentence cannot leave: that is a delete.
    let mut s = s;
    let last = Edit::DetachSentence {
        event: key(&s0, "v1"),
        sentence: SpanKey {
            file: "a.txt".into(),
            start: 0,
            end: 32,
        },
    };
    assert_eq!(apply(&mut s, &[last]).len(), 1);
}

#[test]
fn links_are_deleted_added_and_relabelled() {
    let s = applied(&[
        Edit::DeleteLink {
            a: "Ruiz".into(),
            b: "Ana Lima".into(),
        },
        Edit::AddLink {
            a: "Ana Lima".into(),
            b: "Lisbon".into(),
            label: "lives in".into(),
        },
        Edit::AddLink {
            a: "Ben Ruiz".into(),
            b: "J. Lima".into(),
            label: "interviewed".into(),
        },
    ]);
    assert_eq!(s.links.len(), 2);
    assert_eq!(
        (s.links[0].label.as_str(), s.links[0].edited),
        ("interviewed", true)
    );
    assert_eq!(
        (
            s.links[1].a.as_str(),
            s.links[1].b.as_str(),
            s.links[1].label.as_str()
        ),
        ("p1", "p4", "lives in")
    );
}

#[test]
fn excluding_a_document_takes_what_only_it_had() {
    let s = applied(&[Edit::ExcludeDocument {
        file: "a.txt".into(),
    }]);
    assert_eq!(s.documents.len(), 1);
    assert_eq!(s.excluded, ["a.txt"]);
    // Only the meeting was also reported by b.txt; only Ana Lima is named there.
    assert_eq!(s.events.len(), 1);
    assert_eq!(s.events[0].mentions, [m("d2", 0, 32)]);
    assert_eq!(s.entities.len(), 1);
    assert_eq!(s.events[0].participants, ["p1"]);
    assert!(s.links.is_empty() && s.quotes.is_empty());
}

#[test]
fn a_gone_target_is_reported_and_the_rest_still_apply() {
    let mut s = story();
    let gone = EventKey {
        date: "2022-01-09".into(),
        mention: SpanKey {
            file: "a.txt".into(),
            start: 1,
            end: 5,
        },
        title: "Nothing".into(),
    };
    let edits = [
        Edit::DeleteEntity {
            entity: "Nobody".into(),
        },
        Edit::DeleteEvent { event: gone },
        Edit::ExcludeDocument {
            file: "missing.txt".into(),
        },
        Edit::RenameEntity {
            entity: "Lima".into(),
            name: "Ana M. Lima".into(),
        },
    ];
    let un = apply(&mut s, &edits);
    assert_eq!(un.iter().map(|u| u.index).collect::<Vec<_>>(), [0, 1, 2]);
    assert!(un[0].reason.contains("Nobody"));
    assert!(un[1].reason.contains("Nothing"));
    assert!(un[2].reason.contains("missing.txt"));
    assert_eq!(s.entity("p1").unwrap().name, "Ana M. Lima");
}

#[test]
fn edits_round_trip_through_json_and_mark_the_export() {
    let s0 = story();
    let edits = vec![
        Edit::RedateEvent {
            event: key(&s0, "v3"),
            typed: "early 2014".into(),
            when: crate::edits::date::parse("early 2014").unwrap(),
        },
        Edit::SetEntityKind {
            entity: "Lisbon".into(),
            kind: EntityKind::Place,
        },
    ];
    let json = serde_json::to_string(&edits).unwrap();
    assert!(json.contains("\"op\":\"redate_event\""));
    let back: Vec<Edit> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, edits);
    let s = applied(&edits);
    let out = serde_json::to_value(&s).unwrap();
    assert_eq!(out["events"][2]["edited"], true);
    assert!(out["events"][0].get("edited").is_none());
    assert_eq!(out["entities"][3]["edited"], true);
}
