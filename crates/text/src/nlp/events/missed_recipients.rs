//! Recipients the main search in `sentence_mentions` leaves out: parties a ban keeps from
//! acting, the sides a mediator works between, a place a siege verb is laid on, a titled
//! official an attack names without an article, the party a threat's condition names, and the
//! side a mobilisation is aimed against. Each reads one English construction and returns
//! nothing when the sentence does not have it.

use sitrep_core::EventType;

use super::super::actors::{ActorMention, TITLES};
use super::super::lexicon::{Pos, Trigger};
use super::{
    agent_plural, is_date_word, phrase_mention, place_as_actor, place_target, PlaceRef, Token,
};

fn word<'a>(toks: &'a [Token], k: usize) -> &'a str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

/// Token `k`, or the one after it when `k` is "the".
fn past_article(toks: &[Token], k: usize) -> usize {
    if word(toks, k) == "the" {
        k + 1
    } else {
        k
    }
}

/// The lexicon actor starting at token `at`.
fn actor_starting_at(actors: &[ActorMention], at: usize) -> Option<ActorMention> {
    actors.iter().find(|a| a.start == at).cloned()
}

/// The lexicon actor spanning exactly `start..end`, else the written phrase.
fn actor_or_phrase(
    toks: &[Token],
    start: usize,
    end: usize,
    actors: &[ActorMention],
    text: &str,
) -> ActorMention {
    actors
        .iter()
        .find(|a| a.start == start && a.end == end)
        .cloned()
        .unwrap_or_else(|| phrase_mention(toks, start, end, text))
}

/// "banned opposition candidates from standing", "prevented the students from marching": the
/// people between a restraining verb ending at `te` and "from" plus a verb in -ing are whom
/// the act restrains. Only words may stand in between ("banned imports from Syria" names
/// no -ing verb, so it is left alone).
pub(super) fn barred_party(
    toks: &[Token],
    te: usize,
    cb: usize,
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    let mut start = te;
    if matches!(
        word(toks, start),
        "the" | "a" | "an" | "all" | "its" | "their" | "his" | "her" | "some"
    ) {
        start += 1;
    }
    let from = (start..cb.min(start + 7))
        .take_while(|&k| toks[k].is_word() || toks[k].text == "-" || toks[k].text == "'s")
        .find(|&k| toks[k].lower == "from")?;
    let acting = toks.get(from + 1).is_some_and(|n| {
        from + 1 < cb && n.is_word() && !n.is_capitalized() && n.lower.ends_with("ing")
    });
    if from == start || !acting {
        return None;
    }
    Some(actor_or_phrase(toks, start, from, actors, text))
}

/// Heads of a plain phrase naming the parties of a dispute ("rival militias", "the feuding
/// republics") that the agent-noun test does not cover.
const SIDE_NOUNS: &[&str] = &[
    "militias",
    "factions",
    "republics",
    "rivals",
    "communities",
    "tribes",
    "clans",
    "camps",
];

/// "mediation efforts between rival militias in the port": the sides a mediator works between
/// (or among), written as a plain phrase no lexicon entry covers. The phrase runs from after
/// "between" (and an article) over words up to a preposition, a conjunction or punctuation,
/// and must end in a name or a noun of parties.
pub(super) fn mediated_sides(
    toks: &[Token],
    te: usize,
    cb: usize,
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    let between = (te..cb.min(te + 3))
        .take_while(|&k| toks[k].is_word())
        .find(|&k| matches!(toks[k].lower.as_str(), "between" | "among"))?;
    let start = past_article(toks, between + 1);
    if let Some(a) = actor_starting_at(actors, start) {
        return Some(a);
    }
    let mut end = start;
    while end < cb.min(start + 5)
        && (toks[end].is_word() || toks[end].text == "'s")
        && !matches!(
            toks[end].lower.as_str(),
            "and" | "or" | "in" | "on" | "at" | "over" | "to" | "for" | "from" | "with" | "of"
        )
    {
        end += 1;
    }
    let head = toks.get(end.checked_sub(1)?)?;
    let names_parties = end > start
        && !is_date_word(&head.lower)
        && (head.is_capitalized()
            || agent_plural(&head.lower)
            || SIDE_NOUNS.contains(&head.lower.as_str()));
    names_parties.then(|| phrase_mention(toks, start, end, text))
}

/// Words after which a noun-listed trigger is used as a verb ("would blockade the capital",
/// "plan to blockade the port").
fn verb_use_at(toks: &[Token], ts: usize) -> bool {
    ts > 0
        && matches!(
            toks[ts - 1].lower.as_str(),
            "to" | "will" | "would" | "could" | "can" | "may" | "might" | "shall" | "should"
        )
}

