// SPDX-License-Identifier: EUPL-1.2
//! The vangnet page: for one year, the full explanation of the rules engine
//! — conditions, thresholds, the multi-year test, the steps of the
//! calculation with their articles — from the year's vangnet position in
//! the budget view (the one every view shows), and the notitie vangnet
//! itself as DOCX, HTML or PDF.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use buig_core::{nl, Year};
use maud::html;
use serde::Deserialize;

use crate::download;
use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, euro};
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;

#[derive(Debug, Default, Deserialize)]
pub struct JaarQuery {
    pub jaar: Option<String>,
    pub formaat: Option<String>,
    pub opgeslagen: Option<String>,
}

/// The years with a vangnet position, newest first; the default is the newest realised one.
fn jaren(o: &buig_prognose::BudgetOverzicht) -> Vec<(Year, bool)> {
    let mut v: Vec<(Year, bool)> =
        o.jaren.iter().filter_map(|j| j.vangnet.as_ref().map(|v| (j.jaar, v.stadium == buig_core::records::Stadium::Realisatie))).collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.0));
    v
}

fn kies_jaar(q: &JaarQuery, o: &buig_prognose::BudgetOverzicht) -> Result<Year, Fout> {
    match q.jaar.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(j) => j.parse().map_err(|e| Fout::Gegevens(format!("jaar: {e}"))),
        None => {
            let js = jaren(o);
            js.iter()
                .find(|(_, realisatie)| *realisatie)
                .or(js.first())
                .map(|(j, _)| *j)
                .ok_or_else(|| Fout::Gegevens("er is geen jaar met een definitief budget en een tekort of overschot in de database".into()))
        }
    }
}

/// GET /g/{code}/vangnet.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<JaarQuery>) -> Response {
    match inhoud(&staat, &ik, &code, &q, None).await {
        Ok(r) => r,
        Err(e) => pagina::fout_response(Some(&ik), e),
    }
}

fn ja_nee(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "ja",
        Some(false) => "nee",
        None => "onbekend",
    }
}

