// SPDX-License-Identifier: EUPL-1.2
//! The web app and JSON API: server-rendered Dutch pages for one gemeente
//! at a time (overzicht, budget, prognose, bestand, vangnet, import,
//! aanvalsplan) plus a group comparison, and `/api/v1` with its OpenAPI
//! document. Every figure comes from the service layer (`buig-dienst`), the
//! same functions the CLI calls; this crate keeps HTTP, templates and the
//! cache ([`gegevens`]).
//!
//! - [`app`] builds the router for a [`Staat`]; tests bind it to port 0.
//! - [`serve`] runs it on an address until SIGTERM or Ctrl-C (running
//!   requests get [`AFRONDEN`] to finish); on an empty database it loads
//!   the demo data and a demo account first ([`start_demo`]) unless started
//!   without them, holding the database's start slot so instances started
//!   at once on one database all come up.
//! - [`configuratie`]: defaults < `buig.toml` < environment; [`logboek`]:
//!   logs (text or JSON) and the request id of every request;
//!   [`gezondheid`]: `/gezond` and `/gereed`.
//! - [`fout`]: why a request cannot be answered, as a page or as JSON;
//!   [`sessie`]: who is asking and which gemeenten they may see;
//!   [`auth`]: logging in and out; [`limiet`]: the login limiter;
//!   [`upload`]: uploads in private directories.
//! - [`pagina`]: the frame of every page; [`diagrammen`]: the charts;
//!   [`vraag`]: query strings into questions; [`download`]: the documents.
//! - [`paginas`]: one handler per page, templates compiled in (maud, which
//!   escapes everything); no page module uses another.
//! - [`api`]: the JSON routes and `openapi.json`.
//!
//! Invariants: no inline scripts or styles (the Content-Security-Policy
//! forbids them); a user never sees a gemeente they have no role on — such
//! a route answers 404, the same as an unknown code; money is shown in
//! Dutch format from exact values.

pub mod api;
pub mod auth;
pub mod configuratie;
pub mod diagrammen;
pub mod download;
pub mod excel;
pub mod fout;
pub mod gegevens;
pub mod gezondheid;
pub mod limiet;
pub mod logboek;
pub mod pagina;
pub mod paginas;
pub mod planblokken;
pub mod sessie;
pub mod statusblok;
pub mod upload;
pub mod veld;
pub mod vraag;

use std::future::IntoFuture;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Request};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use buig_store::Store;

/// Settings of a running server.
#[derive(Debug, Clone)]
pub struct Instellingen {
    /// Set the `Secure` flag on cookies (always, unless the server listens on loopback only).
    pub secure_cookies: bool,
    /// Monte Carlo runs of every prognosis the server shows (pages, API, documents alike).
    pub runs: u32,
    /// Where uploads wait for their import, each in a private directory of its own.
    pub uploadmap: std::path::PathBuf,
    /// The largest data file the import page takes.
    pub max_upload: usize,
    /// Reverse proxies whose `X-Forwarded-For` names the client (for the login limiter).
    pub vertrouwde_proxies: Vec<std::net::IpAddr>,
}

impl Default for Instellingen {
    fn default() -> Self {
        Instellingen {
            secure_cookies: false,
            runs: buig_dienst::prognose::MonteCarlo::default().runs,
            uploadmap: std::env::temp_dir(),
            max_upload: paginas::import::MAX_UPLOAD,
            vertrouwde_proxies: Vec::new(),
        }
    }
}

impl Instellingen {
    /// The one Monte Carlo setting of this server.
    pub fn monte_carlo(&self) -> buig_dienst::prognose::MonteCarlo {
        buig_dienst::prognose::MonteCarlo { runs: self.runs, ..Default::default() }
    }
}

/// Shared state of the app: the store, the cache of computed views and the login limiter.
#[derive(Clone)]
pub struct Staat {
    pub store: Store,
    pub instellingen: Arc<Instellingen>,
    pub cache: Arc<gegevens::Cache>,
    pub limiet: Arc<limiet::Limiet>,
}

impl Staat {
    pub fn new(store: Store, instellingen: Instellingen) -> Staat {
        Staat {
            limiet: Arc::new(limiet::Limiet::per_kern(store.clone())),
            store,
            instellingen: Arc::new(instellingen),
            cache: Arc::new(gegevens::Cache::default()),
        }
    }
}

