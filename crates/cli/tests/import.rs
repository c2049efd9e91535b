// SPDX-License-Identifier: EUPL-1.2
//! `buig import`, `buig demo` and `buig genereer` as a user runs them,
//! including the hard case: the process killed (SIGKILL) in the middle of a
//! large import leaves the earlier data exactly as it was.

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

const SPELLS: &str = "client_id;regeling;startdatum;einddatum;reden_einde;geboortedatum;huishouden\n\
                      a1;PW;15-03-2021;;;01-01-1980;alleenstaand\n\
                      a2;PW;01-06-2022;31-12-2023;werk;12-05-1999;alleenstaand\n";

#[test]
fn killing_an_import_midway_leaves_the_previous_data_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("kill.db").display());
    let small = write(dir.path(), "klein.csv", SPELLS);
    let o = buig(&db, &["import", "uitkeringen", small.to_str().unwrap(), "--gemeente", "GM0150"]);
    assert!(o.status.success(), "{}", text(&o));

    // A national file large enough to be killed mid-way (progress every 100.000 rows).
    let big = dir.path().join("groot.csv");
    let o = buig(&db, &["genereer", "--gemeenten", "5", "--uitkeringen", "400000", "--seed", "7", "-o", big.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));

    let mut child = Command::new(bin())
        .args(["import", "uitkeringen", big.to_str().unwrap()])
        .env("DATABASE_URL", &db)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().expect("a progress line").unwrap();
    assert!(first.contains("rijen gelezen"), "{first}");
    child.kill().unwrap(); // SIGKILL on Unix: no cleanup runs
    let status = child.wait().unwrap();
    assert!(!status.success(), "the import must have been killed, not finished");

    let counts = buig_store::block_on(async {
        let store = Store::open(&db).await.unwrap();
        let n = store.aantal_uitkeringen().await.unwrap();
        let h = store.historie().await.unwrap();
        store.close().await;
        (n, h)
    });
    assert_eq!(counts.0, vec![("GM0150".parse().unwrap(), 2)], "only the earlier import's uitkeringen");
    assert_eq!(counts.1.iter().filter(|h| h.soort == "uitkeringen").count(), 1, "the killed import left no history");

    // The database still works: the same file imports completely afterwards.
    let o = buig(&db, &["import", "uitkeringen", big.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("400.000 rijen"), "{}", text(&o));
}

#[test]
fn a_bad_file_is_refused_with_dutch_row_errors_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("fout.db").display());
    let bad = write(
        dir.path(),
        "fout.csv",
        "client_id,regeling,startdatum,einddatum,reden_einde,geboortedatum,huishouden\nb1,PW,2021-01-01,2020-01-01,,1980-01-01,x\nb2,XX,2021-01-01,,,1980-01-01,x\n",
    );
    let o = buig(&db, &["import", "uitkeringen", bad.to_str().unwrap(), "--gemeente", "GM0150"]);
    assert_eq!(o.status.code(), Some(2));
    let t = text(&o);
    assert!(t.contains("rij 2, kolom einddatum") && t.contains("rij 3, kolom regeling"), "{t}");
    assert!(t.contains("niets opgeslagen"), "{t}");
}

#[test]
fn a_file_without_gemeente_column_needs_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("g.db").display());
    let f = write(dir.path(), "u.csv", SPELLS);
    let o = buig(&db, &["import", "uitkeringen", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("--gemeente"), "{}", text(&o));
}

#[test]
fn the_demo_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("demo.db").display());
    let o = buig(&db, &["demo"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("Voorbeeldstad"));
    let o = buig(&db, &["demo"]);
    assert!(text(&o).contains("al in de database"), "{}", text(&o));
    let h = buig(&db, &["historie"]);
    assert!(text(&h).contains("demo: Voorbeeldstad (uitkeringen)"));
}

