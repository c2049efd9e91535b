// SPDX-License-Identifier: EUPL-1.2
//! The `vergelijking` kind: published comparison series (CBS StatLine
//! style) with padded area codes, StatLine period codes, NL01 for
//! Nederland, and clear refusals.

use std::path::{Path, PathBuf};

use buig_core::records::{Gebied, Vergelijkingswaarde};
use buig_import::{read_all, ImportError, Options, Pseudonimiseerder, Record, Soort};
use rust_xlsxwriter::Workbook;

fn pseudo() -> Pseudonimiseerder {
    Pseudonimiseerder::new(b"test-sleutel-van-minstens-32-bytes!!")
}

fn lees(path: &Path) -> Result<Vec<Vergelijkingswaarde>, ImportError> {
    read_all(path, Soort::Vergelijking, &Options::default(), &pseudo()).map(|rs| {
        rs.into_iter()
            .map(|r| match r {
                Record::Vergelijking(v) => v,
                other => panic!("{other:?}"),
            })
            .collect()
    })
}

fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn fout(path: &Path) -> String {
    lees(path).unwrap_err().to_string()
}

#[test]
fn the_cbs_example_is_read_with_padded_codes_and_statline_periods() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/import/vergelijking-cbs.csv");
    let v = lees(&p).unwrap();
    assert_eq!(v.len(), 9);
    assert_eq!(v[0].reeks, "CBS 82015NED");
    assert_eq!(v[0].gebied, Gebied::Gemeente("GM0150".parse().unwrap()));
    assert_eq!((v[0].periode.as_str(), v[0].waarde), ("2023-01", 2140));
    assert_eq!(v[3].periode, "2023-K1");
    assert_eq!(v[4].gebied, Gebied::Nederland);
    assert_eq!(v[8].periode, "2023");
}

#[test]
fn plain_periods_and_cbs_column_names_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(
        dir.path(),
        "v.csv",
        "Reeks,RegioS,Perioden,Waarde\nCBS 85585NED,gm0150,2024-03,1.234\nCBS 85585NED,nl01,2024-K4,5\nCBS 85585NED,NL01,2024,6\n",
    );
    let v = lees(&p).unwrap();
    assert_eq!(
        v.iter().map(|w| (w.gebied.to_string(), w.periode.clone(), w.waarde)).collect::<Vec<_>>(),
        vec![("GM0150".into(), "2024-03".into(), 1234), ("NL01".into(), "2024-K4".into(), 5), ("NL01".into(), "2024".into(), 6)]
    );
}

#[test]
fn a_workbook_with_numeric_values_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("v.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["reeks", "gebied", "periode", "waarde"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "CBS 82015NED").unwrap();
    ws.write_string(1, 1, "GM0150    ").unwrap();
    ws.write_string(1, 2, "2023MM12").unwrap();
    ws.write_number(1, 3, 2201.0).unwrap();
    wb.save(&p).unwrap();
    let v = lees(&p).unwrap();
    assert_eq!((v[0].periode.as_str(), v[0].waarde), ("2023-12", 2201));
}

#[test]
fn bad_areas_periods_and_values_are_refused_naming_the_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let kop = "reeks;gebied;periode;waarde\n";
    for (rij, verwacht) in [
        ("CBS;PV20;2023MM01;5", "rij 2, kolom gebied: \"PV20\" is geen gebied"),
        ("CBS;GM0150;2023MM13;5", "rij 2, kolom periode: \"2023MM13\" is geen periode"),
        ("CBS;GM0150;2023KW05;5", "kolom periode"),
        ("CBS;GM0150;1899JJ00;5", "kolom periode"),
        ("CBS;GM0150;2023-K1x;5", "kolom periode"),
        ("CBS;GM0150;2023MM01;.", "rij 2, kolom waarde: waarde ontbreekt (CBS schrijft ."),
        ("CBS;GM0150;2023MM01;-3", "rij 2, kolom waarde"),
        ("CBS;GM0150;2023MM01;2,5", "rij 2, kolom waarde"),
        (";GM0150;2023MM01;5", "rij 2, kolom reeks: waarde ontbreekt"),
    ] {
        let p = file(dir.path(), "v.csv", &format!("{kop}{rij}\n"));
        let m = fout(&p);
        assert!(m.contains(verwacht), "{rij}: {m}");
    }
    let p = file(dir.path(), "v.csv", "reeks,gebied,waarde\nCBS,GM0150,5\n");
    assert!(fout(&p).contains("kolom periode ontbreekt"), "{}", fout(&p));
}

#[test]
fn the_gemeente_flag_is_refused_for_a_comparison_series() {
    let dir = tempfile::tempdir().unwrap();
    let p = file(dir.path(), "v.csv", "reeks,gebied,periode,waarde\nCBS,GM0150,2023-01,5\n");
    let opts = Options { gemeente: Some("GM0150".parse().unwrap()), ..Options::default() };
    let e = read_all(&p, Soort::Vergelijking, &opts, &pseudo()).unwrap_err().to_string();
    assert!(e.contains("--gemeente GM0150 kan niet bij een vergelijkingsreeks"), "{e}");
}
