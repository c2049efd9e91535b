// SPDX-License-Identifier: EUPL-1.2
//! The measures of the vangnet request from the action plan: its target
//! against the caseload change since the nulmeting, basic or extended
//! request with the internal and external actions, and every action line
//! with its progress and evaluation (seed 002).

use buig_core::{nl, Money};
use buig_rules::Route;

use crate::doc::{gewoon, met_kop, Blok, Tabel};
use crate::gedeeld::{aandeel, maand_label, ONBEKEND};
use crate::notitie::invoer::NotitieInvoer;

fn soort_van(s: Option<buig_plan::Soort>) -> &'static str {
    s.map(buig_plan::Soort::code).unwrap_or("soort onbekend")
}

/// The parts of the plan's target: "300 uitkeringen minder", "€ 1.500.000 besparing".
pub fn doel_delen(p: &buig_plan::Overzicht) -> Vec<String> {
    let mut doel = Vec::new();
    if let Some(d) = p.doel_uitkeringen {
        doel.push(format!("{} uitkeringen minder", nl::aantal(d)));
    }
    if let Some(d) = p.doel_euro {
        doel.push(format!("{} besparing", nl::money(d)));
    }
    doel
}

/// The plan's target in words: " (doel: 300 uitkeringen minder en € 1.500.000 besparing)".
pub fn plan_doel(p: &buig_plan::Overzicht) -> String {
    let doel = doel_delen(p);
    if doel.is_empty() {
        String::new()
    } else {
        format!(" (doel: {})", doel.join(" en "))
    }
}

