//! `sitrep eval muc4|rams|wikievents`: argument-role scores (perpetrator, victim, target,
//! place) on three public event-argument sets.
//!
//! Each set's labels are mapped to the codebook by a reviewed table in
//! `data/mappings/eval/<set>.tsv` (compiled in). Classes and the engine field they come from:
//! `perpetrator` = actors with role `actor` or `partner`; `victim` and `target` = actors with
//! role `recipient`; `place` = the event location. Engine actors without a span (unidentified
//! actors) cannot be matched to text and are not predictions.
//!
//! - **MUC-4** (GRIT template per document, string fills): predictions are the engine actors of
//!   the in-scope engine types anywhere in the document, de-duplicated by text; a prediction
//!   matches a filler when one of its spans overlaps a whole-word, case-insensitive occurrence
//!   of any of the filler's mention strings; one-to-one maximum matching per document.
//! - **RAMS, WikiEvents** (spans): for each gold event of a mapped type, the engine events of
//!   the same codebook type in the sentence holding the gold trigger are aligned to it; their
//!   spans are matched one-to-one to the gold argument spans by overlap (code points).
//!
//! Gold offsets are code points; engine spans are UTF-8 bytes and are converted with
//! [`char_index`] before any comparison.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use serde::Deserialize;
use serde_json::json;
use sitrep_core::{ActorRole, Document, EventType, Extraction};
use sitrep_text::Resources;

use super::common::{
    char_index, extract_all, finish, gold_document, pct, r4, report_header, LabelScores, SetArgs,
    NONE,
};
use super::geo::Prf;

/// A `[start, end)` range in code points.
type CharSpan = (usize, usize);

const MUC4_TABLE: &str = include_str!("../../../../data/mappings/eval/muc4.tsv");
const RAMS_TABLE: &str = include_str!("../../../../data/mappings/eval/rams.tsv");
const WIKIEVENTS_TABLE: &str = include_str!("../../../../data/mappings/eval/wikievents.tsv");

/// Confusion label of a gold argument whose event the engine did not find at all.
const NO_EVENT: &str = "(no event)";

/// How many error-sample rows each report lists.
const SAMPLE: usize = 25;

// ---------------------------------------------------------------------------------------
// Classes and the mapping table
// ---------------------------------------------------------------------------------------

/// The argument classes scored, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    Perpetrator,
    Victim,
    Target,
    Place,
}

impl Class {
    pub const ALL: [Class; 4] = [
        Class::Perpetrator,
        Class::Victim,
        Class::Target,
        Class::Place,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Class::Perpetrator => "perpetrator",
            Class::Victim => "victim",
            Class::Target => "target",
            Class::Place => "place",
        }
    }

    fn parse(s: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One gold event type's mapping: the codebook type it is scored as, and the class engine
/// recipients are predictions of (`None`: the gold type has no recipient-like role, so engine
/// recipients are not scored for it).
#[derive(Debug, Clone, PartialEq)]
pub struct TypeMap {
    pub ours: EventType,
    pub recipient: Option<Class>,
}

/// A parsed `data/mappings/eval/<set>.tsv`.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Gold type (lower case; a trailing `*` makes it a prefix) -> mapping; `None` = explicitly
    /// skipped.
    types: Vec<(String, Option<TypeMap>)>,
    /// Gold role (lower case) -> class; `None` = explicitly not scored.
    roles: BTreeMap<String, Option<Class>>,
    /// MUC-4: engine event types in scope, with the class an unmatched recipient is charged to.
    engine: Vec<(EventType, Class)>,
}

/// `"-"` means "not scored".
fn dash_or<T>(s: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Option<T>, ()> {
    if s == "-" {
        Ok(None)
    } else {
        parse(s).map(Some).ok_or(())
    }
}

impl Mapping {
    /// Parses a table: `#` comments, blank lines, and tab-separated rows
    /// `type <gold type> <PLOVER type|-> <recipient class|->`, `role <gold role> <class|->`,
    /// `engine <PLOVER type> <class of unmatched recipients>`.
    pub fn parse(name: &str, raw: &str) -> anyhow::Result<Mapping> {
        let mut m = Mapping::default();
        for (i, line) in raw.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let bad = || anyhow::anyhow!("{name} line {}: bad mapping row {line:?}", i + 1);
            match cols.as_slice() {
                ["type", gold, ours, rec] => {
                    let ours = dash_or(ours, EventType::parse).map_err(|_| bad())?;
                    let rec = dash_or(rec, Class::parse).map_err(|_| bad())?;
                    let entry = ours.map(|ours| TypeMap {
                        ours,
                        recipient: rec,
                    });
                    m.types.push((gold.to_lowercase(), entry));
                }
                ["role", gold, class] => {
                    let c = dash_or(class, Class::parse).map_err(|_| bad())?;
                    if m.roles.insert(gold.to_lowercase(), c).is_some() {
                        bail!("{name} line {}: role {gold} mapped twice", i + 1);
                    }
                }
                ["engine", ours, class] => {
                    let t = EventType::parse(ours).ok_or_else(bad)?;
                    let c = Class::parse(class).ok_or_else(bad)?;
                    m.engine.push((t, c));
                }
                _ => return Err(bad()),
            }
        }
        Ok(m)
    }

    /// The mapping of a gold event type: an exact row wins, then the longest prefix row.
    /// `None` when the type is skipped (explicitly or by having no row).
    pub fn type_of(&self, gold: &str) -> Option<&TypeMap> {
        let g = gold.to_lowercase();
        if let Some((_, t)) = self.types.iter().find(|(p, _)| *p == g) {
            return t.as_ref();
        }
        self.types
            .iter()
            .filter(|(p, _)| p.ends_with('*') && g.starts_with(&p[..p.len() - 1]))
            .max_by_key(|(p, _)| p.len())
            .and_then(|(_, t)| t.as_ref())
    }

    /// The class of a gold role: `Ok(None)` when the table says not scored, `Err` when the
    /// table has no row for it (reported, never silently dropped).
    pub fn role(&self, gold: &str) -> Result<Option<Class>, ()> {
        self.roles.get(&gold.to_lowercase()).copied().ok_or(())
    }
}

// ---------------------------------------------------------------------------------------
// The engine's output, reduced to what these scorers look at
// ---------------------------------------------------------------------------------------

/// One engine argument: its span in code points and its text (lower-cased, whitespace
/// collapsed: the MUC-4 de-duplication key).
#[derive(Debug, Clone, PartialEq)]
pub struct EngineArg {
    pub span: CharSpan,
    pub key: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EngineEvent {
    pub ty: EventType,
    /// Every sentence the event was coded from: the engine merges mentions of one event
    /// across sentences and keeps each mention's sentence as `trigger` evidence.
    pub sentences: Vec<usize>,
    /// Actors with role `actor` or `partner`.
    pub actors: Vec<EngineArg>,
    pub recipients: Vec<EngineArg>,
    pub places: Vec<EngineArg>,
    /// Actors the engine kept without a text span (unidentified); not matchable.
    pub spanless: usize,
}

/// A document's engine output in code points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EngineView {
    pub sentences: Vec<CharSpan>,
    pub events: Vec<EngineEvent>,
}

