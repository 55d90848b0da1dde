//! Expectation checker for golden articles: runs `sitrep extract` on a file and compares its JSON
//! with a hand-coded `expected.json` (the schema of `shared/cases/palmyra/expected.json`, plus the
//! optional `also_accept_*` lists described below).
//!
//! Rules, in the order they are applied:
//! - every `required` expected event is matched by a distinct produced event (maximum bipartite
//!   matching, so one produced event never satisfies two expected ones). A produced event is a
//!   candidate when it has the same `type` (or one of `also_accept_types`), the same `mode` when
//!   given, a `status` equal to the expected one or listed in `also_accept_statuses`, each expected
//!   actor matched by a distinct produced actor (role, normalised name or `also_accept_names`,
//!   kind and country when given; `name: null` matches only an unnamed actor), the location
//!   (country or `also_accept_countries`, lat/lon within `tolerance_km` by haversine, precision or
//!   `also_accept_precisions`), counts (`null` = must be absent; `{low, high}` exact), `date` and
//!   `duration` fields when given, each expected attribution (source and kind), and an evidence
//!   quote containing `evidence_contains` when given;
//! - `relations` are checked after matching: `to` names an expected event, mapped to the produced
//!   event matched to it;
//! - an optional event (`required: false`) is "produced" when an unmatched produced event passes
//!   every check but status; it must then carry an allowed status (its `rule`);
//! - `forbid`: no listed count is zero, no evidence quote contains a forbidden phrase, no event of
//!   the listed type and status lies within the given radius, no event has a type listed in
//!   `types` (for articles that must yield no violent events), no listed name is a person;
//! - `sentence_classes`: each listed sentence that is present gets the listed class, and no event
//!   comes from it (a furniture line that the cleaner removed entirely passes).
//!
//! Every failure is one readable line naming the expected event, the field and what was produced.

#![allow(dead_code)] // each test binary uses a different part of this module

use std::path::Path;
use std::process::Command;

use serde_json::{json, Map, Value};

/// Default radius when an expected location gives lat/lon but no tolerance.
const DEFAULT_TOLERANCE_KM: f64 = 25.0;
/// Named count fields of an event (codebook section 6).
const COUNT_FIELDS: [&str; 6] = [
    "killed",
    "injured",
    "arrested",
    "abducted",
    "displaced",
    "participants",
];

/// Runs the built binary on `file` and parses its JSON output.
pub fn run_extract(file: &Path, published: Option<&str>) -> Result<Value, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.arg("extract").arg(file);
    if let Some(p) = published {
        cmd.arg("--published").arg(p);
    }
    let out = cmd
        .output()
        .map_err(|e| format!("{}: cannot run sitrep: {e}", file.display()))?;
    if !out.status.success() {
        return Err(format!(
            "{}: `sitrep extract` exited with {}: {}",
            file.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(stdout.trim()).map_err(|e| {
        let head: String = stdout.chars().take(300).collect();
        format!(
            "{}: output is not one JSON object ({e}); it starts with: {head}",
            file.display()
        )
    })
}

/// Reads and parses an expected file.
pub fn load_expected(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: invalid JSON: {e}", path.display()))
}

/// Compares a produced extraction with an expected coding; an empty list means it passes.
pub fn check(expected: &Value, produced: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let exp_events = arr(expected.get("events"));
    let prod_events = arr(produced.get("events"));

    // Candidate lists for the required events; the matching then picks distinct produced events.
    let required: Vec<usize> = (0..exp_events.len())
        .filter(|&i| is_required(&exp_events[i]))
        .collect();
    let candidates: Vec<Vec<usize>> = required
        .iter()
        .map(|&i| {
            (0..prod_events.len())
                .filter(|&p| event_mismatches(&exp_events[i], &prod_events[p], true).is_empty())
                .collect()
        })
        .collect();
    let assignment = bipartite_match(&candidates, prod_events.len());
    // expected index -> produced index
    let mut matched: Vec<Option<usize>> = vec![None; exp_events.len()];
    for (k, &i) in required.iter().enumerate() {
        matched[i] = assignment[k];
    }

    for (k, &i) in required.iter().enumerate() {
        if matched[i].is_some() {
            continue;
        }
        let e = &exp_events[i];
        let mut msg = format!(
            "expected event #{i} ({}) not produced",
            describe_expected(e)
        );
        if !candidates[k].is_empty() {
            msg.push_str(&format!(
                "\n    every fitting produced event ({}) is already matched to another expected event",
                list_indices(&candidates[k])
            ));
        }
        let et = str_of(e.get("type"));
        if !prod_events
            .iter()
            .any(|p| str_of(p.get("type")).eq_ignore_ascii_case(&et))
        {
            msg.push_str(&format!("\n    no produced event of type {et}"));
        }
        let near = nearest_produced(e, prod_events);
        for (p, diffs) in near {
            msg.push_str(&format!(
                "\n    produced #{p} ({}): {}",
                describe_produced(&prod_events[p]),
                diffs.join("; ")
            ));
        }
        failures.push(msg);
    }

    // Relations, through the matching.
    for (i, e) in exp_events.iter().enumerate() {
        let Some(p) = matched[i] else { continue };
        for rel in arr(e.get("relations")) {
            let kind = str_of(rel.get("kind"));
            let Some(to) = rel.get("to").and_then(Value::as_u64).map(|t| t as usize) else {
                failures.push(format!(
                    "expected event #{i}: relation {rel} has no numeric `to`"
                ));
                continue;
            };
            let Some(target) = matched.get(to).copied().flatten() else {
                failures.push(format!(
                    "expected event #{i} relation {kind} -> expected #{to}: the target event was not matched, so the relation cannot hold"
                ));
                continue;
            };
            let produced_rels = arr(prod_events[p].get("relations"));
            let found = produced_rels.iter().any(|r| {
                str_of(r.get("kind")) == kind
                    && r.get("to").and_then(Value::as_u64) == Some(target as u64)
            });
            if !found {
                failures.push(format!(
                    "expected event #{i} (matched produced #{p}): relation {kind} -> produced #{target} missing; produced relations: {}",
                    compact(&Value::Array(produced_rels.to_vec()))
                ));
            }
        }
    }

    // Optional events: only their rule (allowed statuses) is enforced when they appear.
    let used: Vec<usize> = matched.iter().flatten().copied().collect();
    for (i, e) in exp_events.iter().enumerate() {
        if is_required(e) {
            continue;
        }
        for (p, pe) in prod_events.iter().enumerate() {
            if used.contains(&p) || !event_mismatches(e, pe, false).is_empty() {
                continue;
            }
            if let Some(d) = status_mismatch(e, pe) {
                failures.push(format!(
                    "optional expected event #{i} ({}) produced as #{p} but breaks its rule: {d}",
                    describe_expected(e)
                ));
            }
        }
    }

    if let Some(forbid) = expected.get("forbid") {
        check_forbid(forbid, produced, &mut failures);
    }
    if let Some(classes) = expected.get("sentence_classes") {
        check_sentence_classes(classes, produced, &mut failures);
    }
    failures
}

/// A compact, stable summary of an extraction for snapshots.
pub fn summary(produced: &Value) -> Value {
    let events: Vec<Value> = arr(produced.get("events"))
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("type".into(), e.get("type").cloned().unwrap_or(Value::Null));
            m.insert("mode".into(), e.get("mode").cloned().unwrap_or(Value::Null));
            m.insert(
                "status".into(),
                e.get("status").cloned().unwrap_or(Value::Null),
            );
            let actors: Vec<Value> = arr(e.get("actors"))
                .iter()
                .map(|a| {
                    json!(format!(
                        "{}: {} ({}{})",
                        str_of(a.get("role")),
                        a.get("name").and_then(Value::as_str).unwrap_or("-"),
                        str_of(a.get("kind")),
                        a.get("country")
                            .and_then(Value::as_str)
                            .map(|c| format!(", {c}"))
                            .unwrap_or_default()
                    ))
                })
                .collect();
            m.insert("actors".into(), Value::Array(actors));
            let loc = e.get("location").filter(|l| !l.is_null()).map(|l| {
                json!(format!(
                    "{} [{}] {}",
                    l.get("name").and_then(Value::as_str).unwrap_or("-"),
                    l.get("country").and_then(Value::as_str).unwrap_or("-"),
                    str_of(l.get("precision"))
                ))
            });
            m.insert("location".into(), loc.unwrap_or(Value::Null));
            let mut counts = Map::new();
            for f in COUNT_FIELDS {
                if let Some(c) = e.get(f).filter(|c| !c.is_null()) {
                    counts.insert(f.into(), json!([c.get("low"), c.get("high")]));
                }
            }
            if let Some(Value::Object(other)) = e.get("counts") {
                for (k, c) in other {
                    counts.insert(k.clone(), json!([c.get("low"), c.get("high")]));
                }
            }
            if !counts.is_empty() {
                m.insert("counts".into(), Value::Object(counts));
            }
            Value::Object(m)
        })
        .collect();
    let sentences: Vec<Value> = arr(produced.get("sentences"))
        .iter()
        .map(|s| {
            let text: String = str_of(s.get("text")).chars().take(60).collect();
            json!(format!("{}: {}", str_of(s.get("class")), text))
        })
        .collect();
    json!({ "events": events, "sentences": sentences })
}

