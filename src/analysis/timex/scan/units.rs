//! Durations, sets, clock times and bare years.

use super::*;

impl Scanner<'_> {
    /// "50-minute", "two days", "several years", "almost an hour", "for weeks".
    pub(super) fn duration(&self, i: usize) -> Option<Found> {
        let (first, j) = if matches!(self.w(i), "the")
            && matches!(self.w(i + 1), "first" | "last" | "past" | "next")
        {
            (i, i + 2)
        } else if self.w(i) == "the" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let w = self.w(j);
        let mut n = None;
        let mut k = j;
        let mut half = false;
        if w == "couple" || (matches!(w, "a" | "an") && self.w(j + 1) == "couple") {
            // "a couple of years": two.
            k = if w == "couple" { j + 1 } else { j + 2 };
            if self.w(k) == "of" {
                k += 1;
            }
            n = Some(2);
        } else if lexicon::is_vague_amount(w) {
            k += 1;
            if self.w(k) == "of" {
                k += 1;
            }
        } else if let Some(v) = lexicon::number(w) {
            if self.t.get(j)?.is_digits() && v >= 1000 {
                return None;
            }
            let mut v = v as i64;
            k += 1;
            // "twenty-five"
            if self.w(k) == "-"
                && let Some(u) = lexicon::number(self.w(k + 1)).filter(|u| *u < 10)
                && v >= 20
            {
                v += u as i64;
                k += 2;
            }
            // "2 1/2 years"
            if self.w(k) == "1/2" {
                half = true;
                k += 1;
            }
            // "two more weeks", "20 additional years"
            if matches!(self.w(k), "more" | "additional" | "further" | "straight") {
                k += 1;
            }
            if matches!(w, "a" | "an") && first < j {
                return None;
            }
            n = Some(v);
        } else if first == j {
            // Bare plurals only after "for"/"over": "for weeks".
            if let Some((unit, true)) = lexicon::unit(w)
                && j > 0
                && matches!(self.w(j - 1), "for" | "over")
                && !matches!(unit, Unit::Quarter)
            {
                return Self::found(j, j + 1, Expr::Fixed(duration(None, unit)), Kind::Duration);
            }
            return None;
        } else {
            return None;
        }
        if self.w(k) == "-" {
            k += 1;
        }
        let (unit, plural) = lexicon::unit(self.w(k))?;
        if unit == Unit::Quarter && (n.is_none() || self.touching(k - 1)) {
            // "three-quarters" is a fraction.
            return None;
        }
        // "a 6-year-old", "a year-earlier figure", "52 years old": ages and dates, not
        // durations.
        if self.w(k + 1) == "old"
            || self.w(k + 1) == "-"
                && matches!(self.w(k + 2), "old" | "earlier" | "ago" | "end" | "")
        {
            return None;
        }
        if matches!(w, "a" | "an") && plural {
            return None;
        }
        // "a year ago" and the like are dates (handled before); "$5 a year" is a rate.
        if matches!(w, "a" | "an")
            && j > 0
            && self.t[j - 1].lower.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        let value = match (half, n) {
            (true, Some(n)) => half_duration(n, unit),
            _ => None,
        }
        .unwrap_or_else(|| duration(n, unit));
        Self::found(first, k + 1, Expr::Fixed(value), Kind::Duration)
    }

    /// "daily", "every week", "each year", "every Monday".
    pub(super) fn set(&self, i: usize) -> Option<Found> {
        let fixed =
            |end: usize, v: &str| Self::found(i, end, Expr::Fixed(v.to_string()), Kind::Set);
        match self.w(i) {
            "daily" => fixed(i + 1, "P1D"),
            "weekly" => fixed(i + 1, "P1W"),
            "monthly" => fixed(i + 1, "P1M"),
            // "annually" mostly qualifies a growth rate ("rise 8.5% annually"): not a time.
            "yearly" => fixed(i + 1, "P1Y"),
            "every" | "each" => {
                if let Some((unit, false)) = lexicon::unit(self.w(i + 1)) {
                    return fixed(i + 2, &duration(Some(1), unit));
                }
                if let Some(d) = lexicon::weekday(self.w(i + 1)) {
                    return fixed(i + 2, &format!("XXXX-WXX-{d}"));
                }
                None
            }
            _ => None,
        }
    }

    /// "10:30 a.m.", "3 p.m.", "noon", "midnight".
    pub(super) fn clock(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if matches!(w, "noon" | "midnight")
            && i > 0
            && matches!(self.w(i - 1), "at" | "by" | "until" | "before" | "after")
        {
            let hour = if w == "noon" { 12 } else { 0 };
            // "noon Thursday": the clock on that day.
            if let Some(day) =
                lexicon::weekday(self.w(i + 1)).filter(|_| self.is_capitalized(i + 1))
            {
                let expr = Expr::ClockOn {
                    hour,
                    minute: 0,
                    day,
                };
                return Self::found(i, i + 2, expr, Kind::Time);
            }
            return Self::found(
                i,
                i + 1,
                Expr::Clock {
                    hour,
                    minute: 0,
                    day: 0,
                },
                Kind::Time,
            );
        }
        let (hour, minute): (u8, u8) = match w.split_once(':') {
            Some((h, m)) => (h.parse().ok()?, m.get(..2)?.parse().ok()?),
            None if self.t.get(i)?.is_digits() => (w.parse().ok()?, 0),
            None => return None,
        };
        // "a.m." / "p.m." / "am" / "pm"
        let (pm, end) = match (self.w(i + 1), self.w(i + 2), self.w(i + 3)) {
            ("a" | "p", ".", "m") => (self.w(i + 1) == "p", self.skip_dot(i + 4)),
            ("am" | "pm", ..) => (self.w(i + 1) == "pm", i + 2),
            _ if w.contains(':')
                && hour < 24
                && minute < 60
                && matches!(
                    if i > 0 { self.w(i - 1) } else { "" },
                    "at" | "by" | "until"
                ) =>
            {
                (false, i + 1)
            }
            _ => return None,
        };
        if hour > 12 && end > i + 1 || hour > 23 || minute > 59 {
            return None;
        }
        let hour = if pm && hour < 12 {
            hour + 12
        } else if !pm && hour == 12 && end > i + 1 {
            0
        } else {
            hour
        };
        // "10 p.m. EDT Wednesday": the clock on that day.
        let mut k = end;
        if matches!(
            self.w(k),
            "edt" | "est" | "cdt" | "cst" | "pdt" | "pst" | "gmt" | "utc" | "bst" | "cet"
        ) {
            k += 1;
        }
        if let Some(day) = lexicon::weekday(self.w(k)).filter(|_| self.is_capitalized(k)) {
            return Self::found(i, k + 1, Expr::ClockOn { hour, minute, day }, Kind::Time);
        }
        Self::found(
            i,
            end,
            Expr::Clock {
                hour,
                minute,
                day: 0,
            },
            Kind::Time,
        )
    }

    /// A year on its own: "in 2014", "2014 invasion", "fiscal 1989".
    pub(super) fn year(&self, i: usize) -> Option<Found> {
        let (first, j) = if self.w(i) == "fiscal" {
            (i, i + 1)
        } else {
            (i, i)
        };
        let y = self.year_number(j)?;
        let mut before = if first > 0 { self.w(first - 1) } else { "" };
        // "mid-1996", "post-1959"
        if before == "-"
            && first > 1
            && matches!(self.w(first - 2), "mid" | "early" | "late" | "post" | "pre")
        {
            before = "";
        }
        let after = self.w(j + 1);
        // Not money, a count or part of a number.
        if matches!(before, "$" | "£" | "€" | "#" | "no" | "number" | "-")
            || matches!(after, "%" | "percent" | "people" | "troops" | "-" | "/")
        {
            return None;
        }
        if !(1900..=2100).contains(&y)
            && !matches!(before, "in" | "since" | "of" | "by" | "until" | "from")
        {
            return None;
        }
        Self::found(first, j + 1, Expr::Year(y), Kind::Date)
    }
}
