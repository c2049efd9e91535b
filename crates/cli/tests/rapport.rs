// SPDX-License-Identifier: EUPL-1.2
//! `buig rapport`: the Notitie vangnet for Deventer 2023 and the
//! raadsmededeling budget from the demo database, in both formats, and the
//! refusals.

use std::io::Read;
use std::process::{Command, Output};

fn buig(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buig")).args(args).env("DATABASE_URL", db).output().expect("buig runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn demo_db(dir: &std::path::Path) -> String {
    let db = format!("sqlite://{}", dir.join("demo.db").display());
    let o = buig(&db, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

#[test]
fn the_notitie_vangnet_for_deventer_2023_is_written_as_docx_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());

    let docx = dir.path().join("notitie.docx");
    let args = ["rapport", "notitie-vangnet", "--gemeente", "GM0150", "--jaar", "2023", "--formaat", "docx", "-o"];
    let o = buig(&db, &[&args[..], &[docx.to_str().unwrap(), "--peildatum", "2024-05-31"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Notitie vangnet 2023 — Deventer") && out.contains("indien voorwaarde b vervuld: € 149.870"), "{out}");
    let mut z = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).expect("a .docx is a zip");
    let mut xml = String::new();
    z.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert!(xml.contains("149.870") && xml.contains("8,21%") && xml.contains("15 augustus 2024"));
    assert!(xml.contains("Heading1") && xml.contains("<w:tblHeader />"));

    let html = dir.path().join("notitie.html");
    let o = buig(&db, &[&args[..7], &["html", "-o", html.to_str().unwrap(), "--verleend", "geen"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let page = std::fs::read_to_string(&html).unwrap().replace('\u{a0}', " ");
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"nl\">"));
    assert!(page.contains("€ 149.870") && page.contains("8,21%") && page.contains("€ 41.984.531"));
    assert!(page.contains("e. Aanhoudend tekort — niet van toepassing."), "--verleend geen is used");
}

#[test]
fn unknown_kinds_and_bad_flags_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("x.docx");
    let o_ = out.to_str().unwrap();
    let run = |soort: &str, extra: &[&str]| {
        let base = ["rapport", soort, "--gemeente", "GM0150", "--jaar", "2023", "--formaat", "docx", "-o", o_];
        buig(&db, &[&base[..], extra].concat())
    };
    for (o, needle) in [
        (run("begroting", &[]), "onbekende soort (soorten: notitie-vangnet, raadsmededeling, monitor, regio)"),
        (run("notitie-vangnet", &["--formaat", "pdf"]), "--formaat"),
        (run("notitie-vangnet", &["--peildatum", "31-05-2024"]), "--peildatum"),
    ] {
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains(needle), "{needle:?} in {}", stderr(&o));
    }
    let o = buig(&db, &["rapport", "notitie-vangnet", "--gemeente", "GM0150", "--jaar", "2021", "--formaat", "html", "-o", o_]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("tekort over 2021 niet bekend"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing is written on a refusal");
}

#[test]
fn the_raadsmededeling_is_written_with_the_peildatum_at_the_last_realised_month_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let html = dir.path().join("rm.html");
    let args = ["rapport", "raadsmededeling", "--gemeente", "GM9999", "--jaar", "2026", "--formaat", "html", "-o"];
    let o = buig(&db, &[&args[..], &[html.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Raadsmededeling BUIG: definitief budget 2026 en voorlopig budget 2027 — Voorbeeldstad"), "{out}");
    assert!(out.contains("(peildatum 31 oktober 2026)"), "the last month with realisation: {out}");
    let page = std::fs::read_to_string(&html).unwrap().replace('\u{a0}', " ");
    assert!(page.contains("Verwacht resultaat 2026") && page.contains("<svg"));

    // Deventer: the decisions of seed 000, and the bundled plan once loaded.
    let o = buig(&db, &["plan", "laad-voorbeeld"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docx = dir.path().join("rm.docx");
    let args =
        ["rapport", "raadsmededeling", "--gemeente", "GM0150", "--jaar", "2023", "--peildatum", "2023-10-31", "--formaat", "docx", "-o"];
    let o = buig(&db, &[&args[..], &[docx.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let mut z = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).expect("a .docx is a zip");
    let mut xml = String::new();
    z.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert!(xml.contains("€\u{a0}41.984.531") && xml.contains("€\u{a0}45.917.564"), "an amount keeps its euro sign on the line");
    assert!(xml.contains("Voortgang Aanvalsplan BUIG 2022-2023"), "the plan in the database is used");
    assert!(z.file_names().any(|n| n.starts_with("word/media/") && n.ends_with(".png")));
}

#[test]
fn the_kwartaalmonitor_covers_the_last_complete_quarter_up_to_the_peildatum() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let docx = dir.path().join("monitor.docx");
    let args = ["rapport", "monitor", "--gemeente", "GM9999", "--jaar", "2026", "--peildatum", "2026-08-15", "--formaat", "docx", "-o"];
    let o = buig(&db, &[&args[..], &[docx.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Kwartaalmonitor BUIG K2 2026 — Voorbeeldstad"));
    let mut z = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).expect("a .docx is a zip");
    let mut xml = String::new();
    z.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert!(xml.contains("Bijstandsbestand per regeling") && xml.contains("Uitkeringen einde K2 2026"));
    assert!(z.file_names().filter(|n| n.starts_with("word/media/") && n.ends_with(".png")).count() >= 6);

    let o = buig(&db, &[&args[..6], &["--peildatum", "2026-03-30", "--formaat", "html", "-o", docx.to_str().unwrap()]].concat());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("nog geen kwartaal van 2026 afgesloten"), "{}", stderr(&o));
}

#[test]
fn the_stored_grant_over_2022_makes_deventer_2023_an_extended_request_unless_the_user_says_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let html = dir.path().join("n.html");
    let notitie = |extra: &[&str]| {
        let args =
            ["rapport", "notitie-vangnet", "--gemeente", "GM0150", "--jaar", "2023", "--formaat", "html", "-o", html.to_str().unwrap()];
        let o = buig(&db, &[&args[..], extra].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read_to_string(&html).unwrap().replace('\u{a0}', " ")
    };
    // The demo holds seed 002's reading: a vangnetuitkering over 2022 (condition 5 applies).
    let o = buig(&db, &["verleend", "--gemeente", "GM0150"]);
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("2022 verleend € 442.000 (afgeleid; bron: seed 000"),
        "seed 000: positive advice for € 442.000; {}",
        stderr(&o)
    );
    let h = notitie(&[]);
    assert!(
        h.contains("Over 2022 is een vangnetuitkering verleend") && h.contains("formulier (uitgebreid verzoek)"),
        "seed 002: voorwaarden 4 en 5"
    );
    assert!(h.contains("€ 149.870"));
    // The user's --verleend wins.
    let h = notitie(&["--verleend", "geen"]);
    assert!(h.contains("formulier (basisverzoek)") && !h.contains("Over 2022 is een vangnetuitkering verleend"));
    // 2022 recorded as not granted, 2021 not recorded: condition e is unknown, and the notitie asks.
    let o = buig(&db, &["verleend", "--gemeente", "GM0150", "--jaar", "2022", "--verleend", "nee", "--bron", "beschikking"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let h = notitie(&[]);
    assert!(h.contains("e. Aanhoudend tekort — onbekend."), "one 'not granted' year leaves the window unknown");
    assert!(h.contains("Onbekend — is over 2021 of 2022 een vangnetuitkering verleend?") && !h.contains("formulier (basisverzoek)"));
    // Both years of the window recorded as not granted: a basisverzoek, by the records, not by assumption.
    let o = buig(&db, &["verleend", "--gemeente", "GM0150", "--jaar", "2021", "--verleend", "nee", "--bron", "jaarrekening 2021"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let h = notitie(&[]);
    assert!(h.contains("e. Aanhoudend tekort — niet van toepassing.") && h.contains("formulier (basisverzoek)"), "both years known");
    let o = buig(&db, &["verleend", "--gemeente", "GM0150", "--jaar", "2022", "--verleend", "misschien"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--verleend: \"misschien\" is geen ja of nee"));
}

#[test]
fn the_notitie_is_made_for_the_seed_003_gemeenten_with_their_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Seed 003 (BMWE, 2018 on the prognosis): Bedum € 50.767, De Marne € 89.412, Winsum and Eemsmond no right.
    for (code, verwacht) in [("GM0005", "€ 50.767"), ("GM1663", "€ 89.412"), ("GM0053", "geen recht"), ("GM1651", "geen recht")] {
        let html = dir.path().join(format!("{code}.html"));
        let o = buig(
            &db,
            &["rapport", "notitie-vangnet", "--gemeente", code, "--jaar", "2018", "--formaat", "html", "-o", html.to_str().unwrap()],
        );
        assert!(o.status.success(), "{code}: {}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(&format!("vangnetuitkering {verwacht}")), "{code}: {out}");
        let page = std::fs::read_to_string(&html).unwrap().replace('\u{a0}', " ");
        assert!(page.contains("Bijlage 1") && page.contains("Raadsvoorstel"), "{code}");
    }
}

#[test]
fn with_2021_and_2022_entered_deventer_2023_carries_the_conditions_of_seed_002_without_reservation() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let html = dir.path().join("n.html");
    let notitie = || {
        let args =
            ["rapport", "notitie-vangnet", "--gemeente", "GM0150", "--jaar", "2023", "--formaat", "html", "-o", html.to_str().unwrap()];
        let o = buig(&db, &args);
        assert!(o.status.success(), "{}", stderr(&o));
        (String::from_utf8_lossy(&o.stdout).into_owned(), std::fs::read_to_string(&html).unwrap().replace('\u{a0}', " "))
    };
    // The seeds give 2022 only as 9,9% and 2021 not at all: b is unknown and the points are conditional.
    let (out, h) = notitie();
    assert!(out.contains("indien voorwaarde b vervuld: € 149.870"), "{out}");
    assert!(h.contains("Onder voorbehoud dat voorwaarde b vervuld is"));
    // The controller enters the two years from the jaarrekening (test amounts; 2022 at 9,9%, 2021 a surplus).
    for args in [
        &["jaarcijfer", "--gemeente", "GM0150", "--jaar", "2022", "--budget", "37.000.000", "--tekort", "3.663.000"][..],
        &["jaarcijfer", "--gemeente", "GM0150", "--jaar", "2021", "--budget", "36.000.000", "--tekort=-500000", "--bron", "SiSa 2021"],
    ] {
        let o = buig(&db, args);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (out, h) = notitie();
    assert!(out.contains("vangnetuitkering € 149.870") && !out.contains("indien"), "{out}");
    assert!(h.contains("b. Meerjarig tekort — vervuld") && h.contains("€ 6.611.580, dat is 15,75% van het budget 2023"), "{h}");
    assert!(h.contains("a. Tekort over 2023 — vervuld") && h.contains("(uitgebreid verzoek)"), "seed 002: voorwaarden 1, 2, 4 en 5");
    assert!(!h.contains("Onder voorbehoud"), "no reservation once b is known");
    // Refusals: no budget, both tekort and lasten.
    let o = buig(&db, &["jaarcijfer", "--gemeente", "GM0150", "--jaar", "2020", "--budget", "0", "--tekort", "1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--budget"), "{}", stderr(&o));
    let o = buig(&db, &["jaarcijfer", "--gemeente", "GM0150", "--jaar", "2020", "--budget", "1", "--tekort", "1", "--lasten", "2"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Issue "Beyond the anchors" 4: seed 003's regional overview from the stored figures.
#[test]
fn the_regional_overview_of_the_bmwe_gemeenten_gives_seed_003s_figures_and_says_onbekend_for_a_gemeente_without_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let html = dir.path().join("regio.html");
    let maak = |gemeenten: &str| {
        let o =
            buig(&db, &["rapport", "regio", "--gemeenten", gemeenten, "--jaar", "2018", "--formaat", "html", "-o", html.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read_to_string(&html).unwrap().replace('\u{a0}', " ")
    };
    let h = maak("GM0005,GM1663,GM0053,GM1651");
    // Seed 003: Bedum 2017 uitgaven, rijksbijdrage, tekort; the 2018 prognoses and vangnetuitkeringen.
    for want in ["€ 2.408.317", "€ 1.962.128", "€ 446.189", "€ 50.767", "€ 89.412", "€ 2.253.777", "€ 214.223", "€ 163.456"]
    {
        assert!(h.contains(want), "{want}");
    }
    // The regional total of 2017's spending: 2.408.317 + 3.953.400 + 4.077.327 + 6.354.405.
    assert!(h.contains("€ 16.793.449"), "regional total");
    // Eemsmond 2015 had a surplus (seed 003: "nvt").
    assert!(h.contains("overschot € 102.610"));
    // A gemeente without figures: unknown, and no regional total over it.
    let h = maak("GM0005,GM1663,GM0053,GM0010");
    assert!(h.contains("Delfzijl") && h.contains("onbekend"), "{h}");
    assert!(!h.contains("€ 16.793.449"));
    assert!(h.contains("Delfzijl: geen prognose over 2018 bekend (onbekend)."), "{h}");
    // Without --gemeenten: refused, naming the flag.
    let o = buig(&db, &["rapport", "regio", "--jaar", "2018", "--formaat", "html", "-o", html.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--gemeente"), "{}", stderr(&o));
}

/// Issue "A real gemeente" 1: the data status on the command line.
#[test]
fn buig_status_lists_per_year_what_is_there_and_which_answers_a_gap_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let o = buig(&db, &["status", "--gemeente", "GM0150"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let t = String::from_utf8(o.stdout).unwrap();
    assert!(t.contains("Gegevens van Deventer (GM0150)"), "{t}");
    assert!(t.contains("- Vangnet 2023: Het tekort over 2021 en 2022 is niet als bedrag bekend"), "{t}");
    assert!(t.contains("buig jaarcijfer --gemeente GM0150 --jaar 2021"), "{t}");
    let o = buig(&db, &["status", "--gemeente", "GM0150", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let j2023 = v["jaren"].as_array().unwrap().iter().find(|j| j["jaar"] == 2023).unwrap().clone();
    assert_eq!((j2023["definitief"].as_bool(), j2023["tekort_bekend"].as_bool()), (Some(true), Some(true)));
    assert!(v["blokkades"].as_array().unwrap().iter().any(|b| b["acties"][0]["soort"] == "jaarcijfer"));
    // Filling 2021 and 2022 lifts the block on 2023.
    for (jaar, budget, tekort) in [("2021", "36000000", "-500000"), ("2022", "37000000", "3663000")] {
        let o = buig(&db, &["jaarcijfer", "--gemeente", "GM0150", "--jaar", jaar, "--budget", budget, "--tekort", tekort]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let t = String::from_utf8(buig(&db, &["status", "--gemeente", "GM0150"]).stdout).unwrap();
    assert!(!t.contains("- Vangnet 2023: Het tekort"), "{t}");
}

/// Issue "A real gemeente" 3: the council's own words from a file, kept
/// with their versions, taken over by the notitie and its raadsvoorstel.
#[test]
fn the_gemeentes_own_words_from_a_file_appear_in_the_notitie_and_the_raadsvoorstel() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let bestand = dir.path().join("toelichting-2023.txt");
    std::fs::write(
        &bestand,
        "# Oorzaken\nHet tekort komt vooral door de daling van ons budgetaandeel sinds het nieuwe verdeelmodel.\n\nDaarnaast stroomden meer statushouders in.\n\n# Maatregelen\n- Een werkgeversservicepunt met de regio\n- Intensieve begeleiding van nieuwe klanten\n",
    )
    .unwrap();
    let f = bestand.to_str().unwrap();
    let o = buig(&db, &["toelichting", "--gemeente", "GM0150", "--jaar", "2023", "--invoer", f]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("versie 1"));
    // The same text again stores nothing new; a change is version 2.
    let o = buig(&db, &["toelichting", "--gemeente", "GM0150", "--jaar", "2023", "--invoer", f]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("versie 1"));
    let tekst = std::fs::read_to_string(&bestand).unwrap() + "- Handhaving op de poort\n";
    std::fs::write(&bestand, tekst).unwrap();
    let o = buig(&db, &["toelichting", "--gemeente", "GM0150", "--jaar", "2023", "--invoer", f]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("versie 2"), "{}", String::from_utf8_lossy(&o.stdout));
    let o = buig(&db, &["toelichting", "--gemeente", "GM0150", "--jaar", "2023", "--json"]);
    let versies: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(versies.as_array().unwrap().len(), 2);

    let uit = dir.path().join("notitie.html");
    let o = buig(
        &db,
        &["rapport", "notitie-vangnet", "--gemeente", "GM0150", "--jaar", "2023", "--formaat", "html", "-o", uit.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&uit).unwrap().replace('\u{a0}', " ");
    assert!(html.contains("daling van ons budgetaandeel sinds het nieuwe verdeelmodel"), "the causes in the notitie");
    assert!(html.contains("<li>Handhaving op de poort</li>"), "the measures as a list");
    assert!(
        html.contains("De oorzaken van het tekort, in de woorden van de gemeente: Het tekort komt vooral door de daling van ons budgetaandeel sinds het nieuwe verdeelmodel. (verder in de notitie)"),
        "the raadsvoorstel's argument"
    );
    assert!(!html.contains("Oorzaken van het tekort (vraag A van het aanvraagformulier)"), "no longer to be filled in");

    // A file that is not what it should be: refused with its line, nothing stored.
    let slecht = dir.path().join("slecht.txt");
    std::fs::write(&slecht, "Zomaar tekst\n# Oorzaken\nx\n").unwrap();
    let o = buig(&db, &["toelichting", "--gemeente", "GM0150", "--jaar", "2023", "--invoer", slecht.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("slecht.txt: regel 1: tekst vóór het eerste kopje"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = buig(&db, &["toelichting", "--gemeente", "GM0150", "--jaar", "2023", "--json"]);
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap().as_array().unwrap().len(), 2);
}

/// Issue "A real gemeente" 4: the letterhead is set once and every council document carries it.
#[test]
fn the_letterhead_set_once_is_in_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let o = buig(
        &db,
        &[
            "briefhoofd",
            "--gemeente",
            "GM9999",
            "--afdeling",
            "Werk en Inkomen",
            "--auteur",
            "J. de Vries",
            "--portefeuillehouder",
            "wethouder Jansen",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = buig(&db, &["briefhoofd", "--gemeente", "GM9999", "--notanummer", "2026/0412"]);
    let uit = String::from_utf8_lossy(&o.stdout);
    assert!(uit.contains("Afdeling: Werk en Inkomen") && uit.contains("Notanummer: 2026/0412"), "{uit}");
    for (soort, extra) in
        [("notitie-vangnet", &["--jaar", "2023"][..]), ("raadsmededeling", &["--jaar", "2026"][..]), ("monitor", &["--jaar", "2026"][..])]
    {
        let pad = dir.path().join(format!("{soort}.html"));
        let mut args = vec!["rapport", soort, "--gemeente", "GM9999", "--formaat", "html", "-o", pad.to_str().unwrap()];
        args.extend(extra);
        let o = buig(&db, &args);
        assert!(o.status.success(), "{soort}: {}", stderr(&o));
        let html = std::fs::read_to_string(&pad).unwrap();
        for regel in ["Werk en Inkomen", "J. de Vries", "2026/0412"] {
            assert!(html.contains(regel), "{soort} carries «{regel}»");
        }
    }
    let html = std::fs::read_to_string(dir.path().join("notitie-vangnet.html")).unwrap();
    assert!(html.contains("Portefeuillehouder: </strong>wethouder Jansen") || html.contains("wethouder Jansen"), "the raadsvoorstel");
    // A line break in a field is refused, and nothing changes.
    let o = buig(&db, &["briefhoofd", "--gemeente", "GM9999", "--auteur", "twee\nregels"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = buig(&db, &["briefhoofd", "--gemeente", "GM9999"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Auteur: J. de Vries"));
}
