//! Non-political incidents: natural disasters, accidents and other man-made disasters, and
//! organised crime, found in report and background sentences and kept apart from PLOVER
//! events (a deliberate addition to the codebook, see ARCHITECTURE.md).
//!
//! They are not conflict events: the event coder uses [`reads_as_disaster`] to keep deaths in
//! a flood or a plant explosion from becoming an ASSAULT, and [`drop_relief_events`] removes
//! rescue or airlift "aid" with no political giver or receiver from a disaster story.
//! Every rule reads only the sentence's words and its actors.

use std::sync::OnceLock;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use sitrep_core::{
    ActorKind, ActorRole, Count, Event, EventDate, EventStatus, EventType, Evidence, Incident,
    IncidentKind, Location, SentenceClass, Span,
};

use super::counts::find_counts;
use super::dates::find_dates;
use super::events::{is_armed, SentenceInput};
use super::tokens::Token;

/// Natural hazards, with the hazard each word names. Deaths they cause are not attacks.
const HAZARDS: &[(&str, &str)] = &[
    ("earthquake", "earthquake"),
    ("earthquakes", "earthquake"),
    ("quake", "earthquake"),
    ("quakes", "earthquake"),
    ("tremor", "earthquake"),
    ("tremors", "earthquake"),
    ("aftershock", "earthquake"),
    ("aftershocks", "earthquake"),
    ("tsunami", "tsunami"),
    ("flood", "flood"),
    ("floods", "flood"),
    ("flooding", "flood"),
    ("floodwaters", "flood"),
    ("landslide", "landslide"),
    ("landslides", "landslide"),
    ("mudslide", "landslide"),
    ("mudslides", "landslide"),
    ("cyclone", "storm"),
    ("hurricane", "storm"),
    ("typhoon", "storm"),
    ("tornado", "storm"),
    ("tornadoes", "storm"),
    ("storm", "storm"),
    ("storms", "storm"),
    ("snowstorm", "storm"),
    ("blizzard", "storm"),
    ("hailstorm", "storm"),
    ("eruption", "eruption"),
    ("volcano", "eruption"),
    ("volcanic", "eruption"),
    ("avalanche", "avalanche"),
    ("lightning", "lightning"),
    ("heatwave", "heat"),
    ("drought", "drought"),
    ("wildfire", "wildfire"),
    ("wildfires", "wildfire"),
    ("bushfire", "wildfire"),
    ("bushfires", "wildfire"),
    ("downpour", "flood"),
    ("downpours", "flood"),
];

/// Words after which a hazard word is a figure of speech ("a flood of refugees", "a storm of
/// criticism", "an eruption of violence", "a landslide victory").
const FIGURATIVE_NEXT: &[&str] = &[
    "of", "victory", "win", "majority", "election", "vote", "the", "a", "an", "into", "out",
];

/// Words before which a hazard word is a figure of speech ("a media storm", "a political
/// storm", "market tremors", "spread like wildfire", "a perfect storm").
const FIGURATIVE_PREV: &[&str] = &[
    "media",
    "political",
    "diplomatic",
    "market",
    "markets",
    "like",
    "perfect",
];

/// Weather that turns a bare "fire" or "rain" into a natural hazard ("fires fuelled by high
/// winds", "heavy rains").
const WEATHER: &[&str] = &[
    "winds",
    "temperatures",
    "heat",
    "drought",
    "dry",
    "forest",
    "bush",
    "heavy",
    "torrential",
    "monsoon",
    "incessant",
];

/// Industrial and domestic sites where explosions and fires are usually accidents.
const ACCIDENT_SITES: &[&str] = &[
    "plant",
    "factory",
    "refinery",
    "boiler",
    "tanker",
    "pipeline",
    "warehouse",
    "mine",
    "colliery",
    "depot",
    "cylinder",
    "cylinders",
    "furnace",
    "reactor",
    "fireworks",
    "firecracker",
    "firecrackers",
    "industrial",
    "workers",
    "laborers",
    "labourers",
    "kitchen",
];

/// What happens at those sites by accident.
const ACCIDENTS: &[&str] = &[
    "explosion",
    "explosions",
    "exploded",
    "blast",
    "fire",
    "caught",
    "collapsed",
    "collapse",
    "leak",
    "leaked",
    "burns",
    "burned",
    "derailed",
    "crash",
    "crashed",
];

/// Escapes of a substance: with one of [`SUBSTANCES`] in the sentence, a spill or leak.
const LEAKS: &[&str] = &[
    "leak", "leaks", "leaked", "leaking", "spill", "spills", "spilled", "spilt",
];
const SUBSTANCES: &[&str] = &[
    "gas",
    "oil",
    "chemical",
    "chemicals",
    "oxygen",
    "ammonia",
    "chlorine",
    "fuel",
    "crude",
    "diesel",
    "petrol",
    "toxic",
    "sewage",
    "tank",
    "tanker",
    "radioactive",
];

