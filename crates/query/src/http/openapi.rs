//! `GET /openapi.json`.

use std::sync::LazyLock;

use utoipa::OpenApi;

use super::routes::ApiDoc;

/// The OpenAPI 3 description of every route, as JSON.
pub fn openapi_json() -> String {
    static JSON: LazyLock<String> = LazyLock::new(|| {
        let mut api = ApiDoc::openapi();
        api.info.version = env!("CARGO_PKG_VERSION").to_owned();
        api.to_pretty_json().unwrap_or_else(|_| "{}".to_owned())
    });
    JSON.clone()
}
