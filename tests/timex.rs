//! The date tagger on sentences written for the tests, and on the sample's expressions.

use jiff::civil::Date;
use newsline::analysis::timex::{interval, range_end, tag};
use newsline::story::{Granularity, TimexType};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// (text, value) of every timex, with the type and modifier when asked.
fn values(text: &str, dct: &str) -> Vec<(String, String)> {
    tag(text, Some(d(dct)))
        .into_iter()
        .map(|t| {
            assert_eq!(&text[t.start..t.end], t.text);
            (t.text, t.value)
        })
        .collect()
}

fn value_of(text: &str, dct: &str, expr: &str) -> String {
    values(text, dct)
        .into_iter()
        .find(|(t, _)| t == expr)
        .unwrap_or_else(|| panic!("{expr:?} not tagged in {text:?}: {:?}", values(text, dct)))
        .1
}

#[test]
fn absolute_dates() {
    let dct = "2023-05-10";
    assert_eq!(
        value_of(
            "The law took effect on 30 December 2021.",
            dct,
            "30 December 2021"
        ),
        "2021-12-30"
    );
    assert_eq!(
        value_of("Filed 12/30/2021 in court.", dct, "12/30/2021"),
        "2021-12-30"
    );
    assert_eq!(
        value_of("It opened Sept. 3, 1998, to crowds.", dct, "Sept. 3, 1998"),
        "1998-09-03"
    );
    assert_eq!(
        value_of("The plant closed in March 2019.", dct, "March 2019"),
        "2019-03"
    );
    assert_eq!(
        value_of("Prices rose in 2014 and again later.", dct, "2014"),
        "2014"
    );
    assert_eq!(
        value_of("Growth stalled in the 1990s.", dct, "the 1990s"),
        "199"
    );
    assert_eq!(
        value_of("The report came out 2022-11-04.", dct, "2022-11-04"),
        "2022-11-04"
    );
}

#[test]
fn a_condition_looks_ahead_unless_its_own_verb_looks_back() {
    // A Sunday article: the condition's Monday is tomorrow, whatever the main clause's tense.
    let dct = "2024-03-17";
    assert_eq!(
        value_of(
            "If members reject the deal on Monday, the union has said it could strike again.",
            dct,
            "Monday"
        ),
        "2024-03-18"
    );
    assert_eq!(
        value_of(
            "Unless the board agrees on Friday, talks were said to be over.",
            dct,
            "Friday"
        ),
        "2024-03-22"
    );
    // Its own past verb still wins: "if they met on Monday" asks about last Monday.
    assert_eq!(
        value_of(
            "Reporters asked if they met on Monday, and the union said no.",
            dct,
            "Monday"
        ),
        "2024-03-11"
    );
    // Outside a condition nothing changes: the main clause's past governs.
    assert_eq!(
        value_of(
            "The union said on Monday that members had voted.",
            dct,
            "Monday"
        ),
        "2024-03-11"
    );
}

#[test]
fn month_days_take_their_year_from_tense() {
    // A December article: a meeting "will" happen in January next year, a summit "was" in June.
    let dct = "2019-12-20";
    assert_eq!(
        value_of(
            "The ministers will meet on January 8 in Oslo.",
            dct,
            "January 8"
        ),
        "2020-01-08"
    );
    assert_eq!(
        value_of("Their summit on June 3 was tense.", dct, "June 3"),
        "2019-06-03"
    );
    assert_eq!(
        value_of("Talks are scheduled for the week of Feb. 2.", dct, "Feb. 2"),
        "2020-02-02"
    );
    assert_eq!(
        value_of("The mayor said the vote was held Nov. 30.", dct, "Nov. 30"),
        "2019-11-30"
    );
    // A rule "effective" on a date takes effect then: months ahead, not months back.
    assert_eq!(
        value_of(
            "The new pay scale, effective May 1, covers every clerk.",
            dct,
            "May 1"
        ),
        "2020-05-01"
    );
}

#[test]
fn weekdays_point_back_unless_the_sentence_looks_ahead() {
    let dct = "2024-03-06"; // a Wednesday
    assert_eq!(
        value_of("The mayor resigned on Friday.", dct, "Friday"),
        "2024-03-01"
    );
    assert_eq!(
        value_of("The council will vote on Friday.", dct, "Friday"),
        "2024-03-08"
    );
    assert_eq!(
        value_of("She spoke Monday night with donors.", dct, "Monday night"),
        "2024-03-04"
    );
    assert_eq!(
        value_of("Last Wednesday the bridge closed.", dct, "Last Wednesday"),
        "2024-02-28"
    );
    assert_eq!(
        value_of("It happened yesterday.", dct, "yesterday"),
        "2024-03-05"
    );
    assert_eq!(
        value_of("Two days ago the strike ended.", dct, "Two days ago"),
        "2024-03-04"
    );
}

