//! Type, mode and ACLED sub-event type of short reports, end to end through `extract` with the
//! built-in lexicons (no gazetteer). Each sentence is written for the rule it exercises.

use sitrep_core::{Document, DocumentFormat, Event, EventType, OffsetMap};
use sitrep_text::{extract, ExtractOptions, Resources};

fn events(text: &str) -> Vec<Event> {
    let doc = Document {
        id: "t".into(),
        url: None,
        title: None,
        source: None,
        published: Some("2025-06-01".into()),
        format: DocumentFormat::Text,
        origin: "test".into(),
        raw: text.to_string(),
        text: text.to_string(),
        offsets: OffsetMap::identity(),
        content_hash: String::new(),
    };
    extract(&doc, &Resources::empty(), &ExtractOptions::default()).events
}

/// The first event of a type, with its mode and ACLED sub-event type.
fn first(text: &str, t: EventType) -> (Option<String>, Option<String>) {
    let evs = events(text);
    let e = evs
        .iter()
        .find(|e| e.event_type == t)
        .unwrap_or_else(|| panic!("no {t:?} event in {text:?}: {evs:#?}"));
    (e.mode.clone(), e.acled_sub_event_type.clone())
}

fn sub(text: &str, t: EventType) -> String {
    first(text, t).1.unwrap_or_default()
}

#[test]
fn taking_ground_is_a_territorial_attack_split_by_who_took_it() {
    let (mode, acled) = first(
        "Government forces captured a hilltop village on Monday after days of shelling.",
        EventType::Assault,
    );
    assert_eq!(mode.as_deref(), Some("territory"));
    assert_eq!(acled.as_deref(), Some("Government regains territory"));
    let (mode, acled) = first(
        "Rebels seized the provincial capital early on Sunday.",
        EventType::Assault,
    );
    assert_eq!(mode.as_deref(), Some("territory"));
    assert_eq!(
        acled.as_deref(),
        Some("Non-state actor overtakes territory")
    );
}

#[test]
fn seizing_people_detains_them_and_seizing_arms_stays_a_seizure() {
    let (mode, _) = first(
        "Police intercepted 12 suspects at a roadblock near the border.",
        EventType::Coerce,
    );
    assert_eq!(mode.as_deref(), Some("arrest"));
    let (mode, acled) = first(
        "Soldiers seized rifles and grenades from a truck at the border.",
        EventType::Coerce,
    );
    assert_eq!(mode.as_deref(), Some("seize"));
    assert_eq!(acled.as_deref(), Some("Disrupted weapons use"));
}

#[test]
fn expelling_envoys_is_a_diplomatic_sanction() {
    let evs = events("The government expelled four diplomats on Tuesday over the spying row.");
    assert!(
        evs.iter()
            .any(|e| e.event_type == EventType::Sanction && e.mode.as_deref() == Some("expel")),
        "{evs:#?}"
    );
    assert!(!evs.iter().any(|e| e.event_type == EventType::Coerce));
}

#[test]
fn the_attacker_gives_the_manner_of_attack() {
    let (mode, acled) = first(
        "Syrian warplanes bombed a market in the north, killing nine people.",
        EventType::Assault,
    );
    assert_eq!(mode.as_deref(), Some("aerial"));
    assert_eq!(acled.as_deref(), Some("Air/drone strike"));
    let (mode, _) = first(
        "A suicide bomber blew himself up at a busy checkpoint on Friday.",
        EventType::Assault,
    );
    assert_eq!(mode.as_deref(), Some("suicide-attack"));
}

#[test]
fn violence_by_the_crowd_makes_a_violent_demonstration() {
    assert_eq!(
        sub(
            "Demonstrators threw stones at the police station. Police responded with tear gas.",
            EventType::Assault
        ),
        "Violent demonstration"
    );
    assert_eq!(
        sub(
            "Riot police clashed with hundreds of protesters outside parliament on Saturday.",
            EventType::Assault
        ),
        "Violent demonstration"
    );
    // Force on a crowd that used none stays excessive force against protesters.
    assert_eq!(
        sub(
            "Police fired tear gas at peaceful protesters in the capital on Saturday.",
            EventType::Assault
        ),
        "Excessive force against protesters"
    );
}

#[test]
fn a_shootout_between_two_armed_sides_is_a_clash() {
    assert_eq!(
        sub(
            "During a shoot-out between bandits and soldiers, one civilian was killed.",
            EventType::Assault
        ),
        "Armed clash"
    );
}

#[test]
fn victims_written_as_subject_are_not_the_attackers() {
    let evs = events("Three marchers died from gunfire during a rally in the city on Sunday.");
    let attack = evs
        .iter()
        .find(|e| e.event_type == EventType::Assault)
        .expect("an attack");
    assert!(
        !attack
            .actors
            .iter()
            .any(|a| a.role == sitrep_core::ActorRole::Actor
                && a.kind == sitrep_core::ActorKind::Protesters),
        "{attack:#?}"
    );
}

#[test]
fn raids_to_detain_people_are_arrests_and_a_mine_blast_is_an_explosive_attack() {
    let (mode, _) = first(
        "Police are conducting raids to detain members of the banned party.",
        EventType::Coerce,
    );
    assert_eq!(mode.as_deref(), Some("arrest"));
    let (mode, _) = first(
        "Four soldiers were killed when their truck hit a land mine on the road.",
        EventType::Assault,
    );
    assert_eq!(mode.as_deref(), Some("explosives"));
}

#[test]
fn a_side_described_as_backed_by_another_is_no_act_of_support() {
    let evs = events("Rebel fighters, backed by a foreign militia, attacked an army post.");
    assert!(
        !evs.iter().any(|e| e.event_type == EventType::Support),
        "{evs:#?}"
    );
}

#[test]
fn an_attack_on_a_military_post_is_a_clash_with_its_garrison() {
    assert_eq!(
        sub(
            "Militants attacked an army checkpoint near the town, killing four people.",
            EventType::Assault
        ),
        "Armed clash"
    );
    assert_eq!(
        sub(
            "Militants attacked a village market, killing four people.",
            EventType::Assault
        ),
        "Attack"
    );
}

#[test]
fn missiles_fired_at_a_place_are_an_attack_but_a_rocket_launch_is_not() {
    let (mode, _) = first(
        "Late on Tuesday three missiles were fired at a coastal town.",
        EventType::Assault,
    );
    assert_eq!(mode.as_deref(), Some("heavy-weapons"));
    let evs = events("The agency launched a rocket carrying two weather satellites.");
    assert!(
        !evs.iter().any(|e| e.event_type == EventType::Assault),
        "{evs:#?}"
    );
}
