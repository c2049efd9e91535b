// SPDX-License-Identifier: EUPL-1.2
//! The aanvalsplan pages: the plan (action lines with their progress —
//! realisation against target, costs against budget, latest status and
//! evaluation — the target against the actual caseload change since the
//! baseline, governance and risks) and one action with its full status
//! history and evaluations. Role bewerker gets the forms ([`wijzigen`]):
//! quarterly status with costs, evaluation, risk, import. Every change goes
//! to the audit log.

pub mod wijzigen;

pub use wijzigen::{evaluatie, import, koppeling, risico, risico_verwijderen, soort, status};

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use buig_core::{nl, GemeenteCode, Money};

use buig_plan::{Niveau, Oordeel};
use maud::{html, Markup};
use serde::Deserialize;

use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, euro, grafiek};
use crate::planblokken::{actie_grafiek, import_form, kosten_cel, pct, per_status_tekst, status_form, status_grafiek, voortgang_kaart};
use crate::sessie::{Ingelogd, Recht};
use crate::veld::{self, Ingevuld, Invoer, Veld};
use crate::Staat;

#[derive(Debug, Default, Deserialize)]
pub struct PlanQuery {
    pub titel: Option<String>,
    /// What was just saved, as a code ([`bevestiging`]); never shown as given.
    pub opgeslagen: Option<String>,
}

/// The banner after a change, chosen by its code: the text never comes
/// from the query string, so a link cannot make the page say anything. On
/// an action's page it names the action of the path (a page that exists
/// only for an action of the plan).
pub(crate) fn bevestiging(code: Option<&str>, actie: Option<&str>) -> Option<Markup> {
    let van = actie.map(|a| format!(" van actie {}", a.trim().to_uppercase())).unwrap_or_default();
    let tekst = match code? {
        "status" => format!("De status{van} is opgeslagen."),
        "evaluatie" => format!("De evaluatie{van} is opgeslagen."),
        "risico" => "Het risico is opgeslagen.".to_string(),
        "risico-verwijderd" => "Het risico is verwijderd.".to_string(),
        "plan" => "Het plan is opgeslagen.".to_string(),
        "soort" => format!("De soort{van} is opgeslagen."),
        "koppeling" => "De vangnetjaren van het plan zijn opgeslagen.".to_string(),
        _ => return None,
    };
    Some(html! { p.melding.goed role="status" { (tekst) } })
}

/// GET /g/{code}/plan.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>, Query(q): Query<PlanQuery>) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let melding = bevestiging(q.opgeslagen.as_deref(), None);
        scherm(&staat, &ik, code, q.titel.as_deref(), Antwoord { melding, ingevuld: None, status: StatusCode::OK }).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

/// What a page of the plan answers with: a banner, a refused form as it was sent, and the status.
pub(crate) struct Antwoord<'a> {
    pub melding: Option<Markup>,
    pub ingevuld: Option<&'a Ingevuld>,
    pub status: StatusCode,
}

