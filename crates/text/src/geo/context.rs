//! Readings fixed by the words around a toponym, applied after scoring: a comma qualifier
//! ("Savannah, Ga."), and towns or capitals over divisions of the same name.

use sitrep_core::EntityMention;

/// A name shared by a town and its own first-level division ("Odesa", "Kirkuk") means the town,
/// unless the text says "province", "region" and the like right after it.
pub(crate) fn prefer_town(m: &mut EntityMention, text: &str, gaz: &super::Gazetteer) {
    let Some(place) = &m.place else { return };
    if place.precision != sitrep_core::Precision::Admin1 {
        return;
    }
    let after = text
        .get(m.span.end..)
        .unwrap_or("")
        .trim_start()
        .to_lowercase();
    const DIVISION_WORDS: &[&str] = &[
        "province",
        "region",
        "state",
        "governorate",
        "oblast",
        "district",
        "county",
        "prefecture",
        "department",
    ];
    if DIVISION_WORDS.iter().any(|w| after.starts_with(w)) {
        return;
    }
    // "the state of Washington", "the province of Quebec": the division word before the name.
    let before = text
        .get(..m.span.start)
        .unwrap_or("")
        .trim_end()
        .to_lowercase();
    if DIVISION_WORDS
        .iter()
        .any(|w| before.strip_suffix(" of").is_some_and(|b| b.ends_with(w)))
    {
        return;
    }
    // The town must bear the name as written: "Minnesota" is also an alternate name of the
    // village Minneota and "New York" of New York City, but the text names the division.
    let written = super::normalize(&m.text);
    // The national capital of the division's own country ("Washington") is meant over a
    // division of that name; not a capital abroad ("Victoria", Seychelles, for the Australian
    // state) nor one known by the name only as an alternate name (Hong Kong, once Victoria).
    let capital = m.alternatives.iter().position(|alt| {
        alt.feature.as_deref().is_some_and(|f| f.ends_with("PPLC"))
            && alt.country == place.country
            && super::normalize(&alt.name) == written
    });
    // A town that is also known as "<name> City" ("Quebec City") is written that way when it
    // is meant: the bare name is the division.
    let known_as_city = |alt: &sitrep_core::Place| {
        gaz.lookup(&format!("{} City", m.text))
            .iter()
            .any(|p| p.geonames_id == alt.geonames_id && p.name == alt.name)
    };
    let town = capital.or_else(|| {
        m.alternatives.iter().position(|alt| {
            alt.precision == sitrep_core::Precision::Town
                && alt.country == place.country
                && alt.admin1.as_deref() == Some(place.name.as_str())
                && super::normalize(&alt.name) == written
                && !known_as_city(alt)
        })
    });
    if let Some(i) = town {
        let t = m.alternatives.remove(i);
        if let Some(old) = m.place.replace(t) {
            m.alternatives.insert(0, old);
        }
    }
}

