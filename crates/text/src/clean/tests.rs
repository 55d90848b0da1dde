//! Cross-module tests for cleaning: HTML extraction, offset-map invariants, no-panic properties.

use proptest::prelude::*;

use super::*;

/// Every clean char boundary maps monotonically into `0..=raw_len`.
fn assert_map_ok(c: &Cleaned, raw_len: usize) {
    let mut prev = 0;
    for i in (0..=c.text.len()).filter(|&i| c.text.is_char_boundary(i)) {
        let r = c
            .offsets
            .to_raw(i)
            .unwrap_or_else(|| panic!("no mapping for {i}"));
        assert!(r >= prev, "map not monotonic at {i}: {r} < {prev}");
        assert!(r <= raw_len, "map out of bounds at {i}: {r} > {raw_len}");
        prev = r;
    }
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drone strike hits fuel depot near Izium | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta name="author" content="Olena Petrenko">
<link rel="canonical" href="https://example.org/news/izium-depot">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Drone strike hits fuel depot near Izium","datePublished":"2024-03-05T07:30:00+02:00","author":{"@type":"Person","name":"Olena Petrenko"}}</script>
</head><body>
<header class="site-header"><nav class="main-nav"><a href="/">Home</a> <a href="/world">World news</a> <a href="/sport">Sport results</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience on this site.</div>
<main><article>
<h1>Drone strike hits fuel depot near Izium</h1>
<p class="byline">By Olena Petrenko</p>
<p>A drone struck a fuel depot on the outskirts of Izium early on Tuesday, regional officials said, starting a fire that burned for several hours before crews brought it under control.</p>
<p>The regional governor said two workers were injured &amp; taken to hospital in Kharkiv. Nobody was killed, he added, although the depot was &quot;badly damaged&quot;.</p>
<div class="newsletter-box"><p>Get our morning briefing delivered to your inbox every day before breakfast.</p><form><input type="email"><button>Sign up</button></form></div>
<p>Emergency services said the blaze had been contained by midday and that nearby homes were not evacuated. Residents reported hearing several explosions shortly before dawn.</p>
<p>Advertisement</p>
<p>The depot supplied fuel to farms across the district, according to the local administration, which said it would assess the damage in the coming days.</p>
</article></main>
<section class="related-stories"><h2>Related stories</h2><ul><li><a href="/a">Grain exports resume from southern ports after months of delay</a></li><li><a href="/b">Power restored to villages after storm damage</a></li></ul></section>
<section id="comments"><h3>Reader comments</h3><div class="comment"><p>This is terrible news for the farmers who rely on that depot every single season.</p></div><div class="comment"><p>Hope the injured workers recover quickly and the company rebuilds soon.</p></div></section>
<aside class="most-read"><h3>Most read</h3><ol><li>Storm warning issued for the coast</li></ol></aside>
<footer class="site-footer"><p>© 2024 Example Wire. All rights reserved.</p></footer>
</body></html>"#;

#[test]
fn html_page_keeps_article_and_drops_furniture() {
    let c = clean_html(PAGE);
    assert!(c.text.contains("A drone struck a fuel depot"), "{}", c.text);
    assert!(
        c.text
            .contains("two workers were injured & taken to hospital"),
        "{}",
        c.text
    );
    assert!(c.text.contains("\"badly damaged\""));
    assert!(c.text.contains("The depot supplied fuel"));
    for furniture in [
        "World news",
        "We use cookies",
        "morning briefing",
        "Grain exports",
        "terrible news",
        "Reader comments",
        "Storm warning",
        "All rights reserved",
        "Advertisement",
    ] {
        assert!(
            !c.text.contains(furniture),
            "kept {furniture:?}:\n{}",
            c.text
        );
    }
    assert!(
        c.text.contains("\n\n"),
        "paragraphs separated by blank lines"
    );
    assert_eq!(c.published.as_deref(), Some("2024-03-05"));
    assert_eq!(c.byline.as_deref(), Some("Olena Petrenko"));
    assert_eq!(c.site_name.as_deref(), Some("Example Wire"));
    assert_eq!(
        c.url.as_deref(),
        Some("https://example.org/news/izium-depot")
    );
    assert!(c
        .title
        .as_deref()
        .unwrap_or("")
        .contains("Drone strike hits fuel depot"));
    assert!(c
        .removed
        .iter()
        .any(|(s, why)| why.contains("newsletter") && PAGE[s.start..s.end].contains("briefing")));
    assert!(c.removed.iter().any(|(_, why)| why.contains("comment")));
    assert_map_ok(&c, PAGE.len());
}

#[test]
fn html_offsets_point_at_the_same_words() {
    let c = clean_html(PAGE);
    let mut checked = 0;
    for para in c.text.split("\n\n") {
        let start = para.as_ptr() as usize - c.text.as_ptr() as usize;
        let span = Span::new(start, start + para.len());
        let raw_span = c.offsets.span_to_raw(span).unwrap();
        let raw = PAGE
            .get(raw_span.start..raw_span.end)
            .expect("raw span on char boundaries");
        // Ordinary paragraphs (no entities) appear verbatim, modulo whitespace.
        if !raw.contains('&') {
            let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(norm(raw), norm(para));
            checked += 1;
        }
        // Every word of the paragraph is in its raw span.
        for w in para.split_whitespace().filter(|w| !w.contains(['&', '"'])) {
            assert!(raw.contains(w), "{w:?} not in {raw:?}");
        }
    }
    assert!(checked >= 3);
    // A word inside an entity-bearing paragraph maps exactly.
    let pos = c.text.find("Kharkiv").unwrap();
    let r = c.offsets.to_raw(pos).unwrap();
    assert!(PAGE[r..].starts_with("Kharkiv"));
}

#[test]
fn wrapper_with_furniture_class_is_kept_and_time_gives_date() {
    let para = "Fighting between two armed factions closed the main road into the town for a third day, traders said, and prices of flour and fuel rose sharply in the central market as a result. ";
    let raw = format!(
        "<html><body><div class=\"page has-sidebar\"><div class=\"story\"><time datetime=\"2022-08-09T10:00:00Z\">9 August</time><p>{}</p><p>{}</p><div class=\"related-links\"><p>Earlier: talks stall again in the capital</p></div><p>{}</p></div><div class=\"sidebar\">Weather today: sunny</div></div></body></html>",
        para.repeat(2),
        para,
        para
    );
    let c = clean_html(&raw);
    assert!(
        c.text.contains("Fighting between two armed factions"),
        "{:?}",
        c.text
    );
    assert!(!c.text.contains("talks stall"));
    assert!(!c.text.contains("Weather today"));
    assert_eq!(c.published.as_deref(), Some("2022-08-09"));
    assert_map_ok(&c, raw.len());
}

#[test]
fn fragment_is_cleaned_without_readability() {
    let raw = "<p>Police detained <b>twelve</b> protesters in Tbilisi.</p><div class=\"share-bar\">Share on X</div><p>The march ended peacefully.</p>";
    let c = clean_html(raw);
    assert_eq!(
        c.text,
        "Police detained twelve protesters in Tbilisi.\n\nThe march ended peacefully."
    );
    assert_map_ok(&c, raw.len());
    let p = c.text.find("twelve").unwrap();
    assert!(raw[c.offsets.to_raw(p).unwrap()..].starts_with("twelve"));
}

#[test]
fn html_without_article_falls_back_to_body() {
    let raw = "<html><body><div>Short note: curfew lifted in Goma.</div></body></html>";
    let c = clean_html(raw);
    assert!(c.text.contains("curfew lifted in Goma"), "{:?}", c.text);
    assert_map_ok(&c, raw.len());
}

#[test]
fn broken_html_never_panics() {
    for raw in [
        "",
        "<",
        "<html",
        "<p>unclosed <b>bold <i>italic",
        "&",
        "&#",
        "&#x110000; &#0; &#128; &notanentity; &amp",
        "<script>never closed",
        "<!-- open comment",
        "<a href=\"x>y</a> text",
        "</p></div></body>",
    ] {
        let c = clean_html(raw);
        assert_map_ok(&c, raw.len());
    }
    let deep = "<div>".repeat(5000) + "deep text" + &"</div>".repeat(5000);
    let c = clean_html(&deep);
    assert!(c.text.contains("deep text"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn text_never_panics_and_maps_exactly(raw in any::<String>()) {
        let c = clean_text(&raw);
        assert_map_ok(&c, raw.len());
        // Plain text keeps characters verbatim: every non-whitespace char maps to itself.
        for (i, ch) in c.text.char_indices().filter(|(_, ch)| !ch.is_whitespace()) {
            let r = c.offsets.to_raw(i).unwrap();
            prop_assert!(raw[r..].starts_with(ch));
        }
    }

    #[test]
    fn html_never_panics(raw in "(<[a-z/!]{0,3}[^>]{0,12}>?|&[#a-z0-9]{0,6};?|[^<&]{0,20}){0,40}") {
        let c = clean_html(&raw);
        assert_map_ok(&c, raw.len());
    }

    #[test]
    fn html_arbitrary_strings_never_panic(raw in any::<String>()) {
        let c = clean_html(&raw);
        assert_map_ok(&c, raw.len());
    }

    #[test]
    fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(d) = decode(&bytes, None) {
            prop_assert!(!d.text.contains('\0'));
        }
        let _ = decode(&bytes, Some("utf-16le"));
    }
}
