// SPDX-License-Identifier: EUPL-1.2
//! Robustness: whatever bytes a user hands over — random bytes, almost-CSV
//! text, damaged or odd workbooks — every kind of import ends in records or
//! a clear Dutch error, never in a panic.
//!
//! `PROPTEST_CASES` sets the number of cases (default 256, kept small so
//! `cargo test` stays fast); `crates/import/fuzz.sh` runs these with many
//! more cases in release mode.

use std::path::Path;
use std::sync::OnceLock;

use buig_import::{open, read_all, ImportError, Options, Pseudonimiseerder, Soort};
use proptest::prelude::*;
use rust_xlsxwriter::{Format, Workbook};

const KINDS: [Soort; 4] = [Soort::Uitkeringen, Soort::Realisatie, Soort::Budget, Soort::Inwoners];

const COLUMNS: &[&str] = &[
    "client_id",
    "regeling",
    "startdatum",
    "einddatum",
    "reden_einde",
    "geboortedatum",
    "huishouden",
    "gemeente",
    "jaar",
    "soort",
    "bedrag",
    "datum",
    "blks",
    "macrobudget",
    "aandeel",
    "maand",
    "lasten",
    "baten",
    "lks",
    "inwoners",
    "code",
    "aantal",
    " Client ID ",
    "GEMEENTE",
    "opmerking",
    "",
    "\"gemeente\"",
    "jaar;maand",
];

const VALUES: &[&str] = &[
    "",
    " ",
    "GM0150",
    "gm0363",
    "GM150",
    "GM01500",
    "PW",
    "ioaw",
    "IOAZ",
    "Bbz 2004",
    "XX",
    "2023-01-01",
    "31-12-2023",
    "31/12/2023",
    "1-2-2023",
    "31-02-2023",
    "2021-02-31",
    "2023-13-01",
    "0000-00-00",
    "9999-12-31",
    "2023-12-31T00:00:00",
    "2023-12-31 12:00",
    "2023",
    "1989",
    "2101",
    "12",
    "0",
    "13",
    "-1",
    "1234.56",
    "1234,56",
    "1.234,56",
    "€ 1.234,56",
    "€ -1.234",
    "-€ 1.234",
    "1.005",
    "1,234",
    "1e5",
    "NaN",
    "inf",
    "99999999999999999999",
    "0,62%",
    "0.62",
    "100%",
    "101",
    "voorlopig",
    "nader voorlopig",
    "NV",
    "definitief",
    "\"",
    "\"\"",
    "\"a,b\"",
    "\"a;b\"",
    "\"twee\nregels\"",
    "\r",
    "\t",
    "\u{FEFF}",
    "\u{A0}12\u{A0}",
    "١٢٣",
    "€",
    "--5",
    "+5",
    "1.2.3",
    ",5",
    "5,",
    "😀",
    "a\u{0}b",
];

fn pseudo() -> &'static Pseudonimiseerder {
    static P: OnceLock<Pseudonimiseerder> = OnceLock::new();
    P.get_or_init(|| Pseudonimiseerder::new(b"fuzz"))
}

fn option_sets() -> [Options; 3] {
    [
        Options::default(),
        Options { gemeente: Some("GM0150".parse().unwrap()), max_fouten: 3, ..Options::default() },
        Options { blad: Some("Blad1".into()), max_fouten: 1, ..Options::default() },
    ]
}

/// Parses `path` as every kind with every option set, reading every row;
/// checks that whatever comes back is a sensible result or message.
fn parse_every_way(path: &Path) {
    for soort in KINDS {
        for opts in option_sets() {
            match open(path, soort, &opts, pseudo()) {
                Ok(reader) => {
                    for item in reader {
                        if let Err(e) = item {
                            assert!(e.rij >= 2, "a data row is row 2 or later: {e}");
                            assert!(!e.melding.is_empty());
                            assert!(e.to_string().contains(&format!("rij {}", e.rij)));
                        }
                    }
                }
                Err(ImportError::Invoerbestand { bestand, melding }) => {
                    assert!(!bestand.is_empty() && !melding.is_empty());
                }
                Err(other) => panic!("open returns only file errors: {other:?}"),
            }
            match read_all(path, soort, &opts, pseudo()) {
                Ok(_) => {}
                Err(ImportError::Rijen { fouten, meer }) => {
                    assert!(!fouten.is_empty() && fouten.len() <= opts.max_fouten.max(1));
                    assert!(!meer || fouten.len() == opts.max_fouten.max(1));
                }
                Err(e @ ImportError::Invoerbestand { .. }) => assert!(!e.to_string().is_empty()),
            }
        }
    }
}

