use super::*;
use crate::analysis::sentences;
use crate::corpus::{self, Document};
use crate::story::EntityKind;

fn corpus_of(texts: &[&str]) -> Vec<Document> {
    let names: Vec<String> = (0..texts.len()).map(|i| format!("{i}.txt")).collect();
    let files: Vec<(&str, &[u8])> = names
        .iter()
        .zip(texts)
        .map(|(n, t)| (n.as_str(), t.as_bytes()))
        .collect();
    corpus::load_in_memory(&files).documents
}

fn run(texts: &[&str]) -> Entities {
    let docs = corpus_of(texts);
    let sents = docs
        .iter()
        .map(|d| (d.id.clone(), sentences::split(d)))
        .collect();
    extract(&docs, &sents)
}

fn find<'a>(e: &'a Entities, name: &str) -> &'a Entity {
    e.entities
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:#?}", names(e)))
}

/// The names of the people found, in order.
fn person_names(e: &Entities) -> Vec<String> {
    names(e)
        .into_iter()
        .filter(|(_, k)| *k == EntityKind::Person)
        .map(|(n, _)| n)
        .collect()
}

fn names(e: &Entities) -> Vec<(String, EntityKind)> {
    e.entities
        .iter()
        .map(|x| (x.name.clone(), x.kind))
        .collect()
}

#[test]
fn roles_split_from_names_and_surnames_merge() {
    let e = run(&[
        "Mayor Signs Budget Deal\n\nCity spokeswoman Laura Brandt said on Monday that Mayor Tomas Ortega had signed the budget. Ortega said the deal was fair. The council voted 7-2, Brandt said.",
    ]);
    let ortega = find(&e, "Tomas Ortega");
    assert_eq!(ortega.kind, EntityKind::Person);
    assert!(
        ortega.roles.iter().any(|r| r == "Mayor"),
        "{:?}",
        ortega.roles
    );
    assert_eq!(ortega.mentions.len(), 2);
    let brandt = find(&e, "Laura Brandt");
    assert_eq!(brandt.roles, ["City spokeswoman"]);
    assert_eq!(brandt.mentions.len(), 2);
    // Headline case: "Mayor Signs Budget Deal" names nobody.
    assert!(!names(&e).iter().any(|(n, _)| n.contains("Signs")));
}

#[test]
fn organizations_places_acronyms_and_other_names() {
    let e = run(&[
        "Talks Resume\n\nThe Organization of Petroleum Exporting Countries (OPEC) met in Vienna on Monday. Delegates from Kiev said OPEC would act. The Energy Ministry said prices would fall.",
        "Oil Prices Slide\n\nMinisters met in Kyiv. The Knesset said nothing.",
    ]);
    let opec = find(&e, "Organization of Petroleum Exporting Countries");
    assert_eq!(opec.kind, EntityKind::Organization);
    assert!(opec.aliases.contains(&"OPEC".to_string()));
    assert_eq!(opec.mentions.len(), 3);
    let kyiv = find(&e, "Kyiv");
    assert_eq!(kyiv.kind, EntityKind::Place);
    assert_eq!(kyiv.mentions.len(), 2);
    assert_eq!(find(&e, "Vienna").kind, EntityKind::Place);
    assert_eq!(find(&e, "Energy Ministry").kind, EntityKind::Organization);
    assert_eq!(find(&e, "Knesset").kind, EntityKind::Organization);
    assert!(
        !names(&e)
            .iter()
            .any(|(n, _)| n == "Delegates" || n == "Ministers")
    );
}

#[test]
fn namesakes_stay_apart_and_sentence_openers_are_not_names() {
    let e = run(&[
        "Strike Ends\n\nUnion leader Marta Kowalczyk said the strike was over. Dock worker Piotr Kowalczyk said he was tired. Kowalczyk added that he would rest. Despite the deal, Marta Kowalczyk warned of new strikes. Kowalczyk said members would vote.",
    ]);
    let marta = find(&e, "Marta Kowalczyk");
    let piotr = find(&e, "Piotr Kowalczyk");
    assert_eq!(marta.mentions.len(), 3);
    assert_eq!(piotr.mentions.len(), 2);
    assert!(
        !names(&e)
            .iter()
            .any(|(n, _)| n == "Despite" || n == "Kowalczyk")
    );
}

