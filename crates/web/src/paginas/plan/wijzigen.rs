// SPDX-License-Identifier: EUPL-1.2
//! The aanvalsplan's forms (role bewerker): a quarter's status with costs,
//! an evaluation, a risk added or removed, a plan imported from CSV or XLSX.
//! Each answers with the page and a refusal naming the field (422), or
//! back to the page with the code of what was saved; each change is audited.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use buig_core::GemeenteCode;
use buig_plan::{Evaluatie, Kwartaal, Niveau, Oordeel, Risico, Status, Statusupdate};
use maud::html;
use serde::Deserialize;

use super::{actie_scherm, bevestiging, scherm};
use crate::fout::Fout;
use crate::pagina;
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

fn leeg_is_geen(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Where a form answers: the action's page when it came from there, else the plan.
async fn weiger(staat: &Staat, ik: &Ingelogd, code: GemeenteCode, titel: &str, actie: Option<&str>, m: String) -> Result<Response, Fout> {
    let melding = html! { p.melding.fout role="alert" { "Niet opgeslagen: " (m) } };
    match actie {
        Some(a) => actie_scherm(staat, ik, code, Some(titel), a, Some(melding), StatusCode::UNPROCESSABLE_ENTITY).await,
        None => scherm(staat, ik, code, Some(titel), Some(melding), StatusCode::UNPROCESSABLE_ENTITY).await,
    }
}

/// Back to the action's page or the plan, with the code of what was saved (see [`bevestiging`]).
fn opgeslagen(code: GemeenteCode, actie: Option<&str>, wat: &'static str) -> Response {
    debug_assert!(bevestiging(Some(wat), None).is_some());
    match actie {
        Some(a) => Redirect::to(&format!("/g/{code}/plan/actie/{}?opgeslagen={wat}", pagina::url_encode(a))).into_response(),
        None => Redirect::to(&format!("/g/{code}/plan?opgeslagen={wat}")).into_response(),
    }
}

/// Missing fields are empty, so that scoping (404) and the field-named refusal come first.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    csrf: String,
    titel: String,
    actie: String,
    kwartaal: String,
    status: String,
    gerealiseerd: Option<String>,
    kosten: Option<String>,
    notitie: Option<String>,
    /// `actie` when the form is on the action's page.
    terug: Option<String>,
}

/// POST /g/{code}/plan/status (role bewerker).
pub async fn status(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Form(f): Form<StatusForm>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let terug = (f.terug.as_deref() == Some("actie")).then(|| f.actie.trim().to_uppercase());
        let lees = || -> Result<Statusupdate, String> {
            let kosten = leeg_is_geen(&f.kosten).map(pagina::bedrag).transpose().map_err(|e| format!("kosten: {e}"))?;
            let u = Statusupdate {
                actie: f.actie.trim().to_uppercase(),
                kwartaal: f.kwartaal.parse::<Kwartaal>().map_err(|e| format!("kwartaal: {e}"))?,
                status: f.status.parse::<Status>().map_err(|e| format!("status: {e}"))?,
                gerealiseerd: leeg_is_geen(&f.gerealiseerd)
                    .map(buig_plan::lees_getal)
                    .transpose()
                    .map_err(|e| format!("gerealiseerd: {e}"))?,
                kosten,
                notitie: leeg_is_geen(&f.notitie).map(str::to_string),
            };
            u.controleer().map_err(|f| f.to_string())?;
            Ok(u)
        };
        let u = match lees() {
            Ok(u) => u,
            Err(m) => return weiger(&staat, &ik, code, &f.titel, terug.as_deref(), m).await,
        };
        if let Err(e) = staat.store.voeg_status_toe(code, &f.titel, &u).await {
            return weiger(&staat, &ik, code, &f.titel, None, crate::fout::plan_melding(&e)).await;
        }
        let details = format!("{} {} {}: {}", f.titel, u.actie, u.kwartaal, u.status.code());
        staat.store.audit(Some(&ik.gebruiker.naam), "plan.status", Some(&code), &details).await?;
        Ok(opgeslagen(code, terug.as_deref(), "status"))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// Missing fields are empty, so that scoping (404) and the field-named refusal come first.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EvaluatieForm {
    csrf: String,
    titel: String,
    actie: String,
    datum: String,
    oordeel: String,
    toelichting: String,
}

