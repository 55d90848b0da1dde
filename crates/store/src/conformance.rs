//! The conformance suite every [`Store`] backend must pass.
//!
//! A backend's tests call [`conformance`] with a factory that returns a fresh, empty store
//! each time; each check panics with a message naming what broke. The fixtures are public so
//! exporters and commands can test against the same events.

use sitrep_core::{
    Actor, ActorKind, ActorRole, Attribution, AttributionKind, Count, DateBasis, DatePrecision,
    Document, DocumentFormat, EntityKind, EntityMention, Event, EventDate, EventStatus, EventType,
    Evidence, Extraction, Incident, IncidentKind, Location, OffsetMap, Place, Precision, Sentence,
    SentenceClass, Span,
};

use crate::{BBox, EventQuery, IncidentQuery, PutOutcome, Store, StoreError};

/// A named check run against a fresh store.
type Check<S> = (&'static str, fn(&mut S));

/// Run every check, each on a fresh store from `make`.
pub fn conformance<S: Store>(make: impl Fn() -> S) {
    let checks: &[Check<S>] = &[
        ("round_trip", round_trip),
        ("reingest_is_idempotent", reingest_is_idempotent),
        ("duplicate_is_linked", duplicate_is_linked),
        ("duplicate_within_batch", duplicate_within_batch),
        ("update_replaces_events", update_replaces_events),
        ("failed_batch_stores_nothing", failed_batch_stores_nothing),
        ("filter_types", filter_types),
        ("filter_country", filter_country),
        ("filter_dates", filter_dates),
        ("filter_bbox", filter_bbox),
        ("filter_status_and_limit", filter_status_and_limit),
        ("bad_query_is_an_error", bad_query_is_an_error),
        ("stats", stats),
        ("incidents_query", incidents_query),
        (
            "incidents_follow_their_document",
            incidents_follow_their_document,
        ),
    ];
    for (name, check) in checks {
        let mut store = make();
        let before = store.stats().expect("stats on a fresh store");
        assert_eq!(
            before.documents, 0,
            "{name}: the factory must give an empty store"
        );
        check(&mut store);
    }
}

// ---------------------------------------------------------------------------------------
// Fixtures, written for these tests.

/// Hash of the whitespace-normalised text (FNV-1a), standing in for the pipeline's hash.
pub fn fixture_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            h = (h ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
        }
        for b in word.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// A plain-text document with the given id and text.
pub fn fixture_document(id: &str, text: &str) -> Document {
    Document {
        id: id.to_string(),
        url: Some(format!("https://news.example/{id}")),
        title: Some(format!("Report {id}")),
        source: Some("Example Wire".into()),
        published: Some("2024-03-04".into()),
        format: DocumentFormat::Text,
        origin: format!("fixtures/{id}.txt"),
        raw: text.to_string(),
        text: text.to_string(),
        offsets: OffsetMap::identity(),
        content_hash: fixture_hash(text),
    }
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap_or(0);
    Span::new(start, start + needle.len().min(text.len() - start))
}

fn count(low: Option<u64>, high: Option<u64>, text: &str) -> Count {
    Count {
        low,
        high,
        text: text.to_string(),
        span: None,
    }
}

fn place(name: &str, country: &str, admin1: &str, lat: f64, lon: f64, id: u64) -> Place {
    Place {
        name: name.into(),
        geonames_id: Some(id),
        lat,
        lon,
        country: Some(country.into()),
        admin1: Some(admin1.into()),
        precision: Precision::Town,
        feature: Some("P.PPL".into()),
        population: None,
    }
}

/// A bare event of `event_type` with the given status, date range and place, quoting
/// `quote` from document `doc`.
pub fn fixture_event(
    doc: &str,
    text: &str,
    quote: &str,
    event_type: EventType,
    status: EventStatus,
    date: (Option<&str>, Option<&str>),
    at: Option<&Place>,
) -> Event {
    let span = span_of(text, quote);
    Event {
        certainty: 0.8,
        location: at.map(|p| Location::from_place(p, Some(p.name.clone()), None)),
        date: EventDate {
            start: date.0.map(str::to_string),
            end: date.1.map(str::to_string),
            precision: if date.0.is_some() && date.0 == date.1 {
                DatePrecision::Day
            } else {
                DatePrecision::Unknown
            },
            basis: if date.0.is_some() {
                DateBasis::Explicit
            } else {
                DateBasis::Unknown
            },
            text: None,
            span: None,
        },
        evidence: vec![Evidence {
            document: doc.to_string(),
            span,
            quote: span.slice(text).to_string(),
            field: None,
        }],
        sentence: Some(0),
        ..Event::new(event_type, status)
    }
}

/// An incident of `kind` quoting `quote` (its trigger `trigger`) from document `doc`, with
/// one day's date or none, and a place or none.
#[allow(clippy::too_many_arguments)]
pub fn fixture_incident(
    doc: &str,
    text: &str,
    quote: &str,
    trigger: &str,
    kind: IncidentKind,
    status: EventStatus,
    day: Option<&str>,
    at: Option<&Place>,
) -> Incident {
    let span = span_of(text, quote);
    let trigger_span = span_of(text, trigger);
    Incident {
        kind,
        hazard: trigger.to_lowercase(),
        trigger: trigger.to_string(),
        span: trigger_span,
        status,
        location: at.map(|p| Location::from_place(p, Some(p.name.clone()), None)),
        date: day.map(|d| EventDate {
            start: Some(d.to_string()),
            end: Some(d.to_string()),
            precision: DatePrecision::Day,
            basis: DateBasis::Explicit,
            text: None,
            span: None,
        }),
        counts: Default::default(),
        evidence: vec![Evidence {
            document: doc.to_string(),
            span,
            quote: span.slice(text).to_string(),
            field: Some("trigger".into()),
        }],
        sentence: 0,
    }
}

/// Three documents with five events between them, spread over types, statuses, countries,
/// dates and both sides of the antimeridian, and two incidents (a dated flood in Fiji, a
/// recalled smuggling ring with no place or date in the United States).
pub fn fixture_extractions() -> Vec<Extraction> {
    let tadmur = place("Tadmur", "SY", "Homs", 34.56, 38.28, 170_017);
    let homs = place("Homs", "SY", "Homs", 34.73, 36.72, 169_577);
    let portland = place("Portland", "US", "Oregon", 45.52, -122.68, 5_746_545);
    let suva = place("Suva", "FJ", "Central", -18.14, 178.44, 2_198_148);

    // Syria: an attack and a later arrest.
    let id = "sy-checkpoint";
    let text = "Gunmen opened fire on an army checkpoint outside Tadmur on Saturday, killing \
                two soldiers. Security forces detained four suspects in Homs a day later.";
    let mut attack = fixture_event(
        id,
        text,
        "Gunmen opened fire on an army checkpoint outside Tadmur on Saturday, killing two soldiers.",
        EventType::Assault,
        EventStatus::Occurred,
        (Some("2024-03-02"), Some("2024-03-02")),
        Some(&tadmur),
    );
    attack.mode = Some("firearms".into());
    attack.actors = vec![
        Actor {
            role: ActorRole::Actor,
            text: Some("Gunmen".into()),
            span: None,
            name: None,
            kind: ActorKind::Unknown,
            country: None,
        },
        Actor {
            role: ActorRole::Recipient,
            text: Some("an army checkpoint".into()),
            span: None,
            name: Some("Syrian Arab Army".into()),
            kind: ActorKind::StateForces,
            country: Some("SY".into()),
        },
    ];
    attack.killed = Some(count(Some(2), Some(2), "two soldiers"));
    attack.acled_event_type = Some("Violence against civilians".into());
    attack.cameo_root = Some("18".into());
    attack.trigger = Some("opened fire".into());
    let mut arrest = fixture_event(
        id,
        text,
        "Security forces detained four suspects in Homs a day later.",
        EventType::Coerce,
        EventStatus::Occurred,
        (Some("2024-03-03"), Some("2024-03-03")),
        Some(&homs),
    );
    arrest.mode = Some("arrest".into());
    arrest.arrested = Some(count(Some(4), Some(4), "four suspects"));
    arrest.sentence = Some(1);
    let sy = Extraction {
        document: fixture_document(id, text),
        sentences: vec![
            Sentence {
                span: span_of(text, "Gunmen opened fire on an army checkpoint outside Tadmur on Saturday, killing two soldiers."),
                text: "Gunmen opened fire on an army checkpoint outside Tadmur on Saturday, killing two soldiers.".into(),
                class: SentenceClass::Report,
                class_reason: Some("past-tense report verb".into()),
            },
            Sentence {
                span: span_of(text, "Security forces detained four suspects in Homs a day later."),
                text: "Security forces detained four suspects in Homs a day later.".into(),
                class: SentenceClass::Report,
                class_reason: None,
            },
        ],
        entities: vec![EntityMention {
            span: span_of(text, "Tadmur"),
            text: "Tadmur".into(),
            kind: EntityKind::Place,
            name: "Tadmur".into(),
            country: Some("SY".into()),
            place: Some(tadmur.clone()),
            alternatives: vec![homs.clone()],
            confidence: Some(0.9),
        }],
        events: vec![attack, arrest],
        incidents: Vec::new(),
        diagnostics: Vec::new(),
    };

    // United States: a protest and a threat with no place or date.
    let id = "us-march";
    let text = "Thousands marched through Portland on Sunday against the housing bill. The \
                governor warned she might call in the National Guard. Police said a smuggling \
                ring had used the route for years.";
    let mut march = fixture_event(
        id,
        text,
        "Thousands marched through Portland on Sunday against the housing bill.",
        EventType::Protest,
        EventStatus::Occurred,
        (Some("2024-03-10"), Some("2024-03-10")),
        Some(&portland),
    );
    march.participants = Some(count(Some(2000), None, "Thousands"));
    march.attribution = vec![Attribution {
        source: "organisers".into(),
        kind: AttributionKind::Organisation,
        cue: "organisers said".into(),
        span: None,
    }];
    let threat = fixture_event(
        id,
        text,
        "The governor warned she might call in the National Guard.",
        EventType::Threaten,
        EventStatus::Threatened,
        (None, None),
        None,
    );
    let ring = fixture_incident(
        id,
        text,
        "Police said a smuggling ring had used the route for years.",
        "smuggling",
        IncidentKind::OrganisedCrime,
        EventStatus::Background,
        None,
        None,
    );
    let us = Extraction {
        document: fixture_document(id, text),
        sentences: Vec::new(),
        entities: Vec::new(),
        events: vec![march, threat],
        incidents: vec![ring],
        diagnostics: Vec::new(),
    };

    // Fiji: a claimed attack over a week, east of the antimeridian's west edge.
    let id = "fj-claim";
    let text = "A group said it set fire to a depot near Suva during the first week of April. \
                Floods cut the road to the depot on 3 April.";
    let mut fire = fixture_event(
        id,
        text,
        "A group said it set fire to a depot near Suva during the first week of April.",
        EventType::Assault,
        EventStatus::Claimed,
        (Some("2024-04-01"), Some("2024-04-07")),
        Some(&suva),
    );
    fire.date.precision = DatePrecision::Week;
    let flood = fixture_incident(
        id,
        text,
        "Floods cut the road to the depot on 3 April.",
        "Floods",
        IncidentKind::NaturalDisaster,
        EventStatus::Occurred,
        Some("2024-04-03"),
        Some(&suva),
    );
    let fj = Extraction {
        document: fixture_document(id, text),
        sentences: Vec::new(),
        entities: Vec::new(),
        events: vec![fire],
        incidents: vec![flood],
        diagnostics: Vec::new(),
    };
    vec![sy, us, fj]
}

// ---------------------------------------------------------------------------------------
// Checks.

fn ids(store: &impl Store, q: &EventQuery) -> Vec<String> {
    store
        .events(q)
        .unwrap_or_else(|e| panic!("query {q:?} failed: {e}"))
        .into_iter()
        .map(|e| e.id)
        .collect()
}

fn loaded<S: Store>(store: &mut S) {
    let out = store
        .put_batch(&fixture_extractions())
        .expect("put_batch fixtures");
    assert_eq!(
        out,
        vec![PutOutcome::Inserted; 3],
        "fresh documents are Inserted"
    );
}

pub fn round_trip<S: Store>(store: &mut S) {
    let fixtures = fixture_extractions();
    for ex in &fixtures {
        assert_eq!(store.put(ex).expect("put"), PutOutcome::Inserted);
    }
    for ex in &fixtures {
        let got = store
            .extraction(&ex.document.id)
            .expect("extraction")
            .unwrap_or_else(|| panic!("document {} not found after put", ex.document.id));
        assert_eq!(
            got.extraction, *ex,
            "document {} reads back unchanged",
            ex.document.id
        );
        assert_eq!(got.canonical_id, None);
        assert!(!got.ingested_at.is_empty());
    }
    assert!(store
        .extraction("no-such-doc")
        .expect("extraction")
        .is_none());
    let all = store.events(&EventQuery::default()).expect("events");
    assert_eq!(all.len(), 5);
    let attack = all
        .iter()
        .find(|e| e.id == crate::event_id("sy-checkpoint", 0))
        .expect("the attack is stored under <doc>#<index>");
    assert_eq!(attack.document_id, "sy-checkpoint");
    assert_eq!(
        attack.document_url.as_deref(),
        Some("https://news.example/sy-checkpoint")
    );
    assert_eq!(
        attack.document_title.as_deref(),
        Some("Report sy-checkpoint")
    );
    assert_eq!(
        attack.event, fixtures[0].events[0],
        "events read back exactly"
    );
    // Order: dated events by start date, undated last.
    let order: Vec<&str> = all.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "sy-checkpoint#0",
            "sy-checkpoint#1",
            "us-march#0",
            "fj-claim#0",
            "us-march#1"
        ]
    );
}

