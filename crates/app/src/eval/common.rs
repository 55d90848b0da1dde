//! What every event-set scorer shares: the command-line arguments, reading gold JSONL with
//! errors that name file and line, running the engine on gold texts (offsets kept), label
//! scores with per-class tables and confusions, and writing the report plus the JSON line.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde::de::DeserializeOwned;
use sitrep_core::{Document, DocumentFormat, Extraction, OffsetMap};
use sitrep_text::clean::content_hash;
use sitrep_text::{ExtractOptions, Resources};

use super::geo::Prf;
use super::gold_files;

/// Arguments shared by the event-set subcommands.
#[derive(clap::Args)]
pub struct SetArgs {
    /// Gold JSONL file, or a folder whose *.jsonl files are all scored. Repeatable.
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    /// Where to write the markdown report (default: docs/eval/<set>.md).
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Score only the first N records (for quick looks; the committed report uses all).
    #[arg(long)]
    pub limit: Option<usize>,
}

impl SetArgs {
    pub fn report_path(&self, set: &str) -> PathBuf {
        self.report
            .clone()
            .unwrap_or_else(|| PathBuf::from(format!("docs/eval/{set}.md")))
    }

    /// Every record of every gold file named, in order, cut at `--limit`.
    pub fn records<T: DeserializeOwned>(&self) -> anyhow::Result<Vec<T>> {
        let mut out = Vec::new();
        for f in gold_files(&self.gold)? {
            out.extend(read_jsonl::<T>(&f)?);
        }
        if let Some(n) = self.limit {
            out.truncate(n);
        }
        Ok(out)
    }

    /// The gold files as a markdown list for the report.
    pub fn provenance(&self) -> String {
        gold_files(&self.gold)
            .unwrap_or_default()
            .iter()
            .map(|f| format!("- `{}`\n", f.display()))
            .collect()
    }
}

/// Reads a JSONL gold file; a line that does not parse is an error naming file and line (a
/// gold file is data we score against, so silently dropping a record would bias the score).
pub fn read_jsonl<T: DeserializeOwned>(path: &Path) -> anyhow::Result<Vec<T>> {
    let raw = std::fs::read_to_string(path)
        .with_context(|| format!("reading gold file {}", path.display()))?;
    raw.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).with_context(|| {
                format!(
                    "{} line {}: not a record of this gold format",
                    path.display(),
                    i + 1
                )
            })
        })
        .collect()
}

/// A document whose text is the gold text unchanged, so engine spans map to gold offsets
/// through [`char_index`] alone.
pub fn gold_document(id: &str, text: &str, published: Option<&str>) -> Document {
    Document {
        id: id.to_string(),
        url: None,
        title: None,
        source: None,
        published: published.map(str::to_string),
        format: DocumentFormat::Text,
        origin: id.to_string(),
        raw: text.to_string(),
        text: text.to_string(),
        offsets: OffsetMap::identity(),
        content_hash: content_hash(text),
    }
}

/// Runs the engine over documents on all cores, results in input order.
pub fn extract_all(docs: &[Document], res: &Resources) -> Vec<Extraction> {
    crate::pipeline::extract_batch(docs, res, &ExtractOptions::default())
}

/// Byte offset -> char offset table of a text (one entry per byte boundary, plus the end).
pub fn char_index(text: &str) -> Vec<usize> {
    let mut table = vec![0usize; text.len() + 1];
    let mut chars = 0;
    for (b, c) in text.char_indices() {
        for slot in &mut table[b..b + c.len_utf8()] {
            *slot = chars;
        }
        chars += 1;
    }
    table[text.len()] = chars;
    table
}

