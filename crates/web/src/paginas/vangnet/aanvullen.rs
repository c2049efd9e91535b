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
use crate::veld::{self, Ingevuld, Invoer, Veld};
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

/// The labels of the fields, for the summary of errors.
pub(super) const LABELS: &[(&str, &str)] = &[
    ("jaar", "Jaar"),
    ("budget", "Definitief budget"),
    ("tekort", "Tekort"),
    ("budget_zonder_art7", "Budget zonder art. 7"),
    ("bron", "Bron"),
    ("verleend", "Verleend"),
    ("bedrag", "Bedrag"),
];

/// Forms for role bewerker: a past year's figures and whether a vangnetuitkering was granted;
/// `ingevuld` is what was sent when it was refused, shown again with the errors beside the fields.
pub fn formulieren(ik: &Ingelogd, code: GemeenteCode, jaar: Year, ingevuld: Option<&Ingevuld>) -> Markup {
    let vorig = jaar.offset(-1).to_string();
    html! {
        h2 #aanvullen { "Eerdere jaren aanvullen" }
        p { "Voor jaren zonder maandrealisatie: het definitieve budget en het tekort uit de jaarrekening of de SiSa-verantwoording (een overschot is een negatief tekort). Ze tellen mee in het meerjarig tekort (voorwaarde b)." }
        form.knoppen method="post" action={ "/g/" (code) "/vangnet/jaarcijfer" } novalidate {
            input type="hidden" name="csrf" value=(ik.csrf);
            input type="hidden" name="terug" value=(jaar);
            (Veld::new("jaar", "Jaar", Invoer::Geheel).verplicht().max(4).standaard(vorig.clone()).toon("jc", ingevuld))
            (Veld::new("budget", "Definitief budget", Invoer::Bedrag).hint("euro's").verplicht().toon("jc", ingevuld))
            (Veld::new("tekort", "Tekort", Invoer::Bedrag).hint("negatief = overschot").verplicht().toon("jc", ingevuld))
            (Veld::new("budget_zonder_art7", "Budget zonder art. 7", Invoer::Bedrag).hint("alleen als artikel 7 Besluit Participatiewet gold").toon("jc", ingevuld))
            (Veld::new("bron", "Bron", Invoer::Tekst).max(200).hint("bijvoorbeeld jaarrekening").toon("jc", ingevuld))
            div { button type="submit" { "Opslaan" } }
        }
        p { "Is over een eerder jaar een vangnetuitkering verleend? Dat bepaalt of er sprake is van een aanhoudend tekort (voorwaarde e: uitgebreid verzoek)." }
        form.knoppen method="post" action={ "/g/" (code) "/vangnet/verleend" } novalidate {
            input type="hidden" name="csrf" value=(ik.csrf);
            input type="hidden" name="terug" value=(jaar);
            (Veld::new("jaar", "Jaar", Invoer::Geheel).verplicht().max(4).standaard(vorig).toon("vl", ingevuld))
            (veld::keuze("vl", "verleend", "Verleend", &[("ja".into(), "ja".into()), ("nee".into(), "nee".into())], None, ingevuld))
            (Veld::new("bedrag", "Bedrag", Invoer::Bedrag).hint("als bekend").toon("vl", ingevuld))
            (Veld::new("bron", "Bron", Invoer::Tekst).max(200).hint("bijvoorbeeld beschikking").toon("vl", ingevuld))
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
fn optioneel_bedrag(s: &str) -> Result<Option<buig_core::Money>, String> {
    match s.trim() {
        "" => Ok(None),
        s => pagina::bedrag(s).map(Some),
    }
}

fn jaar_van(s: &str) -> Result<Year, String> {
    if s.trim().is_empty() {
        return Err("vul een jaar in".into());
    }
    s.trim().parse()
}

/// The page again with the form as it was sent and its errors, status 422.
async fn weiger(staat: &Staat, ik: &Ingelogd, code: &str, terug: &str, ingevuld: Ingevuld) -> Response {
    let q = JaarQuery { jaar: Some(terug.to_string()), ..Default::default() };
    match inhoud(staat, ik, code, &q, Some(&ingevuld)).await {
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
        let lees = || -> Result<buig_core::records::Jaarcijfer, Ingevuld> {
            let mut i = Ingevuld::nieuw("jc");
            let jaar = i.lees("jaar", &f.jaar, jaar_van);
            let budget = i.lees("budget", &f.budget, |s| match pagina::bedrag(s)? {
                b if b.is_positive() => Ok(b),
                _ => Err("een budget is groter dan nul".into()),
            });
            let tekort = i.lees("tekort", &f.tekort, pagina::bedrag);
            let art7 = f.budget_zonder_art7.as_deref().unwrap_or("");
            let budget_zonder_art7 = i.lees("budget_zonder_art7", art7, |s| match optioneel_bedrag(s)? {
                Some(b) if !b.is_positive() => Err("een budget is groter dan nul".into()),
                b => Ok(b),
            });
            i.bewaar("bron", f.bron.as_deref().unwrap_or(""));
            let (Some(jaar), Some(budget), Some(tekort), Some(budget_zonder_art7)) = (jaar, budget, tekort, budget_zonder_art7) else {
                return Err(i);
            };
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
        let lees = || -> Result<buig_store::verleend::Verleend, Ingevuld> {
            let mut i = Ingevuld::nieuw("vl");
            let jaar = i.lees("jaar", &f.jaar, jaar_van);
            let verleend = i.lees("verleend", &f.verleend, |s| match s {
                "ja" => Ok(true),
                "nee" => Ok(false),
                o => Err(format!("\"{o}\" is geen ja of nee")),
            });
            let bedrag = i.lees("bedrag", f.bedrag.as_deref().unwrap_or(""), optioneel_bedrag);
            i.bewaar("bron", f.bron.as_deref().unwrap_or(""));
            let (Some(jaar), Some(verleend), Some(bedrag)) = (jaar, verleend, bedrag) else { return Err(i) };
            if bedrag.is_some() && !verleend {
                i.fout("bedrag", "een bedrag hoort alleen bij een verleende vangnetuitkering".into());
                return Err(i);
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
