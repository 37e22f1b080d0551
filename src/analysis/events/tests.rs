use super::*;

use crate::corpus::{DateBasis, Section, SectionKind};
use crate::story::{Entity, Mention, TimexType};

/// A tiny hand-made corpus: documents split into sentences at ". ", entities found by their
/// surface forms, timexes given with their values.
struct Fixture {
    docs: Vec<Document>,
    sentences: HashMap<String, Vec<Sentence>>,
    timexes: Vec<Timex>,
    entities: Entities,
}

fn fixture(
    texts: &[&str],
    people: &[(&str, &[&str])],
    places: &[(&str, &[&str])],
    dates: &[(&str, &str)],
) -> Fixture {
    let mut docs = Vec::new();
    let mut sentences = HashMap::new();
    let mut timexes = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let id = format!("d{}", i + 1);
        let mut spans = Vec::new();
        let mut start = 0;
        for (pos, _) in text.match_indices(". ") {
            spans.push(Sentence {
                start,
                end: pos + 1,
                section: SectionKind::Body,
            });
            start = pos + 2;
        }
        spans.push(Sentence {
            start,
            end: text.len(),
            section: SectionKind::Body,
        });
        sentences.insert(id.clone(), spans);
        for (surface, value) in dates {
            for (pos, _) in text.match_indices(surface) {
                timexes.push(Timex {
                    doc: Some(id.clone()),
                    start: pos,
                    end: pos + surface.len(),
                    text: surface.to_string(),
                    kind: TimexType::Date,
                    value: value.to_string(),
                    modifier: None,
                });
            }
        }
        docs.push(Document {
            id,
            file: format!("{i}.txt"),
            title: None,
            outlet: None,
            url: None,
            published: Some("2023-03-10".into()),
            published_basis: DateBasis::Manifest,
            about: Default::default(),
            text: text.to_string(),
            sections: vec![Section {
                start: 0,
                end: text.len(),
                kind: SectionKind::Body,
            }],
        });
    }
    let mut entities = Vec::new();
    let groups = people
        .iter()
        .map(|p| (p, EntityKind::Person))
        .chain(places.iter().map(|p| (p, EntityKind::Place)));
    for (n, ((name, forms), kind)) in groups.enumerate() {
        let mut mentions = Vec::new();
        for doc in &docs {
            let mut taken: Vec<(usize, usize)> = Vec::new();
            let mut forms: Vec<&str> = forms.to_vec();
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            for form in forms {
                for (pos, _) in doc.text.match_indices(form) {
                    let span = (pos, pos + form.len());
                    if !taken.iter().any(|t| t.0 < span.1 && span.0 < t.1) {
                        taken.push(span);
                        mentions.push(Mention {
                            doc: doc.id.clone(),
                            start: span.0,
                            end: span.1,
                        });
                    }
                }
            }
        }
        entities.push(Entity {
            id: format!("e{n}"),
            kind,
            name: name.to_string(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions,
            edited: false,
        });
    }
    Fixture {
        docs,
        sentences,
        timexes,
        entities: Entities {
            entities,
            affiliations: Vec::new(),
        },
    }
}

fn run(f: &Fixture) -> Vec<Event> {
    extract(&f.docs, &f.sentences, &f.timexes, &f.entities)
}

fn summary(events: &[Event], f: &Fixture) -> Vec<(String, Vec<String>, usize)> {
    events
        .iter()
        .map(|e| {
            let names = e
                .participants
                .iter()
                .map(|p| {
                    f.entities
                        .entities
                        .iter()
                        .find(|x| &x.id == p)
                        .unwrap()
                        .name
                        .clone()
                })
                .collect();
            let mut docs: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
            docs.dedup();
            (e.when.value.clone(), names, docs.len())
        })
        .collect()
}

