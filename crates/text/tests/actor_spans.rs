//! Who acts, as a span of the sentence: the whole name of a body before or after a generic head
//! ("Nordic Water Board officials", "leaders of the X alliance"), weapons and vehicles of a
//! named state, and speakers of reported clauses. End to end through `extract` with the built-in
//! lexicons and a small hand-written gazetteer; each sentence is written for the rule it
//! exercises.

mod support;

use sitrep_core::{ActorKind, ActorRole, Event, EventType};

const COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
SY\tSYR\tSyria\t163843\tDamascus\t35.0\t38.0\t17000000\t\n\
JO\tJOR\tJordan\t248816\tAmman\t31.0\t36.0\t9900000\t\n";
const DEMONYMS: &str = "# demonym\tiso2\tnote\nSyrian\tSY\t\nJordanian\tJO\t\n";
const PLACES: &str = "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
250441\tAmman\t31.95\t35.93\tJO\tAmman\tP.PPLC\t1300000\t\n\
169577\tHoms\t34.73\t36.72\tSY\tHoms\tP.PPL\t775000\t\n";

fn events(text: &str) -> Vec<Event> {
    support::events_with(PLACES, COUNTRIES, DEMONYMS, text)
}

/// The written text of the first actor of role `actor` in the first event of type `t`.
fn actor_text(text: &str, t: EventType) -> String {
    let evs = events(text);
    let e = support::find(&evs, t);
    e.actors
        .iter()
        .find(|a| a.role == ActorRole::Actor)
        .and_then(|a| a.text.clone())
        .unwrap_or_else(|| panic!("no written actor in {text:?}: {e:#?}"))
}

#[test]
fn a_body_named_before_a_generic_head_is_part_of_the_actor() {
    let a = actor_text(
        "Nordic Water Board officials demanded a new survey of the river.",
        EventType::Request,
    );
    assert_eq!(a, "Nordic Water Board officials");
    // A bracketed abbreviation between the name and the head stays inside.
    let a = actor_text(
        "Baltic Grain Union (BGU) officials rejected the export quota.",
        EventType::Reject,
    );
    assert_eq!(a, "Baltic Grain Union (BGU) officials");
    // A named group before the head: one actor, the group's.
    let a = actor_text(
        "Hezbollah guerrillas attacked an army post near Homs on Friday.",
        EventType::Assault,
    );
    assert_eq!(a, "Hezbollah guerrillas");
}

#[test]
fn the_body_after_leaders_of_is_part_of_the_actor() {
    let a = actor_text(
        "Leaders of the Green Dawn opposition alliance agreed to delay the march.",
        EventType::Agree,
    );
    assert_eq!(a, "Leaders of the Green Dawn opposition alliance");
}

#[test]
fn weapons_of_a_named_state_act_for_it() {
    let evs = events("Syrian tanks shelled the outskirts of Homs on Friday.");
    let e = evs
        .iter()
        .find(|e| e.event_type == EventType::Assault)
        .expect("an attack");
    let a = e
        .actors
        .iter()
        .find(|a| a.role == ActorRole::Actor)
        .expect("an attacker");
    assert_eq!(a.text.as_deref(), Some("Syrian tanks"));
    assert_eq!(
        (a.kind, a.country.as_deref()),
        (ActorKind::StateForces, Some("SY"))
    );
}

#[test]
fn a_pronoun_after_a_dated_speech_verb_is_the_speaker() {
    // Time words between the speech verb and its clause do not hide the speaker.
    let a = actor_text(
        "Jordan said on Tuesday it had expelled two Syrian diplomats.",
        EventType::Sanction,
    );
    assert_eq!(a, "Jordan");
    // A speaker no lexicon entry covers is the phrase before the speech verb.
    let a = actor_text(
        "Delegate Ana Ruiz announced on Monday that she had rejected the proposal.",
        EventType::Reject,
    );
    assert!(a.contains("Ana Ruiz"), "{a}");
}

#[test]
fn a_subject_with_a_bracketed_abbreviation_is_read_whole() {
    let a = actor_text(
        "The Andean water forum (AWF) has rejected the dam plan.",
        EventType::Reject,
    );
    assert!(a.contains("Andean water forum"), "{a}");
}

/// Texts of the actors on the acting side (actor and partners) of the first event of type `t`.
fn acting_side(text: &str, t: EventType) -> Vec<String> {
    let evs = events(text);
    let e = support::find(&evs, t);
    e.actors
        .iter()
        .filter(|a| matches!(a.role, ActorRole::Actor | ActorRole::Partner))
        .filter_map(|a| a.text.clone())
        .collect()
}

#[test]
fn both_parties_of_a_joined_subject_act() {
    // A lower-case title after a country is still a title.
    let mut side = acting_side(
        "Jordanian leader Sami Haddad and Syrian President Omar Nasser signed a water treaty.",
        EventType::Agree,
    );
    side.sort();
    assert_eq!(
        side,
        [
            "Jordanian leader Sami Haddad",
            "Syrian President Omar Nasser"
        ]
    );
    // "X and the Y": the article does not split the pair.
    let side = acting_side(
        "Jordan and the Syrian government signed a water treaty on Monday.",
        EventType::Agree,
    );
    assert_eq!(side.len(), 2, "{side:?}");
}

#[test]
fn who_restates_a_demand_named_by_a_noun_makes_it() {
    // "reiterated its demand that X ...": the subject of the restating verb demands, and the
    // party after "that" is asked.
    let text = "The Nordic Fisheries Council reiterated its demand that Jordan reopen the port.";
    let evs = events(text);
    let e = support::find(&evs, EventType::Request);
    let actor = e.actors.iter().find(|a| a.role == ActorRole::Actor);
    assert!(
        actor
            .and_then(|a| a.text.as_deref())
            .is_some_and(|t| t.contains("Nordic Fisheries Council")),
        "{e:#?}"
    );
    let recipient = e.actors.iter().find(|a| a.role == ActorRole::Recipient);
    assert_eq!(recipient.and_then(|a| a.text.as_deref()), Some("Jordan"));
    // A day word may stand between the noun and "that".
    let text =
        "The Nordic Fisheries Council renewed its demand on Friday that Jordan reopen the port.";
    let evs = events(text);
    let e = support::find(&evs, EventType::Request);
    let recipient = e.actors.iter().find(|a| a.role == ActorRole::Recipient);
    assert_eq!(
        recipient.and_then(|a| a.text.as_deref()),
        Some("Jordan"),
        "{e:#?}"
    );
    // "issued a demand to X": a statement noun carried by "issued", addressed "to" X.
    let text = "The Baltic Grain Union issued a demand to Syria on Monday.";
    let evs = events(text);
    let e = support::find(&evs, EventType::Request);
    assert!(
        e.actors.iter().any(|a| a.role == ActorRole::Actor
            && a.text
                .as_deref()
                .is_some_and(|t| t.contains("Baltic Grain Union"))),
        "{e:#?}"
    );
    assert!(
        e.actors
            .iter()
            .any(|a| a.role == ActorRole::Recipient && a.text.as_deref() == Some("Syria")),
        "{e:#?}"
    );
}

#[test]
fn a_verb_that_drops_a_demand_does_not_make_it() {
    // "dropped its demand" gives the demand up: no speaker is read through it, so no demand is
    // coded from the noun.
    let evs =
        events("The Nordic Fisheries Council dropped its demand that Jordan reopen the port.");
    assert!(
        !evs.iter().any(|e| e.event_type == EventType::Request),
        "{evs:#?}"
    );
}
