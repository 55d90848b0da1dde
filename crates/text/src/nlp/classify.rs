//! Sentence classes (codebook section 8): report, background, commentary, furniture.
//!
//! Rules, in order: furniture (page chrome, bylines, date lines, and headline-like lines after
//! the document's first line), then commentary (the writer's speculation and open questions,
//! rhetorical questions, hedged opinions of unnamed groups such as "critics say ... could",
//! unattributed forecasts, analysis cues, unattributed modals), then trailing off-topic lines
//! (a short last or next-to-last line sharing no content word with the body is a stray
//! "related story" headline: furniture even when it ends with a stop), then background
//! (recalled, long-past context), else report. Cues are looked for in the main clause only: a
//! relative clause ("who was reelected in 2024") neither makes a sentence background nor
//! commentary. Statements attributed with a reporting verb ("police said the toll could
//! rise") stay reports.

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
    speculation: Regex,
    opinion_holder: Regex,
    hedge: Regex,
    forecast: Regex,
    scheduled: Regex,
}

/// A sentence with what the classifier needs to know about its place in the document.
pub struct SentenceInfo<'a> {
    pub text: &'a str,
    /// The sentence is a whole line of its own.
    pub whole_line: bool,
    /// Index of the line among non-empty lines of the document.
    pub line_index: usize,
    /// Non-empty lines after this sentence's line (0 for the document's last line).
    pub lines_after: usize,
    /// Content words (names, nouns, verbs; not function words) in the sentence.
    pub content_words: usize,
    /// How many of those also occur in the document's body: every non-empty line except the
    /// last two, so that two trailing off-topic headlines cannot vouch for each other.
    pub shared_with_body: usize,
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
                r"(?i)\b(in a context where|after (years|decades|months) of|for (years|decades)|historically|has long (been|had|emphasi[sz]ed|sought)|have long|founded in|was founded|since (the )?(\d{1,2} )?((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? )?(\d{1,2},? )?(19|20)\d\d|years ago|decades ago|in the (19|20)\d0s|has a (long )?history of|the group, which|formerly known as|(already|still) [a-z]+ing\b[^.;]{0,80}\bbefore the (coup|war|invasion|uprising|revolution|pandemic))\b",
            ),
            relative_clause: re(r",\s*(who|which|whose|whom)\b[^,]*,"),
            // The writer's own speculation or open questions (unless a source is quoted saying it).
            speculation: re(
                r"(?i)\b((is|remains) an open question|open question (is|remains)|(is|remains) (far from|not) (clear|certain)|it is (not yet |still )?(unclear|uncertain) (whether|if|how|what|when|who)|it (is|remains) (highly |very |more |most )?(un)?likely that|(seems|appears|looks) (highly |very |increasingly )?(un)?likely|only time will tell|(too early|hard|difficult) to (say|tell|predict|know)|in all likelihood|it seems\b|it would seem|one (might|could|may) (argue|ask|wonder)|whether [^,]{3,80} (is|remains) (unclear|uncertain|to be seen|doubtful|another matter))\b",
            ),
            // Unnamed, generic holders of opinion ("rights groups say", "few analysts believe").
            opinion_holder: re(
                r"(?i)^((some|many|few|most|other|several|western|independent|local|international|military|security|legal) )*(((human )?rights|aid|advocacy|opposition|civil society|watchdog) groups|critics|analysts|observers|experts|commentators|opponents|sceptics|skeptics|scholars|academics|researchers|campaigners|activists)\b[^.;]{0,40}\b(say|argue|believe|contend|fear|warn|suggest|think|worry|predict|expect|caution)\b",
            ),
            hedge: re(
                r"(?i)\b(may|might|could|would|likely|unlikely|probably|possibly|perhaps|amount to|tantamount)\b",
            ),
            // Forecast phrasing that is commentary unless someone is quoted or a date fixes it.
            forecast: re(
                r"(?i)\b((is|are) (widely |generally |largely )?expected to|(is|are) (all but )?certain to|(is|are) bound to|will (probably|likely|almost certainly)|(may|might|could) (well )?amount to)\b",
            ),
            scheduled: re(
                r"(?i)\b(on|by|next|this|from|until) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,2}(st|nd|rd|th)?)\b|\b(today|tomorrow|tonight|in the (spring|summer|autumn|fall|winter))\b",
            ),
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
        if let Some(m) = self.speculation.find(&main) {
            // "The company said it was too early to say" reports a named source's words.
            if !self.reporting.is_match(&main) && !inside_quote(&main, m.start()) {
                return (
                    SentenceClass::Commentary,
                    Some(format!("speculation cue '{}'", m.as_str().trim())),
                );
            }
        }
        if is_rhetorical_question(t) {
            return (
                SentenceClass::Commentary,
                Some("question asked by the writer".into()),
            );
        }
        if let Some(m) = self.opinion_holder.find(&main) {
            if self.hedge.is_match(&main[m.end()..]) {
                return (
                    SentenceClass::Commentary,
                    Some(format!("opinion of unnamed group '{}'", m.as_str())),
                );
            }
        }
        if let Some(m) = self.forecast.find(&main) {
            if !self.reporting.is_match(&main)
                && !self.scheduled.is_match(&main)
                && !inside_quote(&main, m.start())
            {
                return (
                    SentenceClass::Commentary,
                    Some(format!("unattributed forecast '{}'", m.as_str())),
                );
            }
        }
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
        // After the commentary cues: an off-topic closing opinion is commentary, not furniture.
        if s.whole_line && is_trailing_off_topic(s, t) {
            return (
                SentenceClass::Furniture,
                Some(format!(
                    "trailing line shares {} of {} content words with the body",
                    s.shared_with_body, s.content_words
                )),
            );
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

/// Words that carry no topic: function words and the commonest news verbs and adjectives.
const STOPWORDS: &[&str] = &[
    "about",
    "above",
    "after",
    "against",
    "all",
    "also",
    "amid",
    "among",
    "and",
    "another",
    "any",
    "are",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "can",
    "could",
    "day",
    "did",
    "does",
    "during",
    "each",
    "even",
    "few",
    "first",
    "five",
    "for",
    "four",
    "friday",
    "from",
    "get",
    "got",
    "had",
    "has",
    "have",
    "her",
    "here",
    "him",
    "his",
    "how",
    "into",
    "is",
    "its",
    "just",
    "last",
    "least",
    "less",
    "made",
    "make",
    "many",
    "may",
    "might",
    "monday",
    "month",
    "more",
    "most",
    "much",
    "must",
    "new",
    "next",
    "nor",
    "not",
    "now",
    "off",
    "old",
    "one",
    "only",
    "onto",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "said",
    "saturday",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "since",
    "some",
    "still",
    "such",
    "sunday",
    "take",
    "tell",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "three",
    "thursday",
    "time",
    "today",
    "told",
    "took",
    "tuesday",
    "two",
    "under",
    "until",
    "upon",
    "very",
    "via",
    "was",
    "way",
    "wednesday",
    "week",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "year",
    "yet",
    "you",
    "your",
];

/// Lower-cased content words of a text, lightly stemmed so "prices" meets "price".
/// `STOPWORDS` is kept sorted (a unit test checks) so that lookup is a binary search: this runs
/// twice for every word of every document.
pub(super) fn is_stopword(w: &str) -> bool {
    // A hash set: this runs twice per word of every line and sentence.
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(w)
}

/// The distinct content words of a text (lower case, possessive and simple suffixes off,
/// stopwords and numbers out), as sorted hashes: sentence classification only compares these
/// sets, and building them without a `String` per word was a sixth of extraction time.
fn content_words(t: &str) -> Vec<u64> {
    use std::hash::BuildHasher;
    let hasher = rustc_hash::FxBuildHasher;
    let mut buf = String::new();
    let mut out: Vec<u64> = Vec::new();
    let is_apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    for w in t.split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c)) {
        let w = w.trim_matches(is_apostrophe);
        buf.clear();
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.push_str(&w.to_lowercase());
        }
        let len = buf
            .strip_suffix("'s")
            .or_else(|| buf.strip_suffix("\u{2019}s"))
            .map_or(buf.len(), str::len);
        buf.truncate(len);
        if buf.chars().count() < 3 || buf.chars().all(|c| c.is_ascii_digit()) || is_stopword(&buf) {
            continue;
        }
        stem_in_place(&mut buf);
        if !is_stopword(&buf) {
            out.push(hasher.hash_one(buf.as_str()));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Strip one plural or verbal suffix ("ies" -> "y", "ing", "ed", "s") when enough of the word
/// remains, so "attacks", "attacked" and "attacking" count as one word.
fn stem_in_place(w: &mut String) {
    let n = w.chars().count();
    for (suffix, repl) in [("ies", "y"), ("ing", ""), ("ed", ""), ("s", "")] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() + repl.len() >= 4 && n > 4 && !base.ends_with('s') {
                let base_len = base.len();
                w.truncate(base_len);
                w.push_str(repl);
                return;
            }
        }
    }
}

