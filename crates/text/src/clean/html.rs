//! HTML pages and fragments to article text.
//!
//! Steps: read metadata (JSON-LD, meta tags) from the untouched DOM; pre-clean the DOM by
//! removing page furniture that Readability keeps (comments, newsletter boxes, share bars,
//! related links, navigation, cookie banners ...); extract the main content with `dom_smoothie`;
//! split it into blocks (paragraphs, headings, list items) joined by blank lines; drop
//! boilerplate blocks ("Advertisement", "Share this article"); map every block back into the
//! raw HTML through [`super::align`].

use std::collections::HashSet;
use std::sync::LazyLock;

use dom_query::{Document, NodeId, NodeRef};
use dom_smoothie::{Config, Readability};
use regex::Regex;
use sitrep_core::Span;

use super::align::{align_blocks, RawIndex, FULL_SEARCH_BUDGET};
use super::date::normalise_date;
use super::Cleaned;

/// class/id values of page furniture. Tokens are matched at word boundaries (`-`, `_`,
/// space) so "nav-main" and "comments-list" match but "canvas" and "commentary" do not.
static FURNITURE_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(comments?|comment-?(?:list|form|section|area|thread)|discussion|disqus|replies|newsletter\w*|promo\w*|related\w*|subscri\w*|share\w*|sharing|social\w*|nav|navbar|navigation|menu\w*|breadcrumbs?|footer\w*|cookie\w*|consent\w*|gdpr|sidebar\w*|most-?read|most-?popular|mostread|popular\w*|trending\w*|recommend\w*|advert\w*|ads?|ad-?slot\w*|adunit|sponsor\w*|outbrain\w*|taboola\w*|signup|sign-up|paywall\w*|read-?more|more-?from|more-?stories|author-?bio|tags|tag-?list|masthead|skip-?link|sr-only|visually-?hidden|modal|popup|overlay)(?:$|[\s_-])",
    )
    .expect("valid furniture regex")
});

/// Whole blocks that are page boilerplate rather than article text (HTML mode only).
static BOILERPLATE_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:advertisement|advert|sponsored(?: content)?|share(?: this)?(?: article| story| on \w+)?|share|tweet|(?:click|tap) here\b.*|read more\b.*|(?:related|more)(?: articles| stories| coverage| news)?:?|sign up\b.*|subscribe\b.*|follow us\b.*|.*\ball rights reserved\b.*|(?:©|\(c\)|copyright)\s*\d{4}.*|skip to (?:main )?content|loading\W*|you (?:may|might) also like.*|most (?:read|popular|viewed)|comments?(?: \(\d+\))?|\d+ comments?|leave a (?:comment|reply)\b.*|listen to this article\b.*|print(?: this)?(?: page| article)?|email(?: this)?(?: page| article)?|back to top|cookie(?:s)? (?:policy|settings)\b.*|we use cookies\b.*)$",
    )
    .expect("valid boilerplate regex")
});

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose text is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg",
    "math", "button", "select", "option", "input", "textarea", "canvas", "video", "audio",
    "picture", "img", "map",
];

/// Landmark elements and roles that are furniture by definition.
const FURNITURE_TAGS: &[&str] = &["nav", "footer", "aside", "form", "dialog", "menu"];
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
];

/// Cleans an HTML page or fragment. Full pages (with `<html>`, `<head>`, `<body>` or a
/// doctype) go through Readability; fragments (feed item bodies) are only pre-cleaned.
pub fn clean_html(raw: &str) -> Cleaned {
    let head: String = raw
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<html", "<body", "<head", "<!doctype"]
        .iter()
        .any(|t| head.contains(t))
    {
        clean_page(raw)
    } else {
        clean_html_fragment(raw)
    }
}

/// Cleans an HTML fragment (a feed item's content, a JSONL `html` field that is not a page):
/// pre-cleaning and block extraction without Readability, which needs a whole page.
pub fn clean_html_fragment(raw: &str) -> Cleaned {
    let doc = Document::fragment(raw);
    let mut removed = Vec::new();
    pre_clean(&doc, &mut removed);
    let blocks = blocks_of(&doc.root());
    finish(raw, blocks, removed, Meta::default())
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
    url: Option<String>,
}

