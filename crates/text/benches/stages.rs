//! Micro-benchmarks of the engine's hot stages on one hand-written article:
//! sentence splitting, tokenising, actor recognition, gazetteer matching and the whole
//! `extract`.
//!
//!     cargo bench -p sitrep-text --bench stages
//!     cargo bench -p sitrep-text --bench stages -- gazetteer   # one group
//!
//! Gazetteer matching and `extract` run on a small hand-made gazetteer, and also on the
//! generated world gazetteer when `scripts/setup.sh` has built it (`data/gazetteer/generated/`;
//! read from the binary cache `sitrep` keeps next to it when that is current, else parsed,
//! which adds about a second before the first measurement). Samples are few and short, so a
//! whole run takes well under a minute; use `--sample-size`/`--measurement-time` for more
//! precision. Compare runs with criterion's saved baselines (`-- --save-baseline before`, then
//! `-- --baseline before`).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sitrep_core::{Document, DocumentFormat, OffsetMap};
use sitrep_text::geo::{find_places, table_digest, Gazetteer, GazetteerSources};
use sitrep_text::nlp::actors::find_actors;
use sitrep_text::nlp::lexicon::Lexicon;
use sitrep_text::nlp::sentences;
use sitrep_text::nlp::tokens::tokenize;
use sitrep_text::{extract, ExtractOptions, Resources};

/// A made-up wire report, written for this benchmark: several events, actors, counts, dates,
/// attributions and places, with some background and a quote.
const ARTICLE: &str = "Shelling kills 12 in northern Syria, monitors say\n\n\
At least 12 civilians were killed and 30 wounded on Tuesday when artillery shells hit a \
market in Aleppo, the Syrian Observatory for Human Rights said.\n\n\
The monitoring group said government forces fired the shells from positions south of the \
city. Syrian state media said the army had targeted \"terrorist groups\" in the area and \
denied hitting civilians.\n\n\
In a separate incident, Turkish drones struck a vehicle near Qamishli late on Monday, \
killing three fighters of the Kurdish-led Syrian Democratic Forces (SDF), a spokesman for \
the group told reporters.\n\n\
Police in Damascus arrested 25 people during a protest against rising bread prices on \
Wednesday, according to activists. Witnesses said security forces used tear gas to \
disperse hundreds of demonstrators near the central market.\n\n\
\"We cannot feed our children,\" said one protester, who asked not to be named.\n\n\
The United Nations envoy, speaking in Geneva, called on all parties to respect a ceasefire \
agreed in March. Russia and Iran, which back the government in Damascus, said they would \
hold talks with Turkey next week in Ankara.\n\n\
The war has killed more than 500,000 people since 2011 and displaced millions, according \
to UN estimates. Fighting in Idlib province has displaced nearly a million people since \
December.\n";

const COUNTRIES: &str =
    "SY\tSYR\tSyria\t163843\tDamascus\t35.0\t38.0\t17000000\tSyrian Arab Republic\n\
TR\tTUR\tTurkey\t298795\tAnkara\t39.0\t35.0\t82000000\tTurkiye\n\
RU\tRUS\tRussia\t2017370\tMoscow\t60.0\t100.0\t144000000\tRussian Federation\n\
IR\tIRN\tIran\t130758\tTehran\t32.0\t53.0\t81000000\tIslamic Republic of Iran\n\
CH\tCHE\tSwitzerland\t2658434\tBern\t47.0\t8.0\t8500000\t\n";

const PLACES: &str = "170063\tAleppo\t36.20\t37.16\tSY\tAleppo\tP.PPL\t1600000\tHalab\n\
170062\tAleppo\t36.25\t37.50\tSY\tAleppo\tA.ADM1\t4800000\tAleppo Governorate\n\
170654\tDamascus\t33.51\t36.29\tSY\tDimashq\tP.PPLC\t1570000\tDimashq\n\
173319\tQamishli\t37.05\t41.23\tSY\tAl-Hasakah\tP.PPL\t185000\tAl Qamishli\n\
169389\tIdlib\t35.93\t36.63\tSY\tIdlib\tA.ADM1\t1500000\tIdlib Governorate\n\
323786\tAnkara\t39.92\t32.85\tTR\tAnkara\tP.PPLC\t3500000\t\n\
2660646\tGeneva\t46.20\t6.14\tCH\tGeneva\tP.PPL\t180000\tGeneve|Genf\n";

