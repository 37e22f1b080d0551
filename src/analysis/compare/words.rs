//! Words of one sentence for the comparison: tokens with byte spans, number words, a crude
//! stem, and the families of words that name the same thing ("troops" and "soldiers", a
//! "call" and a "talk"), so that what one outlet counts can meet what another counts.
//!
//! Deliberately small and allocation-light: the comparison reads only the sentences that
//! hold a figure or belong to an event reported by several outlets.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Letters (with inner hyphens or apostrophes): `troops`, `Okafor’s`, `year-old`.
    Word,
    /// Starts with a digit: `6,000`, `2.4`, `55-minute`, `66`.
    Number,
    /// Any other single character: `$`, `%`, `(`, `,`, a quotation mark.
    Mark,
}

/// A token: byte span into the document text and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
}

/// Splits `text[start..end]` into tokens (offsets into `text`), appending to `out`.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < end {
                let b = bytes[j];
                let inner = matches!(b, b',' | b'.' | b'-')
                    && j + 1 < end
                    && bytes[j + 1].is_ascii_alphanumeric();
                if b.is_ascii_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end: j,
                shape: Shape::Number,
            });
            i = j;
        } else if c.is_alphabetic() {
            let mut j = i + len;
            while j < end {
                let d = text[j..].chars().next().unwrap_or(' ');
                let inner = matches!(d, '-' | '\'' | '’')
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || inner {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end: j,
                shape: Shape::Word,
            });
            i = j;
        } else {
            out.push(Token {
                start: i,
                end: i + len,
                shape: Shape::Mark,
            });
            i += len;
        }
    }
}

/// The value of a number word ("five", "a dozen" is left to the caller).
pub fn number_word(word: &str) -> Option<f64> {
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    // Lower case without allocating: every word of every sentence comes through here.
    let mut buf = [0u8; 9];
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let w = std::str::from_utf8(&buf[..word.len()]).ok()?;
    let n = match w {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "thousand" => 1000.0,
        _ => return None,
    };
    Some(n)
}

/// Multipliers written after a figure: "12 billion", "$8bn".
pub fn scale_word(word: &str) -> Option<f64> {
    const SCALES: &[(&str, f64)] = &[
        ("hundred", 1e2),
        ("thousand", 1e3),
        ("million", 1e6),
        ("mn", 1e6),
        ("mln", 1e6),
        ("billion", 1e9),
        ("bn", 1e9),
        ("trillion", 1e12),
        ("tn", 1e12),
    ];
    if word.len() > 8 {
        return None;
    }
    SCALES
        .iter()
        .find(|(w, _)| word.eq_ignore_ascii_case(w))
        .map(|&(_, scale)| scale)
}

/// Parses a written figure: `6,000`, `2.4`, `54.20`, `8bn`. `None` for labels such as
/// `512-300`, `C-130` or `1:1`.
pub fn parse_figure(s: &str) -> Option<(f64, f64)> {
    let (digits, scale) = match s.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => (&s[..i], scale_word(&s[i..])?),
        None => (s, 1.0),
    };
    if digits.is_empty() || digits.contains('-') {
        return None;
    }
    // Thousands separators must group by three.
    let mut parts = digits.split('.');
    let whole = parts.next()?;
    let frac = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = whole.split(',').collect();
    if groups.len() > 1 && groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    let clean: String = whole.chars().filter(|c| *c != ',').collect();
    let mut value: f64 = clean.parse().ok()?;
    // The step the figure is rounded to: its last written digit.
    let step = match frac {
        Some(f) if !f.is_empty() => {
            value += format!("0.{f}").parse::<f64>().ok()?;
            10f64.powi(-(f.len() as i32))
        }
        _ => {
            let zeros = clean.len() - clean.trim_end_matches('0').len();
            if clean.trim_end_matches('0').is_empty() {
                1.0
            } else {
                10f64.powi(zeros as i32)
            }
        }
    };
    Some((value * scale, step * scale))
}

/// Lower-case stem: possessive, plural and verb endings cut ("troops" → "troop",
/// "amassed" → "amass", "Okafor’s" → "okafor"). Crude but the same on both sides.
pub fn stem(word: &str) -> String {
    let mut w = word.to_lowercase();
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(s) = w.strip_suffix(suffix) {
            w = s.to_string();
            break;
        }
    }
    let irregular = match w.as_str() {
        "people" | "persons" => Some("person"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "children" => Some("child"),
        "feet" => Some("foot"),
        "spoke" | "spoken" => Some("speak"),
        "met" => Some("meet"),
        "held" => Some("hold"),
        "left" => Some("leave"),
        _ => None,
    };
    if let Some(s) = irregular {
        return s.to_string();
    }
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        w.truncate(n - 3);
        w.push('y');
    } else if n > 5 && w.ends_with("ing") {
        w.truncate(n - 3);
    } else if n > 4 && w.ends_with("ed") && !w.ends_with("eed") {
        w.truncate(n - 2);
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.truncate(n - 1);
    }
    w
}

