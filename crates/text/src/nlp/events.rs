//! Event coding: triggers in report and background sentences become event mentions with
//! actors in roles, counts, dates, duration, status, certainty, attribution and location;
//! mentions of the same happening within a document are merged into one event; relations
//! stated in the text ("prompted a response", "not yet linked to") link events.

use std::collections::HashMap;

use chrono::NaiveDate;
use sitrep_core::{
    Actor, ActorKind, ActorRole, Attribution, Count, DatePrecision, Duration, Event, EventDate,
    EventStatus, EventType, Evidence, Location, Precision, Relation, RelationKind, SentenceClass,
    Span,
};

use super::actors::ActorMention;
use super::attribution::{read_stance, resolve_pronoun_sources, SentenceStance};
use super::classify::is_stopword;
use super::counts::{find_counts, quantity_at};
use super::dates::{find_dates, publication_date};
use super::incidents::reads_as_disaster;
use super::lexicon::{Condition, Lexicon, Pos, Trigger};
use super::senses;
use super::subplace;
use super::tokens::{tokenize, Token};
use crate::geo::distance_km;

mod missed_recipients;

/// A resolved place mention inside a sentence.
#[derive(Debug, Clone)]
pub struct PlaceRef {
    /// Token range within the sentence.
    pub start: usize,
    pub end: usize,
    pub location: Location,
    /// A demonym ("Syrian") points at a country but is never an event location.
    pub demonym: bool,
    /// A national capital (GeoNames feature `PPLC`), which news names for the government
    /// seated there ("Moscow demanded", "an apology from Lima").
    pub capital: bool,
}

/// One sentence, analysed, ready for event coding.
pub struct SentenceInput<'a> {
    pub index: usize,
    pub span: Span,
    pub class: SentenceClass,
    /// The first line of the document (a headline).
    pub headline: bool,
    pub toks: Vec<Token<'a>>,
    pub actors: Vec<ActorMention>,
    pub places: Vec<PlaceRef>,
}

/// What the coder needs from the document and resources.
pub struct DocContext<'a> {
    pub doc_id: &'a str,
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    /// Country-precision location for an ISO code (for verbal events with no venue).
    pub country_location: &'a dyn Fn(&str) -> Option<Location>,
    /// Town-precision location for a gazetteer town name in a country (ISO code): the most
    /// important entry of that name there (for seats of bodies, [`SEATS`]).
    pub town_location: &'a dyn Fn(&str, &str) -> Option<Location>,
}

/// Bodies that speak from a fixed seat, with the words that name them in a sentence and the
/// seat (gazetteer town, country): a statement by one with no venue stated is made there.
/// The U.N. Secretary-General, Security Council, General Assembly and the states' U.N.
/// ambassadors speak at the headquarters in New York; U.N. agencies elsewhere do not count.
const SEATS: &[(&[&str], &str, &str)] = &[(
    &[
        "security council",
        "general assembly",
        "secretary-general",
        "secretary general",
        "u.n. ambassador",
        "un ambassador",
        "ambassador to the united nations",
        "ambassador to the u.n.",
        "envoy to the united nations",
        "envoy to the u.n.",
        "representative to the united nations",
        "representative to the u.n.",
    ],
    "New York City",
    "US",
)];

const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "such", "its", "their", "his", "her", "'s",
];
/// Adjectives that, after an article, show the event word after them is a noun ("a long
/// hunger strike", "a massive protest").
const NOUN_PHRASE_ADJECTIVES: &[&str] = &[
    "long",
    "brief",
    "massive",
    "mass",
    "large",
    "huge",
    "peaceful",
    "nationwide",
    "general",
    "indefinite",
    "symbolic",
    "violent",
    "precision",
    "retaliatory",
    "surprise",
    "coordinated",
];
const ARMED_WORDS: &[&str] = &[
    "gunmen",
    "gunman",
    "militants",
    "militant",
    "attackers",
    "attacker",
    "assailants",
    "fighters",
    "bandits",
    "kidnappers",
    "bomber",
    "insurgents",
    "rebels",
    "jihadists",
    "militia",
    "militiamen",
];
/// Words that start a new clause: a subject before one of them is not the subject after it.
/// Words for a tie or a conflict between two sides: the party "with" whom it is ("its border
/// with X", "trade links with X", "a war with X") is the other side.
const TIES_BETWEEN_SIDES: &[&str] = &[
    "border",
    "borders",
    "frontier",
    "frontiers",
    "links",
    "ties",
    "relations",
    "trade",
    "war",
    "conflict",
];

const CLAUSE_BREAKS: &[&str] = &[
    ",", "when", "after", "as", "while", "because", "before", "since", "until", "who", "which",
    "that", "where", "but", "although", "though",
];
/// Verbs that report speech: what follows them is the reported content, not their subject's act.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "announces",
    "reported",
    "reports",
    "claimed",
    "claims",
    "stated",
    "added",
    "confirmed",
    "describe",
    "described",
];
/// Prepositions that put a statement or meeting at a place ("in Geneva", "at the border").
const VENUE_PREPS: &[&str] = &["in", "at", "inside"];
/// Nouns that introduce a named place ("the city of X", "the province of Y").
const PLACE_NOUNS: &[&str] = &[
    "city", "town", "village", "capital", "province", "region", "state", "district", "port",
];
const LOCATION_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "around",
    "across",
    "inside",
    "into",
    "of",
    "on",
    "from",
    "throughout",
];

#[derive(Debug, Clone)]
struct Mention {
    sentence: usize,
    /// Which of the side-by-side happenings of the sentence the trigger belongs to
    /// ([`segment_of`]).
    segment: usize,
    trig: (usize, usize),
    event_type: EventType,
    mode: Option<String>,
    trigger: String,
    anaphoric: bool,
    headline: bool,
    /// The trigger stands inside a direct quotation.
    quoted: bool,
    /// The clause names its doers by a definite agent noun of an attack ("the attackers",
    /// "the gunmen"): they are the ones of a happening already told.
    agents_told: bool,
    actors: Vec<Actor>,
    location: Option<Location>,
    date: Option<EventDate>,
    duration: Option<Duration>,
    counts: Vec<(String, Count)>,
    status: EventStatus,
    hedges: usize,
    attribution: Vec<Attribution>,
    evidence: Evidence,
}

/// Types that are statements or policy acts rather than physical happenings: their place is
/// where they are made, else the acting state's country.
fn is_verbal_type(t: EventType) -> bool {
    matches!(
        t,
        EventType::Threaten
            | EventType::Accuse
            | EventType::Request
            | EventType::Reject
            | EventType::Sanction
            | EventType::Agree
            | EventType::Consult
            | EventType::Support
    )
}

/// Agent nouns that name the doers of an attack by what they did: with "the" they point back
/// to an attack the story has told.
const TOLD_AGENTS: &[&str] = &[
    "attackers",
    "attacker",
    "assailants",
    "assailant",
    "gunmen",
    "gunman",
    "hijackers",
    "kidnappers",
    "bombers",
    "bomber",
    "shooter",
    "shooters",
];

/// A violent act told later in the writer's voice with no place, date or toll of its own, done
/// by "the attackers" (or "the gunmen", ...): the story retelling how the attack it already
/// reported went ("survivors said the attackers singled out guards, shooting many"), not a
/// second attack.
fn agents_retelling(e: &Mention, m: &Mention) -> bool {
    m.agents_told
        && e.sentence < m.sentence
        && e.event_type == m.event_type
        && m.location.is_none()
        && m.date.is_none()
        && m.counts.is_empty()
        && m.status != EventStatus::Background
        && e.status != EventStatus::Background
}

/// Plural nouns for fighters of the armed side of a fight.
const FIGHTER_PLURALS: &[&str] = &[
    "militants",
    "terrorists",
    "insurgents",
    "rebels",
    "attackers",
    "assailants",
    "gunmen",
    "fighters",
    "jihadists",
    "separatists",
    "extremists",
    "kidnappers",
    "hijackers",
];

/// Whether `m` counts its dead in fighters ("the killing of 30 militants").
fn counts_fighters_killed(m: &Mention, text: &str) -> bool {
    m.counts.iter().any(|(f, c)| {
        f == "killed"
            && c.span.is_some_and(|sp| {
                text.get(sp.end..)
                    .and_then(|rest| rest.split_whitespace().next())
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .is_some_and(|w| FIGHTER_PLURALS.contains(&w.as_str()))
            })
    })
}

/// A killing counted in fighters ("the killing of 30 militants") after an attack by a
/// non-state armed group is the attackers' losses at the hands of those who fought back: the
/// security forces' answer, not the attack told again, even when worded as a reference. Nor
/// does the answer take what the attackers' side is later told to have done: that retells the
/// attack.
fn kills_the_attackers(e: &Mention, m: &Mention, text: &str) -> bool {
    let non_state_armed = |x: &Mention| {
        x.actors.iter().any(|a| {
            a.role == ActorRole::Actor
                && matches!(
                    a.kind,
                    ActorKind::RebelGroup
                        | ActorKind::PoliticalMilitia
                        | ActorKind::IdentityMilitia
                )
        })
    };
    let state_done = m.actors.iter().any(|a| {
        a.role == ActorRole::Actor
            && matches!(a.kind, ActorKind::StateForces | ActorKind::Government)
    });
    e.event_type == EventType::Assault
        && m.event_type == EventType::Assault
        && (non_state_armed(e) && counts_fighters_killed(m, text)
            || counts_fighters_killed(e, text) && m.counts.is_empty() && !state_done)
}

/// A speaker quoted on a happening the story has already told ("'Today the leader was
/// killed,' the president wrote"; "'We reject these claims,' the spokesman said") retells it in
/// their own words: news quotes the parties on the news itself. Their wording may name the
/// place or the parties differently, so only type, mode, count and status must agree.
fn quoted_retelling(e: &Mention, m: &Mention) -> bool {
    m.quoted
        && !e.headline
        && e.sentence < m.sentence
        && e.event_type == m.event_type
        && (e.mode.is_none() || m.mode.is_none() || e.mode == m.mode)
        && (m.status == EventStatus::Background) == (e.status == EventStatus::Background)
        && !m
            .counts
            .iter()
            .any(|(f, c)| e.counts.iter().any(|(g, d)| f == g && c.low != d.low))
}

/// Trigger words that say someone was killed (not only attacked).
fn tells_a_killing(m: &Mention) -> bool {
    m.event_type == EventType::Assault
        && (matches!(
            m.trigger.to_lowercase().as_str(),
            "kill"
                | "kills"
                | "killed"
                | "killing"
                | "assassinate"
                | "assassinated"
                | "assassination"
                | "murdered"
                | "shot dead"
                | "gunned down"
                | "shot and killed"
        ) || m
            .counts
            .iter()
            .any(|(f, c)| f == "killed" && c.low.is_some_and(|n| n > 0)))
}

/// A named person is killed once: a killing of someone the story has already told killed
/// ("X was killed in an airstrike", later "officials said X was killed on Thursday") is that
/// killing told again, whatever place, date or parties each telling names. Persons only, and
/// only killings: a person may be attacked or detained more than once.
fn same_person_killed(told: &[Mention], m: &Mention) -> bool {
    let victims = |x: &Mention| -> Vec<String> {
        x.actors
            .iter()
            .filter(|a| a.role == ActorRole::Recipient && a.kind == ActorKind::Person)
            .filter_map(|a| a.name.clone())
            .collect()
    };
    let named_now = victims(m);
    tells_a_killing(m)
        && !named_now.is_empty()
        && told.iter().any(tells_a_killing)
        && told.iter().any(|x| {
            x.event_type == EventType::Assault
                && x.sentence < m.sentence
                && victims(x).iter().any(|v| named_now.contains(v))
        })
}

/// An actor named by a commentator's title ("security analyst X", "legal experts"): an observer
/// of the news, not a party to it.
fn is_commentator(a: &Actor) -> bool {
    a.text.as_deref().is_some_and(|t| {
        t.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "analyst" | "analysts" | "commentator" | "commentators" | "pundit" | "pundits"
            )
        })
    })
}

/// Kinds of actor that bear arms.
fn is_armed_kind(k: ActorKind) -> bool {
    matches!(
        k,
        ActorKind::StateForces
            | ActorKind::RebelGroup
            | ActorKind::PoliticalMilitia
            | ActorKind::IdentityMilitia
            | ActorKind::ExternalForces
    )
}

pub(super) fn is_armed(a: &ActorMention) -> bool {
    is_armed_kind(a.kind) || written_armed(&a.text)
}

/// Whether an actor's words name armed people ("gunmen", "Islamist militants").
pub(super) fn written_armed(text: &str) -> bool {
    let text = text.to_lowercase();
    ARMED_WORDS.iter().any(|w| text.ends_with(w))
}

fn to_actor(a: &ActorMention, role: ActorRole, event_type: EventType) -> Actor {
    // A country named as the one who acts is its government, or its forces for use of force.
    let forces = a.country_as_actor
        && matches!(
            event_type,
            EventType::Assault | EventType::Mobilize | EventType::Coerce
        );
    let (kind, name) = if forces {
        (
            ActorKind::StateForces,
            a.name.as_ref().map(|n| format!("{n} forces")),
        )
    } else {
        // Crowds are named by what they are ("protesters"), since no one else names them.
        let name = a.name.clone().or(match a.kind {
            ActorKind::Protesters => Some("protesters".to_string()),
            ActorKind::Rioters => Some("rioters".to_string()),
            _ => None,
        });
        (a.kind, name)
    };
    Actor {
        role,
        text: Some(a.text.clone()),
        span: Some(a.span),
        name,
        kind,
        country: a.country.clone(),
    }
}

/// Match a trigger at token `i`; returns the trigger and its length in tokens.
fn trigger_at<'t>(lex: &'t Lexicon, toks: &[Token], i: usize) -> Option<&'t Trigger> {
    let list = lex.triggers.get(&toks[i].lower)?;
    list.iter().find(|t| {
        t.words
            .iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|tk| tk.lower == *w))
            && (t.objects.is_empty() || has_object(toks, i + t.words.len(), &t.objects))
    })
}

/// One of `objects` in the object slot: within eight words after the trigger, before the
/// clause ends ("gave the Ivory Coast 5 million dollars of aid", not "gave up; aid arrived").
fn has_object(toks: &[Token], from: usize, objects: &[String]) -> bool {
    toks.iter()
        .skip(from)
        .take(8)
        .take_while(|t| {
            !matches!(
                t.lower.as_str(),
                "." | ";" | ":" | "but" | "while" | "who" | "which" | "after" | "because"
            )
        })
        .any(|t| objects.contains(&t.lower))
}

/// Code one document: sentence inputs in order -> merged events.
pub fn code_events(sentences: &[SentenceInput], lex: &Lexicon, ctx: &DocContext) -> Vec<Event> {
    let mut mentions: Vec<Mention> = Vec::new();
    // (sentence, token) of every trigger-word reference -> event type, for anaphora and relations.
    let mut refs: Vec<(usize, usize, EventType)> = Vec::new();
    let mut stances: Vec<SentenceStance> = Vec::new();
    let mut last_person: Option<String> = None;
    for s in sentences {
        let mut stance = read_stance(&s.toks, &s.actors, ctx.text);
        resolve_pronoun_sources(&mut stance, &s.actors, &s.toks, &mut last_person);
        // Every trigger word is a possible reference to an event, whatever the sentence class.
        let mut i = 0;
        while i < s.toks.len() {
            if let Some(t) = trigger_at(lex, &s.toks, i) {
                refs.push((s.index, i, t.event_type));
                i += t.words.len();
            } else {
                i += 1;
            }
        }
        if s.class == SentenceClass::Report {
            let (mut found, leftovers) = sentence_mentions(s, lex, ctx, &stance);
            if let Some(prev) = s.index.checked_sub(1).and_then(|k| sentences.get(k)) {
                speaker_of_document_subject(s, prev, &mut found);
                date_of_retold_statement(s, prev, ctx, &mut found);
            }
            mentions.extend(found);
            // A count stated in a sentence of its own belongs to the latest event of its type in
            // the last few sentences, if that event has no such count yet.
            for (field, count) in leftovers {
                let owner = count_owner(&field);
                let target = mentions
                    .iter_mut()
                    .rev()
                    .take_while(|m| m.sentence + 3 >= s.index)
                    .find(|m| Some(m.event_type) == owner);
                if let Some(m) = target {
                    if !m.counts.iter().any(|(f, _)| *f == field) {
                        m.counts.push((field, count));
                    }
                }
            }
        } else if s.class.yields_events() {
            mentions.extend(sentence_mentions(s, lex, ctx, &stance).0);
        }
        stances.push(stance);
    }
    // Sport and games reports speak of attacks, shots and strikes that hurt no one: there, a
    // use of force needs an armed actor or a casualty count to be coded.
    if is_sport_report(sentences) {
        mentions.retain(|m| {
            m.event_type != EventType::Assault
                || m.counts.iter().any(|(f, c)| {
                    matches!(f.as_str(), "killed" | "injured") && c.low.unwrap_or(0) > 0
                })
                || m.actors.iter().any(|a| is_armed_kind(a.kind))
        });
    }
    date_of_lead_from_next_sentence(sentences, &mut mentions, ctx);
    merge_and_finish(sentences, mentions, &refs, lex, ctx)
}

/// A news lead often leaves the time to the sentence after it ("The council has rejected the
/// plan. Its chairman called it unworkable at a news conference Thursday."). An undated
/// happening of the lead told in the present perfect ("has rejected"), the present or as a
/// noun ("the sanctioning of", "testing a missile") takes the first date of the next sentence
/// when that one is a report. A lead in the simple past with no date is left undated: it
/// tells a happening whose time the story may never give.
fn date_of_lead_from_next_sentence(
    sentences: &[SentenceInput],
    mentions: &mut [Mention],
    ctx: &DocContext,
) {
    let Some(lead) = sentences
        .iter()
        .position(|s| !(s.headline && s.toks.last().is_none_or(|t| t.text != ".")))
    else {
        return;
    };
    let Some(next) = sentences.get(lead + 1) else {
        return;
    };
    if next.class != SentenceClass::Report {
        return;
    }
    let lead_index = sentences[lead].index;
    let toks = &sentences[lead].toks;
    let l = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
    let unfinished = |ts: usize| {
        let before = |k: usize| ts.checked_sub(k).map_or("", l);
        matches!(before(1), "has" | "have" | "is" | "are")
            || matches!(before(2), "has" | "have" | "is" | "are")
                && toks[ts - 1].lower.ends_with("ly")
            || DETERMINERS.contains(&before(1))
            || matches!(before(1), "a" | "an")
            || l(ts).ends_with("ing")
    };
    let text_of = |a: usize, b: usize| {
        Span::new(next.toks[a].span.start, next.toks[b - 1].span.end)
            .slice(ctx.text)
            .to_string()
    };
    let mut date = None;
    for m in mentions.iter_mut() {
        if m.sentence != lead_index || m.date.is_some() || !unfinished(m.trig.0) {
            continue;
        }
        let d = date.get_or_insert_with(|| {
            find_dates(&next.toks, text_of, ctx.published)
                .into_iter()
                .find(|d| d.start == 0 || next.toks[d.start - 1].lower != "since")
                .map(|d| d.date)
        });
        m.date.clone_from(d);
    }
}

/// Nouns for a written statement that can stand as the subject of a statement trigger.
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "letter",
    "communique",
    "communiqué",
    "declaration",
];

/// "X issued a statement on Tuesday. The statement threatened sanctions": a sentence opening
/// with "The statement" (or letter, communique) refers back to the one the previous sentence
/// says someone issued, so that someone, the nearest actor before the noun there, speaks.
fn speaker_of_document_subject(s: &SentenceInput, prev: &SentenceInput, found: &mut [Mention]) {
    let toks = &s.toks;
    if toks.len() < 3 || toks[0].lower != "the" || !DOCUMENT_NOUNS.contains(&toks[1].lower.as_str())
    {
        return;
    }
    let Some(noun_at) = prev.toks.iter().position(|t| t.lower == toks[1].lower) else {
        return;
    };
    let Some(speaker) = prev
        .actors
        .iter()
        .filter(|a| a.end <= noun_at && a.name.is_some())
        .max_by_key(|a| a.end)
    else {
        return;
    };
    for m in found.iter_mut() {
        // Only a trigger right after the noun, whose subject the noun is.
        if !is_verbal_type(m.event_type)
            || m.trig.0 > 4
            || !named(&m.actors, ActorRole::Actor).is_empty()
        {
            continue;
        }
        m.actors.retain(|a| a.role != ActorRole::Actor);
        m.actors
            .insert(0, to_actor(speaker, ActorRole::Actor, m.event_type));
    }
}

/// Nouns for a gathering whose statements a sentence may open by retelling ("The meeting
/// called for ...").
const GATHERING_NOUNS: &[&str] = &["meeting", "talks", "summit", "session", "conference"];

/// "X issued a statement Tuesday saying ... The statement threatened sanctions": a sentence
/// opening with "The statement" (letter, meeting, summit ...) tells more of the one the
/// previous sentence names, so what it says was said when that one was issued or held: the
/// date written right beside the noun there. Only undated statement triggers whose subject is
/// the noun take it.
fn date_of_retold_statement(
    s: &SentenceInput,
    prev: &SentenceInput,
    ctx: &DocContext,
    found: &mut [Mention],
) {
    let toks = &s.toks;
    let noun = toks.get(1).map_or("", |t| t.lower.as_str());
    if toks.len() < 3
        || toks[0].lower != "the"
        || !(DOCUMENT_NOUNS.contains(&noun) || GATHERING_NOUNS.contains(&noun))
    {
        return;
    }
    let Some(noun_at) = prev.toks.iter().position(|t| t.lower == noun) else {
        return;
    };
    let text_of = |a: usize, b: usize| {
        Span::new(prev.toks[a].span.start, prev.toks[b - 1].span.end)
            .slice(ctx.text)
            .to_string()
    };
    // Beside the noun: right after it ("a statement Tuesday", "the meeting on Friday") or
    // right before its verb ("on Tuesday issued a statement").
    let Some(date) = find_dates(&prev.toks, text_of, ctx.published)
        .into_iter()
        .find(|d| {
            (noun_at + 1..=noun_at + 2).contains(&d.start)
                || d.end + 3 >= noun_at && d.end <= noun_at
        })
    else {
        return;
    };
    for m in found.iter_mut() {
        if m.date.is_none() && is_verbal_type(m.event_type) && m.trig.0 <= 4 {
            m.date = Some(date.date.clone());
        }
    }
}

/// Words of physical violence: with one in the sentence, "attack" or "shot" is meant literally.
const VIOLENCE_WORDS: &[&str] = &[
    "killed",
    "kill",
    "killing",
    "dead",
    "death",
    "deaths",
    "died",
    "dies",
    "wounded",
    "wounding",
    "injured",
    "injuring",
    "injuries",
    "casualties",
    "hurt",
    "gunmen",
    "gunman",
    "militants",
    "militant",
    "insurgents",
    "rebels",
    "troops",
    "soldiers",
    "soldier",
    "police",
    "policemen",
    "army",
    "military",
    "bomb",
    "bombs",
    "explosive",
    "explosives",
    "weapon",
    "weapons",
    "gun",
    "guns",
    "rifle",
    "rifles",
    "knife",
    "knives",
    "machete",
    "machetes",
    "grenade",
    "grenades",
    "checkpoint",
    "convoy",
    "villagers",
    "civilians",
    "hostage",
    "hostages",
    "terrorist",
    "terrorists",
    "attacker",
    "attackers",
    "assailants",
    "victim",
    "victims",
    "hospital",
    "suicide",
    "mortar",
    "shelling",
    "airstrike",
    "airstrikes",
    "armed",
    "bullet",
    "bullets",
    "ammunition",
    "drone",
    "drones",
    "fighters",
    "jihadists",
    "bandits",
];

/// Verbs that put a policy in force ("imposed sanctions", "the truce took effect").
const ENACTING_WORDS: &[&str] = &[
    "imposed",
    "imposes",
    "imposing",
    "impose",
    "announced",
    "announces",
    "slapped",
    "levied",
    "introduced",
    "extended",
    "extends",
    "expanded",
    "expands",
    "declared",
    "declares",
    "unveiled",
    "effect",
    "force",
    "began",
    "begins",
    "started",
    "broke",
    "violated",
    "collapsed",
    "targeted",
    "targets",
    "targeting",
    "new",
    "fresh",
    "additional",
    "further",
    "added",
    "lifted",
    "lifts",
    "eased",
    "hit",
    "hits",
];

fn has_enacting_word(toks: &[Token]) -> bool {
    toks.iter()
        .any(|t| ENACTING_WORDS.contains(&t.lower.as_str()))
}

fn has_violence_word(toks: &[Token]) -> bool {
    toks.iter()
        .any(|t| VIOLENCE_WORDS.contains(&t.lower.as_str()))
        // "missiles fired at the city": something fired at a target is a shot, where "fired"
        // alone may be a dismissal or a test launch.
        || toks.windows(2).any(|w| {
            w[0].lower == "fired"
                && matches!(w[1].lower.as_str(), "at" | "into" | "toward" | "towards")
        })
}

/// Whether a document reads as a sports report: several distinct sport words.
fn is_sport_report(sentences: &[SentenceInput]) -> bool {
    const SPORT: &[&str] = &[
        "match",
        "goal",
        "goals",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "stadium",
        "derby",
        "league",
        "season",
        "coach",
        "fans",
        "victory",
        "scored",
        "football",
        "cricket",
        "rugby",
        "tennis",
        "penalty",
        "referee",
        "tournament",
        "championship",
        "cup",
        "innings",
        "wicket",
        "half-time",
        "semi-final",
        "final",
        "manager",
        "winger",
        "pitch",
        "squad",
        "olympic",
        "medal",
        "race",
        "lap",
        "set",
        "tie-break",
    ];
    let mut seen = std::collections::HashSet::new();
    for s in sentences {
        for t in &s.toks {
            if SPORT.contains(&t.lower.as_str()) {
                seen.insert(t.lower.clone());
            }
        }
    }
    seen.len() >= 5
}

fn clause_bounds(toks: &[Token], i: usize) -> (usize, usize) {
    let mut a = i;
    while a > 0 && !matches!(toks[a - 1].text, ";" | ":") {
        a -= 1;
    }
    let mut b = i;
    while b < toks.len() && !matches!(toks[b].text, ";" | ":") {
        b += 1;
    }
    (a, b)
}

/// Token ranges of relative clauses (", who ... ,", ", which ... ,") in a sentence.
fn relative_clauses(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let relative = |t: &Token| matches!(t.lower.as_str(), "who" | "which" | "whose" | "whom");
        // ", many of whom", ", some of which", ", two of whom": a quantifier first.
        let quantified = || {
            (i + 2..(i + 5).min(toks.len())).any(|k| {
                toks[k].lower == "of"
                    && toks
                        .get(k + 1)
                        .is_some_and(|t| matches!(t.lower.as_str(), "whom" | "which"))
                    && !(i + 1..k).any(|m| toks[m].text == ",")
            })
        };
        if toks[i].text == "," && toks.get(i + 1).is_some_and(|t| relative(t) || quantified()) {
            let mut j = i + 2;
            while j < toks.len() && toks[j].text != "," {
                // A date's comma ("January 20, 2025") does not end the clause.
                j += 1;
                if j < toks.len()
                    && toks[j].text == ","
                    && toks.get(j + 1).is_some_and(|t| {
                        t.text.len() == 4 && t.text.chars().all(|c| c.is_ascii_digit())
                    })
                {
                    j += 1;
                }
            }
            out.push((i + 1, j));
        }
    }
    out
}

