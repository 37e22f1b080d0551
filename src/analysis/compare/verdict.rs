//! Agree, differ or single: whether the values outlets give for one fact can all be true.
//!
//! A figure is read as a range of what its writer could have meant. An exact figure
//! stands for itself within half its last digit ("21" is 20.5–21.5, capped at 5 %); "about"
//! adds 5 % either side; "almost X" and "nearly X" reach 20 % below X. A bound reads the
//! way a writer chooses it: "more than 6,000" is said of 6,000 up to the next step of its
//! rounding (7,000, not included), since a writer who knew of 7,000 would say so; "fewer
//! than 5 %" likewise reaches one step down. Two values agree when either one's figure lies in
//! the other's range: "55-minute" lies in "almost an hour" (48–60 minutes), while neither of
//! "more than 6,000" and "about 8,000" holds the other's figure, so those differ.
//!
//! Dates differ when both name days and not the same days ("March 14-15" and "March 15");
//! a week or a month that holds the other's days does not contradict it. Names differ when
//! two outlets name no one in common; wordings when neither holds the other's words.

use crate::story::Verdict;

use super::numbers::{Amount, Qual};

/// Relative reach of "about".
const ABOUT: f64 = 0.05;
/// How far below its figure "almost" and "nearly" reach.
const ALMOST: f64 = 0.20;
/// Largest rounding slack of an exact figure, relative.
const EXACT_CAP: f64 = 0.05;
/// Smallest reach of a bound past its figure, relative ("more than 35" reaches 38.5).
const BOUND_MIN: f64 = 0.10;

/// What the values of one fact come to.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub verdict: Verdict,
    /// Every value that contradicts another (indices into the values), in order.
    pub conflicting: Vec<usize>,
    /// How far apart (see [`crate::story::Comparison::difference`]).
    pub difference: f64,
    /// Every value says exactly the same (no tolerance needed).
    pub identical: bool,
}

impl Outcome {
    fn single() -> Self {
        Outcome {
            verdict: Verdict::Single,
            conflicting: Vec::new(),
            difference: 0.0,
            identical: true,
        }
    }
}

/// The range of values a figure can mean: `[low, high]`, `high` excluded for a lower bound.
pub fn reading(a: &Amount) -> (f64, f64, bool) {
    let lo = a.figure;
    let hi = a.upper.unwrap_or(a.figure);
    match a.qual {
        Qual::Exact => {
            let slack = (a.step / 2.0).min(EXACT_CAP * hi.abs());
            (lo - slack, hi + slack, true)
        }
        Qual::About => (lo * (1.0 - ABOUT), hi * (1.0 + ABOUT), true),
        Qual::Almost => (hi * (1.0 - ALMOST), hi, true),
        Qual::Above => (lo, lo + a.step.max(BOUND_MIN * lo.abs()), false),
        Qual::Below => (hi - a.step.max(BOUND_MIN * hi.abs()), hi, true),
    }
}

fn holds(a: &Amount, x: f64) -> bool {
    let (lo, hi, closed) = reading(a);
    let eps = 1e-9 * hi.abs().max(1.0);
    x >= lo - eps && (if closed { x <= hi + eps } else { x < hi - eps })
}

/// Whether two figures can both be true as their writers meant them.
pub fn compatible(a: &Amount, b: &Amount) -> bool {
    let points = |x: &Amount| [Some(x.figure), x.upper];
    let all_in = |x: &Amount, y: &Amount| points(x).iter().flatten().all(|&p| holds(y, p));
    all_in(a, b) || all_in(b, a)
}

/// The verdict on figures from several documents: `(document, amount)`.
pub fn amounts(values: &[(usize, Amount)]) -> Outcome {
    pairwise(
        values,
        compatible,
        |a, b| {
            let (x, y) = (a.figure, b.figure);
            (x - y).abs() / x.abs().max(y.abs()).max(f64::MIN_POSITIVE)
        },
        |a, b| a == b,
    )
}

