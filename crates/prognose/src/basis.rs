// SPDX-License-Identifier: EUPL-1.2
//! The starting point of a prognosis: the monthly caseload series (from the
//! spells, via `buig_bestand`) and the realisation by month, prepared once
//! per gemeente ([`Prognosebasis`]), and what the projection needs at one
//! peildatum ([`Uitgangspunt`]).
//!
//! Only what was known at the peildatum is used: realisation of months
//! ending on or before it, decisions dated on or before it (undated ones
//! count as known), the caseload up to the last complete month. So the
//! backtest ([`crate::backtest`]) is honest.

use std::collections::BTreeMap;

use buig_bestand::{Maand, Per, Vraag};
use buig_core::records::{BudgetSoort, Budgetbeschikking, RealisatieMaand, Stadium, Uitkering};
use buig_core::{money, Money, Year};
use jiff::civil::Date;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::budget::budgetoverzicht;
use crate::gegevens::Gegevens;
use crate::scenario::{fout, PrognoseFout, Scenario};
use crate::vangnet::{positie, JaarTekort, VangnetPositie};

/// Month index as in [`Maand::index`]: `jaar · 12 + maand − 1`.
pub(crate) fn mi(jaar: i32, maand: u8) -> i32 {
    jaar * 12 + i32::from(maand) - 1
}

/// The data a prognosis is computed from, prepared once: the monthly
/// caseload series (from the spells, via `buig_bestand`) and the realisation
/// by month. One `Basis` serves every peildatum (Monte Carlo per month, backtest).
#[derive(Debug, Clone)]
pub struct Prognosebasis<'a> {
    pub(crate) g: &'a Gegevens,
    /// Month index of the series' first month.
    start: i32,
    stand: Vec<u64>,
    instroom: Vec<u64>,
    uitstroom: Vec<u64>,
    real: BTreeMap<i32, &'a RealisatieMaand>,
    pub(crate) eerste_jaar: i32,
    pub(crate) laatste_jaar: i32,
}