/// "Savannah, Georgia", "TRIPOLI, Lebanon": a place followed by a comma and a country or
/// first-level division is the reading inside that country or division, when there is one.
pub(crate) fn qualify_by_following_place(
    places: &mut [EntityMention],
    text: &str,
    gaz: &super::Gazetteer,
) {
    use sitrep_core::{Place, Precision};
    let fits = |p: &Place, q: &Place| match q.precision {
        Precision::Country => p.country == q.country,
        Precision::Admin1 => p.country == q.country && p.admin1.as_deref() == Some(q.name.as_str()),
        _ => false,
    };
    let same = |a: &Place, b: &Place| a.geonames_id == b.geonames_id && a.name == b.name;
    for i in 0..places.len().saturating_sub(1) {
        let gap = text
            .get(places[i].span.end..places[i + 1].span.start)
            .unwrap_or("");
        if gap.trim() != "," {
            continue;
        }
        // "Mexico, China, Japan and Brazil": names in a list are each their own place, not a
        // place and its qualifier; a list shows by a comma or conjunction joining the pair to a
        // neighbouring place name.
        let joined = |a: &EntityMention, b: &EntityMention| {
            let g = text.get(a.span.end..b.span.start).unwrap_or("").trim();
            matches!(g, "," | "and" | "or" | ", and" | ", or" | "&")
        };
        // A list of "town, division" pairs ("Lexington, Kentucky, Nashville and Cordova,
        // Tennessee, Richmond, Virginia") still pairs a town with the division read after it,
        // unless the first name may itself be a division or country ("Oregon, Washington,
        // Pennsylvania" lists states) or the list before it is not of such pairs ("Homs,
        // Damascus, Palmyra, New York" lists towns): the member before must be a division.
        let after_pair = i == 0
            || !joined(&places[i - 1], &places[i])
            || places[i - 1]
                .place
                .as_ref()
                .is_some_and(|p| p.precision == Precision::Admin1);
        let town_and_division = after_pair
            && places[i]
                .place
                .as_ref()
                .is_some_and(|p| p.precision == Precision::Town)
            && !places[i]
                .alternatives
                .iter()
                .any(|p| matches!(p.precision, Precision::Admin1 | Precision::Country))
            && places[i + 1]
                .place
                .as_ref()
                .is_some_and(|p| p.precision == Precision::Admin1);
        if !town_and_division
            && ((i > 0 && joined(&places[i - 1], &places[i]))
                || places
                    .get(i + 2)
                    .is_some_and(|next| joined(&places[i + 1], next)))
        {
            continue;
        }
        // A country is never qualified by another place ("Iraq, Iran" is two countries).
        if places[i]
            .place
            .as_ref()
            .is_some_and(|p| p.precision == Precision::Country)
        {
            continue;
        }
        // The qualifier's readings (chosen first), and the first place's readings (chosen first).
        let quals: Vec<Place> = places[i + 1]
            .place
            .iter()
            .chain(places[i + 1].alternatives.iter())
            .cloned()
            .collect();
        let heads: Vec<Place> = places[i]
            .place
            .iter()
            .chain(places[i].alternatives.iter())
            .cloned()
            .collect();
        let Some((head, qual)) = quals.iter().find_map(|q| {
            heads
                .iter()
                .find(|h| fits(h, q))
                .map(|h| (h.clone(), q.clone()))
        }) else {
            // "Millbrook, Quebec" where the gazetteer knows Millbrook only in another
            // country: the written qualifier outranks a reading it contradicts, so the name is
            // a place the gazetteer lacks inside the qualifier (codebook 4: coarser, not wrong).
            let division = quals
                .iter()
                .find(|q| matches!(q.precision, Precision::Admin1 | Precision::Country))
                .cloned();
            if let (Some(h), Some(q)) = (places[i].place.clone(), division) {
                if h.precision == Precision::Town && h.country.is_some() && h.country != q.country {
                    // A town the gazetteer lacks is often known through the airport named
                    // after it, which lies close by: a point beats the division's centroid.
                    let name = places[i].text.clone();
                    let airport = ["airport", "international airport", "regional airport"]
                        .iter()
                        .flat_map(|suffix| gaz.lookup(&format!("{name} {suffix}")))
                        .find(|p| p.precision == Precision::Town && fits(p, &q));
                    let m = &mut places[i];
                    adopt(m, airport.unwrap_or(q));
                    m.confidence = Some(LOCATED_CONFIDENCE);
                }
            }
            continue;
        };
        // The pair's reading holds for every mention of either name in the document.
        for (name, pick) in [
            (places[i].text.clone(), head),
            (places[i + 1].text.clone(), qual),
        ] {
            for m in places
                .iter_mut()
                .filter(|m| m.text == name && m.kind == sitrep_core::EntityKind::Place)
            {
                if m.place.as_ref().is_some_and(|p| same(p, &pick)) {
                    continue;
                }
                if let Some(k) = m.alternatives.iter().position(|p| same(p, &pick)) {
                    let b = m.alternatives.remove(k);
                    adopt(m, b);
                }
            }
        }
    }
}

/// The country the document is mostly about: the one most of its place mentions lie in (a
/// demonym counts like a place), the source's home country breaking ties and standing in when
/// no mention has a country.
pub(crate) fn main_country(
    ms: &[EntityMention],
    home_country: Option<&str>,
    gaz: &super::Gazetteer,
) -> Option<sitrep_core::Place> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for cc in ms.iter().filter_map(|m| m.place.as_ref()?.country.clone()) {
        match counts.iter_mut().find(|(c, _)| *c == cc) {
            Some(e) => e.1 += 1,
            None => counts.push((cc, 1)),
        }
    }
    let home = home_country.map(str::to_ascii_uppercase);
    let best = counts
        .iter()
        .max_by_key(|(c, n)| (*n, Some(c) == home.as_ref()))
        .map(|(c, _)| c.clone())
        .or(home)?;
    gaz.country(&best)
}

