//! Story-level event rules: statements at a reported meeting, meetings called by parties,
//! persons named again by surname, and happenings that are talked about but did not happen.
//! End to end through `extract` with the built-in lexicons and a small hand-written gazetteer;
//! every sentence is written for the rule it exercises.

mod support;
use support::{country, find};

use sitrep_core::{ActorRole, Event, EventStatus, EventType};

const COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
FR\tFRA\tFrance\t3017382\tParis\t46.0\t2.0\t67000000\t\n\
CA\tCAN\tCanada\t6251999\tOttawa\t60.0\t-95.0\t38000000\t\n\
RU\tRUS\tRussia\t2017370\tMoscow\t60.0\t100.0\t144000000\t\n\
US\tUSA\tUnited States\t6252001\tWashington\t39.8\t-98.5\t330000000\t\n";
const DEMONYMS: &str = "# demonym\tiso2\tnote\nFrench\tFR\t\nCanadian\tCA\t\nRussian\tRU\t\n";
const PLACES: &str = "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
2996944\tLyon\t45.75\t4.85\tFR\tAuvergne-Rhone-Alpes\tP.PPLA\t510000\t\n\
2995469\tMarseille\t43.30\t5.37\tFR\tProvence\tP.PPLA\t870000\t\n\
5128581\tNew York City\t40.71\t-74.01\tUS\tNew York\tP.PPL\t8800000\t\n";

fn events(text: &str) -> Vec<Event> {
    support::events_with(PLACES, COUNTRIES, DEMONYMS, text)
}

fn of_type(evs: &[Event], t: EventType) -> Vec<&Event> {
    evs.iter().filter(|e| e.event_type == t).collect()
}

fn actor_names(e: &Event, role: ActorRole) -> Vec<String> {
    e.actors
        .iter()
        .filter(|a| a.role == role)
        .filter_map(|a| a.name.clone().or_else(|| a.text.clone()))
        .collect()
}

#[test]
fn statements_at_a_reported_meeting_take_its_venue() {
    // A speaker of no known country, in a story about a meeting, speaks there.
    let evs = events(
        "Foreign ministers held talks in Lyon on Tuesday. The diplomats urged Russia to free \
         the detained sailors.",
    );
    assert_eq!(
        country(find(&evs, EventType::Request)),
        Some("FR"),
        "{evs:#?}"
    );
    // "at Friday's meeting" points back to the meeting already reported.
    let evs = events(
        "The Security Council held a meeting in New York on Friday. Russia's envoy rejected \
         the accusations at Friday's meeting.",
    );
    assert_eq!(
        country(find(&evs, EventType::Reject)),
        Some("US"),
        "{evs:#?}"
    );
}

#[test]
fn a_meeting_requested_by_parties_is_their_consultation() {
    let evs = events(
        "Envoys gathered for a meeting of the Security Council requested by France and Canada \
         to discuss the blockade.",
    );
    assert!(of_type(&evs, EventType::Request).is_empty(), "{evs:#?}");
    let e = find(&evs, EventType::Consult);
    let actors = actor_names(e, ActorRole::Actor).join(" ");
    assert!(
        actors.contains("France") && actors.contains("Canada"),
        "{e:#?}"
    );
}

#[test]
fn a_person_named_again_by_surname_is_the_speaker() {
    let evs = events(
        "Prime Minister Anna Kowalczyk was questioned by investigators. Kowalczyk, who has led \
         the party since 2019, rejected the accusations on Tuesday.",
    );
    let e = find(&evs, EventType::Reject);
    assert!(
        actor_names(e, ActorRole::Actor)
            .iter()
            .any(|n| n.contains("Kowalczyk")),
        "{e:#?}"
    );
    // A name in apposition right before the verb is its subject.
    let evs =
        events("The president's envoy, Tom Marsh, spoke with the rebel commander on Thursday.");
    let e = find(&evs, EventType::Consult);
    assert!(
        actor_names(e, ActorRole::Actor)
            .iter()
            .any(|n| n.contains("Marsh")),
        "{e:#?}"
    );
}

