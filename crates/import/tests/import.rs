// SPDX-License-Identifier: EUPL-1.2
//! Behaviour of the importer on whole files: every kind from CSV (`,` and
//! Dutch `;`) and XLSX, row-precise errors, file-level errors and
//! pseudonymisation. Example files live in `examples/import/`.

use std::path::{Path, PathBuf};

use buig_core::records::{BudgetSoort, Regeling};
use buig_core::{GemeenteCode, Money, Year};
use buig_import::{file_sha256, open, read_all, ImportError, Options, Pseudonimiseerder, Record, RowError, Soort};
use jiff::civil::date;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use tempfile::TempDir;

fn pseudo() -> Pseudonimiseerder {
    Pseudonimiseerder::new(b"test-sleutel-van-minstens-32-bytes!!")
}

fn gm(code: &str) -> GemeenteCode {
    code.parse().unwrap()
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/import").join(name)
}

fn with_gemeente(code: &str) -> Options {
    Options { gemeente: Some(gm(code)), ..Options::default() }
}

/// Writes `content` to `name` in a fresh temporary directory.
fn file(name: &str, content: impl AsRef<[u8]>) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    (dir, path)
}

fn row_errors(result: Result<Vec<Record>, ImportError>) -> (Vec<RowError>, bool) {
    match result {
        Err(ImportError::Rijen { fouten, meer }) => (fouten, meer),
        other => panic!("expected row errors, got {other:?}"),
    }
}

fn file_error(result: Result<Vec<Record>, ImportError>) -> String {
    match result {
        Err(e @ ImportError::Invoerbestand { .. }) => e.to_string(),
        other => panic!("expected a file error, got {other:?}"),
    }
}

fn uitkeringen(records: Vec<Record>) -> Vec<buig_core::records::Uitkering> {
    records
        .into_iter()
        .map(|r| match r {
            Record::Uitkering(u) => u,
            other => panic!("not a uitkering: {other:?}"),
        })
        .collect()
}

// ------------------------------------------------------------------ CSV

#[test]
fn the_example_spells_file_is_read_with_the_gemeente_of_the_import() {
    let records = read_all(&example("uitkeringen.csv"), Soort::Uitkeringen, &with_gemeente("GM0150"), &pseudo()).unwrap();
    let u = uitkeringen(records);
    assert_eq!(u.len(), 7);
    assert!(u.iter().all(|u| u.gemeente == gm("GM0150")));
    assert_eq!(u[0].regeling, Regeling::Pw);
    assert_eq!(u[0].startdatum, date(2019, 3, 1));
    assert_eq!(u[0].einddatum, None);
    assert_eq!(u[0].reden_einde, None);
    assert_eq!(u[0].client, pseudo().pseudoniem("100234"));
    assert_eq!(u[1].einddatum, Some(date(2023, 6, 30)));
    assert_eq!(u[1].reden_einde.as_deref(), Some("werk"));
    assert_eq!(u[1].geboortedatum, Some(date(1996, 2, 29)));
    assert_eq!(u[1].huishouden.as_deref(), Some("alleenstaande ouder"));
    assert_eq!(u[4].regeling, Regeling::Bbz);
}

#[test]
fn a_spells_file_without_gemeente_column_or_option_names_the_option() {
    let message = file_error(read_all(&example("uitkeringen.csv"), Soort::Uitkeringen, &Options::default(), &pseudo()));
    assert!(message.starts_with("uitkeringen.csv: kolom gemeente ontbreekt"), "{message}");
    assert!(message.contains("--gemeente"), "{message}");
}

#[test]
fn a_national_spells_file_takes_the_gemeente_of_each_row() {
    let (_d, path) =
        file("landelijk.csv", "gemeente,client_id,regeling,startdatum\nGM0150,1,PW,2023-01-01\ngm0363,2,Participatiewet,2023-02-01\n");
    let u = uitkeringen(read_all(&path, Soort::Uitkeringen, &Options::default(), &pseudo()).unwrap());
    assert_eq!(u[0].gemeente, gm("GM0150"));
    assert_eq!(u[1].gemeente, gm("GM0363"));
    assert_eq!(u[1].regeling, Regeling::Pw);
}

