// SPDX-License-Identifier: EUPL-1.2
//! End to end in a real browser: Debian's chromium driven over WebDriver
//! (chromedriver). A new user starts the app on an empty database (the
//! demo data and the demo account are made as `buig serve` makes them),
//! logs in with the printed password, answers "how are we doing this year
//! and will we need the vangnet" from the overview, opens every page, sets
//! a scenario, uploads a file and logs out. Screenshots of every page go
//! to `target/e2e/` to be looked at.
//!
//! Runs when `chromedriver` is on the PATH; `.ci/run` installs it and sets
//! `BUIG_E2E=1`, which turns a missing driver into a failure instead of a skip.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

struct Driver(Child, u16);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn vrije_poort() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn start_driver() -> Option<Driver> {
    let poort = vrije_poort();
    let child = Command::new("chromedriver").arg(format!("--port={poort}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().ok()?;
    let d = Driver(child, poort);
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(20) {
        if tokio::net::TcpStream::connect(("127.0.0.1", poort)).await.is_ok() {
            return Some(d);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start on port {poort}");
}

fn schermafdruk_map() -> std::path::PathBuf {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
    std::fs::create_dir_all(&p).unwrap();
    p
}

async fn foto(c: &Client, naam: &str) {
    let png = c.screenshot().await.unwrap();
    std::fs::write(schermafdruk_map().join(format!("{naam}.png")), png).unwrap();
}

/// axe-core, vendored (see `axe/README.md`).
const AXE: &str = include_str!("axe/axe.min.js");

/// The WCAG 2.1 A/AA violations axe-core finds on the current page, one line each.
async fn toegankelijkheid(c: &Client) -> Vec<String> {
    c.execute(&format!("{AXE}\n;window.axe = axe;"), vec![]).await.expect("axe-core loads");
    let r = c
        .execute_async(
            r#"const klaar = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => klaar(r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => klaar(['axe kon niet draaien: ' + e]));"#,
            vec![],
        )
        .await
        .expect("axe.run answers");
    serde_json::from_value(r).expect("a list of violations")
}

/// Every page of the app, logged in, at 1366 and at 390 px: no axe violation.
async fn elke_pagina_toegankelijk(c: &Client, url: &str) {
    let paginas = [
        ("/", "kies"),
        ("/g/GM9999", "overzicht"),
        ("/g/GM9999/budget", "budget"),
        ("/g/GM9999/prognose", "prognose"),
        ("/g/GM9999/prognose?instroom_pct=-10", "prognose-scenario"),
        ("/g/GM9999/bestand", "bestand"),
        ("/g/GM9999/vangnet?jaar=2025", "vangnet-2025"),
        ("/g/GM9999/vangnet?jaar=2026", "vangnet-2026"),
        ("/g/GM9999/plan", "plan"),
        ("/g/GM0150/plan", "plan-deventer"),
        ("/g/GM0150/vangnet?jaar=2023", "vangnet-deventer"),
        ("/g/GM9999/import", "import"),
        ("/vergelijking", "vergelijking"),
        ("/g/GM9999/raming", "raming"),
        ("/regio?jaar=2018", "regio"),
    ];
    let mut fouten = Vec::new();
    for (breedte, hoogte) in [(1366, 900), (390, 844)] {
        c.set_window_size(breedte, hoogte).await.unwrap();
        for (pad, naam) in paginas {
            c.goto(&format!("{url}{pad}")).await.unwrap();
            c.wait().for_element(Locator::Css("h1")).await.unwrap();
            for v in toegankelijkheid(c).await {
                fouten.push(format!("{pad} op {breedte} px: {v}"));
            }
            if breedte == 390 {
                foto(c, &format!("390-{naam}")).await;
                // The page itself never scrolls sideways: wide tables and charts scroll inside their own box,
                // and a chart keeps a width at which its labels stay legible.
                let te_breed = c
                    .execute(
                        r#"const w = document.documentElement.clientWidth;
                           const breed = [...document.querySelectorAll('body *')]
                             .filter(e => e.getBoundingClientRect().right > w && !(e.parentElement && e.parentElement.closest('.tabelrol, .grafiekrol')))
                             .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''))
                             .slice(0, 8);
                           if (document.documentElement.scrollWidth > w + 1) breed.push('pagina ' + document.documentElement.scrollWidth + ' > ' + w);
                           for (const s of document.querySelectorAll('.grafiekrol > svg')) {
                             if (s.getBoundingClientRect().width < 500) breed.push('grafiek te smal om te lezen: ' + Math.round(s.getBoundingClientRect().width) + ' px');
                           }
                           return breed;"#,
                        vec![],
                    )
                    .await
                    .unwrap();
                let te_breed: Vec<String> = serde_json::from_value(te_breed).unwrap();
                if !te_breed.is_empty() {
                    fouten.push(format!("{pad} op {breedte} px: breder dan het scherm: {}", te_breed.join(", ")));
                }
            }
        }
    }
    c.set_window_size(1280, 2000).await.unwrap();
    assert!(fouten.is_empty(), "axe-core (WCAG 2.1 A en AA) vond:\n{}", fouten.join("\n"));
    eprintln!("axe-core: {} pagina's op 1366 en 390 px zonder overtredingen", paginas.len());
}

/// The text of `main`; a page still loading may replace it under our hands, so a stale element is read again.
async fn tekst(c: &Client) -> String {
    for _ in 0..20 {
        if let Ok(m) = c.find(Locator::Css("main")).await {
            if let Ok(t) = m.text().await {
                return t.replace('\u{a0}', " ");
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no readable <main> on {:?}", c.current_url().await.ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_user_logs_in_and_sees_how_the_year_goes_and_whether_the_vangnet_is_needed() {
    let Some(driver) = start_driver().await else {
        assert!(std::env::var_os("BUIG_E2E").is_none(), "BUIG_E2E is set but chromedriver cannot be started");
        // Straight to stderr, past the test harness's capture: a local run says what it did not test.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"overgeslagen: de browsertest (chromium en chromedriver ontbreken; .ci/run installeert ze)\n",
        );
        return;
    };

    // The first start, as `buig serve` does it.
    let dir = tempfile::tempdir().unwrap();
    let store = buig_store::Store::open(&format!("sqlite://{}", dir.path().join("buig.db").display())).await.unwrap();
    let demo = buig_web::start_demo(&store).await.unwrap();
    assert!(demo.data_geladen);
    let (naam, wachtwoord) = demo.account.expect("a demo account on the first start");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = buig_web::app(buig_web::Staat::new(store.clone(), buig_web::Instellingen { runs: 500, ..Default::default() }));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let profiel = tempfile::tempdir().unwrap();
    let caps = serde_json::json!({
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1280,2000",
                     format!("--user-data-dir={}", profiel.path().display())]
        }
    });
    let caps = caps.as_object().unwrap().clone();
    let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.1))
        .await
        .expect("a WebDriver session with chromium");

