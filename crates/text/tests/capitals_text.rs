//! Documents written in capitals only are read re-cased: names and places come back, offsets
//! still index the original, and the extraction says what was done.

mod support;

use sitrep_core::{ActorRole, Document, EventType};
use sitrep_text::geo::{Gazetteer, GazetteerSources};
use sitrep_text::{extract, ExtractOptions, Resources};
use support::levant;

fn extraction(text: &str) -> sitrep_core::Extraction {
    let gazetteer = Gazetteer::parse(GazetteerSources {
        places: levant::PLACES,
        countries: levant::COUNTRIES,
        country_aliases: "",
        demonyms: levant::DEMONYMS,
    })
    .expect("test gazetteer parses");
    let res = Resources::new(gazetteer).expect("lexicons compile");
    let doc = Document::plain_text("wire-1", text, Some("2025-06-01"));
    extract(&doc, &res, &ExtractOptions::default())
}

const WIRE: &str = "GUNMEN OF THE POPULAR RESISTANCE FRONT (PRF) ATTACKED A POLICE POST \
IN HOMS ON SATURDAY AND KILLED TWO OFFICERS, THE INTERIOR MINISTRY SAID.";

#[test]
fn a_text_in_capitals_yields_its_event_with_actor_and_place() {
    let ex = extraction(WIRE);
    let attack = support::find(&ex.events, EventType::Assault);
    let actors = support::role_texts(attack, ActorRole::Actor);
    assert!(
        actors
            .iter()
            .any(|a| a.contains("Popular Resistance Front") || a == "PRF"),
        "{actors:?}"
    );
    let place = attack.location.as_ref().expect("the attack is placed");
    assert_eq!(place.country.as_deref(), Some("SY"));
    // Offsets index the original text, whose bytes are unchanged.
    let span = place.span.expect("the place is written");
    assert_eq!(&ex.document.text[span.start..span.end], "HOMS");
    assert_eq!(ex.document.text, WIRE);
    assert!(
        ex.diagnostics
            .iter()
            .any(|d| d.message.contains("capitals")),
        "{:?}",
        ex.diagnostics
    );
}

#[test]
fn an_ordinary_text_with_a_capitals_headline_is_read_as_written() {
    let text = "ATTACK IN HOMS\nGunmen attacked a police post in Homs on Saturday, the \
interior ministry said.";
    let ex = extraction(text);
    assert!(ex.diagnostics.is_empty(), "{:?}", ex.diagnostics);
    assert!(support::has(&ex.events, EventType::Assault));
}