impl<'a> Prognosebasis<'a> {
    /// Counts the caseload series once over the years of the realisation (and one year either side).
    pub fn new(g: &'a Gegevens, uitkeringen: &[Uitkering]) -> Result<Prognosebasis<'a>, PrognoseFout> {
        let real: BTreeMap<i32, &RealisatieMaand> = g.realisatie.iter().map(|r| (mi(r.jaar.get(), r.maand), r)).collect();
        let (Some(&eerste), Some(&laatste)) = (real.keys().next(), real.keys().next_back()) else {
            return fout("geen maandrealisatie: importeer de realisatie");
        };
        let (eerste_jaar, laatste_jaar) = (eerste.div_euclid(12), laatste.div_euclid(12));
        let van = Maand::new((eerste_jaar - 1) as i16, 1).ok_or_else(|| PrognoseFout("jaar buiten bereik".into()))?;
        let tot = Maand::new((laatste_jaar + 1) as i16, 12).ok_or_else(|| PrognoseFout("jaar buiten bereik".into()))?;
        let vraag = Vraag::new(van, tot, Per::Maand).map_err(PrognoseFout)?;
        let reeks = buig_bestand::bereken(uitkeringen, &vraag);
        Ok(Prognosebasis {
            g,
            start: van.index(),
            stand: reeks.reeks.iter().map(|p| p.stand).collect(),
            instroom: reeks.reeks.iter().map(|p| p.instroom).collect(),
            uitstroom: reeks.reeks.iter().map(|p| p.uitstroom).collect(),
            real,
            eerste_jaar,
            laatste_jaar,
        })
    }

    fn at(&self, v: &[u64], idx: i32) -> Option<u64> {
        usize::try_from(idx - self.start).ok().and_then(|i| v.get(i).copied())
    }

    /// Complete years (twelve months of realisation and a definitief budget).
    pub(crate) fn complete_jaren(&self) -> Vec<i32> {
        (self.eerste_jaar..=self.laatste_jaar)
            .filter(|&y| (1..=12).all(|m| self.real.contains_key(&mi(y, m))))
            .filter(|&y| self.g.budgetten.iter().any(|b| b.jaar.get() == y && b.soort == BudgetSoort::Definitief))
            .collect()
    }

    /// The realised result of a complete year: definitief budget − net costs.
    pub(crate) fn gerealiseerd_resultaat(&self, y: i32) -> Option<(Money, Money)> {
        let d = self.g.budgetten.iter().find(|b| b.jaar.get() == y && b.soort == BudgetSoort::Definitief)?.bedrag;
        let mut netto = Money::ZERO;
        for m in 1..=12 {
            let r = self.real.get(&mi(y, m))?;
            netto = netto + r.lasten - r.baten;
        }
        Some((d, d - netto))
    }

    /// The average net cost per benefit per month of a complete year, without
    /// LKS (euros), and the year's LKS per month: the price history of the
    /// multi-year outlook. `None` for a year without twelve months or benefits.
    pub(crate) fn jaarprijs(&self, y: i32) -> Option<(f64, f64)> {
        let mut netto = 0.0;
        let mut lks = 0.0;
        let mut stand = 0u64;
        for m in 1..=12 {
            let r = self.real.get(&mi(y, m))?;
            let l = r.lks.unwrap_or(Money::ZERO);
            netto += (r.lasten - r.baten - l).to_decimal().to_f64()?;
            lks += l.to_decimal().to_f64()?;
            stand += self.at(&self.stand, mi(y, m))?;
        }
        (stand > 0).then(|| (netto / stand as f64, lks / 12.0))
    }

    /// The gemeente's figures.
    pub fn gegevens(&self) -> &Gegevens {
        self.g
    }

    /// Everything the projection needs at `peildatum` for `jaar`.
    pub fn uitgangspunt(&self, jaar: Year, peildatum: Date) -> Result<Uitgangspunt, PrognoseFout> {
        let y = jaar.get();
        if i32::from(peildatum.year()) < y {
            return fout(format!("de peildatum {peildatum} ligt vóór {y}: kies een peildatum in of na het prognosejaar"));
        }
        let pm = Maand::van_datum(peildatum);
        // The last complete month on the peildatum.
        let peil_idx = if pm.last_day() == peildatum { pm.index() } else { pm.index() - 1 };
        let mut waarschuwingen = Vec::new();

        // Realised months of the year: 1..=k, contiguous, ending on or before the peildatum.
        let mut k: u8 = 0;
        while k < 12 && mi(y, k + 1) <= peil_idx && self.real.contains_key(&mi(y, k + 1)) {
            k += 1;
        }
        if k < 12 && mi(y, k + 1) <= peil_idx {
            waarschuwingen.push(format!(
                "De realisatie van {} ontbreekt: vanaf die maand is geprojecteerd.",
                buig_core::nl::month_short(y as i16, (k + 1) as i8)
            ));
        }
        let maanden: Vec<&RealisatieMaand> = (1..=k).map(|m| self.real[&mi(y, m)]).collect();
        let gerealiseerd: Money = maanden.iter().map(|r| r.lasten - r.baten).sum();

        // Start of the projection: the stand at the last realised month.
        let start_idx = mi(y, k.max(1)) - i32::from(k == 0);
        let start_stand = self.at(&self.stand, start_idx).ok_or_else(|| PrognoseFout(format!("geen bestand voor {y}")))?;

        // Price per benefit over the year's realised months (else the previous year's).
        let prijs_maanden: Vec<i32> = if k > 0 {
            (1..=k).map(|m| mi(y, m)).collect()
        } else {
            waarschuwingen
                .push(format!("Nog geen maand van {y} gerealiseerd: de prijs per uitkering is die van {} (zonder indexatie).", y - 1));
            (1..=12).map(|m| mi(y - 1, m)).filter(|&i| self.real.contains_key(&i)).collect()
        };
        let netto_excl = |i: i32| self.real.get(&i).map(|r| r.lasten - r.baten - r.lks.unwrap_or(Money::ZERO));
        let som_netto: Money = prijs_maanden.iter().filter_map(|&i| netto_excl(i)).sum();
        let som_stand: u64 = prijs_maanden.iter().filter_map(|&i| self.at(&self.stand, i)).sum();
        if som_stand == 0 {
            return fout(format!("geen lopende uitkeringen in de gerealiseerde maanden van {y}: de prijs per uitkering is onbekend"));
        }
        let prijs = money::round_to_cents(som_netto.to_decimal() / Decimal::from(som_stand));
        let lks_maand = self.real.get(&(mi(y, k.max(1)) - i32::from(k == 0))).and_then(|r| r.lks).unwrap_or(Money::ZERO);

        // Seasonal inflow and outflow rates over up to three previous years.
        let hist: Vec<i32> = ((y - 3).max(self.eerste_jaar)..y).collect();
        if hist.is_empty() {
            return fout(format!("geen voorgaand jaar vóór {y} in de gegevens: instroom en uitstroom zijn niet te schatten"));
        }
        let mut instroom = [(0.0, 0.0); 12];
        let mut rate = [(0.0, 0.0); 12];
        for cm in 0..12u8 {
            let ins: Vec<f64> = hist.iter().filter_map(|&h| self.at(&self.instroom, mi(h, cm + 1))).map(|x| x as f64).collect();
            let rs: Vec<f64> = hist
                .iter()
                .filter_map(|&h| {
                    let vorig = self.at(&self.stand, mi(h, cm + 1) - 1)?;
                    let uit = self.at(&self.uitstroom, mi(h, cm + 1))?;
                    (vorig > 0).then(|| uit as f64 / vorig as f64)
                })
                .collect();
            instroom[cm as usize] = gem_sd(&ins);
            rate[cm as usize] = gem_sd(&rs);
        }

        // The month-to-month spread of the price (within a year: January carries the indexation).
        let mut sprongen = Vec::new();
        for &h in hist.iter().chain(std::iter::once(&y)) {
            for m in 2..=12u8 {
                let (a, b) = (mi(h, m - 1), mi(h, m));
                if b > peil_idx {
                    break;
                }
                let p = |i: i32| match (netto_excl(i), self.at(&self.stand, i)) {
                    (Some(n), Some(s)) if s > 0 => n.to_decimal().to_f64().map(|n| n / s as f64),
                    _ => None,
                };
                if let (Some(pa), Some(pb)) = (p(a), p(b)) {
                    if pa > 0.0 {
                        sprongen.push(pb / pa - 1.0);
                    }
                }
            }
        }
        let prijs_sd = gem_sd(&sprongen).1;

        // The latest decision known at the peildatum.
        let bekend = |b: &Budgetbeschikking| b.datum.is_none_or(|d| d <= peildatum);
        let van_jaar: Vec<&Budgetbeschikking> = self.g.budgetten.iter().filter(|b| b.jaar == jaar && bekend(b)).collect();
        let gekozen = if van_jaar.iter().all(|b| b.datum.is_some()) {
            van_jaar.iter().max_by_key(|b| (b.datum, b.soort))
        } else {
            van_jaar.iter().max_by_key(|b| b.soort)
        };
        let Some(&gekozen) = gekozen else {
            return fout(format!("geen budgetbeschikking voor {y} bekend op {peildatum}: importeer de budgetbeschikkingen"));
        };
        let definitief_bekend = gekozen.soort == BudgetSoort::Definitief;
        // Historical relative change from the same kind of decision to the definitief.
        let mut budget_wijzigingen = Vec::new();
        if !definitief_bekend {
            for h in self.eerste_jaar.min(y - 1)..y {
                let find = |s: BudgetSoort| self.g.budgetten.iter().find(|b| b.jaar.get() == h && b.soort == s && bekend(b));
                if let (Some(d), Some(o)) = (find(BudgetSoort::Definitief), find(gekozen.soort)) {
                    if o.bedrag.is_positive() {
                        let r = (d.bedrag.to_decimal() / o.bedrag.to_decimal() - Decimal::ONE).to_f64().unwrap_or(0.0);
                        budget_wijzigingen.push(r);
                    }
                }
            }
        }

        // The realised previous years from the budget view, on what was known at the peildatum.
        let bekende_gegevens = Gegevens {
            gemeente: self.g.gemeente,
            naam: self.g.naam.clone(),
            budgetten: self.g.budgetten.iter().filter(|b| bekend(b)).cloned().collect(),
            realisatie: self.g.realisatie.iter().filter(|r| mi(r.jaar.get(), r.maand) <= peil_idx).cloned().collect(),
            jaarcijfers: self.g.jaarcijfers.iter().filter(|j| j.stadium == Stadium::Realisatie).cloned().collect(),
            vangnet_verleend: self.g.vangnet_verleend.clone(),
            verleend_per_jaar: self.g.verleend_per_jaar.clone(),
            rapportages: Vec::new(),
        };
        let bekend_overzicht = budgetoverzicht(&bekende_gegevens);
        let eerder: BTreeMap<Year, JaarTekort> = bekend_overzicht.tekorten().into_iter().filter(|(y, _)| *y < jaar).collect();
        let rechten = bekend_overzicht.rechten();
        let vangnet_verleend = self.g.verleend_voor(jaar);
        let venster = buig_rules::RuleTable::bundled().rule_for(jaar).map(|r| r.aanhoudend_jaren(jaar)).unwrap_or_default();
        if vangnet_verleend.is_none() && !venster.is_empty() {
            waarschuwingen.push(format!(
                "Niet vastgelegd of over {} een vangnetuitkering is verleend: daarom is onbekend of een basisverzoek of een uitgebreid verzoek nodig is.",
                buig_core::nl::jaren(&venster)
            ));
        }

        Ok(Uitgangspunt {
            jaar,
            peildatum,
            gerealiseerde_maanden: k,
            gerealiseerd,
            realisatie: maanden.iter().map(|r| (r.maand, self.at(&self.stand, mi(y, r.maand)).unwrap_or(0), r.lasten - r.baten)).collect(),
            prijs,
            prijs_sd,
            lks_maand,
            start_stand,
            instroom,
            rate,
            historie_jaren: hist,
            budget: GekozenBudget {
                soort: gekozen.soort,
                datum: gekozen.datum.map(|d| d.to_string()),
                bedrag: gekozen.bedrag,
                blks: gekozen.blks,
            },
            definitief_bekend,
            budget_wijzigingen,
            eerder,
            rechten,
            naam: self.g.naam.clone(),
            vangnet_verleend,
            waarschuwingen,
        })
    }
}

/// Mean and sample standard deviation (0 for fewer than two values; (0, 0) for none).
pub(crate) fn gem_sd(x: &[f64]) -> (f64, f64) {
    if x.is_empty() {
        return (0.0, 0.0);
    }
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    if x.len() < 2 {
        return (m, 0.0);
    }
    let v = x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1.0);
    (m, v.sqrt())
}