/// Words of a vehicle going wrong; with one of [`VEHICLES`] in the sentence, a transport
/// accident.
const MISHAPS: &[&str] = &[
    "crash",
    "crashed",
    "crashes",
    "collision",
    "collided",
    "derailed",
    "derailment",
    "capsized",
    "sank",
    "overturned",
    "plunged",
    "accident",
    "accidents",
];
const VEHICLES: &[&str] = &[
    "car",
    "cars",
    "bus",
    "buses",
    "minibus",
    "truck",
    "trucks",
    "lorry",
    "train",
    "trains",
    "plane",
    "planes",
    "aircraft",
    "airliner",
    "jet",
    "helicopter",
    "ferry",
    "boat",
    "boats",
    "ship",
    "vessel",
    "tanker",
    "vehicle",
    "vehicles",
    "motorcycle",
    "van",
    "road",
    "highway",
    "traffic",
];

/// Structures whose collapse is an accident (not "talks collapsed").
const STRUCTURES: &[&str] = &[
    "building",
    "buildings",
    "bridge",
    "dam",
    "wall",
    "roof",
    "tunnel",
    "mine",
    "stage",
    "structure",
    "house",
    "hotel",
    "tower",
    "crane",
    "scaffolding",
    "dyke",
    "dike",
    "levee",
    "embankment",
];

/// What poisons many people by accident or negligence (not a poisoning attack).
const POISONS: &[&str] = &[
    "alcohol",
    "alcoholic",
    "liquor",
    "methanol",
    "bootleg",
    "hooch",
    "moonshine",
    "food",
    "carbon",
    "monoxide",
    "mushrooms",
];

/// Words that make a blast, fire or poisoning a deliberate act: with one in the sentence the
/// event coder, not this module, reads it.
const ATTACK_CUES: &[&str] = &[
    "attack",
    "attacks",
    "attacked",
    "attacker",
    "attackers",
    "bomb",
    "bombs",
    "bomber",
    "bombers",
    "bombing",
    "bombings",
    "explosive",
    "explosives",
    "ied",
    "grenade",
    "grenades",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "shelling",
    "mortar",
    "mortars",
    "suicide",
    "militants",
    "gunmen",
    "gunman",
    "gunfire",
    "opened",
    "shot",
    "shooting",
    "terrorist",
    "terrorists",
    "arson",
    "arsonists",
    "torched",
    "sabotage",
    "airstrike",
    "airstrikes",
    "drone",
    "nerve",
    "downed",
    "rammed",
    "ramming",
    "hijacked",
    "deliberately",
];

/// Offences of organised crime, with the offence each word names.
const CRIMES: &[(&str, &str)] = &[
    ("smuggle", "smuggling"),
    ("smuggled", "smuggling"),
    ("smuggling", "smuggling"),
    ("smuggler", "smuggling"),
    ("smugglers", "smuggling"),
    ("contraband", "smuggling"),
    ("trafficking", "trafficking"),
    ("trafficked", "trafficking"),
    ("trafficker", "trafficking"),
    ("traffickers", "trafficking"),
    ("narcotics", "drugs"),
    ("counterfeit", "counterfeiting"),
    ("counterfeiting", "counterfeiting"),
    ("robbery", "robbery"),
    ("robberies", "robbery"),
    ("robbers", "robbery"),
    ("heist", "robbery"),
    ("laundering", "money laundering"),
    ("racketeering", "racketeering"),
    ("extortion", "extortion"),
    ("cybercrime", "cybercrime"),
    ("cyber-crime", "cybercrime"),
    ("poaching", "poaching"),
    ("poachers", "poaching"),
    ("fraudsters", "fraud"),
];

/// Words of rain and of fire, which name a hazard only with weather around them.
const RAINS: &[&str] = &["rain", "rains", "rainfall"];
const FIRES: &[&str] = &["fire", "fires", "blaze", "blazes"];
const COLLAPSES: &[&str] = &["collapsed", "collapse", "collapses", "caved"];
const CRUSHES: &[&str] = &["stampede", "crush"];
const POISONINGS: &[&str] = &["poisoning", "poisoned"];
const ROBS: &[&str] = &["rob", "robs", "robbed", "robbing"];
const HARD_DRUGS: &[&str] = &["cocaine", "heroin", "methamphetamine"];

/// Bits of [`sentence_cues`]: which detector a sentence's words could fire.
const NATURAL_CUE: u8 = 1;
const MAN_MADE_CUE: u8 = 2;
const CRIME_CUE: u8 = 4;
const ACCIDENT_CUE: u8 = 8;

