// SPDX-License-Identifier: EUPL-1.2
//! Hostile workbooks meet the importer: it reads them with bounded memory
//! and refuses them with a Dutch message naming the file (and the limit).

#[path = "vijandig/mod.rs"]
mod vijandig;

use buig_import::{open, ImportError, Options, Pseudonimiseerder, Soort};

fn opent(naam: &str, inhoud: Vec<u8>) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join(naam);
    std::fs::write(&pad, inhoud).unwrap();
    let opts = Options { gemeente: Some("GM0150".parse().unwrap()), ..Options::default() };
    let pseudo = Pseudonimiseerder::new(b"test-sleutel-van-minstens-32-bytes!!");
    match open(&pad, Soort::Uitkeringen, &opts, &pseudo) {
        Ok(_) => Ok(()),
        Err(ImportError::Invoerbestand { bestand, melding }) => Err(format!("{bestand}: {melding}")),
        Err(e) => Err(e.to_string()),
    }
}

#[test]
fn a_sheet_with_one_cell_in_a1_and_one_in_xfd1048576_is_read_by_its_cells_and_refused_for_its_columns() {
    let m = opent("ijl.xlsx", vijandig::ijl()).unwrap_err();
    assert!(m.starts_with("ijl.xlsx: ") && m.contains("ontbreken") && m.contains("gevonden kolommen: kolom"), "{m}");
}

#[test]
fn a_zip_bomb_is_refused_naming_the_file_and_the_limit_before_it_is_inflated() {
    let t = std::time::Instant::now();
    let m = opent("bom.xlsx", vijandig::zipbom()).unwrap_err();
    assert!(m.starts_with("bom.xlsx: is uitgepakt te groot") && m.contains("128 MB"), "{m}");
    assert!(m.contains("xl/worksheets/sheet1.xml"), "{m}");
    eprintln!("{:?}", t.elapsed());
}

#[test]
fn a_zip_bomb_that_understates_its_size_is_refused_once_it_inflates_past_the_limit() {
    let t = std::time::Instant::now();
    let m = opent("bom.xlsx", vijandig::zipbom_die_liegt()).unwrap_err();
    assert!(m.starts_with("bom.xlsx: is uitgepakt te groot") && m.contains("128 MB"), "{m}");
    eprintln!("{:?}", t.elapsed());
}
