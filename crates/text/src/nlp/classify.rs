//! Sentence classes (codebook section 8): report, background, commentary, furniture.
//!
//! Rules, in order: furniture (page chrome, bylines, date lines, and headline-like lines after
//! the document's first line: trailing "related story" headlines), then commentary (analysis
//! cues in the main clause, or an unattributed modal forecast), then background (recalled,
//! long-past context), else report. Cues are looked for in the main clause only: a relative
//! clause ("who was reelected in 2024") neither makes a sentence background nor commentary.

use regex::Regex;
use sitrep_core::{SentenceClass, Span};

pub struct Classifier {
    furniture_line: Regex,
    date_line: Regex,
    commentary: Regex,
    modal: Regex,
    reporting: Regex,
    background: Regex,
    relative_clause: Regex,
}

/// A sentence with what the classifier needs to know about its place in the document.
pub struct SentenceInfo<'a> {
    pub text: &'a str,
    /// The sentence is a whole line of its own.
    pub whole_line: bool,
    /// Index of the line among non-empty lines of the document.
    pub line_index: usize,
}

impl Default for Classifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Classifier {
    pub fn new() -> Self {
        let re = |p: &str| Regex::new(p).expect("classifier pattern");
        Classifier {
            furniture_line: re(
                r"(?i)^(related( stories| articles| coverage| content)?\b|read (more|also|next)\b|see also\b|more from\b|more on this\b|recommended\b|trending\b|most (read|popular|viewed)\b|share (this|on|via)\b|subscribe\b|sign up\b|newsletter\b|follow us\b|click here\b|advertisement\b|sponsored\b|copyright\b|©|all rights reserved|tags?:|filed under\b|photo:|image:|caption:|video:|watch:|listen:|comments?\b|leave a comment|posted (on|by)\b|published\b|updated\b|last updated\b|by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}(,? (and|&) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3})?(\s*[,|/-]\s*[\w ]+)?$|(getty images|reuters|afp|ap) photo\b)",
            ),
            date_line: re(
                r"(?i)^((mon|tues|wednes|thurs|fri|satur|sun)day,? )?(\d{1,2} )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2},? )?\d{4}([ ,]+\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [A-Z]{2,4})?)?$|^\d{4}-\d{2}-\d{2}",
            ),
            commentary: re(
                r"(?i)\b(highlights?|underscores?|underlines?|illustrates?|exemplif(y|ies)|epitomi[sz]es?|raises? (broader |new |serious |further )?questions|critics (argue|say|contend)|analysts (argue|believe|say|warn|note)|observers (say|believe|note)|experts (say|believe|warn)|will be closely watched|remains to be seen|it is unclear whether|suggests?|signals? a|reflects? (a|the)|points? to (a|the)|serves? as a reminder|is particularly notable|particularly notable|is likely to|are likely to|the implications|implications for|one thing is clear|in the first place|it remains|(is|are|was) a testament|(a|the) (broader|larger) (question|picture|context)|the question (is|remains)|proactive approach|evolving nature)\b",
            ),
            modal: re(
                r"(?i)\b(may|might|could|would|should) (well )?(provide|test|prove|lead|mean|signal|help|become|be|have|further|shape|determine|affect|raise|undermine|strengthen|weaken|spark|fuel|deepen|complicate)\b",
            ),
            reporting: re(
                r"(?i)\b(said|says|told|according to|reported|announced|stated|confirmed|claimed|indicated|added)\b",
            ),
            background: re(
                r"(?i)\b(in a context where|after (years|decades|months) of|for (years|decades)|historically|has long (been|had|emphasi[sz]ed|sought)|have long|founded in|was founded|since (the )?(19|20)\d\d|years ago|decades ago|in the (19|20)\d0s|has a (long )?history of|the group, which|formerly known as)\b",
            ),
            relative_clause: re(r",\s*(who|which|whose|whom)\b[^,]*,"),
        }
    }