/// Ages stated on different days: an age may grow by the years between the two articles,
/// and by one more for a birthday in between. `(document, years, day of publication)`.
pub fn ages(values: &[(usize, f64, Option<i32>)]) -> Outcome {
    let values: Vec<(usize, (f64, Option<i32>))> =
        values.iter().map(|&(d, a, p)| (d, (a, p))).collect();
    pairwise(
        &values,
        |&(a, da), &(b, db)| {
            let (Some(da), Some(db)) = (da, db) else {
                return a == b;
            };
            let (early, late, gap) = if da <= db {
                (a, b, db - da)
            } else {
                (b, a, da - db)
            };
            let years = (gap as f64 / 365.25).floor();
            let grown = late - early;
            grown >= years && grown <= years + 1.0
        },
        |&(a, _): &(f64, Option<i32>), &(b, _): &(f64, Option<i32>)| {
            (a - b).abs() / a.max(b).max(1.0)
        },
        |a, b| a.0 == b.0,
    )
}

/// Days `(first, last, names days)` each document gives for an event.
pub fn days(values: &[(usize, (i32, i32, bool))]) -> Outcome {
    pairwise(
        values,
        |&(a1, a2, ad), &(b1, b2, bd)| {
            let overlap = a1 <= b2 && b1 <= a2;
            overlap && !(ad && bd && (a1, a2) != (b1, b2))
        },
        |&(a1, a2, _), &(b1, b2, _)| {
            let d = ((a1 - b1).abs().max((a2 - b2).abs())) as f64;
            d / (d + 7.0)
        },
        |a, b| a == b,
    )
}

/// Names each document gives (places, who asked): they differ when two share none.
pub fn names(values: &[(usize, Vec<String>)]) -> Outcome {
    pairwise(
        values,
        |a, b| a.iter().any(|x| b.contains(x)),
        |a, b| 1.0 - jaccard(a, b),
        |a, b| a == b,
    )
}

/// Who took part, as each document names them. Naming other people is no contradiction —
/// an outlet names whom its story needs — so this never differs: it agrees when the
/// documents name the same people or some name fewer, and says so when they name others.
pub fn participants(values: &[(usize, Vec<String>)]) -> Outcome {
    // Only whether all agree and the largest gap count here (never which values conflict):
    // the comparing stops once the gap is whole.
    let mut out = pairwise_until(
        values,
        |a, b| a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x)),
        |a, b| 1.0 - jaccard(a, b),
        |a, b| a == b,
        Some(1.0),
    );
    out.verdict = match out.verdict {
        Verdict::Single => Verdict::Single,
        _ => Verdict::Agree,
    };
    out
}

/// Sets agree when one holds the other.
fn nested(values: &[(usize, Vec<String>)]) -> Outcome {
    pairwise(
        values,
        |a, b| a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x)),
        |a, b| 1.0 - jaccard(a, b),
        |a, b| a == b,
    )
}

/// Wordings (stemmed words): the same characterisation when one holds the other's words.
pub fn wordings(values: &[(usize, Vec<String>)]) -> Outcome {
    nested(values)
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let common = a.iter().filter(|x| b.contains(x)).count() as f64;
    let all = (a.len() + b.len()) as f64 - common;
    if all == 0.0 { 1.0 } else { common / all }
}

/// Compares every two values of different documents. Values that say exactly the same are
/// compared once, as a class: a fact that fifty outlets state in three wordings is three
/// classes, not 1,225 pairs.
fn pairwise<T>(
    values: &[(usize, T)],
    agree: impl Fn(&T, &T) -> bool,
    gap: impl Fn(&T, &T) -> f64,
    same: impl Fn(&T, &T) -> bool,
) -> Outcome {
    pairwise_until(values, agree, gap, same, None)
}

