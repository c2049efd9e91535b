// SPDX-License-Identifier: EUPL-1.2
//! The store: one storage layer over two backends, chosen by the database
//! URL — SQLite (`sqlite://buig.db`, the embedded default) or PostgreSQL
//! (`postgres://…`) — through sqlx's `Any` driver, so every query and the
//! numbered migrations in `migrations/` are written once.
//!
//! - [`Store::open`] connects, applies the migrations and fills the bundled
//!   reference data (gemeenten with mergers, inhabitants, macrobudget) into
//!   an empty database, holding the [`start`] slot, so instances started at
//!   once on one database all come up; [`Store::gereed`] says whether the
//!   database answers with every migration applied.
//! - [`import`] stores a parsed file completely or not at all, one import at
//!   a time, idempotent by file hash, replacing an older file for the same
//!   scope (spells staged first, made current in one short transaction),
//!   refusing a large removal unless confirmed, and undoes an import
//!   ([`import::herstel`]).
//! - [`query`] reads figures back as typed records.
//!
//! Invariants: money is BIGINT cents, dates ISO text; a client identifier is
//! stored only as its keyed hash; the pseudonymisation key lives in
//! `instellingen` and never leaves the store except to the importer.

pub mod agenda;
pub mod demo;
pub mod gebruikers;
pub mod import;
pub mod plan;
pub mod query;
pub mod rapportage;
mod referentie;
mod snel;
pub mod start;
pub mod toelichting;
pub mod verleend;

pub use gebruikers::{AuditRegel, Gebruiker, GebruikerFout, Rol, Sessie};

use std::fmt;
use std::str::FromStr;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor, Row};

/// The default database when `DATABASE_URL` is not set: `buig.db` in the
/// current directory, created on first use.
pub const DEFAULT_URL: &str = "sqlite://buig.db";

/// Which backend a URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::Url(redact(url)))
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        })
    }
}

/// Errors of the store, in Dutch for the user; the URL's password never appears.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database-URL \"{0}\" wordt niet ondersteund: gebruik sqlite://pad/naar/buig.db of postgres://gebruiker@host/database")]
    Url(String),
    #[error("kan de database {url} niet openen: {bron}")]
    Verbinding { url: String, bron: sqlx::Error },
    #[error("migratie van de database mislukt: {0}")]
    Migratie(#[from] sqlx::migrate::MigrateError),
    #[error("databasefout: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("ongeldige waarde in de database ({veld}): {melding}")]
    Data { veld: String, melding: String },
    #[error("databasefout bij het lezen: {0}")]
    Lezen(String),
}

/// A URL with its password replaced, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// The database URL from the environment (`DATABASE_URL`) or the default.
pub fn url_from_env() -> String {
    std::env::var("DATABASE_URL").ok().filter(|u| !u.trim().is_empty()).unwrap_or_else(|| DEFAULT_URL.to_string())
}

