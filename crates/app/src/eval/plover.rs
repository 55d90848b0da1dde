//! `sitrep eval plover`: the full event record against PLOVER gold standard records
//! (`shared/gold/plover_gsr`): one sentence per record with a PLOVER event type (an older PLOVER
//! version, mapped to the codebook by `data/mappings/eval/plover_gsr.tsv`), source and target
//! actors with code-point spans, an event location name and dead/injured/size count strings.
//!
//! Scoring rules (also written into the report):
//! - **Main event.** Each record is one document run through the engine. The main event is the
//!   engine event whose trigger (located in its sentence by word-bounded search of the trigger
//!   text) overlaps a gold `EVT` markup span (earliest such trigger); else the first event in
//!   text order whose status is not `background`; else the first event. The "first event"
//!   variant skips the `EVT` step (no gold help at all).
//! - **Type.** Single label per record: gold type mapped by the table vs the main event's type;
//!   a record without engine events is a miss for its gold class (no false positive).
//! - **Actors.** Gold `source_actors` vs engine actors with role `actor` or `partner` (PLOVER
//!   codes both sides of two-sided violence as source); gold `target_actors` vs role
//!   `recipient`. One-to-one matching on overlapping code-point spans. Gold actors with null
//!   offsets are left out of the gold count; a side whose gold actors are all unplaced is not
//!   scored for that record, and an unmatched engine actor whose text equals or contains an
//!   unplaced gold name (or the reverse) is dropped instead of counted as a false positive.
//!   Scored on the main event (headline) and on the union of all events of the record ("any").
//! - **Spanless engine actors.** The engine keeps an actor the text implies but does not name
//!   (an attack's unidentified attacker or target, the protesters of a protest with no named
//!   crowd; codebook section 3) with no text and no span. Such a prediction makes no claim about
//!   any span of the sentence, so it can neither match nor contradict a gold span: the headline
//!   span F1 (`actor_f1`, `source_f1`, `target_f1`) leaves it out, exactly as it leaves out gold
//!   actors without offsets. The strict variant (`actor_f1_strict`) counts every spanless
//!   prediction as a false positive, for comparison with earlier reports.
//! - **Location.** Over records with a gold location: correct when the main event's location
//!   span overlaps the gold span, or its name or text equals the gold name or text (case
//!   folded).
//! - **Counts.** Gold `dead`/`injured` vs the main event's `killed`/`injured`. A number `n`
//!   matches when the engine's low bound is `n`, or when it has no low bound and its high bound
//!   is `n`. Vague words take the codebook's low bound (dozens 24, scores 40, hundreds 200,
//!   thousands 2000, tens of thousands 20000, hundreds of thousands 200000, several 3, a
//!   handful 3) and match when the engine's low bound equals it; any other word matches any
//!   engine count that is present. Gold `size` on PROTEST records is scored the same way
//!   against `participants`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde::Deserialize;
use serde_json::json;
use sitrep_core::{ActorRole, Count, EventStatus, Extraction};

use super::common::{
    char_index, extract_all, finish, gold_document, pct, r4, ratio, report_header, LabelScores,
    SetArgs, NONE,
};
use super::geo::Prf;

/// The gold-type mapping table, reviewed in git with this file.
const MAPPING_TSV: &str = include_str!("../../../../data/mappings/eval/plover_gsr.tsv");

/// A `[start, end)` range in Unicode code points, as the gold set counts.
type CharSpan = (usize, usize);

// ---------------------------------------------------------------------------------------------
// Gold records

#[derive(Debug, Deserialize)]
pub struct GoldRecord {
    pub id: String,
    pub text: String,
    pub event_type: String,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub source_actors: Vec<GoldActor>,
    #[serde(default)]
    pub target_actors: Vec<GoldActor>,
    #[serde(default)]
    pub location: Option<GoldLocation>,
    #[serde(default)]
    pub dead: Option<serde_json::Value>,
    #[serde(default)]
    pub injured: Option<serde_json::Value>,
    #[serde(default)]
    pub size: Option<serde_json::Value>,
    #[serde(default)]
    pub markup_spans: Vec<MarkupSpan>,
}

#[derive(Debug, Deserialize)]
pub struct GoldActor {
    pub actor_text: String,
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: Option<usize>,
}

impl GoldActor {
    fn span(&self) -> Option<CharSpan> {
        Some((self.start?, self.end?))
    }
}

