//! `sitrep eval`: score the engine against gold sets in public formats and write a report.
//!
//! One subcommand per gold format. Each takes the gold file (or a folder of such files) as an
//! argument, so any file in the same format can be scored without code changes; it prints a
//! readable summary, writes a markdown report, and ends its output with one JSON line of
//! headline numbers for scripts.

pub mod arguments;
pub mod case2021;
pub mod common;
pub mod event_location;
pub mod geo;
pub mod india_police;
pub mod news;
pub mod plover;
pub mod polnear;
pub mod voa;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use serde_json::json;

use crate::resources;
use geo::GeoSetReport;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub which: Which,
}

#[derive(clap::Subcommand)]
pub enum Which {
    /// Toponym recognition and geocoding on a geoparsing gold set (TR-News, GeoVirus, LGL ...
    /// in the JSONL format of shared/gold/GEO_METRICS.md).
    #[command(
        after_help = "Example:\n  sitrep eval geo --gold ../shared/gold/geo_trnews/geo_trnews.jsonl \
                      --gold ../shared/gold/geo_geovirus/"
    )]
    Geo(GeoArgs),
    /// Snippet event type against CASE 2021 task 2 labels (ACLED sub-event types and more),
    /// through data/mappings/eval/case2021.tsv.
    #[command(
        after_help = "Example:\n  sitrep eval case2021 --gold ../shared/gold/case2021_task2/dev.jsonl"
    )]
    Case2021(common::SetArgs),
    /// Over-triggering on general news with topic labels only (BBC, AG News): events per
    /// 1,000 articles by topic, and the triggers behind violent events in non-political news.
    #[command(
        after_help = "Example:\n  sitrep eval news --gold ../shared/gold/news_bbc/news_bbc.jsonl \
                      --gold ../shared/gold/news_agnews_test/news_agnews_test.jsonl"
    )]
    News(common::SetArgs),
    /// Event-to-location linking: which place in the sentence is where the event verb happened
    /// (event_location gold set), including sentences whose gold location is none.
    #[command(
        after_help = "Example:\n  sitrep eval event-location --gold ../shared/gold/event_location/dev.jsonl"
    )]
    EventLocation(common::SetArgs),
    /// Source attribution (source and cue spans) against PolNeAR; the engine reports the
    /// attributions attached to its events.
    #[command(
        after_help = "Example:\n  sitrep eval polnear --gold ../shared/gold/polnear/dev.jsonl"
    )]
    Polnear(common::SetArgs),
    /// Police arrest / kill / force per document and per sentence on IndiaPoliceEvents,
    /// through data/mappings/eval/india_police_events.tsv (FAIL is not derived).
    #[command(
        after_help = "Example:\n  sitrep eval india-police --gold ../shared/gold/india_police_events/dev.jsonl"
    )]
    IndiaPolice(common::SetArgs),
    /// Full event record against PLOVER gold standard records (plover_gsr): type through
    /// data/mappings/eval/plover_gsr.tsv, source/target actor spans, location, dead/injured.
    #[command(
        after_help = "Example:\n  sitrep eval plover --gold ../shared/gold/plover_gsr/dev.jsonl"
    )]
    Plover(common::SetArgs),
    /// Perpetrator / victim / target fills per document on MUC-4 (GRIT templates), through
    /// data/mappings/eval/muc4.tsv; also scores the text re-cased to sentence case.
    #[command(after_help = "Example:\n  sitrep eval muc4 --gold ../shared/gold/muc4/dev.jsonl")]
    Muc4(common::SetArgs),
    /// Perpetrator / victim / target / place argument spans of RAMS events, through
    /// data/mappings/eval/rams.tsv.
    #[command(after_help = "Example:\n  sitrep eval rams --gold ../shared/gold/rams/dev.jsonl")]
    Rams(common::SetArgs),
    /// Perpetrator / victim / target / place argument spans of WikiEvents events, through
    /// data/mappings/eval/wikievents.tsv.
    #[command(
        after_help = "Example:\n  sitrep eval wikievents --gold ../shared/gold/wikievents/dev.jsonl"
    )]
    Wikievents(common::SetArgs),
    /// Full codebook records against the hand-labelled VOA stories (voa_dev): events matched
    /// by type and place, then status, counts, actors, dates, attribution and must_not items.
    /// Takes the folder, or its stories.jsonl and labels.jsonl.
    #[command(after_help = "Example:\n  sitrep eval voa --gold ../shared/gold/voa_dev/")]
    Voa(common::SetArgs),
}

#[derive(clap::Args)]
pub struct GeoArgs {
    /// Gold JSONL file, or a folder whose *.jsonl files are all scored. Repeatable.
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    /// Where to write the markdown report (parent folders are created).
    #[arg(long, default_value = "docs/eval/geo.md")]
    pub report: PathBuf,
}

