//! Reading a date as people type it in the date editor: "2022-01-10", "Jan 9-10 2022",
//! "9 January 2022", "March 2023", "early 2014", "mid-2014", "Q1 2022", "summer 2014",
//! "the 1990s", "2014-2016", "Jan 30 - Feb 2 2022".
//!
//! The result is a [`When`] as the analysis makes them: a range of days keeps its first day as
//! the TIMEX3 value (as the tagger does for "January 9-10, 2022"); "early", "mid" and "late"
//! keep the coarse value ("2014") and narrow the days to the first, middle or last third.

use jiff::civil::Date;

use crate::story::{Granularity, When};

/// Reads `text` as a date or range of dates; the error says what to write instead.
pub fn parse(text: &str) -> Result<When, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("type a date, e.g. 2022-01-10, Jan 9-10 2022, March 2023 or early 2014".into());
    }
    if let Some(when) = crate::analysis::timex::interval(text).filter(|_| iso_like(text)) {
        return Ok(when);
    }
    // Two ISO dates: "2022-01-09..2022-01-10", "2022-01-09 to 2022-01-10".
    for sep in ["..", " to ", " – ", " - ", "/"] {
        if let Some((a, b)) = text.split_once(sep)
            && iso_like(a.trim())
            && iso_like(b.trim())
        {
            let a =
                crate::analysis::timex::interval(a.trim()).ok_or("the first date is not a date")?;
            let b = crate::analysis::timex::interval(b.trim())
                .ok_or("the second date is not a date")?;
            return span(a.value.clone(), &a.start, &b.end, a.granularity);
        }
    }
    let tokens = tokenize(text)?;
    let (modifier, rest) = match tokens.split_first() {
        Some((Tok::Mod(m), rest)) => (Some(*m), rest),
        _ => (None, tokens.as_slice()),
    };
    let when = words(rest)?;
    match modifier {
        None => Ok(when),
        Some(m) => narrow(when, m),
    }
}

fn iso_like(s: &str) -> bool {
    s.len() >= 4 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) && !s.contains(' ')
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Month(i8),
    /// 1 to 31.
    Day(i8),
    Year(i16),
    Dash,
    Season(usize),
    Quarter(i8),
    Decade(i16),
    Mod(Third),
}

/// Which third of a year or month "early", "mid" and "late" mean.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Third {
    Early,
    Mid,
    Late,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const SEASONS: [&str; 4] = ["spring", "summer", "autumn", "winter"];

fn tokenize(text: &str) -> Result<Vec<Tok>, String> {
    let lower = text
        .to_lowercase()
        .replace(['–', '—'], "-")
        .replace('-', " - ")
        .replace([',', '.'], " ");
    let mut out = Vec::new();
    for w in lower.split_whitespace() {
        if matches!(w, "the" | "of" | "in" | "on") {
            continue;
        }
        let tok = if w == "-" {
            Tok::Dash
        } else if let Some(m) = month(w) {
            Tok::Month(m)
        } else if let Some(s) = SEASONS.iter().position(|s| *s == w) {
            Tok::Season(s)
        } else if w == "fall" {
            Tok::Season(2)
        } else if let Some(t) = third(w) {
            Tok::Mod(t)
        } else if let Some(q) = w.strip_prefix('q').and_then(|q| q.parse::<i8>().ok()) {
            if !(1..=4).contains(&q) {
                return Err(format!("“{w}”: a quarter is Q1 to Q4"));
            }
            Tok::Quarter(q)
        } else if let Some(d) = w.strip_suffix("s").filter(|d| d.len() == 4) {
            let y: i16 = d.parse().map_err(|_| format!("“{w}” is not a decade"))?;
            if y % 10 != 0 {
                return Err(format!("“{w}”: a decade ends in 0s, e.g. 1990s"));
            }
            Tok::Decade(y)
        } else {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            if digits.is_empty()
                || !digits.bytes().all(|b| b.is_ascii_digit())
                || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            {
                return Err(format!("“{w}” is not part of a date"));
            }
            let n: i32 = digits.parse().map_err(|_| format!("“{w}” is too long"))?;
            match (digits.len(), suffix) {
                (4, "") => Tok::Year(n as i16),
                (1 | 2, _) if (1..=31).contains(&n) => Tok::Day(n as i8),
                _ => return Err(format!("“{w}” is neither a day (1-31) nor a year")),
            }
        };
        // "mid-2014": the dash after a modifier joins, it is no range.
        if tok == Tok::Dash && matches!(out.last(), Some(Tok::Mod(_))) {
            continue;
        }
        out.push(tok);
    }
    Ok(out)
}