#[derive(Debug, Deserialize)]
pub struct GoldLocation {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: Option<usize>,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct MarkupSpan {
    pub tag: String,
    pub start: usize,
    pub end: usize,
}

impl GoldRecord {
    fn evt_spans(&self) -> Vec<CharSpan> {
        self.markup_spans
            .iter()
            .filter(|m| m.tag == "EVT")
            .map(|m| (m.start, m.end))
            .collect()
    }
}

/// A gold count string (or number) as text; null and empty strings are absent.
fn count_text(v: &Option<serde_json::Value>) -> Option<String> {
    match v.as_ref()? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Mapping table

/// Gold (type, mode) -> codebook type. `None` mode = the type's `*` row.
#[derive(Debug, Default)]
pub struct TypeMap {
    rows: BTreeMap<(String, Option<String>), String>,
}

impl TypeMap {
    pub fn parse(tsv: &str) -> anyhow::Result<TypeMap> {
        let mut rows = BTreeMap::new();
        let mut header_seen = false;
        for (i, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if !header_seen {
                header_seen = true;
                if cols.first() == Some(&"gold_type") {
                    continue;
                }
            }
            if cols.len() != 3 {
                bail!("plover_gsr.tsv line {}: expected 3 columns", i + 1);
            }
            let ty = sitrep_core::EventType::parse(cols[2]).with_context(|| {
                format!(
                    "plover_gsr.tsv line {}: {} is not a codebook type",
                    i + 1,
                    cols[2]
                )
            })?;
            let mode = (cols[1] != "*").then(|| cols[1].to_ascii_lowercase());
            rows.insert(
                (cols[0].to_ascii_uppercase(), mode),
                ty.as_str().to_string(),
            );
        }
        Ok(TypeMap { rows })
    }

    /// The codebook type of a gold type and mode; an unknown gold type is an error.
    pub fn map(&self, gold_type: &str, mode: Option<&str>) -> anyhow::Result<&str> {
        let t = gold_type.trim().to_ascii_uppercase();
        if let Some(m) = mode.map(|m| m.trim().to_ascii_lowercase()) {
            if let Some(v) = self.rows.get(&(t.clone(), Some(m))) {
                return Ok(v);
            }
        }
        match self.rows.get(&(t, None)) {
            Some(v) => Ok(v),
            None => {
                bail!("gold event type {gold_type} has no row in data/mappings/eval/plover_gsr.tsv")
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What the engine said about one record, in gold coordinates

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

#[derive(Debug, Clone)]
pub struct EngActor {
    pub side: Side,
    pub span: Option<CharSpan>,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct EngLocation {
    pub span: Option<CharSpan>,
    pub name: Option<String>,
    pub text: Option<String>,
}

/// A count as (low, high).
pub type Bounds = (Option<u64>, Option<u64>);

#[derive(Debug, Clone)]
pub struct EngEvent {
    pub event_type: String,
    pub background: bool,
    /// Every word-bounded occurrence of the trigger text in its sentence, in code points.
    pub triggers: Vec<CharSpan>,
    pub actors: Vec<EngActor>,
    pub location: Option<EngLocation>,
    pub killed: Option<Bounds>,
    pub injured: Option<Bounds>,
    pub participants: Option<Bounds>,
}

impl EngEvent {
    fn first_pos(&self) -> usize {
        self.triggers
            .iter()
            .map(|t| t.0)
            .min()
            .unwrap_or(usize::MAX)
    }
}

fn bounds(c: &Option<Count>) -> Option<Bounds> {
    c.as_ref().map(|c| (c.low, c.high))
}

/// Word-bounded occurrences of `needle` in `text[from..to]`, as byte ranges.
fn occurrences(text: &str, needle: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let hay = match text.get(from..to) {
        Some(h) => h,
        None => return out,
    };
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut at = 0;
    while let Some(i) = hay[at..].find(needle) {
        let s = from + at + i;
        let e = s + needle.len();
        if !word(text[..s].chars().next_back()) && !word(text[e..].chars().next()) {
            out.push((s, e));
        }
        at += i + needle.len().max(1);
        while at < hay.len() && !hay.is_char_boundary(at) {
            at += 1;
        }
        if at >= hay.len() {
            break;
        }
    }
    out
}

/// The engine's events of one record, with byte spans turned into gold code points.
pub fn engine_view(x: &Extraction) -> Vec<EngEvent> {
    let text = &x.document.text;
    let idx = char_index(text);
    let ch = |s: usize, e: usize| (idx[s.min(text.len())], idx[e.min(text.len())]);
    x.events
        .iter()
        .map(|ev| {
            let trigger_text = ev.trigger.clone().unwrap_or_default();
            let (from, to) = ev
                .sentence
                .and_then(|i| x.sentences.get(i))
                .map_or((0, text.len()), |s| (s.span.start, s.span.end));
            let mut occ = occurrences(text, &trigger_text, from, to);
            if occ.is_empty() {
                occ = occurrences(text, &trigger_text, 0, text.len());
            }
            let actors = ev
                .actors
                .iter()
                .map(|a| EngActor {
                    side: match a.role {
                        ActorRole::Actor | ActorRole::Partner => Side::Source,
                        ActorRole::Recipient => Side::Target,
                    },
                    span: a.span.map(|s| ch(s.start, s.end)),
                    text: a
                        .text
                        .clone()
                        .or_else(|| a.name.clone())
                        .unwrap_or_default(),
                })
                .collect();
            EngEvent {
                event_type: ev.event_type.as_str().to_string(),
                background: ev.status == EventStatus::Background,
                triggers: occ.into_iter().map(|(s, e)| ch(s, e)).collect(),
                actors,
                location: ev.location.as_ref().map(|l| EngLocation {
                    span: l.span.map(|s| ch(s.start, s.end)),
                    name: l.name.clone(),
                    text: l.text.clone(),
                }),
                killed: bounds(&ev.killed),
                injured: bounds(&ev.injured),
                participants: bounds(&ev.participants),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Scoring

fn overlaps(a: CharSpan, b: CharSpan) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The main event: trigger overlapping a gold EVT span (earliest), else the first
/// non-background event in text order, else the first event.
pub fn main_event(events: &[EngEvent], evt: &[CharSpan]) -> Option<usize> {
    let on_evt = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            e.triggers
                .iter()
                .filter(|t| evt.iter().any(|g| overlaps(**t, *g)))
                .map(|t| t.0)
                .min()
                .map(|p| (p, i))
        })
        .min();
    on_evt.map(|(_, i)| i).or_else(|| first_event(events))
}

/// The first non-background event in text order, else the first event (no gold help).
pub fn first_event(events: &[EngEvent]) -> Option<usize> {
    let pick = |bg_ok: bool| {
        events
            .iter()
            .enumerate()
            .filter(|(_, e)| bg_ok || !e.background)
            .map(|(i, e)| (e.first_pos(), i))
            .min()
            .map(|(_, i)| i)
    };
    pick(false).or_else(|| pick(true))
}

/// Matches one side (source or target) of one record. `None` when the side is not scored
/// (its gold actors all lack offsets). Returns the counts and how many gold actors were left
/// out for lack of offsets.
pub fn match_side(gold: &[GoldActor], engine: &[&EngActor]) -> (Option<Prf>, usize) {
    let placed: Vec<CharSpan> = gold.iter().filter_map(GoldActor::span).collect();
    let unplaced: Vec<String> = gold
        .iter()
        .filter(|g| g.span().is_none())
        .map(|g| g.actor_text.to_lowercase())
        .collect();
    if !gold.is_empty() && placed.is_empty() {
        return (None, unplaced.len());
    }
    // One prediction per distinct span (or text, when there is no span).
    let mut preds: Vec<&EngActor> = Vec::new();
    for a in engine {
        if !preds
            .iter()
            .any(|p| p.span == a.span && (a.span.is_some() || p.text == a.text))
        {
            preds.push(a);
        }
    }
    let mut used = vec![false; preds.len()];
    let mut tp = 0;
    for g in &placed {
        // The unused prediction with the largest overlap.
        let best = preds
            .iter()
            .enumerate()
            .filter(|(i, p)| !used[*i] && p.span.is_some_and(|s| overlaps(s, *g)))
            .max_by_key(|(i, p)| {
                let s = p.span.expect("filtered");
                (s.1.min(g.1) - s.0.max(g.0), usize::MAX - i)
            })
            .map(|(i, _)| i);
        if let Some(i) = best {
            used[i] = true;
            tp += 1;
        }
    }
    let ignored = preds
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            let t = p.text.to_lowercase();
            !used[*i]
                && !t.is_empty()
                && unplaced
                    .iter()
                    .any(|u| !u.is_empty() && (t.contains(u.as_str()) || u.contains(t.as_str())))
        })
        .count();
    (
        Some(Prf {
            tp,
            predicted: preds.len() - ignored,
            gold: placed.len(),
        }),
        unplaced.len(),
    )
}

/// The actors that have a span in the text (the headline leaves spanless ones out; module doc).
fn with_span<'a>(v: &[&'a EngActor]) -> Vec<&'a EngActor> {
    v.iter().copied().filter(|a| a.span.is_some()).collect()
}

/// The actors of one side.
fn on_side<'a>(v: &[&'a EngActor], side: Side) -> Vec<&'a EngActor> {
    v.iter().copied().filter(|a| a.side == side).collect()
}

fn add(a: &mut Prf, b: &Prf) {
    a.tp += b.tp;
    a.predicted += b.predicted;
    a.gold += b.gold;
}

/// Source, target and both, summed over records.
#[derive(Debug, Default, Clone)]
pub struct ActorScores {
    pub source: Prf,
    pub target: Prf,
    pub source_records: usize,
    pub target_records: usize,
}

impl ActorScores {
    fn add(&mut self, side: Side, p: &Prf) {
        match side {
            Side::Source => {
                add(&mut self.source, p);
                self.source_records += 1;
            }
            Side::Target => {
                add(&mut self.target, p);
                self.target_records += 1;
            }
        }
    }
    pub fn combined(&self) -> Prf {
        let mut c = self.source.clone();
        add(&mut c, &self.target);
        c
    }
}

/// Codebook low bound of a vague count word; `None` for words the codebook does not fix.
fn vague_low(word: &str) -> Option<u64> {
    let w = word.trim().to_lowercase();
    Some(match w.as_str() {
        "dozens" => 24,
        "scores" => 40,
        "hundreds" => 200,
        "thousands" => 2000,
        "tens of thousands" => 20_000,
        "hundreds of thousands" => 200_000,
        "several" => 3,
        "a handful" | "handful" => 3,
        _ => return None,
    })
}

/// Whether an engine count matches a gold count string (rules in the module doc).
pub fn count_matches(gold: &str, engine: Option<Bounds>) -> bool {
    let Some((low, high)) = engine else {
        return false;
    };
    let digits: String = gold.chars().filter(|c| *c != ',').collect();
    if let Ok(n) = digits.trim().parse::<u64>() {
        return low == Some(n) || (low.is_none() && high == Some(n));
    }
    match vague_low(gold) {
        Some(v) => low == Some(v),
        None => true,
    }
}

/// A hit counter: matched / scored.
#[derive(Debug, Default, Clone, Copy)]
pub struct Hits {
    pub n: usize,
    pub hit: usize,
}

impl Hits {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.hit += usize::from(ok);
    }
    pub fn value(&self) -> f64 {
        ratio(self.hit, self.n)
    }
    fn cell(&self) -> String {
        format!("{} / {} ({})", self.hit, self.n, pct(self.value()))
    }
}

