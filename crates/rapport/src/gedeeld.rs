// SPDX-License-Identifier: EUPL-1.2
//! What the documents share: labels of periods, bands and decisions, the
//! stacked caseload chart, the flows chart and the vangnet outlook of a
//! year. Formatting only; every figure arrives computed.

use buig_bestand::Punt;
use buig_core::records::BudgetSoort;
use buig_core::{nl, Money, Year};
use buig_grafiek::{Eenheid, Grafiek, Reeks, Soort};
use buig_prognose::{BudgetOverzicht, PrognoseUitkomst, VangnetPositie};
use rust_decimal::Decimal;

use crate::doc::{gewoon, grafiek_met_tabel, Blok, Tabel};

/// What a document writes for a figure that is not in the data.
pub const ONBEKEND: &str = "onbekend";

/// `2026-K3` → `K3 2026`.
pub fn kwartaal_label(periode: &str) -> String {
    match periode.split_once("-K") {
        Some((j, k)) => format!("K{k} {j}"),
        None => periode.to_string(),
    }
}

/// `2024-03` → `mrt 2024`.
pub fn maand_label(periode: &str) -> String {
    match (periode.get(..4).and_then(|y| y.parse::<i16>().ok()), periode.get(5..7).and_then(|m| m.parse::<i8>().ok())) {
        (Some(y), Some(m)) if (1..=12).contains(&m) => nl::month_short(y, m),
        _ => periode.to_string(),
    }
}

pub fn leeftijd_tekst(band: &str) -> &'static str {
    match band {
        "0-27" => "jonger dan 27",
        "27-45" => "27 tot 45 jaar",
        _ => "45 jaar en ouder",
    }
}

pub fn duur_tekst(band: &str) -> &'static str {
    match band {
        "0-6" => "0–6 mnd",
        "6-12" => "6–12 mnd",
        "12-24" => "1–2 jaar",
        "24-36" => "2–3 jaar",
        "36-60" => "3–5 jaar",
        _ => "5 jaar of meer",
    }
}

pub fn soort_tekst(s: BudgetSoort) -> &'static str {
    match s {
        BudgetSoort::Voorlopig => "voorlopig",
        BudgetSoort::NaderVoorlopig => "nader voorlopig",
        BudgetSoort::Definitief => "definitief",
    }
}

pub fn euro_f64(m: Money) -> f64 {
    m.cents() as f64 / 100.0
}

pub fn opt_money(m: Option<Money>) -> String {
    m.map(nl::money).unwrap_or_else(|| "onbekend".into())
}

/// `b − a` as a percentage of `a`, one decimal, with sign: `+4,0%`. `None` when `a` is 0.
pub fn groei_pct(a: u64, b: u64) -> Option<String> {
    if a == 0 {
        return None;
    }
    let p = Decimal::from(b as i64 - a as i64) * Decimal::from(100) / Decimal::from(a);
    Some(format!("{}{}", if p.is_sign_positive() && !p.is_zero() { "+" } else { "" }, nl::procent(p, 1)))
}

/// `a` as a share of `b`, one decimal: `31,4%`.
pub fn aandeel(a: u64, b: u64) -> String {
    if b == 0 {
        return "–".into();
    }
    nl::procent(Decimal::from(a) * Decimal::from(100) / Decimal::from(b), 1)
}

/// A stacked chart of per-quarter counts and its table with a total column.
pub fn gestapeld(titel: &str, punten: &[Punt], reeksen: Vec<(String, Vec<u64>)>) -> Vec<Blok> {
    let mut g = Grafiek::new(titel, Soort::GestapeldeStaaf, Eenheid::Aantal);
    g.x_labels = punten.iter().map(|p| kwartaal_label(&p.periode)).collect();
    for (naam, w) in &reeksen {
        g.reeksen.push(Reeks::new(naam.clone(), w.iter().map(|v| Some(*v as f64)).collect()));
    }
    let mut kop = vec!["Kwartaal".to_string()];
    kop.extend(reeksen.iter().map(|(n, _)| n.clone()));
    kop.push("Totaal".into());
    let rijen = (0..punten.len())
        .map(|i| {
            let mut r = vec![kwartaal_label(&punten[i].periode)];
            r.extend(reeksen.iter().map(|(_, w)| nl::aantal(w[i])));
            r.push(nl::aantal(reeksen.iter().map(|(_, w)| w[i]).sum::<u64>()));
            r
        })
        .collect();
    let n = kop.len();
    grafiek_met_tabel(g, Tabel { kop, rijen, rechts: (0..n).map(|i| i > 0).collect() })
}

