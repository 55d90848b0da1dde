//! Re-casing of documents written in capitals only (telex, old wire copy, the FBIS texts of
//! MUC-4). Every cue the engine reads for names (a capital after a lower-case word, an all-caps
//! acronym) is gone in such text, so it would find almost no actor or place. [`truecase`] gives
//! back a copy in ordinary English case. Only ASCII letters change case, so the copy has the same
//! length and every byte offset into it is an offset into the original.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::geo::Gazetteer;
use crate::nlp::actors::TITLES;

/// SCOWL's American English word list (Debian `wamerican`), one word per line in its usual
/// case; see data/SOURCES.md.
const ENGLISH_WORDS: &str = include_str!("../../../../data/lexicon/english_words.txt");

/// How English writes each word of a word list.
pub struct CaseLexicon {
    /// Words written in lower case ("attack", "march", "turkey").
    common: HashSet<Box<str>>,
    /// Lower-cased key → capitalised form of words written capitalised: proper nouns
    /// ("Guatemala", "Bush", "March"). A word may also be common.
    capitalised: HashMap<Box<str>, Box<str>>,
    /// Lower-cased acronyms written in capitals ("nato", "fbi").
    acronyms: HashSet<Box<str>>,
}

impl CaseLexicon {
    /// Reads a word list with one word per line in its usual case.
    pub fn parse(words: &str) -> CaseLexicon {
        let mut lex = CaseLexicon {
            common: HashSet::new(),
            capitalised: HashMap::new(),
            acronyms: HashSet::new(),
        };
        for w in words.lines().map(str::trim).filter(|w| !w.is_empty()) {
            let lower = w.to_ascii_lowercase().into_boxed_str();
            if w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase()) {
                lex.acronyms.insert(lower);
            } else if w.starts_with(|c: char| c.is_ascii_uppercase()) {
                lex.capitalised.insert(lower, w.into());
            } else {
                lex.common.insert(lower);
            }
        }
        lex
    }

    /// The built-in list, parsed on first use: most documents never need it.
    pub fn builtin() -> &'static CaseLexicon {
        static LEXICON: OnceLock<CaseLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| CaseLexicon::parse(ENGLISH_WORDS))
    }
}

/// Whether a text is written in capitals: at least 20 ASCII letters, of which at least 90% are
/// upper case. (A headline in capitals over an ordinary article stays below the share.)
pub fn is_all_caps(text: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for b in text.bytes().filter(u8::is_ascii_alphabetic) {
        letters += 1;
        upper += usize::from(b.is_ascii_uppercase());
    }
    letters >= 20 && upper * 10 >= letters * 9
}

/// One run of ASCII letters of the text.
struct Word {
    start: usize,
    end: usize,
    lower: String,
}

/// Runs of at most this many words are looked up as multi-word place and country names.
const MAX_NAME_WORDS: usize = 3;

/// A copy of `text` in ordinary case, for a text that [`is_all_caps`]. Per word, first match:
/// - letters after an apostrophe or a digit ("'S", "13TH") and the article "a" are lower case;
///   other single letters (initials, "U.S.") stay capitals;
/// - a run of two or three words that names a country or a place of the gazetteer ("EL
///   SALVADOR", "NEW YORK") is capitalised word by word; a place whose words are all common
///   words must be large;
/// - a country name or demonym is capitalised, even when it is also a common word ("TURKEY");
/// - an acronym of the word list that is no common word stays in capitals ("NATO");
/// - a month name next to a number is capitalised ("3 MAY"; "MAY" alone is the verb);
/// - a common word is lower case, unless it can be a surname and follows a title
///   ("PRESIDENT BUSH");
/// - a proper noun of the word list takes its case there ("GUATEMALA");
/// - a word the list lacks is judged by its shape (see [`unknown_word_case`]): mostly a name.
///
/// The first letter of each sentence is then capitalised.
pub fn truecase(text: &str, lex: &CaseLexicon, gaz: &Gazetteer) -> String {
    let words = letter_runs(text);
    let mut out = text.as_bytes().to_vec();
    let mut named_until = 0; // words before this index were cased as part of a name
    for (i, w) in words.iter().enumerate() {
        if i < named_until {
            continue;
        }
        if let Some(n) = multi_word_name(text, &words[i..], lex, gaz) {
            for nw in &words[i..i + n] {
                let function_word = matches!(nw.lower.as_str(), "of" | "the" | "and" | "de");
                write_case(&mut out, nw, !function_word);
            }
            named_until = i + n;
            continue;
        }
        match word_case(text, &words, i, lex, gaz) {
            Case::Lower => write_case(&mut out, w, false),
            Case::Capitalised => write_case(&mut out, w, true),
            Case::Upper => {}
            Case::As(form) => out[w.start..w.end].copy_from_slice(form.as_bytes()),
        }
    }
    for (i, w) in words.iter().enumerate() {
        if is_bracketed_acronym(text, w, &out) {
            capitalise_expanded_name(text, &words[..i], &mut out);
        }
    }
    for w in &words {
        if sentence_start(text, w.start) {
            out[w.start] = out[w.start].to_ascii_uppercase();
        }
    }
    // Only ASCII letters were changed, one byte for one byte.
    String::from_utf8(out).expect("ASCII case changes keep UTF-8 valid")
}