fn norm_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl EngineView {
    pub fn from_extraction(x: &Extraction) -> EngineView {
        let text = &x.document.text;
        let idx = char_index(text);
        let conv =
            |s: sitrep_core::Span| (idx[s.start.min(text.len())], idx[s.end.min(text.len())]);
        let arg = |span: sitrep_core::Span, t: Option<&String>| EngineArg {
            span: conv(span),
            key: norm_key(
                t.map(String::as_str)
                    .or_else(|| text.get(span.start..span.end))
                    .unwrap_or(""),
            ),
        };
        let events = x
            .events
            .iter()
            .map(|e| {
                let mut sentences: Vec<usize> = e.sentence.into_iter().collect();
                for v in &e.evidence {
                    if v.field.as_deref().is_none_or(|f| f == "trigger") {
                        sentences.extend(x.sentences.iter().enumerate().filter_map(|(i, s)| {
                            (s.span.start >= v.span.start
                                && s.span.start < v.span.end.max(v.span.start + 1))
                            .then_some(i)
                        }));
                    }
                }
                sentences.sort_unstable();
                sentences.dedup();
                let mut ev = EngineEvent {
                    ty: e.event_type,
                    sentences,
                    actors: Vec::new(),
                    recipients: Vec::new(),
                    places: Vec::new(),
                    spanless: 0,
                };
                for a in &e.actors {
                    let Some(span) = a.span else {
                        ev.spanless += 1;
                        continue;
                    };
                    let target = match a.role {
                        ActorRole::Actor | ActorRole::Partner => &mut ev.actors,
                        ActorRole::Recipient => &mut ev.recipients,
                    };
                    target.push(arg(span, a.text.as_ref()));
                }
                if let Some(span) = e.location.as_ref().and_then(|l| l.span) {
                    ev.places
                        .push(arg(span, e.location.as_ref().and_then(|l| l.text.as_ref())));
                }
                ev
            })
            .collect();
        EngineView {
            sentences: x.sentences.iter().map(|s| conv(s.span)).collect(),
            events,
        }
    }

    /// Index of the sentence holding code point `at` (the last sentence starting at or
    /// before it, so a point in the gap between two sentences belongs to the first).
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        self.sentences.iter().rposition(|s| s.0 <= at)
    }
}

// ---------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------

fn overlaps(a: CharSpan, b: CharSpan) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Maximum one-to-one matching between `n_gold` gold items and `n_pred` predictions where
/// `edge(g, p)` allows a pair (augmenting paths, gold and predictions tried in index order so
/// the result is deterministic). Returns the prediction matched to each gold item.
pub fn max_matching(
    n_gold: usize,
    n_pred: usize,
    edge: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    let adj: Vec<Vec<usize>> = (0..n_gold)
        .map(|g| (0..n_pred).filter(|&p| edge(g, p)).collect())
        .collect();
    let mut pred_of: Vec<Option<usize>> = vec![None; n_pred];
    fn augment(
        g: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        pred_of: &mut [Option<usize>],
    ) -> bool {
        for &p in &adj[g] {
            if seen[p] {
                continue;
            }
            seen[p] = true;
            if pred_of[p].is_none_or(|h| augment(h, adj, seen, pred_of)) {
                pred_of[p] = Some(g);
                return true;
            }
        }
        false
    }
    for g in 0..n_gold {
        let mut seen = vec![false; n_pred];
        augment(g, &adj, &mut seen, &mut pred_of);
    }
    let mut out = vec![None; n_gold];
    for (p, g) in pred_of.iter().enumerate() {
        if let Some(g) = g {
            out[*g] = Some(p);
        }
    }
    out
}

/// Per-class counts plus confusions, accumulated over items.
#[derive(Debug, Clone, Default)]
pub struct ArgScores {
    pub classes: BTreeMap<Class, Prf>,
    /// (gold class or "-", engine class or "-" / "(no event)") -> count.
    pub confusions: BTreeMap<(String, String), usize>,
    pub items: usize,
    pub correct_items: usize,
}

impl ArgScores {
    fn new(classes: &[Class]) -> ArgScores {
        ArgScores {
            classes: classes.iter().map(|c| (*c, Prf::default())).collect(),
            ..Default::default()
        }
    }
    fn confuse(&mut self, gold: &str, pred: &str) {
        *self
            .confusions
            .entry((gold.to_string(), pred.to_string()))
            .or_default() += 1;
    }
    pub fn f1(&self, c: Class) -> f64 {
        self.classes.get(&c).map_or(0.0, Prf::f1)
    }
    pub fn micro(&self) -> Prf {
        self.classes.values().fold(Prf::default(), |a, c| Prf {
            tp: a.tp + c.tp,
            predicted: a.predicted + c.predicted,
            gold: a.gold + c.gold,
        })
    }
    /// As the shared [`LabelScores`], for its class and confusion tables.
    pub fn labels(&self) -> LabelScores {
        LabelScores {
            classes: self
                .classes
                .iter()
                .map(|(c, p)| (c.as_str().to_string(), p.clone()))
                .collect(),
            confusions: self.confusions.clone(),
            items: self.items,
            correct_items: self.correct_items,
        }
    }
}

// ---------------------------------------------------------------------------------------
// MUC-4
// ---------------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
struct MucDoc {
    id: String,
    text: String,
    roles: BTreeMap<String, Vec<MucFiller>>,
}

#[derive(Debug, Deserialize)]
struct MucFiller {
    mentions: Vec<MucMention>,
}

#[derive(Debug, Deserialize)]
struct MucMention {
    mention: String,
}

/// Alphanumeric tokens of `s`, lower-cased, with their code-point spans.
fn tokens(s: &str) -> Vec<(String, CharSpan)> {
    let mut out = Vec::new();
    let mut cur: Option<(String, usize)> = None;
    for (i, c) in s.chars().enumerate() {
        if c.is_alphanumeric() {
            match &mut cur {
                Some((t, _)) => t.extend(c.to_lowercase()),
                None => cur = Some((c.to_lowercase().collect(), i)),
            }
        } else if let Some((t, start)) = cur.take() {
            out.push((t, (start, i)));
        }
    }
    if let Some((t, start)) = cur {
        out.push((t, (start, s.chars().count())));
    }
    out
}

/// Every occurrence of `needle` in a tokenised text: a run of consecutive text tokens equal
/// to the needle's tokens (so case, punctuation, brackets and line breaks are ignored and the
/// match is whole words). Spans in code points.
fn occurrences(text_tokens: &[(String, CharSpan)], needle: &str) -> Vec<CharSpan> {
    let n: Vec<String> = tokens(needle).into_iter().map(|t| t.0).collect();
    if n.is_empty() || n.len() > text_tokens.len() {
        return Vec::new();
    }
    text_tokens
        .windows(n.len())
        .filter(|w| w.iter().zip(&n).all(|(a, b)| a.0 == *b))
        .map(|w| (w[0].1 .0, w[n.len() - 1].1 .1))
        .collect()
}

/// A gold filler: its class, the gold role it came from, and where any of its mention
/// strings occurs in the document.
#[derive(Debug, Clone)]
struct Filler {
    class: Class,
    role: String,
    places: Vec<CharSpan>,
}

/// A de-duplicated engine prediction: every span its text was found at.
#[derive(Debug, Clone)]
struct Pred {
    spans: Vec<CharSpan>,
}

fn dedupe(args: impl Iterator<Item = EngineArg>) -> Vec<Pred> {
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut out: Vec<Pred> = Vec::new();
    for a in args {
        match by_key.get(&a.key) {
            Some(&i) => {
                if !out[i].spans.contains(&a.span) {
                    out[i].spans.push(a.span);
                }
            }
            None => {
                by_key.insert(a.key, out.len());
                out.push(Pred {
                    spans: vec![a.span],
                });
            }
        }
    }
    out
}

fn pred_matches(p: &Pred, f: &Filler) -> bool {
    p.spans
        .iter()
        .any(|s| f.places.iter().any(|o| overlaps(*s, *o)))
}

