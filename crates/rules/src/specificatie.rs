// SPDX-License-Identifier: EUPL-1.2
//! The specification of a result: the commission's steps A–I as it
//! publishes them (SPEC §3), and the figures per year (bijlage 1).

use buig_core::{money, Percentage};
use rust_decimal::Decimal;

use crate::case::{Case, Herkomst};
use crate::result::{JaarRegel, Stap, TredeUitkomst};

/// Steps 1a–7 (A–I) for the case's own year; A–D are empty when the
/// shortfall was given directly. `label` writes a tier's description.
pub(crate) fn stappen(case: &Case, treden: &[TredeUitkomst], uitkering: Option<Decimal>, label: fn(&TredeUitkomst) -> String) -> Vec<Stap> {
    let own = case.jaren.get(&case.jaar).expect("Case guarantees the figures of its own year");
    let (a, bb, d) = match own.herkomst {
        Herkomst::Berekend { lasten, baten, correcties } => {
            (Some(lasten.to_decimal()), Some(baten.to_decimal()), Some(correcties.to_decimal()))
        }
        Herkomst::Opgegeven => (None, None, None),
    };
    let b = case.budget.to_decimal();
    let tekort = own.tekort.to_decimal();
    let c = a.zip(bb).map(|(a, b)| a - b);
    let stap = |stap: &str, symbool: &str, omschrijving: &str, bedrag: Option<Decimal>| Stap {
        stap: stap.into(),
        symbool: symbool.into(),
        omschrijving: omschrijving.into(),
        bedrag,
    };
    let mut stappen = vec![
        stap("1a", "A", "Lasten art. 69 Participatiewet (SiSa)", a),
        stap("1b", "B", "Baten (SiSa)", bb),
        stap("1c", "C", "Netto lasten (A − B)", c),
        stap("2", "D", "Fouten en onzekerheden volgens de accountant", d),
        stap("3", "E", "Relevante bestedingen (C − D)", Some(b + tekort)),
        stap("4", "F", "Definitief budget", Some(b)),
        stap("5", "G", "Relevant tekort (E − F)", Some(tekort)),
    ];
    for tr in treden {
        stappen.push(Stap {
            stap: "6".into(),
            symbool: tr.symbool.clone(),
            omschrijving: format!("Compensatie: {}", label(tr)),
            bedrag: Some(money::round_to_cents(tr.bedrag)),
        });
    }
    stappen.push(stap("7", "I", "Vangnetuitkering (som van H, afgerond op hele euro's)", uitkering));
    stappen
}

/// Every year of the case with its budget, lasten, baten, corrections, shortfall and percentage.
pub(crate) fn jaren(case: &Case) -> Vec<JaarRegel> {
    case.jaren
        .values()
        .map(|f| {
            let (lasten, baten, correcties) = match f.herkomst {
                Herkomst::Berekend { lasten, baten, correcties } => (Some(lasten), Some(baten), Some(correcties)),
                Herkomst::Opgegeven => (None, None, None),
            };
            JaarRegel {
                jaar: f.jaar,
                budget: f.budget,
                lasten,
                baten,
                correcties,
                tekort: f.tekort,
                tekort_percentage: f.budget.and_then(|bud| Percentage::ratio(f.tekort, bud)),
            }
        })
        .collect()
}
