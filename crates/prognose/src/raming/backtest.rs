// SPDX-License-Identifier: EUPL-1.2
//! The outlook measured against the demo's (or a gemeente's) own history:
//! from 30 June of every past year with a year before it, the outlook on
//! only what was known then, against the realised results of that year and
//! the years after, by horizon (0 = the year itself, 1 = the next, …).

use buig_core::{money, Money, Year};
use jiff::civil::date;
use serde::Serialize;

use super::{raming_op, RamingVraag};
use crate::basis::Prognosebasis;
use crate::gegevens::Gegevens;
use crate::scenario::{PrognoseFout, Scenario};
use buig_core::records::Uitkering;

/// The error at one horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Horizon {
    /// Years ahead of the peildatum's year.
    pub horizon: i32,
    pub aantal: u32,
    /// Mean absolute error of the P50 result.
    #[serde(with = "money::euros")]
    pub mae: Money,
    /// Share of realised results inside P10–P90.
    pub dekking_p10_p90: f64,
}

/// The backtest of the outlook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RamingBacktest {
    /// The peildata it started from.
    pub peildata: Vec<String>,
    pub per_horizon: Vec<Horizon>,
}

/// From 30 June of each complete year after the first, `horizonnen` years ahead.
pub fn raming_backtest(
    g: &Gegevens,
    uitkeringen: &[Uitkering],
    horizonnen: i32,
    runs: u32,
    seed: u64,
) -> Result<RamingBacktest, PrognoseFout> {
    let volledig = Prognosebasis::new(g, uitkeringen)?;
    let complete = volledig.complete_jaren();
    let mut fouten: Vec<Vec<(i64, bool)>> = vec![Vec::new(); horizonnen as usize + 1];
    let mut peildata = Vec::new();
    for &y0 in complete.iter().filter(|&&y| y > volledig.eerste_jaar) {
        let peildatum = date(y0 as i16, 6, 30);
        let bekend = g.tot_peildatum(peildatum);
        let Ok(b) = Prognosebasis::new(&bekend, uitkeringen) else { continue };
        let v = RamingVraag { peildatum, tot: Year::new(y0 + horizonnen), runs, seed, scenario: Scenario::default() };
        let Ok(r) = raming_op(&b, &v, y0) else { continue };
        peildata.push(peildatum.to_string());
        for j in &r.jaren {
            let h = j.jaar.get() - y0;
            if let Some((_, werkelijk)) = volledig.gerealiseerd_resultaat(j.jaar.get()) {
                let in_band = j.resultaat.p10 <= werkelijk && werkelijk <= j.resultaat.p90;
                fouten[h as usize].push(((j.resultaat.p50 - werkelijk).cents().abs(), in_band));
            }
        }
    }
    let per_horizon = fouten
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.is_empty())
        .map(|(h, f)| {
            let n = f.len() as i64;
            Horizon {
                horizon: h as i32,
                aantal: n as u32,
                mae: Money::from_cents((f.iter().map(|x| x.0).sum::<i64>() + n / 2) / n),
                dekking_p10_p90: (f.iter().filter(|x| x.1).count() as f64 / n as f64 * 10_000.0).round() / 10_000.0,
            }
        })
        .collect();
    Ok(RamingBacktest { peildata, per_horizon })
}