/// Gold fillers and the predictions matched against them together, each prediction with the
/// class it counts for when unmatched.
type MatchGroup<'a> = (Vec<&'a Filler>, Vec<(&'a Pred, Class)>);

/// What one MUC-4 document contributed, for the error sample.
#[derive(Debug, Clone, Default)]
struct MucDocResult {
    id: String,
    /// Per class: (gold fillers, predictions, matched).
    counts: BTreeMap<Class, (usize, usize, usize)>,
    engine_events: usize,
}

/// Per-gold-role recall (matched fillers / fillers).
type RoleRecall = BTreeMap<String, (usize, usize)>;

/// Scores one MUC-4 document. `fillers` carry their occurrences in `text`; `view` is the
/// engine output on the same text (or a case variant of it: offsets are equal).
fn score_muc_doc(
    map: &Mapping,
    fillers: &[Filler],
    view: &EngineView,
    scores: &mut ArgScores,
    role_recall: &mut RoleRecall,
) -> BTreeMap<Class, (usize, usize, usize)> {
    let in_scope: Vec<&EngineEvent> = view
        .events
        .iter()
        .filter(|e| map.engine.iter().any(|(t, _)| *t == e.ty))
        .collect();
    let unmatched_recipient = |ty: EventType| {
        map.engine
            .iter()
            .find(|(t, _)| *t == ty)
            .map_or(Class::Victim, |(_, c)| *c)
    };
    let no_event = in_scope.is_empty();
    let mut counts: BTreeMap<Class, (usize, usize, usize)> = BTreeMap::new();
    for f in fillers {
        counts.entry(f.class).or_default().0 += 1;
    }

    // Actors against perpetrator fillers; recipients against victim and target together.
    let actor_preds = dedupe(in_scope.iter().flat_map(|e| e.actors.iter().cloned()));
    // Recipients keep the type of their (first) event for the unmatched-charge rule.
    let mut rec_preds: Vec<(Pred, Class)> = Vec::new();
    {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for e in &in_scope {
            for a in &e.recipients {
                match seen.get(&a.key) {
                    Some(&i) => {
                        if !rec_preds[i].0.spans.contains(&a.span) {
                            rec_preds[i].0.spans.push(a.span);
                        }
                    }
                    None => {
                        seen.insert(a.key.clone(), rec_preds.len());
                        rec_preds.push((
                            Pred {
                                spans: vec![a.span],
                            },
                            unmatched_recipient(e.ty),
                        ));
                    }
                }
            }
        }
    }
    let groups: [MatchGroup; 2] = [
        (
            fillers
                .iter()
                .filter(|f| f.class == Class::Perpetrator)
                .collect(),
            actor_preds
                .iter()
                .map(|p| (p, Class::Perpetrator))
                .collect(),
        ),
        (
            fillers
                .iter()
                .filter(|f| f.class != Class::Perpetrator)
                .collect(),
            rec_preds.iter().map(|(p, c)| (p, *c)).collect(),
        ),
    ];
    let all_preds: Vec<(&Pred, Class)> = groups.iter().flat_map(|g| g.1.clone()).collect();
    for (gold, preds) in &groups {
        let m = max_matching(gold.len(), preds.len(), |g, p| {
            pred_matches(preds[p].0, gold[g])
        });
        let mut pred_class: Vec<Class> = preds.iter().map(|p| p.1).collect();
        let mut matched_pred = vec![false; preds.len()];
        for (gi, mp) in m.iter().enumerate() {
            let f = gold[gi];
            let rr = role_recall.entry(f.role.clone()).or_default();
            rr.1 += 1;
            match mp {
                Some(p) => {
                    rr.0 += 1;
                    matched_pred[*p] = true;
                    pred_class[*p] = f.class;
                    scores.classes.entry(f.class).or_default().tp += 1;
                    counts.entry(f.class).or_default().2 += 1;
                }
                None => {
                    let other = all_preds
                        .iter()
                        .find(|(p, c)| *c != f.class && pred_matches(p, f))
                        .map(|(_, c)| c.as_str());
                    let label = match other {
                        Some(c) => c,
                        None if no_event => NO_EVENT,
                        None => NONE,
                    };
                    scores.confuse(f.class.as_str(), label);
                }
            }
        }
        for (pi, c) in pred_class.iter().enumerate() {
            scores.classes.entry(*c).or_default().predicted += 1;
            counts.entry(*c).or_default().1 += 1;
            if !matched_pred[pi] {
                scores.confuse(NONE, c.as_str());
            }
        }
    }
    for f in fillers {
        scores.classes.entry(f.class).or_default().gold += 1;
    }
    scores.items += 1;
    if counts.values().all(|(g, p, t)| g == t && p == t) {
        scores.correct_items += 1;
    }
    counts
}

/// Joins hard-wrapped lines: a line break between two non-blank lines becomes a space;
/// breaks next to a blank line (paragraph breaks) stay. One byte for one byte, so offsets are
/// kept. The engine treats every line break as a sentence boundary (for headlines and
/// captions), which cuts wire text wrapped at 70 columns into fragments.
pub fn unwrap_lines(s: &str) -> String {
    let lines: Vec<&str> = s.split('\n').collect();
    let mut out = String::with_capacity(s.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if let Some(next) = lines.get(i + 1) {
            let join = !line.trim().is_empty() && !next.trim().is_empty();
            out.push(if join { ' ' } else { '\n' });
        }
    }
    out
}

/// Lower-cases ASCII letters and capitalises the first letter of the text, of each sentence
/// (after `.`, `!` or `?`) and of each paragraph (after a blank line). ASCII-only changes, so
/// every byte and code-point offset is kept. No names are restored: the engine sees what a
/// reader would get from an honest re-casing without a dictionary.
pub fn sentence_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut cap = true;
    let mut newlines = 0;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if cap && c.is_ascii_alphabetic() {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c.to_ascii_lowercase());
            }
            cap = false;
            newlines = 0;
            continue;
        }
        out.push(c);
        match c {
            '.' | '!' | '?' => cap = true,
            '\n' => {
                newlines += 1;
                if newlines >= 2 {
                    cap = true;
                }
            }
            c if c.is_whitespace() => {}
            _ => newlines = 0,
        }
    }
    out
}

/// A re-casing of the gold text fed to the engine.
type Recase = fn(&str) -> String;

struct MucRun {
    scores: ArgScores,
    role_recall: RoleRecall,
    docs: Vec<MucDocResult>,
    empty_docs: usize,
    empty_with_events: usize,
    empty_with_preds: usize,
    spanless: usize,
}

fn run_muc(
    map: &Mapping,
    docs: &[MucDoc],
    fillers: &[Vec<Filler>],
    views: &[EngineView],
) -> MucRun {
    let classes = [Class::Perpetrator, Class::Victim, Class::Target];
    let mut run = MucRun {
        scores: ArgScores::new(&classes),
        role_recall: RoleRecall::new(),
        docs: Vec::new(),
        empty_docs: 0,
        empty_with_events: 0,
        empty_with_preds: 0,
        spanless: 0,
    };
    for ((d, f), v) in docs.iter().zip(fillers).zip(views) {
        let counts = score_muc_doc(map, f, v, &mut run.scores, &mut run.role_recall);
        let in_scope: Vec<&EngineEvent> = v
            .events
            .iter()
            .filter(|e| map.engine.iter().any(|(t, _)| *t == e.ty))
            .collect();
        run.spanless += in_scope.iter().map(|e| e.spanless).sum::<usize>();
        if f.is_empty() {
            run.empty_docs += 1;
            run.empty_with_events += usize::from(!in_scope.is_empty());
            run.empty_with_preds += usize::from(counts.values().any(|c| c.1 > 0));
        }
        run.docs.push(MucDocResult {
            id: d.id.clone(),
            counts,
            engine_events: in_scope.len(),
        });
    }
    run
}

fn muc_fillers(map: &Mapping, d: &MucDoc, unmapped: &mut BTreeSet<String>) -> Vec<Filler> {
    let toks = tokens(&d.text);
    let mut out = Vec::new();
    for (role, fills) in &d.roles {
        let class = match map.role(role) {
            Ok(Some(c)) => c,
            Ok(None) => continue,
            Err(()) => {
                unmapped.insert(role.clone());
                continue;
            }
        };
        for f in fills {
            let mut places: Vec<CharSpan> = f
                .mentions
                .iter()
                .flat_map(|m| occurrences(&toks, &m.mention))
                .collect();
            places.sort_unstable();
            places.dedup();
            out.push(Filler {
                class,
                role: role.clone(),
                places,
            });
        }
    }
    out
}

