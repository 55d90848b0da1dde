//! The in-memory gazetteer: places, countries and demonyms parsed from the generated TSV tables
//! (see `scripts/build_gazetteer.py` and `data/SOURCES.md`), indexed by normalised name.
//!
//! API boundary: the application reads the files and hands their text in through
//! [`GazetteerSources`]; nothing here touches the file system.

use rustc_hash::FxHashMap;
use sitrep_core::{Place, Precision};

use super::normalize::{normalize, strip_article};

/// The text of each gazetteer table, as read by the application.
#[derive(Debug, Clone, Copy)]
pub struct GazetteerSources<'a> {
    /// `generated/places.tsv`: cities and first-level divisions.
    pub places: &'a str,
    /// `generated/countries.tsv`.
    pub countries: &'a str,
    /// `country_aliases.tsv` (hand-made informal country names).
    pub country_aliases: &'a str,
    /// `demonyms.tsv`.
    pub demonyms: &'a str,
}

/// A malformed gazetteer table.
#[derive(Debug, thiserror::Error)]
#[error("{table} line {line}: {message}")]
pub struct GeoError {
    pub table: &'static str,
    pub line: usize,
    pub message: String,
}

/// What kind of gazetteer entry a place is; decides its precision and prior weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    /// A continent or other multi-country region.
    Region,
    Country,
    Admin1,
    Capital,
    Town,
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub geonames_id: u32,
    pub name: Box<str>,
    pub lat: f32,
    pub lon: f32,
    pub country: [u8; 2],
    /// Index into `Gazetteer::admin1_names`, `u32::MAX` for none.
    pub admin1: u32,
    pub kind: EntryKind,
    pub population: u64,
}

const NO_ADMIN1: u32 = u32::MAX;
/// Country code of entries that lie in no single country (continents).
pub(crate) const NO_COUNTRY: [u8; 2] = [b'-', b'-'];

/// Places indexed by normalised name, plus country and demonym tables.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    admin1_names: Vec<Box<str>>,
    /// Normalised name -> entry indices, best prior first.
    index: FxHashMap<Box<str>, Vec<u32>>,
    /// ISO2 -> entry index of the country.
    countries: FxHashMap<[u8; 2], u32>,
    /// Normalised demonym -> ISO2, or `None` for a group adjective that names no country.
    demonyms: FxHashMap<Box<str>, Option<[u8; 2]>>,
    /// The most words in any indexed name (bounds the n-gram search).
    pub(crate) max_words: usize,
}

fn iso(s: &str) -> Option<[u8; 2]> {
    let b = s.trim().as_bytes();
    (b.len() == 2 && b.iter().all(|c| c.is_ascii_uppercase())).then(|| [b[0], b[1]])
}

fn iso_str(c: &[u8; 2]) -> String {
    String::from_utf8_lossy(c).into_owned()
}

