//! A generator of realistic, seeded news corpora for benchmarks and scale tests.
//!
//! It invents a small world (people with roles and sides, places, organizations) and storylines
//! (dated happenings with participants), then writes articles that report them the way news
//! does: headlines in title case, datelines, relative and absolute dates, quotes with their
//! speakers, background paragraphs, photo captions, "Read more" teasers, bylines and, now and
//! then, reader comments. The same seed always gives the same corpus.

use std::fmt::Write as _;
use std::path::Path;

use jiff::civil::Date;

const GIVEN: &[&str] = &[
    "Anna", "Marek", "Sofia", "Daniel", "Leila", "Tomas", "Ingrid", "Kofi", "Mei", "Rafael",
    "Olga", "Samuel", "Priya", "Jonas", "Amara", "Felix", "Hana", "Viktor", "Elena", "Omar",
    "Clara", "Yusuf", "Nadia", "Pablo", "Greta", "Ibrahim", "Lucia", "Kenji", "Rosa", "Andrei",
    "Fatima", "Henrik", "Chloe", "Mateo", "Zara", "Lukas", "Aisha", "Bruno", "Irene", "Tariq",
];
const SURNAME_HEADS: &[&str] = &[
    "Kal", "Bren", "Mor", "Vas", "Tor", "Lind", "Ash", "Dal", "Fer", "Gor", "Hal", "Ros", "Sand",
    "Wen", "Zor", "Pet", "Nov", "Ber", "Mar", "Kov", "Or", "Stan", "Vel", "Jan",
];
const SURNAME_TAILS: &[&str] = &[
    "ov", "sen", "ez", "ini", "berg", "ski", "man", "ard", "ova", "escu", "aki", "ssen", "well",
    "ton", "ani", "ek", "ado", "ić",
];
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Japan", "Japanese", "Tokyo"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Canada", "Canadian", "Ottawa"),
    ("India", "Indian", "New Delhi"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Poland", "Polish", "Warsaw"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Norway", "Norwegian", "Oslo"),
    ("Chile", "Chilean", "Santiago"),
];
const VENUES: &[&str] = &[
    "Geneva",
    "Vienna",
    "Brussels",
    "Singapore",
    "Doha",
    "Helsinki",
    "Lisbon",
    "Istanbul",
];
const ROLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Trade Minister",
    "Deputy Foreign Minister",
    "central bank governor",
    "spokesman",
];
const HAPPENINGS: &[(&str, &str, &str)] = &[
    ("held a phone call with", "phone call", "call"),
    ("met", "meeting", "meeting"),
    (
        "signed a trade agreement with",
        "trade agreement",
        "agreement",
    ),
    ("opened talks with", "talks", "talks"),
    ("held a summit with", "summit", "summit"),
    ("agreed a ceasefire plan with", "ceasefire plan", "plan"),
];
const TOPICS: &[&str] = &[
    "energy prices",
    "border security",
    "fishing rights",
    "a new pipeline",
    "grain exports",
    "the election timetable",
    "climate finance",
    "refugee quotas",
    "rail links",
    "tariffs",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// How many kinds of body paragraph [`article`] writes (see its `match`).
const PARAGRAPH_KINDS: usize = 15;

const OUTLETS: &[&str] = &[
    "The Daily Ledger",
    "Northern Courier",
    "Global Wire",
    "The Evening Standard Post",
    "Harbor Times",
    "Metro Gazette",
];

/// A person of the invented world.
struct Person {
    given: &'static str,
    surname: String,
    role: &'static str,
    country: usize,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.given, self.surname)
    }
}

/// A happening that articles report.
struct Happening {
    date: Date,
    a: usize,
    b: usize,
    kind: usize,
    topic: usize,
    venue: usize,
}

