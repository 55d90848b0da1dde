//! `sitrep eval polnear`: source attribution against PolNeAR (who said what: source, cue and
//! content spans in US election news).
//!
//! The engine keeps attribution on events only: every event carries the attributions read in
//! its sentence, each with one byte span covering the whole reporting phrase (source and
//! verb, "officials said"; or "according to X"). The scorer collects the distinct spans of all
//! the document's events and splits each into a **cue** and a **source** span: "according to"
//! is the cue of "according to X" and X its source; "claimed/claims responsibility" is the cue
//! after its source; otherwise the last word is the cue (the reporting verb) and what precedes
//! it the source. An attribution without a span is placed at the first occurrence of its cue
//! text in the event's evidence sentences.
//!
//! Recall is bounded by event recall: an attribution in a sentence with no engine event is
//! never reported. To show that bound, the engine's attribution reader is also run directly on
//! every sentence (the same calls the pipeline makes: split, tokenize, actors, stance); that
//! is a diagnostic, not engine output.

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

use anyhow::Context;
use serde::Deserialize;
use serde_json::json;
use sitrep_core::{Extraction, Span};
use sitrep_text::nlp::actors::find_actors;
use sitrep_text::nlp::attribution::read_stance;
use sitrep_text::nlp::sentences;
use sitrep_text::nlp::tokens::tokenize;
use sitrep_text::{ExtractOptions, Resources};

use super::common::{
    char_index, finish, gold_document, match_spans, overlap, pct, r4, report_header, LabelScores,
    SetArgs, NONE,
};
use super::geo::Prf;

/// A gold span group in code points; a discontinuous span is scored by its whole extent.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    pub start: Option<usize>,
    pub end: Option<usize>,
    #[serde(default)]
    pub text: String,
}

