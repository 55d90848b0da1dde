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
}
