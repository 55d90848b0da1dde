//! Finding and loading the data folder into `sitrep_text::Resources`.
//!
//! The data folder is, in order: the `--data-dir` flag, `$SITREP_DATA_DIR`, or the repository's
//! `data/` folder next to this crate. Generated tables come from `scripts/setup.sh`; a missing
//! one is reported with its path and that hint.
#![allow(dead_code)] // Used by the extract/ingest commands as they are wired up.

use std::path::{Path, PathBuf};

use std::io::{Read, Write};

use anyhow::{bail, Context};
use sitrep_text::geo::{table_digest, CacheError, Gazetteer, GazetteerSources};
use xxhash_rust::xxh3::Xxh3;

/// Environment variable naming the data folder.
pub const DATA_DIR_ENV: &str = "SITREP_DATA_DIR";

/// The data folder: `explicit`, else `$SITREP_DATA_DIR`, else the repository's `data/`.
pub fn data_dir(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    let (dir, origin) = match explicit {
        Some(p) => (p.to_path_buf(), "--data-dir"),
        None => match std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
            Some(v) => (PathBuf::from(v), "$SITREP_DATA_DIR"),
            None => (
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("..")
                    .join("..")
                    .join("data"),
                "the repository default",
            ),
        },
    };
    if !dir.is_dir() {
        bail!(
            "data folder {} (from {origin}) does not exist or is not a folder",
            dir.display()
        );
    }
    Ok(dir)
}

/// The binary form of the gazetteer, written next to the generated tables on the first load
/// and reused while the tables (and the gazetteer code) stay the same.
pub const GAZETTEER_CACHE: &str = "generated/gazetteer.cache";

/// The gazetteer tables under `data/gazetteer/`, in `GazetteerSources` order.
const TABLES: [&str; 4] = [
    "generated/places.tsv",
    "generated/countries.tsv",
    "country_aliases.tsv",
    "demonyms.tsv",
];

fn table_path(dir: &Path, rel: &str) -> anyhow::Result<PathBuf> {
    let path = dir.join(rel);
    if !path.exists() {
        bail!(
            "gazetteer file {} is missing; run scripts/setup.sh to build the generated gazetteer",
            path.display()
        );
    }
    Ok(path)
}

fn read_table(dir: &Path, rel: &str) -> anyhow::Result<Vec<u8>> {
    let path = table_path(dir, rel)?;
    std::fs::read(&path).with_context(|| format!("reading gazetteer file {}", path.display()))
}

/// [`table_digest`] of a table, streamed: the 20 MB places table is never held in memory
/// when the cache is current.
fn digest_table(dir: &Path, rel: &str) -> anyhow::Result<u64> {
    let path = table_path(dir, rel)?;
    let mut f = std::fs::File::open(&path)
        .with_context(|| format!("reading gazetteer file {}", path.display()))?;
    let mut h = Xxh3::new();
    let mut buf = vec![0u8; 256 << 10];
    loop {
        let n = match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(e).with_context(|| format!("reading gazetteer file {}", path.display()))
            }
        };
        h.update(&buf[..n]);
    }
    Ok(h.digest())
}

fn as_text<'a>(dir: &Path, rel: &str, bytes: &'a [u8]) -> anyhow::Result<&'a str> {
    std::str::from_utf8(bytes).with_context(|| {
        format!(
            "gazetteer file {} is not UTF-8; run scripts/setup.sh to rebuild it",
            dir.join(rel).display()
        )
    })
}

/// The generated tables are not rebuilt by cargo: after a change to the script that builds
/// them, old tables give silently different places. A data folder inside a checkout has the
/// script beside it (`../scripts/build_gazetteer.py`); when that script is newer than the
/// tables, say so and name the command that rebuilds them.
fn warn_if_tables_predate_builder(dir: &Path) {
    if let Some((table, script)) = tables_predating_builder(dir) {
        eprintln!(
            "warning: {} is older than {}, which builds it; the places may be stale. Run \
             scripts/setup.sh to rebuild the gazetteer tables.",
            table.display(),
            script.display()
        );
    }
}

