//! Actor mentions in a sentence: named actors from the lexicon (armed groups, leaders,
//! media, organisations), state forces and other generic actors with an optional country
//! ("U.S. military personnel", "Syrian forces", "Nigerian police", "gunmen"), people with
//! titles ("President Donald Trump"), and unnamed counted groups ("at least three individuals").

use sitrep_core::{ActorKind, Span};

use super::lexicon::{actor_key, Lexicon};
use super::tokens::Token;

/// Country names and demonyms, supplied by the gazetteer (or a test table).
pub trait Countries {
    /// ISO alpha-2 for a demonym or country name as written ("Syrian", "U.S.", "Nigeria").
    fn country_of(&self, words: &str) -> Option<String>;
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

const TITLES: &[&str] = &[
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
        if !toks[s].is_capitalized() || !toks[e - 1].is_word() {
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
    while i < toks.len() {
        let mut matched = None;
        for k in (1..=lex.max_actor_words.min(toks.len() - i)).rev() {
            let key = actor_key(&joined(toks, i, i + k));
            if let Some(a) = lex.actors.get(&key) {
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
            let person = a.person;
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
            let key = toks[i..i + k]
                .iter()
                .map(|t| t.lower.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(g) = lex.generic.get(&key) {
                head = Some((k, g.clone(), key));
                break;
            }
        }
        let Some((k, g, key)) = head else {
            i += 1;
            continue;
        };
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
        ) && matches!(key.as_str(), "police" | "army" | "military" | "government")
            && next != "said"
            && next != "says"
        {
            i += k;
            continue;
        }
        let mut start = i;
        let mut country = None;
        let mut written_country = None;
        let mut extra: Vec<(usize, usize, String, String)> = Vec::new();
        // Modifiers between the country and the head: "government forces", "security forces".
        let mut mod_end = i;
        while mod_end > 0
            && matches!(
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
            )
        {
            mod_end -= 1;
        }
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
        } else if mod_end < i {
            start = mod_end;
        }
        let personnel_only = matches!(key.as_str(), "personnel" | "officers" | "drones");
        if personnel_only && country.is_none() && mod_end == i {
            i += k;
            continue;
        }
        let label = g.label.clone();
        let name_for = |w: &Option<String>| -> Option<String> {
            match (w, &label) {
                (Some(c), Some(l)) => Some(format!("{c} {l}")),
                (None, Some(l))
                    if g.kind == ActorKind::StateForces || g.kind == ActorKind::Government =>
                {
                    Some(l.clone())
                }
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
            end: i + k,
            span: span_of(toks, start, i + k),
            text: joined_text(toks, start, i + k),
            name: name_for(&written_country),
            kind: g.kind,
            country,
            group: gid,
            country_as_actor: false,
            person: false,
        });
        for t in taken
            .iter_mut()
            .take(i + k)
            .skip(extra.iter().map(|e| e.0).min().unwrap_or(start))
        {
            *t = true;
        }
        i += k;
    }
    // 3. Titled people not in the lexicon ("Prime Minister Jane Doe", "Gen. Ali Hassan").
    let mut i = 0;
    while i < toks.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        if let Some(tl) = title_at(toks, i) {
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
            let Some((k, cc)) = (1..=3)
                .rev()
                .filter(|k| j + k <= toks.len() && toks[j + k - 1].is_word())
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
    let mut i = 0;
    while i < toks.len() {
        if taken[i] || !toks[i].is_capitalized() {
            i += 1;
            continue;
        }
        let mut hit = None;
        for k in (1..=4).rev() {
            if i + k <= toks.len()
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
fn title_at(toks: &[Token], i: usize) -> Option<usize> {
    if !toks[i].is_capitalized() {
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
    (1..=3)
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
}