impl GoldSpan {
    fn range(&self) -> Option<(usize, usize)> {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s < e => Some((s, e)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldAttribution {
    pub source: Option<GoldSpan>,
    pub cue: Option<GoldSpan>,
}

/// One annotation record (one article by one annotator).
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    pub article_id: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
    #[serde(default)]
    pub publication_date: Option<String>,
}

type CharSpan = (usize, usize);

/// An engine attribution as scored: cue and source spans in code points.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Predicted {
    pub cue: CharSpan,
    pub source: Option<CharSpan>,
    /// The cue text, lower case (for the per-cue table).
    pub cue_text: String,
}

/// Splits an engine attribution phrase (a byte span of `text`) into cue and source byte spans.
pub fn split_phrase(text: &str, span: Span) -> Option<(Span, Option<Span>)> {
    let phrase = text.get(span.start..span.end)?;
    let lower = phrase.to_lowercase();
    if lower.len() != phrase.len() {
        // Case folding changed byte lengths: fall back to ASCII folding, which keeps them.
        return split_ascii(phrase, &phrase.to_ascii_lowercase(), span.start);
    }
    split_ascii(phrase, &lower, span.start)
}

fn split_ascii(phrase: &str, lower: &str, base: usize) -> Option<(Span, Option<Span>)> {
    let trimmed_source = |s: usize, e: usize| -> Option<Span> {
        let part = &phrase[s..e];
        let lead = part.len() - part.trim_start().len();
        let trail = part.len() - part.trim_end().len();
        let (a, b) = (s + lead, e - trail);
        (a < b).then(|| Span::new(base + a, base + b))
    };
    if lower.starts_with("according to") {
        let cue = Span::new(base, base + "according to".len());
        return Some((cue, trimmed_source("according to".len(), phrase.len())));
    }
    for tail in ["claimed responsibility", "claims responsibility"] {
        if lower.ends_with(tail) && lower.len() > tail.len() {
            let at = phrase.len() - tail.len();
            return Some((
                Span::new(base + at, base + phrase.len()),
                trimmed_source(0, at),
            ));
        }
    }
    let body = phrase.trim_end();
    let at = body.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    if at >= body.len() {
        return None;
    }
    Some((
        Span::new(base + at, base + body.len()),
        trimmed_source(0, at),
    ))
}

/// Distinct engine attributions of one extraction, from its events.
pub fn engine_attributions(ext: &Extraction) -> Vec<Predicted> {
    let text = &ext.document.text;
    let table = char_index(text);
    let mut spans: BTreeSet<Span> = BTreeSet::new();
    for ev in &ext.events {
        for a in &ev.attribution {
            let span = a.span.or_else(|| {
                // No span kept: the first occurrence of the cue text in the event's sentences.
                ev.evidence.iter().find_map(|e| {
                    let s = e.span.slice(text).find(&a.cue)?;
                    Some(Span::new(e.span.start + s, e.span.start + s + a.cue.len()))
                })
            });
            if let Some(s) = span.filter(|s| s.start < s.end && s.end <= text.len()) {
                spans.insert(s);
            }
        }
    }
    to_predicted(text, &table, spans)
}

/// The engine's attribution reader run on every sentence (diagnostic: no event needed).
pub fn reader_attributions(text: &str, res: &Resources) -> Vec<Predicted> {
    let table = char_index(text);
    let mut spans: BTreeSet<Span> = BTreeSet::new();
    for s in sentences::split(text) {
        let toks = tokenize(s.slice(text), s.start);
        let actors = find_actors(&toks, &res.lexicon, &res.gazetteer);
        for a in read_stance(&toks, &actors, text).attributions {
            spans.insert(a.span);
        }
    }
    to_predicted(text, &table, spans)
}

fn to_predicted(text: &str, table: &[usize], spans: BTreeSet<Span>) -> Vec<Predicted> {
    let ch = |s: Span| (table[s.start], table[s.end]);
    let mut out: Vec<Predicted> = spans
        .into_iter()
        .filter_map(|s| {
            let (cue, source) = split_phrase(text, s)?;
            Some(Predicted {
                cue: ch(cue),
                source: source.map(ch),
                cue_text: cue.slice(text).to_lowercase(),
            })
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn add(into: &mut Prf, gold: usize, pred: usize, tp: usize) {
    into.gold += gold;
    into.predicted += pred;
    into.tp += tp;
}

/// Scores for one set of predictions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub source: Prf,
    pub cue: Prf,
    pub source_exact: Prf,
    pub cue_exact: Prf,
    /// Cue overlaps a gold cue and the source overlaps that attribution's source (or both
    /// have none).
    pub pair: Prf,
}

/// The gold spans of one record.
struct GoldSets {
    sources: Vec<CharSpan>,
    cues: Vec<CharSpan>,
    /// (cue, source) of every attribution with a cue.
    pairs: Vec<(CharSpan, Option<CharSpan>)>,
}

fn gold_sets(rec: &Record) -> GoldSets {
    let sources = rec
        .attributions
        .iter()
        .filter_map(|a| a.source.as_ref()?.range())
        .collect();
    let pairs: Vec<(CharSpan, Option<CharSpan>)> = rec
        .attributions
        .iter()
        .filter_map(|a| {
            Some((
                a.cue.as_ref()?.range()?,
                a.source.as_ref().and_then(GoldSpan::range),
            ))
        })
        .collect();
    GoldSets {
        sources,
        cues: pairs.iter().map(|p| p.0).collect(),
        pairs,
    }
}

/// Scores one document; returns the indices (into `gold.pairs`) of matched gold cues too.
fn score_doc(g: &GoldSets, pred: &[Predicted], s: &mut Scores) -> Vec<bool> {
    let psrc: Vec<CharSpan> = pred.iter().filter_map(|p| p.source).collect();
    let pcue: Vec<CharSpan> = pred.iter().map(|p| p.cue).collect();
    let m = |gold: &[CharSpan], p: &[CharSpan], exact: bool| match_spans(gold, p, exact).len();
    add(
        &mut s.source,
        g.sources.len(),
        psrc.len(),
        m(&g.sources, &psrc, false),
    );
    add(
        &mut s.source_exact,
        g.sources.len(),
        psrc.len(),
        m(&g.sources, &psrc, true),
    );
    add(
        &mut s.cue,
        g.cues.len(),
        pcue.len(),
        m(&g.cues, &pcue, false),
    );
    add(
        &mut s.cue_exact,
        g.cues.len(),
        pcue.len(),
        m(&g.cues, &pcue, true),
    );
    // Pairs: one-to-one over cue overlap, among candidates whose sources agree.
    let mut cands = Vec::new();
    for (gi, (gc, gs)) in g.pairs.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let ov = overlap(*gc, p.cue);
            let src_ok = match (gs, p.source) {
                (Some(a), Some(b)) => overlap(*a, b) > 0,
                (None, None) => true,
                _ => false,
            };
            if ov > 0 && src_ok {
                cands.push((ov, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gt, mut pt) = (vec![false; g.pairs.len()], vec![false; pred.len()]);
    let mut tp = 0;
    for (_, gi, pi) in cands {
        if !gt[gi] && !pt[pi] {
            gt[gi] = true;
            pt[pi] = true;
            tp += 1;
        }
    }
    add(&mut s.pair, g.pairs.len(), pred.len(), tp);
    // Which gold cues were found at all (overlap, one-to-one).
    let mut found = vec![false; g.cues.len()];
    for (gi, _) in match_spans(&g.cues, &pcue, false) {
        found[gi] = true;
    }
    found
}

/// Cue words with a row of their own in the per-cue table; every other cue is "other".
const CUE_CLASSES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "according to",
    "reported",
    "reports",
    "added",
    "wrote",
    "noted",
    "announced",
    "claimed",
    "stated",
    "confirmed",
    "tweeted",
];

fn cue_class(cue: &str) -> String {
    let c = cue
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if CUE_CLASSES.contains(&c.as_str()) {
        return c;
    }
    if !c.chars().any(char::is_alphanumeric) {
        return "punctuation".into();
    }
    // A longer cue is classed by a listed word in it ("has said", "said:", "also told").
    c.split(|ch: char| !ch.is_alphanumeric())
        .find(|w| CUE_CLASSES.contains(w))
        .map_or_else(|| "other".into(), str::to_string)
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "his", "her", "him", "them", "who", "that",
];

/// Why a gold attribution was missed (reader-level view).
fn miss_reason(a: &GoldAttribution) -> &'static str {
    let Some(cue) = a.cue.as_ref() else {
        return "no cue";
    };
    let class = cue_class(&cue.text);
    if class == "other" || class == "punctuation" {
        return "cue not a reporting verb the reader knows";
    }
    let Some(src) = a.source.as_ref().and_then(|s| s.range().map(|r| (s, r))) else {
        return "no source in gold";
    };
    let cue_start = cue.start.unwrap_or(0);
    if src.1 .0 > cue_start {
        return "source after the cue (\"said X\")";
    }
    let lower = src.0.text.trim().to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) {
        return "source is a pronoun";
    }
    "source a noun phrase the reader did not take"
}

/// Everything the report needs.
#[derive(Debug, Default)]
pub struct Summary {
    pub docs: usize,
    pub skipped_records: usize,
    pub gold_attributions: usize,
    pub engine: Scores,
    pub reader: Scores,
    pub engine_predicted: usize,
    pub reader_predicted: usize,
    pub per_cue: LabelScores,
    /// Gold attributions the reader found but the engine did not report (no event there).
    pub reader_only: usize,
    pub miss_reasons: BTreeMap<&'static str, usize>,
    /// Per document: (article id, gold cues, engine cues found, engine cues predicted).
    pub per_doc: Vec<(String, usize, usize, usize)>,
    /// Articles on which the engine panicked (scored with no predictions).
    pub engine_failed: Vec<String>,
}

/// Scores the (de-duplicated) records against engine and reader predictions.
pub fn summarise(
    records: &[&Record],
    engine: &[Vec<Predicted>],
    reader: &[Vec<Predicted>],
) -> Summary {
    let mut s = Summary {
        docs: records.len(),
        ..Default::default()
    };
    for c in CUE_CLASSES {
        s.per_cue.declare(c);
    }
    for ((rec, eng), rdr) in records.iter().zip(engine).zip(reader) {
        let g = gold_sets(rec);
        s.gold_attributions += rec.attributions.len();
        s.engine_predicted += eng.len();
        s.reader_predicted += rdr.len();
        let found = score_doc(&g, eng, &mut s.engine);
        let found_reader = score_doc(&g, rdr, &mut s.reader);
        // Per cue class: gold support and recall from the matching; engine predictions by
        // their own cue text; confusions are misses and unmatched predictions.
        let with_cue: Vec<&GoldAttribution> = rec
            .attributions
            .iter()
            .filter(|a| a.cue.as_ref().and_then(GoldSpan::range).is_some())
            .collect();
        for (a, ok) in with_cue.iter().zip(&found) {
            let class = cue_class(a.cue.as_ref().map(|c| c.text.as_str()).unwrap_or(""));
            let c = s.per_cue.classes.entry(class.clone()).or_default();
            c.gold += 1;
            if *ok {
                c.tp += 1;
            } else {
                *s.per_cue
                    .confusions
                    .entry((class, NONE.to_string()))
                    .or_default() += 1;
            }
        }
        let pcue: Vec<CharSpan> = eng.iter().map(|p| p.cue).collect();
        let matched: BTreeSet<usize> = match_spans(&g.cues, &pcue, false)
            .into_iter()
            .map(|(_, pi)| pi)
            .collect();
        for (pi, p) in eng.iter().enumerate() {
            let class = cue_class(&p.cue_text);
            s.per_cue
                .classes
                .entry(class.clone())
                .or_default()
                .predicted += 1;
            if !matched.contains(&pi) {
                *s.per_cue
                    .confusions
                    .entry((NONE.to_string(), class))
                    .or_default() += 1;
            }
        }
        for (i, a) in with_cue.iter().enumerate() {
            if found[i] {
                continue;
            }
            if found_reader[i] {
                s.reader_only += 1;
            } else {
                *s.miss_reasons.entry(miss_reason(a)).or_default() += 1;
            }
        }
        s.per_doc.push((
            rec.article_id.clone(),
            g.cues.len(),
            found.iter().filter(|x| **x).count(),
            eng.len(),
        ));
    }
    s.per_cue.items = s.gold_attributions;
    s
}

/// Runs `f` on every item on all cores, in order; an item whose run panics gives `None`.
/// The engine promises never to panic on any text; where it does, the document is scored with
/// no predictions and named in the report instead of aborting the whole evaluation. The panic
/// messages are silenced while this runs (they would bury the summary).
fn guarded<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    use rayon::prelude::*;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let out = items
        .par_iter()
        .map(|x| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(x))).ok())
        .collect();
    std::panic::set_hook(hook);
    out
}

