//! What single words mean to the analysis: function words, crude stems, nouns of happenings
//! and their kinds, nouns for people, and cues of negation and of saying.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::words::words;

// FxHash: these are looked up for every word of every dated clause; SipHash showed.
static STOPWORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    "a about above after again against all almost also am an and any are as at be because been \
     before being below between both but by can could did do does doing down during each early \
     earlier few for from further had has have having he her here hers herself him himself his \
     how i if in into is it its itself just last late later least less many may me might more \
     most much must my myself near new next no nor not now of off on once only or other our ours \
     out over own part said same say says she should since so some such than that the their \
     theirs them themselves then there these they this those through to too under until up upon \
     very was we were what when where which while who whom why will with within would year years \
     you your month months week weeks day days today yesterday tomorrow ago another according \
     told tell added add stated statement saying including amid ahead per whether still even \
     already well way time times another two three first second one upcoming recent recently \
     soon around against across among toward towards"
        .split_whitespace()
        .collect()
});

/// Function words and words of time and attribution that say nothing about what happened.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// A crude stem so that "talks"/"talk", "called"/"call", "spoke"/"speak" meet.
pub fn stem(lower: &str) -> &str {
    let lower = lower.trim_end_matches(['’', '\'']);
    let lower = lower
        .strip_suffix("’s")
        .or(lower.strip_suffix("'s"))
        .unwrap_or(lower);
    let irregular = match lower {
        "spoke" | "spoken" => Some("speak"),
        "met" => Some("meet"),
        "held" => Some("hold"),
        "told" => Some("tell"),
        "said" => Some("say"),
        "led" => Some("lead"),
        "began" | "begun" => Some("begin"),
        "took" | "taken" => Some("take"),
        "went" | "gone" => Some("go"),
        "chose" | "chosen" => Some("choose"),
        "fought" => Some("fight"),
        "sought" => Some("seek"),
        "won" => Some("win"),
        "meeting" | "meetings" => Some("meet"),
        "negotiation" | "negotiations" | "negotiated" | "negotiating" => Some("negotiat"),
        "telephone" | "phoned" => Some("phone"),
        "conversation" | "conversations" => Some("convers"),
        "invasion" | "invaded" | "invades" | "invading" => Some("invad"),
        "mediation" | "mediated" | "mediating" | "mediator" | "mediators" | "mediate"
        | "mediates" => Some("mediat"),
        "intervened" | "intervention" | "intervene" | "intervenes" | "intervening" => {
            Some("interven")
        }
        _ => None,
    };
    if let Some(s) = irregular {
        return s;
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = lower.strip_suffix(suffix)
            && base.chars().count() >= 3
            && !(suffix == "s" && base.ends_with('s'))
        {
            return base;
        }
    }
    lower
}

static EVENT_NOUNS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    "call phone chat speak convers talk meet summit negotiat dialogue visit trip conference \
     session round vote election referendum invad attack strike war battle bomb explosion \
     shoot protest rally march agreement deal treaty accord sign ceasefire truce sanction \
     demand annex occupy occupied takeover seize arrest trial hearing verdict ruling indict \
     charge launch announce announcement resign appoint nominat inaugurat funeral crash \
     earthquake flood storm fire hurricane interview speech address debate briefing readout \
     mediat interven"
        .split_whitespace()
        .collect()
});

/// Stems of nouns and verbs that name a happening ("call", "talks", "summit", "invasion").
pub fn is_event_noun(stem: &str) -> bool {
    EVENT_NOUNS.contains(stem)
}

/// The link label for a happening's stem, when it has a familiar one.
pub fn link_label(stem: &str) -> Option<&'static str> {
    Some(match stem {
        "call" | "phone" | "chat" | "convers" => "phone call",
        "talk" | "negotiat" | "dialogue" | "round" => "negotiate with",
        "meet" | "summit" | "visit" | "session" | "conference" => "meet",
        "speak" => "spoke with",
        "agreement" | "deal" | "treaty" | "accord" | "sign" => "agreement",
        "attack" | "strike" | "war" | "battle" | "invad" => "conflict",
        "interview" => "interview",
        "debate" => "debate",
        _ => return None,
    })
}

