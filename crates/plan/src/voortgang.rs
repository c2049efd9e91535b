// SPDX-License-Identifier: EUPL-1.2
//! Progress, computed and never typed: per action ([`actie_regel`]:
//! realisation against the target from the start value, costs against the
//! budget, the latest evaluation), per line and for the plan ([`Voortgang`]),
//! the plan's overview ([`overzicht_met`]) and one action with its history
//! ([`actie_detail`]), also from a stored [`Planstand`].

use std::collections::BTreeMap;

use buig_core::records::Uitkering;
use buig_core::{GemeenteCode, Money};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Actie, Evaluatie, Plan, Risico, Statusupdate};
use crate::nulmeting::{sinds_nulmeting, Ontwikkeling};

/// One action with its latest status and computed progress, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActieRegel {
    #[serde(flatten)]
    pub actie: Actie,
    pub laatste_status: Option<Statusupdate>,
    /// How far the latest realised value has come from `startwaarde` (else
    /// 0) towards `doelwaarde`, in percent (one decimal): `(g − s) ÷ (d − s)`;
    /// `None` when either is unknown or target and start are equal.
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub realisatie_pct: Option<Decimal>,
    /// Costs over all quarters; `None` when no quarter has costs.
    #[serde(with = "buig_core::money::euros_opt")]
    pub kosten: Option<Money>,
    /// `kosten` as a percentage of `budget` (one decimal).
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub kosten_pct_budget: Option<Decimal>,
    /// The latest evaluation.
    pub evaluatie: Option<Evaluatie>,
}

/// Progress of a group of actions (a line or the whole plan), computed from
/// the actions' targets, statuses and costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Voortgang {
    pub acties: usize,
    /// Actions with both a numeric target and a realised value.
    pub acties_gemeten: usize,
    /// Mean of the measured actions' `realisatie_pct`.
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub gemiddelde_realisatie_pct: Option<Decimal>,
    /// Sum of the known budgets.
    #[serde(with = "buig_core::money::euros")]
    pub budget: Money,
    pub acties_zonder_budget: usize,
    /// Sum of the recorded costs.
    #[serde(with = "buig_core::money::euros")]
    pub kosten: Money,
    /// Costs of the actions that have a budget, as a percentage of their budgets.
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub kosten_pct_budget: Option<Decimal>,
    /// Actions per latest status (`op_schema`, …) and `geen` for none yet.
    pub per_status: BTreeMap<String, usize>,
    /// Actions per latest evaluation verdict; `geen` for not evaluated.
    pub per_oordeel: BTreeMap<String, usize>,
}

/// `deel / geheel × 100` with one decimal; `None` for a zero whole.
fn pct(deel: Decimal, geheel: Decimal) -> Option<Decimal> {
    (!geheel.is_zero()).then(|| {
        let mut p = (deel * Decimal::ONE_HUNDRED / geheel).round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        p.rescale(1);
        p
    })
}

fn money_dec(m: Money) -> Decimal {
    m.to_decimal()
}

fn voortgang<'a>(regels: impl Iterator<Item = &'a ActieRegel>) -> Voortgang {
    let mut v = Voortgang {
        acties: 0,
        acties_gemeten: 0,
        gemiddelde_realisatie_pct: None,
        budget: Money::ZERO,
        acties_zonder_budget: 0,
        kosten: Money::ZERO,
        kosten_pct_budget: None,
        per_status: BTreeMap::new(),
        per_oordeel: BTreeMap::new(),
    };
    let (mut som_pct, mut kosten_met_budget) = (Decimal::ZERO, Money::ZERO);
    for r in regels {
        v.acties += 1;
        if let Some(p) = r.realisatie_pct {
            v.acties_gemeten += 1;
            som_pct += p;
        }
        match r.actie.budget {
            Some(b) => {
                v.budget += b;
                kosten_met_budget += r.kosten.unwrap_or(Money::ZERO);
            }
            None => v.acties_zonder_budget += 1,
        }
        v.kosten += r.kosten.unwrap_or(Money::ZERO);
        *v.per_status.entry(r.laatste_status.as_ref().map_or("geen", |u| u.status.code()).to_string()).or_default() += 1;
        *v.per_oordeel.entry(r.evaluatie.as_ref().map_or("geen", |e| e.oordeel.code()).to_string()).or_default() += 1;
    }
    if v.acties_gemeten > 0 {
        let mut p =
            (som_pct / Decimal::from(v.acties_gemeten)).round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        p.rescale(1);
        v.gemiddelde_realisatie_pct = Some(p);
    }
    v.kosten_pct_budget = pct(money_dec(kosten_met_budget), money_dec(v.budget));
    v
}

