// SPDX-License-Identifier: EUPL-1.2
//! The import history (`import_historie`): the line an import reserves
//! when it starts (`bezig`, hidden until it is stored), the timestamp, the
//! line completed when it is stored, an unchanged file recorded without
//! being read again, and which earlier imports a new one replaces.
//!
//! Statuses: `actief`, `vervangen`, `ongewijzigd`, `hersteld` (undone by
//! `buig herstel`) and `herstel` (the line of that undoing) are shown;
//! `bezig` (staging), `wacht` (awaiting confirmation), `geweigerd` and
//! `afgebroken` are not: they stored nothing.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use buig_import::{ImportError, Soort};
use sqlx::{Any, Transaction};

use super::uitkomst::{ImportFout, ImportResultaat, Uitkomst};
use super::writer::Writer;
use crate::{Store, StoreError};

/// The statuses `buig historie` shows and the data version counts.
pub(crate) const ZICHTBAAR: &str = "('actief', 'vervangen', 'ongewijzigd', 'hersteld', 'herstel')";

/// The next id of the import history (inside the import's transaction).
pub(crate) async fn next_import_id(tx: &mut Transaction<'static, Any>) -> Result<i64, StoreError> {
    let max: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM import_historie").fetch_one(&mut **tx).await?;
    Ok(max.unwrap_or(0) + 1)
}