/// The places table and the newest of its inputs (the builder script, or a hand-made table
/// it merges in) when that input was changed after the table.
fn tables_predating_builder(dir: &Path) -> Option<(PathBuf, PathBuf)> {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let script = dir.join("../scripts/build_gazetteer.py");
    let table = dir.join("gazetteer").join(TABLES[0]);
    let built = modified(&table)?;
    // Only a checkout (the builder beside the data folder) can be compared.
    modified(&script)?;
    [
        script,
        dir.join("gazetteer/regions.tsv"),
        dir.join("gazetteer/admin1_aliases.tsv"),
    ]
    .into_iter()
    .find(|input| modified(input).is_some_and(|t| t > built))
    .map(|input| (table, input.canonicalize().unwrap_or(input)))
}

/// The gazetteer of [`load_base_gazetteer`] with its representative points corrected: GeoNames'
/// own country points from the hand-made `country_points.tsv`, and first-level divisions
/// moved to the middle of their towns (see `sitrep_text::geo` `points`). Applied after every
/// load (a few milliseconds), so the binary cache holds the tables as generated. A data folder
/// without `country_points.tsv` keeps the generated country centroids.
pub fn load_gazetteer(dir: &Path) -> anyhow::Result<Gazetteer> {
    let mut gaz = load_base_gazetteer(dir)?;
    let g = dir.join("gazetteer");
    if g.join(COUNTRY_POINTS).exists() {
        let points = read_table(&g, COUNTRY_POINTS)?;
        gaz.apply_country_points(as_text(&g, COUNTRY_POINTS, &points)?)
            .with_context(|| format!("parsing the gazetteer in {}", g.display()))?;
    }
    gaz.recentre_divisions();
    Ok(gaz)
}

/// Hand-made GeoNames country points, applied over the generated centroids.
const COUNTRY_POINTS: &str = "country_points.tsv";

