// SPDX-License-Identifier: EUPL-1.2
//! Fills the bundled reference data (crate `buig-referentie`) into an empty
//! database, in one transaction, recorded in the import history.

use crate::import::{insert_many, next_import_id, now_utc, Val};
use crate::{Store, StoreError};

pub(crate) async fn vul_als_leeg(store: &Store) -> Result<(), StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM gemeenten").fetch_one(store.pool()).await?;
    if n > 0 {
        return Ok(());
    }
    let mut tx = store.pool().begin().await?;
    // Two processes opening a fresh database at once: the loser's insert hits
    // the primary key and rolls back; the data is there either way.
    let id = next_import_id(&mut tx).await?;
    let bron = "data/gemeenten.csv (RvIG Tabel 33, CBS-gemeentelijsten 2020/2024/2025; zie data/BRONNEN.md)";
    let rows: Vec<Vec<Val>> = buig_referentie::gemeenten()
        .iter()
        .map(|g| {
            vec![
                Val::Text(g.code.to_string()),
                Val::Text(g.naam.clone()),
                Val::Int(g.geldig_van.get().into()),
                Val::OptInt(g.geldig_tot.map(|y| y.get().into())),
                Val::OptText(g.opgegaan_in.map(|c| c.to_string())),
                Val::OptText(g.opheffingsdatum.map(|d| d.to_string())),
                Val::Text(bron.into()),
            ]
        })
        .collect();
    let n_gemeenten = rows.len();
    insert_many(&mut tx, "gemeenten", &["code", "naam", "geldig_van", "geldig_tot", "opgegaan_in", "opheffingsdatum", "bron"], rows)
        .await?;
    let rows: Vec<Vec<Val>> = buig_referentie::inwoners()
        .iter()
        .map(|r| {
            vec![
                Val::Text(r.code.to_string()),
                Val::Int(r.jaar.get().into()),
                Val::Int(r.inwoners as i64),
                Val::Text(format!("data/inwoners.csv: {}", r.bron)),
                Val::Int(id),
            ]
        })
        .collect();
    insert_many(&mut tx, "inwoners", &["gemeente", "jaar", "aantal", "bron", "import_id"], rows).await?;
    let rows: Vec<Vec<Val>> = buig_referentie::macrobudget()
        .iter()
        .map(|m| {
            vec![
                Val::Int(m.jaar.get().into()),
                Val::Text(m.beschikking.clone()),
                Val::Int(m.bedrag.cents()),
                Val::Text(m.status.clone()),
                Val::Text(m.bron.clone()),
                Val::Text(m.opmerking.clone()),
            ]
        })
        .collect();
    insert_many(&mut tx, "macrobudget", &["jaar", "beschikking", "bedrag_cent", "status", "bron", "opmerking"], rows).await?;
    sqlx::query(
        "INSERT INTO import_historie (id, soort, bestand, sha256, gemeenten, periode, rijen, status, vervangt, tijdstip)
         VALUES ($1, 'referentie', 'data/ (gebundeld)', '', '', '2015..2026', $2, 'actief', NULL, $3)",
    )
    .bind(id)
    .bind(n_gemeenten as i64)
    .bind(now_utc())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
