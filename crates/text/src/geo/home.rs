//! The home country of a document's source, read from its web address.
//!
//! A local outlet writes about its own country's places without naming the country ("London
//! police" in a paper from London, Ontario; "Edmonton" in a north London weekly), so the
//! source's home country is weak evidence for the readings of every toponym in the document.
//! It is known here from the outlet's domain in a table of major news outlets on generic
//! domains (`data/lexicon/outlets.tsv`: `nytimes.com` → US, `theguardian.com` → GB), else from
//! a country-code top-level domain (`cbc.ca` → CA, `bbc.co.uk` → GB); other generic domains
//! (`.com`, `.org`) and country codes sold as vanity names (`.tv`, `.io`) say nothing.

use super::gazetteer::Gazetteer;

/// Country-code domains commonly registered by outlets anywhere, so no evidence of a country.
const VANITY_TLDS: &[&str] = &[
    "ai", "am", "cc", "co", "fm", "gg", "io", "ly", "me", "nu", "tk", "to", "tv", "ws",
];

/// The outlet table: `domain<TAB>iso2<TAB>outlet`, `#` comments (compiled in).
const OUTLETS_TSV: &str = include_str!("../../../../data/lexicon/outlets.tsv");

/// Rows of the outlet table as (domain, ISO2).
fn outlets() -> impl Iterator<Item = (&'static str, &'static str)> {
    OUTLETS_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?, cols.next()?))
        })
}

/// Home country of a listed outlet whose domain is `host` or a subdomain of it
/// (`edition.cnn.com`), never of a domain that merely ends in the same letters
/// (`notcnn.com`).
fn outlet_country(host: &str) -> Option<&'static str> {
    outlets()
        .find(|(domain, _)| {
            host.strip_suffix(domain)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
        })
        .map(|(_, iso)| iso)
}

/// ISO 3166-1 alpha-2 code of the home country of the outlet at the address
/// (`https://www.cbc.ca/news/...`, `www.cbc.ca` or `cbc.ca`): a listed outlet's country, else
/// the country whose country-code top-level domain the host ends in, when the gazetteer knows
/// that country; `None` for other generic and vanity domains and for anything that is no
/// address.
pub fn home_country_of_url(url: &str, gaz: &Gazetteer) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    // Drop user info and port ("user@host:8080").
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if !host.contains('.') {
        return None;
    }
    if let Some(iso) = outlet_country(&host) {
        return gaz.country(iso).and_then(|p| p.country);
    }
    let tld = host.rsplit('.').next()?;
    if tld.len() != 2 || !tld.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if VANITY_TLDS.contains(&tld) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outlet_table_is_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for line in OUTLETS_TSV.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "three columns: {line}");
            let (domain, iso) = (cols[0], cols[1]);
            assert!(seen.insert(domain), "listed twice: {domain}");
            assert!(
                domain.contains('.')
                    && !domain.starts_with("www.")
                    && domain.bytes().all(|b| b.is_ascii_lowercase()
                        || b.is_ascii_digit()
                        || b == b'.'
                        || b == b'-'),
                "a bare lower-case domain: {domain}"
            );
            assert!(
                iso.len() == 2 && iso.bytes().all(|b| b.is_ascii_uppercase()),
                "ISO2 code: {line}"
            );
            // A country-code domain is told by its code already; only generic and vanity
            // domains belong here.
            let tld = domain.rsplit('.').next().unwrap();
            assert!(
                tld.len() != 2 || VANITY_TLDS.contains(&tld),
                "country-code domain needs no row: {domain}"
            );
        }
        assert!(seen.len() >= 200);
    }
}
