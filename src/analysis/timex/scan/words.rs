//! Dates in words: "earlier this month", "the end of next year", "the 1990s".

use super::*;

impl Scanner<'_> {
    /// Whether the word at `i` is capitalized and follows an acronym with only a space
    /// between: a word of a name, not of the calendar. (Title-case headlines capitalize every
    /// word, so a capitalized word before it says nothing.)
    fn in_a_name(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).map(|p| &self.t[p]) else {
            return false;
        };
        let tok = &self.t[i];
        let acronym = &self.text[prev.start..prev.end];
        let word = &self.text[tok.start..tok.end];
        // In text written all in capitals ("MAYOR SIGNS BUDGET TODAY") nothing is an acronym.
        word.starts_with(|c: char| c.is_uppercase())
            && word.chars().any(char::is_lowercase)
            && acronym.len() >= 2
            && acronym.bytes().all(|b| b.is_ascii_uppercase())
            && &self.text[prev.end..tok.start] == " "
    }

    /// Single words and fixed phrases: today, yesterday, now, recently, the past, the future,
    /// year-end, the weekend, holidays, seasons with a year, decades.
    pub(super) fn words(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let fixed =
            |end: usize, v: &str| Self::found(i, end, Expr::Fixed(v.to_string()), Kind::Date);
        match w {
            // "USA Today", "NBC Today": after an acronym, the word is part of a name.
            "today" if self.in_a_name(i) => return None,
            "today" => {
                return Self::found(
                    i,
                    i + 1,
                    Expr::Day {
                        offset: 0,
                        part: None,
                    },
                    Kind::Date,
                );
            }
            "yesterday" | "tomorrow" => {
                let offset = if w == "yesterday" { -1 } else { 1 };
                if let Some(part) = lexicon::part_of_day(self.w(i + 1)) {
                    return Self::found(
                        i,
                        i + 2,
                        Expr::Day {
                            offset,
                            part: Some(part),
                        },
                        Kind::Time,
                    );
                }
                return Self::found(i, i + 1, Expr::Day { offset, part: None }, Kind::Date);
            }
            "tonight" => {
                return Self::found(
                    i,
                    i + 1,
                    Expr::Day {
                        offset: 0,
                        part: Some("NI"),
                    },
                    Kind::Time,
                );
            }
            // "Now, ..." opening a sentence is a discourse marker, not a time.
            "now" if self.is_capitalized(i) && self.w(i + 1) == "," => return None,
            "now" | "currently" | "nowadays" => return fixed(i + 1, "PRESENT_REF"),
            "recently" | "lately" => return fixed(i + 1, "PAST_REF"),
            // "recent weeks", "coming months": an unknown number of units, as TimeML counts them.
            "recent" | "coming" | "upcoming"
                if let Some((unit, true)) = lexicon::unit(self.w(i + 1)) =>
            {
                let f = Expr::Fixed(duration(None, unit));
                return Self::found(i, i + 2, f, Kind::Duration);
            }
            // "his current wife", "current market conditions": the present.
            "current"
                if !matches!(self.w(i + 1), "account" | "accounts" | "," | "." | "")
                    && lexicon::unit(self.w(i + 1)).is_none() =>
            {
                return fixed(i + 1, "PRESENT_REF");
            }
            "the"
                if matches!(
                    (self.w(i + 1), self.w(i + 2)),
                    ("near" | "foreseeable" | "immediate", "future") | ("near" | "short", "term")
                ) =>
            {
                return fixed(i + 3, "FUTURE_REF");
            }
            // "nineteen ninety-six": years read out on radio.
            "nineteen" => {
                let tens = lexicon::number(self.w(i + 1)).filter(|n| (10..100).contains(n))?;
                let (units, end) = match (self.w(i + 2), lexicon::number(self.w(i + 3))) {
                    ("-", Some(u)) if u < 10 && tens % 10 == 0 && tens >= 20 => (u, i + 4),
                    _ => (0, i + 2),
                };
                return Self::found(i, end, Expr::Year(1900 + (tens + units) as i32), Kind::Date);
            }
            "year" if self.w(i + 1) == "two" && self.w(i + 2) == "thousand" => {
                return Self::found(i, i + 3, Expr::Year(2000), Kind::Date);
            }
            // "year end", "year's end": the end of the reference year.
            "year"
                if self.w(i + 1) == "end"
                    || (self.w(i + 1) == "'" && self.w(i + 2) == "s" && self.w(i + 3) == "end") =>
            {
                let end = if self.w(i + 1) == "end" { i + 2 } else { i + 4 };
                let mut f = Self::found(
                    i,
                    end,
                    Expr::Unit {
                        unit: Unit::Year,
                        offset: 0,
                    },
                    Kind::Date,
                )?;
                f.modifier = Some("END");
                return Some(f);
            }
            "recent" if matches!(self.w(i + 1), "times" | "history") => {
                return fixed(i + 2, "PAST_REF");
            }
            "at" if self.w(i + 1) == "present" => return fixed(i + 2, "PRESENT_REF"),
            "the"
                if self.w(i + 1) == "past"
                    && lexicon::unit(self.w(i + 2)).is_none()
                    && lexicon::number(self.w(i + 2)).is_none() =>
            {
                return fixed(i + 2, "PAST_REF");
            }
            "the" | "in" if self.w(i + 1) == "future" => return fixed(i + 2, "FUTURE_REF"),
            // "for the year ended June 30" is a year's length; "for the year", "earlier in the
            // year", "the full year" the reference year.
            "the" if matches!(self.w(i + 1), "year" | "full" | "fiscal") => {
                let end = if self.w(i + 1) == "year" {
                    i + 2
                } else {
                    i + 3
                };
                if self.w(end - 1) != "year" {
                    return None;
                }
                if matches!(self.w(end), "ended" | "ending" | "through") {
                    let f = Expr::Fixed("P1Y".to_string());
                    return Self::found(i, end, f, Kind::Duration);
                }
                let before = if i > 0 { self.w(i - 1) } else { "" };
                if matches!(before, "of" | "in" | "for" | "during" | "throughout")
                    && !matches!(self.w(end), "-" | "before" | "earlier" | "after" | "later")
                {
                    let f = Expr::Unit {
                        unit: Unit::Year,
                        offset: 0,
                    };
                    return Self::found(i, end, f, Kind::Date);
                }
            }
            // "the summer", "over the winter": the season of the reference year, looking back.
            "the"
                if matches!(self.w(i + 1), "summer" | "winter" | "spring")
                    && self.year_number(i + 2).is_none()
                    && self.w(i + 2) != "of" =>
            {
                let season = lexicon::season(self.w(i + 1))?;
                let f = Expr::Season {
                    season,
                    shift: Shift::Context,
                    year: None,
                };
                return Self::found(i, i + 2, f, Kind::Date);
            }
            "the" if self.w(i + 1) == "weekend" => {
                return Self::found(i, i + 2, Expr::Weekend { offset: 0 }, Kind::Date);
            }
            "year" if self.w(i + 1) == "-" && self.w(i + 2) == "end" => {
                let mut f = Self::found(
                    i,
                    i + 3,
                    Expr::Unit {
                        unit: Unit::Year,
                        offset: 0,
                    },
                    Kind::Date,
                )?;
                f.modifier = Some("END");
                return Some(f);
            }
            "christmas" => {
                let end = if matches!(self.w(i + 1), "day" | "eve") {
                    i + 2
                } else {
                    i + 1
                };
                let day = if self.w(i + 1) == "eve" { 24 } else { 25 };
                return Self::found(
                    i,
                    end,
                    Expr::Date {
                        year: None,
                        month: 12,
                        day: Some(day),
                        shift: Shift::Context,
                    },
                    Kind::Date,
                );
            }
            "new"
                if self.w(i + 1) == "year"
                    && self.w(i + 3) == "s"
                    && matches!(self.w(i + 4), "day" | "eve") =>
            {
                let (month, day) = if self.w(i + 4) == "day" {
                    (1, 1)
                } else {
                    (12, 31)
                };
                let expr = Expr::Date {
                    year: None,
                    month,
                    day: Some(day),
                    shift: Shift::Context,
                };
                return Self::found(i, i + 5, expr, Kind::Date);
            }
            "thanksgiving" if self.is_capitalized(i) => {
                let end = if self.w(i + 1) == "day" { i + 2 } else { i + 1 };
                return Self::found(i, end, Expr::Thanksgiving, Kind::Date);
            }
            _ => {}
        }
        let (first, j) = if w == "the" { (i, i + 1) } else { (i, i) };
        // Centuries: "the 20th century" is the 1900s, value "19".
        if let Some(n) = lexicon::ordinal(self.w(j)).filter(|n| (1..=21).contains(n))
            && matches!(self.w(j + 1), "century")
        {
            let f = Expr::Fixed(format!("{:02}", n - 1));
            return Self::found(first, j + 2, f, Kind::Date);
        }
        // Decades: "the 1990s", "the '90s", "1990s".
        let d = self.w(j);
        if let Some(digits) = d.strip_suffix('s') {
            if digits.len() == 4
                && digits.ends_with('0')
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                let y: i32 = digits.parse().ok()?;
                return Self::found(first, j + 1, Expr::Decade(y / 10), Kind::Date);
            }
            if let Some(two) = digits.strip_prefix(['\'', '’'])
                && two.len() == 2
                && two.ends_with('0')
            {
                let y: i32 = two.parse().ok()?;
                return Self::found(
                    first,
                    j + 1,
                    Expr::Decade(if y < 30 { 200 + y / 10 } else { 190 + y / 10 }),
                    Kind::Date,
                );
            }
        }
        // Seasons with a year: "summer 2019", "the fall of 1998".
        if let Some(season) = lexicon::season(d) {
            let k = if self.w(j + 1) == "of" { j + 2 } else { j + 1 };
            if let Some(y) = self.year_number(k) {
                return Self::found(
                    first,
                    k + 1,
                    Expr::Season {
                        season,
                        shift: Shift::Context,
                        year: Some(y),
                    },
                    Kind::Date,
                );
            }
        }
        None
    }
}
