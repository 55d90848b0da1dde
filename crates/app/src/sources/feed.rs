//! RSS, Atom and JSON Feed input through `feed-rs`: one document per item.

use sitrep_core::{Diagnostic, DocumentFormat};
use sitrep_text::clean::{clean_html, clean_text};

use super::{make_document, raw_id, Meta, Output, SourceOptions};

/// Parses a feed (raw bytes: feed-rs honours the XML encoding declaration) into one output
/// per item. An unparseable feed is one diagnostic; an empty feed yields nothing.
pub fn feed_outputs(bytes: &[u8], name: &str, opts: &SourceOptions) -> Vec<Output> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(Diagnostic {
                input: name.to_string(),
                message: format!("not a valid RSS/Atom/JSON feed: {e}"),
            })]
        }
    };
    let feed_title = feed
        .title
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let mut out = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let origin = format!("{name}#item-{}", i + 1);
        let title = entry
            .title
            .map(|t| collapse(&t.content))
            .filter(|t| !t.is_empty());
        // Prefer the full content, then the summary; fall back to the headline alone.
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone().map(|b| (b, c.content_type.to_string())))
            .filter(|(b, _)| !b.trim().is_empty())
            .or_else(|| {
                entry
                    .summary
                    .as_ref()
                    .map(|s| (s.content.clone(), s.content_type.to_string()))
                    .filter(|(b, _)| !b.trim().is_empty())
            });
        let (raw, cleaned) = match body {
            Some((b, ct)) if ct.contains("html") || (b.contains('<') && b.contains('>')) => {
                let c = clean_html(&b);
                (b, c)
            }
            Some((b, _)) => {
                let c = clean_text(&b);
                (b, c)
            }
            None => match &title {
                Some(t) => (t.clone(), clean_text(t)),
                None => {
                    out.push(Err(Diagnostic {
                        input: origin,
                        message: "feed item has no title, content or summary".into(),
                    }));
                    continue;
                }
            },
        };
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|h| !h.is_empty());
        let published = entry
            .published
            .or(entry.updated)
            .map(|d| d.format("%Y-%m-%d").to_string());
        let id = if entry.id.trim().is_empty() {
            raw_id(raw.as_bytes(), &origin)
        } else {
            entry.id.trim().to_string()
        };
        let meta = Meta {
            id,
            url: link,
            title,
            source: feed_title.clone(),
            published: published.or(cleaned.published.clone()),
        };
        out.push(make_document(
            meta,
            DocumentFormat::FeedItem,
            origin,
            raw,
            cleaned,
            opts,
        ));
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