#[test]
fn relative_units_and_references() {
    let dct = "2024-03-06";
    assert_eq!(
        value_of("Sales fell this week.", dct, "this week"),
        "2024-W10"
    );
    assert_eq!(
        value_of("Sales fell last month.", dct, "last month"),
        "2024-02"
    );
    assert_eq!(
        value_of("A vote comes next year.", dct, "next year"),
        "2025"
    );
    assert_eq!(
        value_of("It rained earlier this month.", dct, "earlier this month"),
        "2024-03"
    );
    assert_eq!(
        value_of("Work starts early next year.", dct, "early next year"),
        "2025"
    );
    assert_eq!(value_of("It is calm now.", dct, "now"), "PRESENT_REF");
    assert_eq!(
        value_of("Prices have risen in recent weeks.", dct, "recent weeks"),
        "PXW"
    );
    assert_eq!(
        value_of(
            "Aid arrives in the upcoming week.",
            dct,
            "the upcoming week"
        ),
        "2024-W11"
    );
    assert_eq!(
        value_of(
            "Profit rose in the third quarter.",
            dct,
            "the third quarter"
        ),
        "2024-Q3"
    );
    let t = tag("Work starts early next year.", Some(d(dct)));
    assert_eq!(t[0].modifier.as_deref(), Some("START"));
}

#[test]
fn durations_and_sets() {
    let dct = "2024-03-06";
    let all = tag(
        "A 50-minute call, almost an hour long, after some weeks of talks; two years of war; meetings daily and every Monday.",
        Some(d(dct)),
    );
    let got: Vec<(&str, TimexType, &str)> = all
        .iter()
        .map(|t| (t.text.as_str(), t.kind, t.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("50-minute", TimexType::Duration, "PT50M"),
            ("almost an hour", TimexType::Duration, "PT1H"),
            ("some weeks", TimexType::Duration, "PXW"),
            ("two years", TimexType::Duration, "P2Y"),
            ("daily", TimexType::Set, "P1D"),
            ("every Monday", TimexType::Set, "XXXX-WXX-1"),
        ]
    );
    assert_eq!(all[1].modifier.as_deref(), Some("LESS_THAN"));
    // Counted from another happening, not from the reference date: only a duration.
    let v = values(
        "The envoy shuttled between them for four days before the breakthrough.",
        "2023-03-17",
    );
    assert_eq!(v, [("four days".to_string(), "P4D".to_string())]);
    let v = values("The strike had begun four days before.", "2023-03-17");
    assert_eq!(
        v,
        [("four days before".to_string(), "2023-03-13".to_string())]
    );
}

#[test]
fn not_dates() {
    let dct = "2024-03-06";
    assert!(
        values("She may march on the capital with 2,000 people.", dct).is_empty(),
        "{:?}",
        values("She may march on the capital with 2,000 people.", dct)
    );
    assert!(values("The 6-year-old won 1500 dollars.", dct).is_empty());
    assert!(values("Now, the council must decide.", dct).is_empty());
}

#[test]
fn ranges_keep_their_last_day() {
    let t = tag(
        "Talks will take place in Vienna on April 4-5, 2023.",
        Some(d("2023-03-01")),
    );
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].text, "April 4-5, 2023");
    assert_eq!(t[0].value, "2023-04-04");
    assert_eq!(range_end(&t[0]), Some(d("2023-04-05")));
}

#[test]
fn without_a_reference_date_relative_values_keep_unknowns() {
    let t = tag("The vote was on Friday, Dec. 3.", None);
    let v: Vec<&str> = t.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(v, ["XXXX-12-03"]);
}

#[test]
fn intervals_of_values() {
    let w = interval("2022-W02").unwrap();
    assert_eq!(
        (w.start.as_str(), w.end.as_str(), w.granularity),
        ("2022-01-10", "2022-01-16", Granularity::Week)
    );
    let q = interval("2021-Q4").unwrap();
    assert_eq!(
        (q.start.as_str(), q.end.as_str()),
        ("2021-10-01", "2021-12-31")
    );
    assert_eq!(interval("199").unwrap().granularity, Granularity::Decade);
    assert_eq!(interval("2021-12").unwrap().end, "2021-12-31");
    assert!(interval("P1Y").is_none());
    assert!(interval("PAST_REF").is_none());
}

