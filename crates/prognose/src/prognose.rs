//! The deterministic year-end prognosis (issue "Prognosis", part 2) and the
//! scenario knobs (part 4).
//!
//! At a peildatum: realised net costs of the year's complete months
//! (lasten − baten), plus the projected stock × price per benefit for the
//! remaining months, plus LKS at the last realised month's level; against
//! the latest budget decision known at the peildatum; the expected shortfall
//! and the vangnetuitkering through `buig_rules`.
//!
//! - price per benefit = realised net costs excl. LKS ÷ Σ monthly stands,
//!   both over the year's realised months (the stands from `buig_bestand`);
//! - the stock moves with seasonal rates, not a straight line: inflow of a
//!   calendar month = the mean inflow of that month over up to three
//!   previous years; outflow rate = the mean of uitstroom(m) ÷ stand(m−1)
//!   of that month over the same years;
//!   `stand(m) = stand(m−1) + instroom(m) − rate(m) × stand(m−1)`.
//!
//! Only what was known at the peildatum is used: realisation of months
//! ending on or before it, decisions dated on or before it (undated ones
//! count as known), the caseload up to the last complete month. So the
//! backtest ([`crate::backtest`]) is honest.
//!
//! Counts of benefits are `f64` (a projected stock is fractional); money is
//! `Money`/`Decimal`, rounded to cents once per amount.

use std::collections::BTreeMap;
use std::fmt;

use buig_bestand::{Maand, Per, Vraag};
use buig_core::records::{BudgetSoort, Budgetbeschikking, RealisatieMaand, Uitkering};
use buig_core::{money, Money, Percentage, Year};
use buig_rules::{CaseFile, YearInput};
use jiff::civil::Date;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::budget::{budgetoverzicht, Gegevens, VangnetPositie};

/// Why a prognosis cannot be made (a Dutch message naming what is missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrognoseFout(pub String);

impl fmt::Display for PrognoseFout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PrognoseFout {}

fn fout<T>(s: impl Into<String>) -> Result<T, PrognoseFout> {
    Err(PrognoseFout(s.into()))
}

/// Month index as in [`Maand::index`]: `jaar · 12 + maand − 1`.
pub(crate) fn mi(jaar: i32, maand: u8) -> i32 {
    jaar * 12 + i32::from(maand) - 1
}

/// Reads a peildatum `JJJJ-MM-DD`.
pub fn lees_peildatum(s: &str) -> Result<Date, PrognoseFout> {
    s.trim().parse::<Date>().map_err(|_| PrognoseFout(format!("\"{}\" is geen datum (verwacht JJJJ-MM-DD)", s.trim())))
}

/// The scenario knobs ("knoppen"); every knob is optional, absent = no change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
    /// Inflow change in percent (−10 = 10% less inflow every month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instroom_pct: Option<f64>,
    /// Outflow-rate change in percent (+10 = the monthly outflow rate × 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uitstroom_pct: Option<f64>,
    /// Benefits fewer by 31 December, reached linearly from the peildatum (an action plan's target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minder_uitkeringen_eind_jaar: Option<f64>,
    /// Price per benefit change in percent, for the remaining months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prijs_pct: Option<f64>,
    /// LKS cost change in percent, for the remaining months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lks_pct: Option<f64>,
    /// Budget share change in percent (on the budget excluding BLKS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aandeel_pct: Option<f64>,
}

impl Scenario {
    /// The knob as a factor `1 + pct/100`.
    pub(crate) fn factor(pct: Option<f64>) -> f64 {
        1.0 + pct.unwrap_or(0.0) / 100.0
    }

    /// The knob as an exact decimal factor (for money), from the number's shortest form.
    fn factor_exact(pct: Option<f64>) -> Decimal {
        let p = pct.and_then(|p| p.to_string().parse::<Decimal>().ok()).unwrap_or(Decimal::ZERO);
        Decimal::ONE + p / Decimal::ONE_HUNDRED
    }