    // Log in with the printed account.
    let t0 = Instant::now();
    c.goto(&url).await.unwrap();
    assert!(c.current_url().await.unwrap().path().starts_with("/inloggen"));
    foto(&c, "01-inloggen").await;
    let login = toegankelijkheid(&c).await;
    assert!(login.is_empty(), "axe-core op de inlogpagina: {login:?}");
    c.find(Locator::Css("#naam")).await.unwrap().send_keys(&naam).await.unwrap();
    c.find(Locator::Css("#wachtwoord")).await.unwrap().send_keys(&wachtwoord).await.unwrap();
    c.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();
    // The login page has an h1 too: wait for the choice page's own link.
    c.wait().for_element(Locator::LinkText("Voorbeeldstad")).await.unwrap();

    // Several gemeenten: the choice, then Voorbeeldstad.
    let t = tekst(&c).await;
    assert!(t.contains("Kies een gemeente"), "{t}");
    foto(&c, "02-kies").await;
    c.find(Locator::LinkText("Voorbeeldstad")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("p.antwoord")).await.unwrap();
    let t = tekst(&c).await;
    assert!(t.contains("Voorbeeldstad: hoe staan we ervoor in 2026?"), "{t}");
    assert!(t.contains("Verwacht resultaat 2026: een tekort van"), "{t}");
    assert!(t.contains("Kans op een vangnetuitkering"), "{t}");
    assert!(t.contains("Definitief budget, 1 oktober 2026"), "{t}");
    let svg = c.find_all(Locator::Css("figure.grafiek svg")).await.unwrap();
    assert_eq!(svg.len(), 3);
    foto(&c, "03-overzicht").await;
    eprintln!("answered within {:.1} s of opening the address", t0.elapsed().as_secs_f64());

