//! What the words around a name say of its kind, beyond the name itself: an age ("Omar
//! Haddad, 48,"), a kinship noun ("his son Sami Haddad"), a company's things ("Kestrel's
//! board", "Nordlys said it"), a role of which it is the employer ("DeepWave CEO"), the
//! article of a thing ("the Polaris"). Each is read on the words of one sentence.

use crate::analysis::lexicon;
use crate::analysis::text;

use super::tokens::Tok;

/// "Omar Haddad, 48," or "the 31-year-old Moe-Berg": an age is a person's.
pub(super) fn has_age(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let after = &text[toks[b - 1].end..];
    let aged_after = after
        .strip_prefix(", ")
        .and_then(|r| {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            (1..=3)
                .contains(&digits)
                .then(|| r[digits..].starts_with([',', ')', ';']))
        })
        .unwrap_or(false);
    let aged_before = a > 0 && {
        let w = toks[a - 1].text;
        w.ends_with("-year-old") && w.starts_with(|c: char| c.is_ascii_digit())
    };
    aged_after || aged_before
}

/// Nouns of kinship: "his son X", "the widow X", "father and son X and Y".
fn is_kin(lower: &str) -> bool {
    matches!(
        lower,
        "son"
            | "daughter"
            | "wife"
            | "husband"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "widow"
            | "widower"
            | "cousin"
            | "nephew"
            | "niece"
            | "uncle"
            | "aunt"
            | "grandson"
            | "granddaughter"
            | "grandmother"
            | "grandfather"
            | "stepson"
            | "stepdaughter"
            | "fiancé"
            | "fiancée"
            | "girlfriend"
            | "boyfriend"
    )
}

/// What follows a name says it is a person's: an appositive of kinship or personhood ("Ángela
/// Ibáñez, mother of Tomás Ríos", "Marta Ibáñez, the first woman in …"), a social-media
/// handle ("Jon Halvorsen (@jonhalvorsen)"), a role the name serves as or is ("Ibáñez has
/// served as an assistant", "Ibáñez was a player").
pub(super) fn person_after(text: &str, toks: &[Tok], b: usize) -> bool {
    let after = &text[toks[b - 1].end..];
    if after.starts_with(" (@") {
        return true;
    }
    let words: Vec<String> = toks[b..]
        .iter()
        .take(6)
        .map(|t| text::lower(t.text).into_owned())
        .collect();
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    let articles = |i: usize| {
        let mut i = i;
        while matches!(
            w(i),
            "a" | "an" | "the" | "his" | "her" | "first" | "former" | "only"
        ) {
            i += 1;
        }
        i
    };
    if after.starts_with(", ") {
        let i = articles(0);
        let noun = w(i);
        if is_kin(noun) || matches!(noun, "woman" | "man" | "person" | "girl" | "boy") {
            return true;
        }
    }
    let copula = matches!(w(0), "is" | "was" | "has" | "had")
        && (matches!(w(1), "served" | "worked" | "been") && w(2) == "as"
            || matches!(w(1), "a" | "an"));
    if copula {
        let i = articles(if w(2) == "as" { 3 } else { 1 });
        let noun = w(i).to_string();
        let noun = if lexicon::is_role_modifier(&noun) {
            w(i + 1).to_string()
        } else {
            noun
        };
        return lexicon::is_role_head(&noun) || is_kin(&noun);
    }
    false
}

/// An appositive that says the name is a company's: "Nordlys, a vaccine and bioresearch firm
/// based in Lyon", "Kestrel, the country's largest insurer" (not "Dahl, a spokesman for the
/// company": the noun is the last word before a preposition or a relative word).
pub(super) fn company_after(text: &str, toks: &[Tok], b: usize) -> bool {
    if !text[toks[b - 1].end..].starts_with(", ") {
        return false;
    }
    let words: Vec<String> = toks[b..]
        .iter()
        .take(7)
        .map(|t| text::lower(t.text).into_owned())
        .collect();
    if !matches!(words.first().map(String::as_str), Some("a" | "an" | "the")) {
        return false;
    }
    let phrase = words[1..].iter().take_while(|w| {
        !matches!(
            w.as_str(),
            "of" | "for" | "at" | "in" | "on" | "with" | "who" | "that" | "which" | "based"
        )
    });
    phrase.last().is_some_and(|noun| {
        matches!(
            noun.as_str(),
            "firm"
                | "company"
                | "maker"
                | "manufacturer"
                | "producer"
                | "retailer"
                | "insurer"
                | "lender"
                | "carrier"
                | "airline"
                | "conglomerate"
                | "subsidiary"
                | "startup"
                | "chain"
        )
    })
}

/// A kinship noun right before the name: "his son Sami Haddad".
pub(super) fn kin_before(text: &str, toks: &[Tok], a: usize) -> bool {
    a > 0 && text[toks[a - 1].end..toks[a].start] == *" " && is_kin(&text::lower(toks[a - 1].text))
}

