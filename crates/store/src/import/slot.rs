// SPDX-License-Identifier: EUPL-1.2
//! One import at a time per database, across processes: a second import
//! (or a herstel) waits its turn instead of failing on a locked database.
//! SQLite: an exclusive lock on the file `<database>-import` next to the
//! database; PostgreSQL: an advisory lock held by a connection of its own;
//! a database in memory: a lock in this process. The operating system or
//! the server drops the lock when the process dies, so a killed import
//! never blocks the next one.
//!
//! Whoever holds the slot first finishes what an earlier holder left: the
//! rows of an import that was killed while staging or never confirmed,
//! and old versions of spells still to be cleared.

use std::sync::Arc;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::{Any, Connection};

use super::Stap;
use crate::{Backend, Store, StoreError};

/// Key of the PostgreSQL advisory lock ("buigimpt").
const SLEUTEL: i64 = 0x6275_6967_696d_7074;

/// The lock file beside a SQLite database (`buig.db-import`, `buig.db-start`), opened, not locked.
pub(crate) fn slotbestand(pad: &std::path::Path, achtervoegsel: &str) -> Result<std::fs::File, StoreError> {
    let mut naam = pad.as_os_str().to_owned();
    naam.push(achtervoegsel);
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&naam)
        .map_err(|e| StoreError::Lezen(format!("{}: {e}", std::path::Path::new(&naam).display())))
}

/// Waits, off the async threads, until the lock on `f` is ours.
pub(crate) async fn wacht_op(f: std::fs::File) -> Result<std::fs::File, StoreError> {
    tokio::task::spawn_blocking(move || f.lock().map(|()| f))
        .await
        .map_err(|e| StoreError::Lezen(e.to_string()))?
        .map_err(|e| StoreError::Lezen(e.to_string()))
}

/// Held while an import or herstel runs; dropped, the next may start.
pub(crate) enum Slot {
    Bestand(std::fs::File),
    Postgres(PoolConnection<Any>),
    Proces(tokio::sync::OwnedMutexGuard<()>),
}

impl Store {
    /// Waits for this database's import slot; says so once when another holds it.
    pub(crate) async fn import_slot(&self, voortgang: &mut (dyn FnMut(Stap) + Send)) -> Result<Slot, StoreError> {
        let slot = match (self.backend, &self.sqlite_pad) {
            (Backend::Sqlite, Some(pad)) => {
                let f = slotbestand(pad, "-import")?;
                match f.try_lock() {
                    Ok(()) => Slot::Bestand(f),
                    Err(std::fs::TryLockError::WouldBlock) => {
                        voortgang(Stap::Wachten);
                        Slot::Bestand(wacht_op(f).await?)
                    }
                    Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::Lezen(e.to_string())),
                }
            }
            (Backend::Sqlite, None) => {
                let m = self.proces_slot.clone();
                match m.clone().try_lock_owned() {
                    Ok(g) => Slot::Proces(g),
                    Err(_) => {
                        voortgang(Stap::Wachten);
                        Slot::Proces(m.lock_owned().await)
                    }
                }
            }
            (Backend::Postgres, _) => {
                let mut c = self.pool.acquire().await?;
                let vrij: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)").bind(SLEUTEL).fetch_one(&mut *c).await?;
                if !vrij {
                    voortgang(Stap::Wachten);
                    sqlx::query("SELECT pg_advisory_lock($1)").bind(SLEUTEL).execute(&mut *c).await?;
                }
                Slot::Postgres(c)
            }
        };
        self.opruimen().await?;
        Ok(slot)
    }
}

impl Slot {
    /// Gives the slot back (PostgreSQL: unlocks, or drops the connection, which unlocks too).
    pub(crate) async fn vrij(self) {
        match self {
            // Closing the file would unlock it too; unlocking first says what is meant.
            Slot::Bestand(f) => {
                let _ = f.unlock();
            }
            Slot::Postgres(mut c) => {
                let ok = sqlx::query("SELECT pg_advisory_unlock($1)").bind(SLEUTEL).execute(&mut *c).await.is_ok();
                if !ok {
                    let _ = c.detach().close().await;
                }
            }
            Slot::Proces(g) => drop(g),
        }
    }
}

/// The in-process slot of a database without a file.
pub(crate) fn proces_slot() -> Arc<tokio::sync::Mutex<()>> {
    Arc::new(tokio::sync::Mutex::new(()))
}

/// A staged import not confirmed within this time is cleared by the next import.
pub(crate) const BEVESTIGEN_BINNEN: Duration = Duration::from_secs(3600);

impl Store {
    /// Clears what earlier holders of the slot left: staged rows of imports
    /// that were killed (`bezig`) or not confirmed in time (`wacht`), and
    /// old versions of spells still to be cleared. Runs holding the slot.
    async fn opruimen(&self) -> Result<(), StoreError> {
        let open: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, status, tijdstip FROM import_historie WHERE status IN ('bezig', 'wacht')")
                .fetch_all(&self.pool)
                .await?;
        let grens = jiff::Timestamp::now() - jiff::SignedDuration::try_from(BEVESTIGEN_BINNEN).unwrap_or_default();
        for (id, status, tijdstip) in open {
            let verlopen = tijdstip.parse::<jiff::Timestamp>().map_or(true, |t| t < grens);
            if status == "bezig" || verlopen {
                self.staging_weggooien(id, "afgebroken").await?;
            }
        }
        super::uitkeringen::oude_versies_wissen(self).await
    }

    /// Removes the staged spells of import `id` (its blocks say where they
    /// are) and marks it `status` in the history (hidden from `buig historie`).
    pub(crate) async fn staging_weggooien(&self, id: i64, status: &str) -> Result<(), StoreError> {
        let gemeenten: Vec<String> = sqlx::query_scalar("SELECT DISTINCT gemeente FROM uitkeringen_blokken WHERE import_id = $1")
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        for g in gemeenten {
            super::uitkeringen::wis_versie(self, &g, id).await?;
        }
        sqlx::query("UPDATE import_historie SET status = $1 WHERE id = $2").bind(status.to_string()).bind(id).execute(&self.pool).await?;
        Ok(())
    }
}
