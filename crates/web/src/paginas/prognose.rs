// SPDX-License-Identifier: EUPL-1.2
//! The prognosis page: the expected result of a year at a peildatum with
//! its spread (Monte Carlo), the narrowing through the year, and one
//! scenario set with knobs beside the baseline (`buig prognose`).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use buig_core::nl;
use maud::html;

use crate::diagrammen;
use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, euro, grafiek, pct};
use crate::sessie::{Ingelogd, Recht};
use crate::vraag::Knoppen;
use crate::Staat;
use buig_core::nl::kans;
use buig_prognose::kop::{Kop, KopBudget};
use buig_prognose::zinnen;

/// GET /g/{code}/prognose.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(k): Query<Knoppen>) -> Response {
    match inhoud(&staat, &ik, &code, &k).await {
        Ok(r) => r,
        Err(e) => pagina::fout_in_gemeente(&staat, &ik, &code, "Prognose", e).await,
    }
}

fn veld(naam: &str, label: &str, hint: &str, waarde: &Option<String>) -> maud::Markup {
    html! {
        div {
            label for=(naam) { (label) span.hint { (hint) } }
            input id=(naam) name=(naam) type="text" inputmode="decimal" value=(waarde.as_deref().unwrap_or(""));
        }
    }
}

fn budget_label(k: &Kop) -> &'static str {
    match k.budget_soort {
        KopBudget::VerwachtDefinitief => "Budget (verwacht definitief)",
        KopBudget::Beschikking => "Budget",
    }
}

fn mark(k: &Kop) -> &'static str {
    zinnen::werkhypothese(k.vangnet.as_ref().map(|v| v.resultaat.status).unwrap_or(buig_rules::Status::Bevestigd))
}

fn vangnet(k: &Kop) -> String {
    k.vangnet.as_ref().map(zinnen::positie_kort).unwrap_or_else(|| "de vangnetregels dekken dit jaar niet".into())
}

