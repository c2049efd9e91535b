// SPDX-License-Identifier: EUPL-1.2
//! The overview of a gemeente: how are we doing this year, and will we need
//! the vangnet — the latest decision, the expected result with its spread,
//! the chance of a shortfall and of a vangnet claim, and the caseload.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use buig_bestand::{Maand, Per};
use buig_core::{nl, Money};
use maud::{html, Markup};

use crate::diagrammen;
use crate::fout::Fout;
use crate::gegevens;
use crate::pagina::{self, euro, grafiek, mln};
use crate::sessie::{Ingelogd, Recht};
use crate::Staat;
use buig_core::nl::kans;
use buig_dienst::prognose::PrognoseKeuze;
use buig_prognose::zinnen;

/// GET /g/{code}.
pub async fn pagina(State(staat): State<Staat>, ik: Ingelogd, Path(code): Path<String>) -> Response {
    match inhoud(&staat, &ik, &code).await {
        Ok(r) => r,
        Err(e) => pagina::fout_in_gemeente(&staat, &ik, &code, "Overzicht", e).await,
    }
}

pub fn soort_tekst(s: buig_core::records::BudgetSoort) -> &'static str {
    match s {
        buig_core::records::BudgetSoort::Voorlopig => "Voorlopig budget",
        buig_core::records::BudgetSoort::NaderVoorlopig => "Nader voorlopig budget",
        buig_core::records::BudgetSoort::Definitief => "Definitief budget",
    }
}

/// "een tekort van € 6,9 mln" / "een overschot van € 1,2 mln".
pub fn resultaat_tekst(r: Money) -> String {
    if r.cents() < 0 {
        format!("een tekort van {}", mln(-r))
    } else {
        format!("een overschot van {}", mln(r))
    }
}

/// `2026-10` → `okt 2026`.
fn maand_tekst(periode: &str) -> String {
    match (periode.get(..4).and_then(|j| j.parse().ok()), periode.get(5..7).and_then(|m| m.parse().ok())) {
        (Some(j), Some(m)) if (1..=12).contains(&m) => nl::month_short(j, m),
        _ => periode.to_string(),
    }
}

