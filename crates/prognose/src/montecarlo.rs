// SPDX-License-Identifier: EUPL-1.2
//! The uncertainty around the prognosis (issue "Prognosis", part 3): a
//! Monte Carlo over inflow, outflow rate, price and the coming budget
//! decision, seeded (ChaCha8), so the same seed gives the same figures.
//!
//! Per run:
//! - inflow of month m = mean(m) · f + sd_jaar(m) · f · z_in + √(mean(m) · f) · ε_m:
//!   a year-level shock `z_in` (one per run, scaled by the spread of that
//!   calendar month over the history years) plus Poisson-like noise (normal
//!   approximation) per month; `f` is the scenario factor;
//! - outflow of month m = rate · stand(m−1) + √(stand · rate · (1 − rate)) · ε_m,
//!   with rate = rate(m) · f + sd_jaar(m) · z_out (year-level shock) — binomial
//!   noise around it, clamped to [0, stand];
//! - price = prijs · (1 + sd · z_p), sd = the month-to-month relative spread of
//!   the realised price;
//! - budget: the latest decision when it is the definitief; otherwise drawn
//!   as latest · (1 + r), r from the predictive distribution of this
//!   gemeente's historical relative changes from that kind of decision to the
//!   definitief ([`budget_spreiding`]: Student-t, at least 4% from a
//!   voorlopig and 2% from a nader voorlopig decision).
//!
//! The result of a run = budget − net costs, in cents (rounded once). The
//! vangnet of every run goes through `buig_rules`; a run whose shortfall is
//! not above the lowest threshold of the year's rule (read from the rule
//! table) cannot qualify and skips the engine.

use buig_core::records::BudgetSoort;
use buig_core::{Money, Percentage, Year};
use jiff::civil::Date;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use buig_core::money;

use crate::basis::{gem_sd, Prognosebasis, Uitgangspunt};
use crate::scenario::{PrognoseFout, Scenario};

/// The spread of the outcome over the runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Samenvatting {
    pub runs: u32,
    pub seed: u64,
    /// Result (budget − net costs): 10th, 50th and 90th percentile.
    #[serde(with = "money::euros")]
    pub p10: Money,
    #[serde(with = "money::euros")]
    pub p50: Money,
    #[serde(with = "money::euros")]
    pub p90: Money,
    /// P90 − P10.
    #[serde(with = "money::euros")]
    pub breedte: Money,
    /// Share of runs with a shortfall (result < 0), 0–1.
    pub kans_tekort: f64,
    /// Share of runs with a right to a vangnetuitkering, 0–1.
    pub kans_vangnet: f64,
    /// Mean vangnetuitkering over all runs (whole euros; 0 in runs without a right).
    #[serde(with = "money::euros")]
    pub verwachte_vangnetuitkering: Money,
    /// Was the definitief budget drawn (not yet known on the peildatum)?
    pub budget_getrokken: bool,
    /// The median budget over the runs: the expected definitief when it was
    /// drawn, else the decision itself. The headline's budget.
    #[serde(with = "money::euros")]
    pub budget_p50: Money,
}

/// A standard normal draw (Box–Muller).
pub(crate) fn normaal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>();
    let u2: f64 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A Student-t draw with `df` degrees of freedom: a normal over the root of
/// a chi-square (the sum of `df` squared normals) divided by `df`.
pub(crate) fn student(rng: &mut ChaCha8Rng, df: u32) -> f64 {
    let z = normaal(rng);
    let chi2: f64 = (0..df).map(|_| normaal(rng).powi(2)).sum();
    z / (chi2 / f64::from(df)).sqrt()
}

/// The least spread of the coming definitief, as a share of the latest
/// decision: wider from the voorlopig (a year ahead) than from the nader
/// voorlopig (half a year).
fn budget_sd_minimum(soort: BudgetSoort) -> f64 {
    match soort {
        BudgetSoort::Voorlopig => 0.04,
        _ => 0.02,
    }
}

/// The spread of the change from the latest decision to the definitief:
/// the predictive distribution of one more change given this gemeente's
/// `wijzigingen` (mean, sample sd × √(1 + 1/n), Student-t with n − 1
/// degrees of freedom, at least 2, so a short history gives fat tails);
/// never narrower than [`budget_sd_minimum`] of the latest decision's kind.
/// Tuned on the demo's backtest (docs/prognose.md, "Calibration").
pub(crate) fn budget_spreiding(wijzigingen: &[f64], soort: BudgetSoort) -> (f64, f64, u32) {
    let minimum = budget_sd_minimum(soort);
    match wijzigingen.len() {
        0 => (0.0, minimum, 2),
        1 => (wijzigingen[0], minimum, 2),
        n => {
            let (gem, sd) = gem_sd(wijzigingen);
            let sd = (sd * (1.0 + 1.0 / n as f64).sqrt()).max(minimum);
            (gem, sd, (n as u32 - 1).max(2))
        }
    }
}