fn location_matches(gold: &GoldLocation, eng: Option<&EngLocation>) -> bool {
    let Some(e) = eng else { return false };
    let norm = |s: &Option<String>| s.as_ref().map(|x| x.trim().to_lowercase());
    if let (Some(gs), Some(gt), Some(es)) = (gold.start, gold.end, e.span) {
        if overlaps((gs, gt), es) {
            return true;
        }
    }
    let gold_names: Vec<String> = [norm(&gold.name), norm(&gold.text)]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    [norm(&e.name), norm(&e.text)]
        .into_iter()
        .flatten()
        .any(|n| gold_names.contains(&n))
}

/// One scored record, kept for the per-type table and the error sample.
#[derive(Debug, Clone)]
pub struct RecordOutcome {
    pub id: String,
    pub gold_raw: String,
    pub gold: String,
    pub predicted: Option<String>,
    pub engine_types: Vec<String>,
    pub evt_hit: bool,
}

/// Everything the report needs.
#[derive(Debug, Default)]
pub struct PloverScores {
    pub records: usize,
    pub types: LabelScores,
    pub types_first: LabelScores,
    /// Some engine event (any status) has the gold type.
    pub type_any: Hits,
    /// Some engine trigger overlaps a gold EVT span (records with EVT spans).
    pub evt_trigger: Hits,
    pub no_event: usize,
    pub only_background: usize,
    /// Main event, engine actors with a span only (headline).
    pub actors_main: ActorScores,
    pub actors_any: ActorScores,
    /// Main event, spanless engine actors counted as false positives.
    pub actors_main_strict: ActorScores,
    pub unplaced_source: usize,
    pub unplaced_target: usize,
    pub skipped_source_sides: usize,
    pub skipped_target_sides: usize,
    pub location: Hits,
    pub location_any: Hits,
    /// Engine main event has a location although the gold names none.
    pub location_extra: usize,
    pub dead: Hits,
    pub dead_any: Hits,
    pub injured: Hits,
    pub size_protest: Hits,
    pub outcomes: Vec<RecordOutcome>,
}