fn sentence_mentions(
    s: &SentenceInput,
    lex: &Lexicon,
    ctx: &DocContext,
    stance: &SentenceStance,
) -> (Vec<Mention>, Vec<(String, Count)>) {
    let toks = &s.toks;
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let in_attribution = |a: &ActorMention| {
        stance
            .attributions
            .iter()
            .any(|c| a.start >= c.start && a.end <= c.end)
    };
    let in_actor = |i: usize| {
        s.actors
            .iter()
            .any(|a| i >= a.start && i < a.end && !a.country_as_actor)
    };
    let in_place = |i: usize| {
        s.places
            .iter()
            .any(|p| i >= p.start && i < p.end && !p.demonym)
    };
    let rel = relative_clauses(toks);
    let counts = find_counts(toks);
    // Dates are read only for triggers, which most sentences lack: found on first use.
    let dates = std::cell::OnceCell::new();
    let dates = || {
        dates.get_or_init(|| {
            find_dates(
                toks,
                |a, b| {
                    Span::new(toks[a].span.start, toks[b - 1].span.end)
                        .slice(ctx.text)
                        .to_string()
                },
                ctx.published,
            )
        })
    };
    let any_armed = s.actors.iter().any(|a| is_armed(a) && !in_attribution(a));
    let disaster = reads_as_disaster(toks);
    let mut out: Vec<Mention> = Vec::new();
    // Meetings called by parties ("a meeting ... requested by X"): meeting token, the callers.
    let mut called_by: Vec<(usize, Vec<ActorMention>)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(t) = trigger_at(lex, toks, i) else {
            i += 1;
            continue;
        };
        let (ts, te) = (i, i + t.words.len());
        i = te;
        if in_actor(ts) || in_place(ts) {
            // "Saudi warplanes bombed": a trigger that starts on an actor's word is not one,
            // but a trigger may still start on the next word.
            i = ts + 1;
            continue;
        }
        // "a U.S.-backed plan", "the Saudi-led coalition": a participle joined to a name by a
        // hyphen describes what follows it; it tells no happening of its own.
        if ts >= 2
            && l(ts - 1) == "-"
            && toks[ts - 2].is_capitalized()
            && t.words.len() == 1
            && t.words[0].ends_with("ed")
        {
            continue;
        }
        // "a plan that is backed by X", "a truce which is supported by both sides": a present
        // passive in a relative clause describes a standing state of the noun, not a happening.
        // (Past forms stay: "a man who was arrested on Monday" may be news.)
        if ts >= 2
            && t.event_type != EventType::Assault
            && t.words[0].ends_with("ed")
            && matches!(l(ts - 1), "is" | "are")
            && matches!(l(ts - 2), "that" | "which")
        {
            continue;
        }
        // A trigger in scare quotes ("came under \"attack\" from rivals") is a figure of speech.
        let quote = |k: usize| {
            toks.get(k).is_some_and(|t| {
                matches!(
                    t.text,
                    "\"" | "\u{201c}" | "\u{201d}" | "'" | "\u{2018}" | "\u{2019}"
                )
            })
        };
        if ts > 0 && quote(ts - 1) && quote(te) {
            continue;
        }
        if senses::part_of_a_name(toks, ts, te, s.headline)
            || senses::names_a_kind_of_thing(toks, te, t.event_type)
            || senses::modified_into_other_sense(toks, ts, t.event_type)
            || senses::figure_of_speech(toks, ts, te, t.event_type)
            || senses::sporting_penalty(toks, ts, t.event_type, t.mode.as_deref())
            || senses::reports_a_finding(toks, ts, te)
            || senses::restriction_being_lifted(toks, ts, t.event_type)
        {
            continue;
        }
        let prev = if ts > 0 { l(ts - 1) } else { "" };
        let next = l(te);
        // "X, backed by Y, launched ...": a participle describing a side, not an act of support.
        if t.event_type == EventType::Support
            && prev == ","
            && next == "by"
            && t.words.len() == 1
            && t.words[0].ends_with("ed")
        {
            continue;
        }
        // "a demonstration of our commitment", "a show of force": a display, not a protest,
        // unless people follow ("a demonstration of thousands of workers").
        if t.event_type == EventType::Protest
            && matches!(t.words[0].as_str(), "demonstration" | "demonstrations")
            && next == "of"
            && quantity_at(toks, te + 1).is_none()
            && !agent_plural(l(te + 1))
        {
            continue;
        }
        // "murdered film-maker X", "his two murdered colleagues": a participle describing a
        // person names a past killing, not one this sentence reports.
        if matches!(t.words[0].as_str(), "murdered")
            && (ts == 0
                || DETERMINERS.contains(&prev)
                || matches!(
                    prev,
                    "of" | "a" | "an" | "and" | "," | "by" | "for" | "to" | "with" | "about"
                )
                || quantity_at(toks, ts - 1).is_some())
            && toks
                .get(te)
                .is_some_and(|n| n.is_word() && !is_stopword(&n.lower))
        {
            continue;
        }
        // "the signing demonstrated the political will", "demonstrated how ...": to show, not to
        // protest; a protest is intransitive ("demonstrated outside the embassy").
        if t.event_type == EventType::Protest
            && matches!(
                t.words[0].as_str(),
                "demonstrated" | "demonstrate" | "demonstrates" | "demonstrating"
            )
            && (DETERMINERS.contains(&next)
                || matches!(
                    next,
                    "its" | "their" | "his" | "her" | "our" | "how" | "that" | "what" | "this"
                ))
        {
            continue;
        }
        // "a meeting of the Council requested by X and Y": the participle tells who called the
        // meeting, which is the happening; the callers are its actors, not the Council's
        // addressees of a request.
        if t.event_type == EventType::Request
            && t.words.len() == 1
            && t.words[0].ends_with("ed")
            && next == "by"
        {
            if let Some(mk) = (ts.saturating_sub(10)..ts).rev().find(|&k| {
                matches!(
                    l(k),
                    "meeting" | "session" | "summit" | "talks" | "conference" | "consultations"
                )
            }) {
                if !(mk..ts).any(|k| matches!(l(k), "," | ";" | ":")) {
                    let stop = (te..toks.len())
                        .find(|&k| matches!(l(k), "to" | "on" | "over" | "." | ";" | ":"))
                        .unwrap_or(toks.len());
                    let by: Vec<ActorMention> = s
                        .actors
                        .iter()
                        .filter(|a| a.start > te && a.end <= stop)
                        .cloned()
                        .collect();
                    called_by.push((mk, by));
                    continue;
                }
            }
        }
        // "additional peacekeepers arrived to bolster the force": more troops arriving are
        // reinforcements (MOBILIZE; a visitor's arrival is CONSULT, matched by its own row
        // first); other arrivals are no event.
        if t.event_type == EventType::Mobilize
            && t.words[0].starts_with("arriv")
            && !((ts.saturating_sub(2)..ts).any(|k| {
                matches!(
                    l(k),
                    "troops"
                        | "soldiers"
                        | "peacekeepers"
                        | "reinforcements"
                        | "marines"
                        | "paratroopers"
                        | "forces"
                )
            }) && (ca0(toks, ts)..cb0(toks, ts)).any(|k| {
                matches!(
                    l(k),
                    "additional"
                        | "more"
                        | "extra"
                        | "fresh"
                        | "reinforce"
                        | "bolster"
                        | "reinforcements"
                )
            }))
        {
            continue;
        }
        // "defused the situation", "tensions were defused": calming a crisis, not disarming
        // a device.
        if t.words[0].starts_with("defuse")
            && (ts.saturating_sub(3)..(te + 3).min(toks.len())).any(|k| {
                matches!(
                    l(k),
                    "situation"
                        | "tension"
                        | "tensions"
                        | "crisis"
                        | "row"
                        | "standoff"
                        | "dispute"
                )
            })
        {
            continue;
        }
        // "urged X to return to talks": the talks are what is asked for, part of the request.
        if t.event_type == EventType::Consult
            && (ca0(toks, ts)..ts).any(|k| {
                matches!(
                    l(k),
                    "urged" | "urge" | "urges" | "asked" | "pressed" | "called"
                ) && (k + 1..ts).any(|m| l(m) == "to")
            })
        {
            continue;
        }
        // "he believes the leaders will meet at some point": a source's forecast, not a plan.
        if (ca0(toks, ts)..ts).any(|k| {
            matches!(l(k), "believes" | "believe" | "thinks" | "think")
                && (k + 1..ts).any(|m| matches!(l(m), "will" | "would"))
        }) {
            continue;
        }
        // "I do not believe there will be an arrest": a happening the speaker doubts is none.
        if (ca0(toks, ts)..ts).any(|k| {
            matches!(l(k), "believe" | "think" | "expect")
                && (k.saturating_sub(2)..k).any(|m| matches!(l(m), "not" | "n't" | "never"))
        }) {
            continue;
        }
        // A court or body suspending its own proceedings ("suspended any further action until
        // it could hear the case") halts a procedure; it sanctions no one.
        if t.event_type == EventType::Sanction
            && matches!(t.words[0].as_str(), "suspended" | "suspends" | "suspend")
            && (te..(te + 4).min(toks.len())).any(|k| {
                matches!(
                    l(k),
                    "action"
                        | "proceedings"
                        | "hearing"
                        | "hearings"
                        | "trial"
                        | "case"
                        | "implementation"
                        | "ruling"
                        | "process"
                )
            })
        {
            continue;
        }
        // Signing a bill, law or decree is a domestic act of enactment, not an agreement
        // between parties (AGREE).
        if t.event_type == EventType::Agree
            && matches!(t.words[0].as_str(), "signed" | "signs" | "sign" | "signing")
            && (te..(te + 5).min(toks.len())).any(|k| {
                matches!(
                    l(k),
                    "bill"
                        | "bills"
                        | "law"
                        | "laws"
                        | "legislation"
                        | "measure"
                        | "decree"
                        | "decrees"
                        | "amendment"
                        | "budget"
                        | "executive"
                )
            })
        {
            continue;
        }
        // A bare "deal" is one only when it is struck, reached or signed; otherwise it is a deal
        // still talked about ("much remains to be done on a deal").
        if t.event_type == EventType::Agree
            && t.words.len() == 1
            && matches!(t.words[0].as_str(), "deal" | "deals")
            && !(ts.saturating_sub(5)..(te + 4).min(toks.len())).any(|k| {
                // "a UN-brokered deal": the verb may be hyphenated to its agent.
                let w = l(k).rsplit('-').next().unwrap_or("");
                matches!(
                    w,
                    "reached"
                        | "struck"
                        | "signed"
                        | "sealed"
                        | "clinched"
                        | "agreed"
                        | "concluded"
                        | "finalised"
                        | "finalized"
                        | "inked"
                        | "brokered"
                )
            })
        {
            continue;
        }
        // "a war that lasted three years and killed 100,000": a war's toll is a running
        // total, not one attack (codebook 2).
        if t.event_type == EventType::Assault
            && matches!(t.words[0].as_str(), "killed" | "kill" | "kills")
            && !matches!(
                prev,
                "was" | "were" | "been" | "be" | "being" | "are" | "is"
            )
            && (ts.saturating_sub(10)..ts).any(|k| {
                matches!(
                    l(k),
                    "war" | "wars" | "conflict" | "conflicts" | "insurgency"
                ) && !(k..ts).any(|m| matches!(l(m), "by" | "in" | "during" | ","))
            })
        {
            continue;
        }
        if frame_missing(s, t, ts, te)
            || bare_fired_not_shooting(lex, toks, t, te)
            || threat_noun_not_issued(toks, ts, t)
            || weapon_not_used(toks, ts, te, t)
            || standing_ban(toks, ts, t)
            || operation_not_new(toks, ts, t)
            || role_in_reference(toks, ts)
            // Both read the trigger as a noun by its place (an object, a subject before "is"):
            // the lexicon's verb rows carry noun forms too ("bombing", "detention").
            || claim_ties_to_someone(toks, ts)
            || judged_as_a_case(toks, te)
        {
            continue;
        }
        if t.condition == Condition::NotMonth
            && (toks[ts].is_capitalized() && ts > 0
                || matches!(prev, "in" | "on" | "since" | "early" | "late" | "mid")
                || quantity_at(toks, te).is_some())
        {
            continue;
        }
        // "Government forces captured the town and marched deeper into the city": troops on
        // the move, not a protest march, when the sentence's subject is armed and no crowd is
        // named.
        if t.condition == Condition::NotMonth
            && s.actors
                .first()
                .is_some_and(|a| is_armed(a) && a.start < ts)
            && !s.actors.iter().any(|a| a.kind == ActorKind::Protesters)
        {
            continue;
        }
        if t.condition == Condition::Displacement {
            continue;
        }
        let near_armed = |span: usize| {
            s.actors.iter().any(|a| {
                is_armed(a) && !in_attribution(a) && (a.end + span >= ts && a.start <= te + span)
            })
        };
        // "Iraq invaded Kuwait", "Israel mounted its invasion of Lebanon": a state invades with
        // its army, so a country written as the subject of the verb (or of the verb carrying
        // the noun) stands for armed forces. A country elsewhere in the sentence does not
        // ("since the invasion" in a story set in Iraq: a war recalled, not told).
        let state_invades = is_invasion(&t.words[0])
            && (t.pos == Pos::Verb
                && !t.words[0].starts_with("invasion")
                && s.actors
                    .iter()
                    .any(|a| a.country_as_actor && a.end == skip_back(toks, ts, 0))
                || invading_country(toks, ts, t, &s.places, ctx.text).is_some());
        match t.condition {
            Condition::Armed if !any_armed && !state_invades => continue,
            Condition::ArmedNoun if !near_armed(8) => continue,
            // "warned (on) Friday that ...": a day named between the verb and its object.
            Condition::ThreatObject
                if !(matches!(next, "of" | "that")
                    || super::dates::weekday(next).is_some()
                        && matches!(l(te + 1), "of" | "that")
                    || next == "on"
                        && super::dates::weekday(l(te + 1)).is_some()
                        && matches!(l(te + 2), "of" | "that")) =>
            {
                continue
            }
            Condition::Violent
                if !(any_armed
                    || has_violence_word(toks)
                    || t.event_type == EventType::Coerce && person_taken(toks, ts, te)) =>
            {
                continue
            }
            Condition::PartyObject
                if !party_is_object(toks, te, &s.actors) || passive_aux(prev) =>
            {
                continue
            }
            Condition::Enacted if !has_enacting_word(toks) => continue,
            Condition::Arms if !super::acled::mentions_weapons(toks) => continue,
            Condition::ReportedMust
                if reported_demand(toks, ts, ca0(toks, ts), &s.actors).is_none() =>
            {
                continue
            }
            Condition::Authority | Condition::PoliceUsage
                if !s.actors.iter().any(|a| {
                    // "France's headscarf ban": the possessive names who bans.
                    let owns_trigger = ts > a.end && ts <= a.end + 4;
                    let in_power =
                        holds_office(a) && (owns_trigger || !modifies_what_follows(toks, a));
                    // "The president said he is ready to ...": the speaker of a pronoun
                    // subject is the one who is ready, attribution or not.
                    in_power && (!in_attribution(a) || speaks_for_pronoun(toks, ts, a))
                }) =>
            {
                continue
            }
            // "police booked three men", "they were booked under the Act"; but "leaders said
            // they had booked halls" is a reservation.
            Condition::PoliceUsage
                if !matches!(
                    prev,
                    "was" | "were" | "been" | "be" | "is" | "are" | "got" | "get"
                ) && !s
                    .actors
                    .iter()
                    .any(|a| a.kind == ActorKind::StateForces && !in_attribution(a)) =>
            {
                continue
            }
            _ => {}
        }
        // Deaths in earthquakes, floods or a blast at a plant, with no armed actor in the
        // sentence, are disasters, not attacks (the codebook has no disaster type).
        if t.event_type == EventType::Assault && !any_armed && disaster {
            continue;
        }
        // Infinitives after a threat or plan are the threat's content, not events of their own.
        // A verb of carrying on, starting or trying makes the infinitive a happening ("continued
        // to send arms", "attempted to assassinate", "decided to allow"); attempts count (PLOVER).
        let done_infinitive = prev == "to"
            && matches!(
                l(ts.saturating_sub(2)),
                "continued"
                    | "continues"
                    | "continue"
                    | "began"
                    | "begun"
                    | "begins"
                    | "started"
                    | "starts"
                    | "attempt"
                    | "attempted"
                    | "attempts"
                    | "attempting"
                    | "tried"
                    | "tries"
                    | "managed"
                    | "decided"
                    | "decides"
                    | "voted"
                    | "moved"
                    | "proceeded"
            )
            // "made no attempt to attack": an attempt denied is none.
            && !(l(ts.saturating_sub(2)) == "attempt"
                && matches!(l(ts.saturating_sub(3)), "no" | "any"));
        // "plans to impose restrictions", "intends to ban": an announced restriction is a
        // threat (coded below from its planned status), not merely a plan's content.
        let planned_restriction = prev == "to"
            && matches!(
                l(ts.saturating_sub(2)),
                "plans" | "plan" | "planned" | "intends" | "intend" | "intended"
            )
            && matches!(t.event_type, EventType::Coerce | EventType::Sanction);
        if prev == "to"
            && !done_infinitive
            && !planned_restriction
            && !t.words[0].ends_with('s')
            && !t.words[0].ends_with("ed")
            && !t.words[0].ends_with("ing")
            && t.event_type != EventType::Threaten
        {
            continue;
        }
        // A trigger inside a relative clause about someone's past ("who was arrested in 2019") is background detail.
        let in_rel = rel.iter().any(|&(a, b)| ts >= a && ts < b);
        if in_rel && t.event_type != EventType::Assault {
            continue;
        }
        let (ca, cb) = clause_bounds(toks, ts);
        // "that" before a pronoun subject is a conjunction, not a determiner.
        let determiner = |k: usize| DETERMINERS.contains(&l(k)) && !complementizer_that(toks, k);
        // A modal right before the trigger makes it a verb ("the army will withdraw", "the
        // rebels could shell"): a future or possible act never retells a reported one.
        let after_modal = matches!(
            prev,
            "will" | "would" | "shall" | "can" | "could" | "may" | "might" | "must"
        );
        let anaphoric = !after_modal
            && (ts.saturating_sub(3)..ts).any(|k| {
                determiner(k)
                && !(k + 1..ts).any(|m| toks[m].is_capitalized() && !in_actor(m))
                // An auxiliary in between makes a statement trigger a verb with the
                // determiner's noun as its subject ("the parliament has demanded"), not a noun it
                // determines. (Physical happenings keep the anaphoric reading: "its troops had
                // killed" retells the attack already reported.)
                && !(is_verbal_type(t.event_type) && (k + 1..ts).any(|m| {
                    matches!(
                        l(m),
                        "has" | "have" | "had" | "is" | "are" | "was" | "were" | "will" | "would"
                    )
                }))
                // So does a past form after a determined noun ("its allies demanded", "the
                // minister rejected"): a determiner sets off the noun before it, not the verb.
                && !(is_verbal_type(t.event_type)
                    && k + 1 < ts
                    && t.words[0].ends_with("ed")
                    && t.pos == Pos::Verb)
                && !plural_subject_present_verb(toks, ts, t)
            })
            || (ts > 0 && DETERMINERS.contains(&prev));
        let is_noun = t.pos == Pos::Noun
            || anaphoric
            || matches!(
                prev,
                "a" | "an"
                    | "the"
                    | "'s"
                    | "recent"
                    | "deadly"
                    | "latest"
                    | "new"
                    | "fresh"
                    | "suspected"
                    | "joint"
            )
            // "ISIS attack": an actor right before makes a noun, unless the word is a past
            // form ("Gunmen killed", "Troops shot").
            || (s.actors.iter().any(|a| a.end == ts)
                && !t.words[0].ends_with("ed")
                // A trigger opening with a modal is a verb phrase ("Portugal will support").
                && !matches!(t.words[0].as_str(), "will" | "would" | "shall")
                && !matches!(t.words[0].as_str(), "shot" | "struck" | "fought" | "beat" | "beaten" | "shelled" | "blew" | "set" | "met")
                && !plural_subject_present_verb(toks, ts, t))
            || (toks[ts].is_capitalized() && s.headline)
            // "a 24-hour hunger strike", "a massive protest": an article with an adjective
            // between makes a noun phrase too.
            || (ts >= 2
                && matches!(l(ts - 2), "a" | "an" | "the")
                && toks[ts - 1].is_word()
                && !toks[ts - 1].is_capitalized()
                && (l(ts - 1).contains('-') || NOUN_PHRASE_ADJECTIVES.contains(&l(ts - 1))))
            || noun_after_modifiers(toks, ts, t, &s.actors);
        // "wounded" in news is nearly always a participle ("three others wounded"): the noun
        // before it is hurt, not hurting.
        // "was providing" is progressive, not passive: an -ing form keeps its subject as agent.
        let passive = !is_noun
            && !t.words[0].ends_with("ing")
            && !is_stance(t)
            && ((ts.saturating_sub(3)..ts).any(|k| {
                matches!(l(k), "was" | "were" | "been" | "being" | "be" | "got")
                    && !preposition_between(toks, k, ts)
            })
                // ... unless a number or determiner follows: then it has an object and is
                // active ("guerrillas wounded two soldiers").
                || t.words[0] == "wounded"
                    && quantity_at(toks, te).is_none()
                    && !matches!(next, "the" | "a" | "an" | "his" | "her" | "their" | "its"));
        // Candidates, in order.
        let cands: Vec<&ActorMention> = s
            .actors
            .iter()
            .filter(|a| a.start >= ca && a.end <= cb && !in_attribution(a))
            // A country acts in a use of force only as the subject or agent ("Russia launched",
            // "by Russia"), never when it is where things happen ("in Russia").
            .filter(|a| {
                !a.country_as_actor
                    || !matches!(t.event_type, EventType::Assault | EventType::Protest)
                    || agent_after_by(toks, a.start)
                    || (a.end <= ts
                        && !(a.start > 0 && LOCATION_PREPS.contains(&l(a.start - 1)))
                        && t.event_type == EventType::Assault)
            })
            .collect();
        // An agent after "by", unless an object stands between ("rejected the calls by X",
        // "rejected an offer by X": X made the offer and the verb is active).
        // An accusation or inquiry about misdeeds done by a party ("investigating crimes by
        // militia members against villagers", "condemned abuses committed by the police"): the
        // party behind the misdeeds is the one accused, not the agent of the accusing verb.
        let accused_by = (t.event_type == EventType::Accuse)
            .then(|| {
                cands.iter().find(|a| {
                    a.start > te + 1
                        && a.start <= te + 8
                        && l(a.start - 1) == "by"
                        && (te..a.start - 1).any(|k| MISDEEDS.contains(&l(k)))
                })
            })
            .flatten()
            .copied();
        let by_actor = cands
            .iter()
            .find(|a| a.start > te && a.start <= te + 8 && agent_after_by(toks, a.start))
            .filter(|_| accused_by.is_none())
            .filter(|a| {
                let object_first = DETERMINERS.contains(&l(te)) || matches!(l(te), "a" | "an");
                // "a protest against abuses by the police": the police did the abuses; "an
                // inquiry into an allegation by X": X alleged; "despite pressure by X": X
                // pressed. The agent belongs to the noun or phrase in between.
                // "reports of a stray stabbing were denied by the police": when the trigger
                // only completes another noun, a passive verb after it tells what was done to
                // that noun, and its agent is not the trigger's ("the attack was carried out
                // by X", "missiles were fired by jets" keep theirs).
                let passive_between = of_complement(toks, ts)
                    && (te..a.start.saturating_sub(2)).any(|k| {
                        matches!(l(k), "was" | "were" | "is" | "are" | "been")
                            && toks[k + 1].is_word()
                    });
                !(object_first
                    || passive_between
                    || agent_of_act_noun_between(lex, toks, te, a.start - 1)
                    || (te..a.start - 1).any(|k| {
                        PROPOSAL_HEADS.contains(&l(k))
                            || MISDEEDS.contains(&l(k))
                            || NOUNS_OWNING_BY.contains(&l(k))
                    }))
            })
            .copied();
        let by_actor = by_actor.or_else(|| {
            (passive && accused_by.is_none())
                .then(|| agent_after_aside(toks, te, &cands))
                .flatten()
        });
        let mut actor: Option<&ActorMention> = None;
        let mut recipient: Option<&ActorMention> = accused_by;
        if let Some(b) = by_actor {
            actor = Some(b);
        }
        // A past participle with an agent ("a group designated ... by Russia") is passive too.
        let passive = passive || (by_actor.is_some() && t.words[0].ends_with("ed") && !is_noun);
        if passive
            && (t.event_type == EventType::Mobilize || forces_pulled_back(t))
            && actor.is_none()
        {
            // "the army would be deployed": the forces deployed are the ones acting. So are
            // forces withdrawn or demobilised ("the guerrillas have been demobilised"): their
            // side pulls back.
            actor = cands
                .iter()
                .rev()
                .find(|a| a.end <= ts && !a.country_as_actor)
                .copied();
        } else if passive {
            // The passive subject stands in the trigger's own clause ("police arrested 50,
            // while dozens were detained elsewhere": the police are not the detained).
            let subject = cands
                .iter()
                .rev()
                .find(|a| a.end <= ts && !a.country_as_actor)
                // "Officials said the leader was killed": the speaker of a reporting verb is
                // not the patient of the passive it reports.
                .filter(|a| !(a.end..ts).any(|k| REPORTING_VERBS.contains(&l(k))))
                .filter(|a| {
                    // "died after being stabbed": a participle clause shares the main subject.
                    l(ts.saturating_sub(1)) == "being"
                        || !(a.end..ts).any(|k| {
                            CLAUSE_BREAKS.contains(&l(k))
                                && l(k) != ","
                                && !in_rel_range(&rel, k)
                                && !rel.iter().any(|r| r.1 == k || r.0 == k + 1)
                        })
                })
                .copied();
            recipient = recipient.or(subject);
        } else if actor.is_none() {
            // Pre-modifier or possessive ("ISIS attack", "the military's response").
            let adj = cands
                .iter()
                .find(|a| {
                    a.end == ts
                        || (a.end + 1 == ts && l(a.end) == "'s")
                        || (a.end + 2 == ts && l(a.end) == "'s")
                })
                .copied();
            // "the envoy's killing", "the mayor's assassination": a person's possessive on a
            // noun of killing names who was killed, not who killed.
            let victim = adj.filter(|a| {
                a.person
                    && is_noun
                    && l(a.end) == "'s"
                    && matches!(
                        t.words[0].as_str(),
                        "killing" | "assassination" | "murder" | "execution"
                    )
            });
            if victim.is_some() {
                recipient = recipient.or(victim);
            }
            let adj = adj.filter(|_| victim.is_none());
            actor = adj.or_else(|| {
                // "the withdrawal of troops from Chad": what a retreat is "from" is the place or
                // party left, not who retreats.
                let from_is_source = t.event_type != EventType::Retreat;
                if is_noun {
                    // "response from X", "attack by X" handled above.
                    cands
                        .iter()
                        .filter(|_| from_is_source)
                        .find(|a| {
                            a.start > te
                                && a.start <= te + 10
                                && (a.start..te.max(a.start)).next().is_none()
                                && a.start > 0
                                && matches!(l(a.start - 1), "from" | "both")
                        })
                        .copied()
                        .or_else(|| {
                            cands
                                .iter()
                                .filter(|_| from_is_source)
                                .find(|a| {
                                    a.start > te
                                        && a.start <= te + 10
                                        && (te..a.start).any(|k| l(k) == "from")
                                })
                                .copied()
                        })
                        .or_else(|| {
                            let verbal = is_verbal_type(t.event_type);
                            support_verb_subject(toks, ts, verbal, &cands, &rel)
                        })
                        .or_else(|| own_act_subject(toks, ts, t.event_type, &s.actors, ca, &rel))
                } else {
                    // Subject: the nearest actor before the verb, within the same clause
                    // ("soldiers were killed when a bomb struck" has no actor for "struck").
                    // A participle right after an event noun ("an airstrike targeting his
                    // home") tells what that happening did: the noun is its subject.
                    let describes_noun = ts > 0
                        && t.words[0].ends_with("ing")
                        && trigger_at(lex, toks, ts - 1).is_some();
                    cands
                        .iter()
                        .rev()
                        .filter(|_| !describes_noun)
                        .find(|a| a.end <= ts && !in_rel_range(&rel, a.start))
                        .filter(|a| {
                            // A name set off by commas right before the verb is the subject
                            // in apposition ("the envoy, Jane Roe, spoke with ...").
                            let apposed = a.start > 0
                                && l(a.start - 1) == ","
                                && a.end + 1 == ts
                                && l(a.end) == ",";
                            apposed
                                || !(a.end..ts).any(|k| {
                                    CLAUSE_BREAKS.contains(&l(k))
                                        && !in_rel_range(&rel, k)
                                        && !rel.iter().any(|r| r.1 == k || r.0 == k + 1)
                                })
                        })
                        .copied()
                }
            });
            // "A bomb killed one soldier and wounded two others": the party between two
            // verbs joined by "and" is the first verb's object, not the second one's subject.
            if !is_noun && actor.is_some_and(|a| object_of_previous_verb(lex, toks, a, ts, ca)) {
                actor = None;
            }
        }
        if recipient.is_none() {
            let after: Vec<&ActorMention> = cands
                .iter()
                .filter(|a| {
                    a.start >= te
                        && Some(a.start) != actor.map(|x| x.start)
                        && !agent_after_by(toks, a.start)
                        && !topic_of_talks(toks, te, a.start, t)
                })
                // The actor's own forces ("withdraw its fighters", "offered their troops") are
                // what it moves, not a party it acts on.
                .filter(|a| {
                    // The possessive may stand before a modifier or two ("its last soldiers").
                    let own = (a.start.saturating_sub(3)..a.start)
                        .rev()
                        .take_while(|&k| k >= te && toks[k].is_word())
                        .any(|k| matches!(l(k), "its" | "their" | "his" | "her" | "our"));
                    // So are the forces a mobilisation calls up ("mobilized army reservists
                    // for a war against X"): only a party opposed ("against X") is its target.
                    let mobilised = t.event_type == EventType::Mobilize
                        && !(a.start > 0 && matches!(l(a.start - 1), "against" | "on"));
                    !(a.kind == ActorKind::StateForces || is_armed(a)) || !(own || mobilised)
                })
                .filter(|a| {
                    !(t.event_type == EventType::Mobilize
                        && !is_noun
                        && people_mobilised(toks, te, a))
                })
                .filter(|a| {
                    // A country after a statement or a cooperative act is its counterpart
                    // ("apologised to Brazil", "offered aid to Mozambique"), as is one an act is
                    // aimed against ("a war against Iraq").
                    !a.country_as_actor
                        || is_verbal_type(t.event_type)
                        || (a.start > 0 && l(a.start - 1) == "against")
                        || matches!(
                            t.event_type,
                            EventType::Aid | EventType::Cooperate | EventType::Concede
                        )
                })
                .copied()
                .collect();
            let taking = takes_goods(t);
            // A mediator acts on the parties it mediates between ("mediation between the
            // Emirates and Saudi Arabia"); talks between parties have no such third side.
            let mediation = t.event_type == EventType::Consult && t.words[0].starts_with("mediat");
            recipient = if is_noun && !matches!(t.event_type, EventType::Coerce) {
                after
                    .iter()
                    .find(|a| {
                        a.start > 0
                            && (matches!(l(a.start - 1), "on" | "against" | "targeting" | "at")
                                // Talks "on" a matter name their topic, a meeting "at" a place
                                // its venue; the other side is the one met "with".
                                && t.event_type != EventType::Consult
                                || meeting_counterpart_at(toks, te, a.start, t)
                                || mediation
                                    && (l(a.start - 1) == "between"
                                        || l(a.start - 1) == "the"
                                            && l(a.start.saturating_sub(2)) == "between")
                                // A statement noun's addressee follows "that" or "to" right
                                // after it ("its demand that Israel ...", "an appeal to the
                                // U.N."), or after a day ("its demand on Friday that X").
                                || is_verbal_type(t.event_type) && {
                                    let k = if l(te) == "on" && is_date_word(l(te + 1)) {
                                        te + 2
                                    } else if matches!(l(te), "today" | "yesterday")
                                        || is_date_word(l(te))
                                    {
                                        te + 1
                                    } else {
                                        te
                                    };
                                    a.start == k + 1 && matches!(l(k), "that" | "to")
                                })
                    })
                    .copied()
            } else {
                after
                    .iter()
                    .find(|a| {
                        (a.start <= te + if is_verbal_type(t.event_type) { 12 } else { 8 }
                            // Whom aid goes to may stand after a long object ("pledged on
                            // Monday to release a further 20 million euros of relief for X").
                            || a.start <= te + 20 && aid_beneficiary_at(toks, a.start))
                            // A party after "with" or "from" is a partner of a physical act, but
                            // the counterpart of a statement ("threatened to break relations with
                            // Russia", "rejected a fresh offer from Kabul").
                            && (is_verbal_type(t.event_type)
                                || !(te..a.start).any(|k| {
                                    matches!(l(k), "with" | "alongside")
                                        // Whom something is taken from is the one the act hits
                                        // ("confiscated arms from the militia").
                                        || l(k) == "from" && !taking
                                }))
                            // A country where something happens is no counterpart ("in Syria").
                            && !(a.country_as_actor
                                && a.start > 0
                                && matches!(
                                    l(a.start - 1),
                                    "in" | "at" | "near" | "inside" | "into" | "across" | "throughout"
                                ))
                            // An object never lies past a subordinating conjunction ("one man
                            // was killed when police fired": police are in the next clause), nor
                            // in a relative clause on a place ("lifted the curfew in the town,
                            // where three people died": the dead are not what was lifted).
                            && !(te..a.start).any(|k| {
                                matches!(
                                    l(k),
                                    "when"
                                        | "where"
                                        | "after"
                                        | "while"
                                        | "because"
                                        | "before"
                                        | "since"
                                        | "until"
                                        | "although"
                                        | "though"
                                        | "whereas"
                                        // "agreed to resign without returning to X": an
                                        // act not done has no counterpart.
                                        | "without"
                                ) || as_opens_clause(toks, k) && !subject_right_after(toks, k, a.start)
                            })
                            // "protest the arrest of activists": the protest is about the act,
                            // not aimed at those it was done to.
                            && !(t.event_type == EventType::Protest
                                && object_of_another_act(lex, toks, te, a.start))
                    })
                    .copied()
            };
        }
        // A nation named by a demonym on the verb's direct object outranks a party found
        // further on ("burned Kenyan trucks and the camp of the drivers").
        let demonym_np = (!passive)
            .then(|| demonym_object(toks, te, cb, t, &s.places, &s.actors, ctx.text))
            .flatten()
            .filter(|d| recipient.is_none_or(|r| r.start > d.start));
        if demonym_np.is_some() {
            recipient = demonym_np.as_ref();
        }
        // An arrest with no arrester named, reported by the police or army themselves
        // ("..., police said"): the source made the arrest.
        if actor.is_none() && t.event_type == EventType::Coerce {
            actor = stance
                .attributions
                .iter()
                .filter_map(|c| {
                    s.actors.iter().find(|a| {
                        a.start >= c.start && a.end <= c.end && a.kind == ActorKind::StateForces
                    })
                })
                .next();
        }
        // Harm done to someone held by a force ("died of torture while in police custody",
        // "was beaten in army custody"): the force holding them is the doer.
        if actor.is_none() && t.event_type == EventType::Assault {
            actor = custodian(toks, &s.actors)
                .filter(|a| !in_attribution(a) && Some(a.start) != recipient.map(|r| r.start));
        }
        // Noun triggers with no attached actor: the armed actor in the clause ("the operation ..., during which U.S. forces ...").
        if actor.is_none() && is_noun && matches!(t.event_type, EventType::Mobilize) {
            actor = cands
                .iter()
                .find(|a| is_armed(a) && Some(a.start) != recipient.map(|r| r.start))
                .copied();
        }
        // No lexicon actor in the subject or object slot: the noun phrase written there
        // ("A top U.S. official praised ...", "... apologised to the Vatican").
        // Headlines drop auxiliaries ("Teenager charged after ..."), so a verb there may be a
        // passive with its patient before it: no subject phrase is read from them. A first line
        // ending in a full stop is a sentence, not a headline.
        let headline_style = s.headline && toks.last().is_none_or(|t| t.text != ".");
        // Protesters are whoever the sentence says protested ("Thousands of Iraqi Kurds
        // demonstrated", "ethnic Turks began a hunger strike"): a protest has no hidden
        // perpetrator, so the written subject is read, through a support verb for a noun.
        // So is the one who states a demand, warning or accusation named by a noun its verb
        // carries ("the agency reiterated its demand that ...", "the union issued a warning").
        let verbal_noun = is_noun && is_verbal_type(t.event_type);
        let carrying_verb =
            ((t.event_type == EventType::Protest || verbal_noun) && !passive && !headline_style)
                .then(|| {
                    if is_noun {
                        support_verb_at(toks, ts, verbal_noun)
                    } else {
                        Some(ts)
                    }
                })
                .flatten();
        let subject_np = (actor.is_none()
            && !is_noun
            && !passive
            && !headline_style
            && !matches!(
                t.event_type,
                EventType::Assault | EventType::Coerce | EventType::Mobilize | EventType::Protest
            ))
        .then(|| subject_phrase(toks, ts, ca, ctx.text))
        .flatten()
        .or_else(|| {
            carrying_verb
                .filter(|_| actor.is_none())
                .and_then(|v| subject_phrase(toks, v, ca, ctx.text))
        });
        if actor.is_none() {
            actor = subject_np.as_ref();
        }
        // The verb whose subject a pronoun may be: the trigger, or the verb carrying a noun
        // trigger ("he will extend the curfew").
        let pronoun_verb = if is_noun {
            support_verb_at(toks, ts, is_verbal_type(t.event_type))
                .or_else(|| noun_used_as_verb(toks, ts))
        } else {
            Some(ts)
        };
        if actor.is_none() && !passive {
            if let Some(v) = pronoun_verb {
                // The speaker usually stands in the attribution ("Syria said it ..."), which
                // the candidates leave out: look among all actors of the clause.
                let clause_actors: Vec<&ActorMention> = s
                    .actors
                    .iter()
                    .filter(|a| a.start >= ca && a.end <= v)
                    .collect();
                actor = speaker_of_pronoun(toks, v, ca, &clause_actors);
            }
        }
        // A speaker no lexicon entry covers ("U.N. Secretary-General Kofi Annan announced that
        // he will ..."): the phrase before the speech verb.
        let speaker_np = (actor.is_none() && !passive)
            .then(|| pronoun_verb.and_then(|v| pronoun_speech_verb(toks, v, ca)))
            .flatten()
            .and_then(|v| subject_phrase(toks, v, ca, ctx.text));
        if actor.is_none() {
            actor = speaker_np.as_ref();
        }
        // A country or city written as the subject right before a verb of policy or speech is
        // its government ("Berlin rejected", "Washington has demanded", "Uganda paid"): news
        // metonymy. It outranks a party found after the verb, which the verb acts on.
        // Statements and acts of policy or cooperation, which a government or a named party
        // makes in its own name.
        let policy_act = is_verbal_type(t.event_type)
            || matches!(
                t.event_type,
                EventType::Aid | EventType::Cooperate | EventType::Concede | EventType::Retreat
            );
        let subject_place_np = (!is_noun
            && !passive
            && (policy_act
                // Expelling people and closing borders are acts of a government too ("Jakarta
                // forced the agency out of the country").
                || t.event_type == EventType::Coerce
                    && matches!(t.mode.as_deref(), Some("deport" | "restrict")))
            && actor.is_none_or(|a| a.start >= te || a.kind == ActorKind::Unknown))
        .then(|| subject_place(toks, ts, ca, &s.places, ctx.text))
        .flatten()
        // A bare capitalised subject phrase found for the same words gives way to the place.
        .filter(|p| actor.is_none_or(|a| a.start >= te || a.span == p.span));
        if subject_place_np.is_some() {
            actor = subject_place_np.as_ref();
        }
        // "Israel mounted its invasion of ...": the country written as the subject invades.
        let invader_np = (actor.is_none() && is_invasion(&t.words[0]))
            .then(|| invading_country(toks, ts, t, &s.places, ctx.text))
            .flatten();
        if actor.is_none() {
            actor = invader_np.as_ref();
        }
        // "X has been indicted by the court ... and will resign": a party before a verb joined
        // by "and" or "but" belongs to the first verb phrase; the sentence's subject acts.
        let coordinated_np = (actor.is_some_and(|a| a.end <= ts) && !is_noun && !passive)
            .then(|| shared_subject(toks, ts, ca, &s.actors, &s.places, ctx.text))
            .flatten()
            .filter(|c| actor.is_some_and(|a| a.start >= c.end));
        if coordinated_np.is_some() {
            actor = coordinated_np.as_ref();
        }
        // "Benin opened its borders ..., but was still refusing entry to ...": a second verb
        // joined by "but" or "and" with no subject of its own shares the sentence's subject.
        let shared_np = (actor.is_none() && !is_noun && !passive && policy_act)
            .then(|| shared_subject(toks, ts, ca, &s.actors, &s.places, ctx.text))
            .flatten();
        if actor.is_none() {
            actor = shared_np.as_ref();
        }
        // "Greece, like most other members, plans to ...", "Washington along with its allies
        // demanded": an aside between the subject and its verb does not hold the subject.
        let aside = (!is_noun && !passive)
            .then(|| aside_before_verb(toks, ts, ca))
            .flatten()
            .filter(|a| actor.is_none_or(|x| x.start >= a.open && x.end <= a.close));
        let aside_np = aside.and_then(|a| {
            subject_ending_at(
                toks,
                a.open,
                ca,
                &s.actors,
                &s.places,
                ctx.text,
                is_verbal_type(t.event_type),
            )
        });
        if aside_np.is_some() {
            actor = aside_np.as_ref();
        }
        // "X said a deal is out of the question": the matter before the copula is what is
        // rejected; the one who rejects is the speaker.
        let rejecting_speaker_np = predicate_rejection(toks, ts, t)
            .then(|| speaker_before(toks, ts, ca, &s.actors, &s.places, ctx.text));
        if let Some(sp) = &rejecting_speaker_np {
            actor = sp.as_ref();
        }
        // Statements and acts of giving or yielding take a written object as their counterpart.
        let reads_object = !is_noun
            && !passive
            && (is_verbal_type(t.event_type)
                || matches!(
                    t.event_type,
                    EventType::Aid | EventType::Cooperate | EventType::Concede
                ));
        let object_np = (recipient.is_none() && reads_object)
            .then(|| object_phrase(toks, te, cb, &s.actors, ctx.text))
            .flatten();
        if recipient.is_none() {
            recipient = object_np.as_ref();
        }
        // Whom goods are taken from is read the same way ("seized weapons from Syrian
        // smugglers"). After a statement the counterpart right behind its object outranks a
        // party named further on ("demanded an admission by Moscow that Soviet forces ...").
        let after_object_np = ((recipient.is_none() || is_verbal_type(t.event_type))
            && (reads_object || !is_noun && !passive && takes_goods(t)))
        .then(|| counterpart_after_object(toks, te, cb, t, &s.actors, &s.places, ctx.text))
        .flatten();
        // A longer name from the same word wins too ("from the Montenegro Assembly" is the
        // assembly, not the country).
        let outranks = |r: &ActorMention| {
            after_object_np
                .as_ref()
                .is_some_and(|c| c.start < r.start || c.start == r.start && c.end > r.end)
        };
        if recipient.is_none_or(outranks) {
            recipient = after_object_np.as_ref().or(recipient);
        }
        // "demanded that its partners refuse ...": whom a demand is made of is the subject of
        // the clause it demands.
        let demanded_of_np = (t.event_type == EventType::Request && !is_noun && !passive)
            .then(|| subject_of_demanded_clause(toks, te, cb, &s.actors, ctx.text))
            .flatten();
        if demanded_of_np.is_some() {
            recipient = demanded_of_np.as_ref();
        }
        // "declined to resign despite pressure by the commission": a refusal answers whoever
        // pressed for the act.
        let pressing_np = (recipient.is_none() && t.event_type == EventType::Reject && !is_noun)
            .then(|| pressure_refused(toks, te, cb, &s.actors, ctx.text))
            .flatten();
        if recipient.is_none() {
            recipient = pressing_np.as_ref();
        }
        let told_np = (recipient.is_none()
            && !is_noun
            && !passive
            && (is_verbal_type(t.event_type)
                || matches!(t.event_type, EventType::Concede | EventType::Coerce)))
        .then(|| named_object_before_infinitive(toks, te, cb, ctx.text))
        .flatten();
        if recipient.is_none() {
            recipient = told_np.as_ref();
        }
        // The other side of a tie the act cuts or a conflict it is about ("closed its borders
        // with Iran"): that side, not the tie itself, is acted on. Talks "with" a party are
        // the conversation rules' matter.
        let tie_np = (t.event_type != EventType::Consult && !passive)
            .then(|| tie_counterpart(toks, te, cb, is_noun, &s.actors, &s.places, ctx.text))
            .flatten()
            .filter(|(_, tie)| recipient.is_none_or(|r| r.end == tie + 1))
            .map(|(m, _)| m);
        if tie_np.is_some() {
            recipient = tie_np.as_ref();
        }
        // "banned opposition candidates from standing": whom a ban keeps from acting.
        // The phrase outranks a demonym read inside it ("banned Peruvian opposition
        // candidates from ..."), keeping its country.
        let barred_np = (!is_noun && !passive && t.event_type == EventType::Coerce)
            .then(|| missed_recipients::barred_party(toks, te, cb, &s.actors, ctx.text))
            .flatten()
            .filter(|b| {
                recipient.is_none_or(|r| {
                    r.kind == ActorKind::Unknown && b.start <= r.start && r.end <= b.end
                })
            })
            .map(|mut b| {
                if b.country.is_none() {
                    b.country = recipient.and_then(|r| r.country.clone());
                }
                b
            });
        if barred_np.is_some() {
            recipient = barred_np.as_ref();
        }
        // The people an active attack or arrest verb acts on, named by a plain noun phrase no
        // lexicon entry covers ("arrested more than 100 Palestinians", "killed three ethnic
        // Albanians"): the verb's direct object is its target.
        let patient_np = (recipient.is_none()
            && !is_noun
            && !passive
            && matches!(t.event_type, EventType::Assault | EventType::Coerce))
        .then(|| patient_phrase(toks, te, cb, &s.actors, ctx.text))
        .flatten();
        if recipient.is_none() {
            recipient = patient_np.as_ref();
        }
        // The written subject of a passive arrest or attack is whom it hit when no lexicon
        // actor stands there ("A missionary from Calgary was arrested in X"): it outranks the
        // place the act happened in.
        let passive_patient_np = (recipient.is_none()
            && passive
            && !headline_style
            && matches!(t.event_type, EventType::Assault | EventType::Coerce))
        .then(|| subject_phrase(toks, ts, ca, ctx.text))
        .flatten();
        if recipient.is_none() {
            recipient = passive_patient_np.as_ref();
        }
        // "to assassinate deputy governor of the X region, Y": a title with no article. The
        // verb's own part of speech counts ("An attempt to assassinate ..." reads as a noun
        // phrase, but the title is still the verb's object).
        let titled_np = (recipient.is_none()
            && t.pos == Pos::Verb
            && !passive
            && matches!(t.event_type, EventType::Assault | EventType::Coerce))
        .then(|| missed_recipients::titled_patient(toks, te, cb, &s.actors, ctx.text))
        .flatten();
        if recipient.is_none() {
            recipient = titled_np.as_ref();
        }
        // The side a mobilisation is aimed against outranks the means it builds up.
        let opponent_np = (!passive)
            .then(|| missed_recipients::opponent_of_mobilisation(toks, te, cb, t, &s.actors))
            .flatten();
        if opponent_np.is_some() {
            recipient = opponent_np.as_ref();
        }
        // The sides a mediator works between, named by a plain phrase.
        let mediated_np = (recipient.is_none()
            && t.event_type == EventType::Consult
            && t.words[0].starts_with("mediat"))
        .then(|| missed_recipients::mediated_sides(toks, te, cb, &s.actors, ctx.text))
        .flatten();
        if recipient.is_none() {
            recipient = mediated_np.as_ref();
        }
        // What a protest is against: the first party named after a word of opposition or demand
        // ("a hunger strike to protest President Assad's failure", "rallies against the
        // party's leader", "calling for independence from Iraq").
        if recipient.is_none() && t.event_type == EventType::Protest {
            // A boycott of dealings with a party or of a party's own affair targets that party
            // ("boycott all contact with X", "boycott X's elections").
            let boycott = t.words[0].starts_with("boycott");
            recipient = s
                .actors
                .iter()
                .filter(|a| a.start >= te && !in_attribution(a))
                .filter(|a| Some(a.start) != actor.map(|x| x.start))
                .find(|a| {
                    (te..a.start).any(|k| {
                        matches!(
                            l(k),
                            "against"
                                | "protest"
                                | "protesting"
                                | "demand"
                                | "demanding"
                                | "demanded"
                                | "calling"
                                | "resignation"
                                | "from"
                                | "over"
                                | "disapproval"
                                | "condemning"
                                | "denouncing"
                        ) || boycott && l(k) == "with"
                    }) && !(te..a.start).any(|k| matches!(l(k), "." | ";" | "said" | "says"))
                        && !object_of_another_act(lex, toks, te, a.start)
                        || boycott
                            && matches!(l(a.end), "'s" | "'")
                            && (te..a.start).all(|k| matches!(l(k), "the" | "all"))
                });
        }
        let opposed_name_np = (recipient.is_none() && t.event_type == EventType::Protest)
            .then(|| name_protested_against(toks, te, cb, ctx.text))
            .flatten();
        if recipient.is_none() {
            recipient = opposed_name_np.as_ref();
        }
        // "a strike that shut down Kathmandu in protest of ...": the place shut down outranks
        // a party named in what the strike protests.
        let shut_np = (t.event_type == EventType::Protest)
            .then(|| missed_recipients::place_shut_by_strike(toks, te, &s.places, ctx.text))
            .flatten();
        if shut_np.is_some() {
            recipient = shut_np.as_ref();
        }
        let opposed_nation_np = (recipient.is_none() && t.event_type == EventType::Protest)
            .then(|| missed_recipients::nation_protested_against(toks, te, cb, &s.places, ctx.text))
            .flatten();
        if recipient.is_none() {
            recipient = opposed_nation_np.as_ref();
        }
        // Whoever made the proposal, request or call that is rejected or accepted is the
        // counterpart ("rejected an Indian proposal", "turned down calls by the envoy"), even
        // when the proposal names other parties after it.
        let owner_np = (!is_noun && matches!(t.event_type, EventType::Reject | EventType::Agree))
            .then(|| proposal_owner(toks, te, cb, &s.actors, &s.places, ctx.text))
            .flatten();
        if owner_np.is_some() {
            recipient = owner_np.as_ref();
        }
        // "threatened to ... unless Baghdad accepted": the party the condition names.
        let conditioned_np = (t.event_type == EventType::Threaten
            && !passive
            // A party the threatened act itself names ("break relations with Russia unless
            // the Kremlin ...") stays; a generic noun found there ("a military offensive")
            // gives way.
            && recipient.is_none_or(|r| r.country.is_none() && !r.person))
        .then(|| missed_recipients::party_of_condition(toks, te, &s.actors, &s.places, ctx.text))
        .flatten();
        if conditioned_np.is_some() {
            recipient = conditioned_np.as_ref();
        }
        // "warned that police will no longer tolerate rallies by X": X is threatened.
        let untolerated_np = (t.event_type == EventType::Threaten && !passive)
            .then(|| missed_recipients::doer_not_tolerated(toks, te, &s.actors, ctx.text))
            .flatten();
        if untolerated_np.is_some() {
            recipient = untolerated_np.as_ref();
        }
        // A place the act is done to stands for its people or rulers when no party is named
        // ("lifted the curfew in Montenegro", "withdraw troops from Chad", "arrived in Amman on
        // a visit", "shelled Kabul"): PLOVER and CAMEO code such a place as the target.
        let place_np = recipient
            .is_none()
            .then(|| {
                place_target(toks, te, cb, t, is_noun, &s.places, ctx.text)
                    .or_else(|| restricted_nation(toks, te, cb, t, &s.places, ctx.text))
            })
            .flatten();
        if recipient.is_none() {
            recipient = place_np.as_ref();
        }
        // "would blockade Lyon", "reimposed blockades in the territory": the place a blockade
        // is laid on.
        let by_state =
            actor.is_some_and(|a| matches!(a.kind, ActorKind::Government | ActorKind::StateForces));
        let besieged_np = recipient
            .is_none()
            .then(|| {
                missed_recipients::place_besieged(
                    toks, ts, te, cb, t, by_state, &s.places, ctx.text,
                )
            })
            .flatten();
        if recipient.is_none() {
            recipient = besieged_np.as_ref();
        }
        // A camp, a village or a building an attack or a raid is aimed at ("stormed a police
        // post", "set fire to the offices of the union") is its target.
        let venue_np = (recipient.is_none() && !passive)
            .then(|| venue_target(toks, te, cb, t, is_noun, &s.places, ctx.text))
            .flatten();
        if recipient.is_none() {
            recipient = venue_np.as_ref();
        }
        // "sought asylum in Chile": refuge in a country is asked of that country.
        let refuge_np = (recipient.is_none() && t.event_type == EventType::Request)
            .then(|| country_of_refuge(toks, te, t, &s.places, ctx.text))
            .flatten();
        if recipient.is_none() {
            recipient = refuge_np.as_ref();
        }
        // "a prisoner died as a result of torture": whoever died of the act suffered it.
        let died_np = (recipient.is_none() && t.event_type == EventType::Assault)
            .then(|| died_of_the_act(toks, ts, ca, &s.actors, ctx.text))
            .flatten();
        if recipient.is_none() {
            recipient = died_np.as_ref();
        }
        // Forces or staff moved into or out of a place give way to the place.
        let moved_to_np = recipient
            .filter(|r| r.start >= te)
            .and_then(|r| moved_staff_place(toks, r, cb, &s.places, ctx.text));
        if moved_to_np.is_some() {
            recipient = moved_to_np.as_ref();
        }
        // "X said that Y must ...": X demands, Y is asked.
        let demand_speaker_np;
        let mut addressee_before = false;
        if t.condition == Condition::ReportedMust {
            if let Some((verb, addressee)) = reported_demand(toks, ts, ca, &s.actors) {
                recipient = Some(addressee);
                addressee_before = true;
                demand_speaker_np = subject_phrase(toks, verb, ca, ctx.text);
                actor = s
                    .actors
                    .iter()
                    .find(|a| a.end == skip_back(toks, verb, ca))
                    .or(demand_speaker_np.as_ref());
            }
        }
        // "complained to the U.N. over Chilean raids": the party complained about is accused;
        // the addressee only hears the complaint.
        let complained_about_np = (t.event_type == EventType::Accuse && !passive)
            .then(|| party_complained_about(toks, te, cb, &s.actors, &s.places, ctx.text))
            .flatten();
        if complained_about_np.is_some() {
            recipient = complained_about_np.as_ref();
        }
        // A party the act's content only mentions ("share information on missing people",
        // "agreed that they should cooperate to encourage refugees to return") is not its
        // counterpart.
        if recipient.is_some_and(|r| {
            r.start > te
                && (topic_of_information(toks, r.start)
                    || (!is_noun && inside_purpose_of_content(toks, te, r.start)))
        }) {
            recipient = None;
        }
        // "warned that police will not tolerate rallies": the forces that will enforce the
        // warning are the warner's means, not whom it is aimed at.
        if t.event_type == EventType::Threaten
            && recipient.is_some_and(|r| enforcer_of_warning(toks, te, r))
        {
            recipient = None;
        }
        let mut actors: Vec<Actor> = Vec::new();
        if let Some(a) = actor {
            match a.group {
                Some(g) => {
                    for (n, m) in s.actors.iter().filter(|m| m.group == Some(g)).enumerate() {
                        actors.push(to_actor(
                            m,
                            if n == 0 {
                                ActorRole::Actor
                            } else {
                                ActorRole::Partner
                            },
                            t.event_type,
                        ));
                    }
                }
                None => actors.push(to_actor(a, ActorRole::Actor, t.event_type)),
            }
        }
        // The other side of a conversation ("held talks with X", "telephoned X") talks too: it
        // is coded as a partner, as when both are the subject ("X and Y held talks").
        let counterpart_role = if actor.is_some()
            && recipient
                .is_some_and(|r| r.start == te || (r.start > te && l(r.start - 1) == "with"))
            && is_conversation(t)
        {
            ActorRole::Partner
        } else {
            ActorRole::Recipient
        };
        if let Some(r) = recipient {
            let same_side = actor.is_some_and(|a| {
                (a.group.is_some() && r.group == a.group)
                    || (a.country.is_some() && a.country == r.country && a.kind == r.kind)
            });
            if !same_side {
                actors.push(to_actor(r, counterpart_role, t.event_type));
                // Parties joined in one group with the recipient ("shelled Chadian and Sudanese
                // posts") all receive the act.
                for m in s
                    .actors
                    .iter()
                    .filter(|m| r.group.is_some() && m.group == r.group && m.start != r.start)
                {
                    if !actors.iter().any(|x| x.span == Some(m.span)) {
                        actors.push(to_actor(m, counterpart_role, t.event_type));
                    }
                }
            }
        }
        // ", killing one and arresting 12": a participle clause after the main clause has no
        // subject of its own; it shares the main clause's, the actor of the event told there.
        if !passive && !actors.iter().any(|a| a.role == ActorRole::Actor) {
            if let Some(comma) = participle_clause_comma(toks, ts, ca) {
                if let Some(a) = out
                    .iter()
                    .rev()
                    .filter(|m| m.trig.1 <= comma)
                    .find_map(|m| m.actors.iter().find(|a| a.role == ActorRole::Actor))
                {
                    actors.insert(0, a.clone());
                } else if let Some(a) =
                    clause_opening_subject(toks, &s.actors, &s.places, ca, comma)
                        .filter(|a| !in_attribution(a))
                {
                    // The main clause told no event ("declared a state of siege, ... arresting
                    // opponents"): its subject still does what the participle says.
                    actors.insert(0, to_actor(a, ActorRole::Actor, t.event_type));
                }
            }
        }
        // "the government and the FRN have agreed": a name no lexicon entry knows, joined to
        // the subject right before the verb, acts with it.
        if let Some(c) = actor
            .filter(|a| a.group.is_none() && a.end < ts)
            .and_then(|a| name_conjunct_before_verb(toks, a.end, ts, ca, ctx.text))
        {
            if !actors.iter().any(|x| x.span == Some(c.span)) {
                actors.push(to_actor(&c, ActorRole::Partner, t.event_type));
            }
        }
        // Coordinated subjects and objects ("Jordan and Britain agreed", "aid to Romania and
        // Poland"): every conjunct takes the role of the one the rules found.
        if let Some(a) = actor.filter(|a| a.group.is_none() && a.end <= ts) {
            for c in conjuncts(&cands, toks, a, false) {
                if !actors.iter().any(|x| x.span == Some(c.span)) {
                    actors.push(to_actor(c, ActorRole::Partner, t.event_type));
                }
            }
        }
        // The addressees of a reported demand stand before "must" ("said the government and
        // the rebels must ...").
        if let Some(r) =
            recipient.filter(|r| r.group.is_none() && (r.start >= te || addressee_before))
        {
            for c in conjuncts(&cands, toks, r, true) {
                if !actors.iter().any(|x| x.span == Some(c.span)) {
                    actors.push(to_actor(c, counterpart_role, t.event_type));
                }
            }
        }
        // Those named in an aside of company ("France, together with Germany, rejected")
        // act with the subject.
        if let Some(a) = aside.filter(|a| a.company && aside_np.is_some()) {
            for m in s
                .actors
                .iter()
                .filter(|m| m.start > a.open && m.end <= a.close)
            {
                if !actors.iter().any(|x| x.span == Some(m.span)) {
                    actors.push(to_actor(m, ActorRole::Partner, t.event_type));
                }
            }
        }
        // "together with X", "alongside X", "jointly with X": partners.
        for a in &cands {
            if a.start > 0
                && matches!(l(a.start - 1), "alongside" | "with")
                && matches!(
                    l(a.start.saturating_sub(2)),
                    "together" | "jointly" | "alongside" | "with" | ","
                )
                && !actors.iter().any(|x| x.span == Some(a.span))
                && actor.is_some()
            {
                actors.push(to_actor(a, ActorRole::Partner, t.event_type));
            }
        }
        // Status.
        let negated = (ts.saturating_sub(3)..ts)
            .any(|k| matches!(l(k), "not" | "never" | "n't" | "no" | "without"))
            && !matches!(l(ts.saturating_sub(1)), "yet");
        // A stance phrase may stand between the modal and the verb ("would be ready to host").
        let modal_from = stance_before(toks, ts).unwrap_or(ts).saturating_sub(3);
        let modal_future = (modal_from..ts).any(|k| {
            matches!(
                l(k),
                "will"
                    | "would"
                    | "could"
                    | "should"
                    | "must"
                    | "might"
                    | "may"
                    | "plans"
                    | "planned"
                    | "planning"
                    | "intends"
                    | "plotting"
                    | "plot"
                    | "threatened"
                    | "vowed"
            )
        });
        // Policy nouns ("sanctions", "ceasefire", "release", "talks") name a happening only when
        // the sentence says it took place; after a demand, a condition or a threat they are the
        // content of that other act, which its own trigger codes.
        let policy_noun = is_noun
            && matches!(
                t.event_type,
                EventType::Sanction
                    | EventType::Retreat
                    | EventType::Agree
                    | EventType::Concede
                    | EventType::Consult
            );
        // The cue governs the whole clause before the noun ("the possible actions will include
        // target sanctions such as asset freeze"), not just the few words next to it.
        // A coordinated main clause (", and the government announced a ceasefire") starts afresh.
        let cue_from = (ca..ts)
            .rev()
            .find(|&k| l(k) == "," && matches!(l(k + 1), "and" | "but" | "while" | "whereas"))
            .map_or(ca, |k| k + 1);
        let cue_before = |words: &[&str]| (cue_from..ts).any(|k| words.contains(&l(k)));
        if policy_noun
            && (cue_before(&[
                "discussed",
                "discussing",
                "discuss",
                "call",
                "calls",
                "called",
                "calling",
                "urged",
                "urging",
                "urge",
                "demanded",
                "demanding",
                "demand",
                "seek",
                "seeking",
                "sought",
                "push",
                "pushing",
                "pushed",
                "proposed",
                "proposal",
                "accept",
                "secure",
                "securing",
                "agreed",
                "agree",
                "negotiate",
                "negotiating",
                "want",
                "wants",
                "if",
                "unless",
                "possible",
                "potential",
                "considering",
                "consider",
                "weighing",
                "mulling",
                "awaiting",
            ]) || (te..(te + 3).min(toks.len()))
                .any(|k| matches!(l(k), "could" | "would" | "may" | "might" | "should"))
                // "sanctions ... are in Congress awaiting ratification": not yet in force.
                || (te..cb).any(|k| l(k) == "awaiting"))
        {
            continue;
        }
        // "the threat of sanctions", "faces sanctions": a threatened restriction (PLOVER).
        // "or face the possibility of additional sanctions": the cue may stand a few words back.
        let threatened_sanction = t.event_type == EventType::Sanction
            && (ts.saturating_sub(6)..ts).any(|k| {
                matches!(
                    l(k),
                    "threat"
                        | "threats"
                        | "threatened"
                        | "threatening"
                        | "warned"
                        | "face"
                        | "faces"
                        | "facing"
                        | "possibility"
                )
            });
        // "discussed imposing further sanctions", "sanctions ... awaiting ratification",
        // "sanctions could follow": sanctions weighed or pending, not yet imposed.
        let threatened_sanction = threatened_sanction
            || t.event_type == EventType::Sanction
                && matches!(t.words[0].as_str(), "sanction" | "sanctions")
                && ((ca..ts).any(|k| {
                    matches!(
                        l(k),
                        "discussed"
                            | "discussing"
                            | "considering"
                            | "considered"
                            | "weighing"
                            | "mulling"
                            | "proposed"
                            | "proposing"
                    )
                }) || (te..(te + 10).min(cb)).any(|k| {
                    matches!(l(k), "awaiting" | "pending")
                        || matches!(l(k), "could" | "may" | "might" | "would")
                            && matches!(l(k + 1), "follow" | "come" | "be")
                }));
        let claimed = stance.attributions.iter().any(|a| a.claimed);
        // "The Houthis, who have attacked shipping since 2023, ...": a relative clause that dates
        // its happening to a year or a "since" is the actor's record, not this report's news.
        let dated_rel = in_rel
            && rel.iter().any(|&(a, b)| {
                ts >= a
                    && ts < b
                    && (a..b).any(|k| {
                        l(k) == "since"
                            || (toks[k].text.len() == 4
                                && toks[k].text.chars().all(|c| c.is_ascii_digit()))
                    })
            });
        // "will not accept", "refused to agree", "failed to reach agreement": a withheld
        // acceptance is a rejection (PLOVER REJECT), not a negated agreement.
        let refusal = t.event_type == EventType::Agree
            && (negated && !is_noun
                || (ts.saturating_sub(4)..ts)
                    .any(|k| matches!(l(k), "failed" | "fails" | "refused")));
        let negated = negated && !refusal;
        // "since Kim and Putin held a summit in September, ...": a happening in a clause opened
        // by a temporal "since" is the starting point of what the sentence reports, not news.
        let since_clause = (ca..ts).rev().find(|&k| l(k) == "since").is_some_and(|k| {
            let opens_clause = toks.get(k + 1).is_some_and(|n| {
                !is_date_word(&n.lower)
                    && !n.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && !matches!(
                        n.lower.as_str(),
                        "then" | "last" | "early" | "late" | "mid" | "the"
                    )
            });
            opens_clause && !(k + 1..ts).any(|j| matches!(l(j), "," | ";"))
        });
        // "prosecutors ordered the arrest of X": a warrant, not an arrest made (PLOVER codes an
        // unexecuted warrant as a threat of arrest).
        let ordered_arrest = t.event_type == EventType::Coerce
            && t.mode.as_deref() == Some("arrest")
            && (ts.saturating_sub(3)..ts)
                .any(|k| matches!(l(k), "ordered" | "order" | "orders" | "ordering"));
        // "must stop detaining migrants", "urged the army to cease shelling": the act is what a
        // demand asks to end. The demand is the news (its own trigger codes it); the act it
        // names is not reported here as having happened.
        let demanded_end = ts > 1
            && matches!(l(ts - 1), "stop" | "cease" | "halt")
            && (ca..ts - 1).any(|k| {
                matches!(
                    l(k),
                    "must"
                        | "should"
                        | "urge"
                        | "urged"
                        | "urges"
                        | "urging"
                        | "demand"
                        | "demanded"
                        | "demands"
                        | "demanding"
                        | "call"
                        | "calls"
                        | "called"
                        | "calling"
                        | "need"
                        | "needs"
                        | "ought"
                )
            });
        if demanded_end {
            continue;
        }
        // A past act the sentence only recalls: judged in court, or marked as earlier.
        let recalled = senses::names_a_legal_matter(toks, ts, te, t.event_type)
            || senses::marked_as_earlier(toks, ts);
        let status =
            if s.class == SentenceClass::Background || dated_rel || since_clause || recalled {
                EventStatus::Background
            } else if t.event_type == EventType::Threaten || threatened_sanction || ordered_arrest {
                EventStatus::Threatened
            } else if negated {
                EventStatus::Negated
            } else if stance.denied {
                EventStatus::Denied
            } else if modal_future {
                // "said it would withdraw" reports an announced intention: planned. A plot someone is
                // accused of ("planning attacks") or a "could" is no announced plan: hypothetical.
                let announced = (ts.saturating_sub(8)..ts).any(|k| {
                    matches!(
                        l(k),
                        "said"
                            | "says"
                            | "saying"
                            | "announced"
                            | "pledged"
                            | "promised"
                            | "declared"
                            | "confirmed"
                            | "agreed"
                    )
                });
                // "said it would be ready to host talks": the modal stands before the stance.
                let verb = stance_before(toks, ts).unwrap_or(ts);
                // "he will help release my father": a promise to help bring about another party's
                // act (the holder releases), not that act planned by the one who speaks.
                let helped = (ts.saturating_sub(2)..ts)
                    .any(|k| matches!(l(k), "help" | "helps" | "helping"))
                    && matches!(l(ts - 1), "help" | "helps" | "helping" | "to");
                let plotted = helped
                    || (ts.saturating_sub(3)..ts)
                        .any(|k| matches!(l(k), "planning" | "plotting" | "plot"));
                if !plotted
                    && ((ts.saturating_sub(3)..ts)
                        .any(|k| matches!(l(k), "will" | "plans" | "planned" | "intends"))
                        || announced && (verb.saturating_sub(3)..verb).any(|k| l(k) == "would"))
                {
                    EventStatus::Planned
                } else {
                    EventStatus::Hypothetical
                }
            } else if claimed {
                EventStatus::Claimed
            } else {
                EventStatus::Occurred
            };
        // Hypothetical happenings ("could attack", an alleged plot) are no events; the trigger
        // still counts as a reference for anaphora and relations.
        if status == EventStatus::Hypothetical || in_conditional_clause(toks, ts) {
            continue;
        }
        // Dates: nearest expression outside relative clauses the trigger is not in.
        let date = dates()
            .iter()
            .filter(|d| in_rel || !in_rel_range(&rel, d.start))
            .filter(|d| is_verbal_type(t.event_type) || !dates_the_saying(toks, d.start, d.end, ts))
            // "rejected the claim that Tuesday's attack ...": a possessive date dates the noun
            // it owns, not another trigger of the sentence, unless the trigger took place at
            // that happening ("dismissed the claims at Friday's meeting").
            .filter(|d| {
                l(d.end) != "'s"
                    || (d.end + 1..d.end + 5).contains(&ts)
                    || d.start > 0 && matches!(l(d.start - 1), "at" | "during")
            })
            .min_by_key(|d| (d.start as isize - ts as isize).unsigned_abs())
            .map(|d| d.date.clone());
        // Duration: "lasted (for) at least two hours".
        let duration = find_duration(toks, ca, cb, ctx.text);
        // Location: a non-demonym place in the clause, preferring ones after a locative preposition.
        let placed = s
            .places
            .iter()
            .filter(|p| {
                !p.demonym
                    && p.start >= ca
                    && p.end <= cb
                    && !s
                        .actors
                        .iter()
                        .any(|a| !a.country_as_actor && p.start >= a.start && p.end <= a.end)
            })
            .filter(|p| in_rel || !in_rel_range(&rel, p.start))
            .filter(|p| !names_a_party(toks, &s.actors, &s.places, p))
            // "threats of Washington sanctions": a place modifying another event's noun names
            // that event's party, not where this one happens. A place after a locative
            // preposition stays one ("the mission in Libya called for").
            .filter(|p| {
                p.end == ts
                    || p.end >= toks.len()
                    || p.start > 0
                        && matches!(
                            l(p.start - 1),
                            "in" | "at" | "near" | "inside" | "outside" | "across" | "throughout"
                        )
                    || trigger_at(lex, toks, p.end).is_none()
            });
        // A statement's place is where it is made ("told reporters in Kabul"): a place named
        // as its addressee, topic or target ("urged Russia", "talks on Syria") is not its venue.
        let venue = placed
            .clone()
            // A place after ", as ...", ", while ..." following the statement belongs to the
            // happening that clause tells ("condemned the killings, as eight were shot in X"):
            // it is where that happened, not where the statement was made.
            .filter(|p| {
                p.start <= te
                    || !(te..p.start).any(|k| {
                        l(k) == ","
                            && matches!(l(k + 1), "as" | "while" | "after" | "when" | "amid")
                    })
            })
            .filter(|p| {
                // A visit is made where it goes ("a visit to Saudi Arabia").
                let visit = t.event_type == EventType::Consult
                    && t.words[0].starts_with("visit")
                    && p.start > 0
                    && l(p.start - 1) == "to";
                // "the Jeddah talks": a place naming the meeting is where it is held.
                let named_meeting = t.event_type == EventType::Consult && p.end == ts;
                visit
                    || named_meeting
                    || p.start > 0 && VENUE_PREPS.contains(&l(p.start - 1))
                    // A dateline ("WASHINGTON — ...") names where the report was made.
                    || p.start == 0 && matches!(l(p.end), "\u{2014}" | "\u{2013}" | "-" | "(")
                    // "in the capital city of Algiers": the place noun's "of" names the venue.
                    || p.start > 2
                        && l(p.start - 1) == "of"
                        && PLACE_NOUNS.contains(&l(p.start - 2))
                        && (p.start.saturating_sub(6)..p.start - 2)
                            .any(|k| VENUE_PREPS.contains(&l(k)))
            })
            .min_by_key(|p| {
                (
                    p.location.precision.rank(),
                    (p.start as isize - ts as isize).unsigned_abs(),
                )
            })
            .map(|p| p.location.clone());
        let location = placed
            .min_by_key(|p| {
                let acted_on =
                    !is_noun && !is_verbal_type(t.event_type) && place_acted_on(toks, p, te);
                (
                    if acted_on {
                        0
                    } else if told_from(toks, p, ts) {
                        3
                    } else {
                        place_role(toks, &s.places, p)
                    },
                    p.location.precision.rank(),
                    (p.start as isize - ts as isize).unsigned_abs(),
                )
            })
            .map(|p| {
                let mut loc = p.location.clone();
                let taken = |k: usize| {
                    s.places.iter().any(|q| (q.start..q.end).contains(&k))
                        || s.actors.iter().any(|a| (a.start..a.end).contains(&k))
                };
                let quantity = |k: usize| quantity_at(toks, k).is_some();
                if let Some((a, b)) = subplace::sub_place_of(
                    toks,
                    (p.start, p.end),
                    (ts, te),
                    (ca, cb),
                    &taken,
                    &quantity,
                ) {
                    let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
                    loc.sub_place = Some(span.slice(ctx.text).to_string());
                    loc.sub_place_span = Some(span);
                }
                loc
            });
        let attribution: Vec<Attribution> = stance
            .attributions
            .iter()
            .map(|a| Attribution {
                source: a.source.clone(),
                kind: a.kind,
                cue: a.cue.clone(),
                span: Some(a.span),
            })
            .collect();
        // "captured Goma", "seized the town of X": taking a place by force, not an arrest or
        // a seizure of goods.
        let takes_place = t.event_type == EventType::Coerce
            && matches!(
                t.words[0].as_str(),
                "captured" | "capture" | "seized" | "seize"
            )
            && {
                let mut k = te;
                while k < toks.len()
                    && matches!(
                        l(k),
                        "the"
                            | "town"
                            | "city"
                            | "village"
                            | "of"
                            | "control"
                            | "key"
                            | "strategic"
                    )
                {
                    k += 1;
                }
                k < toks.len() && in_place(k)
            };
        // An announced act made to hang on the other side's conduct ("will withdraw its force
        // unless the president holds elections") is an ultimatum: PLOVER THREATEN.
        let ultimatum = status == EventStatus::Planned && conditioned_by_unless(toks, te);
        // An announced future act of cooperation ("Finland will give Tanzania a grant", "Portugal
        // will support the bid") is a promise to cooperate: PLOVER codes the announcement, which
        // has happened, as AGREE. A scheduled meeting stays a planned CONSULT, an announced
        // withdrawal a planned RETREAT (codebook 7).
        let promise = status == EventStatus::Planned
            && !ultimatum
            && !is_noun
            && matches!(
                t.event_type,
                EventType::Aid | EventType::Support | EventType::Cooperate | EventType::Concede
            );
        let status = if promise {
            EventStatus::Occurred
        } else {
            status
        };
        // An announced future boycott, blockade, curfew or ban ("said they would boycott all
        // contact", "will extend the curfew") is a threat of protest or restriction (PLOVER
        // THREATEN, as a threatened tariff is), not a planned happening of that type.
        let threat = (status == EventStatus::Planned
            && !is_noun
            // "-ion(s)" words are nouns ("plans for mass deportations": a plan, not a threat).
            && !t.words[0].ends_with("ion")
            && !t.words[0].ends_with("ions")
            && matches!(
                t.event_type,
                EventType::Protest | EventType::Coerce | EventType::Sanction
            ))
            // The same restriction named by a noun whose carrying verb is future ("will extend
            // the night curfew", "would impose a blockade").
            || (is_noun
                && matches!(t.event_type, EventType::Coerce | EventType::Sanction)
                && future_support_verb(toks, ts));
        let status = if threat || ultimatum {
            EventStatus::Threatened
        } else {
            status
        };
        let (event_type, mode) = if ultimatum {
            (EventType::Threaten, None)
        } else if promise {
            (EventType::Agree, None)
        } else if threat {
            (
                EventType::Threaten,
                (t.event_type != EventType::Protest).then(|| "restrict".to_string()),
            )
        } else if takes_place {
            (EventType::Assault, Some("territory".to_string()))
        } else if threatened_sanction {
            (EventType::Threaten, Some("restrict".to_string()))
        } else if ordered_arrest {
            (EventType::Threaten, Some("arrest".to_string()))
        } else if refusal {
            (EventType::Reject, None)
        } else {
            (t.event_type, t.mode.clone())
        };
        // An analyst's or expert's view ("analyst X welcomed the move") is commentary on the
        // news, not a political act: PLOVER codes what parties do and say, not their observers.
        if is_verbal_type(event_type)
            && actors
                .iter()
                .any(|a| a.role == ActorRole::Actor && is_commentator(a))
        {
            continue;
        }
        let mut mention = Mention {
            sentence: s.index,
            segment: segment_of(toks, ts),
            trig: (ts, te),
            event_type,
            mode,
            trigger: Span::new(toks[ts].span.start, toks[te - 1].span.end)
                .slice(ctx.text)
                .to_string(),
            anaphoric,
            headline: s.headline,
            quoted: super::classify::inside_quote(
                s.span.slice(ctx.text),
                toks[ts].span.start.saturating_sub(s.span.start),
            ),
            agents_told: event_type == EventType::Assault
                && (ca..ts).any(|k| {
                    matches!(l(k), "the" | "these" | "those")
                        && TOLD_AGENTS.contains(&l(k + 1))
                        && !in_rel_range(&rel, k)
                }),
            actors,
            location,
            date,
            duration,
            counts: Vec::new(),
            status,
            hedges: stance.hedges.len(),
            attribution,
            evidence: Evidence {
                document: ctx.doc_id.to_string(),
                span: s.span,
                quote: s.span.slice(ctx.text).to_string(),
                field: Some("trigger".into()),
            },
        };
        // "warned that the cooperation is dangerous": a warning that describes what others do,
        // with no act promised ("will", "would"), is an accusation (PLOVER ACCUSE), not a threat.
        if mention.event_type == EventType::Threaten && t.words[0].starts_with("warn") {
            if let Some(k0) = (te..(te + 3).min(cb)).find(|&k| l(k) == "that") {
                let rest = k0 + 1..cb;
                let promise = rest.clone().any(|k| {
                    matches!(
                        l(k),
                        "will"
                            | "would"
                            | "could"
                            | "may"
                            | "might"
                            | "shall"
                            | "'ll"
                            | "if"
                            | "unless"
                    )
                });
                if !promise && rest.into_iter().any(|k| matches!(l(k), "is" | "are")) {
                    mention.event_type = EventType::Accuse;
                    mention.mode = None;
                    mention.status = EventStatus::Occurred;
                }
            }
        }
        // Leaving an organisation or its membership ("withdrew from the bloc", "the withdrawal
        // of three member states") is PLOVER SANCTION withdraw, not a retreat of forces.
        let left_organisation = organisation_left(toks, te, &s.actors);
        if mention.event_type == EventType::Retreat
            && mention.mode.as_deref() == Some("withdraw")
            && (left_organisation.is_some()
                || (te..(te + 5).min(toks.len()))
                    .any(|k| l(k) == "member" && matches!(l(k + 1), "states" | "countries")))
        {
            mention.event_type = EventType::Sanction;
            // The organisation left is the one the withdrawal is aimed at.
            if let Some(org) = left_organisation {
                if named(&mention.actors, ActorRole::Recipient).is_empty() {
                    mention.actors.retain(|a| a.role != ActorRole::Recipient);
                    mention
                        .actors
                        .push(to_actor(org, ActorRole::Recipient, EventType::Sanction));
                }
            }
        }
        retype_by_object_and_actor(&mut mention, toks, te);
        if is_verbal_type(mention.event_type) {
            // "Kyiv has urged ...": a capital named as the speaker stands for its government,
            // whose seat is the place to fall back on.
            let speaker_place = || {
                s.places.iter().find(|p| {
                    !p.demonym
                        && mention.actors.iter().any(|a| {
                            a.role == ActorRole::Actor
                                && a.span.is_some_and(|sp| {
                                    toks[p.start].span.start >= sp.start
                                        && toks[p.end - 1].span.end <= sp.end
                                })
                        })
                })
            };
            let speaker_loc = speaker_place().map(|p| p.location.clone());
            mention.location = venue;
            if mention.location.is_none() {
                // A statement by a body with a fixed seat (the U.N. Secretary-General, a state's
                // U.N. ambassador) named in the speaker's phrase, or made "at" such a body's
                // meeting, is made at that seat. The speaker's phrase is what comes before the
                // trigger in its clause ("Jordan's ambassador to the United Nations urged").
                let lower = |a: usize, b: usize| {
                    Span::new(a, b)
                        .slice(ctx.text)
                        .to_lowercase()
                        .replace('\u{2019}', "'")
                };
                let subject = mention
                    .actors
                    .iter()
                    .filter(|a| a.role == ActorRole::Actor)
                    .filter_map(|a| a.span)
                    .find(|sp| sp.start < toks[ts].span.start)
                    .map(|_| lower(toks[ca].span.start, toks[ts].span.start))
                    .unwrap_or_default();
                let clause = lower(toks[ca].span.start, toks[cb - 1].span.end);
                let at_meeting = |w: &str| {
                    clause.match_indices(w).any(|(i, _)| {
                        let before = &clause[clause[..i]
                            .char_indices()
                            .rev()
                            .nth(15)
                            .map_or(0, |(j, _)| j)..i];
                        before.starts_with("at ") || before.contains(" at ")
                    })
                };
                // "a meeting of the U.N. Security Council" sits where that body does.
                let own_body =
                    if mention.event_type == EventType::Consult && l(te) == "of" && te + 1 < cb {
                        lower(toks[te].span.start, toks[(te + 6).min(cb - 1)].span.end)
                    } else {
                        String::new()
                    };
                mention.location = SEATS
                    .iter()
                    .find(|(words, _, _)| {
                        words
                            .iter()
                            .any(|w| subject.contains(w) || at_meeting(w) || own_body.contains(w))
                    })
                    .and_then(|(_, town, cc)| (ctx.town_location)(town, cc));
            }
            if mention.location.is_none() {
                mention.location = speaker_loc;
            }
        }
        // One mention per type within a sentence unless they are clearly separate (other place or actor).
        if let Some(prev_m) = out.iter_mut().find(|m| {
            m.event_type == mention.event_type
                && m.segment == mention.segment
                && compatible(m, &mention)
        }) {
            absorb(prev_m, mention);
        } else {
            out.push(mention);
        }
    }
    for (mk, by) in called_by {
        if let Some(m) = out
            .iter_mut()
            .find(|m| m.event_type == EventType::Consult && m.trig.0 <= mk && mk < m.trig.1)
        {
            m.actors.retain(|a| a.role != ActorRole::Actor);
            for a in by.iter().rev() {
                m.actors
                    .insert(0, to_actor(a, ActorRole::Actor, EventType::Consult));
            }
        }
    }
    // "X urged Y to accept ... or face sanctions": Y faces the threat, X makes it.
    let urgers: Vec<(Vec<Actor>, Vec<Actor>)> = out
        .iter()
        .filter(|m| m.event_type == EventType::Request)
        .map(|m| {
            let (a, r): (Vec<Actor>, Vec<Actor>) = m
                .actors
                .iter()
                .cloned()
                .partition(|a| a.role == ActorRole::Actor);
            (a, r)
        })
        .collect();
    for m in out
        .iter_mut()
        .filter(|m| m.event_type == EventType::Threaten && m.mode.as_deref() == Some("restrict"))
    {
        let faced = |a: &Actor| {
            a.role == ActorRole::Actor
                && urgers
                    .iter()
                    .any(|(_, r)| r.iter().any(|x| x.name.is_some() && x.name == a.name))
        };
        if let Some((by, to)) = m.actors.iter().find(|a| faced(a)).and_then(|a| {
            urgers.iter().find(|(u, r)| {
                !u.is_empty() && r.iter().any(|x| x.name.is_some() && x.name == a.name)
            })
        }) {
            m.actors = by.iter().chain(to.iter()).cloned().collect();
            m.location = None;
        }
    }
    // "sentenced him to a year in prison and banned him from politics": a ban that a court
    // hands down with its sentence is part of that sentence, one SANCTION event.
    let sentenced: Vec<usize> = out
        .iter()
        .filter(|m| m.event_type == EventType::Sanction && m.mode.as_deref() == Some("convict"))
        .map(|m| m.segment)
        .collect();
    out.retain(|m| {
        !(m.event_type == EventType::Coerce
            && m.mode.as_deref() == Some("ban")
            && sentenced.contains(&m.segment))
    });
    // Verbal events are statements by someone: without a speaker they are not coded.
    out.retain(|m| {
        !matches!(
            m.event_type,
            EventType::Accuse
                | EventType::Request
                | EventType::Reject
                | EventType::Agree
                | EventType::Consult
        ) || m.actors.iter().any(|a| a.role == ActorRole::Actor)
    });
    // Weapons that were seized, found or defused ("police seized grenades and rockets") were
    // not used: the seizure is the event.
    if out
        .iter()
        .any(|m| m.event_type == EventType::Coerce && m.mode.as_deref() == Some("seize"))
    {
        out.retain(|m| {
            !(m.event_type == EventType::Assault
                && matches!(
                    m.trigger.to_lowercase().as_str(),
                    "grenade"
                        | "grenades"
                        | "rocket"
                        | "rockets"
                        | "missile"
                        | "missiles"
                        | "bomb"
                        | "bombs"
                        | "mortar"
                        | "mortars"
                        | "ied"
                        | "ieds"
                        | "landmine"
                ))
        });
    }
    // A raid or operation that ended in arrests is one event of the more specific type (codebook 1).
    if out.iter().any(|m| m.event_type == EventType::Coerce) {
        out.retain(|m| {
            !(m.event_type == EventType::Assault
                && m.mode.is_none()
                && matches!(
                    m.trigger.to_lowercase().as_str(),
                    "raid" | "raids" | "raided" | "stormed"
                ))
        });
    }
    // Counts attach to the event of the type they belong to, nearest trigger first; counts with
    // no such event in the sentence are handed back ("No one was hurt." after the attack).
    let mut leftovers: Vec<(String, Count)> = Vec::new();
    for c in counts {
        let wants = |m: &Mention| match c.field.as_str() {
            "killed" | "injured" | "abducted" | "displaced" => m.event_type == EventType::Assault,
            "arrested" => m.event_type == EventType::Coerce,
            "participants" => m.event_type == EventType::Protest,
            "released" => m.event_type == EventType::Retreat,
            "deported" => m.event_type == EventType::Coerce,
            "rescued" => m.event_type == EventType::Aid,
            _ => false,
        };
        if let Some(m) = out
            .iter_mut()
            .filter(|m| wants(m))
            .min_by_key(|m| (m.trig.0 as isize - c.cue_token as isize).unsigned_abs())
        {
            let text = c.span.slice(ctx.text).to_string();
            if !m.counts.iter().any(|(f, _)| *f == c.field) {
                m.counts.push((
                    c.field.clone(),
                    Count {
                        low: c.low,
                        high: c.high,
                        text,
                        span: Some(c.span),
                    },
                ));
            }
        } else {
            leftovers.push((
                c.field.clone(),
                Count {
                    low: c.low,
                    high: c.high,
                    text: c.span.slice(ctx.text).to_string(),
                    span: Some(c.span),
                },
            ));
        }
    }
    // "people who died in the police firing", "succumbed to the shelling": a death word tied
    // to the trigger by a preposition says the attack killed someone, even with no number: at
    // least one (codebook section 6: a stated death without a figure has low bound 1).
    for m in out.iter_mut() {
        if m.event_type == EventType::Assault && !m.counts.iter().any(|(f, _)| f == "killed") {
            if let Some(k) = death_before(toks, m.trig.0) {
                m.counts.push((
                    "killed".to_string(),
                    Count {
                        low: Some(1),
                        high: None,
                        text: toks[k].text.to_string(),
                        span: Some(toks[k].span),
                    },
                ));
            }
        }
    }
    (out, leftovers)
}

