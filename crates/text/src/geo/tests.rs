//! Tests of recognition and resolution on a small hand-written gazetteer, plus one test on the
//! real generated gazetteer when it is present.

use sitrep_core::{EntityKind, EntityMention, Precision, Span};

use super::*;

const COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\tnames\n\
SY\tSYR\tSyria\t163843\tDamascus\t35.0\t38.0\t17000000\tSyrian Arab Republic\n\
US\tUSA\tUnited States\t6252001\tWashington\t38.0\t-97.0\t327000000\tUnited States of America\n\
GE\tGEO\tGeorgia\t614540\tTbilisi\t42.0\t43.5\t3700000\tRepublic of Georgia\n\
JO\tJOR\tJordan\t248816\tAmman\t31.0\t36.0\t9900000\tHashemite Kingdom of Jordan\n\
TR\tTUR\tTurkey\t298795\tAnkara\t39.0\t35.0\t82000000\tTurkiye\n";

const ALIASES: &str = "US\tU.S.\nUS\tAmerica\nUS\tthe US\n";

const DEMONYMS: &str = "# demonym\tiso2\tnote\nSyrian\tSY\t\nAmerican\tUS\t\nU.S.\tUS\t\n\
Georgian\tGE\t\nKurdish\t-\tgroup\n";

// Coordinates and populations are approximate; enough for the scoring to have its real shape.
const PLACES: &str = "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
163808\tTadmur\t34.56\t38.28\tSY\tHoms\tP.PPL\t51000\tPalmyra|Tadmor\n\
169577\tHoms\t34.73\t36.72\tSY\tHoms\tP.PPL\t775000\tHims|Emesa\n\
169575\tHoms\t34.68\t36.85\tSY\tHoms\tA.ADM1\t1060000\tHoms Governorate\n\
170654\tDamascus\t33.51\t36.29\tSY\tDimashq\tP.PPLC\t1570000\tDimashq\n\
5132143\tPalmyra\t43.06\t-77.23\tUS\tNew York\tP.PPL\t3500\t\n\
5206379\tPalmyra\t40.31\t-76.59\tUS\tPennsylvania\tP.PPL\t7400\t\n\
5128581\tNew York City\t40.71\t-74.01\tUS\tNew York\tP.PPL\t8800000\tNew York|NYC\n\
5128638\tNew York\t42.9\t-75.5\tUS\tNew York\tA.ADM1\t19000000\tNew York State\n\
5134086\tRochester\t43.15\t-77.61\tUS\tNew York\tP.PPL\t210000\t\n\
5140405\tSyracuse\t43.05\t-76.15\tUS\tNew York\tP.PPL\t143000\t\n\
2523083\tSyracuse\t37.08\t15.29\tIT\tSicily\tP.PPL\t125000\tSiracusa\n\
4197000\tGeorgia\t33.0\t-83.6\tUS\tGeorgia\tA.ADM1\t4800000\tState of Georgia\n\
4180439\tAtlanta\t33.75\t-84.39\tUS\tGeorgia\tP.PPL\t500000\t\n\
611717\tTbilisi\t41.69\t44.83\tGE\tTbilisi\tP.PPLC\t1050000\tTiflis\n\
4994358\tJordan\t42.3\t-85.0\tUS\tMichigan\tP.PPL\t1200\t\n\
5000000\tMay\t35.0\t-97.0\tUS\tOklahoma\tP.PPL\t800\t\n\
173000\tAl Bab\t36.37\t37.52\tSY\tAleppo\tP.PPL\t130000\tal-Bab\n\
5667000\tChinook\t48.59\t-109.23\tUS\tMontana\tP.PPL\t1200\t\n\
4687000\tEarly\t31.74\t-98.95\tUS\tTexas\tP.PPL\t3000\t\n\
4660000\tWhite House\t36.47\t-86.65\tUS\tTennessee\tP.PPL\t12000\t\n";

fn small() -> Gazetteer {
    Gazetteer::parse(GazetteerSources {
        places: PLACES,
        countries: COUNTRIES,
        country_aliases: ALIASES,
        demonyms: DEMONYMS,
    })
    .expect("test gazetteer parses")
}

/// The small gazetteer with more place rows (`places.tsv` lines) appended.
fn small_with(extra_places: &str) -> Gazetteer {
    Gazetteer::parse(GazetteerSources {
        places: &format!("{PLACES}{extra_places}"),
        countries: COUNTRIES,
        country_aliases: ALIASES,
        demonyms: DEMONYMS,
    })
    .expect("test gazetteer parses")
}

fn find<'a>(ms: &'a [EntityMention], surface: &str) -> Option<&'a EntityMention> {
    ms.iter().find(|m| m.text == surface)
}

fn at_in(text: &str, w: &str) -> Span {
    let b = text.find(w).unwrap();
    Span::new(b, b + w.len())
}

fn place_id(m: &EntityMention) -> Option<u64> {
    m.place.as_ref().and_then(|p| p.geonames_id)
}

#[test]
fn palmyra_follows_syrian_context() {
    let g = small();
    let text = "Islamic State fighters pushed toward Palmyra on Sunday, according to monitors who \
                track the war in Syria. The ancient town lies in the desert east of Homs.";
    let ms = find_places(text, &[], &g);
    let m = find(&ms, "Palmyra").expect("Palmyra found");
    assert_eq!(place_id(m), Some(163808));
    assert_eq!(m.place.as_ref().unwrap().admin1.as_deref(), Some("Homs"));
    assert_eq!(m.place.as_ref().unwrap().precision, Precision::Town);
    assert!(m.alternatives.iter().all(|p| p.geonames_id != Some(163808)));
    assert!(m
        .alternatives
        .iter()
        .any(|p| p.country.as_deref() == Some("US")));
    assert!(m.confidence.unwrap() > 0.5);
    let syria = find(&ms, "Syria").expect("Syria found");
    assert_eq!(syria.place.as_ref().unwrap().precision, Precision::Country);
}