pub fn reingest_is_idempotent<S: Store>(store: &mut S) {
    loaded(store);
    let again = store
        .put_batch(&fixture_extractions())
        .expect("second put_batch");
    assert_eq!(again, vec![PutOutcome::AlreadyStored; 3]);
    let one = store.put(&fixture_extractions()[0]).expect("put");
    assert_eq!(one, PutOutcome::AlreadyStored);
    let s = store.stats().expect("stats");
    assert_eq!(
        (s.documents, s.events),
        (3, 5),
        "re-ingest creates nothing new"
    );
}

pub fn duplicate_is_linked<S: Store>(store: &mut S) {
    loaded(store);
    let original = &fixture_extractions()[0];
    // The same story republished under another id, with different line breaks and spacing.
    let spaced = original
        .document
        .text
        .replace(". ", ".\n\n  ")
        .replace(' ', "  ");
    let mut copy = original.clone();
    copy.document = fixture_document("sy-checkpoint-mirror", &spaced);
    assert_eq!(copy.document.content_hash, original.document.content_hash);
    let out = store.put(&copy).expect("put duplicate");
    assert_eq!(
        out,
        PutOutcome::Duplicate {
            canonical: "sy-checkpoint".into()
        }
    );
    let s = store.stats().expect("stats");
    assert_eq!(
        (s.documents, s.duplicates, s.events),
        (4, 1, 5),
        "no new events"
    );
    let stored = store
        .extraction("sy-checkpoint-mirror")
        .expect("extraction")
        .expect("duplicate document is stored");
    assert_eq!(stored.canonical_id.as_deref(), Some("sy-checkpoint"));
    assert!(stored.extraction.events.is_empty());
    assert_eq!(stored.extraction.document.text, spaced);
    // Re-ingesting the duplicate changes nothing either.
    assert_eq!(store.put(&copy).expect("put"), PutOutcome::AlreadyStored);
    assert_eq!(store.stats().expect("stats").documents, 4);
}

