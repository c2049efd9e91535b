// SPDX-License-Identifier: EUPL-1.2
//! The JSON API under `/api/v1`: every figure of the pages, from the same
//! calls, for the user's own gemeenten only. Authenticated by an API token
//! (`Authorization: Bearer buig_…`, made with `buig gebruiker token`) or
//! the web session. Money is a JSON number of euros; errors are
//! `{"fout": "…", "code": "…"}`. The OpenAPI document is
//! `static/openapi.json`, served at `/api/v1/openapi.json`; the tests
//! validate every route's answer against it.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use buig_core::money;
use buig_core::{Money, Year};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::fout::Fout;
use crate::gegevens;
use crate::sessie::{ApiGebruiker, Ingelogd};
use crate::vraag::{Knoppen, Periode};
use crate::Staat;
use buig_dienst::prognose::PrognoseKeuze;

/// The OpenAPI 3.1 document.
pub const OPENAPI: &str = include_str!("../static/openapi.json");

pub fn router() -> Router<Staat> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/gemeenten", get(gemeenten))
        .route("/gemeenten/{code}/overzicht", get(overzicht))
        .route("/gemeenten/{code}/budget", get(budget))
        .route("/gemeenten/{code}/prognose", get(prognose))
        .route("/gemeenten/{code}/raming", get(raming))
        .route("/gemeenten/{code}/bestand", get(bestand))
        .route("/gemeenten/{code}/vangnet/{jaar}", get(vangnet))
        .route("/gemeenten/{code}/plan", get(plan))
        .route("/gemeenten/{code}/plan/acties/{actie}", get(plan_actie))
        .route("/gemeenten/{code}/plan/acties/{actie}/status", post(plan_status))
        .route("/gemeenten/{code}/plan/acties/{actie}/evaluaties", post(plan_evaluatie))
        .route("/vergelijking", get(vergelijking))
        .fallback(|| async { crate::fout::json(Fout::NietGevonden) })
}

/// The API user as an `Ingelogd` for the shared scoping check (API calls carry
/// no CSRF token: reads change nothing, and writes need a bearer token).
fn als_ingelogd(g: ApiGebruiker) -> Ingelogd {
    Ingelogd { gebruiker: g.0, csrf: String::new() }
}

fn antwoord<T: Serialize>(r: Result<T, Fout>) -> Response {
    match r {
        Ok(t) => Json(t).into_response(),
        Err(e) => crate::fout::json(e),
    }
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "public, max-age=3600")], OPENAPI).into_response()
}

#[derive(Serialize)]
struct GemeenteUit {
    code: String,
    naam: String,
    rol: String,
}

async fn gemeenten(State(staat): State<Staat>, g: ApiGebruiker) -> Response {
    let r = async {
        let mut uit = Vec::new();
        for code in g.0.gemeenten() {
            let naam = staat.store.gemeente(code).await?.map(|x| x.naam).unwrap_or_default();
            uit.push(GemeenteUit { code: code.to_string(), naam, rol: g.0.rol(&code).map(|r| r.to_string()).unwrap_or_default() });
        }
        Ok::<_, Fout>(json!({ "gemeenten": uit }))
    };
    antwoord(r.await)
}

#[derive(Serialize)]
struct BeschikkingUit {
    soort: &'static str,
    datum: Option<String>,
    #[serde(with = "money::euros")]
    bedrag: Money,
}

#[derive(Serialize)]
struct OverzichtUit {
    gemeente: String,
    naam: String,
    jaar: Option<Year>,
    peildatum: Option<String>,
    laatste_beschikking: Option<BeschikkingUit>,
    #[serde(with = "money::euros_opt")]
    verwacht_resultaat: Option<Money>,
    #[serde(with = "money::euros_opt")]
    verwachte_netto_lasten: Option<Money>,
    #[serde(serialize_with = "buig_core::percentage::ser_twee_decimalen_opt")]
    verwacht_tekort_percentage: Option<buig_core::Percentage>,
    onzekerheid: Option<buig_prognose::montecarlo::Samenvatting>,
    /// The headline every view states (the prognosis's `kop`).
    kop: Option<buig_prognose::Kop>,
    vangnet: Option<buig_prognose::VangnetPositie>,
    bestand: Option<buig_bestand::Punt>,
    prognose_fout: Option<String>,
}

