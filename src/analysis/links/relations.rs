//! Typed relations one sentence states between two people: what one did to the other ("Lund
//! fired Berg", "Berg will replace Nilsen", "Kestrel's lawyer Ivar Nilsen"), what they did
//! together ("Berg and Halvorsen met", "talks between Okafor and Haddad"), and what one is to
//! the other ("Jon Halvorsen, a lawyer for Moe-Berg", "Haroun Haddad and his son Hashim"). Two people merely named in one sentence are not related.
//!
//! Each relation is read from the words between the two names, which must be the words of
//! the relation and nothing else: a verb with its auxiliaries, roles and other names of a
//! list; a possessive and a relation noun; a comma and an appositive.

use super::words::{Gap, words_of};

/// A relation found between the people at two positions of a sentence, earlier first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    pub label: &'static str,
}

/// Verbs one person does to another, by form, with the relation's label.
pub(super) fn verb_label(word: &str) -> Option<&'static str> {
    Some(match word {
        "met" | "meet" | "meets" | "meeting" | "visited" | "visits" | "visit" | "hosted"
        | "hosts" | "host" | "received" => "met",
        "told" | "tells" | "tell" | "warned" | "warns" | "warn" | "urged" | "urges" | "urge"
        | "assured" | "assures" | "asked" | "asks" | "informed" | "briefed" | "spoke"
        | "speaks" | "speak" | "talked" | "talks" | "talk" | "wrote" | "writes" | "texted"
        | "messaged" | "emailed" => "spoke with",
        "called" | "calls" | "phoned" | "phones" | "phone" => "phone call",
        "negotiated" | "negotiates" | "negotiate" | "negotiating" => "negotiated with",
        "hired" | "hires" | "hire" | "appointed" | "appoints" | "appoint" | "recruited"
        | "nominated" | "nominates" | "nominate" => "hired",
        "fired" | "fires" | "fire" | "sacked" | "sacks" | "ousted" | "ousts" | "oust"
        | "dismissed" | "dismisses" | "dismiss" | "removed" | "removes" | "remove" => "fired",
        "replaced" | "replaces" | "replace" | "succeeded" | "succeeds" | "succeed"
        | "replacing" | "succeeding" => "replaced",
        "sued" | "sues" | "sue" | "suing" => "sued",
        "charged" | "charges" | "charge" | "indicted" | "indicts" | "accused" | "accuses"
        | "accuse" | "prosecuted" | "prosecutes" => "charged",
        "interviewed" | "interviews" | "interview" | "questioned" | "questions" => "interviewed",
        "kissed" | "kisses" | "kiss" | "kissing" | "hugged" | "hugs" | "embraced" => "kissed",
        "married" | "marries" | "marry" => "family",
        "represented" | "represents" | "represent" | "defended" | "defends" => "lawyer for",
        "backed" | "backs" | "supported" | "supports" | "endorsed" | "endorses" | "applauded"
        | "praised" | "praises" | "thanked" | "thanks" => "supported",
        "criticized" | "criticised" | "criticizes" | "blamed" | "blames" | "condemned"
        | "denounced" | "attacked" | "slammed" => "criticized",
        "joined" | "accompanied" => "met",
        "detained" | "detain" | "jailed" | "jail" | "sentenced" | "sentence" | "convicted"
        | "acquitted" | "summoned" | "arrested" | "arrest" => "ruled on",
        _ => return None,
    })
}

/// Verbs that two people do together ("Berg and Halvorsen met").
pub(super) fn reciprocal_label(word: &str) -> Option<&'static str> {
    Some(match word {
        "met" | "meet" | "meets" => "met",
        "spoke" | "speak" | "speaks" | "talked" | "talk" | "talks" | "chatted" => "spoke with",
        "negotiated" | "negotiate" => "negotiated with",
        "clashed" | "clash" | "argued" | "quarrelled" | "quarreled" | "feuded" => "clashed with",
        "married" | "wed" => "family",
        "signed" | "sign" | "agreed" | "agree" => "agreement",
        _ => return None,
    })
}

/// Nouns of a happening two people share ("talks between A and B", "A's meeting with B").
fn happening_label(word: &str) -> Option<&'static str> {
    Some(match word {
        "meeting" | "meetings" | "summit" | "visit" => "met",
        "talks" | "negotiations" | "negotiation" => "negotiated with",
        "call" | "calls" | "phone" | "phone-call" | "telephone" | "chat" => "phone call",
        "conversation" | "conversations" | "interaction" | "interactions" | "exchange"
        | "discussion" | "discussions" => "spoke with",
        "interview" => "interviewed",
        "clash" | "spat" | "feud" | "dispute" | "argument" | "arguments" | "rift" => "clashed with",
        "marriage" | "wedding" => "family",
        "kiss" => "kissed",
        _ => return None,
    })
}

