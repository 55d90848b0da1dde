//! Toponym recognition: capitalised word n-grams of a document looked up in the gazetteer,
//! with the rules that keep common words, person names and organisation names out.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};
use sitrep_core::Span;

use super::gazetteer::{prior, EntryKind, Gazetteer, LookupMemo};
use super::normalize::normalize;
use super::normalize::ARTICLES;
use super::words::{
    self, COMMON, CONNECTORS, DISEASE_WORDS, DIVISION_HEADS, FACILITY_HEADS, KIN_WORDS,
    LANDFORM_HEADS, LOCATIVE_PREPS, MATERIEL_WORDS, NAME_QUALIFIERS, NOT_NOUN_AFTER_ABBREV,
    ORG_HEADS, QUALIFIERS, SEAT_METONYMS, TITLES,
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
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let all_caps = letters.clone().nth(1).is_some() && letters.all(char::is_uppercase);
        let sentence_start = out.is_empty()
            || gap.contains(['.', '!', '?', '\n', '"', '“', ':', '(', '[', '—', '–'])
            || gap.contains(" - ");
        out.push(Token {
            span: Span::new(start, word_end),
            key: normalize(word),
            capitalised: first.is_uppercase(),
            all_caps,
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
    let others = not_place_names(&tokens, text, gaz);
    let ctx = Ctx {
        lower: &lower,
        tails: &tails,
        others: &others,
    };
    let max_n = gaz.max_words.clamp(1, 6);
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !(t.capitalised || starts_with_article(t, text)) {
            i += 1;
            continue;
        }
        // "As Zimbabwe's ...", "At Homs": a capitalised English word that is also an Arabic
        // article, written apart, starts no name ("Al Bab" and "as-Safira" still do).
        let english_article = matches!(t.key.as_str(), "as" | "at" | "an" | "ad")
            && !t.span.slice(text).contains('-');
        let mut found: Option<(usize, Candidate)> = None;
        for n in (1..=max_n.min(tokens.len() - i)).rev() {
            if english_article && n > 1 {
                continue;
            }
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
            if let Some(c) = classify(text, &tokens, i, i + n - 1, span, key, gaz, &ctx) {
                found = Some((n, c));
                break;
            }
        }
        match found {
            Some((mut n, mut c)) => {
                if !matches!(&c.kind, MatchKind::Place(v) if v.is_empty()) {
                    let prev_end = out.last().map_or(0, |p: &Candidate| p.span.end);
                    n += widen(text, &tokens, i, n, prev_end, &mut c, gaz);
                    out.push(c);
                }
                i += n;
            }
            None => {
                if t.key.contains(' ') && t.span.slice(text).contains('-') {
                    out.extend(compound_parts(text, t, gaz, &ctx));
                }
                i += 1;
            }
        }
    }
    out
}

/// Per-document evidence the filters use.
struct Ctx<'a> {
    /// Words written in lower case somewhere in the document.
    lower: &'a FxHashSet<&'a str>,
    /// Surnames seen after a first name ("Walsh" of "John Walsh").
    tails: &'a FxHashSet<&'a str>,
    /// Names the document shows to be persons or diseases (see [`not_place_names`]); `true`
    /// when the evidence also holds against a country or a division of that name.
    others: &'a FxHashMap<String, bool>,
}

/// Entry indices for a normalised key: the key itself, else a few spelling variants common in
/// transliterated Arabic names, so that one spelling in the text finds the gazetteer's other one.
pub(crate) fn lookup<'g>(gaz: &'g Gazetteer, key: &str) -> Cow<'g, [u32]> {
    let direct = gaz.candidates(key);
    if !direct.is_empty() || key.is_empty() {
        return Cow::Borrowed(direct);
    }
    // Most keys tried are not places at all; remembering them per thread saves building and
    // probing their spelling variants again in every sentence that repeats them.
    thread_local! {
        static MISSES: std::cell::RefCell<LookupMemo<()>> = Default::default();
    }
    let id = gaz.memo_id();
    if MISSES.with(|m| m.borrow().get(id, key)).is_some() {
        return Cow::Borrowed(&[]);
    }
    let found = variant_candidates(gaz, key);
    if found.is_empty() {
        MISSES.with(|m| m.borrow_mut().insert(id, key, ()));
    }
    found
}

/// English abbreviations of a place name's first word ("St. Marc", "Ft. Worth", "Mt. Kenya"),
/// written out as gazetteers spell them.
const ABBREVIATED_HEADS: &[(&str, &str)] = &[
    ("st ", "saint "),
    ("ste ", "sainte "),
    ("ft ", "fort "),
    ("mt ", "mount "),
];