async fn inhoud(staat: &Staat, ik: &Ingelogd, code: &str, q: &JaarQuery, fout: Option<String>) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::gemeente(staat, code).await?;
    let o = gegevens::budget(staat, code).await?;
    let jaar = kies_jaar(q, &o)?;
    let keuzes = jaren(&o);
    let n = gegevens::vangnet(staat, code, jaar).await;
    let mag = ik.gebruiker.mag_bewerken(&code);
    let body = html! {
        @if let Some(m) = &q.opgeslagen { p.melding.goed role="status" { (m) " opgeslagen." } }
        @if let Some(m) = &fout { p.melding.fout role="alert" { "Niet opgeslagen: " (m) } }
        h1 { "Vangnet " (jaar) " — " (b.naam) }
        @if !keuzes.is_empty() {
            nav aria-label="Jaren" { p { "Jaar: " @for (j, _) in &keuzes { a href={ "/g/" (code) "/vangnet?jaar=" (j) } aria-current=[(*j == jaar).then_some("page")] { (j) } " " } } }
        }
        @match &n {
            Err(e) => { p.melding.let-op role="alert" { (e) } }
            Ok(n) => {
                @let r = &n.positie.resultaat;
                p.antwoord {
                    @match (r.recht, r.vangnetuitkering) {
                        (Some(true), Some(u)) => { "Recht op een vangnetuitkering over " (jaar) " van " strong { (nl::money(u)) } "." }
                        (Some(false), _) => { "Geen recht op een vangnetuitkering over " (jaar) "." }
                        _ => { "Het recht over " (jaar) " is nog niet vast te stellen; indien voorwaarde b vervuld is: " strong { (nl::money(r.vangnetuitkering_indien_recht)) } "." }
                    }
                    " Cijfers: " (n.positie.stadium) "."
                }
                p { a.knop href={ "/g/" (code) "/vangnet/notitie?jaar=" (jaar) "&formaat=docx" } { "Notitie vangnet " (jaar) " (DOCX)" } " "
                    a.knop.tweede href={ "/g/" (code) "/vangnet/notitie?jaar=" (jaar) "&formaat=html" } { "Notitie als HTML" }
                    (crate::download::pdf_knop(format!("/g/{code}/vangnet/notitie?jaar={jaar}&formaat=pdf"))) }
                h2 { "Voorwaarden" }
                dl.feiten {
                    dt { "Regel" } dd { (r.regel_titel) " (" (r.regel) ", status: " (r.status) ")" }
                    dt { "Budget " (jaar) } dd { (euro(Some(r.budget))) }
                    dt { "Tekort " (jaar) } dd { (euro(Some(r.tekort))) " = " (nl::percentage(r.tekort_percentage)) " van het budget" }
                    dt { "a. Tekort boven de drempel" } dd { (ja_nee(Some(r.voorwaarde_a))) " (drempel " (nl::rule_percentage(r.drempel_percentage)) " = " (nl::euro(r.drempel_bedrag)) ")" }
                    dt { "b. Meerjarig tekort" } dd {
                        (ja_nee(r.voorwaarde_b))
                        @if let (Some(t), Some(p)) = (r.meerjarig_tekort, r.meerjarig_percentage) {
                            " (" (nl::jaren(&r.meerjarig_jaren)) ": " (euro(Some(t))) " = " (nl::percentage(p))
                            @if let Some(d) = r.meerjarig_drempel_percentage { ", drempel " (nl::rule_percentage(d)) } ")"
                        }
                    }
                    dt { "Route" } dd { (r.route) @if r.aanhoudend_tekort { " (aanhoudend tekort)" } }
                    dt { "Vangnetuitkering" } dd { (r.vangnetuitkering.map(nl::money).unwrap_or_else(|| "onbekend".into())) @if let Some(e) = r.eigen_risico { " — eigen risico " (nl::money(e)) } }
                    dt { "Formulier" } dd { (r.formulier) @if r.instemming_raad { " — met instemming van de gemeenteraad" } }
                    dt { "Uiterste indiendatum" } dd { (nl::date_long(r.uiterste_indiendatum)) }
                }
                h2 { "De berekening stap voor stap" }
                div.tabelrol { table {
                    caption { "Stappen van de berekening" }
                    thead { tr { th scope="col" { "Stap" } th scope="col" { "" } th scope="col" { "Omschrijving" } th.getal scope="col" { "Bedrag" } } }
                    tbody { @for s in &r.stappen { tr { th scope="row" { (s.stap) } td { (s.symbool) } td { (s.omschrijving) } td.getal { (s.bedrag.map(nl::euro_cent).unwrap_or_else(|| "–".into())) } } } }
                } }
                h2 { "Jaren" }
                div.tabelrol { table {
                    caption { "Budget en tekort per jaar" }
                    thead { tr { th scope="col" { "Jaar" } th.getal scope="col" { "Budget" } th.getal scope="col" { "Lasten" } th.getal scope="col" { "Baten" } th.getal scope="col" { "Tekort" } th.getal scope="col" { "%" } } }
                    tbody { @for j in &r.jaren { tr { th scope="row" { (j.jaar) } td.getal { (euro(j.budget)) } td.getal { (euro(j.lasten)) } td.getal { (euro(j.baten)) } td.getal { (euro(Some(j.tekort))) } td.getal { (j.tekort_percentage.map(nl::percentage).unwrap_or_else(|| "–".into())) } } } }
                } }
                h2 { "Uitleg" }
                ul.uitleg { @for u in &r.uitleg { li { (u) } } }
                @for w in &r.waarschuwingen { p.melding.let-op { (w) } }
                h2 { "Bronnen" }
                ul.bron { @for s in &r.bronnen { li { (s) } } }
            }
        }
        @if mag { (aanvullen(ik, code, jaar)) }
    };
    Ok(pagina::pagina(ik, Some((code, &b.naam)), "Vangnet", &format!("Vangnet {} {}", jaar, b.naam), body).into_response())
}

