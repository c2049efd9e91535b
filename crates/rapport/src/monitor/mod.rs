// SPDX-License-Identifier: EUPL-1.2
//! The kwartaalmonitor (SPEC §5, model: seed 004, the BUIG part of the
//! "Monitor sociaal domein"): per quarter the stock by scheme, inflow and
//! outflow with the saldo, the stock per 1,000 inhabitants beside the
//! gemeente's size class and the Netherlands, age and duration, the costs to
//! date against the year's BUIG budget and the vangnet position. One topic
//! per section, each a chart and its table ("één grafiek en één tabel per
//! blad").
//!
//! The quarter is the last complete quarter of `jaar` up to the peildatum;
//! the series start at the first quarter of the year before, so each quarter
//! can be read against the same quarter a year earlier. Everything arrives
//! counted in [`MonitorInvoer`]; a group of gemeenten is shown only with at
//! least [`buig_bestand::MIN_GROEP`] of them, so no single gemeente can be
//! read off it.

pub mod invoer;
pub mod kosten;
pub mod per_1000;

use buig_bestand::{Punt, DUUR_BANDEN, LEEFTIJD_BANDEN};
use buig_core::{nl, Money};
use rust_decimal::Decimal;

use crate::doc::{gewoon, Blok, Document, Tabel};
use crate::gedeeld::{duur_tekst, gestapeld, leeftijd_tekst, soort_tekst, stroom_blokken, vangnet_blokken};
pub use invoer::{MonitorInvoer, MonitorVergelijking};

