//! Tests of statements and clause titles, on the fixtures of `tests`.

use super::*;

#[test]
fn people_who_speak_together_both_take_part() {
    let f = fixture(
        &[
            "Chief executive Ada Lund and chairman Per Dahl told staff on Monday that the plant stays open.",
        ],
        &[("Ada Lund", &["Ada Lund"]), ("Per Dahl", &["Per Dahl"])],
        &[],
        &[("Monday", "2023-03-06")],
    );
    let s = summary(&run(&f), &f);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, ["Ada Lund".to_string(), "Per Dahl".to_string()]);
}

#[test]
fn a_date_restated_in_brackets_is_one_event_on_the_written_day() {
    // The weekday and the other time zone's day are one moment: one event, on the day the
    // numbers say, titled without the brackets.
    let f = fixture(
        &[
            "The safety board said in a report released on Wednesday (March 8) that bolts were missing.",
            "Ada Lund told staff on Monday (Tuesday AEST) that the plant stays open.",
        ],
        &[("Ada Lund", &["Ada Lund"])],
        &[],
        &[
            ("Wednesday", "2023-03-15"),
            ("March 8", "2023-03-08"),
            ("Monday", "2023-03-06"),
            ("Tuesday AEST", "2023-03-07"),
        ],
    );
    let events = run(&f);
    let s = summary(&events, &f);
    assert_eq!(s.len(), 2, "{s:?}");
    let titles: Vec<&str> = events.iter().map(|e| e.title.as_str()).collect();
    let report = events
        .iter()
        .find(|e| e.title.contains("bolts"))
        .unwrap_or_else(|| panic!("{titles:?}"));
    assert_eq!(report.when.value, "2023-03-08");
    let told = events
        .iter()
        .find(|e| !e.participants.is_empty())
        .unwrap_or_else(|| panic!("{titles:?}"));
    assert_eq!(told.when.value, "2023-03-06");
    assert!(!told.title.contains("AEST"), "{}", told.title);
}

#[test]
fn a_clause_that_is_only_its_date_is_titled_by_the_phrase_it_closes() {
    let f = fixture(
        &[
            "Ada Lund on Thursday asked the court to stay the trial, which was scheduled to open on May 4.",
            "The ruling came as the union wanted a hearing in September while Per Dahl sought a postponement of some months, until February.",
        ],
        &[("Ada Lund", &["Ada Lund"]), ("Per Dahl", &["Per Dahl"])],
        &[],
        &[
            ("Thursday", "2023-04-13"),
            ("May 4", "2023-05-04"),
            ("September", "2023-09"),
            ("February", "2024-02"),
        ],
    );
    let events = run(&f);
    let titles: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e.when.value.as_str(), e.title.as_str()))
        .collect();
    assert!(
        titles
            .iter()
            .any(|(v, t)| *v == "2023-05-04" && t.starts_with("The trial was scheduled to open")),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|(v, t)| *v == "2024-02" && t.starts_with("Dahl sought a postponement")),
        "{titles:?}"
    );
}

#[test]
fn a_bodys_announcement_is_about_the_people_it_names_a_persons_words_are_theirs() {
    let f = fixture(
        &[
            "The Harbour Board announced on Tuesday that Ada Lund will replace Per Dahl as director.",
            "Per Dahl said on Friday that Ada Lund would do well.",
        ],
        &[("Ada Lund", &["Ada Lund"]), ("Per Dahl", &["Per Dahl"])],
        &[("Harbour Board", &["Harbour Board"])],
        &[("Tuesday", "2023-03-07"), ("Friday", "2023-03-10")],
    );
    let s = summary(&run(&f), &f);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(
        s[0].1,
        ["Ada Lund", "Per Dahl", "Harbour Board"].map(String::from),
        "{s:?}"
    );
    assert_eq!(s[1].1, ["Per Dahl".to_string()], "{s:?}");
}

#[test]
fn a_dated_attribution_is_titled_with_what_was_said() {
    let f = fixture(
        &[
            "A ferry on its way to the islands went missing on Sunday, the Harbour Board said Monday.",
        ],
        &[],
        &[("Harbour Board", &["Harbour Board"])],
        &[("Sunday", "2023-03-05"), ("Monday", "2023-03-06")],
    );
    let events = run(&f);
    let said = events
        .iter()
        .find(|e| e.when.value == "2023-03-06")
        .expect("the statement is an event");
    assert!(
        said.title
            .starts_with("The Harbour Board said a ferry on its way to the islands went missing"),
        "{}",
        said.title
    );
}