fn clean_page(raw: &str) -> Cleaned {
    let cfg = Config {
        max_elements_to_parse: 0,
        ..Config::default()
    };
    let Ok(mut readability) = Readability::with_document(Document::from(raw), None, Some(cfg))
    else {
        return clean_html_fragment(raw);
    };
    // Metadata first: pre-cleaning may remove a footer that holds the JSON-LD.
    let ld = readability.parse_json_ld();
    let m = readability.get_article_metadata(ld);
    let mut meta = Meta {
        title: non_empty(m.title),
        byline: m.byline.and_then(non_empty),
        published: m.published_time.as_deref().and_then(normalise_date),
        site_name: m.site_name.and_then(non_empty),
        url: m.url.and_then(non_empty),
    };
    if meta.published.is_none() {
        meta.published = fallback_date(&readability.doc);
    }
    if meta.url.is_none() {
        meta.url = readability
            .doc
            .select("link[rel=canonical]")
            .attr("href")
            .map(|h| h.to_string())
            .or_else(|| {
                readability
                    .doc
                    .select("meta[property='og:url']")
                    .attr("content")
                    .map(|h| h.to_string())
            })
            .filter(|u| u.starts_with("http"));
    }
    let mut removed = Vec::new();
    pre_clean(&readability.doc, &mut removed);
    let blocks = match readability.parse() {
        Ok(article) => {
            if meta.byline.is_none() {
                meta.byline = article.byline.and_then(non_empty);
            }
            let content = Document::fragment(article.content.to_string());
            blocks_of(&content.root())
        }
        Err(_) => {
            // Readability found no article (very short or odd pages): use the pre-cleaned
            // body. Parsing mutated the DOM, so start again from the raw input.
            let doc = Document::from(raw);
            let mut ignored = Vec::new();
            pre_clean(&doc, &mut ignored);
            doc.body().map(|b| blocks_of(&b)).unwrap_or_default()
        }
    };
    finish(raw, blocks, removed, meta)
}

fn non_empty(s: String) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Dates that Readability's metadata misses: itemprop, Dublin Core, `<time datetime>`.
fn fallback_date(doc: &Document) -> Option<String> {
    let candidates = [
        ("meta[itemprop=datePublished]", "content"),
        ("meta[name='dc.date']", "content"),
        ("meta[name='DC.date.issued']", "content"),
        ("meta[name=date]", "content"),
        ("meta[name=pubdate]", "content"),
        ("*[itemprop=datePublished]", "datetime"),
        ("time[datetime]", "datetime"),
    ];
    candidates
        .iter()
        .find_map(|(sel, attr)| doc.select(sel).attr(attr).and_then(|v| normalise_date(&v)))
}

/// Why an element is furniture, or `None` when it may be content.
fn furniture_reason(node: &NodeRef) -> Option<String> {
    let name = node.node_name()?.to_ascii_lowercase();
    if FURNITURE_TAGS.contains(&name.as_str()) {
        return Some(format!("<{name}> element"));
    }
    if let Some(role) = node.attr("role") {
        let role = role.to_ascii_lowercase();
        if FURNITURE_ROLES.contains(&role.trim()) {
            return Some(format!("role={role}"));
        }
    }
    if node.has_attr("hidden") || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return Some("hidden element".into());
    }
    if node.attr("style").is_some_and(|s| {
        s.replace(' ', "")
            .to_ascii_lowercase()
            .contains("display:none")
    }) {
        return Some("hidden element".into());
    }
    for attr in ["class", "id"] {
        if let Some(v) = node.attr(attr) {
            if let Some(m) = FURNITURE_ATTR.captures(&v) {
                return Some(format!("{attr} matches '{}'", &m[1]));
            }
        }
    }
    None
}