#[test]
fn a_row_whose_gemeente_differs_from_the_option_is_an_error() {
    let (_d, path) =
        file("s.csv", "gemeente,client_id,regeling,startdatum\nGM0150,1,PW,2023-01-01\nGM0363,2,PW,2023-01-01\n,3,PW,2023-01-01\n");
    let (fouten, _) = row_errors(read_all(&path, Soort::Uitkeringen, &with_gemeente("GM0150"), &pseudo()));
    assert_eq!(fouten.len(), 1);
    assert_eq!(fouten[0].to_string(), "s.csv: rij 3, kolom gemeente: GM0363 wijkt af van de gekozen gemeente GM0150");
}

#[test]
fn the_example_budget_realisation_and_inhabitant_files_are_read() {
    let budget = read_all(&example("budget.csv"), Soort::Budget, &Options::default(), &pseudo()).unwrap();
    let Record::Budget(b) = &budget[0] else { panic!("{budget:?}") };
    assert_eq!((b.gemeente, b.jaar, b.soort), (gm("GM0150"), Year::new(2023), BudgetSoort::Definitief));
    assert_eq!(b.bedrag, Money::from_euros(41_984_531));
    assert_eq!(b.aandeel, Some(Decimal::new(62, 2)));
    assert_eq!((b.datum, b.blks, b.macrobudget), (None, None, None));

    let real = read_all(&example("realisatie.csv"), Soort::Realisatie, &Options::default(), &pseudo()).unwrap();
    assert_eq!(real.len(), 3);
    let Record::Realisatie(r) = &real[1] else { panic!() };
    assert_eq!((r.jaar, r.maand), (Year::new(2024), 2));
    assert_eq!(r.lasten, Money::from_cents(369_812_277));
    assert_eq!(r.baten, Money::from_cents(8_897_405));
    assert_eq!(r.lks, Some(Money::from_cents(4_087_550)));

    let inw = read_all(&example("inwoners.csv"), Soort::Inwoners, &Options::default(), &pseudo()).unwrap();
    let Record::Inwoners(i) = &inw[1] else { panic!() };
    assert_eq!((i.gemeente, i.jaar, i.aantal), (gm("GM0150"), Year::new(2024), 103_405));
}

#[test]
fn a_dutch_semicolon_file_reads_euro_amounts_with_decimal_commas() {
    let real = read_all(&example("realisatie-nl.csv"), Soort::Realisatie, &Options::default(), &pseudo()).unwrap();
    let months: Vec<_> = real
        .iter()
        .map(|r| match r {
            Record::Realisatie(r) => (r.maand, r.lasten.cents(), r.baten.cents(), r.lks.map(Money::cents)),
            _ => panic!(),
        })
        .collect();
    assert_eq!(
        months,
        [(4, 372_541_860, 9_510_235, Some(4_131_800)), (5, 373_395_005, 9_048_000, Some(4_150_275)), (6, 370_281_190, 9_765_510, None)]
    );
}

#[test]
fn a_dutch_budget_file_with_bom_reads_dates_amounts_and_percentages() {
    let (_d, path) = file(
        "budget.csv",
        "\u{FEFF}Gemeente;Jaar;Soort;Bedrag;Datum;BLKS;Macrobudget;Aandeel\r\n\
         GM0150;2023;nader voorlopig;€ 41.984.531;15-09-2023;€ 1.234,56;€ 6.751.000.000;0,62%\r\n",
    );
    let records = read_all(&path, Soort::Budget, &Options::default(), &pseudo()).unwrap();
    let Record::Budget(b) = &records[0] else { panic!() };
    assert_eq!(b.soort, BudgetSoort::NaderVoorlopig);
    assert_eq!(b.bedrag, Money::from_euros(41_984_531));
    assert_eq!(b.datum, Some(date(2023, 9, 15)));
    assert_eq!(b.blks, Some(Money::from_cents(123_456)));
    assert_eq!(b.macrobudget, Some(Money::from_euros(6_751_000_000)));
    assert_eq!(b.aandeel, Some(Decimal::new(62, 2)));
}

