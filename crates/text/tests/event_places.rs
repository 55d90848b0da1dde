//! Which of several places in a clause is where the event happened: a place a governed
//! possessor owns, the place a bearing is measured from, an origin after "from", and a place
//! after "in the" or "in southern". End to end through `extract` with a small hand-written
//! gazetteer; each sentence is written for the rule it tests, with a case the rule leaves alone.

mod support;

use sitrep_core::Event;

const COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
IQ\tIRQ\tIraq\t99237\tBaghdad\t33.0\t44.0\t40000000\t\n\
YE\tYEM\tYemen\t69543\tSanaa\t15.5\t47.5\t30000000\t\n\
OM\tOMN\tOman\t286963\tMuscat\t21.0\t57.0\t4500000\t\n";

// Approximate coordinates and populations: enough for resolution to pick these readings.
const PLACES: &str = "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
98182\tBaghdad\t33.34\t44.40\tIQ\tBaghdad\tP.PPLC\t7200000\t\n\
99072\tMosul\t36.34\t43.13\tIQ\tNinawa\tP.PPLA\t1700000\t\n\
99131\tTal Afar\t36.38\t42.45\tIQ\tNinawa\tP.PPL\t200000\t\n\
99133\tHilla\t32.48\t44.42\tIQ\tBabil\tP.PPLA\t450000\t\n\
99034\tNineveh\t36.0\t42.5\tIQ\tNinawa\tA.ADM1\t3500000\tNinawa\n\
99056\tAnbar\t33.0\t42.0\tIQ\tAnbar\tA.ADM1\t1800000\tAl Anbar\n\
99300\tHaditha\t34.14\t42.38\tIQ\tAnbar\tP.PPL\t90000\t\n\
71137\tSanaa\t15.35\t44.21\tYE\tSanaa\tP.PPLC\t1900000\t\n";

fn events(text: &str) -> Vec<Event> {
    support::events_with(
        PLACES,
        COUNTRIES,
        "# demonym\tiso2\tnote\nIraqi\tIQ\t\nYemeni\tYE\t\n",
        text,
    )
}

/// The gazetteer name of the first event's location.
fn place(text: &str) -> String {
    let loc = support::first_location(&events(text), text);
    loc.name
        .unwrap_or_else(|| panic!("located event with no place name in {text:?}"))
}

#[test]
fn the_place_a_possessor_owns_is_the_finer_location() {
    assert_eq!(
        place("A roadside bomb killed two soldiers in Iraq's northern Nineveh province."),
        "Nineveh"
    );
    assert_eq!(
        place("Police shot dead a smuggler in Yemen's capital Sanaa on Friday."),
        "Sanaa"
    );
    // "the border with Oman" names the other side, not a part of Yemen.
    assert_eq!(
        place("Gunmen killed a guard in Yemen's border area with Oman."),
        "Yemen"
    );
}

#[test]
fn a_bearing_is_measured_from_a_place_the_event_is_not_in() {
    assert_eq!(
        place("In Hilla, south of Baghdad, gunmen shot dead a shopkeeper."),
        "Hilla"
    );
    // A lone reference point is still the best place there is.
    assert_eq!(
        place("Gunmen shot dead a shopkeeper 20 kilometres south of Baghdad."),
        "Baghdad"
    );
}

#[test]
fn an_origin_after_from_is_not_where_it_happened() {
    assert_eq!(
        place("A police officer from Mosul was shot dead in Tal Afar on Monday."),
        "Tal Afar"
    );
    assert_eq!(
        place("Militants fired rockets from Mosul overnight."),
        "Mosul"
    );
    // A compound preposition led by "from" is an origin too; "outside" alone is a place.
    assert_eq!(
        place("Hilla's police chief said four men were arrested, two of them from outside Iraq."),
        "Hilla"
    );
    assert_eq!(
        place("Gunmen shot dead two guards outside Hilla on Monday."),
        "Hilla"
    );
}

#[test]
fn an_article_or_area_adjective_keeps_the_preposition() {
    assert_eq!(
        place("A farmer was killed on the road to Mosul in the Nineveh countryside."),
        "Nineveh"
    );
    // Without a preposition the finer place still wins.
    assert_eq!(
        place("A farmer was killed on the road to Mosul, the Nineveh governor said."),
        "Mosul"
    );
}

/// The written place of the first event's location, if it has one in the text.
fn written_place(text: &str) -> Option<String> {
    let evs = events(text);
    let loc = evs.first().and_then(|e| e.location.as_ref())?;
    loc.span.map(|s| text[s.start..s.end].to_string())
}