#[test]
fn palmyra_follows_new_york_context() {
    let g = small();
    let text = "Snow closed schools across western New York on Tuesday. Officials in Rochester \
                and Syracuse said roads near Palmyra were impassable.";
    let ms = find_places(text, &[], &g);
    let m = find(&ms, "Palmyra").expect("Palmyra found");
    assert_eq!(place_id(m), Some(5132143));
    let s = find(&ms, "Syracuse").expect("Syracuse found");
    assert_eq!(s.country.as_deref(), Some("US"));
}

#[test]
fn georgia_is_country_or_state_by_context() {
    let g = small();
    let caucasus =
        "Protesters filled the streets of Tbilisi as Georgia's parliament debated the bill.";
    let ms = find_places(caucasus, &[], &g);
    let m = find(&ms, "Georgia").expect("Georgia found (possessive stripped)");
    assert_eq!(m.place.as_ref().unwrap().precision, Precision::Country);
    assert_eq!(m.country.as_deref(), Some("GE"));

    let south = "Storms knocked out power in Atlanta overnight, and the governor said much of \
                 Georgia remained without electricity.";
    let ms = find_places(south, &[], &g);
    let m = find(&ms, "Georgia").expect("Georgia found");
    assert_eq!(m.place.as_ref().unwrap().precision, Precision::Admin1);
    assert_eq!(m.country.as_deref(), Some("US"));
}

#[test]
fn person_names_titles_and_common_words_are_not_places() {
    let g = small();
    let text =
        "Michael Jordan scored 40 points. Mr. Jordan later met President Georgia Smith in May.";
    let ms = find_places(text, &[], &g);
    assert!(ms.iter().all(|m| m.text != "Jordan"), "{ms:?}");
    assert!(ms.iter().all(|m| m.text != "May"), "{ms:?}");
    assert!(ms.iter().all(|m| m.text != "Georgia"), "{ms:?}");
    // The country is still found where it is a place.
    let ms = find_places("King Abdullah returned to Jordan on Friday.", &[], &g);
    assert_eq!(
        find(&ms, "Jordan")
            .and_then(|m| m.country.clone())
            .as_deref(),
        Some("JO")
    );
}

#[test]
fn demonyms_and_adjectival_abbreviations() {
    let g = small();
    let text = "Syrian troops and U.S. forces clashed. Kurdish fighters said the U.S. would leave.";
    let ms = find_places(text, &[], &g);
    let syrian = find(&ms, "Syrian").expect("Syrian");
    assert_eq!(syrian.kind, EntityKind::Demonym);
    assert_eq!(syrian.country.as_deref(), Some("SY"));
    assert_eq!(syrian.place.as_ref().unwrap().precision, Precision::Country);
    let us: Vec<_> = ms.iter().filter(|m| m.text == "U.S.").collect();
    assert_eq!(us.len(), 2);
    assert_eq!(us[0].kind, EntityKind::Demonym);
    assert_eq!(us[1].kind, EntityKind::Place);
    assert_eq!(us[1].country.as_deref(), Some("US"));
    assert!(ms.iter().all(|m| m.text != "Kurdish"));
    assert_eq!(g.demonym("Syrians"), Some("SY"));
    assert_eq!(g.demonym("Kurdish"), None);
}

#[test]
fn spans_are_byte_offsets_and_exclusions_hold() {
    let g = small();
    let text = "Ölüm: fighting near al-Bab and Turkey's border.";
    let ms = find_places(text, &[], &g);
    let bab = find(&ms, "al-Bab").expect("al-Bab");
    assert_eq!(&text[bab.span.start..bab.span.end], "al-Bab");
    assert_eq!(place_id(bab), Some(173000));
    let turkey = find(&ms, "Turkey").expect("Turkey without possessive");
    assert_eq!(turkey.country.as_deref(), Some("TR"));
    let start = text.find("Turkey").unwrap();
    let ms = find_places(text, &[Span::new(start, start + 6)], &g);
    assert!(find(&ms, "Turkey").is_none());
}

#[test]
fn lookups() {
    let g = small();
    assert_eq!(g.country("sy").unwrap().name, "Syria");
    assert_eq!(
        g.country_by_name("America").unwrap().country.as_deref(),
        Some("US")
    );
    assert_eq!(
        g.country_by_name("the U.S.").unwrap().country.as_deref(),
        Some("US")
    );
    let palmyras = g.lookup("Palmyra");
    assert_eq!(palmyras.len(), 3);
    assert_eq!(palmyras[0].geonames_id, Some(163808), "largest first");
    assert!(g.lookup("Atlantis").is_empty());
}

#[test]
fn bad_tables_give_errors_not_panics() {
    let bad = Gazetteer::parse(GazetteerSources {
        places: "1\tX\tnot-a-number\t0\tSY\t\tP.PPL\t0\t\n",
        countries: COUNTRIES,
        country_aliases: "",
        demonyms: "",
    });
    let e = bad.unwrap_err();
    assert_eq!(e.table, "places.tsv");
    assert!(e.to_string().contains("latitude"), "{e}");
    let bad = Gazetteer::parse(GazetteerSources {
        places: "",
        countries: COUNTRIES,
        country_aliases: "ZZ\tNowhere\n",
        demonyms: "",
    });
    assert!(bad.unwrap_err().to_string().contains("unknown country"));
    // Odd input text never panics.
    let g = small();
    for t in [
        "",
        "’s",
        "U.",
        "A-",
        "al-",
        "\u{301}Palmyra",
        "Palmyra’",
        "...Syria's's",
        "façade",
        "aç",
        "Al-ç",
        "ÇA",
    ] {
        let _ = find_places(t, &[], &g);
    }
}

