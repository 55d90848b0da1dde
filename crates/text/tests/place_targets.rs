//! Targets read from places and nationality words: a place an act is done to, when no party is
//! named, and the nation behind a rejected or accepted proposal. End to end through `extract` with
//! a small hand-written gazetteer; each sentence is written for the rule it tests.

mod support;

use sitrep_core::{ActorKind, ActorRole, Event, EventType};

const COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
TD\tTCD\tChad\t2434508\tN'Djamena\t15.0\t19.0\t16000000\t\n\
JO\tJOR\tJordan\t248816\tAmman\t31.0\t36.0\t9900000\t\n\
FR\tFRA\tFrance\t3017382\tParis\t46.0\t2.0\t67000000\t\n";

// Approximate coordinates and populations: enough for resolution to pick these readings.
const PLACES: &str = "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
250441\tAmman\t31.95\t35.93\tJO\tAmman\tP.PPLC\t1300000\t\n\
2988507\tParis\t48.85\t2.35\tFR\tIle-de-France\tP.PPLC\t2100000\t\n\
2427123\tAbeche\t13.83\t20.83\tTD\tOuaddai\tP.PPL\t75000\tAbéché\n";

fn events(text: &str) -> Vec<Event> {
    support::events_with(
        PLACES,
        COUNTRIES,
        "# demonym\tiso2\tnote\nChadian\tTD\t\nFrench\tFR\t\n",
        text,
    )
}

/// Texts and kinds of the first `t` event's actors in `role`.
fn role_texts(text: &str, t: EventType, role: ActorRole) -> Vec<(String, ActorKind)> {
    let evs = events(text);
    let e = support::find(&evs, t);
    e.actors
        .iter()
        .filter(|a| a.role == role)
        .filter_map(|a| Some((a.text.clone()?, a.kind)))
        .collect()
}

fn recipients(text: &str, t: EventType) -> Vec<(String, ActorKind)> {
    role_texts(text, t, ActorRole::Recipient)
}

fn actor_texts(text: &str, t: EventType) -> Vec<(String, ActorKind)> {
    role_texts(text, t, ActorRole::Actor)
}

#[test]
fn a_place_restricted_left_or_visited_is_the_target() {
    assert_eq!(
        recipients(
            "The army imposed a night curfew in Abeche after two days of unrest.",
            EventType::Coerce
        ),
        vec![("Abeche".to_string(), ActorKind::Unknown)]
    );
    assert_eq!(
        recipients(
            "France will withdraw its last soldiers from Chad by the end of the year.",
            EventType::Retreat
        ),
        vec![("Chad".to_string(), ActorKind::Government)]
    );
    let visit = recipients(
        "The Iraqi foreign minister arrived in Amman on Tuesday for a two-day visit.",
        EventType::Consult,
    );
    assert_eq!(visit, vec![("Amman".to_string(), ActorKind::Unknown)]);
}

#[test]
fn a_place_that_only_says_where_or_what_kind_is_no_target() {
    // Where a meeting is held is its venue, not the other party.
    assert!(recipients(
        "The two foreign ministers held talks in Amman on Tuesday.",
        EventType::Consult
    )
    .iter()
    .all(|(t, _)| t != "Amman"));
    // A place naming the thing attacked modifies it.
    assert!(recipients(
        "Gunmen launched an assault on an Abeche army base overnight.",
        EventType::Assault
    )
    .iter()
    .all(|(t, _)| t != "Abeche"));
    // A party named after the verb wins over the place.
    assert_eq!(
        recipients(
            "Police arrested 12 protesters in Paris on Saturday.",
            EventType::Coerce
        ),
        vec![("protesters".to_string(), ActorKind::Protesters)]
    );
}

#[test]
fn whoever_made_a_rejected_proposal_is_the_counterpart() {
    assert_eq!(
        recipients(
            "The rebels rejected a Chadian proposal to disarm their fighters.",
            EventType::Reject
        ),
        vec![("Chadian".to_string(), ActorKind::Government)]
    );
    // The proposal's owner outranks the people the proposal is about.
    let r = recipients(
        "The government turned down a French request to question the detained protesters.",
        EventType::Reject,
    );
    assert_eq!(r, vec![("French".to_string(), ActorKind::Government)]);
    // "calls by X": the owner follows the proposal.
    let r = recipients(
        "The opposition party rejected calls by the army for new elections.",
        EventType::Reject,
    );
    assert_eq!(r.first().map(|x| x.0.as_str()), Some("army"));
    // A nationality word outside the proposal's phrase is not its owner.
    let r = recipients(
        "The rebels rejected the plan on Monday, a Chadian official said.",
        EventType::Reject,
    );
    assert!(r.iter().all(|(t, _)| t != "Chadian"), "{r:?}");
}

#[test]
fn a_capital_or_country_as_subject_of_policy_is_its_government() {
    assert_eq!(
        actor_texts(
            "Paris has rejected calls by the rebels for new talks.",
            EventType::Reject
        ),
        vec![("Paris".to_string(), ActorKind::Government)]
    );
    // "calls by the rebels" names who called, not who rejected: the verb stays active.
    assert_eq!(
        recipients(
            "Paris has rejected calls by the rebels for new talks.",
            EventType::Reject
        )
        .first()
        .map(|r| r.0.clone()),
        Some("rebels".to_string())
    );
    // A place after a preposition is where the speaker is, not the speaker.
    assert!(actor_texts(
        "The envoy in Amman rejected the plan on Monday.",
        EventType::Reject
    )
    .iter()
    .all(|(t, _)| t != "Amman"));
    // A true passive keeps its agent after "by".
    assert_eq!(
        actor_texts(
            "Protesters were arrested in the capital by police.",
            EventType::Coerce
        ),
        vec![("police".to_string(), ActorKind::StateForces)]
    );
}
