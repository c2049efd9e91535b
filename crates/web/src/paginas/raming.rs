// SPDX-License-Identifier: EUPL-1.2
//! The multi-year outlook (meerjarenraming): the current year and four
//! years ahead with budget, net costs and result as P10/P50/P90, the chance
//! of a shortfall and of a vangnet right, and what the later years rest on
//! (`buig raming`).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use buig_core::nl;
use buig_prognose::raming::RamingStadium;
use maud::html;
use rust_decimal::Decimal;

use crate::diagrammen;
use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, euro, grafiek};
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

/// GET /g/{code}/raming.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>) -> Response {
    match inhoud(&staat, &ik, &code).await {
        Ok(r) => r,
        Err(e) => pagina::fout_in_gemeente(&staat, &ik, &code, "Raming", e).await,
    }
}

/// Where a year's budget comes from, in a word for the table (the list below explains).
fn kort(bron: &str) -> &'static str {
    if bron.starts_with("macrobudget (bekend)") {
        "macrobudget bekend"
    } else if bron.starts_with("macrobudget") {
        "trend"
    } else {
        "beschikking"
    }
}

fn procent(x: f64) -> String {
    nl::procent(Decimal::from_f64_retain(x * 100.0).unwrap_or_default(), 1)
}

async fn inhoud(staat: &Staat, ik: &Ingelogd, code: &str) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::gemeente(staat, code).await?;
    let r = gegevens::raming(staat, code).await?;
    let laatste = r.jaren.last();
    let g = &r.grondslag;
    let body = html! {
        h1 { "Meerjarenraming — " (b.naam) }
        p { "Peildatum " (nl::date_long(r.peildatum)) ". Het lopende jaar is de prognose; de jaren daarna zijn een raming: het bestand doorgetrokken met de in- en uitstroom van de afgelopen jaren, de prijs per uitkering met de eigen prijsstijging, en het budget uit een bekende beschikking of anders uit de ontwikkeling van het macrobudget en het eigen aandeel." }
        @if let Some(j) = laatste {
            p.antwoord {
                "Verwacht resultaat " (j.jaar) ": " strong { (buig_prognose::zinnen::resultaat_woorden(j.resultaat.p50)) }
                "; met 80% zekerheid " (buig_prognose::zinnen::band_woorden(j.resultaat.p10, j.resultaat.p90)) ". Kans op een tekort: " (nl::kans(j.kans_tekort)) "."
            }
        }
        (grafiek(&diagrammen::raming(&r)))
        div.tabelrol tabindex="0" { table {
            caption { "Meerjarenraming per jaar (P50, met P10–P90 van het resultaat)" }
            thead { tr {
                th scope="col" { "Jaar" } th.getal scope="col" { "Budget" } th.getal scope="col" { "Netto lasten" } th.getal scope="col" { "Resultaat" }
                th.getal scope="col" { "P10 – P90" } th.getal scope="col" { "Kans op een tekort" } th.getal scope="col" { "Kans op een vangnetuitkering" } th scope="col" { "Budget" }
            } }
            tbody { @for j in &r.jaren {
                tr {
                    th scope="row" { (j.jaar) @if j.stadium == RamingStadium::Prognose { " (prognose)" } }
                    td.getal { (euro(Some(j.budget.p50))) }
                    td.getal { (euro(Some(j.netto_lasten.p50))) }
                    td.getal.neg[j.resultaat.p50.is_negative()] { (euro(Some(j.resultaat.p50))) }
                    td.getal { (euro(Some(j.resultaat.p10))) " – " (euro(Some(j.resultaat.p90))) }
                    td.getal { (nl::kans(j.kans_tekort)) }
                    td.getal { (j.kans_vangnet.map(nl::kans).unwrap_or_else(|| "onbekend".into())) }
                    td { (kort(&j.budget_bron)) }
                }
            } }
        } }
        @if let Some((j, reden)) = r.jaren.iter().find_map(|j| j.vangnet_reden.as_ref().map(|x| (j.jaar, x))) {
            p { "Kans op een vangnetuitkering vanaf " (j) " onbekend: " (reden) "." }
        }
        h2 { "Waar de raming op rust" }
        ul {
            li { "Prijs per uitkering: " (procent(g.prijsstijging)) " per jaar erbij (spreiding " (procent(g.prijsstijging_sd)) "), gemeten over " (nl::opsomming(&g.prijs_jaren.iter().map(|j| j.to_string()).collect::<Vec<_>>())) "." }
            li { "Macrobudget: " (procent(g.macro_groei)) " per jaar (spreiding " (procent(g.macro_groei_sd)) "), uit de landelijke definitieve budgetten; waar het budget van een jaar al bekend is, telt dat." }
            li { "Aandeel van de gemeente: " (procent(g.aandeel_groei)) " per jaar (spreiding " (procent(g.aandeel_groei_sd)) ")." }
            li { "Budget: \"beschikking\" is een bekende beschikking, doorgerekend naar het verwachte definitieve budget; \"trend\" is het budget van het jaar ervoor maal de groei van het macrobudget en van het aandeel; \"macrobudget bekend\" gebruikt het al bekende landelijke budget van dat jaar." }
            li { (nl::aantal(r.runs)) " doorrekeningen; het lopende jaar met dezelfde doorrekeningen als de prognose." }
        }
        @for w in &r.waarschuwingen { p.melding.let-op { (w) } }
    };
    Ok(pagina::pagina(ik, Some((code, &b.naam)), "Raming", &format!("Meerjarenraming {}", b.naam), body).into_response())
}
