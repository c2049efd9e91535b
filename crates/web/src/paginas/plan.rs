//! The aanvalsplan page: action lines and actions with their latest
//! status, the plan's target against the actual caseload change since the
//! baseline, the status history, and (role bewerker) the quarterly update
//! form, which goes to the audit log.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use buig_core::{nl, GemeenteCode};
use buig_grafiek::{Eenheid, Grafiek, Reeks as Lijn, Soort, Stijl};
use buig_plan::{Kwartaal, Status, Statusupdate};
use maud::{html, Markup};
use serde::Deserialize;

use crate::auth::{Ingelogd, Recht};
use crate::gegevens::{self, Fout};
use crate::pagina::{self, euro, grafiek};
use crate::Staat;

#[derive(Debug, Default, Deserialize)]
pub struct PlanQuery {
    pub titel: Option<String>,
    pub opgeslagen: Option<String>,
}

/// GET /g/{code}/plan.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<PlanQuery>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let melding = q.opgeslagen.as_ref().map(|a| html! { p.melding.goed role="status" { "Status van actie " (a) " opgeslagen." } });
        scherm(&staat, &ik, code, q.titel.as_deref(), melding, StatusCode::OK).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// The plan as shown, computed by `buig_plan::overzicht` (as `buig plan toon`).
pub async fn overzicht(staat: &Staat, code: GemeenteCode, titel: Option<&str>) -> Result<Option<buig_plan::Overzicht>, Fout> {
    let titels = staat.store.plan_titels(code).await?;
    let Some(titel) = titel.filter(|t| titels.iter().any(|x| x == t)).map(str::to_string).or_else(|| titels.last().cloned()) else {
        return Ok(None);
    };
    let Some(plan) = staat.store.plan(code, &titel).await? else { return Ok(None) };
    let updates = staat.store.plan_statussen(code, &titel).await?;
    let b = gegevens::basis(staat, code).await?;
    let ontwikkeling = plan.nulmeting.and_then(|n| buig_plan::sinds_nulmeting(&b.spells, n));
    Ok(Some(buig_plan::overzicht(&plan, &updates, ontwikkeling)))
}

fn status_grafiek(o: &buig_plan::Overzicht) -> Grafiek {
    let mut g = Grafiek::new("Acties per actielijn naar laatste status", Soort::GestapeldeStaaf, Eenheid::Aantal);
    g.beschrijving = "Per actielijn het aantal acties, verdeeld naar de laatst gemelde status.".into();
    g.x_labels = o.actielijnen.iter().map(|l| format!("Lijn {}", l.nummer)).collect();
    let reeks = |naam: &str, f: &dyn Fn(Option<Status>) -> bool| Lijn {
        naam: naam.into(),
        waarden: o
            .actielijnen
            .iter()
            .map(|l| Some(l.acties.iter().filter(|a| f(a.laatste_status.as_ref().map(|s| s.status))).count() as f64))
            .collect(),
        stijl: Stijl::Doorgetrokken,
    };
    g.reeksen = vec![
        reeks("Op schema", &|s| s == Some(Status::OpSchema)),
        reeks("Gereed", &|s| s == Some(Status::Gereed)),
        reeks("Risico", &|s| s == Some(Status::Risico)),
        reeks("Achter", &|s| s == Some(Status::Achter)),
        reeks("Nog geen status", &|s| s.is_none()),
    ];
    g
}