async fn inhoud(staat: &Staat, ik: &Ingelogd, code: &str, k: &Knoppen) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::gemeente(staat, code).await?;
    let keuze = k.keuze(&b)?;
    let r = gegevens::prognose(staat, code, keuze.clone()).await?;
    let p = &r.prognose;
    let s = r.scenarios.first();
    let kop = &r.kop;
    let body = html! {
        h1 { "Prognose " (p.jaar) " — " (b.naam) }
        p { "Peildatum " (nl::date_long(keuze.peildatum)) ": " (p.gerealiseerde_maanden) " maanden gerealiseerd, de rest geprojecteerd met de in- en uitstroom van de afgelopen jaren. Laatste beschikking: " (buig_prognose::budget::soort_label(p.budget.soort)) " budget" " (" (euro(Some(p.budget.bedrag))) ")." }
        p.antwoord { strong { (zinnen::kop_zin(kop, p.jaar)) } }
        @if let Some(z) = zinnen::huidige_beschikking_zin(kop) { p { (z) } }
        p { (zinnen::vangnet_prognose_zin(kop, p.jaar, &b.naam)) }
        @if k.vastgelegd.is_some() { p.melding.goed role="status" { "Deze prognose is vastgelegd als rapportage met peildatum " (nl::date_long(keuze.peildatum)) ". Latere prognoses van " (p.jaar) " laten zien hoe ze sindsdien bewogen." } }
        @if let Some(v) = &r.vorige_rapportage {
            h2 { "Sinds de vorige rapportage" }
            p { (zinnen::sinds_vorige_zin(v)) }
            div.tabelrol tabindex="0" { table {
                caption { "Verschil met de rapportage met peildatum " (v.peildatum.parse().map(nl::date_long).unwrap_or_else(|_: jiff::Error| v.peildatum.clone())) " (verwacht resultaat toen " (euro(Some(v.resultaat))) ")" }
                thead { tr { th scope="col" { "Oorzaak" } th.getal scope="col" { "Effect op het resultaat" } } }
                tbody { @for (wat, hoeveel) in zinnen::sinds_vorige_delen(v) { tr { th scope="row" { (wat) } td.getal { (hoeveel) } } } }
            } }
        }
        @if ik.gebruiker.mag_bewerken(&code) && s.is_none() {
            form method="post" action={ "/g/" (code) "/prognose/vastleggen" } {
                input type="hidden" name="csrf" value=(ik.csrf);
                input type="hidden" name="jaar" value=(p.jaar);
                input type="hidden" name="peildatum" value=(keuze.peildatum);
                p { button.tweede type="submit" { "Vastleggen als rapportage" } " " span.hint { "voor de planning-en-controlcyclus: latere prognoses van dit jaar zeggen hoe ze sindsdien bewogen" } }
            }
        }
        form.knoppen method="get" action={ "/g/" (code) "/prognose" } {
            (veld("jaar", "Jaar", "bijv. 2026", &k.jaar))
            div { label for="peildatum" { "Peildatum" span.hint { "laatste maand met realisatie als leeg" } } input #peildatum name="peildatum" type="date" value=(k.peildatum.as_deref().unwrap_or("")); }
            (veld("instroom_pct", "Instroom (%)", "−10 = 10% minder instroom", &k.instroom_pct))
            (veld("uitstroom_pct", "Uitstroomkans (%)", "+10 = 10% meer uitstroom", &k.uitstroom_pct))
            (veld("minder_uitkeringen_eind_jaar", "Minder uitkeringen eind jaar", "doel van het aanvalsplan", &k.minder_uitkeringen_eind_jaar))
            (veld("prijs_pct", "Prijs per uitkering (%)", "rest van het jaar", &k.prijs_pct))
            (veld("lks_pct", "Loonkostensubsidie (%)", "rest van het jaar", &k.lks_pct))
            (veld("aandeel_pct", "Budgetaandeel (%)", "op het budget zonder BLKS", &k.aandeel_pct))
            div { button type="submit" { "Bereken" } " " a.knop.tweede href={ "/g/" (code) "/prognose" } { "Herstel" } }
        }
        div.tabelrol tabindex="0" { table {
            caption { "Verwachting " (p.jaar) " (het midden van de doorrekeningen)" }
            thead { tr { th scope="col" { "" } th.getal scope="col" { "Basis" } @if s.is_some() { th.getal scope="col" { "Scenario" } th.getal scope="col" { "Verschil" } } } }
            tbody {
                tr { th scope="row" { (budget_label(kop)) } td.getal { (euro(Some(kop.budget))) } @if let Some(s) = s { td.getal { (euro(Some(s.kop.budget))) } td.getal { (euro(Some(s.kop.budget - kop.budget))) } } }
                tr { th scope="row" { "Netto lasten" } td.getal { (euro(Some(kop.netto_lasten))) } @if let Some(s) = s { td.getal { (euro(Some(s.kop.netto_lasten))) } td.getal { (euro(Some(s.kop.netto_lasten - kop.netto_lasten))) } } }
                tr { th scope="row" { "Verwacht resultaat" } td.getal.neg[kop.resultaat.is_negative()] { (euro(Some(kop.resultaat))) } @if let Some(s) = s { td.getal.neg[s.kop.resultaat.is_negative()] { (euro(Some(s.kop.resultaat))) } td.getal { (euro(Some(s.kop.resultaat - kop.resultaat))) } } }
                tr { th scope="row" { "Tekort in % van het budget" } td.getal { (pct(Some(kop.tekort_percentage))) } @if let Some(s) = s { td.getal { (pct(Some(s.kop.tekort_percentage))) } td {} } }
                @if let (Some(p10), Some(p90)) = (kop.p10, kop.p90) {
                    tr { th scope="row" { "P10 – P90 resultaat" } td.getal { (euro(Some(p10))) " – " (euro(Some(p90))) } @if let Some(s) = s { td.getal { @if let (Some(a), Some(b)) = (s.kop.p10, s.kop.p90) { (euro(Some(a))) " – " (euro(Some(b))) } } td {} } }
                }
                @if let Some(x) = kop.kans_tekort {
                    tr { th scope="row" { "Kans op een tekort" } td.getal { (kans(x)) } @if let Some(s) = s { td.getal { @if let Some(y) = s.kop.kans_tekort { (kans(y)) } } td {} } }
                }
                @if let Some(x) = kop.kans_vangnet {
                    tr { th scope="row" { "Kans op een vangnetuitkering" } td.getal { (kans(x)) } @if let Some(s) = s { td.getal { @if let Some(y) = s.kop.kans_vangnet { (kans(y)) } } td {} } }
                }
                @if let Some(x) = kop.verwachte_vangnetuitkering {
                    tr { th scope="row" { "Verwachte vangnetuitkering" } td.getal { (nl::money(x)) (mark(kop)) } @if let Some(s) = s { td.getal { @if let Some(y) = s.kop.verwachte_vangnetuitkering { (nl::money(y)) (mark(&s.kop)) } } td {} } }
                }
                tr { th scope="row" { "Vangnet als het jaar eindigt zoals verwacht" } td { (vangnet(kop)) } @if let Some(s) = s { td { (vangnet(&s.kop)) } td {} } }
            }
        } }
        @if let Some(h) = &kop.met_huidige_beschikking {
            p.klein { "Met de huidige " (buig_prognose::budget::soort_label(h.soort)) " beschikking (" (euro(Some(h.budget))) ") is het resultaat " (euro(Some(h.resultaat))) "; de verwachting hierboven rekent met het verwachte definitieve budget." }
        }
        @if !r.verloop.is_empty() { (grafiek(&diagrammen::waaier(&r))) }
        (grafiek(&diagrammen::stand_prognose(&r)))
        h2 { "Per maand" }
        div.tabelrol tabindex="0" { table {
            caption { "Uitkeringen en netto lasten per maand " (p.jaar) }
            thead { tr { th scope="col" { "Maand" } th scope="col" { "Stadium" } th.getal scope="col" { "Uitkeringen" } th.getal scope="col" { "Netto lasten" } } }
            tbody { @for m in &p.maanden { tr { th scope="row" { (m.maand) } td { (m.stadium.code()) } td.getal { (pagina::getal(m.stand, 0)) } td.getal { (euro(Some(m.netto_lasten))) } } } }
        } }
        @for w in &p.waarschuwingen { p.melding.let-op { (w) } }
        p.bron { "Prijs per uitkering " (nl::euro_cent(p.prijs_per_uitkering)) " per maand; LKS " (euro(Some(p.lks_per_maand))) " per maand; historie " (nl::opsomming(&p.historie_jaren.iter().map(|j| j.to_string()).collect::<Vec<_>>())) "." }
    };
    Ok(pagina::pagina(ik, Some((code, &b.naam)), "Prognose", &format!("Prognose {}", b.naam), body).into_response())
}

