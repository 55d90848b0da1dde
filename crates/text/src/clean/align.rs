//! Mapping cleaned HTML text back into the raw HTML.
//!
//! The DOM gives no source positions, so the raw HTML is scanned once with a small tokenizer
//! that keeps the text content (entities decoded, tags, comments, scripts and styles skipped)
//! as a string of non-whitespace characters, each with its raw byte range. Each extracted
//! block is then located in that string, ignoring whitespace, and every matched character
//! becomes an anchor. The result is sanitised so the map is monotonic and inside the raw text.

use sitrep_core::{OffsetMap, Span};

/// The non-whitespace text content of raw HTML with the raw byte range of each character.
pub(crate) struct RawIndex {
    /// Non-whitespace characters of the text content, in document order.
    pub chars: String,
    /// Byte offset in `chars` of each character (u32 keeps the index small for big pages;
    /// inputs are far below 4 GB).
    starts: Vec<u32>,
    /// Raw byte range of each character (an entity's whole `&...;` for decoded entities).
    raw: Vec<(u32, u32)>,
}

/// Elements whose content is not document text.
const RAW_TEXT_ELEMENTS: [&str; 5] = ["script", "style", "template", "title", "textarea"];

impl RawIndex {
    pub fn build(raw: &str) -> RawIndex {
        let mut idx = RawIndex {
            chars: String::new(),
            starts: Vec::new(),
            raw: Vec::new(),
        };
        let b = raw.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'<' => match skip_markup(raw, i) {
                    Some(next) => i = next,
                    None => {
                        idx.push('<', i, i + 1);
                        i += 1;
                    }
                },
                b'&' => {
                    let (decoded, end) = decode_entity(raw, i);
                    for c in decoded.into_iter().flatten() {
                        idx.push(c, i, end);
                    }
                    i = end;
                }
                _ => {
                    let c = raw[i..].chars().next().unwrap_or(' ');
                    let end = i + c.len_utf8();
                    idx.push(c, i, end);
                    i = end;
                }
            }
        }
        idx
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        if c.is_whitespace() {
            return;
        }
        self.starts.push(small(self.chars.len()));
        self.chars.push(c);
        self.raw.push((small(start), small(end)));
    }

    /// Index of the character starting at byte `pos` of `chars`.
    fn char_index(&self, pos: usize) -> Option<usize> {
        self.starts.binary_search(&small(pos)).ok()
    }

    /// Raw byte range of character `i`.
    fn raw_range(&self, i: usize) -> Option<(usize, usize)> {
        self.raw.get(i).map(|&(s, e)| (s as usize, e as usize))
    }

    /// Byte offset in `chars` of character `i`.
    fn start_of(&self, i: usize) -> usize {
        self.starts.get(i).map_or(self.chars.len(), |&s| s as usize)
    }

    /// Locate `needle` (non-whitespace text) at or after byte `from` of `chars`, searching at
    /// most `window` bytes when given. Returns the index of its first character.
    fn find(&self, needle: &str, from: usize, window: Option<usize>) -> Option<usize> {
        if needle.is_empty() || from > self.chars.len() {
            return None;
        }
        let mut end = window.map_or(self.chars.len(), |w| (from + w).min(self.chars.len()));
        while !self.chars.is_char_boundary(end) {
            end += 1;
        }
        let hay = self.chars.get(from..end)?;
        let pos = hay.find(needle)? + from;
        self.char_index(pos)
    }

    /// Raw span covering `text` (whitespace ignored; its first 400 characters are matched),
    /// searched from byte `*cursor` of `chars` onwards and then, while `budget` allows, from
    /// the start. Moves the cursor past the match.
    pub fn locate(&self, text: &str, cursor: &mut usize, budget: &mut usize) -> Option<Span> {
        let needle: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(400)
            .collect();
        let window = NEAR_WINDOW.max(needle.len() * 8);
        let first = self.find(&needle, *cursor, Some(window)).or_else(|| {
            // Page order and DOM order can differ; a few whole-text searches are affordable.
            (*budget > 0).then(|| *budget -= 1)?;
            self.find(&needle, 0, None)
        })?;
        let last = first + needle.chars().count() - 1;
        let (start, _) = self.raw_range(first)?;
        let (_, end) = self.raw_range(last)?;
        *cursor = self.start_of(first) + needle.len();
        Some(Span::new(start, end.max(start)))
    }
}