pub fn duplicate_within_batch<S: Store>(store: &mut S) {
    let a = fixture_extractions().remove(1);
    let mut b = a.clone();
    b.document.id = "us-march-copy".into();
    let out = store.put_batch(&[a.clone(), b, a]).expect("put_batch");
    assert_eq!(
        out,
        vec![
            PutOutcome::Inserted,
            PutOutcome::Duplicate {
                canonical: "us-march".into()
            },
            PutOutcome::AlreadyStored
        ]
    );
    assert_eq!(store.stats().expect("stats").events, 2);
}

pub fn update_replaces_events<S: Store>(store: &mut S) {
    loaded(store);
    let mut ex = fixture_extractions().remove(0);
    let text = format!(
        "{} A third soldier later died of his wounds.",
        ex.document.text
    );
    ex.document.text = text.clone();
    ex.document.raw = text.clone();
    ex.document.content_hash = fixture_hash(&text);
    ex.events.truncate(1);
    ex.events[0].killed = Some(count(Some(3), Some(3), "A third soldier"));
    assert_eq!(store.put(&ex).expect("put update"), PutOutcome::Updated);
    let evs = store
        .events(&EventQuery {
            types: vec![EventType::Assault, EventType::Coerce],
            countries: vec!["SY".into()],
            ..Default::default()
        })
        .expect("events");
    assert_eq!(evs.len(), 1, "the old arrest event is gone");
    assert_eq!(evs[0].event.killed.as_ref().and_then(|c| c.low), Some(3));
    assert_eq!(store.stats().expect("stats").documents, 3);

    // An update that makes it identical to another document turns it into a duplicate.
    let mut copy = fixture_extractions().remove(2);
    copy.document.id = "sy-checkpoint".into();
    assert_eq!(
        store.put(&copy).expect("put"),
        PutOutcome::Duplicate {
            canonical: "fj-claim".into()
        }
    );
    let s = store.stats().expect("stats");
    assert_eq!((s.documents, s.duplicates, s.events), (3, 1, 3));
}

