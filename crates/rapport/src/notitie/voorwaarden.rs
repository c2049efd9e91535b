// SPDX-License-Identifier: EUPL-1.2
//! Conditions a–e of the vangnetuitkering, each with its numbers and its
//! verdict, as the commission checks them.

use buig_core::{nl, Year};
use buig_rules::{Route, RouteToets};

use crate::doc::{gewoon, met_kop, Blok};
use crate::gedeeld::ONBEKEND;
use crate::notitie::invoer::{oordeel, NotitieInvoer};

/// The sentence on condition b (the raadsvoorstel repeats it).
pub fn b_tekst(n: &NotitieInvoer) -> String {
    let (t, r) = (n.jaar, n.r());
    match (&n.regel.meerjarig, &r.verlaagde_drempel) {
        (_, Some(v)) if r.route == Route::VerlaagdeDrempel => format!(
            "Verlaagde drempel: een tekort van ten minste {} van het eigen budget in de jaren {}. Dat haalt: {}{}.",
            nl::rule_percentage(v.minimum_percentage),
            nl::jaren(&v.jaren),
            if v.jaren_met_tekort.is_empty() { "geen".to_string() } else { nl::jaren(&v.jaren_met_tekort) },
            if v.jaren_onbekend.is_empty() { String::new() } else { format!("; onbekend: {}", nl::jaren(&v.jaren_onbekend)) }
        ),
        (None, _) => format!("Voor {t} geldt geen meerjarige voorwaarde."),
        (Some(m), _) => {
            let mut s = format!(
                "Het gecumuleerde tekort over {} (overschotten tellen negatief) moet méér bedragen dan {} van alleen het {} {t}, dat is {}. ",
                nl::jaren(&r.meerjarig_jaren),
                nl::rule_percentage(m.percentage),
                n.budget_woord(),
                r.meerjarig_drempel_bedrag.map(nl::euro).unwrap_or_else(|| ONBEKEND.into())
            );
            match (r.meerjarig_tekort, r.meerjarig_percentage) {
                (Some(sum), Some(p)) => {
                    let delen: Vec<String> = r
                        .jaren
                        .iter()
                        .filter(|j| r.meerjarig_jaren.contains(&j.jaar))
                        .map(|j| format!("{}: {}", j.jaar, nl::money(j.tekort)))
                        .collect();
                    s.push_str(&format!(
                        "{} geeft samen {}, dat is {} van het budget {t}.",
                        delen.join(" + "),
                        nl::money(sum),
                        nl::percentage(p)
                    ));
                }
                _ => {
                    let missend = n.zonder_bedrag(&n.ontbrekende_jaren());
                    s.push_str(&format!(
                        "Dit is niet vast te stellen: {}. Een percentage van het eigen budget van een eerder jaar is niet op te tellen bij het budget {t}; vul het bedrag aan (jaarrekening, SiSa-bijlage) voordat de aanvraag wordt ingediend.",
                        missend.join("; ")
                    ));
                }
            }
            s
        }
    }
}

