//! Triggers whose event sense depends on the words around them (an invasion by a country,
//! "ordered X to", "forced X out of", borders closed or opened, outposts evacuated, leave
//! granted by an authority) and the subjects found for statements whose speaker stands in an
//! apposition or in the clause before "but". End to end through `extract` with the built-in
//! lexicons and a small hand-written gazetteer. Each sentence is written for the rule it
//! exercises, with a near miss the rule must leave alone.

mod support;
use support::levant::events;
use support::{actor_text, find, has};

use sitrep_core::EventType;

#[test]
fn a_country_that_mounts_an_invasion_attacks_with_its_forces() {
    let evs = events("Turkey mounted its long-planned invasion of northern Syria on Sunday.");
    let e = find(&evs, EventType::Assault);
    assert_eq!(actor_text(e), "Turkey", "{e:#?}");
    // No use of force: a crowd on the pitch, a breach of privacy.
    assert!(!has(
        &events("Jordan fans staged a pitch invasion after the final whistle in Amman."),
        EventType::Assault
    ));
    assert!(!has(
        &events("Turkey said the new cameras were an invasion of privacy."),
        EventType::Assault
    ));
    // A country named elsewhere in the sentence is not the invader of a war recalled.
    assert!(!has(
        &events("The film follows farmers in Syria who rebuilt their lives after the invasion."),
        EventType::Assault
    ));
}

#[test]
fn ordering_someone_to_act_is_a_demand_but_ordering_goods_is_not() {
    let evs = events(
        "The Syrian government ordered the opposition newspaper to halt publication on Monday.",
    );
    let e = find(&evs, EventType::Request);
    assert!(actor_text(e).contains("government"), "{e:#?}");
    assert!(!has(
        &events("The Jordanian airline ordered 20 new jets from the manufacturer."),
        EventType::Request
    ));
    assert!(!has(
        &events("The Syrian government ordered the evacuation of the coastal villages."),
        EventType::Request
    ));
}

#[test]
fn forcing_people_out_of_a_place_is_coercion_by_the_one_who_forces() {
    let evs = events("Turkish troops forced hundreds of families out of a border camp on Tuesday.");
    let e = find(&evs, EventType::Coerce);
    assert_eq!(e.mode.as_deref(), Some("deport"), "{e:#?}");
    assert!(actor_text(e).contains("troops"), "{e:#?}");
    // An injury forces no one out of a country; troops forced to leave are retreating.
    assert!(!has(
        &events("A knee injury forced the Jordan striker out of the final in Amman."),
        EventType::Coerce
    ));
    assert!(!has(
        &events("Syrian troops were forced to pull out of the town."),
        EventType::Coerce
    ));
}

#[test]
fn closing_a_border_restricts_movement_and_opening_one_eases_it() {
    let evs = events("Turkey closed its border with Syria on Friday.");
    let e = find(&evs, EventType::Coerce);
    assert_eq!(e.mode.as_deref(), Some("restrict"), "{e:#?}");
    let evs = events("Jordan opened its borders to families fleeing the fighting in Syria.");
    let e = find(&evs, EventType::Concede);
    assert_eq!(actor_text(e), "Jordan", "{e:#?}");
    // A state of the border, not an act.
    assert!(!has(
        &events("The village in Jordan lies close to the border with Syria."),
        EventType::Coerce
    ));
    assert!(!has(
        &events("Trucks from Jordan waited for days at the closed border."),
        EventType::Coerce
    ));
}

#[test]
fn evacuating_outposts_is_a_withdrawal_and_evacuating_a_stadium_is_not() {
    let evs = events("The Turkish army will evacuate all its outposts in the valley next month.");
    let e = find(&evs, EventType::Retreat);
    assert_eq!(e.mode.as_deref(), Some("withdraw"), "{e:#?}");
    assert!(!has(
        &events("Police evacuated the stadium in Amman after a bomb scare."),
        EventType::Retreat
    ));
}