async fn inhoud(staat: &Staat, ik: &Ingelogd, code: &str) -> Result<Response, Fout> {
    let code = ik.gemeente(code, Recht::Lezen)?;
    let b = gegevens::gemeente(staat, code).await?;
    let o = gegevens::budget(staat, code).await?;
    let Some((jaar, peildatum)) = b.huidig() else {
        // No months: the last year with a vangnet position is the answer, with what is missing for the rest.
        let laatste = o.jaren.iter().rev().find_map(|j| j.vangnet.as_ref().map(|v| (j.jaar, v)));
        let s = buig_dienst::status::status(&b);
        let body = html! {
            h1 { (b.naam) }
            @match laatste {
                Some((y, v)) => {
                    p.antwoord { "Over " (y) ": " strong { (zinnen::positie_zin(v)) } ". " a href={ "/g/" (code) "/vangnet?jaar=" (y) } { "Vangnet " (y) " met uitleg" } }
                }
                None => { p.antwoord { "Er is nog geen jaar met een budget en een tekort van " (b.naam) " in de BUIG-monitor." } }
            }
            p { "Er is geen maandrealisatie van " (b.naam) ", dus geen lopend jaar om te volgen. Wat ontbreekt en wat het tegenhoudt:" }
            (crate::statusblok::checklist(ik, code, &s))
            p { a href={ "/g/" (code) "/gegevens" } { "Alle gegevens per jaar" } }
        };
        return Ok(pagina::pagina(ik, Some((code, &b.naam)), "Overzicht", &b.naam, body).into_response());
    };
    let prognose = gegevens::prognose(staat, code, PrognoseKeuze { jaar, peildatum, scenario: None }).await;
    let beschikking = b.laatste_beschikking(jaar);
    let (van, tot) = b.maanden().unwrap_or((Maand::van_datum(peildatum), Maand::van_datum(peildatum)));
    let van3 = Maand::new(tot.jaar - 3, tot.maand).unwrap_or(van).max(van);
    let reeks = gegevens::bestand(staat, code, van3, tot, Per::Maand).await?;
    let laatste = reeks.reeks.last();
    let jaar_eerder = reeks.reeks.len().checked_sub(13).and_then(|i| reeks.reeks.get(i));

    let antwoord: Markup = match &prognose {
        Ok(p) => html! {
            p.antwoord {
                "Op " (nl::date_long(peildatum)) " (" (p.prognose.gerealiseerde_maanden) " maanden gerealiseerd). "
                strong { (zinnen::kop_zin(&p.kop, jaar)) }
            }
            @if let Some(z) = zinnen::huidige_beschikking_zin(&p.kop) { p { (z) } }
            p { (zinnen::vangnet_prognose_zin(&p.kop, jaar, &b.naam)) " "
                a href={ "/g/" (code) "/prognose" } { "Prognose en scenario's" } " · " a href={ "/g/" (code) "/vangnet?jaar=" (jaar) } { "Vangnet " (jaar) " met uitleg" } }
        },
        Err(e) => html! { p.melding.let-op { "Geen prognose voor " (jaar) ": " (e) } },
    };
    let klasse = |kans_vangnet: f64| {
        if kans_vangnet >= 0.5 {
            "kaart slecht"
        } else if kans_vangnet >= 0.1 {
            "kaart let-op"
        } else {
            "kaart goed"
        }
    };

    let body = html! {
        h1 { (b.naam) ": hoe staan we ervoor in " (jaar) "?" }
        (antwoord)
        div.kaarten {
            section.kaart {
                h2 { "Laatste beschikking " (jaar) }
                @if let Some(bs) = beschikking {
                    span.groot { (euro(Some(bs.bedrag))) }
                    (soort_tekst(bs.soort)) @if let Some(d) = bs.datum { ", " (nl::date_long(d)) }
                } @else { span.groot { "–" } "Nog geen beschikking voor " (jaar) " in de database." }
            }
            @if let Ok(p) = &prognose {
                @let k = &p.kop;
                @let mark = zinnen::werkhypothese(k.vangnet.as_ref().map(|v| v.resultaat.status).unwrap_or(buig_rules::Status::Bevestigd));
                section class=(if k.resultaat.is_negative() { "kaart let-op" } else { "kaart goed" }) {
                    h2 { "Verwacht resultaat " (jaar) }
                    span.groot { (euro(Some(k.resultaat))) }
                    @if let (Some(p10), Some(p90)) = (k.p10, k.p90) { "80% zeker tussen " (mln(p10)) " en " (mln(p90)) }
                }
                @if let Some(kv) = k.kans_vangnet {
                    section class=(klasse(kv)) {
                        h2 { "Kans op een vangnetuitkering" }
                        span.groot { (kans(kv)) }
                        @if let Some(x) = k.verwachte_vangnetuitkering { "Verwacht bedrag " (nl::money(x)) (mark) }
                    }
                }
            }
            @if let Some(l) = laatste {
                section.kaart {
                    h2 { "Uitkeringen eind " (maand_tekst(&l.periode)) }
                    span.groot { (nl::getal(l.stand.into(), 0)) }
                    @if let Some(e) = jaar_eerder {
                        @let d = l.stand as i64 - e.stand as i64;
                        (if d > 0 { format!("{} meer", nl::getal(d.into(), 0)) } else { format!("{} minder", nl::getal((-d).into(), 0)) }) " dan een jaar eerder"
                    }
                }
            }
        }
        @if let Ok(p) = &prognose {
            (grafiek(&diagrammen::waaier(p)))
        }
        (grafiek(&diagrammen::budget_jaren(&o, prognose.as_ref().ok().map(|p| p.as_ref()))))
        (grafiek(&diagrammen::stand(&reeks, "Uitkeringen aan het eind van de maand")))
        p.bron { "Bronnen: de beschikkingen, de maandrealisatie en het uitkeringenbestand in de database; prognose met " (staat.instellingen.monte_carlo().runs) " simulaties. Zie de pagina's Budget, Prognose en Bestand voor de cijfers." }
    };
    Ok(pagina::pagina(ik, Some((code, &b.naam)), "Overzicht", &format!("Overzicht {}", b.naam), body).into_response())
}
