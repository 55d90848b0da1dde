//! Property tests of the extraction pipeline: whatever the input, `extract` returns without
//! panicking, and every span it reports is a valid slice of the cleaned text that lies where it
//! should (entity and evidence spans inside their sentence).

use proptest::prelude::*;
use sitrep_core::{Document, DocumentFormat, Extraction, OffsetMap, Span};
use sitrep_text::{extract, ExtractOptions, Resources};

/// A plain-text document whose cleaned text is the input itself.
fn doc_from(text: &str, format: DocumentFormat) -> Document {
    Document {
        id: "prop".into(),
        url: None,
        title: None,
        source: None,
        published: Some("2025-06-01".into()),
        format,
        origin: "proptest".into(),
        raw: text.to_string(),
        text: text.to_string(),
        offsets: OffsetMap::identity(),
        content_hash: String::new(),
    }
}

fn run(text: &str, format: DocumentFormat) -> Extraction {
    extract(
        &doc_from(text, format),
        &Resources::empty(),
        &ExtractOptions::default(),
    )
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{what}: span {span:?} is reversed");
    prop_assert!(
        span.end <= text.len(),
        "{what}: span {span:?} past the end ({} bytes)",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} splits a UTF-8 character"
    );
    Ok(())
}

/// The sentence that contains `span`, if any.
fn inside_some_sentence(x: &Extraction, span: Span) -> bool {
    x.sentences.iter().any(|s| s.span.contains(span))
}

fn check_extraction(x: &Extraction) -> Result<(), TestCaseError> {
    let text = &x.document.text;
    for (i, s) in x.sentences.iter().enumerate() {
        check_span(text, s.span, &format!("sentence {i}"))?;
    }
    for (i, e) in x.entities.iter().enumerate() {
        check_span(text, e.span, &format!("entity {i} {:?}", e.text))?;
        prop_assert!(
            inside_some_sentence(x, e.span),
            "entity {i} {:?} at {:?} lies in no sentence",
            e.text,
            e.span
        );
    }
    for (i, ev) in x.events.iter().enumerate() {
        for a in &ev.actors {
            if let Some(sp) = a.span {
                check_span(text, sp, &format!("event {i} actor"))?;
            }
        }
        if let Some(sp) = ev.location.as_ref().and_then(|l| l.span) {
            check_span(text, sp, &format!("event {i} location"))?;
        }
        for (k, c) in [
            &ev.killed,
            &ev.injured,
            &ev.arrested,
            &ev.abducted,
            &ev.displaced,
            &ev.participants,
        ]
        .into_iter()
        .flatten()
        .chain(ev.counts.values())
        .enumerate()
        {
            if let Some(sp) = c.span {
                check_span(text, sp, &format!("event {i} count {k}"))?;
            }
        }
        for at in &ev.attribution {
            if let Some(sp) = at.span {
                check_span(text, sp, &format!("event {i} attribution"))?;
            }
        }
        for (j, evd) in ev.evidence.iter().enumerate() {
            check_span(text, evd.span, &format!("event {i} evidence {j}"))?;
            // Evidence is the sentence an event was coded from: within one sentence's span, unless
            // it spans whole sentences (a merged mention), in which case it must start and end on
            // sentence boundaries.
            let within = inside_some_sentence(x, evd.span);
            let on_bounds = x.sentences.iter().any(|s| s.span.start == evd.span.start)
                && x.sentences.iter().any(|s| s.span.end == evd.span.end);
            prop_assert!(
                within || on_bounds,
                "event {i} evidence {j} at {:?} is not inside a sentence",
                evd.span
            );
        }
        if let Some(si) = ev.sentence {
            prop_assert!(
                si < x.sentences.len(),
                "event {i} names sentence {si} of {}",
                x.sentences.len()
            );
            let sent = x.sentences[si].span;
            prop_assert!(
                ev.evidence.is_empty()
                    || ev
                        .evidence
                        .iter()
                        .any(|e| sent.overlaps(e.span) || sent.contains(e.span)),
                "event {i}: none of its evidence lies in its sentence {si}"
            );
        }
    }
    Ok(())
}

/// Text that looks like news: words the engine reacts to, numbers, places, punctuation, non-ASCII.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Gunmen",
        "killed",
        "at least",
        "three",
        "12",
        "dozens",
        "people",
        "in",
        "Palmyra",
        "Syria",
        "on Saturday",
        "police",
        "arrested",
        "according to",
        "Reuters",
        "ISIS",
        "claimed responsibility",
        "drone",
        "strike",
        "Tripoli",
        "Georgia",
        "Jordan",
        ".",
        ",",
        "!",
        "?",
        "\n\n",
        "\"",
        "’",
        "—",
        "Mosul",
        "Kyiv",
        "Ürümqi",
        "北京",
        "🚀",
        "\u{200b}",
        "Mr.",
        "U.S.",
        "no one was hurt",
        "vowed to retaliate",
        "<p>",
        "</p>",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
}

/// HTML-ish fragments, including broken ones.
fn htmlish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<html>",
        "<body>",
        "<p>",
        "</p>",
        "<div class=\"nav\">",
        "</div>",
        "<a href=\"/x\">",
        "</a>",
        "<script>var a=1<2;</script>",
        "&amp;",
        "&nbsp;",
        "&#x1F600;",
        "&bogus;",
        "<!--",
        "-->",
        "<br/>",
        "Soldiers were killed in Kharkiv.",
        "Police arrested 5 men.",
        "Share this",
        "<h1>",
        "</h1>",
        "é",
        "\u{feff}",
        "<",
        ">",
        "&",
    ]);
    prop::collection::vec(pieces, 0..50).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics_and_spans_are_valid(s in "\\PC{0,400}") {
        check_extraction(&run(&s, DocumentFormat::Text))?;
    }

    #[test]
    fn arbitrary_bytes_as_text_never_panic(s in any::<String>()) {
        check_extraction(&run(&s, DocumentFormat::Text))?;
    }

    #[test]
    fn newsy_text_spans_are_valid(s in newsy()) {
        check_extraction(&run(&s, DocumentFormat::Text))?;
    }

    #[test]
    fn html_fragments_in_text_documents_keep_valid_spans(s in htmlish()) {
        check_extraction(&run(&s, DocumentFormat::Text))?;
    }

    #[test]
    fn html_fragments_as_html_documents_keep_valid_spans(s in htmlish()) {
        check_extraction(&run(&s, DocumentFormat::Html))?;
    }
}
