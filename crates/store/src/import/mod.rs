// SPDX-License-Identifier: EUPL-1.2
//! Imports as transactions: a parsed file is stored completely or not at
//! all. The same file twice changes nothing (recognised by its SHA-256); a
//! newer file for the same scope replaces the older one in the same
//! transaction, and the import history records both.
//!
//! Scope of a file, per kind:
//! - `uitkeringen`: the gemeenten in the file — their spells are replaced
//!   wholesale (a spells file is a full extract of the benefits system);
//! - `realisatie`: the (gemeente, jaar, maand) rows in the file;
//! - `budget`: the (gemeente, jaar, soort) rows; `inwoners`: (gemeente, jaar);
//! - `vergelijking`: the (reeks, gebied, periode) rows. The history does not
//!   record series names, so an earlier comparison import is never marked
//!   `vervangen` (its rows are overwritten where the new file has them).

mod bulk;
mod historie;
mod uitkomst;
mod writer;

use std::collections::BTreeSet;
use std::path::Path;

use buig_core::GemeenteCode;
use buig_import::{ImportError, Options, Pseudonimiseerder, Record, RowError, Soort};

use crate::Store;
use bulk::BATCH;
use historie::{record, resultaat, superseded};
use writer::Writer;

pub(crate) use bulk::{insert_many, Val};
pub(crate) use historie::{next_import_id, now_utc};
pub use uitkomst::{ImportFout, ImportResultaat, Uitkomst};

/// Runs a reader on its own thread, a few thousand rows ahead, so parsing
/// (CSV, dates, pseudonymisation) overlaps with writing to the database.
/// Dropping the returned iterator stops the thread at its next batch.
fn vooruit_lezen<I>(reader: I) -> impl Iterator<Item = I::Item>
where
    I: Iterator + Send + 'static,
    I::Item: Send + 'static,
{
    const STUK: usize = 4096;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<I::Item>>(4);
    std::thread::spawn(move || {
        let mut reader = reader;
        loop {
            let batch: Vec<I::Item> = reader.by_ref().take(STUK).collect();
            let last = batch.len() < STUK;
            if batch.is_empty() || tx.send(batch).is_err() || last {
                break;
            }
        }
    });
    rx.into_iter().flatten()
}

/// Progress callback: rows read so far.
pub type Voortgang<'a> = &'a mut (dyn FnMut(u64) + Send);

impl Store {
    /// Imports a CSV or XLSX file of `soort` atomically. Bad rows (up to
    /// `opts.max_fouten`) are all reported and nothing is stored.
    pub async fn importeer(
        &self,
        path: &Path,
        soort: Soort,
        opts: &Options,
        voortgang: Voortgang<'_>,
    ) -> Result<ImportResultaat, ImportFout> {
        let bestand = path.display().to_string();
        let sha = buig_import::file_sha256(path).map_err(|e| {
            ImportFout::Invoerbestand(ImportError::Invoerbestand {
                bestand: bestand.clone(),
                melding: format!("kan het bestand niet lezen: {e}"),
            })
        })?;

        // The same file as the latest import of this kind: nothing to do.
        let laatste: Option<(i64, String)> =
            sqlx::query_as("SELECT id, sha256 FROM import_historie WHERE soort = $1 AND status <> 'ongewijzigd' ORDER BY id DESC LIMIT 1")
                .bind(soort.to_string())
                .fetch_optional(self.pool())
                .await?;
        let eerder = laatste.filter(|(_, s)| *s == sha).map(|(id, _)| id);

        if let Some(eerder) = eerder {
            return self.ongewijzigd(eerder, soort, bestand, &sha).await;
        }

        let key = self.pseudoniem_sleutel().await?;
        let pseudo = Pseudonimiseerder::new(&key);
        let reader = buig_import::open(path, soort, opts, &pseudo)?;
        self.importeer_rijen(soort, bestand, &sha, vooruit_lezen(reader), opts.max_fouten, voortgang).await
    }

    /// Stores parsed rows of one kind as one import (the common path of files
    /// and generated data such as the demo): all rows or none, replacing the
    /// same scope, recorded in the history under `bestand` and `sha`.
    pub async fn importeer_rijen(
        &self,
        soort: Soort,
        bestand: String,
        sha: &str,
        rijen: impl Iterator<Item = Result<Record, RowError>>,
        max_fouten: usize,
        voortgang: Voortgang<'_>,
    ) -> Result<ImportResultaat, ImportFout> {
        let known: BTreeSet<GemeenteCode> = sqlx::query_scalar::<_, String>("SELECT code FROM gemeenten")
            .fetch_all(self.pool())
            .await?
            .iter()
            .filter_map(|c| c.parse().ok())
            .collect();

        let mut tx = self.pool().begin().await?;
        let id = next_import_id(&mut tx).await?;
        let mut w = Writer { soort, id, rows: Vec::with_capacity(BATCH), gemeenten: BTreeSet::new(), periode: None, count: 0 };
        let mut fouten: Vec<RowError> = Vec::new();
        let mut meer = false;
        let max = max_fouten.max(1);
        for item in rijen {
            match item {
                Ok(rec) if fouten.is_empty() => {
                    w.push(rec);
                    if w.rows.len() >= BATCH {
                        w.flush(&mut tx).await?;
                    }
                    if w.count.is_multiple_of(100_000) {
                        voortgang(w.count);
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    if fouten.len() >= max {
                        meer = true;
                        break;
                    }
                    fouten.push(e);
                }
            }
        }
        if !fouten.is_empty() {
            tx.rollback().await?;
            return Err(ImportFout::Invoerbestand(ImportError::Rijen { fouten, meer }));
        }
        w.flush(&mut tx).await?;
        let unknown: Vec<String> = w.gemeenten.iter().filter(|g| !known.contains(g)).map(|g| g.to_string()).collect();
        if !unknown.is_empty() {
            tx.rollback().await?;
            return Err(ImportFout::OnbekendeGemeente { bestand, codes: unknown.join(", ") });
        }
        // Replace older data in the same scope.
        let gemeenten: Vec<String> = w.gemeenten.iter().map(|g| g.to_string()).collect();
        if soort == Soort::Uitkeringen {
            for g in &gemeenten {
                sqlx::query("DELETE FROM uitkeringen WHERE gemeente = $1 AND import_id <> $2").bind(g).bind(id).execute(&mut *tx).await?;
            }
        }
        let vervangt = superseded(&mut tx, soort, &w).await?;
        for old in &vervangt {
            sqlx::query("UPDATE import_historie SET status = 'vervangen' WHERE id = $1").bind(*old).execute(&mut *tx).await?;
        }
        let vervangt_txt: Vec<String> = vervangt.iter().map(i64::to_string).collect();
        record(&mut tx, id, soort, &bestand, sha, &w, "actief", &vervangt_txt).await?;
        tx.commit().await?;
        Ok(resultaat(id, soort, bestand, &w, Uitkomst::Opgeslagen { vervangt }))
    }
}
