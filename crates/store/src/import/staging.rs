// SPDX-License-Identifier: EUPL-1.2
//! Spells staged under their import's id: written beside the current ones
//! and invisible (the view `uitkeringen` shows only the import each
//! gemeente points at) until `uitkeringen::activeer` makes them current in
//! one short transaction.
//!
//! Spells go on in pieces of [`STAPEL`], each sorted by gemeente and
//! numbered on from the highest `nr` stored, so a gemeente's rows of one
//! import are a few ranges (`uitkeringen_blokken`, written in the same
//! transaction as the rows they cover) and no per-row index is kept.
//!
//! - SQLite file: rusqlite on a thread of its own (sqlx hands SQLite one row
//!   at a time through a worker thread), one prepared statement, in
//!   transactions of about [`BLOK`] with a pause of [`PAUZE`] after each: a
//!   login or any other write waiting for the lock gets it within a second
//!   (SQLite's busy handler looks again at least every 100 ms). Each
//!   transaction also notes the gemeenten staged so far in the history
//!   line, so the rows of a killed import can be found and cleared.
//! - PostgreSQL: one `COPY … FROM STDIN` on a connection of its own, with
//!   the history line's gemeenten in the same transaction.
//! - SQLite in memory: multi-row inserts through sqlx.

use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TryRecvError};
use std::time::{Duration, Instant};

use buig_core::records::Uitkering;
use sqlx::postgres::{PgConnection, PgCopyIn};
use sqlx::{Any, Transaction};

use super::bulk::{insert_many, Val};
use crate::StoreError;

/// Spells per sorted piece.
const STAPEL: usize = 65_536;
/// How long the SQLite stager holds the write lock at a time …
const BLOK: Duration = Duration::from_millis(600);
/// … and how long it lets go after each: longer than the 100 ms between
/// the busy handler's looks, so a waiting writer always gets its turn. The
/// pause is used to fold the block into the database file (a checkpoint,
/// which needs no write lock), so no login's commit has to.
const PAUZE: Duration = Duration::from_millis(110);
/// The columns of a staged spell, in the order every backend writes them.
pub(super) const KOLOMMEN: [&str; 10] =
    ["nr", "gemeente", "client", "regeling", "startdatum", "einddatum", "reden_einde", "geboortedatum", "huishouden", "import_id"];

/// A range of rows of one gemeente.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Blok {
    pub(super) gemeente: u16,
    pub(super) van: i64,
    pub(super) tot: i64,
}

/// A sorted, numbered piece of spells: `rijen[i]` gets nr `van + i`.
pub(super) struct Stuk {
    van: i64,
    rijen: Vec<Uitkering>,
    blokken: Vec<Blok>,
}

/// Collects spells into pieces.
pub(super) struct Stapel {
    volgende: i64,
    rijen: Vec<Uitkering>,
}

impl Stapel {
    /// Numbering from `volgende` (one past the highest stored).
    pub(super) fn new(volgende: i64) -> Stapel {
        Stapel { volgende, rijen: Vec::new() }
    }

    fn push(&mut self, u: Uitkering) -> Option<Stuk> {
        self.rijen.push(u);
        (self.rijen.len() >= STAPEL).then(|| self.stuk())
    }

    fn stuk(&mut self) -> Stuk {
        let mut rijen = std::mem::take(&mut self.rijen);
        rijen.sort_by_key(|u| u.gemeente.number());
        let van = self.volgende;
        let mut blokken: Vec<Blok> = Vec::new();
        for (i, u) in rijen.iter().enumerate() {
            let nr = van + i as i64;
            match blokken.last_mut() {
                Some(b) if b.gemeente == u.gemeente.number() => b.tot = nr,
                _ => blokken.push(Blok { gemeente: u.gemeente.number(), van: nr, tot: nr }),
            }
        }
        self.volgende += rijen.len() as i64;
        Stuk { van, rijen, blokken }
    }
}

/// Where the spells of one import go: pieces in the making, and the backend.
pub(super) struct Bestemming<'c> {
    stapel: Stapel,
    doel: Doel<'c>,
}

/// The backend of a [`Bestemming`].
pub(super) enum Doel<'c> {
    /// The kinds other than spells: nothing is staged.
    Geen,
    Sqlite(SqliteStaging),
    Postgres {
        copy: Option<PgCopyIn<&'c mut PgConnection>>,
        buf: Vec<u8>,
        id: i64,
        blokken: Vec<Blok>,
    },
    Sqlx {
        tx: Transaction<'static, Any>,
        id: i64,
    },
}

