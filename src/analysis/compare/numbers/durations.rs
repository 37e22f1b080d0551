//! Durations from the date tagger's DURATION values, keyed by what they measure.

use super::*;

/// Durations from the date tagger: "2 hours and 20 minutes" joined, "two to five years" as a
/// range, each keyed by what it measures.
pub(super) fn durations(s: &Sentence, out: &mut Vec<Figure>) {
    let list: Vec<&Timex> = s
        .timexes
        .iter()
        .copied()
        .filter(|t| t.kind == TimexType::Duration)
        .collect();
    let mut k = 0;
    while k < list.len() {
        let t = list[k];
        let Some((mut minutes, mut step)) = iso_minutes(&t.value) else {
            k += 1;
            continue;
        };
        let mut end = t.end;
        let mut value = t.value.clone();
        // "2 hours and 20 minutes": two timexes joined by "and".
        if let Some(u) = list.get(k + 1)
            && s.text
                .get(t.end..u.start)
                .is_some_and(|g| g.trim() == "and")
            && let Some((m, st)) = iso_minutes(&u.value)
            && m < minutes
        {
            minutes += m;
            step = st;
            end = u.end;
            value = join_iso(&t.value, &u.value);
            k += 1;
        }
        k += 1;
        let lower = t.text.to_ascii_lowercase();
        let qual = match t.modifier.as_deref() {
            Some("APPROX") => Qual::About,
            Some("LESS_THAN") if lower.starts_with("almost") || lower.starts_with("nearly") => {
                Qual::Almost
            }
            Some("LESS_THAN" | "EQUAL_OR_LESS") => Qual::Below,
            Some("MORE_THAN" | "EQUAL_OR_MORE") => Qual::Above,
            _ => Qual::Exact,
        };
        // "two to five years", "between two and five years": a range up to this figure.
        let mut upper = None;
        let mut start = t.start;
        let before = &s.text[..t.start];
        if let Some(low) = range_start(before) {
            let unit = minutes / number_in(&t.value).unwrap_or(1.0);
            upper = Some(minutes);
            minutes = low.0 * unit;
            start = low.1;
        }
        let Some((key, about, of_happening)) = duration_key(s, t.start, end, &lower) else {
            continue;
        };
        let start = trim_article(s.text, start, end);
        out.push(Figure {
            dim: Dim::Duration,
            amount: Amount {
                figure: minutes,
                step,
                upper,
                qual,
            },
            start,
            end,
            about,
            key,
            unit: "min",
            value,
            of_happening,
            constant: !of_happening,
            person: None,
        });
    }
}

/// "the 55-minute": the article is not part of the wording.
pub(super) fn trim_article(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end];
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if span.starts_with(article) {
            return start + article.len();
        }
    }
    start
}

/// "one to " / "between one and " right before a duration: the low figure and where the
/// range starts.
pub(super) fn range_start(before: &str) -> Option<(f64, usize)> {
    let trimmed = before.trim_end();
    let (rest, joiner) = if let Some(r) = trimmed.strip_suffix(" to") {
        (r, "to")
    } else if let Some(r) = trimmed.strip_suffix(" and") {
        (r, "and")
    } else {
        return None;
    };
    let word_start = rest.rfind(' ').map_or(0, |i| i + 1);
    let word = &rest[word_start..];
    let low = number_word(word).or_else(|| parse_figure(word).map(|f| f.0))?;
    let mut start = word_start;
    if joiner == "and" {
        let head = rest[..word_start].trim_end();
        if !head.to_ascii_lowercase().ends_with("between") {
            return None;
        }
        start = head.len() - "between".len();
    }
    Some((low, start))
}

