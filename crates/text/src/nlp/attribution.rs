//! In-text attribution (codebook section 7): who says so ("according to Syria TV",
//! "police said", "Syria TV's sources indicated", "X claimed responsibility"), whether the
//! sentence only rests on that claim, denials, and hedges that lower certainty.

use sitrep_core::{ActorKind, AttributionKind, Span};

use super::actors::ActorMention;
use super::tokens::Token;

#[derive(Debug, Clone, PartialEq)]
pub struct AttributionMention {
    pub source: String,
    pub kind: AttributionKind,
    pub cue: String,
    pub span: Span,
    /// Token range of the whole cue (source included), so its source is not taken as an actor.
    pub start: usize,
    pub end: usize,
    /// The sentence rests on this claim ("according to", "claimed", "sources indicated").
    pub claimed: bool,
}

/// What a sentence says about how sure it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceStance {
    pub attributions: Vec<AttributionMention>,
    /// Someone denies the happening ("denied that", "denied reports").
    pub denied: bool,
    /// Hedge words found ("reportedly", "allegedly", "unconfirmed").
    pub hedges: Vec<String>,
}

const SAY_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "stated",
    "confirmed",
    "claimed",
    "claims",
    "indicated",
    "added",
    "tweeted",
    "posted",
    "wrote",
    "alleged",
    "asserted",
    "noted",
    "notes",
    "say",
    "tell",
    "tells",
    "adds",
    "writes",
    "argued",
    "argues",
    "explained",
    "insisted",
    "acknowledged",
    "admitted",
    "suggested",
    "recalled",
];

/// Personal pronouns that can be the source of a reporting verb ("he said").
const PRONOUN_SOURCES: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Nouns for people and bodies that speak ("officials said", "a senior aide said").
const SPEAKER_NOUNS: &[&str] = &[
    "witnesses",
    "witness",
    "officials",
    "official",
    "residents",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "ministry",
    "authorities",
    "reports",
    "report",
    "media",
    "sources",
    "source",
    "activists",
    "medics",
    "doctors",
    "army",
    "military",
    "monitor",
    "group",
    "aide",
    "aides",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "campaign",
    "company",
    "agency",
    "department",
    "government",
    "statement",
    "lawmakers",
    "critics",
    "supporters",
    "advocates",
    "officers",
    "lawyer",
    "lawyers",
    "attorney",
    "adviser",
    "advisers",
    "advisor",
    "director",
    "chief",
    "candidate",
    "commission",
    "committee",
    "poll",
    "survey",
    "study",
    "newspaper",
    "organisers",
    "organizers",
    "leaders",
    "leader",
    "president",
    "minister",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "people",
    "voters",
    "members",
    "member",
    "diplomats",
    "diplomat",
    "observers",
    "researchers",
    "scientists",
    "economists",
    "historian",
    "professor",
    "representative",
    "representatives",
    "spokespeople",
    "family",
    "relatives",
    "investigators",
];

/// Words that open a noun phrase: the walk back over a source stops after one.
const NP_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "another", "this", "these",
    "those", "one", "two", "three", "several", "many", "some", "other",
];

/// Words that cannot stand inside a source noun phrase before its head.
const NP_BREAKS: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "whom", "when", "while", "as", "because", "if",
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "to", "in", "on", "at", "from", "with", "by", "after", "before", "than", "not",
    "also", "so", "then", "there", "what", "where", "how", "said", "says", "told",
];