/// One record per article: the first annotator's, in file order (PolNeAR annotates a few
/// articles several times to measure agreement; the README says to pick one).
pub fn first_per_article(records: &[Record]) -> Vec<&Record> {
    let mut seen = BTreeSet::new();
    records
        .iter()
        .filter(|r| seen.insert(r.article_id.clone()))
        .collect()
}

fn prf_row(name: &str, p: &Prf) -> String {
    format!(
        "| {name} | {} | {} | {} | {} | {} | {} |\n",
        p.gold,
        p.predicted,
        p.tp,
        pct(p.precision()),
        pct(p.recall()),
        pct(p.f1())
    )
}

const RULES: &str = "Scoring. Each PolNeAR attribution has a source span (absent for \
`Attribution-no-source`), a cue span and a content span; discontinuous spans are scored by \
their whole extent. Articles annotated by several annotators are scored once, with the first \
record in file order. The engine keeps attribution on events only, as one span over the whole \
reporting phrase; the distinct spans over all the document's events are split into a cue and a \
source: \"according to\" is the cue of \"according to X\" (X the source), \"claimed/claims \
responsibility\" the cue after its source, otherwise the last word is the cue and the words \
before it the source (so \"a spokesman said\" gives source \"spokesman\"). Precision, recall and \
F1 are micro-averaged over documents with one-to-one matching: **overlap** (largest overlap \
first) and **exact** (identical code-point spans). **pair**: an engine attribution whose cue \
overlaps a gold cue and whose source overlaps that attribution's source (or neither has one). \
Content spans are not scored: the engine does not mark them. **Recall is bounded by event \
recall**: an attribution in a sentence where the engine codes no event is never reported. The \
**reader** rows run the engine's attribution reader on every sentence (sentence split, tokens, \
actors, stance: the calls the pipeline makes) to show that bound; they are a diagnostic, not \
engine output.";

