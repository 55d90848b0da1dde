//! Who acts (the source actor) when the subject does not stand right before the trigger: a
//! pronoun after "announced that", a noun trigger carried by a verb of imposing, a participle
//! clause sharing the main clause's subject, an office holder named by a lower-case post; and
//! "insisted" read as a demand only when it asks something. End to end through `extract` with
//! the built-in lexicons and a small hand-written gazetteer. Each sentence is written for the
//! rule it exercises, with a near miss the rule must leave alone.

mod support;
use support::levant::events;
use support::{actor_text, find, has, role_texts};

use sitrep_core::{ActorRole, EventType};

#[test]
fn a_pronoun_after_announced_that_stands_for_the_speaker() {
    // "that" followed by "it" opens a clause: "withdraw" is a verb whose subject is Jordan.
    let evs = events(
        "Jordan announced on Tuesday that it will withdraw its engineers from the Syrian border.",
    );
    let e = find(&evs, EventType::Retreat);
    assert_eq!(actor_text(e), "Jordan", "{e:#?}");
    // A speaker no lexicon entry knows, named by title and name.
    let evs = events(
        "Deputy Minister Rana Haddad announced that she will withdraw the bill's monitors from Homs.",
    );
    let e = find(&evs, EventType::Retreat);
    assert!(actor_text(e).contains("Rana Haddad"), "{e:#?}");
    // "that" before a noun is still its determiner: the withdrawal retold has no new actor.
    let evs = events("Jordan said that withdrawal of the engineers from the border was slow.");
    assert!(
        evs.iter()
            .filter(|e| e.event_type == EventType::Retreat)
            .all(|e| actor_text(e) != "Jordan"),
        "{evs:#?}"
    );
}

#[test]
fn a_restriction_imposed_or_extended_is_the_act_of_whoever_imposes_it() {
    let evs = events("Turkish authorities have imposed a curfew in Homs after the riots.");
    let e = find(&evs, EventType::Coerce);
    assert_eq!(actor_text(e), "Turkish authorities", "{e:#?}");
    // A pronoun subject of the carrying verb stands for the speaker.
    let evs = events(
        "The Syrian interior minister announced on Friday that he will extend the night curfew in Homs.",
    );
    let e = evs
        .iter()
        .find(|e| e.event_type == EventType::Coerce || e.event_type == EventType::Threaten)
        .unwrap_or_else(|| panic!("{evs:#?}"));
    assert!(actor_text(e).contains("minister"), "{e:#?}");
    // Residents who only live under the curfew do not impose it.
    let evs = events("Residents of Homs complained about the curfew on Friday.");
    assert!(
        evs.iter()
            .filter(|e| e.event_type == EventType::Coerce)
            .all(|e| !actor_text(e).contains("Residents")),
        "{evs:#?}"
    );
}

#[test]
fn a_participle_clause_shares_the_subject_of_the_main_clause() {
    let evs = events(
        "Syrian police opened fire on the marchers in Homs on Friday, wounding four and arresting 30.",
    );
    let e = find(&evs, EventType::Coerce);
    assert_eq!(actor_text(e), "Syrian police", "{e:#?}");
    // A finite clause after the comma has its own subject, which is not the police.
    let evs = events(
        "Syrian police opened fire on the marchers in Homs, and later the army began arresting them.",
    );
    let e = find(&evs, EventType::Coerce);
    assert_ne!(actor_text(e), "Syrian police", "{e:#?}");
}

#[test]
fn an_office_holder_named_by_a_lower_case_post_is_the_speaker() {
    let evs = events("The city's police chief has warned that officers will break up the rallies.");
    let e = find(&evs, EventType::Threaten);
    assert!(actor_text(e).contains("chief"), "{e:#?}");
}

#[test]
fn insisting_is_a_demand_only_when_it_asks_for_something() {
    let evs = events("Jordan insisted on a full inquiry into the shooting at the border.");
    assert!(has(&evs, EventType::Request), "{evs:#?}");
    let evs = events("Turkey insisted that Syria must hand over the suspects.");
    assert!(has(&evs, EventType::Request), "{evs:#?}");
    // Holding a view asks nothing of anyone.
    let evs = events("The Jordanian coach insisted his side had played well in the second half.");
    assert!(!has(&evs, EventType::Request), "{evs:#?}");
    let evs = events("Turkey insisted the unrest reflected old rivalries, not a bid for power.");
    assert!(!has(&evs, EventType::Request), "{evs:#?}");
}

