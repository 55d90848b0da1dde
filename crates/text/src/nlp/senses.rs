//! Uses of a trigger word that name something other than a happening the sentence reports: a
//! name or a work's title ("Shell", "Kill Bill"), a kind of thing ("an assault rifle"), or a legal matter about a
//! past act ("the assault trial"). Read by the event coder for every trigger it finds.

use sitrep_core::EventType;

use super::classify::is_stopword;
use super::tokens::Token;

/// A capitalised trigger is part of a name or title: inside a sentence after a word ("Shell",
/// "Strike Force"), or opening it before another capitalised word ("Kill Bill director ...",
/// "Arrested Development star ..."). Not in headlines, which capitalise every word.
pub(super) fn part_of_a_name(toks: &[Token], ts: usize, te: usize, headline: bool) -> bool {
    if headline || !toks[ts].is_capitalized() {
        return false;
    }
    if ts > 0 {
        return toks[ts - 1].is_word();
    }
    toks.get(te).is_some_and(|n| {
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

/// Words of a judgement that take the act judged after "of" or "for": "convicted of killing",
/// "found guilty of murdering", "jailed for stabbing". (An accusation, "accused of killing", is
/// left alone: the accuser's claim may be the first report of the act.)
const JUDGED: &[&str] = &[
    "convicted",
    "guilty",
    "acquitted",
    "sentenced",
    "jailed",
    "imprisoned",
    "cleared",
];

/// Whether an attack word names the legal matter of a past act: before a legal noun (see
/// [`LEGAL_MATTERS`]; a participle is excluded: "arrested suspects" is a verb and its object),
/// or after a judgement's "of"/"for" (see [`JUDGED`]).
pub(super) fn names_a_legal_matter(
    toks: &[Token],
    ts: usize,
    te: usize,
    event_type: EventType,
) -> bool {
    if event_type != EventType::Assault {
        return false;
    }
    let l = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let legal_noun =
        !toks[ts..te].iter().any(|t| t.lower.ends_with("ed")) && LEGAL_MATTERS.contains(&l(te));
    // "convicted of killing", "jailed in 2003 for the murder of": the judgement word within
    // four words before "of"/"for".
    let judged = ts >= 2
        && matches!(l(ts - 1), "of" | "for")
        && (ts.saturating_sub(6)..ts - 1).any(|k| JUDGED.contains(&l(k)));
    let judged_the = ts >= 3
        && l(ts - 1) == "the"
        && matches!(l(ts - 2), "of" | "for")
        && (ts.saturating_sub(7)..ts - 2).any(|k| JUDGED.contains(&l(k)));
    legal_noun || judged || judged_the
}

/// Whether a trigger noun is marked as an earlier happening than the one reported: "a previous
/// raid", "an earlier attack", "prior arrests". The sentence recalls it (background); it is
/// neither news nor the reported event retold. ("last" is left out: "the last attack" may be
/// the latest one, the news itself.)
pub(super) fn marked_as_earlier(toks: &[Token], ts: usize) -> bool {
    (ts.saturating_sub(2)..ts).any(|k| {
        matches!(
            toks[k].lower.as_str(),
            "previous" | "earlier" | "prior" | "past"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::tokenize;

    fn earlier(text: &str, trigger: &str) -> bool {
        let toks = tokenize(text, 0);
        let ts = toks.iter().position(|t| t.lower == trigger).unwrap();
        marked_as_earlier(&toks, ts)
    }

    #[test]
    fn earlier_markers_before_a_trigger() {
        assert!(earlier(
            "DNA found during a previous raid was matched.",
            "raid"
        ));
        assert!(earlier(
            "It followed earlier attacks on the road.",
            "attacks"
        ));
        // "the last attack" may be the latest one, the news itself.
        assert!(!earlier("The last attack came at dawn.", "attack"));
        assert!(!earlier("Troops raided the village.", "raided"));
    }
}