/// Data lines of a table: skips blank lines and `#` comments, numbering lines from 1.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    /// Parses the four tables. Fails on the first malformed line, naming table and line.
    pub fn parse(src: GazetteerSources<'_>) -> Result<Gazetteer, GeoError> {
        let mut g = Gazetteer::default();
        let mut admin1_ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut names: Vec<(String, u32)> = Vec::with_capacity(800_000);

        let err = |table: &'static str, line: usize, message: String| GeoError {
            table,
            line,
            message,
        };

        for (ln, line) in data_lines(src.countries) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 9 {
                return Err(err(
                    "countries.tsv",
                    ln,
                    format!("expected 9 fields, found {}", f.len()),
                ));
            }
            let cc = iso(f[0])
                .ok_or_else(|| err("countries.tsv", ln, format!("bad ISO2 code {:?}", f[0])))?;
            let num = |i: usize, what: &str| -> Result<f64, GeoError> {
                f[i].trim()
                    .parse::<f64>()
                    .map_err(|_| err("countries.tsv", ln, format!("bad {what} {:?}", f[i])))
            };
            let idx = g.entries.len() as u32;
            g.entries.push(Entry {
                geonames_id: f[3].trim().parse().unwrap_or(0),
                name: f[2].into(),
                lat: num(5, "latitude")? as f32,
                lon: num(6, "longitude")? as f32,
                country: cc,
                admin1: NO_ADMIN1,
                kind: EntryKind::Country,
                population: f[7].trim().parse().unwrap_or(0),
            });
            g.countries.insert(cc, idx);
            names.push((normalize(f[2]), idx));
            for alt in f[8].split('|').filter(|s| !s.is_empty()) {
                names.push((normalize(alt), idx));
            }
        }

        for (ln, line) in data_lines(src.country_aliases) {
            let (code, alias) = line.split_once('\t').ok_or_else(|| {
                err(
                    "country_aliases.tsv",
                    ln,
                    "expected `iso2<TAB>alias`".into(),
                )
            })?;
            let cc = iso(code)
                .ok_or_else(|| err("country_aliases.tsv", ln, format!("bad ISO2 code {code:?}")))?;
            let idx = *g
                .countries
                .get(&cc)
                .ok_or_else(|| err("country_aliases.tsv", ln, format!("unknown country {code}")))?;
            names.push((normalize(alias), idx));
        }

        for (ln, line) in data_lines(src.places) {
            let mut f = line.split('\t');
            let mut next = |what: &str| {
                f.next()
                    .ok_or_else(|| err("places.tsv", ln, format!("missing field {what}")))
            };
            let id = next("geonameid")?;
            let name = next("name")?;
            let lat = next("lat")?;
            let lon = next("lon")?;
            let cc = next("country")?;
            let admin1 = next("admin1")?;
            let feature = next("feature")?;
            let pop = next("population")?;
            let alts = next("alternate names")?;
            let bad = |what: &str, v: &str| err("places.tsv", ln, format!("bad {what} {v:?}"));
            let kind = match feature {
                "A.ADM1" => EntryKind::Admin1,
                "P.PPLC" => EntryKind::Capital,
                "L.CONT" => EntryKind::Region,
                _ => EntryKind::Town,
            };
            let country = match iso(cc) {
                Some(c) => c,
                None if cc.is_empty() && kind == EntryKind::Region => NO_COUNTRY,
                // A few GeoNames towns carry no country (e.g. international waters): skip them.
                None if cc.is_empty() => continue,
                None => return Err(bad("country", cc)),
            };
            let admin1 = if admin1.is_empty() {
                NO_ADMIN1
            } else {
                let n = g.admin1_names.len() as u32;
                *admin1_ids.entry(admin1).or_insert_with(|| {
                    g.admin1_names.push(admin1.into());
                    n
                })
            };
            let idx = g.entries.len() as u32;
            g.entries.push(Entry {
                geonames_id: id.parse().map_err(|_| bad("geonameid", id))?,
                name: name.into(),
                lat: lat.parse().map_err(|_| bad("latitude", lat))?,
                lon: lon.parse().map_err(|_| bad("longitude", lon))?,
                country,
                admin1,
                kind,
                population: pop.parse().map_err(|_| bad("population", pop))?,
            });
            names.push((normalize(name), idx));
            for alt in alts.split('|').filter(|s| !s.is_empty()) {
                names.push((normalize(alt), idx));
            }
        }

        for (ln, line) in data_lines(src.demonyms) {
            let mut f = line.split('\t');
            let word = f.next().unwrap_or("");
            let code = f.next().ok_or_else(|| {
                err(
                    "demonyms.tsv",
                    ln,
                    "expected `demonym<TAB>iso2<TAB>note`".into(),
                )
            })?;
            let cc =
                if code.trim() == "-" {
                    None
                } else {
                    Some(iso(code).ok_or_else(|| {
                        err("demonyms.tsv", ln, format!("bad ISO2 code {code:?}"))
                    })?)
                };
            g.demonyms.insert(normalize(word).into(), cc);
        }

        g.index.reserve(names.len());
        for (key, idx) in names {
            if key.is_empty() {
                continue;
            }
            g.max_words = g.max_words.max(key.split(' ').count());
            let list = g.index.entry(key.into_boxed_str()).or_default();
            if !list.contains(&idx) {
                list.push(idx);
            }
        }
        let entries = &g.entries;
        for list in g.index.values_mut() {
            list.sort_by(|&a, &b| {
                prior(&entries[b as usize]).total_cmp(&prior(&entries[a as usize]))
            });
        }
        Ok(g)
    }

    /// Number of places (countries, divisions and towns).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn place(&self, idx: u32) -> Place {
        let e = &self.entries[idx as usize];
        let (precision, feature) = match e.kind {
            EntryKind::Region => (Precision::Region, "L.CONT"),
            EntryKind::Country => (Precision::Country, "A.PCLI"),
            EntryKind::Admin1 => (Precision::Admin1, "A.ADM1"),
            EntryKind::Capital => (Precision::Town, "P.PPLC"),
            EntryKind::Town => (Precision::Town, "P.PPL"),
        };
        Place {
            name: e.name.to_string(),
            // Ids from 4e9 up are hand-made regions (data/gazetteer/regions.tsv), not GeoNames ids.
            geonames_id: (e.geonames_id != 0 && e.geonames_id < 4_000_000_000)
                .then_some(e.geonames_id as u64),
            lat: e.lat as f64,
            lon: e.lon as f64,
            country: (e.country != NO_COUNTRY).then(|| iso_str(&e.country)),
            admin1: self.admin1_name(e).map(str::to_string),
            precision,
            feature: Some(feature.to_string()),
            population: (e.population > 0).then_some(e.population),
        }
    }

    pub(crate) fn admin1_name(&self, e: &Entry) -> Option<&str> {
        self.admin1_names.get(e.admin1 as usize).map(|s| &**s)
    }

    /// Entry indices for a normalised key, best prior first; falls back to the key without an
    /// Arabic article ("al bab" -> "bab").
    pub(crate) fn candidates(&self, key: &str) -> &[u32] {
        if let Some(v) = self.index.get(key) {
            return v;
        }
        strip_article(key)
            .and_then(|k| self.index.get(k))
            .map_or(&[], |v| v)
    }

    /// Every place of that name, most important first.
    pub fn lookup(&self, name: &str) -> Vec<Place> {
        self.candidates(&normalize(name))
            .iter()
            .map(|&i| self.place(i))
            .collect()
    }

    /// The country-precision place of an ISO 3166-1 alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<Place> {
        let cc = iso(&iso2.to_ascii_uppercase())?;
        self.countries.get(&cc).map(|&i| self.place(i))
    }

    /// The country a name or alias stands for ("U.S.", "Britain", "Syria").
    pub fn country_by_name(&self, name: &str) -> Option<Place> {
        self.candidates(&normalize(name))
            .iter()
            .find(|&&i| self.entries[i as usize].kind == EntryKind::Country)
            .map(|&i| self.place(i))
    }

    /// ISO2 of the country a demonym points at ("Syrian" -> "SY"; plural "Iraqis" too).
    /// `None` for unknown words and for group adjectives ("Kurdish") that name no country.
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonym_entry(&normalize(word)).flatten().map(|c| {
            // The ISO2 bytes are ASCII upper case, checked at parse time.
            std::str::from_utf8(c).unwrap_or("")
        })
    }

    /// `Some(None)` for a known group adjective, `Some(Some(cc))` for a country demonym.
    pub(crate) fn demonym_entry(&self, key: &str) -> Option<Option<&[u8; 2]>> {
        if let Some(v) = self.demonyms.get(key) {
            return Some(v.as_ref());
        }
        // Plural nouns of demonyms: "Syrians", "Iraqis", "Israelis".
        let stem = key.strip_suffix('s')?;
        if stem.ends_with("an") || stem.ends_with('i') || stem.ends_with("er") {
            return self.demonyms.get(stem).map(|v| v.as_ref());
        }
        None
    }

    pub(crate) fn country_entry(&self, cc: &[u8; 2]) -> Option<u32> {
        self.countries.get(cc).copied()
    }
}

/// Importance of a place before any context: countries over divisions over towns, and
/// larger towns over smaller ones.
pub(crate) fn prior(e: &Entry) -> f64 {
    let pop = (e.population as f64 + 1.0).log10();
    match e.kind {
        EntryKind::Region => 3.8,
        EntryKind::Country => 3.6 + 0.05 * pop,
        EntryKind::Admin1 => 2.4 + 0.08 * pop,
        EntryKind::Capital => 0.6 + 0.4 * pop,
        EntryKind::Town => 0.4 * pop,
    }
}
