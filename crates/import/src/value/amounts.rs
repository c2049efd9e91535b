// SPDX-License-Identifier: EUPL-1.2
//! Amounts in euros, as files and users write them (`1.234,56`,
//! `€ -1.234`, a spreadsheet number): exact cents or a refusal, never
//! rounded. Parsed on bytes by hand, like the dates.

use buig_core::money::MoneyError;
use buig_core::Money;
use rust_decimal::Decimal;

use super::cell::{decode, excel_error, float_text, grouped, is_space, shown, Cell};

/// The largest amount accepted: a thousand billion euros (as `buig_core::money`).
const MAX_EUROS: i64 = 1_000_000_000_000;

/// An amount in euros: `1234.56`, `1234,56`, `1.234,56`, `€ 1.234,56`,
/// `-500`, `€ -1.234`. When both `.` and `,` occur, the last one is the
/// decimal separator. A single separator followed by exactly three digits
/// is read as grouped thousands when it is the file's thousands separator
/// — the dot with `comma_decimal` (`;` files, XLSX text: `1.234` is 1234),
/// the comma otherwise (`,` files: `"1,234"` is 1234) — and as the decimal
/// separator otherwise, so it then has three decimals and is refused.
pub(crate) fn money(cell: &Cell<'_>, comma_decimal: bool) -> Result<Option<Money>, String> {
    match *cell {
        Cell::Empty => Ok(None),
        Cell::Text(b) => money_text(&decode(b), comma_decimal).map(Some).map_err(|e| e.to_string()),
        Cell::Int(i) => {
            if i.unsigned_abs() > MAX_EUROS.unsigned_abs() {
                return Err(MoneyError::OutOfRange(i.to_string()).to_string());
            }
            Ok(Some(Money::from_euros(i)))
        }
        Cell::Float(f) => money_float(f).map(Some).map_err(|e| e.to_string()),
        Cell::Error(e) => Err(excel_error(e)),
        Cell::Iso(_) | Cell::DateTime(_) | Cell::Bool(_) => Err(MoneyError::NotANumber(shown(cell)).to_string()),
    }
}

/// A spreadsheet number as euros: read through its shortest decimal form,
/// so `1234.56` is exactly 123456 cents and `0.1 + 0.2` is refused.
pub(super) fn money_float(f: f64) -> Result<Money, MoneyError> {
    if !f.is_finite() {
        return Err(MoneyError::NotANumber(float_text(f)));
    }
    if f.abs() > MAX_EUROS as f64 {
        return Err(MoneyError::OutOfRange(float_text(f)));
    }
    let text = float_text(f);
    let d = Decimal::from_str_exact(&text).map_err(|_| MoneyError::NotANumber(text.clone()))?;
    Money::from_decimal_euros(d)
}

/// A leading `-` (`Some(true)`) or `+` (`Some(false)`) and the rest.
fn strip_sign(s: &str) -> (Option<bool>, &str) {
    if let Some(r) = s.strip_prefix('-') {
        (Some(true), r.trim_start_matches(is_space))
    } else if let Some(r) = s.strip_prefix('+') {
        (Some(false), r.trim_start_matches(is_space))
    } else {
        (None, s)
    }
}

pub(crate) fn money_text(t: &str, comma_decimal: bool) -> Result<Money, MoneyError> {
    let original = t.trim_matches(is_space);
    let nan = || MoneyError::NotANumber(original.to_string());
    let (sign, s) = strip_sign(original);
    let (s, euro_sign) = match s.strip_prefix('€').or_else(|| s.strip_prefix("EUR")) {
        Some(r) => (r.trim_start_matches(is_space), true),
        None => (s, false),
    };
    // `€ -1.234` as well as `-€ 1.234`, but not both signs.
    let (sign, s) = if euro_sign && sign.is_none() { strip_sign(s) } else { (sign, s) };
    let negative = sign == Some(true);
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b.iter().all(|&c| c.is_ascii_digit() || c == b'.' || c == b',') {
        return Err(nan());
    }
    let dots = b.iter().filter(|&&c| c == b'.').count();
    let commas = b.iter().filter(|&&c| c == b',').count();
    let last = |sep: u8| b.iter().rposition(|&c| c == sep);
    // (decimal separator, grouping separator)
    let (dec, group) = match (dots, commas) {
        (0, 0) => (None, None),
        (d, 0) if d > 1 => (None, Some(b'.')),
        (_, 0) => {
            if comma_decimal && grouped(b, b'.') {
                (None, Some(b'.'))
            } else {
                (Some(b'.'), None)
            }
        }
        (0, c) if c > 1 => (None, Some(b',')),
        (0, _) => {
            if !comma_decimal && grouped(b, b',') {
                (None, Some(b','))
            } else {
                (Some(b','), None)
            }
        }
        _ => {
            if last(b'.') > last(b',') {
                (Some(b'.'), Some(b','))
            } else {
                (Some(b','), Some(b'.'))
            }
        }
    };
    let (int, frac) = match dec {
        Some(sep) => {
            let i = last(sep).expect("counted above");
            (&b[..i], &b[i + 1..])
        }
        None => (b, &b[b.len()..]),
    };
    if dec.is_some() && frac.is_empty() {
        return Err(nan());
    }
    if !frac.iter().all(u8::is_ascii_digit) {
        return Err(nan());
    }
    match group {
        Some(g) if int.contains(&g) => {
            if !grouped(int, g) {
                return Err(nan());
            }
        }
        _ => {
            if !int.iter().all(u8::is_ascii_digit) {
                return Err(nan());
            }
        }
    }
    if frac.len() > 2 {
        return Err(MoneyError::SubCent(original.to_string()));
    }
    let mut euros: i64 = 0;
    for &c in int.iter().filter(|c| c.is_ascii_digit()) {
        euros = euros
            .checked_mul(10)
            .and_then(|e| e.checked_add(i64::from(c - b'0')))
            .filter(|&e| e <= MAX_EUROS)
            .ok_or_else(|| MoneyError::OutOfRange(original.to_string()))?;
    }
    let mut cents = euros * 100;
    let mut unit = 10;
    for &c in frac {
        cents += i64::from(c - b'0') * unit;
        unit /= 10;
    }
    Ok(Money::from_cents(if negative { -cents } else { cents }))
}