pub fn report(args: &SetArgs, s: &Summary, secs: f64) -> String {
    let mut m = report_header(
        "Source attribution (PolNeAR)",
        "sitrep eval polnear",
        args,
        RULES,
    );
    m += &format!(
        "## Headline\n\n{} documents ({} records skipped as extra annotators of the same \
         article), {} gold attributions; the engine reported {} distinct attributions on its \
         events, the reader found {} on all sentences. Engine run: {secs:.1} s.\n\n\
         | spans | gold | predicted | correct | precision | recall | F1 |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
        s.docs, s.skipped_records, s.gold_attributions, s.engine_predicted, s.reader_predicted
    );
    if !s.engine_failed.is_empty() {
        m = m.replace(
            "\n\n| spans |",
            &format!(
                "\n\n**The engine panicked on {} of the {} documents** (an engine bug: it \
                 promises never to panic on any text); they are scored with no predictions, \
                 which lowers recall: {}.\n\n| spans |",
                s.engine_failed.len(),
                s.docs,
                s.engine_failed.join(", ")
            ),
        );
    }
    m += &prf_row("**source, overlap**", &s.engine.source);
    m += &prf_row("source, exact", &s.engine.source_exact);
    m += &prf_row("**cue, overlap**", &s.engine.cue);
    m += &prf_row("cue, exact", &s.engine.cue_exact);
    m += &prf_row("pair (cue and source overlap)", &s.engine.pair);
    m += &prf_row("reader: source, overlap", &s.reader.source);
    m += &prf_row("reader: source, exact", &s.reader.source_exact);
    m += &prf_row("reader: cue, overlap", &s.reader.cue);
    m += &prf_row("reader: cue, exact", &s.reader.cue_exact);
    m += &prf_row("reader: pair", &s.reader.pair);
    m += "\n## By cue word (engine, overlap)\n\nGold attributions by their cue (the listed \
          reporting words, a longer cue by a listed word in it, `punctuation` for colon or dash \
          quotes, `other` for every other cue); engine predictions by their own cue word.\n\n";
    m += &s.per_cue.class_table();
    m += "\n";
    m += &s.per_cue.confusion_table(12);
    m += &format!(
        "\n## Why gold attributions were missed\n\nGold attributions with a cue that the \
         engine did not report: {} were found by the reader but lie in sentences without an \
         engine event; the others, by a rough cause read off the gold spans:\n\n\
         | cause | attributions |\n|---|---:|\n| reader found it, no event in the sentence | {} |\n",
        s.reader_only, s.reader_only
    );
    let mut reasons: Vec<(&&str, &usize)> = s.miss_reasons.iter().collect();
    reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (r, n) in reasons {
        m += &format!("| {r} | {n} |\n");
    }
    m += "\n## Per document (error sample)\n\nThe 15 documents with the most gold cues the \
          engine missed: article id, gold cues, found, engine attributions.\n\n\
          | article | gold cues | found | engine attributions |\n|---|---:|---:|---:|\n";
    let mut docs: Vec<&(String, usize, usize, usize)> = s.per_doc.iter().collect();
    docs.sort_by(|a, b| (b.1 - b.2).cmp(&(a.1 - a.2)).then(a.0.cmp(&b.0)));
    for (id, g, f, p) in docs.into_iter().take(15) {
        m += &format!("| {id} | {g} | {f} | {p} |\n");
    }
    m
}