/// Every word a detector can report an incident at, with the detectors it belongs to. Each
/// detector scans word lists per token and per sentence; one hashed look-up per word first lets
/// the many sentences with none of these words skip them (the event coder's trigger index does
/// the same). A detector that learns to fire at a new word must list it here: debug builds
/// check that no detector fires without its cue.
fn cue_table() -> &'static FxHashMap<&'static str, u8> {
    static TABLE: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxHashMap<&'static str, u8> = FxHashMap::default();
        let mut add = |words: &[&'static str], bit: u8| {
            for w in words {
                *table.entry(w).or_default() |= bit;
            }
        };
        let hazards: Vec<&'static str> = HAZARDS.iter().map(|(w, _)| *w).collect();
        add(&hazards, NATURAL_CUE);
        add(RAINS, NATURAL_CUE);
        add(FIRES, NATURAL_CUE);
        add(&["erupted", "wave"], NATURAL_CUE);
        add(ACCIDENTS, MAN_MADE_CUE | ACCIDENT_CUE);
        add(LEAKS, MAN_MADE_CUE);
        add(POISONINGS, MAN_MADE_CUE);
        add(COLLAPSES, MAN_MADE_CUE);
        add(CRUSHES, MAN_MADE_CUE);
        add(MISHAPS, MAN_MADE_CUE);
        add(&["lost"], MAN_MADE_CUE);
        let crimes: Vec<&'static str> = CRIMES.iter().map(|(w, _)| *w).collect();
        add(&crimes, CRIME_CUE);
        add(ROBS, CRIME_CUE);
        add(HARD_DRUGS, CRIME_CUE);
        add(&["crime", "drug"], CRIME_CUE);
        table
    })
}

/// The union of the cue bits of a sentence's words.
fn sentence_cues(toks: &[Token]) -> u8 {
    let table = cue_table();
    toks.iter().fold(0, |bits, t| {
        bits | table.get(t.lower.as_str()).copied().unwrap_or(0)
    })
}

/// Runs `detect` only when the sentence has one of its cue words; debug builds check that
/// skipping it changed nothing.
fn gated<T>(cues: u8, bit: u8, detect: impl Fn() -> Option<T>) -> Option<T> {
    if cues & bit != 0 {
        return detect();
    }
    debug_assert!(
        detect().is_none(),
        "an incident detector fired without a cue word"
    );
    None
}

fn has(toks: &[Token], list: &[&str]) -> bool {
    toks.iter().any(|t| list.contains(&t.lower.as_str()))
}

fn first(toks: &[Token], list: &[&str]) -> Option<usize> {
    toks.iter().position(|t| list.contains(&t.lower.as_str()))
}

/// "no tsunami", "not a flood": a hazard word right after a negation tells that none came.
fn negated(toks: &[Token], i: usize) -> bool {
    toks[i.saturating_sub(2)..i]
        .iter()
        .any(|t| matches!(t.lower.as_str(), "no" | "not" | "without"))
}

/// The first natural hazard in a sentence: token index and hazard name.
fn natural_hazard(toks: &[Token]) -> Option<(usize, &'static str)> {
    let next = |i: usize| toks.get(i + 1).map_or("", |t| t.lower.as_str());
    let prev = |i: usize| i.checked_sub(1).map_or("", |k| toks[k].lower.as_str());
    for (i, t) in toks.iter().enumerate() {
        let w = t.lower.as_str();
        if let Some(&(_, hazard)) = HAZARDS.iter().find(|(f, _)| *f == w) {
            // "the Quake game engine": a capitalised hazard word inside a sentence names
            // something, unless a name follows it ("Hurricane Mitch").
            let named_storm = toks.get(i + 1).is_some_and(|n| n.is_capitalized());
            if i > 0 && t.is_capitalized() && !named_storm {
                continue;
            }
            // "storm the building", "a flood of refugees", "a landslide victory".
            if FIGURATIVE_NEXT.contains(&next(i))
                || FIGURATIVE_PREV.contains(&prev(i))
                || prev(i) == "to"
                || negated(toks, i)
            {
                continue;
            }
            // A lightning offensive or raid is fast, not weather: lightning kills or strikes.
            if w == "lightning"
                && !toks.iter().any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "struck" | "strike" | "strikes" | "killed" | "died" | "dead"
                    )
                })
            {
                continue;
            }
            // "won in a landslide": elections are won by landslides.
            if hazard == "landslide"
                && has(toks, &["won", "win", "election", "vote", "votes", "polls"])
            {
                continue;
            }
            return Some((i, hazard));
        }
        // "the volcano erupted", "Mount X erupted": eruptions of violence have no mountain.
        if w == "erupted" && has(toks, &["volcano", "volcanic", "mount", "crater", "lava"]) {
            return Some((i, "eruption"));
        }
        // "heavy rains", "forest fires", "fires ... fuelled by high winds".
        if RAINS.contains(&w) && WEATHER.contains(&prev(i)) {
            return Some((i, "flood"));
        }
        if FIRES.contains(&w)
            && (WEATHER.contains(&prev(i)) || has(toks, &["winds", "temperatures", "drought"]))
            && !has(toks, ATTACK_CUES)
        {
            return Some((i, "wildfire"));
        }
        // "heat wave", "cold wave".
        if w == "wave" && matches!(prev(i), "heat" | "cold") {
            return Some((i, "heat"));
        }
    }
    None
}

