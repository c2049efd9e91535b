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

use std::collections::BTreeSet;
use std::path::Path;

use buig_core::records::{Budgetbeschikking, Gebied, Inwoners, RealisatieMaand, Uitkering, Vergelijkingswaarde};
use buig_core::GemeenteCode;
use buig_import::{ImportError, Options, Pseudonimiseerder, Record, RowError, Soort};
use sqlx::{Any, Transaction};

use crate::{Store, StoreError};

/// Rows per INSERT statement: 9 columns × 1000 rows stays under the
/// parameter limits of SQLite (32766) and PostgreSQL (65535).
const BATCH: usize = 1000;

/// A value bound into a multi-row insert.
#[derive(Debug, Clone)]
pub(crate) enum Val {
    Text(String),
    OptText(Option<String>),
    Int(i64),
    OptInt(Option<i64>),
}

/// Inserts rows with multi-row `VALUES` statements of at most [`BATCH`] rows.
pub(crate) async fn insert_many(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Val>>,
) -> Result<(), StoreError> {
    insert_many_with(tx, table, columns, rows, "").await
}

/// As [`insert_many`], with a trailing clause (e.g. an `ON CONFLICT … DO UPDATE`).
pub(crate) async fn insert_many_with(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Val>>,
    tail: &str,
) -> Result<(), StoreError> {
    // SQLite gets anonymous `?` placeholders: with numbered ones the driver
    // looks up every parameter's name, which is linear per lookup and made a
    // 1000-row statement quadratic. PostgreSQL needs `$n`.
    let numbered = !tx.backend_name().eq_ignore_ascii_case("sqlite");
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Val>> = rows.by_ref().take(BATCH).collect();
        let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
        let mut n = 0;
        for (i, _) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            sql.push('(');
            for c in 0..columns.len() {
                if c > 0 {
                    sql.push(',');
                }
                n += 1;
                if numbered {
                    sql.push('$');
                    sql.push_str(&n.to_string());
                } else {
                    sql.push('?');
                }
            }
            sql.push(')');
        }
        sql.push_str(tail);
        let mut q = sqlx::query(&sql);
        for row in chunk {
            debug_assert_eq!(row.len(), columns.len());
            for v in row {
                q = match v {
                    Val::Text(s) => q.bind(s),
                    Val::OptText(s) => q.bind(s),
                    Val::Int(i) => q.bind(i),
                    Val::OptInt(i) => q.bind(i),
                };
            }
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// The next id of the import history (inside the import's transaction).
pub(crate) async fn next_import_id(tx: &mut Transaction<'static, Any>) -> Result<i64, StoreError> {
    let max: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM import_historie").fetch_one(&mut **tx).await?;
    Ok(max.unwrap_or(0) + 1)
}

pub(crate) fn now_utc() -> String {
    jiff::Timestamp::now().round(jiff::Unit::Second).unwrap_or_else(|_| jiff::Timestamp::now()).to_string()
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Uitkomst {
    /// Stored; `vervangt` lists the ids of earlier imports it replaced.
    Opgeslagen { vervangt: Vec<i64> },
    /// The same file was imported before (id): nothing changed.
    Ongewijzigd { eerder: i64 },
}

/// The result of a successful import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportResultaat {
    pub id: i64,
    pub soort: Soort,
    pub bestand: String,
    pub rijen: u64,
    pub gemeenten: Vec<GemeenteCode>,
    pub periode: Option<String>,
    pub uitkomst: Uitkomst,
}

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportFout {
    /// The file could not be read, or has bad rows (row-precise).
    #[error("{0}")]
    Bestand(#[from] ImportError),
    /// Codes that are no gemeente of 2015–2026 (nor a demo gemeente).
    #[error("{bestand}: onbekende gemeentecode(s) {codes}: niet in de gemeentelijst 2015–2026; er is niets opgeslagen")]
    OnbekendeGemeente { bestand: String, codes: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportFout {
    fn from(e: sqlx::Error) -> ImportFout {
        ImportFout::Store(StoreError::Sql(e))
    }
}

/// Accumulates rows of one kind and writes them in batches.
struct Writer {
    soort: Soort,
    id: i64,
    rows: Vec<Vec<Val>>,
    gemeenten: BTreeSet<GemeenteCode>,
    periode: Option<(String, String)>,
    count: u64,
}

impl Writer {
    fn note_periode(&mut self, p: String) {
        self.periode = Some(match self.periode.take() {
            None => (p.clone(), p),
            Some((lo, hi)) => (lo.min(p.clone()), hi.max(p)),
        });
    }

    fn push(&mut self, r: Record) {
        self.count += 1;
        let id = self.id;
        let row = match r {
            Record::Uitkering(u) => {
                let Uitkering { gemeente, client, regeling, startdatum, einddatum, reden_einde, geboortedatum, huishouden } = u;
                self.gemeenten.insert(gemeente);
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Text(client.0),
                    Val::Text(regeling.code().to_string()),
                    Val::Text(startdatum.to_string()),
                    Val::OptText(einddatum.map(|d| d.to_string())),
                    Val::OptText(reden_einde),
                    Val::OptText(geboortedatum.map(|d| d.to_string())),
                    Val::OptText(huishouden),
                    Val::Int(id),
                ]
            }
            Record::Budget(b) => {
                let Budgetbeschikking { gemeente, jaar, soort, datum, bedrag, blks, macrobudget, aandeel } = b;
                self.gemeenten.insert(gemeente);
                self.note_periode(jaar.to_string());
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Int(jaar.get().into()),
                    Val::Text(soort.code().to_string()),
                    Val::OptText(datum.map(|d| d.to_string())),
                    Val::Int(bedrag.cents()),
                    Val::OptInt(blks.map(|m| m.cents())),
                    Val::OptInt(macrobudget.map(|m| m.cents())),
                    Val::OptText(aandeel.map(|a| a.normalize().to_string())),
                    Val::Text(format!("import {id}")),
                    Val::Int(id),
                ]
            }
            Record::Realisatie(r) => {
                let RealisatieMaand { gemeente, jaar, maand, lasten, baten, lks } = r;
                self.gemeenten.insert(gemeente);
                self.note_periode(format!("{jaar}-{maand:02}"));
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Int(jaar.get().into()),
                    Val::Int(maand.into()),
                    Val::Int(lasten.cents()),
                    Val::Int(baten.cents()),
                    Val::OptInt(lks.map(|m| m.cents())),
                    Val::Int(id),
                ]
            }
            Record::Vergelijking(v) => {
                let Vergelijkingswaarde { reeks, gebied, periode, waarde } = v;
                if let Gebied::Gemeente(g) = gebied {
                    self.gemeenten.insert(g);
                }
                self.note_periode(periode.clone());
                vec![Val::Text(reeks), Val::Text(gebied.to_string()), Val::Text(periode), Val::Int(waarde as i64), Val::Int(id)]
            }
            Record::Inwoners(i) => {
                let Inwoners { gemeente, jaar, aantal } = i;
                self.gemeenten.insert(gemeente);
                self.note_periode(jaar.to_string());
                vec![
                    Val::Text(gemeente.to_string()),
                    Val::Int(jaar.get().into()),
                    Val::Int(aantal as i64),
                    Val::Text(format!("import {id}")),
                    Val::Int(id),
                ]
            }
        };
        self.rows.push(row);
    }

    async fn flush(&mut self, tx: &mut Transaction<'static, Any>) -> Result<(), StoreError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        match self.soort {
            Soort::Uitkeringen => {
                insert_many(
                    tx,
                    "uitkeringen",
                    &["gemeente", "client", "regeling", "startdatum", "einddatum", "reden_einde", "geboortedatum", "huishouden", "import_id"],
                    rows,
                )
                .await
            }
            Soort::Budget => {
                insert_many_with(
                    tx,
                    "budgetbeschikkingen",
                    &["gemeente", "jaar", "soort", "datum", "bedrag_cent", "blks_cent", "macrobudget_cent", "aandeel", "bron", "import_id"],
                    dedup_last(rows, 3),
                    " ON CONFLICT (gemeente, jaar, soort) DO UPDATE SET datum = excluded.datum, bedrag_cent = excluded.bedrag_cent, \
                     blks_cent = excluded.blks_cent, macrobudget_cent = excluded.macrobudget_cent, aandeel = excluded.aandeel, \
                     bron = excluded.bron, import_id = excluded.import_id",
                )
                .await
            }
            Soort::Realisatie => {
                insert_many_with(
                    tx,
                    "realisatie",
                    &["gemeente", "jaar", "maand", "lasten_cent", "baten_cent", "lks_cent", "import_id"],
                    dedup_last(rows, 3),
                    " ON CONFLICT (gemeente, jaar, maand) DO UPDATE SET lasten_cent = excluded.lasten_cent, \
                     baten_cent = excluded.baten_cent, lks_cent = excluded.lks_cent, import_id = excluded.import_id",
                )
                .await
            }
            Soort::Inwoners => {
                insert_many_with(
                    tx,
                    "inwoners",
                    &["gemeente", "jaar", "aantal", "bron", "import_id"],
                    dedup_last(rows, 2),
                    " ON CONFLICT (gemeente, jaar) DO UPDATE SET aantal = excluded.aantal, bron = excluded.bron, import_id = excluded.import_id",
                )
                .await
            }
            Soort::Vergelijking => {
                insert_many_with(
                    tx,
                    "vergelijkreeksen",
                    &["reeks", "gebied", "periode", "waarde", "import_id"],
                    dedup_last(rows, 3),
                    " ON CONFLICT (reeks, gebied, periode) DO UPDATE SET waarde = excluded.waarde, import_id = excluded.import_id",
                )
                .await
            }
        }
    }
}