enum Case<'a> {
    Lower,
    Capitalised,
    Upper,
    As(&'a str),
}

fn word_case<'a>(
    text: &str,
    words: &[Word],
    i: usize,
    lex: &'a CaseLexicon,
    gaz: &Gazetteer,
) -> Case<'a> {
    let w = &words[i];
    let prev = i.checked_sub(1).map(|k| &words[k]);
    let next = words.get(i + 1);
    let lower = w.lower.as_str();
    let before = &text[..w.start];
    // "ARMY'S", "13TH", "1980S": endings, not words.
    let ending =
        before.ends_with(['\'', '\u{2019}']) || before.ends_with(|c: char| c.is_ascii_digit());
    if ending || lower == "a" {
        return Case::Lower;
    }
    if lower.len() == 1 {
        return Case::Upper;
    }
    let common = lex.common.contains(lower);
    let proper = lex.capitalised.get(lower);
    // A country name or demonym that is also a common word is the country in news ("TURKEY",
    // "CHAD"), but not when the country's name is an acronym that spells a word ("CAR").
    let country = gaz.country_code_of(lower).is_some() || gaz.demonym(lower).is_some();
    if country && (!common || proper.is_some()) {
        return Case::Capitalised;
    }
    if lex.acronyms.contains(lower) && !common {
        return Case::Upper;
    }
    if is_month(lower) && (next_is_number(text, w, next) || prev_is_number(text, w, prev)) {
        return Case::Capitalised;
    }
    if common {
        let after_title = prev.is_some_and(|p| is_title(&p.lower));
        return match proper {
            Some(form) if after_title => Case::As(form),
            _ => Case::Lower,
        };
    }
    if let Some(form) = proper {
        return Case::As(form);
    }
    unknown_word_case(text, w, next, lex)
}

/// Endings of English words derived from others: an unknown word with one is a word the list
/// lacks or a misspelling ("KIDAPPING", "ANTIGOVERNMENT"), not a name. ("-ic" is left out: it
/// ends many Slavic surnames.)
const DERIVED_ENDINGS: &[&str] = &["ing", "ed", "ly", "tion", "tions", "ness", "ment", "ments"];

/// The case of a word the list lacks: a name, an acronym, or a derived common word.
fn unknown_word_case<'a>(text: &str, w: &Word, next: Option<&Word>, lex: &CaseLexicon) -> Case<'a> {
    let lower = w.lower.as_str();
    if lower.len() <= 3 {
        // Short: a particle of a name ("EL TIEMPO", "PAZ ZAMORA") or an acronym ("DAS SAID").
        let before_name = next.is_some_and(|n| {
            text[w.end..n.start].bytes().all(|b| b == b' ')
                && !lex.common.contains(n.lower.as_str())
        });
        return if before_name {
            Case::Capitalised
        } else {
            Case::Upper
        };
    }
    if !lower[1..].bytes().any(|b| b"aeiouy".contains(&b)) {
        return Case::Upper; // "FMLN", "URNG"
    }
    // Alone in brackets after other words: the acronym of the name before it ("(UNITA)").
    let bracketed = text[..w.start].ends_with('(') && text[w.end..].starts_with(')');
    if bracketed && !paragraph_opening(text, w.start - 1) {
        return Case::Upper;
    }
    if lower.len() >= 7 && DERIVED_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        return Case::Lower;
    }
    Case::Capitalised
}

/// Whether a word stands alone in brackets and was left in capitals: an acronym given after
/// the name it shortens.
fn is_bracketed_acronym(text: &str, w: &Word, out: &[u8]) -> bool {
    w.end - w.start >= 2
        && text[..w.start].ends_with('(')
        && text[w.end..].starts_with(')')
        && out[w.start..w.end].iter().all(u8::is_ascii_uppercase)
}

