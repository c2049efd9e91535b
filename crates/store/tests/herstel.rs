// SPDX-License-Identifier: EUPL-1.2
//! Imports that cannot quietly erase a gemeente's history, and that can be
//! undone: a file that would leave a gemeente less than half of its stored
//! spells is refused unless confirmed, a staged import waits for that
//! confirmation, `herstel` puts back what an import replaced (audited), and
//! rows no careful user means are refused with nothing stored.
//!
//! SQLite always; PostgreSQL when `BUIG_TEST_POSTGRES_URL` points at a
//! server (`.ci/run` starts one), as in `story.rs`.

use std::path::{Path, PathBuf};

use buig_core::{GemeenteCode, Money};
use buig_import::{Options, Soort};
use buig_store::import::{ImportFout, Keuze, Stap, Uitkomst};
use buig_store::Store;

fn gm(s: &str) -> GemeenteCode {
    s.parse().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn voor(g: &str) -> Options {
    Options { gemeente: Some(gm(g)), ..Options::default() }
}

const EEN_UITKERING: &str = "client_id,regeling,startdatum,einddatum\nz1,PW,2024-01-01,\n";

/// Runs `test` on a fresh SQLite database and, when a server is given, a fresh PostgreSQL database.
async fn op_beide<F, Fut>(naam: &str, test: F)
where
    F: Fn(String, PathBuf) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    test(format!("sqlite://{}", dir.path().join("t.db").display()), dir.path().to_path_buf()).await;
    let Some(base) = std::env::var("BUIG_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()) else {
        assert!(std::env::var("CI").is_err(), "CI must provide BUIG_TEST_POSTGRES_URL (see .ci/run)");
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("overgeslagen: het PostgreSQL-deel van {naam} (BUIG_TEST_POSTGRES_URL is niet gezet; .ci/run start PostgreSQL)\n")
                .as_bytes(),
        );
        return;
    };
    sqlx::any::install_default_drivers();
    let db = format!("buig_herstel_{}_{}", std::process::id(), jiff::Timestamp::now().as_nanosecond() % 1_000_000_000);
    let admin = sqlx::AnyPool::connect(&base).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {db}")).execute(&admin).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    test(format!("{}/{db}", &base[..base.rfind('/').unwrap()]), dir.path().to_path_buf()).await;
    sqlx::query(&format!("DROP DATABASE {db} WITH (FORCE)")).execute(&admin).await.unwrap();
}