/// POST /g/{code}/plan/evaluatie (role bewerker).
pub async fn evaluatie(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Form(f): Form<EvaluatieForm>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let actie = f.actie.trim().to_uppercase();
        let lees = || -> Result<Evaluatie, String> {
            let e = Evaluatie {
                actie: actie.clone(),
                datum: buig_plan::lees_datum(&f.datum).map_err(|e| format!("datum: {e}"))?,
                oordeel: f.oordeel.parse::<Oordeel>().map_err(|e| format!("oordeel: {e}"))?,
                toelichting: f.toelichting.trim().to_string(),
            };
            e.controleer().map_err(|f| f.to_string())?;
            Ok(e)
        };
        let e = match lees() {
            Ok(e) => e,
            Err(m) => return weiger(&staat, &ik, code, &f.titel, Some(&actie), m).await,
        };
        if let Err(fout) = staat.store.voeg_evaluatie_toe(code, &f.titel, &e).await {
            return weiger(&staat, &ik, code, &f.titel, None, crate::fout::plan_melding(&fout)).await;
        }
        let details = format!("{} {} {}: {}", f.titel, e.actie, e.datum, e.oordeel.code());
        staat.store.audit(Some(&ik.gebruiker.naam), "plan.evaluatie", Some(&code), &details).await?;
        Ok(opgeslagen(code, Some(&e.actie), "evaluatie"))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// Missing fields are empty, so that scoping (404) and the field-named refusal come first.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RisicoForm {
    csrf: String,
    titel: String,
    risico: String,
    beheersmaatregel: String,
    eigenaar: Option<String>,
    kans: Option<String>,
    impact: Option<String>,
}

/// POST /g/{code}/plan/risico (role bewerker): adds a risk at the end.
pub async fn risico(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Form(f): Form<RisicoForm>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let lees = || -> Result<Risico, String> {
            let niveau = |veld: &str, s: &Option<String>| {
                leeg_is_geen(s).map(|v| v.parse::<Niveau>()).transpose().map_err(|e| format!("{veld}: {e}"))
            };
            let r = Risico {
                nummer: 0,
                risico: f.risico.trim().to_string(),
                beheersmaatregel: f.beheersmaatregel.trim().to_string(),
                eigenaar: leeg_is_geen(&f.eigenaar).map(str::to_string),
                kans: niveau("kans", &f.kans)?,
                impact: niveau("impact", &f.impact)?,
            };
            r.controleer().map_err(|f| f.to_string())?;
            Ok(r)
        };
        let risico = match lees() {
            Ok(r) => r,
            Err(m) => return weiger(&staat, &ik, code, &f.titel, None, m).await,
        };
        let nummer = match staat.store.bewaar_risico(code, &f.titel, &risico).await {
            Ok(n) => n,
            Err(e) => return weiger(&staat, &ik, code, &f.titel, None, crate::fout::plan_melding(&e)).await,
        };
        staat.store.audit(Some(&ik.gebruiker.naam), "plan.risico", Some(&code), &format!("{} risico {nummer}", f.titel)).await?;
        Ok(opgeslagen(code, None, "risico"))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// POST /g/{code}/plan/import (role bewerker): a plan from CSV or XLSX, all or nothing, audited.
pub async fn import(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, mp: axum::extract::Multipart) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        let crate::upload::Upload { velden, bestand } = crate::upload::Upload::lees(mp, &staat.instellingen.uploadmap, buig_plan::MAX_BESTAND).await?;
        let bestand = match &bestand {
            Some(b) if b.grootte > 0 => {
                Some((b.naam.clone(), tokio::fs::read(b.pad()).await.map_err(|e| Fout::Intern(format!("{}: {e}", b.pad().display())))?))
            }
            _ => None,
        };
        ik.controleer_csrf(velden.get("csrf").map(String::as_str).unwrap_or(""))?;
        let veld = |k: &str| velden.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
        let titel = veld("titel").map(str::to_string);
        let lees = || -> Result<(String, buig_plan::Plan), String> {
            let (naam, data) = bestand.as_ref().filter(|(_, d)| !d.is_empty()).ok_or("bestand: kies een bestand (het gekozen bestand is leeg)")?;
            let titel = titel.clone().ok_or("titel: leeg; geef het plan een titel")?;
            let datum = |k: &str| veld(k).map(|v| buig_plan::lees_datum(v).map_err(|e| format!("{k}: {e}"))).transpose();
            let kop = buig_plan::PlanKop {
                gemeente: code,
                titel,
                van: datum("van")?,
                tot: datum("tot")?,
                doel_uitkeringen: veld("doel_uitkeringen")
                    .map(|v| v.replace('.', "").parse::<i64>().map_err(|_| format!("doel_uitkeringen: \"{v}\" is geen geheel aantal")))
                    .transpose()?,
                doel_euro: veld("doel_euro").map(|v| pagina::bedrag(v).map_err(|e| format!("doel_euro: {e}"))).transpose()?,
                nulmeting: datum("nulmeting")?,
                bron: naam.clone(),
                sturing: veld("sturing").map(str::to_string),
            };
            let xlsx = naam.to_lowercase().ends_with(".xlsx") || data.starts_with(b"PK\x03\x04");
            let plan = if xlsx { buig_plan::lees_xlsx(data, veld("blad"), kop) } else { buig_plan::lees_csv(data.as_slice(), kop) }
                .map_err(|e| format!("{naam}: {e}"))?;
            Ok((naam.clone(), plan))
        };
        let (naam, plan) = match lees() {
            Ok(x) => x,
            Err(m) => {
                staat.store.audit(Some(&ik.gebruiker.naam), "plan.import", Some(&code), &format!("geweigerd: {m}")).await?;
                let melding = html! { p.melding.fout role="alert" { "Niet opgeslagen: " (m) ". Er is niets opgeslagen; de database is ongewijzigd." } };
                return scherm(&staat, &ik, code, titel.as_deref(), Some(melding), StatusCode::UNPROCESSABLE_ENTITY).await;
            }
        };
        staat.store.bewaar_plan(&plan).await?;
        let details = format!("titel={} bestand={naam} acties={} risicos={}", plan.titel, plan.acties.len(), plan.risicos.len());
        staat.store.audit(Some(&ik.gebruiker.naam), "plan.import", Some(&code), &details).await?;
        Ok(Redirect::to(&format!("/g/{code}/plan?titel={}&opgeslagen=plan", pagina::url_encode(&plan.titel))).into_response())
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// Missing fields are empty, so that scoping (404) and the field-named refusal come first.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RisicoWegForm {
    csrf: String,
    titel: String,
    nummer: String,
}

