//! Calendar time on the timeline's axis: days since 1970-01-01 as f64, ticks at calendar
//! boundaries (years → months → days as the user zooms) and their labels.

use std::ops::RangeInclusive;

use jiff::civil::Date;

use crate::story::{Granularity, When};

const EPOCH: Date = Date::constant(1970, 1, 1);
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Days since 1970-01-01 of an ISO date.
pub fn day_number(iso: &str) -> Option<f64> {
    let date: Date = iso.parse().ok()?;
    Some(days(date) as f64)
}

fn days(date: Date) -> i64 {
    EPOCH.until(date).map(|s| s.get_days() as i64).unwrap_or(0)
}

/// The date of a day number (rounded down).
pub fn date_of(day: f64) -> Option<Date> {
    if !day.is_finite() || day.abs() > 3.0e6 {
        return None;
    }
    EPOCH
        .checked_add(jiff::Span::new().days(day.floor() as i64))
        .ok()
}

/// "14 Nov 2021", "Nov 2021", "2014", "7–8 Mar 2022", "week 45 of 2021".
pub fn format_when(when: &When) -> String {
    let (Ok(start), Ok(end)) = (when.start.parse::<Date>(), when.end.parse::<Date>()) else {
        return when.value.clone();
    };
    let month = |d: Date| MONTHS[d.month() as usize - 1];
    match when.granularity {
        Granularity::Day if start == end => {
            format!("{} {} {}", start.day(), month(start), start.year())
        }
        Granularity::Day | Granularity::Week
            if start.year() == end.year() && start.month() == end.month() =>
        {
            format!(
                "{}–{} {} {}",
                start.day(),
                end.day(),
                month(start),
                start.year()
            )
        }
        Granularity::Day | Granularity::Week => format!(
            "{} {} – {} {} {}",
            start.day(),
            month(start),
            end.day(),
            month(end),
            end.year()
        ),
        Granularity::Month => format!("{} {}", month(start), start.year()),
        Granularity::Quarter => format!("Q{} {}", (start.month() - 1) / 3 + 1, start.year()),
        Granularity::Season => format!("{} – {} {}", month(start), month(end), end.year()),
        Granularity::Year => start.year().to_string(),
        Granularity::Decade => format!("{}s", start.year()),
    }
}

/// Tick steps, smallest first: (unit, count).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Days(i64),
    Months(i32),
    Years(i32),
}

impl Step {
    fn approx_days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Months(n) => n as f64 * 30.44,
            Step::Years(n) => n as f64 * 365.25,
        }
    }
}

const STEPS: [Step; 17] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(500),
];

/// A tick at a calendar boundary: its day number and the step it belongs to, in days (a year
/// boundary in a monthly run has a year's step, so that it can be labelled with the year).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridMark {
    pub value: f64,
    pub step_size: f64,
}

