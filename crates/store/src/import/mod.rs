// SPDX-License-Identifier: EUPL-1.2
//! Imports: a parsed file is stored completely or not at all, one import
//! at a time per database (`slot`: a second one waits its turn). The same
//! file twice changes nothing (recognised by its SHA-256); a newer file for
//! the same scope replaces the older one, and the import history records
//! both. Every import of a file, stored or refused, goes to the audit log.
//!
//! Scope of a file, per kind:
//! - `uitkeringen`: the gemeenten in the file — their spells are replaced
//!   wholesale (a spells file is a full extract of the benefits system).
//!   The rows are staged first, invisible, in short transactions
//!   (`staging`), and become current in one short transaction
//!   (`uitkeringen::activeer`), so readers and logins are never held up
//!   for long. An import that would leave a gemeente less than half of its
//!   stored spells is refused unless confirmed ([`Keuze::vervang`]); what an
//!   import replaced is kept for `buig herstel` ([`herstel`]);
//! - `realisatie`: the (gemeente, jaar, maand) rows in the file;
//! - `budget`: the (gemeente, jaar, soort) rows; `inwoners`: (gemeente, jaar);
//! - `vergelijking`: the (reeks, gebied, periode) rows. The history does not
//!   record series names, so an earlier comparison import is never marked
//!   `vervangen` (its rows are overwritten where the new file has them).
//!
//! The other kinds are small: written in one short transaction, the rows
//! they overwrite saved for `buig herstel` (`writer`).

mod bevestiging;
mod bulk;
pub mod herstel;
mod historie;
pub(crate) mod slot;
mod staging;
mod uitkeringen;
mod uitkomst;
mod writer;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::Ordering;

use buig_core::GemeenteCode;
use buig_import::{ImportError, Options, Pseudonimiseerder, Record, RowError, Soort};

use crate::{Backend, Store, StoreError};
use historie::{afronden, reserveer, resultaat, superseded, Sha};
use staging::{Bestemming, Doel, SqliteStaging, KOLOMMEN};
use writer::Writer;

pub(crate) use bulk::{insert_many, Val};
pub(crate) use historie::{next_import_id, now_utc, ZICHTBAAR};
pub(crate) use slot::proces_slot;
use uitkomst::Audit;
pub use uitkomst::{ImportFout, ImportResultaat, Keuze, Stap, Uitkomst, Vervanging};

