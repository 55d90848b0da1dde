//! Gazetteer, toponym recognition and place resolution.
//!
//! [`Gazetteer::parse`] builds the index from the tables the application reads
//! ([`GazetteerSources`]); [`find_places`] finds the toponyms and demonyms of a whole document
//! and resolves each toponym by document context (see `resolve` for the scoring).
//! No IO happens here.

mod context;
mod gazetteer;
mod home;
mod normalize;
mod points;
mod recognize;
mod resolve;
pub(crate) mod words;

use rustc_hash::FxHashMap;
use sitrep_core::{EntityKind, EntityMention, Span};

pub use gazetteer::{table_digest, CacheError, Gazetteer, GazetteerSources, GeoError};
pub use home::home_country_of_url;
pub use normalize::normalize;
pub use resolve::distance_km;

use recognize::MatchKind;
use resolve::{CountryVote, Group};

/// Alternatives kept on a mention besides the chosen place.
const MAX_ALTERNATIVES: usize = 5;

/// Toponym recognition and resolution over a whole document.
///
/// Returns place mentions (`EntityKind::Place`, with `place`, ranked `alternatives` and
/// `confidence`) and demonym mentions (`EntityKind::Demonym`, with `country` and the country
/// as `place`), in text order, with byte spans into `text`. Nothing overlapping a span of
/// `exclude` (actors, persons, organisations found earlier) becomes a mention.
pub fn find_places(text: &str, exclude: &[Span], gaz: &Gazetteer) -> Vec<EntityMention> {
    find_places_from(text, exclude, gaz, None)
}

/// [`find_places`] for a document whose source's home country (ISO2, e.g. from
/// [`home_country_of_url`]) is known: it counts as one demonym's worth of country evidence, so
/// a local paper's "London" or "Edmonton" leans towards its own country when the text does
/// not say otherwise.
pub fn find_places_from(
    text: &str,
    exclude: &[Span],
    gaz: &Gazetteer,
    home_country: Option<&str>,
) -> Vec<EntityMention> {
    let cands = recognize::candidates(text, exclude, gaz);
    let mut found = mentions(text, &cands, gaz, home_country);
    // "Syrians", "Americans": a plural noun names people, not a place. It counted as country
    // evidence above, but is no toponym (the geoparsing gold sets annotate the adjective
    // "Syrian", never the plural noun). Given spans (`resolve_spans`) still resolve it.
    found.retain(|m| {
        let key = normalize(&m.text);
        m.kind != EntityKind::Demonym
            || key
                .strip_suffix('s')
                .is_none_or(|stem| gaz.demonym_entry(stem).is_none())
    });
    for m in found.iter_mut() {
        context::prefer_town(m, text, gaz);
    }
    context::qualify_by_following_place(&mut found, text, gaz);
    context::divisions_in_a_list(&mut found, text);
    context::qualify_by_possessive_owner(&mut found, text);
    found
}

/// Resolves given toponym spans (e.g. from an annotator or another recogniser) in the context
/// of the whole document. The result has one entry per span, in order. A span whose text is
/// neither a gazetteer name nor a demonym takes the place the text puts it in ("St. Takla
/// Church in Alexandria", "Cairo's Abbasiya"; codebook section 4: a sub-place the gazetteer
/// lacks takes its town's point), else the document's main country at country precision with
/// a low confidence; `None` only when the document names no place at all. Spans that do not
/// fit `text` give `None`.
pub fn resolve_spans(text: &str, spans: &[Span], gaz: &Gazetteer) -> Vec<Option<EntityMention>> {
    resolve_spans_from(text, spans, gaz, None)
}

