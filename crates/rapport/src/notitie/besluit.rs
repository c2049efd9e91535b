// SPDX-License-Identifier: EUPL-1.2
//! The notitie's opening: the decision asked of the council ("Gevraagd
//! besluit", the same points as the raadsvoorstel and the raadsbesluit),
//! the key figures, and the financial consequences.

use buig_core::{nl, Money};

use crate::doc::{gewoon, met_kop, Blok, Tabel, Tekst};
use crate::gedeeld::ONBEKEND;
use crate::notitie::invoer::NotitieInvoer;

/// The decision points: conditional while the engine leaves a condition
/// unknown, without a request when one fails.
pub fn punten(n: &NotitieInvoer) -> Vec<Tekst> {
    let (t, r) = (n.jaar, n.r());
    let kennis = format!(
        "Kennis te nemen van het tekort op de BUIG over {t} van {} ({} van het {} {t} van {})",
        nl::money(n.tekort_t()),
        nl::percentage(r.tekort_percentage),
        n.budget_woord(),
        nl::money(n.budget_t())
    );
    let voorbehoud = n.open_voorwaarde();
    let onder_voorbehoud = |rest: String| -> Tekst {
        match voorbehoud {
            Some(v) => met_kop(format!("Onder voorbehoud dat {v} vervuld is: "), nl::kleine_letter(&rest)),
            None => gewoon(rest),
        }
    };
    let mut besluit = Vec::new();
    if r.recht == Some(false) {
        besluit.push(gewoon(format!("{kennis}.")));
        besluit.push(gewoon(format!(
            "Kennis te nemen van het feit dat over {t} geen recht bestaat op een vangnetuitkering, omdat {}; het college dient daarom geen aanvraag vangnetuitkering {t} in.",
            n.niet_vervuld()
        )));
        return besluit;
    }
    let e_deel = match r.aanhoudend_tekort {
        Some(true) => ", met de aanvullende interne en externe maatregelen bij een aanhoudend tekort (voorwaarde e)",
        None => ", en — als over de twee voorgaande jaren een vangnetuitkering is verleend — met de aanvullende interne en externe maatregelen bij een aanhoudend tekort (voorwaarde e)",
        Some(false) => "",
    };
    let plan_deel = n.plan.as_ref().map(|p| format!(", zoals uitgewerkt in het {}", p.titel)).unwrap_or_default();
    if r.instemming_raad {
        besluit.push(gewoon(format!(
            "In te stemmen met de verklaring van het college over de maatregelen die zijn getroffen om tot tekortreductie op de BUIG te komen{plan_deel} (voorwaarde d){e_deel}."
        )));
    } else {
        besluit.push(gewoon(format!(
            "Kennis te nemen van de verklaring van het college over de maatregelen die zijn getroffen om tot tekortreductie op de BUIG te komen{plan_deel}{e_deel}; voor {t} is instemming van de raad niet vereist."
        )));
    }
    match (r.recht, r.vangnetuitkering) {
        (Some(true), Some(x)) => besluit.push(gewoon(format!(
            "{kennis}, en van de vangnetuitkering van {}{} die daarover kan worden aangevraagd.",
            nl::money(x),
            n.werkhypothese()
        ))),
        _ => {
            besluit.push(gewoon(format!("{kennis}.")));
            besluit.push(onder_voorbehoud(format!(
                "Kennis te nemen van de vangnetuitkering van {}{} die over {t} kan worden aangevraagd.",
                n.bedrag_indien(),
                n.werkhypothese()
            )));
        }
    }
    besluit.push(onder_voorbehoud(format!(
        "Het college in staat te stellen de aanvraag vangnetuitkering {t} ({}) zo in te dienen dat de Toetsingscommissie vangnet Participatiewet die uiterlijk op {} heeft ontvangen.",
        n.formulier_tekst(),
        n.deadline()
    )));
    besluit
}

/// The payout in the key figures: the amount, no right, or unknown with the amount if b is met.
pub fn uitkering_tekst(n: &NotitieInvoer) -> String {
    let r = n.r();
    match (r.recht, r.vangnetuitkering) {
        (Some(true), Some(x)) => format!("{}{}", nl::money(x), n.werkhypothese()),
        (Some(false), _) => "geen (geen recht)".to_string(),
        _ => format!("onbekend; indien voorwaarde b vervuld is: {}{}", n.bedrag_indien(), n.werkhypothese()),
    }
}

