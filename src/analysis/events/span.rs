//! Inclusive ranges of civil days, with the day arithmetic that clustering runs on every
//! candidate.

/// Inclusive range of civil days; dates compare in calendar order, lengths come from
/// [`epoch_day`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Span {
    pub(super) start: jiff::civil::Date,
    pub(super) end: jiff::civil::Date,
}

impl Span {
    pub(super) fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub(super) fn overlaps(&self, other: &Span) -> bool {
        self.start <= other.end && other.start <= self.end
    }
    pub(super) fn days(&self) -> i64 {
        epoch_day(self.end) - epoch_day(self.start) + 1
    }

    /// The part of the span a TimeML modifier names: "the end of 2024" is its last third, not
    /// January, and "early May" its first; other modifiers ("about") leave it whole.
    pub(super) fn part(self, modifier: &str) -> Span {
        let third = (self.days() / 3).max(1);
        let shift =
            |d: jiff::civil::Date, n: i64| d.checked_add(jiff::Span::new().days(n)).unwrap_or(d);
        match modifier {
            "START" => Span {
                end: shift(self.start, third - 1),
                ..self
            },
            "END" => Span {
                start: shift(self.end, 1 - third),
                ..self
            },
            "MID" => Span {
                start: shift(self.start, third),
                end: shift(self.end, -third),
            },
            _ => self,
        }
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), by the civil-from-days arithmetic of
/// H. Hinnant: a few integer operations, where subtracting `jiff` dates builds a whole span.
fn epoch_day(d: jiff::civil::Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(super) fn days(span: &Span) -> impl Iterator<Item = jiff::civil::Date> + '_ {
    span.start
        .series(jiff::Span::new().days(1))
        .take_while(move |d| *d <= span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_modifier_names_a_third_of_the_span() {
        let span = |a: &str, b: &str| Span {
            start: a.parse().unwrap(),
            end: b.parse().unwrap(),
        };
        let year = span("2031-01-01", "2031-12-31");
        assert_eq!(year.clone().part("END"), span("2031-09-02", "2031-12-31"));
        assert_eq!(year.clone().part("START"), span("2031-01-01", "2031-05-01"));
        assert_eq!(year.clone().part("MID"), span("2031-05-02", "2031-09-01"));
        assert_eq!(year.clone().part("APPROX"), year);
        let month = span("2031-05-01", "2031-05-31");
        assert_eq!(month.part("START"), span("2031-05-01", "2031-05-10"));
    }

    #[test]
    fn epoch_days_count_calendar_days() {
        let day = |s: &str| epoch_day(s.parse().unwrap());
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(
            day("2000-03-01") - day("2000-02-28"),
            2,
            "2000 is a leap year"
        );
        assert_eq!(day("1900-03-01") - day("1900-02-28"), 1, "1900 is not");
        assert_eq!(day("0001-01-01"), -719_162);
        for (a, b) in [("2021-12-30", "2022-01-10"), ("1989-10-26", "1998-08-07")] {
            let (a, b): (jiff::civil::Date, jiff::civil::Date) =
                (a.parse().unwrap(), b.parse().unwrap());
            assert_eq!(epoch_day(b) - epoch_day(a), i64::from((b - a).get_days()));
        }
    }
}
