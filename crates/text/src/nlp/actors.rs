//! Actor mentions in a sentence: named actors from the lexicon (armed groups, leaders,
//! media, organisations), state forces and other generic actors with an optional country
//! ("U.S. military personnel", "Syrian forces", "Nigerian police", "gunmen"), people with
//! titles ("President Donald Trump"), and unnamed counted groups ("at least three individuals").

use std::sync::OnceLock;

use rustc_hash::FxHashSet;
use sitrep_core::{ActorKind, Span};

use super::lexicon::{actor_key_into, Lexicon};
use super::tokens::Token;

/// Country names and demonyms, supplied by the gazetteer (or a test table).
pub trait Countries {
    /// ISO alpha-2 for a demonym or country name as written ("Syrian", "U.S.", "Nigeria").
    fn country_of(&self, words: &str) -> Option<String>;
    /// ISO alpha-2 of the best-known place of that name ("Atlanta" -> US), used to give an
    /// institution named after its town ("Atlanta Police Department") a country.
    fn place_country(&self, _words: &str) -> Option<String> {
        None
    }
    /// The words name a place, so they must not be read as a person's name ("Palmyra").
    fn is_place(&self, words: &str) -> bool {
        self.place_country(words).is_some()
    }
    /// `false` only when no country name or demonym can start with this token, so that the
    /// multi-word probes of `country_of` after it can be skipped. `true` when unsure.
    fn may_start_country(&self, _token: &str) -> bool {
        true
    }
}