/// Entries found under a transliteration variant of `key` (see [`lookup`]).
fn variant_candidates<'g>(gaz: &'g Gazetteer, key: &str) -> Cow<'g, [u32]> {
    for (short, long) in ABBREVIATED_HEADS {
        if let Some(rest) = key.strip_prefix(short) {
            let c = gaz.candidates(&format!("{long}{rest}"));
            if !c.is_empty() {
                return Cow::Borrowed(c);
            }
        }
    }
    for v in spelling_variants(key) {
        // Only places whose names are romanised from Arabic or Persian script have such
        // variants; elsewhere a variant of an English word ("Door" -> "Dur") is a false match.
        let c: Vec<u32> = gaz
            .candidates(&v)
            .iter()
            .copied()
            .filter(|&i| TRANSLITERATED.contains(&gaz.entries[i as usize].country))
            .collect();
        if !c.is_empty() {
            return Cow::Owned(c);
        }
    }
    Cow::Borrowed(&[])
}

/// Countries whose place names are romanised from Arabic or Persian script in many spellings.
const TRANSLITERATED: &[[u8; 2]] = &[
    *b"SY", *b"IQ", *b"LB", *b"JO", *b"PS", *b"IL", *b"EG", *b"LY", *b"TN", *b"DZ", *b"MA", *b"SA",
    *b"YE", *b"OM", *b"AE", *b"QA", *b"BH", *b"KW", *b"SD", *b"SO", *b"MR", *b"IR", *b"AF", *b"PK",
    *b"TD", *b"EH",
];

/// Transliteration variants of a key, most likely first: with an Arabic article
/// ("Mahmudiyah" / "Al Mahmudiyah"), a final "a"/"ah" ("Hawija" / "Hawijah"), "ou"/"u"
/// ("Touman" / "Tuman"), "ee"/"i" and "oo"/"u", and an assimilated article written as one word
/// ("Deir Ezzor" / "Deir ez Zor").
fn spelling_variants(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split(' ').collect();
    // Only letters: digits and one-letter words are codes, not transliterations.
    if words.len() > 4
        || words
            .iter()
            .any(|w| w.len() < 2 || !w.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Vec::new();
    }
    let mut forms: Vec<String> = Vec::new();
    let last = words.len() - 1;
    let mut push = |ws: Vec<String>| {
        let k = ws.join(" ");
        if k != key && !forms.contains(&k) {
            forms.push(k);
        }
    };
    let own = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<String>>();
    if let Some(stem) = words[last].strip_suffix("ah") {
        let mut ws = own(&words);
        ws[last] = format!("{stem}a");
        push(ws);
    } else if words[last].ends_with('a') {
        let mut ws = own(&words);
        ws[last].push('h');
        push(ws);
    }
    for (from, to) in [("ou", "u"), ("ee", "i"), ("oo", "u")] {
        if key.contains(from) {
            push(own(&words).iter().map(|w| w.replace(from, to)).collect());
        }
    }
    // "ezzor" -> "ez zor": an article whose consonant doubles the next word's first letter.
    for (k, w) in words.iter().enumerate().skip(1) {
        let b = w.as_bytes();
        if b.len() >= 5 && matches!(b[0], b'a' | b'e') && b[1] == b[2] && b"sztdrn".contains(&b[1])
        {
            let mut ws = own(&words);
            ws[k] = format!("{} {}", &w[..2], &w[2..]);
            push(ws);
        }
    }
    if !ARTICLES.contains(&words[0]) {
        let base: Vec<String> = std::iter::once(key.to_string())
            .chain(forms.clone())
            .collect();
        for f in base {
            let k = format!("al {f}");
            if !forms.contains(&k) {
                forms.push(k);
            }
        }
    }
    forms
}

/// The parts of a hyphenated compound that name notable places or countries ("Russia-Turkey
/// ties", "a Canada-wide warrant", "London-based"). Minor towns are left out: compounds of
/// ordinary words ("Coca-Cola") would match them.
fn compound_parts(text: &str, t: &Token, gaz: &Gazetteer, ctx: &Ctx) -> Vec<Candidate> {
    let word = t.span.slice(text);
    let mut out = Vec::new();
    let mut offset = 0;
    let capitalised_parts = word
        .split('-')
        .filter(|p| p.starts_with(char::is_uppercase) && !ARTICLES.contains(&normalize(p).as_str()))
        .count();
    for part in word.split('-') {
        let start = t.span.start + offset;
        offset += part.len() + 1;
        let first = part.chars().next().unwrap_or(' ');
        let key = normalize(part);
        if !first.is_uppercase()
            || key.len() < 2
            || ARTICLES.contains(&key.as_str())
            || words::contains(COMMON, &key)
            || ctx.others.contains_key(&key)
        {
            continue;
        }
        let span = Span::new(start, start + part.len());
        if let Some(Some(cc)) = gaz.demonym_entry(&key) {
            if let Some(country) = gaz.country_entry(cc) {
                // Inside a compound a country abbreviation or demonym is attributive ("U.S.-led").
                out.push(Candidate {
                    span,
                    key,
                    kind: MatchKind::Demonym(country),
                    recognition: 0.9,
                });
            }
            continue;
        }
        let places = lookup(gaz, &key);
        let notable = places.iter().any(|&i| {
            let e = &gaz.entries[i as usize];
            // Countries and regions, or divisions and towns of 50,000 people or more.
            matches!(e.kind, EntryKind::Country | EntryKind::Region) || e.population >= 50_000
        });
        if notable {
            out.push(Candidate {
                span,
                key,
                kind: MatchKind::Place(places.to_vec()),
                recognition: 0.8,
            });
        }
    }
    // "Agence France-Presse", "Coca-Cola": a capitalised part that is no place makes the
    // whole compound a name.
    if out.len() < capitalised_parts {
        out.clear();
    }
    out
}

