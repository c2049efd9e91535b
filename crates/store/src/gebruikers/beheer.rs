// SPDX-License-Identifier: EUPL-1.2
//! Managing accounts: adding and removing users, changing a password
//! (which ends the user's sessions), granting and revoking roles, and
//! reading users with their roles.

use buig_core::GemeenteCode;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::geheim::{blokkerend, hash_wachtwoord};
use super::model::{geldige_naam, normaliseer, sterk_genoeg, Gebruiker, GebruikerFout, Rol};
use crate::import::now_utc;
use crate::{parse_col, Store, StoreError};

/// How often an insert with `MAX(id) + 1` is retried when a concurrent
/// insert took the same id.
pub(super) const POGINGEN: usize = 8;

impl Store {
    async fn gebruiker_id(&self, naam: &str) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar("SELECT id FROM gebruikers WHERE naam = $1").bind(normaliseer(naam)).fetch_optional(self.pool()).await?)
    }

    pub(super) async fn bestaand_id(&self, naam: &str) -> Result<i64, GebruikerFout> {
        self.gebruiker_id(naam).await?.ok_or_else(|| GebruikerFout::Onbekend(normaliseer(naam)))
    }

    async fn rollen_van(&self, id: i64) -> Result<Vec<(GemeenteCode, Rol)>, StoreError> {
        sqlx::query("SELECT gemeente, rol FROM gebruiker_rollen WHERE gebruiker_id = $1 ORDER BY gemeente")
            .bind(id)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(rol_uit_rij)
            .collect()
    }

    pub(super) async fn gebruiker_met_id(&self, id: i64) -> Result<Option<Gebruiker>, StoreError> {
        let Some(naam) =
            sqlx::query_scalar::<_, String>("SELECT naam FROM gebruikers WHERE id = $1").bind(id).fetch_optional(self.pool()).await?
        else {
            return Ok(None);
        };
        Ok(Some(Gebruiker { id, naam, rollen: self.rollen_van(id).await? }))
    }

    /// Adds a user; the password is stored as an argon2id PHC string.
    pub async fn gebruiker_toevoegen(&self, naam: &str, wachtwoord: &str) -> Result<i64, GebruikerFout> {
        let naam = geldige_naam(naam)?;
        sterk_genoeg(wachtwoord)?;
        if self.gebruiker_id(&naam).await?.is_some() {
            return Err(GebruikerFout::BestaatAl(naam));
        }
        let w = wachtwoord.to_string();
        let phc = blokkerend(move || hash_wachtwoord(&w)).await??;
        for _ in 0..POGINGEN {
            let r = sqlx::query(
                "INSERT INTO gebruikers (id, naam, wachtwoord, aangemaakt)
                 SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3 FROM gebruikers WHERE 1 = 1
                 ON CONFLICT DO NOTHING",
            )
            .bind(naam.clone())
            .bind(phc.clone())
            .bind(now_utc())
            .execute(self.pool())
            .await?;
            match self.gebruiker_id(&naam).await? {
                Some(id) if r.rows_affected() == 1 => return Ok(id),
                Some(_) => return Err(GebruikerFout::BestaatAl(naam)),
                None => continue, // another insert took the id: try the next
            }
        }
        Err(StoreError::Data { veld: "gebruikers.id".into(), melding: "geen vrij id gevonden".into() }.into())
    }

    /// Sets a new password and ends the user's sessions.
    pub async fn wachtwoord_wijzigen(&self, naam: &str, wachtwoord: &str) -> Result<(), GebruikerFout> {
        sterk_genoeg(wachtwoord)?;
        let id = self.bestaand_id(naam).await?;
        let w = wachtwoord.to_string();
        let phc = blokkerend(move || hash_wachtwoord(&w)).await??;
        let mut tx = self.pool().begin().await?;
        sqlx::query("UPDATE gebruikers SET wachtwoord = $1 WHERE id = $2").bind(phc).bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sessies WHERE gebruiker_id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a user with its roles, sessions and API tokens.
    pub async fn gebruiker_verwijderen(&self, naam: &str) -> Result<(), GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        let mut tx = self.pool().begin().await?;
        for tabel in ["gebruiker_rollen", "sessies", "api_tokens"] {
            sqlx::query(&format!("DELETE FROM {tabel} WHERE gebruiker_id = $1")).bind(id).execute(&mut *tx).await?;
        }
        sqlx::query("DELETE FROM gebruikers WHERE id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives the user this role for the gemeente, replacing an earlier one.
    pub async fn rol_toekennen(&self, naam: &str, gemeente: &GemeenteCode, rol: Rol) -> Result<(), GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        let bekend: Option<String> =
            sqlx::query_scalar("SELECT code FROM gemeenten WHERE code = $1").bind(gemeente.to_string()).fetch_optional(self.pool()).await?;
        if bekend.is_none() {
            return Err(GebruikerFout::OnbekendeGemeente(*gemeente));
        }
        sqlx::query(
            "INSERT INTO gebruiker_rollen (gebruiker_id, gemeente, rol) VALUES ($1, $2, $3)
             ON CONFLICT (gebruiker_id, gemeente) DO UPDATE SET rol = excluded.rol",
        )
        .bind(id)
        .bind(gemeente.to_string())
        .bind(rol.as_str())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Takes away the user's role for the gemeente (nothing if it had none).
    pub async fn rol_intrekken(&self, naam: &str, gemeente: &GemeenteCode) -> Result<(), GebruikerFout> {
        let id = self.bestaand_id(naam).await?;
        sqlx::query("DELETE FROM gebruiker_rollen WHERE gebruiker_id = $1 AND gemeente = $2")
            .bind(id)
            .bind(gemeente.to_string())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// A user by name (any case), with its roles.
    pub async fn gebruiker(&self, naam: &str) -> Result<Option<Gebruiker>, StoreError> {
        match self.gebruiker_id(naam).await? {
            Some(id) => self.gebruiker_met_id(id).await,
            None => Ok(None),
        }
    }

    /// All users by name, each with its roles.
    pub async fn gebruikers(&self) -> Result<Vec<Gebruiker>, StoreError> {
        let mut lijst: Vec<Gebruiker> = sqlx::query("SELECT id, naam FROM gebruikers ORDER BY naam")
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| Gebruiker { id: r.get(0), naam: r.get(1), rollen: Vec::new() })
            .collect();
        let rollen = sqlx::query("SELECT gemeente, rol, gebruiker_id FROM gebruiker_rollen ORDER BY gebruiker_id, gemeente")
            .fetch_all(self.pool())
            .await?;
        for r in &rollen {
            let id: i64 = r.get(2);
            if let Some(g) = lijst.iter_mut().find(|g| g.id == id) {
                g.rollen.push(rol_uit_rij(r)?);
            }
        }
        Ok(lijst)
    }

    pub async fn aantal_gebruikers(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM gebruikers").fetch_one(self.pool()).await?)
    }
}

fn rol_uit_rij(r: &AnyRow) -> Result<(GemeenteCode, Rol), StoreError> {
    Ok((parse_col("gebruiker_rollen.gemeente", &r.get::<String, _>(0))?, parse_col("gebruiker_rollen.rol", &r.get::<String, _>(1))?))
}
