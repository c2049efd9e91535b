// SPDX-License-Identifier: EUPL-1.2
//! Why a page or an API call cannot be answered, and how each is told: a
//! page through [`crate::pagina::fout_response`], JSON through [`json`].
//! A fault of the server shows the user the request's id; the log gets the
//! cause under the same id.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// Why a view cannot be shown.
#[derive(Debug, thiserror::Error)]
pub enum Fout {
    /// Unknown gemeente, or one the user has no role on (the same answer, on purpose).
    #[error("niet gevonden")]
    NietGevonden,
    /// The data do not allow the view; the message says what is missing.
    #[error("{0}")]
    Gegevens(String),
    /// The user may see but not change this.
    #[error("{0}")]
    GeenRecht(String),
    /// An upload over the limit; the message names the limit.
    #[error("{0}")]
    TeGroot(String),
    /// A fault of the server; shown with an id, logged with the cause.
    #[error("interne fout: {0}")]
    Intern(String),
}

impl From<buig_store::StoreError> for Fout {
    fn from(e: buig_store::StoreError) -> Fout {
        Fout::Intern(e.to_string())
    }
}

impl From<buig_dienst::Fout> for Fout {
    fn from(e: buig_dienst::Fout) -> Fout {
        match e {
            buig_dienst::Fout::NietGevonden => Fout::NietGevonden,
            buig_dienst::Fout::Gegevens(m) => Fout::Gegevens(m),
            buig_dienst::Fout::Intern(m) => Fout::Intern(m),
        }
    }
}

/// A refusal of the plan store in the words of the web: the store's own
/// messages name the command line (`buig plan import`, `--titel`).
pub fn plan_melding(e: &buig_store::plan::PlanOpslagFout) -> String {
    use buig_store::plan::PlanOpslagFout as P;
    match e {
        P::GeenPlan(g) => format!("er is geen aanvalsplan met deze titel opgeslagen voor {g}"),
        P::Meerdere { gemeente, titels } => format!("voor {gemeente} zijn meerdere plannen opgeslagen ({titels}); kies er een"),
        e => e.to_string(),
    }
}

/// Random bytes as hex (kept where the request ids are made).
pub use crate::logboek::willekeurig_hex;

/// Logs the cause of an internal fault and returns the id to show: the
/// request's id ([`crate::logboek::huidig`]), which its log lines carry too.
pub fn meld_intern(oorzaak: &str) -> String {
    let id = crate::logboek::huidig();
    tracing::error!(verzoek_id = %id, "interne fout: {oorzaak}");
    id
}

/// An error as JSON `{"fout": …, "code": …}` with its status.
pub fn json(f: Fout) -> Response {
    let (status, code, tekst) = match f {
        Fout::NietGevonden => (StatusCode::NOT_FOUND, "niet_gevonden", "niet gevonden, of geen toegang tot deze gemeente".to_string()),
        Fout::GeenRecht(m) => (StatusCode::FORBIDDEN, "geen_recht", m),
        Fout::TeGroot(m) => (StatusCode::PAYLOAD_TOO_LARGE, "te_groot", m),
        Fout::Gegevens(m) => (StatusCode::UNPROCESSABLE_ENTITY, "gegevens", m),
        Fout::Intern(oorzaak) => {
            let id = meld_intern(&oorzaak);
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "intern",
                format!("interne fout; kenmerk van deze fout: {id} (de oorzaak staat in het serverlog)"),
            )
        }
    };
    (status, Json(json!({ "fout": tekst, "code": code }))).into_response()
}

/// 401 with the reason, as JSON.
pub fn niet_ingelogd(tekst: &str) -> Response {
    (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")], Json(json!({ "fout": tekst, "code": "niet_ingelogd" })))
        .into_response()
}
