// SPDX-License-Identifier: EUPL-1.2
//! The council's own words per vangnet year (migration 0011): every change
//! a new version, audited in the same transaction; the highest is current.
//! And the letterhead of a gemeente's documents (migration 0012).

use buig_core::records::Toelichting;
use buig_core::{GemeenteCode, Year};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::gebruikers::audit_in;
use crate::import::now_utc;
use crate::{Store, StoreError};

/// The most a text may hold (characters per field): a few pages, not a file.
pub const MAX_TEKENS: usize = 20_000;

impl Store {
    /// Stores `t` as the next version of its year (its `versie`, `gewijzigd`
    /// and `door` are set here). Unchanged text stores nothing and returns the current version.
    pub async fn zet_toelichting(&self, code: GemeenteCode, t: &Toelichting, wie: Option<&str>) -> Result<Toelichting, StoreError> {
        for (veld, tekst) in
            [("oorzaken", &t.oorzaken), ("maatregelen", &t.maatregelen), ("aanvullende maatregelen", &t.aanvullende_maatregelen)]
        {
            if tekst.chars().count() > MAX_TEKENS {
                return Err(StoreError::Data {
                    veld: veld.into(),
                    melding: format!("de tekst is langer dan {} tekens", buig_core::nl::aantal(MAX_TEKENS as i64)),
                });
            }
        }
        let mut tx = self.schrijf_transactie().await?;
        let huidig = sqlx::query(
            "SELECT jaar, versie, oorzaken, maatregelen, aanvullende_maatregelen, gewijzigd, door FROM vangnet_toelichting
             WHERE gemeente = $1 AND jaar = $2 ORDER BY versie DESC LIMIT 1",
        )
        .bind(code.to_string())
        .bind(i64::from(t.jaar.get()))
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| rij(&r));
        if let Some(h) = &huidig {
            if h.oorzaken == t.oorzaken && h.maatregelen == t.maatregelen && h.aanvullende_maatregelen == t.aanvullende_maatregelen {
                return Ok(h.clone());
            }
        }
        let nieuw =
            Toelichting { versie: huidig.map_or(1, |h| h.versie + 1), gewijzigd: now_utc(), door: wie.map(str::to_string), ..t.clone() };
        sqlx::query(
            "INSERT INTO vangnet_toelichting (gemeente, jaar, versie, oorzaken, maatregelen, aanvullende_maatregelen, gewijzigd, door)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(code.to_string())
        .bind(i64::from(nieuw.jaar.get()))
        .bind(i64::from(nieuw.versie))
        .bind(nieuw.oorzaken.clone())
        .bind(nieuw.maatregelen.clone())
        .bind(nieuw.aanvullende_maatregelen.clone())
        .bind(nieuw.gewijzigd.clone())
        .bind(nieuw.door.clone())
        .execute(&mut *tx)
        .await?;
        let details = format!("toelichting vangnet {} opgeslagen (versie {})", nieuw.jaar, nieuw.versie);
        audit_in(&mut tx, wie, "toelichting.opgeslagen", Some(&code), &details).await?;
        crate::verleend::bump(&mut tx).await?;
        tx.commit().await?;
        Ok(nieuw)
    }

    /// Every version of every year's text, by year and then version.
    pub async fn toelichtingen(&self, code: GemeenteCode) -> Result<Vec<Toelichting>, StoreError> {
        let rows = sqlx::query(
            "SELECT jaar, versie, oorzaken, maatregelen, aanvullende_maatregelen, gewijzigd, door FROM vangnet_toelichting
             WHERE gemeente = $1 ORDER BY jaar, versie",
        )
        .bind(code.to_string())
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(rij).collect())
    }
}

fn rij(r: &AnyRow) -> Toelichting {
    Toelichting {
        jaar: Year::new(r.get::<i64, _>(0) as i32),
        versie: r.get::<i64, _>(1) as u32,
        oorzaken: r.get(2),
        maatregelen: r.get(3),
        aanvullende_maatregelen: r.get(4),
        gewijzigd: r.get(5),
        door: r.get(6),
    }
}

impl Store {
    /// Sets the letterhead of `code`'s documents (each field at most 200 characters), audited.
    pub async fn zet_briefhoofd(
        &self,
        code: GemeenteCode,
        b: &buig_core::records::Briefhoofd,
        wie: Option<&str>,
    ) -> Result<(), StoreError> {
        for (veld, w) in
            [("afdeling", &b.afdeling), ("auteur", &b.auteur), ("notanummer", &b.notanummer), ("portefeuillehouder", &b.portefeuillehouder)]
        {
            if w.chars().count() > 200 || w.chars().any(char::is_control) {
                return Err(StoreError::Data { veld: veld.into(), melding: "hoogstens 200 tekens op één regel".into() });
            }
        }
        let mut tx = self.schrijf_transactie().await?;
        sqlx::query(
            "INSERT INTO briefhoofden (gemeente, afdeling, auteur, notanummer, portefeuillehouder, gewijzigd) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (gemeente) DO UPDATE SET afdeling = excluded.afdeling, auteur = excluded.auteur, notanummer = excluded.notanummer,
               portefeuillehouder = excluded.portefeuillehouder, gewijzigd = excluded.gewijzigd",
        )
        .bind(code.to_string())
        .bind(b.afdeling.trim().to_string())
        .bind(b.auteur.trim().to_string())
        .bind(b.notanummer.trim().to_string())
        .bind(b.portefeuillehouder.trim().to_string())
        .bind(now_utc())
        .execute(&mut *tx)
        .await?;
        let wat: Vec<String> = b.kenmerken().into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
        let details = format!("briefhoofd: {}", if wat.is_empty() { "leeg".into() } else { wat.join("; ") });
        audit_in(&mut tx, wie, "briefhoofd", Some(&code), &details).await?;
        crate::verleend::bump(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The letterhead of `code`'s documents; `None` when never set.
    pub async fn briefhoofd(&self, code: GemeenteCode) -> Result<Option<buig_core::records::Briefhoofd>, StoreError> {
        Ok(sqlx::query("SELECT afdeling, auteur, notanummer, portefeuillehouder FROM briefhoofden WHERE gemeente = $1")
            .bind(code.to_string())
            .fetch_optional(self.pool())
            .await?
            .map(|r: AnyRow| buig_core::records::Briefhoofd {
                afdeling: r.get(0),
                auteur: r.get(1),
                notanummer: r.get(2),
                portefeuillehouder: r.get(3),
            }))
    }
}