#[test]
fn column_names_are_matched_loosely_in_any_order_and_extra_columns_are_ignored() {
    let (_d, path) =
        file("s.csv", " Huishouden ,STARTDATUM,opmerking,Client ID,Regeling,Reden-einde\nalleenstaande,01-02-2023,x,77,ioaw,werk\n");
    let u = uitkeringen(read_all(&path, Soort::Uitkeringen, &with_gemeente("GM0150"), &pseudo()).unwrap());
    assert_eq!(u[0].startdatum, date(2023, 2, 1));
    assert_eq!(u[0].regeling, Regeling::Ioaw);
    assert_eq!(u[0].client, pseudo().pseudoniem("77"));
    assert_eq!(u[0].reden_einde.as_deref(), Some("werk"));
    assert_eq!(u[0].huishouden.as_deref(), Some("alleenstaande"));
}

#[test]
fn empty_lines_and_rows_of_empty_fields_are_skipped() {
    let (_d, path) = file("i.csv", "gemeente;jaar;inwoners\n\nGM0150;2024;103405\n;;\n\nGM0005;2017;10500\n");
    let records = read_all(&path, Soort::Inwoners, &Options::default(), &pseudo()).unwrap();
    assert_eq!(records.len(), 2);
}

#[test]
fn a_windows_1252_file_from_dutch_excel_is_read() {
    let mut bytes = b"client_id;regeling;startdatum;reden_einde\n".to_vec();
    bytes.extend_from_slice(b"1;PW;01-01-2023;co\xf6peratie \x80\n");
    let (_d, path) = file("s.csv", bytes);
    let u = uitkeringen(read_all(&path, Soort::Uitkeringen, &with_gemeente("GM0150"), &pseudo()).unwrap());
    assert_eq!(u[0].reden_einde.as_deref(), Some("coöperatie €"));
}

// ------------------------------------------------------------------ row errors

#[test]
fn an_impossible_date_on_row_3_is_reported_on_row_3_in_its_column() {
    let (_d, path) = file(
        "uitkeringen.csv",
        "client_id,regeling,startdatum,einddatum\n1,PW,2021-01-01,\n2,PW,2021-02-31,\n3,PW,2021-03-01,31-02-2023\n",
    );
    let (fouten, meer) = row_errors(read_all(&path, Soort::Uitkeringen, &with_gemeente("GM0150"), &pseudo()));
    assert!(!meer);
    assert_eq!(fouten.len(), 2);
    assert_eq!((fouten[0].rij, fouten[0].kolom.as_deref()), (3, Some("startdatum")));
    assert_eq!(fouten[0].melding, "\"2021-02-31\" is geen geldige datum");
    assert_eq!(fouten[1].to_string(), "uitkeringen.csv: rij 4, kolom einddatum: \"31-02-2023\" is geen geldige datum");
}

#[test]
fn row_numbers_are_those_a_spreadsheet_shows() {
    // Row 3 is empty, row 4 has a line break inside a quoted field, row 5 is bad.
    let (_d, path) = file(
        "s.csv",
        "client_id,regeling,startdatum,huishouden\n1,PW,2021-01-01,a\n\n2,PW,2021-01-01,\"twee\nregels\"\n3,XX,2021-01-01,b\n",
    );
    let (fouten, _) = row_errors(read_all(&path, Soort::Uitkeringen, &with_gemeente("GM0150"), &pseudo()));
    assert_eq!((fouten[0].rij, fouten[0].kolom.as_deref()), (5, Some("regeling")));
    assert!(fouten[0].melding.contains("\"XX\" is geen regeling"), "{}", fouten[0].melding);
}