/// The whole app: pages, API, static files, with the security headers on every answer.
pub fn app(staat: Staat) -> Router {
    let max_upload = staat.instellingen.max_upload;
    Router::new()
        .route("/", get(paginas::start))
        .route("/gezond", get(gezondheid::gezond))
        .route("/gereed", get(gezondheid::gereed))
        .route("/inloggen", get(auth::inloggen_formulier).post(auth::inloggen))
        .route("/uitloggen", post(auth::uitloggen))
        .route("/vergelijking", get(paginas::vergelijking::pagina))
        .route("/regio", get(paginas::regio::pagina))
        .route("/regio/rapport", get(paginas::regio::rapport))
        .route("/g/{code}", get(paginas::overzicht::pagina))
        .route("/g/{code}/budget", get(paginas::budget::pagina))
        .route("/g/{code}/prognose", get(paginas::prognose::pagina))
        .route("/g/{code}/prognose/vastleggen", post(paginas::prognose::vastleggen))
        .route("/g/{code}/briefhoofd", post(paginas::status::briefhoofd))
        .route("/g/{code}/agenda", get(paginas::agenda::pagina).post(paginas::agenda::toevoegen))
        .route("/g/{code}/agenda/verwijderen", post(paginas::agenda::verwijderen))
        .route("/g/{code}/agenda/abonnement", post(paginas::agenda::abonnement))
        .route("/g/{code}/agenda/intrekken", post(paginas::agenda::intrekken))
        .route("/agenda/{bestand}", get(paginas::agenda::feed))
        .route("/g/{code}/raming", get(paginas::raming::pagina))
        .route("/g/{code}/gegevens", get(paginas::status::pagina))
        .route("/g/{code}/bestand", get(paginas::bestand::pagina))
        .route("/g/{code}/vangnet", get(paginas::vangnet::pagina))
        .route("/g/{code}/vangnet/notitie", get(paginas::vangnet::notitie))
        .route("/g/{code}/vangnet/jaarcijfer", post(paginas::vangnet::jaarcijfer))
        .route("/g/{code}/vangnet/verleend", post(paginas::vangnet::verleend))
        .route("/g/{code}/vangnet/toelichting", post(paginas::vangnet::toelichting::opslaan))
        .route("/g/{code}/import", get(paginas::import::formulier).post(paginas::import::upload).layer(DefaultBodyLimit::max(max_upload)))
        .route("/g/{code}/import/bevestig", post(paginas::import::bevestig))
        .route("/g/{code}/import/sjabloon/{bestand}", get(paginas::import::sjabloon))
        .route("/g/{code}/import/herstel", post(paginas::import::herstel))
        .route("/g/{code}/rapport/{soort}", get(paginas::rapport::document))
        .route("/g/{code}/plan", get(paginas::plan::pagina))
        .route("/g/{code}/plan/status", post(paginas::plan::status))
        .route("/g/{code}/plan/evaluatie", post(paginas::plan::evaluatie))
        .route("/g/{code}/plan/risico", post(paginas::plan::risico))
        .route("/g/{code}/plan/risico/verwijderen", post(paginas::plan::risico_verwijderen))
        .route("/g/{code}/plan/import", post(paginas::plan::import).layer(DefaultBodyLimit::max(buig_plan::MAX_BESTAND)))
        .route("/g/{code}/plan/actie/{actie}", get(paginas::plan::actie_pagina))
        .route("/g/{code}/plan/actie/{actie}/soort", post(paginas::plan::soort))
        .route("/g/{code}/plan/koppeling", post(paginas::plan::koppeling))
        .route("/static/app.css", get(pagina::css))
        .route(download::RAPPORT_CSS, get(download::rapport_css))
        .nest("/api/v1", api::router())
        .fallback(pagina::niet_gevonden)
        .layer(middleware::from_fn(excel::laag))
        .layer(middleware::from_fn(beveiliging))
        .layer(middleware::from_fn(logboek::verzoek_id))
        .with_state(staat)
}

