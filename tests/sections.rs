//! Section splitting on articles written for the tests (other stories, other sites' clutter)
//! and on the built-in sample.

use newsline::corpus::SectionKind::{self, *};
use newsline::corpus::sections::split;

/// Each non-blank line of `text` with the kind of the most of it (a line may open with a
/// dateline or a photo's tag, or end with a credit, cut off as boilerplate).
fn line_kinds(text: &str) -> Vec<(SectionKind, &str)> {
    let sections = split(text);
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let end = offset + line.trim_end().len();
            let kind = sections
                .iter()
                .filter(|s| s.start < end && offset < s.end)
                .max_by_key(|s| s.end.min(end) - s.start.max(offset))
                .unwrap()
                .kind;
            out.push((kind, trimmed));
        }
        offset += line.len();
    }
    out
}

fn kinds_of(text: &str) -> Vec<SectionKind> {
    line_kinds(text).into_iter().map(|(k, _)| k).collect()
}

#[test]
fn a_scraped_article_with_captions_teasers_and_an_author_box() {
    let text = "\
Port Strike Ends After Nine Days

By Maria Okafor

ROTTERDAM (Harbor Wire) — Dock workers voted on Tuesday to end a nine-day strike that had stranded hundreds of ships.

Container ship
Container ships wait outside the harbour Getty Images

The union said the new contract raises wages by six percent over two years.

Talks Resume

Negotiators will meet again in March to discuss pensions, the port authority said.

Photo: Dock workers celebrate at the gate

Share this article

About Maria Okafor

Related Stories

Strike threat looms at Antwerp as talks stall over night shifts …

Leave a Reply
";
    assert_eq!(
        kinds_of(text),
        [
            Headline,
            Boilerplate,
            Body,
            Caption,
            Caption,
            Body,
            Headline,
            Body,
            Caption,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Boilerplate
        ],
        "{:#?}",
        line_kinds(text)
    );
}

