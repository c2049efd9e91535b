// SPDX-License-Identifier: EUPL-1.2
//! The `buig` binary against hostile or odd input: workbooks built to
//! exhaust memory, cells that a spreadsheet would run as formulas, control
//! characters, a closed pipe. Each is refused or defused with a Dutch
//! message naming the file, and never with a crash.

#[path = "../../import/tests/vijandig/mod.rs"]
mod vijandig;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn buig(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buig")).args(args).env("DATABASE_URL", db).output().expect("buig runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn schrijf(dir: &Path, naam: &str, inhoud: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(naam);
    std::fs::write(&p, inhoud).unwrap();
    p
}

fn sqlite(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("buig.db").display())
}

/// Exit 2 with `nodig` on stderr, nothing on stdout, no panic or abort.
fn geweigerd(o: &Output, nodig: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains(nodig), "{nodig:?} not in {err:?}");
    assert!(!err.contains("panicked") && !err.contains("memory allocation"), "{err}");
    assert!(stdout(o).is_empty(), "{}", stdout(o));
}

#[test]
fn a_workbook_with_one_cell_in_a1_and_one_in_xfd1048576_is_refused_with_exit_2_not_an_abort() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite(dir.path());
    let pad = schrijf(dir.path(), "ijl.xlsx", vijandig::ijl());
    let o = buig(&db, &["import", "uitkeringen", pad.to_str().unwrap(), "--gemeente", "GM0150"]);
    geweigerd(&o, "ijl.xlsx: kolommen");
    let o = buig(&db, &["plan", "import", pad.to_str().unwrap(), "--gemeente", "GM0150", "--titel", "Plan"]);
    geweigerd(&o, "ijl.xlsx: rij 1048576: 16384 kolommen, de kopregel heeft er 1");
}

#[test]
fn a_zip_bomb_is_refused_with_exit_2_naming_the_file_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite(dir.path());
    for (naam, bom) in [("bom.xlsx", vijandig::zipbom()), ("liegt.xlsx", vijandig::zipbom_die_liegt())] {
        let pad = schrijf(dir.path(), naam, bom);
        let o = buig(&db, &["import", "uitkeringen", pad.to_str().unwrap(), "--gemeente", "GM0150"]);
        geweigerd(&o, &format!("{naam}: is uitgepakt te groot"));
        assert!(stderr(&o).contains("groter dan 128 MB"), "{}", stderr(&o));
        let o = buig(&db, &["plan", "import", pad.to_str().unwrap(), "--gemeente", "GM0150", "--titel", "Plan"]);
        geweigerd(&o, "is uitgepakt te groot");
        assert!(stderr(&o).contains(naam) && stderr(&o).contains("groter dan 128 MB"), "{}", stderr(&o));
    }
}
