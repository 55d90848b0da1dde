//! [`SqliteStore`]: the default store, one SQLite file in WAL mode.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::types::Value;
use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};
use serde::Serialize;
use sitrep_core::{
    Document, DocumentFormat, EntityMention, Event, EventType, Extraction, Incident, Location,
    OffsetMap, Sentence, SentenceClass, Span,
};

use crate::migrations::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
use crate::{
    event_id, incident_id, EventQuery, IncidentQuery, PutOutcome, Store, StoreError, StoreStats,
    StoredDocument, StoredEvent, StoredIncident,
};

/// How long a writer waits for another process's transaction before reporting "locked".
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A store in one SQLite database file.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish()
    }
}

impl SqliteStore {
    /// The database file used when none is given, relative to the current folder.
    pub const DEFAULT_PATH: &'static str = "sitrep.sqlite";

    /// Open the database at `path`, creating it (and running migrations) when missing.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        Self::open_with(path.as_ref(), true)
    }

    /// Open an existing database; a missing file is an error instead of a new empty database
    /// (for read-only commands, where an empty result would hide a wrong path).
    pub fn open_existing(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        Self::open_with(path.as_ref(), false)
    }

    fn open_with(path: &Path, create: bool) -> Result<SqliteStore, StoreError> {
        if !create && !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        if path.is_dir() {
            return Err(StoreError::NotSitrep {
                path: path.to_path_buf(),
                reason: "it is a folder".into(),
            });
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::NotADatabase) => {
                    StoreError::sqlite(path, e)
                }
                _ => StoreError::Open {
                    path: path.to_path_buf(),
                    source: e,
                },
            })?;
        let mut store = SqliteStore {
            conn,
            path: path.to_path_buf(),
        };
        store.init()?;
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How long a write waits for another process's transaction before failing with
    /// [`StoreError::Locked`] (default 10 s).
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(wait).map_err(|e| self.err(e))
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        self.user_version()
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }

    fn user_version(&self) -> Result<u32, StoreError> {
        let v: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(u32::try_from(v).unwrap_or(u32::MAX))
    }

    /// Check the file is ours, switch to WAL and bring the schema up to date.
    fn init(&mut self) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| self.err(e))?;
        // The first read of the header is where a non-SQLite file shows up.
        let app_id: i32 = self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let version = self.user_version()?;
        let objects: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if app_id != APPLICATION_ID && (app_id != 0 || version != 0 || objects != 0) {
            return Err(StoreError::NotSitrep {
                path: self.path.clone(),
                reason: "an SQLite database made by another program".into(),
            });
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            // Some file systems (network shares) cannot do WAL; SQLite then keeps its
            // rollback journal, which is slower but correct.
            eprintln!(
                "note: database {} uses journal mode {mode}, not WAL",
                self.path.display()
            );
        }
        // WAL with synchronous=NORMAL cannot corrupt the file; a power cut may lose only the
        // last transactions, which a re-ingest restores.
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| self.err(e))?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| self.err(e))?;
        self.migrate()
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sq = |e| StoreError::sqlite(&path, e);
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(sq)?;
            // Read again inside the write lock: another process may have migrated meanwhile.
            let v: i64 = tx
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(sq)?;
            let v = u32::try_from(v).unwrap_or(u32::MAX);
            if v > SCHEMA_VERSION {
                return Err(StoreError::NewerSchema {
                    path,
                    found: v,
                    supported: SCHEMA_VERSION,
                });
            }
            if v == SCHEMA_VERSION {
                return tx.commit().map_err(sq);
            }
            tx.execute_batch(MIGRATIONS[v as usize]).map_err(sq)?;
            tx.pragma_update(None, "user_version", v + 1).map_err(sq)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(sq)?;
            tx.commit().map_err(sq)?;
        }
    }
}

/// The serde name of a unit enum variant ("armed_group").
fn tag<T: Serialize>(t: &T) -> String {
    match serde_json::to_value(t) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn parse_tag<T: serde::de::DeserializeOwned>(what: &str, s: &str) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| {
        StoreError::Corrupt {
            what: what.to_string(),
            reason: format!("{s:?}: {e}"),
        }
    })
}

fn from_json<T: serde::de::DeserializeOwned>(what: &str, s: &str) -> Result<T, StoreError> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt {
        what: what.to_string(),
        reason: e.to_string(),
    })
}

fn to_json<T: Serialize>(doc: &str, t: &T) -> Result<String, StoreError> {
    serde_json::to_string(t).map_err(|e| StoreError::InvalidDocument {
        document: doc.to_string(),
        reason: e.to_string(),
    })
}

