//! Incidents from the command line, end to end: an article with a disaster told three times
//! is ingested, `sitrep incidents` lists one merged incident, `sitrep export --incidents`
//! writes it as CSV and GeoJSON, re-ingesting an updated version replaces it, and `--type`
//! is refused for incidents. The article is written for this test.

use std::path::Path;
use std::process::{Command, Output};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");

fn sitrep(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .current_dir(dir)
        .arg("--data-dir")
        .arg(DATA)
        .args(args)
        .output()
        .expect("running sitrep");
    assert!(
        out.status.success() || args.contains(&"--type"),
        "sitrep {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn an_ingested_disaster_is_one_incident_listed_exported_and_replaced() {
    if !Path::new(DATA)
        .join("gazetteer/generated/places.tsv")
        .exists()
    {
        eprintln!("SKIPPED: generated gazetteer missing (scripts/setup.sh)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // JSON Lines with an id, so the second ingest below is an update of the same article.
    let article = dir.join("news.jsonl");
    let line = |title: &str, text: &str| {
        let doc = serde_json::json!({
            "id": "flood-1", "title": title, "text": text, "published": "2024-05-08",
        });
        format!("{doc}\n")
    };
    std::fs::write(
        &article,
        line(
            "Floods sweep northern Italy",
            "Floods swept through towns in northern Italy on Monday, killing at least four people.\n\n\
             Rescuers used boats to reach families trapped by the floods.\n\n\
             A singer said she would give the money from her next show to the flood relief appeal.",
        ),
    )
    .unwrap();
    sitrep(dir, &["ingest", "news.jsonl", "--db", "t.sqlite"]);

    let listed = jsonl(&sitrep(
        dir,
        &["incidents", "--db", "t.sqlite", "--format", "jsonl"],
    ));
    assert_eq!(listed.len(), 1, "{listed:#?}");
    let flood = &listed[0]["incident"];
    assert_eq!(flood["kind"], "natural_disaster");
    assert_eq!(flood["hazard"], "flood");
    assert_eq!(flood["status"], "occurred");
    assert_eq!(flood["location"]["country"], "IT");
    assert_eq!(flood["counts"]["killed"]["low"], 4);
    assert!(flood["evidence"].as_array().unwrap().len() >= 3);
    assert_eq!(listed[0]["id"], "flood-1#incident-0");
    // The flood is no conflict event.
    let events = jsonl(&sitrep(
        dir,
        &["events", "--db", "t.sqlite", "--format", "jsonl"],
    ));
    assert!(
        events.iter().all(|e| e["event"]["type"] != "ASSAULT"),
        "{events:#?}"
    );

    let csv = sitrep(
        dir,
        &[
            "export",
            "--incidents",
            "--db",
            "t.sqlite",
            "--format",
            "csv",
        ],
    );
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert!(csv.starts_with("id,document_id,"));
    assert_eq!(csv.lines().count(), 2);
    sitrep(
        dir,
        &[
            "export",
            "--incidents",
            "--kind",
            "natural_disaster",
            "--db",
            "t.sqlite",
            "-o",
            "i.geojson",
        ],
    );
    let geo: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("i.geojson")).unwrap()).unwrap();
    assert_eq!(geo["features"][0]["properties"]["kind"], "natural_disaster");
    let none = sitrep(
        dir,
        &[
            "incidents",
            "--kind",
            "organised_crime",
            "--db",
            "t.sqlite",
            "--format",
            "jsonl",
        ],
    );
    assert!(jsonl(&none).is_empty());

    // The same article updated without its flood: the stored incident goes.
    std::fs::write(
        &article,
        line(
            "Quiet week in northern Italy",
            "Town councils met on Monday.",
        ),
    )
    .unwrap();
    sitrep(dir, &["ingest", "news.jsonl", "--db", "t.sqlite"]);
    let after = jsonl(&sitrep(
        dir,
        &["incidents", "--db", "t.sqlite", "--format", "jsonl"],
    ));
    assert!(after.is_empty(), "{after:#?}");

    let typed = sitrep(dir, &["incidents", "--type", "ASSAULT", "--db", "t.sqlite"]);
    assert!(!typed.status.success());
    assert!(String::from_utf8_lossy(&typed.stderr).contains("--kind"));
}