impl<'c> Bestemming<'c> {
    pub(super) fn new(volgende: i64, doel: Doel<'c>) -> Bestemming<'c> {
        Bestemming { stapel: Stapel::new(volgende), doel }
    }

    pub(super) fn geen() -> Bestemming<'static> {
        Bestemming::new(1, Doel::Geen)
    }

    pub(super) async fn rij(&mut self, u: Uitkering) -> Result<(), StoreError> {
        match self.stapel.push(u) {
            Some(stuk) => self.doel.stuk(stuk).await,
            None => Ok(()),
        }
    }

    /// Writes what is left and ends the staging: the rows are committed
    /// (still invisible), except for PostgreSQL, where the caller commits
    /// (`Bestemming::postgres_klaar`).
    pub(super) async fn klaar(mut self) -> Result<Vec<Blok>, StoreError> {
        if !self.stapel.rijen.is_empty() {
            let stuk = self.stapel.stuk();
            self.doel.stuk(stuk).await?;
        }
        match self.doel {
            Doel::Geen => Ok(Vec::new()),
            Doel::Sqlite(mut s) => s.klaar().map(|()| Vec::new()),
            Doel::Postgres { copy, buf, blokken, .. } => {
                if let Some(mut copy) = copy {
                    if !buf.is_empty() {
                        copy.send(buf).await?;
                    }
                    copy.finish().await?;
                }
                Ok(blokken)
            }
            Doel::Sqlx { tx, .. } => {
                tx.commit().await?;
                Ok(Vec::new())
            }
        }
    }

    /// Stops without keeping anything where that is possible (PostgreSQL,
    /// memory); SQLite's committed pieces are cleared by the caller.
    pub(super) async fn afbreken(self) {
        match self.doel {
            Doel::Geen => {}
            Doel::Sqlite(mut s) => {
                let _ = s.klaar();
            }
            Doel::Postgres { copy, .. } => {
                if let Some(copy) = copy {
                    let _ = copy.abort("import geweigerd").await;
                }
            }
            Doel::Sqlx { tx, .. } => {
                let _ = tx.rollback().await;
            }
        }
    }
}

impl Doel<'_> {
    async fn stuk(&mut self, stuk: Stuk) -> Result<(), StoreError> {
        match self {
            Doel::Geen => Ok(()),
            Doel::Sqlite(s) => s.stuk(stuk),
            Doel::Postgres { copy, buf, id, blokken } => {
                for (i, u) in stuk.rijen.iter().enumerate() {
                    copy_regel(buf, stuk.van + i as i64, u, *id);
                    if buf.len() >= 1 << 20 {
                        if let Some(copy) = copy {
                            copy.send(std::mem::take(buf)).await?;
                        }
                    }
                }
                blokken.extend(stuk.blokken);
                Ok(())
            }
            Doel::Sqlx { tx, id } => {
                let id = *id;
                let rijen: Vec<Vec<Val>> = stuk.rijen.into_iter().enumerate().map(|(i, u)| vals(stuk.van + i as i64, u, id)).collect();
                insert_many(tx, "uitkeringen_rijen", &KOLOMMEN, rijen).await?;
                insert_many(tx, "uitkeringen_blokken", &["import_id", "gemeente", "van", "tot"], blok_vals(id, &stuk.blokken)).await
            }
        }
    }
}

