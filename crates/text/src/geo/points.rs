//! Representative points of countries and first-level divisions, corrected after loading.
//!
//! A country or division is scored as one point, so its point decides whether an answer falls
//! within 161 km of a reference. The generated tables give countries a centroid from
//! `countryinfo` and divisions the mean of their towns (GeoNames cities carry no division
//! coordinates); both sit far from the points GeoNames itself uses (the United States 235 km,
//! Canada 1,000 km, Texas or Ontario pulled towards their populous corners). Two corrections:
//! - [`Gazetteer::apply_country_points`] takes GeoNames' own country coordinates from the
//!   hand-made `data/gazetteer/country_points.tsv`;
//! - [`Gazetteer::recentre_divisions`] moves each division to the middle of the box around its
//!   towns and airports (far islands left out), which is near its geographic centre wherever
//!   these are spread over the whole division, as they are in most.
//!
//! No IO here: the application reads the table and hands its text in.

use rustc_hash::FxHashMap;

use super::gazetteer::{EntryKind, Gazetteer, GeoError};
use super::resolve::distance_km;

/// A box centre further than this from every town of the division lies outside it (in the
/// sea between the mainland and a far island, as Valparaíso's with Easter Island): the old
/// point is kept then.
const MAX_TOWN_KM: f64 = 300.0;

/// A town or airport with no other one of its division within this distance is an outlying
/// island and left out of the division's box.
const ISOLATED_KM: f64 = 300.0;

impl Gazetteer {
    /// Sets country coordinates from `country_points.tsv` (`iso2<TAB>lat<TAB>lon`, `#`
    /// comments). Unknown codes are skipped (a table may list countries the gazetteer left
    /// out); a malformed line is an error naming the line.
    pub fn apply_country_points(&mut self, text: &str) -> Result<(), GeoError> {
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| GeoError {
                table: "country_points.tsv",
                line: i + 1,
                message,
            };
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                return Err(err("expected `iso2<TAB>lat<TAB>lon`".into()));
            }
            let b = f[0].trim().as_bytes();
            if b.len() != 2 || !b.iter().all(u8::is_ascii_uppercase) {
                return Err(err(format!("bad ISO2 code {:?}", f[0])));
            }
            let num = |s: &str, lo: f64, hi: f64| {
                s.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|v| (lo..=hi).contains(v))
            };
            let (Some(lat), Some(lon)) = (num(f[1], -90.0, 90.0), num(f[2], -180.0, 180.0)) else {
                return Err(err(format!("bad coordinates {:?} {:?}", f[1], f[2])));
            };
            if let Some(idx) = self.country_entry(&[b[0], b[1]]) {
                let e = &mut self.entries[idx as usize];
                e.lat = lat as f32;
                e.lon = lon as f32;
            }
        }
        Ok(())
    }

    /// Moves every first-level division to the centre of the latitude/longitude box around its
    /// towns (the shortest longitude arc, so divisions across the date line stay whole), unless
    /// no town of the division lies within 300 km of that centre.
    pub fn recentre_divisions(&mut self) {
        // (country, admin1) packed into one number -> the division's town points. A map keyed by
        // the tuple `([u8; 2], u32)` here came back with corrupted keys in optimised builds
        // (rustc 1.95.0; the same code with a debug print worked), so the pair is packed.
        let key = |cc: [u8; 2], admin1: u32| {
            (u64::from(u16::from_be_bytes(cc)) << 32) | u64::from(admin1)
        };
        let mut towns: FxHashMap<u64, Vec<(f32, f32)>> = FxHashMap::default();
        for e in &self.entries {
            // Airports count too: remote parts of a division (northern Ontario) have airstrips
            // but few towns, and leaving them out pulls the box towards the populous south.
            let located = matches!(
                e.kind,
                EntryKind::Town | EntryKind::Capital | EntryKind::Airport
            );
            if located && e.admin1 != u32::MAX {
                towns
                    .entry(key(e.country, e.admin1))
                    .or_default()
                    .push((e.lat, e.lon));
            }
        }
        for e in self.entries.iter_mut() {
            if e.kind != EntryKind::Admin1 {
                continue;
            }
            let Some(points) = towns.get_mut(&key(e.country, e.admin1)) else {
                continue;
            };
            drop_isolated(points);
            let points = &*points;
            let mut lo = f64::INFINITY;
            let mut hi = f64::NEG_INFINITY;
            for p in points {
                lo = lo.min(p.0 as f64);
                hi = hi.max(p.0 as f64);
            }
            let lat = (lo + hi) / 2.0;
            let mut lons: Vec<f32> = points.iter().map(|p| p.1).collect();
            let lon = arc_middle(&mut lons);
            let inside = points
                .iter()
                .any(|p| distance_km(lat, lon, p.0 as f64, p.1 as f64) <= MAX_TOWN_KM);
            if inside {
                e.lat = lat as f32;
                e.lon = lon as f32;
            }
        }
    }
}

