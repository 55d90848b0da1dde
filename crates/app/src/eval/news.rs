//! `sitrep eval news`: over-triggering on general news with topic labels only (BBC, AG News).
//!
//! There are no event labels, so this measures rates, not accuracy: reported events (status
//! occurred or claimed) per 1,000 articles, by topic and by event type. Sport, business,
//! entertainment and technology stories rarely report political violence, so violent events
//! there are mostly false alarms; the triggers behind them are listed so they can be fixed.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use serde::Deserialize;
use serde_json::json;
use sitrep_core::EventType;

use super::common::{self, r4, SetArgs};

#[derive(Debug, Deserialize)]
struct Article {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
    category: String,
    #[serde(default)]
    title_repaired: Option<String>,
    #[serde(default)]
    text_repaired: Option<String>,
    /// Exact copies are counted once.
    #[serde(default)]
    duplicate_of: Option<String>,
}

impl Article {
    /// Title, blank line, body: the shape the sets' READMEs say to feed an engine, with the
    /// repaired fields where a set has them.
    fn document_text(&self) -> String {
        let title = self.title_repaired.as_deref().unwrap_or(&self.title);
        let text = self.text_repaired.as_deref().unwrap_or(&self.text);
        format!("{title}\n\n{text}")
    }
}

/// Topics in which violent events are expected (the rest count towards over-triggering).
fn is_news_of_conflict(category: &str) -> bool {
    matches!(category.to_ascii_lowercase().as_str(), "politics" | "world")
}

/// Events of violence and coercion: the ones an analyst would map as incidents.
fn is_violent(t: EventType) -> bool {
    matches!(t, EventType::Assault | EventType::Coerce)
}

#[derive(Debug, Default, Clone)]
struct Tally {
    articles: usize,
    events: usize,
    violent: usize,
    /// Articles with at least one violent event.
    violent_articles: usize,
    /// Reported incidents (disasters, accidents, organised crime; status occurred), after
    /// the mentions of one happening are merged.
    incidents: usize,
    by_type: BTreeMap<String, usize>,
}

fn per_k(n: usize, articles: usize) -> f64 {
    if articles == 0 {
        0.0
    } else {
        1000.0 * n as f64 / articles as f64
    }
}