#[test]
fn row_numbers_are_right_with_crlf_blank_lines_and_a_missing_final_line_break() {
    for (text, want) in [
        ("gemeente,jaar,inwoners\r\nGM0150,2024,x", 2),
        ("gemeente,jaar,inwoners\r\n\r\nGM0150,2024,1\r\n\r\n\r\nGM0150,2024,x\r\n", 6),
        ("\n\ngemeente,jaar,inwoners\nGM0150,2024,1\n\n\nGM0150,2024,x", 7),
        ("gemeente,jaar,inwoners\n\"GM\n0150\",2024,1\nGM0150,2024,x\n\n", 3),
        ("gemeente,jaar,inwoners\rGM0150,2024,1\rGM0150,2024,x\r", 3),
    ] {
        let (_d, path) = file("i.csv", text);
        let items: Vec<_> = open(&path, Soort::Inwoners, &Options::default(), &pseudo()).unwrap().collect();
        let last = items.last().unwrap().as_ref().unwrap_err();
        assert_eq!((last.rij, last.kolom.as_deref()), (want, Some("inwoners")), "{text:?}");
    }
}

#[test]
fn an_ending_before_the_start_and_a_birth_after_it_are_row_errors() {
    let (_d, path) = file(
        "s.csv",
        "client_id,regeling,startdatum,einddatum,geboortedatum\n1,PW,2023-05-01,2023-04-30,\n2,PW,2023-05-01,2023-05-01,2023-05-02\n",
    );
    let (fouten, _) = row_errors(read_all(&path, Soort::Uitkeringen, &with_gemeente("GM0150"), &pseudo()));
    assert_eq!(fouten[0].to_string(), "s.csv: rij 2, kolom einddatum: einddatum 30-04-2023 ligt voor startdatum 01-05-2023");
    assert_eq!(fouten[1].to_string(), "s.csv: rij 3, kolom geboortedatum: geboortedatum 02-05-2023 ligt na startdatum 01-05-2023");
}

#[test]
fn required_values_amounts_years_and_months_are_checked_per_row() {
    let (_d, path) = file(
        "r.csv",
        "gemeente,jaar,maand,lasten,baten\n\
         GM0150,2024,13,1,1\n\
         GM0150,1989,1,1,1\n\
         GM0150,2024,1,-5,1\n\
         GM0150,2024,1,1.005,1\n\
         GM0150,2024,1,,1\n\
         GM150,2024,1,1,1\n",
    );
    let (fouten, _) = row_errors(read_all(&path, Soort::Realisatie, &Options::default(), &pseudo()));
    let shown: Vec<String> = fouten.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "r.csv: rij 2, kolom maand: 13 is geen maand (verwacht 1 tot en met 12)",
            "r.csv: rij 3, kolom jaar: \"1989\" is geen geldig jaar (verwacht vier cijfers, 1990–2100)",
            "r.csv: rij 4, kolom lasten: lasten mag niet negatief zijn (gelezen: € -5,00)",
            "r.csv: rij 5, kolom lasten: 1.005 heeft meer dan twee decimalen (bedragen zijn in euro's met hoogstens centen)",
            "r.csv: rij 6, kolom lasten: waarde ontbreekt",
            "r.csv: rij 7, kolom gemeente: \"GM150\" is geen CBS-gemeentecode (verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0150)",
        ]
    );
}

#[test]
fn a_budget_must_be_positive() {
    let (_d, path) = file("b.csv", "gemeente,jaar,soort,bedrag\nGM0150,2023,definitief,0\nGM0150,2023,eind,5\n");
    let (fouten, _) = row_errors(read_all(&path, Soort::Budget, &Options::default(), &pseudo()));
    assert_eq!(fouten[0].melding, "bedrag moet positief zijn (gelezen: € 0,00)");
    assert_eq!(fouten[1].kolom.as_deref(), Some("soort"));
}

