//! `sitrep eval voa`: full codebook records against the hand-labelled VOA stories
//! (`shared/gold/voa_dev/`), by the scoring rule of that folder's README.
//!
//! The gold comes as two JSONL files: stories (`id`, `title`, `published`, `text` ...) and
//! labels (`id`, `events`, `must_not` ...). `--gold` takes the folder or the files; records are
//! told apart by their fields (a label record has `events`, a story has `text`), not by file
//! name. The engine reads each story's `text` unchanged (gold offsets are over it), with the
//! title in `Document::title` and the UTC date of `published` as the publication date.
//!
//! Rule (README "Scoring rule"): a kept prediction (status not background, hypothetical or
//! negated) matches a gold event of the same story when the type is equal (or a type the gold
//! `alternatives` accept) and the place agrees: within 50 km, or the gold `tolerance_km` if
//! larger, when both have coordinates, else the same country. Matching is greedy and
//! one-to-one. Recall is over `required` gold events; a prediction matched to a non-required
//! event is neither a true nor a false positive. Matched pairs are then scored field by field.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde::Deserialize;
use serde_json::json;
use sitrep_core::{ActorRole, DatePrecision, Event, EventStatus, EventType, Location, Precision};
use sitrep_text::geo::distance_km;

use super::common::{self, pct, r4, ratio, LabelScores, SetArgs, NONE};
use super::gold_files;

/// The six codebook count fields, in codebook order.
const COUNT_FIELDS: [&str; 6] = [
    "killed",
    "injured",
    "arrested",
    "abducted",
    "displaced",
    "participants",
];

/// Minimum place tolerance of the rule, in km.
const BASE_TOLERANCE_KM: f64 = 50.0;

/// Mode names of the codebook's type table (section 2) plus `clash`: a lower-case word after a
/// type in a `must_not` item is read as a mode only when it is one of these.
const MODES: &[&str] = &[
    "firearms",
    "explosives",
    "suicide-attack",
    "aerial",
    "drone",
    "heavy-weapons",
    "abduct",
    "beat",
    "torture",
    "execute",
    "assassinate",
    "sexual",
    "destroy",
    "crowd-control",
    "primitive",
    "clash",
    "arrest",
    "seize",
    "restrict",
    "ban",
    "censor",
    "curfew",
    "deport",
    "withhold",
    "cyber",
    "troops",
    "weapons",
    "police",
    "militia",
    "violence",
    "territory",
    "relations",
    "expel",
    "demo",
    "riot",
    "strike",
    "hunger",
    "boycott",
    "obstruct",
    "convict",
    "withdraw",
    "discontinue",
];

// ---------------------------------------------------------------------------------------------
// Gold records

