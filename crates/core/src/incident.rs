//! Non-political incidents: natural disasters, accidents and other man-made disasters, and
//! organised crime. A deliberate addition to the codebook (see ARCHITECTURE.md): they are
//! kept apart from PLOVER events, never count as conflict events, and let the event coder
//! tell a flood or a factory blast that kills ten from an attack.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Count, EventDate, EventStatus, Evidence, Location, Span};

/// What kind of non-political incident a text tells of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentKind {
    /// Earthquake, flood, storm, eruption, drought, wildfire ...
    NaturalDisaster,
    /// Industrial or transport accident, spill, leak, collapse, mass poisoning ...
    ManMadeDisaster,
    /// Smuggling, trafficking, robbery, counterfeiting, fraud, cybercrime ...
    OrganisedCrime,
}

impl IncidentKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            IncidentKind::NaturalDisaster => "natural_disaster",
            IncidentKind::ManMadeDisaster => "man_made_disaster",
            IncidentKind::OrganisedCrime => "organised_crime",
        }
    }
}

/// One non-political incident of a document. Mentions of the same happening (same kind and
/// hazard, compatible place and date) are merged into one, keeping every sentence's quote as
/// evidence; the trigger, span and sentence are those of the first mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub kind: IncidentKind,
    /// The hazard or offence, normalised ("earthquake", "explosion", "smuggling").
    pub hazard: String,
    /// The words that show it, as written, and their span.
    pub trigger: String,
    pub span: Span,
    /// `occurred`, or `background` when every mention recalls the past or only refers to it
    /// ("the tsunami relief fund", "the anniversary of the earthquake").
    pub status: EventStatus,
    /// The first place named in its sentence, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The date its sentences state, if any (no publication-date fallback: an undated
    /// mention is left undated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    /// Counts stated in its sentences ("killed", "injured", "displaced" ...), as bounds;
    /// an unknown count is absent, never zero.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<String, Count>,
    /// One quote per sentence that mentions it, in text order.
    pub evidence: Vec<Evidence>,
    /// Index of the sentence of its first mention.
    pub sentence: usize,
}
