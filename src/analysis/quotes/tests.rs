use super::*;
use crate::corpus::{Section, SectionKind};
use crate::story::Mention;

fn doc(id: &str, text: &str) -> Document {
    Document::body_for_test(id, text)
}

fn entity(id: &str, kind: EntityKind, docs: &[&Document], surfaces: &[&str]) -> Entity {
    let mut mentions = Vec::new();
    for d in docs {
        for s in surfaces {
            for (i, _) in d.text.match_indices(s) {
                mentions.push(Mention {
                    doc: d.id.clone(),
                    start: i,
                    end: i + s.len(),
                });
            }
        }
    }
    Entity {
        id: id.into(),
        kind,
        name: surfaces[0].into(),
        aliases: vec![],
        roles: vec![],
        mentions,
        edited: false,
    }
}

/// Runs extraction on `docs` with the mayor (Ana Ruiz), the union leader (Tom Hale), the
/// Dockworkers Union and the town of Rivertown; returns `(speaker, quoted text)`.
fn run(docs: &[Document]) -> Vec<(String, String)> {
    let refs: Vec<&Document> = docs.iter().collect();
    let entities = vec![
        entity("ruiz", EntityKind::Person, &refs, &["Ana Ruiz", "Ruiz"]),
        entity("hale", EntityKind::Person, &refs, &["Tom Hale", "Hale"]),
        entity(
            "union",
            EntityKind::Organization,
            &refs,
            &["Dockworkers Union"],
        ),
        entity("town", EntityKind::Place, &refs, &["Rivertown"]),
    ];
    // Drop the short-name mentions that lie inside full-name ones.
    let entities: Vec<Entity> = entities
        .into_iter()
        .map(|mut e| {
            let all = e.mentions.clone();
            e.mentions.retain(|m| {
                !all.iter().any(|o| {
                    o.doc == m.doc
                        && o.start <= m.start
                        && m.end <= o.end
                        && (o.start, o.end) != (m.start, m.end)
                })
            });
            e.mentions.sort();
            e
        })
        .collect();
    let sentences: HashMap<String, Vec<Sentence>> = docs
        .iter()
        .map(|d| (d.id.clone(), sentences::split(d)))
        .collect();
    let quotes = extract(docs, &sentences, &entities);
    quotes
        .iter()
        .map(|q| {
            let d = docs.iter().find(|d| d.id == q.doc).unwrap();
            (q.speaker.clone(), d.text[q.start..q.end].to_string())
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn speaker_after_the_quote() {
    let text = "“The port will reopen on Monday,” Mayor Ana Ruiz said.\n\
                \"We are not done yet,\" said union leader Tom Hale.\n\
                “Members will vote,” the Dockworkers Union told reporters on Friday.\n\
                “No deal is final,” Hale, the union’s chief negotiator, added.";
    assert_eq!(
        run(&[doc("d1", text)]),
        pairs(&[
            ("ruiz", "The port will reopen on Monday,"),
            ("hale", "We are not done yet,"),
            ("union", "Members will vote,"),
            ("hale", "No deal is final,"),
        ])
    );
}

#[test]
fn appositives_questions_and_addressees() {
    let text = "“Who pays for this?” asked Ruiz.\n\
                Hale, the union’s chief negotiator, said: “We want it in writing.”\n\
                “Sign it today,” Ruiz told Hale.";
    assert_eq!(
        run(&[doc("d1", text)]),
        pairs(&[
            ("ruiz", "Who pays for this?"),
            ("hale", "We want it in writing."),
            ("ruiz", "Sign it today,"),
        ])
    );
}

#[test]
fn speaker_before_the_quote() {
    let text = "Ruiz said, “The city has made its last offer.”\n\
                Tom Hale said: “That offer is an insult to every worker.”\n\
                Hale told reporters “we will picket all week.”";
    assert_eq!(
        run(&[doc("d1", text)]),
        pairs(&[
            ("ruiz", "The city has made its last offer."),
            ("hale", "That offer is an insult to every worker."),
            ("hale", "we will picket all week."),
        ])
    );
}

#[test]
fn partial_quotes_take_the_sentence_subject() {
    let text = "Ruiz warned Hale of “serious costs” if the strike went on. \
                Later Hale also urged the council to reject what he called “a cynical offer” \
                from Rivertown.";
    assert_eq!(
        run(&[doc("d1", text)]),
        pairs(&[("ruiz", "serious costs"), ("hale", "a cynical offer")])
    );
}

#[test]
fn according_to() {
    let text = "The talks were “close to collapse” on Thursday, according to Tom Hale.";
    assert_eq!(
        run(&[doc("d1", text)]),
        pairs(&[("hale", "close to collapse")])
    );
}

#[test]
fn split_quotes_and_pronouns_inherit_the_speaker() {
    let text = "“We asked for a fair wage,” Hale said. “We got a lecture instead.” \
                “It is shameful,” he added.\n\
                “The budget is balanced,” the city official said. “Nobody is being punished.”\n\
                “Talks go on,” she said.";
    assert_eq!(
        run(&[doc("d1", text)]),
        pairs(&[
            ("hale", "We asked for a fair wage,"),
            ("hale", "We got a lecture instead."),
            ("hale", "It is shameful,"),
        ])
    );
}

#[test]
fn unnamed_speaker_breaks_the_chain() {
    let text = "“The strike is over,” Ruiz said. “Everyone returns Monday,” a spokesperson \
                said. “The harbor opens at dawn.”";
    assert_eq!(
        run(&[doc("d1", text)]),
        pairs(&[("ruiz", "The strike is over,")])
    );
}

#[test]
fn scare_quotes_captions_and_unmatched_marks_are_ignored() {
    let text = "Ruiz called the plan a “compromise” on Tuesday.\n\
                Photo: Hale said “we will win this fight” at the rally\n\
                Hale said the offer was “a start. More rallies are planned.";
    let mut d = doc("d1", text);
    let caption = text.find("Photo").unwrap();
    let last = text.rfind("Hale said").unwrap();
    d.sections = vec![
        Section {
            start: 0,
            end: caption,
            kind: SectionKind::Body,
        },
        Section {
            start: caption,
            end: last,
            kind: SectionKind::Caption,
        },
        Section {
            start: last,
            end: text.len(),
            kind: SectionKind::Body,
        },
    ];
    assert!(run(&[d]).is_empty());
}

#[test]
fn quotes_without_a_named_speaker_are_dropped_and_order_follows_documents() {
    let a = doc(
        "a",
        "“Nobody told us anything,” one docker said.\n\
         “Pay us what we are owed,” Hale told the crowd.",
    );
    let b = doc(
        "b",
        "Ruiz said: “I respect the workers.” Hale replied, “Then pay them.”",
    );
    assert_eq!(
        run(&[b, a]),
        pairs(&[
            ("ruiz", "I respect the workers."),
            ("hale", "Then pay them."),
            ("hale", "Pay us what we are owed,"),
        ])
    );
}