pub fn run(args: Args, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    match args.which {
        Which::Geo(a) => run_geo(a, data_dir),
        Which::Case2021(a) => case2021::run(a, data_dir),
        Which::News(a) => news::run(a, data_dir),
        Which::EventLocation(a) => event_location::run(a, data_dir),
        Which::Polnear(a) => polnear::run(a, data_dir),
        Which::Plover(a) => plover::run(a, data_dir),
        Which::IndiaPolice(a) => india_police::run(a, data_dir),
        Which::Muc4(a) => arguments::run_muc4(a, data_dir),
        Which::Rams(a) => arguments::run_rams(a, data_dir),
        Which::Wikievents(a) => arguments::run_wikievents(a, data_dir),
        Which::Voa(a) => voa::run(a, data_dir),
    }
}

/// The gold files named by `inputs`: files as given, folders expanded to their `*.jsonl`
/// files in name order.
fn gold_files(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("reading gold folder {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            if found.is_empty() {
                bail!("gold folder {} holds no .jsonl file", p.display());
            }
            found.sort();
            out.extend(found);
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            bail!("gold path {} is neither a file nor a folder", p.display());
        }
    }
    Ok(out)
}

fn run_geo(args: GeoArgs, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let files = gold_files(&args.gold)?;
    let started = Instant::now();
    let gaz = resources::load_gazetteer(&resources::data_dir(data_dir)?)?;
    let load_secs = started.elapsed().as_secs_f64();
    let mut reports = Vec::new();
    let mut timings = Vec::new();
    for f in &files {
        let t = Instant::now();
        let r = geo::eval_geo(f, &gaz)?;
        timings.push((
            f.clone(),
            r.first().map_or(0, |r| r.docs),
            t.elapsed().as_secs_f64(),
        ));
        reports.extend(r);
    }

    let md = geo_report(&reports, &timings, gaz.len(), load_secs);
    if let Some(parent) = args.report.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating report folder {}", parent.display()))?;
    }
    std::fs::write(&args.report, md)
        .with_context(|| format!("writing report {}", args.report.display()))?;

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(summary_table(&reports).as_bytes())?;
    writeln!(out, "report written to {}", args.report.display())?;
    writeln!(out, "{}", headline(&reports))?;
    Ok(ExitCode::SUCCESS)
}

fn pct(x: f64) -> String {
    format!("{:.1}", 100.0 * x)
}

fn pct_opt(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".into(), pct)
}

/// A fixed-width table for the terminal: the numbers an analyst looks at first.
fn summary_table(reports: &[GeoSetReport]) -> String {
    let mut s = format!(
        "{:<14} {:<9} {:>5} {:>6} {:>8} {:>8} {:>8} {:>9} {:>9} {:>6} {:>8}\n",
        "set",
        "coords",
        "docs",
        "gold",
        "F1 exact",
        "F1 ovlp",
        "A@161 or",
        "A@161 e2e",
        "median km",
        "AUC",
        "country"
    );
    for r in reports {
        s += &format!(
            "{:<14} {:<9} {:>5} {:>6} {:>8} {:>8} {:>8} {:>9} {:>9.0} {:>6.3} {:>8}\n",
            r.set,
            r.variant,
            r.docs,
            r.exact.gold,
            pct(r.exact.f1()),
            pct(r.overlap.f1()),
            pct(r.oracle.acc161),
            pct(r.e2e_overlap.acc161),
            r.oracle.median_km,
            r.oracle.auc,
            pct_opt(r.country_oracle.value()),
        );
    }
    s += "(percentages; A@161 or = oracle toponyms, A@161 e2e = overlap-matched over all \
          geocoding gold; median km and AUC are oracle; country = oracle country accuracy)\n";
    s
}

/// Rounds to four decimals so the JSON line stays short and stable.
fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// One JSON object with the headline numbers of every set and coordinate variant, as fractions.
fn headline(reports: &[GeoSetReport]) -> String {
    let sets: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            json!({
                "set": r.set,
                "coordinates": r.variant,
                "docs": r.docs,
                "toponyms": r.exact.gold,
                "recognition_exact_f1": r4(r.exact.f1()),
                "recognition_overlap_f1": r4(r.overlap.f1()),
                "recognition_overlap_precision": r4(r.overlap.precision()),
                "recognition_overlap_recall": r4(r.overlap.recall()),
                "oracle_acc161": r4(r.oracle.acc161),
                "oracle_mean_km": r4(r.oracle.mean_km),
                "oracle_median_km": r4(r.oracle.median_km),
                "oracle_auc": r4(r.oracle.auc),
                "oracle_unanswered": r.oracle_unanswered,
                "matched_acc161": r4(r.e2e_overlap.matched.acc161),
                "e2e_acc161": r4(r.e2e_overlap.acc161),
                "country_accuracy": r.country_oracle.value().map(r4),
                "country_accuracy_e2e": r.country_e2e.value().map(r4),
            })
        })
        .collect();
    json!({ "eval": "geo", "sets": sets }).to_string()
}

