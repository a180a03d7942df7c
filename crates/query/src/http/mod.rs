//! The HTTP service (SPEC §6, §7): axum on tokio. The engine never imports this module.

pub mod keys;
