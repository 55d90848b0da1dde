//! `sitrep bench`: throughput, start-up time, memory and scaling of the full pipeline on a
//! corpus, with a check of its own output so that a fast wrong answer cannot pass.
//!
//! The corpus is read once into memory (reading is not what is measured); extraction runs in a
//! rayon pool of one thread and of `--threads` threads. The last line of stdout is one JSON
//! object with the headline numbers, for scripts and for the committed report.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use rayon::prelude::*;
use serde_json::{json, Value};
use sitrep_core::{Document, EventStatus, EventType, Extraction};
use sitrep_text::nlp::actors::find_actors;
use sitrep_text::nlp::classify::sentence_infos;
use sitrep_text::nlp::sentences;
use sitrep_text::nlp::tokens::tokenize;
use sitrep_text::{extract, ExtractOptions, Resources};

use crate::db::BatchWriter;
use crate::pipeline::load_resources;
use crate::sources::{read_inputs, SourceOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Corpus to measure: a JSONL file, a folder, or any input `extract` reads.
    #[arg(long, value_name = "PATH")]
    pub corpus: PathBuf,
    /// Use only the first N documents.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Time each measurement K times and keep the fastest (shared machines are noisy).
    #[arg(long, value_name = "K", default_value_t = 1)]
    pub repeat: usize,
    /// Threads for the parallel figure [default: the number of cores]; one thread is always
    /// measured too.
    #[arg(long, value_name = "T")]
    pub threads: Option<usize>,
    /// Corpus multiples for the scaling check (documents repeated in memory).
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "1,4,16"
    )]
    pub scales: Vec<usize>,
    /// Also time ingest into a temporary SQLite database.
    #[arg(long)]
    pub store: bool,
    /// The JSON line printed by the reference peer (`../shared/bench/peer_spacy.py`); prints
    /// the speed ratio per core.
    #[arg(long, value_name = "FILE")]
    pub peer_json: Option<PathBuf>,
    /// Fail unless the corpus yields events: yes, no, or auto (yes unless the corpus path
    /// names a general-news set: "bbc" or "agnews").
    #[arg(long, value_name = "WHEN", default_value = "auto", value_parser = ["yes", "no", "auto"])]
    pub expect_events: String,
}

/// Process CPU time (user + system) from /proc/self/stat, where times are in USER_HZ ticks,
/// 100 per second on every mainstream Linux.
fn cpu_time() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces; fields are counted after its closing parenthesis.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Peak resident memory in MB (VmHWM), if the platform reports it.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn pool(threads: usize) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .with_context(|| format!("starting a pool of {threads} threads"))
}