impl Countries for std::collections::HashMap<String, String> {
    fn country_of(&self, words: &str) -> Option<String> {
        self.get(&words.to_lowercase()).cloned()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Token range `[start, end)` within the sentence.
    pub start: usize,
    pub end: usize,
    pub span: Span,
    pub text: String,
    pub name: Option<String>,
    pub kind: ActorKind,
    pub country: Option<String>,
    /// Mentions joined by "and" or a hyphen sharing one head ("U.S. and Syrian forces")
    /// carry the same group number; the first of a group acts, the others are partners.
    pub group: Option<usize>,
    /// A bare country name used as an actor ("Russia designated ..."): weaker evidence.
    pub country_as_actor: bool,
    /// The actor is a person with a title or a named leader.
    pub person: bool,
}

pub(crate) const TITLES: &[&str] = &[
    "president",
    "prime minister",
    "minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "interior minister",
    "secretary",
    "secretary of state",
    "defense secretary",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "sheikh",
    "chancellor",
    "senator",
    "sen.",
    "rep.",
    "gen.",
    "general",
    "lt.",
    "col.",
    "colonel",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chief",
    "ambassador",
    "envoy",
    "judge",
    "vice president",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "ayatollah",
];

const MILITARY_TITLES: &[&str] = &["gen.", "general", "lt.", "col.", "colonel", "commander"];

fn joined(toks: &[Token], a: usize, b: usize) -> String {
    toks[a..b]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

fn span_of(toks: &[Token], a: usize, b: usize) -> Span {
    Span::new(toks[a].span.start, toks[b - 1].span.end)
}

/// Whether a country's written form may start at token `t`. Never at an article ("The Syrian
/// army", "The United States", "The U.S. designation"): the lookup ignores a leading "the", so
/// the candidate after it finds the same country, written without it.
fn country_may_start(t: &Token, countries: &dyn Countries) -> bool {
    t.lower != "the" && countries.may_start_country(t.text)
}

/// Country expression ending right before token `end` (up to 4 tokens, possessive allowed).
/// Returns (start token, ISO2, written form).
fn country_before(
    toks: &[Token],
    end: usize,
    countries: &dyn Countries,
) -> Option<(usize, String, String)> {
    let mut e = end;
    if e > 0 && toks[e - 1].lower == "'s" {
        e -= 1;
    }
    for k in (1..=4).rev() {
        if e < k {
            continue;
        }
        let s = e - k;
        if !toks[s].is_capitalized()
            || !toks[e - 1].is_word()
            || !country_may_start(&toks[s], countries)
        {
            continue;
        }
        let words = joined(toks, s, e);
        if let Some(cc) = countries.country_of(&words) {
            return Some((s, cc, words));
        }
    }
    None
}

/// Find actor mentions in one sentence.
pub fn find_actors(toks: &[Token], lex: &Lexicon, countries: &dyn Countries) -> Vec<ActorMention> {
    let mut out: Vec<ActorMention> = Vec::new();
    let mut taken = vec![false; toks.len()];
    // 1. Named actors (longest match), with an optional title before a leader's name.
    let mut i = 0;
    let mut key = String::new();
    while i < toks.len() {
        let mut matched = None;
        // Bit k set: some alias of k tokens starts with this word; others are not probed.
        let lengths = lex
            .actor_lead_words
            .get(super::lexicon::lead_word(&toks[i].lower))
            .copied()
            .unwrap_or(0);
        for k in (1..=lex.max_actor_words.min(toks.len() - i))
            .rev()
            .filter(|k| lengths & (1u64 << k) != 0)
        {
            actor_key_into(toks[i..i + k].iter().map(|t| t.text), &mut key);
            if let Some(a) = lex.actors.get(key.as_str()) {
                // Case-sensitive short aliases must also look like names (not "is", "aa").
                if toks[i].is_capitalized()
                    || toks[i]
                        .text
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit())
                    || key.starts_with("al")
                {
                    matched = Some((k, a.clone()));
                    break;
                }
            }
        }
        if let Some((k, a)) = matched {
            let mut start = i;
            let mut k = k;
            let mut a = a;
            // "Houthi leader", "ISIS commander": a person of the group, named by the group.
            if !a.person
                && a.kind != ActorKind::Media
                && toks.get(i + k).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "leader" | "chief" | "commander" | "spokesman" | "spokeswoman"
                    )
                })
            {
                k += 1;
                a.kind = ActorKind::Person;
            }
            let person = a.person || a.kind == ActorKind::Person;
            if person {
                if let Some(ts) = title_before(toks, i) {
                    start = ts;
                }
            }
            out.push(ActorMention {
                start,
                end: i + k,
                span: span_of(toks, start, i + k),
                text: joined_text(toks, start, i + k),
                name: Some(a.name.clone()),
                kind: a.kind,
                country: a.country.clone(),
                group: None,
                country_as_actor: false,
                person,
            });
            for t in taken.iter_mut().take(i + k).skip(start) {
                *t = true;
            }
            i += k;
        } else {
            i += 1;
        }
    }
    // 1b. Institutions and factions named by shape ("Sheffield Crown Court", "Kenya Defence
    //     Forces", "Government of National Unity", "Mayo faction").
    find_institutions(toks, countries, &mut taken, &mut out);
    // 2. Generic heads with optional country ("U.S. military personnel", "Syrian forces").
    let mut group_id = 0;
    let mut i = 0;
    while i < toks.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let mut head = None;
        for k in (1..=2).rev() {
            if i + k > toks.len() || taken[i..i + k].iter().any(|t| *t) {
                continue;
            }
            key.clear();
            key.push_str(&toks[i].lower);
            if k == 2 {
                key.push(' ');
                key.push_str(&toks[i + 1].lower);
            }
            if let Some(g) = lex.generic.get(key.as_str()) {
                head = Some((k, g.clone(), key.clone()));
                break;
            }
        }
        let Some((k, g, key)) = head else {
            i += 1;
            continue;
        };
        // "Minister Jane Roe", "Foreign Minister John Smith": a capitalised title before a
        // name belongs to the titled person (step 3), not to the generic office.
        if titled_name_at(toks, i, &taken) {
            i += 1;
            continue;
        }
        // Skip a generic head used as a modifier ("police station", "army base") or verb ("forces him").
        let next = toks.get(i + k).map(|t| t.lower.as_str()).unwrap_or("");
        if matches!(
            next,
            "station"
                | "stations"
                | "headquarters"
                | "base"
                | "bases"
                | "chief"
                | "spokesman"
                | "spokeswoman"
                | "commander"
                | "officer"
                | "official"
                | "source"
                | "sources"
                | "said"
                | "says"
                // Things the institution owns or does, not the institution acting ("military
                // equipment", "military aid", "joint military exercises").
                | "equipment"
                | "aid"
                | "assistance"
                | "intelligence"
                | "exercises"
                | "drills"
                | "hardware"
                | "cooperation"
                | "ties"
                | "spending"
                | "budget"
                | "vehicles"
                | "academy"
                | "hospital"
                | "installations"
                | "facilities"
                | "sales"
                | "supplies"
        ) && matches!(key.as_str(), "police" | "army" | "military" | "government")
            && next != "said"
            && next != "says"
        {
            i += k;
            continue;
        }
        // "government forces", "military personnel": the first word modifies a head that
        // follows, which is the actor (state forces, not the civilian government).
        if matches!(key.as_str(), "government" | "military")
            && matches!(
                next,
                "forces" | "force" | "troops" | "soldiers" | "personnel" | "units"
            )
        {
            i += k;
            continue;
        }
        // "suspect sites", "military offensive": a head that is also an adjective names no
        // one when a noun follows it; "civilian advisers": when that noun names people, the
        // actor is the whole phrase up to that noun.
        let mut k = k;
        match adjectival_head_before_noun(toks, i, k, &key, lex) {
            Some(FollowingNoun::Thing) => {
                i += k;
                continue;
            }
            Some(FollowingNoun::People) => k += 1,
            None => {}
        }
        let mut start = i;
        let mut country = None;
        let mut written_country = None;
        let mut extra: Vec<(usize, usize, String, String)> = Vec::new();
        // Modifiers between the country and the head: "government forces", "security forces".
        let mut mod_end = i;
        while mod_end > 0
            && (matches!(
                toks[mod_end - 1].lower.as_str(),
                "government"
                    | "security"
                    | "military"
                    | "armed"
                    | "special"
                    | "federal"
                    | "local"
                    | "state"
                    | "riot"
                    | "regime"
                    | "pro-government"
                    | "allied"
                    | "coalition"
                    | "joint"
                    | "anti-terrorism"
                    | "counter-terrorism"
                    | "counterterrorism"
                    | "anti-riot"
                    | "traffic"
                    | "border"
                    | "paramilitary"
                    | "national"
                    | "regional"
                    | "provincial"
                    | "municipal"
                    | "elite"
                    | "naval"
                    | "ground"
                    | "intelligence"
                    | "patrol"
            ) || affiliation_modifier(&toks[mod_end - 1].lower))
        {
            mod_end -= 1;
        }
        // A generic head right after a named group or another force ("Red Cross officials",
        // "Hezbollah guerrillas", "Israeli army bulldozers") names that group's members: one
        // actor, the group's, reaching over the head.
        // "Baltic Union (BU) officials": a bracketed abbreviation may stand between.
        let pre = if mod_end >= 3 && toks[mod_end - 1].text == ")" && toks[mod_end - 3].text == "("
        {
            mod_end - 3
        } else {
            mod_end
        };
        // Heads of unknown kind ("fighters", "members") are left as they were: the group's
        // name stays a separate mention, which other rules (status, anaphora) read.
        if (pre > 0 && taken[pre - 1] || i > 0 && taken[i - 1]) && g.kind != ActorKind::Unknown {
            if let Some(prev) = out.iter_mut().find(|a| {
                (a.end == pre || a.end == i)
                    && !a.person
                    && a.kind != ActorKind::Media
                    // "army spokesperson", "police officials": a civilian role of a force is
                    // not the force acting.
                    && !(a.kind == ActorKind::StateForces && g.kind != ActorKind::StateForces)
            }) {
                let from = prev.end;
                prev.end = i + k;
                prev.span = span_of(toks, prev.start, i + k);
                prev.text = joined_text(toks, prev.start, i + k);
                for t in taken.iter_mut().take(i + k).skip(from) {
                    *t = true;
                }
                i += k;
                continue;
            }
        }
        let mut run_country = None;
        if let Some((s, cc, w)) = country_before(toks, mod_end, countries) {
            if !taken[s] {
                start = s;
                country = Some(cc);
                written_country = Some(w);
                // "U.S. and Syrian forces", "U.S.-Syrian forces": a second country before.
                if s >= 2 && matches!(toks[s - 1].lower.as_str(), "and" | "-") {
                    if let Some((s2, cc2, w2)) = country_before(toks, s - 1, countries) {
                        if !taken[s2] {
                            extra.push((s2, s - 1, cc2, w2));
                        }
                    }
                }
            }
        } else if let Some((s, cc, w)) = (g.kind == ActorKind::StateForces)
            .then(|| place_before(toks, mod_end, &taken, countries))
            .flatten()
        {
            // "Atlanta police": a town's force belongs to the town's country.
            start = s;
            country = Some(cc);
            written_country = Some(w);
        } else if let Some(s) = name_run_before(toks, mod_end, &taken) {
            // "European Community foreign ministers", "Yoruba leaders": an organisation or
            // people named before the head is part of the actor.
            start = s;
            run_country = institution_country(toks, s, mod_end, countries).0;
        } else if mod_end < i {
            start = mod_end;
        }
        // Weapons and vehicles act for a state only when one is named ("Israeli tanks"); bare,
        // they are things ("tanks rolled in"), as are bare personnel.
        let personnel_only = matches!(
            key.as_str(),
            "personnel"
                | "officers"
                | "drones"
                | "tanks"
                | "aircraft"
                | "helicopters"
                | "gunships"
                | "warships"
                | "bulldozers"
                | "agents"
        );
        if personnel_only && country.is_none() && mod_end == i {
            i += k;
            continue;
        }
        // "Leaders of the X coalition", "officials of Romania's new government", "activists from
        // the Y Party": the body the people belong to is part of the actor.
        let mut end = i + k;
        if matches!(
            key.as_str(),
            "leaders"
                | "members"
                | "officials"
                | "delegation"
                | "delegates"
                | "envoys"
                | "diplomats"
                | "activists"
                | "representatives"
        ) {
            if let Some((e, cc)) = body_after(toks, end, &taken, countries) {
                end = e;
                if run_country.is_none() {
                    run_country = cc;
                }
            }
        }
        if country.is_none() {
            country = run_country;
        }
        let label = g.label.clone();
        let name_for = |w: &Option<String>| -> Option<String> {
            match (w, &label) {
                (Some(c), Some(l)) => Some(format!("{c} {l}")),
                // Labelled crowds ("protesters", "smugglers") are named by their label too.
                (None, Some(l)) => Some(l.clone()),
                _ => None,
            }
        };
        let gid = if extra.is_empty() {
            None
        } else {
            group_id += 1;
            Some(group_id)
        };
        for (s2, e2, cc2, w2) in &extra {
            out.push(ActorMention {
                start: *s2,
                end: *e2,
                span: span_of(toks, *s2, *e2),
                text: joined_text(toks, *s2, *e2),
                name: name_for(&Some(w2.clone())),
                kind: g.kind,
                country: Some(cc2.clone()),
                group: gid,
                country_as_actor: false,
                person: false,
            });
        }
        out.push(ActorMention {
            start,
            end,
            span: span_of(toks, start, end),
            text: joined_text(toks, start, end),
            name: name_for(&written_country),
            kind: g.kind,
            country,
            group: gid,
            country_as_actor: false,
            person: false,
        });
        for t in taken
            .iter_mut()
            .take(end)
            .skip(extra.iter().map(|e| e.0).min().unwrap_or(start))
        {
            *t = true;
        }
        i = end;
    }
    // 3. Titled people not in the lexicon ("Prime Minister Jane Doe", "Gen. Ali Hassan").
    let mut i = 0;
    while i < toks.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        if let Some(tl) = title_at(toks, i).or_else(|| lower_title_at(toks, i, countries)) {
            let mut j = i + tl;
            while j < toks.len()
                && !taken[j]
                && toks[j].is_capitalized()
                && toks[j].is_word()
                && j < i + tl + 4
            {
                j += 1;
            }
            if j > i + tl {
                let title = toks[i..i + tl]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let kind = if MILITARY_TITLES.contains(&title.as_str()) {
                    ActorKind::StateForces
                } else {
                    ActorKind::Government
                };
                let mut start = i;
                let country = country_before(toks, i, countries).map(|(s, cc, _)| {
                    start = s;
                    cc
                });
                out.push(ActorMention {
                    start,
                    end: j,
                    span: span_of(toks, start, j),
                    text: joined_text(toks, start, j),
                    name: Some(joined(toks, i + tl, j)),
                    kind,
                    country,
                    group: None,
                    country_as_actor: false,
                    person: true,
                });
                for t in taken.iter_mut().take(j).skip(start) {
                    *t = true;
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    // 3b. Untitled people recognised by shape: an age or home town in apposition
    //     ("Jane Roe, 41,"), or an Arabic name with a particle ("Khalid al-Rashid").
    find_people(toks, countries, &mut taken, &mut out);
    // 4. Media by shape: "<Name> TV", "<Name> News Agency", "state media".
    for i in 0..toks.len() {
        if taken[i] {
            continue;
        }
        let w = toks[i].lower.as_str();
        if matches!(w, "tv" | "television" | "radio" | "agency" | "broadcaster")
            && i > 0
            && !taken[i - 1]
        {
            let mut s = i;
            while s > 0
                && !taken[s - 1]
                && (toks[s - 1].is_capitalized() || toks[s - 1].lower == "state")
                && s + 4 > i
            {
                s -= 1;
            }
            if s < i {
                let name = joined(toks, s, i + 1);
                let country = country_before(toks, i, countries).map(|(_, cc, _)| cc);
                out.push(ActorMention {
                    start: s,
                    end: i + 1,
                    span: span_of(toks, s, i + 1),
                    text: joined_text(toks, s, i + 1),
                    name: Some(name),
                    kind: ActorKind::Media,
                    country,
                    group: None,
                    country_as_actor: false,
                    person: false,
                });
                for t in taken.iter_mut().take(i + 1).skip(s) {
                    *t = true;
                }
            }
        }
    }
    // 5. Country names or demonyms directly modifying an event noun ("U.S.-Syrian response",
    //    "Russian offensive"): the state acts. Pairs joined by "-" or "and" form a group.
    let mut i = 0;
    while i < toks.len() {
        if taken[i] || !toks[i].is_capitalized() {
            i += 1;
            continue;
        }
        let mut parts: Vec<(usize, usize, String)> = Vec::new();
        let mut j = i;
        while j < toks.len() && !taken[j] {
            let may_start = country_may_start(&toks[j], countries);
            let Some((k, cc)) = (1..=3)
                .rev()
                .filter(|k| may_start && j + k <= toks.len() && toks[j + k - 1].is_word())
                .find_map(|k| {
                    countries
                        .country_of(&joined(toks, j, j + k))
                        .map(|cc| (k, cc))
                })
            else {
                break;
            };
            parts.push((j, j + k, cc));
            j += k;
            if j + 1 < toks.len()
                && matches!(toks[j].lower.as_str(), "-" | "and")
                && toks[j + 1].is_capitalized()
            {
                j += 1;
            } else {
                break;
            }
        }
        let noun_follows = parts.last().is_some_and(|p| {
            p.1 < toks.len()
                && lex.triggers.get(&toks[p.1].lower).is_some_and(|ts| {
                    ts.iter().any(|t| {
                        t.pos == super::lexicon::Pos::Noun
                            || matches!(
                                t.words[0].as_str(),
                                "attack"
                                    | "attacks"
                                    | "offensive"
                                    | "strike"
                                    | "strikes"
                                    | "raid"
                                    | "operation"
                                    | "response"
                                    | "deployment"
                                    | "withdrawal"
                                    | "sanctions"
                                    | "designation"
                            )
                    })
                })
        });
        if parts.is_empty() || !noun_follows || (parts.len() == 1 && parts[0].1 - parts[0].0 == 0) {
            i += 1;
            continue;
        }
        let gid = if parts.len() > 1 {
            group_id += 1;
            Some(group_id)
        } else {
            None
        };
        for (s, e, cc) in &parts {
            out.push(ActorMention {
                start: *s,
                end: *e,
                span: span_of(toks, *s, *e),
                text: joined_text(toks, *s, *e),
                name: Some(joined(toks, *s, *e)),
                kind: ActorKind::Government,
                country: Some(cc.clone()),
                group: gid,
                country_as_actor: true,
                person: false,
            });
            for t in taken.iter_mut().take(*e).skip(*s) {
                *t = true;
            }
        }
        i = parts.last().map(|p| p.1).unwrap_or(i + 1);
    }
    // 6. Bare country names as possible actors ("Russia", "Nigeria's government" is handled above).
    //    After a locative preposition ("from Georgia", "in Jordan") a country is a place.
    let mut i = 0;
    while i < toks.len() {
        if taken[i] || !toks[i].is_capitalized() {
            i += 1;
            continue;
        }
        // ... except after a statement's noun, where "from" names who made it ("an offer from
        // Afghanistan", "pressure from Russia", "independence from Iraq").
        let from_a_party = i > 1
            && toks[i - 1].lower == "from"
            && matches!(
                toks[i - 2].lower.as_str(),
                "offer"
                    | "offers"
                    | "demand"
                    | "demands"
                    | "appeal"
                    | "appeals"
                    | "call"
                    | "calls"
                    | "request"
                    | "requests"
                    | "proposal"
                    | "proposals"
                    | "invitation"
                    | "pressure"
                    | "criticism"
                    | "independence"
                    | "support"
                    | "aid"
                    | "assistance"
                    | "threat"
                    | "threats"
                    | "ultimatum"
                    | "warning"
            );
        if i > 0
            && !from_a_party
            && matches!(
                toks[i - 1].lower.as_str(),
                "in" | "from" | "across" | "throughout" | "inside" | "within" | "into"
            )
        {
            i += 1;
            continue;
        }
        let mut hit = None;
        let may_start = country_may_start(&toks[i], countries);
        for k in (1..=4).rev() {
            if may_start
                && i + k <= toks.len()
                && toks[i + k - 1].is_word()
                && !taken[i..i + k].iter().any(|t| *t)
            {
                let w = joined(toks, i, i + k);
                if let Some(cc) = countries.country_of(&w) {
                    // Demonyms ("Syrian") are adjectives, not actors on their own.
                    if w.ends_with("ian")
                        || w.ends_with("ese")
                        || w.ends_with("ish")
                        || w.ends_with("i")
                            && !w.ends_with("wi")
                            && w != "Mali"
                            && w != "Burundi"
                            && w != "Djibouti"
                            && w != "Malawi"
                            && w != "Brunei"
                            && w != "Haiti"
                            && w != "Fiji"
                        || w.ends_with("can")
                        || w == "U.S."
                            && toks.get(i + k).is_some_and(|t| {
                                t.is_capitalized()
                                    || t.lower != "'s"
                                        && t.is_word()
                                        && !matches!(
                                            t.lower.as_str(),
                                            "and"
                                                | "has"
                                                | "have"
                                                | "is"
                                                | "was"
                                                | "said"
                                                | "says"
                                                | "will"
                                                | "would"
                                        )
                            })
                    {
                        break;
                    }
                    hit = Some((k, cc));
                    break;
                }
            }
        }
        if let Some((k, cc)) = hit {
            out.push(ActorMention {
                start: i,
                end: i + k,
                span: span_of(toks, i, i + k),
                text: joined_text(toks, i, i + k),
                name: Some(joined(toks, i, i + k)),
                kind: ActorKind::Government,
                country: Some(cc),
                group: None,
                country_as_actor: true,
                person: false,
            });
            i += k;
        } else {
            i += 1;
        }
    }
    out.sort_by_key(|a| (a.start, a.end));
    out
}

/// Capitalised words that open sentences or clauses and never start an institution's or a
/// person's name ("The", "After", weekdays, months).
const NAME_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "but",
    "as",
    "by",
    "for",
    "from",
    "with",
    "to",
    "last",
    "this",
    "that",
    "these",
    "those",
    "both",
    "also",
    "meanwhile",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "since",
    "during",
    "if",
    "it",
    "its",
    "their",
    "his",
    "her",
    "our",
    "we",
    "they",
    "he",
    "she",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "according",
    "some",
    "many",
    "several",
    "local",
    "state",
    "federal",
    "national",
];

/// First words of compound place names ("Deir", "Ras", "Abu" in "Abu Salim"): such a run is a
/// place, never a person.
const PLACE_FIRST: &[&str] = &[
    "deir", "tal", "tel", "tell", "ain", "ayn", "jabal", "jebel", "ras", "bab", "wadi", "bir",
    "khan", "qasr", "bani", "beni", "dar", "sharm", "umm", "abu", "bayt", "beit", "kafr", "kfar",
    "hay", "souq", "mar", "al", "el", "camp", "port", "fort", "mount", "lake", "saint", "st",
    "san", "santa", "new", "north", "south", "east", "west", "upper", "lower", "greater",
];

/// Institution head words (lower case, as tokenised) and the kind they give.
/// `Army`-like heads are state forces only when the name opens with a country.
const INSTITUTION_HEADS: &[(&[&str], HeadKind)] = &[
    (&["police", "department"], HeadKind::Police),
    (&["police", "service"], HeadKind::Police),
    (&["police", "force"], HeadKind::Police),
    (&["sheriff", "'s", "office"], HeadKind::Sheriff),
    (&["sheriff", "'s", "department"], HeadKind::Sheriff),
    (&["highway", "patrol"], HeadKind::Police),
    (&["police"], HeadKind::Police),
    (&["constabulary"], HeadKind::Police),
    (&["gendarmerie"], HeadKind::Police),
    (&["court"], HeadKind::Government),
    (&["tribunal"], HeadKind::Government),
    (&["interior", "ministry"], HeadKind::Interior),
    (&["ministry"], HeadKind::Government),
    (&["department"], HeadKind::Government),
    (&["treasury"], HeadKind::Government),
    (&["office"], HeadKind::Government),
    (&["council"], HeadKind::Government),
    (&["parliament"], HeadKind::Government),
    (&["cabinet"], HeadKind::Government),
    (&["commission"], HeadKind::Government),
    (&["government"], HeadKind::Government),
    (&["armed", "forces"], HeadKind::Army),
    (&["defence", "forces"], HeadKind::Army),
    (&["defense", "forces"], HeadKind::Army),
    (&["air", "force"], HeadKind::Army),
    (&["army"], HeadKind::Army),
    (&["forces"], HeadKind::Army),
    (&["navy"], HeadKind::Army),
    (&["guard"], HeadKind::Army),
    (&["brigade"], HeadKind::Militia),
    (&["brigades"], HeadKind::Militia),
    (&["battalion"], HeadKind::Militia),
    (&["militia"], HeadKind::Militia),
    (&["apparatus"], HeadKind::Militia),
    (&["front"], HeadKind::Rebel),
    (&["movement"], HeadKind::Rebel),
    (&["cartel"], HeadKind::Rebel),
    (&["faction"], HeadKind::Rebel),
    (&["gang"], HeadKind::Rebel),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum HeadKind {
    Police,
    /// County sheriffs are a U.S. institution.
    Sheriff,
    Government,
    /// Interior ministries command the police (codebook: state forces).
    Interior,
    Army,
    Militia,
    Rebel,
}

/// Heads that name a group even when written in lower case ("the Mayo faction").
fn lowercase_head_ok(h: HeadKind) -> bool {
    matches!(h, HeadKind::Rebel | HeadKind::Militia | HeadKind::Interior)
}

/// Words of creed, cause or camp written before a group noun ("fundamentalist demonstrators",
/// "separatist rebels", "opposition activists"): part of the group's noun phrase, so the actor's
/// span reaches over them (and over a name before them: "Hindu nationalist marchers").
fn affiliation_modifier(w: &str) -> bool {
    AFFILIATION_MODIFIERS.contains(&w)
}

const AFFILIATION_MODIFIERS: &[&str] = &[
    "fundamentalist",
    "nationalist",
    "islamist",
    "separatist",
    "secessionist",
    "extremist",
    "radical",
    "hardline",
    "hard-line",
    "leftist",
    "left-wing",
    "rightist",
    "right-wing",
    "far-right",
    "far-left",
    "communist",
    "maoist",
    "royalist",
    "monarchist",
    "opposition",
    "pro-democracy",
    "anti-government",
    "anti-war",
    "pro-independence",
    "student",
];

/// What the word after an adjectival head is.
enum FollowingNoun {
    /// A thing or an act ("suspect sites", "military offensive"): the head is an adjective.
    Thing,
    /// People ("civilian advisers", "military instructors"): the head modifies them.
    People,
}

/// Generic heads that are also adjectives ("a suspect", "suspect parcels"; "the military",
/// "military planners").
const ADJECTIVAL_HEADS: &[&str] = &["suspect", "civilian", "military", "militant"];

/// People nouns no generic head lists, named by their work ("civilian advisers").
const ROLE_NOUNS: &[&str] = &[
    "advisers",
    "advisors",
    "adviser",
    "advisor",
    "experts",
    "expert",
    "contractors",
    "contractor",
    "engineers",
    "engineer",
    "technicians",
    "technician",
    "instructors",
    "instructor",
    "observers",
    "observer",
    "specialists",
    "specialist",
    "employees",
    "employee",
    "staff",
    "volunteers",
    "volunteer",
    "planners",
    "pilots",
    "pilot",
    "commanders",
];

/// Acts and holdings of a military written after it ("a new military offensive").
const MILITARY_ACT_NOUNS: &[&str] = &[
    "offensive",
    "operation",
    "operations",
    "campaign",
    "action",
    "intervention",
    "buildup",
    "build-up",
    "presence",
    "option",
    "solution",
    "pressure",
    "power",
    "might",
    "threat",
    "escalation",
    "deployment",
    "strike",
    "strikes",
    "exercise",
    "training",
    "targets",
    "target",
    "sites",
    "site",
    "posts",
    "positions",
];

/// Function words and verbs a singular head may stand before as the subject ("the suspect
/// was", "a civilian and ...").
const NOT_A_NOUN: &[&str] = &[
    "was", "is", "were", "are", "has", "had", "have", "will", "would", "could", "can", "may",
    "might", "must", "should", "shall", "did", "does", "and", "or", "but", "in", "on", "at", "of",
    "for", "to", "from", "with", "by", "as", "who", "whom", "whose", "which", "that", "than",
    "into", "after", "before", "during", "near", "said", "says", "told", "also", "then", "not",
];

/// Words that show a count noun follows ("the suspect", "a civilian", "one militant").
const COUNT_DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "this", "that", "another", "each", "every", "any", "no", "its", "his",
    "her", "their", "our", "'s",
];

/// Whether the adjectival head `key` at `i..i + k` modifies the word after it, and what that
/// word names. A people noun after it always does ("Russian civilian advisers"). Otherwise a
/// military's act ("a military offensive") or, after a suspect with no determiner before it
/// (a suspect is counted: "the suspect", "a suspect"), any plain lower-case word ("probing
/// suspect sites") is a thing the adjective describes.
fn adjectival_head_before_noun(
    toks: &[Token],
    i: usize,
    k: usize,
    key: &str,
    lex: &Lexicon,
) -> Option<FollowingNoun> {
    if k != 1 || !ADJECTIVAL_HEADS.contains(&key) {
        return None;
    }
    let next = toks.get(i + 1)?;
    let w = next.lower.as_str();
    if !next.is_word() || next.is_capitalized() || NOT_A_NOUN.contains(&w) {
        return None;
    }
    if ROLE_NOUNS.contains(&w)
        || lex
            .generic
            .get(w)
            .is_some_and(|g| g.kind != ActorKind::Unknown)
    {
        return Some(FollowingNoun::People);
    }
    if key == "military" && MILITARY_ACT_NOUNS.contains(&w) {
        return Some(FollowingNoun::Thing);
    }
    // The determiner may stand before one modifier ("the main suspect", "a murder suspect").
    let determiner = |j: usize| {
        let p = toks[j].lower.as_str();
        COUNT_DETERMINERS.contains(&p) || p.chars().all(|c| c.is_ascii_digit())
    };
    let counted = i > 0 && determiner(i - 1)
        || i > 1
            && toks[i - 1].is_word()
            && !NOT_A_NOUN.contains(&toks[i - 1].lower.as_str())
            && determiner(i - 2);
    let verb_like = w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly");
    (key == "suspect" && !counted && !verb_like).then_some(FollowingNoun::Thing)
}

/// Modifiers that make a generic phrase, not a name ("Security Forces" opening a sentence).
fn generic_modifier(w: &str) -> bool {
    GENERIC_MODS.contains(&w)
}

const GENERIC_MODS: &[&str] = &[
    "government",
    "security",
    "military",
    "armed",
    "special",
    "federal",
    "local",
    "state",
    "riot",
    "regime",
    "pro-government",
    "allied",
    "coalition",
    "joint",
    "anti-terrorism",
    "counter-terrorism",
    "counterterrorism",
    "anti-riot",
    "traffic",
    "border",
    "paramilitary",
    "national",
    "regional",
    "provincial",
    "municipal",
    "elite",
    "naval",
    "ground",
    "rival",
    "opposing",
    "armed-forces",
];

fn name_word(t: &Token) -> bool {
    t.is_capitalized()
        && t.is_word()
        && !NAME_STOP.contains(&t.lower.as_str())
        && super::dates::weekday(&t.lower).is_none()
}

/// Start of a run of up to four capitalised name words ending right before `end`, with an
/// optional bracketed abbreviation after it ("Montenegro Municipality Association (AKK)"). A
/// single word opening the sentence is not taken: its capital shows no name.
fn name_run_before(toks: &[Token], end: usize, taken: &[bool]) -> Option<usize> {
    let mut e = end;
    if e >= 3 && toks[e - 1].text == ")" && toks[e - 3].text == "(" && !taken[e - 2] {
        e -= 3;
    }
    let mut s = e;
    while s > 0 && e - s < 4 && !taken[s - 1] && name_word(&toks[s - 1]) {
        s -= 1;
    }
    (s < e && !(s == 0 && e == 1)).then_some(s)
}

/// Bodies people belong to, written in lower case after the body's name ("the Azadliq
/// opposition coalition", "Romania's new government").
const BODY_NOUNS: &[&str] = &[
    "government",
    "coalition",
    "party",
    "parties",
    "movement",
    "parliament",
    "council",
    "assembly",
    "alliance",
    "front",
    "group",
    "union",
    "association",
    "committee",
    "organization",
    "organisation",
    "opposition",
    "ministry",
    "administration",
    "authority",
    "regime",
];

/// Lower-case words of a body's standing that may stand between "the" and its name.
const STANDING_WORDS: &[&str] = &[
    "defeated",
    "ruling",
    "governing",
    "banned",
    "outlawed",
    "exiled",
    "former",
    "rival",
    "breakaway",
    "opposition",
];

/// The end of "of/from (the) <Name> ..." after a head naming people ("leaders of the X
/// coalition"), and the country the name gives: a name run (possessive and bracketed gloss
/// allowed), then up to three lower-case words ending in a body noun.
fn body_after(
    toks: &[Token],
    end: usize,
    taken: &[bool],
    countries: &dyn Countries,
) -> Option<(usize, Option<String>)> {
    if !toks
        .get(end)
        .is_some_and(|t| matches!(t.lower.as_str(), "of" | "from"))
    {
        return None;
    }
    let mut j = end + 1;
    if toks.get(j).is_some_and(|t| t.lower == "the") {
        j += 1;
    }
    // "activists from the defeated Fatah Party", "members of the banned X": a word of the
    // body's standing before its name belongs to the body.
    if toks
        .get(j)
        .is_some_and(|t| STANDING_WORDS.contains(&t.lower.as_str()))
        && toks.get(j + 1).is_some_and(name_word)
    {
        j += 1;
    }
    let s = j;
    while j < toks.len() && j - s < 5 && !taken[j] && name_word(&toks[j]) {
        j += 1;
    }
    if j == s {
        return None;
    }
    let cc = (1..=(j - s).min(3))
        .rev()
        .find_map(|k| countries.country_of(&joined(toks, s, s + k)));
    let mut e = j;
    if toks.get(e).is_some_and(|t| t.lower == "'s") {
        e += 1;
    }
    // "(Freedom)": a gloss in brackets.
    if toks.get(e).is_some_and(|t| t.text == "(") {
        if let Some(c) = (e + 1..(e + 5).min(toks.len())).find(|&c| toks[c].text == ")") {
            e = c + 1;
        }
    }
    if let Some(b) = (e..(e + 3).min(toks.len()))
        .take_while(|&c| toks[c].is_word() && !toks[c].is_capitalized())
        .filter(|&c| BODY_NOUNS.contains(&toks[c].lower.as_str()))
        .last()
    {
        return Some((b + 1, cc));
    }
    Some((j, cc))
}

/// A place name (1-3 capitalised words) ending right before `end`: (start, ISO2, words).
fn place_before(
    toks: &[Token],
    end: usize,
    taken: &[bool],
    countries: &dyn Countries,
) -> Option<(usize, String, String)> {
    (1..=3.min(end)).rev().find_map(|k| {
        let s = end - k;
        if taken[s..end].iter().any(|t| *t) || !toks[s..end].iter().all(name_word) {
            return None;
        }
        let w = joined(toks, s, end);
        countries.place_country(&w).map(|cc| (s, cc, w))
    })
}

/// Country of an institution from its modifier words: a leading country or demonym
/// ("Kenya Defence Forces"), else the place it is named after ("Savannah Police Department").
fn institution_country(
    toks: &[Token],
    s: usize,
    e: usize,
    countries: &dyn Countries,
) -> (Option<String>, bool) {
    for k in (1..=3.min(e - s)).rev() {
        if let Some(cc) = countries.country_of(&joined(toks, s, s + k)) {
            return (Some(cc), true);
        }
    }
    // Drop leading words ("Greater") and a trailing "County"/"City" until a place is found.
    let mut end = e;
    while end > s && matches!(toks[end - 1].lower.as_str(), "county" | "city" | "crown") {
        end -= 1;
    }
    for a in s..end {
        if let Some(cc) = countries.place_country(&joined(toks, a, end)) {
            return (Some(cc), false);
        }
    }
    (None, false)
}

/// Institutions, forces and factions recognised by their head word (step 1b of `find_actors`).
fn find_institutions(
    toks: &[Token],
    countries: &dyn Countries,
    taken: &mut [bool],
    out: &mut Vec<ActorMention>,
) {
    static HEAD_STARTS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let head_starts =
        HEAD_STARTS.get_or_init(|| INSTITUTION_HEADS.iter().map(|(ws, _)| ws[0]).collect());
    let mut i = 0;
    while i < toks.len() {
        // Most tokens start no head: skip the scan of the head list for them.
        if !head_starts.contains(toks[i].lower.as_str()) {
            i += 1;
            continue;
        }
        let head = INSTITUTION_HEADS.iter().find(|(ws, _)| {
            i + ws.len() <= toks.len()
                && ws
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks[i + k].lower == *w && !taken[i + k])
        });
        let Some(&(ws, hk)) = head else {
            i += 1;
            continue;
        };
        let head_end = i + ws.len();
        let proper = toks[head_end - 1].is_capitalized();
        if !proper && !lowercase_head_ok(hk) {
            i += 1;
            continue;
        }
        // Left: capitalised name words ("Greater Manchester", "Marion County").
        let mut s = i;
        while s > 0 && !taken[s - 1] && name_word(&toks[s - 1]) && i - s < 5 {
            s -= 1;
        }
        // Right: "Government of National Unity", "Ministry of the Interior".
        let mut e = head_end;
        if proper && toks.get(e).is_some_and(|t| t.lower == "of") {
            let mut j = e + 1;
            if toks.get(j).is_some_and(|t| t.lower == "the") {
                j += 1;
            }
            let from = j;
            while j < toks.len() && !taken[j] && name_word(&toks[j]) && j < from + 4 {
                j += 1;
            }
            if j > from {
                e = j;
            }
        }
        if s == i && e == head_end && hk != HeadKind::Interior {
            i = head_end;
            continue;
        }
        let mods: Vec<&str> = toks[s..i].iter().map(|t| t.lower.as_str()).collect();
        let (mut country, leading_country) = institution_country(toks, s, i, countries);
        // "Security Forces", "Federal Police": generic phrases left to step 2 unless a country
        // opens them ("Colombian National Police").
        if e == head_end
            && !leading_country
            && !mods.is_empty()
            && mods.iter().all(|m| generic_modifier(m))
        {
            i = head_end;
            continue;
        }
        // A place-named army is not a state's ("Arakan Army"); only a leading country is.
        if matches!(hk, HeadKind::Army | HeadKind::Militia | HeadKind::Rebel) && !leading_country {
            country = None;
        }
        if hk == HeadKind::Sheriff && country.is_none() {
            country = Some("US".to_string());
        }
        let kind = match hk {
            HeadKind::Police | HeadKind::Sheriff | HeadKind::Interior => ActorKind::StateForces,
            HeadKind::Government => ActorKind::Government,
            HeadKind::Army if leading_country => ActorKind::StateForces,
            HeadKind::Army | HeadKind::Rebel => ActorKind::RebelGroup,
            HeadKind::Militia => ActorKind::PoliticalMilitia,
        };
        let text = joined_text(toks, s, e);
        out.push(ActorMention {
            start: s,
            end: e,
            span: span_of(toks, s, e),
            text: text.clone(),
            name: Some(text),
            kind,
            country,
            group: None,
            country_as_actor: false,
            person: false,
        });
        for t in taken.iter_mut().take(e).skip(s) {
            *t = true;
        }
        i = e;
    }
}