/// "Kerncijfers": the table of the year's figures and the outcome.
pub fn kerncijfers(n: &NotitieInvoer) -> Vec<Blok> {
    let (t, r) = (n.jaar, n.r());
    let mut kern = vec![
        vec![format!("{} {t}", nl::hoofdletter(n.budget_woord())), nl::money(n.budget_t())],
        vec![format!("Tekort {t}"), nl::money(n.tekort_t())],
        vec!["Tekort in % van het budget".into(), nl::percentage(r.tekort_percentage)],
        vec![format!("Drempel voorwaarde a ({})", nl::rule_percentage(r.drempel_percentage)), nl::euro(r.drempel_bedrag)],
    ];
    if !r.meerjarig_jaren.is_empty() {
        kern.push(vec![
            format!("Gecumuleerd tekort {}", nl::jaren(&r.meerjarig_jaren)),
            match (r.meerjarig_tekort, r.meerjarig_percentage) {
                (Some(m), Some(p)) => format!("{} ({})", nl::money(m), nl::percentage(p)),
                _ => ONBEKEND.into(),
            },
        ]);
    }
    kern.push(vec!["Vangnetuitkering".into(), uitkering_tekst(n)]);
    kern.push(vec!["Eigen risico gemeente".into(), r.eigen_risico.map(nl::money).unwrap_or_else(|| ONBEKEND.into())]);
    kern.push(vec!["Aanvraagformulier".into(), n.formulier_tekst()]);
    kern.push(vec!["Uiterlijk ontvangen door de Toetsingscommissie".into(), format!("{} ({})", n.deadline(), n.termijn_stand())]);
    vec![
        Blok::Kop1("Kerncijfers".into()),
        Blok::Tabel(Tabel { kop: vec!["Onderdeel".into(), "Waarde".into()], rijen: kern, rechts: vec![false, true] }),
    ]
}

/// "Financiële consequenties" in one paragraph (the raadsvoorstel repeats it).
pub fn financieel(n: &NotitieInvoer) -> String {
    let (t, r) = (n.jaar, n.r());
    let naam = &n.naam;
    let basis = if n.prognose() { "de prognose" } else { "de realisatie" };
    match (r.recht, r.vangnetuitkering) {
        (Some(true), Some(x)) => format!(
            "Op basis van {basis} over {t} kan de gemeente {naam} {}{} aan vangnetuitkering over dat jaar aanvragen. Het tekort is hoger dan {} ({}). Het eigen risico van de gemeente is {}.",
            nl::money(x),
            n.werkhypothese(),
            nl::rule_percentage(r.drempel_percentage),
            nl::money(n.tekort_t()),
            r.eigen_risico.map(nl::money).unwrap_or_else(|| ONBEKEND.into())
        ),
        (Some(false), _) => format!(
            "Over {t} is er geen recht op een vangnetuitkering; het tekort van {} komt volledig voor rekening van de gemeente.",
            nl::money(n.tekort_t().max(Money::ZERO))
        ),
        _ => format!(
            "Of de gemeente {naam} over {t} recht heeft op een vangnetuitkering, is met de beschikbare cijfers niet vast te stellen: voorwaarde b is onbekend. Indien voorwaarde b vervuld is, bedraagt de vangnetuitkering {}{}. Dit bedrag is pas zeker als de ontbrekende jaren zijn aangevuld.",
            n.bedrag_indien(),
            n.werkhypothese()
        ),
    }
}

/// The section "Financiële consequenties", with the rule status when a working hypothesis decided.
pub fn financieel_blokken(n: &NotitieInvoer) -> Vec<Blok> {
    let r = n.r();
    let mut b = vec![Blok::Kop1("Financiële consequenties".into()), Blok::Alinea(gewoon(financieel(n)))];
    if r.status == buig_rules::Status::Onbevestigd {
        b.push(Blok::Alinea(gewoon(format!(
            "De uitkomst steunt op regels die nog niet aan de wettekst zijn getoetst ({}); zie bijlage 2.",
            r.onbevestigd.join("; ")
        ))));
    }
    b
}
