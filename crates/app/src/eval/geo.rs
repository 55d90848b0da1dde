//! `sitrep eval geo`: toponym recognition and geocoding scores on a geoparsing gold set, by the
//! rules of `shared/gold/GEO_METRICS.md` (exact and overlap P/R/F1, micro-averaged; A@161, mean
//! and median error, AUC; oracle and end-to-end geocoding).
//!
//! Gold offsets are Unicode code points; the engine's spans are UTF-8 byte offsets, so every
//! span is converted with a per-document byte-to-char table before matching.

use std::path::Path;

use anyhow::Context;
use serde::Deserialize;
use sitrep_core::{EntityKind, EntityMention, Span};

use super::common::{char_index, match_spans};
use sitrep_text::geo::{
    distance_km, find_places_from, home_country_of_url, resolve_spans_from, Gazetteer,
};

/// A `[start, end)` range in Unicode code points, as the gold sets count.
type CharSpan = (usize, usize);
type LatLon = (f64, f64);

/// Error charged to a toponym with no coordinates (the AUC normaliser's maximum).
const MAX_ERROR_KM: f64 = 20039.0;

#[derive(Debug, Deserialize)]
struct GoldDoc {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    toponyms: Vec<GoldToponym>,
    /// The article's web address or its outlet's domain (TR-News `url`/`domain`, GeoVirus
    /// `source`): the engine reads the source's home country from it, as in normal runs.
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    domain: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldToponym {
    start: usize,
    end: usize,
    lat: Option<f64>,
    lon: Option<f64>,
    #[serde(default)]
    lat_wikidata: Option<f64>,
    #[serde(default)]
    lon_wikidata: Option<f64>,
    #[serde(default = "yes")]
    offset_ok: bool,
    /// Country name of the gold entry (TR-News, LGL); absent in GeoVirus.
    #[serde(default)]
    country: Option<String>,
}

fn yes() -> bool {
    true
}

/// Precision, recall and F1 as fractions, with the counts behind them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Geocoding metrics over a list of errors in km.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GeoMetrics {
    pub n: usize,
    pub acc161: f64,
    pub mean_km: f64,
    pub median_km: f64,
    pub auc: f64,
}

impl GeoMetrics {
    pub fn from_errors(errors: &[f64]) -> GeoMetrics {
        let n = errors.len();
        if n == 0 {
            return GeoMetrics::default();
        }
        let mut e = errors.to_vec();
        e.sort_by(f64::total_cmp);
        let acc161 = e.iter().filter(|&&x| x <= 161.0).count() as f64 / n as f64;
        let mean_km = e.iter().sum::<f64>() / n as f64;
        let median_km = if n % 2 == 1 {
            e[n / 2]
        } else {
            (e[n / 2 - 1] + e[n / 2]) / 2.0
        };
        let x: Vec<f64> = e.iter().map(|v| (1.0 + v).ln()).collect();
        let norm = MAX_ERROR_KM.ln();
        let auc = if n == 1 {
            x[0] / norm
        } else {
            (1..n).map(|i| (x[i - 1] + x[i]) / 2.0).sum::<f64>() / ((n - 1) as f64 * norm)
        };
        GeoMetrics {
            n,
            acc161,
            mean_km,
            median_km,
            auc,
        }
    }
}

/// A share with its counts: `correct` of `n`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub correct: usize,
    pub n: usize,
}

impl Ratio {
    pub fn value(&self) -> Option<f64> {
        (self.n > 0).then(|| self.correct as f64 / self.n as f64)
    }
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.correct += usize::from(ok);
    }
}

/// End-to-end geocoding under one matching rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EndToEnd {
    /// Metrics over matched geocoding-gold toponyms only.
    pub matched: GeoMetrics,
    /// Share of geocoding gold that was matched.
    pub matched_share: f64,
    /// Matched and within 161 km, over all geocoding gold.
    pub acc161: f64,
}

/// The scores of one gold set under one coordinate variant.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GeoSetReport {
    pub set: String,
    /// Documents in the gold file.
    pub docs: usize,
    pub variant: String,
    pub exact: Prf,
    pub overlap: Prf,
    pub oracle: GeoMetrics,
    pub e2e_exact: EndToEnd,
    pub e2e_overlap: EndToEnd,
    /// Country accuracy of the oracle answers, over gold toponyms whose country the gazetteer
    /// knows by name (a missing answer is wrong). Empty for sets without gold countries.
    pub country_oracle: Ratio,
    /// Country accuracy over overlap-matched gold toponyms (end to end), same rule.
    pub country_e2e: Ratio,
    /// Oracle spans the engine gave no coordinates (each costs the maximum error).
    pub oracle_unanswered: usize,
}