/// Capitalises the name an acronym in brackets expands ("THE NATIONAL REVOLUTIONARY UNITY
/// (URNG)"): two to six words right before the bracket, back to a comma, a determiner or a
/// preposition other than the "of", "and", "for" inside names.
fn capitalise_expanded_name(text: &str, before: &[Word], out: &mut [u8]) {
    let mut first = before.len();
    let mut gap_end = text[..before.last().map_or(0, |w| w.end)].len();
    gap_end = text[gap_end..].find('(').map_or(gap_end, |k| gap_end + k);
    for (k, w) in before.iter().enumerate().rev().take(6) {
        let gap_is_space = text[w.end..gap_end]
            .bytes()
            .all(|b| b.is_ascii_whitespace());
        let inner = matches!(w.lower.as_str(), "of" | "and" | "for");
        if !gap_is_space || (is_function(&w.lower) && !inner) || w.lower.len() == 1 {
            break;
        }
        first = k;
        gap_end = w.start;
    }
    // A name neither starts nor ends with "of", "and", "for"; a single word before the bracket
    // ("the rebels (UNITA)") is a description, not the name.
    let name = &before[first..];
    let Some(start) = name.iter().position(|w| !is_function_in_name(&w.lower)) else {
        return;
    };
    if name
        .iter()
        .filter(|w| !is_function_in_name(&w.lower))
        .count()
        < 2
    {
        return;
    }
    for w in &name[start..] {
        if !is_function_in_name(&w.lower) {
            out[w.start] = out[w.start].to_ascii_uppercase();
        }
    }
}

fn is_function_in_name(w: &str) -> bool {
    matches!(w, "of" | "and" | "for")
}

/// Whether the byte at `at` opens a line (only spaces before it on its line): a speaker's label
/// in a transcript, "(REPORTER)", rather than an acronym after a name.
fn paragraph_opening(text: &str, at: usize) -> bool {
    // Only the indentation is walked back over, not the whole line.
    let indented = text[..at].trim_end_matches([' ', '\t']);
    indented.is_empty() || indented.ends_with('\n')
}

/// The number of words (2 or 3) from the first of `words` that name a country or a gazetteer
/// place, when they are written as one name in the text (spaces only between them) and are
/// not common words naming a small place ("good hope").
fn multi_word_name(
    text: &str,
    words: &[Word],
    lex: &CaseLexicon,
    gaz: &Gazetteer,
) -> Option<usize> {
    (2..=MAX_NAME_WORDS.min(words.len())).rev().find(|&n| {
        let run = &words[..n];
        let spaced = run
            .windows(2)
            .all(|p| text[p[0].end..p[1].start].bytes().all(|b| b == b' '));
        if !spaced {
            return false;
        }
        if is_function(&run[0].lower) || is_function(&run[n - 1].lower) {
            return false;
        }
        let name = run
            .iter()
            .map(|w| w.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if gaz.country_code_of(&name).is_some() {
            return true;
        }
        // Words that are all common ("good hope", "spring hill") name a small place far less
        // often than they mean what they say; only a large place is taken.
        let has_name_word = run.iter().any(|w| !lex.common.contains(w.lower.as_str()));
        let min_population = if has_name_word { 0 } else { 100_000 };
        gaz.lookup(&name)
            .iter()
            .any(|p| p.population.unwrap_or(0) >= min_population)
    })
}

fn is_function(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "and" | "in" | "on" | "at" | "to" | "a" | "an" | "by" | "for" | "with"
    )
}

/// A one-word title of the actor lexicon's list, written with or without its period, or a
/// cleric's "father".
fn is_title(w: &str) -> bool {
    TITLES
        .iter()
        .any(|t| t.trim_end_matches('.') == w && !t.contains(' '))
        || w == "father"
}

fn is_month(w: &str) -> bool {
    matches!(w, "march" | "may" | "june" | "august")
}