/// Nouns naming ground held or fought over: taking one by force is a territorial attack
/// (ACLED's territory sub-events), not a seizure of goods.
const TERRITORY_NOUNS: &[&str] = &[
    "town",
    "towns",
    "city",
    "cities",
    "village",
    "villages",
    "neighborhood",
    "neighbourhood",
    "neighborhoods",
    "neighbourhoods",
    "district",
    "districts",
    "area",
    "areas",
    "region",
    "province",
    "capital",
    "positions",
    "position",
    "base",
    "bases",
    "barracks",
    "hill",
    "hills",
    "hilltop",
    "airport",
    "airbase",
    "checkpoint",
    "checkpoints",
    "outpost",
    "outposts",
    "territory",
    "stronghold",
    "strongholds",
    "port",
    "island",
    "suburb",
    "suburbs",
    "camp",
    "crossing",
];
/// People as the object of a seizure: they were detained, not goods confiscated.
const DETAINEE_NOUNS: &[&str] = &[
    "members",
    "member",
    "suspects",
    "suspect",
    "people",
    "persons",
    "men",
    "individuals",
    "militants",
    "fighters",
    "terrorists",
    "smugglers",
    "traffickers",
    "migrants",
    "soldiers",
    "insurgents",
    "rebels",
    "gunmen",
    "leaders",
    "leader",
    "commander",
    "commanders",
];
/// Envoys as the object of an expulsion: a diplomatic sanction between states (PLOVER
/// SANCTION, mode expel), not the deportation of residents.
const ENVOY_NOUNS: &[&str] = &[
    "diplomats",
    "diplomat",
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "attache",
    "attaches",
    "consul",
    "embassy",
    "consulate",
];

