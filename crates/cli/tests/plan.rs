// SPDX-License-Identifier: EUPL-1.2
//! `buig plan …` as a controller runs it (issue 8, "done when"): the seed 001
//! plan is loaded, updated quarter by quarter with costs, evaluated, shows its
//! progress against the caseload, and produces the measures section of the
//! notitie vangnet; a bad spreadsheet changes nothing.

use std::path::Path;
use std::process::{Command, Output};

fn buig(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buig")).args(args).env("DATABASE_URL", db).output().expect("buig runs")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn ok(db: &str, args: &[&str]) -> String {
    let o = buig(db, args);
    assert!(o.status.success(), "buig {args:?}: {}", text(&o));
    text(&o)
}

fn fails_with_2(db: &str, args: &[&str]) -> String {
    let o = buig(db, args);
    assert_eq!(o.status.code(), Some(2), "buig {args:?}: {}", text(&o));
    text(&o)
}

/// Ten benefits running since 2021; four of them end in 2023 (two to work).
fn uitkeringen(dir: &Path) -> String {
    let mut csv = String::from("client_id;regeling;startdatum;einddatum;reden_einde;geboortedatum;huishouden\n");
    for i in 0..10 {
        let eind = match i {
            0 | 1 => "31-03-2023;werk",
            2 | 3 => "30-09-2023;verhuizing",
            _ => ";",
        };
        csv.push_str(&format!("d{i};PW;01-0{}-2021;{eind};01-01-1985;alleenstaand\n", 1 + i % 9));
    }
    let p = dir.join("deventer.csv");
    std::fs::write(&p, csv).unwrap();
    p.to_str().unwrap().to_string()
}