/// Which gold coordinates a variant scores against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coordinates {
    Primary,
    Wikidata,
}

/// Scores the engine on one gold JSONL file (`geo_trnews.jsonl`, `geo_geovirus.jsonl` ...).
/// Demonym mentions count as toponyms for sets that annotate adjectival forms (all but
/// GeoVirus). Returns the primary variant, plus the WikiData variant when the set has it.
pub fn eval_geo(path: &Path, gaz: &Gazetteer) -> anyhow::Result<Vec<GeoSetReport>> {
    let raw = std::fs::read_to_string(path)
        .with_context(|| format!("reading gold file {}", path.display()))?;
    let mut docs = Vec::new();
    for (i, line) in raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let d: GoldDoc = serde_json::from_str(line)
            .with_context(|| format!("{} line {}: not a gold document", path.display(), i + 1))?;
        docs.push(d);
    }
    let set = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("gold")
        .to_string();
    let demonyms = !set.contains("geovirus");
    let has_wikidata = docs
        .iter()
        .flat_map(|d| &d.toponyms)
        .any(|t| t.lat_wikidata.is_some());
    let mut out = vec![score(&set, &docs, gaz, demonyms, Coordinates::Primary)];
    if has_wikidata {
        out.push(score(&set, &docs, gaz, demonyms, Coordinates::Wikidata));
    }
    Ok(out)
}

/// Char offset -> byte offset, `None` past the end.
fn byte_offset(text: &str, chars: usize) -> Option<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .nth(chars)
}

fn coords(m: &EntityMention) -> Option<(f64, f64)> {
    m.place.as_ref().map(|p| (p.lat, p.lon))
}

