// SPDX-License-Identifier: EUPL-1.2
//! The council documents as downloads: the notitie vangnet (vangnet page),
//! the raadsmededeling budget (budget page) and the kwartaalmonitor
//! (caseload page), each from the service layer's input — the same as
//! `buig rapport` — and rendered off the async threads. The printable HTML
//! takes its stylesheet from [`rapport_css`], so no inline style is served.

use std::collections::BTreeSet;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use buig_core::{GemeenteCode, Year};
use buig_dienst::document::monitor::{kwartaal_vraag, monitor_invoer, MonitorVraag};
use buig_dienst::document::notitie::{notitie_invoer, oorzaken_vraag, NotitieVraag};
use buig_dienst::document::raadsmededeling::{raadsmededeling_invoer, RaadsmededelingVraag};
use buig_rapport::doc::Document;
use buig_rapport::{DocumentSoort, Formaat};

use crate::fout::Fout;
use crate::gegevens::{self, rekenen};
use crate::Staat;

/// The media type of an Excel workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Where the printable HTML finds its stylesheet.
pub const RAPPORT_CSS: &str = "/static/rapport.css";

/// GET /static/rapport.css: the print stylesheet of the documents (cached for a day).
pub async fn rapport_css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=86400")], buig_rapport::html::CSS)
        .into_response()
}

/// The document of `soort` for gemeente `code`: the notitie over `jaar`
/// (required), the raadsmededeling and the monitor at the last realised month.
/// `eigen_gemeenten`: the asker's gemeenten, which never make a group showable.
pub async fn document(
    staat: &Staat,
    code: GemeenteCode,
    soort: DocumentSoort,
    jaar: Option<Year>,
    eigen_gemeenten: BTreeSet<GemeenteCode>,
) -> Result<(Document, String), Fout> {
    let g = gegevens::gemeente(staat, code).await?;
    let mc = staat.instellingen.monte_carlo();
    let datum = buig_dienst::vandaag();
    let briefhoofd = g.briefhoofd.clone();
    match soort {
        DocumentSoort::NotitieVangnet => {
            let jaar = jaar.ok_or_else(|| Fout::Gegevens("kies een jaar".into()))?;
            let plan = buig_dienst::plan::plan_voor_vangnetjaar(&staat.store, &g, jaar, None).await?;
            // Nederland: every gemeente's quarters of the causes, one cached pass.
            let landelijk = gegevens::landelijk(staat, oorzaken_vraag(jaar, None)?).await?;
            let doc = rekenen(move || {
                let vraag = NotitieVraag { jaar, peildatum: None, datum };
                Ok(buig_rapport::notitie(&notitie_invoer(&g, plan, Some(&landelijk), &vraag, &eigen_gemeenten)?))
            })
            .await?;
            Ok((doc.met_briefhoofd(briefhoofd.as_ref()), format!("notitie-vangnet-{code}-{jaar}")))
        }
        // Several gemeenten: the regional page makes it ([`regio`]).
        DocumentSoort::Regio => Err(Fout::NietGevonden),
        DocumentSoort::Raadsmededeling | DocumentSoort::Monitor => {
            let (jaar, peildatum) = g.huidig().ok_or_else(|| Fout::Gegevens(format!("voor {} is geen maandrealisatie bekend", g.naam)))?;
            let naam = format!("{soort}-{code}-{peildatum}");
            let doc = if soort == DocumentSoort::Raadsmededeling {
                let plan = buig_dienst::plan::plan(&staat.store, &g, None, Some(peildatum)).await?;
                rekenen(move || {
                    let vraag = RaadsmededelingVraag { jaar, peildatum, datum };
                    Ok(buig_rapport::raadsmededeling(&raadsmededeling_invoer(&g, plan, &vraag, mc)?))
                })
                .await?
            } else {
                let vraag = MonitorVraag { jaar, peildatum, datum };
                // The size class and the Netherlands from every gemeente's quarters.
                let landelijk = gegevens::landelijk(staat, kwartaal_vraag(&vraag)?.2).await?;
                rekenen(move || Ok(buig_rapport::kwartaalmonitor(&monitor_invoer(&g, Some(&landelijk), &vraag, mc, &eigen_gemeenten)?)))
                    .await?
            };
            Ok((doc.met_briefhoofd(briefhoofd.as_ref()), naam))
        }
    }
}

/// The regional overview of `gemeenten` over `jaar` (the regional page).
pub async fn regio(staat: &Staat, gemeenten: &[GemeenteCode], jaar: Year) -> Result<(Document, buig_rapport::RegioInvoer), Fout> {
    let mut geladen = Vec::new();
    for code in gemeenten {
        geladen.push(gegevens::gemeente(staat, *code).await?);
    }
    let mc = staat.instellingen.monte_carlo();
    let datum = buig_dienst::vandaag();
    rekenen(move || {
        let gs: Vec<buig_dienst::Gemeente> = geladen.iter().map(|g| (**g).clone()).collect();
        let invoer = buig_dienst::document::regio::regio_invoer(&gs, &buig_dienst::document::regio::RegioVraag { jaar, datum }, mc);
        Ok((buig_rapport::regio(&invoer), invoer))
    })
    .await
}

/// Renders a document off the async threads (a PDF waits for LibreOffice);
/// a PDF without LibreOffice is a 422 with the reason, other failures internal.
pub async fn maak(doc: Document, formaat: Formaat) -> Result<Vec<u8>, Fout> {
    rekenen(move || {
        let bytes = match formaat {
            Formaat::Html => buig_rapport::html::render_met_stijlblad(&doc, RAPPORT_CSS).into_bytes(),
            _ => buig_rapport::render(&doc, formaat).map_err(|e| match e {
                buig_rapport::RapportFout::Pdf(_) => Fout::Gegevens(e.to_string()),
                e => Fout::Intern(e.to_string()),
            })?,
        };
        Ok(bytes)
    })
    .await
}

/// The links to the document as PDF (when LibreOffice is here) and to its tables in Excel.
pub fn andere_formaten(href: String) -> maud::Markup {
    let excel = href.replace("formaat=pdf", "formaat=xlsx");
    maud::html! {
        @if buig_rapport::pdf::beschikbaar() { " " a.knop.tweede href=(href) { "als PDF" } }
        " " a.knop.tweede href=(excel) { "tabellen in Excel" }
    }
}

/// The answer with the download headers; the printable HTML is shown in the
/// browser (its stylesheet from this app, under the app's own CSP), the others saved.
pub fn download(bytes: Vec<u8>, formaat: Formaat, naam: &str) -> Response {
    let (soort, ext, wijze) = match formaat {
        Formaat::Docx => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "attachment"),
        Formaat::Html => ("text/html; charset=utf-8", "html", "inline"),
        Formaat::Pdf => ("application/pdf", "pdf", "attachment"),
        Formaat::Xlsx => (XLSX, "xlsx", "attachment"),
    };
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(soort));
    if let Ok(v) = HeaderValue::from_str(&format!("{wijze}; filename=\"{naam}.{ext}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}