#[test]
fn one_happening_reported_by_three_outlets_is_one_event() {
    let f = fixture(
        &[
            "Prime Minister Hana Sato met President Min Kim in Seoul on Tuesday. The summit lasted two hours.",
            "Sato and Kim held a summit on Tuesday in Seoul, officials said.",
            "On March 7, Kim told Sato that the summit was useful. Separately, Sato visited Busan on Thursday.",
        ],
        &[
            ("Hana Sato", &["Hana Sato", "Sato"]),
            ("Min Kim", &["Min Kim", "Kim"]),
        ],
        &[("Seoul", &["Seoul"]), ("Busan", &["Busan"])],
        &[
            ("Tuesday", "2023-03-07"),
            ("March 7", "2023-03-07"),
            ("Thursday", "2023-03-09"),
        ],
    );
    let events = run(&f);
    let s = summary(&events, &f);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0].0, "2023-03-07");
    assert_eq!(
        s[0].2, 3,
        "the summit is reported by all three documents: {s:?}"
    );
    // Both are named by all three: in either order.
    let mut two = s[0].1[..2].to_vec();
    two.sort();
    assert_eq!(two, ["Hana Sato".to_string(), "Min Kim".to_string()]);
    assert_eq!(s[1].0, "2023-03-09");
    assert_eq!(s[1].1, ["Hana Sato".to_string(), "Busan".to_string()]);
}

#[test]
fn a_which_aside_dates_its_noun_not_the_subject() {
    let f = fixture(
        &[
            "Governor Ines Vale backed the water plan, which will begin in June with pumps in Arles.",
            "Vale said the plan would cost little.",
        ],
        &[("Ines Vale", &["Ines Vale", "Vale"])],
        &[("Arles", &["Arles"])],
        &[("June", "2023-06")],
    );
    let s = summary(&run(&f), &f);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, ["Arles".to_string()], "{s:?}");
    // Without the comma, the date is the backing's: "backed the plan in June".
    let f = fixture(
        &["Governor Ines Vale backed the water plan in June with pumps in Arles."],
        &[("Ines Vale", &["Ines Vale", "Vale"])],
        &[("Arles", &["Arles"])],
        &[("June", "2023-06")],
    );
    let s = summary(&run(&f), &f);
    assert_eq!(
        s[0].1,
        ["Ines Vale".to_string(), "Arles".to_string()],
        "{s:?}"
    );
    // A name of several words before the comma is the noun, whole.
    let f = fixture(
        &["Governor Ines Vale praised New Arles, which will vote in June on the plan."],
        &[("Ines Vale", &["Ines Vale", "Vale"])],
        &[("New Arles", &["New Arles"])],
        &[("June", "2023-06")],
    );
    let s = summary(&run(&f), &f);
    assert_eq!(s[0].1, ["New Arles".to_string()], "{s:?}");
}

#[test]
fn a_date_after_ahead_of_belongs_to_the_talks_not_to_the_subject() {
    let f = fixture(
        &[
            "Mayor Ada Lund urged patience ahead of wage talks between the unions and the city on May 4 in Tromso.",
            "The wage talks will open on May 4. They will be led by negotiator Per Dahl and Siri Moe.",
            "Lund agreed to an agenda for the talks that are planned in early May. Moe held a meeting before bringing the sides together on May 2.",
        ],
        &[
            ("Ada Lund", &["Ada Lund", "Lund"]),
            ("Per Dahl", &["Per Dahl"]),
            ("Siri Moe", &["Siri Moe", "Moe"]),
        ],
        &[("Tromso", &["Tromso"])],
        &[
            ("May 4", "2023-05-04"),
            ("early May", "2023-05"),
            ("May 2", "2023-05-02"),
        ],
    );
    let events = run(&f);
    let s = summary(&events, &f);
    // The urging and the agreement are Lund's, the talks are not: she is no participant;
    // "the talks that are planned in early May" are the talks of May 4, not an event of
    // their own.
    assert_eq!(s.len(), 2, "{s:?}");
    let talks = s.iter().find(|e| e.0 == "2023-05-04").expect("the talks");
    assert!(!talks.1.contains(&"Ada Lund".to_string()), "{s:?}");
    assert_eq!(talks.2, 3, "all three documents report the talks: {s:?}");
    let talks_event = events
        .iter()
        .find(|e| e.when.value == "2023-05-04")
        .unwrap();
    assert!(
        talks_event
            .title
            .starts_with("Wage talks between the unions"),
        "{}",
        talks_event.title
    );
    // A gerund after "before" shares the subject: Moe brought the sides together.
    let bringing = s.iter().find(|e| e.0 == "2023-05-02").expect("May 2");
    assert_eq!(bringing.1, ["Siri Moe".to_string()]);
}