/// Words that tie a sentence to what came before it: a line opening with one of these
/// continues the article, it is not a stray headline.
const CONTINUATION_OPENERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "there",
    "but",
    "and",
    "however",
    "meanwhile",
    "also",
    "both",
    "such",
    "another",
    "then",
    "later",
    "earlier",
    "we",
    "i",
    "our",
    "in",
    "on",
    "at",
    "after",
    "since",
    "so",
];

/// A short last (or next-to-last) line with no topic in common with the article: a trailing
/// "related story" headline that lost its markup, whether or not it ends with a stop.
fn is_trailing_off_topic(s: &SentenceInfo, t: &str) -> bool {
    if s.lines_after > 1 || s.line_index < 3 {
        return false;
    }
    let words = t.split_whitespace().count();
    if !(3..=16).contains(&words) || t.contains(['"', '\u{201c}', '\u{201d}']) {
        return false;
    }
    let opener = t
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if CONTINUATION_OPENERS.contains(&opener.as_str()) {
        return false;
    }
    // One shared word is allowed only in a long line, where it is more likely chance.
    s.content_words >= 3
        && (s.shared_with_body == 0 || (s.shared_with_body == 1 && s.content_words >= 8))
}

/// Whether byte `pos` lies inside a quotation: an odd number of quote marks before it, or
/// after it (a quote split across sentences that closes here).
pub(crate) fn inside_quote(t: &str, pos: usize) -> bool {
    let marks = |x: &str| {
        x.chars()
            .filter(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}'))
            .count()
    };
    let (before, after) = t.split_at(pos.min(t.len()));
    marks(before) % 2 == 1 || marks(after) % 2 == 1
}

