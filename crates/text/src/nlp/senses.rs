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

/// Words that, right before an attack word, make it name something other than an attack: a
/// bodily or market event ("heart attack", "price war" words), a legal or business contest
/// ("legal battle", "takeover battle", "legal landmines"), words used as weapons ("verbal
/// attacks"), a rehearsal ("mock attack", "simulated battle"), a medium ("photo shoot",
/// "film shooting") or spent cartridges ("spent shells").
const OTHER_SENSE_MODIFIERS: &[&str] = &[
    "heart",
    "panic",
    "asthma",
    "cyber",
    "price",
    "charm",
    "hunger",
    "flash",
    "smoke",
    "stun",
    "sound",
    "bath",
    "photo",
    "film",
    "tax",
    "legal",
    "court",
    "takeover",
    "bidding",
    "ratings",
    "boardroom",
    "patent",
    "custody",
    "verbal",
    "mock",
    "simulated",
    "spent",
];

/// Whether the word before an attack word gives it another sense (see
/// [`OTHER_SENSE_MODIFIERS`]).
pub(super) fn modified_into_other_sense(toks: &[Token], ts: usize, event_type: EventType) -> bool {
    event_type == EventType::Assault
        && ts > 0
        && OTHER_SENSE_MODIFIERS.contains(&toks[ts - 1].lower.as_str())
}

/// Things that are "killed" only in a figure of speech: plans, deals, chances, a business,
/// a hangover. Killing is done to the living; these nouns are never its victims.
const FIGURATIVE_VICTIMS: &[&str] = &[
    "plan",
    "plans",
    "deal",
    "deals",
    "bill",
    "bills",
    "proposal",
    "proposals",
    "idea",
    "ideas",
    "business",
    "businesses",
    "opportunity",
    "opportunities",
    "chance",
    "chances",
    "hope",
    "hopes",
    "jobs",
    "project",
    "projects",
    "momentum",
    "demand",
    "sales",
    "growth",
    "competition",
    "innovation",
    "creativity",
    "hangover",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "mood",
    "appetite",
    "time",
    "engine",
    "lights",
];

/// Words that may stand between a verb and its object's noun.
const OBJECT_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "any", "your", "his", "her", "its",
    "their", "our", "my", "off", "all",
];

/// Words that may follow a noun phrase's last word: prepositions, conjunctions, auxiliaries.
const PHRASE_ENDS: &[&str] = &[
    "to", "for", "of", "in", "on", "at", "and", "or", "that", "which", "by", "with", "as",
    "before", "after", "because", "but", "is", "was", "are", "were", "from", "since", "until",
    "over", "amid", "than", "so", "if", "when", "while",
];

/// Second-person pronouns: "you" in a report addresses the reader or anyone, so harm done to or
/// by "you" is a generic statement, advice or a game's rules, not a happening.
fn second_person(w: &str) -> bool {
    matches!(w, "you" | "your" | "yourself" | "you're" | "ya")
}

/// Whether an attack word is used in a figure of speech or a generic statement, not to report
/// harm:
/// - "kill" with a thing as its object or passive subject ("kill plans", "the deal was killed",
///   "won't kill your business"; see [`FIGURATIVE_VICTIMS`]);
/// - harm done to or by "you" ("what doesn't kill you", "each time you are killed"), unless
///   someone addresses a party ("we will kill you");
/// - "shot up" with no object (numbers or prices rose), "shot to fame", "shot his way to";
/// - "stormed to (victory)", "stormed out/off/home": movement, not an assault.
pub(super) fn figure_of_speech(
    toks: &[Token],
    ts: usize,
    te: usize,
    event_type: EventType,
) -> bool {
    if event_type != EventType::Assault {
        return false;
    }
    let l = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let first = l(ts);
    // The noun must end its phrase: "killed the business owner" has a person as its object.
    let ends_phrase = |k: usize| {
        toks.get(k).is_none_or(|t| {
            !t.is_word() || t.is_capitalized() || PHRASE_ENDS.contains(&t.lower.as_str())
        })
    };
    let object_noun = || {
        let mut k = te;
        while k < te + 3 && OBJECT_OPENERS.contains(&l(k)) {
            k += 1;
        }
        // one adjective or noun modifier may stand before the noun ("kill new plans").
        let head = if FIGURATIVE_VICTIMS.contains(&l(k)) {
            k
        } else if toks
            .get(k)
            .is_some_and(|t| t.is_word() && !t.is_capitalized())
        {
            k + 1
        } else {
            return false;
        };
        FIGURATIVE_VICTIMS.contains(&l(head)) && ends_phrase(head + 1)
    };
    let passive_subject = || {
        ts >= 2
            && matches!(l(ts - 1), "was" | "were" | "been" | "be" | "is" | "are")
            && (ts.saturating_sub(4)..ts - 1).any(|k| FIGURATIVE_VICTIMS.contains(&l(k)))
    };
    if matches!(first, "kill" | "kills" | "killed" | "killing")
        && te == ts + 1
        && (object_noun() || passive_subject())
    {
        return true;
    }
    // "you kill", "you are killed", "kill you". Not where a speaker ("we") addresses a party
    // or a future is announced ("we will kill you", "we will not let you massacre people"):
    // that "you" is someone in particular, and the sentence a threat.
    let before_you = ts >= 1 && second_person(l(ts - 1))
        || ts >= 2
            && second_person(l(ts - 2))
            && matches!(l(ts - 1), "are" | "were" | "get" | "got" | "can" | "must");
    let addressed = || {
        toks.iter().any(|t| {
            matches!(
                t.lower.as_str(),
                "we" | "us" | "our" | "will" | "'ll" | "going"
            )
        })
    };
    if (before_you || second_person(l(te))) && !addressed() {
        return true;
    }
    if first == "shot" && te == ts + 1 {
        let after = l(te + 1);
        let intransitive_up = l(te) == "up"
            && !(OBJECT_OPENERS.contains(&after)
                || toks.get(te + 1).is_some_and(|t| {
                    t.is_capitalized() || t.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                }));
        let rose_to = l(te) == "to" && !matches!(after, "death" | "dead");
        let made_way = OBJECT_OPENERS.contains(&l(te)) && after == "way";
        return intransitive_up || rose_to || made_way;
    }
    matches!(first, "stormed" | "storming" | "storm")
        && matches!(l(te), "to" | "out" | "off" | "home" | "back")
}

