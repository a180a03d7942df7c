//! The routes of SPEC §6.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use meihe_core::model::{FieldError, parse_job, parse_resume};
use meihe_core::schema::{Kind, KindSchema};
use meihe_core::{EntryKind, Taxonomy};
use meihe_indexer::DocumentBuilder;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::auth::Caller;
use super::body;
use super::error::{ApiError, ErrorBody};
use super::writer::Change;
use super::{AppState, BULK_BODY_LIMIT};
use crate::engine::{EligibleFor, MatchOptions, SearchRequest, SearchResponse, Subject};
use crate::fair::{
    ExportFormat, FairList, PrematchRequest, PrematchResponse, list_fairs, prematch,
};
use crate::visibility::Role;

type Shared = State<Arc<AppState>>;
type Body = Result<Bytes, BytesRejection>;

/// The router of every route, without state.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/health", get(health))
        .route("/ready", get(ready))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
        .route("/v1/jobs", get(search_jobs_get))
        .route("/v1/jobs/search", post(search_jobs))
        .route("/v1/jobs/_bulk", post(bulk_jobs))
        .route("/v1/jobs/{id}", put(put_job).get(get_job).delete(delete_job))
        .route("/v1/jobs/{id}/matches", get(job_matches))
        .route("/v1/resumes", get(search_resumes_get))
        .route("/v1/resumes/search", post(search_resumes))
        .route("/v1/resumes/_bulk", post(bulk_resumes))
        .route("/v1/resumes/{id}", put(put_resume).get(get_resume).delete(delete_resume))
        .route("/v1/resumes/{id}/matches", get(resume_matches))
        .route("/v1/match", post(match_document))
        .route("/v1/taxonomy/{kind}", get(taxonomy))
        .route("/v1/suggest", get(suggest))
        .route("/v1/fairs", get(fairs))
        .route("/v1/fairs/{id}/prematch", post(fair_prematch))
        .fallback(not_found)
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such route; see GET /openapi.json")
}

/// Liveness.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok`, or `unavailable` when not ready.
    pub status: &'static str,
    /// Documents of each kind (readiness only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Value>,
}

#[utoipa::path(get, path = "/health", tag = "operations", responses((status = 200, body = Health)))]
async fn health() -> Json<Health> {
    Json(Health { status: "ok", documents: None })
}

#[utoipa::path(get, path = "/ready", tag = "operations",
    responses((status = 200, body = Health), (status = 503, body = Health)))]
async fn ready(State(state): Shared) -> Response {
    if state.writer.is_alive() {
        let documents = json!({"jobs": state.engine.count(Kind::Jobs), "resumes": state.engine.count(Kind::Resumes)});
        Json(Health { status: "ok", documents: Some(documents) }).into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, Json(Health { status: "unavailable", documents: None }))
            .into_response()
    }
}

#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text format", content_type = "text/plain"),
              (status = 403, body = ErrorBody, description = "not from loopback")))]
async fn metrics(State(state): Shared, ConnectInfo(peer): ConnectInfo<SocketAddr>) -> Response {
    if !peer.ip().is_loopback() {
        return ApiError::forbidden("metrics are served to loopback only").into_response();
    }
    let text = state.metrics.render(&state);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text).into_response()
}

#[utoipa::path(get, path = "/openapi.json", tag = "operations",
    responses((status = 200, description = "OpenAPI 3 description of every route", content_type = "application/json")))]
async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], super::openapi::openapi_json()).into_response()
}

// ----- writes -----------------------------------------------------------------------

/// The result of a write.
#[derive(Serialize, ToSchema)]
pub struct WriteResult {
    /// Document id.
    pub id: String,
    /// `indexed` or `deleted`.
    pub result: &'static str,
    /// Skill and certification names the taxonomy does not know: kept as searchable text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unresolved: Vec<String>,
}