#[test]
fn talk_of_an_act_is_not_the_act() {
    // Signing a bill is no agreement between parties.
    assert!(of_type(
        &events("The governor signed a bill raising the minimum wage."),
        EventType::Agree
    )
    .is_empty());
    // A deal still worked on is none; a deal reached is.
    assert!(of_type(
        &events("Much work remains on a fishing deal, the minister said."),
        EventType::Agree
    )
    .is_empty());
    assert!(!of_type(
        &events("The two governments reached a deal on fishing rights on Monday."),
        EventType::Agree
    )
    .is_empty());
    // A war's toll is a running total, not an attack.
    assert!(of_type(
        &events("The accord ended a war that lasted six years and killed 50,000 people."),
        EventType::Assault
    )
    .is_empty());
    // A doubted arrest and a forecast meeting did not happen.
    let evs = events(
        "\"I do not believe there will be an arrest,\" the lawyer said. The minister said he \
         believes the two leaders will meet at some point.",
    );
    assert!(of_type(&evs, EventType::Coerce).is_empty(), "{evs:#?}");
    assert!(of_type(&evs, EventType::Consult).is_empty(), "{evs:#?}");
    // Talks one is urged to return to are part of the request.
    let evs = events("The French envoy urged the rebel leaders to return to talks.");
    assert!(of_type(&evs, EventType::Consult).is_empty(), "{evs:#?}");
    // A court suspending its own proceedings sanctions no one.
    let evs = events("The court suspended any further action until it could hear the appeal.");
    assert!(of_type(&evs, EventType::Sanction).is_empty(), "{evs:#?}");
}

#[test]
fn pending_sanctions_are_threats() {
    for text in [
        "Sweeping new economic sanctions against Russia are currently in parliament awaiting \
         ratification.",
        "The officials discussed imposing further sanctions on Russia.",
    ] {
        let evs = events(text);
        assert!(of_type(&evs, EventType::Sanction).is_empty(), "{evs:#?}");
        assert_eq!(
            find(&evs, EventType::Threaten).status,
            EventStatus::Threatened
        );
    }
}

#[test]
fn a_warning_that_describes_is_an_accusation() {
    let evs = events("France warned on Friday that the militia's expansion is dangerous.");
    assert!(!of_type(&evs, EventType::Accuse).is_empty(), "{evs:#?}");
    let evs = events("France warned that it would respond to any attack on its ships.");
    assert!(of_type(&evs, EventType::Accuse).is_empty(), "{evs:#?}");
}

#[test]
fn another_count_is_another_arrest() {
    let evs = events(
        "Police arrested six suspects in Lyon on Monday. The raid led to the arrest of another \
         four people in Marseille.",
    );
    assert_eq!(of_type(&evs, EventType::Coerce).len(), 2, "{evs:#?}");
}

#[test]
fn a_sentence_with_a_ban_is_one_sanction() {
    let evs =
        events("A court sentenced the mayor to two years in prison and banned him from office.");
    assert!(!of_type(&evs, EventType::Sanction).is_empty(), "{evs:#?}");
    assert!(of_type(&evs, EventType::Coerce).is_empty(), "{evs:#?}");
}

#[test]
fn leaving_an_organisation_is_a_sanction() {
    let evs = events("Three states withdrew from ECOWAS in January.");
    let e = find(&evs, EventType::Sanction);
    assert_eq!(e.mode.as_deref(), Some("withdraw"));
    assert!(of_type(&evs, EventType::Retreat).is_empty(), "{evs:#?}");
    // The organisation left is the recipient; a place troops leave is no organisation.
    assert!(named_in(e, ActorRole::Recipient, "ECOWAS"), "{e:#?}");
    let evs = events("French troops withdrew from Lyon in January.");
    assert!(
        evs.iter()
            .all(|e| !named_in(e, ActorRole::Recipient, "ECOWAS")
                && e.event_type != EventType::Sanction),
        "{evs:#?}"
    );
}