/// Words that place a sentence in organised sport: its bodies, events, people and doping rules.
const SPORT_CUES: &[&str] = &[
    "sport",
    "sports",
    "doping",
    "anti-doping",
    "athletics",
    "athlete",
    "athletes",
    "sprinter",
    "sprinters",
    "rugby",
    "football",
    "soccer",
    "cricket",
    "tennis",
    "olympic",
    "olympics",
    "match",
    "matches",
    "tournament",
    "championship",
    "league",
    "squad",
    "player",
    "players",
    "referee",
    "iaaf",
    "fifa",
    "uefa",
    "ioc",
];

/// Whether a ban, suspension or expulsion is a sporting penalty: a governing body's ban on an
/// athlete or club ("an eight-year doping ban", "banned from rugby for two months", "expelled
/// from the Games") is discipline inside a sport, not a restriction a state imposes (PLOVER
/// COERCE and SANCTION are acts between political actors).
pub(super) fn sporting_penalty(
    toks: &[Token],
    ts: usize,
    event_type: EventType,
    mode: Option<&str>,
) -> bool {
    let restriction = event_type == EventType::Coerce && matches!(mode, Some("ban"))
        || event_type == EventType::Sanction && toks[ts].lower.starts_with("suspen")
        || event_type == EventType::Coerce && toks[ts].lower.starts_with("expel");
    restriction
        && toks.iter().enumerate().any(|(k, t)| {
            SPORT_CUES.contains(&t.lower.as_str())
                || t.lower == "games" && k > 0 && t.is_capitalized()
        })
}

/// Verbs and nouns that end or loosen a restriction ("lifted the curfew", "the easing of
/// sanctions", "an end to the blockade").
const LIFTING_WORDS: &[&str] = &[
    "lift",
    "lifts",
    "lifted",
    "lifting",
    "ease",
    "eases",
    "eased",
    "easing",
    "relax",
    "relaxes",
    "relaxed",
    "relaxing",
    "end",
    "ends",
    "ended",
    "ending",
    "shortened",
    "shortens",
    "scrap",
    "scraps",
    "scrapped",
    "remove",
    "removes",
    "removed",
    "removal",
    "rescind",
    "rescinds",
    "rescinded",
    "revoke",
    "revokes",
    "revoked",
    "repeal",
    "repeals",
    "repealed",
    "repealing",
];

/// Words that may stand between a lifting word and the restriction it lifts: determiners,
/// quantifiers and common modifiers ("lifted all the remaining economic sanctions").
const LIFTED_NP_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "all",
    "some",
    "most",
    "part",
    "parts",
    "of",
    "to",
    "remaining",
    "nightly",
    "night",
    "night-time",
    "daytime",
    "economic",
    "trade",
    "international",
    "western",
    "travel",
    "partial",
    "total",
    "two-year",
    "week-long",
    // "shortened by one hour the curfew"
    "by",
    "one",
    "two",
    "three",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
];

/// A restriction noun (a curfew, sanctions, an embargo, a blockade) that a lifting word acts on
/// names the restriction being ended, not one imposed: "the EU lifted sanctions on Syria" is a
/// concession (the lifting verb's own event), and no new sanction.
pub(super) fn restriction_being_lifted(toks: &[Token], ts: usize, event_type: EventType) -> bool {
    if !matches!(event_type, EventType::Sanction | EventType::Coerce) {
        return false;
    }
    let mut k = ts;
    while k > 0 && ts - k < 7 {
        let w = toks[k - 1].lower.as_str();
        if LIFTING_WORDS.contains(&w) {
            return true;
        }
        if !LIFTED_NP_WORDS.contains(&w) {
            return false;
        }
        k -= 1;
    }
    false
}

/// Nouns of inquiry: what "found" something out rather than found a thing.
const INQUIRIES: &[&str] = &[
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "poll",
    "polls",
    "research",
    "review",
    "audit",
    "inquiry",
    "analysis",
    "researchers",
];

/// Whether "found"/"discovered" reports a finding ("the survey found", "found that ..."), not
/// a find of weapons.
pub(super) fn reports_a_finding(toks: &[Token], ts: usize, te: usize) -> bool {
    matches!(
        toks[ts].lower.as_str(),
        "found" | "discovered" | "finds" | "find"
    ) && (ts > 0 && INQUIRIES.contains(&toks[ts - 1].lower.as_str())
        || toks.get(te).is_some_and(|t| t.lower == "that"))
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
