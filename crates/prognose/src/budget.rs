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
//!   prognosis (marked as such).
//!
//! Amounts are exact (`Money`, `Decimal`); the macrobudget comes from the
//! decision itself or, when absent, from the bundled national figures.

use std::collections::BTreeMap;

use buig_core::records::{BudgetSoort, Budgetbeschikking, RealisatieMaand};
use buig_core::{money, GemeenteCode, Money, Percentage, Year};
use buig_rules::{CaseFile, YearInput};
use rust_decimal::Decimal;
use serde::Serialize;

/// Yearly figures as a source states them (realisation or prognosis).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jaarcijfer {
    pub jaar: Year,
    /// `realisatie` or `prognose`.
    pub stadium: String,
    pub budget: Option<Money>,
    pub tekort: Option<Money>,
    pub tekort_percentage: Option<Decimal>,
    pub bron: String,
}

/// Everything the view is computed from.
#[derive(Debug, Clone, Default)]
pub struct Gegevens {
    pub gemeente: Option<GemeenteCode>,
    pub naam: Option<String>,
    pub budgetten: Vec<Budgetbeschikking>,
    pub realisatie: Vec<RealisatieMaand>,
    pub jaarcijfers: Vec<Jaarcijfer>,
    /// Years a vangnetuitkering was granted, when known.
    pub vangnet_verleend: Option<Vec<i32>>,
}

/// One decision as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Beschikking {
    pub soort: BudgetSoort,
    pub datum: Option<String>,
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

/// The vangnet position of a year, in short.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VangnetPositie {
    /// `realisatie` or `prognose`.
    pub stadium: String,
    pub regel: String,
    pub status: String,
    pub recht: Option<bool>,
    #[serde(serialize_with = "money::ser_getal_opt")]
    pub vangnetuitkering: Option<Decimal>,
    pub formulier: String,
    pub waarschuwingen: Vec<String>,
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
    /// Shortfall as % of the definitief budget (2 decimals); also when a source gives only the percentage.
    #[serde(serialize_with = "money::ser_getal_opt")]
    pub tekort_percentage: Option<Decimal>,
    pub vangnet: Option<VangnetPositie>,
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

