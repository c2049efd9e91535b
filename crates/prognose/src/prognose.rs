// SPDX-License-Identifier: EUPL-1.2
//! The deterministic year-end prognosis (issue "Prognosis", part 2) at a
//! peildatum, under a scenario ([`Scenario::default()`] is the baseline).
//!
//! Realised net costs of the year's complete months (lasten − baten), plus
//! the projected stock × price per benefit for the remaining months, plus
//! LKS at the last realised month's level; against the latest budget
//! decision known then; the expected shortfall and the vangnetuitkering
//! through `buig_rules`.
//!
//! - price per benefit = realised net costs excl. LKS ÷ Σ monthly stands,
//!   both over the year's realised months (the stands from `buig_bestand`);
//! - the stock moves with seasonal rates, not a straight line: inflow of a
//!   calendar month = the mean inflow of that month over up to three
//!   previous years; outflow rate = the mean of uitstroom(m) ÷ stand(m−1)
//!   of that month over the same years;
//!   `stand(m) = stand(m−1) + instroom(m) − rate(m) × stand(m−1)`.
//!
//! Counts of benefits are `f64` (a projected stock is fractional); money is
//! `Money`/`Decimal`, rounded to cents once per amount.

use buig_core::percentage::ser_twee_decimalen;
use buig_core::records::{BudgetSoort, Stadium};
use buig_core::{money, Money, Percentage, Year};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::basis::{GekozenBudget, Uitgangspunt};
use crate::scenario::Scenario;
use crate::vangnet::VangnetPositie;

/// One month of the prognosis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrognoseMaand {
    /// `2024-07`.
    pub maand: String,
    pub stadium: Stadium,
    /// Benefits at the month's end (projected: 1 decimal; with a scenario's reduction).
    pub stand: f64,
    #[serde(with = "money::euros")]
    pub netto_lasten: Money,
}

/// The deterministic prognosis of a year at a peildatum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prognose {
    pub jaar: Year,
    pub peildatum: String,
    pub gerealiseerde_maanden: u8,
    #[serde(with = "money::euros")]
    pub gerealiseerd_netto: Money,
    #[serde(serialize_with = "money::ser_getal")]
    pub prijs_per_uitkering: Decimal,
    #[serde(with = "money::euros")]
    pub lks_per_maand: Money,
    pub stand_start: u64,
    pub historie_jaren: Vec<i32>,
    pub maanden: Vec<PrognoseMaand>,
    #[serde(with = "money::euros")]
    pub geprojecteerd_netto: Money,
    /// Expected net costs of the whole year.
    #[serde(with = "money::euros")]
    pub netto_lasten: Money,
    pub budget: GekozenBudget,
    /// The budget the result is set against (with a scenario's share change).
    #[serde(with = "money::euros")]
    pub budget_bedrag: Money,
    /// Budget − net costs (positive = overschot).
    #[serde(with = "money::euros")]
    pub resultaat: Money,
    #[serde(with = "money::euros")]
    pub tekort: Money,
    /// Exact; two decimals in JSON.
    #[serde(serialize_with = "ser_twee_decimalen")]
    pub tekort_percentage: Percentage,
    pub vangnet: Option<VangnetPositie>,
    pub waarschuwingen: Vec<String>,
}

/// Projected end-of-month stocks for months `k+1..=12` under a scenario (deterministic).
fn projectie(u: &Uitgangspunt, s: &Scenario) -> Vec<f64> {
    let k = u.gerealiseerde_maanden;
    let (fi, fu) = (Scenario::factor(s.instroom_pct), Scenario::factor(s.uitstroom_pct));
    let minder = s.minder_uitkeringen_eind_jaar.unwrap_or(0.0);
    let mut stand = u.start_stand as f64;
    let mut out = Vec::new();
    for m in k + 1..=12 {
        let cm = usize::from(m - 1);
        let rate = (u.rate[cm].0 * fu).clamp(0.0, 1.0);
        stand = stand + u.instroom[cm].0 * fi - rate * stand;
        let reductie = minder * f64::from(m - k) / f64::from(12 - k);
        out.push((stand - reductie).max(0.0));
    }
    out
}

/// f64 to an exact decimal with `dp` decimals, half away from zero.
pub(crate) fn dec(x: f64, dp: u32) -> Decimal {
    Decimal::from_f64(x).unwrap_or(Decimal::ZERO).round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// The deterministic prognosis under a scenario (`Scenario::default()` = baseline).
pub fn bereken_prognose(u: &Uitgangspunt, s: &Scenario) -> Prognose {
    let k = u.gerealiseerde_maanden;
    let y = u.jaar.get();
    let stands = projectie(u, s);
    let prijs = u.prijs * Scenario::factor_exact(s.prijs_pct);
    let lks = u.lks_maand.to_decimal() * Scenario::factor_exact(s.lks_pct);
    let cents = |d: Decimal| Money::from_decimal_euros(money::round_to_cents(d)).unwrap_or(Money::ZERO);
    let mut maanden: Vec<PrognoseMaand> = u
        .realisatie
        .iter()
        .map(|&(m, st, netto)| PrognoseMaand {
            maand: format!("{y:04}-{m:02}"),
            stadium: Stadium::Realisatie,
            stand: st as f64,
            netto_lasten: netto,
        })
        .collect();
    let mut geprojecteerd = Money::ZERO;
    for (i, &st) in stands.iter().enumerate() {
        let m = k + 1 + i as u8;
        let st = dec(st, 1);
        let netto = cents(st * prijs + lks);
        geprojecteerd += netto;
        maanden.push(PrognoseMaand {
            maand: format!("{y:04}-{m:02}"),
            stadium: Stadium::Prognose,
            stand: st.to_f64().unwrap_or(0.0),
            netto_lasten: netto,
        });
    }
    let netto_lasten = u.gerealiseerd + geprojecteerd;
    let budget_bedrag = u.budget_met(u.budget.bedrag, s);
    let resultaat = budget_bedrag - netto_lasten;
    let tekort = -resultaat;
    let tekort_percentage = Percentage::ratio(tekort, budget_bedrag).unwrap_or(Percentage::ZERO);
    let mut waarschuwingen = u.waarschuwingen.clone();
    if !u.definitief_bekend {
        waarschuwingen.insert(
            0,
            format!(
                "Het definitieve budget {y} is op de peildatum nog niet bekend: de prognose rekent met de {} beschikking.",
                soort_label(u.budget.soort)
            ),
        );
    }
    let vangnet = u.vangnet(budget_bedrag, tekort, u.budget.soort);
    if vangnet.is_none() {
        waarschuwingen.push(format!("De vangnetregels dekken {y} niet: geen vangnetberekening."));
    }
    Prognose {
        jaar: u.jaar,
        peildatum: u.peildatum.to_string(),
        gerealiseerde_maanden: k,
        gerealiseerd_netto: u.gerealiseerd,
        prijs_per_uitkering: u.prijs,
        lks_per_maand: u.lks_maand,
        stand_start: u.start_stand,
        historie_jaren: u.historie_jaren.clone(),
        maanden,
        geprojecteerd_netto: geprojecteerd,
        netto_lasten,
        budget: u.budget.clone(),
        budget_bedrag,
        resultaat,
        tekort,
        tekort_percentage,
        vangnet,
        waarschuwingen,
    }
}

pub(crate) fn soort_label(s: BudgetSoort) -> &'static str {
    match s {
        BudgetSoort::Voorlopig => "voorlopige",
        BudgetSoort::NaderVoorlopig => "nader voorlopige",
        BudgetSoort::Definitief => "definitieve",
    }
}
