// SPDX-License-Identifier: EUPL-1.2
//! Dates: `2023-12-31`, `31-12-2023`, `31/12/2023`, an ISO date-time at
//! midnight, an XLSX date cell or serial. Parsed on bytes by hand: a spells
//! file has millions of dates.

use calamine::ExcelDateTime;
use jiff::civil::Date;

use super::cell::{decode, excel_date, excel_error, invalid_date, quote, shown, Cell, DATE_YEARS};

fn not_a_date(shown: &str) -> String {
    format!("{} is geen geldige datum (verwacht bijvoorbeeld 2023-12-31 of 31-12-2023)", quote(shown))
}

/// A date cell: `2023-12-31`, `31-12-2023`, `31/12/2023` (day and month may
/// have one digit), an ISO date-time at midnight, or an XLSX date cell or
/// serial number.
pub(crate) fn date(cell: &Cell<'_>) -> Result<Option<Date>, String> {
    match *cell {
        Cell::Empty => Ok(None),
        Cell::Text(b) => date_bytes(b).map(Some).map_err(|bad| match bad {
            DateFault::Format => not_a_date(&decode(b)),
            DateFault::Calendar => invalid_date(&decode(b)),
        }),
        Cell::Iso(s) => date_bytes(s.as_bytes()).map(Some).map_err(|bad| match bad {
            DateFault::Format => not_a_date(s),
            DateFault::Calendar => invalid_date(s),
        }),
        Cell::DateTime(dt) if dt.is_datetime() => excel_date(dt).map(Some),
        Cell::Int(_) | Cell::Float(_) => {
            let serial = match *cell {
                Cell::Int(i) => i as f64,
                Cell::Float(f) => f,
                _ => unreachable!("matched above"),
            };
            excel_date(&ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, false)).map(Some)
        }
        Cell::Error(e) => Err(excel_error(e)),
        Cell::DateTime(_) | Cell::Bool(_) => Err(not_a_date(&shown(cell))),
    }
}

enum DateFault {
    /// Not a date notation at all.
    Format,
    /// A date notation naming a day that does not exist (31-02-2023).
    Calendar,
}

/// Parses `YYYY-MM-DD`, `D-M-YYYY` or with `/` instead of `-`, optionally
/// followed by a midnight time (`T00:00:00`, ` 00:00`).
fn date_bytes(b: &[u8]) -> Result<Date, DateFault> {
    // The fast path: exactly ISO `YYYY-MM-DD` or `DD-MM-YYYY`.
    let (y, m, d) = if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?)
    } else if b.len() == 10 && b[2] == b'-' && b[5] == b'-' {
        (digits(&b[6..10])?, digits(&b[3..5])?, digits(&b[0..2])?)
    } else {
        general_date(b)?
    };
    let (y, m, d) = (i16::try_from(y), i8::try_from(m), i8::try_from(d));
    match (y, m, d) {
        (Ok(y), Ok(m), Ok(d)) if DATE_YEARS.contains(&y) => Date::new(y, m, d).map_err(|_| DateFault::Calendar),
        _ => Err(DateFault::Calendar),
    }
}

fn digits(b: &[u8]) -> Result<u32, DateFault> {
    let mut n: u32 = 0;
    for &c in b {
        if !c.is_ascii_digit() {
            return Err(DateFault::Format);
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Ok(n)
}

fn general_date(b: &[u8]) -> Result<(u32, u32, u32), DateFault> {
    // Split off a time part at the first 'T' or space.
    let (date, time) = match b.iter().position(|&c| c == b'T' || c == b' ') {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    };
    if let Some(time) = time {
        let midnight = time.split(|&c| c == b':' || c == b'.').all(|part| !part.is_empty() && part.iter().all(|&c| c == b'0'));
        if !midnight || !time.contains(&b':') {
            return Err(DateFault::Format);
        }
    }
    let sep = *date.iter().find(|&&c| c == b'-' || c == b'/').ok_or(DateFault::Format)?;
    let mut parts = date.split(|&c| c == sep);
    let (p1, p2, p3) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), Some(c), None) => (a, b, c),
        _ => return Err(DateFault::Format),
    };
    let short = |p: &[u8]| (1..=2).contains(&p.len());
    if p1.len() == 4 && short(p2) && short(p3) {
        Ok((digits(p1)?, digits(p2)?, digits(p3)?))
    } else if short(p1) && short(p2) && p3.len() == 4 {
        Ok((digits(p3)?, digits(p2)?, digits(p1)?))
    } else {
        Err(DateFault::Format)
    }
}