#[test]
fn weapon_tests_and_reinforcements_are_mobilisation() {
    let evs = events("The Russian army tested a new missile on Monday.");
    let e = find(&evs, EventType::Mobilize);
    assert_eq!(e.mode.as_deref(), Some("weapons"));
    assert!(!of_type(
        &events("Additional peacekeepers arrived in Lyon on Wednesday to bolster the mission."),
        EventType::Mobilize
    )
    .is_empty());
    assert!(of_type(
        &events("Soldiers arrived in Lyon on Wednesday for a parade."),
        EventType::Mobilize
    )
    .is_empty());
}

#[test]
fn a_visit_is_placed_where_it_goes() {
    let evs = events("The French foreign minister began a visit to Canada on Monday.");
    assert_eq!(
        country(find(&evs, EventType::Consult)),
        Some("CA"),
        "{evs:#?}"
    );
}

#[test]
fn an_operation_that_frames_or_recalls_other_acts_is_no_new_mobilisation() {
    // The operation is the frame of the killing, a reference back, or a standing activity.
    let framed = events(
        "A senior commander of the militia died in what French officials called a joint \
         operation near Lyon on Monday.",
    );
    assert!(
        framed.iter().all(|e| e.event_type != EventType::Mobilize),
        "{framed:#?}"
    );
    let recalled = events(
        "French troops carried out raids near Lyon last week. Despite those operations, the \
         militia kept recruiting.",
    );
    assert!(
        recalled.iter().all(|e| e.event_type != EventType::Mobilize),
        "{recalled:#?}"
    );
    let standing = events(
        "Officials in Lyon said the man had run the militia's external operations for years.",
    );
    assert!(
        standing.iter().all(|e| e.event_type != EventType::Mobilize),
        "{standing:#?}"
    );
    let arrests = events(
        "French police arrested six men, including two brothers, in a follow-up operation near \
         Lyon on Tuesday.",
    );
    assert!(
        arrests.iter().all(|e| e.event_type != EventType::Mobilize),
        "{arrests:#?}"
    );
    assert!(
        arrests.iter().any(|e| e.event_type == EventType::Coerce),
        "{arrests:#?}"
    );
    // A new operation launched by a force is still one.
    let launched =
        events("French troops launched an operation against the militia near Lyon on Monday.");
    assert_eq!(
        of_type(&launched, EventType::Mobilize).len(),
        1,
        "{launched:#?}"
    );
}

fn bans(evs: &[Event]) -> usize {
    evs.iter()
        .filter(|e| e.event_type == EventType::Coerce && e.mode.as_deref() == Some("ban"))
        .count()
}

#[test]
fn a_ban_participle_before_its_noun_is_no_new_ban() {
    // After a past-tense verb or a preposition, "prohibited"/"banned" describes the noun.
    let described = events(
        "The French government detailed prohibited shipments of rockets in a report on Monday.",
    );
    assert_eq!(bans(&described), 0, "{described:#?}");
    let listed = events("The French government published a list of banned books on Monday.");
    assert_eq!(bans(&listed), 0, "{listed:#?}");
    // A government that prohibits something does ban it.
    let banned = events("The French government prohibited public rallies in Lyon on Sunday.");
    assert_eq!(bans(&banned), 1, "{banned:#?}");
}

