//! Prometheus metrics: requests by route and status, latency, documents, commits, index
//! size; and the access log, one line per request with no key and no personal data.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use meihe_core::schema::Kind;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use super::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: String,
}

fn latency_histogram() -> Histogram {
    // 0.25 ms to about 8 s.
    Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
}

/// The service's metrics.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    documents: Family<KindLabels, Gauge>,
    commits: Counter,
    commits_seen: AtomicU64,
    index_bytes: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "meihe_http_requests",
            "HTTP requests by route, method and status",
            requests.clone(),
        );
        let latency: Family<RouteLabels, Histogram, fn() -> Histogram> =
            Family::new_with_constructor(latency_histogram);
        registry.register(
            "meihe_http_request_duration_seconds",
            "HTTP request latency by route",
            latency.clone(),
        );
        let documents = Family::<KindLabels, Gauge>::default();
        registry.register("meihe_documents", "Documents searchable, by kind", documents.clone());
        let commits = Counter::default();
        registry.register("meihe_commits", "Durable index commits", commits.clone());
        let index_bytes = Gauge::default();
        registry.register(
            "meihe_index_bytes",
            "Bytes of the index directory on disk",
            index_bytes.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            documents,
            commits,
            commits_seen: AtomicU64::new(0),
            index_bytes,
        }
    }
}

impl Metrics {
    /// The metrics in Prometheus text format, with document counts, commits and index
    /// size read now.
    pub fn render(&self, state: &AppState) -> String {
        for kind in Kind::ALL {
            let count = i64::try_from(state.engine.count(kind)).unwrap_or(i64::MAX);
            self.documents.get_or_create(&KindLabels { kind: kind.as_str().to_owned() }).set(count);
        }
        let commits = state.writer.commits();
        let seen = self.commits_seen.swap(commits, Ordering::Relaxed);
        self.commits.inc_by(commits.saturating_sub(seen));
        if let Ok(stats) = state.engine.store().stats() {
            self.index_bytes.set(i64::try_from(stats.bytes).unwrap_or(i64::MAX));
        }
        let mut text = String::new();
        if prometheus_client::encoding::text::encode(&mut text, &self.registry).is_err() {
            text.clear();
        }
        text
    }
}

/// Counts, times and logs every request. The log line has the method, the route
/// template (never the query string or ids), the status and the time taken.
pub async fn track(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |path| path.as_str().to_owned());
    let response = next.run(request).await;
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status().as_u16();
    state
        .metrics
        .requests
        .get_or_create(&RequestLabels { route: route.clone(), method: method.clone(), status })
        .inc();
    state.metrics.latency.get_or_create(&RouteLabels { route: route.clone() }).observe(seconds);
    tracing::info!(target: "meihe::access", %method, %route, status, ms = seconds * 1e3, "request");
    response
}