/// A question in the writer's voice (no quotation marks): rhetorical, so commentary.
fn is_rhetorical_question(t: &str) -> bool {
    t.ends_with('?') && !t.contains(['"', '\u{201c}', '\u{201d}'])
}

/// Content words of the line `start..end`: the union of its sentences' words when sentences
/// tile the line (only punctuation and spaces between them), else read from the line itself.
/// Lines are mostly paragraphs of whole sentences, so this halves the word scanning.
fn line_content_words(
    text: &str,
    start: usize,
    end: usize,
    spans: &[Span],
    sentence_words: &[Vec<u64>],
) -> Vec<u64> {
    let first = spans.partition_point(|sp| sp.end <= start);
    let mut pos = start;
    let mut union: Vec<u64> = Vec::new();
    let mut tiled = true;
    for (sp, words) in spans[first..].iter().zip(&sentence_words[first..]) {
        if sp.start >= end {
            break;
        }
        let gap = text.get(pos..sp.start).unwrap_or("x");
        if sp.start < pos || sp.end > end || gap.chars().any(char::is_alphanumeric) {
            tiled = false;
            break;
        }
        union.extend_from_slice(words);
        pos = sp.end;
    }
    let tail = text.get(pos..end).unwrap_or("x");
    if !tiled || tail.chars().any(char::is_alphanumeric) {
        return content_words(text.get(start..end).unwrap_or(""));
    }
    union.sort_unstable();
    union.dedup();
    union
}

