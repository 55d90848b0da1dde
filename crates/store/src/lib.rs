//! Storage behind the `Store` trait. Owned by the storage work.
