// SPDX-License-Identifier: EUPL-1.2
//! The import history (`import_historie`): the next id, the timestamp,
//! the line every import writes, an unchanged file recorded without being
//! read again, and which earlier imports a new one replaces.

use buig_import::Soort;
use sqlx::{Any, Transaction};

use super::uitkomst::{ImportFout, ImportResultaat, Uitkomst};
use super::writer::Writer;
use crate::{Store, StoreError};

/// The next id of the import history (inside the import's transaction).
pub(crate) async fn next_import_id(tx: &mut Transaction<'static, Any>) -> Result<i64, StoreError> {
    let max: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM import_historie").fetch_one(&mut **tx).await?;
    Ok(max.unwrap_or(0) + 1)
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
        let mut tx = self.pool().begin().await?;
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
            let covered = gem.split(',').filter(|s| !s.is_empty()).all(|g| w.gemeenten.iter().any(|x| x.to_string() == g));
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

#[allow(clippy::too_many_arguments)]
pub(super) async fn record(
    tx: &mut Transaction<'static, Any>,
    id: i64,
    soort: Soort,
    bestand: &str,
    sha: &str,
    w: &Writer,
    status: &str,
    vervangt: &[String],
) -> Result<(), StoreError> {
    let gemeenten: Vec<String> = w.gemeenten.iter().map(|g| g.to_string()).collect();
    sqlx::query(
        "INSERT INTO import_historie (id, soort, bestand, sha256, gemeenten, periode, rijen, status, vervangt, tijdstip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(soort.to_string())
    .bind(bestand.to_string())
    .bind(sha.to_string())
    .bind(gemeenten.join(","))
    .bind(w.periode.as_ref().map(|(lo, hi)| format!("{lo}..{hi}")))
    .bind(w.count as i64)
    .bind(status.to_string())
    .bind(if vervangt.is_empty() { None } else { Some(vervangt.join(",")) })
    .bind(now_utc())
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
        gemeenten: w.gemeenten.iter().copied().collect(),
        periode: w.periode.as_ref().map(|(lo, hi)| format!("{lo}..{hi}")),
        uitkomst,
    }
}
