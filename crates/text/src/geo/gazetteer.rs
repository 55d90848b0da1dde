//! The in-memory gazetteer: places, countries and demonyms parsed from the generated TSV tables
//! (see `scripts/build_gazetteer.py` and `data/SOURCES.md`), indexed by normalised name.
//!
//! API boundary: the application reads the files and hands their text in through
//! [`GazetteerSources`]; nothing here touches the file system.
//!
//! Parsing the full world tables takes about a second (mostly name normalisation and the index
//! build), so the application keeps a binary form next to them: [`Gazetteer::to_bytes`] writes
//! it and [`Gazetteer::from_bytes`] reads it back in a few milliseconds. The name index is
//! stored flat (one key arena, offset arrays and a persisted open-addressing table), so loading
//! is a handful of array copies rather than over a million string and list allocations. The
//! binary form carries a checksum and the [`Gazetteer::cache_key`] of the tables and of this
//! code, and every offset in it is checked on load: a stale, truncated or corrupt file is an
//! error, never a panic or a wrong answer.

use rustc_hash::{FxHashMap, FxHashSet};
use sitrep_core::{Place, Precision};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

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
    /// A second-level division named with its division word ("Adair County").
    Admin2,
    Capital,
    Town,
    /// A commercial airport (feature `S.AIRP`), known by its own name ("Heathrow").
    Airport,
}

#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Default, PartialEq)]
pub struct Gazetteer {
    pub(crate) entries: Vec<Entry>,
    admin1_names: Vec<Box<str>>,
    /// Normalised name -> entry indices, best prior first.
    index: NameIndex,
    /// ISO2 -> entry index of the country.
    countries: FxHashMap<[u8; 2], u32>,
    /// Normalised demonym -> ISO2, or `None` for a group adjective that names no country.
    demonyms: FxHashMap<Box<str>, Option<[u8; 2]>>,
    /// The most words in any indexed name (bounds the n-gram search).
    pub(crate) max_words: usize,
    /// First words of every country name and demonym, built on first use.
    country_words: CountryWords,
    /// Transliteration skeletons of first-level division names, built on first use.
    skeletons: Skeletons,
}

/// [`super::normalize::skeleton`] of every name of a first-level division -> those divisions.
/// Derived from the tables, so it plays no part in equality.
#[derive(Debug, Default)]
struct Skeletons(std::sync::OnceLock<FxHashMap<Box<str>, Vec<u32>>>);

impl PartialEq for Skeletons {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// First words of the country names and demonyms ([`Gazetteer::country_code_of`] answers `None`
/// at once for any other word). Derived from the tables, so it plays no part in equality.
/// `id` is unique per gazetteer, so that the per-thread memo of answers never serves one
/// gazetteer's answers for another's.
#[derive(Debug)]
struct CountryWords {
    words: std::sync::OnceLock<FxHashSet<Box<str>>>,
    id: u64,
}

impl Default for CountryWords {
    fn default() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        CountryWords {
            words: Default::default(),
            id: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }
}

/// A per-thread memo of a pure lookup on one gazetteer (its [`Gazetteer::memo_id`]): answers
/// for another gazetteer are dropped, and the memo is cleared when it reaches 65,536 keys.
#[derive(Default)]
pub(crate) struct LookupMemo<V> {
    id: u64,
    answers: FxHashMap<Box<str>, V>,
}

impl<V: Copy> LookupMemo<V> {
    pub(crate) fn get(&self, id: u64, key: &str) -> Option<V> {
        (self.id == id)
            .then(|| self.answers.get(key).copied())
            .flatten()
    }

    pub(crate) fn insert(&mut self, id: u64, key: &str, value: V) {
        if self.id != id || self.answers.len() >= 65_536 {
            self.answers.clear();
            self.id = id;
        }
        self.answers.insert(key.into(), value);
    }
}

impl PartialEq for CountryWords {
    fn eq(&self, _: &Self) -> bool {
        true
    }
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
                "A.ADM2" => EntryKind::Admin2,
                "P.PPLC" => EntryKind::Capital,
                "L.CONT" => EntryKind::Region,
                "S.AIRP" => EntryKind::Airport,
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