pub fn failed_batch_stores_nothing<S: Store>(store: &mut S) {
    let mut batch = fixture_extractions();
    batch[2].document.id = String::new();
    let err = store
        .put_batch(&batch)
        .expect_err("a document without id is refused");
    assert!(
        matches!(err, StoreError::InvalidDocument { ref document, .. } if document == "fixtures/fj-claim.txt"),
        "the error names the input: {err}"
    );
    let s = store.stats().expect("stats");
    assert_eq!(
        (s.documents, s.events),
        (0, 0),
        "the whole batch rolled back"
    );
    let mut nan = fixture_extractions().remove(0);
    nan.events[0].certainty = f64::NAN;
    assert!(
        store.put(&nan).is_err(),
        "NaN certainty cannot be stored and read back"
    );
}

pub fn filter_types<S: Store>(store: &mut S) {
    loaded(store);
    let q = EventQuery {
        types: vec![EventType::Assault],
        ..Default::default()
    };
    assert_eq!(ids(store, &q), ["sy-checkpoint#0", "fj-claim#0"]);
    let q = EventQuery {
        types: vec![EventType::Protest, EventType::Threaten],
        ..Default::default()
    };
    assert_eq!(ids(store, &q), ["us-march#0", "us-march#1"]);
}

pub fn filter_country<S: Store>(store: &mut S) {
    loaded(store);
    let q = EventQuery {
        countries: vec!["sy".into()],
        ..Default::default()
    };
    assert_eq!(ids(store, &q), ["sy-checkpoint#0", "sy-checkpoint#1"]);
    let q = EventQuery {
        countries: vec!["US".into(), "FJ".into()],
        ..Default::default()
    };
    // The threat has no location, so no country.
    assert_eq!(ids(store, &q), ["us-march#0", "fj-claim#0"]);
}