/// Type and mode from what a trigger acts on and who acts: "seized a town" takes territory,
/// "intercepted 15 suspects" detains, "expelled diplomats" is a diplomatic sanction, and an
/// attack by warplanes, drones or a suicide bomber has that manner whatever its verb says.
fn retype_by_object_and_actor(m: &mut Mention, toks: &[Token], te: usize) {
    // "Four protesters died from gunfire": a subject that died or was hurt before the
    // weapon word is its victim, not its user.
    if m.event_type == EventType::Assault {
        let ts_start = toks[m.trig.0].span.start;
        for a in m.actors.iter_mut() {
            let Some(span) = a.span else { continue };
            if a.role != ActorRole::Actor || span.end > ts_start {
                continue;
            }
            let between = toks
                .iter()
                .filter(|t| t.span.start >= span.end && t.span.end <= ts_start);
            let victim_words = between.clone().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "died" | "dead" | "killed" | "wounded" | "injured" | "hurt" | "hit"
                )
            });
            if victim_words && between.count() <= 4 {
                a.role = ActorRole::Recipient;
            }
        }
    }
    // The object: the few words after the trigger, up to punctuation.
    let object: Vec<&str> = toks[te..(te + 6).min(toks.len())]
        .iter()
        .take_while(|t| !matches!(t.text, "," | "." | ";" | ":" | "(" | "\""))
        .map(|t| t.lower.as_str())
        .collect();
    let first_of = |words: &[&str]| object.iter().position(|w| words.contains(w));
    let weapon_at = first_of(super::acled::WEAPON_WORDS);
    let before_weapon = |p: Option<usize>| p.is_some_and(|p| weapon_at.is_none_or(|w| p < w));
    let actor_armed_non_state = m.actors.iter().any(|a| {
        a.role == ActorRole::Actor
            && matches!(
                a.kind,
                ActorKind::RebelGroup | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia
            )
    });
    match (m.event_type, m.mode.as_deref()) {
        // "raids to detain activists": an arrest operation (codebook: the more specific type).
        (EventType::Assault, None)
            if object.first() == Some(&"to")
                && object.get(1).is_some_and(|w| {
                    matches!(*w, "detain" | "arrest" | "nab" | "apprehend" | "round")
                }) =>
        {
            m.event_type = EventType::Coerce;
            m.mode = Some("arrest".into());
        }
        // "Israel reimposed blockades on the territory": a blockade a government or its forces
        // lay is a restriction of movement (PLOVER COERCE), not a protesters' obstruction.
        (EventType::Protest, Some("obstruct"))
            if m.trigger.to_lowercase().starts_with("blockade")
                && (m.actors.iter().any(|a| {
                    a.role == ActorRole::Actor
                        && matches!(a.kind, ActorKind::Government | ActorKind::StateForces)
                }) || (m.trig.0.saturating_sub(3)..m.trig.0).any(|k| {
                    matches!(
                        toks[k].lower.as_str(),
                        "imposed" | "imposes" | "impose" | "reimposed" | "enforced" | "tightened"
                    )
                })) =>
        {
            m.event_type = EventType::Coerce;
            m.mode = Some("restrict".into());
        }
        (EventType::Coerce, Some("deport")) if first_of(ENVOY_NOUNS).is_some() => {
            m.event_type = EventType::Sanction;
            m.mode = Some("expel".into());
        }
        // A person taken ("captured him at the airport") before any place word in the object.
        (EventType::Coerce, Some("seize")) if person_taken(toks, m.trig.0, te) => {
            take_people(m, actor_armed_non_state)
        }
        (EventType::Coerce, Some("seize")) if before_weapon(first_of(TERRITORY_NOUNS)) => {
            m.event_type = EventType::Assault;
            m.mode = Some("territory".into());
        }
        (EventType::Coerce, Some("seize")) if before_weapon(first_of(DETAINEE_NOUNS)) => {
            take_people(m, actor_armed_non_state)
        }
        // "attacked the campaign website": an attack on computers is a cyber operation.
        (EventType::Assault, None)
            if first_of(&[
                "website",
                "websites",
                "server",
                "servers",
                "computers",
                "database",
            ])
            .is_some() =>
        {
            m.event_type = EventType::Coerce;
            m.mode = Some("cyber".into());
        }
        (
            EventType::Assault,
            None | Some("explosives") | Some("heavy-weapons") | Some("firearms"),
        ) => {
            let by = |needles: &[&str]| {
                m.actors.iter().any(|a| {
                    a.role == ActorRole::Actor
                        && a.text.as_deref().is_some_and(|t| {
                            let t = t.to_lowercase();
                            needles.iter().any(|n| t.contains(n))
                        })
                })
            };
            // "launched 205 air missiles": missiles fired from the air are an air strike.
            let from_air = m.mode.as_deref() == Some("heavy-weapons")
                && m.trig.0 > 0
                && matches!(
                    toks[m.trig.0 - 1].lower.as_str(),
                    "air" | "air-launched" | "air-to-surface" | "air-to-ground"
                );
            // "Suicide bombers kill 15": the sentence names the manner the trigger lacks.
            let suicide_in_sentence = m.mode.is_none()
                && toks.windows(2).any(|w| {
                    w[0].lower == "suicide"
                        && matches!(
                            w[1].lower.as_str(),
                            "bomber" | "bombers" | "bombing" | "attacker" | "attackers"
                        )
                });
            if by(&["suicide bomber", "suicide attacker"]) || suicide_in_sentence {
                m.mode = Some("suicide-attack".into());
            } else if from_air {
                m.mode = Some("aerial".into());
            } else if by(&["drone"]) {
                m.mode = Some("drone".into());
            } else if by(&[
                "warplane",
                "jet",
                "aircraft",
                "helicopter",
                "air force",
                "gunship",
            ]) {
                m.mode = Some("aerial".into());
            }
        }
        _ => {}
    }
}

/// A death word a few words before trigger `ts`, joined to it by a preposition ("died in
/// (the) police firing", "killed due to the shelling", "succumbed to the firing").
fn death_before(toks: &[Token], ts: usize) -> Option<usize> {
    let from = ts.saturating_sub(5);
    let k = (from..ts).find(|&k| {
        matches!(
            toks[k].lower.as_str(),
            "died" | "dead" | "killed" | "succumbed" | "perished"
        )
    })?;
    let between: Vec<&str> = (k + 1..ts).map(|j| toks[j].lower.as_str()).collect();
    let joined = matches!(
        between.first().copied(),
        Some("in" | "due" | "to" | "from" | "during" | "by")
    ) && between.iter().all(|w| {
        matches!(
            *w,
            "in" | "due" | "to" | "from" | "during" | "by" | "the" | "a" | "police" | "army"
        )
    });
    joined.then_some(k)
}

/// "fired" on its own is a shot only when it is not the dismissal sense ("fired the minister",
/// "fired from his post", "fired for negligence") and the word after is not itself a weapon
/// trigger ("fired rockets", "fired tear gas"), which codes the happening with its own mode.
fn bare_fired_not_shooting(lex: &Lexicon, toks: &[Token], t: &Trigger, te: usize) -> bool {
    if t.words.len() != 1 || t.words[0] != "fired" {
        return false;
    }
    let next = toks.get(te).map(|t| t.lower.as_str()).unwrap_or("");
    matches!(
        next,
        "the" | "his" | "her" | "their" | "its" | "him" | "them" | "from" | "as" | "for"
    ) || (te < toks.len() && trigger_at(lex, toks, te).is_some())
}

/// Whether token `ts` lies in a condition ("if convicted, he could face life", "unless they
/// intend an invasion", "in case a ceasefire is not agreed"): a happening supposed, not reported.
/// The clause runs from the conjunction to the next comma or stop.
fn in_conditional_clause(toks: &[Token], ts: usize) -> bool {
    for k in (0..ts).rev() {
        let w = toks[k].lower.as_str();
        if matches!(w, "," | ";" | ":" | "." | "\"" | "\u{201c}" | "\u{201d}") {
            return false;
        }
        let prev = if k > 0 {
            toks[k - 1].lower.as_str()
        } else {
            ""
        };
        if (w == "if" && prev != "as") || w == "unless" || (w == "case" && prev == "in") {
            return true;
        }
    }
    false
}

/// The noun "threat" names a threatening act only when someone issues or receives it ("issued
/// a threat", "received death threats"); otherwise it is a danger someone sees ("a growing threat
/// to the region", "poses no threat"), which is commentary, not an event.
fn threat_noun_not_issued(toks: &[Token], ts: usize, t: &Trigger) -> bool {
    if !matches!(t.words[0].as_str(), "threat" | "threats") || t.words.len() != 1 {
        return false;
    }
    !(ts.saturating_sub(4)..ts).any(|k| {
        matches!(
            toks[k].lower.as_str(),
            "issued"
                | "issue"
                | "issues"
                | "issuing"
                | "made"
                | "make"
                | "makes"
                | "making"
                | "repeated"
                | "renewed"
                | "delivered"
                | "sent"
                | "voiced"
                | "received"
                | "receiving"
                | "death"
                | "bomb"
        )
    })
}

/// Weapon nouns that name hardware, not its use: "a missile system", "shipped five million
/// artillery shells", "shells made in North Korea". A transfer, test or production word with no
/// word of impact or casualties in the sentence means the weapons were moved, not fired.
fn weapon_not_used(toks: &[Token], ts: usize, te: usize, t: &Trigger) -> bool {
    if t.event_type != EventType::Assault
        || t.words.len() != 1
        || !matches!(
            t.words[0].as_str(),
            "rocket"
                | "rockets"
                | "missile"
                | "missiles"
                | "shells"
                | "mortar"
                | "mortars"
                | "bomb"
                | "bombs"
                | "grenade"
                | "grenades"
        )
    {
        return false;
    }
    let next = toks.get(te).map(|t| t.lower.as_str()).unwrap_or("");
    if matches!(
        next,
        "system"
            | "systems"
            | "launcher"
            | "launchers"
            | "defense"
            | "defence"
            | "technology"
            | "program"
            | "programme"
            | "test"
            | "tests"
            | "factory"
            | "components"
            | "production"
            | "stockpile"
            | "arsenal"
    ) {
        return true;
    }
    let has = |list: &[&str]| toks.iter().any(|x| list.contains(&x.lower.as_str()));
    let _ = ts;
    has(&[
        "shipped",
        "shipment",
        "shipments",
        "supplied",
        "supplies",
        "supplying",
        "transfer",
        "transfers",
        "transferred",
        "delivered",
        "deliveries",
        "sold",
        "sale",
        "sales",
        "bought",
        "purchase",
        "purchased",
        "acquired",
        "made",
        "produced",
        "manufactured",
        "exported",
        "exports",
        "containers",
        "stockpiles",
    ]) && !has(&[
        "killed",
        "killing",
        "dead",
        "died",
        "wounded",
        "injured",
        "casualties",
        "struck",
        "hit",
        "fired",
        "launched",
        "landed",
        "exploded",
        "intercepted",
        "destroyed",
        "damaged",
        "attack",
        "attacks",
    ])
}

/// "the banned Baloch Liberation Army", "a designated terrorist group": a ban or designation
/// used as an attribute names a standing status, not a new act.
///
/// The participle is an attribute also after a preposition ("a list of banned books") and
/// after a past-tense verb that already heads the clause ("experts detailed prohibited
/// transfers"): two finite verbs do not follow each other, so the second one describes the
/// noun after it.
fn standing_ban(toks: &[Token], ts: usize, t: &Trigger) -> bool {
    let ban = (t.event_type == EventType::Coerce && t.mode.as_deref() == Some("ban"))
        || t.event_type == EventType::Sanction;
    if !(ban && t.words.len() == 1 && t.words[0].ends_with("ed") && ts > 0) {
        return false;
    }
    let prev = &toks[ts - 1];
    let noun_next = toks.get(ts + 1).is_some_and(|n| {
        n.text.chars().all(|c| c.is_alphabetic())
            && !NP_STOPS.contains(&n.lower.as_str())
            && !matches!(
                n.lower.as_str(),
                "by" | "from"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "under"
                    | "after"
                    | "since"
                    | "and"
                    | "or"
                    | "as"
                    | "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "it"
                    | "them"
                    | "all"
                    | "any"
                    | "last"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "until"
                    | "over"
                    | "with"
                    | "without"
                    | "entirely"
                    | "outright"
            )
    });
    matches!(
        prev.lower.as_str(),
        "the" | "a" | "an" | "its" | "their" | "his" | "her"
    ) || matches!(
        prev.lower.as_str(),
        "of" | "for" | "against" | "on" | "these" | "those" | "such" | "any" | "other"
    ) && noun_next
        || prev.lower.ends_with("ed")
            && prev.lower.len() > 4
            && prev.text.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(prev.lower.as_str(), "reportedly" | "allegedly")
            && noun_next
}

/// "credited Britain for its role in talks with Ukraine", "charged for his role in the attack":
/// a happening named as the thing someone had a part in is presupposed, told to say who took
/// part, not reported as news here.
fn role_in_reference(toks: &[Token], ts: usize) -> bool {
    (ts.saturating_sub(5)..ts.saturating_sub(1)).any(|k| {
        toks[k].lower == "role"
            && toks[k + 1].lower == "in"
            && (k + 2..ts).all(|j| {
                matches!(
                    toks[j].lower.as_str(),
                    "the" | "a" | "an" | "this" | "that" | "those" | "these" | "its" | "their"
                ) || toks[j].text.chars().all(|c| c.is_ascii_lowercase())
                    && toks[j].text.ends_with("ed")
            })
    })
}

/// "blamed the attack on X", "allegations linking the attack to Y": a happening named as what a
/// claim ties to someone is presupposed; the news told here is the claim.
fn claim_ties_to_someone(toks: &[Token], ts: usize) -> bool {
    let Some(verb) = (ts.saturating_sub(3)..ts).rev().find(|&k| {
        matches!(
            toks[k].lower.as_str(),
            "linking"
                | "linked"
                | "link"
                | "links"
                | "blaming"
                | "blamed"
                | "blame"
                | "blames"
                | "tying"
                | "tied"
                | "tie"
                | "ties"
                | "connecting"
                | "connected"
                | "connect"
        )
    }) else {
        return false;
    };
    // Only the object's own determiners and modifiers between ("the deadly attack").
    (verb + 1..ts).all(|k| {
        let w = toks[k].lower.as_str();
        DETERMINERS.contains(&w)
            || matches!(w, "a" | "an")
            || w.chars().all(|c| c.is_ascii_lowercase()) && !is_stopword(w)
    })
}

/// Nouns that judge what a subject stands for ("the detention is an example of ...").
const JUDGEMENT_NOUNS: &[&str] = &[
    "example",
    "violation",
    "breach",
    "sign",
    "symbol",
    "reminder",
    "illustration",
    "testament",
    "travesty",
];

/// "Her detention is an example of how ...", "the arrests are a violation of ...": a happening
/// named as the subject of a judgement is commented on, not reported.
fn judged_as_a_case(toks: &[Token], te: usize) -> bool {
    let l = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    matches!(l(te), "is" | "are" | "was" | "were")
        && matches!(l(te + 1), "a" | "an" | "another" | "one")
        && (te + 2..te + 4).any(|k| JUDGEMENT_NOUNS.contains(&l(k)))
}

/// Acts whose report can name the operation they happened in ("killed in a joint operation").
const FRAMING_ACTS: &[&str] = &[
    "killed",
    "died",
    "captured",
    "arrested",
    "detained",
    "wounded",
    "injured",
    "eliminated",
    "neutralised",
    "neutralized",
    "rescued",
    "freed",
    "seized",
];

/// A military "operation" noun that names no new act of mobilising: a reference back to acts
/// already told ("those operations"), a standing activity rather than a dated act ("the group's
/// external operations", "he ran the group's operations"), or the frame of an act coded in its
/// own clause ("killed in what officials call a joint operation": the killing is the event).
fn operation_not_new(toks: &[Token], ts: usize, t: &Trigger) -> bool {
    if t.event_type != EventType::Mobilize
        || t.words.len() != 1
        || !matches!(t.words[0].as_str(), "operation" | "operations")
        || ts == 0
    {
        return false;
    }
    let l = |k: usize| toks[k].lower.as_str();
    if matches!(
        l(ts - 1),
        "those"
            | "these"
            | "such"
            | "external"
            | "global"
            | "worldwide"
            | "overseas"
            | "daily"
            | "day-to-day"
            | "routine"
    ) {
        return true;
    }
    // "ran/oversees (the group's | IS) operations": managing, not launching.
    let managed = (ts.saturating_sub(4)..ts).any(|k| {
        matches!(
            l(k),
            "ran"
                | "run"
                | "runs"
                | "running"
                | "oversee"
                | "oversees"
                | "oversaw"
                | "overseeing"
                | "manage"
                | "manages"
                | "managed"
                | "managing"
                | "direct"
                | "directs"
                | "directing"
        )
    });
    if managed {
        return true;
    }
    for k in (ts.saturating_sub(12)..ts).rev() {
        match l(k) {
            ";" | ":" => return false,
            // The act may carry its object first: "arrested five men, including two women, in
            // a follow-up operation".
            "in" | "during" => {
                let act = (k.saturating_sub(10)..k)
                    .rev()
                    .find(|&j| FRAMING_ACTS.contains(&l(j)));
                return act.is_some_and(|j| {
                    !(j..k).any(|m| matches!(l(m), ";" | "said" | "says" | "while" | "after"))
                });
            }
            _ => {}
        }
    }
    false
}

/// The actors coordinated with `a` by "and" or commas: before it (`forward` false: "the United
/// States and Jordan") or after it (`forward` true: "Romania and Poland").
fn conjuncts<'a>(
    cands: &[&'a ActorMention],
    toks: &[Token],
    a: &ActorMention,
    forward: bool,
) -> Vec<&'a ActorMention> {
    let joint = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "and" | ","))
    };
    let mut out: Vec<&'a ActorMention> = Vec::new();
    let (mut start, mut end) = (a.start, a.end);
    let mut list_closed = false;
    for _ in 0..6 {
        let next = if forward {
            // "X and Y", "X, Y and Z", "X, and Y".
            let mut k = end;
            let mut joined = false;
            let mut and_here = false;
            while joint(k) {
                joined = true;
                and_here |= toks[k].lower == "and";
                k += 1;
            }
            list_closed |= and_here;
            if !joined {
                break;
            }
            let aside_end = and_here
                .then(|| aside_before_last_conjunct(toks, k))
                .flatten();
            if let Some(after_aside) = aside_end {
                k = after_aside;
            }
            // "X and the Y", "X and his Y": the article or possessive opens the next conjunct.
            if toks.get(k).is_some_and(|t| {
                matches!(t.lower.as_str(), "the" | "his" | "her" | "its" | "their")
            }) {
                k += 1;
            }
            cands
                .iter()
                .find(|c| c.start == k)
                // After an aside the last conjunct closes the list ("..., and with strings
                // attached, Cuba."); a name opening a new clause there is no conjunct.
                .filter(|c| {
                    aside_end.is_none()
                        || matches!(
                            toks.get(c.end).map_or(".", |t| t.lower.as_str()),
                            "." | "," | ";"
                        )
                })
                .copied()
        } else {
            let mut k = start;
            let mut joined = false;
            // "X and the Palestinians": the article opens this conjunct.
            if k > 1 && toks[k - 1].lower == "the" && joint(k - 2) {
                k -= 1;
            }
            while k > 0 && joint(k - 1) {
                joined = true;
                k -= 1;
            }
            if !joined {
                break;
            }
            cands.iter().find(|c| c.end == k).copied()
        };
        match next {
            Some(c) => {
                out.push(c);
                start = c.start;
                end = c.end;
            }
            None => break,
        }
    }
    // Names after commas with no "and" anywhere are in apposition, not a list ("calls by
    // Jane Roe, the U.N. envoy, to ..."): they name the same party again.
    if forward && !list_closed {
        out.clear();
    }
    out
}

/// A party (actor mention) is the direct object after `te`: at most a determiner and a rank
/// word stand between ("met the Kenyan president", "met senior US officials").
fn party_is_object(toks: &[Token], te: usize, actors: &[ActorMention]) -> bool {
    let mut k = te;
    while k < toks.len()
        && k < te + 2
        && matches!(
            toks[k].lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "senior" | "top" | "visiting"
        )
    {
        k += 1;
    }
    actors.iter().any(|a| a.start == k)
}

/// A form of "be" or "get" before a participle makes it passive ("were met by tear gas").
fn passive_aux(w: &str) -> bool {
    matches!(
        w,
        "was" | "were" | "been" | "be" | "is" | "are" | "being" | "got"
    )
}

/// "the rebels reject the plan", "its allies demand a vote": a bare verb form right after a
/// determined plural noun is that noun's present-tense verb, not a noun the determiner opens.
fn plural_subject_present_verb(toks: &[Token], ts: usize, t: &Trigger) -> bool {
    let before = ts.checked_sub(1).map(|k| &toks[k]);
    is_verbal_type(t.event_type)
        && t.pos == Pos::Verb
        && t.words.len() == 1
        && !t.words[0].ends_with('s')
        && !t.words[0].ends_with("ed")
        && !t.words[0].ends_with("ing")
        && before.is_some_and(|w| {
            w.is_word()
                && w.lower.len() > 3
                && w.lower.ends_with('s')
                && !w.lower.ends_with("ss")
                && !DETERMINERS.contains(&w.lower.as_str())
        })
}

/// The token after a short aside of lower-case words closed by a comma that opens at `k`, right
/// after the "and" of a list ("Sudan, and with strings attached, Cuba").
fn aside_before_last_conjunct(toks: &[Token], k: usize) -> Option<usize> {
    let comma = (k..toks.len().min(k + 5)).find(|&j| toks[j].text == ",")?;
    let words_only = (k..comma).all(|j| toks[j].is_word() && !toks[j].is_capitalized());
    (comma > k && words_only).then_some(comma + 1)
}

/// A word between a subject and its verb that is not part of the subject ("Police on Monday
/// arrested").
fn subject_skip(w: &str) -> bool {
    SUBJECT_SKIPS.contains(&w) || super::dates::weekday(w).is_some()
}

/// Words between a subject and its verb that are not part of the subject (weekdays too: see
/// [`subject_skip`]).
const SUBJECT_SKIPS: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "also",
    "today",
    "yesterday",
    "again",
    "reportedly",
    "formally",
    "officially",
    "publicly",
    "strongly",
    "repeatedly",
    "jointly",
    "previously",
    "later",
    "earlier",
    "then",
    "on",
    "tonight",
    "already",
    "just",
    "now",
    "finally",
    "last",
    "week",
    "night",
    "recently",
    "once",
    "still",
];
/// Words that end a subject noun phrase on its left, or cannot be its head.
const NP_STOPS: &[&str] = &[
    "said", "says", "told", "that", "he", "she", "it", "they", "we", "i", "you", "who", "which",
    "and", "or", "but", "when", "after", "as", "while", "because", "if", "than", "there", "this",
    "these", "those", "what", "his", "her", "their", "its", "our",
];

/// An actor mention built from the words in the subject slot before verb `ts` when no lexicon
/// actor stands there: up to six words of one noun phrase, headed by a capitalised word or a
/// plural noun ("A top U.S. official", "Doctors from two American aid groups").
fn subject_phrase(toks: &[Token], ts: usize, ca: usize, text: &str) -> Option<ActorMention> {
    let mut end = ts;
    while end > ca && subject_skip(toks[end - 1].lower.as_str()) {
        end -= 1;
    }
    if end == ca {
        return None;
    }
    if toks[end - 1].text == "," {
        return apposed_subject(toks, end - 1, ca, text);
    }
    // A bracketed abbreviation after the name ("the Asia-Pacific forum (APF)") is skipped.
    let bracket = |e: usize| -> Option<usize> {
        (toks[e - 1].text == ")")
            .then(|| {
                (e.saturating_sub(5).max(ca)..e - 1)
                    .rev()
                    .find(|&c| toks[c].text == "(")
            })
            .flatten()
    };
    let mut head_end = end;
    if let Some(o) = bracket(end) {
        head_end = o;
    }
    if head_end == ca {
        return None;
    }
    let head = &toks[head_end - 1];
    let mut start = head_end - 1;
    // Up to six words, not counting brackets.
    let mut bracketed = end - head_end;
    while start > ca && end - start < 6 + bracketed {
        // A capitalised "The" inside a sentence opens a phrase: the words before it are a
        // heading run into the sentence ("Differing opinions The U.S. designation ...").
        if toks[start].text == "The" {
            break;
        }
        if let Some(o) = bracket(start) {
            bracketed += start - o;
            start = o;
            continue;
        }
        let w = &toks[start - 1];
        if !w.is_word() && w.text != "'s" || NP_STOPS.contains(&w.lower.as_str()) {
            break;
        }
        start -= 1;
    }
    let head_ok = head.is_word()
        && !NP_STOPS.contains(&head.lower.as_str())
        && (head.is_capitalized() || agent_plural(&head.lower) || agent_body(&head.lower));
    if !head_ok {
        return None;
    }
    // The phrase must begin the clause or follow a comma or a subordinator it stopped at; a
    // verb-final phrase in mid-clause is somebody's object.
    if start > ca
        && toks[start].text != "The"
        && toks[start - 1].is_word()
        && !NP_STOPS.contains(&toks[start - 1].lower.as_str())
    {
        return None;
    }
    Some(phrase_mention(toks, start, end, text))
}

/// Words that open a sentence with an adverbial phrase rather than its subject ("In a
/// statement, the minister, ...", "Speaking on Monday, ...").
const ADVERBIAL_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "during",
    "speaking",
    "following",
    "under",
    "with",
    "while",
    "as",
    "despite",
    "since",
    "before",
    "when",
    "if",
    "although",
    "but",
    "and",
    "meanwhile",
    "for",
    "by",
    "from",
    "earlier",
    "later",
    "asked",
    "according",
    "yesterday",
    "today",
    "however",
    "separately",
    "also",
];

/// A subject set off with its apposition at the start of the clause, the verb after the
/// closing comma: "Jane Roe, the U.N. relief coordinator, demanded ...", "The main rebel group,
/// the Front for Democracy (FD), insisted ...". Both phrases name the one who acts, so the
/// mention spans them. `comma` is the closing comma right before the verb. The first phrase
/// must open the clause (not an adverbial "In a statement, ..."), and neither may hold a
/// reporting verb, pronoun or subordinator (`NP_STOPS`), which would make it a clause.
fn apposed_subject(toks: &[Token], comma: usize, ca: usize, text: &str) -> Option<ActorMention> {
    let open = (ca..comma).rev().find(|&k| toks[k].text == ",")?;
    let first = ca..open;
    let second = open + 1..comma;
    if first.is_empty() || second.is_empty() || first.len() > 8 || second.len() > 10 {
        return None;
    }
    let opener = &toks[ca];
    if !opener.is_capitalized() || ADVERBIAL_OPENERS.contains(&opener.lower.as_str()) {
        return None;
    }
    let clause_like = |k: usize| {
        let t = &toks[k];
        NP_STOPS.contains(&t.lower.as_str())
            || matches!(t.text, ";" | ":" | "\"" | "\u{201c}" | "\u{201d}")
    };
    if first.clone().chain(second.clone()).any(clause_like)
        || toks[first.clone()].iter().any(|t| t.text == ",")
    {
        return None;
    }
    // The apposition is a noun phrase: an article or a name begins it ("the ...", "a body
    // linked to ...", "Forces for ...").
    let lead = &toks[open + 1];
    if !(matches!(lead.lower.as_str(), "the" | "a" | "an") || lead.is_capitalized()) {
        return None;
    }
    // The first phrase is headed by a name or an agent noun ("Members of the X").
    let head_ok = first.clone().any(|k| {
        let t = &toks[k];
        t.is_word() && (t.is_capitalized() || agent_plural(&t.lower) || agent_body(&t.lower))
    });
    head_ok.then(|| phrase_mention(toks, ca, comma, text))
}

/// A lower-case plural that names people or bodies who can act: agentive suffixes
/// ("workers", "prosecutors", "economists", "civilians", "residents") or a collective noun.
fn agent_plural(w: &str) -> bool {
    ["ers", "ors", "ists", "ians", "ants", "ents", "ives", "ials"]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || matches!(
            w,
            "leaders"
                | "groups"
                | "nations"
                | "countries"
                | "governments"
                | "parties"
                | "members"
                | "authorities"
                | "states"
                | "allies"
                | "sides"
                | "unions"
                | "families"
                | "citizens"
                | "people"
                | "villagers"
                | "democrats"
                | "republicans"
        )
}

/// The start of the clause token `i` lies in (see `clause_bounds`).
fn ca0(toks: &[Token], i: usize) -> usize {
    clause_bounds(toks, i).0
}

fn cb0(toks: &[Token], i: usize) -> usize {
    clause_bounds(toks, i).1
}

