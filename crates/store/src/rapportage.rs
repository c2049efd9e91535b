// SPDX-License-Identifier: EUPL-1.2
//! Prognoses recorded as report moments (migration 0010): one per
//! gemeente, year and peildatum; recording again replaces it. Every
//! recording is audited in the same transaction.

use buig_core::records::Rapportage;
use buig_core::{GemeenteCode, Money, Year};
use rust_decimal::Decimal;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::gebruikers::audit_in;
use crate::import::now_utc;
use crate::{Store, StoreError};

impl Store {
    /// Records `r` (its `vastgelegd` is set here) and writes the audit line.
    pub async fn leg_rapportage_vast(&self, code: GemeenteCode, r: &Rapportage, wie: Option<&str>) -> Result<Rapportage, StoreError> {
        let mut r = r.clone();
        r.vastgelegd = now_utc();
        r.door = wie.map(str::to_string);
        let mut tx = self.schrijf_transactie().await?;
        sqlx::query(
            "INSERT INTO prognose_rapportages (gemeente, jaar, peildatum, vastgelegd, door, resultaat_cent, budget_cent, netto_lasten_cent, volume, prijs)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (gemeente, jaar, peildatum) DO UPDATE SET vastgelegd = excluded.vastgelegd, door = excluded.door,
               resultaat_cent = excluded.resultaat_cent, budget_cent = excluded.budget_cent,
               netto_lasten_cent = excluded.netto_lasten_cent, volume = excluded.volume, prijs = excluded.prijs",
        )
        .bind(code.to_string())
        .bind(i64::from(r.jaar.get()))
        .bind(r.peildatum.to_string())
        .bind(r.vastgelegd.clone())
        .bind(r.door.clone())
        .bind(r.resultaat.cents())
        .bind(r.budget.cents())
        .bind(r.netto_lasten.cents())
        .bind(r.volume.to_string())
        .bind(r.prijs.to_string())
        .execute(&mut *tx)
        .await?;
        let details = format!(
            "prognose {} per {} vastgelegd als rapportage: resultaat {}",
            r.jaar,
            buig_core::nl::date_long(r.peildatum),
            buig_core::nl::money(r.resultaat)
        );
        audit_in(&mut tx, wie, "prognose.vastgelegd", Some(&code), &details).await?;
        crate::verleend::bump(&mut tx).await?;
        tx.commit().await?;
        Ok(r)
    }

    /// The recorded report moments of a gemeente, oldest peildatum first.
    pub async fn rapportages(&self, code: GemeenteCode) -> Result<Vec<Rapportage>, StoreError> {
        let rows = sqlx::query(
            "SELECT jaar, peildatum, vastgelegd, door, resultaat_cent, budget_cent, netto_lasten_cent, volume, prijs
             FROM prognose_rapportages WHERE gemeente = $1 ORDER BY jaar, peildatum",
        )
        .bind(code.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(|r| rij(&r)).collect()
    }
}

fn rij(r: &AnyRow) -> Result<Rapportage, StoreError> {
    let fout = |veld: &str, w: String| StoreError::Data { veld: format!("prognose_rapportages.{veld}"), melding: w };
    let jaar = Year::new(r.get::<i64, _>(0) as i32);
    let peildatum = r.get::<String, _>(1).parse().map_err(|e: jiff::Error| fout("peildatum", e.to_string()))?;
    let dec = |i: usize| r.get::<String, _>(i).parse::<Decimal>().map_err(|e| fout("volume/prijs", e.to_string()));
    Ok(Rapportage {
        jaar,
        peildatum,
        vastgelegd: r.get(2),
        door: r.get(3),
        resultaat: Money::from_cents(r.get(4)),
        budget: Money::from_cents(r.get(5)),
        netto_lasten: Money::from_cents(r.get(6)),
        volume: dec(7)?,
        prijs: dec(8)?,
    })
}