#[utoipa::path(put, path = "/v1/jobs/{id}", tag = "jobs", params(("id" = String, Path, description = "posting id")),
    request_body(content = Object, description = "a posting (SPEC §3)", content_type = "application/json",
        example = json!({"id":"job-9001","title":"資安工程師","employer":{"name":"台達電子"},"skills":[{"id":"python"}],
            "certifications":[{"id":"ipas-infosec","min_level":"intermediate"}],"location":{"city":"臺北市"}})),
    responses((status = 200, body = WriteResult, description = "durably committed"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
async fn put_job(
    State(state): Shared,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<WriteResult>, ApiError> {
    put_document(state, caller, Kind::Jobs, id, headers, body).await
}

#[utoipa::path(put, path = "/v1/resumes/{id}", tag = "resumes", params(("id" = String, Path, description = "résumé id")),
    request_body(content = Object, description = "a résumé (SPEC §3)", content_type = "application/json",
        example = json!({"id":"cand-9001","name":"王小明","headline":"資安工程師","skills":[{"id":"python"}],
            "certifications":[{"id":"ipas-infosec","level":"intermediate"}],"visibility":"anonymous"})),
    responses((status = 200, body = WriteResult, description = "durably committed"), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
async fn put_resume(
    State(state): Shared,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<WriteResult>, ApiError> {
    put_document(state, caller, Kind::Resumes, id, headers, body).await
}

async fn put_document(
    state: Arc<AppState>,
    caller: Caller,
    kind: Kind,
    id: String,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<WriteResult>, ApiError> {
    caller.require(&[])?;
    let bytes = body::bytes(&headers, body, &["application/json"], super::JSON_BODY_LIMIT)?;
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
        ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", "the body is not UTF-8")
    })?;
    let path_id = id.clone();
    let documents = state
        .blocking(move |state| {
            let (document_id, document, unresolved) =
                build(state, kind, text, 0).map_err(|(error, _)| error)?;
            if document_id != path_id {
                return Err(ApiError::invalid(
                    "id",
                    format!("the body's id `{document_id}` differs from the path's `{path_id}`"),
                ));
            }
            Ok((vec![(document_id, document)], unresolved))
        })
        .await?;
    let (documents, unresolved) = documents;
    state.writer.apply(Change::Upsert(kind, documents)).await.map_err(write_failed)?;
    Ok(Json(WriteResult { id, result: "indexed", unresolved }))
}

/// A built document: its id, the tantivy document and the names left unresolved.
type Built = (String, tantivy::TantivyDocument, Vec<String>);

/// Parses, validates and builds one document; the error carries the document's id when
/// it could be read.
#[allow(clippy::result_large_err)] // errors are per line and rare; boxing buys nothing
fn build(
    state: &AppState,
    kind: Kind,
    text: String,
    line: usize,
) -> Result<Built, (ApiError, Option<String>)> {
    let mut builder = DocumentBuilder::new(
        state.engine.analyzer().clone(),
        state.engine.taxonomy().clone(),
        KindSchema::new(kind),
    );
    let located = |error: ApiError| if line > 0 { error.line(line) } else { error };
    let invalid = |error: FieldError| {
        let malformed = error.field.is_empty();
        let (status, code) = if malformed {
            (StatusCode::BAD_REQUEST, "malformed_json")
        } else {
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_document")
        };
        ApiError::new(status, code, error.message).field(error.field)
    };
    match kind {
        Kind::Jobs => {
            let job = parse_job(text.trim()).map_err(|error| (located(invalid(error)), None))?;
            if let Some(error) = job.validate().into_iter().next() {
                return Err((located(invalid(error)), Some(job.id)));
            }
            let (document, resolved) = builder.job(&job);
            Ok((job.id.clone(), document, resolved.unresolved))
        }
        Kind::Resumes => {
            let resume =
                parse_resume(text.trim()).map_err(|error| (located(invalid(error)), None))?;
            if let Some(error) = resume.validate().into_iter().next() {
                return Err((located(invalid(error)), Some(resume.id)));
            }
            let (document, resolved) = builder.resume(&resume);
            Ok((resume.id.clone(), document, resolved.unresolved))
        }
    }
}

fn write_failed(error: String) -> ApiError {
    tracing::error!(error = %error, "write failed");
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "unavailable",
        "the write could not be committed; nothing was stored",
    )
}

/// One line's outcome in a bulk import.
#[derive(Serialize, ToSchema)]
pub struct BulkItem {
    /// Line number, from 1.
    pub line: usize,
    /// Document id, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `indexed` or `rejected`.
    pub result: &'static str,
    /// Why the line was rejected.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub error: Option<super::error::ErrorDetail>,
    /// Skill and certification names the taxonomy does not know: kept as searchable text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unresolved: Vec<String>,
}

/// The outcome of a bulk import: every good line is committed before the response.
#[derive(Serialize, ToSchema)]
pub struct BulkResult {
    /// Lines indexed.
    pub indexed: usize,
    /// Lines rejected.
    pub rejected: usize,
    /// Every non-blank line, in order.
    pub items: Vec<BulkItem>,
}

#[utoipa::path(post, path = "/v1/jobs/_bulk", tag = "jobs",
    request_body(content = String, description = "NDJSON: one posting per line", content_type = "application/x-ndjson"),
    responses((status = 200, body = BulkResult, description = "per-line results; good lines durably committed"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody)),
    security(("bearer" = [])))]
async fn bulk_jobs(
    State(state): Shared,
    caller: Caller,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<BulkResult>, ApiError> {
    bulk(state, caller, Kind::Jobs, headers, body).await
}

#[utoipa::path(post, path = "/v1/resumes/_bulk", tag = "resumes",
    request_body(content = String, description = "NDJSON: one résumé per line", content_type = "application/x-ndjson"),
    responses((status = 200, body = BulkResult, description = "per-line results; good lines durably committed"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody)),
    security(("bearer" = [])))]
