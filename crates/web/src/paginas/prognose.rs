// SPDX-License-Identifier: EUPL-1.2
//! The prognosis page: the expected result of a year at a peildatum with
//! its spread (Monte Carlo), the narrowing through the year, and one
//! scenario set with knobs beside the baseline (`buig prognose`).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use buig_core::nl;
use maud::html;

use crate::diagrammen;
use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, euro, grafiek, pct};
use crate::sessie::{Ingelogd, Recht};
use crate::vraag::Knoppen;
use crate::Staat;
use buig_core::nl::kans;

/// GET /g/{code}/prognose.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(k): Query<Knoppen>) -> Response {
    match inhoud(&staat, &ik, &code, &k).await {
        Ok(r) => r,
        Err(e) => pagina::fout_response(Some(&ik), e),
    }
}

fn veld(naam: &str, label: &str, hint: &str, waarde: &Option<String>) -> maud::Markup {
    html! {
        div {
            label for=(naam) { (label) span.hint { (hint) } }
            input id=(naam) name=(naam) type="text" inputmode="decimal" value=(waarde.as_deref().unwrap_or(""));
        }
    }
}

async fn inhoud(staat: &Staat, ik: &Ingelogd, code: &str, k: &Knoppen) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::gemeente(staat, code).await?;
    let keuze = k.keuze(&b)?;
    let r = gegevens::prognose(staat, code, keuze.clone()).await?;
    let p = &r.prognose;
    let s = r.scenarios.first();
    let body = html! {
        h1 { "Prognose " (p.jaar) " — " (b.naam) }
        p { "Peildatum " (nl::date_long(keuze.peildatum)) ": " (p.gerealiseerde_maanden) " maanden gerealiseerd, de rest geprojecteerd met de in- en uitstroom van de afgelopen jaren. Budget: " (buig_prognose::budget::soort_label(p.budget.soort)) " budget" " (" (euro(Some(p.budget.bedrag))) ")." }
        form.knoppen method="get" action={ "/g/" (code) "/prognose" } {
            (veld("jaar", "Jaar", "bijv. 2026", &k.jaar))
            div { label for="peildatum" { "Peildatum" span.hint { "laatste maand met realisatie als leeg" } } input #peildatum name="peildatum" type="date" value=(k.peildatum.as_deref().unwrap_or("")); }
            (veld("instroom_pct", "Instroom (%)", "−10 = 10% minder instroom", &k.instroom_pct))
            (veld("uitstroom_pct", "Uitstroomkans (%)", "+10 = 10% meer uitstroom", &k.uitstroom_pct))
            (veld("minder_uitkeringen_eind_jaar", "Minder uitkeringen eind jaar", "doel van het aanvalsplan", &k.minder_uitkeringen_eind_jaar))
            (veld("prijs_pct", "Prijs per uitkering (%)", "rest van het jaar", &k.prijs_pct))
            (veld("lks_pct", "Loonkostensubsidie (%)", "rest van het jaar", &k.lks_pct))
            (veld("aandeel_pct", "Budgetaandeel (%)", "op het budget zonder BLKS", &k.aandeel_pct))
            div { button type="submit" { "Bereken" } " " a.knop.tweede href={ "/g/" (code) "/prognose" } { "Herstel" } }
        }
        div.tabelrol { table {
            caption { "Uitkomst " (p.jaar) }
            thead { tr { th scope="col" { "" } th.getal scope="col" { "Basis" } @if s.is_some() { th.getal scope="col" { "Scenario" } th.getal scope="col" { "Verschil" } } } }
            tbody {
                tr { th scope="row" { "Netto lasten" } td.getal { (euro(Some(p.netto_lasten))) } @if let Some(s) = s { td.getal { (euro(Some(s.netto_lasten))) } td.getal { (euro(Some(s.verschil_netto_lasten))) } } }
                tr { th scope="row" { "Budget" } td.getal { (euro(Some(p.budget_bedrag))) } @if let Some(s) = s { td.getal { (euro(Some(s.budget_bedrag))) } td.getal { (euro(Some(s.budget_bedrag - p.budget_bedrag))) } } }
                tr { th scope="row" { "Resultaat" } td.getal.neg[p.resultaat.cents() < 0] { (euro(Some(p.resultaat))) } @if let Some(s) = s { td.getal.neg[s.resultaat.cents() < 0] { (euro(Some(s.resultaat))) } td.getal { (euro(Some(s.verschil_resultaat))) } } }
                tr { th scope="row" { "Tekort in % van het budget" } td.getal { (pct(Some(p.tekort_percentage))) } @if let Some(s) = s { td.getal { (pct(Some(s.tekort_percentage))) } td {} } }
                @if let Some(on) = &r.onzekerheid {
                    tr { th scope="row" { "P10 – P90 resultaat" } td.getal { (euro(Some(on.p10))) " – " (euro(Some(on.p90))) } @if let Some(s) = s { td.getal { @if let Some(so) = &s.onzekerheid { (euro(Some(so.p10))) " – " (euro(Some(so.p90))) } } td {} } }
                    tr { th scope="row" { "Kans op een tekort" } td.getal { (kans(on.kans_tekort)) } @if let Some(s) = s { td.getal { @if let Some(so) = &s.onzekerheid { (kans(so.kans_tekort)) } } td {} } }
                    tr { th scope="row" { "Kans op een vangnetuitkering" } td.getal { (kans(on.kans_vangnet)) } @if let Some(s) = s { td.getal { @if let Some(so) = &s.onzekerheid { (kans(so.kans_vangnet)) } } td {} } }
                    tr { th scope="row" { "Verwachte vangnetuitkering" } td.getal { (nl::money(on.verwachte_vangnetuitkering)) } @if let Some(s) = s { td.getal { @if let Some(so) = &s.onzekerheid { (nl::money(so.verwachte_vangnetuitkering)) } } td {} } }
                }
                tr { th scope="row" { "Vangnet (verwachting)" } td { @if let Some(v) = &p.vangnet { (pagina::vangnet_tekst(v)) } } @if let Some(s) = s { td { @if let Some(v) = &s.vangnet { (pagina::vangnet_tekst(v)) } } td {} } }
            }
        } }
        @if !r.verloop.is_empty() { (grafiek(&diagrammen::waaier(&r))) }
        (grafiek(&diagrammen::stand_prognose(&r)))
        h2 { "Per maand" }
        div.tabelrol { table {
            caption { "Uitkeringen en netto lasten per maand " (p.jaar) }
            thead { tr { th scope="col" { "Maand" } th scope="col" { "Stadium" } th.getal scope="col" { "Uitkeringen" } th.getal scope="col" { "Netto lasten" } } }
            tbody { @for m in &p.maanden { tr { th scope="row" { (m.maand) } td { (m.stadium.code()) } td.getal { (pagina::getal(m.stand, 0)) } td.getal { (euro(Some(m.netto_lasten))) } } } }
        } }
        @for w in &p.waarschuwingen { p.melding.let-op { (w) } }
        p.bron { "Prijs per uitkering " (nl::euro_cent(p.prijs_per_uitkering)) " per maand; LKS " (euro(Some(p.lks_per_maand))) " per maand; historie " (p.historie_jaren.iter().map(|j| j.to_string()).collect::<Vec<_>>().join(", ")) ". Dezelfde berekening als " code { "buig prognose --gemeente " (code) " --jaar " (p.jaar) " --peildatum " (keuze.peildatum) } "." }
    };
    Ok(pagina::pagina(ik, Some((code, &b.naam)), "Prognose", &format!("Prognose {}", b.naam), body).into_response())
}
