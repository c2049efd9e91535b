// SPDX-License-Identifier: EUPL-1.2
//! Login: checking a password (as slow for an unknown user) and the
//! sessions it starts, each with a CSRF token; only the token's SHA-256 is
//! stored.

use std::fmt;

use super::geheim::{blokkerend, dummy_hash, klopt, sha256_hex, willekeurig_hex};
use super::model::{normaliseer, Gebruiker, MAX_WACHTWOORD};
use crate::import::now_utc;
use crate::{Store, StoreError};

/// A new login session: the token goes into the cookie, the CSRF token into
/// forms. Only the token's SHA-256 is stored. `Debug` never shows either.
#[derive(Clone, PartialEq, Eq)]
pub struct Sessie {
    pub token: String,
    pub csrf: String,
}

impl fmt::Debug for Sessie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sessie { token: ***, csrf: *** }")
    }
}

fn unix_nu() -> i64 {
    jiff::Timestamp::now().as_second()
}

impl Store {
    /// The user when the password is right; `None` for a wrong password or
    /// an unknown user, which takes as long (one argon2 verification).
    pub async fn controleer_wachtwoord(&self, naam: &str, wachtwoord: &str) -> Result<Option<Gebruiker>, StoreError> {
        let rij: Option<(i64, String)> = sqlx::query_as("SELECT id, wachtwoord FROM gebruikers WHERE naam = $1")
            .bind(normaliseer(naam))
            .fetch_optional(self.pool())
            .await?;
        let w: String = wachtwoord.chars().take(MAX_WACHTWOORD + 1).collect();
        let (id, phc) = match rij {
            Some((id, phc)) => (Some(id), phc),
            None => (None, dummy_hash().to_string()),
        };
        let goed = blokkerend(move || klopt(&w, &phc)).await?;
        match id {
            Some(id) if goed => self.gebruiker_met_id(id).await,
            _ => Ok(None),
        }
    }

    /// Starts a session valid for `geldig_seconden`; stores only the SHA-256
    /// of the token, the CSRF token and the expiry (unix seconds). Expired
    /// sessions are cleared on the way.
    pub async fn sessie_maken(&self, gebruiker_id: i64, geldig_seconden: i64) -> Result<Sessie, StoreError> {
        let nu = unix_nu();
        sqlx::query("DELETE FROM sessies WHERE verloopt <= $1").bind(nu).execute(self.pool()).await?;
        let sessie = Sessie { token: willekeurig_hex()?, csrf: willekeurig_hex()? };
        sqlx::query("INSERT INTO sessies (token_sha256, gebruiker_id, csrf, verloopt, aangemaakt) VALUES ($1, $2, $3, $4, $5)")
            .bind(sha256_hex(&sessie.token))
            .bind(gebruiker_id)
            .bind(sessie.csrf.clone())
            .bind(nu.saturating_add(geldig_seconden))
            .bind(now_utc())
            .execute(self.pool())
            .await?;
        Ok(sessie)
    }

    /// The user and CSRF token of a session; `None` when unknown or expired.
    pub async fn sessie(&self, token: &str) -> Result<Option<(Gebruiker, String)>, StoreError> {
        let rij: Option<(i64, String)> = sqlx::query_as("SELECT gebruiker_id, csrf FROM sessies WHERE token_sha256 = $1 AND verloopt > $2")
            .bind(sha256_hex(token))
            .bind(unix_nu())
            .fetch_optional(self.pool())
            .await?;
        let Some((id, csrf)) = rij else { return Ok(None) };
        Ok(self.gebruiker_met_id(id).await?.map(|g| (g, csrf)))
    }

    /// Ends a session (logout); an unknown token is no error.
    pub async fn sessie_beeindigen(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessies WHERE token_sha256 = $1").bind(sha256_hex(token)).execute(self.pool()).await?;
        Ok(())
    }
}
