// SPDX-License-Identifier: EUPL-1.2
//! The fast path (`bereken_csv_per_gemeente`) against the importer plus
//! `bereken_per_gemeente` on a synthetic national file, and its row errors.

use std::path::PathBuf;

use buig_bestand::*;
use buig_core::records::Regeling;
use buig_import::{open, Options, Pseudonimiseerder, Record, Soort};

fn tijdelijk(naam: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("buig-bestand-{}-{naam}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("uitkeringen.csv")
}

fn synthetisch(naam: &str, n: usize) -> PathBuf {
    let pad = tijdelijk(naam);
    let p = buig_synth::NationaalParams::new(12, n, 7);
    buig_synth::write_csv(buig_synth::nationaal(&p), std::fs::File::create(&pad).unwrap()).unwrap();
    pad
}

#[test]
fn the_csv_fast_path_equals_import_plus_engine_on_a_national_file() {
    let pad = synthetisch("gelijk", 30_000);
    assert!(std::fs::metadata(&pad).unwrap().len() > 1 << 20, "big enough to be read by two threads");
    let pseudo = Pseudonimiseerder::new(b"a test key of at least thirty-two bytes");
    for (per, regelingen) in [(Per::Maand, None), (Per::Kwartaal, Some(vec![Regeling::Pw, Regeling::Bbz]))] {
        let mut v = Vraag::new("2015-01".parse().unwrap(), "2026-10".parse().unwrap(), per).unwrap();
        v.regelingen = regelingen;
        let snel = bereken_csv_per_gemeente(&pad, &v).unwrap();
        let uitkeringen = open(&pad, Soort::Uitkeringen, &Options::default(), &pseudo).unwrap().map(|r| match r.unwrap() {
            Record::Uitkering(u) => u,
            other => panic!("{other:?}"),
        });
        let traag = bereken_per_gemeente(uitkeringen, &v);
        assert_eq!(snel.len(), 12);
        assert!(snel.values().any(|r| r.reeks.iter().any(|p| p.herinstroom > 0)));
        assert_eq!(snel, traag);
    }
    std::fs::remove_dir_all(pad.parent().unwrap()).unwrap();
}

#[test]
fn a_bad_row_is_named_by_its_spreadsheet_row_number() {
    let pad = synthetisch("fout", 30_000);
    let tekst = std::fs::read_to_string(&pad).unwrap();
    let mut regels: Vec<String> = tekst.lines().map(String::from).collect();
    let rij = regels.len() - 10; // in the second half: read by the second thread
    regels[rij - 1] = regels[rij - 1].replacen(",20", ",31-02-20", 1);
    std::fs::write(&pad, regels.join("\n") + "\n").unwrap();
    let v = Vraag::new("2023-01".parse().unwrap(), "2023-12".parse().unwrap(), Per::Maand).unwrap();
    let fout = bereken_csv_per_gemeente(&pad, &v).unwrap_err();
    assert!(fout.contains(&format!("rij {rij}, kolom startdatum")), "{fout}");
    std::fs::remove_dir_all(pad.parent().unwrap()).unwrap();
}

#[test]
fn a_file_without_a_gemeente_column_is_refused() {
    let pad = tijdelijk("zonder");
    std::fs::write(&pad, "client_id,regeling,startdatum\nc1,PW,2023-01-01\n").unwrap();
    let v = Vraag::new("2023-01".parse().unwrap(), "2023-12".parse().unwrap(), Per::Maand).unwrap();
    assert!(bereken_csv_per_gemeente(&pad, &v).unwrap_err().contains("kolom gemeente ontbreekt"));
    std::fs::remove_dir_all(pad.parent().unwrap()).unwrap();
}

#[test]
fn the_whole_file_on_the_fast_path_equals_import_plus_engine_over_all_spells() {
    let pad = synthetisch("heel", 30_000);
    // One client in two gemeenten: leaving one and entering the other is re-entry for the whole file.
    let mut tekst = std::fs::read_to_string(&pad).unwrap();
    tekst.push_str("GM0150,verhuisd,PW,2019-01-01,2020-06-30,verhuizing,1980-01-01,alleenstaand\n");
    tekst.push_str("GM0344,verhuisd,PW,2020-09-01,,,1980-01-01,alleenstaand\n");
    std::fs::write(&pad, tekst).unwrap();
    let pseudo = Pseudonimiseerder::new(b"a test key of at least thirty-two bytes");
    for (per, regelingen) in [(Per::Maand, None), (Per::Jaar, Some(vec![Regeling::Pw]))] {
        let mut v = Vraag::new("2015-01".parse().unwrap(), "2026-10".parse().unwrap(), per).unwrap();
        v.regelingen = regelingen;
        let (snel, n) = bereken_csv(&pad, &v).unwrap();
        let alle: Vec<_> = open(&pad, Soort::Uitkeringen, &Options::default(), &pseudo)
            .unwrap()
            .map(|r| match r.unwrap() {
                Record::Uitkering(u) => u,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(n, alle.len() as u64, "every spell read, of every scheme");
        assert_eq!(snel, bereken(&alle, &v));
    }
    let v = Vraag::new("2023-01".parse().unwrap(), "2023-12".parse().unwrap(), Per::Maand).unwrap();
    let per_gemeente = bereken_csv_per_gemeente(&pad, &v).unwrap();
    let (heel, _) = bereken_csv(&pad, &v).unwrap();
    let som: u64 = per_gemeente.values().map(|r| r.reeks[11].stand).sum();
    assert_eq!(heel.reeks[11].stand, som, "the stand of the whole file is the sum of its gemeenten");
    std::fs::remove_dir_all(pad.parent().unwrap()).unwrap();
}