/// Security headers on every response: a strict CSP (no inline scripts or
/// styles, no framing), no sniffing, no referrer leaks; pages are not cached.
async fn beveiliging(req: Request<axum::body::Body>, next: Next) -> Response {
    let statisch = req.uri().path().starts_with("/static/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    // A route may narrow or adapt the policy (the printable notitie has its own stylesheet); it never lacks one.
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
        );
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if !statisch && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// The gemeenten the demo account gets: Voorbeeldstad and the seed gemeenten.
pub fn demo_gemeenten() -> Vec<buig_core::GemeenteCode> {
    ["GM9999", "GM0150", "GM0005", "GM1663", "GM0053", "GM1651", "GM0010"].iter().filter_map(|c| c.parse().ok()).collect()
}

/// What [`start_demo`] did.
#[derive(Debug, Default)]
pub struct DemoStart {
    /// The demo data was loaded now (the database was empty).
    pub data_geladen: bool,
    /// The demo account, when it was created now: (name, password).
    pub account: Option<(String, String)>,
    /// The password was chosen with `BUIG_DEMO_WACHTWOORD` (so it is not printed).
    pub wachtwoord_gekozen: bool,
}

/// The demo account's name.
pub const DEMO_GEBRUIKER: &str = "demo";

/// On an empty database: load the demo data, and when there are no users,
/// create `demo` with editor rights on the demo gemeenten (Voorbeeldstad and
/// the seed gemeenten) and a random password — or `BUIG_DEMO_WACHTWOORD`.
/// Holds the database's start slot: of instances started at once, one loads
/// and the others find it done.
pub async fn start_demo(store: &Store) -> Result<DemoStart, String> {
    let slot = store.start_slot().await.map_err(|e| e.to_string())?;
    let uit = demo_laden(store).await;
    slot.vrij().await;
    uit
}

async fn demo_laden(store: &Store) -> Result<DemoStart, String> {
    let mut uit = DemoStart::default();
    let leeg = store.aantal_uitkeringen().await.map_err(|e| e.to_string())?.is_empty();
    if leeg {
        store.laad_demo().await.map_err(|e| format!("demodata laden mislukt: {e}"))?;
        // The seed 001 aanvalsplan of Deventer with seed 002's evaluations, as `buig plan laad-voorbeeld` loads it.
        let plan = buig_plan::voorbeeld_deventer();
        if store.plan_titels(plan.gemeente).await.map_err(|e| e.to_string())?.is_empty() {
            store.bewaar_plan(&plan).await.map_err(|e| format!("voorbeeldplan laden mislukt: {e}"))?;
            for e in buig_plan::voorbeeld_evaluaties() {
                store
                    .voeg_evaluatie_toe(plan.gemeente, &plan.titel, &e)
                    .await
                    .map_err(|e| format!("voorbeeldevaluatie laden mislukt: {e}"))?;
            }
        }
        uit.data_geladen = true;
    }
    if store.aantal_gebruikers().await.map_err(|e| e.to_string())? == 0 {
        let gekozen = std::env::var("BUIG_DEMO_WACHTWOORD").ok().filter(|w| !w.is_empty());
        uit.wachtwoord_gekozen = gekozen.is_some();
        let wachtwoord = gekozen.unwrap_or_else(auth::willekeurig_wachtwoord);
        store.gebruiker_toevoegen(DEMO_GEBRUIKER, &wachtwoord).await.map_err(|e| e.to_string())?;
        for code in demo_gemeenten() {
            if store.gemeente(code).await.map_err(|e| e.to_string())?.is_some() {
                store.rol_toekennen(DEMO_GEBRUIKER, &code, buig_store::gebruikers::Rol::Bewerker).await.map_err(|e| e.to_string())?;
            }
        }
        store.audit(None, "gebruiker.toevoegen", None, "demo-account bij eerste start").await.map_err(|e| e.to_string())?;
        uit.account = Some((DEMO_GEBRUIKER.to_string(), wachtwoord));
    }
    Ok(uit)
}

/// How a server starts.
#[derive(Debug, Clone)]
pub struct Start {
    /// Load the demo data and the demo account into an empty database.
    pub demo: bool,
    /// Reverse proxies trusted to name the client ([`Instellingen::vertrouwde_proxies`]).
    pub vertrouwde_proxies: Vec<std::net::IpAddr>,
}

/// How long running requests may take to finish after SIGTERM or Ctrl-C.
pub const AFRONDEN: std::time::Duration = std::time::Duration::from_secs(30);

/// SIGTERM (what an orchestrator sends) or Ctrl-C.
async fn stopsignaal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

/// Runs the app on `adres` until SIGTERM or Ctrl-C: then it stops
/// accepting, lets running requests finish (at most [`AFRONDEN`]) and
/// closes the database pool.
pub async fn serve(store: Store, adres: SocketAddr, start: Start) -> Result<(), String> {
    let demo = if start.demo { Some(start_demo(&store).await?) } else { None };
    let opgeruimd = upload::ruim_op(&std::env::temp_dir());
    if opgeruimd > 0 {
        logboek::melding(&format!("{opgeruimd} achtergebleven upload(s) van een eerdere start verwijderd."));
    }
    let listener = tokio::net::TcpListener::bind(adres).await.map_err(|e| format!("kan niet luisteren op {adres}: {e}"))?;
    let adres = listener.local_addr().map_err(|e| e.to_string())?;
    let instellingen = Instellingen {
        secure_cookies: !adres.ip().is_loopback(),
        vertrouwde_proxies: start.vertrouwde_proxies.clone(),
        ..Default::default()
    };
    let staat = Staat::new(store.clone(), instellingen);
    match &demo {
        Some(d) => {
            if d.data_geladen {
                logboek::melding("De database was leeg: de demodata (Voorbeeldstad en de brondocumenten) zijn geladen.");
            }
            if let Some((naam, wachtwoord)) = &d.account {
                if d.wachtwoord_gekozen {
                    logboek::melding(&format!("Demo-account aangemaakt: gebruiker {naam}, met het wachtwoord uit BUIG_DEMO_WACHTWOORD"));
                } else {
                    // The demo's one printed secret: a random password on a first start with the demo data, never on a production start.
                    logboek::melding(&format!("Demo-account aangemaakt: gebruiker {naam}, wachtwoord {wachtwoord}"));
                    logboek::melding(&format!(
                        "(bewaar dit wachtwoord: het wordt niet opnieuw getoond; wijzigen met buig gebruiker wachtwoord {naam})"
                    ));
                }
            }
        }
        None => {
            if store.aantal_gebruikers().await.map_err(|e| e.to_string())? == 0 {
                logboek::melding("Gestart zonder demodata. Er is nog geen gebruiker; maak de eerste beheerder met: buig gebruiker toevoegen NAAM --rol '*=beheerder'");
            }
        }
    }
    logboek::melding(&format!("buig-monitor draait op http://{adres}/  (stoppen met Ctrl-C of SIGTERM)"));
    if demo.is_some() {
        // Warm the cache of the demo's overview so the first visitor does not wait.
        let warm = staat.clone();
        tokio::spawn(async move {
            if let Some(code) = demo_gemeenten().first() {
                gegevens::verwarm(&warm, *code).await;
            }
        });
    }
    let (gestopt, mut gestopt_rx) = tokio::sync::watch::channel(false);
    // The client's address feeds the login limiter.
    let server = axum::serve(listener, app(staat).into_make_service_with_connect_info::<SocketAddr>()).with_graceful_shutdown(async move {
        stopsignaal().await;
        logboek::melding("Stoppen: er worden geen nieuwe verbindingen aangenomen; lopende verzoeken worden afgemaakt.");
        let _ = gestopt.send(true);
    });
    let afkappen = async move {
        let _ = gestopt_rx.wait_for(|g| *g).await;
        tokio::time::sleep(AFRONDEN).await;
    };
    let uitkomst = tokio::select! {
        r = server.into_future() => r.map_err(|e| format!("server gestopt: {e}")),
        () = afkappen => {
            tracing::warn!("niet alle verzoeken waren binnen {} s klaar; ze zijn afgebroken", AFRONDEN.as_secs());
            Ok(())
        }
    };
    if tokio::time::timeout(std::time::Duration::from_secs(5), store.close()).await.is_err() {
        tracing::warn!("de databaseverbindingen sloten niet binnen 5 s");
    }
    logboek::melding("buig-monitor is gestopt.");
    uitkomst
}
