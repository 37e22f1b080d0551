//! Tests of the module beside this file.

use super::*;

#[test]
fn titles_drop_dates_roles_and_attribution() {
    let text = "On Tuesday, German Chancellor Anna Weber met her French counterpart Paul Martin in Lyon, officials said.";
    let anna = text.find("Anna Weber").unwrap();
    let paul = text.find("Paul Martin").unwrap();
    let lyon = text.find("Lyon").unwrap();
    let mentions = [
        (anna, anna + 10, 0),
        (paul, paul + 11, 1),
        (lyon, lyon + 4, 2),
    ];
    let tue = text.find("Tuesday").unwrap();
    let names = |e: usize| match e {
        0 => Some("Weber"),
        1 => Some("Martin"),
        _ => None,
    };
    let t = title(text, 0, text.len(), &mentions, &[(tue, tue + 7)], &names);
    assert_eq!(t, "Weber met Martin in Lyon");
}

#[test]
fn titles_start_after_a_fronted_phrase_and_drop_a_party_tag() {
    let none = |_e: usize| None;
    let text = "After two days of debate, the council delivered its ruling on the former mayor.";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "The council delivered its ruling on the former mayor"
    );
    let text = "However, in her letter, the mayor did point out a risk of further delays.";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "The mayor did point out a risk of further delays"
    );
    // Too short a rest: the phrase is the title.
    let text = "In Lyon, they met.";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "In Lyon, they met"
    );
    let text = "Senator Ann Lee, D-N.Y., blocked the bill on Monday.";
    let lee = text.find("Ann Lee").unwrap();
    let monday = text.find("Monday").unwrap();
    let names = |_e: usize| Some("Lee");
    let t = title(
        text,
        0,
        text.len(),
        &[(lee, lee + 7, 0)],
        &[(monday, monday + 6)],
        &names,
    );
    assert_eq!(t, "Lee blocked the bill");
    // An aside before the comma is no fronted phrase: the subject stays.
    let text = "In Lyon the two mayors, who met for hours, signed a new trade pact with the port.";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "In Lyon the two mayors signed a new trade pact with the port"
    );
}

#[test]
fn titles_drop_leading_attribution() {
    let text = "Garcia said the two envoys spoke by phone for an hour this week, during which they set a date.";
    let week = text.find("this week").unwrap();
    let g = (0, 6, 0);
    let names = |_e: usize| Some("Garcia");
    let t = title(text, 0, text.len(), &[g], &[(week, week + 9)], &names);
    assert_eq!(t, "The two envoys spoke by phone for an hour");
}

#[test]
fn titles_drop_who_was_told_and_the_week_of_a_date() {
    let names = |_e: usize| Some("Garcia");
    let text = "Garcia told reporters that the talks had been frank and useful.";
    let t = title(text, 0, text.len(), &[(0, 6, 0)], &[], &names);
    assert_eq!(t, "The talks had been frank and useful");
    let text = "Envoys from both sides plan talks scheduled for the week of Mar. 14 in Oslo.";
    let mar = text.find("Mar. 14").unwrap();
    let t = title(text, 0, text.len(), &[], &[(mar, mar + 7)], &names);
    assert_eq!(t, "Envoys from both sides plan talks scheduled in Oslo");
    let text = "when Lund and Moe signed a pact on June 2.";
    let june = text.find("June 2").unwrap();
    let t = title(text, 0, text.len(), &[], &[(june, june + 6)], &names);
    assert_eq!(t, "Lund and Moe signed a pact");
    let text = "The farmers' union closed the bridges' approaches on June 2.";
    let june = text.find("June 2").unwrap();
    let t = title(text, 0, text.len(), &[], &[(june, june + 6)], &names);
    assert_eq!(t, "The farmers' union closed the bridges' approaches");
}

#[test]
fn titles_drop_a_leading_how_or_when() {
    let names = |_e: usize| None;
    let text = "In referencing the 1999 floods in the delta, the minister promised new dikes.";
    let year = text.find("1999").unwrap();
    let t = title(text, 0, text.len(), &[], &[(year, year + 4)], &names);
    assert_eq!(t, "Floods in the delta");
    let text = "During their first visit to Oslo in 2019 the two mayors signed a pact.";
    let year = text.find("2019").unwrap();
    let t = title(text, 0, text.len(), &[], &[(year, year + 4)], &names);
    assert!(t.starts_with("Their first visit to Oslo"), "{t}");
    // Not a participle: kept.
    let text = "In Oslo the mayors signed a pact on Monday.";
    let day = text.find("on Monday").unwrap();
    let t = title(text, 0, text.len(), &[], &[(day, day + 9)], &names);
    assert!(t.starts_with("In Oslo"), "{t}");
}

#[test]
fn a_date_taken_as_an_object_leaves_no_dangling_verb() {
    let names = |_e: usize| None;
    let text = "The board will take the coming month to review the merger.";
    let at = text.find("the coming month").unwrap();
    let t = title(text, 0, text.len(), &[], &[(at, at + 16)], &names);
    assert_eq!(t, "The board will review the merger");
    // "take" with no date after it stays.
    let text = "The board will take a vote on the merger on Friday.";
    let at = text.find("Friday").unwrap();
    let t = title(text, 0, text.len(), &[], &[(at, at + 6)], &names);
    assert_eq!(t, "The board will take a vote on the merger");
}

