//! ACLED sub-event types that depend on more than the PLOVER type and mode.
//!
//! `data/mappings/plover.tsv` gives each (type, mode) a default. ACLED's own definitions then
//! split by who acts and who is hit (an attack between two armed groups is an armed clash, on
//! civilians an attack; force by police on a crowd is excessive force; a mob's violence is mob
//! violence), by whether authorities intervened in a protest (an arrest during a protest is
//! "protest with intervention", not "arrests"), and by what was seized (weapons: disrupted
//! weapons use). These rules read only the coded events and their sentence, never the source.

use sitrep_core::{Actor, ActorKind, ActorRole, Event, EventType};

use super::events::SentenceInput;
use super::tokens::Token;

fn set(e: &mut Event, event_type: &str, sub: &str) {
    e.acled_event_type = Some(event_type.to_string());
    e.acled_sub_event_type = Some(sub.to_string());
}

fn kinds(e: &Event, role: ActorRole) -> impl Iterator<Item = ActorKind> + '_ {
    e.actors
        .iter()
        .filter(move |a| a.role == role)
        .map(|a: &Actor| a.kind)
}

fn is_state(k: ActorKind) -> bool {
    matches!(k, ActorKind::StateForces | ActorKind::ExternalForces)
}

fn is_non_state_armed(k: ActorKind) -> bool {
    matches!(
        k,
        ActorKind::RebelGroup | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia
    )
}

fn is_armed(k: ActorKind) -> bool {
    is_state(k) || is_non_state_armed(k)
}

/// An unidentified actor written as armed ("gunmen", "militants", "fighters"): ACLED's
/// "unidentified armed group", a non-state armed side.
fn unidentified_armed(a: &Actor) -> bool {
    a.kind == ActorKind::Unknown
        && a.text.as_deref().is_some_and(|t| {
            super::events::written_armed(t) || {
                let t = t.to_lowercase();
                t.ends_with("terrorists") || t.ends_with("terrorist")
            }
        })
}

/// The actors of one role that bear arms, whether their kind says so or their noun does.
fn armed_in_role(e: &Event, role: ActorRole) -> bool {
    e.actors
        .iter()
        .any(|a| a.role == role && (is_armed(a.kind) || unidentified_armed(a)))
}

fn non_state_armed_in_role(e: &Event, role: ActorRole) -> bool {
    e.actors
        .iter()
        .any(|a| a.role == role && (is_non_state_armed(a.kind) || unidentified_armed(a)))
}

/// Words that show demonstrators themselves using violence ("threw stones", "pelted the
/// police", "smashed windows", "clashed with police"): ACLED then codes the protest as a
/// violent demonstration, and force used against it as a response to that violence, not as
/// excessive force against peaceful protesters.
const CROWD_VIOLENCE_WORDS: &[&str] = &[
    "stones",
    "rocks",
    "bottles",
    "projectiles",
    "molotov",
    "firebombs",
    "pelted",
    "pelting",
    "stone-pelting",
    "hurled",
    "smashed",
    "vandalised",
    "vandalized",
    "torched",
    "ablaze",
    "looted",
    "clashed",
    "clashes",
    "scuffles",
    "scuffled",
    "firecrackers",
];

fn crowd_violence_words(toks: &[Token]) -> bool {
    toks.iter()
        .any(|t| CROWD_VIOLENCE_WORDS.contains(&t.lower.as_str()))
}

/// Installations held by armed forces: an attack on one is an attack on its garrison, an
/// armed side, whoever the casualties named in the sentence are.
const MILITARY_TARGETS: &[&str] = &[
    "checkpoint",
    "checkpoints",
    "barracks",
    "outpost",
    "outposts",
    "garrison",
    "convoy",
    "patrol",
    "military",
    "army",
    "base",
    "bases",
    "airbase",
    "positions",
    "headquarters",
    "headquarter",
];