/// Nouns that say what one person is to another ("his son", "a lawyer for", "Nilsen's
/// roommate").
fn tie_label(word: &str) -> Option<&'static str> {
    Some(match word {
        "son" | "sons" | "daughter" | "daughters" | "father" | "mother" | "parent" | "parents"
        | "wife" | "husband" | "spouse" | "brother" | "sister" | "sibling" | "cousin" | "uncle"
        | "aunt" | "nephew" | "niece" | "grandson" | "granddaughter" | "grandfather"
        | "grandmother" | "stepson" | "stepdaughter" | "stepfather" | "stepmother" | "widow"
        | "widower" | "fiancé" | "fiancée" | "fiance" | "fiancee" | "ex-wife" | "ex-husband" => {
            "family"
        }
        "lawyer" | "lawyers" | "attorney" | "attorneys" | "counsel" | "representative" => {
            "lawyer for"
        }
        "spokesperson" | "spokesman" | "spokeswoman" => "speaks for",
        "aide" | "adviser" | "advisor" | "assistant" | "deputy" => "aide to",
        "partner" | "girlfriend" | "boyfriend" => "partner",
        "friend" | "friends" | "roommate" | "classmate" => "friend",
        "colleague" | "colleagues" => "colleague",
        "successor" => "replaced",
        "predecessor" => "replaced",
        "boss" | "employer" => "employer of",
        "counterpart" | "counterparts" => "counterpart of",
        _ => return None,
    })
}

/// Words that may stand in a verb group before the verb ("has", "will", "also").
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "did"
            | "does"
            | "do"
            | "also"
            | "then"
            | "later"
            | "reportedly"
            | "allegedly"
            | "never"
            | "once"
            | "first"
            | "to"
            | "be"
            | "been"
            | "is"
            | "was"
            | "were"
            | "are"
            | "being"
            | "publicly"
            | "formally"
            | "officially"
            | "effectively"
            | "immediately"
            | "eventually"
            | "finally"
            | "recently"
            | "personally"
            | "briefly"
            | "abruptly"
            | "suddenly"
            | "privately"
            | "quietly"
            | "directly"
            | "virtually"
            | "after"
            | "before"
            | "while"
    )
}

/// Words allowed between a verb and its object: a preposition, articles, titles and roles
/// ("fired Kestrel Chief Executive", "met with the former president").
pub(super) fn is_object_filler(gap: &Gap) -> bool {
    gap.capitalized
        || matches!(
            gap.lower.as_str(),
            "with"
                | "to"
                | "against"
                | "by"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "former"
                | "then"
                | "new"
                | "ex"
                | "fellow"
                | "longtime"
                | "long-time"
                | "top"
                | "chief"
                | "and"
                | "of"
                | "for"
                | "on"
                | "over"
        )
        || crate::analysis::lexicon::is_role_head(&gap.lower)
        || crate::analysis::lexicon::is_role_modifier(&gap.lower)
}

/// The relation the words `between` two names state, the first name before them. `after` is
/// the text right after the second name (for "A and B met"), `before` the text before the
/// first (for "talks between A and B").
pub fn relation(before: &str, between: &str, after: &str) -> Option<Relation> {
    let gap = words_of(between);
    // "did not meet", "never sued": no relation stated.
    if gap.iter().any(|w| {
        matches!(
            w.lower.as_str(),
            "not" | "never" | "didn't" | "didn’t" | "won't" | "won’t"
        )
    }) {
        return None;
    }
    let label = acts_on(&gap)
        .or_else(|| passive(&gap))
        .or_else(|| together(before, &gap, after))
        .or_else(|| tie(&gap, between, after))
        .or_else(|| shared_happening(&gap))
        .or_else(|| holds_with(&gap))
        .or_else(|| wrote_to(&gap))
        .or_else(|| mediated(&gap))?;
    Some(Relation { label })
}