#[test]
fn at_most_max_fouten_errors_are_returned_and_more_is_flagged() {
    let mut csv = String::from("gemeente,jaar,inwoners\n");
    for _ in 0..10 {
        csv.push_str("GM0150,2024,veel\n");
    }
    let (_d, path) = file("i.csv", &csv);
    let opts = Options { max_fouten: 3, ..Options::default() };
    let err = read_all(&path, Soort::Inwoners, &opts, &pseudo()).unwrap_err();
    assert!(err.to_string().ends_with("\n… en meer fouten"), "{err}");
    let (fouten, meer) = row_errors(Err(err));
    assert_eq!(fouten.iter().map(|f| f.rij).collect::<Vec<_>>(), [2, 3, 4]);
    assert!(meer);
    let opts = Options { max_fouten: 10, ..Options::default() };
    let (fouten, meer) = row_errors(read_all(&path, Soort::Inwoners, &opts, &pseudo()));
    assert_eq!((fouten.len(), meer), (10, false));
}

#[test]
fn the_reader_streams_good_and_bad_rows_in_order() {
    let (_d, path) = file("i.csv", "gemeente,jaar,inwoners\nGM0150,2024,1\nGM0150,2024,0\nGM0150,2024,3\n");
    let items: Vec<_> = open(&path, Soort::Inwoners, &Options::default(), &pseudo()).unwrap().collect();
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok() && items[2].is_ok());
    assert_eq!(items[1].as_ref().unwrap_err().rij, 3);
}

// ------------------------------------------------------------------ file errors

#[test]
fn a_missing_column_is_named_with_the_columns_found() {
    let (_d, path) = file("s.csv", "client_id;startdatum\n1;2023-01-01\n");
    let message = file_error(read_all(&path, Soort::Uitkeringen, &with_gemeente("GM0150"), &pseudo()));
    assert_eq!(message, "s.csv: kolom regeling ontbreekt (gevonden kolommen: client_id, startdatum)");
    let (_d, path) = file("b.csv", "x\n1\n");
    let message = file_error(read_all(&path, Soort::Budget, &Options::default(), &pseudo()));
    assert!(message.contains("kolommen gemeente, jaar, soort, bedrag ontbreken"), "{message}");
}

#[test]
fn a_column_that_appears_twice_is_refused() {
    let (_d, path) = file("i.csv", "gemeente,jaar,inwoners,aantal\nGM0150,2024,1,2\n");
    let message = file_error(read_all(&path, Soort::Inwoners, &Options::default(), &pseudo()));
    assert!(message.contains("kolom inwoners komt meer dan eens voor"), "{message}");
}

#[test]
fn empty_missing_and_foreign_files_are_refused_as_a_whole() {
    let (_d, empty) = file("leeg.csv", "");
    assert_eq!(file_error(read_all(&empty, Soort::Budget, &Options::default(), &pseudo())), "leeg.csv: is leeg");
    let (_d, blank) = file("blanco.csv", "\u{FEFF}\n\n");
    assert!(file_error(read_all(&blank, Soort::Budget, &Options::default(), &pseudo())).contains("is leeg"));
    let missing = Path::new("/nonexistent/weg.csv");
    assert_eq!(
        file_error(read_all(missing, Soort::Budget, &Options::default(), &pseudo())),
        "weg.csv: kan niet worden geopend: bestand niet gevonden"
    );
    let (_d, xls) = file("oud.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest");
    assert!(file_error(read_all(&xls, Soort::Budget, &Options::default(), &pseudo())).contains(".xls"));
    let (_d, fake) = file("nep.xlsx", "gemeente,jaar\n");
    assert_eq!(file_error(read_all(&fake, Soort::Budget, &Options::default(), &pseudo())), "nep.xlsx: is geen geldig XLSX-bestand");
    let (_d, binary) = file("bin.csv", b"\x00\x01\x02gemeente");
    assert!(file_error(read_all(&binary, Soort::Budget, &Options::default(), &pseudo())).contains("geen CSV-bestand"));
    let (_d, csv) = file("b.csv", "gemeente,jaar,soort,bedrag\n");
    let opts = Options { blad: Some("Blad1".into()), ..Options::default() };
    assert!(file_error(read_all(&csv, Soort::Budget, &opts, &pseudo())).contains("is een CSV-bestand; een werkblad"));
}