impl<'a> Antwoord<'a> {
    /// A refused form, shown again as it was sent (422).
    pub fn geweigerd(ingevuld: &'a Ingevuld) -> Antwoord<'a> {
        Antwoord { melding: None, ingevuld: Some(ingevuld), status: StatusCode::UNPROCESSABLE_ENTITY }
    }
}

pub(crate) async fn scherm(
    staat: &Staat,
    ik: &Ingelogd,
    code: GemeenteCode,
    titel: Option<&str>,
    antwoord: Antwoord<'_>,
) -> Result<Response, Fout> {
    let Antwoord { melding, ingevuld, status } = antwoord;
    let b = gegevens::gemeente(staat, code).await?;
    let o = gegevens::plan(staat, code, titel).await?;
    let koppelingen = staat.store.plan_koppelingen(code).await?;
    let kansen: Vec<(String, String)> = std::iter::once(("".to_string(), "onbekend".to_string()))
        .chain(["laag", "midden", "hoog"].map(|n| (n.to_string(), n.to_string())))
        .collect();
    let mag = ik.gebruiker.mag_bewerken(&code);
    let body = html! {
        @if let Some(m) = melding { (m) }
        @if let Some(i) = ingevuld { (i.samenvatting(crate::planblokken::LABELS)) }
        @match &o {
            None => {
                h1 { "Aanvalsplan " (b.naam) }
                p { "Er is nog geen aanvalsplan van " (b.naam) " in de database." }
                @if mag { h2 #importeren { "Plan importeren" } (import_form(ik, code, None, ingevuld)) }
                @else { p { "Een bewerker kan er op deze pagina een importeren." } }
            }
            Some(o) => {
                h1 { (o.titel) " — " (b.naam) }
                (koppeling_form(ik, code, o, &koppelingen, mag))
                div.kaarten {
                    section.kaart { h2 { "Doel" } span.groot { @if let Some(d) = o.doel_uitkeringen { (d) " minder" } @else { "–" } } "uitkeringen" @if let Some(e) = o.doel_euro { ", " (euro(Some(e))) " per jaar" } }
                    section.kaart {
                        h2 { "Werkelijk sinds de nulmeting" }
                        @if let Some(s) = &o.sinds_nulmeting {
                            span.groot { (if s.verandering <= 0 { format!("{} minder", nl::getal((-s.verandering).into(), 0)) } else { format!("{} meer", nl::getal(s.verandering.into(), 0)) }) }
                            (s.stand_nulmeting) " eind " (s.nulmeting_maand) " → " (s.stand_laatste) " eind " (s.laatste_maand)
                        } @else { span.groot { "–" } "geen uitkeringen na de nulmeting in de database" }
                    }
                    section.kaart { h2 { "Acties" } span.groot { (o.totalen.acties) } (per_status_tekst(&o.totalen.per_status)) }
                    section.kaart {
                        h2 { "Kosten tegen budget" }
                        span.groot { (euro(Some(o.totalen.voortgang.kosten))) }
                        @if o.totalen.voortgang.acties_zonder_budget < o.totalen.acties { "van " (euro(Some(o.totalen.voortgang.budget))) " (" (pct(o.totalen.voortgang.kosten_pct_budget)) ")" } @else { "geen budget per actie opgegeven" }
                    }
                }
                (voortgang_kaart(&o.totalen.voortgang))
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
                    (voortgang_kaart(&l.voortgang))
                    div.tabelrol tabindex="0" { table {
                        caption { "Acties van actielijn " (l.nummer) }
                        thead { tr { th scope="col" { "Actie" } th scope="col" { "Trekker" } th scope="col" { "Laatste status" } th.getal scope="col" { "Gerealiseerd" } th.getal scope="col" { "Van doel" } th.getal scope="col" { "Kosten / budget" } th scope="col" { "Evaluatie" } } }
                        tbody { @for a in &l.acties { tr {
                            th scope="row" { a href={ "/g/" (code) "/plan/actie/" (a.actie.code) } { (a.actie.code) " " (a.actie.titel) } }
                            td { (a.actie.trekker.as_deref().unwrap_or("–")) }
                            @if let Some(s) = &a.laatste_status {
                                td { span class={ "status-" (s.status.code()) } { (s.status.tekst()) } " (" (s.kwartaal) ")" @if let Some(n) = &s.notitie { br; small { (n) } } }
                                td.getal { (s.gerealiseerd.map(|g| nl::getal(g, g.scale().min(2))).unwrap_or_else(|| "–".into())) }
                            } @else { td { "nog geen" } td.getal { "–" } }
                            td.getal { (pct(a.realisatie_pct)) }
                            td.getal { (kosten_cel(a.kosten, a.actie.budget, a.kosten_pct_budget)) }
                            td { @if let Some(e) = &a.evaluatie { (e.oordeel.tekst()) " (" (nl::date_short(e.datum)) ")" } @else { "–" } }
                        } } }
                    } }
                }
                h2 #risicos { "Risico's en beheersmaatregelen" }
                @if o.risicos.is_empty() { p { "Er zijn geen risico's vastgelegd." } } @else {
                    div.tabelrol tabindex="0" { table {
                        caption { "Risico's van het plan" }
                        thead { tr { th.getal scope="col" { "Nr." } th scope="col" { "Risico" } th scope="col" { "Beheersmaatregel" } th scope="col" { "Eigenaar" } th scope="col" { "Kans" } th scope="col" { "Impact" } @if mag { th scope="col" { span.verborgen { "Verwijderen" } } } } }
                        tbody { @for r in &o.risicos { tr {
                            td.getal { (r.nummer) } th scope="row" { (r.risico) } td { (r.beheersmaatregel) }
                            td { (r.eigenaar.as_deref().unwrap_or("–")) } td { (r.kans.map_or("–", Niveau::code)) } td { (r.impact.map_or("–", Niveau::code)) }
                            @if mag { td { form method="post" action={ "/g/" (code) "/plan/risico/verwijderen" } {
                                input type="hidden" name="csrf" value=(ik.csrf);
                                input type="hidden" name="titel" value=(o.titel);
                                input type="hidden" name="nummer" value=(r.nummer);
                                button.weg type="submit" aria-label={ "Risico " (r.nummer) " verwijderen" } { "verwijderen" }
                            } } }
                        } } }
                    } }
                }
                @if let Some(s) = &o.sturing { h2 { "Sturing" } p { (s) } }
                @if mag {
                    h2 #bijwerken { "Status per kwartaal bijwerken" }
                    (status_form(ik, code, &o.titel, &o.actielijnen.iter().flat_map(|l| &l.acties).map(|a| (a.actie.code.clone(), a.actie.titel.clone())).collect::<Vec<_>>(), None, o.van.map(|d| d.year()), ingevuld))
                    h2 #risico-toevoegen { "Risico toevoegen" }
                    form.knoppen method="post" action={ "/g/" (code) "/plan/risico" } novalidate {
                        input type="hidden" name="csrf" value=(ik.csrf);
                        input type="hidden" name="titel" value=(o.titel);
                        (Veld::new("risico", "Risico", Invoer::Tekst).verplicht().max(500).toon("ri", ingevuld))
                        (Veld::new("beheersmaatregel", "Beheersmaatregel", Invoer::Tekst).verplicht().max(1000).toon("ri", ingevuld))
                        (Veld::new("eigenaar", "Eigenaar", Invoer::Tekst).max(200).toon("ri", ingevuld))
                        (veld::keuze("ri", "kans", "Kans", &kansen, None, ingevuld))
                        (veld::keuze("ri", "impact", "Impact", &kansen, None, ingevuld))
                        div { button type="submit" { "Toevoegen" } }
                    }
                }
                @if mag { h2 #importeren { "Plan opnieuw importeren" } (import_form(ik, code, Some(&o.titel), ingevuld)) }
                p.bron { "Bron: " (nl::leesbare_bron(&o.bron)) "." }
            }
        }
    };
    Ok((status, pagina::pagina(ik, Some((code, &b.naam)), "Aanvalsplan", &format!("Aanvalsplan {}", b.naam), body)).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct ActieQuery {
    pub titel: Option<String>,
    pub opgeslagen: Option<String>,
}

/// GET /g/{code}/plan/actie/{actie}.
pub async fn actie_pagina(
    State(staat): State<Staat>,
    ik: Ingelogd,
    Path((code, actie)): Path<(String, String)>,
    Query(q): Query<ActieQuery>,
) -> Response {
    let r = async {
        let code = ik.gemeente(&code, Recht::Lezen)?;
        let melding = bevestiging(q.opgeslagen.as_deref(), Some(&actie));
        actie_scherm(&staat, &ik, code, q.titel.as_deref(), &actie, Antwoord { melding, ingevuld: None, status: StatusCode::OK }).await
    }
    .await;
    r.unwrap_or_else(|e| pagina::fout_response(Some(&ik), e))
}

pub(crate) async fn actie_scherm(
    staat: &Staat,
    ik: &Ingelogd,
    code: GemeenteCode,
    titel: Option<&str>,
    actie_code: &str,
    antwoord: Antwoord<'_>,
) -> Result<Response, Fout> {
    let Antwoord { melding, ingevuld, status } = antwoord;
    let oordelen: Vec<(String, String)> =
        [Oordeel::Voortzetten, Oordeel::Regulier, Oordeel::Stoppen].iter().map(|o| (o.code().to_string(), o.tekst().to_string())).collect();
    let b = gegevens::gemeente(staat, code).await?;
    let d = gegevens::plan_actie(staat, code, titel, actie_code).await?.ok_or(Fout::NietGevonden)?;
    let a = &d.regel.actie;
    let mag = ik.gebruiker.mag_bewerken(&code);
    let body = html! {
        @if let Some(m) = melding { (m) }
        @if let Some(i) = ingevuld { (i.samenvatting(crate::planblokken::LABELS)) }
        p { a href={ "/g/" (code) "/plan" } { "← " (d.plan) } }
        h1 { "Actie " (a.code) ": " (a.titel) }
        p { "Actielijn " (a.lijn) ": " (d.lijn_naam) }
        div.kaarten {
            section.kaart { h2 { "Laatste status" } @if let Some(s) = &d.regel.laatste_status { span.groot { span class={ "status-" (s.status.code()) } { (s.status.tekst()) } } (s.kwartaal) } @else { span.groot { "–" } "nog geen status" } }
            section.kaart { h2 { "Van de doelwaarde" } span.groot { (pct(d.regel.realisatie_pct)) } @if let Some(w) = a.doelwaarde { "doel " (nl::getal(w, w.scale())) @if let Some(e) = &a.eenheid { " " (e) } @if let Some(v) = a.startwaarde { ", vanaf " (nl::getal(v, v.scale())) } } @else { "geen doelwaarde" } }
            section.kaart { h2 { "Kosten" } span.groot { (euro(Some(d.regel.kosten.unwrap_or(Money::ZERO)))) } @if let Some(bu) = a.budget { "van " (euro(Some(bu))) "; resterend " (euro(d.budget_resterend)) } @else { "geen budget opgegeven" } }
            section.kaart { h2 { "Evaluatie" } @if let Some(e) = &d.regel.evaluatie { span.groot { (e.oordeel.tekst()) } (nl::date_short(e.datum)) } @else { span.groot { "–" } "nog niet geëvalueerd" } }
        }
        table.sleutel {
            caption { "Gegevens van de actie" }
            tbody {
                tr { th scope="row" { "Doelstelling" } td { (if a.doelstelling.is_empty() { "–" } else { &a.doelstelling }) } }
                tr { th scope="row" { "Trekker" } td { (a.trekker.as_deref().unwrap_or("–")) } }
                tr { th scope="row" { "Planning" } td { (a.planning.as_deref().unwrap_or("–")) } }
                tr { th scope="row" { "Looptijd" } td { (a.start.map(|k| k.to_string()).unwrap_or_else(|| "?".into())) " t/m " (a.eind.map(|k| k.to_string()).unwrap_or_else(|| "?".into())) } }
                tr { th scope="row" { "Soort" } td {
                    @if mag {
                        form.inline method="post" action={ "/g/" (code) "/plan/actie/" (pagina::url_encode(&a.code)) "/soort" } {
                            input type="hidden" name="csrf" value=(ik.csrf);
                            input type="hidden" name="titel" value=(d.plan);
                            label.verborgen for="soort" { "Soort maatregel" }
                            select #soort name="soort" {
                                @for (w, t) in [("", "onbekend"), ("intern", "intern"), ("extern", "extern")] {
                                    option value=(w) selected[a.soort.map_or("", |s| s.code()) == w] { (t) }
                                }
                            }
                            " " button.tweede type="submit" { "Opslaan" }
                        }
                    } @else { (a.soort.map_or("onbekend", |s| s.code())) }
                } }
                tr { th scope="row" { "Verwacht effect" } td { (a.effect_uitkeringen.map(|e| format!("{e} uitkeringen minder")).unwrap_or_else(|| "–".into())) @if let Some(e) = a.effect_euro { ", " (euro(Some(e))) " per jaar" } } }
            }
        }
        @if let (Some(e), Some((jaar, _))) = (a.effect_uitkeringen.filter(|e| *e > 0), b.huidig()) {
            p { "Wat is deze actie in euro's en voor het vangnet waard? "
                a href={ "/g/" (code) "/prognose?minder_uitkeringen_eind_jaar=" (e) } { "Prognose " (jaar) " met het verwachte effect: " (e) " uitkeringen minder op 31 december" } "." }
        }
        @if let Some(g) = actie_grafiek(&d) { (grafiek(&g)) }
        h2 { "Status per kwartaal" }
        @if d.historie.is_empty() { p { "Nog geen status vastgelegd." } } @else {
            div.tabelrol tabindex="0" { table {
                caption { "Statushistorie van actie " (a.code) }
                thead { tr { th scope="col" { "Kwartaal" } th scope="col" { "Status" } th.getal scope="col" { "Gerealiseerd" } th.getal scope="col" { "Kosten" } th scope="col" { "Notitie" } } }
                tbody { @for u in &d.historie { tr {
                    th scope="row" { (u.kwartaal) }
                    td { span class={ "status-" (u.status.code()) } { (u.status.tekst()) } }
                    td.getal { (u.gerealiseerd.map(|g| nl::getal(g, g.scale().min(2))).unwrap_or_else(|| "–".into())) }
                    td.getal { (euro(u.kosten)) }
                    td { (u.notitie.as_deref().unwrap_or("")) }
                } } }
            } }
        }
        h2 { "Evaluaties" }
        @if d.evaluaties.is_empty() { p { "Nog niet geëvalueerd." } } @else {
            div.tabelrol tabindex="0" { table {
                caption { "Evaluaties van actie " (a.code) }
                thead { tr { th scope="col" { "Datum" } th scope="col" { "Oordeel" } th scope="col" { "Toelichting" } } }
                tbody { @for e in &d.evaluaties { tr { th scope="row" { (nl::date_short(e.datum)) } td { (e.oordeel.tekst()) } td { (e.toelichting) } } } }
            } }
        }
        @if mag {
            h2 #bijwerken { "Status van " (a.code) " bijwerken" }
            (status_form(ik, code, &d.plan, &[], Some(&a.code), a.start.map(|k| k.jaar), ingevuld))
            h2 #evalueren { "Actie " (a.code) " evalueren" }
            form.knoppen method="post" action={ "/g/" (code) "/plan/evaluatie" } novalidate {
                input type="hidden" name="csrf" value=(ik.csrf);
                input type="hidden" name="titel" value=(d.plan);
                input type="hidden" name="actie" value=(a.code);
                (Veld::new("datum", "Datum", Invoer::Datum).verplicht().standaard(veld::datum_tekst(buig_dienst::vandaag())).toon("ev", ingevuld))
                (veld::keuze("ev", "oordeel", "Oordeel", &oordelen, None, ingevuld))
                (Veld::new("toelichting", "Toelichting", Invoer::Tekst).verplicht().max(2000).toon("ev", ingevuld))
                div { button type="submit" { "Opslaan" } }
            }
        }
    };
    let titel = format!("Actie {} — aanvalsplan {}", a.code, b.naam);
    Ok((status, pagina::pagina(ik, Some((code, &b.naam)), "Aanvalsplan", &titel, body)).into_response())
}

/// The vangnet years the plan supports: its notitie vangnet takes its
/// measures from the plan linked to that year (else the plan whose period covers it).
fn koppeling_form(ik: &Ingelogd, code: GemeenteCode, o: &buig_plan::Overzicht, koppelingen: &[(String, Vec<i32>)], mag: bool) -> Markup {
    let gekoppeld: Vec<i32> = koppelingen.iter().find(|(t, _)| *t == o.titel).map(|(_, j)| j.clone()).unwrap_or_default();
    let van = o.van.map(|d| i32::from(d.year())).unwrap_or_else(|| i32::from(buig_dienst::vandaag().year()) - 1);
    let tot = o.tot.map(|d| i32::from(d.year())).unwrap_or(van + 2).max(van);
    let mut jaren: Vec<i32> = (van - 1..=tot + 1).collect();
    jaren.extend(gekoppeld.iter().copied());
    jaren.sort_unstable();
    jaren.dedup();
    let tekst = if gekoppeld.is_empty() {
        "nog aan geen vangnetjaar gekoppeld; de notitie vangnet van een jaar in de looptijd van het plan gebruikt het".to_string()
    } else {
        nl::opsomming(&gekoppeld.iter().map(i32::to_string).collect::<Vec<_>>())
    };
    html! {
        @if mag {
            form.knoppen method="post" action={ "/g/" (code) "/plan/koppeling" } {
                input type="hidden" name="csrf" value=(ik.csrf);
                input type="hidden" name="titel" value=(o.titel);
                fieldset {
                    legend { "Vangnetjaren die dit plan onderbouwt" }
                    @for j in &jaren {
                        label.keuze { input type="checkbox" name="jaar" value=(j) checked[gekoppeld.contains(j)]; " " (j) }
                    }
                }
                div { button.tweede type="submit" { "Vangnetjaren opslaan" } }
            }
        } @else {
            p { "Vangnetjaren die dit plan onderbouwt: " (tekst) "." }
        }
    }
}
