// SPDX-License-Identifier: EUPL-1.2
//! `buig serve`: the web app and the JSON API. The settings come in layers
//! (`buig_web::configuratie`: defaults < `buig.toml` < environment); the
//! flags here come last.

use std::path::PathBuf;

use buig_web::configuratie::Configuratie;
use clap::Args;

use crate::fout::{Fout, Uit};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig serve\n  buig serve --adres 0.0.0.0:8080 --database postgres://buig@db/buig --zonder-demo\n  BUIG_DEMO=0 BUIG_LOG_FORMAT=json buig serve --config /etc/buig/buig.toml\n\nOp een lege database worden de demodata geladen en een demo-account aangemaakt; het wachtwoord wordt eenmalig getoond\n(of kies het met BUIG_DEMO_WACHTWOORD). --zonder-demo (of BUIG_DEMO=0) laadt niets en maakt geen account: maak dan de\neerste beheerder met buig gebruiker toevoegen NAAM --rol '*=beheerder'. Instellingen: buig.toml in de werkmap (of\n--config / BUIG_CONFIG), daarna de omgeving (BUIG_ADRES, DATABASE_URL, BUIG_DEMO, BUIG_LOG_FORMAT, BUIG_LOG_NIVEAU,\nBUIG_VERTROUWDE_PROXIES), daarna\ndeze opties. Controles voor een load balancer: /gezond en /gereed. Zie docs/web.md en docs/deploy.md."
)]
pub(crate) struct ServeArgs {
    /// Adres en poort om op te luisteren (standaard 127.0.0.1:8080)
    #[arg(long)]
    adres: Option<std::net::SocketAddr>,
    /// Database-URL (sqlite://pad.db of postgres://…); standaard DATABASE_URL, buig.toml of sqlite://buig.db
    #[arg(long)]
    database: Option<String>,
    /// Geen demodata en geen demo-account, ook niet op een lege database (of BUIG_DEMO=0)
    #[arg(long)]
    zonder_demo: bool,
    /// Het configuratiebestand (standaard BUIG_CONFIG, of buig.toml in de werkmap als dat er is)
    #[arg(long, value_name = "PAD")]
    config: Option<PathBuf>,
}

/// The configuration after every layer, the flags last.
fn configuratie(a: &ServeArgs) -> Uit<Configuratie> {
    let mut c = Configuratie::laad(a.config.as_deref(), &|k| std::env::var(k).ok()).map_err(Fout::Invoer)?;
    if let Some(adres) = a.adres {
        c.adres = adres;
    }
    if let Some(d) = a.database.as_ref().filter(|d| !d.trim().is_empty()) {
        c.database = Some(buig_web::configuratie::Geheim::new(d.clone()));
    }
    if a.zonder_demo {
        c.demo = false;
    }
    Ok(c)
}

pub(crate) fn serve(a: &ServeArgs) -> Uit<()> {
    let c = configuratie(a)?;
    buig_web::logboek::start(c.log_formaat, c.log_niveau);
    if let Some(bestand) = &c.bestand {
        buig_web::logboek::melding(&format!(
            "instellingen uit {}; database {}",
            bestand.display(),
            c.database.as_ref().map_or_else(|| buig_store::DEFAULT_URL.to_string(), ToString::to_string)
        ));
    }
    let store = buig_store::block_on(buig_store::Store::open(&c.database_url())).map_err(|e| Fout::Intern(e.to_string()))?;
    buig_store::block_on(buig_web::serve(
        store,
        c.adres,
        buig_web::Start { demo: c.demo, vertrouwde_proxies: c.vertrouwde_proxies.clone() },
    ))
    .map_err(Fout::Intern)
}
