//! The home country of a document's source, read from its web address.
//!
//! A local outlet writes about its own country's places without naming the country ("London
//! police" in a paper from London, Ontario; "Edmonton" in a north London weekly), so the
//! source's home country is weak evidence for the readings of every toponym in the document.
//! It is known here from a country-code top-level domain (`cbc.ca` → CA, `bbc.co.uk` → GB);
//! generic domains (`.com`, `.org`) and country codes sold as vanity names (`.tv`, `.io`) say
//! nothing.

use super::gazetteer::Gazetteer;

/// Country-code domains commonly registered by outlets anywhere, so no evidence of a country.
const VANITY_TLDS: &[&str] = &[
    "ai", "am", "cc", "co", "fm", "gg", "io", "ly", "me", "nu", "tk", "to", "tv", "ws",
];

/// ISO 3166-1 alpha-2 code of the country whose country-code top-level domain the address
/// (`https://www.cbc.ca/news/...`, `www.cbc.ca` or `cbc.ca`) ends in, when the gazetteer knows
/// that country; `None` for generic and vanity domains and for anything that is no address.
pub fn home_country_of_url(url: &str, gaz: &Gazetteer) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    // Drop user info and port ("user@host:8080").
    let host = host.rsplit('@').next()?.split(':').next()?;
    let tld = host
        .trim_end_matches('.')
        .rsplit('.')
        .next()?
        .to_ascii_lowercase();
    if !host.contains('.') || tld.len() != 2 || !tld.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if VANITY_TLDS.contains(&tld.as_str()) {
        return None;
    }
    // The one domain that differs from its ISO code: .uk is GB.
    let iso = if tld == "uk" {
        "GB".to_string()
    } else {
        tld.to_ascii_uppercase()
    };
    gaz.country(&iso).and_then(|p| p.country)
}
