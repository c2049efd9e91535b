// SPDX-License-Identifier: EUPL-1.2
//! Users, roles, sessions, API tokens and the audit log, on SQLite and (with
//! `BUIG_TEST_POSTGRES_URL`) PostgreSQL. Each scenario is one async function
//! over an open store; SQLite runs each in a fresh database, PostgreSQL runs
//! them all in one fresh database (the names do not overlap).

use buig_core::GemeenteCode;
use buig_store::{GebruikerFout, Rol, Store};
use sqlx::Row;

const WACHTWOORD: &str = "correct paard batterij nietje";

fn gm(s: &str) -> GemeenteCode {
    s.parse().unwrap()
}

async fn password_round_trip_and_wrong_password(store: &Store) {
    let id = store.gebruiker_toevoegen("Anna", WACHTWOORD).await.unwrap();
    let g = store.controleer_wachtwoord("anna", WACHTWOORD).await.unwrap().expect("right password logs in");
    assert_eq!((g.id, g.naam.as_str()), (id, "anna"), "names are stored lowercase and found in any case");
    assert!(store.controleer_wachtwoord("ANNA", WACHTWOORD).await.unwrap().is_some());
    assert!(store.controleer_wachtwoord("anna", "correct paard batterij nietjes").await.unwrap().is_none());
    assert!(store.controleer_wachtwoord("anna", "").await.unwrap().is_none());

    // The stored value is an argon2id PHC string, never the password.
    let phc: String = sqlx::query("SELECT wachtwoord FROM gebruikers WHERE naam = 'anna'").fetch_one(store.pool()).await.unwrap().get(0);
    assert!(phc.starts_with("$argon2id$"), "{phc}");
    assert!(!phc.contains(WACHTWOORD));

    // A second user with the same name (in another case) is refused.
    let e = store.gebruiker_toevoegen("ANNA", WACHTWOORD).await.unwrap_err();
    assert!(matches!(e, GebruikerFout::BestaatAl(_)), "{e}");
    assert_eq!(e.to_string(), "gebruiker \"anna\" bestaat al");

    // A new password works, the old one no longer does.
    store.wachtwoord_wijzigen("anna", "een heel ander wachtwoord").await.unwrap();
    assert!(store.controleer_wachtwoord("anna", WACHTWOORD).await.unwrap().is_none());
    assert!(store.controleer_wachtwoord("anna", "een heel ander wachtwoord").await.unwrap().is_some());
}

async fn an_unknown_user_gets_none_and_user_facing_errors(store: &Store) {
    assert!(store.controleer_wachtwoord("niemand", WACHTWOORD).await.unwrap().is_none());
    assert!(store.gebruiker("niemand").await.unwrap().is_none());
    let e = store.rol_toekennen("niemand", &gm("GM0150"), Rol::Lezer).await.unwrap_err();
    assert_eq!(e.to_string(), "gebruiker \"niemand\" bestaat niet");
    assert!(matches!(store.gebruiker_verwijderen("niemand").await, Err(GebruikerFout::Onbekend(_))));
    assert!(matches!(store.api_token_maken("niemand", "x").await, Err(GebruikerFout::Onbekend(_))));
    assert!(matches!(store.gebruiker_toevoegen("jan de vries", WACHTWOORD).await, Err(GebruikerFout::OngeldigeNaam(_))));
}

async fn a_password_shorter_than_twelve_characters_is_refused(store: &Store) {
    let e = store.gebruiker_toevoegen("kort", "elf tekens!").await.unwrap_err();
    assert!(matches!(e, GebruikerFout::WachtwoordTeKort), "{e}");
    assert_eq!(e.to_string(), "het wachtwoord is te kort: gebruik minstens 12 tekens");
    assert!(store.gebruiker("kort").await.unwrap().is_none(), "nothing stored");
    // Exactly twelve characters (counted as characters, not bytes) is enough.
    store.gebruiker_toevoegen("kort", "twaalf-tékns").await.unwrap();
    assert!(matches!(store.wachtwoord_wijzigen("kort", "te kort").await, Err(GebruikerFout::WachtwoordTeKort)));
}