#[test]
fn plural_nouns_opening_sentences_are_not_people() {
    let e = run(&[
        "Port Reopens\n\nEconomists said the port would reopen on Friday. Okafor said the cranes were ready. Shipping resumed, said Okafor.",
        "Cargo Moves Again\n\nEconomists said traffic would recover. Residents said the noise was back.",
    ]);
    let found = names(&e);
    assert!(
        !found
            .iter()
            .any(|(n, _)| n == "Economists" || n == "Residents"),
        "{found:?}"
    );
    // A surname seen mid-sentence too stays a person, opening sentences or not.
    assert_eq!(find(&e, "Okafor").kind, EntityKind::Person);
    assert_eq!(find(&e, "Okafor").mentions.len(), 2);
}

#[test]
fn appositive_roles_and_affiliations() {
    let e = run(&[
        "Border Talks\n\nPrime Minister Anna Lindqvist met Kemal Arslan, the foreign minister of Turkey, in Ankara. Swedish diplomat Erik Berg said the talks went well. Turkey wants a deal, Arslan said.",
    ]);
    let arslan = find(&e, "Kemal Arslan");
    assert_eq!(arslan.roles, ["foreign minister of Turkey"]);
    let turkey = find(&e, "Turkey");
    assert!(
        e.affiliations
            .iter()
            .any(|a| a.person == arslan.id && a.org == turkey.id)
    );
    let berg = find(&e, "Erik Berg");
    assert_eq!(berg.roles, ["Swedish diplomat"]);
    assert_eq!(find(&e, "Anna Lindqvist").roles, ["Prime Minister"]);
}

#[test]
fn only_headline_and_body_count() {
    let docs = corpus_of(&[
        "Vote Delayed\n\nSenator Ruth Ames said the vote was delayed.\n\nPhoto: Karl Jensen/Reuters\n\n3 Comments\n\nGreta Holm\nThis is a disgrace, says Holm.",
    ]);
    let sents = docs
        .iter()
        .map(|d| (d.id.clone(), sentences::split(d)))
        .collect();
    let e = extract(&docs, &sents);
    let all: Vec<String> = e.entities.iter().map(|x| x.name.clone()).collect();
    assert!(all.contains(&"Ruth Ames".to_string()), "{all:?}");
    assert!(
        !all.iter()
            .any(|n| n.contains("Jensen") || n.contains("Holm") || n == "Reuters"),
        "{all:?}"
    );
}

#[test]
fn offices_time_zones_and_currencies_in_capitals_are_no_bodies() {
    let e = run(&[
        "Plant Sold\n\nThe CEO of Norsk Metall, Ada Lund, told staff at 9 a.m. EDT (2 p.m. BST) that the USD 40 million sale to the IMF was done. The CFO agreed.",
    ]);
    for word in ["CEO", "CFO", "EDT", "BST", "USD"] {
        assert!(
            !e.entities.iter().any(|x| x.name == word),
            "{word} read as an entity: {:?}",
            e.entities.iter().map(|x| &x.name).collect::<Vec<_>>()
        );
    }
    assert_eq!(find(&e, "IMF").kind, EntityKind::Organization);
}

#[test]
fn what_a_role_is_held_of_is_no_person() {
    let e = run(&[
        "Harbour start-ups grow\n\nOla Moe is the CEO of Kvasslo, a start-up that sells ferry tickets. \"Video matters,\" says Per Dahl, co-founder and CEO of Brimnes. Eva Berg, Senior Vice President of Technology at the port, and the General Manager of the terminal said sales rose. Secretary of State Ada Lund visited on Monday.",
    ]);
    for org in ["Kvasslo", "Brimnes"] {
        assert_eq!(find(&e, org).kind, EntityKind::Organization, "{org}");
    }
    let people = person_names(&e);
    assert_eq!(people, ["Ola Moe", "Per Dahl", "Eva Berg", "Ada Lund"]);
}

#[test]
fn a_function_word_opening_a_sentence_is_no_part_of_a_name() {
    // "So" is a given name too; "I’m" is no name at all.
    let e = run(&[
        "Review news\n\nThe reviewer told Ola Moe to go ahead. So Ola Moe published his fix, said Per Dahl. I’m sure, Dahl said.",
    ]);
    let people = person_names(&e);
    assert_eq!(people, ["Ola Moe", "Per Dahl"]);
}

#[test]
fn a_city_that_is_someones_name_is_them() {
    let e = run(&[
        "Dive lost\n\nOceanGate CEO Stockton Rush was aboard. “Stockton chose his path,” a friend said. Relatives flew in from Miami on Monday.",
    ]);
    assert_eq!(find(&e, "Miami").kind, EntityKind::Place);
    assert_eq!(find(&e, "Stockton Rush").kind, EntityKind::Person);
    assert!(
        !names(&e).contains(&("Stockton".to_string(), EntityKind::Place)),
        "{:?}",
        names(&e)
    );
}

