//! Non-political incidents: natural disasters, accidents and other man-made disasters, and
//! organised crime. A deliberate addition to the codebook (see ARCHITECTURE.md): they are
//! kept apart from PLOVER events, never count as conflict events, and let the event coder
//! tell a flood or a factory blast that kills ten from an attack.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Count, EventStatus, Evidence, Location, Span};

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

/// One non-political incident mention (one per kind and sentence).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub kind: IncidentKind,
    /// The hazard or offence, normalised ("earthquake", "explosion", "smuggling").
    pub hazard: String,
    /// The words that show it, as written, and their span.
    pub trigger: String,
    pub span: Span,
    /// `occurred`, or `background` when its sentence recalls the past.
    pub status: EventStatus,
    /// The first place named in its sentence, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Counts stated in its sentence ("killed", "injured", "displaced" ...), as bounds;
    /// an unknown count is absent, never zero.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<String, Count>,
    pub evidence: Vec<Evidence>,
    /// Index of the sentence it was found in.
    pub sentence: usize,
}