/// Never removed: the page itself and anything that holds the article.
fn is_protected(node: &NodeRef) -> bool {
    let Some(name) = node.node_name() else {
        return true;
    };
    let name = name.to_ascii_lowercase();
    if matches!(name.as_str(), "html" | "body" | "main" | "article" | "head") {
        return true;
    }
    node.descendants_it().any(|d| {
        d.node_name()
            .is_some_and(|n| n.eq_ignore_ascii_case("article") || n.eq_ignore_ascii_case("main"))
            || d.attr("itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
    })
}

/// Removes furniture elements from the DOM, recording their text and why they went.
fn pre_clean(doc: &Document, removed: &mut Vec<(String, String)>) {
    let root = doc.root();
    let total_text = root.text().len();
    let mut doomed: Vec<NodeRef> = Vec::new();
    // Iterative walk: pages can nest deeper than the stack allows recursion.
    let mut stack: Vec<NodeRef> = root.children_it(true).collect();
    let mut seen: HashSet<NodeId> = HashSet::new();
    while let Some(node) = stack.pop() {
        if !seen.insert(node.id) || !node.is_element() {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(name.as_str(), "script" | "style" | "head") {
            continue;
        }
        if let Some(why) = furniture_reason(&node) {
            // A wrapper holding most of the page's text ("page has-sidebar") is not furniture.
            let text_len = node.text().len();
            let dominant = total_text > 500 && text_len * 10 > total_text * 6;
            if !dominant && !is_protected(&node) {
                // Text as block extraction sees it (no script or style text), so it can be
                // located in the raw input.
                removed.push((blocks_of(&node).join(" "), why));
                doomed.push(node);
                continue;
            }
        }
        stack.extend(node.children_it(true));
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Splits a DOM subtree into text blocks: each block element starts a new block, `<br>` is a
/// line break, other whitespace collapses to single spaces.
fn blocks_of(root: &NodeRef) -> Vec<String> {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Exit(bool),
    }
    let mut blocks = Vec::new();
    let mut cur = String::new();
    let mut space = false;
    let mut stack = vec![Step::Enter(*root)];
    let flush = |cur: &mut String, blocks: &mut Vec<String>| {
        let b: Vec<&str> = cur
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if !b.is_empty() {
            blocks.push(b.join("\n"));
        }
        cur.clear();
    };
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit(block) => {
                if block {
                    flush(&mut cur, &mut blocks);
                    space = false;
                }
            }
            Step::Enter(node) => {
                if node.is_text() {
                    for c in node.text().chars() {
                        if c.is_whitespace() && c != '\u{a0}' {
                            space = true;
                        } else {
                            if space && !cur.is_empty() && !cur.ends_with('\n') {
                                cur.push(' ');
                            }
                            space = false;
                            cur.push(if c == '\u{a0}' { ' ' } else { c });
                        }
                    }
                    continue;
                }
                let name = node
                    .node_name()
                    .map(|n| n.to_ascii_lowercase())
                    .unwrap_or_default();
                if node.is_element() {
                    if SKIP_TAGS.contains(&name.as_str()) {
                        continue;
                    }
                    if name == "br" {
                        cur.push('\n');
                        space = false;
                        continue;
                    }
                }
                let block = BLOCK_TAGS.contains(&name.as_str());
                if block {
                    flush(&mut cur, &mut blocks);
                    space = false;
                }
                stack.push(Step::Exit(block));
                let children: Vec<NodeRef> = node.children_it(true).collect();
                stack.extend(children.into_iter().map(Step::Enter));
            }
        }
    }
    flush(&mut cur, &mut blocks);
    blocks
}

/// Drops boilerplate blocks, joins the rest with blank lines and maps them to the raw input.
fn finish(
    raw: &str,
    blocks: Vec<String>,
    removed_nodes: Vec<(String, String)>,
    meta: Meta,
) -> Cleaned {
    let idx = RawIndex::build(raw);
    let mut removed: Vec<(Span, String)> = Vec::new();
    let mut text = String::new();
    let mut ranges = Vec::new();
    let (mut cursor, mut budget) = (0, FULL_SEARCH_BUDGET);
    for block in blocks {
        if block.chars().count() <= 120 && BOILERPLATE_BLOCK.is_match(&block) {
            let span = idx
                .locate(&block, &mut cursor, &mut budget)
                .unwrap_or(Span::new(0, 0));
            removed.push((span, format!("boilerplate line: {block}")));
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&block);
        ranges.push((start, text.len()));
    }
    // Removed nodes come in document order, so one forward cursor finds them.
    let (mut cursor, mut budget) = (0, FULL_SEARCH_BUDGET);
    for (node_text, why) in removed_nodes {
        if node_text.trim().is_empty() {
            continue;
        }
        let span = idx
            .locate(&node_text, &mut cursor, &mut budget)
            .unwrap_or(Span::new(0, 0));
        removed.push((span, why));
    }
    removed.sort_by_key(|(s, _)| (s.start, s.end));
    let offsets = align_blocks(&text, &ranges, &idx, raw.len());
    Cleaned {
        text,
        offsets,
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        site_name: meta.site_name,
        url: meta.url,
        removed,
    }
}