#[test]
fn the_sample_s_dates() {
    let story = newsline::analysis::analyze(newsline::sample::corpus());
    let has = |text: &str, value: &str| {
        assert!(
            story
                .timexes
                .iter()
                .any(|t| t.text == text && t.value == value),
            "{text} → {value}: {:?}",
            story
                .timexes
                .iter()
                .map(|t| (&t.text, &t.value))
                .collect::<Vec<_>>()
        )
    };
    has("Thursday", "2021-12-30");
    has("Wednesday", "2021-12-29");
    has("this week", "2021-W52");
    has("Earlier this month", "2021-12");
    has("early December", "2021-12");
    has("December 7", "2021-12-07");
    has("Dec. 7", "2021-12-07");
    has("June 16", "2021-06-16");
    has("January 10", "2022-01-10");
    has("Jan. 10", "2022-01-10");
    has("January 9-10, 2022", "2022-01-09");
    has("January 12", "2022-01-12");
    has("January 13", "2022-01-13");
    has("2014", "2014");
    has("early next year", "2022");
    has("early January", "2022-01");
    has("the upcoming week", "2022-W01");
    has("50-minute", "PT50M");
    has("almost an hour", "PT1H");
    has("year-end", "2021");
    has("December", "2021-12");
}

#[test]
fn today_after_an_acronym_is_a_name() {
    let dct = "2023-05-10";
    assert!(values("Lost at least $7 billion, he said. USA Today", dct).is_empty());
    assert!(values("He told NBC Today show viewers he would stay.", dct).is_empty());
    // In a title-case or all-capitals headline and in prose it is the day.
    assert_eq!(value_of("NATO MEETS TODAY", dct, "TODAY"), "2023-05-10");
    assert_eq!(
        value_of("Mayor Signs Budget Today", dct, "Today"),
        "2023-05-10"
    );
    assert_eq!(
        value_of("The FAA said today it agreed.", dct, "today"),
        "2023-05-10"
    );
}

#[test]
fn a_month_day_with_no_tense_to_tell_is_the_nearer_one_within_a_season_ahead() {
    let dct = "2022-07-15";
    // No verb says which way: October is three months ahead, not nine back.
    assert_eq!(
        value_of(
            "That gives the court time to review it before the Oct. 24 closing date.",
            dct,
            "Oct. 24"
        ),
        "2022-10-24"
    );
    // A past verb keeps it back.
    assert_eq!(
        value_of(
            "The deal closed on Oct. 24 after a long fight.",
            dct,
            "Oct. 24"
        ),
        "2021-10-24"
    );
}

#[test]
fn a_month_of_next_or_last_year_counts_years_from_the_reference_date() {
    let dct = "2023-11-02";
    let text = "Per Dahl is to be sentenced in March of next year, and the ruling of June 3 of last year stands. The board met in May of this year.";
    assert_eq!(value_of(text, dct, "March of next year"), "2024-03");
    assert_eq!(value_of(text, dct, "June 3 of last year"), "2022-06-03");
    assert_eq!(value_of(text, dct, "May of this year"), "2023-05");
    // Without its year phrase a month keeps the tense rule: "in March" here is this year's.
    assert_eq!(
        value_of("The harbour opened in March.", dct, "March"),
        "2023-03"
    );
}

#[test]
fn a_photo_caption_shows_a_day_that_has_been() {
    let dct = "2023-11-02";
    let caption = "Ada Lund arrives at the harbour court on January 3. File photo by Per Dahl/Agency\nThe court will sit again on January 3.";
    let tagged = values(caption, dct);
    assert_eq!(
        tagged[0],
        ("January 3".to_string(), "2023-01-03".to_string())
    );
    // The body's own future sentence is not a caption: it keeps its tense.
    assert_eq!(
        tagged[1],
        ("January 3".to_string(), "2024-01-03".to_string())
    );
    let agency = "FILE - Ada Lund stands beside the new ferry in Tromsø, Norway, on March 12.";
    assert_eq!(value_of(agency, "2023-02-01", "March 12"), "2022-03-12");
}

#[test]
fn a_day_later_counts_from_the_day_the_text_named() {
    // Written on a Saturday: "Tuesday" is the one before, "a day later" the Wednesday after it.
    let dct = "2023-03-11";
    let text =
        "The ferry line said on Tuesday that it had bought two ships; a day later it sold one.";
    assert_eq!(value_of(text, dct, "Tuesday"), "2023-03-07");
    assert_eq!(value_of(text, dct, "a day later"), "2023-03-08");
    // With no day named before it, it counts from the day of writing.
    assert_eq!(
        value_of("The ferry sails two weeks later.", dct, "two weeks later"),
        "2023-W12"
    );
    // A dot inside a web address ends no sentence: "bought" governs the Tuesday.
    let text = "Nordlys Air said it bought kestrel.com on Tuesday, only to sell the site to a rival a day later.";
    assert_eq!(value_of(text, dct, "Tuesday"), "2023-03-07");
    assert_eq!(value_of(text, dct, "a day later"), "2023-03-08");
    // "ago" always counts from the day of writing.
    let text = "The yard closed on Tuesday. Its owner sold it two days ago.";
    assert_eq!(value_of(text, dct, "two days ago"), "2023-03-09");
}
