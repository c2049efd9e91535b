// SPDX-License-Identifier: EUPL-1.2
//! Logs and request ids. [`start`] sets up `tracing` once per process: to
//! standard error, as readable lines or as one JSON object per line.
//! [`verzoek_id`] gives every request an id — the `x-request-id` the
//! reverse proxy sent when it is a sane one, else a new one —, echoes it in
//! the response, logs the request with it when the answer is ready, and
//! keeps it at hand ([`huidig`]) so that an error page shows it ("Kenmerk
//! van deze fout") and the log line of the cause carries it.
//!
//! [`melding`] is for the few lines a server says about itself (where it
//! listens, the demo): plain lines on standard output in the text format,
//! log events in the JSON format, so a log collector reads only JSON.

use std::sync::OnceLock;
use std::time::Instant;

use axum::http::{HeaderName, HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use crate::configuratie::{LogFormaat, LogNiveau};

/// The header that carries the request id, both ways.
pub static VERZOEK_ID: HeaderName = HeaderName::from_static("x-request-id");

static FORMAAT: OnceLock<LogFormaat> = OnceLock::new();

tokio::task_local! {
    static HUIDIG: String;
}

/// Sets up the log of this process; a second call changes nothing.
pub fn start(formaat: LogFormaat, niveau: LogNiveau) {
    if FORMAAT.set(formaat).is_err() {
        return;
    }
    let niveau = match niveau {
        LogNiveau::Fout => tracing::Level::ERROR,
        LogNiveau::Waarschuwing => tracing::Level::WARN,
        LogNiveau::Info => tracing::Level::INFO,
        LogNiveau::Debug => tracing::Level::DEBUG,
    };
    let basis = tracing_subscriber::fmt().with_max_level(niveau).with_writer(std::io::stderr).with_target(false);
    let _ = match formaat {
        LogFormaat::Json => basis.json().with_current_span(true).with_span_list(false).try_init(),
        LogFormaat::Tekst => basis.with_ansi(false).try_init(),
    };
}

/// A line the server says about itself: on standard output as text, or as a log event.
pub fn melding(tekst: &str) {
    match FORMAAT.get() {
        Some(LogFormaat::Json) => tracing::info!("{tekst}"),
        _ => println!("{tekst}"),
    }
}

/// The id of the request being answered (a new one outside a request).
pub fn huidig() -> String {
    HUIDIG.try_with(Clone::clone).unwrap_or_else(|_| willekeurig_hex(8))
}

/// An id from the proxy is kept when it is short and plain (letters, digits, `-`, `_`, `.`); it goes into logs and pages.
fn geldig(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Middleware: the request id, its log line, the header on the answer.
pub async fn verzoek_id(mut req: Request<axum::body::Body>, next: Next) -> Response {
    let id = req
        .headers()
        .get(&VERZOEK_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| geldig(v))
        .map_or_else(|| willekeurig_hex(8), str::to_string);
    if let Ok(v) = HeaderValue::from_str(&id) {
        req.headers_mut().insert(VERZOEK_ID.clone(), v);
    }
    let (methode, pad) = (req.method().clone(), req.uri().path().to_string());
    let begin = Instant::now();
    let span = tracing::info_span!("verzoek", verzoek_id = %id);
    let mut res = HUIDIG.scope(id.clone(), next.run(req).instrument(span.clone())).await;
    let ms = begin.elapsed().as_secs_f64() * 1000.0;
    let status = res.status().as_u16();
    span.in_scope(|| {
        // The probes of an orchestrator come every few seconds: only in the debug log.
        if pad == "/gezond" || pad == "/gereed" {
            tracing::debug!(methode = %methode, pad = %pad, status, ms, "verzoek");
        } else {
            tracing::info!(methode = %methode, pad = %pad, status, ms, "verzoek");
        }
    });
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(VERZOEK_ID.clone(), v);
    }
    res
}

/// Random bytes as hex.
pub fn willekeurig_hex(bytes: usize) -> String {
    let mut b = vec![0u8; bytes];
    getrandom::getrandom(&mut b).expect("the operating system's random source");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_short_plain_id_from_outside_is_kept() {
        assert!(geldig("3f2a-9c.01_x"));
        assert!(!geldig(""));
        assert!(!geldig(&"a".repeat(65)));
        for slecht in ["a b", "a\nb", "<script>", "ïd"] {
            assert!(!geldig(slecht), "{slecht:?}");
        }
    }
}
