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
];

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
            // "X has claimed", "X had said": the source is before the auxiliary.
            if s > 1 && matches!(l(s - 1), "has" | "have" | "had") {
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
                    // Plain nouns: "witnesses said", "officials said", "a spokesman said".
                    let w = l(s - 1);
                    if matches!(
                        w,
                        "witnesses"
                            | "witness"
                            | "officials"
                            | "official"
                            | "residents"
                            | "spokesman"
                            | "spokeswoman"
                            | "spokesperson"
                            | "police"
                            | "ministry"
                            | "authorities"
                            | "reports"
                            | "media"
                            | "sources"
                            | "source"
                            | "activists"
                            | "medics"
                            | "doctors"
                            | "army"
                            | "military"
                            | "monitor"
                            | "group"
                    ) {
                        (toks[s - 1].text.to_string(), None, s - 1)
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
}