/// The decision the prognosis is set against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GekozenBudget {
    pub soort: BudgetSoort,
    pub datum: Option<String>,
    #[serde(with = "money::euros")]
    pub bedrag: Money,
    #[serde(with = "money::euros_opt")]
    pub blks: Option<Money>,
}

/// The starting point of the projection at a peildatum.
#[derive(Debug, Clone)]
pub struct Uitgangspunt {
    pub jaar: Year,
    pub peildatum: Date,
    pub gerealiseerde_maanden: u8,
    /// Realised lasten − baten of those months.
    pub gerealiseerd: Money,
    /// The realised months: (month, stand at its end, lasten − baten).
    pub realisatie: Vec<(u8, u64, Money)>,
    /// Net costs excl. LKS per benefit per month (euros, 2 decimals).
    pub prijs: Decimal,
    /// Relative month-to-month spread of the price (standard deviation).
    pub prijs_sd: f64,
    pub lks_maand: Money,
    pub start_stand: u64,
    /// Per calendar month: (mean, sd over the years) of the inflow.
    pub instroom: [(f64, f64); 12],
    /// Per calendar month: (mean, sd over the years) of the outflow rate.
    pub rate: [(f64, f64); 12],
    pub historie_jaren: Vec<i32>,
    pub budget: GekozenBudget,
    pub definitief_bekend: bool,
    /// Historical definitief ÷ (decision of the chosen kind) − 1, same gemeente.
    pub budget_wijzigingen: Vec<f64>,
    /// The realised years before, as the vangnet reads them (on what was known at the peildatum).
    pub eerder: BTreeMap<Year, JaarTekort>,
    /// The earlier years whose realised figures give a right (for "waarschijnlijk uitgebreid verzoek").
    pub rechten: BTreeMap<Year, bool>,
    pub naam: Option<String>,
    /// The granted years condition e of `jaar` reads; `None` while unknown.
    pub vangnet_verleend: Option<Vec<i32>>,
    pub waarschuwingen: Vec<String>,
}

impl Uitgangspunt {
    /// The budget under a scenario: the share change applies to the budget excluding BLKS.
    pub(crate) fn budget_met(&self, bedrag: Money, s: &Scenario) -> Money {
        let blks = self.budget.blks.unwrap_or(Money::ZERO);
        let rest = (bedrag - blks).to_decimal() * Scenario::factor_exact(s.aandeel_pct);
        blks + Money::from_decimal_euros(money::round_to_cents(rest)).unwrap_or(Money::ZERO)
    }

    /// The vangnet position of the year if it ends with this budget and
    /// shortfall (stage prognose), on the earlier years known at the
    /// peildatum; `None` when no rule covers the year or the engine refuses.
    pub fn vangnet(&self, budget: Money, tekort: Money, beschikking: BudgetSoort) -> Option<VangnetPositie> {
        let eigen = JaarTekort { budget, tekort, beschikking: Some(beschikking), budget_zonder_art7: None };
        positie(Stadium::Prognose, self.jaar, eigen, &self.eerder, self.naam.clone(), self.vangnet_verleend.clone())
            .ok()
            .flatten()
            .map(|v| v.met_vermoeden(&self.rechten))
    }
}
