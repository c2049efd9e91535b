// SPDX-License-Identifier: EUPL-1.2
//! The prognosis of (gemeente, jaar, peildatum): one result
//! ([`PrognoseUitkomst`]) for every view — the overview, the prognosis page,
//! the API, the documents and `buig prognose` — from one function.

use buig_core::Year;
use buig_prognose::backtest::Backtest;
use buig_prognose::{PrognoseUitkomst, PrognoseVraag, Prognosebasis, Scenario};
use jiff::civil::Date;

use crate::gemeente::Gemeente;
use crate::Fout;

/// How the uncertainty is simulated: the number of Monte Carlo runs and the
/// seed. One setting per running program, used by every view and document,
/// so the same data give the same figures on every page and in every document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonteCarlo {
    pub runs: u32,
    pub seed: u64,
}

impl Default for MonteCarlo {
    fn default() -> Self {
        MonteCarlo { runs: 2_000, seed: 2024 }
    }
}

/// The question of a prognosis page or API call.
#[derive(Debug, Clone, PartialEq)]
pub struct PrognoseKeuze {
    pub jaar: Year,
    pub peildatum: Date,
    /// A scenario beside the baseline (only knobs that are set).
    pub scenario: Option<Scenario>,
}

impl PrognoseKeuze {
    /// The full question with the program's runs and seed.
    pub fn vraag(&self, mc: MonteCarlo) -> PrognoseVraag {
        PrognoseVraag {
            jaar: self.jaar,
            peildatum: self.peildatum,
            scenarios: self.scenario.clone().into_iter().collect(),
            runs: mc.runs,
            seed: mc.seed,
        }
    }
}

/// Why a gemeente has no prognosis, in the users' words; `None` when it can have one.
pub fn ontbreekt(g: &Gemeente) -> Option<String> {
    let mut wat = Vec::new();
    if g.uitkeringen.is_empty() {
        wat.push("uitkeringen");
    }
    if g.gegevens.realisatie.is_empty() {
        wat.push("maandrealisatie");
    }
    if g.gegevens.budgetten.is_empty() {
        wat.push("budgetbeschikkingen");
    }
    (!wat.is_empty()).then(|| format!("voor {} ontbreken {}", g.naam, buig_core::nl::opsomming(&wat)))
}

/// The prognosis, its uncertainty, its narrowing and the scenarios.
pub fn prognose(g: &Gemeente, vraag: &PrognoseVraag) -> Result<PrognoseUitkomst, Fout> {
    if let Some(m) = ontbreekt(g) {
        return Err(Fout::Gegevens(m));
    }
    buig_prognose::prognose_uitkomst(&g.gegevens, &g.uitkeringen, vraag).map_err(|e| Fout::Gegevens(e.to_string()))
}

/// The prognosis at every month-end of every past complete year against its
/// realisation, with the band and chances of `mc` (runs 0: the point error only).
pub fn backtest(g: &Gemeente, mc: MonteCarlo) -> Result<Backtest, Fout> {
    if let Some(m) = ontbreekt(g) {
        return Err(Fout::Gegevens(m));
    }
    let b = Prognosebasis::new(&g.gegevens, &g.uitkeringen).map_err(|e| Fout::Gegevens(e.to_string()))?;
    let bt = buig_prognose::backtest::backtest(&b, mc.runs, mc.seed);
    if bt.regels.is_empty() {
        return Err(Fout::Gegevens(format!("voor {} is geen afgesloten jaar met een voorgaand jaar: er valt niets te backtesten", g.naam)));
    }
    Ok(bt)
}

/// The multi-year outlook from the peildatum's year up to `vraag.tot`.
pub fn raming(g: &Gemeente, vraag: &buig_prognose::raming::RamingVraag) -> Result<buig_prognose::raming::Raming, Fout> {
    if let Some(m) = ontbreekt(g) {
        return Err(Fout::Gegevens(m));
    }
    buig_prognose::raming::raming(&g.gegevens, &g.uitkeringen, vraag).map_err(|e| Fout::Gegevens(e.to_string()))
}

/// The outlook from 30 June of each past year against what happened, by horizon.
pub fn raming_backtest(g: &Gemeente, mc: MonteCarlo) -> Result<buig_prognose::raming::backtest::RamingBacktest, Fout> {
    if let Some(m) = ontbreekt(g) {
        return Err(Fout::Gegevens(m));
    }
    buig_prognose::raming::backtest::raming_backtest(&g.gegevens, &g.uitkeringen, 4, mc.runs, mc.seed)
        .map_err(|e| Fout::Gegevens(e.to_string()))
}