/// "A fired B", "A has met with B", "A will replace B", "A on Tuesday fired B", "A, a
/// lawyer for C, told B".
fn acts_on(gap: &[Gap]) -> Option<&'static str> {
    let gap = skip_appositive(gap);
    let verb = gap.iter().position(|w| verb_label(&w.lower).is_some())?;
    let (before, after) = (&gap[..verb], &gap[verb + 1..]);
    let aux_ok = before.iter().all(|w| {
        !w.comma
            && !w.quote
            && (is_auxiliary(&w.lower)
                || w.capitalized
                || w.number
                || matches!(
                    w.lower.as_str(),
                    "on" | "in" | "at" | "last" | "this" | "early" | "late"
                ))
    });
    // "fired A, B and C": the object may be a list of people with their roles; a role in
    // lower case may stand right before the name ("fired harbour master B").
    let lower_role = after
        .iter()
        .rev()
        .take_while(|w| {
            !w.capitalized
                && !w.comma
                && !w.quote
                && w.lower.len() > 2
                && verb_label(&w.lower).is_none()
                && !w.lower.ends_with("ing")
                && !matches!(
                    w.lower.as_str(),
                    "that" | "who" | "which" | "with" | "to" | "for" | "and"
                )
        })
        .count()
        .min(3);
    let obj_ok = after[..after.len() - lower_role]
        .iter()
        .all(|w| is_object_filler(w) && !w.quote);
    // A list of people with their roles runs longer than one object.
    let most = if after.iter().any(|w| w.comma) { 20 } else { 8 };
    (aux_ok && obj_ok && after.len() <= most).then(|| verb_label(&gap[verb].lower))?
}

/// The words after an appositive that opens `gap` (", a lawyer for Moe-Berg, said"):
/// what the appositive says is about the first name, not a relation to the second.
fn skip_appositive<'g, 'a>(gap: &'g [Gap<'a>]) -> &'g [Gap<'a>] {
    if gap.first().is_some_and(|w| w.comma_before)
        && let Some(end) = gap.iter().position(|w| w.comma)
        && end + 1 < gap.len()
    {
        return &gap[end + 1..];
    }
    gap
}

/// "B was fired by A", "B will be replaced by A".
fn passive(gap: &[Gap]) -> Option<&'static str> {
    let by = gap.iter().rposition(|w| w.lower == "by")?;
    let verb = gap[..by]
        .iter()
        .rposition(|w| verb_label(&w.lower).is_some())?;
    let be = gap[..verb].iter().any(|w| {
        matches!(
            w.lower.as_str(),
            "was" | "were" | "be" | "been" | "is" | "being"
        )
    });
    let clean = gap[..verb]
        .iter()
        .all(|w| is_auxiliary(&w.lower) && !w.comma)
        && gap[by + 1..]
            .iter()
            .all(|w| is_object_filler(w) && !w.comma);
    let label = verb_label(&gap[verb].lower)?;
    (be && clean && gap[verb].lower.ends_with("ed")).then_some(label)
}

/// "A and B met", "A and B held talks", "she and Halvorsen talk daily", "between A and B"
/// (the happening noun before: "talks between A and B").
fn together(before: &str, gap: &[Gap], after: &str) -> Option<&'static str> {
    // What qualifies the first name may stand before "and": ", head of the union," or "of
    // Egypt".
    let gap = skip_appositive(gap);
    let gap = match gap {
        [of, place, rest @ ..]
            if matches!(of.lower.as_str(), "of" | "from") && place.capitalized =>
        {
            rest
        }
        _ => gap,
    };
    // "A and Russian Deputy Foreign Minister B": the second name's role may stand between.
    let joined = gap.first().is_some_and(|w| w.lower == "and")
        && gap[1..]
            .iter()
            .all(|w| !w.comma && !w.quote && is_object_filler(w) && w.lower != "and");
    if !joined {
        return None;
    }
    let next = words_of(after);
    let next = match &next[..] {
        [of, place, ..] if matches!(of.lower.as_str(), "of" | "from") && place.capitalized => {
            &next[2..]
        }
        [first, ..] if first.comma_before => match next.iter().position(|w| w.comma) {
            Some(end) => &next[end + 1..],
            None => &next[..],
        },
        _ => &next[..],
    };
    if next
        .iter()
        .take(3)
        .any(|w| matches!(w.lower.as_str(), "not" | "never"))
    {
        return None;
    }
    let mut rest = next
        .iter()
        .take_while(|w| !w.quote)
        .skip_while(|w| is_auxiliary(&w.lower) || w.lower == "both");
    if let Some(w) = rest.next() {
        if matches!(w.lower.as_str(), "held" | "hold" | "holds" | "had" | "have") {
            // "A and B held talks / a call / a meeting".
            if let Some(noun) = rest.find(|v| {
                !matches!(
                    v.lower.as_str(),
                    "a" | "an" | "the" | "their" | "two" | "first" | "second" | "several" | "more"
                )
            }) && let Some(label) = happening_label(&noun.lower)
            {
                return Some(label);
            }
        } else if let Some(label) = reciprocal_label(&w.lower) {
            return Some(label);
        } else if leads(&w.lower)
            && let Some(label) = rest
                .find(|v| !matches!(v.lower.as_str(), "a" | "an" | "the" | "their" | "both"))
                .and_then(|v| happening_label(&v.lower))
        {
            // "A and B will lead the talks".
            return Some(label);
        }
    }
    let prior = words_of(before);
    // The first name's role stands between the cue and the name: "led by US Deputy Secretary
    // of State A and B".
    let n = prior.len()
        - prior
            .iter()
            .rev()
            .take_while(|w| {
                !w.comma
                    && (w.capitalized || is_object_filler(w))
                    && !matches!(w.lower.as_str(), "by" | "between" | "with")
            })
            .count();
    if n >= 2 && prior[n - 1].lower == "between" {
        return happening_label(&prior[n - 2].lower);
    }
    // "Those talks will be led by A and B", "the meeting, chaired by A and B".
    if n >= 2 && prior[n - 1].lower == "by" && leads(&prior[n - 2].lower) {
        return prior[..n - 2]
            .iter()
            .rev()
            .take(6)
            .find_map(|w| happening_label(&w.lower));
    }
    None
}

