// SPDX-License-Identifier: EUPL-1.2
//! `buig serve`: the web app and the JSON API.

use clap::Args;

use crate::fout::{Fout, Uit};
use crate::gedeeld::{open_store, DbArgs};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig serve\n  buig serve --adres 0.0.0.0:8080 --database postgres://buig@db/buig\n\nOp een lege database worden de demodata geladen en een demo-account aangemaakt; het wachtwoord wordt eenmalig getoond\n(of kies het met BUIG_DEMO_WACHTWOORD). Meer gebruikers: buig gebruiker toevoegen. Zie docs/web.md."
)]
pub(crate) struct ServeArgs {
    /// Adres en poort om op te luisteren
    #[arg(long, default_value = "127.0.0.1:8080")]
    adres: std::net::SocketAddr,
    #[command(flatten)]
    db: DbArgs,
}

pub(crate) fn serve(a: &ServeArgs) -> Uit<()> {
    let store = open_store(&a.db)?;
    buig_store::block_on(buig_web::serve(store, a.adres)).map_err(Fout::Intern)
}
