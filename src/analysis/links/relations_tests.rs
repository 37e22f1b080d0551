//! Tests of the module beside this file.

use super::*;

/// The relation between the two names in brackets.
fn rel(sentence: &str) -> Option<&'static str> {
    let a = sentence.find('[')?;
    let a_end = sentence[a..].find(']')? + a;
    let b = sentence[a_end..].find('[')? + a_end;
    let b_end = sentence[b..].find(']')? + b;
    relation(
        &sentence[..a],
        &sentence[a_end + 1..b],
        &sentence[b_end + 1..],
    )
    .map(|r| r.label)
}

#[test]
fn what_one_does_to_the_other() {
    assert_eq!(
        rel("[Lund] fired Kestrel Chief Executive [Berg]."),
        Some("fired")
    );
    assert_eq!(
        rel("[Lund] fired Chief Executive Tomas Berg, Finance Chief [Nilsen] and others."),
        Some("fired")
    );
    // The last of a long list, with a role that has an "and" of its own.
    assert_eq!(
        rel(
            "[Lund] fired Chief Executive Per Dahl, Finance Chief Siri Moe and Safety and Quality Chief [Brekke] on Thursday."
        ),
        Some("fired")
    );
    // A long run of names with no list is no object.
    assert_eq!(
        rel(
            "[Lund] fired Board Chair Per Dahl And Other Directors Of The Old Board Last [Brekke]."
        ),
        None
    );
    assert_eq!(
        rel("[Berg] will replace [Nilsen] as head."),
        Some("replaced")
    );
    assert_eq!(rel("[Lund] on Tuesday sued [Moe]."), Some("sued"));
    assert_eq!(
        rel("[Lund] has met with the former mayor [Moe]."),
        Some("met")
    );
    assert_eq!(
        rel("[Nilsen] will be replaced by [Berg]."),
        Some("replaced")
    );
    assert_eq!(rel("[Ibáñez] was kissed by [Ríos]."), Some("kissed"));
    assert_eq!(
        rel("[Jon Halvorsen], a lawyer for Moe-Berg, told [Sandvik] nothing."),
        Some("spoke with")
    );
}

#[test]
fn what_two_do_together() {
    assert_eq!(rel("[Berg] and [Halvorsen] met on Monday."), Some("met"));
    assert_eq!(
        rel("She said [Sandvik] and [Halvorsen] talk daily."),
        Some("spoke with")
    );
    assert_eq!(
        rel("[Okafor] and [Haddad] held talks."),
        Some("negotiated with")
    );
    assert_eq!(
        rel("This marks the third meeting between [Berg] and [Halvorsen] this month."),
        Some("met")
    );
    assert_eq!(rel("[Lund] and [Berg] were absent."), None);
    assert_eq!(rel("Both [Lund] and [Berg] said no."), None);
    assert_eq!(rel("[Lund] and [Berg] did not meet."), None);
    assert_eq!(
        rel("Those talks will be led by [Okafor] and French Deputy Foreign Minister [Haddad]."),
        Some("negotiated with")
    );
    assert_eq!(
        rel("[Okafor] and [Haddad] will lead the talks."),
        Some("negotiated with")
    );
    assert_eq!(
        rel("[Kim Lee] of Egypt and [Al Park] of Chad signed a deal."),
        Some("agreement")
    );
    assert_eq!(
        rel("Talks between [Lund], head of the union, and [Moe], the port chief, ended."),
        Some("negotiated with")
    );
}

#[test]
fn what_one_is_to_the_other() {
    assert_eq!(
        rel("[Haroun Haddad] and his son [Hashim Haddad]"),
        Some("family")
    );
    assert_eq!(
        rel("[Moe-Berg]'s former romantic partner [Siri Brekke]"),
        Some("partner")
    );
    assert_eq!(
        rel("[Jon Halvorsen], a lawyer for [Moe-Berg], said"),
        Some("lawyer for")
    );
    assert_eq!(
        rel("[Ángela Ibáñez], mother of [Tomás Ríos], ended"),
        Some("family")
    );
    assert_eq!(
        rel("[Dahl], [Nilsen]'s freshman roommate, said"),
        Some("friend")
    );
    assert_eq!(
        rel("[Per Lund] ’84, who was [Ada Dahl]’s freshman roommate, said"),
        Some("friend")
    );
    assert_eq!(rel("[Per Lund] 84, who was [Ada Dahl]’s roommate"), None);
    assert_eq!(rel("[Lund]'s interaction with [Berg]"), Some("spoke with"));
    assert_eq!(
        rel("[Haile] spent two days in talks chaired by Kenyan Foreign Minister [Wanjiru]."),
        Some("mediated")
    );
    assert_eq!(
        rel("[Haile] signed an agreement, brokered by Kenya's foreign minister, [Wanjiru]."),
        Some("mediated")
    );
}

#[test]
fn names_side_by_side_are_not_related() {
    assert_eq!(rel("[Lund], [Moe] and Dahl attended."), None);
    assert_eq!(rel("[Lund] said [Moe] would win."), None);
    assert_eq!(rel("[Lund] praised the plan, and [Moe] left."), None);
    assert_eq!(rel("[Lund] told reporters that [Moe] had resigned."), None);
    assert_eq!(rel("[Lund]'s son said [Moe] lied."), None);
}
