// SPDX-License-Identifier: EUPL-1.2
//! The multi-year outlook (meerjarenraming): the current year and the years
//! after it, each with budget, net costs and result as P10/P50/P90, the
//! chance of a shortfall and — where a rule covers the year — of a vangnet
//! right, from one Monte Carlo that carries every run from year to year.
//!
//! - **The current year** is run exactly as the prognosis (`simuleer`, the
//!   same draws with the same seed), so its P50 is the prognosis headline.
//! - **Net costs** of a later year: twelve months of the caseload from the
//!   run's stand at the end of the year before, with the calendar months'
//!   inflow and outflow rates and a fresh year-level shock each year (so the
//!   band widens with the horizon), times the price per benefit, which rises
//!   each year by the gemeente's own price growth (mean and spread over its
//!   complete years); LKS grows with it.
//! - **Budget** of a later year: a decision known on the peildatum, drawn to
//!   the expected definitief as in the prognosis; beyond the decisions the
//!   budget of the year before × the macrobudget's growth (the bundled
//!   figure where known, else its trend and spread) × the gemeente's share
//!   growth (its trend and spread over its own definitief decisions).
//! - **Vangnet**: each covered year through `buig_rules`, with the run's own
//!   earlier years in the window; a year no rule covers has no chance, and
//!   says why.
//!
//! Scenarios apply to every year. Money is kept in cents; only the
//! simulation's draws are floating point.

pub mod backtest;

use std::collections::BTreeMap;

use buig_core::records::{BudgetSoort, Stadium, Uitkering};
use buig_core::{money, Money, Percentage, Year};
use jiff::civil::Date;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::basis::{gem_sd, Prognosebasis, Uitgangspunt};
use crate::budget::budgetoverzicht;
use crate::gegevens::Gegevens;
use crate::montecarlo::{budget_spreiding, kans, maand, normaal, percentiel, student, Jaarrun};
use crate::scenario::{PrognoseFout, Scenario};
use crate::vangnet::{positie, JaarTekort};

/// The question.
#[derive(Debug, Clone, PartialEq)]
pub struct RamingVraag {
    /// The last day that counts; its year is the current year.
    pub peildatum: Date,
    /// The last year of the outlook (at least the current year).
    pub tot: Year,
    pub runs: u32,
    pub seed: u64,
    pub scenario: Scenario,
}

/// P10, P50 and P90 of an amount over the runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Band {
    #[serde(with = "money::euros")]
    pub p10: Money,
    #[serde(with = "money::euros")]
    pub p50: Money,
    #[serde(with = "money::euros")]
    pub p90: Money,
}

impl Band {
    fn van(mut centen: Vec<i64>) -> Band {
        centen.sort_unstable();
        let p = |q| Money::from_cents(percentiel(&centen, q));
        Band { p10: p(0.10), p50: p(0.50), p90: p(0.90) }
    }
}

/// The current year (its prognosis) or a later one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RamingStadium {
    Prognose,
    Raming,
}

/// One year of the outlook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RamingJaar {
    pub jaar: Year,
    /// `prognose` for the current year (as the prognosis), `raming` after it.
    pub stadium: RamingStadium,
    /// Where the budget comes from, in Dutch.
    pub budget_bron: String,
    pub budget: Band,
    pub netto_lasten: Band,
    /// Budget − net costs (negative = tekort).
    pub resultaat: Band,
    /// Benefits running at the end of the year: P10, P50, P90.
    pub uitkeringen_eind: [u64; 3],
    /// Share of runs with a shortfall, 0–1.
    pub kans_tekort: f64,
    /// Share of runs with a vangnet right; `null` where no rule covers the year.
    pub kans_vangnet: Option<f64>,
    /// Why `kans_vangnet` is `null`.
    pub vangnet_reden: Option<String>,
}

/// What the later years rest on: yearly growth rates (shares, e.g. 0.021) with their spread.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grondslag {
    pub prijsstijging: f64,
    pub prijsstijging_sd: f64,
    /// The complete years whose price the growth is measured over.
    pub prijs_jaren: Vec<i32>,
    pub macro_groei: f64,
    pub macro_groei_sd: f64,
    pub aandeel_groei: f64,
    pub aandeel_groei_sd: f64,
    /// The years of definitief decisions whose share the trend is measured over.
    pub aandeel_jaren: Vec<i32>,
}

/// The whole outlook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Raming {
    pub gemeente: Option<String>,
    pub naam: Option<String>,
    pub peildatum: Date,
    pub runs: u32,
    pub seed: u64,
    pub jaren: Vec<RamingJaar>,
    pub grondslag: Grondslag,
    pub waarschuwingen: Vec<String>,
}