#[test]
fn an_act_a_demand_asks_to_end_is_not_reported_as_done() {
    let demand = events(
        "\"The city must end its secret transfers and stop detaining asylum seekers in Lyon,\" a \
         lawyer for the group said.",
    );
    assert!(
        demand.iter().all(|e| e.event_type != EventType::Coerce),
        "{demand:#?}"
    );
    let urged = events("Rights groups urged Canada to stop detaining migrants near Lyon.");
    assert!(
        urged.iter().all(|e| e.event_type != EventType::Coerce),
        "{urged:#?}"
    );
    // Detentions told as done stay, even next to a demand.
    let done = events(
        "French police detained 40 migrants in Lyon on Monday, and rights groups urged them to \
         stop.",
    );
    assert_eq!(of_type(&done, EventType::Coerce).len(), 1, "{done:#?}");
}

#[test]
fn a_promise_to_help_free_someone_is_not_the_release() {
    // The holder releases; the one who helps only promises to push for it.
    let help = events(
        "The French senator said on Monday that he will help release the journalist held in \
         Moscow.",
    );
    assert!(
        help.iter().all(|e| e.event_type != EventType::Retreat),
        "{help:#?}"
    );
    // A captor's own announced release is planned.
    let own = events("The Russian authorities said they will release the journalist on Friday.");
    assert!(
        own.iter()
            .any(|e| e.event_type == EventType::Retreat && e.status == EventStatus::Planned),
        "{own:#?}"
    );
}

#[test]
fn a_happening_named_as_someones_role_is_not_news() {
    let credited = events(
        "The French minister also credited Canada for playing a useful role in talks with Russia.",
    );
    assert!(
        credited.iter().all(|e| e.event_type != EventType::Consult),
        "{credited:#?}"
    );
    // Talks told as held are news.
    let held = events("Canada held talks with Russia in Lyon on Monday.");
    assert_eq!(of_type(&held, EventType::Consult).len(), 1, "{held:#?}");
}

#[test]
fn the_attackers_told_again_are_the_attack_already_reported() {
    let retold = events(
        "Gunmen attacked a bus near Lyon on Monday, killing six people. Survivors said the \
         attackers singled out soldiers, shooting many.",
    );
    assert_eq!(of_type(&retold, EventType::Assault).len(), 1, "{retold:#?}");
    // With a place and a day of their own, the attackers' act is a second attack.
    let again = events(
        "Gunmen attacked a bus near Lyon on Monday, killing six people. In Marseille, the \
         attackers shot two guards on Wednesday.",
    );
    assert_eq!(of_type(&again, EventType::Assault).len(), 2, "{again:#?}");
}

#[test]
fn killing_the_attackers_is_the_answer_not_the_attack_retold() {
    let killed = |e: &Event| e.count("killed").and_then(|c| c.low);
    // Insurgents attack; the army then reports the insurgents it killed: two happenings, each
    // with its own toll, even though "the killing" is worded as a reference.
    let evs = events(
        "Insurgents of the Liberation Front attacked a bus near Lyon on Monday. At least 12 \
         travellers and three guards died in the attack. The army claimed the killing of 20 \
         militants. The gunmen had stormed the bus at a checkpoint.",
    );
    let assaults = of_type(&evs, EventType::Assault);
    assert_eq!(assaults.len(), 2, "{evs:#?}");
    assert_eq!(killed(assaults[0]), Some(15), "{evs:#?}");
    assert_eq!(killed(assaults[1]), Some(20), "{evs:#?}");
    // What the gunmen did retells the attack, not the army's answer.
    assert_eq!(assaults[1].evidence.len(), 1, "{evs:#?}");
    assert_eq!(assaults[0].evidence.len(), 3, "{evs:#?}");
    // A new toll of the attack's own victims still updates the one attack.
    let evs = events(
        "Insurgents of the Liberation Front attacked a bus near Lyon on Monday. At least 12 \
         travellers died in the attack. The killing of 15 travellers shocked the country.",
    );
    let assaults = of_type(&evs, EventType::Assault);
    assert_eq!(assaults.len(), 1, "{evs:#?}");
    assert_eq!(killed(assaults[0]), Some(15), "{evs:#?}");
}