/// Scores records against the engine's view of each.
pub fn score(items: &[(GoldRecord, Vec<EngEvent>)], map: &TypeMap) -> anyhow::Result<PloverScores> {
    let mut s = PloverScores::default();
    for (g, evs) in items {
        s.records += 1;
        let gold = map
            .map(&g.event_type, g.mode.as_deref())
            .with_context(|| format!("record {}", g.id))?
            .to_string();
        let evt = g.evt_spans();
        let main = main_event(evs, &evt);
        let first = first_event(evs);
        let pred = main.map(|i| evs[i].event_type.clone());
        s.types.add_single(&gold, pred.as_deref());
        s.types_first
            .add_single(&gold, first.map(|i| evs[i].event_type.as_str()));
        s.type_any.add(evs.iter().any(|e| e.event_type == gold));
        let evt_hit = evs.iter().any(|e| {
            e.triggers
                .iter()
                .any(|t| evt.iter().any(|v| overlaps(*t, *v)))
        });
        if !evt.is_empty() {
            s.evt_trigger.add(evt_hit);
        }
        if evs.is_empty() {
            s.no_event += 1;
        } else if evs.iter().all(|e| e.background) {
            s.only_background += 1;
        }
        s.outcomes.push(RecordOutcome {
            id: g.id.clone(),
            gold_raw: match &g.mode {
                Some(m) => format!("{}/{m}", g.event_type),
                None => g.event_type.clone(),
            },
            gold: gold.clone(),
            predicted: pred,
            engine_types: evs.iter().map(|e| e.event_type.clone()).collect(),
            evt_hit,
        });

        // Actors.
        let main_actors: Vec<&EngActor> =
            main.map_or(Vec::new(), |i| evs[i].actors.iter().collect());
        let all_actors: Vec<&EngActor> = evs.iter().flat_map(|e| e.actors.iter()).collect();
        for (side, gold_side) in [
            (Side::Source, &g.source_actors),
            (Side::Target, &g.target_actors),
        ] {
            let main_side = on_side(&main_actors, side);
            let (strict, unplaced) = match_side(gold_side, &main_side);
            let (m, _) = match_side(gold_side, &with_span(&main_side));
            let (a, _) = match_side(gold_side, &with_span(&on_side(&all_actors, side)));
            match side {
                Side::Source => s.unplaced_source += unplaced,
                Side::Target => s.unplaced_target += unplaced,
            }
            match (m, a, strict) {
                (Some(m), Some(a), Some(strict)) => {
                    s.actors_main.add(side, &m);
                    s.actors_any.add(side, &a);
                    s.actors_main_strict.add(side, &strict);
                }
                _ => match side {
                    Side::Source => s.skipped_source_sides += 1,
                    Side::Target => s.skipped_target_sides += 1,
                },
            }
        }

        // Location.
        let main_loc = main.and_then(|i| evs[i].location.as_ref());
        match &g.location {
            Some(gl) => {
                s.location.add(location_matches(gl, main_loc));
                s.location_any.add(
                    evs.iter()
                        .any(|e| location_matches(gl, e.location.as_ref())),
                );
            }
            None => s.location_extra += usize::from(main_loc.is_some()),
        }

        // Counts.
        if let Some(d) = count_text(&g.dead) {
            s.dead
                .add(count_matches(&d, main.and_then(|i| evs[i].killed)));
            s.dead_any
                .add(evs.iter().any(|e| count_matches(&d, e.killed)));
        }
        if let Some(d) = count_text(&g.injured) {
            s.injured
                .add(count_matches(&d, main.and_then(|i| evs[i].injured)));
        }
        if let Some(d) = count_text(&g.size) {
            if g.event_type.eq_ignore_ascii_case("PROTEST") {
                s.size_protest
                    .add(count_matches(&d, main.and_then(|i| evs[i].participants)));
            }
        }
    }
    Ok(s)
}

// ---------------------------------------------------------------------------------------------
// Running and reporting

pub fn run(args: SetArgs, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let map = TypeMap::parse(MAPPING_TSV)?;
    let records: Vec<GoldRecord> = args.records()?;
    let res = crate::pipeline::load_resources(data_dir)?;
    let started = std::time::Instant::now();
    let docs: Vec<_> = records
        .iter()
        .map(|r| gold_document(&r.id, &r.text, None))
        .collect();
    let extractions = extract_all(&docs, &res);
    let secs = started.elapsed().as_secs_f64();
    let items: Vec<(GoldRecord, Vec<EngEvent>)> = records
        .into_iter()
        .zip(extractions.iter().map(engine_view))
        .collect();
    let s = score(&items, &map)?;
    let headline = headline(&s);
    let md = report(&s, &args, secs);
    finish(&args.report_path("plover"), &md, &summary(&s), &headline)
}

