// SPDX-License-Identifier: EUPL-1.2
//! The vangnet page: for one year, the full explanation of the rules engine
//! — a checklist per route, condition e, the deadline against today, the
//! steps of the calculation with their articles — and the notitie vangnet
//! as DOCX, HTML or PDF. A realised year's position comes from the budget
//! view; the current year's from the prognosis headline (the one every
//! view shows). Both say it in the sentences of `buig_prognose::zinnen`.

pub mod aanvullen;
pub mod toelichting;

pub use aanvullen::{jaarcijfer, verleend};

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use buig_core::records::{BudgetSoort, Stadium};
use buig_core::{nl, GemeenteCode, Year};
use buig_prognose::{zinnen, VangnetPositie};
use buig_rules::calc::{termijn_tekst, vraag_verleend};
use buig_rules::{RouteToets, Status};
use maud::{html, Markup};
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
    /// What was just saved, as a code ([`bevestiging`]); never shown as given.
    pub opgeslagen: Option<String>,
}

/// The banner after a change, chosen by its code: the text never comes
/// from the query string, so a link cannot make the page say anything.
pub(crate) fn bevestiging(code: &str) -> Option<&'static str> {
    match code {
        "jaarcijfer" => Some("De jaarcijfers zijn opgeslagen."),
        "verleend" => Some("Opgeslagen of over het jaar een vangnetuitkering is verleend."),
        "toelichting" => Some("De toelichting is opgeslagen; de notitie en het raadsvoorstel nemen haar over."),
        _ => None,
    }
}

/// The years with a vangnet position in the budget view (realised or a
/// stated prognosis) and the current year, newest first.
fn jaren(o: &buig_prognose::BudgetOverzicht, huidig: Option<Year>) -> Vec<(Year, bool)> {
    let mut v: Vec<(Year, bool)> =
        o.jaren.iter().filter_map(|j| j.vangnet.as_ref().map(|v| (j.jaar, v.stadium == Stadium::Realisatie))).collect();
    if let Some(h) = huidig.filter(|h| !v.iter().any(|(j, _)| j == h)) {
        v.push((h, false));
    }
    v.sort_by_key(|x| std::cmp::Reverse(x.0));
    v
}

/// The asked year, else the newest realised one, else the newest.
fn kies_jaar(q: &JaarQuery, keuzes: &[(Year, bool)]) -> Result<Year, Fout> {
    match q.jaar.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(j) => j.parse().map_err(|e| Fout::Gegevens(format!("jaar: {e}"))),
        // Nothing known yet: the last year that is over, so the forms to fill it in are there.
        None => Ok(keuzes
            .iter()
            .find(|(_, realisatie)| *realisatie)
            .or(keuzes.first())
            .map(|(j, _)| *j)
            .unwrap_or_else(|| Year::new(i32::from(buig_dienst::vandaag().year()) - 1))),
    }
}

/// GET /g/{code}/vangnet.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<JaarQuery>) -> Response {
    match inhoud(&staat, &ik, &code, &q, None).await {
        Ok(r) => r,
        Err(e) => pagina::fout_in_gemeente(&staat, &ik, &code, "Vangnet", e).await,
    }
}

fn ja_nee(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "ja",
        Some(false) => "nee",
        None => "onbekend",
    }
}

fn budget_label(s: BudgetSoort) -> &'static str {
    match s {
        BudgetSoort::Voorlopig => "voorlopig budget",
        BudgetSoort::NaderVoorlopig => "nader voorlopig budget",
        BudgetSoort::Definitief => "definitief budget",
    }
}

/// The position of the year and the sentences that lead the page.
struct Stand {
    positie: Option<VangnetPositie>,
    antwoord: Markup,
    /// A notitie can be made (the year has a position in the budget view).
    notitie: bool,
}