#[test]
fn leave_granted_by_an_authority_is_a_concession_and_a_goal_allowed_is_not() {
    let evs = events(
        "The Supreme Court decided to allow the opposition candidate to run in the election.",
    );
    assert!(has(&evs, EventType::Concede), "{evs:#?}");
    assert!(!has(
        &events("The Jordan goalkeeper allowed two goals in the first half in Amman."),
        EventType::Concede
    ));
    assert!(!has(
        &events("Poor defending allowed Syria to take the lead in Amman."),
        EventType::Concede
    ));
    assert!(!has(
        &events("The new rule will allow the Jordanian parliament to sit for two more years."),
        EventType::Concede
    ));
}

#[test]
fn a_speaker_set_off_by_an_apposition_is_the_one_who_demands() {
    let evs = events(
        "Jane Roe, the U.N. relief coordinator, demanded free access for aid workers in Syria.",
    );
    let e = find(&evs, EventType::Request);
    assert!(actor_text(e).contains("Jane Roe"), "{e:#?}");
    // An opening adverbial is no subject.
    let evs = events(
        "After months of talks, the two neighbours, Jordan and Syria, agreed to reopen the \
         crossing.",
    );
    assert!(
        evs.iter().all(|e| !actor_text(e).starts_with("After")),
        "{evs:#?}"
    );
}

#[test]
fn a_verb_after_but_shares_the_subject_of_the_clause_before() {
    let evs =
        events("Jordan eased its visa rules on Monday, but still refused to reopen the crossing.");
    let e = find(&evs, EventType::Reject);
    assert_eq!(actor_text(e), "Jordan", "{e:#?}");
    // A subject of its own after "but" is kept.
    let evs = events("Jordan eased its visa rules on Monday, but Syria refused to reopen it.");
    let e = find(&evs, EventType::Reject);
    assert_eq!(actor_text(e), "Syria", "{e:#?}");
}

#[test]
fn an_attempt_to_kill_counts_and_no_attempt_does_not() {
    let evs = events("An attempt to assassinate the provincial governor was foiled in Amman.");
    assert!(has(&evs, EventType::Assault), "{evs:#?}");
    assert!(!has(
        &events("The rebels made no attempt to assassinate the governor in Amman."),
        EventType::Assault
    ));
}

#[test]
fn a_welcome_given_or_a_hearing_opened_belongs_to_the_subject_of_the_verb() {
    let evs = events(
        "President Jane Roe gave a warm welcome on Thursday to the visiting Jordanian king.",
    );
    let e = find(&evs, EventType::Consult);
    assert!(actor_text(e).contains("Jane Roe"), "{e:#?}");
    let evs =
        events("The Syrian human rights commission opened a public hearing into the killings.");
    let e = find(&evs, EventType::Accuse);
    assert!(actor_text(e).contains("commission"), "{e:#?}");
    // A support verb with an object that is no event noun codes nothing.
    assert!(events("The Syrian ministry opened a new office in Damascus.").is_empty());
}

#[test]
fn a_plan_to_impose_restrictions_is_a_threat() {
    let evs =
        events("Turkey plans to impose restrictions on Syrian truck drivers from next month.");
    let e = find(&evs, EventType::Threaten);
    assert_eq!(e.mode.as_deref(), Some("restrict"), "{e:#?}");
    // Restrictions imposed are a restriction done, not threatened.
    let evs = events("Jordan imposed restrictions on travel to Amman after the riots.");
    assert!(has(&evs, EventType::Coerce), "{evs:#?}");
    assert!(!has(&evs, EventType::Threaten), "{evs:#?}");
    // A plan to do something else is no restriction.
    let evs = events("Turkey plans to build a new road to the Syrian border.");
    assert!(!has(&evs, EventType::Threaten), "{evs:#?}");
}

