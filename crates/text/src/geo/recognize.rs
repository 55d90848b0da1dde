//! Toponym recognition: capitalised word n-grams of a document looked up in the gazetteer,
//! with the rules that keep common words, person names and organisation names out.

use rustc_hash::FxHashSet;
use sitrep_core::Span;

use super::gazetteer::{EntryKind, Gazetteer};
use super::normalize::normalize;
use super::words::{
    self, COMMON, CONNECTORS, NOT_NOUN_AFTER_ABBREV, ORG_HEADS, QUALIFIERS, TITLES,
};

/// One word of the text with its byte span.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub span: Span,
    /// Normalised form (lower case, folded).
    pub key: String,
    pub capitalised: bool,
    pub all_caps: bool,
    /// First word of a sentence (or of the text, a line or a quotation).
    pub sentence_start: bool,
    /// Only whitespace separates it from the previous token.
    pub joined_to_prev: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_inner_connector(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | 'ʼ' | 'ʻ')
}

/// Splits text into words. A word may hold inner hyphens, apostrophes and dots ("al-Bab",
/// "U.S"); a final dot after a dotted abbreviation is kept ("U.S."); a possessive "'s" is cut.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut gap_start = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if !is_word_char(c) {
            i += 1;
            continue;
        }
        let start = b;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            let inner =
                is_inner_connector(c) && j + 1 < chars.len() && is_word_char(chars[j + 1].1);
            if !(is_word_char(c) || inner) {
                break;
            }
            j += 1;
        }
        let mut end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let word = &text[start..end];
        // "U.S" + "." -> "U.S.": a dotted abbreviation keeps its final dot.
        if word.contains('.') && chars.get(j).map(|&(_, c)| c) == Some('.') {
            end += 1;
            j += 1;
        }
        let mut word_end = end;
        for suffix in ["'s", "’s", "'", "’"] {
            if text[start..end].len() > suffix.len() + 1 && text[start..end].ends_with(suffix) {
                word_end = end - suffix.len();
                break;
            }
        }
        let gap = &text[gap_start..start];
        let word = &text[start..word_end];
        let first = word.chars().next().unwrap_or(' ');
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let sentence_start = out.is_empty()
            || gap.contains(['.', '!', '?', '\n', '"', '“', ':', '(', '[', '—', '–'])
            || gap.contains(" - ");
        out.push(Token {
            span: Span::new(start, word_end),
            key: normalize(word),
            capitalised: first.is_uppercase(),
            all_caps: letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()),
            sentence_start,
            joined_to_prev: !out.is_empty() && gap.chars().all(char::is_whitespace),
        });
        gap_start = end;
        i = j;
    }
    out
}

/// What a matched n-gram is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MatchKind {
    /// Gazetteer candidates (entry indices), best prior first.
    Place(Vec<u32>),
    /// A demonym of the country with that entry index.
    Demonym(u32),
}

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub span: Span,
    pub key: String,
    pub kind: MatchKind,
    /// Confidence that this is a toponym at all, before resolution.
    pub recognition: f64,
}

fn starts_with_article(t: &Token, text: &str) -> bool {
    let w = t.span.slice(text);
    [
        "al-", "el-", "ar-", "as-", "ad-", "ash-", "az-", "an-", "at-",
    ]
    .iter()
    .any(|p| match (w.get(..p.len()), w.get(p.len()..)) {
        (Some(head), Some(rest)) => {
            head.eq_ignore_ascii_case(p) && rest.starts_with(char::is_uppercase)
        }
        _ => false,
    })
}