/// One line with its actions and their progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LijnRegel {
    pub nummer: u8,
    pub naam: String,
    pub acties: Vec<ActieRegel>,
    pub voortgang: Voortgang,
}

/// Totals over the plan; sums cover only the actions where the figure is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totalen {
    pub acties: usize,
    #[serde(with = "buig_core::money::euros")]
    pub budget: Money,
    pub acties_zonder_budget: usize,
    pub effect_uitkeringen: i64,
    pub acties_zonder_effect: usize,
    /// Actions per latest status (`op_schema`, …) and `geen` for none yet.
    pub per_status: BTreeMap<String, usize>,
    /// The whole plan's progress (as per line).
    pub voortgang: Voortgang,
}

/// The plan as `buig plan toon` shows it (the JSON of `--json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overzicht {
    pub gemeente: GemeenteCode,
    pub titel: String,
    pub van: Option<Date>,
    pub tot: Option<Date>,
    pub doel_uitkeringen: Option<i64>,
    #[serde(with = "buig_core::money::euros_opt")]
    pub doel_euro: Option<Money>,
    pub nulmeting: Option<Date>,
    pub bron: String,
    pub sturing: Option<String>,
    pub actielijnen: Vec<LijnRegel>,
    pub totalen: Totalen,
    /// `null` when there are no spells after the baseline in the database.
    pub sinds_nulmeting: Option<Ontwikkeling>,
    pub risicos: Vec<Risico>,
}

/// One action's row: latest status, realisation against the target, costs
/// against the budget and the latest evaluation.
pub fn actie_regel(a: &Actie, updates: &[Statusupdate], evaluaties: &[Evaluatie]) -> ActieRegel {
    let eigen: Vec<&Statusupdate> = updates.iter().filter(|u| u.actie == a.code).collect();
    let laatste = eigen.iter().max_by_key(|u| u.kwartaal).map(|u| (*u).clone());
    let start = a.startwaarde.unwrap_or(Decimal::ZERO);
    let realisatie_pct = match (laatste.as_ref().and_then(|u| u.gerealiseerd), a.doelwaarde) {
        (Some(g), Some(d)) => pct(g - start, d - start),
        _ => None,
    };
    let kosten = eigen.iter().filter_map(|u| u.kosten).reduce(|x, y| x + y);
    let kosten_pct_budget = match (kosten, a.budget) {
        (Some(k), Some(b)) => pct(money_dec(k), money_dec(b)),
        _ => None,
    };
    let evaluatie = evaluaties.iter().filter(|e| e.actie == a.code).max_by_key(|e| e.datum).cloned();
    ActieRegel { actie: a.clone(), laatste_status: laatste, realisatie_pct, kosten, kosten_pct_budget, evaluatie }
}

/// The overview without evaluations (see [`overzicht_met`]).
pub fn overzicht(plan: &Plan, updates: &[Statusupdate], ontwikkeling: Option<Ontwikkeling>) -> Overzicht {
    overzicht_met(plan, updates, &[], ontwikkeling)
}