/// The real gazetteer from `scripts/setup.sh`, when built; `None` (test skipped) when absent,
/// except under CI=true where that fails.
fn real_gazetteer() -> Option<Gazetteer> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteer");
    let read = |p: &str| std::fs::read_to_string(dir.join(p));
    let (Ok(places), Ok(countries)) = (
        read("generated/places.tsv"),
        read("generated/countries.tsv"),
    ) else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!(
                "generated gazetteer missing under {}: run scripts/setup.sh",
                dir.display()
            );
        }
        eprintln!(
            "skipped: generated gazetteer not found under {}; run scripts/setup.sh",
            dir.display()
        );
        return None;
    };
    let aliases = read("country_aliases.tsv").expect("country_aliases.tsv is committed");
    let demonyms = read("demonyms.tsv").expect("demonyms.tsv is committed");
    let t0 = std::time::Instant::now();
    let g = Gazetteer::parse(GazetteerSources {
        places: &places,
        countries: &countries,
        country_aliases: &aliases,
        demonyms: &demonyms,
    })
    .expect("real gazetteer parses");
    eprintln!(
        "gazetteer: {} places parsed in {:.0} ms",
        g.len(),
        t0.elapsed().as_secs_f64() * 1000.0
    );
    Some(g)
}

#[test]
fn real_gazetteer_resolves_by_context() {
    let Some(g) = real_gazetteer() else {
        return;
    };

    let syria =
        "Militants of the Islamic State group stormed Palmyra overnight, a Syrian war monitor \
                 said. Government troops had retaken the desert town, which lies in Homs province, \
                 last year before the jihadists pushed back from Raqqa.";
    let ms = find_places(syria, &[], &g);
    let m = find(&ms, "Palmyra").expect("Palmyra found");
    let p = m.place.as_ref().unwrap();
    assert_eq!(p.geonames_id, Some(163808), "{p:?}");
    assert_eq!(p.country.as_deref(), Some("SY"));
    assert_eq!(p.admin1.as_deref(), Some("Homs"));
    assert!((p.lat - 34.56).abs() < 0.05 && (p.lon - 38.28).abs() < 0.05);

    let ny = "Volunteer firefighters from Palmyra and Macedon helped after the barn fire, Wayne \
              County officials said. The village sits between Rochester and Syracuse in upstate New York.";
    let ms = find_places(ny, &[], &g);
    let m = find(&ms, "Palmyra").expect("Palmyra found");
    let p = m.place.as_ref().unwrap();
    assert_eq!(p.country.as_deref(), Some("US"), "{p:?}");
    assert_eq!(p.admin1.as_deref(), Some("New York"), "{p:?}");

    let caucasus =
        "Thousands rallied in Tbilisi as Georgia's ruling party pressed ahead with the law.";
    let m = find_places(caucasus, &[], &g)
        .into_iter()
        .find(|m| m.text == "Georgia")
        .expect("Georgia");
    assert_eq!(m.country.as_deref(), Some("GE"));
    let south =
        "Storms cut power in Atlanta and Savannah, and officials said much of Georgia stayed dark.";
    let m = find_places(south, &[], &g)
        .into_iter()
        .find(|m| m.text == "Georgia")
        .expect("Georgia");
    assert_eq!(m.country.as_deref(), Some("US"));
    assert_eq!(m.place.as_ref().unwrap().precision, Precision::Admin1);

    // AP dateline abbreviations of Missouri and Montana (admin1_aliases.tsv), with the dot;
    // "Mo" without one is a first name, never the state.
    let dateline = "SEDALIA, Mo. - The fair opened. A rancher from Bozeman, Mont., won a prize.";
    let ms = find_places(dateline, &[], &g);
    let division = |w: &str| {
        find(&ms, w)
            .and_then(|m| m.place.as_ref())
            .map(|p| p.name.clone())
    };
    assert_eq!(division("Mo.").as_deref(), Some("Missouri"), "{ms:?}");
    assert_eq!(division("Mont.").as_deref(), Some("Montana"), "{ms:?}");
    let ms = find_places("Mo Farah won the race in London on Sunday.", &[], &g);
    assert!(
        ms.iter()
            .all(|m| m.place.as_ref().is_none_or(|p| p.name != "Missouri")),
        "{ms:?}"
    );

    let ms = find_places("Michael Jordan scored 30 points for Chicago.", &[], &g);
    assert!(ms.iter().all(|m| m.text != "Jordan"), "{ms:?}");
    assert_eq!(g.demonym("Iraqi"), Some("IQ"));
    // A former country name is still the country ("Zaire ebolavirus").
    assert_eq!(
        g.country_by_name("Zaire").unwrap().country.as_deref(),
        Some("CD")
    );
    // A province written bare (ISO 3166-2 coded second-level division) is found as itself.
    let ms = find_places(
        "Floods forced thousands from their homes in Pangasinan and Nueva Ecija, Philippine \
         officials said.",
        &[],
        &g,
    );
    for name in ["Pangasinan", "Nueva Ecija"] {
        let p = find(&ms, name).and_then(|m| m.place.as_ref()).expect(name);
        assert_eq!(p.country.as_deref(), Some("PH"), "{p:?}");
        assert_eq!(p.precision, Precision::Admin2, "{p:?}");
    }
    assert_eq!(
        g.country_by_name("Britain").unwrap().country.as_deref(),
        Some("GB")
    );
    // A supranational body is its region entry, not the French town Eu nor a member state;
    // a dissolved state is its largest successor.
    let text = "Ministers from the EU met in Brussels; the European Union later sent aid, as \
                the Soviet Union once had.";
    let spans = ["EU", "European Union", "Soviet Union"].map(|w| at_in(text, w));
    let r = resolve_spans(text, &spans, &g);
    let place = |i: usize| {
        r[i].as_ref()
            .and_then(|m| m.place.as_ref())
            .expect("resolved")
    };
    for i in 0..2 {
        assert_eq!(place(i).name, "European Union", "{:?}", place(i));
        assert_eq!(place(i).country, None, "{:?}", place(i));
    }
    assert_eq!(place(2).country.as_deref(), Some("RU"), "{:?}", place(2));
}