/// Nearest-rank percentile of sorted values.
pub(crate) fn percentiel(sorted: &[i64], p: f64) -> i64 {
    let n = sorted.len();
    let idx = ((p * n as f64).ceil() as usize).clamp(1, n) - 1;
    sorted[idx]
}

/// Probability with 4 decimals.
pub(crate) fn kans(n: u32, runs: u32) -> f64 {
    (f64::from(n) / f64::from(runs.max(1)) * 10_000.0).round() / 10_000.0
}

/// The lowest threshold (as a share of the budget) at which the year's rule
/// can pay anything, read from the rule table; `None` if no rule covers the year.
fn laagste_drempel(jaar: Year) -> Option<Decimal> {
    let rule = buig_rules::RuleTable::bundled().rule_for(jaar).ok()?;
    let mut d = rule.drempel.percentage.value();
    if let Some(v) = &rule.verlaagde_drempel {
        d = d.min(v.drempel.percentage.value());
    }
    Some(d)
}

/// What every run of one year shares: the scenario's factors, the price,
/// the budget's spread and the lowest vangnet threshold.
pub(crate) struct Jaarrun<'u> {
    pub(crate) u: &'u Uitgangspunt,
    s: &'u Scenario,
    fi: f64,
    fu: f64,
    minder: f64,
    prijs_cent: f64,
    lks_cent: f64,
    budget_getrokken: bool,
    b_gem: f64,
    b_sd: f64,
    b_df: u32,
    vaste_budget: Money,
    drempel: Option<Decimal>,
    /// The decision the run's budget stands for: a drawn budget is the expected definitief.
    pub(crate) soort: BudgetSoort,
}

/// One run of the year: its result, budget, net costs (cents) and the stand at the year's end.
pub(crate) struct Run {
    pub(crate) resultaat: i64,
    pub(crate) budget: Money,
    pub(crate) netto: i64,
    pub(crate) stand: f64,
}

impl<'u> Jaarrun<'u> {
    pub(crate) fn new(u: &'u Uitgangspunt, s: &'u Scenario) -> Jaarrun<'u> {
        let k = u.gerealiseerde_maanden;
        let (fp, fl) = (Scenario::factor(s.prijs_pct), Scenario::factor(s.lks_pct));
        let budget_getrokken = !u.definitief_bekend;
        let (b_gem, b_sd, b_df) = budget_spreiding(&u.budget_wijzigingen, u.budget.soort);
        Jaarrun {
            u,
            s,
            fi: Scenario::factor(s.instroom_pct),
            fu: Scenario::factor(s.uitstroom_pct),
            minder: s.minder_uitkeringen_eind_jaar.unwrap_or(0.0),
            prijs_cent: u.prijs.to_f64().unwrap_or(0.0) * 100.0 * fp,
            lks_cent: u.lks_maand.cents() as f64 * fl * f64::from(12 - k),
            budget_getrokken,
            b_gem,
            b_sd,
            b_df,
            vaste_budget: u.budget_met(u.budget.bedrag, s),
            drempel: laagste_drempel(u.jaar),
            soort: if budget_getrokken { BudgetSoort::Definitief } else { u.budget.soort },
        }
    }

    /// One run: the remaining months of the year with a year-level shock to
    /// inflow, outflow rate and price, and the coming definitief drawn.
    pub(crate) fn run(&self, rng: &mut ChaCha8Rng) -> Run {
        let u = self.u;
        let k = u.gerealiseerde_maanden;
        let (z_in, z_out, z_p) = (normaal(rng), normaal(rng), normaal(rng));
        let budget = if self.budget_getrokken {
            let r = self.b_gem + self.b_sd * student(rng, self.b_df);
            let getrokken = Money::from_cents((u.budget.bedrag.cents() as f64 * (1.0 + r)).round() as i64);
            u.budget_met(getrokken, self.s)
        } else {
            self.vaste_budget
        };
        let mut stand = u.start_stand as f64;
        let mut som = 0.0;
        for m in k + 1..=12 {
            stand = maand(u, m, stand, (self.fi, self.fu), (z_in, z_out), rng);
            som += (stand - self.minder * f64::from(m - k) / f64::from(12 - k)).max(0.0);
        }
        let prijs = self.prijs_cent * (1.0 + u.prijs_sd * z_p);
        let netto = u.gerealiseerd.cents() + (som * prijs + self.lks_cent).round() as i64;
        Run { resultaat: budget.cents() - netto, budget, netto, stand }
    }

    /// Could this shortfall qualify at all (above the lowest threshold of the year's rule)?
    pub(crate) fn kan_vangnet(&self, tekort: Money, budget: Money) -> bool {
        match (self.drempel, Percentage::ratio(tekort, budget)) {
            (Some(d), Some(p)) => p.value() > d,
            _ => false,
        }
    }
}

