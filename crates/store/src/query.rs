// SPDX-License-Identifier: EUPL-1.2
//! Reading figures back from the store as typed records.

use buig_core::records::{Budgetbeschikking, ClientPseudoniem, Gebied, Inwoners, RealisatieMaand, Uitkering, Vergelijkingswaarde};
use buig_core::{GemeenteCode, Money, Year};
use jiff::civil::Date;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::{parse_col, Store, StoreError};

/// A gemeente row of the store: the same shape as the bundled reference data.
pub use buig_referentie::Gemeente as GemeenteRij;

/// Yearly figures of a gemeente as a source states them: one type from the store to the engines.
pub use buig_core::records::Jaarcijfer;

/// One line of the import history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistorieRij {
    pub id: i64,
    pub soort: String,
    pub bestand: String,
    pub gemeenten: String,
    pub periode: Option<String>,
    pub rijen: i64,
    pub status: String,
    pub vervangt: Option<String>,
    pub tijdstip: String,
}

fn opt_date(veld: &str, s: Option<String>) -> Result<Option<Date>, StoreError> {
    s.map(|s| parse_col::<Date>(veld, &s)).transpose()
}

impl Store {
    /// A gemeente by code.
    pub async fn gemeente(&self, code: GemeenteCode) -> Result<Option<GemeenteRij>, StoreError> {
        let row = sqlx::query("SELECT code, naam, geldig_van, geldig_tot, opgegaan_in, opheffingsdatum FROM gemeenten WHERE code = $1")
            .bind(code.to_string())
            .fetch_optional(self.pool())
            .await?;
        row.map(gemeente_rij).transpose()
    }

    /// All gemeenten, by code.
    pub async fn gemeenten(&self) -> Result<Vec<GemeenteRij>, StoreError> {
        sqlx::query("SELECT code, naam, geldig_van, geldig_tot, opgegaan_in, opheffingsdatum FROM gemeenten ORDER BY code")
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(gemeente_rij)
            .collect()
    }

    /// The gemeenten that merged into `code`.
    pub async fn voorgangers(&self, code: GemeenteCode) -> Result<Vec<GemeenteRij>, StoreError> {
        sqlx::query(
            "SELECT code, naam, geldig_van, geldig_tot, opgegaan_in, opheffingsdatum FROM gemeenten WHERE opgegaan_in = $1 ORDER BY code",
        )
        .bind(code.to_string())
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .map(gemeente_rij)
        .collect()
    }