/// Arabic articles written in lower case before a name ("al-Kikli", "el-Sisi").
pub(crate) const ARABIC_ARTICLES: &[&str] =
    &["al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-"];

/// An Arabic name particle inside a token ("al-Kikli") or as a word ("bin", "ibn").
fn arabic_particle(t: &Token) -> bool {
    ARABIC_ARTICLES
        .iter()
        .any(|p| t.text.starts_with(p) && t.text.len() > p.len())
        || matches!(t.text, "bin" | "ibn" | "bint")
}

/// Apposition after a name that marks a person: ", 34,", ", a 34-year-old", ", aged 34",
/// ", of Salford,".
fn person_apposition(toks: &[Token], e: usize) -> bool {
    if toks.get(e).is_none_or(|t| t.text != ",") {
        return false;
    }
    let at = |k: usize| toks.get(e + k).map(|t| t.lower.as_str()).unwrap_or("");
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 3;
    let year_old = |w: &str| {
        w.split('-')
            .next()
            .is_some_and(|n| number(n) && w.contains("-year-old"))
    };
    (number(at(1)) && matches!(at(2), "," | "was" | "is" | "who" | "from" | "of"))
        || (matches!(at(1), "a" | "an") && year_old(at(2)))
        || year_old(at(1))
        || (at(1) == "aged" && number(at(2)))
        || (at(1) == "of" && toks.get(e + 2).is_some_and(|t| t.is_capitalized()))
}