fn headline(s: &PloverScores) -> serde_json::Value {
    let am = &s.actors_main;
    let aa = &s.actors_any;
    json!({
        "eval": "plover",
        "records": s.records,
        "type_macro_f1": r4(s.types.macro_f1()),
        "type_weighted_f1": r4(s.types.weighted_f1()),
        "type_accuracy": r4(s.types.accuracy()),
        "type_macro_f1_first": r4(s.types_first.macro_f1()),
        "type_accuracy_first": r4(s.types_first.accuracy()),
        "type_any_event_recall": r4(s.type_any.value()),
        "evt_trigger_recall": r4(s.evt_trigger.value()),
        "no_event_share": r4(ratio(s.no_event, s.records)),
        "actor_f1": r4(am.combined().f1()),
        "actor_precision": r4(am.combined().precision()),
        "actor_recall": r4(am.combined().recall()),
        "actor_f1_strict": r4(s.actors_main_strict.combined().f1()),
        "source_f1_strict": r4(s.actors_main_strict.source.f1()),
        "target_f1_strict": r4(s.actors_main_strict.target.f1()),
        "source_f1": r4(am.source.f1()),
        "target_f1": r4(am.target.f1()),
        "actor_f1_any": r4(aa.combined().f1()),
        "source_f1_any": r4(aa.source.f1()),
        "target_f1_any": r4(aa.target.f1()),
        "actors_unplaced": s.unplaced_source + s.unplaced_target,
        "location_records": s.location.n,
        "location_accuracy": r4(s.location.value()),
        "location_accuracy_any": r4(s.location_any.value()),
        "dead_records": s.dead.n,
        "dead_exact": r4(s.dead.value()),
        "dead_exact_any": r4(s.dead_any.value()),
        "injured_exact": r4(s.injured.value()),
        "size_protest_match": r4(s.size_protest.value()),
    })
}

fn summary(s: &PloverScores) -> String {
    let am = &s.actors_main;
    format!(
        "plover: {} records\n\
         type   macro F1 {}  weighted F1 {}  accuracy {}  no event {}  (first-event variant: \
         macro F1 {}, accuracy {})\n\
         actors F1 {} (source {}, target {}; any event {}; strict {})\n\
         location {}  dead {}  injured {}  protest size {}\n\
         (percentages)\n",
        s.records,
        pct(s.types.macro_f1()),
        pct(s.types.weighted_f1()),
        pct(s.types.accuracy()),
        pct(ratio(s.no_event, s.records)),
        pct(s.types_first.macro_f1()),
        pct(s.types_first.accuracy()),
        pct(am.combined().f1()),
        pct(am.source.f1()),
        pct(am.target.f1()),
        pct(s.actors_any.combined().f1()),
        pct(s.actors_main_strict.combined().f1()),
        s.location.cell(),
        s.dead.cell(),
        s.injured.cell(),
        s.size_protest.cell(),
    )
}

const RULES: &str = "## Scoring rules\n\n\
- Gold types are mapped to the codebook by `data/mappings/eval/plover_gsr.tsv` (its header \
explains each non-obvious row: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT \
-> ASSAULT, COERCE/destroy -> ASSAULT).\n\
- Each record is one document. **Main event**: the engine event whose trigger (the trigger \
text found word-bounded in its sentence) overlaps a gold `EVT` markup span, earliest first; \
else the first event in text order whose status is not `background`; else the first event. \
The *first-event* variant skips the `EVT` step and uses no gold information.\n\
- **Type**: single label per record, gold (mapped) vs main event type. A record without \
engine events counts as a miss of its gold class and as nobody's false positive. Macro F1 \
averages the classes with gold support.\n\
- **Actors**: gold `source_actors` vs engine roles `actor` and `partner`; gold \
`target_actors` vs role `recipient`; one-to-one matching on overlapping code-point spans. \
Gold actors with null offsets are excluded; a side whose gold actors are all unplaced is not \
scored on that record; an unmatched engine actor whose text contains (or is contained in) an \
unplaced gold name is dropped rather than counted wrong. An empty gold side is scored (every \
engine actor there is a false positive). Headline: the main event's actors; *any*: the union \
of all events' actors.\n\
- **Spanless engine actors** (an actor the text implies but does not name, kept without text \
or span as codebook section 3 asks: an attack's unidentified attacker or target, the \
protesters of a protest) are left out of the span F1: a prediction with no span claims no \
span of the sentence, so it can neither match nor contradict a gold span, just as gold actors \
without offsets are left out of the gold count. *Strict* counts each of them as a false \
positive.\n\
- **Location**: records with a gold location; correct when the main event's location span \
overlaps the gold span or its name/text equals the gold name/text (case folded).\n\
- **Counts**: gold `dead`/`injured` vs the main event's `killed`/`injured`. A number n matches \
when the engine's low bound is n (or, without a low bound, its high bound is n). Vague words \
take the codebook's low bound (dozens 24, scores 40, hundreds 200, thousands 2000, tens of \
thousands 20000, hundreds of thousands 200000, several 3, a handful 3) and must equal the \
engine's low bound; other words match any engine count. Gold `size` is scored only on PROTEST \
records, against `participants`.";

/// One row of the by-gold-type table.
#[derive(Default)]
struct RawRow {
    mapped: String,
    support: usize,
    correct: usize,
    no_event: usize,
    evt_hit: usize,
    wrong: BTreeMap<String, usize>,
}

fn actor_rows(label: &str, a: &ActorScores) -> String {
    let row = |side: &str, p: &Prf, n: String| {
        format!(
            "| {label} | {side} | {n} | {} | {} | {} | {} | {} | {} |\n",
            p.gold,
            p.predicted,
            p.tp,
            pct(p.precision()),
            pct(p.recall()),
            pct(p.f1())
        )
    };
    row("source", &a.source, a.source_records.to_string())
        + &row("target", &a.target, a.target_records.to_string())
        + &row(
            "**combined**",
            &a.combined(),
            (a.source_records + a.target_records).to_string(),
        )
}

