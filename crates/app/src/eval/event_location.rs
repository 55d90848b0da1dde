//! `sitrep eval event-location`: event-to-location linking on the event_location gold set
//! (one sentence per record, one marked event verb, zero or more place spans naming where
//! that event happened).
//!
//! The engine runs on each record's text. The engine event that stands for the gold verb is
//! found in two ways: **direct**, an event whose trigger occurs in its sentence at a position
//! overlapping the verb; or **same type**, the verb starts a lexicon trigger of type T and an
//! event of type T was coded from the verb's sentence (the verb's own mention was merged into
//! it, or dropped by a rule while another trigger of that type made the event); or **light
//! verb**, the verb is a support verb ("launched an assault", "the clash occurred") and an
//! event's trigger is its event noun a few words away. The event's
//! location is then compared with the gold: a gold place is found when the engine location's
//! span overlaps any gold location span; a gold "none" is handled when the engine gives no
//! location or one with no span in the text (a country inferred from the speaker).
//!
//! The engine's location choice is code inside the event coder (not a function callable on
//! its own), so records where no engine event stands for the verb are reported apart, with
//! the reason (verb not a trigger, sentence class, trigger dropped by a rule) and whether the
//! engine recognised the gold place at all, instead of simulating the choice.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anyhow::Context;
use serde::Deserialize;
use serde_json::json;
use sitrep_core::{EntityKind, EventType, Extraction, SentenceClass};
use sitrep_text::nlp::lexicon::Lexicon;
use sitrep_text::nlp::tokens::tokenize;

use super::common::{
    char_index, extract_all, finish, gold_document, pct, r4, ratio, report_header, LabelScores,
    SetArgs,
};

/// A gold span in code points (end exclusive); `null` offsets could not be placed upstream.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    pub start: Option<usize>,
    pub end: Option<usize>,
}

impl GoldSpan {
    fn range(&self) -> Option<(usize, usize)> {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s < e => Some((s, e)),
            _ => None,
        }
    }
}

/// One gold record (fields we score; the others are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    pub id: String,
    pub text: String,
    pub verbs: Vec<GoldSpan>,
    pub locations: Vec<GoldSpan>,
    #[serde(default)]
    pub source: Option<String>,
}

/// How the engine event for the gold verb was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Direct,
    SameType,
    /// The verb is a light verb ("launched an assault", "the attack occurred") and an event's
    /// trigger is its event noun, a few words after (or, for "occurred", before) it.
    LightVerb,
    /// No event; why.
    NotTrigger,
    NonEventSentence(SentenceClass),
    TriggerDropped,
}

impl Found {
    fn is_found(self) -> bool {
        matches!(self, Found::Direct | Found::SameType | Found::LightVerb)
    }
    fn as_str(self) -> &'static str {
        match self {
            Found::Direct => "direct",
            Found::SameType => "same type",
            Found::LightVerb => "light verb",
            Found::NotTrigger => "verb not a trigger",
            Found::NonEventSentence(_) => "non-event sentence",
            Found::TriggerDropped => "trigger dropped",
        }
    }
}

/// The engine's location answer for the verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    NoEvent,
    /// The event has no location.
    NoLocation,
    /// A location without a span in the text (a country inferred from the actor).
    OutsideText,
    /// A location span, code points.
    Place(usize, usize),
}

/// The scored outcome of one record.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub id: String,
    pub source: String,
    pub gold_place: bool,
    pub found: Found,
    pub answer: Answer,
    /// The answer is right (see the module doc); false when no event was found.
    pub linked: bool,
    /// Right, or the engine's place has the same name (case folded) as a gold place at
    /// another position ("Colombia" named twice).
    pub linked_name: bool,
    /// End to end: right answer, counting "no event" as "no location".
    pub e2e: bool,
    /// Some engine place mention (not a demonym) overlaps a gold location span.
    pub recognised: bool,
    /// Event type of the engine event used, if any.
    pub event_type: Option<EventType>,
    /// The gold verb, lower case (for trigger-coverage lists).
    pub verb: String,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Code-point offset -> byte offset of `text` (the end included).
