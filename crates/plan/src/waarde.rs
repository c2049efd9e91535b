// SPDX-License-Identifier: EUPL-1.2
//! Single values as a user types them on the command line or in a form:
//! a date and an exact number, with a Dutch message when they are not.

use jiff::civil::Date;
use rust_decimal::Decimal;

/// A date argument: `2022-12-31`.
pub fn lees_datum(s: &str) -> Result<Date, String> {
    s.trim().parse::<Date>().map_err(|_| format!("\"{}\" is geen datum; schrijf JJJJ-MM-DD", s.trim()))
}

/// An exact number: `4`, `2.5`, `2,5`.
pub fn lees_getal(s: &str) -> Result<Decimal, String> {
    Decimal::from_str_exact(&s.trim().replace(',', ".")).map_err(|_| format!("\"{}\" is geen getal", s.trim()))
}
