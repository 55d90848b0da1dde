//! Readings fixed by the words around a toponym, applied after scoring: a comma qualifier
//! ("Savannah, Ga."), and towns or capitals over divisions of the same name.

use sitrep_core::EntityMention;

/// A name shared by a town and its own first-level division ("Odesa", "Kirkuk") means the town,
/// unless the text says "province", "region" and the like right after it.
pub(crate) fn prefer_town(m: &mut EntityMention, text: &str) {
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
    let town = capital.or_else(|| {
        m.alternatives.iter().position(|alt| {
            alt.precision == sitrep_core::Precision::Town
                && alt.country == place.country
                && alt.admin1.as_deref() == Some(place.name.as_str())
                && super::normalize(&alt.name) == written
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
pub(crate) fn qualify_by_following_place(places: &mut [EntityMention], text: &str) {
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
                    if let Some(old) = m.place.replace(b) {
                        m.alternatives.insert(0, old);
                    }
                    m.country = m.place.as_ref().and_then(|p| p.country.clone());
                    m.name = m.place.as_ref().map(|p| p.name.clone()).unwrap_or_default();
                }
            }
        }
    }
}
