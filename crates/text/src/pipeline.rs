//! The extraction pipeline: document in; sentences with classes, entities with resolved places,
//! and coded events out. Pure: resources are built once by the caller and shared.

use chrono::{Datelike, NaiveDate};
use sitrep_core::{
    ActorKind, Diagnostic, Document, EntityKind, EntityMention, Extraction, Location, Precision,
    Sentence, SentenceClass, Span,
};

use crate::geo::{find_places_from, home_country_of_url, Gazetteer, GazetteerSources};
use crate::nlp::actors::{find_actors, ActorMention, Countries, ARABIC_ARTICLES};
use crate::nlp::classify::{sentence_infos, Classifier};
use crate::nlp::dates::{month_number, parse_iso, weekday};
use crate::nlp::events::{code_events, DocContext, PlaceRef, SentenceInput};
use crate::nlp::incidents::{drop_relief_events, find_incidents, merge_incidents};
use crate::nlp::lexicon::Lexicon;
use crate::nlp::sentences;
use crate::nlp::tokens::{tokenize, Token};
use crate::nlp::truecase::{is_all_caps, truecase, CaseLexicon};

/// Immutable resources shared by every extraction.
pub struct Resources {
    pub lexicon: Lexicon,
    pub classifier: Classifier,
    pub gazetteer: Gazetteer,
}

impl Resources {
    /// Resources around a loaded gazetteer; the lexicons are compiled in.
    pub fn new(gazetteer: Gazetteer) -> Result<Resources, String> {
        Ok(Resources {
            lexicon: Lexicon::builtin()?,
            classifier: Classifier::new(),
            gazetteer,
        })
    }

    /// Resources with an empty gazetteer: for tests and for text-only runs (no places).
    pub fn empty() -> Resources {
        let gazetteer = Gazetteer::parse(GazetteerSources {
            places: "",
            countries: "",
            country_aliases: "",
            demonyms: "",
        })
        .expect("an empty gazetteer always parses");
        Resources::new(gazetteer).expect("built-in lexicons parse (checked by unit tests)")
    }
}

impl Countries for Gazetteer {
    fn country_of(&self, words: &str) -> Option<String> {
        self.country_code_of(words)
            .map(|cc| String::from_utf8_lossy(&cc).into_owned())
    }
    fn may_start_country(&self, token: &str) -> bool {
        self.may_start_country_name(token)
    }
    fn place_country(&self, words: &str) -> Option<String> {
        self.lookup(words)
            .into_iter()
            .next()
            .and_then(|p| p.country)
    }
    fn is_place(&self, words: &str) -> bool {
        !self.lookup(words).is_empty()
    }
}

#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Publication date (`YYYY-MM-DD`) overriding the document's own.
    pub published: Option<String>,
    /// The source's home country (ISO2) overriding the one read from the document's address
    /// (`geo::home_country_of_url`); country evidence for the document's places.
    pub home_country: Option<String>,
}

fn entity_kind(a: &ActorMention) -> Option<EntityKind> {
    if a.person {
        return Some(EntityKind::Person);
    }
    a.name.as_ref()?;
    Some(match a.kind {
        ActorKind::RebelGroup
        | ActorKind::PoliticalMilitia
        | ActorKind::IdentityMilitia
        | ActorKind::ExternalForces => EntityKind::ArmedGroup,
        ActorKind::StateForces => EntityKind::StateForces,
        ActorKind::Government => EntityKind::Government,
        ActorKind::Media => EntityKind::Media,
        ActorKind::Organisation => EntityKind::Organisation,
        _ => return None,
    })
}

/// Token range `[start, end)` covering a byte span, if the span lies on token boundaries.
fn token_range(toks: &[Token], span: Span) -> Option<(usize, usize)> {
    let s = toks
        .iter()
        .position(|t| t.span.start >= span.start && t.span.start < span.end)?;
    let e = toks
        .iter()
        .rposition(|t| t.span.end <= span.end && t.span.end > span.start)?
        + 1;
    (s < e).then_some((s, e))
}

