//! Store errors. Each message names the database or input and says what to do next.

use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no database at {path}: run `sitrep ingest` first, or pass --db with the right path")]
    Missing { path: PathBuf },
    #[error(
        "{path} is not a sitrep database ({reason}): pass --db with a new or existing sitrep \
         database file"
    )]
    NotSitrep { path: PathBuf, reason: String },
    #[error(
        "database {path} is locked by another process: wait for it to finish (another ingest?) \
         and try again"
    )]
    Locked { path: PathBuf },
    #[error(
        "database {path} has schema version {found}, newer than this sitrep supports \
         ({supported}): upgrade sitrep"
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("cannot open database {path}: {source}; check the path and its permissions")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    #[error("cannot store document {document}: {reason}")]
    InvalidDocument { document: String, reason: String },
    #[error("stored record {what} is unreadable ({reason}); the database may be damaged")]
    Corrupt { what: String, reason: String },
    #[error("database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("store backend error: {0}")]
    Backend(String),
}

impl StoreError {
    /// Classify an SQLite error for the database at `path`.
    pub(crate) fn sqlite(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path }
            }
            Some(ErrorCode::NotADatabase) => StoreError::NotSitrep {
                path,
                reason: "not an SQLite file".into(),
            },
            _ => StoreError::Sqlite { path, source: e },
        }
    }
}