/// Writes `n` articles and a `corpus.json` manifest into `dir` (created if needed).
pub fn write_corpus(n: usize, dir: &Path, seed: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut manifest = Vec::with_capacity(n);
    for (i, article) in articles(n, seed).enumerate() {
        let file = format!("article_{:05}.txt", i + 1);
        std::fs::write(dir.join(&file), &article.text)?;
        manifest.push(serde_json::json!({
            "file": file,
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published.to_string(),
        }));
    }
    let manifest = serde_json::json!({ "documents": manifest });
    std::fs::write(
        dir.join("corpus.json"),
        serde_json::to_string_pretty(&manifest).expect("json serializes"),
    )
}

/// One generated article.
pub struct Article {
    pub title: String,
    pub outlet: &'static str,
    pub published: Date,
    pub text: String,
}

/// The articles of a seeded corpus of `n` articles, generated lazily.
pub fn articles(n: usize, seed: u64) -> impl Iterator<Item = Article> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let people_count = (n / 8).clamp(24, 3000);
    let people: Vec<Person> = (0..people_count)
        .map(|i| Person {
            given: GIVEN[rng.usize(..GIVEN.len())],
            // Index-derived surnames stay distinct even for thousands of people.
            surname: surname(i),
            role: ROLES[rng.usize(..ROLES.len())],
            country: rng.usize(..COUNTRIES.len()),
        })
        .collect();
    let start = Date::new(2019, 1, 1).expect("valid date");
    let happenings: Vec<Happening> = (0..(n / 3).clamp(20, 20_000))
        .map(|_| {
            let a = rng.usize(..people.len());
            let mut b = rng.usize(..people.len());
            if b == a {
                b = (a + 1) % people.len();
            }
            Happening {
                date: start
                    .checked_add(jiff::Span::new().days(rng.i64(0..1800)))
                    .expect("in range"),
                a,
                b,
                kind: rng.usize(..HAPPENINGS.len()),
                topic: rng.usize(..TOPICS.len()),
                venue: rng.usize(..VENUES.len()),
            }
        })
        .collect();
    (0..n).map(move |_| article(&mut rng, &people, &happenings))
}

fn surname(i: usize) -> String {
    let head = SURNAME_HEADS[i % SURNAME_HEADS.len()];
    let tail = SURNAME_TAILS[(i / SURNAME_HEADS.len()) % SURNAME_TAILS.len()];
    let round = i / (SURNAME_HEADS.len() * SURNAME_TAILS.len());
    if round == 0 {
        format!("{head}{tail}")
    } else {
        // "Kalov-Brenek": double-barrelled names extend the space past the simple combinations.
        let other = SURNAME_HEADS[round % SURNAME_HEADS.len()];
        format!("{head}{tail}-{other}ek")
    }
}

