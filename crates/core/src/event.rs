//! The codebook event record (CODEBOOK.md sections 2-9). JSON field names are the codebook's.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Location, Span};

/// PLOVER event types (codebook section 2). FIGHT is coded as ASSAULT with mode "clash".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    Assault,
    Coerce,
    Mobilize,
    Threaten,
    Protest,
    Sanction,
    Accuse,
    Request,
    Reject,
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
}

impl EventType {
    pub const ALL: [EventType; 16] = [
        EventType::Assault,
        EventType::Coerce,
        EventType::Mobilize,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Accuse,
        EventType::Request,
        EventType::Reject,
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
    ];
    pub fn as_str(&self) -> &'static str {
        match self {
            EventType::Assault => "ASSAULT",
            EventType::Coerce => "COERCE",
            EventType::Mobilize => "MOBILIZE",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Accuse => "ACCUSE",
            EventType::Request => "REQUEST",
            EventType::Reject => "REJECT",
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
        }
    }
    pub fn parse(s: &str) -> Option<EventType> {
        let up = s.trim().to_ascii_uppercase();
        EventType::ALL.into_iter().find(|t| t.as_str() == up)
    }
}

/// Codebook section 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Occurred,
    Claimed,
    Denied,
    Threatened,
    Planned,
    Hypothetical,
    Negated,
    Background,
}

impl EventStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            EventStatus::Occurred => "occurred",
            EventStatus::Claimed => "claimed",
            EventStatus::Denied => "denied",
            EventStatus::Threatened => "threatened",
            EventStatus::Planned => "planned",
            EventStatus::Hypothetical => "hypothetical",
            EventStatus::Negated => "negated",
            EventStatus::Background => "background",
        }
    }
    pub fn parse(s: &str) -> Option<EventStatus> {
        serde_json::from_value(serde_json::Value::String(s.trim().to_ascii_lowercase())).ok()
    }
    /// Whether the event counts in current-event tallies and maps by default.
    pub fn counts_as_current(&self) -> bool {
        matches!(self, EventStatus::Occurred | EventStatus::Claimed)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorRole {
    Actor,
    Recipient,
    Partner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    StateForces,
    RebelGroup,
    PoliticalMilitia,
    IdentityMilitia,
    Rioters,
    Protesters,
    Civilians,
    ExternalForces,
    Government,
    Media,
    Organisation,
    Person,
    Unknown,
}

impl ActorKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::StateForces => "state_forces",
            ActorKind::RebelGroup => "rebel_group",
            ActorKind::PoliticalMilitia => "political_militia",
            ActorKind::IdentityMilitia => "identity_militia",
            ActorKind::Rioters => "rioters",
            ActorKind::Protesters => "protesters",
            ActorKind::Civilians => "civilians",
            ActorKind::ExternalForces => "external_forces",
            ActorKind::Government => "government",
            ActorKind::Media => "media",
            ActorKind::Organisation => "organisation",
            ActorKind::Person => "person",
            ActorKind::Unknown => "unknown",
        }
    }
}

/// Codebook section 3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub role: ActorRole,
    /// Surface string as written.
    pub text: Option<String>,
    pub span: Option<Span>,
    /// Normalised name; `None` for unidentified actors ("at least three individuals").
    pub name: Option<String>,
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2 of the actor's state affiliation.
    pub country: Option<String>,
}

/// A count as bounds (codebook section 6). Absent means unknown; never zero by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub text: String,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    Explicit,
    Relative,
    Publication,
    Unknown,
}

/// Codebook section 5. Dates are ISO 8601 `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: DatePrecision,
    pub basis: DateBasis,
    /// The expression it was resolved from ("on Saturday").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl EventDate {
    pub fn unknown() -> Self {
        EventDate {
            start: None,
            end: None,
            precision: DatePrecision::Unknown,
            basis: DateBasis::Unknown,
            text: None,
            span: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duration {
    pub low_minutes: Option<u64>,
    pub high_minutes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    Media,
    Official,
    Military,
    Organisation,
    GroupClaim,
    Witness,
    Anonymous,
    Unknown,
}

/// Who says so (codebook section 7). The publisher lives on the document, not here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub source: String,
    pub kind: AttributionKind,
    /// The reporting phrase ("According to Syria TV").
    pub cue: String,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    ResponseTo,
    NotLinked,
    LinkedTo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub kind: RelationKind,
    /// Index of the linked event in the document's event list.
    pub to: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub document: String,
    pub span: Span,
    pub quote: String,
    /// Which field this quote supports ("trigger", "location", "killed" ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// One event record (an event mention within one document, or a merged event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<String>,
    pub status: EventStatus,
    pub certainty: f64,
    pub actors: Vec<Actor>,
    pub location: Option<Location>,
    pub date: EventDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrested: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abducted: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub displaced: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<Count>,
    /// Other counts (released, deported, rescued ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<String, Count>,
    pub attribution: Vec<Attribution>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    pub evidence: Vec<Evidence>,
    pub acled_event_type: Option<String>,
    pub acled_sub_event_type: Option<String>,
    pub cameo_root: Option<String>,
    /// The trigger word or phrase that produced this event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    /// Index of the sentence it was coded from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
}

impl Event {
    /// An event of a type and status with every other field empty or unknown (no actors, no
    /// place, unknown date, no counts): a starting point for coders and tests.
    pub fn new(event_type: EventType, status: EventStatus) -> Event {
        Event {
            event_type,
            mode: None,
            modes: Vec::new(),
            status,
            certainty: 0.5,
            actors: Vec::new(),
            location: None,
            date: EventDate::unknown(),
            duration: None,
            killed: None,
            injured: None,
            arrested: None,
            abducted: None,
            displaced: None,
            participants: None,
            counts: BTreeMap::new(),
            attribution: Vec::new(),
            relations: Vec::new(),
            evidence: Vec::new(),
            acled_event_type: None,
            acled_sub_event_type: None,
            cameo_root: None,
            trigger: None,
            sentence: None,
        }
    }

    pub fn actors_with(&self, role: ActorRole) -> impl Iterator<Item = &Actor> {
        self.actors.iter().filter(move |a| a.role == role)
    }
    /// The count field by codebook name.
    pub fn count(&self, name: &str) -> Option<&Count> {
        match name {
            "killed" => self.killed.as_ref(),
            "injured" => self.injured.as_ref(),
            "arrested" => self.arrested.as_ref(),
            "abducted" => self.abducted.as_ref(),
            "displaced" => self.displaced.as_ref(),
            "participants" => self.participants.as_ref(),
            other => self.counts.get(other),
        }
    }
    pub fn count_mut(&mut self, name: &str) -> &mut Option<Count> {
        match name {
            "killed" => &mut self.killed,
            "injured" => &mut self.injured,
            "arrested" => &mut self.arrested,
            "abducted" => &mut self.abducted,
            "displaced" => &mut self.displaced,
            "participants" => &mut self.participants,
            _ => panic!("count_mut: {name} is not a named count field; use Event::counts"),
        }
    }
}
