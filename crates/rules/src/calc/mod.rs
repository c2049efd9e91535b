// SPDX-License-Identifier: EUPL-1.2
//! The vangnet calculation: the routes with their conditions and tiers
//! ([`routes`]), the own risk, aanhoudend tekort, the form and the deadline
//! ([`procedure`]), and the commission's steps A–I — every intermediate
//! figure kept in the [`VangnetResult`] and explained in Dutch.
//!
//! All percentages and dates come from the [`crate::Rule`] of the year;
//! amounts are exact decimals of euros until the payout is rounded once, to
//! whole euros, at the end ([`money::round_to_whole_euros`]). "More than" is
//! strict: a shortfall of exactly the threshold gives nothing.

mod procedure;
mod routes;
mod treden;

pub use procedure::{termijn_tekst, uiterste_indiendatum, vraag_verleend};

use buig_core::{money, nl, Money, Percentage, Year};
use rust_decimal::Decimal;

use crate::case::{Case, Herkomst};
use crate::result::{Route, VangnetResult};
use crate::table::{RuleError, RuleTable, Status};

/// Computes the vangnet for a case with the bundled rule table.
pub fn bereken(case: &Case) -> Result<VangnetResult, RuleError> {
    bereken_met(RuleTable::bundled(), case)
}

/// Three-valued "or".
fn or3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// Computes the vangnet for a case with the given table.
pub fn bereken_met(table: &RuleTable, case: &Case) -> Result<VangnetResult, RuleError> {
    let rule = table.rule_for(case.jaar)?;
    let t = case.jaar;
    let eigen = case.eigen();
    let b = case.budget;
    let bd = eigen.drempelbudget().expect("Case guarantees the budget of its own year");
    let tekort = eigen.tekort;
    let tekort_d = tekort.to_decimal();
    let pct = Percentage::ratio(tekort, bd).expect("Case guarantees a positive budget");

    let mut uitleg = Vec::new();
    let mut waarschuwingen = case.notes.clone();
    let mut bronnen: Vec<String> = Vec::new();
    let mut cite = |s: &str| {
        if !bronnen.iter().any(|b| b == s) {
            bronnen.push(s.to_string());
        }
    };

    uitleg.push(format!("Toegepaste regel: {} ({}), geldig voor {} t/m {}.", rule.titel, rule.id, rule.van, rule.tot));
    uitleg.extend(rule.toelichting.iter().cloned());
    let resultaat_woord = if tekort.is_negative() { "een overschot" } else { "een tekort" };
    let soort = match eigen.beschikking {
        buig_core::records::BudgetSoort::Voorlopig => "voorlopig",
        buig_core::records::BudgetSoort::NaderVoorlopig => "nader voorlopig",
        buig_core::records::BudgetSoort::Definitief => "definitief",
    };
    uitleg.push(format!(
        "Over {t} is er {resultaat_woord} van {} op een {soort} budget van {}: {} van het budget.",
        nl::money(tekort.abs()),
        nl::money(b),
        nl::percentage(Percentage::ratio(tekort, b).expect("positive budget").abs())
    ));
    if let Some(z) = eigen.budget_zonder_art7 {
        uitleg.push(format!(
            "Artikel 7 Besluit Participatiewet: de Toetsingscommissie rekent de drempels en treden met het budget zoals het zonder toepassing van artikel 7 zou zijn geweest, {} in plaats van {}. Daarop is het tekort {} van het budget.",
            nl::money(z),
            nl::money(b),
            nl::percentage(pct.abs())
        ));
    }

    // --- The routes, each with its own checklist ---
    let (regulier, meerjarig) = routes::regulier(rule, case);
    let verlaagd = rule.verlaagde_drempel.as_ref().map(|v| routes::verlaagd(v, case));
    for r in std::iter::once(&regulier).chain(verlaagd.as_ref().map(|(r, _)| r)) {
        uitleg.extend(r.uitleg.iter().cloned());
        waarschuwingen.extend(r.waarschuwingen.iter().cloned());
        for bron in &r.bronnen {
            cite(bron);
        }
    }

    // --- Choose the route: the extended one when it may hold and the regular one is not certain to give as much ---
    let recht_regulier = regulier.toets.recht;
    let mut gekozen = &regulier;
    let mut recht = recht_regulier;
    if let Some((v, _)) = &verlaagd {
        recht = or3(recht_regulier, v.toets.recht);
        let neem = v.toets.recht == Some(true) || (v.toets.recht.is_none() && recht_regulier != Some(true));
        if neem && v.exact >= regulier.exact {
            gekozen = v;
        }
    }
    let route = gekozen.toets.route;
    let mut toetsen = vec![regulier.toets.clone()];
    toetsen.extend(verlaagd.as_ref().map(|(v, _)| v.toets.clone()));
    let oordeel = match (recht, route) {
        (Some(true), Route::Regulier) => "recht via de reguliere route".to_string(),
        (Some(true), Route::VerlaagdeDrempel) => "recht via de verlaagde drempel".to_string(),
        (Some(false), _) => "geen recht".to_string(),
        (None, _) => "nog niet vast te stellen".to_string(),
    };
    if toetsen.len() > 1 {
        let mut zin = format!("Twee routes: {} Oordeel: {oordeel}.", toetsen.iter().map(routes::checklist).collect::<Vec<_>>().join(" "));
        if route == Route::VerlaagdeDrempel && gekozen.toets.status == Status::Onbevestigd && recht != Some(false) {
            zin.push_str(&format!(
                " De verlaagde drempel rekent met treden die een werkhypothese zijn; zeker is alleen wat de reguliere route geeft: {}.",
                match regulier.toets.recht {
                    Some(true) => nl::money(regulier.toets.uitkering),
                    Some(false) => "geen recht".to_string(),
                    None => format!("nog niet vast te stellen ({} indien vervuld)", nl::money(regulier.toets.uitkering)),
                }
            ));
        } else if route == Route::VerlaagdeDrempel && recht_regulier == Some(true) {
            zin.push_str(" De verlaagde drempel geeft meer en is daarom getoond.");
        }
        uitleg.push(zin);
    }

    let uitkering = gekozen.exact;
    let uitkering_afgerond = money::round_to_whole_euros(uitkering);
    let (vangnetuitkering, eigen_risico) = match recht {
        Some(true) => (Some(uitkering_afgerond), Some(tekort_d.max(Decimal::ZERO) - uitkering_afgerond)),
        Some(false) => (Some(Decimal::ZERO), Some(tekort_d.max(Decimal::ZERO))),
        None => (None, None),
    };
    // Whole euros (the payout) and cents (the own risk) are exact in Money.
    let geld = |d: Decimal| Money::from_decimal_euros(money::round_to_cents(d)).expect("a shortfall within the range of Money");

    // --- Explanation of the tiers ---
    if recht != Some(false) && tekort.is_positive() {
        for tr in &gekozen.treden {
            if let Some(bron) = treden::bron(&rule.treden, &rule.verlaagde_drempel, tr) {
                cite(bron);
            }
        }
        let parts: Vec<String> = gekozen
            .treden
            .iter()
            .map(|tr| {
                if tr.vergoeding_percentage == Percentage::ZERO {
                    format!("{} {}: {} voor rekening van de gemeente", tr.symbool, treden::label(tr), nl::euro(tr.deel_tekort))
                } else {
                    format!(
                        "{} {}: {} × {} = {}",
                        tr.symbool,
                        treden::label(tr),
                        nl::rule_percentage(tr.vergoeding_percentage),
                        nl::euro(tr.deel_tekort),
                        nl::euro(tr.bedrag)
                    )
                }
            })
            .collect();
        uitleg.push(format!("Berekening per trede ({route}): {}.", parts.join("; ")));
    }
    match recht {
        Some(true) => uitleg.push(format!(
            "Vangnetuitkering {t}: {} (afgerond op hele euro's). Eigen risico van de gemeente: {}.",
            nl::euro(uitkering_afgerond),
            nl::euro(eigen_risico.unwrap_or_default())
        )),
        Some(false) => uitleg.push(format!("Er is over {t} geen recht op een vangnetuitkering.")),
        None => uitleg.push(format!(
            "Of er recht is, is niet vast te stellen met de opgegeven jaren. Als de ontbrekende voorwaarde vervuld blijkt, is de vangnetuitkering {}.",
            nl::euro(uitkering_afgerond)
        )),
    }

    // --- Aanhoudend tekort, the form, the procedure and the deadline ---
    let e = procedure::aanhoudend(rule, case);
    if let Some(a) = &rule.aanhoudend {
        cite(&a.bron);
    }
    cite(&rule.formulieren.bron);
    uitleg.push(e.uitleg.clone());
    waarschuwingen.extend(e.waarschuwing.clone());
    cite(&rule.procedure.bron);
    cite(&rule.termijn.bron);
    let deadline = procedure::termijn(rule, t);
    let dagen = procedure::dagen(deadline, case.datum);
    uitleg.push(format!(
        "Procedure: het verzoek moet uiterlijk {} door de Toetsingscommissie vangnet Participatiewet zijn ontvangen, op het voorgeschreven formulier (voorwaarde c; een fatale termijn). Op {} geldt: {}. {}",
        nl::date_long(deadline),
        nl::date_long(case.datum),
        termijn_tekst(deadline, case.datum),
        rule.procedure.toelichting
    ));

    // --- Status: the least certain rule that decides the outcome ---
    let onbevestigd: Vec<String> = gekozen.beslissend.iter().filter(|(_, s)| *s == Status::Onbevestigd).map(|(w, _)| w.clone()).collect();
    let status = gekozen.beslissend.iter().map(|(_, s)| *s).max().unwrap_or(Status::Bevestigd);
    if status == Status::Onbevestigd {
        waarschuwingen.push(format!(
            "Werkhypothese: de uitkomst steunt op regels die niet aan de wettekst zijn getoetst ({}). Controleer ze bij de Toetsingscommissie vangnet Participatiewet voordat u dit bedrag gebruikt.",
            onbevestigd.join("; ")
        ));
    }
    if let Herkomst::Berekend { correcties, .. } = eigen.herkomst {
        if correcties.is_positive() && t >= Year::new(2021) {
            uitleg.push("Correcties: vanaf 2021 telt alleen het deel van de fouten en onzekerheden boven de rapporteringstolerantie (BADO) van de accountant.".into());
        }
    }

    // --- Steps A–I and the years of the specification ---
    let stappen = crate::specificatie::stappen(case, &gekozen.treden, vangnetuitkering, treden::label);
    if stappen[0].bedrag.is_none() {
        waarschuwingen.push(format!(
            "Voor {t} is het tekort direct opgegeven; stappen A tot en met D (lasten, baten, correcties) zijn daarom leeg. Geef lasten en baten op voor de volledige specificatie."
        ));
    }
    let show = gekozen.toets.clone();
    let treden_gekozen = gekozen.treden.clone();
    let verlaagde_drempel = verlaagd.map(|(_, uitkomst)| uitkomst);

    Ok(VangnetResult {
        jaar: t,
        gemeente: case.gemeente.clone(),
        inwoners: case.inwoners,
        opmerking: case.opmerking.clone(),
        regel: rule.id.clone(),
        regel_titel: rule.titel.clone(),
        status,
        budget: b,
        tekort,
        tekort_percentage: pct,
        drempel_percentage: show.drempel_percentage,
        drempel_bedrag: show.drempel_bedrag,
        voorwaarde_a: show.voorwaarde_a,
        meerjarig_jaren: meerjarig.jaren,
        meerjarig_tekort: meerjarig.tekort,
        meerjarig_percentage: meerjarig.percentage,
        meerjarig_drempel_percentage: rule.meerjarig.as_ref().map(|m| m.percentage),
        meerjarig_drempel_bedrag: meerjarig.drempel_bedrag.map(money::round_to_cents),
        voorwaarde_b: show.voorwaarde_b,
        verlaagde_drempel,
        route,
        routes: toetsen,
        oordeel,
        aanhoudend_tekort: e.aanhoudend_tekort,
        aanhoudend_jaren: e.jaren,
        recht,
        vangnetuitkering: vangnetuitkering.map(geld),
        vangnetuitkering_indien_recht: geld(uitkering_afgerond),
        eigen_risico: eigen_risico.map(geld),
        formulier: e.formulier,
        instemming_raad: rule.procedure.instemming_raad,
        uiterste_indiendatum: deadline,
        datum: case.datum,
        termijn_verstreken: dagen < 0,
        dagen_tot_termijn: dagen,
        beschikking: eigen.beschikking,
        budget_zonder_art7: eigen.budget_zonder_art7,
        jaren: crate::specificatie::jaren(case),
        treden: treden_gekozen,
        stappen,
        uitleg,
        bronnen,
        waarschuwingen,
        onbevestigd,
    })
}