fn report(s: &PloverScores, args: &SetArgs, secs: f64) -> String {
    let mut md = report_header(
        "PLOVER gold standard records: full event record",
        "sitrep eval plover",
        args,
        RULES,
    );
    let am = &s.actors_main;
    md += &format!(
        "## Headline\n\n\
         {} records, engine time {secs:.1} s (wall clock, varies with machine load).\n\n\
         | measure | value |\n|---|---:|\n\
         | type macro F1 | {} |\n| type weighted F1 | {} |\n| type accuracy | {} |\n\
         | type macro F1, first-event variant | {} |\n| type accuracy, first-event variant | {} |\n\
         | records where some engine event has the gold type | {} |\n\
         | records where some engine trigger overlaps a gold EVT span | {} |\n\
         | records without any engine event | {} ({}) |\n\
         | records with background events only | {} |\n\
         | actor span F1 (main event, source + target) | {} |\n\
         | source F1 / target F1 | {} / {} |\n\
         | actor span F1, strict (spanless actors as false positives) | {} |\n\
         | source F1 / target F1, strict | {} / {} |\n\
         | actor span F1, any event | {} |\n\
         | location accuracy (main event) | {} |\n| location, any event | {} |\n\
         | dead exact (main event) | {} |\n| dead, any event | {} |\n\
         | injured exact | {} |\n| protest size vs participants | {} |\n\n\
         Percentages. Main events carried a location on {} records whose gold has none (not \
         scored: the gold names a location only for some events).\n\n",
        s.records,
        pct(s.types.macro_f1()),
        pct(s.types.weighted_f1()),
        pct(s.types.accuracy()),
        pct(s.types_first.macro_f1()),
        pct(s.types_first.accuracy()),
        s.type_any.cell(),
        s.evt_trigger.cell(),
        s.no_event,
        pct(ratio(s.no_event, s.records)),
        s.only_background,
        pct(am.combined().f1()),
        pct(am.source.f1()),
        pct(am.target.f1()),
        pct(s.actors_main_strict.combined().f1()),
        pct(s.actors_main_strict.source.f1()),
        pct(s.actors_main_strict.target.f1()),
        pct(s.actors_any.combined().f1()),
        s.location.cell(),
        s.location_any.cell(),
        s.dead.cell(),
        s.dead_any.cell(),
        s.injured.cell(),
        s.size_protest.cell(),
        s.location_extra,
    );

    md += "## Event type (main event)\n\n";
    md += &s.types.class_table();
    md += "\n";
    md += &s.types.confusion_table(25);
    md += "\n### By gold type as written (before mapping)\n\n\
           | gold type | mapped | support | correct | no engine event | trigger on EVT | wrong engine types (top 3) |\n\
           |---|---|---:|---:|---:|---:|---|\n";
    let mut by_raw: BTreeMap<String, RawRow> = BTreeMap::new();
    for o in &s.outcomes {
        let raw = o.gold_raw.split('/').next().unwrap_or("").to_string();
        let e = by_raw.entry(raw).or_insert_with(|| RawRow {
            mapped: o.gold.clone(),
            ..Default::default()
        });
        e.support += 1;
        e.no_event += usize::from(o.engine_types.is_empty());
        e.evt_hit += usize::from(o.evt_hit);
        match o.predicted.as_deref() {
            Some(p) if p == o.gold => e.correct += 1,
            Some(p) => *e.wrong.entry(p.to_string()).or_default() += 1,
            None => {}
        }
    }
    let mut rows: Vec<(String, RawRow)> = by_raw.into_iter().collect();
    rows.sort_by(|a, b| b.1.support.cmp(&a.1.support).then(a.0.cmp(&b.0)));
    for (raw, r) in rows {
        let mut wrong: Vec<(&String, &usize)> = r.wrong.iter().collect();
        wrong.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = wrong
            .iter()
            .take(3)
            .map(|(t, c)| format!("{t} ({c})"))
            .collect();
        md += &format!(
            "| {raw} | {} | {} | {} | {} | {} | {} |\n",
            r.mapped,
            r.support,
            r.correct,
            r.no_event,
            r.evt_hit,
            top.join(", ")
        );
    }

    md += &format!(
        "\n## Actors\n\n\
         Gold actors without offsets, excluded: {} source, {} target. Sides not scored because \
         all their gold actors lack offsets: {} source, {} target.\n\n\
         | events | side | records | gold | predicted | matched | precision | recall | F1 |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---:|\n",
        s.unplaced_source, s.unplaced_target, s.skipped_source_sides, s.skipped_target_sides
    );
    md += &actor_rows("main", &s.actors_main);
    md += &actor_rows("any", &s.actors_any);
    md += &actor_rows("main, strict", &s.actors_main_strict);

    md += "\n## Error sample\n\n\
           Records whose main-event type differs from the gold, grouped by gold type (ids only; \
           `-` = no engine event). `trigger on EVT` tells whether any engine trigger overlapped \
           a gold EVT span.\n\n\
           | id | gold (as written) | gold (mapped) | engine main | all engine types | trigger on EVT |\n\
           |---|---|---|---|---|---|\n";
    let mut errs: Vec<&RecordOutcome> = s
        .outcomes
        .iter()
        .filter(|o| o.predicted.as_deref() != Some(o.gold.as_str()))
        .collect();
    errs.sort_by(|a, b| a.gold.cmp(&b.gold).then(a.id.cmp(&b.id)));
    // At most five per gold class keeps the sample short but covers every class.
    let mut per: BTreeMap<&str, usize> = BTreeMap::new();
    let mut shown = 0;
    for o in &errs {
        let c = per.entry(o.gold.as_str()).or_default();
        if *c >= 5 {
            continue;
        }
        *c += 1;
        shown += 1;
        let types: BTreeSet<&str> = o.engine_types.iter().map(String::as_str).collect();
        md += &format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            o.id,
            o.gold_raw,
            o.gold,
            o.predicted.as_deref().unwrap_or(NONE),
            if types.is_empty() {
                NONE.to_string()
            } else {
                types.into_iter().collect::<Vec<_>>().join(", ")
            },
            if o.evt_hit { "yes" } else { "no" }
        );
    }
    md += &format!(
        "\n{shown} of {} type errors shown (at most five per gold class).\n",
        errs.len()
    );
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(t: &str, span: Option<CharSpan>) -> GoldActor {
        GoldActor {
            actor_text: t.into(),
            start: span.map(|s| s.0),
            end: span.map(|s| s.1),
        }
    }

    fn eng_actor(side: Side, span: CharSpan, t: &str) -> EngActor {
        EngActor {
            side,
            span: Some(span),
            text: t.into(),
        }
    }

    fn event(ty: &str, trig: CharSpan, bg: bool) -> EngEvent {
        EngEvent {
            event_type: ty.into(),
            background: bg,
            triggers: vec![trig],
            actors: Vec::new(),
            location: None,
            killed: None,
            injured: None,
            participants: None,
        }
    }

    fn record(id: &str, ty: &str, mode: Option<&str>, evt: &[CharSpan]) -> GoldRecord {
        GoldRecord {
            id: id.into(),
            text: String::new(),
            event_type: ty.into(),
            mode: mode.map(str::to_string),
            source_actors: Vec::new(),
            target_actors: Vec::new(),
            location: None,
            dead: None,
            injured: None,
            size: None,
            markup_spans: evt
                .iter()
                .map(|s| MarkupSpan {
                    tag: "EVT".into(),
                    start: s.0,
                    end: s.1,
                })
                .collect(),
        }
    }

    #[test]
    fn the_mapping_table_loads_and_mode_rows_win() {
        let m = TypeMap::parse(MAPPING_TSV).unwrap();
        assert_eq!(m.map("DEMAND", None).unwrap(), "REQUEST");
        assert_eq!(m.map("DISAPPROVE", None).unwrap(), "ACCUSE");
        assert_eq!(m.map("INVESTIGATE", None).unwrap(), "ACCUSE");
        assert_eq!(m.map("FIGHT", Some("heavy-weapons")).unwrap(), "ASSAULT");
        assert_eq!(m.map("COERCE", Some("destroy")).unwrap(), "ASSAULT");
        assert_eq!(m.map("COERCE", Some("arrest")).unwrap(), "COERCE");
        assert_eq!(m.map("protest", None).unwrap(), "PROTEST");
        let e = m.map("CRIME", None).unwrap_err().to_string();
        assert!(e.contains("CRIME"), "{e}");
        assert!(TypeMap::parse("gold_type\tgold_mode\ttype\nX\t*\tNOPE\n").is_err());
    }

    #[test]
    fn main_event_prefers_the_evt_trigger_then_the_first_current_event() {
        let evs = vec![
            event("ACCUSE", (30, 36), false),
            event("ASSAULT", (10, 16), true),
            event("PROTEST", (20, 25), false),
        ];
        // The EVT span covers the accusation's trigger.
        assert_eq!(main_event(&evs, &[(29, 40)]), Some(0));
        // No overlap: first non-background event in text order is PROTEST at 20.
        assert_eq!(main_event(&evs, &[(50, 55)]), Some(2));
        assert_eq!(first_event(&evs), Some(2));
        // Only background events: the first one still counts.
        assert_eq!(first_event(&evs[1..2]), Some(0));
        assert_eq!(main_event(&[], &[(0, 3)]), None);
    }

    #[test]
    fn actor_sides_match_one_to_one_and_skip_unplaced_names() {
        // Two gold sources, one engine span covering both: one match, one miss.
        let gold = vec![
            actor("Ruritania", Some((0, 9))),
            actor("Freedonia", Some((14, 23))),
        ];
        let a = eng_actor(Side::Source, (0, 23), "Ruritania and Freedonia");
        let (p, unplaced) = match_side(&gold, &[&a]);
        let p = p.unwrap();
        assert_eq!((p.tp, p.predicted, p.gold, unplaced), (1, 1, 2, 0));
        // All gold unplaced: side not scored.
        let only_unplaced = vec![actor("the envoys", None)];
        assert!(match_side(&only_unplaced, &[&a]).0.is_none());
        // An unmatched engine actor naming an unplaced gold actor is not a false positive.
        let mixed = vec![actor("Ruritania", Some((0, 9))), actor("envoys", None)];
        let b = eng_actor(Side::Source, (30, 40), "the envoys");
        let (p, unplaced) = match_side(&mixed, &[&a, &b]);
        let p = p.unwrap();
        assert_eq!((p.tp, p.predicted, p.gold, unplaced), (1, 1, 1, 1));
        // Empty gold side: every engine actor is a false positive.
        let (p, _) = match_side(&[], &[&b]);
        assert_eq!(p.unwrap().predicted, 1);
    }

    #[test]
    fn spanless_engine_actors_count_only_in_the_strict_actor_score() {
        let map = TypeMap::parse(MAPPING_TSV).unwrap();
        // Gold: a source with a span, no target. Engine: the source matched, plus an
        // unidentified (spanless) attacker and an unidentified target.
        let mut r = record("r", "ASSAULT", None, &[(10, 16)]);
        r.source_actors = vec![actor("Ruritania", Some((0, 9)))];
        let mut e = event("ASSAULT", (10, 16), false);
        let spanless = |side| EngActor {
            side,
            span: None,
            text: String::new(),
        };
        e.actors = vec![
            eng_actor(Side::Source, (0, 9), "Ruritania"),
            spanless(Side::Source),
            spanless(Side::Target),
        ];
        let s = score(&[(r, vec![e])], &map).unwrap();
        let (head, strict) = (s.actors_main.combined(), s.actors_main_strict.combined());
        assert_eq!((head.tp, head.predicted, head.gold), (1, 1, 1));
        assert_eq!((strict.tp, strict.predicted, strict.gold), (1, 3, 1));
        assert_eq!(s.actors_any.combined().predicted, 1);
        let h = headline(&s);
        assert_eq!(h["actor_f1"], 1.0);
        assert_eq!(h["actor_f1_strict"], 0.5);
        // A spanned prediction on an empty gold side stays a false positive in both.
        let mut r2 = record("r2", "ASSAULT", None, &[(10, 16)]);
        r2.source_actors = vec![actor("Ruritania", Some((0, 9)))];
        let mut e2 = event("ASSAULT", (10, 16), false);
        e2.actors = vec![eng_actor(Side::Target, (20, 29), "Freedonia")];
        let s2 = score(&[(r2, vec![e2])], &map).unwrap();
        assert_eq!(s2.actors_main.target.predicted, 1);
        assert_eq!(s2.actors_main_strict.target.predicted, 1);
    }

    #[test]
    fn counts_follow_the_documented_rule() {
        assert!(count_matches("12", Some((Some(12), Some(12)))));
        assert!(count_matches("12", Some((Some(12), None))));
        assert!(count_matches("40", Some((None, Some(40)))));
        assert!(!count_matches("12", Some((Some(11), None))));
        assert!(!count_matches("12", None));
        assert!(count_matches("1,000", Some((Some(1000), None))));
        assert!(count_matches("Thousands", Some((Some(2000), None))));
        assert!(!count_matches("scores", Some((Some(24), None))));
        assert!(count_matches("a crowd", Some((Some(7), None))));
    }

    #[test]
    fn scores_of_two_hand_made_records() {
        let map = TypeMap::parse(MAPPING_TSV).unwrap();
        // Record 1: gold DEMAND (-> REQUEST), engine REQUEST on the EVT span plus an ACCUSE
        // elsewhere; source actor matched, target missed; dead 5 matched.
        let mut r1 = record("r1", "DEMAND", None, &[(10, 16)]);
        r1.source_actors = vec![actor("Ruritania", Some((0, 9)))];
        r1.target_actors = vec![actor("Freedonia", Some((20, 29)))];
        r1.dead = Some(json!("5"));
        r1.location = Some(GoldLocation {
            name: Some("Capital City".into()),
            start: None,
            end: None,
            text: None,
        });
        let mut e1 = event("REQUEST", (10, 16), false);
        e1.actors = vec![eng_actor(Side::Source, (0, 9), "Ruritania")];
        e1.killed = Some((Some(5), Some(5)));
        e1.location = Some(EngLocation {
            span: Some((40, 52)),
            name: Some("capital city".into()),
            text: None,
        });
        let mut e1b = event("ACCUSE", (0, 3), false);
        e1b.actors = vec![eng_actor(Side::Target, (20, 29), "Freedonia")];
        // Record 2: gold FIGHT (-> ASSAULT), no engine event.
        let mut r2 = record("r2", "FIGHT", Some("firearms"), &[(5, 8)]);
        r2.source_actors = vec![actor("rebels", Some((0, 6)))];
        let items = vec![(r1, vec![e1, e1b]), (r2, Vec::new())];
        let s = score(&items, &map).unwrap();
        assert_eq!(s.records, 2);
        assert_eq!(s.types.accuracy(), 0.5);
        // REQUEST: P 1 R 1 F1 1; ASSAULT: F1 0 -> macro 0.5.
        assert!((s.types.macro_f1() - 0.5).abs() < 1e-9);
        // First-event variant picks the ACCUSE at 0 for record 1.
        assert_eq!(s.types_first.accuracy(), 0.0);
        assert_eq!(s.no_event, 1);
        // Main: source tp 1 of gold 2 (r1 + r2), predicted 1; target tp 0, gold 1, predicted 0.
        let am = &s.actors_main;
        assert_eq!(
            (am.source.tp, am.source.predicted, am.source.gold),
            (1, 1, 2)
        );
        assert_eq!(
            (am.target.tp, am.target.predicted, am.target.gold),
            (0, 0, 1)
        );
        // Combined: tp 1, predicted 1, gold 3 -> P 1, R 1/3, F1 0.5.
        assert!((am.combined().f1() - 0.5).abs() < 1e-9);
        // Any event: the ACCUSE's recipient matches the gold target.
        assert_eq!(s.actors_any.target.tp, 1);
        assert_eq!((s.location.hit, s.location.n), (1, 1));
        assert_eq!((s.dead.hit, s.dead.n), (1, 1));
        let h = headline(&s);
        assert_eq!(h["eval"], "plover");
        assert_eq!(h["type_accuracy"], 0.5);
        assert_eq!(h["no_event_share"], 0.5);
    }

    #[test]
    fn trigger_search_is_word_bounded_and_counts_code_points() {
        let t = "Café idea: a deal, the deal.";
        let occ = occurrences(t, "deal", 0, t.len());
        assert_eq!(occ.len(), 2);
        let idx = char_index(t);
        // "deal" after "a " starts at code point 13 (é is one code point, two bytes).
        assert_eq!(idx[occ[0].0], 13);
    }

    #[test]
    fn a_malformed_gold_line_is_an_error_naming_the_line() {
        let tmp = tempfile::tempdir().unwrap();
        let f = tmp.path().join("g.jsonl");
        std::fs::write(
            &f,
            "{\"id\":\"a\",\"text\":\"t\",\"event_type\":\"AGREE\"}\n{\"id\":\"b\",\"text\":\"t\"}\n",
        )
        .unwrap();
        let e = super::super::common::read_jsonl::<GoldRecord>(&f).unwrap_err();
        assert!(format!("{e:#}").contains("g.jsonl line 2"), "{e:#}");
    }
}
