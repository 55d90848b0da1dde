//! Plain-text cleaning (line endings, trailing whitespace, blank-line runs) with an exact
//! offset map, and the content hash used for duplicate detection.

use sitrep_core::OffsetMap;
use xxhash_rust::xxh3::Xxh3;

use super::Cleaned;

/// Cleans plain text: CRLF and lone CR become LF, trailing whitespace on each line is removed,
/// leading and trailing blank lines are dropped and runs of blank lines become one blank line
/// (the paragraph separator). Every kept character maps exactly to its raw offset.
/// Furniture lines are kept: sentence classification labels them.
pub fn clean_text(raw: &str) -> Cleaned {
    let mut text = String::with_capacity(raw.len());
    let mut map = OffsetMap::default();
    map.push(0, 0);
    let mut pending_newlines = 0usize;
    let mut newline_raw = 0usize; // raw offset of the first pending line break
    let mut pos = 0usize;
    let bytes = raw.as_bytes();
    while pos < raw.len() {
        // One line: [pos, line_end) plus its terminator.
        let line_end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(raw.len(), |p| pos + p);
        let next = match bytes.get(line_end) {
            Some(b'\r') if bytes.get(line_end + 1) == Some(&b'\n') => line_end + 2,
            Some(_) => line_end + 1,
            None => line_end,
        };
        let content = raw[pos..line_end].trim_end();
        if !content.trim_start().is_empty() {
            if !text.is_empty() {
                let n = pending_newlines.clamp(1, 2);
                map.push(text.len(), newline_raw);
                // The separator maps onto the line breaks it replaces; a CRLF is two raw
                // bytes for one clean one, so anchor each newline separately.
                for _ in 0..n {
                    text.push('\n');
                }
            }
            map.push(text.len(), pos);
            text.push_str(content);
            pending_newlines = 0;
            newline_raw = pos + content.len();
        }
        if next > line_end {
            pending_newlines += 1;
        }
        pos = next;
    }
    // The "\n\n" separator can stand for fewer raw bytes than it has (a blank line made of
    // lone CRs, or a separator between lines of trailing-whitespace-only gaps); build_map pins
    // any excess so the map stays monotonic and inside the raw text.
    let offsets = super::align::build_map(map.anchors, text.len(), raw.len());
    let title = headline(&text);
    Cleaned {
        text,
        offsets,
        title,
        ..Cleaned::default()
    }
}

/// A first paragraph that is one short line without sentence-final punctuation reads as a
/// headline; it becomes the title and stays in the text.
fn headline(text: &str) -> Option<String> {
    let (first, rest) = text.split_once("\n\n")?;
    let ends_sentence = first.trim_end().ends_with(['.', '!', '?', ':', ';', ',']);
    let ok = !rest.trim().is_empty()
        && !first.contains('\n')
        && !ends_sentence
        && first.chars().count() <= 200
        && first.split_whitespace().count() >= 2;
    ok.then(|| first.trim().to_string())
}

/// Hash of the whitespace-normalised text (words joined by single spaces), as 16 hex digits:
/// byte-identical and whitespace-only-different documents get the same hash.
pub fn content_hash(text: &str) -> String {
    let mut h = Xxh3::new();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(word.as_bytes());
    }
    format!("{:016x}", h.digest())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_line_endings_and_blank_runs() {
        let raw = "\r\n  \nTitle line  \r\n\r\n\r\n\r\nFirst para\tline.\rSecond line \n\n";
        let c = clean_text(raw);
        assert_eq!(c.text, "Title line\n\nFirst para\tline.\nSecond line");
        for word in ["Title", "First", "line.", "Second"] {
            let start = c.text.find(word).unwrap();
            let r = c.offsets.to_raw(start).unwrap();
            assert!(raw[r..].starts_with(word), "{word}");
        }
    }

    #[test]
    fn headline_becomes_title() {
        let c =
            clean_text("Floods hit Baghlan province\n\nHeavy rain caused floods on Saturday.\n");
        assert_eq!(c.title.as_deref(), Some("Floods hit Baghlan province"));
        assert!(c.text.starts_with("Floods hit"));
        assert_eq!(clean_text("KABUL - Rain fell.\n\nMore text.").title, None);
        assert_eq!(clean_text("Only one paragraph here").title, None);
    }

    #[test]
    fn hash_ignores_whitespace() {
        assert_eq!(content_hash("a  b\n\nc"), content_hash(" a b c "));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }
}