/// Reads the gazetteer tables under `dir/gazetteer/` and builds the gazetteer.
///
/// Parsing the world tables takes about a second, so the result is also kept in binary form
/// in [`GAZETTEER_CACHE`] (keyed by the tables' content and the gazetteer code, checksummed)
/// and read from there while it is current: a few milliseconds. A stale cache is rebuilt
/// quietly; a corrupt one is rebuilt with a warning; one that cannot be written leaves a
/// warning and the (slower) parsed gazetteer.
pub fn load_base_gazetteer(dir: &Path) -> anyhow::Result<Gazetteer> {
    let g = dir.join("gazetteer");
    warn_if_tables_predate_builder(dir);
    let mut digests = [0; 4];
    for (d, rel) in digests.iter_mut().zip(TABLES) {
        *d = digest_table(&g, rel)?;
    }
    let cache = g.join(GAZETTEER_CACHE);
    match std::fs::read(&cache) {
        Ok(b) => match Gazetteer::from_bytes(&b, Gazetteer::cache_key(digests)) {
            Ok(gaz) => return Ok(gaz),
            Err(CacheError::Stale | CacheError::Version(_)) => {}
            Err(e) => eprintln!(
                "warning: gazetteer cache {} is unusable ({e}); rebuilding it from the tables",
                cache.display()
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => eprintln!(
            "warning: cannot read gazetteer cache {} ({e}); rebuilding it from the tables",
            cache.display()
        ),
    }
    let mut bytes = Vec::with_capacity(TABLES.len());
    for rel in TABLES {
        bytes.push(read_table(&g, rel)?);
    }
    // Keyed by the bytes parsed, in case a table changed since it was digested above.
    let key = Gazetteer::cache_key([0, 1, 2, 3].map(|i| table_digest(&bytes[i])));
    let gaz = Gazetteer::parse(GazetteerSources {
        places: as_text(&g, TABLES[0], &bytes[0])?,
        countries: as_text(&g, TABLES[1], &bytes[1])?,
        country_aliases: as_text(&g, TABLES[2], &bytes[2])?,
        demonyms: as_text(&g, TABLES[3], &bytes[3])?,
    })
    .with_context(|| format!("parsing the gazetteer in {}", g.display()))?;
    if let Err(e) = write_atomically(&cache, &gaz.to_bytes(key)) {
        eprintln!(
            "warning: cannot write gazetteer cache {} ({e:#}); every start will parse the \
             tables (about a second) until the folder is writable",
            cache.display()
        );
    }
    Ok(gaz)
}

/// Writes `path` through a temporary file in the same folder and a rename, so that a reader
/// (another process starting at the same moment) sees the old file or the new one, never half.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp-{}-{nanos}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let written = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.with_context(|| format!("writing {}", tmp.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_older_than_their_builder_are_reported() {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        std::fs::create_dir_all(data.join("gazetteer/generated")).unwrap();
        std::fs::create_dir_all(tmp.path().join("scripts")).unwrap();
        let table = data.join("gazetteer/generated/places.tsv");
        let script = tmp.path().join("scripts/build_gazetteer.py");
        std::fs::write(&table, "# places\n").unwrap();
        std::fs::write(&script, "# builder\n").unwrap();
        let set = |p: &Path, secs: u64| {
            let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
            std::fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(t)
                .unwrap();
        };
        set(&table, 2_000_000);
        set(&script, 1_000_000);
        assert!(tables_predating_builder(&data).is_none());
        set(&script, 3_000_000);
        let (t, _) = tables_predating_builder(&data).expect("stale tables are reported");
        assert_eq!(t, table);
        // A data folder outside a checkout has no builder beside it: nothing to compare.
        std::fs::remove_file(&script).unwrap();
        assert!(tables_predating_builder(&data).is_none());
    }

    #[test]
    fn explicit_dir_wins_and_missing_dir_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(data_dir(Some(tmp.path())).unwrap(), tmp.path());
        let missing = tmp.path().join("nope");
        let e = data_dir(Some(&missing)).unwrap_err().to_string();
        assert!(e.contains("nope") && e.contains("--data-dir"), "{e}");
    }

    #[test]
    fn missing_table_names_file_and_setup_script() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("gazetteer")).unwrap();
        let e = load_gazetteer(tmp.path()).unwrap_err().to_string();
        assert!(
            e.contains("places.tsv") && e.contains("scripts/setup.sh"),
            "{e}"
        );
    }

    #[test]
    fn loads_a_small_gazetteer_from_files() {
        let tmp = tempfile::tempdir().unwrap();
        let g = tmp.path().join("gazetteer");
        std::fs::create_dir_all(g.join("generated")).unwrap();
        std::fs::write(
            g.join("generated/places.tsv"),
            "163808\tTadmur\t34.56\t38.28\tSY\tHoms\tP.PPL\t51000\tPalmyra\n",
        )
        .unwrap();
        std::fs::write(
            g.join("generated/countries.tsv"),
            "SY\tSYR\tSyria\t163843\tDamascus\t35.0\t38.0\t17000000\t\n",
        )
        .unwrap();
        std::fs::write(g.join("country_aliases.tsv"), "").unwrap();
        std::fs::write(g.join("demonyms.tsv"), "Syrian\tSY\t\n").unwrap();
        let gaz = load_gazetteer(tmp.path()).unwrap();
        assert_eq!(gaz.len(), 2);
        assert_eq!(gaz.lookup("Palmyra")[0].name, "Tadmur");
        assert_eq!(gaz.demonym("Syrian"), Some("SY"));
    }

    /// A made-up two-country gazetteer in a fresh data folder.
    fn small_data() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        let g = tmp.path().join("gazetteer");
        std::fs::create_dir_all(g.join("generated")).unwrap();
        std::fs::write(
            g.join("generated/places.tsv"),
            "301\tLakeside\t1.5\t2.5\tQA\tNorth\tP.PPL\t40000\tLake Side\n\
             302\tLakeside\t-3.0\t4.0\tQB\tSouth\tP.PPL\t900\t\n",
        )
        .unwrap();
        std::fs::write(
            g.join("generated/countries.tsv"),
            "QA\tQAA\tAlphaland\t101\tLakeside\t1.0\t2.0\t100000\t\n\
             QB\tQBB\tBetania\t102\tElsewhere\t-3.0\t4.0\t50000\t\n",
        )
        .unwrap();
        std::fs::write(g.join("country_aliases.tsv"), "QB\tBeta\n").unwrap();
        std::fs::write(g.join("demonyms.tsv"), "Alphan\tQA\t\n").unwrap();
        tmp
    }

    fn parse_tables(dir: &Path) -> Gazetteer {
        let g = dir.join("gazetteer");
        let t = TABLES.map(|rel| std::fs::read_to_string(g.join(rel)).unwrap());
        Gazetteer::parse(GazetteerSources {
            places: &t[0],
            countries: &t[1],
            country_aliases: &t[2],
            demonyms: &t[3],
        })
        .unwrap()
    }

    #[test]
    fn cache_is_written_then_used_and_matches_the_tables() {
        let tmp = small_data();
        let cache = tmp.path().join("gazetteer").join(GAZETTEER_CACHE);
        let first = load_gazetteer(tmp.path()).unwrap();
        assert!(cache.exists(), "the first load writes the cache");
        let written = std::fs::metadata(&cache).unwrap().modified().unwrap();
        let second = load_gazetteer(tmp.path()).unwrap();
        assert_eq!(
            std::fs::metadata(&cache).unwrap().modified().unwrap(),
            written,
            "a current cache is read, not rewritten"
        );
        let parsed = parse_tables(tmp.path());
        assert!(first == parsed && second == parsed);
        assert_eq!(second.lookup("Lake Side")[0].geonames_id, Some(301));
        assert_eq!(second.lookup("Lakeside").len(), 2);
        assert_eq!(
            second.country_by_name("Beta").unwrap().country.as_deref(),
            Some("QB")
        );
    }

    #[test]
    fn edited_table_makes_the_cache_stale() {
        let tmp = small_data();
        load_gazetteer(tmp.path()).unwrap();
        let demonyms = tmp.path().join("gazetteer/demonyms.tsv");
        std::fs::write(&demonyms, "Alphan\tQA\t\nBetanian\tQB\t\n").unwrap();
        let g = load_gazetteer(tmp.path()).unwrap();
        assert_eq!(g.demonym("Betanian"), Some("QB"));
        assert!(g == parse_tables(tmp.path()));
    }

    #[test]
    fn corrupt_or_foreign_cache_is_rebuilt() {
        let tmp = small_data();
        let cache = tmp.path().join("gazetteer").join(GAZETTEER_CACHE);
        load_gazetteer(tmp.path()).unwrap();
        let good = std::fs::read(&cache).unwrap();
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        for bad in [
            good[..good.len() / 2].to_vec(),
            flipped,
            Vec::new(),
            b"not a cache at all, just some words".to_vec(),
        ] {
            std::fs::write(&cache, &bad).unwrap();
            let g = load_gazetteer(tmp.path()).unwrap();
            assert!(g == parse_tables(tmp.path()));
            assert_eq!(std::fs::read(&cache).unwrap(), good, "rewritten whole");
        }
        // A folder where the cache should be cannot be read or replaced: still loads.
        std::fs::remove_file(&cache).unwrap();
        std::fs::create_dir(&cache).unwrap();
        assert!(load_gazetteer(tmp.path()).unwrap() == parse_tables(tmp.path()));
    }

    /// The real generated gazetteer, when `scripts/setup.sh` has built it: the cached load
    /// equals the parsed tables in full, and a few well-known names resolve.
    #[test]
    fn generated_gazetteer_loads_identically_from_the_cache() {
        let Ok(dir) = data_dir(None) else { return };
        let src = dir.join("gazetteer");
        if !src.join(TABLES[0]).exists() {
            eprintln!("generated gazetteer absent: skipped (run scripts/setup.sh)");
            return;
        }
        let tmp = tempfile::tempdir().unwrap();
        let g = tmp.path().join("gazetteer");
        std::fs::create_dir_all(g.join("generated")).unwrap();
        for rel in TABLES {
            std::fs::copy(src.join(rel), g.join(rel)).unwrap();
        }
        let parsed = load_gazetteer(tmp.path()).unwrap();
        assert!(g.join(GAZETTEER_CACHE).exists());
        let cached = load_gazetteer(tmp.path()).unwrap();
        assert!(
            cached == parsed,
            "cached gazetteer differs from the parsed one"
        );
        for name in [
            "Aleppo",
            "Paris",
            "Springfield",
            "Georgia",
            "al-Bab",
            "U.S.",
        ] {
            assert_eq!(cached.lookup(name), parsed.lookup(name), "{name}");
            assert!(!cached.lookup(name).is_empty(), "{name}");
        }
        assert_eq!(cached.demonym("Syrians"), Some("SY"));
        assert_eq!(cached.country("sy").unwrap().name, "Syria");
    }
}