/// Token index before `k` after skipping auxiliaries and time words leftwards ("Russia said on
/// Tuesday": from "said" back to the end of "Russia").
fn skip_back(toks: &[Token], mut k: usize, ca: usize) -> usize {
    while k > ca && (subject_skip(toks[k - 1].lower.as_str()) || toks[k - 1].lower == "here") {
        k -= 1;
    }
    k
}

/// "must" at `ts` as a demand reported by a speaker: "X said (on Tuesday) that Y must ...".
/// In a reported clause "must" states what the speaker requires of the clause's subject, which
/// PLOVER codes as a demand. Returns the speech verb's index and the addressed actor (the first
/// actor between the verb and "must").
fn reported_demand<'a>(
    toks: &[Token],
    ts: usize,
    ca: usize,
    actors: &'a [ActorMention],
) -> Option<(usize, &'a ActorMention)> {
    let from = ts.saturating_sub(14).max(ca);
    let verb = (from..ts).rev().find(|&k| {
        matches!(
            toks[k].lower.as_str(),
            "said"
                | "says"
                | "declared"
                | "announced"
                | "reiterated"
                | "insisted"
                | "stressed"
                | "concluded"
        )
    })?;
    // No other clause may intervene between the verb and "must".
    if (verb + 1..ts).any(|k| matches!(toks[k].text, "," | ";" | ":")) {
        return None;
    }
    let addressee = actors
        .iter()
        .filter(|a| a.start > verb && a.end <= ts)
        .min_by_key(|a| a.start)?;
    Some((verb, addressee))
}

/// A lower-case singular noun naming a body or an office holder that can speak or act
/// ("Poland's parliament demanded", "the court ruled", "a senior minister said").
fn agent_body(w: &str) -> bool {
    matches!(
        w,
        "parliament"
            | "government"
            | "court"
            | "ministry"
            | "administration"
            | "council"
            | "committee"
            | "commission"
            | "cabinet"
            | "assembly"
            | "judge"
            | "minister"
            | "official"
            | "president"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "leader"
            | "envoy"
            | "ambassador"
            | "regime"
            | "junta"
            | "coalition"
            | "alliance"
            | "movement"
            | "party"
            | "union"
            | "newspaper"
            | "agency"
            | "embassy"
            | "watchdog"
            | "delegation"
            // International bodies and their members, named by what they are.
            | "forum"
            | "organization"
            | "organisation"
            | "association"
            | "bloc"
            | "tribunal"
            | "senate"
            | "congress"
            | "legislature"
            | "businessman"
            | "businesswoman"
            // Office holders named by their post ("the security chief warned").
            | "chief"
            | "group"
            | "commander"
            | "governor"
            | "mayor"
    )
}

/// The comma opening the participle clause trigger `ts` stands in (", killing one person and
/// arresting 12"): the clause begins with an -ing form right after the comma and runs to the
/// trigger with only "and" joining its parts. `None` for a trigger in a finite clause.
fn participle_clause_comma(toks: &[Token], ts: usize, ca: usize) -> Option<usize> {
    let participle = |t: &Token| {
        t.lower.len() > 4
            && t.lower.ends_with("ing")
            && !t.is_capitalized()
            && !matches!(
                t.lower.as_str(),
                "including" | "according" | "during" | "following"
            )
    };
    if !participle(&toks[ts]) {
        return None;
    }
    let mut k = ts;
    while k > ca && ts - k < 12 {
        let w = toks[k - 1].lower.as_str();
        if w == "," {
            return participle(&toks[k]).then_some(k - 1);
        }
        if w != "and"
            && (CLAUSE_BREAKS.contains(&w)
                || REPORTING_VERBS.contains(&w)
                || !toks[k - 1].is_word())
        {
            return None;
        }
        k -= 1;
    }
    None
}

/// The subject that opens the clause starting at `ca` and ends before the comma at `comma`:
/// the first party named there, after at most five lower-case words and "of" ("The military
/// government of President X declared ..."). A party after any other preposition or a
/// capitalised opener ("After talks with X, ...") is no subject.
fn clause_opening_subject<'a>(
    toks: &[Token],
    actors: &'a [ActorMention],
    places: &[PlaceRef],
    ca: usize,
    comma: usize,
) -> Option<&'a ActorMention> {
    let in_clause = |a: &&ActorMention| a.start >= ca && a.end <= comma && !a.country_as_actor;
    let mut a = actors.iter().filter(in_clause).min_by_key(|a| a.start)?;
    let opener = a.start;
    // "the military government of President X": the party the body is "of" leads it.
    if let Some(b) = actors.iter().filter(in_clause).find(|b| {
        b.start > a.end
            && b.start - a.end <= 3
            && toks[b.start - 1].lower == "of"
            && toks[a.end..b.start]
                .iter()
                .all(|t| t.is_word() && !t.is_capitalized())
    }) {
        a = b;
    }
    // A demonym may stand before the subject ("the Syrian minister").
    let in_country = |k: usize| {
        actors
            .iter()
            .any(|c| c.country_as_actor && k >= c.start && k < c.end)
            || places
                .iter()
                .any(|p| p.demonym && k >= p.start && k < p.end)
    };
    // A relative or subordinate clause before the comma ("police hunt a man who left a bomb
    // that exploded, wounding 13") is the nearer verb the participle belongs to.
    let nearer_clause = (a.end..comma).any(|k| CLAUSE_BREAKS.contains(&toks[k].lower.as_str()));
    (!nearer_clause
        && opener - ca <= 5
        && (ca..opener).all(|k| {
            let t = &toks[k];
            let w = t.lower.as_str();
            in_country(k)
                || DETERMINERS.contains(&w)
                || matches!(w, "a" | "an")
                || t.is_word()
                    && !t.is_capitalized()
                    && !CLAUSE_BREAKS.contains(&w)
                    && (w == "of" || !is_preposition(w))
        }))
    .then_some(a)
}

/// A government body, state force or office holder, who can grant or offer as policy. A
/// person named with a courtesy title ("Dr. X", "Mr. Y") holds no office by it, although the
/// actor stage files every titled person under government.
fn holds_office(a: &ActorMention) -> bool {
    let first = a
        .text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(a.kind, ActorKind::Government | ActorKind::StateForces)
        && !(a.person && matches!(first.as_str(), "mr." | "mrs." | "ms." | "dr." | "mr" | "dr"))
}

/// A bare country or demonym that only describes what follows it: "Kenya's athletics body",
/// "Britain's former champion", "the Greek Athletics Federation". Had the next words named a
/// state body ("Kenya's government", "the Greek army") the actor would span them, so the
/// mention names no authority of its own.
fn modifies_what_follows(toks: &[Token], a: &ActorMention) -> bool {
    a.end == a.start + 1
        && a.country.is_some()
        && toks
            .get(a.end)
            .is_some_and(|n| n.lower == "'s" || n.is_word() && n.is_capitalized())
}

/// "X and (the) <Name> <verb>": the capitalised name (up to five tokens, slashes and hyphens
/// allowed inside) after "and" that runs from the end of subject `a_end` to the verb at `ts`,
/// as a mention of a second subject.
fn name_conjunct_before_verb(
    toks: &[Token],
    a_end: usize,
    ts: usize,
    ca: usize,
    text: &str,
) -> Option<ActorMention> {
    let end = skip_back(toks, ts, ca);
    if toks.get(a_end).is_none_or(|t| t.lower != "and") || end <= a_end + 1 {
        return None;
    }
    let mut start = a_end + 1;
    if toks[start].lower == "the" {
        start += 1;
    }
    let name = start..end;
    let inner = |t: &Token| t.is_capitalized() || matches!(t.text, "/" | "-" | "&");
    (!name.is_empty()
        && name.len() <= 5
        && toks[start].is_capitalized()
        && toks[end - 1].is_capitalized()
        && toks[name.clone()].iter().all(inner))
    .then(|| phrase_mention(toks, start, end, text))
}

/// Whether actor `a` ends right before the speech verb whose pronoun subject is the trigger
/// at `ts`'s ("X said he is ready to ..."), so the pronoun stands for `a`.
fn speaks_for_pronoun(toks: &[Token], ts: usize, a: &ActorMention) -> bool {
    speaker_of_pronoun(toks, ts, 0, &[a]).is_some()
}

/// Nouns whose "of" phrase names the things counted, not a topic: "a series of attacks" are
/// attacks.
const PARTITIVE_HEADS: &[&str] = &[
    "series",
    "wave",
    "spate",
    "string",
    "number",
    "round",
    "rounds",
    "couple",
    "pair",
    "dozens",
    "hundreds",
    "scores",
    "thousands",
];

/// Whether the trigger at `ts` completes another noun through "of", with at most two words
/// between ("reports of a stray stabbing"), other than a partitive head ("a series of").
fn of_complement(toks: &[Token], ts: usize) -> bool {
    (ts.saturating_sub(3)..ts)
        .rev()
        .find(|&k| toks[k].lower == "of")
        .is_some_and(|k| {
            k > 0
                && toks[k - 1].is_word()
                && !PARTITIVE_HEADS.contains(&toks[k - 1].lower.as_str())
                && (k + 1..ts).all(|j| toks[j].is_word())
        })
}

/// Whether the mention starting at `start` follows "by", directly or after an article ("by
/// a military court", "by the army"): a passive agent.
fn agent_after_by(toks: &[Token], start: usize) -> bool {
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    start > 0
        && (l(start - 1) == "by"
            || start > 1 && matches!(l(start - 1), "a" | "an" | "the") && l(start - 2) == "by")
}

/// The agent of a passive verb ending at `te` that an aside holds apart from it ("was
/// accused of misusing funds, most of them never recovered, by the new government"): a comma
/// right before "by" closes the aside and takes the sentence back to the verb, so the party
/// after "by" (past up to two lower-case modifiers: "by current state officials") did the act.
/// A "by" before that comma belongs to a nearer verb or noun and ends the search.
fn agent_after_aside<'a>(
    toks: &[Token],
    te: usize,
    cands: &[&'a ActorMention],
) -> Option<&'a ActorMention> {
    let l = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
    let comma = (te + 1..(te + 30).min(toks.len()))
        .take_while(|&k| l(k) != "by")
        .find(|&k| l(k) == "," && l(k + 1) == "by")?;
    let from = comma + 2;
    cands
        .iter()
        .find(|a| {
            a.start >= from
                && a.start <= from + 2
                && toks[from..a.start]
                    .iter()
                    .all(|t| t.is_word() && !t.is_capitalized())
                // "by the army's count": a possessive names whose account, not the agent.
                && l(a.end) != "'s"
        })
        .copied()
}

/// A stance trigger ("ready to", "willing to", "prepared to", "committed to"): an adjective
/// after "be", never a passive ("it was ready to sign": the subject is the one ready).
fn is_stance(t: &Trigger) -> bool {
    t.words.len() == 2
        && t.words[1] == "to"
        && matches!(
            t.words[0].as_str(),
            "ready" | "willing" | "prepared" | "committed"
        )
}

/// A withdrawal or demobilisation verb whose passive subject is the side that pulls back
/// ("troops were withdrawn", "fighters have been demobilised"); a release is not one: the
/// released are the captor's recipients.
fn forces_pulled_back(t: &Trigger) -> bool {
    t.event_type == EventType::Retreat
        && t.words.len() == 1
        && matches!(
            t.words[0].as_str(),
            "withdrawn" | "demobilized" | "demobilised"
        )
}

/// A personal pronoun that can be the subject of a reported clause.
fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "it" | "they" | "he" | "she" | "we")
}

/// "that" at `k` opening a clause whose subject is a pronoun ("announced that it will
/// withdraw"): a conjunction, not the determiner of a noun ("that attack"), so the verb after
/// it is a verb with its own subject.
fn complementizer_that(toks: &[Token], k: usize) -> bool {
    toks[k].lower == "that"
        && toks
            .get(k + 1)
            .is_some_and(|t| is_subject_pronoun(&t.lower))
}

/// The speech verb of a reported clause whose subject is a pronoun ("Syria said it would
/// withdraw", "the rebels announced that they will free ..."): in English reporting, a subject
/// pronoun right after the speech verb refers back to the speaker, so the speaker is the one who
/// acts. Returns the speech verb's index.
fn pronoun_speech_verb(toks: &[Token], ts: usize, ca: usize) -> Option<usize> {
    let mut k = ts;
    // Auxiliaries and stance words between the pronoun and the verb ("it is willing to").
    loop {
        if k > ca
            && (subject_skip(toks[k - 1].lower.as_str())
                || matches!(
                    toks[k - 1].lower.as_str(),
                    "not"
                        | "would"
                        | "could"
                        | "can"
                        | "should"
                        | "must"
                        | "did"
                        | "does"
                        | "do"
                        | "be"
                ))
        {
            k -= 1;
        } else if let Some(stance) = stance_before(toks, k).filter(|&m| m >= ca) {
            k = stance;
        } else {
            break;
        }
    }
    if k == ca || !is_subject_pronoun(&toks[k - 1].lower) {
        return None;
    }
    k -= 1;
    // "said that", "said on Tuesday it", "announced Monday that he": time words may stand
    // between the speech verb and its clause.
    while k > ca && (toks[k - 1].lower == "that" || subject_skip(toks[k - 1].lower.as_str())) {
        k -= 1;
    }
    if k == ca
        || !matches!(
            toks[k - 1].lower.as_str(),
            "said"
                | "says"
                | "say"
                | "announced"
                | "announces"
                | "declared"
                | "stated"
                | "insisted"
                | "confirmed"
                | "confirms"
                | "pledged"
                | "pledges"
                | "promised"
                | "promises"
                | "vowed"
                | "vows"
                | "saying"
        )
    {
        return None;
    }
    if toks[k - 1].lower != "saying" {
        return Some(k - 1);
    }
    // "X was quoted as saying he ...": the one quoted is the speaker, so the speech verb that
    // has the speaker for subject is "quoted". A bare "saying" belongs to a statement noun or
    // a participle clause and tells no speaker here.
    k -= 1;
    if k == ca || toks[k - 1].lower != "as" {
        return None;
    }
    k -= 1;
    while k > ca && subject_skip(toks[k - 1].lower.as_str()) {
        k -= 1;
    }
    (k > ca && matches!(toks[k - 1].lower.as_str(), "quoted" | "cited")).then(|| k - 1)
}

/// The start of a stance phrase "be ready to", "is willing to", "are prepared to" that ends
/// right before `k` (the verb it governs): it stands between a pronoun and its verb.
fn stance_before(toks: &[Token], k: usize) -> Option<usize> {
    let l = |i: usize| toks[i].lower.as_str();
    (k >= 3
        && l(k - 1) == "to"
        && matches!(l(k - 2), "ready" | "willing" | "prepared" | "able")
        && matches!(l(k - 3), "be" | "is" | "are" | "was" | "were"))
    .then(|| k - 3)
}

/// A noun trigger used as a verb after a modal and a subject pronoun ("they would blockade the
/// city", "we will boycott the vote"): the trigger itself is the pronoun's verb.
fn noun_used_as_verb(toks: &[Token], ts: usize) -> Option<usize> {
    let l = |i: usize| toks[i].lower.as_str();
    (ts >= 2
        && matches!(
            l(ts - 1),
            "will" | "would" | "shall" | "could" | "might" | "may"
        )
        && is_subject_pronoun(l(ts - 2)))
    .then_some(ts)
}

/// The speaker of a reported clause whose subject is a pronoun (see [`pronoun_speech_verb`]):
/// the actor mention that ends right before the speech verb, if any.
fn speaker_of_pronoun<'a>(
    toks: &[Token],
    ts: usize,
    ca: usize,
    cands: &[&'a ActorMention],
) -> Option<&'a ActorMention> {
    let mut k = pronoun_speech_verb(toks, ts, ca)?;
    // "Hungary has said", "Syria on Tuesday said": skip auxiliaries and time words.
    while k > ca && subject_skip(toks[k - 1].lower.as_str()) {
        k -= 1;
    }
    cands.iter().find(|a| a.end == k).copied().or_else(|| {
        // "The Rwanda-backed M23 rebel group said it ...": the party named inside the
        // speaker's phrase, before up to three common nouns that head it.
        cands
            .iter()
            .filter(|a| {
                a.end < k
                    && k - a.end <= 3
                    && toks[a.end..k].iter().all(|t| {
                        t.is_word() && !t.is_capitalized() && !NP_STOPS.contains(&t.lower.as_str())
                    })
            })
            .max_by_key(|a| a.end)
            .copied()
    })
}

/// An actor mention for the capitalised phrase right after verb `te` (after "to", "with",
/// "against" or "the"), when no lexicon actor is there: the counterpart of a statement or
/// cooperative act.
fn object_phrase(
    toks: &[Token],
    te: usize,
    cb: usize,
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    let mut start = te;
    while start < cb
        && start < te + 2
        && matches!(
            toks[start].lower.as_str(),
            "to" | "with" | "against" | "the" | "on"
        )
    {
        start += 1;
    }
    let cap = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is_word() && t.is_capitalized())
    };
    if start >= cb || !cap(start) || actors.iter().any(|a| start >= a.start && start < a.end) {
        return None;
    }
    // "agreed on Wednesday", "met in March": a day or month is a time, not a counterpart.
    if is_date_word(&toks[start].lower) {
        return None;
    }
    let mut end = start + 1;
    while end < cb && end - start < 6 {
        if cap(end) || toks[end].text == "'s" {
            end += 1;
        } else if matches!(toks[end].lower.as_str(), "of" | "for") && cap(end + 1) {
            end += 2;
        } else {
            break;
        }
    }
    Some(phrase_mention(toks, start, end.min(cb), text))
}

/// The direct object right after verb `te` when it names people: an optional quantity ("more
/// than 100", "three", "thousands of"), then up to four words ending in a capitalised plural
/// ("Liberians", "Iraqi youths") or a plural agent noun ("civilians", "protesters").
fn patient_phrase(
    toks: &[Token],
    te: usize,
    cb: usize,
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    let mut start = te;
    if let Some(q) = quantity_at(toks, start) {
        start = q.end;
        if toks.get(start).is_some_and(|t| t.lower == "of") {
            start += 1;
        }
    } else if toks.get(start).is_some_and(|t| t.lower == "the") {
        start += 1;
    }
    // A plural demonym read as its country ("168 Liberians") names people here, not the state.
    let people_demonym = |a: &ActorMention| {
        a.country_as_actor && (a.text.ends_with("ans") || a.text.ends_with("is"))
    };
    if start >= cb
        || actors
            .iter()
            .any(|a| start >= a.start && start < a.end && !people_demonym(a))
    {
        return None;
    }
    // The first plural head within four words, all words before it modifiers.
    let mut end = start;
    while end < cb && end < start + 4 && toks[end].is_word() {
        let w = &toks[end];
        let plural_people = (w.is_capitalized() && w.lower.ends_with('s') && w.lower.len() > 3)
            || agent_plural(&w.lower);
        end += 1;
        if plural_people {
            // "Iraqi youths and ...": stop at the head.
            return Some(phrase_mention(toks, start, end, text));
        }
        if matches!(
            w.lower.as_str(),
            "and" | "or" | "of" | "in" | "at" | "on" | "to"
        ) {
            return None;
        }
    }
    None
}

/// A nation named by its demonym on the direct object of an act ("burned Kenyan trucks",
/// "bombed Chadian border posts", "threatened to seize Peruvian trawlers"): the act hits that
/// nation's people or property, so PLOVER codes the nation as the target. The object is read right after active verb trigger `te` (or after an
/// infinitive it governs), past a determiner, a quantity and up to two lower-case modifiers;
/// the demonym must modify a following word, and no lexicon actor may cover it (a written
/// party such as "Syrian refugees" is read as itself).
fn demonym_object(
    toks: &[Token],
    te: usize,
    cb: usize,
    t: &Trigger,
    places: &[PlaceRef],
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    if t.pos == Pos::Noun {
        return None;
    }
    let l = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let mut k = te;
    // "waged ethnic cleansing in the province against the Albanian population": the object
    // of an attack may follow "against" after a place or a time.
    let against = (te..cb.min(te + 6))
        .take_while(|&j| toks[j].is_word() && !CLAUSE_BREAKS.contains(&l(j)))
        .find(|&j| l(j) == "against")
        .filter(|_| matches!(t.event_type, EventType::Assault | EventType::Coerce));
    let object_start = against.map_or(te, |j| j + 1);
    if let Some(j) = against {
        k = j + 1;
    } else if matches!(t.event_type, EventType::Threaten) {
        // "threatened to shell ...", "vowed to raze ...": the object of the governed verb.
        if l(k) != "to"
            || !toks
                .get(k + 1)
                .is_some_and(|w| w.is_word() && !w.is_capitalized())
        {
            return None;
        }
        k += 2;
    } else if !matches!(t.event_type, EventType::Assault | EventType::Coerce) {
        return None;
    }
    if let Some(q) = quantity_at(toks, k) {
        k = q.end;
        if l(k) == "of" {
            k += 1;
        }
    } else if matches!(l(k), "the" | "a" | "an" | "some" | "several" | "many") {
        k += 1;
    }
    for _ in 0..2 {
        let w = toks.get(k)?;
        if places.iter().any(|p| p.start == k) || !w.is_word() || w.is_capitalized() {
            break;
        }
        // A preposition or a conjunction ends the object before any demonym.
        if is_stopword(&w.lower) || matches!(w.lower.as_str(), "in" | "on" | "at" | "of" | "to") {
            return None;
        }
        k += 1;
    }
    if k >= cb {
        return None;
    }
    let p = places.iter().find(|p| p.demonym && p.start == k)?;
    let modifies = toks
        .get(p.end)
        .is_some_and(|n| n.is_word() && p.end < cb && !places.iter().any(|q| q.start == p.end));
    if !modifies || actors.iter().any(|a| a.start <= k && k < a.end) {
        return None;
    }
    // People named with their nation ("wounded four Kenyan drivers") are read whole.
    if let Some(mut people) = patient_phrase(toks, object_start, cb, actors, text)
        .filter(|m| m.start <= p.start && p.end <= m.end)
    {
        people.country = p.location.country.clone();
        return Some(people);
    }
    Some(place_as_actor(toks, p, text, false))
}

/// Whether `a` is the plain direct object of a mobilising verb ending at `te`: the people
/// trained, recruited or called up ("trained 500 hackers", "recruited local youths"), whatever
/// their kind, are the mobiliser's own, not whom it acts against. Only a preposition-free
/// phrase counts ("deployed troops against X" names X behind "against").
fn people_mobilised(toks: &[Token], te: usize, a: &ActorMention) -> bool {
    a.start >= te
        && a.start <= te + 5
        && (te..a.start).all(|k| toks[k].is_word() && !plain_object_ends(&toks[k].lower))
        && a.kind != ActorKind::Government
}

/// Words that end a verb's plain object: prepositions, including those of time and company.
fn plain_object_ends(w: &str) -> bool {
    is_preposition(w)
        || matches!(
            w,
            "against"
                | "during"
                | "amid"
                | "after"
                | "before"
                | "following"
                | "toward"
                | "towards"
                | "among"
                | "under"
                | "through"
                | "around"
                | "inside"
        )
}

/// Whether a noun of another act stands between trigger end `te` and "by" at `by` ("marched
/// to protest the arrest of teachers by police"): the agent after "by" did that act, not the
/// trigger's.
fn agent_of_act_noun_between(lex: &Lexicon, toks: &[Token], te: usize, by: usize) -> bool {
    // Only a noun the trigger takes as its object: an act the trigger happened in ("captured in
    // a raid by X", "killed during a sweep by X") was done by the same hands.
    (te..by)
        .take_while(|&k| toks[k].lower == "to" || !plain_object_ends(&toks[k].lower))
        .any(|k| {
            // A determiner before it shows a verb form used as a noun too ("the arrest").
            trigger_at(lex, toks, k).is_some_and(|t| k + t.words.len() <= by)
                && k > 0
                && matches!(
                    toks[k - 1].lower.as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "'s"
                )
        })
}

/// Whether the party at `a` is the subject right after the conjunction at `k` ("protests as
/// the government refused to back down"): the one whose conduct the act answers, unlike
/// parties further inside the clause ("as battles raged between rebels and soldiers").
fn subject_right_after(toks: &[Token], k: usize, a: usize) -> bool {
    a == k + 1 || a == k + 2 && toks[k + 1].lower == "the"
}

/// Whether "as" at `k` opens a clause of its own ("as street battles raged", "as troops
/// withdrew"): a time or cause clause, whose parties are not the main act's. "such as", "as
/// well as", "known as", "as part of" and the like are no clause; a clause needs a finite verb
/// within five words.
fn as_opens_clause(toks: &[Token], k: usize) -> bool {
    let l = |j: usize| toks.get(j).map_or("", |t| t.lower.as_str());
    if l(k) != "as"
        || k > 0 && matches!(l(k - 1), "such" | "well" | "so" | "known" | "same" | "just")
        || matches!(
            l(k + 1),
            "well" | "part" | "a" | "an" | "much" | "many" | "long" | "soon" | "far" | "of" | "to"
        )
    {
        return false;
    }
    (k + 2..(k + 7).min(toks.len())).any(|j| {
        let w = l(j);
        w.len() > 3 && w.ends_with("ed")
            || matches!(w, "is" | "was" | "were" | "are" | "has" | "had" | "have")
    })
}

/// Whether the party at token `k` is the one another act named between trigger end `te` and
/// it was done to ("in protest at the arrest of a number of activists", "over the killing of
/// two farmers"): the victims of that act are not what the protest is aimed at.
fn object_of_another_act(lex: &Lexicon, toks: &[Token], te: usize, k: usize) -> bool {
    let l = |j: usize| toks.get(j).map_or("", |t| t.lower.as_str());
    (te..k).any(|j| {
        l(j + 1) == "of"
            && (j + 2..k).all(|m| toks[m].is_word() && !toks[m].is_capitalized())
            && trigger_at(lex, toks, j).is_some_and(|t| {
                matches!(
                    t.event_type,
                    EventType::Coerce | EventType::Assault | EventType::Sanction
                )
            })
    })
}

/// Verbs of enforcing a warning ("will not tolerate", "will not hesitate to act").
const ENFORCING_VERBS: &[&str] = &[
    "tolerate",
    "allow",
    "permit",
    "accept",
    "hesitate",
    "respond",
    "retaliate",
    "act",
    "intervene",
    "crack",
    "deal",
    "use",
    "take",
];

/// Whether `r` is state forces standing as the subject of the "that" clause after trigger
/// end `te` whose verb (after a modal and a negation: "will no longer tolerate") is one of
/// enforcing: the forces are the ones who will carry the warning out.
fn enforcer_of_warning(toks: &[Token], te: usize, r: &ActorMention) -> bool {
    let l = |j: usize| toks.get(j).map_or("", |t| t.lower.as_str());
    let that = if l(te) == "that" { te } else { return false };
    let subject_start = if l(that + 1) == "the" {
        that + 2
    } else {
        that + 1
    };
    if r.start != subject_start || r.kind != ActorKind::StateForces {
        return false;
    }
    let mut v = r.end;
    while matches!(
        l(v),
        "will" | "would" | "shall" | "could" | "can" | "not" | "no" | "longer" | "never" | "also"
    ) {
        v += 1;
    }
    v > r.end && ENFORCING_VERBS.contains(&l(v))
}

/// Nouns of information handed over or gathered: what follows "on" or "about" after them is
/// its topic ("data on missing people", "intelligence about rebel camps").
const INFORMATION_NOUNS: &[&str] = &[
    "information",
    "data",
    "intelligence",
    "details",
    "news",
    "records",
    "figures",
    "statistics",
    "evidence",
    "files",
    "findings",
    "views",
    "ideas",
    "experience",
    "expertise",
    "knowledge",
];

/// Whether the party at token `k` is the topic of an information noun: "on", "about",
/// "regarding" or "concerning" before it (one or two describing words may come between:
/// "on missing people"), and the noun right before the preposition, or before a time word
/// ("information Friday on ...").
fn topic_of_information(toks: &[Token], k: usize) -> bool {
    let l = |j: usize| toks.get(j).map_or("", |t| t.lower.as_str());
    let Some(prep) = (k.saturating_sub(3)..k).rev().find(|&j| {
        matches!(l(j), "on" | "about" | "regarding" | "concerning")
            && (j + 1..k).all(|m| toks[m].is_word() && !is_stopword(l(m)))
    }) else {
        return false;
    };
    let mut n = prep;
    if n > 0 && (is_date_word(l(n - 1)) || matches!(l(n - 1), "today" | "yesterday")) {
        n -= 1;
    }
    n > 0 && INFORMATION_NOUNS.contains(&l(n - 1))
}

/// Verbs that pass their subject's act on to the infinitive after them ("continue to
/// support"): they add no step between the content and its object.
const TRANSPARENT_VERBS: &[&str] = &[
    "continue", "try", "seek", "begin", "start", "help", "attempt", "need", "want", "plan", "be",
    "have", "keep", "stop", "cease", "resume", "refuse", "fail", "agree", "decide", "vow",
    "pledge", "promise", "threaten",
];

/// Whether the party at token `k` lies in a purpose clause inside a "that" clause after trigger
/// end `te` ("agreed that both should cooperate to encourage refugees to return"): the
/// content's own act ("cooperate") has a purpose of its own, and whom that purpose touches is
/// not whom the agreement or statement is made with. Verbs are read after a modal or "to";
/// verbs that only pass the act on ("continue to") do not count.
fn inside_purpose_of_content(toks: &[Token], te: usize, k: usize) -> bool {
    let l = |j: usize| toks.get(j).map_or("", |t| t.lower.as_str());
    let mut start = te;
    if l(start) == "on" && is_date_word(l(start + 1)) {
        start += 2;
    } else if matches!(l(start), "today" | "yesterday") || is_date_word(l(start)) {
        start += 1;
    }
    if l(start) != "that" || k > start + 25 {
        return false;
    }
    let verbs = (start + 1..k)
        .filter(|&j| {
            matches!(
                l(j),
                "to" | "should" | "would" | "will" | "must" | "could" | "can" | "may" | "might"
            )
        })
        .filter_map(|j| {
            let mut v = j + 1;
            while matches!(l(v), "not" | "also" | "jointly" | "together") {
                v += 1;
            }
            toks.get(v)
                .filter(|t| t.is_word() && !t.is_capitalized() && !is_stopword(&t.lower))
                .map(|t| t.lower.as_str())
        })
        .filter(|v| !TRANSPARENT_VERBS.contains(v))
        .count();
    verbs >= 2
}

/// The party a complaint is about, when the complaint is made to someone else: after trigger
/// end `te` (and a time: "on Tuesday") "to" or "with" names the addressee ("complained to the
/// U.N.", "lodged a protest with Lima"), then "over", "about" or "against" the matter; the
/// first party named within five words of it (a lexicon actor, a country or a demonym: "over
/// two Peruvian air raids") is accused.
fn party_complained_about(
    toks: &[Token],
    te: usize,
    cb: usize,
    actors: &[ActorMention],
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let l = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let mut k = te;
    if l(k) == "on" && is_date_word(l(k + 1)) {
        k += 2;
    } else if matches!(l(k), "today" | "yesterday") || is_date_word(l(k)) {
        k += 1;
    }
    if !matches!(l(k), "to" | "with") {
        return None;
    }
    let about = (k + 1..cb.min(k + 10))
        .take_while(|&j| !CLAUSE_BREAKS.contains(&l(j)))
        .find(|&j| matches!(l(j), "over" | "about" | "against"))?;
    let window = about + 1..cb.min(about + 6);
    let actor = actors.iter().find(|a| window.contains(&a.start));
    let place = places.iter().find(|p| {
        window.contains(&p.start) && (p.demonym || p.location.precision == Precision::Country)
    });
    match (actor, place) {
        (Some(a), Some(p)) if p.start < a.start => Some(place_as_actor(toks, p, text, false)),
        (Some(a), _) => Some(a.clone()),
        (None, Some(p)) => Some(place_as_actor(toks, p, text, false)),
        (None, None) => None,
    }
}

/// The counterpart named after a plain object of a statement or cooperative act, behind
/// "from", "to" or "with" ("sought compensation from the Water Board", "sent tents to the
/// Lakeside Relief Society", "discussed the plan with Chile"): the party the object comes from
/// or goes to; after a statement also behind "by" ("demanded an admission by Moscow": whose
/// act the statement is about). The object between trigger end `te` and the preposition is lower-case words,
/// numbers and infinitives only, so a name there (a place, a second party) ends the search.
/// After a physical act "with" marks a partner, not a counterpart, as in the recipient search,
/// except after sharing ("shared evidence with Chile"), which hands the object over.
fn counterpart_after_object(
    toks: &[Token],
    te: usize,
    cb: usize,
    t: &Trigger,
    actors: &[ActorMention],
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let verbal = is_verbal_type(t.event_type);
    let with_receives = verbal || t.words[0].starts_with("shar");
    let mut k = te;
    let prep = loop {
        let w = toks.get(k).filter(|_| k < cb && k < te + 10)?;
        // "to most West Africans", "to all refugees": a quantifier opens a noun phrase.
        let infinitive = w.lower == "to"
            && toks.get(k + 1).is_some_and(|n| {
                n.is_word()
                    && !n.is_capitalized()
                    && !DETERMINERS.contains(&n.lower.as_str())
                    && !matches!(
                        n.lower.as_str(),
                        "a" | "an" | "most" | "all" | "some" | "many" | "several" | "more"
                    )
                    && quantity_at(toks, k + 1).is_none()
            });
        // "demanded an admission by Moscow", "condemned the raid by the militia": the one
        // whose act a statement is about (a party only: "by Friday" is a deadline).
        // A participle before "by" takes it as its agent ("a complaint filed by X").
        let participle = k > te
            && (toks[k - 1].lower.ends_with("ed")
                || matches!(
                    toks[k - 1].lower.as_str(),
                    "made" | "given" | "taken" | "written" | "done" | "held" | "sent" | "brought"
                ));
        let by_party = w.lower == "by"
            && verbal
            && k > te
            && !participle
            && (actors.iter().any(|a| a.start == k + 1) || places.iter().any(|p| p.start == k + 1));
        if matches!(w.lower.as_str(), "from" | "to") && !infinitive && k > te
            || w.lower == "with" && with_receives
            || by_party
        {
            break k;
        }
        // "agreed to resign without returning to X": an act not done has no counterpart.
        let plain = (w.is_word()
            && !w.is_capitalized()
            && !CLAUSE_BREAKS.contains(&w.lower.as_str())
            && w.lower != "without")
            || w.text == "$"
            || w.text.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !plain {
            return None;
        }
        k += 1;
    };
    let mut at = prep + 1;
    if toks.get(at).is_some_and(|t| t.lower == "the") {
        at += 1;
    }
    if at >= cb {
        return None;
    }
    if let Some(a) = actors.iter().find(|a| a.start == at) {
        // A country opening a longer name ("the Chile Assembly") names that body.
        let longer_name = a.country_as_actor
            && toks
                .get(a.end)
                .is_some_and(|n| a.end < cb && n.is_word() && n.is_capitalized());
        if !longer_name {
            return Some(a.clone());
        }
        return object_phrase(toks, at, cb, &[], text);
    }
    // A place alone: a country or a capital city stands for its government ("an apology from
    // Lima"); another town is left to the place rules.
    if let Some(p) = places.iter().find(|p| p.start == at) {
        let next = toks.get(p.end).filter(|_| p.end < cb);
        if !next.is_some_and(|n| n.is_word() && n.is_capitalized()) {
            // A demonym before a common noun only modifies it ("from Syrian sources"); before a
            // preposition it stands alone ("shared data with the U.S. about ...").
            let modifier =
                p.demonym && next.is_some_and(|n| n.is_word() && !is_preposition(&n.lower));
            if modifier {
                // People named with their nation are read whole ("seized arms from Syrian
                // smugglers"); goods taken from a nation's unnamed holders hit that nation.
                return patient_phrase(toks, at, cb, actors, text)
                    .or_else(|| takes_goods(t).then(|| place_as_actor(toks, p, text, false)));
            }
            let seat_of_government = p.location.precision == Precision::Country || p.capital;
            return seat_of_government.then(|| place_as_actor(toks, p, text, true));
        }
    }
    object_phrase(toks, at, cb, actors, text)
        // People a physical act gives to or takes from ("opened its borders to West
        // Africans"); after a statement such words name an audience ("to reporters").
        .or_else(|| {
            (!verbal)
                .then(|| patient_phrase(toks, at, cb, actors, text))
                .flatten()
        })
        // Aid sent to, or supplies cut to, a camp or a village go to the people there.
        .or_else(|| {
            (toks[prep].lower == "to")
                .then(|| venue_phrase(toks, at, cb, places, text))
                .flatten()
        })
}

/// Verbs of taking goods or ground ("seized", "confiscated", "looted"): whom the thing is
/// taken from is the one the act hits.
fn takes_goods(t: &Trigger) -> bool {
    matches!(t.event_type, EventType::Coerce | EventType::Assault)
        && [
            "seiz",
            "confiscat",
            "took",
            "taken",
            "stole",
            "loot",
            "captur",
        ]
        .iter()
        .any(|w| t.words[0].starts_with(w))
}

