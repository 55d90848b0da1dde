//! Byte input to UTF-8: BOMs, declared charsets (HTTP, HTML meta, XML declaration), detection
//! with chardetng, and rejection of binary data.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::CleanError;

/// Input bytes decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte order mark.
    pub text: String,
    /// WHATWG name of the encoding used ("UTF-8", "windows-1252", "UTF-16LE" ...).
    pub encoding: &'static str,
    /// How the encoding was chosen: "bom", "declared", "meta", "utf8", "utf16-pattern" or "detected".
    pub basis: &'static str,
    /// Whether malformed sequences were replaced by U+FFFD.
    pub had_errors: bool,
}

/// How many leading bytes are searched for an in-document charset declaration.
const SNIFF_BYTES: usize = 4096;
/// How many leading decoded chars are checked for control characters.
const CONTROL_SAMPLE: usize = 8192;

/// Decode `bytes` to UTF-8. `declared` is an out-of-band charset label (HTTP `Content-Type`
/// charset or a user option); it wins over anything but a byte order mark.
///
/// Errors: [`CleanError::Empty`] for no bytes, [`CleanError::Binary`] for input that is not
/// text (known binary signatures, NUL bytes, or many control characters).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, CleanError> {
    if bytes.is_empty() {
        return Err(CleanError::Empty);
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(CleanError::Binary(format!("{kind} signature")));
    }
    let (encoding, basis, skip) = choose_encoding(bytes, declared);
    let body = &bytes[skip..];
    // UTF-16 legitimately contains NUL bytes; anything else with NULs is binary.
    let wide = encoding == UTF_16LE || encoding == UTF_16BE;
    if !wide {
        if let Some(pos) = memchr_nul(body) {
            return Err(CleanError::Binary(format!(
                "NUL byte at offset {}",
                pos + skip
            )));
        }
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let text = text.into_owned();
    check_control_chars(&text)?;
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        basis,
        had_errors,
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Common binary formats, named so the message says what the file probably is.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"PK\x03\x04", "ZIP"),
        (b"\x1f\x8b", "gzip"),
        (b"\x7fELF", "ELF"),
        (b"BZh", "bzip2"),
        (b"\xfd7zXZ\x00", "xz"),
        (b"\x28\xb5\x2f\xfd", "zstd"),
        (b"SQLite format 3\x00", "SQLite"),
    ];
    SIGS.iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, name)| *name)
}

