// SPDX-License-Identifier: EUPL-1.2
//! The first start, safe when several instances start at once on one
//! database (issue 20): whoever holds the start slot applies the
//! migrations, fills the reference data and (for `buig serve`) loads the
//! demo; the others wait, then find it done. Every step is idempotent
//! under the slot, so a restart or a second instance changes nothing.
//!
//! PostgreSQL: an advisory lock on a fixed key, held by one connection of
//! the pool for the whole setup; SQLite file: an exclusive lock on the file
//! `<database>-start` beside the database (the write lock of SQLite itself
//! cannot be held across the setup's own transactions); a database in
//! memory belongs to one process and needs none. A killed process drops
//! its lock, so a crash during the first start never blocks the next.

use sqlx::pool::PoolConnection;
use sqlx::{Any, Connection};

use crate::{Backend, Store, StoreError};

/// Key of the PostgreSQL advisory lock of the first start ("buigstrt").
const SLEUTEL: i64 = 0x6275_6967_7374_7274;

/// Held while an instance sets the database up; [`StartSlot::vrij`] gives it back.
pub struct StartSlot(Houder);

enum Houder {
    Bestand(std::fs::File),
    Postgres(PoolConnection<Any>),
    Geen,
}

impl Store {
    /// Waits for this database's start slot (another instance may be setting it up).
    pub async fn start_slot(&self) -> Result<StartSlot, StoreError> {
        let houder = match (self.backend, &self.sqlite_pad) {
            (Backend::Sqlite, Some(pad)) => {
                Houder::Bestand(crate::import::slot::wacht_op(crate::import::slot::slotbestand(pad, "-start")?).await?)
            }
            (Backend::Sqlite, None) => Houder::Geen,
            (Backend::Postgres, _) => {
                let mut c = self.pool.acquire().await?;
                sqlx::query("SELECT pg_advisory_lock($1)").bind(SLEUTEL).execute(&mut *c).await?;
                Houder::Postgres(c)
            }
        };
        Ok(StartSlot(houder))
    }
}

impl StartSlot {
    /// Gives the slot back (PostgreSQL: unlocks, or closes the connection, which unlocks too).
    pub async fn vrij(self) {
        match self.0 {
            Houder::Bestand(f) => {
                let _ = f.unlock();
            }
            Houder::Postgres(mut c) => {
                if sqlx::query("SELECT pg_advisory_unlock($1)").bind(SLEUTEL).execute(&mut *c).await.is_err() {
                    let _ = c.detach().close().await;
                }
            }
            Houder::Geen => {}
        }
    }
}
