// SPDX-License-Identifier: EUPL-1.2
//! Exact money: an amount of euros held as integer cents.
//!
//! Amounts enter the program as euros with at most two decimals and are
//! stored as cents in an `i64`. Calculations that produce fractions of a
//! cent (a percentage of a budget) work in [`Decimal`] and are rounded
//! once, at the place the rule says (see [`round_to_whole_euros`]).

use std::fmt;
use std::ops::{Add, Neg, Sub};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The largest amount accepted from input: a thousand billion euros.
/// Far above any municipal or national budget, far below `i64` cents.
const MAX_EUROS: i64 = 1_000_000_000_000;

/// An exact amount of money in euro cents. Negative amounts are allowed
/// (a negative tekort is a surplus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(i64);

/// Why a text or number is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("\"{0}\" is geen bedrag")]
    NotANumber(String),
    #[error("{0} heeft meer dan twee decimalen (bedragen zijn in euro's met hoogstens centen)")]
    SubCent(String),
    #[error("{0} is buiten het toegestane bereik (hoogstens 1.000 miljard euro)")]
    OutOfRange(String),
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    /// Whole euros; panics never, saturates never: callers pass real amounts.
    pub const fn from_euros(euros: i64) -> Money {
        Money(euros * 100)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// The amount in euros as an exact decimal (e.g. `1234.56`).
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// Exact conversion from a decimal number of euros; refuses fractions of
    /// a cent and absurd magnitudes.
    pub fn from_decimal_euros(euros: Decimal) -> Result<Money, MoneyError> {
        let text = euros.normalize().to_string();
        if euros.abs() > Decimal::from(MAX_EUROS) {
            return Err(MoneyError::OutOfRange(text));
        }
        let cents = euros * Decimal::ONE_HUNDRED;
        if cents.fract() != Decimal::ZERO {
            return Err(MoneyError::SubCent(text));
        }
        let cents: i64 = cents.trunc().try_into().map_err(|_| MoneyError::OutOfRange(text))?;
        Ok(Money(cents))
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn abs(self) -> Money {
        Money(self.0.abs())
    }

    /// `self × teller / noemer`, exact, rounded once to cents half away from zero
    /// (`noemer` > 0): a share of an amount without a float.
    pub fn maal_breuk(self, teller: i128, noemer: i128) -> Money {
        Money(deel_afgerond(i128::from(self.0) * teller, noemer) as i64)
    }

    /// `self × teller / noemer` rounded once to whole euros, half away from zero.
    pub fn maal_breuk_hele_euros(self, teller: i128, noemer: i128) -> Money {
        Money::from_euros(deel_afgerond(i128::from(self.0) * teller, noemer * 100) as i64)
    }
}

/// `a / b` rounded half away from zero (`b` > 0).
fn deel_afgerond(a: i128, b: i128) -> i128 {
    let (q, r) = (a / b, a % b);
    if 2 * r.abs() >= b {
        q + a.signum()
    } else {
        q
    }
}

/// Parses plain decimal euros: `41984531`, `-500000`, `1234.56`.
impl FromStr for Money {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Money, MoneyError> {
        let t = s.trim();
        let d = Decimal::from_str_exact(t).map_err(|_| MoneyError::NotANumber(t.to_string()))?;
        Money::from_decimal_euros(d)
    }
}

impl fmt::Display for Money {
    /// Plain euros with cents (`1234.56`), for logs and machine output.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_decimal())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// Rounds an exact amount of euros to whole euros, half away from zero
/// ("rekenkundig afronden"), as the vangnet decisions state their amounts.
pub fn round_to_whole_euros(euros: Decimal) -> Decimal {
    euros.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds an exact amount of euros to cents, half away from zero.
pub fn round_to_cents(euros: Decimal) -> Decimal {
    euros.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Serde adapter for amounts written as euros in JSON or TOML input:
/// `#[serde(with = "buig_core::money::euros")]`.
///
/// Accepts integers, decimal strings (`"1234.56"`) and decimal numbers.
/// A decimal number arrives from the parser as a binary float; it is read
/// back through its shortest round-trip decimal form, which is exactly the
/// literal the user typed for any amount of at most 15 significant digits
/// (every budget to the cent). The amount then becomes integer cents, so no
/// float ever takes part in a calculation. Output is a JSON number in euros.
pub mod euros {
    use super::*;
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(m: &Money, s: S) -> Result<S::Ok, S::Error> {
        super::serialize_euros(m.to_decimal(), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        d.deserialize_any(EuroVisitor)
    }

    struct EuroVisitor;

    impl Visitor<'_> for EuroVisitor {
        type Value = Money;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("een bedrag in euro's (bijvoorbeeld 41984531 of 1234.56)")
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
            Money::from_decimal_euros(Decimal::from(v)).map_err(E::custom)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
            let v = i64::try_from(v).map_err(|_| E::custom(MoneyError::OutOfRange(v.to_string())))?;
            self.visit_i64(v)
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
            if !v.is_finite() {
                return Err(E::custom(MoneyError::NotANumber(v.to_string())));
            }
            // `{}` prints the shortest decimal that reads back as `v`.
            let text = format!("{v}");
            let d = Decimal::from_str(&text)
                .or_else(|_| Decimal::from_scientific(&text))
                .map_err(|_| E::custom(MoneyError::OutOfRange(text.clone())))?;
            Money::from_decimal_euros(d).map_err(E::custom)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
            v.parse::<Money>().map_err(E::custom)
        }
    }
}

/// Serde adapter for an optional amount in euros.
pub mod euros_opt {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(m: &Option<Money>, s: S) -> Result<S::Ok, S::Error> {
        match m {
            Some(m) => super::euros::serialize(m, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Money>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "super::euros")] Money);
        Option::<Wrap>::deserialize(d).map(|w| w.map(|Wrap(m)| m))
    }
}

/// Serde `serialize_with` for any exact decimal (an amount, a percentage)
/// as a JSON number — never a string, never via float arithmetic.
pub fn ser_getal<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    serialize_euros(*d, s)
}

/// [`ser_getal`] for an optional decimal (`null` when absent).
pub fn ser_getal_opt<S: serde::Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => serialize_euros(*d, s),
        None => s.serialize_none(),
    }
}