fn score(
    set: &str,
    docs: &[GoldDoc],
    gaz: &Gazetteer,
    demonyms: bool,
    variant: Coordinates,
) -> GeoSetReport {
    let mut exact = Prf::default();
    let mut overlap = Prf::default();
    let mut oracle_errors = Vec::new();
    let (mut ex_err, mut ov_err) = (Vec::new(), Vec::new());
    let mut geo_gold = 0usize;
    let (mut country_oracle, mut country_e2e) = (Ratio::default(), Ratio::default());
    let mut oracle_unanswered = 0usize;
    // Gold countries are names ("Turkey", "United States"); compare as ISO2 codes.
    let gold_iso = |t: &GoldToponym| {
        t.country
            .as_deref()
            .and_then(|c| gaz.country_by_name(c))
            .and_then(|p| p.country)
    };
    let pred_iso = |m: Option<&EntityMention>| m.and_then(|m| m.place.as_ref()?.country.clone());
    // Error analysis: with SITREP_GEO_DUMP=PREFIX set, every oracle answer of the primary
    // variant goes to PREFIX.<set>.tsv (doc id, span, text, gold point, answer, error in km).
    let dump_path = std::env::var_os("SITREP_GEO_DUMP")
        .filter(|_| variant == Coordinates::Primary)
        .map(|p| format!("{}.{set}.tsv", p.to_string_lossy()));
    let mut dump = String::new();
    for d in docs {
        let table = char_index(&d.text);
        let home = [&d.url, &d.domain, &d.source]
            .into_iter()
            .flatten()
            .find_map(|u| home_country_of_url(u, gaz));
        let gold: Vec<&GoldToponym> = d.toponyms.iter().filter(|t| t.offset_ok).collect();
        let gold_spans: Vec<(usize, usize)> = gold.iter().map(|t| (t.start, t.end)).collect();
        let gold_coord = |t: &GoldToponym| match variant {
            Coordinates::Primary => t.lat.zip(t.lon),
            Coordinates::Wikidata => t.lat_wikidata.zip(t.lon_wikidata),
        };

        // Predictions in char offsets, de-duplicated by span.
        let mut preds: Vec<(CharSpan, Option<LatLon>, Option<String>)> = Vec::new();
        for m in find_places_from(&d.text, &[], gaz, home.as_deref()) {
            // Sets without adjectival toponyms still annotate a country's own name used
            // attributively ("US officials", "UK health agency"): that is a place name.
            if m.kind == EntityKind::Demonym && !demonyms && gaz.country_by_name(&m.text).is_none()
            {
                continue;
            }
            let s = (table[m.span.start], table[m.span.end]);
            if s.0 < s.1 && !preds.iter().any(|p| p.0 == s) {
                preds.push((s, coords(&m), pred_iso(Some(&m))));
            }
        }
        let pred_spans: Vec<(usize, usize)> = preds.iter().map(|p| p.0).collect();
        exact.predicted += preds.len();
        overlap.predicted += preds.len();
        exact.gold += gold.len();
        overlap.gold += gold.len();

        let err = |g: (f64, f64), p: Option<(f64, f64)>| {
            p.map_or(MAX_ERROR_KM, |p| distance_km(g.0, g.1, p.0, p.1))
        };
        let ov_pairs = match_spans(&gold_spans, &pred_spans, false);
        overlap.tp += ov_pairs.len();
        for (gi, t) in gold.iter().enumerate() {
            if let Some(pi) = pred_spans.iter().position(|&p| p == gold_spans[gi]) {
                exact.tp += 1;
                if let Some(g) = gold_coord(t) {
                    ex_err.push(err(g, preds[pi].1));
                }
            }
            if let Some(&(_, pi)) = ov_pairs.iter().find(|(g, _)| *g == gi) {
                if let Some(g) = gold_coord(t) {
                    ov_err.push(err(g, preds[pi].1));
                }
                if let Some(g) = gold_iso(t) {
                    country_e2e.add(preds[pi].2.as_deref() == Some(g.as_str()));
                }
            }
        }

        // Oracle: resolve the gold spans of the geocoding gold in document context.
        let geo: Vec<&&GoldToponym> = gold.iter().filter(|t| gold_coord(t).is_some()).collect();
        geo_gold += geo.len();
        let spans: Vec<Span> = geo
            .iter()
            .map(
                |t| match (byte_offset(&d.text, t.start), byte_offset(&d.text, t.end)) {
                    (Some(s), Some(e)) if s < e => Span::new(s, e),
                    _ => Span { start: 1, end: 0 }, // unusable: resolves to nothing, costs the max error
                },
            )
            .collect();
        for (t, m) in geo
            .iter()
            .zip(resolve_spans_from(&d.text, &spans, gaz, home.as_deref()))
        {
            let g = gold_coord(t).unwrap_or_default();
            let answer = m.as_ref().and_then(coords);
            oracle_unanswered += usize::from(answer.is_none());
            oracle_errors.push(err(g, answer));
            if dump_path.is_some() {
                let p = m.as_ref().and_then(|m| m.place.as_ref());
                dump += &format!(
                    "{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{}\t{}\t{}\t{}\t{}\t{:.0}\n",
                    d.id,
                    t.start,
                    t.end,
                    d.text
                        .chars()
                        .skip(t.start)
                        .take(t.end - t.start)
                        .collect::<String>(),
                    g.0,
                    g.1,
                    p.map_or("-", |p| p.name.as_str()),
                    p.and_then(|p| p.country.as_deref()).unwrap_or("-"),
                    p.and_then(|p| p.feature.as_deref()).unwrap_or("-"),
                    p.and_then(|p| p.population).unwrap_or(0),
                    p.map_or("-".into(), |p| format!("{:.3},{:.3}", p.lat, p.lon)),
                    err(g, answer)
                );
            }
            if let Some(gc) = gold_iso(t) {
                country_oracle.add(pred_iso(m.as_ref()).as_deref() == Some(gc.as_str()));
            }
        }
    }
    if let Some(path) = dump_path {
        if let Err(e) = std::fs::write(&path, dump) {
            eprintln!("warning: cannot write {path}: {e}");
        }
    }
    let e2e = |errs: &[f64]| EndToEnd {
        matched: GeoMetrics::from_errors(errs),
        matched_share: if geo_gold == 0 {
            0.0
        } else {
            errs.len() as f64 / geo_gold as f64
        },
        acc161: if geo_gold == 0 {
            0.0
        } else {
            errs.iter().filter(|&&e| e <= 161.0).count() as f64 / geo_gold as f64
        },
    };
    GeoSetReport {
        set: set.to_string(),
        docs: docs.len(),
        variant: match variant {
            Coordinates::Primary => "primary".into(),
            Coordinates::Wikidata => "wikidata".into(),
        },
        exact,
        overlap,
        oracle: GeoMetrics::from_errors(&oracle_errors),
        e2e_exact: e2e(&ex_err),
        e2e_overlap: e2e(&ov_err),
        country_oracle,
        country_e2e,
        oracle_unanswered,
    }
}