// ---------------------------------------------------------------------------------------------
// Event comparison

fn is_required(e: &Value) -> bool {
    e.get("required").and_then(Value::as_bool).unwrap_or(true)
}

/// All reasons why `p` does not fit expected event `e`; `with_status` false skips the status.
fn event_mismatches(e: &Value, p: &Value, with_status: bool) -> Vec<String> {
    let mut d = Vec::new();
    let et = str_of(e.get("type"));
    let pt = str_of(p.get("type"));
    let type_ok = et.eq_ignore_ascii_case(&pt)
        || strings(e.get("also_accept_types"))
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&pt));
    if !type_ok {
        d.push(format!("type: expected {et}, produced {pt}"));
    }
    // A mode belongs to its type: an accepted alternative type is not held to the expected mode.
    if let Some(m) = e.get("mode").and_then(Value::as_str) {
        if et.eq_ignore_ascii_case(&pt) {
            let pm = p.get("mode").and_then(Value::as_str).unwrap_or("");
            let modes = strings(p.get("modes"));
            let also = strings(e.get("also_accept_modes"));
            if !(pm.eq_ignore_ascii_case(m) || also.iter().any(|a| a.eq_ignore_ascii_case(pm))) {
                d.push(format!(
                    "mode: expected {m}, produced {}{}",
                    show(pm),
                    if modes.is_empty() {
                        String::new()
                    } else {
                        format!(" (modes {modes:?})")
                    }
                ));
            }
        }
    }
    if with_status {
        if let Some(s) = status_mismatch(e, p) {
            d.push(s);
        }
    }
    d.extend(actor_mismatches(e, p));
    if let Some(loc) = e.get("location") {
        d.extend(location_mismatches(loc, p.get("location")));
    }
    d.extend(count_mismatches(e, p));
    if let Some(date) = e.get("date").filter(|v| v.is_object()) {
        d.extend(object_field_mismatches(
            "date",
            date,
            p.get("date"),
            &["start", "end", "precision", "basis"],
        ));
    }
    if let Some(dur) = e.get("duration").filter(|v| v.is_object()) {
        d.extend(object_field_mismatches(
            "duration",
            dur,
            p.get("duration"),
            &["low_minutes", "high_minutes"],
        ));
    }
    d.extend(attribution_mismatches(e, p));
    if let Some(needle) = e.get("evidence_contains").and_then(Value::as_str) {
        let n = norm_text(needle);
        let quotes: Vec<String> = arr(p.get("evidence"))
            .iter()
            .map(|ev| str_of(ev.get("quote")))
            .collect();
        if !quotes.iter().any(|q| norm_text(q).contains(&n)) {
            d.push(format!(
                "evidence: expected a quote containing {needle:?}, produced {quotes:?}"
            ));
        }
    }
    d
}

fn status_mismatch(e: &Value, p: &Value) -> Option<String> {
    let es = e.get("status").and_then(Value::as_str)?;
    let ps = str_of(p.get("status"));
    let also = strings(e.get("also_accept_statuses"));
    if ps.eq_ignore_ascii_case(es) || also.iter().any(|a| a.eq_ignore_ascii_case(&ps)) {
        None
    } else {
        let allowed = if also.is_empty() {
            es.to_string()
        } else {
            format!("{es} (or {})", also.join(", "))
        };
        Some(format!(
            "status: expected {allowed}, produced {}",
            show(&ps)
        ))
    }
}