/// POST /g/{code}/plan/risico/verwijderen (role bewerker): removes one risk, audited.
pub async fn risico_verwijderen(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    Form(f): Form<RisicoWegForm>,
) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let Ok(nummer) = f.nummer.trim().parse::<u32>() else {
            return weiger(&staat, &ik, code, &f.titel, None, format!("nummer: \"{}\" is geen risiconummer", f.nummer.trim())).await;
        };
        if !staat.store.verwijder_risico(code, &f.titel, nummer).await? {
            return weiger(&staat, &ik, code, &f.titel, None, format!("\"{}\" heeft geen risico {nummer}", f.titel)).await;
        }
        staat.store.audit(Some(&ik.gebruiker.naam), "plan.risico", Some(&code), &format!("{} risico {nummer} verwijderd", f.titel)).await?;
        Ok(opgeslagen(code, None, "risico-verwijderd"))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// POST /g/{code}/plan/koppeling (role bewerker): the vangnet years the plan supports
/// (the form sends `jaar` once per ticked box).
pub async fn koppeling(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, body: String) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        let velden: Vec<(String, String)> =
            serde_urlencoded::from_str(&body).map_err(|_| Fout::Gegevens("het formulier is onleesbaar".into()))?;
        let veld = |naam: &str| velden.iter().find(|(k, _)| k == naam).map(|(_, v)| v.clone()).unwrap_or_default();
        ik.controleer_csrf(&veld("csrf"))?;
        let titel = veld("titel");
        let mut jaren = Vec::new();
        for (_, j) in velden.iter().filter(|(k, _)| k == "jaar") {
            match j.trim().parse::<i32>() {
                Ok(j) if (2015..=2100).contains(&j) => jaren.push(j),
                _ => return weiger(&staat, &ik, code, &titel, None, format!("jaar: \"{j}\" is geen jaar")).await,
            }
        }
        if let Err(fout) = staat.store.koppel_plan(code, &titel, &jaren, Some(&ik.gebruiker.naam)).await {
            return weiger(&staat, &ik, code, &titel, None, crate::fout::plan_melding(&fout)).await;
        }
        Ok(opgeslagen(code, None, "koppeling"))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SoortForm {
    csrf: String,
    titel: String,
    soort: String,
}

/// POST /g/{code}/plan/actie/{actie}/soort (role bewerker): intern, extern or unknown.
pub async fn soort(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path((code, actie)): Path<(String, String)>,
    Form(f): Form<SoortForm>,
) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let actie = actie.trim().to_uppercase();
        let soort = match f.soort.trim() {
            "" => None,
            s => match s.parse::<buig_plan::Soort>() {
                Ok(s) => Some(s),
                Err(m) => return weiger(&staat, &ik, code, &f.titel, Some(&actie), format!("soort: {m}")).await,
            },
        };
        if let Err(fout) = staat.store.zet_actie_soort(code, &f.titel, &actie, soort, Some(&ik.gebruiker.naam)).await {
            return weiger(&staat, &ik, code, &f.titel, Some(&actie), crate::fout::plan_melding(&fout)).await;
        }
        Ok(opgeslagen(code, Some(&actie), "soort"))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