#[test]
fn a_sentence_in_another_language_reports_no_event() {
    let f = fixture(
        &[
            "Ada Lund opened the new ferry line on Friday. Los vecinos del barrio celebran la llegada del nuevo transbordador con una fiesta en el puerto el viernes por la tarde.",
        ],
        &[("Ada Lund", &["Ada Lund"])],
        &[],
        &[("Friday", "2023-03-10"), ("viernes", "2023-03-10")],
    );
    let events = run(&f);
    assert_eq!(
        events.len(),
        1,
        "{:?}",
        events.iter().map(|e| &e.title).collect::<Vec<_>>()
    );
    assert_eq!(events[0].mentions.len(), 1);
}

#[test]
fn a_happening_named_again_by_its_noun_takes_in_who_did_it() {
    // The dated sentence says only "The appeal"; the sentence before says who lodged it.
    let f = fixture(
        &[
            "Harbour pilot Ada Lund has lodged a formal appeal with the port authority against Per Dahl. The appeal was lodged on Tuesday, a spokesperson said.",
            "Ada Lund spoke to Per Dahl in March. The ferry was late on Friday.",
        ],
        &[("Ada Lund", &["Ada Lund"]), ("Per Dahl", &["Per Dahl"])],
        &[],
        &[("Tuesday", "2023-03-07"), ("Friday", "2023-03-10")],
    );
    let s = summary(&run(&f), &f);
    let filed = s
        .iter()
        .find(|e| e.0 == "2023-03-07")
        .unwrap_or_else(|| panic!("{s:?}"));
    assert_eq!(
        filed.1,
        ["Ada Lund".to_string()],
        "the one who lodged it, not its target"
    );
    // A noun the sentence before does not report after its person is no reference to it.
    let ferry = s
        .iter()
        .find(|e| e.0 == "2023-03-10")
        .unwrap_or_else(|| panic!("{s:?}"));
    assert!(ferry.1.is_empty(), "{s:?}");
}

#[test]
fn a_date_after_but_dates_the_clause_that_follows_it() {
    // "… agreed in March to buy the yard but he pulled out on Friday": Friday's clause starts
    // at "but", so its title is what was done on Friday, not the tail of the first clause.
    let f = fixture(
        &["Per Dahl agreed in March to buy the shipyard but he pulled out of the deal on Friday."],
        &[("Per Dahl", &["Per Dahl"])],
        &[],
        &[("March", "2023-03"), ("Friday", "2023-06-09")],
    );
    let events = run(&f);
    let friday = events
        .iter()
        .find(|e| e.when.value == "2023-06-09")
        .unwrap_or_else(|| panic!("{events:?}"));
    // (The fixture resolves no pronouns: the story reads "Dahl pulled out of the deal".)
    assert_eq!(friday.title, "He pulled out of the deal");
}

#[test]
fn coordinated_dates_share_their_clause_and_a_spaced_dash_ends_one() {
    let f = fixture(
        &[
            "Regulators capped output after two ferry fires in 2011 and 2014, resulting in heavy losses.",
            "The harbour board on Monday will open a hearing into the sinking – the ferry that authorities said sank in the fjord in May 2022, with all aboard.",
        ],
        &[],
        &[],
        &[
            ("2011", "2011"),
            ("2014", "2014"),
            ("Monday", "2023-03-13"),
            ("May 2022", "2022-05"),
        ],
    );
    let events = run(&f);
    let title = |value: &str| {
        events
            .iter()
            .find(|e| e.when.value == value)
            .map(|e| e.title.clone())
            .unwrap_or_default()
    };
    assert_eq!(title("2011"), title("2014"), "{events:?}");
    assert!(
        title("2014").starts_with("Regulators capped output"),
        "{}",
        title("2014")
    );
    assert!(
        title("2023-03-13").contains("will open a hearing"),
        "{}",
        title("2023-03-13")
    );
}

#[test]
fn the_owner_of_what_acted_is_no_participant_but_the_maker_of_a_request_is() {
    let f = fixture(
        &[
            "On Sunday, Dahl's company wrote that it had sent a ship to the search. At Lund's request, Berg called the harbour on Monday.",
        ],
        &[
            ("Per Dahl", &["Dahl"]),
            ("Ada Lund", &["Lund"]),
            ("Eva Berg", &["Berg"]),
        ],
        &[],
        &[("Sunday", "2023-03-05"), ("Monday", "2023-03-06")],
    );
    let s = summary(&run(&f), &f);
    let on = |day: &str| s.iter().find(|e| e.0 == day).map(|e| e.1.clone()).unwrap();
    assert!(on("2023-03-05").is_empty(), "{s:?}");
    assert_eq!(on("2023-03-06"), ["Ada Lund", "Eva Berg"], "{s:?}");
}

#[test]
fn a_which_aside_without_the_date_adds_no_one_to_the_happening() {
    let f = fixture(
        &[
            "The March 3 fire at the quay, which Berg called a turning point in a letter to staff, closed the harbour.",
        ],
        &[("Eva Berg", &["Berg"])],
        &[],
        &[("March 3", "2023-03-03")],
    );
    let s = summary(&run(&f), &f);
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(s[0].1.is_empty(), "{s:?}");
}
