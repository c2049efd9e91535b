// SPDX-License-Identifier: EUPL-1.2
//! The probes of a load balancer or orchestrator, without login and
//! without data: `/gezond` — the process lives and answers (200) —, and
//! `/gereed` — the database answers and has every migration this program
//! knows (200), else 503, so a proxy sends no users to an instance that
//! cannot serve them.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::Staat;

/// How long `/gereed` waits for the database before it says no.
pub const WACHT: Duration = Duration::from_secs(3);

/// GET /gezond.
pub async fn gezond() -> impl IntoResponse {
    (StatusCode::OK, "gezond\n")
}

/// GET /gereed.
pub async fn gereed(State(staat): State<Staat>) -> impl IntoResponse {
    match tokio::time::timeout(WACHT, staat.store.gereed()).await {
        Ok(Ok(true)) => (StatusCode::OK, "gereed\n"),
        Ok(Ok(false)) => (StatusCode::SERVICE_UNAVAILABLE, "niet gereed: de database mist migraties\n"),
        Ok(Err(e)) => {
            tracing::warn!("gereed: database niet bereikbaar: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "niet gereed: de database is niet bereikbaar\n")
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "niet gereed: de database antwoordt niet\n"),
    }
}
