//! Whom an act is aimed at: the party after a modal verb phrase, conjoined addressees of a
//! reported demand, the doer of misdeeds under inquiry, whom goods are taken from, the opponent
//! of a mobilisation, the parties a mediator works between, and the target of a boycott or a
//! protest's disapproval. End to end through `extract` with a small hand-written gazetteer; each
//! sentence is written for the rule it tests.

mod support;

use sitrep_core::{ActorRole, Event, EventType};

const COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
CL\tCHL\tChile\t3895114\tSantiago\t-33.0\t-71.0\t19000000\t\n\
PE\tPER\tPeru\t3932488\tLima\t-10.0\t-76.0\t33000000\t\n\
JO\tJOR\tJordan\t248816\tAmman\t31.0\t36.0\t9900000\t\n\
SY\tSYR\tSyria\t163843\tDamascus\t35.0\t38.0\t17000000\t\n";

// Approximate coordinates and populations: enough for resolution to pick these readings.
const PLACES: &str = "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
250441\tAmman\t31.95\t35.93\tJO\tAmman\tP.PPLC\t1300000\t\n\
169577\tHoms\t34.73\t36.72\tSY\tHoms\tP.PPL\t775000\t\n";

fn events(text: &str) -> Vec<Event> {
    support::events_with(
        PLACES,
        COUNTRIES,
        "# demonym\tiso2\tnote\nChilean\tCL\t\nPeruvian\tPE\t\nSyrian\tSY\t\n",
        text,
    )
}

/// Written texts of the first `t` event's recipients.
fn recipients(text: &str, t: EventType) -> Vec<String> {
    let evs = events(text);
    let e = support::find(&evs, t);
    e.actors
        .iter()
        .filter(|a| a.role == ActorRole::Recipient)
        .filter_map(|a| a.text.clone())
        .collect()
}

#[test]
fn the_object_of_a_modal_support_phrase_is_its_recipient() {
    assert_eq!(
        recipients(
            "Chile will support Peru's bid to host the next summit.",
            EventType::Support
        ),
        vec!["Peru"]
    );
    // No party in the object: nothing to receive the support, least of all the subject.
    assert!(recipients("Chile will support the new trade plan.", EventType::Support).is_empty());
}

#[test]
fn people_in_a_relative_clause_on_a_place_are_not_the_target() {
    let r = recipients(
        "Syria lifted the curfew in Homs, where four people died in clashes last month.",
        EventType::Concede,
    );
    assert!(!r.iter().any(|x| x == "people"), "{r:?}");
    // Without the relative clause the people acted on remain the target.
    assert_eq!(
        recipients(
            "Syria lifted the travel ban on the farmers of Homs.",
            EventType::Concede
        ),
        vec!["farmers"]
    );
}

#[test]
fn every_addressee_of_a_reported_demand_is_a_recipient() {
    assert_eq!(
        recipients(
            "The rebels said that President Lopez and his ministers must accept the new charter.",
            EventType::Request
        ),
        vec!["President Lopez", "ministers"]
    );
    assert_eq!(
        recipients(
            "The rebels said that President Lopez must accept the new charter.",
            EventType::Request
        ),
        vec!["President Lopez"]
    );
}

#[test]
fn the_doer_of_misdeeds_under_inquiry_is_the_accused() {
    let r = recipients(
        "Jordan is investigating alleged abuses by border guards against migrants.",
        EventType::Accuse,
    );
    assert_eq!(
        r.first().map(String::as_str),
        Some("border guards"),
        "{r:?}"
    );
    // "by" after a word that is no misdeed keeps its usual reading.
    let evs = events("Jordan is investigating a complaint filed by border guards.");
    let e = support::find(&evs, EventType::Accuse);
    assert!(
        !e.actors
            .iter()
            .any(|a| a.role == ActorRole::Recipient && a.text.as_deref() == Some("border guards")),
        "{e:#?}"
    );
}

#[test]
fn whom_goods_are_taken_from_is_the_target() {
    assert_eq!(
        recipients(
            "Police confiscated rifles and ammunition from the smugglers.",
            EventType::Coerce
        ),
        vec!["smugglers"]
    );
    // An arrest is not a taking: the party after "from" is no target of it.
    let r = recipients(
        "Police arrested the couriers near the border with rifles from the smugglers.",
        EventType::Coerce,
    );
    assert!(!r.iter().any(|x| x == "smugglers"), "{r:?}");
}

#[test]
fn a_mobilisation_targets_the_opponent_not_its_own_forces() {
    let r = recipients(
        "Jordan mobilized army reservists for a possible war against Syria.",
        EventType::Mobilize,
    );
    assert_eq!(r, vec!["Syria"]);
    let r = recipients(
        "Jordan mobilized army reservists after the floods.",
        EventType::Mobilize,
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_mediator_acts_on_the_parties_it_mediates_between() {
    assert_eq!(
        recipients(
            "Jordan launched a mediation effort on Monday between Chile and Peru.",
            EventType::Consult
        ),
        vec!["Chile", "Peru"]
    );
    // Talks between parties have no third party to act on them.
    let evs = events("Envoys held talks on Monday between Chile and Peru.");
    let e = support::find(&evs, EventType::Consult);
    assert!(
        !e.actors.iter().any(|a| a.role == ActorRole::Recipient),
        "{e:#?}"
    );
}

#[test]
fn a_boycott_targets_the_party_dealt_with_or_whose_affair_it_is() {
    assert_eq!(
        recipients(
            "The opposition said it would boycott all contact with Chile.",
            EventType::Threaten
        ),
        vec!["Chile"]
    );
    assert_eq!(
        recipients(
            "The opposition said it would boycott Peru's referendum.",
            EventType::Threaten
        ),
        vec!["Peru"]
    );
    assert_eq!(
        recipients(
            "Farmers blocked a highway to show their disapproval of Chile's trade policy.",
            EventType::Protest
        ),
        vec!["Chile"]
    );
    // Marching with a party is no protest against it.
    let r = recipients(
        "Students marched with workers from Chile through the capital.",
        EventType::Protest,
    );
    assert!(r.is_empty(), "{r:?}");
}