/// Writes an exact decimal amount of euros as a JSON number (`149870`,
/// `3148839.83`), without going through a float.
pub fn serialize_euros<S: serde::Serializer>(d: Decimal, s: S) -> Result<S::Ok, S::Error> {
    let d = d.normalize();
    if d.fract().is_zero() {
        if let Ok(i) = i64::try_from(d) {
            return s.serialize_i64(i);
        }
    }
    // Whole cents at most (callers round first); an f64 prints them
    // exactly back as the shortest decimal, e.g. 3148839.83.
    let f: f64 = d.to_string().parse().map_err(serde::ser::Error::custom)?;
    s.serialize_f64(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_with_cents_become_exact_cents() {
        assert_eq!("1234.56".parse::<Money>().unwrap().cents(), 123_456);
        assert_eq!("-500000".parse::<Money>().unwrap().cents(), -50_000_000);
    }

    #[test]
    fn fractions_of_a_cent_are_refused() {
        assert!(matches!("1.005".parse::<Money>(), Err(MoneyError::SubCent(_))));
    }

    #[test]
    fn json_numbers_are_read_as_the_literal_typed() {
        #[derive(Deserialize)]
        struct A {
            #[serde(with = "euros")]
            a: Money,
        }
        let a: A = serde_json::from_str(r#"{"a": 41984531.07}"#).unwrap();
        assert_eq!(a.a.cents(), 4_198_453_107);
        let a: A = serde_json::from_str(r#"{"a": 0.1}"#).unwrap();
        assert_eq!(a.a.cents(), 10);
        assert!(serde_json::from_str::<A>(r#"{"a": 1e300}"#).is_err());
        assert!(serde_json::from_str::<A>(r#"{"a": "twee"}"#).is_err());
    }

    #[test]
    fn a_fraction_of_an_amount_is_rounded_once_half_away_from_zero() {
        assert_eq!(Money::from_cents(150).maal_breuk(1, 100), Money::from_cents(2)); // 1,5 cent → 2
        assert_eq!(Money::from_cents(-150).maal_breuk(1, 100), Money::from_cents(-2));
        assert_eq!(Money::from_cents(149).maal_breuk(1, 100), Money::from_cents(1));
        assert_eq!(Money::from_euros(41_984_531).maal_breuk_hele_euros(75, 1000), Money::from_euros(3_148_840));
    }

    #[test]
    fn rounding_to_whole_euros_is_half_away_from_zero() {
        assert_eq!(round_to_whole_euros(Decimal::new(1498700875, 4)), Decimal::from(149870));
        assert_eq!(round_to_whole_euros(Decimal::new(5, 1)), Decimal::ONE);
        assert_eq!(round_to_whole_euros(Decimal::new(-5, 1)), -Decimal::ONE);
    }

    proptest::proptest! {
        #[test]
        fn any_two_decimal_amount_round_trips_through_json(cents in -10_000_000_000_000i64..10_000_000_000_000) {
            #[derive(Serialize, Deserialize)]
            struct A { #[serde(with = "euros")] a: Money }
            let text = serde_json::to_string(&A { a: Money::from_cents(cents) }).unwrap();
            let back: A = serde_json::from_str(&text).unwrap();
            proptest::prop_assert_eq!(back.a.cents(), cents);
        }
    }
}
