//! Days written without their year ("Mar 14 (Reuters) -", "released on Tuesday (March 8)")
//! and the year they must fall in.
//!
//! A weekday pins a day of a month to one year in five to eleven; the years the article (or,
//! for a wire dateline, the rest of the corpus) writes narrow that to one. Without a weekday a
//! day is placed only after a full date the text reports in the past: a report that mentions
//! "September 14, 2021" and then, in the past, "March 8" was written in March 2022.

use jiff::civil::Date;

use super::past::reads_as_past;
use crate::corpus::Section;
use crate::corpus::dates::{self, MonthDay};

/// How many years around the years known a day may be placed in.
const YEAR_MARGIN: i16 = 1;

/// The day of `day`'s month in `year`, if the year has it (29 February) and the weekday
/// written beside it agrees.
fn in_year(day: &MonthDay, year: i16) -> Option<Date> {
    let date = Date::new(year, day.month, day.day).ok()?;
    let agrees = day
        .weekday
        .is_none_or(|w| date.weekday().to_monday_zero_offset() == w);
    agrees.then_some(date)
}

/// The year of a wire dateline's day, given the years (and days) the corpus's other
/// articles are known to be from: the day that agrees with its weekday, among the years
/// around those, nearest to a known day. Without a weekday, the nearest day.
pub(super) fn place_among(day: &MonthDay, known: &[Date]) -> Option<Date> {
    let first = known.iter().map(|d| d.year()).min()?;
    let last = known.iter().map(|d| d.year()).max()?;
    let distance = |date: &Date| {
        known
            .iter()
            .map(|k| super::days_between(*k, *date).abs())
            .min()
            .unwrap_or(i64::MAX)
    };
    let years = (first - YEAR_MARGIN)..=(last + YEAR_MARGIN);
    years
        .clone()
        .filter_map(|y| in_year(day, y))
        .min_by_key(distance)
        .or_else(|| {
            // A weekday that no year around agrees with was not the dateline's.
            let bare = MonthDay {
                weekday: None,
                ..*day
            };
            years.filter_map(|y| in_year(&bare, y)).min_by_key(distance)
        })
}

/// The first day after `after` that is `day` and agrees with its weekday, within the years
/// a weekday repeats in (eleven).
fn first_after(day: &MonthDay, after: Date) -> Option<Date> {
    (after.year()..=after.year() + 11)
        .filter_map(|y| in_year(day, y))
        .find(|d| *d > after)
}

/// The latest day the text reports in the past without a year but with its weekday
/// ("the board said on Tuesday (March 8)"), placed after the latest full past date.
pub(super) fn latest_reported(text: &str, sections: &[Section], after: Date) -> Option<Date> {
    sections
        .iter()
        .filter(|s| s.kind.feeds_story())
        .flat_map(|s| {
            dates::find_month_days(&text[s.start..s.end]).map(move |d| MonthDay {
                start: d.start + s.start,
                end: d.end + s.start,
                ..d
            })
        })
        .filter(|d| d.weekday.is_some())
        .filter_map(|d| {
            let date = first_after(&d, after)?;
            reads_as_past(text, d.start, d.end).then_some(date)
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(month: i8, day: i8, weekday: Option<i8>) -> MonthDay {
        MonthDay {
            start: 0,
            end: 0,
            month,
            day,
            weekday,
        }
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_weekday_picks_the_year_among_the_corpus_years() {
        // 8 November was a Tuesday in 2022 (and 2016, 2033).
        let known = [date("2023-07-27"), date("2023-11-02")];
        assert_eq!(
            place_among(&day(11, 8, Some(1)), &known),
            Some(date("2022-11-08"))
        );
        // Without a weekday, the day nearest the known ones.
        assert_eq!(
            place_among(&day(11, 8, None), &known),
            Some(date("2023-11-08"))
        );
        // A weekday no nearby year agrees with is ignored.
        assert_eq!(
            place_among(&day(11, 9, Some(1)), &[date("2023-11-02")]),
            Some(date("2023-11-09"))
        );
        assert_eq!(place_among(&day(11, 8, Some(1)), &[]), None);
    }

    #[test]
    fn a_day_reported_after_a_full_date_falls_after_it() {
        let text = "The pump reached the depot on September 14, 2021. The board released its report on Tuesday (March 8).";
        let sections = crate::corpus::sections::split(text);
        assert_eq!(
            latest_reported(text, &sections, date("2021-09-14")),
            Some(date("2022-03-08"))
        );
        // Announced, not reported: no evidence.
        let text = "The pump reached the depot on September 14, 2021. The board will meet on Tuesday (March 8).";
        let sections = crate::corpus::sections::split(text);
        assert_eq!(latest_reported(text, &sections, date("2021-09-14")), None);
    }
}
