//! Name normalisation shared by the gazetteer index and the text matcher, so that both sides
//! of a lookup fold the same way: lower case, diacritics folded to ASCII, apostrophes dropped,
//! every other non-alphanumeric run turned into one space, a leading "the " removed.

/// Arabic article prefixes written before place names ("al-Bab", "Ar Raqqah").
pub(crate) const ARTICLES: [&str; 9] = ["al", "el", "ar", "as", "ad", "ash", "az", "an", "at"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | 'ʿ' | 'ʾ' | '`' | '´')
}

/// The lookup key of a name. Returns an empty string for a name with no letters or digits.
pub fn normalize(name: &str) -> String {
    if name.is_ascii() {
        normalize_ascii(name)
    } else {
        normalize_general(name)
    }
}

fn normalize_general(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    let push = |c: char, out: &mut String, pending: &mut bool| {
        if *pending && !out.is_empty() {
            out.push(' ');
        }
        *pending = false;
        out.push(c.to_ascii_lowercase());
    };
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            push(c, &mut out, &mut pending_space);
        } else if c.is_ascii() {
            if !is_apostrophe(c) {
                pending_space = true;
            }
        } else if is_apostrophe(c) {
            // "Dar'a" and "Dara" are the same name.
        } else if c.is_alphanumeric() {
            match deunicode::deunicode_char(c) {
                Some(s) => {
                    for d in s.chars() {
                        if d.is_ascii_alphanumeric() {
                            push(d, &mut out, &mut pending_space);
                        } else if d == ' ' {
                            pending_space = true;
                        }
                    }
                }
                None => pending_space = true,
            }
        } else {
            pending_space = true;
        }
    }
    if let Some(rest) = out.strip_prefix("the ") {
        return rest.to_string();
    }
    out
}

/// [`normalize`] of ASCII text, byte by byte: most names in English news are ASCII, and this
/// runs for every candidate word run of every sentence.
fn normalize_ascii(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for &b in name.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(b.to_ascii_lowercase() as char);
        } else if !is_apostrophe(b as char) {
            pending_space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// The key without a leading Arabic article ("al bab" -> "bab"), if it has one.
pub(crate) fn strip_article(key: &str) -> Option<&str> {
    // Every article starts with "a" or "e"; most keys are rejected here.
    if !key.starts_with(['a', 'e']) {
        return None;
    }
    let (first, rest) = key.split_once(' ')?;
    (ARTICLES.contains(&first) && !rest.is_empty()).then_some(rest)
}

/// A transliteration-insensitive key of a normalised name: the Arabic article dropped, "q" and
/// "k" merged, and every run of vowels (with "y" or "w" between vowels, and a final "h" after
/// one) written as one "a", so that "Menoufia", "Monufia" and "Minufiyah" share `manafa`,
/// and "Daqahliya" and "Dakahlia" share `dakahla`. `None` when fewer than three consonants
/// remain: shorter skeletons match too many unrelated names.
pub(crate) fn skeleton(key: &str) -> Option<String> {
    let key = strip_article(key).unwrap_or(key);
    let b: Vec<u8> = key.bytes().filter(|c| *c != b' ').collect();
    if !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut out = String::with_capacity(b.len());
    let mut consonants = 0;
    for (i, &c) in b.iter().enumerate() {
        let prev_vowel = i > 0 && vowel(b[i - 1]);
        let next_vowel = b.get(i + 1).is_some_and(|&n| vowel(n));
        // A glide between vowels ("Minufiyah") and a final "h" after a vowel ("-iyah") are
        // spelling, not consonants of the name.
        let soft = (matches!(c, b'y' | b'w') && prev_vowel && next_vowel)
            || (c == b'h' && prev_vowel && i + 1 == b.len());
        if vowel(c) || soft || (c == b'y' && !next_vowel) {
            if !out.ends_with('a') {
                out.push('a');
            }
            continue;
        }
        let c = if c == b'q' { 'k' } else { c as char };
        // Doubled consonants ("Fayyum") are written single in other spellings.
        if !out.ends_with(c) {
            out.push(c);
            consonants += 1;
        }
    }
    (consonants >= 3).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(normalize("Ḩimş"), "hims");
        assert_eq!(normalize("Deir ez-Zor"), "deir ez zor");
        assert_eq!(normalize("Dar'ā"), "dara");
        assert_eq!(normalize("U.S."), "u s");
        assert_eq!(normalize("the U.S."), "u s");
        assert_eq!(normalize("  São  Paulo "), "sao paulo");
        assert_eq!(normalize("..."), "");
    }

    #[test]
    fn ascii_fast_path_matches_the_general_path() {
        for name in [
            "U.S.",
            "the U.S.",
            "The",
            "Deir ez-Zor",
            "Dar'a",
            "  New   York ",
            "--",
            "A`b",
            "x1-2",
        ] {
            assert_eq!(normalize_ascii(name), normalize_general(name), "{name:?}");
        }
    }

    #[test]
    fn strips_articles() {
        assert_eq!(strip_article("al bab"), Some("bab"));
        assert_eq!(strip_article("ar raqqah"), Some("raqqah"));
        assert_eq!(strip_article("alabama"), None);
        assert_eq!(strip_article("new york"), None);
    }

    #[test]
    fn skeletons_join_transliterations_and_skip_short_names() {
        assert_eq!(skeleton("menoufia"), skeleton("monufia"));
        assert_eq!(skeleton("menoufia"), skeleton("al minufiyah"));
        assert_eq!(skeleton("daqahliya"), skeleton("dakahlia"));
        assert_eq!(skeleton("daqahliya"), skeleton("ad daqahliyah"));
        assert_ne!(skeleton("menoufia"), skeleton("daqahliya"));
        assert_eq!(skeleton("kan"), None);
        assert_eq!(skeleton("new york"), skeleton("newyork"));
    }
}
