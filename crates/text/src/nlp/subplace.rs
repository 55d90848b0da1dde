//! Sub-places the gazetteer lacks (codebook section 4): "a bomb went off in the Karrada
//! district of Baghdad" happened in Karrada, which the gazetteer does not list; the event keeps
//! Baghdad's point and precision and records "Karrada district" as the sub-place, with its span,
//! so an analyst sees the finer place as written.
//!
//! A sub-place is a capitalised name marked as a place by a noun of settlement or district
//! ("Karrada district", "the village of Umm Hosh", "two districts of Palmyra") and tied to the
//! resolved place: written before it with only locative words between ("Umm Hosh village near
//! Aleppo", "Karrada district in central Baghdad"), or after its possessive ("Baghdad's Karrada
//! district").

use super::tokens::Token;

/// Nouns that make a capitalised name a place below the level of a town (or a division the
/// gazetteer may lack).
const SUB_PLACE_NOUNS: &[&str] = &[
    "district",
    "districts",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "quarter",
    "suburb",
    "suburbs",
    "village",
    "villages",
    "hamlet",
    "camp",
    "settlement",
    "settlements",
    "locality",
    "township",
    "area",
    "town",
    "city",
    "province",
    "governorate",
];

/// Plural or area nouns that, before "of" and a resolved place, name part of that place ("two
/// districts of Palmyra", "the outskirts of Homs").
const PART_NOUNS: &[&str] = &[
    "districts",
    "district",
    "neighbourhood",
    "neighborhood",
    "neighbourhoods",
    "neighborhoods",
    "outskirts",
    "suburbs",
    "suburb",
    "centre",
    "center",
    "parts",
    "areas",
    "area",
    "village",
    "villages",
];

/// Words that may stand between a sub-place and the place that contains it: prepositions of
/// place, place nouns, distances; compass words are the geocoder's `QUALIFIERS`.
const LINK_WORDS: &[&str] = &[
    "in",
    "of",
    "near",
    "outside",
    "the",
    "a",
    ",",
    "(",
    ")",
    "city",
    "town",
    "province",
    "governorate",
    "district",
    "capital",
    "provincial",
    "key",
    "countryside",
    "outskirts",
    "suburbs",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "about",
    "some",
];

/// Prepositions that put an act at a place.
const PLACE_PREPS: &[&str] = &[
    "in", "at", "near", "inside", "into", "on", "outside", "around",
];

/// Nouns of a settlement or division that, before "of" and a name, take that name ("the town
/// of X"): a capitalised word before them is an adjective ("the Basque town of X").
const SETTLEMENT_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "villages",
    "settlement",
    "settlements",
    "province",
    "governorate",
    "camp",
    "locality",
    "township",
    "hamlet",
];

/// Verbs that aim an act at a place ("an offensive ..., targeting the village of X").
const AIMING_VERBS: &[&str] = &[
    "targeting",
    "targeted",
    "attacking",
    "shelling",
    "storming",
    "hitting",
    "striking",
    "besieging",
    "seizing",
    "capturing",
];

/// Lower-case words that end a run of modifiers before a sub-place: conjunctions, relatives and
/// prepositions that open another phrase.
const NOT_MODIFIERS: &[&str] = &[
    "and", "or", "but", "of", "that", "which", "who", "where", "to", "from", "by", "with", "for",
    "as", "after", "before", "while", "when",
];

/// Capitalised words that start sentences or name times and bodies, not places.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
    "government",
    "army",
    "police",
    "military",
    "security",
    "border",
    "old",
    "new",
];

