//! Numbers and counts as bounds (codebook section 6): "at least three" -> 3..,
//! "dozens" -> 24.., "between 10 and 12" -> 10..12, "no one was hurt" -> 0..0.
//! Unknown is never zero: a count exists only where the text states one.

use sitrep_core::Span;

use super::tokens::Token;

/// A quantity expression: bounds plus the token range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub start: usize,
    pub end: usize,
}

/// A count found in a sentence, with the codebook field it fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountMention {
    /// "killed", "injured", "arrested", "abducted", "displaced", "participants" or another name.
    pub field: String,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub span: Span,
    /// Token index of the word that names what is counted ("killed", "arrest").
    pub cue_token: usize,
}

fn unit(word: &str) -> Option<u64> {
    Some(match word {
        "zero" => 0,
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Parse one number word or numeral ("1,200", "twenty-five", "3"). "a"/"an" are not numbers alone.
fn number_word(w: &str) -> Option<u64> {
    let w = w.trim_end_matches('.');
    if w.chars().all(|c| c.is_ascii_digit() || c == ',') && w.chars().any(|c| c.is_ascii_digit()) {
        if w.contains(',') && !w.split(',').skip(1).all(|g| g.len() == 3) {
            return None;
        }
        return w.replace(',', "").parse().ok();
    }
    if w == "a" || w == "an" {
        return None;
    }
    if let Some((a, b)) = w.split_once('-') {
        let (a, b) = (unit(a)?, unit(b)?);
        if a >= 20 && a % 10 == 0 && b < 10 {
            return Some(a + b);
        }
        return None;
    }
    unit(w)
}

/// Parse a plain number starting at token `i` (with "hundred"/"thousand"/"million" multipliers
/// and "a dozen"). Returns the value and the index after it.
fn plain_number(toks: &[Token], i: usize) -> Option<(u64, usize)> {
    let w = toks.get(i)?.lower.as_str();
    let (mut v, mut j) =
        if (w == "a" || w == "an") && toks.get(i + 1).is_some_and(|t| t.lower == "dozen") {
            (12, i + 2)
        } else if let Some(n) = number_word(w) {
            (n, i + 1)
        } else if w == "a" || w == "one" {
            match toks.get(i + 1).map(|t| t.lower.as_str()) {
                Some("hundred") | Some("thousand") | Some("million") => (1, i + 1),
                _ => return None,
            }
        } else {
            return None;
        };
    loop {
        match toks.get(j).map(|t| t.lower.as_str()) {
            Some("dozen") => v *= 12,
            Some("hundred") => v *= 100,
            Some("thousand") => v *= 1000,
            Some("million") => v *= 1_000_000,
            _ => break,
        }
        j += 1;
    }
    Some((v, j))
}

fn lower<'a>(toks: &'a [Token], i: usize) -> &'a str {
    toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
}

/// A quantity starting exactly at token `i`.
pub fn quantity_at(toks: &[Token], i: usize) -> Option<Quantity> {
    let w = lower(toks, i);
    let w1 = lower(toks, i + 1);
    let w2 = lower(toks, i + 2);
    // Vague quantities.
    let vague = |low: u64, high: Option<u64>, len: usize| {
        Some(Quantity {
            low: Some(low),
            high,
            start: i,
            end: i + len,
        })
    };
    match (w, w1, w2) {
        ("tens", "of", "thousands") => return vague(20_000, None, 3),
        ("hundreds", "of", "thousands") => return vague(200_000, None, 3),
        ("a", "handful", _) => return vague(3, Some(5), 2),
        ("a", "few", _) => return vague(2, Some(5), 2),
        ("dozens", _, _) => return vague(24, None, 1),
        ("scores", _, _) => return vague(40, None, 1),
        ("hundreds", _, _) => return vague(200, None, 1),
        ("thousands", _, _) => return vague(2000, None, 1),
        ("several", _, _) => return vague(3, Some(9), 1),
        _ => {}
    }
    // Qualified numbers.
    let qualifiers: &[(&[&str], &str)] = &[
        (&["at", "least"], "min"),
        (&["no", "fewer", "than"], "min"),
        (&["more", "than"], "gt"),
        (&["over"], "gt"),
        (&["upwards", "of"], "gt"),
        (&["in", "excess", "of"], "gt"),
        (&["up", "to"], "max"),
        (&["as", "many", "as"], "max"),
        (&["at", "most"], "max"),
        (&["fewer", "than"], "lt"),
        (&["less", "than"], "lt"),
        (&["nearly"], "lt"),
        (&["almost"], "lt"),
        (&["about"], "approx"),
        (&["around"], "approx"),
        (&["approximately"], "approx"),
        (&["roughly"], "approx"),
        (&["some"], "approx"),
        (&["an", "estimated"], "approx"),
        (&["between"], "between"),
    ];
    for (words, kind) in qualifiers {
        if words
            .iter()
            .enumerate()
            .all(|(k, q)| lower(toks, i + k) == *q)
        {
            let at = i + words.len();
            if *kind == "between" {
                let (a, j) = plain_number(toks, at)?;
                if lower(toks, j) != "and" {
                    return None;
                }
                let (b, k) = plain_number(toks, j + 1)?;
                return Some(Quantity {
                    low: Some(a.min(b)),
                    high: Some(a.max(b)),
                    start: i,
                    end: k,
                });
            }
            let inner = quantity_at(toks, at)?;
            let n = inner.low?;
            let (low, high) = match *kind {
                "min" => (Some(n), None),
                "gt" => (Some(n + 1), None),
                "max" => (None, Some(n)),
                "lt" => (None, Some(n.saturating_sub(1))),
                _ => (Some(n), inner.high.or(Some(n))),
            };
            return Some(Quantity {
                low,
                high,
                start: i,
                end: inner.end,
            });
        }
    }
    let (a, j) = plain_number(toks, i)?;
    // Ranges "10 to 12", "10-12".
    if matches!(lower(toks, j), "to" | "-" | "or") {
        if let Some((b, k)) = plain_number(toks, j + 1) {
            if b > a {
                return Some(Quantity {
                    low: Some(a),
                    high: Some(b),
                    start: i,
                    end: k,
                });
            }
        }
    }
    Some(Quantity {
        low: Some(a),
        high: Some(a),
        start: i,
        end: j,
    })
}

/// Words that name what a count counts, by field.
pub fn count_field(word: &str) -> Option<&'static str> {
    Some(match word {
        "killed" | "dead" | "died" | "killing" | "deaths" | "death" | "lives" | "slain"
        | "bodies" | "fatalities" | "executed" | "massacred" | "perished" => "killed",
        "injured" | "wounded" | "hurt" | "injuring" | "wounding" | "injuries" => "injured",
        "arrested" | "detained" | "detain" | "detains" | "arrest" | "arrests" | "detention"
        | "arresting" | "detaining" | "apprehended" | "custody" | "captured" | "detentions"
        | "held" => "arrested",
        "kidnapped" | "abducted" | "abduction" | "kidnapping" | "hostage" | "hostages" => {
            "abducted"
        }
        "displaced" | "fled" | "displacing" | "homeless" => "displaced",
        "protesters" | "demonstrators" | "protestors" | "marchers" | "rallied" | "protested"
        | "marched" | "demonstrated" | "strikers" | "participants" => "participants",
        "released" | "freed" => "released",
        "deported" | "expelled" => "deported",
        "rescued" => "rescued",
        _ => return None,
    })
}