/// Function words that never say what a figure is about.
pub fn is_stopword(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "as"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "after"
            | "before"
            | "than"
            | "that"
            | "this"
            | "these"
            | "those"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "when"
            | "where"
            | "while"
            | "it"
            | "its"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "him"
            | "them"
            | "us"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "so"
            | "if"
            | "then"
            | "also"
            | "more"
            | "most"
            | "less"
            | "least"
            | "some"
            | "all"
            | "any"
            | "each"
            | "both"
            | "other"
            | "such"
            | "said"
            | "says"
            | "say"
            | "told"
            | "according"
            | "up"
            | "out"
            | "off"
            | "down"
            | "near"
            | "around"
            | "along"
            | "across"
            | "throughout"
            | "beyond"
            | "toward"
            | "towards"
            | "between"
            | "through"
            | "during"
            | "since"
            | "until"
            | "against"
            | "per"
            | "just"
            | "only"
            | "almost"
            | "nearly"
            | "approximately"
            | "roughly"
            | "there"
            | "here"
            | "now"
            | "very"
            | "how"
            | "why"
            | "new"
    )
}

/// Families of words that name the same kind of thing, first word the family's name. A
/// figure's noun is replaced by its family, so "troops" meet "soldiers" and a "call" meets
/// a "talk". General English; nothing about any one story.
const FAMILIES: &[&[&str]] = &[
    &["troop", "soldier", "serviceman", "servicemember"],
    &["person", "individual"],
    &[
        "employee",
        "staff",
        "staffer",
        "worker",
        "workforce",
        "headcount",
    ],
    &["passenger", "traveler", "traveller"],
    &[
        "vessel",
        "craft",
        "submersible",
        "sub",
        "ship",
        "boat",
        "submarine",
    ],
    &[
        "plane", "aircraft", "jet", "airplane", "airliner", "jetliner",
    ],
    &[
        "call",
        "phone",
        "talk",
        "conversation",
        "chat",
        "contact",
        "discussion",
        "speak",
    ],
    &["negotiation", "talks", "dialogue", "round"],
    &["meeting", "summit", "meet", "session", "conference"],
    &["trial", "hearing", "testimony"],
    &["lawsuit", "suit", "complaint"],
    &[
        "deal",
        "agreement",
        "acquisition",
        "takeover",
        "merger",
        "buyout",
        "purchase",
        "offer",
        "bid",
    ],
    &[
        "dive",
        "voyage",
        "trip",
        "journey",
        "expedition",
        "descent",
        "flight",
        "mission",
    ],
    &[
        "accident",
        "incident",
        "crash",
        "blowout",
        "explosion",
        "implosion",
        "collision",
    ],
    &["fine", "penalty"],
    &["death", "dead", "fatality", "killed"],
    &["charge", "count"],
];

/// The family name of a stem, or the stem itself.
pub fn family(stem: &str) -> &str {
    FAMILIES
        .iter()
        .find(|f| f.contains(&stem))
        .map_or(stem, |f| f[0])
}

/// Families that name a happening (a call, talks, a trial, a dive): a definite reference to
/// one ("the 55-minute talk") points back at an event.
pub fn happening(stem: &str) -> Option<&'static str> {
    const HAPPENINGS: &[&str] = &[
        "call",
        "negotiation",
        "meeting",
        "trial",
        "lawsuit",
        "deal",
        "dive",
        "accident",
    ];
    let f = FAMILIES.iter().find(|f| f.contains(&stem))?;
    HAPPENINGS.contains(&f[0]).then_some(f[0])
}

/// Nouns of time, which a count never counts ("in recent weeks with estimates of 6,000").
pub fn is_time_noun(stem: &str) -> bool {
    matches!(
        stem,
        "second"
            | "minute"
            | "hour"
            | "day"
            | "week"
            | "month"
            | "year"
            | "decade"
            | "century"
            | "time"
            | "moment"
            | "weekend"
            | "morning"
            | "evening"
            | "night"
    )
}

/// Nouns that stand for a figure rather than what it counts ("estimates of", "a total of").
pub fn is_meta_noun(stem: &str) -> bool {
    matches!(
        stem,
        "estimate" | "number" | "total" | "figure" | "tally" | "sum" | "amount" | "level"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_keep_their_rounding_step() {
        assert_eq!(parse_figure("30,000"), Some((30_000.0, 10_000.0)));
        assert_eq!(parse_figure("2.4"), Some((2.4, 0.1)));
        assert_eq!(parse_figure("21"), Some((21.0, 1.0)));
        assert_eq!(parse_figure("8bn"), Some((8e9, 1e9)));
        assert_eq!(parse_figure("512-300"), None);
        assert_eq!(parse_figure("1,50"), None);
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("troops"), "troop");
        assert_eq!(stem("amassed"), stem("amassing"));
        assert_eq!(stem("Marchetti’s"), "marchetti");
        assert_eq!(family(&stem("soldiers")), "troop");
        assert_eq!(happening("talk"), Some("call"));
        assert_eq!(happening("talks"), Some("negotiation"));
    }

    #[test]
    fn tokens_keep_figures_whole() {
        let text = "about 300,000 sheep, $17.40 a share (4.2-meter)";
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        let words: Vec<&str> = out.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "about",
                "300,000",
                "sheep",
                ",",
                "$",
                "17.40",
                "a",
                "share",
                "(",
                "4.2-meter",
                ")"
            ]
        );
    }
}