#[test]
fn reader_comments_after_a_reprint_line_are_comments() {
    let text = "\
Council Approves New Budget
The city council approved a new budget on Monday after a long debate.
Mayor Lena Holt said the plan protects schools and libraries.
Critics said the budget relies on optimistic tax forecasts.
The vote was 7 to 4.
Originally published in The Valley Courier
I can't believe they passed this mess!
What about the potholes on Elm Street??
Typical. My taxes go up every year and nothing changes :(
Thanks Lena, great job.
";
    let k = kinds_of(text);
    assert_eq!(
        k,
        [
            Headline,
            Body,
            Body,
            Body,
            Body,
            Boilerplate,
            Comments,
            Comments,
            Comments,
            Comments
        ],
        "{:#?}",
        line_kinds(text)
    );
}

#[test]
fn quotes_in_first_person_do_not_make_the_story_comments() {
    let text = "\
Coach Resigns
By Sam Lee
The coach resigned on Friday after a losing season.
“I gave everything I had,” she said. “I am proud of my players.”
“We will miss her,” the captain said.
The club will name a successor next month.
";
    assert_eq!(
        kinds_of(text),
        [Headline, Boilerplate, Body, Body, Body, Body],
        "{:#?}",
        line_kinds(text)
    );
}

#[test]
fn a_first_sentence_line_is_body_and_a_short_line_with_a_stop_above_a_blank_is_a_headline() {
    let long = "The central bank raised its main interest rate by half a point on Wednesday, its fourth increase this year.\nMore increases are expected.\n";
    assert_eq!(kinds_of(long), [Body, Body]);
    let short = "In a surprise move, the bank raises rates.\n\nThe central bank raised its rate on Wednesday.\n";
    assert_eq!(kinds_of(short), [Headline, Body]);
}

#[test]
fn a_wire_story_with_credit_captions_a_copyright_line_and_a_comments_header() {
    let text = "\
Wildfire Forces Thousands to Flee

ATHENS, Aug. 8, 2023 (Wire) — Firefighters battled a wildfire north of the capital on Tuesday as thousands of residents fled their homes.

Firefighters outside a burning warehouse

Officials said the blaze had destroyed more than 40 houses.

Smoke over the hills above the village Reuters

Evacuation Orders

Police ordered residents of six villages to leave before nightfall.

© 2023 Example Wire

Comments

Stay safe everyone.
Praying for the firefighters tonight
";
    assert_eq!(
        kinds_of(text),
        [
            Headline,
            Body,
            Caption,
            Body,
            Caption,
            Headline,
            Body,
            Boilerplate,
            Boilerplate,
            Comments,
            Comments
        ],
        "{:#?}",
        line_kinds(text)
    );
}

#[test]
fn comments_under_a_reply_form_are_comments() {
    let text = "\
Museum Returns Stolen Painting
The city museum returned a stolen painting to its owners on Friday.
The painting had been missing since 1994.
Curators said the frame was damaged but the canvas was intact.
Leave a Reply
Finally!! Took them long enough.
I saw this painting as a kid, so happy it's back :)
";
    assert_eq!(
        kinds_of(text),
        [Headline, Body, Body, Body, Boilerplate, Comments, Comments],
        "{:#?}",
        line_kinds(text)
    );
}

#[test]
fn sentences_that_look_like_clutter_stay_body() {
    // "By the end..." is not a byline, a quote in the first person is not a comment, a short
    // sentence with a verb is not a caption, and a reprint line followed by more reporting
    // does not start the comments.
    let text = "\
River Floods Low Town

By the end of the day, the river had risen two metres.

Residents were told to move to higher ground.

“I have never seen it this high,” said Ana Lopez, 71.

Water reached the church steps

The town council met on Saturday.

Originally published in The Valley Courier

The council will meet again on Monday to discuss repairs to the flood wall.
";
    assert_eq!(
        kinds_of(text),
        [Headline, Body, Body, Body, Body, Body, Boilerplate, Body],
        "{:#?}",
        line_kinds(text)
    );
}

#[test]
fn the_sample_s_clutter_is_not_body() {
    let files = newsline::sample::FILES;
    let text = |name: &str| files.iter().find(|(n, _)| n.starts_with(name)).unwrap().1;
    let non_body = |name: &str| -> Vec<String> {
        line_kinds(text(name))
            .into_iter()
            .filter(|(k, _)| !k.feeds_story())
            .map(|(_, l)| l.chars().take(24).collect())
            .collect()
    };
    assert_eq!(non_body("000"), Vec::<String>::new());
    let c001 = line_kinds(text("001"));
    let reprint = c001
        .iter()
        .position(|(_, l)| l.starts_with("Reprinted"))
        .unwrap();
    assert_eq!(c001[reprint].0, Boilerplate);
    assert!(c001[..reprint].iter().all(|(k, _)| *k == Body));
    assert!(c001[reprint + 1..].iter().all(|(k, _)| *k == Comments));
    assert_eq!(
        non_body("002"),
        [
            "Russian tank",
            "Russian tanks are gatheri",
            "Russian military",
            "Russian military wikimed",
            "Joe Biden and Vladimir P",
            "Joe Biden and Vladimir P",
            "READ MORE"
        ]
        .map(|s| s.chars().take(24).collect::<String>())
    );
    assert_eq!(
        non_body("003"),
        [
            "About J. Williams",
            "Check Also",
            "Rep. AOC",
            "Ocasio-Cortez Calls for ",
            "Julia Conley, Common Dre",
            "Leave a Reply"
        ]
        .map(String::from)
    );
    assert_eq!(
        non_body("004"),
        ["Biden2", "Exit mobile version"].map(String::from)
    );
}

/// The pieces of `text` that are not body, as (kind, text) with their exact bounds.
fn pieces(text: &str) -> Vec<(SectionKind, &str)> {
    split(text)
        .into_iter()
        .map(|s| (s.kind, text[s.start..s.end].trim()))
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

#[test]
fn bylines_stamps_and_reporters_names_at_the_top_are_not_the_story() {
    let text = "\
By Ingrid Solberg
Nov 3 (Nordwire) - Harbor officials said on Monday the strike was over.
";
    assert_eq!(kinds_of(text), [Boilerplate, Body]);

    let text = "\
Ferry Strike Ends After Nine Days
Tom Hale and Rosa Lind
Updated: 03 NOV 23 14:05 ET
| Fri, Nov 3, 2023
7 Reads
The ferry strike ended on Friday when the union accepted the offer.
";
    assert_eq!(
        kinds_of(text),
        [
            Headline,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Body
        ]
    );

    // A byline running into the lead, or into its dateline, is cut off it.
    let text = "Ferry Strike Ends\nby Rosa Lind /The union accepted the offer on Friday.\n";
    assert_eq!(
        pieces(text),
        [
            (Headline, "Ferry Strike Ends"),
            (Boilerplate, "by Rosa Lind /"),
            (Body, "The union accepted the offer on Friday.")
        ]
    );
    let text = "By Tom Hale and Rosa Lind OSLO The union accepted the offer on Friday.\n";
    assert_eq!(
        pieces(text),
        [
            (Boilerplate, "By Tom Hale and Rosa Lind"),
            (Body, "OSLO The union accepted the offer on Friday.")
        ]
    );
    // A sentence that opens with "By" is the story.
    let text = "Ferry Strike Ends\nBy Friday, the union had accepted the offer.\n";
    assert_eq!(kinds_of(text), [Headline, Body]);
}

#[test]
fn a_photos_tag_and_credit_are_cut_off_and_its_dated_caption_stays_in_the_story() {
    let text = "\
Ferry Strike Ends
FILE – Union leader Rosa Lind speaks to dock workers in Oslo on May 2, 2023. (AP Photo/Tom Hale, File)
1 of 2 | Mayor Per Dahl arrives at the harbor on January 3. File photo by Tom Hale/Nordwire |
Rosa Lind, the union's leader. (Tom Hale/Nordwire file photo)
The union accepted the offer on Friday.
";
    assert_eq!(
        pieces(text),
        [
            (Headline, "Ferry Strike Ends"),
            (Boilerplate, "FILE –"),
            (
                Body,
                "Union leader Rosa Lind speaks to dock workers in Oslo on May 2, 2023."
            ),
            (Boilerplate, "(AP Photo/Tom Hale, File)\n1 of 2 |"),
            (Body, "Mayor Per Dahl arrives at the harbor on January 3."),
            (Boilerplate, "File photo by Tom Hale/Nordwire |"),
            (Caption, "Rosa Lind, the union's leader."),
            (Boilerplate, "(Tom Hale/Nordwire file photo)"),
            (Body, "The union accepted the offer on Friday.")
        ]
    );
}
