//! Dates written with a month: "December 7", "Dec. 7, 2021", "30 December 2021", "the
//! 30th of December", "January 9-10, 2022", "March of next year".

use super::{Expr, Found, Kind, PREPOSITIONS, Scanner, Shift};
use crate::analysis::timex::lexicon;
use crate::analysis::timex::tokens::Tok;

impl Scanner<'_> {
    /// A date of the calendar from `first` to `end`, its year (when written) read in context.
    fn calendar(
        first: usize,
        end: usize,
        year: Option<i32>,
        month: u8,
        day: Option<u8>,
    ) -> Option<Found> {
        let date = Expr::Date {
            year,
            month,
            day,
            shift: Shift::Context,
        };
        Self::found(first, end, date, Kind::Date)
    }

    /// A month word at `i` (with its dot), and the token after it.
    pub(super) fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.w(i);
        let m = lexicon::month(w)?;
        let mut next = i + 1;
        if w.len() <= 4 && w != "may" && w != "june" && w != "july" {
            // Abbreviations take a dot: "Jan.", "Sept."
            next = self.skip_dot(next);
            // "Jan Kavan" is a name: an abbreviation wants its dot or a number after it.
            if !self.is_capitalized(i)
                || next == i + 1 && !self.t.get(next).is_some_and(Tok::is_digits)
            {
                return None;
            }
        }
        Some((m, next))
    }

    /// An optional ", YEAR" or " YEAR" after a date; the year and the token after it.
    pub(super) fn trailing_year(&self, i: usize) -> (Option<i32>, usize) {
        let j = if self.w(i) == "," { i + 1 } else { i };
        match self.year_number(j) {
            Some(y) => (Some(y), j + 1),
            None => (None, i),
        }
    }

    /// "March of next year", "June 3 of last year": the month (and day) found from `start`,
    /// with "of next/last/this year" at `i`, counted in years from the reference date's.
    fn of_relative_year(
        &self,
        start: usize,
        month: u8,
        day: Option<u8>,
        i: usize,
    ) -> Option<Found> {
        if self.w(i) != "of" || self.w(i + 2) != "year" {
            return None;
        }
        let dy = match self.w(i + 1) {
            "next" => 1,
            "last" => -1,
            "this" => 0,
            _ => return None,
        };
        Self::found(
            start,
            i + 3,
            Expr::MonthOfYear { month, day, dy },
            Kind::Date,
        )
    }

    /// "30 December 2021", "the 30th of December".
    pub(super) fn day_month(&self, i: usize) -> Option<Found> {
        let (first, i) = if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let day = self.day_number(i)?;
        let j = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        let (month, next) = self.month_at(j)?;
        let (year, end) = self.trailing_year(next);
        if first < i && self.w(i + 1) != "of" {
            return None;
        }
        Self::calendar(first, end, year, month, Some(day))
    }

    /// "December 7", "Dec. 7, 2021", "January 9-10, 2022", "December 2021", "in December",
    /// optionally after a weekday ("Thursday, Dec. 30").
    pub(super) fn month_first(&self, i: usize) -> Option<Found> {
        let start = i;
        let mut i = i;
        if lexicon::weekday(self.w(i)).is_some() {
            let j = if self.w(i + 1) == "," { i + 2 } else { i + 1 };
            if lexicon::month(self.w(j)).is_some() && self.is_capitalized(j) {
                i = j;
            }
        }
        let (month, next) = self.month_at(i)?;
        if let Some(day) = self.day_number(next) {
            // A range of days: "9-10", "9 to 10", "9 and 10".
            if matches!(self.w(next + 1), "-" | "–" | "to" | "through")
                && let Some(last) = self.day_number(next + 2)
                && last > day
            {
                let (year, end) = self.trailing_year(next + 3);
                return Self::found(
                    start,
                    end,
                    Expr::DayRange {
                        year,
                        month,
                        day,
                        last,
                    },
                    Kind::Date,
                );
            }
            if let Some(found) = self.of_relative_year(start, month, Some(day), next + 1) {
                return Some(found);
            }
            let (year, end) = self.trailing_year(next + 1);
            return Self::calendar(start, end, year, month, Some(day));
        }
        if self.is_capitalized(i)
            && let Some(found) = self.of_relative_year(start, month, None, next)
        {
            return Some(found);
        }
        if let (Some(year), end) = self.trailing_year(next) {
            return Self::calendar(start, end, Some(year), month, None);
        }
        // A month alone: only where it can't be "may" or "march" the verb.
        let w = self.w(i);
        let before = if i > 0 { self.w(i - 1) } else { "" };
        let capital = self.is_capitalized(i);
        if !capital {
            return None;
        }
        if lexicon::month_is_ambiguous(w) && !PREPOSITIONS.contains(&before) {
            return None;
        }
        Self::calendar(start, next, None, month, None)
    }
}
