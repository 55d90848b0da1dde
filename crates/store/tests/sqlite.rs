//! SQLite backend: the shared conformance suite plus file-level behaviour (migrations,
//! foreign files, newer schemas).

use std::cell::Cell;

use rusqlite::Connection;
use sitrep_store::conformance::{conformance, fixture_extractions};
use sitrep_store::{PutOutcome, SqliteStore, Store, StoreError, SCHEMA_VERSION};

#[test]
fn sqlite_passes_conformance() {
    let dir = tempfile::tempdir().unwrap();
    let n = Cell::new(0);
    conformance(|| {
        n.set(n.get() + 1);
        SqliteStore::open(dir.path().join(format!("store-{}.sqlite", n.get()))).unwrap()
    });
    assert!(n.get() > 5, "every check got its own store");
}

#[test]
fn migrations_run_once_and_data_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    {
        let mut s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        s.put_batch(&fixture_extractions()).unwrap();
    }
    // Re-running a CREATE TABLE migration would fail, so a clean reopen shows it ran once.
    let mut s = SqliteStore::open_existing(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(s.stats().unwrap().events, 5);
    assert_eq!(
        s.put(&fixture_extractions()[1]).unwrap(),
        PutOutcome::AlreadyStored
    );
    let c = Connection::open(&path).unwrap();
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn missing_file_is_reported_for_readers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.sqlite");
    let err = SqliteStore::open_existing(&path).unwrap_err();
    assert!(matches!(err, StoreError::Missing { .. }), "{err}");
    assert!(err.to_string().contains("sitrep ingest"), "{err}");
    assert!(!path.exists(), "a reader does not create the file");
}

#[test]
fn non_sqlite_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    std::fs::write(&path, "these are my notes, not a database\n".repeat(200)).unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotSitrep { .. }), "{err}");
    assert!(err.to_string().contains("notes.sqlite"), "{err}");
}

#[test]
fn other_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (name TEXT)")
        .unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotSitrep { .. }), "{err}");
    // Untouched: no sitrep tables were added.
    let tables: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type='table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn newer_schema_asks_for_an_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    drop(SqliteStore::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 7)
        .unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    match &err {
        StoreError::NewerSchema { found, .. } => assert_eq!(*found, SCHEMA_VERSION + 7),
        other => panic!("expected NewerSchema, got {other}"),
    }
    assert!(err.to_string().contains("upgrade sitrep"), "{err}");
}

#[test]
fn a_writer_waits_for_a_held_lock_then_reports_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.sqlite");
    let mut s = SqliteStore::open(&path).unwrap();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    s.set_busy_timeout(std::time::Duration::from_millis(50))
        .unwrap();
    let err = s.put_batch(&fixture_extractions()).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("busy.sqlite"), "{err}");
    assert_eq!(s.stats().unwrap().documents, 0);

    // With a longer wait, the write goes through once the other transaction ends.
    s.set_busy_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    let handle = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(200));
        other.execute_batch("COMMIT").unwrap();
    });
    let out = s.put_batch(&fixture_extractions()).unwrap();
    assert_eq!(out, vec![PutOutcome::Inserted; 3]);
    handle.join().unwrap();
}

#[test]
fn a_version_one_file_gains_the_incidents_table_and_keeps_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let mut s = SqliteStore::open(&path).unwrap();
        s.put_batch(&fixture_extractions()).unwrap();
    }
    // Make it the file an older build wrote: schema 1, no incidents table.
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("DROP TABLE incidents; PRAGMA user_version = 1;")
            .unwrap();
    }
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    const { assert!(SCHEMA_VERSION >= 2) };
    let stats = s.stats().unwrap();
    assert_eq!((stats.events, stats.incidents), (5, 0));
    assert!(s
        .incidents(&sitrep_store::IncidentQuery::default())
        .unwrap()
        .is_empty());
}