#[test]
fn a_titled_person_of_a_known_place_is_the_person() {
    let e = run(&[
        "Lawmakers object\n\nSenator Ola Moe of New Hampshire and Representative Per Dahl of Texas, both Republicans, spoke on Monday. Moe said the ruling was wrong.",
    ]);
    assert_eq!(find(&e, "Ola Moe").kind, EntityKind::Person);
    assert_eq!(find(&e, "Per Dahl").kind, EntityKind::Person);
    assert_eq!(find(&e, "New Hampshire").kind, EntityKind::Place);
}

#[test]
fn peoples_parties_and_faiths_are_no_persons() {
    let e = run(&[
        "Ferry row\n\nThe ferry angered Norwegian Americans, said Ola Moe. One Indiana Republican has asked questions. Moe is a devout Roman Catholic. Twelve Americans were on board, Moe told Nordlys Television. The ambassador to Norway Eva Berg said on Monday that Berg had met Moe. Moe lives in Amherst, N.Y., and Berg said Amherst was calm. Chad Per Lund said he agreed.",
    ]);
    let people = person_names(&e);
    // "Chad" is a country and a given name: a name here, not after "to".
    assert_eq!(people, ["Ola Moe", "Eva Berg", "Chad Per Lund"]);
    assert_eq!(find(&e, "Eva Berg").mentions.len(), 3);
    assert_eq!(find(&e, "Amherst").kind, EntityKind::Place);
    assert_eq!(
        find(&e, "Nordlys Television").kind,
        EntityKind::Organization
    );
}

#[test]
fn a_full_name_ending_in_a_surname_named_on_a_firm_cue_is_that_person() {
    // "Kvarn Tolo" has no cue of its own; "Tolo, 24," is a person's surname.
    let e = run(&[
        "Suspect held\n\nThe suspect -- Kvarn Holt Tolo -- appeared in court. Tolo, 24, rented a house in the port.",
    ]);
    assert_eq!(find(&e, "Kvarn Holt Tolo").kind, EntityKind::Person);
    assert_eq!(find(&e, "Kvarn Holt Tolo").mentions.len(), 2);
}

#[test]
fn a_name_in_initials_is_no_acronym_of_a_longer_one() {
    // The initials of "K.N. Navy" are K and N, but "K.N." stands for two words of its own.
    let e = run(&[
        "Vote Nears\n\nThe K.N. said on Monday it would act. The K.N. has a fleet. The race for K.N. Navy posts was tight, the K.N. Navy said.",
    ]);
    let navy = find(&e, "K.N. Navy");
    assert_eq!(navy.mentions.len(), 2, "{:?}", navy.aliases);
}

#[test]
fn a_role_opening_a_sentence_titles_the_name_after_it() {
    // "secretary" is written in lower case elsewhere: still the role of the name it opens.
    let e = run(&[
        "Talks\n\nSecretary of State Ada Lund has invited the ministers. The secretary spoke.",
    ]);
    let lund = find(&e, "Ada Lund");
    assert_eq!(lund.kind, EntityKind::Person);
    assert_eq!(lund.roles, ["Secretary of State"]);
    assert_eq!(names(&e).len(), 1, "{:?}", names(&e));
}

#[test]
fn names_with_lower_case_particles_stay_whole() {
    let e = run(&[
        "Talks Resume\n\nPresident Kiprono arap Lagat met Commissioner Ada von der Berg in Oslo on Monday. Lagat said the talks went well. Von der Berg said she agreed. Prosecutors said Omar al-Haddad, 48, lied to them. Al-Haddad said he was innocent, and Haddad said it again on Tuesday.",
    ]);
    let people = person_names(&e);
    assert_eq!(
        people,
        ["Kiprono arap Lagat", "Ada von der Berg", "Omar al-Haddad"],
        "{:#?}",
        names(&e)
    );
    assert_eq!(find(&e, "Kiprono arap Lagat").mentions.len(), 2);
    assert_eq!(find(&e, "Ada von der Berg").mentions.len(), 2);
    assert_eq!(find(&e, "Omar al-Haddad").mentions.len(), 3);
}

#[test]
fn given_names_alone_fold_into_the_full_name_they_open() {
    let e = run(&[
        "Father Waits\n\nJuan Carlos Ortega said on Monday that he would fly to Oslo. Juan Carlos Ortega met the minister. Juan Carlos told reporters he was tired. Western diplomats said the visit would go ahead.",
    ]);
    assert_eq!(person_names(&e), ["Juan Carlos Ortega"], "{:#?}", names(&e));
    assert_eq!(find(&e, "Juan Carlos Ortega").mentions.len(), 3);
}