    // Every page through the navigation.
    for (link, kop, bestand) in [
        ("Budget", "Budget Voorbeeldstad", "04-budget"),
        ("Prognose", "Prognose 2026", "05-prognose"),
        ("Raming", "Meerjarenraming", "05b-raming"),
        ("Bestand", "Bijstandsbestand Voorbeeldstad", "06-bestand"),
        ("Vangnet", "Vangnet 2025", "07-vangnet"),
        ("Aanvalsplan", "Aanvalsplan Voorbeeldstad", "08-plan"),
        ("Import", "Gegevens importeren", "09-import"),
    ] {
        c.find(Locator::Css("nav.hoofd")).await.unwrap().find(Locator::LinkText(link)).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("h1")).await.unwrap();
        let h1 = c.find(Locator::Css("h1")).await.unwrap().text().await.unwrap().replace('\u{a0}', " ");
        assert!(h1.contains(kop), "{link}: {h1}");
        foto(&c, bestand).await;
    }

    // The vangnet page of 2025 carries the amount of the rules engine.
    c.goto(&format!("{url}/g/GM9999/vangnet?jaar=2025")).await.unwrap();
    assert!(tekst(&c).await.contains("€ 265.998"));

    // A scenario: 10% less inflow lowers the expected costs.
    c.goto(&format!("{url}/g/GM9999/prognose")).await.unwrap();
    c.find(Locator::Css("#instroom_pct")).await.unwrap().send_keys("-10").await.unwrap();
    c.find(Locator::Css("form.knoppen button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::XPath("//th[text()='Scenario']")).await.unwrap();
    assert!(c.current_url().await.unwrap().query().unwrap_or("").contains("instroom_pct=-10"));
    foto(&c, "10-prognose-scenario").await;

    // Deventer's aanvalsplan from seed 001.
    c.goto(&format!("{url}/g/GM0150/plan")).await.unwrap();
    let t = tekst(&c).await;
    assert!(t.contains("Aanvalsplan BUIG") && t.contains("Actielijn 1"), "{t}");
    foto(&c, "11-plan-deventer").await;
    // One action: record a quarter with costs on its own page and evaluate it.
    c.find(Locator::LinkText("1B Integrale jongerenaanpak")).await.unwrap().click().await.unwrap();
    assert!(tekst(&c).await.contains("Nog geen status vastgelegd"));
    c.find(Locator::Css("#st-kwartaal")).await.unwrap().select_by_value("2023-K2").await.unwrap();
    c.find(Locator::Css("#st-gerealiseerd")).await.unwrap().send_keys("290").await.unwrap();
    c.find(Locator::Css("#st-kosten")).await.unwrap().send_keys("12.500").await.unwrap();
    c.find(Locator::Css("form[action$='/plan/status'] button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("p.melding.goed")).await.unwrap();
    let t = tekst(&c).await;
    assert!(t.contains("De status van actie 1B is opgeslagen.") && t.contains("€ 12.500"), "{t}");
    c.find(Locator::Css("#ev-toelichting")).await.unwrap().send_keys("loopt goed, voortzetten").await.unwrap();
    c.find(Locator::Css("form[action$='/plan/evaluatie'] button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::XPath("//p[contains(@class, 'melding') and contains(., 'evaluatie van actie 1B')]")).await.unwrap();
    let t = tekst(&c).await;
    assert!(t.contains("De evaluatie van actie 1B is opgeslagen.") && t.contains("loopt goed, voortzetten"), "{t}");
    foto(&c, "12-plan-actie").await;

    // Upload a month of realisation; the overview moves to November.
    let csv = dir.path().join("realisatie-november.csv");
    std::fs::write(&csv, "jaar;maand;lasten;baten\n2026;11;4.812.000,00;101.250,50\n").unwrap();
    c.goto(&format!("{url}/g/GM9999/import")).await.unwrap();
    c.find(Locator::Css("#soort")).await.unwrap().select_by_value("realisatie").await.unwrap();
    c.find(Locator::Css("#bestand")).await.unwrap().send_keys(&csv.display().to_string()).await.unwrap();
    c.find(Locator::Css("main form button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css(".melding")).await.unwrap();
    let t = tekst(&c).await;
    assert!(t.contains("realisatie-november.csv: 1 rijen realisatie"), "{t}");
    foto(&c, "13-import").await;
    c.goto(&format!("{url}/g/GM9999")).await.unwrap();
    assert!(tekst(&c).await.contains("Op 30 november 2026 (11 maanden gerealiseerd)"));

    // The comparison.
    c.goto(&format!("{url}/vergelijking")).await.unwrap();
    assert!(c.find(Locator::Css("h1")).await.unwrap().text().await.unwrap().replace('\u{a0}', " ").contains("Vergelijking"));
    foto(&c, "14-vergelijking").await;

    // Accessibility, kept: every page at both widths.
    elke_pagina_toegankelijk(&c, &url).await;

    // Log out: the pages are closed again.
    c.find(Locator::Css("form.uitloggen button")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("#naam")).await.unwrap();
    c.goto(&format!("{url}/g/GM9999")).await.unwrap();
    assert!(c.current_url().await.unwrap().path().starts_with("/inloggen"));
    c.close().await.unwrap();
}

/// Issue "A real gemeente", done when: Deventer, with nothing stored but the
/// reference data, goes through the web app alone from its data status to
/// "recht op € 149.870" — the figures of 2023, 2022 and 2021 typed in, the
/// 2022 grant stated, its causes and measures written — and its notitie
/// carries the words typed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deventer_goes_from_an_empty_data_status_to_its_vangnet_right_and_its_notitie_through_the_web_app_alone() {
    let Some(driver) = start_driver().await else {
        assert!(std::env::var_os("BUIG_E2E").is_none(), "BUIG_E2E is set but chromedriver cannot be started");
        let _ = std::io::Write::write_all(&mut std::io::stderr(), b"overgeslagen: de browsertest van Deventer (chromedriver ontbreekt)\n");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = buig_store::Store::open(&format!("sqlite://{}", dir.path().join("buig.db").display())).await.unwrap();
    let wachtwoord = "deventer-wachtwoord-2024";
    store.gebruiker_toevoegen("deventer", wachtwoord).await.unwrap();
    store.rol_toekennen("deventer", &"GM0150".parse().unwrap(), buig_store::gebruikers::Rol::Bewerker).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = buig_web::app(buig_web::Staat::new(store.clone(), buig_web::Instellingen { runs: 200, ..Default::default() }));
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let profiel = tempfile::tempdir().unwrap();
    let caps = serde_json::json!({
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1280,2000",
                     format!("--user-data-dir={}", profiel.path().display())]
        }
    });
    let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps.as_object().unwrap().clone())
        .connect(&format!("http://127.0.0.1:{}", driver.1))
        .await
        .expect("a WebDriver session with chromium");

    c.goto(&url).await.unwrap();
    c.find(Locator::Css("#naam")).await.unwrap().send_keys("deventer").await.unwrap();
    c.find(Locator::Css("#wachtwoord")).await.unwrap().send_keys(wachtwoord).await.unwrap();
    c.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("nav.hoofd")).await.unwrap();

    // The data status: nothing there yet, and what each gap blocks.
    c.find(Locator::Css("nav.hoofd")).await.unwrap().find(Locator::LinkText("Gegevens")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("h1")).await.unwrap();
    let t = tekst(&c).await;
    assert!(t.contains("Gegevens van Deventer") && t.contains("Vangnet 2025: Er zijn nog geen cijfers over"), "{t}");
    foto(&c, "20-deventer-gegevens-leeg").await;

    // The gap links to the form that fills it.
    c.find(Locator::LinkText("budget en tekort 2023 invullen")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("#jc-budget")).await.unwrap();
    let jaarcijfer = |jaar: &'static str, budget: &'static str, tekort: &'static str| {
        let c = c.clone();
        async move {
            let veld = c.find(Locator::Css("#jc-jaar")).await.unwrap();
            veld.clear().await.unwrap();
            veld.send_keys(jaar).await.unwrap();
            c.find(Locator::Css("#jc-budget")).await.unwrap().send_keys(budget).await.unwrap();
            c.find(Locator::Css("#jc-tekort")).await.unwrap().send_keys(tekort).await.unwrap();
            c.find(Locator::Css("form[action$='/vangnet/jaarcijfer'] button[type=submit]")).await.unwrap().click().await.unwrap();
            c.wait().for_element(Locator::Css("p.melding.goed")).await.unwrap();
        }
    };
    // 2023 from the jaarrekening (seed 002), then the year itself.
    jaarcijfer("2023", "41.984.531", "3.448.580").await;
    c.goto(&format!("{url}/g/GM0150/vangnet?jaar=2023")).await.unwrap();
    let t = tekst(&c).await;
    assert!(t.contains("Vangnet 2023 — Deventer") && t.contains("8,21%"), "{t}");
    assert!(!t.contains("recht op een vangnetuitkering van € 149.870"), "not before 2021 and 2022 are known: {t}");
    // 2022 and 2021, as the jaarrekening has them.
    jaarcijfer("2022", "37.000.000", "3.663.000").await;
    jaarcijfer("2021", "36.000.000", "500.000").await;
    foto(&c, "21-deventer-jaren").await;
    // Condition e: the 2022 grant, stated with its button.
    c.goto(&format!("{url}/g/GM0150/vangnet?jaar=2023")).await.unwrap();
    let ja = c.find(Locator::XPath("//form[input[@name='jaar' and @value='2022']]//button[@value='ja']")).await.unwrap();
    ja.click().await.unwrap();
    c.wait().for_element(Locator::Css("p.melding.goed")).await.unwrap();
    c.goto(&format!("{url}/g/GM0150/vangnet?jaar=2023")).await.unwrap();
    let t = tekst(&c).await;
    assert!(t.contains("recht op een vangnetuitkering van € 149.870"), "{t}");
    assert!(t.contains("uitgebreid verzoek"), "the 2022 grant makes it an extended request: {t}");
    foto(&c, "22-deventer-recht").await;

    // The council's own words.
    let oorzaken = "Het budgetaandeel van Deventer daalt sinds 2020, terwijl meer statushouders instroomden.";
    c.find(Locator::Css("#oorzaken")).await.unwrap().send_keys(oorzaken).await.unwrap();
    c.find(Locator::Css("#maatregelen"))
        .await
        .unwrap()
        .send_keys("- Werkgeversservicepunt Deventer\n- Pilot lifecoaching en jobcoaching")
        .await
        .unwrap();
    c.find(Locator::Css("#aanvullende_maatregelen"))
        .await
        .unwrap()
        .send_keys("Intensieve begeleiding van jongeren naar werk.")
        .await
        .unwrap();
    c.find(Locator::Css("form[action$='/vangnet/toelichting'] button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::XPath("//p[contains(., 'De toelichting is opgeslagen')]")).await.unwrap();
    foto(&c, "23-deventer-toelichting").await;

    // The notitie, as the council reads it.
    c.find(Locator::LinkText("Notitie als HTML")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::XPath("//h1[contains(., 'Notitie vangnet 2023')]")).await.unwrap();
    let notitie = c.find(Locator::Css("body")).await.unwrap().text().await.unwrap().replace('\u{a0}', " ");
    for woorden in [
        oorzaken,
        "Werkgeversservicepunt Deventer",
        "Pilot lifecoaching en jobcoaching",
        "Intensieve begeleiding van jongeren naar werk.",
        "€ 149.870",
    ] {
        assert!(notitie.contains(woorden), "the notitie carries «{woorden}»");
    }
    assert!(!notitie.contains("Oorzaken van het tekort (vraag A van het aanvraagformulier)"), "nothing left to fill in about the causes");
    foto(&c, "24-deventer-notitie").await;
    c.close().await.unwrap();
}
