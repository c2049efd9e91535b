// SPDX-License-Identifier: EUPL-1.2
//! The caseload page: stock, inflow and outflow with saldo, duration and
//! age bands, exits to work, re-entry and per 1,000 inhabitants
//! (`buig bestand`).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use buig_bestand::Per;
use buig_core::nl;
use maud::html;

use crate::diagrammen;
use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, grafiek};
use crate::sessie::{Ingelogd, Recht};
use crate::vraag::Periode;
use crate::Staat;

/// GET /g/{code}/bestand.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<Periode>) -> Response {
    match inhoud(&staat, &ik, &code, &q).await {
        Ok(r) => r,
        Err(e) => pagina::fout_in_gemeente(&staat, &ik, &code, "Bestand", e).await,
    }
}

fn optie(per: Per, waarde: Per, label: &str) -> maud::Markup {
    html! { option value=(format!("{waarde:?}").to_lowercase()) selected[per == waarde] { (label) } }
}

async fn inhoud(staat: &Staat, ik: &Ingelogd, code: &str, q: &Periode) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::gemeente(staat, code).await?;
    let (van, tot, per) = q.vraag(&b)?;
    let r = gegevens::bestand(staat, code, van, tot, per).await?;
    let werk = |x: Option<f64>| x.map(|w| format!("{}%", pagina::getal(w * 100.0, 1))).unwrap_or_else(|| "–".into());
    let body = html! {
        h1 { "Bijstandsbestand " (b.naam) }
        p { a.knop href={ "/g/" (code) "/rapport/monitor?formaat=docx" } { "Kwartaalmonitor (DOCX)" } " " a.knop.tweede href={ "/g/" (code) "/rapport/monitor?formaat=html" } { "als HTML" } (crate::download::andere_formaten(format!("/g/{code}/rapport/monitor?formaat=pdf"))) }
        form.knoppen method="get" action={ "/g/" (code) "/bestand" } {
            div { label for="van" { "Van" span.hint { "JJJJ-MM" } } input #van name="van" type="text" value=(van.to_string()); }
            div { label for="tot" { "Tot en met" span.hint { "JJJJ-MM" } } input #tot name="tot" type="text" value=(tot.to_string()); }
            div { label for="per" { "Per" } select #per name="per" { (optie(per, Per::Maand, "maand")) (optie(per, Per::Kwartaal, "kwartaal")) (optie(per, Per::Jaar, "jaar")) } }
            div { button type="submit" { "Toon" } }
        }
        (grafiek(&diagrammen::stand(&r, "Uitkeringen aan het eind van de periode")))
        (grafiek(&diagrammen::stromen(&r)))
        (grafiek(&diagrammen::duur(&r)))
        (grafiek(&diagrammen::leeftijd(&r)))
        h2 { "Cijfers per periode" }
        div.tabelrol tabindex="0" { table {
            caption { "Bestand, stromen en kenmerken per " (format!("{per:?}").to_lowercase()) }
            thead { tr {
                th scope="col" { "Periode" } th.getal scope="col" { "Stand" } th.getal scope="col" { "Instroom" } th.getal scope="col" { "Uitstroom" } th.getal scope="col" { "Saldo" }
                th.getal scope="col" { "Uitstroom naar werk" } th.getal scope="col" { "Herinstroom" } th.getal scope="col" { "Per 1.000 inwoners" }
            } }
            tbody { @for p in &r.reeks { tr {
                th scope="row" { (p.periode) } td.getal { (nl::getal(p.stand.into(), 0)) } td.getal { (nl::getal(p.instroom.into(), 0)) } td.getal { (nl::getal(p.uitstroom.into(), 0)) }
                td.getal.neg[p.saldo > 0] { (nl::getal(p.saldo.into(), 0)) } td.getal { (werk(p.uitstroom_werk)) } td.getal { (nl::getal(p.herinstroom.into(), 0)) }
                td.getal { (p.per_1000.map(|x| pagina::getal(x, 2)).unwrap_or_else(|| "–".into())) }
            } } }
        } }
        p.bron { "Definities: stand op de laatste dag van de periode, instroom = uitkeringen die in de periode beginnen, uitstroom = die in de periode eindigen; herinstroom = instroom binnen 12 maanden na een eerdere uitkering. Per 1.000 inwoners alleen waar het inwonertal van dat jaar bekend is." }
    };
    Ok(pagina::pagina(ik, Some((code, &b.naam)), "Bestand", &format!("Bestand {}", b.naam), body).into_response())
}
