// SPDX-License-Identifier: EUPL-1.2
//! API tokens: `buig_` and 64 hex digits, shown once, stored as their
//! SHA-256; a bearer token names its user.

use super::geheim::{sha256_hex, willekeurig_hex};
use super::model::{Gebruiker, GebruikerFout, TOKEN_PREFIX};
use crate::import::now_utc;
use crate::{Store, StoreError};

impl Store {
    /// A new API token for the user: `buig_` and 64 hex digits, returned
    /// once; only its SHA-256 is stored.
    pub async fn api_token_maken(&self, naam: &str, omschrijving: &str) -> Result<String, GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        let token = format!("{TOKEN_PREFIX}{}", willekeurig_hex()?);
        sqlx::query("INSERT INTO api_tokens (token_sha256, gebruiker_id, omschrijving, aangemaakt) VALUES ($1, $2, $3, $4)")
            .bind(sha256_hex(&token))
            .bind(id)
            .bind(omschrijving.trim().to_string())
            .bind(now_utc())
            .execute(self.pool())
            .await?;
        Ok(token)
    }

    /// The user an API token belongs to; `None` when unknown.
    pub async fn api_token_gebruiker(&self, token: &str) -> Result<Option<Gebruiker>, StoreError> {
        let token = token.trim();
        if !token.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let id: Option<i64> = sqlx::query_scalar("SELECT gebruiker_id FROM api_tokens WHERE token_sha256 = $1")
            .bind(sha256_hex(token))
            .fetch_optional(self.pool())
            .await?;
        match id {
            Some(id) => self.gebruiker_met_id(id).await,
            None => Ok(None),
        }
    }
}

/// The prefix of a calendar feed token.
pub const AGENDA_PREFIX: &str = "buigagenda_";

impl Store {
    /// A new calendar feed token for the user and gemeente, returned once; only its SHA-256 is stored. Audited.
    pub async fn agenda_token_maken(&self, naam: &str, gemeente: &buig_core::GemeenteCode) -> Result<String, GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        let token = format!("{AGENDA_PREFIX}{}", willekeurig_hex()?);
        sqlx::query("INSERT INTO agenda_tokens (token_sha256, gebruiker_id, gemeente, aangemaakt) VALUES ($1, $2, $3, $4)")
            .bind(sha256_hex(&token))
            .bind(id)
            .bind(gemeente.to_string())
            .bind(now_utc())
            .execute(self.pool())
            .await?;
        self.audit(Some(naam), "agenda.token", Some(gemeente), "agenda-abonnement gemaakt").await?;
        Ok(token)
    }

    /// The user and gemeente of a calendar feed token; `None` when unknown.
    pub async fn agenda_token(&self, token: &str) -> Result<Option<(Gebruiker, buig_core::GemeenteCode)>, StoreError> {
        let token = token.trim();
        if !token.starts_with(AGENDA_PREFIX) || token.len() > 128 {
            return Ok(None);
        }
        let rij: Option<(i64, String)> = sqlx::query_as("SELECT gebruiker_id, gemeente FROM agenda_tokens WHERE token_sha256 = $1")
            .bind(sha256_hex(token))
            .fetch_optional(self.pool())
            .await?;
        let Some((id, gemeente)) = rij else { return Ok(None) };
        let Ok(gemeente) = gemeente.parse() else { return Ok(None) };
        Ok(self.gebruiker_met_id(id).await?.map(|g| (g, gemeente)))
    }

    /// Withdraws every calendar feed token of the user for the gemeente. Audited.
    pub async fn agenda_tokens_intrekken(&self, naam: &str, gemeente: &buig_core::GemeenteCode) -> Result<u64, GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        let n = sqlx::query("DELETE FROM agenda_tokens WHERE gebruiker_id = $1 AND gemeente = $2")
            .bind(id)
            .bind(gemeente.to_string())
            .execute(self.pool())
            .await?
            .rows_affected();
        self.audit(Some(naam), "agenda.token.ingetrokken", Some(gemeente), &format!("{n} agenda-abonnement(en) ingetrokken")).await?;
        Ok(n)
    }
}
