//! Place resolution by document context.
//!
//! Every candidate entry of a toponym gets a score: its prior (countries over divisions over
//! towns, larger over smaller), plus a boost for its country and its first-level division when
//! other mentions of the document point there (by name, by demonym or through their own likely
//! readings), plus spatial coherence with the likely readings of the other toponyms. Scores
//! become probabilities by softmax; three rounds let the readings settle. A mention never
//! counts as evidence for itself, so "Georgia" cannot vote for its own country.

use rustc_hash::FxHashMap;

use super::gazetteer::{prior, Entry, EntryKind, Gazetteer, NO_COUNTRY};
use super::normalize::{normalize, strip_article};

/// Candidate lists are cut to the most important entries (a name like "San Juan" has dozens).
const MAX_CANDIDATES: usize = 40;
const COUNTRY_BOOST: f64 = 1.0;
const ADMIN1_BOOST: f64 = 1.0;
const SPATIAL_BOOST: f64 = 0.8;
const SPATIAL_KM: f64 = 150.0;
/// Bonus for a place whose own name was written (over one known by an alternate name).
const PRIMARY_NAME: f64 = 0.3;
/// Population of a first-level division whose name outranks towns abroad.
const MAJOR_DIVISION: u64 = 500_000;
/// Population from which a town is a city in its own right, known to its country's readers
/// without a qualifier ("London" to a reader of Ontario news).
const LOCAL_CITY: u64 = 100_000;
/// Score taken from a reading in a country the rest of the document never points to, when a
/// same-name city lies in a country it does name.
const ABSENT_COUNTRY: f64 = 0.6;
/// Softmax sharpness: a score lead of 1 is odds of about e^2.
const SHARPNESS: f64 = 2.0;
const ROUNDS: usize = 3;

/// One distinct toponym key of a document with its candidate readings.
pub(crate) struct Group {
    pub entries: Vec<u32>,
    pub scores: Vec<f64>,
    pub probs: Vec<f64>,
    /// How many times the document mentions it (more mentions, more weight as evidence).
    pub count: usize,
    /// Whether each entry's primary name is the mention's name (not an alternate name).
    pub primary: Vec<bool>,
}

/// A country known from a demonym ("Syrian"), counted as evidence.
pub(crate) struct CountryVote {
    pub country: [u8; 2],
    pub count: usize,
}

#[derive(Default)]
struct Evidence {
    country: FxHashMap<[u8; 2], f64>,
    admin1: FxHashMap<([u8; 2], u32), f64>,
    /// (lat, lon, weight) of likely town-level readings.
    points: Vec<(f64, f64, f64)>,
    /// The likely reading (entry index) of the group, if it is clear.
    best: Option<u32>,
}

fn weight(count: usize) -> f64 {
    (1.0 + 0.25 * (count.saturating_sub(1)) as f64).min(2.0)
}

fn contribution(g: &Group, gaz: &Gazetteer) -> Evidence {
    let w = weight(g.count);
    let mut ev = Evidence::default();
    for (&e, &q) in g.entries.iter().zip(&g.probs) {
        let entry = &gaz.entries[e as usize];
        if entry.country == NO_COUNTRY {
            continue;
        }
        *ev.country.entry(entry.country).or_default() += w * q;
        if entry.admin1 != u32::MAX {
            *ev.admin1.entry((entry.country, entry.admin1)).or_default() += w * q;
        }
    }
    if let Some((i, &q)) = g.probs.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) {
        let entry = &gaz.entries[g.entries[i] as usize];
        if q >= 0.5 {
            ev.best = Some(g.entries[i]);
            if matches!(
                entry.kind,
                EntryKind::Town
                    | EntryKind::Capital
                    | EntryKind::Admin1
                    | EntryKind::Admin2
                    | EntryKind::Airport
            ) {
                ev.points.push((entry.lat as f64, entry.lon as f64, w * q));
            }
        }
    }
    ev
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

fn softmax(scores: &[f64]) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scores
        .iter()
        .map(|s| (SHARPNESS * (s - max)).exp())
        .collect();
    let sum: f64 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}

impl Group {
    pub(crate) fn new(key: &str, mut entries: Vec<u32>, count: usize, gaz: &Gazetteer) -> Group {
        entries.truncate(MAX_CANDIDATES);
        let primary: Vec<bool> = entries
            .iter()
            .map(|&e| {
                let n = normalize(&gaz.entries[e as usize].name);
                n == key || strip_article(&n) == Some(key) || strip_article(key) == Some(n.as_str())
            })
            .collect();
        let scores: Vec<f64> = entries
            .iter()
            .zip(&primary)
            .map(|(&e, &p)| prior(&gaz.entries[e as usize]) + if p { PRIMARY_NAME } else { 0.0 })
            .collect();
        let probs = softmax(&scores);
        Group {
            entries,
            scores,
            probs,
            count,
            primary,
        }
    }
}