#[test]
fn a_header_without_rows_gives_no_records() {
    let (_d, path) = file("b.csv", "gemeente,jaar,soort,bedrag\n");
    assert_eq!(read_all(&path, Soort::Budget, &Options::default(), &pseudo()).unwrap(), []);
}

// ------------------------------------------------------------------ XLSX

/// A workbook with a sheet "Toelichting" first and the data on "Data";
/// `rows[0]` is the header. Cells starting with `=date:` become date cells,
/// `=num:` numbers.
fn workbook(rows: &[&[&str]], first_row: u32) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("invoer.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Toelichting").unwrap().write_string(0, 0, "zie blad Data").unwrap();
    let ws = wb.add_worksheet().set_name("Data").unwrap();
    let date_format = Format::new().set_num_format("dd-mm-yyyy");
    for (r, row) in rows.iter().enumerate() {
        let r = first_row + r as u32;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            if let Some(d) = v.strip_prefix("=date:") {
                let p: Vec<u16> = d.split('-').map(|x| x.parse().unwrap()).collect();
                let dt = ExcelDateTime::from_ymd(p[0], p[1] as u8, p[2] as u8).unwrap();
                ws.write_datetime_with_format(r, c, &dt, &date_format).unwrap();
            } else if let Some(n) = v.strip_prefix("=num:") {
                ws.write_number(r, c, n.parse::<f64>().unwrap()).unwrap();
            } else if !v.is_empty() {
                ws.write_string(r, c, *v).unwrap();
            }
        }
    }
    wb.save(&path).unwrap();
    (dir, path)
}

fn blad(name: &str) -> Options {
    Options { blad: Some(name.into()), ..Options::default() }
}

#[test]
fn spells_are_read_from_an_xlsx_with_date_cells_and_numeric_ids() {
    let (_d, path) = workbook(
        &[
            &["gemeente", "client_id", "regeling", "startdatum", "einddatum", "geboortedatum"],
            &["GM0150", "=num:100234", "PW", "=date:2023-01-02", "=date:2023-12-31", "1984-07-12"],
            &["GM0150", "A-77", "IOAW", "15-03-2022", "", "=date:1960-02-29"],
        ],
        0,
    );
    let u = uitkeringen(read_all(&path, Soort::Uitkeringen, &blad("Data"), &pseudo()).unwrap());
    assert_eq!(u[0].client, pseudo().pseudoniem("100234"));
    assert_eq!(u[0].startdatum, date(2023, 1, 2));
    assert_eq!(u[0].einddatum, Some(date(2023, 12, 31)));
    assert_eq!(u[0].geboortedatum, Some(date(1984, 7, 12)));
    assert_eq!(u[1].startdatum, date(2022, 3, 15));
    assert_eq!(u[1].einddatum, None);
    assert_eq!(u[1].geboortedatum, Some(date(1960, 2, 29)));
}

#[test]
fn budget_realisation_and_inhabitants_are_read_from_xlsx_numbers_and_text() {
    let (_d, path) = workbook(
        &[
            &["gemeente", "jaar", "soort", "bedrag", "datum", "aandeel"],
            &["GM0150", "=num:2023", "definitief", "=num:41984531.07", "=date:2023-09-15", "=num:0.62"],
            &["GM0150", "2024", "V", "€ 45.917.564", "", "0,66%"],
        ],
        0,
    );
    let b = read_all(&path, Soort::Budget, &blad("data"), &pseudo()).unwrap();
    let Record::Budget(b0) = &b[0] else { panic!() };
    assert_eq!(b0.bedrag, Money::from_cents(4_198_453_107));
    assert_eq!(b0.datum, Some(date(2023, 9, 15)));
    assert_eq!(b0.aandeel, Some(Decimal::new(62, 2)));
    let Record::Budget(b1) = &b[1] else { panic!() };
    assert_eq!((b1.jaar, b1.soort, b1.bedrag), (Year::new(2024), BudgetSoort::Voorlopig, Money::from_euros(45_917_564)));

    let (_d, path) =
        workbook(&[&["gemeente", "jaar", "maand", "lasten", "baten"], &["GM0150", "=num:2024", "=num:1", "=num:3712450.18", "=num:0"]], 0);
    let r = read_all(&path, Soort::Realisatie, &blad("Data"), &pseudo()).unwrap();
    let Record::Realisatie(r) = &r[0] else { panic!() };
    assert_eq!((r.maand, r.lasten, r.baten), (1, Money::from_cents(371_245_018), Money::ZERO));

    let (_d, path) = workbook(&[&["Code", "Jaar", "Aantal"], &["GM0150", "=num:2024", "=num:103405"]], 0);
    let i = read_all(&path, Soort::Inwoners, &blad("Data"), &pseudo()).unwrap();
    assert_eq!(i.len(), 1);
}

