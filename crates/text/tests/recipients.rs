//! Whom an act is aimed at: the party after a modal verb phrase, conjoined addressees of a
//! reported demand, the doer of misdeeds under inquiry, whom goods are taken from, the opponent
//! of a mobilisation, the parties a mediator works between, the target of a boycott or a
//! protest's disapproval, the nation named by a demonym on the object of an attack, the other
//! side of a conversation (a partner), whom aid goes to, the party behind "from" or "to" after a
//! plain object, the named one ordered to act, the maker of a rejected appeal, and every party
//! grouped with a recipient. End to end through `extract` with a small hand-written gazetteer;
//! each sentence is written for the rule it tests.

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
169577\tHoms\t34.73\t36.72\tSY\tHoms\tP.PPL\t775000\t\n\
3936456\tLima\t-12.04\t-77.03\tPE\tLima\tP.PPLC\t7700000\t\n\
3947322\tArequipa\t-16.40\t-71.54\tPE\tArequipa\tP.PPL\t840000\t\n\
9000001\tNorte Grande\t-22.0\t-69.0\tCL\t\tL.CONT\t0\t\n\
9000002\tPacific Ocean\t0.0\t-150.0\t\t\tL.CONT\t0\tPacific\n";

fn events(text: &str) -> Vec<Event> {
    support::events_with(
        PLACES,
        COUNTRIES,
        "# demonym\tiso2\tnote\nChilean\tCL\t\nPeruvian\tPE\t\nSyrian\tSY\t\nJordanian\tJO\t\n",
        text,
    )
}

/// Written texts of the first `t` event's recipients.
fn recipients(text: &str, t: EventType) -> Vec<String> {
    with_role(text, t, ActorRole::Recipient)
}