/// The start of the speaker noun phrase ending right before token `end`: a pronoun ("he
/// said"), or a phrase whose head is a name or a speaker noun ("a senior campaign aide said",
/// "the head of the agency said", "Jane Roe said"), walked back to its determiner, at most
/// eight words.
fn speaker_phrase(toks: &[Token], end: usize) -> Option<usize> {
    let head = toks.get(end.checked_sub(1)?)?;
    if PRONOUN_SOURCES.contains(&head.lower.as_str()) {
        return Some(end - 1);
    }
    let name =
        head.is_word() && head.is_capitalized() && !NP_OPENERS.contains(&head.lower.as_str());
    if !(name || SPEAKER_NOUNS.contains(&head.lower.as_str())) {
        return None;
    }
    let mut start = end - 1;
    while start > 0 && end - start < 8 {
        let t = &toks[start - 1];
        let w = t.lower.as_str();
        if NP_OPENERS.contains(&w) {
            start -= 1;
            break;
        }
        let inside = (t.is_word() && !NP_BREAKS.contains(&w) && !w.ends_with("ly"))
            || matches!(t.text, "'s" | "\u{2019}s" | "-" | ".");
        if !inside {
            break;
        }
        start -= 1;
    }
    Some(start)
}

const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "alleged",
    "unconfirmed",
    "unverified",
    "possibly",
    "apparently",
    "purportedly",
    "suspected",
    "rumoured",
    "rumored",
    "may",
    "might",
];

fn kind_for(actor: Option<&ActorMention>, words: &str) -> AttributionKind {
    let w = words.to_lowercase();
    if w.contains("witness") || w.contains("resident") || w.contains("survivor") {
        return AttributionKind::Witness;
    }
    if w.contains("source") && actor.is_none_or(|a| a.kind != ActorKind::Media) {
        return AttributionKind::Anonymous;
    }
    if w.contains("police") || w.contains("gendarm") {
        return AttributionKind::Official;
    }
    match actor.map(|a| a.kind) {
        Some(ActorKind::Media) => AttributionKind::Media,
        Some(ActorKind::StateForces) => AttributionKind::Military,
        Some(ActorKind::Government) => AttributionKind::Official,
        Some(ActorKind::Organisation) => AttributionKind::Organisation,
        Some(ActorKind::RebelGroup | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia) => {
            AttributionKind::GroupClaim
        }
        _ if w.contains("official")
            || w.contains("ministry")
            || w.contains("police")
            || w.contains("authorit")
            || w.contains("spokes") =>
        {
            AttributionKind::Official
        }
        _ if w.contains("army") || w.contains("military") => AttributionKind::Military,
        _ if w.contains("report") || w.contains("media") || w.contains("tv") => {
            AttributionKind::Media
        }
        _ => AttributionKind::Unknown,
    }
}

fn actor_at(actors: &[ActorMention], a: usize, b: usize) -> Option<&ActorMention> {
    actors.iter().find(|m| m.start >= a && m.end <= b)
}

fn surface(toks: &[Token], text: &str, a: usize, b: usize) -> String {
    Span::new(toks[a].span.start, toks[b - 1].span.end)
        .slice(text)
        .to_string()
}

/// Adverbs that may stand between a source and its verb of saying ("officials also said").
const ASIDE_ADVERBS: &[&str] = &[
    "also",
    "later",
    "earlier",
    "previously",
    "again",
    "separately",
    "further",
];

/// Where the source of a verb of saying ends when an adverb ("The officials also said") or an
/// aside set off by commas ("X, in a post on its website, said"; "X, which oversees Y,
/// said") stands between them; `s` is the token right after the source otherwise. An aside
/// counts only with a known actor right before its opening comma and no quotation or other
/// verb of saying inside (after a quotation, `", said X"` names its source after the verb).
fn source_end_before_aside(toks: &[Token], actors: &[ActorMention], mut s: usize) -> usize {
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    while s > 1 && ASIDE_ADVERBS.contains(&l(s - 1)) {
        s -= 1;
    }
    if s < 3 || l(s - 1) != "," {
        return s;
    }
    let Some(open) = (s.saturating_sub(22)..s - 1).rev().find(|&k| l(k) == ",") else {
        return s;
    };
    let quiet = (open + 1..s - 1)
        .all(|k| !SAY_VERBS.contains(&l(k)) && !toks[k].text.contains(['"', '“', '”', '\'']));
    if quiet && actors.iter().any(|a| a.end == open) {
        open
    } else {
        s
    }
}