#[test]
fn an_unknown_kind_is_a_usage_error() {
    let o = buig("sqlite::memory:", &["import", "salarissen", "x.csv"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_cli_imports_and_reads_back_on_postgresql() {
    let Some(base) = std::env::var("BUIG_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()) else {
        assert!(std::env::var("CI").is_err(), "CI must provide BUIG_TEST_POSTGRES_URL (see .ci/run)");
        // Straight to stderr, past the test harness's capture: a local run says what it did not test.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            "overgeslagen: de PostgreSQL-import via de opdrachtregel (BUIG_TEST_POSTGRES_URL is niet gezet; .ci/run start PostgreSQL)\n"
                .as_bytes(),
        );
        return;
    };
    let name = format!("buig_cli_{}", std::process::id());
    let admin = |sql: String| {
        buig_store::block_on(async {
            sqlx::any::install_default_drivers();
            let pool = sqlx::AnyPool::connect(&base).await.unwrap();
            sqlx::query(&sql).execute(&pool).await.unwrap();
            pool.close().await;
        })
    };
    admin(format!("DROP DATABASE IF EXISTS {name}"));
    admin(format!("CREATE DATABASE {name}"));
    let db = format!("{}/{name}", &base[..base.rfind('/').unwrap()]);
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "u.csv", SPELLS);
    // Several database calls in one process: the pool must outlive each call.
    let o = buig(&db, &["import", "uitkeringen", f.to_str().unwrap(), "--gemeente", "GM0150"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("2 rijen"), "{}", text(&o));
    let o = buig(&db, &["demo"]);
    assert!(o.status.success(), "{}", text(&o));
    let o = buig(&db, &["historie"]);
    assert!(text(&o).contains("uitkeringen"), "{}", text(&o));
    admin(format!("DROP DATABASE {name}"));
}

const CONTRACT_SPELLS: &str = "client_id;regeling;startdatum;einddatum;reden_einde;geboortedatum;huishouden\n\
                               a1;PW;15-03-2021;;;01-01-1980;alleenstaand\n\
                               a2;PW;01-06-2022;31-12-2023;werk;12-05-1999;alleenstaand\n\
                               a3;IOAW;31-01-2023;28-02-2023;overig;03-03-1962;gezin\n";

fn reeks(o: &Output) -> Vec<serde_json::Value> {
    assert!(o.status.success(), "{}", text(o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["reeks"].as_array().unwrap().clone()
}

#[test]
fn bestand_gives_the_same_series_from_a_file_and_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("b.db").display());
    let f = write(dir.path(), "u.csv", CONTRACT_SPELLS);
    let args = ["--van", "2023-01", "--tot", "2023-12", "--json"];
    let from_file = reeks(&buig(&db, &[&["bestand", "--invoer", f.to_str().unwrap(), "--gemeente", "GM0150"][..], &args[..]].concat()));
    let o = buig(&db, &["import", "uitkeringen", f.to_str().unwrap(), "--gemeente", "GM0150"]);
    assert!(o.status.success(), "{}", text(&o));
    let from_store = reeks(&buig(&db, &[&["bestand", "--gemeente", "GM0150"][..], &args[..]].concat()));
    assert_eq!(from_file, from_store);
    assert_eq!(from_file.len(), 12);
    assert_eq!((from_file[0]["stand"].as_u64(), from_file[0]["instroom"].as_u64()), (Some(3), Some(1)));
    assert_eq!(from_file[1]["uitstroom"], 1);
    assert_eq!((from_file[11]["stand"].as_u64(), from_file[11]["saldo"].as_i64()), (Some(1), Some(-1)));
    assert_eq!(from_file[11]["duur"]["24-36"], 1);
}

#[test]
fn bestand_filters_a_national_file_by_gemeente_and_aggregates_quarters() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("nl.csv");
    let o = buig("sqlite::memory:", &["genereer", "--gemeenten", "3", "--uitkeringen", "3000", "--seed", "3", "-o", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let code = std::fs::read_to_string(&f).unwrap().lines().nth(1).unwrap().split(',').next().unwrap().to_string();
    let q = reeks(&buig(
        "sqlite::memory:",
        &[
            "bestand",
            "--invoer",
            f.to_str().unwrap(),
            "--gemeente",
            &code,
            "--van",
            "2024-01",
            "--tot",
            "2024-12",
            "--per",
            "kwartaal",
            "--json",
        ],
    ));
    let m = reeks(&buig(
        "sqlite::memory:",
        &["bestand", "--invoer", f.to_str().unwrap(), "--gemeente", &code, "--van", "2024-01", "--tot", "2024-12", "--json"],
    ));
    assert_eq!(q.len(), 4);
    assert_eq!(q[3]["stand"], m[11]["stand"], "a quarter's stand is the stand at its end");
    let inflow: u64 = m[..3].iter().map(|p| p["instroom"].as_u64().unwrap()).sum();
    assert_eq!(q[0]["instroom"].as_u64().unwrap(), inflow);
    let table =
        buig("sqlite::memory:", &["bestand", "--invoer", f.to_str().unwrap(), "--gemeente", &code, "--van", "2024-01", "--tot", "2024-03"]);
    assert!(text(&table).contains("jan 2024") || text(&table).contains("2024-01"), "{}", text(&table));
}

#[test]
fn bestand_refuses_bad_input_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "fout.csv",
        "client_id,regeling,startdatum,einddatum,reden_einde,geboortedatum,huishouden\nb1,PW,2021-05-01,2021-04-30,,1980-01-01,x\n",
    );
    let o = buig(
        "sqlite::memory:",
        &["bestand", "--invoer", bad.to_str().unwrap(), "--gemeente", "GM0150", "--van", "2021-01", "--tot", "2021-12"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("rij 2, kolom einddatum"), "{}", text(&o));
    let o = buig("sqlite::memory:", &["bestand", "--gemeente", "GM0150", "--van", "2023-12", "--tot", "2023-01"]);
    assert_eq!(o.status.code(), Some(2));
    let o = buig("sqlite::memory:", &["bestand", "--van", "2023-01", "--tot", "2023-12"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("--gemeente"), "{}", text(&o));
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", text(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn bestand_breaks_the_caseload_down_by_regeling_and_by_household() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "u.csv", CONTRACT_SPELLS);
    let args = ["bestand", "--invoer", f.to_str().unwrap(), "--gemeente", "GM0150", "--van", "2023-01", "--tot", "2023-12"];
    let v = json(&buig("sqlite::memory:", &[&args[..], &["--uitsplitsing", "regeling", "--json"]].concat()));
    let groepen = v["uitsplitsing"].as_object().unwrap();
    assert_eq!(groepen.keys().collect::<Vec<_>>(), ["IOAW", "PW"]);
    assert_eq!(
        (v["uitsplitsing"]["PW"]["reeks"][0]["stand"].as_u64(), v["uitsplitsing"]["IOAW"]["reeks"][0]["stand"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(v["uitsplitsing"]["PW"]["reeks"].as_array().unwrap().len(), 12);
    let t = buig("sqlite::memory:", &[&args[..], &["--uitsplitsing", "huishouden"]].concat());
    assert!(t.status.success());
    let t = text(&t);
    assert!(t.contains("Huishouden alleenstaand\n") && t.contains("Huishouden gezin\n") && t.contains("jan 2023"), "{t}");
    let o = buig("sqlite::memory:", &[&args[..], &["--uitsplitsing", "leeftijd"]].concat());
    assert_eq!(o.status.code(), Some(2));
    // With --invoer an unknown name is read as a column of the file; this file has none called so.
    assert!(text(&o).contains("kolom leeftijd ontbreekt"), "{}", text(&o));
}

#[test]
fn bestand_compares_a_gemeente_with_the_country_and_its_size_class_from_a_national_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("nl.csv");
    let o = buig("sqlite::memory:", &["genereer", "--gemeenten", "7", "--uitkeringen", "7000", "--seed", "3", "-o", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let inhoud = std::fs::read_to_string(&f).unwrap();
    let mut codes: Vec<String> = inhoud.lines().skip(1).map(|l| l.split(',').next().unwrap().to_string()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 7);
    let base = |g: &str| {
        vec!["bestand", "--invoer", f.to_str().unwrap(), "--gemeente", g, "--van", "2024-01", "--tot", "2024-06", "--json"]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let run = |extra: &[&str], g: &str| {
        let mut a = base(g);
        a.extend(extra.iter().map(|s| s.to_string()));
        json(&buig("sqlite::memory:", &a.iter().map(String::as_str).collect::<Vec<_>>()))
    };
    let v = run(&["--vergelijk", "land"], &codes[0]);
    let g = &v["vergelijking"];
    assert_eq!((g["groep"].as_str(), g["gemeenten"].as_u64()), (Some("alle gemeenten in de bron"), Some(7)));
    let som: u64 = codes.iter().map(|c| run(&[], c)["reeks"][5]["stand"].as_u64().unwrap()).sum();
    assert_eq!(g["reeks"][5]["stand"].as_u64(), Some(som), "the group's stand is the sum of its gemeenten");
    assert_eq!(g["reeks"][0]["index"], 100.0);
    assert_eq!(v["reeks"][0]["index"], 100.0);
    assert_eq!(g["reeks"][0]["per_1000_gemeenten"], 7, "bundled inhabitants 2024 of all seven");
    assert!(g["reeks"][0]["per_1000"].as_f64().unwrap() > 0.0);
    let k = run(&["--vergelijk", "grootteklasse"], &codes[0]);
    assert!(k["vergelijking"]["groep"].as_str().unwrap().starts_with("grootteklasse "), "{k}");
    assert!(k["vergelijking"]["gemeenten"].as_u64().unwrap() >= 1);
    let t = buig(
        "sqlite::memory:",
        &[
            "bestand",
            "--invoer",
            f.to_str().unwrap(),
            "--gemeente",
            &codes[0],
            "--van",
            "2024-01",
            "--tot",
            "2024-03",
            "--vergelijk",
            "land",
        ],
    );
    assert!(t.status.success());
    let t = text(&t);
    assert!(t.starts_with("Vergelijkingsgroep: alle gemeenten in de bron (7 gemeenten") && t.contains("groep per 1.000"), "{t}");
}

#[test]
fn bestand_refuses_a_province_comparison_because_the_data_has_no_province() {
    let o =
        buig("sqlite::memory:", &["bestand", "--gemeente", "GM0150", "--van", "2023-01", "--tot", "2023-12", "--vergelijk", "provincie"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("geen provincie per gemeente"), "{}", text(&o));
    let o = buig("sqlite::memory:", &["bestand", "--invoer", "x.csv", "--van", "2023-01", "--tot", "2023-12", "--vergelijk", "land"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("vragen --gemeente"), "{}", text(&o));
}

#[test]
fn bestand_shows_an_imported_cbs_series_beside_the_stand_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("v.db").display());
    let f = write(dir.path(), "u.csv", CONTRACT_SPELLS);
    let cbs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/import/vergelijking-cbs.csv");
    let args = ["bestand", "--gemeente", "GM0150", "--van", "2023-01", "--tot", "2023-03", "--vergelijk-reeks", "CBS 82015NED"];
    let o = buig(&db, &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("buig import vergelijking"), "{}", text(&o));
    for (soort, pad) in [("uitkeringen", f.as_path()), ("vergelijking", cbs.as_path())] {
        let mut a = vec!["import", soort, pad.to_str().unwrap()];
        if soort == "uitkeringen" {
            a.extend(["--gemeente", "GM0150"]);
        }
        let o = buig(&db, &a);
        assert!(o.status.success(), "{}", text(&o));
    }
    let v = json(&buig(&db, &[&args[..], &["--json", "--vergelijk", "land"]].concat()));
    let gebieden = v["vergelijkreeks"]["gebieden"].as_array().unwrap();
    assert_eq!(v["vergelijkreeks"]["naam"], "CBS 82015NED");
    assert_eq!((gebieden[0]["gebied"].as_str(), gebieden[1]["gebied"].as_str()), (Some("GM0150"), Some("NL01")));
    assert_eq!(gebieden[0]["reeks"][1]["waarde"], 2155);
    assert_eq!(gebieden[0]["reeks"][1]["index"], 100.7);
    assert_eq!(gebieden[1]["reeks"][2]["index"], 100.63);
    assert_eq!((v["reeks"][0]["stand"].as_u64(), v["reeks"][0]["index"].as_f64()), (Some(3), Some(100.0)));
    assert_eq!(v["vergelijking"]["gemeenten"], 1, "the store holds uitkeringen of one gemeente");
    let t = text(&buig(&db, &args));
    assert!(t.contains("Vergelijkingsreeks: CBS 82015NED") && t.contains("NL01 index") && t.contains("400.000"), "{t}");
}

#[test]
fn bestand_alle_gemeenten_gives_every_gemeente_as_the_single_gemeente_command_does() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("nl.csv");
    let o = buig("sqlite::memory:", &["genereer", "--gemeenten", "4", "--uitkeringen", "4000", "--seed", "5", "-o", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let period = ["--van", "2023-01", "--tot", "2024-12", "--per", "kwartaal", "--json"];
    let alle = buig("sqlite::memory:", &[&["bestand", "--invoer", f.to_str().unwrap(), "--alle-gemeenten"][..], &period[..]].concat());
    assert!(alle.status.success(), "{}", text(&alle));
    let alle: serde_json::Value = serde_json::from_slice(&alle.stdout).unwrap();
    let gemeenten = alle["gemeenten"].as_object().unwrap();
    assert_eq!(gemeenten.len(), 4);
    for (code, reeks) in gemeenten {
        let one = buig("sqlite::memory:", &[&["bestand", "--invoer", f.to_str().unwrap(), "--gemeente", code][..], &period[..]].concat());
        let one: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
        assert_eq!(reeks["reeks"], one["reeks"], "{code}");
    }
}

#[test]
fn budget_shows_the_seed_000_decisions_and_splits_the_change_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("budget.db").display());
    assert!(buig(&db, &["demo"]).status.success());
    let o = buig(&db, &["budget", "--gemeente", "GM0150"]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("€ 41.984.531") && t.contains("€ 45.917.564"), "{t}");
    assert!(t.contains("definitief 2023 → voorlopig 2024: € 3.933.033"), "{t}");
    let o = buig(&db, &["budget", "--gemeente", "GM0150", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let w = &v["wijzigingen"][0];
    assert_eq!(w["verschil"], 3_933_033);
    let som = w["macro_effect"].as_f64().unwrap() + w["aandeel_effect"].as_f64().unwrap();
    assert!((som - 3_933_033.0).abs() < 0.005, "{w}");
    // Bedum: the 2018 prognosis of seed 003 gives € 50.767 through the budget view.
    let o = buig(&db, &["budget", "--gemeente", "GM0005", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let j2018 = v["jaren"].as_array().unwrap().iter().find(|j| j["jaar"] == 2018).unwrap();
    assert_eq!(j2018["vangnet"]["vangnetuitkering"], 50_767);
    assert_eq!(j2018["vangnet"]["stadium"], "prognose");
    let o = buig(&db, &["budget", "--gemeente", "GM0344"]);
    assert_eq!(o.status.code(), Some(2), "no data for Utrecht: a clear refusal");
}

#[test]
fn bestand_breaks_a_file_down_by_any_of_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "doelgroep.csv",
        "client_id;regeling;startdatum;einddatum;reden_einde;geboortedatum;huishouden;Doelgroep\n\
         a1;PW;15-03-2021;;;01-01-1980;alleenstaand;statushouder\n\
         a2;PW;01-06-2022;;;12-05-1999;alleenstaand;jongere\n\
         a3;IOAW;31-01-2023;;;03-03-1962;gezin;\n\
         a4;PW;01-02-2023;;;03-03-1990;gezin;jongere\n",
    );
    let args = ["--invoer", f.to_str().unwrap(), "--gemeente", "GM0150", "--van", "2023-12", "--tot", "2023-12"];
    let o = buig("sqlite::memory:", &[&["bestand"][..], &args[..], &["--uitsplitsing", "doelgroep", "--json"][..]].concat());
    assert!(o.status.success(), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let stand = |g: &str| v["uitsplitsing"][g]["reeks"][0]["stand"].as_u64();
    assert_eq!((stand("jongere"), stand("statushouder"), stand("onbekend")), (Some(2), Some(1), Some(1)));
    let table = buig("sqlite::memory:", &[&["bestand"][..], &args[..], &["--uitsplitsing", "doelgroep"][..]].concat());
    assert!(text(&table).contains("doelgroep jongere"), "{}", text(&table));
    // The known breakdowns still work, also on exit reasons.
    let o = buig("sqlite::memory:", &[&["bestand"][..], &args[..], &["--uitsplitsing", "reden_einde", "--json"][..]].concat());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["uitsplitsing"]["lopend"]["reeks"][0]["stand"], 4);
    // A column the file lacks: a clear refusal naming it.
    let o = buig("sqlite::memory:", &[&["bestand"][..], &args[..], &["--uitsplitsing", "wijk"][..]].concat());
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("kolom wijk ontbreekt"), "{}", text(&o));
    // From the database only the stored columns can be used.
    let o = buig("sqlite::memory:", &["bestand", "--gemeente", "GM0150", "--van", "2023-01", "--tot", "2023-12", "--uitsplitsing", "wijk"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("alleen met --invoer"), "{}", text(&o));
}
