// SPDX-License-Identifier: EUPL-1.2
//! Reading spells from SQLite without sqlx: its SQLite driver hands rows one
//! by one from a worker thread (≈ 3–9 µs a row, 1M spells in 3–9 s), while
//! rusqlite reads them in ≈ 0,3 µs. Used for the bulk reads of spells when the
//! database is a SQLite file: a national pass over every gemeente, and one
//! gemeente's spells. Reads only, on its own read-only connection: in WAL
//! mode it sees the last committed state, as any other reader.
//!
//! rusqlite links the same `libsqlite3-sys` as sqlx (one SQLite in the binary).

use std::path::{Path, PathBuf};

use buig_core::records::{ClientPseudoniem, Uitkering};
use buig_core::GemeenteCode;

use crate::{parse_col, StoreError};

/// Spells per batch handed from the reading thread.
const BATCH: usize = 20_000;

/// The file of a `sqlite:` URL, or `None` for an in-memory database.
pub(crate) fn sqlite_pad(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let pad = rest.split('?').next().unwrap_or("");
    let geheugen = pad.is_empty() || pad == ":memory:" || url.contains("mode=memory");
    (!geheugen).then(|| PathBuf::from(pad))
}

fn fout(e: rusqlite::Error) -> StoreError {
    StoreError::Lezen(e.to_string())
}

fn open(pad: &Path) -> Result<rusqlite::Connection, StoreError> {
    let c =
        rusqlite::Connection::open_with_flags(pad, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(fout)?;
    c.busy_timeout(std::time::Duration::from_secs(10)).map_err(fout)?;
    Ok(c)
}

fn rij(r: &rusqlite::Row<'_>, gemeente: GemeenteCode, at: usize) -> Result<Uitkering, StoreError> {
    let tekst = |i: usize| -> Result<String, StoreError> { r.get::<_, String>(i).map_err(fout) };
    let optie = |i: usize| -> Result<Option<String>, StoreError> { r.get::<_, Option<String>>(i).map_err(fout) };
    let datum = |veld: &str, s: Option<String>| s.map(|s| parse_col(veld, &s)).transpose();
    Ok(Uitkering {
        gemeente,
        client: ClientPseudoniem(tekst(at)?),
        regeling: parse_col("uitkeringen.regeling", &tekst(at + 1)?)?,
        startdatum: parse_col("uitkeringen.startdatum", &tekst(at + 2)?)?,
        einddatum: datum("uitkeringen.einddatum", optie(at + 3)?)?,
        reden_einde: optie(at + 4)?,
        geboortedatum: datum("uitkeringen.geboortedatum", optie(at + 5)?)?,
        huishouden: optie(at + 6)?,
    })
}

/// One gemeente's spells, ordered as the sqlx query orders them.
pub(crate) fn uitkeringen(pad: &Path, code: GemeenteCode) -> Result<Vec<Uitkering>, StoreError> {
    let c = open(pad)?;
    let mut st = c
        .prepare(
            "SELECT client, regeling, startdatum, einddatum, reden_einde, geboortedatum, huishouden FROM uitkeringen
             WHERE gemeente = ?1 ORDER BY startdatum, client",
        )
        .map_err(fout)?;
    let mut rows = st.query([code.to_string()]).map_err(fout)?;
    let mut uit = Vec::new();
    while let Some(r) = rows.next().map_err(fout)? {
        uit.push(rij(r, code, 0)?);
    }
    Ok(uit)
}

/// Every spell, read on a thread of its own and handed over in batches, so
/// reading and the caller's counting overlap and memory stays one batch.
pub(crate) async fn alle(pad: PathBuf, f: &mut (dyn FnMut(Uitkering) + Send)) -> Result<u64, StoreError> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Vec<Uitkering>, StoreError>>(4);
    let lezer = std::thread::spawn(move || {
        let lees = || -> Result<(), StoreError> {
            let c = open(&pad)?;
            let mut st = c
                .prepare(
                    "SELECT gemeente, client, regeling, startdatum, einddatum, reden_einde, geboortedatum, huishouden FROM uitkeringen",
                )
                .map_err(fout)?;
            let mut rows = st.query([]).map_err(fout)?;
            let mut batch = Vec::with_capacity(BATCH);
            let mut laatste: Option<(String, GemeenteCode)> = None;
            while let Some(r) = rows.next().map_err(fout)? {
                let g: String = r.get(0).map_err(fout)?;
                let code = match &laatste {
                    Some((t, c)) if *t == g => *c,
                    _ => {
                        let c: GemeenteCode = parse_col("uitkeringen.gemeente", &g)?;
                        laatste = Some((g, c));
                        c
                    }
                };
                batch.push(rij(r, code, 1)?);
                if batch.len() == BATCH && tx.blocking_send(Ok(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))).is_err() {
                    return Ok(()); // the reader stopped listening
                }
            }
            if !batch.is_empty() {
                let _ = tx.blocking_send(Ok(batch));
            }
            Ok(())
        };
        if let Err(e) = lees() {
            let _ = tx.blocking_send(Err(e));
        }
    });
    let mut n = 0;
    let mut fout_ = None;
    while let Some(b) = rx.recv().await {
        match b {
            Ok(b) => {
                n += b.len() as u64;
                b.into_iter().for_each(&mut *f);
            }
            Err(e) => {
                fout_ = Some(e);
                break;
            }
        }
    }
    drop(rx);
    // A reader that panicked closed the channel early: that is an error, never a short result.
    let gestopt = lezer.join().is_err();
    match fout_ {
        Some(e) => Err(e),
        None if gestopt => Err(StoreError::Lezen("het lezen van de uitkeringen is afgebroken".into())),
        None => Ok(n),
    }
}