/// Resolves all groups of one document in place (scores and probabilities, best not sorted).
pub(crate) fn resolve(groups: &mut [Group], votes: &[CountryVote], gaz: &Gazetteer) {
    for _ in 0..ROUNDS {
        let contributions: Vec<Evidence> = groups.iter().map(|g| contribution(g, gaz)).collect();
        let mut total = Evidence::default();
        for v in votes {
            *total.country.entry(v.country).or_default() += weight(v.count);
        }
        for c in &contributions {
            for (k, v) in &c.country {
                *total.country.entry(*k).or_default() += v;
            }
            for (k, v) in &c.admin1 {
                *total.admin1.entry(*k).or_default() += v;
            }
        }
        for (gi, g) in groups.iter_mut().enumerate() {
            let own = &contributions[gi];
            // Countries compete: a country's boost grows with its share of the document's
            // country evidence, so a text naming Syria five times and the U.S. twice favours
            // Syrian readings. The share is of the evidence from the rest of the document: a
            // name written six times ("London" in a local paper) must not, through its own
            // likely reading, shrink the share of the country everything else points to.
            let strongest = total
                .country
                .iter()
                .map(|(k, v)| v - own.country.get(k).copied().unwrap_or(0.0))
                .fold(0.0, f64::max)
                .max(1e-9);
            let mut scores = Vec::with_capacity(g.entries.len());
            for (&e, &primary) in g.entries.iter().zip(&g.primary) {
                let entry = &gaz.entries[e as usize];
                let mut s = prior(entry) + if primary { PRIMARY_NAME } else { 0.0 };
                let c_ev = total.country.get(&entry.country).copied().unwrap_or(0.0)
                    - own.country.get(&entry.country).copied().unwrap_or(0.0);
                s += COUNTRY_BOOST
                    * (1.0 - (-c_ev.max(0.0)).exp())
                    * (0.5 + 0.5 * (c_ev.max(0.0) / strongest).min(1.0));
                // Another name of the same place ("Mexico City" beside "Mexico") is no evidence
                // for that place: drop those groups' division and spatial contributions.
                let same: Vec<usize> = contributions
                    .iter()
                    .enumerate()
                    .filter(|(oi, c)| *oi != gi && c.best == Some(e))
                    .map(|(oi, _)| oi)
                    .collect();
                if entry.admin1 != u32::MAX {
                    let key = (entry.country, entry.admin1);
                    let a_ev = total.admin1.get(&key).copied().unwrap_or(0.0)
                        - own.admin1.get(&key).copied().unwrap_or(0.0)
                        - same
                            .iter()
                            .map(|&oi| contributions[oi].admin1.get(&key).copied().unwrap_or(0.0))
                            .sum::<f64>();
                    s += ADMIN1_BOOST * (1.0 - (-a_ev.max(0.0)).exp());
                }
                // Counties are small enough for the same neighbourhood test as towns.
                if matches!(
                    entry.kind,
                    EntryKind::Town | EntryKind::Capital | EntryKind::Admin2 | EntryKind::Airport
                ) {
                    let (lat, lon) = (entry.lat as f64, entry.lon as f64);
                    let near = contributions
                        .iter()
                        .enumerate()
                        .filter(|(oi, _)| *oi != gi && !same.contains(oi))
                        .flat_map(|(_, c)| c.points.iter())
                        .map(|&(plat, plon, w)| {
                            w.min(1.0) * (-distance_km(lat, lon, plat, plon) / SPATIAL_KM).exp()
                        })
                        .fold(0.0, f64::max);
                    s += SPATIAL_BOOST * near;
                }
                scores.push(s);
            }
            // Country and division evidence from the rest of the document, for the bound on
            // towns abroad.
            let others = |e: &Entry| {
                let cc = e.country;
                let a1 = (cc, e.admin1);
                (
                    total.country.get(&cc).copied().unwrap_or(0.0)
                        - own.country.get(&cc).copied().unwrap_or(0.0),
                    total.admin1.get(&a1).copied().unwrap_or(0.0)
                        - own.admin1.get(&a1).copied().unwrap_or(0.0),
                )
            };
            absent_country(g, &mut scores, gaz, |e| others(e).0);
            outrank_towns(g, &mut scores, gaz, others);
            alias_yields(g, &mut scores, gaz);
            g.probs = softmax(&scores);
            g.scores = scores;
        }
    }
}

/// A town whose country the rest of the document never points to yields to a same-name city in
/// a country the document does name: "London" in a text that names Canada three times and
/// Britain never is the Ontario city, though the capital is far larger. The city must be large
/// (`LOCAL_CITY`) and written by its own name, so a village never takes a capital's place.
fn absent_country(
    g: &Group,
    scores: &mut [f64],
    gaz: &Gazetteer,
    evidence: impl Fn(&Entry) -> f64,
) {
    let town = |e: &Entry| matches!(e.kind, EntryKind::Town | EntryKind::Capital);
    let Some(local) = g
        .entries
        .iter()
        .zip(&g.primary)
        .map(|(&e, &p)| (&gaz.entries[e as usize], p))
        .find(|(e, p)| *p && town(e) && e.population >= LOCAL_CITY && evidence(e) >= 0.9)
        .map(|(e, _)| e.country)
    else {
        return;
    };
    for (&e, s) in g.entries.iter().zip(scores.iter_mut()) {
        let entry = &gaz.entries[e as usize];
        if town(entry) && entry.country != local && evidence(entry) < 0.1 {
            *s -= ABSENT_COUNTRY;
        }
    }
}