/// Growth rates of consecutive years of `reeks` (year → value): mean and spread;
/// `standaard` when fewer than two rates are known.
fn groei(reeks: &BTreeMap<i32, f64>, standaard: (f64, f64)) -> (f64, f64, Vec<i32>) {
    let r: Vec<f64> =
        reeks.iter().zip(reeks.iter().skip(1)).filter(|((a, _), (b, _))| *b - *a == 1).map(|((_, x), (_, y))| y / x - 1.0).collect();
    let jaren = reeks.keys().copied().collect();
    match r.len() {
        0 | 1 => (r.first().copied().unwrap_or(standaard.0), standaard.1, jaren),
        _ => {
            let (g, sd) = gem_sd(&r);
            (g, sd, jaren)
        }
    }
}

/// A later year's budget: a known decision drawn to the definitief, or the trend.
enum Budgetbron {
    Beschikking { bedrag: Money, gem: f64, sd: f64, df: u32 },
    Trend { macro_groei: Option<f64> },
}

/// What every run shares.
struct Basis<'a> {
    u: Uitgangspunt,
    s: &'a Scenario,
    jaren: Vec<(Year, Budgetbron, String)>,
    grondslag: Grondslag,
}

/// The latest decision of `y` known on `peildatum` and this gemeente's
/// historical changes from that kind of decision to the definitief.
fn bekende_beschikking(g: &Gegevens, y: Year, peildatum: Date) -> Option<Budgetbron> {
    let bekend = |d: Option<Date>| d.is_none_or(|d| d <= peildatum);
    let b = g.budgetten.iter().filter(|b| b.jaar == y && bekend(b.datum)).max_by_key(|b| b.soort)?;
    let mut wijzigingen = Vec::new();
    for h in g.budgetten.iter().filter(|h| h.jaar < y && h.soort == BudgetSoort::Definitief && bekend(h.datum)) {
        if let Some(o) = g.budgetten.iter().find(|o| o.jaar == h.jaar && o.soort == b.soort && bekend(o.datum)) {
            if o.bedrag.is_positive() {
                wijzigingen.push((h.bedrag.to_decimal() / o.bedrag.to_decimal()).to_f64().unwrap_or(1.0) - 1.0);
            }
        }
    }
    let (gem, sd, df) = if b.soort == BudgetSoort::Definitief { (0.0, 0.0, 2) } else { budget_spreiding(&wijzigingen, b.soort) };
    Some(Budgetbron::Beschikking { bedrag: b.bedrag, gem, sd, df })
}

/// The bundled macrobudget of a year (its latest decision), up to `tot`.
fn landelijk_macro(y: i32, tot: i32) -> Option<f64> {
    (y <= tot)
        .then(|| {
            buig_referentie::macrobudget()
                .iter()
                .filter(|m| m.jaar.get() == y && m.beschikking != "definitief_excl_vangnet")
                .max_by_key(|m| m.beschikking.parse::<BudgetSoort>().ok())
                .and_then(|m| m.bedrag.to_decimal().to_f64())
        })
        .flatten()
}