fn next_is_number(text: &str, w: &Word, next: Option<&Word>) -> bool {
    let rest = &text[w.end..next.map_or(text.len(), |n| n.start)];
    rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

fn prev_is_number(text: &str, w: &Word, prev: Option<&Word>) -> bool {
    let before = &text[prev.map_or(0, |p| p.end)..w.start];
    before.trim_end().ends_with(|c: char| c.is_ascii_digit())
}

/// Whether the word starting at `start` opens a sentence: it is the text's first word, or the
/// first after ". ! ?" (past quotes and brackets) or after a blank line.
fn sentence_start(text: &str, mut start: usize) -> bool {
    // Transcript labels are short and few ("(BEGIN RECORDING) (VARGAS) THIS ..."); looking back
    // over at most three, each within 200 bytes, keeps a text full of brackets linear and the
    // stack flat.
    for _ in 0..=MAX_LABELS {
        let before =
            text[..start].trim_end_matches([' ', '\t', '"', '\'', '(', '\u{201c}', '\n', '\r']);
        if before.is_empty() || before.ends_with(['!', '?', ':']) {
            return true;
        }
        // After a transcript's label at the start of a sentence: "(REPORTER) THERE ARE ...".
        if let Some(inside) = before.strip_suffix(')') {
            let window = inside.len().saturating_sub(LABEL_BYTES);
            let window = (window..=inside.len())
                .find(|&k| inside.is_char_boundary(k))
                .unwrap_or(inside.len());
            if let Some(open) = inside[window..].rfind('(') {
                start = window + open;
                continue;
            }
        }
        if let Some(head) = before.strip_suffix('.') {
            // Not after an initial or a title's abbreviation ("U.S. OFFICIALS", "COL. DIAZ").
            let last = &head[head
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .len()..];
            let abbreviation = last.len() == 1 || is_title(&last.to_ascii_lowercase());
            return !abbreviation;
        }
        // A blank line (paragraph break), possibly followed by the paragraph's indentation.
        return text[before.len()..start].matches('\n').count() >= 2;
    }
    false
}

/// How many transcript labels [`sentence_start`] looks back over, and how long one may be.
const MAX_LABELS: usize = 3;
const LABEL_BYTES: usize = 200;

fn letter_runs(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut words = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        words.push(Word {
            start,
            end: i,
            lower: text[start..i].to_ascii_lowercase(),
        });
    }
    words
}