#[test]
fn a_when_clause_after_a_date_says_what_happened_then() {
    let f = fixture(
        &[
            "Mayor Ada Lund warned in May that crews could repeat the blockade of 2017, when farmers closed the bridge for a week.",
        ],
        &[("Ada Lund", &["Ada Lund", "Lund"])],
        &[],
        &[("May", "2023-05"), ("2017", "2017")],
    );
    let events = run(&f);
    let blockade = events.iter().find(|e| e.when.value == "2017").unwrap();
    assert_eq!(blockade.title, "Farmers closed the bridge for a week");
    assert!(blockade.participants.is_empty(), "Lund warned in May");
}

#[test]
fn a_date_in_an_aside_about_someone_dates_the_aside() {
    let f = fixture(
        &[
            "Ada Lund, who became mayor of Tromso in 2019, told the council that the bridge would close.",
        ],
        &[("Ada Lund", &["Ada Lund", "Lund"])],
        &[("Tromso", &["Tromso"])],
        &[("2019", "2019")],
    );
    let events = run(&f);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].title, "Lund became mayor of Tromso");
    assert_eq!(events[0].participants, ["e0", "e1"]);
}

#[test]
fn a_datelines_date_is_no_event() {
    let f = fixture(
        &[
            "TROMSO, May 6, 2023 (Nordwire) — Mayor Ada Lund closed the bridge on Friday. Crews reopened it on Saturday.",
        ],
        &[("Ada Lund", &["Ada Lund", "Lund"])],
        &[("Tromso", &["TROMSO"])],
        &[
            ("May 6, 2023", "2023-05-06"),
            ("Friday", "2023-05-05"),
            ("Saturday", "2023-05-06"),
        ],
    );
    let events = run(&f);
    let s = summary(&events, &f);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(events[0].when.value, "2023-05-05");
    assert_eq!(events[0].title, "Lund closed the bridge");
    assert_eq!(events[1].title, "Crews reopened it");
}

#[test]
fn a_clause_of_only_a_setting_borrows_the_first_clauses_verb() {
    let f = fixture(
        &["The envoys will later meet in Oslo on April 4, and within the council on April 6."],
        &[],
        &[("Oslo", &["Oslo"])],
        &[("April 4", "2023-04-04"), ("April 6", "2023-04-06")],
    );
    let events = run(&f);
    let titles: Vec<&str> = events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "The envoys will later meet in Oslo",
            "The envoys will later meet within the council"
        ]
    );
}

#[test]
fn a_borrowed_verb_leaves_its_date_behind() {
    let f = fixture(
        &["On April 4 the envoys will meet in Oslo, and within the council on April 6."],
        &[],
        &[("Oslo", &["Oslo"])],
        &[("April 4", "2023-04-04"), ("April 6", "2023-04-06")],
    );
    let events = run(&f);
    assert_eq!(
        events[1].title, "The envoys will meet within the council",
        "{events:?}"
    );
}

#[test]
fn a_range_and_a_day_inside_it_are_one_event_and_it_covers_both() {
    let f = fixture(
        &[
            "The envoys will hold talks in Oslo on April 4-5.",
            "Talks between the envoys are set for April 5 in Oslo.",
        ],
        &[],
        &[("Oslo", &["Oslo"])],
        &[
            ("April 4-5", "2023-04-04/2023-04-05"),
            ("April 5", "2023-04-05"),
        ],
    );
    let events = run(&f);
    assert_eq!(events.len(), 1, "{:?}", summary(&events, &f));
    assert_eq!(events[0].when.start, "2023-04-04");
    assert_eq!(events[0].when.end, "2023-04-05");
    assert_eq!(events[0].when.value, "2023-04-04/2023-04-05");
    assert_eq!(events[0].mentions.len(), 2);
}