fn xlsx(dir: &Path, name: &str, rows: &[&[&str]]) -> String {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("acties").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cel) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cel).unwrap();
        }
    }
    let p = dir.join(name);
    wb.save(&p).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn the_seed_plan_is_updated_quarter_by_quarter_and_becomes_the_measures_of_the_request() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("plan.db").display());
    ok(&db, &["demo"]);
    ok(&db, &["import", "uitkeringen", &uitkeringen(dir.path()), "--gemeente", "GM0150"]);
    let out = ok(&db, &["plan", "laad-voorbeeld"]);
    assert!(out.contains("25 acties in 3 actielijnen, 6 risico's"), "{out}");

    // Quarter by quarter: 1B (budget € 400.000 in the seed) with its costs, 3A with outflow.
    for (k, status, g, kosten) in
        [("2023-K1", "op_schema", "300", "100000"), ("2023-K2", "op_schema", "280", "€ 80.000,00"), ("2023-K3", "risico", "260", "50.000")]
    {
        ok(
            &db,
            &[
                "plan",
                "status",
                "--gemeente",
                "GM0150",
                "--actie",
                "1b",
                "--kwartaal",
                k,
                "--status",
                status,
                "--gerealiseerd",
                g,
                "--kosten",
                kosten,
            ],
        );
    }
    ok(&db, &["plan", "status", "--gemeente", "GM0150", "--actie", "3A", "--kwartaal", "2023-K3", "--status", "gereed"]);
    ok(
        &db,
        &[
            "plan",
            "evaluatie",
            "--gemeente",
            "GM0150",
            "--actie",
            "1B",
            "--datum",
            "2024-06-30",
            "--oordeel",
            "regulier",
            "--toelichting",
            "jongerenloket wordt staand beleid",
        ],
    );
    ok(
        &db,
        &[
            "plan",
            "evaluatie",
            "--gemeente",
            "GM0150",
            "--actie",
            "3N",
            "--datum",
            "2024-06-30",
            "--oordeel",
            "stoppen",
            "--toelichting",
            "geen effect gemeten",
        ],
    );
    let e =
        fails_with_2(&db, &["plan", "evaluatie", "--gemeente", "GM0150", "--actie", "1B", "--oordeel", "misschien", "--toelichting", "x"]);
    assert!(e.contains("--oordeel: \"misschien\" is geen oordeel"), "{e}");
    let e = fails_with_2(
        &db,
        &["plan", "status", "--gemeente", "GM0150", "--actie", "1B", "--kwartaal", "2023-K4", "--status", "risico", "--kosten=-1"],
    );
    assert!(e.contains("--kosten"), "{e}");

    // The overview: progress computed from the updates, the caseload since the nulmeting.
    let j: serde_json::Value = serde_json::from_str(&ok(&db, &["plan", "toon", "--gemeente", "GM0150", "--json"])).unwrap();
    let lijn1 = &j["actielijnen"][0];
    assert_eq!(lijn1["acties"][1]["code"], "1B");
    assert_eq!(lijn1["acties"][1]["laatste_status"]["kwartaal"], "2023-K3");
    assert_eq!(lijn1["acties"][1]["kosten"], 230_000.0, "100.000 + 80.000 + 50.000");
    assert_eq!(lijn1["acties"][1]["kosten_pct_budget"], 57.5);
    assert_eq!(lijn1["acties"][1]["realisatie_pct"], 50.0, "from 320 towards 200, at 260");
    assert_eq!(lijn1["acties"][1]["evaluatie"]["oordeel"], "regulier");
    assert_eq!(lijn1["voortgang"]["kosten"], 230_000.0);
    assert_eq!(j["totalen"]["voortgang"]["per_oordeel"]["stoppen"], 2, "3N (now) and 3D (seed 002)");
    assert_eq!(j["totalen"]["voortgang"]["per_status"]["gereed"], 1);
    // Ten at the end of December 2022, six at the end of the last month with data (September 2023).
    assert_eq!(j["sinds_nulmeting"]["stand_nulmeting"], 10);
    assert_eq!(j["sinds_nulmeting"]["verandering"], -4);
    assert_eq!(j["risicos"].as_array().unwrap().len(), 6);
    let t = ok(&db, &["plan", "toon", "--gemeente", "GM0150"]);
    assert!(t.contains("Sinds nulmeting: −4 uitkeringen van doel 300"), "{t}");
    assert!(t.contains("evaluatie 30-06-2024: regulier maken"), "{t}");

    // One action with its history.
    let a = ok(&db, &["plan", "actie", "--gemeente", "GM0150", "--actie", "1B"]);
    assert!(a.contains("Kosten: budget € 400.000, besteed € 230.000 (57,5%), resterend € 170.000"), "{a}");
    let (k1, k3) = (a.find("2023-K1  op schema; gerealiseerd 300; kosten € 100.000").unwrap(), a.find("2023-K3  risico").unwrap());
    assert!(k1 < k3, "{a}");
    assert!(a.contains("30-06-2024  regulier maken: jongerenloket wordt staand beleid"), "{a}");
    let e = fails_with_2(&db, &["plan", "actie", "--gemeente", "GM0150", "--actie", "9Z"]);
    assert!(e.contains("9Z staat niet in"), "{e}");

    // Risks: add, then remove; an unknown number is refused.
    let r = ok(&db, &["plan", "risico", "--gemeente", "GM0150", "--risico", "Krapte", "--beheersmaatregel", "Werving", "--kans", "hoog"]);
    assert!(r.contains("Risico 7 vastgelegd"), "{r}");
    ok(&db, &["plan", "risico-verwijderen", "--gemeente", "GM0150", "--nummer", "7"]);
    fails_with_2(&db, &["plan", "risico-verwijderen", "--gemeente", "GM0150", "--nummer", "7"]);
    let e = fails_with_2(&db, &["plan", "risico", "--gemeente", "GM0150", "--risico", "x", "--beheersmaatregel", "y", "--impact", "enorm"]);
    assert!(e.contains("--impact: \"enorm\" is geen niveau"), "{e}");

    // Every change is in the audit log.
    let log = ok(&db, &["gebruiker", "audit", "--gemeente", "GM0150"]);
    for actie in ["plan.import", "plan.status", "plan.evaluatie", "plan.risico"] {
        assert!(log.contains(actie), "{actie}: {log}");
    }

    // The measures section of the notitie vangnet 2023 comes from the plan.
    let html = dir.path().join("notitie.html");
    ok(&db, &["rapport", "notitie-vangnet", "--gemeente", "GM0150", "--jaar", "2023", "--formaat", "html", "-o", html.to_str().unwrap()]);
    let h = std::fs::read_to_string(&html).unwrap().replace('\u{a0}', " ");
    assert!(h.contains("€ 149.870") && h.contains("8,21%"), "the seed 002 amount");
    let m = &h[h.find(">Maatregelen<").expect("a measures section")..];
    assert!(m.contains("Aanvalsplan BUIG 2022-2023") && m.contains("25 acties in 3 actielijnen"), "{m}");
    assert!(m.contains("regulier maken (30-06-2024): jongerenloket wordt staand beleid"), "{m}");
    assert!(m.contains("stoppen (30-06-2024): geen effect gemeten"), "{m}");
    assert!(m.contains("Besteed aan de acties"), "{m}");
}