/// Verbs of heading or attending a happening together ("led the talks", "chaired by").
fn leads(word: &str) -> bool {
    matches!(
        word,
        "lead"
            | "led"
            | "leads"
            | "head"
            | "headed"
            | "heads"
            | "chair"
            | "chaired"
            | "chairs"
            | "co-chaired"
            | "co-chair"
            | "attend"
            | "attended"
            | "attends"
            | "join"
            | "joined"
            | "conducted"
            | "hold"
            | "held"
    )
}

/// "A's son B", "A's former romantic partner B", "B, A's lawyer" (the noun after B), "A and
/// his son B", "B, a lawyer for A", "B, mother of A".
fn tie(gap: &[Gap], between: &str, after: &str) -> Option<&'static str> {
    // "A, 52, and his son B": an age between is the first name's.
    let aged = gap
        .first()
        .is_some_and(|w| w.number && w.comma_before && w.comma);
    // "Nils Lund ’84, who was …": a class year after a name is the name's.
    let class_year = gap.first().is_some_and(|w| is_class_year(w.text));
    let gap = if aged || class_year { &gap[1..] } else { gap };
    if let Some(noun) = gap.iter().position(|w| tie_label(&w.lower).is_some()) {
        let label = tie_label(&gap[noun].lower)?;
        let lead: Vec<&str> = gap[..noun].iter().map(|w| w.lower.as_str()).collect();
        let tail = &gap[noun + 1..];
        let possessive = gap[0].possessive_start && noun <= 3;
        let and_his = matches!(
            lead[..],
            ["and", "his" | "her" | "their"] | ["and", "his" | "her" | "their", _]
        );
        let appositive = gap[0].comma_before
            && lead.iter().all(|w| {
                matches!(*w, "a" | "an" | "the" | "his" | "her" | "former")
                    || crate::analysis::lexicon::is_role_modifier(w)
            })
            && matches!(
                tail.first().map(|w| w.lower.as_str()),
                Some("for" | "of" | "to")
            )
            && tail.len() == 1;
        if ((possessive || and_his) && tail.is_empty()) || appositive {
            return Some(label);
        }
    }
    // "B, who was A's roommate", "B is A's lawyer".
    let copula = matches!(
        gap.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>()[..],
        ["who", "was" | "is"] | ["was" | "is"] | ["who", "has", "been"]
    ) || (gap.is_empty() && between.trim() == ",");
    // "B, a long-time A legal representative": the appositive names A.
    let appositive_of = !gap.is_empty()
        && gap[0].comma_before
        && gap.iter().all(|w| {
            matches!(w.lower.as_str(), "a" | "an" | "the")
                || w.lower.contains('-')
                || crate::analysis::lexicon::is_role_modifier(&w.lower)
        });
    if appositive_of {
        let next = words_of(after);
        if let Some(w) = next
            .iter()
            .take(3)
            .take_while(|w| !w.comma_before || tie_label(&w.lower).is_some())
            .find(|w| tie_label(&w.lower).is_some())
        {
            return tie_label(&w.lower);
        }
    }
    // "B, A's lawyer": the possessive and the noun follow the second name.
    if copula {
        let next = words_of(after);
        if next.first().is_some_and(|w| w.possessive_start)
            && let Some(w) = next
                .iter()
                .take(4)
                .take_while(|w| !w.comma || tie_label(&w.lower).is_some())
                .find(|w| tie_label(&w.lower).is_some())
        {
            return tie_label(&w.lower);
        }
    }
    None
}

