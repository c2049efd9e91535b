// SPDX-License-Identifier: EUPL-1.2
//! The planning-and-control cycle: a prognosis recorded as a report moment
//! ([`Rapportage`], from its headline) and how a later prognosis of the
//! same year moved since ([`VorigeRapportage`]), the change split into
//! volume, price, budget and the rest so the four add up to the euro:
//!
//! - `budget` = B₁ − B₀ (the headline budgets);
//! - `volume` = −(V₁ − V₀) × P₀: more benefit-months at the old price;
//! - `prijs` = −(P₁ − P₀) × V₁: the new price on the new volume;
//! - `overig` = the change in the result minus those three: LKS, the
//!   difference between the headline (the centre of the runs) and the
//!   deterministic volume × price, and rounding.
//!
//! V is the year's benefit-months (realised and projected stands summed),
//! P the net costs per benefit-month without LKS, both of the
//! deterministic prognosis at the peildatum. Each effect is signed as it
//! moves the result: positive is better.

use buig_core::records::Rapportage;
use buig_core::{money, Money};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::kop::Kop;
use crate::prognose::{dec, Prognose};

/// How this prognosis moved since the last recorded report moment of its year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VorigeRapportage {
    /// The report moment's peildatum (ISO).
    pub peildatum: String,
    /// When it was recorded (UTC).
    pub vastgelegd: String,
    /// Its headline result.
    #[serde(with = "money::euros")]
    pub resultaat: Money,
    /// This result − that result (positive = better).
    #[serde(with = "money::euros")]
    pub verschil: Money,
    #[serde(with = "money::euros")]
    pub volume: Money,
    #[serde(with = "money::euros")]
    pub prijs: Money,
    #[serde(with = "money::euros")]
    pub budget: Money,
    #[serde(with = "money::euros")]
    pub overig: Money,
}

/// The report moment of a prognosis (`PrognoseUitkomst::prognose` and
/// `::kop`): its headline and the volume and price it was made of.
pub fn rapportage(prognose: &Prognose, kop: &Kop) -> Rapportage {
    let volume: Decimal = prognose.maanden.iter().map(|m| dec(m.stand, 1)).sum();
    Rapportage {
        jaar: prognose.jaar,
        peildatum: prognose.peildatum.parse().unwrap_or_default(),
        vastgelegd: String::new(),
        door: None,
        resultaat: kop.resultaat,
        budget: kop.budget,
        netto_lasten: kop.netto_lasten,
        volume,
        prijs: prognose.prijs_per_uitkering,
    }
}

fn cents(d: Decimal) -> Money {
    Money::from_decimal_euros(money::round_to_cents(d)).unwrap_or(Money::ZERO)
}

/// `nu` against the earlier report moment `vorig`.
pub fn vergelijk(vorig: &Rapportage, nu: &Rapportage) -> VorigeRapportage {
    let verschil = nu.resultaat - vorig.resultaat;
    let budget = nu.budget - vorig.budget;
    let volume = -cents((nu.volume - vorig.volume) * vorig.prijs);
    let prijs = -cents((nu.prijs - vorig.prijs) * nu.volume);
    VorigeRapportage {
        peildatum: vorig.peildatum.to_string(),
        vastgelegd: vorig.vastgelegd.clone(),
        resultaat: vorig.resultaat,
        verschil,
        volume,
        prijs,
        budget,
        overig: verschil - budget - volume - prijs,
    }
}

/// The last report moment of the prognosis's year before its peildatum, compared.
pub fn sinds_vorige(rapportages: &[Rapportage], prognose: &Prognose, kop: &Kop) -> Option<VorigeRapportage> {
    let nu = rapportage(prognose, kop);
    rapportages.iter().filter(|r| r.jaar == nu.jaar && r.peildatum < nu.peildatum).max_by_key(|r| r.peildatum).map(|v| vergelijk(v, &nu))
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // amounts in cents read as euros_cents
mod tests {
    use super::*;
    use buig_core::Year;
    use proptest::prelude::*;

    fn r(resultaat: i64, budget: i64, volume: i64, prijs_cent: i64) -> Rapportage {
        Rapportage {
            jaar: Year::new(2026),
            peildatum: jiff::civil::date(2026, 6, 30),
            vastgelegd: String::new(),
            door: None,
            resultaat: Money::from_cents(resultaat),
            budget: Money::from_cents(budget),
            netto_lasten: Money::from_cents(budget - resultaat),
            volume: Decimal::new(volume, 1),
            prijs: Decimal::new(prijs_cent, 2),
        }
    }

    #[test]
    fn more_benefits_at_the_old_price_is_the_volume_effect_and_the_rest_adds_up() {
        // 120 benefit-months more at € 1.000: € 120.000 worse; the price 10 cents higher on 12.120 months: € 1.212 worse.
        let v = vergelijk(&r(-100_000_00, 40_000_000_00, 120_000, 1_000_00), &r(-200_000_00, 40_050_000_00, 121_200, 1_000_10));
        assert_eq!(v.verschil, Money::from_cents(-100_000_00));
        assert_eq!(v.budget, Money::from_cents(50_000_00));
        assert_eq!(v.volume, Money::from_cents(-120_000_00));
        assert_eq!(v.prijs, Money::from_cents(-1_212_00));
        assert_eq!(v.overig, Money::from_cents(-28_788_00));
    }

    proptest! {
        #[test]
        fn the_four_parts_always_add_up_to_the_change_to_the_cent(
            a in -10_000_000_00i64..10_000_000_00, b in -10_000_000_00i64..10_000_000_00,
            ba in 1_000_000_00i64..100_000_000_00, bb in 1_000_000_00i64..100_000_000_00,
            va in 0i64..1_000_000, vb in 0i64..1_000_000, pa in 0i64..500_000, pb in 0i64..500_000,
        ) {
            let v = vergelijk(&r(a, ba, va, pa), &r(b, bb, vb, pb));
            prop_assert_eq!(v.volume + v.prijs + v.budget + v.overig, v.verschil);
            prop_assert_eq!(v.verschil, Money::from_cents(b - a));
        }
    }
}
