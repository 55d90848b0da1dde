//! Input sources: files, directories, stdin; plain text, HTML, RSS/Atom/JSON Feed, JSONL.
//!
//! [`read_inputs`] streams [`Document`]s: directories are walked recursively in sorted order
//! one directory listing at a time, JSONL is read line by line, and no file larger than
//! [`SourceOptions::max_bytes`] is read into memory. Every problem (unreadable path, empty or
//! binary file, oversized input, bad JSONL line, broken feed) is a [`Diagnostic`] item in the
//! stream, and the batch goes on.
// Until the CLI calls into this module, much of it is unused outside tests.

mod detect;
mod feed;
mod jsonl;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use sitrep_core::{Diagnostic, Document, DocumentFormat};
use sitrep_text::clean::{clean_html, clean_text, content_hash, decode, normalise_date, Cleaned};
use xxhash_rust::xxh3::Xxh3;

pub use detect::InputFormat;
use jsonl::JsonlReader;

/// One item of the input stream.
pub type Output = Result<Document, Diagnostic>;

/// Default size limit for one input file (or one JSONL line): 20 MB.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceOptions {
    /// Larger files are skipped with a diagnostic. For JSONL the limit applies per line, since
    /// JSONL is streamed.
    pub max_bytes: u64,
    /// Publication date (`YYYY-MM-DD` or any form `normalise_date` accepts) that overrides
    /// whatever the inputs say.
    pub published: Option<String>,
    /// Force a format instead of detecting it (useful for stdin).
    pub format: Option<InputFormat>,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            published: None,
            format: None,
        }
    }
}

/// Streams documents and diagnostics from `inputs` (files, directories, or `-` for stdin),
/// in the order given; directories recursively in sorted order, skipping hidden entries and
/// symlinked directories.
pub fn read_inputs(inputs: &[PathBuf], opts: &SourceOptions) -> impl Iterator<Item = Output> {
    Sources {
        opts: opts.clone(),
        pending: inputs.iter().rev().map(|p| (p.clone(), true)).collect(),
        queue: VecDeque::new(),
        jsonl: None,
    }
}

struct Sources {
    opts: SourceOptions,
    /// Paths still to visit, last = next; the flag marks paths the user named.
    pending: Vec<(PathBuf, bool)>,
    /// Outputs ready to hand out (feed items, a document and its warnings).
    queue: VecDeque<Output>,
    /// The JSONL input being streamed.
    jsonl: Option<JsonlReader>,
}

impl Iterator for Sources {
    type Item = Output;

    fn next(&mut self) -> Option<Output> {
        loop {
            if let Some(o) = self.queue.pop_front() {
                return Some(o);
            }
            if let Some(reader) = self.jsonl.as_mut() {
                match reader.next_outputs() {
                    Some(outs) => {
                        self.queue.extend(outs);
                        continue;
                    }
                    None => self.jsonl = None,
                }
            }
            let (path, named) = self.pending.pop()?;
            self.visit(&path, named);
        }
    }
}