#[test]
fn given_names_stay_apart_from_a_longer_name_written_less() {
    let e = run(&[
        "Launch\n\nMary Ann said on Monday the code was ready. Mary Ann wrote it. Mary Ann said she was proud. In 2017 she was given a Mary Ann Dahl figure by her colleague Per Dahl.",
    ]);
    let people = person_names(&e);
    assert!(people.contains(&"Mary Ann".to_string()), "{:#?}", names(&e));
}

#[test]
fn a_brand_written_in_two_capitalized_parts_is_no_person() {
    let e = run(&[
        "Office Suite\n\nBrightDesk said on Monday that its new release was ready. BrightDesk Online told users to upgrade, and Tom McCarthy said he liked it. Ron DeSantis said nothing.",
    ]);
    assert_eq!(
        person_names(&e),
        ["Tom McCarthy", "Ron DeSantis"],
        "{:#?}",
        names(&e)
    );
    assert_eq!(find(&e, "BrightDesk Online").kind, EntityKind::Organization);
}

#[test]
fn company_suffixes_name_companies_even_in_the_possessive() {
    let e = run(&[
        "Chips\n\nDahlberg Corp.'s newest chip has flaws, analysts said. Lundqvist Co. said on Monday that sales rose. Moe Securities and Berg Partners AG advised the buyer, said Per Dahl.",
    ]);
    assert_eq!(person_names(&e), ["Per Dahl"], "{:#?}", names(&e));
    assert_eq!(find(&e, "Lundqvist Co").kind, EntityKind::Organization);
    assert_eq!(find(&e, "Moe Securities").kind, EntityKind::Organization);
}

#[test]
fn counties_roads_corps_hotels_and_faiths_are_no_people() {
    let e = run(&[
        "Storm\n\nSoviet officials said on Monday that Halden County was flooded. Halden County said roads were closed, and Berg Road was under water. The Marine Corps said it would help; the Lund Hotel said guests were safe. Jews and Hindus prayed together, said Ada Lund.",
    ]);
    assert_eq!(person_names(&e), ["Ada Lund"], "{:#?}", names(&e));
    assert_eq!(find(&e, "Halden County").kind, EntityKind::Place);
}

#[test]
fn a_company_named_short_is_the_company_not_a_person() {
    let e = run(&[
        "Deal\n\nHalvard Moe Industries Inc. agreed to buy a rival, it said on Monday. Halvard Moe said the price was fair, and Halvard Moe expects the deal to close in May. Chairman Per Dahl said Dahl Holdings Inc. had not been told.",
    ]);
    assert_eq!(person_names(&e), ["Per Dahl"], "{:#?}", names(&e));
    assert_eq!(find(&e, "Halvard Moe Industries Inc").mentions.len(), 3);
}

#[test]
fn a_firm_in_apposition_and_a_registered_name_are_no_acronym_or_person() {
    let e = run(&[
        "Bid\n\nThe SEC said on Monday it would look at the bid. Sondre Electric Co. agreed to sell a unit. Varnier, a vaccine and bioresearch firm based in Lyon, said its offer stood. Varnier Holdings Corp. said on Tuesday that the talks went on.",
    ]);
    assert!(person_names(&e).is_empty(), "{:#?}", names(&e));
    assert_eq!(find(&e, "SEC").mentions.len(), 1);
    assert_eq!(find(&e, "Varnier Holdings Corp").mentions.len(), 2);
}

#[test]
fn a_company_is_shown_by_the_name_it_goes_by() {
    let e = run(&[
        "Results\n\nKestrel Inc. said on Monday that sales rose. Kestrel said its new plant would open in May, and Kestrel expects more orders.",
    ]);
    let kestrel = find(&e, "Kestrel");
    assert_eq!(kestrel.kind, EntityKind::Organization);
    assert_eq!(kestrel.mentions.len(), 3);
}

#[test]
fn a_short_company_name_follows_its_company_into_a_longer_one() {
    use super::merge::merge_company_short_names;
    use super::table::Draft;
    let draft = |kind, name: &str, n| Draft {
        kind,
        name: name.to_string(),
        forms: [(name.to_string(), n)].into_iter().collect(),
        roles: Vec::new(),
        acronym: None,
        mentions: Vec::new(),
        first_seen: (0, "0.txt".to_string(), 0),
    };
    let mut drafts = vec![
        draft(EntityKind::Organization, "Kestrel Inc", 1),
        draft(EntityKind::Organization, "Kestrel Inc Holdings Group", 1),
        draft(EntityKind::Person, "Kestrel", 5),
    ];
    merge_company_short_names(&mut drafts);
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].forms.values().sum::<usize>(), 7);
}