/// Whether the trigger of an attack, or an "attack on ..." phrase in its sentence, takes a
/// military installation as its object ("attacked a checkpoint", "an attack on an army base").
fn attacks_military_target(e: &Event, s: &SentenceInput) -> bool {
    let toks = &s.toks;
    let trigger_word = e
        .trigger
        .as_deref()
        .and_then(|t| t.split_whitespace().last())
        .map(str::to_lowercase);
    let object_after = |k: usize| {
        toks[k..(k + 5).min(toks.len())]
            .iter()
            .take_while(|t| !matches!(t.text, "," | "." | ";" | ":"))
            .any(|t| MILITARY_TARGETS.contains(&t.lower.as_str()))
    };
    toks.iter().enumerate().any(|(k, t)| {
        let w = t.lower.as_str();
        (trigger_word.as_deref() == Some(w) && object_after(k + 1))
            || (matches!(w, "attack" | "attacks" | "assault" | "raid")
                && toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.lower.as_str(), "on" | "against"))
                && object_after(k + 2))
            // "when they attacked the base": the verb's direct object, whichever trigger the
            // event came from.
            || (matches!(w, "attacked" | "stormed" | "raided") && object_after(k + 1))
    })
}

/// Words that name police or security personnel, for a use of force whose actor the coder
/// could not name ("Officers brutally attacked ...").
const POLICE_WORDS: &[&str] = &[
    "police",
    "policemen",
    "policeman",
    "officers",
    "troopers",
    "riot",
    "gendarmes",
];

/// Force with no actor named, on a crowd: in a sentence that names police ("Officers
/// attacked a peaceful demonstration"), or gunfire on named demonstrators ("protesters died
/// from gunfire during a demonstration"), which ACLED reads as force by the authorities
/// policing the crowd unless another perpetrator is named.
fn unnamed_force_on_crowd(e: &Event, sentence: Option<&SentenceInput>) -> bool {
    if kinds(e, ActorRole::Actor).any(|k| k != ActorKind::Unknown) {
        return false;
    }
    let police = sentence.is_some_and(|s| {
        s.toks
            .iter()
            .any(|t| POLICE_WORDS.contains(&t.lower.as_str()))
    });
    police
        || e.mode.as_deref() == Some("firearms")
            && kinds(e, ActorRole::Recipient).any(|k| k == ActorKind::Protesters)
}

/// Deaths, injuries or live fire: what makes force against protesters excessive in ACLED's
/// terms (an explicit zero count is no harm).
fn serious_harm(e: &Event, sentence: Option<&SentenceInput>) -> bool {
    const HARM: &[&str] = &[
        "killed",
        "killing",
        "died",
        "dead",
        "death",
        "deaths",
        "injured",
        "injuring",
        "wounded",
        "hurt",
        "brutally",
        "beaten",
        "hospitalised",
        "hospitalized",
    ];
    let counted = |c: &Option<sitrep_core::Count>| c.as_ref().is_some_and(|c| c.high != Some(0));
    counted(&e.killed)
        || counted(&e.injured)
        || matches!(e.mode.as_deref(), Some("firearms") | Some("beat"))
        || sentence.is_some_and(|s| s.toks.iter().any(|t| HARM.contains(&t.lower.as_str())))
}

/// Whether the first actor named in a sentence, before the event's trigger, is a state force.
fn state_subject(e: &Event, s: &SentenceInput) -> bool {
    let Some(first_word) = e
        .trigger
        .as_deref()
        .and_then(|t| t.split_whitespace().next())
        .map(str::to_lowercase)
    else {
        return false;
    };
    let Some(at) = s.toks.iter().position(|t| t.lower == first_word) else {
        return false;
    };
    s.actors
        .iter()
        .filter(|a| a.end <= at)
        .min_by_key(|a| a.start)
        .is_some_and(|a| is_state(a.kind))
}

/// Whether a sentence names demonstrators (as actor, target or bystanders).
fn names_protesters(s: &SentenceInput) -> bool {
    s.actors.iter().any(|a| a.kind == ActorKind::Protesters)
}

/// Targets ACLED counts as civilians: unarmed people, crowds, the press.
fn is_unarmed(k: ActorKind) -> bool {
    matches!(
        k,
        ActorKind::Civilians | ActorKind::Person | ActorKind::Media | ActorKind::Protesters
    )
}

/// Words that make a seizure one of arms ("seized weapons and ammunition", "defused a bomb").
pub(super) const WEAPON_WORDS: &[&str] = &[
    "weapon",
    "weapons",
    "arms",
    "ammunition",
    "ammo",
    "explosive",
    "explosives",
    "bomb",
    "bombs",
    "ied",
    "ieds",
    "grenade",
    "grenades",
    "gun",
    "guns",
    "rifle",
    "rifles",
    "pistol",
    "pistols",
    "firearm",
    "firearms",
    "rocket",
    "rockets",
    "mortar",
    "mortars",
    "landmine",
    "landmines",
    "mines",
    "detonator",
    "detonators",
];