/// The first accident or other man-made disaster in a sentence, unless an armed actor or an
/// attack word makes it a deliberate act.
fn man_made(toks: &[Token], armed_actor: bool) -> Option<(usize, &'static str)> {
    let deliberate = armed_actor || has(toks, ATTACK_CUES);
    if !deliberate {
        // "a tank at the plant exploded", "the boiler of a chemical plant exploded".
        // (Collapses and crashes need a structure or a vehicle, below: "the company
        // collapsed and workers lost their jobs" is no accident.)
        if has(toks, ACCIDENT_SITES) {
            if let Some(i) = toks.iter().position(|t| {
                ACCIDENTS.contains(&t.lower.as_str())
                    && !matches!(
                        t.lower.as_str(),
                        "collapsed" | "collapse" | "crash" | "crashed"
                    )
            }) {
                let hazard = match toks[i].lower.as_str() {
                    "fire" | "caught" | "burns" | "burned" => "fire",
                    "leak" | "leaked" => "leak",
                    "derailed" => "crash",
                    _ => "explosion",
                };
                return Some((i, hazard));
            }
        }
        // "a chemical spill", "an oxygen tank leak", "the tanker leaked oil".
        if has(toks, SUBSTANCES) {
            if let Some(i) = first(toks, LEAKS) {
                return Some((i, "leak"));
            }
        }
        // "died of alcohol poisoning".
        if has(toks, POISONS) {
            if let Some(i) = first(toks, POISONINGS) {
                return Some((i, "poisoning"));
            }
        }
        // "a dyke wall collapsed", "the bridge collapse".
        // The structure must be near the verb: "house arrest after the firm's collapse" is not.
        if let Some(i) = first(toks, COLLAPSES) {
            let near = &toks[i.saturating_sub(5)..(i + 4).min(toks.len())];
            if has(near, STRUCTURES) {
                return Some((i, "collapse"));
            }
        }
        // A crowd crush is an accident of the crowd, not an attack on it.
        if let Some(i) = first(toks, CRUSHES) {
            return Some((i, "stampede"));
        }
    }
    // "the plane crashed", "a one-car collision": a vehicle may belong to an army and still
    // crash by accident; only a shoot-down or an attack word makes it hostile.
    let hostile = has(toks, ATTACK_CUES) || has(toks, &["hit", "struck", "targeted"]);
    if !hostile && has(toks, VEHICLES) {
        if let Some(i) = first(toks, MISHAPS) {
            return Some((i, "crash"));
        }
        // "lost control": drivers, not armies, lose control of a vehicle on a road.
        if let Some(i) = toks
            .windows(2)
            .position(|w| w[0].lower == "lost" && w[1].lower == "control")
            .filter(|_| has(toks, &["car", "bus", "truck", "vehicle", "driver", "road"]))
        {
            return Some((i, "crash"));
        }
    }
    None
}

/// The first organised-crime offence in a sentence.
fn organised_crime(toks: &[Token]) -> Option<(usize, &'static str)> {
    for (i, t) in toks.iter().enumerate() {
        let w = t.lower.as_str();
        if let Some(&(_, offence)) = CRIMES.iter().find(|(f, _)| *f == w) {
            return Some((i, offence));
        }
        // "robbed a bank", not "robbed of victory" or "the injury robbed him of his pace".
        if ROBS.contains(&w)
            && t.text == t.lower
            && !toks[i + 1..(i + 5).min(toks.len())]
                .iter()
                .any(|t| t.lower == "of")
        {
            return Some((i, "robbery"));
        }
        // Hard drugs in a seizure ("a haul of 40kg of cocaine"), not a player's drug test.
        if HARD_DRUGS.contains(&w)
            && has(
                toks,
                &[
                    "seized",
                    "seizure",
                    "haul",
                    "shipment",
                    "consignment",
                    "tonnes",
                    "tons",
                    "kg",
                    "kilograms",
                    "kilos",
                ],
            )
        {
            return Some((i, "drugs"));
        }
        // "cyber crime police", "drug dealers", "drug lords".
        if w == "crime" && i > 0 && toks[i - 1].lower == "cyber" {
            return Some((i - 1, "cybercrime"));
        }
        if w == "drug"
            && toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "dealer"
                        | "dealers"
                        | "dealing"
                        | "lord"
                        | "lords"
                        | "haul"
                        | "ring"
                        | "gang"
                        | "cartel"
                        | "cartels"
                )
            })
        {
            return Some((i, "drugs"));
        }
    }
    None
}