/// The committed markdown report: provenance, the full table, country accuracy and speed.
fn geo_report(
    reports: &[GeoSetReport],
    timings: &[(PathBuf, usize, f64)],
    gazetteer_entries: usize,
    load_secs: f64,
) -> String {
    let mut s = String::from(
        "# Geoparsing evaluation\n\n\
         Written by `sitrep eval geo`; do not edit by hand. Scoring rules: \
         `shared/gold/GEO_METRICS.md` (Gritta et al. 2020): recognition P/R/F1 micro-averaged \
         over documents with exact and one-to-one overlap matching on code-point offsets; \
         geocoding errors by haversine, A@161 is the share of errors <= 161 km, AUC of the \
         log error curve (0 best, 1 worst), a missing answer costs 20,039 km. \
         **oracle**: the engine resolves the gold toponym spans in document context \
         (comparable with published geocoder results). **e2e**: recognition then geocoding; \
         `n` counts matched gold toponyms, *e2e A@161* divides by all geocoding gold. \
         Percentages except km and AUC.\n\n",
    );
    s += "Gold files:\n\n";
    for (f, docs, secs) in timings {
        s += &format!(
            "- `{}`: {docs} documents, scored in {secs:.2} s (every variant)\n",
            f.display()
        );
    }
    s += &format!(
        "\nGazetteer: {gazetteer_entries} entries, loaded in {load_secs:.2} s. Times are \
         wall-clock seconds on the machine that ran the command and vary with its load.\n\n\
         ## Recognition and geocoding\n\n"
    );
    s += &geo::report_markdown(reports);
    s += "\nOracle spans left without coordinates (each counted at 20,039 km): ";
    let unanswered: Vec<String> = reports
        .iter()
        .map(|r| {
            format!(
                "{} {}: {} of {}",
                r.set, r.variant, r.oracle_unanswered, r.oracle.n
            )
        })
        .collect();
    s += &unanswered.join("; ");
    s += ".\n";
    s += "\n## Country accuracy\n\n\
          Over gold toponyms whose gold country name the gazetteer knows (sets without gold \
          countries show n/a).\n\n\
          | set | variant | oracle: correct / n | oracle % | e2e overlap: correct / n | e2e % |\n\
          |---|---|---|---|---|---|\n";
    for r in reports {
        s += &format!(
            "| {} | {} | {} / {} | {} | {} / {} | {} |\n",
            r.set,
            r.variant,
            r.country_oracle.correct,
            r.country_oracle.n,
            pct_opt(r.country_oracle.value()),
            r.country_e2e.correct,
            r.country_e2e.n,
            pct_opt(r.country_e2e.value()),
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_to_their_jsonl_files_and_bad_paths_are_named() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("b.jsonl"), "").unwrap();
        std::fs::write(tmp.path().join("a.jsonl"), "").unwrap();
        std::fs::write(tmp.path().join("README.md"), "").unwrap();
        let files = gold_files(&[tmp.path().to_path_buf()]).unwrap();
        let names: Vec<_> = files.iter().map(|f| f.file_name().unwrap()).collect();
        assert_eq!(names, ["a.jsonl", "b.jsonl"]);

        let missing = tmp.path().join("nope.jsonl");
        let e = gold_files(&[missing]).unwrap_err().to_string();
        assert!(e.contains("nope.jsonl"), "{e}");

        let empty = tempfile::tempdir().unwrap();
        let e = gold_files(&[empty.path().to_path_buf()])
            .unwrap_err()
            .to_string();
        assert!(e.contains("no .jsonl"), "{e}");
    }

    #[test]
    fn headline_is_one_json_line_with_fractions() {
        let r = GeoSetReport {
            set: "s".into(),
            docs: 2,
            variant: "primary".into(),
            exact: geo::Prf {
                tp: 1,
                predicted: 2,
                gold: 2,
            },
            oracle: geo::GeoMetrics::from_errors(&[0.0, 500.0]),
            ..Default::default()
        };
        let line = headline(&[r]);
        assert!(!line.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["sets"][0]["recognition_exact_f1"], 0.5);
        assert_eq!(v["sets"][0]["oracle_acc161"], 0.5);
        assert!(v["sets"][0]["country_accuracy"].is_null());
    }
}