/// Find counts in a sentence's tokens.
pub fn find_counts(toks: &[Token]) -> Vec<CountMention> {
    // Every count below hangs on a count word, "casualties" or "toll"; most sentences have
    // none, and the quantity scan is the costly part of event coding.
    let cue = |t: &Token| {
        count_field(&t.lower).is_some()
            || matches!(t.lower.as_str(), "casualties" | "toll" | "along")
    };
    if !toks.iter().any(cue) {
        return Vec::new();
    }
    let mut out: Vec<CountMention> = Vec::new();
    let mut used = vec![false; toks.len()];
    one_along_with_others(toks, &mut out, &mut used);
    // Explicit zeros: "no one was hurt", "no casualties", "nobody was killed".
    for i in 0..toks.len() {
        let w = lower(toks, i);
        let starts_zero = (w == "no"
            && matches!(
                lower(toks, i + 1),
                "one" | "casualties" | "injuries" | "deaths" | "fatalities"
            ))
            || w == "nobody"
            || w == "none";
        if !starts_zero {
            continue;
        }
        let mut fields: Vec<&str> = Vec::new();
        let end;
        match lower(toks, i + 1) {
            "casualties" => {
                fields.extend(["killed", "injured"]);
                end = i + 2;
            }
            "injuries" => {
                fields.push("injured");
                end = i + 2;
            }
            "deaths" | "fatalities" => {
                fields.push("killed");
                end = i + 2;
            }
            _ => {
                let mut e = i + 1;
                let mut found = None;
                for j in i + 1..(i + 6).min(toks.len()) {
                    if let Some(f) = count_field(lower(toks, j)) {
                        found = Some(f);
                        e = j + 1;
                        break;
                    }
                }
                end = e;
                match found {
                    Some("killed") => fields.push("killed"),
                    Some("injured") if lower(toks, end - 1) == "hurt" => {
                        fields.extend(["killed", "injured"])
                    }
                    Some(f) => fields.push(f),
                    None => continue,
                }
            }
        }
        for f in fields {
            out.push(CountMention {
                field: f.to_string(),
                low: Some(0),
                high: Some(0),
                span: Span::new(toks[i].span.start, toks[end - 1].span.end),
                cue_token: end - 1,
            });
        }
        for u in used.iter_mut().take(end).skip(i) {
            *u = true;
        }
    }
    // One named-by-noun person: "a 41-year-old man was taken into custody" -> 1.
    const PERSON: &[&str] = &[
        "man",
        "woman",
        "person",
        "suspect",
        "teenager",
        "boy",
        "girl",
        "soldier",
        "policeman",
        "officer",
        "civilian",
        "child",
        "student",
        "journalist",
        "driver",
        "guard",
        "worker",
        "resident",
    ];
    for i in 0..toks.len() {
        if used[i] || !matches!(lower(toks, i), "a" | "an") {
            continue;
        }
        let Some(noun) =
            (i + 1..(i + 4).min(toks.len())).find(|&k| PERSON.contains(&lower(toks, k)))
        else {
            continue;
        };
        if !matches!(lower(toks, noun + 1), "was" | "has" | "had") {
            continue;
        }
        if let Some(cue) =
            (noun + 2..(noun + 6).min(toks.len())).find(|&k| count_field(lower(toks, k)).is_some())
        {
            let field = count_field(lower(toks, cue)).unwrap_or_default();
            out.push(CountMention {
                field: field.to_string(),
                low: Some(1),
                high: Some(1),
                span: Span::new(toks[i].span.start, toks[noun].span.end),
                cue_token: cue,
            });
            for u in used.iter_mut().take(noun + 1).skip(i) {
                *u = true;
            }
        }
    }
    // Quantities, attached to the nearest count word before or after.
    let mut i = 0;
    while i < toks.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let Some(q) = quantity_at(toks, i) else {
            i += 1;
            continue;
        };
        // Skip years, times and money: "in 2024", "at 3 p.m.", "$5".
        let prev = if q.start > 0 {
            lower(toks, q.start - 1)
        } else {
            ""
        };
        let next = lower(toks, q.end);
        let is_year = q.low.is_some_and(|v| (1900..=2100).contains(&v))
            && q.low == q.high
            && !toks[q.start].text.contains(',');
        let unit_follows = matches!(
            next,
            "a.m."
                | "p.m."
                | "am"
                | "pm"
                | "percent"
                | "%"
                | "per"
                | "km"
                | "kilometres"
                | "kilometers"
                | "miles"
                | "years"
                | "year"
                | "months"
                | "month"
                | "days"
                | "weeks"
                | "hours"
                | "minutes"
                | "dollars"
                | "euros"
                | "million"
                | "billion"
                | "o'clock"
        ) || super::dates::month_number(next).is_some();
        if is_year
            || unit_follows
            || matches!(
                prev,
                "$" | "€" | "£" | "no." | "no" | "number" | "page" | "article"
            )
        {
            i = q.end.max(i + 1);
            continue;
        }
        // Right after a counting verb or noun ("killing 12", "the arrest of 3"): that one.
        let mut field: Option<(&str, usize)> = None;
        for back in 1..=2 {
            if q.start < back {
                break;
            }
            let j = q.start - back;
            let w = lower(toks, j);
            if back == 2 && lower(toks, j + 1) != "of" {
                break;
            }
            if let Some(f) = count_field(w) {
                if f != "participants" {
                    field = Some((f, j));
                }
                break;
            }
        }
        // Look ahead: "five people were killed", "3 dead", "two soldiers and a civilian were wounded".
        for j in q.end..(q.end + 7).min(toks.len()) {
            if field.is_some() {
                break;
            }
            let w = lower(toks, j);
            // A second number joined by "and" counts another group under the same word
            // ("21 passengers and four guards died"): look on past it; the two are summed below.
            let joined = j > q.end && lower(toks, j - 1) == "and";
            if matches!(w, "." | ";" | "but" | "while" | "after" | "when")
                || (j > q.end && quantity_at(toks, j).is_some() && w != "a" && !joined)
            {
                break;
            }
            if let Some(f) = count_field(w) {
                // "killed 5" belongs to the number after the verb, handled below, unless passive.
                field = Some((f, j));
                // "eight anti-coup demonstrators were killed": the crowd noun names who was
                // counted; a passive casualty or arrest verb right after says what befell them.
                if f == "participants" {
                    if let Some(v) = (j + 2..(j + 4).min(toks.len())).find(|&v| {
                        matches!(lower(toks, v - 1), "was" | "were" | "been")
                            && count_field(lower(toks, v)).is_some_and(|g| g != "participants")
                    }) {
                        field = count_field(lower(toks, v)).map(|g| (g, v));
                    }
                }
                break;
            }
        }
        // Look back: "killing at least five", "the arrest of three", "death toll rose to 12".
        if field.is_none() {
            for j in (q.start.saturating_sub(5)..q.start).rev() {
                let w = lower(toks, j);
                if matches!(w, "." | ";" | ",") && j + 1 < q.start {
                    break;
                }
                if w == "toll" {
                    field = Some(("killed", j));
                    break;
                }
                if let Some(f) = count_field(w) {
                    if f != "participants"
                        || matches!(w, "rallied" | "protested" | "marched" | "demonstrated")
                    {
                        field = Some((f, j));
                    }
                    break;
                }
            }
        }
        if let Some((f, cue)) = field {
            out.push(CountMention {
                field: f.to_string(),
                low: q.low,
                high: q.high,
                span: Span::new(toks[q.start].span.start, toks[q.end - 1].span.end),
                cue_token: cue,
            });
        }
        i = q.end.max(i + 1);
    }
    // One count per field and cue: keep the first, adding groups joined to it by "and"
    // ("12 soldiers and 3 civilians were killed", "killed 12 soldiers and 3 civilians": 15).
    let mut kept: Vec<CountMention> = Vec::new();
    for c in out {
        match kept
            .iter_mut()
            .find(|k| k.field == c.field && k.cue_token == c.cue_token)
        {
            Some(k) if joined_by_and(toks, k.span, c.span) => {
                k.low = k.low.zip(c.low).map(|(a, b)| a + b);
                k.high = k.high.zip(c.high).map(|(a, b)| a + b);
                k.span = Span::new(k.span.start, c.span.end);
            }
            Some(_) => {}
            None => kept.push(c),
        }
    }
    kept
}