/// The kind of happening a stem names, so that "talks", "negotiations" and "meet" in three
/// reports of one meeting are recognised as the same thing.
pub fn event_class(stem: &str) -> Option<&'static str> {
    Some(match stem {
        "call" | "phone" | "chat" | "convers" | "speak" => "call",
        "talk" | "negotiat" | "dialogue" | "round" | "meet" | "summit" | "visit" | "session"
        | "conference" | "trip" | "mediat" | "interven" => "meeting",
        "agreement" | "deal" | "treaty" | "accord" | "sign" => "agreement",
        "attack" | "strike" | "war" | "battle" | "invad" | "bomb" | "shoot" | "annex"
        | "takeover" | "seize" | "occupy" | "occupied" => "conflict",
        "vote" | "election" | "referendum" => "vote",
        "protest" | "rally" | "march" => "protest",
        _ => return None,
    })
}

/// Nouns for the people around someone, who act in their cause: "his lawyer", "her son".
pub fn is_kin_or_agent(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('s'),
        "son"
            | "daughter"
            | "father"
            | "mother"
            | "parent"
            | "wife"
            | "husband"
            | "spouse"
            | "brother"
            | "sister"
            | "sibling"
            | "child"
            | "children"
            | "family"
            | "widow"
            | "lawyer"
            | "attorney"
            | "counsel"
            | "representative"
            | "partner"
            | "friend"
            | "colleague"
            | "team"
            | "campaign"
            | "camp"
            | "supporter"
            | "people"
            | "staff"
    )
}

/// Plural nouns for people in "the two leaders", "both presidents".
pub fn is_person_noun(lower: &str) -> bool {
    matches!(
        lower.trim_matches(|c: char| !c.is_alphanumeric()),
        "leaders"
            | "presidents"
            | "men"
            | "women"
            | "ministers"
            | "heads"
            | "counterparts"
            | "officials"
            | "rivals"
            | "candidates"
            | "sides"
    )
}

/// "they", "their", "them": a clause that names nobody may still be about the last two people.
pub fn has_plural_pronoun(clause: &str) -> bool {
    words(clause, 0, clause.len())
        .any(|w| matches!(w.text, "they" | "They" | "their" | "Their" | "them"))
}

/// Whether a sentence denies what it reports ("will not be present").
pub fn is_negated(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    words(&lower, 0, lower.len()).any(|w| {
        matches!(w.text, "not" | "never" | "no" | "neither" | "nor")
            || w.text.ends_with("n't")
            || w.text.ends_with("n’t")
    })
}

/// Whether `lower` is a verb of saying ("said", "told", "added", ...).
pub fn is_saying(lower: &str) -> bool {
    SAYING_SET.contains(lower)
}

/// [`SAYING`] as a set: asked of the words around every name in every dated sentence.
static SAYING_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| SAYING.iter().copied().collect());

const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "stated",
    "states",
    "told",
    "tells",
    "noted",
    "notes",
    "explained",
    "commented",
    "wrote",
    "writes",
    "tweeted",
    "insisted",
    "claimed",
    "argued",
    "recalled",
    "confirmed",
    "replied",
    "remarked",
    "continued",
    "acknowledged",
    "emphasized",
    "stressed",
    "characterized",
    "described",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        assert_eq!(stem("talks"), stem("talk"));
        assert_eq!(stem("called"), "call");
        assert_eq!(stem("spoke"), "speak");
        assert_eq!(stem("negotiations"), stem("negotiated"));
        assert_eq!(stem("lund’s"), "lund");
    }

    #[test]
    fn negation() {
        assert!(is_negated("The ministers will not attend the talks."));
        assert!(is_negated("She didn't sign."));
        assert!(!is_negated("Those talks will be led by two envoys."));
    }
}
