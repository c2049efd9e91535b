// SPDX-License-Identifier: EUPL-1.2
//! `buig prognose`: exit codes, messages and the JSON keys on the demo database.

use std::process::{Command, Output};

fn buig(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buig")).args(args).env("DATABASE_URL", db).output().expect("buig runs")
}

fn demo_db(dir: &std::path::Path) -> String {
    let db = format!("sqlite://{}", dir.join("demo.db").display());
    let o = buig(&db, &["demo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    db
}

#[test]
fn the_prognosis_of_the_demo_gemeente_gives_its_json_keys_and_ordered_percentiles() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let scen = dir.path().join("knoppen.toml");
    std::fs::write(&scen, "[[scenario]]\nnaam = \"aanvalsplan\"\nminder_uitkeringen_eind_jaar = 300\n").unwrap();
    let args =
        ["prognose", "--gemeente", "GM9999", "--jaar", "2024", "--peildatum", "2024-06-30", "--runs", "2000", "--json", "--scenario"];
    let o = buig(&db, &[&args[..], &[scen.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for k in [
        "gemeente",
        "jaar",
        "peildatum",
        "gerealiseerde_maanden",
        "gerealiseerd_netto",
        "prijs_per_uitkering",
        "maanden",
        "netto_lasten",
        "budget",
        "budget_bedrag",
        "resultaat",
        "tekort",
        "tekort_percentage",
        "vangnet",
        "onzekerheid",
        "verloop",
        "scenarios",
        "waarschuwingen",
        "kop",
    ] {
        assert!(v.get(k).is_some(), "key {k}");
    }
    assert_eq!(v["gerealiseerde_maanden"], 6);
    let o_ = &v["onzekerheid"];
    assert!(o_["p10"].as_f64() <= o_["p50"].as_f64() && o_["p50"].as_f64() <= o_["p90"].as_f64());
    assert!((0.0..=1.0).contains(&o_["kans_vangnet"].as_f64().unwrap()));
    assert_eq!(v["verloop"].as_array().unwrap().len(), 6);
    assert!(v["scenarios"][0]["netto_lasten"].as_f64() < v["netto_lasten"].as_f64());
    // Nobody said whether a vangnetuitkering was granted over 2022 or 2023: unknown, never a basisverzoek by assumption.
    assert!(v["vangnet"]["formulier"].is_null() && v["vangnet"]["aanhoudend_tekort"].is_null(), "{}", v["vangnet"]);
    assert!(v["vangnet"]["termijn_verstreken"].is_boolean());
    // The headline: the median of the runs, the same figure as the percentiles' middle.
    assert_eq!(v["kop"]["resultaat"], o_["p50"]);
    assert!(v["kop"]["kans_vangnet"] == o_["kans_vangnet"]);

    let t = buig(&db, &["prognose", "--gemeente", "GM9999", "--jaar", "2024", "--peildatum", "2024-06-30", "--runs", "2000"]);
    let t = String::from_utf8(t.stdout).unwrap();
    // The text leads with the same headline as the JSON (and every page): the median of the same runs.
    let cent = (v["kop"]["resultaat"].as_f64().unwrap() * 100.0).round() as i64;
    let woorden = if cent < 0 { "een tekort van" } else { "een overschot van" };
    let kop = format!("Verwacht resultaat 2024: {woorden} {}", buig_core::nl::money(buig_core::Money::from_cents(cent.abs())));
    assert!(t.contains(&kop), "{kop}\n{t}");
    assert!(t.contains("Prognose BUIG 2024 Voorbeeldstad (GM9999), peildatum 30-06-2024"), "{t}");
    assert!(t.contains("Kans op een vangnetuitkering"));
}

#[test]
fn the_backtest_prints_its_table_and_a_wrong_peildatum_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let o = buig(&db, &["prognose", "--gemeente", "GM9999", "--backtest", "--json", "--runs", "100"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["mae"].as_f64().unwrap().is_finite());
    assert!(v["mae_pp"].as_f64().unwrap().is_finite());
    assert_eq!(v["per_maand"].as_array().unwrap().len(), 12);
    for k in ["dekking_p10_p90", "brier_tekort", "brier_vangnet"] {
        assert!((0.0..=1.0).contains(&v[k].as_f64().unwrap()), "{k}");
    }
    let t = buig(&db, &["prognose", "--gemeente", "GM9999", "--backtest", "--runs", "100"]);
    let t = String::from_utf8(t.stdout).unwrap();
    assert!(t.contains("gem. abs. fout") && t.contains("dekking") && t.contains("Brier vangnet"), "{t}");

    let bad = buig(&db, &["prognose", "--gemeente", "GM9999", "--jaar", "2024", "--peildatum", "30-06-2024"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--peildatum"));
    let missing = buig(&db, &["prognose", "--gemeente", "GM9999", "--jaar", "2024"]);
    assert_eq!(missing.status.code(), Some(2));
}

fn cent(v: &serde_json::Value) -> i64 {
    (v.as_f64().unwrap_or_else(|| panic!("a number: {v}")) * 100.0).round() as i64
}

fn prognose_json(db: &str, peildatum: &str) -> serde_json::Value {
    let o = buig(db, &["prognose", "--gemeente", "GM9999", "--jaar", "2024", "--peildatum", peildatum, "--runs", "400", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Issue "Beyond the anchors" 2: a recorded report moment, and how a later
/// prognosis of the year moved since, split so the parts add up to the euro.
#[test]
fn a_recorded_prognosis_is_the_report_moment_a_later_one_of_the_year_is_compared_with() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Nothing recorded: no comparison.
    assert!(prognose_json(&db, "2024-06-30")["vorige_rapportage"].is_null());
    let vast = |peildatum: &str| {
        let args = ["prognose", "--gemeente", "GM9999", "--jaar", "2024", "--peildatum", peildatum, "--runs", "400", "--vastleggen"];
        let o = buig(&db, &args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let melding = vast("2024-03-31");
    assert!(melding.contains("Vastgelegd als rapportage 2024 met peildatum 31 maart 2024"), "{melding}");
    // Recording the same moment again replaces it.
    vast("2024-03-31");
    let maart = prognose_json(&db, "2024-03-31");
    assert!(maart["vorige_rapportage"].is_null(), "a report moment is not compared with itself");
    let juni = prognose_json(&db, "2024-06-30");
    let v = &juni["vorige_rapportage"];
    assert_eq!(v["peildatum"], "2024-03-31");
    assert_eq!(cent(&v["resultaat"]), cent(&maart["kop"]["resultaat"]));
    assert_eq!(cent(&v["verschil"]), cent(&juni["kop"]["resultaat"]) - cent(&maart["kop"]["resultaat"]));
    let delen: i64 = ["volume", "prijs", "budget", "overig"].iter().map(|k| cent(&v[*k])).sum();
    assert_eq!(delen, cent(&v["verschil"]), "{v}");
    assert_eq!(cent(&v["budget"]), cent(&juni["kop"]["budget"]) - cent(&maart["kop"]["budget"]));
    // A later report moment becomes the one compared with; an earlier peildatum is compared with nothing after it.
    vast("2024-06-30");
    assert_eq!(prognose_json(&db, "2024-09-30")["vorige_rapportage"]["peildatum"], "2024-06-30");
    assert!(prognose_json(&db, "2024-02-29")["vorige_rapportage"].is_null());
    // The text says it in a sentence.
    let o = buig(&db, &["prognose", "--gemeente", "GM9999", "--jaar", "2024", "--peildatum", "2024-09-30", "--runs", "400"]);
    let tekst = String::from_utf8_lossy(&o.stdout);
    assert!(tekst.contains("dan de rapportage met peildatum 30 juni 2024"), "{tekst}");
    // Recorded in the audit log.
    let o = buig(&db, &["gebruiker", "audit", "--gemeente", "GM9999"]);
    let log = String::from_utf8_lossy(&o.stdout);
    assert!(log.contains("prognose 2024 per 30 juni 2024 vastgelegd als rapportage"), "{log}");
}
