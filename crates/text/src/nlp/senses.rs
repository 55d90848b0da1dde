//! Uses of a trigger word that name something other than a happening the sentence reports: a
//! work's title ("Kill Bill"), a kind of thing ("an assault rifle"), or a legal matter about a
//! past act ("the assault trial"). Read by the event coder for every trigger it finds.

use sitrep_core::EventType;

use super::classify::is_stopword;
use super::tokens::Token;

/// A capitalised trigger opening a sentence before another capitalised word is a title or name
/// ("Kill Bill director ...", "Arrested Development star ..."), unless the sentence is a
/// headline, which capitalises every word. (Inside a sentence the event coder already skips
/// capitalised triggers.)
pub(super) fn opens_a_title(toks: &[Token], ts: usize, te: usize, headline: bool) -> bool {
    ts == 0
        && !headline
        && toks[ts].is_capitalized()
        && toks.get(te).is_some_and(|n| {
            n.is_word() && n.is_capitalized() && !is_stopword(&n.lower) && n.lower != "i"
        })
}

/// Nouns that an attack word can modify to name a kind of thing rather than an attack:
/// weapons and craft ("assault rifle", "attack helicopter") and sporting terms ("shooting
/// guard", "shooting star").
const KINDS_OF_THING: &[&str] = &[
    "rifle",
    "rifles",
    "weapon",
    "weapons",
    "gun",
    "guns",
    "helicopter",
    "helicopters",
    "aircraft",
    "submarine",
    "submarines",
    "dog",
    "dogs",
    "range",
    "ranges",
    "guard",
    "guards",
    "star",
    "stars",
];

/// Whether the trigger modifies a noun that makes the phrase a kind of thing.
pub(super) fn names_a_kind_of_thing(toks: &[Token], te: usize, event_type: EventType) -> bool {
    event_type == EventType::Assault
        && toks
            .get(te)
            .is_some_and(|n| KINDS_OF_THING.contains(&n.lower.as_str()))
}

/// Nouns of the legal handling of an act. Before them an attack word names the matter a court,
/// prosecutor or inquiry deals with ("the sexual assault case", "a murder trial", "rape
/// charges"): a past act the sentence recalls, while the news is the legal step.
const LEGAL_MATTERS: &[&str] = &[
    "case",
    "cases",
    "trial",
    "trials",
    "charge",
    "charges",
    "conviction",
    "convictions",
    "verdict",
    "hearing",
    "prosecution",
    "lawsuit",
    "allegation",
    "allegations",
    "inquest",
];

/// Whether an attack noun names the legal matter of a past act (see [`LEGAL_MATTERS`]). A
/// participle is excluded: "arrested suspects", "killed charges" do not read as a noun phrase.
pub(super) fn names_a_legal_matter(
    toks: &[Token],
    ts: usize,
    te: usize,
    event_type: EventType,
) -> bool {
    event_type == EventType::Assault
        && !toks[ts..te].iter().any(|t| t.lower.ends_with("ed"))
        && toks
            .get(te)
            .is_some_and(|n| LEGAL_MATTERS.contains(&n.lower.as_str()))
}
