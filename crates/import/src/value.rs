//! One cell's value: the [`Cell`] both sources (CSV bytes, XLSX cells) hand
//! to the row converter, and the parsers that turn a cell into a date, an
//! amount, a year, a count, a percentage, a gemeente code or text. Every
//! parser returns `Ok(None)` for an empty cell and a Dutch message (without
//! row or column; the caller adds those) for a bad one.
//!
//! The date and amount parsers work on bytes by hand: a spells file has
//! millions of rows and a general parser would dominate the import time.

use std::borrow::Cow;

use buig_core::money::MoneyError;
use buig_core::{GemeenteCode, Money, Year};
use calamine::{CellErrorType, ExcelDateTime};
use jiff::civil::Date;
use rust_decimal::Decimal;

/// The largest amount accepted: a thousand billion euros (as `buig_core::money`).
const MAX_EUROS: i64 = 1_000_000_000_000;
/// Dates outside these years are typing errors in this domain.
const DATE_YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;
/// Years of budgets, realisation and inhabitants (SPEC: four digits, 1990–2100).
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;
/// Quoted cell text in messages is cut here, so a stray multi-line field
/// does not flood the error list.
const QUOTE_MAX_CHARS: usize = 60;

/// A cell as a source hands it over. Text is already trimmed and never empty
/// (an empty or blank cell is [`Cell::Empty`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cell<'a> {
    Empty,
    /// CSV field or XLSX text cell: UTF-8, or Windows-1252 from an Excel "CSV (gescheiden door lijstscheidingsteken)".
    Text(&'a [u8]),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// An XLSX cell with a date (or duration) format.
    DateTime(&'a ExcelDateTime),
    /// An ISO 8601 date or date-time from an XLSX (`2023-12-31T00:00:00`).
    Iso(&'a str),
    /// An Excel error value (`#N/A`, `#DIV/0!`).
    Error(&'a CellErrorType),
}

impl Cell<'_> {
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }
}

/// Trims ASCII whitespace, a no-break space and a narrow no-break space
/// (both common in copied spreadsheet figures) from both ends.
pub(crate) fn trim_bytes(mut b: &[u8]) -> &[u8] {
    loop {
        let before = b.len();
        b = b.trim_ascii();
        for nbsp in [&[0xC2, 0xA0][..], &[0xE2, 0x80, 0xAF][..]] {
            if let Some(r) = b.strip_prefix(nbsp) {
                b = r;
            }
            if let Some(r) = b.strip_suffix(nbsp) {
                b = r;
            }
        }
        if b.len() == before {
            return b;
        }
    }
}

/// Decodes field bytes: UTF-8 when valid, otherwise Windows-1252 (what Dutch
/// Excel writes for "CSV (gescheiden door lijstscheidingsteken)").
pub(crate) fn decode(b: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(b) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(b.iter().map(|&c| windows_1252(c)).collect()),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

/// `"text"` for a message, cut at [`QUOTE_MAX_CHARS`] characters.
pub(crate) fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(QUOTE_MAX_CHARS).collect();
    if chars.next().is_some() {
        format!("\"{head}…\"")
    } else {
        format!("\"{head}\"")
    }
}

fn excel_error(e: &CellErrorType) -> String {
    format!("de cel bevat een Excel-fout ({e})")
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "WAAR"
    } else {
        "ONWAAR"
    }
}

/// A float as the shortest decimal that reads back as it: `0.62`, `123456789`.
fn float_text(f: f64) -> String {
    // `{}` never uses an exponent and prints the shortest round-trip form.
    format!("{f}")
}

/// The cell as text, for names, codes and the client id. Numbers become
/// their shortest decimal form (`123456789`, not `123456789.0`).
pub(crate) fn text<'a>(cell: &Cell<'a>) -> Result<Option<Cow<'a, str>>, String> {
    Ok(match *cell {
        Cell::Empty => None,
        Cell::Text(b) => Some(decode(b)),
        Cell::Int(i) => Some(Cow::Owned(i.to_string())),
        Cell::Float(f) => Some(Cow::Owned(float_text(f))),
        Cell::Bool(b) => Some(Cow::Borrowed(bool_text(b))),
        Cell::Iso(s) => Some(Cow::Borrowed(s)),
        Cell::DateTime(dt) => Some(Cow::Owned(match excel_date(dt) {
            Ok(d) => d.to_string(),
            Err(_) => float_text(dt.as_f64()),
        })),
        Cell::Error(e) => return Err(excel_error(e)),
    })
}

/// What the cell shows, for quoting in a message.
fn shown(cell: &Cell<'_>) -> String {
    match text(cell) {
        Ok(Some(t)) => t.into_owned(),
        Ok(None) => String::new(),
        Err(_) => String::from("#fout"),
    }
}

// ---------------------------------------------------------------- dates

fn not_a_date(shown: &str) -> String {
    format!("{} is geen geldige datum (verwacht bijvoorbeeld 2023-12-31 of 31-12-2023)", quote(shown))
}