async fn overzicht(State(staat): State<Staat>, g: ApiGebruiker, Path(code): Path<String>) -> Response {
    let ik = als_ingelogd(g);
    let r = async {
        let code = ik.gemeente(&code, crate::sessie::Recht::Lezen)?;
        let b = gegevens::gemeente(&staat, code).await?;
        let huidig = b.huidig();
        let mut uit = OverzichtUit {
            gemeente: code.to_string(),
            naam: b.naam.clone(),
            jaar: huidig.map(|h| h.0),
            peildatum: huidig.map(|h| h.1.to_string()),
            laatste_beschikking: None,
            verwacht_resultaat: None,
            verwachte_netto_lasten: None,
            verwacht_tekort_percentage: None,
            onzekerheid: None,
            kop: None,
            vangnet: None,
            bestand: None,
            prognose_fout: None,
        };
        if let Some((jaar, peildatum)) = huidig {
            uit.laatste_beschikking = b.laatste_beschikking(jaar).map(|x| BeschikkingUit {
                soort: x.soort.code(),
                datum: x.datum.map(|d| d.to_string()),
                bedrag: x.bedrag,
            });
            match gegevens::prognose(&staat, code, PrognoseKeuze { jaar, peildatum, scenario: None }).await {
                Ok(p) => {
                    // The headline, as every page says it.
                    uit.verwacht_resultaat = Some(p.kop.resultaat);
                    uit.verwachte_netto_lasten = Some(p.kop.netto_lasten);
                    uit.verwacht_tekort_percentage = Some(p.kop.tekort_percentage);
                    uit.onzekerheid = p.onzekerheid.clone();
                    uit.vangnet = p.kop.vangnet.clone();
                    uit.kop = Some(p.kop.clone());
                }
                Err(Fout::Gegevens(m)) => uit.prognose_fout = Some(m),
                Err(e) => return Err(e),
            }
            if let Some((_, tot)) = b.maanden() {
                let r = gegevens::bestand(&staat, code, tot, tot, buig_bestand::Per::Maand).await?;
                uit.bestand = r.reeks.last().cloned();
            }
        }
        Ok(uit)
    };
    antwoord(r.await)
}

async fn budget(State(staat): State<Staat>, g: ApiGebruiker, Path(code): Path<String>) -> Response {
    let ik = als_ingelogd(g);
    let r = async {
        let code = ik.gemeente(&code, crate::sessie::Recht::Lezen)?;
        gegevens::budget(&staat, code).await
    };
    antwoord(r.await)
}

async fn prognose(State(staat): State<Staat>, g: ApiGebruiker, Path(code): Path<String>, Query(k): Query<Knoppen>) -> Response {
    let ik = als_ingelogd(g);
    let r = async {
        let code = ik.gemeente(&code, crate::sessie::Recht::Lezen)?;
        let b = gegevens::gemeente(&staat, code).await?;
        gegevens::prognose(&staat, code, k.keuze(&b)?).await
    };
    antwoord(r.await)
}

async fn raming(State(staat): State<Staat>, g: ApiGebruiker, Path(code): Path<String>) -> Response {
    let ik = als_ingelogd(g);
    let r = async {
        let code = ik.gemeente(&code, crate::sessie::Recht::Lezen)?;
        gegevens::raming(&staat, code).await
    };
    antwoord(r.await)
}

async fn bestand(State(staat): State<Staat>, g: ApiGebruiker, Path(code): Path<String>, Query(q): Query<Periode>) -> Response {
    let ik = als_ingelogd(g);
    let r = async {
        let code = ik.gemeente(&code, crate::sessie::Recht::Lezen)?;
        let b = gegevens::gemeente(&staat, code).await?;
        let (van, tot, per) = q.vraag(&b)?;
        gegevens::bestand(&staat, code, van, tot, per).await
    };
    antwoord(r.await)
}