/// Whether a sentence tells of a natural disaster or an industrial accident (for the event
/// coder: deaths in it are not attacks when no armed actor is named).
pub fn reads_as_disaster(toks: &[Token]) -> bool {
    let cues = sentence_cues(toks);
    gated(cues, NATURAL_CUE, || natural_hazard(toks)).is_some()
        || (cues & ACCIDENT_CUE != 0 && has(toks, ACCIDENT_SITES))
}

/// Nouns that, right after a hazard word or before "of/for (the) <hazard>", name what came
/// after a disaster or what refers to it, not the disaster happening: "tsunami relief fund",
/// "earthquake victims", "the anniversary of the earthquake", "an appeal for the flood". Such a
/// mention recalls the disaster as context (codebook section 7, `background`).
const AFTERMATH: &[&str] = &[
    "relief",
    "fund",
    "funds",
    "appeal",
    "appeals",
    "aid",
    "victims",
    "survivors",
    "orphans",
    "donations",
    "donation",
    "donors",
    "reconstruction",
    "rebuilding",
    "charity",
    "concert",
    "anniversary",
    "memorial",
    "insurance",
    "effort",
    "efforts",
];

/// Whether the incident word at token `i` only refers to the incident through its aftermath
/// (see [`AFTERMATH`]): the noun it modifies, or the noun its "of"/"for" phrase hangs on; or
/// names it as a point in time ("since the tsunami", "before the earthquake": what the
/// sentence reports happened before or after it).
fn aftermath_mention(toks: &[Token], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    if AFTERMATH.contains(&w(i + 1)) {
        return true;
    }
    // "since the Asian tsunami", "before last year's floods": only a determiner, a name or a
    // possessive between the preposition and the hazard.
    for k in (i.saturating_sub(4)..i).rev() {
        if matches!(w(k), "since" | "before") {
            return true;
        }
        let t = &toks[k];
        let modifier = matches!(w(k), "the" | "a" | "an" | "last" | "this" | "that")
            || t.is_capitalized()
            || w(k).ends_with("'s");
        if !modifier {
            break;
        }
    }
    // "victims of the floods", "the anniversary of last year's quake", "money for the
    // earthquake": the head noun is at most three words before the preposition.
    let Some(prep) = (i.saturating_sub(4)..i)
        .rev()
        .find(|&k| matches!(w(k), "of" | "for"))
    else {
        return false;
    };
    (prep.saturating_sub(2)..prep).any(|k| AFTERMATH.contains(&w(k)))
}

/// The incident mentions of a document: at most one per kind and sentence, from report and
/// background sentences only. A sentence with a natural hazard gets no man-made one (a
/// building felled by an earthquake is part of the earthquake). [`merge_incidents`] then makes
/// one incident of the mentions of one happening.
pub fn find_incidents(
    sentences: &[SentenceInput],
    text: &str,
    doc_id: &str,
    published: Option<NaiveDate>,
) -> Vec<Incident> {
    let mut out = Vec::new();
    for s in sentences.iter().filter(|s| s.class.yields_events()) {
        let toks = &s.toks;
        let armed = s.actors.iter().any(is_armed);
        let cues = sentence_cues(toks);
        let natural = gated(cues, NATURAL_CUE, || natural_hazard(toks));
        let found = [
            (IncidentKind::NaturalDisaster, natural),
            (
                IncidentKind::ManMadeDisaster,
                natural
                    .is_none()
                    .then(|| gated(cues, MAN_MADE_CUE, || man_made(toks, armed)))
                    .flatten(),
            ),
            (
                IncidentKind::OrganisedCrime,
                gated(cues, CRIME_CUE, || organised_crime(toks)),
            ),
        ];
        for (kind, hit) in found {
            let Some((i, hazard)) = hit else { continue };
            let mut found = incident(s, kind, i, hazard, text, doc_id);
            if aftermath_mention(toks, i) {
                found.status = EventStatus::Background;
            }
            found.date = sentence_date(s, i, text, published);
            out.push(found);
        }
    }
    out
}

/// The date stated in the sentence closest to the trigger at token `i`, if any.
fn sentence_date(
    s: &SentenceInput,
    i: usize,
    text: &str,
    published: Option<NaiveDate>,
) -> Option<EventDate> {
    let toks = &s.toks;
    let text_of = |a: usize, b: usize| {
        Span::new(toks[a].span.start, toks[b - 1].span.end)
            .slice(text)
            .to_string()
    };
    find_dates(toks, text_of, published)
        .into_iter()
        .min_by_key(|d| d.start.abs_diff(i).min(d.end.abs_diff(i)))
        .map(|d| d.date)
}