fn actor_mismatches(e: &Value, p: &Value) -> Vec<String> {
    let exp = arr(e.get("actors"));
    let prod = arr(p.get("actors"));
    let fits: Vec<Vec<usize>> = exp
        .iter()
        .map(|a| {
            (0..prod.len())
                .filter(|&j| single_actor_diff(a, &prod[j]).is_none())
                .collect()
        })
        .collect();
    let assignment = bipartite_match(&fits, prod.len());
    let mut d = Vec::new();
    for (k, a) in exp.iter().enumerate() {
        if assignment[k].is_some() {
            continue;
        }
        let role = str_of(a.get("role"));
        let same_role: Vec<String> = prod
            .iter()
            .filter(|x| str_of(x.get("role")) == role)
            .map(|x| single_actor_diff(a, x).unwrap_or_else(|| "fits but already used".into()))
            .collect();
        let why = if same_role.is_empty() {
            format!("no produced {role}")
        } else {
            same_role.join(" | ")
        };
        d.push(format!("actor {}: {why}", describe_actor(a)));
    }
    d
}

/// Why produced actor `p` does not fit expected actor `a`, or `None` when it does.
fn single_actor_diff(a: &Value, p: &Value) -> Option<String> {
    let role = str_of(a.get("role"));
    if str_of(p.get("role")) != role {
        return Some(format!("role {}", str_of(p.get("role"))));
    }
    let pname = p
        .get("name")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    match a.get("name") {
        Some(Value::Null) => {
            if let Some(n) = pname {
                return Some(format!("expected an unnamed actor, produced name {n:?}"));
            }
        }
        Some(Value::String(n)) => {
            let mut names = vec![n.clone()];
            names.extend(strings(a.get("also_accept_names")));
            // State forces are identified by their state (codebook section 3): "U.S. forces",
            // "U.S. military" and "American troops" are one actor when kind and country agree.
            let state_side = str_of(a.get("kind")) == "state_forces"
                && str_of(p.get("kind")) == "state_forces"
                && a.get("country").and_then(Value::as_str).is_some_and(|c| {
                    p.get("country")
                        .and_then(Value::as_str)
                        .is_some_and(|pc| pc.eq_ignore_ascii_case(c))
                });
            let ok = state_side
                || pname.is_some_and(|pn| names.iter().any(|x| norm_name(x) == norm_name(pn)));
            if !ok {
                return Some(format!(
                    "name {}",
                    pname
                        .map(|s| format!("{s:?}"))
                        .unwrap_or_else(|| "none".into())
                ));
            }
        }
        _ => {}
    }
    if let Some(k) = a.get("kind").and_then(Value::as_str) {
        let pk = str_of(p.get("kind"));
        if pk != k {
            return Some(format!("{:?} kind {}", pname.unwrap_or("-"), show(&pk)));
        }
    }
    if let Some(c) = a.get("country").and_then(Value::as_str) {
        let pc = p.get("country").and_then(Value::as_str).unwrap_or("");
        if !pc.eq_ignore_ascii_case(c) {
            return Some(format!("{:?} country {}", pname.unwrap_or("-"), show(pc)));
        }
    }
    None
}

fn location_mismatches(loc: &Value, p: Option<&Value>) -> Vec<String> {
    let mut d = Vec::new();
    if loc.is_null() {
        if let Some(pl) = p.filter(|v| !v.is_null()) {
            d.push(format!(
                "location: expected none, produced {}",
                describe_location(pl)
            ));
        }
        return d;
    }
    let Some(pl) = p.filter(|v| !v.is_null()) else {
        d.push("location: expected one, produced none".into());
        return d;
    };
    if let Some(c) = loc.get("country").and_then(Value::as_str) {
        let pc = pl.get("country").and_then(Value::as_str).unwrap_or("");
        let also = strings(loc.get("also_accept_countries"));
        if !(pc.eq_ignore_ascii_case(c) || also.iter().any(|a| a.eq_ignore_ascii_case(pc))) {
            d.push(format!(
                "location country: expected {c}, produced {} ({})",
                show(pc),
                describe_location(pl)
            ));
        }
    }
    if let (Some(lat), Some(lon)) = (
        loc.get("lat").and_then(Value::as_f64),
        loc.get("lon").and_then(Value::as_f64),
    ) {
        let tol = loc
            .get("tolerance_km")
            .and_then(Value::as_f64)
            .unwrap_or(DEFAULT_TOLERANCE_KM);
        match (
            pl.get("lat").and_then(Value::as_f64),
            pl.get("lon").and_then(Value::as_f64),
        ) {
            (Some(plat), Some(plon)) => {
                let km = haversine_km(lat, lon, plat, plon);
                if km > tol {
                    d.push(format!(
                        "location: {km:.0} km from expected ({lat}, {lon}), tolerance {tol} km; produced {}",
                        describe_location(pl)
                    ));
                }
            }
            _ => d.push(format!(
                "location: expected coordinates near ({lat}, {lon}), produced none"
            )),
        }
    }
    if let Some(pr) = loc.get("precision").and_then(Value::as_str) {
        let pp = str_of(pl.get("precision"));
        let also = strings(loc.get("also_accept_precisions"));
        if pp != pr && !also.contains(&pp) {
            d.push(format!(
                "location precision: expected {pr}, produced {}",
                show(&pp)
            ));
        }
    }
    d
}

