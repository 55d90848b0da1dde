//! Tests of the input sources over the fixtures in testdata/ingest/.

use std::collections::VecDeque;
use std::io::Write;
use std::path::PathBuf;

use sitrep_core::{Diagnostic, Document, DocumentFormat, Span};

use super::*;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/ingest")
        .join(name)
}

fn run(paths: &[PathBuf], opts: &SourceOptions) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    for item in read_inputs(paths, opts) {
        match item {
            Ok(d) => docs.push(d),
            Err(d) => diags.push(d),
        }
    }
    (docs, diags)
}

fn one(name: &str) -> Document {
    let (docs, diags) = run(&[fixture(name)], &SourceOptions::default());
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(docs.len(), 1);
    docs.into_iter().next().unwrap()
}

/// The offset map of a document stays inside its raw text, and a word maps to itself.
fn check_offsets(doc: &Document, word: &str) {
    let pos = doc
        .text
        .find(word)
        .unwrap_or_else(|| panic!("{word:?} not in {:?}", doc.text));
    let span = doc
        .offsets
        .span_to_raw(Span::new(pos, pos + word.len()))
        .unwrap();
    assert_eq!(
        doc.raw.get(span.start..span.end),
        Some(word),
        "{}",
        doc.origin
    );
}

#[test]
fn plain_text_file() {
    let d = one("plain.txt");
    assert_eq!(d.format, DocumentFormat::Text);
    assert!(d.text.starts_with("KABUL, June 3"));
    assert!(d.text.contains("said.\n\nAt least 40"), "{:?}", d.text);
    // Furniture lines stay in plain text: sentence classification labels them.
    assert!(d.text.ends_with("Share this article"));
    assert!(!d.text.contains("said.   "), "trailing whitespace stripped");
    assert_eq!(d.content_hash, sitrep_text::clean::content_hash(&d.text));
    check_offsets(&d, "Baghlan");
    check_offsets(&d, "Rescue");
    assert_eq!(d.id.len(), 16);
}

#[test]
fn crlf_text_maps_exactly() {
    let d = one("crlf.txt");
    assert_eq!(
        d.text,
        "Line one of a CRLF file.\nLine two follows.\n\nA second paragraph."
    );
    check_offsets(&d, "second paragraph");
}

#[test]
fn legacy_and_utf16_encodings() {
    assert!(one("latin1.txt").text.contains("Besançon ont été appelés"));
    let cp = one("cp1252.txt");
    assert!(
        cp.text.contains("\u{201c}unacceptable\u{201d}")
            && cp.text.contains("€2 million")
            && cp.text.contains("café"),
        "{}",
        cp.text
    );
    let html = one("cp1252.html");
    assert_eq!(html.format, DocumentFormat::Html);
    assert!(
        html.text.contains("\u{201c}deafening\u{201d}") && html.text.contains("café"),
        "{}",
        html.text
    );
    let u16 = one("utf16.txt");
    assert_eq!(
        u16.text,
        "Protesters gathered in Yerevan on Friday evening. Police said the rally was peaceful."
    );
    check_offsets(&u16, "Yerevan");
    assert!(one("utf16be.txt").text.contains("Nouméa"));
}

#[test]
fn html_page_without_furniture() {
    let d = one("page.html");
    assert_eq!(d.format, DocumentFormat::Html);
    assert_eq!(
        d.title.as_deref(),
        Some("Flooding forces families from riverside homes in Beledweyne")
    );
    assert_eq!(d.source.as_deref(), Some("The Horn Ledger"));
    assert_eq!(d.published.as_deref(), Some("2023-11-14"));
    assert!(d.text.contains("Shabelle river burst its banks"));
    assert!(
        d.text.contains("town’s population"),
        "entity decoded: {}",
        d.text
    );
    assert!(d.text.contains("reached by air."));
    for furniture in [
        "Regional desk",
        "weekly newsletter",
        "READ MORE",
        "Share on Facebook",
        "More from",
        "Port authority",
        "embankments",
        "old bridge",
        "Most read",
        "Fuel prices",
        "All rights reserved",
    ] {
        assert!(!d.text.contains(furniture), "kept {furniture:?}");
    }
    check_offsets(&d, "district commissioner");
    check_offsets(&d, "Officials appealed");
    assert_eq!(
        d.raw.len(),
        std::fs::read(fixture("page.html")).unwrap().len()
    );
}