/// Inflow, outflow and saldo per quarter: a bar chart and its table (with the share of outflow to work).
pub fn stroom_blokken(punten: &[Punt]) -> Vec<Blok> {
    let mut gs = Grafiek::new("Instroom, uitstroom en saldo per kwartaal", Soort::Staaf, Eenheid::Aantal);
    gs.nullijn = true;
    gs.x_labels = punten.iter().map(|p| kwartaal_label(&p.periode)).collect();
    gs.reeksen.push(Reeks::new("Instroom", punten.iter().map(|p| Some(p.instroom as f64)).collect()));
    gs.reeksen.push(Reeks::new("Uitstroom", punten.iter().map(|p| Some(p.uitstroom as f64)).collect()));
    gs.reeksen.push(Reeks::new("Saldo", punten.iter().map(|p| Some(p.saldo as f64)).collect()));
    let rijen = punten
        .iter()
        .map(|p| {
            vec![
                kwartaal_label(&p.periode),
                nl::aantal(p.instroom),
                nl::aantal(p.uitstroom),
                nl::met_teken(p.saldo),
                p.uitstroom_werk
                    .map(|w| format!("{}%", nl::getal(Decimal::from_f64_retain(w * 100.0).unwrap_or_default(), 1)))
                    .unwrap_or_else(|| "–".into()),
            ]
        })
        .collect();
    let tabel = Tabel {
        kop: vec!["Kwartaal".into(), "Instroom".into(), "Uitstroom".into(), "Saldo".into(), "Uitstroom naar werk".into()],
        rijen,
        rechts: vec![false, true, true, true, true],
    };
    grafiek_met_tabel(gs, tabel)
}

/// The thresholds of the vangnet routes (7,5%; from 2025 also the lowered 5%), each drawn only over the
/// years whose rule has it, as the rule table gives them through each year's position.
pub fn drempels(posities: &[Option<&VangnetPositie>]) -> Vec<buig_grafiek::Drempel> {
    let per_jaar: Vec<Vec<Decimal>> = posities
        .iter()
        .map(|p| p.map(|v| v.resultaat.routes.iter().map(|r| r.drempel_percentage.value().normalize()).collect()).unwrap_or_default())
        .collect();
    let mut niveaus: Vec<Decimal> = per_jaar.iter().flatten().copied().collect();
    niveaus.sort_by(|a, b| b.cmp(a));
    niveaus.dedup();
    niveaus
        .into_iter()
        .map(|p| buig_grafiek::Drempel {
            naam: format!("{}%", nl::getal(p, p.scale())),
            waarden: per_jaar.iter().map(|ps| ps.contains(&p).then(|| p.to_string().parse::<f64>().ok()).flatten()).collect(),
        })
        .collect()
}

/// A year's vangnet position in a table cell, as every view says it.
pub fn vangnet_kort(v: Option<&VangnetPositie>) -> String {
    v.map(buig_prognose::zinnen::positie_kort).unwrap_or_else(|| "niet te bepalen".into())
}

