// SPDX-License-Identifier: EUPL-1.2
//! The shared deployment (issue 20): two `buig serve` processes — the real
//! binary — started at the same moment on one fresh, empty PostgreSQL
//! database. Both come up (one sets the database up and loads the demo,
//! the other waits for it); a session made on one is valid on the other;
//! an import through one is seen by the other at once; the login limiter
//! holds across both; `/gereed` answers 200 on both; SIGTERM stops each
//! cleanly.
//!
//! Runs when `BUIG_TEST_POSTGRES_URL` is set (`.ci/run` starts PostgreSQL);
//! otherwise it says so on stderr, and fails when `BUIG_E2E=1` or `CI` is set.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const WACHTWOORD: &str = "gedeeld-demo-wachtwoord-1";

/// One answer: status, headers (names lowercase) and body.
struct Antwoord {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Antwoord {
    fn header(&self, naam: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == naam).map(|(_, v)| v.as_str())
    }

    /// The value of cookie `naam` set by this answer.
    fn cookie(&self, naam: &str) -> Option<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k == "set-cookie")
            .find_map(|(_, v)| v.strip_prefix(&format!("{naam}=")).map(|r| r.split(';').next().unwrap_or("").to_string()))
            .filter(|w| !w.is_empty())
    }

    /// The CSRF token of the first form on the page.
    fn csrf(&self) -> String {
        let i = self.body.find("name=\"csrf\" value=\"").unwrap_or_else(|| panic!("no form in {}", self.body)) + 19;
        self.body[i..i + self.body[i..].find('"').unwrap()].to_string()
    }
}

/// A plain HTTP/1.1 request on its own connection (the test needs nothing more).
fn http(poort: u16, methode: &str, pad: &str, headers: &[(&str, &str)], body: &[u8]) -> Antwoord {
    let mut s = TcpStream::connect(("127.0.0.1", poort)).expect("the server listens");
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let mut req = format!("{methode} {pad} HTTP/1.1\r\nHost: 127.0.0.1:{poort}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut ruw = Vec::new();
    s.read_to_end(&mut ruw).unwrap();
    let scheiding = ruw.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete answer");
    let kop = String::from_utf8_lossy(&ruw[..scheiding]).to_string();
    let mut regels = kop.split("\r\n");
    let status = regels.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> =
        regels.filter_map(|r| r.split_once(':')).map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string())).collect();
    let mut rest = ruw[scheiding + 4..].to_vec();
    if headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")) {
        let mut uit = Vec::new();
        let mut i = 0;
        while let Some(eind) = rest[i..].windows(2).position(|w| w == b"\r\n") {
            let n = usize::from_str_radix(String::from_utf8_lossy(&rest[i..i + eind]).trim(), 16).unwrap_or(0);
            if n == 0 {
                break;
            }
            let begin = i + eind + 2;
            uit.extend_from_slice(&rest[begin..begin + n]);
            i = begin + n + 2;
        }
        rest = uit;
    }
    Antwoord { status, headers, body: String::from_utf8_lossy(&rest).replace('\u{a0}', " ") }
}

fn get(poort: u16, pad: &str, cookie: Option<&str>) -> Antwoord {
    match cookie {
        Some(c) => http(poort, "GET", pad, &[("Cookie", c)], b""),
        None => http(poort, "GET", pad, &[], b""),
    }
}

