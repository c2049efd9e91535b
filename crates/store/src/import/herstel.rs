// SPDX-License-Identifier: EUPL-1.2
//! `buig herstel IMPORT`: puts back what an import replaced, for all its
//! gemeenten or one, holding the import slot, in one short transaction
//! with its own history line (status `herstel`) and audit line.
//!
//! Spells: each gemeente points back at the import it pointed at before
//! (kept until the next import of that gemeente), and the undone import's
//! rows are cleared. The other kinds: the import's rows are removed and the
//! rows it overwrote (saved in the `_vorig` tables) put back. Undoing goes
//! in reverse order: an import whose data a later import replaced again is
//! refused, naming that later import.

use std::collections::BTreeSet;

use buig_core::GemeenteCode;
use buig_import::Soort;
use sqlx::{Any, Transaction};

use super::bulk::{insert_many_with, Val};
use super::uitkomst::ImportFout;
use super::writer::tabel;
use super::{next_import_id, now_utc, uitkeringen, Stap};
use crate::{Store, StoreError};

/// What a herstel did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Herstel {
    /// The history line of the herstel itself.
    pub id: i64,
    /// The import that was undone.
    pub import: i64,
    pub soort: Soort,
    pub bestand: String,
    pub gemeenten: Vec<GemeenteCode>,
    /// Rows of the import taken away.
    pub weg: u64,
    /// Rows it had replaced, put back.
    pub terug: u64,
}

fn geweigerd(m: String) -> ImportFout {
    ImportFout::Geweigerd(m)
}

impl Store {
    /// Undoes import `import` (for `gemeente` only, when given), recorded as
    /// done by `gebruiker` (`None`: the command line). Waits for a running import.
    pub async fn herstel(
        &self,
        import: i64,
        gemeente: Option<GemeenteCode>,
        gebruiker: Option<&str>,
        voortgang: &mut (dyn FnMut(Stap) + Send),
    ) -> Result<Herstel, ImportFout> {
        let slot = self.import_slot(voortgang).await?;
        let r = self.herstel_onder_slot(import, gemeente, gebruiker).await;
        slot.vrij().await;
        let h = r?;
        if h.soort == Soort::Uitkeringen {
            uitkeringen::oude_versies_wissen(self).await?;
        }
        Ok(h)
    }

    async fn herstel_onder_slot(&self, x: i64, gemeente: Option<GemeenteCode>, gebruiker: Option<&str>) -> Result<Herstel, ImportFout> {
        let rij: Option<(String, String, String, String)> =
            sqlx::query_as("SELECT soort, bestand, gemeenten, status FROM import_historie WHERE id = $1")
                .bind(x)
                .fetch_optional(self.pool())
                .await?;
        let Some((soort, bestand, gemeenten, status)) = rij else {
            return Err(geweigerd(format!("er is geen import {x}")));
        };
        match status.as_str() {
            "actief" | "vervangen" => {}
            "hersteld" => return Err(geweigerd(format!("import {x} is al hersteld"))),
            "ongewijzigd" | "herstel" => return Err(geweigerd(format!("import {x} veranderde niets; er is niets te herstellen"))),
            _ => return Err(geweigerd(format!("import {x} heeft niets opgeslagen; er is niets te herstellen"))),
        }
        let soort: Soort = soort.parse().map_err(|_| geweigerd(format!("import {x} is geen import van een bestand ({soort})")))?;
        let alle: Vec<GemeenteCode> = gemeenten.split(',').filter_map(|g| g.parse().ok()).collect();
        let bereik: Vec<GemeenteCode> = match gemeente {
            Some(g) if alle.contains(&g) => vec![g],
            Some(g) => return Err(geweigerd(format!("import {x} bevat geen gegevens van {g}"))),
            None => alle,
        };
        let naam = std::path::Path::new(&bestand).file_name().map_or(bestand.clone(), |n| n.to_string_lossy().into_owned());
        let mut tx = self.schrijf_transactie().await?;
        let h = next_import_id(&mut tx).await?;
        let (weg, terug, nog_actief, weer_actief) = if soort == Soort::Uitkeringen {
            let mut weg = 0;
            let mut terug = 0;
            let mut weer = BTreeSet::new();
            for g in &bereik {
                let nu: Option<(i64, i64, Option<i64>)> =
                    sqlx::query_as("SELECT import_id, rijen, vorige FROM uitkeringen_actief WHERE gemeente = $1")
                        .bind(g.to_string())
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some((huidig, rijen, vorige)) = nu else {
                    return Err(geweigerd(format!("{g} heeft geen uitkeringen meer uit import {x}")));
                };
                if huidig != x {
                    return Err(geweigerd(format!(
                        "de uitkeringen van {g} komen niet meer uit import {x} maar uit import {huidig}; herstel eerst import {huidig}"
                    )));
                }
                weg += rijen as u64;
                match vorige {
                    Some(p) => {
                        let n = uitkeringen::rijen_van(&mut tx, &g.to_string(), p).await?;
                        if n == 0 {
                            return Err(geweigerd(format!("de uitkeringen van {g} van vóór import {x} zijn niet meer bewaard")));
                        }
                        terug += n as u64;
                        weer.insert(p);
                        sqlx::query("UPDATE uitkeringen_actief SET import_id = $1, rijen = $2, vorige = NULL WHERE gemeente = $3")
                            .bind(p)
                            .bind(n)
                            .bind(g.to_string())
                            .execute(&mut *tx)
                            .await?;
                    }
                    None => {
                        sqlx::query("DELETE FROM uitkeringen_actief WHERE gemeente = $1").bind(g.to_string()).execute(&mut *tx).await?;
                    }
                }
                let wis = vec![vec![Val::Text(g.to_string()), Val::Int(x)]];
                insert_many_with(&mut tx, "uitkeringen_opruimen", &["gemeente", "import_id"], wis, " ON CONFLICT DO NOTHING").await?;
            }
            let nog: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM uitkeringen_actief WHERE import_id = $1").bind(x).fetch_one(&mut *tx).await?;
            (weg, terug, nog > 0, weer)
        } else {
            self.herstel_tabel(&mut tx, soort, x, gemeente).await?
        };
        if !nog_actief {
            sqlx::query("UPDATE import_historie SET status = 'hersteld' WHERE id = $1").bind(x).execute(&mut *tx).await?;
        }
        for p in &weer_actief {
            sqlx::query("UPDATE import_historie SET status = 'actief' WHERE id = $1 AND status = 'vervangen'")
                .bind(*p)
                .execute(&mut *tx)
                .await?;
        }
        let codes: Vec<String> = bereik.iter().map(|g| g.to_string()).collect();
        sqlx::query(
            "INSERT INTO import_historie (id, soort, bestand, sha256, gemeenten, periode, rijen, status, vervangt, tijdstip)
             VALUES ($1, $2, $3, '', $4, NULL, $5, 'herstel', $6, $7)",
        )
        .bind(h)
        .bind(soort.to_string())
        .bind(format!("herstel van import {x} ({naam})"))
        .bind(codes.join(","))
        .bind(terug as i64)
        .bind(x.to_string())
        .bind(now_utc())
        .execute(&mut *tx)
        .await?;
        let details =
            format!("import {x} ({} {naam}) hersteld: {weg} rijen weggehaald, {terug} rijen teruggezet (herstel {h})", soort.code());
        let audit_gemeente = match bereik.as_slice() {
            [g] => Some(*g),
            _ => None,
        };
        crate::gebruikers::audit_in(&mut tx, gebruiker, "import.herstel", audit_gemeente.as_ref(), &details).await?;
        tx.commit().await?;
        Ok(Herstel { id: h, import: x, soort, bestand, gemeenten: bereik, weg, terug })
    }

