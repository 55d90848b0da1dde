//! Sentence splitting with byte offsets.
//!
//! Line breaks are hard boundaries (headlines, captions and furniture lines have no final
//! stop). Inside a line a sentence ends at `.`, `!` or `?` (plus closing quotes or brackets)
//! followed by space and a capitalised word, unless the dot ends a known abbreviation
//! ("Gen.", "Dr.", "Jan.") or an initialism ("U.S.") that is followed by a name.

use sitrep_core::Span;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "cpl", "pvt", "adm", "cmdr",
    "rep", "sen", "gov", "prof", "st", "jr", "sr", "no", "nos", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc", "inc", "ltd", "co", "corp",
    "mt", "ft", "approx", "est", "fig", "rev", "hon", "pres", "gov't", "dept", "univ", "mln",
    "bln",
];

/// Words that start a new sentence even right after an initialism such as "U.S.".
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "but",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "there",
    "officials",
    "meanwhile",
    "however",
    "at",
    "after",
    "before",
    "as",
    "when",
    "while",
    "some",
    "many",
    "no",
    "one",
    "two",
    "three",
];

/// Split `text` into sentence spans (trimmed, never empty).
pub fn split(text: &str) -> Vec<Span> {
    let shape = Shape::of(text);
    let mut out = Vec::new();
    let mut seg_start = 0;
    let mut pos = 0;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (k, line) in lines.iter().enumerate() {
        pos += line.len();
        // In hard-wrapped text a line that stops mid-sentence runs on into the next one.
        let runs_on = shape.wrapped
            && !line.trim().is_empty()
            && !ends_sentence(line.trim_end())
            && lines.get(k + 1).is_some_and(|n| !n.trim().is_empty());
        if !runs_on {
            split_line(text, seg_start, pos, shape.caseless, &mut out);
            seg_start = pos;
        }
    }
    if seg_start < text.len() {
        split_line(text, seg_start, text.len(), shape.caseless, &mut out);
    }
    out
}

/// Document-wide traits that change where sentences can end.
struct Shape {
    /// Letter case carries no signal (all lower case, or all capitals as in old wire copy):
    /// any word may start a sentence.
    caseless: bool,
    /// Lines are wrapped at a fixed width (old wire and e-mail text), not at sentence ends.
    wrapped: bool,
}

impl Shape {
    fn of(text: &str) -> Shape {
        let (mut letters, mut upper) = (0usize, 0usize);
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
        // Under 1.5% capitals: lower-cased text; over 85%: all capitals.
        let caseless =
            letters >= 200 && (upper * 1000 < letters * 15 || upper * 100 > letters * 85);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        // Wrapped: most lines are 50-90 characters long and most do not end a sentence.
        let wrapped = lines.len() >= 6 && {
            let width = lines
                .iter()
                .filter(|l| (50..=90).contains(&l.chars().count()))
                .count();
            let open = lines.iter().filter(|l| !ends_sentence(l)).count();
            width * 10 >= lines.len() * 6 && open * 2 >= lines.len()
        };
        Shape { caseless, wrapped }
    }
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', '"', '\u{201d}', ':', ';'])
}