#[tokio::test]
async fn a_one_row_spells_file_does_not_replace_a_gemeentes_spells_unless_confirmed_and_herstel_puts_them_back() {
    op_beide("de bescherming tegen wegvallende uitkeringen", |url, dir| async move {
        let store = Store::open(&url).await.unwrap();
        store.laad_demo().await.unwrap();
        let vs = gm("GM9999");
        let eerst = store.uitkeringen(vs).await.unwrap();
        assert!(eerst.len() > 10_000);
        let versie = store.data_versie().await.unwrap();
        let historie = store.historie().await.unwrap();
        let f = write(&dir, "een.csv", EEN_UITKERING);

        let e = store.importeer(&f, Soort::Uitkeringen, &voor("GM9999"), &mut |_| {}).await.unwrap_err();
        match &e {
            ImportFout::MeerDanDeHelftWeg { gemeenten, import: None, .. } => {
                assert_eq!((gemeenten[0].gemeente, gemeenten[0].voor, gemeenten[0].na), (vs, eerst.len() as u64, 1));
            }
            other => panic!("{other:?}"),
        }
        let m = e.to_string();
        assert!(m.starts_with("een.csv: deze import zou meer dan de helft") && m.contains("GM9999 van ") && m.contains(" naar 1"), "{m}");
        assert!(!m.contains("--"), "no command-line flag in a message the web shows too: {m}");
        assert_eq!(store.uitkeringen(vs).await.unwrap(), eerst, "nothing stored");
        assert_eq!(store.historie().await.unwrap(), historie, "no history line");
        assert_eq!(store.data_versie().await.unwrap(), versie);

        // Confirmed: stored, the old spells kept aside.
        let keuze = Keuze { vervang: true, ..Keuze::default() };
        let r = store.importeer_met(&f, Soort::Uitkeringen, &voor("GM9999"), &keuze, &mut |_| {}).await.unwrap();
        assert!(matches!(r.uitkomst, Uitkomst::Opgeslagen { ref vervangt } if vervangt.len() == 1), "{r:?}");
        assert_eq!(store.uitkeringen(vs).await.unwrap().len(), 1);
        assert_eq!(store.aantal_uitkeringen().await.unwrap().iter().find(|(g, _)| *g == vs).map(|x| x.1), Some(1));

        // Herstel: the 10.000+ spells are back, the history and the audit log say so.
        let h = store.herstel(r.id, None, Some("beheer"), &mut |_| {}).await.unwrap();
        assert_eq!((h.import, h.weg, h.terug), (r.id, 1, eerst.len() as u64));
        assert_eq!(store.uitkeringen(vs).await.unwrap(), eerst);
        let regels = store.historie().await.unwrap();
        assert_eq!(regels[0].status, "herstel");
        assert_eq!(regels[0].vervangt.as_deref(), Some(r.id.to_string().as_str()));
        assert_eq!(regels.iter().find(|x| x.id == r.id).unwrap().status, "hersteld");
        assert_eq!(regels.iter().find(|x| x.soort == "uitkeringen" && x.bestand.contains("demo")).unwrap().status, "actief");
        let log = store.auditlog(Some(&vs), 5).await.unwrap();
        assert_eq!((log[0].actie.as_str(), log[0].gebruiker.as_deref()), ("import.herstel", Some("beheer")));
        assert!(log[0].details.contains(&format!("import {}", r.id)), "{:?}", log[0]);
        assert_ne!(store.data_versie().await.unwrap(), versie, "the cached views of the one spell are dropped");

        // Twice is refused; an import that stored nothing cannot be undone.
        let e = store.herstel(r.id, None, None, &mut |_| {}).await.unwrap_err();
        assert!(e.to_string().contains("al hersteld"), "{e}");
        assert!(store.herstel(9_999, None, None, &mut |_| {}).await.unwrap_err().to_string().contains("geen import 9999"));
        // The same file again is a new import: its earlier import was undone.
        let again = store.importeer_met(&f, Soort::Uitkeringen, &voor("GM9999"), &keuze, &mut |_| {}).await.unwrap();
        assert!(matches!(again.uitkomst, Uitkomst::Opgeslagen { .. }), "{again:?}");
        store.close().await;
    })
    .await;
}

