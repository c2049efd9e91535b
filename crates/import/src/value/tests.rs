// SPDX-License-Identifier: EUPL-1.2
//! Tests of the cell parsers.

use buig_core::{Money, Year};
use jiff::civil::Date;
use rust_decimal::Decimal;

use super::amounts::{money, money_float, money_text};
use super::cell::{decode, Cell};
use super::dates::date;
use super::numbers::{count, percent, year};

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