/// A class year written after an alumnus's name: "’84", "'07".
fn is_class_year(word: &str) -> bool {
    let digits = word.trim_start_matches(['’', '\'']);
    digits.len() == 2 && digits.len() < word.len() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// "A and B spent two days in talks chaired by C", "A signed the accord, brokered by C's
/// foreign minister, C": the mediator of a happening and the people in it.
fn mediated(gap: &[Gap]) -> Option<&'static str> {
    let by = gap.iter().rposition(|w| w.lower == "by")?;
    let verb = gap.get(by.checked_sub(1)?)?;
    if !matches!(
        verb.lower.as_str(),
        "chaired" | "co-chaired" | "mediated" | "brokered" | "hosted" | "moderated" | "facilitated"
    ) {
        return None;
    }
    let role = &gap[by + 1..];
    let role_ok = role.iter().enumerate().all(|(i, w)| {
        (is_object_filler(w) || w.possessive_start || w.capitalized)
            && (!w.comma || i + 1 == role.len())
    });
    let lead = &gap[by.saturating_sub(9)..by - 1];
    let happening = lead.iter().any(|w| {
        happening_label(&w.lower).is_some()
            || matches!(
                w.lower.as_str(),
                "agreement" | "deal" | "accord" | "treaty" | "ceasefire" | "truce"
            )
    });
    let clean =
        gap[..by - 1].iter().filter(|w| w.comma).count() <= 1 && !gap.iter().any(|w| w.quote);
    (role_ok && happening && clean && gap.len() <= 16).then_some("mediated")
}

/// "A had a second call with B", "A took part in a 40-minute telephone call with B".
fn holds_with(gap: &[Gap]) -> Option<&'static str> {
    // "… with Russian President B": the second name's role may follow "with".
    let n = gap.iter().rposition(|w| w.lower == "with")? + 1;
    if n < 3 || gap.iter().any(|w| w.comma || w.quote) || !gap[n..].iter().all(is_object_filler) {
        return None;
    }
    let noun = gap[..n - 1]
        .iter()
        .rposition(|w| happening_label(&w.lower).is_some())?;
    let verb_ok = gap[..noun].iter().any(|w| {
        matches!(
            w.lower.as_str(),
            "held"
                | "hold"
                | "holds"
                | "holding"
                | "had"
                | "has"
                | "made"
                | "took"
                | "joined"
                | "participated"
                | "part"
                | "began"
                | "started"
                | "ended"
                | "concluded"
        )
    });
    let short = noun <= 7 && noun + 2 == n;
    (verb_ok && short).then(|| happening_label(&gap[noun].lower))?
}

/// "issued the warning in a letter to B", "sent messages to B".
fn wrote_to(gap: &[Gap]) -> Option<&'static str> {
    let to = gap.iter().rposition(|w| w.lower == "to")?;
    let noun = gap.get(to.checked_sub(1)?)?;
    let written = matches!(
        noun.lower.as_str(),
        "letter"
            | "letters"
            | "message"
            | "messages"
            | "note"
            | "email"
            | "emails"
            | "text"
            | "texts"
            | "memo"
    );
    let clean = !gap.iter().any(|w| w.quote) && gap.iter().filter(|w| w.comma).count() <= 1;
    let role_ok = gap[to + 1..]
        .iter()
        .all(|w| is_object_filler(w) && !w.comma);
    (written && clean && role_ok && to <= 10).then_some("spoke with")
}

/// "A's meeting with B", "his interview with B".
fn shared_happening(gap: &[Gap]) -> Option<&'static str> {
    let n = gap.len();
    if n < 2 || gap[n - 1].lower != "with" || !gap[0].possessive_start {
        return None;
    }
    gap[..n - 1]
        .iter()
        .rev()
        .find_map(|w| happening_label(&w.lower))
        .filter(|_| n <= 5)
}

#[cfg(test)]
#[path = "relations_tests.rs"]
mod tests;
