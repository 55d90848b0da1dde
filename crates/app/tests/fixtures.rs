//! Golden fixture articles in `testdata/articles/`: each `NN-slug.txt|html` has a hand coding
//! `NN-slug.expected.json` (codebook v1.1). One test checks them all and reports every failure;
//! another keeps an insta snapshot of a compact summary per fixture
//! (review with `cargo insta review`, or accept with `INSTA_UPDATE=always`).

mod support;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;
use support::expect;

struct Fixture {
    name: String,
    expected: Result<Value, String>,
    output: Result<Value, String>,
}

fn articles_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/articles"
    ))
}

/// Runs the binary once per fixture, shared by both tests of this file.
fn fixtures() -> &'static [Fixture] {
    static ALL: OnceLock<Vec<Fixture>> = OnceLock::new();
    ALL.get_or_init(|| {
        let dir = articles_dir();
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
            .collect();
        names.sort();
        assert!(
            names.len() >= 28,
            "expected at least 28 fixtures in {}, found {}",
            dir.display(),
            names.len()
        );
        // The binary loads its resources on every run: spread the runs over the cores.
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = names.len().div_ceil(workers).max(1);
        let dir = &dir;
        std::thread::scope(|scope| {
            let handles: Vec<_> = names
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|p| load_fixture(dir, p))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("fixture worker panicked"))
                .collect()
        })
    })
}

fn load_fixture(dir: &Path, exp_path: &Path) -> Fixture {
    let file = exp_path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let name = file.trim_end_matches(".expected.json").to_string();
    let expected = expect::load_expected(exp_path);
    let output = expected.clone().and_then(|exp| {
        let doc = exp["document"]
            .as_str()
            .ok_or_else(|| format!("{file}: no \"document\" field"))?;
        expect::run_extract(&dir.join(doc), exp["published"].as_str())
    });
    Fixture {
        name,
        expected,
        output,
    }
}

/// Fixtures the engine does not meet yet, with the reason, from `testdata/articles/KNOWN_GAPS.tsv`.
/// The ledger is honest both ways: a fixture that fails and is not listed fails the test, and a
/// listed fixture that now passes fails it too, so the entry is removed and cannot hide a
/// regression later.
fn known_gaps() -> Vec<(String, String)> {
    let path = articles_dir().join("KNOWN_GAPS.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, why) = l.split_once('\t').unwrap_or((l, ""));
            (name.trim().to_string(), why.trim().to_string())
        })
        .collect()
}

#[test]
fn every_fixture_meets_its_expectations() {
    let gaps = known_gaps();
    let mut report = Vec::new();
    let mut failed = 0;
    let mut known_failing = 0;
    let mut now_passing = Vec::new();
    for f in fixtures() {
        let failures = match (&f.expected, &f.output) {
            (Ok(exp), Ok(out)) => expect::check(exp, out),
            (Err(e), _) | (_, Err(e)) => vec![e.clone()],
        };
        let listed = gaps.iter().any(|(n, _)| *n == f.name);
        match (failures.is_empty(), listed) {
            (true, true) => now_passing.push(f.name.clone()),
            (false, true) => {
                known_failing += 1;
                println!(
                    "known gap {} ({} failure(s)):\n- {}",
                    f.name,
                    failures.len(),
                    failures.join("\n- ")
                );
            }
            (false, false) => {
                failed += 1;
                report.push(format!(
                    "== {} ({} failure(s))\n- {}",
                    f.name,
                    failures.len(),
                    failures.join("\n- ")
                ));
            }
            (true, false) => {}
        }
    }
    println!(
        "fixtures: {} meet their expectations, {known_failing} are known gaps (KNOWN_GAPS.tsv)",
        fixtures().len() - known_failing - failed
    );
    assert!(
        now_passing.is_empty(),
        "these fixtures now pass: remove them from testdata/articles/KNOWN_GAPS.tsv: {}",
        now_passing.join(", ")
    );
    assert!(
        report.is_empty(),
        "{failed} of {} fixtures failed (not in KNOWN_GAPS.tsv):\n\n{}",
        fixtures().len(),
        report.join("\n\n")
    );
}

#[test]
fn fixture_summaries_match_snapshots() {
    let mut failed = Vec::new();
    for f in fixtures() {
        let out = match &f.output {
            Ok(out) => out,
            Err(e) => {
                failed.push(format!("{}: {e}", f.name));
                continue;
            }
        };
        let summary = expect::summary(out);
        // Catch each mismatch so that one run shows every changed snapshot.
        let r = catch_unwind(AssertUnwindSafe(|| {
            insta::assert_json_snapshot!(f.name.clone(), summary)
        }));
        if r.is_err() {
            failed.push(format!("{}: snapshot differs (cargo insta review)", f.name));
        }
    }
    assert!(
        failed.is_empty(),
        "{} snapshot(s) failed:\n- {}",
        failed.len(),
        failed.join("\n- ")
    );
}