fn count_mismatches(e: &Value, p: &Value) -> Vec<String> {
    let mut d = Vec::new();
    let mut fields: Vec<(String, &Value, Option<&Value>)> = Vec::new();
    for f in COUNT_FIELDS {
        if let Some(ec) = e.get(f) {
            fields.push((f.to_string(), ec, p.get(f)));
        }
    }
    if let Some(Value::Object(other)) = e.get("counts") {
        for (k, ec) in other {
            fields.push((k.clone(), ec, p.get("counts").and_then(|c| c.get(k))));
        }
    }
    for (name, ec, pc) in fields {
        let pc = pc.filter(|v| !v.is_null());
        if ec.is_null() {
            if let Some(pc) = pc {
                if !(pc.get("low").is_none_or(Value::is_null)
                    && pc.get("high").is_none_or(Value::is_null))
                {
                    d.push(format!(
                        "{name}: expected unknown (absent), produced {}",
                        describe_count(pc)
                    ));
                }
            }
            continue;
        }
        let Some(pc) = pc else {
            d.push(format!(
                "{name}: expected {}, produced none",
                describe_count(ec)
            ));
            continue;
        };
        for bound in ["low", "high"] {
            if let Some(eb) = ec.get(bound) {
                let pb = pc.get(bound).unwrap_or(&Value::Null);
                if !num_eq(eb, pb) {
                    d.push(format!(
                        "{name}: expected {}, produced {}",
                        describe_count(ec),
                        describe_count(pc)
                    ));
                    break;
                }
            }
        }
    }
    d
}

/// Compares the listed fields that the expected object gives; `null` must be produced as null.
fn object_field_mismatches(
    label: &str,
    exp: &Value,
    prod: Option<&Value>,
    keys: &[&str],
) -> Vec<String> {
    let mut d = Vec::new();
    let empty = Value::Null;
    let prod = prod.unwrap_or(&empty);
    for k in keys {
        if let Some(ev) = exp.get(*k) {
            let pv = prod.get(*k).unwrap_or(&Value::Null);
            if !(ev == pv || num_eq(ev, pv)) {
                d.push(format!(
                    "{label}.{k}: expected {}, produced {}",
                    compact(ev),
                    compact(pv)
                ));
            }
        }
    }
    d
}

fn attribution_mismatches(e: &Value, p: &Value) -> Vec<String> {
    let prod = arr(p.get("attribution"));
    let mut d = Vec::new();
    for a in arr(e.get("attribution")) {
        let src = norm_name(&str_of(a.get("source")));
        let kind = a.get("kind").and_then(Value::as_str);
        let ok = prod.iter().any(|x| {
            let ps = norm_name(&str_of(x.get("source")));
            let src_ok = !ps.is_empty() && (ps.contains(&src) || src.contains(&ps));
            src_ok && kind.is_none_or(|k| str_of(x.get("kind")) == k)
        });
        if !ok {
            let got: Vec<String> = prod
                .iter()
                .map(|x| format!("{} ({})", str_of(x.get("source")), str_of(x.get("kind"))))
                .collect();
            d.push(format!(
                "attribution: expected {} ({}), produced [{}]",
                str_of(a.get("source")),
                kind.unwrap_or("any kind"),
                got.join(", ")
            ));
        }
    }
    d
}

/// Produced events of the same type (or all, when none has it), each with its differences, for
/// the failure message of an unmatched expected event.
fn nearest_produced(e: &Value, prod: &[Value]) -> Vec<(usize, Vec<String>)> {
    let et = str_of(e.get("type"));
    let mut same: Vec<(usize, Vec<String>)> = prod
        .iter()
        .enumerate()
        .filter(|(_, p)| str_of(p.get("type")).eq_ignore_ascii_case(&et))
        .map(|(i, p)| (i, event_mismatches(e, p, true)))
        .collect();
    if same.is_empty() {
        // Nothing of that type: show the closest events of any type instead.
        same = prod
            .iter()
            .enumerate()
            .map(|(i, p)| (i, event_mismatches(e, p, true)))
            .collect();
    }
    same.sort_by_key(|(_, d)| d.len());
    same.truncate(3);
    same
}

// ---------------------------------------------------------------------------------------------
// forbid and sentence classes

fn check_forbid(forbid: &Value, produced: &Value, failures: &mut Vec<String>) {
    let events = arr(produced.get("events"));
    for field in strings(forbid.get("zero_counts")) {
        for (i, e) in events.iter().enumerate() {
            let c = e
                .get(&field)
                .or_else(|| e.get("counts").and_then(|m| m.get(&field)));
            if let Some(c) = c.filter(|c| !c.is_null()) {
                let low = c.get("low").and_then(Value::as_u64);
                let high = c.get("high").and_then(Value::as_u64);
                // A zero upper bound, or a bare zero lower bound, claims "none" where the text is silent.
                if high == Some(0) || (low == Some(0) && high.is_none()) {
                    failures.push(format!(
                        "forbid zero_counts: produced #{i} ({}) has {field} {}",
                        describe_produced(e),
                        describe_count(c)
                    ));
                }
            }
        }
    }
    for phrase in strings(forbid.get("evidence_phrases")) {
        let needle = phrase.to_lowercase();
        for (i, e) in events.iter().enumerate() {
            for ev in arr(e.get("evidence")) {
                let q = str_of(ev.get("quote"));
                if q.to_lowercase().contains(&needle) {
                    failures.push(format!(
                        "forbid evidence_phrases: produced #{i} ({}) has evidence containing {phrase:?}: {q:?}",
                        describe_produced(e)
                    ));
                }
            }
        }
    }
    for f in arr(forbid.get("events")) {
        let ftype = f.get("type").and_then(Value::as_str);
        let statuses = strings(f.get("statuses"));
        let (Some(lat), Some(lon)) = (
            f.get("lat").and_then(Value::as_f64),
            f.get("lon").and_then(Value::as_f64),
        ) else {
            failures.push(format!(
                "forbid events: entry {f} lacks lat/lon (bad expected file)"
            ));
            continue;
        };
        let tol = f
            .get("tolerance_km")
            .and_then(Value::as_f64)
            .unwrap_or(DEFAULT_TOLERANCE_KM);
        for (i, e) in events.iter().enumerate() {
            if ftype.is_some_and(|t| !t.eq_ignore_ascii_case(&str_of(e.get("type")))) {
                continue;
            }
            let ps = str_of(e.get("status"));
            if !statuses.is_empty() && !statuses.contains(&ps) {
                continue;
            }
            let Some(l) = e.get("location").filter(|l| !l.is_null()) else {
                continue;
            };
            if let (Some(plat), Some(plon)) = (
                l.get("lat").and_then(Value::as_f64),
                l.get("lon").and_then(Value::as_f64),
            ) {
                let km = haversine_km(lat, lon, plat, plon);
                if km <= tol {
                    failures.push(format!(
                        "forbid events: produced #{i} ({}) lies {km:.0} km from forbidden ({lat}, {lon}) (radius {tol} km): {}",
                        describe_produced(e),
                        describe_location(l)
                    ));
                }
            }
        }
    }
    for t in strings(forbid.get("types")) {
        for (i, e) in events.iter().enumerate() {
            if str_of(e.get("type")).eq_ignore_ascii_case(&t) {
                failures.push(format!(
                    "forbid types: produced #{i} ({}) is of forbidden type {t}",
                    describe_produced(e)
                ));
            }
        }
    }
    for name in strings(forbid.get("person_places")) {
        let n = norm_name(&name);
        for ent in arr(produced.get("entities")) {
            let is_person = str_of(ent.get("kind")) == "person";
            let hit = norm_name(&str_of(ent.get("text"))) == n
                || norm_name(&str_of(ent.get("name"))) == n;
            if is_person && hit {
                failures.push(format!(
                    "forbid person_places: {name:?} tagged as a person entity: {}",
                    compact(ent)
                ));
            }
        }
        for (i, e) in events.iter().enumerate() {
            for a in arr(e.get("actors")) {
                if str_of(a.get("kind")) == "person" && norm_name(&str_of(a.get("name"))) == n {
                    failures.push(format!(
                        "forbid person_places: produced #{i} has {name:?} as a person actor"
                    ));
                }
            }
        }
    }
}

