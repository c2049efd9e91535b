// SPDX-License-Identifier: EUPL-1.2
//! The budget view of one gemeente (issue "Budget tracking", part 1):
//!
//! - per year the three decisions (voorlopig, nader voorlopig, definitief)
//!   side by side with dates, BLKS and the macrobudget they rest on;
//! - every change between consecutive decisions (V→NV→D within a year, and
//!   D of t-1 → V of t) split exactly into a macro effect and a share effect:
//!   `Δmacro × aandeel_oud + macro_nieuw × Δaandeel`, with the share taken as
//!   the exact budget ÷ macrobudget (the published share is rounded), so the
//!   two effects add up to the change to the cent; BLKS is shown apart;
//! - net costs per year (twelve months of realisation, or the yearly figures
//!   a source states), result and shortfall percentage against the
//!   definitief budget;
//! - the vangnet position of every year through `buig_rules`, also for a
//!   prognosis (marked as such): computed once per year and kept whole
//!   ([`crate::vangnet::VangnetPositie`]), so every view that shows a year's
//!   vangnet reads it here.
//!
//! Amounts are exact (`Money`, `Decimal`); the macrobudget comes from the
//! decision itself or, when absent, from the bundled national figures.

use std::collections::BTreeMap;

use buig_core::percentage::ser_twee_decimalen_opt;
use buig_core::records::{BudgetSoort, Budgetbeschikking, Stadium};
use buig_core::{money, Money, Percentage, Year};
use jiff::civil::Date;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::gegevens::Gegevens;
use crate::vangnet::{positie, JaarTekort, VangnetPositie};

/// One decision as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Beschikking {
    pub soort: BudgetSoort,
    pub datum: Option<Date>,
    #[serde(with = "money::euros")]
    pub bedrag: Money,
    #[serde(with = "money::euros_opt")]
    pub blks: Option<Money>,
    #[serde(with = "money::euros_opt")]
    pub macrobudget: Option<Money>,
    /// `beschikking` or `landelijk (data/macrobudget.csv)`.
    pub macrobudget_bron: Option<String>,
    /// The share as published (rounded), in percent.
    #[serde(serialize_with = "money::ser_getal_opt")]
    pub aandeel: Option<Decimal>,
    /// (bedrag − BLKS) ÷ macrobudget in percent, 6 decimals.
    #[serde(serialize_with = "money::ser_getal_opt")]
    pub aandeel_exact: Option<Decimal>,
}

/// The change between two decisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Wijziging {
    pub van: String,
    pub naar: String,
    #[serde(with = "money::euros")]
    pub verschil: Money,
    #[serde(with = "money::euros_opt")]
    pub macro_effect: Option<Money>,
    #[serde(with = "money::euros_opt")]
    pub aandeel_effect: Option<Money>,
    #[serde(with = "money::euros_opt")]
    pub blks_verschil: Option<Money>,
    pub toelichting: String,
}

/// One year of the view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetJaar {
    pub jaar: Year,
    pub beschikkingen: Vec<Beschikking>,
    /// Net costs (lasten − baten), when the whole year is known.
    #[serde(with = "money::euros_opt")]
    pub netto_lasten: Option<Money>,
    pub netto_bron: Option<String>,
    /// Months of realisation present (0–12).
    pub maanden: u8,
    /// Definitief budget − net costs (positive = overschot).
    #[serde(with = "money::euros_opt")]
    pub resultaat: Option<Money>,
    /// The budget the result is set against: the year's figures' own budget, else the definitief.
    #[serde(with = "money::euros_opt")]
    pub budget: Option<Money>,
    /// Shortfall as % of that budget, exact (JSON: 2 decimals); also when a source gives only the percentage.
    #[serde(serialize_with = "ser_twee_decimalen_opt")]
    pub tekort_percentage: Option<Percentage>,
    /// The budget without art. 7 Besluit Participatiewet, when a user gave it: the vangnet thresholds are taken of it.
    #[serde(with = "money::euros_opt")]
    pub budget_zonder_art7: Option<Money>,
    pub vangnet: Option<VangnetPositie>,
}