#[test]
fn a_verb_joined_by_and_shares_the_subject_of_the_sentence() {
    let evs = events(
        "The Syrian defence minister has been questioned by Jordanian prosecutors and will resign on Friday.",
    );
    let e = find(&evs, EventType::Retreat);
    assert!(actor_text(e).contains("minister"), "{e:#?}");
    // The head may follow a possessive country ("Syria's prime minister").
    let evs = events(
        "Syria's prime minister has been questioned over the killings of Turkish troops and will resign.",
    );
    let e = find(&evs, EventType::Retreat);
    assert!(actor_text(e).contains("minister"), "{e:#?}");
    // A bare participle after "and" shares a passive: the injured are carried, not carrying.
    let evs = events("Four Syrian workers were injured, and airlifted to hospitals in Amman.");
    assert!(
        evs.iter()
            .filter(|e| e.event_type == EventType::Aid)
            .all(|e| !actor_text(e).contains("workers")),
        "{evs:#?}"
    );
    // A second clause with its own subject keeps it.
    let evs = events("Jordan signed the accord on Monday and Turkey rejected it on Tuesday.");
    let e = find(&evs, EventType::Reject);
    assert_eq!(actor_text(e), "Turkey", "{e:#?}");
}

#[test]
fn a_name_joined_to_the_subject_right_before_the_verb_acts_with_it() {
    let evs = events("The Syrian government and the KRPA/M have agreed to a ceasefire.");
    let e = find(&evs, EventType::Agree);
    assert!(
        e.actors
            .iter()
            .any(|a| a.role == ActorRole::Partner && a.text.as_deref() == Some("KRPA/M")),
        "{e:#?}"
    );
    // A name inside a longer phrase after "and" is no second subject.
    let evs =
        events("The Syrian government and rebels in Homs Province have agreed to a ceasefire.");
    let e = find(&evs, EventType::Agree);
    assert!(
        !e.actors
            .iter()
            .any(|a| a.text.as_deref() == Some("Homs Province")),
        "{e:#?}"
    );
}

#[test]
fn what_a_withdrawal_is_from_does_not_withdraw() {
    let evs = events("Jordan began the withdrawal of its engineers from Syria on Monday.");
    let e = find(&evs, EventType::Retreat);
    assert_ne!(actor_text(e), "Syria", "{e:#?}");
    // A statement "from" a party is still that party's.
    let evs = events("The demand from Syria for a new border crossing was sent to Amman.");
    if let Some(e) = evs.iter().find(|e| e.event_type == EventType::Request) {
        assert_ne!(actor_text(e), "Amman", "{e:#?}");
    }
}

#[test]
fn whoever_committed_the_abuses_a_protest_is_against_does_not_protest() {
    let evs =
        events("Hundreds of students staged a protest in Amman against abuses by Syrian police.");
    let e = find(&evs, EventType::Protest);
    assert_ne!(actor_text(e), "Syrian police", "{e:#?}");
}

#[test]
fn a_group_named_by_a_lower_case_noun_protests() {
    let evs = events("A Jordanian human rights group protested here on Wednesday.");
    let e = find(&evs, EventType::Protest);
    assert!(actor_text(e).contains("group"), "{e:#?}");
}

#[test]
fn a_minister_grants_leave_as_policy_and_a_doctor_does_not() {
    let evs =
        events("Interior Minister Sami Nour allowed the opposition to hold its rally in Amman.");
    let e = find(&evs, EventType::Concede);
    assert!(actor_text(e).contains("Sami Nour"), "{e:#?}");
    let evs = events("Dr. Sami Nour allowed the students to leave early on Friday.");
    assert!(!has(&evs, EventType::Concede), "{evs:#?}");
}

#[test]
fn a_protest_noun_after_an_article_and_an_adjective_belongs_to_who_staged_it() {
    let evs = events("Omar Haddad staged a 24-hour hunger strike in a Homs prison on Sunday.");
    let e = find(&evs, EventType::Protest);
    assert_eq!(actor_text(e), "Omar Haddad", "{e:#?}");
    let evs = events("Omar Haddad staged a long hunger strike in a Homs prison.");
    let e = find(&evs, EventType::Protest);
    assert_eq!(actor_text(e), "Omar Haddad", "{e:#?}");
    // An article and a noun before a verb are its subject, not a noun phrase around it.
    let evs = events("A Syrian gunman attacked the convoy near Homs.");
    let e = find(&evs, EventType::Assault);
    assert!(actor_text(e).contains("gunman"), "{e:#?}");
}