impl<'a> Basis<'a> {
    fn new(b: &'a Prognosebasis<'a>, v: &'a RamingVraag, macro_tot: i32) -> Result<Basis<'a>, PrognoseFout> {
        let t0 = Year::new(i32::from(v.peildatum.year()));
        let u = b.uitgangspunt(t0, v.peildatum)?;
        let g = b.gegevens();
        // Price history over the complete years before the current one.
        let prijzen: BTreeMap<i32, f64> =
            (b.eerste_jaar..t0.get()).filter_map(|y| Some((y, b.jaarprijs(y)?.0))).filter(|(_, p)| *p > 0.0).collect();
        let (prijsstijging, prijsstijging_sd, prijs_jaren) = groei(&prijzen, (0.02, 0.02));
        // Macrobudget: the bundled definitief decisions.
        let macros: BTreeMap<i32, f64> = buig_referentie::macrobudget()
            .iter()
            .filter(|m| m.beschikking == "definitief" && m.jaar.get() < t0.get().min(macro_tot.saturating_add(1)))
            .filter_map(|m| Some((m.jaar.get(), m.bedrag.to_decimal().to_f64()?)))
            .collect();
        let (macro_groei, macro_groei_sd, _) = groei(&macros, (0.03, 0.03));
        // The gemeente's share of its definitief decisions.
        let overzicht = budgetoverzicht(g);
        let aandelen: BTreeMap<i32, f64> = overzicht
            .jaren
            .iter()
            .filter(|j| j.jaar < t0)
            .filter_map(|j| {
                let d = j.beschikkingen.iter().find(|b| b.soort == BudgetSoort::Definitief)?;
                Some((j.jaar.get(), d.aandeel_exact?.to_f64()?))
            })
            .collect();
        let (aandeel_groei, aandeel_groei_sd, aandeel_jaren) = groei(&aandelen, (0.0, 0.02));
        let mut jaren = Vec::new();
        for y in Year::range(t0.offset(1), v.tot) {
            let (bron, tekst) = match bekende_beschikking(g, y, v.peildatum) {
                Some(b) => (b, "bekende beschikking, verwacht definitief".to_string()),
                None => {
                    let m = match (landelijk_macro(y.get(), macro_tot), landelijk_macro(y.get() - 1, macro_tot)) {
                        (Some(a), Some(b)) if b > 0.0 => Some(a / b - 1.0),
                        _ => None,
                    };
                    let tekst =
                        if m.is_some() { "macrobudget (bekend) × aandeel (trend)" } else { "macrobudget (trend) × aandeel (trend)" };
                    (Budgetbron::Trend { macro_groei: m }, tekst.to_string())
                }
            };
            jaren.push((y, bron, tekst));
        }
        let grondslag = Grondslag {
            prijsstijging,
            prijsstijging_sd,
            prijs_jaren,
            macro_groei,
            macro_groei_sd,
            aandeel_groei,
            aandeel_groei_sd,
            aandeel_jaren,
        };
        Ok(Basis { u, s: &v.scenario, jaren, grondslag })
    }
}

/// Per year, the runs' figures (cents) and counts.
#[derive(Default)]
struct Telling {
    budget: Vec<i64>,
    netto: Vec<i64>,
    resultaat: Vec<i64>,
    stand: Vec<i64>,
    tekort: u32,
    vangnet: u32,
}

/// The outlook of `v` on the gemeente's figures and benefits.
pub fn raming(g: &Gegevens, uitkeringen: &[Uitkering], v: &RamingVraag) -> Result<Raming, PrognoseFout> {
    let b = Prognosebasis::new(g, uitkeringen)?;
    raming_op(&b, v, i32::MAX)
}

/// The outlook on a prepared basis; the bundled macrobudget counts up to `macro_tot`
/// (the backtest passes the year of its peildatum, so later figures do not leak in).
pub(crate) fn raming_op(b: &Prognosebasis, v: &RamingVraag, macro_tot: i32) -> Result<Raming, PrognoseFout> {
    let basis = Basis::new(b, v, macro_tot)?;
    let u = &basis.u;
    let t0 = u.jaar;
    if v.tot < t0 {
        return Err(PrognoseFout(format!("--tot {} ligt vóór het lopende jaar {t0}", v.tot)));
    }
    let g = b.gegevens();
    let runs = v.runs.max(1);
    let jr = Jaarrun::new(u, basis.s);
    let (fi, fu) = (Scenario::factor(basis.s.instroom_pct), Scenario::factor(basis.s.uitstroom_pct));
    let aandeel_factor = Scenario::factor(basis.s.aandeel_pct);
    let gr = &basis.grondslag;
    let n = basis.jaren.len() + 1;
    let mut tel: Vec<Telling> = (0..n).map(|_| Telling::default()).collect();
    // The current year with the prognosis's own draws; the later years from a stream of their own.
    let mut rng = ChaCha8Rng::seed_from_u64(v.seed);
    let mut rng_later = ChaCha8Rng::seed_from_u64(v.seed ^ 0x9E37_79B9_7F4A_7C15);
    let gedekt = |y: Year| buig_rules::RuleTable::bundled().rule_for(y).is_ok();
    let prijs0 = u.prijs.to_f64().unwrap_or(0.0) * Scenario::factor(basis.s.prijs_pct);
    let lks0 = u.lks_maand.to_decimal().to_f64().unwrap_or(0.0) * Scenario::factor(basis.s.lks_pct);
    for _ in 0..runs {
        let run = jr.run(&mut rng);
        let mut eerder = u.eerder.clone();
        let t = &mut tel[0];
        t.budget.push(run.budget.cents());
        t.netto.push(run.netto);
        t.resultaat.push(run.resultaat);
        t.stand.push(run.stand.round() as i64);
        let tekort0 = Money::from_cents(-run.resultaat);
        t.tekort += u32::from(run.resultaat < 0);
        if jr.kan_vangnet(tekort0, run.budget) {
            t.vangnet += u32::from(u.vangnet(run.budget, tekort0, jr.soort).and_then(|p| p.recht()) == Some(true));
        }
        eerder.insert(t0, JaarTekort { beschikking: Some(jr.soort), ..JaarTekort::definitief(run.budget, tekort0) });

        let (mut stand, mut prijs, mut lks, mut budget) = (run.stand, prijs0, lks0, run.budget.cents() as f64);
        for (i, (y, bron, _)) in basis.jaren.iter().enumerate() {
            let (z_in, z_out) = (normaal(&mut rng_later), normaal(&mut rng_later));
            let index = 1.0 + gr.prijsstijging + gr.prijsstijging_sd * normaal(&mut rng_later);
            prijs *= index;
            lks *= index;
            let mut som = 0.0;
            for m in 1..=12u8 {
                stand = maand(u, m, stand, (fi, fu), (z_in, z_out), &mut rng_later);
                som += stand;
            }
            budget = match bron {
                Budgetbron::Beschikking { bedrag, gem, sd, df } => {
                    bedrag.cents() as f64 * (1.0 + gem + sd * student(&mut rng_later, *df)) * aandeel_factor
                }
                Budgetbron::Trend { macro_groei } => {
                    let m = macro_groei.unwrap_or_else(|| gr.macro_groei + gr.macro_groei_sd * normaal(&mut rng_later));
                    let a = gr.aandeel_groei + gr.aandeel_groei_sd * normaal(&mut rng_later);
                    budget * (1.0 + m) * (1.0 + a)
                }
            };
            let netto = (som * prijs * 100.0 + 12.0 * lks * 100.0).round() as i64;
            let b_cent = budget.round() as i64;
            let resultaat = b_cent - netto;
            let t = &mut tel[i + 1];
            t.budget.push(b_cent);
            t.netto.push(netto);
            t.resultaat.push(resultaat);
            t.stand.push(stand.round() as i64);
            t.tekort += u32::from(resultaat < 0);
            let (bm, tm) = (Money::from_cents(b_cent), Money::from_cents(-resultaat));
            if gedekt(*y) && resultaat < 0 && jr_kan(*y, tm, bm) {
                let eigen = JaarTekort { beschikking: Some(BudgetSoort::Definitief), ..JaarTekort::definitief(bm, tm) };
                let p = positie(Stadium::Prognose, *y, eigen, &eerder, g.naam.clone(), g.verleend_voor(*y)).ok().flatten();
                t.vangnet += u32::from(p.and_then(|p| p.recht()) == Some(true));
            }
            eerder.insert(*y, JaarTekort::definitief(bm, tm));
        }
    }
    let laatste_regel = buig_rules::RuleTable::bundled().last_year();
    let mut jaren = Vec::new();
    let bronnen = std::iter::once((
        t0,
        match u.definitief_bekend {
            true => "definitieve beschikking".to_string(),
            false => format!("{} beschikking, verwacht definitief", crate::budget::soort_label(u.budget.soort)),
        },
    ))
    .chain(basis.jaren.iter().map(|(y, _, t)| (*y, t.clone())));
    for ((y, bron), t) in bronnen.zip(tel) {
        let mut stand = t.stand.clone();
        stand.sort_unstable();
        let dekt = gedekt(y);
        jaren.push(RamingJaar {
            jaar: y,
            stadium: if y == t0 { RamingStadium::Prognose } else { RamingStadium::Raming },
            budget_bron: bron,
            budget: Band::van(t.budget),
            netto_lasten: Band::van(t.netto),
            resultaat: Band::van(t.resultaat),
            uitkeringen_eind: [0.10, 0.50, 0.90].map(|q| percentiel(&stand, q).max(0) as u64),
            kans_tekort: kans(t.tekort, runs),
            kans_vangnet: dekt.then(|| kans(t.vangnet, runs)),
            vangnet_reden: (!dekt)
                .then(|| format!("de vangnetregels zijn bekend tot en met {laatste_regel}; over {y} is geen kans te geven")),
        });
    }
    let mut waarschuwingen = u.waarschuwingen.clone();
    if gr.prijs_jaren.len() < 3 {
        waarschuwingen.push("Minder dan drie afgesloten jaren: de prijsstijging is een aanname (2% ± 2% per jaar).".to_string());
    }
    if gr.aandeel_jaren.len() < 3 {
        waarschuwingen
            .push("Minder dan drie definitieve beschikkingen met macrobudget: het aandeel is gelijk gehouden (± 2% per jaar).".to_string());
    }
    Ok(Raming {
        gemeente: g.gemeente.map(|c| c.to_string()),
        naam: g.naam.clone(),
        peildatum: v.peildatum,
        runs,
        seed: v.seed,
        jaren,
        grondslag: basis.grondslag,
        waarschuwingen,
    })
}

/// Could a shortfall of `tekort` on `budget` qualify in year `y` (above the rule's lowest threshold)?
fn jr_kan(y: Year, tekort: Money, budget: Money) -> bool {
    let Ok(rule) = buig_rules::RuleTable::bundled().rule_for(y) else { return false };
    let mut d = rule.drempel.percentage.value();
    if let Some(v) = &rule.verlaagde_drempel {
        d = d.min(v.drempel.percentage.value());
    }
    Percentage::ratio(tekort, budget).is_some_and(|p| p.value() > d)
}