fn headline_keys(s: &ArgScores, classes: &[Class]) -> serde_json::Map<String, serde_json::Value> {
    let mut m = serde_json::Map::new();
    for c in classes {
        m.insert(format!("{}_f1", c.as_str()), json!(r4(s.f1(*c))));
    }
    m.insert("micro_f1".into(), json!(r4(s.micro().f1())));
    m
}

fn prf_cells(p: &Prf) -> String {
    format!(
        "{} | {} | {} | {} | {} | {}",
        p.gold,
        p.predicted,
        p.tp,
        pct(p.precision()),
        pct(p.recall()),
        pct(p.f1())
    )
}

pub fn run_muc4(args: SetArgs, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let map = Mapping::parse("data/mappings/eval/muc4.tsv", MUC4_TABLE)?;
    let docs: Vec<MucDoc> = args.records()?;
    let res = crate::pipeline::load_resources(data_dir)?;
    let mut unmapped = BTreeSet::new();
    let fillers: Vec<Vec<Filler>> = docs
        .iter()
        .map(|d| muc_fillers(&map, d, &mut unmapped))
        .collect();
    let unplaced = fillers
        .iter()
        .flatten()
        .filter(|f| f.places.is_empty())
        .count();

    let variants: [(&str, &str, Recase); 3] = [
        ("as given (upper case)", "", |s: &str| s.to_string()),
        ("sentence case", "sentence_case", sentence_case),
        (
            "sentence case, lines joined",
            "sentence_case_unwrapped",
            |s: &str| unwrap_lines(&sentence_case(s)),
        ),
    ];
    let mut runs = Vec::new();
    for (_, _, f) in &variants {
        let gdocs: Vec<Document> = docs
            .iter()
            .map(|d| gold_document(&d.id, &f(&d.text), None))
            .collect();
        let views: Vec<EngineView> = engine_views(&gdocs, &res);
        runs.push(run_muc(&map, &docs, &fillers, &views));
    }
    let classes = [Class::Perpetrator, Class::Victim, Class::Target];

    let rules = format!(
        "Scoring rule: GRIT-style template filling, one template per document (all incidents \
         merged). Gold classes: `perpetrator` = fillers of perp_individual_id and \
         perp_organization_id, `victim` = hum_tgt_name (names of human targets), `target` = \
         phys_tgt_id; incident_instrument_id is not scored (no codebook field; see \
         `data/mappings/eval/muc4.tsv`). Engine predictions: the actors of every engine event \
         of an in-scope type ({}) anywhere in the document, any status; role actor/partner -> \
         perpetrator, role recipient -> victim or target; actors without a span (unidentified) \
         are not predictions. Predictions are de-duplicated per document by lower-cased, \
         whitespace-collapsed text. A prediction matches a filler when one of its spans \
         overlaps (at least one character) an occurrence of any of the filler's mention \
         strings; an occurrence is a run of consecutive alphanumeric tokens of the document \
         equal to the mention's tokens ignoring case (whole words; punctuation, brackets and \
         line breaks ignored), so a head-word prediction inside a longer fill (`guerrillas` in \
         `urban guerrillas`) matches. Matching is one-to-one (maximum bipartite matching) per \
         document; recipients are matched against victim and target fillers together and \
         count for the class of the filler they match; an unmatched recipient is a false \
         positive of `victim`. Counts are summed over documents (micro); `micro` pools the \
         three classes. Documents without fills count only through false positives. \
         **Variants** (all keep every offset, so gold and engine spans stay comparable): the \
         gold text as given (all upper case, which the engine itself re-cases before reading: \
         `nlp::truecase`); the same text in sentence case (ASCII \
         lower-casing, first letter of the text, of each sentence and of each paragraph \
         capitalised; no names restored); and sentence case with hard-wrapped lines joined (a \
         line break between two non-blank lines becomes a space; the engine treats every line \
         break as a sentence boundary and the FBIS text is wrapped at about 70 columns). The \
         JSON headline's top-level numbers are the as-given variant; `sentence_case` and \
         `sentence_case_unwrapped` hold the others.",
        map.engine
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut md = report_header("MUC-4 argument roles", "sitrep eval muc4", &args, &rules);
    let _ = writeln!(
        md,
        "Documents: {}; gold fillers scored: {} ({} of them have no mention string found in \
         the text and cannot be matched); documents without any scored fill: {}.\n",
        docs.len(),
        fillers.iter().map(Vec::len).sum::<usize>(),
        unplaced,
        runs[0].empty_docs
    );
    if !unmapped.is_empty() {
        let _ = writeln!(
            md,
            "Gold roles without a mapping row (not scored): {}.\n",
            unmapped.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    let mut summary =
        String::from("variant                        perp F1  victim F1  target F1  micro F1\n");
    for ((name, _, _), run) in variants.iter().zip(&runs) {
        let s = &run.scores;
        let _ = writeln!(
            summary,
            "{:<30} {:>7}  {:>9}  {:>9}  {:>8}",
            name,
            pct(s.f1(Class::Perpetrator)),
            pct(s.f1(Class::Victim)),
            pct(s.f1(Class::Target)),
            pct(s.micro().f1())
        );
        let labels = s.labels();
        let _ = write!(
            md,
            "## Text {name}\n\n{}\nConfusions (`{NONE}` = nothing matched although the \
             document has in-scope engine events; `{NO_EVENT}` = the document has no in-scope \
             engine event; a class name = the filler was matched only by a prediction of \
             another class):\n\n{}\n",
            labels.class_table(),
            labels.confusion_table(12)
        );
        let _ = writeln!(
            md,
            "Recall by gold role:\n\n| gold role | fillers | matched | recall |\n|---|---:|---:|---:|"
        );
        for (role, (m, n)) in &run.role_recall {
            let _ = writeln!(
                md,
                "| {role} | {n} | {m} | {} |",
                pct(super::common::ratio(*m, *n))
            );
        }
        let _ = writeln!(
            md,
            "\nOver-triggering: of {} documents without any scored fill, {} have an in-scope \
             engine event and {} have at least one prediction. In-scope engine actors without \
             a span (not scored): {}. Documents with an in-scope engine event: {} of {}.\n",
            run.empty_docs,
            run.empty_with_events,
            run.empty_with_preds,
            run.spanless,
            run.docs.iter().filter(|d| d.engine_events > 0).count(),
            run.docs.len()
        );
    }
    // Error sample from the last variant (the as-given run rarely has engine output).
    let sample_run = &runs[2];
    let _ = writeln!(
        md,
        "## Error sample (sentence case, lines joined)\n\nDocuments where the engine's counts differ from \
         gold, as `gold fillers / predictions / matched` per class; ids only.\n\n\
         | id | in-scope engine events | perpetrator | victim | target |\n|---|---:|---|---|---|"
    );
    for d in sample_run
        .docs
        .iter()
        .filter(|d| d.counts.values().any(|(g, p, t)| g != t || p != t))
        .take(SAMPLE)
    {
        let cell = |c: Class| {
            let (g, p, t) = d.counts.get(&c).copied().unwrap_or_default();
            format!("{g} / {p} / {t}")
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            d.id,
            d.engine_events,
            cell(Class::Perpetrator),
            cell(Class::Victim),
            cell(Class::Target)
        );
    }

    let mut head = serde_json::Map::new();
    head.insert("eval".into(), json!("muc4"));
    head.insert("docs".into(), json!(docs.len()));
    head.extend(headline_keys(&runs[0].scores, &classes));
    for ((_, key, _), run) in variants.iter().zip(&runs).skip(1) {
        head.insert(
            (*key).into(),
            serde_json::Value::Object(headline_keys(&run.scores, &classes)),
        );
    }
    finish(
        &args.report_path("muc4"),
        &md,
        &summary,
        &serde_json::Value::Object(head),
    )
}

fn engine_views(docs: &[Document], res: &Resources) -> Vec<EngineView> {
    extract_all(docs, res)
        .iter()
        .map(EngineView::from_extraction)
        .collect()
}

// ---------------------------------------------------------------------------------------
// RAMS and WikiEvents: span arguments of single events
// ---------------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
struct SpanDoc {
    id: String,
    text: String,
    events: Vec<GoldEvent>,
    #[serde(default)]
    entities: Vec<GoldEntity>,
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    #[serde(rename = "type")]
    ty: String,
    trigger: GoldSpan,
    arguments: Vec<GoldArg>,
}

#[derive(Debug, Deserialize)]
struct GoldSpan {
    start: usize,
}

#[derive(Debug, Deserialize)]
struct GoldArg {
    role: String,
    start: Option<usize>,
    end: Option<usize>,
    #[serde(default)]
    entity_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldEntity {
    id: String,
    start: Option<usize>,
    end: Option<usize>,
    coref_cluster: Option<usize>,
}

/// How gold events find their engine events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Engine events of the mapped type coded from the sentence holding the gold trigger.
    Sentence,
    /// Engine events of the mapped type anywhere in the text (RAMS: the 5-sentence window).
    Window,
}

/// One gold argument to score: its class and the spans that count as it (the mention, plus
/// its coreferent mentions in the lenient variant).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldItem {
    pub class: Class,
    pub spans: Vec<CharSpan>,
}

/// One scored gold event, reduced: its mapped type, trigger position and items.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldEv {
    pub map: TypeMap,
    pub trigger: usize,
    pub items: Vec<GoldItem>,
}

/// What one gold event contributed, for the error sample.
#[derive(Debug, Clone, Default)]
pub struct EventResult {
    pub aligned: usize,
    /// Engine types in the trigger's sentence (when nothing aligned).
    pub sentence_types: Vec<&'static str>,
    /// Per class: (gold, predicted, matched).
    pub counts: BTreeMap<Class, (usize, usize, usize)>,
}

/// Scores one gold event against the engine view; adds to `scores` and `types` (gold mapped
/// type vs the engine type found in the trigger's sentence).
pub fn score_event(
    ev: &GoldEv,
    view: &EngineView,
    align: Align,
    scores: &mut ArgScores,
    types: &mut LabelScores,
) -> EventResult {
    let sentence = view.sentence_at(ev.trigger);
    let in_sentence: Vec<&EngineEvent> = view
        .events
        .iter()
        .filter(|e| sentence.is_some_and(|s| e.sentences.contains(&s)))
        .collect();
    let aligned: Vec<&EngineEvent> = match align {
        Align::Sentence => in_sentence
            .iter()
            .copied()
            .filter(|e| e.ty == ev.map.ours)
            .collect(),
        Align::Window => view.events.iter().filter(|e| e.ty == ev.map.ours).collect(),
    };
    let found = if in_sentence.iter().any(|e| e.ty == ev.map.ours) {
        Some(ev.map.ours.as_str())
    } else {
        in_sentence.first().map(|e| e.ty.as_str())
    };
    types.add_single(ev.map.ours.as_str(), found);

    // Predictions per class, de-duplicated by span.
    let mut preds: BTreeMap<Class, Vec<CharSpan>> = BTreeMap::new();
    let mut push = |c: Class, s: CharSpan| {
        let v = preds.entry(c).or_default();
        if !v.contains(&s) {
            v.push(s);
        }
    };
    for e in &aligned {
        for a in &e.actors {
            push(Class::Perpetrator, a.span);
        }
        if let Some(rc) = ev.map.recipient {
            for a in &e.recipients {
                push(rc, a.span);
            }
        }
        for a in &e.places {
            push(Class::Place, a.span);
        }
    }

    let mut result = EventResult {
        aligned: aligned.len(),
        sentence_types: if aligned.is_empty() {
            in_sentence.iter().map(|e| e.ty.as_str()).collect()
        } else {
            Vec::new()
        },
        counts: BTreeMap::new(),
    };
    let mut classes: BTreeSet<Class> = preds.keys().copied().collect();
    classes.extend(ev.items.iter().map(|i| i.class));
    let mut all_right = true;
    for c in classes {
        let gold: Vec<&GoldItem> = ev.items.iter().filter(|i| i.class == c).collect();
        let p = preds.get(&c).cloned().unwrap_or_default();
        let m = max_matching(gold.len(), p.len(), |g, pi| {
            gold[g].spans.iter().any(|s| overlaps(*s, p[pi]))
        });
        let tp = m.iter().flatten().count();
        let prf = scores.classes.entry(c).or_default();
        prf.gold += gold.len();
        prf.predicted += p.len();
        prf.tp += tp;
        result.counts.insert(c, (gold.len(), p.len(), tp));
        all_right &= tp == gold.len() && tp == p.len();
        for (gi, mp) in m.iter().enumerate() {
            if mp.is_some() {
                continue;
            }
            let other = preds
                .iter()
                .find(|(oc, ps)| {
                    **oc != c
                        && ps
                            .iter()
                            .any(|s| gold[gi].spans.iter().any(|g| overlaps(*g, *s)))
                })
                .map(|(oc, _)| oc.as_str());
            let label = match other {
                Some(o) => o,
                None if aligned.is_empty() => NO_EVENT,
                None => NONE,
            };
            scores.confuse(c.as_str(), label);
        }
        let matched: BTreeSet<usize> = m.iter().flatten().copied().collect();
        for pi in 0..p.len() {
            if !matched.contains(&pi) {
                scores.confuse(NONE, c.as_str());
            }
        }
    }
    scores.items += 1;
    scores.correct_items += usize::from(all_right);
    result
}

/// The reduced gold events of one document: mapped events only; skipped types and
/// unmapped roles are counted into `skipped` / `unmapped`.
fn gold_events(
    map: &Mapping,
    d: &SpanDoc,
    coref: bool,
    skipped: &mut BTreeMap<String, usize>,
    unmapped: &mut BTreeMap<String, usize>,
) -> Vec<Option<GoldEv>> {
    let ents: BTreeMap<&str, &GoldEntity> = d.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    d.events
        .iter()
        .map(|e| {
            let Some(tm) = map.type_of(&e.ty) else {
                *skipped.entry(e.ty.clone()).or_default() += 1;
                return None;
            };
            let mut items: Vec<GoldItem> = Vec::new();
            for a in &e.arguments {
                let class = match map.role(&a.role) {
                    Ok(Some(c)) => c,
                    Ok(None) => continue,
                    Err(()) => {
                        *unmapped
                            .entry(format!("{} / {}", e.ty, a.role))
                            .or_default() += 1;
                        continue;
                    }
                };
                let mut spans: Vec<CharSpan> = a.start.zip(a.end).into_iter().collect();
                if coref {
                    let cluster = a
                        .entity_id
                        .as_deref()
                        .and_then(|id| ents.get(id))
                        .and_then(|x| x.coref_cluster);
                    if let Some(k) = cluster {
                        spans.extend(
                            d.entities
                                .iter()
                                .filter(|x| x.coref_cluster == Some(k))
                                .filter_map(|x| x.start.zip(x.end)),
                        );
                    }
                }
                spans.sort_unstable();
                spans.dedup();
                // The same filler twice in one role (upstream duplicates) counts once.
                if let Some(first) = a.start.zip(a.end) {
                    if items
                        .iter()
                        .any(|i| i.class == class && i.spans.contains(&first))
                    {
                        continue;
                    }
                }
                items.push(GoldItem { class, spans });
            }
            Some(GoldEv {
                map: tm.clone(),
                trigger: e.trigger.start,
                items,
            })
        })
        .collect()
}

struct SpanRun {
    scores: ArgScores,
    types: LabelScores,
    /// (doc id, event index, gold type, result)
    events: Vec<(String, usize, String, EventResult)>,
}

fn run_spans(
    docs: &[SpanDoc],
    gold: &[Vec<Option<GoldEv>>],
    views: &[EngineView],
    align: Align,
) -> SpanRun {
    let mut run = SpanRun {
        scores: ArgScores::new(&Class::ALL),
        types: LabelScores::default(),
        events: Vec::new(),
    };
    for ((d, evs), v) in docs.iter().zip(gold).zip(views) {
        for (i, ev) in evs.iter().enumerate() {
            if let Some(ev) = ev {
                let r = score_event(ev, v, align, &mut run.scores, &mut run.types);
                run.events
                    .push((d.id.clone(), i, d.events[i].ty.clone(), r));
            }
        }
    }
    run
}

pub fn run_rams(args: SetArgs, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    run_span_set(
        "rams",
        "RAMS argument roles",
        RAMS_TABLE,
        args,
        data_dir,
        &[
            ("sentence", Align::Sentence, false),
            ("window", Align::Window, false),
        ],
    )
}

pub fn run_wikievents(args: SetArgs, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    run_span_set(
        "wikievents",
        "WikiEvents argument roles",
        WIKIEVENTS_TABLE,
        args,
        data_dir,
        &[
            ("sentence", Align::Sentence, false),
            ("sentence + coref", Align::Sentence, true),
        ],
    )
}

fn run_span_set(
    set: &str,
    title: &str,
    table: &str,
    args: SetArgs,
    data_dir: Option<&Path>,
    variants: &[(&str, Align, bool)],
) -> anyhow::Result<ExitCode> {
    let map = Mapping::parse(&format!("data/mappings/eval/{set}.tsv"), table)?;
    let docs: Vec<SpanDoc> = args.records()?;
    let res = crate::pipeline::load_resources(data_dir)?;
    let gdocs: Vec<Document> = docs
        .iter()
        .map(|d| gold_document(&d.id, &d.text, None))
        .collect();
    let views = engine_views(&gdocs, &res);

    let mut skipped = BTreeMap::new();
    let mut unmapped = BTreeMap::new();
    let mut runs = Vec::new();
    for (i, (_, align, coref)) in variants.iter().enumerate() {
        let (mut s, mut u) = (BTreeMap::new(), BTreeMap::new());
        let gold: Vec<Vec<Option<GoldEv>>> = docs
            .iter()
            .map(|d| gold_events(&map, d, *coref, &mut s, &mut u))
            .collect();
        if i == 0 {
            skipped = s;
            unmapped = u;
        }
        runs.push(run_spans(&docs, &gold, &views, *align));
    }
    let total_events: usize = docs.iter().map(|d| d.events.len()).sum();
    let n_skipped: usize = skipped.values().sum();
    let scored = total_events - n_skipped;

    let rules = format!(
        "Scoring rule: every gold event whose type `data/mappings/eval/{set}.tsv` maps to a \
         codebook type is scored; the others are skipped (counted below). The engine events \
         aligned to a gold event are those of the mapped codebook type coded from the \
         sentence that holds the gold trigger's first code point (any status; the engine \
         merges mentions of one event across sentences, and a merged event counts for every \
         sentence it was coded from). Their actors with role actor or \
         partner are `perpetrator` predictions, their recipients are predictions of the class \
         the type row names (`victim` or `target`; none for types without such a role), their \
         location spans are `place` predictions; predictions are de-duplicated by span per \
         gold event and class, and actors without a span are not predictions. Gold arguments \
         take the class of their role's row (roles mapped to `-` are not scored). Matching is \
         one-to-one (maximum bipartite matching) per gold event and class: a prediction \
         matches a gold argument when their code-point spans overlap by at least one \
         character. Counts are summed over gold events (micro); `micro` pools the four \
         classes; an engine event aligned to two gold events counts for both. Engine events \
         aligned to no scored gold event are ignored (these sets annotate only some events). \
         Engine byte spans are converted to code points before matching. **Variants**: {}. \
         The JSON headline is the first variant.",
        variants
            .iter()
            .map(|(name, align, coref)| {
                let a = match align {
                    Align::Sentence => "aligned by the trigger's sentence",
                    Align::Window => {
                        "every engine event of the mapped type in the whole text (the \
                         5-sentence window) is aligned"
                    }
                };
                let c = if *coref {
                    ", and a gold argument is also matched by any mention of its coreference \
                     cluster"
                } else {
                    ""
                };
                format!("`{name}`: {a}{c}")
            })
            .collect::<Vec<_>>()
            .join("; ")
    );
    let mut md = report_header(title, &format!("sitrep eval {set}"), &args, &rules);
    let _ = writeln!(
        md,
        "Documents: {}; gold events: {total_events}; scored (mapped type): {scored}; \
         skipped (type not covered by the codebook mapping): {n_skipped}.\n",
        docs.len()
    );
    let mut summary = format!(
        "{set}: {} docs, {scored} gold events scored, {n_skipped} skipped\n\
         variant             perp F1  victim F1  target F1  place F1  micro F1  events found\n",
        docs.len()
    );
    for ((name, _, _), run) in variants.iter().zip(&runs) {
        let s = &run.scores;
        let found = run.events.iter().filter(|e| e.3.aligned > 0).count();
        let _ = writeln!(
            summary,
            "{:<19} {:>7}  {:>9}  {:>9}  {:>8}  {:>8}  {:>5} / {}",
            name,
            pct(s.f1(Class::Perpetrator)),
            pct(s.f1(Class::Victim)),
            pct(s.f1(Class::Target)),
            pct(s.f1(Class::Place)),
            pct(s.micro().f1()),
            found,
            run.events.len()
        );
    }
    md += "## Variants\n\n| variant | class | gold | predicted | correct | P | R | F1 |\n\
           |---|---|---:|---:|---:|---:|---:|---:|\n";
    for ((name, _, _), run) in variants.iter().zip(&runs) {
        for (c, p) in &run.scores.classes {
            let _ = writeln!(md, "| {name} | {} | {} |", c.as_str(), prf_cells(p));
        }
        let _ = writeln!(
            md,
            "| {name} | **micro** | {} |",
            prf_cells(&run.scores.micro())
        );
    }
    let main = &runs[0];
    let labels = main.scores.labels();
    let _ = write!(
        md,
        "\n## Per class ({})\n\n{}\nConfusions (`{NONE}` = an aligned engine event exists but \
         nothing matched; `{NO_EVENT}` = no engine event of the mapped type in the trigger's \
         sentence; a class name = only a prediction of that other class overlaps the gold \
         argument):\n\n{}\n",
        variants[0].0,
        labels.class_table(),
        labels.confusion_table(12)
    );
    let found = main.events.iter().filter(|e| e.3.aligned > 0).count();
    let _ = write!(
        md,
        "## Event alignment\n\nGold events with an engine event of the mapped type in the \
         trigger's sentence: {found} of {} ({}%). Per mapped type, the gold type against the \
         engine type found in the trigger's sentence (the mapped type if present, else the \
         first engine event there, else none):\n\n{}\n{}\n",
        main.events.len(),
        pct(super::common::ratio(found, main.events.len())),
        main.types.class_table(),
        main.types.confusion_table(10)
    );
    md += "## Gold types\n\n| gold type | events | scored as |\n|---|---:|---|\n";
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &docs {
        for e in &d.events {
            *by_type.entry(e.ty.as_str()).or_default() += 1;
        }
    }
    let mut rows: Vec<(&str, usize)> = by_type.into_iter().collect();
    // Scored types first, then skipped ones; each by frequency.
    rows.sort_by(|a, b| {
        (map.type_of(a.0).is_none(), b.1, a.0).cmp(&(map.type_of(b.0).is_none(), a.1, b.0))
    });
    for (t, n) in rows {
        let as_ = map.type_of(t).map_or("skipped", |m| m.ours.as_str());
        let _ = writeln!(md, "| {t} | {n} | {as_} |");
    }
    if !unmapped.is_empty() {
        md += "\nGold roles of scored types without a mapping row (not scored):\n\n| type / role | arguments |\n|---|---:|\n";
        for (k, n) in &unmapped {
            let _ = writeln!(md, "| {k} | {n} |");
        }
    }
    let _ = writeln!(
        md,
        "\n## Error sample\n\nScored gold events with a wrong or missing argument ({}), \
         ids and labels only; cells are `gold / predicted / matched`.\n\n\
         | id | event | gold type | aligned engine events | engine types in sentence | \
         perpetrator | victim | target | place |\n|---|---:|---|---:|---|---|---|---|---|",
        variants[0].0
    );
    let wrong = |r: &EventResult| r.counts.values().any(|(g, p, t)| g != t || p != t);
    // Half the sample from events the engine missed, half from events it found.
    let missed = main
        .events
        .iter()
        .filter(|e| e.3.aligned == 0 && wrong(&e.3))
        .take(SAMPLE / 2);
    let found_wrong = main
        .events
        .iter()
        .filter(|e| e.3.aligned > 0 && wrong(&e.3))
        .take(SAMPLE - SAMPLE / 2);
    for (id, i, ty, r) in missed.chain(found_wrong) {
        let cell = |c: Class| {
            r.counts
                .get(&c)
                .map_or("".into(), |(g, p, t)| format!("{g} / {p} / {t}"))
        };
        let _ = writeln!(
            md,
            "| {id} | {i} | {ty} | {} | {} | {} | {} | {} | {} |",
            r.aligned,
            if r.sentence_types.is_empty() {
                "-".to_string()
            } else {
                r.sentence_types.join(", ")
            },
            cell(Class::Perpetrator),
            cell(Class::Victim),
            cell(Class::Target),
            cell(Class::Place)
        );
    }

    let mut head = serde_json::Map::new();
    head.insert("eval".into(), json!(set));
    head.insert("docs".into(), json!(docs.len()));
    head.insert("events_scored".into(), json!(scored));
    head.insert("events_skipped".into(), json!(n_skipped));
    head.insert(
        "events_found".into(),
        json!(r4(super::common::ratio(found, main.events.len()))),
    );
    head.extend(headline_keys(&main.scores, &Class::ALL));
    for ((name, _, _), run) in variants.iter().zip(&runs).skip(1) {
        head.insert(
            format!("{}_micro_f1", name.replace(" + ", "_").replace(' ', "_")),
            json!(r4(run.scores.micro().f1())),
        );
    }
    finish(
        &args.report_path(set),
        &md,
        &summary,
        &serde_json::Value::Object(head),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::common::read_jsonl;

    fn arg(span: CharSpan, key: &str) -> EngineArg {
        EngineArg {
            span,
            key: key.into(),
        }
    }

    fn event(ty: EventType, sentence: usize) -> EngineEvent {
        EngineEvent {
            ty,
            sentences: vec![sentence],
            actors: Vec::new(),
            recipients: Vec::new(),
            places: Vec::new(),
            spanless: 0,
        }
    }

    #[test]
    fn committed_tables_parse_and_map_the_core_labels() {
        let m = Mapping::parse("muc4", MUC4_TABLE).unwrap();
        assert_eq!(m.role("PERP_ORGANIZATION_ID"), Ok(Some(Class::Perpetrator)));
        assert_eq!(m.role("incident_instrument_id"), Ok(None));
        assert_eq!(m.engine, vec![(EventType::Assault, Class::Victim)]);

        let r = Mapping::parse("rams", RAMS_TABLE).unwrap();
        let t = r.type_of("conflict.attack.bombing").unwrap();
        assert_eq!(t.ours, EventType::Assault);
        assert_eq!(t.recipient, Some(Class::Target));
        assert_eq!(
            r.type_of("justice.arrestjaildetain.arrestjaildetain")
                .unwrap()
                .ours,
            EventType::Coerce
        );
        assert!(r.type_of("life.die.nonviolentdeath").is_none());
        assert!(r.type_of("contact.discussion.meet").is_none());
        assert_eq!(r.role("killer"), Ok(Some(Class::Perpetrator)));
        assert_eq!(r.role("no-such-role"), Err(()));

        let w = Mapping::parse("wikievents", WIKIEVENTS_TABLE).unwrap();
        assert_eq!(
            w.type_of("Life.Die.Unspecified").unwrap().recipient,
            Some(Class::Victim)
        );
        assert_eq!(w.role("Place"), Ok(Some(Class::Place)));
    }

    #[test]
    fn table_rows_are_checked() {
        let t = "# c\ntype\ta.*\tASSAULT\ttarget\ntype\ta.b\t-\t-\nrole\tx\tvictim\n";
        let m = Mapping::parse("t", t).unwrap();
        assert!(
            m.type_of("a.b").is_none(),
            "exact skip row beats the prefix"
        );
        assert!(m.type_of("A.C").is_some());
        let e = Mapping::parse("t", "role\tx\tvillain\n").unwrap_err();
        assert!(e.to_string().contains("t line 1"), "{e}");
        assert!(Mapping::parse("t", "type\ta\tFIGHT\t-\n").is_err());
        assert!(Mapping::parse("t", "role\tx\t-\nrole\tX\tplace\n").is_err());
    }

    #[test]
    fn matching_is_maximal_and_one_to_one() {
        // g0 can take p0 or p1, g1 only p0: the maximum pairs g0-p1, g1-p0.
        let m = max_matching(2, 2, |g, p| !(g == 1 && p == 1));
        assert_eq!(m, vec![Some(1), Some(0)]);
        // One prediction cannot serve two gold items.
        assert_eq!(max_matching(2, 1, |_, _| true), vec![Some(0), None]);
    }

    #[test]
    fn occurrences_are_whole_words_ignoring_case_and_punctuation() {
        let text = "Rebels of the NLF (north) hit a bus; the nlf\nnorth denied it. Bush";
        let t = tokens(text);
        let o = occurrences(&t, "NLF [NORTH]");
        assert_eq!(o.len(), 2);
        assert_eq!(&text[o[0].0..o[0].1], "NLF (north");
        assert!(occurrences(&t, "bus").len() == 1, "not inside 'Bush'");
        assert!(occurrences(&t, "").is_empty());
    }

    #[test]
    fn unwrapping_joins_wrapped_lines_but_keeps_paragraphs() {
        let s = "ONE LINE\nGOES ON.\n\n   NEXT\nPARA\n";
        let u = unwrap_lines(s);
        assert_eq!(u.len(), s.len());
        assert_eq!(u, "ONE LINE GOES ON.\n\n   NEXT PARA\n");
    }

    #[test]
    fn sentence_case_keeps_offsets() {
        let s = "THE ARMY SAID. 2 MEN FLED\n\n   NEW PARAGRAPH, U.S. AIDE";
        let c = sentence_case(s);
        assert_eq!(c.len(), s.len());
        assert_eq!(
            c,
            "The army said. 2 men fled\n\n   New paragraph, u.S. Aide"
        );
    }

    /// A hand-made MUC-style document: two perpetrator fills, a victim and a target.
    #[test]
    fn muc_document_scores_match_a_hand_count() {
        let map = Mapping::parse(
            "t",
            "engine\tASSAULT\tvictim\nrole\tperp\tperpetrator\nrole\tvic\tvictim\nrole\ttgt\ttarget\n",
        )
        .unwrap();
        //          0         1         2         3         4         5
        //          0123456789012345678901234567890123456789012345678901234567
        let text = "urban rebels shot ana ruiz and burned a depot near the coast";
        let t = tokens(text);
        let filler = |class, role: &str, m: &str| Filler {
            class,
            role: role.into(),
            places: occurrences(&t, m),
        };
        let fillers = vec![
            filler(Class::Perpetrator, "perp", "URBAN REBELS"),
            filler(Class::Perpetrator, "perp", "SNIPERS"), // not in the text
            filler(Class::Victim, "vic", "ANA RUIZ"),
            filler(Class::Target, "tgt", "DEPOT"),
        ];
        let mut e = event(EventType::Assault, 0);
        e.actors = vec![arg((6, 12), "rebels"), arg((6, 12), "rebels")];
        e.recipients = vec![
            arg((18, 26), "ana ruiz"),
            arg((40, 45), "depot"),
            arg((55, 60), "coast"),
        ];
        let mut other = event(EventType::Coerce, 0);
        other.actors = vec![arg((51, 54), "the")]; // out of scope: ignored
        let view = EngineView {
            sentences: vec![(0, text.len())],
            events: vec![e, other],
        };
        let mut s = ArgScores::new(&[Class::Perpetrator, Class::Victim, Class::Target]);
        let mut rr = RoleRecall::new();
        let counts = score_muc_doc(&map, &fillers, &view, &mut s, &mut rr);
        // perpetrator: 2 gold, 1 prediction (deduplicated), 1 matched -> P 1, R .5
        assert_eq!(
            s.classes[&Class::Perpetrator],
            Prf {
                tp: 1,
                predicted: 1,
                gold: 2
            }
        );
        // victim: "ana ruiz" matched, "coast" unmatched is charged to victim
        assert_eq!(
            s.classes[&Class::Victim],
            Prf {
                tp: 1,
                predicted: 2,
                gold: 1
            }
        );
        assert_eq!(
            s.classes[&Class::Target],
            Prf {
                tp: 1,
                predicted: 1,
                gold: 1
            }
        );
        assert_eq!(counts[&Class::Victim], (1, 2, 1));
        assert_eq!(rr["perp"], (1, 2));
        assert_eq!(
            s.micro(),
            Prf {
                tp: 3,
                predicted: 4,
                gold: 4
            }
        );
        assert_eq!(s.confusions[&("perpetrator".into(), NONE.into())], 1);
        assert_eq!(s.confusions[&(NONE.into(), "victim".into())], 1);
        assert_eq!(s.correct_items, 0);
    }

    #[test]
    fn span_event_scores_match_a_hand_count() {
        let tm = TypeMap {
            ours: EventType::Assault,
            recipient: Some(Class::Target),
        };
        let gold = GoldEv {
            map: tm,
            trigger: 25,
            items: vec![
                GoldItem {
                    class: Class::Perpetrator,
                    spans: vec![(0, 10)],
                },
                GoldItem {
                    class: Class::Target,
                    spans: vec![(30, 40)],
                },
                GoldItem {
                    class: Class::Place,
                    spans: vec![(50, 55)],
                },
            ],
        };
        let view = |events: Vec<EngineEvent>| EngineView {
            sentences: vec![(0, 45), (46, 80)],
            events,
        };
        // Engine: one ASSAULT in sentence 0 with the actor inside the gold perpetrator, its
        // recipient on the perpetrator too (wrong), and a place in the next sentence (right).
        let mut e = event(EventType::Assault, 0);
        e.actors = vec![arg((5, 10), "x")];
        e.recipients = vec![arg((0, 4), "y")];
        e.places = vec![arg((52, 60), "z")];
        let mut unaligned = event(EventType::Assault, 1); // other sentence: ignored
        unaligned.actors = vec![arg((30, 40), "w")];
        let mut s = ArgScores::new(&Class::ALL);
        let mut types = LabelScores::default();
        let r = score_event(
            &gold,
            &view(vec![e.clone(), unaligned.clone()]),
            Align::Sentence,
            &mut s,
            &mut types,
        );
        assert_eq!(r.aligned, 1);
        assert_eq!(
            s.classes[&Class::Perpetrator],
            Prf {
                tp: 1,
                predicted: 1,
                gold: 1
            }
        );
        assert_eq!(
            s.classes[&Class::Target],
            Prf {
                tp: 0,
                predicted: 1,
                gold: 1
            }
        );
        assert_eq!(
            s.classes[&Class::Place],
            Prf {
                tp: 1,
                predicted: 1,
                gold: 1
            }
        );
        // Micro: tp 2, predicted 3, gold 3 -> F1 2/3.
        assert!((s.micro().f1() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.confusions[&("target".into(), NONE.into())], 1);

        // The window variant also aligns the second event: its actor hits the target span
        // but as a perpetrator prediction, which is a class confusion, not a match.
        let mut s = ArgScores::new(&Class::ALL);
        score_event(
            &gold,
            &view(vec![e, unaligned]),
            Align::Window,
            &mut s,
            &mut types,
        );
        assert_eq!(
            s.classes[&Class::Perpetrator],
            Prf {
                tp: 1,
                predicted: 2,
                gold: 1
            }
        );
        assert_eq!(s.confusions[&("target".into(), "perpetrator".into())], 1);

        // No engine event of the type in the trigger's sentence: every gold argument missed.
        let mut s = ArgScores::new(&Class::ALL);
        let mut types = LabelScores::default();
        let r = score_event(
            &gold,
            &view(vec![event(EventType::Coerce, 0)]),
            Align::Sentence,
            &mut s,
            &mut types,
        );
        assert_eq!(r.sentence_types, vec!["COERCE"]);
        assert_eq!(
            s.micro(),
            Prf {
                tp: 0,
                predicted: 0,
                gold: 3
            }
        );
        assert_eq!(s.confusions[&("place".into(), NO_EVENT.into())], 1);
        assert_eq!(types.confusions[&("ASSAULT".into(), "COERCE".into())], 1);

        // An engine event merged from mentions in sentences 1 and 0 aligns to a trigger in 0.
        let mut merged = event(EventType::Assault, 1);
        merged.sentences.push(0);
        merged.places = vec![arg((50, 55), "p")];
        let mut s = ArgScores::new(&Class::ALL);
        let r = score_event(
            &gold,
            &view(vec![merged]),
            Align::Sentence,
            &mut s,
            &mut types,
        );
        assert_eq!(r.aligned, 1);
        assert_eq!(s.classes[&Class::Place].tp, 1);
    }

    #[test]
    fn coref_lets_any_mention_of_the_cluster_match() {
        let map = Mapping::parse(
            "t",
            "type\tattack\tASSAULT\ttarget\nrole\tvictim\tvictim\nrole\ttarget\ttarget\nrole\ttool\t-\n",
        )
        .unwrap();
        let line = r#"{"id":"d","text":"aaaa bbbb cccc","events":[{"type":"attack","trigger":{"start":5},"arguments":[{"role":"target","entity_id":"e1","start":0,"end":4},{"role":"tool","start":10,"end":14},{"role":"odd","start":10,"end":14}]},{"type":"meeting","trigger":{"start":0},"arguments":[]}],"entities":[{"id":"e1","start":0,"end":4,"coref_cluster":3},{"id":"e2","start":10,"end":14,"coref_cluster":3}]}"#;
        let d: SpanDoc = serde_json::from_str(line).unwrap();
        let (mut sk, mut un) = (BTreeMap::new(), BTreeMap::new());
        let strict = gold_events(&map, &d, false, &mut sk, &mut un);
        assert_eq!(sk["meeting"], 1);
        assert_eq!(un["attack / odd"], 1);
        let ev = strict[0].as_ref().unwrap();
        assert_eq!(
            ev.items,
            vec![GoldItem {
                class: Class::Target,
                spans: vec![(0, 4)]
            }]
        );
        let lenient = gold_events(&map, &d, true, &mut sk, &mut un);
        assert_eq!(
            lenient[0].as_ref().unwrap().items[0].spans,
            vec![(0, 4), (10, 14)]
        );
        assert!(lenient[1].is_none());
    }

    #[test]
    fn a_malformed_gold_line_is_an_error_naming_the_line() {
        let tmp = tempfile::tempdir().unwrap();
        let f = tmp.path().join("rams.jsonl");
        // Second record lacks its events list.
        std::fs::write(
            &f,
            "{\"id\":\"a\",\"text\":\"x\",\"events\":[]}\n{\"id\":\"b\",\"text\":\"y\"}\n",
        )
        .unwrap();
        let e = read_jsonl::<SpanDoc>(&f).unwrap_err();
        assert!(format!("{e:#}").contains("rams.jsonl line 2"), "{e:#}");
        let f = tmp.path().join("muc.jsonl");
        std::fs::write(
            &f,
            "{\"id\":\"a\",\"text\":\"x\",\"roles\":{\"perp\":[{}]}}\n",
        )
        .unwrap();
        let e = read_jsonl::<MucDoc>(&f).unwrap_err();
        assert!(format!("{e:#}").contains("muc.jsonl line 1"), "{e:#}");
    }
}