#[test]
fn a_passive_agent_after_by_and_an_article_acts() {
    let evs = events("The deputy governor was indicted by a Syrian court on Monday.");
    let e = find(&evs, EventType::Accuse);
    assert_eq!(actor_text(e), "Syrian court", "{e:#?}");
    // "despite pressure by X": X pressed; the one who declines is the subject.
    let evs = events(
        "The Jordanian minister has declined to resign despite growing pressure by the Syrian government.",
    );
    let e = find(&evs, EventType::Reject);
    assert!(actor_text(e).contains("minister"), "{e:#?}");
    // "by" with no agent after it names no one ("by a wide margin").
    let evs = events("The Jordanian parliament rejected the bill by a wide margin.");
    let e = find(&evs, EventType::Reject);
    assert!(actor_text(e).contains("parliament"), "{e:#?}");
}

#[test]
fn a_verb_of_pace_carries_the_noun_it_speeds_up() {
    let evs = events("Jordan speeded up the withdrawal of its engineers from Syria on Monday.");
    let e = find(&evs, EventType::Retreat);
    assert_eq!(actor_text(e), "Jordan", "{e:#?}");
    // "took steps" is no "stepped up": the steps are not the withdrawal's.
    let evs = events("Syrian officials said the steps toward a withdrawal from Homs were slow.");
    assert!(
        evs.iter()
            .filter(|e| e.event_type == EventType::Retreat)
            .all(|e| actor_text(e) != "Syrian officials"),
        "{evs:#?}"
    );
}

#[test]
fn a_pronoun_after_confirmed_or_vowed_stands_for_the_speaker() {
    let evs = events("NATO confirmed on Wednesday it would tighten the blockade of Homs.");
    let e = evs
        .iter()
        .find(|e| e.trigger.as_deref() == Some("blockade"))
        .unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(actor_text(e), "NATO", "{e:#?}");
}

#[test]
fn an_agent_after_a_passive_that_tells_of_another_noun_is_not_the_doer() {
    // The police denied the reports; nobody says they did the stabbing.
    let evs = events("Reports of a stray stabbing near the old market were denied by the police.");
    assert!(
        evs.iter()
            .filter(|e| e.event_type == EventType::Assault)
            .all(|e| actor_text(e) != "police"),
        "{evs:#?}"
    );
    // The trigger is the passive's own subject: the agent did it.
    let evs = events("The attack on the checkpoint was carried out by the rebels.");
    assert_eq!(
        actor_text(find(&evs, EventType::Assault)),
        "rebels",
        "{evs:#?}"
    );
    // "a series of" counts the attacks themselves.
    let evs = events("A series of attacks on the convoy were carried out by gunmen.");
    assert_eq!(
        actor_text(find(&evs, EventType::Assault)),
        "gunmen",
        "{evs:#?}"
    );
}

/// Whether any event of type `t` has a party with written text `text` in `role`.
fn plays(evs: &[sitrep_core::Event], t: EventType, role: ActorRole, text: &str) -> bool {
    evs.iter().filter(|e| e.event_type == t).any(|e| {
        e.actors
            .iter()
            .any(|a| a.role == role && a.text.as_deref() == Some(text))
    })
}

#[test]
fn a_blast_word_after_an_article_and_modifiers_is_a_noun_without_the_victim_as_doer() {
    // "a truck bomb explosion" names the blast: the policemen killed in it did not set it off.
    let evs = events("Two policemen were killed in a truck bomb explosion near Homs on Monday.");
    assert!(
        !plays(&evs, EventType::Assault, ActorRole::Actor, "policemen"),
        "{evs:#?}"
    );
    // A verb after an actor keeps its subject ("the army bombs ...").
    let evs = events("Every night the army bombs the villages east of Homs.");
    assert_eq!(
        actor_text(find(&evs, EventType::Assault)),
        "army",
        "{evs:#?}"
    );
}

