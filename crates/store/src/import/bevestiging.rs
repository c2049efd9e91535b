// SPDX-License-Identifier: EUPL-1.2
//! The confirmation step of a large replacement (the web app): a spells
//! import that would leave a gemeente less than half of its stored spells
//! is staged and waits (status `wacht`, for [`BEVESTIGEN_BINNEN`]); the
//! user sees the counts before and after and then confirms it — it becomes
//! current as any import — or cancels it, which clears the staged rows.
//! Nothing is uploaded twice.

use std::collections::BTreeMap;

use buig_core::GemeenteCode;
use buig_import::Soort;

use super::slot::BEVESTIGEN_BINNEN;
use super::uitkomst::{ImportFout, ImportResultaat, Stap, Vervanging};
use super::writer::Writer;
use super::{uitkeringen, Audit};
use crate::Store;

/// A staged import awaiting confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wachtend {
    pub id: i64,
    /// The file's name.
    pub bestand: String,
    /// Each gemeente's spells now and after it.
    pub gemeenten: Vec<Vervanging>,
}

impl Store {
    /// Import `id` if it awaits confirmation and holds spells of `gemeente` only.
    pub async fn wachtende_import(&self, id: i64, gemeente: GemeenteCode) -> Result<Option<Wachtend>, ImportFout> {
        let rij: Option<(String, String, String)> =
            sqlx::query_as("SELECT soort, bestand, gemeenten FROM import_historie WHERE id = $1 AND status = 'wacht'")
                .bind(id)
                .fetch_optional(self.pool())
                .await?;
        let Some((soort, bestand, gemeenten)) = rij else { return Ok(None) };
        if soort != Soort::Uitkeringen.code() || gemeenten != gemeente.to_string() {
            return Ok(None);
        }
        let per = self.gestaged(id, gemeente).await?;
        let naam = std::path::Path::new(&bestand).file_name().map_or(bestand.clone(), |n| n.to_string_lossy().into_owned());
        Ok(Some(Wachtend { id, bestand: naam, gemeenten: uitkeringen::telling(self, &per).await? }))
    }

    async fn gestaged(&self, id: i64, gemeente: GemeenteCode) -> Result<BTreeMap<GemeenteCode, u64>, ImportFout> {
        let n: i64 = sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(tot - van + 1), 0) AS BIGINT) FROM uitkeringen_blokken WHERE import_id = $1 AND gemeente = $2",
        )
        .bind(id)
        .bind(gemeente.to_string())
        .fetch_one(self.pool())
        .await?;
        Ok(BTreeMap::from([(gemeente, n as u64)]))
    }

    /// Confirms staged import `id` of `gemeente`: it becomes current,
    /// audited as imported by `gebruiker` after confirmation.
    pub async fn bevestig_import(&self, id: i64, gemeente: GemeenteCode, gebruiker: Option<&str>) -> Result<ImportResultaat, ImportFout> {
        let slot = self.import_slot(&mut |_: Stap| {}).await?;
        let r = async {
            let Some(w8) = self.wachtende_import(id, gemeente).await? else {
                return Err(ImportFout::Geweigerd(verlopen()));
            };
            let (bestand, sha): (String, String) =
                sqlx::query_as("SELECT bestand, sha256 FROM import_historie WHERE id = $1").bind(id).fetch_one(self.pool()).await?;
            let mut w = Writer::new(Soort::Uitkeringen, id);
            w.sha = sha;
            w.gemeenten = self.gestaged(id, gemeente).await?;
            w.count = w.gemeenten.values().sum();
            let audit =
                Audit { gebruiker: gebruiker.map(str::to_string), soort: Soort::Uitkeringen, naam: w8.bestand, gemeente: Some(gemeente) };
            self.vastleggen(Soort::Uitkeringen, bestand, &mut w, Some(&audit)).await
        }
        .await;
        slot.vrij().await;
        let r = r?;
        uitkeringen::oude_versies_wissen(self).await?;
        Ok(r)
    }

    /// Cancels staged import `id` of `gemeente`: its rows are cleared, nothing changes.
    pub async fn annuleer_import(&self, id: i64, gemeente: GemeenteCode, gebruiker: Option<&str>) -> Result<(), ImportFout> {
        let slot = self.import_slot(&mut |_: Stap| {}).await?;
        let r = async {
            let Some(w8) = self.wachtende_import(id, gemeente).await? else {
                return Err(ImportFout::Geweigerd(verlopen()));
            };
            self.weigeren(id, "geweigerd").await?;
            let details = format!("uitkeringen {}: niet vervangen, na het tonen van de aantallen (import {id})", w8.bestand);
            self.audit(gebruiker, "import.geannuleerd", Some(&gemeente), &details).await?;
            Ok(())
        }
        .await;
        slot.vrij().await;
        r
    }
}

fn verlopen() -> String {
    format!(
        "deze import wacht niet (meer) op bevestiging: hij is al bevestigd of geannuleerd, of langer dan {} minuten geleden klaargezet; er is niets gewijzigd. Importeer het bestand opnieuw.",
        BEVESTIGEN_BINNEN.as_secs() / 60
    )
}