/// Confidence of an answer that only locates a name the gazetteer lacks.
const LOCATED_CONFIDENCE: f64 = 0.3;
/// Confidence of the document's main country given for a name the text does not locate.
const MAIN_COUNTRY_CONFIDENCE: f64 = 0.1;

/// A given span the gazetteer does not know: the place the text puts it in, by a known place
/// right after it ("St. Takla Church in Alexandria", "Qatraneh in the Karak district",
/// "University Hospital in Columbia, Missouri", "Maoxian county in Sichuan") or owning it
/// right before ("Cairo's Abbasiya"); else the nearest town or division of `main`, the
/// document's main country, or that country itself.
pub(crate) fn locate_unknown(
    span: sitrep_core::Span,
    text: &str,
    ms: &[EntityMention],
    main: Option<&sitrep_core::Place>,
) -> Option<EntityMention> {
    let surface = span.slice(text).to_string();
    let answer = |place: sitrep_core::Place, confidence: f64| EntityMention {
        span,
        text: surface.clone(),
        kind: sitrep_core::EntityKind::Place,
        name: place.name.clone(),
        country: place.country.clone(),
        place: Some(place),
        alternatives: vec![],
        confidence: Some(confidence),
    };
    let placed = |m: &&EntityMention| m.kind == sitrep_core::EntityKind::Place && m.place.is_some();
    // A locating word and an optional article, then a known place within a few words
    // ("county in Sichuan", "in the Karak district").
    let after = ms
        .iter()
        .filter(placed)
        .find(|m| m.span.start >= span.end)
        .filter(|m| {
            let gap = text
                .get(span.end..m.span.start)
                .unwrap_or("")
                .to_lowercase();
            let words: Vec<&str> = gap
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .collect();
            words.len() <= 3
                && words
                    .iter()
                    .any(|w| matches!(*w, "in" | "at" | "near" | "of" | "outside"))
                && words
                    .last()
                    .is_some_and(|w| matches!(*w, "in" | "at" | "near" | "of" | "outside" | "the"))
        });
    // "Cairo's Abbasiya": a place with a possessive just before.
    let before = ms
        .iter()
        .filter(placed)
        .rev()
        .find(|m| m.span.end <= span.start)
        .filter(|m| {
            let gap = text.get(m.span.end..span.start).unwrap_or("");
            matches!(gap, "'s " | "\u{2019}s " | "' " | "\u{2019} ")
        });
    if let Some(p) = after.or(before).and_then(|m| m.place.clone()) {
        return Some(answer(p, LOCATED_CONFIDENCE));
    }
    // A name the text does not locate (a suburb, a village, a building) most likely lies near
    // the places it names in its main country: the nearest town or division of that country
    // written before it (else the first one after it) is a closer answer than the centre.
    let main = main?;
    let local = |m: &&EntityMention| {
        placed(m)
            && m.place.as_ref().is_some_and(|p| {
                p.country == main.country
                    && matches!(
                        p.precision,
                        sitrep_core::Precision::Point
                            | sitrep_core::Precision::Town
                            | sitrep_core::Precision::Admin2
                            | sitrep_core::Precision::Admin1
                    )
            })
    };
    let near = (ms.iter().filter(local).rev())
        .find(|m| m.span.end <= span.start)
        .or_else(|| ms.iter().filter(local).find(|m| m.span.start >= span.end));
    match near.and_then(|m| m.place.clone()) {
        Some(p) => Some(answer(p, MAIN_COUNTRY_CONFIDENCE)),
        None => Some(answer(main.clone(), MAIN_COUNTRY_CONFIDENCE)),
    }
}

/// A district lies within this distance of the town that owns it ("Giza's Haram").
const DISTRICT_KM: f64 = 100.0;