async fn vangnet(State(staat): State<Staat>, g: ApiGebruiker, Path((code, jaar)): Path<(String, String)>) -> Response {
    let ik = als_ingelogd(g);
    let r = async {
        let code = ik.gemeente(&code, crate::sessie::Recht::Lezen)?;
        let jaar: Year = jaar.parse().map_err(|e| Fout::Gegevens(format!("jaar: {e}")))?;
        let b = gegevens::gemeente(&staat, code).await?;
        let n = gegevens::vangnet_stand(&staat, code, &b, jaar).await?;
        let v = &n.positie;
        Ok(json!({
            "stadium": v.stadium,
            "resultaat": v.resultaat,
            "vermoedelijk_verleend": v.vermoedelijk_verleend,
            "waarschuwingen": v.waarschuwingen,
            "kop": n.prognose.as_ref().map(|p| &p.kop),
        }))
    };
    antwoord(r.await)
}

async fn plan(State(staat): State<Staat>, g: ApiGebruiker, Path(code): Path<String>) -> Response {
    let ik = als_ingelogd(g);
    let r = async {
        let code = ik.gemeente(&code, crate::sessie::Recht::Lezen)?;
        gegevens::plan(&staat, code, None).await?.ok_or(Fout::NietGevonden)
    };
    antwoord(r.await)
}

async fn plan_actie(State(staat): State<Staat>, g: ApiGebruiker, Path((code, actie)): Path<(String, String)>) -> Response {
    let ik = als_ingelogd(g);
    let r = async {
        let code = ik.gemeente(&code, crate::sessie::Recht::Lezen)?;
        gegevens::plan_actie(&staat, code, None, &actie).await?.ok_or(Fout::NietGevonden)
    };
    antwoord(r.await)
}

/// The body of POST …/status: one quarter of one action (as the web form and `buig plan status`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusIn {
    kwartaal: String,
    status: String,
    gerealiseerd: Option<serde_json::Value>,
    kosten: Option<serde_json::Value>,
    notitie: Option<String>,
    /// The plan's title; without it the plan with the newest period.
    titel: Option<String>,
}

/// The body of POST …/evaluaties.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvaluatieIn {
    datum: String,
    oordeel: String,
    toelichting: String,
    titel: Option<String>,
}

/// A number given as a JSON number or a string, as exact text.
fn getal_tekst(veld: &str, v: &serde_json::Value) -> Result<String, Fout> {
    match v {
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::String(s) => Ok(s.clone()),
        o => Err(Fout::Gegevens(format!("{veld}: {o} is geen getal"))),
    }
}

/// The scoped editor behind a write: a foreign gemeente is 404 as anywhere,
/// a viewer 403, and so is the web session (writes need a bearer token).
fn schrijver(g: ApiGebruiker, code: &str) -> Result<(Ingelogd, buig_core::GemeenteCode), Fout> {
    let token = g.1;
    let ik = als_ingelogd(g);
    let code = ik.gemeente(code, crate::sessie::Recht::Bewerken)?;
    if !token {
        return Err(Fout::GeenRecht(
            "schrijven via de API kan alleen met een API-token (Authorization: Bearer buig_…); de sessie van de web-app geldt hier alleen om te lezen"
                .into(),
        ));
    }
    Ok((ik, code))
}

/// The plan's title: the one asked for, else the newest period; 404 without a plan.
async fn plan_titel(staat: &Staat, code: buig_core::GemeenteCode, titel: Option<&str>) -> Result<String, Fout> {
    buig_dienst::plan::kies(&staat.store, code, titel).await?.ok_or(Fout::NietGevonden)
}

fn plan_fout(e: buig_store::plan::PlanOpslagFout) -> Fout {
    use buig_store::plan::PlanOpslagFout as P;
    match e {
        P::Store(e) => Fout::from(e),
        P::GeenPlan(_) | P::OnbekendeActie { .. } => Fout::NietGevonden,
        e => Fout::Gegevens(crate::fout::plan_melding(&e)),
    }
}