/// Ticks at calendar boundaries, spaced at least `min_days` apart.
pub fn marks(lo: f64, hi: f64, min_days: f64) -> Vec<GridMark> {
    let step = STEPS
        .iter()
        .copied()
        .find(|s| s.approx_days() >= min_days)
        .unwrap_or(Step::Years(1000));
    let (Some(first), Some(last)) = (date_of(lo - 1.0), date_of(hi + 1.0)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match step {
        Step::Days(n) => {
            let (a, b) = (days(first), days(last));
            // Weekly ticks fall on Mondays (1970-01-05 was one).
            let offset = if n >= 7 { 4 } else { 0 };
            let mut d = a - (a - offset).rem_euclid(n);
            while d <= b && out.len() < 2000 {
                let date = EPOCH.checked_add(jiff::Span::new().days(d)).ok();
                let month_start = date.is_some_and(|x| x.day() == 1);
                out.push(GridMark {
                    value: d as f64,
                    step_size: if month_start { 30.44 } else { n as f64 },
                });
                d += n;
            }
        }
        Step::Months(n) => {
            let mut y = first.year();
            let mut m = first.month() as i32;
            while out.len() < 2000 {
                if (m - 1) % n == 0
                    && let Ok(date) = Date::new(y, m as i8, 1)
                {
                    if date > last {
                        break;
                    }
                    let size = if m == 1 { 365.25 } else { n as f64 * 30.44 };
                    out.push(GridMark {
                        value: days(date) as f64,
                        step_size: size,
                    });
                }
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
                if y > last.year() + 1 {
                    break;
                }
            }
        }
        Step::Years(n) => {
            let mut y = first.year() as i32;
            y -= y.rem_euclid(n);
            while y <= last.year() as i32 && out.len() < 2000 {
                if let Ok(date) = Date::new(y as i16, 1, 1) {
                    out.push(GridMark {
                        value: days(date) as f64,
                        step_size: n as f64 * 365.25,
                    });
                }
                y += n;
            }
        }
    }
    out.retain(|m| m.value >= lo.floor() && m.value <= hi.ceil());
    out
}

/// About `count` labelled ticks between days `lo` and `hi` (for exports).
pub fn ticks(lo: f64, hi: f64, count: usize) -> Vec<(f64, String)> {
    let range = lo..=hi;
    marks(lo, hi, (hi - lo) / count.max(1) as f64)
        .into_iter()
        .map(|m| (m.value, tick_label(m, &range)))
        .collect()
}

/// Tick label for a mark: the year for yearly ticks, "Mar" (with the year in January or at the
/// first tick) for monthly ones, "30 Dec" for daily ones.
pub fn tick_label(mark: GridMark, range: &RangeInclusive<f64>) -> String {
    let Some(date) = date_of(mark.value + 0.5) else {
        return String::new();
    };
    let first_visible = mark.value - mark.step_size.min(31.0) < *range.start();
    let month = MONTHS[date.month() as usize - 1];
    if mark.step_size >= 365.0 && date.month() == 1 && date.day() == 1 {
        // A year boundary: in a zoomed-in view say which month it starts too.
        if range.end() - range.start() < 700.0 {
            return format!("Jan {}", date.year());
        }
        return date.year().to_string();
    }
    if mark.step_size >= 28.0 {
        if date.month() == 1 || first_visible {
            return format!("{month} {}", date.year());
        }
        return month.to_string();
    }
    if first_visible {
        return format!("{} {month} {}", date.day(), date.year());
    }
    format!("{} {month}", date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let d = day_number("2021-11-14").unwrap();
        assert_eq!(d, 18945.0);
        assert_eq!(date_of(d).unwrap().to_string(), "2021-11-14");
        assert_eq!(date_of(d + 0.9).unwrap().to_string(), "2021-11-14");
    }

    #[test]
    fn ticks_adapt_to_the_zoom() {
        let lo = day_number("2014-01-01").unwrap();
        let hi = day_number("2022-02-01").unwrap();
        let years = marks(lo, hi, 300.0);
        assert!(years.iter().all(|m| date_of(m.value).unwrap().day() == 1));
        assert_eq!(years.len(), 9);
        let lo = day_number("2021-11-20").unwrap();
        let months = marks(lo, hi, 25.0);
        let labels: Vec<String> = months.iter().map(|m| tick_label(*m, &(lo..=hi))).collect();
        assert_eq!(labels, ["Dec 2021", "Jan 2022", "Feb"]);
        let lo = day_number("2021-12-28").unwrap();
        let hi = day_number("2022-01-02").unwrap();
        let days: Vec<String> = marks(lo, hi, 1.0)
            .iter()
            .map(|m| tick_label(*m, &(lo..=hi)))
            .collect();
        assert!(days.contains(&"30 Dec".to_string()), "{days:?}");
    }

    #[test]
    fn dates_read_well() {
        let when = |value: &str, start: &str, end: &str, g| When {
            value: value.into(),
            start: start.into(),
            end: end.into(),
            granularity: g,
        };
        assert_eq!(
            format_when(&when(
                "2021-11-14",
                "2021-11-14",
                "2021-11-14",
                Granularity::Day
            )),
            "14 Nov 2021"
        );
        assert_eq!(
            format_when(&when("x", "2022-03-07", "2022-03-08", Granularity::Day)),
            "7–8 Mar 2022"
        );
        assert_eq!(
            format_when(&when("2014", "2014-01-01", "2014-12-31", Granularity::Year)),
            "2014"
        );
    }
}
