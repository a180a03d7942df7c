//! The HTTP service (SPEC §6, §7): axum on tokio. The engine never imports this module.
//!
//! - Reads run on tokio's blocking pool, at most [`ServiceConfig::concurrency`] at once,
//!   each bounded by [`ServiceConfig::timeout`]; they never wait on writes.
//! - Writes go to one writer thread ([`writer`]) and are answered after a durable commit.
//! - Every résumé leaves through the engine's redaction; every error has SPEC §6's shape.

mod auth;
mod body;
pub mod error;
pub mod keys;
mod metrics;
mod openapi;
mod routes;
pub mod writer;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use meihe_core::EntryKind;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub use auth::{Caller, DEFAULT_BURST, DEFAULT_RATE_PER_SECOND, Limiter};
pub use error::{ApiError, ErrorBody, ErrorDetail};
pub use keys::KeyStore;
pub use openapi::openapi_json;

use crate::engine::Engine;
use crate::fair::FairCatalog;
use metrics::Metrics;
use writer::Writer;

/// Largest JSON body (search, match, one document).
pub const JSON_BODY_LIMIT: usize = 1 << 20;
/// Largest NDJSON body of a bulk import.
pub const BULK_BODY_LIMIT: usize = 64 << 20;

/// How the service runs.
#[derive(Clone)]
pub struct ServiceConfig {
    /// API keys; `None` means local use: every caller is admin, loopback only.
    pub keys: Option<KeyStore>,
    /// Fair names and dates.
    pub catalog: Arc<FairCatalog>,
    /// Reads running at once (searches, matches, fetches).
    pub concurrency: usize,
    /// Longest a request may take.
    pub timeout: Duration,
    /// Requests per second and burst, per key.
    pub rate: (u32, u32),
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            keys: None,
            catalog: Arc::new(FairCatalog::empty()),
            concurrency: 4 * std::thread::available_parallelism().map_or(2, |n| n.get()),
            timeout: Duration::from_secs(30),
            rate: (DEFAULT_RATE_PER_SECOND, DEFAULT_BURST),
        }
    }
}

/// What every handler shares.
pub struct AppState {
    engine: Arc<Engine>,
    writer: Writer,
    keys: Option<KeyStore>,
    catalog: Arc<FairCatalog>,
    limiter: Limiter,
    permits: Arc<Semaphore>,
    timeout: Duration,
    metrics: Metrics,
    /// Taxonomy surface forms, folded, for suggestions: (kind, id, folded form).
    suggestions: Vec<(EntryKind, String, String)>,
}

impl AppState {
    /// Prepares the state and starts the writer thread (which takes the index's writer
    /// locks).
    pub fn new(
        engine: Arc<Engine>,
        config: ServiceConfig,
    ) -> Result<Arc<AppState>, crate::engine::Error> {
        let writer = Writer::start(engine.clone())?;
        let suggestions = engine
            .taxonomy()
            .surface_forms()
            .into_iter()
            .map(|(kind, id, form)| {
                (kind, id.to_owned(), engine.analyzer().fold_str(form).to_lowercase())
            })
            .collect();
        Ok(Arc::new(AppState {
            engine,
            writer,
            keys: config.keys,
            catalog: config.catalog,
            limiter: Limiter::new(config.rate.0, config.rate.1),
            permits: Arc::new(Semaphore::new(config.concurrency.max(1))),
            timeout: config.timeout,
            metrics: Metrics::default(),
            suggestions,
        }))
    }

    /// Runs blocking engine work on the blocking pool, bounded in number and time.
    async fn blocking<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = tokio::time::timeout(self.timeout, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| busy())?
            .map_err(|_| busy())?;
        let state = self.clone();
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work(&state)
        });
        match tokio::time::timeout(self.timeout, task).await {
            Ok(Ok(result)) => result,
            Ok(Err(join)) => {
                tracing::error!(error = %join, "a request's work panicked");
                Err(ApiError::internal())
            }
            Err(_) => Err(ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "timeout",
                format!("the request took longer than {} s", self.timeout.as_secs()),
            )),
        }
    }
}

fn busy() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::SERVICE_UNAVAILABLE,
        "unavailable",
        "the server is busy; retry shortly",
    )
}

/// The service's routes.
pub fn router(state: Arc<AppState>) -> Router {
    routes::routes()
        .layer(axum::middleware::from_fn(error::json_errors))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::track))
        .layer(DefaultBodyLimit::max(BULK_BODY_LIMIT))
        .with_state(state)
}

/// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
pub async fn serve(listener: TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    axum::serve(listener, router(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown())
        .await
}

async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
