// SPDX-License-Identifier: EUPL-1.2
//! What a user states about past years, for the vangnet windows:
//! - granted vangnetuitkeringen per gemeente and year (migration 0007): what
//!   condition e (aanhoudend tekort) of a later year reads when the user does
//!   not state it. Recorded with `buig verleend`, and for the seed gemeenten
//!   loaded with the demo (`data/seed_vangnet_verleend.csv`);
//! - yearly figures (budget and shortfall from the jaarrekening or SiSa) for
//!   years without monthly realisation, recorded with `buig jaarcijfer` into
//!   the `jaarcijfers` table (migration 0002) that the seed figures also use.

use buig_core::{GemeenteCode, Money, Year};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::{Store, StoreError};

/// One known year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verleend {
    pub jaar: Year,
    pub verleend: bool,
    pub bedrag: Option<Money>,
    /// `bevestigd`, `afgeleid` or `opgegeven` (by a user).
    pub status: String,
    pub bron: String,
}

impl Store {
    /// Records (or replaces) the yearly figures of `j.jaar` and `j.stadium`;
    /// a user's amounts replace, for instance, a seed row with only a percentage.
    pub async fn zet_jaarcijfer(&self, code: GemeenteCode, j: &crate::query::Jaarcijfer) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query(
            "INSERT INTO jaarcijfers (gemeente, jaar, stadium, lasten_cent, budget_cent, tekort_cent, tekort_percentage, status, bron, opmerking, budget_zonder_art7_cent)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (gemeente, jaar, stadium) DO UPDATE SET lasten_cent = excluded.lasten_cent, budget_cent = excluded.budget_cent,
               tekort_cent = excluded.tekort_cent, tekort_percentage = excluded.tekort_percentage, status = excluded.status,
               bron = excluded.bron, opmerking = excluded.opmerking, budget_zonder_art7_cent = excluded.budget_zonder_art7_cent",
        )
        .bind(code.to_string())
        .bind(i64::from(j.jaar.get()))
        .bind(j.stadium.code())
        .bind(j.lasten.map(Money::cents))
        .bind(j.budget.map(Money::cents))
        .bind(j.tekort.map(Money::cents))
        .bind(j.tekort_percentage.map(|p| p.to_string()))
        .bind(j.status.clone())
        .bind(j.bron.clone())
        .bind(j.opmerking.clone())
        .bind(j.budget_zonder_art7.map(Money::cents))
        .execute(&mut *tx)
        .await?;
        bump(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records (or replaces) whether a vangnetuitkering was granted over `v.jaar`.
    pub async fn zet_verleend(&self, code: GemeenteCode, v: &Verleend) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query(
            "INSERT INTO vangnet_verleend (gemeente, jaar, verleend, bedrag_cent, status, bron) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (gemeente, jaar) DO UPDATE SET verleend = excluded.verleend, bedrag_cent = excluded.bedrag_cent,
               status = excluded.status, bron = excluded.bron",
        )
        .bind(code.to_string())
        .bind(i64::from(v.jaar.get()))
        .bind(i64::from(v.verleend))
        .bind(v.bedrag.map(Money::cents))
        .bind(v.status.clone())
        .bind(v.bron.clone())
        .execute(&mut *tx)
        .await?;
        bump(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The known years of a gemeente, oldest first.
    pub async fn verleend(&self, code: GemeenteCode) -> Result<Vec<Verleend>, StoreError> {
        Ok(sqlx::query("SELECT jaar, verleend, bedrag_cent, status, bron FROM vangnet_verleend WHERE gemeente = $1 ORDER BY jaar")
            .bind(code.to_string())
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| Verleend {
                jaar: Year::new(r.get::<i64, _>(0) as i32),
                verleend: r.get::<i64, _>(1) != 0,
                bedrag: r.get::<Option<i64>, _>(2).map(Money::from_cents),
                status: r.get(3),
                bron: r.get(4),
            })
            .collect())
    }

    /// The seed documents' granted years, added where the year is not known yet.
    pub(crate) async fn laad_seed_verleend(&self) -> Result<(), StoreError> {
        for r in buig_referentie::seed_vangnet_verleend() {
            sqlx::query(
                "INSERT INTO vangnet_verleend (gemeente, jaar, verleend, bedrag_cent, status, bron) VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (gemeente, jaar) DO NOTHING",
            )
            .bind(r.code.to_string())
            .bind(i64::from(r.jaar.get()))
            .bind(i64::from(r.verleend))
            .bind(r.bedrag.map(Money::cents))
            .bind(r.status.clone())
            .bind(r.bron.clone())
            .execute(self.pool())
            .await?;
        }
        Ok(())
    }
}

/// One more change outside the imports: the data version moves on.
pub(crate) async fn bump(tx: &mut sqlx::Transaction<'_, sqlx::Any>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE data_teller SET teller = teller + 1 WHERE id = 1").execute(&mut **tx).await?;
    Ok(())
}
