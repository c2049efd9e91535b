// SPDX-License-Identifier: EUPL-1.2
//! What the subcommands share: the database flag and the store it opens,
//! amounts and years as a user types them, the granted years of `--verleend`.

use buig_core::{Money, Year};
use clap::Args;

use crate::fout::{Fout, Uit};

#[derive(Args)]
pub(crate) struct DbArgs {
    /// Database-URL (sqlite://pad.db of postgres://…); standaard DATABASE_URL, buig.toml of sqlite://buig.db
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database: Option<String>,
}

/// The database: `--database`, else `DATABASE_URL`, else `database` in the
/// configuration file (`BUIG_CONFIG`, or `buig.toml` in the working
/// directory), else `sqlite://buig.db` — the same as `buig serve` uses.
pub(crate) fn open_store(db: &DbArgs) -> Result<buig_store::Store, Fout> {
    let url = match db.database.clone().filter(|d| !d.trim().is_empty()) {
        Some(d) => d,
        None => buig_web::configuratie::Configuratie::laad(None, &|k| std::env::var(k).ok()).map_err(Fout::Invoer)?.database_url(),
    };
    buig_store::block_on(buig_store::Store::open(&url)).map_err(|e| Fout::Intern(e.to_string()))
}

/// Euros as a user types them (`3448580`, `-500000`, `1234.56`,
/// `1.234,56`, `€ 41.984.531`): the importer's parser, Dutch conventions.
pub(crate) fn parse_amount(s: &str) -> Result<Money, String> {
    buig_import::bedrag(s, true).map_err(|e| format!("{e} (verwacht bijvoorbeeld 41984531, 1234.56 of 1.234,56)"))
}

pub(crate) fn parse_year_amount(s: &str) -> Result<(Year, Money), String> {
    let (y, a) = s.split_once('=').ok_or_else(|| format!("\"{s}\": verwacht JAAR=BEDRAG, bijvoorbeeld 2022=3668940"))?;
    Ok((y.parse()?, parse_amount(a)?))
}

/// `--verleend JAAR …` (or `geen`): the years a vangnetuitkering was granted; `None` when not stated.
pub(crate) fn verleend_jaren(args: &[String]) -> Result<Option<Vec<i32>>, Fout> {
    if args.is_empty() {
        return Ok(None);
    }
    let mut years = Vec::new();
    for v in args.iter().filter(|v| !v.eq_ignore_ascii_case("geen")) {
        years.push(v.parse::<buig_core::Year>().map_err(|e| Fout::Invoer(format!("--verleend: {e}")))?.get());
    }
    Ok(Some(years))
}

/// A gemeente code given with flag `veld` (`--gemeente`).
pub(crate) fn gemeente_code(veld: &str, s: &str) -> Uit<buig_core::GemeenteCode> {
    s.parse().map_err(|e: String| Fout::Invoer(format!("{veld}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_in_plain_and_dutch_notation() {
        let cents = |s: &str| parse_amount(s).map(Money::cents);
        assert_eq!(cents("41984531"), Ok(4_198_453_100));
        assert_eq!(cents("41.984.531"), Ok(4_198_453_100));
        assert_eq!(cents("€ 1.234,56"), Ok(123_456));
        assert_eq!(cents("1234.56"), Ok(123_456));
        assert_eq!(cents("-1.000.000"), Ok(-100_000_000));
        assert_eq!(cents("3.448"), Ok(344_800));
        assert!(cents("3448580.125").is_err(), "seven digits before the dot: a decimal, and sub-cent");
        assert!(cents("1,2,3").is_err());
        assert!(cents("veel").is_err());
    }
}