async fn a_regional_user_with_roles_on_four_gemeenten_sees_those_four_only(store: &Store) {
    store.gebruiker_toevoegen("regio", WACHTWOORD).await.unwrap();
    store.rol_toekennen("regio", &gm("GM0173"), Rol::Lezer).await.unwrap();
    store.rol_toekennen("regio", &gm("GM0153"), Rol::Bewerker).await.unwrap();
    store.rol_toekennen("regio", &gm("GM0164"), Rol::Beheerder).await.unwrap();
    store.rol_toekennen("regio", &gm("GM0150"), Rol::Beheerder).await.unwrap();
    // An upsert: the second grant replaces the first.
    store.rol_toekennen("regio", &gm("GM0150"), Rol::Lezer).await.unwrap();

    let g = store.gebruiker("regio").await.unwrap().unwrap();
    assert_eq!(g.gemeenten(), vec![gm("GM0150"), gm("GM0153"), gm("GM0164"), gm("GM0173")]);
    assert_eq!(g.rol(&gm("GM0150")), Some(Rol::Lezer));
    assert_eq!(g.rol(&gm("GM0363")), None, "no role on Amsterdam");
    assert!(g.mag_lezen(&gm("GM0150")) && !g.mag_bewerken(&gm("GM0150")) && !g.is_beheerder(&gm("GM0150")));
    assert!(g.mag_lezen(&gm("GM0153")) && g.mag_bewerken(&gm("GM0153")) && !g.is_beheerder(&gm("GM0153")));
    assert!(g.mag_bewerken(&gm("GM0164")) && g.is_beheerder(&gm("GM0164")));
    assert!(!g.mag_lezen(&gm("GM0363")) && !g.mag_bewerken(&gm("GM0363")) && !g.is_beheerder(&gm("GM0363")));

    // A gemeente that is not in the database is refused.
    let e = store.rol_toekennen("regio", &gm("GM0001"), Rol::Lezer).await.unwrap_err();
    assert_eq!(e.to_string(), "gemeente GM0001 staat niet in de database");

    store.rol_intrekken("regio", &gm("GM0173")).await.unwrap();
    let g = store.gebruiker("regio").await.unwrap().unwrap();
    assert_eq!(g.gemeenten(), vec![gm("GM0150"), gm("GM0153"), gm("GM0164")]);
    let in_lijst = store.gebruikers().await.unwrap().into_iter().find(|x| x.naam == "regio").unwrap();
    assert_eq!(in_lijst, g, "the list carries the same roles");
}

async fn an_expired_session_gives_none(store: &Store) {
    let id = store.gebruiker_toevoegen("verlopen", WACHTWOORD).await.unwrap();
    let s = store.sessie_maken(id, -1).await.unwrap();
    assert!(store.sessie(&s.token).await.unwrap().is_none());

    let s = store.sessie_maken(id, 3600).await.unwrap();
    let (g, csrf) = store.sessie(&s.token).await.unwrap().expect("a fresh session is valid");
    assert_eq!((g.naam.as_str(), csrf.as_str()), ("verlopen", s.csrf.as_str()));
    assert_eq!((s.token.len(), s.csrf.len()), (64, 64));
    assert_ne!(s.token, s.csrf);
    assert!(store.sessie("onzin").await.unwrap().is_none());

    store.sessie_beeindigen(&s.token).await.unwrap();
    assert!(store.sessie(&s.token).await.unwrap().is_none(), "logged out");

    // A new password ends every session of the user.
    let s = store.sessie_maken(id, 3600).await.unwrap();
    store.wachtwoord_wijzigen("verlopen", "nog een ander wachtwoord").await.unwrap();
    assert!(store.sessie(&s.token).await.unwrap().is_none());
}