/// Written texts of the first `t` event's actors in `role`.
fn with_role(text: &str, t: EventType, role: ActorRole) -> Vec<String> {
    support::role_texts(support::find(&events(text), t), role)
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

#[test]
fn a_demonym_on_the_object_of_an_attack_names_the_target() {
    // The nation whose houses were razed is the target, not a later noun phrase.
    let r = recipients(
        "The militia razed Syrian grain stores and the homes of civilians near the river.",
        EventType::Assault,
    );
    assert_eq!(r.first().map(String::as_str), Some("Syrian"), "{r:?}");
    assert_eq!(
        recipients(
            "Chile threatened to raze Peruvian border posts.",
            EventType::Threaten
        ),
        vec!["Peruvian"]
    );
    // A demonym that only says where the object is ("near the Syrian border") names no target.
    let r = recipients(
        "The militia razed grain stores near the Syrian border.",
        EventType::Assault,
    );
    assert!(!r.iter().any(|x| x == "Syrian"), "{r:?}");
}

#[test]
fn the_other_side_of_talks_is_a_partner_not_a_recipient() {
    let text = "The Chilean president held talks with Peruvian officials on Monday.";
    assert!(
        recipients(text, EventType::Consult).is_empty(),
        "{:?}",
        recipients(text, EventType::Consult)
    );
    assert!(with_role(text, EventType::Consult, ActorRole::Partner)
        .iter()
        .any(|x| x.contains("Peruvian")));
    // A visit has a host: the host country stays the recipient.
    assert_eq!(
        recipients("Chile visited Jordan on Monday.", EventType::Consult),
        vec!["Jordan"]
    );
}

#[test]
fn whom_aid_goes_to_may_stand_after_a_long_object() {
    assert_eq!(
        recipients(
            "Jordan agreed at a donors' meeting on Friday to release a further 30 million euros of emergency aid for Chile and Peru.",
            EventType::Agree
        ),
        vec!["Chile", "Peru"]
    );
    // The same distance without an aid word reaches no party.
    let r = recipients(
        "Jordan agreed at a donors' meeting on Friday to release a further 30 million euros in the spring before Chile votes.",
        EventType::Agree,
    );
    assert!(!r.iter().any(|x| x == "Chile"), "{r:?}");
}

#[test]
fn the_party_behind_from_to_or_with_after_a_plain_object_is_the_counterpart() {
    assert_eq!(
        recipients(
            "Farm unions demanded compensation from the Regional Water Board over the drought.",
            EventType::Request
        ),
        vec!["Regional Water Board"]
    );
    assert_eq!(
        recipients(
            "Jordan delivered 40 tents and blankets to the Coastal Relief Society.",
            EventType::Aid
        ),
        vec!["Coastal Relief Society"]
    );
    // After a physical act done together "with" names a partner: no counterpart is read there.
    let r = recipients(
        "Jordan pooled flood data with the Coastal Relief Society.",
        EventType::Cooperate,
    );
    assert!(r.is_empty(), "{r:?}");
    // A name inside the object ends the search: the party after it is not the counterpart.
    let r = recipients(
        "Farm unions demanded Peruvian wheat from the Regional Water Board over the drought.",
        EventType::Request,
    );
    assert!(!r.iter().any(|x| x == "Regional Water Board"), "{r:?}");
}

#[test]
fn who_made_the_demands_given_in_to_is_the_recipient() {
    // "to pay demands" is the object; the party after "from" made the demands.
    assert_eq!(
        recipients(
            "After a week of strikes Chile conceded to pay demands from the Coastal Fishers Union.",
            EventType::Concede
        ),
        vec!["Coastal Fishers Union"]
    );
}

#[test]
fn the_named_one_told_to_act_is_the_recipient() {
    assert_eq!(
        recipients(
            "A court in Lima ordered the radio network Radio Sur to stop its broadcasts.",
            EventType::Request
        ),
        vec!["Radio Sur"]
    );
    // No infinitive after the name: the name is not one told to act.
    let r = recipients(
        "A court in Lima ordered the radio network to stop airing Radio Sur programmes.",
        EventType::Request,
    );
    assert!(!r.iter().any(|x| x == "Radio Sur"), "{r:?}");
}

#[test]
fn a_rejected_call_belongs_to_the_named_person_who_made_it() {
    assert_eq!(
        recipients(
            "Chile turned down an appeal by Ana Torres, the regional envoy, for new elections.",
            EventType::Reject
        ),
        vec!["Ana Torres"]
    );
    // A party in apposition after a comma is no second owner of the call.
    assert_eq!(
        recipients(
            "Chile turned down an appeal by Ana Torres, Peru's envoy, for new elections.",
            EventType::Reject
        ),
        vec!["Ana Torres"]
    );
    // "by" after no proposal word names no owner.
    let r = recipients(
        "Chile rejected the plan on Monday, as expected by Ana Torres.",
        EventType::Reject,
    );
    assert!(!r.iter().any(|x| x == "Ana Torres"), "{r:?}");
}

#[test]
fn every_party_joined_to_a_recipient_shares_its_role() {
    assert_eq!(
        recipients(
            "The envoy defended Chile and Peru on Friday against criticism over fishing quotas.",
            EventType::Support
        ),
        vec!["Chile", "Peru"]
    );
    // A party named in a second clause is not joined to the recipient.
    let r = recipients(
        "The envoy defended Chile against criticism over fishing quotas and then left for Peru.",
        EventType::Support,
    );
    assert!(!r.iter().any(|x| x == "Peru"), "{r:?}");
}

#[test]
fn the_one_met_with_is_the_counterpart_and_the_topic_of_talks_is_not() {
    let r = recipients(
        "Chilean diplomats held their first meeting with President Lopez.",
        EventType::Consult,
    );
    assert!(r.iter().any(|x| x.contains("Lopez")), "{r:?}");
    // A country as the subject of "held talks" keeps the other side (a partner of talks).
    assert!(with_role(
        "Chile held talks with Peru on trade.",
        EventType::Consult,
        ActorRole::Partner
    )
    .iter()
    .any(|x| x == "Peru"));
    // What talks are "on" is their topic, not a side.
    let r = recipients(
        "Chile and Peru renewed negotiations today on a Peruvian troop pullback.",
        EventType::Consult,
    );
    assert!(!r.iter().any(|x| x.contains("troop")), "{r:?}");
}

#[test]
fn a_place_after_of_is_the_target_of_an_aimed_noun() {
    assert_eq!(
        recipients(
            "Syria today mounted its invasion of Jordan.",
            EventType::Assault
        ),
        vec!["Jordan"]
    );
    // A blockade an alliance tightens is a restriction it imposes (COERCE, CAMEO 1723), no
    // longer read as a protesters' obstruction; the place it is laid on stays the target.
    assert_eq!(
        recipients(
            "The alliance tightened its naval blockade of Peru on Monday.",
            EventType::Coerce
        ),
        vec!["Peru"]
    );
    // An ocean has no people or rulers to blockade.
    let r = recipients(
        "The alliance tightened its naval blockade of the Pacific Ocean on Monday.",
        EventType::Coerce,
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_region_within_one_country_can_be_acted_on() {
    assert_eq!(
        recipients(
            "Chile will evacuate all settlements in Norte Grande by August.",
            EventType::Retreat
        ),
        vec!["Norte Grande"]
    );
    // A truce declared "in" a place says where it holds, not whom it spares.
    let r = recipients(
        "Chile declared a unilateral ceasefire on Wednesday in Norte Grande.",
        EventType::Retreat,
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn the_other_side_of_a_closed_border_is_the_target() {
    assert_eq!(
        recipients(
            "Peru closed its southern borders with Chile and Jordan on Friday.",
            EventType::Coerce
        ),
        vec!["Chile", "Jordan"]
    );
    // People arrested near a border stay the target; the neighbour is only where.
    let r = recipients(
        "Peru arrested three Chilean fishermen near its border with Chile.",
        EventType::Coerce,
    );
    assert!(!r.iter().any(|x| x == "Chile"), "{r:?}");
}

#[test]
fn forces_moved_into_or_out_of_a_place_give_way_to_the_place() {
    assert_eq!(
        recipients(
            "The United Nations will withdraw its inspectors and aid workers from Syria.",
            EventType::Retreat
        ),
        vec!["Syria"]
    );
    assert_eq!(
        recipients(
            "Chile refused to deploy peacekeepers in Jordan.",
            EventType::Reject
        ),
        vec!["Jordan"]
    );
    // Troops hit where they stand are the target, not the place.
    let r = recipients("Rebels shelled the troops in Homs.", EventType::Assault);
    assert!(!r.iter().any(|x| x == "Homs"), "{r:?}");
}

#[test]
fn a_capital_or_a_party_after_by_is_a_statement_counterpart() {
    assert_eq!(
        recipients("Chile demanded an apology from Lima.", EventType::Request),
        vec!["Lima"]
    );
    // Another town is not a government.
    let r = recipients(
        "Chile demanded an apology from Arequipa.",
        EventType::Request,
    );
    assert!(r.is_empty(), "{r:?}");
    assert_eq!(
        recipients(
            "Chile demanded an immediate admission by Peru that its navy sank the boat.",
            EventType::Request
        ),
        vec!["Peru"]
    );
    // "by" a day is a deadline.
    let r = recipients("Chile demanded a reply by Friday.", EventType::Request);
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn the_written_subject_of_a_passive_arrest_is_the_arrested() {
    let r = recipients(
        "A missionary from Arequipa was arrested in Jordan on Monday.",
        EventType::Coerce,
    );
    assert!(r.iter().any(|x| x.contains("missionary")), "{r:?}");
    assert!(!r.iter().any(|x| x == "Jordan"), "{r:?}");
    // A thing, not a party, in the subject slot is not made a target.
    let r = recipients(
        "The shipment was seized in Jordan on Monday by police.",
        EventType::Coerce,
    );
    assert!(!r.iter().any(|x| x.contains("shipment")), "{r:?}");
}

#[test]
fn a_place_before_a_conditional_clause_is_still_the_target() {
    // An announced withdrawal on a condition is an ultimatum (THREATEN); the place left is still
    // whom it is aimed at.
    assert_eq!(
        recipients(
            "Chile will withdraw its troops from Peru unless the talks resume.",
            EventType::Threaten
        ),
        vec!["Peru"]
    );
    // A place naming the thing after it is a modifier, not the target.
    let r = recipients(
        "Chile will withdraw its troops from Peru border posts next month.",
        EventType::Retreat,
    );
    assert!(!r.iter().any(|x| x == "Peru"), "{r:?}");
}

#[test]
fn a_nation_named_on_what_a_restriction_is_laid_on_is_its_target() {
    assert_eq!(
        recipients(
            "Chile lifted the ban on Peruvian imports on Friday.",
            EventType::Concede
        ),
        vec!["Peruvian"]
    );
    assert_eq!(
        recipients(
            "Chile lifted Friday a week-old blockade on Peruvian lorries.",
            EventType::Concede
        ),
        vec!["Peruvian"]
    );
    // A demonym behind another preposition only says where.
    let r = recipients(
        "Chile lifted the ban on fishing near Peruvian waters on Friday.",
        EventType::Concede,
    );
    assert!(!r.iter().any(|x| x == "Peruvian"), "{r:?}");
}

#[test]
fn whom_something_is_shared_with_receives_it() {
    assert_eq!(
        recipients(
            "Jordan shared flood data with the Coastal Relief Society.",
            EventType::Cooperate
        ),
        vec!["Coastal Relief Society"]
    );
    // Only sharing hands the object over: what is pooled with a party is held together.
    let r = recipients(
        "Jordan pooled flood data with the Coastal Relief Society on Monday.",
        EventType::Cooperate,
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn the_other_side_of_links_a_noun_of_the_act_cuts_is_the_target() {
    assert_eq!(
        recipients(
            "Peru announced a suspension of trade links with Chile on Monday.",
            EventType::Sanction
        ),
        vec!["Chile"]
    );
    // A tie word behind another preposition ("near its border") only says where.
    let r = recipients(
        "Peru announced a suspension of trade links near its border with Chile.",
        EventType::Sanction,
    );
    assert!(!r.iter().any(|x| x == "Chile"), "{r:?}");
}

#[test]
fn people_named_with_their_nation_after_from_lose_what_is_taken() {
    assert_eq!(
        recipients(
            "Police confiscated rifles and explosives from Syrian armed groups.",
            EventType::Coerce
        ),
        vec!["Syrian armed groups"]
    );
    // Goods seized in a place: the nation named on the place is not whom they were taken from.
    let r = recipients(
        "Police confiscated rifles in Syrian border towns.",
        EventType::Coerce,
    );
    assert!(!r.iter().any(|x| x.contains("Syrian")), "{r:?}");
}

#[test]
fn a_demonym_after_against_names_the_target_of_an_attack() {
    let r = recipients(
        "The militia carried out ethnic cleansing in Homs against the Jordanian population.",
        EventType::Assault,
    );
    assert_eq!(r.first().map(String::as_str), Some("Jordanian"), "{r:?}");
    // Without "against" the demonym only says where.
    let r = recipients(
        "The militia carried out ethnic cleansing in Homs near the Jordanian border.",
        EventType::Assault,
    );
    assert!(!r.iter().any(|x| x.contains("Jordanian")), "{r:?}");
}

#[test]
fn a_venue_an_attack_is_aimed_at_is_its_target() {
    assert_eq!(
        recipients(
            "Gunmen stormed a border post near Arequipa on Sunday.",
            EventType::Assault
        ),
        vec!["border post"]
    );
    assert_eq!(
        recipients(
            "Rebels set fire to the offices of the fishing cooperative overnight.",
            EventType::Assault
        ),
        vec!["offices of the fishing cooperative"]
    );
    assert_eq!(
        recipients("Rebels torched the school overnight.", EventType::Assault),
        vec!["school"]
    );
    assert_eq!(
        recipients(
            "Gunmen launched an attack on the refugee camp at dawn.",
            EventType::Assault
        ),
        vec!["refugee camp"]
    );
    // A venue where an arrest happened is no target, nor a venue word modifying the object.
    let r = recipients(
        "Police arrested two smugglers in a camp near Lima.",
        EventType::Coerce,
    );
    assert!(!r.iter().any(|x| x.contains("camp")), "{r:?}");
    let r = recipients(
        "Gunmen stormed camp kitchens near Arequipa on Sunday.",
        EventType::Assault,
    );
    assert!(!r.iter().any(|x| x.contains("camp")), "{r:?}");
}

#[test]
fn supplies_cut_or_sent_to_a_camp_go_to_the_camp() {
    assert_eq!(
        recipients(
            "The agency reduced food supplies to the largest refugee camp in Jordan.",
            EventType::Sanction
        ),
        vec!["largest refugee camp"]
    );
    // Supplies cut inside a camp are not cut to it.
    let r = recipients(
        "The agency reduced food supplies in the largest refugee camp.",
        EventType::Sanction,
    );
    assert!(!r.iter().any(|x| x.contains("camp")), "{r:?}");
}

#[test]
fn a_name_protested_against_is_the_target() {
    assert_eq!(
        recipients(
            "Students staged rallies in Lima against the party's leader Juan Soto on Friday.",
            EventType::Protest
        ),
        vec!["Juan Soto"]
    );
    // A common noun protested against names no party.
    let r = recipients(
        "Students staged rallies in Lima against the new tax law on Friday.",
        EventType::Protest,
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn whom_a_demand_is_made_of_is_the_subject_of_the_demanded_clause() {
    assert_eq!(
        recipients(
            "Chile bluntly demanded that its Pacific Forum partners refuse to recognise the new Peruvian tariff.",
            EventType::Request
        ),
        vec!["Pacific Forum"]
    );
    // A warning's clause tells what will happen, not whom a demand is made of.
    let r = recipients(
        "Chile warned that its Pacific Forum partners would face new tariffs.",
        EventType::Threaten,
    );
    assert!(!r.iter().any(|x| x.contains("Pacific Forum")), "{r:?}");
}

#[test]
fn the_party_behind_by_after_a_demanded_object_outranks_a_later_party() {
    let r = recipients(
        "Chile demanded an immediate admission by Lima that Peruvian troops shelled the village.",
        EventType::Request,
    );
    assert_eq!(r.first().map(String::as_str), Some("Lima"), "{r:?}");
    // "by Friday" is a deadline, not a party.
    let r = recipients(
        "Chile demanded an immediate admission by Friday that Peruvian troops shelled the village.",
        EventType::Request,
    );
    assert!(!r.iter().any(|x| x.contains("Friday")), "{r:?}");
}

#[test]
fn a_refusal_answers_whoever_pressed_for_the_act() {
    assert_eq!(
        recipients(
            "The minister declined to resign despite growing pressure by the Coastal Fishers Union.",
            EventType::Reject
        ),
        vec!["Coastal Fishers Union"]
    );
    // A party behind "despite" without a word of pressing did not ask for anything.
    let r = recipients(
        "The minister declined to resign despite a critical report by the Coastal Fishers Union.",
        EventType::Reject,
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn whoever_died_of_an_attack_suffered_it() {
    assert_eq!(
        recipients(
            "A Chilean student died as a result of torture in police custody.",
            EventType::Assault
        ),
        vec!["A Chilean student"]
    );
    // A death only told beside the act ("a week after") is not tied to it.
    let r = recipients(
        "A Chilean student died on Monday, a week after the torture of his brother.",
        EventType::Assault,
    );
    assert!(!r.iter().any(|x| x.contains("student")), "{r:?}");
}

#[test]
fn people_a_border_is_opened_to_receive_the_concession() {
    assert_eq!(
        recipients(
            "Jordan opened its borders today to most West Africans fleeing the floods.",
            EventType::Concede
        ),
        vec!["most West Africans"]
    );
    // After a statement the people behind "to" are its audience, not its counterpart.
    let r = recipients(
        "Chile rejected the plan in remarks to foreign reporters.",
        EventType::Reject,
    );
    assert!(!r.iter().any(|x| x.contains("reporters")), "{r:?}");
}

#[test]
fn a_place_after_without_is_no_counterpart() {
    let r = recipients(
        "The Chilean envoy agreed to step down without returning to Peru.",
        EventType::Agree,
    );
    assert!(!r.iter().any(|x| x == "Peru"), "{r:?}");
    // Without "without" the place is the one returned to.
    let r = recipients(
        "The Chilean envoy agreed to step down and return to Peru.",
        EventType::Agree,
    );
    assert!(r.iter().any(|x| x == "Peru"), "{r:?}");
}

#[test]
fn refuge_in_a_country_is_asked_of_that_country() {
    assert_eq!(
        recipients(
            "Thousands of Peruvian farmers sought refuge in Chile last month.",
            EventType::Request
        ),
        vec!["Chile"]
    );
    // A building the refuge is found in is no party asked, nor the town around it.
    let r = recipients(
        "Thousands of Peruvian farmers sought refuge in a church in Lima last month.",
        EventType::Request,
    );
    assert!(!r.iter().any(|x| x == "Lima"), "{r:?}");
}

#[test]
fn a_body_named_after_a_country_is_not_the_country() {
    assert_eq!(
        recipients(
            "Municipal officials demanded support from the Chile Assembly.",
            EventType::Request
        ),
        vec!["Chile Assembly"]
    );
    // The country alone stays the counterpart.
    assert_eq!(
        recipients(
            "Municipal officials demanded support from Chile on Monday.",
            EventType::Request
        ),
        vec!["Chile"]
    );
}

/// Panics when any event of `text` has a recipient written `name`.
fn assert_no_recipient(text: &str, name: &str) {
    let evs = events(text);
    let hit = evs.iter().any(|e| {
        support::role_texts(e, ActorRole::Recipient)
            .iter()
            .any(|x| x == name)
    });
    assert!(!hit, "{name} received an act in {text:?}: {evs:#?}");
}

#[test]
fn whom_a_ban_keeps_from_acting_is_its_recipient() {
    let r = recipients(
        "President Boric has banned Peruvian opposition candidates from running in the vote.",
        EventType::Coerce,
    );
    assert_eq!(r, vec!["Peruvian opposition candidates"]);
    // "from" before a name, not before a verb in -ing: what is banned is goods, no party.
    let r = recipients(
        "President Boric has banned fish imports from the north.",
        EventType::Coerce,
    );
    assert!(!r.iter().any(|x| x.contains("imports")), "{r:?}");
}

#[test]
fn the_sides_a_mediator_works_between_are_its_recipients() {
    let r = recipients(
        "Jordanian officers ended mediation efforts between rival militias in Homs.",
        EventType::Consult,
    );
    assert_eq!(r, vec!["rival militias"]);
    // A span of time between two dates names no sides.
    let r = recipients(
        "Jordanian officers ended mediation efforts between March and May.",
        EventType::Consult,
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_place_a_siege_noun_used_as_a_verb_is_laid_on_is_its_recipient() {
    let r = recipients(
        "Angry dairy farmers said they would blockade Lima from Monday night.",
        EventType::Protest,
    );
    assert_eq!(r, vec!["Lima"]);
    // Roads near a city are blocked, not the city.
    let r = recipients(
        "Angry dairy farmers said they would blockade roads near Lima.",
        EventType::Protest,
    );
    assert!(!r.iter().any(|x| x == "Lima"), "{r:?}");
}

#[test]
fn an_office_title_without_an_article_after_an_attack_verb_is_the_target() {
    let r = recipients(
        "An attempt to assassinate deputy governor of the Arequipa region, Juan Torres, failed.",
        EventType::Assault,
    );
    assert_eq!(
        r,
        vec!["deputy governor of the Arequipa region, Juan Torres"]
    );
    // A title owning the object ("mayor's bodyguard") is not the one attacked.
    let r = recipients(
        "Gunmen tried to kill mayor's bodyguard in Arequipa.",
        EventType::Assault,
    );
    assert!(!r.iter().any(|x| x.contains("mayor")), "{r:?}");
}

#[test]
fn the_party_named_by_a_threats_condition_is_threatened() {
    let r = recipients(
        "Chile threatened to launch a new military offensive unless Lima accepted its terms.",
        EventType::Threaten,
    );
    assert_eq!(r, vec!["Lima"]);
    // A party the threatened act itself names stays the target.
    let r = recipients(
        "Chile threatened to break relations with Peru unless Lima closed its base.",
        EventType::Threaten,
    );
    assert_eq!(r, vec!["Peru"]);
}

#[test]
fn the_side_a_mobilisation_is_aimed_against_outranks_the_forces_it_builds() {
    let r = recipients(
        "Syria has trained hundreds of hackers capable of waging cyber warfare against Jordan.",
        EventType::Mobilize,
    );
    assert_eq!(r, vec!["Jordan"]);
    // "against" past a clause break belongs to another verb.
    let r = recipients(
        "Syria has trained hundreds of hackers, who later spoke against Jordan.",
        EventType::Mobilize,
    );
    assert!(!r.iter().any(|x| x == "Jordan"), "{r:?}");
}

#[test]
fn the_last_conjunct_after_an_aside_is_in_the_list() {
    let r = recipients(
        "Chile agreed to lift embargoes on sales to Peru, Syria, and with strings attached, Jordan.",
        EventType::Agree,
    );
    assert_eq!(r, vec!["Peru", "Syria", "Jordan"]);
    // A name opening a new clause after the aside is no conjunct.
    let r = recipients(
        "Chile agreed to lift embargoes on Peru and Syria, and within a week, Jordan said it would follow.",
        EventType::Agree,
    );
    assert!(!r.iter().any(|x| x == "Jordan"), "{r:?}");
}

#[test]
fn a_present_verb_after_a_plural_subject_is_a_verb() {
    // "The Palestinians reject ..." is a clause, so the owner of the rejected proposal is the
    // party rejected, as after "rejected".
    let r = recipients(
        "The rebels reject proposed Peruvian changes to the deal.",
        EventType::Reject,
    );
    assert_eq!(r, vec!["Peruvian"]);
    // A singular noun before the word keeps the noun reading: "The opposition demand ..." is
    // a demand the opposition made, so Chile, after the verb "angered", is not asked.
    assert_no_recipient(
        "The opposition demand for early elections angered Chile.",
        "Chile",
    );
}

#[test]
fn a_recipient_span_takes_the_creed_words_before_its_head() {
    // Words of creed or camp belong to the group's noun phrase, with the name before them.
    assert_eq!(
        recipients(
            "Riot police fired tear gas to scatter Sikh separatist marchers in Lima.",
            EventType::Assault
        ),
        vec!["Sikh separatist marchers"]
    );
    // Other words before the head stay out of the span.
    assert_eq!(
        recipients(
            "Riot police fired tear gas to scatter angry marchers in Lima.",
            EventType::Assault
        ),
        vec!["marchers"]
    );
}

#[test]
fn a_head_that_is_also_an_adjective_keeps_the_people_noun_after_it() {
    // "civilian" describes the engineers: the actor is the whole phrase, head noun included.
    assert_eq!(
        recipients(
            "Rebels abducted nine Chilean civilian engineers near Arequipa.",
            EventType::Assault
        ),
        vec!["Chilean civilian engineers"]
    );
    // Before a word that is no people noun it stays the head ("civilians" in the singular).
    assert_eq!(
        recipients(
            "Rebels abducted a Chilean civilian near Arequipa.",
            EventType::Assault
        ),
        vec!["Chilean civilian"]
    );
}

#[test]
fn an_adjective_before_a_thing_names_no_recipient() {
    // "suspect" and "military" describe the things after them: no one is acted on.
    let r = recipients(
        "Jordanian inspectors are probing suspect warehouses near Amman.",
        EventType::Accuse,
    );
    assert!(!r.iter().any(|x| x.contains("suspect")), "{r:?}");
    assert_eq!(
        recipients(
            "Chile threatened to open a new military offensive against Peru.",
            EventType::Threaten
        ),
        vec!["Peru"]
    );
    // A counted suspect is a person.
    assert_eq!(
        recipients(
            "Police in Lima detained a suspect outside the bank.",
            EventType::Coerce
        ),
        vec!["suspect"]
    );
}

#[test]
fn the_party_complained_about_is_accused_not_the_addressee() {
    assert_eq!(
        recipients(
            "Jordan complained to the Arab League on Monday over Syrian shelling of border posts.",
            EventType::Accuse
        ),
        vec!["Syrian"]
    );
    // With no party named in the matter, the addressee stays the counterpart.
    assert_eq!(
        recipients(
            "Jordan complained to the Arab League on Monday over rising water prices.",
            EventType::Accuse
        ),
        vec!["Arab League"]
    );
}

#[test]
fn the_topic_of_shared_information_is_no_counterpart() {
    // The people the data is about are not whom the agreement is made with.
    let r = recipients(
        "Chile and Peru agreed on Monday to exchange data on displaced people from the border.",
        EventType::Agree,
    );
    assert!(r.is_empty(), "{r:?}");
    // Sanctions laid "on" a party still hit it.
    assert_eq!(
        recipients(
            "Chile agreed to impose sanctions on Peru.",
            EventType::Agree
        ),
        vec!["Peru"]
    );
}

#[test]
fn whom_the_purpose_of_agreed_content_touches_is_no_counterpart() {
    let r = recipients(
        "Chile and Peru agreed that both should cooperate to persuade Syrian refugees to go home.",
        EventType::Agree,
    );
    assert!(r.is_empty(), "{r:?}");
    // The object of the agreed act itself stays its recipient.
    assert_eq!(
        recipients(
            "Chile and Peru agreed that both should release Syrian prisoners.",
            EventType::Agree
        ),
        vec!["Syrian prisoners"]
    );
}

#[test]
fn a_blockade_a_state_imposes_in_a_place_is_laid_on_that_place() {
    let r = recipients(
        "Chile reimposed blockades in Arequipa after the clashes.",
        EventType::Coerce,
    );
    assert_eq!(r, vec!["Arequipa"]);
    // Protesters' blockades in a city obstruct roads there; the city is where they stand.
    assert_no_recipient("Angry truckers set up blockades in Arequipa.", "Arequipa");
}

#[test]
fn the_nation_of_what_a_protest_opposes_is_protested_against() {
    let r = recipients(
        "Inmates rioted at a jail in Arequipa demanding independence from Peruvian rule.",
        EventType::Protest,
    );
    assert_eq!(r, vec!["Peruvian"]);
    // A route "from" towns of a nation names no opponent.
    let r = recipients(
        "Thousands marched from Peruvian towns to Amman.",
        EventType::Protest,
    );
    assert!(!r.iter().any(|x| x == "Peruvian"), "{r:?}");
}

#[test]
fn forces_strengthened_in_a_country_before_an_adverbial_act_on_it() {
    let r = recipients(
        "Chile has strengthened its forces in Peru following the border clashes.",
        EventType::Mobilize,
    );
    assert_eq!(r, vec!["Peru"]);
    // Rebels who surrender in a town surrender there, not to it.
    assert_no_recipient(
        "Five hundred rebels surrendered in Arequipa following an army offensive.",
        "Arequipa",
    );
}

#[test]
fn forces_that_will_enforce_a_warning_are_not_its_target() {
    let r = recipients(
        "The interior minister warned that police would no longer tolerate marches by students.",
        EventType::Threaten,
    );
    assert!(!r.iter().any(|x| x == "police"), "{r:?}");
    // Another side's forces in the warned clause are its target.
    assert_eq!(
        recipients(
            "Chile warned that Peruvian troops will not be allowed to cross.",
            EventType::Threaten
        ),
        vec!["Peruvian troops"]
    );
}

#[test]
fn parties_of_a_clause_opened_by_as_are_not_the_acts() {
    // The sides of the fighting told in the "as" clause are not what the curfew is laid on.
    let r = recipients(
        "Chile imposed a curfew as clashes raged between rebels and soldiers.",
        EventType::Coerce,
    );
    assert!(!r.iter().any(|x| x == "rebels" || x == "soldiers"), "{r:?}");
    // "as a warning to" opens no clause: the party stays the counterpart.
    assert_eq!(
        recipients(
            "Chile imposed a curfew as a warning to rebels.",
            EventType::Coerce
        ),
        vec!["rebels"]
    );
    // The subject right after "as" is the one whose conduct the act answers.
    assert_eq!(
        recipients(
            "Students called for protests as the government refused to back down.",
            EventType::Protest
        ),
        vec!["government"]
    );
}

#[test]
fn the_people_a_mobiliser_trains_are_its_own_not_its_target() {
    let r = recipients(
        "Chile has trained more than 300 computer hackers able to wage cyber attacks against Peru.",
        EventType::Mobilize,
    );
    assert!(!r.iter().any(|x| x.contains("hackers")), "{r:?}");
    // A party behind "against" stays the target, after a verb or a noun.
    assert_eq!(
        recipients("Chile mobilized troops against Peru.", EventType::Mobilize),
        vec!["Peru"]
    );
    assert_eq!(
        recipients(
            "Rebels announced a new offensive against Peruvian troops.",
            EventType::Mobilize
        ),
        vec!["Peruvian troops"]
    );
}

#[test]
fn a_threat_to_stop_tolerating_an_act_is_aimed_at_its_doer() {
    let r = recipients(
        "The interior minister warned that police will no longer tolerate rallies by the Dignity Front.",
        EventType::Threaten,
    );
    assert_eq!(r, vec!["Dignity Front"]);
    // Without "by" no doer is named: a city where rallies are held is not threatened.
    let r = recipients(
        "The interior minister warned that police will no longer tolerate rallies in Lima.",
        EventType::Threaten,
    );
    assert!(!r.iter().any(|x| x.contains("Lima")), "{r:?}");
}

#[test]
fn the_place_a_strike_shuts_down_is_its_target() {
    let r = recipients(
        "Opposition parties in Peru organized a general strike that shut down Lima in protest of the arrest of activists.",
        EventType::Protest,
    );
    assert_eq!(r, vec!["Lima"]);
    // A strike held in a city does not shut it down.
    let r = recipients(
        "Opposition parties in Peru organized a general strike in Lima in protest of the arrest of activists.",
        EventType::Protest,
    );
    assert!(!r.iter().any(|x| x == "Lima"), "{r:?}");
}

#[test]
fn those_another_act_was_done_to_are_not_what_a_protest_targets() {
    // The arrested activists are not whom the strike is aimed at.
    let r = recipients(
        "Dock unions staged a general strike in protest of the arrest of nine activists.",
        EventType::Protest,
    );
    assert!(!r.iter().any(|x| x.contains("activists")), "{r:?}");
    // A party protested against directly stays the target.
    assert_eq!(
        recipients(
            "Dock unions staged a general strike in protest against the government.",
            EventType::Protest
        ),
        vec!["government"]
    );
}

#[test]
fn the_agent_of_an_act_noun_after_the_trigger_is_not_the_triggers_actor() {
    // The police arrested; the students marched.
    assert_eq!(
        with_role(
            "Students marched to protest the arrest of their teachers by police.",
            EventType::Protest,
            ActorRole::Actor
        ),
        vec!["Students"]
    );
    // An act the trigger happened in was done by the same hands.
    assert_eq!(
        with_role(
            "The fugitive was captured in a raid by Chilean police in Lima.",
            EventType::Coerce,
            ActorRole::Actor
        ),
        vec!["Chilean police"]
    );
    // With no act between, the party after "by" is the actor.
    assert_eq!(
        with_role(
            "The attack on the village by rebels killed five.",
            EventType::Assault,
            ActorRole::Actor
        ),
        vec!["rebels"]
    );
}