#[test]
fn resolve_spans_uses_document_context() {
    let g = small();
    let text = "Shelling hit Homs. Later the road to palmyra was cut, and Syrians fled.";
    let lower = text.find("palmyra").unwrap();
    let syrians = text.find("Syrians").unwrap();
    let spans = [
        Span::new(lower, lower + 7),
        Span::new(syrians, syrians + 7),
        Span { start: 3, end: 1 },
        Span::new(0, 8),
    ];
    let out = resolve_spans(text, &spans, &g);
    assert_eq!(out.len(), 4);
    let p = out[0]
        .as_ref()
        .expect("lower-case span still resolved when forced");
    assert_eq!(place_id(p), Some(163808));
    let d = out[1].as_ref().expect("plural demonym");
    assert_eq!(d.country.as_deref(), Some("SY"));
    assert!(out[2].is_none(), "inverted span");
    // Not a place name: given as one all the same, it gets the document's main country.
    let m = out[3].as_ref().expect("main country");
    assert_eq!(
        (m.country.as_deref(), m.confidence),
        (Some("SY"), Some(0.1))
    );
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_fit(text in "\\PC{0,80}|[AaLlSsPpMmYyRrUu çÇş'’.\\-]{0,60}") {
        let g = small();
        for m in find_places(&text, &[], &g) {
            proptest::prop_assert!(text.get(m.span.start..m.span.end).is_some());
            proptest::prop_assert_eq!(&text[m.span.start..m.span.end], m.text.as_str());
        }
    }
}

#[test]
fn surnames_and_contractions_are_not_places() {
    let g = small();
    let text = "Officials met Anna Tadmur on Monday. Tadmur said I've seen worse. Syria was calm.";
    let ms = find_places(text, &[], &g);
    assert!(
        ms.iter().all(|m| m.text != "Tadmur" && m.text != "I've"),
        "{ms:?}"
    );
    assert!(find(&ms, "Syria").is_some());
}

#[test]
fn country_start_filter_never_rejects_a_country_word() {
    let g = small();
    for word in [
        "Syria", "Syrian", "Syrians", "U.S.", "American", "(Syria", "the", "al-Sham",
    ] {
        assert!(g.may_start_country_name(word), "{word}");
    }
    for word in ["Banana", "Homs", "said", "2024"] {
        assert!(!g.may_start_country_name(word), "{word}");
    }
    assert_eq!(g.country_code_of("Syrians"), Some(*b"SY"));
    assert_eq!(g.country_code_of("Homs"), None);
}

#[test]
fn a_county_is_the_one_in_the_state_the_text_names() {
    // Two counties of one name in different states, and a town named like them.
    let g = small_with(
        "9000001\tHarlow County\t31.8\t-84.1\tUS\tGeorgia\tA.ADM2\t30000\t\n\
         9000002\tHarlow County\t43.2\t-76.0\tUS\tNew York\tA.ADM2\t60000\t\n\
         9000003\tHarlow\t39.0\t-90.0\tUS\tIllinois\tP.PPL\t9000\t\n",
    );
    let text = "Storms cut power across Harlow County on Monday, officials in Atlanta said.";
    let ms = find_places(text, &[], &g);
    let county = find(&ms, "Harlow County").expect("the county is found");
    let place = county.place.as_ref().unwrap();
    assert_eq!(place_id(county), Some(9000001), "{ms:?}");
    assert_eq!(place.precision, Precision::Admin2);
    // The same name given as a span resolves alike.
    let b = text.find("Harlow County").unwrap();
    let r = resolve_spans(text, &[Span::new(b, b + 13)], &g);
    assert_eq!(r[0].as_ref().and_then(place_id), Some(9000001));
}

#[test]
fn a_list_of_places_is_not_a_place_and_its_qualifier() {
    let g = small();
    // "Palmyra, New York" inside a list: the Syrian town among Syrian towns, not the village.
    let text = "Buses left Homs, Damascus, Palmyra, New York and Tbilisi on Friday.";
    let ms = find_places(text, &[], &g);
    let p = find(&ms, "Palmyra").expect("Palmyra is found");
    assert_eq!(place_id(p), Some(163808), "{ms:?}");
    // Without the list it is the qualifier it looks like.
    let ms = find_places("The fair in Palmyra, New York opened on Friday.", &[], &g);
    assert_eq!(place_id(find(&ms, "Palmyra").unwrap()), Some(5132143));
    // A list of "town, state" pairs keeps each pair.
    let text = "Stores opened in Atlanta, Georgia, Palmyra, New York and Homs.";
    let ms = find_places(text, &[], &g);
    assert_eq!(
        place_id(find(&ms, "Palmyra").unwrap()),
        Some(5132143),
        "{ms:?}"
    );
}

#[test]
fn home_country_comes_from_country_code_domains_only() {
    let g = small();
    let home = |u: &str| home_country_of_url(u, &g);
    assert_eq!(home("https://www.example.sy/news/1").as_deref(), Some("SY"));
    assert_eq!(home("news.example.us").as_deref(), Some("US"));
    assert_eq!(home("http://user@paper.jo:8080/a?b").as_deref(), Some("JO"));
    // Generic, vanity and unknown domains, and things that are no address, say nothing.
    for u in [
        "https://example.com/x",
        "example.tv",
        "example.zz",
        "localhost",
        "",
        "sy",
    ] {
        assert_eq!(home(u), None, "{u}");
    }
}

#[test]
fn home_country_comes_from_listed_outlets_on_generic_domains() {
    let g = small();
    let home = |u: &str| home_country_of_url(u, &g);
    // National papers and broadcasters on .com / .tv domains, with or without www, a path or
    // a subdomain.
    assert_eq!(
        home("https://www.nytimes.com/2024/05/01/us/storm.html").as_deref(),
        Some("US")
    );
    assert_eq!(home("edition.cnn.com").as_deref(), Some("US"));
    assert_eq!(
        home("HTTPS://WWW.DailySabah.com/turkey").as_deref(),
        Some("TR")
    );
    assert_eq!(
        home("https://www.jordantimes.com/news/local").as_deref(),
        Some("JO")
    );
    // An unlisted domain, one that only ends in a listed outlet's letters, an international
    // wire left out on purpose, and a listed outlet of a country the gazetteer lacks.
    for u in [
        "https://www.notnytimes.com/a",
        "https://www.reuters.com/world/",
        "https://apnews.com/article/x",
        "https://www.dawn.com/news/1",
    ] {
        assert_eq!(home(u), None, "{u}");
    }
}