#[derive(Debug, Clone, Deserialize)]
pub struct Story {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct StoryLabels {
    pub id: String,
    #[serde(default)]
    pub published: Option<String>,
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub must_not: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    pub required: bool,
    #[serde(rename = "type")]
    pub event_type: EventType,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub mode_also: Vec<String>,
    pub status: EventStatus,
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    #[serde(default)]
    pub location: Option<GoldLocation>,
    #[serde(default)]
    pub date: Option<GoldDate>,
    #[serde(default)]
    pub killed: Option<GoldCount>,
    #[serde(default)]
    pub injured: Option<GoldCount>,
    #[serde(default)]
    pub arrested: Option<GoldCount>,
    #[serde(default)]
    pub abducted: Option<GoldCount>,
    #[serde(default)]
    pub displaced: Option<GoldCount>,
    #[serde(default)]
    pub participants: Option<GoldCount>,
    #[serde(default)]
    pub attribution: Vec<GoldAttribution>,
    /// Free text naming codings also accepted (one string, or a list of them).
    #[serde(default)]
    pub alternatives: Option<Alternatives>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Alternatives {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    pub role: ActorRole,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldLocation {
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub tolerance_km: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    pub precision: DatePrecision,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct GoldCount {
    pub low: Option<u64>,
    pub high: Option<u64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldAttribution {
    #[serde(default)]
    pub source: Option<String>,
}

impl GoldEvent {
    fn count(&self, field: &str) -> Option<GoldCount> {
        match field {
            "killed" => self.killed,
            "injured" => self.injured,
            "arrested" => self.arrested,
            "abducted" => self.abducted,
            "displaced" => self.displaced,
            "participants" => self.participants,
            _ => None,
        }
    }

    fn accepted(&self) -> Accepted {
        match &self.alternatives {
            None => Accepted::default(),
            Some(Alternatives::One(s)) => parse_alternatives(s),
            Some(Alternatives::Many(v)) => {
                let mut a = Accepted::default();
                for s in v {
                    let b = parse_alternatives(s);
                    a.types.extend(b.types);
                    a.statuses.extend(b.statuses);
                    a.modes.extend(b.modes);
                    a.places.extend(b.places);
                }
                a
            }
        }
    }
}

/// The labelled stories of the gold files, in label order.
#[derive(Debug, Default)]
pub struct GoldSet {
    pub stories: Vec<(Story, StoryLabels)>,
    /// Stories with no label record (not scored).
    pub unlabelled: usize,
}

/// Reads stories and labels from every file named (folders expand to their `*.jsonl`), telling
/// the two record kinds apart by their fields. A line that is neither, or does not parse, is an
/// error naming file and line; so is a label record whose story is missing.
pub fn load_gold(inputs: &[PathBuf]) -> anyhow::Result<GoldSet> {
    let mut stories: HashMap<String, Story> = HashMap::new();
    let mut labels: Vec<StoryLabels> = Vec::new();
    for f in gold_files(inputs)? {
        let raw = std::fs::read_to_string(&f)
            .with_context(|| format!("reading gold file {}", f.display()))?;
        for (i, line) in raw.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = || format!("{} line {}", f.display(), i + 1);
            let v: serde_json::Value =
                serde_json::from_str(line).with_context(|| format!("{}: not JSON", at()))?;
            if v.get("events").is_some() {
                let l: StoryLabels = serde_json::from_value(v)
                    .with_context(|| format!("{}: not a VOA label record", at()))?;
                if labels.iter().any(|x| x.id == l.id) {
                    bail!("{}: label record {} appears twice", at(), l.id);
                }
                labels.push(l);
            } else if v.get("text").is_some() {
                let s: Story = serde_json::from_value(v)
                    .with_context(|| format!("{}: not a VOA story record", at()))?;
                stories.insert(s.id.clone(), s);
            } else {
                bail!(
                    "{}: neither a story (field `text`) nor a label record (field `events`)",
                    at()
                );
            }
        }
    }
    let labelled: BTreeSet<&str> = labels.iter().map(|l| l.id.as_str()).collect();
    let unlabelled = stories
        .keys()
        .filter(|k| !labelled.contains(k.as_str()))
        .count();
    let mut out = Vec::with_capacity(labels.len());
    for l in labels {
        let Some(s) = stories.remove(&l.id) else {
            bail!(
                "label record {} has no story record in the gold files given",
                l.id
            );
        };
        out.push((s, l));
    }
    Ok(GoldSet {
        stories: out,
        unlabelled,
    })
}

// ---------------------------------------------------------------------------------------------
// Alternatives and must_not items: free text read by fixed patterns

/// Codings an `alternatives` note accepts besides the main one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Accepted {
    pub types: Vec<EventType>,
    pub statuses: Vec<EventStatus>,
    pub modes: Vec<String>,
    /// Place names accepted instead of the gold place ("location X tolerated").
    pub places: Vec<String>,
}

/// Words of a phrase: runs of letters, digits, `-` and `'`, with surrounding quotes trimmed.
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect()
}

fn unquote(w: &str) -> &str {
    w.trim_matches('\'')
}

/// Reads an `alternatives` note. It is split into clauses at `;`; a clause counts when it says
/// "acceptable" or "tolerated" and does not say "wrong", "not valid", "not expected" or "must
/// not". In a counting clause: upper-case PLOVER type names are accepted types; the word after
/// "status" is an accepted status; quoted words after "mode" are accepted modes; the words after
/// "location" up to a parenthesis or "tolerated"/"acceptable" name an accepted place.
pub fn parse_alternatives(note: &str) -> Accepted {
    let mut a = Accepted::default();
    for clause in note.split(';') {
        let low = clause.to_lowercase();
        let accepts = low.contains("acceptable") || low.contains("tolerated");
        let refuses = ["wrong", "not valid", "not expected", "must not"]
            .iter()
            .any(|w| low.contains(w));
        if !accepts || refuses {
            continue;
        }
        let ws = words(clause);
        let mut k = 0;
        while k < ws.len() {
            let w = ws[k];
            if w.chars().all(|c| c.is_ascii_uppercase()) {
                if let Some(t) = EventType::parse(w) {
                    a.types.push(t);
                }
            } else if w == "status" {
                if let Some(s) = ws.get(k + 1).and_then(|n| EventStatus::parse(unquote(n))) {
                    a.statuses.push(s);
                    k += 1;
                }
            } else if w == "mode" {
                while let Some(n) = ws.get(k + 1) {
                    if n.starts_with('\'') {
                        a.modes.push(unquote(n).to_string());
                        k += 1;
                    } else if *n == "or" || *n == "and" {
                        k += 1;
                    } else {
                        break;
                    }
                }
            }
            k += 1;
        }
        if let Some(pos) = clause.find("location ") {
            let rest = &clause[pos + "location ".len()..];
            let end = rest
                .find('(')
                .or_else(|| rest.find("tolerated"))
                .or_else(|| rest.find("acceptable"))
                .unwrap_or(rest.len());
            let name = rest[..end].trim();
            if !name.is_empty() {
                a.places.push(name.to_string());
            }
        }
    }
    a
}

/// A mechanical check read from a `must_not` clause.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// No kept prediction of one of these types (with this mode, with one of these statuses).
    Type {
        types: Vec<EventType>,
        mode: Option<String>,
        statuses: Option<Vec<EventStatus>>,
    },
    /// No kept prediction whose count field has one of these numbers as a bound.
    Count {
        fields: Vec<&'static str>,
        values: Vec<u64>,
    },
}

impl Check {
    /// A short label for the report (no gold text).
    pub fn label(&self) -> String {
        match self {
            Check::Type {
                types,
                mode,
                statuses,
            } => {
                let mut s = format!(
                    "type {}",
                    types
                        .iter()
                        .map(|t| t.as_str())
                        .collect::<Vec<_>>()
                        .join("|")
                );
                if let Some(m) = mode {
                    s += &format!(" mode {m}");
                }
                if let Some(st) = statuses {
                    s += &format!(
                        " status {}",
                        st.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("|")
                    );
                }
                s
            }
            Check::Count { fields, values } => format!(
                "{} bound in {{{}}}",
                fields.join("|"),
                values
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn violated_by(&self, e: &Event) -> bool {
        match self {
            Check::Type {
                types,
                mode,
                statuses,
            } => {
                types.contains(&e.event_type)
                    && mode
                        .as_ref()
                        .is_none_or(|m| e.mode.as_ref() == Some(m) || e.modes.contains(m))
                    && statuses
                        .as_ref()
                        .is_none_or(|st| st.iter().any(|s| status_agrees(e.status, *s)))
            }
            Check::Count { fields, values } => fields.iter().any(|f| {
                e.count(f).is_some_and(|c| {
                    values
                        .iter()
                        .any(|v| c.low == Some(*v) || c.high == Some(*v))
                })
            }),
        }
    }

    /// Whether a gold event is itself a coding of this kind, so the check cannot tell a
    /// forbidden prediction from an allowed one.
    fn covered_by(&self, g: &GoldEvent) -> bool {
        let Check::Type {
            types,
            mode,
            statuses,
        } = self
        else {
            return false;
        };
        let acc = g.accepted();
        let type_ok = types
            .iter()
            .any(|t| *t == g.event_type || acc.types.contains(t));
        let mode_ok = mode.as_ref().is_none_or(|m| {
            g.mode.as_ref() == Some(m) || g.mode_also.contains(m) || acc.modes.contains(m)
        });
        let status_ok = statuses.as_ref().is_none_or(|st| {
            st.iter().any(|s| {
                status_agrees(g.status, *s) || acc.statuses.iter().any(|a| status_agrees(*a, *s))
            })
        });
        type_ok && mode_ok && status_ok
    }
}

/// One `;` clause of a `must_not` item: a check, or why none could be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    Scored(Check),
    Unscored(String),
}

const WHY_DATE: &str = "about the date of one particular happening: needs linking a \
                        prediction to that happening by reading";
const WHY_PLACE: &str = "about the place of one particular happening: needs linking a \
                         prediction to that happening by reading";
const WHY_READING: &str = "names text that must not yield an event (opinions, figures, \
                           background, a wrong reading): needs reading which sentence a \
                           prediction came from";
const WHY_NO_NUMBER: &str = "a count attached to the wrong event, with no number to compare";

/// Parses one number token ("5,000", "2") with an optional following "million"/"thousand".
fn numbers_in(ws: &[&str]) -> Vec<u64> {
    let mut out = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        let digits: String = w.chars().filter(|c| *c != ',').collect();
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let Ok(mut n) = digits.parse::<u64>() else {
            continue;
        };
        match ws.get(k + 1).map(|x| x.to_lowercase()).as_deref() {
            Some("million") => n *= 1_000_000,
            Some("thousand") => n *= 1_000,
            _ => {}
        }
        out.push(n);
    }
    out
}

/// Reads a `must_not` item by fixed patterns, clause by clause (split at `;`):
/// - count: count-field names before the word "count" (or "="), numbers after it
///   ("a killed count of 40", "participants = 300");
/// - type: the clause starts (after "a"/"an") with PLOVER type names joined by "/", then
///   optionally a codebook mode word and a status in parentheses ("a SANCTION (occurred)").
///
/// Anything else is left unscored with the reason. Whether a type check can be scored also
/// depends on the story's gold (see [`Check::covered_by`]), decided by the caller.
pub fn parse_must_not(item: &str) -> Vec<Clause> {
    item.split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(parse_must_not_clause)
        .collect()
}

fn parse_must_not_clause(clause: &str) -> Clause {
    // Commas are kept inside numbers ("5,000"), so split on spaces and trim punctuation.
    let ws: Vec<&str> = clause
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| "()[]:;.\"".contains(c) || c == ','))
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    if let Some(at) = lower.iter().position(|w| w == "count" || w == "=") {
        let fields: Vec<&'static str> = COUNT_FIELDS
            .into_iter()
            .filter(|f| lower[..at].iter().any(|w| w == f))
            .collect();
        if !fields.is_empty() {
            let values = numbers_in(&ws[at + 1..]);
            if values.is_empty() {
                return Clause::Unscored(WHY_NO_NUMBER.into());
            }
            return Clause::Scored(Check::Count { fields, values });
        }
    }
    let first = lower.first().map(String::as_str);
    let start = usize::from(matches!(first, Some("a" | "an")));
    if let Some(head) = ws.get(start) {
        let parts: Vec<&str> = head.split('/').collect();
        let types: Vec<EventType> = parts
            .iter()
            .filter(|p| p.chars().all(|c| c.is_ascii_uppercase()))
            .filter_map(|p| EventType::parse(p))
            .collect();
        // Every part must be a type, or a mode joined by "/" ("ASSAULT/clash" = either).
        let all_known = parts
            .iter()
            .all(|p| EventType::parse(p).is_some() || MODES.contains(p));
        if !types.is_empty() && all_known && parts[0].chars().all(|c| c.is_ascii_uppercase()) {
            let mut next = start + 1;
            let mode = ws
                .get(next)
                .filter(|w| MODES.contains(w))
                .map(|w| w.to_string());
            next += usize::from(mode.is_some());
            // A status in parentheses right after the type, mode or the word "event".
            let paren = clause
                .split_once('(')
                .and_then(|(before, after)| {
                    let words_before = before.split_whitespace().count();
                    (words_before <= next + 1).then_some(after)
                })
                .and_then(|after| after.split_once(')'))
                .map(|(inside, _)| inside.trim().trim_start_matches("status").trim());
            let statuses = paren.and_then(EventStatus::parse).map(|s| {
                if status_agrees(s, EventStatus::Occurred) {
                    vec![EventStatus::Occurred, EventStatus::Claimed]
                } else {
                    vec![s]
                }
            });
            return Clause::Scored(Check::Type {
                types,
                mode,
                statuses,
            });
        }
    }
    match first {
        Some("dating") => Clause::Unscored(WHY_DATE.into()),
        Some("locating") => Clause::Unscored(WHY_PLACE.into()),
        _ => Clause::Unscored(WHY_READING.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Matching

/// `claimed` and `occurred` count as agreeing; otherwise statuses must be equal.
pub fn status_agrees(a: EventStatus, b: EventStatus) -> bool {
    a == b
        || (matches!(a, EventStatus::Occurred | EventStatus::Claimed)
            && matches!(b, EventStatus::Occurred | EventStatus::Claimed))
}

/// Predictions with these statuses are left out of the scoring.
pub fn left_out(s: EventStatus) -> bool {
    matches!(
        s,
        EventStatus::Background | EventStatus::Hypothetical | EventStatus::Negated
    )
}

/// How a prediction's place agrees with a gold place; better fits sort first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PlaceFit {
    /// Both have coordinates, this many km apart (within tolerance).
    Near(f64),
    /// Same country (one side has no coordinates), or an accepted alternative country.
    Country,
    /// The gold names no place at all (no country, no coordinates): nothing to disagree with.
    Unstated,
}

impl PlaceFit {
    fn rank(&self) -> (u8, f64) {
        match self {
            PlaceFit::Near(d) => (0, *d),
            PlaceFit::Country => (1, 0.0),
            PlaceFit::Unstated => (2, 0.0),
        }
    }
}

/// Engine coordinates count only for places finer than a country: a country or region
/// location carries a centroid, and the engine claims no more than the country (as the gold
/// leaves `lat`/`lon` null for country-level places).
fn engine_coords(l: &Location) -> Option<(f64, f64)> {
    let coarse = matches!(
        l.precision,
        Precision::Country | Precision::Region | Precision::Unknown
    );
    match (l.lat, l.lon) {
        (Some(a), Some(b)) if !coarse => Some((a, b)),
        _ => None,
    }
}

/// The README's place rule, plus accepted alternative countries.
pub fn place_fit(
    gold: Option<&GoldLocation>,
    alt_countries: &[String],
    pred: Option<&Location>,
) -> Option<PlaceFit> {
    let g = match gold {
        Some(g) if g.country.is_some() || (g.lat.is_some() && g.lon.is_some()) => g,
        _ => return Some(PlaceFit::Unstated),
    };
    let pc = pred.and_then(|l| l.country.as_deref());
    let alt_ok = pc.is_some_and(|c| alt_countries.iter().any(|a| a.eq_ignore_ascii_case(c)));
    if let (Some(glat), Some(glon), Some((plat, plon))) =
        (g.lat, g.lon, pred.and_then(engine_coords))
    {
        let d = distance_km(glat, glon, plat, plon);
        let tol = g.tolerance_km.unwrap_or(0.0).max(BASE_TOLERANCE_KM);
        if d <= tol {
            return Some(PlaceFit::Near(d));
        }
        return alt_ok.then_some(PlaceFit::Country);
    }
    let same =
        matches!((g.country.as_deref(), pc), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b));
    (same || alt_ok).then_some(PlaceFit::Country)
}

/// Whether a gold event accepts a prediction's type, and through an alternative or not.
fn type_fit(g: &GoldEvent, acc: &Accepted, t: EventType) -> Option<bool> {
    if g.event_type == t {
        Some(false)
    } else if acc.types.contains(&t) {
        Some(true)
    } else {
        None
    }
}

/// Lower-case word tokens of a name, without a leading "the".
fn name_tokens(s: &str) -> Vec<String> {
    let mut t: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if t.first().map(String::as_str) == Some("the") {
        t.remove(0);
    }
    t
}

/// Two names overlap when, case-insensitively and word by word, one is a contiguous run of
/// the other ("Trump" / "Donald Trump", "U.S. military" / "the U.S. military").
pub fn names_overlap(a: &str, b: &str) -> bool {
    let (x, y) = (name_tokens(a), name_tokens(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Correct answers out of attempts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub correct: usize,
    pub n: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.correct += usize::from(ok);
    }
    pub fn value(&self) -> Option<f64> {
        (self.n > 0).then(|| ratio(self.correct, self.n))
    }
    fn cell(&self) -> String {
        format!(
            "{} / {} | {}",
            self.correct,
            self.n,
            self.value().map_or_else(|| "n/a".into(), pct)
        )
    }
}

/// A required gold event nothing matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Missed {
    pub story: String,
    pub index: usize,
    pub event_type: EventType,
    pub mode: Option<String>,
    pub status: EventStatus,
    pub why: String,
}

/// A kept prediction that matched no gold event (a false positive).
#[derive(Debug, Clone, PartialEq)]
pub struct Spurious {
    pub story: String,
    pub event_type: EventType,
    pub mode: Option<String>,
    pub status: EventStatus,
    pub trigger: Option<String>,
    pub country: Option<String>,
    pub sentence: Option<usize>,
    pub why: String,
}

/// One disagreement on a matched pair: story, gold event index, type, what, gold, engine.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub story: String,
    pub index: usize,
    pub event_type: EventType,
    pub field: String,
    pub gold: String,
    pub engine: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MustNotResult {
    pub story: String,
    pub index: usize,
    /// Per clause: the check and the predictions violating it, or why it is not scored.
    pub clauses: Vec<Result<(Check, Vec<String>), String>>,
}

impl MustNotResult {
    pub fn scored(&self) -> bool {
        self.clauses.iter().any(Result::is_ok)
    }
    pub fn violated(&self) -> bool {
        self.clauses
            .iter()
            .any(|c| c.as_ref().is_ok_and(|(_, v)| !v.is_empty()))
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryRow {
    pub id: String,
    pub gold: usize,
    pub required: usize,
    pub kept: usize,
    pub left_out: usize,
    pub tp: usize,
    pub optional: usize,
    pub fp: usize,
    pub must_not_violated: usize,
}

/// Everything the report shows.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stories: usize,
    pub gold_events: usize,
    pub gold_required: usize,
    /// Kept predictions (status not left out).
    pub predicted: usize,
    pub left_out: usize,
    /// Predictions matched to required gold events.
    pub tp: usize,
    /// Predictions matched to non-required gold events (neither true nor false positives).
    pub matched_optional: usize,
    pub fp: usize,
    pub alt_type_matches: usize,
    pub unstated_place_matches: usize,
    pub types: LabelScores,
    pub status: Tally,
    /// Status on pairs whose gold event is required.
    pub status_required: Tally,
    pub mode: Tally,
    pub counts: BTreeMap<&'static str, Tally>,
    /// Counts the engine gave where the gold has none, on matched pairs.
    pub counts_unwanted: usize,
    pub actors: BTreeMap<&'static str, Tally>,
    pub actors_unscorable: usize,
    pub date: Tally,
    pub attribution: Tally,
    pub attribution_precision: Tally,
    pub missed: Vec<Missed>,
    pub spurious: Vec<Spurious>,
    pub field_errors: Vec<FieldError>,
    pub must_not: Vec<MustNotResult>,
    pub rows: Vec<StoryRow>,
}

impl Outcome {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold_required)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn counts_total(&self) -> Tally {
        self.counts.values().fold(Tally::default(), |a, t| Tally {
            correct: a.correct + t.correct,
            n: a.n + t.n,
        })
    }
    fn actors_total(&self) -> Tally {
        self.actors.values().fold(Tally::default(), |a, t| Tally {
            correct: a.correct + t.correct,
            n: a.n + t.n,
        })
    }
}

fn role_name(r: ActorRole) -> &'static str {
    match r {
        ActorRole::Actor => "actor",
        ActorRole::Recipient => "recipient",
        ActorRole::Partner => "partner",
    }
}