/// Read a sentence's attribution cues. `text` is the document text the token spans point into.
pub fn read_stance(toks: &[Token], actors: &[ActorMention], text: &str) -> SentenceStance {
    let mut st = SentenceStance::default();
    let n = toks.len();
    let l = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    for i in 0..n {
        // "according to X" (X runs to the next comma or clause end).
        if l(i) == "according" && l(i + 1) == "to" {
            let mut j = i + 2;
            while j < n && !matches!(l(j), "," | "." | ";" | ":" | "that") && j < i + 10 {
                j += 1;
            }
            if j > i + 2 {
                let actor = actor_at(actors, i + 2, j);
                let src_words = surface(toks, text, i + 2, j);
                st.attributions.push(AttributionMention {
                    source: actor
                        .and_then(|a| a.name.clone())
                        .unwrap_or_else(|| src_words.trim_start_matches("the ").to_string()),
                    kind: kind_for(actor, &src_words),
                    cue: surface(toks, text, i, j),
                    span: Span::new(toks[i].span.start, toks[j - 1].span.end),
                    start: i,
                    end: j,
                    claimed: true,
                });
            }
        }
        // "X said", "X's sources indicated", "X claimed responsibility".
        if SAY_VERBS.contains(&l(i)) && i > 0 {
            // Source: the actor (or noun phrase) right before the verb, possibly "X's sources".
            let mut s = i;
            // "X has claimed", "X had said", "X also said": the source is before the
            // auxiliary or adverb.
            while s > 1 && matches!(l(s - 1), "has" | "have" | "had" | "also" | "later") {
                s -= 1;
            }
            s = source_end_before_aside(toks, actors, s);
            let mut sources_word = false;
            if l(s - 1) == "sources" || l(s - 1) == "source" {
                sources_word = true;
                s -= 1;
            }
            let before = actors
                .iter()
                .rfind(|a| a.end == s || (a.end + 1 == s && l(s - 1) == "'s"));
            let (src, actor, start) = match before {
                Some(a) => (
                    a.name.clone().unwrap_or_else(|| a.text.clone()),
                    Some(a),
                    a.start,
                ),
                None => {
                    // Pronouns and noun phrases: "he said", "a senior aide said", "Jane Roe
                    // said", "officials said".
                    if let Some(start) = speaker_phrase(toks, s) {
                        // A party named inside the phrase ("the Rwanda-backed M23 rebel group")
                        // names the source.
                        match actors
                            .iter()
                            .filter(|a| a.start >= start && a.end < s)
                            .max_by_key(|a| a.end)
                        {
                            Some(a) => (
                                a.name.clone().unwrap_or_else(|| a.text.clone()),
                                Some(a),
                                start,
                            ),
                            None => (surface(toks, text, start, s), None, start),
                        }
                    } else if sources_word {
                        ("sources".to_string(), None, s)
                    } else {
                        continue;
                    }
                }
            };
            let verb = l(i);
            let claimed = sources_word
                || matches!(verb, "claimed" | "claims" | "alleged" | "indicated")
                || (verb == "reported" && before.is_some_and(|a| a.kind == ActorKind::Media));
            let kind = if matches!(verb, "claimed" | "claims") && l(i + 1) == "responsibility" {
                AttributionKind::GroupClaim
            } else {
                kind_for(actor, &surface(toks, text, start, i))
            };
            let end = i + 1;
            st.attributions.push(AttributionMention {
                source: src,
                kind,
                cue: surface(toks, text, start, end),
                span: Span::new(toks[start].span.start, toks[end - 1].span.end),
                start,
                end,
                claimed,
            });
        }
        if matches!(l(i), "denied" | "denies" | "deny" | "rejected")
            && matches!(
                l(i + 1),
                "that" | "reports" | "claims" | "allegations" | "any"
            )
        {
            st.denied = true;
        }
        // "denied sending arms", "denied his group was responsible for the attack": a denial
        // of an act (gerund) or of responsibility for it.
        if matches!(l(i), "denied" | "denies" | "deny")
            && (l(i + 1).len() > 4 && l(i + 1).ends_with("ing")
                || (i + 1..i + 6)
                    .any(|k| matches!(l(k), "responsible" | "responsibility" | "involvement")))
        {
            st.denied = true;
        }
        if HEDGES.contains(&l(i)) {
            st.hedges.push(l(i).to_string());
        }
        if l(i) == "not"
            && l(i + 1) == "yet"
            && matches!(
                l(i + 2),
                "linked" | "confirmed" | "verified" | "clear" | "known"
            )
        {
            st.hedges.push(format!("not yet {}", l(i + 2)));
        }
    }
    st
}

