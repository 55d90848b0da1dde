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

/// A small gazetteer of Syria, Jordan and Turkey (with Amman, Damascus and Homs), shared by the
/// files that test who acts and which frames make a trigger.
#[allow(dead_code)]
pub mod levant {
    pub const COUNTRIES: &str =
        "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
SY\tSYR\tSyria\t163843\tDamascus\t35.0\t38.0\t17000000\t\n\
JO\tJOR\tJordan\t248816\tAmman\t31.0\t36.0\t9900000\t\n\
TR\tTUR\tTurkey\t298795\tAnkara\t39.0\t35.0\t82000000\t\n";
    pub const DEMONYMS: &str =
        "# demonym\tiso2\tnote\nSyrian\tSY\t\nTurkish\tTR\t\nJordanian\tJO\t\n";
    pub const PLACES: &str =
        "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
250441\tAmman\t31.95\t35.93\tJO\tAmman\tP.PPLC\t1300000\t\n\
170654\tDamascus\t33.51\t36.29\tSY\tDimashq\tP.PPLC\t1570000\t\n\
169577\tHoms\t34.73\t36.72\tSY\tHoms\tP.PPL\t775000\t\n";

    /// Events of `text` with this gazetteer.
    pub fn events(text: &str) -> Vec<sitrep_core::Event> {
        super::events_with(PLACES, COUNTRIES, DEMONYMS, text)
    }
}

/// How many events have type `t`.
#[allow(dead_code)]
pub fn count(evs: &[Event], t: EventType) -> usize {
    evs.iter().filter(|e| e.event_type == t).count()
}

/// Whether some event has type `t`.
#[allow(dead_code)]
pub fn has(evs: &[Event], t: EventType) -> bool {
    evs.iter().any(|e| e.event_type == t)
}

/// The written text of an event's acting party ("" when it has none).
#[allow(dead_code)]
pub fn actor_text(e: &Event) -> String {
    e.actors
        .iter()
        .find(|a| a.role == ActorRole::Actor)
        .and_then(|a| a.text.clone())
        .unwrap_or_default()
}
