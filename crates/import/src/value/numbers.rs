// SPDX-License-Identifier: EUPL-1.2
//! Whole numbers, years, percentages, gemeente codes and the periods of a
//! comparison series.

use buig_core::{GemeenteCode, Year};
use rust_decimal::Decimal;

use super::cell::{decode, excel_error, float_text, grouped, is_space, quote, shown, text, Cell};

/// Years of budgets, realisation and inhabitants (SPEC: four digits, 1990–2100).
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// A whole number: `12`, `123456`, `123.456` (grouped), or an integral
/// spreadsheet number.
pub(crate) fn count(cell: &Cell<'_>) -> Result<Option<u64>, String> {
    let bad = |shown: &str| format!("{} is geen geheel getal", quote(shown));
    match *cell {
        Cell::Empty => Ok(None),
        Cell::Text(b) => {
            let ok = b.iter().all(u8::is_ascii_digit) || grouped(b, b'.') || grouped(b, b',');
            if !ok || b.len() > 19 {
                return Err(bad(&decode(b)));
            }
            let mut n: u64 = 0;
            for &c in b.iter().filter(|c| c.is_ascii_digit()) {
                n = n.checked_mul(10).and_then(|n| n.checked_add(u64::from(c - b'0'))).ok_or_else(|| bad(&decode(b)))?;
            }
            Ok(Some(n))
        }
        Cell::Int(i) => u64::try_from(i).map(Some).map_err(|_| bad(&i.to_string())),
        Cell::Float(f) => {
            if f.is_finite() && f.fract() == 0.0 && (0.0..1e15).contains(&f) {
                Ok(Some(f as u64))
            } else {
                Err(bad(&float_text(f)))
            }
        }
        Cell::Error(e) => Err(excel_error(e)),
        Cell::Iso(_) | Cell::DateTime(_) | Cell::Bool(_) => Err(bad(&shown(cell))),
    }
}

/// A year: four digits, 1990–2100.
pub(crate) fn year(cell: &Cell<'_>) -> Result<Option<Year>, String> {
    let bad = |shown: &str| format!("{} is geen geldig jaar (verwacht vier cijfers, 1990–2100)", quote(shown));
    let n = match *cell {
        Cell::Empty => return Ok(None),
        Cell::Text(b) if b.len() == 4 && b.iter().all(u8::is_ascii_digit) => b.iter().fold(0i32, |n, &c| n * 10 + i32::from(c - b'0')),
        Cell::Int(i) => i32::try_from(i).map_err(|_| bad(&i.to_string()))?,
        Cell::Float(f) if f.fract() == 0.0 && (0.0..10000.0).contains(&f) => f as i32,
        Cell::Error(e) => return Err(excel_error(e)),
        _ => return Err(bad(&shown(cell))),
    };
    if YEARS.contains(&n) {
        Ok(Some(Year::new(n)))
    } else {
        Err(bad(&n.to_string()))
    }
}

/// A percentage as a number of percents: `0.62`, `0,62` or `0,62%` → 0.62.
pub(crate) fn percent(cell: &Cell<'_>) -> Result<Option<Decimal>, String> {
    let bad = |shown: &str| format!("{} is geen percentage (verwacht bijvoorbeeld 0,62 of 0,62%)", quote(shown));
    let d = match *cell {
        Cell::Empty => return Ok(None),
        Cell::Text(b) => {
            let t = decode(b);
            let s = t.strip_suffix('%').unwrap_or(&t).trim_matches(is_space);
            let ok = !s.is_empty()
                && s.bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
                && s.bytes().filter(|&c| c == b'.' || c == b',').count() <= 1
                && s.as_bytes()[0].is_ascii_digit();
            if !ok {
                return Err(bad(&t));
            }
            Decimal::from_str_exact(&s.replace(',', ".")).map_err(|_| bad(&t))?
        }
        Cell::Int(i) => Decimal::from(i),
        Cell::Float(f) if f.is_finite() && f.abs() < 1e9 => Decimal::from_str_exact(&float_text(f)).map_err(|_| bad(&float_text(f)))?,
        Cell::Error(e) => return Err(excel_error(e)),
        _ => return Err(bad(&shown(cell))),
    };
    if d <= Decimal::ZERO || d > Decimal::ONE_HUNDRED {
        return Err(format!("{} ligt niet tussen 0 en 100 procent", quote(&shown(cell))));
    }
    Ok(Some(d.normalize()))
}

/// A CBS gemeente code (`GM0150`).
pub(crate) fn gemeente(cell: &Cell<'_>) -> Result<Option<GemeenteCode>, String> {
    match text(cell)? {
        None => Ok(None),
        Some(t) => t.parse().map(Some),
    }
}

/// A period of a comparison series, as `buig bestand` labels it: months
/// `2023-01` (also CBS StatLine's `2023MM01`), quarters `2023-K1` (CBS
/// `2023KW01`) and years `2023` (CBS `2023JJ00`). Years 1990–2100.
pub(crate) fn periode(t: &str) -> Result<String, String> {
    let t = t.trim();
    let bad =
        || format!("{} is geen periode (verwacht 2023-01, 2023-K1 of 2023, of zoals CBS schrijft 2023MM01, 2023KW01, 2023JJ00)", quote(t));
    let u = t.to_ascii_uppercase();
    let jaar: i32 = match u.get(..4) {
        Some(j) if j.bytes().all(|b| b.is_ascii_digit()) => j.parse().map_err(|_| bad())?,
        _ => return Err(bad()),
    };
    if !YEARS.contains(&jaar) {
        return Err(bad());
    }
    let rest = &u[4..];
    let getal = |s: &str, max: u32| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .filter(|n| (1..=max).contains(n))
    };
    let uit = if rest.is_empty() || rest == "JJ00" {
        Some(format!("{jaar:04}"))
    } else if let Some(m) =
        rest.strip_prefix("MM").filter(|m| m.len() == 2).or_else(|| rest.strip_prefix('-').filter(|m| m.len() == 2 && !m.starts_with('K')))
    {
        getal(m, 12).map(|m| format!("{jaar:04}-{m:02}"))
    } else if let Some(k) = rest.strip_prefix("KW").filter(|k| k.len() == 2).or_else(|| rest.strip_prefix("-K")) {
        getal(k, 4).map(|k| format!("{jaar:04}-K{k}"))
    } else {
        None
    };
    uit.ok_or_else(bad)
}
