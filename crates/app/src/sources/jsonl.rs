//! JSONL / NDJSON input: one article per line, read with bounded memory per line.

use std::io::BufRead;

use serde_json::{Map, Value};
use sitrep_core::{Diagnostic, DocumentFormat};
use sitrep_text::clean::{clean_html, clean_text, normalise_date};

use super::{make_document, raw_id, Meta, Output, SourceOptions};

/// Streams a JSONL reader, one line at a time; a bad line gives a diagnostic naming
/// `path:line` and reading goes on.
pub struct JsonlReader {
    reader: Box<dyn BufRead>,
    name: String,
    line_no: usize,
    max_line: usize,
    opts: SourceOptions,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    pub fn new(reader: Box<dyn BufRead>, name: String, opts: &SourceOptions) -> Self {
        let max_line = usize::try_from(opts.max_bytes).unwrap_or(usize::MAX);
        JsonlReader {
            reader,
            name,
            line_no: 0,
            max_line,
            opts: opts.clone(),
            buf: Vec::new(),
            done: false,
        }
    }

    /// The outputs of the next non-blank line (a document, diagnostics, or both), or `None`
    /// at the end of input.
    pub fn next_outputs(&mut self) -> Option<Vec<Output>> {
        loop {
            if self.done {
                return None;
            }
            self.line_no += 1;
            let at = format!("{}:{}", self.name, self.line_no);
            match read_line_bounded(self.reader.as_mut(), self.max_line, &mut self.buf) {
                Err(e) => {
                    self.done = true;
                    return Some(vec![Err(diag(&at, format!("read error: {e}")))]);
                }
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(true)) => {
                    return Some(vec![Err(diag(
                        &at,
                        format!(
                            "line longer than the limit of {} bytes; skipped",
                            self.max_line
                        ),
                    ))]);
                }
                Ok(Some(false)) => {}
            }
            let mut line: &[u8] = &self.buf;
            if self.line_no == 1 {
                line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let out = match std::str::from_utf8(line) {
                Err(e) => vec![Err(diag(
                    &at,
                    format!("invalid UTF-8 at byte {}; line skipped", e.valid_up_to()),
                ))],
                Ok(s) => record(
                    s.trim_end_matches(['\n', '\r']),
                    &at,
                    &self.name,
                    self.line_no,
                    &self.opts,
                ),
            };
            return Some(out);
        }
    }
}

fn diag(input: &str, message: String) -> Diagnostic {
    Diagnostic {
        input: input.to_string(),
        message,
    }
}

/// Reads one line (up to and including `\n`) into `buf`, holding at most `max + 1` bytes.
/// `Ok(None)` at end of input; `Ok(Some(true))` when the line was too long (its bytes are
/// consumed and dropped).
fn read_line_bounded(
    r: &mut dyn BufRead,
    max: usize,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<bool>> {
    buf.clear();
    let mut truncated = false;
    let mut any = false;
    loop {
        let available = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(truncated));
        }
        any = true;
        let (n, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !truncated {
            if buf.len() + n > max.saturating_add(1) {
                truncated = true;
                buf.clear();
                buf.shrink_to(64 * 1024);
            } else {
                buf.extend_from_slice(&available[..n]);
            }
        }
        r.consume(n);
        if done {
            return Ok(Some(truncated));
        }
    }
}

/// One JSON record to a document. Fields: `id`, `url`, `title`, `text` or `html`,
/// `published`, `source`; others are ignored.
fn record(line: &str, at: &str, name: &str, line_no: usize, opts: &SourceOptions) -> Vec<Output> {
    match serde_json::from_str::<Value>(line) {
        Ok(v) => record_value(v, line.as_bytes(), at, format!("{name}#{line_no}"), opts),
        Err(e) => vec![Err(diag(at, format!("invalid JSON: {e}")))],
    }
}

/// A whole JSON file (`.json`, or stdin starting with `[`): an array of records or one
/// record. `None` when it does not parse as one JSON value (it may be JSONL).
pub fn json_file_outputs(bytes: &[u8], name: &str, opts: &SourceOptions) -> Option<Vec<Output>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).ok()?;
    let items = match value {
        Value::Array(items) => items,
        other => vec![other],
    };
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        // Diagnostics and origins number array elements from 1, like JSONL lines.
        let origin = format!("{name}#{}", i + 1);
        let own = serde_json::to_vec(&item).unwrap_or_default();
        out.extend(record_value(item, &own, &origin.clone(), origin, opts));
    }
    Some(out)
}

/// One parsed JSON record to a document; `own` is its serialised form (for the hash id).
fn record_value(
    value: Value,
    own: &[u8],
    at: &str,
    origin: String,
    opts: &SourceOptions,
) -> Vec<Output> {
    let obj: Map<String, Value> = match value {
        Value::Object(o) => o,
        other => {
            return vec![Err(diag(
                at,
                format!("expected a JSON object, found {}", kind(&other)),
            ))];
        }
    };
    let string = |k: &str| -> Option<String> {
        match obj.get(k)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        }
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let (raw, cleaned) = match (obj.get("text"), obj.get("html")) {
        (Some(Value::String(t)), _) if !t.trim().is_empty() => (t.clone(), clean_text(t)),
        (_, Some(Value::String(h))) if !h.trim().is_empty() => (h.clone(), clean_html(h)),
        (Some(v), _) if !v.is_string() => {
            return vec![Err(diag(
                at,
                format!("field 'text' must be a string, found {}", kind(v)),
            ))];
        }
        _ => {
            return vec![Err(diag(
                at,
                "no non-empty 'text' or 'html' field; line skipped".into(),
            ))]
        }
    };
    let mut out = Vec::new();
    let mut published = None;
    if let Some(p) = string("published") {
        published = normalise_date(&p);
        if published.is_none() {
            out.push(Err(diag(
                at,
                format!("'published' value {p:?} is not a date; ignored"),
            )));
        }
    }
    let meta = Meta {
        id: id.unwrap_or_else(|| raw_id(own, &origin)),
        url: string("url").or(cleaned.url.clone()),
        title: string("title").or(cleaned.title.clone()),
        source: string("source").or(cleaned.site_name.clone()),
        published: published.or(cleaned.published.clone()),
    };
    out.push(make_document(
        meta,
        DocumentFormat::Jsonl,
        origin,
        raw,
        cleaned,
        opts,
    ));
    out
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines() {
        let data = b"short\n0123456789abcdef\nlast".to_vec();
        let mut r: Box<dyn BufRead> = Box::new(std::io::BufReader::with_capacity(
            4,
            std::io::Cursor::new(data),
        ));
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(r.as_mut(), 8, &mut buf).unwrap(),
            Some(false)
        );
        assert_eq!(buf, b"short\n");
        assert_eq!(
            read_line_bounded(r.as_mut(), 8, &mut buf).unwrap(),
            Some(true)
        );
        assert_eq!(
            read_line_bounded(r.as_mut(), 8, &mut buf).unwrap(),
            Some(false)
        );
        assert_eq!(buf, b"last");
        assert_eq!(read_line_bounded(r.as_mut(), 8, &mut buf).unwrap(), None);
    }
}
