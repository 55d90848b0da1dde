//! Finding and loading the data folder into `sitrep_text::Resources`.
//!
//! The data folder is, in order: the `--data-dir` flag, `$SITREP_DATA_DIR`, or the repository's
//! `data/` folder next to this crate. Generated tables come from `scripts/setup.sh`; a missing
//! one is reported with its path and that hint.
#![allow(dead_code)] // Used by the extract/ingest commands as they are wired up.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use sitrep_text::geo::{Gazetteer, GazetteerSources};

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

fn read_table(dir: &Path, rel: &str) -> anyhow::Result<String> {
    let path = dir.join(rel);
    if !path.exists() {
        bail!(
            "gazetteer file {} is missing; run scripts/setup.sh to build the generated gazetteer",
            path.display()
        );
    }
    std::fs::read_to_string(&path)
        .with_context(|| format!("reading gazetteer file {}", path.display()))
}

/// Reads the gazetteer tables under `dir/gazetteer/` and parses them.
pub fn load_gazetteer(dir: &Path) -> anyhow::Result<Gazetteer> {
    let g = dir.join("gazetteer");
    let places = read_table(&g, "generated/places.tsv")?;
    let countries = read_table(&g, "generated/countries.tsv")?;
    let country_aliases = read_table(&g, "country_aliases.tsv")?;
    let demonyms = read_table(&g, "demonyms.tsv")?;
    Gazetteer::parse(GazetteerSources {
        places: &places,
        countries: &countries,
        country_aliases: &country_aliases,
        demonyms: &demonyms,
    })
    .with_context(|| format!("parsing the gazetteer in {}", g.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
