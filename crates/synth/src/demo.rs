// SPDX-License-Identifier: EUPL-1.2
//! Voorbeeldstad (`GM9999`): the fictional gemeente of the demo database.
//!
//! `GM9999` is not a CBS code of any gemeente (CBS codes end below GM2000),
//! and Voorbeeldstad is not in the bundled reference data: whoever validates
//! codes against `buig_referentie::gemeenten()` must let [`VOORBEELDSTAD`]
//! through. About 100,000 inhabitants, about 2,500 running benefits in
//! 2024, data 2015 up to the peildatum 2026-10-31.
//!
//! Everything is consistent by construction:
//! - the spells come from the same model as the national file ([`crate`]);
//! - monthly **lasten** = the benefits running on the month's last day,
//!   counted from the spells, × the average cost per benefit of that year
//!   ([`PRIJS_PER_UITKERING`]) + the LKS costs of the month (from 2020);
//!   `lks` holds that LKS part of `lasten`;
//! - monthly **baten** = 1.5–2.5% of lasten (recoveries, drawn per month);
//! - the **definitief budget** of a year = its net costs / (1 + the story's
//!   shortfall), so the result is what [`VERHAAL`] says; 2026 uses the
//!   realised January–October plus November and December at October's
//!   level; voorlopig and nader voorlopig follow the national macrobudget's
//!   movement between decisions ([`VERHAAL`]); `aandeel` = bedrag /
//!   macrobudget where the bundled macrobudget has that decision.

use buig_core::money::round_to_cents;
use buig_core::records::{BudgetSoort, Budgetbeschikking, Inwoners, RealisatieMaand};
use buig_core::{GemeenteCode, Money, Year};
use jiff::civil::Date;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::dagen::{dag, dagen_in_maand, naar_date};
use crate::model::Model;
use crate::nationaal::generator;
use crate::SynthUitkering;

/// The CBS-style code of Voorbeeldstad: fictional, in no reference table.
pub const VOORBEELDSTAD: &str = "GM9999";
const NAAM: &str = "Voorbeeldstad";
const SEED: u64 = 20_261_031;
/// Spells 2015–2026, chosen so about 2,500 benefits run in 2024.
const AANTAL_UITKERINGEN: u64 = 10_250;
const EERSTE_JAAR: i32 = 2015;
pub(crate) const PEILDATUM: Date = jiff::civil::date(2026, 10, 31);

/// Inhabitants on 1 January 2015..=2026: steady growth of about 0.6% a year.
const INWONERS: [u64; 12] = [96_412, 96_955, 97_540, 98_210, 98_803, 99_356, 99_871, 100_540, 101_298, 101_930, 102_415, 102_880];

/// Average cost per benefit per month in euros (benefit costs under the
/// grant, all schemes), per year 2015..=2026. It follows the yearly
/// indexation of the social minimum (the bijstandsnorm moves with the net
/// minimum wage, twice a year) plus a slowly growing share of households
/// with children and couples; the step in 2023 is the extra 10.15% raise of
/// the minimum wage on 1 January 2023, 2024 adds the further rise of the
/// WML (hourly minimum wage), 2025 and 2026 the regular indexations.
pub const PRIJS_PER_UITKERING: [(i32, i64); 12] = [
    (2015, 1_350),
    (2016, 1_365),
    (2017, 1_385),
    (2018, 1_410),
    (2019, 1_440),
    (2020, 1_475),
    (2021, 1_500),
    (2022, 1_545),
    (2023, 1_695),
    (2024, 1_790),
    (2025, 1_870),
    (2026, 1_950),
];

/// Loonkostensubsidie (LKS) from 2020: the number of placements grows from
/// 10 in January 2020 by 4 every 5 months; the cost per placement per month
/// (euros) rises with the minimum wage.
const LKS_KOSTEN: [(i32, i64); 7] =
    [(2020, 1_050), (2021, 1_080), (2022, 1_120), (2023, 1_240), (2024, 1_310), (2025, 1_360), (2026, 1_410)];

/// The story per year: (year, relevant shortfall as a share of the definitief
/// budget in basis points — negative is a surplus —, voorlopig and nader
/// voorlopig budget relative to definitief in tenths of a percent).
///
/// The shortfalls: surpluses 2015–2017, small shortfalls 2018–2021, 8–10%
/// in 2022–2024 (vangnet: above 7.5%, and the three-year sums hold),
/// 6% in 2025 (below the regular threshold, above the 5% of the extended
/// route), 4.5% in 2026. The decisions' movement copies the national
/// macrobudget (`data/macrobudget.csv`: e.g. voorlopig 2023 was 9.7% below
/// definitief because the minimum-wage raise came later), with an invented
/// move where no national figure is bundled.
pub const VERHAAL: [(i32, i64, i64, i64); 12] = [
    (2015, -600, 12, 6),
    (2016, -450, -8, -4),
    (2017, -250, -14, -9),
    (2018, 150, -48, -30),
    (2019, 250, 24, -9),
    (2020, 100, -36, -18),
    (2021, 300, 72, 12),
    (2022, 960, 71, 30),
    (2023, 860, -97, -104),
    (2024, 920, -52, -69),
    (2025, 600, -39, -25),
    (2026, 450, -21, -10),
];