/// Gives "he said" and "she said" the name of the person they stand for: the last person
/// named before the cue, in this sentence or an earlier one (`last_person` carries it across
/// sentences, in document order). The cue and its span stay as written; only the source
/// name is filled in, so a reader sees who is meant. "they" and "it" are left alone: their
/// referent is as often a group as a person, and a wrong name is worse than none.
pub fn resolve_pronoun_sources(
    stance: &mut SentenceStance,
    actors: &[ActorMention],
    toks: &[Token],
    last_person: &mut Option<String>,
) {
    let person_before = |end: usize| {
        actors
            .iter()
            .filter(|a| a.person && a.end <= end)
            .max_by_key(|a| a.end)
            .map(|a| a.name.clone().unwrap_or_else(|| a.text.clone()))
    };
    for a in &mut stance.attributions {
        let pronoun = a.end == a.start + 2 && matches!(toks[a.start].lower.as_str(), "he" | "she");
        if pronoun {
            if let Some(name) = person_before(a.start).or_else(|| last_person.clone()) {
                a.source = name;
            }
        }
    }
    let named_source = stance
        .attributions
        .iter()
        .filter(|a| toks[a.start].is_capitalized() && a.source.contains(char::is_uppercase))
        .filter(|a| !PRONOUN_SOURCES.contains(&toks[a.start].lower.as_str()))
        .max_by_key(|a| a.end);
    let person = actors.iter().filter(|a| a.person).max_by_key(|a| a.end);
    let named_last =
        named_source.filter(|n| actors_agree(n, actors) && person.is_none_or(|p| n.end > p.end));
    if let Some(n) = named_last {
        *last_person = Some(n.source.clone());
    } else if let Some(p) = person {
        *last_person = Some(p.name.clone().unwrap_or_else(|| p.text.clone()));
    }
}