        let (index, max_words) = NameIndex::build(&names, &g.entries)?;
        g.index = index;
        g.max_words = max_words;
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
            EntryKind::Admin2 => (Precision::Admin2, "A.ADM2"),
            EntryKind::Capital => (Precision::Town, "P.PPLC"),
            EntryKind::Town => (Precision::Town, "P.PPL"),
            EntryKind::Airport => (Precision::Town, "S.AIRP"),
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
            .unwrap_or(&[])
    }

    /// First-level divisions that bear a name spelled another way with the same
    /// [`super::normalize::skeleton`] as `key` ("Menoufia" for Monufia), most populous first.
    pub(crate) fn by_skeleton(&self, key: &str) -> Vec<u32> {
        let Some(sk) = super::normalize::skeleton(key) else {
            return Vec::new();
        };
        let map = self.skeletons.0.get_or_init(|| {
            let mut map: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
            for (name, ids) in self.index.iter() {
                for &i in ids {
                    let e = &self.entries[i as usize];
                    if e.kind != EntryKind::Admin1 {
                        continue;
                    }
                    if let Some(k) = super::normalize::skeleton(name) {
                        let v = map.entry(k.into()).or_default();
                        if !v.contains(&i) {
                            v.push(i);
                        }
                    }
                }
            }
            for v in map.values_mut() {
                v.sort_by_key(|&i| std::cmp::Reverse(self.entries[i as usize].population));
            }
            map
        });
        map.get(sk.as_str()).cloned().unwrap_or_default()
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

    /// ISO2 of the country a name or a demonym stands for ("Syria", "U.S.", "Syrian"): the
    /// demonym table first, then country names. One normalisation and no `Place` built, since
    /// actor finding asks this of most capitalised word runs.
    pub fn country_code_of(&self, words: &str) -> Option<[u8; 2]> {
        // Actor finding asks about the same few thousand word runs over and over; a per-thread
        // memo skips the normalisation.
        thread_local! {
            static MEMO: std::cell::RefCell<LookupMemo<Option<[u8; 2]>>> = Default::default();
        }
        let id = self.memo_id();
        if let Some(answer) = MEMO.with(|m| m.borrow().get(id, words)) {
            return answer;
        }
        let answer = self.country_code_uncached(words);
        MEMO.with(|m| m.borrow_mut().insert(id, words, answer));
        answer
    }

    /// `false` when no country name or demonym starts with this token's first normalised word
    /// (see [`normalize`]); `true` when unsure (non-ASCII, articles, a leading "the").
    pub fn may_start_country_name(&self, token: &str) -> bool {
        let mut buf = [0u8; 32];
        let mut n = 0;
        for &b in token.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if n == buf.len() {
                    return true;
                }
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            } else if !b.is_ascii() {
                return true;
            } else if b == b'\'' || b == b'`' || n == 0 {
                // Apostrophes are dropped inside a word; leading punctuation is skipped.
                continue;
            } else {
                break;
            }
        }
        let Ok(first) = std::str::from_utf8(&buf[..n]) else {
            return true;
        };
        if n == 0 || first == "the" || super::normalize::ARTICLES.contains(&first) {
            return true;
        }
        self.starts_country_word(first)
    }

    /// Some country name or demonym starts with this normalised word, or with it less a
    /// plural "s" ("syrians").
    fn starts_country_word(&self, first: &str) -> bool {
        let known = self
            .country_words
            .words
            .get_or_init(|| self.country_first_words());
        known.contains(first) || first.strip_suffix('s').is_some_and(|w| known.contains(w))
    }

    /// A number unique to this gazetteer in the process, for per-thread memos of lookups.
    pub(crate) fn memo_id(&self) -> u64 {
        self.country_words.id
    }

    fn country_code_uncached(&self, words: &str) -> Option<[u8; 2]> {
        let key = normalize(words);
        let first = key.split(' ').next().unwrap_or("");
        let may_match = self.starts_country_word(first)
            || strip_article(&key)
                .and_then(|rest| rest.split(' ').next())
                .is_some_and(|w| self.starts_country_word(w));
        if !may_match {
            return None;
        }
        if let Some(Some(cc)) = self.demonym_entry(&key) {
            return Some(*cc);
        }
        self.candidates(&key)
            .iter()
            .map(|&i| &self.entries[i as usize])
            .find(|e| e.kind == EntryKind::Country)
            .and_then(|e| (e.country != NO_COUNTRY).then_some(e.country))
    }

    /// First words of every key that names a country and of every demonym.
    fn country_first_words(&self) -> FxHashSet<Box<str>> {
        let first = |k: &str| k.split(' ').next().unwrap_or("").into();
        let mut set: FxHashSet<Box<str>> = self.demonyms.keys().map(|k| first(k)).collect();
        for (key, list) in self.index.iter() {
            if list
                .iter()
                .any(|&i| self.entries[i as usize].kind == EntryKind::Country)
            {
                set.insert(first(key));
            }
        }
        set
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

/// Normalised name -> entry indices, stored flat so that the binary form loads with a few
/// array copies. Key `i` is `keys[key_end[i - 1]..key_end[i]]` (from 0 for the first key) and
/// its entries, best prior first, are `postings[post_end[i - 1]..post_end[i]]`. `slots` is an
/// open-addressing table of key ids (linear probing on `xxh3_64` of the key, a power-of-two
/// size at least twice the key count, so it always holds an `EMPTY` slot and probes end).
#[derive(Debug, PartialEq)]
struct NameIndex {
    keys: String,
    key_end: Vec<u32>,
    postings: Vec<u32>,
    post_end: Vec<u32>,
    slots: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

impl Default for NameIndex {
    fn default() -> Self {
        NameIndex {
            keys: String::new(),
            key_end: Vec::new(),
            postings: Vec::new(),
            post_end: Vec::new(),
            slots: vec![EMPTY],
        }
    }
}

/// Item `i` of a list stored as end offsets (the first item starts at 0).
fn span_of(ends: &[u32], i: usize) -> std::ops::Range<usize> {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    start..ends[i] as usize
}

impl NameIndex {
    /// Indexes `(key, entry)` pairs in order: empty keys skipped, duplicates dropped, each key's
    /// entries sorted best prior first (stable, so ties keep table order). Also returns the most
    /// words in any key.
    fn build(names: &[(String, u32)], entries: &[Entry]) -> Result<(NameIndex, usize), GeoError> {
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        ids.reserve(names.len());
        let mut order: Vec<&str> = Vec::with_capacity(names.len());
        let mut lists: Vec<Vec<u32>> = Vec::with_capacity(names.len());
        let mut max_words = 0;
        for (key, idx) in names {
            if key.is_empty() {
                continue;
            }
            max_words = max_words.max(key.split(' ').count());
            let id = *ids.entry(key).or_insert_with(|| {
                order.push(key);
                lists.push(Vec::new());
                (lists.len() - 1) as u32
            });
            let list = &mut lists[id as usize];
            if !list.contains(idx) {
                list.push(*idx);
            }
        }
        for list in lists.iter_mut() {
            list.sort_by(|&a, &b| {
                prior(&entries[b as usize]).total_cmp(&prior(&entries[a as usize]))
            });
        }

        let too_big = || GeoError {
            table: "places.tsv",
            line: 0,
            message: "the name index outgrows its 32-bit offsets".into(),
        };
        let offset = |n: usize| u32::try_from(n).ok().filter(|&n| n != EMPTY);
        let n = order.len();
        let mut ix = NameIndex {
            keys: String::with_capacity(order.iter().map(|k| k.len()).sum()),
            key_end: Vec::with_capacity(n),
            postings: Vec::with_capacity(lists.iter().map(Vec::len).sum()),
            post_end: Vec::with_capacity(n),
            slots: vec![EMPTY; (2 * n).next_power_of_two()],
        };
        for (key, list) in order.iter().zip(&lists) {
            ix.keys.push_str(key);
            ix.key_end.push(offset(ix.keys.len()).ok_or_else(too_big)?);
            ix.postings.extend_from_slice(list);
            ix.post_end
                .push(offset(ix.postings.len()).ok_or_else(too_big)?);
        }
        let mask = ix.slots.len() - 1;
        for (id, key) in order.iter().enumerate() {
            let mut h = xxh3_64(key.as_bytes()) as usize & mask;
            while ix.slots[h] != EMPTY {
                h = (h + 1) & mask;
            }
            ix.slots[h] = offset(id).ok_or_else(too_big)?;
        }
        Ok((ix, max_words))
    }

    /// Every key with its entries.
    fn iter(&self) -> impl Iterator<Item = (&str, &[u32])> {
        (0..self.key_end.len()).map(|i| {
            (
                &self.keys[span_of(&self.key_end, i)],
                &self.postings[span_of(&self.post_end, i)],
            )
        })
    }

    fn get(&self, key: &str) -> Option<&[u32]> {
        let mask = self.slots.len() - 1;
        let mut h = xxh3_64(key.as_bytes()) as usize & mask;
        loop {
            let id = self.slots[h];
            if id == EMPTY {
                return None;
            }
            let i = id as usize;
            if &self.keys.as_bytes()[span_of(&self.key_end, i)] == key.as_bytes() {
                return Some(&self.postings[span_of(&self.post_end, i)]);
            }
            h = (h + 1) & mask;
        }
    }
}

/// Why a binary gazetteer could not be used. The caller rebuilds it from the tables.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CacheError {
    #[error("not a sitrep gazetteer cache (wrong magic bytes)")]
    NotACache,
    #[error("written in format version {0}, this build reads version {FORMAT}")]
    Version(u32),
    #[error("built from other gazetteer tables or by another version of the gazetteer code")]
    Stale,
    #[error("truncated or corrupt: {0}")]
    Corrupt(&'static str),
}

const MAGIC: &[u8; 8] = b"SITRGAZ\0";
/// Bump when the binary layout changes.
const FORMAT: u32 = 1;
/// Magic, format, reserved, key, payload length, payload checksum.
const HEADER: usize = 8 + 4 + 4 + 8 + 8 + 8;
/// The code that decides what the binary form holds: any edit to it makes old files stale.
const CODE: [&str; 2] = [include_str!("gazetteer.rs"), include_str!("normalize.rs")];

fn kind_code(k: EntryKind) -> u8 {
    match k {
        EntryKind::Region => 0,
        EntryKind::Country => 1,
        EntryKind::Admin1 => 2,
        EntryKind::Capital => 3,
        EntryKind::Town => 4,
        EntryKind::Admin2 => 5,
        EntryKind::Airport => 6,
    }
}

fn kind_from(b: u8) -> Option<EntryKind> {
    Some(match b {
        0 => EntryKind::Region,
        1 => EntryKind::Country,
        2 => EntryKind::Admin1,
        3 => EntryKind::Capital,
        4 => EntryKind::Town,
        5 => EntryKind::Admin2,
        6 => EntryKind::Airport,
        _ => return None,
    })
}

/// Little-endian writer of the binary form.
struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        // Every list is far below 4 G items: the parser's 32-bit offsets guarantee it.
        self.u32(n as u32);
    }
    fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        self.0.reserve(v.len() * 4);
        for &x in v {
            self.u32(x);
        }
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    /// A list of strings as one arena plus end offsets.
    fn strs<'a>(&mut self, items: impl Iterator<Item = &'a str>) {
        let mut arena = String::new();
        let mut ends = Vec::new();
        for s in items {
            arena.push_str(s);
            ends.push(arena.len() as u32);
        }
        self.u32s(&ends);
        self.bytes(arena.as_bytes());
    }
}