/// PostgreSQL: the blocks of the copied rows, in the copy's transaction.
pub(super) async fn postgres_blokken(conn: &mut PgConnection, id: i64, blokken: &[Blok]) -> Result<(), StoreError> {
    for deel in blokken.chunks(1000) {
        let mut sql = String::from("INSERT INTO uitkeringen_blokken (import_id, gemeente, van, tot) VALUES ");
        for (i, _) in deel.iter().enumerate() {
            let n = i * 4;
            sql.push_str(&format!("{}(${}, ${}, ${}, ${})", if i > 0 { "," } else { "" }, n + 1, n + 2, n + 3, n + 4));
        }
        let mut q = sqlx::query::<sqlx::Postgres>(&sql);
        for b in deel {
            q = q.bind(id).bind(gemeente_tekst(b.gemeente).as_str().to_string()).bind(b.van).bind(b.tot);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Blocks as rows of `uitkeringen_blokken`.
pub(super) fn blok_vals(id: i64, blokken: &[Blok]) -> Vec<Vec<Val>> {
    blokken
        .iter()
        .map(|b| vec![Val::Int(id), Val::Text(gemeente_tekst(b.gemeente).as_str().to_string()), Val::Int(b.van), Val::Int(b.tot)])
        .collect()
}

fn vals(nr: i64, u: Uitkering, id: i64) -> Vec<Val> {
    let Uitkering { gemeente, client, regeling, startdatum, einddatum, reden_einde, geboortedatum, huishouden } = u;
    vec![
        Val::Int(nr),
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

/// One line of `COPY … FROM STDIN` text format: tab-separated, `\N` for NULL.
fn copy_regel(buf: &mut Vec<u8>, nr: i64, u: &Uitkering, id: i64) {
    fn veld(buf: &mut Vec<u8>, s: &str) {
        for b in s.bytes() {
            match b {
                b'\\' => buf.extend_from_slice(b"\\\\"),
                b'\t' => buf.extend_from_slice(b"\\t"),
                b'\n' => buf.extend_from_slice(b"\\n"),
                b'\r' => buf.extend_from_slice(b"\\r"),
                _ => buf.push(b),
            }
        }
    }
    fn optie(buf: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => veld(buf, s),
            None => buf.extend_from_slice(b"\\N"),
        }
    }
    let mut d = [0u8; 10];
    buf.extend_from_slice(nr.to_string().as_bytes());
    buf.push(b'\t');
    buf.extend_from_slice(gemeente_tekst(u.gemeente.number()).as_bytes());
    buf.push(b'\t');
    veld(buf, &u.client.0);
    buf.push(b'\t');
    buf.extend_from_slice(u.regeling.code().as_bytes());
    buf.push(b'\t');
    buf.extend_from_slice(iso(&mut d, u.startdatum).as_bytes());
    buf.push(b'\t');
    optie(buf, u.einddatum.map(|e| iso(&mut d, e)));
    buf.push(b'\t');
    optie(buf, u.reden_einde.as_deref());
    buf.push(b'\t');
    optie(buf, u.geboortedatum.map(|g| iso(&mut d, g)));
    buf.push(b'\t');
    optie(buf, u.huishouden.as_deref());
    buf.push(b'\t');
    buf.extend_from_slice(id.to_string().as_bytes());
    buf.push(b'\n');
}

/// `GM0150` without an allocation.
fn gemeente_tekst(n: u16) -> GemeenteTekst {
    let mut b = *b"GM0000";
    let mut n = n;
    for i in (2..6).rev() {
        b[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    GemeenteTekst(b)
}

struct GemeenteTekst([u8; 6]);

impl GemeenteTekst {
    fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII")
    }
}

/// A date as `YYYY-MM-DD` (years 0–9999) in `buf`, as jiff writes it, without an allocation.
fn iso(buf: &mut [u8; 10], d: jiff::civil::Date) -> &str {
    let (y, m, dd) = (d.year().max(0) as u32, d.month() as u32, d.day() as u32);
    let cijfers = [y / 1000 % 10, y / 100 % 10, y / 10 % 10, y % 10, 0, m / 10, m % 10, 0, dd / 10, dd % 10];
    for (i, c) in cijfers.iter().enumerate() {
        buf[i] = if i == 4 || i == 7 { b'-' } else { b'0' + *c as u8 };
    }
    std::str::from_utf8(buf).expect("ASCII")
}

/// The SQLite stager: a thread with its own connection, fed in pieces.
pub(super) struct SqliteStaging {
    zender: Option<SyncSender<Stuk>>,
    draad: Option<std::thread::JoinHandle<Result<(), StoreError>>>,
}

impl SqliteStaging {
    pub(super) fn start(pad: PathBuf, id: i64) -> SqliteStaging {
        let (zender, ontvanger) = sync_channel::<Stuk>(2);
        let draad = std::thread::spawn(move || schrijf(&pad, id, ontvanger));
        SqliteStaging { zender: Some(zender), draad: Some(draad) }
    }

    fn stuk(&mut self, stuk: Stuk) -> Result<(), StoreError> {
        let gestopt = self.zender.as_ref().is_none_or(|z| z.send(stuk).is_err());
        if gestopt {
            // The thread stopped early: its error says why.
            return self.klaar().and(Err(StoreError::Lezen("het wegschrijven van de uitkeringen is gestopt".into())));
        }
        Ok(())
    }

    fn klaar(&mut self) -> Result<(), StoreError> {
        drop(self.zender.take());
        match self.draad.take() {
            Some(d) => d.join().map_err(|_| StoreError::Lezen("het wegschrijven van de uitkeringen is afgebroken".into()))?,
            None => Ok(()),
        }
    }
}

fn fout(e: rusqlite::Error) -> StoreError {
    StoreError::Lezen(e.to_string())
}

/// The SQLite thread: writes the pieces it receives, each with its blocks,
/// in timed transactions, committing whenever it would wait for the next.
fn schrijf(pad: &std::path::Path, id: i64, ontvanger: Receiver<Stuk>) -> Result<(), StoreError> {
    use rusqlite::OpenFlags;
    let c =
        rusqlite::Connection::open_with_flags(pad, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(fout)?;
    c.busy_timeout(Duration::from_secs(60)).map_err(fout)?;
    c.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 0;").map_err(fout)?;
    let plekken: Vec<String> = (1..=KOLOMMEN.len()).map(|i| format!("?{i}")).collect();
    let mut ins =
        c.prepare(&format!("INSERT INTO uitkeringen_rijen ({}) VALUES ({})", KOLOMMEN.join(", "), plekken.join(", "))).map_err(fout)?;
    let mut blok = c.prepare("INSERT INTO uitkeringen_blokken (import_id, gemeente, van, tot) VALUES (?1, ?2, ?3, ?4)").map_err(fout)?;
    // The same for every row: bound once (a statement keeps its bindings when reset).
    ins.raw_bind_parameter(10, id).map_err(fout)?;
    let mut open: Option<Instant> = None;
    let (mut d1, mut d2, mut d3) = ([0u8; 10], [0u8; 10], [0u8; 10]);
    loop {
        // Never hold the lock while waiting for the reader: commit first.
        let stuk = match ontvanger.try_recv() {
            Ok(stuk) => stuk,
            Err(TryRecvError::Disconnected) => break,
            Err(TryRecvError::Empty) => {
                if open.take().is_some() {
                    c.execute_batch("COMMIT").map_err(fout)?;
                }
                match ontvanger.recv() {
                    Ok(stuk) => stuk,
                    Err(_) => break,
                }
            }
        };
        if open.is_none() {
            c.execute_batch("BEGIN IMMEDIATE").map_err(fout)?;
            open = Some(Instant::now());
        }
        // The blocks first: should the lock be let go half-way through the
        // piece, every committed row is already covered by a block (a block
        // without all its rows is harmless: it is cleared by range).
        for b in &stuk.blokken {
            blok.execute(rusqlite::params![id, gemeente_tekst(b.gemeente).as_str(), b.van, b.tot]).map_err(fout)?;
        }
        for (i, u) in stuk.rijen.iter().enumerate() {
            let g = gemeente_tekst(u.gemeente.number());
            ins.raw_bind_parameter(1, stuk.van + i as i64).map_err(fout)?;
            ins.raw_bind_parameter(2, g.as_str()).map_err(fout)?;
            ins.raw_bind_parameter(3, u.client.0.as_str()).map_err(fout)?;
            ins.raw_bind_parameter(4, u.regeling.code()).map_err(fout)?;
            ins.raw_bind_parameter(5, iso(&mut d1, u.startdatum)).map_err(fout)?;
            ins.raw_bind_parameter(6, u.einddatum.map(|d| iso(&mut d2, d))).map_err(fout)?;
            ins.raw_bind_parameter(7, u.reden_einde.as_deref()).map_err(fout)?;
            ins.raw_bind_parameter(8, u.geboortedatum.map(|d| iso(&mut d3, d))).map_err(fout)?;
            ins.raw_bind_parameter(9, u.huishouden.as_deref()).map_err(fout)?;
            ins.raw_execute().map_err(fout)?;
            if i % 1024 == 1023 && open.is_some_and(|t| t.elapsed() >= BLOK) {
                c.execute_batch("COMMIT").map_err(fout)?;
                let pauze = Instant::now();
                c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())).map_err(fout)?;
                std::thread::sleep(PAUZE.saturating_sub(pauze.elapsed()));
                c.execute_batch("BEGIN IMMEDIATE").map_err(fout)?;
                open = Some(Instant::now());
            }
        }
        drop(stuk);
        if open.is_some_and(|t| t.elapsed() >= BLOK) {
            c.execute_batch("COMMIT").map_err(fout)?;
            open = None;
            let pauze = Instant::now();
            c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())).map_err(fout)?;
            std::thread::sleep(PAUZE.saturating_sub(pauze.elapsed()));
        }
    }
    if open.is_some() {
        c.execute_batch("COMMIT").map_err(fout)?;
    }
    c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())).map_err(fout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_codes_are_written_as_jiff_and_the_store_write_them() {
        let mut b = [0u8; 10];
        for d in [jiff::civil::date(2023, 1, 31), jiff::civil::date(1900, 12, 1), jiff::civil::date(2100, 2, 28)] {
            assert_eq!(iso(&mut b, d), d.to_string());
        }
        assert_eq!(gemeente_tekst(150).as_str(), "GM0150");
        assert_eq!(gemeente_tekst(9999).as_str(), "GM9999");
    }
}