/// Whether a named attribution source is a person: the last word of its phrase (the head:
/// "Andrew Kirkwood" in "the U.N. coordinator Andrew Kirkwood") is a person actor's or no
/// actor's at all (a name the actor lexicon does not know, "Jane Roe said"), not a body's ("the
/// White House said").
fn actors_agree(n: &AttributionMention, actors: &[ActorMention]) -> bool {
    let head = n.end.saturating_sub(2);
    actors
        .iter()
        .find(|a| a.start <= head && head < a.end)
        .is_none_or(|a| a.person)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::actors::find_actors;
    use crate::nlp::lexicon::Lexicon;
    use crate::nlp::tokens::tokenize;
    use std::collections::HashMap;

    fn stance(s: &str) -> SentenceStance {
        let lex = Lexicon::builtin().unwrap();
        let c: HashMap<String, String> = HashMap::new();
        let toks = tokenize(s, 0);
        let actors = find_actors(&toks, &lex, &c);
        read_stance(&toks, &actors, s)
    }

    #[test]
    fn cues() {
        let s = stance("According to Reuters, the convoy was hit.");
        assert_eq!(
            (
                s.attributions[0].source.as_str(),
                s.attributions[0].kind,
                s.attributions[0].claimed
            ),
            ("Reuters", AttributionKind::Media, true)
        );
        assert_eq!(s.attributions[0].cue, "According to Reuters");
        let s = stance("Al Jazeera's sources indicated that the raid lasted hours.");
        assert_eq!(
            (
                s.attributions[0].source.as_str(),
                s.attributions[0].kind,
                s.attributions[0].claimed
            ),
            ("Al Jazeera", AttributionKind::Media, true)
        );
        let s = stance("Police said five people were detained.");
        assert_eq!(
            (s.attributions[0].kind, s.attributions[0].claimed),
            (AttributionKind::Official, false)
        );
        let s = stance("Al-Shabaab claimed responsibility for the blast.");
        assert_eq!(s.attributions[0].kind, AttributionKind::GroupClaim);
        assert!(stance("The army denied that any strike took place.").denied);
        assert!(stance("The ministry denied shipping rifles to the rebels.").denied);
        assert!(stance("The group denied it was responsible for the bombing.").denied);
        assert!(!stance("The border guards denied entry to the convoy.").denied);
        // An adverb or an aside set off by commas may stand between source and verb.
        let s = stance("The ministry also said two officers were detained.");
        assert_eq!(s.attributions[0].source.as_str(), "ministry");
        let s = stance("The army, in a post on its official channel, said the convoy was hit.");
        assert_eq!(
            s.attributions[0].cue,
            "army, in a post on its official channel, said"
        );
        // No source before a comma that ends a quotation: it follows the verb.
        let s = stance("\"We hit the convoy,\" said a spokesman.");
        assert!(s.attributions.is_empty(), "{s:?}");
        assert_eq!(
            stance("Three men were reportedly seized.").hedges,
            vec!["reportedly"]
        );
    }

    fn sources(s: &str) -> Vec<String> {
        stance(s)
            .attributions
            .into_iter()
            .map(|a| a.source)
            .collect()
    }

    #[test]
    fn pronouns_and_noun_phrases_are_sources() {
        assert_eq!(sources("\"We will rebuild,\" she said."), vec!["she"]);
        assert_eq!(
            sources("A senior campaign aide said the rally was moved."),
            vec!["A senior campaign aide"]
        );
        // The walk back stops at the phrase's determiner.
        assert_eq!(
            sources("The head of the water agency also said the dam held."),
            vec!["the water agency"]
        );
        assert_eq!(
            sources("Jane Roe says the vote was fair."),
            vec!["Jane Roe"]
        );
        // Not a speaker: a passive, an infinitive, a clause word.
        assert!(sources("The crowd was told to leave.").is_empty());
        assert!(sources("It is too early to say who won.").is_empty());
        assert!(sources("Nobody knows what happened, and said nothing.").is_empty());
    }

    #[test]
    fn he_and_she_take_the_last_person_named() {
        let lex = Lexicon::builtin().unwrap();
        let c: HashMap<String, String> = HashMap::new();
        let mut last = None;
        let mut run = |s: &str| {
            let toks = tokenize(s, 0);
            let actors = find_actors(&toks, &lex, &c);
            let mut st = read_stance(&toks, &actors, s);
            resolve_pronoun_sources(&mut st, &actors, &toks, &mut last);
            st.attributions
                .into_iter()
                .map(|a| a.source)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            run("Mayor Ann Berg said the bridge was closed."),
            vec!["Ann Berg"]
        );
        assert_eq!(run("He said repairs would take a week."), vec!["Ann Berg"]);
        // A body is no person: "it" and a body's statement leave the last person in place.
        assert_eq!(
            run("The White House said it was watching."),
            vec!["White House"]
        );
        assert_eq!(run("She said the river was falling."), vec!["Ann Berg"]);
        assert_eq!(run("Tom Hale said the road was open."), vec!["Tom Hale"]);
        assert_eq!(run("He said traffic was light."), vec!["Tom Hale"]);
    }
}
