//! Word tokens with byte offsets. Abbreviations with inner dots ("U.S.", "U.N.") and
//! hyphenated or apostrophised words stay one token; punctuation marks are their own tokens.

use sitrep_core::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Lower-cased text with curly apostrophes folded to ASCII.
    pub lower: String,
    pub span: Span,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
    }
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub fn is_punct(&self, p: &str) -> bool {
        self.text == p
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenise `text`; spans are relative to `text` plus `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                    continue;
                }
                // Inner joiners: hyphen, apostrophe, dot between letters (U.S.), comma or dot in numbers.
                let next_is_word = j + 1 < n && is_word_char(chars[j + 1].1);
                let prev = chars[j - 1].1;
                match cj {
                    '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}' if next_is_word => {
                        // Keep possessive 's as a separate token.
                        if (cj == '\'' || cj == '\u{2019}')
                            && j + 2 <= n
                            && (chars[j + 1].1 == 's' || chars[j + 1].1 == 'S')
                            && (j + 2 == n || !is_word_char(chars[j + 2].1))
                        {
                            break;
                        }
                        j += 1;
                    }
                    '.' | ','
                        if next_is_word
                            && prev.is_ascii_digit()
                            && chars[j + 1].1.is_ascii_digit() =>
                    {
                        j += 1;
                    }
                    '.' if next_is_word && prev.is_alphabetic() && is_initialism(&chars, i, j) => {
                        j += 1;
                    }
                    _ => break,
                }
            }
            // Trailing dot of an initialism ("U.S.") belongs to it.
            if j < n && chars[j].1 == '.' && j > i && is_initialism(&chars, i, j) && j - i >= 3 {
                j += 1;
            }
            let end = if j < n { chars[j].0 } else { text.len() };
            push(&mut out, text, start, end, base);
            i = j;
        } else if (c == '\'' || c == '\u{2019}')
            && i + 1 < n
            && matches!(chars[i + 1].1, 's' | 'S')
            && (i + 2 == n || !is_word_char(chars[i + 2].1))
        {
            // Possessive "'s" as one token.
            let end = if i + 2 < n {
                chars[i + 2].0
            } else {
                text.len()
            };
            push(&mut out, text, start, end, base);
            i += 2;
        } else {
            let end = if i + 1 < n {
                chars[i + 1].0
            } else {
                text.len()
            };
            push(&mut out, text, start, end, base);
            i += 1;
        }
    }
    out
}

/// True when chars[i..j] look like single letters separated by dots ("U.S", "U.N").
fn is_initialism(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let mut k = i;
    let mut letters = 0;
    while k < j {
        if !chars[k].1.is_alphabetic() {
            return false;
        }
        letters += 1;
        k += 1;
        if k < j {
            if chars[k].1 != '.' {
                return false;
            }
            k += 1;
        }
    }
    letters >= 1 && (j - i == 1 || chars[i + 1].1 == '.')
}

/// Lower case with curly apostrophes folded to ASCII; one allocation for ASCII text (most
/// tokens), as this runs for every token.
fn lower_folded(t: &str) -> String {
    if t.is_ascii() {
        let mut s = t.to_string();
        s.make_ascii_lowercase();
        s
    } else {
        t.to_lowercase().replace('\u{2019}', "'")
    }
}

fn push<'a>(out: &mut Vec<Token<'a>>, text: &'a str, start: usize, end: usize, base: usize) {
    let t = &text[start..end];
    out.push(Token {
        text: t,
        lower: lower_folded(t),
        span: Span::new(base + start, base + end),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_initialisms_and_hyphens() {
        assert_eq!(
            words("U.S.-Syrian forces, al-Shabaab's fighters."),
            vec![
                "U.S.",
                "-",
                "Syrian",
                "forces",
                ",",
                "al-Shabaab",
                "'s",
                "fighters",
                "."
            ]
        );
        assert_eq!(words("the U.S. military"), vec!["the", "U.S.", "military"]);
        assert_eq!(
            words("1,200 people at 3.5"),
            vec!["1,200", "people", "at", "3.5"]
        );
    }

    #[test]
    fn spans_are_offsets() {
        let t = tokenize("Syria’s army", 10);
        assert_eq!(t[0].span, Span::new(10, 15));
        assert_eq!(t[1].text, "’s");
        assert_eq!(t[1].lower, "'s");
    }
}