#[test]
fn a_vague_mention_joins_one_precise_event_and_never_glues_two() {
    let f = fixture(
        &[
            "Lee called Park on March 2. Lee called Park again on March 9. Their second call this month was tense.",
        ],
        &[("Ann Lee", &["Lee"]), ("Joon Park", &["Park"])],
        &[],
        &[
            ("March 2", "2023-03-02"),
            ("March 9", "2023-03-09"),
            ("this month", "2023-03"),
        ],
    );
    let events = run(&f);
    let s = summary(&events, &f);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(events[0].mentions.len() + events[1].mentions.len(), 3);
}

#[test]
fn the_end_of_the_year_is_not_a_january_day() {
    let mut f = fixture(
        &[
            "Lund met Dahl in Oslo on January 12. Lund and Dahl will meet again at the end of the year.",
        ],
        &[("Ada Lund", &["Lund"]), ("Per Dahl", &["Dahl"])],
        &[],
        &[
            ("January 12", "2023-01-12"),
            ("the end of the year", "2023"),
        ],
    );
    let end = f.timexes.iter_mut().find(|t| t.value == "2023").unwrap();
    end.modifier = Some("END".into());
    let s = summary(&run(&f), &f);
    assert_eq!(s.len(), 2, "{s:?}");
}

#[test]
fn a_vague_mention_naming_someone_new_is_not_the_precise_event() {
    let f = fixture(
        &[
            "Lund met Dahl in Oslo on March 2. The talks between Lund and Berg in Oslo this month were tense.",
        ],
        &[
            ("Ada Lund", &["Lund"]),
            ("Per Dahl", &["Dahl"]),
            ("Eva Berg", &["Berg"]),
        ],
        &[("Oslo", &["Oslo"])],
        &[("March 2", "2023-03-02"), ("this month", "2023-03")],
    );
    let s = summary(&run(&f), &f);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        s.iter()
            .all(|(_, names, _)| !(names.contains(&"Per Dahl".to_string())
                && names.contains(&"Eva Berg".to_string()))),
        "{s:?}"
    );
}

#[test]
fn they_means_people_only_right_after_them() {
    let f = fixture(
        &[
            "Adams and Brown agreed to hold talks. The first round will open in Rome. They will resume in Oslo on Friday. Adams met Brown again. They spoke on Monday.",
        ],
        &[("Jo Adams", &["Adams"]), ("Al Brown", &["Brown"])],
        &[("Rome", &["Rome"]), ("Oslo", &["Oslo"])],
        &[("Friday", "2023-03-03"), ("Monday", "2023-03-06")],
    );
    let s = summary(&run(&f), &f);
    let people_of = |day: &str| s.iter().find(|e| e.0 == day).map(|e| e.1.clone());
    // "They will resume" follows a sentence about the talks: no people, just the place.
    assert_eq!(people_of("2023-03-03"), Some(vec!["Oslo".to_string()]));
    // "They spoke" follows a sentence naming both: the two of them.
    assert_eq!(
        people_of("2023-03-06"),
        Some(vec!["Jo Adams".to_string(), "Al Brown".to_string()])
    );
}

#[test]
fn reporters_are_not_participants_and_pairs_resolve() {
    let f = fixture(
        &["Adams met Brown in Rome. Clark said the two leaders spoke again on Friday."],
        &[
            ("Jo Adams", &["Adams"]),
            ("Al Brown", &["Brown"]),
            ("Cy Clark", &["Clark"]),
        ],
        &[("Rome", &["Rome"])],
        &[("Friday", "2023-03-03")],
    );
    let events = run(&f);
    let s = summary(&events, &f);
    assert_eq!(
        s,
        [(
            "2023-03-03".to_string(),
            vec!["Jo Adams".to_string(), "Al Brown".to_string()],
            1
        )]
    );
    assert_eq!(events[0].title, "The two leaders spoke again");
}