#[test]
fn a_head_of_state_ready_to_act_makes_an_offer() {
    let evs = events(
        "President Omar Khalil said he is prepared to lift the ban on the Syrian opposition party.",
    );
    let e = find(&evs, EventType::Agree);
    assert!(actor_text(e).contains("Omar Khalil"), "{e:#?}");
    // A private person ready to do something offers nothing as policy.
    let evs = events("Dr. Omar Khalil said he is prepared to run the marathon in Amman.");
    assert!(!has(&evs, EventType::Agree), "{evs:#?}");
}

#[test]
fn an_appeal_with_a_day_between_called_and_on_is_a_demand() {
    let evs =
        events("A Syrian newspaper called Thursday on Arabs to unite against the occupation.");
    let e = find(&evs, EventType::Request);
    assert!(actor_text(e).contains("newspaper"), "{e:#?}");
    // Calling a meeting is no appeal.
    let evs = events("The Jordanian minister called a meeting on Monday in Amman.");
    assert!(!has(&evs, EventType::Request), "{evs:#?}");
}

#[test]
fn booked_is_an_arrest_only_in_police_usage() {
    let arrests = |text: &str| support::count(&events(text), EventType::Coerce);
    assert_eq!(
        arrests("Police in Homs booked four men under the riot act."),
        1
    );
    assert_eq!(
        arrests("Six youths were booked by the police for rioting in Homs."),
        1
    );
    // A reservation, though a minister makes it.
    assert_eq!(
        arrests("The Jordanian minister booked a flight to Amman."),
        0
    );
    assert_eq!(
        arrests("Party leaders said that they had booked halls in Amman for the rally."),
        0
    );
}

#[test]
fn an_announced_act_that_hangs_on_unless_is_a_threat() {
    let evs = events(
        "Jordan announced that it will withdraw its monitors from Syria unless the fighting stops.",
    );
    let e = find(&evs, EventType::Threaten);
    assert_eq!(actor_text(e), "Jordan", "{e:#?}");
    assert!(!has(&evs, EventType::Retreat), "{evs:#?}");
    // Without a condition the announced withdrawal stays a planned retreat.
    let evs = events("Jordan announced that it will withdraw its monitors from Syria next month.");
    assert!(has(&evs, EventType::Retreat), "{evs:#?}");
    assert!(!has(&evs, EventType::Threaten), "{evs:#?}");
}

#[test]
fn a_curfew_a_leader_will_extend_is_a_threat_not_yet_a_restriction() {
    let evs =
        events("The Syrian president said on Sunday that he will extend the night curfew in Homs.");
    let e = find(&evs, EventType::Threaten);
    assert!(actor_text(e).contains("president"), "{e:#?}");
    assert!(!has(&evs, EventType::Coerce), "{evs:#?}");
    // Extended already: the restriction is in force.
    let evs = events("The Syrian president extended the night curfew in Homs on Sunday.");
    assert!(has(&evs, EventType::Coerce), "{evs:#?}");
    assert!(!has(&evs, EventType::Threaten), "{evs:#?}");
}

#[test]
fn a_suspension_of_links_or_ties_is_a_sanction_but_a_players_suspension_is_not() {
    let evs = events("Turkey announced a suspension of air links with Syria on Wednesday.");
    assert!(has(&evs, EventType::Sanction), "{evs:#?}");
    let evs = events("The striker will miss the final in Amman after a two-match suspension.");
    assert!(!has(&evs, EventType::Sanction), "{evs:#?}");
}

#[test]
fn stopping_a_protest_is_a_restriction_by_those_who_stop_it() {
    let evs = events(
        "Turkish police prevented a demonstration by students near the university in Amman.",
    );
    let e = find(&evs, EventType::Coerce);
    assert_eq!(actor_text(e), "Turkish police", "{e:#?}");
    let evs = events("Police broke up a rally of farmers outside the governor's office in Homs.");
    assert!(has(&evs, EventType::Coerce), "{evs:#?}");
    // Preventing something else is no restriction of a protest.
    let evs = events("Doctors in Amman prevented an outbreak of measles with a vaccination drive.");
    assert!(!has(&evs, EventType::Coerce), "{evs:#?}");
}
