//! Words of time: months, weekdays, numbers, units, parts of day, seasons.

/// Month number (1–12) of a month name or abbreviation ("sept", "dec").
pub fn month(lower: &str) -> Option<u8> {
    Some(match lower {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month word is also an everyday word ("may", "march") and needs a day, a year or
/// a preposition to be read as a month.
pub fn month_is_ambiguous(lower: &str) -> bool {
    matches!(
        lower,
        "may" | "march" | "mar" | "jan" | "jun" | "sep" | "dec" | "aug" | "oct"
    )
}

/// Weekday, Monday = 1.
pub fn weekday(lower: &str) -> Option<u8> {
    Some(match lower {
        "monday" | "mon" => 1,
        "tuesday" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// Cardinal number words and digits ("two", "twenty-five" arrives as "twenty", "-", "five").
pub fn number(lower: &str) -> Option<u32> {
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        // "90,000": digits with thousands separators (allocating only when there are any).
        let n = if lower.contains(',') {
            lower.replace(',', "").parse::<u32>()
        } else {
            lower.parse::<u32>()
        };
        return n.ok();
    }
    Some(match lower {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinals as in "the third quarter", "the 15th".
pub fn ordinal(lower: &str) -> Option<u32> {
    // Most tokens are words: only a digit-led one can be "15th".
    let digits = if lower.starts_with(|c: char| c.is_ascii_digit()) {
        lower.trim_end_matches(|c: char| c.is_alphabetic())
    } else {
        lower
    };
    if digits.len() < lower.len()
        && matches!(&lower[digits.len()..], "st" | "nd" | "rd" | "th")
        && let Ok(n) = digits.parse()
    {
        return Some(n);
    }
    Some(match lower {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        _ => return None,
    })
}

/// Vague amounts that make a duration's number unknown ("several years" → `PXY`).
pub fn is_vague_amount(lower: &str) -> bool {
    matches!(
        lower,
        "several" | "few" | "many" | "some" | "numerous" | "couple"
    )
}

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration letter(s), and whether it belongs after `T`.
    pub fn code(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }
}

/// A unit word, singular or plural; `true` when plural.
pub fn unit(lower: &str) -> Option<(Unit, bool)> {
    let (base, plural) = match lower.strip_suffix('s') {
        Some(b) if b != "hour" || lower == "hours" => (b, true),
        _ => (lower, false),
    };
    let unit = match base {
        "second" | "sec" => Unit::Second,
        "minute" | "min" => Unit::Minute,
        "hour" | "hr" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" | "yr" => Unit::Year,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        _ => return None,
    };
    Some((unit, plural || lower == "centuries"))
}

/// TIMEX3 part-of-day codes.
pub fn part_of_day(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// TIMEX3 season codes.
pub fn season(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}