/// Reserves the history line of an import that starts (status `bezig`),
/// committed at once: its id tags the staged rows. The file's SHA-256
/// follows when the import is stored.
pub(super) async fn reserveer(store: &Store, soort: Soort, bestand: &str) -> Result<i64, StoreError> {
    let mut tx = store.schrijf_transactie().await?;
    let id = next_import_id(&mut tx).await?;
    sqlx::query(
        "INSERT INTO import_historie (id, soort, bestand, sha256, gemeenten, periode, rijen, status, vervangt, tijdstip)
         VALUES ($1, $2, $3, '', '', NULL, 0, 'bezig', NULL, $4)",
    )
    .bind(id)
    .bind(soort.to_string())
    .bind(bestand.to_string())
    .bind(now_utc())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub(crate) fn now_utc() -> String {
    jiff::Timestamp::now().round(jiff::Unit::Second).unwrap_or_else(|_| jiff::Timestamp::now()).to_string()
}

impl Store {
    /// Records a re-import of an unchanged file without reading it again.
    pub(super) async fn ongewijzigd(&self, eerder: i64, soort: Soort, bestand: String, sha: &str) -> Result<ImportResultaat, ImportFout> {
        let (gemeenten, periode, rijen): (String, Option<String>, i64) =
            sqlx::query_as("SELECT gemeenten, periode, rijen FROM import_historie WHERE id = $1")
                .bind(eerder)
                .fetch_one(self.pool())
                .await?;
        let mut tx = self.schrijf_transactie().await?;
        let id = next_import_id(&mut tx).await?;
        sqlx::query(
            "INSERT INTO import_historie (id, soort, bestand, sha256, gemeenten, periode, rijen, status, vervangt, tijdstip)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'ongewijzigd', $8, $9)",
        )
        .bind(id)
        .bind(soort.to_string())
        .bind(bestand.clone())
        .bind(sha.to_string())
        .bind(gemeenten.clone())
        .bind(periode.clone())
        .bind(rijen)
        .bind(eerder.to_string())
        .bind(now_utc())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(ImportResultaat {
            id,
            soort,
            bestand,
            rijen: rijen as u64,
            gemeenten: gemeenten.split(',').filter_map(|g| g.parse().ok()).collect(),
            periode,
            uitkomst: Uitkomst::Ongewijzigd { eerder },
        })
    }
}

/// Earlier active imports of the same kind whose whole scope the new file covers.
pub(super) async fn superseded(tx: &mut Transaction<'static, Any>, soort: Soort, w: &Writer) -> Result<Vec<i64>, StoreError> {
    let rows: Vec<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, gemeenten, periode FROM import_historie WHERE soort = $1 AND status = 'actief' AND id <> $2")
            .bind(soort.to_string())
            .bind(w.id)
            .fetch_all(&mut **tx)
            .await?;
    let new_periode = w.periode.as_ref().map(|(lo, hi)| (lo.clone(), hi.clone()));
    Ok(rows
        .into_iter()
        .filter(|(_, gem, periode)| {
            let covered = gem.split(',').filter(|s| !s.is_empty()).all(|g| w.gemeenten.keys().any(|x| x.to_string() == g));
            let within = match (soort, periode.as_deref().and_then(|p| p.split_once("..")), &new_periode) {
                (Soort::Vergelijking, _, _) => false,
                (Soort::Uitkeringen, _, _) => true,
                (_, Some((lo, hi)), Some((nlo, nhi))) => nlo.as_str() <= lo && hi <= nhi.as_str(),
                _ => false,
            };
            covered && within
        })
        .map(|(id, _, _)| id)
        .collect())
}

/// Completes the reserved line of import `id` when it is stored (or is
/// to wait for a confirmation): its gemeenten, period, rows and status.
pub(super) async fn afronden(
    tx: &mut Transaction<'static, Any>,
    id: i64,
    w: &Writer,
    status: &str,
    vervangt: &[i64],
) -> Result<(), StoreError> {
    let gemeenten: Vec<String> = w.gemeenten.keys().map(|g| g.to_string()).collect();
    let vervangt: Vec<String> = vervangt.iter().map(i64::to_string).collect();
    sqlx::query(
        "UPDATE import_historie SET sha256 = $1, gemeenten = $2, periode = $3, rijen = $4, status = $5, vervangt = $6, tijdstip = $7 WHERE id = $8",
    )
    .bind(w.sha.clone())
    .bind(gemeenten.join(","))
        .bind(w.periode.as_ref().map(|(lo, hi)| format!("{lo}..{hi}")))
        .bind(w.count as i64)
        .bind(status.to_string())
        .bind(if vervangt.is_empty() { None } else { Some(vervangt.join(",")) })
        .bind(now_utc())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) fn resultaat(id: i64, soort: Soort, bestand: String, w: &Writer, uitkomst: Uitkomst) -> ImportResultaat {
    ImportResultaat {
        id,
        soort,
        bestand,
        rijen: w.count,
        gemeenten: w.gemeenten.keys().copied().collect(),
        periode: w.periode.as_ref().map(|(lo, hi)| format!("{lo}..{hi}")),
        uitkomst,
    }
}

/// The SHA-256 of an import's file: known (generated data), or computed on
/// a thread of its own beside the import, which it stops (`zelfde`) when
/// the file turns out to be the latest import's.
pub(super) enum Sha {
    Bekend(String),
    Bezig { draad: std::thread::JoinHandle<std::io::Result<String>>, zelfde: Arc<AtomicBool>, laatste: Option<(i64, String)> },
}

impl Sha {
    pub(super) fn bereken(path: &Path, laatste: Option<(i64, String)>) -> Sha {
        let zelfde = Arc::new(AtomicBool::new(false));
        let (pad, z, vorig) = (path.to_path_buf(), zelfde.clone(), laatste.as_ref().map(|(_, s)| s.clone()));
        let draad = std::thread::spawn(move || {
            let sha = buig_import::file_sha256(&pad)?;
            if vorig.as_deref() == Some(sha.as_str()) {
                z.store(true, Ordering::Relaxed);
            }
            Ok(sha)
        });
        Sha::Bezig { draad, zelfde, laatste }
    }

    /// Set once the file is known to be the latest import's.
    pub(super) fn zelfde(&self) -> Arc<AtomicBool> {
        match self {
            Sha::Bekend(_) => Arc::new(AtomicBool::new(false)),
            Sha::Bezig { zelfde, .. } => zelfde.clone(),
        }
    }

    /// The SHA-256, and the latest import's id when it is the same file.
    pub(super) fn uitkomst(self, naam: &str) -> Result<(String, Option<i64>), ImportFout> {
        match self {
            Sha::Bekend(s) => Ok((s, None)),
            Sha::Bezig { draad, laatste, .. } => {
                let fout = |melding: String| ImportFout::Invoerbestand(ImportError::Invoerbestand { bestand: naam.to_string(), melding });
                let sha = draad
                    .join()
                    .map_err(|_| fout("kan het bestand niet lezen".to_string()))?
                    .map_err(|e| fout(format!("kan het bestand niet lezen: {e}")))?;
                let eerder = laatste.filter(|(_, s)| *s == sha).map(|(id, _)| id);
                Ok((sha, eerder))
            }
        }
    }
}
