//! Downloads of the council documents that belong to a page: the
//! raadsmededeling budget (on the budget page) and the kwartaalmonitor (on
//! the caseload page), built by the same `buig-rapport` calls as
//! `buig rapport raadsmededeling|monitor`, at the last realised month; the
//! monitor compares with every gemeente's quarters ([`gegevens::landelijk_kwartaal`]).

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use buig_rapport::Formaat;
use serde::Deserialize;

use crate::auth::{Ingelogd, Recht};
use crate::gegevens::{self, Fout};
use crate::pagina;
use crate::Staat;

#[derive(Debug, Default, Deserialize)]
pub struct RapportQuery {
    pub formaat: Option<String>,
}

/// Renders a document off the async threads (a PDF waits for LibreOffice);
/// a PDF without LibreOffice is a 422 with the reason, other failures internal.
pub async fn maak(doc: buig_rapport::doc::Document, formaat: Formaat) -> Result<Vec<u8>, crate::gegevens::Fout> {
    use crate::gegevens::Fout;
    tokio::task::spawn_blocking(move || buig_rapport::render(&doc, formaat)).await.map_err(|e| Fout::Intern(e.to_string()))?.map_err(|e| {
        match e {
            buig_rapport::RapportFout::Pdf(_) => Fout::Gegevens(e.to_string()),
            e => Fout::Intern(e.to_string()),
        }
    })
}

/// A "als PDF" link when LibreOffice is here.
pub fn pdf_knop(href: String) -> maud::Markup {
    maud::html! { @if buig_rapport::pdf::beschikbaar() { " " a.knop.tweede href=(href) { "als PDF" } } }
}

/// Sets the download headers; the printable HTML may use its own stylesheet, still no scripts.
pub fn download(bytes: Vec<u8>, formaat: Formaat, naam: &str) -> Response {
    let (soort, ext) = match formaat {
        Formaat::Docx => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        Formaat::Html => ("text/html; charset=utf-8", "html"),
        Formaat::Pdf => ("application/pdf", "pdf"),
    };
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(soort));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{naam}.{ext}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
    res
}

/// GET /g/{code}/rapport/{soort}?formaat=docx|html — soort `raadsmededeling` or `monitor`.
pub async fn document(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path((code, soort)): Path<(String, String)>,
    Query(q): Query<RapportQuery>,
) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let formaat: Formaat = q.formaat.as_deref().unwrap_or("docx").parse().map_err(Fout::Gegevens)?;
        let b = gegevens::basis(&staat, code).await?;
        let (jaar, peildatum) = b.huidig().ok_or_else(|| Fout::Gegevens(format!("voor {} is geen maandrealisatie bekend", b.naam)))?;
        let datum = buig_rapport::vandaag();
        let doc = match soort.as_str() {
            "raadsmededeling" => {
                let plan = crate::paginas::plan::overzicht(&staat, code, None).await?;
                let b2 = b.clone();
                tokio::task::spawn_blocking(move || {
                    let vraag = buig_rapport::RaadsmededelingVraag { jaar, peildatum, datum };
                    buig_rapport::raadsmededeling(&b2.gegevens, &b2.spells, plan.as_ref(), &vraag)
                })
                .await
                .map_err(|e| Fout::Intern(e.to_string()))?
            }
            "monitor" => {
                let vraag = buig_rapport::MonitorVraag { jaar, peildatum, datum };
                // The size class and the Netherlands from every gemeente's quarters (as `buig rapport monitor`).
                let l = gegevens::landelijk_kwartaal(&staat, &vraag).await?;
                buig_rapport::monitor::monitor_vergelijking(code, &l.reeksen, &l.inwoners, &vraag)
                    .and_then(|v| buig_rapport::monitor::kwartaalmonitor_met(&b.gegevens, &b.spells, &b.inwoners, Some(&v), &vraag))
            }
            _ => return Err(Fout::NietGevonden),
        }
        .map_err(|e| match e {
            buig_rapport::RapportFout::Docx(_) => Fout::Intern(e.to_string()),
            _ => Fout::Gegevens(e.to_string()),
        })?;
        let bytes = maak(doc, formaat).await?;
        Ok::<_, Fout>(download(bytes, formaat, &format!("{soort}-{code}-{}", peildatum)))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