#[test]
fn the_sources_home_country_leans_an_unqualified_town_its_way() {
    let g = small();
    let text = "Syracuse police closed the main square on Friday after a water main burst.";
    let country = |home: Option<&str>| {
        let ms = find_places_from(text, &[], &g, home);
        find(&ms, "Syracuse").and_then(|m| m.country.clone())
    };
    assert_eq!(country(Some("it")).as_deref(), Some("IT"));
    assert_eq!(country(Some("US")).as_deref(), Some("US"));
    // Evidence in the text still outweighs the outlet's country.
    let text = "Syracuse police in New York closed a road near Rochester.";
    let ms = find_places_from(text, &[], &g, Some("IT"));
    assert_eq!(
        find(&ms, "Syracuse").unwrap().country.as_deref(),
        Some("US")
    );
}

#[test]
fn a_name_written_often_does_not_drown_the_sources_home_country() {
    // A local paper in London, Ontario names its city again and again and never its country;
    // the repeated name's own likely reading (the far larger British capital) must not count
    // against the country the outlet points to.
    let g = two_cities();
    let text = "London police closed a road. London firefighters came. A London school shut. \
                London buses stopped. London shops opened late. London ended the day calm.";
    let countries = |home: Option<&str>| {
        let ms = find_places_from(text, &[], &g, home);
        ms.iter()
            .filter(|m| m.text == "London")
            .map(|m| m.country.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(countries(Some("CA")), vec!["CA"; 6]);
    // Without the outlet's country the capital stays the reading.
    assert_eq!(countries(None), vec!["GB"; 6]);
}

#[test]
fn a_dotted_abbreviation_after_a_place_and_comma_is_a_division() {
    let g = small();
    let text = "ATLANTA, Geo. - Firefighters saved a dog, Geo. Smith said.";
    let at = |w: &str, nth: usize| {
        let b = text.match_indices(w).nth(nth).unwrap().0;
        Span::new(b, b + w.len())
    };
    let r = resolve_spans(text, &[at("Geo.", 0), at("Geo.", 1)], &g);
    let p = r[0]
        .as_ref()
        .and_then(|m| m.place.as_ref())
        .expect("resolved");
    assert_eq!(
        (p.name.as_str(), p.precision),
        ("Georgia", Precision::Admin1)
    );
    // After a lower-case word and a comma it is no dateline qualifier: at most a low-confidence
    // guess from the places around it.
    assert!(r[1].as_ref().is_none_or(|m| m.confidence < Some(0.2)));
}

#[test]
fn a_given_name_the_gazetteer_lacks_takes_the_place_the_text_puts_it_in() {
    let g = small();
    let text = "Mourners filled Mar Elias Chapel in Homs on Sunday. Damascus's Qaymariyya quarter \
                was quiet. Police in Syria guarded the Old Souk.";
    let at = |w: &str| at_in(text, w);
    let r = resolve_spans(
        text,
        &[at("Mar Elias Chapel"), at("Qaymariyya"), at("Old Souk")],
        &g,
    );
    let name = |i: usize| r[i].as_ref().map(|m| m.name.clone());
    assert_eq!(name(0).as_deref(), Some("Homs"));
    assert_eq!(name(1).as_deref(), Some("Damascus"));
    // Not located by the text: the nearest place named before it in the document's main
    // country, with a low confidence.
    let m = r[2].as_ref().expect("nearest place");
    assert_eq!(m.name, "Damascus");
    assert_eq!(m.country.as_deref(), Some("SY"));
    assert!(m.confidence.unwrap() < 0.2);
    // With no town or division of that country named, the country itself.
    let text = "Police in Syria guarded the Old Souk.";
    let r = resolve_spans(text, &[at_in(text, "Old Souk")], &g);
    let m = r[0].as_ref().expect("main country");
    assert_eq!(m.place.as_ref().unwrap().precision, Precision::Country);
    assert_eq!(m.country.as_deref(), Some("SY"));
    // A document that names no place leaves it unanswered.
    let text = "The Old Souk was quiet.";
    assert!(resolve_spans(text, &[Span::new(4, 12)], &g)[0].is_none());
}

#[test]
fn a_place_owned_with_a_possessive_lies_inside_its_owner() {
    let g = small();
    let text = "Shelling hit Homs in Syria. New York's Palmyra held a vigil, and Atlanta's \
                Palmyra did too.";
    let spans: Vec<Span> = text
        .match_indices("Palmyra")
        .map(|(b, w)| Span::new(b, b + w.len()))
        .collect();
    let r = resolve_spans(text, &spans, &g);
    let country = |i: usize| r[i].as_ref().and_then(|m| m.country.clone());
    assert_eq!(country(0).as_deref(), Some("US"));
    // No Palmyra near Atlanta: the district takes the town's place.
    assert_eq!(r[1].as_ref().map(|m| m.name.as_str()), Some("Atlanta"));
}

#[test]
fn a_saints_name_in_a_facility_is_its_dedication_not_a_village() {
    let g = Gazetteer::parse(GazetteerSources {
        places: "1\tSaint Michaels\t38.78\t-76.22\tUS\tMaryland\tP.PPL\t600\tSt. Michaels\n\
                 2\tToronto\t43.7\t-79.4\tCA\tOntario\tP.PPL\t2600000\t\n\
                 3\tSaint Louis\t38.63\t-90.2\tUS\tMissouri\tP.PPL\t300000\tSt. Louis\n",
        countries: COUNTRIES,
        country_aliases: ALIASES,
        demonyms: DEMONYMS,
    })
    .unwrap();
    let text = "She was taken to St. Michael's Hospital in Toronto, then to St. Louis Children's \
                Hospital.";
    let at = |w: &str| {
        let b = text.find(w).unwrap();
        Span::new(b, b + w.len())
    };
    let r = resolve_spans(
        text,
        &[
            at("St. Michael's Hospital"),
            at("St. Louis Children's Hospital"),
        ],
        &g,
    );
    assert_eq!(r[0].as_ref().unwrap().name, "Toronto");
    assert_eq!(r[1].as_ref().unwrap().name, "Saint Louis");
}

#[test]
fn a_written_division_outranks_a_reading_in_another_country() {
    let g = small();
    // The gazetteer knows this Rochester only in New York: after "Homs," it is a place it
    // lacks inside the Syrian governorate, at the governorate's point and low confidence.
    let ms = find_places("Aid convoys reached Rochester, Homs on Monday.", &[], &g);
    let r = find(&ms, "Rochester").expect("Rochester is found");
    assert_eq!(place_id(r), Some(169575), "{ms:?}");
    assert_eq!(r.country.as_deref(), Some("SY"));
    assert!(r.confidence.unwrap_or(1.0) < 0.5);
    // A qualifier the reading fits keeps it.
    let ms = find_places("The fair in Rochester, New York opened on Friday.", &[], &g);
    assert_eq!(place_id(find(&ms, "Rochester").unwrap()), Some(5134086));
}

// A second miniature world for same-name cities in two countries.
const TWO_CITIES_COUNTRIES: &str = "# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpop\tnames\n\
GB\tGBR\tUnited Kingdom\t2635167\tLondon\t54.0\t-2.0\t66000000\t\n\
CA\tCAN\tCanada\t6251999\tOttawa\t60.0\t-96.0\t37000000\t\n";
const TWO_CITIES_PLACES: &str =
    "# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tnames\n\
2643743\tLondon\t51.51\t-0.13\tGB\tEngland\tP.PPLC\t8900000\t\n\
6058560\tLondon\t42.98\t-81.23\tCA\tOntario\tP.PPL\t420000\t\n\
4369224\tMillbrook\t39.07\t-76.55\tUS\tMaryland\tP.PPL\t37000\tCarters\n";

/// The two-London gazetteer without aliases or demonyms.
fn two_cities() -> Gazetteer {
    Gazetteer::parse(GazetteerSources {
        places: TWO_CITIES_PLACES,
        countries: TWO_CITIES_COUNTRIES,
        country_aliases: "",
        demonyms: "",
    })
    .expect("test gazetteer parses")
}

#[test]
fn a_city_in_the_country_the_text_names_beats_a_capital_it_never_points_to() {
    let g = Gazetteer::parse(GazetteerSources {
        places: TWO_CITIES_PLACES,
        countries: TWO_CITIES_COUNTRIES,
        country_aliases: "GB\tBritain\n",
        demonyms: "",
    })
    .expect("test gazetteer parses");
    let country = |text: &str| {
        let ms = find_places(text, &[], &g);
        find(&ms, "London").and_then(|m| m.country.clone())
    };
    let local = "Hundreds marched through London on Saturday and thanked Canada for taking in \
                 refugees. Canada can do more, a London teacher said, and Canada should act.";
    assert_eq!(country(local).as_deref(), Some("CA"));
    // Once the text points to the capital's country too, the larger city keeps its lead.
    let abroad = "Hundreds marched through London on Saturday, and Britain thanked Canada for \
                  taking in refugees. Canada can do more, a London teacher said.";
    assert_eq!(country(abroad).as_deref(), Some("GB"));
    // Without any country named, size decides.
    assert_eq!(
        country("Hundreds marched through London on Saturday.").as_deref(),
        Some("GB")
    );
}

#[test]
fn a_surnames_plural_is_the_family_not_a_place() {
    let g = two_cities();
    let text = "Tom and Jane Carter have farmed the valley for decades. The Carters said they \
                would appeal the order.";
    let ms = find_places(text, &[], &g);
    assert!(ms.iter().all(|m| m.text != "Carters"), "{ms:?}");
    // Without the surname in the text the alternate name is still found.
    let ms = find_places("Crews were sent to Carters overnight.", &[], &g);
    assert!(find(&ms, "Carters").is_some(), "{ms:?}");
}

#[test]
fn a_country_listed_beside_a_division_is_that_countrys_division() {
    let g = small();
    let text = "Peach growers in New York State and Georgia reported frost damage this week.";
    let ms = find_places(text, &[], &g);
    let m = find(&ms, "Georgia").expect("Georgia found");
    assert_eq!(m.country.as_deref(), Some("US"), "{m:?}");
    assert_eq!(m.place.as_ref().unwrap().precision, Precision::Admin1);
    // Beside a country it stays a country.
    let text = "Envoys from Turkey and Georgia met in Tbilisi on Monday.";
    let ms = find_places(text, &[], &g);
    assert_eq!(
        find(&ms, "Georgia")
            .and_then(|m| m.country.clone())
            .as_deref(),
        Some("GE")
    );
}

#[test]
fn a_town_missing_inside_its_qualifier_takes_the_airport_named_after_it() {
    // Invented names: the gazetteer knows "Brackenford" only as a US town, and knows an
    // airport of that name inside the written division.
    const EXTRA: &str = "9100001\tBrackenford\t44.0\t-84.0\tUS\tMichigan\tP.PPL\t2000\t\n\
9100002\tBrackenford Airport\t34.9\t36.9\tSY\tHoms\tS.AIRP\t0\t\n";
    let places = format!("{PLACES}{EXTRA}");
    let g = Gazetteer::parse(GazetteerSources {
        places: &places,
        countries: COUNTRIES,
        country_aliases: ALIASES,
        demonyms: DEMONYMS,
    })
    .expect("test gazetteer parses");
    let text = "Envoys gathered in Brackenford, Homs, for two days of talks.";
    let ms = find_places(text, &[], &g);
    let m = find(&ms, "Brackenford").expect("the town is found");
    let p = m.place.as_ref().unwrap();
    assert_eq!(p.precision, Precision::Town, "{ms:?}");
    assert_eq!(p.country.as_deref(), Some("SY"));
    assert!((p.lat - 34.9).abs() < 0.01, "{ms:?}");
    // Without such an airport the name takes the division it is written in.
    let ms = find_places(text, &[], &small());
    if let Some(m) = find(&ms, "Brackenford") {
        assert_ne!(
            m.place.as_ref().unwrap().precision,
            Precision::Town,
            "{ms:?}"
        );
    }
}

/// The small gazetteer plus places for the reading rules below (approximate coordinates).
fn with_extra() -> Gazetteer {
    const COUNTRIES_EXTRA: &str = "CA\tCAN\tCanada\t6251999\tOttawa\t60.1\t-113.6\t37000000\t\n\
EG\tEGY\tEgypt\t357994\tCairo\t27.0\t30.0\t98000000\t\n\
CN\tCHN\tChina\t1814991\tBeijing\t35.0\t105.0\t1400000000\t\n\
NZ\tNZL\tNew Zealand\t2186224\tWellington\t-42.0\t174.0\t4900000\t\n\
GB\tGBR\tUnited Kingdom\t2635167\tLondon\t54.8\t-2.7\t66000000\t\n\
MM\tMMR\tMyanmar\t1327865\tNaypyidaw\t22.0\t98.0\t54000000\t\n";
    const EXTRA: &str = "4140963\tWashington\t38.9\t-77.04\tUS\tDistrict of Columbia\tP.PPLC\t690000\tWashington City\n\
5815135\tWashington\t47.5\t-120.5\tUS\tWashington\tA.ADM1\t6500000\tState of Washington\n\
5549030\tUtah\t39.25\t-111.75\tUS\tUtah\tA.ADM1\t2800000\t\n\
5744337\tOregon\t44.0\t-120.5\tUS\tOregon\tA.ADM1\t3800000\t\n\
6115047\tQuebec\t52.0\t-72.0\tCA\tQuebec\tA.ADM1\t8000000\tQuebec Province\n\
6325494\tQuébec\t46.81\t-71.21\tCA\tQuebec\tP.PPL\t530000\tQuebec|Quebec City\n\
6167865\tToronto\t43.7\t-79.4\tCA\tOntario\tP.PPL\t2700000\t\n\
5206379\tPittsburgh\t40.44\t-79.99\tUS\tPennsylvania\tP.PPL\t304000\tPitsburg\n\
5383465\tPittsburg\t38.03\t-121.88\tUS\tCalifornia\tP.PPL\t69000\tPittsburgh\n\
5391811\tSan Diego\t32.72\t-117.16\tUS\tCalifornia\tP.PPL\t1390000\t\n\
5368361\tLos Angeles\t34.05\t-118.24\tUS\tCalifornia\tP.PPL\t3970000\t\n\
5332921\tCalifornia\t37.25\t-119.75\tUS\tCalifornia\tA.ADM1\t39000000\t\n\
4273857\tKansas\t38.5\t-98.5\tUS\tKansas\tA.ADM1\t2900000\tKan.|Kans.\n\
4281730\tWichita\t37.69\t-97.34\tUS\tKansas\tP.PPL\t390000\t\n\
1805540\tGanzhou\t25.85\t114.93\tCN\tJiangxi\tP.PPL\t1500000\tKan|Kanchow\n\
9100010\tKan\t16.8\t96.0\tMM\tYangon\tP.PPL\t1400\t\n\
360689\tMonufia\t30.5\t31.0\tEG\tMonufia\tA.ADM1\t4300000\tAl Minūfīyah\n\
360630\tCairo\t30.06\t31.25\tEG\tCairo\tP.PPLC\t9600000\tAl Qahirah\n\
2646003\tIslington\t51.54\t-0.1\tGB\tEngland\tP.PPL\t320000\t\n\
2193733\tAuckland\t-36.85\t174.76\tNZ\tAuckland\tP.PPL\t1500000\t\n";
    let places = format!("{PLACES}{EXTRA}");
    let countries = format!("{COUNTRIES}{COUNTRIES_EXTRA}");
    Gazetteer::parse(GazetteerSources {
        places: &places,
        countries: &countries,
        country_aliases: ALIASES,
        demonyms: DEMONYMS,
    })
    .expect("test gazetteer parses")
}

fn reading(ms: &[EntityMention], surface: &str) -> (String, Precision) {
    let m = find(ms, surface).unwrap_or_else(|| panic!("{surface} not found in {ms:?}"));
    let p = m.place.as_ref().expect("resolved");
    (p.name.clone(), p.precision)
}

#[test]
fn washington_among_states_or_after_state_of_is_the_state() {
    let g = with_extra();
    let text = "Sick cattle were traced to farms in Utah, Washington and Oregon last month.";
    let ms = find_places(text, &[], &g);
    assert_eq!(
        reading(&ms, "Washington"),
        ("Washington".into(), Precision::Admin1)
    );
    let text = "The first sick cow was found two years ago in the state of Washington.";
    let ms = find_places(text, &[], &g);
    assert_eq!(reading(&ms, "Washington").1, Precision::Admin1);
    // Alone it is still the capital.
    let text = "Talks on the budget resumed in Washington on Monday.";
    let ms = find_places(text, &[], &g);
    assert_eq!(reading(&ms, "Washington").1, Precision::Town);
}

#[test]
fn a_division_whose_capital_is_written_with_city_is_the_bare_name() {
    let g = with_extra();
    let text = "Floods closed roads across Quebec and in Toronto on Friday.";
    let ms = find_places(text, &[], &g);
    assert_eq!(reading(&ms, "Quebec").1, Precision::Admin1);
    let text = "Floods closed roads in Quebec City and in Toronto on Friday.";
    let ms = find_places(text, &[], &g);
    assert_eq!(reading(&ms, "Quebec City").1, Precision::Town);
}

#[test]
fn a_town_named_only_by_a_variant_yields_to_a_larger_town_of_that_name() {
    let g = with_extra();
    let text = "Doctors in San Diego and Los Angeles, California, compared notes with a team \
                in Pittsburgh.";
    let ms = find_places(text, &[], &g);
    let m = find(&ms, "Pittsburgh").expect("found");
    assert_eq!(
        m.place.as_ref().and_then(|p| p.admin1.as_deref()),
        Some("Pennsylvania")
    );
}

#[test]
fn a_dateline_abbreviation_needs_its_dot_and_a_short_variant_is_no_place() {
    let g = with_extra();
    let text = "Kan told reporters the talks would go on. The storm moved on to Wichita, Kan.";
    let ms = find_places(text, &[], &g);
    assert!(
        ms.iter().all(|m| m.span.start != 0),
        "bare Kan is no place: {ms:?}"
    );
    let m = ms
        .iter()
        .find(|m| m.text.starts_with("Kan"))
        .expect("the abbreviation with its dot");
    assert_eq!(m.name, "Kansas");
}

#[test]
fn another_romanisation_of_a_division_finds_it() {
    let g = with_extra();
    let text = "The nurse came from Menoufia, north of Cairo.";
    let r = resolve_spans(text, &[at_in(text, "Menoufia")], &g);
    let m = r[0].as_ref().expect("resolved");
    assert_eq!(m.name, "Monufia");
}

#[test]
fn a_bay_named_like_a_town_abroad_is_not_that_town() {
    let g = with_extra();
    let text = "Sailors from Auckland found the seal at Islington Bay on Sunday.";
    let r = resolve_spans(text, &[at_in(text, "Islington Bay")], &g);
    let m = r[0].as_ref().expect("located near the places of the text");
    assert_eq!(m.country.as_deref(), Some("NZ"), "{m:?}");
}

#[test]
fn a_place_named_as_a_time_zone_after_a_clock_time_is_no_mention() {
    let g = small();
    let text = "The assault began at 6:45 A.M. (Damascus Time) and a second wave followed at \
                9 p.m. Damascus time, monitors in Homs said.";
    let ms = find_places(text, &[], &g);
    assert!(find(&ms, "Damascus").is_none(), "{ms:#?}");
    assert!(find(&ms, "Homs").is_some());
    // Without a clock time before it, "Damascus time" is the city ("Damascus time and again").
    let text = "Rebels shelled Damascus time and again during the siege.";
    let ms = find_places(text, &[], &g);
    assert!(find(&ms, "Damascus").is_some(), "{ms:#?}");
}

#[test]
fn a_weapon_model_and_a_sentence_opening_adverb_are_not_places() {
    let g = small();
    let ms = find_places(
        "Early Sunday, gunmen shot down a Chinook helicopter near Homs.",
        &[],
        &g,
    );
    assert!(find(&ms, "Early").is_none(), "{ms:?}");
    assert!(find(&ms, "Chinook").is_none(), "{ms:?}");
    assert!(find(&ms, "Homs").is_some(), "{ms:?}");
    // The same names are places where nothing marks them otherwise.
    let ms = find_places(
        "Floods cut the roads between Chinook and Early overnight.",
        &[],
        &g,
    );
    assert!(find(&ms, "Chinook").is_some(), "{ms:?}");
    assert!(find(&ms, "Early").is_some(), "{ms:?}");
}

#[test]
fn a_seat_named_for_its_government_is_a_place_only_after_a_preposition() {
    let g = small();
    let ms = find_places(
        "The White House condemned the shelling of Damascus.",
        &[],
        &g,
    );
    assert!(ms.iter().all(|m| !m.text.contains("White")), "{ms:?}");
    assert!(find(&ms, "Damascus").is_some(), "{ms:?}");
    let ms = find_places(
        "Reporters waited outside the White House for the verdict.",
        &[],
        &g,
    );
    assert!(find(&ms, "White House").is_some(), "{ms:?}");
}

#[test]
fn bare_congo_is_either_country_by_context_and_the_larger_by_default() {
    let Some(g) = real_gazetteer() else {
        return;
    };
    let congo = |text: &str| {
        find_places(text, &[], &g)
            .into_iter()
            .find(|m| m.text == "Congo")
            .and_then(|m| m.country)
    };
    let east =
        "Measles spread through camps in eastern Congo, aid workers in Kinshasa and Goma said.";
    assert_eq!(congo(east).as_deref(), Some("CD"));
    let alone = "Health workers in Congo reported new cases of the fever this week.";
    assert_eq!(congo(alone).as_deref(), Some("CD"));
    // The smaller republic keeps the name when the text points there.
    let west =
        "Floods cut the road between Brazzaville and Pointe-Noire, the government of Congo said.";
    assert_eq!(congo(west).as_deref(), Some("CG"));
    // Longer names stay with their own country.
    let ms = find_places("Rebels in the Republic of Congo laid down arms.", &[], &g);
    assert_eq!(
        find(&ms, "Republic of Congo").and_then(|m| m.country.as_deref()),
        Some("CG"),
        "{ms:?}"
    );
}

#[test]
fn a_state_university_is_an_institution_not_a_mention_of_the_state() {
    let g = small();
    let georgia_found = |text: &str| find(&find_places(text, &[], &g), "Georgia").is_some();
    assert!(!georgia_found(
        "Researchers at Georgia State University found the virus in wild ducks."
    ));
    assert!(!georgia_found(
        "A lecturer at Georgia State College said the strain was mild."
    ));
    // The state itself, or "State" not followed by a school, is still the place.
    assert!(georgia_found(
        "Georgia State officials said the university in Atlanta had closed."
    ));
    assert!(georgia_found(
        "Researchers in Georgia found the virus in wild ducks."
    ));
}

#[test]
fn a_mid_sized_town_named_like_a_first_name_makes_the_next_place_a_surname() {
    // A town of some tens of thousands whose name is also a given name.
    let g = small_with("9000010\tDale\t35.1\t-89.9\tUS\tTennessee\tP.PPL\t30000\t\n");
    let ms = find_places(
        "The pilot, Dale Rochester, was held for two years.",
        &[],
        &g,
    );
    assert!(find(&ms, "Rochester").is_none(), "{ms:?}");
    // A big place before a place still leaves both places ("the Damascus Homs road"), and a
    // country after a capitalised name word stays the country.
    let ms = find_places("Shells hit the Damascus Homs road on Friday.", &[], &g);
    assert!(find(&ms, "Homs").is_some(), "{ms:?}");
    let ms = find_places("The charity Dale Syria sent food to Homs.", &[], &g);
    assert!(find(&ms, "Syria").is_some(), "{ms:?}");
}