    /// The other kinds: removes import `x`'s rows (of `gemeente`, or all)
    /// and puts back what it overwrote.
    async fn herstel_tabel(
        &self,
        tx: &mut Transaction<'static, Any>,
        soort: Soort,
        x: i64,
        gemeente: Option<GemeenteCode>,
    ) -> Result<(u64, u64, bool, BTreeSet<i64>), ImportFout> {
        let t = tabel(soort).ok_or_else(|| StoreError::Data { veld: "soort".into(), melding: soort.to_string() })?;
        // Comparison series name their area per row; the others their gemeente.
        let kolom = if soort == Soort::Vergelijking { "gebied" } else { "gemeente" };
        let filter = if gemeente.is_some() { format!(" AND {kolom} = $2") } else { String::new() };
        let g = gemeente.map(|g| g.to_string());
        let g = g.as_deref();
        let naam = t.naam;
        let later = getallen(tx, &format!("SELECT MAX(vervangen_door) FROM {naam}_vorig WHERE import_id = $1{filter}"), x, g).await?;
        if let Some(y) = later.into_iter().flatten().next() {
            return Err(geweigerd(format!("gegevens uit import {x} zijn daarna vervangen door import {y}; herstel eerst import {y}")));
        }
        let weg = uitvoeren(tx, &format!("DELETE FROM {naam} WHERE import_id = $1{filter}"), x, g).await?;
        let namen = t.namen().join(", ");
        let weer: BTreeSet<i64> =
            getallen(tx, &format!("SELECT DISTINCT import_id FROM {naam}_vorig WHERE vervangen_door = $1{filter}"), x, g)
                .await?
                .into_iter()
                .flatten()
                .collect();
        let terug = uitvoeren(
            tx,
            &format!("INSERT INTO {naam} ({namen}) SELECT {namen} FROM {naam}_vorig WHERE vervangen_door = $1{filter}"),
            x,
            g,
        )
        .await?;
        uitvoeren(tx, &format!("DELETE FROM {naam}_vorig WHERE vervangen_door = $1{filter}"), x, g).await?;
        let nog = getallen(tx, &format!("SELECT COUNT(*) FROM {naam} WHERE import_id = $1"), x, None).await?;
        Ok((weg, terug, nog.first().copied().flatten().unwrap_or(0) > 0, weer))
    }
}

/// Runs `sql` with `$1` = `x` and, when given, `$2` = `g`; the rows it touched.
async fn uitvoeren(tx: &mut Transaction<'static, Any>, sql: &str, x: i64, g: Option<&str>) -> Result<u64, sqlx::Error> {
    let mut q = sqlx::query(sql).bind(x);
    if let Some(g) = g {
        q = q.bind(g.to_string());
    }
    Ok(q.execute(&mut **tx).await?.rows_affected())
}

/// The one-column answer of `sql`, bound as [`uitvoeren`] binds.
async fn getallen(tx: &mut Transaction<'static, Any>, sql: &str, x: i64, g: Option<&str>) -> Result<Vec<Option<i64>>, sqlx::Error> {
    let mut q = sqlx::query_scalar::<_, Option<i64>>(sql).bind(x);
    if let Some(g) = g {
        q = q.bind(g.to_string());
    }
    q.fetch_all(&mut **tx).await
}