/// A year the sentence dates itself by, when every year it names lies two or more years before
/// publication and it names no recent time ("in 2017" makes a recollection, not a report).
fn only_old_years(toks: &[Token], published: NaiveDate) -> Option<i32> {
    const RECENT: &[&str] = &[
        "yesterday",
        "today",
        "tonight",
        "week",
        "overnight",
        "now",
        "currently",
    ];
    if toks
        .iter()
        .any(|t| RECENT.contains(&t.lower.as_str()) || weekday(&t.lower).is_some())
    {
        return None;
    }
    // Years inside ", who/which ... ," describe an actor's past, not this sentence's news.
    let mut in_relative = vec![false; toks.len()];
    let mut open = false;
    for (i, t) in toks.iter().enumerate() {
        if t.text == "," {
            open = matches!(
                toks.get(i + 1).map(|n| n.lower.as_str()),
                Some("who" | "which" | "whose" | "whom")
            );
        }
        in_relative[i] = open;
    }
    let mut oldest = None;
    for (i, t) in toks.iter().enumerate() {
        if in_relative[i] {
            continue;
        }
        if t.text.len() == 4
            && t.text.chars().all(|c| c.is_ascii_digit())
            && i > 0
            && (matches!(toks[i - 1].lower.as_str(), "in" | "since" | "of" | ",")
                || month_number(&toks[i - 1].lower).is_some())
        {
            let y: i32 = t.text.parse().ok()?;
            if !(1900..=2100).contains(&y) {
                continue;
            }
            if y >= published.year() - 1 {
                return None;
            }
            oldest = Some(y);
        }
    }
    // "last year" dates a happening to the year before publication, just as a year would.
    let last_year = toks
        .windows(2)
        .enumerate()
        .any(|(i, w)| !in_relative[i] && w[0].lower == "last" && w[1].lower == "year");
    oldest.or(last_year.then(|| published.year() - 1))
}

/// The part of an actor mention that must not be read as a place: all of it, except a leading
/// country name or demonym ("Lebanese" in "Lebanese army"), which is good evidence of where the
/// story happens. Names from the lexicon ("Syria TV") stay whole.
fn actor_name_span(a: &ActorMention, text: &str, res: &Resources) -> Span {
    let surface = a.span.slice(text);
    let named = res
        .lexicon
        .actors
        .contains_key(&crate::nlp::lexicon::actor_key(surface));
    let lead = ["The ", "the "]
        .iter()
        .find(|d| surface.starts_with(**d))
        .map_or(0, |d| d.len());
    if let Some((first, rest)) = surface[lead..].split_once(' ') {
        if !rest.is_empty() && !named && res.gazetteer.country_of(first).is_some() {
            return Span::new(a.span.start + lead + first.len() + 1, a.span.end);
        }
    }
    a.span
}

/// A surname as written: letters, with the hyphens and apostrophes of names like "O'Neill",
/// "Smith-Jones" or "al-Rashid" (a lower-case Arabic article before a capitalised name), at
/// least three letters, capitalised.
fn surname_shaped(w: &str) -> bool {
    let joiner = |c: char| matches!(c, '-' | '\'' | '\u{2019}');
    let name = ARABIC_ARTICLES
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(w);
    name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && w.chars().all(|c| c.is_alphabetic() || joiner(c))
        && !w.ends_with(joiner)
}

/// The same name whichever apostrophe the writer typed ("al-Rufay’i", "al-Rufay'i").
fn fold_apostrophes(w: &str) -> String {
    w.replace('\u{2019}', "'")
}