/// The overview: every action with its latest status (highest quarter),
/// progress per line and for the plan, and the latest evaluation.
pub fn overzicht_met(plan: &Plan, updates: &[Statusupdate], evaluaties: &[Evaluatie], ontwikkeling: Option<Ontwikkeling>) -> Overzicht {
    let lijnen: Vec<LijnRegel> = plan
        .actielijnen
        .iter()
        .map(|l| {
            let acties: Vec<ActieRegel> =
                plan.acties.iter().filter(|a| a.lijn == l.nummer).map(|a| actie_regel(a, updates, evaluaties)).collect();
            LijnRegel { nummer: l.nummer, naam: l.naam.clone(), voortgang: voortgang(acties.iter()), acties }
        })
        .collect();
    let alles = voortgang(lijnen.iter().flat_map(|l| &l.acties));
    let totalen = Totalen {
        acties: plan.acties.len(),
        budget: alles.budget,
        acties_zonder_budget: alles.acties_zonder_budget,
        effect_uitkeringen: plan.acties.iter().filter_map(|a| a.effect_uitkeringen).sum(),
        acties_zonder_effect: plan.acties.iter().filter(|a| a.effect_uitkeringen.is_none()).count(),
        per_status: alles.per_status.clone(),
        voortgang: alles,
    };
    Overzicht {
        gemeente: plan.gemeente,
        titel: plan.titel.clone(),
        van: plan.van,
        tot: plan.tot,
        doel_uitkeringen: plan.doel_uitkeringen,
        doel_euro: plan.doel_euro,
        nulmeting: plan.nulmeting,
        bron: plan.bron.clone(),
        sturing: plan.sturing.clone(),
        actielijnen: lijnen,
        totalen,
        sinds_nulmeting: ontwikkeling,
        risicos: plan.risicos.clone(),
    }
}

/// A stored plan with everything recorded about it: what the overview and
/// an action's page are computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planstand {
    pub plan: Plan,
    pub statussen: Vec<Statusupdate>,
    pub evaluaties: Vec<Evaluatie>,
}

impl Planstand {
    /// The overview ([`overzicht_met`]), with the caseload change since the nulmeting when known.
    pub fn overzicht(&self, ontwikkeling: Option<Ontwikkeling>) -> Overzicht {
        overzicht_met(&self.plan, &self.statussen, &self.evaluaties, ontwikkeling)
    }

    /// The overview with the change since the nulmeting counted from `spells`.
    pub fn overzicht_uit(&self, uitkeringen: &[Uitkering]) -> Overzicht {
        self.overzicht(self.plan.nulmeting.and_then(|n| sinds_nulmeting(uitkeringen, n)))
    }

    /// One action with its history ([`actie_detail`]); `None` for an unknown code.
    pub fn actie(&self, code: &str) -> Option<ActieDetail> {
        actie_detail(&self.plan, code, &self.statussen, &self.evaluaties)
    }
}

/// One action with its full history, for the action's own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActieDetail {
    pub gemeente: GemeenteCode,
    pub plan: String,
    pub lijn_naam: String,
    #[serde(flatten)]
    pub regel: ActieRegel,
    /// Every quarter's status, oldest first.
    pub historie: Vec<Statusupdate>,
    /// Every evaluation, oldest first.
    pub evaluaties: Vec<Evaluatie>,
    /// `budget − kosten` when the budget is known.
    #[serde(with = "buig_core::money::euros_opt")]
    pub budget_resterend: Option<Money>,
}

/// The action `code` of the plan with its history; `None` for an unknown code.
pub fn actie_detail(plan: &Plan, code: &str, updates: &[Statusupdate], evaluaties: &[Evaluatie]) -> Option<ActieDetail> {
    let code = code.trim().to_uppercase();
    let a = plan.acties.iter().find(|a| a.code == code)?;
    let regel = actie_regel(a, updates, evaluaties);
    let mut historie: Vec<Statusupdate> = updates.iter().filter(|u| u.actie == code).cloned().collect();
    historie.sort_by_key(|u| u.kwartaal);
    let mut evals: Vec<Evaluatie> = evaluaties.iter().filter(|e| e.actie == code).cloned().collect();
    evals.sort_by_key(|e| e.datum);
    Some(ActieDetail {
        gemeente: plan.gemeente,
        plan: plan.titel.clone(),
        lijn_naam: plan.actielijnen.iter().find(|l| l.nummer == a.lijn).map(|l| l.naam.clone()).unwrap_or_default(),
        budget_resterend: a.budget.map(|b| b - regel.kosten.unwrap_or(Money::ZERO)),
        regel,
        historie,
        evaluaties: evals,
    })
}
