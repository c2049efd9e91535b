// SPDX-License-Identifier: EUPL-1.2
//! The charts, built once from the same figures the tables show, so the
//! overview and the detail pages draw the same picture.

use buig_bestand::{Reeks, DUUR_BANDEN, LEEFTIJD_BANDEN};
use buig_core::records::BudgetSoort;
use buig_core::records::Stadium;
use buig_grafiek::{Band, Eenheid, Grafiek, Reeks as Lijn, Soort, Stijl};
use buig_prognose::BudgetOverzicht;
use buig_prognose::PrognoseUitkomst;

use crate::pagina::f;

fn lijn(naam: &str, waarden: Vec<Option<f64>>) -> Lijn {
    Lijn { naam: naam.to_string(), waarden, stijl: Stijl::Doorgetrokken }
}

/// "jan 2026" for a month label `2026-01`; other labels as they are.
fn maandlabel(p: &str) -> String {
    match (p.get(..4).and_then(|j| j.parse::<i16>().ok()), p.get(5..7).and_then(|m| m.parse::<i8>().ok())) {
        (Some(j), Some(m)) if p.len() == 7 && (1..=12).contains(&m) => buig_core::nl::month_short(j, m),
        _ => p.to_string(),
    }
}

/// The prognosis fan: the expected result at every month-end of the year with P10–P90.
pub fn waaier(r: &PrognoseUitkomst) -> Grafiek {
    let mut g = Grafiek::new(format!("Verwacht resultaat {} per peildatum (P10–P90)", r.prognose.jaar), Soort::Lijn, Eenheid::Euro);
    g.beschrijving = "Het verwachte BUIG-resultaat over het hele jaar (budget min netto lasten; negatief is een tekort), zoals het op elke maandeinde werd voorspeld, met de band waarin het resultaat in 80% van de simulaties valt.".into();
    g.x_labels = r.verloop.iter().map(|v| maandlabel(v.peildatum.get(..7).unwrap_or(&v.peildatum))).collect();
    g.band = Some(Band {
        naam: "P10–P90".into(),
        onder: r.verloop.iter().map(|v| Some(f(v.p10))).collect(),
        boven: r.verloop.iter().map(|v| Some(f(v.p90))).collect(),
    });
    g.reeksen = vec![lijn("Verwacht resultaat (P50)", r.verloop.iter().map(|v| Some(f(v.p50))).collect())];
    g.nullijn = true;
    g
}

/// The multi-year outlook: the result per year at P50 with its P10–P90 band.
pub fn raming(r: &buig_prognose::raming::Raming) -> Grafiek {
    let mut g = Grafiek::new("Verwacht resultaat per jaar (P10–P90)", Soort::Lijn, Eenheid::Euro);
    g.beschrijving = "Het verwachte BUIG-resultaat per jaar (budget min netto lasten; negatief is een tekort): het midden van de doorrekeningen en de band waarin het in 80% ervan valt. De band wordt breder naarmate het jaar verder weg ligt.".into();
    g.x_labels = r.jaren.iter().map(|j| j.jaar.to_string()).collect();
    g.band = Some(Band {
        naam: "P10–P90".into(),
        onder: r.jaren.iter().map(|j| Some(f(j.resultaat.p10))).collect(),
        boven: r.jaren.iter().map(|j| Some(f(j.resultaat.p90))).collect(),
    });
    g.reeksen = vec![lijn("Verwacht resultaat (P50)", r.jaren.iter().map(|j| Some(f(j.resultaat.p50))).collect())];
    g.nullijn = true;
    g
}

/// Budget against net costs per year; the current year's expected costs beside.
pub fn budget_jaren(o: &BudgetOverzicht, prognose: Option<&PrognoseUitkomst>) -> Grafiek {
    let mut g = Grafiek::new("Budget en netto lasten per jaar", Soort::Staaf, Eenheid::Euro);
    g.beschrijving = "Per jaar het BUIG-budget (definitief, anders de laatste beschikking) naast de netto lasten (lasten min baten); voor het lopende jaar de verwachte netto lasten.".into();
    let jaren: Vec<_> = o.jaren.iter().filter(|j| !j.beschikkingen.is_empty() || j.netto_lasten.is_some()).collect();
    g.x_labels = jaren.iter().map(|j| j.jaar.to_string()).collect();
    let budget = jaren
        .iter()
        .map(|j| {
            j.beschikkingen.iter().find(|b| b.soort == BudgetSoort::Definitief).or_else(|| j.beschikkingen.last()).map(|b| f(b.bedrag))
        })
        .collect();
    let netto = jaren.iter().map(|j| j.netto_lasten.map(f)).collect();
    g.reeksen = vec![lijn("Budget", budget), lijn("Netto lasten", netto)];
    if let Some(p) = prognose {
        let verwacht = jaren.iter().map(|j| (j.jaar == p.prognose.jaar).then(|| f(p.kop.netto_lasten))).collect();
        g.reeksen.push(lijn("Verwachte netto lasten", verwacht));
    }
    g
}