/// An open, migrated database.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The SQLite file, for the bulk reads of spells (`snel.rs`) and the
    /// staging of imported spells; `None` for PostgreSQL or in memory.
    sqlite_pad: Option<std::path::PathBuf>,
    /// The URL, for PostgreSQL's `COPY` (a connection of its own). Never shown.
    url: std::sync::Arc<str>,
    /// The import slot of a database without a file ([`import`]'s one import at a time).
    proces_slot: std::sync::Arc<tokio::sync::Mutex<()>>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Store({})", self.backend)
    }
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl Store {
    /// Connects (creating a SQLite file if needed), applies pending
    /// migrations and loads the bundled reference data into an empty database.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let connect_url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { "&" } else { "?" })
            }
            _ => url.to_string(),
        };
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 4 } else { 8 })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL: readers never block the importer; a killed import
                        // leaves its uncommitted frames behind, never half a table.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                    }
                    Ok(())
                })
            })
            .connect(&connect_url)
            .await
            .map_err(|bron| StoreError::Verbinding { url: redact(url), bron })?;
        let sqlite_pad = if backend == Backend::Sqlite { snel::sqlite_pad(url) } else { None };
        let store = Store { pool, backend, sqlite_pad, url: url.into(), proces_slot: import::proces_slot() };
        // Several instances starting at once: one sets up, the others wait and find it done.
        let slot = store.start_slot().await?;
        let klaar = async {
            MIGRATOR.run(&store.pool).await?;
            referentie::vul_als_leeg(&store).await
        }
        .await;
        slot.vrij().await;
        klaar?;
        Ok(store)
    }

    /// Whether the database answers and every migration this program knows
    /// is applied (the readiness check of `buig serve`).
    pub async fn gereed(&self) -> Result<bool, StoreError> {
        let toegepast: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = TRUE").fetch_all(&self.pool).await?;
        Ok(MIGRATOR.iter().filter(|m| !m.migration_type.is_down_migration()).all(|m| toegepast.contains(&m.version)))
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A transaction that takes the write lock at its start (SQLite `BEGIN
    /// IMMEDIATE`, waiting its turn), so it never fails half-way when another
    /// connection wrote between its first read and its first write.
    pub(crate) async fn schrijf_transactie(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// The key for pseudonymising client identifiers: 32 random bytes made
    /// on first use and kept in the database, so the same client gets the
    /// same pseudonym in every import of this database.
    pub async fn pseudoniem_sleutel(&self) -> Result<Vec<u8>, StoreError> {
        const SLEUTEL: &str = "pseudoniem_sleutel";
        if let Some(hex) = self.instelling(SLEUTEL).await? {
            return from_hex(&hex).ok_or_else(|| StoreError::Data { veld: SLEUTEL.into(), melding: "geen hexadecimale sleutel".into() });
        }
        let mut key = [0u8; 32];
        getrandom::getrandom(&mut key).map_err(|e| StoreError::Data { veld: SLEUTEL.into(), melding: e.to_string() })?;
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        sqlx::query("INSERT INTO instellingen (sleutel, waarde) VALUES ($1, $2) ON CONFLICT (sleutel) DO NOTHING")
            .bind(SLEUTEL)
            .bind(hex)
            .execute(&self.pool)
            .await?;
        // Another process may have won the race: read back what is stored.
        let stored = self.instelling(SLEUTEL).await?.unwrap_or_default();
        from_hex(&stored).ok_or_else(|| StoreError::Data { veld: SLEUTEL.into(), melding: "geen hexadecimale sleutel".into() })
    }

    async fn instelling(&self, sleutel: &str) -> Result<Option<String>, StoreError> {
        let row: Option<AnyRow> =
            sqlx::query("SELECT waarde FROM instellingen WHERE sleutel = $1").bind(sleutel).fetch_optional(&self.pool).await?;
        Ok(row.map(|r| r.get::<String, _>(0)))
    }

    /// Closes the pool (waits for connections to finish).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// Parses a stored text column into a domain type, naming the column on failure.
pub(crate) fn parse_col<T: FromStr>(veld: &str, s: &str) -> Result<T, StoreError>
where
    T::Err: fmt::Display,
{
    s.parse().map_err(|e: T::Err| StoreError::Data { veld: veld.into(), melding: e.to_string() })
}

impl Store {
    /// SQLite: folds the write-ahead log into the database file, so a copy
    /// of the file alone is complete (tests copy a prepared database). A
    /// no-op on PostgreSQL.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        }
        Ok(())
    }
}

/// Runs a future on the process-wide runtime: the CLI is synchronous, the
/// store is async. One runtime for the whole process, because a pool's
/// PostgreSQL connections belong to the runtime that opened them.
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    RUNTIME
        .get_or_init(|| tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("tokio runtime"))
        .block_on(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_appear_in_messages() {
        assert_eq!(redact("postgres://buig:geheim@localhost/buig"), "postgres://buig:***@localhost/buig");
        assert_eq!(redact("sqlite://buig.db"), "sqlite://buig.db");
        let e = Backend::from_url("mysql://a:geheim@x/y").unwrap_err().to_string();
        assert!(!e.contains("geheim"), "{e}");
    }
}
