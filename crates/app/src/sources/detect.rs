//! Input format detection from the file extension and the first bytes of content.

use std::path::Path;

/// What an input file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    Text,
    Html,
    /// RSS, Atom or JSON Feed: one document per item.
    Feed,
    /// One JSON object per line: one document per line.
    Jsonl,
}

impl InputFormat {
    pub fn parse(s: &str) -> Option<InputFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(InputFormat::Text),
            "html" | "htm" => Some(InputFormat::Html),
            "feed" | "rss" | "atom" => Some(InputFormat::Feed),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            _ => None,
        }
    }
}

/// Lower-cased extension of `path`.
pub fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The format fixed by an extension alone, when it is unambiguous.
pub fn by_extension(ext: Option<&str>) -> Option<InputFormat> {
    match ext? {
        "html" | "htm" | "xhtml" | "shtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "rss" | "atom" => Some(InputFormat::Feed),
        _ => None,
    }
}

/// Sniffs the format from the start of the content (decoded text or raw bytes).
pub fn sniff(head: &[u8]) -> InputFormat {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..head.len().min(start + 2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if lower.starts_with(b"<?xml")
        || lower.starts_with(b"<rss")
        || lower.starts_with(b"<feed")
        || lower.starts_with(b"<rdf:rdf")
    {
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return InputFormat::Feed;
        }
        if has(b"<html") {
            return InputFormat::Html;
        }
        return InputFormat::Text;
    }
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
        || lower.starts_with(b"<body")
    {
        return InputFormat::Html;
    }
    if lower.starts_with(b"<") && (has(b"</p>") || has(b"</div>") || has(b"<br")) {
        return InputFormat::Html;
    }
    if lower.starts_with(b"[") && has(b"{") {
        return InputFormat::Jsonl;
    }
    if lower.starts_with(b"{") {
        if has(b"jsonfeed.org/version") {
            return InputFormat::Feed;
        }
        return InputFormat::Jsonl;
    }
    InputFormat::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            InputFormat::Feed
        );
        assert_eq!(
            sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            InputFormat::Feed
        );
        assert_eq!(sniff(b"{\"id\": 1, \"text\": \"x\"}\n"), InputFormat::Jsonl);
        assert_eq!(
            sniff(b"{\"version\": \"https://jsonfeed.org/version/1.1\"}"),
            InputFormat::Feed
        );
        assert_eq!(sniff(b"<p>fragment</p>"), InputFormat::Html);
        assert_eq!(sniff(b"ALEPPO, May 2 - Shelling"), InputFormat::Text);
        assert_eq!(sniff(b"<3 is not a tag"), InputFormat::Text);
        assert_eq!(by_extension(Some("htm")), Some(InputFormat::Html));
        assert_eq!(by_extension(Some("txt")), None);
        assert_eq!(InputFormat::parse("RSS"), Some(InputFormat::Feed));
        assert_eq!(InputFormat::parse("pdf"), None);
    }
}
