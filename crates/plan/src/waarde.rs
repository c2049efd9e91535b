// SPDX-License-Identifier: EUPL-1.2
//! Single values as a user types them on the command line or in a form:
//! a date and an exact number, with a Dutch message when they are not.

use jiff::civil::Date;
use rust_decimal::Decimal;

/// A date as a Dutch user types it: `31-12-2022` (also `31/12/2022`, `1-2-2022`) or ISO `2022-12-31`.
pub fn lees_datum(s: &str) -> Result<Date, String> {
    let t = s.trim();
    let fout = || format!("\"{t}\" is geen datum; schrijf dd-mm-jjjj, bijvoorbeeld 31-12-2024");
    let delen: Vec<&str> = t.split(['-', '/']).collect();
    let [a, b, c] = delen.as_slice() else { return Err(fout()) };
    let getal = |x: &str| if (1..=4).contains(&x.len()) { x.parse::<i16>().map_err(|_| fout()) } else { Err(fout()) };
    let (j, m, d) = match (a.len(), c.len()) {
        (4, 1..=2) => (getal(a)?, getal(b)?, getal(c)?),
        (1..=2, 4) => (getal(c)?, getal(b)?, getal(a)?),
        _ => return Err(fout()),
    };
    if !(1900..=2100).contains(&j) {
        return Err(fout());
    }
    let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else { return Err(fout()) };
    Date::new(j, m, d).map_err(|_| format!("\"{t}\" bestaat niet als datum"))
}

/// An exact number: `4`, `2.5`, `2,5`.
pub fn lees_getal(s: &str) -> Result<Decimal, String> {
    Decimal::from_str_exact(&s.trim().replace(',', ".")).map_err(|_| format!("\"{}\" is geen getal", s.trim()))
}