/// A name set off by commas after a title noun: "the province's governor, Jane Roe, said".
fn title_apposition(toks: &[Token], s: usize, e: usize) -> bool {
    s >= 2
        && toks[s - 1].text == ","
        && TITLES.contains(&toks[s - 2].lower.as_str())
        && toks.get(e).is_some_and(|t| t.text == ",")
}

/// People without a title, recognised by shape (step 3b of `find_actors`).
fn find_people(
    toks: &[Token],
    countries: &dyn Countries,
    taken: &mut [bool],
    out: &mut Vec<ActorMention>,
) {
    let mut i = 0;
    while i < toks.len() {
        if taken[i] || !name_word(&toks[i]) || PLACE_FIRST.contains(&toks[i].lower.as_str()) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        let mut particle = false;
        while e < toks.len() && !taken[e] && e < i + 4 {
            if name_word(&toks[e]) {
                e += 1;
            } else if arabic_particle(&toks[e]) {
                particle = true;
                e += 1;
            } else {
                break;
            }
        }
        // "bin" must be followed by a name ("bin Salman").
        while e > i + 1 && matches!(toks[e - 1].text, "bin" | "ibn" | "bint") {
            e -= 1;
        }
        let words = joined(toks, i, e);
        let has_country_word = || (i..e).any(|k| countries.country_of(toks[k].text).is_some());
        let is_person = e >= i + 2
            && !countries.is_place(&words)
            && countries.country_of(&words).is_none()
            && ((particle && !has_country_word())
                || person_apposition(toks, e)
                || title_apposition(toks, i, e));
        if !is_person {
            i += 1;
            continue;
        }
        let text = joined_text(toks, i, e);
        out.push(ActorMention {
            start: i,
            end: e,
            span: span_of(toks, i, e),
            text: text.clone(),
            name: Some(text),
            kind: ActorKind::Person,
            country: None,
            group: None,
            country_as_actor: false,
            person: true,
        });
        for t in taken.iter_mut().take(e).skip(i) {
            *t = true;
        }
        i = e;
    }
}