async fn a_session_token_is_stored_only_as_its_hash(store: &Store) {
    let id = store.gebruiker_toevoegen("gehasht", WACHTWOORD).await.unwrap();
    let s = store.sessie_maken(id, 3600).await.unwrap();
    let rijen =
        sqlx::query("SELECT token_sha256, csrf FROM sessies WHERE gebruiker_id = $1").bind(id).fetch_all(store.pool()).await.unwrap();
    assert_eq!(rijen.len(), 1);
    let opgeslagen: String = rijen[0].get(0);
    assert_ne!(opgeslagen, s.token);
    assert!(!opgeslagen.contains(&s.token));
    assert_eq!(opgeslagen.len(), 64, "sha256 hex");
    assert_eq!(rijen[0].get::<String, _>(1), s.csrf);
}

async fn an_api_token_round_trips_and_is_stored_hashed(store: &Store) {
    store.gebruiker_toevoegen("robot", WACHTWOORD).await.unwrap();
    store.rol_toekennen("robot", &gm("GM0363"), Rol::Bewerker).await.unwrap();
    let t = store.api_token_maken("robot", "nachtelijke import").await.unwrap();
    assert!(t.starts_with("buig_") && t.len() == 5 + 64, "{t}");
    assert!(t[5..].bytes().all(|b| b.is_ascii_hexdigit()));
    let g = store.api_token_gebruiker(&t).await.unwrap().expect("token resolves");
    assert_eq!(g.naam, "robot");
    assert!(g.mag_bewerken(&gm("GM0363")));
    assert!(store.api_token_gebruiker("buig_0000").await.unwrap().is_none());
    assert!(store.api_token_gebruiker(&t[5..]).await.unwrap().is_none(), "the prefix is part of the token");
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM api_tokens WHERE token_sha256 = $1 OR omschrijving = $1")
        .bind(t.clone())
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(n, 0, "the raw token is not stored");
}

async fn deleting_a_user_removes_its_sessions_roles_and_tokens(store: &Store) {
    let id = store.gebruiker_toevoegen("weg", WACHTWOORD).await.unwrap();
    store.rol_toekennen("weg", &gm("GM0150"), Rol::Beheerder).await.unwrap();
    let s = store.sessie_maken(id, 3600).await.unwrap();
    let t = store.api_token_maken("weg", "").await.unwrap();
    let voor = store.aantal_gebruikers().await.unwrap();
    store.gebruiker_verwijderen("WEG").await.unwrap();
    assert_eq!(store.aantal_gebruikers().await.unwrap(), voor - 1);
    assert!(store.gebruiker("weg").await.unwrap().is_none());
    assert!(store.sessie(&s.token).await.unwrap().is_none());
    assert!(store.api_token_gebruiker(&t).await.unwrap().is_none());
    for tabel in ["sessies", "api_tokens", "gebruiker_rollen"] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {tabel} WHERE gebruiker_id = $1"))
            .bind(id)
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(n, 0, "{tabel}");
    }
    // A user with the same name later gets no leftovers.
    store.gebruiker_toevoegen("weg", WACHTWOORD).await.unwrap();
    assert!(store.gebruiker("weg").await.unwrap().unwrap().rollen.is_empty());
    assert!(store.sessie(&s.token).await.unwrap().is_none());
}