fn check_sentence_classes(classes: &Value, produced: &Value, failures: &mut Vec<String>) {
    let sentences = arr(produced.get("sentences"));
    let events = arr(produced.get("events"));
    for (key, class) in [
        ("furniture", "furniture"),
        ("commentary_examples", "commentary"),
    ] {
        for listed in strings(classes.get(key)) {
            let target = norm_text(&listed);
            let covering: Vec<usize> = (0..sentences.len())
                .filter(|&i| {
                    let s = norm_text(&str_of(sentences[i].get("text")));
                    // A sentence that contains the line, or a piece of it when the splitter cut it.
                    !s.is_empty()
                        && (s.contains(&target) || (s.chars().count() >= 12 && target.contains(&s)))
                })
                .collect();
            if covering.is_empty() {
                // A cleaner may drop furniture altogether; article text must be kept.
                if class != "furniture" {
                    failures.push(format!("sentence_classes: {class} sentence not found among produced sentences: {listed:?}"));
                }
                continue;
            }
            for &i in &covering {
                let pc = str_of(sentences[i].get("class"));
                if pc != class {
                    failures.push(format!(
                        "sentence_classes: sentence #{i} should be {class}, produced {}: {listed:?}",
                        show(&pc)
                    ));
                }
            }
            let spans: Vec<(u64, u64)> = covering
                .iter()
                .filter_map(|&i| span_of(sentences[i].get("span")))
                .collect();
            for (j, e) in events.iter().enumerate() {
                let by_index = e
                    .get("sentence")
                    .and_then(Value::as_u64)
                    .is_some_and(|s| covering.contains(&(s as usize)));
                let by_span = arr(e.get("evidence")).iter().any(|ev| {
                    span_of(ev.get("span"))
                        .is_some_and(|(a, b)| spans.iter().any(|&(s, t)| a < t && s < b))
                });
                if by_index || by_span {
                    failures.push(format!(
                        "sentence_classes: produced #{j} ({}) comes from a {class} sentence: {listed:?}",
                        describe_produced(e)
                    ));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// Kuhn's augmenting-path matching: `cands[k]` lists the right-hand items left item `k` may take.
fn bipartite_match(cands: &[Vec<usize>], n_right: usize) -> Vec<Option<usize>> {
    fn augment(
        k: usize,
        cands: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &r in &cands[k] {
            if seen[r] {
                continue;
            }
            seen[r] = true;
            if owner[r].is_none_or(|o| augment(o, cands, seen, owner)) {
                owner[r] = Some(k);
                return true;
            }
        }
        false
    }
    let mut owner: Vec<Option<usize>> = vec![None; n_right];
    for k in 0..cands.len() {
        let mut seen = vec![false; n_right];
        augment(k, cands, &mut seen, &mut owner);
    }
    let mut out = vec![None; cands.len()];
    for (r, o) in owner.iter().enumerate() {
        if let Some(k) = o {
            out[*k] = Some(r);
        }
    }
    out
}

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// Case-insensitive name key without punctuation or the word "the" ("the U.S. military" = "US Military").
pub fn norm_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    cleaned
        .split_whitespace()
        .filter(|w| *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sentence comparison key: lower case, typographic quotes folded, whitespace collapsed.
fn norm_text(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn arr(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn strings(v: Option<&Value>) -> Vec<String> {
    arr(v)
        .iter()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

fn str_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn show(s: &str) -> String {
    if s.is_empty() {
        "none".into()
    } else {
        s.to_string()
    }
}

fn num_eq(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => a == b,
    }
}

fn span_of(v: Option<&Value>) -> Option<(u64, u64)> {
    let v = v?;
    Some((v.get("start")?.as_u64()?, v.get("end")?.as_u64()?))
}

fn compact(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s
    }
}

fn list_indices(v: &[usize]) -> String {
    v.iter()
        .map(|i| format!("#{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe_count(c: &Value) -> String {
    let b = |k: &str| {
        c.get(k)
            .and_then(Value::as_u64)
            .map(|n| n.to_string())
            .unwrap_or_else(|| "?".into())
    };
    format!("{}..{}", b("low"), b("high"))
}

fn describe_actor(a: &Value) -> String {
    format!(
        "{} {} ({}{})",
        str_of(a.get("role")),
        match a.get("name") {
            None => "(any name)".to_string(),
            Some(Value::String(n)) => format!("{n:?}"),
            Some(_) => "unnamed".to_string(),
        },
        a.get("kind").and_then(Value::as_str).unwrap_or("any kind"),
        a.get("country")
            .and_then(Value::as_str)
            .map(|c| format!(", {c}"))
            .unwrap_or_default()
    )
}

fn describe_location(l: &Value) -> String {
    format!(
        "{} [{}] ({}, {}) {}",
        l.get("name")
            .or_else(|| l.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("-"),
        l.get("country").and_then(Value::as_str).unwrap_or("-"),
        l.get("lat")
            .and_then(Value::as_f64)
            .map(|x| format!("{x:.2}"))
            .unwrap_or_else(|| "?".into()),
        l.get("lon")
            .and_then(Value::as_f64)
            .map(|x| format!("{x:.2}"))
            .unwrap_or_else(|| "?".into()),
        str_of(l.get("precision"))
    )
}

fn describe_expected(e: &Value) -> String {
    let mut s = str_of(e.get("type"));
    if let Some(m) = e.get("mode").and_then(Value::as_str) {
        s.push_str(&format!("/{m}"));
    }
    if let Some(st) = e.get("status").and_then(Value::as_str) {
        s.push_str(&format!(" {st}"));
    }
    let actors: Vec<String> = arr(e.get("actors")).iter().map(describe_actor).collect();
    if !actors.is_empty() {
        s.push_str(&format!("; {}", actors.join(", ")));
    }
    if let Some(t) = e
        .get("location")
        .and_then(|l| l.get("text"))
        .and_then(Value::as_str)
    {
        s.push_str(&format!("; at {t}"));
    }
    s
}

fn describe_produced(e: &Value) -> String {
    let mut s = str_of(e.get("type")).to_string();
    if let Some(m) = e.get("mode").and_then(Value::as_str) {
        s.push_str(&format!("/{m}"));
    }
    s.push_str(&format!(" {}", str_of(e.get("status"))));
    let actors: Vec<String> = arr(e.get("actors"))
        .iter()
        .map(|a| {
            format!(
                "{} {}",
                str_of(a.get("role")),
                a.get("name").and_then(Value::as_str).unwrap_or("unnamed")
            )
        })
        .collect();
    if !actors.is_empty() {
        s.push_str(&format!("; {}", actors.join(", ")));
    }
    if let Some(l) = e.get("location").filter(|l| !l.is_null()) {
        s.push_str(&format!("; at {}", describe_location(l)));
    }
    s
}

#[cfg(test)]
mod tests {
    //! The checker's own tests: a passing and a failing case per rule, on hand-made JSON.
    use super::*;

    fn produced_event() -> Value {
        json!({
            "type": "ASSAULT", "mode": "firearms", "status": "occurred", "certainty": 0.8,
            "actors": [
                {"role": "actor", "name": "ISIS", "kind": "rebel_group", "country": null},
                {"role": "recipient", "name": "U.S. military", "kind": "state_forces", "country": "US"}
            ],
            "location": {"text": "Palmyra", "name": "Tadmur", "lat": 34.56, "lon": 38.27, "country": "SY", "precision": "town"},
            "date": {"start": "2025-12-13", "end": "2025-12-13", "precision": "day", "basis": "relative"},
            "duration": {"low_minutes": 120, "high_minutes": null},
            "killed": {"low": 2, "high": 2, "text": "two", "span": {"start": 0, "end": 3}},
            "attribution": [{"source": "Syria TV", "kind": "media", "cue": "According to Syria TV"}],
            "relations": [],
            "evidence": [{"document": "d", "span": {"start": 0, "end": 36}, "quote": "Gunmen shot two soldiers in Palmyra."}],
            "sentence": 0
        })
    }

    fn produced(events: Vec<Value>) -> Value {
        json!({
            "id": "d",
            "document": {"id": "d", "text": "Gunmen shot two soldiers in Palmyra. Critics argue it matters. Other headline here"},
            "sentences": [
                {"span": {"start": 0, "end": 36}, "text": "Gunmen shot two soldiers in Palmyra.", "class": "report"},
                {"span": {"start": 37, "end": 62}, "text": "Critics argue it matters.", "class": "commentary"},
                {"span": {"start": 63, "end": 82}, "text": "Other headline here", "class": "furniture"}
            ],
            "entities": [{"span": {"start": 28, "end": 35}, "text": "Palmyra", "kind": "place", "name": "Tadmur"}],
            "events": events
        })
    }

    fn expected_event() -> Value {
        json!({
            "required": true, "type": "ASSAULT", "mode": "firearms", "status": "occurred",
            "actors": [
                {"role": "actor", "name": "ISIS", "kind": "rebel_group"},
                {"role": "recipient", "name": "the US Military", "kind": "state_forces", "country": "US"}
            ],
            "location": {"text": "Palmyra", "country": "SY", "lat": 34.56, "lon": 38.28, "tolerance_km": 25, "precision": "town"},
            "killed": {"low": 2, "high": 2},
            "injured": null
        })
    }

    /// Checks one expected event (with `edit` applied) against the standard produced event.
    fn run(edit: impl FnOnce(&mut Value), edit_prod: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut e = expected_event();
        edit(&mut e);
        let mut p = produced_event();
        edit_prod(&mut p);
        check(&json!({ "events": [e] }), &produced(vec![p]))
    }

    fn assert_fails(f: &[String], needle: &str) {
        assert!(
            f.iter().any(|m| m.contains(needle)),
            "expected a failure mentioning {needle:?}, got {f:#?}"
        );
    }

    #[test]
    fn baseline_matches() {
        assert_eq!(run(|_| {}, |_| {}), Vec::<String>::new());
    }

    #[test]
    fn type_rule() {
        assert_fails(
            &run(|e| e["type"] = json!("COERCE"), |_| {}),
            "type: expected COERCE",
        );
        assert!(run(
            |e| {
                e["type"] = json!("MOBILIZE");
                e["also_accept_types"] = json!(["ASSAULT"])
            },
            |_| {}
        )
        .is_empty());
    }

    #[test]
    fn mode_rule() {
        assert_fails(
            &run(|e| e["mode"] = json!("aerial"), |_| {}),
            "mode: expected aerial, produced firearms",
        );
        assert!(run(
            |e| e
                .as_object_mut()
                .unwrap()
                .remove("mode")
                .map(|_| ())
                .unwrap_or(()),
            |p| p["mode"] = json!("drone")
        )
        .is_empty());
    }

    #[test]
    fn status_rule_and_alternatives() {
        assert_fails(
            &run(|_| {}, |p| p["status"] = json!("claimed")),
            "status: expected occurred, produced claimed",
        );
        assert!(run(
            |e| e["also_accept_statuses"] = json!(["claimed"]),
            |p| p["status"] = json!("claimed")
        )
        .is_empty());
    }

    #[test]
    fn actor_name_normalisation_kind_country() {
        // "the US Military" matches "U.S. military".
        assert!(run(|_| {}, |_| {}).is_empty());
        assert_fails(
            &run(|_| {}, |p| p["actors"][0]["name"] = json!("al-Shabaab")),
            "actor actor \"ISIS\"",
        );
        assert!(run(
            |e| e["actors"][0]["also_accept_names"] = json!(["Islamic State"]),
            |p| p["actors"][0]["name"] = json!("Islamic State")
        )
        .is_empty());
        assert_fails(
            &run(|_| {}, |p| p["actors"][1]["kind"] = json!("civilians")),
            "kind civilians",
        );
        assert_fails(
            &run(|_| {}, |p| p["actors"][1]["country"] = json!("SY")),
            "country SY",
        );
        assert_fails(
            &run(|_| {}, |p| p["actors"][1]["role"] = json!("partner")),
            "no produced recipient",
        );
    }

    #[test]
    fn unnamed_actor_matches_only_unnamed() {
        let unnamed = |e: &mut Value| {
            e["actors"][0] = json!({"role": "actor", "name": null, "kind": "unknown"})
        };
        assert!(run(unnamed, |p| p["actors"][0] =
            json!({"role": "actor", "name": null, "kind": "unknown"}))
        .is_empty());
        assert_fails(&run(unnamed, |_| {}), "expected an unnamed actor");
    }

    #[test]
    fn actors_are_matched_distinctly() {
        // Two expected actors with the same role and name need two produced actors.
        let f = run(
            |e| e["actors"][1] = json!({"role": "actor", "name": "ISIS", "kind": "rebel_group"}),
            |_| {},
        );
        assert_fails(&f, "fits but already used");
    }

    #[test]
    fn location_rules() {
        assert_fails(
            &run(|_| {}, |p| p["location"]["country"] = json!("US")),
            "location country: expected SY",
        );
        assert!(run(
            |e| e["location"]["also_accept_countries"] = json!(["US"]),
            |p| p["location"]["country"] = json!("US")
        )
        .is_empty());
        // Palmyra, New York is far outside 25 km.
        assert_fails(
            &run(
                |_| {},
                |p| {
                    p["location"]["lat"] = json!(43.06);
                    p["location"]["lon"] = json!(-77.23)
                },
            ),
            "km from expected",
        );
        assert_fails(
            &run(|_| {}, |p| p["location"]["precision"] = json!("country")),
            "location precision: expected town",
        );
        assert_fails(
            &run(|_| {}, |p| p["location"] = Value::Null),
            "location: expected one, produced none",
        );
        assert!(run(
            |e| e["location"] = Value::Null,
            |p| p["location"] = Value::Null
        )
        .is_empty());
    }

    #[test]
    fn count_rules() {
        assert_fails(
            &run(|_| {}, |p| p["killed"]["high"] = Value::Null),
            "killed: expected 2..2, produced 2..?",
        );
        assert_fails(
            &run(
                |_| {},
                |p| {
                    p.as_object_mut().unwrap().remove("killed");
                },
            ),
            "killed: expected 2..2, produced none",
        );
        assert_fails(
            &run(
                |_| {},
                |p| p["injured"] = json!({"low": 0, "high": 0, "text": "none"}),
            ),
            "injured: expected unknown",
        );
        assert!(run(
            |e| e["counts"] = json!({"released": {"low": 5, "high": 5}}),
            |p| p["counts"] = json!({"released": {"low": 5, "high": 5, "text": "five"}})
        )
        .is_empty());
        assert_fails(
            &run(
                |e| e["counts"] = json!({"released": {"low": 5, "high": 5}}),
                |_| {},
            ),
            "released: expected 5..5, produced none",
        );
    }

    #[test]
    fn date_and_duration_rules() {
        let date = |e: &mut Value| e["date"] = json!({"start": "2025-12-13", "basis": "relative"});
        assert!(run(date, |_| {}).is_empty());
        assert_fails(
            &run(date, |p| p["date"]["start"] = json!("2025-12-12")),
            "date.start: expected \"2025-12-13\"",
        );
        let dur = |e: &mut Value| e["duration"] = json!({"low_minutes": 120, "high_minutes": null});
        assert!(run(dur, |_| {}).is_empty());
        assert_fails(
            &run(dur, |p| p["duration"]["high_minutes"] = json!(180)),
            "duration.high_minutes",
        );
    }

    #[test]
    fn evidence_contains_rule() {
        assert!(run(|e| e["evidence_contains"] = json!("shot two"), |_| {}).is_empty());
        assert_fails(
            &run(|e| e["evidence_contains"] = json!("denied"), |_| {}),
            "expected a quote containing \"denied\"",
        );
    }

    #[test]
    fn attribution_rule() {
        let attr =
            |e: &mut Value| e["attribution"] = json!([{"source": "Syria TV", "kind": "media"}]);
        assert!(run(attr, |_| {}).is_empty());
        assert_fails(
            &run(attr, |p| p["attribution"] = json!([])),
            "attribution: expected Syria TV",
        );
    }

    #[test]
    fn events_are_matched_distinctly() {
        let e = expected_event();
        let f = check(
            &json!({"events": [e.clone(), e]}),
            &produced(vec![produced_event()]),
        );
        assert_fails(&f, "expected event #1");
        assert_fails(&f, "already matched");
        let two = check(
            &json!({"events": [expected_event(), expected_event()]}),
            &produced(vec![produced_event(), produced_event()]),
        );
        assert!(two.is_empty(), "{two:#?}");
    }

    #[test]
    fn matching_is_maximal_not_greedy() {
        // Expected #0 fits both produced events, #1 only the first: a greedy pass would fail.
        let mut loose = expected_event();
        loose.as_object_mut().unwrap().remove("killed");
        let strict = expected_event();
        let mut p1 = produced_event();
        p1["killed"] = json!({"low": 3, "high": 3, "text": "three"});
        let f = check(
            &json!({"events": [loose, strict]}),
            &produced(vec![produced_event(), p1]),
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn relation_rules() {
        let mut arrest = json!({"type": "COERCE", "mode": "arrest", "status": "occurred", "relations": [{"kind": "not_linked", "to": 0}]});
        let exp = json!({"events": [expected_event(), arrest.clone()]});
        let mut p_arrest = json!({"type": "COERCE", "mode": "arrest", "status": "occurred", "actors": [], "relations": [{"kind": "not_linked", "to": 1}]});
        // Produced order differs from expected order: the relation is mapped through the match.
        let ok = check(&exp, &produced(vec![p_arrest.clone(), produced_event()]));
        assert!(ok.is_empty(), "{ok:#?}");
        p_arrest["relations"] = json!([{"kind": "response_to", "to": 1}]);
        assert_fails(
            &check(&exp, &produced(vec![p_arrest.clone(), produced_event()])),
            "relation not_linked -> produced #1 missing",
        );
        arrest["relations"] = json!([{"kind": "not_linked", "to": 5}]);
        assert_fails(
            &check(
                &json!({"events": [expected_event(), arrest]}),
                &produced(vec![p_arrest, produced_event()]),
            ),
            "target event was not matched",
        );
    }

    #[test]
    fn optional_event_rule() {
        let opt = json!({"required": false, "type": "SANCTION", "status": "background",
            "actors": [{"role": "actor", "name": "Russia", "kind": "government"}]});
        let p_ok = json!({"type": "SANCTION", "status": "background", "actors": [{"role": "actor", "name": "Russia", "kind": "government"}]});
        let mut p_bad = p_ok.clone();
        p_bad["status"] = json!("occurred");
        assert!(check(&json!({"events": [opt.clone()]}), &produced(vec![])).is_empty());
        assert!(check(&json!({"events": [opt.clone()]}), &produced(vec![p_ok])).is_empty());
        assert_fails(
            &check(&json!({"events": [opt]}), &produced(vec![p_bad])),
            "breaks its rule: status: expected background",
        );
    }

    fn with_forbid(forbid: Value, p: Value) -> Vec<String> {
        check(&json!({"events": [], "forbid": forbid}), &produced(vec![p]))
    }

    #[test]
    fn forbid_zero_counts() {
        let f = json!({"zero_counts": ["killed", "injured"]});
        assert!(with_forbid(f.clone(), produced_event()).is_empty());
        let mut p = produced_event();
        p["injured"] = json!({"low": 0, "high": 0, "text": ""});
        assert_fails(&with_forbid(f, p), "has injured 0..0");
    }

    #[test]
    fn forbid_evidence_phrases() {
        assert!(with_forbid(
            json!({"evidence_phrases": ["Black Hawk"]}),
            produced_event()
        )
        .is_empty());
        assert_fails(
            &with_forbid(json!({"evidence_phrases": ["shot TWO"]}), produced_event()),
            "evidence containing \"shot TWO\"",
        );
    }

    #[test]
    fn forbid_events_near_coordinates() {
        let us = json!({"events": [{"type": "ASSAULT", "statuses": ["occurred", "claimed"], "lat": 40.0, "lon": -98.0, "tolerance_km": 3500}]});
        assert!(with_forbid(us.clone(), produced_event()).is_empty());
        let mut p = produced_event();
        p["location"] = json!({"name": "Palmyra", "country": "US", "lat": 43.06, "lon": -77.23, "precision": "town"});
        assert_fails(
            &with_forbid(us.clone(), p.clone()),
            "forbid events: produced #0",
        );
        // Other statuses are allowed there.
        p["status"] = json!("background");
        assert!(with_forbid(us, p).is_empty());
    }

    #[test]
    fn forbid_types() {
        assert!(with_forbid(json!({"types": ["PROTEST"]}), produced_event()).is_empty());
        assert_fails(
            &with_forbid(json!({"types": ["assault"]}), produced_event()),
            "forbidden type assault",
        );
    }

    #[test]
    fn forbid_person_places() {
        let f = json!({"person_places": ["Palmyra"]});
        assert!(with_forbid(f.clone(), produced_event()).is_empty());
        let mut out = produced(vec![produced_event()]);
        out["entities"][0]["kind"] = json!("person");
        assert_fails(
            &check(&json!({"events": [], "forbid": f}), &out),
            "tagged as a person",
        );
    }

    #[test]
    fn sentence_class_rules() {
        let classes = json!({"sentence_classes": {"furniture": ["Other headline here", "Share this story"],
            "commentary_examples": ["Critics argue it matters."]}});
        // The event comes from sentence 0: fine. "Share this story" is absent: cleaned away, fine.
        assert!(check(&classes, &produced(vec![produced_event()])).is_empty());
        // An event whose evidence lies in the furniture line fails.
        let mut p = produced_event();
        p["evidence"] = json!([{"document": "d", "span": {"start": 63, "end": 82}, "quote": "Other headline here"}]);
        p["sentence"] = json!(2);
        assert_fails(
            &check(&classes, &produced(vec![p])),
            "comes from a furniture sentence",
        );
        // A commentary line classed as report fails, and a missing commentary line fails.
        let mut out = produced(vec![]);
        out["sentences"][1]["class"] = json!("report");
        assert_fails(
            &check(&classes, &out),
            "should be commentary, produced report",
        );
        out["sentences"].as_array_mut().unwrap().remove(1);
        assert_fails(&check(&classes, &out), "commentary sentence not found");
    }

    #[test]
    fn norm_name_ignores_case_punctuation_and_the() {
        assert_eq!(norm_name("the U.S. Military"), norm_name("US military"));
        assert_eq!(norm_name("Al-Shabaab"), norm_name("al Shabaab"));
        assert_ne!(norm_name("ISIS"), norm_name("ISWAP"));
    }

    #[test]
    fn haversine_is_sane() {
        assert!(haversine_km(34.56, 38.28, 34.56, 38.28) < 1e-6);
        let d = haversine_km(34.56, 38.28, 43.06, -77.23); // Tadmur to Palmyra NY
        assert!((9000.0..10500.0).contains(&d), "{d}");
    }

    #[test]
    fn summary_is_compact() {
        let s = summary(&produced(vec![produced_event()]));
        assert_eq!(s["events"][0]["type"], "ASSAULT");
        assert_eq!(s["events"][0]["location"], "Tadmur [SY] town");
        assert_eq!(s["events"][0]["counts"]["killed"], json!([2, 2]));
        assert_eq!(s["sentences"][1], "commentary: Critics argue it matters.");
    }
}