#[test]
fn those_engaged_in_an_attack_carry_it_out() {
    // "were engaged in" is no passive of the attack: the soldiers are its doers.
    let evs = events("Syrian soldiers were engaged in attacks on villages near Homs.");
    let e = find(&evs, EventType::Assault);
    assert_eq!(actor_text(e), "Syrian soldiers", "{e:#?}");
    assert!(
        !role_texts(e, ActorRole::Recipient).contains(&"Syrian soldiers".to_string()),
        "{e:#?}"
    );
    // A true passive keeps its subject as the one hurt.
    let evs = events("Syrian soldiers were attacked near Homs on Monday.");
    let e = find(&evs, EventType::Assault);
    assert_ne!(actor_text(e), "Syrian soldiers", "{e:#?}");
}

#[test]
fn the_object_of_a_first_verb_is_not_the_subject_of_a_second_joined_by_and() {
    // The soldier was killed, not the one who wounded the others.
    let evs =
        events("A roadside bomb near Homs killed one Turkish soldier and wounded two others.");
    assert!(
        !plays(
            &evs,
            EventType::Assault,
            ActorRole::Actor,
            "Turkish soldier"
        ),
        "{evs:#?}"
    );
    // A subject before the first verb still acts for both.
    let evs = events("Syrian troops shelled the town and killed two farmers near Homs.");
    assert!(
        plays(&evs, EventType::Assault, ActorRole::Actor, "Syrian troops"),
        "{evs:#?}"
    );
}

#[test]
fn bombers_youths_hackers_and_inhabitants_are_actors() {
    let evs = events("Two Syrian suicide bombers killed 12 people at a market in Homs.");
    assert!(
        actor_text(find(&evs, EventType::Assault)).contains("suicide bombers"),
        "{evs:#?}"
    );
    let evs = events("Turkish hackers defaced hundreds of government websites in Amman.");
    assert!(
        actor_text(find(&evs, EventType::Coerce)).contains("hackers"),
        "{evs:#?}"
    );
    let evs =
        events("Syrian inhabitants of the border villages threatened to hold a general strike.");
    assert!(
        actor_text(find(&evs, EventType::Threaten)).contains("inhabitants"),
        "{evs:#?}"
    );
    let evs = events("Jordanian youths staged demonstrations in Amman against the new tax.");
    assert!(
        actor_text(find(&evs, EventType::Protest)).contains("youths"),
        "{evs:#?}"
    );
    // A youth team or a word that only looks alike is no actor.
    let evs = events("The youth football tournament in Amman was cancelled after heavy rain.");
    assert!(evs.iter().all(|e| actor_text(e) != "youth"), "{evs:#?}");
}

#[test]
fn the_force_holding_a_prisoner_harmed_in_its_custody_is_the_doer() {
    let evs =
        events("A Jordanian detainee died as a result of torture while in Syrian police custody.");
    assert_eq!(
        actor_text(find(&evs, EventType::Assault)),
        "Syrian police",
        "{evs:#?}"
    );
    // A doer named as the subject keeps the act; the custody only tells where the victim was.
    let evs =
        events("Rebels near Homs tortured a guard they had taken from Syrian police custody.");
    assert_ne!(
        actor_text(find(&evs, EventType::Assault)),
        "Syrian police",
        "{evs:#?}"
    );
}

#[test]
fn an_aside_between_the_subject_and_its_verb_does_not_hide_the_subject() {
    // A comparison set off by commas: the subject before it acts, the compared party does not.
    let evs = events(
        "Jordan, like most other neighbours, plans to impose restrictions on Syrian workers.",
    );
    let e = find(&evs, EventType::Threaten);
    assert_eq!(actor_text(e), "Jordan", "{e:#?}");
    let evs = events("Jordan, like Turkey, rejected the plan on Monday.");
    let e = find(&evs, EventType::Reject);
    assert_eq!(actor_text(e), "Jordan", "{e:#?}");
    assert!(role_texts(e, ActorRole::Partner).is_empty(), "{e:#?}");
    // Companions named in the aside act with the subject.
    let evs = events("Jordan, together with Turkey, rejected the plan on Monday.");
    let e = find(&evs, EventType::Reject);
    assert_eq!(actor_text(e), "Jordan", "{e:#?}");
    assert_eq!(role_texts(e, ActorRole::Partner), vec!["Turkey"], "{e:#?}");
    // Without commas the subject still stands before "along with".
    let evs = events("Amman along with its allies demanded that Syria release the prisoners.");
    let e = find(&evs, EventType::Request);
    assert_eq!(actor_text(e), "Amman", "{e:#?}");
    // A clause set off by commas is no aside: its verb's subject is not carried over.
    let evs = events("Jordan, which hosts the talks, said Turkey rejected the plan.");
    let e = find(&evs, EventType::Reject);
    assert_ne!(actor_text(e), "Jordan", "{e:#?}");
}