/// "He was killed, along with another fighter", "the envoy was detained along with two aides",
/// "his life was ended along with one other": one person (a singular passive) befell it, and
/// so did the others counted after "along with", so the count is one more than theirs. A
/// life "terminated", "ended" or "taken" is a death told by euphemism.
fn one_along_with_others(toks: &[Token], out: &mut Vec<CountMention>, used: &mut [bool]) {
    for i in 1..toks.len() {
        if lower(toks, i) != "along" || lower(toks, i + 1) != "with" {
            continue;
        }
        // How many others, and where their count ends.
        let k = i + 2;
        let others = match lower(toks, k) {
            "another" => match quantity_at(toks, k + 1) {
                Some(q) => q.low.filter(|_| q.low == q.high).map(|n| (n, q.end)),
                None => Some((1, k + 1)),
            },
            _ => quantity_at(toks, k)
                .filter(|q| q.low == q.high && matches!(lower(toks, q.end), "other" | "others"))
                .and_then(|q| q.low.map(|n| (n, q.end + 1))),
        };
        let Some((n, end)) = others else { continue };
        // The verb before "along" (a comma may stand between) in the singular passive.
        let verb = if lower(toks, i - 1) == "," {
            i.checked_sub(2)
        } else {
            Some(i - 1)
        };
        let Some(v) = verb else { continue };
        let euphemism = matches!(lower(toks, v), "terminated" | "ended" | "taken")
            && v >= 2
            && lower(toks, v - 1) == "was"
            && lower(toks, v - 2) == "life";
        let field = if euphemism {
            "killed"
        } else {
            match count_field(lower(toks, v)) {
                Some(f @ ("killed" | "injured" | "arrested" | "abducted")) => f,
                _ => continue,
            }
        };
        if !(v.saturating_sub(2)..v).any(|w| lower(toks, w) == "was") {
            continue;
        }
        out.push(CountMention {
            field: field.to_string(),
            low: Some(n + 1),
            high: Some(n + 1),
            span: Span::new(toks[i].span.start, toks[end - 1].span.end),
            cue_token: v,
        });
        for u in used.iter_mut().take(end).skip(i) {
            *u = true;
        }
    }
}