/// Code points two `[start, end)` spans share.
pub fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// One-to-one matching, largest overlap first (then gold start, then prediction start);
/// `exact` matches identical spans only. Returns (gold index, prediction index) pairs.
pub fn match_spans(
    gold: &[(usize, usize)],
    pred: &[(usize, usize)],
    exact: bool,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let ov = overlap(*g, *p);
            if ov > 0 && (!exact || g == p) {
                pairs.push((ov, g.0, p.0, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gt, mut pt) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = Vec::new();
    for (_, _, _, gi, pi) in pairs {
        if !gt[gi] && !pt[pi] {
            gt[gi] = true;
            pt[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

/// Per-class precision/recall/F1 plus the most frequent confusions. Works for single-label
/// tasks (one gold and at most one predicted label per item) and multi-label ones (sets).
#[derive(Debug, Default, Clone)]
pub struct LabelScores {
    pub classes: BTreeMap<String, Prf>,
    /// (gold, predicted) -> count, for items where they differ; "-" marks no label.
    pub confusions: BTreeMap<(String, String), usize>,
    pub items: usize,
    pub correct_items: usize,
}

/// The placeholder for "no label" in confusions.
pub const NONE: &str = "-";

impl LabelScores {
    /// One single-label item. `pred` None means the engine gave no label; it counts as a miss
    /// for the gold class and as nobody's false positive.
    pub fn add_single(&mut self, gold: &str, pred: Option<&str>) {
        self.items += 1;
        self.classes.entry(gold.to_string()).or_default().gold += 1;
        if let Some(p) = pred {
            self.classes.entry(p.to_string()).or_default().predicted += 1;
        }
        if pred == Some(gold) {
            self.classes.get_mut(gold).expect("just inserted").tp += 1;
            self.correct_items += 1;
        } else {
            *self
                .confusions
                .entry((gold.to_string(), pred.unwrap_or(NONE).to_string()))
                .or_default() += 1;
        }
    }

    /// One multi-label item: every label is scored on its own.
    pub fn add_multi(&mut self, gold: &BTreeSet<String>, pred: &BTreeSet<String>) {
        self.items += 1;
        if gold == pred {
            self.correct_items += 1;
        }
        for g in gold {
            let c = self.classes.entry(g.clone()).or_default();
            c.gold += 1;
            if pred.contains(g) {
                c.tp += 1;
            } else {
                *self
                    .confusions
                    .entry((g.clone(), NONE.to_string()))
                    .or_default() += 1;
            }
        }
        for p in pred {
            self.classes.entry(p.clone()).or_default().predicted += 1;
            if !gold.contains(p) {
                *self
                    .confusions
                    .entry((NONE.to_string(), p.clone()))
                    .or_default() += 1;
            }
        }
    }

    /// Makes sure a class shows in the table even when neither gold nor engine used it.
    pub fn declare(&mut self, class: &str) {
        self.classes.entry(class.to_string()).or_default();
    }

    /// Share of items whose label (or label set) was exactly right.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct_items, self.items)
    }

    /// Micro-averaged counts over all classes.
    pub fn micro(&self) -> Prf {
        self.classes.values().fold(Prf::default(), |a, c| Prf {
            tp: a.tp + c.tp,
            predicted: a.predicted + c.predicted,
            gold: a.gold + c.gold,
        })
    }

    /// Mean F1 over classes with gold support.
    pub fn macro_f1(&self) -> f64 {
        let supported: Vec<&Prf> = self.classes.values().filter(|c| c.gold > 0).collect();
        if supported.is_empty() {
            return 0.0;
        }
        supported.iter().map(|c| c.f1()).sum::<f64>() / supported.len() as f64
    }

    /// F1 averaged over classes weighted by gold support (scikit-learn's "weighted").
    pub fn weighted_f1(&self) -> f64 {
        let total: usize = self.classes.values().map(|c| c.gold).sum();
        if total == 0 {
            return 0.0;
        }
        self.classes
            .values()
            .map(|c| c.f1() * c.gold as f64)
            .sum::<f64>()
            / total as f64
    }

    /// Markdown table: one row per class, support first so the eye finds the big classes.
    pub fn class_table(&self) -> String {
        let mut rows: Vec<(&String, &Prf)> = self.classes.iter().collect();
        rows.sort_by(|a, b| b.1.gold.cmp(&a.1.gold).then(a.0.cmp(b.0)));
        let mut s = String::from(
            "| class | support | predicted | correct | precision | recall | F1 |\n\
             |---|---:|---:|---:|---:|---:|---:|\n",
        );
        for (name, c) in rows {
            s += &format!(
                "| {name} | {} | {} | {} | {} | {} | {} |\n",
                c.gold,
                c.predicted,
                c.tp,
                pct(c.precision()),
                pct(c.recall()),
                pct(c.f1())
            );
        }
        let m = self.micro();
        s += &format!(
            "| **micro** | {} | {} | {} | {} | {} | {} |\n",
            m.gold,
            m.predicted,
            m.tp,
            pct(m.precision()),
            pct(m.recall()),
            pct(m.f1())
        );
        s
    }

    /// Markdown table of the `k` most frequent (gold, predicted) disagreements.
    pub fn confusion_table(&self, k: usize) -> String {
        let mut c: Vec<(&(String, String), &usize)> = self.confusions.iter().collect();
        c.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        if c.is_empty() {
            return "No disagreements.\n".into();
        }
        let mut s = format!(
            "Most frequent errors (`{NONE}` = no label):\n\n| gold | engine | count |\n|---|---|---:|\n"
        );
        for ((g, p), n) in c.into_iter().take(k) {
            s += &format!("| {g} | {p} | {n} |\n");
        }
        s
    }
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A fraction as a percentage with one decimal.
pub fn pct(x: f64) -> String {
    format!("{:.1}", 100.0 * x)
}

/// Rounds to four decimals so the JSON line stays short and stable.
pub fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Writes the report, prints the summary, the report path and, last, the JSON headline.
pub fn finish(
    report: &Path,
    markdown: &str,
    summary: &str,
    headline: &serde_json::Value,
) -> anyhow::Result<ExitCode> {
    if let Some(parent) = report.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating report folder {}", parent.display()))?;
    }
    std::fs::write(report, markdown)
        .with_context(|| format!("writing report {}", report.display()))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(summary.as_bytes())?;
    if !summary.ends_with('\n') {
        writeln!(out)?;
    }
    writeln!(out, "report written to {}", report.display())?;
    writeln!(out, "{headline}")?;
    Ok(ExitCode::SUCCESS)
}

/// The header every event-set report starts with.
pub fn report_header(title: &str, command: &str, args: &SetArgs, rules: &str) -> String {
    format!(
        "# {title}\n\nWritten by `{command}`; do not edit by hand. Re-run the command to \
         refresh it.\n\nGold files:\n\n{}\n{rules}\n\n",
        args.provenance()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_label_scores_match_a_hand_count() {
        let mut s = LabelScores::default();
        s.add_single("A", Some("A"));
        s.add_single("A", Some("B"));
        s.add_single("B", Some("B"));
        s.add_single("B", None);
        // A: tp 1, pred 1, gold 2 -> P 1, R .5, F1 .667; B: tp 1, pred 2, gold 2 -> .5/.5/.5
        assert!((s.classes["A"].f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.classes["B"].f1() - 0.5).abs() < 1e-9);
        assert!((s.macro_f1() - (2.0 / 3.0 + 0.5) / 2.0).abs() < 1e-9);
        assert!((s.weighted_f1() - (2.0 / 3.0 + 0.5) / 2.0).abs() < 1e-9);
        assert_eq!(s.accuracy(), 0.5);
        assert_eq!(s.confusions[&("B".into(), NONE.into())], 1);
        assert!(s.confusion_table(5).contains("| A | B | 1 |"));
    }

    #[test]
    fn multi_label_scores_each_label_on_its_own() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let mut s = LabelScores::default();
        s.add_multi(&set(&["KILL", "FORCE"]), &set(&["FORCE"]));
        s.add_multi(&set(&[]), &set(&["ARREST"]));
        assert_eq!(s.classes["FORCE"].tp, 1);
        assert_eq!(s.classes["KILL"].gold, 1);
        assert_eq!(s.classes["ARREST"].predicted, 1);
        assert_eq!(s.accuracy(), 0.0);
        assert_eq!(s.micro().tp, 1);
    }

    #[test]
    fn a_bad_gold_line_names_file_and_line() {
        let tmp = tempfile::tempdir().unwrap();
        let f = tmp.path().join("g.jsonl");
        std::fs::write(&f, "{\"a\": 1}\n\nnot json\n").unwrap();
        let e = read_jsonl::<serde_json::Value>(&f).unwrap_err();
        let msg = format!("{e:#}");
        assert!(msg.contains("g.jsonl line 3"), "{msg}");
    }

    #[test]
    fn char_index_counts_code_points() {
        let t = "né x";
        let idx = char_index(t);
        assert_eq!(idx[t.find('x').unwrap()], 3);
        assert_eq!(idx[t.len()], 4);
    }
}