#[test]
fn a_rejection_stated_as_a_predicate_belongs_to_the_speaker() {
    // "X is out of the question": X is what is rejected; the officials reject it.
    let evs = events(
        "Jordanian officials said on Monday that lifting the sanctions on Syria is out of the question.",
    );
    let e = find(&evs, EventType::Reject);
    assert!(actor_text(e).contains("Jordanian officials"), "{e:#?}");
    // With no speaker, the matter named before the copula is still not the one rejecting.
    let evs = events("Lifting the sanctions on Syria is out of the question.");
    assert!(
        evs.iter()
            .filter(|e| e.event_type == EventType::Reject)
            .all(|e| actor_text(e) != "Syria"),
        "{evs:#?}"
    );
}

#[test]
fn an_inquiry_and_the_allegation_it_examines_keep_their_own_actors() {
    let evs = events(
        "The Election Monitoring Committee has completed its investigation into an allegation by Syrian police that rebels had seized the town.",
    );
    let inquiry = evs
        .iter()
        .find(|e| e.event_type == EventType::Accuse && e.mode.as_deref() == Some("investigate"))
        .unwrap_or_else(|| panic!("{evs:#?}"));
    assert!(
        actor_text(inquiry).contains("Election Monitoring Committee"),
        "{inquiry:#?}"
    );
    // The allegation stays the police's own act.
    assert!(
        evs.iter().any(|e| e.event_type == EventType::Accuse
            && e.mode.is_none()
            && actor_text(e) == "Syrian police"),
        "{evs:#?}"
    );
}

#[test]
fn a_crowd_gathering_for_a_rally_holds_it() {
    let evs = events("Thousands of Syrians were converging on Thursday for a rally in Damascus.");
    let e = find(&evs, EventType::Protest);
    assert!(actor_text(e).contains("Syrians"), "{e:#?}");
    // Preparing for a rally is no gathering: the police do not hold it.
    let evs = events("Syrian police prepared on Thursday for a rally in Damascus.");
    let e = find(&evs, EventType::Protest);
    assert!(!actor_text(e).contains("police"), "{e:#?}");
}

#[test]
fn a_word_of_standing_before_a_party_name_belongs_to_the_party() {
    let evs = events(
        "Angry activists from the defeated Baath Party have staged rallies in Damascus against the new cabinet.",
    );
    let e = find(&evs, EventType::Protest);
    assert!(actor_text(e).contains("Baath Party"), "{e:#?}");
    // Any other adjective does not join the name.
    let evs = events(
        "Angry activists from the dusty Baath Party have staged rallies in Damascus against the new cabinet.",
    );
    let e = find(&evs, EventType::Protest);
    assert!(!actor_text(e).contains("Baath Party"), "{e:#?}");
}

#[test]
fn a_national_capital_forcing_people_out_of_the_country_is_its_government() {
    let evs = events("Amman forced the refugee agency out of the country after the floods.");
    let e = find(&evs, EventType::Coerce);
    assert_eq!(actor_text(e), "Amman", "{e:#?}");
    // A city that is no capital governs no country: no expulsion.
    let evs = events("Homs forced the refugee agency out of the country after the floods.");
    assert!(!has(&evs, EventType::Coerce), "{evs:#?}");
}

#[test]
fn a_passive_agent_after_an_aside_set_off_by_commas_acts() {
    let evs = events(
        "The former governor has been accused of hiding state funds, most of them never \
         recovered, by Jordanian prosecutors.",
    );
    let e = find(&evs, EventType::Accuse);
    assert_eq!(actor_text(e), "Jordanian prosecutors", "{e:#?}");
    // "by the army's count" names whose count, not who shelled.
    let evs = events(
        "Four villages were shelled on Monday, two of them twice, by the Syrian army's count.",
    );
    assert!(
        !plays(&evs, EventType::Assault, ActorRole::Actor, "Syrian army"),
        "{evs:#?}"
    );
}