/// Writes the kwartaalmonitor.
pub fn kwartaalmonitor(v: &MonitorInvoer) -> Document {
    let t = v.jaar;
    let naam = v.naam.clone();
    let kwartaal = format!("K{} {t}", v.kwartaal);
    let punten = &v.reeks.reeks;
    let Some(laatste) = punten.last() else {
        return Document {
            titel: format!("Kwartaalmonitor BUIG {kwartaal} — {naam}"),
            kenmerken: vec![],
            blokken: vec![Blok::Kader { titel: "Geen gegevens".into(), items: vec!["Er zijn geen kwartalen te tellen.".into()] }],
            voettekst: format!("Kwartaalmonitor BUIG {kwartaal} — {naam} — pagina "),
        };
    };
    let vorig_kwartaal = punten.len().checked_sub(2).map(|i| &punten[i]);
    let jaar_eerder = punten.len().checked_sub(5).map(|i| &punten[i]);

    let mut blokken = Vec::new();

    // --- Kerncijfers ---
    blokken.push(Blok::Kop1(format!("Kerncijfers {kwartaal}")));
    let verschil = |p: Option<&Punt>| p.map(|p| nl::met_teken(laatste.stand as i64 - p.stand as i64)).unwrap_or_else(|| "onbekend".into());
    let mut kern = vec![
        vec![format!("Uitkeringen einde {kwartaal}"), nl::aantal(laatste.stand)],
        vec!["Verschil met het vorige kwartaal".into(), verschil(vorig_kwartaal)],
        vec!["Verschil met een jaar eerder".into(), verschil(jaar_eerder)],
        vec![format!("Instroom {kwartaal}"), nl::aantal(laatste.instroom)],
        vec![format!("Uitstroom {kwartaal}"), nl::aantal(laatste.uitstroom)],
        vec!["Saldo (instroom − uitstroom)".into(), nl::met_teken(laatste.saldo)],
        vec![
            "Uitstroom naar werk".into(),
            laatste
                .uitstroom_werk
                .map(|w| format!("{}%", nl::getal(Decimal::from_f64_retain(w * 100.0).unwrap_or_default(), 1)))
                .unwrap_or_else(|| "onbekend".into()),
        ],
        vec![
            "Uitkeringen per 1.000 inwoners".into(),
            laatste
                .per_1000
                .map(|v| nl::getal(Decimal::from_f64_retain(v).unwrap_or_default(), 2))
                .unwrap_or_else(|| "onbekend (inwonertal ontbreekt)".into()),
        ],
    ];

    // --- Costs against the budget (needed for the key figures too) ---
    let maanden = &v.maanden;
    let besteed: Money = maanden.iter().map(|m| m.1).sum();
    if let Some((soort, bedrag)) = v.budget {
        kern.push(vec![format!("Netto lasten t/m {kwartaal}"), nl::money(besteed)]);
        kern.push(vec![format!("BUIG-budget {t} ({})", soort_tekst(soort)), nl::money(bedrag)]);
        if let Some(p) = buig_core::Percentage::ratio(besteed, bedrag) {
            kern.push(vec!["Besteed van het budget".into(), nl::percentage_dp(p, 1)]);
        }
    }
    blokken.push(Blok::Tabel(Tabel { kop: vec!["Onderdeel".into(), "Waarde".into()], rijen: kern, rechts: vec![false, true] }));

    // --- Bestand per regeling ---
    blokken.push(Blok::Kop1("Bijstandsbestand per regeling".into()));
    blokken.push(Blok::Alinea(gewoon(format!(
        "Het aantal lopende uitkeringen aan het einde van elk kwartaal, naar regeling. Einde {kwartaal}: {} uitkeringen ({} ten opzichte van het vorige kwartaal).",
        nl::aantal(laatste.stand),
        verschil(vorig_kwartaal)
    ))));
    let regelingen: Vec<(String, Vec<u64>)> = v
        .per_regeling
        .iter()
        .map(|(r, s)| (r.clone(), punten.iter().map(|p| s.punt(&p.periode).map_or(0, |q| q.stand)).collect()))
        .collect();
    blokken.extend(gestapeld(&format!("Uitkeringen per regeling, einde kwartaal, {}–{t}", t.get() - 1), punten, regelingen));

    // --- Instroom en uitstroom ---
    blokken.push(Blok::Kop1("Instroom en uitstroom".into()));
    blokken.push(Blok::Alinea(gewoon(format!(
        "In {kwartaal} zijn {} uitkeringen gestart en {} beëindigd: een saldo van {}.{}",
        nl::aantal(laatste.instroom),
        nl::aantal(laatste.uitstroom),
        nl::met_teken(laatste.saldo),
        if laatste.herinstroom > 0 {
            format!(" Van de instroom waren {} herinstroom (binnen 12 maanden na een eerdere uitkering).", nl::aantal(laatste.herinstroom))
        } else {
            String::new()
        }
    ))));
    blokken.extend(stroom_blokken(punten));

    // --- Per 1.000 inwoners ---
    blokken.push(Blok::Kop1("Uitkeringen per 1.000 inwoners".into()));
    blokken.extend(per_1000::blokken(&naam, punten, &v.inwoners, v.vergelijking.as_ref()));

    // --- Leeftijd ---
    blokken.push(Blok::Kop1("Leeftijd".into()));
    blokken.push(Blok::Alinea(gewoon(
        "Het bestand aan het einde van elk kwartaal naar leeftijd (uitkeringen zonder geboortedatum tellen hier niet mee).",
    )));
    let leeftijd =
        LEEFTIJD_BANDEN.iter().map(|b| (leeftijd_tekst(b).to_string(), punten.iter().map(|p| p.leeftijd[*b]).collect())).collect();
    blokken.extend(gestapeld("Uitkeringen naar leeftijd, einde kwartaal", punten, leeftijd));

    // --- Uitkeringsduur ---
    blokken.push(Blok::Kop1("Uitkeringsduur".into()));
    let lang: u64 = ["36-60", "60+"].iter().map(|b| laatste.duur[*b]).sum();
    blokken.push(Blok::Alinea(gewoon(format!(
        "Het bestand naar de duur van de lopende uitkering in hele maanden. Einde {kwartaal} loopt {} van de {} uitkeringen drie jaar of langer.",
        nl::aantal(lang),
        nl::aantal(laatste.stand)
    ))));
    let duur = DUUR_BANDEN.iter().map(|b| (duur_tekst(b).to_string(), punten.iter().map(|p| p.duur[*b]).collect())).collect();
    blokken.extend(gestapeld("Uitkeringen naar duur, einde kwartaal", punten, duur));

    // --- Kosten en BUIG-budget ---
    blokken.push(Blok::Kop1(format!("Kosten en BUIG-budget {t}")));
    blokken.extend(kosten::blokken(t, &kwartaal, v.budget.map(|(s, b)| (soort_tekst(s), b)), maanden, besteed));

    // --- Vangnet ---
    blokken.push(Blok::Kop1("Vangnetpositie".into()));
    let prognose = &v.prognose;
    if prognose.is_some() {
        blokken.push(Blok::Alinea(gewoon(format!("De prognose rekent met de realisatie t/m {kwartaal}."))));
    }
    blokken.extend(vangnet_blokken(&v.overzicht, prognose.as_ref(), t, &naam));
    if let Some(vorige) = prognose.as_ref().and_then(|p| p.vorige_rapportage.as_ref()) {
        blokken.push(Blok::Alinea(gewoon(format!("Sinds de vorige rapportage: {}", buig_prognose::zinnen::sinds_vorige_zin(vorige)))));
    }

    let mut kenmerken = Vec::new();
    if let Some(c) = v.gemeente {
        kenmerken.push(("Gemeente".to_string(), format!("{naam} ({c})")));
    }
    kenmerken.push(("Kwartaal".into(), format!("{kwartaal} (t/m {})", nl::date_long(v.einde))));
    kenmerken.push(("Datum".into(), nl::date_long(v.datum)));
    Document {
        titel: format!("Kwartaalmonitor BUIG {kwartaal} — {naam}"),
        kenmerken,
        blokken,
        voettekst: format!("Kwartaalmonitor BUIG {kwartaal} — {naam} — pagina "),
    }
}