/// Whether two places can be the place of one incident: unknown on either side, or the same
/// country (a storm crosses towns and provinces; one in another country is another incident).
fn places_agree(a: Option<&Location>, b: Option<&Location>) -> bool {
    match (
        a.and_then(|l| l.country.as_deref()),
        b.and_then(|l| l.country.as_deref()),
    ) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => true,
    }
}

/// Days between two stated dates that can still be one incident: a disaster's later
/// sentences tell of its toll, rescue or arrests a day or a few later ("the quake struck on
/// Monday ... the toll rose on Wednesday"), while a flood a month later is another flood.
const SAME_INCIDENT_DAYS: i64 = 3;

/// Whether two dates can be the date of one incident: unknown on either side, or ranges at
/// most [`SAME_INCIDENT_DAYS`] apart.
fn dates_agree(a: Option<&EventDate>, b: Option<&EventDate>) -> bool {
    let range = |d: Option<&EventDate>| {
        let d = d?;
        let parse = |s: &Option<String>| s.as_deref().and_then(super::dates::parse_iso);
        let start = parse(&d.start).or(parse(&d.end))?;
        Some((start, parse(&d.end).unwrap_or(start)))
    };
    let (Some((a0, a1)), Some((b0, b1))) = (range(a), range(b)) else {
        return true;
    };
    let gap = (b0 - a1).num_days().max((a0 - b1).num_days());
    gap <= SAME_INCIDENT_DAYS
}

/// One incident per happening: mentions of the same kind and hazard whose places and dates
/// agree merge into the first, which keeps every mention's quote as evidence, the most precise
/// place, the first stated date, the highest lower bound of each count ("at least 12 dead",
/// later "the toll rose to 20"), and `occurred` if any mention reports it.
pub fn merge_incidents(mentions: Vec<Incident>) -> Vec<Incident> {
    let mut out: Vec<Incident> = Vec::new();
    for m in mentions {
        let same = out.iter_mut().find(|o| {
            o.kind == m.kind
                && o.hazard == m.hazard
                && places_agree(o.location.as_ref(), m.location.as_ref())
                && dates_agree(o.date.as_ref(), m.date.as_ref())
        });
        let Some(o) = same else {
            out.push(m);
            continue;
        };
        if m.status == EventStatus::Occurred {
            o.status = EventStatus::Occurred;
        }
        let finer = |l: &Location, than: Option<&Location>| {
            than.is_none_or(|t| l.precision.rank() < t.precision.rank())
        };
        if let Some(l) = m.location.filter(|l| finer(l, o.location.as_ref())) {
            o.location = Some(l);
        }
        if o.date.is_none() {
            o.date = m.date;
        }
        for (field, c) in m.counts {
            let slot = o.counts.entry(field).or_insert_with(|| c.clone());
            if c.low > slot.low {
                *slot = c;
            }
        }
        for ev in m.evidence {
            if !o.evidence.iter().any(|e| e.span == ev.span) {
                o.evidence.push(ev);
            }
        }
    }
    out
}

fn incident(
    s: &SentenceInput,
    kind: IncidentKind,
    i: usize,
    hazard: &str,
    text: &str,
    doc_id: &str,
) -> Incident {
    let span = s.toks[i].span;
    let mut counts = std::collections::BTreeMap::new();
    for c in find_counts(&s.toks) {
        // Participants count crowds at protests, not victims of an incident.
        if c.field == "participants" {
            continue;
        }
        counts.entry(c.field.clone()).or_insert_with(|| Count {
            low: c.low,
            high: c.high,
            text: c.span.slice(text).to_string(),
            span: Some(c.span),
        });
    }
    Incident {
        kind,
        hazard: hazard.to_string(),
        trigger: span.slice(text).to_string(),
        span,
        status: if s.class == SentenceClass::Background {
            EventStatus::Background
        } else {
            EventStatus::Occurred
        },
        location: s
            .places
            .iter()
            .find(|p| !p.demonym)
            .map(|p| p.location.clone()),
        date: None,
        counts,
        evidence: vec![Evidence {
            document: doc_id.to_string(),
            span: s.span,
            quote: s.span.slice(text).to_string(),
            field: Some("trigger".into()),
        }],
        sentence: s.index,
    }
}