/// The lower-case word at `k` when it lies before clause bound `cb`, else "".
fn word_within<'a>(toks: &'a [Token], k: usize, cb: usize) -> &'a str {
    toks.get(k)
        .filter(|_| k < cb)
        .map_or("", |t| t.lower.as_str())
}

/// The subject of the clause a demand verb at `te` governs ("demanded that its partners
/// refuse", "insisted that the Jordanian cabinet resign"): a lexicon actor or a capitalised name
/// right after "that" and an optional determiner or possessive.
fn subject_of_demanded_clause(
    toks: &[Token],
    te: usize,
    cb: usize,
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    let l = |k: usize| word_within(toks, k, cb);
    if l(te) != "that" {
        return None;
    }
    let mut k = te + 1;
    if matches!(l(k), "its" | "their" | "his" | "her" | "the") {
        k += 1;
    }
    if let Some(a) = actors.iter().find(|a| a.start == k || a.start == te + 1) {
        return Some(a.clone());
    }
    let name = object_phrase(toks, k, cb, actors, text)?;
    // The name heads the clause's subject: a verb or an auxiliary follows it, possibly after a
    // plural noun it modifies ("its Community partners refuse").
    let mut end = name.end;
    if toks
        .get(end)
        .is_some_and(|n| n.is_word() && !n.is_capitalized() && agent_plural(&n.lower))
    {
        end += 1;
    }
    toks.get(end)
        .is_some_and(|n| {
            n.is_word() && !n.is_capitalized() && !is_preposition(&n.lower) && n.lower != "and"
        })
        .then_some(name)
}

/// Who pressed for what a refusal at `te` declines ("declined to resign despite growing
/// pressure by the commission", "refused despite calls from the Farmers League"): the party
/// after "by" or "from" behind "despite" and a word of pressing.
fn pressure_refused(
    toks: &[Token],
    te: usize,
    cb: usize,
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    let l = |k: usize| word_within(toks, k, cb);
    let despite = (te..cb.min(te + 8))
        .take_while(|&j| toks[j].is_word() && !CLAUSE_BREAKS.contains(&l(j)))
        .find(|&j| l(j) == "despite")?;
    let by = (despite + 1..cb.min(despite + 5))
        .take_while(|&j| toks[j].is_word() && !toks[j].is_capitalized())
        .find(|&j| matches!(l(j), "by" | "from"))?;
    let pressing = (despite + 1..by).any(|j| {
        matches!(
            l(j),
            "pressure" | "calls" | "demands" | "appeals" | "requests" | "pleas" | "urging"
        )
    });
    if !pressing {
        return None;
    }
    let at = if l(by + 1) == "the" { by + 2 } else { by + 1 };
    if let Some(a) = actors.iter().find(|a| a.start == at) {
        return Some(a.clone());
    }
    object_phrase(toks, at, cb, actors, text)
}

/// The place right after "in" behind a request for refuge or asylum ("sought refuge in
/// Chile"), standing for its rulers, who are asked; a building there ("in a church in Lima")
/// is only where the refuge is.
fn country_of_refuge(
    toks: &[Token],
    te: usize,
    t: &Trigger,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let refuge = t
        .words
        .iter()
        .any(|w| matches!(w.as_str(), "refuge" | "asylum"));
    if !refuge || toks.get(te).is_none_or(|w| w.lower != "in") {
        return None;
    }
    let at = if toks.get(te + 1).is_some_and(|w| w.lower == "the") {
        te + 2
    } else {
        te + 1
    };
    let p = places
        .iter()
        .find(|p| p.start == at && !p.demonym && has_people_and_rulers(p))?;
    Some(place_as_actor(
        toks,
        p,
        text,
        p.location.precision == Precision::Country,
    ))
}

/// The one who died of the act at trigger start `ts` ("a prisoner died as a result of
/// torture", "the driver died from the beating"): the subject of "died" right before the words
/// tying the death to the act.
fn died_of_the_act(
    toks: &[Token],
    ts: usize,
    ca: usize,
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    let mut k = ts;
    while k > ca
        && k + 6 > ts
        && matches!(
            toks[k - 1].lower.as_str(),
            "as" | "a" | "result" | "of" | "from" | "under" | "the" | "his" | "her" | "their"
        )
    {
        k -= 1;
    }
    if k == ts || k == ca || !matches!(toks[k - 1].lower.as_str(), "died" | "dies") {
        return None;
    }
    let died = k - 1;
    let end = skip_back(toks, died, ca);
    if let Some(a) = actors.iter().find(|a| a.end == end) {
        return Some(a.clone());
    }
    subject_phrase(toks, died, ca, text).or_else(|| {
        // One person named by a common noun ("A Chilean student died"): up to four words
        // after a determiner or at the clause start.
        let mut start = end;
        while start > ca
            && end - start < 4
            && toks[start - 1].is_word()
            && !NP_STOPS.contains(&toks[start - 1].lower.as_str())
            && !is_stopword(&toks[start - 1].lower)
        {
            start -= 1;
        }
        let opens = start == ca || matches!(toks[start - 1].lower.as_str(), "a" | "an" | "the");
        (start < end && opens).then(|| phrase_mention(toks, start, end, text))
    })
}

/// Places and installations an act can be aimed at: what is attacked, raided or burned there
/// is the place itself and the people it holds.
const VENUE_NOUNS: &[&str] = &[
    "camp",
    "camps",
    "village",
    "villages",
    "town",
    "towns",
    "temple",
    "temples",
    "church",
    "churches",
    "mosque",
    "mosques",
    "synagogue",
    "shrine",
    "office",
    "offices",
    "headquarters",
    "base",
    "bases",
    "outpost",
    "outposts",
    "post",
    "posts",
    "checkpoint",
    "checkpoints",
    "station",
    "stations",
    "school",
    "schools",
    "hospital",
    "hospitals",
    "clinic",
    "prison",
    "prisons",
    "jail",
    "jails",
    "embassy",
    "embassies",
    "consulate",
    "compound",
    "compounds",
    "barracks",
    "building",
    "buildings",
    "homes",
    "house",
    "houses",
    "market",
    "markets",
    "airport",
    "airfield",
    "bridge",
    "bridges",
    "hotel",
    "hotels",
    "factory",
    "factories",
    "refinery",
    "warehouse",
    "depot",
    "positions",
];

/// A venue noun phrase starting at `at`: an optional determiner or quantity, up to three
/// modifiers and a head from [`VENUE_NOUNS`] that no further noun follows ("the biggest
/// refugee camp", "three police posts"; not "camp residents"), with its owner after "of"
/// ("the offices of the farmers' union").
fn venue_phrase(
    toks: &[Token],
    at: usize,
    cb: usize,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let l = |k: usize| word_within(toks, k, cb);
    let mut k = at;
    if let Some(q) = quantity_at(toks, k) {
        k = q.end;
    } else if matches!(l(k), "the" | "a" | "an" | "some" | "several") {
        k += 1;
    }
    let start = k;
    let modifier = |w: &str| {
        !w.is_empty() && !is_stopword(w) && !is_preposition(w) && !CLAUSE_BREAKS.contains(&w)
    };
    // A time word after the head ends the phrase ("torched the school overnight").
    let adverb = |w: &str| {
        is_date_word(w)
            || w.ends_with("ly")
            || matches!(
                w,
                "overnight" | "today" | "yesterday" | "again" | "last" | "this"
            )
    };
    let head = (start..cb.min(start + 4))
        .take_while(|&j| toks[j].is_word() && modifier(l(j)))
        .find(|&j| {
            VENUE_NOUNS.contains(&l(j))
                && !(toks
                    .get(j + 1)
                    .is_some_and(|n| n.is_word() && !n.is_capitalized())
                    && modifier(l(j + 1))
                    && !adverb(l(j + 1)))
        })?;
    let mut end = head + 1;
    // The owner after "of" is whom the act hits ("the offices of the farmers' union"); a
    // named place there ("the village of X") is the place rules' matter.
    let named_place = places
        .iter()
        .any(|p| !p.demonym && (p.start == end + 1 || l(end + 1) == "the" && p.start == end + 2));
    if l(end) == "of" && !named_place {
        let owner = (end + 1..cb.min(end + 6))
            .take_while(|&j| {
                l(j) == "'s"
                    || toks[j].is_word() && (l(j) == "the" || modifier(l(j)) && !adverb(l(j)))
            })
            .last();
        if let Some(o) = owner.filter(|&o| l(o) != "the") {
            end = o + 1;
        }
    }
    Some(phrase_mention(toks, start, end, text))
}

/// The venue an attack or a raid is aimed at: the direct object of a verb ("stormed a
/// police post", "torched three houses"), or what follows "on" or "against" after an attack
/// ("the assault on the camp"). A venue after "in" or "at" is only where the act happened.
fn venue_target(
    toks: &[Token],
    te: usize,
    cb: usize,
    t: &Trigger,
    is_noun: bool,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    if !matches!(t.event_type, EventType::Assault | EventType::Coerce) || te >= cb {
        return None;
    }
    let aimed_prep =
        t.event_type == EventType::Assault && matches!(toks[te].lower.as_str(), "on" | "against");
    let at = if aimed_prep {
        te + 1
    } else if is_noun {
        return None;
    } else {
        te
    };
    venue_phrase(toks, at, cb, places, text)
}

/// A name the text gives no lexicon entry for, protested against ("rallied against the party's
/// leader Jane Roe"): after "against", a determiner, lower-case words and a possessive may
/// describe the name.
fn name_protested_against(
    toks: &[Token],
    te: usize,
    cb: usize,
    text: &str,
) -> Option<ActorMention> {
    let l = |k: usize| word_within(toks, k, cb);
    let against = (te..cb.min(te + 8))
        .take_while(|&j| !CLAUSE_BREAKS.contains(&l(j)) && l(j) != ";")
        .find(|&j| l(j) == "against")?;
    let mut k = against + 1;
    while k < cb
        && k < against + 6
        && (l(k) == "'s"
            || toks[k].is_word()
                && (l(k) == "the"
                    || !toks[k].is_capitalized() && !is_stopword(l(k)) && !is_preposition(l(k))))
    {
        k += 1;
    }
    let name = object_phrase(toks, k, cb, &[], text)?;
    // A person is named by two capitalised words or more ("Jane Roe"), not one word of a title.
    (name.end - name.start >= 2).then_some(name)
}

/// The one told, allowed or ordered to act, named between a verb and an infinitive after
/// words that describe it ("ordered the ex-mayor Jane Roe to testify", "permitted the singer
/// John Doe to perform", "ordered the radio network Radio Sur to stop"): up to three
/// lower-case words, then a capitalised name right before "to" and a lower-case verb.
fn named_object_before_infinitive(
    toks: &[Token],
    te: usize,
    cb: usize,
    text: &str,
) -> Option<ActorMention> {
    let mut k = te;
    if toks
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_str(), "the" | "a" | "an"))
    {
        k += 1;
    }
    let described = k;
    while k < cb
        && k < described + 3
        && toks[k].is_word()
        && !toks[k].is_capitalized()
        && !is_stopword(&toks[k].lower)
    {
        k += 1;
    }
    let start = k;
    while k < cb && k < start + 4 && toks[k].is_word() && toks[k].is_capitalized() {
        k += 1;
    }
    let infinitive = k > start
        && toks.get(k).is_some_and(|t| t.lower == "to")
        && toks
            .get(k + 1)
            .is_some_and(|t| t.is_word() && !t.is_capitalized() && t.lower != "the");
    (infinitive && !is_date_word(&toks[start].lower)).then(|| phrase_mention(toks, start, k, text))
}

/// Words for a conversation, held by both sides alike ("held talks with", "negotiations
/// with", "telephoned"): unlike a visit or a hosted meeting it has no guest or host.
fn is_conversation(t: &Trigger) -> bool {
    t.event_type == EventType::Consult
        && t.words.iter().any(|w| {
            matches!(
                w.as_str(),
                "talks" | "negotiations" | "negotiated" | "telephoned" | "phoned" | "spoke"
            )
        })
}

/// Whether a party at token `k` lies in the topic of talks or a meeting ending at `te`: the
/// nearest preposition before it is "on", "about" or "over" ("negotiations on a troop
/// pullback", "talks about X's debt"), so it is what is discussed, not who takes part.
fn topic_of_talks(toks: &[Token], te: usize, k: usize, t: &Trigger) -> bool {
    t.event_type == EventType::Consult
        && (te..k)
            .rev()
            .map(|i| toks[i].lower.as_str())
            .find(|w| is_preposition(w))
            .is_some_and(|w| matches!(w, "on" | "about" | "over"))
}

/// Whether a party at token `k` is the one met in a meeting or talks named by a noun trigger
/// ending at `te`: right after "with" (and "the"), a few words on ("held talks on Monday with
/// X", "their first meeting with X").
fn meeting_counterpart_at(toks: &[Token], te: usize, k: usize, t: &Trigger) -> bool {
    let l = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
    let with_at = if l(k.saturating_sub(1)) == "the" {
        k.saturating_sub(2)
    } else {
        k.saturating_sub(1)
    };
    t.event_type == EventType::Consult
        && !t.words[0].starts_with("mediat")
        && l(with_at) == "with"
        && with_at >= te
        && with_at <= te + 4
        && !(te..with_at).any(|i| CLAUSE_BREAKS.contains(&l(i)))
}

/// Whether a party at token `k` is the one aid goes to: right after "for" or "to" that follows
/// a word for aid ("20 million euros of relief for Chile", "assistance to the refugees").
fn aid_beneficiary_at(toks: &[Token], k: usize) -> bool {
    let l = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
    let mut j = k;
    if j > 0 && l(j - 1) == "the" {
        j -= 1;
    }
    j >= 2
        && matches!(l(j - 1), "for" | "to")
        && matches!(
            l(j - 2),
            "aid"
                | "assistance"
                | "help"
                | "relief"
                | "loan"
                | "loans"
                | "grant"
                | "grants"
                | "credit"
                | "credits"
                | "funds"
                | "supplies"
        )
}

/// Prepositions that open a phrase of place, time or topic after an act's object.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "near"
            | "over"
            | "about"
            | "from"
            | "to"
            | "into"
            | "of"
            | "for"
            | "by"
            | "along"
            | "across"
            | "with"
            | "between"
    )
}

/// Whether a place has people and rulers an act can be aimed at: a country, a division, a town
/// or a region within one country ("the Gaza Strip"), not a sea or a continent.
fn has_people_and_rulers(p: &PlaceRef) -> bool {
    matches!(
        p.location.precision,
        Precision::Country | Precision::Admin1 | Precision::Town
    ) || p.location.precision == Precision::Region && p.location.country.is_some()
}

/// Verb forms that move forces or staff into or out of a place.
const MOVING_VERBS: &[&str] = &[
    "withdraw",
    "withdraws",
    "withdrew",
    "withdrawn",
    "withdrawing",
    "pull",
    "pulls",
    "pulled",
    "pulling",
    "deploy",
    "deploys",
    "deployed",
    "deploying",
    "redeploy",
    "redeployed",
    "send",
    "sends",
    "sent",
    "sending",
    "dispatch",
    "dispatches",
    "dispatched",
    "contribute",
    "contributes",
    "contributed",
    "station",
    "stationed",
];

/// Head words of forces and staff that a state or an agency sends or withdraws.
const MOVABLE_STAFF: &[&str] = &[
    "troops",
    "soldiers",
    "forces",
    "peacekeepers",
    "inspectors",
    "monitors",
    "observers",
    "workers",
    "staff",
    "personnel",
    "diplomats",
    "advisers",
    "advisors",
];

/// The place forces or staff are moved to or from, when the party found as the recipient is
/// those forces as the object of a verb that moves them ("will withdraw its inspectors and aid
/// workers from Iraq", "refused to deploy peacekeepers in Iraq"): what is moved is the mover's
/// own means, and the place it enters or leaves, standing for its people and rulers, is whom
/// the move concerns. Forces hit by an act ("shelled the troops in X") are not moved by it.
fn moved_staff_place(
    toks: &[Token],
    r: &ActorMention,
    cb: usize,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let l = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let staff = r.end > r.start
        && (MOVABLE_STAFF.contains(&l(r.end - 1))
            || matches!(r.kind, ActorKind::StateForces | ActorKind::ExternalForces));
    if !staff {
        return None;
    }
    // The moving verb stands before the object, past determiners, numbers, modifiers and
    // conjoined staff ("withdraw weapons inspectors and aid workers").
    let moved = (r.start.saturating_sub(6)..r.start).rev().find(|&k| {
        MOVING_VERBS.contains(&l(k))
            || CLAUSE_BREAKS.contains(&l(k))
            || toks[k].is_capitalized()
            || !(toks[k].is_word() || toks[k].text.chars().all(|c| c.is_ascii_digit() || c == ','))
    });
    if !moved.is_some_and(|k| MOVING_VERBS.contains(&l(k))) {
        return None;
    }
    let p = places
        .iter()
        .filter(|p| !p.demonym && p.start > r.end && p.start < cb && p.start <= r.end + 8)
        .min_by_key(|p| p.start)?;
    let people_of_place = has_people_and_rulers(p);
    let governor = if l(p.start - 1) == "the" {
        l(p.start.saturating_sub(2))
    } else {
        l(p.start - 1)
    };
    let plain_gap = (r.end..p.start)
        .all(|k| toks[k].is_word() && !toks[k].is_capitalized() && !CLAUSE_BREAKS.contains(&l(k)));
    (people_of_place && plain_gap && matches!(governor, "in" | "to" | "into" | "from"))
        .then(|| place_as_actor(toks, p, text, p.location.precision == Precision::Country))
}

/// The other side of a tie or conflict the act is about, named after "with" behind a word for
/// it in the act's object ("closed its borders with Iran", "cut trade links with the rebels",
/// "a war with Iraq"): the party, or the place standing for its people and rulers. Returns the
/// mention and the token index of the tie word.
fn tie_counterpart(
    toks: &[Token],
    te: usize,
    cb: usize,
    is_noun: bool,
    actors: &[ActorMention],
    places: &[PlaceRef],
    text: &str,
) -> Option<(ActorMention, usize)> {
    let l = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    // The object of a noun of the act follows "of" ("a suspension of air links with X").
    let object = if is_noun && l(te) == "of" { te + 1 } else { te };
    // The tie word heads the act's own object: no preposition comes between ("arrested
    // fishermen near its border with X" acts on the fishermen).
    let tie = (object..cb.min(object + 8))
        .take_while(|&k| !CLAUSE_BREAKS.contains(&l(k)) && !is_preposition(l(k)))
        .find(|&k| TIES_BETWEEN_SIDES.contains(&l(k)) && l(k + 1) == "with")?;
    let at = if l(tie + 2) == "the" {
        tie + 3
    } else {
        tie + 2
    };
    if at >= cb {
        return None;
    }
    if let Some(a) = actors.iter().find(|a| a.start == at) {
        return Some((a.clone(), tie));
    }
    let p = places.iter().find(|p| p.start == at && !p.demonym)?;
    let people_of_place = has_people_and_rulers(p);
    people_of_place.then(|| {
        (
            place_as_actor(toks, p, text, p.location.precision == Precision::Country),
            tie,
        )
    })
}

/// The place an act is done to, as its target: the first place after trigger end `te` in its
/// clause, governed by a preposition that makes it the act's object for this kind of act
/// (restrictions *in* or *on* a place, withdrawal *from* it, a visit or deployment *to* it,
/// an attack *on* it), by "of" after a noun of such an act ("the invasion of X", "a blockade
/// of X"), or by none at all ("blockaded Paris", "visited Tehran"). Places that only
/// say where something else stands ("near the town of X") stay locations.
fn place_target(
    toks: &[Token],
    te: usize,
    cb: usize,
    t: &Trigger,
    is_noun: bool,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let visit = t.words.iter().any(|w| {
        matches!(
            w.as_str(),
            "arrived" | "arrives" | "visit" | "visited" | "visiting" | "visits" | "trip" | "toured"
        )
    });
    // A blockade or siege is laid on a place and its people, as a restriction is.
    let siege = t.event_type == EventType::Protest
        && t.words[0].starts_with("blockad")
        && t.words.len() == 1;
    let preps: &[&str] = match t.event_type {
        EventType::Coerce | EventType::Concede | EventType::Sanction | EventType::Threaten => {
            &["in", "on", "over", "against", "to", "into"]
        }
        _ if siege => &["on", "against", "around"],
        // Troops or settlers withdrawn "from" a place, or settlements a verb evacuates "in"
        // it (a truce declared "in" a place names where it holds, not whom it spares).
        EventType::Retreat if is_noun => &["from"],
        EventType::Retreat => &["from", "in"],
        EventType::Mobilize | EventType::Aid => &["to", "in", "into", "from"],
        EventType::Consult if visit => &["in", "to"],
        EventType::Assault => &["on", "against"],
        _ => return None,
    };
    let p = places
        .iter()
        .filter(|p| !p.demonym && p.start >= te && p.start < cb && p.start <= te + 10)
        .min_by_key(|p| p.start)?;
    // Seas, deserts and continents are where things happen, never whom they happen to; a
    // region within one country ("the Gaza Strip", "Darfur") has people and rulers to act on.
    if p.location.precision == Precision::Unknown
        || p.location.precision == Precision::Region && p.location.country.is_none()
    {
        return None;
    }
    // A place naming what follows it ("the Burkina Faso army base", "a Savannah house party")
    // is a modifier: the target is that thing, not the place. (Stopwords have three letters or
    // more; shorter words are function words.)
    let container = |w: &str| {
        matches!(
            w,
            "town"
                | "city"
                | "village"
                | "province"
                | "region"
                | "state"
                | "district"
                | "county"
                | "governorate"
                | "area"
                | "prefecture"
                | "territory"
                | "island"
                | "islands"
        )
    };
    // A match followed by another capitalised word is the start of a longer name the
    // gazetteer lacks ("Kan Taw village"): too uncertain to name a target.
    if toks
        .get(p.end)
        .is_some_and(|n| n.is_word() && n.is_capitalized() && !is_date_word(&n.lower))
    {
        return None;
    }
    if toks.get(p.end).is_some_and(|n| {
        n.is_word()
            && !n.is_capitalized()
            && n.lower.len() > 2
            && !is_stopword(&n.lower)
            && !container(&n.lower)
            && !is_date_word(&n.lower)
            // A conjunction opening the next clause ("from Chad unless ...") modifies nothing.
            && !CLAUSE_BREAKS.contains(&n.lower.as_str())
            && !matches!(n.lower.as_str(), "unless" | "if" | "whereas")
            // Nor does a word opening an adverbial after forces or a restriction put "in" a
            // place ("strengthened its forces in X following the raid"); a retreat or a visit
            // "in" a place is mostly where it happened, so those keep the cautious reading.
            && !(matches!(n.lower.as_str(), "following" | "amid" | "despite" | "ahead")
                && matches!(
                    t.event_type,
                    EventType::Mobilize
                        | EventType::Coerce
                        | EventType::Sanction
                        | EventType::Concede
                        | EventType::Threaten
                ))
    }) {
        return None;
    }
    let gap = &toks[te..p.start];
    if gap
        .iter()
        .any(|k| CLAUSE_BREAKS.contains(&k.lower.as_str()) || !(k.is_word() || k.text == "-"))
    {
        return None;
    }
    // The governing word: the nearest preposition before the place, reading "the town of X"
    // and "the republic of X" as X itself.
    let mut k = p.start;
    let governor = loop {
        if k == te {
            break None;
        }
        k -= 1;
        let w = toks[k].lower.as_str();
        if w == "of"
            && k > te
            && (container(&toks[k - 1].lower)
                || toks[k - 1].lower == "capital"
                || toks[k - 1].lower == "republic")
        {
            continue;
        }
        if matches!(
            w,
            "in" | "on"
                | "over"
                | "against"
                | "to"
                | "into"
                | "from"
                | "at"
                | "of"
                | "near"
                | "for"
                | "with"
                | "by"
                | "between"
                | "through"
                | "across"
                | "outside"
                | "around"
        ) {
            // An infinitive's "to" ("threatened to ban voting in X") governs a verb, not X.
            let infinitive = w == "to" && k + 1 < p.start && toks[k + 1].lower != "the";
            break Some(if infinitive { "" } else { w });
        }
    };
    // "the invasion of X", "a blockade of X": the noun of an act aimed at a place takes it
    // after "of" as its object (a verb trigger's "of" belongs to some other noun).
    let aimed_noun = (is_noun || t.pos == Pos::Noun)
        && (siege
            || matches!(
                t.event_type,
                EventType::Assault | EventType::Coerce | EventType::Sanction | EventType::Threaten
            ));
    match governor {
        Some("of") if aimed_noun && k == te => {}
        // No preposition: the place is the direct object of a verb trigger, right after it or
        // after a determiner and modifiers ("blockaded Paris", "besieged the town of X").
        None => {
            let det = gap.first().is_none_or(|w| {
                matches!(
                    w.lower.as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her"
                )
            });
            if t.pos == Pos::Noun || !det || gap.len() > 4 {
                return None;
            }
        }
        Some(w) if !preps.contains(&w) => return None,
        Some(_) => {}
    }
    // A country acted on stands for its government, as a country named as an actor does.
    Some(place_as_actor(
        toks,
        p,
        text,
        p.location.precision == Precision::Country,
    ))
}

/// The nation whose goods or people a restriction, or its lifting, is laid "on" or "against",
/// named by a demonym on them ("lifted the ban on Peruvian imports", "a blockade on
/// Palestinian lorries"): the act aims at that nation, as on the object of an attack.
fn restricted_nation(
    toks: &[Token],
    te: usize,
    cb: usize,
    t: &Trigger,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    if !matches!(
        t.event_type,
        EventType::Coerce | EventType::Concede | EventType::Sanction | EventType::Threaten
    ) {
        return None;
    }
    let p = places
        .iter()
        .filter(|p| p.demonym && p.start > te && p.start < cb && p.start <= te + 8)
        .min_by_key(|p| p.start)?;
    let governed = matches!(toks[p.start - 1].lower.as_str(), "on" | "against");
    // Lower-case words of the object, or a day ("lifted Friday a blockade on ...").
    let plain_gap = (te..p.start).all(|k| {
        toks[k].is_word()
            && (!toks[k].is_capitalized() || is_date_word(&toks[k].lower))
            && !CLAUSE_BREAKS.contains(&toks[k].lower.as_str())
    });
    // The demonym modifies a common noun after it ("Peruvian imports"), not a name.
    let modifies = toks
        .get(p.end)
        .is_some_and(|n| p.end < cb && n.is_word() && !n.is_capitalized());
    (governed && plain_gap && modifies).then(|| place_as_actor(toks, p, text, false))
}

/// An actor mention for the words of place `p`, named and placed as the gazetteer reads it;
/// `government`: the place stands for its rulers.
fn place_as_actor(toks: &[Token], p: &PlaceRef, text: &str, government: bool) -> ActorMention {
    let mut m = phrase_mention(toks, p.start, p.end, text);
    m.name = p.location.name.clone();
    m.country = p.location.country.clone();
    if government {
        m.kind = ActorKind::Government;
    }
    m
}

/// A place standing as the subject right before trigger start `ts` (auxiliaries and a time
/// word may come between: "Berlin has rejected", "Moscow on Tuesday demanded"), as an actor
/// mention of its government.
fn subject_place(
    toks: &[Token],
    ts: usize,
    ca: usize,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let k = skip_back(toks, ts, ca);
    let p = places.iter().find(|p| p.end == k && !p.demonym)?;
    if !matches!(
        p.location.precision,
        Precision::Country | Precision::Admin1 | Precision::Town
    ) {
        return None;
    }
    // "in Kabul rejected": a place after a preposition is a venue, not the subject.
    if p.start > 0
        && matches!(
            toks[p.start - 1].lower.as_str(),
            "in" | "at" | "from" | "to" | "near" | "of" | "and" | "by" | "with"
        )
    {
        return None;
    }
    Some(place_as_actor(toks, p, text, true))
}

/// "invade", "invaded", "invasion" ...
fn is_invasion(w: &str) -> bool {
    w.starts_with("invad") || w.starts_with("invasion")
}

/// The country written as the subject of an invasion verb, or of the support verb that carries
/// the noun ("Iraq invaded Kuwait", "Israel mounted its invasion of ..."), as an actor mention
/// standing for the state's forces.
fn invading_country(
    toks: &[Token],
    ts: usize,
    t: &Trigger,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let v = if t.words[0] == "invasion" {
        support_verb_at(toks, ts, false)?
    } else {
        ts
    };
    let mut m = subject_place(toks, v, 0, places, text)?;
    let country = places
        .iter()
        .any(|p| p.start == m.start && p.location.precision == Precision::Country);
    m.country_as_actor = true;
    country.then_some(m)
}

/// Words for the bodies that grant or refuse permission: a ruling, law or order comes from
/// them ("the Supreme Court decided to allow ...", "the cabinet will not allow ...").
const AUTHORITY_NOUNS: &[&str] = &[
    "court",
    "parliament",
    "government",
    "cabinet",
    "council",
    "authorities",
    "ministry",
    "judge",
    "president",
    "administration",
    "junta",
    "regime",
];

/// Trigger words whose event sense needs a frame around them, which `object:` words in the
/// lexicon cannot state; true when the frame is missing and the word is no event.
/// - "ordered X to <verb>" is a demand (PLOVER REQUEST covers orders); "ordered new jets",
///   "ordered the evacuation", "on the orders of" are not.
/// - "forced X out (of)" removes people from a place (COERCE deport); "forced to pull out" and
///   a passive "was forced out of the tournament" are not, nor is an injury that "forced him
///   out": the one who forces must be a state, an armed group or a government.
/// - "allow(ed) X to ...", "allow the return of inspectors": a permission granted by an
///   authority (PLOVER CONCEDE); a team that "allowed two goals" grants none.
/// - "invasion" after "pitch" or before "of privacy" is no use of force.
fn frame_missing(s: &SentenceInput, t: &Trigger, ts: usize, te: usize) -> bool {
    let toks = &s.toks;
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let w = t.words[0].as_str();
    let passive = (ts.saturating_sub(3)..ts).any(|k| {
        matches!(
            l(k),
            "was" | "were" | "been" | "being" | "be" | "is" | "are"
        )
    });
    // The subject right before the verb (over auxiliaries, negation and a verb of deciding:
    // "the court decided to allow") is a state, an armed group, a government body or a
    // country: only they force people out of a place or grant leave as policy ("A knee injury
    // forced him out", "Chelsea allowed Bolton to recover", "which allows the parliament to").
    let state_subject = || {
        // "Iraq said it would allow ...": the pronoun stands for the speaker.
        let mut k = pronoun_speech_verb(toks, ts, 0).unwrap_or(ts);
        k = skip_back(toks, k, 0);
        while k > 0
            && matches!(
                l(k - 1),
                "not" | "never" | "n't" | "does" | "did" | "do" | "to" | "decided" | "voted"
            )
        {
            k = skip_back(toks, k - 1, 0);
        }
        k > 0
            && (s
                .actors
                .iter()
                .any(|a| a.end == k && (a.country_as_actor || is_armed(a) || holds_office(a)))
                || s.places.iter().any(|p| {
                    // A national capital named as the subject is its government ("Jakarta
                    // forced the agency out").
                    p.end == k
                        && !p.demonym
                        && (p.location.precision == Precision::Country || p.capital)
                })
                || AUTHORITY_NOUNS.contains(&l(k - 1)))
    };
    if is_invasion(w) {
        let prev = if ts > 0 { l(ts - 1) } else { "" };
        return matches!(prev, "pitch" | "field" | "locust" | "alien" | "home")
            || l(te) == "of" && l(te + 1) == "privacy";
    }
    if w.starts_with("order") && t.event_type == EventType::Request {
        // The addressee, then "to" and a verb, within eight words.
        let Some(to) = (te..(te + 9).min(toks.len())).find(|&k| l(k) == "to") else {
            return true;
        };
        let verb_next = toks.get(to + 1).is_some_and(|n| {
            n.is_word()
                && !n.is_capitalized()
                && !DETERMINERS.contains(&n.lower.as_str())
                && !matches!(n.lower.as_str(), "a" | "an" | "be")
                && n.lower.parse::<f64>().is_err()
        });
        let addressee = passive
            || s
                .actors
                .iter()
                .any(|a| a.start >= te && a.end <= to)
            || (te..to).any(|k| toks[k].is_capitalized() || agent_plural(l(k)))
            // "ordered the newspaper to close": a definite body addressed ("a review to
            // determine" is a purpose, not an addressee).
            || matches!(l(te), "the" | "its" | "their" | "his" | "her");
        let broken = (te..to).any(|k| matches!(l(k), "," | ";" | ":" | "and" | "but"));
        return !(verb_next && addressee && !broken);
    }
    if w.starts_with("forc") && t.event_type == EventType::Coerce {
        let Some(out) = (te..(te + 9).min(toks.len())).find(|&k| l(k) == "out") else {
            return true;
        };
        let to_between = (te..out).any(|k| l(k) == "to");
        return passive || to_between || !(out == te || l(out + 1) == "of") || !state_subject();
    }
    // "a closed border", "an open border", "close to the border": a state, not an act.
    if t.objects.iter().any(|o| o == "borders") {
        let prev = if ts > 0 { l(ts - 1) } else { "" };
        return DETERMINERS.contains(&prev)
            || matches!(prev, "a" | "an")
            || matches!(l(te), "to" | "by" | "in");
    }
    if w.starts_with("allow") && t.event_type == EventType::Concede {
        return passive || !state_subject();
    }
    // "called Thursday on Arabs to unite": a day between "called" and "on" or "for" (the
    // two-word rows match the plain order); any other "called ... on" is no appeal ("called a
    // meeting on Monday").
    if matches!(w, "called" | "calls") && t.words.len() == 1 && t.event_type == EventType::Request {
        let day = |k: usize| {
            super::dates::weekday(l(k)).is_some() || matches!(l(k), "today" | "yesterday")
        };
        return !(day(te) && matches!(l(te + 1), "on" | "for"));
    }
    if w.starts_with("insist") && t.event_type == EventType::Request {
        return !insistence_is_demand(toks, te);
    }
    false
}

/// "insisted on talks", "insisted that the army must leave": insisting asks something of
/// someone only with "on" or a clause of obligation after it; "insisted the team played well"
/// holds a view and demands nothing.
fn insistence_is_demand(toks: &[Token], te: usize) -> bool {
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    matches!(l(te), "on" | "upon")
        || (te..(te + 14).min(toks.len()))
            .take_while(|&k| !matches!(l(k), "." | ";" | ":"))
            .any(|k| {
                matches!(l(k), "must" | "should" | "ought")
                    || l(k) == "to"
                        && matches!(l(k.saturating_sub(1)), "has" | "have" | "need" | "needs")
            })
}

/// The subject a verb at `ts` shares with the clause before it when only "but" or "and"
/// (and auxiliaries or adverbs: "but was still refusing") stand before the verb: the actor or
/// the country or town that opens the sentence (as its government). The first verb must
/// follow that subject directly, so an opening adverbial or a list is not taken for it.
fn shared_subject(
    toks: &[Token],
    ts: usize,
    ca: usize,
    actors: &[ActorMention],
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let k = skip_back(toks, ts, ca);
    if k <= ca + 1 || !matches!(toks[k - 1].lower.as_str(), "but" | "and") {
        return None;
    }
    let start = if matches!(toks[ca].lower.as_str(), "the" | "a" | "an") {
        ca + 1
    } else {
        ca
    };
    // "Four people were injured, and airlifted to hospitals": a bare participle after "and"
    // shares the first verb's passive auxiliary, so the subject is its patient.
    let passive_first = |end: usize| {
        (end..(end + 3).min(k)).any(|j| {
            matches!(
                toks[j].lower.as_str(),
                "was" | "were" | "been" | "being" | "is" | "are"
            )
        })
    };
    let bare_participle = k == ts && toks[ts].lower.ends_with("ed");
    // The subject is followed by its verb: a lower-case word that is not a joining word.
    let verb_follows = |end: usize| {
        !(bare_participle && passive_first(end))
            && toks.get(skip_forward(toks, end)).is_some_and(|t| {
                t.is_word()
                    && !t.is_capitalized()
                    && !matches!(t.lower.as_str(), "and" | "or" | "of" | "'s")
            })
    };
    // The subject's head may follow a few modifiers ("Syrian defence minister").
    if let Some(a) = actors.iter().find(|a| {
        a.start >= start
            && a.start <= start + 3
            && (start..a.start).all(|j| {
                (toks[j].is_word() || toks[j].lower == "'s")
                    && !NP_STOPS.contains(&toks[j].lower.as_str())
            })
            && !a.country_as_actor
            && a.end < k
    }) {
        return verb_follows(a.end).then(|| a.clone());
    }
    let p = places
        .iter()
        .find(|p| p.start == start && !p.demonym && p.end < k)?;
    if !matches!(
        p.location.precision,
        Precision::Country | Precision::Admin1 | Precision::Town
    ) || !verb_follows(p.end)
    {
        return None;
    }
    Some(place_as_actor(toks, p, text, true))
}