/// The report table of GEO_METRICS.md section 6, one row per set, variant and setting.
pub fn report_markdown(reports: &[GeoSetReport]) -> String {
    let mut s = String::from(
        "| set | variant | R: n | exact P / R / F1 | overlap P / R / F1 | geocoding setting | n | A@161 | mean km | median km | AUC | e2e A@161 |\n\
         |---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let pct = |x: f64| format!("{:.1}", 100.0 * x);
    let prf = |p: &Prf| {
        format!(
            "{} / {} / {}",
            pct(p.precision()),
            pct(p.recall()),
            pct(p.f1())
        )
    };
    for r in reports {
        let rows: [(&str, &GeoMetrics, String); 3] = [
            ("oracle", &r.oracle, "".into()),
            ("e2e exact", &r.e2e_exact.matched, pct(r.e2e_exact.acc161)),
            (
                "e2e overlap",
                &r.e2e_overlap.matched,
                pct(r.e2e_overlap.acc161),
            ),
        ];
        for (setting, m, e2e) in rows {
            s += &format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {:.0} | {:.0} | {:.3} | {} |\n",
                r.set,
                r.variant,
                r.exact.gold,
                prf(&r.exact),
                prf(&r.overlap),
                setting,
                m.n,
                pct(m.acc161),
                m.mean_km,
                m.median_km,
                m.auc,
                e2e
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_match_the_worked_examples() {
        let m = GeoMetrics::from_errors(&[0.0, 10.0, 100.0, 1000.0, 20039.0]);
        assert!((m.acc161 - 0.6).abs() < 1e-9);
        assert_eq!(m.mean_km.round(), 4230.0);
        assert_eq!(m.median_km, 100.0);
        assert!((m.auc - 0.476).abs() < 0.0005, "{}", m.auc);
        assert!((GeoMetrics::from_errors(&[5.0, 200.0]).auc - 0.358).abs() < 0.0005);
    }

    #[test]
    fn recognition_matching_matches_the_worked_example() {
        let gold = [(0, 10), (20, 30)];
        let pred = [(0, 10), (22, 28), (40, 45)];
        assert_eq!(match_spans(&gold, &pred, false).len(), 2);
        // One prediction covering two gold spans matches only one of them.
        assert_eq!(match_spans(&[(0, 5), (6, 10)], &[(0, 10)], false).len(), 1);
    }

    #[test]
    fn char_offsets_from_bytes() {
        let t = "Ölüm in Homs";
        let table = char_index(t);
        let b = t.find("Homs").unwrap();
        assert_eq!(table[b], 8);
        assert_eq!(byte_offset(t, 8), Some(b));
        assert_eq!(table[t.len()], t.chars().count());
        assert_eq!(byte_offset(t, 100), None);
    }

    fn tiny_gazetteer() -> Gazetteer {
        Gazetteer::parse(sitrep_text::geo::GazetteerSources {
            places: "163808\tTadmur\t34.56\t38.28\tSY\tHoms\tP.PPL\t51000\tPalmyra\n",
            countries: "SY\tSYR\tSyria\t163843\tDamascus\t35.0\t38.0\t17000000\t\n",
            country_aliases: "",
            demonyms: "Syrian\tSY\t\n",
        })
        .unwrap()
    }

    #[test]
    fn scores_a_small_gold_file_end_to_end() {
        let tmp = tempfile::tempdir().unwrap();
        let gold = tmp.path().join("tiny.jsonl");
        // "Palmyra" (a gazetteer alias), "Syria" (a country) and "Atlantis" (unknown: never
        // found; the oracle answers it with the document's main country, far from its point).
        let text = "Fighting near Palmyra in Syria. Atlantis was quiet.";
        let span = |w: &str| {
            let b = text.find(w).unwrap();
            (b, b + w.len()) // ASCII text: byte and char offsets agree
        };
        let (p, s, a) = (span("Palmyra"), span("Syria"), span("Atlantis"));
        let doc = serde_json::json!({"id": "1", "text": text, "toponyms": [
            {"start": p.0, "end": p.1, "lat": 34.56, "lon": 38.28, "country": "Syria"},
            {"start": s.0, "end": s.1, "lat": 35.0, "lon": 38.0, "country": "Syria"},
            {"start": a.0, "end": a.1, "lat": 0.0, "lon": 0.0},
        ]});
        std::fs::write(&gold, format!("{doc}\n\n")).unwrap();
        let r = eval_geo(&gold, &tiny_gazetteer()).unwrap();
        assert_eq!(r.len(), 1, "no WikiData coordinates, one variant");
        let r = &r[0];
        assert_eq!((r.set.as_str(), r.docs), ("tiny", 1));
        assert_eq!((r.exact.tp, r.exact.gold, r.exact.predicted), (2, 3, 2));
        assert_eq!(r.oracle.n, 3);
        assert_eq!(r.oracle_unanswered, 0);
        assert!((r.oracle.acc161 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.country_oracle, Ratio { correct: 2, n: 2 });
        assert!((r.e2e_exact.acc161 - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_bad_gold_line_is_an_error_naming_file_and_line() {
        let tmp = tempfile::tempdir().unwrap();
        let gold = tmp.path().join("bad.jsonl");
        std::fs::write(&gold, "{\"text\": \"x\", \"toponyms\": []}\nnot json\n").unwrap();
        let e = format!("{:#}", eval_geo(&gold, &tiny_gazetteer()).unwrap_err());
        assert!(e.contains("bad.jsonl line 2"), "{e}");
    }
}