/// How far past the cursor a block is looked for before a whole-text search (bytes of
/// non-whitespace text).
const NEAR_WINDOW: usize = 256 * 1024;
/// Whole-text searches allowed per document, so that badly aligned pages stay linear.
pub(crate) const FULL_SEARCH_BUDGET: usize = 64;

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Skips a tag, comment, doctype or raw-text element starting at `<`; returns the next index,
/// or `None` when this `<` does not start markup and is therefore text.
fn skip_markup(raw: &str, i: usize) -> Option<usize> {
    let b = raw.as_bytes();
    let rest = &b[i..];
    if rest.starts_with(b"<!--") {
        return Some(find_from(b, i + 4, b"-->").map_or(b.len(), |p| p + 3));
    }
    let next = rest.get(1).copied().unwrap_or(b' ');
    if next == b'!' || next == b'?' {
        return Some(find_byte(b, i + 1, b'>').map_or(b.len(), |p| p + 1));
    }
    let closing = next == b'/';
    let name_start = if closing { i + 2 } else { i + 1 };
    if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut name_end = name_start;
    while name_end < b.len() && (b[name_end].is_ascii_alphanumeric() || b[name_end] == b'-') {
        name_end += 1;
    }
    let name = raw[name_start..name_end].to_ascii_lowercase();
    let tag_end = end_of_tag(b, name_end);
    if !closing && RAW_TEXT_ELEMENTS.contains(&name.as_str()) {
        let close = format!("</{name}");
        return Some(find_ci(b, tag_end, close.as_bytes()).map_or(b.len(), |p| {
            find_byte(b, p, b'>').map_or(b.len(), |q| q + 1)
        }));
    }
    Some(tag_end)
}

/// End of a tag (index after `>`), honouring quoted attribute values.
fn end_of_tag(b: &[u8], mut i: usize) -> usize {
    let mut prev = b' ';
    while i < b.len() {
        let c = b[i];
        if c == b'>' {
            return i + 1;
        }
        if (c == b'"' || c == b'\'') && prev == b'=' {
            match find_byte(b, i + 1, c) {
                Some(p) => i = p,
                None => return b.len(),
            }
        }
        if !c.is_ascii_whitespace() {
            prev = c;
        }
        i += 1;
    }
    b.len()
}

fn find_byte(b: &[u8], from: usize, c: u8) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&x| x == c)
        .map(|p| p + from)
}