/// Drops the points with no other point within [`ISOLATED_KM`] (a far island such as Lord
/// Howe for New South Wales): one lone island would stretch the box far out to sea. Keeps
/// everything when fewer than three points or no point would remain. Points are sorted by
/// latitude so each search stops at the first neighbour or when latitudes drift too far apart.
fn drop_isolated(points: &mut Vec<(f32, f32)>) {
    if points.len() < 3 {
        return;
    }
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let band = (ISOLATED_KM / 111.0) as f32;
    let near = |i: usize, j: usize| {
        let (a, b) = (points[i], points[j]);
        distance_km(a.0 as f64, a.1 as f64, b.0 as f64, b.1 as f64) <= ISOLATED_KM
    };
    let keep: Vec<bool> = (0..points.len())
        .map(|i| {
            let up = (i + 1..points.len())
                .take_while(|&j| points[j].0 - points[i].0 <= band)
                .any(|j| near(i, j));
            up || (0..i)
                .rev()
                .take_while(|&j| points[i].0 - points[j].0 <= band)
                .any(|j| near(i, j))
        })
        .collect();
    if keep.iter().any(|&k| k) {
        let mut k = keep.iter();
        points.retain(|_| *k.next().unwrap_or(&true));
    }
}

/// The middle of the shortest arc of longitudes holding all of `lons` (degrees, -180..180).
fn arc_middle(lons: &mut [f32]) -> f64 {
    lons.sort_by(f32::total_cmp);
    let n = lons.len();
    if n == 0 {
        return 0.0;
    }
    // The largest gap between neighbours (the wrap-around gap included) lies outside the arc.
    let mut gap = (lons[0] as f64 + 360.0 - lons[n - 1] as f64, n - 1);
    for i in 0..n - 1 {
        let g = (lons[i + 1] - lons[i]) as f64;
        if g > gap.0 {
            gap = (g, i);
        }
    }
    let start = lons[(gap.1 + 1) % n] as f64;
    let mut end = lons[gap.1] as f64;
    if end < start {
        end += 360.0;
    }
    let mid = (start + end) / 2.0;
    if mid > 180.0 {
        mid - 360.0
    } else {
        mid
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::GazetteerSources;

    fn gaz() -> Gazetteer {
        Gazetteer::parse(GazetteerSources {
            // A division whose towns lie in its west (mean point west of centre), one across
            // the date line, and one with a far island.
            places: "1\tWestville\t10.0\t-20.0\tAA\tPlains\tP.PPL\t90000\t\n\
                     2\tWestburg\t11.0\t-19.5\tAA\tPlains\tP.PPL\t80000\t\n\
                     3\tEastend\t10.5\t-17.0\tAA\tPlains\tP.PPL\t500\t\n\
                     4\tPlains\t10.4\t-19.3\tAA\tPlains\tA.ADM1\t170500\t\n\
                     5\tDateton\t-17.0\t179.0\tAA\tIsles\tP.PPL\t1000\t\n\
                     6\tDatewest\t-17.0\t-179.0\tAA\tIsles\tP.PPL\t1000\t\n\
                     7\tIsles\t-17.0\t179.5\tAA\tIsles\tA.ADM1\t2000\t\n\
                     8\tCoast\t-33.0\t-71.0\tAA\tShore\tP.PPL\t1000\t\n\
                     9\tCoast Two\t-33.5\t-71.5\tAA\tShore\tP.PPL\t1000\t\n\
                     10\tFar Isle\t-27.0\t-109.0\tAA\tShore\tP.PPL\t1000\t\n\
                     11\tShore\t-31.0\t-84.0\tAA\tShore\tA.ADM1\t3000\t\n",
            countries: "AA\tAAA\tAland\t99\tWestville\t5.0\t5.0\t1000000\t\n",
            country_aliases: "",
            demonyms: "",
        })
        .unwrap()
    }

    fn point(g: &Gazetteer, name: &str) -> (f64, f64) {
        let p = g.lookup(name).into_iter().next().unwrap();
        (p.lat, p.lon)
    }

    #[test]
    fn divisions_move_to_the_middle_of_their_towns() {
        let mut g = gaz();
        g.recentre_divisions();
        // Box 10..11 x -20..-17: centre (10.5, -18.5).
        let (lat, lon) = point(&g, "Plains");
        assert!(
            (lat - 10.5).abs() < 1e-4 && (lon + 18.5).abs() < 1e-4,
            "{lat} {lon}"
        );
        // Across the date line the shortest arc is 179..181: centre 180.
        let (_, lon) = point(&g, "Isles");
        assert!((lon.abs() - 180.0).abs() < 1e-3, "{lon}");
        // The far island (1,400 km out) is left out: the box is the mainland coast's.
        let (lat, lon) = point(&g, "Shore");
        assert!(
            (lat + 33.25).abs() < 1e-4 && (lon + 71.25).abs() < 1e-4,
            "{lat} {lon}"
        );
    }

    #[test]
    fn country_points_replace_centroids_and_bad_lines_fail() {
        let mut g = gaz();
        g.apply_country_points("# iso2\tlat\tlon\nAA\t7.5\t-3.25\nZZ\t1\t1\n")
            .unwrap();
        assert_eq!(point(&g, "Aland"), (7.5, -3.25));
        let e = g.apply_country_points("AA\t95\t0\n").unwrap_err();
        assert_eq!((e.table, e.line), ("country_points.tsv", 1));
        let e = g.apply_country_points("\n# c\nA1\t1\t1\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(g.apply_country_points("AA 1 1\n").is_err());
    }

    #[test]
    fn arc_middle_handles_one_point_and_the_date_line() {
        assert_eq!(arc_middle(&mut [42.0]), 42.0);
        assert!((arc_middle(&mut [-170.0, 170.0]) - 180.0).abs() < 1e-9);
        assert!((arc_middle(&mut [-10.0, 30.0]) - 10.0).abs() < 1e-9);
    }
}
