// SPDX-License-Identifier: EUPL-1.2
//! A cell as both sources (CSV bytes, XLSX cells) hand it over, its text
//! (decoded, trimmed, quoted for messages) and the lexical helpers the
//! parsers share: spaces, digit grouping, Excel errors and Excel date
//! serials (which a date cell also shows as text).

use std::borrow::Cow;

use calamine::{CellErrorType, ExcelDateTime};
use jiff::civil::Date;

/// Dates outside these years are typing errors in this domain.
pub(super) const DATE_YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

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

pub(super) fn excel_error(e: &CellErrorType) -> String {
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
pub(super) fn float_text(f: f64) -> String {
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
pub(super) fn shown(cell: &Cell<'_>) -> String {
    match text(cell) {
        Ok(Some(t)) => t.into_owned(),
        Ok(None) => String::new(),
        Err(_) => String::from("#fout"),
    }
}

pub(super) fn invalid_date(shown: &str) -> String {
    format!("{} is geen geldige datum", quote(shown))
}

/// An Excel date serial (1900 or 1904 system) as a calendar date; the time
/// of day is dropped.
pub(super) fn excel_date(dt: &ExcelDateTime) -> Result<Date, String> {
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

pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{A0}' || c == '\u{202F}'
}

/// Whether `b` is digits grouped in threes by `sep`: `1.234.567`
/// (first group 1–3 digits, not starting with 0; at least one separator).
pub(super) fn grouped(b: &[u8], sep: u8) -> bool {
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
