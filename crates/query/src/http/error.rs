//! Errors as SPEC §6 shapes them: `{"error":{"code","message","field","line"}}`.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::engine::Error as EngineError;

/// The body of every error response.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Machine-readable code: `invalid_request`, `malformed_json`, `invalid_document`,
    /// `unsupported_media_type`, `payload_too_large`, `not_found`, `missing_key`,
    /// `invalid_key`, `forbidden`, `rate_limited`, `timeout`, `unavailable`, `internal`.
    pub code: &'static str,
    /// What went wrong, for a person.
    pub message: String,
    /// Dotted path of the offending field, when one is to blame.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Line of the body (NDJSON) or of the JSON text, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// An error response.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// The body.
    pub detail: ErrorDetail,
    /// Seconds for `Retry-After` (429).
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An error with a status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            detail: ErrorDetail { code, message: message.into(), field: None, line: None },
            retry_after: None,
        }
    }

    /// Names the field at fault.
    pub fn field(mut self, field: impl Into<String>) -> Self {
        let field = field.into();
        self.detail.field = (!field.is_empty()).then_some(field);
        self
    }

    /// Names the line at fault.
    pub fn line(mut self, line: usize) -> Self {
        self.detail.line = Some(line);
        self
    }

    /// 400 `invalid_request`.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_request", message).field(field)
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 403 `forbidden`.
    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 500 `internal`, without details (they go to the log).
    pub fn internal() -> Self {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "internal error; see the server log",
        )
    }
}

impl From<EngineError> for ApiError {
    fn from(error: EngineError) -> Self {
        match error {
            EngineError::Invalid { field, message } => ApiError::invalid(&field, message),
            EngineError::NotFound { .. } => ApiError::not_found(error.to_string()),
            EngineError::Index(inner) => {
                tracing::error!(error = %inner, "index error");
                ApiError::internal()
            }
            EngineError::Store(inner) => {
                tracing::error!(error = %inner, "store error");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "the index is not available",
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(ErrorBody { error: self.detail })).into_response();
        if let Some(value) =
            self.retry_after.and_then(|seconds| HeaderValue::from_str(&seconds.to_string()).ok())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

/// Turns the plain-text replies of axum's own rejections (wrong method, a path or query
/// string that does not decode) into SPEC §6 error bodies, so every error is JSON.
pub async fn json_errors(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    if status.as_u16() < 400 || is_json {
        return response;
    }
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let text = match axum::body::to_bytes(response.into_body(), 16 * 1024).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_owned(),
        Err(_) => String::new(),
    };
    let (code, fallback) = match status {
        StatusCode::METHOD_NOT_ALLOWED => {
            ("method_not_allowed", "this route does not take that method; see GET /openapi.json")
        }
        StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", "the body is too large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ("unsupported_media_type", "unsupported content type")
        }
        StatusCode::NOT_FOUND => ("not_found", "not found"),
        status if status.is_server_error() => ("internal", "internal error; see the server log"),
        _ => ("invalid_request", "the request is not valid"),
    };
    // Rejection texts name the part of the request at fault; server errors say nothing more.
    let message =
        if text.is_empty() || status.is_server_error() { fallback.to_owned() } else { text };
    let mut error = ApiError::new(status, code, message);
    error.retry_after =
        retry_after.and_then(|value| value.to_str().ok().and_then(|v| v.parse().ok()));
    error.into_response()
}
