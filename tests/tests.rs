//! End-to-end tests of the `meihe` binary, by area.

/// Running the binary and the shared fixture index.
mod common;

/// `meihe analyze`: output shapes, standard input, taxonomy directories, errors.
mod analyze;

/// `meihe index`, `stats` and `delete`: bad input, upserts, locks, durability.
mod index;

/// `meihe search` and `meihe match`: tables, JSON, explanations, errors.
mod search;

/// `meihe keys`: add, list, revoke, errors.
mod keys;

/// `meihe prematch`: summary, exports, errors.
mod prematch;

/// `meihe serve`: every route, roles, errors, durability, over HTTP.
mod http;