fn month(w: &str) -> Option<i8> {
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep" } else { w };
    MONTHS
        .iter()
        .position(|m| m.starts_with(w))
        .map(|i| i as i8 + 1)
}

fn third(w: &str) -> Option<Third> {
    match w {
        "early" | "beginning" | "start" => Some(Third::Early),
        "mid" | "middle" => Some(Third::Mid),
        "late" | "end" => Some(Third::Late),
        _ => None,
    }
}

fn words(t: &[Tok]) -> Result<When, String> {
    use Tok::*;
    match *t {
        [Year(y)] => year(y),
        [Decade(d)] => {
            let (a, b) = (date(d, 1, 1)?, date(d + 9, 12, 31)?);
            span(
                format!("{:03}", d / 10),
                &a.to_string(),
                &b.to_string(),
                Granularity::Decade,
            )
        }
        [Year(a), Dash, Year(b)] => {
            let (s, e) = (date(a, 1, 1)?, date(b, 12, 31)?);
            span(
                a.to_string(),
                &s.to_string(),
                &e.to_string(),
                Granularity::Year,
            )
        }
        [Month(m), Year(y)] => month_of(y, m),
        [Month(a), Dash, Month(b), Year(y)] => {
            let (s, e) = (date(y, a, 1)?, date(y, b, 1)?.last_of_month());
            span(
                format!("{y}-{a:02}"),
                &s.to_string(),
                &e.to_string(),
                Granularity::Month,
            )
        }
        [Month(m), Day(d), Year(y)] | [Day(d), Month(m), Year(y)] => days(date(y, m, d)?, None),
        [Month(m), Day(a), Dash, Day(b), Year(y)] | [Day(a), Dash, Day(b), Month(m), Year(y)] => {
            days(date(y, m, a)?, Some(date(y, m, b)?))
        }
        [Month(m1), Day(d1), Dash, Month(m2), Day(d2), Year(y)]
        | [Day(d1), Month(m1), Dash, Day(d2), Month(m2), Year(y)] => {
            days(date(y, m1, d1)?, Some(date(y, m2, d2)?))
        }
        [Season(s), Year(y)] => {
            let code = ["SP", "SU", "FA", "WI"][s];
            crate::analysis::timex::interval(&format!("{y}-{code}"))
                .ok_or_else(|| "that season is not a date".to_string())
        }
        [Quarter(q), Year(y)] | [Year(y), Quarter(q)] => {
            crate::analysis::timex::interval(&format!("{y}-Q{q}"))
                .ok_or_else(|| "that quarter is not a date".to_string())
        }
        _ if !t.iter().any(|t| matches!(t, Year(_) | Decade(_))) => {
            Err("add the year, e.g. Jan 9 2022".into())
        }
        _ => Err(
            "not a date I can read: try 2022-01-10, Jan 9-10 2022, March 2023 or early 2014".into(),
        ),
    }
}

fn date(y: i16, m: i8, d: i8) -> Result<Date, String> {
    Date::new(y, m, d).map_err(|_| format!("{y}-{m:02}-{d:02} is not a day of the calendar"))
}

fn year(y: i16) -> Result<When, String> {
    let (s, e) = (date(y, 1, 1)?, date(y, 12, 31)?);
    span(
        y.to_string(),
        &s.to_string(),
        &e.to_string(),
        Granularity::Year,
    )
}

fn month_of(y: i16, m: i8) -> Result<When, String> {
    let s = date(y, m, 1)?;
    span(
        format!("{y}-{m:02}"),
        &s.to_string(),
        &s.last_of_month().to_string(),
        Granularity::Month,
    )
}

fn days(first: Date, last: Option<Date>) -> Result<When, String> {
    let last = last.unwrap_or(first);
    span(
        first.to_string(),
        &first.to_string(),
        &last.to_string(),
        Granularity::Day,
    )
}

fn span(value: String, start: &str, end: &str, granularity: Granularity) -> Result<When, String> {
    if end < start {
        return Err(format!("the range ends ({end}) before it starts ({start})"));
    }
    Ok(When {
        value,
        start: start.to_string(),
        end: end.to_string(),
        granularity,
    })
}