#[test]
fn rss_feed_with_three_items() {
    let (docs, diags) = run(&[fixture("feed.rss")], &SourceOptions::default());
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(docs.len(), 3);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        ["sm-2024-0211-01", "sm-2024-0212-02", "sm-2024-0213-03"]
    );
    for d in &docs {
        assert_eq!(d.format, DocumentFormat::FeedItem);
        assert_eq!(d.source.as_deref(), Some("Sahel Monitor"));
        assert!(d
            .url
            .as_deref()
            .unwrap()
            .starts_with("https://sahel-monitor.example/2024/02/"));
    }
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Gunmen attack convoy near Djibo")
    );
    assert_eq!(docs[0].published.as_deref(), Some("2024-02-11"));
    assert_eq!(docs[0].text, "Armed men fired on a supply convoy about 20 km south of Djibo on Saturday, a security source said.\n\nThree drivers were wounded and two trucks were burned.");
    check_offsets(&docs[0], "Djibo");
    // content:encoded wins over the description.
    assert!(
        docs[1].text.contains("continue & be reviewed weekly"),
        "{}",
        docs[1].text
    );
    // A headline-only item becomes a headline document.
    assert_eq!(
        docs[2].text,
        "Teachers strike over unpaid salaries in Niamey"
    );
    assert_eq!(
        docs[2].origin,
        format!("{}#item-3", fixture("feed.rss").display())
    );
}

#[test]
fn atom_feed_and_empty_feed() {
    let (docs, diags) = run(
        &[fixture("atom.xml"), fixture("empty.rss")],
        &SourceOptions::default(),
    );
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].text, "A landslide blocked the main highway north of Cusco on Wednesday, stranding dozens of buses.");
    assert_eq!(docs[0].published.as_deref(), Some("2024-05-01"));
    assert_eq!(
        docs[0].url.as_deref(),
        Some("https://andes-wire.example/1001")
    );
    assert_eq!(
        docs[1].published.as_deref(),
        Some("2024-05-02"),
        "updated when no published"
    );
    assert_eq!(docs[1].source.as_deref(), Some("Andes Wire"));
}

#[test]
fn jsonl_with_bad_lines() {
    let path = fixture("articles.jsonl");
    let (docs, diags) = run(std::slice::from_ref(&path), &SourceOptions::default());
    let p = path.display().to_string();
    assert_eq!(docs.len(), 3, "{docs:#?}");
    assert_eq!(docs[0].id, "wire-001");
    assert_eq!(docs[0].source.as_deref(), Some("Great Lakes Wire"));
    assert_eq!(docs[0].published.as_deref(), Some("2024-04-18"));
    assert_eq!(docs[0].origin, format!("{p}#1"));
    assert_eq!(docs[1].id, "2");
    assert_eq!(
        docs[1].text,
        "Riot police used tear gas to disperse students in Dhaka on Sunday."
    );
    assert_eq!(docs[1].published.as_deref(), Some("2024-07-14"));
    check_offsets(&docs[1], "Dhaka");
    assert_eq!(docs[2].title.as_deref(), Some("No id here"));
    assert_eq!(docs[2].published, None);
    assert_eq!(docs[2].id.len(), 16, "hash id");
    let inputs: Vec<&str> = diags.iter().map(|d| d.input.as_str()).collect();
    assert_eq!(
        inputs,
        [
            format!("{p}:3"),
            format!("{p}:4"),
            format!("{p}:6"),
            format!("{p}:7")
        ]
    );
    assert!(
        diags[0].message.contains("invalid JSON"),
        "{}",
        diags[0].message
    );
    assert!(diags[1].message.contains("last Tuesday"));
    assert!(diags[2].message.contains("array"));
    assert!(diags[3].message.contains("text"));
}