/// Build the per-sentence info the classifier needs.
pub fn sentence_infos<'a>(text: &'a str, spans: &[Span]) -> Vec<SentenceInfo<'a>> {
    // Byte range of each non-empty line.
    let mut line_starts = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            line_starts.push((pos, pos + line.trim_end().len()));
        }
        pos += line.len();
    }
    let n_lines = line_starts.len();
    let body_lines = n_lines.saturating_sub(2);
    let sentence_words: Vec<Vec<u64>> = spans
        .iter()
        .map(|sp| content_words(sp.slice(text)))
        .collect();
    let line_words: Vec<Vec<u64>> = line_starts
        .iter()
        .map(|&(s, e)| line_content_words(text, s, e, spans, &sentence_words))
        .collect();
    // In how many body lines each word occurs, so a body sentence can discount its own line.
    let mut body_count: rustc_hash::FxHashMap<u64, usize> = Default::default();
    for words in &line_words[..body_lines] {
        for &w in words {
            *body_count.entry(w).or_default() += 1;
        }
    }
    spans
        .iter()
        .enumerate()
        .map(|(k, sp)| {
            let idx = line_starts
                .partition_point(|&(s, _)| s <= sp.start)
                .saturating_sub(1);
            let (ls, le) = line_starts.get(idx).copied().unwrap_or((0, text.len()));
            let line_text = text.get(ls..le).unwrap_or("");
            let lead = line_text.len() - line_text.trim_start().len();
            let sentence = sp.slice(text);
            let words = &sentence_words[k];
            let own_line = line_words.get(idx).filter(|_| idx < body_lines);
            let shared = words
                .iter()
                .filter(|w| {
                    let own = own_line.is_some_and(|l| l.binary_search(w).is_ok()) as usize;
                    body_count.get(*w).copied().unwrap_or(0) > own
                })
                .count();
            SentenceInfo {
                text: sentence,
                whole_line: sp.start == ls + lead && sp.end == le,
                line_index: idx,
                lines_after: n_lines.saturating_sub(idx + 1),
                content_words: words.len(),
                shared_with_body: shared,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_words_from_sentences_match_the_line_read_whole() {
        let text = "Rebels attacked the town. Police said 'three died'.\nA second line, wrapped\ninto a third one. Officials deny it.";
        let spans = crate::nlp::sentences::split(text);
        let words: Vec<Vec<u64>> = spans.iter().map(|s| content_words(s.slice(text))).collect();
        let mut pos = 0;
        for line in text.split('\n') {
            let (s, e) = (pos, pos + line.len());
            assert_eq!(
                line_content_words(text, s, e, &spans, &words),
                content_words(line),
                "{line:?}"
            );
            pos = e + 1;
        }
    }

    #[test]
    fn stopwords_are_sorted_and_unique() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && !is_stopword("attack"));
    }

    fn class(t: &str, whole_line: bool, line_index: usize) -> SentenceClass {
        Classifier::new()
            .classify(&SentenceInfo {
                text: t,
                whole_line,
                line_index,
                lines_after: 5,
                content_words: 0,
                shared_with_body: 0,
            })
            .0
    }

    /// Class of every sentence of a document, one sentence per line.
    fn doc_classes(lines: &[&str]) -> Vec<SentenceClass> {
        let text = lines.join("\n\n");
        let mut spans = Vec::new();
        let mut pos = 0;
        for l in lines {
            spans.push(Span::new(pos, pos + l.len()));
            pos += l.len() + 2;
        }
        let c = Classifier::new();
        sentence_infos(&text, &spans)
            .iter()
            .map(|i| c.classify(i).0)
            .collect()
    }

    const BODY: &[&str] = &[
        "Flooding forces thousands from homes in river delta",
        "Floodwater from the swollen river swept through four villages in the delta on Monday.",
        "Rescue teams in boats evacuated more than 3,000 residents, the provincial governor said.",
        "Two bridges collapsed and the main highway to the delta remains closed.",
        "The governor said the river level would keep rising until Wednesday.",
    ];

    #[test]
    fn trailing_off_topic_line_is_furniture() {
        let mut lines = BODY.to_vec();
        lines.push("Tech stocks rally as chip demand surges.");
        let got = doc_classes(&lines);
        assert_eq!(got[5], SentenceClass::Furniture);
        assert!(got[1..5].iter().all(|c| *c != SentenceClass::Furniture));

        // Two stray lines at the end, sharing words with each other but not with the article.
        let mut lines = BODY.to_vec();
        lines.push("Tech stocks rally as chip demand surges.");
        lines.push("Chip makers lift tech index to record");
        let got = doc_classes(&lines);
        assert_eq!(got[5], SentenceClass::Furniture);
        assert_eq!(got[6], SentenceClass::Furniture);
    }

    #[test]
    fn trailing_on_topic_line_stays() {
        let mut lines = BODY.to_vec();
        lines.push("Aid agencies said the evacuated residents need clean water.");
        assert_eq!(doc_classes(&lines)[5], SentenceClass::Report);
        // A closing line that refers back ("They ...") is part of the article.
        let mut lines = BODY.to_vec();
        lines.push("They hope to reopen schools soon.");
        assert_eq!(doc_classes(&lines)[5], SentenceClass::Report);
        // A short article is not stripped of its last sentence.
        let lines = [
            "Bridge closed after crash",
            "Police closed the coastal bridge after a lorry overturned.",
        ];
        assert_eq!(doc_classes(&lines)[1], SentenceClass::Report);
    }

    #[test]
    fn writer_speculation_is_commentary() {
        for t in [
            "It is likely that the ceasefire will collapse before the harvest.",
            "Whether the new cabinet can hold the coalition together is an open question.",
            "Whether the talks survive the winter remains unclear.",
            "It is too early to say how the vote will shape the region.",
            "A deal before the deadline seems increasingly unlikely.",
            "Can the mediators bring both sides back to the table?",
            "The port is widely expected to become the focus of the next offensive.",
        ] {
            assert_eq!(class(t, false, 4), SentenceClass::Commentary, "{t}");
        }
    }

    #[test]
    fn unnamed_opinion_holders_are_commentary() {
        for t in [
            "Human rights groups say the mass detentions could amount to collective punishment.",
            "Many observers fear the crackdown would only push the movement underground.",
            "The shelling of the market may amount to a breach of the truce.",
        ] {
            assert_eq!(class(t, false, 4), SentenceClass::Commentary, "{t}");
        }
    }

    #[test]
    fn attributed_or_scheduled_statements_stay_reports() {
        for t in [
            "Rights groups said soldiers detained at least 40 men in the raid.",
            "The interior minister said the death toll could rise further.",
            "The president is expected to visit the flooded province on Tuesday.",
            "Officials say the curfew is expected to be lifted, according to state radio.",
            "The ministry said it was too early to say how many houses were damaged.",
            "The tribunal is expected to rule on the appeal in the spring.",
            "The envoy warned that \"it is likely that the talks will fail without guarantees\".",
            "\"Whether the bridge can be rebuilt this year remains unclear.\"",
            "\"Who gave the order to fire?\" the mayor asked reporters.",
        ] {
            assert_eq!(class(t, false, 4), SentenceClass::Report, "{t}");
        }
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

    #[test]
    fn an_ongoing_state_before_a_turning_point_is_background() {
        assert_eq!(
            class(
                "The charity was already feeding 40,000 families before the war.",
                false,
                3
            ),
            SentenceClass::Background
        );
        // A happening dated before the turning point, with no ongoing state, stays news.
        assert_eq!(
            class(
                "Troops seized the airport two days before the coup anniversary.",
                false,
                3
            ),
            SentenceClass::Report
        );
    }
}
