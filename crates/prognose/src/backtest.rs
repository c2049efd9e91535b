// SPDX-License-Identifier: EUPL-1.2
//! The backtest (issue "Prognosis", part 5): the deterministic prognosis at
//! every month-end of every past complete year, each on only what was known
//! then (see [`crate::prognose`]), against the realised result (definitief
//! budget − twelve months of net costs). The error includes the budget
//! error: before the definitief decision the prognosis is set against the
//! voorlopig or nader voorlopig one, as a user would have seen it.

use buig_core::{money, Money, Year};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::basis::Prognosebasis;
use crate::prognose::bereken_prognose;
use crate::scenario::Scenario;

/// One prognosis against the realisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacktestRegel {
    pub jaar: i32,
    pub peildatum: String,
    /// Month of the peildatum (1–12).
    pub maand: u8,
    #[serde(with = "money::euros")]
    pub prognose_resultaat: Money,
    #[serde(with = "money::euros")]
    pub gerealiseerd_resultaat: Money,
    /// Prognosis − realisation.
    #[serde(with = "money::euros")]
    pub fout: Money,
    /// Forecast net costs − realised net costs (the projection's error, without the budget's).
    #[serde(with = "money::euros")]
    pub fout_netto_lasten: Money,
    /// Forecast shortfall % − realised shortfall % (percentage points, 2 decimals).
    #[serde(serialize_with = "money::ser_getal")]
    pub fout_pp: Decimal,
}

/// The mean absolute error of one month-of-year over the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacktestMaand {
    pub maand: u8,
    pub aantal: u32,
    #[serde(with = "money::euros")]
    pub mae: Money,
    #[serde(serialize_with = "money::ser_getal")]
    pub mae_pp: Decimal,
    /// Mean absolute error of the net costs alone.
    #[serde(with = "money::euros")]
    pub mae_netto_lasten: Money,
}

/// The whole backtest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backtest {
    pub jaren: Vec<i32>,
    pub per_maand: Vec<BacktestMaand>,
    /// Mean absolute error over every prognosis, euros.
    #[serde(with = "money::euros")]
    pub mae: Money,
    /// Mean absolute error in percentage points of the budget.
    #[serde(serialize_with = "money::ser_getal")]
    pub mae_pp: Decimal,
    /// Mean absolute error of the net costs alone (without the budget's error).
    #[serde(with = "money::euros")]
    pub mae_netto_lasten: Money,
    pub regels: Vec<BacktestRegel>,
}

fn mae(regels: &[&BacktestRegel]) -> (Money, Decimal, Money) {
    if regels.is_empty() {
        return (Money::ZERO, Decimal::ZERO, Money::ZERO);
    }
    let n = regels.len() as i64;
    let gem = |f: &dyn Fn(&BacktestRegel) -> i64| {
        let som: i64 = regels.iter().map(|r| f(r).abs()).sum();
        Money::from_cents((som + n / 2) / n)
    };
    let pp: Decimal = regels.iter().map(|r| r.fout_pp.abs()).sum();
    (gem(&|r| r.fout.cents()), money::round_to_cents(pp / Decimal::from(n)), gem(&|r| r.fout_netto_lasten.cents()))
}

/// The backtest over every complete year that has a previous year to estimate the rates from.
pub fn backtest(b: &Prognosebasis) -> Backtest {
    let mut regels = Vec::new();
    let mut jaren = Vec::new();
    for y in b.complete_jaren().into_iter().filter(|&y| y > b.eerste_jaar) {
        let Some((d, werkelijk)) = b.gerealiseerd_resultaat(y) else { continue };
        let werkelijk_netto = d - werkelijk;
        let werkelijk_pct = -werkelijk.to_decimal() * Decimal::ONE_HUNDRED / d.to_decimal();
        let mut any = false;
        for m in 1..=12i8 {
            let einde = buig_bestand::Maand::new(y as i16, m).expect("valid month").last_day();
            let Ok(u) = b.uitgangspunt(Year::new(y), einde) else { continue };
            let p = bereken_prognose(&u, &Scenario::default());
            let p_pct = p.tekort.to_decimal() * Decimal::ONE_HUNDRED / p.budget_bedrag.to_decimal();
            regels.push(BacktestRegel {
                jaar: y,
                peildatum: einde.to_string(),
                maand: m as u8,
                prognose_resultaat: p.resultaat,
                gerealiseerd_resultaat: werkelijk,
                fout: p.resultaat - werkelijk,
                fout_netto_lasten: p.netto_lasten - werkelijk_netto,
                fout_pp: money::round_to_cents(p_pct - werkelijk_pct),
            });
            any = true;
        }
        if any {
            jaren.push(y);
        }
    }
    let per_maand = (1..=12u8)
        .map(|m| {
            let rs: Vec<&BacktestRegel> = regels.iter().filter(|r| r.maand == m).collect();
            let (e, pp, netto) = mae(&rs);
            BacktestMaand { maand: m, aantal: rs.len() as u32, mae: e, mae_pp: pp, mae_netto_lasten: netto }
        })
        .filter(|m| m.aantal > 0)
        .collect();
    let alle: Vec<&BacktestRegel> = regels.iter().collect();
    let (e, pp, netto) = mae(&alle);
    Backtest { jaren, per_maand, mae: e, mae_pp: pp, mae_netto_lasten: netto, regels }
}