async fn bulk_resumes(
    State(state): Shared,
    caller: Caller,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<BulkResult>, ApiError> {
    bulk(state, caller, Kind::Resumes, headers, body).await
}

/// Longest NDJSON line.
const MAX_LINE: usize = 1 << 20;

async fn bulk(
    state: Arc<AppState>,
    caller: Caller,
    kind: Kind,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<BulkResult>, ApiError> {
    caller.require(&[])?;
    let bytes = body::bytes(
        &headers,
        body,
        &["application/x-ndjson", "application/ndjson", "application/jsonl", "application/json"],
        BULK_BODY_LIMIT,
    )?;
    let (items, documents) = state
        .blocking(move |state| {
            let mut items = Vec::new();
            let mut documents: Vec<(String, tantivy::TantivyDocument)> = Vec::new();
            let mut content = &bytes[..];
            if let Some(rest) = content.strip_prefix(b"\xEF\xBB\xBF") {
                content = rest;
            }
            for (index, raw) in content.split(|byte| *byte == b'\n').enumerate() {
                let line = index + 1;
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                if raw.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let rejected = |error: ApiError, id: Option<String>| BulkItem {
                    line,
                    id,
                    result: "rejected",
                    error: Some(error.detail),
                    unresolved: Vec::new(),
                };
                if raw.len() > MAX_LINE {
                    let error = ApiError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "payload_too_large",
                        format!("the line is longer than {} KiB", MAX_LINE / 1024),
                    )
                    .line(line);
                    items.push(rejected(error, None));
                    continue;
                }
                let Ok(text) = std::str::from_utf8(raw) else {
                    items.push(rejected(
                        ApiError::new(
                            StatusCode::BAD_REQUEST,
                            "malformed_json",
                            "the line is not UTF-8",
                        )
                        .line(line),
                        None,
                    ));
                    continue;
                };
                match build(state, kind, text.to_owned(), line) {
                    Ok((id, document, unresolved)) => {
                        items.push(BulkItem {
                            line,
                            id: Some(id.clone()),
                            result: "indexed",
                            error: None,
                            unresolved,
                        });
                        documents.push((id, document));
                    }
                    Err((error, id)) => items.push(rejected(error, id)),
                }
            }
            if items.is_empty() {
                return Err(ApiError::invalid(
                    "",
                    "the body has no lines; send one JSON document per line",
                ));
            }
            Ok((items, documents))
        })
        .await?;
    if !documents.is_empty() {
        state.writer.apply(Change::Upsert(kind, documents)).await.map_err(write_failed)?;
    }
    let indexed = items.iter().filter(|item| item.result == "indexed").count();
    Ok(Json(BulkResult { indexed, rejected: items.len() - indexed, items }))
}

#[utoipa::path(delete, path = "/v1/jobs/{id}", tag = "jobs", params(("id" = String, Path, description = "posting id")),
    responses((status = 200, body = WriteResult), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
async fn delete_job(
    State(state): Shared,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<WriteResult>, ApiError> {
    delete_document(state, caller, Kind::Jobs, id).await
}

#[utoipa::path(delete, path = "/v1/resumes/{id}", tag = "resumes", params(("id" = String, Path, description = "résumé id")),
    responses((status = 200, body = WriteResult), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
async fn delete_resume(
    State(state): Shared,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<WriteResult>, ApiError> {
    delete_document(state, caller, Kind::Resumes, id).await
}

async fn delete_document(
    state: Arc<AppState>,
    caller: Caller,
    kind: Kind,
    id: String,
) -> Result<Json<WriteResult>, ApiError> {
    caller.require(&[])?;
    let lookup = id.clone();
    state
        .blocking(move |state| {
            state
                .engine
                .get(kind, &lookup, &crate::visibility::Viewer::admin())
                .map_err(ApiError::from)
        })
        .await?;
    state.writer.apply(Change::Delete(kind, vec![id.clone()])).await.map_err(write_failed)?;
    Ok(Json(WriteResult { id, result: "deleted", unresolved: Vec::new() }))
}

// ----- reads ------------------------------------------------------------------------

#[utoipa::path(get, path = "/v1/jobs/{id}", tag = "jobs", params(("id" = String, Path, description = "posting id")),
    responses((status = 200, body = Object, description = "the posting"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
async fn get_job(
    State(state): Shared,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let viewer = caller.viewer;
    state.blocking(move |state| Ok(Json(state.engine.get(Kind::Jobs, &id, &viewer)?))).await
}

#[utoipa::path(get, path = "/v1/resumes/{id}", tag = "resumes", params(("id" = String, Path, description = "résumé id")),
    responses((status = 200, body = Object, description = "the résumé, redacted for the caller's role"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
async fn get_resume(
    State(state): Shared,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    own_or(&caller, &id, &[Role::Employer, Role::Organizer])?;
    let viewer = caller.viewer;
    state.blocking(move |state| Ok(Json(state.engine.get(Kind::Resumes, &id, &viewer)?))).await
}

/// A candidate key may use only its own résumé; other roles need one of `roles`.
fn own_or(caller: &Caller, id: &str, roles: &[Role]) -> Result<(), ApiError> {
    if caller.viewer.role == Role::Candidate {
        if caller.viewer.owns(id) {
            return Ok(());
        }
        return Err(ApiError::forbidden("a candidate key may only use its own résumé"));
    }
    caller.require(roles)
}

/// Query-string parameters of the GET search and match routes, as pairs.
type Params = Query<Vec<(String, String)>>;

fn search_from_params(params: Vec<(String, String)>) -> Result<SearchRequest, ApiError> {
    let mut request = SearchRequest::default();
    let mut options = MatchOptions::default();
    let mut q = Vec::new();
    for (key, value) in params {
        if key == "q" {
            q.push(value);
            continue;
        }
        common_param(&key, &value, &mut options)?;
    }
    request.q = q.join(" ");
    request.filters = options.filters;
    request.eligible_for = options.eligible_for;
    request.facets = options.facets;
    request.highlight = options.highlight;
    request.explain = options.explain;
    request.from = options.from;
    request.size = options.size;
    if options.rerank.is_some() {
        return Err(ApiError::invalid("rerank", "rerank applies to matches"));
    }
    Ok(request)
}

fn match_from_params(params: Vec<(String, String)>) -> Result<MatchOptions, ApiError> {
    let mut options = MatchOptions::default();
    for (key, value) in params {
        if key == "q" {
            return Err(ApiError::invalid("q", "matches take no query text; use filters"));
        }
        common_param(&key, &value, &mut options)?;
    }
    Ok(options)
}

fn common_param(key: &str, value: &str, options: &mut MatchOptions) -> Result<(), ApiError> {
    let number = |value: &str| -> Result<usize, ApiError> {
        value
            .trim()
            .parse()
            .map_err(|_| ApiError::invalid(key, format!("`{value}` is not a whole number")))
    };
    let flag = |value: &str| -> Result<bool, ApiError> {
        match value.trim() {
            "" | "true" | "1" | "yes" => Ok(true),
            "false" | "0" | "no" => Ok(false),
            other => Err(ApiError::invalid(key, format!("`{other}` is not true or false"))),
        }
    };
    match key {
        "from" => options.from = number(value)?,
        "size" => options.size = Some(number(value)?),
        "rerank" => options.rerank = Some(number(value)?),
        "highlight" => options.highlight = flag(value)?,
        "explain" => options.explain = flag(value)?,
        "facets" | "facet" => options
            .facets
            .extend(value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)),
        "eligible_mid_level" => {
            let parsed = EligibleFor::mid_level_at(value);
            options.eligible_for = Some(parsed.map_err(|message| ApiError::invalid(key, message))?);
        }
        _ => {
            // List filters may also come comma-separated.
            let list = matches!(
                key,
                "skill"
                    | "skills"
                    | "certification"
                    | "certifications"
                    | "occupation"
                    | "occupations"
                    | "industry"
                    | "industries"
            );
            let values: Vec<&str> = if list { value.split(',').collect() } else { vec![value] };
            for value in values {
                options
                    .filters
                    .set(key, value)
                    .map_err(|message| ApiError::invalid(&format!("filters.{key}"), message))?;
            }
        }
    }
    Ok(())
}

#[utoipa::path(post, path = "/v1/jobs/search", tag = "jobs", request_body = SearchRequest,
    responses((status = 200, body = SearchResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("bearer" = [])))]
async fn search_jobs(
    State(state): Shared,
    caller: Caller,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<SearchResponse>, ApiError> {
    let request: SearchRequest = body::json(&headers, body)?;
    run_search(state, caller, Kind::Jobs, request).await
}

#[utoipa::path(get, path = "/v1/jobs", tag = "jobs",
    params(("q" = Option<String>, Query, description = "text in any script; \"quoted\" for a phrase"),
        ("from" = Option<usize>, Query), ("size" = Option<usize>, Query, description = "at most 100"),
        ("facets" = Option<String>, Query, description = "comma-separated facet names"),
        ("highlight" = Option<bool>, Query), ("explain" = Option<bool>, Query),
        ("skill" = Option<String>, Query, description = "skill id; repeat or comma-separate"),
        ("certification" = Option<String>, Query, description = "id or id@level"),
        ("occupation" = Option<String>, Query), ("industry" = Option<String>, Query), ("city" = Option<String>, Query),
        ("salary_min" = Option<i64>, Query), ("work_category" = Option<String>, Query), ("fair" = Option<String>, Query),
        ("date_from" = Option<String>, Query), ("date_to" = Option<String>, Query)),
    responses((status = 200, body = SearchResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
async fn search_jobs_get(
    State(state): Shared,
    caller: Caller,
    Query(params): Params,
) -> Result<Json<SearchResponse>, ApiError> {
    run_search(state, caller, Kind::Jobs, search_from_params(params)?).await
}

#[utoipa::path(post, path = "/v1/resumes/search", tag = "resumes", request_body = SearchRequest,
    responses((status = 200, body = SearchResponse, description = "résumés redacted for the caller's role; hidden ones never"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("bearer" = [])))]
async fn search_resumes(
    State(state): Shared,
    caller: Caller,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<SearchResponse>, ApiError> {
    caller.require(&[Role::Employer, Role::Organizer])?;
    let request: SearchRequest = body::json(&headers, body)?;
    run_search(state, caller, Kind::Resumes, request).await
}

#[utoipa::path(get, path = "/v1/resumes", tag = "resumes",
    params(("q" = Option<String>, Query), ("from" = Option<usize>, Query), ("size" = Option<usize>, Query),
        ("facets" = Option<String>, Query), ("highlight" = Option<bool>, Query), ("explain" = Option<bool>, Query),
        ("skill" = Option<String>, Query), ("certification" = Option<String>, Query, description = "id or id@level"),
        ("occupation" = Option<String>, Query), ("city" = Option<String>, Query), ("work_authorization" = Option<String>, Query),
        ("fair" = Option<String>, Query), ("eligible_mid_level" = Option<i64>, Query, description = "monthly salary offered")),
    responses((status = 200, body = SearchResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
async fn search_resumes_get(
    State(state): Shared,
    caller: Caller,
    Query(params): Params,
) -> Result<Json<SearchResponse>, ApiError> {
    caller.require(&[Role::Employer, Role::Organizer])?;
    run_search(state, caller, Kind::Resumes, search_from_params(params)?).await
}

async fn run_search(
    state: Arc<AppState>,
    caller: Caller,
    kind: Kind,
    request: SearchRequest,
) -> Result<Json<SearchResponse>, ApiError> {
    let viewer = caller.viewer;
    state.blocking(move |state| Ok(Json(state.engine.search(kind, &request, &viewer)?))).await
}

#[utoipa::path(get, path = "/v1/jobs/{id}/matches", tag = "match",
    params(("id" = String, Path, description = "posting id"), ("from" = Option<usize>, Query), ("size" = Option<usize>, Query),
        ("explain" = Option<bool>, Query), ("rerank" = Option<usize>, Query, description = "retrieved résumés re-ranked (default 200)")),
    responses((status = 200, body = SearchResponse, description = "ranked candidates"), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
async fn job_matches(
    State(state): Shared,
    caller: Caller,
    Path(id): Path<String>,
    Query(params): Params,
) -> Result<Json<SearchResponse>, ApiError> {
    caller.require(&[Role::Employer, Role::Organizer])?;
    let options = match_from_params(params)?;
    let viewer = caller.viewer;
    state
        .blocking(move |state| {
            Ok(Json(state.engine.match_stored(Kind::Jobs, &id, &options, &viewer)?))
        })
        .await
}

#[utoipa::path(get, path = "/v1/resumes/{id}/matches", tag = "match",
    params(("id" = String, Path, description = "résumé id"), ("from" = Option<usize>, Query), ("size" = Option<usize>, Query),
        ("explain" = Option<bool>, Query)),
    responses((status = 200, body = SearchResponse, description = "ranked vacancies"), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
async fn resume_matches(
    State(state): Shared,
    caller: Caller,
    Path(id): Path<String>,
    Query(params): Params,
) -> Result<Json<SearchResponse>, ApiError> {
    own_or(&caller, &id, &[Role::Organizer])?;
    let options = match_from_params(params)?;
    let viewer = caller.viewer;
    state
        .blocking(move |state| {
            Ok(Json(state.engine.match_stored(Kind::Resumes, &id, &options, &viewer)?))
        })
        .await
}

/// `POST /v1/match`: an unsaved posting or résumé, plus the options of a match.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct MatchRequest {
    /// An unsaved posting (finds résumés).
    #[schema(value_type = Option<Object>)]
    pub job: Option<Value>,
    /// An unsaved résumé (finds postings).
    #[schema(value_type = Option<Object>)]
    pub resume: Option<Value>,
    /// Filters on the matched documents.
    pub filters: Option<crate::query::Filters>,
    /// Eligibility filter (when matching résumés).
    pub eligible_for: Option<EligibleFor>,
    /// Facets to count.
    pub facets: Option<Vec<String>>,
    /// Highlighted snippets.
    pub highlight: Option<bool>,
    /// Explanations.
    pub explain: Option<bool>,
    /// First hit.
    pub from: Option<usize>,
    /// Hits per page, at most 100.
    pub size: Option<usize>,
    /// Retrieved documents re-ranked (default 200).
    pub rerank: Option<usize>,
}

#[utoipa::path(post, path = "/v1/match", tag = "match", request_body(content = MatchRequest,
        example = json!({"job":{"id":"draft","title":"資安工程師","employer":{"name":"台達電子"},
            "certifications":[{"id":"ipas-infosec","min_level":"intermediate"}]},"explain":true,"size":10})),
    responses((status = 200, body = SearchResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
async fn match_document(
    State(state): Shared,
    caller: Caller,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<SearchResponse>, ApiError> {
    let mut object: Map<String, Value> = body::json(&headers, body)?;
    let job = object.remove("job");
    let resume = object.remove("resume");
    let subject = match (job, resume) {
        (Some(job), None) => {
            caller.require(&[Role::Employer, Role::Organizer])?;
            let job = parse_job(&job.to_string()).map_err(|error| prefixed("job", error))?;
            if let Some(error) = job.validate().into_iter().next() {
                return Err(prefixed("job", error));
            }
            Subject::Job(Box::new(job))
        }
        (None, Some(resume)) => {
            caller.require(&[Role::Candidate, Role::Organizer])?;
            let resume =
                parse_resume(&resume.to_string()).map_err(|error| prefixed("resume", error))?;
            if let Some(error) = resume.validate().into_iter().next() {
                return Err(prefixed("resume", error));
            }
            Subject::Resume(Box::new(resume))
        }
        (Some(_), Some(_)) => {
            return Err(ApiError::invalid("resume", "send either `job` or `resume`, not both"));
        }
        (None, None) => {
            return Err(ApiError::invalid(
                "job",
                "send `job` (an unsaved posting) or `resume` (an unsaved résumé)",
            ));
        }
    };
    let options: MatchOptions = body::parse(Value::Object(object).to_string().as_bytes())?;
    let viewer = caller.viewer;
    state
        .blocking(move |state| Ok(Json(state.engine.match_subject(&subject, &options, &viewer)?)))
        .await
}

fn prefixed(prefix: &str, error: FieldError) -> ApiError {
    let field = if error.field.is_empty() {
        prefix.to_owned()
    } else {
        format!("{prefix}.{}", error.field)
    };
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_document", error.message).field(field)
}

// ----- taxonomy ---------------------------------------------------------------------

#[utoipa::path(get, path = "/v1/taxonomy/{kind}", tag = "taxonomy",
    params(("kind" = String, Path, description = "skills, certifications, occupations or industries")),
    responses((status = 200, body = Object, description = "{\"kind\",\"items\":[…]}"), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
async fn taxonomy(
    State(state): Shared,
    _caller: Caller,
    Path(kind): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let taxonomy: &Taxonomy = state.engine.taxonomy();
    let items = match kind.as_str() {
        "skills" => serde_json::to_value(taxonomy.skills()),
        "certifications" => serde_json::to_value(taxonomy.certifications()),
        "occupations" => serde_json::to_value(taxonomy.occupations()),
        "industries" => serde_json::to_value(taxonomy.industries()),
        _ => {
            return Err(ApiError::not_found(format!(
                "no taxonomy `{kind}`; expected skills, certifications, occupations or industries"
            )));
        }
    }
    .map_err(|_| ApiError::internal())?;
    Ok(Json(json!({"kind": kind, "items": items})))
}

/// One suggestion.
#[derive(Serialize, ToSchema)]
pub struct Suggestion {
    /// `skill`, `certification`, `occupation` or `industry`.
    pub kind: &'static str,
    /// Canonical id.
    pub id: String,
    /// Traditional Chinese name.
    pub zh_hant: String,
    /// English name.
    pub en: String,
}

/// Suggestions for a prefix.
#[derive(Serialize, ToSchema)]
pub struct Suggestions {
    /// Best first.
    pub suggestions: Vec<Suggestion>,
}

#[utoipa::path(get, path = "/v1/suggest", tag = "taxonomy",
    params(("q" = String, Query, description = "what was typed so far, in any script"), ("size" = Option<usize>, Query, description = "at most 50 (default 10)")),
    responses((status = 200, body = Suggestions), (status = 400, body = ErrorBody)),
    security(("bearer" = [])))]
async fn suggest(
    State(state): Shared,
    _caller: Caller,
    Query(params): Params,
) -> Result<Json<Suggestions>, ApiError> {
    let mut q = String::new();
    let mut size = 10;
    for (key, value) in params {
        match key.as_str() {
            "q" => q = value,
            "size" => {
                size = value.trim().parse().map_err(|_| {
                    ApiError::invalid("size", format!("`{value}` is not a whole number"))
                })?
            }
            other => {
                return Err(ApiError::invalid(other, "unknown parameter; expected q and size"));
            }
        }
    }
    if q.trim().is_empty() {
        return Err(ApiError::invalid("q", "type at least one character"));
    }
    if size == 0 || size > 50 {
        return Err(ApiError::invalid("size", "must be between 1 and 50"));
    }
    let folded = state.engine.analyzer().fold_str(q.trim()).to_lowercase();
    let mut found: Vec<(u8, usize, EntryKind, &str)> = Vec::new();
    for (kind, id, form) in &state.suggestions {
        let rank = if form.starts_with(&folded) {
            0
        } else if form.contains(&folded) {
            1
        } else {
            continue;
        };
        found.push((rank, form.chars().count(), *kind, id));
    }
    found.sort_by(|a, b| (a.0, a.1, a.3).cmp(&(b.0, b.1, b.3)));
    let mut seen = std::collections::HashSet::new();
    let taxonomy = state.engine.taxonomy();
    let suggestions = found
        .into_iter()
        .filter(|(_, _, kind, id)| seen.insert((*kind, *id)))
        .take(size)
        .map(|(_, _, kind, id)| {
            let names = taxonomy.names(kind, id);
            Suggestion {
                kind: match kind {
                    EntryKind::Skill => "skill",
                    EntryKind::Certification => "certification",
                    EntryKind::Occupation => "occupation",
                    EntryKind::Industry => "industry",
                },
                id: id.to_owned(),
                zh_hant: names.map(|names| names.zh_hant.clone()).unwrap_or_default(),
                en: names.map(|names| names.en.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Ok(Json(Suggestions { suggestions }))
}

// ----- fairs ------------------------------------------------------------------------

#[utoipa::path(get, path = "/v1/fairs", tag = "fairs",
    responses((status = 200, body = FairList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
async fn fairs(State(state): Shared, caller: Caller) -> Result<Json<FairList>, ApiError> {
    caller.require(&[Role::Organizer])?;
    state.blocking(|state| Ok(Json(list_fairs(&state.engine, &state.catalog)?))).await
}

/// Export format of a pre-matching (`format=`).
#[derive(Deserialize)]
struct FormatParam {
    format: Option<String>,
}

#[utoipa::path(post, path = "/v1/fairs/{id}/prematch", tag = "fairs",
    params(("id" = String, Path, description = "fair id"),
        ("format" = Option<String>, Query, description = "json (default), csv, ics or xlsx; or use the Accept header")),
    request_body(content = PrematchRequest, example = json!({"date":"2026-12-05","hours":{"start":"09:00","end":"17:00"},
        "slot_minutes":20,"tables":{"default":2},"max_per_candidate":3,"min_score":0.3})),
    responses((status = 200, body = PrematchResponse, description = "the timetable; CSV, iCalendar or XLSX by Accept or format"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
async fn fair_prematch(
    State(state): Shared,
    caller: Caller,
    Path(id): Path<String>,
    Query(format): Query<FormatParam>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    caller.require(&[Role::Organizer])?;
    let format = match &format.format {
        Some(name) => ExportFormat::from_name(name).ok_or_else(|| {
            ApiError::invalid(
                "format",
                format!("unknown format `{name}`; expected json, csv, ics or xlsx"),
            )
        })?,
        None => headers
            .get(header::ACCEPT)
            .and_then(|value| value.to_str().ok())
            .and_then(ExportFormat::from_accept)
            .unwrap_or(ExportFormat::Json),
    };
    let empty = body.as_ref().is_ok_and(|bytes| bytes.iter().all(u8::is_ascii_whitespace));
    let request: PrematchRequest =
        if empty { PrematchRequest::default() } else { body::json(&headers, body)? };
    let fair = id.clone();
    let (bytes, content_type, extension) = state
        .blocking(move |state| {
            let result = prematch(&state.engine, &state.catalog, &fair, &request)?;
            let bytes = crate::fair::export(&result, format)?;
            Ok((bytes, format.content_type(), format.extension()))
        })
        .await?;
    let mut response = ([(header::CONTENT_TYPE, content_type)], bytes).into_response();
    if !matches!(format, ExportFormat::Json) {
        let disposition =
            format!("attachment; filename=\"{}-schedule.{extension}\"", sanitize(&id));
        if let Ok(value) = disposition.parse() {
            response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
        }
    }
    Ok(response)
}

fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect()
}

/// The OpenAPI description, collected from the handlers' annotations.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "meihe", description = "Job-and-candidate matching search for Taiwan's talent market: search, match, explain, pre-match fairs. Errors have the shape {\"error\":{\"code\",\"message\",\"field\",\"line\"}}."),
    paths(health, ready, metrics, openapi, put_job, put_resume, bulk_jobs, bulk_resumes, delete_job, delete_resume,
        get_job, get_resume, search_jobs, search_jobs_get, search_resumes, search_resumes_get, job_matches,
        resume_matches, match_document, taxonomy, suggest, fairs, fair_prematch),
    modifiers(&BearerAuth),
    tags((name = "jobs", description = "Job postings"), (name = "resumes", description = "Résumés, redacted by role"),
        (name = "match", description = "Ranked matches with explanations"), (name = "taxonomy", description = "Skills, certifications, occupations, industries"),
        (name = "fairs", description = "Recruitment-fair pre-matching"), (name = "operations", description = "Health, readiness, metrics"))
)]
pub struct ApiDoc;

/// Declares the bearer-key scheme the routes refer to.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("an API key from `meihe keys add`"))
                    .build(),
            ),
        );
    }
}
