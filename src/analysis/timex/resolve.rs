//! Resolving what an expression means against the reference date into a TIMEX3 value.

use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::context::Direction;
use super::lexicon::Unit;
use super::scan::{Expr, Shift};

/// The TIMEX3 value of `expr`; relative expressions need `dct`, without it they keep `X`s.
/// `quarterly` says the sentence speaks of quarters (financial "a year earlier" is a quarter).
pub fn value(expr: &Expr, dct: Option<Date>, dir: Direction, quarterly: bool) -> Option<String> {
    let Some(dct) = dct else {
        return Some(unresolved(expr));
    };
    exact_value(expr, dct, dir, quarterly)
}

/// The TIMEX3 value of `expr` against a reference date known only roughly (an article's date
/// guessed from the dates it reports, or from its corpus): a day or month written without its
/// year takes the year that puts it nearest that date, and whatever counts from the day of
/// writing ("Tuesday", "last week", "this month") keeps its `X`s rather than be dated wrong.
pub fn approximate_value(expr: &Expr, around: Date) -> String {
    match expr {
        Expr::Date {
            year: None,
            month,
            day,
            shift: Shift::Context,
        } => {
            let year = nearest_year(around, *month, day.unwrap_or(15));
            match day {
                Some(d) => Date::new(year as i16, *month as i8, *d as i8)
                    .map_or_else(|_| unresolved(expr), |d| d.to_string()),
                None => format!("{year:04}-{month:02}"),
            }
        }
        Expr::DayRange {
            year: None,
            month,
            day,
            ..
        } => {
            let year = nearest_year(around, *month, *day);
            Date::new(year as i16, *month as i8, *day as i8)
                .map_or_else(|_| unresolved(expr), |d| d.to_string())
        }
        _ => unresolved(expr),
    }
}

/// The year that puts a month and day nearest `around`.
fn nearest_year(around: Date, month: u8, day: u8) -> i32 {
    // Days counted as 31 to a month: close enough to compare distances of months.
    let ordinal = |year: i32, month: i32, day: i32| (year * 12 + month) * 31 + day;
    let y = around.year() as i32;
    let here = ordinal(y, around.month() as i32, around.day() as i32);
    (y - 1..=y + 1)
        .min_by_key(|&year| (ordinal(year, month as i32, day as i32) - here).abs())
        .unwrap_or(y)
}

