// SPDX-License-Identifier: EUPL-1.2
//! The council dates a gemeente enters for its agenda (migration 0016),
//! audited in the same transaction.

use buig_core::GemeenteCode;
use jiff::civil::Date;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::gebruikers::audit_in;
use crate::import::now_utc;
use crate::{Store, StoreError};

/// A date the gemeente entered: a council meeting, a committee, a deadline of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agendapunt {
    pub id: i64,
    pub datum: Date,
    pub omschrijving: String,
    pub door: Option<String>,
}

impl Store {
    /// Adds a date (the description at most 200 characters on one line).
    pub async fn agendapunt_toevoegen(
        &self,
        code: GemeenteCode,
        datum: Date,
        omschrijving: &str,
        wie: Option<&str>,
    ) -> Result<i64, StoreError> {
        let omschrijving = omschrijving.trim();
        if omschrijving.is_empty() || omschrijving.chars().count() > 200 || omschrijving.chars().any(char::is_control) {
            return Err(StoreError::Data {
                veld: "omschrijving".into(),
                melding: "vul een omschrijving in van hoogstens 200 tekens op één regel".into(),
            });
        }
        let mut tx = self.schrijf_transactie().await?;
        let id: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM agenda WHERE gemeente = $1")
            .bind(code.to_string())
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO agenda (id, gemeente, datum, omschrijving, door, gemaakt) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id)
            .bind(code.to_string())
            .bind(datum.to_string())
            .bind(omschrijving.to_string())
            .bind(wie.map(str::to_string))
            .bind(now_utc())
            .execute(&mut *tx)
            .await?;
        audit_in(&mut tx, wie, "agenda.toegevoegd", Some(&code), &format!("{}: {omschrijving}", buig_core::nl::date_long(datum))).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Removes a date; `false` when the gemeente has no date with that id.
    pub async fn agendapunt_verwijderen(&self, code: GemeenteCode, id: i64, wie: Option<&str>) -> Result<bool, StoreError> {
        let mut tx = self.schrijf_transactie().await?;
        let n = sqlx::query("DELETE FROM agenda WHERE gemeente = $1 AND id = $2")
            .bind(code.to_string())
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n > 0 {
            audit_in(&mut tx, wie, "agenda.verwijderd", Some(&code), &format!("agendapunt {id} verwijderd")).await?;
        }
        tx.commit().await?;
        Ok(n > 0)
    }

    /// The gemeente's dates, oldest first.
    pub async fn agendapunten(&self, code: GemeenteCode) -> Result<Vec<Agendapunt>, StoreError> {
        let rows = sqlx::query("SELECT id, datum, omschrijving, door FROM agenda WHERE gemeente = $1 ORDER BY datum, id")
            .bind(code.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r: &AnyRow| {
                Ok(Agendapunt {
                    id: r.get(0),
                    datum: r
                        .get::<String, _>(1)
                        .parse()
                        .map_err(|e: jiff::Error| StoreError::Data { veld: "agenda.datum".into(), melding: e.to_string() })?,
                    omschrijving: r.get(2),
                    door: r.get(3),
                })
            })
            .collect()
    }
}