fn article(rng: &mut fastrand::Rng, people: &[Person], happenings: &[Happening]) -> Article {
    let h = &happenings[rng.usize(..happenings.len())];
    let (a, b) = (&people[h.a], &people[h.b]);
    let (verb, noun, short) = HAPPENINGS[h.kind];
    let published = h
        .date
        .checked_add(jiff::Span::new().days(rng.i64(0..4)))
        .expect("in range");
    let days_before = (published - h.date).get_days();
    let when = if days_before == 0 {
        "on Monday".replace("Monday", WEEKDAYS[weekday(h.date)])
    } else if days_before < 6 && rng.bool() {
        format!("on {}", WEEKDAYS[weekday(h.date)])
    } else {
        format!(
            "on {} {}",
            MONTHS[h.date.month() as usize - 1],
            h.date.day()
        )
    };
    let (country_a, demonym_a, capital_a) = COUNTRIES[a.country];
    let (_, demonym_b, _) = COUNTRIES[b.country];
    let topic = TOPICS[h.topic];
    let venue = VENUES[h.venue];
    let title = format!(
        "{} And {} Hold {} On {}",
        a.surname,
        b.surname,
        title_case(noun),
        title_case(topic)
    );
    let mut text = String::with_capacity(4096);
    let _ = writeln!(text, "{title}\n");
    let _ = writeln!(
        text,
        "{}, {} {}, {} (Newsline Wire) — {demonym_a} {} {} {verb} {demonym_b} {} {} in {venue} {when}, in a bid to settle a dispute over {topic}.\n",
        capital_a.to_uppercase(),
        MONTHS[published.month() as usize - 1],
        published.day(),
        published.year(),
        a.role,
        a.full(),
        b.role,
        b.full(),
    );
    // Each kind of paragraph at most once, as a reporter writes them; about one in three
    // carries a date, which with the dated lead gives the date density of real news
    // (TimeBank/AQUAINT: 3.5 dates per 1,000 characters).
    let mut kinds: Vec<usize> = (0..PARAGRAPH_KINDS).collect();
    rng.shuffle(&mut kinds);
    let paragraphs = 4 + rng.usize(..PARAGRAPH_KINDS - 3);
    for (p, &kind) in kinds.iter().take(paragraphs).enumerate() {
        let other = &people[rng.usize(..people.len())];
        match kind {
            0 => {
                let _ = writeln!(
                    text,
                    "“We made real progress on {topic}, and we will meet again next month,” {} said after the {short}.\n",
                    a.surname
                );
            }
            1 => {
                let earlier = &happenings[rng.usize(..happenings.len())];
                let (c, d) = (&people[earlier.a], &people[earlier.b]);
                let _ = writeln!(
                    text,
                    "The two sides last met in {}, when {} and {} {} on {} {}.\n",
                    earlier.date.year(),
                    c.full(),
                    d.full(),
                    HAPPENINGS[earlier.kind].0.replace(" with", ""),
                    MONTHS[earlier.date.month() as usize - 1],
                    earlier.date.day()
                );
            }
            2 => {
                let _ = writeln!(
                    text,
                    "According to {}, an aide to {demonym_a} {} {}, officials from {country_a} will travel to {venue} early next year to continue the {short}.\n",
                    other.full(),
                    a.role,
                    a.surname,
                );
            }
            3 => {
                let _ = writeln!(
                    text,
                    "{} told reporters {} that the {noun} had been “frank and useful,” adding that a joint statement would follow in the coming weeks.\n",
                    b.surname,
                    if p % 2 == 0 {
                        "on Tuesday"
                    } else {
                        "last week"
                    }
                );
            }
            4 => {
                let _ = writeln!(
                    text,
                    "Analysts said the dispute over {topic} had deepened since {} {}, when {country_a} first raised it at a regional forum. Trade between the two countries fell by {}% last year.\n",
                    MONTHS[rng.usize(..12)],
                    2015 + rng.usize(..4),
                    3 + rng.usize(..20)
                );
            }
            5 => {
                let _ = writeln!(
                    text,
                    "{demonym_a} officials have repeatedly said they are open to compromise, while critics at home accuse the government of moving too slowly on {topic}.\n",
                );
            }
            6 => {
                let _ = writeln!(
                    text,
                    "The {noun} in {venue} was closely watched by neighbouring governments, several of which have their own stake in {topic} and fear being left out of any settlement.\n",
                );
            }
            7 => {
                let _ = writeln!(
                    text,
                    "“There is still a long way to go,” said {}, a former {} who has followed the negotiations closely. “Both sides know what a failure would cost them at home.”\n",
                    other.full(),
                    other.role,
                );
            }
            8 => {
                let _ = writeln!(
                    text,
                    "Opposition lawmakers in {country_a} called the {short} a distraction and demanded that the government publish the full text of any deal before it goes to a vote.\n",
                );
            }
            9 => {
                let _ = writeln!(
                    text,
                    "Business groups welcomed the {short}, saying that uncertainty over {topic} had held back investment, raised costs for exporters and cost thousands of jobs.\n",
                );
            }
            10 => {
                let _ = writeln!(
                    text,
                    "Diplomats familiar with the discussions said the main sticking points remained the timetable, the role of outside monitors and the question of who would pay for them. {}'s office did not respond to a request for comment.\n",
                    b.surname,
                );
            }
            11 => {
                let _ = writeln!(
                    text,
                    "The central bank of {country_a} said in a statement that a settlement could lift growth by {} percentage points over the next two years, though it warned that the estimate was uncertain.\n",
                    1 + rng.usize(..9),
                );
            }
            12 => {
                let _ = writeln!(
                    text,
                    "{country_a} and its neighbours have long argued over {topic}, and earlier attempts at a settlement collapsed amid mutual accusations of bad faith. Each government faces voters who see any concession as a defeat, and opposition parties ready to say so.\n",
                );
            }
            13 => {
                let _ = writeln!(
                    text,
                    "{}, who took office after a close election, has staked a great deal on resolving the dispute, and aides say {} is reluctant to leave {venue} without a text that can be defended in parliament.\n",
                    b.full(),
                    b.surname,
                );
            }
            _ => {
                let _ = writeln!(
                    text,
                    "Hundreds of protesters gathered outside the conference centre in {venue}, some holding banners about {topic}, others calling for the talks to be broken off altogether. Police said the protest was peaceful.\n",
                );
            }
        }
        if rng.usize(..10) == 0 {
            let _ = writeln!(
                text,
                "{} and {}\n{} and {} Reuters\n",
                a.full(),
                b.full(),
                a.full(),
                b.full()
            );
        }
    }
    if rng.bool() {
        text.push_str("READ MORE\n\n");
    }
    let outlet = OUTLETS[rng.usize(..OUTLETS.len())];
    let _ = writeln!(
        text,
        "Reprinted with permission from – {outlet} – By {}",
        people[rng.usize(..people.len())].full()
    );
    if rng.usize(..4) == 0 {
        text.push_str("I don’t believe a word of this!\nSo much talk and nothing happens… :(\n");
    }
    Article {
        title,
        outlet,
        published,
        text,
    }
}