/// Returns the encoding, why it was chosen, and how many leading bytes (a BOM) to skip.
fn choose_encoding(
    bytes: &[u8],
    declared: Option<&str>,
) -> (&'static Encoding, &'static str, usize) {
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return (enc, "bom", len);
    }
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return (enc.output_encoding_for_decode(), "declared", 0);
    }
    if let Some(enc) = utf16_pattern(bytes) {
        return (enc, "utf16-pattern", 0);
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    if let Some(enc) = sniff_declaration(bytes) {
        // A page labelled with a legacy single-byte charset whose bytes are valid UTF-8 with
        // non-ASCII content is almost always mislabelled UTF-8 (re-encoded by a CMS).
        let mislabelled = valid_utf8 && !bytes.is_ascii() && enc != UTF_8;
        if !mislabelled {
            return (enc.output_encoding_for_decode(), "meta", 0);
        }
    }
    if valid_utf8 {
        return (UTF_8, "utf8", 0);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    (
        det.guess(None, chardetng::Utf8Detection::Allow),
        "detected",
        0,
    )
}

trait OutputForDecode {
    fn output_encoding_for_decode(&'static self) -> &'static Encoding;
}

impl OutputForDecode for Encoding {
    /// "replacement" and UTF-16 labels found inside ASCII-compatible bytes are unusable, as
    /// browsers also decide; decode those as UTF-8 instead.
    fn output_encoding_for_decode(&'static self) -> &'static Encoding {
        if self == encoding_rs::REPLACEMENT {
            UTF_8
        } else {
            self
        }
    }
}

/// UTF-16 without a BOM: most ASCII text then has a NUL in every other byte.
fn utf16_pattern(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.len() < 8 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let pairs = sample.len() / 2;
    if odd * 10 >= pairs * 7 && even * 10 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Finds `<meta charset=..>`, `<meta http-equiv content="..; charset=..">` or
/// `<?xml .. encoding=".." ?>` in the first bytes.
fn sniff_declaration(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>").unwrap_or(lower.len());
        if let Some(label) = attr_value(&lower[..end], b"encoding") {
            return Encoding::for_label(label);
        }
    }
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = attr_value(tag, b"charset") {
            if let Some(enc) = Encoding::for_label(label) {
                return Some(enc);
            }
        }
        from = end.max(start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The value after `name=` (quoted or not), e.g. `charset="utf-8"` or
/// `content="text/html; charset=iso-8859-1"`.
fn attr_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let pos = find(tag, name)?;
    let mut i = pos + name.len();
    while i < tag.len() && tag[i].is_ascii_whitespace() {
        i += 1;
    }
    if tag.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while i < tag.len() && (tag[i].is_ascii_whitespace() || tag[i] == b'"' || tag[i] == b'\'') {
        i += 1;
    }
    let start = i;
    while i < tag.len()
        && !matches!(
            tag[i],
            b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'
        )
    {
        i += 1;
    }
    (i > start).then(|| &tag[start..i])
}

/// Rejects decoded text that is mostly control characters (a binary file in a legacy
/// single-byte encoding decodes without errors, so this is the only signal).
fn check_control_chars(text: &str) -> Result<(), CleanError> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(CONTROL_SAMPLE) {
        total += 1;
        if c == '\0' {
            return Err(CleanError::Binary("NUL character in decoded text".into()));
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            control += 1;
        }
    }
    if total >= 16 && control * 10 > total {
        return Err(CleanError::Binary(format!(
            "{control} of the first {total} characters are control characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Homs – Palmyra".as_bytes(), None).unwrap();
        assert_eq!(d.text, "Homs – Palmyra");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn bom_is_honoured_and_stripped() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Aleppo é".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, Some("windows-1252")).unwrap();
        assert_eq!(d.text, "Aleppo é");
        assert_eq!(d.basis, "bom");
        let d = decode(b"\xEF\xBB\xBFplain", None).unwrap();
        assert_eq!(d.text, "plain");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let mut bytes = Vec::new();
        for u in "Shelling reported near the river".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, "Shelling reported near the river");
    }

    #[test]
    fn declared_and_meta_charsets() {
        let d = decode(b"caf\xe9", Some("iso-8859-1")).unwrap();
        assert_eq!(d.text, "café");
        let html =
            b"<html><head><meta charset=\"windows-1252\"></head><body>\x93quoted\x94</body></html>";
        let d = decode(html, None).unwrap();
        assert!(d.text.contains("\u{201c}quoted\u{201d}"), "{}", d.text);
        assert_eq!(d.basis, "meta");
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>Bogot\xe1</rss>";
        assert!(decode(xml, None).unwrap().text.contains("Bogotá"));
    }

    #[test]
    fn mislabelled_utf8_stays_utf8() {
        let html = "<meta charset=iso-8859-1><p>Kramatorsk – café</p>";
        let d = decode(html.as_bytes(), None).unwrap();
        assert_eq!(d.text, html);
    }

    #[test]
    fn legacy_bytes_are_detected() {
        let bytes = b"Les habitants de la r\xe9gion ont \xe9t\xe9 \xe9vacu\xe9s apr\xe8s les frappes a\xe9riennes.";
        let d = decode(bytes, None).unwrap();
        assert!(d.text.contains("région"), "{} via {}", d.text, d.encoding);
    }

    #[test]
    fn binary_is_rejected() {
        assert!(matches!(
            decode(b"%PDF-1.7 ...", None),
            Err(CleanError::Binary(_))
        ));
        assert!(matches!(
            decode(b"abc\0def", None),
            Err(CleanError::Binary(_))
        ));
        let junk: Vec<u8> = (1u8..32).cycle().take(200).collect();
        assert!(matches!(decode(&junk, None), Err(CleanError::Binary(_))));
        assert!(matches!(decode(b"", None), Err(CleanError::Empty)));
    }
}