/// `sitrep eval polnear`.
pub fn run(args: SetArgs, data_dir: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let all: Vec<Record> = args.records()?;
    let records = first_per_article(&all);
    let res = crate::pipeline::load_resources(data_dir).context("loading engine resources")?;
    let docs: Vec<_> = records
        .iter()
        .map(|r| gold_document(&r.article_id, &r.text, r.publication_date.as_deref()))
        .collect();
    let started = std::time::Instant::now();
    let opts = ExtractOptions::default();
    let exts = guarded(&docs, |d| sitrep_text::extract(d, &res, &opts));
    let secs = started.elapsed().as_secs_f64();
    let engine: Vec<Vec<Predicted>> = exts
        .iter()
        .map(|e| e.as_ref().map(engine_attributions).unwrap_or_default())
        .collect();
    let reader: Vec<Vec<Predicted>> = guarded(&records, |r| reader_attributions(&r.text, &res))
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let mut s = summarise(&records, &engine, &reader);
    s.skipped_records = all.len() - records.len();
    s.engine_failed = records
        .iter()
        .zip(&exts)
        .filter(|(_, e)| e.is_none())
        .map(|(r, _)| r.article_id.clone())
        .collect();
    let md = report(&args, &s, secs);
    let e = &s.engine;
    let summary = format!(
        "polnear: {} documents, {} gold attributions, {} engine attributions\n\
         source F1 {} % (exact {} %)  cue F1 {} % (exact {} %)  pair F1 {} %\n\
         reader on all sentences: source F1 {} %  cue F1 {} %\n\
         engine panicked on {} documents (scored with no predictions)\n",
        s.docs,
        s.gold_attributions,
        s.engine_predicted,
        pct(e.source.f1()),
        pct(e.source_exact.f1()),
        pct(e.cue.f1()),
        pct(e.cue_exact.f1()),
        pct(e.pair.f1()),
        pct(s.reader.source.f1()),
        pct(s.reader.cue.f1()),
        s.engine_failed.len(),
    );
    let headline = json!({
        "eval": "polnear",
        "docs": s.docs,
        "gold_attributions": s.gold_attributions,
        "engine_attributions": s.engine_predicted,
        "source_f1": r4(e.source.f1()),
        "source_precision": r4(e.source.precision()),
        "source_recall": r4(e.source.recall()),
        "source_exact_f1": r4(e.source_exact.f1()),
        "cue_f1": r4(e.cue.f1()),
        "cue_precision": r4(e.cue.precision()),
        "cue_recall": r4(e.cue.recall()),
        "cue_exact_f1": r4(e.cue_exact.f1()),
        "pair_f1": r4(e.pair.f1()),
        "reader_source_f1": r4(s.reader.source.f1()),
        "reader_cue_f1": r4(s.reader.cue.f1()),
        "engine_failed_docs": s.engine_failed.len(),
    });
    finish(&args.report_path("polnear"), &md, &summary, &headline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cs(text: &str, word: &str) -> CharSpan {
        let b = text.find(word).unwrap();
        let s = text[..b].chars().count();
        (s, s + word.chars().count())
    }

    #[test]
    fn phrases_split_into_cue_and_source() {
        let t = "Yesterday the mayor's aides said no.";
        let s = t.find("the mayor").unwrap();
        let e = t.find(" no").unwrap();
        let (cue, src) = split_phrase(t, Span::new(s, e)).unwrap();
        assert_eq!(cue.slice(t), "said");
        assert_eq!(src.unwrap().slice(t), "the mayor's aides");
        let t = "According to the board, it ended.";
        let (cue, src) = split_phrase(t, Span::new(0, t.find(',').unwrap())).unwrap();
        assert_eq!(
            (cue.slice(t), src.unwrap().slice(t)),
            ("According to", "the board")
        );
        let t = "A cell claimed responsibility.";
        let (cue, src) = split_phrase(t, Span::new(0, t.len() - 1)).unwrap();
        assert_eq!(
            (cue.slice(t), src.unwrap().slice(t)),
            ("claimed responsibility", "A cell")
        );
        // A lone verb has a cue and no source.
        let (cue, src) = split_phrase("said", Span::new(0, 4)).unwrap();
        assert_eq!((cue, src), (Span::new(0, 4), None));
    }

    #[test]
    fn cue_classes_fold_longer_cues_onto_listed_words() {
        assert_eq!(cue_class("has  said"), "said");
        assert_eq!(cue_class("Said:"), "said");
        assert_eq!(cue_class("According to"), "according to");
        assert_eq!(cue_class("\u{2015}"), "punctuation");
        assert_eq!(cue_class("believes"), "other");
    }

    #[test]
    fn matching_is_one_to_one_and_exact_is_strict() {
        let gold = [(0, 10), (20, 30)];
        let pred = [(2, 8), (5, 12), (20, 30)];
        assert_eq!(match_spans(&gold, &pred, false).len(), 2);
        assert_eq!(match_spans(&gold, &pred, true), vec![(1, 2)]);
    }

    #[test]
    fn scores_match_a_hand_count() {
        // Two gold attributions (one without source); the engine finds the first with a
        // shorter source and a spurious third.
        let t = "The city council said roads close. Later, crowds cheered: fine. Nobody said more.";
        let rec = Record {
            article_id: "a".into(),
            text: t.into(),
            attributions: vec![
                GoldAttribution {
                    source: Some(span(t, "The city council")),
                    cue: Some(span(t, "said")),
                },
                GoldAttribution {
                    source: None,
                    cue: Some(span(t, ":")),
                },
            ],
            publication_date: None,
        };
        let pred = vec![
            Predicted {
                cue: cs(t, "said"),
                source: Some(cs(t, "council")),
                cue_text: "said".into(),
            },
            Predicted {
                cue: cs(t, "said more"),
                source: Some(cs(t, "Nobody")),
                cue_text: "said".into(),
            },
        ];
        let recs = vec![&rec];
        let preds = [pred];
        let s = summarise(&recs, &preds, &preds);
        // source: gold 1, predicted 2, overlap tp 1, exact tp 0.
        assert_eq!((s.engine.source.gold, s.engine.source.predicted), (1, 2));
        assert_eq!((s.engine.source.tp, s.engine.source_exact.tp), (1, 0));
        // cue: gold 2, predicted 2, tp 1 (exact too: "said" has the same span).
        assert_eq!(
            (s.engine.cue.tp, s.engine.cue_exact.tp, s.engine.cue.gold),
            (1, 1, 2)
        );
        assert!((s.engine.cue.f1() - 0.5).abs() < 1e-9);
        assert_eq!(s.engine.pair.tp, 1);
        assert_eq!(s.per_cue.classes["punctuation"].gold, 1);
        assert_eq!(s.per_cue.classes["said"].predicted, 2);
        assert_eq!(
            s.miss_reasons["cue not a reporting verb the reader knows"],
            1
        );
    }

    fn span(text: &str, word: &str) -> GoldSpan {
        let (s, e) = cs(text, word);
        GoldSpan {
            start: Some(s),
            end: Some(e),
            text: word.into(),
        }
    }

    #[test]
    fn one_record_per_article() {
        let r = |text: &str, art: &str| Record {
            article_id: art.into(),
            text: text.into(),
            attributions: Vec::new(),
            publication_date: None,
        };
        let all = vec![r("a__1", "a"), r("a__2", "a"), r("b__1", "b")];
        let ids: Vec<&str> = first_per_article(&all)
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(ids, ["a__1", "b__1"]);
    }

    #[test]
    fn a_malformed_gold_line_is_an_error_naming_the_line() {
        let tmp = tempfile::tempdir().unwrap();
        let f = tmp.path().join("p.jsonl");
        std::fs::write(&f, "{\"id\": \"x\", \"article_id\": 3}\n").unwrap();
        let e = super::super::common::read_jsonl::<Record>(&f).unwrap_err();
        assert!(format!("{e:#}").contains("p.jsonl line 1"));
    }
}