/// Finds toponym and demonym candidates in `text`, skipping anything that overlaps `exclude`.
pub(crate) fn candidates(text: &str, exclude: &[Span], gaz: &Gazetteer) -> Vec<Candidate> {
    let tokens = tokenize(text);
    // Words written in lower case somewhere in the document are common nouns there.
    let lower: FxHashSet<&str> = tokens
        .iter()
        .filter(|t| !t.capitalised && !t.key.contains(' '))
        .map(|t| t.key.as_str())
        .collect();
    let tails = name_tails(&tokens, gaz);
    let max_n = gaz.max_words.clamp(1, 6);
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !(t.capitalised || starts_with_article(t, text)) {
            i += 1;
            continue;
        }
        let mut found: Option<(usize, Candidate)> = None;
        for n in (1..=max_n.min(tokens.len() - i)).rev() {
            let last = &tokens[i + n - 1];
            if !last.capitalised && !starts_with_article(last, text) {
                continue;
            }
            let inner_ok = (i + 1..i + n).all(|k| {
                let tk = &tokens[k];
                tk.joined_to_prev
                    && !tk.sentence_start
                    && (tk.capitalised
                        || starts_with_article(tk, text)
                        || words::contains(CONNECTORS, &tk.key))
            });
            if !inner_ok {
                continue;
            }
            let span = Span::new(t.span.start, last.span.end);
            if exclude.iter().any(|e| e.overlaps(span)) {
                continue;
            }
            let key = normalize(span.slice(text));
            if let Some(c) = classify(text, &tokens, i, i + n - 1, span, key, gaz, &lower, &tails) {
                found = Some((n, c));
                break;
            }
        }
        match found {
            Some((n, c)) => {
                if !matches!(&c.kind, MatchKind::Place(v) if v.is_empty()) {
                    out.push(c);
                }
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Words that follow a capitalised first-name-like word ("John Walsh" gives "walsh"): a
/// capitalised word that is not common, not a qualifier, not a demonym and not a notable place,
/// directly followed by another capitalised word; also the word after a title ("Mr. Walsh").
fn name_tails<'t>(tokens: &'t [Token], gaz: &Gazetteer) -> FxHashSet<&'t str> {
    let mut out = FxHashSet::default();
    for w in tokens.windows(2) {
        let (p, t) = (&w[0], &w[1]);
        if p.capitalised
            && t.capitalised
            && t.joined_to_prev
            && !t.sentence_start
            && !p.all_caps
            && !t.all_caps
            && !words::contains(COMMON, &p.key)
            && !words::contains(QUALIFIERS, &p.key)
            && !words::contains(COMMON, &t.key)
            && gaz.demonym_entry(&p.key).is_none()
            && !is_notable_place(gaz, &p.key)
        {
            out.insert(t.key.as_str());
        }
        if p.capitalised && words::contains(TITLES, &p.key) && t.capitalised {
            out.insert(t.key.as_str());
        }
    }
    out
}

/// Whether a single word names a country, a division or a sizeable town.
fn is_notable_place(gaz: &Gazetteer, key: &str) -> bool {
    gaz.candidates(key).iter().any(|&i| {
        let e = &gaz.entries[i as usize];
        matches!(e.kind, EntryKind::Country | EntryKind::Region) || e.population >= 20_000
    })
}

/// Decides whether tokens `a..=b` (normalised `key`) are a place or demonym mention.
/// Returns a candidate with an empty place list for a known group adjective ("Kurdish"), which
/// consumes the words without yielding a mention.
#[allow(clippy::too_many_arguments)]
fn classify(
    text: &str,
    tokens: &[Token],
    a: usize,
    b: usize,
    span: Span,
    key: String,
    gaz: &Gazetteer,
    lower: &FxHashSet<&str>,
    tails: &FxHashSet<&str>,
) -> Option<Candidate> {
    let places = gaz.candidates(&key);
    let demonym = gaz.demonym_entry(&key);
    if places.is_empty() && demonym.is_none() {
        return None;
    }
    let first = &tokens[a];
    // "The UN" is judged like "UN": the article adds no evidence of a place.
    let single = a == b || (b == a + 1 && first.key == "the");
    // Contractions ("I've", "We'll") are never names.
    let surface = span.slice(text);
    if [
        "'ve", "'ll", "'re", "'m", "'d", "n't", "’ve", "’ll", "’re", "’m", "’d", "n’t",
    ]
    .iter()
    .any(|c| surface.ends_with(c))
    {
        return None;
    }
    let next = tokens.get(b + 1).filter(|t| t.joined_to_prev);
    let prev = a
        .checked_sub(1)
        .map(|k| &tokens[k])
        .filter(|_| first.joined_to_prev);

    // A title before the name makes it a person ("Mr. Jordan", "President Georgia ...").
    if let Some(p) = a.checked_sub(1).map(|k| &tokens[k]) {
        let gap = &text[p.span.end..first.span.start];
        if gap.trim().trim_end_matches('.').is_empty()
            && words::contains(TITLES, &p.key)
            && p.capitalised
        {
            return None;
        }
    }

    if let Some(d) = demonym {
        let Some(cc) = d else {
            // A group adjective: swallow it so it is never read as a place.
            return Some(Candidate {
                span,
                key,
                kind: MatchKind::Place(vec![]),
                recognition: 0.0,
            });
        };
        let country = gaz.country_entry(cc)?;
        let is_country_name = places.contains(&country);
        // "U.S. forces" is an adjective; "in the U.S." or "the U.S. said" is the country.
        let adjective = match next {
            Some(n) => {
                !words::contains(NOT_NOUN_AFTER_ABBREV, &n.key)
                    && !n.key.chars().all(|c| c.is_ascii_digit())
            }
            None => false,
        };
        if !is_country_name || adjective {
            return Some(Candidate {
                span,
                key,
                kind: MatchKind::Demonym(country),
                recognition: 0.95,
            });
        }
    }
    if places.is_empty() {
        return None;
    }

    let best_kind = gaz.entries[places[0] as usize].kind;
    let has_country = places.iter().any(|&i| {
        matches!(
            gaz.entries[i as usize].kind,
            EntryKind::Country | EntryKind::Region
        )
    });
    // Divisions count only when populous: GeoNames also has tiny parishes ("Michael", IM).
    let has_region = has_country
        || places.iter().any(|&i| {
            let e = &gaz.entries[i as usize];
            e.kind == EntryKind::Admin1 && e.population >= 50_000
        });
    let max_pop = places
        .iter()
        .map(|&i| gaz.entries[i as usize].population)
        .max()
        .unwrap_or(0);

    if single {
        if words::contains(COMMON, &key) {
            return None;
        }
        if !has_country && lower.contains(key.as_str()) {
            return None;
        }
        // A word seen as the surname in "John Walsh" is a person when it recurs alone.
        if !has_region && tails.contains(key.as_str()) {
            return None;
        }
        // Short all-caps words are acronyms unless they name a country ("UK", "UAE").
        if first.all_caps && key.len() <= 4 && !has_country {
            return None;
        }
    }
    // A capitalised word right before the name that is neither a place nor a qualifier makes
    // it part of a person or organisation name ("Michael Jordan").
    if let Some(p) = prev {
        let p_is_place = is_notable_place(gaz, &p.key);
        if p.capitalised
            && !words::contains(COMMON, &p.key)
            && !words::contains(QUALIFIERS, &p.key)
            && gaz.demonym_entry(&p.key).is_none()
            && !p_is_place
            && !p.all_caps
        {
            return None;
        }
    }
    if let Some(n) = next {
        // "Michael Jordan": a minor town name followed by another capitalised name word.
        if single
            && !has_region
            && max_pop < 100_000
            && n.capitalised
            && !n.all_caps
            && !words::contains(COMMON, &n.key)
            && gaz.demonym_entry(&n.key).is_none()
        {
            return None;
        }
        if n.capitalised && words::contains(ORG_HEADS, &n.key) && !has_region {
            return None;
        }
        if n.capitalised
            && words::contains(ORG_HEADS, &n.key)
            && matches!(
                n.key.as_str(),
                "times" | "post" | "university" | "fc" | "united" | "news" | "herald" | "tribune"
            )
        {
            return None;
        }
    }

    let mut recognition: f64 = match best_kind {
        EntryKind::Country | EntryKind::Region => 0.95,
        EntryKind::Admin1 | EntryKind::Capital => 0.9,
        EntryKind::Town => 0.65 + 0.05 * ((max_pop as f64 + 1.0).log10() - 3.0).clamp(0.0, 4.0),
    };
    if !single {
        recognition = recognition.max(0.85);
    }
    if single && first.sentence_start && !has_region {
        recognition -= 0.15;
    }
    Some(Candidate {
        span,
        key,
        kind: MatchKind::Place(places.to_vec()),
        recognition: recognition.clamp(0.05, 0.99),
    })
}

/// A candidate for a span given from outside, with no recognition filters: the span's text as
/// a gazetteer name, else without a possessive or plural "s", else as a demonym.
pub(crate) fn forced(text: &str, span: Span, gaz: &Gazetteer) -> Option<Candidate> {
    let surface = span.slice(text);
    let key = normalize(surface);
    let mut keys = vec![key.clone()];
    for suffix in [" s", "s"] {
        if let Some(k) = key.strip_suffix(suffix) {
            keys.push(k.to_string());
        }
    }
    for k in &keys {
        let places = gaz.candidates(k);
        if !places.is_empty() {
            return Some(Candidate {
                span,
                key: k.clone(),
                kind: MatchKind::Place(places.to_vec()),
                recognition: 0.9,
            });
        }
    }
    let cc = gaz.demonym_entry(&key).flatten()?;
    let country = gaz.country_entry(cc)?;
    Some(Candidate {
        span,
        key,
        kind: MatchKind::Demonym(country),
        recognition: 0.9,
    })
}