/// What a duration measures, read from the words around it: the happening it is the length
/// of ("a 55-minute call", "spoke for almost an hour"), how far into something
/// ("75 minutes into a climb"), how much of something ("96 hours of fuel"). `None` for
/// offsets and deadlines ("two days later", "within two weeks").
pub(super) fn duration_key(
    s: &Sentence,
    start: usize,
    end: usize,
    lower: &str,
) -> Option<(String, String, bool)> {
    let after = s.tokens.iter().position(|t| t.start >= end);
    let before = s.tokens.iter().rposition(|t| t.end <= start);
    let word = |k: Option<usize>| {
        k.map(|k| s.word(k).to_ascii_lowercase())
            .unwrap_or_default()
    };
    let next = word(after);
    let prev = word(before);
    if matches!(
        next.as_str(),
        "later" | "ago" | "earlier" | "before" | "after" | "since" | "from"
    ) || matches!(
        prev.as_str(),
        "within" | "in" | "after" | "past" | "last" | "next" | "first" | "than"
    ) {
        return None;
    }
    let remaining = |k: usize| {
        s.tokens[k..]
            .iter()
            .take(5)
            .any(|t| matches!(&s.text[t.start..t.end], "left" | "remaining"))
    };
    if next == "into" || next == "of" {
        let k = after? + 1;
        let mut j = k;
        while s.lower_is(j, &["the", "a", "an", "its", "their", "his", "her"]) {
            j += 1;
        }
        let noun = noun_after(s, j)?;
        let fam = family(&stem(&noun)).to_string();
        let left = if remaining(k) { " left" } else { "" };
        return Some((
            format!("{next} {fam}{left}"),
            format!("{next} the {noun}{left}"),
            false,
        ));
    }
    // "55-minute telephone call", "a five-day trial".
    if lower.contains('-') {
        let noun = noun_after(s, after?)?;
        let fam = family(&stem(&noun)).to_string();
        let happening = words::happening(&fam).is_some();
        return Some((fam, noun, happening));
    }
    if prev == "for" {
        // "talked on the phone for almost an hour": the verb is what lasted.
        let verb = (before?.saturating_sub(6)..before?).rev().find_map(|k| {
            let w = s.word(k).to_ascii_lowercase();
            (s.tokens[k].shape == Shape::Word && !is_stopword(&w) && !s.is_capitalised(k))
                .then(|| stem(&w))
        })?;
        return Some((format!("for {}", family(&verb)), verb, true));
    }
    None
}

/// Minutes in a TIMEX3 duration value and the step of its last figure; `None` when vague.
pub fn iso_minutes(value: &str) -> Option<(f64, f64)> {
    let rest = value.strip_prefix('P')?;
    let mut total = 0.0;
    let mut step = 0.0;
    let mut time = false;
    let mut num = String::new();
    for c in rest.chars() {
        match c {
            'T' => time = true,
            '0'..='9' | '.' => num.push(c),
            _ => {
                let n: f64 = num.parse().ok()?;
                num.clear();
                let unit = match (c, time) {
                    ('Y', _) => 525_960.0,
                    ('M', false) => 43_830.0,
                    ('W', _) => 10_080.0,
                    ('D', _) => 1_440.0,
                    ('H', true) => 60.0,
                    ('M', true) => 1.0,
                    ('S', true) => 1.0 / 60.0,
                    _ => return None,
                };
                total += n * unit;
                step = unit
                    * parse_figure(&fmt(n))
                        .map(|f| f.1)
                        .unwrap_or(1.0)
                        .min(if n >= 10.0 { 10.0 } else { 1.0 });
            }
        }
    }
    (num.is_empty() && total > 0.0).then_some((total, step))
}

pub(super) fn number_in(value: &str) -> Option<f64> {
    let digits: String = value
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

/// `PT1H` and `PT45M` → `PT1H45M`.
pub(super) fn join_iso(a: &str, b: &str) -> String {
    let b_part = b.trim_start_matches('P');
    if a.contains('T') {
        format!("{a}{}", b_part.trim_start_matches('T'))
    } else {
        format!("{a}{b_part}")
    }
}