#[test]
fn a_following_sentence_that_refers_back_adds_its_people_unless_negated() {
    let f = fixture(
        &[
            "The countries will meet in Vienna on May 2. Those talks will be led by Ortiz and Novak. Lopez will not attend those talks.",
        ],
        &[
            ("Eva Ortiz", &["Ortiz"]),
            ("Ivan Novak", &["Novak"]),
            ("Rita Lopez", &["Lopez"]),
        ],
        &[("Vienna", &["Vienna"])],
        &[("May 2", "2023-05-02")],
    );
    let events = run(&f);
    let s = summary(&events, &f);
    assert_eq!(s.len(), 1);
    assert!(
        s[0].1.contains(&"Eva Ortiz".to_string()) && s[0].1.contains(&"Ivan Novak".to_string()),
        "{s:?}"
    );
    assert!(!s[0].1.contains(&"Rita Lopez".to_string()));
    assert_eq!(events[0].mentions.len(), 2);
}

#[test]
fn two_dates_in_one_sentence_make_two_events() {
    let f = fixture(
        &["Talks continue in Brussels on June 12, and within the council in Vienna on June 13."],
        &[],
        &[("Brussels", &["Brussels"]), ("Vienna", &["Vienna"])],
        &[("June 12", "2023-06-12"), ("June 13", "2023-06-13")],
    );
    let events = run(&f);
    let s = summary(&events, &f);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0].1, ["Brussels".to_string()]);
    assert_eq!(s[1].1, ["Vienna".to_string()]);
}

/// Who takes part in a statement, dates restated in brackets, and titles of clauses that say
/// little on their own.
#[path = "clause_tests.rs"]
mod clauses;

#[test]
fn one_article_s_sentences_about_one_day_need_more_in_common_than_two_outlets() {
    let people: &[(&str, &[&str])] = &[("Ada Lund", &["Lund"]), ("Per Dahl", &["Dahl"])];
    let dates = &[("Monday", "2023-03-06")];
    let one = fixture(
        &[
            "Lund warned on Monday that the harbour bridge would shut. Dahl painted the harbour bridge blue on Monday.",
        ],
        people,
        &[],
        dates,
    );
    let s = summary(&run(&one), &one);
    assert_eq!(s.len(), 2, "one article, two happenings: {s:?}");
    let two = fixture(
        &[
            "Lund warned on Monday that the harbour bridge would shut.",
            "Inspectors said on Monday the harbour bridge is unsafe.",
        ],
        people,
        &[],
        dates,
    );
    let s = summary(&run(&two), &two);
    assert_eq!(s.len(), 1, "two outlets, one news of the bridge: {s:?}");
}

#[test]
fn one_articles_happenings_of_one_day_stay_apart() {
    // The same person on the same day, in three happenings that share no happening word.
    let f = fixture(
        &[
            "Chair Ada Lund warned Wednesday that a shutdown would halt the inquiry. Lund, who was at the parliament Wednesday to brief the committee, said the inquiry is at an early stage. Minister Per Dahl briefed senators virtually Wednesday and Lund said that she and Dahl talk daily.",
        ],
        &[
            ("Ada Lund", &["Ada Lund", "Lund"]),
            ("Per Dahl", &["Per Dahl", "Dahl"]),
        ],
        &[],
        &[("Wednesday", "2024-01-17")],
    );
    let s = summary(&run(&f), &f);
    assert_eq!(s.len(), 3, "{s:?}");
    // Two outlets' reports of the one warning are one event.
    let f = fixture(
        &[
            "Chair Ada Lund warned Wednesday that a shutdown would halt the inquiry.",
            "Lund said on Wednesday that the inquiry would stop in a shutdown.",
        ],
        &[("Ada Lund", &["Ada Lund", "Lund"])],
        &[],
        &[("Wednesday", "2024-01-17")],
    );
    let s = summary(&run(&f), &f);
    assert_eq!(s.len(), 1, "{s:?}");
}