fn joined_text(toks: &[Token], a: usize, b: usize) -> String {
    // Rebuild the surface text with original spacing where tokens touch.
    let mut s = String::new();
    for (n, t) in toks[a..b].iter().enumerate() {
        if n > 0 && toks[a + n - 1].span.end < t.span.start {
            s.push(' ');
        }
        s.push_str(t.text);
    }
    s
}

/// Length in tokens of a title starting at `i`, if any.
/// First words of [`TITLES`] without a final period ("prime", "gen"): `title_at` runs at
/// most tokens, and most tokens start no title.
fn title_starts() -> &'static FxHashSet<&'static str> {
    static STARTS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    STARTS.get_or_init(|| {
        TITLES
            .iter()
            .filter_map(|t| t.split(' ').next())
            .map(|w| w.trim_end_matches('.'))
            .collect()
    })
}

fn title_at(toks: &[Token], i: usize) -> Option<usize> {
    if !toks[i].is_capitalized() {
        return None;
    }
    title_len(toks, i)
}

/// A capitalised title at `i` followed by a free capitalised word: the start of a titled
/// name that step 3 of [`find_actors`] reads.
fn titled_name_at(toks: &[Token], i: usize, taken: &[bool]) -> bool {
    title_at(toks, i).is_some_and(|tl| {
        toks.get(i + tl)
            .is_some_and(|t| t.is_capitalized() && t.is_word() && !taken[i + tl])
    })
}

