// SPDX-License-Identifier: EUPL-1.2
//! Which spells are current: each gemeente points at one import
//! (`uitkeringen_actief`, with its count and the import it replaced). An
//! import's staged rows become current in one short transaction that moves
//! the pointers; the replaced import's rows are kept for `buig herstel`,
//! the version before that is cleared afterwards, in pieces (SQLite) so
//! other writers keep their turn.

use std::collections::BTreeMap;
use std::time::Duration;

use buig_core::GemeenteCode;
use sqlx::{Any, Transaction};

use super::bulk::{insert_many_with, Val};
use super::uitkomst::Vervanging;
use crate::{Backend, Store, StoreError};

/// Spells cleared per SQLite statement; after about [`WIS_BLOK`] of clearing
/// a pause of [`WIS_PAUZE`] lets waiting writers in (see `staging`).
const WIS_PER_KEER: i64 = 50_000;
const WIS_BLOK: Duration = Duration::from_millis(600);
const WIS_PAUZE: Duration = Duration::from_millis(110);

/// For each gemeente of an import: the spells stored now and after it.
pub(super) async fn telling(store: &Store, per_gemeente: &BTreeMap<GemeenteCode, u64>) -> Result<Vec<Vervanging>, StoreError> {
    let nu: BTreeMap<String, i64> = sqlx::query_as::<_, (String, i64)>("SELECT gemeente, rijen FROM uitkeringen_actief")
        .fetch_all(store.pool())
        .await?
        .into_iter()
        .collect();
    Ok(per_gemeente
        .iter()
        .map(|(g, na)| Vervanging { gemeente: *g, voor: nu.get(&g.to_string()).copied().unwrap_or(0).max(0) as u64, na: *na })
        .collect())
}

/// The gemeenten that would lose more than half of their stored spells.
pub(super) fn meer_dan_de_helft_weg(v: &[Vervanging]) -> Vec<Vervanging> {
    v.iter().filter(|x| x.na.saturating_mul(2) < x.voor).cloned().collect()
}

/// Inside `tx`: points each gemeente at import `id` with its count. The
/// import each pointed at is kept as `vorige`; the one before that is put
/// on the list to be cleared. Returns the imports that were current.
pub(super) async fn activeer(
    tx: &mut Transaction<'static, Any>,
    id: i64,
    per_gemeente: &BTreeMap<GemeenteCode, u64>,
) -> Result<Vec<i64>, StoreError> {
    let nu: BTreeMap<String, (i64, Option<i64>)> =
        sqlx::query_as::<_, (String, i64, Option<i64>)>("SELECT gemeente, import_id, vorige FROM uitkeringen_actief")
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .map(|(g, i, v)| (g, (i, v)))
            .collect();
    let mut rijen = Vec::new();
    let mut wissen = Vec::new();
    let mut waren = std::collections::BTreeSet::new();
    for (g, n) in per_gemeente {
        let g = g.to_string();
        let vorige = match nu.get(&g) {
            Some(&(huidig, ouder)) if huidig != id => {
                waren.insert(huidig);
                if let Some(o) = ouder.filter(|o| *o != id) {
                    wissen.push(vec![Val::Text(g.clone()), Val::Int(o)]);
                }
                Some(huidig)
            }
            Some(&(_, ouder)) => ouder,
            None => None,
        };
        rijen.push(vec![Val::Text(g), Val::Int(id), Val::Int(*n as i64), Val::OptInt(vorige)]);
    }
    insert_many_with(tx, "uitkeringen_opruimen", &["gemeente", "import_id"], wissen, " ON CONFLICT DO NOTHING").await?;
    insert_many_with(
        tx,
        "uitkeringen_actief",
        &["gemeente", "import_id", "rijen", "vorige"],
        rijen,
        " ON CONFLICT (gemeente) DO UPDATE SET import_id = excluded.import_id, rijen = excluded.rijen, vorige = excluded.vorige",
    )
    .await?;
    Ok(waren.into_iter().collect())
}

/// Clears the rows of import `id` for gemeente `g` (its blocks say where):
/// on SQLite in ranges of [`WIS_PER_KEER`] with a pause after about a
/// second of work, so a waiting login is not held up.
pub(crate) async fn wis_versie(store: &Store, g: &str, id: i64) -> Result<(), StoreError> {
    let blokken: Vec<(i64, i64)> = sqlx::query_as("SELECT van, tot FROM uitkeringen_blokken WHERE import_id = $1 AND gemeente = $2")
        .bind(id)
        .bind(g.to_string())
        .fetch_all(store.pool())
        .await?;
    let mut bezig = Duration::ZERO;
    for (van, tot) in blokken {
        let stap = if store.backend() == Backend::Sqlite { WIS_PER_KEER } else { tot - van + 1 };
        let mut a = van;
        while a <= tot {
            let b = (a + stap - 1).min(tot);
            let t = std::time::Instant::now();
            sqlx::query("DELETE FROM uitkeringen_rijen WHERE nr BETWEEN $1 AND $2").bind(a).bind(b).execute(store.pool()).await?;
            bezig += t.elapsed();
            if store.backend() == Backend::Sqlite && bezig >= WIS_BLOK {
                tokio::time::sleep(WIS_PAUZE).await;
                bezig = Duration::ZERO;
            }
            a = b + 1;
        }
    }
    sqlx::query("DELETE FROM uitkeringen_blokken WHERE import_id = $1 AND gemeente = $2")
        .bind(id)
        .bind(g.to_string())
        .execute(store.pool())
        .await?;
    Ok(())
}

/// The rows of import `id` for gemeente `g`, counted from its blocks.
pub(crate) async fn rijen_van(tx: &mut Transaction<'static, Any>, g: &str, id: i64) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT CAST(COALESCE(SUM(tot - van + 1), 0) AS BIGINT) FROM uitkeringen_blokken WHERE import_id = $1 AND gemeente = $2",
    )
    .bind(id)
    .bind(g.to_string())
    .fetch_one(&mut **tx)
    .await?)
}

/// Clears every version on the list (`uitkeringen_opruimen`); an
/// interrupted clearing is finished by the next import.
pub(crate) async fn oude_versies_wissen(store: &Store) -> Result<(), StoreError> {
    let lijst: Vec<(String, i64)> =
        sqlx::query_as("SELECT gemeente, import_id FROM uitkeringen_opruimen ORDER BY import_id, gemeente").fetch_all(store.pool()).await?;
    for (g, id) in lijst {
        wis_versie(store, &g, id).await?;
        sqlx::query("DELETE FROM uitkeringen_opruimen WHERE gemeente = $1 AND import_id = $2")
            .bind(g)
            .bind(id)
            .execute(store.pool())
            .await?;
    }
    Ok(())
}