pub fn filter_dates<S: Store>(store: &mut S) {
    loaded(store);
    let q = EventQuery {
        since: Some("2024-03-03".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(store, &q),
        ["sy-checkpoint#1", "us-march#0", "fj-claim#0"]
    );
    let q = EventQuery {
        until: Some("2024-03-03".into()),
        ..Default::default()
    };
    assert_eq!(ids(store, &q), ["sy-checkpoint#0", "sy-checkpoint#1"]);
    // A range event overlapping the window counts.
    let q = EventQuery {
        since: Some("2024-04-05".into()),
        until: Some("2024-04-30".into()),
        ..Default::default()
    };
    assert_eq!(ids(store, &q), ["fj-claim#0"]);
    let q = EventQuery {
        since: Some("2024-03-04".into()),
        until: Some("2024-03-09".into()),
        ..Default::default()
    };
    assert!(ids(store, &q).is_empty());
}

pub fn filter_bbox<S: Store>(store: &mut S) {
    loaded(store);
    let levant = EventQuery {
        bbox: Some(BBox::parse("35,32,42.5,37.5").expect("bbox")),
        ..Default::default()
    };
    assert_eq!(ids(store, &levant), ["sy-checkpoint#0", "sy-checkpoint#1"]);
    let tadmur_only = EventQuery {
        bbox: Some(BBox::parse("37.5,34,39,35").expect("bbox")),
        ..Default::default()
    };
    assert_eq!(ids(store, &tadmur_only), ["sy-checkpoint#0"]);
    let pacific = EventQuery {
        bbox: Some(BBox::parse("170,-25,-170,-10").expect("bbox")),
        ..Default::default()
    };
    assert_eq!(
        ids(store, &pacific),
        ["fj-claim#0"],
        "box across the antimeridian"
    );
}

pub fn filter_status_and_limit<S: Store>(store: &mut S) {
    loaded(store);
    let q = EventQuery {
        statuses: vec![EventStatus::Claimed, EventStatus::Threatened],
        ..Default::default()
    };
    assert_eq!(ids(store, &q), ["fj-claim#0", "us-march#1"]);
    let q = EventQuery {
        statuses: crate::current_statuses(),
        types: vec![EventType::Assault],
        limit: Some(1),
        ..Default::default()
    };
    assert_eq!(ids(store, &q), ["sy-checkpoint#0"]);
    let q = EventQuery {
        limit: Some(0),
        ..Default::default()
    };
    assert!(ids(store, &q).is_empty());
}

pub fn bad_query_is_an_error<S: Store>(store: &mut S) {
    loaded(store);
    let q = EventQuery {
        until: Some("March 3".into()),
        ..Default::default()
    };
    match store.events(&q) {
        Err(StoreError::InvalidQuery(m)) => assert!(m.contains("March 3"), "{m}"),
        other => panic!("expected InvalidQuery, got {other:?}"),
    }
}

pub fn stats<S: Store>(store: &mut S) {
    loaded(store);
    let s = store.stats().expect("stats");
    assert_eq!((s.documents, s.duplicates, s.events), (3, 0, 5));
    assert_eq!(s.events_by_type.get(&EventType::Assault), Some(&2));
    assert_eq!(s.events_by_type.get(&EventType::Coerce), Some(&1));
    assert_eq!(s.events_by_type.get(&EventType::Aid), None);
    assert_eq!(s.events_by_status.get("occurred"), Some(&3));
    assert_eq!(s.events_by_status.get("claimed"), Some(&1));
}

fn incident_ids(store: &impl Store, q: &IncidentQuery) -> Vec<String> {
    store
        .incidents(q)
        .unwrap_or_else(|e| panic!("incident query {q:?} failed: {e}"))
        .into_iter()
        .map(|i| i.id)
        .collect()
}

pub fn incidents_query<S: Store>(store: &mut S) {
    loaded(store);
    let fixtures = fixture_extractions();
    let all = store
        .incidents(&IncidentQuery::default())
        .expect("incidents");
    // Dated first, undated last, as for events; ids apart from event ids.
    let order: Vec<&str> = all.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(order, ["fj-claim#incident-0", "us-march#incident-0"]);
    assert_eq!(
        all[0].incident, fixtures[2].incidents[0],
        "read back exactly"
    );
    assert_eq!(all[0].document_id, "fj-claim");
    assert_eq!(all[0].document_title.as_deref(), Some("Report fj-claim"));
    // Incidents never show up as events.
    assert_eq!(
        store.events(&EventQuery::default()).expect("events").len(),
        5
    );
    let q = |f: fn(&mut IncidentQuery)| {
        let mut q = IncidentQuery::default();
        f(&mut q);
        incident_ids(store, &q)
    };
    assert_eq!(
        q(|q| q.kinds = vec![IncidentKind::OrganisedCrime]),
        ["us-march#incident-0"]
    );
    assert_eq!(
        q(|q| q.kinds = vec![IncidentKind::ManMadeDisaster]),
        Vec::<String>::new()
    );
    assert_eq!(
        q(|q| q.filters.countries = vec!["fj".into()]),
        ["fj-claim#incident-0"]
    );
    assert_eq!(
        q(|q| q.filters.since = Some("2024-04-03".into())),
        ["fj-claim#incident-0"]
    );
    assert_eq!(
        q(|q| q.filters.until = Some("2024-04-02".into())),
        Vec::<String>::new()
    );
    assert_eq!(
        q(|q| q.filters.bbox = Some(BBox::parse("170,-25,-170,-10").expect("bbox"))),
        ["fj-claim#incident-0"]
    );
    assert_eq!(
        q(|q| q.filters.statuses = crate::current_statuses()),
        ["fj-claim#incident-0"],
        "a recalled incident is not current"
    );
    assert_eq!(q(|q| q.filters.limit = Some(1)), ["fj-claim#incident-0"]);
    let typed = IncidentQuery {
        filters: EventQuery {
            types: vec![EventType::Assault],
            ..Default::default()
        },
        ..Default::default()
    };
    assert!(
        matches!(store.incidents(&typed), Err(StoreError::InvalidQuery(_))),
        "an event type filter on incidents is an error, not an empty answer"
    );
    let s = store.stats().expect("stats");
    assert_eq!(s.incidents, 2);
    assert_eq!(s.incidents_by_kind.get("natural_disaster"), Some(&1));
    assert_eq!(s.incidents_by_kind.get("organised_crime"), Some(&1));
}

pub fn incidents_follow_their_document<S: Store>(store: &mut S) {
    loaded(store);
    // An updated article without the flood: its incident goes with the old version.
    let mut ex = fixture_extractions().remove(2);
    let text = "A group said it set fire to a depot near Suva during the first week of April.";
    ex.document = fixture_document("fj-claim", text);
    ex.incidents.clear();
    assert_eq!(store.put(&ex).expect("put update"), PutOutcome::Updated);
    assert_eq!(
        incident_ids(store, &IncidentQuery::default()),
        ["us-march#incident-0"]
    );
    // A copy of a story adds no incidents of its own.
    let mut copy = fixture_extractions().remove(1);
    copy.document.id = "us-march-copy".into();
    assert!(matches!(
        store.put(&copy).expect("put copy"),
        PutOutcome::Duplicate { .. }
    ));
    let stored = store
        .extraction("us-march-copy")
        .expect("extraction")
        .expect("stored");
    assert!(stored.extraction.incidents.is_empty());
    assert_eq!(store.stats().expect("stats").incidents, 1);
}