/// Verbs by which a state lays a blockade ("reimposed blockades in the territory").
const IMPOSING_VERBS: &[&str] = &[
    "imposed",
    "imposes",
    "impose",
    "reimposed",
    "enforced",
    "tightened",
];

/// The place a blockade is laid on when the search for places acted on, which reads "blockade"
/// as the noun of a protesters' obstruction, misses it. "said they would blockade Lyon": the
/// word used as a verb takes the place right after it as its direct object, as "blockaded
/// Lyon" does. "reimposed blockades in the territory", or a blockade laid by a state
/// (`by_state`): a restriction of movement, laid "in" a place as a curfew is.
#[allow(clippy::too_many_arguments)]
pub(super) fn place_besieged(
    toks: &[Token],
    ts: usize,
    te: usize,
    cb: usize,
    t: &Trigger,
    by_state: bool,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let siege = t.words.len() == 1 && t.words[0].starts_with("blockad");
    if !(siege && t.pos == Pos::Noun) {
        return None;
    }
    if verb_use_at(toks, ts) {
        let as_verb = Trigger {
            pos: Pos::Verb,
            ..t.clone()
        };
        return place_target(toks, te, cb, &as_verb, false, places, text);
    }
    let imposed = (ts.saturating_sub(3)..ts).any(|k| IMPOSING_VERBS.contains(&word(toks, k)));
    if !(imposed || by_state) {
        return None;
    }
    let as_restriction = Trigger {
        event_type: EventType::Coerce,
        ..t.clone()
    };
    place_target(toks, te, cb, &as_restriction, true, places, text)
}

/// Words right before a nation's demonym that set it against a protest ("rallied against
/// Chinese rule", "protesting Israeli occupation").
const OPPOSING_WORDS: &[&str] = &[
    "against",
    "over",
    "protest",
    "protesting",
    "condemning",
    "denouncing",
    "opposing",
];

/// "marched against Chinese rule", "demanding independence from Indonesian rule": the nation a
/// demonym names on what a protest opposes is the party protested against. "from" counts only
/// after a word of breaking away ("marched from Chilean towns" is a route).
pub(super) fn nation_protested_against(
    toks: &[Token],
    te: usize,
    cb: usize,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let p = places
        .iter()
        .filter(|p| p.demonym && p.start > te && p.start < cb)
        .find(|p| {
            let mut k = p.start - 1;
            if word(toks, k) == "the" && k > te {
                k -= 1;
            }
            let opposed = OPPOSING_WORDS.contains(&word(toks, k))
                || word(toks, k) == "from"
                    && matches!(
                        word(toks, k.saturating_sub(1)),
                        "independence" | "freedom" | "liberation" | "separation"
                    );
            let modifies = toks
                .get(p.end)
                .is_some_and(|n| p.end < cb && n.is_word() && !n.is_capitalized());
            opposed && modifies
        })?;
    Some(place_as_actor(toks, p, text, false))
}

/// Words before an office title that belong to it ("deputy governor", "former minister").
const TITLE_MODIFIERS: &[&str] = &["deputy", "vice", "former", "acting", "regional", "local"];

/// "tried to assassinate deputy governor of the Kursk region, Ivan Petrov": an office title
/// written without an article as the object of an attack names the person attacked. The
/// phrase runs from the title over an "of the <Name> region" complement and a name set off by
/// a comma. A title owning something ("the governor's convoy") is not the one hit.
pub(super) fn titled_patient(
    toks: &[Token],
    te: usize,
    cb: usize,
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    let start = te;
    let mut k = start;
    while TITLE_MODIFIERS.contains(&word(toks, k)) {
        k += 1;
    }
    let title = toks.get(k).filter(|w| w.is_word() && !w.is_capitalized())?;
    if k >= cb || !TITLES.contains(&title.lower.as_str()) || word(toks, k + 1) == "'s" {
        return None;
    }
    if actors.iter().any(|a| a.start <= k && k < a.end) {
        return None;
    }
    let cap = |j: usize| {
        toks.get(j)
            .is_some_and(|w| j < cb && w.is_word() && w.is_capitalized())
    };
    let mut end = k + 1;
    if word(toks, end) == "of" {
        let mut j = end + 1;
        if word(toks, j) == "the" {
            j += 1;
        }
        if cap(j) {
            while cap(j) {
                j += 1;
            }
            if matches!(
                word(toks, j),
                "region" | "province" | "district" | "city" | "state"
            ) {
                j += 1;
            }
            end = j;
        }
    }
    // ", Ivan Petrov," or ", Ivan Petrov." closes the apposed name.
    if word(toks, end) == "," && cap(end + 1) {
        let mut j = end + 1;
        while cap(j) && j < end + 4 {
            j += 1;
        }
        if matches!(word(toks, j), "," | "." | "") {
            end = j;
        }
    }
    Some(phrase_mention(toks, start, end, text))
}

