// SPDX-License-Identifier: EUPL-1.2
//! The budget page: the three decisions per year, every change split into
//! macro and share effect, net costs, result and the vangnet position per
//! year (`buig budget`).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use buig_core::records::BudgetSoort;
use maud::html;

use crate::diagrammen;
use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, euro, grafiek, pct};
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

/// GET /g/{code}/budget.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>) -> Response {
    match inhoud(&staat, &ik, &code).await {
        Ok(r) => r,
        Err(e) => pagina::fout_in_gemeente(&staat, &ik, &code, "Budget", e).await,
    }
}

async fn inhoud(staat: &Staat, ik: &Ingelogd, code: &str) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::gemeente(staat, code).await?;
    let o = gegevens::budget(staat, code).await?;
    let bedrag = |j: &buig_prognose::budget::BudgetJaar, s: BudgetSoort| j.beschikkingen.iter().find(|b| b.soort == s).map(|b| b.bedrag);
    let body = html! {
        h1 { "Budget " (b.naam) }
        p { a.knop href={ "/g/" (code) "/rapport/raadsmededeling?formaat=docx" } { "Raadsmededeling budget (DOCX)" } " " a.knop.tweede href={ "/g/" (code) "/rapport/raadsmededeling?formaat=html" } { "als HTML" } (crate::download::andere_formaten(format!("/g/{code}/rapport/raadsmededeling?formaat=pdf"))) }
        p { "De beschikkingen per jaar (voorlopig, nader voorlopig, definitief), de netto lasten (lasten min baten) en het resultaat. Een negatief resultaat is een tekort; het percentage is het tekort als deel van het definitieve budget." }
        @if o.jaren.is_empty() {
            p.melding.let-op { "Er staan geen budgetten of realisatie van " (b.naam) " in de database." }
        } @else {
            (grafiek(&diagrammen::budget_jaren(&o, None)))
            div.tabelrol tabindex="0" {
                table {
                    caption { "Budget, lasten en resultaat per jaar" }
                    thead { tr {
                        th scope="col" { "Jaar" } th.getal scope="col" { "Voorlopig" } th.getal scope="col" { "Nader voorlopig" } th.getal scope="col" { "Definitief" }
                        th.getal scope="col" { "Netto lasten" } th.getal scope="col" { "Resultaat" } th.getal scope="col" { "Tekort %" } th scope="col" { "Vangnet" }
                    } }
                    tbody {
                        @for j in &o.jaren {
                            tr {
                                th scope="row" { (j.jaar) }
                                td.getal { (euro(bedrag(j, BudgetSoort::Voorlopig))) }
                                td.getal { (euro(bedrag(j, BudgetSoort::NaderVoorlopig))) }
                                td.getal { (euro(bedrag(j, BudgetSoort::Definitief))) }
                                td.getal { (euro(j.netto_lasten)) @if j.maanden > 0 && j.maanden < 12 { " " span.klein { "(" (j.maanden) " mnd)" } } }
                                td.getal.neg[j.resultaat.is_some_and(|r| r.cents() < 0)] { (euro(j.resultaat)) }
                                td.getal { (pct(j.tekort_percentage)) }
                                td { @if let Some(v) = &j.vangnet { (buig_prognose::zinnen::positie_kort(v)) } @else { "–" } }
                            }
                        }
                    }
                }
            }
            h2 { "Wijzigingen van het budget: macro- en aandeeleffect" }
            p { "Elke wijziging tussen twee beschikkingen, gesplitst in het effect van het landelijke macrobudget en het effect van het aandeel van de gemeente daarin (aandeel = (budget − BLKS) ÷ macrobudget). De twee effecten tellen op tot de cent op tot het verschil (zonder BLKS)." }
            div.tabelrol tabindex="0" {
                table {
                    caption { "Wijzigingen tussen beschikkingen" }
                    thead { tr { th scope="col" { "Van" } th scope="col" { "Naar" } th.getal scope="col" { "Verschil" } th.getal scope="col" { "Macro-effect" } th.getal scope="col" { "Aandeeleffect" } th.getal scope="col" { "BLKS" } } }
                    tbody {
                        @for w in &o.wijzigingen {
                            tr { td { (w.van) } td { (w.naar) } td.getal { (euro(Some(w.verschil))) } td.getal { (euro(w.macro_effect)) } td.getal { (euro(w.aandeel_effect)) } td.getal { (euro(w.blks_verschil)) } }
                        }
                    }
                }
            }
            @for w in &o.waarschuwingen { p.melding.let-op { (w) } }
        }
        p.bron { "Bron: de beschikkingen, de maandrealisatie en de vastgelegde jaarcijfers in de database; macrobudgetten uit de beschikkingen of de landelijke reeks." }
    };
    Ok(pagina::pagina(ik, Some((code, &b.naam)), "Budget", &format!("Budget {}", b.naam), body).into_response())
}