/// Within one statement a key may appear once (PostgreSQL refuses an upsert
/// touching the same row twice): the last row of a key wins, as it would
/// row by row.
fn dedup_last(rows: Vec<Vec<Val>>, key_len: usize) -> Vec<Vec<Val>> {
    let key = |r: &Vec<Val>| format!("{:?}", &r[..key_len]);
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<Vec<Val>> = rows.into_iter().rev().filter(|r| seen.insert(key(r))).collect();
    out.reverse();
    out
}

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
            ImportFout::Bestand(ImportError::Bestand { bestand: bestand.clone(), melding: format!("kan het bestand niet lezen: {e}") })
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
            return Err(ImportFout::Bestand(ImportError::Rijen { fouten, meer }));
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

impl Store {
    /// Records a re-import of an unchanged file without reading it again.
    async fn ongewijzigd(&self, eerder: i64, soort: Soort, bestand: String, sha: &str) -> Result<ImportResultaat, ImportFout> {
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
async fn superseded(tx: &mut Transaction<'static, Any>, soort: Soort, w: &Writer) -> Result<Vec<i64>, StoreError> {
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
async fn record(
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

fn resultaat(id: i64, soort: Soort, bestand: String, w: &Writer, uitkomst: Uitkomst) -> ImportResultaat {
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