/// Removes AID events that name no giver and no political receiver (only victims, if anyone)
/// from a disaster's sentence and the one after it ("four were injured and airlifted to hospital", "one of the crew was
/// rescued"): relief for the disaster's victims, not aid between political actors. Relations
/// are renumbered to the kept events.
pub fn drop_relief_events(events: &mut Vec<Event>, incidents: &[Incident]) {
    let disaster_sentences: Vec<usize> = incidents
        .iter()
        .filter(|i| i.kind != IncidentKind::OrganisedCrime)
        .flat_map(|i| [i.sentence, i.sentence + 1])
        .collect();
    if disaster_sentences.is_empty() {
        return;
    }
    let relief = |e: &Event| {
        e.event_type == EventType::Aid
            && e.actors.iter().all(|a| {
                a.role != ActorRole::Actor
                    && matches!(a.kind, ActorKind::Unknown | ActorKind::Civilians)
            })
            && e.sentence.is_some_and(|s| disaster_sentences.contains(&s))
    };
    let keep: Vec<bool> = events.iter().map(|e| !relief(e)).collect();
    if keep.iter().all(|k| *k) {
        return;
    }
    let mut new_index = Vec::with_capacity(keep.len());
    let mut n = 0;
    for k in &keep {
        new_index.push(k.then_some(n));
        n += usize::from(*k);
    }
    let mut i = 0;
    events.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    for e in events.iter_mut() {
        e.relations
            .retain_mut(|r| match new_index.get(r.to).copied().flatten() {
                Some(to) => {
                    r.to = to;
                    true
                }
                None => false,
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{extract, ExtractOptions, Resources};
    use sitrep_core::Document;

    #[test]
    fn sentences_without_cue_words_skip_the_detectors() {
        use crate::nlp::tokens::tokenize;
        // Every word a detector reports at carries that detector's bit.
        let quake = sentence_cues(&tokenize("The quake struck at dawn.", 0));
        assert_ne!(quake & NATURAL_CUE, 0);
        let theft = sentence_cues(&tokenize("Poachers were caught near the park.", 0));
        assert_ne!(theft & CRIME_CUE, 0);
        assert_ne!(
            theft & ACCIDENT_CUE,
            0,
            "\"caught\" (fire) is an accident word"
        );
        // A sentence with none of them is skipped by all three.
        let plain = sentence_cues(&tokenize("The minister opened a new school on Monday.", 0));
        assert_eq!(plain, 0);
    }

    fn run(text: &str) -> sitrep_core::Extraction {
        let doc = Document::plain_text("t", text, None);
        extract(&doc, &Resources::empty(), &ExtractOptions::default())
    }

    fn kinds(text: &str) -> Vec<(IncidentKind, String)> {
        run(text)
            .incidents
            .into_iter()
            .map(|i| (i.kind, i.hazard))
            .collect()
    }

    #[test]
    fn natural_hazards_are_incidents_with_counts_and_no_assault() {
        let x = run("A powerful earthquake shook the coastal province on Monday, killing at least 12 people and injuring 40.");
        assert_eq!(x.incidents.len(), 1, "{:?}", x.incidents);
        let i = &x.incidents[0];
        assert_eq!(i.kind, IncidentKind::NaturalDisaster);
        assert_eq!(i.hazard, "earthquake");
        assert_eq!(i.trigger, "earthquake");
        assert_eq!(i.counts["killed"].low, Some(12));
        assert_eq!(i.counts["killed"].high, None);
        assert_eq!(i.counts["injured"].low, Some(40));
        assert!(x.events.iter().all(|e| e.event_type != EventType::Assault));
        assert_eq!(
            kinds("Heavy rains have left three districts under water since Friday."),
            vec![(IncidentKind::NaturalDisaster, "flood".to_string())]
        );
        assert_eq!(
            kinds("The volcano erupted overnight and ash fell on two villages."),
            vec![(IncidentKind::NaturalDisaster, "eruption".to_string())]
        );
    }

    #[test]
    fn figures_of_speech_are_not_hazards() {
        assert!(kinds("The minister's remarks caused a media storm in the capital.").is_empty());
        assert!(kinds("The rumour spread like wildfire through the town.").is_empty());
        assert!(kinds("Market tremors in Asia worried investors on Monday.").is_empty());
        // A storm that is weather stays one.
        assert_eq!(
            kinds("A violent storm tore roofs off houses along the coast."),
            vec![(IncidentKind::NaturalDisaster, "storm".to_string())]
        );
        assert!(kinds("The ruling party won the vote in a landslide.").is_empty());
        assert!(kinds("A flood of complaints reached the ministry after the decision.").is_empty());
        assert!(kinds("Troops tried to storm the compound at dawn.").is_empty());
        assert!(
            kinds("Officials said there was no tsunami after the tremor.")
                .iter()
                .all(|(_, h)| h == "earthquake")
        );
    }

    #[test]
    fn accidents_are_man_made_disasters_unless_someone_attacked() {
        assert_eq!(
            kinds("Two workers died when a boiler exploded at a paper factory outside the town."),
            vec![(IncidentKind::ManMadeDisaster, "explosion".to_string())]
        );
        assert_eq!(
            kinds("A bus carrying pilgrims collided with a truck on the coastal highway."),
            vec![(IncidentKind::ManMadeDisaster, "crash".to_string())]
        );
        assert_eq!(
            kinds("Residents were told to stay indoors after a gas leak at the depot."),
            vec![(IncidentKind::ManMadeDisaster, "leak".to_string())]
        );
        assert_eq!(
            kinds("Eleven people died of alcohol poisoning in the district last week."),
            vec![(IncidentKind::ManMadeDisaster, "poisoning".to_string())]
        );
        // A deliberate blast is the event coder's business.
        assert!(kinds("Militants set off a bomb at the gas plant, killing two guards.").is_empty());
        assert!(kinds(
            "Rebels said they downed the army helicopter, which crashed near the border."
        )
        .is_empty());
    }

    #[test]
    fn organised_crime_is_its_own_kind_and_leaves_events_alone() {
        let x =
            run("Police arrested four men suspected of smuggling cigarettes across the border.");
        assert_eq!(x.incidents.len(), 1);
        assert_eq!(x.incidents[0].kind, IncidentKind::OrganisedCrime);
        assert_eq!(x.incidents[0].hazard, "smuggling");
        assert!(x.events.iter().any(|e| e.event_type == EventType::Coerce));
        assert_eq!(
            kinds("Rob Jones said the shop had been robbed twice this year."),
            vec![(IncidentKind::OrganisedCrime, "robbery".to_string())]
        );
        assert!(kinds("Rob Jones opened the new library on Tuesday.").is_empty());
    }

    #[test]
    fn mentions_of_one_incident_merge_and_keep_every_quote() {
        let x = run("A strong earthquake struck the hill province on 4 March 2024, killing at least 12 people. \
                     Rescuers dug through rubble after the quake. \
                     Officials said on 5 March 2024 that the earthquake had killed at least 20 people.");
        assert_eq!(x.incidents.len(), 1, "{:#?}", x.incidents);
        let quake = &x.incidents[0];
        assert_eq!(quake.hazard, "earthquake");
        assert_eq!(quake.sentence, 0);
        assert_eq!(quake.evidence.len(), 3);
        assert!(quake.evidence[1].quote.starts_with("Rescuers"));
        assert_eq!(
            quake.counts["killed"].low,
            Some(20),
            "the highest toll stated"
        );
        assert_eq!(
            quake.date.as_ref().and_then(|d| d.start.as_deref()),
            Some("2024-03-04")
        );
        // Different hazards, and the same hazard a month apart, stay apart.
        let x = run("Floods hit the river towns on 2 March 2024. \
                     A landslide buried a road in the hills. \
                     New floods hit the same towns on 20 April 2024.");
        let hazards: Vec<&str> = x.incidents.iter().map(|i| i.hazard.as_str()).collect();
        assert_eq!(
            hazards,
            ["flood", "landslide", "flood"],
            "{:#?}",
            x.incidents
        );
    }

    #[test]
    fn aftermath_mentions_are_background() {
        let status = |text: &str| -> Vec<EventStatus> {
            run(text).incidents.into_iter().map(|i| i.status).collect()
        };
        assert_eq!(
            status("The band gave the money from its concert to the tsunami relief fund."),
            [EventStatus::Background]
        );
        assert_eq!(
            status("Families gathered on Sunday for the anniversary of the earthquake."),
            [EventStatus::Background]
        );
        assert_eq!(
            status("The charity said donations for victims of the floods had doubled."),
            [EventStatus::Background]
        );
        assert_eq!(
            status("Hotel bookings have fallen since the Asian tsunami struck the coast."),
            [EventStatus::Background]
        );
        // The disaster itself is reported, not recalled.
        assert_eq!(
            status("The tsunami destroyed three fishing villages on the coast."),
            [EventStatus::Occurred]
        );
        // One reported mention makes the merged incident a reported one.
        assert_eq!(
            status(
                "Floods swept through the valley towns. Aid agencies set up a flood relief appeal."
            ),
            [EventStatus::Occurred]
        );
    }

    #[test]
    fn relief_after_a_disaster_is_not_aid_and_the_json_carries_incidents() {
        let x = run("A storage tank exploded at a fertiliser plant on Friday. Three workers were hurt and airlifted to a hospital.");
        assert!(
            x.events.iter().all(|e| e.event_type != EventType::Aid),
            "{:?}",
            x.events
        );
        let json = serde_json::to_value(&x).unwrap();
        assert_eq!(json["incidents"][0]["kind"], "man_made_disaster");
        assert_eq!(json["incidents"][0]["hazard"], "explosion");
        // Without incidents the field is left out of the JSON.
        let calm = serde_json::to_value(run("The council met on Tuesday.")).unwrap();
        assert!(calm.get("incidents").is_none());
    }
}
