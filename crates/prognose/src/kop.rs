// SPDX-License-Identifier: EUPL-1.2
//! The headline of a prognosis: the centre of its own distribution (the
//! median of the Monte Carlo runs, with the median budget — the expected
//! definitief while it is not known), the chance of a shortfall and of a
//! vangnetuitkering, the expected payout, and the payout if the year ends
//! at the headline. The figure with the current decision is a second line
//! that says why it differs. Every view shows this one headline.

use buig_core::percentage::ser_twee_decimalen;
use buig_core::records::BudgetSoort;
use buig_core::{money, Money, Percentage};
use serde::Serialize;

use crate::basis::Uitgangspunt;
use crate::montecarlo::Samenvatting;
use crate::prognose::Prognose;
use crate::vangnet::VangnetPositie;

/// The budget of the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KopBudget {
    /// A decision known on the peildatum (the definitief, or the latest one without runs).
    Beschikking,
    /// The definitief expected from the latest decision (the median of the drawn budgets).
    VerwachtDefinitief,
}

/// The result with the decision known on the peildatum, beside the headline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HuidigeBeschikking {
    pub soort: BudgetSoort,
    #[serde(with = "money::euros")]
    pub budget: Money,
    #[serde(with = "money::euros")]
    pub resultaat: Money,
    /// Why the headline differs, in Dutch.
    pub reden: String,
}

/// The headline of a prognosis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kop {
    /// Budget − net costs at the centre of the distribution (positive = overschot).
    #[serde(with = "money::euros")]
    pub resultaat: Money,
    #[serde(with = "money::euros")]
    pub tekort: Money,
    #[serde(serialize_with = "ser_twee_decimalen")]
    pub tekort_percentage: Percentage,
    #[serde(with = "money::euros")]
    pub budget: Money,
    pub budget_soort: KopBudget,
    /// Budget − resultaat.
    #[serde(with = "money::euros")]
    pub netto_lasten: Money,
    /// The vangnet if the year ends at the headline (stage prognose).
    pub vangnet: Option<VangnetPositie>,
    /// Shares of the runs, 0–1; `null` without runs.
    pub kans_tekort: Option<f64>,
    pub kans_vangnet: Option<f64>,
    #[serde(with = "money::euros_opt")]
    pub verwachte_vangnetuitkering: Option<Money>,
    /// The result with the current decision, when the definitief is not known yet.
    pub met_huidige_beschikking: Option<HuidigeBeschikking>,
    /// P10 and P90 of the result; `null` without runs.
    #[serde(with = "money::euros_opt")]
    pub p10: Option<Money>,
    #[serde(with = "money::euros_opt")]
    pub p90: Option<Money>,
}

impl Kop {
    /// The payout if the year ends at the headline: the amount, or the amount
    /// if the open condition turns out met; `None` when there is no right or no rule.
    pub fn uitkering_bij_kop(&self) -> Option<Money> {
        let r = &self.vangnet.as_ref()?.resultaat;
        match r.recht {
            Some(false) => None,
            Some(true) => r.vangnetuitkering,
            None => Some(r.vangnetuitkering_indien_recht),
        }
    }
}

/// The headline of the baseline `p` with its runs `mc` (none: the deterministic prognosis).
pub fn kop(u: &Uitgangspunt, p: &Prognose, mc: Option<&Samenvatting>) -> Kop {
    let Some(mc) = mc else {
        return Kop {
            resultaat: p.resultaat,
            tekort: p.tekort,
            tekort_percentage: p.tekort_percentage,
            budget: p.budget_bedrag,
            budget_soort: KopBudget::Beschikking,
            netto_lasten: p.netto_lasten,
            vangnet: p.vangnet.clone(),
            kans_tekort: None,
            kans_vangnet: None,
            verwachte_vangnetuitkering: None,
            met_huidige_beschikking: None,
            p10: None,
            p90: None,
        };
    };
    let resultaat = mc.p50;
    let budget = mc.budget_p50;
    let tekort = -resultaat;
    let met_huidige_beschikking = mc.budget_getrokken.then(|| HuidigeBeschikking {
        soort: p.budget.soort,
        budget: p.budget_bedrag,
        resultaat: p.resultaat,
        reden: format!(
            "het definitieve budget is op de peildatum nog niet bekend; de prognose rekent met het verwachte definitieve budget ({}), geraamd uit de eerdere wijzigingen van de beschikkingen van deze gemeente",
            buig_core::nl::money(budget)
        ),
    });
    Kop {
        resultaat,
        tekort,
        tekort_percentage: Percentage::ratio(tekort, budget).unwrap_or(Percentage::ZERO),
        budget,
        budget_soort: if mc.budget_getrokken { KopBudget::VerwachtDefinitief } else { KopBudget::Beschikking },
        netto_lasten: budget - resultaat,
        vangnet: u.vangnet(budget, tekort, if mc.budget_getrokken { BudgetSoort::Definitief } else { p.budget.soort }),
        kans_tekort: Some(mc.kans_tekort),
        kans_vangnet: Some(mc.kans_vangnet),
        verwachte_vangnetuitkering: Some(mc.verwachte_vangnetuitkering),
        met_huidige_beschikking,
        p10: Some(mc.p10),
        p90: Some(mc.p90),
    }
}
