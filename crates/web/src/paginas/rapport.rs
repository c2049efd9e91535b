// SPDX-License-Identifier: EUPL-1.2
//! GET /g/{code}/rapport/{soort}: a council document that belongs to a
//! page — the raadsmededeling budget (budget page) and the kwartaalmonitor
//! (caseload page) — at the last realised month, as `buig rapport` makes it.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use buig_rapport::{DocumentSoort, Formaat};
use serde::Deserialize;

use crate::download;
use crate::fout::Fout;
use crate::pagina;
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

#[derive(Debug, Default, Deserialize)]
pub struct RapportQuery {
    pub formaat: Option<String>,
}

/// GET /g/{code}/rapport/{soort}?formaat=docx|html|pdf — soort `raadsmededeling` or `monitor`.
pub async fn document(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path((code, soort)): Path<(String, String)>,
    Query(q): Query<RapportQuery>,
) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let soort: DocumentSoort = soort.parse().map_err(|_| Fout::NietGevonden)?;
        if matches!(soort, DocumentSoort::NotitieVangnet | DocumentSoort::Regio) {
            // The notitie belongs to a year (the vangnet page offers it); the regional overview to several gemeenten (the regional page).
            return Err(Fout::NietGevonden);
        }
        let formaat: Formaat = q.formaat.as_deref().unwrap_or("docx").parse().map_err(Fout::Gegevens)?;
        let (doc, naam) = download::document(&staat, code, soort, None, ik.gebruiker.gemeenten().into_iter().collect()).await?;
        let bytes = download::maak(doc, formaat).await?;
        Ok::<_, Fout>(download::download(bytes, formaat, &naam))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