/// The section "Voorwaarden voor de vangnetuitkering t".
pub fn blokken(n: &NotitieInvoer) -> Vec<Blok> {
    let (t, r) = (n.jaar, n.r());
    let mut blokken = vec![
        Blok::Kop1(format!("Voorwaarden voor de vangnetuitkering {t}")),
        Blok::Alinea(gewoon(format!(
            "Om over {t} in aanmerking te komen voor een vangnetuitkering moet worden voldaan aan de volgende financiële (a, b) en procedurele (c–e) voorwaarden."
        ))),
    ];
    let mut vw = Vec::new();
    if r.routes.len() > 1 {
        // Two routes, each its own checklist, ending in one verdict.
        for toets in &r.routes {
            vw.push(route_punt(n, toets));
        }
        vw.push(met_kop(format!("Oordeel over a en b — {}. ", r.oordeel), zeker_en_onzeker(n)));
    } else {
        vw.push(met_kop(
            format!("a. Tekort over {t} — {}. ", oordeel(Some(r.voorwaarde_a))),
            format!(
                "Het tekort over {t} moet méér bedragen dan {} van het {} {t}, dat is {}. Het tekort is {} ({}).",
                nl::rule_percentage(r.drempel_percentage),
                n.budget_woord(),
                nl::euro(r.drempel_bedrag),
                nl::money(n.tekort_t()),
                nl::percentage(r.tekort_percentage)
            ),
        ));
        vw.push(met_kop(format!("b. Meerjarig tekort — {}. ", oordeel(r.voorwaarde_b)), b_tekst(n)));
    }
    vw.push(met_kop(
        format!("c. Tijdige aanvraag — {}. ", if n.termijn_verstreken() { "termijn verstreken" } else { "nog te doen" }),
        format!(
            "De Toetsingscommissie vangnet Participatiewet moet het verzoek, op het voorgeschreven aanvraagformulier ({}), uiterlijk op {} hebben ontvangen; dit is een fatale termijn. Op de datum van deze notitie: {}.",
            n.formulier_tekst(),
            n.deadline(),
            n.termijn_stand()
        ),
    ));
    vw.push(if r.instemming_raad {
        met_kop(
            "d. Verklaring met instemming van de raad — ter instemming (dit voorstel). ".to_string(),
            "Het college verklaart dat het maatregelen heeft getroffen om tot tekortreductie te komen en licht die toe: de oorzaken van het tekort, de interne en externe maatregelen en hun beoogde effect. Deze verklaring heeft de instemming van de gemeenteraad nodig.".to_string(),
        )
    } else {
        met_kop(
            "d. Verklaring van het college — informeren volstaat. ".to_string(),
            format!("Het college verklaart welke maatregelen zijn getroffen; voor {t} volstaat het informeren van de raad."),
        )
    });
    let venster: Vec<Year> = r.aanhoudend_jaren.clone();
    vw.push(match (&n.regel.aanhoudend, r.aanhoudend_tekort) {
        (None, _) => met_kop(
            "e. Aanhoudend tekort — niet van toepassing. ",
            format!("Deze voorwaarde bestaat voor {t} nog niet; het verzoek gaat op het formulier {}.", n.formulier_tekst()),
        ),
        (Some(_), Some(true)) => {
            let verleend = n.vangnet_verleend.clone().unwrap_or_default();
            let hits: Vec<Year> = venster.iter().copied().filter(|y| verleend.contains(&y.get())).collect();
            met_kop(
                format!("e. Aanhoudend tekort — van toepassing: {}. ", n.formulier_tekst()),
                format!("Over {} is een vangnetuitkering verleend. Het college moet daarom verklaren welke aanvullende interne en externe maatregelen zijn getroffen om tot verdere tekortreductie te komen.", nl::jaren(&hits)),
            )
        }
        (Some(_), None) => met_kop(
            if n.vangnet.vermoedelijk_verleend.is_empty() { "e. Aanhoudend tekort — onbekend. ".to_string() } else { "e. Aanhoudend tekort — onbekend, waarschijnlijk van toepassing. ".to_string() },
            format!(
                "{} Is die verleend, dan is een uitgebreid verzoek nodig met aanvullende interne en externe maatregelen; is die niet verleend, dan volstaat een basisverzoek.",
                n.vraag_e().unwrap_or_default()
            ),
        ),
        (Some(_), Some(false)) => met_kop(
            "e. Aanhoudend tekort — niet van toepassing. ",
            format!("Over {} is geen vangnetuitkering verleend: een {} volstaat.", nl::jaren(&venster), n.formulier_tekst()),
        ),
    });
    blokken.push(Blok::Lijst { genummerd: false, items: vw });
    blokken
}