/// POST /gemeenten/{code}/plan/acties/{actie}/status: records a quarter; answers the action as GET does.
async fn plan_status(
    State(staat): State<Staat>,
    g: ApiGebruiker,
    Path((code, actie)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let r = async {
        let (ik, code) = schrijver(g, &code)?;
        let inn: StatusIn = serde_json::from_slice(&body).map_err(|e| Fout::Gegevens(format!("body: {e}")))?;
        let titel = plan_titel(&staat, code, inn.titel.as_deref()).await?;
        let kosten = inn
            .kosten
            .as_ref()
            .filter(|v| !v.is_null())
            .map(|v| getal_tekst("kosten", v).and_then(|t| t.parse::<Money>().map_err(|e| Fout::Gegevens(format!("kosten: {e}")))))
            .transpose()?;
        let u = buig_plan::Statusupdate {
            actie: actie.trim().to_uppercase(),
            kwartaal: inn.kwartaal.parse().map_err(|e| Fout::Gegevens(format!("kwartaal: {e}")))?,
            status: inn.status.parse().map_err(|e| Fout::Gegevens(format!("status: {e}")))?,
            gerealiseerd: inn
                .gerealiseerd
                .as_ref()
                .filter(|v| !v.is_null())
                .map(|v| {
                    getal_tekst("gerealiseerd", v)
                        .and_then(|t| buig_plan::lees_getal(&t).map_err(|e| Fout::Gegevens(format!("gerealiseerd: {e}"))))
                })
                .transpose()?,
            kosten,
            notitie: inn.notitie.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
        };
        staat.store.voeg_status_toe(code, &titel, &u).await.map_err(plan_fout)?;
        let details = format!("{titel} {} {}: {} (API)", u.actie, u.kwartaal, u.status.code());
        staat.store.audit(Some(&ik.gebruiker.naam), "plan.status", Some(&code), &details).await?;
        gegevens::plan_actie(&staat, code, Some(&titel), &u.actie).await?.ok_or(Fout::NietGevonden)
    };
    antwoord(r.await)
}

/// POST /gemeenten/{code}/plan/acties/{actie}/evaluaties: records an evaluation; answers the action.
async fn plan_evaluatie(
    State(staat): State<Staat>,
    g: ApiGebruiker,
    Path((code, actie)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let r = async {
        let (ik, code) = schrijver(g, &code)?;
        let inn: EvaluatieIn = serde_json::from_slice(&body).map_err(|e| Fout::Gegevens(format!("body: {e}")))?;
        let titel = plan_titel(&staat, code, inn.titel.as_deref()).await?;
        let e = buig_plan::Evaluatie {
            actie: actie.trim().to_uppercase(),
            datum: buig_plan::lees_datum(&inn.datum).map_err(|e| Fout::Gegevens(format!("datum: {e}")))?,
            oordeel: inn.oordeel.parse().map_err(|e| Fout::Gegevens(format!("oordeel: {e}")))?,
            toelichting: inn.toelichting.trim().to_string(),
        };
        staat.store.voeg_evaluatie_toe(code, &titel, &e).await.map_err(plan_fout)?;
        let details = format!("{titel} {} {}: {} (API)", e.actie, e.datum, e.oordeel.code());
        staat.store.audit(Some(&ik.gebruiker.naam), "plan.evaluatie", Some(&code), &details).await?;
        gegevens::plan_actie(&staat, code, Some(&titel), &e.actie).await?.ok_or(Fout::NietGevonden)
    };
    antwoord(r.await)
}

#[derive(Serialize)]
struct VergelijkingUit {
    code: String,
    naam: String,
    reeks: Vec<buig_bestand::Punt>,
    land: Option<buig_bestand::Vergelijking>,
    grootteklasse: Option<buig_bestand::Vergelijking>,
}

async fn vergelijking(State(staat): State<Staat>, g: ApiGebruiker) -> Response {
    let ik = als_ingelogd(g);
    let r = async {
        let rijen = gegevens::vergelijking(&staat, &ik.gebruiker.gemeenten()).await?;
        let uit: Vec<VergelijkingUit> = rijen
            .into_iter()
            .map(|r| VergelijkingUit {
                code: r.code.to_string(),
                naam: r.naam,
                reeks: r.reeks.reeks,
                land: r.land,
                grootteklasse: r.klasse,
            })
            .collect();
        Ok::<_, Fout>(json!({ "gemeenten": uit }))
    };
    antwoord(r.await)
}