#[test]
fn titles_leave_out_a_role_in_commas_and_never_dangle() {
    let names = |e: usize| [Some("Lund"), Some("Moe"), None][e];
    let text = "It ended when Ida Lund, who chairs the union, and Per Moe, head of the \
                shipping council, signed a deal on 15 March in Bergen.";
    let lund = text.find("Ida Lund").unwrap();
    let moe = text.find("Per Moe").unwrap();
    let march = text.find("15 March").unwrap();
    let mentions = [(lund, lund + 8, 0), (moe, moe + 7, 1)];
    let t = title(
        text,
        0,
        text.len(),
        &mentions,
        &[(march, march + 8)],
        &names,
    );
    assert_eq!(t, "Lund and Moe signed a deal in Bergen");
    // Commas around what is not a role are kept.
    let text = "Per Moe, Ida Lund and Berg left the talks on Monday.";
    let day = text.find("Monday").unwrap();
    let mentions = [(0, 7, 1), (9, 17, 0)];
    let t = title(text, 0, text.len(), &mentions, &[(day, day + 6)], &names);
    assert_eq!(t, "Moe, Lund and Berg left the talks");
    let text = "But analysts warned that the effects would be felt well into April.";
    let april = text.find("April").unwrap();
    let t = title(text, 0, text.len(), &[], &[(april, april + 5)], &names);
    assert_eq!(t, "Analysts warned that the effects would be felt well");
    // An object pronoun may end a title.
    let text = "Lund phoned her on Monday.";
    let day = text.find("Monday").unwrap();
    let t = title(text, 0, text.len(), &[], &[(day, day + 6)], &names);
    assert_eq!(t, "Lund phoned her");
    let text = "According to Ida Lund, an aide to the minister, officials will travel to \
                Oslo early next year.";
    let year = text.find("early next year").unwrap();
    let t = title(
        text,
        0,
        text.len(),
        &[(13, 21, 0)],
        &[(year, year + 15)],
        &names,
    );
    assert_eq!(t, "Officials will travel to Oslo");
}

#[test]
fn a_number_with_a_thousands_comma_stays_whole() {
    let none = |_e: usize| None;
    let text = "The factory had over 3,000 workers and hired 1,500 more.";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "The factory had over 3,000 workers and hired 1,500 more"
    );
    // An aside runs past the comma of a number in it.
    let text = "The factory had over 3,000 workers, according to a filing that counts 2,000 staff.";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "The factory had over 3,000 workers"
    );
}

#[test]
fn a_possessive_name_reads_once_and_a_dotted_acronym_keeps_its_dot() {
    let text = "A U.S. judge tightened Per Dahl-Lund’s bail at the request of the U.S. government.";
    let judge = text.find("judge").unwrap();
    let per = text.find("Per Dahl-Lund").unwrap();
    // The name's mention ends before its possessive, as the entity finder writes it; "judge"
    // is a reference to the judge named elsewhere.
    let mentions = [(judge, judge + 5, 0), (per, per + "Per Dahl-Lund".len(), 1)];
    let names = |e: usize| match e {
        0 => Some("Berg"),
        1 => Some("Dahl-Lund"),
        _ => None,
    };
    assert_eq!(
        title(text, 0, text.len(), &mentions, &[], &names),
        "Berg tightened Dahl-Lund’s bail at the request of the U.S. government"
    );
}

#[test]
fn a_lead_set_in_capitals_reads_in_lower_case_but_its_acronyms_stay() {
    let none = |_e: usize| None;
    let text =
        "THE TRIAL OF NFB founder Per Dahl saw his former partner give evidence. NFB denied it.";
    let end = text.find(" NFB denied").unwrap();
    assert_eq!(
        title(text, 0, end, &[], &[], &none),
        "The trial of NFB founder Per Dahl saw his former partner give evidence"
    );
    // Two acronyms are no kicker.
    let text = "UN and EU envoys met in Geneva.";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "UN and EU envoys met in Geneva"
    );
}

#[test]
fn a_role_naming_a_body_with_of_goes_whole() {
    let text =
        "The appeal will be heard in May, Harbour Court of Appeal chancellor Ada Berg ruled.";
    let ada = text.find("Ada Berg").unwrap();
    let from = text.find("Harbour").unwrap();
    let names = |e: usize| (e == 0).then_some("Berg");
    assert_eq!(
        title(text, from, text.len(), &[(ada, ada + 8, 0)], &[], &names),
        "Berg ruled"
    );
}

#[test]
fn an_addition_is_titled_by_what_is_added() {
    let none = |_e: usize| None;
    // A clause cut after a comma: "…, as well as the latest reports of missing funds".
    let text = "as well as the latest reports of missing funds and alleged inquiries";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "The latest reports of missing funds and alleged inquiries"
    );
}

#[test]
fn a_label_before_a_colon_is_no_part_of_the_title() {
    for (text, want) in [
        (
            "Why it matters: Lund made an about-face by offering to buy the ferry line.",
            "Lund made an about-face by offering to buy the ferry line",
        ),
        (
            "Driving the news: The harbour board voted to close the old quay.",
            "The harbour board voted to close the old quay",
        ),
    ] {
        let lund = text.find("Lund").map(|i| (i, i + 4, 0));
        let mentions: Vec<(usize, usize, usize)> = lund.into_iter().collect();
        let got = title(text, 0, text.len(), &mentions, &[], &|_| Some("Lund"));
        assert_eq!(got, want);
    }
}

#[test]
fn titles_leave_out_what_stands_between_subject_and_verb() {
    let none = |_e: usize| None;
    let text = "The two men, Per Dahl and Ola Moe, were named in a bulletin sent by the police.";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "The two men were named in a bulletin sent by the police"
    );
    let text = "Police in Bergen, off the western coast, raided two homes on the island.";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "Police in Bergen raided two homes on the island"
    );
}

#[test]
fn titles_drop_a_leading_although() {
    let none = |_e: usize| None;
    let text = "Although profits were squeezed last year by higher costs";
    assert_eq!(
        title(text, 0, text.len(), &[], &[], &none),
        "Profits were squeezed last year by higher costs"
    );
}
