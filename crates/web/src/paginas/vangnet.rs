//! The vangnet page: for one year, the full explanation of the rules engine
//! — conditions, thresholds, the multi-year test, the steps of the
//! calculation with their articles — exactly as the notitie vangnet states
//! it, and the notitie itself as DOCX or HTML.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use buig_core::{nl, Year};
use maud::html;
use serde::Deserialize;

use crate::auth::{Ingelogd, Recht};
use crate::gegevens::{self, Fout};
use crate::pagina::{self, euro};
use crate::Staat;

#[derive(Debug, Default, Deserialize)]
pub struct JaarQuery {
    pub jaar: Option<String>,
    pub formaat: Option<String>,
}

/// The years with a vangnet position, newest first; the default is the newest realised one.
fn jaren(o: &buig_prognose::BudgetOverzicht) -> Vec<(Year, bool)> {
    let mut v: Vec<(Year, bool)> = o.jaren.iter().filter_map(|j| j.vangnet.as_ref().map(|v| (j.jaar, v.stadium == "realisatie"))).collect();
    v.sort_by(|a, b| b.0.cmp(&a.0));
    v
}

fn kies_jaar(q: &JaarQuery, o: &buig_prognose::BudgetOverzicht) -> Result<Year, Fout> {
    match q.jaar.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(j) => j.parse().map_err(|e| Fout::Gegevens(format!("jaar: {e}"))),
        None => {
            let js = jaren(o);
            js.iter()
                .find(|(_, realisatie)| *realisatie)
                .or(js.first())
                .map(|(j, _)| *j)
                .ok_or_else(|| Fout::Gegevens("er is geen jaar met een definitief budget en een tekort of overschot in de database".into()))
        }
    }
}

/// GET /g/{code}/vangnet.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<JaarQuery>) -> Response {
    match inhoud(&staat, &ik, &code, &q).await {
        Ok(r) => r,
        Err(e) => pagina::fout_response(Some(&ik), e),
    }
}

fn ja_nee(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "ja",
        Some(false) => "nee",
        None => "onbekend",
    }
}