/// A title in lower case right after a country ("Libyan leader Muammar Gaddafi", "Peru's
/// president Ana Ruiz"): the country before it shows it is an office, not a common noun.
fn lower_title_at(toks: &[Token], i: usize, countries: &dyn Countries) -> Option<usize> {
    if i == 0 || toks[i].is_capitalized() {
        return None;
    }
    let tl = title_len(toks, i)?;
    country_before(toks, i, countries).map(|_| tl)
}

/// Length in tokens of a title starting at `i`, in any case.
fn title_len(toks: &[Token], i: usize) -> Option<usize> {
    if !title_starts().contains(toks[i].lower.trim_end_matches('.')) {
        return None;
    }
    for k in (1..=3).rev() {
        if i + k > toks.len() {
            continue;
        }
        let mut key = toks[i..i + k]
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        // "Gen." is tokenised as "Gen" + ".".
        if k >= 2 && toks[i + k - 1].text == "." {
            key = key.replace(" .", ".");
        }
        if TITLES.contains(&key.as_str()) {
            return Some(k);
        }
    }
    None
}

/// Start of a title directly before token `i` ("President" in "President Donald Trump").
fn title_before(toks: &[Token], i: usize) -> Option<usize> {
    // Longest title first: "Defence Minister", not "Minister".
    (1..=3)
        .rev()
        .filter(|k| *k <= i)
        .find_map(|k| title_at(toks, i - k).filter(|l| *l == k).map(|_| i - k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::tokenize;
    use std::collections::HashMap;

    fn countries() -> HashMap<String, String> {
        [
            ("u.s.", "US"),
            ("syrian", "SY"),
            ("syria", "SY"),
            ("russia", "RU"),
            ("american", "US"),
            ("nigerian", "NG"),
            ("nigeria", "NG"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    }

    type Row = (Option<String>, ActorKind, Option<String>, Option<usize>);

    fn actors(s: &str) -> Vec<Row> {
        let lex = Lexicon::builtin().unwrap();
        let toks = tokenize(s, 0);
        find_actors(&toks, &lex, &countries())
            .into_iter()
            .map(|a| (a.name, a.kind, a.country, a.group))
            .collect()
    }

    #[test]
    fn groups_forces_and_leaders() {
        let a = actors("The recent ISIS attack on U.S. military personnel in the desert town");
        assert_eq!(a[0].0.as_deref(), Some("ISIS"));
        assert_eq!(
            (a[1].1, a[1].2.as_deref()),
            (ActorKind::StateForces, Some("US"))
        );
        let a = actors("U.S. and Syrian forces worked together");
        assert_eq!(a.len(), 2);
        assert_eq!(
            (a[0].2.as_deref(), a[1].2.as_deref()),
            (Some("US"), Some("SY"))
        );
        assert!(a[0].3.is_some() && a[0].3 == a[1].3);
        let a = actors("President Donald Trump vowed to retaliate");
        assert_eq!(
            (a[0].0.as_deref(), a[0].1, a[0].2.as_deref()),
            (Some("Donald Trump"), ActorKind::Government, Some("US"))
        );
        let a = actors("a group designated by Russia and Daesh fighters");
        assert!(a
            .iter()
            .any(|x| x.0.as_deref() == Some("Russia") && x.2.as_deref() == Some("RU")));
        assert!(a.iter().any(|x| x.0.as_deref() == Some("ISIS")));
        let a = actors("According to Syria TV, gunmen opened fire");
        assert_eq!(
            (a[0].0.as_deref(), a[0].1),
            (Some("Syria TV"), ActorKind::Media)
        );
        assert_eq!((a[1].0.as_deref(), a[1].1), (None, ActorKind::Unknown));
        let a = actors("Nigerian police arrested 12 people, and Nigeria's army deployed");
        assert_eq!(
            (a[0].0.as_deref(), a[0].2.as_deref()),
            (Some("Nigerian police"), Some("NG"))
        );
    }

    /// Countries plus a few towns, standing in for the gazetteer.
    struct World {
        countries: HashMap<String, String>,
        places: HashMap<String, String>,
    }

    impl Countries for World {
        fn country_of(&self, words: &str) -> Option<String> {
            self.countries.country_of(words)
        }
        fn place_country(&self, words: &str) -> Option<String> {
            self.places.get(&words.to_lowercase()).cloned()
        }
    }

    fn world() -> World {
        let mut countries = countries();
        for (a, b) in [
            ("jordan", "JO"),
            ("georgia", "GE"),
            ("georgian", "GE"),
            ("kenya", "KE"),
            ("ghanaian", "GH"),
            ("ghana", "GH"),
        ] {
            countries.insert(a.to_string(), b.to_string());
        }
        let places = [
            ("leeds", "GB"),
            ("manchester", "GB"),
            ("dayton", "US"),
            ("boone", "US"),
            ("tripoli", "LY"),
            ("palmyra", "SY"),
            ("tadmur", "SY"),
            ("deir al-zor", "SY"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        World { countries, places }
    }

    fn mentions(s: &str) -> Vec<ActorMention> {
        let lex = Lexicon::builtin().unwrap();
        let toks = tokenize(s, 0);
        find_actors(&toks, &lex, &world())
    }

    fn find<'a>(m: &'a [ActorMention], text: &str) -> &'a ActorMention {
        m.iter()
            .find(|a| a.text == text)
            .unwrap_or_else(|| panic!("no mention {text:?} in {m:#?}"))
    }

    #[test]
    fn institutions_by_head_word() {
        let m = mentions("The Leeds Crown Court jailed two men on Tuesday.");
        let a = find(&m, "Leeds Crown Court");
        assert_eq!(
            (a.kind, a.country.as_deref()),
            (ActorKind::Government, Some("GB"))
        );
        let m = mentions("Officers from the Dayton Police Department detained a driver.");
        let a = find(&m, "Dayton Police Department");
        assert_eq!(
            (a.kind, a.country.as_deref()),
            (ActorKind::StateForces, Some("US"))
        );
        let m = mentions("the Boone County Sheriff's Office said deputies were hurt");
        let a = find(&m, "Boone County Sheriff's Office");
        assert_eq!(
            (a.kind, a.country.as_deref()),
            (ActorKind::StateForces, Some("US"))
        );
        let m = mentions("Ghana Armed Forces troops arrived, said the Ghanaian interior ministry.");
        // The troops are the institution's: one actor over both.
        let a = find(&m, "Ghana Armed Forces troops");
        assert_eq!(
            (a.kind, a.country.as_deref()),
            (ActorKind::StateForces, Some("GH"))
        );
        let a = find(&m, "Ghanaian interior ministry");
        assert_eq!(
            (a.kind, a.country.as_deref()),
            (ActorKind::StateForces, Some("GH"))
        );
        let m = mentions(
            "forces loyal to the Government of Shared Accord clashed with the Nawasi Brigade",
        );
        assert_eq!(
            find(&m, "Government of Shared Accord").kind,
            ActorKind::Government
        );
        assert_eq!(find(&m, "Nawasi Brigade").kind, ActorKind::PoliticalMilitia);
        let m = mentions("gunmen from the Zambada faction fought the Gulf Cartel");
        assert_eq!(find(&m, "Zambada faction").kind, ActorKind::RebelGroup);
        assert_eq!(find(&m, "Gulf Cartel").kind, ActorKind::RebelGroup);
        // A place-named army with no country in front is not a state's army.
        let m = mentions("the Northern Liberation Army seized the town");
        let a = find(&m, "Northern Liberation Army");
        assert_eq!(
            (a.kind, a.country.as_deref()),
            (ActorKind::RebelGroup, None)
        );
        // Generic phrases stay generic.
        let m = mentions("Security Forces said the road was closed");
        assert!(m.iter().all(|a| a.kind != ActorKind::RebelGroup), "{m:?}");
    }

    #[test]
    fn town_police_take_the_town_country() {
        let m = mentions("Manchester police arrested a teenager");
        let a = find(&m, "Manchester police");
        assert_eq!(
            (a.kind, a.country.as_deref(), a.name.as_deref()),
            (
                ActorKind::StateForces,
                Some("GB"),
                Some("Manchester police")
            )
        );
    }

    #[test]
    fn people_by_shape() {
        let m = mentions("Jordan Pike, 27, was charged with assault in Leeds.");
        let a = find(&m, "Jordan Pike");
        assert!(a.person && a.kind == ActorKind::Person);
        let m = mentions("Georgia Lane, a 51-year-old teacher, was stabbed.");
        assert!(find(&m, "Georgia Lane").person);
        let m = mentions("The region's governor, Amos Reed, praised the police.");
        assert!(find(&m, "Amos Reed").person);
        let m = mentions("Martin Cole, of Leeds, was arrested.");
        assert!(find(&m, "Martin Cole").person);
        let m = mentions("The militia commander Salem al-Wirfalli was shot dead.");
        let a = find(&m, "Salem al-Wirfalli");
        assert_eq!((a.kind, a.person), (ActorKind::Person, true));
        // Places are never people, with or without apposition.
        for s in [
            "Gunmen attacked Deir al-Zor on Monday.",
            "Shots were fired in Palmyra, 40 miles from the city.",
            "Jordan, a 75-year-old kingdom, closed the border.",
            "Clashes hit Tripoli, of all places.",
        ] {
            assert!(
                mentions(s).iter().all(|a| !a.person),
                "{s}: {:?}",
                mentions(s)
            );
        }
    }

    #[test]
    fn titled_and_listed_people() {
        let m = mentions("Defence Minister Israel Katz warned the Houthis");
        let a = find(&m, "Defence Minister Israel Katz");
        assert_eq!(
            (a.name.as_deref(), a.country.as_deref(), a.person),
            (Some("Israel Katz"), Some("IL"), true)
        );
        assert!(m.iter().any(|x| x.name.as_deref() == Some("Houthis")));
        assert!(!m.iter().any(|x| x.country_as_actor), "{m:?}");
    }

    #[test]
    fn group_leaders_are_people() {
        let m = mentions("A Hamas commander was killed and Hamas fighters fled");
        let a = find(&m, "Hamas commander");
        assert_eq!(
            (a.kind, a.person, a.name.as_deref()),
            (ActorKind::Person, true, Some("Hamas"))
        );
        assert_eq!(find(&m, "Hamas").kind, ActorKind::RebelGroup);
    }

    #[test]
    fn labelled_crowds_have_names() {
        let m = mentions("rioters threw bricks as protesters fled and smugglers escaped");
        let names: Vec<_> = m.iter().filter_map(|a| a.name.as_deref()).collect();
        assert_eq!(names, ["rioters", "protesters", "smugglers"]);
        let m = mentions("the ship's crew members were freed");
        assert_eq!(find(&m, "crew members").kind, ActorKind::Civilians);
        assert_eq!(find(&m, "crew members").name, None);
    }
}
