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

#[test]
fn no_csv_cell_the_cli_writes_starts_a_formula_unless_it_is_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let spells = schrijf(
        dir.path(),
        "uitkeringen.csv",
        "client_id,regeling,startdatum,einddatum,reden_einde,geboortedatum,huishouden\n\
         a1,PW,2023-01-15,2023-06-30,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\",1980-01-01,alleenstaand\n\
         a2,PW,2023-02-01,2023-05-31,+cmd|calc,1990-01-01,alleenstaand\n\
         a3,PW,2023-02-01,2023-04-30,@SUM(A1),1990-01-01,alleenstaand\n\
         a4,PW,2023-02-01,2023-04-30,-5,1990-01-01,alleenstaand\n",
    );
    let o = buig(
        &sqlite(dir.path()),
        &["bestand", "--invoer", spells.to_str().unwrap(), "--gemeente", "GM0150", "--van", "2023-01", "--tot", "2023-03"]
            .into_iter()
            .chain(["--uitsplitsing", "reden_einde", "--csv"])
            .collect::<Vec<_>>(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let uit = stdout(&o);
    let eerste: Vec<&str> = uit.lines().skip(1).map(|r| r.split(',').next().unwrap()).collect();
    assert!(eerste.iter().all(|c| !c.trim_start_matches('"').starts_with(['=', '+', '@'])), "{uit}");
    assert!(uit.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\",2023-01,"), "{uit}");
    assert!(uit.contains("\n'+cmd|calc,2023-02,") && uit.contains("\n'@SUM(A1),2023-02,"), "{uit}");
    assert!(uit.contains("\n-5,2023-02,"), "a number stays a number: {uit}");
}

#[test]
fn a_case_file_with_text_where_a_number_belongs_is_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite(dir.path());
    let json = schrijf(dir.path(), "casus.json", r#"{"jaar": 2023, "jaren": {"2023": {"budget": 41984531, "tekort": "veel"}}}"#);
    let o = buig(&db, &["vangnet", "--input", json.to_str().unwrap()]);
    geweigerd(&o, "casus.json: jaren.2023.tekort: geen geldige JSON (regel 1, kolom ");
    assert!(stderr(&o).contains("\"veel\" is geen bedrag"), "{}", stderr(&o));
    let toml = schrijf(dir.path(), "casus.toml", "jaar = 2023\ninwoners = \"veel\"\n");
    let o = buig(&db, &["vangnet", "--input", toml.to_str().unwrap()]);
    geweigerd(&o, "casus.toml: inwoners: geen geldige TOML (regel 2)");
    assert!(stderr(&o).contains("verwacht een geheel getal van 0 of meer"), "{}", stderr(&o));
}

#[test]
fn a_tab_separated_file_is_told_it_is_tab_separated() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite(dir.path());
    let tabs = "client_id\tregeling\tstartdatum\na1\tPW\t2023-01-01\n";
    let pad = schrijf(dir.path(), "export.csv", tabs);
    let o = buig(&db, &["import", "uitkeringen", pad.to_str().unwrap(), "--gemeente", "GM0150"]);
    geweigerd(&o, "export.csv: is tab-gescheiden: tussen de kolommen staan tabs, en de import verwacht puntkomma's (;) of komma's (,)");
    let plan = schrijf(dir.path(), "plan.csv", "lijn\tcode\ttitel\n1\t1A\tJongeren\n");
    let o = buig(&db, &["plan", "import", plan.to_str().unwrap(), "--gemeente", "GM0150", "--titel", "Plan"]);
    geweigerd(&o, "plan.csv: het bestand is tab-gescheiden");
}

/// Runs `buig` with its standard output closed before it writes a line.
fn met_gesloten_pijp(db: &str, args: &[&str]) -> Output {
    let mut kind = Command::new(env!("CARGO_BIN_EXE_buig"))
        .args(args)
        .env("DATABASE_URL", db)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(kind.stdout.take());
    kind.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_the_output_quietly_instead_of_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite(dir.path());
    for args in [&["historie"][..], &["regels"], &["genereer", "--gemeenten", "2", "--uitkeringen", "50000"]] {
        let o = met_gesloten_pijp(&db, args);
        assert_eq!(o.status.code(), Some(0), "buig {args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "buig {args:?}: {}", stderr(&o));
    }
}

#[test]
fn control_characters_from_a_file_are_shown_not_sent_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite(dir.path());
    // A value with an escape sequence (clear the screen) and a carriage return.
    let fout = schrijf(dir.path(), "u.csv", "client_id,regeling,startdatum\na1,PW,\"\u{1b}[2J\rnu\"\n");
    let o = buig(&db, &["import", "uitkeringen", fout.to_str().unwrap(), "--gemeente", "GM0150"]);
    geweigerd(&o, "u.csv: rij 2, kolom startdatum: \"\u{241b}[2J\u{240d}nu\"");
    assert!(!stderr(&o).contains(['\u{1b}', '\r']), "{:?}", stderr(&o));
    // A file name with an escape sequence, listed by the history.
    let goed = schrijf(dir.path(), "rood\u{1b}[31m.csv", "client_id,regeling,startdatum\na1,PW,2023-01-01\n");
    let o = buig(&db, &["import", "uitkeringen", goed.to_str().unwrap(), "--gemeente", "GM0150"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = buig(&db, &["historie"]);
    assert!(stdout(&o).contains("rood\u{241b}[31m.csv") && !stdout(&o).contains('\u{1b}'), "{:?}", stdout(&o));
}
