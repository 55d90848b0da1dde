//! Every `sitrep eval` scorer runs on the dev part of its gold set in `shared/gold` (read in
//! place, never copied) and ends with one JSON line of headline numbers, so the commands in
//! scripts/eval.sh and the committed reports cannot rot. Scores are not asserted here (they
//! are measurements, reported in docs/eval/); that the pipeline runs and reports is.
//! Skips with a message when `../shared` is absent, except under CI (`CI=true`).

use std::path::PathBuf;
use std::process::Command;

fn gold_root() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/gold"));
    if dir.is_dir() {
        return Some(dir);
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    assert!(
        !in_ci,
        "CI=true but the gold folder is missing: {}",
        dir.display()
    );
    eprintln!("SKIPPED: gold folder not found at {}", dir.display());
    None
}

/// Runs `sitrep eval <args>` with the report in a temporary folder; returns the JSON headline.
fn eval(args: &[&str], gold: &[PathBuf]) -> serde_json::Value {
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("report.md");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--data-dir")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))
        .arg("eval")
        .args(args);
    for g in gold {
        cmd.arg("--gold").arg(g);
    }
    cmd.arg("--report").arg(&report);
    let out = cmd.output().expect("running sitrep");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "sitrep eval {args:?} failed:\n{}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(&report).expect("report written");
    assert!(
        md.starts_with("# "),
        "report has no title: {}",
        &md[..md.len().min(200)]
    );
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("last line is not JSON ({e}): {last}"))
}

#[test]
fn every_event_scorer_runs_on_its_gold_set() {
    let Some(root) = gold_root() else { return };
    let sets: &[(&str, &str, &[&str])] = &[
        ("case2021", "case2021", &["case2021_task2/dev.jsonl"]),
        ("plover", "plover", &["plover_gsr/dev.jsonl"]),
        (
            "india-police",
            "india_police",
            &["india_police_events/dev.jsonl"],
        ),
        ("voa", "voa", &["voa_dev"]),
        ("polnear", "polnear", &["polnear/dev.jsonl"]),
        (
            "event-location",
            "event_location",
            &["event_location/dev.jsonl"],
        ),
        ("muc4", "muc4", &["muc4/dev.jsonl"]),
        ("rams", "rams", &["rams/dev.jsonl"]),
        ("wikievents", "wikievents", &["wikievents/dev.jsonl"]),
        (
            "news",
            "news",
            &[
                "news_bbc/news_bbc.jsonl",
                "news_agnews_test/news_agnews_test.jsonl",
            ],
        ),
    ];
    for (cmd, name, files) in sets {
        let gold: Vec<PathBuf> = files.iter().map(|f| root.join(f)).collect();
        let v = eval(&[cmd, "--limit", "12"], &gold);
        assert_eq!(v["eval"], *name, "{cmd}: {v}");
    }
}

#[test]
fn geo_scorer_runs_on_its_gold_set() {
    let Some(root) = gold_root() else { return };
    let v = eval(&["geo"], &[root.join("geo_geovirus/geo_geovirus.jsonl")]);
    assert_eq!(v["eval"], "geo", "{v}");
    let f1 = v["sets"][0]["recognition_overlap_f1"].as_f64().unwrap();
    assert!(f1 > 0.0 && f1 <= 1.0, "{v}");
}