/// Whether a sentence names weapons or ammunition.
pub fn mentions_weapons(toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(k, t)| {
        WEAPON_WORDS.contains(&t.lower.as_str())
            // "explosive growth", "an explosive report": the adjective of sudden or heated things.
            && !(t.lower == "explosive"
                && toks.get(k + 1).is_some_and(|n| {
                    matches!(
                        n.lower.as_str(),
                        "growth" | "increase" | "rise" | "report" | "claims" | "allegations"
                            | "debate" | "issue" | "situation" | "mix" | "demand" | "testimony"
                    )
                }))
    })
}

/// Refines the ACLED sub-event type of every event in place.
pub fn refine(events: &mut [Event], sentences: &[SentenceInput]) {
    let sentence_of = |e: &Event| {
        e.sentence
            .and_then(|i| sentences.iter().find(|s| s.index == i))
    };
    // Protests, and violence by crowds, per sentence: an arrest or use of force in the same
    // sentence as a protest happened at it.
    let mut protest_sentences = Vec::new();
    let mut crowd_violence_sentences = Vec::new();
    for e in events.iter() {
        let Some(s) = e.sentence else { continue };
        if e.event_type == EventType::Protest && e.status.counts_as_current() {
            protest_sentences.push(s);
        }
        // Property destroyed in the same sentence as a protest was destroyed by its crowd
        // ("protests erupted, with banks set ablaze") unless an armed actor did it.
        if e.event_type == EventType::Assault
            && e.mode.as_deref() == Some("destroy")
            && !armed_in_role(e, ActorRole::Actor)
            && events
                .iter()
                .any(|p| p.event_type == EventType::Protest && p.sentence == Some(s))
        {
            crowd_violence_sentences.push(s);
        }
        if e.event_type == EventType::Assault
            && kinds(e, ActorRole::Actor)
                .any(|k| matches!(k, ActorKind::Protesters | ActorKind::Rioters))
        {
            crowd_violence_sentences.push(s);
        }
    }
    // Demonstrators using violence in a sentence, or in the one before it ("Demonstrators
    // threw rocks. Police responded with tear gas."): a report of protest violence runs on.
    let violent_protest_at = |i: usize| {
        [Some(i), i.checked_sub(1)].into_iter().flatten().any(|k| {
            crowd_violence_sentences.contains(&k)
                || sentences.iter().find(|s| s.index == k).is_some_and(|s| {
                    (names_protesters(s) || protest_sentences.contains(&k))
                        && crowd_violence_words(&s.toks)
                })
        })
    };
    for e in events.iter_mut() {
        let at_protest = e.sentence.is_some_and(|s| protest_sentences.contains(&s));
        let violent_protest = e.sentence.is_some_and(violent_protest_at);
        let sentence = sentence_of(e);
        let protesters_named = sentence.is_some_and(names_protesters);
        let mode = e.mode.clone();
        match e.event_type {
            EventType::Assault => {
                let actors: Vec<ActorKind> = kinds(e, ActorRole::Actor).collect();
                let targets: Vec<ActorKind> = kinds(e, ActorRole::Recipient).collect();
                if actors.contains(&ActorKind::Protesters) {
                    set(e, "Riots", "Violent demonstration");
                } else if actors.contains(&ActorKind::Rioters) {
                    let sub = if at_protest {
                        "Violent demonstration"
                    } else {
                        "Mob violence"
                    };
                    set(e, "Riots", sub);
                } else if (violent_protest
                    || mode.as_deref() == Some("clash") && (protesters_named || at_protest))
                    && !matches!(mode.as_deref(), Some("sexual") | Some("abduct"))
                    && (at_protest
                        || protesters_named
                        || targets.contains(&ActorKind::Protesters)
                        || mode.as_deref() == Some("crowd-control"))
                {
                    // Force met by a crowd's own violence, or a clash between police and
                    // demonstrators: ACLED's violent demonstration.
                    set(e, "Riots", "Violent demonstration");
                } else if (actors.iter().any(|&k| is_state(k))
                    || mode.as_deref() == Some("crowd-control")
                    || unnamed_force_on_crowd(e, sentence))
                    && (targets.contains(&ActorKind::Protesters) || at_protest)
                    // Rape or abduction during a dispersal is sexual violence or abduction
                    // first (ACLED codes the gravest act).
                    && !matches!(mode.as_deref(), Some("sexual") | Some("abduct"))
                {
                    // ACLED keeps excessive force for lethal force or serious injury; a
                    // dispersal without them is a protest with intervention.
                    if serious_harm(e, sentence) {
                        set(e, "Protests", "Excessive force against protesters");
                    } else {
                        set(e, "Protests", "Protest with intervention");
                    }
                } else if mode.as_deref() == Some("territory") {
                    // "the army and allied fighters captured ...": with state forces on the
                    // taking side, the government regains the ground. "Afghan forces in a
                    // crackdown on the Taliban recaptured ...": the sentence's subject, the
                    // first actor named before the trigger, is the taking side even when a
                    // prepositional phrase names another actor closer to the verb.
                    let state_side = e.actors.iter().any(|a| {
                        matches!(a.role, ActorRole::Actor | ActorRole::Partner) && is_state(a.kind)
                    }) || sentence.is_some_and(|s| state_subject(e, s));
                    if state_side {
                        set(e, "Battles", "Government regains territory");
                    } else if non_state_armed_in_role(e, ActorRole::Actor) {
                        set(e, "Battles", "Non-state actor overtakes territory");
                    }
                } else if matches!(mode.as_deref(), None | Some("firearms") | Some("clash")) {
                    // ACLED: armed organised groups fighting each other is an armed clash,
                    // whoever started it; the same violence on unarmed people is an attack.
                    let armed_actor = armed_in_role(e, ActorRole::Actor);
                    let armed_target = armed_in_role(e, ActorRole::Recipient)
                        || sentence.is_some_and(|s| attacks_military_target(e, s))
                        || e.actors.iter().any(|a| {
                            a.role == ActorRole::Partner && mode.as_deref() == Some("clash")
                        });
                    // "a shoot-out between bandits and soldiers": a clash word with two armed
                    // sides named in its sentence is a clash, whoever the casualties were.
                    let two_armed_sides = mode.as_deref() == Some("clash")
                        && sentence.is_some_and(|s| {
                            s.actors
                                .iter()
                                .filter(|a| {
                                    is_armed(a.kind)
                                        || a.kind == ActorKind::Unknown
                                            && super::events::written_armed(&a.text)
                                })
                                .count()
                                >= 2
                        });
                    if two_armed_sides
                        || armed_target
                            && (armed_actor || actors.iter().all(|&k| k == ActorKind::Unknown))
                    {
                        set(e, "Battles", "Armed clash");
                    } else if targets.iter().any(|&k| is_unarmed(k)) {
                        set(e, "Violence against civilians", "Attack");
                    }
                }
            }
            // "Demonstrators marched on Saturday. There were scuffles in the capital.": a
            // sentence of crowd violence right after a protest, with no armed side of its own,
            // tells how that protest went.
            EventType::Protest
                if (violent_protest
                    || e.sentence.is_some_and(|i| {
                        sentences
                            .iter()
                            .find(|s| s.index == i + 1)
                            .is_some_and(|n| {
                                crowd_violence_words(&n.toks)
                                    && !n.actors.iter().any(|a| is_armed(a.kind))
                            })
                    }))
                    && e.mode.as_deref() != Some("riot") =>
            {
                set(e, "Riots", "Violent demonstration");
            }
            EventType::Coerce if at_protest && mode.as_deref() == Some("arrest") => {
                set(e, "Protests", "Protest with intervention");
            }
            EventType::Coerce if mode.as_deref() == Some("seize") => {
                let about_arms = sentence.is_some_and(|s| mentions_weapons(&s.toks));
                if about_arms {
                    set(e, "Strategic developments", "Disrupted weapons use");
                } else if kinds(e, ActorRole::Actor)
                    .any(|k| is_non_state_armed(k) || k == ActorKind::Rioters)
                {
                    set(e, "Strategic developments", "Looting/property destruction");
                } else {
                    set(e, "Strategic developments", "Other");
                }
            }
            _ => {}
        }
    }
    // A protest at which authorities arrested or used force is one with intervention.
    let intervened: Vec<usize> = events
        .iter()
        .filter(|e| {
            e.acled_sub_event_type.as_deref() == Some("Protest with intervention")
                || e.acled_sub_event_type.as_deref() == Some("Excessive force against protesters")
        })
        .filter_map(|e| e.sentence)
        .collect();
    for e in events.iter_mut() {
        if e.event_type == EventType::Protest
            && e.acled_sub_event_type.as_deref() == Some("Peaceful protest")
            && e.sentence.is_some_and(|s| intervened.contains(&s))
        {
            set(e, "Protests", "Protest with intervention");
        }
    }
}