fn precision_name(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
        DatePrecision::Unknown => "unknown",
    }
}

fn bounds(low: Option<u64>, high: Option<u64>) -> String {
    let b = |x: Option<u64>| x.map_or_else(|| "-".into(), |v| v.to_string());
    format!("{}..{}", b(low), b(high))
}

/// Scores one story: matches its kept predictions to its gold events and adds every tally to
/// `out`. `country_of` turns a place name from an `alternatives` note into an ISO2 code.
pub fn score_story(
    id: &str,
    gold: &StoryLabels,
    preds: &[Event],
    country_of: &dyn Fn(&str) -> Option<String>,
    out: &mut Outcome,
) {
    out.stories += 1;
    let mut row = StoryRow {
        id: id.to_string(),
        gold: gold.events.len(),
        required: gold.events.iter().filter(|g| g.required).count(),
        ..Default::default()
    };
    out.gold_events += row.gold;
    out.gold_required += row.required;
    let kept: Vec<(usize, &Event)> = preds
        .iter()
        .enumerate()
        .filter(|(_, e)| !left_out(e.status))
        .collect();
    row.kept = kept.len();
    row.left_out = preds.len() - kept.len();
    out.predicted += row.kept;
    out.left_out += row.left_out;

    let accepted: Vec<Accepted> = gold.events.iter().map(GoldEvent::accepted).collect();
    let alt_countries: Vec<Vec<String>> = accepted
        .iter()
        .map(|a| a.places.iter().filter_map(|p| country_of(p)).collect())
        .collect();

    // Every agreeing pair, best first: required gold, exact type, closest place, text order.
    let mut pairs: Vec<(usize, usize, bool, PlaceFit)> = Vec::new();
    for (gi, g) in gold.events.iter().enumerate() {
        for (pi, (_, e)) in kept.iter().enumerate() {
            let Some(via_alt) = type_fit(g, &accepted[gi], e.event_type) else {
                continue;
            };
            if let Some(fit) =
                place_fit(g.location.as_ref(), &alt_countries[gi], e.location.as_ref())
            {
                pairs.push((gi, pi, via_alt, fit));
            }
        }
    }
    pairs.sort_by(|a, b| {
        let ka = (!gold.events[a.0].required, a.2, a.3.rank().0);
        let kb = (!gold.events[b.0].required, b.2, b.3.rank().0);
        ka.cmp(&kb)
            .then(a.3.rank().1.total_cmp(&b.3.rank().1))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    let mut gold_of_pred: Vec<Option<usize>> = vec![None; kept.len()];
    let mut pred_of_gold: Vec<Option<usize>> = vec![None; gold.events.len()];
    for (gi, pi, via_alt, fit) in &pairs {
        if pred_of_gold[*gi].is_some() || gold_of_pred[*pi].is_some() {
            continue;
        }
        pred_of_gold[*gi] = Some(*pi);
        gold_of_pred[*pi] = Some(*gi);
        out.alt_type_matches += usize::from(*via_alt);
        out.unstated_place_matches += usize::from(*fit == PlaceFit::Unstated);
    }

    // Event-level counts and the per-type table (matches under the gold type).
    for (gi, g) in gold.events.iter().enumerate() {
        let t = g.event_type.as_str();
        if g.required {
            out.types.classes.entry(t.to_string()).or_default().gold += 1;
        }
        if let Some(pi) = pred_of_gold[gi] {
            if g.required {
                row.tp += 1;
                let c = out.types.classes.entry(t.to_string()).or_default();
                c.tp += 1;
                c.predicted += 1;
            } else {
                row.optional += 1;
            }
            score_pair(id, gi, g, &accepted[gi], kept[pi].1, out);
        }
    }
    for (pi, (_, e)) in kept.iter().enumerate() {
        if gold_of_pred[pi].is_none() {
            row.fp += 1;
            out.types
                .classes
                .entry(e.event_type.as_str().to_string())
                .or_default()
                .predicted += 1;
        }
    }
    out.tp += row.tp;
    out.matched_optional += row.optional;
    out.fp += row.fp;

    // Confusions: pair leftover required gold and leftover predictions by place alone.
    let mut left_gold: Vec<usize> = (0..gold.events.len())
        .filter(|&gi| gold.events[gi].required && pred_of_gold[gi].is_none())
        .collect();
    let mut left_pred: Vec<usize> = (0..kept.len())
        .filter(|&pi| gold_of_pred[pi].is_none())
        .collect();
    let mut k = 0;
    while k < left_gold.len() {
        let gi = left_gold[k];
        let g = &gold.events[gi];
        let hit = left_pred.iter().position(|&pi| {
            place_fit(
                g.location.as_ref(),
                &alt_countries[gi],
                kept[pi].1.location.as_ref(),
            )
            .is_some()
        });
        if let Some(j) = hit {
            let pi = left_pred.remove(j);
            *out.types
                .confusions
                .entry((
                    g.event_type.as_str().to_string(),
                    kept[pi].1.event_type.as_str().to_string(),
                ))
                .or_default() += 1;
            left_gold.remove(k);
        } else {
            k += 1;
        }
    }
    for gi in left_gold {
        *out.types
            .confusions
            .entry((gold.events[gi].event_type.as_str().to_string(), NONE.into()))
            .or_default() += 1;
    }
    for pi in left_pred {
        *out.types
            .confusions
            .entry((NONE.into(), kept[pi].1.event_type.as_str().to_string()))
            .or_default() += 1;
    }

    // Why each required gold event was missed.
    for (gi, g) in gold.events.iter().enumerate() {
        if !g.required || pred_of_gold[gi].is_some() {
            continue;
        }
        let same_type = |e: &Event| type_fit(g, &accepted[gi], e.event_type).is_some();
        let kept_same: Vec<(usize, &Event)> = kept
            .iter()
            .enumerate()
            .filter(|(_, (_, e))| same_type(e))
            .map(|(pi, (_, e))| (pi, *e))
            .collect();
        let why = if kept_same.is_empty() {
            let dropped: BTreeSet<&str> = preds
                .iter()
                .filter(|e| left_out(e.status) && same_type(e))
                .map(|e| e.status.as_str())
                .collect();
            if dropped.is_empty() {
                "no engine event of this type".to_string()
            } else {
                format!(
                    "engine event of this type only with status {}",
                    dropped.into_iter().collect::<Vec<_>>().join("/")
                )
            }
        } else if kept_same.iter().any(|(_, e)| {
            place_fit(g.location.as_ref(), &alt_countries[gi], e.location.as_ref()).is_some()
        }) {
            "every agreeing engine event went to another gold event".to_string()
        } else {
            let places: BTreeSet<String> = kept_same
                .iter()
                .map(|(_, e)| place_label(g.location.as_ref(), e.location.as_ref()))
                .collect();
            format!(
                "place disagrees (engine: {})",
                places.into_iter().collect::<Vec<_>>().join("; ")
            )
        };
        out.missed.push(Missed {
            story: id.to_string(),
            index: gi,
            event_type: g.event_type,
            mode: g.mode.clone(),
            status: g.status,
            why,
        });
    }

    // Why each unmatched prediction matched nothing.
    for (pi, (_, e)) in kept.iter().enumerate() {
        if gold_of_pred[pi].is_some() {
            continue;
        }
        let same: Vec<usize> = (0..gold.events.len())
            .filter(|&gi| type_fit(&gold.events[gi], &accepted[gi], e.event_type).is_some())
            .collect();
        let why = if same.is_empty() {
            "type not in the gold for this story".to_string()
        } else if same.iter().any(|&gi| {
            place_fit(
                gold.events[gi].location.as_ref(),
                &alt_countries[gi],
                e.location.as_ref(),
            )
            .is_some()
        }) {
            "duplicate: the agreeing gold event is taken".to_string()
        } else {
            let g = &gold.events[same[0]];
            format!(
                "place disagrees with gold #{} ({})",
                same[0],
                place_label(g.location.as_ref(), e.location.as_ref())
            )
        };
        out.spurious.push(Spurious {
            story: id.to_string(),
            event_type: e.event_type,
            mode: e.mode.clone(),
            status: e.status,
            trigger: e.trigger.clone(),
            country: e.location.as_ref().and_then(|l| l.country.clone()),
            sentence: e.sentence,
            why,
        });
    }

    // must_not items.
    for (mi, item) in gold.must_not.iter().enumerate() {
        let clauses = parse_must_not(item)
            .into_iter()
            .map(|c| match c {
                Clause::Unscored(why) => Err(why),
                Clause::Scored(check) => {
                    if gold.events.iter().any(|g| check.covered_by(g)) {
                        return Err("the gold itself codes this type in the story, so only the \
                             item's qualifier (actor, sentence, reading) tells the forbidden \
                             coding apart"
                            .to_string());
                    }
                    let hits = kept
                        .iter()
                        .filter(|(_, e)| check.violated_by(e))
                        .map(|(_, e)| pred_label(e))
                        .collect();
                    Ok((check, hits))
                }
            })
            .collect();
        let r = MustNotResult {
            story: id.to_string(),
            index: mi,
            clauses,
        };
        row.must_not_violated += usize::from(r.violated());
        out.must_not.push(r);
    }
    out.rows.push(row);
}

/// A prediction as labels only: type, mode, status, trigger, sentence index.
fn pred_label(e: &Event) -> String {
    format!(
        "{}{} {} '{}' s{}",
        e.event_type.as_str(),
        e.mode.as_ref().map_or(String::new(), |m| format!("/{m}")),
        e.status.as_str(),
        e.trigger.as_deref().unwrap_or("-"),
        e.sentence.map_or_else(|| "-".into(), |s| s.to_string())
    )
}

/// The engine's place against the gold's: country and, when both have coordinates, the
/// distance.
fn place_label(gold: Option<&GoldLocation>, pred: Option<&Location>) -> String {
    let Some(p) = pred else {
        return "no location".into();
    };
    let cc = p.country.as_deref().unwrap_or("?");
    match (gold, engine_coords(p)) {
        (Some(g), Some((plat, plon))) => match (g.lat, g.lon) {
            (Some(glat), Some(glon)) => {
                format!("{cc}, {:.0} km", distance_km(glat, glon, plat, plon))
            }
            _ => cc.to_string(),
        },
        _ => cc.to_string(),
    }
}

/// Field-by-field scores of one matched pair.
fn score_pair(story: &str, gi: usize, g: &GoldEvent, acc: &Accepted, e: &Event, out: &mut Outcome) {
    let mut errs: Vec<FieldError> = Vec::new();
    let mut err = |field: &str, gold: String, engine: String| {
        errs.push(FieldError {
            story: story.to_string(),
            index: gi,
            event_type: g.event_type,
            field: field.to_string(),
            gold,
            engine,
        })
    };
    // Status.
    let status_ok = status_agrees(e.status, g.status)
        || acc.statuses.iter().any(|s| status_agrees(e.status, *s));
    out.status.add(status_ok);
    if g.required {
        out.status_required.add(status_ok);
    }
    if !status_ok {
        err("status", g.status.as_str().into(), e.status.as_str().into());
    }
    // Mode, only when the types are equal (an alternative type has modes of its own).
    if let (Some(gm), true) = (&g.mode, g.event_type == e.event_type) {
        let ok_modes: Vec<&String> = std::iter::once(gm)
            .chain(&g.mode_also)
            .chain(&acc.modes)
            .collect();
        let ok = e.mode.iter().chain(&e.modes).any(|m| ok_modes.contains(&m));
        out.mode.add(ok);
        if !ok {
            err(
                "mode",
                gm.clone(),
                e.mode.clone().unwrap_or_else(|| "-".into()),
            );
        }
    }
    // Counts.
    for f in COUNT_FIELDS {
        let ec = e.count(f);
        match g.count(f) {
            Some(gc) => {
                let ok = ec.is_some_and(|c| c.low == gc.low && c.high == gc.high);
                out.counts.entry(f).or_default().add(ok);
                if !ok {
                    err(
                        f,
                        bounds(gc.low, gc.high),
                        ec.map_or_else(|| "none".into(), |c| bounds(c.low, c.high)),
                    );
                }
            }
            None => {
                if let Some(c) = ec {
                    out.counts_unwanted += 1;
                    err(f, "none".into(), bounds(c.low, c.high));
                }
            }
        }
    }
    // Actors by role.
    for a in &g.actors {
        let names: Vec<&str> = [a.text.as_deref(), a.name.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if names.is_empty() {
            out.actors_unscorable += 1;
            continue;
        }
        let ok = e.actors_with(a.role).any(|x| {
            [x.text.as_deref(), x.name.as_deref()]
                .into_iter()
                .flatten()
                .any(|en| names.iter().any(|gn| names_overlap(gn, en)))
        });
        out.actors.entry(role_name(a.role)).or_default().add(ok);
        if !ok {
            // Labels only: the gold names are annotations and stay out of the report.
            let n = e.actors_with(a.role).count();
            err(
                &format!("actor:{}", role_name(a.role)),
                "named".into(),
                if n == 0 {
                    "no actor of this role".into()
                } else {
                    format!("{n} of this role, no name overlaps")
                },
            );
        }
    }
    // Date.
    if let Some(d) = &g.date {
        let ok = d.start == e.date.start && d.end == e.date.end && d.precision == e.date.precision;
        out.date.add(ok);
        if !ok {
            let show = |s: &Option<String>, t: &Option<String>, p: DatePrecision| {
                format!(
                    "{}..{} {}",
                    s.as_deref().unwrap_or("-"),
                    t.as_deref().unwrap_or("-"),
                    precision_name(p)
                )
            };
            err(
                "date",
                show(&d.start, &d.end, d.precision),
                show(&e.date.start, &e.date.end, e.date.precision),
            );
        }
    }
    // Attribution: each gold source found among the engine's, and the reverse.
    let gold_sources: Vec<&str> = g
        .attribution
        .iter()
        .filter_map(|a| a.source.as_deref())
        .collect();
    for s in &gold_sources {
        let ok = e.attribution.iter().any(|a| names_overlap(s, &a.source));
        out.attribution.add(ok);
    }
    for a in &e.attribution {
        out.attribution_precision
            .add(gold_sources.iter().any(|s| names_overlap(s, &a.source)));
    }
    out.field_errors.extend(errs);
}

// ---------------------------------------------------------------------------------------------
// The command

const RULE: &str = "Scoring rule (`shared/gold/voa_dev/README.md`, \"Scoring rule\"): a \
prediction matches a gold event of the same story when the type is equal and the place agrees: \
within 50 km (or the gold `tolerance_km` if larger) when both have coordinates, otherwise the \
same country. Matching is greedy and one-to-one. Predictions with status background, \
hypothetical or negated are left out. Recall counts `required` gold events; precision counts \
every remaining prediction, except that a prediction matching a non-required gold event is not \
a false positive. On matched pairs: status accuracy (`claimed` and `occurred` agree), exact \
count bounds where the gold gives a count, actor names by role.\n\n\
How this scorer reads the open points:\n\n\
- **Alternatives.** A gold `alternatives` note is read clause by clause (split at `;`); a \
clause that says \"acceptable\" or \"tolerated\" (and not \"wrong\", \"not valid\", \"not \
expected\", \"must not\") adds its upper-case PLOVER types to the accepted types, the word \
after \"status\" to the accepted statuses, quoted words after \"mode\" to the accepted modes, \
and a place after \"location\" (resolved to a country by the gazetteer) to the accepted \
places.\n\
- **Places.** A gold event with neither country nor coordinates (place not stated) agrees with \
any place. Engine coordinates count only for places finer than a country: a country, region \
or unknown-precision location carries a centroid, so it is compared by country (as the gold \
leaves `lat`/`lon` null for country-level places).\n\
- **Greedy order.** Agreeing pairs are taken best first: required gold before non-required, \
exact type before an accepted alternative, coordinates within tolerance (closest first) before \
same-country before unstated place, then gold order, then engine order.\n\
- **Fields on matched pairs** (over every matched pair, required or not): status as above, \
also accepting alternative statuses; mode (only when the types are equal) against `mode`, \
`mode_also` and alternative modes; each gold count field exact (low and high equal); each \
gold actor with a `text` or `name` matches when one of them overlaps the `text` or `name` of \
an engine actor of the same role (case-insensitive, word by word, one a contiguous run of the \
other, a leading \"the\" ignored); date exact (start, end and precision equal); attribution: \
each gold `source` found among the engine's sources by the same overlap rule (recall), and \
each engine source found among the gold's (precision).\n\
- **must_not** items are read by fixed patterns (see the section below); the ones the \
patterns cannot read are listed as not scored, with the reason.\n\n\
The engine reads each story's `text` unchanged, with `title` in `Document::title` (the engine \
does not use the title today) and the UTC date of `published` as the publication date. \
Percentages.";

pub fn run(args: SetArgs, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut gold = load_gold(&args.gold)?;
    if let Some(n) = args.limit {
        gold.stories.truncate(n);
    }
    let res = crate::pipeline::load_resources(data_dir)?;
    let docs: Vec<_> = gold
        .stories
        .iter()
        .map(|(s, l)| {
            let published = s
                .published
                .as_deref()
                .or(l.published.as_deref())
                .and_then(|p| p.get(..10));
            let mut d = common::gold_document(&s.id, &s.text, published);
            d.title = s.title.clone();
            d
        })
        .collect();
    let extractions = common::extract_all(&docs, &res);
    let country_of = |name: &str| res.gazetteer.country_by_name(name).and_then(|p| p.country);
    let mut out = Outcome::default();
    for ((s, l), x) in gold.stories.iter().zip(&extractions) {
        score_story(&s.id, l, &x.events, &country_of, &mut out);
    }
    let md = report(&args, &gold, &out);
    let summary = format!(
        "voa: {} stories, {} required gold events, {} kept predictions; event P {} R {} F1 {}; \
         status {}, counts exact {}, actors {}, dates {}\n",
        out.stories,
        out.gold_required,
        out.predicted,
        pct(out.precision()),
        pct(out.recall()),
        pct(out.f1()),
        out.status.value().map_or_else(|| "n/a".into(), pct),
        out.counts_total().value().map_or_else(|| "n/a".into(), pct),
        out.actors_total().value().map_or_else(|| "n/a".into(), pct),
        out.date.value().map_or_else(|| "n/a".into(), pct),
    );
    common::finish(&args.report_path("voa"), &md, &summary, &headline(&out))
}

fn opt4(t: Tally) -> serde_json::Value {
    t.value().map(r4).into()
}

pub fn headline(out: &Outcome) -> serde_json::Value {
    let scored = out.must_not.iter().filter(|m| m.scored()).count();
    let violated = out.must_not.iter().filter(|m| m.violated()).count();
    json!({
        "eval": "voa",
        "stories": out.stories,
        "gold_events": out.gold_events,
        "gold_required": out.gold_required,
        "predicted": out.predicted,
        "left_out": out.left_out,
        "matched_required": out.tp,
        "matched_optional": out.matched_optional,
        "false_positives": out.fp,
        "event_precision": r4(out.precision()),
        "event_recall": r4(out.recall()),
        "event_f1": r4(out.f1()),
        "status_accuracy": opt4(out.status),
        "status_accuracy_required": opt4(out.status_required),
        "counts_exact": opt4(out.counts_total()),
        "actor_accuracy": opt4(out.actors_total()),
        "date_accuracy": opt4(out.date),
        "attribution_recall": opt4(out.attribution),
        "attribution_precision": opt4(out.attribution_precision),
        "mode_accuracy": opt4(out.mode),
        "must_not_items": out.must_not.len(),
        "must_not_scored": scored,
        "must_not_violated": violated,
    })
}

fn report(args: &SetArgs, gold: &GoldSet, out: &Outcome) -> String {
    let mut s = common::report_header(
        "VOA stories: full codebook records",
        "sitrep eval voa --gold ../shared/gold/voa_dev/",
        args,
        RULE,
    );
    if gold.unlabelled > 0 {
        s += &format!(
            "{} story records without a label record were not scored.\n\n",
            gold.unlabelled
        );
    }
    s += &format!(
        "## Headline\n\n\
         | stories | gold events | required | kept predictions | left out | matched required | \
         matched optional | false positives | precision | recall | F1 |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n\
         | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n\n",
        out.stories,
        out.gold_events,
        out.gold_required,
        out.predicted,
        out.left_out,
        out.tp,
        out.matched_optional,
        out.fp,
        pct(out.precision()),
        pct(out.recall()),
        pct(out.f1()),
    );
    let ct = out.counts_total();
    let at = out.actors_total();
    s += &format!(
        "| field (on matched pairs) | correct / n | % |\n|---|---:|---:|\n\
         | status | {} |\n| status (required gold only) | {} |\n| counts exact | {} |\n\
         | actors | {} |\n| date | {} |\n\
         | attribution recall | {} |\n| attribution precision | {} |\n| mode | {} |\n\n",
        out.status.cell(),
        out.status_required.cell(),
        ct.cell(),
        at.cell(),
        out.date.cell(),
        out.attribution.cell(),
        out.attribution_precision.cell(),
        out.mode.cell(),
    );
    s += &format!(
        "Targets (issue 5): event F1 >= 75.0 (now {}), counts exact where stated (now {}), \
         status >= 85.0 (now {}).\n\n\
         Matches through an accepted alternative type: {}; matches where the gold states no \
         place: {}. Engine counts on matched pairs where the gold has none: {}. Gold actors with \
         neither text nor name (not scored): {}.\n\n",
        pct(out.f1()),
        ct.value().map_or_else(|| "n/a".into(), pct),
        out.status.value().map_or_else(|| "n/a".into(), pct),
        out.alt_type_matches,
        out.unstated_place_matches,
        out.counts_unwanted,
        out.actors_unscorable,
    );

    s += "## Per type\n\nRequired gold events by gold type; engine events counted under the gold \
          type when matched, under their own type when spurious (matches to non-required gold \
          are in neither column). *support* = required gold, *correct* = matched, \
          missed = support - correct, spurious = predicted - correct.\n\n";
    s += &out.types.class_table();
    s += "\n## Confusions\n\nLeft-over required gold events paired with left-over engine events \
          of the same story whose place agrees (any type); the rest are misses (engine `-`) and \
          spurious events (gold `-`).\n\n";
    s += &out.types.confusion_table(30);

    s += "\n## Fields on matched pairs\n\n| field | correct / n | % |\n|---|---:|---:|\n";
    for (f, t) in &out.counts {
        s += &format!("| count {f} | {} |\n", t.cell());
    }
    for (r, t) in &out.actors {
        s += &format!("| actor {r} | {} |\n", t.cell());
    }
    s += "\n## Per story\n\n| story | gold | required | kept | left out | matched required | \
          matched optional | false positives | must_not violated |\n\
          |---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for r in &out.rows {
        s += &format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            r.id,
            r.gold,
            r.required,
            r.kept,
            r.left_out,
            r.tp,
            r.optional,
            r.fp,
            r.must_not_violated
        );
    }

    s += &format!(
        "\n## Missed required gold events ({})\n\n| story | gold # | type | mode | status | why |\n\
         |---|---:|---|---|---|---|\n",
        out.missed.len()
    );
    for m in &out.missed {
        s += &format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            m.story,
            m.index,
            m.event_type.as_str(),
            m.mode.as_deref().unwrap_or("-"),
            m.status.as_str(),
            m.why
        );
    }
    s += &format!(
        "\n## Unmatched engine events ({})\n\n| story | type | mode | status | trigger | country | \
         sentence | why |\n|---|---|---|---|---|---|---:|---|\n",
        out.spurious.len()
    );
    for p in &out.spurious {
        s += &format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            p.story,
            p.event_type.as_str(),
            p.mode.as_deref().unwrap_or("-"),
            p.status.as_str(),
            p.trigger.as_deref().unwrap_or("-"),
            p.country.as_deref().unwrap_or("-"),
            p.sentence.map_or_else(|| "-".into(), |x| x.to_string()),
            p.why
        );
    }
    s += &format!(
        "\n## Field errors on matched pairs ({})\n\nGold event index, field, gold and engine \
         labels (actor rows: a named gold actor of that role that no engine actor of the role \
         overlaps; names are left out).\n\n\
         | story | gold # | type | field | gold | engine |\n|---|---:|---|---|---|---|\n",
        out.field_errors.len()
    );
    for f in &out.field_errors {
        s += &format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            f.story,
            f.index,
            f.event_type.as_str(),
            f.field,
            f.gold,
            f.engine
        );
    }

    let scored = out.must_not.iter().filter(|m| m.scored()).count();
    let violated = out.must_not.iter().filter(|m| m.violated()).count();
    s += &format!(
        "\n## must_not items\n\n{} items, {} scored (at least one clause read as a check), {} \
         violated by a kept engine event. Items are split into clauses at `;`. Patterns: a clause \
         naming count fields before \"count\" (or \"=\") and numbers after it forbids a kept \
         event with that number as a bound of that field; a clause starting (after \"a\"/\"an\") \
         with PLOVER types joined by \"/\", optionally a codebook mode and a status in \
         parentheses, forbids a kept event of that type (mode, status), but only when no gold \
         event of the story is itself such a coding (type, accepted types, mode and status \
         checked). Items are shown by story and index only.\n\n\
         | story | item | check | result |\n|---|---:|---|---|\n",
        out.must_not.len(),
        scored,
        violated
    );
    for m in &out.must_not {
        for c in &m.clauses {
            let (check, result) = match c {
                Ok((chk, hits)) if hits.is_empty() => (chk.label(), "ok".to_string()),
                Ok((chk, hits)) => (chk.label(), format!("**violated** by {}", hits.join("; "))),
                Err(why) => ("-".to_string(), format!("not scored: {why}")),
            };
            s += &format!("| {} | {} | {} | {} |\n", m.story, m.index, check, result);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::{Attribution, AttributionKind, Count};

    fn loc(country: &str, lat: f64, lon: f64, precision: Precision) -> Location {
        Location {
            text: None,
            span: None,
            sub_place: None,
            sub_place_span: None,
            name: None,
            geonames_id: None,
            lat: Some(lat),
            lon: Some(lon),
            country: Some(country.into()),
            admin1: None,
            precision,
            confidence: None,
        }
    }

    fn event(t: EventType, status: EventStatus, l: Option<Location>) -> Event {
        Event {
            certainty: 0.8,
            location: l,
            trigger: Some("w".into()),
            sentence: Some(0),
            ..Event::new(t, status)
        }
    }

    /// A gold event from a JSON snippet, with the fields the tests need.
    fn gold(v: serde_json::Value) -> GoldEvent {
        serde_json::from_value(v).unwrap()
    }

    fn labels(events: Vec<GoldEvent>, must_not: &[&str]) -> StoryLabels {
        StoryLabels {
            id: "s1".into(),
            published: None,
            events,
            must_not: must_not.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn no_country(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn alternatives_are_read_clause_by_clause() {
        let a = parse_alternatives("PROTEST acceptable if no march; COERCE ban is wrong");
        assert_eq!(a.types, vec![EventType::Protest]);
        let a =
            parse_alternatives("status 'planned' tolerated; mode 'drone' or 'aerial' acceptable");
        assert_eq!(a.statuses, vec![EventStatus::Planned]);
        assert_eq!(a.modes, vec!["drone".to_string(), "aerial".to_string()]);
        let a = parse_alternatives("location Freedonia (the capital) tolerated");
        assert_eq!(a.places, vec!["Freedonia".to_string()]);
        assert!(a.types.is_empty());
        let a = parse_alternatives("leaving it out is acceptable; AID not expected");
        assert_eq!(a, Accepted::default());
    }

    #[test]
    fn place_rule_uses_tolerance_then_country() {
        let g = GoldLocation {
            country: Some("XA".into()),
            lat: Some(10.0),
            lon: Some(10.0),
            tolerance_km: Some(120.0),
        };
        // One degree of latitude is about 111 km: inside 120, outside the 50 km default.
        let near = loc("XA", 11.0, 10.0, Precision::Town);
        assert!(matches!(
            place_fit(Some(&g), &[], Some(&near)),
            Some(PlaceFit::Near(_))
        ));
        let g50 = GoldLocation {
            tolerance_km: None,
            ..g.clone()
        };
        assert_eq!(place_fit(Some(&g50), &[], Some(&near)), None);
        // A country-precision engine place is compared by country.
        let centroid = loc("XA", 30.0, 30.0, Precision::Country);
        assert_eq!(
            place_fit(Some(&g50), &[], Some(&centroid)),
            Some(PlaceFit::Country)
        );
        // Gold without coordinates: same country, or an accepted alternative country.
        let g_cc = GoldLocation {
            country: Some("XA".into()),
            ..Default::default()
        };
        let other = loc("XB", 10.0, 10.0, Precision::Town);
        assert_eq!(place_fit(Some(&g_cc), &[], Some(&other)), None);
        assert_eq!(
            place_fit(Some(&g_cc), &["XB".into()], Some(&other)),
            Some(PlaceFit::Country)
        );
        assert_eq!(place_fit(Some(&g_cc), &[], None), None);
        // Gold with no place at all agrees with anything.
        assert_eq!(
            place_fit(Some(&GoldLocation::default()), &[], None),
            Some(PlaceFit::Unstated)
        );
    }

    #[test]
    fn names_overlap_word_by_word() {
        assert!(names_overlap("the Border Police", "border police"));
        assert!(names_overlap("Jane Roe", "Minister Jane Roe"));
        assert!(!names_overlap("IS", "ISIS"));
        assert!(!names_overlap("", "x"));
    }

    #[test]
    fn story_scores_match_a_hand_count() {
        let gold_events = vec![
            // 0: required ASSAULT in XA near (10, 10), occurred, two killed, actor "Red Militia".
            gold(
                json!({"required": true, "type": "ASSAULT", "mode": "firearms",
                "status": "occurred",
                "actors": [{"role": "actor", "name": "Red Militia", "text": "the Red Militia"},
                           {"role": "recipient", "name": null, "text": null}],
                "location": {"country": "XA", "lat": 10.0, "lon": 10.0},
                "date": {"start": "2025-01-02", "end": "2025-01-02", "precision": "day"},
                "killed": {"low": 2, "high": 2},
                "attribution": [{"source": "local police"}]}),
            ),
            // 1: required ACCUSE in XA, no coordinates; REJECT accepted instead.
            gold(
                json!({"required": true, "type": "ACCUSE", "status": "occurred",
                "location": {"country": "XA"}, "alternatives": "REJECT acceptable"}),
            ),
            // 2: optional CONSULT, place unstated.
            gold(json!({"required": false, "type": "CONSULT", "status": "occurred"})),
            // 3: required PROTEST nobody predicts.
            gold(
                json!({"required": true, "type": "PROTEST", "status": "occurred",
                "location": {"country": "XA"}}),
            ),
        ];
        let l = labels(
            gold_events,
            &[
                "a SANCTION event for the old measures",
                "a killed count of 9",
                "dating it wrong",
            ],
        );

        let mut hit = event(
            EventType::Assault,
            EventStatus::Claimed,
            Some(loc("XA", 10.2, 10.0, Precision::Town)),
        );
        hit.mode = Some("firearms".into());
        hit.killed = Some(Count {
            low: Some(2),
            high: None,
            text: "x".into(),
            span: None,
        });
        hit.actors.push(sitrep_core::Actor {
            role: ActorRole::Actor,
            text: Some("Red Militia fighters".into()),
            span: None,
            name: None,
            kind: sitrep_core::ActorKind::PoliticalMilitia,
            country: None,
        });
        hit.attribution.push(Attribution {
            source: "police".into(),
            kind: AttributionKind::Official,
            cue: "said".into(),
            span: None,
        });
        hit.date.start = Some("2025-01-02".into());
        hit.date.end = Some("2025-01-02".into());
        hit.date.precision = DatePrecision::Day;
        // A second ASSAULT nearby: one-to-one, so a false positive.
        let dup = event(
            EventType::Assault,
            EventStatus::Occurred,
            Some(loc("XA", 10.3, 10.0, Precision::Town)),
        );
        // REJECT in XA at country precision: accepted alternative for gold 1.
        let alt = event(
            EventType::Reject,
            EventStatus::Occurred,
            Some(loc("XA", 0.0, 0.0, Precision::Country)),
        );
        // CONSULT anywhere: matches the optional gold, not a false positive.
        let opt = event(EventType::Consult, EventStatus::Planned, None);
        // Background SANCTION: left out, so it violates nothing.
        let bg = event(EventType::Sanction, EventStatus::Background, None);
        // Kept SANCTION in XB: spurious and a must_not violation.
        let mut sanc = event(
            EventType::Sanction,
            EventStatus::Occurred,
            Some(loc("XB", 50.0, 50.0, Precision::Town)),
        );
        sanc.killed = Some(Count {
            low: Some(9),
            high: Some(9),
            text: "x".into(),
            span: None,
        });

        let mut out = Outcome::default();
        score_story(
            "s1",
            &l,
            &[hit, dup, alt, opt, bg, sanc],
            &no_country,
            &mut out,
        );
        assert_eq!(out.gold_required, 3);
        assert_eq!(out.predicted, 5);
        assert_eq!(out.left_out, 1);
        assert_eq!(out.tp, 2);
        assert_eq!(out.matched_optional, 1);
        assert_eq!(out.fp, 2);
        assert_eq!(out.precision(), 0.5);
        assert!((out.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(out.alt_type_matches, 1);
        assert_eq!(out.unstated_place_matches, 1);
        // Status: claimed~occurred, occurred, planned vs occurred -> 2 of 3.
        assert_eq!(out.status, Tally { correct: 2, n: 3 });
        assert_eq!(out.status_required, Tally { correct: 2, n: 2 });
        // Killed 2..- against 2..2: not exact.
        assert_eq!(out.counts["killed"], Tally { correct: 0, n: 1 });
        assert_eq!(out.actors["actor"], Tally { correct: 1, n: 1 });
        assert_eq!(out.actors_unscorable, 1);
        assert_eq!(out.date, Tally { correct: 1, n: 1 });
        assert_eq!(out.attribution, Tally { correct: 1, n: 1 });
        assert_eq!(out.mode, Tally { correct: 1, n: 1 });
        assert_eq!(out.missed.len(), 1);
        assert_eq!(out.missed[0].event_type, EventType::Protest);
        assert_eq!(out.missed[0].why, "no engine event of this type");
        assert_eq!(out.spurious.len(), 2);
        assert!(out.spurious[0].why.starts_with("duplicate"));
        // must_not: the SANCTION item and the count item are violated, the date one unscored.
        assert_eq!(out.must_not.len(), 3);
        assert!(out.must_not[0].violated());
        assert!(out.must_not[1].violated());
        assert!(!out.must_not[2].scored());
        assert_eq!(out.rows[0].must_not_violated, 2);
        // Per-type table: micro equals the headline.
        let m = out.types.micro();
        assert_eq!((m.tp, m.predicted, m.gold), (2, 4, 3));
    }

    #[test]
    fn must_not_patterns() {
        assert_eq!(
            parse_must_not("an AGREE/RETREAT truce event: none agreed"),
            vec![Clause::Scored(Check::Type {
                types: vec![EventType::Agree, EventType::Retreat],
                mode: None,
                statuses: None
            })]
        );
        assert_eq!(
            parse_must_not("a COERCE curfew on the town"),
            vec![Clause::Scored(Check::Type {
                types: vec![EventType::Coerce],
                mode: Some("curfew".into()),
                statuses: None
            })]
        );
        assert_eq!(
            parse_must_not("a SANCTION (status occurred) by the bloc"),
            vec![Clause::Scored(Check::Type {
                types: vec![EventType::Sanction],
                mode: None,
                statuses: Some(vec![EventStatus::Occurred, EventStatus::Claimed])
            })]
        );
        assert_eq!(
            parse_must_not(
                "old history as current; an injured or killed count of 3 / 1,200 (totals)"
            ),
            vec![
                Clause::Unscored(WHY_READING.into()),
                Clause::Scored(Check::Count {
                    fields: vec!["killed", "injured"],
                    values: vec![3, 1200]
                })
            ]
        );
        assert_eq!(
            parse_must_not("a displaced count of 4 million"),
            vec![Clause::Scored(Check::Count {
                fields: vec!["displaced"],
                values: vec![4_000_000]
            })]
        );
        assert_eq!(
            parse_must_not("putting the 4 arrests on the raid, or a killed count on them"),
            vec![Clause::Unscored(WHY_NO_NUMBER.into())]
        );
        assert_eq!(
            parse_must_not("dating the raid to Monday"),
            vec![Clause::Unscored(WHY_DATE.into())]
        );
        // A type the gold itself codes cannot be checked.
        let g = gold(
            json!({"required": true, "type": "SANCTION", "mode": "discontinue",
            "status": "background"}),
        );
        let any = Check::Type {
            types: vec![EventType::Sanction],
            mode: None,
            statuses: None,
        };
        assert!(any.covered_by(&g));
        let current = Check::Type {
            types: vec![EventType::Sanction],
            mode: None,
            statuses: Some(vec![EventStatus::Occurred, EventStatus::Claimed]),
        };
        assert!(!current.covered_by(&g));
        let convict = Check::Type {
            types: vec![EventType::Sanction],
            mode: Some("convict".into()),
            statuses: None,
        };
        assert!(!convict.covered_by(&g));
    }

    #[test]
    fn gold_folder_is_split_by_fields_and_errors_name_the_line() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("a.jsonl"),
            "{\"id\": \"7\", \"events\": [], \"must_not\": []}\n",
        )
        .unwrap();
        std::fs::write(
            tmp.path().join("b.jsonl"),
            "{\"id\": \"7\", \"title\": \"T\", \"published\": \"2025-01-01 10:00:00Z\", \
             \"text\": \"Nothing happened.\"}\n{\"id\": \"8\", \"text\": \"Also nothing.\"}\n",
        )
        .unwrap();
        let g = load_gold(&[tmp.path().to_path_buf()]).unwrap();
        assert_eq!(g.stories.len(), 1);
        assert_eq!(g.stories[0].0.title.as_deref(), Some("T"));
        assert_eq!(g.unlabelled, 1);

        std::fs::write(tmp.path().join("c.jsonl"), "{\"id\": \"9\"}\n").unwrap();
        let e = format!("{:#}", load_gold(&[tmp.path().to_path_buf()]).unwrap_err());
        assert!(e.contains("c.jsonl line 1"), "{e}");

        let bad = tempfile::tempdir().unwrap();
        std::fs::write(
            bad.path().join("l.jsonl"),
            "\n{\"id\": \"1\", \"events\": [{\"required\": true, \"type\": \"FIGHT\", \
             \"status\": \"occurred\"}]}\n",
        )
        .unwrap();
        let e = format!("{:#}", load_gold(&[bad.path().to_path_buf()]).unwrap_err());
        assert!(e.contains("l.jsonl line 2"), "{e}");

        let orphan = tempfile::tempdir().unwrap();
        std::fs::write(
            orphan.path().join("l.jsonl"),
            "{\"id\": \"1\", \"events\": []}\n",
        )
        .unwrap();
        let e = format!(
            "{:#}",
            load_gold(&[orphan.path().to_path_buf()]).unwrap_err()
        );
        assert!(e.contains("no story record"), "{e}");
    }

    #[test]
    fn headline_is_fractions_with_the_set_name() {
        let mut out = Outcome {
            tp: 3,
            fp: 1,
            gold_required: 6,
            ..Default::default()
        };
        out.status.add(true);
        let h = headline(&out);
        assert_eq!(h["eval"], "voa");
        assert_eq!(h["event_precision"], 0.75);
        assert_eq!(h["event_recall"], 0.5);
        assert_eq!(h["event_f1"], 0.6);
        assert_eq!(h["status_accuracy"], 1.0);
        assert!(h["counts_exact"].is_null());
    }
}