fn split_line(text: &str, start: usize, end: usize, caseless: bool, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let mut sent_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' {
            // Extend over repeated marks and closing quotes/brackets.
            let mut j = i + 1;
            while j < bytes.len() {
                let rest = &line[j..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(
                    c,
                    '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}'
                ) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &line[j..];
            let ws = rest.len() - rest.trim_start().len();
            let next = rest.trim_start();
            if ws > 0
                && !next.is_empty()
                && (starts_sentence(next) || caseless && next.starts_with(char::is_alphanumeric))
                && !(b == b'.' && is_abbreviation(line, i, next))
            {
                push(text, start + sent_start, start + j, out);
                sent_start = j + ws;
                i = sent_start;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(text, start + sent_start, end, out);
}

fn starts_sentence(next: &str) -> bool {
    let c = next.chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'' | '(' | '[')
}

/// Whether the dot at `dot` ends an abbreviation rather than a sentence.
fn is_abbreviation(line: &str, dot: usize, next: &str) -> bool {
    let before = &line[..dot];
    // Step past the separator by its own width: a no-break space is two bytes.
    let word_start = before
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map(|(p, c)| p + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // A single capital letter is an initial ("John F. Kennedy"), unless it names a thing:
    // after "on" or "via" it is a platform or channel ("posted on X."), and before a word
    // that starts sentences ("plan B. The ...") it ends one, as an initialism does below.
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return !names_a_thing(before[..word_start].trim_end())
            && !SENTENCE_STARTERS.contains(&first_word(next).as_str());
    }
    // Initialisms such as "U.S" (the final dot is `dot`): a name usually follows.
    let is_initialism = word.len() >= 3
        && word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 1 && p.chars().all(|c| c.is_alphabetic()));
    if is_initialism || lower == "a.m" || lower == "p.m" {
        return !SENTENCE_STARTERS.contains(&first_word(next).as_str());
    }
    false
}

/// The first word of `text`, lower-cased.
fn first_word(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// Whether a lone capital letter after `before` names a thing rather than starting a person's
/// name: people are written "by J. Smith" or "said J. Smith", platforms and channels "on X" or
/// "via X".
fn names_a_thing(before: &str) -> bool {
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    prev == "on" || prev == "via"
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    out.push(Span::new(start + lead, start + lead + trimmed.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "Gen. John Smith met U.S. officials at 6 a.m. Monday. Dr. Ali said \"We are afraid.\" The talks ended.";
        assert_eq!(
            sents(t),
            vec![
                "Gen. John Smith met U.S. officials at 6 a.m. Monday.",
                "Dr. Ali said \"We are afraid.\"",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn lower_case_text_splits_at_stops() {
        let t = "police arrested two men on monday. the men were taken to a station in the city. \
                 officials said more arrests were likely, and that the inquiry would go on for \
                 weeks. residents said the area was calm. a senior officer said patrols would \
                 continue through the night and into the weekend, and that nobody was hurt.";
        assert_eq!(sents(t).len(), 5, "{:?}", sents(t));
    }

    #[test]
    fn hard_wrapped_lines_are_joined_but_paragraphs_are_not() {
        let t = "ARMED MEN ATTACKED A POLICE POST IN THE NORTH OF THE COUNTRY ON\n\
                 TUESDAY NIGHT, KILLING TWO OFFICERS. THE ATTACKERS FLED TOWARDS THE\n\
                 HILLS AND TROOPS WERE SENT AFTER THEM, THE DEFENCE MINISTRY SAID IN\n\
                 A STATEMENT ISSUED IN THE CAPITAL ON WEDNESDAY MORNING AFTER TALKS.\n\
                 \n\
                 IN A SEPARATE INCIDENT, A BOMB WENT OFF NEAR A MARKET IN THE EAST OF\n\
                 THE CITY, WOUNDING THREE PEOPLE WHO WERE SHOPPING THERE AT THE TIME\n\
                 AND DAMAGING SEVERAL STALLS, ACCORDING TO WITNESSES AT THE SCENE.\n";
        let got = sents(t);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].ends_with("TWO OFFICERS."), "{got:?}");
        assert!(got[1].contains("MINISTRY SAID IN\nA STATEMENT"), "{got:?}");
    }

    #[test]
    fn a_no_break_space_before_a_dot_word_does_not_panic() {
        // Regression: the word start was found one byte after a two-byte separator.
        let t = "Talks began at 6\u{a0}p.m. on Monday.\u{a0}Mr. Li left.\u{a0}U.S. aides stayed.";
        let got = sents(t);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].ends_with("on Monday."), "{got:?}");
    }

    #[test]
    fn a_lone_capital_that_names_a_thing_ends_a_sentence() {
        // A platform after "on"/"via", or a letter before a word that starts sentences.
        assert_eq!(
            sents("The envoy wrote on X. Rebels then shelled the town."),
            vec!["The envoy wrote on X.", "Rebels then shelled the town."]
        );
        assert_eq!(
            sents("Clips spread via X. Police said two men were held."),
            vec!["Clips spread via X.", "Police said two men were held."]
        );
        assert_eq!(
            sents("The army moved to plan B. The rebels withdrew."),
            vec!["The army moved to plan B.", "The rebels withdrew."]
        );
        // Initials of people stay inside the sentence.
        for t in [
            "The book by J. Smith Travers was banned.",
            "President George W. Bush met the envoy.",
            "Police said J. Smith was held at dawn.",
        ] {
            assert_eq!(sents(t).len(), 1, "{t}");
        }
    }

    #[test]
    fn initialism_at_sentence_end() {
        assert_eq!(
            sents("Troops left the U.S. The base closed."),
            vec!["Troops left the U.S.", "The base closed."]
        );
    }

    #[test]
    fn lines_are_boundaries() {
        let t = "A Headline Without A Stop\n\nFirst sentence. Second one?\nTrailing Headline";
        assert_eq!(
            sents(t),
            vec![
                "A Headline Without A Stop",
                "First sentence.",
                "Second one?",
                "Trailing Headline"
            ]
        );
    }
}
