//! The words of a slide: a title that names the story, a subtitle of outlets and dates, and a
//! credit line listing the sources. All worked out from the story, nothing typed by hand.

use std::collections::BTreeMap;

use crate::story::{EntityKind, Story};
use crate::timeline::facts::short_outlet;

/// The headline that best names the story: the document title that names most of the story's
/// most mentioned people, organizations and places (earliest on a tie); else those names.
pub fn title(story: &Story, docs: &[usize]) -> String {
    let mut top: Vec<&crate::story::Entity> = story.entities.iter().collect();
    top.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.name.cmp(&b.name))
    });
    top.truncate(6);
    let mut best: Option<(usize, &str)> = None;
    for &d in docs {
        let Some(title) = story.documents[d].title.as_deref() else {
            continue;
        };
        let lower = title.to_lowercase();
        let score: usize = top
            .iter()
            .filter(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|n| n.len() > 2 && lower.contains(&n.to_lowercase()))
            })
            .map(|e| e.mentions.len())
            .sum();
        let earlier = |other: &str| {
            let date = |t: &str| {
                docs.iter()
                    .find(|&&i| story.documents[i].title.as_deref() == Some(t))
                    .and_then(|&i| story.documents[i].published.clone())
            };
            date(title) < date(other)
        };
        if best.is_none_or(|(s, t)| score > s || (score == s && earlier(t))) {
            best = Some((score, title));
        }
    }
    match best {
        Some((score, t)) if score > 0 || top.is_empty() => t.to_string(),
        _ => {
            let people: Vec<&str> = top
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .take(3)
                .map(|e| e.name.as_str())
                .collect();
            match people.as_slice() {
                [] => best.map_or_else(|| "The story".to_string(), |b| b.1.to_string()),
                [one] => one.to_string(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            }
        }
    }
}

/// Outlets of `docs` (documents that name one), short names, most documents first:
/// (name, documents).
pub fn outlets(story: &Story, docs: &[usize]) -> Vec<(String, usize)> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for &d in docs {
        if let Some(o) = story.documents[d].outlet.as_deref() {
            *count.entry(short_outlet(o).to_string()).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = count.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// What the credit line names: outlets, and for documents without one their title in quotes
/// (or their file).
fn sources(story: &Story, docs: &[usize]) -> Vec<(String, usize)> {
    let mut v = outlets(story, docs);
    for &d in docs {
        let doc = &story.documents[d];
        if doc.outlet.is_none() {
            let name = match &doc.title {
                Some(t) => format!("“{}”", crate::font::fit(t, 11.0, 260.0).unwrap_or_default()),
                None => doc.file.clone(),
            };
            v.push((name, 1));
        }
    }
    v
}

/// "14 Mar – 2 Sep 2022", "14–15 Mar 2022", "Nov 2021 – Feb 2022" style range of two dates.
pub fn date_range(lo: jiff::civil::Date, hi: jiff::civil::Date) -> String {
    const M: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let m = |d: jiff::civil::Date| M[d.month() as usize - 1];
    if lo == hi {
        format!("{} {} {}", lo.day(), m(lo), lo.year())
    } else if lo.year() == hi.year() && lo.month() == hi.month() {
        format!("{}–{} {} {}", lo.day(), hi.day(), m(hi), hi.year())
    } else if lo.year() == hi.year() {
        format!(
            "{} {} – {} {} {}",
            lo.day(),
            m(lo),
            hi.day(),
            m(hi),
            hi.year()
        )
    } else {
        format!(
            "{} {} {} – {} {} {}",
            lo.day(),
            m(lo),
            lo.year(),
            hi.day(),
            m(hi),
            hi.year()
        )
    }
}

/// "Reuters, CNN, AP and 4 more · 7 articles, 14 Mar – 2 Sep 2022 · 25 events".
pub fn subtitle(story: &Story, docs: &[usize], events: usize) -> String {
    let names = outlets(story, docs);
    let mut parts = Vec::new();
    if !names.is_empty() {
        let shown: Vec<&str> = names.iter().take(3).map(|n| n.0.as_str()).collect();
        let more = names.len().saturating_sub(3);
        parts.push(if more > 0 {
            format!("{} and {more} more", shown.join(", "))
        } else {
            shown.join(", ")
        });
    }
    let published: Vec<jiff::civil::Date> = docs
        .iter()
        .filter_map(|&d| story.documents[d].published.as_deref()?.parse().ok())
        .collect();
    let articles = format!(
        "{} article{}",
        docs.len(),
        if docs.len() == 1 { "" } else { "s" }
    );
    match (published.iter().min(), published.iter().max()) {
        (Some(&lo), Some(&hi)) => parts.push(format!("{articles}, {}", date_range(lo, hi))),
        _ => parts.push(articles),
    }
    parts.push(format!(
        "{events} event{}",
        if events == 1 { "" } else { "s" }
    ));
    parts.join("  ·  ")
}

/// "Sources: Harbour Gazette (2), Nordic Times, …" fitted to `width` at `size`.
pub fn credit(story: &Story, docs: &[usize], size: f32, width: f32) -> String {
    let names = sources(story, docs);
    let item = |(n, c): &(String, usize)| {
        if *c > 1 {
            format!("{n} ({c})")
        } else {
            n.clone()
        }
    };
    let tail = "  ·  Made with Newsline";
    let mut shown = names.len();
    loop {
        let mut line = format!(
            "Sources: {}",
            names[..shown]
                .iter()
                .map(item)
                .collect::<Vec<_>>()
                .join(", ")
        );
        if shown < names.len() {
            line.push_str(&format!(" and {} more", names.len() - shown));
        }
        line.push_str(tail);
        if shown == 0 || crate::font::text_width(&line, size) <= width {
            return line;
        }
        shown -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_named_by_a_headline_with_its_outlets_and_dates() {
        let story = crate::analysis::analyze(crate::sample::corpus());
        let docs: Vec<usize> = (0..story.documents.len()).collect();
        // The headline of one of the articles, naming the two people mentioned most.
        let t = title(&story, &docs);
        assert!(
            story
                .documents
                .iter()
                .any(|d| d.title.as_deref() == Some(t.as_str())),
            "{t}"
        );
        let mut people: Vec<&crate::story::Entity> = story
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        people.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        for p in people.iter().take(2) {
            let surname = p.name.rsplit(' ').next().unwrap_or(&p.name);
            assert!(t.contains(surname), "{t}: {}", p.name);
        }
        // Its size and the month of its articles.
        let s = subtitle(&story, &docs, story.events.len());
        let first: jiff::civil::Date = story
            .documents
            .iter()
            .filter_map(|d| d.published.as_deref()?.parse().ok())
            .min()
            .unwrap();
        let month = first.strftime("%b %Y").to_string();
        let articles = format!("{} articles", docs.len());
        assert!(s.contains(&articles) && s.contains(&month), "{s}");
        // The articles have no outlet: the credit quotes their headlines, the first first.
        let c = credit(&story, &docs, 11.0, 2000.0);
        let first_title = story.documents[0].title.as_deref().unwrap_or_default();
        let opening = first_title.split(' ').next().unwrap_or_default();
        assert!(c.starts_with(&format!("Sources: “{opening}")), "{c}");
        let narrow = credit(&story, &docs, 11.0, 300.0);
        assert!(crate::font::text_width(&narrow, 11.0) <= 300.0 || narrow.contains("more"));
    }
}