/// Runs a reader on its own thread, a few thousand rows ahead, so parsing
/// (CSV, dates, pseudonymisation) overlaps with writing to the database.
/// Dropping the returned iterator stops the thread at its next batch.
fn vooruit_lezen<I>(reader: I) -> impl Iterator<Item = I::Item>
where
    I: Iterator + Send + 'static,
    I::Item: Send + 'static,
{
    const STUK: usize = 4096;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<I::Item>>(32);
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

/// Progress callback: the steps of a running import.
pub type Voortgang<'a> = &'a mut (dyn FnMut(Stap) + Send);

/// What was read of an import: rows per gemeente (and the other kinds' rows), or the row errors.
struct Gelezen {
    w: Writer,
    fouten: Vec<RowError>,
    meer: bool,
}

/// Reads every row into `w` (spells on to `b`), collecting up to `max` row errors.
async fn lees(
    rijen: impl Iterator<Item = Result<Record, RowError>>,
    mut w: Writer,
    b: &mut Bestemming<'_>,
    max: usize,
    voortgang: Voortgang<'_>,
) -> Result<Gelezen, StoreError> {
    let mut fouten: Vec<RowError> = Vec::new();
    let mut meer = false;
    for item in rijen {
        match item {
            Ok(rec) if fouten.is_empty() => {
                if let Some(u) = w.push(rec) {
                    b.rij(u).await?;
                }
                if w.count.is_multiple_of(100_000) {
                    voortgang(Stap::Gelezen(w.count));
                }
            }
            Ok(_) => {}
            Err(e) => {
                if fouten.len() >= max.max(1) {
                    meer = true;
                    break;
                }
                fouten.push(e);
            }
        }
    }
    Ok(Gelezen { w, fouten, meer })
}

impl Store {
    /// Imports a CSV or XLSX file of `soort` from the command line, refusing
    /// a large removal: [`Store::importeer_met`] with the default [`Keuze`].
    pub async fn importeer(
        &self,
        path: &Path,
        soort: Soort,
        opts: &Options,
        voortgang: Voortgang<'_>,
    ) -> Result<ImportResultaat, ImportFout> {
        self.importeer_met(path, soort, opts, &Keuze::default(), voortgang).await
    }

    /// Imports a CSV or XLSX file of `soort` atomically: bad rows (up to
    /// `opts.max_fouten`) are all reported and nothing is stored; rows no
    /// careful user means (a key twice, realisation of a month to come, a
    /// header without rows) are refused too. Waits for another import of
    /// this database to finish. Audited, stored or refused.
    pub async fn importeer_met(
        &self,
        path: &Path,
        soort: Soort,
        opts: &Options,
        keuze: &Keuze,
        voortgang: Voortgang<'_>,
    ) -> Result<ImportResultaat, ImportFout> {
        let naam = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let audit = Audit { gebruiker: keuze.gebruiker.clone(), soort, naam, gemeente: opts.gemeente };
        let r = self.importeer_bestand(path, soort, opts, keuze, &audit, voortgang).await;
        if let Err(e) = &r {
            // A refusal changes nothing; its audit line is best effort.
            let _ = self.audit(audit.gebruiker.as_deref(), "import.geweigerd", audit.gemeente.as_ref(), &audit.geweigerd(e)).await;
        }
        r
    }

    async fn importeer_bestand(
        &self,
        path: &Path,
        soort: Soort,
        opts: &Options,
        keuze: &Keuze,
        audit: &Audit,
        voortgang: Voortgang<'_>,
    ) -> Result<ImportResultaat, ImportFout> {
        let bestand = path.display().to_string();
        let slot = self.import_slot(voortgang).await?;
        let r = async {
            // The latest import of this kind: the same file again changes nothing. The file's
            // SHA-256 is computed beside the import (reading stops as soon as it matches).
            let laatste: Option<(i64, String)> = sqlx::query_as(&format!(
                "SELECT id, sha256 FROM import_historie WHERE soort = $1 AND status IN {ZICHTBAAR} AND status <> 'ongewijzigd' ORDER BY id DESC LIMIT 1"
            ))
            .bind(soort.to_string())
            .fetch_optional(self.pool())
            .await?;
            let sha = Sha::bereken(path, laatste);
            let key = self.pseudoniem_sleutel().await?;
            let pseudo = Pseudonimiseerder::new(&key);
            let opts = Options { uniek: true, vandaag: Some(jiff::Zoned::now().date()), ..opts.clone() };
            let reader = match buig_import::open(path, soort, &opts, &pseudo) {
                Ok(r) => r,
                Err(e) => {
                    // An unreadable file says so before any other complaint.
                    sha.uitkomst(&audit.naam)?;
                    return Err(e.into());
                }
            };
            self.invoeren(soort, bestand, sha, vooruit_lezen(reader), opts.max_fouten, keuze, Some(audit), voortgang).await
        }
        .await;
        slot.vrij().await;
        r
    }

    /// Stores parsed rows of one kind as one import (the common path of files
    /// and generated data such as the demo): all rows or none, replacing the
    /// same scope, recorded in the history under `bestand` and `sha`. Not
    /// audited (no user asked for it) and never refused for its size.
    pub async fn importeer_rijen(
        &self,
        soort: Soort,
        bestand: String,
        sha: &str,
        rijen: impl Iterator<Item = Result<Record, RowError>>,
        max_fouten: usize,
        voortgang: Voortgang<'_>,
    ) -> Result<ImportResultaat, ImportFout> {
        let slot = self.import_slot(voortgang).await?;
        let keuze = Keuze { vervang: true, ..Keuze::default() };
        let r = self.invoeren(soort, bestand, Sha::Bekend(sha.to_string()), rijen, max_fouten, &keuze, None, voortgang).await;
        slot.vrij().await;
        r
    }

    /// The import itself, holding the slot: reserve, read (and stage), check, make current.
    #[allow(clippy::too_many_arguments)]
    async fn invoeren(
        &self,
        soort: Soort,
        bestand: String,
        sha: Sha,
        rijen: impl Iterator<Item = Result<Record, RowError>>,
        max_fouten: usize,
        keuze: &Keuze,
        audit: Option<&Audit>,
        voortgang: Voortgang<'_>,
    ) -> Result<ImportResultaat, ImportFout> {
        let naam = audit.map_or_else(|| bestand.clone(), |a| a.naam.clone());
        let id = reserveer(self, soort, &bestand).await?;
        let zelfde = sha.zelfde();
        let rijen = rijen.take_while(|_| !zelfde.load(Ordering::Relaxed));
        let w = Writer::new(soort, id);
        let gelezen = match (soort, self.backend) {
            (Soort::Uitkeringen, Backend::Postgres) => {
                use sqlx::Connection;
                let volgende = self.volgende_nr().await?;
                let mut conn = sqlx::postgres::PgConnection::connect(&self.url).await?;
                let mut tx = conn.begin().await?;
                let copy = tx.copy_in_raw(&format!("COPY uitkeringen_rijen ({}) FROM STDIN", KOLOMMEN.join(", "))).await?;
                let doel = Doel::Postgres { copy: Some(copy), buf: Vec::with_capacity(1 << 20), id, blokken: Vec::new() };
                let mut b = Bestemming::new(volgende, doel);
                let g = lees(rijen, w, &mut b, max_fouten, voortgang).await?;
                if g.fouten.is_empty() {
                    let blokken = b.klaar().await?;
                    staging::postgres_blokken(&mut tx, id, &blokken).await?;
                    tx.commit().await?;
                } else {
                    b.afbreken().await;
                }
                g
            }
            (Soort::Uitkeringen, Backend::Sqlite) => {
                let volgende = self.volgende_nr().await?;
                let doel = match &self.sqlite_pad {
                    Some(pad) => Doel::Sqlite(SqliteStaging::start(pad.clone(), id)),
                    None => Doel::Sqlx { tx: self.pool.begin().await?, id },
                };
                let mut b = Bestemming::new(volgende, doel);
                let g = lees(rijen, w, &mut b, max_fouten, voortgang).await;
                match g {
                    Ok(g) if g.fouten.is_empty() => {
                        if let Err(e) = b.klaar().await {
                            self.weigeren(id, "afgebroken").await?;
                            return Err(e.into());
                        }
                        g
                    }
                    Ok(g) => {
                        b.afbreken().await;
                        g
                    }
                    Err(e) => {
                        b.afbreken().await;
                        self.weigeren(id, "afgebroken").await?;
                        return Err(e.into());
                    }
                }
            }
            _ => lees(rijen, w, &mut Bestemming::geen(), max_fouten, voortgang).await?,
        };
        let Gelezen { mut w, fouten, meer } = gelezen;
        let (sha, eerder) = match sha.uitkomst(&naam) {
            Ok(x) => x,
            Err(e) => {
                self.weigeren(id, "geweigerd").await?;
                return Err(e);
            }
        };
        if let Some(eerder) = eerder {
            // The same file as the latest import of this kind: nothing changes.
            self.weigeren(id, "afgebroken").await?;
            let r = self.ongewijzigd(eerder, soort, bestand, &sha).await?;
            if let Some(a) = audit {
                self.audit(a.gebruiker.as_deref(), "import", a.gemeente_van(&r).as_ref(), &a.gelukt(&r)).await?;
            }
            return Ok(r);
        }
        w.sha = sha;
        if !fouten.is_empty() {
            self.weigeren(id, "geweigerd").await?;
            return Err(ImportFout::Invoerbestand(ImportError::Rijen { fouten, meer }));
        }
        if w.count == 0 {
            self.weigeren(id, "geweigerd").await?;
            return Err(ImportFout::Leeg { bestand: naam });
        }
        let known: BTreeSet<GemeenteCode> = sqlx::query_scalar::<_, String>("SELECT code FROM gemeenten")
            .fetch_all(self.pool())
            .await?
            .iter()
            .filter_map(|c| c.parse().ok())
            .collect();
        let unknown: Vec<String> = w.gemeenten.keys().filter(|g| !known.contains(g)).map(|g| g.to_string()).collect();
        if !unknown.is_empty() {
            self.weigeren(id, "geweigerd").await?;
            return Err(ImportFout::OnbekendeGemeente { bestand: naam, codes: unknown.join(", ") });
        }
        if soort == Soort::Uitkeringen && !keuze.vervang {
            let weg = uitkeringen::meer_dan_de_helft_weg(&uitkeringen::telling(self, &w.gemeenten).await?);
            if !weg.is_empty() {
                let import = if keuze.bewaar_voor_bevestiging {
                    let mut tx = self.schrijf_transactie().await?;
                    afronden(&mut tx, id, &w, "wacht", &[]).await?;
                    tx.commit().await?;
                    Some(id)
                } else {
                    self.weigeren(id, "geweigerd").await?;
                    None
                };
                return Err(ImportFout::MeerDanDeHelftWeg { bestand: naam, gemeenten: weg, import });
            }
        }
        let r = self.vastleggen(soort, bestand, &mut w, audit).await?;
        if soort == Soort::Uitkeringen {
            uitkeringen::oude_versies_wissen(self).await?;
        }
        Ok(r)
    }

    /// Makes import `w.id` current in one short transaction, with its audit line.
    async fn vastleggen(
        &self,
        soort: Soort,
        bestand: String,
        w: &mut Writer,
        audit: Option<&Audit>,
    ) -> Result<ImportResultaat, ImportFout> {
        let mut tx = self.schrijf_transactie().await?;
        let id = w.id;
        if soort == Soort::Uitkeringen {
            uitkeringen::activeer(&mut tx, id, &w.gemeenten).await?;
        } else {
            w.schrijf(&mut tx).await?;
        }
        let vervangt = superseded(&mut tx, soort, w).await?;
        for old in &vervangt {
            sqlx::query("UPDATE import_historie SET status = 'vervangen' WHERE id = $1").bind(*old).execute(&mut *tx).await?;
        }
        afronden(&mut tx, id, w, "actief", &vervangt).await?;
        let r = resultaat(id, soort, bestand, w, Uitkomst::Opgeslagen { vervangt });
        if let Some(a) = audit {
            crate::gebruikers::audit_in(&mut tx, a.gebruiker.as_deref(), "import", a.gemeente_van(&r).as_ref(), &a.gelukt(&r)).await?;
        }
        tx.commit().await?;
        Ok(r)
    }

    /// Clears what import `id` staged and hides its history line.
    async fn weigeren(&self, id: i64, status: &str) -> Result<(), StoreError> {
        self.staging_weggooien(id, status).await
    }

    /// One past the highest `nr` of a stored spell: where an import's rows start.
    async fn volgende_nr(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar::<_, i64>("SELECT CAST(COALESCE(MAX(nr), 0) + 1 AS BIGINT) FROM uitkeringen_rijen")
            .fetch_one(self.pool())
            .await?)
    }
}
