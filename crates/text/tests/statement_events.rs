//! Place and status of statements and reported happenings, end to end through `extract` with the
//! built-in lexicons and a small hand-written gazetteer. Each sentence is written for the rule it
//! exercises.

mod support;
use support::{country, find};

use sitrep_core::{ActorRole, Event, EventStatus, EventType};

const COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
SY\tSYR\tSyria\t163843\tDamascus\t35.0\t38.0\t17000000\t\n\
JO\tJOR\tJordan\t248816\tAmman\t31.0\t36.0\t9900000\t\n\
TR\tTUR\tTurkey\t298795\tAnkara\t39.0\t35.0\t82000000\t\n\
US\tUSA\tUnited States\t6252001\tWashington\t39.8\t-98.5\t330000000\t\n";
const DEMONYMS: &str = "# demonym\tiso2\tnote\nSyrian\tSY\t\nTurkish\tTR\t\nJordanian\tJO\t\n";
const PLACES: &str = "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
250441\tAmman\t31.95\t35.93\tJO\tAmman\tP.PPLC\t1300000\t\n\
170654\tDamascus\t33.51\t36.29\tSY\tDimashq\tP.PPLC\t1570000\t\n\
169577\tHoms\t34.73\t36.72\tSY\tHoms\tP.PPL\t775000\t\n\
5128581\tNew York City\t40.71\t-74.01\tUS\tNew York\tP.PPL\t8800000\t\n";

fn events(text: &str) -> Vec<Event> {
    support::events_with(PLACES, COUNTRIES, DEMONYMS, text)
}

#[test]
fn a_statement_is_placed_where_it_is_made_not_at_its_addressee() {
    // The addressee is no venue: the speaker's country stands in.
    let evs =
        events("The Turkish foreign minister urged Syria on Monday to release the reporters.");
    let e = find(&evs, EventType::Request);
    let from_addressee = e
        .location
        .as_ref()
        .is_some_and(|l| l.text.as_deref() == Some("Syria") && l.span.is_some());
    assert!(!from_addressee, "{e:#?}");
    // A place after "in" is the venue.
    let evs = events(
        "Speaking to reporters in Amman, the Turkish foreign minister urged Syria to release them.",
    );
    let e = find(&evs, EventType::Request);
    assert_eq!(country(e), Some("JO"), "{e:#?}");
    let evs = events(
        "The Turkish foreign minister met reporters in the capital city of Amman and urged Syria \
         to release them.",
    );
    let e = find(&evs, EventType::Request);
    assert_eq!(country(e), Some("JO"), "{e:#?}");
}

#[test]
fn a_happening_in_a_since_clause_is_background() {
    let evs = events("Aid deliveries have stopped since militants attacked a convoy near Homs.");
    let e = find(&evs, EventType::Assault);
    assert_eq!(e.status, EventStatus::Background);
    // A "since" before a date is no clause: the happening is news.
    let evs = events("Militants have attacked a convoy near Homs since Monday.");
    assert_ne!(
        find(&evs, EventType::Assault).status,
        EventStatus::Background
    );
}

#[test]
fn what_should_or_must_happen_is_no_event() {
    let evs = events("No one should be detained for talking to reporters, the lawyer said.");
    assert!(!evs.iter().any(|e| e.event_type == EventType::Coerce
        && matches!(e.status, EventStatus::Occurred | EventStatus::Claimed)));
}

#[test]
fn an_ordered_arrest_is_a_warrant_not_an_arrest() {
    let evs =
        events("Prosecutors in Damascus on Monday ordered the arrest of the former minister.");
    assert!(
        !evs.iter().any(|e| e.event_type == EventType::Coerce),
        "{evs:#?}"
    );
    let e = find(&evs, EventType::Threaten);
    assert_eq!(e.mode.as_deref(), Some("arrest"));
    assert_eq!(e.status, EventStatus::Threatened);
}

#[test]
fn a_possible_sanction_anywhere_in_the_clause_is_not_imposed() {
    let evs = events(
        "The possible measures against the officials will include an asset freeze on their accounts.",
    );
    assert!(
        !evs.iter().any(|e| e.event_type == EventType::Sanction),
        "{evs:#?}"
    );
    let evs = events("New sanctions against Syria are in parliament awaiting a final vote.");
    assert!(
        !evs.iter().any(|e| e.event_type == EventType::Sanction),
        "{evs:#?}"
    );
}

#[test]
fn the_speaker_of_a_report_is_not_the_victim_it_reports() {
    let evs =
        events("Syrian officials said the commander was killed in an air strike on Thursday.");
    let e = find(&evs, EventType::Assault);
    assert!(
        !e.actors.iter().any(|a| a.role == ActorRole::Recipient
            && a.text.as_deref().is_some_and(|t| t.contains("officials"))),
        "{e:#?}"
    );
}

#[test]
fn a_demand_does_not_reach_into_the_next_main_clause() {
    let evs = events(
        "Envoys in Amman called for an end to the fighting, and the government in Damascus \
         announced a ceasefire on Monday.",
    );
    assert!(
        evs.iter().any(|e| e.event_type == EventType::Retreat),
        "{evs:#?}"
    );
}