async fn inhoud(staat: &Staat, ik: &Ingelogd, code: &str, q: &JaarQuery) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::basis(staat, code).await?;
    let o = gegevens::budget(staat, code).await?;
    let jaar = kies_jaar(q, &o)?;
    let keuzes = jaren(&o);
    let n = gegevens::vangnet(staat, code, jaar).await;
    let body = html! {
        h1 { "Vangnet " (jaar) " — " (b.naam) }
        @if !keuzes.is_empty() {
            nav aria-label="Jaren" { p { "Jaar: " @for (j, _) in &keuzes { a href={ "/g/" (code) "/vangnet?jaar=" (j) } aria-current=[(*j == jaar).then_some("page")] { (j) } " " } } }
        }
        @match &n {
            Err(e) => { p.melding.let-op role="alert" { (e) } }
            Ok(n) => {
                @let r = &n.resultaat;
                p.antwoord {
                    @match (r.recht, r.vangnetuitkering) {
                        (Some(true), Some(u)) => { "Recht op een vangnetuitkering over " (jaar) " van " strong { (nl::euro(u)) } "." }
                        (Some(false), _) => { "Geen recht op een vangnetuitkering over " (jaar) "." }
                        _ => { "Het recht over " (jaar) " is nog niet vast te stellen; indien voorwaarde b vervuld is: " strong { (nl::euro(r.vangnetuitkering_indien_recht)) } "." }
                    }
                    " Cijfers: " (n.stadium) "."
                }
                p { a.knop href={ "/g/" (code) "/vangnet/notitie?jaar=" (jaar) "&formaat=docx" } { "Notitie vangnet " (jaar) " (DOCX)" } " "
                    a.knop.tweede href={ "/g/" (code) "/vangnet/notitie?jaar=" (jaar) "&formaat=html" } { "Notitie als HTML" } }
                h2 { "Voorwaarden" }
                dl.feiten {
                    dt { "Regel" } dd { (r.regel_titel) " (" (r.regel) ", status: " (r.status) ")" }
                    dt { "Budget " (jaar) } dd { (euro(Some(r.budget))) }
                    dt { "Tekort " (jaar) } dd { (euro(Some(r.tekort))) " = " (nl::percentage(r.tekort_percentage)) " van het budget" }
                    dt { "a. Tekort boven de drempel" } dd { (ja_nee(Some(r.voorwaarde_a))) " (drempel " (nl::rule_percentage(r.drempel_percentage)) " = " (nl::euro(r.drempel_bedrag)) ")" }
                    dt { "b. Meerjarig tekort" } dd {
                        (ja_nee(r.voorwaarde_b))
                        @if let (Some(t), Some(p)) = (r.meerjarig_tekort, r.meerjarig_percentage) {
                            " (" (r.meerjarig_jaren.iter().map(|j| j.to_string()).collect::<Vec<_>>().join(", ")) ": " (euro(Some(t))) " = " (nl::percentage(p))
                            @if let Some(d) = r.meerjarig_drempel_percentage { ", drempel " (nl::rule_percentage(d)) } ")"
                        }
                    }
                    dt { "Route" } dd { (r.route) @if r.aanhoudend_tekort { " (aanhoudend tekort)" } }
                    dt { "Vangnetuitkering" } dd { (r.vangnetuitkering.map(nl::euro).unwrap_or_else(|| "onbekend".into())) @if let Some(e) = r.eigen_risico { " — eigen risico " (nl::euro(e)) } }
                    dt { "Formulier" } dd { (r.formulier) @if r.instemming_raad { " — met instemming van de gemeenteraad" } }
                    dt { "Uiterste indiendatum" } dd { (r.uiterste_indiendatum) }
                }
                h2 { "De berekening stap voor stap" }
                div.tabelrol { table {
                    caption { "Stappen van de berekening" }
                    thead { tr { th scope="col" { "Stap" } th scope="col" { "" } th scope="col" { "Omschrijving" } th.getal scope="col" { "Bedrag" } } }
                    tbody { @for s in &r.stappen { tr { th scope="row" { (s.stap) } td { (s.symbool) } td { (s.omschrijving) } td.getal { (s.bedrag.map(nl::euro_cent).unwrap_or_else(|| "–".into())) } } } }
                } }
                h2 { "Jaren" }
                div.tabelrol { table {
                    caption { "Budget en tekort per jaar" }
                    thead { tr { th scope="col" { "Jaar" } th.getal scope="col" { "Budget" } th.getal scope="col" { "Lasten" } th.getal scope="col" { "Baten" } th.getal scope="col" { "Tekort" } th.getal scope="col" { "%" } } }
                    tbody { @for j in &r.jaren { tr { th scope="row" { (j.jaar) } td.getal { (euro(j.budget)) } td.getal { (euro(j.lasten)) } td.getal { (euro(j.baten)) } td.getal { (euro(Some(j.tekort))) } td.getal { (j.tekort_percentage.map(nl::percentage).unwrap_or_else(|| "–".into())) } } } }
                } }
                h2 { "Uitleg" }
                ul.uitleg { @for u in &r.uitleg { li { (u) } } }
                @for w in &r.waarschuwingen { p.melding.let-op { (w) } }
                h2 { "Bronnen" }
                ul.bron { @for s in &r.bronnen { li { (s) } } }
            }
        }
    };
    Ok(pagina::pagina(ik, Some((code, &b.naam)), "Vangnet", &format!("Vangnet {} {}", jaar, b.naam), body).into_response())
}

/// GET /g/{code}/vangnet/notitie?jaar=…&formaat=docx|html: the notitie vangnet as a download.
pub async fn notitie(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<JaarQuery>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let o = gegevens::budget(&staat, code).await?;
        let jaar = kies_jaar(&q, &o)?;
        let formaat: buig_rapport::Formaat = q.formaat.as_deref().unwrap_or("docx").parse().map_err(Fout::Gegevens)?;
        let n = gegevens::notitie(&staat, code, jaar).await?;
        let bytes = buig_rapport::render(&n.document, formaat).map_err(|e| Fout::Intern(e.to_string()))?;
        Ok::<_, Fout>(crate::paginas::rapport::download(bytes, formaat, &format!("notitie-vangnet-{code}-{jaar}")))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
