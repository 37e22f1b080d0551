//! Lengths in metres: depths, distances and the size of things ("a 30-foot barge").

use super::*;

/// Metres per unit.
pub(super) fn length_unit(unit: &str) -> Option<f64> {
    Some(match unit {
        "foot" | "feet" | "ft" => 0.3048,
        "inch" | "inches" => 0.0254,
        "yard" | "yards" => 0.9144,
        "mile" | "miles" => 1609.344,
        "meter" | "meters" | "metre" | "metres" | "m" => 1.0,
        "kilometer" | "kilometers" | "kilometre" | "kilometres" | "km" => 1000.0,
        "centimeter" | "centimeters" | "centimetre" | "centimetres" | "cm" => 0.01,
        _ => return None,
    })
}

pub(super) fn length(
    s: &Sentence,
    start: usize,
    unit_tok: usize,
    amount: Amount,
    metres: f64,
    out: &mut Vec<Figure>,
) {
    // A conversion in brackets restates the figure before it: "30-foot (9.1-meter)".
    let first = cstart_token(s, start);
    if first > 0 && s.word(first - 1) == "(" {
        return;
    }
    let adjectival = s.word(unit_tok).contains('-');
    let mut next = unit_tok + 1;
    if next < s.tokens.len() && s.word(next) == "(" {
        // skip "(9.1-meter)"
        while next < s.tokens.len() && s.word(next) != ")" {
            next += 1;
        }
        next += 1;
    }
    let (key, about) = if adjectival {
        let noun = noun_after(s, next).unwrap_or_default();
        (family(&stem(&noun)).to_string(), noun)
    } else {
        let rel = if next < s.tokens.len() {
            s.word(next).to_ascii_lowercase()
        } else {
            String::new()
        };
        match rel.as_str() {
            "deep" | "below" | "beneath" | "underwater" | "down" | "under" => {
                ("depth".to_string(), "depth".to_string())
            }
            "long" | "tall" | "high" | "wide" => (rel.clone(), rel),
            "from" | "off" | "of" | "south" | "north" | "east" | "west" | "southeast"
            | "southwest" | "northeast" | "northwest" | "away" => {
                let mut k = next + 1;
                if s.lower_is(k, &["of", "from"]) {
                    k += 1;
                }
                while s.lower_is(k, &["the", "a", "an"]) {
                    k += 1;
                }
                let object = if k < s.tokens.len() && s.tokens[k].shape == Shape::Word {
                    stem(s.word(k))
                } else {
                    String::new()
                };
                (format!("{rel} {object}"), format!("{rel} {object}"))
            }
            _ => return,
        }
    };
    if key.is_empty() {
        return;
    }
    let scale = |x: f64| x * metres;
    out.push(Figure {
        dim: Dim::Length,
        amount: Amount {
            figure: scale(amount.figure),
            step: scale(amount.step),
            upper: amount.upper.map(scale),
            qual: amount.qual,
        },
        start,
        end: s.tokens[unit_tok].end,
        about,
        key,
        unit: "m",
        value: format!("{} m", fmt(scale(amount.figure))),
        of_happening: false,
        constant: adjectival,
        person: None,
    });
}