/// The first token at or after `k` that is not a word `subject_skip` passes over.
fn skip_forward(toks: &[Token], mut k: usize) -> usize {
    while k < toks.len() && subject_skip(toks[k].lower.as_str()) {
        k += 1;
    }
    k
}

/// An aside set between a subject and its verb: token range `[open, close)` (from its opening
/// comma, or its first word when it has no commas, to the token before the verb's slot), and
/// whether it names companions who act with the subject ("together with X") rather than a
/// comparison ("like most members").
#[derive(Clone, Copy)]
struct Aside {
    open: usize,
    close: usize,
    company: bool,
}

/// Verbs after which "to" and an infinitive continue the subject's verb phrase ("plans to
/// impose"): the subject stands before them.
const INTENT_VERBS: &[&str] = &[
    "plans",
    "plan",
    "planned",
    "intends",
    "intend",
    "intended",
    "decided",
    "decides",
    "wants",
    "want",
    "vowed",
    "vows",
    "agreed",
    "agrees",
    "refused",
    "refuses",
    "promised",
    "pledged",
    "threatened",
    "threatens",
    "is",
    "are",
    "was",
    "were",
];

/// The aside before verb `ts` in clause `ca..`: ", like/unlike ...," or ", together with /
/// along with / alongside / as well as ...," closed by a comma right before the verb (over
/// auxiliaries and "plans to"), or "along with" / "together with" with no commas ("Washington
/// along with its allies demanded"). The aside holds no clause (no reporting verb, pronoun or
/// subordinator) and no more than ten tokens.
fn aside_before_verb(toks: &[Token], ts: usize, ca: usize) -> Option<Aside> {
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let mut k = skip_back(toks, ts, ca);
    if k > ca + 1 && l(k - 1) == "to" && INTENT_VERBS.contains(&l(k - 2)) {
        k = skip_back(toks, k - 2, ca);
    }
    let company_at = |j: usize| {
        matches!(l(j), "together" | "along") && l(j + 1) == "with"
            || l(j) == "alongside"
            || l(j) == "as" && l(j + 1) == "well" && l(j + 2) == "as"
    };
    let clause_like = |j: usize| {
        NP_STOPS.contains(&l(j)) && !matches!(l(j), "and" | "its" | "their" | "his" | "her" | "our")
            || REPORTING_VERBS.contains(&l(j))
            || matches!(l(j), ";" | ":" | "\"")
    };
    if k > ca + 2 && l(k - 1) == "," {
        let close = k - 1;
        let open = (close.saturating_sub(11).max(ca)..close)
            .rev()
            .find(|&j| l(j) == ",")?;
        if open == ca || (open + 1..close).any(clause_like) {
            return None;
        }
        let company = company_at(open + 1);
        return (company || matches!(l(open + 1), "like" | "unlike")).then_some(Aside {
            open,
            close,
            company,
        });
    }
    // No commas: "along with" or "together with" a short noun phrase right before the verb.
    let open = (k.saturating_sub(6).max(ca + 1)..k.saturating_sub(2))
        .find(|&j| matches!(l(j), "together" | "along") && l(j + 1) == "with")?;
    if (open + 2..k).any(|j| !toks[j].is_word() || clause_like(j)) {
        return None;
    }
    Some(Aside {
        open,
        close: k,
        company: true,
    })
}

/// The subject ending right before token `end` (an aside's opening, a reporting verb; over
/// auxiliaries and time words): a lexicon actor, else a country or town standing for its
/// government, else (when `phrase`, as for statements) the written noun phrase.
fn subject_ending_at(
    toks: &[Token],
    end: usize,
    ca: usize,
    actors: &[ActorMention],
    places: &[PlaceRef],
    text: &str,
    phrase: bool,
) -> Option<ActorMention> {
    let k = skip_back(toks, end, ca);
    if let Some(a) = actors.iter().find(|a| a.end == k && a.start >= ca) {
        return Some(a.clone());
    }
    subject_place(toks, end, ca, places, text).or_else(|| {
        phrase
            .then(|| subject_phrase(toks, end, ca, text))
            .flatten()
    })
}

/// A rejection stated as a predicate of its matter ("a deal is out of the question"): the
/// words before the copula name what is rejected, not who rejects.
fn predicate_rejection(toks: &[Token], ts: usize, t: &Trigger) -> bool {
    if t.event_type != EventType::Reject || t.words.first().is_none_or(|w| w != "out") {
        return false;
    }
    let mut k = ts;
    while k > 0
        && matches!(
            toks[k - 1].lower.as_str(),
            "currently" | "now" | "still" | "simply" | "completely" | "totally" | "absolutely"
        )
    {
        k -= 1;
    }
    k > 0
        && matches!(
            toks[k - 1].lower.as_str(),
            "is" | "was" | "are" | "were" | "be" | "remains" | "remained"
        )
}

/// The speaker of the reporting verb nearest before `ts` in its clause ("US officials said
/// ...").
fn speaker_before(
    toks: &[Token],
    ts: usize,
    ca: usize,
    actors: &[ActorMention],
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let verb = (ca..ts)
        .rev()
        .find(|&k| REPORTING_VERBS.contains(&toks[k].lower.as_str()))?;
    subject_ending_at(toks, verb, ca, actors, places, text, true)
}

/// Nouns of wrongdoing whose doer an accusation or inquiry targets ("crimes by X").
const MISDEEDS: &[&str] = &[
    "abuses",
    "atrocities",
    "corruption",
    "crimes",
    "fraud",
    "killings",
    "massacre",
    "massacres",
    "misconduct",
    "torture",
    "violations",
    "wrongdoing",
];

/// Nouns and prepositions that take a following "by X" for themselves, so X is not the agent
/// of a trigger before them ("an allegation by X", "despite pressure by X").
const NOUNS_OWNING_BY: &[&str] = &[
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "claim",
    "claims",
    "pressure",
    "despite",
    "amid",
];

/// What a reply answers: proposals, requests, calls and offers.
const PROPOSAL_HEADS: &[&str] = &[
    "appeal",
    "appeals",
    "bid",
    "call",
    "calls",
    "changes",
    "demand",
    "demands",
    "initiative",
    "invitation",
    "offer",
    "offers",
    "overture",
    "overtures",
    "plan",
    "proposal",
    "proposals",
    "request",
    "requests",
    "suggestion",
    "ultimatum",
];

/// The party that made the proposal in the object of a reply verb ending at `te`: a modifier
/// before the proposal word ("an Indian proposal", "a U.S. request", "Moscow's offer") or the
/// party after "by"/"from" ("calls by the envoy", "an offer from Kabul").
fn proposal_owner(
    toks: &[Token],
    te: usize,
    cb: usize,
    actors: &[ActorMention],
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let head = (te..cb.min(te + 6))
        .take_while(|&k| toks[k].is_word() || toks[k].text == "'s" || toks[k].text == "-")
        .find(|&k| PROPOSAL_HEADS.contains(&toks[k].lower.as_str()))?;
    let place_mention = |p: &PlaceRef| place_as_actor(toks, p, text, true);
    let before = actors
        .iter()
        .filter(|a| a.start >= te && a.end <= head)
        .max_by_key(|a| a.start)
        .cloned()
        .or_else(|| {
            places
                .iter()
                .filter(|p| p.start >= te && p.end <= head)
                .max_by_key(|p| p.start)
                .map(place_mention)
        });
    if before.is_some() {
        return before;
    }
    if !matches!(
        toks.get(head + 1).map(|t| t.lower.as_str()),
        Some("by" | "from")
    ) {
        return None;
    }
    let mut at = head + 2;
    if toks.get(at).is_some_and(|t| t.lower == "the") {
        at += 1;
    }
    actors
        .iter()
        .find(|a| (head + 2..=at).contains(&a.start) && at < a.end)
        .cloned()
        .or_else(|| places.iter().find(|p| p.start == at).map(place_mention))
        // A name no lexicon entry covers ("calls by Jane Roe, the envoy").
        .or_else(|| object_phrase(toks, at, cb, actors, text))
}

/// Day and month names (full or abbreviated, as the date reader knows them).
/// Armed groups who seize people abduct them; authorities detain them.
fn take_people(m: &mut Mention, by_armed_non_state: bool) {
    if by_armed_non_state {
        m.event_type = EventType::Assault;
        m.mode = Some("abduct".into());
    } else {
        m.mode = Some("arrest".into());
    }
}

/// "He was captured in May", "Ocalan was seized in Nairobi", "agents captured him": a person
/// taken is a detention or an abduction, whatever else the sentence says; without a person the
/// verb has common other senses ("captured three wickets", "captured the public mood").
fn person_taken(toks: &[Token], ts: usize, te: usize) -> bool {
    let l = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    if !matches!(l(ts), "captured" | "seized" | "capture" | "seize") {
        return false;
    }
    // "captured her first title": "her" before a noun is a possessive, not the person taken.
    let after_her = l(te + 1);
    if matches!(l(te), "him" | "them")
        || l(te) == "her"
            && (after_her.is_empty()
                || !toks[te + 1].is_word()
                || matches!(
                    after_her,
                    "in" | "at"
                        | "on"
                        | "near"
                        | "from"
                        | "after"
                        | "during"
                        | "outside"
                        | "and"
                        | "as"
                        | "when"
                        | "while"
                        | "last"
                        | "yesterday"
                ))
    {
        return true;
    }
    // Passive with a person as subject: "He was (finally) captured", "Santacruz was captured".
    let mut k = ts;
    if k > 0 && l(k - 1).ends_with("ly") {
        k -= 1;
    }
    if k < 2 || !matches!(l(k - 1), "was" | "were" | "been") {
        return false;
    }
    let subject = &toks[k - 2];
    matches!(subject.lower.as_str(), "he" | "she" | "they")
        || subject.is_capitalized() && !is_stopword(&subject.lower) && k - 2 > 0
}

fn is_date_word(w: &str) -> bool {
    super::dates::weekday(w).is_some() || super::dates::month_number(w).is_some()
}

fn phrase_mention(toks: &[Token], start: usize, end: usize, text: &str) -> ActorMention {
    let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
    ActorMention {
        start,
        end,
        span,
        text: span.slice(text).to_string(),
        name: None,
        kind: ActorKind::Unknown,
        country: None,
        group: None,
        country_as_actor: false,
        person: false,
    }
}

/// Whether token `k` joins two separate happenings told side by side in one sentence:
/// "even as", "meanwhile", "whereas" and a comma before "while" ("one man was stabbed even as
/// police fired tear gas elsewhere") contrast or pair events rather than tell one.
fn joins_side_by_side(toks: &[Token], k: usize) -> bool {
    let prev = if k > 0 {
        toks[k - 1].lower.as_str()
    } else {
        ""
    };
    match toks[k].lower.as_str() {
        "as" => prev == "even",
        "while" => prev == ",",
        "meanwhile" | "whereas" => k > 0,
        _ => false,
    }
}

/// The side-by-side part of the sentence token `i` lies in (0 before the first joint).
fn segment_of(toks: &[Token], i: usize) -> usize {
    (0..i.min(toks.len()))
        .filter(|&k| joins_side_by_side(toks, k))
        .count()
}

/// Verbs whose object names the happening their subject carries out ("militants launched an
/// attack", "the union staged a protest", "police took part in the killings").
const SUPPORT_VERBS: &[&str] = &[
    "launched",
    "launch",
    "launches",
    "launching",
    "carried",
    "carry",
    "carries",
    "carrying",
    "conducted",
    "conduct",
    "conducts",
    "staged",
    "stage",
    "stages",
    "mounted",
    "mounts",
    "committed",
    "commits",
    "perpetrated",
    "unleashed",
    "organised",
    "organized",
    "held",
    "holds",
    "led",
    "leads",
    "helped",
    "participated",
    "joined",
    "took",
    "began",
    "begun",
    "begins",
    "started",
    "starts",
    "continued",
    "continues",
    "called",
    "declared",
    // Restrictions are imposed, kept or tightened by whoever holds power ("imposed a
    // curfew", "will extend the curfew").
    "imposed",
    "imposes",
    "impose",
    "imposing",
    "reimposed",
    "enforced",
    "extended",
    "extend",
    "extends",
    "tightened",
    "tighten",
    "tightens",
    // Pace and strength ("stepped up its attacks", "speeded up the withdrawal").
    "stepped",
    "steps",
    "speeded",
    "sped",
    "accelerated",
    "intensified",
    "escalated",
];

/// Verbs that state, or state again, the statement their object noun names ("reiterated its
/// demand", "renewed their call", "issued a warning", "made an appeal"): the subject is the
/// one who demands, calls or warns. Used for nouns of verbal event types only: with a physical
/// happening ("repeated attacks", "made arrests") most of them describe, not carry out.
const RESTATE_VERBS: &[&str] = &[
    "reiterated",
    "reiterates",
    "repeated",
    "repeats",
    "renewed",
    "renews",
    "restated",
    "issued",
    "issues",
    "voiced",
    "voices",
    "made",
    "makes",
    "gave",
    "gives",
    "extended",
    "extends",
    "opened",
    "opens",
    "completed",
    "completes",
];

/// The subject of a support verb governing a noun trigger: walks back from the trigger over
/// its determiners and modifiers ("a deadly", "out a series of") to the verb, then takes the
/// nearest actor before the verb in the same clause. `verbal`: the noun names a statement, so
/// `RESTATE_VERBS` carry it too.
fn support_verb_subject<'a>(
    toks: &[Token],
    ts: usize,
    verbal: bool,
    cands: &[&'a ActorMention],
    rel: &[(usize, usize)],
) -> Option<&'a ActorMention> {
    let verb = support_verb_at(toks, ts, verbal)?;
    cands
        .iter()
        .rev()
        .find(|a| a.end <= verb && !in_rel_range(rel, a.start))
        .filter(|a| {
            !(a.end..verb)
                .any(|j| CLAUSE_BREAKS.contains(&toks[j].lower.as_str()) && !in_rel_range(rel, j))
        })
        .copied()
}

/// The organisation named right after "from" following a withdrawal trigger ending at `te`
/// ("withdrew from ECOWAS", "pulled out from the bloc").
fn organisation_left<'a>(
    toks: &[Token],
    te: usize,
    actors: &'a [ActorMention],
) -> Option<&'a ActorMention> {
    let l = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
    (te..(te + 3).min(toks.len()))
        .filter(|&k| l(k) == "from")
        .find_map(|k| {
            actors.iter().find(|a| {
                a.kind == ActorKind::Organisation
                    && (a.start == k + 1 || (a.start == k + 2 && l(k + 1) == "the"))
            })
        })
}

/// Verbs by which a party claims, orders or announces an act of its own that their object
/// noun names ("the army claimed the killing of 14 insurgents", "prosecutors ordered the
/// arrest of X", "the minister announced the deployment of troops").
const OWN_ACT_VERBS: &[&str] = &[
    "claimed",
    "claims",
    "claiming",
    "ordered",
    "orders",
    "ordering",
    "announced",
    "announces",
    "announcing",
    "authorised",
    "authorized",
    "approved",
];

/// The subject of an `OWN_ACT_VERBS` verb right before the noun trigger at `ts` (an article or
/// possessive may stand between): it did what the noun names. A death announced is news the
/// victims' side often gives ("the group announced the killing of its commander"), so an
/// announcement names no doer of an attack; a claim or an order does. The subject of "claimed"
/// or "announced" is read as a source of what follows, so it is looked for among all actors
/// of the clause (from `ca`), as for a speaker's pronoun.
fn own_act_subject<'a>(
    toks: &[Token],
    ts: usize,
    event_type: EventType,
    actors: &'a [ActorMention],
    ca: usize,
    rel: &[(usize, usize)],
) -> Option<&'a ActorMention> {
    let l = |i: usize| toks[i].lower.as_str();
    let mut verb = ts.checked_sub(1)?;
    if DETERMINERS.contains(&l(verb)) || matches!(l(verb), "a" | "an") {
        verb = verb.checked_sub(1)?;
    }
    if !OWN_ACT_VERBS.contains(&l(verb))
        || (l(verb).starts_with("announc") && event_type == EventType::Assault)
    {
        return None;
    }
    actors
        .iter()
        .rev()
        .find(|a| a.start >= ca && a.end <= verb && !in_rel_range(rel, a.start))
        .filter(|a| !(a.end..verb).any(|j| CLAUSE_BREAKS.contains(&l(j)) && !in_rel_range(rel, j)))
}

/// A state force written as "in/under <force> custody" ("in Syrian police custody"): the
/// body that holds the people the sentence is about.
fn custodian<'a>(toks: &[Token], actors: &'a [ActorMention]) -> Option<&'a ActorMention> {
    actors.iter().find(|a| {
        a.start > 0
            && a.kind == ActorKind::StateForces
            && matches!(toks[a.start - 1].lower.as_str(), "in" | "under")
            && toks.get(a.end).is_some_and(|t| t.lower == "custody")
    })
}

/// "unless" after the trigger in its sentence (before a semicolon or colon): the act is made
/// to depend on what another party does.
fn conditioned_by_unless(toks: &[Token], te: usize) -> bool {
    toks[te.min(toks.len())..]
        .iter()
        .take_while(|t| !matches!(t.lower.as_str(), ";" | ":"))
        .any(|t| t.lower == "unless")
}

/// The verb carrying the noun trigger at `ts` ("extend the curfew") follows "will", "would"
/// or "shall": the restriction is announced for the future, not yet in force.
fn future_support_verb(toks: &[Token], ts: usize) -> bool {
    support_verb_at(toks, ts, false)
        .is_some_and(|v| v > 0 && matches!(toks[v - 1].lower.as_str(), "will" | "would" | "shall"))
}

/// `a` stands right before "and" and the verb at `ts`, and right after another trigger verb
/// (past a count or an article): it is that verb's object ("killed one soldier and wounded two
/// others", "arrested five men and charged them").
fn object_of_previous_verb(
    lex: &Lexicon,
    toks: &[Token],
    a: &ActorMention,
    ts: usize,
    ca: usize,
) -> bool {
    let k = skip_back(toks, ts, ca);
    if k == 0 || toks[k - 1].lower != "and" || a.end + 1 != k {
        return false;
    }
    (a.start.saturating_sub(5)..a.start).any(|j| {
        trigger_at(lex, toks, j).is_some_and(|t| {
            let mut m = j + t.words.len();
            if let Some(q) = quantity_at(toks, m).filter(|q| q.end <= a.start) {
                m = q.end;
            }
            while m < a.start
                && (DETERMINERS.contains(&toks[m].lower.as_str())
                    || matches!(toks[m].lower.as_str(), "a" | "an"))
            {
                m += 1;
            }
            m == a.start
        })
    })
}

/// A preposition between an auxiliary and the trigger ("were engaged in attacks", "was
/// involved in the bombing"): the auxiliary belongs to another verb and the trigger is its
/// object, so the subject is no patient of the trigger.
fn preposition_between(toks: &[Token], aux: usize, ts: usize) -> bool {
    (aux + 1..ts).any(|m| matches!(toks[m].lower.as_str(), "in" | "into" | "of" | "behind"))
}

/// A verb-form trigger that heads a noun phrase after an article and lower-case modifiers
/// ("killed in a car bomb explosion", "a suicide car bombing"): the words before it modify
/// it, so the subject of the sentence is not its doer. A past form ("the group bombed") or a
/// word inside an actor ("the rebels attack") keeps the verb reading, and so does a statement's
/// -ing form, which after a noun is a participle ("a declaration demanding that ...").
fn noun_after_modifiers(toks: &[Token], ts: usize, t: &Trigger, actors: &[ActorMention]) -> bool {
    let w0 = t.words[0].as_str();
    if w0.ends_with("ed")
        || (w0.ends_with("ing") && is_verbal_type(t.event_type))
        || matches!(
            w0,
            "shot" | "struck" | "fought" | "beat" | "beaten" | "blew" | "hit" | "burnt"
        )
    {
        return false;
    }
    (ts.saturating_sub(3)..ts.saturating_sub(1))
        .find(|&k| matches!(toks[k].lower.as_str(), "a" | "an" | "the"))
        .is_some_and(|k| {
            (k + 1..ts).all(|m| {
                toks[m].is_word()
                    && !toks[m].is_capitalized()
                    && !actors.iter().any(|a| m >= a.start && m < a.end)
            })
        })
}

/// The support verb governing the noun trigger at `ts` ("staged a protest", "carried out a
/// series of attacks"): walks back over determiners and modifiers to the verb. `verbal`: a
/// statement noun, which `RESTATE_VERBS` also carry.
fn support_verb_at(toks: &[Token], ts: usize, verbal: bool) -> Option<usize> {
    let supports = |w: &str| SUPPORT_VERBS.contains(&w) || verbal && RESTATE_VERBS.contains(&w);
    let mut k = ts;
    let mut steps = 0;
    while k > 0 && steps < 5 {
        let w = toks[k - 1].lower.as_str();
        if supports(w) {
            break;
        }
        if w == "for" {
            return gathered_for(toks, k);
        }
        // One free modifier may stand right before the noun after an article ("mounted its
        // long-threatened invasion", "opened a landmark hearing").
        let free_modifier = steps == 0
            && k >= 2
            && toks[k - 1].is_word()
            && !toks[k - 1].is_capitalized()
            && (DETERMINERS.contains(&toks[k - 2].lower.as_str())
                || matches!(toks[k - 2].lower.as_str(), "a" | "an"));
        // Only articles, modifiers and the verb's particles may stand between verb and noun.
        if !(free_modifier
            || DETERMINERS.contains(&w)
            || matches!(
                w,
                "a" | "an"
                    | "out"
                    | "in"
                    | "up"
                    | "part"
                    | "series"
                    | "wave"
                    | "of"
                    | "new"
                    | "fresh"
                    | "deadly"
                    | "major"
                    | "large"
                    | "joint"
                    | "two"
                    | "several"
            ))
        {
            return None;
        }
        k -= 1;
        steps += 1;
    }
    if k == 0 || !supports(toks[k - 1].lower.as_str()) {
        return None;
    }
    let verb = k - 1;
    // "took" supports only "took part in"; "stepped", "speeded" only with "up".
    if toks[verb].lower == "took" && toks.get(verb + 1).is_none_or(|t| t.lower != "part") {
        return None;
    }
    if matches!(
        toks[verb].lower.as_str(),
        "stepped" | "steps" | "speeded" | "sped"
    ) && toks.get(verb + 1).is_none_or(|t| t.lower != "up")
    {
        return None;
    }
    Some(verb)
}

/// Verbs of a crowd coming together: those who gather "for" a rally or talks hold them.
const GATHERING_VERBS: &[&str] = &[
    "gathered",
    "gather",
    "gathers",
    "gathering",
    "converged",
    "converge",
    "converges",
    "converging",
    "massed",
    "assembled",
    "assembling",
];

/// The verb of gathering before "for" at `k - 1`, the noun's determiners already
/// skipped: "were converging Thursday for a rally", "gathered in the square for a protest" (a
/// place or day may stand between the verb and "for").
fn gathered_for(toks: &[Token], k: usize) -> Option<usize> {
    if k == 0 || toks[k - 1].lower != "for" {
        return None;
    }
    (k.saturating_sub(6)..k - 1)
        .rev()
        .take_while(|&j| toks[j].is_word())
        .find(|&j| GATHERING_VERBS.contains(&toks[j].lower.as_str()))
}

/// The event type a count field belongs to.
fn count_owner(field: &str) -> Option<EventType> {
    Some(match field {
        "killed" | "injured" | "abducted" | "displaced" => EventType::Assault,
        "arrested" | "deported" => EventType::Coerce,
        "participants" => EventType::Protest,
        "released" => EventType::Retreat,
        "rescued" => EventType::Aid,
        _ => return None,
    })
}

/// Words between a locative preposition and its place that keep the place governed by it: an
/// article or an area adjective ("in the West Bank", "in southern Lebanon", "in suburban X").
const PLACE_PREMODIFIERS: &[&str] = &[
    "the",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "suburban",
    "downtown",
    "rural",
];
/// Compass words that make "<direction> of X" a distance or bearing from X.
const BEARINGS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];
/// Nouns for a settlement or site that "near X" places relative to X ("a village near X").
const SITE_NOUNS: &[&str] = &[
    "town", "village", "city", "camp", "area", "district", "suburb", "base", "hamlet",
];

/// Words after a possessor place that show the "owned" place is an institution's name ("Mecca's
/// Al-Nur hospital"), so the possessor is the place.
const FACILITY_NOUNS: &[&str] = &[
    "hospital",
    "mosque",
    "school",
    "university",
    "prison",
    "church",
    "hotel",
    "market",
    "stadium",
    "airport",
    "camp",
];

/// How likely a place of the clause is the event's own place, best first:
/// 0 = governed by a locative preposition ("in X", "in southern X", "at the X"), or the place
///     a governed possessor owns ("in Iraq's northern Nineveh province");
/// 1 = no preposition (subject, object), or a reference point: the bearing of a distance ("20
///     km north of X", "a town near X"), which places the event away from X;
/// 2 = a possessor that owns another named place ("Yemen's capital Sanaa", "Miami's Little
///     Havana neighborhood"): the owned place is the finer one where it happened;
/// 3 = an origin ("a police officer from X", "one from X and one from Y"): where someone came
///     from, not where the event is.
/// Only the order between places of one clause matters; a lone place stays the location.
fn place_role(toks: &[Token], places: &[PlaceRef], p: &PlaceRef) -> u8 {
    let l = |k: usize| toks.get(k).map(|t| t.lower.as_str()).unwrap_or("");
    // "marched through X", "captured along X's border": a path is a place of the act too.
    let is_prep = |w: &str| LOCATION_PREPS.contains(&w) || matches!(w, "through" | "along");
    // The preposition before token `k`, looking past an article and an area adjective.
    let prep_before = |k: usize| -> Option<&str> {
        let mut j = k;
        while j > 0 && k - j < 2 && PLACE_PREMODIFIERS.contains(&l(j - 1)) {
            j -= 1;
        }
        if j == 0 || !is_prep(l(j - 1)) {
            return None;
        }
        // "from the southern city of X": the place noun's "of" belongs to a phrase led by
        // "from", an origin like "from X".
        if l(j - 1) == "of" && j >= 2 && PLACE_NOUNS.contains(&l(j - 2)) {
            let mut m = j - 2;
            while m > 0 && j - 2 - m < 4 && toks[m - 1].is_word() && !is_prep(l(m - 1)) {
                m -= 1;
            }
            if m > 0 && l(m - 1) == "from" {
                return Some("from");
            }
        }
        // "a task force based in X": where a party is based, not where it acts.
        if j >= 2 && l(j - 1) == "in" && matches!(l(j - 2), "based" | "headquartered") {
            return Some("from");
        }
        // "from outside the United States", "from across the border": a compound preposition
        // led by "from" still names where someone came from.
        Some(if j >= 2 && l(j - 2) == "from" {
            "from"
        } else {
            l(j - 1)
        })
    };
    // "X's [words] Y": Y a named place within four words of "'s", with neither punctuation nor
    // a preposition between ("Zaire's border with Rwanda" names two sides, not a part).
    let possesses = |owner: &PlaceRef, owned: &PlaceRef| {
        l(owner.end) == "'s"
            && owned.start > owner.end
            && owned.start <= owner.end + 5
            && (owner.end + 1..owned.start).all(|k| {
                toks[k].lower.chars().any(char::is_alphanumeric)
                    && !matches!(
                        l(k),
                        "with" | "and" | "or" | "to" | "from" | "by" | "in" | "on" | "at"
                    )
            })
            && !FACILITY_NOUNS.contains(&l(owned.end))
    };
    let bearing = p.start >= 2
        && (l(p.start - 1) == "of" && BEARINGS.contains(&l(p.start - 2))
            || l(p.start - 1) == "near" && SITE_NOUNS.contains(&l(p.start - 2)));
    if bearing {
        return 1;
    }
    if places.iter().any(|q| !q.demonym && possesses(p, q)) {
        return 2;
    }
    // "the Zakho district of northern Dahuk": the named area is part of the place after "of",
    // and the finer one. Not "the Syria province of Daraa": a country names no part.
    if places.iter().any(|q| {
        !q.demonym
            && q.end + 1 < p.start
            && AREA_NOUNS.contains(&l(q.end))
            && l(q.end + 1) == "of"
            && (q.end + 2..p.start).all(|k| PLACE_PREMODIFIERS.contains(&l(k)))
            && q.location.precision != Precision::Country
    }) {
        return 2;
    }
    match prep_before(p.start) {
        Some("from") => 3,
        Some(_) => 0,
        None if places
            .iter()
            .any(|q| possesses(q, p) && prep_before(q.start).is_some_and(|w| w != "from")) =>
        {
            0
        }
        // "the X prison in northern Y": a bare town followed by a noun and a wider place it
        // lies in is where the act is, as if governed by the wider place's preposition.
        None if places.iter().any(|q| {
            !q.demonym
                && q.start > p.end + 1
                && q.start <= p.end + 5
                && matches!(q.location.precision, Precision::Country | Precision::Admin1)
                && p.location.precision.rank() < q.location.precision.rank()
                && p.location.country.is_some()
                && p.location.country == q.location.country
                && (q.location.precision == Precision::Country
                    || q.location.admin1 == p.location.admin1)
                && prep_before(q.start)
                    .is_some_and(|w| matches!(w, "in" | "of" | "near" | "outside"))
                // A noun follows the town: "the road to X in Y" names Y's X as a destination.
                && !is_prep(l(p.end))
                && (p.end..q.start).all(|k| toks[k].is_word() && !toks[k].is_capitalized())
        }) =>
        {
            0
        }
        None => 1,
    }
}

/// Whether a place is what a verb trigger acts on, its object ("captured Kabul", "patrolling
/// the Persian Gulf", "shelled the town of X", "patrolled Indonesia's Ambon city": the owned
/// place, not its owner). Such a place is where the act happened as surely as one after "in",
/// and nearer to it than a place in a later phrase ("since the invasion of Kuwait").
fn place_acted_on(toks: &[Token], p: &PlaceRef, te: usize) -> bool {
    let l = |k: usize| toks.get(k).map(|t| t.lower.as_str()).unwrap_or("");
    // Words between a verb and its object place: articles, adjectives, numbers, an owner place
    // with its "'s" and the place noun's "of" ("the key town of"). A preposition, a clause
    // word, punctuation or a person's possessive ("his Mercedes": a thing, not a place) ends it.
    p.start >= te
        && p.start <= te + 5
        && l(p.end) != "'s"
        && (te..p.start).all(|k| {
            (toks[k].is_word() || l(k) == "'s")
                && !matches!(
                    l(k),
                    "in" | "at"
                        | "near"
                        | "on"
                        | "to"
                        | "into"
                        | "from"
                        | "by"
                        | "with"
                        | "for"
                        | "against"
                        | "over"
                        | "outside"
                        | "inside"
                        | "across"
                        | "around"
                        | "through"
                        | "throughout"
                        | "along"
                        | "toward"
                        | "towards"
                        | "between"
                        | "off"
                        | "under"
                        | "past"
                        | "beyond"
                        | "behind"
                        | "within"
                        | "via"
                        | "amid"
                        | "after"
                        | "before"
                        | "since"
                        | "during"
                        | "and"
                        | "or"
                        | "that"
                        | "which"
                        | "who"
                        | "while"
                        | "as"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "my"
                        | "our"
                        | "your"
                )
        })
}

/// Whether a place is where a report about the event was given, in an attribution after it
/// (", killing 20 people, relief officials in Nairobi said"): the teller's place, which
/// ranks with an origin, behind any place of the act itself.
fn told_from(toks: &[Token], p: &PlaceRef, ts: usize) -> bool {
    let l = |k: usize| toks.get(k).map(|t| t.lower.as_str()).unwrap_or("");
    p.start >= 2
        && ts < p.start
        && matches!(l(p.start - 1), "in" | "at")
        && matches!(
            l(p.end),
            "said" | "says" | "told" | "reported" | "added" | "stated"
        )
        && (ts..p.start).any(|k| l(k) == ",")
}

/// Singular nouns for a person that "from X" after them describes ("a young man from X", "a
/// councillor from X"); plural groups are read from the sentence's actor mentions.
const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "youth",
    "native",
    "resident",
    "citizen",
    "national",
    "councilor",
    "councillor",
    "functionary",
    "official",
    "officer",
    "member",
    "leader",
    "worker",
    "student",
    "businessman",
    "trader",
    "farmer",
    "activist",
    "journalist",
    "tourist",
    "pilgrim",
];

/// Whether a place names a party to the event rather than where it happened: the agent of a
/// passive ("captured by Iran", "a group supported by Turkey"), the side acted against
/// ("protested against Israel"), or where a person comes from ("a councillor from X was
/// killed", "fighters from X attacked"), and the places listed with such a one ("by Iran and
/// Iraq"). Such a place is no candidate for the event's place, nor for the story's; a place
/// one travels from ("marched from X to Y", "fired from X") stays one.
fn names_a_party(
    toks: &[Token],
    actors: &[ActorMention],
    places: &[PlaceRef],
    p: &PlaceRef,
) -> bool {
    let l = |k: usize| toks.get(k).map(|t| t.lower.as_str()).unwrap_or("");
    let lead = if p.start > 0 && l(p.start - 1) == "the" {
        p.start - 1
    } else {
        p.start
    };
    if lead == 0 {
        return false;
    }
    match l(lead - 1) {
        "and" | "or" | "," => places
            .iter()
            .find(|q| q.end + 1 == lead)
            .is_some_and(|q| names_a_party(toks, actors, places, q)),
        "by" | "against" => true,
        "from" => {
            let before = lead - 1;
            before > 0
                && (PERSON_NOUNS.contains(&l(before - 1))
                    || actors
                        .iter()
                        .any(|a| a.end == before && !a.country_as_actor))
        }
        _ => false,
    }
}

/// Area nouns after a named place that make it part of the place named after "of" ("the X
/// region of Y").
const AREA_NOUNS: &[&str] = &[
    "region",
    "area",
    "district",
    "sector",
    "province",
    "governorate",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "suburb",
    "county",
    "township",
    "valley",
];

/// Verbs that tell a statement, for the date that stands with them.
const SAYING_VERBS: &[&str] = &[
    "said",
    "says",
    "saying",
    "told",
    "announced",
    "announcing",
    "reported",
    "confirmed",
    "confirming",
    "stated",
    "added",
];

/// "Officials said on Friday that police had arrested ...", "... the strike, announcing on
/// Friday that ...": a date right after a verb of saying tells when it was said, not when
/// the happening it reports took place. A party telling of its own act ("said on Saturday
/// that it had killed ...") is the exception: the announcement is the best date the story
/// gives for it.
fn dates_the_saying(toks: &[Token], start: usize, end: usize, trigger: usize) -> bool {
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let Some(verb) = (start.saturating_sub(4)..start)
        .rev()
        .find(|&k| SAYING_VERBS.contains(&l(k)))
    else {
        return false;
    };
    // "said Friday's attack ...": a possessive date names the happening after it.
    if (verb + 1..start).any(|k| CLAUSE_BREAKS.contains(&l(k)) || l(k) == ".")
        || (verb..end).contains(&trigger)
        || l(end) == "'s"
    {
        return false;
    }
    let subject = if l(end) == "that" { end + 1 } else { end };
    !(trigger > end && matches!(l(subject), "it" | "they" | "we" | "he" | "she"))
}

fn in_rel_range(rel: &[(usize, usize)], i: usize) -> bool {
    rel.iter().any(|&(a, b)| i >= a && i < b)
}

fn find_duration(toks: &[Token], a: usize, b: usize, text: &str) -> Option<Duration> {
    // "a four-hour standoff", "a 12-hour siege".
    for t in &toks[a..b] {
        if let Some((n, unit)) = t.lower.split_once('-') {
            let mult = match unit.trim_end_matches("-long") {
                "minute" => 1,
                "hour" => 60,
                "day" => 1440,
                _ => continue,
            };
            let value = n.parse::<u64>().ok().or_else(|| {
                let one = tokenize(n, 0);
                quantity_at(&one, 0).and_then(|q| q.low.filter(|_| q.low == q.high))
            });
            if let Some(v) = value {
                return Some(Duration {
                    low_minutes: Some(v * mult),
                    high_minutes: Some(v * mult),
                    text: Some(t.span.slice(text).to_string()),
                });
            }
        }
    }
    for i in a..b {
        if matches!(
            toks[i].lower.as_str(),
            "lasted" | "lasting" | "lasts" | "for"
        ) {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|t| t.lower == "for") {
                j += 1;
            }
            let q = quantity_at(toks, j)?;
            let unit = toks.get(q.end)?.lower.as_str();
            let mult = match unit {
                "minute" | "minutes" => 1,
                "hour" | "hours" => 60,
                "day" | "days" => 1440,
                _ => {
                    if toks[i].lower == "for" {
                        continue;
                    }
                    return None;
                }
            };
            if toks[i].lower == "for"
                && !(i > 0 && matches!(toks[i - 1].lower.as_str(), "continued" | "raged" | "went"))
            {
                continue;
            }
            let span = Span::new(toks[i].span.start, toks[q.end].span.end);
            return Some(Duration {
                low_minutes: q.low.map(|v| v * mult),
                high_minutes: q.high.map(|v| v * mult),
                text: Some(span.slice(text).to_string()),
            });
        }
    }
    None
}