/// "early 2014": the first third of the days, the value kept.
fn narrow(when: When, third: Third) -> Result<When, String> {
    if !matches!(
        when.granularity,
        Granularity::Year | Granularity::Month | Granularity::Decade | Granularity::Season
    ) || when.start == when.end
    {
        return Err("early, mid and late go with a year, a month, a season or a decade".into());
    }
    let s: Date = when.start.parse().map_err(|_| "bad start")?;
    let e: Date = when.end.parse().map_err(|_| "bad end")?;
    let len = (e - s).get_days() as i64 + 1;
    if when.granularity == Granularity::Year && len >= 365 {
        // By months: January to April, May to August, September to December.
        let y = s.year();
        let (a, b) = match third {
            Third::Early => (date(y, 1, 1)?, date(y, 4, 30)?),
            Third::Mid => (date(y, 5, 1)?, date(y, 8, 31)?),
            Third::Late => (date(y, 9, 1)?, e),
        };
        return Ok(When {
            start: a.to_string(),
            end: b.to_string(),
            ..when
        });
    }
    let (from, to) = match third {
        Third::Early => (0, len / 3 - 1),
        Third::Mid => (len / 3, 2 * len / 3 - 1),
        Third::Late => (2 * len / 3, len - 1),
    };
    let at = |d: i64| -> Result<String, String> {
        s.checked_add(jiff::Span::new().days(d))
            .map(|d| d.to_string())
            .map_err(|e| e.to_string())
    };
    Ok(When {
        start: at(from)?,
        end: at(to)?,
        ..when
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (String, String, String, Granularity) {
        let w = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (w.value, w.start, w.end, w.granularity)
    }

    fn is(v: &str, s: &str, e: &str, g: Granularity) -> (String, String, String, Granularity) {
        (v.into(), s.into(), e.into(), g)
    }

    #[test]
    fn reads_what_people_type() {
        use Granularity::*;
        let day = |d: &str| is(d, d, d, Day);
        assert_eq!(read("2022-01-10"), day("2022-01-10"));
        assert_eq!(read("Jan 10 2022"), day("2022-01-10"));
        assert_eq!(read("January 10th, 2022"), day("2022-01-10"));
        assert_eq!(read("10 Jan. 2022"), day("2022-01-10"));
        let range = is("2022-01-09", "2022-01-09", "2022-01-10", Day);
        assert_eq!(read("Jan 9-10 2022"), range);
        assert_eq!(read("January 9–10, 2022"), range);
        assert_eq!(read("9-10 January 2022"), range);
        assert_eq!(read("2022-01-09..2022-01-10"), range);
        assert_eq!(read("2022-01-09 to 2022-01-10"), range);
        assert_eq!(
            read("Jan 30 - Feb 2 2022"),
            is("2022-01-30", "2022-01-30", "2022-02-02", Day)
        );
        assert_eq!(
            read("March 2023"),
            is("2023-03", "2023-03-01", "2023-03-31", Month)
        );
        assert_eq!(
            read("2023-03"),
            is("2023-03", "2023-03-01", "2023-03-31", Month)
        );
        assert_eq!(read("2014"), is("2014", "2014-01-01", "2014-12-31", Year));
        assert_eq!(
            read("2014-2016"),
            is("2014", "2014-01-01", "2016-12-31", Year)
        );
        assert_eq!(
            read("Q1 2022"),
            is("2022-Q1", "2022-01-01", "2022-03-31", Quarter)
        );
        assert_eq!(
            read("summer 2014"),
            is("2014-SU", "2014-06-01", "2014-08-31", Season)
        );
        assert_eq!(
            read("the 1990s"),
            is("199", "1990-01-01", "1999-12-31", Decade)
        );
    }

    #[test]
    fn early_mid_late_narrow_the_days_and_keep_the_value() {
        use Granularity::*;
        assert_eq!(
            read("early 2014"),
            is("2014", "2014-01-01", "2014-04-30", Year)
        );
        assert_eq!(
            read("mid-2014"),
            is("2014", "2014-05-01", "2014-08-31", Year)
        );
        assert_eq!(
            read("late 2014"),
            is("2014", "2014-09-01", "2014-12-31", Year)
        );
        assert_eq!(
            read("end of March 2023"),
            is("2023-03", "2023-03-21", "2023-03-31", Month)
        );
    }

    #[test]
    fn says_what_is_wrong() {
        for (text, says) in [
            ("", "type a date"),
            ("Jan 9", "add the year"),
            ("Feb 30 2022", "not a day of the calendar"),
            ("Jan 10-9 2022", "ends"),
            ("blue moon", "not part of a date"),
            ("Q5 2022", "Q1 to Q4"),
            ("early Jan 9 2022", "early, mid and late"),
            ("2022 2023", "not a date I can read"),
        ] {
            let err = parse(text).expect_err(text);
            assert!(err.contains(says), "{text}: {err}");
        }
    }
}
