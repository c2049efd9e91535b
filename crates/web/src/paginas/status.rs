// SPDX-License-Identifier: EUPL-1.2
//! The data status of a gemeente ("Gegevens"): per year what is there and
//! which answers each gap blocks, each gap linking to the form or the import
//! that fills it (`buig status`).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use buig_dienst::status::DataStatus;
use maud::{html, Markup};

use crate::fout::Fout;
use crate::gegevens;
use crate::pagina;
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

/// GET /g/{code}/gegevens.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let b = gegevens::gemeente(&staat, code).await?;
        let s = buig_dienst::status::status(&b);
        let body = html! {
            h1 { "Gegevens van " (b.naam) }
            p { "Per jaar wat er in de BUIG-monitor staat, en welke antwoorden een ontbrekend gegeven tegenhoudt." }
            (crate::statusblok::checklist(&ik, code, &s))
            (tabel(&s))
        };
        Ok::<_, Fout>(pagina::pagina(&ik, Some((code, &b.naam)), "Gegevens", &format!("Gegevens {}", b.naam), body).into_response())
    }
    .await;
    match r {
        Ok(r) => r,
        Err(e) => pagina::fout_in_gemeente(&staat, &ik, &code, "Gegevens", e).await,
    }
}

fn tabel(s: &DataStatus) -> Markup {
    let ja = |b: bool| if b { "ja" } else { "–" };
    html! {
        h2 { "Per jaar" }
        div.tabelrol tabindex="0" { table {
            caption { "Wat er per jaar in de BUIG-monitor staat" }
            thead { tr {
                th scope="col" { "Jaar" } th scope="col" { "Voorlopig" } th scope="col" { "Nader voorlopig" } th scope="col" { "Definitief" }
                th.getal scope="col" { "Maanden" } th.getal scope="col" { "Uitkeringen" } th.getal scope="col" { "Inwoners" }
                th scope="col" { "Jaarcijfers" } th scope="col" { "Vangnet verleend" } th scope="col" { "Tekort als bedrag" }
            } }
            tbody { @for j in s.jaren.iter().rev() {
                tr {
                    th scope="row" { (j.jaar) } td { (ja(j.voorlopig)) } td { (ja(j.nader_voorlopig)) } td { (ja(j.definitief)) }
                    td.getal { (j.maanden) } td.getal { (buig_core::nl::aantal(j.uitkeringen)) }
                    td.getal { (j.inwoners.map(buig_core::nl::aantal).unwrap_or_else(|| "onbekend".into())) }
                    td { @if j.jaarcijfers.is_empty() { "–" } @else { (j.jaarcijfers.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")) } }
                    td { (match j.verleend { Some(true) => "ja", Some(false) => "nee", None => "onbekend" }) }
                    td { (if j.tekort_bekend { "bekend" } else { "onbekend" }) }
                }
            } }
        } }
    }
}
