//! Short "who did what" titles cut from a clause: dates, asides, roles before names and
//! attributions removed, people named by their surname, cut at a natural break.

use crate::analysis::lexicon;

use super::vocabulary::is_saying;
use super::words::{Word, lower, words};

#[path = "inserted.rs"]
mod inserted;
#[path = "shouted.rs"]
mod shouted;
use inserted::opens_fronted_phrase;
use shouted::shouted_lead;

/// Words that may stand before a person's name as part of a role ("US President",
/// "his French counterpart", "Harbour Board press secretary").
fn is_role_word(lower: &str) -> bool {
    matches!(
        lower,
        "president"
            | "vice"
            | "counterpart"
            | "secretary"
            | "minister"
            | "prime"
            | "deputy"
            | "foreign"
            | "state"
            | "press"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "adviser"
            | "advisor"
            | "security"
            | "national"
            | "chief"
            | "leader"
            | "senator"
            | "sen."
            | "rep."
            | "gov."
            | "governor"
            | "mayor"
            | "chancellor"
            | "general"
            | "gen."
            | "official"
            | "ambassador"
            | "envoy"
            | "chairman"
            | "chairwoman"
            | "ceo"
            | "director"
            | "his"
            | "her"
            | "its"
            | "their"
            | "the"
            | "former"
            | "then"
            | "mr."
            | "mrs."
            | "ms."
            | "dr."
    )
}

/// Words that cannot end a title: they lead to what was cut off. ("her" can: "phoned her".)
fn is_dangling(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "to"
            | "into"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "until"
            | "through"
            | "when"
            | "while"
            | "that"
            | "which"
            | "who"
            | "than"
            | "as"
            | "just"
            | "its"
            | "their"
            | "his"
    )
}

/// The most words after "before/after …ing" for the phrase to be the whole clause ("before
/// scrapping the takeover"), not a circumstance before a main clause left without its comma.
const SHORT_PHRASE: usize = 4;

/// The most words of a label before a colon that opens a sentence ("Driving the news:").
const LABEL_WORDS: usize = 4;

/// A short "who did what" title from a clause: dates, roles before names and attributions
/// removed, people named by their surname, cut at a natural break.
pub fn title<'n>(
    doc_text: &str,
    start: usize,
    end: usize,
    mentions: &[(usize, usize, usize)],
    timexes: &[(usize, usize)],
    short_names: &dyn Fn(usize) -> Option<&'n str>,
) -> String {
    let all: Vec<Word> = words(doc_text, start, end).collect();
    title_of_words(doc_text, start, &all, mentions, timexes, short_names)
}