/// The sub-place of the resolved place at tokens `place` (start, end), if the sentence names
/// one: its token range. `trigger` is the event trigger's token range. `taken(i)` says whether token `i` belongs to another mention (a
/// resolved place, an actor) and so cannot be part of a sub-place name. `quantity(i)` says
/// whether a number starts at token `i` ("two districts of X").
pub fn sub_place_of(
    toks: &[Token],
    place: (usize, usize),
    trigger: (usize, usize),
    clause: (usize, usize),
    taken: &dyn Fn(usize) -> bool,
    quantity: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let l = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let (ps, pe) = place;
    let phrases = named_sub_places(toks, clause, taken);
    // "two districts of Palmyra", "the Karrada district of Baghdad": part of the resolved
    // place itself, with the part's own name when it has one.
    if ps >= 2 && l(ps - 1) == "of" && PART_NOUNS.contains(&l(ps - 2)) {
        let from = if let Some(&(a, _, _)) = phrases.iter().find(|&&(_, b, _)| b == ps - 1) {
            a
        } else if ps >= 3 && quantity(ps - 3) {
            ps - 3
        } else {
            ps - 2
        };
        return Some((from, pe));
    }
    // Where the act is done: the trigger's object ("targeting the key village of X",
    // "patrolled the X area") or a place after a preposition of place ("in the rural village
    // of X"), with at most a few lower-case modifiers between.
    let governed = phrases.iter().find(|&&(a, _, _)| {
        let mut k = a;
        while k > clause.0 && a - k < 4 {
            if k == trigger.1 || PLACE_PREPS.contains(&l(k - 1)) || AIMING_VERBS.contains(&l(k - 1))
            {
                return true;
            }
            let t = &toks[k - 1];
            if !t.is_word() || t.is_capitalized() || NOT_MODIFIERS.contains(&l(k - 1)) {
                return false;
            }
            k -= 1;
        }
        k == trigger.1
            || k > 0 && (PLACE_PREPS.contains(&l(k - 1)) || AIMING_VERBS.contains(&l(k - 1)))
    });
    // Written before the place, with only locative words between.
    let before = phrases.iter().rev().find(|&&(_, b, _)| {
        b <= ps
            && ps - b <= 12
            && (b..ps).all(|k| {
                is_link_word(l(k)) || toks[k].text.starts_with(|c: char| c.is_ascii_digit())
            })
    });
    // After the place's possessive: "Baghdad's Karrada district".
    let after = || {
        phrases.iter().find(|&&(a, _, _)| {
            a > pe && l(pe) == "'s" && (pe + 1..a).all(|k| is_link_word(l(k)) && l(k) != ",")
        })
    };
    // "the south Baghdad neighbourhood of X": a sub-place noun right after the place, with the
    // part's name after "of". Not "the X area of Y" or "the X province of Y", where the name
    // after "of" is more often the wider place.
    let part_after = || {
        phrases.iter().find(|&&(a, _, name)| {
            a == pe && name > a && !matches!(l(a), "area" | "city" | "province" | "governorate")
        })
    };
    before
        .or(governed)
        .or_else(after)
        .or_else(part_after)
        .map(|&(a, b, _)| (a, b))
}

/// Capitalised names marked as places by a sub-place noun in the clause: (start, end, name
/// start) token ranges of "Karrada district" or "village of Umm Hosh".
fn named_sub_places(
    toks: &[Token],
    clause: (usize, usize),
    taken: &dyn Fn(usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let (ca, cb) = clause;
    let cb = cb.min(toks.len());
    let name_word = |k: usize| {
        let t = &toks[k];
        t.is_capitalized()
            && t.is_word()
            && !taken(k)
            && !NOT_NAMES.contains(&t.lower.as_str())
            && !is_time_word(&t.lower)
    };
    let mut out = Vec::new();
    let mut k = ca;
    while k < cb {
        let noun = SUB_PLACE_NOUNS.contains(&toks[k].lower.as_str());
        if !noun {
            k += 1;
            continue;
        }
        // "Karrada district": up to four name words right before the noun. Not when a
        // settlement noun introduces a name after "of" ("the Basque town of Y": the name is Y;
        // "the Karrada district of Baghdad" names the district), and
        // not an adjective of people or kind ("a Jewish settlement", "the Industrial city").
        let mut a = k;
        while a > ca && k - a < 4 && name_word(a - 1) {
            a -= 1;
        }
        let of_name = k + 2 < toks.len()
            && toks[k + 1].lower == "of"
            && toks[k + 2].is_capitalized()
            && SETTLEMENT_NOUNS.contains(&toks[k].lower.as_str());
        if a < k && !of_name && !(a..k).any(|j| is_adjective(&toks[j].lower)) {
            out.push((a, k + 1, a));
            k += 1;
            continue;
        }
        // "the village of Umm Hosh": up to four name words after "of".
        if k + 2 < cb && toks[k + 1].lower == "of" && name_word(k + 2) {
            let mut b = k + 2;
            while b < cb && b - (k + 2) < 4 && name_word(b) {
                b += 1;
            }
            out.push((k, b, k + 2));
            k = b;
            continue;
        }
        k += 1;
    }
    out
}

/// Adjectives of people, faith or kind that are capitalised but name no place ("Kurdish",
/// "Sunni", "Industrial"): by their suffix, or a few common ones without it.
fn is_adjective(w: &str) -> bool {
    let w = w.rsplit('-').next().unwrap_or(w);
    ["ish", "ian", "ese", "ite", "ern", "ed"]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || matches!(
            w,
            "sunni"
                | "shia"
                | "shiite"
                | "jewish"
                | "christian"
                | "muslim"
                | "druze"
                | "arab"
                | "industrial"
                | "residential"
                | "commercial"
                | "central"
                | "capital"
        )
}

fn is_link_word(w: &str) -> bool {
    LINK_WORDS.contains(&w) || crate::geo::words::QUALIFIERS.contains(&w)
}

fn is_time_word(w: &str) -> bool {
    super::dates::weekday(w).is_some() || super::dates::month_number(w).is_some()
}