/// The measures from the action plan: target against the change since the
/// nulmeting, basic or extended request, the actions per line.
/// The section "Maatregelen" from the plan.
pub fn blokken(p: &buig_plan::Overzicht, n: &NotitieInvoer) -> Vec<Blok> {
    let mut b = Vec::new();
    let periode = match (p.van, p.tot) {
        (Some(v), Some(e)) => format!(" ({} tot en met {})", nl::date_long(v), nl::date_long(e)),
        _ => String::new(),
    };
    let mut zin = format!(
        "Het college heeft maatregelen getroffen in het {}{periode}: {} acties in {} actielijnen.",
        p.titel,
        p.totalen.acties,
        p.actielijnen.len()
    );
    let doel = doel_delen(p);
    if doel.is_empty() {
        zin.push_str(" Het plan noemt geen doel in uitkeringen of euro's.");
    } else {
        zin.push_str(&format!(" Het doel van het plan: {}.", doel.join(" en ")));
    }
    b.push(Blok::Alinea(gewoon(zin)));

    // Target against the actual change since the nulmeting (counted up to the peildatum before).
    let ontwikkeling = &p.sinds_nulmeting;
    let mut kern = Vec::new();
    kern.push(vec!["Doel (uitkeringen minder)".to_string(), p.doel_uitkeringen.map(nl::aantal).unwrap_or_else(|| ONBEKEND.into())]);
    kern.push(vec!["Doel (besparing)".into(), p.doel_euro.map(nl::money).unwrap_or_else(|| ONBEKEND.into())]);
    kern.push(vec![
        "Beoogd effect van de acties samen (uitkeringen minder)".into(),
        if p.totalen.acties_zonder_effect >= p.totalen.acties {
            "onbekend (geen actie heeft een gekwantificeerd effect)".to_string()
        } else {
            format!(
                "{}{}",
                nl::aantal(p.totalen.effect_uitkeringen),
                if p.totalen.acties_zonder_effect > 0 {
                    format!(" ({} acties zonder gekwantificeerd effect)", p.totalen.acties_zonder_effect)
                } else {
                    String::new()
                }
            )
        },
    ]);
    kern.push(vec![
        "Budget van de acties".into(),
        if p.totalen.acties_zonder_budget >= p.totalen.acties {
            "onbekend (geen actie heeft een budget)".to_string()
        } else {
            format!(
                "{}{}",
                nl::money(p.totalen.budget),
                if p.totalen.acties_zonder_budget > 0 {
                    format!(" ({} acties zonder budget)", p.totalen.acties_zonder_budget)
                } else {
                    String::new()
                }
            )
        },
    ]);
    if p.totalen.voortgang.kosten != Money::ZERO {
        kern.push(vec!["Besteed aan de acties".into(), nl::money(p.totalen.voortgang.kosten)]);
    }
    let werkelijk = match (ontwikkeling, p.nulmeting) {
        (Some(o), _) => {
            let richting = if o.verandering < 0 {
                format!("gedaald met {}", nl::aantal(-o.verandering))
            } else if o.verandering > 0 {
                format!("gestegen met {}", nl::aantal(o.verandering))
            } else {
                "gelijk gebleven".into()
            };
            kern.push(vec![format!("Stand nulmeting ({})", maand_label(&o.nulmeting_maand)), nl::aantal(o.stand_nulmeting)]);
            kern.push(vec![format!("Stand {}", maand_label(&o.laatste_maand)), nl::aantal(o.stand_laatste)]);
            kern.push(vec!["Werkelijke verandering sinds de nulmeting".into(), nl::met_teken(o.verandering)]);
            let mut s = format!(
                "Sinds de nulmeting ({}: {} uitkeringen) is het bestand {richting} tot {} in {}",
                maand_label(&o.nulmeting_maand),
                nl::aantal(o.stand_nulmeting),
                nl::aantal(o.stand_laatste),
                maand_label(&o.laatste_maand)
            );
            match p.doel_uitkeringen {
                Some(d) if d > 0 => s.push_str(&format!(
                    "; het doel is {} uitkeringen minder, daarvan is {} gerealiseerd.",
                    nl::aantal(d),
                    if o.verandering < 0 { aandeel((-o.verandering) as u64, d as u64) } else { "niets".into() }
                )),
                _ => s.push('.'),
            }
            s
        }
        (None, Some(n)) => {
            kern.push(vec!["Werkelijke verandering sinds de nulmeting".into(), ONBEKEND.into()]);
            format!(
                "De werkelijke ontwikkeling van het bestand sinds de nulmeting ({}) is niet bekend: er zijn geen uitkeringen van na de nulmeting geïmporteerd.",
                nl::date_long(n)
            )
        }
        (None, None) => {
            kern.push(vec!["Werkelijke verandering sinds de nulmeting".into(), "onbekend (geen nulmeting)".into()]);
            "Het plan heeft geen nulmeting; de werkelijke ontwikkeling is daarom niet tegen het doel te zetten.".into()
        }
    };
    b.push(Blok::Alinea(gewoon(werkelijk)));
    b.push(Blok::Tabel(Tabel { kop: vec!["Onderdeel".into(), "Waarde".into()], rijen: kern, rechts: vec![false, true] }));

    // Basic or extended request.
    let acties: Vec<&buig_plan::ActieRegel> = p.actielijnen.iter().flat_map(|l| &l.acties).collect();
    let codes = |s: Option<buig_plan::Soort>| -> Vec<String> {
        acties.iter().filter(|a| a.actie.soort == s).map(|a| format!("{} {}", a.actie.code, a.actie.titel)).collect()
    };
    let (intern, extern_, onbekend) = (codes(Some(buig_plan::Soort::Intern)), codes(Some(buig_plan::Soort::Extern)), codes(None));
    let r = n.r();
    let t = n.jaar;
    b.push(Blok::Kop2(match r.aanhoudend_tekort {
        Some(true) => "Uitgebreid verzoek".into(),
        Some(false) => "Basisverzoek".into(),
        None => "Basisverzoek of uitgebreid verzoek".into(),
    }));
    let route = if r.route == Route::Regulier { String::new() } else { format!(" (route: {})", r.route) };
    if let Some(vraag) = n.vraag_e() {
        b.push(Blok::Alinea(gewoon(format!(
            "Voorwaarde e (aanhoudend tekort): {vraag} Is die verleend, dan is de aanvraag over {t} een uitgebreid verzoek{route} en verklaart het college welke aanvullende interne en externe maatregelen het heeft getroffen; anders volstaat een basisverzoek. De acties naar soort staan hieronder zodat beide kunnen."
        ))));
    }
    if r.aanhoudend_tekort != Some(false) {
        if r.aanhoudend_tekort == Some(true) {
            b.push(Blok::Alinea(gewoon(format!(
                "Er is sprake van een aanhoudend tekort (voorwaarde e): de aanvraag over {t} is een {}{route}. Het college moet verklaren welke aanvullende interne en externe maatregelen het heeft getroffen om tot verdere tekortreductie te komen.",
                n.formulier_tekst()
            ))));
        }
        let mut items = vec![
            met_kop("Interne maatregelen: ", if intern.is_empty() { "geen als intern aangemerkt".to_string() } else { intern.join("; ") }),
            met_kop(
                "Externe maatregelen: ",
                if extern_.is_empty() { "geen als extern aangemerkt".to_string() } else { extern_.join("; ") },
            ),
        ];
        if !onbekend.is_empty() {
            items.push(met_kop(
                "Soort onbekend: ",
                format!("{} — geef in het aanvalsplan per actie aan of die intern of extern is.", onbekend.join("; ")),
            ));
        }
        b.push(Blok::Lijst { genummerd: false, items });
    } else {
        b.push(Blok::Alinea(gewoon(format!(
            "Er is geen aanhoudend tekort (voorwaarde e): een {}{route} volstaat. Van de {} acties zijn er {} intern, {} extern en bij {} is de soort onbekend.",
            n.formulier_tekst(),
            acties.len(),
            intern.len(),
            extern_.len(),
            onbekend.len()
        ))));
    }

    // The actions per line, with their progress and the verdict of their evaluation (seed 002).
    for l in &p.actielijnen {
        b.push(Blok::Kop2(format!("Actielijn {}. {}", l.nummer, l.naam)));
        b.push(Blok::Alinea(met_kop("Voortgang: ", buig_plan::voortgang_tekst(&l.voortgang))));
        let rijen = l
            .acties
            .iter()
            .map(|a| {
                vec![
                    a.actie.code.clone(),
                    a.actie.titel.clone(),
                    a.actie.trekker.clone().unwrap_or_else(|| ONBEKEND.into()),
                    soort_van(a.actie.soort).to_string(),
                    a.laatste_status
                        .as_ref()
                        .map(|u| format!("{} ({})", u.status.tekst(), u.kwartaal))
                        .unwrap_or_else(|| "nog geen status".into()),
                    a.evaluatie
                        .as_ref()
                        .map(|e| format!("{} ({}): {}", e.oordeel.tekst(), nl::date_short(e.datum), e.toelichting))
                        .unwrap_or_else(|| "nog niet geëvalueerd".into()),
                ]
            })
            .collect();
        b.push(Blok::Tabel(Tabel {
            kop: ["Code", "Actie", "Trekker", "Soort", "Laatste status", "Evaluatie"].map(String::from).to_vec(),
            rijen,
            rechts: vec![false; 6],
        }));
    }
    b.push(Blok::Alinea(met_kop("Bron: ", buig_core::nl::leesbare_bron(&p.bron))));
    b
}