/// Widens a found name over the words the gold sets count as part of it: a capitalised compass
/// or size qualifier before it ("Northern Europe"), a capitalised division word after it
/// ("Metcalfe County"), the dot of an abbreviated division ("Ky."). Drops a sentence-initial
/// "The" ("The U.S." -> "U.S.") unless the gazetteer name has it ("The Hague"). Returns how many
/// more tokens the candidate consumed after `i + n`.
fn widen(
    text: &str,
    tokens: &[Token],
    i: usize,
    n: usize,
    prev_end: usize,
    c: &mut Candidate,
    gaz: &Gazetteer,
) -> usize {
    let best = match &c.kind {
        MatchKind::Place(v) => v.first().map(|&e| &gaz.entries[e as usize]),
        MatchKind::Demonym(_) => None,
    };
    if n >= 2 && tokens[i].key == "the" && !best.is_some_and(|e| e.name.starts_with("The ")) {
        c.span.start = tokens[i + 1].span.start;
    }
    let Some(best) = best else { return 0 };
    let head = &tokens[i];
    if let Some(q) = i.checked_sub(1).map(|k| &tokens[k]) {
        if q.capitalised
            && !q.sentence_start
            && head.joined_to_prev
            && !head.sentence_start
            && q.span.start >= prev_end
            && words::contains(NAME_QUALIFIERS, &q.key)
            && tokens[i].key != "the"
        {
            c.span.start = q.span.start;
        }
    }
    let last = &tokens[i + n - 1];
    if let Some(d) = tokens.get(i + n) {
        if d.capitalised
            && d.joined_to_prev
            && !d.sentence_start
            && words::contains(DIVISION_HEADS, &d.key)
        {
            c.span.end = d.span.end;
            return 1;
        }
    }
    // "Edmonton, Ky.": a short abbreviation of a division keeps its dot, as written. An
    // abbreviation is mixed case and is not a word of the division's name ("Anhui." ends a
    // sentence); it follows a place and a comma ("north of Raqqa." ends a sentence too).
    let surface = last.span.slice(text);
    if n == 1
        && text[..c.span.start].trim_end().ends_with(',')
        && best.kind == EntryKind::Admin1
        && surface.len() <= 5
        && !surface.contains('.')
        && !last.all_caps
        && text[last.span.end..].starts_with('.')
        && !normalize(&best.name).split(' ').any(|w| w == c.key)
    {
        c.span.end = last.span.end + 1;
    }
    0
}

