// SPDX-License-Identifier: EUPL-1.2
//! One handler per page. Every handler of a gemeente's page first turns the
//! code in the URL into a gemeente the user may see (`Ingelogd::gemeente`),
//! then asks `gegevens` for the figures, then renders. No page module uses
//! another: what two pages share lives beside them (`pagina`, `diagrammen`,
//! `vraag`, `download`).

pub mod agenda;
pub mod bestand;
pub mod budget;
pub mod import;
pub mod overzicht;
pub mod plan;
pub mod prognose;
pub mod raming;
pub mod rapport;
pub mod regio;
pub mod status;
pub mod vangnet;
pub mod vergelijking;

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use crate::pagina;
use crate::sessie::Ingelogd;
use crate::Staat;

/// GET /: straight to the gemeente when the user has one, else a choice.
pub async fn start(State(staat): State<Staat>, ik: Ingelogd) -> Response {
    let gemeenten = ik.gebruiker.gemeenten();
    match gemeenten.as_slice() {
        [enige] => Redirect::to(&format!("/g/{enige}")).into_response(),
        _ => {
            let mut rijen = Vec::new();
            for code in &gemeenten {
                let naam = staat.store.gemeente(*code).await.ok().flatten().map(|g| g.naam).unwrap_or_else(|| code.to_string());
                rijen.push((code, naam));
            }
            let body = html! {
                h1 { "Kies een gemeente" }
                @if rijen.is_empty() {
                    p.melding.let-op { "Uw account heeft nog geen rol op een gemeente. Vraag een beheerder om u toegang te geven." }
                } @else {
                    p { "U heeft toegang tot " (rijen.len()) " gemeenten." }
                    ul { @for (code, naam) in &rijen { li { a href={ "/g/" (code) } { (naam) } " " span.klein { (code) " — " (ik.gebruiker.rol(code).map(|r| r.to_string()).unwrap_or_default()) } } } }
                }
            };
            pagina::pagina(&ik, None, "", "Kies een gemeente", body).into_response()
        }
    }
}