/// Fastest of `repeat` runs of `f`, with the last run's result.
fn best_of<T>(repeat: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

/// Extract `docs` repeated `times` over in a pool of `threads`; returns the event count (so the
/// work cannot be optimised away) and the wall time.
fn run_pipeline(
    docs: &[Document],
    times: usize,
    threads: usize,
    res: &Resources,
    repeat: usize,
) -> anyhow::Result<(Duration, usize)> {
    let opts = ExtractOptions::default();
    let p = pool(threads)?;
    let n = docs.len();
    Ok(best_of(repeat, || {
        p.install(|| {
            (0..n * times)
                .into_par_iter()
                .map(|i| extract(&docs[i % n], res, &opts).events.len())
                .sum::<usize>()
        })
    }))
}

/// Per-stage times on one thread: sentences + classification + tokens + actors, then place
/// finding over the whole text. Event coding and assembly are the rest of the full pipeline.
fn stage_times(docs: &[Document], res: &Resources, repeat: usize) -> (Duration, Duration) {
    let (sent, _) = best_of(repeat, || {
        let mut n = 0usize;
        for d in docs {
            let text = d.text.as_str();
            let spans = sentences::split(text);
            let infos = sentence_infos(text, &spans);
            for (span, info) in spans.iter().zip(infos.iter()) {
                let (class, _) = res.classifier.classify(info);
                let toks = tokenize(span.slice(text), span.start);
                std::hint::black_box(class);
                n += find_actors(&toks, &res.lexicon, &res.gazetteer).len();
            }
        }
        n
    });
    // Without the actor spans to exclude, this finds slightly more candidates than the
    // pipeline does: an upper bound for the stage.
    let (geo, _) = best_of(repeat, || {
        docs.iter()
            .map(|d| sitrep_text::geo::find_places(&d.text, &[], &res.gazetteer).len())
            .sum::<usize>()
    });
    (sent, geo)
}

fn per_s(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

fn round(x: f64, places: i32) -> f64 {
    let m = 10f64.powi(places);
    (x * m).round() / m
}

/// Time storing the extractions in a fresh SQLite file with batched transactions.
fn store_time(extractions: Vec<Extraction>) -> anyhow::Result<(Duration, usize, usize)> {
    let path = std::env::temp_dir().join(format!(
        "sitrep-bench-{}-{}.sqlite",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let result = (|| {
        let mut store = sitrep_store::SqliteStore::open(&path)
            .with_context(|| format!("creating the benchmark database {}", path.display()))?;
        let n = extractions.len();
        let t = Instant::now();
        let mut w = BatchWriter::new(
            &mut store,
            BatchWriter::<sitrep_store::SqliteStore>::DEFAULT_BATCH,
        );
        for ex in extractions {
            w.push(ex)?;
        }
        let counts = w.finish()?;
        let d = t.elapsed();
        if counts.inserted + counts.duplicates + counts.already_stored + counts.updated != n {
            bail!("the store accounted for {counts} of {n} documents");
        }
        // The rate counts every document handed to the store: duplicates are looked up and
        // linked, which is work too.
        Ok((d, n, counts.inserted))
    })();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.clone().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    result
}

/// Articles per core-second from the peer's JSON line.
fn peer_per_core(path: &Path) -> anyhow::Result<(f64, Value)> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the peer result {}", path.display()))?;
    let line = text
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('{'))
        .with_context(|| format!("{}: no JSON line found", path.display()))?;
    let v: Value = serde_json::from_str(line)
        .with_context(|| format!("{}: the last JSON line does not parse", path.display()))?;
    let per_core = v
        .get("articles_per_cpu_s")
        .and_then(Value::as_f64)
        .or_else(|| {
            let a = v.get("articles_per_s")?.as_f64()?;
            let p = v.get("processes").and_then(Value::as_f64).unwrap_or(1.0);
            Some(a / p.max(1.0))
        })
        .filter(|x| *x > 0.0)
        .with_context(|| {
            format!(
                "{}: no positive articles_per_cpu_s or articles_per_s",
                path.display()
            )
        })?;
    Ok((per_core, v))
}

pub fn run(args: Args, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = args.threads.unwrap_or(cores).max(1);
    if args.scales.is_empty() || args.scales.contains(&0) {
        bail!("--scales needs positive multiples, e.g. 1,4,16");
    }
    if let Some(p) = &args.peer_json {
        // Fail before the long runs, not after.
        peer_per_core(p)?;
    }

    let t = Instant::now();
    let res = load_resources(data_dir)?;
    let startup = t.elapsed();
    let rss_after_load = peak_rss_mb();

    let mut docs: Vec<Document> = Vec::new();
    let mut skipped = 0usize;
    for item in read_inputs(
        std::slice::from_ref(&args.corpus),
        &SourceOptions::default(),
    ) {
        match item {
            Ok(d) => docs.push(d),
            Err(d) => {
                skipped += 1;
                eprintln!("skipped {}: {}", d.input, d.message);
            }
        }
        if args.limit.is_some_and(|l| docs.len() >= l) {
            break;
        }
    }
    if docs.is_empty() {
        bail!("{}: no documents read", args.corpus.display());
    }
    let n = docs.len();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;

    // One thread, with the results kept for counting and the store.
    let opts = ExtractOptions::default();
    let one = pool(1)?;
    let cpu0 = cpu_time();
    let (t1, extractions) = best_of(args.repeat, || {
        one.install(|| {
            docs.iter()
                .map(|d| extract(d, &res, &opts))
                .collect::<Vec<_>>()
        })
    });
    let cpu1 = cpu_time();
    let (tn, _) = run_pipeline(&docs, 1, threads, &res, args.repeat)?;

    let events: usize = extractions.iter().map(|e| e.events.len()).sum();
    let assault = extractions
        .iter()
        .flat_map(|e| &e.events)
        .filter(|e| {
            e.event_type == EventType::Assault
                && matches!(e.status, EventStatus::Occurred | EventStatus::Claimed)
        })
        .count();
    let with_events = extractions.iter().filter(|e| !e.events.is_empty()).count();

    let (t_sent, t_geo) = stage_times(&docs, &res, args.repeat);

    let mut scaling = Vec::new();
    for &k in &args.scales {
        let (d, ev) = run_pipeline(&docs, k, threads, &res, 1)?;
        if ev != events * k {
            bail!(
                "scaling run x{k} found {ev} events, expected {}: extraction is not deterministic",
                events * k
            );
        }
        scaling.push((k, per_s(n * k, d)));
    }

    let store = if args.store {
        Some(store_time(extractions)?)
    } else {
        drop(extractions);
        None
    };
    let peak = peak_rss_mb();

    let aps1 = per_s(n, t1);
    let apsn = per_s(n, tn);
    let cpu_per_article = match (cpu0, cpu1) {
        (Some(a), Some(b)) if b > a => Some((b - a) / (n * args.repeat.max(1)) as f64),
        _ => None,
    };
    let corpus_name = args.corpus.to_string_lossy().to_lowercase();
    let expect = match args.expect_events.as_str() {
        "yes" => true,
        "no" => false,
        _ => !(corpus_name.contains("bbc") || corpus_name.contains("agnews")),
    };

    println!("sitrep bench: {}", args.corpus.display());
    println!(
        "machine: {cores} cores, load {}",
        loadavg().unwrap_or_else(|| "unknown".into())
    );
    println!("documents: {n} ({skipped} inputs skipped), {mb:.2} MB of cleaned text");
    println!(
        "start-up (gazetteer and lexicons): {:.3} s, peak RSS after loading {}",
        startup.as_secs_f64(),
        fmt_mb(rss_after_load)
    );
    println!(
        "1 thread:  {aps1:.1} articles/s, {:.2} MB/s",
        mb / t1.as_secs_f64().max(1e-9)
    );
    if let Some(c) = cpu_per_article {
        println!(
            "           {:.1} articles per CPU-second",
            1.0 / c.max(1e-9)
        );
    }
    println!(
        "{threads} threads: {apsn:.1} articles/s, {:.2} MB/s ({:.2}x one thread)",
        mb / tn.as_secs_f64().max(1e-9),
        apsn / aps1
    );
    println!(
        "stages (1 thread): sentences+classes+tokens+actors {:.3} s, places {:.3} s, \
         events and assembly (rest of {:.3} s) {:.3} s",
        t_sent.as_secs_f64(),
        t_geo.as_secs_f64(),
        t1.as_secs_f64(),
        (t1.saturating_sub(t_sent).saturating_sub(t_geo)).as_secs_f64()
    );
    // Issue 4 asks for speed with and without geocoding: the places stage is timed on its own,
    // so the rest of the pipeline's rate is measured, not guessed.
    let aps1_without_places = per_s(n, t1.saturating_sub(t_geo));
    println!(
        "without place finding and geocoding (1 thread, stage times): {aps1_without_places:.1} \
         articles/s ({:.2}x)",
        aps1_without_places / aps1
    );
    println!(
        "events: {events} in {with_events} documents; {:.1} per 1,000 articles; \
         ASSAULT occurred/claimed: {assault} ({:.1} per 1,000 articles)",
        events as f64 * 1000.0 / n as f64,
        assault as f64 * 1000.0 / n as f64
    );
    for (k, a) in &scaling {
        println!(
            "scaling x{k:<2} ({} documents, {threads} threads): {a:.1} articles/s",
            n * k
        );
    }
    if let Some((d, stored, inserted)) = store {
        println!(
            "store (SQLite, batched): {stored} documents ({inserted} new, the others linked as duplicates) \
             in {:.3} s, {:.1} articles/s",
            d.as_secs_f64(),
            per_s(stored, d)
        );
    }
    println!("peak RSS: {}", fmt_mb(peak));

    let mut headline = json!({
        "corpus": args.corpus.display().to_string(),
        "documents": n,
        "mb": round(mb, 3),
        "cores": cores,
        "threads": threads,
        "startup_s": round(startup.as_secs_f64(), 3),
        "articles_per_s_1t": round(aps1, 1),
        "articles_per_s_1t_without_places": round(aps1_without_places, 1),
        "mb_per_s_1t": round(mb / t1.as_secs_f64().max(1e-9), 3),
        "articles_per_s_nt": round(apsn, 1),
        "mb_per_s_nt": round(mb / tn.as_secs_f64().max(1e-9), 3),
        "speedup_nt": round(apsn / aps1, 2),
        "events": events,
        "events_per_1000": round(events as f64 * 1000.0 / n as f64, 1),
        "assault_occurred_claimed_per_1000": round(assault as f64 * 1000.0 / n as f64, 1),
        "scaling_articles_per_s": scaling.iter().map(|(k, a)| json!({"x": k, "articles_per_s": round(*a, 1)})).collect::<Vec<_>>(),
        "peak_rss_mb": peak.map(|x| round(x, 1)),
        "store_articles_per_s": store.map(|(d, i, _)| round(per_s(i, d), 1)),
        "loadavg": loadavg(),
    });
    if let Some(p) = &args.peer_json {
        let (peer, v) = peer_per_core(p)?;
        let ours = cpu_per_article.map_or(aps1, |c| 1.0 / c.max(1e-9));
        let ratio = ours / peer;
        println!(
            "peer ({}): {peer:.2} articles per core-second; sitrep {ours:.1}: ratio {ratio:.0}x",
            v.get("peer").and_then(Value::as_str).unwrap_or("unnamed")
        );
        headline["peer_articles_per_core_s"] = json!(peer);
        headline["ratio_per_core"] = json!(round(ratio, 1));
    }
    println!("{headline}");

    if expect && events == 0 {
        eprintln!(
            "error: {} yielded no events; a conflict corpus must (use --expect-events no for \
             general news)",
            args.corpus.display()
        );
        return Ok(ExitCode::from(super::EXIT_FAILURE));
    }
    Ok(ExitCode::SUCCESS)
}

fn fmt_mb(x: Option<f64>) -> String {
    x.map_or_else(|| "unknown".into(), |m| format!("{m:.1} MB"))
}

/// The 1-, 5- and 15-minute load averages.
fn loadavg() -> Option<String> {
    let s = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_line_gives_articles_per_core_second() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("peer.json");
        std::fs::write(&p, "noise\n{\"articles_per_s\": 10.0, \"processes\": 2}\n").unwrap();
        assert_eq!(peer_per_core(&p).unwrap().0, 5.0);
        std::fs::write(
            &p,
            "{\"articles_per_s\": 10.0, \"articles_per_cpu_s\": 7.5}\n",
        )
        .unwrap();
        assert_eq!(peer_per_core(&p).unwrap().0, 7.5);
        std::fs::write(&p, "{\"articles\": 3}\n").unwrap();
        let e = peer_per_core(&p).unwrap_err().to_string();
        assert!(e.contains("peer.json"), "{e}");
    }

    #[test]
    fn memory_and_cpu_are_read_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_mb().is_some_and(|m| m > 0.0));
            assert!(cpu_time().is_some());
        }
    }

    #[test]
    fn pipeline_runs_count_events_per_repetition() {
        let res = Resources::empty();
        let docs: Vec<Document> = Vec::new();
        let (_, events) = run_pipeline(&docs, 4, 2, &res, 1).unwrap();
        assert_eq!(events, 0);
    }
}