fn weekday(date: Date) -> usize {
    date.weekday().to_monday_zero_offset() as usize
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// A story of `events` events among `people` people (and `people / 4` organizations), with
/// links along shared events: the load the timeline and graph must stay fast under. Seeded, so
/// every run draws the same story. Documents are small; the views, not the texts, are measured.
pub fn synthetic_story(events: usize, people: usize, seed: u64) -> crate::story::Story {
    use crate::corpus::{DateBasis, Document, Section, SectionKind};
    use crate::story::{Entity, EntityKind, Event, Granularity, Link, Mention, Story, When};

    let mut rng = fastrand::Rng::with_seed(seed);
    let mut story = Story::new();
    let outlets = [
        "Wire", "Daily", "Herald", "Courier", "Tribune", "Post", "Times", "Globe",
    ];
    let docs = (events / 4).max(1);
    for d in 0..docs {
        let text = format!("Headline {d}\n\nPerson {d} said something happened on a day.");
        story.documents.push(Document {
            id: format!("d{}", d + 1),
            file: format!("{d:05}.txt"),
            title: Some(format!("Headline {d}")),
            outlet: Some(outlets[d % outlets.len()].to_string()),
            url: None,
            published: Some("2024-01-01".into()),
            published_basis: DateBasis::Manifest,
            about: Default::default(),
            sections: vec![
                Section {
                    start: 0,
                    end: 12,
                    kind: SectionKind::Headline,
                },
                Section {
                    start: 12,
                    end: text.len(),
                    kind: SectionKind::Body,
                },
            ],
            text,
        });
    }
    let orgs = people / 4;
    for i in 0..people + orgs {
        let kind = if i < people {
            EntityKind::Person
        } else {
            EntityKind::Organization
        };
        let mentions = (0..1 + rng.usize(0..8))
            .map(|_| Mention {
                doc: format!("d{}", rng.usize(0..docs) + 1),
                start: 14,
                end: 20,
            })
            .collect();
        story.entities.push(Entity {
            id: format!("e{i}"),
            kind,
            name: format!("{} {i}", if i < people { "Person" } else { "Agency" }),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions,
            edited: false,
        });
    }
    let epoch = jiff::civil::date(2015, 1, 1);
    for v in 0..events {
        let day = epoch
            .checked_add(jiff::Span::new().days(rng.i64(0..3650)))
            .unwrap_or(epoch);
        let (start, end, granularity, value) = if rng.u8(0..10) == 0 {
            let first = jiff::civil::date(day.year(), day.month(), 1);
            let last = first.last_of_month();
            (
                first,
                last,
                Granularity::Month,
                format!("{}-{:02}", day.year(), day.month()),
            )
        } else {
            (day, day, Granularity::Day, day.to_string())
        };
        let a = rng.usize(0..people.max(1));
        let b = rng.usize(0..people.max(1));
        let participants = if a == b {
            vec![format!("e{a}")]
        } else {
            vec![format!("e{a}"), format!("e{b}")]
        };
        let mentions = (0..1 + rng.usize(0..5))
            .map(|_| Mention {
                doc: format!("d{}", rng.usize(0..docs) + 1),
                start: 14,
                end: 55,
            })
            .collect();
        story.events.push(Event {
            id: format!("v{}", v + 1),
            title: format!("Person {a} met Person {b} about matter {v}"),
            when: When {
                value,
                start: start.to_string(),
                end: end.to_string(),
                granularity,
            },
            participants,
            mentions,
            edited: false,
        });
    }
    // Links: each person to a few others and to an organization.
    for p in 0..people {
        for _ in 0..2 {
            let q = rng.usize(0..people.max(1));
            if q != p {
                story.links.push(Link {
                    a: format!("e{p}"),
                    b: format!("e{q}"),
                    weight: 1.0 + rng.f64() * 4.0,
                    label: "meet".into(),
                    events: vec![format!("v{}", rng.usize(0..events.max(1)) + 1)],
                    edited: false,
                });
            }
        }
        if orgs > 0 {
            story.links.push(Link {
                a: format!("e{p}"),
                b: format!("e{}", people + rng.usize(0..orgs)),
                weight: 1.0,
                label: "affiliated with".into(),
                events: Vec::new(),
                edited: false,
            });
        }
    }
    story
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus_and_another_seed_another() {
        let a: Vec<String> = articles(20, 7).map(|a| a.text).collect();
        let b: Vec<String> = articles(20, 7).map(|a| a.text).collect();
        let c: Vec<String> = articles(20, 8).map(|a| a.text).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 20);
    }

    #[test]
    fn articles_read_like_news_no_repeated_paragraphs_and_real_date_density() {
        let mut dates = 0;
        let mut chars = 0;
        for a in articles(300, 11) {
            let paragraphs: Vec<&str> = a.text.split("\n\n").filter(|p| p.len() > 80).collect();
            let distinct: std::collections::HashSet<&&str> = paragraphs.iter().collect();
            assert_eq!(distinct.len(), paragraphs.len(), "{}", a.text);
            dates += crate::analysis::timex::tag(&a.text, Some(a.published)).len();
            chars += a.text.len();
        }
        // TimeBank/AQUAINT, real news: 3.5 dates per 1,000 characters.
        let density = dates as f64 * 1000.0 / chars as f64;
        assert!(
            (2.5..=5.0).contains(&density),
            "{density:.2} dates per 1,000 characters"
        );
        // Mixed lengths around the 2,000 characters of a TimeBank article.
        let mean = chars / 300;
        assert!((1_500..=2_600).contains(&mean), "{mean}");
    }

    #[test]
    fn surnames_stay_distinct_for_thousands_of_people() {
        let names: std::collections::HashSet<String> = (0..3000).map(surname).collect();
        assert_eq!(names.len(), 3000);
    }

    #[test]
    fn writes_articles_and_a_manifest() {
        let dir = tempfile::tempdir().unwrap();
        write_corpus(5, dir.path(), 1).unwrap();
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join("corpus.json")).unwrap())
                .unwrap();
        assert_eq!(manifest["documents"].as_array().unwrap().len(), 5);
        assert!(dir.path().join("article_00005.txt").exists());
    }
}