fn byte_table(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Event types of the lexicon triggers that cover the token at byte span `verb`.
fn trigger_types(text: &str, verb: (usize, usize), lex: &Lexicon) -> Vec<EventType> {
    let toks = tokenize(text, 0);
    let Some(i0) = toks
        .iter()
        .position(|t| t.span.start < verb.1 && verb.0 < t.span.end)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // The verb itself first, then phrases that start up to three tokens before it.
    for k in std::iter::once(i0).chain((i0.saturating_sub(3)..i0).rev()) {
        let Some(list) = lex.triggers.get(&toks[k].lower) else {
            continue;
        };
        for t in list {
            let fits = t
                .words
                .iter()
                .enumerate()
                .all(|(j, w)| toks.get(k + j).is_some_and(|tk| tk.lower == *w));
            if fits && k + t.words.len() > i0 && !out.contains(&t.event_type) {
                out.push(t.event_type);
            }
        }
    }
    out
}

/// Light verbs whose object names the event ("launched an assault on ...").
const LIGHT_FORWARD: &[&str] = &[
    "launch",
    "launched",
    "launches",
    "launching",
    "begin",
    "began",
    "begins",
    "beginning",
    "begun",
    "continue",
    "continued",
    "continues",
    "continuing",
    "carry",
    "carried",
    "carries",
    "carrying",
    "conduct",
    "conducted",
    "conducts",
    "conducting",
    "stage",
    "staged",
    "stages",
    "staging",
    "mount",
    "mounted",
    "mounts",
    "mounting",
    "resume",
    "resumed",
    "resumes",
    "resuming",
    "intensify",
    "intensified",
    "intensifies",
    "intensifying",
    "wage",
    "waged",
    "wages",
    "waging",
    "hold",
    "held",
    "holds",
    "holding",
    "step",
    "stepped",
    "steps",
    "stepping",
];
/// Light verbs whose subject names the event ("the attack occurred in ...").
const LIGHT_BACKWARD: &[&str] = &[
    "occur",
    "occurred",
    "occurs",
    "occurring",
    "happen",
    "happened",
    "happens",
    "take",
    "took",
    "takes",
    "taken",
    "taking",
    "erupt",
    "erupted",
    "erupts",
    "break",
    "broke",
    "breaks",
];
/// How many words a light verb and its event noun may lie apart.
const LIGHT_WINDOW: usize = 6;

/// Whether the verb at byte span `verb` is a light verb and `trigger` occurs as its event
/// noun: within [`LIGHT_WINDOW`] words after it (or before it, for "occurred" and the like),
/// inside `sentence` (a byte span).
fn light_verb_noun(
    text: &str,
    verb: (usize, usize),
    sentence: (usize, usize),
    trigger: &str,
) -> bool {
    let v = text[verb.0..verb.1].to_lowercase();
    let forward = LIGHT_FORWARD.contains(&v.as_str());
    if !forward && !LIGHT_BACKWARD.contains(&v.as_str()) {
        return false;
    }
    let toks: Vec<(usize, usize)> = tokenize(&text[sentence.0..sentence.1], sentence.0)
        .iter()
        .filter(|t| t.is_word())
        .map(|t| (t.span.start, t.span.end))
        .collect();
    let Some(i) = toks.iter().position(|t| overlaps(*t, verb)) else {
        return false;
    };
    let window = if forward {
        let end = toks.len().min(i + 1 + LIGHT_WINDOW);
        toks.get(i + 1..end)
            .and_then(|w| Some((w.first()?.0, w.last()?.1)))
    } else {
        let from = i.saturating_sub(LIGHT_WINDOW);
        toks.get(from..i)
            .and_then(|w| Some((w.first()?.0, w.last()?.1)))
    };
    window.is_some_and(|w| occurs_over(&text[w.0..w.1], w.0, trigger, w))
}

/// Whether `needle` occurs in `hay` (ASCII case folded, word-bounded) at a byte position
/// overlapping `target`; positions are relative to `base`.
fn occurs_over(hay: &str, base: usize, needle: &str, target: (usize, usize)) -> bool {
    if needle.is_empty() {
        return false;
    }
    let h = hay.to_ascii_lowercase();
    let n = needle.to_ascii_lowercase();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut from = 0;
    while let Some(p) = h[from..].find(&n) {
        let s = from + p;
        let e = s + n.len();
        if !word(h[..s].chars().next_back())
            && !word(h[e..].chars().next())
            && overlaps((base + s, base + e), target)
        {
            return true;
        }
        from = s + h[s..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Scores one record against the engine's extraction of its text.
pub fn score_record(rec: &Record, ext: &Extraction, lex: &Lexicon) -> Outcome {
    let text = &rec.text;
    let to_char = char_index(text);
    let to_byte = byte_table(text);
    let gold_locs: Vec<(usize, usize)> = rec.locations.iter().filter_map(GoldSpan::range).collect();
    let gold_place = !gold_locs.is_empty();
    let verbs: Vec<(usize, usize)> = rec
        .verbs
        .iter()
        .filter_map(GoldSpan::range)
        .filter(|v| v.1 < to_byte.len())
        .map(|v| (to_byte[v.0], to_byte[v.1]))
        .collect();
    let verb = verbs
        .first()
        .map(|v| text[v.0..v.1].to_lowercase())
        .unwrap_or_default();

    // The sentence (index) each verb lies in.
    let sentence_of = |v: (usize, usize)| {
        ext.sentences
            .iter()
            .position(|s| s.span.start < v.1 && v.0 < s.span.end)
    };
    let direct = ext.events.iter().find(|ev| {
        let (Some(trig), Some(si)) = (ev.trigger.as_deref(), ev.sentence) else {
            return false;
        };
        let Some(s) = ext.sentences.get(si) else {
            return false;
        };
        verbs
            .iter()
            .any(|&v| occurs_over(s.span.slice(text), s.span.start, trig, v))
    });
    let types: Vec<EventType> = verbs
        .iter()
        .flat_map(|&v| trigger_types(text, v, lex))
        .collect();
    let same_type = || {
        ext.events.iter().find(|ev| {
            types.contains(&ev.event_type)
                && verbs.iter().any(|&v| {
                    sentence_of(v).is_some_and(|si| {
                        ev.sentence == Some(si)
                            || ev.evidence.iter().any(|e| e.span == ext.sentences[si].span)
                    })
                })
        })
    };
    let light = || {
        ext.events.iter().find(|ev| {
            let (Some(trig), Some(si)) = (ev.trigger.as_deref(), ev.sentence) else {
                return false;
            };
            let Some(s) = ext.sentences.get(si) else {
                return false;
            };
            verbs
                .iter()
                .any(|&v| light_verb_noun(text, v, (s.span.start, s.span.end), trig))
        })
    };
    let (found, event) = match direct {
        Some(ev) => (Found::Direct, Some(ev)),
        None => match same_type() {
            Some(ev) => (Found::SameType, Some(ev)),
            None if types.is_empty() => match light() {
                Some(ev) => (Found::LightVerb, Some(ev)),
                None => (Found::NotTrigger, None),
            },
            None => {
                let class = verbs
                    .first()
                    .and_then(|&v| sentence_of(v))
                    .map(|si| ext.sentences[si].class);
                match class {
                    Some(c) if !c.yields_events() => (Found::NonEventSentence(c), None),
                    _ => (Found::TriggerDropped, None),
                }
            }
        },
    };
    let answer = match event {
        None => Answer::NoEvent,
        Some(ev) => match &ev.location {
            None => Answer::NoLocation,
            // The finest place the engine names: a sub-place the gazetteer lacks ("Karrada
            // district") is where it says the event happened, with its town's point.
            Some(loc) => match loc.sub_place_span.or(loc.span) {
                Some(sp) if sp.start < sp.end && sp.end <= text.len() => {
                    Answer::Place(to_char[sp.start], to_char[sp.end])
                }
                _ => Answer::OutsideText,
            },
        },
    };
    let right = |a: Answer| match a {
        Answer::Place(s, e) => gold_locs.iter().any(|&g| overlaps(g, (s, e))),
        _ => !gold_place,
    };
    let linked = found.is_found() && right(answer);
    let e2e = right(answer);
    let fold = |(s, e): (usize, usize)| -> String {
        text.chars()
            .skip(s)
            .take(e - s)
            .collect::<String>()
            .to_lowercase()
    };
    let linked_name = linked
        || (found.is_found()
            && match answer {
                Answer::Place(s, e) => gold_locs.iter().any(|&g| fold(g) == fold((s, e))),
                _ => false,
            });
    let recognised = ext
        .entities
        .iter()
        .filter(|m| m.kind == EntityKind::Place)
        .filter(|m| m.span.end <= text.len())
        .any(|m| {
            let s = (to_char[m.span.start], to_char[m.span.end]);
            gold_locs.iter().any(|&g| overlaps(g, s))
        });
    Outcome {
        id: rec.id.clone(),
        source: rec.source.clone().unwrap_or_else(|| "-".into()),
        gold_place,
        found,
        answer,
        linked,
        linked_name,
        e2e,
        recognised,
        event_type: event.map(|e| e.event_type),
        verb,
    }
}

/// Counts behind the headline numbers, for the whole set or one source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub records: usize,
    pub gold_none: usize,
    pub found: usize,
    pub found_direct: usize,
    pub linked: usize,
    pub linked_name: usize,
    pub e2e: usize,
    /// Gold-none records with an event found / of them handled right.
    pub none_found: usize,
    pub none_found_correct: usize,
    /// Gold-none records, all / handled right end to end (no event = no location).
    pub none_e2e_correct: usize,
    /// Gold-place records / of them with the gold place recognised by the engine.
    pub place_records: usize,
    pub place_recognised: usize,
    /// Span view over found events: engine in-text locations / correct / gold places.
    pub pred_places: usize,
    pub correct_places: usize,
    pub gold_places_found: usize,
}

impl Tally {
    pub fn add(&mut self, o: &Outcome) {
        self.records += 1;
        let found = o.found.is_found();
        self.found += usize::from(found);
        self.found_direct += usize::from(o.found == Found::Direct);
        self.linked += usize::from(o.linked);
        self.linked_name += usize::from(o.linked_name);
        self.e2e += usize::from(o.e2e);
        if o.gold_place {
            self.place_records += 1;
            self.place_recognised += usize::from(o.recognised);
            self.gold_places_found += usize::from(found);
        } else {
            self.gold_none += 1;
            self.none_e2e_correct += usize::from(o.e2e);
            if found {
                self.none_found += 1;
                self.none_found_correct += usize::from(o.linked);
            }
        }
        if found {
            if let Answer::Place(..) = o.answer {
                self.pred_places += 1;
                self.correct_places += usize::from(o.linked);
            }
        }
    }
    pub fn linking_accuracy(&self) -> f64 {
        ratio(self.linked, self.found)
    }
    pub fn linking_accuracy_name(&self) -> f64 {
        ratio(self.linked_name, self.found)
    }
    pub fn e2e_accuracy(&self) -> f64 {
        ratio(self.e2e, self.records)
    }
    pub fn none_correct(&self) -> f64 {
        ratio(self.none_found_correct, self.none_found)
    }
    pub fn none_correct_e2e(&self) -> f64 {
        ratio(self.none_e2e_correct, self.gold_none)
    }
    /// Place-span P/R/F1 over records with an event found.
    pub fn place_prf(&self) -> super::geo::Prf {
        super::geo::Prf {
            tp: self.correct_places,
            predicted: self.pred_places,
            gold: self.gold_places_found,
        }
    }
}

/// The label view of a found record: gold `place`/`none`; engine `place` (an in-text location
/// that overlaps the gold place, or any in-text location when gold has none), `other_place`
/// (in-text, but not a gold place), `outside_text`, `none` (no location).
fn labels(o: &Outcome) -> (&'static str, &'static str) {
    let gold = if o.gold_place { "place" } else { "none" };
    let engine = match o.answer {
        Answer::Place(..) if o.linked || !o.gold_place => "place",
        Answer::Place(..) => "other_place",
        Answer::OutsideText => "outside_text",
        Answer::NoLocation | Answer::NoEvent => "none",
    };
    (gold, engine)
}

/// The error class of an outcome, `None` when right.
fn error_class(o: &Outcome) -> Option<String> {
    let rec = if o.recognised {
        "gold place recognised"
    } else {
        "gold place not recognised"
    };
    Some(match o.found {
        Found::NotTrigger => format!(
            "no event: verb not a lexicon trigger (gold {})",
            if o.gold_place { "place" } else { "none" }
        ),
        Found::NonEventSentence(c) => format!(
            "no event: sentence classed {} (gold {})",
            c.as_str(),
            if o.gold_place { "place" } else { "none" }
        ),
        Found::TriggerDropped => format!(
            "no event: trigger dropped by a coding rule (gold {})",
            if o.gold_place { "place" } else { "none" }
        ),
        _ if o.linked => return None,
        Found::Direct | Found::SameType | Found::LightVerb => match (o.gold_place, o.answer) {
            (false, _) => "gold none, engine gave an in-text place".into(),
            (true, Answer::Place(..)) => format!("gold place, engine chose another place ({rec})"),
            (true, Answer::OutsideText) => {
                format!("gold place, engine gave a place not in the text ({rec})")
            }
            (true, _) => format!("gold place, engine event has no location ({rec})"),
        },
    })
}

/// Everything the report needs.
#[derive(Debug, Default)]
pub struct Summary {
    pub all: Tally,
    pub by_source: BTreeMap<String, Tally>,
    pub labels: LabelScores,
    pub errors: BTreeMap<String, Vec<String>>,
    /// Verbs (lower case) that are no lexicon trigger -> (records, of them with a gold place).
    pub missing_triggers: BTreeMap<String, (usize, usize)>,
    pub dropped_triggers: BTreeMap<String, usize>,
    /// Event type of found events -> (found, linked right).
    pub by_type: BTreeMap<String, (usize, usize)>,
    /// How the event was found (or why not) -> (records, gold none, linked right, e2e right).
    pub by_found: BTreeMap<&'static str, [usize; 4]>,
}

pub fn summarise(outcomes: &[Outcome]) -> Summary {
    let mut s = Summary::default();
    for c in ["place", "none"] {
        s.labels.declare(c);
    }
    for o in outcomes {
        s.all.add(o);
        s.by_source.entry(o.source.clone()).or_default().add(o);
        let bf = s.by_found.entry(o.found.as_str()).or_default();
        bf[0] += 1;
        bf[1] += usize::from(!o.gold_place);
        bf[2] += usize::from(o.linked);
        bf[3] += usize::from(o.e2e);
        if o.found.is_found() {
            let (g, e) = labels(o);
            s.labels.add_single(g, Some(e));
            let t = o.event_type.map_or("-", |t| t.as_str());
            let bt = s.by_type.entry(t.to_string()).or_default();
            bt.0 += 1;
            bt.1 += usize::from(o.linked);
        }
        match o.found {
            Found::NotTrigger => {
                let m = s.missing_triggers.entry(o.verb.clone()).or_default();
                m.0 += 1;
                m.1 += usize::from(o.gold_place);
            }
            Found::TriggerDropped => *s.dropped_triggers.entry(o.verb.clone()).or_default() += 1,
            _ => {}
        }
        if let Some(c) = error_class(o) {
            s.errors.entry(c).or_default().push(o.id.clone());
        }
    }
    s
}

fn top<V: Ord + Copy>(m: &BTreeMap<String, V>, k: usize) -> Vec<(&String, V)> {
    let mut v: Vec<(&String, V)> = m.iter().map(|(a, b)| (a, *b)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.truncate(k);
    v
}

fn tally_row(name: &str, t: &Tally) -> String {
    format!(
        "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
        t.records,
        pct(ratio(t.gold_none, t.records)),
        pct(ratio(t.found, t.records)),
        pct(ratio(t.found_direct, t.records)),
        pct(t.linking_accuracy()),
        pct(t.e2e_accuracy()),
        pct(t.none_correct()),
        pct(t.none_correct_e2e()),
        pct(ratio(t.place_recognised, t.place_records)),
    )
}

const RULES: &str = "Scoring. Each record is one sentence with one gold event verb and the \
span(s) naming where that event happened (none = annotated as having no location in the \
sentence; any of several gold spans counts). The engine runs on the sentence. The engine event \
for the verb is **direct** when its trigger occurs over the verb, else **same type** when the \
verb is a lexicon trigger of type T and an event of type T was coded from that sentence (its \
mention merged into that event, or another trigger of that type made it), else **light verb** \
when the verb is a light verb of a fixed list (launch, begin, continue, carry out, conduct, \
stage, mount, resume, wage, hold ...; occur, happen, take place, erupt ... looking back) and an \
event trigger is its event noun within six words. A gold place is \
right when the event location's span overlaps a gold location span (code points); a gold none \
is right when the event has no location or one with no span in the text. **linking accuracy**: \
right / records with an event found. **e2e accuracy**: over all records, no event counting as \
no location (so it is right for a gold none). **none correct**: over gold-none records with an \
event found; **none correct e2e**: over all gold-none records. **same place name**: also \
counts an engine place whose text equals a gold place's text at another position. **recognised**: a gold place \
overlaps some engine place mention (the ceiling for linking). The location choice lives inside \
the event coder and cannot be called alone, so records without an event are reported apart \
with their cause rather than simulated.";

/// The markdown report.
pub fn report(args: &SetArgs, s: &Summary, secs: f64) -> String {
    let mut m = report_header(
        "Event-location linking (event_location)",
        "sitrep eval event-location",
        args,
        RULES,
    );
    let a = &s.all;
    let prf = a.place_prf();
    m += &format!(
        "## Headline\n\n\
         | measure | value | n |\n|---|---:|---:|\n\
         | records | {} | |\n\
         | gold location none | {} % | {} |\n\
         | engine event found for the verb | {} % | {} |\n\
         | of which direct (trigger over the verb) | {} % | {} |\n\
         | **linking accuracy** (events found) | {} % | {} |\n\
         | linking accuracy, same place name counted | {} % | {} |\n\
         | **e2e accuracy** (all records) | {} % | {} |\n\
         | **none correct** (gold none, event found) | {} % | {} |\n\
         | none correct e2e (all gold none) | {} % | {} |\n\
         | gold place recognised by the engine (gold-place records) | {} % | {} |\n\
         | place spans over found events: P / R / F1 | {} / {} / {} | {} |\n\n\
         Engine run: {secs:.1} s wall-clock for all records.\n\n",
        a.records,
        pct(ratio(a.gold_none, a.records)),
        a.gold_none,
        pct(ratio(a.found, a.records)),
        a.found,
        pct(ratio(a.found_direct, a.records)),
        a.found_direct,
        pct(a.linking_accuracy()),
        a.found,
        pct(a.linking_accuracy_name()),
        a.found,
        pct(a.e2e_accuracy()),
        a.records,
        pct(a.none_correct()),
        a.none_found,
        pct(a.none_correct_e2e()),
        a.gold_none,
        pct(ratio(a.place_recognised, a.place_records)),
        a.place_records,
        pct(prf.precision()),
        pct(prf.recall()),
        pct(prf.f1()),
        prf.predicted,
    );
    m += "## How the event for the verb was found\n\n| match | records | gold none | \
          linked right | e2e right | linking acc |\n|---|---:|---:|---:|---:|---:|\n";
    let mut bf: Vec<(&&str, &[usize; 4])> = s.by_found.iter().collect();
    bf.sort_by(|x, y| y.1[0].cmp(&x.1[0]).then(x.0.cmp(y.0)));
    for (k, v) in bf {
        m += &format!(
            "| {k} | {} | {} | {} | {} | {} |\n",
            v[0],
            v[1],
            v[2],
            v[3],
            pct(ratio(v[2], v[0]))
        );
    }
    m += "\n## By source\n\nThe README's batches (`*_RA` = research assistants, others from \
          annotation sessions; expect the RA batches to be noisier). Percentages.\n\n\
          | source | records | gold none | event found | direct | linking acc | e2e acc | \
          none correct | none correct e2e | gold place recognised |\n\
          |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    let mut srcs: Vec<(&String, &Tally)> = s.by_source.iter().collect();
    srcs.sort_by(|x, y| y.1.records.cmp(&x.1.records).then(x.0.cmp(y.0)));
    for (name, t) in srcs {
        m += &tally_row(name, t);
    }
    m += &tally_row("**all**", a);
    m += "\nReading the table: the `*_RA` batches mark many sentences as having no location \
          although a place after \"in\" names where the event happened, while the other batches \
          mostly mark none only when no place is linked; so *none correct* on `*_RA` rows \
          mostly measures that gold noise, and the other rows are the better guide.\n";
    m += "\n## Labels over records with an event found\n\nGold `place` / `none`; engine \
          `place` = an in-text location that is a gold place (or any in-text location when gold \
          is none), `other_place` = an in-text location that is not a gold place, \
          `outside_text` = a location with no span in the text, `none` = no location.\n\n";
    m += &s.labels.class_table();
    m += "\n";
    m += &s.labels.confusion_table(10);
    m += "\n## By engine event type (events found)\n\n| type | found | linked right | \
          accuracy |\n|---|---:|---:|---:|\n";
    for (t, (n, ok)) in &s.by_type {
        m += &format!("| {t} | {n} | {ok} | {} |\n", pct(ratio(*ok, *n)));
    }
    m += "\n## Errors by cause\n\nRecord ids (first 12 of each cause).\n\n\
          | cause | records | sample ids |\n|---|---:|---|\n";
    let mut errs: Vec<(&String, &Vec<String>)> = s.errors.iter().collect();
    errs.sort_by(|x, y| y.1.len().cmp(&x.1.len()).then(x.0.cmp(y.0)));
    for (c, ids) in errs {
        let sample: Vec<&str> = ids.iter().take(12).map(String::as_str).collect();
        m += &format!("| {c} | {} | {} |\n", ids.len(), sample.join(", "));
    }
    m += "\n## Trigger coverage\n\nGold verbs (lower case) that are no lexicon trigger, most \
          frequent first (records, of them with a gold place):\n\n";
    let miss = top(&s.missing_triggers, 40);
    m += &miss
        .iter()
        .map(|(v, (n, p))| format!("{v} {n} ({p})"))
        .collect::<Vec<_>>()
        .join(", ");
    m += &format!(
        "\n\n{} distinct verbs, {} records.\n\nLexicon triggers the coder dropped (no event of \
         their type in the sentence; a filter such as capitalisation, a preceding \"to\", a \
         relative clause, a hypothetical, an armed-actor condition or a speaker-less verbal \
         event removed them):\n\n",
        s.missing_triggers.len(),
        s.missing_triggers.values().map(|x| x.0).sum::<usize>()
    );
    m += &top(&s.dropped_triggers, 30)
        .iter()
        .map(|(v, n)| format!("{v} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    m += "\n";
    m
}

/// `sitrep eval event-location`.
pub fn run(args: SetArgs, data_dir: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let records: Vec<Record> = args.records()?;
    let res = crate::pipeline::load_resources(data_dir).context("loading engine resources")?;
    let docs: Vec<_> = records
        .iter()
        .map(|r| gold_document(&r.id, &r.text, None))
        .collect();
    let started = std::time::Instant::now();
    let exts = extract_all(&docs, &res);
    let secs = started.elapsed().as_secs_f64();
    let outcomes: Vec<Outcome> = records
        .iter()
        .zip(&exts)
        .map(|(r, e)| score_record(r, e, &res.lexicon))
        .collect();
    let s = summarise(&outcomes);
    let md = report(&args, &s, secs);
    let a = &s.all;
    let summary = format!(
        "event_location: {} records ({} gold none); event found {} ({} direct)\n\
         linking accuracy {} %  e2e accuracy {} %  none correct {} % (e2e {} %)  \
         gold place recognised {} %\n",
        a.records,
        a.gold_none,
        a.found,
        a.found_direct,
        pct(a.linking_accuracy()),
        pct(a.e2e_accuracy()),
        pct(a.none_correct()),
        pct(a.none_correct_e2e()),
        pct(ratio(a.place_recognised, a.place_records)),
    );
    let by_source: serde_json::Map<String, serde_json::Value> = s
        .by_source
        .iter()
        .map(|(k, t)| {
            (
                k.clone(),
                json!({
                    "records": t.records,
                    "linking_accuracy": r4(t.linking_accuracy()),
                    "e2e_accuracy": r4(t.e2e_accuracy()),
                    "none_correct": r4(t.none_correct()),
                }),
            )
        })
        .collect();
    let headline = json!({
        "eval": "event_location",
        "records": a.records,
        "gold_none": a.gold_none,
        "events_found": a.found,
        "events_found_direct": a.found_direct,
        "linking_accuracy": r4(a.linking_accuracy()),
        "linking_accuracy_same_name": r4(a.linking_accuracy_name()),
        "e2e_accuracy": r4(a.e2e_accuracy()),
        "none_correct": r4(a.none_correct()),
        "none_correct_e2e": r4(a.none_correct_e2e()),
        "gold_place_recognised": r4(ratio(a.place_recognised, a.place_records)),
        "place_f1": r4(a.place_prf().f1()),
        "by_source": by_source,
    });
    finish(
        &args.report_path("event_location"),
        &md,
        &summary,
        &headline,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::{
        EntityMention, Event, EventStatus, Evidence, Location, Precision, Sentence, Span,
    };

    fn sentence(text: &str) -> Sentence {
        Sentence {
            span: Span::new(0, text.len()),
            text: text.into(),
            class: SentenceClass::Report,
            class_reason: None,
        }
    }

    fn loc(span: Option<Span>) -> Location {
        Location {
            text: None,
            span,
            sub_place: None,
            sub_place_span: None,
            name: Some("X".into()),
            geonames_id: None,
            lat: None,
            lon: None,
            country: None,
            admin1: None,
            precision: Precision::Town,
            confidence: None,
        }
    }

    fn event(t: EventType, trigger: &str, text: &str, location: Option<Location>) -> Event {
        Event {
            certainty: 0.9,
            location,
            evidence: vec![Evidence {
                document: "d".into(),
                span: Span::new(0, text.len()),
                quote: text.into(),
                field: Some("trigger".into()),
            }],
            trigger: Some(trigger.into()),
            sentence: Some(0),
            ..Event::new(t, EventStatus::Occurred)
        }
    }

    fn place(text: &str, word: &str) -> EntityMention {
        let s = text.find(word).unwrap();
        EntityMention {
            span: Span::new(s, s + word.len()),
            text: word.into(),
            kind: EntityKind::Place,
            name: word.into(),
            country: None,
            place: None,
            alternatives: Vec::new(),
            confidence: None,
        }
    }

    fn ext(text: &str, events: Vec<Event>, entities: Vec<EntityMention>) -> Extraction {
        Extraction {
            document: gold_document("d", text, None),
            sentences: vec![sentence(text)],
            entities,
            events,
            incidents: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    fn span_of(text: &str, word: &str) -> GoldSpan {
        let b = text.find(word).unwrap();
        let s = text[..b].chars().count();
        GoldSpan {
            start: Some(s),
            end: Some(s + word.chars().count()),
        }
    }

    fn rec(text: &str, verb: &str, locs: &[&str]) -> Record {
        Record {
            id: "r".into(),
            text: text.into(),
            verbs: vec![span_of(text, verb)],
            locations: locs.iter().map(|l| span_of(text, l)).collect(),
            source: Some("S".into()),
        }
    }

    fn byte_span(text: &str, word: &str) -> Span {
        let s = text.find(word).unwrap();
        Span::new(s, s + word.len())
    }

    #[test]
    fn direct_match_right_and_wrong_place_with_multibyte_text() {
        let lex = Lexicon::builtin().unwrap();
        // A multibyte character before the place checks the byte -> code point conversion.
        let t = "Près de Qarmu, rebels attacked a post in Velda on Monday.";
        let r = rec(t, "attacked", &["Velda"]);
        let e = ext(
            t,
            vec![event(
                EventType::Assault,
                "attacked",
                t,
                Some(loc(Some(byte_span(t, "Velda")))),
            )],
            vec![place(t, "Qarmu"), place(t, "Velda")],
        );
        let o = score_record(&r, &e, &lex);
        assert_eq!(
            (o.found, o.linked, o.e2e, o.recognised),
            (Found::Direct, true, true, true)
        );
        let e = ext(
            t,
            vec![event(
                EventType::Assault,
                "attacked",
                t,
                Some(loc(Some(byte_span(t, "Qarmu")))),
            )],
            vec![place(t, "Qarmu")],
        );
        let o = score_record(&r, &e, &lex);
        assert_eq!((o.linked, o.recognised), (false, false));
        assert_eq!(labels(&o), ("place", "other_place"));
    }

    #[test]
    fn gold_none_and_missing_events() {
        let lex = Lexicon::builtin().unwrap();
        let t = "Troops attacked the convoy, officials in Velda said.";
        let none = rec(t, "attacked", &[]);
        // A location without a span (a country inferred) counts as no in-text location.
        let e = ext(
            t,
            vec![event(EventType::Assault, "attacked", t, Some(loc(None)))],
            vec![],
        );
        let o = score_record(&none, &e, &lex);
        assert_eq!((o.linked, o.answer), (true, Answer::OutsideText));
        let e = ext(
            t,
            vec![event(
                EventType::Assault,
                "attacked",
                t,
                Some(loc(Some(byte_span(t, "Velda")))),
            )],
            vec![],
        );
        assert!(!score_record(&none, &e, &lex).linked);
        // No event at all: a miss for linking, but right end to end for a gold none.
        let e = ext(t, vec![], vec![]);
        let o = score_record(&none, &e, &lex);
        assert_eq!(
            (o.found, o.linked, o.e2e),
            (Found::TriggerDropped, false, true)
        );
        let o = score_record(&rec(t, "convoy", &[]), &e, &lex);
        assert_eq!(o.found, Found::NotTrigger);
    }

    #[test]
    fn same_type_event_stands_for_a_merged_verb() {
        let lex = Lexicon::builtin().unwrap();
        let t = "Gunmen killed two men and shot five in Velda.";
        let r = rec(t, "shot", &["Velda"]);
        let v = t.find("shot").unwrap();
        assert_eq!(trigger_types(t, (v, v + 4), &lex), vec![EventType::Assault]);
        let e = ext(
            t,
            vec![event(
                EventType::Assault,
                "killed",
                t,
                Some(loc(Some(byte_span(t, "Velda")))),
            )],
            vec![place(t, "Velda")],
        );
        let o = score_record(&r, &e, &lex);
        assert_eq!((o.found, o.linked), (Found::SameType, true));
    }

    #[test]
    fn light_verbs_reach_their_event_noun_and_same_names_count_apart() {
        let lex = Lexicon::builtin().unwrap();
        let t = "Velda forces launched a fierce assault on Qarmu while Velda slept.";
        let r = rec(t, "launched", &["Qarmu"]);
        let e = ext(
            t,
            vec![event(
                EventType::Assault,
                "assault",
                t,
                Some(loc(Some(byte_span(t, "Qarmu")))),
            )],
            vec![],
        );
        let o = score_record(&r, &e, &lex);
        assert_eq!((o.found, o.linked), (Found::LightVerb, true));
        // Gold marks the second "Velda"; the engine the first: wrong by overlap, right by name.
        let second = t.rfind("Velda").unwrap();
        let r = Record {
            locations: vec![GoldSpan {
                start: Some(second),
                end: Some(second + 5),
            }],
            ..r
        };
        let e = ext(
            t,
            vec![event(
                EventType::Assault,
                "assault",
                t,
                Some(loc(Some(Span::new(0, 5)))),
            )],
            vec![],
        );
        let o = score_record(&r, &e, &lex);
        assert_eq!((o.linked, o.linked_name), (false, true));
        // Too far: the event noun lies more than six words after the light verb.
        let far = "They launched what many here in the valley later called an assault.";
        let e = ext(
            far,
            vec![event(EventType::Assault, "assault", far, None)],
            vec![],
        );
        let o = score_record(&rec(far, "launched", &[]), &e, &lex);
        assert_eq!(o.found, Found::NotTrigger);
    }

    #[test]
    fn tallies_match_a_hand_count() {
        let o = |gold_place, found, linked, e2e| Outcome {
            id: "x".into(),
            source: "S".into(),
            gold_place,
            found,
            answer: Answer::NoLocation,
            linked,
            linked_name: linked,
            e2e,
            recognised: false,
            event_type: None,
            verb: "v".into(),
        };
        let outs = vec![
            o(true, Found::Direct, true, true),
            o(true, Found::Direct, false, false),
            o(false, Found::SameType, true, true),
            o(false, Found::NotTrigger, false, true),
        ];
        let s = summarise(&outs);
        // found 3, linked 2 -> 2/3; e2e 3/4; gold none found 1, right 1; gold none all 2, right 2.
        assert!((s.all.linking_accuracy() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.all.e2e_accuracy(), 0.75);
        assert_eq!(s.all.none_correct(), 1.0);
        assert_eq!(s.all.none_correct_e2e(), 1.0);
        assert_eq!(s.missing_triggers["v"], (1, 0));
        assert_eq!(s.errors.values().map(Vec::len).sum::<usize>(), 2);
    }

    #[test]
    fn a_malformed_gold_line_is_an_error_naming_the_line() {
        let tmp = tempfile::tempdir().unwrap();
        let f = tmp.path().join("el.jsonl");
        std::fs::write(&f, "{\"id\": \"a\", \"text\": \"t\", \"verbs\": 3}\n").unwrap();
        let e = super::super::common::read_jsonl::<Record>(&f).unwrap_err();
        assert!(format!("{e:#}").contains("el.jsonl line 1"));
    }
}
