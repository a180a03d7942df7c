//! Fairs: listing and pre-matching from the index.
