//! Shared by the end-to-end test files: extraction with a small hand-written gazetteer.

use sitrep_core::{ActorRole, Document, Event, EventType, Location};
use sitrep_text::geo::{Gazetteer, GazetteerSources};
use sitrep_text::{extract, ExtractOptions, Resources};

/// Events of `text`, published 2025-06-01, with a gazetteer of the given tables (no country
/// aliases).
#[allow(dead_code)]
pub fn events_with(places: &str, countries: &str, demonyms: &str, text: &str) -> Vec<Event> {
    let gazetteer = Gazetteer::parse(GazetteerSources {
        places,
        countries,
        country_aliases: "",
        demonyms,
    })
    .expect("test gazetteer parses");
    let res = Resources::new(gazetteer).expect("lexicons compile");
    let doc = Document::plain_text("t", text, Some("2025-06-01"));
    extract(&doc, &res, &ExtractOptions::default()).events
}

/// The first of `evs` with type `t`; panics listing them all when there is none. Not every
/// test file uses it.
#[allow(dead_code)]
pub fn find(evs: &[Event], t: EventType) -> &Event {
    evs.iter()
        .find(|e| e.event_type == t)
        .unwrap_or_else(|| panic!("no {t:?} event: {evs:#?}"))
}

/// The country of an event's location.
#[allow(dead_code)]
pub fn country(e: &Event) -> Option<&str> {
    e.location.as_ref().and_then(|l| l.country.as_deref())
}

/// The location of the first event of `text`; panics listing the events when it has none.
#[allow(dead_code)]
pub fn first_location(evs: &[Event], text: &str) -> Location {
    evs.first()
        .and_then(|e| e.location.clone())
        .unwrap_or_else(|| panic!("no located event in {text:?}: {evs:#?}"))
}

/// Written texts of an event's actors in `role`.
#[allow(dead_code)]
pub fn role_texts(e: &Event, role: ActorRole) -> Vec<String> {
    e.actors
        .iter()
        .filter(|a| a.role == role)
        .filter_map(|a| a.text.clone())
        .collect()
}