#[test]
fn a_happening_a_claim_ties_to_someone_is_presupposed() {
    // The news is the blame; the bombing is named as what it is about.
    let evs = events("The French interior minister blamed the bombing in Lyon on a rival gang.");
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    let evs = events("Officials rejected claims linking the bombing in Lyon to Russia.");
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    // Told in its own clause, the bombing is reported.
    let evs = events(
        "A bomb attack hit a market in Lyon on Monday, and the interior minister blamed a rival \
         gang.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
}

#[test]
fn a_happening_judged_as_a_case_of_something_is_commented_on() {
    let evs = events(
        "\"Her long detention is an example of how Russia silences critics,\" the French \
         minister said.",
    );
    assert!(of_type(&evs, EventType::Coerce).is_empty(), "{evs:#?}");
    // Not a judgement: the detention is reported.
    let evs = events("Her detention in Moscow on Monday was confirmed by Russian police.");
    assert_eq!(of_type(&evs, EventType::Coerce).len(), 1, "{evs:#?}");
}

#[test]
fn an_act_in_a_quantified_relative_clause_is_background() {
    // ", many of whom were deported": what befell some of the people a sentence is about.
    let evs = events("The camp in Lyon housed 300 migrants, many of whom were deported to Russia.");
    assert!(of_type(&evs, EventType::Coerce).is_empty(), "{evs:#?}");
    let evs = events("French police deported 30 migrants from Lyon to Russia on Monday.");
    assert_eq!(of_type(&evs, EventType::Coerce).len(), 1, "{evs:#?}");
}

fn killed(e: &Event) -> Option<(Option<u64>, Option<u64>)> {
    e.killed.as_ref().map(|c| (c.low, c.high))
}

#[test]
fn a_quoted_death_along_with_others_counts_them_all() {
    // The quote retells the strike already told; its toll (one plus two others) is the strike's.
    let evs = events(
        "Rebel commander Omar Haddad was killed in a drone strike near Lyon on Thursday. \
         \"Today the rebel chief was killed. His life was ended, along with two other fighters,\" \
         the defence minister wrote.",
    );
    let strikes = of_type(&evs, EventType::Assault);
    assert_eq!(strikes.len(), 1, "{evs:#?}");
    assert_eq!(killed(strikes[0]), Some((Some(3), Some(3))), "{evs:#?}");
    // A career ended is no death, and a companion with no number is not counted.
    let evs = events(
        "Rebel commander Omar Haddad was killed in a drone strike near Lyon on Thursday. \
         \"His career was ended, along with two others,\" the minister wrote. Haddad's deputy \
         was killed along with his driver.",
    );
    assert!(
        of_type(&evs, EventType::Assault)
            .iter()
            .all(|e| killed(e).is_none_or(|k| k.0 == Some(1) || k.0.is_none())),
        "{evs:#?}"
    );
}

/// Whether an actor of `role` is named with `part`.
fn named_in(e: &Event, role: ActorRole, part: &str) -> bool {
    actor_names(e, role).iter().any(|n| n.contains(part))
}

/// Whether French forces or government act in `e`.
fn french_actor(e: &Event) -> bool {
    e.actors
        .iter()
        .any(|a| a.role == ActorRole::Actor && a.country.as_deref() == Some("FR"))
}

/// The first day of the first event of type `t` in `text`.
fn first_day(text: &str, t: EventType) -> Option<String> {
    let evs = events(text);
    find(&evs, t).date.start.clone()
}

#[test]
fn a_named_person_is_killed_once() {
    // Told first in full, then by surname (with its Arabic article) with a date and place:
    // one killing.
    let evs = events(
        "Police in Marseille opened an inquiry on Monday.\n\nMilitia leader Omar Said \
         al-Haddad was killed in a raid, French officials said. Residents were shocked. Shops \
         closed early. The mayor called for calm. Police said al-Haddad was killed on Thursday \
         in a strike near Lyon.",
    );
    let killings = of_type(&evs, EventType::Assault);
    assert_eq!(killings.len(), 1, "{evs:#?}");
    assert_eq!(killings[0].date.start.as_deref(), Some("2025-05-29"));
    // A person wounded once and killed later: two happenings.
    let evs = events(
        "Police in Marseille opened an inquiry on Monday.\n\nMilitia leader Omar Said \
         al-Haddad was wounded in an attack in Lyon in March. Residents were shocked. Shops \
         closed early. The mayor called for calm. Police said al-Haddad was killed in a strike \
         near Marseille on Thursday.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 2, "{evs:#?}");
}

#[test]
fn a_possessive_on_a_killing_names_the_victim() {
    let evs = events(
        "Foreign Minister Jane Doe was in Lyon on Monday. The president confirmed Doe's \
         assassination on Tuesday.",
    );
    let e = find(&evs, EventType::Assault);
    assert!(named_in(e, ActorRole::Recipient, "Doe"), "{e:#?}");
    assert!(!named_in(e, ActorRole::Actor, "Doe"), "{e:#?}");
    // A force's possessive on a killing is who killed.
    let evs = events("Witnesses described the French army's killing of three farmers.");
    let e = find(&evs, EventType::Assault);
    assert!(
        !e.actors
            .iter()
            .any(|a| a.role == ActorRole::Recipient && a.country.as_deref() == Some("FR")),
        "{e:#?}"
    );
}

#[test]
fn a_surname_keeps_its_apostrophe_whichever_is_typed() {
    let evs = events(
        "Foreign Minister Sean O'Leary met the envoy in Lyon. O\u{2019}Leary rejected the \
         proposal on Tuesday.",
    );
    let e = find(&evs, EventType::Reject);
    assert!(named_in(e, ActorRole::Actor, "O'Leary"), "{e:#?}");
}

#[test]
fn a_date_told_with_the_saying_dates_the_saying() {
    // Friday is when officials spoke, not when the arrests were made.
    for text in [
        "Officials said on Friday that police had arrested six men in Lyon last month.",
        "Officials said on Friday that police had arrested six men in Lyon.",
    ] {
        assert_ne!(
            first_day(text, EventType::Coerce).as_deref(),
            Some("2025-05-30")
        );
    }
    // A party announcing its own act, and a date owning the noun after it, keep the date.
    assert_eq!(
        first_day(
            "The army said on Saturday that it had killed two militants near Lyon.",
            EventType::Assault
        )
        .as_deref(),
        Some("2025-05-31")
    );
    assert_eq!(
        first_day(
            "The mayor said Friday's attack on the market in Lyon killed four people.",
            EventType::Assault
        )
        .as_deref(),
        Some("2025-05-30")
    );
}

#[test]
fn a_participle_after_an_event_noun_has_the_noun_as_subject() {
    // The strike did the targeting, not the person named before it.
    let evs = events(
        "Foreign Minister Jane Doe was in Lyon on Monday. French troops, in a statement, said \
         Doe was killed in an airstrike targeting her convoy.",
    );
    let e = find(&evs, EventType::Assault);
    assert!(!named_in(e, ActorRole::Actor, "Doe"), "{e:#?}");
    // A participle after its doer keeps the doer as subject.
    let evs = events("French troops were targeting the rebel camp near Lyon on Monday.");
    let e = find(&evs, EventType::Assault);
    assert!(french_actor(e), "{e:#?}");
}

#[test]
fn an_article_and_a_military_adjective_make_an_event_noun() {
    // "a precision airstrike" is a noun: the person killed in it did not strike.
    let evs = events(
        "Foreign Minister Jane Doe was in Lyon on Monday. Officials said Doe was killed in a \
         precision airstrike.",
    );
    let e = find(&evs, EventType::Assault);
    assert!(named_in(e, ActorRole::Recipient, "Doe"), "{e:#?}");
    // A verb after its subject stays a verb with that subject.
    let evs = events("French troops attacked the rebel camp near Lyon on Monday.");
    let e = find(&evs, EventType::Assault);
    assert!(french_actor(e), "{e:#?}");
}

#[test]
fn a_possessive_date_dates_the_noun_it_owns() {
    // Tuesday is when the attack was, not when the claims were rejected.
    assert_ne!(
        first_day(
            "The government rejected claims that Tuesday's attack in Lyon was planned abroad.",
            EventType::Reject
        )
        .as_deref(),
        Some("2025-05-27")
    );
    // A statement made at a dated meeting takes the meeting's date.
    assert_eq!(
        first_day(
            "The French envoy rejected the accusations at Friday's meeting in Lyon.",
            EventType::Reject
        )
        .as_deref(),
        Some("2025-05-30")
    );
}

#[test]
fn who_claims_orders_or_announces_an_act_does_it() {
    // The subject of "claimed", "ordered" or "announced" before a noun trigger is its doer.
    let evs = events("The French army claimed the killing of 14 insurgents near Lyon on Saturday.");
    let e = find(&evs, EventType::Assault);
    assert!(named_in(e, ActorRole::Actor, "army"), "{e:#?}");
    let evs = events("Prosecutors in Lyon on Friday ordered the arrest of the mayor of Marseille.");
    let e = find(&evs, EventType::Threaten);
    assert!(named_in(e, ActorRole::Actor, "prosecutors"), "{e:#?}");
    let evs = events(
        "The French defence minister announced the deployment of a rapid reaction force to \
         Marseille on Friday.",
    );
    let e = find(&evs, EventType::Mobilize);
    assert!(named_in(e, ActorRole::Actor, "minister"), "{e:#?}");
    // A killing announced is news its victims' side may give: the announcer is no doer.
    let evs = events("The French army announced the killing of two of its soldiers near Lyon.");
    let e = find(&evs, EventType::Assault);
    assert!(!named_in(e, ActorRole::Actor, "army"), "{e:#?}");
    // Nor is one who condemns an act.
    let evs = events("The French army condemned the killing of 14 villagers near Lyon.");
    let e = find(&evs, EventType::Assault);
    assert!(!named_in(e, ActorRole::Actor, "army"), "{e:#?}");
}

#[test]
fn a_statement_retold_by_its_noun_keeps_the_date_it_was_issued() {
    // Thursday is when the statement was issued, so when its threat was made.
    assert_eq!(
        first_day(
            "The French foreign minister issued a statement on Thursday criticising the vote. \
             The statement threatened sanctions against Russia.",
            EventType::Threaten
        )
        .as_deref(),
        Some("2025-05-29")
    );
    // A date in the previous sentence away from any statement noun is not carried.
    assert_eq!(
        first_day(
            "The French foreign minister criticised the vote on Thursday. The statement \
             threatened sanctions against Russia.",
            EventType::Threaten
        )
        .as_deref(),
        None
    );
}

#[test]
fn a_lead_in_the_perfect_takes_the_time_the_next_sentence_gives() {
    // The lead tells what has happened; the sentence after it says when.
    assert_eq!(
        first_day(
            "The French government has rejected the Russian proposal. The foreign minister \
             called the plan unworkable at a news conference on Thursday.",
            EventType::Reject
        )
        .as_deref(),
        Some("2025-05-29")
    );
    // A lead in the simple past with no date of its own stays undated.
    assert_eq!(
        first_day(
            "The French government rejected the Russian proposal. Police arrested two men in \
             Lyon on Thursday.",
            EventType::Reject
        )
        .as_deref(),
        None
    );
    // So does a happening told later in the story.
    assert_eq!(
        first_day(
            "Police arrested two men in Lyon on Thursday. The French government has rejected \
             the Russian proposal. The minister spoke in Marseille on Friday.",
            EventType::Reject
        )
        .as_deref(),
        None
    );
}