/// Run the whole pipeline on one document. Never panics on any text.
/// A person named once in full ("Foreign Minister Jane Roe", "Mr. Roe") is later named by the
/// surname alone ("Roe, who ..., rejected"): mark those bare surnames as the same person, so
/// that what they say or do has its speaker. Only names seen as persons in this document count,
/// and a word that also names a place or country is left alone.
fn known_surnames(inputs: &mut [SentenceInput], countries: &dyn Countries) {
    let mut known: Vec<(String, ActorMention)> = Vec::new();
    for s in inputs.iter() {
        for a in s.actors.iter().filter(|a| a.person && a.end > a.start + 1) {
            let last = &s.toks[a.end - 1];
            let w = last.text;
            let key = fold_apostrophes(w);
            if surname_shaped(w)
                && !known.iter().any(|(k, _)| *k == key)
                && countries.country_of(w).is_none()
                && !countries.is_place(w)
            {
                known.push((key, a.clone()));
            }
        }
    }
    if known.is_empty() {
        return;
    }
    for s in inputs.iter_mut() {
        let mut found = Vec::new();
        for (k, t) in s.toks.iter().enumerate() {
            if !t.text.starts_with(|c: char| c.is_alphabetic()) {
                continue;
            }
            let folded = fold_apostrophes(t.text);
            let Some((_, full)) = known.iter().find(|(w, _)| *w == folded) else {
                continue;
            };
            // Part of a longer name ("Jane Roe" is found already; "Roe Street" is another).
            let capital = |i: usize| s.toks.get(i).is_some_and(|x| x.is_capitalized());
            if s.actors.iter().any(|a| k >= a.start && k < a.end)
                || (k > 0 && capital(k - 1))
                || capital(k + 1)
            {
                continue;
            }
            found.push(ActorMention {
                start: k,
                end: k + 1,
                span: t.span,
                text: t.text.to_string(),
                name: full.name.clone(),
                kind: full.kind,
                country: full.country.clone(),
                group: None,
                country_as_actor: false,
                person: true,
            });
        }
        if !found.is_empty() {
            s.actors.extend(found);
            s.actors.sort_by_key(|a| a.start);
        }
    }
}

