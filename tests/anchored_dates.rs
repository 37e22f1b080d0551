//! Articles without a date of their own take one from the happenings they share with dated
//! articles: "late Friday" beside another article's "the Jan. 5 collapse".

use newsline::analysis::analyze;
use newsline::corpus::{DateBasis, load_in_memory};
use newsline::story::Story;

fn story(files: &[(&str, &str)]) -> Story {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    analyze(load_in_memory(&files))
}

fn reference(story: &Story, file: &str) -> (Option<String>, DateBasis) {
    let d = story
        .documents
        .iter()
        .find(|d| d.file.ends_with(file))
        .unwrap_or_else(|| panic!("{file} not loaded"));
    (d.published.clone(), d.published_basis)
}

/// Dated articles about other things, so that the words of one happening are rare.
const OTHERS: [(&str, &str); 3] = [
    (
        "c.txt",
        "Council Votes\n\nBOSTON, January 9, 2024 — The city council approved a new budget for \
         schools on Monday after a long debate about teacher salaries.\n",
    ),
    (
        "d.txt",
        "Storm Hits\n\nMIAMI, January 12, 2024 — A winter storm cut power to thousands of homes \
         on Thursday, the utility said.\n",
    ),
    (
        "e.txt",
        "Museum Opens\n\nCHICAGO, January 15, 2024 — A museum of modern sculpture opened its \
         doors to visitors on Sunday.\n",
    ),
];

/// A dated report of a crane's collapse that the tests' other articles are matched with.
const INQUIRY: (&str, &str) = (
    "a.txt",
    "Inquiry Opens\n\nBERGEN, January 10, 2024 — Investigators said the Jan. 5 collapse \
     of a harbour crane crushed a cargo shed in Laksevag.\n",
);

#[test]
fn a_weekday_matched_with_a_dated_report_of_the_same_happening_dates_the_article() {
    let mut files = vec![
        INQUIRY,
        (
            "b.txt",
            "Crane Falls\n\nA harbour crane collapse late Friday crushed a cargo shed in \
             Laksevag. The port said on Saturday it had inspected its cranes.\n",
        ),
    ];
    files.extend(OTHERS);
    let story = story(&files);
    assert_eq!(
        reference(&story, "b.txt"),
        (Some("2024-01-06".to_string()), DateBasis::Anchored),
        "written the day after the Friday the other article dates"
    );
    // Its weekdays are now dated: the Saturday after that Friday.
    let saturday = story
        .timexes
        .iter()
        .find(|t| t.text == "Saturday")
        .expect("Saturday tagged");
    assert_eq!(saturday.value, "2024-01-06");
}

#[test]
fn an_article_telling_a_later_year_is_not_dated_before_it() {
    let mut files = vec![
        INQUIRY,
        (
            "b.txt",
            "Crane Falls Again\n\nA harbour crane collapse late Friday crushed a cargo shed in \
             Laksevag. The shed was rebuilt in 2025 after the first collapse.\n",
        ),
    ];
    files.extend(OTHERS);
    let story = story(&files);
    assert_ne!(reference(&story, "b.txt").1, DateBasis::Anchored);
}

#[test]
fn names_and_roles_in_common_are_no_shared_happening() {
    let mut files = vec![
        (
            "a.txt",
            "Mayor Meets Director\n\nTRONDHEIM, January 11, 2024 — The mayor received \
             director Ola Brekke of the council on Jan. 9 at the town hall.\n",
        ),
        (
            "b.txt",
            "Director Out\n\nThe council replaced director Ola Brekke on Tuesday with his \
             deputy, who had led the youth office.\n",
        ),
    ];
    files.extend(OTHERS);
    let story = story(&files);
    let (_, basis) = reference(&story, "b.txt");
    assert_ne!(basis, DateBasis::Anchored);
}

#[test]
fn a_day_without_its_year_is_matched_in_the_year_its_weekday_agrees_with() {
    // "Nov. 11" in an undated article is first placed in the year nearest the corpus's middle
    // date (2023); the Friday another article reports is 11 November 2022.
    let files = [
        (
            "a.txt",
            "Mill Closes\n\nThe paper mill filed for bankruptcy on Nov. 11 after a pile of unpaid \
             invoices exposed a hole in its accounts.\n",
        ),
        (
            "b.txt",
            "Owner Resigns\n\nThe paper mill filed for bankruptcy protection on Friday and its \
             owner resigned over a pile of unpaid invoices.\n",
        ),
        (
            "c.txt",
            "Trial Begins\n\nOSLO, October 3, 2023 — Jury selection began in the fraud trial \
             of the mill owner on Tuesday.\n",
        ),
        (
            "d.txt",
            "Owner Arrested\n\nTROMSO, December 13, 2022 — Police arrested the mill owner at his \
             home on Monday at the request of prosecutors.\n",
        ),
        (
            "e.txt",
            "Verdict\n\nOSLO, November 3, 2023 — A jury found the mill owner guilty of fraud on \
             Thursday.\n",
        ),
    ];
    let story = story(&files);
    assert_eq!(
        reference(&story, "b.txt"),
        (Some("2022-11-12".to_string()), DateBasis::Anchored)
    );
}