/// One route's checklist as a list item: its threshold, conditions a and b, and what it gives.
fn route_punt(n: &NotitieInvoer, toets: &RouteToets) -> crate::doc::Tekst {
    let r = n.r();
    let t = n.jaar;
    let (naam, b) = match toets.route {
        Route::Regulier => (
            "Reguliere route",
            match (&n.regel.meerjarig, r.meerjarig_tekort, r.meerjarig_percentage) {
                (Some(m), Some(som), Some(p)) => format!(
                    "b. het gecumuleerde tekort over {} is {} ({} van het budget {t}); méér dan {} is nodig: {}",
                    nl::jaren(&r.meerjarig_jaren),
                    nl::money(som),
                    nl::percentage(p),
                    nl::rule_percentage(m.percentage),
                    oordeel(toets.voorwaarde_b)
                ),
                (Some(_), _, _) => format!("b. het gecumuleerde tekort: {}", oordeel(toets.voorwaarde_b)),
                (None, _, _) => "b. geen meerjarige voorwaarde".to_string(),
            },
        ),
        Route::VerlaagdeDrempel => (
            "Verlaagde drempel",
            match &r.verlaagde_drempel {
                Some(v) => format!(
                    "b. een tekort van ten minste {} van het eigen budget in minstens twee van de jaren {}; dat haalt: {}: {}",
                    nl::rule_percentage(v.minimum_percentage),
                    nl::jaren(&v.jaren),
                    if v.jaren_met_tekort.is_empty() { "geen".to_string() } else { nl::jaren(&v.jaren_met_tekort) },
                    oordeel(toets.voorwaarde_b)
                ),
                None => format!("b. {}", oordeel(toets.voorwaarde_b)),
            },
        ),
    };
    let uitkomst = match toets.recht {
        Some(true) => format!("recht, {}{}", nl::money(toets.uitkering), buig_prognose::zinnen::werkhypothese(toets.status)),
        Some(false) => "geen recht".to_string(),
        None => format!(
            "nog niet vast te stellen; indien vervuld {}{}",
            nl::money(toets.uitkering),
            buig_prognose::zinnen::werkhypothese(toets.status)
        ),
    };
    met_kop(
        format!("{naam} (drempel {}) — {uitkomst}. ", nl::rule_percentage(toets.drempel_percentage)),
        format!(
            "a. het tekort over {t} moet méér bedragen dan {} van het {} ({}): {}; {}. Status van de regels: {}.",
            nl::rule_percentage(toets.drempel_percentage),
            n.budget_woord(),
            nl::euro(toets.drempel_bedrag),
            oordeel(Some(toets.voorwaarde_a)),
            b,
            toets.status
        ),
    )
}

/// Where the lowered route decides on tiers that are a working hypothesis:
/// the certain amount (the regular route's) beside the lowered-route amount.
fn zeker_en_onzeker(n: &NotitieInvoer) -> String {
    let r = n.r();
    let (Some(regulier), Some(verlaagd)) =
        (r.routes.iter().find(|x| x.route == Route::Regulier), r.routes.iter().find(|x| x.route == Route::VerlaagdeDrempel))
    else {
        return String::new();
    };
    if r.route == Route::VerlaagdeDrempel && verlaagd.status == buig_rules::Status::Onbevestigd {
        let zeker = match regulier.recht {
            Some(true) => format!("{} via de reguliere route ({})", nl::money(regulier.uitkering), regulier.status),
            Some(false) => format!("geen uitkering via de reguliere route ({})", regulier.status),
            None => format!("via de reguliere route nog niet vast te stellen ({})", regulier.status),
        };
        format!(
            "Zeker is: {zeker}. Via de verlaagde drempel: {} (werkhypothese: de treden van die route zijn niet aan de wettekst getoetst).",
            nl::money(verlaagd.uitkering)
        )
    } else {
        format!("De getoonde berekening volgt de {}.", if r.route == Route::Regulier { "reguliere route" } else { "verlaagde drempel" })
    }
}