impl BudgetJaar {
    /// The shortfall (negative = overschot), when the result is known.
    pub fn tekort(&self) -> Option<Money> {
        self.resultaat.map(|r| -r)
    }

    /// The most recent decision of the year (by stage).
    pub fn laatste_beschikking(&self) -> Option<&Beschikking> {
        self.beschikkingen.iter().max_by_key(|b| b.soort)
    }
}

/// The whole view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetOverzicht {
    pub gemeente: Option<String>,
    pub naam: Option<String>,
    pub jaren: Vec<BudgetJaar>,
    pub wijzigingen: Vec<Wijziging>,
    pub waarschuwingen: Vec<String>,
}

/// `voorlopig`, `nader voorlopig`, `definitief`.
pub fn soort_label(s: BudgetSoort) -> &'static str {
    match s {
        BudgetSoort::Voorlopig => "voorlopig",
        BudgetSoort::NaderVoorlopig => "nader voorlopig",
        BudgetSoort::Definitief => "definitief",
    }
}

fn landelijk_macro(jaar: Year, soort: BudgetSoort) -> Option<Money> {
    buig_referentie::macrobudget().iter().find(|m| m.jaar == jaar && m.beschikking == soort.code()).map(|m| m.bedrag)
}

fn beschikking(b: &Budgetbeschikking) -> Beschikking {
    let (macro_, bron) = match b.macrobudget {
        Some(m) => (Some(m), Some("beschikking".to_string())),
        None => match landelijk_macro(b.jaar, b.soort) {
            Some(m) => (Some(m), Some("landelijk (data/macrobudget.csv)".to_string())),
            None => (None, None),
        },
    };
    let exact = macro_.filter(|m| m.is_positive()).map(|m| {
        ((b.bedrag - b.blks.unwrap_or(Money::ZERO)).to_decimal() * Decimal::ONE_HUNDRED / m.to_decimal())
            .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
    });
    Beschikking {
        soort: b.soort,
        datum: b.datum,
        bedrag: b.bedrag,
        blks: b.blks,
        macrobudget: macro_,
        macrobudget_bron: bron,
        aandeel: b.aandeel,
        aandeel_exact: exact,
    }
}

/// Splits the change from `oud` to `nieuw` (BLKS apart) into macro and share effect.
fn wijziging(oud: (Year, &Beschikking), nieuw: (Year, &Beschikking)) -> Wijziging {
    let (jo, o) = oud;
    let (jn, n) = nieuw;
    let excl = |b: &Beschikking| b.bedrag - b.blks.unwrap_or(Money::ZERO);
    let verschil = n.bedrag - o.bedrag;
    let blks_verschil = match (o.blks, n.blks) {
        (None, None) => None,
        (a, b) => Some(b.unwrap_or(Money::ZERO) - a.unwrap_or(Money::ZERO)),
    };
    let (macro_effect, aandeel_effect, toelichting) = match (o.macrobudget, n.macrobudget) {
        (Some(mo), Some(mn)) if mo.is_positive() => {
            // macro effect = Δmacro × aandeel_oud, with aandeel_oud = B_oud / M_oud exactly;
            // the share effect is the rest of the change (excl. BLKS), so both add up to the cent.
            let m = (mn - mo).to_decimal() * excl(o).to_decimal() / mo.to_decimal();
            let macro_effect = Money::from_decimal_euros(money::round_to_cents(m)).unwrap_or(Money::ZERO);
            let aandeel_effect = (excl(n) - excl(o)) - macro_effect;
            let pct = Percentage::ratio(mn - mo, mo).map(buig_core::nl::percentage).unwrap_or_default();
            (
                Some(macro_effect),
                Some(aandeel_effect),
                format!(
                    "macrobudget {} ({}), aandeel {} → {}",
                    if mn >= mo { "stijgt" } else { "daalt" },
                    pct,
                    o.aandeel_exact.map(|a| format!("{}%", buig_core::nl::getal(a, 4))).unwrap_or_default(),
                    n.aandeel_exact.map(|a| format!("{}%", buig_core::nl::getal(a, 4))).unwrap_or_default()
                ),
            )
        }
        _ => (None, None, "macrobudget onbekend: de wijziging is niet te splitsen in macro- en aandeeleffect".to_string()),
    };
    Wijziging {
        van: format!("{} {jo}", soort_label(o.soort)),
        naar: format!("{} {jn}", soort_label(n.soort)),
        verschil,
        macro_effect,
        aandeel_effect,
        blks_verschil,
        toelichting,
    }
}