const DEMONYMS: &str =
    "Syrian\tSY\t\nTurkish\tTR\t\nRussian\tRU\t\nIranian\tIR\t\nKurdish\t-\tgroup\n";

fn small_gazetteer() -> Gazetteer {
    Gazetteer::parse(GazetteerSources {
        places: PLACES,
        countries: COUNTRIES,
        country_aliases: "TR\tTurkiye\n",
        demonyms: DEMONYMS,
    })
    .expect("the benchmark gazetteer parses")
}

/// The generated world gazetteer, if `scripts/setup.sh` has built it.
fn world_gazetteer() -> Option<Gazetteer> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteer");
    let read = |rel: &str| std::fs::read_to_string(dir.join(rel)).ok();
    let places = read("generated/places.tsv")?;
    let countries = read("generated/countries.tsv")?;
    let aliases = read("country_aliases.tsv")?;
    let demonyms = read("demonyms.tsv")?;
    let key = Gazetteer::cache_key(
        [&places, &countries, &aliases, &demonyms].map(|t| table_digest(t.as_bytes())),
    );
    if let Some(g) = std::fs::read(dir.join("generated/gazetteer.cache"))
        .ok()
        .and_then(|b| Gazetteer::from_bytes(&b, key).ok())
    {
        return Some(g);
    }
    Gazetteer::parse(GazetteerSources {
        places: &places,
        countries: &countries,
        country_aliases: &aliases,
        demonyms: &demonyms,
    })
    .ok()
}

fn document(text: &str) -> Document {
    Document {
        id: "bench".into(),
        url: None,
        title: None,
        source: None,
        published: Some("2024-03-12".into()),
        format: DocumentFormat::Text,
        origin: "bench".into(),
        raw: text.to_string(),
        text: text.to_string(),
        offsets: OffsetMap::identity(),
        content_hash: String::new(),
    }
}

fn stages(c: &mut Criterion) {
    let bytes = ARTICLE.len() as u64;
    let small = small_gazetteer();
    let world = world_gazetteer();
    let lexicon = Lexicon::builtin().expect("built-in lexicons parse");
    let spans = sentences::split(ARTICLE);

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("sentences", |b| {
        b.iter(|| sentences::split(black_box(ARTICLE)))
    });
    g.bench_function("tokens", |b| {
        b.iter(|| {
            spans
                .iter()
                .map(|s| tokenize(black_box(s.slice(ARTICLE)), s.start).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let sentence_tokens: Vec<_> = spans
        .iter()
        .map(|s| tokenize(s.slice(ARTICLE), s.start))
        .collect();
    let mut g = c.benchmark_group("actors");
    g.throughput(Throughput::Bytes(bytes));
    let mut gazetteers = vec![("small", &small)];
    if let Some(w) = &world {
        gazetteers.push(("world", w));
    }
    for (name, gaz) in &gazetteers {
        g.bench_with_input(BenchmarkId::from_parameter(name), gaz, |b, gaz| {
            b.iter(|| {
                sentence_tokens
                    .iter()
                    .map(|t| find_actors(black_box(t), &lexicon, *gaz).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("gazetteer");
    g.throughput(Throughput::Bytes(bytes));
    for (name, gaz) in &gazetteers {
        g.bench_with_input(BenchmarkId::new("find_places", name), gaz, |b, gaz| {
            b.iter(|| find_places(black_box(ARTICLE), &[], gaz).len())
        });
    }
    if let Some(w) = &world {
        let names = [
            "Aleppo",
            "Damascus",
            "Springfield",
            "New York",
            "al-Bab",
            "Nowhereville",
        ];
        g.throughput(Throughput::Elements(names.len() as u64));
        g.bench_function("lookup/world", |b| {
            b.iter(|| {
                names
                    .iter()
                    .map(|n| w.lookup(black_box(n)).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    let doc = document(ARTICLE);
    let opts = ExtractOptions::default();
    let mut resources = vec![(
        "small",
        Resources::new(small_gazetteer()).expect("built-in lexicons parse"),
    )];
    if let Some(w) = world {
        resources.push(("world", Resources::new(w).expect("built-in lexicons parse")));
    }
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes));
    for (name, res) in &resources {
        let events = extract(&doc, res, &opts).events.len();
        assert!(events > 0, "the benchmark article yields events ({name})");
        g.bench_with_input(BenchmarkId::from_parameter(name), res, |b, res| {
            b.iter(|| extract(black_box(&doc), res, &opts))
        });
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = config();
    targets = stages
}
criterion_main!(benches);
