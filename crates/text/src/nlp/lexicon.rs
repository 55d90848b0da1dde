//! Lexicons parsed from the reviewed text tables under `data/lexicon/` and `data/mappings/`,
//! compiled into the binary (they are small and versioned with the code that reads them).

// Fx hashing: the keys are short words looked up per token, where SipHash dominated the
// profile; the tables are our own, so hash flooding is no concern.
use rustc_hash::FxHashMap as HashMap;

use sitrep_core::{ActorKind, EventType};

pub const ACTORS_TSV: &str = include_str!("../../../../data/lexicon/actors.tsv");
pub const GENERIC_ACTORS_TSV: &str = include_str!("../../../../data/lexicon/generic_actors.tsv");
pub const TRIGGERS_TSV: &str = include_str!("../../../../data/lexicon/triggers.tsv");
pub const PLOVER_MAP_TSV: &str = include_str!("../../../../data/mappings/plover.tsv");

#[derive(Debug, Clone)]
pub struct NamedActor {
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    /// A person (a leader), not an organisation.
    pub person: bool,
}

#[derive(Debug, Clone)]
pub struct GenericActor {
    pub kind: ActorKind,
    pub label: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    None,
    /// Only with an armed or state actor in the sentence.
    Armed,
    /// Only as a noun with an armed or state actor attached ("a coordinated response from forces").
    ArmedNoun,
    /// "warned" counts as a threat only with a threatening object ("warned of retaliation").
    ThreatObject,
    /// "march" is not the month.
    NotMonth,
    /// Displacement counts only fill an existing event.
    Displacement,
    /// Only with an armed actor or a word of physical violence in the sentence.
    Violent,
    /// Only with a government or state force in the sentence.
    Authority,
    /// As [`Condition::Authority`], and in the active voice only with police or other state
    /// forces in the sentence: a police word with an everyday sense ("booked a flight").
    PoliceUsage,
    /// A policy noun only with a verb that puts it in force in the sentence.
    Enacted,
    /// Only with a weapon word in the sentence.
    Arms,
    /// "must" as a demand: only in a clause reported by a speaker ("X said that Y must ...").
    ReportedMust,
    /// Only with a party as the direct object ("met the Kenyan president"), because the verb
    /// has common senses with other objects ("met the deadline", "met resistance").
    PartyObject,
}

#[derive(Debug, Clone)]
pub struct Trigger {
    pub words: Vec<String>,
    pub event_type: EventType,
    pub mode: Option<String>,
    pub pos: Pos,
    pub count: Option<String>,
    pub condition: Condition,
    /// Words one of which must stand in the object slot, within a few words after the trigger
    /// in its clause (`object:aid,arms` in the table): "provided" is an act of aid only when
    /// what is provided is aid, "shared" is cooperation only when intelligence is shared.
    pub objects: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Mapping {
    pub acled_event_type: Option<String>,
    pub acled_sub_event_type: Option<String>,
    pub cameo_root: Option<String>,
}

/// All lexicons, parsed once and shared.
#[derive(Debug)]
pub struct Lexicon {
    /// Alias (as written) -> actor. Short aliases are matched case-sensitively.
    pub actors: HashMap<String, NamedActor>,
    /// Longest actor alias in words.
    pub max_actor_words: usize,
    /// The leading word of every alias, lower-cased ([`lead_word`]), to a bit set of the
    /// alias lengths in tokens (bit k: some alias of k tokens starts with it). A token whose
    /// leading word is not here starts no alias, and only the listed lengths are probed.
    pub actor_lead_words: HashMap<String, u64>,
    pub generic: HashMap<String, GenericActor>,
    /// First word -> triggers starting with it (longest first).
    pub triggers: HashMap<String, Vec<Trigger>>,
    mappings: HashMap<(EventType, String), Mapping>,
}

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn opt(s: Option<&&str>) -> Option<String> {
    match s {
        None => None,
        Some(v) if v.is_empty() || *v == "-" => None,
        Some(v) => Some(v.to_string()),
    }
}

pub fn parse_actor_kind(s: &str) -> Option<ActorKind> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// Normalise an alias for lookup: short ones keep their case.
/// The leading run of letters, digits and apostrophes ("al" of "al-Shabaab", "houthi" of
/// "houthi rebels").
pub fn lead_word(s: &str) -> &str {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .next()
        .unwrap_or("")
}

pub fn actor_key(s: &str) -> String {
    let folded = s.replace('\u{2019}', "'").replace(" 's", "'s");
    if folded.chars().count() <= 4 {
        folded
    } else {
        folded.to_lowercase()
    }
}

/// [`actor_key`] of words joined by single spaces, written into `buf` (reused across probes:
/// the alias lookup runs at every token that may start a name, a hot path).
pub fn actor_key_into<'w>(words: impl Iterator<Item = &'w str>, buf: &mut String) {
    buf.clear();
    for (n, w) in words.enumerate() {
        if n > 0 {
            buf.push(' ');
        }
        buf.push_str(w);
    }
    if buf.contains('\u{2019}') || buf.contains(" 's") {
        *buf = actor_key(buf);
    } else if buf.chars().count() > 4 {
        if buf.is_ascii() {
            buf.make_ascii_lowercase();
        } else {
            *buf = buf.to_lowercase();
        }
    }
}