/// Writes a word lower case, or capitalised (first letter upper, the rest lower).
fn write_case(out: &mut [u8], w: &Word, capitalise: bool) {
    for (k, b) in out[w.start..w.end].iter_mut().enumerate() {
        *b = if k == 0 && capitalise {
            b.to_ascii_uppercase()
        } else {
            b.to_ascii_lowercase()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::GazetteerSources;

    fn lexicon() -> CaseLexicon {
        CaseLexicon::parse(
            "attack\nattacked\nthe\nfarm\nnear\nrebels\nsaid\npresident\nbush\nBush\nmay\nMay\ngood\nhope\n\
             march\nMarch\nturkey\nTurkey\nnew\nNew\nYork\nGuatemala\nNATO\nof\nin\non\nwill\n\
             army\ncar\nnational\nliberation\nrebels\nhe\ntoday\nsupply\nlines\nthat\nwas\nsafe\ncity\nleaders\nmet\nfarmers\nit",
        )
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::parse(GazetteerSources {
            places:
                "5128581\tNew York City\t40.71\t-74.01\tUS\tNew York\tP.PPL\t8800000\tNew York\n\
                     3595528\tFlores\t16.93\t-89.89\tGT\tPeten\tP.PPL\t30000\t\n\
                     4000000\tGood Hope\t34.1\t-118.0\tUS\tCalifornia\tP.PPL\t9000\t\n",
            countries:
                "CF\tCAF\tCentral African Republic\t239880\tBangui\t7.0\t21.0\t4800000\tCAR\n\
                        TR\tTUR\tTurkey\t298795\tAnkara\t39.0\t35.0\t82000000\t\n\
                        GT\tGTM\tGuatemala\t3595528\tGuatemala City\t15.5\t-90.25\t17000000\t\n",
            country_aliases: "",
            demonyms: "Guatemalan\tGT\t\n",
        })
        .expect("test gazetteer parses")
    }

    fn recase(s: &str) -> String {
        truecase(s, &lexicon(), &gazetteer())
    }

    #[test]
    fn many_brackets_neither_recurse_nor_rescan() {
        // 100,000 bracketed words in a row, and list numbers with no opening bracket.
        let text = "(A) ".repeat(100_000) + &"1) FARM 2) ARMY ".repeat(20_000);
        let out = recase(&text);
        assert_eq!(out.len(), text.len());
    }

    #[test]
    fn detects_all_caps_text() {
        assert!(is_all_caps(
            "THE ARMY SAID TODAY THAT REBELS ATTACKED A FARM."
        ));
        // A capitals headline over an ordinary paragraph is not a text in capitals.
        assert!(!is_all_caps(
            "REBELS ATTACK FARM\nThe army said today that rebels had attacked a farm near the town."
        ));
        assert!(!is_all_caps("NATO MET"));
    }

    #[test]
    fn restores_names_and_lowercases_common_words() {
        assert_eq!(
            recase("THE ARMY SAID REBELS ATTACKED A FARM NEAR FLORES TODAY."),
            "The army said rebels attacked a farm near Flores today."
        );
        // Unknown words are names; short or vowel-less unknown words are acronyms.
        assert_eq!(
            recase("THE FMLN SAID CEREZO WAS SAFE."),
            "The FMLN said Cerezo was safe."
        );
        assert_eq!(recase("NATO LEADERS MET."), "NATO leaders met.");
    }

    #[test]
    fn keeps_the_length_and_every_offset() {
        let text = "IN GUATEMALA, THE ARMY'S SUPPLY LINES WERE ATTACKED ON 3 MAY. ÉTÉ";
        let out = recase(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(out.to_ascii_uppercase(), text.to_ascii_uppercase());
        assert!(out.contains("army's"), "{out}");
    }

    #[test]
    fn countries_months_and_titles_by_context() {
        // A country name that is also a common word is the country in news.
        assert!(recase("REBELS ATTACKED TURKEY.").ends_with("Turkey."));
        // A month next to a number is a month; "may" alone is the verb.
        assert_eq!(
            recase("IT WAS ON 3 MAY. HE MAY ATTACK."),
            "It was on 3 May. He may attack."
        );
        // A word that is also a surname is a name after a title, a common word elsewhere.
        assert_eq!(
            recase("PRESIDENT BUSH SAID THE BUSH WAS SAFE."),
            "President Bush said the bush was safe."
        );
    }

    #[test]
    fn unknown_words_by_shape() {
        // A short word before a name is a particle of it; before a common word, an acronym.
        assert_eq!(
            recase("THE DAS SAID EL TIEMPO WAS SAFE."),
            "The DAS said El Tiempo was safe."
        );
        // A word alone in brackets after a name is its acronym; a bracketed word opening a line
        // is a transcript's speaker.
        assert_eq!(
            recase("THE REBELS (UNITA) ATTACKED.\n(REPORTER) HE SAID IT WAS SAFE."),
            "The rebels (UNITA) attacked.\n(Reporter) He said it was safe."
        );
        // Unknown words with a derived ending are misspelt common words, not names.
        assert_eq!(
            recase("THE KIDAPPING WAS NEAR FLORES."),
            "The kidapping was near Flores."
        );
    }

    #[test]
    fn names_before_their_bracketed_acronym() {
        assert_eq!(
            recase("REBELS OF THE NATIONAL ARMY OF LIBERATION (NALE) ATTACKED."),
            "Rebels of the National Army of Liberation (NALE) attacked."
        );
        // A comma ends the name, and one word is a description, not a name.
        assert_eq!(
            recase("THE ARMY, FARMERS (FMLN) SAID."),
            "The army, farmers (FMLN) said."
        );
        // A bracketed word in ordinary case is no acronym.
        assert_eq!(
            recase("THE ARMY, NATIONAL FARMERS (GUATEMALA) SAID."),
            "The army, national farmers (Guatemala) said."
        );
    }

    #[test]
    fn endings_acronym_countries_and_abbreviations() {
        // Letters after a digit are an ending; a country whose name is an acronym spelling a
        // common word ("CAR") stays that word.
        assert_eq!(
            recase("THE 13TH ARMY SAID THE CAR WAS SAFE."),
            "The 13th army said the car was safe."
        );
        // The period of an initial does not end the sentence.
        assert_eq!(
            recase("HE SAID U.S. ARMY LEADERS MET."),
            "He said U.S. army leaders met."
        );
    }

    #[test]
    fn multi_word_places_and_paragraphs() {
        assert_eq!(
            recase("HE MET FARMERS IN NEW YORK TODAY."),
            "He met farmers in New York today."
        );
        // "new" alone stays a common word.
        assert_eq!(
            recase("THE NEW ARMY SAID IT WAS SAFE."),
            "The new army said it was safe."
        );
        // Common words that name only a small place keep their meaning.
        assert!(recase("HE SAID GOOD HOPE WAS SAFE.").contains("good hope"));
        // A blank line opens a paragraph; a hard-wrapped line does not open a sentence.
        assert_eq!(
            recase("HE SAID THE FARM\nWAS SAFE.\n\n   THE ARMY SAID IT WAS SAFE."),
            "He said the farm\nwas safe.\n\n   The army said it was safe."
        );
        // A sentence may start on a new line of a wrapped paragraph.
        assert_eq!(
            recase("HE SAID IT WAS SAFE.\n   THE ARMY MET."),
            "He said it was safe.\n   The army met."
        );
    }
}