    /// The display name: `naam`, or the knobs in short.
    pub fn label(&self) -> String {
        if let Some(n) = &self.naam {
            return n.clone();
        }
        let mut d = Vec::new();
        let mut pct = |k: &str, v: Option<f64>| {
            if let Some(v) = v {
                d.push(format!("{k} {v:+}%"));
            }
        };
        pct("instroom", self.instroom_pct);
        pct("uitstroom", self.uitstroom_pct);
        pct("prijs", self.prijs_pct);
        pct("lks", self.lks_pct);
        pct("aandeel", self.aandeel_pct);
        if let Some(n) = self.minder_uitkeringen_eind_jaar {
            d.push(format!("{n} uitkeringen minder eind jaar"));
        }
        if d.is_empty() {
            "scenario".into()
        } else {
            d.join(", ")
        }
    }

    fn check(&self) -> Result<(), PrognoseFout> {
        let naam = self.label();
        for (k, v) in [
            ("instroom_pct", self.instroom_pct),
            ("uitstroom_pct", self.uitstroom_pct),
            ("prijs_pct", self.prijs_pct),
            ("lks_pct", self.lks_pct),
            ("aandeel_pct", self.aandeel_pct),
        ] {
            if let Some(v) = v {
                if !v.is_finite() || v <= -100.0 || v > 1000.0 {
                    return fout(format!("scenario \"{naam}\": {k} = {v} ligt niet tussen -100 en 1000"));
                }
            }
        }
        if let Some(n) = self.minder_uitkeringen_eind_jaar {
            if !n.is_finite() || n < 0.0 {
                return fout(format!("scenario \"{naam}\": minder_uitkeringen_eind_jaar moet 0 of meer zijn"));
            }
        }
        Ok(())
    }
}

/// Reads a scenario file (JSON, or TOML with `toml`): either the knobs of one
/// scenario at the top level, or a list `scenario = [{…}, …]` (`[[scenario]]`).
pub fn lees_scenarios(text: &str, toml: bool) -> Result<Vec<Scenario>, PrognoseFout> {
    let v: serde_json::Value = if toml {
        ::toml::from_str(text).map_err(|e| PrognoseFout(format!("scenariobestand (TOML): {e}")))?
    } else {
        serde_json::from_str(text).map_err(|e| PrognoseFout(format!("scenariobestand (JSON): {e}")))?
    };
    let lijst = match v.get("scenario") {
        Some(serde_json::Value::Array(a)) => a.clone(),
        Some(_) => return fout("scenariobestand: \"scenario\" moet een lijst zijn"),
        None => vec![v],
    };
    let mut out = Vec::new();
    for (i, s) in lijst.into_iter().enumerate() {
        let s: Scenario = serde_json::from_value(s).map_err(|e| PrognoseFout(format!("scenario {}: {e}", i + 1)))?;
        s.check()?;
        out.push(s);
    }
    if out.is_empty() {
        return fout("scenariobestand: geen scenario gevonden");
    }
    Ok(out)
}

/// The data a prognosis is computed from, prepared once: the monthly
/// caseload series (from the spells, via `buig_bestand`) and the realisation
/// by month. One `Basis` serves every peildatum (Monte Carlo per month, backtest).
#[derive(Debug, Clone)]
pub struct Basis<'a> {
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