impl Sources {
    fn visit(&mut self, path: &Path, named: bool) {
        let name = path.display().to_string();
        if path.as_os_str() == "-" && named {
            self.read_stdin();
            return;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return self.problem(&name, format!("cannot read: {e}")),
        };
        if meta.is_dir() {
            self.walk_dir(path, &name);
            return;
        }
        if !meta.is_file() {
            return self.problem(&name, "not a regular file; skipped".into());
        }
        let ext = detect::extension(path);
        let forced = self
            .opts
            .format
            .or_else(|| detect::by_extension(ext.as_deref()));
        if meta.len() == 0 {
            return self.problem(&name, "empty file; skipped".into());
        }
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return self.problem(&name, format!("cannot open: {e}")),
        };
        let mut reader = BufReader::with_capacity(64 * 1024, file);
        if forced == Some(InputFormat::Jsonl) {
            self.jsonl = Some(JsonlReader::new(Box::new(reader), name, &self.opts));
            return;
        }
        if meta.len() > self.opts.max_bytes {
            // A large file of unknown type may still be JSONL, which streams.
            if forced.is_none() && ext.as_deref() != Some("json") {
                if let Ok(head) = reader.fill_buf() {
                    if detect::sniff(head) == InputFormat::Jsonl {
                        self.jsonl = Some(JsonlReader::new(Box::new(reader), name, &self.opts));
                        return;
                    }
                }
            }
            return self.problem(&name, too_large(meta.len(), self.opts.max_bytes));
        }
        match read_bounded(&mut reader, self.opts.max_bytes) {
            Ok(Some(bytes)) => {
                let json = ext.as_deref() == Some("json");
                self.process_bytes(bytes, name, forced, json)
            }
            Ok(None) => self.problem(
                &name,
                too_large(self.opts.max_bytes + 1, self.opts.max_bytes),
            ),
            Err(e) => self.problem(&name, format!("read error: {e}")),
        }
    }

    fn walk_dir(&mut self, path: &Path, name: &str) {
        let entries = match std::fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => return self.problem(name, format!("cannot list directory: {e}")),
        };
        let mut children: Vec<PathBuf> = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.problem(name, format!("cannot list directory entry: {e}"));
                    continue;
                }
            };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            // Symlinked directories could loop; symlinked files are read.
            let is_link_dir =
                entry.file_type().is_ok_and(|t| t.is_symlink()) && entry.path().is_dir();
            if !is_link_dir {
                children.push(entry.path());
            }
        }
        children.sort();
        self.pending
            .extend(children.into_iter().rev().map(|p| (p, false)));
    }

    fn read_stdin(&mut self) {
        let reader = BufReader::with_capacity(64 * 1024, std::io::stdin());
        self.read_stream(Box::new(reader), "-");
    }

    /// Reads a stream of unknown size (stdin): JSONL streams line by line, anything else is
    /// read up to the size limit.
    fn read_stream(&mut self, mut reader: Box<dyn BufRead>, name: &str) {
        let format = match self.opts.format {
            Some(f) => Some(f),
            None => match reader.fill_buf() {
                // A JSON array is one value, read whole below; JSONL streams.
                Ok(head)
                    if detect::sniff(head) == InputFormat::Jsonl
                        && head.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'[') =>
                {
                    Some(InputFormat::Jsonl)
                }
                Ok(_) => None,
                Err(e) => return self.problem(name, format!("cannot read: {e}")),
            },
        };
        if format == Some(InputFormat::Jsonl) {
            self.jsonl = Some(JsonlReader::new(reader, name.into(), &self.opts));
            return;
        }
        match read_bounded(&mut reader, self.opts.max_bytes) {
            Ok(Some(bytes)) if bytes.is_empty() => self.problem(name, "empty input".into()),
            Ok(Some(bytes)) => {
                let json = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
                self.process_bytes(bytes, name.into(), format, json)
            }
            Ok(None) => {
                let max = self.opts.max_bytes;
                self.problem(
                    name,
                    format!("input is over the size limit of {max} bytes; skipped"),
                )
            }
            Err(e) => self.problem(name, format!("cannot read: {e}")),
        }
    }

    /// Handles one whole input held in memory.
    fn process_bytes(
        &mut self,
        bytes: Vec<u8>,
        name: String,
        forced: Option<InputFormat>,
        json: bool,
    ) {
        let format = match forced {
            Some(f) => f,
            // XML and JSON files are feeds only when their content looks like one.
            None => detect::sniff(&bytes),
        };
        match format {
            InputFormat::Feed => {
                if let Err(e) = decode(&bytes, None) {
                    return self.problem(&name, format!("skipped: {e}"));
                }
                self.queue
                    .extend(feed::feed_outputs(&bytes, &name, &self.opts));
            }
            InputFormat::Jsonl => {
                // A `.json` file (or a JSON array on stdin) may be one pretty-printed value.
                if json || bytes.first() == Some(&b'[') {
                    if let Some(outs) = jsonl::json_file_outputs(&bytes, &name, &self.opts) {
                        self.queue.extend(outs);
                        return;
                    }
                }
                self.jsonl = Some(JsonlReader::new(
                    Box::new(std::io::Cursor::new(bytes)),
                    name,
                    &self.opts,
                ));
            }
            InputFormat::Html | InputFormat::Text => {
                let decoded = match decode(&bytes, None) {
                    Ok(d) => d,
                    Err(e) => return self.problem(&name, format!("skipped: {e}")),
                };
                // Content sniffing on the decoded text catches UTF-16 HTML.
                let format = if forced.is_none() && format == InputFormat::Text {
                    detect::sniff(decoded.text.as_bytes())
                } else {
                    format
                };
                let (cleaned, doc_format) = if format == InputFormat::Html {
                    (clean_html(&decoded.text), DocumentFormat::Html)
                } else {
                    (clean_text(&decoded.text), DocumentFormat::Text)
                };
                let meta = Meta {
                    id: raw_id(&bytes, &name),
                    url: cleaned.url.clone(),
                    title: cleaned.title.clone(),
                    source: cleaned.site_name.clone(),
                    published: cleaned.published.clone(),
                };
                drop(bytes);
                let out = make_document(meta, doc_format, name, decoded.text, cleaned, &self.opts);
                self.queue.push_back(out);
            }
        }
    }

    fn problem(&mut self, input: &str, message: String) {
        self.queue.push_back(Err(Diagnostic {
            input: input.to_string(),
            message,
        }));
    }
}

fn too_large(len: u64, max: u64) -> String {
    format!("{len} bytes is over the size limit of {max} bytes; skipped (raise the limit to process it)")
}

/// Reads everything, or `None` when there is more than `max` bytes (reading stops there).
fn read_bounded(r: &mut dyn Read, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    r.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// Document metadata gathered by a reader.
pub(crate) struct Meta {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
}

/// Id for an input without one of its own: hash of the raw bytes and where they came from.
pub(crate) fn raw_id(bytes: &[u8], origin: &str) -> String {
    let mut h = Xxh3::new();
    h.update(bytes);
    h.update(b"\0");
    h.update(origin.as_bytes());
    format!("{:016x}", h.digest())
}

/// Builds the document, or a diagnostic when cleaning left no text.
pub(crate) fn make_document(
    meta: Meta,
    format: DocumentFormat,
    origin: String,
    raw: String,
    cleaned: Cleaned,
    opts: &SourceOptions,
) -> Output {
    if cleaned.text.trim().is_empty() {
        return Err(Diagnostic {
            input: origin,
            message: "no article text after cleaning; skipped".into(),
        });
    }
    let published = match &opts.published {
        Some(p) => Some(normalise_date(p).unwrap_or_else(|| p.clone())),
        None => meta.published,
    };
    Ok(Document {
        id: meta.id,
        url: meta.url,
        title: meta.title,
        source: meta.source,
        published,
        format,
        origin,
        raw,
        content_hash: content_hash(&cleaned.text),
        text: cleaned.text,
        offsets: cleaned.offsets,
    })
}

#[cfg(test)]
mod tests;