/// [`title`] of the clause starting at `start` whose words are `all` (see
/// [`Tokenized`](super::Tokenized)).
pub fn title_of_words<'n>(
    doc_text: &str,
    start: usize,
    all: &[Word],
    mentions: &[(usize, usize, usize)],
    timexes: &[(usize, usize)],
    short_names: &dyn Fn(usize) -> Option<&'n str>,
) -> String {
    let mut drop = vec![false; all.len()];
    let in_span = |w: &Word, s: &(usize, usize)| w.start < s.1 && s.0 < w.end;
    // Dates, with the preposition that introduced them.
    for t in timexes {
        if let Some(first) = all.iter().position(|w| in_span(w, t)) {
            for (i, w) in all.iter().enumerate() {
                if in_span(w, t) {
                    drop[i] = true;
                }
            }
            let mut j = first;
            while j > 0 {
                let prev = lower(all[j - 1].text);
                // "the week of Mar. 14" goes whole.
                let week_of = matches!(prev.as_ref(), "week" | "weekend") && all[j].text == "of";
                if week_of
                    || matches!(
                        prev.as_ref(),
                        "on" | "in"
                            | "during"
                            | "since"
                            | "at"
                            | "by"
                            | "of"
                            | "for"
                            | "the"
                            | "from"
                            | "until"
                            | "this"
                            | "earlier"
                            | "later"
                            | "as"
                    )
                {
                    drop[j - 1] = true;
                    j -= 1;
                } else {
                    break;
                }
            }
            // "would take the next week to continue …": with the date gone, the verb that
            // held it goes too, and the title reads "would continue …".
            if let Some(last) = all.iter().rposition(|w| in_span(w, t))
                && first > 0
                && all.get(last + 1).is_some_and(|w| w.text == "to")
                && matches!(
                    all[first - 1].text,
                    "take" | "takes" | "took" | "taking" | "spend" | "spends" | "spent" | "use"
                )
            {
                drop[first - 1] = true;
                drop[last + 1] = true;
            }
        }
    }
    // Relative clauses and "according to" asides say more about a name, not what happened:
    // ", which started on Monday 4 March," / ", who leads the union," / "According to X,".
    let mut aside = vec![false; all.len()];
    let mut k = 0;
    while k < all.len() {
        // Only a word starting with "w" or "a" can open an aside: most are passed by at once.
        if !matches!(all[k].text.as_bytes()[0] | 0x20, b'w' | b'a') {
            k += 1;
            continue;
        }
        let lower = lower(all[k].text);
        let gap_before = if k == 0 {
            &doc_text[start..all[k].start]
        } else {
            &doc_text[all[k - 1].end..all[k].start]
        };
        let opens_aside = gap_before.contains(',')
            && matches!(lower.as_ref(), "which" | "who" | "whose" | "where");
        let according = lower == "according" && (k == 0 || gap_before.contains(','));
        if opens_aside || according {
            let mut j = k;
            while j < all.len() {
                drop[j] = true;
                aside[j] = true;
                j += 1;
                let gap = j < all.len() && {
                    let gap = &doc_text[all[j - 1].end..all[j].start];
                    let in_number = gap == ","
                        && all[j - 1].text.ends_with(|c: char| c.is_ascii_digit())
                        && all[j].text.starts_with(|c: char| c.is_ascii_digit());
                    gap.contains([',', ';']) && !in_number
                };
                if gap {
                    break;
                }
            }
            k = j;
        } else {
            k += 1;
        }
    }
    // A role set off by commas after a person says who they are, not what happened:
    // "Bakker, head of the port authority, signed".
    for &(_, m_end, e) in mentions {
        if short_names(e).is_none() {
            continue;
        }
        let Some(k) = all.iter().position(|w| w.start >= m_end) else {
            continue;
        };
        if k == 0 || all[k - 1].end != m_end || !doc_text[m_end..all[k].start].contains(',') {
            continue;
        }
        // Its last word: the first followed by a comma, within a few words, with the
        // clause going on after it.
        let Some(close) = (k..all.len().min(k + 8))
            .find(|&j| j + 1 < all.len() && doc_text[all[j].end..all[j + 1].start].contains(','))
        else {
            continue;
        };
        let names_role = all[k..=close.min(k + 2)]
            .iter()
            .any(|w| lexicon::is_role_head(&lower(w.text)));
        if names_role {
            for j in k..=close {
                drop[j] = true;
                aside[j] = true;
            }
        }
    }
    // A US lawmaker's party and state after the name (", D-N.Y.,", ", R-Texas,") says who
    // they are, not what happened.
    for (i, w) in all.iter().enumerate() {
        let tag = w.text.trim_end_matches('.');
        let party = tag.len() >= 3
            && tag.is_ascii()
            && matches!(&tag[..2], "D-" | "R-" | "I-")
            && tag[2..].starts_with(|c: char| c.is_ascii_uppercase())
            && tag[2..]
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '.')
            && tag.len() <= 10;
        if party && i > 0 && doc_text[all[i - 1].end..w.start].contains(',') {
            drop[i] = true;
            aside[i] = true;
        }
    }
    // Roles before people, and the names themselves (replaced below). A pronoun or a role
    // that refers to someone ("he", "the judge") reads as their name the first time; a
    // possessive ("his offer") and a later "he" stay as written.
    let mut replacement: Vec<Option<String>> = vec![None; all.len()];
    let mut named: Vec<usize> = Vec::new();
    for &(m_start, m_end, e) in mentions {
        let Some(short) = short_names(e) else {
            continue;
        };
        let written = lower(&doc_text[m_start..m_end]);
        let pronoun = matches!(
            written.as_ref(),
            "he" | "she" | "him" | "her" | "his" | "hers" | "its" | "their" | "they" | "them"
        );
        let possessive = matches!(written.as_ref(), "his" | "her" | "hers" | "its" | "their");
        let seen = named.contains(&e);
        named.push(e);
        if pronoun && (possessive || seen) {
            continue;
        }
        let by_role = !pronoun && lexicon::is_role_head(&written);
        let Some(first) = all
            .iter()
            .position(|w| w.start >= m_start && w.start < m_end)
        else {
            continue;
        };
        // A name inside an aside ("According to X,") goes with it.
        if aside[first] {
            continue;
        }
        for (i, w) in all.iter().enumerate() {
            if w.start >= m_start && w.end <= m_end {
                drop[i] = true;
            }
        }
        // "Per Dahl’s bail" reads "Dahl’s bail": the word that carries the possessive past
        // the name goes, and the short name takes its ending.
        let possessive = all
            .iter()
            .position(|w| w.start >= m_start && w.start < m_end && w.end > m_end)
            .map(|i| (i, &doc_text[m_end..all[i].end]))
            .filter(|(_, ending)| matches!(*ending, "'s" | "’s" | "'" | "’"));
        let short = match possessive {
            Some((i, ending)) => {
                drop[i] = true;
                format!("{short}{ending}")
            }
            None => short.to_string(),
        };
        replacement[first] = Some(short);
        drop[first] = false;
        let mut j = first;
        while j > 0 {
            let w = &all[j - 1];
            let lower = lower(w.text);
            let part_of_other = mentions
                .iter()
                .any(|m| m.0 <= w.start && w.end <= m.1 && m.2 != e);
            // The word next to the name must be a role; capitalized words may extend it
            // leftwards ("US President", "his French counterpart", "Harbour Board press
            // secretary").
            let capitalized = w.text.chars().next().is_some_and(char::is_uppercase);
            let role = is_role_word(&lower);
            let chained = j < first || role;
            let gap = &doc_text[w.end..all[j].start];
            // "A U.S. judge" read as "Berg": the article and what qualifies the role go too.
            let of_role = by_role
                && (capitalized
                    || lexicon::is_role_modifier(&lower)
                    || matches!(lower.as_ref(), "a" | "an" | "the"));
            // "U.S." keeps its last dot out of the word: it is no break.
            let joined = gap.trim().is_empty() || w.text.contains('.') && gap.trim() == ".";
            // "Harbour Court of Appeal judge Lund": a body's name runs on through "of".
            let inside_name = chained
                && matches!(lower.as_ref(), "of" | "for")
                && j >= 2
                && all[j - 2].text.starts_with(char::is_uppercase);
            if joined
                && (of_role || inside_name || chained && (role || part_of_other || capitalized))
            {
                drop[j - 1] = true;
                j -= 1;
            } else {
                break;
            }
        }
    }
    // Leading "X said (that)" and trailing ", X said" / ", according to ...".
    let kept: Vec<(usize, &str)> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| !drop[*i])
        .map(|(i, w)| {
            let written = match replacement[i].as_deref() {
                Some(name) => name,
                // A dotted acronym keeps its last dot ("the U.S. government").
                None if w.text.contains('.') && doc_text[w.end..].starts_with('.') => {
                    &doc_text[w.start..=w.end]
                }
                None => w.text,
            };
            (i, written)
        })
        .collect();
    // A phrase set off by a comma at the start ("After two days of debate, the council
    // …", "However, in her statement, Lund …") says when or how: the title starts after it.
    // A comma between two kept words with nothing left out between them: not one of an
    // aside already dropped ("the two mayors, who met for hours, signed").
    let comma_after = |j: usize| {
        kept.get(j + 1).is_some_and(|next| {
            next.0 == kept[j].0 + 1 && doc_text[all[kept[j].0].end..all[next.0].start].contains(',')
        })
    };
    // A phrase that holds the date is what the date is about: it stays.
    let dated = |a: usize, b: usize| {
        let (start, end) = (all[kept[a].0].start, all[kept[b].0].end);
        timexes.iter().any(|t| t.0 >= start && t.1 <= end)
    };
    // A label before a colon heads what follows ("Why it matters: Lund made …"): a few words
    // that name no one and say nothing was said.
    let colon_after = |j: usize| {
        kept.get(j + 1)
            .is_some_and(|next| doc_text[all[kept[j].0].end..all[next.0].start].contains(':'))
    };
    let named = |j: usize| {
        let w = &all[kept[j].0];
        mentions.iter().any(|m| w.start < m.1 && m.0 < w.end)
    };
    let mut from = (0..kept.len().min(LABEL_WORDS))
        .find(|&j| colon_after(j))
        .filter(|&colon| {
            kept.len() >= colon + 5 && !(0..=colon).any(|j| named(j) || is_saying(kept[j].1))
        })
        .map_or(0, |colon| colon + 1);
    while kept
        .get(from)
        .is_some_and(|(_, w)| opens_fronted_phrase(&lower(w)))
        && let Some(comma) = (from..kept.len().min(from + 9)).find(|&j| comma_after(j))
        && kept.len() >= comma + 5
        && !dated(from, comma)
    {
        from = comma + 1;
    }
    if let Some(pos) = kept
        .iter()
        .skip(from)
        .take(8)
        .position(|(_, w)| is_saying(w))
        .map(|pos| from + pos)
        .filter(|&pos| kept.len() >= pos + 5)
    {
        from = pos + 1;
        // "told reporters that …", "tells the council that …": the listeners go too.
        let told = matches!(kept[pos].1, "told" | "tells" | "tell");
        if let Some(that) = kept
            .iter()
            .skip(from)
            .take(if told { 4 } else { 1 })
            .position(|(_, w)| *w == "that")
        {
            from += that + 1;
        }
    }
    // A leading "But" / "And" joins the clause to the one before, which the title is not;
    // "Although profits were squeezed" says what happened without its "although".
    if kept.len() >= from + 4
        && matches!(
            lower(kept[from].1).as_ref(),
            "but" | "and" | "yet" | "so" | "although" | "though" | "whereas"
        )
    {
        from += 1;
    }
    // "It ended when Lund and Moe signed": what happened follows the "when".
    if matches!(
        kept.get(from).map(|(_, w)| lower(w)).as_deref(),
        Some("it" | "this" | "that")
    ) && let Some(when) = kept[from..]
        .iter()
        .take(4)
        .position(|(_, w)| matches!(*w, "when" | "after" | "as"))
        .filter(|&p| kept.len() >= from + p + 4)
    {
        from += when + 1;
    }
    // A leading "In referencing" / "After meeting" / "During" says how or when, not what: the
    // title starts at what follows it.
    if let [(_, first), (_, second), rest @ ..] = &kept[from.min(kept.len())..] {
        let first = lower(first);
        if matches!(
            first.as_ref(),
            "in" | "after" | "while" | "when" | "by" | "before"
        ) && second.len() > 5
            && second.ends_with("ing")
            && rest.len() >= 3
        {
            // With a main clause after it, the phrase is circumstance and goes; alone, it is
            // what happened ("before scrapping the takeover": the scrapping).
            let main_clause = (from + 2..kept.len()).any(comma_after);
            let alone = !main_clause && rest.len() <= SHORT_PHRASE;
            from += if alone { 1 } else { 2 };
        } else if first == "during" && rest.len() >= 2 {
            from += 1;
        } else if first == "as"
            && lower(second) == "well"
            && rest.first().is_some_and(|(_, w)| *w == "as")
            && rest.len() >= 3
        {
            // "…, as well as the latest reports": an addition, from what is added.
            from += 3;
        } else if matches!(first.as_ref(), "when" | "after" | "while" | "as" | "once")
            && rest.len() >= 2
        {
            // A clause cut from its sentence: ", when Lund and Moe signed a pact".
            from += 1;
        }
    }
    let mut kept = kept[from.min(kept.len())..].to_vec();
    let texts: Vec<&str> = kept.iter().map(|(_, w)| *w).collect();
    if let Some((a, b)) = inserted::between_subject_and_verb(&texts, |j| comma_after(from + j)) {
        // "The two men, Dahl and Moe, were named": the subject and its verb, with no commas.
        for &(i, _) in &kept[a..b] {
            aside[i] = true;
        }
        kept.drain(a..b);
    }
    let kept = &kept[..];
    let shouted = shouted_lead(doc_text, all, kept);
    let mut out = String::new();
    let mut prev_index: Option<usize> = None;
    for (count, (i, w)) in kept.iter().enumerate() {
        let w = &shouted.get(count).map_or(*w, String::as_str);
        if let Some(p) = prev_index {
            let gap = &doc_text[all[p].end..all[*i].start];
            // "7,000" is one number, however the words were cut.
            if gap == ","
                && out.ends_with(|c: char| c.is_ascii_digit())
                && w.starts_with(|c: char| c.is_ascii_digit())
            {
                out.push_str(gap);
                out.push_str(w);
                prev_index = Some(*i);
                continue;
            }
            // Where an aside was left out between the two, its punctuation goes with it.
            let adjacent = !(p + 1..*i).any(|k| aside[k]);
            let breaks = adjacent
                && (gap.contains(',')
                    || gap.contains(';')
                    || gap.contains('—')
                    || gap.contains(':'));
            if breaks && count >= 4 {
                break;
            }
            if breaks && {
                let lower = lower(w);
                lower == "according" || is_saying(&lower)
            } {
                break;
            }
            if count >= 14 {
                out.push('…');
                break;
            }
            if breaks && count > 0 && !out.ends_with(',') {
                out.push(',');
            }
            out.push(' ');
        }
        out.push_str(w);
        // A plural possessive keeps its apostrophe ("the dockers' union").
        let after = &doc_text[all[*i].end..];
        if w.ends_with('s')
            && let Some(mark) = after.chars().next().filter(|c| matches!(c, '\'' | '’'))
            && after[mark.len_utf8()..].starts_with(' ')
        {
            out.push(mark);
        }
        prev_index = Some(*i);
    }
    let mut out = out
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string();
    // A title never ends on a word that leads somewhere ("felt well into" once its date is
    // gone, "when Lund and").
    while let Some(space) = out.rfind(' ')
        && is_dangling(&out[space + 1..])
    {
        out.truncate(space);
        out.truncate(out.trim_end_matches([',', ' ']).len());
    }
    match out.chars().next() {
        Some(c) if c.is_ascii() => out[..1].make_ascii_uppercase(),
        Some(c) => {
            out = c
                .to_uppercase()
                .chain(out[c.len_utf8()..].chars())
                .collect()
        }
        None => {}
    }
    out
}

#[cfg(test)]
#[path = "title_tests.rs"]
mod tests;