impl<'a> Basis<'a> {
    /// Counts the caseload series once over the years of the realisation (and one year either side).
    pub fn new(g: &'a Gegevens, spells: &[Uitkering]) -> Result<Basis<'a>, PrognoseFout> {
        let real: BTreeMap<i32, &RealisatieMaand> = g.realisatie.iter().map(|r| (mi(r.jaar.get(), r.maand), r)).collect();
        let (Some(&eerste), Some(&laatste)) = (real.keys().next(), real.keys().next_back()) else {
            return fout("geen maandrealisatie: importeer de realisatie (buig import realisatie) of laad de demo");
        };
        let (eerste_jaar, laatste_jaar) = (eerste.div_euclid(12), laatste.div_euclid(12));
        let van = Maand::new((eerste_jaar - 1) as i16, 1).ok_or_else(|| PrognoseFout("jaar buiten bereik".into()))?;
        let tot = Maand::new((laatste_jaar + 1) as i16, 12).ok_or_else(|| PrognoseFout("jaar buiten bereik".into()))?;
        let vraag = Vraag::new(van, tot, Per::Maand).map_err(PrognoseFout)?;
        let reeks = buig_bestand::bereken(spells, &vraag);
        Ok(Basis {
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
        let prijs = (som_netto.to_decimal() / Decimal::from(som_stand)).round_dp(2);
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
            return fout(format!("geen budgetbeschikking voor {y} bekend op {peildatum}: importeer de budgetten (buig import budget)"));
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
            jaarcijfers: self.g.jaarcijfers.iter().filter(|j| j.stadium == "realisatie").cloned().collect(),
            vangnet_verleend: self.g.vangnet_verleend.clone(),
        };
        let overzicht = budgetoverzicht(&bekende_gegevens);
        let mut vorige_jaren = Vec::new();
        for j in overzicht.jaren.iter().filter(|j| j.jaar < jaar && j.jaar >= jaar.offset(-3)) {
            if let (Some(n), Some(r)) = (j.netto_lasten, j.resultaat) {
                vorige_jaren.push(VorigJaar { jaar: j.jaar, budget: n + r, tekort: -r });
            }
        }
        if self.g.vangnet_verleend.is_none() {
            waarschuwingen.push("Niet bekend in welke jaren een vangnetuitkering is verleend: een basisverzoek is aangenomen.".to_string());
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
            vorige_jaren,
            naam: self.g.naam.clone(),
            vangnet_verleend: self.g.vangnet_verleend.clone(),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VorigJaar {
    pub jaar: Year,
    pub budget: Money,
    pub tekort: Money,
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
    pub(crate) vorige_jaren: Vec<VorigJaar>,
    pub naam: Option<String>,
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

    /// The vangnet case template: the previous years, without the year itself.
    pub(crate) fn case_file(&self) -> CaseFile {
        let mut file = CaseFile {
            jaar: self.jaar.get(),
            gemeente: self.naam.clone(),
            vangnet_verleend: self.vangnet_verleend.clone(),
            ..Default::default()
        };
        for v in &self.vorige_jaren {
            file.jaren.insert(v.jaar.to_string(), YearInput { budget: Some(v.budget), tekort: Some(v.tekort), ..Default::default() });
        }
        file
    }

    /// The vangnet for an expected budget and shortfall.
    pub(crate) fn vangnet(&self, sjabloon: &CaseFile, budget: Money, tekort: Money) -> Option<buig_rules::VangnetResult> {
        let mut file = sjabloon.clone();
        file.jaren.insert(self.jaar.to_string(), YearInput { budget: Some(budget), tekort: Some(tekort), ..Default::default() });
        buig_rules::bereken_bestand(file).ok()
    }
}

/// One month of the prognosis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrognoseMaand {
    /// `2024-07`.
    pub maand: String,
    /// `realisatie` or `prognose`.
    pub stadium: String,
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
    #[serde(serialize_with = "money::ser_getal")]
    pub tekort_percentage: Decimal,
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

/// f64 to an exact decimal with `dp` decimals (explicit rounding).
pub(crate) fn dec(x: f64, dp: u32) -> Decimal {
    Decimal::from_f64(x).unwrap_or(Decimal::ZERO).round_dp(dp)
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
            stadium: "realisatie".into(),
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
            stadium: "prognose".into(),
            stand: st.to_f64().unwrap_or(0.0),
            netto_lasten: netto,
        });
    }
    let netto_lasten = u.gerealiseerd + geprojecteerd;
    let budget_bedrag = u.budget_met(u.budget.bedrag, s);
    let resultaat = budget_bedrag - netto_lasten;
    let tekort = -resultaat;
    let tekort_percentage = Percentage::ratio(tekort, budget_bedrag).map(|p| p.value().round_dp(2)).unwrap_or(Decimal::ZERO);
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
    let vangnet = u.vangnet(&u.case_file(), budget_bedrag, tekort).map(|r| {
        let mut w: Vec<String> = r.waarschuwingen.iter().filter(|w| !w.contains("stappen A tot en met D")).cloned().collect();
        w.insert(0, "Prognose: het tekort en het budget zijn een raming, geen realisatie.".to_string());
        VangnetPositie {
            stadium: "prognose".into(),
            regel: r.regel,
            status: r.status.to_string(),
            recht: r.recht,
            vangnetuitkering: r.vangnetuitkering,
            formulier: r.formulier,
            waarschuwingen: w,
        }
    });
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
