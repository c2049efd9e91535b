// SPDX-License-Identifier: EUPL-1.2
//! The login limiter's counters (migration 0013), in the database so that
//! every instance of the web app on it counts the same attempts. The policy
//! — how many failures, how long a key waits — is the caller's
//! (`buig_web::limiet`); the store keeps the times and makes "look, then
//! count" one step, so attempts in flight on any instance count.
//!
//! A key (`naam:anna`, `adres:192.0.2.1`) is stored only as its SHA-256.
//! Times are unix milliseconds, as the caller gives them.

use super::geheim::sha256_hex;
use crate::{Backend, Store, StoreError};

/// An advisory lock key per limiter key (the first 8 bytes of its hash).
fn slotsleutel(hash: &str) -> i64 {
    u64::from_str_radix(&hash[..16], 16).unwrap_or(0) as i64
}

impl Store {
    /// Starts a login attempt on `sleutels` at `nu`. In one transaction that
    /// holds every key (PostgreSQL: a transaction-level advisory lock per
    /// key, taken in one order; SQLite: the write lock, `BEGIN IMMEDIATE`)
    /// it reads each key's attempts after `nu - venster`, oldest first, and
    /// asks `wacht(i, tijden)` how long key `i` must wait. When one must,
    /// nothing is recorded and the longest wait is the answer (`Err`);
    /// otherwise the attempt is recorded on every key and its id returned.
    pub async fn inlogpoging_begin(
        &self,
        sleutels: &[String],
        nu: i64,
        venster: i64,
        wacht: impl Fn(usize, &[i64]) -> Option<i64>,
    ) -> Result<Result<i64, i64>, StoreError> {
        let hashes: Vec<String> = sleutels.iter().map(|s| sha256_hex(s)).collect();
        let mut tx = self.schrijf_transactie().await?;
        if self.backend == Backend::Postgres {
            let mut sloten: Vec<i64> = hashes.iter().map(|h| slotsleutel(h)).collect();
            sloten.sort_unstable();
            sloten.dedup();
            for s in sloten {
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(s).execute(&mut *tx).await?;
            }
        }
        let mut langste: Option<i64> = None;
        for (i, h) in hashes.iter().enumerate() {
            let tijden: Vec<i64> = sqlx::query_scalar("SELECT tijd FROM inlogpogingen WHERE sleutel = $1 AND tijd > $2 ORDER BY tijd")
                .bind(h.clone())
                .bind(nu - venster)
                .fetch_all(&mut *tx)
                .await?;
            if let Some(w) = wacht(i, &tijden) {
                langste = Some(langste.map_or(w, |l| l.max(w)));
            }
        }
        if let Some(w) = langste {
            tx.rollback().await?;
            return Ok(Err(w));
        }
        let mut b = [0u8; 8];
        getrandom::getrandom(&mut b).map_err(|e| StoreError::Data { veld: "inlogpogingen.poging".into(), melding: e.to_string() })?;
        let poging = i64::from_le_bytes(b);
        for h in &hashes {
            sqlx::query("INSERT INTO inlogpogingen (poging, sleutel, tijd) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .bind(poging)
                .bind(h.clone())
                .bind(nu)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        // Attempts past the window count for nobody: cleared by whoever comes
        // next. A failure here only leaves them a while longer.
        let _ = sqlx::query("DELETE FROM inlogpogingen WHERE tijd <= $1").bind(nu - venster).execute(self.pool()).await;
        Ok(Ok(poging))
    }

    /// Takes attempt `poging` back from these keys (a right password, or no check made).
    pub async fn inlogpoging_terug(&self, poging: i64, sleutels: &[String]) -> Result<(), StoreError> {
        for s in sleutels {
            sqlx::query("DELETE FROM inlogpogingen WHERE poging = $1 AND sleutel = $2")
                .bind(poging)
                .bind(sha256_hex(s))
                .execute(self.pool())
                .await?;
        }
        Ok(())
    }

    /// Forgets every attempt on a key after `na` (a name that logged in starts afresh).
    pub async fn inlogpogingen_wissen(&self, sleutel: &str, na: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM inlogpogingen WHERE sleutel = $1 AND tijd > $2")
            .bind(sha256_hex(sleutel))
            .bind(na)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The times of a key's attempts after `na`, oldest first.
    pub async fn inlogpogingen(&self, sleutel: &str, na: i64) -> Result<Vec<i64>, StoreError> {
        Ok(sqlx::query_scalar("SELECT tijd FROM inlogpogingen WHERE sleutel = $1 AND tijd > $2 ORDER BY tijd")
            .bind(sha256_hex(sleutel))
            .bind(na)
            .fetch_all(self.pool())
            .await?)
    }
}