#[tokio::test]
async fn herstel_of_realisation_puts_back_the_overwritten_months_and_goes_in_reverse_order() {
    op_beide("herstel van realisatie", |url, dir| async move {
        let store = Store::open(&url).await.unwrap();
        let d = gm("GM0150");
        let a = write(&dir, "a.csv", "jaar,maand,lasten,baten\n2024,1,100,1\n2024,2,200,2\n");
        let b = write(&dir, "b.csv", "jaar,maand,lasten,baten\n2024,2,250,3\n2024,3,300,3\n");
        let c = write(&dir, "c.csv", "jaar,maand,lasten,baten\n2024,3,333,3\n");
        let ra = store.importeer(&a, Soort::Realisatie, &voor("GM0150"), &mut |_| {}).await.unwrap();
        let na_a = store.realisatie(d).await.unwrap();
        let rb = store.importeer(&b, Soort::Realisatie, &voor("GM0150"), &mut |_| {}).await.unwrap();
        let rc = store.importeer(&c, Soort::Realisatie, &voor("GM0150"), &mut |_| {}).await.unwrap();

        // b's March was overwritten by c: undo c first.
        let e = store.herstel(rb.id, None, None, &mut |_| {}).await.unwrap_err();
        assert!(e.to_string().contains(&format!("herstel eerst import {}", rc.id)), "{e}");
        let h = store.herstel(rc.id, None, None, &mut |_| {}).await.unwrap();
        assert_eq!((h.weg, h.terug), (1, 1));
        assert_eq!(store.realisatie(d).await.unwrap()[2].lasten, Money::from_cents(30_000), "b's March is back");
        let h = store.herstel(rb.id, Some(d), None, &mut |_| {}).await.unwrap();
        assert_eq!((h.weg, h.terug), (2, 1), "March removed, a's February put back");
        assert_eq!(store.realisatie(d).await.unwrap(), na_a);
        let regels = store.historie().await.unwrap();
        assert_eq!(regels.iter().find(|x| x.id == ra.id).unwrap().status, "actief");
        assert_eq!(regels.iter().find(|x| x.id == rb.id).unwrap().status, "hersteld");
        store.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_staged_large_replacement_waits_for_confirmation_and_is_then_stored_or_cleared() {
    op_beide("de bevestiging", |url, dir| async move {
        let store = Store::open(&url).await.unwrap();
        store.laad_demo().await.unwrap();
        let vs = gm("GM9999");
        let eerst = store.uitkeringen(vs).await.unwrap();
        let historie = store.historie().await.unwrap();
        let f = write(&dir, "een.csv", EEN_UITKERING);
        let keuze = Keuze { gebruiker: Some("bewerker".into()), bewaar_voor_bevestiging: true, ..Keuze::default() };

        let e = store.importeer_met(&f, Soort::Uitkeringen, &voor("GM9999"), &keuze, &mut |_| {}).await.unwrap_err();
        let Some(id) = (match e {
            ImportFout::MeerDanDeHelftWeg { import, .. } => import,
            other => panic!("{other:?}"),
        }) else {
            panic!("kept for confirmation")
        };
        assert_eq!(store.uitkeringen(vs).await.unwrap(), eerst, "nothing visible yet");
        assert_eq!(store.historie().await.unwrap(), historie);
        let w = store.wachtende_import(id, vs).await.unwrap().unwrap();
        assert_eq!((w.bestand.as_str(), w.gemeenten[0].voor, w.gemeenten[0].na), ("een.csv", eerst.len() as u64, 1));
        assert!(store.wachtende_import(id, gm("GM0150")).await.unwrap().is_none(), "only for its own gemeente");

        // Cancelled: cleared, nothing changed; a second answer is refused.
        store.annuleer_import(id, vs, Some("bewerker")).await.unwrap();
        assert!(store.wachtende_import(id, vs).await.unwrap().is_none());
        assert!(store.bevestig_import(id, vs, Some("bewerker")).await.is_err());
        assert_eq!(store.uitkeringen(vs).await.unwrap(), eerst);

        // Staged again and confirmed: stored, audited as the user's import.
        let e = store.importeer_met(&f, Soort::Uitkeringen, &voor("GM9999"), &keuze, &mut |_| {}).await.unwrap_err();
        let ImportFout::MeerDanDeHelftWeg { import: Some(id), .. } = e else { panic!("{e:?}") };
        let r = store.bevestig_import(id, vs, Some("bewerker")).await.unwrap();
        assert_eq!((r.id, r.rijen), (id, 1));
        assert_eq!(store.uitkeringen(vs).await.unwrap().len(), 1);
        let log = store.auditlog(Some(&vs), 3).await.unwrap();
        assert_eq!((log[0].actie.as_str(), log[0].gebruiker.as_deref()), ("import", Some("bewerker")));
        store.close().await;
    })
    .await;
}

#[tokio::test]
async fn rows_no_careful_user_means_are_refused_with_the_row_named_and_nothing_stored() {
    op_beide("de weigering van onbedoelde rijen", |url, dir| async move {
        let store = Store::open(&url).await.unwrap();
        let opts = voor("GM0150");
        let historie = store.historie().await.unwrap();
        let versie = store.data_versie().await.unwrap();
        let gevallen = [
            (
                Soort::Uitkeringen,
                "kop.csv",
                "client_id,regeling,startdatum\n\n",
                "kop.csv: het bestand heeft alleen een kopregel en geen gegevens",
            ),
            (
                Soort::Uitkeringen,
                "dubbel.csv",
                "client_id,regeling,startdatum\na1,PW,2024-01-01\na2,PW,2024-01-01\na1,PW,01-01-2024\n",
                "dubbel.csv: rij 4: dezelfde uitkering als rij 2",
            ),
            (
                Soort::Realisatie,
                "maanden.csv",
                "jaar,maand,lasten,baten\n2024,1,100,1\n2024,1,200,1\n",
                "maanden.csv: rij 3: dezelfde maand als rij 2",
            ),
            (
                Soort::Realisatie,
                "2030.csv",
                "jaar,maand,lasten,baten\n2024,1,100,1\n2030,1,999999,1\n",
                "2030.csv: rij 3, kolom maand: jan 2030 ligt na de huidige maand",
            ),
        ];
        for (soort, naam, inhoud, verwacht) in gevallen {
            let f = write(&dir, naam, inhoud);
            let e = store.importeer(&f, soort, &opts, &mut |_| {}).await.unwrap_err();
            assert!(e.to_string().contains(verwacht), "{naam}: {e}");
        }
        assert!(store.uitkeringen(gm("GM0150")).await.unwrap().is_empty());
        assert!(store.realisatie(gm("GM0150")).await.unwrap().is_empty());
        assert_eq!(store.historie().await.unwrap(), historie, "no history line for a refused file");
        assert_eq!(store.data_versie().await.unwrap(), versie);
        // Each refusal is in the audit log (the command line: no user).
        let log = store.auditlog(Some(&gm("GM0150")), 10).await.unwrap();
        assert_eq!(log.iter().filter(|r| r.actie == "import.geweigerd" && r.gebruiker.is_none()).count(), 4, "{log:?}");
        store.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_second_import_waits_its_turn_and_then_stores() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let url = format!("sqlite://{}", db.display());
    let store = Store::open(&url).await.unwrap();
    // Another process holds the import slot: the lock file beside the database.
    let mut naam = db.clone().into_os_string();
    naam.push("-import");
    let slot = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&naam).unwrap();
    slot.lock().unwrap();
    let f = write(dir.path(), "u.csv", "client_id,regeling,startdatum\na1,PW,2024-01-01\n");
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let s2 = store.clone();
    let taak = tokio::spawn(async move {
        let mut stappen = move |s: Stap| {
            let _ = tx.send(s);
        };
        s2.importeer(&f, Soort::Uitkeringen, &voor("GM0150"), &mut stappen).await
    });
    assert_eq!(rx.recv().await, Some(Stap::Wachten), "it says it waits");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!taak.is_finished(), "and does wait");
    slot.unlock().unwrap();
    let r = taak.await.unwrap().unwrap();
    assert_eq!(r.rijen, 1);
    assert_eq!(store.uitkeringen(gm("GM0150")).await.unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_during_a_large_import_waits_at_most_about_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    // The web app and the command line: two stores on one file, as two processes.
    let web = Store::open(&url).await.unwrap();
    let id = web.gebruiker_toevoegen("inlogger", "een-lang-wachtwoord-42").await.unwrap();
    let cli = Store::open(&url).await.unwrap();
    let groot = dir.path().join("land.csv");
    let params = buig_synth::NationaalParams { gemeenten: 20, uitkeringen: 400_000, seed: 3, ..Default::default() };
    buig_synth::write_csv(buig_synth::nationaal(&params), std::fs::File::create(&groot).unwrap()).unwrap();
    let klaar = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let k = klaar.clone();
    let import = tokio::spawn(async move {
        let t = std::time::Instant::now();
        let r = cli.importeer(&groot, Soort::Uitkeringen, &Options::default(), &mut |_| {}).await;
        k.store(true, std::sync::atomic::Ordering::SeqCst);
        (r, t.elapsed())
    });
    let mut langst = std::time::Duration::ZERO;
    let mut logins = 0;
    while !klaar.load(std::sync::atomic::Ordering::SeqCst) {
        let t = std::time::Instant::now();
        web.sessie_maken(id, 3600).await.expect("a login during an import never fails");
        langst = langst.max(t.elapsed());
        logins += 1;
        tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    }
    let (r, duur) = import.await.unwrap();
    assert_eq!(r.unwrap().rijen, 400_000);
    assert!(duur > std::time::Duration::from_secs(2), "the import must outlast a second for this test to mean something: {duur:?}");
    assert!(logins > 10, "{logins} logins");
    assert!(langst < std::time::Duration::from_millis(1_500), "a login waited {langst:?} during an import of {duur:?}");
}