/// The stock at every period's end.
pub fn stand(r: &Reeks, titel: &str) -> Grafiek {
    let mut g = Grafiek::new(titel, Soort::Lijn, Eenheid::Aantal);
    g.beschrijving = "Het aantal lopende uitkeringen aan het eind van elke periode.".into();
    g.x_labels = r.reeks.iter().map(|p| maandlabel(&p.periode)).collect();
    g.reeksen = vec![lijn("Uitkeringen", r.reeks.iter().map(|p| Some(p.stand as f64)).collect())];
    g
}

/// Inflow, outflow and their saldo per period.
pub fn stromen(r: &Reeks) -> Grafiek {
    let mut g = Grafiek::new("Instroom, uitstroom en saldo", Soort::Staaf, Eenheid::Aantal);
    g.beschrijving =
        "Per periode de nieuwe uitkeringen (instroom), de beëindigde (uitstroom) en het verschil (saldo; positief is groei).".into();
    g.x_labels = r.reeks.iter().map(|p| maandlabel(&p.periode)).collect();
    g.reeksen = vec![
        lijn("Instroom", r.reeks.iter().map(|p| Some(p.instroom as f64)).collect()),
        lijn("Uitstroom", r.reeks.iter().map(|p| Some(p.uitstroom as f64)).collect()),
        lijn("Saldo", r.reeks.iter().map(|p| Some(p.saldo as f64)).collect()),
    ];
    g.nullijn = true;
    g
}

/// The stock by duration band, stacked.
pub fn duur(r: &Reeks) -> Grafiek {
    let mut g = Grafiek::new("Bestand naar uitkeringsduur (maanden)", Soort::GestapeldeStaaf, Eenheid::Aantal);
    g.beschrijving = "Het bestand aan het eind van elke periode, verdeeld naar hoe lang de uitkering loopt.".into();
    g.x_labels = r.reeks.iter().map(|p| maandlabel(&p.periode)).collect();
    g.reeksen = DUUR_BANDEN
        .iter()
        .enumerate()
        .map(|(i, b)| lijn(&format!("{b} mnd"), r.reeks.iter().map(|p| Some(p.duur.0[i] as f64)).collect()))
        .collect();
    g
}

/// The stock by age band, stacked.
pub fn leeftijd(r: &Reeks) -> Grafiek {
    let mut g = Grafiek::new("Bestand naar leeftijd (jaar)", Soort::GestapeldeStaaf, Eenheid::Aantal);
    g.beschrijving = "Het bestand aan het eind van elke periode, verdeeld naar leeftijd van de uitkeringsontvanger.".into();
    g.x_labels = r.reeks.iter().map(|p| maandlabel(&p.periode)).collect();
    g.reeksen = LEEFTIJD_BANDEN
        .iter()
        .enumerate()
        .map(|(i, b)| lijn(&format!("{b} jaar"), r.reeks.iter().map(|p| Some(p.leeftijd.0[i] as f64)).collect()))
        .collect();
    g
}

/// The projected stock per month: realised, then the baseline's expectation.
pub fn stand_prognose(r: &PrognoseUitkomst) -> Grafiek {
    let mut g = Grafiek::new(format!("Uitkeringen per maand {}: realisatie en prognose", r.prognose.jaar), Soort::Lijn, Eenheid::Aantal);
    g.beschrijving = "Het aantal uitkeringen aan het eind van elke maand: gerealiseerd tot de peildatum, daarna de verwachting.".into();
    let m = &r.prognose.maanden;
    g.x_labels = m.iter().map(|x| maandlabel(&x.maand)).collect();
    let k = m.iter().filter(|x| x.stadium == Stadium::Realisatie).count();
    g.reeksen = vec![lijn("Gerealiseerd", m.iter().map(|x| (x.stadium == Stadium::Realisatie).then_some(x.stand)).collect())];
    // The projection starts at the last realised month so the lines join.
    let mut p: Vec<Option<f64>> = m.iter().enumerate().map(|(i, x)| (i + 1 >= k).then_some(x.stand)).collect();
    if k == m.len() {
        p = vec![None; m.len()];
    }
    g.reeksen.push(Lijn { naam: "Prognose".into(), waarden: p, stijl: Stijl::Gestippeld });
    g
}
