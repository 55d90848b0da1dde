//! `sitrep eval case2021`: event type of short snippets against CASE 2021 task 2 labels
//! (ACLED sub-event types plus five types outside ACLED), through the frozen mapping table
//! `data/mappings/eval/case2021.tsv`.
//!
//! Each snippet gets one label: the engine runs on the snippet, its reported events (not
//! background, planned, hypothetical, negated or merely threatened) are taken in text order,
//! and the first one the table maps to a specific label wins; ACLED's catch-all "Other" is
//! used only when nothing more specific is found. NATURAL_DISASTER, MAN_MADE_DISASTER and
//! ORG_CRIME (the table's `none` rows: no event maps to them) are read from the engine's
//! non-political incidents, as the fallback when no event has a specific label: before the
//! catch-all, since a disaster or crime is a more specific reading of a snippet than "Other".
//! A snippet with neither gets no label, which counts as a miss.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde::Deserialize;
use serde_json::json;
use sitrep_core::{AttributionKind, Event, EventStatus, Extraction, IncidentKind};

use super::common::{self, pct, r4, LabelScores, SetArgs};

const TABLE: &str = include_str!("../../../../data/mappings/eval/case2021.tsv");

/// The CASE label of each incident kind: the three "unseen" labels outside the codebook's
/// event types, which the engine codes as incidents rather than events.
const INCIDENT_LABELS: [(IncidentKind, &str); 3] = [
    (IncidentKind::NaturalDisaster, "NATURAL_DISASTER"),
    (IncidentKind::ManMadeDisaster, "MAN_MADE_DISASTER"),
    (IncidentKind::OrganisedCrime, "ORG_CRIME"),
];

#[derive(Debug, Deserialize)]
struct Snippet {
    id: String,
    text: String,
    label: String,
}

/// How one table row recognises its label on an engine event.
#[derive(Debug, Clone, PartialEq)]
enum Rule {
    Claim,
    Acled(String),
    Plover(Vec<String>),
    Never,
}

#[derive(Debug, Clone)]
pub struct Mapping {
    rows: Vec<(Rule, String)>,
}

impl Mapping {
    pub fn parse(tsv: &str) -> anyhow::Result<Mapping> {
        let mut rows = Vec::new();
        for (i, line) in tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') || line.starts_with("rule\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 3 {
                bail!(
                    "case2021 mapping line {}: expected 3 tab-separated columns",
                    i + 1
                );
            }
            let rule = match cols[0] {
                "claim" => Rule::Claim,
                "acled" => Rule::Acled(cols[2].to_string()),
                "plover" => Rule::Plover(cols[2].split('|').map(str::to_string).collect()),
                "none" => Rule::Never,
                other => bail!("case2021 mapping line {}: unknown rule '{other}'", i + 1),
            };
            rows.push((rule, cols[1].to_string()));
        }
        Ok(Mapping { rows })
    }

    /// Every label the table knows, so the report lists unsupported ones too.
    fn labels(&self) -> impl Iterator<Item = &str> {
        self.rows.iter().map(|(_, l)| l.as_str())
    }

    /// The label of one event, if any row matches.
    fn label_of(&self, e: &Event) -> Option<&str> {
        self.rows.iter().find_map(|(rule, label)| {
            let hit = match rule {
                Rule::Claim => {
                    e.status == EventStatus::Denied
                        || e.attribution
                            .iter()
                            .any(|a| a.kind == AttributionKind::GroupClaim)
                }
                Rule::Acled(sub) => e.acled_sub_event_type.as_deref() == Some(sub.as_str()),
                Rule::Plover(types) => types.iter().any(|t| t == e.event_type.as_str()),
                Rule::Never => false,
            };
            hit.then_some(label.as_str())
        })
    }

    /// The label of the snippet's first reported incident, if the table lists that label as
    /// one no event maps to (`none`).
    fn incident_label<'a>(&'a self, x: &Extraction) -> Option<&'a str> {
        let mut incidents: Vec<_> = x.incidents.iter().filter(|i| reported(i.status)).collect();
        incidents.sort_by_key(|i| (i.sentence, i.span.start));
        incidents.iter().find_map(|i| {
            let (_, label) = INCIDENT_LABELS.iter().find(|(k, _)| *k == i.kind)?;
            self.rows
                .iter()
                .find(|(rule, l)| *rule == Rule::Never && l == label)
                .map(|(_, l)| l.as_str())
        })
    }

    /// The snippet's label: the first event in text order with a specific label, else the
    /// first incident's label, else the first event with the catch-all, else none.
    pub fn snippet_label<'a>(&'a self, x: &Extraction) -> Option<&'a str> {
        let mut events: Vec<&Event> = x.events.iter().filter(|e| reported(e.status)).collect();
        events.sort_by_key(|e| {
            (
                e.sentence.unwrap_or(usize::MAX),
                e.evidence.first().map_or(usize::MAX, |ev| ev.span.start),
            )
        });
        let labels: Vec<&str> = events.iter().filter_map(|e| self.label_of(e)).collect();
        labels
            .iter()
            .find(|l| **l != "OTHER")
            .copied()
            .or_else(|| self.incident_label(x))
            .or_else(|| labels.first().copied())
    }
}