fn urlcodeer(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// A login on the instance at `poort`: the status and, when it worked, the session cookie.
fn inloggen(poort: u16, naam: &str, wachtwoord: &str) -> (u16, Option<String>) {
    let form = get(poort, "/inloggen", None);
    let login = form.cookie("buig_login").expect("the login form's cookie");
    let body = format!("naam={}&wachtwoord={}&csrf={}&terug=%2F", urlcodeer(naam), urlcodeer(wachtwoord), form.csrf());
    let r = http(
        poort,
        "POST",
        "/inloggen",
        &[("Cookie", &format!("buig_login={login}")), ("Content-Type", "application/x-www-form-urlencoded")],
        body.as_bytes(),
    );
    (r.status, r.cookie("buig_sessie").map(|s| format!("buig_sessie={s}")))
}

/// A `buig serve` on its own port (port 0: the system picks), with its stdout read up to "draait op".
struct Instantie {
    kind: Child,
    poort: u16,
    uitvoer: Vec<String>,
}

fn start(db: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_buig"))
        .args(["serve", "--adres", "127.0.0.1:0", "--database", db])
        .env("BUIG_DEMO_WACHTWOORD", WACHTWOORD)
        .env_remove("BUIG_DEMO")
        .env_remove("BUIG_CONFIG")
        .env("BUIG_LOG_NIVEAU", "waarschuwing")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("buig serve starts")
}

fn klaar(mut kind: Child) -> Instantie {
    let mut uitvoer = Vec::new();
    let mut regels = BufReader::new(kind.stdout.take().unwrap()).lines();
    let poort = loop {
        let Some(Ok(r)) = regels.next() else { panic!("buig serve stopped before it served: {uitvoer:?} {:?}", kind.wait()) };
        uitvoer.push(r.clone());
        if let Some(rest) = r.split("draait op http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // The rest of its output is read on, so the process never blocks on a full pipe.
    std::thread::spawn(move || regels.for_each(drop));
    Instantie { kind, poort, uitvoer }
}

/// SIGTERM, then the process must end by itself, successfully.
fn stop(mut i: Instantie) {
    let ok = Command::new("kill").args(["-TERM", &i.kind.id().to_string()]).status().unwrap().success();
    assert!(ok, "kill -TERM");
    for _ in 0..200 {
        if let Some(st) = i.kind.try_wait().unwrap() {
            assert!(st.success(), "buig serve ended with {st} after SIGTERM");
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = i.kind.kill();
    panic!("buig serve did not stop within 10 s of SIGTERM");
}

fn admin(base: &str, sql: &str) {
    buig_store::block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(base).await.unwrap();
        sqlx::query(sql).execute(&pool).await.unwrap();
        pool.close().await;
    })
}

const SPELLS: &str = "client_id;regeling;startdatum;einddatum;reden_einde;geboortedatum;huishouden\n\
                      g1;PW;15-03-2021;;;01-01-1980;alleenstaand\n\
                      g2;PW;01-06-2022;;;12-05-1999;alleenstaand\n\
                      g3;IOAW;01-11-2022;;;03-03-1962;gezin\n";

#[test]
fn two_instances_started_at_once_on_one_empty_postgresql_share_sessions_imports_and_the_limiter() {
    let Some(base) = std::env::var("BUIG_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()) else {
        assert!(std::env::var("CI").is_err(), "CI must provide BUIG_TEST_POSTGRES_URL (see .ci/run)");
        assert!(std::env::var("BUIG_E2E").map_or(true, |v| v != "1"), "BUIG_E2E=1 asks for this test: BUIG_TEST_POSTGRES_URL must be set");
        // Straight to stderr, past the test harness's capture: a local run says what it did not test.
        let _ = std::io::stderr().write_all(
            "overgeslagen: twee instanties op één PostgreSQL (BUIG_TEST_POSTGRES_URL is niet gezet; .ci/run start PostgreSQL)\n".as_bytes(),
        );
        return;
    };
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let naam = format!("buig_gedeeld_{}_{nanos}", std::process::id());
    admin(&base, &format!("CREATE DATABASE {naam}"));
    let db = format!("{}/{naam}", &base[..base.rfind('/').unwrap()]);

    // The same moment, on an empty database: both must come up.
    let (a, b) = (start(&db), start(&db));
    let (a, b) = (klaar(a), klaar(b));
    let gemaakt = [&a, &b].iter().filter(|i| i.uitvoer.iter().any(|r| r.contains("Demo-account aangemaakt"))).count();
    assert_eq!(gemaakt, 1, "one instance made the demo account: {:?} {:?}", a.uitvoer, b.uitvoer);
    for i in [&a, &b] {
        assert!(!i.uitvoer.iter().any(|r| r.contains(WACHTWOORD)), "a chosen password is never printed: {:?}", i.uitvoer);
        assert_eq!(get(i.poort, "/gezond", None).status, 200);
        let r = get(i.poort, "/gereed", None);
        assert_eq!((r.status, r.body.trim()), (200, "gereed"));
        assert!(r.header("x-request-id").is_some_and(|v| !v.is_empty()), "every answer has a request id");
    }

    // A session made on A is valid on B.
    let (st, sessie) = inloggen(a.poort, "demo", WACHTWOORD);
    assert_eq!(st, 303);
    let sessie = sessie.expect("a session cookie");
    let r = get(b.poort, "/g/GM9999", Some(&sessie));
    assert_eq!(r.status, 200, "the overview on B with A's session");
    assert!(r.body.contains("Voorbeeldstad"));

    // An import through A is seen by B at once: its history and its figures.
    let bestand = "/api/v1/gemeenten/GM0150/bestand?van=2023-01&tot=2023-03";
    let voor = get(b.poort, bestand, Some(&sessie));
    assert!(!get(b.poort, "/g/GM0150/import", Some(&sessie)).body.contains("gedeeld-e2e.csv"));
    let csrf = get(a.poort, "/g/GM0150/import", Some(&sessie)).csrf();
    let grens = "----buig-gedeeld-grens";
    let multipart = format!(
        "--{grens}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{grens}\r\nContent-Disposition: form-data; name=\"soort\"\r\n\r\nuitkeringen\r\n\
         --{grens}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"gedeeld-e2e.csv\"\r\nContent-Type: text/csv\r\n\r\n{SPELLS}\r\n\
         --{grens}--\r\n"
    );
    let r = http(
        a.poort,
        "POST",
        "/g/GM0150/import",
        &[("Cookie", &sessie), ("Content-Type", &format!("multipart/form-data; boundary={grens}"))],
        multipart.as_bytes(),
    );
    assert!(r.status == 200 || r.status == 303, "the import through A: {} {}", r.status, r.body);
    assert!(get(b.poort, "/g/GM0150/import", Some(&sessie)).body.contains("gedeeld-e2e.csv"), "B's import page lists it");
    let na = get(b.poort, bestand, Some(&sessie));
    assert_eq!(na.status, 200, "{}", na.body);
    assert_ne!((voor.status, &voor.body), (na.status, &na.body), "B answers with the new spells, not a cached view");
    let v: serde_json::Value = serde_json::from_str(&na.body).unwrap();
    let standen: Vec<i64> = v["reeks"].as_array().unwrap().iter().map(|p| p["stand"].as_i64().unwrap()).collect();
    assert_eq!(standen, vec![3, 3, 3], "the three imported spells, every month");

    // The login limiter holds across both: five failures for a name, spread over A and B, then both refuse.
    for i in 0..5 {
        let poort = if i % 2 == 0 { a.poort } else { b.poort };
        assert_eq!(inloggen(poort, "mallory", "fout-wachtwoord-123").0, 401, "failure {i}");
    }
    assert_eq!(inloggen(a.poort, "mallory", "fout-wachtwoord-123").0, 429);
    assert_eq!(inloggen(b.poort, "mallory", "fout-wachtwoord-123").0, 429);
    // … and locks nobody else out.
    assert_eq!(inloggen(b.poort, "demo", WACHTWOORD).0, 303);

    // An error page shows the request id it was logged under.
    // (A session cookie that is not one is no error; a path that is not there is a plain 404.)
    let r = http(a.poort, "GET", "/bestaat-niet", &[("x-request-id", "e2e-kenmerk-1")], b"");
    assert_eq!((r.status, r.header("x-request-id")), (404, Some("e2e-kenmerk-1")));

    // SIGTERM: each stops by itself; the database is then free to drop.
    stop(a);
    stop(b);
    admin(&base, &format!("DROP DATABASE {naam}"));
}

#[test]
fn a_production_start_loads_no_demo_makes_no_account_and_the_first_beheerder_is_made_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("productie.db").display());
    let kind = Command::new(env!("CARGO_BIN_EXE_buig"))
        .args(["serve", "--adres", "127.0.0.1:0", "--database", &db])
        .env("BUIG_DEMO", "0")
        .env_remove("BUIG_DEMO_WACHTWOORD")
        .env_remove("BUIG_CONFIG")
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let i = klaar(kind);
    assert!(!i.uitvoer.iter().any(|r| r.contains("Demo-account") || r.contains("wachtwoord ")), "{:?}", i.uitvoer);
    assert!(i.uitvoer.iter().any(|r| r.contains("eerste beheerder")), "{:?}", i.uitvoer);
    assert_eq!(get(i.poort, "/gereed", None).status, 200);
    assert_eq!(inloggen(i.poort, "demo", "wat-dan-ook-123").0, 401, "no demo account");
    let r = Command::new(env!("CARGO_BIN_EXE_buig"))
        .args(["gebruiker", "toevoegen", "baas", "--rol", "*=beheerder", "--wachtwoord", "een-lang-wachtwoord-1", "--database", &db])
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(String::from_utf8_lossy(&r.stdout).contains("rollen voor 414 gemeenten"), "{}", String::from_utf8_lossy(&r.stdout));
    let (st, sessie) = inloggen(i.poort, "baas", "een-lang-wachtwoord-1");
    assert_eq!(st, 303);
    // No demo data: Voorbeeldstad does not exist; Deventer is there, empty.
    assert_eq!(get(i.poort, "/g/GM9999", sessie.as_deref()).status, 404);
    assert_eq!(get(i.poort, "/g/GM0150/import", sessie.as_deref()).status, 200);
    stop(i);
}

#[test]
fn the_configuration_file_is_read_and_a_bad_one_is_refused_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("buig.toml"), "demo = misschien\n").unwrap();
    let r = Command::new(env!("CARGO_BIN_EXE_buig")).args(["serve"]).current_dir(dir.path()).env_remove("BUIG_CONFIG").output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    let fout = String::from_utf8_lossy(&r.stderr);
    assert!(fout.contains("configuratiebestand buig.toml"), "{fout}");
    // The file's database is the one the other commands use too.
    std::fs::write(dir.path().join("buig.toml"), "database = \"sqlite://uit-bestand.db\"\n").unwrap();
    let r = Command::new(env!("CARGO_BIN_EXE_buig"))
        .args(["historie"])
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .env_remove("BUIG_CONFIG")
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(dir.path().join("uit-bestand.db").exists());
}