/// What a company, not a person, has: "Kestrel's board", "Nordlys's request", "DeepWave's
/// Polaris sub".
fn is_company_thing(lower: &str) -> bool {
    matches!(
        lower,
        "board"
            | "shares"
            | "stock"
            | "employees"
            | "workers"
            | "staff"
            | "website"
            | "headquarters"
            | "ceo"
            | "cfo"
            | "coo"
            | "founder"
            | "co-founder"
            | "executives"
            | "customers"
            | "users"
            | "platform"
            | "app"
            | "operations"
            | "plant"
            | "factory"
            | "fleet"
            | "investors"
            | "shareholders"
            | "subsidiary"
            | "unit"
            | "division"
            | "directors"
            | "earnings"
            | "revenue"
            | "profit"
            | "profits"
            | "sub"
            | "submersible"
            | "vessel"
            | "planes"
            | "jets"
            | "aircraft"
            | "products"
            | "accounts"
            | "servers"
            | "engineers"
            | "management"
            | "brand"
            | "parent"
            | "owner"
            | "acquisition"
            | "takeover"
            | "merger"
            | "bankruptcy"
            | "offices"
            | "factories"
            | "exchange"
            | "token"
            | "tokens"
            | "stores"
            | "shareholder"
            | "chairman"
            | "chairwoman"
            | "chief"
    )
}

/// The name owns what a company owns: "Kestrel's board".
pub(super) fn owns_company_thing(toks: &[Tok], b: usize) -> bool {
    toks[b - 1].possessive
        && toks
            .get(b)
            .is_some_and(|t| is_company_thing(&text::lower(t.text)))
}

/// "Nordlys said it …", "DeepWave said its …": what says "it" of itself is no person; "he"
/// and "she" say it is one.
pub(super) fn says_it(toks: &[Tok], b: usize) -> Option<bool> {
    let mut k = b;
    while toks
        .get(k)
        .is_some_and(|t| matches!(t.text, "also" | "later" | "then" | "has" | "had"))
    {
        k += 1;
    }
    if !toks.get(k).is_some_and(|t| text::is_saying(t.text)) {
        return None;
    }
    let next = toks.get(k + 1).map(|t| t.text)?;
    match next {
        "it" | "its" => Some(false),
        "he" | "she" | "his" | "her" => Some(true),
        _ => None,
    }
}

/// "the Polaris", "the Maria Elena": a name right after the article is a thing's, a
/// place's or a body's — people are not written with one.
pub(super) fn after_the(text: &str, toks: &[Tok], a: usize) -> bool {
    a > 0
        && toks[a - 1].text.eq_ignore_ascii_case("the")
        && text[toks[a - 1].end..toks[a].start] == *" "
}

/// "CEO of Nordlys", "head of Kestrel": the name a role belongs to is a body or a place.
pub(super) fn role_of(text: &str, toks: &[Tok], a: usize) -> bool {
    let mut k = a;
    if k >= 1 && toks[k - 1].text == "the" {
        k -= 1;
    }
    k >= 2
        && toks[k - 1].text == "of"
        && text[toks[k - 2].end..toks[k].start].trim() == "of"
        && lexicon::is_role_head(&text::lower(toks[k - 2].text))
        && !matches!(toks[k - 2].text, "son" | "daughter")
}

/// "Jon Halvorsen of Berg Lund": what a named person is "of" is their firm or place.
pub(super) fn of_a_name(toks: &[Tok], a: usize) -> bool {
    a >= 2
        && toks[a - 1].text == "of"
        && toks[a - 2]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && !lexicon::is_role_head(&text::lower(toks[a - 2].text))
        && !lexicon::is_org_head(toks[a - 2].text)
}

/// A party and state after a politician's name: "D-N.Y.", "R-Texas". Never a name itself.
pub(super) fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// A word in capitals only: "NEW", "YORK", "KBX" (two letters or more).
pub(super) fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The employer in a role written before a name: "DeepWave" of "DeepWave CEO", "Kestrel"
/// of "Kestrel Chief Executive": the capitalized words before the first role word, when they
/// name no place and no people.
pub(super) fn employer_in_role<'a>(role: &[Tok<'a>]) -> Option<(usize, Vec<&'a str>)> {
    let first_role = role.iter().position(|t| {
        let l = text::lower(t.text);
        lexicon::is_role_head(&l) || lexicon::is_role_modifier(&l)
    })?;
    if first_role == 0 {
        return None;
    }
    let words: Vec<&str> = role[..first_role].iter().map(|t| t.text).collect();
    // One word ("DeepWave CEO") or a body's name ("Nordland District Court Chief Judge"), not
    // words of the role ("Senate Majority Leader").
    if words.len() > 1 && !lexicon::is_org_head(words[words.len() - 1]) {
        return None;
    }
    let joined = words.join(" ");
    let named_place = lexicon::place(&joined).is_some()
        || words.len() == 1 && lexicon::demonym(words[0]).is_some();
    let capitalized = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (!named_place && capitalized && !role[first_role - 1].possessive)
        .then_some((role[0].start, words))
}

/// "Amherst, N.Y.": a town with its state as news agencies abbreviate it.
pub(super) fn state_after(text: &str, end: usize) -> bool {
    text[end..].strip_prefix(", ").is_some_and(|rest| {
        let word = rest.split([' ', ',', ')', '\n']).next().unwrap_or("");
        lexicon::is_state_abbreviation(word)
    })
}