pub fn extract(doc: &Document, res: &Resources, opts: &ExtractOptions) -> Extraction {
    // A text in capitals only is read in ordinary case (same length, same offsets); surface
    // strings then show that case, and a diagnostic says so.
    let recased;
    let mut text = doc.text.as_str();
    let mut diagnostics = Vec::new();
    if is_all_caps(text) {
        recased = truecase(text, CaseLexicon::builtin(), &res.gazetteer);
        text = &recased;
        diagnostics.push(Diagnostic {
            input: doc.id.clone(),
            message: "the text is in capitals only; it was read re-cased to ordinary English \
                      case (offsets unchanged, quoted text shows the re-cased form)"
                .into(),
        });
    }
    let published = opts
        .published
        .as_deref()
        .or(doc.published.as_deref())
        .and_then(parse_iso);
    let spans = sentences::split(text);
    let infos = sentence_infos(text, &spans);
    let mut sentences_out = Vec::with_capacity(spans.len());
    let mut inputs: Vec<SentenceInput> = Vec::with_capacity(spans.len());
    let mut first_line = None;
    for (idx, (span, info)) in spans.iter().zip(infos.iter()).enumerate() {
        let (mut class, mut reason) = res.classifier.classify(info);
        let headline =
            info.whole_line && info.line_index == 0 && *first_line.get_or_insert(idx) == idx;
        let toks = tokenize(span.slice(text), span.start);
        let mut actors = find_actors(&toks, &res.lexicon, &res.gazetteer);
        // "a U.S.-proposed ceasefire": a name joined by a hyphen to a participle modifies the
        // noun after it; it is no party to the sentence's events. A sponsor of armed people
        // ("Iran-backed militias", "Saudi-led forces") stays: it is read as their side.
        actors.retain(|a| {
            !(toks.get(a.end).is_some_and(|t| t.text == "-")
                && toks.get(a.end + 1).is_some_and(|t| {
                    t.text.ends_with("ed")
                        && t.text.chars().all(|c| c.is_ascii_lowercase())
                        && !matches!(
                            t.text,
                            "backed"
                                | "led"
                                | "allied"
                                | "sponsored"
                                | "supported"
                                | "funded"
                                | "armed"
                                | "trained"
                                | "aligned"
                                | "affiliated"
                                | "linked"
                        )
                }))
        });
        if class == SentenceClass::Report {
            if let Some(year) = published.and_then(|p| only_old_years(&toks, p)) {
                class = SentenceClass::Background;
                reason = Some(format!("recalls {year}, well before publication"));
            }
        }
        sentences_out.push(Sentence {
            span: *span,
            text: span.slice(text).to_string(),
            class,
            class_reason: reason,
        });
        inputs.push(SentenceInput {
            index: idx,
            span: *span,
            class,
            headline,
            toks,
            actors,
            places: Vec::new(),
        });
    }
    known_surnames(&mut inputs, &res.gazetteer);
    // Places: everything not already an actor name (a person, a group, a medium, a force).
    // Page furniture (a trailing headline of another story) is no context for this article's places.
    let exclude: Vec<Span> = inputs
        .iter()
        .flat_map(|s| {
            s.actors
                .iter()
                .filter(|a| !a.country_as_actor)
                .map(|a| actor_name_span(a, text, res))
        })
        .chain(
            inputs
                .iter()
                .filter(|s| s.class == SentenceClass::Furniture)
                .map(|s| s.span),
        )
        .collect();
    // The source's home country (from the address's country-code domain) leans local papers'
    // places towards their own country.
    let home = opts.home_country.clone().or_else(|| {
        doc.url
            .as_deref()
            .and_then(|u| home_country_of_url(u, &res.gazetteer))
    });
    let places = find_places_from(text, &exclude, &res.gazetteer, home.as_deref());
    for p in &places {
        let Some(s) = inputs.iter_mut().find(|s| s.span.contains(p.span)) else {
            continue;
        };
        let Some((a, b)) = token_range(&s.toks, p.span) else {
            continue;
        };
        let Some(place) = &p.place else { continue };
        let mut location = Location::from_place(place, Some(p.text.clone()), Some(p.span));
        location.confidence = p.confidence;
        s.places.push(PlaceRef {
            start: a,
            end: b,
            location,
            demonym: p.kind == EntityKind::Demonym,
            capital: place
                .feature
                .as_deref()
                .is_some_and(|f| f.ends_with("PPLC")),
        });
    }
    let country_location = |cc: &str| {
        res.gazetteer
            .country(cc)
            .map(|p| Location::from_place(&p, None, None))
    };
    let town_location = |name: &str, cc: &str| {
        res.gazetteer
            .lookup(name)
            .into_iter()
            .find(|p| p.country.as_deref() == Some(cc) && p.precision == Precision::Town)
            .map(|p| Location::from_place(&p, None, None))
    };
    let ctx = DocContext {
        doc_id: &doc.id,
        text,
        published,
        country_location: &country_location,
        town_location: &town_location,
    };
    let mut events = code_events(&inputs, &res.lexicon, &ctx);
    // Disasters, accidents and organised crime: their own kind, apart from the events.
    // Relief is dropped by mention (each mention's sentence), before mentions merge.
    let mentions = find_incidents(&inputs, text, &doc.id, published);
    drop_relief_events(&mut events, &mentions);
    let incidents = merge_incidents(mentions);
    let mut entities: Vec<EntityMention> = Vec::new();
    for s in &inputs {
        for a in &s.actors {
            // Bare country names are reported as places, not twice.
            if a.country_as_actor {
                continue;
            }
            if let Some(kind) = entity_kind(a) {
                entities.push(EntityMention {
                    span: a.span,
                    text: a.text.clone(),
                    kind,
                    name: a.name.clone().unwrap_or_default(),
                    country: a.country.clone(),
                    place: None,
                    alternatives: Vec::new(),
                    confidence: None,
                });
            }
        }
    }
    // Places in page furniture are not part of the article.
    let furniture: Vec<Span> = sentences_out
        .iter()
        .filter(|s| s.class == sitrep_core::SentenceClass::Furniture)
        .map(|s| s.span)
        .collect();
    entities.extend(
        places
            .into_iter()
            .filter(|p| !furniture.iter().any(|f| f.contains(p.span))),
    );
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    Extraction {
        document: doc.clone(),
        sentences: sentences_out,
        entities,
        events,
        incidents,
        diagnostics,
    }
}
