// SPDX-License-Identifier: EUPL-1.2
//! Percentages as exact decimals (`7.5` means 7,5%).
//!
//! Rule tables hold their percentages as text (`"7.5"`), parsed into a
//! [`Percentage`]; a share of an amount is computed exactly, and a test
//! "more than x% of B" is decided without rounding.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::Money;

/// A percentage, e.g. `Percentage::from_str("7.5")` for 7,5%.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Percentage(Decimal);

impl Percentage {
    pub const ZERO: Percentage = Percentage(Decimal::ZERO);
    pub const HUNDRED: Percentage = Percentage(Decimal::ONE_HUNDRED);

    pub fn new(percent: Decimal) -> Percentage {
        Percentage(percent)
    }

    /// The absolute value (8,21% for −8,21%).
    pub fn abs(self) -> Percentage {
        Percentage(self.0.abs())
    }

    /// The number of percent (7.5 for 7,5%).
    pub fn value(self) -> Decimal {
        self.0
    }

    /// The exact share of an amount, in euros (may have fractions of a cent).
    pub fn of(self, amount: Money) -> Decimal {
        amount.to_decimal() * self.0 / Decimal::ONE_HUNDRED
    }

    /// The exact share of an amount in euros.
    pub fn of_euros(self, euros: Decimal) -> Decimal {
        euros * self.0 / Decimal::ONE_HUNDRED
    }

    /// `part` as a percentage of `whole`, exact to 20 places; `None` when
    /// `whole` is zero.
    pub fn ratio(part: Money, whole: Money) -> Option<Percentage> {
        if whole == Money::ZERO {
            return None;
        }
        let p = Decimal::from(part.cents()) * Decimal::ONE_HUNDRED / Decimal::from(whole.cents());
        Some(Percentage(p))
    }
}

impl FromStr for Percentage {
    type Err = String;
    fn from_str(s: &str) -> Result<Percentage, String> {
        Decimal::from_str_exact(s.trim()).map(Percentage).map_err(|_| format!("\"{s}\" is geen percentage"))
    }
}

impl TryFrom<String> for Percentage {
    type Error = String;
    fn try_from(s: String) -> Result<Percentage, String> {
        s.parse()
    }
}

impl From<Percentage> for String {
    fn from(p: Percentage) -> String {
        p.0.normalize().to_string()
    }
}

impl fmt::Display for Percentage {
    /// Plain `7.5%`; use [`crate::nl::percentage`] for Dutch display.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0.normalize())
    }
}

/// Serde `serialize_with` for a percentage shown to a reader: a JSON number
/// with two decimals, half away from zero (8.205 → 8.21), as [`crate::nl`]
/// writes it. Decisions are taken on the exact value, never on this one.
pub fn ser_twee_decimalen<S: serde::Serializer>(p: &Percentage, s: S) -> Result<S::Ok, S::Error> {
    crate::money::serialize_euros(crate::money::round_to_cents(p.0), s)
}

/// [`ser_twee_decimalen`] for an optional percentage (`null` when absent).
pub fn ser_twee_decimalen_opt<S: serde::Serializer>(p: &Option<Percentage>, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Some(p) => ser_twee_decimalen(p, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_of_a_budget_is_exact_to_the_fraction_of_a_cent() {
        let p: Percentage = "7.5".parse().unwrap();
        assert_eq!(p.of(Money::from_euros(41_984_531)), Decimal::new(3_148_839_825, 3));
    }

    #[test]
    fn ratio_of_zero_budget_is_none() {
        assert_eq!(Percentage::ratio(Money::from_euros(1), Money::ZERO), None);
    }
}