/// Bounds-checked little-endian reader of the binary form.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

const TRUNCATED: CacheError = CacheError::Corrupt("a section runs past the end");

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CacheError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or(TRUNCATED)?;
        let b = &self.buf[self.pos..end];
        self.pos = end;
        Ok(b)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], CacheError> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, CacheError> {
        self.array().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Result<u64, CacheError> {
        self.array().map(u64::from_le_bytes)
    }
    /// A count of items of `size` bytes, checked against what is left before anything is
    /// allocated for them.
    fn count(&mut self, size: usize) -> Result<usize, CacheError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(size) > self.buf.len() - self.pos {
            return Err(TRUNCATED);
        }
        Ok(n)
    }
    fn u32s(&mut self) -> Result<Vec<u32>, CacheError> {
        let n = self.count(4)?;
        Ok(self
            .take(n * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    fn string(&mut self) -> Result<String, CacheError> {
        let n = self.count(1)?;
        String::from_utf8(self.take(n)?.to_vec())
            .map_err(|_| CacheError::Corrupt("a string is not UTF-8"))
    }
    /// Arena and end offsets written by [`Writer::strs`], checked: offsets rise, stay inside
    /// the arena and fall on character boundaries.
    fn strs(&mut self) -> Result<(String, Vec<u32>), CacheError> {
        let ends = self.u32s()?;
        let arena = self.string()?;
        let mut prev = 0;
        for &e in &ends {
            let e = e as usize;
            if e < prev || !arena.is_char_boundary(e) {
                return Err(CacheError::Corrupt("bad string offsets"));
            }
            prev = e;
        }
        if prev != arena.len() {
            return Err(CacheError::Corrupt("bad string offsets"));
        }
        Ok((arena, ends))
    }
}

/// The digest of one table's bytes for [`Gazetteer::cache_key`]: XXH3-64, so the application
/// can also compute it while streaming the file (`xxhash_rust::xxh3::Xxh3`) without holding it.
pub fn table_digest(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

impl Gazetteer {
    /// Identifies a binary form: the binary format version, the source of the parsing and
    /// normalisation code, and the content of the four tables, given as [`table_digest`]s in
    /// [`GazetteerSources`] order (places, countries, country aliases, demonyms).
    pub fn cache_key(table_digests: [u64; 4]) -> u64 {
        let mut h = Xxh3::new();
        h.update(&FORMAT.to_le_bytes());
        for code in CODE {
            h.update(&(code.len() as u64).to_le_bytes());
            h.update(code.as_bytes());
        }
        for d in table_digests {
            h.update(&d.to_le_bytes());
        }
        h.digest()
    }

    /// The binary form, tagged with `key` (from [`Gazetteer::cache_key`] on the tables it was
    /// parsed from).
    pub fn to_bytes(&self, key: u64) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(64 << 20));
        w.len(self.entries.len());
        for e in &self.entries {
            w.u32(e.geonames_id);
            w.u32(e.lat.to_bits());
            w.u32(e.lon.to_bits());
            w.0.extend_from_slice(&e.country);
            w.0.push(kind_code(e.kind));
            w.0.push(0);
            w.u32(e.admin1);
            w.u64(e.population);
        }
        w.strs(self.entries.iter().map(|e| &*e.name));
        w.strs(self.admin1_names.iter().map(|s| &**s));
        let ix = &self.index;
        w.u32s(&ix.key_end);
        w.bytes(ix.keys.as_bytes());
        w.u32s(&ix.postings);
        w.u32s(&ix.post_end);
        w.u32s(&ix.slots);
        let mut countries: Vec<_> = self.countries.iter().collect();
        countries.sort();
        w.len(countries.len());
        for (cc, &i) in countries {
            w.0.extend_from_slice(cc);
            w.u32(i);
        }
        let mut demonyms: Vec<_> = self.demonyms.iter().collect();
        demonyms.sort();
        w.len(demonyms.len());
        for (word, cc) in demonyms {
            w.bytes(word.as_bytes());
            w.0.extend_from_slice(cc.as_ref().unwrap_or(&[0, 0]));
        }
        w.u64(self.max_words as u64);
        let payload = w.0;

        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&key.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// Reads the binary form back. Fails, without panicking, unless the bytes are a complete,
    /// uncorrupted binary gazetteer tagged with `key`; the result then answers every lookup
    /// exactly like the gazetteer it was written from.
    pub fn from_bytes(bytes: &[u8], key: u64) -> Result<Gazetteer, CacheError> {
        if bytes.len() < HEADER {
            return Err(if bytes.starts_with(MAGIC) || MAGIC.starts_with(bytes) {
                CacheError::Corrupt("shorter than its header")
            } else {
                CacheError::NotACache
            });
        }
        let mut r = Reader { buf: bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(CacheError::NotACache);
        }
        let format = r.u32()?;
        if format != FORMAT {
            return Err(CacheError::Version(format));
        }
        r.u32()?;
        if r.u64()? != key {
            return Err(CacheError::Stale);
        }
        let len = r.u64()?;
        let sum = r.u64()?;
        let payload = &bytes[HEADER..];
        if len != payload.len() as u64 {
            return Err(CacheError::Corrupt("its length does not match its header"));
        }
        if xxh3_64(payload) != sum {
            return Err(CacheError::Corrupt("checksum mismatch"));
        }
        let g = Self::decode(&mut Reader {
            buf: payload,
            pos: 0,
        })?;
        g.self_check()?;
        Ok(g)
    }

    fn decode(r: &mut Reader<'_>) -> Result<Gazetteer, CacheError> {
        let bad = CacheError::Corrupt;
        let n = r.count(28)?;
        let mut fixed = Vec::with_capacity(n);
        for _ in 0..n {
            let id = r.u32()?;
            let lat = f32::from_bits(r.u32()?);
            let lon = f32::from_bits(r.u32()?);
            let country: [u8; 2] = r.array()?;
            let [kind, _] = r.array()?;
            let kind = kind_from(kind).ok_or(bad("unknown place kind"))?;
            let admin1 = r.u32()?;
            let population = r.u64()?;
            fixed.push((id, lat, lon, country, kind, admin1, population));
        }
        let (names, name_end) = r.strs()?;
        if name_end.len() != n {
            return Err(bad("place names do not match places"));
        }
        let (admin1_arena, admin1_end) = r.strs()?;
        let admin1_names: Vec<Box<str>> = (0..admin1_end.len())
            .map(|i| admin1_arena[span_of(&admin1_end, i)].into())
            .collect();
        let mut entries = Vec::with_capacity(n);
        for (i, (id, lat, lon, country, kind, admin1, population)) in fixed.into_iter().enumerate()
        {
            if admin1 != NO_ADMIN1 && admin1 as usize >= admin1_names.len() {
                return Err(bad("division index out of range"));
            }
            entries.push(Entry {
                geonames_id: id,
                name: names[span_of(&name_end, i)].into(),
                lat,
                lon,
                country,
                admin1,
                kind,
                population,
            });
        }

        let key_end = r.u32s()?;
        let keys = r.string()?;
        let postings = r.u32s()?;
        let post_end = r.u32s()?;
        let slots = r.u32s()?;
        let rising = |ends: &[u32], total: usize| {
            ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().map_or(0, |&e| e as usize) == total
        };
        if !rising(&key_end, keys.len())
            || key_end.iter().any(|&e| !keys.is_char_boundary(e as usize))
            || post_end.len() != key_end.len()
            || !rising(&post_end, postings.len())
            || postings.iter().any(|&p| p as usize >= n)
        {
            return Err(bad("bad name index offsets"));
        }
        let used = slots.iter().filter(|&&s| s != EMPTY).count();
        if !slots.len().is_power_of_two()
            || used != key_end.len()
            || used >= slots.len()
            || slots
                .iter()
                .any(|&s| s != EMPTY && s as usize >= key_end.len())
        {
            return Err(bad("bad name hash table"));
        }
        let index = NameIndex {
            keys,
            key_end,
            postings,
            post_end,
            slots,
        };

        let nc = r.count(6)?;
        let mut countries = FxHashMap::default();
        for _ in 0..nc {
            let cc: [u8; 2] = r.array()?;
            let i = r.u32()?;
            if i as usize >= n {
                return Err(bad("country index out of range"));
            }
            countries.insert(cc, i);
        }
        let nd = r.count(6)?;
        let mut demonyms = FxHashMap::default();
        for _ in 0..nd {
            let word = r.string()?;
            let cc: [u8; 2] = r.array()?;
            let cc = match cc {
                [0, 0] => None,
                c if c.iter().all(u8::is_ascii_uppercase) => Some(c),
                _ => return Err(bad("bad demonym country code")),
            };
            demonyms.insert(word.into_boxed_str(), cc);
        }
        let max_words = usize::try_from(r.u64()?).map_err(|_| bad("bad word count"))?;
        if r.pos != r.buf.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(Gazetteer {
            entries,
            admin1_names,
            index,
            countries,
            demonyms,
            max_words,
            country_words: CountryWords::default(),
            skeletons: Skeletons::default(),
        })
    }

    /// Re-derives the keys of a sample of places with the normalisation compiled into this
    /// binary: a file that decodes cleanly but was indexed differently fails here.
    fn self_check(&self) -> Result<(), CacheError> {
        let step = (self.entries.len() / 512).max(1);
        for (i, e) in self.entries.iter().enumerate().step_by(step) {
            let key = normalize(&e.name);
            if !key.is_empty()
                && !self
                    .index
                    .get(&key)
                    .is_some_and(|l| l.contains(&(i as u32)))
            {
                return Err(CacheError::Corrupt(
                    "a place is missing from the name index",
                ));
            }
        }
        Ok(())
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
        // Only ever competes with other divisions of the same full name ("Crawford County"):
        // the larger first, document context decides.
        EntryKind::Admin2 => 1.6 + 0.08 * pop,
        EntryKind::Capital => 0.6 + 0.4 * pop,
        EntryKind::Town => 0.4 * pop,
        // The sources give no size; an airport with scheduled flights is ranked like a town of
        // about 30,000, so a village that shares its name ("Heathrow", Florida) does not win
        // on size alone and context decides.
        EntryKind::Airport => 1.8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A made-up miniature world: enough for aliases, shared names, divisions, articles and
    // demonyms.
    const COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpop\tnames\n\
        QA\tQAA\tAlphaland\t101\tPortville\t10.0\t20.0\t5000000\tRepublic of Alphaland|Alfaland\n\
        QB\tQBB\tBetania\t102\tBetaburg\t-5.5\t30.25\t800000\t\n";
    const ALIASES: &str = "QA\tthe Alpha Republic\nQB\tBeta\n";
    const DEMONYMS: &str = "Alphan\tQA\t\nBetanian\tQB\t\nHillfolk\t-\tgroup\n";
    const PLACES: &str = "# header\n\
        201\tPortville\t10.1\t20.1\tQA\tCoast\tP.PPLC\t900000\tPort Ville|Pörtville\n\
        202\tRiverton\t11.0\t21.0\tQA\tCoast\tP.PPL\t3000\t\n\
        203\tRiverton\t-5.0\t30.0\tQB\tUplands\tP.PPL\t45000\tRivertown\n\
        204\tCoast\t10.5\t20.5\tQA\tCoast\tA.ADM1\t2000000\tCoast Province\n\
        205\tAl Qarya\t11.5\t21.5\tQA\t\tP.PPL\t12000\tal-Qarya|Qarya\n\
        206\tBetaburg\t-5.2\t30.1\tQB\tUplands\tP.PPLC\t300000\t\n\
        4000000001\tMiddle Lands\t0.0\t25.0\t\t\tL.CONT\t0\tthe Middle\n\
        207\tNowhere\t0.0\t0.0\t\t\tP.PPL\t0\t\n";

    fn sources() -> GazetteerSources<'static> {
        GazetteerSources {
            places: PLACES,
            countries: COUNTRIES,
            country_aliases: ALIASES,
            demonyms: DEMONYMS,
        }
    }

    fn key_of(tables: [&[u8]; 4]) -> u64 {
        Gazetteer::cache_key(tables.map(table_digest))
    }

    fn key() -> u64 {
        let s = sources();
        key_of([
            s.places.as_bytes(),
            s.countries.as_bytes(),
            s.country_aliases.as_bytes(),
            s.demonyms.as_bytes(),
        ])
    }

    const PROBES: [&str; 16] = [
        "Portville",
        "pörtville",
        "Port-Ville",
        "Riverton",
        "Rivertown",
        "Coast",
        "Coast Province",
        "Qarya",
        "al-Qarya",
        "Al Qarya",
        "Alphaland",
        "the Alpha Republic",
        "Beta",
        "Middle",
        "Nowhere",
        "Atlantis",
    ];

    /// Every answer the public API gives for the probes, as comparable text.
    fn answers(g: &Gazetteer) -> Vec<String> {
        let mut out = Vec::new();
        for p in PROBES {
            out.push(format!("{p}: {:?}", g.lookup(p)));
            out.push(format!("{p}: {:?}", g.country_by_name(p)));
        }
        for d in ["Alphan", "Alphans", "Betanian", "Hillfolk", "Gammish"] {
            out.push(format!("{d}: {:?}", g.demonym(d)));
        }
        for cc in ["QA", "qb", "QC"] {
            out.push(format!("{cc}: {:?}", g.country(cc)));
        }
        out.push(format!("{} places, {} words", g.len(), g.max_words));
        out
    }

    #[test]
    fn binary_form_answers_like_the_tables() {
        let parsed = Gazetteer::parse(sources()).unwrap();
        let loaded = Gazetteer::from_bytes(&parsed.to_bytes(key()), key()).unwrap();
        assert_eq!(loaded, parsed);
        assert_eq!(answers(&loaded), answers(&parsed));
        // The answers themselves are right, so the comparison is not between two empty sets.
        let riverton = loaded.lookup("Riverton");
        assert_eq!(riverton.len(), 2);
        assert_eq!(riverton[0].geonames_id, Some(203), "the larger town first");
        assert_eq!(loaded.lookup("al-Qarya")[0].geonames_id, Some(205));
        assert_eq!(loaded.lookup("Middle")[0].geonames_id, None);
        assert!(
            loaded.lookup("Nowhere").is_empty(),
            "towns without a country are skipped"
        );
        assert_eq!(
            loaded.country_by_name("Beta").unwrap().country.as_deref(),
            Some("QB")
        );
        assert_eq!(loaded.demonym("Alphans"), Some("QA"));
        assert_eq!(loaded.demonym("Hillfolk"), None);
        assert_eq!(loaded.max_words, 3);
    }

    #[test]
    fn empty_gazetteer_round_trips() {
        let empty = GazetteerSources {
            places: "",
            countries: "",
            country_aliases: "",
            demonyms: "",
        };
        let parsed = Gazetteer::parse(empty).unwrap();
        let loaded = Gazetteer::from_bytes(&parsed.to_bytes(7), 7).unwrap();
        assert_eq!(loaded, parsed);
        assert!(loaded.lookup("Portville").is_empty());
    }

    #[test]
    fn key_follows_every_table() {
        let s = sources();
        let (p, c, a, d) = (
            s.places.as_bytes(),
            s.countries.as_bytes(),
            s.country_aliases.as_bytes(),
            s.demonyms.as_bytes(),
        );
        let k = key_of([p, c, a, d]);
        assert_eq!(k, key_of([p, c, a, d]));
        assert_ne!(k, key_of([&p[1..], c, a, d]));
        assert_ne!(k, key_of([p, c, a, b"QA\tAlpha\n"]));
        // Moving text between tables changes the key too.
        assert_ne!(key_of([b"ab", b"", a, d]), key_of([b"a", b"b", a, d]));
        // The streamed digest the application computes is the same.
        let mut h = Xxh3::new();
        h.update(&p[..10]);
        h.update(&p[10..]);
        assert_eq!(h.digest(), table_digest(p));
    }

    #[test]
    fn stale_foreign_and_truncated_files_are_refused() {
        let bytes = Gazetteer::parse(sources()).unwrap().to_bytes(key());
        assert_eq!(
            Gazetteer::from_bytes(&bytes, key() ^ 1),
            Err(CacheError::Stale)
        );
        assert_eq!(
            Gazetteer::from_bytes(b"geonameid\tname\tlat\tlon\tcountry\tadmin1", key()),
            Err(CacheError::NotACache)
        );
        let mut other = bytes.clone();
        other[8] = 99;
        assert_eq!(
            Gazetteer::from_bytes(&other, key()),
            Err(CacheError::Version(99))
        );
        for len in 0..bytes.len() {
            assert!(
                matches!(
                    Gazetteer::from_bytes(&bytes[..len], key()),
                    Err(CacheError::Corrupt(_))
                ),
                "cut at {len}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Gazetteer::from_bytes(&longer, key()).is_err());
    }

    #[test]
    fn flipped_bytes_are_caught_by_the_checksum() {
        let bytes = Gazetteer::parse(sources()).unwrap().to_bytes(key());
        for i in HEADER..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x20;
            assert!(
                matches!(
                    Gazetteer::from_bytes(&bad, key()),
                    Err(CacheError::Corrupt("checksum mismatch"))
                ),
                "byte {i}"
            );
        }
    }

    #[test]
    fn a_file_indexed_another_way_fails_the_self_check() {
        // Stands for a file written by a build that normalised names differently.
        let mut g = Gazetteer::parse(sources()).unwrap();
        let names: Vec<(String, u32)> = (0..g.entries.len() as u32)
            .map(|i| (format!("x{i}"), i))
            .collect();
        g.index = NameIndex::build(&names, &g.entries).unwrap().0;
        assert_eq!(
            Gazetteer::from_bytes(&g.to_bytes(key()), key()),
            Err(CacheError::Corrupt(
                "a place is missing from the name index"
            ))
        );
    }

    /// A damaged payload whose checksum was recomputed (so only the structural checks stand
    /// between it and the lookups) must fail cleanly or load into something that still
    /// answers without panicking.
    #[test]
    fn damaged_payload_with_valid_checksum_never_panics() {
        let bytes = Gazetteer::parse(sources()).unwrap().to_bytes(key());
        for i in HEADER..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut bad = bytes.clone();
                bad[i] ^= flip;
                let sum = xxh3_64(&bad[HEADER..]).to_le_bytes();
                bad[HEADER - 8..HEADER].copy_from_slice(&sum);
                if let Ok(g) = Gazetteer::from_bytes(&bad, key()) {
                    let _ = answers(&g);
                }
            }
        }
    }
}