/// Names that the document itself shows are not places, with whether the evidence is strong
/// enough to hold against a country or division of that name:
/// - a name right before a disease word ("Marburg virus"): weak (the same text may name the town);
/// - a person: "Lucy's father", "Lucy herself", "Lucy, 22,", "82-year-old Geneva Morgan",
///   "said Amber," (strong); "Mather said" (weak: countries "say" things too).
fn not_place_names(tokens: &[Token], text: &str, gaz: &Gazetteer) -> FxHashMap<String, bool> {
    let mut out: FxHashMap<String, bool> = FxHashMap::default();
    let mut add = |k: String, strong: bool| {
        let e = out.entry(k).or_insert(strong);
        *e |= strong;
    };
    // The run of capitalised words joined to each other that ends at token `end` (inclusive).
    let run_back = |end: usize| -> usize {
        let mut a = end;
        while a > 0
            && end - a < 2
            && tokens[a].joined_to_prev
            && !tokens[a].sentence_start
            && tokens[a - 1].capitalised
        {
            a -= 1;
        }
        a
    };
    let run_fwd = |start: usize| -> usize {
        let mut b = start;
        while b + 1 < tokens.len()
            && b - start < 2
            && tokens[b + 1].capitalised
            && tokens[b + 1].joined_to_prev
            && !tokens[b + 1].sentence_start
        {
            b += 1;
        }
        b
    };
    let keys = |a: usize, b: usize| -> Vec<String> {
        let mut ks: Vec<String> = (a..=b).map(|k| tokens[k].key.clone()).collect();
        if b > a {
            ks.push(normalize(&text[tokens[a].span.start..tokens[b].span.end]));
        }
        ks
    };
    for (k, t) in tokens.iter().enumerate() {
        if !t.capitalised || t.all_caps {
            continue;
        }
        let after = &text[t.span.end..];
        let next = tokens.get(k + 1).filter(|n| n.joined_to_prev);
        // A name before a disease word: the name and the run it ends.
        if next.is_some_and(|n| !n.capitalised && words::contains(DISEASE_WORDS, &n.key)) {
            for key in keys(run_back(k), k) {
                add(key, false);
            }
        }
        let kin = ["'s ", "’s "].iter().any(|p| {
            after.strip_prefix(p).is_some_and(|rest| {
                let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                words::contains(KIN_WORDS, &w)
            })
        });
        let reflexive = next.is_some_and(|n| matches!(n.key.as_str(), "herself" | "himself"));
        let age = after.strip_prefix(", ").is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_digit())
                && r.trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with(',')
        });
        if kin || reflexive || age {
            for key in keys(run_back(k), k) {
                add(key, true);
            }
        }
        // The start of a run after "said" or "-year-old" that ends in a comma or full stop.
        let starts_run =
            k == 0 || !(tokens[k - 1].capitalised && t.joined_to_prev && !t.sentence_start);
        if starts_run && k > 0 && t.joined_to_prev {
            let p = &tokens[k - 1];
            let b = run_fwd(k);
            let closes = text[tokens[b].span.end..].starts_with([',', '.']);
            let speech =
                matches!(p.key.as_str(), "said" | "says" | "explained" | "added") && closes;
            // "82-year-old Geneva Morgan," names a person; "a 30-year-old Calgary man" a place.
            let aged = p.key.ends_with("year old") && b > k && closes;
            if speech || aged {
                for key in keys(k, b) {
                    add(key, true);
                }
            }
        }
        // "Mather said": a minor place name as the subject of a speech verb.
        if next.is_some_and(|n| matches!(n.key.as_str(), "said" | "says"))
            && !is_notable_place(gaz, &t.key)
        {
            for key in keys(run_back(k), k) {
                add(key, false);
            }
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
            // A sentence-initial word before a city ("Overall Edmonton ...") is no first name.
            && !(p.sentence_start && is_big_place(gaz, &t.key))
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

/// Whether a single word names a country, a division or a city of 100,000 or more.
fn is_big_place(gaz: &Gazetteer, key: &str) -> bool {
    gaz.candidates(key).iter().any(|&i| {
        let e = &gaz.entries[i as usize];
        // An airport has no population: like a small town it is no big place on its own.
        !matches!(e.kind, EntryKind::Town | EntryKind::Airport) || e.population >= 100_000
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
    ctx: &Ctx,
) -> Option<Candidate> {
    let (lower, tails) = (ctx.lower, ctx.tails);
    let places = lookup(gaz, &key);
    // "Kan" is no "Kan.": a division's dateline abbreviation counts only with its dot (or in
    // capitals, "NSW"); without it the divisions the word only abbreviates are no readings.
    let dot = span.slice(text).ends_with('.') || text[span.end..].starts_with('.');
    let abbreviates = |i: &u32| {
        let e = &gaz.entries[*i as usize];
        let n = normalize(&e.name);
        let first = n.split(' ').next().unwrap_or("");
        e.kind == EntryKind::Admin1 && first.len() > key.len() && first.starts_with(key.as_str())
    };
    let places =
        if !dot && !key.contains(' ') && !tokens[a].all_caps && places.iter().any(abbreviates) {
            Cow::Owned(places.iter().copied().filter(|i| !abbreviates(i)).collect())
        } else {
            places
        };
    let demonym = gaz.demonym_entry(&key);
    if places.is_empty() && demonym.is_none() {
        return None;
    }
    let first = &tokens[a];
    // "The White House said": a seat of government named for the government is no place;
    // "a ceremony at the White House" is one.
    if words::contains(SEAT_METONYMS, key.strip_prefix("the ").unwrap_or(&key)) {
        let mut k = a;
        if tokens[k].key == "the" {
            k += 1;
        }
        let mut before = (0..k).rev().map(|j| tokens[j].key.as_str());
        let mut prev_word = before.next();
        if prev_word == Some("the") {
            prev_word = before.next();
        }
        if !prev_word.is_some_and(|w| words::contains(LOCATIVE_PREPS, w)) {
            return None;
        }
    }
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
    // "US$5 million", "$US 15 billion": a currency code.
    if text[span.end..].starts_with('$') || text[..span.start].ends_with('$') {
        return None;
    }
    let next = tokens.get(b + 1).filter(|t| t.joined_to_prev);
    // "Marburg virus", "West Nile fever": a disease named after a place.
    if next.is_some_and(|n| !n.capitalised && words::contains(DISEASE_WORDS, &n.key)) {
        return None;
    }
    // "at 8:30 a.m. (Damascus Time)", "10 p.m. Beijing time": after a clock time, a place name
    // followed by "time" names a time zone, not where anything happens.
    if next.is_some_and(|n| n.key == "time") {
        let before = text[..span.start]
            .trim_end_matches(|c: char| c.is_whitespace() || c == '(')
            .to_ascii_lowercase();
        if before.ends_with(|c: char| c.is_ascii_digit())
            || ["a.m.", "p.m.", "am", "pm", "hours", "hrs", "gmt"]
                .iter()
                .any(|w| {
                    before.strip_suffix(w).is_some_and(|r| {
                        !r.ends_with(|c: char| c.is_alphabetic() || c == '.' && w.len() == 2)
                    })
                })
        {
            return None;
        }
    }
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
        // "The Rev. Paul": an abbreviated title.
        if words::contains(TITLES, &key) && text[span.end..].starts_with('.') {
            return None;
        }
        if !has_country && lower.contains(key.as_str()) {
            return None;
        }
        // A word seen as the surname in "John Walsh" is a person when it recurs alone.
        if !has_region && tails.contains(key.as_str()) {
            return None;
        }
        // "The Boons" after "Ken and Arlene Boon": a family named by its surname's plural.
        if !has_region && key.strip_suffix('s').is_some_and(|k| tails.contains(k)) {
            return None;
        }
        // Short all-caps words are acronyms unless they name a country ("UK", "UAE") or a
        // division by its abbreviation ("NSW", "B.C."): the build keeps no all-caps GeoNames
        // alternate names, so those come from the hand-made abbreviation table only.
        let division_abbrev = places.iter().any(|&i| {
            let e = &gaz.entries[i as usize];
            e.kind == EntryKind::Admin1 && normalize(&e.name) != key
        });
        if first.all_caps && key.len() <= 4 && !has_country && !division_abbrev {
            return None;
        }
        // A word of three letters or fewer that is only another spelling of a place (a
        // romanisation of a Chinese city), or the own name of hamlets alone, is far more often
        // a surname or a word ("Kan told reporters"); a word of a place's own name counts
        // ("Tuz" for Tuz Khurmatu), as does a division's abbreviation written as one.
        let notable_own_name = places.iter().any(|&i| {
            let e = &gaz.entries[i as usize];
            let n = normalize(&e.name);
            (n == key || n.split(' ').any(|w| w == key))
                && (e.population >= SHORT_NAME_POPULATION
                    || !matches!(e.kind, EntryKind::Town | EntryKind::Airport))
        });
        let written_abbrev = (dot || first.all_caps) && division_abbrev;
        if key.len() <= 3 && !has_country && !notable_own_name && !written_abbrev {
            return None;
        }
    }
    // The document shows the name is a person's or a disease's.
    if let Some(&strong) = ctx.others.get(key.as_str()) {
        if strong || (!has_region && max_pop < 1_000_000) {
            return None;
        }
    }
    // A capitalised word right before the name that is neither a place nor a qualifier makes
    // it part of a person or organisation name ("Michael Jordan").
    if let Some(p) = prev {
        // Before a town or division only a big place counts as a place ("the Damascus Aleppo
        // road"): a town of a few tens of thousands that shares a given name ("Ron", India) is
        // far more often a first name ("navigator Ron Arad"). A country keeps the wider test,
        // as brand and charity names end in one ("Taco Bell Canada").
        let p_is_place = if has_country {
            is_notable_place(gaz, &p.key)
        } else {
            is_big_place(gaz, &p.key)
        };
        // "Indian-controlled Kashmir", "Saudi-led": a compound ending in a lower-case word is
        // a modifier, not part of a name.
        let modifier = p
            .span
            .slice(text)
            .rsplit('-')
            .next()
            .is_some_and(|w| p.key.contains(' ') && w.starts_with(char::is_lowercase));
        // "Neighbouring Uganda", "Following Iraq's ...": a sentence-initial participle or
        // adverb is no first name.
        let initial_word = p.sentence_start
            && p.key.len() > 4
            && ["ing", "ed", "ly"].iter().any(|x| p.key.ends_with(x));
        if p.capitalised
            && !modifier
            && !initial_word
            && !words::contains(COMMON, &p.key)
            && !words::contains(QUALIFIERS, &p.key)
            && gaz.demonym_entry(&p.key).is_none()
            && !p_is_place
            && !p.all_caps
        {
            return None;
        }
    }
    // "Early Saturday, ...": the adverb that opens a sentence, not the Texas town.
    if single && first.sentence_start && key == "early" {
        return None;
    }
    if let Some(n) = next {
        // "a Chinook helicopter", "Tomahawk missiles": a minor place name before an aircraft or
        // weapon noun names the model, not a place.
        if !has_region && !n.capitalised && words::contains(MATERIEL_WORDS, &n.key) {
            return None;
        }
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
        // "Ohio State University", "Iowa State College": the name, "State" and a school head
        // are one institution's name, as "Ohio University" is; not a mention of the state.
        let school_after_state = tokens
            .get(b + 2)
            .filter(|t| t.joined_to_prev && t.capitalised)
            .is_some_and(|t| matches!(t.key.as_str(), "university" | "college"));
        if n.capitalised && n.key == "state" && school_after_state {
            return None;
        }
    }

    let mut recognition: f64 = match best_kind {
        EntryKind::Country | EntryKind::Region => 0.95,
        EntryKind::Admin1 | EntryKind::Admin2 | EntryKind::Capital => 0.9,
        EntryKind::Town => 0.65 + 0.05 * ((max_pop as f64 + 1.0).log10() - 3.0).clamp(0.0, 4.0),
        // Airport names are distinctive ("Gatwick", "Pearson International Airport").
        EntryKind::Airport => 0.8,
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

/// Population from which a town's own name of three letters or fewer is taken as a place in
/// running text (below it such a word is more often a surname: "Kan").
const SHORT_NAME_POPULATION: u64 = 10_000;

/// Population from which a town named after a saint is taken as the location of a facility
/// that bears the saint's name.
const SAINT_TOWN_POPULATION: u64 = 100_000;

/// "PARIS, Mo.", "Churchill, Man.": a short dotted word right after a place name and a comma
/// is a dateline abbreviation of a first-level division (news style cuts a division's name
/// after a few letters), not the town or word it also spells. Its candidates are the divisions
/// whose names begin with it; document context then picks one (Missouri in an article on
/// Missouri towns, Manitoba in a Canadian paper).
fn dotted_division(text: &str, span: Span, key: &str, gaz: &Gazetteer) -> Option<Candidate> {
    let surface = span.slice(text);
    let stem = surface.strip_suffix('.')?;
    if !(2..=5).contains(&stem.len())
        || !stem.chars().all(|c| c.is_ascii_alphabetic())
        || !stem.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    let before = text.get(..span.start)?.trim_end();
    let head = before.strip_suffix(',')?.trim_end();
    // The comma must follow a capitalised name ("Holliday, Mo."), not a list or a clause.
    let last = head.rsplit(|c: char| c.is_whitespace()).next()?;
    if !last.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let divisions: Vec<u32> = (0..gaz.entries.len() as u32)
        .filter(|&i| {
            let e = &gaz.entries[i as usize];
            e.kind == EntryKind::Admin1 && normalize(&e.name).starts_with(key)
        })
        .collect();
    if divisions.is_empty() {
        return None;
    }
    let mut divisions = divisions;
    divisions.sort_by(|&a, &b| {
        let (ea, eb) = (&gaz.entries[a as usize], &gaz.entries[b as usize]);
        eb.population.cmp(&ea.population)
    });
    Some(Candidate {
        span,
        key: key.to_string(),
        kind: MatchKind::Place(divisions),
        recognition: 0.9,
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
    // "Metcalfe County", "Karak district", "Northern Europe": a name the gazetteer lacks is
    // answered by the place it is named after or qualifies (the nearest thing it knows).
    let ws: Vec<&str> = key.split(' ').collect();
    if ws.len() >= 2 {
        const SUFFIXES: &[&str] = &[
            "district",
            "region",
            "state",
            "city",
            "area",
            "town",
            "village",
            "co",
            "camp",
            "municipality",
            "department",
            "territory",
        ];
        let last = ws[ws.len() - 1];
        if words::contains(DIVISION_HEADS, last) || words::contains(SUFFIXES, last) {
            keys.push(ws[..ws.len() - 1].join(" "));
        }
        if words::contains(NAME_QUALIFIERS, ws[0]) || words::contains(QUALIFIERS, ws[0]) {
            keys.push(ws[1..].join(" "));
        }
    }
    // "German" is an alternate name of the Mexican village San Germán, but written alone it is
    // the adjective of Germany: a demonym wins over towns that bear it only as another name.
    if let Some(cc) = gaz.demonym_entry(&key).flatten() {
        let town_alias_only = lookup(gaz, &key).iter().all(|&i| {
            let e = &gaz.entries[i as usize];
            matches!(e.kind, EntryKind::Town | EntryKind::Airport) && normalize(&e.name) != key
        });
        if town_alias_only {
            if let Some(country) = gaz.country_entry(cc) {
                return Some(Candidate {
                    span,
                    key,
                    kind: MatchKind::Demonym(country),
                    recognition: 0.9,
                });
            }
        }
    }
    if let Some(c) = dotted_division(text, span, &key, gaz) {
        return Some(c);
    }
    for (ki, k) in keys.iter().enumerate() {
        let places = lookup(gaz, k);
        if !places.is_empty() {
            let mut places = places.to_vec();
            // "Karak district": the second-level divisions of that full name compete with the
            // first-level divisions it may also name (some countries call those districts).
            let only_admin2 = places
                .iter()
                .all(|&i| gaz.entries[i as usize].kind == EntryKind::Admin2);
            if only_admin2 {
                for k2 in &keys[ki + 1..] {
                    places.extend(
                        lookup(gaz, k2)
                            .iter()
                            .filter(|&&i| gaz.entries[i as usize].kind == EntryKind::Admin1),
                    );
                }
            }
            return Some(Candidate {
                span,
                key: k.clone(),
                kind: MatchKind::Place(places),
                recognition: 0.9,
            });
        }
    }
    if let Some(cc) = gaz.demonym_entry(&key).flatten() {
        let country = gaz.country_entry(cc)?;
        return Some(Candidate {
            span,
            key,
            kind: MatchKind::Demonym(country),
            recognition: 0.9,
        });
    }
    // "European", "Asian", "African": the adjective of a continent or region.
    let region = [key.strip_suffix("an"), key.strip_suffix('n')]
        .into_iter()
        .flatten()
        .find_map(|k| {
            let v = gaz.candidates(k);
            v.iter()
                .any(|&i| gaz.entries[i as usize].kind == EntryKind::Region)
                .then(|| (k.to_string(), v.to_vec()))
        });
    if let Some((k, v)) = region {
        return Some(Candidate {
            span,
            key: k,
            kind: MatchKind::Place(v),
            recognition: 0.9,
        });
    }
    // "Menoufia" for Monufia: a division romanised from Arabic or Persian script is spelled in
    // many ways; a given name no spelling variant finds may still share its consonants.
    // Given spans only: in running text a person's name would match as easily.
    let divisions: Vec<u32> = gaz
        .by_skeleton(&key)
        .into_iter()
        .filter(|&i| TRANSLITERATED.contains(&gaz.entries[i as usize].country))
        .collect();
    if !divisions.is_empty() {
        return Some(Candidate {
            span,
            key,
            kind: MatchKind::Place(divisions),
            recognition: 0.9,
        });
    }
    // "Vancouver Art Gallery", "Montreal-Pierre Elliott Trudeau International Airport": a
    // name that holds a place name is taken to lie there (longest part first, then leftmost).
    // Among parts of the same length the most important place wins ("Stade de France": the
    // country, not the German town Stade): a facility is named after its famous location.
    // "St. Michael's Hospital", "St. Mark's Cathedral": a leading saint's name is the
    // building's dedication, not the village named after the same saint (nor a place bearing
    // the saint's name alone); only a large town of that name ("St. Louis Children's
    // Hospital") is taken as its location. The rest of the name may still hold a place.
    let dedication = ws.len() > 2
        && matches!(ws[0], "st" | "saint" | "ste" | "sainte")
        && lookup(gaz, &ws[..2].join(" "))
            .iter()
            .all(|&i| gaz.entries[i as usize].population < SAINT_TOWN_POPULATION);
    // "Danube Delta", "Ural Mountains", "Fraser Valley": a name headed by a landform names the
    // landform, which lies apart from a town or division that shares its qualifier; the
    // caller locates it by context instead.
    // Likewise a water body ("Islington Bay", "Mithi River"): a bay or river named after a
    // town often lies far from it (or in another country that reused the name).
    const WATER_HEADS: &[&str] = &["bay", "lake", "ocean", "river", "sea"];
    let head = ws[ws.len() - 1];
    if !dedication && (words::contains(LANDFORM_HEADS, head) || WATER_HEADS.contains(&head)) {
        return None;
    }
    let (parts, longest) = if dedication {
        (&ws[2..], ws.len() - 2)
    } else {
        (&ws[..], ws.len() - 1)
    };
    for n in (1..=longest).rev() {
        let mut best: Option<(f64, String, Vec<u32>)> = None;
        for part in parts.windows(n) {
            let k = part.join(" ");
            if k.len() < 3
                || (n == 1 && (words::contains(COMMON, &k) || words::contains(FACILITY_HEADS, &k)))
            {
                continue;
            }
            let places = lookup(gaz, &k);
            let top = places
                .iter()
                .map(|&i| prior(&gaz.entries[i as usize]))
                .fold(f64::NEG_INFINITY, f64::max);
            if !places.is_empty() && best.as_ref().is_none_or(|b| top > b.0) {
                best = Some((top, k, places.to_vec()));
            }
        }
        if let Some((_, key, places)) = best {
            return Some(Candidate {
                span,
                key,
                kind: MatchKind::Place(places),
                recognition: 0.5,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{find_places, resolve_spans, GazetteerSources};
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::parse(GazetteerSources {
            places: "1\tAl Hawijah\t35.33\t43.77\tIQ\tKirkuk\tP.PPL\t0\t\n\
                     2\tDeir ez-Zor\t35.34\t40.14\tSY\tDeir ez-Zor\tP.PPL\t271800\t\n\
                     3\tDur\t10.0\t10.0\tNG\tKano\tP.PPL\t5000\t\n\
                     4\tMetcalfe\t36.9\t-85.6\tUS\tKentucky\tP.PPL\t2000\t\n\
                     5\tKentucky\t37.5\t-85.3\tUS\tKentucky\tA.ADM1\t4400000\tKy.\n\
                     6\tMarburg\t50.8\t8.77\tDE\tHesse\tP.PPL\t72000\t\n\
                     7\tLondon\t51.5\t-0.12\tGB\tEngland\tP.PPLC\t8900000\t\n\
                     8\tEurope\t48.7\t9.1\t\t\tL.CONT\t741000000\t\n\
                     9\tLucy\t46.0\t3.0\tFR\tBourgogne\tP.PPL\t900\t\n",
            countries: "IQ\tIRQ\tIraq\t99237\tBaghdad\t33.0\t44.0\t40000000\t\n\
                        RU\tRUS\tRussia\t2017370\tMoscow\t60.0\t100.0\t144000000\t\n\
                        TR\tTUR\tTurkey\t298795\tAnkara\t39.0\t35.0\t82000000\t\n\
                        US\tUSA\tUnited States\t6252001\tWashington\t39.76\t-98.5\t327000000\t\n",
            country_aliases: "US\tU.S.\n",
            demonyms: "Iraqi\tIQ\t\nRussian\tRU\t\nU.S.\tUS\t\n",
        })
        .unwrap()
    }

    fn texts(text: &str) -> Vec<String> {
        find_places(text, &[], &gaz())
            .into_iter()
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn transliteration_variants_only_for_arabic_script_countries() {
        // Article and final "h" differ; an assimilated article is written as one word.
        assert_eq!(texts("Troops entered Hawija on Monday."), ["Hawija"]);
        assert_eq!(texts("Shells fell on Deir Ezzor again."), ["Deir Ezzor"]);
        // "Door" would be "Dur" (Nigeria): no variants outside the transliterating countries.
        assert!(texts("He knocked on the Door twice.").is_empty());
    }

    #[test]
    fn spans_take_division_words_qualifiers_and_abbreviation_dots() {
        assert_eq!(
            texts("The crash closed a road in Metcalfe County near Edmonton, Ky. on Friday."),
            ["Metcalfe County", "Ky."]
        );
        assert_eq!(
            texts("Rain spread over Northern Europe."),
            ["Northern Europe"]
        );
        // Sentence-initial "The" stays out; "As" written apart is English, not an article.
        assert_eq!(
            texts("The U.S. said so. As Iraq voted, Russia waited."),
            ["U.S.", "Iraq", "Russia"]
        );
    }

    #[test]
    fn compounds_currency_and_plural_demonyms() {
        assert_eq!(texts("Russia-Turkey ties warmed."), ["Russia", "Turkey"]);
        assert!(texts("A London-Lucy-Pressy venture.").is_empty());
        assert!(texts("It cost US$5 million.").is_empty());
        assert_eq!(texts("Iraqis voted; an Iraqi official said so."), ["Iraqi"]);
    }

    #[test]
    fn diseases_and_persons_named_like_places_are_not_places() {
        assert!(texts("The Marburg virus spread. Marburg kills slowly.").is_empty());
        assert!(texts("Lucy's father said Lucy was well. Doctors saved Lucy.").is_empty());
        assert_eq!(
            texts("A 30-year-old London man was arrested in London."),
            ["London", "London"]
        );
    }

    #[test]
    fn a_forced_landform_name_is_not_the_town_of_its_qualifier() {
        let text = "Fog lay over the Marburg Plateau while the Marburg Art Gallery stayed shut.";
        let span = |w: &str| {
            let b = text.find(w).unwrap();
            Span::new(b, b + w.len())
        };
        assert!(forced(text, span("Marburg Plateau"), &gaz()).is_none());
        // A facility still lies in the town it is named after.
        assert!(forced(text, span("Marburg Art Gallery"), &gaz()).is_some());
    }

    #[test]
    fn forced_spans_prefer_demonyms_written_out_saints_and_the_bigger_part() {
        let g = Gazetteer::parse(GazetteerSources {
            places: "1\tStade\t53.6\t9.5\tDE\tLower Saxony\tP.PPL\t45000\t\n\
                     2\tSaint-Marc\t19.1\t-72.7\tHT\tArtibonite\tP.PPL\t160000\t\n\
                     3\tSan Germo\t25.2\t-97.9\tMX\tTamaulipas\tP.PPL\t1100\tGerman\n",
            countries: "FR\tFRA\tFrance\t3017382\tParis\t46.0\t2.0\t67000000\t\n\
                        DE\tDEU\tGermany\t2921044\tBerlin\t51.5\t10.5\t83000000\t\n",
            country_aliases: "",
            demonyms: "German\tDE\t\nFrench\tFR\t\n",
        })
        .unwrap();
        let text = "Fans left the Stade de France. St. Marc is calm. German aid came.";
        let span = |w: &str| {
            let b = text.find(w).unwrap();
            sitrep_core::Span::new(b, b + w.len())
        };
        let spans = [span("Stade de France"), span("St. Marc"), span("German")];
        let r = resolve_spans(text, &spans, &g);
        let names: Vec<&str> = r
            .iter()
            .map(|m| m.as_ref().unwrap().name.as_str())
            .collect();
        // The country in the stadium's name outranks the small town; "St." is "Saint"; the
        // demonym wins over a village that has the word only as an alternate name.
        assert_eq!(names, ["France", "Saint-Marc", "Germany"]);
    }

    #[test]
    fn forced_spans_fall_back_to_the_place_they_contain() {
        let g = gaz();
        let text = "The London Art Gallery and European leaders met.";
        let span = |w: &str| {
            let b = text.find(w).unwrap();
            sitrep_core::Span::new(b, b + w.len())
        };
        let r = resolve_spans(text, &[span("London Art Gallery"), span("European")], &g);
        assert_eq!(r[0].as_ref().unwrap().name, "London");
        assert_eq!(r[1].as_ref().unwrap().name, "Europe");
    }
}
