//! Event queries: the filters every backend supports, and their validation.

use serde::{Deserialize, Serialize};
use sitrep_core::{EventStatus, EventType, IncidentKind};

use crate::StoreError;

/// A bounding box in degrees. `min_lon > max_lon` means the box crosses the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

impl BBox {
    /// Parse `min_lon,min_lat,max_lon,max_lat` (the GeoJSON `bbox` order).
    pub fn parse(s: &str) -> Result<BBox, StoreError> {
        let parts: Vec<&str> = s.split(',').map(str::trim).collect();
        let bad = |why: &str| {
            StoreError::InvalidQuery(format!(
                "bounding box {s:?} {why}; expected min_lon,min_lat,max_lon,max_lat such as \
                 35.0,32.0,42.5,37.5"
            ))
        };
        if parts.len() != 4 {
            return Err(bad("does not have four numbers"));
        }
        let mut v = [0.0f64; 4];
        for (slot, p) in v.iter_mut().zip(&parts) {
            *slot = p
                .parse::<f64>()
                .map_err(|_| bad(&format!("has {p:?}, which is not a number")))?;
        }
        let b = BBox {
            min_lon: v[0],
            min_lat: v[1],
            max_lon: v[2],
            max_lat: v[3],
        };
        b.validate()?;
        Ok(b)
    }

    pub fn validate(&self) -> Result<(), StoreError> {
        let lon_ok = |x: f64| (-180.0..=180.0).contains(&x);
        let lat_ok = |x: f64| (-90.0..=90.0).contains(&x);
        if !(lon_ok(self.min_lon) && lon_ok(self.max_lon)) {
            return Err(StoreError::InvalidQuery(format!(
                "bounding box longitudes {} and {} must lie in -180..180",
                self.min_lon, self.max_lon
            )));
        }
        if !(lat_ok(self.min_lat) && lat_ok(self.max_lat)) || self.min_lat > self.max_lat {
            return Err(StoreError::InvalidQuery(format!(
                "bounding box latitudes {} and {} must lie in -90..90, the minimum first",
                self.min_lat, self.max_lat
            )));
        }
        Ok(())
    }

    /// Whether the point lies in the box (edges included).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let lon_in = if self.min_lon <= self.max_lon {
            self.min_lon <= lon && lon <= self.max_lon
        } else {
            lon >= self.min_lon || lon <= self.max_lon
        };
        lon_in && self.min_lat <= lat && lat <= self.max_lat
    }
}

/// Filters for [`crate::Store::events`]. Every filter left empty matches everything; filters
/// combine with AND, values within one filter with OR.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventQuery {
    pub types: Vec<EventType>,
    /// ISO 3166-1 alpha-2 of the event location (case-insensitive).
    pub countries: Vec<String>,
    /// `YYYY-MM-DD`: events whose date range ends on or after this day. Undated events are
    /// left out when a date filter is set.
    pub since: Option<String>,
    /// `YYYY-MM-DD`: events whose date range starts on or before this day.
    pub until: Option<String>,
    /// Events with coordinates inside the box; events without coordinates are left out.
    pub bbox: Option<BBox>,
    /// Empty means every status.
    pub statuses: Vec<EventStatus>,
    pub limit: Option<usize>,
}

impl EventQuery {
    /// Check every filter; the error names the bad value.
    pub fn validate(&self) -> Result<(), StoreError> {
        for (name, d) in [("since", &self.since), ("until", &self.until)] {
            if let Some(d) = d {
                if !is_iso_date(d) {
                    return Err(StoreError::InvalidQuery(format!(
                        "{name} date {d:?} is not a date in the form YYYY-MM-DD"
                    )));
                }
            }
        }
        if let (Some(s), Some(u)) = (&self.since, &self.until) {
            if s > u {
                return Err(StoreError::InvalidQuery(format!(
                    "since date {s} is after until date {u}"
                )));
            }
        }
        for c in &self.countries {
            if c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
                return Err(StoreError::InvalidQuery(format!(
                    "country {c:?} is not an ISO 3166-1 alpha-2 code such as SY or US"
                )));
            }
        }
        if let Some(b) = &self.bbox {
            b.validate()?;
        }
        Ok(())
    }
}

/// Filters for [`crate::Store::incidents`]: the kinds, and the place, date, status and limit
/// filters of an event query (its `types` are ignored: incidents have no PLOVER type).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IncidentQuery {
    /// Empty means every kind.
    pub kinds: Vec<IncidentKind>,
    #[serde(flatten)]
    pub filters: EventQuery,
}

impl IncidentQuery {
    pub fn validate(&self) -> Result<(), StoreError> {
        if !self.filters.types.is_empty() {
            return Err(StoreError::InvalidQuery(
                "incidents have no event type; filter them by kind instead".into(),
            ));
        }
        self.filters.validate()
    }
}

/// `YYYY-MM-DD` with a real month and a day that exists in that month.
pub(crate) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("2024-1-01"));
        assert!(!is_iso_date("yesterday!"));
    }

    #[test]
    fn bbox_parse_and_contains() {
        let b = BBox::parse("35, 32, 42.5, 37.5").unwrap();
        assert!(b.contains(38.27, 34.55));
        assert!(!b.contains(44.0, 34.0));
        assert!(BBox::parse("1,2,3").is_err());
        assert!(BBox::parse("a,2,3,4").is_err());
        assert!(BBox::parse("0,50,10,40").is_err());
        // Across the antimeridian: Fiji-ish box.
        let fiji = BBox::parse("177,-20,-178,-15").unwrap();
        assert!(fiji.contains(178.4, -18.1));
        assert!(fiji.contains(-179.5, -16.0));
        assert!(!fiji.contains(0.0, -16.0));
    }

    #[test]
    fn query_validation_names_the_value() {
        let q = EventQuery {
            since: Some("2024/03/01".into()),
            ..Default::default()
        };
        assert!(q.validate().unwrap_err().to_string().contains("2024/03/01"));
        let q = EventQuery {
            countries: vec!["Syria".into()],
            ..Default::default()
        };
        assert!(q.validate().unwrap_err().to_string().contains("Syria"));
    }
}