    /// Budget decisions of a gemeente, by year and kind.
    pub async fn budgetten(&self, code: GemeenteCode) -> Result<Vec<Budgetbeschikking>, StoreError> {
        let rows = sqlx::query(
            "SELECT jaar, soort, datum, bedrag_cent, blks_cent, macrobudget_cent, aandeel FROM budgetbeschikkingen WHERE gemeente = $1 ORDER BY jaar, soort",
        )
        .bind(code.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(Budgetbeschikking {
                    gemeente: code,
                    jaar: Year::new(r.get::<i64, _>(0) as i32),
                    soort: parse_col("budgetbeschikkingen.soort", &r.get::<String, _>(1))?,
                    datum: opt_date("budgetbeschikkingen.datum", r.get(2))?,
                    bedrag: Money::from_cents(r.get(3)),
                    blks: r.get::<Option<i64>, _>(4).map(Money::from_cents),
                    macrobudget: r.get::<Option<i64>, _>(5).map(Money::from_cents),
                    aandeel: r.get::<Option<String>, _>(6).map(|a| parse_col("budgetbeschikkingen.aandeel", &a)).transpose()?,
                })
            })
            .collect()
    }

    /// Monthly realisation of a gemeente, in order.
    pub async fn realisatie(&self, code: GemeenteCode) -> Result<Vec<RealisatieMaand>, StoreError> {
        let rows =
            sqlx::query("SELECT jaar, maand, lasten_cent, baten_cent, lks_cent FROM realisatie WHERE gemeente = $1 ORDER BY jaar, maand")
                .bind(code.to_string())
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .into_iter()
            .map(|r| RealisatieMaand {
                gemeente: code,
                jaar: Year::new(r.get::<i64, _>(0) as i32),
                maand: r.get::<i64, _>(1) as i32 as u8,
                lasten: Money::from_cents(r.get(2)),
                baten: Money::from_cents(r.get(3)),
                lks: r.get::<Option<i64>, _>(4).map(Money::from_cents),
            })
            .collect())
    }

    /// Inhabitants of a gemeente per year that the store knows.
    pub async fn inwoners(&self, code: GemeenteCode) -> Result<Vec<Inwoners>, StoreError> {
        let rows = sqlx::query("SELECT jaar, aantal FROM inwoners WHERE gemeente = $1 ORDER BY jaar")
            .bind(code.to_string())
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| Inwoners { gemeente: code, jaar: Year::new(r.get::<i64, _>(0) as i32), aantal: r.get::<i64, _>(1) as u64 })
            .collect())
    }

    /// The benefit spells of a gemeente (pseudonymised clients).
    pub async fn uitkeringen(&self, code: GemeenteCode) -> Result<Vec<Uitkering>, StoreError> {
        if let Some(pad) = self.sqlite_pad.clone() {
            return tokio::task::spawn_blocking(move || crate::snel::uitkeringen(&pad, code))
                .await
                .map_err(|e| StoreError::Lezen(e.to_string()))?;
        }
        self.uitkeringen_sqlx(code).await
    }

    /// [`Store::uitkeringen`] through sqlx (PostgreSQL, SQLite in memory).
    pub(crate) async fn uitkeringen_sqlx(&self, code: GemeenteCode) -> Result<Vec<Uitkering>, StoreError> {
        let rows = sqlx::query(
            "SELECT client, regeling, startdatum, einddatum, reden_einde, geboortedatum, huishouden FROM uitkeringen WHERE gemeente = $1 ORDER BY startdatum, client",
        )
        .bind(code.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(|r: AnyRow| uitkering(code, &r, 0)).collect()
    }

    /// Every stored spell of every gemeente, streamed from the database into
    /// `f` (in no particular order), so a national table is never held in
    /// memory at once. Returns the number of spells. From a SQLite file the
    /// rows come through rusqlite (`snel.rs`), else through sqlx.
    pub async fn alle_uitkeringen(&self, f: &mut (dyn FnMut(Uitkering) + Send)) -> Result<u64, StoreError> {
        match self.sqlite_pad.clone() {
            Some(pad) => crate::snel::alle(pad, f).await,
            None => self.alle_uitkeringen_sqlx(f).await,
        }
    }

    /// [`Store::alle_uitkeringen`] through sqlx (PostgreSQL, SQLite in memory).
    pub(crate) async fn alle_uitkeringen_sqlx(&self, f: &mut (dyn FnMut(Uitkering) + Send)) -> Result<u64, StoreError> {
        use futures_util::TryStreamExt;
        let mut rows = sqlx::query(
            "SELECT gemeente, client, regeling, startdatum, einddatum, reden_einde, geboortedatum, huishouden FROM uitkeringen ORDER BY gemeente",
        )
        .fetch(self.pool());
        let mut n = 0;
        let mut last: Option<(String, GemeenteCode)> = None;
        while let Some(r) = rows.try_next().await? {
            let g: String = r.get(0);
            let code = match &last {
                Some((t, c)) if *t == g => *c,
                _ => {
                    let c: GemeenteCode = parse_col("uitkeringen.gemeente", &g)?;
                    last = Some((g, c));
                    c
                }
            };
            f(uitkering(code, &r, 1)?);
            n += 1;
        }
        Ok(n)
    }

    /// Inhabitants of every gemeente and year the store knows.
    pub async fn alle_inwoners(&self) -> Result<Vec<Inwoners>, StoreError> {
        let rows: Vec<(String, i64, i64)> =
            sqlx::query_as("SELECT gemeente, jaar, aantal FROM inwoners ORDER BY gemeente, jaar").fetch_all(self.pool()).await?;
        rows.into_iter()
            .map(|(g, j, a)| Ok(Inwoners { gemeente: parse_col("inwoners.gemeente", &g)?, jaar: Year::new(j as i32), aantal: a as u64 }))
            .collect()
    }

    /// The values of imported comparison series `reeks` for area `gebied`
    /// (`GM0150` or `NL01`), by period label.
    pub async fn vergelijkreeks(&self, reeks: &str, gebied: &Gebied) -> Result<Vec<Vergelijkingswaarde>, StoreError> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT periode, waarde FROM vergelijkreeksen WHERE reeks = $1 AND gebied = $2 ORDER BY periode")
                .bind(reeks.to_string())
                .bind(gebied.to_string())
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .into_iter()
            .map(|(periode, waarde)| Vergelijkingswaarde { reeks: reeks.to_string(), gebied: *gebied, periode, waarde: waarde as u64 })
            .collect())
    }

    /// A number that changes whenever an import stores, replaces or skips a
    /// file, or a herstel undoes one: the web app's cache of computed views
    /// keys on it. An import still staging does not change it.
    pub async fn data_versie(&self) -> Result<i64, StoreError> {
        let (max, n, teller): (i64, i64, i64) = sqlx::query_as(&format!(
            "SELECT COALESCE(MAX(id), 0), COUNT(*), (SELECT COALESCE(MAX(teller), 0) FROM data_teller) FROM import_historie WHERE status IN {}",
            crate::import::ZICHTBAAR
        ))
        .fetch_one(self.pool())
        .await?;
        // Equality is all the cache asks: the counter of other changes is mixed in.
        Ok((max * 1_000_003 + n) ^ teller.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as i64))
    }

    /// A version of the spells and inhabitants alone: views over every
    /// gemeente's caseload (the comparison, Nederland in the documents) stay
    /// valid across imports of realisation or budgets and the user's yearly
    /// figures, which do not touch them.
    pub async fn uitkeringen_versie(&self) -> Result<i64, StoreError> {
        let (max, n): (i64, i64) = sqlx::query_as(&format!(
            "SELECT COALESCE(MAX(id), 0), COUNT(*) FROM import_historie WHERE soort NOT IN ('realisatie', 'budget') AND status IN {}",
            crate::import::ZICHTBAAR
        ))
        .fetch_one(self.pool())
        .await?;
        Ok(max * 1_000_003 + n)
    }

    /// The names of the imported comparison series.
    pub async fn vergelijkreeksen(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT DISTINCT reeks FROM vergelijkreeksen ORDER BY reeks").fetch_all(self.pool()).await?)
    }

    /// Number of stored spells per gemeente (all gemeenten with any).
    pub async fn aantal_uitkeringen(&self) -> Result<Vec<(GemeenteCode, i64)>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as("SELECT gemeente, rijen FROM uitkeringen_actief WHERE rijen > 0 ORDER BY gemeente")
            .fetch_all(self.pool())
            .await?;
        rows.into_iter().map(|(g, n)| Ok((parse_col("uitkeringen.gemeente", &g)?, n))).collect()
    }

    /// Yearly figures (realisation and prognoses) of a gemeente, by year.
    pub async fn jaarcijfers(&self, code: GemeenteCode) -> Result<Vec<Jaarcijfer>, StoreError> {
        let rows = sqlx::query(
            "SELECT jaar, stadium, lasten_cent, budget_cent, tekort_cent, tekort_percentage, status, bron, opmerking, budget_zonder_art7_cent FROM jaarcijfers WHERE gemeente = $1 ORDER BY jaar, stadium",
        )
        .bind(code.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(Jaarcijfer {
                    jaar: Year::new(r.get::<i64, _>(0) as i32),
                    stadium: parse_col("jaarcijfers.stadium", &r.get::<String, _>(1))?,
                    lasten: r.get::<Option<i64>, _>(2).map(Money::from_cents),
                    budget: r.get::<Option<i64>, _>(3).map(Money::from_cents),
                    tekort: r.get::<Option<i64>, _>(4).map(Money::from_cents),
                    tekort_percentage: r.get::<Option<String>, _>(5).map(|p| parse_col("jaarcijfers.tekort_percentage", &p)).transpose()?,
                    status: r.get(6),
                    bron: r.get(7),
                    opmerking: r.get(8),
                    budget_zonder_art7: r.get::<Option<i64>, _>(9).map(Money::from_cents),
                })
            })
            .collect()
    }

    /// The import history, newest first: imports that stored or changed
    /// something, files seen again, and herstellen (not imports that were
    /// refused, killed, or are running or awaiting confirmation).
    pub async fn historie(&self) -> Result<Vec<HistorieRij>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT id, soort, bestand, gemeenten, periode, rijen, status, vervangt, tijdstip FROM import_historie WHERE status IN {} ORDER BY id DESC",
            crate::import::ZICHTBAAR
        ))
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| HistorieRij {
                id: r.get(0),
                soort: r.get(1),
                bestand: r.get(2),
                gemeenten: r.get(3),
                periode: r.get(4),
                rijen: r.get(5),
                status: r.get(6),
                vervangt: r.get(7),
                tijdstip: r.get(8),
            })
            .collect())
    }
}