    /// Class and the cue that decided it.
    pub fn classify(&self, s: &SentenceInfo) -> (SentenceClass, Option<String>) {
        let t = s.text.trim();
        if t.is_empty() {
            return (SentenceClass::Furniture, Some("empty".into()));
        }
        if let Some(m) = self.furniture_line.find(t) {
            // Only whole lines, or a sentence that is entirely the cue (e.g. "Read more.").
            if s.whole_line || m.len() + 2 >= t.len() {
                return (
                    SentenceClass::Furniture,
                    Some(format!("furniture cue '{}'", m.as_str())),
                );
            }
        }
        if s.whole_line && self.date_line.is_match(t) {
            return (SentenceClass::Furniture, Some("date line".into()));
        }
        if s.whole_line && s.line_index > 0 && is_headline_like(t) {
            return (
                SentenceClass::Furniture,
                Some("headline-like line after the first line".into()),
            );
        }
        let main = self.relative_clause.replace_all(t, ",");
        if let Some(m) = self.commentary.find(&main) {
            return (
                SentenceClass::Commentary,
                Some(format!("commentary cue '{}'", m.as_str())),
            );
        }
        if let Some(m) = self.modal.find(&main) {
            if !self.reporting.is_match(&main) {
                return (
                    SentenceClass::Commentary,
                    Some(format!("unattributed modal '{}'", m.as_str())),
                );
            }
        }
        if let Some(m) = self.background.find(&main) {
            return (
                SentenceClass::Background,
                Some(format!("background cue '{}'", m.as_str())),
            );
        }
        (SentenceClass::Report, None)
    }
}

/// A line that looks like a headline: no final stop and mostly capitalised words.
pub fn is_headline_like(t: &str) -> bool {
    let last = t.chars().last().unwrap_or('.');
    if matches!(last, '.' | '!' | '?' | ':' | ';' | ',' | '"' | '\u{201d}') {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 3 || words.len() > 25 {
        return false;
    }
    const SMALL: &[&str] = &[
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "as",
        "from", "after", "amid", "over", "into", "vs", "vs.", "is", "are", "be",
    ];
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    if content.is_empty() {
        return false;
    }
    let caps = content
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    caps * 10 >= content.len() * 7
}

/// Build the per-sentence info the classifier needs.
pub fn sentence_infos<'a>(text: &'a str, spans: &[Span]) -> Vec<SentenceInfo<'a>> {
    // Line index of each byte offset: count non-empty lines before it.
    let mut line_starts = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            line_starts.push((pos, pos + line.trim_end().len()));
        }
        pos += line.len();
    }
    spans
        .iter()
        .map(|sp| {
            let idx = line_starts
                .partition_point(|&(s, _)| s <= sp.start)
                .saturating_sub(1);
            let (ls, le) = line_starts.get(idx).copied().unwrap_or((0, text.len()));
            let line_text = text.get(ls..le).unwrap_or("");
            let lead = line_text.len() - line_text.trim_start().len();
            SentenceInfo {
                text: sp.slice(text),
                whole_line: sp.start == ls + lead && sp.end == le,
                line_index: idx,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(t: &str, whole_line: bool, line_index: usize) -> SentenceClass {
        Classifier::new()
            .classify(&SentenceInfo {
                text: t,
                whole_line,
                line_index,
            })
            .0
    }

    #[test]
    fn furniture() {
        assert_eq!(
            class(
                "Floods Strand Thousands in Northern Province After Dam Fails",
                true,
                9
            ),
            SentenceClass::Furniture
        );
        assert_eq!(
            class(
                "Floods Strand Thousands in Northern Province After Dam Fails",
                true,
                0
            ),
            SentenceClass::Report
        );
        assert_eq!(
            class("By Jane Doe and Omar Haddad", true, 1),
            SentenceClass::Furniture
        );
        assert_eq!(
            class("Sign up for our morning briefing", true, 5),
            SentenceClass::Furniture
        );
        assert_eq!(
            class("March 3, 2025 14:05 GMT", true, 1),
            SentenceClass::Furniture
        );
    }

    #[test]
    fn commentary_and_background() {
        assert_eq!(
            class(
                "The raid underscores how fragile the truce has become.",
                false,
                3
            ),
            SentenceClass::Commentary
        );
        assert_eq!(
            class("Observers say the vote will be closely watched.", false, 3),
            SentenceClass::Commentary
        );
        assert_eq!(
            class(
                "The detentions may provide clues about the network.",
                false,
                3
            ),
            SentenceClass::Commentary
        );
        assert_eq!(
            class("Police said the toll could rise.", false, 3),
            SentenceClass::Report
        );
        assert_eq!(
            class(
                "The group has carried out attacks for years across the north.",
                false,
                3
            ),
            SentenceClass::Background
        );
        assert_eq!(
            class(
                "The governor, who was elected in 2019, said troops were deployed on Sunday.",
                false,
                3
            ),
            SentenceClass::Report
        );
        assert_eq!(
            class(
                "Gunmen killed five people in the village on Sunday.",
                false,
                2
            ),
            SentenceClass::Report
        );
    }
}
