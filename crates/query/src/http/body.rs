//! Request bodies: content type, size and JSON with the failing field named.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use serde::de::DeserializeOwned;

use super::error::ApiError;

/// Whether the request says it sends one of `types` (parameters such as `charset` are
/// ignored).
fn content_type_is(headers: &HeaderMap, types: &[&str]) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|value| types.iter().any(|wanted| value.trim().eq_ignore_ascii_case(wanted)))
}

/// The body's bytes, checking its type and size.
pub fn bytes(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    types: &[&str],
    limit: usize,
) -> Result<Bytes, ApiError> {
    if !content_type_is(headers, types) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("send the body with `Content-Type: {}`", types[0]),
        ));
    }
    let body = body.map_err(|rejection| match rejection {
        BytesRejection::FailedToBufferBody(_) => too_large(limit),
        other => ApiError::invalid("", format!("cannot read the body: {}", other.body_text())),
    })?;
    if body.len() > limit {
        return Err(too_large(limit));
    }
    Ok(body)
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!("the body is larger than {} KiB", limit / 1024),
    )
}

/// A JSON body as `T`: malformed JSON is 400 `malformed_json` with its line; a value of
/// the wrong shape is 422 `invalid_request` naming the field.
pub fn json<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<T, ApiError> {
    let body = bytes(headers, body, &["application/json"], super::JSON_BODY_LIMIT)?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "the body is empty; send a JSON object",
        ));
    }
    parse(&body)
}

/// Parses JSON bytes as `T` (see [`json`]).
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let deserializer = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        let line = inner.line();
        let message = strip_position(&inner.to_string());
        match inner.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", message).line(line)
            }
            _ => {
                let field = field_of(&path, &message);
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_request", message)
                    .field(field)
            }
        }
    })
}

/// serde's message without "at line 1 column 12".
fn strip_position(text: &str) -> String {
    text.rfind(" at line ").map_or(text, |index| &text[..index]).to_owned()
}

/// The dotted path of the failing field; for missing or unknown fields, the field itself.
fn field_of(path: &str, message: &str) -> String {
    let named = ["missing field `", "unknown field `"]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix))
        .and_then(|rest| rest.split('`').next());
    let path = if matches!(path, "." | "?") { "" } else { path };
    match named {
        Some(name) if message.starts_with("missing") && !path.is_empty() => {
            format!("{path}.{name}")
        }
        Some(name) if path.is_empty() => name.to_owned(),
        _ => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Probe {
        size: Option<usize>,
        inner: Option<Inner>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        needed: String,
    }

    #[test]
    fn errors_name_the_field_and_line() {
        let error = parse::<Probe>(b"{\"size\": \"big\"}").unwrap_err();
        assert_eq!(
            (error.status, error.detail.field.as_deref()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("size"))
        );
        let error = parse::<Probe>(b"{\"colour\": 1}").unwrap_err();
        assert_eq!(error.detail.field.as_deref(), Some("colour"));
        let error = parse::<Probe>(b"{\"inner\": {}}").unwrap_err();
        assert_eq!(error.detail.field.as_deref(), Some("inner.needed"));
        let error = parse::<Probe>(b"{\n\"size\": 1,,\n}").unwrap_err();
        assert_eq!((error.status, error.detail.line), (StatusCode::BAD_REQUEST, Some(2)));
        let error = parse::<Probe>(b"{\"size\": -1}").unwrap_err();
        assert_eq!(error.detail.field.as_deref(), Some("size"));
    }
}
