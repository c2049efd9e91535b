// SPDX-License-Identifier: EUPL-1.2
//! Conditions a–e of the vangnetuitkering, each with its numbers and its
//! verdict, as the commission checks them.

use buig_core::{nl, Year};
use buig_rules::Route;

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
                "Het gecumuleerde tekort over {} (overschotten tellen negatief) moet méér bedragen dan {} van alleen het definitieve budget {t}, dat is {}. ",
                nl::jaren(&r.meerjarig_jaren),
                nl::rule_percentage(m.percentage),
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
    vw.push(met_kop(
        format!("a. Tekort over {t} — {}. ", oordeel(Some(r.voorwaarde_a))),
        format!(
            "Het tekort over {t} moet méér bedragen dan {} van het definitieve budget {t}, dat is {}. Het tekort is {} ({}).",
            nl::rule_percentage(r.drempel_percentage),
            nl::euro(r.drempel_bedrag),
            nl::money(n.tekort_t()),
            nl::percentage(r.tekort_percentage)
        ),
    ));
    vw.push(met_kop(format!("b. Meerjarig tekort — {}. ", oordeel(r.voorwaarde_b)), b_tekst(n)));
    vw.push(met_kop(
        "c. Tijdige aanvraag — nog te doen. ".to_string(),
        format!(
            "Het college dient het verzoek uiterlijk op {} in bij de Toetsingscommissie vangnet Participatiewet, op het voorgeschreven aanvraagformulier ({}).",
            n.deadline(),
            r.formulier
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
    let venster: Vec<Year> = n.regel.aanhoudend_jaren(t);
    vw.push(match (&n.regel.aanhoudend, &n.vangnet_verleend) {
        (None, _) => met_kop(
            "e. Aanhoudend tekort — niet van toepassing. ",
            format!("Deze voorwaarde bestaat voor {t} nog niet; een basisverzoek volstaat."),
        ),
        (Some(_), verleend) if r.aanhoudend_tekort => {
            let verleend = verleend.clone().unwrap_or_default();
            let hits: Vec<Year> = venster.iter().copied().filter(|y| verleend.contains(&y.get())).collect();
            met_kop(
                "e. Aanhoudend tekort — van toepassing: uitgebreid verzoek. ",
                format!("Over {} is een vangnetuitkering verleend. Het college moet daarom verklaren welke aanvullende interne en externe maatregelen zijn getroffen om tot verdere tekortreductie te komen.", nl::jaren(&hits)),
            )
        }
        (Some(_), None) => met_kop(
            "e. Aanhoudend tekort — aangenomen: niet van toepassing. ",
            format!("Niet opgegeven of over {} een vangnetuitkering is verleend; aangenomen is van niet (basisverzoek). Controleer dit: is die wel verleend, dan is een uitgebreid verzoek nodig met aanvullende interne en externe maatregelen.", nl::jaren(&venster)),
        ),
        (Some(_), Some(_)) => met_kop(
            "e. Aanhoudend tekort — niet van toepassing. ",
            format!("Over {} is geen vangnetuitkering verleend: een basisverzoek volstaat.", nl::jaren(&venster)),
        ),
    });
    blokken.push(Blok::Lijst { genummerd: false, items: vw });
    blokken
}
