// SPDX-License-Identifier: EUPL-1.2
//! What a bewerker adds on the vangnet page: a past year's budget and
//! shortfall (with the budget without art. 7 where that applied), and
//! whether a vangnetuitkering was granted over a year — the two buttons
//! that settle condition e. Both are also on the command line.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use buig_core::{GemeenteCode, Year};
use maud::{html, Markup};
use serde::Deserialize;

use super::{inhoud, JaarQuery};
use crate::fout::Fout;
use crate::pagina;
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

/// Two buttons for one year of the aanhoudend window: was a vangnetuitkering granted over it?
pub fn knoppen_verleend(ik: &Ingelogd, code: GemeenteCode, terug: Year, jaar: Year) -> Markup {
    html! {
        form.inline method="post" action={ "/g/" (code) "/vangnet/verleend" } {
            input type="hidden" name="csrf" value=(ik.csrf);
            input type="hidden" name="terug" value=(terug);
            input type="hidden" name="jaar" value=(jaar);
            span { "Over " (jaar) " een vangnetuitkering verleend? " }
            button type="submit" name="verleend" value="ja" { "Ja" } " "
            button.tweede type="submit" name="verleend" value="nee" { "Nee" }
        }
    }
}

/// Forms for role bewerker: a past year's figures and whether a vangnetuitkering was granted.
pub fn formulieren(ik: &Ingelogd, code: GemeenteCode, jaar: Year) -> Markup {
    let vorig = jaar.offset(-1);
    html! {
        h2 #aanvullen { "Eerdere jaren aanvullen" }
        p { "Voor jaren zonder maandrealisatie: het definitieve budget en het tekort uit de jaarrekening of de SiSa-verantwoording (een overschot is een negatief tekort). Ze tellen mee in het meerjarig tekort (voorwaarde b)." }
        form.knoppen method="post" action={ "/g/" (code) "/vangnet/jaarcijfer" } {
            input type="hidden" name="csrf" value=(ik.csrf);
            input type="hidden" name="terug" value=(jaar);
            div { label for="jc-jaar" { "Jaar" } input #jc-jaar type="number" name="jaar" required min="2014" max="2030" value=(vorig); }
            div { label for="jc-budget" { "Definitief budget" span.hint { "euro's" } } input #jc-budget type="text" inputmode="decimal" name="budget" required; }
            div { label for="jc-tekort" { "Tekort" span.hint { "negatief = overschot" } } input #jc-tekort type="text" inputmode="decimal" name="tekort" required; }
            div { label for="jc-art7" { "Budget zonder art. 7" span.hint { "alleen als artikel 7 Besluit Participatiewet gold" } } input #jc-art7 type="text" inputmode="decimal" name="budget_zonder_art7"; }
            div { label for="jc-bron" { "Bron" } input #jc-bron type="text" name="bron" maxlength="200" placeholder="jaarrekening"; }
            div { button type="submit" { "Opslaan" } }
        }
        p { "Is over een eerder jaar een vangnetuitkering verleend? Dat bepaalt of er sprake is van een aanhoudend tekort (voorwaarde e: uitgebreid verzoek)." }
        form.knoppen method="post" action={ "/g/" (code) "/vangnet/verleend" } {
            input type="hidden" name="csrf" value=(ik.csrf);
            input type="hidden" name="terug" value=(jaar);
            div { label for="vl-jaar" { "Jaar" } input #vl-jaar type="number" name="jaar" required min="2014" max="2030" value=(vorig); }
            div { label for="vl-verleend" { "Verleend" } select #vl-verleend name="verleend" { option value="ja" { "ja" } option value="nee" { "nee" } } }
            div { label for="vl-bedrag" { "Bedrag" span.hint { "als bekend" } } input #vl-bedrag type="text" inputmode="decimal" name="bedrag"; }
            div { label for="vl-bron" { "Bron" } input #vl-bron type="text" name="bron" maxlength="200" placeholder="beschikking"; }
            div { button type="submit" { "Opslaan" } }
        }
    }
}

/// Missing fields are empty, so that scoping (404) and the field-named refusal come first.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JaarcijferForm {
    csrf: String,
    terug: String,
    jaar: String,
    budget: String,
    tekort: String,
    budget_zonder_art7: Option<String>,
    bron: Option<String>,
}

fn bron_of(b: &Option<String>, standaard: &str) -> String {
    b.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(standaard).to_string()
}

/// An optional amount: empty is `None`.
fn optioneel_bedrag(s: &Option<String>, veld: &str) -> Result<Option<buig_core::Money>, String> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => pagina::bedrag(s).map(Some).map_err(|e| format!("{veld}: {e}")),
    }
}

/// The page again with a refusal, status 422.
pub(super) async fn weiger(staat: &Staat, ik: &Ingelogd, code: &str, terug: &str, m: String) -> Response {
    let q = JaarQuery { jaar: Some(terug.to_string()), ..Default::default() };
    match inhoud(staat, ik, code, &q, Some(m)).await {
        Ok(r) => (axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response(),
        Err(e) => pagina::fout_response(Some(ik), e),
    }
}

/// Back to the page of the year, with the code of what was saved (see [`super::bevestiging`]).
fn terug_naar(code: GemeenteCode, terug: &str, wat: &'static str) -> Response {
    debug_assert!(super::bevestiging(wat).is_some());
    let jaar: String = terug.chars().filter(char::is_ascii_digit).take(4).collect();
    axum::response::Redirect::to(&format!("/g/{code}/vangnet?jaar={jaar}&opgeslagen={wat}#aanvullen")).into_response()
}

/// POST /g/{code}/vangnet/jaarcijfer (role bewerker): as `buig jaarcijfer`.
pub async fn jaarcijfer(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<JaarcijferForm>,
) -> Response {
    let r = async {
        let gm = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let lees = || -> Result<buig_core::records::Jaarcijfer, String> {
            let jaar: Year = f.jaar.trim().parse().map_err(|e| format!("jaar: {e}"))?;
            let budget = pagina::bedrag(&f.budget).map_err(|e| format!("budget: {e}"))?;
            if !budget.is_positive() {
                return Err("budget: een budget is groter dan nul".into());
            }
            let tekort = pagina::bedrag(&f.tekort).map_err(|e| format!("tekort: {e}"))?;
            let budget_zonder_art7 = optioneel_bedrag(&f.budget_zonder_art7, "budget zonder art. 7")?;
            if budget_zonder_art7.is_some_and(|b| !b.is_positive()) {
                return Err("budget zonder art. 7: een budget is groter dan nul".into());
            }
            Ok(buig_core::records::Jaarcijfer {
                jaar,
                stadium: buig_core::records::Stadium::Realisatie,
                lasten: None,
                budget: Some(budget),
                tekort: Some(tekort),
                tekort_percentage: None,
                budget_zonder_art7,
                status: "opgegeven".into(),
                bron: bron_of(&f.bron, "opgegeven in de web-app"),
                opmerking: String::new(),
            })
        };
        let j = match lees() {
            Ok(j) => j,
            Err(m) => return Ok(weiger(&staat, &ik, &code, &f.terug, m).await),
        };
        staat.store.zet_jaarcijfer(gm, &j).await?;
        let mut details = format!("jaar={} budget={} tekort={}", j.jaar, j.budget.unwrap_or_default(), j.tekort.unwrap_or_default());
        if let Some(b) = j.budget_zonder_art7 {
            details.push_str(&format!(" budget_zonder_art7={b}"));
        }
        staat.store.audit(Some(&ik.gebruiker.naam), "jaarcijfer", Some(&gm), &details).await?;
        Ok::<_, Fout>(terug_naar(gm, &f.terug, "jaarcijfer"))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// Missing fields are empty, so that scoping (404) and the field-named refusal come first.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VerleendForm {
    csrf: String,
    terug: String,
    jaar: String,
    verleend: String,
    bedrag: Option<String>,
    bron: Option<String>,
}

/// POST /g/{code}/vangnet/verleend (role bewerker): as `buig verleend`.
pub async fn verleend(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<VerleendForm>,
) -> Response {
    let r = async {
        let gm = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let lees = || -> Result<buig_store::verleend::Verleend, String> {
            let jaar: Year = f.jaar.trim().parse().map_err(|e| format!("jaar: {e}"))?;
            let verleend = match f.verleend.as_str() {
                "ja" => true,
                "nee" => false,
                o => return Err(format!("verleend: \"{o}\" is geen ja of nee")),
            };
            let bedrag = optioneel_bedrag(&f.bedrag, "bedrag")?;
            if bedrag.is_some() && !verleend {
                return Err("bedrag: een bedrag hoort alleen bij een verleende vangnetuitkering".into());
            }
            Ok(buig_store::verleend::Verleend {
                jaar,
                verleend,
                bedrag,
                status: "opgegeven".into(),
                bron: bron_of(&f.bron, "opgegeven in de web-app"),
            })
        };
        let v = match lees() {
            Ok(v) => v,
            Err(m) => return Ok(weiger(&staat, &ik, &code, &f.terug, m).await),
        };
        staat.store.zet_verleend(gm, &v).await?;
        let details = format!("jaar={} verleend={}", v.jaar, if v.verleend { "ja" } else { "nee" });
        staat.store.audit(Some(&ik.gebruiker.naam), "vangnet.verleend", Some(&gm), &details).await?;
        Ok::<_, Fout>(terug_naar(gm, &f.terug, "verleend"))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
