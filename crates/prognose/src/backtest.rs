// SPDX-License-Identifier: EUPL-1.2
//! The backtest (issue "Prognosis", part 5): the deterministic prognosis at
//! every month-end of every past complete year, each on only what was known
//! then (see [`crate::prognose`]), against the realised result (definitief
//! budget − twelve months of net costs). The error includes the budget
//! error: before the definitief decision the prognosis is set against the
//! voorlopig or nader voorlopig one, as a user would have seen it.
//!
//! Calibration: with runs, every prognosis also gets its Monte Carlo band
//! and chances, and the backtest measures whether they are honest — the
//! share of realised results inside the P10–P90 band (`dekking_p10_p90`,
//! 0,80 when the band is right) and the Brier score of the chance of a
//! shortfall and of a vangnet right (`brier_tekort`, `brier_vangnet`: the
//! mean squared difference between the chance and what happened, 0 is
//! perfect, 0,25 is what always saying 50% scores), overall and per month of
//! the peildatum (the horizon: 12 − month months ahead).

use buig_core::{money, Money, Year};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::basis::Prognosebasis;
use crate::budget::budgetoverzicht;
use crate::montecarlo::simuleer;
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
    /// The Monte Carlo band at the peildatum; `null` without runs.
    #[serde(with = "money::euros_opt")]
    pub p10: Option<Money>,
    #[serde(with = "money::euros_opt")]
    pub p90: Option<Money>,
    /// Did the realised result fall inside P10–P90?
    pub binnen_p10_p90: Option<bool>,
    pub kans_tekort: Option<f64>,
    pub kans_vangnet: Option<f64>,
    /// Was there a shortfall?
    pub gerealiseerd_tekort: bool,
    /// Was there a right to a vangnetuitkering (`null` when the realised right is not known)?
    pub gerealiseerd_vangnet: Option<bool>,
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
    #[serde(flatten)]
    pub kalibratie: Kalibratie,
}

/// Whether the band and the chances are honest, over some prognoses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Kalibratie {
    /// Share of realised results inside P10–P90 (0–1); `null` without runs.
    pub dekking_p10_p90: Option<f64>,
    /// Brier score of the chance of a shortfall; `null` without runs.
    pub brier_tekort: Option<f64>,
    /// Brier score of the chance of a vangnet right, over the years whose right is known.
    pub brier_vangnet: Option<f64>,
}

fn vier(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn kalibratie(regels: &[&BacktestRegel]) -> Kalibratie {
    let gem = |v: Vec<f64>| (!v.is_empty()).then(|| vier(v.iter().sum::<f64>() / v.len() as f64));
    let bool01 = |b: bool| if b { 1.0 } else { 0.0 };
    Kalibratie {
        dekking_p10_p90: gem(regels.iter().filter_map(|r| r.binnen_p10_p90.map(bool01)).collect()),
        brier_tekort: gem(regels.iter().filter_map(|r| Some((r.kans_tekort? - bool01(r.gerealiseerd_tekort)).powi(2))).collect()),
        brier_vangnet: gem(regels.iter().filter_map(|r| Some((r.kans_vangnet? - bool01(r.gerealiseerd_vangnet?)).powi(2))).collect()),
    }
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
    /// `dekking_p10_p90`, `brier_tekort`, `brier_vangnet` over every prognosis.
    #[serde(flatten)]
    pub kalibratie: Kalibratie,
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

/// The backtest over every complete year that has a previous year to
/// estimate the rates from; with `runs` > 0 also the band and the chances of
/// each prognosis (seeded with `seed`) and their calibration.
pub fn backtest(b: &Prognosebasis, runs: u32, seed: u64) -> Backtest {
    let mut regels = Vec::new();
    let mut jaren = Vec::new();
    // The realised rights, from the budget view of everything known now.
    let rechten = budgetoverzicht(b.g).rechten();
    for y in b.complete_jaren().into_iter().filter(|&y| y > b.eerste_jaar) {
        let Some((d, werkelijk)) = b.gerealiseerd_resultaat(y) else { continue };
        let gerealiseerd_vangnet = rechten.get(&Year::new(y)).copied();
        let werkelijk_netto = d - werkelijk;
        let werkelijk_pct = -werkelijk.to_decimal() * Decimal::ONE_HUNDRED / d.to_decimal();
        let mut any = false;
        for m in 1..=12i8 {
            let einde = buig_bestand::Maand::new(y as i16, m).expect("valid month").last_day();
            let Ok(u) = b.uitgangspunt(Year::new(y), einde) else { continue };
            let p = bereken_prognose(&u, &Scenario::default());
            let p_pct = p.tekort.to_decimal() * Decimal::ONE_HUNDRED / p.budget_bedrag.to_decimal();
            let mc = (runs > 0).then(|| simuleer(&u, &Scenario::default(), runs, seed));
            regels.push(BacktestRegel {
                jaar: y,
                peildatum: einde.to_string(),
                maand: m as u8,
                prognose_resultaat: p.resultaat,
                gerealiseerd_resultaat: werkelijk,
                fout: p.resultaat - werkelijk,
                fout_netto_lasten: p.netto_lasten - werkelijk_netto,
                fout_pp: money::round_to_cents(p_pct - werkelijk_pct),
                p10: mc.as_ref().map(|m| m.p10),
                p90: mc.as_ref().map(|m| m.p90),
                binnen_p10_p90: mc.as_ref().map(|m| m.p10 <= werkelijk && werkelijk <= m.p90),
                kans_tekort: mc.as_ref().map(|m| m.kans_tekort),
                kans_vangnet: mc.as_ref().map(|m| m.kans_vangnet),
                gerealiseerd_tekort: werkelijk.is_negative(),
                gerealiseerd_vangnet,
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
            BacktestMaand { maand: m, aantal: rs.len() as u32, mae: e, mae_pp: pp, mae_netto_lasten: netto, kalibratie: kalibratie(&rs) }
        })
        .filter(|m| m.aantal > 0)
        .collect();
    let alle: Vec<&BacktestRegel> = regels.iter().collect();
    let (e, pp, netto) = mae(&alle);
    Backtest { jaren, per_maand, mae: e, mae_pp: pp, mae_netto_lasten: netto, kalibratie: kalibratie(&alle), regels }
}
