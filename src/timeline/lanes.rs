//! The timeline's rows: one lane for each person (or outlet) who carries the story, the rest
//! folded into one "Others" lane that the user can unfold. People linked to each other sit on
//! neighbouring lanes, so a meeting's markers are close and its connector short.

use super::facts::{Facts, short_outlet};
use crate::story::{EntityKind, Story};

/// What the lanes stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum LaneMode {
    /// One lane per person; an event sits on the lane of each participant.
    #[default]
    Person,
    /// One lane per outlet; an event sits on the lane of each outlet that reports it.
    Outlet,
}

/// Whose lane it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LaneKey {
    /// An entity index (a person).
    Entity(usize),
    /// An index into [`Facts::outlet_names`].
    Outlet(usize),
    /// Events of nobody on a lane above (folded people or outlets, or no one named).
    Others,
    /// Events naming no person (or reported by no known outlet), when the others are unfolded.
    NoOne,
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    pub name: String,
    /// Event indices, in time order.
    pub events: Vec<usize>,
}

/// The lanes and how many people (or outlets) are folded into "Others".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lanes {
    pub lanes: Vec<Lane>,
    pub folded: usize,
}

/// How to build the lanes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LaneOptions {
    pub mode: LaneMode,
    /// Most lanes of their own (before "Others").
    pub max_lanes: usize,
    /// Show everyone on a lane of their own.
    pub unfold: bool,
}

/// A person needs this many events to carry a lane of their own.
const MIN_EVENTS: usize = 2;

/// Lanes for the `visible` events (in time order).
pub fn build(story: &Story, facts: &Facts, visible: &[usize], opts: &LaneOptions) -> Lanes {
    let keys = match opts.mode {
        LaneMode::Person => story.entities.len(),
        LaneMode::Outlet => facts.outlet_names.len(),
    };
    let mut by_key: Vec<Vec<usize>> = vec![Vec::new(); keys];
    let mut nobody = Vec::new();
    for &e in visible {
        let info = &facts.events[e];
        let mut any = false;
        match opts.mode {
            LaneMode::Person => {
                for &p in &info.participants {
                    if story.entities[p].kind == EntityKind::Person && by_key[p].last() != Some(&e)
                    {
                        by_key[p].push(e);
                        any = true;
                    }
                }
            }
            LaneMode::Outlet => {
                for &d in &info.docs {
                    let o = facts.outlet_id[d];
                    if by_key[o].last() != Some(&e) {
                        by_key[o].push(e);
                    }
                    any = true;
                }
            }
        }
        if !any {
            nobody.push(e);
        }
    }
    let name_of = |k: usize| match opts.mode {
        LaneMode::Person => story.entities[k].name.clone(),
        LaneMode::Outlet => short_outlet(&facts.outlet_names[k]).to_string(),
    };
    let mut ranked: Vec<usize> = (0..keys).filter(|&k| !by_key[k].is_empty()).collect();
    ranked.sort_by(|&a, &b| {
        by_key[b]
            .len()
            .cmp(&by_key[a].len())
            .then_with(|| name_of(a).cmp(&name_of(b)))
    });
    let max = opts.max_lanes.max(1);
    // Lanes of their own: those with a few events (the busiest `max`), at least two lanes.
    let mut main: Vec<usize> = if opts.unfold {
        ranked.clone()
    } else {
        let carriers: Vec<usize> = ranked
            .iter()
            .copied()
            .take(max)
            .filter(|&k| by_key[k].len() >= MIN_EVENTS)
            .collect();
        if carriers.len() >= 2 {
            carriers
        } else {
            ranked.iter().copied().take(max.min(4)).collect()
        }
    };
    // Folding a single lane into "Others" hides it for nothing.
    if ranked.len() == main.len() + 1 && main.len() <= max {
        main = ranked.clone();
    }
    if opts.mode == LaneMode::Person && !opts.unfold {
        main = linked_order(story, facts, &main, &by_key);
    }
    let key_of = |k: usize| match opts.mode {
        LaneMode::Person => LaneKey::Entity(k),
        LaneMode::Outlet => LaneKey::Outlet(k),
    };
    let mut on_main = vec![false; keys];
    for &k in &main {
        on_main[k] = true;
    }
    let folded = ranked.len() - main.len();
    let mut lanes: Vec<Lane> = main
        .iter()
        .map(|&k| Lane {
            key: key_of(k),
            name: name_of(k),
            events: std::mem::take(&mut by_key[k]),
        })
        .collect();
    if folded > 0 {
        // Events that no lane above shows: of folded people only, or of no one.
        let mut shown = vec![false; facts.events.len()];
        for lane in &lanes {
            for &e in &lane.events {
                shown[e] = true;
            }
        }
        let others: Vec<usize> = visible.iter().copied().filter(|&e| !shown[e]).collect();
        if !others.is_empty() {
            lanes.push(Lane {
                key: LaneKey::Others,
                name: format!("Others ({folded})"),
                events: others,
            });
        }
    } else if !nobody.is_empty() {
        lanes.push(Lane {
            key: LaneKey::NoOne,
            name: match opts.mode {
                LaneMode::Person => "no one named".into(),
                LaneMode::Outlet => "no outlet".into(),
            },
            events: nobody,
        });
    }
    Lanes { lanes, folded }
}