/// "Giza's Haram district", "Syria's Idlib": a place owned by the place written just before it
/// with a possessive lies inside that place. The owned name takes its reading inside the
/// owner's country or division, or near the owning town; a town's district that has no such
/// reading (the gazetteer knows the name only elsewhere) takes the town's place.
pub(crate) fn qualify_by_possessive_owner(places: &mut [EntityMention], text: &str) {
    use sitrep_core::{EntityKind, Place, Precision};
    for i in 0..places.len().saturating_sub(1) {
        let gap = text
            .get(places[i].span.end..places[i + 1].span.start)
            .unwrap_or("");
        if !matches!(gap, "'s " | "\u{2019}s ") || places[i + 1].kind != EntityKind::Place {
            continue;
        }
        let Some(owner) = places[i].place.clone() else {
            continue;
        };
        let inside = |p: &Place| match owner.precision {
            Precision::Country => p.country == owner.country,
            Precision::Admin1 => p.country == owner.country && p.admin1 == Some(owner.name.clone()),
            Precision::Town | Precision::Point | Precision::Admin2 => {
                super::distance_km(owner.lat, owner.lon, p.lat, p.lon) <= DISTRICT_KM
            }
            _ => true,
        };
        let m = &mut places[i + 1];
        if m.place.as_ref().is_none_or(&inside) {
            continue;
        }
        let pick = match m.alternatives.iter().position(inside) {
            Some(k) => m.alternatives.remove(k),
            None if matches!(owner.precision, Precision::Town | Precision::Point) => owner,
            None => continue,
        };
        adopt(m, pick);
    }
}

/// "Texas and Georgia", "Georgia, Oklahoma, Pennsylvania": a country's name listed beside a
/// first-level division is that country's division of the same name, when it has one (a list
/// joins names of one kind, and a country and a foreign state are rarely written as a pair).
pub(crate) fn divisions_in_a_list(places: &mut [EntityMention], text: &str) {
    use sitrep_core::Precision;
    let joined = |a: &EntityMention, b: &EntityMention| {
        let g = text.get(a.span.end..b.span.start).unwrap_or("").trim();
        matches!(g, "," | "and" | "or" | ", and" | ", or" | "&")
    };
    let division_of = |m: &EntityMention| {
        m.place
            .as_ref()
            .filter(|p| p.precision == Precision::Admin1)
            .and_then(|p| p.country.clone())
    };
    // The bare comma of "Washington, Pennsylvania" may also join a town to its qualifier: a
    // town is taken as listed only in a list of three or more, or before "and" / "or".
    let bare_comma = |a: &EntityMention, b: &EntityMention| {
        text.get(a.span.end..b.span.start).unwrap_or("").trim() == ","
    };
    for i in 0..places.len() {
        let Some(precision) = places[i].place.as_ref().map(|p| p.precision) else {
            continue;
        };
        // "Utah, Washington and Wisconsin": a town that shares a division's name, listed among
        // that country's divisions, is the division too.
        let town = precision == Precision::Town;
        if precision != Precision::Country && !town {
            continue;
        }
        let before = i > 0 && joined(&places[i - 1], &places[i]);
        let after = i + 1 < places.len() && joined(&places[i], &places[i + 1]);
        let mut neighbours = Vec::new();
        if before {
            neighbours.extend(division_of(&places[i - 1]));
        }
        if after {
            neighbours.extend(division_of(&places[i + 1]));
        }
        if town {
            let longer = (i >= 2 && before && joined(&places[i - 2], &places[i - 1]))
                || (after && i + 2 < places.len() && joined(&places[i + 1], &places[i + 2]));
            let worded = (before && !bare_comma(&places[i - 1], &places[i]))
                || (after && !bare_comma(&places[i], &places[i + 1]));
            let listed = (before && after) || longer || worded;
            if !listed {
                continue;
            }
        }
        let written = super::normalize(&places[i].text);
        let m = &mut places[i];
        let Some(k) = m.alternatives.iter().position(|p| {
            p.precision == Precision::Admin1
                && p.country.is_some()
                && neighbours.contains(p.country.as_ref().unwrap())
                && (!town || super::normalize(&p.name) == written)
        }) else {
            continue;
        };
        let pick = m.alternatives.remove(k);
        adopt(m, pick);
    }
}

/// Make `pick` the mention's reading: the old reading becomes the first alternative, and the
/// mention's country and name follow the new reading.
fn adopt(m: &mut EntityMention, pick: sitrep_core::Place) {
    m.country = pick.country.clone();
    m.name = pick.name.clone();
    if let Some(old) = m.place.replace(pick) {
        m.alternatives.insert(0, old);
    }
}