async fn stand(staat: &Staat, code: GemeenteCode, b: &buig_dienst::gemeente::Gemeente, jaar: Year) -> Result<Stand, Fout> {
    let st = gegevens::vangnet_stand(staat, code, b, jaar).await?;
    let antwoord = match &st.prognose {
        None => html! { p.antwoord { "Over " (jaar) ": " strong { (zinnen::positie_zin(&st.positie)) } "." } },
        Some(r) => html! {
            p.antwoord { "Prognose op " (r.prognose.peildatum.parse::<jiff::civil::Date>().map(nl::date_long).unwrap_or_default()) ": " (zinnen::kop_zin(&r.kop, jaar)) }
            @if let Some(z) = zinnen::huidige_beschikking_zin(&r.kop) { p { (z) } }
            p { strong { (zinnen::vangnet_prognose_zin(&r.kop, jaar, &b.naam)) } }
            p.klein { "Hieronder de berekening als het jaar eindigt zoals verwacht." }
        },
    };
    Ok(Stand { notitie: st.prognose.is_none(), positie: Some(st.positie), antwoord })
}

/// One row of the per-route checklist.
fn route_rij(t: &RouteToets) -> Markup {
    let oordeel = match t.recht {
        Some(true) => "recht",
        Some(false) => "geen recht",
        None => "onbekend",
    };
    html! {
        tr {
            th scope="row" { (t.route) }
            td.getal { (nl::rule_percentage(t.drempel_percentage)) " = " (nl::euro(t.drempel_bedrag)) }
            td { (ja_nee(Some(t.voorwaarde_a))) }
            td { (ja_nee(t.voorwaarde_b)) }
            td { strong { (oordeel) } }
            td.getal { @if t.recht == Some(false) { "–" } @else { (nl::money(t.uitkering)) (zinnen::werkhypothese(t.status)) } }
            td { (t.status) }
        }
    }
}

/// Condition e: known, or the question with two buttons per unknown year.
fn voorwaarde_e(ik: &Ingelogd, code: GemeenteCode, b: &buig_dienst::gemeente::Gemeente, v: &VangnetPositie, mag: bool) -> Markup {
    let r = &v.resultaat;
    let open: Vec<Year> = r.aanhoudend_jaren.iter().copied().filter(|y| !b.gegevens.verleend_per_jaar.contains_key(&y.get())).collect();
    html! {
        @match r.aanhoudend_tekort {
            Some(true) => { "ja — een uitgebreid verzoek is nodig" }
            Some(false) if r.aanhoudend_jaren.is_empty() => { "bestaat voor " (r.jaar) " nog niet" }
            Some(false) => { "nee — over " (nl::jaren(&r.aanhoudend_jaren)) " is geen vangnetuitkering verleend" }
            None => {
                (vraag_verleend(&r.aanhoudend_jaren))
                @if !v.vermoedelijk_verleend.is_empty() {
                    " Waarschijnlijk uitgebreid verzoek: volgens de cijfers had " (b.naam) " over " (nl::jaren(&v.vermoedelijk_verleend)) " recht op een vangnetuitkering."
                }
                @if mag { @for y in &open { (aanvullen::knoppen_verleend(ik, code, r.jaar, *y)) } }
            }
        }
    }
}

pub(super) async fn inhoud(
    staat: &Staat,
    ik: &Ingelogd,
    code: &str,
    q: &JaarQuery,
    ingevuld: Option<&crate::veld::Ingevuld>,
) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::gemeente(staat, code).await?;
    let o = gegevens::budget(staat, code).await?;
    let keuzes = jaren(&o, b.huidig().map(|(j, _)| j));
    let jaar = kies_jaar(q, &keuzes)?;
    let st = stand(staat, code, &b, jaar).await;
    let mag = ik.gebruiker.mag_bewerken(&code);
    let body = html! {
        @if let Some(m) = q.opgeslagen.as_deref().and_then(bevestiging) { p.melding.goed role="status" { (m) } }
        @if let Some(i) = ingevuld { (i.samenvatting(aanvullen::LABELS)) }
        h1 { "Vangnet " (jaar) " — " (b.naam) }
        @if !keuzes.is_empty() {
            nav aria-label="Jaren" { p { "Jaar: " @for (j, _) in &keuzes { a href={ "/g/" (code) "/vangnet?jaar=" (j) } aria-current=[(*j == jaar).then_some("page")] { (j) } " " } } }
        }
        @match &st {
            Err(e) => { p.melding.let-op role="alert" { (e) } }
            Ok(st) => {
                (st.antwoord)
                @if let Some(v) = &st.positie { (uitleg(ik, code, &b, v, mag, st.notitie)) }
            }
        }
        @if mag { (aanvullen::formulieren(ik, code, jaar, ingevuld)) }
        (toelichting::sectie(ik, code, &b, jaar, mag))
    };
    Ok(pagina::pagina(ik, Some((code, &b.naam)), "Vangnet", &format!("Vangnet {} {}", jaar, b.naam), body).into_response())
}

