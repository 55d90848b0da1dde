//! Versioned schema migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied; each entry of [`MIGRATIONS`]
//! runs once, in order, inside one transaction with the version bump. Never edit a released
//! migration: append a new one.

/// Marks a database file as sitrep's (`PRAGMA application_id`), "SITR" in ASCII.
pub(crate) const APPLICATION_ID: i32 = 0x5349_5452;

/// Schema migrations, oldest first. Migration `i` brings the schema to version `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents, sentences, mentions, events.
    r#"
CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    url          TEXT,
    title        TEXT,
    source       TEXT,
    published    TEXT,
    format       TEXT NOT NULL,
    origin       TEXT NOT NULL,
    raw          TEXT NOT NULL,
    text         TEXT NOT NULL,
    offsets      TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    canonical_id TEXT REFERENCES documents(id),
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- At most one canonical document per content hash; duplicates share it.
CREATE UNIQUE INDEX documents_canonical_hash ON documents(content_hash)
    WHERE canonical_id IS NULL;
CREATE INDEX documents_hash ON documents(content_hash);
CREATE INDEX documents_canonical ON documents(canonical_id);

CREATE TABLE sentences (
    doc    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    class  TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE mentions (
    doc         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    country     TEXT,
    lat         REAL,
    lon         REAL,
    geonames_id INTEGER,
    json        TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);
CREATE INDEX mentions_name ON mentions(name);

CREATE TABLE events (
    id         TEXT NOT NULL UNIQUE,
    doc        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    mode       TEXT,
    status     TEXT NOT NULL,
    certainty  REAL NOT NULL,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    precision  TEXT NOT NULL,
    date_start TEXT,
    date_end   TEXT,
    json       TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_status ON events(status);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_lonlat ON events(lon, lat);
"#,
    // 2: non-political incidents (disasters, accidents, organised crime), kept apart from the
    // events with the same indexed columns where they apply; deleted with their document.
    r#"
CREATE TABLE incidents (
    id         TEXT NOT NULL UNIQUE,
    doc        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    hazard     TEXT NOT NULL,
    status     TEXT NOT NULL,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    precision  TEXT NOT NULL,
    date_start TEXT,
    date_end   TEXT,
    json       TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);
CREATE INDEX incidents_kind ON incidents(kind);
CREATE INDEX incidents_status ON incidents(status);
CREATE INDEX incidents_country ON incidents(country);
CREATE INDEX incidents_date ON incidents(date_start, date_end);
CREATE INDEX incidents_lonlat ON incidents(lon, lat);
"#,
];

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;
