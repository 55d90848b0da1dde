//! Input sources: files, directories, stdin, HTML, RSS/Atom, JSONL. Owned by the ingest work.
