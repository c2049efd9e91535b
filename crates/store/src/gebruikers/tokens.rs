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
