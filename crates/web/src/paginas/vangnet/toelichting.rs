// SPDX-License-Identifier: EUPL-1.2
//! The council's own words per vangnet year: the causes (vraag A), the
//! measures taken and the additional measures for an aanhoudend tekort,
//! written here (or read from a file with `buig toelichting`), kept with
//! every earlier version and used by the notitie and the raadsvoorstel.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use buig_core::records::Toelichting;
use buig_core::{nl, GemeenteCode, Year};
use maud::{html, Markup};
use serde::Deserialize;

use crate::fout::Fout;
use crate::pagina;
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

/// The day of a stored UTC timestamp, in Dutch ("4 december 2026").
fn dag(tijd: &str) -> String {
    tijd.get(..10).and_then(|d| d.parse().ok()).map(nl::date_long).unwrap_or_else(|| tijd.to_string())
}

fn veld(naam: &str, label: &str, hint: &str, waarde: &str) -> Markup {
    html! {
        div.veld {
            label for=(naam) { (label) }
            span.hint id={ (naam) "-hint" } { (hint) }
            textarea id=(naam) name=(naam) rows="6" maxlength="20000" aria-describedby={ (naam) "-hint" } { (waarde) }
        }
    }
}

/// The section on the vangnet page: the form (role bewerker) or the text, and its versions.
pub(super) fn sectie(ik: &Ingelogd, code: GemeenteCode, b: &buig_dienst::gemeente::Gemeente, jaar: Year, mag: bool) -> Markup {
    let huidig = b.toelichting(jaar);
    let versies: Vec<&Toelichting> = b.toelichtingen.iter().filter(|t| t.jaar == jaar).rev().collect();
    let tekst = |f: fn(&Toelichting) -> &String| huidig.map(|t| f(t).as_str()).unwrap_or("");
    html! {
        section #toelichting aria-labelledby="toelichting-kop" {
            h2 #toelichting-kop { "Toelichting voor de raad" }
            p { "In de eigen woorden van de gemeente: de notitie vangnet en het raadsvoorstel over " (jaar) " nemen deze tekst over, naast de cijfers over het bestand en het aanvalsplan. Een lege regel begint een nieuwe alinea; regels die met een streepje beginnen, worden een opsomming." }
            @if mag {
                form method="post" action={ "/g/" (code) "/vangnet/toelichting" } {
                    input type="hidden" name="csrf" value=(ik.csrf);
                    input type="hidden" name="jaar" value=(jaar);
                    (veld("oorzaken", "Oorzaken van het tekort", "vraag A van het aanvraagformulier: bijvoorbeeld het budgetaandeel, de samenstelling van het bestand, de dienstverlening", tekst(|t| &t.oorzaken)))
                    (veld("maatregelen", "Getroffen maatregelen en hun beoogde effect", "vragen B en C: interne en externe maatregelen en wat ze het tekort moeten schelen", tekst(|t| &t.maatregelen)))
                    (veld("aanvullende_maatregelen", "Aanvullende maatregelen bij een aanhoudend tekort", "alleen nodig bij een uitgebreid verzoek (voorwaarde e)", tekst(|t| &t.aanvullende_maatregelen)))
                    p { button type="submit" { "Toelichting opslaan" } }
                }
            } @else if let Some(t) = huidig {
                @for (kop, inhoud) in [("Oorzaken van het tekort", &t.oorzaken), ("Getroffen maatregelen", &t.maatregelen), ("Aanvullende maatregelen", &t.aanvullende_maatregelen)] {
                    @if !inhoud.trim().is_empty() { h3 { (kop) } @for a in inhoud.split("\n\n") { p { (a) } } }
                }
            } @else {
                p { "Er is nog geen toelichting geschreven." }
            }
            @if !versies.is_empty() {
                details {
                    summary { "Eerdere versies (" (versies.len()) ")" }
                    ul { @for v in &versies { li { "Versie " (v.versie) ", " (dag(&v.gewijzigd)) @if let Some(d) = &v.door { ", door " (d) } } } }
                }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ToelichtingForm {
    csrf: String,
    jaar: String,
    oorzaken: String,
    maatregelen: String,
    aanvullende_maatregelen: String,
}

/// POST /g/{code}/vangnet/toelichting (role bewerker).
pub async fn opslaan(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<ToelichtingForm>,
) -> Response {
    let r = async {
        let gm = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let jaar: Year = match f.jaar.trim().parse() {
            Ok(j) => j,
            Err(e) => return Err(Fout::Gegevens(format!("jaar: {e}"))),
        };
        let t = Toelichting {
            jaar,
            versie: 0,
            oorzaken: f.oorzaken.trim().to_string(),
            maatregelen: f.maatregelen.trim().to_string(),
            aanvullende_maatregelen: f.aanvullende_maatregelen.trim().to_string(),
            gewijzigd: String::new(),
            door: None,
        };
        // The text areas hold at most what the store takes, so only a hand-made request is refused here.
        staat.store.zet_toelichting(gm, &t, Some(&ik.gebruiker.naam)).await.map_err(|e| Fout::Gegevens(e.to_string()))?;
        Ok::<_, Fout>(
            axum::response::Redirect::to(&format!("/g/{gm}/vangnet?jaar={jaar}&opgeslagen=toelichting#toelichting")).into_response(),
        )
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