async fn scherm(
    staat: &Staat,
    ik: &Ingelogd,
    code: GemeenteCode,
    titel: Option<&str>,
    melding: Option<Markup>,
    status: StatusCode,
) -> Result<Response, Fout> {
    let b = gegevens::basis(staat, code).await?;
    let o = overzicht(staat, code, titel).await?;
    let mag = ik.gebruiker.mag_bewerken(&code);
    let body = html! {
        @if let Some(m) = melding { (m) }
        @match &o {
            None => {
                h1 { "Aanvalsplan " (b.naam) }
                p { "Er is nog geen aanvalsplan van " (b.naam) " in de database. Importeer er een met " code { "buig plan import PLAN.csv --gemeente " (code) " --titel …" } " (één rij per actie, zie docs/plan.md)." }
            }
            Some(o) => {
                h1 { (o.titel) " — " (b.naam) }
                div.kaarten {
                    section.kaart { h2 { "Doel" } span.groot { @if let Some(d) = o.doel_uitkeringen { (d) " minder" } @else { "–" } } "uitkeringen" @if let Some(e) = o.doel_euro { ", " (euro(Some(e))) " per jaar" } }
                    section.kaart {
                        h2 { "Werkelijk sinds de nulmeting" }
                        @if let Some(s) = &o.sinds_nulmeting {
                            span.groot { (if s.verandering <= 0 { format!("{} minder", nl::getal((-s.verandering).into(), 0)) } else { format!("{} meer", nl::getal(s.verandering.into(), 0)) }) }
                            (s.stand_nulmeting) " eind " (s.nulmeting_maand) " → " (s.stand_laatste) " eind " (s.laatste_maand)
                        } @else { span.groot { "–" } "geen uitkeringen na de nulmeting in de database" }
                    }
                    section.kaart { h2 { "Acties" } span.groot { (o.totalen.acties) } @for (s, n) in &o.totalen.per_status { (s.replace('_', " ")) ": " (n) " " } }
                }
                @if let (Some(d), Some((jaar, _))) = (o.doel_uitkeringen.filter(|d| *d > 0), b.huidig()) {
                    p { "Wat is het plan in euro's en voor het vangnet waard? "
                        a href={ "/g/" (code) "/prognose?minder_uitkeringen_eind_jaar=" (d) } { "Prognose " (jaar) " met " (d) " uitkeringen minder op 31 december" }
                        @if o.totalen.effect_uitkeringen > 0 && o.totalen.effect_uitkeringen != d {
                            " · " a href={ "/g/" (code) "/prognose?minder_uitkeringen_eind_jaar=" (o.totalen.effect_uitkeringen) } { "met het verwachte effect van de acties (" (o.totalen.effect_uitkeringen) ")" }
                        }
                        "." }
                }
                (grafiek(&status_grafiek(o)))
                @for l in &o.actielijnen {
                    h2 { "Actielijn " (l.nummer) ": " (l.naam) }
                    div.tabelrol { table {
                        caption { "Acties van actielijn " (l.nummer) }
                        thead { tr { th scope="col" { "Actie" } th scope="col" { "Doelstelling" } th scope="col" { "Trekker" } th scope="col" { "Laatste status" } th.getal scope="col" { "Gerealiseerd" } th scope="col" { "Notitie" } } }
                        tbody { @for a in &l.acties { tr {
                            th scope="row" { (a.actie.code) " " (a.actie.titel) }
                            td { (a.actie.doelstelling) }
                            td { (a.actie.trekker.as_deref().unwrap_or("–")) }
                            @if let Some(s) = &a.laatste_status {
                                td { span class={ "status-" (s.status.code()) } { (s.status.tekst()) } " (" (s.kwartaal) ")" }
                                td.getal { (s.gerealiseerd.map(|g| nl::getal(g, g.scale().min(2))).unwrap_or_else(|| "–".into())) @if let Some(e) = &a.actie.eenheid { " " (e) } }
                                td { (s.notitie.as_deref().unwrap_or("")) }
                            } @else { td { "nog geen" } td {} td {} }
                        } } }
                    } }
                }
                @if mag {
                    h2 #bijwerken { "Status per kwartaal bijwerken" }
                    form.knoppen method="post" action={ "/g/" (code) "/plan/status" } {
                        input type="hidden" name="csrf" value=(ik.csrf);
                        input type="hidden" name="titel" value=(o.titel);
                        div { label for="actie" { "Actie" } select #actie name="actie" required { @for l in &o.actielijnen { @for a in &l.acties { option value=(a.actie.code) { (a.actie.code) " " (a.actie.titel) } } } } }
                        div { label for="kwartaal" { "Kwartaal" span.hint { "JJJJ-Kn, bijv. 2023-K2" } } input #kwartaal name="kwartaal" type="text" required pattern="[0-9]{4}-[KkQq][1-4]"; }
                        div { label for="status" { "Status" } select #status name="status" { @for s in Status::ALLE { option value=(s.code()) { (s.tekst()) } } } }
                        div { label for="gerealiseerd" { "Gerealiseerd" span.hint { "in de eenheid van de actie" } } input #gerealiseerd name="gerealiseerd" type="text" inputmode="decimal"; }
                        div { label for="notitie" { "Notitie" } input #notitie name="notitie" type="text" maxlength="500"; }
                        div { button type="submit" { "Opslaan" } }
                    }
                }
                p.bron { "Bron: " (o.bron) ". Dezelfde gegevens als " code { "buig plan toon --gemeente " (code) } "." }
            }
        }
    };
    Ok((status, pagina::pagina(ik, Some((code, &b.naam)), "Aanvalsplan", &format!("Aanvalsplan {}", b.naam), body)).into_response())
}

#[derive(Debug, Deserialize)]
pub struct StatusForm {
    csrf: String,
    titel: String,
    actie: String,
    kwartaal: String,
    status: String,
    gerealiseerd: Option<String>,
    notitie: Option<String>,
}

/// POST /g/{code}/plan/status (role bewerker).
pub async fn status(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Form(f): Form<StatusForm>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let lees = || -> Result<Statusupdate, String> {
            Ok(Statusupdate {
                actie: f.actie.trim().to_uppercase(),
                kwartaal: f.kwartaal.parse::<Kwartaal>().map_err(|e| format!("kwartaal: {e}"))?,
                status: f.status.parse::<Status>().map_err(|e| format!("status: {e}"))?,
                gerealiseerd: f
                    .gerealiseerd
                    .as_deref()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(buig_plan::lees_getal)
                    .transpose()
                    .map_err(|e| format!("gerealiseerd: {e}"))?,
                notitie: f.notitie.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string),
            })
        };
        let u = match lees() {
            Ok(u) => u,
            Err(m) => {
                let melding = html! { p.melding.fout role="alert" { "Niet opgeslagen: " (m) } };
                return scherm(&staat, &ik, code, Some(&f.titel), Some(melding), StatusCode::UNPROCESSABLE_ENTITY).await;
            }
        };
        if let Err(e) = staat.store.voeg_status_toe(code, &f.titel, &u).await {
            let melding = html! { p.melding.fout role="alert" { "Niet opgeslagen: " (e) } };
            return scherm(&staat, &ik, code, Some(&f.titel), Some(melding), StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        let details = format!("{} {} {}: {}", f.titel, u.actie, u.kwartaal, u.status.code());
        staat.store.audit(Some(&ik.gebruiker.naam), "plan.status", Some(&code), &details).await?;
        Ok(Redirect::to(&format!("/g/{code}/plan?opgeslagen={}", u.actie)).into_response())
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
