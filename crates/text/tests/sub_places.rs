//! Sub-places the gazetteer lacks (codebook section 4): the event keeps its town's point and
//! records the finer place as written, with its span. End to end through `extract` with a small
//! hand-written gazetteer; each sentence is written for the rule it tests.

mod support;

use sitrep_core::{Event, Location};

const COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
IQ\tIRQ\tIraq\t99237\tBaghdad\t33.0\t44.0\t40000000\t\n\
YE\tYEM\tYemen\t69543\tSanaa\t15.5\t47.5\t30000000\t\n";

// Approximate coordinates and populations: enough for resolution to pick these readings.
const PLACES: &str = "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
98182\tBaghdad\t33.34\t44.40\tIQ\tBaghdad\tP.PPLC\t7200000\t\n\
99072\tMosul\t36.34\t43.13\tIQ\tNinawa\tP.PPLA\t1700000\t\n\
76184\tMarib\t15.46\t45.33\tYE\tMarib\tA.ADM1\t400000\tMaarib\n";

fn events(text: &str) -> Vec<Event> {
    support::events_with(
        PLACES,
        COUNTRIES,
        "# demonym\tiso2\tnote\nIraqi\tIQ\t\nYemeni\tYE\t\n",
        text,
    )
}

/// The first event's location.
fn location(text: &str) -> Location {
    support::first_location(&events(text), text)
}

/// (town name, sub-place as written) of the first event, with the sub-place span checked
/// against the text.
fn town_and_sub_place(text: &str) -> (String, Option<String>) {
    let loc = location(text);
    if let (Some(sub), Some(span)) = (&loc.sub_place, loc.sub_place_span) {
        assert_eq!(
            &text[span.start..span.end],
            sub,
            "sub-place span in {text:?}"
        );
    }
    (loc.name.unwrap_or_default(), loc.sub_place)
}

fn pair(town: &str, sub: Option<&str>) -> (String, Option<String>) {
    (town.to_string(), sub.map(str::to_string))
}

#[test]
fn a_named_district_of_a_town_is_kept_with_the_town_point() {
    assert_eq!(
        town_and_sub_place("A car bomb exploded in the Karrada district of Baghdad on Sunday."),
        pair("Baghdad", Some("Karrada district of Baghdad"))
    );
    assert_eq!(
        town_and_sub_place("Gunmen killed two guards in Hay Ur district in northern Baghdad."),
        pair("Baghdad", Some("Hay Ur district"))
    );
    assert_eq!(
        town_and_sub_place("A bomb killed two shopkeepers in Baghdad's Sadriya quarter overnight."),
        pair("Baghdad", Some("Sadriya quarter"))
    );
}

#[test]
fn the_village_an_attack_targets_is_its_sub_place() {
    assert_eq!(
        town_and_sub_place(
            "Troops launched an offensive west of Mosul on Monday, targeting the village of Badush."
        ),
        pair("Mosul", Some("village of Badush"))
    );
    assert_eq!(
        town_and_sub_place(
            "Militants attacked Tal Zalat village near Mosul, killing three farmers."
        ),
        pair("Mosul", Some("Tal Zalat village"))
    );
}

#[test]
fn adjectives_and_unrelated_names_are_no_sub_places() {
    // The noun introduces the place after "of": "Kurdish" names a people, not a place.
    assert_eq!(
        town_and_sub_place("Two soldiers were killed in the Kurdish town of Mosul on Friday."),
        pair("Mosul", None)
    );
    assert_eq!(
        town_and_sub_place("Police arrested four men near a Christian village outside Mosul."),
        pair("Mosul", None)
    );
    // A district named elsewhere in the sentence, not tied to the event's place.
    assert_eq!(
        town_and_sub_place(
            "Gunmen shot a teacher in Mosul, a day after the Dora district council resigned."
        ),
        pair("Mosul", None)
    );
}

#[test]
fn a_possessive_place_shares_the_preposition() {
    // "in Yemen's Marib province": the province, not the country, is where it happened.
    let loc = location("Five people were killed in a bomb attack in Yemen's Maarib province.");
    assert_eq!(loc.name.as_deref(), Some("Marib"));
}

#[test]
fn a_division_name_ending_a_sentence_leaves_the_full_stop_out() {
    // Only a dateline abbreviation after a comma ("Edmonton, Ky.") keeps its dot.
    let loc = location("Five people were killed in fighting near Marib.");
    assert_eq!(loc.text.as_deref(), Some("Marib"));
}

#[test]
fn a_part_named_after_the_town_and_a_sub_place_noun() {
    assert_eq!(
        town_and_sub_place(
            "A bomb killed four people in the east Mosul neighbourhood of Al-Zahraa."
        ),
        pair("Mosul", Some("neighbourhood of Al-Zahraa"))
    );
    // "the X area of Y": the name after "of" is as often the wider place, so it is left alone.
    assert_eq!(
        town_and_sub_place("Gunmen attacked a checkpoint in the Mosul area of Tel Keppe."),
        pair("Mosul", None)
    );
}