/// One month of the caseload: inflow around the calendar month's mean with
/// the year's shock and Poisson-like noise, outflow binomial-like around the
/// month's rate with the year's shock. Returns the stand at the month's end.
pub(crate) fn maand(u: &Uitgangspunt, m: u8, stand: f64, (fi, fu): (f64, f64), (z_in, z_out): (f64, f64), rng: &mut ChaCha8Rng) -> f64 {
    let cm = usize::from(m - 1);
    let (ig, isd) = u.instroom[cm];
    let gem_in = ig * fi;
    let instroom = (gem_in + isd * fi * z_in + gem_in.sqrt() * normaal(rng)).max(0.0);
    let (rg, rsd) = u.rate[cm];
    let rate = (rg * fu + rsd * z_out).clamp(0.0, 1.0);
    let uitstroom = (rate * stand + (stand * rate * (1.0 - rate)).sqrt() * normaal(rng)).clamp(0.0, stand);
    stand + instroom - uitstroom
}

/// `runs` runs of the year under scenario `s`.
pub fn simuleer(u: &Uitgangspunt, s: &Scenario, runs: u32, seed: u64) -> Samenvatting {
    let runs = runs.max(1);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let jr = Jaarrun::new(u, s);
    let mut resultaten = Vec::with_capacity(runs as usize);
    let mut budgetten = Vec::with_capacity(runs as usize);
    let (mut n_tekort, mut n_vangnet) = (0u32, 0u32);
    let mut som_vangnet = Decimal::ZERO;
    for _ in 0..runs {
        let Run { resultaat, budget, .. } = jr.run(&mut rng);
        if resultaat < 0 {
            n_tekort += 1;
        }
        let tekort = Money::from_cents(-resultaat);
        if jr.kan_vangnet(tekort, budget) {
            if let Some(v) = u.vangnet(budget, tekort, jr.soort) {
                if v.recht() == Some(true) {
                    n_vangnet += 1;
                    som_vangnet += v.vangnetuitkering().unwrap_or(Money::ZERO).to_decimal();
                }
            }
        }
        resultaten.push(resultaat);
        budgetten.push(budget.cents());
    }
    resultaten.sort_unstable();
    budgetten.sort_unstable();
    let (p10, p50, p90) = (percentiel(&resultaten, 0.10), percentiel(&resultaten, 0.50), percentiel(&resultaten, 0.90));
    Samenvatting {
        runs,
        seed,
        p10: Money::from_cents(p10),
        p50: Money::from_cents(p50),
        p90: Money::from_cents(p90),
        breedte: Money::from_cents(p90 - p10),
        kans_tekort: kans(n_tekort, runs),
        kans_vangnet: kans(n_vangnet, runs),
        verwachte_vangnetuitkering: Money::from_decimal_euros(money::round_to_whole_euros(som_vangnet / Decimal::from(runs)))
            .unwrap_or(Money::ZERO),
        budget_getrokken: jr.budget_getrokken,
        budget_p50: Money::from_cents(percentiel(&budgetten, 0.50)),
    }
}

/// One month-end of the narrowing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerloopPunt {
    pub peildatum: String,
    pub gerealiseerde_maanden: u8,
    #[serde(with = "money::euros")]
    pub p10: Money,
    #[serde(with = "money::euros")]
    pub p50: Money,
    #[serde(with = "money::euros")]
    pub p90: Money,
    /// P90 − P10.
    #[serde(with = "money::euros")]
    pub breedte: Money,
    pub kans_vangnet: f64,
}

/// The Monte Carlo at every month-end of `jaar` up to `peildatum` (baseline).
pub fn verloop(b: &Prognosebasis, jaar: Year, peildatum: Date, runs: u32, seed: u64) -> Result<Vec<VerloopPunt>, PrognoseFout> {
    let mut out = Vec::new();
    for m in 1..=12i8 {
        let einde = buig_bestand::Maand::new(jaar.get() as i16, m).expect("valid month").last_day();
        if einde > peildatum {
            break;
        }
        let u = b.uitgangspunt(jaar, einde)?;
        let s = simuleer(&u, &Scenario::default(), runs, seed);
        out.push(VerloopPunt {
            peildatum: einde.to_string(),
            gerealiseerde_maanden: u.gerealiseerde_maanden,
            p10: s.p10,
            p50: s.p50,
            p90: s.p90,
            breedte: s.breedte,
            kans_vangnet: s.kans_vangnet,
        });
    }
    Ok(out)
}