/// Forms for role bewerker: a past year's budget and shortfall (as `buig
/// jaarcijfer`) and whether a vangnetuitkering was granted over a year (as
/// `buig verleend`), for the multi-year test and condition e.
fn aanvullen(ik: &Ingelogd, code: buig_core::GemeenteCode, jaar: Year) -> maud::Markup {
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
            div { label for="jc-bron" { "Bron" } input #jc-bron type="text" name="bron" maxlength="200" placeholder="jaarrekening"; }
            div { button type="submit" { "Opslaan" } }
        }
        p { "Is over een eerder jaar een vangnetuitkering verleend? Dat bepaalt of er sprake is van een aanhoudend tekort (voorwaarde e: uitgebreid verzoek)." }
        form.knoppen method="post" action={ "/g/" (code) "/vangnet/verleend" } {
            input type="hidden" name="csrf" value=(ik.csrf);
            input type="hidden" name="terug" value=(jaar);
            div { label for="vl-jaar" { "Jaar" } input #vl-jaar type="number" name="jaar" required min="2014" max="2030" value=(vorig); }
            div { label for="vl-verleend" { "Verleend" } select #vl-verleend name="verleend" { option value="ja" { "ja" } option value="nee" { "nee" } } }
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
    bron: Option<String>,
}

fn bron_of(b: &Option<String>, standaard: &str) -> String {
    b.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(standaard).to_string()
}

/// The page again with a refusal, status 422.
async fn weiger(staat: &Staat, ik: &Ingelogd, code: &str, terug: &str, m: String) -> Response {
    let q = JaarQuery { jaar: Some(terug.to_string()), ..Default::default() };
    match inhoud(staat, ik, code, &q, Some(m)).await {
        Ok(r) => (axum::http::StatusCode::UNPROCESSABLE_ENTITY, r).into_response(),
        Err(e) => pagina::fout_response(Some(ik), e),
    }
}

fn terug_naar(code: buig_core::GemeenteCode, terug: &str, wat: &str) -> Response {
    let jaar: String = terug.chars().filter(char::is_ascii_digit).take(4).collect();
    let wat = pagina::url_encode(wat);
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
            Ok(buig_core::records::Jaarcijfer {
                jaar,
                stadium: buig_core::records::Stadium::Realisatie,
                lasten: None,
                budget: Some(budget),
                tekort: Some(tekort),
                tekort_percentage: None,
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
        let details = format!("jaar={} budget={} tekort={}", j.jaar, j.budget.unwrap_or_default(), j.tekort.unwrap_or_default());
        staat.store.audit(Some(&ik.gebruiker.naam), "jaarcijfer", Some(&gm), &details).await?;
        Ok::<_, Fout>(terug_naar(gm, &f.terug, &format!("Jaarcijfers {}", j.jaar)))
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
            Ok(buig_store::verleend::Verleend {
                jaar,
                verleend,
                bedrag: None,
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
        Ok::<_, Fout>(terug_naar(gm, &f.terug, &format!("Vangnet {} verleend: {}", v.jaar, f.verleend)))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// GET /g/{code}/vangnet/notitie?jaar=…&formaat=docx|html|pdf: the notitie vangnet.
pub async fn notitie(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<JaarQuery>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let o = gegevens::budget(&staat, code).await?;
        let jaar = kies_jaar(&q, &o)?;
        let formaat: buig_rapport::Formaat = q.formaat.as_deref().unwrap_or("docx").parse().map_err(Fout::Gegevens)?;
        let (doc, naam) = download::document(&staat, code, buig_rapport::DocumentSoort::NotitieVangnet, Some(jaar)).await?;
        let bytes = download::maak(doc, formaat).await?;
        Ok::<_, Fout>(download::download(bytes, formaat, &naam))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