/// How many times larger a town written by its own name must be for a town that bears the name
/// only as an alternate spelling to yield to it.
const ALIAS_YIELDS_TO: u64 = 2;

/// A town that bears the written name only as an alternate spelling ("Pittsburgh" for
/// Pittsburg, California) never outranks a much larger town whose own name it is, however
/// near the places around it: writers spell the town they mean, and a nearby place sharing
/// a variant is a coincidence more often than the intended reading.
fn alias_yields(g: &Group, scores: &mut [f64], gaz: &Gazetteer) {
    let town = |e: &Entry| matches!(e.kind, EntryKind::Town | EntryKind::Capital);
    let own: Vec<(u64, f64)> = g
        .entries
        .iter()
        .zip(&g.primary)
        .zip(scores.iter())
        .filter(|((&e, &p), _)| p && town(&gaz.entries[e as usize]))
        .map(|((&e, _), &s)| (gaz.entries[e as usize].population, s))
        .collect();
    for ((&e, &primary), s) in g.entries.iter().zip(&g.primary).zip(scores.iter_mut()) {
        let entry = &gaz.entries[e as usize];
        if primary || !town(entry) {
            continue;
        }
        let cap = own
            .iter()
            .filter(|(pop, _)| *pop >= entry.population.saturating_mul(ALIAS_YIELDS_TO))
            .map(|&(_, sc)| sc)
            .fold(f64::NEG_INFINITY, f64::max);
        if cap.is_finite() && *s >= cap {
            *s = cap - 0.1;
        }
    }
}

/// A country written by its own name ("China", "Iraq") is that country, never a town that
/// shares or borrows the name, however much the rest of the document is about the town's
/// area; likewise a first-level division written by its own name ("Ontario", "Illinois") is
/// not a town elsewhere that bears it. Context may still choose between places of equal rank,
/// and `context::prefer_town` may still pick a division's own town.
fn outrank_towns(
    g: &Group,
    scores: &mut [f64],
    gaz: &Gazetteer,
    evidence: impl Fn(&Entry) -> (f64, f64),
) {
    let top = |kind: EntryKind| {
        g.entries
            .iter()
            .zip(&g.primary)
            .zip(scores.iter())
            .filter(|((&e, &p), _)| p && gaz.entries[e as usize].kind == kind)
            .map(|((&e, _), &s)| (s, &gaz.entries[e as usize]))
            .fold(None, |best: Option<(f64, &Entry)>, x| match best {
                Some(b) if b.0 >= x.0 => Some(b),
                _ => Some(x),
            })
    };
    let country = top(EntryKind::Country).map(|c| c.0);
    let admin1 = top(EntryKind::Admin1);
    for ((&e, &primary), s) in g.entries.iter().zip(&g.primary).zip(scores.iter_mut()) {
        let entry = &gaz.entries[e as usize];
        // A national capital is as prominent as a division and keeps its chance when the text
        // writes its own name; by an alternate name ("Victoria", an old name of Hong Kong) it
        // is bounded like a town.
        let town_like = matches!(entry.kind, EntryKind::Town | EntryKind::Airport);
        if !town_like && (entry.kind != EntryKind::Capital || primary) {
            continue;
        }
        // The division bounds towns of its own country ("New York" the state over the city),
        // and towns abroad only when it is a major one ("Ontario" the province, not the
        // Californian city); a small division abroad (the Jamaican parish of Kingston) leaves
        // the choice to context.
        // A major division abroad yields when the rest of the document points to the town's
        // country and division and hardly at all to the country of any other reading
        // ("Kingston" in an article on Queensland towns, not the Jamaican parish; "Victoria"
        // in a British Columbia paper; but "Santiago" beside "Chile" stays Chilean).
        let (town_country, town_division) = evidence(entry);
        let rival_country = g.entries.iter().any(|&o| {
            let o = &gaz.entries[o as usize];
            o.country != entry.country && evidence(o).0 >= 0.5
        });
        let abroad_major = |a: &Entry| {
            a.population >= MAJOR_DIVISION
                && (rival_country || town_country < 1.0 || town_division < 0.5)
        };
        let in_division_country = admin1
            .filter(|a| a.1.country == entry.country || abroad_major(a.1))
            .map(|a| a.0);
        let bound = match (country, in_division_country) {
            (Some(c), Some(a)) => Some(c.max(a)),
            (c, a) => c.or(a),
        };
        if let Some(b) = bound.filter(|b| *s >= *b) {
            *s = b - 0.5;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_matches_reference_values() {
        assert!((distance_km(0.0, 0.0, 0.0, 1.0) - 111.195).abs() < 0.01);
        assert!((distance_km(51.5074, -0.1278, 48.8566, 2.3522) - 343.557).abs() < 0.01);
    }

    #[test]
    fn softmax_sums_to_one_and_prefers_higher() {
        let p = softmax(&[1.0, 2.0, 0.0]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(p[1] > p[0] && p[0] > p[2]);
    }
}