#[test]
fn a_pronoun_before_a_modal_and_a_noun_trigger_used_as_a_verb_stands_for_the_speaker() {
    let evs = events("Syrian farmers said on Friday they would blockade Damascus from Monday.");
    let e = find(&evs, EventType::Protest);
    assert_eq!(actor_text(e), "Syrian farmers", "{e:#?}");
    // A named subject of its own before the modal: the speaker does not blockade.
    let evs = events("Syrian farmers said on Friday the police would blockade Damascus.");
    assert!(
        !plays(&evs, EventType::Protest, ActorRole::Actor, "Syrian farmers"),
        "{evs:#?}"
    );
}

#[test]
fn one_quoted_as_saying_he_would_host_talks_is_the_host_and_one_ready_acts() {
    let evs = events(
        "The Jordanian foreign minister was quoted today as saying he would host a meeting \
         between the two Syrian factions.",
    );
    let e = find(&evs, EventType::Consult);
    assert!(actor_text(e).contains("minister"), "{e:#?}");
    // "was ready to" is a stance after "be", not a passive: the one ready acts.
    let evs = events("Jordan said on Monday it was ready to sign the deal.");
    let e = find(&evs, EventType::Agree);
    assert_eq!(actor_text(e), "Jordan", "{e:#?}");
    // Hosting a tournament is no meeting of parties.
    let evs = events("Jordan will host the regional football championship next year.");
    assert!(!has(&evs, EventType::Consult), "{evs:#?}");
    // A bare "saying" after a noun names no one quoted.
    let evs = events("A leaflet saying he would be ready to host talks was found in Homs.");
    assert!(!has(&evs, EventType::Consult), "{evs:#?}");
}

#[test]
fn receiving_a_delegation_or_a_mission_is_a_meeting() {
    let evs = events(
        "Syrian Prime Minister Omar Nasser received a delegation of observers from Jordan on Sunday.",
    );
    let e = find(&evs, EventType::Consult);
    assert!(actor_text(e).contains("Prime Minister"), "{e:#?}");
    let evs = events("The hospital in Homs received a shipment of medicine on Sunday.");
    assert!(!has(&evs, EventType::Consult), "{evs:#?}");
}

#[test]
fn forces_withdrawn_or_demobilised_are_the_side_that_pulls_back() {
    let evs =
        events("Two hundred Syrian soldiers were withdrawn from the Jordanian border on Monday.");
    let e = find(&evs, EventType::Retreat);
    assert_eq!(actor_text(e), "Syrian soldiers", "{e:#?}");
    // The released are the captor's recipients, not the side that acts.
    let evs = events("Forty Syrian soldiers were released on Monday.");
    assert!(
        !plays(
            &evs,
            EventType::Retreat,
            ActorRole::Actor,
            "Syrian soldiers"
        ),
        "{evs:#?}"
    );
}

#[test]
fn a_participle_clause_after_a_clause_without_event_shares_its_opening_subject() {
    let evs = events(
        "The Syrian interior minister declared a state of siege in Homs on Saturday, closing the \
         schools and arresting dozens of opponents.",
    );
    let e = find(&evs, EventType::Coerce);
    assert!(actor_text(e).contains("minister"), "{e:#?}");
    // The participle follows a relative clause: it tells what the nearer verb's subject did.
    let evs = events(
        "Syrian police are hunting a man who left a parcel that exploded on Friday, wounding \
         nine people in Homs.",
    );
    assert!(
        !plays(&evs, EventType::Assault, ActorRole::Actor, "Syrian police"),
        "{evs:#?}"
    );
    // A party after a preposition before the comma is not the subject.
    let evs = events(
        "After the talks with Syrian police, the crowd dispersed, throwing stones and \
         arresting nobody.",
    );
    assert!(
        !plays(&evs, EventType::Coerce, ActorRole::Actor, "Syrian police"),
        "{evs:#?}"
    );
}

#[test]
fn denying_a_permit_or_a_request_is_a_rejection() {
    let evs =
        events("The Homs city council has denied permission for the construction of a new mosque.");
    let e = find(&evs, EventType::Reject);
    assert!(actor_text(e).contains("council"), "{e:#?}");
    // Denying a claim is no refusal of anything asked.
    let evs = events("The Homs city council denied the reports of corruption on Monday.");
    assert!(!has(&evs, EventType::Reject), "{evs:#?}");
}