/// BLKS as a share of the LKS costs it is based on (t-1; voorlopig t-2), in per mille.
const BLKS_PROMILLE: i128 = 970;
/// Voorlopig 2027 (decided 1 October 2026) relative to definitief 2026, per mille.
const VOORLOPIG_VOLGEND_JAAR: i128 = 1_025;

/// The demo gemeente with all its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Demo {
    pub gemeente: GemeenteCode,
    pub naam: &'static str,
    /// 1 January 2015..=2026.
    pub inwoners: Vec<Inwoners>,
    pub uitkeringen: Vec<SynthUitkering>,
    /// Voorlopig, nader voorlopig and definitief 2015..=2026, and voorlopig 2027.
    pub budgetten: Vec<Budgetbeschikking>,
    /// Every month 2015-01 .. 2026-10.
    pub realisatie: Vec<RealisatieMaand>,
}

/// One year of the demo at a glance (for `docs/demo.md` and tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoJaar {
    pub jaar: Year,
    /// Months with realisation (12, or 10 for 2026).
    pub maanden: u8,
    /// Benefits running on the last realised day of the year.
    pub lopend: usize,
    pub budget_definitief: Money,
    /// Realised lasten − baten.
    pub netto_gerealiseerd: Money,
    /// Net costs of the whole year: realised, plus for an incomplete year
    /// the remaining months at the last month's level.
    pub netto_lasten: Money,
    /// Budget − net costs (positive = overschot).
    pub resultaat: Money,
    /// Shortfall as a percentage of the definitief budget (negative = surplus), two decimals.
    pub tekort_pct: Decimal,
}

/// The demo gemeente, always the same.
pub fn voorbeeldstad() -> Demo {
    let gemeente: GemeenteCode = VOORBEELDSTAD.parse().expect("valid code");
    let model = Model::new(jiff::civil::date(EERSTE_JAAR as i16, 1, 1), PEILDATUM);
    let mut g = generator(gemeente, SEED, AANTAL_UITKERINGEN);
    let mut volgnummer = 0;
    let uitkeringen: Vec<SynthUitkering> = std::iter::from_fn(|| g.volgende(&model, &mut volgnummer)).collect();

    let inwoners =
        INWONERS.iter().enumerate().map(|(i, &aantal)| Inwoners { gemeente, jaar: Year::new(EERSTE_JAAR + i as i32), aantal }).collect();

    let realisatie = realisatie(gemeente, &uitkeringen);
    let budgetten = budgetten(gemeente, &realisatie);
    Demo { gemeente, naam: NAAM, inwoners, uitkeringen, budgetten, realisatie }
}

/// The months 2015-01 .. the peildatum's month, as (year, month, last day).
fn maanden() -> impl Iterator<Item = (i32, u32, Date)> {
    let (py, pm) = (i32::from(PEILDATUM.year()), PEILDATUM.month() as u32);
    (EERSTE_JAAR * 12..=py * 12 + pm as i32 - 1).map(|idx| {
        let (y, m) = (idx / 12, idx as u32 % 12 + 1);
        (y, m, naar_date(dag(y, m, dagen_in_maand(y, m))))
    })
}

fn prijs(jaar: i32) -> i64 {
    PRIJS_PER_UITKERING.iter().find(|p| p.0 == jaar).expect("price for every demo year").1
}

fn realisatie(gemeente: GemeenteCode, uitkeringen: &[SynthUitkering]) -> Vec<RealisatieMaand> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    rng.set_stream(1);
    maanden()
        .map(|(y, m, einde)| {
            let lopend = uitkeringen.iter().filter(|s| s.loopt_op(einde)).count() as i64;
            let uitkeringen = Money::from_euros(lopend * prijs(y));
            let lks = LKS_KOSTEN.iter().find(|l| l.0 == y).map(|&(_, kosten)| {
                let sinds = (y - 2020) as i64 * 12 + i64::from(m) - 1;
                Money::from_euros((10 + sinds * 4 / 5) * kosten)
            });
            let lasten = uitkeringen + lks.unwrap_or(Money::ZERO);
            // Baten: 1.5–2.5% of lasten, in parts per million, rounded to cents.
            let ppm: i64 = rng.random_range(15_000..=25_000);
            let baten = lasten.maal_breuk(i128::from(ppm), 1_000_000);
            RealisatieMaand { gemeente, jaar: Year::new(y), maand: m as u8, lasten, baten, lks }
        })
        .collect()
}