fn exact_value(expr: &Expr, dct: Date, dir: Direction, quarterly: bool) -> Option<String> {
    Some(match expr {
        Expr::Date {
            year,
            month,
            day,
            shift,
        } => {
            let year = match year {
                Some(y) => *y,
                None => year_of(dct, *month, day.unwrap_or(15), *shift, dir),
            };
            match day {
                Some(d) => Date::new(year as i16, *month as i8, *d as i8)
                    .ok()?
                    .to_string(),
                None => format!("{year:04}-{month:02}"),
            }
        }
        Expr::DayRange {
            year, month, day, ..
        } => {
            let year = year.unwrap_or_else(|| year_of(dct, *month, *day, Shift::Context, dir));
            Date::new(year as i16, *month as i8, *day as i8)
                .ok()?
                .to_string()
        }
        Expr::Year(y) => format!("{y:04}"),
        Expr::Decade(d) => format!("{d:03}"),
        Expr::Weekday { day, shift, part } => {
            let date = weekday(dct, *day, *shift, dir)?;
            with_part(date, *part)
        }
        Expr::Day { offset, part } => with_part(dct.checked_add(offset.days()).ok()?, *part),
        Expr::Unit { unit, offset } => unit_value(dct, *unit, *offset as i64)?,
        Expr::Ago { n, unit, .. } => unit_value(dct, *unit, *n)?,
        Expr::Season {
            season,
            shift,
            year,
        } => {
            let start_month = match *season {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let y = year.unwrap_or_else(|| {
                let y = dct.year() as i32;
                match shift {
                    Shift::Last if start_month >= dct.month() as i32 => y - 1,
                    Shift::Next if start_month <= dct.month() as i32 => y + 1,
                    // News looks back: a season that has not begun yet is last year's.
                    Shift::Context if start_month > dct.month() as i32 + 1 => y - 1,
                    _ => y,
                }
            });
            format!("{y:04}-{season}")
        }
        Expr::Quarter { q, year, offset } => {
            let current = (dct.month() as i32 - 1) / 3 + 1;
            let (y, q) = if *q == 0 {
                let q = current - 1 + *offset;
                if q == 0 {
                    (dct.year() as i32 - 1, 4)
                } else {
                    (dct.year() as i32, q)
                }
            } else {
                (year.unwrap_or(dct.year() as i32), *q as i32)
            };
            format!("{y:04}-Q{q}")
        }
        Expr::QuarterOfYear { q, dy } => format!("{:04}-Q{q}", dct.year() as i32 + dy),
        Expr::MonthOfYear { month, day, dy } => {
            let year = dct.year() as i32 + dy;
            match day {
                Some(d) => Date::new(year as i16, *month as i8, *d as i8)
                    .ok()?
                    .to_string(),
                None => format!("{year:04}-{month:02}"),
            }
        }
        Expr::YearEarlier => {
            if quarterly {
                let current = (dct.month() as i32 - 1) / 3 + 1;
                let (y, q) = if current == 1 {
                    (dct.year() as i32 - 2, 4)
                } else {
                    (dct.year() as i32 - 1, current - 1)
                };
                format!("{y:04}-Q{q}")
            } else {
                format!("{:04}", dct.year() - 1)
            }
        }
        Expr::Weekend { offset } => {
            let recent = if matches!(dct.weekday(), Weekday::Saturday | Weekday::Sunday) {
                0
            } else {
                -1
            };
            let day = dct
                .checked_add(((recent + *offset as i64) * 7).days())
                .ok()?;
            let w = day.iso_week_date();
            format!("{:04}-W{:02}-WE", w.year(), w.week())
        }
        Expr::Thanksgiving => {
            let year = year_of(dct, 11, 25, Shift::Context, dir);
            let first = Date::new(year as i16, 11, 1).ok()?;
            let to_thursday = (4 - first.weekday().to_monday_one_offset() as i64).rem_euclid(7);
            first
                .checked_add((to_thursday + 21).days())
                .ok()?
                .to_string()
        }
        Expr::Fixed(v) => v.clone(),
        Expr::ClockOn { hour, minute, day } => {
            format!(
                "{}T{hour:02}:{minute:02}",
                weekday(dct, *day, Shift::Context, dir)?
            )
        }
        Expr::Clock { hour, minute, day } => {
            format!(
                "{}T{hour:02}:{minute:02}",
                dct.checked_add(day.days()).ok()?
            )
        }
    })
}

/// The value with `X`s where the reference date would have decided.
fn unresolved(expr: &Expr) -> String {
    match expr {
        Expr::Date {
            year: Some(y),
            month,
            day: Some(d),
            ..
        } => format!("{y:04}-{month:02}-{d:02}"),
        Expr::Date {
            year: Some(y),
            month,
            day: None,
            ..
        } => format!("{y:04}-{month:02}"),
        Expr::Date {
            year: None,
            month,
            day: Some(d),
            ..
        } => format!("XXXX-{month:02}-{d:02}"),
        Expr::Date {
            year: None,
            month,
            day: None,
            ..
        } => format!("XXXX-{month:02}"),
        Expr::DayRange {
            year, month, day, ..
        } => match year {
            Some(y) => format!("{y:04}-{month:02}-{day:02}"),
            None => format!("XXXX-{month:02}-{day:02}"),
        },
        Expr::Year(y) => format!("{y:04}"),
        Expr::Decade(d) => format!("{d:03}"),
        Expr::MonthOfYear {
            month,
            day: Some(d),
            ..
        } => format!("XXXX-{month:02}-{d:02}"),
        Expr::MonthOfYear { month, .. } => format!("XXXX-{month:02}"),
        Expr::Weekday { day, .. } => format!("XXXX-WXX-{day}"),
        Expr::Fixed(v) => v.clone(),
        Expr::Season {
            season,
            year: Some(y),
            ..
        } => format!("{y:04}-{season}"),
        Expr::Season { season, .. } => format!("XXXX-{season}"),
        Expr::Quarter {
            q, year: Some(y), ..
        } if *q > 0 => format!("{y:04}-Q{q}"),
        Expr::Quarter { q, .. } if *q > 0 => format!("XXXX-Q{q}"),
        _ => "XXXX-XX-XX".to_string(),
    }
}

fn with_part(date: Date, part: Option<&str>) -> String {
    match part {
        Some(p) => format!("{date}T{p}"),
        None => date.to_string(),
    }
}

/// The year of a month (and day) without one: by the words' shift, else by tense. News
/// reports the past, so against a past cue (or a far-off future) the latest past occurrence
/// wins; a future cue takes the next occurrence when it is less than nine months ahead ("will
/// meet on January 12" in December); any occurrence at most two calendar months ahead beats
/// one ten months back ("said it would close Jan. 2"), and with no cue either way one up to
/// four months ahead does ("before the Nov. 14 closing date" in August). A photo caption's day
/// is always past.
fn year_of(dct: Date, month: u8, day: u8, shift: Shift, dir: Direction) -> i32 {
    let y = dct.year() as i32;
    let this = (month as i32, day as i32);
    let now = (dct.month() as i32, dct.day() as i32);
    let past = if this <= now { y } else { y - 1 };
    let future = if this >= now { y } else { y + 1 };
    // Months from the reference date to the occurrence in `year` (negative = before).
    let months = |year: i32| (year - y) * 12 + this.0 - now.0;
    match (shift, dir) {
        (Shift::This, _) => y,
        (Shift::Last, _) => {
            if this < now {
                y
            } else {
                y - 1
            }
        }
        (Shift::Next, _) => {
            if this > now {
                y
            } else {
                y + 1
            }
        }
        (_, Direction::Future) if months(future) <= 8 => future,
        (_, Direction::Future | Direction::Shown) => past,
        // A month or two ahead is more likely than ten months back, whatever the verb; with
        // no verb to tell, a season ahead is more likely than three seasons back.
        (_, _) if months(future) <= 2 => future,
        (_, Direction::Unknown) if months(future) <= 4 => future,
        (_, _) => past,
    }
}

/// A weekday near the reference date.
fn weekday(dct: Date, day: u8, shift: Shift, dir: Direction) -> Option<Date> {
    let today = dct.weekday().to_monday_one_offset() as i64;
    let day = day as i64;
    let back = (today - day).rem_euclid(7);
    let ahead = (day - today).rem_euclid(7);
    let offset = match (shift, dir) {
        (Shift::Last, _) => -(if back == 0 { 7 } else { back }),
        (Shift::Next, _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (Shift::This, _) => day - today,
        (_, Direction::Future) => ahead,
        _ => -back,
    };
    dct.checked_add(offset.days()).ok()
}

/// The week, month, quarter, year or decade `n` units from the reference date's.
fn unit_value(dct: Date, unit: Unit, n: i64) -> Option<String> {
    Some(match unit {
        Unit::Day => dct.checked_add(n.days()).ok()?.to_string(),
        Unit::Week => {
            let d = dct.checked_add((7 * n).days()).ok()?;
            let w: ISOWeekDate = d.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Unit::Month => {
            let d = dct.first_of_month().checked_add(n.months()).ok()?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        Unit::Quarter => {
            let d = dct.first_of_month().checked_add((3 * n).months()).ok()?;
            format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
        }
        Unit::Year => format!("{:04}", dct.year() as i64 + n),
        Unit::Decade => format!("{:03}", dct.year() as i64 / 10 + n),
        Unit::Century => format!("{:02}", dct.year() as i64 / 100 + n),
        Unit::Hour | Unit::Minute | Unit::Second => dct.to_string(),
    })
}
