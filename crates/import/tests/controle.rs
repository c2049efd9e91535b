// SPDX-License-Identifier: EUPL-1.2
//! Rows no careful user means, refused with the row named when a file is to
//! be stored (`Options::uniek`, `Options::vandaag`): the same key twice —
//! both rows named — and realisation of a month that has not begun. Reading
//! for analysis asks for neither and keeps every row.

use buig_import::{read_all, ImportError, Options, Pseudonimiseerder, Record, RowError, Soort};
use jiff::civil::date;

fn pseudo() -> Pseudonimiseerder {
    Pseudonimiseerder::new(b"test-sleutel-van-minstens-32-bytes!!")
}

fn opslaan() -> Options {
    Options { uniek: true, vandaag: Some(date(2026, 12, 4)), ..Options::default() }
}

fn lees(naam: &str, inhoud: &str, soort: Soort, opts: &Options) -> Result<Vec<Record>, ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join(naam);
    std::fs::write(&pad, inhoud).unwrap();
    read_all(&pad, soort, opts, &pseudo())
}

fn fouten(r: Result<Vec<Record>, ImportError>) -> Vec<RowError> {
    match r {
        Err(ImportError::Rijen { fouten, .. }) => fouten,
        other => panic!("expected row errors, got {other:?}"),
    }
}

const SPELLS: &str = "gemeente,client_id,regeling,startdatum,einddatum\n\
                      GM0150,a1,PW,2021-03-15,\n\
                      GM0150,a2,PW,2022-06-01,2023-12-31\n\
                      GM0150,a1,IOAW,2021-03-15,\n\
                      GM0344,a1,PW,2021-03-15,\n\
                      GM0150,a3,PW,2023-01-31,\n\
                      GM0150, a1 ,pw,15-03-2021,2024-01-31\n";

#[test]
fn the_same_spell_twice_in_a_file_is_refused_naming_both_rows() {
    let f = fouten(lees("uitkeringen.csv", SPELLS, Soort::Uitkeringen, &opslaan()));
    assert_eq!(f.len(), 1, "{f:?}");
    // Row 7 is row 2's spell again (the id is trimmed, the scheme and date written otherwise).
    assert_eq!(f[0].rij, 7);
    let m = f[0].to_string();
    assert!(m.starts_with("uitkeringen.csv: rij 7: dezelfde uitkering als rij 2"), "{m}");
    assert!(!m.contains("a1"), "the raw client id is never printed: {m}");
}

#[test]
fn another_scheme_start_or_gemeente_is_another_spell() {
    let zonder_dubbel: String = SPELLS.lines().take(6).map(|l| format!("{l}\n")).collect();
    let r = lees("uitkeringen.csv", &zonder_dubbel, Soort::Uitkeringen, &opslaan()).unwrap();
    assert_eq!(r.len(), 5);
}

#[test]
fn reading_for_analysis_keeps_a_repeated_spell() {
    let r = lees("uitkeringen.csv", SPELLS, Soort::Uitkeringen, &Options::default()).unwrap();
    assert_eq!(r.len(), 6);
}

#[test]
fn every_repeat_of_a_spell_names_the_first_row_in_row_order() {
    let mut csv = String::from("gemeente,client_id,regeling,startdatum\n");
    for i in 0..3000 {
        csv.push_str(&format!("GM0150,c{},PW,2020-01-01\n", i % 1000));
    }
    let opts = Options { max_fouten: 5000, ..opslaan() };
    let f = fouten(lees("u.csv", &csv, Soort::Uitkeringen, &opts));
    assert_eq!(f.len(), 2000);
    assert_eq!((f[0].rij, f[0].melding.contains("rij 2 ")), (1002, true), "{}", f[0]);
    assert!(f.windows(2).all(|w| w[0].rij < w[1].rij));
    assert!(f[1999].to_string().contains("rij 3001: dezelfde uitkering als rij 1001"), "{}", f[1999]);
}

#[test]
fn the_same_month_twice_is_refused_naming_both_rows_where_the_last_used_to_win() {
    let csv = "gemeente;jaar;maand;lasten;baten\nGM0150;2023;1;100;1\nGM0150;2023;2;100;1\nGM0344;2023;1;100;1\nGM0150;2023;01;200;2\n";
    let f = fouten(lees("realisatie.csv", csv, Soort::Realisatie, &opslaan()));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        f[0].to_string(),
        "realisatie.csv: rij 5: dezelfde maand als rij 2 (GM0150 jan 2023); een maand mag één keer in het bestand staan"
    );
}

#[test]
fn the_same_decision_year_or_series_value_twice_is_refused() {
    let budget = "gemeente,jaar,soort,bedrag\nGM0150,2023,definitief,100\nGM0150,2023,D,200\n";
    let f = fouten(lees("budget.csv", budget, Soort::Budget, &opslaan()));
    assert!(f[0].to_string().contains("rij 3: dezelfde beschikking als rij 2 (GM0150 2023 definitief)"), "{}", f[0]);
    let inw = "code,jaar,inwoners\nGM0150,2024,100\nGM0150,2024,101\n";
    let f = fouten(lees("inwoners.csv", inw, Soort::Inwoners, &opslaan()));
    assert!(f[0].to_string().contains("rij 3: dezelfde jaar als rij 2"), "{}", f[0]);
    let cbs = "reeks,gebied,periode,waarde\nCBS,NL01,2023MM01,5\nCBS,NL01,2023-01,6\n";
    let f = fouten(lees("cbs.csv", cbs, Soort::Vergelijking, &opslaan()));
    assert!(f[0].to_string().contains("rij 3: dezelfde periode als rij 2 (CBS NL01 2023-01)"), "{}", f[0]);
}

#[test]
fn a_realisation_month_after_the_current_month_is_refused_in_its_row() {
    let csv = "gemeente,jaar,maand,lasten,baten\nGM0150,2026,12,100,1\nGM0150,2030,1,100,1\nGM0150,2027,1,100,1\n";
    let f = fouten(lees("realisatie.csv", csv, Soort::Realisatie, &opslaan()));
    assert_eq!(f.iter().map(|e| e.rij).collect::<Vec<_>>(), vec![3, 4], "December 2026 itself has begun");
    assert_eq!(
        f[0].to_string(),
        "realisatie.csv: rij 3, kolom maand: jan 2030 ligt na de huidige maand (dec 2026): realisatie kan alleen over een maand gaan die begonnen is"
    );
    assert_eq!(lees("realisatie.csv", csv, Soort::Realisatie, &Options::default()).unwrap().len(), 3);
}