/// (realised net costs, months, full-year net costs) of `jaar`.
fn netto(realisatie: &[RealisatieMaand], jaar: i32) -> (Money, u8, Money) {
    let maanden: Vec<&RealisatieMaand> = realisatie.iter().filter(|r| r.jaar.get() == jaar).collect();
    let gerealiseerd: Money = maanden.iter().map(|r| r.lasten - r.baten).sum();
    let mut jaar_netto = gerealiseerd;
    if let Some(laatste) = maanden.last() {
        for _ in maanden.len()..12 {
            jaar_netto += laatste.lasten - laatste.baten;
        }
    }
    (gerealiseerd, maanden.len() as u8, jaar_netto)
}

fn lks_jaar(realisatie: &[RealisatieMaand], jaar: i32) -> Money {
    realisatie.iter().filter(|r| r.jaar.get() == jaar).filter_map(|r| r.lks).sum()
}

fn budgetten(gemeente: GemeenteCode, realisatie: &[RealisatieMaand]) -> Vec<Budgetbeschikking> {
    let mut uit = Vec::new();
    let mut definitief_laatste = Money::ZERO;
    for &(jaar, tekort_bp, v_pm, nv_pm) in &VERHAAL {
        let (_, _, netto_jaar) = netto(realisatie, jaar);
        let definitief = netto_jaar.maal_breuk_hele_euros(10_000, 10_000 + i128::from(tekort_bp));
        let blks = |basisjaar: i32| (jaar >= 2022).then(|| lks_jaar(realisatie, basisjaar).maal_breuk_hele_euros(BLKS_PROMILLE, 1_000));
        let beschikkingen = [
            (BudgetSoort::Voorlopig, v_pm, jaar - 1, 10, blks(jaar - 2)),
            (BudgetSoort::NaderVoorlopig, nv_pm, jaar, 5, blks(jaar - 1)),
            (BudgetSoort::Definitief, 0, jaar, 10, blks(jaar - 1)),
        ];
        for (soort, promille, datum_jaar, datum_maand, blks) in beschikkingen {
            let bedrag = definitief.maal_breuk_hele_euros(1_000 + i128::from(promille), 1_000);
            uit.push(beschikking(gemeente, jaar, soort, datum_jaar, datum_maand, bedrag, blks));
        }
        definitief_laatste = definitief;
    }
    let volgend = VERHAAL[VERHAAL.len() - 1].0 + 1;
    let bedrag = definitief_laatste.maal_breuk_hele_euros(VOORLOPIG_VOLGEND_JAAR, 1_000);
    let blks = lks_jaar(realisatie, volgend - 2).maal_breuk_hele_euros(BLKS_PROMILLE, 1_000);
    uit.push(beschikking(gemeente, volgend, BudgetSoort::Voorlopig, volgend - 1, 10, bedrag, Some(blks)));
    uit
}

fn beschikking(
    gemeente: GemeenteCode,
    jaar: i32,
    soort: BudgetSoort,
    datum_jaar: i32,
    datum_maand: i8,
    bedrag: Money,
    blks: Option<Money>,
) -> Budgetbeschikking {
    let macrobudget =
        buig_referentie::macrobudget().iter().find(|m| m.jaar.get() == jaar && m.beschikking == soort.code()).map(|m| m.bedrag);
    let aandeel = macrobudget.filter(|m| m.is_positive()).map(|m| {
        (bedrag.to_decimal() * Decimal::ONE_HUNDRED / m.to_decimal()).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
    });
    Budgetbeschikking {
        gemeente,
        jaar: Year::new(jaar),
        soort,
        datum: Some(jiff::civil::date(datum_jaar as i16, datum_maand, 1)),
        bedrag,
        blks,
        macrobudget,
        aandeel,
    }
}

impl Demo {
    /// Running benefits on `dag`.
    pub fn lopend_op(&self, dag: Date) -> usize {
        self.uitkeringen.iter().filter(|s| s.loopt_op(dag)).count()
    }

    /// The budget of `jaar` of kind `soort`, if decided.
    pub fn budget(&self, jaar: Year, soort: BudgetSoort) -> Option<&Budgetbeschikking> {
        self.budgetten.iter().find(|b| b.jaar == jaar && b.soort == soort)
    }

    /// Budget, net costs and result per year 2015..=2026.
    pub fn jaaroverzicht(&self) -> Vec<DemoJaar> {
        VERHAAL
            .iter()
            .map(|&(jaar, ..)| {
                let (netto_gerealiseerd, maanden, netto_lasten) = netto(&self.realisatie, jaar);
                let budget_definitief = self.budget(Year::new(jaar), BudgetSoort::Definitief).expect("every year").bedrag;
                let resultaat = budget_definitief - netto_lasten;
                let tekort_pct = round_to_cents(-resultaat.to_decimal() * Decimal::ONE_HUNDRED / budget_definitief.to_decimal());
                let laatste = i32::from(PEILDATUM.year()) == jaar;
                let op = if laatste { PEILDATUM } else { jiff::civil::date(jaar as i16, 12, 31) };
                DemoJaar {
                    jaar: Year::new(jaar),
                    maanden,
                    lopend: self.lopend_op(op),
                    budget_definitief,
                    netto_gerealiseerd,
                    netto_lasten,
                    resultaat,
                    tekort_pct,
                }
            })
            .collect()
    }
}
