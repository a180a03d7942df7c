//! Who is calling: the API key in `Authorization: Bearer …`, its role, and the per-key
//! rate limit. Without a keys file every caller is admin (the server then listens on
//! loopback only).

use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::AppState;
use super::error::ApiError;
use crate::visibility::{Role, Viewer};

/// Requests a key may make per second, sustained.
pub const DEFAULT_RATE_PER_SECOND: u32 = 50;
/// Requests a key may make in a burst.
pub const DEFAULT_BURST: u32 = 200;

/// The per-key rate limiter.
pub struct Limiter(DefaultKeyedRateLimiter<String>);

impl Limiter {
    /// `per_second` sustained, `burst` at once, per key.
    pub fn new(per_second: u32, burst: u32) -> Limiter {
        let rate = NonZeroU32::new(per_second.max(1)).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
        Limiter(RateLimiter::keyed(Quota::per_second(rate).allow_burst(burst)))
    }

    /// `Err(seconds to wait)` when the key is over its limit.
    fn check(&self, key: &str) -> Result<(), u64> {
        self.0.check_key(&key.to_owned()).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + 1
        })
    }
}

/// The authenticated caller.
#[derive(Debug, Clone)]
pub struct Caller {
    /// Role and bound résumé.
    pub viewer: Viewer,
}

impl Caller {
    /// Refuses callers whose role is not in `roles` (admin is always allowed).
    pub fn require(&self, roles: &[Role]) -> Result<(), ApiError> {
        if self.viewer.role == Role::Admin || roles.contains(&self.viewer.role) {
            return Ok(());
        }
        Err(ApiError::forbidden(format!(
            "a {} key may not do this; it needs one of: admin, {}",
            self.viewer.role.as_str(),
            roles.iter().map(|role| role.as_str()).collect::<Vec<_>>().join(", ")
        )))
    }
}

impl FromRequestParts<Arc<AppState>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Caller, ApiError> {
        let Some(keys) = &state.keys else {
            // Local use without keys: loopback only, no per-key limit to apply.
            return Ok(Caller { viewer: Viewer::admin() });
        };
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| {
                value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|token| !token.is_empty());
        let Some(token) = token else {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "missing_key",
                "this server needs an API key: send `Authorization: Bearer <key>`",
            ));
        };
        let Some(record) = keys.authenticate(token) else {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "invalid_key",
                "the API key is not valid",
            ));
        };
        state.limiter.check(&record.id).map_err(rate_limited)?;
        Ok(Caller { viewer: Viewer { role: record.role, resume: record.resume } })
    }
}

fn rate_limited(seconds: u64) -> ApiError {
    let mut error = ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
        format!("too many requests with this key; retry in {seconds} s"),
    );
    error.retry_after = Some(seconds);
    error
}