/// [`resolve_spans`] with the source's home country as evidence (see [`find_places_from`]).
pub fn resolve_spans_from(
    text: &str,
    spans: &[Span],
    gaz: &Gazetteer,
    home_country: Option<&str>,
) -> Vec<Option<EntityMention>> {
    let valid = |s: &Span| s.start < s.end && text.get(s.start..s.end).is_some();
    let mut cands: Vec<recognize::Candidate> = recognize::candidates(text, &[], gaz)
        .into_iter()
        .filter(|c| {
            !spans
                .iter()
                .any(|s| valid(s) && s.overlaps(c.span) && *s != c.span)
        })
        .collect();
    for s in spans.iter().filter(|s| valid(s)) {
        if !cands.iter().any(|c| c.span == *s) {
            if let Some(c) = recognize::forced(text, *s, gaz) {
                cands.push(c);
            }
        }
    }
    cands.sort_by_key(|c| c.span);
    let mut ms = mentions(text, &cands, gaz, home_country);
    for m in ms.iter_mut() {
        context::prefer_town(m, text, gaz);
    }
    context::qualify_by_following_place(&mut ms, text, gaz);
    context::divisions_in_a_list(&mut ms, text);
    context::qualify_by_possessive_owner(&mut ms, text);
    let main = context::main_country(&ms, home_country, gaz);
    spans
        .iter()
        .map(|s| {
            ms.iter().find(|m| m.span == *s).cloned().or_else(|| {
                valid(s)
                    .then(|| context::locate_unknown(*s, text, &ms, main.as_ref()))
                    .flatten()
            })
        })
        .collect()
}

fn mentions(
    text: &str,
    cands: &[recognize::Candidate],
    gaz: &Gazetteer,
    home_country: Option<&str>,
) -> Vec<EntityMention> {
    let mut group_of: FxHashMap<&str, usize> = FxHashMap::default();
    let mut groups: Vec<Group> = Vec::new();
    let mut vote_of: FxHashMap<[u8; 2], usize> = FxHashMap::default();
    let mut votes: Vec<CountryVote> = Vec::new();
    if let Some(&[a, b]) = home_country.map(str::as_bytes) {
        let cc = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        vote_of.insert(cc, 0);
        votes.push(CountryVote {
            country: cc,
            count: 1,
        });
    }
    for c in cands {
        match &c.kind {
            MatchKind::Place(entries) => match group_of.get(c.key.as_str()) {
                Some(&g) => groups[g].count += 1,
                None => {
                    group_of.insert(&c.key, groups.len());
                    groups.push(Group::new(&c.key, entries.clone(), 1, gaz));
                }
            },
            MatchKind::Demonym(country) => {
                let cc = gaz.entries[*country as usize].country;
                match vote_of.get(&cc) {
                    Some(&v) => votes[v].count += 1,
                    None => {
                        vote_of.insert(cc, votes.len());
                        votes.push(CountryVote {
                            country: cc,
                            count: 1,
                        });
                    }
                }
            }
        }
    }
    resolve::resolve(&mut groups, &votes, gaz);

    cands
        .iter()
        .filter_map(|c| match &c.kind {
            MatchKind::Demonym(country) => {
                let place = gaz.place(*country);
                Some(EntityMention {
                    span: c.span,
                    text: c.span.slice(text).to_string(),
                    kind: EntityKind::Demonym,
                    name: place.name.clone(),
                    country: place.country.clone(),
                    place: Some(place),
                    alternatives: vec![],
                    confidence: Some(c.recognition),
                })
            }
            MatchKind::Place(_) => {
                let g = &groups[*group_of.get(c.key.as_str())?];
                let mut order: Vec<usize> = (0..g.entries.len()).collect();
                order.sort_by(|&a, &b| g.scores[b].total_cmp(&g.scores[a]));
                let best = *order.first()?;
                let place = gaz.place(g.entries[best]);
                let alternatives = order
                    .iter()
                    .skip(1)
                    .take(MAX_ALTERNATIVES)
                    .map(|&i| gaz.place(g.entries[i]))
                    .collect();
                let confidence = c.recognition * (0.5 + 0.5 * g.probs[best]);
                Some(EntityMention {
                    span: c.span,
                    text: c.span.slice(text).to_string(),
                    kind: EntityKind::Place,
                    name: place.name.clone(),
                    country: place.country.clone(),
                    place: Some(place),
                    alternatives,
                    confidence: Some((confidence * 1000.0).round() / 1000.0),
                })
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