async fn the_audit_log_is_newest_first_and_filtered_by_gemeente(store: &Store) {
    let voor = store.auditlog(None, 1000).await.unwrap().len();
    store.audit(None, "gebruiker.toevoegen", None, "naam=piet").await.unwrap();
    store.audit(Some("piet"), "import.budget", Some(&gm("GM0150")), "budget.csv").await.unwrap();
    store.audit(Some("piet"), "import.budget", Some(&gm("GM0363")), "ams.csv").await.unwrap();
    store.audit(Some("klaas"), "plan.status", Some(&gm("GM0150")), "1A 2023-K2").await.unwrap();

    let alles = store.auditlog(None, 1000).await.unwrap();
    assert_eq!(alles.len(), voor + 4);
    let acties: Vec<&str> = alles.iter().take(4).map(|r| r.details.as_str()).collect();
    assert_eq!(acties, ["1A 2023-K2", "ams.csv", "budget.csv", "naam=piet"]);
    assert_eq!(alles[3].gebruiker, None);
    assert_eq!(alles[0].gebruiker.as_deref(), Some("klaas"));
    let tijd = &alles[0].tijd;
    assert!(tijd.ends_with('Z') && tijd.parse::<jiff::Timestamp>().is_ok(), "RFC 3339 UTC: {tijd}");

    let deventer = store.auditlog(Some(&gm("GM0150")), 50).await.unwrap();
    assert_eq!(deventer.iter().map(|r| r.details.as_str()).collect::<Vec<_>>(), ["1A 2023-K2", "budget.csv"]);
    assert!(deventer.iter().all(|r| r.gemeente.as_deref() == Some("GM0150")));
    assert_eq!(store.auditlog(None, 1).await.unwrap().len(), 1, "the limit holds");
}

async fn sqlite() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&format!("sqlite://{}", dir.path().join("gebruikers.db").display())).await.unwrap();
    (dir, store)
}

macro_rules! op_sqlite {
    ($($naam:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread")]
            async fn $naam() {
                let (_dir, store) = sqlite().await;
                super::$naam(&store).await;
                store.close().await;
            }
        )*
    };
}

mod sqlite {
    use super::*;
    op_sqlite!(
        password_round_trip_and_wrong_password,
        an_unknown_user_gets_none_and_user_facing_errors,
        a_password_shorter_than_twelve_characters_is_refused,
        a_regional_user_with_roles_on_four_gemeenten_sees_those_four_only,
        an_expired_session_gives_none,
        a_session_token_is_stored_only_as_its_hash,
        an_api_token_round_trips_and_is_stored_hashed,
        deleting_a_user_removes_its_sessions_roles_and_tokens,
        the_audit_log_is_newest_first_and_filtered_by_gemeente,
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_scenario_also_holds_on_postgres() {
    let Some(base) = std::env::var("BUIG_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()) else {
        assert!(std::env::var("CI").is_err(), "CI must provide BUIG_TEST_POSTGRES_URL (see .ci/run)");
        // Straight to stderr, past the test harness's capture: a local run says what it did not test.
        let _ = std::io::Write::write_all(&mut std::io::stderr(), "overgeslagen: het PostgreSQL-deel van de gebruikerstest van de opslag (BUIG_TEST_POSTGRES_URL is niet gezet; .ci/run start PostgreSQL)\n".as_bytes());
        return;
    };
    sqlx::any::install_default_drivers();
    let name = format!("buig_gebruikers_{}_{}", std::process::id(), jiff::Timestamp::now().as_millisecond());
    let admin = sqlx::AnyPool::connect(&base).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.unwrap();
    let url = match base.rfind('/') {
        Some(i) => format!("{}/{name}", &base[..i]),
        None => unreachable!("a postgres URL has a path"),
    };
    let store = Store::open(&url).await.unwrap();
    password_round_trip_and_wrong_password(&store).await;
    an_unknown_user_gets_none_and_user_facing_errors(&store).await;
    a_password_shorter_than_twelve_characters_is_refused(&store).await;
    a_regional_user_with_roles_on_four_gemeenten_sees_those_four_only(&store).await;
    an_expired_session_gives_none(&store).await;
    a_session_token_is_stored_only_as_its_hash(&store).await;
    an_api_token_round_trips_and_is_stored_hashed(&store).await;
    deleting_a_user_removes_its_sessions_roles_and_tokens(&store).await;
    the_audit_log_is_newest_first_and_filtered_by_gemeente(&store).await;
    store.close().await;
    // FORCE: the server may not yet have seen the pool's connections close.
    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)")).execute(&admin).await.unwrap();
}