/// [`pairwise`], stopping at the first gap of `enough` when given (the conflicting values
/// are then not all listed).
fn pairwise_until<T>(
    values: &[(usize, T)],
    agree: impl Fn(&T, &T) -> bool,
    gap: impl Fn(&T, &T) -> f64,
    same: impl Fn(&T, &T) -> bool,
    enough: Option<f64>,
) -> Outcome {
    let mut docs: Vec<usize> = values.iter().map(|v| v.0).collect();
    docs.sort_unstable();
    docs.dedup();
    if docs.len() < 2 {
        return Outcome::single();
    }
    // Classes of identical values: (members, their documents).
    let mut classes: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for (i, (d, v)) in values.iter().enumerate() {
        match classes.iter_mut().find(|c| same(&values[c.0[0]].1, v)) {
            Some(c) => {
                c.0.push(i);
                if !c.1.contains(d) {
                    c.1.push(*d);
                }
            }
            None => classes.push((vec![i], vec![*d])),
        }
    }
    let mut out = Outcome {
        verdict: Verdict::Agree,
        conflicting: Vec::new(),
        difference: 0.0,
        identical: true,
    };
    'pairs: for (x, (members_a, docs_a)) in classes.iter().enumerate() {
        for (members_b, docs_b) in &classes[x + 1..] {
            // Only values of different documents are compared.
            if docs_a.len() == 1 && docs_b.len() == 1 && docs_a[0] == docs_b[0] {
                continue;
            }
            out.identical = false;
            let (a, b) = (&values[members_a[0]].1, &values[members_b[0]].1);
            if !agree(a, b) {
                out.verdict = Verdict::Differ;
                out.difference = out.difference.max(gap(a, b));
                out.conflicting.extend(members_a.iter().chain(members_b));
                if enough.is_some_and(|e| out.difference >= e) {
                    break 'pairs;
                }
            }
        }
    }
    out.conflicting.sort_unstable();
    out.conflicting.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(figure: f64, step: f64, qual: Qual) -> Amount {
        Amount {
            figure,
            step,
            upper: None,
            qual,
        }
    }

    #[test]
    fn almost_an_hour_holds_fifty_minutes() {
        let fifty = amount(50.0, 10.0, Qual::Exact);
        let almost_hour = amount(60.0, 60.0, Qual::Almost);
        assert!(compatible(&fifty, &almost_hour));
        let out = amounts(&[(0, fifty), (1, almost_hour)]);
        assert_eq!(out.verdict, Verdict::Agree);
        assert!(!out.identical);
    }

    #[test]
    fn a_lower_bound_is_not_the_next_round_figure() {
        let more = amount(90_000.0, 10_000.0, Qual::Above);
        let about = amount(100_000.0, 100_000.0, Qual::About);
        let out = amounts(&[(0, more), (1, about)]);
        assert_eq!(out.verdict, Verdict::Differ);
        assert!((out.difference - 0.1).abs() < 1e-9);
        // "over 7,000" does hold "roughly 7,500".
        let over = amount(7_000.0, 1_000.0, Qual::Above);
        let roughly = amount(7_500.0, 100.0, Qual::About);
        assert_eq!(amounts(&[(0, over), (1, roughly)]).verdict, Verdict::Agree);
    }

    #[test]
    fn exact_figures_one_apart_differ() {
        let a = amount(21.0, 1.0, Qual::Exact);
        let b = amount(22.0, 1.0, Qual::Exact);
        assert_eq!(amounts(&[(0, a), (1, b)]).verdict, Verdict::Differ);
        assert_eq!(amounts(&[(0, a), (0, b)]).verdict, Verdict::Single);
    }

    #[test]
    fn a_range_of_days_is_not_its_last_day() {
        let range = (10, 11, true);
        let day = (11, 11, true);
        let week = (7, 13, false);
        assert_eq!(days(&[(0, range), (1, day)]).verdict, Verdict::Differ);
        assert_eq!(
            days(&[(0, week), (1, day), (2, week)]).verdict,
            Verdict::Agree
        );
    }

    #[test]
    fn ages_grow_between_articles() {
        // 45 in August, 46 in September (a birthday between), 47 eighteen months later.
        let out = ages(&[
            (0, 45.0, Some(0)),
            (1, 46.0, Some(21)),
            (2, 47.0, Some(550)),
        ]);
        assert_eq!(out.verdict, Verdict::Agree);
        let out = ages(&[(0, 45.0, Some(0)), (1, 47.0, Some(21))]);
        assert_eq!(out.verdict, Verdict::Differ);
    }
}