#[test]
fn a_dateline_is_the_venue_of_a_statement() {
    let evs = events("AMMAN — The Turkish foreign minister on Monday urged Syria to release them.");
    let e = find(&evs, EventType::Request);
    assert_eq!(country(e), Some("JO"), "{e:#?}");
}

#[test]
fn a_capital_named_as_the_speaker_places_the_statement() {
    let evs = events("Amman has urged Damascus to reopen the border crossing.");
    let e = find(&evs, EventType::Request);
    assert_eq!(country(e), Some("JO"), "{e:#?}");
}

#[test]
fn a_un_chief_or_ambassador_speaks_at_the_headquarters() {
    let evs = events("The U.N. Secretary-General on Monday condemned the shelling of Homs.");
    let e = find(&evs, EventType::Accuse);
    let town = e.location.as_ref().and_then(|l| l.name.as_deref());
    assert_eq!(town, Some("New York City"), "{e:#?}");
    let evs =
        events("Jordan's ambassador to the United Nations urged Syria to open the crossings.");
    let e = find(&evs, EventType::Request);
    assert_eq!(country(e), Some("US"), "{e:#?}");
    // A body named only as the addressee puts nothing at its seat.
    let evs = events("The Turkish foreign minister urged the Security Council to act on Syria.");
    let e = find(&evs, EventType::Request);
    assert_ne!(country(e), Some("US"), "{e:#?}");
}

#[test]
fn a_place_in_a_following_as_clause_is_not_the_venue_of_a_statement() {
    let evs = events(
        "The Turkish foreign minister condemned the violence, as three people were killed in Homs.",
    );
    let e = find(&evs, EventType::Accuse);
    let town = e.location.as_ref().and_then(|l| l.name.as_deref());
    assert_ne!(town, Some("Homs"), "{e:#?}");
}

#[test]
fn a_statement_told_again_without_its_speaker_is_one_event() {
    let evs = events(
        "Turkey threatened Syria with sanctions on Monday over the border closure. The warning \
         came as trucks queued at the crossing. It also threatened to close its airspace to \
         Syrian flights.",
    );
    let n = evs
        .iter()
        .filter(|e| e.event_type == EventType::Threaten)
        .count();
    assert_eq!(n, 1, "{evs:#?}");
}

#[test]
fn a_name_hyphenated_to_a_participle_is_no_party() {
    let evs = events(
        "Jordanian diplomats urged Syria on Monday to accept a Turkey-brokered truce or face \
         more sanctions.",
    );
    assert!(
        evs.iter().all(|e| e
            .actors
            .iter()
            .all(|a| a.role != ActorRole::Actor || a.country.as_deref() != Some("TR"))),
        "{evs:#?}"
    );
    let evs = events("Jordan urged Syria to accept a U.S.-backed plan for the crossings.");
    assert!(
        evs.iter().all(|e| e.event_type != EventType::Support),
        "{evs:#?}"
    );
}

#[test]
fn the_statement_as_subject_speaks_for_whoever_issued_it() {
    let evs = events(
        "The Turkish foreign minister issued a statement on Monday about the border. The \
         statement threatened sanctions against Syria.",
    );
    let e = find(&evs, EventType::Threaten);
    assert!(
        e.actors.iter().any(|a| a.role == ActorRole::Actor
            && a.text.as_deref().is_some_and(|t| t.contains("minister"))),
        "{e:#?}"
    );
}

#[test]
fn a_present_passive_in_a_relative_clause_is_a_state_not_an_event() {
    let evs = events("Turkey is studying a truce plan that is supported by Jordan.");
    assert!(
        evs.iter().all(|e| e.event_type != EventType::Support),
        "{evs:#?}"
    );
    // A main-clause passive is the happening itself.
    let evs = events("The truce plan was supported by Jordan on Monday.");
    find(&evs, EventType::Support);
}

#[test]
fn an_analysts_view_is_no_statement_event() {
    let evs = events("Security analyst Omar Haddad welcomed the move by Jordan on Monday.");
    assert!(
        evs.iter().all(|e| e.event_type != EventType::Support),
        "{evs:#?}"
    );
    // A party's welcome is coded.
    let evs = events("The Jordanian government welcomed the move by Turkey on Monday.");
    find(&evs, EventType::Support);
}

#[test]
fn a_quote_retelling_the_news_is_the_same_event() {
    // The quote dates and places the killing loosely ("Today", "in Syria"): still one attack.
    let evs = events(
        "Syrian troops killed the rebel commander in an airstrike near Homs on Thursday. \
         \"Today the leader of the rebels in Syria was killed,\" the Syrian president wrote.",
    );
    let n = evs
        .iter()
        .filter(|e| e.event_type == EventType::Assault)
        .count();
    assert_eq!(n, 1, "{evs:#?}");
    // Told in the writer's own voice, a second killing elsewhere stays its own event.
    let evs = events(
        "Syrian troops killed the rebel commander in an airstrike near Homs on Thursday. \
         Gunmen killed a Jordanian officer in Amman on Friday.",
    );
    let n = evs
        .iter()
        .filter(|e| e.event_type == EventType::Assault)
        .count();
    assert_eq!(n, 2, "{evs:#?}");
}