fn soort_label(s: BudgetSoort) -> &'static str {
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
    let exact = macro_
        .filter(|m| m.is_positive())
        .map(|m| ((b.bedrag - b.blks.unwrap_or(Money::ZERO)).to_decimal() * Decimal::ONE_HUNDRED / m.to_decimal()).round_dp(6));
    Beschikking {
        soort: b.soort,
        datum: b.datum.map(|d| d.to_string()),
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
    let mut tekorten: BTreeMap<Year, (Money, Money)> = BTreeMap::new(); // jaar → (budget, tekort)
    let mut jaren = Vec::new();
    for &y in &years {
        let besch = per_jaar.remove(&y).unwrap_or_default();
        let definitief = besch.iter().find(|b| b.soort == BudgetSoort::Definitief).map(|b| b.bedrag);
        let (n_maanden, som) = maanden.get(&y).copied().unwrap_or((0, Money::ZERO));
        let realisatie_cijfer = g.jaarcijfers.iter().find(|j| j.jaar == y && j.stadium == "realisatie");
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
        let budget_for_result = realisatie_cijfer.and_then(|j| j.budget).or(definitief);
        let resultaat = netto.zip(budget_for_result).map(|(n, b)| b - n);
        let tekort_percentage = match (resultaat, budget_for_result) {
            (Some(r), Some(b)) => Percentage::ratio(-r, b).map(|p| p.value().round_dp(2)),
            _ => realisatie_cijfer.and_then(|j| j.tekort_percentage),
        };
        if let (Some(r), Some(b)) = (resultaat, budget_for_result) {
            tekorten.insert(y, (b, -r));
        }
        jaren.push(BudgetJaar {
            jaar: y,
            beschikkingen: besch,
            netto_lasten: netto,
            netto_bron: bron,
            maanden: n_maanden,
            resultaat,
            tekort_percentage,
            vangnet: None,
        });
    }

    // Vangnet per year: realised years with a known shortfall, and prognoses.
    let table = buig_rules::RuleTable::bundled();
    for j in &mut jaren {
        if table.rule_for(j.jaar).is_err() {
            continue;
        }
        let (stadium, budget, tekort) = match tekorten.get(&j.jaar) {
            Some(&(b, t)) => ("realisatie", b, t),
            None => match g.jaarcijfers.iter().find(|c| c.jaar == j.jaar && c.stadium == "prognose") {
                Some(c) => match (c.budget, c.tekort) {
                    (Some(b), Some(t)) => ("prognose", b, t),
                    _ => continue,
                },
                None => continue,
            },
        };
        let mut file =
            CaseFile { jaar: j.jaar.get(), gemeente: g.naam.clone(), vangnet_verleend: g.vangnet_verleend.clone(), ..Default::default() };
        file.jaren.insert(j.jaar.to_string(), YearInput { budget: Some(budget), tekort: Some(tekort), ..Default::default() });
        for back in 1..=3 {
            let y = j.jaar.offset(-back);
            if let Some(&(b, t)) = tekorten.get(&y) {
                file.jaren.insert(y.to_string(), YearInput { budget: Some(b), tekort: Some(t), ..Default::default() });
            }
        }
        if let Ok(r) = buig_rules::bereken_bestand(file) {
            let mut w: Vec<String> = r.waarschuwingen.iter().filter(|w| !w.contains("stappen A tot en met D")).cloned().collect();
            if stadium == "prognose" {
                w.insert(0, "Prognose: het tekort en het budget zijn een raming, geen realisatie.".to_string());
            }
            j.vangnet = Some(VangnetPositie {
                stadium: stadium.to_string(),
                regel: r.regel,
                status: r.status.to_string(),
                recht: r.recht,
                vangnetuitkering: r.vangnetuitkering,
                formulier: r.formulier,
                waarschuwingen: w,
            });
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
    if g.vangnet_verleend.is_none() {
        waarschuwingen
            .push("Niet bekend in welke jaren een vangnetuitkering is verleend: per jaar is een basisverzoek aangenomen.".to_string());
    }
    BudgetOverzicht { gemeente: g.gemeente.map(|c| c.to_string()), naam: g.naam.clone(), jaren, wijzigingen, waarschuwingen }
}

/// The readable Dutch report of the view, as `buig budget` prints it.
pub fn render_tabel(o: &BudgetOverzicht) -> String {
    use buig_core::nl;
    use std::fmt::Write;
    let e = |m: Option<Money>| m.map(nl::money).unwrap_or_else(|| "—".into());
    let mut s = String::new();
    let wie = match (&o.naam, &o.gemeente) {
        (Some(n), Some(c)) => format!("{n} ({c})"),
        (None, Some(c)) => c.clone(),
        (Some(n), None) => n.clone(),
        (None, None) => String::new(),
    };
    let _ = writeln!(s, "BUIG-budget {wie}\n");
    let _ = writeln!(
        s,
        "{:<6} {:>14} {:>16} {:>14} {:>14} {:>14} {:>8}  vangnet",
        "jaar", "voorlopig", "nader voorlopig", "definitief", "netto lasten", "resultaat", "tekort"
    );
    for j in &o.jaren {
        let b = |soort: BudgetSoort| j.beschikkingen.iter().find(|b| b.soort == soort).map(|b| b.bedrag);
        let vangnet = match &j.vangnet {
            None => String::new(),
            Some(v) => {
                let bedrag = match (v.recht, v.vangnetuitkering) {
                    (Some(true), Some(x)) => nl::euro(x),
                    (Some(false), _) => "geen recht".into(),
                    _ => "onbekend".into(),
                };
                let mut t = bedrag;
                if v.stadium == "prognose" {
                    t.push_str(" (prognose)");
                }
                if v.status == "onbevestigd" {
                    t.push_str(" [onbevestigd]");
                }
                t
            }
        };
        let netto = match (j.netto_lasten, j.maanden) {
            (Some(n), _) => nl::money(n),
            (None, m) if m > 0 => format!("{m} mnd"),
            _ => "—".into(),
        };
        let _ = writeln!(
            s,
            "{:<6} {:>14} {:>16} {:>14} {:>14} {:>14} {:>8}  {}",
            j.jaar.to_string(),
            e(b(BudgetSoort::Voorlopig)),
            e(b(BudgetSoort::NaderVoorlopig)),
            e(b(BudgetSoort::Definitief)),
            netto,
            e(j.resultaat),
            j.tekort_percentage.map(|p| format!("{}%", nl::getal(p, 2))).unwrap_or_else(|| "—".into()),
            vangnet
        );
    }
    if !o.wijzigingen.is_empty() {
        let _ =
            writeln!(s, "\nWijzigingen tussen beschikkingen (macro-effect = Δmacro × aandeel oud; aandeeleffect = macro nieuw × Δaandeel)");
        for w in &o.wijzigingen {
            let _ = writeln!(
                s,
                "- {} → {}: {} (macro {}, aandeel {}{}); {}",
                w.van,
                w.naar,
                nl::money(w.verschil),
                e(w.macro_effect),
                e(w.aandeel_effect),
                w.blks_verschil.map(|b| format!(", BLKS {}", nl::money(b))).unwrap_or_default(),
                w.toelichting
            );
        }
    }
    let bronnen: Vec<String> = o.jaren.iter().filter_map(|j| j.netto_bron.as_ref().map(|b| format!("{}: {b}", j.jaar))).collect();
    if !bronnen.is_empty() {
        let _ = writeln!(s, "\nNetto lasten");
        for b in bronnen {
            let _ = writeln!(s, "- {b}");
        }
    }
    if !o.waarschuwingen.is_empty() {
        let _ = writeln!(s, "\nLet op");
        for w in &o.waarschuwingen {
            let _ = writeln!(s, "! {w}");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gm(s: &str) -> GemeenteCode {
        s.parse().unwrap()
    }

    fn besch(jaar: i32, soort: BudgetSoort, bedrag: i64, aandeel: Option<(i64, u32)>) -> Budgetbeschikking {
        Budgetbeschikking {
            gemeente: gm("GM0150"),
            jaar: Year::new(jaar),
            soort,
            datum: None,
            bedrag: Money::from_euros(bedrag),
            blks: None,
            macrobudget: None,
            aandeel: aandeel.map(|(n, s)| Decimal::new(n, s)),
        }
    }

    #[test]
    fn deventer_2023_to_2024_splits_into_macro_and_share_effect_that_add_up_to_the_cent() {
        // Seed 000: definitief 2023 € 41.984.531, voorlopig 2024 € 45.917.564, aandeel 0,62% → 0,66%.
        let g = Gegevens {
            gemeente: Some(gm("GM0150")),
            budgetten: vec![
                besch(2023, BudgetSoort::Definitief, 41_984_531, Some((62, 2))),
                besch(2024, BudgetSoort::Voorlopig, 45_917_564, Some((66, 2))),
            ],
            ..Default::default()
        };
        let o = budgetoverzicht(&g);
        assert_eq!(o.wijzigingen.len(), 1);
        let w = &o.wijzigingen[0];
        assert_eq!(w.verschil, Money::from_euros(3_933_033));
        let (m, a) = (w.macro_effect.unwrap(), w.aandeel_effect.unwrap());
        assert_eq!(m + a, w.verschil, "exact decomposition");
        // Macro D2023 6.658,1 mln → V2024 6.958,5 mln (+4,5%): 300,4 mln × 0,6306% ≈ € 1,89 mln.
        assert!(m > Money::from_euros(1_850_000) && m < Money::from_euros(1_950_000), "≈ € 1,9 mln: {m}");
        assert!(a > Money::from_euros(1_900_000) && a < Money::from_euros(2_200_000), "{a}");
        assert_eq!(o.jaren[0].beschikkingen[0].macrobudget_bron.as_deref(), Some("landelijk (data/macrobudget.csv)"));
        assert_eq!(o.jaren[0].beschikkingen[0].aandeel_exact.unwrap().round_dp(4), Decimal::new(6306, 4));
    }

    #[test]
    fn a_year_with_twelve_months_gets_a_result_and_a_vangnet_position() {
        let mut real = Vec::new();
        for maand in 1..=12 {
            real.push(RealisatieMaand {
                gemeente: gm("GM0150"),
                jaar: Year::new(2023),
                maand,
                lasten: Money::from_euros(4_000_000),
                baten: Money::from_euros(50_000),
                lks: None,
            });
        }
        let g = Gegevens {
            budgetten: vec![besch(2023, BudgetSoort::Definitief, 43_000_000, None)],
            realisatie: real,
            jaarcijfers: vec![
                Jaarcijfer {
                    jaar: Year::new(2022),
                    stadium: "realisatie".into(),
                    budget: Some(Money::from_euros(40_000_000)),
                    tekort: Some(Money::from_euros(3_000_000)),
                    tekort_percentage: None,
                    bron: "test".into(),
                },
                Jaarcijfer {
                    jaar: Year::new(2021),
                    stadium: "realisatie".into(),
                    budget: Some(Money::from_euros(40_000_000)),
                    tekort: Some(Money::ZERO),
                    tekort_percentage: None,
                    bron: "test".into(),
                },
            ],
            ..Default::default()
        };
        let o = budgetoverzicht(&g);
        let j = o.jaren.iter().find(|j| j.jaar == Year::new(2023)).unwrap();
        assert_eq!(j.netto_lasten, Some(Money::from_euros(47_400_000)));
        assert_eq!(j.resultaat, Some(Money::from_euros(-4_400_000)));
        assert_eq!(j.tekort_percentage, Some(Decimal::new(1023, 2)));
        let v = j.vangnet.as_ref().unwrap();
        assert_eq!(v.recht, Some(true));
        // 50% × (10,23% − 7,5%) × 43 mln = € 587.500.
        assert_eq!(v.vangnetuitkering, Some(Decimal::from(587_500)));
    }

    #[test]
    fn the_seed_003_prognosis_gives_the_same_vangnet_through_the_budget_view() {
        let jc = |jaar: i32, stadium: &str, b: i64, t: i64| Jaarcijfer {
            jaar: Year::new(jaar),
            stadium: stadium.into(),
            budget: Some(Money::from_euros(b)),
            tekort: Some(Money::from_euros(t)),
            tekort_percentage: None,
            bron: "seed 003".into(),
        };
        let g = Gegevens {
            jaarcijfers: vec![
                jc(2016, "realisatie", 1_867_305, 332_376),
                jc(2017, "realisatie", 1_962_128, 446_189),
                jc(2018, "prognose", 2_253_777, 214_223),
            ],
            ..Default::default()
        };
        let o = budgetoverzicht(&g);
        let v = o.jaren.iter().find(|j| j.jaar == Year::new(2018)).unwrap().vangnet.as_ref().unwrap();
        assert_eq!(v.stadium, "prognose");
        assert_eq!(v.vangnetuitkering, Some(Decimal::from(50_767)));
    }

    #[test]
    fn a_source_that_gives_only_a_percentage_shows_it_without_inventing_amounts() {
        let g = Gegevens {
            jaarcijfers: vec![Jaarcijfer {
                jaar: Year::new(2022),
                stadium: "realisatie".into(),
                budget: None,
                tekort: None,
                tekort_percentage: Some(Decimal::new(99, 1)),
                bron: "seed 001".into(),
            }],
            ..Default::default()
        };
        let o = budgetoverzicht(&g);
        assert_eq!(o.jaren[0].tekort_percentage, Some(Decimal::new(99, 1)));
        assert_eq!(o.jaren[0].resultaat, None);
        assert!(o.jaren[0].vangnet.is_none());
    }
}