/// The form of the button "Vastleggen als rapportage".
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct VastleggenForm {
    csrf: String,
    jaar: String,
    peildatum: String,
}

/// POST /g/{code}/prognose/vastleggen (role bewerker): records the baseline
/// prognosis of (jaar, peildatum) as a report moment, as `buig prognose --vastleggen`.
pub async fn vastleggen(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path(code): Path<String>,
    axum::Form(f): axum::Form<VastleggenForm>,
) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Bewerken)?;
        ik.controleer_csrf(&f.csrf)?;
        let k = Knoppen { jaar: Some(f.jaar.clone()), peildatum: Some(f.peildatum.clone()), ..Default::default() };
        let b = gegevens::gemeente(&staat, code).await?;
        let keuze = k.keuze(&b)?;
        let r = gegevens::prognose(&staat, code, keuze.clone()).await?;
        let rap = buig_prognose::rapportage::rapportage(&r.prognose, &r.kop);
        staat.store.leg_rapportage_vast(code, &rap, Some(&ik.gebruiker.naam)).await?;
        Ok::<_, Fout>(
            axum::response::Redirect::to(&format!("/g/{code}/prognose?jaar={}&peildatum={}&vastgelegd=1", keuze.jaar, keuze.peildatum))
                .into_response(),
        )
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