#[test]
fn a_bad_spreadsheet_changes_nothing_and_a_good_one_adds_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("xlsx.db").display());
    ok(&db, &["plan", "laad-voorbeeld"]);
    let voor = ok(&db, &["plan", "toon", "--gemeente", "GM0150", "--json"]);

    // The same title, one bad row: refused with the Excel row and column, nothing stored.
    let bad = xlsx(
        dir.path(),
        "fout.xlsx",
        &[&["lijn", "code", "titel", "soort"], &["1", "1A", "Jongeren", "intern"], &["2", "2A", "Bank", "beide"]],
    );
    let e = fails_with_2(&db, &["plan", "import", &bad, "--gemeente", "GM0150", "--titel", "Aanvalsplan BUIG 2022-2023"]);
    assert!(e.contains("fout.xlsx: rij 3, kolom soort: \"beide\" is geen soort"), "{e}");
    assert!(e.contains("Er is niets opgeslagen"), "{e}");
    assert_eq!(ok(&db, &["plan", "toon", "--gemeente", "GM0150", "--json"]), voor, "the stored plan is exactly as it was");

    // A good workbook under a new title: two plans, so the overview asks which.
    let good = xlsx(
        dir.path(),
        "plan2024.xlsx",
        &[
            &["lijn", "lijn_naam", "code", "titel", "budget", "soort", "effect_uitkeringen"],
            &["3", "Uitstroom", "3A", "LKS-offensief", "150.000", "extern", "60"],
        ],
    );
    let o = ok(
        &db,
        &[
            "plan",
            "import",
            &good,
            "--gemeente",
            "GM0150",
            "--titel",
            "Aanvalsplan 2024",
            "--van",
            "2024-01-01",
            "--sturing",
            "Kerngroep per kwartaal",
        ],
    );
    assert!(o.contains("1 acties in 1 actielijnen"), "{o}");
    let e = fails_with_2(&db, &["plan", "toon", "--gemeente", "GM0150"]);
    assert!(e.contains("meerdere plannen"), "{e}");
    let j: serde_json::Value =
        serde_json::from_str(&ok(&db, &["plan", "toon", "--gemeente", "GM0150", "--titel", "Aanvalsplan 2024", "--json"])).unwrap();
    assert_eq!(j["actielijnen"][0]["acties"][0]["budget"], 150_000.0);
    assert_eq!(j["sturing"], "Kerngroep per kwartaal");
    let e = fails_with_2(
        &db,
        &["plan", "import", &good, "--blad", "acties", "--gemeente", "GM0150", "--titel", "X"].map(|s| {
            if s == good.as_str() {
                "/geen/bestand.csv"
            } else {
                s
            }
        }),
    );
    assert!(e.contains("/geen/bestand.csv"), "{e}");
}