fn invalid_date(shown: &str) -> String {
    format!("{} is geen geldige datum", quote(shown))
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

/// An Excel date serial (1900 or 1904 system) as a calendar date; the time
/// of day is dropped.
fn excel_date(dt: &ExcelDateTime) -> Result<Date, String> {
    let v = dt.as_f64();
    // Serial 1 is 1900-01-01; 2958465 is 9999-12-31. Outside: not a date.
    if !v.is_finite() || !(1.0..2_958_466.0).contains(&v) {
        return Err(format!("{} is geen geldige datum", quote(&float_text(v))));
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    let shown = format!("{y:04}-{m:02}-{d:02}");
    match i16::try_from(y) {
        Ok(y) if DATE_YEARS.contains(&y) => Date::new(y, m as i8, d as i8).map_err(|_| invalid_date(&shown)),
        _ => Err(invalid_date(&shown)),
    }
}

// ---------------------------------------------------------------- money

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
fn money_float(f: f64) -> Result<Money, MoneyError> {
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

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{A0}' || c == '\u{202F}'
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

/// Whether `b` is digits grouped in threes by `sep`: `1.234.567`
/// (first group 1–3 digits, not starting with 0; at least one separator).
fn grouped(b: &[u8], sep: u8) -> bool {
    let mut groups = b.split(|&c| c == sep);
    let first = groups.next().unwrap_or_default();
    if first.is_empty() || first.len() > 3 || first[0] == b'0' || !first.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut n = 0;
    for g in groups {
        if g.len() != 3 || !g.iter().all(u8::is_ascii_digit) {
            return false;
        }
        n += 1;
    }
    n > 0
}

// ---------------------------------------------------------------- numbers

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

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str, comma_decimal: bool) -> Result<i64, String> {
        money_text(s, comma_decimal).map(Money::cents).map_err(|e| e.to_string())
    }

    #[test]
    fn amounts_are_read_in_every_common_notation() {
        for (text, cents) in [
            ("1234.56", 123_456),
            ("1234,56", 123_456),
            ("1.234,56", 123_456),
            ("€ 1.234,56", 123_456),
            ("€1.234,56", 123_456),
            ("-500", -50_000),
            ("€ -1.234", -123_400),
            ("-€ 1.234", -123_400),
            ("1.234.567", 123_456_700),
            ("1,234,567.8", 123_456_780),
            ("0,5", 50),
            ("+12", 1200),
            ("0", 0),
        ] {
            assert_eq!(m(text, true), Ok(cents), "{text}");
        }
        assert_eq!(m("1,234", false), Ok(123_400));
        assert!(m("1.234", false).unwrap_err().contains("meer dan twee decimalen"));
        assert!(m("1,234", true).unwrap_err().contains("meer dan twee decimalen"));
    }

    #[test]
    fn amounts_with_more_than_two_decimals_or_no_digits_are_refused() {
        assert!(m("1234.567", true).unwrap_err().contains("meer dan twee decimalen"));
        assert!(m("0.125", false).unwrap_err().contains("meer dan twee decimalen"));
        for bad in ["", "€", "12a", "1..2", "1.2.3,4", "1,2,3", ",5", "12,", "--5", "1 234"] {
            assert!(m(bad, true).is_err(), "{bad}");
        }
        assert!(m("99999999999999", true).unwrap_err().contains("buiten het toegestane bereik"));
    }

    #[test]
    fn floats_become_cents_through_their_shortest_form() {
        assert_eq!(money_float(1234.56).unwrap().cents(), 123_456);
        assert_eq!(money_float(0.1).unwrap().cents(), 10);
        assert!(money_float(0.1 + 0.2).is_err());
        assert!(money_float(f64::NAN).is_err());
        assert!(money_float(1e300).is_err());
    }

    #[test]
    fn dates_are_read_iso_and_dutch() {
        let d = |s: &str| date(&Cell::Text(s.as_bytes()));
        let want = Date::new(2023, 12, 31).unwrap();
        for s in ["2023-12-31", "31-12-2023", "31/12/2023", "2023/12/31", "2023-12-31T00:00:00", "2023-12-31 00:00"] {
            assert_eq!(d(s), Ok(Some(want)), "{s}");
        }
        assert_eq!(d("1-2-2023"), Ok(Some(Date::new(2023, 2, 1).unwrap())));
        assert_eq!(d("31-02-2023"), Err("\"31-02-2023\" is geen geldige datum".to_string()));
        assert!(d("2023-12-31 12:00").is_err());
        assert!(d("31-12-23").unwrap_err().contains("verwacht"));
        assert!(d("0223-01-01").is_err());
        assert!(d("2023-12/31").is_err());
    }

    #[test]
    fn excel_serials_are_dates() {
        assert_eq!(date(&Cell::Int(45291)), Ok(Some(Date::new(2023, 12, 31).unwrap())));
        assert!(date(&Cell::Float(-3.0)).is_err());
        assert!(date(&Cell::Float(f64::INFINITY)).is_err());
        assert!(date(&Cell::Int(i64::MIN)).is_err());
        assert!(money(&Cell::Int(i64::MIN), true).is_err());
        assert!(count(&Cell::Int(i64::MIN)).is_err());
        assert!(year(&Cell::Int(i64::MIN)).is_err());
    }

    #[test]
    fn years_counts_and_percentages() {
        assert_eq!(year(&Cell::Text(b"2023")), Ok(Some(Year::new(2023))));
        assert_eq!(year(&Cell::Float(2023.0)), Ok(Some(Year::new(2023))));
        assert!(year(&Cell::Text(b"1989")).is_err());
        assert!(year(&Cell::Text(b"23")).is_err());
        assert_eq!(count(&Cell::Text(b"101.234")), Ok(Some(101_234)));
        assert!(count(&Cell::Text(b"-5")).is_err());
        assert!(count(&Cell::Float(1.5)).is_err());
        assert_eq!(percent(&Cell::Text(b"0,62%")), Ok(Some(Decimal::new(62, 2))));
        assert_eq!(percent(&Cell::Float(0.62)), Ok(Some(Decimal::new(62, 2))));
        assert!(percent(&Cell::Text(b"0")).is_err());
        assert!(percent(&Cell::Text(b"abc%")).is_err());
    }

    #[test]
    fn windows_1252_text_is_decoded() {
        assert_eq!(decode(b"caf\xe9 \x80"), "café €");
        assert_eq!(decode("café".as_bytes()), "café");
    }
}