/// Computes the budget view.
pub fn budgetoverzicht(g: &Gegevens) -> BudgetOverzicht {
    let mut waarschuwingen = Vec::new();
    let mut per_jaar: BTreeMap<Year, Vec<Beschikking>> = BTreeMap::new();
    for b in &g.budgetten {
        per_jaar.entry(b.jaar).or_default().push(beschikking(b));
    }
    for list in per_jaar.values_mut() {
        list.sort_by_key(|b| b.soort);
    }
    let mut maanden: BTreeMap<Year, (u8, Money)> = BTreeMap::new();
    for r in &g.realisatie {
        let e = maanden.entry(r.jaar).or_insert((0, Money::ZERO));
        e.0 += 1;
        e.1 = e.1 + r.lasten - r.baten;
    }
    let years: std::collections::BTreeSet<Year> =
        per_jaar.keys().copied().chain(maanden.keys().copied()).chain(g.jaarcijfers.iter().map(|j| j.jaar)).collect();

    // Net costs and the realised shortfall per year (for the vangnet windows).
    let mut tekorten: BTreeMap<Year, JaarTekort> = BTreeMap::new();
    let mut jaren = Vec::new();
    for &y in &years {
        let besch = per_jaar.remove(&y).unwrap_or_default();
        let definitief = besch.iter().find(|b| b.soort == BudgetSoort::Definitief).map(|b| b.bedrag);
        let (n_maanden, som) = maanden.get(&y).copied().unwrap_or((0, Money::ZERO));
        let realisatie_cijfer = g.jaarcijfers.iter().find(|j| j.jaar == y && j.stadium == Stadium::Realisatie);
        let (netto, bron) = if n_maanden == 12 {
            (Some(som), Some("realisatie, 12 maanden".to_string()))
        } else if let Some(j) = realisatie_cijfer {
            match (j.tekort, j.budget.or(definitief)) {
                (Some(t), Some(b)) => (Some(b + t), Some(format!("jaarcijfers: {}", j.bron))),
                _ => (None, None),
            }
        } else {
            (None, None)
        };
        let budget = realisatie_cijfer.and_then(|j| j.budget).or(definitief);
        let resultaat = netto.zip(budget).map(|(n, b)| b - n);
        let tekort_percentage = match (resultaat, budget) {
            (Some(r), Some(b)) => Percentage::ratio(-r, b),
            _ => realisatie_cijfer.and_then(|j| j.tekort_percentage).map(Percentage::new),
        };
        let budget_zonder_art7 = realisatie_cijfer.and_then(|j| j.budget_zonder_art7);
        if let (Some(r), Some(b)) = (resultaat, budget) {
            tekorten.insert(y, JaarTekort { budget_zonder_art7, ..JaarTekort::definitief(b, -r) });
        }
        jaren.push(BudgetJaar {
            jaar: y,
            beschikkingen: besch,
            netto_lasten: netto,
            netto_bron: bron,
            maanden: n_maanden,
            resultaat,
            budget,
            tekort_percentage,
            budget_zonder_art7,
            vangnet: None,
        });
    }

    // Vangnet per year, once: realised years with a known shortfall, and prognoses a source states.
    // The rights found so far, for "waarschijnlijk uitgebreid verzoek" later on.
    let mut rechten: BTreeMap<Year, bool> = BTreeMap::new();
    for j in &mut jaren {
        let (stadium, eigen) = match tekorten.get(&j.jaar) {
            Some(&t) => (Stadium::Realisatie, t),
            None => match g.jaarcijfers.iter().find(|c| c.jaar == j.jaar && c.stadium == Stadium::Prognose) {
                // A prognosis rests on the latest decision of its year (seed 003: "Voorlopig BUIG budget d.d. 1-8-2018").
                Some(c) => match (c.budget, c.tekort) {
                    (Some(budget), Some(tekort)) => (
                        Stadium::Prognose,
                        JaarTekort {
                            budget,
                            tekort,
                            beschikking: j.laatste_beschikking().map(|b| b.soort),
                            budget_zonder_art7: c.budget_zonder_art7,
                        },
                    ),
                    _ => continue,
                },
                None => continue,
            },
        };
        match positie(stadium, j.jaar, eigen, &tekorten, g.naam.clone(), g.verleend_voor(j.jaar)) {
            Ok(v) => {
                j.vangnet = v.map(|v| v.met_vermoeden(&rechten));
                if let Some(v) = j.vangnet.as_ref().filter(|v| v.stadium == Stadium::Realisatie) {
                    if let Some(r) = v.recht() {
                        rechten.insert(j.jaar, r);
                    }
                }
            }
            Err(e) => waarschuwingen.push(format!("De vangnetpositie over {} is niet te berekenen: {e}", j.jaar)),
        }
    }

    // Changes: within a year V → NV → D, and D(t-1) → V(t).
    let mut wijzigingen = Vec::new();
    let mut vorige: Option<(Year, Beschikking)> = None;
    for j in &jaren {
        for b in &j.beschikkingen {
            if let Some((vy, vb)) = &vorige {
                let consecutive = (*vy == j.jaar && vb.soort < b.soort)
                    || (*vy == j.jaar.offset(-1) && vb.soort == BudgetSoort::Definitief && b.soort == BudgetSoort::Voorlopig);
                if consecutive {
                    wijzigingen.push(wijziging((*vy, vb), (j.jaar, b)));
                }
            }
            vorige = Some((j.jaar, b.clone()));
        }
    }
    if g.budgetten.iter().all(|b| b.blks.is_none()) && g.budgetten.iter().any(|b| b.jaar >= Year::new(2022)) {
        waarschuwingen.push(
            "Het BLKS-deel van de budgetten vanaf 2022 is niet opgegeven: macro- en aandeeleffect gelden voor het hele budget.".to_string(),
        );
    }
    if !g.verleend_bekend() {
        waarschuwingen.push(
            "Niet bekend in welke jaren een vangnetuitkering is verleend: of een basisverzoek of een uitgebreid verzoek nodig is, is daarom per jaar onbekend.".to_string(),
        );
    }
    BudgetOverzicht { gemeente: g.gemeente.map(|c| c.to_string()), naam: g.naam.clone(), jaren, wijzigingen, waarschuwingen }
}

impl BudgetOverzicht {
    /// The years whose realised figures give a right to a vangnetuitkering.
    pub fn rechten(&self) -> BTreeMap<Year, bool> {
        self.jaren
            .iter()
            .filter_map(|j| j.vangnet.as_ref().filter(|v| v.stadium == Stadium::Realisatie).and_then(|v| Some((j.jaar, v.recht()?))))
            .collect()
    }

    /// The view of one year.
    pub fn jaar(&self, y: Year) -> Option<&BudgetJaar> {
        self.jaren.iter().find(|j| j.jaar == y)
    }

    /// The budget and shortfall of every year whose result is known, as the vangnet reads them.
    pub fn tekorten(&self) -> BTreeMap<Year, JaarTekort> {
        self.jaren
            .iter()
            .filter_map(|j| {
                let t = JaarTekort { budget_zonder_art7: j.budget_zonder_art7, ..JaarTekort::definitief(j.budget?, j.tekort()?) };
                Some((j.jaar, t))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
