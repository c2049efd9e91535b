// SPDX-License-Identifier: EUPL-1.2
//! `buig import` that cannot quietly erase a gemeente's history, `buig
//! herstel`, rows no careful user means, a second import that waits its
//! turn, and the audit log of imports from the command line — as a user
//! runs them.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use buig_store::Store;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_buig")
}

fn buig(db: &str, args: &[&str]) -> Output {
    Command::new(bin()).args(args).env("DATABASE_URL", db).output().expect("buig runs")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// The stored spells of a gemeente.
fn aantal(db: &str, g: &str) -> i64 {
    buig_store::block_on(async {
        let store = Store::open(db).await.unwrap();
        let n = store.aantal_uitkeringen().await.unwrap().into_iter().find(|(c, _)| c.to_string() == g).map_or(0, |x| x.1);
        store.close().await;
        n
    })
}

#[test]
fn a_one_row_spells_file_is_refused_until_vervang_and_buig_herstel_puts_the_spells_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("h.db").display());
    assert!(buig(&db, &["demo"]).status.success());
    let voor = aantal(&db, "GM9999");
    assert!(voor > 10_000);
    let een = write(dir.path(), "een.csv", "client_id,regeling,startdatum\nz1,PW,2024-01-01\n");
    let een = een.to_str().unwrap();

    let o = buig(&db, &["import", "uitkeringen", een, "--gemeente", "GM9999"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("meer dan de helft van de opgeslagen uitkeringen") && t.contains("naar 1") && t.contains("--vervang"), "{t}");
    assert_eq!(aantal(&db, "GM9999"), voor, "nothing replaced");

    let o = buig(&db, &["import", "uitkeringen", een, "--gemeente", "GM9999", "--vervang"]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(aantal(&db, "GM9999"), 1);
    let t = text(&o);
    let id = t[t.find("(import ").unwrap() + 8..].split(')').next().unwrap().to_string();
    assert!(text(&buig(&db, &["historie"])).contains(een), "buig historie shows the import");

    let o = buig(&db, &["herstel", &id]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains(&format!("Import {id} (uitkeringen")) && text(&o).contains("hersteld"), "{}", text(&o));
    assert_eq!(aantal(&db, "GM9999"), voor, "the spells are back");
    let h = text(&buig(&db, &["historie"]));
    assert!(h.contains("hersteld") && h.contains(&format!("herstel van import {id}")), "{h}");

    let o = buig(&db, &["herstel", &id]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("al hersteld"), "{}", text(&o));
    let o = buig(&db, &["herstel", "--help"]);
    assert!(o.status.success() && text(&o).contains("buig historie"), "{}", text(&o));
}

#[test]
fn rows_no_careful_user_means_are_refused_with_the_row_named_and_nothing_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("r.db").display());
    let gevallen = [
        ("uitkeringen", "kop.csv", "client_id,regeling,startdatum\n", "kop.csv: het bestand heeft alleen een kopregel en geen gegevens"),
        (
            "uitkeringen",
            "twee-keer.csv",
            "client_id,regeling,startdatum\na1,PW,2024-01-01\na1,PW,2024-01-01\n",
            "twee-keer.csv: rij 3: dezelfde uitkering als rij 2",
        ),
        (
            "realisatie",
            "dubbel.csv",
            "jaar,maand,lasten,baten\n2024,5,100,1\n2024,5,900,1\n",
            "dubbel.csv: rij 3: dezelfde maand als rij 2",
        ),
        (
            "realisatie",
            "toekomst.csv",
            "jaar,maand,lasten,baten\n2030,1,99999999,1\n",
            "toekomst.csv: rij 2, kolom maand: jan 2030 ligt na de huidige maand",
        ),
    ];
    for (soort, naam, inhoud, verwacht) in gevallen {
        let f = write(dir.path(), naam, inhoud);
        let o = buig(&db, &["import", soort, f.to_str().unwrap(), "--gemeente", "GM0150"]);
        assert_eq!(o.status.code(), Some(2), "{naam}: {}", text(&o));
        assert!(text(&o).contains(verwacht) && text(&o).contains("niets opgeslagen"), "{naam}: {}", text(&o));
    }
    let h = text(&buig(&db, &["historie"]));
    for (_, naam, _, _) in gevallen {
        assert!(!h.contains(naam), "no history line for {naam}: {h}");
    }
    assert_eq!(aantal(&db, "GM0150"), 0);
}

#[test]
fn imports_from_the_command_line_are_audited_stored_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("a.db").display());
    let goed = write(dir.path(), "goed.csv", "jaar,maand,lasten,baten\n2024,5,100,1\n");
    let fout = write(dir.path(), "fout.csv", "jaar,maand,lasten,baten\n2024,13,100,1\n");
    assert!(buig(&db, &["import", "realisatie", goed.to_str().unwrap(), "--gemeente", "GM0150"]).status.success());
    assert_eq!(buig(&db, &["import", "realisatie", fout.to_str().unwrap(), "--gemeente", "GM0150"]).status.code(), Some(2));
    let o = buig(&db, &["gebruiker", "audit", "--gemeente", "GM0150"]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    let geweigerd = t.find("Import geweigerd (import.geweigerd)").expect("the refusal is in the audit log, in words");
    let opgeslagen = t.find("realisatie goed.csv: 1 rijen, opgeslagen").expect("the stored import is in the audit log");
    assert!(geweigerd < opgeslagen, "newest first: {t}");
    assert!(t.contains("realisatie fout.csv: fout.csv: rij 2, kolom maand"), "{t}");
}

#[test]
fn a_second_import_waits_its_turn_with_a_dutch_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("w.db").display());
    let groot = dir.path().join("groot.csv");
    let o = buig(&db, &["genereer", "--gemeenten", "5", "--uitkeringen", "400000", "--seed", "7", "-o", groot.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let klein = write(dir.path(), "klein.csv", "client_id,regeling,startdatum\na1,PW,2024-01-01\n");

    let mut eerste = Command::new(bin())
        .args(["import", "uitkeringen", groot.to_str().unwrap()])
        .env("DATABASE_URL", &db)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut regels = BufReader::new(eerste.stderr.take().unwrap()).lines();
    let regel = regels.next().expect("a progress line").unwrap();
    assert!(regel.contains("rijen gelezen"), "{regel}");
    // The first import is reading: a second one starts now.
    let tweede = buig(&db, &["import", "uitkeringen", klein.to_str().unwrap(), "--gemeente", "GM0150"]);
    for r in regels.by_ref() {
        r.unwrap();
    }
    assert!(eerste.wait().unwrap().success());
    assert!(tweede.status.success(), "{}", text(&tweede));
    let t = text(&tweede);
    assert!(t.contains("Er loopt al een import in deze database; deze wacht tot die klaar is"), "{t}");
    assert!(!t.contains("locked"), "{t}");
    assert_eq!(aantal(&db, "GM0150"), 1);
}
