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

use super::{actie_scherm, bevestiging, scherm, Antwoord};
use crate::fout::Fout;
use crate::pagina;
use crate::sessie::{Ingelogd, Recht};
use crate::veld::{self, Ingevuld};
use crate::Staat;

fn leeg_is_geen(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// An optional field: empty is `None`, else read by `f`.
fn optioneel<T>(f: impl Fn(&str) -> Result<T, String>) -> impl Fn(&str) -> Result<Option<T>, String> {
    move |s: &str| if s.trim().is_empty() { Ok(None) } else { f(s).map(Some) }
}

/// Where a refused form answers: the action's page when it came from there, else the
/// plan; the form filled in as it was sent, each error beside its field.
async fn weiger(staat: &Staat, ik: &Ingelogd, code: GemeenteCode, titel: &str, actie: Option<&str>, i: Ingevuld) -> Result<Response, Fout> {
    match actie {
        Some(a) => actie_scherm(staat, ik, code, Some(titel), a, Antwoord::geweigerd(&i)).await,
        None => scherm(staat, ik, code, Some(titel), Antwoord::geweigerd(&i)).await,
    }
}

/// A refusal by the store (an unknown action, a plan that is gone): a message above the page.
async fn weiger_melding(staat: &Staat, ik: &Ingelogd, code: GemeenteCode, titel: &str, m: String) -> Result<Response, Fout> {
    let melding = html! { p.melding.fout role="alert" { "Niet opgeslagen: " (m) } };
    scherm(staat, ik, code, Some(titel), Antwoord { melding: Some(melding), ingevuld: None, status: StatusCode::UNPROCESSABLE_ENTITY })
        .await
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
        let lees = || -> Result<Statusupdate, Ingevuld> {
            let mut i = Ingevuld::nieuw("st");
            i.bewaar("actie", &f.actie);
            let kwartaal = i.lees("kwartaal", &f.kwartaal, |s| s.parse::<Kwartaal>());
            let status = i.lees("status", &f.status, |s| s.parse::<Status>());
            let gerealiseerd = i.lees("gerealiseerd", f.gerealiseerd.as_deref().unwrap_or(""), optioneel(buig_plan::lees_getal));
            let kosten = i.lees("kosten", f.kosten.as_deref().unwrap_or(""), optioneel(pagina::bedrag));
            i.bewaar("notitie", f.notitie.as_deref().unwrap_or(""));
            let (Some(kwartaal), Some(status), Some(gerealiseerd), Some(kosten)) = (kwartaal, status, gerealiseerd, kosten) else {
                return Err(i);
            };
            let u = Statusupdate {
                actie: f.actie.trim().to_uppercase(),
                kwartaal,
                status,
                gerealiseerd,
                kosten,
                notitie: leeg_is_geen(&f.notitie).map(str::to_string),
            };
            if let Err(e) = u.controleer() {
                i.fout(e.veld, e.melding);
                return Err(i);
            }
            Ok(u)
        };
        let u = match lees() {
            Ok(u) => u,
            Err(i) => return weiger(&staat, &ik, code, &f.titel, terug.as_deref(), i).await,
        };
        if let Err(e) = staat.store.voeg_status_toe(code, &f.titel, &u).await {
            return weiger_melding(&staat, &ik, code, &f.titel, crate::fout::plan_melding(&e)).await;
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
        let lees = || -> Result<Evaluatie, Ingevuld> {
            let mut i = Ingevuld::nieuw("ev");
            let datum = i.lees("datum", &f.datum, veld::datum);
            let oordeel = i.lees("oordeel", &f.oordeel, |s| s.parse::<Oordeel>());
            i.bewaar("toelichting", &f.toelichting);
            let (Some(datum), Some(oordeel)) = (datum, oordeel) else { return Err(i) };
            let e = Evaluatie { actie: actie.clone(), datum, oordeel, toelichting: f.toelichting.trim().to_string() };
            if let Err(e) = e.controleer() {
                i.fout(e.veld, e.melding);
                return Err(i);
            }
            Ok(e)
        };
        let e = match lees() {
            Ok(e) => e,
            Err(i) => return weiger(&staat, &ik, code, &f.titel, Some(&actie), i).await,
        };
        if let Err(fout) = staat.store.voeg_evaluatie_toe(code, &f.titel, &e).await {
            return weiger_melding(&staat, &ik, code, &f.titel, crate::fout::plan_melding(&fout)).await;
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
        let lees = || -> Result<Risico, Ingevuld> {
            let mut i = Ingevuld::nieuw("ri");
            i.bewaar("risico", &f.risico);
            i.bewaar("beheersmaatregel", &f.beheersmaatregel);
            i.bewaar("eigenaar", f.eigenaar.as_deref().unwrap_or(""));
            let kans = i.lees("kans", f.kans.as_deref().unwrap_or(""), optioneel(|v| v.parse::<Niveau>()));
            let impact = i.lees("impact", f.impact.as_deref().unwrap_or(""), optioneel(|v| v.parse::<Niveau>()));
            let (Some(kans), Some(impact)) = (kans, impact) else { return Err(i) };
            let r = Risico {
                nummer: 0,
                risico: f.risico.trim().to_string(),
                beheersmaatregel: f.beheersmaatregel.trim().to_string(),
                eigenaar: leeg_is_geen(&f.eigenaar).map(str::to_string),
                kans,
                impact,
            };
            if let Err(e) = r.controleer() {
                i.fout(e.veld, e.melding);
                return Err(i);
            }
            Ok(r)
        };
        let risico = match lees() {
            Ok(r) => r,
            Err(i) => return weiger(&staat, &ik, code, &f.titel, None, i).await,
        };
        let nummer = match staat.store.bewaar_risico(code, &f.titel, &risico).await {
            Ok(n) => n,
            Err(e) => return weiger_melding(&staat, &ik, code, &f.titel, crate::fout::plan_melding(&e)).await,
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
        let crate::upload::Upload { velden, bestand } =
            crate::upload::Upload::lees(mp, &staat.instellingen.uploadmap, buig_plan::MAX_BESTAND).await?;
        let bestand = match &bestand {
            Some(b) if b.grootte > 0 => {
                Some((b.naam.clone(), tokio::fs::read(b.pad()).await.map_err(|e| Fout::Intern(format!("{}: {e}", b.pad().display())))?))
            }
            _ => None,
        };
        ik.controleer_csrf(velden.get("csrf").map(String::as_str).unwrap_or(""))?;
        let veld = |k: &str| velden.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
        let tekst = |k: &str| velden.get(k).map(String::as_str).unwrap_or("");
        let titel = veld("titel").map(str::to_string);
        let lees = || -> Result<(String, buig_plan::Plan), Ingevuld> {
            let mut i = Ingevuld::nieuw("plan");
            let t = i.lees("titel", tekst("titel"), |s| match s.trim() {
                "" => Err("leeg; geef het plan een titel".to_string()),
                t => Ok(t.to_string()),
            });
            let van = i.lees("van", tekst("van"), optioneel(veld::datum));
            let tot = i.lees("tot", tekst("tot"), optioneel(veld::datum));
            let doel_uitkeringen = i.lees(
                "doel_uitkeringen",
                tekst("doel_uitkeringen"),
                optioneel(|v| v.trim().replace('.', "").parse::<i64>().map_err(|_| format!("\"{}\" is geen geheel aantal", v.trim()))),
            );
            let doel_euro = i.lees("doel_euro", tekst("doel_euro"), optioneel(pagina::bedrag));
            let nulmeting = i.lees("nulmeting", tekst("nulmeting"), optioneel(veld::datum));
            i.bewaar("blad", tekst("blad"));
            i.bewaar("sturing", tekst("sturing"));
            let bestand = bestand.as_ref().filter(|(_, d)| !d.is_empty());
            if bestand.is_none() {
                i.fout("bestand", "kies een bestand (het gekozen bestand is leeg)".into());
            }
            let (Some((naam, data)), Some(titel), Some(van), Some(tot), Some(doel_uitkeringen), Some(doel_euro), Some(nulmeting)) =
                (bestand, t, van, tot, doel_uitkeringen, doel_euro, nulmeting)
            else {
                return Err(i);
            };
            let kop = buig_plan::PlanKop {
                gemeente: code,
                titel,
                van,
                tot,
                doel_uitkeringen,
                doel_euro,
                nulmeting,
                bron: naam.clone(),
                sturing: veld("sturing").map(str::to_string),
            };
            let xlsx = naam.to_lowercase().ends_with(".xlsx") || data.starts_with(b"PK\x03\x04");
            match if xlsx { buig_plan::lees_xlsx(data, veld("blad"), kop) } else { buig_plan::lees_csv(data.as_slice(), kop) } {
                Ok(plan) => Ok((naam.clone(), plan)),
                Err(e) => {
                    i.fout("bestand", format!("{naam}: {e}. Er is niets opgeslagen; de database is ongewijzigd."));
                    Err(i)
                }
            }
        };
        let (naam, plan) = match lees() {
            Ok(x) => x,
            Err(i) => {
                staat.store.audit(Some(&ik.gebruiker.naam), "plan.import", Some(&code), &format!("geweigerd: {}", i.als_tekst())).await?;
                return scherm(&staat, &ik, code, titel.as_deref(), Antwoord::geweigerd(&i)).await;
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
            return weiger_melding(&staat, &ik, code, &f.titel, format!("\"{}\" is geen risiconummer", f.nummer.trim())).await;
        };
        if !staat.store.verwijder_risico(code, &f.titel, nummer).await? {
            return weiger_melding(&staat, &ik, code, &f.titel, format!("\"{}\" heeft geen risico {nummer}", f.titel)).await;
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
                _ => return weiger_melding(&staat, &ik, code, &titel, format!("jaar: \"{j}\" is geen jaar")).await,
            }
        }
        if let Err(fout) = staat.store.koppel_plan(code, &titel, &jaren, Some(&ik.gebruiker.naam)).await {
            return weiger_melding(&staat, &ik, code, &titel, crate::fout::plan_melding(&fout)).await;
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
                Err(m) => return weiger_melding(&staat, &ik, code, &f.titel, format!("soort: {m}")).await,
            },
        };
        if let Err(fout) = staat.store.zet_actie_soort(code, &f.titel, &actie, soort, Some(&ik.gebruiker.naam)).await {
            return weiger_melding(&staat, &ik, code, &f.titel, crate::fout::plan_melding(&fout)).await;
        }
        Ok(opgeslagen(code, Some(&actie), "soort"))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