/// Everything below the answer: deadline, checklist per route, condition e, steps, years, sources.
fn uitleg(ik: &Ingelogd, code: GemeenteCode, b: &buig_dienst::gemeente::Gemeente, v: &VangnetPositie, mag: bool, notitie: bool) -> Markup {
    let r = &v.resultaat;
    let jaar = r.jaar;
    let mark = zinnen::werkhypothese(r.status);
    let termijn = termijn_tekst(r.uiterste_indiendatum, r.datum);
    html! {
        @if v.stadium == Stadium::Realisatie {
            @if r.termijn_verstreken {
                p.melding.fout role="alert" { (nl::hoofdletter(&termijn)) ": het verzoek moest uiterlijk die dag door de Toetsingscommissie vangnetuitkering zijn ontvangen." }
            } @else {
                p.melding.let-op { "Het verzoek moet uiterlijk " (nl::date_long(r.uiterste_indiendatum)) " door de Toetsingscommissie vangnetuitkering zijn ontvangen: " (termijn) "." }
            }
        }
        @if notitie {
            p { a.knop href={ "/g/" (code) "/vangnet/notitie?jaar=" (jaar) "&formaat=docx" } { "Notitie vangnet " (jaar) " (DOCX)" } " "
                a.knop.tweede href={ "/g/" (code) "/vangnet/notitie?jaar=" (jaar) "&formaat=html" } { "Notitie als HTML" }
                (download::andere_formaten(format!("/g/{code}/vangnet/notitie?jaar={jaar}&formaat=pdf"))) }
        }
        h2 { "Voorwaarden per route" }
        div.tabelrol tabindex="0" { table {
            caption { "De financiële voorwaarden per route" }
            thead { tr { th scope="col" { "Route" } th.getal scope="col" { "Drempel" } th scope="col" { "a. Tekort boven de drempel" } th scope="col" { "b. Meerjarig tekort" } th scope="col" { "Oordeel" } th.getal scope="col" { "Vangnetuitkering" } th scope="col" { "Status regels" } } }
            tbody { @for t in &r.routes { (route_rij(t)) } }
        } }
        p { "Oordeel: " strong { (r.oordeel) } "." }
        dl.feiten {
            dt { "Regel" } dd { (r.regel_titel) " (status: " (r.status) ")" }
            dt { "Budget " (jaar) } dd { (euro(Some(r.budget))) " (" (budget_label(r.beschikking)) @if v.stadium == Stadium::Prognose { ", verwacht" } ")" }
            @if let Some(a7) = r.budget_zonder_art7 {
                dt { "Budget zonder art. 7" } dd { (euro(Some(a7))) " — de drempels zijn genomen van het budget zonder artikel 7 Besluit Participatiewet" }
            }
            dt { "Tekort " (jaar) } dd { (euro(Some(r.tekort))) " = " (nl::percentage(r.tekort_percentage)) " van het budget" }
            dt { "b. Meerjarig tekort" } dd {
                (ja_nee(r.voorwaarde_b))
                @if let (Some(t), Some(p)) = (r.meerjarig_tekort, r.meerjarig_percentage) {
                    " (" (nl::jaren(&r.meerjarig_jaren)) ": " (euro(Some(t))) " = " (nl::percentage(p))
                    @if let Some(d) = r.meerjarig_drempel_percentage { ", drempel " (nl::rule_percentage(d)) } ")"
                }
            }
            dt { "e. Aanhoudend tekort" } dd { (voorwaarde_e(ik, code, b, v, mag)) }
            dt { "Formulier" } dd {
                @match &r.formulier {
                    Some(f) => { (f) @if r.instemming_raad { " — met instemming van de gemeenteraad" } }
                    None if !v.vermoedelijk_verleend.is_empty() => { "waarschijnlijk uitgebreid verzoek (onbekend tot voorwaarde e vaststaat)" }
                    None => { "onbekend: basisverzoek of uitgebreid verzoek hangt af van voorwaarde e" }
                }
            }
            dt { "Vangnetuitkering" } dd {
                @match r.vangnetuitkering { Some(u) => { (nl::money(u)) (mark) } None => { "onbekend; indien vervuld " (nl::money(r.vangnetuitkering_indien_recht)) (mark) } }
                @if let Some(e) = r.eigen_risico { " — eigen risico " (nl::money(e)) }
            }
            dt { "Uiterlijk ontvangen" } dd { (nl::date_long(r.uiterste_indiendatum)) @if v.stadium == Stadium::Realisatie { " (" (termijn) ")" } }
        }
        @if r.status == Status::Onbevestigd {
            p.melding.let-op { "Werkhypothese: deze berekening steunt op regels die nog niet in een officiële bron bevestigd zijn (" (nl::opsomming(&r.onbevestigd)) ")." }
        }
        h2 { "De berekening stap voor stap" }
        div.tabelrol tabindex="0" { table {
            caption { "Stappen van de berekening" }
            thead { tr { th scope="col" { "Stap" } th scope="col" { "" } th scope="col" { "Omschrijving" } th.getal scope="col" { "Bedrag" } } }
            tbody { @for s in &r.stappen { tr { th scope="row" { (s.stap) } td { (s.symbool) } td { (s.omschrijving) } td.getal { (s.bedrag.map(nl::euro_cent).unwrap_or_else(|| "–".into())) } } } }
        } }
        h2 { "Jaren" }
        div.tabelrol tabindex="0" { table {
            caption { "Budget en tekort per jaar" }
            thead { tr { th scope="col" { "Jaar" } th.getal scope="col" { "Budget" } th.getal scope="col" { "Lasten" } th.getal scope="col" { "Baten" } th.getal scope="col" { "Tekort" } th.getal scope="col" { "%" } } }
            tbody { @for j in &r.jaren { tr { th scope="row" { (j.jaar) } td.getal { (euro(j.budget)) } td.getal { (euro(j.lasten)) } td.getal { (euro(j.baten)) } td.getal { (euro(Some(j.tekort))) } td.getal { (j.tekort_percentage.map(nl::percentage).unwrap_or_else(|| "–".into())) } } } }
        } }
        h2 { "Uitleg" }
        ul.uitleg { @for u in &r.uitleg { li { (u) } } }
        @for w in &v.waarschuwingen { p.melding.let-op { (w) } }
        h2 { "Bronnen" }
        ul.bron { @for s in &r.bronnen { li { (nl::leesbare_bron(s)) } } }
    }
}

/// GET /g/{code}/vangnet/notitie?jaar=…&formaat=docx|html|pdf: the notitie vangnet.
pub async fn notitie(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<JaarQuery>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let b = gegevens::gemeente(&staat, code).await?;
        let o = gegevens::budget(&staat, code).await?;
        let jaar = kies_jaar(&q, &jaren(&o, b.huidig().map(|(j, _)| j)))?;
        let formaat: buig_rapport::Formaat = q.formaat.as_deref().unwrap_or("docx").parse().map_err(Fout::Gegevens)?;
        let (doc, naam) = download::document(
            &staat,
            code,
            buig_rapport::DocumentSoort::NotitieVangnet,
            Some(jaar),
            ik.gebruiker.gemeenten().into_iter().collect(),
        )
        .await?;
        let bytes = download::maak(doc, formaat).await?;
        Ok::<_, Fout>(download::download(bytes, formaat, &naam))
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}