pub fn run(args: SetArgs, data_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let articles: Vec<Article> = args.records()?;
    let articles: Vec<Article> = articles
        .into_iter()
        .filter(|a| a.duplicate_of.is_none())
        .collect();
    let res = crate::pipeline::load_resources(data_dir)?;
    let docs: Vec<_> = articles
        .iter()
        .map(|a| common::gold_document(&a.id, &a.document_text(), None))
        .collect();
    let extractions = common::extract_all(&docs, &res);

    let mut by_topic: BTreeMap<String, Tally> = BTreeMap::new();
    let mut off_topic = Tally::default();
    let mut on_topic = Tally::default();
    // Triggers of violent events in off-topic articles, with an example article id.
    let mut false_alarms: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (a, x) in articles.iter().zip(&extractions) {
        let reported: Vec<_> = x
            .events
            .iter()
            .filter(|e| e.status.counts_as_current())
            .collect();
        let violent = reported.iter().filter(|e| is_violent(e.event_type)).count();
        let incidents = x
            .incidents
            .iter()
            .filter(|i| i.status.counts_as_current())
            .count();
        let topic = by_topic.entry(a.category.clone()).or_default();
        let side = if is_news_of_conflict(&a.category) {
            &mut on_topic
        } else {
            &mut off_topic
        };
        for t in [topic, side] {
            t.articles += 1;
            t.events += reported.len();
            t.violent += violent;
            t.violent_articles += usize::from(violent > 0);
            t.incidents += incidents;
            for e in &reported {
                *t.by_type
                    .entry(e.event_type.as_str().to_string())
                    .or_default() += 1;
            }
        }
        if !is_news_of_conflict(&a.category) {
            for e in reported.iter().filter(|e| is_violent(e.event_type)) {
                let key = format!(
                    "{} {}",
                    e.event_type.as_str(),
                    e.trigger.as_deref().unwrap_or("?").to_lowercase()
                );
                let slot = false_alarms.entry(key).or_insert((0, a.id.clone()));
                slot.0 += 1;
            }
        }
    }

    let mut summary = String::from(
        "topic            articles  events/1k  violent/1k  articles with violent %  incidents/1k\n",
    );
    let mut table = String::from(
        "| topic | articles | events per 1,000 | violent events per 1,000 | articles with a violent event % | incidents per 1,000 |\n\
         |---|---:|---:|---:|---:|---:|\n",
    );
    let rows = by_topic.iter().map(|(k, t)| (k.clone(), t)).chain([
        ("(politics/world)".to_string(), &on_topic),
        ("(all other topics)".to_string(), &off_topic),
    ]);
    for (name, t) in rows {
        let share = 100.0 * common::ratio(t.violent_articles, t.articles);
        summary += &format!(
            "{name:<16} {:>8} {:>10.0} {:>11.0} {:>24.1} {:>13.0}\n",
            t.articles,
            per_k(t.events, t.articles),
            per_k(t.violent, t.articles),
            share,
            per_k(t.incidents, t.articles)
        );
        table += &format!(
            "| {name} | {} | {:.0} | {:.0} | {share:.1} | {:.0} |\n",
            t.articles,
            per_k(t.events, t.articles),
            per_k(t.violent, t.articles),
            per_k(t.incidents, t.articles)
        );
    }
    let mut types = String::from("| topic | type | events per 1,000 |\n|---|---|---:|\n");
    for (name, t) in &by_topic {
        let mut v: Vec<_> = t.by_type.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (ty, n) in v.into_iter().take(5) {
            types += &format!("| {name} | {ty} | {:.0} |\n", per_k(*n, t.articles));
        }
    }
    let mut alarms: Vec<_> = false_alarms.into_iter().collect();
    alarms.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    let mut alarm_table =
        String::from("| type and trigger | events | example article |\n|---|---:|---|\n");
    for (k, (n, id)) in alarms.iter().take(30) {
        alarm_table += &format!("| {k} | {n} | {id} |\n");
    }

    let mut md = common::report_header(
        "Over-triggering on general news",
        "sitrep eval news --gold ../shared/gold/news_bbc/news_bbc.jsonl \
         --gold ../shared/gold/news_agnews_test/news_agnews_test.jsonl",
        &args,
        "No event labels: these are rates. An event counts when its status is occurred or \
         claimed. *Violent* = ASSAULT or COERCE. Exact duplicates (`duplicate_of`) are dropped. \
         Politics and World stories may report violence; in the other topics (business, sport, \
         entertainment, technology) violent events are mostly false alarms, so the lower the \
         off-topic rate the better. *Incidents* are the non-political incidents (disasters, \
         accidents, organised crime) reported as occurring, one per happening per article; \
         aftermath mentions (\"the tsunami relief fund\") are background and not counted.",
    );
    md += "## Rates by topic\n\n";
    md += &table;
    md += "\n## Most frequent event types by topic\n\n";
    md += &types;
    md += "\n## Violent events outside politics and world news, by trigger\n\n";
    md += &alarm_table;

    let headline = json!({
        "eval": "news",
        "articles": on_topic.articles + off_topic.articles,
        "off_topic_articles": off_topic.articles,
        "off_topic_violent_per_1k": r4(per_k(off_topic.violent, off_topic.articles)),
        "off_topic_events_per_1k": r4(per_k(off_topic.events, off_topic.articles)),
        "off_topic_violent_article_share": r4(common::ratio(off_topic.violent_articles, off_topic.articles)),
        "on_topic_violent_per_1k": r4(per_k(on_topic.violent, on_topic.articles)),
        "incidents_per_1k": r4(per_k(
            on_topic.incidents + off_topic.incidents,
            on_topic.articles + off_topic.articles
        )),
    });
    common::finish(&args.report_path("news"), &md, &summary, &headline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repaired_fields_win_and_title_leads() {
        let a: Article = serde_json::from_str(
            r#"{"id":"1","title":"T  x","text":"b","category":"Sports","title_repaired":"T x"}"#,
        )
        .unwrap();
        assert_eq!(a.document_text(), "T x\n\nb");
    }

    #[test]
    fn rates_are_per_thousand_articles() {
        assert_eq!(per_k(3, 1500), 2.0);
        assert_eq!(per_k(1, 0), 0.0);
        assert!(is_news_of_conflict("World") && is_news_of_conflict("politics"));
        assert!(!is_news_of_conflict("sport"));
    }
}
