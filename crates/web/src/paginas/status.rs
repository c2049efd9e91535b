// SPDX-License-Identifier: EUPL-1.2
//! The data status of a gemeente ("Gegevens"): per year what is there and
//! which answers each gap blocks, each gap linking to the form or the import
//! that fills it (`buig status`).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use buig_core::records::Briefhoofd;
use buig_dienst::status::DataStatus;
use maud::{html, Markup};

use crate::fout::Fout;
use crate::gegevens;
use crate::pagina;
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

/// GET /g/{code}/gegevens.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<GegevensQuery>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let b = gegevens::gemeente(&staat, code).await?;
        let s = buig_dienst::status::status(&b);
        let body = html! {
            @if q.opgeslagen.as_deref() == Some("briefhoofd") { p.melding.goed role="status" { "Het briefhoofd is opgeslagen; de documenten gebruiken het voortaan." } }
            h1 { "Gegevens van " (b.naam) }
            p { "Per jaar wat er in de BUIG-monitor staat, en welke antwoorden een ontbrekend gegeven tegenhoudt." }
            (crate::statusblok::checklist(&ik, code, &s))
            (tabel(&s))
            (briefhoofd_form(&ik, code, b.briefhoofd.as_ref(), ik.gebruiker.mag_bewerken(&code), None))
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

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct GegevensQuery {
    /// What was just saved, as a code; never shown as given.
    opgeslagen: Option<String>,
}

/// The letterhead of the gemeente's documents: a form for an editor, the lines for a viewer.
fn briefhoofd_form(ik: &Ingelogd, code: buig_core::GemeenteCode, b: Option<&Briefhoofd>, mag: bool, fout: Option<(&str, &str)>) -> Markup {
    let leeg = Briefhoofd::default();
    let b = b.unwrap_or(&leeg);
    let velden = [
        ("afdeling", "Afdeling", "bijvoorbeeld Werk en Inkomen", &b.afdeling),
        ("auteur", "Auteur", "wie de documenten opstelt", &b.auteur),
        ("notanummer", "Notanummer", "het kenmerk van de notitie", &b.notanummer),
        ("portefeuillehouder", "Portefeuillehouder", "de wethouder; staat in het raadsvoorstel", &b.portefeuillehouder),
    ];
    html! {
        section #briefhoofd aria-labelledby="briefhoofd-kop" {
            h2 #briefhoofd-kop { "Briefhoofd van de documenten" }
            @if mag {
                p { "Eén keer invullen: de notitie vangnet, de raadsmededeling en de kwartaalmonitor nemen deze gegevens over." }
                form.knoppen method="post" action={ "/g/" (code) "/briefhoofd" } {
                    input type="hidden" name="csrf" value=(ik.csrf);
                    @for (naam, label, hint, waarde) in velden {
                        @let fout_hier = fout.filter(|(v, _)| *v == naam).map(|(_, m)| m);
                        div {
                            label for=(naam) { (label) span.hint id={ (naam) "-hint" } { (hint) } }
                            input id=(naam) name=(naam) type="text" maxlength="200" value=(waarde)
                                aria-invalid=[fout_hier.map(|_| "true")] aria-describedby={ (naam) "-hint" @if fout_hier.is_some() { " " (naam) "-fout" } };
                            @if let Some(m) = fout_hier { span.veldfout id={ (naam) "-fout" } { (m) } }
                        }
                    }
                    div { button type="submit" { "Briefhoofd opslaan" } }
                }
            } @else if b.kenmerken().is_empty() {
                p { "Er is nog geen briefhoofd ingevuld." }
            } @else {
                dl { @for (k, v) in b.kenmerken() { dt { (k) } dd { (v) } } }
            }
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct BriefhoofdForm {
    csrf: String,
    afdeling: String,
    auteur: String,
    notanummer: String,
    portefeuillehouder: String,
}

/// POST /g/{code}/briefhoofd (role bewerker).
pub async fn briefhoofd(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<BriefhoofdForm>,
) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let b = Briefhoofd { afdeling: f.afdeling, auteur: f.auteur, notanummer: f.notanummer, portefeuillehouder: f.portefeuillehouder };
        match staat.store.zet_briefhoofd(code, &b, Some(&ik.gebruiker.naam)).await {
            Ok(()) => Ok(axum::response::Redirect::to(&format!("/g/{code}/gegevens?opgeslagen=briefhoofd#briefhoofd")).into_response()),
            Err(buig_store::StoreError::Data { veld, melding }) => {
                let g = gegevens::gemeente(&staat, code).await?;
                let body = html! {
                    p.melding.fout role="alert" { "Niet opgeslagen: " (veld) ": " (melding) "." }
                    h1 { "Gegevens van " (g.naam) }
                    (briefhoofd_form(&ik, code, Some(&b), true, Some((veld.as_str(), melding.as_str()))))
                };
                let p = pagina::pagina(&ik, Some((code, &g.naam)), "Gegevens", &format!("Gegevens {}", g.naam), body);
                Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, p).into_response())
            }
            Err(e) => Err(Fout::from(e)),
        }
    }
    .await;
    r.unwrap_or_else(|e: Fout| pagina::fout_response(Some(&ik), e))
}