#[test]
fn xlsx_rows_are_numbered_as_excel_shows_them_and_sub_cent_floats_are_refused() {
    // The data starts at Excel row 3; the bad value is on Excel row 5.
    let (_d, path) = workbook(
        &[
            &["gemeente", "jaar", "maand", "lasten", "baten"],
            &["GM0150", "2024", "1", "=num:10", "=num:0"],
            &["GM0150", "2024", "2", "=num:10.005", "=num:0"],
        ],
        2,
    );
    let (fouten, _) = row_errors(read_all(&path, Soort::Realisatie, &blad("Data"), &pseudo()));
    assert_eq!(
        fouten[0].to_string(),
        "invoer.xlsx: rij 5, kolom lasten: 10.005 heeft meer dan twee decimalen (bedragen zijn in euro's met hoogstens centen)"
    );
}

#[test]
fn the_first_sheet_is_read_unless_another_is_named() {
    let (_d, path) = workbook(&[&["gemeente", "jaar", "inwoners"], &["GM0150", "2024", "1"]], 0);
    // The first sheet ("Toelichting") has no such columns.
    let message = file_error(read_all(&path, Soort::Inwoners, &Options::default(), &pseudo()));
    assert!(message.contains("kolommen gemeente, jaar, inwoners ontbreken"), "{message}");
}

#[test]
fn an_unknown_sheet_is_refused_with_the_sheets_listed() {
    let (_d, path) = workbook(&[&["gemeente"]], 0);
    let message = file_error(read_all(&path, Soort::Inwoners, &blad("Blad1"), &pseudo()));
    assert_eq!(message, "invoer.xlsx: heeft geen blad \"Blad1\" (bladen: \"Toelichting\", \"Data\")");
}

// ------------------------------------------------------------------ pseudonyms and hashing

#[test]
fn the_same_key_gives_the_same_pseudonym_and_another_key_another() {
    let a = Pseudonimiseerder::new(b"sleutel-a");
    assert_eq!(a.pseudoniem("123456789"), Pseudonimiseerder::new(b"sleutel-a").pseudoniem(" 123456789 "));
    assert_ne!(a.pseudoniem("123456789"), Pseudonimiseerder::new(b"sleutel-b").pseudoniem("123456789"));
    assert_ne!(a.pseudoniem("123456789"), a.pseudoniem("123456780"));
    assert_eq!(a.pseudoniem("1").0.len(), 32);
}

#[test]
fn the_raw_client_id_never_appears_in_a_record() {
    let (_d, path) = file("s.csv", "client_id,regeling,startdatum\nBSN-987654321,PW,2023-01-01\n");
    let records = read_all(&path, Soort::Uitkeringen, &with_gemeente("GM0150"), &pseudo()).unwrap();
    let shown = format!("{records:?}");
    assert!(!shown.contains("987654321"), "{shown}");
    assert!(shown.contains(&pseudo().pseudoniem("BSN-987654321").0));
}

#[test]
fn a_reader_can_move_to_another_thread() {
    fn send<T: Send>() {}
    send::<buig_import::Reader>();
    send::<Record>();
    send::<ImportError>();
}

#[test]
fn the_file_hash_is_the_sha256_of_its_bytes() {
    let (_d, path) = file("abc.csv", "abc");
    assert_eq!(file_sha256(&path).unwrap(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