#[cfg(test)]
mod tests {
    use super::sqlite_pad;
    use crate::Store;
    use buig_core::records::Uitkering;
    use std::path::PathBuf;

    fn sleutel(u: &Uitkering) -> (String, String, jiff::civil::Date) {
        (u.gemeente.to_string(), u.client.0.clone(), u.startdatum)
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn rusqlite_reads_exactly_what_sqlx_reads() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&format!("sqlite://{}", dir.path().join("t.db").display())).await.unwrap();
        store.laad_demo().await.unwrap();
        assert!(store.sqlite_pad.is_some());
        let (mut snel, mut sqlx) = (Vec::new(), Vec::new());
        let n = store.alle_uitkeringen(&mut |u| snel.push(u)).await.unwrap();
        store.alle_uitkeringen_sqlx(&mut |u| sqlx.push(u)).await.unwrap();
        assert_eq!(n as usize, snel.len());
        assert!(snel.len() > 10_000, "the demo's uitkeringen");
        assert!(snel.iter().any(|u| u.einddatum.is_none()) && snel.iter().any(|u| u.reden_einde.is_some()), "NULLs and values both");
        snel.sort_by_key(sleutel);
        sqlx.sort_by_key(sleutel);
        assert_eq!(snel, sqlx);
        let gm = "GM9999".parse().unwrap();
        assert_eq!(store.uitkeringen(gm).await.unwrap(), store.uitkeringen_sqlx(gm).await.unwrap(), "same rows in the same order");
    }

    #[test]
    fn the_file_of_a_sqlite_url() {
        assert_eq!(sqlite_pad("sqlite://buig.db"), Some(PathBuf::from("buig.db")));
        assert_eq!(sqlite_pad("sqlite:///tmp/a.db?mode=rwc"), Some(PathBuf::from("/tmp/a.db")));
        assert_eq!(sqlite_pad("sqlite:data/b.db"), Some(PathBuf::from("data/b.db")));
        assert_eq!(sqlite_pad("sqlite::memory:"), None);
        assert_eq!(sqlite_pad("sqlite://file.db?mode=memory"), None);
        assert_eq!(sqlite_pad("postgres://x@h/db"), None);
    }
}