#[test]
fn a_country_inside_an_armed_group_name_is_no_location() {
    // "Islamic State of Iraq and al-Sham" is the group's name: Iraq is not where it attacked.
    assert_eq!(
        written_place("Fighters of the Islamic State of Iraq and al-Sham attacked army posts."),
        None
    );
    assert_eq!(
        written_place("Islamic State fighters attacked army posts in Iraq."),
        Some("Iraq".to_string())
    );
}

#[test]
fn a_path_after_through_or_along_is_a_place_of_the_act() {
    assert_eq!(
        place("In Iraq, thousands of students marched through Mosul on Friday."),
        "Mosul"
    );
    // A town with no preposition still yields to the place after "in".
    assert_eq!(
        place("In Iraq, thousands of students marched past the Mosul museum."),
        "Iraq"
    );
}

#[test]
fn a_named_area_of_a_wider_place_is_the_finer_location() {
    assert_eq!(
        place(
            "A roadside bomb killed two soldiers in the rugged Haditha district of western Anbar."
        ),
        "Haditha"
    );
    // A country before the area noun only modifies it: the place after "of" is the area.
    assert_eq!(
        place("A roadside bomb killed two soldiers in the western Iraq province of Anbar."),
        "Anbar"
    );
}

#[test]
fn an_origin_written_as_the_city_of_x_is_not_where_it_happened() {
    assert_eq!(
        place("A teacher from the northern city of Mosul was shot dead in Iraq on Sunday."),
        "Iraq"
    );
    assert_eq!(
        place("Police from Baghdad shot dead a teacher in the northern city of Mosul."),
        "Mosul"
    );
}

#[test]
fn where_a_party_is_based_is_not_where_it_acts() {
    assert_eq!(
        place("Helicopters based in Baghdad bombed rebel positions in Nineveh on Monday."),
        "Nineveh"
    );
    // A lone base is still the best place there is.
    assert_eq!(
        place("Helicopters based in Baghdad bombed rebel positions on Monday."),
        "Baghdad"
    );
}

#[test]
fn a_bare_town_before_a_wider_place_it_lies_in_is_the_location() {
    assert_eq!(
        place("Guards shot dead an inmate trying to escape the Hilla prison in central Iraq."),
        "Hilla"
    );
    // A town of another country is no part of the wider place.
    assert_eq!(
        place("Troops shot dead a Sanaa gang leader in Iraq on Monday."),
        "Iraq"
    );
}

#[test]
fn the_agent_of_a_passive_is_a_party_not_a_place() {
    assert_eq!(
        written_place("Two fishermen were arrested by Oman on Monday."),
        None
    );
    // Every place listed with the agent is one of its parties.
    assert_eq!(
        written_place("Two fishermen were arrested by Oman and Yemen last year."),
        None
    );
    assert_eq!(
        written_place("Two fishermen were arrested in Oman on Monday."),
        Some("Oman".to_string())
    );
}

#[test]
fn the_side_acted_against_is_not_where_it_happened() {
    assert_eq!(
        written_place("Hundreds of students protested against Yemen on Friday."),
        None
    );
    assert_eq!(
        written_place("Hundreds of students protested in Yemen on Friday."),
        Some("Yemen".to_string())
    );
}

#[test]
fn where_a_person_comes_from_is_no_place_of_the_act() {
    assert_eq!(
        written_place("A young man from Mosul was shot dead on Monday."),
        None
    );
    assert_eq!(
        written_place("On Wednesday fighters from Mosul attacked an army post."),
        None
    );
    // A place an act starts from is still a place of the act.
    assert_eq!(
        written_place("Militants fired rockets from Mosul on Wednesday."),
        Some("Mosul".to_string())
    );
}

#[test]
fn the_place_a_verb_acts_on_outranks_one_in_a_later_phrase() {
    assert_eq!(
        place("Rebels captured Haditha two weeks after the massacre in Hilla."),
        "Haditha"
    );
    // A place after the object's own preposition is no object ("the road to X").
    assert_eq!(
        place("Rebels shelled the road to Haditha from positions in Hilla."),
        "Hilla"
    );
}

#[test]
fn the_place_a_report_was_given_from_yields_to_the_place_of_the_act() {
    let text = "Gunmen attacked a bus in Haditha on the main road late on Monday, killing ten \
                people, officials in Baghdad said.";
    let evs = events(text);
    assert!(!evs.is_empty());
    for e in &evs {
        let name = e.location.as_ref().and_then(|l| l.name.as_deref());
        assert_eq!(name, Some("Haditha"), "{:?} placed at {name:?}", e.trigger);
    }
    // Alone, the teller's place is still the best place there is.
    assert_eq!(
        place("Officials in Baghdad said ten people were killed."),
        "Baghdad"
    );
}