/// The vangnet outlook of year `t`: the three realised years before it from
/// the budget view and the prognosis of `t`, a chart of the shortfall % and its table.
pub fn vangnet_blokken(o: &BudgetOverzicht, r: Option<&PrognoseUitkomst>, t: Year, naam: &str) -> Vec<Blok> {
    let mut b = Vec::new();
    let mut rijen = Vec::new();
    let mut gt = Grafiek::new("Tekort in % van het budget", Soort::Staaf, Eenheid::Procent);
    gt.nullijn = true;
    let mut pct = Vec::new();
    // Per year the vangnet position whose routes name the thresholds of that year.
    let mut posities: Vec<Option<&VangnetPositie>> = Vec::new();
    for y in (t.get() - 3)..t.get() {
        let y = Year::new(y);
        let j = o.jaren.iter().find(|j| j.jaar == y);
        posities.push(j.and_then(|j| j.vangnet.as_ref()));
        let p = j.and_then(|j| j.tekort_percentage);
        gt.x_labels.push(y.to_string());
        pct.push(p.and_then(|d| d.value().to_string().parse::<f64>().ok()));
        rijen.push(vec![
            y.to_string(),
            "realisatie".into(),
            j.and_then(|j| j.resultaat).map(|r| nl::money(-r)).unwrap_or_else(|| "onbekend".into()),
            p.map(nl::percentage).unwrap_or_else(|| ONBEKEND.into()),
            vangnet_kort(j.and_then(|j| j.vangnet.as_ref())),
        ]);
    }
    gt.x_labels.push(format!("{t} (verwacht)"));
    match r {
        Some(r) => {
            let k = &r.kop;
            posities.push(k.vangnet.as_ref());
            pct.push(k.tekort_percentage.value().to_string().parse::<f64>().ok());
            rijen.push(vec![
                t.to_string(),
                format!("prognose {}", maand_label(&r.prognose.peildatum)),
                nl::money(k.tekort),
                nl::percentage(k.tekort_percentage),
                vangnet_kort(k.vangnet.as_ref()),
            ]);
        }
        None => match o.jaar(t).and_then(|j| j.vangnet.as_ref()) {
            // No monthly prognosis, but the year's figures a source states (a jaarcijfer).
            Some(v) => {
                let r = &v.resultaat;
                posities.push(Some(v));
                pct.push(r.tekort_percentage.value().to_string().parse::<f64>().ok());
                rijen.push(vec![
                    t.to_string(),
                    v.stadium.to_string(),
                    nl::money(r.tekort),
                    nl::percentage(r.tekort_percentage),
                    vangnet_kort(Some(v)),
                ]);
            }
            None => {
                posities.push(None);
                pct.push(None);
                rijen.push(vec![t.to_string(), "prognose".into(), "onbekend".into(), "onbekend".into(), "niet te bepalen".into()]);
            }
        },
    }
    gt.reeksen.push(Reeks::new("Tekort %", pct));
    gt.drempels = drempels(&posities);

    let tekst = match r {
        Some(r) => {
            let mut t = buig_prognose::zinnen::kop_zin(&r.kop, t);
            t.push(' ');
            t.push_str(&buig_prognose::zinnen::vangnet_prognose_zin(&r.kop, r.prognose.jaar, naam));
            t
        }
        None => match o.jaar(t).and_then(|j| j.vangnet.as_ref()) {
            Some(v) => format!(
                "Op basis van {} van het tekort over {t} ({}, {} van het budget): {}.",
                if v.stadium == buig_core::records::Stadium::Prognose { "de vastgelegde raming" } else { "de realisatie" },
                nl::money(v.resultaat.tekort),
                nl::percentage(v.resultaat.tekort_percentage),
                buig_prognose::zinnen::positie_zin(v)
            ),
            None => format!("Zonder prognose is de vangnetpositie over {t} niet te bepalen."),
        },
    };
    b.push(Blok::Alinea(gewoon(tekst)));
    let mut kop: Vec<String> = vec!["Jaar".into(), "Stadium".into(), "Tekort".into(), "Tekort %".into(), "Vangnet".into()];
    let mut rechts = vec![false, false, true, true, false];
    // The thresholds drawn in the chart, as columns: the level where it applies in that year.
    for d in &gt.drempels {
        kop.push(format!("Drempel {}", d.naam));
        rechts.push(true);
        for (rij, w) in rijen.iter_mut().zip(&d.waarden) {
            rij.push(if w.is_some() { d.naam.clone() } else { "–".into() });
        }
    }
    let tabel = Tabel { kop, rijen, rechts };
    b.extend(grafiek_met_tabel(gt, tabel));
    b
}
