//! Quarters and dates counted from another: "two days ago", "the week before".

use super::*;

impl Scanner<'_> {
    /// Quarters: "the third quarter", "third-quarter", "Q3", "the latest quarter", "the fourth
    /// quarter of 1989", "the year-ago quarter".
    pub(super) fn quarter(&self, i: usize) -> Option<Found> {
        let (first, mut j) = if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let w = self.w(j);
        if let Some(q) = w
            .strip_prefix('q')
            .and_then(|q| q.parse::<u8>().ok())
            .filter(|q| (1..=4).contains(q))
        {
            return Self::found(
                first,
                j + 1,
                Expr::Quarter {
                    q,
                    year: None,
                    offset: 0,
                },
                Kind::Date,
            );
        }
        let mut fiscal = false;
        if w == "fiscal" {
            fiscal = true;
            j += 1;
        }
        // "the 1988 second quarter", "this year's third quarter", "last year's fourth quarter".
        let mut named_year = None;
        let mut year_offset = None;
        if first < j
            && let Some(y) = self.year_number(j)
            && lexicon::ordinal(self.w(j + 1)).is_some()
        {
            named_year = Some(y);
            j += 1;
        } else if self.w(j + 1) == "year" && self.w(j + 2) == "'" && self.w(j + 3) == "s" {
            year_offset = match self.w(j) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if year_offset.is_some() && lexicon::ordinal(self.w(j + 4)).is_some() {
                j += 4;
            } else {
                year_offset = None;
            }
        }
        let ordinal = lexicon::ordinal(self.w(j)).filter(|q| (1..=4).contains(q));
        let (q, offset, k) = match (ordinal, self.w(j)) {
            (Some(q), _) => (q as u8, 0, j + 1),
            (None, "latest" | "last" | "past" | "recent" | "current" | "same")
                if first < j || first == i =>
            {
                let q_off = if self.w(j) == "current" { 1 } else { 0 };
                (0, q_off, j + 1)
            }
            (None, "year")
                if self.w(j + 1) == "-" && matches!(self.w(j + 2), "ago" | "earlier") =>
            {
                let k = j + 3;
                if matches!(self.w(k), "quarter" | "period") {
                    return Self::found(first, k + 1, Expr::YearEarlier, Kind::Date);
                }
                return None;
            }
            (None, "quarter") if first < j => (0, 0, j),
            _ => return None,
        };
        let k = if self.w(k) == "-" { k + 1 } else { k };
        if self.w(k) != "quarter"
            && !(q == 0 && self.w(k) == "period" && matches!(self.w(j), "latest" | "same"))
        {
            return None;
        }
        let mut end = k + 1;
        let mut year = None;
        if self.w(end) == "of"
            && let Some(y) = self.year_number(end + 1)
        {
            year = Some(y);
            end += 2;
        } else if let Some(y) = self.year_number(end) {
            year = Some(y);
            end += 1;
        }
        let _ = fiscal;
        let year = year.or(named_year);
        if let Some(dy) = year_offset {
            let expr = Expr::QuarterOfYear { q, dy };
            return Self::found(first, end, expr, Kind::Date);
        }
        Self::found(first, end, Expr::Quarter { q, year, offset }, Kind::Date)
    }

    /// "two years ago", "a year earlier", "six weeks later", "year-earlier".
    pub(super) fn ago(&self, i: usize) -> Option<Found> {
        if self.w(i) == "year" && self.w(i + 1) == "-" && matches!(self.w(i + 2), "earlier" | "ago")
        {
            if matches!(self.w(i + 3), "quarter" | "period") {
                return None;
            }
            return Self::found(i, i + 3, Expr::YearEarlier, Kind::Date);
        }
        let n = lexicon::number(self.w(i))? as i64;
        if self.t.get(i)?.is_digits() && n > 1000 {
            return None;
        }
        let (unit, _) = lexicon::unit(self.w(i + 1))?;
        // "four days before the breakthrough" counts from the breakthrough, not from today:
        // only the duration is known.
        if self.w(i + 2) == "before" && self.w(i + 3).starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let sign = match self.w(i + 2) {
            "ago" | "earlier" | "before" => -1,
            "later" | "hence" | "from" if self.w(i + 2) != "from" || self.w(i + 3) == "now" => 1,
            _ => return None,
        };
        let end = if self.w(i + 2) == "from" {
            i + 4
        } else {
            i + 3
        };
        if sign < 0 && n == 1 && unit == Unit::Year && matches!(self.w(i + 2), "earlier" | "ago") {
            return Self::found(i, end, Expr::YearEarlier, Kind::Date);
        }
        let narrative = matches!(self.w(i + 2), "later" | "earlier");
        let expr = Expr::Ago {
            n: sign * n,
            unit,
            narrative,
        };
        Self::found(i, end, expr, Kind::Date)
    }

    /// "this week", "last month", "next year", "the upcoming week", "last Friday", "this
    /// summer", "last December", "the past two months" (a duration).
    pub(super) fn shifted(&self, i: usize) -> Option<Found> {
        let (first, j) = if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let shift = match self.w(j) {
            "this" | "current" => Shift::This,
            "last" | "past" | "previous" | "preceding" => Shift::Last,
            "next" | "coming" | "upcoming" | "following" => Shift::Next,
            _ => return None,
        };
        let k = j + 1;
        // "the past two months", "the next few years": durations.
        if first < j || matches!(self.w(j), "past" | "last" | "next") {
            let amount = self.w(k);
            if let Some(n) = lexicon::number(amount).filter(|_| amount != "a" && amount != "an")
                && let Some((unit, _)) = lexicon::unit(self.w(k + 1))
            {
                return Self::found(
                    first,
                    k + 2,
                    Expr::Fixed(duration(Some(n as i64), unit)),
                    Kind::Duration,
                );
            }
            if lexicon::is_vague_amount(amount)
                && let Some((unit, true)) = lexicon::unit(self.w(k + 1))
            {
                return Self::found(
                    first,
                    k + 2,
                    Expr::Fixed(duration(None, unit)),
                    Kind::Duration,
                );
            }
        }
        if first < j && self.w(j) == "this" {
            return None;
        }
        let offset = match shift {
            Shift::Last => -1,
            Shift::Next => 1,
            _ => 0,
        };
        if let Some((unit, false)) = lexicon::unit(self.w(k)) {
            if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            if unit == Unit::Day {
                return None;
            }
            return Self::found(first, k + 1, Expr::Unit { unit, offset }, Kind::Date);
        }
        if self.w(k) == "weekend" {
            return Self::found(first, k + 1, Expr::Weekend { offset }, Kind::Date);
        }
        if first == j {
            if let Some(mut f) = self.weekday(k, shift) {
                f.first = first;
                return Some(f);
            }
            if let Some(season) = lexicon::season(self.w(k)) {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Season {
                        season,
                        shift,
                        year: None,
                    },
                    Kind::Date,
                );
            }
            if let Some(month) = lexicon::month(self.w(k)).filter(|_| self.is_capitalized(k)) {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Date {
                        year: None,
                        month,
                        day: None,
                        shift,
                    },
                    Kind::Date,
                );
            }
            if matches!(self.w(k), "morning" | "afternoon" | "evening") && shift == Shift::This {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Day {
                        offset: 0,
                        part: lexicon::part_of_day(self.w(k)),
                    },
                    Kind::Time,
                );
            }
            if self.w(k) == "night" && shift == Shift::Last {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Day {
                        offset: -1,
                        part: Some("NI"),
                    },
                    Kind::Time,
                );
            }
        }
        None
    }
}
