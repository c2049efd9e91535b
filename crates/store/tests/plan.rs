//! Aanvalsplannen in the store, on SQLite and (with `BUIG_TEST_POSTGRES_URL`)
//! PostgreSQL: the bundled plan round-trips, status updates are upserted per
//! quarter, an unknown action is refused, a bad CSV stores nothing.

use buig_core::GemeenteCode;
use buig_plan::{lees_csv, voorbeeld_deventer, PlanKop, Status, Statusupdate};
use buig_store::plan::PlanOpslagFout;
use buig_store::Store;

fn gm() -> GemeenteCode {
    "GM0150".parse().unwrap()
}

async fn verhaal(url: &str) {
    let store = Store::open(url).await.unwrap();

    // A bad CSV is refused before anything reaches the database.
    let kop = PlanKop {
        gemeente: gm(),
        titel: "Kapot".into(),
        van: None,
        tot: None,
        doel_uitkeringen: None,
        doel_euro: None,
        nulmeting: None,
        bron: "kapot.csv".into(),
    };
    let e = lees_csv("lijn;code;titel;doelwaarde\n1;1A;Goed;10\n1;1B;Fout;tien\n".as_bytes(), kop).unwrap_err();
    assert_eq!(e.to_string(), "rij 3, kolom doelwaarde: \"tien\" is geen getal");
    assert!(store.plan_titels(gm()).await.unwrap().is_empty(), "nothing stored");
    assert!(matches!(store.kies_plan(gm(), None).await, Err(PlanOpslagFout::GeenPlan(_))));

    // The bundled plan round-trips exactly.
    let plan = voorbeeld_deventer();
    store.bewaar_plan(&plan).await.unwrap();
    let titel = store.kies_plan(gm(), None).await.unwrap();
    assert_eq!(titel, plan.titel);
    let terug = store.plan(gm(), &titel).await.unwrap().unwrap();
    assert_eq!(terug, plan);

    // Status updates: one per action and quarter, the second write wins.
    let mut u = Statusupdate {
        actie: "1a".into(),
        kwartaal: "2023-K2".parse().unwrap(),
        status: Status::OpSchema,
        gerealiseerd: Some("4".parse().unwrap()),
        notitie: Some("analyse gereed".into()),
    };
    store.voeg_status_toe(gm(), &titel, &u).await.unwrap();
    u.status = Status::Risico;
    u.gerealiseerd = Some("3.5".parse().unwrap());
    store.voeg_status_toe(gm(), &titel, &u).await.unwrap();
    let k3 = Statusupdate {
        actie: "3N".into(),
        kwartaal: "2023-K3".parse().unwrap(),
        status: Status::Achter,
        gerealiseerd: None,
        notitie: None,
    };
    store.voeg_status_toe(gm(), &titel, &k3).await.unwrap();
    let st = store.plan_statussen(gm(), &titel).await.unwrap();
    assert_eq!(st.len(), 2);
    assert_eq!(st[0], Statusupdate { actie: "1A".into(), ..u.clone() });
    assert_eq!(st[1], k3);

    let onbekend = Statusupdate { actie: "9Z".into(), ..u.clone() };
    let e = store.voeg_status_toe(gm(), &titel, &onbekend).await.unwrap_err();
    assert!(e.to_string().starts_with("actie 9Z staat niet in \"Aanvalsplan BUIG 2022-2023\""), "{e}");

    // Loading the same plan again keeps the statuses of actions that remain.
    store.bewaar_plan(&plan).await.unwrap();
    assert_eq!(store.plan_statussen(gm(), &titel).await.unwrap().len(), 2);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn plan_and_status_round_trip_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    verhaal(&format!("sqlite://{}", dir.path().join("plan.db").display())).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn plan_and_status_round_trip_on_postgres() {
    let Some(base) = std::env::var("BUIG_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()) else {
        assert!(std::env::var("CI").is_err(), "CI must provide BUIG_TEST_POSTGRES_URL (see .ci/run)");
        eprintln!("skipped: BUIG_TEST_POSTGRES_URL is not set");
        return;
    };
    sqlx::any::install_default_drivers();
    let name = format!("buig_plan_{}_{}", std::process::id(), jiff::Timestamp::now().as_millisecond());
    let admin = sqlx::AnyPool::connect(&base).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.unwrap();
    let url = match base.rfind('/') {
        Some(i) => format!("{}/{name}", &base[..i]),
        None => unreachable!("a postgres URL has a path"),
    };
    verhaal(&url).await;
    sqlx::query(&format!("DROP DATABASE {name}")).execute(&admin).await.unwrap();
}
