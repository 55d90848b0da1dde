//! Finding and loading the data folder into `sitrep_text::Resources`.