/// `main` reordered so that people who share events sit side by side: the busiest first, then
/// each time the one most tied to the last placed (the busiest remaining when none is).
fn linked_order(story: &Story, facts: &Facts, main: &[usize], by_key: &[Vec<usize>]) -> Vec<usize> {
    let n = main.len();
    if n <= 2 {
        return main.to_vec();
    }
    let mut slot = vec![usize::MAX; story.entities.len()];
    for (i, &k) in main.iter().enumerate() {
        slot[k] = i;
    }
    let mut tie = vec![0.0f64; n * n];
    let mut add = |a: usize, b: usize, w: f64| {
        if a != b && a < n && b < n {
            tie[a * n + b] += w;
            tie[b * n + a] += w;
        }
    };
    for &k in main {
        for &e in &by_key[k] {
            let here: Vec<usize> = facts.events[e]
                .participants
                .iter()
                .map(|&p| slot[p])
                .filter(|&s| s != usize::MAX)
                .collect();
            for (i, &a) in here.iter().enumerate() {
                for &b in &here[i + 1..] {
                    // Each shared event is seen from both lanes.
                    add(a, b, 0.5);
                }
            }
        }
    }
    for link in &story.links {
        if let (Some(&a), Some(&b)) = (
            facts.entity_by_id.get(&link.a),
            facts.entity_by_id.get(&link.b),
        ) && slot[a] != usize::MAX
            && slot[b] != usize::MAX
        {
            add(slot[a], slot[b], link.weight.min(5.0) * 0.2);
        }
    }
    let mut placed = vec![false; n];
    let mut order = vec![0];
    placed[0] = true;
    while order.len() < n {
        let last = *order.last().expect("not empty");
        let next = (0..n)
            .filter(|&i| !placed[i])
            .max_by(|&a, &b| {
                tie[last * n + a]
                    .total_cmp(&tie[last * n + b])
                    // Ties (and no tie at all): the busier one, which comes first in `main`.
                    .then(b.cmp(&a))
            })
            .expect("someone left");
        placed[next] = true;
        order.push(next);
    }
    order.into_iter().map(|i| main[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_lanes_carry_the_story_and_the_rest_are_folded() {
        let story = crate::analysis::analyze(crate::sample::corpus());
        let facts = Facts::new(&story);
        let visible = facts.order.clone();
        let opts = LaneOptions {
            mode: LaneMode::Person,
            max_lanes: 3,
            unfold: false,
        };
        let folded = build(&story, &facts, &visible, &opts);
        assert!(folded.lanes.len() <= 4);
        assert!(folded.folded > 0);
        // Every visible event is on some lane.
        for &e in &visible {
            assert!(folded.lanes.iter().any(|l| l.events.contains(&e)), "{e}");
        }
        let all = build(
            &story,
            &facts,
            &visible,
            &LaneOptions {
                unfold: true,
                ..opts
            },
        );
        assert_eq!(all.folded, 0);
        assert!(all.lanes.len() > folded.lanes.len());
        assert!(!all.lanes.iter().any(|l| l.key == LaneKey::Others));
    }
}