/// "threatened to launch an offensive unless Baghdad accepted its terms": the party whose act
/// the condition names is the one threatened. It is the lexicon actor, or the country or
/// capital (standing for its government), right after "unless" and an optional article.
pub(super) fn party_of_condition(
    toks: &[Token],
    te: usize,
    actors: &[ActorMention],
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    let unless = (te..toks.len().min(te + 20))
        .take_while(|&k| !matches!(toks[k].lower.as_str(), ";" | ":" | "."))
        .find(|&k| toks[k].lower == "unless")?;
    let at = past_article(toks, unless + 1);
    if let Some(a) = actor_starting_at(actors, at) {
        return Some(a);
    }
    let p = places
        .iter()
        .find(|p| p.start == at && !p.demonym && (p.capital || p.location.country.is_some()))?;
    let seat = p.capital || p.location.precision == sitrep_core::Precision::Country;
    seat.then(|| place_as_actor(toks, p, text, true))
}

/// "trained hackers capable of waging cyber war against the United States": what a
/// mobilisation builds up is its own means; the party named after "against" within the
/// clause is the one it is aimed at.
pub(super) fn opponent_of_mobilisation(
    toks: &[Token],
    te: usize,
    cb: usize,
    t: &Trigger,
    actors: &[ActorMention],
) -> Option<ActorMention> {
    if t.event_type != EventType::Mobilize {
        return None;
    }
    let against = (te..cb.min(te + 12))
        .take_while(|&k| toks[k].is_word() || toks[k].text == "-")
        .find(|&k| toks[k].lower == "against")?;
    let at = past_article(toks, against + 1);
    actor_starting_at(actors, at)
}

/// Verbs of putting up with an act, which a threat says will stop ("will no longer tolerate").
const TOLERATING_VERBS: &[&str] = &["tolerate", "allow", "permit", "accept"];

/// "warned that police will no longer tolerate rallies by the Kifaya group": a threat to stop
/// putting up with an act is aimed at whoever does the act, named after "by" within four words
/// of the verb of tolerating, not at the subject of the warned clause.
pub(super) fn doer_not_tolerated(
    toks: &[Token],
    te: usize,
    actors: &[ActorMention],
    text: &str,
) -> Option<ActorMention> {
    let end = toks.len().min(te + 14);
    let verb = (te..end)
        .take_while(|&k| !matches!(toks[k].lower.as_str(), ";" | "." | ","))
        .find(|&k| TOLERATING_VERBS.contains(&toks[k].lower.as_str()))?;
    let by = (verb + 1..toks.len().min(verb + 5))
        .take_while(|&k| toks[k].is_word())
        .find(|&k| toks[k].lower == "by")?;
    let at = past_article(toks, by + 1);
    if let Some(a) = actor_starting_at(actors, at) {
        return Some(a);
    }
    let cap = |j: usize| {
        toks.get(j)
            .is_some_and(|w| w.is_word() && w.is_capitalized())
    };
    let mut stop = at;
    while cap(stop) && stop < at + 4 {
        stop += 1;
    }
    (stop > at).then(|| phrase_mention(toks, at, stop, text))
}

/// Verbs by which a strike stops a place ("a strike that shut down the capital").
const PARALYSING_VERBS: &[&str] = &["shut", "paralysed", "paralyzed", "crippled", "closed"];

/// "a general strike that shut down Kathmandu": the place a strike shuts down, named in the
/// relative clause right after it, is what the strike is laid on.
pub(super) fn place_shut_by_strike(
    toks: &[Token],
    te: usize,
    places: &[PlaceRef],
    text: &str,
) -> Option<ActorMention> {
    if !matches!(word(toks, te), "that" | "which") {
        return None;
    }
    let verb = te + 1;
    if !PARALYSING_VERBS.contains(&word(toks, verb)) {
        return None;
    }
    let mut at = verb + 1;
    if word(toks, at) == "down" {
        at += 1;
    }
    let at = past_article(toks, at);
    let p = places.iter().find(|p| p.start == at && !p.demonym)?;
    Some(place_as_actor(
        toks,
        p,
        text,
        p.location.precision == sitrep_core::Precision::Country,
    ))
}
