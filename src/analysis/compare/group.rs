//! Which figures, from different outlets, state the same fact.
//!
//! Figures are only ever compared with figures of the same kind, unit and subject (the
//! family of what they count or measure: "troop", "into dive"). Within that, two figures
//! state the same fact when they belong to the same event, or when their sentences say much
//! the same thing — the weighted share of their words in common, words that most figure
//! sentences of the story use weighing little — at about the same time: counts, sums and
//! shares change as a story goes on, so figures more than a week apart are not set against
//! each other, while what something *is* (a vessel's length, an age) is.

use rayon::prelude::*;

use super::numbers::Figure;

/// How much of the lighter sentence's word weight two sentences must share when what they
/// state can change.
const SIMILAR: f32 = 0.3;
/// Days apart beyond which changing figures are not compared.
const WINDOW: i32 = 7;
/// Beyond this many figures on one subject, only figures near in time are compared, so a
/// large corpus never compares all pairs.
const ALL_PAIRS: usize = 200;

/// A figure with where it stands.
#[derive(Debug, Clone)]
pub struct Placed {
    pub doc: usize,
    pub sentence: (usize, usize),
    pub event: Option<usize>,
    pub figure: Figure,
    /// Interned content words of its sentence, sorted, without repeats.
    pub context: Vec<u32>,
    /// Days the figure is about: its event's, a date in its sentence, else its article's.
    pub time: Option<(i32, i32)>,
}

/// Groups of indices into `facts` that state one fact, each with two or more documents or
/// holding an event's own figure. `weight` gives each interned word's weight.
pub fn group(facts: &[Placed], weight: &[f32]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..facts.len()).collect();
    fn subject(f: &Placed) -> (super::numbers::Dim, &str, &str) {
        (f.figure.dim, f.figure.unit, f.figure.key.as_str())
    }
    order.sort_by(|&a, &b| {
        subject(&facts[a])
            .cmp(&subject(&facts[b]))
            .then(start(&facts[a]).cmp(&start(&facts[b])))
            .then(a.cmp(&b))
    });
    // Subjects are grouped independently: in parallel, kept in order.
    let parts: Vec<&[usize]> = order
        .chunk_by(|&a, &b| subject(&facts[a]) == subject(&facts[b]))
        .collect();
    parts
        .into_par_iter()
        .flat_map_iter(|part| group_subject(facts, weight, part))
        .collect()
}

/// The groups of one subject's figures (`part`, indices into `facts` sorted by time).
fn group_subject(facts: &[Placed], weight: &[f32], part: &[usize]) -> Vec<Vec<usize>> {
    // Union-find over positions in `part`.
    let mut parent: Vec<usize> = (0..part.len()).collect();
    let all = part.len() <= ALL_PAIRS;
    for (x, &i) in part.iter().enumerate() {
        for (y, &j) in part.iter().enumerate().skip(x + 1) {
            if !all && start(&facts[j]) > end(&facts[i]).saturating_add(WINDOW) {
                break;
            }
            // One document's statements join only through their event (it may say
            // twice how long its call lasted), or through other documents.
            let joins = if facts[i].doc == facts[j].doc {
                facts[i].event.is_some() && facts[i].event == facts[j].event
            } else {
                same_fact(&facts[i], &facts[j], weight)
            };
            if joins {
                union(&mut parent, x, y);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for (x, &i) in part.iter().enumerate() {
        let root = find(&mut parent, x);
        match groups.iter_mut().find(|g| g.0 == root) {
            Some(g) => g.1.push(i),
            None => groups.push((root, vec![i])),
        }
    }
    groups.into_iter().map(|g| g.1).collect()
}

fn start(f: &Placed) -> i32 {
    f.time.map_or(i32::MIN, |t| t.0)
}

fn end(f: &Placed) -> i32 {
    f.time.map_or(i32::MAX, |t| t.1)
}

/// Whether two figures on one subject, from two documents, state the same fact.
fn same_fact(a: &Placed, b: &Placed, weight: &[f32]) -> bool {
    if a.event.is_some() && a.event == b.event {
        return true;
    }
    if a.figure.person.is_some() {
        return a.figure.person == b.figure.person;
    }
    let constant = a.figure.constant && b.figure.constant;
    // What something is (a vessel's length) is stated in all kinds of sentences: any
    // word in common will do.
    if constant {
        return similarity(&a.context, &b.context, weight) > 0.0;
    }
    if !constant
        && let (Some(x), Some(y)) = (a.time, b.time)
        && (y.0 > x.1.saturating_add(WINDOW) || x.0 > y.1.saturating_add(WINDOW))
    {
        return false;
    }
    similarity(&a.context, &b.context, weight) >= SIMILAR
}

/// The weight of the words two sentences share over the weight of the lighter sentence.
pub fn similarity(a: &[u32], b: &[u32], weight: &[f32]) -> f32 {
    let total = |xs: &[u32]| xs.iter().map(|&w| weight[w as usize]).sum::<f32>();
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += weight[a[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    let lighter = total(a).min(total(b));
    if lighter <= 0.0 {
        0.0
    } else {
        shared / lighter
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
