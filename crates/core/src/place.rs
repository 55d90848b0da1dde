//! Places from the gazetteer and event locations (codebook section 4).

use serde::{Deserialize, Serialize};

use crate::Span;

/// How exactly a location is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Point,
    Town,
    Admin2,
    Admin1,
    Country,
    Region,
    Unknown,
}

impl Precision {
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Point => "point",
            Precision::Town => "town",
            Precision::Admin2 => "admin2",
            Precision::Admin1 => "admin1",
            Precision::Country => "country",
            Precision::Region => "region",
            Precision::Unknown => "unknown",
        }
    }
    /// Smaller is more precise.
    pub fn rank(&self) -> u8 {
        *self as u8
    }
}

/// A resolved gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Gazetteer name ("Tadmur").
    pub name: String,
    pub geonames_id: Option<u64>,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// First-level division name ("Homs").
    pub admin1: Option<String>,
    pub precision: Precision,
    /// GeoNames feature class and code ("P.PPL", "A.PCLI"), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
}

/// Where an event happened: the text as written plus the resolved place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Surface text as written ("Palmyra"); absent for a location inferred from context.
    pub text: Option<String>,
    pub span: Option<Span>,
    /// Sub-place text the gazetteer lacks ("two districts of Palmyra").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_place: Option<String>,
    /// Where the sub-place is written (byte offsets into the document text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_place_span: Option<Span>,
    pub name: Option<String>,
    pub geonames_id: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub precision: Precision,
    /// Resolver confidence in 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

impl Location {
    pub fn from_place(place: &Place, text: Option<String>, span: Option<Span>) -> Self {
        Location {
            text,
            span,
            sub_place: None,
            sub_place_span: None,
            name: Some(place.name.clone()),
            geonames_id: place.geonames_id,
            lat: Some(place.lat),
            lon: Some(place.lon),
            country: place.country.clone(),
            admin1: place.admin1.clone(),
            precision: place.precision,
            confidence: None,
        }
    }
}