/// A small valid workbook to damage.
fn valid_xlsx() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let date = Format::new().set_num_format("dd-mm-yyyy");
        for (c, name) in ["gemeente", "client_id", "regeling", "startdatum", "jaar", "maand", "lasten", "baten"].iter().enumerate() {
            ws.write_string(0, c as u16, *name).unwrap();
        }
        ws.write_string(1, 0, "GM0150").unwrap();
        ws.write_number(1, 1, 100234).unwrap();
        ws.write_string(1, 2, "PW").unwrap();
        ws.write_number_with_format(1, 3, 45000, &date).unwrap();
        ws.write_number(1, 4, 2024).unwrap();
        ws.write_number(1, 5, 1).unwrap();
        ws.write_number(1, 6, 10.5).unwrap();
        ws.write_number(1, 7, 0).unwrap();
        wb.save_to_buffer().unwrap()
    })
}

fn almost_csv() -> impl Strategy<Value = String> {
    let header = prop::collection::vec(prop::sample::select(COLUMNS), 0..10);
    let rows = prop::collection::vec(prop::collection::vec(prop::sample::select(VALUES), 0..12), 0..12);
    let separator = prop::sample::select(&[",", ";", "\t"][..]);
    let newline = prop::sample::select(&["\n", "\r\n", "\r"][..]);
    (header, rows, separator, newline, any::<bool>()).prop_map(|(header, rows, sep, nl, bom)| {
        let mut text = if bom { String::from("\u{FEFF}") } else { String::new() };
        text.push_str(&header.join(sep));
        for row in rows {
            text.push_str(nl);
            text.push_str(&row.join(sep));
        }
        text
    })
}

/// A cell for a generated workbook: text, a number or a date-formatted number.
#[derive(Debug, Clone)]
enum XCell {
    Text(&'static str),
    Number(f64),
    Date(f64),
}

fn xcell() -> impl Strategy<Value = XCell> {
    prop_oneof![
        prop::sample::select(VALUES).prop_map(XCell::Text),
        prop::sample::select(COLUMNS).prop_map(XCell::Text),
        prop_oneof![any::<f64>(), -1e6..1e6f64, (0i64..100_000).prop_map(|i| i as f64), Just(0.1 + 0.2)].prop_map(XCell::Number),
        prop_oneof![-10.0..3e6f64, 30000.0..60000.0f64].prop_map(XCell::Date),
    ]
}

fn write_workbook(path: &Path, rows: &[Vec<XCell>], first_row: u32) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (first_row + r as u32, c as u16);
            // The writer refuses some values (NaN, strings with NUL); skipping them is fine here.
            let _ = match cell {
                XCell::Text(t) => ws.write_string(r, c, *t).map(|_| ()),
                XCell::Number(n) => ws.write_number(r, c, *n).map(|_| ()),
                XCell::Date(n) => ws.write_number_with_format(r, c, *n, &date).map(|_| ()),
            };
        }
    }
    wb.save(path).unwrap();
}

proptest! {
    // Cases from PROPTEST_CASES (default 256); failures are printed, not saved.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_are_refused_or_read_but_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let dir = tempfile::tempdir().unwrap();
        for name in ["invoer.csv", "invoer.xlsx", "invoer"] {
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes).unwrap();
            parse_every_way(&path);
        }
    }

    #[test]
    fn bytes_behind_a_zip_signature_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("invoer.xlsx");
        let mut content = b"PK\x03\x04".to_vec();
        content.extend_from_slice(&bytes);
        std::fs::write(&path, &content).unwrap();
        parse_every_way(&path);
    }

    #[test]
    fn almost_csv_text_is_read_row_by_row_without_panic(text in almost_csv()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("invoer.csv");
        std::fs::write(&path, &text).unwrap();
        parse_every_way(&path);
    }

    #[test]
    fn a_damaged_workbook_is_refused_or_read_without_panic(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<Option<prop::sample::Index>>(),
    ) {
        let mut bytes = valid_xlsx().to_vec();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len()));
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("invoer.xlsx");
        std::fs::write(&path, &bytes).unwrap();
        parse_every_way(&path);
    }

    #[test]
    fn a_workbook_of_arbitrary_cells_is_read_without_panic(
        rows in prop::collection::vec(prop::collection::vec(xcell(), 0..10), 0..8),
        first_row in 0u32..3,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("invoer.xlsx");
        write_workbook(&path, &rows, first_row);
        parse_every_way(&path);
    }
}

#[test]
fn the_undamaged_workbook_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("invoer.xlsx");
    std::fs::write(&path, valid_xlsx()).unwrap();
    let opts = Options { gemeente: None, ..Options::default() };
    assert_eq!(read_all(&path, Soort::Uitkeringen, &opts, pseudo()).unwrap().len(), 1);
    assert_eq!(read_all(&path, Soort::Realisatie, &opts, pseudo()).unwrap().len(), 1);
}