fn idx(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

/// Refuse values that JSON cannot carry back (NaN coordinates would read back as null and
/// make the stored event unreadable).
fn check(ex: &Extraction) -> Result<(), StoreError> {
    let doc = &ex.document;
    let bad = |reason: String| StoreError::InvalidDocument {
        document: if doc.id.is_empty() {
            doc.origin.clone()
        } else {
            doc.id.clone()
        },
        reason,
    };
    if doc.id.trim().is_empty() {
        return Err(bad("it has an empty id".into()));
    }
    if doc.content_hash.is_empty() {
        return Err(bad("it has no content hash".into()));
    }
    let non_finite = |l: Option<&Location>| {
        l.is_some_and(|l| {
            l.lat.is_some_and(|x| !x.is_finite()) || l.lon.is_some_and(|x| !x.is_finite())
        })
    };
    for (i, e) in ex.events.iter().enumerate() {
        if !e.certainty.is_finite() {
            return Err(bad(format!("event {i} has certainty {}", e.certainty)));
        }
        if non_finite(e.location.as_ref()) {
            return Err(bad(format!("event {i} has non-finite coordinates")));
        }
    }
    for (i, inc) in ex.incidents.iter().enumerate() {
        if non_finite(inc.location.as_ref()) {
            return Err(bad(format!("incident {i} has non-finite coordinates")));
        }
    }
    for m in &ex.entities {
        for p in m.place.iter().chain(&m.alternatives) {
            if !(p.lat.is_finite() && p.lon.is_finite()) {
                return Err(bad(format!(
                    "place {:?} has non-finite coordinates",
                    p.name
                )));
            }
        }
    }
    Ok(())
}

/// The indexed place columns of an event or incident: upper-case country, latitude,
/// longitude and precision ("unknown" without a place).
fn place_columns(
    loc: Option<&Location>,
) -> (Option<String>, Option<f64>, Option<f64>, &'static str) {
    (
        loc.and_then(|l| l.country.as_ref())
            .map(|c| c.to_ascii_uppercase()),
        loc.and_then(|l| l.lat),
        loc.and_then(|l| l.lon),
        loc.map_or("unknown", |l| l.precision.as_str()),
    )
}

/// Writes for one document inside a batch transaction.
struct Writer<'a, 'c> {
    tx: &'a Transaction<'c>,
    path: &'a Path,
}

impl Writer<'_, '_> {
    fn sq(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(self.path, e)
    }

    fn put(&self, ex: &Extraction) -> Result<PutOutcome, StoreError> {
        check(ex)?;
        let doc = &ex.document;
        let existing: Option<String> = self
            .tx
            .prepare_cached("SELECT content_hash FROM documents WHERE id = ?1")
            .and_then(|mut s| s.query_row([&doc.id], |r| r.get(0)).optional())
            .map_err(|e| self.sq(e))?;
        let canonical: Option<String> = self
            .tx
            .prepare_cached(
                "SELECT id FROM documents WHERE content_hash = ?1 AND canonical_id IS NULL \
                 AND id <> ?2",
            )
            .and_then(|mut s| {
                s.query_row(params![doc.content_hash, doc.id], |r| r.get(0))
                    .optional()
            })
            .map_err(|e| self.sq(e))?;
        match existing {
            Some(hash) if hash == doc.content_hash => Ok(PutOutcome::AlreadyStored),
            Some(_) => {
                // An updated article: replace its annotations. Documents linked to it as
                // duplicates stay linked; they are copies of the same story.
                self.delete_annotations(&doc.id)?;
                self.write_document(doc, canonical.as_deref(), true)?;
                match canonical {
                    Some(c) => {
                        // It now duplicates another document: move its own duplicates over so
                        // every link points at a canonical document.
                        self.tx
                            .execute(
                                "UPDATE documents SET canonical_id = ?1 WHERE canonical_id = ?2",
                                params![c, doc.id],
                            )
                            .map_err(|e| self.sq(e))?;
                        Ok(PutOutcome::Duplicate { canonical: c })
                    }
                    None => {
                        self.write_annotations(ex)?;
                        Ok(PutOutcome::Updated)
                    }
                }
            }
            None => {
                self.write_document(doc, canonical.as_deref(), false)?;
                match canonical {
                    Some(c) => Ok(PutOutcome::Duplicate { canonical: c }),
                    None => {
                        self.write_annotations(ex)?;
                        Ok(PutOutcome::Inserted)
                    }
                }
            }
        }
    }

    fn delete_annotations(&self, doc: &str) -> Result<(), StoreError> {
        for table in ["sentences", "mentions", "events", "incidents"] {
            self.tx
                .execute(&format!("DELETE FROM {table} WHERE doc = ?1"), [doc])
                .map_err(|e| self.sq(e))?;
        }
        Ok(())
    }

    fn write_document(
        &self,
        doc: &Document,
        canonical: Option<&str>,
        update: bool,
    ) -> Result<(), StoreError> {
        let offsets = to_json(&doc.id, &doc.offsets)?;
        let sql = if update {
            "UPDATE documents SET url = ?2, title = ?3, source = ?4, published = ?5, \
             format = ?6, origin = ?7, raw = ?8, text = ?9, offsets = ?10, \
             content_hash = ?11, canonical_id = ?12 WHERE id = ?1"
        } else {
            "INSERT INTO documents (id, url, title, source, published, format, origin, raw, \
             text, offsets, content_hash, canonical_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
        };
        self.tx
            .prepare_cached(sql)
            .and_then(|mut s| {
                s.execute(params![
                    doc.id,
                    doc.url,
                    doc.title,
                    doc.source,
                    doc.published,
                    doc.format.as_str(),
                    doc.origin,
                    doc.raw,
                    doc.text,
                    offsets,
                    doc.content_hash,
                    canonical,
                ])
            })
            .map_err(|e| self.sq(e))?;
        Ok(())
    }

    fn write_annotations(&self, ex: &Extraction) -> Result<(), StoreError> {
        let doc = &ex.document.id;
        let mut st = self
            .tx
            .prepare_cached(
                "INSERT INTO sentences (doc, idx, start, \"end\", class, reason) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .map_err(|e| self.sq(e))?;
        for (i, s) in ex.sentences.iter().enumerate() {
            st.execute(params![
                doc,
                idx(i),
                idx(s.span.start),
                idx(s.span.end),
                s.class.as_str(),
                s.class_reason
            ])
            .map_err(|e| self.sq(e))?;
        }
        let mut st = self
            .tx
            .prepare_cached(
                "INSERT INTO mentions (doc, idx, start, \"end\", kind, name, country, lat, lon, \
                 geonames_id, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .map_err(|e| self.sq(e))?;
        for (i, m) in ex.entities.iter().enumerate() {
            let place = m.place.as_ref();
            st.execute(params![
                doc,
                idx(i),
                idx(m.span.start),
                idx(m.span.end),
                tag(&m.kind),
                m.name,
                m.country
                    .as_ref()
                    .or(place.and_then(|p| p.country.as_ref())),
                place.map(|p| p.lat),
                place.map(|p| p.lon),
                place.and_then(|p| p.geonames_id).map(|g| g as i64),
                to_json(doc, m)?,
            ])
            .map_err(|e| self.sq(e))?;
        }
        let mut st = self
            .tx
            .prepare_cached(
                "INSERT INTO events (id, doc, idx, type, mode, status, certainty, country, lat, \
                 lon, precision, date_start, date_end, json) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )
            .map_err(|e| self.sq(e))?;
        for (i, e) in ex.events.iter().enumerate() {
            let (country, lat, lon, precision) = place_columns(e.location.as_ref());
            st.execute(params![
                event_id(doc, i),
                doc,
                idx(i),
                e.event_type.as_str(),
                e.mode,
                e.status.as_str(),
                e.certainty,
                country,
                lat,
                lon,
                precision,
                e.date.start,
                e.date.end,
                to_json(doc, e)?,
            ])
            .map_err(|e| self.sq(e))?;
        }
        let mut st = self
            .tx
            .prepare_cached(
                "INSERT INTO incidents (id, doc, idx, kind, hazard, status, country, lat, lon, \
                 precision, date_start, date_end, json) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )
            .map_err(|e| self.sq(e))?;
        for (i, inc) in ex.incidents.iter().enumerate() {
            let (country, lat, lon, precision) = place_columns(inc.location.as_ref());
            let date = inc.date.as_ref();
            st.execute(params![
                incident_id(doc, i),
                doc,
                idx(i),
                inc.kind.as_str(),
                inc.hazard,
                inc.status.as_str(),
                country,
                lat,
                lon,
                precision,
                date.and_then(|d| d.start.as_ref()),
                date.and_then(|d| d.end.as_ref()),
                to_json(doc, inc)?,
            ])
            .map_err(|e| self.sq(e))?;
        }
        Ok(())
    }
}

impl Store for SqliteStore {
    fn put_batch(&mut self, exs: &[Extraction]) -> Result<Vec<PutOutcome>, StoreError> {
        let path = self.path.clone();
        // IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
        // instead of failing when a read lock cannot be upgraded.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::sqlite(&path, e))?;
        let mut out = Vec::with_capacity(exs.len());
        {
            let w = Writer {
                tx: &tx,
                path: &path,
            };
            for ex in exs {
                out.push(w.put(ex)?);
            }
        }
        tx.commit().map_err(|e| StoreError::sqlite(&path, e))?;
        Ok(out)
    }

    fn events(&self, q: &EventQuery) -> Result<Vec<StoredEvent>, StoreError> {
        q.validate()?;
        let types = q.types.iter().map(|t| t.as_str().to_string()).collect();
        self.query_rows(
            ("events", "type", types),
            q,
            |id, document_id, url, title, event| StoredEvent {
                id,
                document_id,
                document_url: url,
                document_title: title,
                event,
            },
        )
    }

    fn incidents(&self, q: &IncidentQuery) -> Result<Vec<StoredIncident>, StoreError> {
        q.validate()?;
        let kinds = q.kinds.iter().map(|k| k.as_str().to_string()).collect();
        self.query_rows(
            ("incidents", "kind", kinds),
            &q.filters,
            |id, document_id, url, title, incident| StoredIncident {
                id,
                document_id,
                document_url: url,
                document_title: title,
                incident,
            },
        )
    }

    fn extraction(&self, document_id: &str) -> Result<Option<StoredDocument>, StoreError> {
        type DocRow = (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            String,
        );
        let row: Option<DocRow> = self
            .conn
            .query_row(
                "SELECT url, title, source, published, format, origin, raw, text, offsets, \
                 content_hash, canonical_id, ingested_at FROM documents WHERE id = ?1",
                [document_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                        r.get(10)?,
                        r.get(11)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((
            url,
            title,
            source,
            published,
            format,
            origin,
            raw,
            text,
            offsets,
            content_hash,
            canonical_id,
            ingested_at,
        )) = row
        else {
            return Ok(None);
        };
        let what = format!("document {document_id}");
        let format: DocumentFormat = parse_tag(&what, &format)?;
        let offsets: OffsetMap = from_json(&what, &offsets)?;

        let mut st = self
            .conn
            .prepare_cached(
                "SELECT start, \"end\", class, reason FROM sentences WHERE doc = ?1 ORDER BY idx",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([document_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut sentences = Vec::new();
        for row in rows {
            let (start, end, class, class_reason) = row.map_err(|e| self.err(e))?;
            let span = Span::new(start.max(0) as usize, end.max(start).max(0) as usize);
            let class: SentenceClass = parse_tag(&what, &class)?;
            sentences.push(Sentence {
                span,
                text: span.slice(&text).to_string(),
                class,
                class_reason,
            });
        }
        let entities: Vec<EntityMention> = self.json_rows(
            "SELECT json FROM mentions WHERE doc = ?1 ORDER BY idx",
            document_id,
            &what,
        )?;
        let events: Vec<Event> = self.json_rows(
            "SELECT json FROM events WHERE doc = ?1 ORDER BY idx",
            document_id,
            &what,
        )?;
        let incidents: Vec<Incident> = self.json_rows(
            "SELECT json FROM incidents WHERE doc = ?1 ORDER BY idx",
            document_id,
            &what,
        )?;
        Ok(Some(StoredDocument {
            extraction: Extraction {
                document: Document {
                    id: document_id.to_string(),
                    url,
                    title,
                    source,
                    published,
                    format,
                    origin,
                    raw,
                    text,
                    offsets,
                    content_hash,
                },
                sentences,
                entities,
                events,
                incidents,
                diagnostics: Vec::new(),
            },
            canonical_id,
            ingested_at,
        }))
    }

    fn stats(&self) -> Result<StoreStats, StoreError> {
        let (documents, duplicates): (i64, i64) = self
            .conn
            .query_row(
                "SELECT count(*), count(canonical_id) FROM documents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.err(e))?;
        let mut stats = StoreStats {
            documents: documents as u64,
            duplicates: duplicates as u64,
            ..Default::default()
        };
        for (column, by_type) in [("type", true), ("status", false)] {
            let mut st = self
                .conn
                .prepare(&format!(
                    "SELECT {column}, count(*) FROM events GROUP BY {column}"
                ))
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (key, n) = row.map_err(|e| self.err(e))?;
                if by_type {
                    let t = EventType::parse(&key).ok_or_else(|| StoreError::Corrupt {
                        what: "events.type".into(),
                        reason: format!("unknown event type {key:?}"),
                    })?;
                    stats.events += n as u64;
                    stats.events_by_type.insert(t, n as u64);
                } else {
                    stats.events_by_status.insert(key, n as u64);
                }
            }
        }
        let mut st = self
            .conn
            .prepare("SELECT kind, count(*) FROM incidents GROUP BY kind")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (kind, n) = row.map_err(|e| self.err(e))?;
            stats.incidents += n as u64;
            stats.incidents_by_kind.insert(kind, n as u64);
        }
        Ok(stats)
    }
}

/// `AND column IN (...)` when `values` is not empty.
fn any_of(sql: &mut String, args: &mut Vec<Value>, column: &str, values: Vec<String>) {
    if values.is_empty() {
        return;
    }
    let marks = vec!["?"; values.len()].join(", ");
    sql.push_str(&format!(" AND {column} IN ({marks})"));
    args.extend(values.into_iter().map(Value::Text));
}

/// The status, country, date and box filters, order and limit that events and incidents
/// share, over a table aliased `t` with the same indexed columns.
fn push_filters(sql: &mut String, args: &mut Vec<Value>, q: &EventQuery) {
    any_of(
        sql,
        args,
        "t.status",
        q.statuses.iter().map(|s| s.as_str().to_string()).collect(),
    );
    any_of(
        sql,
        args,
        "t.country",
        q.countries.iter().map(|c| c.to_ascii_uppercase()).collect(),
    );
    if let Some(since) = &q.since {
        sql.push_str(" AND COALESCE(t.date_end, t.date_start) >= ?");
        args.push(Value::Text(since.clone()));
    }
    if let Some(until) = &q.until {
        sql.push_str(" AND COALESCE(t.date_start, t.date_end) <= ?");
        args.push(Value::Text(until.clone()));
    }
    if let Some(b) = &q.bbox {
        sql.push_str(" AND t.lat BETWEEN ? AND ?");
        args.push(Value::Real(b.min_lat));
        args.push(Value::Real(b.max_lat));
        if b.min_lon <= b.max_lon {
            sql.push_str(" AND t.lon BETWEEN ? AND ?");
        } else {
            sql.push_str(" AND (t.lon >= ? OR t.lon <= ?)");
        }
        args.push(Value::Real(b.min_lon));
        args.push(Value::Real(b.max_lon));
    }
    sql.push_str(
        " ORDER BY COALESCE(t.date_start, t.date_end) IS NULL, \
         COALESCE(t.date_start, t.date_end), t.doc, t.idx",
    );
    if let Some(limit) = q.limit {
        sql.push_str(" LIMIT ?");
        args.push(Value::Integer(idx(limit)));
    }
}

impl SqliteStore {
    /// The records of `table` (`events` or `incidents`) whose `column` is one of `values`
    /// (any when empty) and that pass the shared filters of `q`, each built by `make` from
    /// its id, document id, url, title and parsed JSON.
    fn query_rows<T: serde::de::DeserializeOwned, R>(
        &self,
        (table, column, values): (&str, &str, Vec<String>),
        q: &EventQuery,
        make: impl Fn(String, String, Option<String>, Option<String>, T) -> R,
    ) -> Result<Vec<R>, StoreError> {
        let mut sql = format!(
            "SELECT t.id, t.doc, d.url, d.title, t.json FROM {table} t \
             JOIN documents d ON d.id = t.doc WHERE 1 = 1"
        );
        let mut args: Vec<Value> = Vec::new();
        any_of(&mut sql, &mut args, &format!("t.{column}"), values);
        push_filters(&mut sql, &mut args, q);
        let what = table.trim_end_matches('s');
        let mut st = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, document_id, url, title, json) = row.map_err(|e| self.err(e))?;
            let record: T = from_json(&format!("{what} {id}"), &json)?;
            out.push(make(id, document_id, url, title, record));
        }
        Ok(out)
    }

    fn json_rows<T: serde::de::DeserializeOwned>(
        &self,
        sql: &str,
        doc: &str,
        what: &str,
    ) -> Result<Vec<T>, StoreError> {
        let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map([doc], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(from_json(what, &row.map_err(|e| self.err(e))?)?);
        }
        Ok(out)
    }
}