/// Statuses that report something happening (or a claim or denial about it).
fn reported(s: EventStatus) -> bool {
    matches!(
        s,
        EventStatus::Occurred | EventStatus::Claimed | EventStatus::Denied
    )
}

pub fn run(args: SetArgs, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mapping = Mapping::parse(TABLE).context("reading data/mappings/eval/case2021.tsv")?;
    let snippets: Vec<Snippet> = args.records()?;
    let res = crate::pipeline::load_resources(data_dir)?;
    let docs: Vec<_> = snippets
        .iter()
        .map(|s| common::gold_document(&s.id, &s.text, None))
        .collect();
    let extractions = common::extract_all(&docs, &res);

    let mut scores = LabelScores::default();
    for l in mapping.labels() {
        scores.declare(l);
    }
    let mut errors = Vec::new();
    let mut unlabelled = 0;
    for (s, x) in snippets.iter().zip(&extractions) {
        let pred = mapping.snippet_label(x);
        unlabelled += usize::from(pred.is_none());
        if pred != Some(s.label.as_str()) {
            errors.push((
                s.id.clone(),
                s.label.clone(),
                pred.unwrap_or("-").to_string(),
            ));
        }
        scores.add_single(&s.label, pred);
    }

    let summary = format!(
        "case2021: {} snippets, weighted F1 {}, macro F1 {}, accuracy {}, no label {}\n",
        scores.items,
        pct(scores.weighted_f1()),
        pct(scores.macro_f1()),
        pct(scores.accuracy()),
        unlabelled
    );
    let mut md = common::report_header(
        "CASE 2021 task 2: snippet event type",
        "sitrep eval case2021 --gold ../shared/gold/case2021_task2/dev.jsonl",
        &args,
        "Rule: one label per snippet. The engine's reported events (status occurred, claimed or \
         denied) are taken in text order; the first one that `data/mappings/eval/case2021.tsv` \
         maps to a specific label wins; else the first reported non-political incident gives \
         NATURAL_DISASTER, MAN_MADE_DISASTER or ORG_CRIME (labels outside the codebook's event \
         types, coded as incidents); ACLED's catch-all OTHER only when nothing else maps. A \
         snippet without either has no label and counts as a miss. Weighted F1 weights \
         each class's F1 by its gold support (the shared task's measure); macro F1 averages \
         classes with support. Percentages.",
    );
    md += &format!(
        "## Headline\n\n| snippets | weighted F1 | macro F1 | accuracy | no label |\n\
         |---:|---:|---:|---:|---:|\n| {} | {} | {} | {} | {} |\n\n\
         Target (issue 5): weighted F1 >= 85.0. Best shared-task system: 83.9 on the test part.\n\n",
        scores.items,
        pct(scores.weighted_f1()),
        pct(scores.macro_f1()),
        pct(scores.accuracy()),
        unlabelled
    );
    md += "## Per class\n\n";
    md += &scores.class_table();
    md += "\n## Confusions\n\n";
    md += &scores.confusion_table(25);
    md += "\n## Error sample\n\nFirst 40 misses (record id, gold, engine).\n\n| id | gold | engine |\n|---|---|---|\n";
    for (id, g, p) in errors.iter().take(40) {
        md += &format!("| {id} | {g} | {p} |\n");
    }
    let headline = json!({
        "eval": "case2021",
        "snippets": scores.items,
        "weighted_f1": r4(scores.weighted_f1()),
        "macro_f1": r4(scores.macro_f1()),
        "accuracy": r4(scores.accuracy()),
        "unlabelled": unlabelled,
    });
    common::finish(&args.report_path("case2021"), &md, &summary, &headline)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::{Attribution, EventType};

    fn event(t: EventType, sub: Option<&str>, status: EventStatus, sentence: usize) -> Event {
        Event {
            acled_sub_event_type: sub.map(str::to_string),
            sentence: Some(sentence),
            ..Event::new(t, status)
        }
    }

    fn extraction(events: Vec<Event>) -> Extraction {
        Extraction {
            document: common::gold_document("t", "x", None),
            sentences: vec![],
            entities: vec![],
            events,
            incidents: vec![],
            diagnostics: vec![],
        }
    }

    #[test]
    fn the_committed_table_parses_and_covers_every_label() {
        let m = Mapping::parse(TABLE).unwrap();
        let labels: Vec<&str> = m.labels().collect();
        assert_eq!(labels.len(), 31, "{labels:?}"); // 30 labels, ATTACK twice
        for l in ["ATTRIB", "GRENADE", "DIPLO", "ORG_CRIME", "OTHER"] {
            assert!(labels.contains(&l), "{l}");
        }
    }

    #[test]
    fn first_specific_label_wins_and_other_is_the_last_resort() {
        let m = Mapping::parse(TABLE).unwrap();
        let x = extraction(vec![
            event(EventType::Mobilize, Some("Other"), EventStatus::Occurred, 0),
            event(
                EventType::Assault,
                Some("Grenade"),
                EventStatus::Occurred,
                1,
            ),
        ]);
        assert_eq!(m.snippet_label(&x), Some("GRENADE"));
        let only_other = extraction(vec![event(
            EventType::Mobilize,
            Some("Other"),
            EventStatus::Occurred,
            0,
        )]);
        assert_eq!(m.snippet_label(&only_other), Some("OTHER"));
    }

    #[test]
    fn background_events_are_ignored_and_claims_read_as_attrib() {
        let m = Mapping::parse(TABLE).unwrap();
        let bg = extraction(vec![event(
            EventType::Assault,
            Some("Armed clash"),
            EventStatus::Background,
            0,
        )]);
        assert_eq!(m.snippet_label(&bg), None);
        let mut claimed = event(EventType::Assault, Some("Attack"), EventStatus::Claimed, 0);
        claimed.attribution.push(Attribution {
            source: "a group".into(),
            kind: AttributionKind::GroupClaim,
            cue: "claimed responsibility".into(),
            span: None,
        });
        assert_eq!(m.snippet_label(&extraction(vec![claimed])), Some("ATTRIB"));
        let sanction = event(EventType::Sanction, Some("Other"), EventStatus::Occurred, 0);
        assert_eq!(m.snippet_label(&extraction(vec![sanction])), Some("DIPLO"));
        let vague = event(EventType::Assault, None, EventStatus::Occurred, 0);
        assert_eq!(m.snippet_label(&extraction(vec![vague])), Some("ATTACK"));
    }

    #[test]
    fn incidents_label_a_snippet_only_when_no_event_has_a_specific_label() {
        use sitrep_core::{Incident, Span};
        let m = Mapping::parse(TABLE).unwrap();
        let flood = Incident {
            kind: IncidentKind::NaturalDisaster,
            hazard: "flood".into(),
            trigger: "floods".into(),
            span: Span::new(0, 6),
            status: EventStatus::Occurred,
            location: None,
            date: None,
            counts: Default::default(),
            evidence: vec![],
            sentence: 0,
        };
        let mut x = extraction(vec![event(
            EventType::Coerce,
            Some("Other"),
            EventStatus::Occurred,
            0,
        )]);
        x.incidents.push(flood.clone());
        assert_eq!(m.snippet_label(&x), Some("NATURAL_DISASTER"));
        x.events.push(event(
            EventType::Protest,
            Some("Peaceful protest"),
            EventStatus::Occurred,
            1,
        ));
        assert_eq!(m.snippet_label(&x), Some("PEACE_PROTEST"));
        let recalled = Incident {
            status: EventStatus::Background,
            ..flood
        };
        let mut old = extraction(vec![]);
        old.incidents.push(recalled);
        assert_eq!(m.snippet_label(&old), None);
    }

    #[test]
    fn a_bad_table_row_is_named() {
        let e = Mapping::parse("acled\tX\n").unwrap_err().to_string();
        assert!(e.contains("line 1"), "{e}");
        let e = Mapping::parse("guess\tX\tY\n").unwrap_err().to_string();
        assert!(e.contains("unknown rule"), "{e}");
    }
}