/// A spell from the columns client, regeling, startdatum, einddatum,
/// reden_einde, geboortedatum, huishouden starting at column `at`.
fn uitkering(gemeente: GemeenteCode, r: &AnyRow, at: usize) -> Result<Uitkering, StoreError> {
    Ok(Uitkering {
        gemeente,
        client: ClientPseudoniem(r.get(at)),
        regeling: parse_col("uitkeringen.regeling", &r.get::<String, _>(at + 1))?,
        startdatum: parse_col("uitkeringen.startdatum", &r.get::<String, _>(at + 2))?,
        einddatum: opt_date("uitkeringen.einddatum", r.get(at + 3))?,
        reden_einde: r.get(at + 4),
        geboortedatum: opt_date("uitkeringen.geboortedatum", r.get(at + 5))?,
        huishouden: r.get(at + 6),
    })
}

fn gemeente_rij(r: AnyRow) -> Result<GemeenteRij, StoreError> {
    Ok(GemeenteRij {
        code: parse_col("gemeenten.code", &r.get::<String, _>(0))?,
        naam: r.get(1),
        geldig_van: Year::new(r.get::<i64, _>(2) as i32),
        geldig_tot: r.get::<Option<i64>, _>(3).map(|y| Year::new(y as i32)),
        opgegaan_in: r.get::<Option<String>, _>(4).map(|c| parse_col("gemeenten.opgegaan_in", &c)).transpose()?,
        opheffingsdatum: opt_date("gemeenten.opheffingsdatum", r.get(5))?,
    })
}
