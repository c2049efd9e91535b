// SPDX-License-Identifier: EUPL-1.2
//! The agenda of a gemeente (`/g/{code}/agenda`): the vangnet deadlines,
//! the expected budget decisions, the council dates it entered and the
//! plan's quarter reviews ([`buig_dienst::agenda`]), and a calendar feed
//! for an agenda program behind a token made on this page
//! (`/agenda/{token}.ics`; the user's role is checked on every read).

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use buig_core::{nl, GemeenteCode};
use buig_dienst::agenda::{agenda, Punt, Soort};
use jiff::civil::Date;
use maud::{html, Markup};
use serde::Deserialize;

use crate::fout::Fout;
use crate::gegevens;
use crate::pagina;
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

/// A date as people type it: `2026-10-15`, `15-10-2026` or `15/10/2026`.
pub fn lees_dag(s: &str) -> Result<Date, String> {
    let t = s.trim();
    if let Ok(d) = t.parse::<Date>() {
        return Ok(d);
    }
    let delen: Vec<&str> = t.split(['-', '/']).collect();
    if let [d, m, j] = delen.as_slice() {
        if let (Ok(d), Ok(m), Ok(j)) = (d.parse::<i8>(), m.parse::<i8>(), j.parse::<i16>()) {
            if j >= 1000 {
                return Date::new(j, m, d).map_err(|_| format!("\"{t}\" bestaat niet in de kalender"));
            }
        }
    }
    Err(format!("\"{t}\" is geen datum; schrijf bijvoorbeeld 15-10-2026"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AgendaQuery {
    opgeslagen: Option<String>,
}

/// The window of the page: three months back, fifteen ahead.
fn venster(vandaag: Date) -> (Date, Date) {
    (
        vandaag.checked_sub(jiff::Span::new().months(3)).unwrap_or(vandaag),
        vandaag.checked_add(jiff::Span::new().months(15)).unwrap_or(vandaag),
    )
}

async fn punten(staat: &Staat, code: GemeenteCode, van: Date, tot: Date) -> Result<Vec<Punt>, Fout> {
    let g = gegevens::gemeente(staat, code).await?;
    let eigen = staat.store.agendapunten(code).await?;
    let plan = gegevens::plan(staat, code, None).await?;
    let plan = plan.as_ref().map(|p| (p.titel.as_str(), p.van, p.tot));
    Ok(agenda(&g, &eigen, plan, van, tot, buig_dienst::vandaag()))
}

fn lijst(punten: &[Punt], ik: &Ingelogd, code: GemeenteCode, mag: bool, vandaag: Date) -> Markup {
    html! {
        div.tabelrol tabindex="0" { table {
            caption { "Data die ertoe doen" }
            thead { tr { th scope="col" { "Datum" } th scope="col" { "Wat" } th scope="col" { "Soort" } th scope="col" { "Toelichting" } @if mag { th scope="col" { span.verborgen { "Verwijderen" } } } } }
            tbody { @for p in punten {
                tr class=[(p.datum < vandaag).then_some("voorbij")] {
                    td { (nl::date_short(p.datum)) }
                    th scope="row" { (p.titel) }
                    td { (p.soort.tekst()) }
                    td { (p.toelichting) }
                    @if mag { td { @if let Some(id) = p.eigen_id {
                        form.inline method="post" action={ "/g/" (code) "/agenda/verwijderen" } {
                            input type="hidden" name="csrf" value=(ik.csrf);
                            input type="hidden" name="id" value=(id);
                            button.link type="submit" { "verwijderen" }
                        }
                    } } }
                }
            } }
        } }
    }
}

/// GET /g/{code}/agenda.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<AgendaQuery>) -> Response {
    match inhoud(&staat, &ik, &code, q.opgeslagen.as_deref(), None, None).await {
        Ok(r) => r,
        Err(e) => pagina::fout_in_gemeente(&staat, &ik, &code, "Agenda", e).await,
    }
}

async fn inhoud(
    staat: &Staat,
    ik: &Ingelogd,
    code: &str,
    opgeslagen: Option<&str>,
    fout: Option<(String, String, String)>,
    token: Option<String>,
) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::gemeente(staat, code).await?;
    let vandaag = buig_dienst::vandaag();
    let (van, tot) = venster(vandaag);
    let punten = punten(staat, code, van, tot).await?;
    let mag = ik.gebruiker.mag_bewerken(&code);
    let melding = match opgeslagen {
        Some("datum") => Some("De datum is toegevoegd."),
        Some("verwijderd") => Some("De datum is verwijderd."),
        Some("ingetrokken") => Some("Alle agenda-abonnementen van u voor deze gemeente zijn ingetrokken."),
        _ => None,
    };
    let (fout_melding, datum_in, omschrijving_in) = fout.map(|(m, d, o)| (Some(m), d, o)).unwrap_or((None, String::new(), String::new()));
    let body = html! {
        @if let Some(m) = melding { p.melding.goed role="status" { (m) } }
        h1 { "Agenda " (b.naam) }
        p { "De data die voor het BUIG-budget en het vangnet tellen, van " (nl::date_long(van)) " tot " (nl::date_long(tot)) ": de uiterste dag van elk vangnetverzoek (de Toetsingscommissie moet het dan hebben ontvangen), de verwachte beschikkingen, de kwartaalrapportages van het aanvalsplan en de eigen data van de gemeente." }
        (lijst(&punten, ik, code, mag, vandaag))
        @if mag {
            h2 #datum-toevoegen { "Een eigen datum toevoegen" }
            p { "Bijvoorbeeld de raadsvergadering waarin de raad instemt met het vangnetverzoek, of een commissievergadering." }
            @if let Some(m) = &fout_melding { p.melding.fout role="alert" { "Niet opgeslagen: " (m) } }
            form.knoppen method="post" action={ "/g/" (code) "/agenda" } {
                input type="hidden" name="csrf" value=(ik.csrf);
                div { label for="datum" { "Datum" span.hint id="datum-hint" { "bijvoorbeeld 15-10-2026" } }
                    input #datum name="datum" type="text" inputmode="numeric" value=(datum_in) aria-describedby="datum-hint" aria-invalid=[fout_melding.as_ref().filter(|m| m.starts_with("datum")).map(|_| "true")]; }
                div { label for="omschrijving" { "Omschrijving" span.hint id="omschrijving-hint" { "bijvoorbeeld Raadsvergadering vangnetverzoek 2025" } }
                    input #omschrijving name="omschrijving" type="text" maxlength="200" value=(omschrijving_in) aria-describedby="omschrijving-hint" aria-invalid=[fout_melding.as_ref().filter(|m| m.starts_with("omschrijving")).map(|_| "true")]; }
                div { button type="submit" { "Toevoegen" } }
            }
        }
        h2 { "In uw eigen agenda" }
        p { "Een abonnementsadres zet deze data in Outlook, Google Agenda of een andere agenda, en houdt ze bij. Het adres werkt zonder inloggen: deel het niet. Het werkt zolang u een rol op " (b.naam) " heeft, tot u het intrekt." }
        @if let Some(t) = &token {
            p.melding.goed role="status" { "Uw abonnementsadres (het wordt maar één keer getoond): " code.adres { (t) } }
        }
        div.knoppen {
            form method="post" action={ "/g/" (code) "/agenda/abonnement" } { input type="hidden" name="csrf" value=(ik.csrf); button.tweede type="submit" { "Abonnementsadres maken" } }
            form method="post" action={ "/g/" (code) "/agenda/intrekken" } { input type="hidden" name="csrf" value=(ik.csrf); button.tweede type="submit" { "Mijn abonnementen intrekken" } }
        }
    };
    let status = if fout_melding.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, pagina::pagina(ik, Some((code, &b.naam)), "Agenda", &format!("Agenda {}", b.naam), body)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DatumForm {
    csrf: String,
    datum: String,
    omschrijving: String,
    id: String,
}

/// POST /g/{code}/agenda (role bewerker): adds a date.
pub async fn toevoegen(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<DatumForm>,
) -> Response {
    let r = async {
        let gm = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let terug = |m: String| (m, f.datum.clone(), f.omschrijving.clone());
        let datum = match lees_dag(&f.datum) {
            Ok(d) => d,
            Err(m) => return inhoud(&staat, &ik, &code, None, Some(terug(format!("datum: {m}"))), None).await,
        };
        match staat.store.agendapunt_toevoegen(gm, datum, &f.omschrijving, Some(&ik.gebruiker.naam)).await {
            Ok(_) => Ok(axum::response::Redirect::to(&format!("/g/{gm}/agenda?opgeslagen=datum")).into_response()),
            Err(buig_store::StoreError::Data { veld, melding }) => {
                inhoud(&staat, &ik, &code, None, Some(terug(format!("{veld}: {melding}"))), None).await
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// POST /g/{code}/agenda/verwijderen (role bewerker).
pub async fn verwijderen(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<DatumForm>,
) -> Response {
    let r = async {
        let gm = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let id: i64 = f.id.trim().parse().map_err(|_| Fout::NietGevonden)?;
        if !staat.store.agendapunt_verwijderen(gm, id, Some(&ik.gebruiker.naam)).await? {
            return Err(Fout::NietGevonden);
        }
        Ok(axum::response::Redirect::to(&format!("/g/{gm}/agenda?opgeslagen=verwijderd")).into_response())
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// POST /g/{code}/agenda/abonnement (any role): a feed token, shown once.
pub async fn abonnement(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<DatumForm>,
) -> Response {
    let r = async {
        let gm = ik.gemeente(&code, Recht::Lezen)?;
        ik.controleer_csrf(&f.csrf)?;
        let token = staat.store.agenda_token_maken(&ik.gebruiker.naam, &gm).await.map_err(|e| Fout::Intern(e.to_string()))?;
        inhoud(&staat, &ik, &code, None, None, Some(format!("/agenda/{token}.ics"))).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// POST /g/{code}/agenda/intrekken (any role): withdraws the user's feed tokens for the gemeente.
pub async fn intrekken(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<DatumForm>,
) -> Response {
    let r = async {
        let gm = ik.gemeente(&code, Recht::Lezen)?;
        ik.controleer_csrf(&f.csrf)?;
        staat.store.agenda_tokens_intrekken(&ik.gebruiker.naam, &gm).await.map_err(|e| Fout::Intern(e.to_string()))?;
        Ok(axum::response::Redirect::to(&format!("/g/{gm}/agenda?opgeslagen=ingetrokken")).into_response())
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// GET /agenda/{token}.ics: the feed, without a session; 404 for an unknown
/// token or a user who no longer has a role on the gemeente.
pub async fn feed(State(staat): State<Staat>, Path(bestand): Path<String>) -> Response {
    let token = bestand.strip_suffix(".ics").unwrap_or(&bestand);
    let gevonden = match staat.store.agenda_token(token).await {
        Ok(Some((g, code))) if g.mag_lezen(&code) => Some(code),
        Ok(_) => None,
        Err(e) => return pagina::fout_response(None, e.into()),
    };
    let Some(code) = gevonden else { return pagina::fout_response(None, Fout::NietGevonden) };
    let vandaag = buig_dienst::vandaag();
    let (van, tot) = (
        vandaag.checked_sub(jiff::Span::new().years(1)).unwrap_or(vandaag),
        vandaag.checked_add(jiff::Span::new().years(2)).unwrap_or(vandaag),
    );
    let (naam, punten) = match async {
        Ok::<_, Fout>((gegevens::gemeente(&staat, code).await?.naam.clone(), punten(&staat, code, van, tot).await?))
    }
    .await
    {
        Ok(x) => x,
        Err(e) => return pagina::fout_response(None, e),
    };
    let gebeurtenissen: Vec<buig_rapport::ical::Gebeurtenis> = punten
        .into_iter()
        .map(|p| buig_rapport::ical::Gebeurtenis {
            uid: p.uid,
            datum: p.datum,
            titel: if p.soort == Soort::Vangnettermijn { format!("{} (fatale termijn)", p.titel) } else { p.titel },
            omschrijving: p.toelichting,
            categorie: p.soort.tekst().to_string(),
        })
        .collect();
    let stempel = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let ics = buig_rapport::ical::kalender(&format!("BUIG {naam}"), &gebeurtenissen, &stempel);
    let mut r = ics.into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"));
    r
}

#[cfg(test)]
mod tests {
    use super::lees_dag;

    #[test]
    fn a_date_is_read_as_people_type_it() {
        assert_eq!(lees_dag("15-10-2026").unwrap(), jiff::civil::date(2026, 10, 15));
        assert_eq!(lees_dag(" 5/1/2027 ").unwrap(), jiff::civil::date(2027, 1, 5));
        assert_eq!(lees_dag("2026-10-15").unwrap(), jiff::civil::date(2026, 10, 15));
        assert!(lees_dag("31-02-2026").unwrap_err().contains("bestaat niet"));
        assert!(lees_dag("morgen").unwrap_err().contains("geen datum"));
        assert!(lees_dag("15-10-26").is_err(), "a two-digit year is not guessed");
    }
}