#[test]
fn mixed_directory_goes_on_after_bad_files() {
    let (docs, diags) = run(&[fixture("mixed")], &SourceOptions::default());
    let origins: Vec<String> = docs
        .iter()
        .map(|d| d.origin.rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(
        origins,
        [
            "article.html",
            "bad_utf8.jsonl#1",
            "good.txt",
            "inner.txt",
            "records.jsonl#1",
            "records.jsonl#2",
            "records.jsonl#4"
        ]
    );
    let why = |file: &str| -> String {
        diags
            .iter()
            .filter(|d| d.input.contains(file))
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    assert!(why("bad_utf8.jsonl:2").contains("invalid UTF-8"));
    assert!(why("blob.dat").contains("binary"), "{}", why("blob.dat"));
    assert!(why("photo.txt").contains("PNG"));
    assert!(why("empty.txt").contains("empty"));
    assert!(why("broken.rss").contains("feed"));
    assert!(!diags.iter().any(|d| d.input.contains(".hidden")));
    assert_eq!(diags.len(), 9, "{diags:#?}");
}

#[test]
fn unreadable_path_is_a_diagnostic() {
    let missing = fixture("no-such-file.txt");
    let (docs, diags) = run(&[missing, fixture("plain.txt")], &SourceOptions::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(diags.len(), 1);
    assert!(
        diags[0].input.ends_with("no-such-file.txt") && diags[0].message.contains("cannot read")
    );
}

#[test]
fn oversized_files_are_skipped_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    // 50 MB, sparse: the size check happens before any read.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let (docs, diags) = run(std::slice::from_ref(&big), &SourceOptions::default());
    assert!(docs.is_empty());
    assert_eq!(diags.len(), 1);
    assert!(
        diags[0].message.contains("size limit"),
        "{}",
        diags[0].message
    );

    // A small limit applies per line to JSONL, which streams.
    let jl = dir.path().join("big.jsonl");
    let mut f = std::fs::File::create(&jl).unwrap();
    writeln!(
        f,
        "{{\"id\":\"a\",\"text\":\"short record about a protest in Lima\"}}"
    )
    .unwrap();
    writeln!(f, "{{\"id\":\"b\",\"text\":\"{}\"}}", "x".repeat(5000)).unwrap();
    writeln!(
        f,
        "{{\"id\":\"c\",\"text\":\"another short record about Quito\"}}"
    )
    .unwrap();
    drop(f);
    let opts = SourceOptions {
        max_bytes: 1000,
        ..SourceOptions::default()
    };
    let (docs, diags) = run(&[jl], &opts);
    assert_eq!(
        docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["a", "c"]
    );
    assert_eq!(diags.len(), 1);
    assert!(diags[0].input.ends_with("big.jsonl:2") && diags[0].message.contains("longer than"));

    // A text file above a small limit is skipped too.
    let (docs, diags) = run(&[fixture("page.html")], &opts);
    assert!(docs.is_empty() && diags[0].message.contains("size limit"));
}

#[test]
fn published_override_and_identical_content() {
    let opts = SourceOptions {
        published: Some("2020-01-02".into()),
        ..SourceOptions::default()
    };
    let (docs, _) = run(&[fixture("plain.txt"), fixture("feed.rss")], &opts);
    assert!(docs
        .iter()
        .all(|d| d.published.as_deref() == Some("2020-01-02")));

    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Shelling hit  Kherson\r\non Monday.\n").unwrap();
    std::fs::write(&b, "Shelling hit Kherson on Monday.").unwrap();
    let (docs, _) = run(&[a, b], &SourceOptions::default());
    assert_eq!(docs[0].content_hash, docs[1].content_hash);
    assert_ne!(docs[0].id, docs[1].id);
}

#[test]
fn forced_format_and_sniffing_without_extension() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page-without-extension");
    std::fs::copy(fixture("page.html"), &page).unwrap();
    let feed = dir.path().join("feed.dat");
    std::fs::copy(fixture("feed.rss"), &feed).unwrap();
    let (docs, diags) = run(&[page.clone(), feed], &SourceOptions::default());
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(docs[0].format, DocumentFormat::Html);
    assert_eq!(docs.len(), 4);
    let opts = SourceOptions {
        format: Some(InputFormat::Text),
        ..SourceOptions::default()
    };
    let (docs, _) = run(&[page], &opts);
    assert_eq!(docs[0].format, DocumentFormat::Text);
    assert!(docs[0].text.contains("<div"));
}

#[test]
fn json_array_file() {
    let (docs, diags) = run(&[fixture("records.json")], &SourceOptions::default());
    assert_eq!(docs.len(), 2, "{diags:?}");
    assert_eq!(docs[0].id, "arr-1");
    assert_eq!(docs[1].title.as_deref(), Some("Border crossing reopens"));
    assert_eq!(docs[1].published.as_deref(), Some("2024-09-03"));
    assert_eq!(diags.len(), 1);
    assert!(diags[0].input.ends_with("records.json#3") && diags[0].message.contains("a number"));
}

/// Stdin goes through the same stream reader; here fed from memory.
fn run_stream(data: &[u8], opts: &SourceOptions) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut sources = Sources {
        opts: opts.clone(),
        pending: Vec::new(),
        queue: VecDeque::new(),
        jsonl: None,
    };
    sources.read_stream(Box::new(std::io::Cursor::new(data.to_vec())), "-");
    let (mut docs, mut diags) = (Vec::new(), Vec::new());
    for item in sources {
        match item {
            Ok(d) => docs.push(d),
            Err(d) => diags.push(d),
        }
    }
    (docs, diags)
}

#[test]
fn stdin_stream_formats() {
    let opts = SourceOptions::default();
    let (docs, diags) = run_stream(&std::fs::read(fixture("articles.jsonl")).unwrap(), &opts);
    assert_eq!((docs.len(), diags.len()), (3, 4));
    assert!(diags[0].input == "-:3");
    let (docs, _) = run_stream(&std::fs::read(fixture("page.html")).unwrap(), &opts);
    assert_eq!(docs[0].format, DocumentFormat::Html);
    assert_eq!(docs[0].origin, "-");
    let (docs, _) = run_stream(&std::fs::read(fixture("feed.rss")).unwrap(), &opts);
    assert_eq!(docs.len(), 3);
    let (docs, _) = run_stream(&std::fs::read(fixture("records.json")).unwrap(), &opts);
    assert_eq!(docs.len(), 2);
    let (docs, _) = run_stream(&std::fs::read(fixture("utf16.txt")).unwrap(), &opts);
    assert!(docs[0].text.starts_with("Protesters gathered"));
    let (docs, diags) = run_stream(b"", &opts);
    assert!(docs.is_empty() && diags[0].message.contains("empty"));
    let small = SourceOptions {
        max_bytes: 100,
        ..SourceOptions::default()
    };
    let (docs, diags) = run_stream(&std::fs::read(fixture("page.html")).unwrap(), &small);
    assert!(docs.is_empty() && diags[0].message.contains("size limit"));
}