impl Lexicon {
    /// Parse the built-in tables. A malformed row is a programming error in a reviewed data
    /// file, caught by the unit tests, so parsing reports it with the row text.
    pub fn builtin() -> Result<Lexicon, String> {
        let mut actors = HashMap::default();
        let mut max_actor_words = 1;
        let mut actor_lead_words: HashMap<String, u64> = HashMap::default();
        for r in rows(ACTORS_TSV) {
            if r.len() < 3 {
                return Err(format!("actors.tsv: bad row {r:?}"));
            }
            let person = r[1] == "leader";
            let kind = if person {
                Some(ActorKind::Government)
            } else {
                parse_actor_kind(r[1])
            };
            let kind = kind.ok_or_else(|| format!("actors.tsv: bad kind {}", r[1]))?;
            let actor = NamedActor {
                name: r[0].to_string(),
                kind,
                country: opt(r.get(2)),
                person,
            };
            let mut names = vec![r[0]];
            if let Some(a) = r.get(3) {
                names.extend(a.split('|').filter(|x| !x.is_empty() && *x != "-"));
            }
            for n in names {
                let toks = crate::nlp::tokens::tokenize(n, 0);
                if toks.len() >= 64 {
                    return Err(format!("actors.tsv: alias of 64 or more tokens {n:?}"));
                }
                max_actor_words = max_actor_words.max(toks.len());
                let joined = toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
                let key = actor_key(&joined);
                *actor_lead_words
                    .entry(lead_word(&key).to_lowercase())
                    .or_default() |= 1u64 << toks.len();
                actors.entry(key).or_insert_with(|| actor.clone());
            }
        }
        let mut generic = HashMap::default();
        for r in rows(GENERIC_ACTORS_TSV) {
            let kind = parse_actor_kind(r.get(1).copied().unwrap_or(""))
                .ok_or_else(|| format!("generic_actors.tsv: bad row {r:?}"))?;
            generic.insert(
                r[0].to_string(),
                GenericActor {
                    kind,
                    label: opt(r.get(2)),
                },
            );
        }
        let mut triggers: HashMap<String, Vec<Trigger>> = HashMap::default();
        for r in rows(TRIGGERS_TSV) {
            if r.len() < 6 {
                return Err(format!("triggers.tsv: bad row {r:?}"));
            }
            let event_type =
                EventType::parse(r[1]).ok_or_else(|| format!("triggers.tsv: bad type {}", r[1]))?;
            let pos = if r[3] == "n" { Pos::Noun } else { Pos::Verb };
            let objects: Vec<String> = r[5]
                .strip_prefix("object:")
                .map(|list| list.split(',').map(|w| w.trim().to_lowercase()).collect())
                .unwrap_or_default();
            let condition = match r[5] {
                "armed" => Condition::Armed,
                "armed_noun" => Condition::ArmedNoun,
                "threat_object" => Condition::ThreatObject,
                "not_month" => Condition::NotMonth,
                "displacement" => Condition::Displacement,
                "violent" => Condition::Violent,
                "authority" => Condition::Authority,
                "police_usage" => Condition::PoliceUsage,
                "enacted" => Condition::Enacted,
                "arms" => Condition::Arms,
                "reported_must" => Condition::ReportedMust,
                "party_object" => Condition::PartyObject,
                c if c == "-" || c.starts_with("object:") => Condition::None,
                other => {
                    return Err(format!(
                        "triggers.tsv: unknown condition {other:?} in {r:?}"
                    ))
                }
            };
            for form in r[0].split('|') {
                let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
                if words.is_empty() {
                    continue;
                }
                triggers.entry(words[0].clone()).or_default().push(Trigger {
                    words,
                    event_type,
                    mode: opt(r.get(2)),
                    pos,
                    count: opt(r.get(4)),
                    condition,
                    objects: objects.clone(),
                });
            }
        }
        for list in triggers.values_mut() {
            list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        }
        let mut mappings = HashMap::default();
        for r in rows(PLOVER_MAP_TSV) {
            let t =
                EventType::parse(r[0]).ok_or_else(|| format!("plover.tsv: bad type {}", r[0]))?;
            mappings.insert(
                (t, r.get(1).unwrap_or(&"*").to_string()),
                Mapping {
                    acled_event_type: opt(r.get(2)),
                    acled_sub_event_type: opt(r.get(3)),
                    cameo_root: opt(r.get(4)),
                },
            );
        }
        Ok(Lexicon {
            actors,
            max_actor_words,
            actor_lead_words,
            generic,
            triggers,
            mappings,
        })
    }

    /// ACLED-style and CAMEO mapping for a type and mode (the most specific row wins).
    pub fn mapping(&self, t: EventType, mode: Option<&str>) -> Option<&Mapping> {
        mode.and_then(|m| self.mappings.get(&(t, m.to_string())))
            .or_else(|| self.mappings.get(&(t, "*".to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_parse() {
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(lex.actors.get("daesh").unwrap().name, "ISIS");
        assert_eq!(lex.actors.get("IS").unwrap().name, "ISIS");
        assert!(!lex.actors.contains_key("is"));
        assert!(lex
            .triggers
            .get("air")
            .unwrap()
            .iter()
            .any(|t| t.words == ["air", "strike"]));
        for t in EventType::ALL {
            assert!(lex.mapping(t, None).is_some(), "no mapping row for {t:?}");
        }
        assert_eq!(
            lex.mapping(EventType::Coerce, Some("arrest"))
                .unwrap()
                .acled_sub_event_type
                .as_deref(),
            Some("Arrests")
        );
    }
}