fn find_from(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// Decodes the character reference at `i` (which is `&`) the way an HTML parser does in text;
/// returns up to two chars and the index after the reference. An unknown one is a literal `&`.
pub(crate) fn decode_entity(raw: &str, i: usize) -> ([Option<char>; 2], usize) {
    let b = raw.as_bytes();
    let literal = ([Some('&'), None], i + 1);
    if b.get(i + 1) == Some(&b'#') {
        let hex = matches!(b.get(i + 2), Some(b'x' | b'X'));
        let digits_start = if hex { i + 3 } else { i + 2 };
        let mut j = digits_start;
        while j < b.len()
            && (if hex {
                b[j].is_ascii_hexdigit()
            } else {
                b[j].is_ascii_digit()
            })
        {
            j += 1;
        }
        if j == digits_start {
            return literal;
        }
        let value = u32::from_str_radix(
            &raw[digits_start..j.min(digits_start + 8)],
            if hex { 16 } else { 10 },
        )
        .unwrap_or(0x110000);
        let end = if b.get(j) == Some(&b';') { j + 1 } else { j };
        let c = match value {
            0x80..=0x9F => web_atoms::C1_REPLACEMENTS[(value - 0x80) as usize]
                .unwrap_or(char::from_u32(value).unwrap_or('\u{FFFD}')),
            0 => '\u{FFFD}',
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return ([Some(c), None], end);
    }
    let mut j = i + 1;
    while j < b.len() && j - i <= 32 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == i + 1 {
        return literal;
    }
    let name = &raw[i + 1..j];
    if b.get(j) == Some(&b';') {
        if let Some(&(a, c)) = web_atoms::NAMED_ENTITIES.get(format!("{name};").as_str()) {
            if a != 0 {
                return (
                    [char::from_u32(a), char::from_u32(c).filter(|_| c != 0)],
                    j + 1,
                );
            }
        }
    }
    // Legacy references without a semicolon ("&amp", "&copy"): longest known prefix.
    for k in (1..=name.len()).rev() {
        if let Some(&(a, c)) = web_atoms::NAMED_ENTITIES.get(&name[..k]) {
            if a != 0 {
                return (
                    [char::from_u32(a), char::from_u32(c).filter(|_| c != 0)],
                    i + 1 + k,
                );
            }
        }
    }
    literal
}

/// Builds the offset map for `clean` (made of `blocks`, clean byte ranges, in order) against
/// raw text of length `raw_len` indexed by `idx`.
pub(crate) fn align_blocks(
    clean: &str,
    blocks: &[(usize, usize)],
    idx: &RawIndex,
    raw_len: usize,
) -> OffsetMap {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut cursor = 0usize; // byte offset into idx.chars
    let mut budget = FULL_SEARCH_BUDGET;
    for &(bs, be) in blocks {
        let Some(block) = clean.get(bs..be) else {
            continue;
        };
        let chars: Vec<(char, usize, usize)> = block
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(p, c)| (c, bs + p, bs + p + c.len_utf8()))
            .collect();
        if chars.is_empty() {
            continue;
        }
        let needle: String = chars.iter().map(|t| t.0).collect();
        let window = NEAR_WINDOW.max(needle.len() * 8);
        let found = idx.find(&needle, cursor, Some(window)).or_else(|| {
            (budget > 0).then(|| budget -= 1)?;
            idx.find(&needle, cursor, None)
        });
        if let Some(first) = found {
            map_run(&chars, first, idx, &mut pairs);
            cursor = idx.start_of(first) + needle.len();
            continue;
        }
        // The block is not verbatim in the raw text (an unknown entity, a rewritten node):
        // align word by word near the cursor so most of it still maps exactly.
        let window = 4096.max(needle.len() * 4);
        let mut k = 0;
        while k < chars.len() {
            let mut e = k + 1;
            while e < chars.len() && chars[e].1 == chars[e - 1].2 {
                e += 1;
            }
            let word = &chars[k..e];
            let w: String = word.iter().map(|t| t.0).collect();
            if let Some(first) = idx.find(&w, cursor, Some(window)) {
                map_run(word, first, idx, &mut pairs);
                cursor = idx.start_of(first) + w.len();
            }
            k = e;
        }
    }
    build_map(pairs, clean.len(), raw_len)
}

fn map_run(
    chars: &[(char, usize, usize)],
    first: usize,
    idx: &RawIndex,
    pairs: &mut Vec<(usize, usize)>,
) {
    for (k, &(_, cs, ce)) in chars.iter().enumerate() {
        let Some((rs, re)) = idx.raw_range(first + k) else {
            break;
        };
        pairs.push((cs, rs));
        pairs.push((ce, re));
    }
}

/// Turns exact (clean, raw) correspondences into a monotonic [`OffsetMap`] whose every clean
/// offset in `0..=clean_len` maps inside `0..=raw_len`.
pub(crate) fn build_map(pairs: Vec<(usize, usize)>, clean_len: usize, raw_len: usize) -> OffsetMap {
    let mut anchors: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
    for (c, r) in pairs {
        let r = r.min(raw_len);
        match anchors.last_mut() {
            // Same clean offset: the later pair is the start of the next character, which is
            // what a span starting here means.
            Some(last) if last.0 == c => {
                if r >= last.1 {
                    last.1 = r;
                }
            }
            Some(last) if c < last.0 || r < last.1 => {} // out of order: drop
            _ => anchors.push((c, r)),
        }
    }
    match anchors.first() {
        Some(&(c, r)) if c > 0 => anchors.insert(0, (0, r.saturating_sub(c))),
        None => anchors.push((0, 0)),
        _ => {}
    }
    let mut map = OffsetMap::default();
    for i in 0..anchors.len() {
        let (c, r) = anchors[i];
        let (next_c, bound) = anchors
            .get(i + 1)
            .copied()
            .unwrap_or((clean_len.max(c), raw_len));
        map.push(c, r);
        // Where clean text is longer than its raw counterpart, pin the excess to `bound`
        // so extrapolation never overtakes the next anchor or the end of the raw text.
        let room = bound.saturating_sub(r);
        let mut k = c + room + 1;
        while k < next_c || (i + 1 == anchors.len() && k <= next_c) {
            map.push(k, bound);
            k += 1;
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_skips_markup_and_decodes_entities() {
        let raw = "<html><head><title>T</title><style>p{}</style></head><body><!-- c --><p>A&amp;B &eacute;t&#233; &copy</p><script>x<y</script></body></html>";
        let idx = RawIndex::build(raw);
        assert_eq!(idx.chars, "A&Bété©");
        let s = idx.locate("A&B", &mut 0, &mut 1).unwrap();
        assert_eq!(&raw[s.start..s.end], "A&amp;B");
    }

    #[test]
    fn map_is_clamped_when_clean_is_longer() {
        let map = build_map(vec![(0, 0), (10, 2)], 20, 4);
        let mut prev = 0;
        for c in 0..=20 {
            let r = map.to_raw(c).unwrap();
            assert!(r >= prev && r <= 4, "c={c} r={r}");
            prev = r;
        }
    }
}
