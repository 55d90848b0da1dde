//! Type, mode and ACLED sub-event type of short reports, end to end through `extract` with the
//! built-in lexicons (no gazetteer). Each sentence is written for the rule it exercises.

mod support;

use sitrep_core::{Document, Event, EventStatus, EventType};
use sitrep_text::{extract, ExtractOptions, Resources};

fn events(text: &str) -> Vec<Event> {
    let doc = Document::plain_text("t", text, Some("2025-06-01"));
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
    // Force on a crowd that used none: a dispersal with no one hurt is a protest with
    // intervention, force that kills or wounds is excessive force (ACLED's definitions).
    assert_eq!(
        sub(
            "Police fired tear gas at peaceful protesters in the capital on Saturday.",
            EventType::Assault
        ),
        "Protest with intervention"
    );
    assert_eq!(
        sub(
            "Police fired tear gas at peaceful protesters in the capital, wounding nine.",
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

fn types(text: &str) -> Vec<EventType> {
    events(text).iter().map(|e| e.event_type).collect()
}

#[test]
fn giving_is_aid_only_when_what_is_given_is_aid() {
    assert!(
        types("The European Union gave Chad 12 million euros of aid on Monday.")
            .contains(&EventType::Aid)
    );
    assert!(
        types("Swiss doctors handed over two tonnes of medicine to a hospital in Herat.")
            .contains(&EventType::Aid)
    );
    assert!(
        !types("The ministry provided few details about the new rules.").contains(&EventType::Aid)
    );
    // Progressive, not passive: the agency does the giving.
    let evs = events("The UN agency was providing food aid to flood victims in Sindh.");
    let aid = evs.iter().find(|e| e.event_type == EventType::Aid).unwrap();
    assert!(support::role_texts(aid, sitrep_core::ActorRole::Actor)
        .iter()
        .any(|t| t.contains("UN")));
}

#[test]
fn an_announced_future_act_of_help_is_a_promise_but_a_withdrawal_stays_planned() {
    let evs = events("Norway will give Haiti a grant of five million dollars, its minister said.");
    assert_eq!(evs.first().map(|e| e.event_type), Some(EventType::Agree));
    let evs = events("The rebels said on Friday they would withdraw their fighters from the town.");
    let r = evs
        .iter()
        .find(|e| e.event_type == EventType::Retreat)
        .unwrap();
    assert_eq!(r.status, sitrep_core::EventStatus::Planned);
    // Their own fighters are what they move, not someone they act on.
    assert!(support::role_texts(r, sitrep_core::ActorRole::Recipient).is_empty());
}

#[test]
fn carrying_on_or_attempting_makes_the_infinitive_happen() {
    let (mode, _) = first(
        "Gunmen attempted to assassinate the provincial governor on Tuesday.",
        EventType::Assault,
    );
    assert_eq!(mode.as_deref(), Some("assassinate"));
    // A plan is still no happening of its own.
    assert!(
        !types("The militia plans to attack the convoy next week.").contains(&EventType::Assault)
    );
}

#[test]
fn a_verb_after_a_determined_noun_is_still_a_verb() {
    let evs =
        events("The prime minister and his allies demanded that the junta free the prisoners.");
    let r = evs
        .iter()
        .find(|e| e.event_type == EventType::Request)
        .unwrap();
    assert!(!support::role_texts(r, sitrep_core::ActorRole::Actor).is_empty());
}

#[test]
fn object_words_decide_the_sense_of_blocking_and_sharing() {
    assert!(
        types("Angry farmers blocked the main highway into the capital with tractors.")
            .contains(&EventType::Protest)
    );
    assert!(
        !types("The regulator blocked the merger of the two banks.").contains(&EventType::Protest)
    );
    assert!(
        types("Spain and Morocco shared intelligence on smuggling networks last month.")
            .contains(&EventType::Cooperate)
    );
    assert!(
        !types("The two companies shared a stand at the trade fair.")
            .contains(&EventType::Cooperate)
    );
}

#[test]
fn protesters_are_the_written_subject_and_the_target_follows_a_word_of_opposition() {
    let evs = events("Hundreds of ethnic Uzbeks began a hunger strike on Monday to protest against the government's new law.");
    let p = evs
        .iter()
        .find(|e| e.event_type == EventType::Protest)
        .unwrap();
    assert!(support::role_texts(p, sitrep_core::ActorRole::Actor)
        .iter()
        .any(|t| t.contains("Uzbeks")));
    assert!(support::role_texts(p, sitrep_core::ActorRole::Recipient)
        .iter()
        .any(|t| t.contains("government")));
    let evs = events("Guerrillas wounded three soldiers near the border on Sunday.");
    let a = evs
        .iter()
        .find(|e| e.event_type == EventType::Assault)
        .unwrap();
    assert!(support::role_texts(a, sitrep_core::ActorRole::Actor)
        .iter()
        .any(|t| t.contains("Guerrillas")));
}

#[test]
fn the_counterpart_of_a_statement_may_follow_with_or_from() {
    let evs = events("The defence minister rejected a fresh appeal from the rebels for talks.");
    let r = evs
        .iter()
        .find(|e| e.event_type == EventType::Reject)
        .unwrap();
    assert!(support::role_texts(r, sitrep_core::ActorRole::Recipient)
        .iter()
        .any(|t| t.contains("rebels")));
    let evs = events("The parliament threatened on Monday to cut all contacts with the militia.");
    let r = evs
        .iter()
        .find(|e| e.event_type == EventType::Threaten)
        .unwrap();
    assert!(support::role_texts(r, sitrep_core::ActorRole::Recipient)
        .iter()
        .any(|t| t.contains("militia")));
}

#[test]
fn an_announced_boycott_is_a_threat_but_planned_deportations_are_not() {
    let evs =
        events("The opposition leaders said they would boycott all talks with the ministers.");
    assert!(evs
        .iter()
        .any(|e| e.event_type == EventType::Threaten
            && e.status == sitrep_core::EventStatus::Threatened));
    assert!(
        !events("The ministry published plans for mass deportations of migrants.")
            .iter()
            .any(|e| e.event_type == EventType::Threaten)
    );
}

#[test]
fn a_demonstration_of_resolve_is_no_protest_but_one_of_workers_is() {
    assert!(
        !types("The visit was a demonstration of support for the alliance.")
            .contains(&EventType::Protest)
    );
    assert!(
        types("A demonstration of teachers marched to the ministry on Monday.")
            .contains(&EventType::Protest)
    );
}

#[test]
fn a_person_captured_is_detained_but_a_title_captured_is_no_event() {
    let (mode, acled) = first(
        "He was finally captured in March and is held in a prison near the capital.",
        EventType::Coerce,
    );
    assert_eq!(mode.as_deref(), Some("arrest"));
    assert_eq!(acled.as_deref(), Some("Arrests"));
    assert_eq!(
        first("Police captured her at the airport.", EventType::Coerce)
            .0
            .as_deref(),
        Some("arrest")
    );
    for text in [
        "The young striker captured her first league title on Sunday.",
        "The film captured the mood of a whole generation.",
    ] {
        assert!(events(text).is_empty(), "{text}: {:#?}", events(text));
    }
}

#[test]
fn murder_is_a_killing_but_a_murdered_person_named_in_passing_is_not_news() {
    let (mode, _) = first(
        "Two gunmen murdered a shopkeeper in the market on Friday.",
        EventType::Assault,
    );
    assert_eq!(mode, None);
    assert!(!events("The teacher was murdered outside her school last night.").is_empty());
    for text in [
        "A film by murdered director Hal Brenner opened the festival.",
        "The family of his two murdered colleagues attended the hearing.",
    ] {
        assert!(events(text).is_empty(), "{text}: {:#?}", events(text));
    }
}

#[test]
fn to_demonstrate_something_is_to_show_it_not_to_protest() {
    assert!(events("The deal demonstrated the resolve of both governments.").is_empty());
    assert_eq!(
        first(
            "Hundreds demonstrated outside the parliament on Monday.",
            EventType::Protest
        )
        .0,
        Some("demo".to_string())
    );
}

#[test]
fn dispersal_without_harm_is_intervention_and_lethal_force_is_excessive() {
    assert_eq!(
        sub(
            "Police used water cannons to break up a rally by farmers outside the ministry.",
            EventType::Assault
        ),
        "Protest with intervention"
    );
    assert_eq!(
        sub(
            "Riot police fired tear gas at shoppers in the old market on Sunday.",
            EventType::Assault
        ),
        "Protest with intervention"
    );
    assert_eq!(
        sub(
            "Officers attacked a peaceful march by teachers, leaving several injured.",
            EventType::Assault
        ),
        "Excessive force against protesters"
    );
    assert_eq!(
        sub(
            "Three marchers died from gunfire during a demonstration outside the town hall.",
            EventType::Assault
        ),
        "Excessive force against protesters"
    );
}

#[test]
fn retaking_ground_by_the_sentence_subject_state_forces_is_the_government_regaining_it() {
    assert_eq!(
        sub(
            "Army troops in a new offensive against rebel fighters recaptured the district centre on Friday.",
            EventType::Assault
        ),
        "Government regains territory"
    );
}

#[test]
fn bases_handovers_cyber_attacks_and_air_missiles() {
    assert_eq!(
        first(
            "The army has established three new outposts along the northern ridge.",
            EventType::Mobilize
        ),
        (
            Some("base".to_string()),
            Some("Headquarters or base established".to_string())
        )
    );
    assert_eq!(
        sub(
            "The peacekeeping mission handed control of the valley to the regional government.",
            EventType::Retreat
        ),
        "Non-violent transfer of territory"
    );
    let (mode, _) = first(
        "Police said the hacker attacked the websites of two ministries last month.",
        EventType::Coerce,
    );
    assert_eq!(mode.as_deref(), Some("cyber"));
    assert_eq!(
        sub(
            "Government forces launched 40 air missiles at rebel depots near the coast on Tuesday.",
            EventType::Assault
        ),
        "Air/drone strike"
    );
}

#[test]
fn troops_marching_on_a_city_are_no_protest_but_chanting_crowds_are() {
    let evs = events(
        "Government forces took control of the airport and marched deeper into the northern suburbs.",
    );
    assert!(
        evs.iter().all(|e| e.event_type != EventType::Protest),
        "{evs:#?}"
    );
    assert_eq!(
        sub(
            "Students chanted slogans against the new fees outside the university.",
            EventType::Protest
        ),
        "Peaceful protest"
    );
    assert_eq!(
        sub(
            "Nurses marched through the city centre on Saturday. There were scuffles near the station.",
            EventType::Protest
        ),
        "Violent demonstration"
    );
}

#[test]
fn the_sentence_gives_the_manner_and_an_attacked_base_is_a_clash() {
    let (mode, _) = first(
        "Two Suicide bombers kill nine people at a bus station in the north.",
        EventType::Assault,
    );
    assert_eq!(mode.as_deref(), Some("suicide-attack"));
    assert_eq!(
        sub(
            "Five gunmen were killed when they attacked an army headquarter near the river.",
            EventType::Assault
        ),
        "Armed clash"
    );
}

#[test]
fn picked_up_is_an_arrest_only_in_police_usage() {
    let arrests = |text: &str| support::count(&events(text), EventType::Coerce);
    assert_eq!(
        arrests("Police picked up three students outside the university on Monday."),
        1
    );
    assert_eq!(
        arrests("Two activists were picked up by the police at dawn."),
        1
    );
    // A recovery, though the government is named.
    assert_eq!(
        arrests("Exports picked up after the government cut the fuel tax."),
        0
    );
}

#[test]
fn titles_kinds_of_thing_and_legal_matters_are_not_new_attacks() {
    let reported = |text: &str| {
        events(text)
            .iter()
            .filter(|e| e.event_type == EventType::Assault && e.status == EventStatus::Occurred)
            .count()
    };
    // A work's title opening a sentence (below a headline, which capitalises every word); the
    // same verb opening a report still counts.
    assert_eq!(
        reported("Festival prizes\nKill Switch director Mara Olsen won the jury prize in Venice."),
        0
    );
    assert_eq!(
        reported("Festival news\nKilled in the blast were two soldiers and a police officer."),
        1
    );
    // An attack word naming a weapon or craft.
    assert_eq!(
        reported("The navy is leasing an attack submarine for the exercise."),
        0
    );
    // A legal matter about a past act is background; the act reported is news.
    assert_eq!(
        reported("The judge delayed the assault trial of the former coach."),
        0
    );
    assert_eq!(
        reported("The driver was convicted of stabbing a cyclist outside a pub."),
        0
    );
    assert_eq!(
        reported("The former coach assaulted a referee with a bat on Sunday, police said."),
        1
    );
    // An accusation may be the first report of the act: it is kept.
    assert_eq!(
        events("Villagers accused the militia of killing four herders on Sunday.")
            .iter()
            .filter(|e| e.event_type == EventType::Assault)
            .count(),
        1
    );
}

#[test]
fn violating_a_ban_or_order_defies_it() {
    let evs = events("A weekly newspaper has violated a ban imposed by the military governor.");
    assert!(
        evs.iter().any(|e| e.event_type == EventType::Reject),
        "{evs:#?}"
    );
    // Breaking a ceasefire is fighting, not a defiance of a rule (CAMEO 196).
    let evs = events("The militia violated the ceasefire on Sunday.");
    assert!(
        evs.iter().all(|e| e.event_type != EventType::Reject),
        "{evs:#?}"
    );
}

#[test]
fn strengthening_forces_is_a_mobilisation() {
    let evs = events("The army has strengthened its forces along the northern border.");
    assert!(
        evs.iter().any(|e| e.event_type == EventType::Mobilize),
        "{evs:#?}"
    );
    let evs = events("The government has strengthened its economy with new loans.");
    assert!(
        evs.iter().all(|e| e.event_type != EventType::Mobilize),
        "{evs:#?}"
    );
}

#[test]
fn a_blockade_laid_by_a_state_restricts_movement() {
    let evs = events("The army reimposed blockades on the northern villages on Friday.");
    let (mode, _) = first(
        "The army reimposed blockades on the northern villages on Friday.",
        EventType::Coerce,
    );
    assert_eq!(mode.as_deref(), Some("restrict"), "{evs:#?}");
    // Protesters blocking a port obstruct it: still a protest.
    let evs = events("Striking dockworkers set up a blockade at the port on Monday.");
    assert!(
        evs.iter().any(|e| e.event_type == EventType::Protest),
        "{evs:#?}"
    );
}

#[test]
fn harm_words_in_a_figure_of_speech_report_no_harm() {
    let violent = |text: &str| {
        events(text)
            .into_iter()
            .filter(|e| e.event_type == EventType::Assault)
            .count()
    };
    for text in [
        // Things, not people, are "killed".
        "Shareholders killed plans to merge the two airlines.",
        "Cheap imports have killed opportunities for small mills, the union said.",
        "A strike in one port will not kill your business, the adviser said.",
        // Generic "you": advice, sayings, a game's rules.
        "In the game you respawn each time you are killed by a sniper.",
        // Rising, moving and contests.
        "Complaints about police violence have shot up since the new chief arrived.",
        "Her song Toy Soldiers stormed to the top of the charts after the tour.",
        "The army and the contractor ended their legal battle over the rifle patent.",
        "The deal helps the firm avoid several legal landmines.",
    ] {
        assert_eq!(violent(text), 0, "{text}: {:#?}", events(text));
    }
    for text in [
        "Gunmen killed two guards at the depot on Monday.",
        "Gunmen killed the business owner and his son.",
        "The rebel commander said: we will kill you if you return to the valley.",
        "Gunmen shot up a bar in the port city overnight.",
        "Police said the man was shot to death outside a bank.",
        "Soldiers stormed the compound at dawn.",
    ] {
        assert!(
            violent(text) + count_threats(text) >= 1,
            "{text}: {:#?}",
            events(text)
        );
    }
}

fn count_threats(text: &str) -> usize {
    events(text)
        .into_iter()
        .filter(|e| e.event_type == EventType::Threaten)
        .count()
}

#[test]
fn a_country_that_only_describes_a_sports_body_imposes_no_state_ban() {
    let coerce = |text: &str| {
        support::events_with(
            "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n",
            "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
             KE\tKEN\tKenya\t192950\tNairobi\t1.0\t38.0\t51000000\t\n\
             GR\tGRC\tGreece\t390903\tAthens\t39.0\t22.0\t10700000\t\n",
            "# demonym\tiso2\tnote\nKenyan\tKE\t\nGreek\tGR\t\n",
            text,
        )
        .into_iter()
        .filter(|e| e.event_type == EventType::Coerce)
        .count()
    };
    for text in [
        "Kenya's athletics body has reversed a ban on the marathon runner.",
        "The two sprinters face bans if the Greek Rowing Federation finds them guilty.",
    ] {
        assert_eq!(coerce(text), 0, "{text}");
    }
    for text in [
        "Kenya's government has banned the opposition rally.",
        "Kenya's sudden ban on the rally angered the opposition.",
        "The Greek government has banned the march.",
    ] {
        assert_eq!(coerce(text), 1, "{text}");
    }
}

#[test]
fn a_sporting_ban_and_a_survey_finding_are_no_coercion() {
    let coerce_or_sanction = |text: &str| {
        events(text)
            .into_iter()
            .filter(|e| matches!(e.event_type, EventType::Coerce | EventType::Sanction))
            .count()
    };
    for text in [
        "Police chiefs said the athlete must serve a four-year doping ban.",
        "The army's doping tribunal banned the sprinter from the league for two years.",
        "Despite explosive growth in mobile payments, the survey found that most shoppers still use cash, officials said.",
    ] {
        assert_eq!(coerce_or_sanction(text), 0, "{text}: {:#?}", events(text));
    }
    for text in [
        "The interior minister banned the opposition newspaper on Monday.",
        "Police found a cache of rifles and explosives in the farmhouse.",
    ] {
        assert_eq!(coerce_or_sanction(text), 1, "{text}: {:#?}", events(text));
    }
}
