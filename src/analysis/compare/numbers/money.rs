//! Money: currency signs, codes and words before or after a figure, and what the sum is of.

use super::*;

/// Currency written as a sign or code before token `i` ("$", "US$", "USD", "€").
pub(super) fn currency_before(s: &Sentence, i: usize) -> Option<(&'static str, usize)> {
    if i == 0 {
        return None;
    }
    let prev = s.word(i - 1);
    let start = s.tokens[i - 1].start;
    let sign = match prev {
        "$" => {
            // "US$", "A$", "C$": the letters glued before the sign.
            if i >= 2 && s.tokens[i - 2].end == start {
                return match s.word(i - 2) {
                    "US" => Some(("USD", s.tokens[i - 2].start)),
                    "A" | "AU" => Some(("AUD", s.tokens[i - 2].start)),
                    "C" | "CA" => Some(("CAD", s.tokens[i - 2].start)),
                    "NZ" => Some(("NZD", s.tokens[i - 2].start)),
                    "HK" => Some(("HKD", s.tokens[i - 2].start)),
                    _ => Some(("USD", start)),
                };
            }
            "USD"
        }
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "USD" | "EUR" | "GBP" | "AUD" | "CAD" | "CHF" | "JPY" | "CNY" | "INR" | "RUB" => match prev
        {
            "USD" => "USD",
            "EUR" => "EUR",
            "GBP" => "GBP",
            "AUD" => "AUD",
            "CAD" => "CAD",
            "CHF" => "CHF",
            "JPY" => "JPY",
            "CNY" => "CNY",
            "INR" => "INR",
            _ => "RUB",
        },
        "US" if i >= 2 && s.word(i - 2) == "$" => return Some(("USD", s.tokens[i - 2].start)),
        _ => return None,
    };
    Some((sign, start))
}

/// A currency sign at token `i` followed by a figure: "$12 billion", "$US12 billion".
pub(super) fn currency_at(s: &Sentence, i: usize, out: &mut Vec<Figure>) -> usize {
    let mut j = i + 1;
    // "$US12": the code between sign and figure.
    if j < s.tokens.len() && s.word(j) == "US" {
        j += 1;
    }
    if j >= s.tokens.len() || s.tokens[j].shape != Shape::Number {
        return 1;
    }
    let Some((currency, cstart)) = currency_before(s, j) else {
        return 1;
    };
    let Some((value, step, used)) = figure_at(s, j) else {
        return j - i + 1;
    };
    // A conversion in brackets restates the figure before it: "€10,000 ($10,445)".
    if i > 0 && s.word(i - 1) == "(" {
        return j - i + used;
    }
    let (qual, qstart) = qualifier_before(s, i.min(cstart_token(s, cstart)));
    let amount = Amount {
        figure: value,
        step,
        upper: None,
        qual,
    };
    let start = if qual == Qual::Exact { cstart } else { qstart };
    money(s, j, start, j + used - 1, amount, currency, out);
    j - i + used
}

pub(super) fn cstart_token(s: &Sentence, start: usize) -> usize {
    s.tokens.iter().position(|t| t.start == start).unwrap_or(0)
}

pub(super) fn currency_word(unit: &str) -> Option<&'static str> {
    match unit {
        "dollars" | "dollar" => Some("USD"),
        "euros" | "euro" => Some("EUR"),
        "pounds" | "sterling" => Some("GBP"),
        "yen" => Some("JPY"),
        "yuan" => Some("CNY"),
        "rubles" | "roubles" => Some("RUB"),
        _ => None,
    }
}

pub(super) fn money(
    s: &Sentence,
    i: usize,
    start: usize,
    last: usize,
    amount: Amount,
    currency: &'static str,
    out: &mut Vec<Figure>,
) {
    // "… per share": a price, not a sum.
    let after = last + 1;
    let (key, about) = if s.lower_is(after, &["per", "a"]) && s.lower_is(after + 1, &["share"]) {
        ("share price".to_string(), "price per share".to_string())
    } else {
        let head = noun_after(s, after).or_else(|| word_before(s, cstart_token(s, start)));
        let about = head.clone().unwrap_or_default();
        (family(&stem(&about)).to_string(), about)
    };
    let _ = i;
    out.push(Figure {
        dim: Dim::Money,
        amount,
        start,
        end: s.tokens[last].end,
        about,
        key,
        unit: currency,
        value: format!("{} {currency}", fmt(amount.figure)),
        of_happening: false,
        constant: false,
        person: None,
    });
}