fn same_place(a: &Location, b: &Location) -> bool {
    if a.geonames_id.is_some() && a.geonames_id == b.geonames_id {
        return true;
    }
    match (a.precision, b.precision) {
        (Precision::Country, _) | (_, Precision::Country) => a.country == b.country,
        (Precision::Admin1, _) | (_, Precision::Admin1) => {
            a.country == b.country
                && (a.admin1 == b.admin1 || a.admin1.is_none() || b.admin1.is_none())
        }
        _ => a.name == b.name && a.country == b.country,
    }
}

fn named(actors: &[Actor], role: ActorRole) -> Vec<&str> {
    actors
        .iter()
        .filter(|a| a.role == role)
        .filter_map(|a| a.name.as_deref())
        .collect()
}

/// Whether two mentions can be the same happening.
fn compatible(a: &Mention, b: &Mention) -> bool {
    if a.event_type != b.event_type {
        return false;
    }
    // An inquiry and the allegation it looks into ("completed its investigation into an
    // allegation by X") are two acts by two parties: PLOVER keeps INVESTIGATE apart from
    // DISAPPROVE, though both map to ACCUSE here.
    let inquiry = |m: &Mention| m.mode.as_deref() == Some("investigate");
    if a.event_type == EventType::Accuse && inquiry(a) != inquiry(b) {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.location, &b.location) {
        if !same_place(x, y) {
            return false;
        }
    }
    if let (Some(x), Some(y)) = (&a.date, &b.date) {
        if x.precision == DatePrecision::Day
            && y.precision == DatePrecision::Day
            && x.start != y.start
        {
            return false;
        }
    }
    for role in [ActorRole::Actor, ActorRole::Recipient] {
        let (x, y) = (named(&a.actors, role), named(&b.actors, role));
        if !x.is_empty() && !y.is_empty() && !x.iter().any(|n| y.contains(n)) {
            // Same country's forces under different labels are the same side.
            let cx: Vec<_> = a
                .actors
                .iter()
                .filter(|r| r.role == role)
                .filter_map(|r| r.country.as_deref())
                .collect();
            let cy: Vec<_> = b
                .actors
                .iter()
                .filter(|r| r.role == role)
                .filter_map(|r| r.country.as_deref())
                .collect();
            let same_label = x
                .iter()
                .any(|n| y.iter().any(|m| n.ends_with(m) || m.ends_with(n)));
            let one_unplaced = cx.is_empty() || cy.is_empty();
            if !(one_unplaced && same_label)
                && (cx.is_empty() || !cx.iter().any(|c| cy.contains(c)))
            {
                return false;
            }
        }
    }
    true
}

fn absorb(into: &mut Mention, m: Mention) {
    // A statement's named speaker or addressee replaces an unnamed one in the same role ("the
    // ministry" told first, "Foreign Minister X" later): the name is the better reading.
    if is_verbal_type(into.event_type) {
        for role in [ActorRole::Actor, ActorRole::Recipient] {
            if !named(&m.actors, role).is_empty() && named(&into.actors, role).is_empty() {
                into.actors.retain(|a| a.role != role);
            }
        }
    }
    for a in m.actors {
        let dup = into.actors.iter().any(|x| {
            x.role == a.role
                && (x.name.is_some() && x.name == a.name
                    || x.country.is_some() && x.country == a.country && x.kind == a.kind)
        });
        let role_taken =
            a.role != ActorRole::Partner && into.actors.iter().any(|x| x.role == a.role);
        if !dup && !role_taken {
            into.actors.push(a);
        }
    }
    match (&into.location, &m.location) {
        (None, Some(_)) => into.location = m.location,
        (Some(x), Some(y)) if y.precision.rank() < x.precision.rank() && lies_within(y, x) => {
            into.location = m.location
        }
        _ => {}
    }
    match (&into.date, &m.date) {
        (None, Some(_)) => into.date = m.date,
        (Some(x), Some(y)) if (y.precision as u8) < (x.precision as u8) => into.date = m.date,
        _ => {}
    }
    if into.duration.is_none() {
        into.duration = m.duration;
    }
    for (f, c) in m.counts {
        match into.counts.iter_mut().find(|(g, _)| *g == f) {
            Some((_, old)) if c.low > old.low => *old = c,
            Some(_) => {}
            None => into.counts.push((f, c)),
        }
    }
    if into.mode.is_none() {
        into.mode = m.mode;
    }
    into.status = merge_status(into.status, m.status);
    into.hedges += m.hedges;
    for a in m.attribution {
        if !into.attribution.iter().any(|x| x.source == a.source) {
            into.attribution.push(a);
        }
    }
    if !into.evidence.quote.contains(&m.evidence.quote) && into.evidence.span != m.evidence.span {
        // Evidence lists are kept on the event; a mention carries one quote.
    }
}

/// Whether a finer place a retelling names can refine a coarser one already told: it must lie
/// inside it. A town 400 km outside the province first named belongs to something else the
/// retelling mentions ("the airstrike ... led to arrests in <town>"), not to the event.
fn lies_within(fine: &Location, coarse: &Location) -> bool {
    if let (Some(a), Some(b)) = (&fine.country, &coarse.country) {
        if a != b {
            return false;
        }
    }
    let km = match (fine.lat, fine.lon, coarse.lat, coarse.lon) {
        (Some(a), Some(b), Some(c), Some(d)) => Some(distance_km(a, b, c, d)),
        _ => None,
    };
    match coarse.precision {
        Precision::Country | Precision::Region | Precision::Unknown => true,
        Precision::Admin1 => match (
            &fine.admin1,
            coarse.admin1.as_ref().or(coarse.name.as_ref()),
        ) {
            (Some(a), Some(b)) => a == b,
            // Division centres are rough; 250 km takes in all but the largest divisions.
            _ => km.is_none_or(|km| km <= 250.0),
        },
        Precision::Admin2 | Precision::Town | Precision::Point => km.is_none_or(|km| km <= 60.0),
    }
}

fn merge_status(a: EventStatus, b: EventStatus) -> EventStatus {
    use EventStatus::*;
    let rank = |s: EventStatus| match s {
        Occurred => 0,
        Claimed => 1,
        Threatened | Planned => 2,
        Denied => 3,
        Background => 4,
        Hypothetical => 5,
        Negated => 6,
    };
    if rank(a) <= rank(b) {
        a
    } else {
        b
    }
}

struct Building {
    main: Mention,
    mentions: Vec<Mention>,
    evidence: Vec<Evidence>,
}

fn merge_and_finish(
    sentences: &[SentenceInput],
    mentions: Vec<Mention>,
    refs: &[(usize, usize, EventType)],
    lex: &Lexicon,
    ctx: &DocContext,
) -> Vec<Event> {
    let mut events: Vec<Building> = Vec::new();
    // (sentence, trigger token) -> event index
    let mut by_token: HashMap<(usize, usize), usize> = HashMap::new();
    for m in mentions {
        // "another five people", "additional arrests of seven": a count marked as further to
        // one already told is a separate happening even when the noun refers back ("the arrest").
        let fresh = m.counts.iter().any(|(_, c)| {
            c.span.is_some_and(|sp| {
                sentences
                    .iter()
                    .find(|s| s.index == m.sentence)
                    .is_some_and(|s| {
                        s.toks.iter().enumerate().any(|(k, t)| {
                            matches!(t.lower.as_str(), "another" | "additional" | "further")
                                && s.toks.get(k + 1).is_some_and(|n| n.span.start == sp.start)
                        })
                    })
            })
        });
        let target = events.iter().enumerate().rev().find(|(_, e)| {
            !kills_the_attackers(&e.main, &m, ctx.text)
            && (quoted_retelling(&e.main, &m)
                || same_person_killed(&e.mentions, &m)
                    && (m.status == EventStatus::Background)
                        == (e.main.status == EventStatus::Background)
                || compatible(&e.main, &m)
                && (m.anaphoric
                    || agents_retelling(&e.main, &m)
                    // A headline sums up the lead, not the background further down.
                    || (e.main.headline || m.headline)
                        && m.sentence <= 4
                        && (e.main.mode.is_none() || m.mode.is_none() || e.main.mode == m.mode)
                    || e.main.sentence == m.sentence && e.main.segment == m.segment
                    // A statement or policy act told again further down without a named actor
                    // ("the statement also urged ...") is the one already coded: news repeats
                    // what was said. Kept to verbal types: a second attack or arrest told without
                    // its actor is often a separate happening.
                    || is_verbal_type(m.event_type)
                        && !e.main.headline
                        && (e.main.mode.is_none() || m.mode.is_none() || e.main.mode == m.mode)
                        && (named(&m.actors, ActorRole::Actor).is_empty()
                            || named(&e.main.actors, ActorRole::Actor).is_empty())
                    || (e.main.mode.is_none() || m.mode.is_none() || e.main.mode == m.mode)
                        && !named(&m.actors, ActorRole::Actor).is_empty()
                        && named(&m.actors, ActorRole::Actor).iter().any(|n| named(&e.main.actors, ActorRole::Actor).contains(n)))
                // Separate counts of the same kind mean separate happenings, unless the text refers back.
                && (m.anaphoric && !fresh || !m.counts.iter().any(|(f, c)| e.main.counts.iter().any(|(g, d)| f == g && c.low != d.low)))
                && (m.status == EventStatus::Background) == (e.main.status == EventStatus::Background))
        });
        let key = (m.sentence, m.trig.0);
        match target {
            Some((idx, _)) => {
                let e = &mut events[idx];
                if !e.evidence.iter().any(|x| x.span == m.evidence.span) {
                    e.evidence.push(m.evidence.clone());
                }
                // A quoted retelling lends its words as evidence; its place, date and parties,
                // told loosely, do not override the ones already read.
                if compatible(&e.main, &m) || same_person_killed(&e.mentions, &m) {
                    absorb(&mut e.main, m.clone());
                } else {
                    // A toll is not told loosely: the quoted party's count of the dead or
                    // detained is the happening's, when none is read yet.
                    for (f, c) in &m.counts {
                        if !e.main.counts.iter().any(|(g, _)| g == f) {
                            e.main.counts.push((f.clone(), c.clone()));
                        }
                    }
                }
                e.mentions.push(m);
                by_token.insert(key, idx);
            }
            None => {
                by_token.insert(key, events.len());
                events.push(Building {
                    evidence: vec![m.evidence.clone()],
                    main: m.clone(),
                    mentions: vec![m],
                });
            }
        }
    }
    // Resolve every trigger-word reference to an event: its own mention, or the latest event of that type so far.
    let resolve =
        |sent: usize, tok: usize, t: EventType, events: &Vec<Building>| -> Option<usize> {
            if let Some(&e) = by_token.get(&(sent, tok)) {
                return Some(e);
            }
            events
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.main.event_type == t && e.mentions.iter().any(|m| m.sentence <= sent)
                })
                .map(|(i, _)| i)
                .next_back()
        };
    let mut relations: Vec<(usize, RelationKind, usize, String)> = Vec::new();
    for s in sentences {
        if s.class == SentenceClass::Furniture {
            continue;
        }
        let toks = &s.toks;
        let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
        let srefs: Vec<(usize, Option<usize>)> = refs
            .iter()
            .filter(|r| r.0 == s.index)
            .map(|r| (r.1, resolve(s.index, r.1, r.2, &events)))
            .collect();
        let before = |k: usize| srefs.iter().rev().find(|r| r.0 < k).and_then(|r| r.1);
        let after = |k: usize| srefs.iter().find(|r| r.0 > k).and_then(|r| r.1);
        for k in 0..toks.len() {
            let w = l(k);
            // "forces launched an operation after the blast": a deployment after an attack
            // responds to it.
            if matches!(w, "after" | "following") {
                if let (Some(b), Some(a)) = (before(k), after(k)) {
                    if a != b
                        && events[b].main.event_type == EventType::Mobilize
                        && events[a].main.event_type == EventType::Assault
                    {
                        relations.push((b, RelationKind::ResponseTo, a, w.to_string()));
                    }
                }
            }
            // "X claimed responsibility for the attack": X is the claimed perpetrator.
            if w == "claimed"
                && l(k + 1) == "responsibility"
                && !(k > 0 && matches!(l(k - 1), "no" | "not" | "n't"))
                && !(k > 1 && l(k - 2) == "no")
            {
                let claimant = s
                    .actors
                    .iter()
                    .rev()
                    .find(|a| a.end <= k && !a.country_as_actor);
                let target = after(k + 1).or_else(|| {
                    events.iter().rposition(|e| {
                        e.main.event_type == EventType::Assault
                            && e.mentions.iter().any(|m| m.sentence <= s.index)
                    })
                });
                if let (Some(c), Some(t)) = (claimant, target) {
                    if events[t].main.event_type == EventType::Assault {
                        let e = &mut events[t].main;
                        e.actors
                            .retain(|a| !(a.role == ActorRole::Actor && a.name.is_none()));
                        if !e.actors.iter().any(|a| a.role == ActorRole::Actor) {
                            e.actors
                                .insert(0, to_actor(c, ActorRole::Actor, EventType::Assault));
                        }
                        if !e
                            .attribution
                            .iter()
                            .any(|a| Some(&a.source) == c.name.as_ref())
                        {
                            e.attribution.push(Attribution {
                                source: c.name.clone().unwrap_or_else(|| c.text.clone()),
                                kind: sitrep_core::AttributionKind::GroupClaim,
                                cue: Span::new(c.span.start, toks[k + 1].span.end)
                                    .slice(ctx.text)
                                    .to_string(),
                                span: Some(Span::new(c.span.start, toks[k + 1].span.end)),
                            });
                        }
                    }
                }
            }
            // "A prompted/triggered/sparked B": B responds to A.
            if matches!(
                w,
                "prompted"
                    | "triggered"
                    | "sparked"
                    | "provoked"
                    | "triggers"
                    | "prompts"
                    | "sparks"
            ) {
                if let (Some(a), Some(b)) = (before(k), after(k)) {
                    if a != b {
                        relations.push((b, RelationKind::ResponseTo, a, toks[k].text.to_string()));
                    }
                }
            }
            // "B in response to / in retaliation for A".
            if (w == "response" && l(k + 1) == "to" && k > 0 && l(k - 1) == "in")
                || (w == "retaliation" && l(k + 1) == "for")
            {
                if let (Some(b), Some(a)) = (before(k.saturating_sub(1)), after(k + 1)) {
                    if a != b {
                        relations.push((b, RelationKind::ResponseTo, a, format!("in {w}")));
                    }
                }
            }
            // "A, (while) not (yet) linked to B" / "not connected to" / "unrelated to".
            let unlinked = (w == "not"
                && (matches!(l(k + 1), "linked" | "connected" | "tied")
                    || l(k + 1) == "yet" && matches!(l(k + 2), "linked" | "connected" | "tied")))
                || w == "unrelated";
            if unlinked {
                let to_at = (k..(k + 4).min(toks.len()))
                    .find(|&j| l(j) == "to")
                    .unwrap_or(k);
                if let (Some(a), Some(b)) = (before(k), after(to_at)) {
                    if a != b {
                        relations.push((
                            a,
                            RelationKind::NotLinked,
                            b,
                            "not yet linked".to_string(),
                        ));
                        events[a].main.hedges += 0;
                    }
                }
            }
            // A coercive event with no actor takes the forces of the operation it came out of
            // ("the aftermath of the operation saw the arrest of ...").
        }
        for &(tok, ev) in &srefs {
            let Some(ev) = ev else { continue };
            if by_token.get(&(s.index, tok)) != Some(&ev) {
                continue;
            }
            let needs_actor = !events[ev]
                .main
                .actors
                .iter()
                .any(|a| a.role == ActorRole::Actor);
            if needs_actor && events[ev].main.event_type == EventType::Coerce {
                let src = srefs
                    .iter()
                    .filter_map(|r| r.1)
                    .find(|&o| o != ev && events[o].main.event_type == EventType::Mobilize);
                if let Some(o) = src {
                    let inherited: Vec<Actor> = events[o]
                        .main
                        .actors
                        .iter()
                        .filter(|a| a.role != ActorRole::Recipient)
                        .cloned()
                        .collect();
                    events[ev].main.actors.extend(inherited);
                    if events[ev].main.location.is_none() {
                        events[ev].main.location = events[o].main.location.clone();
                    }
                }
            }
            // A threat against "the attack" is a threat against whoever carried it out.
            if events[ev].main.event_type == EventType::Threaten {
                let target = srefs
                    .iter()
                    .filter(|r| r.0 > tok)
                    .filter_map(|r| r.1)
                    .find(|&o| o != ev && events[o].main.event_type == EventType::Assault);
                if let Some(o) = target {
                    // The reference may have been coded apart from the first report of the attack:
                    // fall back to the latest attack whose perpetrator is known.
                    let perpetrator = events[o]
                        .main
                        .actors
                        .iter()
                        .find(|a| a.role == ActorRole::Actor)
                        .or_else(|| {
                            events[..ev]
                                .iter()
                                .rev()
                                .filter(|e| e.main.event_type == EventType::Assault)
                                .find_map(|e| {
                                    e.main.actors.iter().find(|a| a.role == ActorRole::Actor)
                                })
                        })
                        .cloned();
                    if let Some(mut p) = perpetrator {
                        p.role = ActorRole::Recipient;
                        events[ev]
                            .main
                            .actors
                            .retain(|a| a.role != ActorRole::Recipient);
                        events[ev].main.actors.push(p);
                    }
                }
            }
        }
    }
    // Locations: inherit from the story where the sentence names none.
    let main_location = document_location(sentences);
    // A meeting the story reports, with its venue: statements made "at the meeting", and
    // statements by speakers of unknown allegiance in a story about a meeting, are made there.
    let meeting_venue = events
        .iter()
        .find(|e| {
            e.main.event_type == EventType::Consult
                && matches!(e.main.status, EventStatus::Occurred | EventStatus::Claimed)
                && e.main
                    .location
                    .as_ref()
                    .is_some_and(|l| matches!(l.precision, Precision::Town | Precision::Point))
        })
        .and_then(|e| e.main.location.clone());
    let mut last_loc: Option<Location> = None;
    for e in events.iter_mut() {
        let verbal = is_verbal_type(e.main.event_type);
        // "dismissed the accusations at Friday's meeting": a meeting named without its own
        // body or place points back to the one reported.
        if verbal
            && e.main.event_type != EventType::Consult
            && meeting_venue.is_some()
            && e.main
                .location
                .as_ref()
                .is_none_or(|l| !matches!(l.precision, Precision::Town | Precision::Point))
            && sentences
                .iter()
                .find(|s| s.index == e.main.sentence)
                .is_some_and(|s| at_the_meeting(&s.toks))
        {
            e.main.location = meeting_venue.clone();
        }
        let speaker_country = e
            .main
            .actors
            .iter()
            .any(|a| a.role == ActorRole::Actor && a.country.is_some());
        if e.main.location.is_none()
            && verbal
            && e.main.event_type != EventType::Consult
            && !speaker_country
        {
            e.main.location = meeting_venue.clone();
        }
        // "the envoy spoke with the Russian president": talks with no venue, by a party of
        // unknown allegiance, are placed with the counterpart who hosts them.
        if e.main.location.is_none()
            && e.main.event_type == EventType::Consult
            && !speaker_country
            // What is discussed is a topic, not a host.
            && !e.main.trigger.to_lowercase().starts_with("discuss")
        {
            e.main.location = e
                .main
                .actors
                .iter()
                .find(|a| a.role == ActorRole::Recipient)
                .and_then(|a| a.country.as_deref())
                .and_then(|c| (ctx.country_location)(c));
        }
        if e.main.location.is_none() && !verbal {
            e.main.location = last_loc.clone().or_else(|| main_location.clone());
        }
        // "the doubled U.S. steel tariffs": a policy act named with its state's demonym is that
        // state's act, made in its country.
        if e.main.location.is_none() && verbal && !speaker_country {
            let ts = e.main.trig.0;
            e.main.location = sentences
                .iter()
                .find(|s| s.index == e.main.sentence)
                .and_then(|s| {
                    s.places.iter().find(|p| {
                        p.demonym
                            && p.end <= ts
                            && p.end + 4 >= ts
                            && (p.end..ts).all(|k| s.toks[k].is_word())
                    })
                })
                .and_then(|p| p.location.country.as_deref())
                .and_then(|c| (ctx.country_location)(c));
        }
        if e.main.location.is_none() && verbal {
            let cc = e
                .main
                .actors
                .iter()
                .find(|a| a.role == ActorRole::Actor)
                .and_then(|a| a.country.clone());
            // A speaker of unknown allegiance most likely speaks where the story is set: its
            // main place's country, claimed at country precision only.
            let cc = cc.or_else(|| main_location.as_ref().and_then(|l| l.country.clone()));
            e.main.location = cc.and_then(|c| (ctx.country_location)(&c));
        }
        if !verbal && e.main.location.is_some() && e.main.status != EventStatus::Background {
            last_loc = e.main.location.clone();
        }
    }
    let order: Vec<usize> = (0..events.len()).collect();
    let mut out: Vec<Event> = Vec::new();
    for &i in &order {
        let b = &events[i];
        let m = &b.main;
        let mapping = lex.mapping(m.event_type, m.mode.as_deref());
        let mut ev = Event {
            event_type: m.event_type,
            mode: m.mode.clone(),
            status: m.status,
            certainty: certainty(m, b.mentions.len()),
            actors: m.actors.clone(),
            location: m.location.clone(),
            date: m
                .date
                .clone()
                .unwrap_or_else(|| publication_date(ctx.published)),
            duration: m.duration.clone(),
            attribution: m.attribution.clone(),
            evidence: b.evidence.clone(),
            acled_event_type: mapping.and_then(|x| x.acled_event_type.clone()),
            acled_sub_event_type: mapping.and_then(|x| x.acled_sub_event_type.clone()),
            cameo_root: mapping.and_then(|x| x.cameo_root.clone()),
            trigger: Some(m.trigger.clone()),
            sentence: Some(m.sentence),
            // Counts, relations and further modes are filled below.
            ..Event::new(m.event_type, m.status)
        };
        let mut modes: Vec<String> = b.mentions.iter().filter_map(|x| x.mode.clone()).collect();
        modes.dedup();
        ev.modes = modes
            .into_iter()
            .filter(|x| Some(x) != ev.mode.as_ref())
            .collect();
        for (f, c) in &m.counts {
            match f.as_str() {
                "killed" | "injured" | "arrested" | "abducted" | "displaced" | "participants" => {
                    *ev.count_mut(f) = Some(c.clone())
                }
                other => {
                    ev.counts.insert(other.to_string(), c.clone());
                }
            }
        }
        for (from, kind, to, cue) in &relations {
            if *from == i && !ev.relations.iter().any(|r| r.to == *to && r.kind == *kind) {
                ev.relations.push(Relation {
                    kind: *kind,
                    to: *to,
                    cue: Some(cue.clone()),
                });
            }
        }
        // Forces and officials named without a state ("police", "the army") act where the event
        // happens: take the location's country.
        if let Some(cc) = ev.location.as_ref().and_then(|l| l.country.clone()) {
            for a in ev.actors.iter_mut() {
                if a.country.is_none()
                    && matches!(a.kind, ActorKind::StateForces | ActorKind::Government)
                    && a.name.is_some()
                {
                    a.country = Some(cc.clone());
                }
            }
        }
        // A protest is made by protesters even when the sentence names none.
        if ev.event_type == EventType::Protest
            && !ev.actors.iter().any(|a| a.role == ActorRole::Actor)
        {
            let (kind, name) = if ev.mode.as_deref() == Some("riot") {
                (ActorKind::Rioters, "rioters")
            } else {
                (ActorKind::Protesters, "protesters")
            };
            ev.actors.insert(
                0,
                Actor {
                    role: ActorRole::Actor,
                    text: None,
                    span: None,
                    name: Some(name.into()),
                    kind,
                    country: None,
                },
            );
        }
        // A recipient that is the actor itself is a role error ("RSF shelled ..., RSF said").
        let actor_names: Vec<String> = ev
            .actors
            .iter()
            .filter(|a| a.role == ActorRole::Actor)
            .filter_map(|a| a.name.clone())
            .collect();
        ev.actors.retain(|a| {
            !(a.role == ActorRole::Recipient
                && a.name.as_ref().is_some_and(|n| actor_names.contains(n)))
        });
        // Attacks, arrests and sanctions always have a target: keep an unidentified one when the
        // text names none (codebook section 3: unidentified actors are kept, not dropped).
        if matches!(
            ev.event_type,
            EventType::Assault | EventType::Coerce | EventType::Sanction
        ) && !ev.actors.iter().any(|a| a.role == ActorRole::Recipient)
            && ev.status != EventStatus::Negated
        {
            ev.actors.push(Actor {
                role: ActorRole::Recipient,
                text: None,
                span: None,
                name: None,
                kind: ActorKind::Unknown,
                country: None,
            });
        }
        // An attack always has an attacker: when the text does not name one, keep an unidentified
        // actor rather than none (codebook section 3).
        if ev.event_type == EventType::Assault
            && !ev.actors.iter().any(|a| a.role == ActorRole::Actor)
        {
            ev.actors.insert(
                0,
                Actor {
                    role: ActorRole::Actor,
                    text: None,
                    span: None,
                    name: None,
                    kind: ActorKind::Unknown,
                    country: None,
                },
            );
        }
        if ev
            .relations
            .iter()
            .any(|r| r.kind == RelationKind::NotLinked)
        {
            ev.certainty = (ev.certainty - 0.05).max(0.1);
        }
        out.push(ev);
    }
    super::acled::refine(&mut out, sentences);
    out
}

fn certainty(m: &Mention, n_mentions: usize) -> f64 {
    let base = match m.status {
        EventStatus::Occurred => {
            if m.attribution.is_empty() {
                0.9
            } else {
                0.85
            }
        }
        EventStatus::Claimed => 0.6,
        EventStatus::Threatened | EventStatus::Planned => 0.85,
        EventStatus::Background => 0.8,
        EventStatus::Denied => 0.3,
        EventStatus::Hypothetical | EventStatus::Negated => 0.2,
    };
    let v: f64 =
        base - 0.15 * m.hedges.min(3) as f64 + 0.02 * (n_mentions.saturating_sub(1)).min(3) as f64;
    (v.clamp(0.05, 0.97) * 100.0).round() / 100.0
}

/// The document's main place: the most mentioned non-demonym place in report sentences,
/// the most precise on ties.
/// "at the meeting", "at Friday's session": a meeting named by determiner or day alone (no
/// body "of" it, no place "in" it), which points back to a meeting already reported.
fn at_the_meeting(toks: &[Token]) -> bool {
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let pointer = |w: &str| {
        matches!(
            w,
            "the" | "that" | "this" | "'s" | "today" | "yesterday" | "same"
        ) || super::dates::weekday(w).is_some()
    };
    (1..toks.len()).any(|k| {
        matches!(l(k), "meeting" | "session" | "talks" | "summit")
            && !matches!(l(k + 1), "of" | "in")
            && (k.saturating_sub(4)..k)
                .rev()
                .take_while(|&m| l(m) == "at" || pointer(l(m)))
                .any(|m| l(m) == "at")
    })
}

fn document_location(sentences: &[SentenceInput]) -> Option<Location> {
    // In order of first mention, so that ties go to the earliest place, the same on every run.
    let mut tally: Vec<(String, usize, Location)> = Vec::new();
    for s in sentences
        .iter()
        .filter(|s| s.class == SentenceClass::Report)
    {
        for p in s
            .places
            .iter()
            .filter(|p| !p.demonym && !names_a_party(&s.toks, &s.actors, &s.places, p))
        {
            let key = format!("{:?}{:?}", p.location.geonames_id, p.location.name);
            match tally.iter_mut().find(|(k, _, _)| *k == key) {
                Some(t) => t.1 += 1,
                None => tally.push((key, 1, p.location.clone())),
            }
        }
    }
    let mut best: Option<&(String, usize, Location)> = None;
    for t in &tally {
        let better = best.is_none_or(|b| {
            (t.1, std::cmp::Reverse(t.2.precision.rank()))
                > (b.1, std::cmp::Reverse(b.2.precision.rank()))
        });
        if better {
            best = Some(t);
        }
    }
    best.map(|t| t.2.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(toks: &[Token], w: &str) -> usize {
        toks.iter().position(|t| t.lower == w).unwrap()
    }

    fn place(
        name: &str,
        admin1: Option<&str>,
        lat: f64,
        lon: f64,
        precision: Precision,
    ) -> Location {
        Location {
            text: Some(name.into()),
            span: None,
            sub_place: None,
            sub_place_span: None,
            name: Some(name.into()),
            geonames_id: None,
            lat: Some(lat),
            lon: Some(lon),
            country: Some("IQ".into()),
            admin1: admin1.map(Into::into),
            precision,
            confidence: None,
        }
    }

    #[test]
    fn a_finer_place_refines_a_coarser_one_only_inside_it() {
        let province = place("Anbar", Some("Anbar"), 33.4, 42.0, Precision::Admin1);
        let inside = place("Rutba", Some("Anbar"), 33.04, 40.28, Precision::Town);
        // Another province's town, and one whose division the gazetteer leaves blank.
        let other = place("Kirkuk", Some("Kirkuk"), 35.47, 44.39, Precision::Town);
        let far_blank = place("Irbil", None, 36.19, 44.01, Precision::Town);
        let near_blank = place("Hit", None, 33.64, 42.83, Precision::Town);
        assert!(lies_within(&inside, &province));
        assert!(!lies_within(&other, &province));
        assert!(!lies_within(&far_blank, &province));
        assert!(lies_within(&near_blank, &province));
        // A town 100 km from the town first told is another place.
        let town = place("Ramadi", Some("Anbar"), 33.42, 43.30, Precision::Town);
        let site = place("Haditha dam", Some("Anbar"), 34.2, 42.36, Precision::Point);
        assert!(!lies_within(&site, &town));
    }

    #[test]
    fn side_by_side_happenings_get_their_own_segment() {
        let toks = tokenize(
            "A man was knifed in one town even as troops used tear gas in another.",
            0,
        );
        assert_eq!(segment_of(&toks, pos(&toks, "knifed")), 0);
        assert_eq!(segment_of(&toks, pos(&toks, "tear")), 1);
        let toks = tokenize("Two men died when officers fired at the car.", 0);
        assert_eq!(segment_of(&toks, pos(&toks, "fired")), 0);
    }

    #[test]
    fn conditions_are_not_reports() {
        let toks = tokenize("If the court convicts him, he may lose his seat.", 0);
        assert!(in_conditional_clause(&toks, pos(&toks, "convicts")));
        assert!(!in_conditional_clause(&toks, pos(&toks, "lose")));
        let toks = tokenize("They will strike unless the deal holds.", 0);
        assert!(in_conditional_clause(&toks, pos(&toks, "holds")));
        assert!(!in_conditional_clause(&toks, pos(&toks, "strike")));
        let toks = tokenize("He spoke as if nothing had been signed.", 0);
        assert!(!in_conditional_clause(&toks, pos(&toks, "signed")));
    }

    #[test]
    fn agent_plurals() {
        for w in [
            "workers",
            "prosecutors",
            "economists",
            "officials",
            "residents",
            "leaders",
        ] {
            assert!(agent_plural(w), "{w}");
        }
        for w in ["loans", "talks", "shares", "years"] {
            assert!(!agent_plural(w), "{w}");
        }
    }

    #[test]
    fn coordinated_actors_are_all_found() {
        let text = "Chad and Niger and Mali signed a pact with Peru, Chile and Cuba.";
        let toks = tokenize(text, 0);
        let at = |w: &str| {
            let k = toks.iter().position(|t| t.text == w).unwrap();
            phrase_mention(&toks, k, k + 1, text)
        };
        let all: Vec<ActorMention> = ["Chad", "Niger", "Mali", "Peru", "Chile", "Cuba"]
            .iter()
            .map(|w| at(w))
            .collect();
        let cands: Vec<&ActorMention> = all.iter().collect();
        let names = |v: Vec<&ActorMention>| -> Vec<usize> { v.iter().map(|a| a.start).collect() };
        assert_eq!(names(conjuncts(&cands, &toks, &all[2], false)), vec![2, 0]);
        assert_eq!(names(conjuncts(&cands, &toks, &all[3], true)), vec![11, 13]);
    }

    #[test]
    fn subject_and_object_phrases() {
        let text = "Senior Peruvian officials have also praised Chile for its help.";
        let toks = tokenize(text, 0);
        let np = subject_phrase(&toks, pos(&toks, "praised"), 0, text).unwrap();
        assert_eq!(np.text, "Senior Peruvian officials");
        let obj = object_phrase(&toks, pos(&toks, "praised") + 1, toks.len(), &[], text).unwrap();
        assert_eq!(obj.text, "Chile");
        // A pronoun subject is no phrase to code.
        let text = "Later they agreed.";
        let toks = tokenize(text, 0);
        assert!(subject_phrase(&toks, pos(&toks, "agreed"), 0, text).is_none());
        // A singular body can speak: "the tribunal's council has protested".
        let text = "The regional council protested.";
        let toks = tokenize(text, 0);
        let np = subject_phrase(&toks, pos(&toks, "protested"), 0, text).unwrap();
        assert_eq!(np.text, "The regional council");
        // A heading run into the sentence stops at the capitalised article.
        let text = "Mixed signals The regional council protested.";
        let toks = tokenize(text, 0);
        let np = subject_phrase(&toks, pos(&toks, "protested"), 0, text).unwrap();
        assert_eq!(np.text, "The regional council");
        // A weekday after the verb is a time, not a counterpart.
        let text = "Both sides agreed on Friday to stop.";
        let toks = tokenize(text, 0);
        assert!(object_phrase(&toks, pos(&toks, "agreed") + 1, toks.len(), &[], text).is_none());
    }

    #[test]
    fn deaths_tied_to_a_trigger() {
        let toks = tokenize("Three men died in the police firing.", 0);
        assert!(death_before(&toks, pos(&toks, "firing")).is_some());
        // A death told beside the trigger, not caused by it, is not tied to it.
        let toks = tokenize("One man died and police began firing.", 0);
        assert!(death_before(&toks, pos(&toks, "firing")).is_none());
    }

    #[test]
    fn patients_of_active_verbs() {
        let text = "Police detained more than 40 Chilean miners at dawn.";
        let toks = tokenize(text, 0);
        let np = patient_phrase(&toks, pos(&toks, "detained") + 1, toks.len(), &[], text).unwrap();
        assert_eq!(np.text, "Chilean miners");
        // A thing, not people, is no patient.
        let text = "Police seized two cars at dawn.";
        let toks = tokenize(text, 0);
        assert!(patient_phrase(&toks, pos(&toks, "seized") + 1, toks.len(), &[], text).is_none());
    }

    #[test]
    fn reported_pronoun_and_must() {
        let text = "Peru said it would accept the plan.";
        let toks = tokenize(text, 0);
        let peru = phrase_mention(&toks, 0, 1, text);
        let cands = vec![&peru];
        let sp = speaker_of_pronoun(&toks, pos(&toks, "accept"), 0, &cands).unwrap();
        assert_eq!(sp.text, "Peru");
        // No speech verb: the pronoun is not resolved.
        let text = "Peru hopes it would accept the plan.";
        let toks = tokenize(text, 0);
        assert!(speaker_of_pronoun(&toks, pos(&toks, "accept"), 0, &cands).is_none());
        // "X said on Monday that Y must ...": Y is asked.
        let text = "Chile said on Monday that Bolivia must pay.";
        let toks = tokenize(text, 0);
        let actors = vec![
            phrase_mention(&toks, 0, 1, text),
            phrase_mention(&toks, 5, 6, text),
        ];
        let (verb, who) = reported_demand(&toks, pos(&toks, "must"), 0, &actors).unwrap();
        assert_eq!(toks[verb].text, "said");
        assert_eq!(who.text, "Bolivia");
        // "must" in the speaker's own clause is no reported demand.
        let text = "Bolivia must pay, Chile said.";
        let toks = tokenize(text, 0);
        let actors = vec![phrase_mention(&toks, 0, 1, text)];
        assert!(reported_demand(&toks, pos(&toks, "must"), 0, &actors).is_none());
    }
}