/// Whether the count at `second` follows the one at `first` as a further group of a plain
/// list ending in "and": at most a few words between, no clause break.
fn joined_by_and(toks: &[Token], first: Span, second: Span) -> bool {
    let between: Vec<&str> = toks
        .iter()
        .filter(|t| t.span.start >= first.end && t.span.end <= second.start)
        .map(|t| t.lower.as_str())
        .collect();
    between.last() == Some(&"and")
        && between.len() <= 5
        && !between.iter().any(|w| {
            matches!(*w, "," | ";" | "." | "but" | "or" | "while") || count_field(w).is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::tokenize;

    fn counts(s: &str) -> Vec<(String, Option<u64>, Option<u64>)> {
        let toks = tokenize(s, 0);
        find_counts(&toks)
            .into_iter()
            .map(|c| (c.field, c.low, c.high))
            .collect()
    }

    #[test]
    fn codebook_examples() {
        assert_eq!(
            counts("Three people were killed."),
            vec![("killed".into(), Some(3), Some(3))]
        );
        assert_eq!(
            counts("the arrest of at least three individuals"),
            vec![("arrested".into(), Some(3), None)]
        );
        assert_eq!(
            counts("more than 10 were wounded"),
            vec![("injured".into(), Some(11), None)]
        );
        assert_eq!(
            counts("up to 40 people were detained"),
            vec![("arrested".into(), None, Some(40))]
        );
        assert_eq!(
            counts("between 10 and 12 were abducted"),
            vec![("abducted".into(), Some(10), Some(12))]
        );
        assert_eq!(
            counts("dozens were injured"),
            vec![("injured".into(), Some(24), None)]
        );
        assert_eq!(
            counts("tens of thousands protested"),
            vec![("participants".into(), Some(20000), None)]
        );
        assert_eq!(
            counts("several were arrested"),
            vec![("arrested".into(), Some(3), Some(9))]
        );
        assert_eq!(
            counts("a handful were detained"),
            vec![("arrested".into(), Some(3), Some(5))]
        );
        assert_eq!(
            counts("No one was hurt."),
            vec![
                ("killed".into(), Some(0), Some(0)),
                ("injured".into(), Some(0), Some(0))
            ]
        );
    }

    #[test]
    fn attaches_after_verbs_and_skips_dates() {
        assert_eq!(
            counts("gunmen attacked the village, killing 12 and wounding twenty-five"),
            vec![
                ("killed".into(), Some(12), Some(12)),
                ("injured".into(), Some(25), Some(25))
            ]
        );
        assert_eq!(
            counts("the death toll rose to 1,200"),
            vec![("killed".into(), Some(1200), Some(1200))]
        );
        assert!(
            counts("He was sworn in on January 20, 2025 and killed nobody")
                .iter()
                .all(|c| c.1 == Some(0))
        );
        assert!(counts("the attack on 3 March lasted two hours").is_empty());
    }

    #[test]
    fn groups_joined_by_and_under_one_count_word_are_summed() {
        assert_eq!(
            counts("At least 14 villagers and two police officers died in the raid."),
            vec![("killed".into(), Some(16), None)]
        );
        assert_eq!(
            counts("the rebels killed 9 soldiers and 3 civilians on Monday"),
            vec![("killed".into(), Some(12), Some(12))]
        );
        // Different count words are different counts, never summed.
        assert_eq!(
            counts("7 people were killed and 4 were wounded"),
            vec![
                ("killed".into(), Some(7), Some(7)),
                ("injured".into(), Some(4), Some(4))
            ]
        );
        // A range is one count, and a clause break keeps numbers apart.
        assert_eq!(
            counts("between 10 and 12 were abducted"),
            vec![("abducted".into(), Some(10), Some(12))]
        );
        assert_eq!(
            counts("troops arrested 5 men on Monday, and 3 more were detained later"),
            vec![
                ("arrested".into(), Some(5), Some(5)),
                ("arrested".into(), Some(3), Some(3))
            ]
        );
    }

    #[test]
    fn one_person_along_with_others_counts_them_all() {
        assert_eq!(
            counts("The commander was killed, along with another fighter, in the raid."),
            vec![("killed".into(), Some(2), Some(2))]
        );
        assert_eq!(
            counts("The mayor was detained along with three other aides on Monday."),
            vec![("arrested".into(), Some(4), Some(4))]
        );
        assert_eq!(
            counts("\"His life was ended, along with two others,\" the general said."),
            vec![("killed".into(), Some(3), Some(3))]
        );
        // No number of others, or no one befallen: nothing to count.
        assert!(counts("The pilot was killed along with his wife.").is_empty());
        assert!(counts("The minister travelled along with two other envoys.").is_empty());
        assert!(counts("Her career was ended along with two others.").is_empty());
    }

    #[test]
    fn a_crowd_noun_before_a_passive_casualty_verb_counts_the_casualties() {
        assert_eq!(
            counts("at least six pro-reform marchers were killed by troops"),
            vec![("killed".into(), Some(6), None)]
        );
        assert_eq!(
            counts("police said 40 anti-war protesters have been detained"),
            vec![("arrested".into(), Some(40), Some(40))]
        );
        // No passive verb after the crowd noun: the number is still the crowd's size.
        assert_eq!(
            counts("about 300 protesters marched and two were later hurt"),
            vec![
                ("participants".into(), Some(300), Some(300)),
                ("injured".into(), Some(2), Some(2))
            ]
        );
    }
}
