// SPDX-License-Identifier: EUPL-1.2
//! Storing aanvalsplannen (migration 0004): a plan is saved in one
//! transaction — plan row, lines and actions all or nothing — and read back
//! as a `buig_plan::Plan`; status updates are upserted per action and quarter.

use buig_core::{GemeenteCode, Money};
use buig_plan::{Actie, Actielijn, Evaluatie, Plan, Planstand, Risico, Statusupdate};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::import::now_utc;
use crate::{parse_col, Store, StoreError};

/// Errors of plan storage, in Dutch.
#[derive(Debug, thiserror::Error)]
pub enum PlanOpslagFout {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("er is geen aanvalsplan opgeslagen voor {0}; laad er een met `buig plan import` of `buig plan laad-voorbeeld`")]
    GeenPlan(GemeenteCode),
    #[error("voor {gemeente} zijn meerdere plannen opgeslagen ({titels}); kies er een met --titel")]
    Meerdere { gemeente: GemeenteCode, titels: String },
    #[error("actie {code} staat niet in \"{titel}\"; bekende acties: {bekend}")]
    OnbekendeActie { code: String, titel: String, bekend: String },
    /// The record breaks a rule of the plan model (`controleer`).
    #[error(transparent)]
    Ongeldig(#[from] buig_plan::VeldFout),
}

impl From<sqlx::Error> for PlanOpslagFout {
    fn from(e: sqlx::Error) -> Self {
        PlanOpslagFout::Store(StoreError::Sql(e))
    }
}

fn opt_money(m: Option<Money>) -> Option<i64> {
    m.map(Money::cents)
}

fn opt_parse<T: std::str::FromStr>(veld: &str, s: Option<String>) -> Result<Option<T>, StoreError>
where
    T::Err: std::fmt::Display,
{
    s.map(|s| parse_col::<T>(veld, &s)).transpose()
}

impl Store {
    /// Saves a plan atomically: replaces the lines and actions of the plan
    /// with the same gemeente and title, keeps the status updates and
    /// evaluations of actions that remain and drops those of actions that
    /// are gone. The governance text and the risks are replaced only when the
    /// plan brings them (a CSV of actions alone keeps what was stored).
    pub async fn bewaar_plan(&self, plan: &Plan) -> Result<(), StoreError> {
        let g = plan.gemeente.to_string();
        let mut tx = self.pool().begin().await?;
        sqlx::query(
            "INSERT INTO aanvalsplannen (gemeente, titel, van, tot, doel_uitkeringen, doel_euro, nulmeting, bron, opgeslagen, sturing)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (gemeente, titel) DO UPDATE SET van = excluded.van, tot = excluded.tot,
               doel_uitkeringen = excluded.doel_uitkeringen, doel_euro = excluded.doel_euro,
               nulmeting = excluded.nulmeting, bron = excluded.bron, opgeslagen = excluded.opgeslagen,
               sturing = COALESCE(excluded.sturing, aanvalsplannen.sturing)",
        )
        .bind(g.clone())
        .bind(plan.titel.clone())
        .bind(plan.van.map(|d| d.to_string()))
        .bind(plan.tot.map(|d| d.to_string()))
        .bind(plan.doel_uitkeringen)
        .bind(opt_money(plan.doel_euro))
        .bind(plan.nulmeting.map(|d| d.to_string()))
        .bind(plan.bron.clone())
        .bind(now_utc())
        .bind(plan.sturing.clone())
        .execute(&mut *tx)
        .await?;
        let mut tabellen = vec!["plan_actielijnen", "plan_acties"];
        if !plan.risicos.is_empty() {
            tabellen.push("plan_risicos");
        }
        for tabel in tabellen {
            sqlx::query(&format!("DELETE FROM {tabel} WHERE gemeente = $1 AND titel = $2"))
                .bind(g.clone())
                .bind(plan.titel.clone())
                .execute(&mut *tx)
                .await?;
        }
        for l in &plan.actielijnen {
            sqlx::query("INSERT INTO plan_actielijnen (gemeente, titel, nummer, naam) VALUES ($1, $2, $3, $4)")
                .bind(g.clone())
                .bind(plan.titel.clone())
                .bind(i64::from(l.nummer))
                .bind(l.naam.clone())
                .execute(&mut *tx)
                .await?;
        }
        for (i, a) in plan.acties.iter().enumerate() {
            sqlx::query(
                "INSERT INTO plan_acties (gemeente, titel, code, lijn, actie_titel, doelstelling, eenheid, doelwaarde, trekker, planning,
                   start_kwartaal, eind_kwartaal, budget, soort, effect_uitkeringen, effect_euro, volgorde, startwaarde)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
            )
            .bind(g.clone())
            .bind(plan.titel.clone())
            .bind(a.code.clone())
            .bind(i64::from(a.lijn))
            .bind(a.titel.clone())
            .bind(a.doelstelling.clone())
            .bind(a.eenheid.clone())
            .bind(a.doelwaarde.map(|d| d.to_string()))
            .bind(a.trekker.clone())
            .bind(a.planning.clone())
            .bind(a.start.map(|k| k.to_string()))
            .bind(a.eind.map(|k| k.to_string()))
            .bind(opt_money(a.budget))
            .bind(a.soort.map(|s| s.code().to_string()))
            .bind(a.effect_uitkeringen)
            .bind(opt_money(a.effect_euro))
            .bind(i as i64)
            .bind(a.startwaarde.map(|d| d.to_string()))
            .execute(&mut *tx)
            .await?;
        }
        for r in &plan.risicos {
            insert_risico(&mut tx, &g, &plan.titel, r).await?;
        }
        for tabel in ["plan_status", "plan_evaluaties"] {
            sqlx::query(&format!(
                "DELETE FROM {tabel} WHERE gemeente = $1 AND titel = $2
                   AND code NOT IN (SELECT code FROM plan_acties WHERE gemeente = $1 AND titel = $2)"
            ))
            .bind(g.clone())
            .bind(plan.titel.clone())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The titles of the plans of a gemeente, newest period first.
    pub async fn plan_titels(&self, gemeente: GemeenteCode) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query("SELECT titel FROM aanvalsplannen WHERE gemeente = $1 ORDER BY van DESC, titel")
            .bind(gemeente.to_string())
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| r.get::<String, _>(0))
            .collect())
    }

    /// The title to use: `titel` when given (and stored), else the only plan.
    pub async fn kies_plan(&self, gemeente: GemeenteCode, titel: Option<&str>) -> Result<String, PlanOpslagFout> {
        let titels = self.plan_titels(gemeente).await?;
        match titel {
            Some(t) if titels.iter().any(|x| x == t) => Ok(t.to_string()),
            Some(_) => Err(PlanOpslagFout::GeenPlan(gemeente)),
            None => match titels.as_slice() {
                [] => Err(PlanOpslagFout::GeenPlan(gemeente)),
                [t] => Ok(t.clone()),
                _ => Err(PlanOpslagFout::Meerdere { gemeente, titels: titels.join("; ") }),
            },
        }
    }

    /// A stored plan with its lines and actions in plan order.
    pub async fn plan(&self, gemeente: GemeenteCode, titel: &str) -> Result<Option<Plan>, StoreError> {
        let g = gemeente.to_string();
        let Some(r) = sqlx::query(
            "SELECT van, tot, doel_uitkeringen, doel_euro, nulmeting, bron, sturing FROM aanvalsplannen WHERE gemeente = $1 AND titel = $2",
        )
        .bind(g.clone())
        .bind(titel)
        .fetch_optional(self.pool())
        .await?
        else {
            return Ok(None);
        };
        let actielijnen = sqlx::query("SELECT nummer, naam FROM plan_actielijnen WHERE gemeente = $1 AND titel = $2 ORDER BY nummer")
            .bind(g.clone())
            .bind(titel)
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| Actielijn { nummer: r.get::<i64, _>(0) as u8, naam: r.get(1) })
            .collect();
        let rows = sqlx::query(
            "SELECT code, lijn, actie_titel, doelstelling, eenheid, doelwaarde, trekker, planning, start_kwartaal, eind_kwartaal,
                    budget, soort, effect_uitkeringen, effect_euro, startwaarde
             FROM plan_acties WHERE gemeente = $1 AND titel = $2 ORDER BY volgorde",
        )
        .bind(g)
        .bind(titel)
        .fetch_all(self.pool())
        .await?;
        let risicos = self.plan_risicos(gemeente, titel).await?;
        let acties = rows
            .into_iter()
            .map(|r: AnyRow| -> Result<Actie, StoreError> {
                Ok(Actie {
                    code: r.get(0),
                    lijn: r.get::<i64, _>(1) as u8,
                    titel: r.get(2),
                    doelstelling: r.get(3),
                    eenheid: r.get(4),
                    doelwaarde: opt_parse("doelwaarde", r.get(5))?,
                    startwaarde: opt_parse("startwaarde", r.get(14))?,
                    trekker: r.get(6),
                    planning: r.get(7),
                    start: opt_parse("start_kwartaal", r.get(8))?,
                    eind: opt_parse("eind_kwartaal", r.get(9))?,
                    budget: r.get::<Option<i64>, _>(10).map(Money::from_cents),
                    soort: opt_parse("soort", r.get(11))?,
                    effect_uitkeringen: r.get(12),
                    effect_euro: r.get::<Option<i64>, _>(13).map(Money::from_cents),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(Plan {
            gemeente,
            titel: titel.to_string(),
            van: opt_parse("van", r.get(0))?,
            tot: opt_parse("tot", r.get(1))?,
            doel_uitkeringen: r.get(2),
            doel_euro: r.get::<Option<i64>, _>(3).map(Money::from_cents),
            nulmeting: opt_parse("nulmeting", r.get(4))?,
            bron: r.get(5),
            sturing: r.get(6),
            actielijnen,
            acties,
            risicos,
        }))
    }

    /// A stored plan with its statuses and evaluations; `None` when there is no such plan.
    pub async fn planstand(&self, gemeente: GemeenteCode, titel: &str) -> Result<Option<Planstand>, StoreError> {
        let Some(plan) = self.plan(gemeente, titel).await? else { return Ok(None) };
        Ok(Some(Planstand {
            plan,
            statussen: self.plan_statussen(gemeente, titel).await?,
            evaluaties: self.plan_evaluaties(gemeente, titel).await?,
        }))
    }

    /// Records the status of an action in a quarter (a second update for
    /// the same quarter replaces the first). The action must be in the plan.
    pub async fn voeg_status_toe(&self, gemeente: GemeenteCode, titel: &str, u: &Statusupdate) -> Result<(), PlanOpslagFout> {
        u.controleer()?;
        let g = gemeente.to_string();
        let code = self.bekende_actie(gemeente, titel, &u.actie).await?;
        sqlx::query(
            "INSERT INTO plan_status (gemeente, titel, code, kwartaal, status, gerealiseerd, notitie, vastgelegd, kosten)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (gemeente, titel, code, kwartaal) DO UPDATE SET status = excluded.status,
               gerealiseerd = excluded.gerealiseerd, notitie = excluded.notitie, vastgelegd = excluded.vastgelegd,
               kosten = excluded.kosten",
        )
        .bind(g)
        .bind(titel)
        .bind(code)
        .bind(u.kwartaal.to_string())
        .bind(u.status.code())
        .bind(u.gerealiseerd.map(|d| d.to_string()))
        .bind(u.notitie.clone())
        .bind(now_utc())
        .bind(opt_money(u.kosten))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The action's code as stored (upper case) when the plan has it.
    async fn bekende_actie(&self, gemeente: GemeenteCode, titel: &str, actie: &str) -> Result<String, PlanOpslagFout> {
        let code = actie.trim().to_uppercase();
        let codes: Vec<String> = sqlx::query("SELECT code FROM plan_acties WHERE gemeente = $1 AND titel = $2 ORDER BY volgorde")
            .bind(gemeente.to_string())
            .bind(titel)
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| r.get::<String, _>(0))
            .collect();
        if codes.is_empty() {
            return Err(PlanOpslagFout::GeenPlan(gemeente));
        }
        if !codes.contains(&code) {
            return Err(PlanOpslagFout::OnbekendeActie { code, titel: titel.into(), bekend: codes.join(", ") });
        }
        Ok(code)
    }

    /// Records an evaluation of an action (a second one on the same day replaces the first).
    pub async fn voeg_evaluatie_toe(&self, gemeente: GemeenteCode, titel: &str, e: &Evaluatie) -> Result<(), PlanOpslagFout> {
        e.controleer()?;
        let code = self.bekende_actie(gemeente, titel, &e.actie).await?;
        sqlx::query(
            "INSERT INTO plan_evaluaties (gemeente, titel, code, datum, oordeel, toelichting, vastgelegd)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (gemeente, titel, code, datum) DO UPDATE SET oordeel = excluded.oordeel,
               toelichting = excluded.toelichting, vastgelegd = excluded.vastgelegd",
        )
        .bind(gemeente.to_string())
        .bind(titel)
        .bind(code)
        .bind(e.datum.to_string())
        .bind(e.oordeel.code())
        .bind(e.toelichting.clone())
        .bind(now_utc())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Every evaluation of a plan, by action and date.
    pub async fn plan_evaluaties(&self, gemeente: GemeenteCode, titel: &str) -> Result<Vec<Evaluatie>, StoreError> {
        sqlx::query("SELECT code, datum, oordeel, toelichting FROM plan_evaluaties WHERE gemeente = $1 AND titel = $2 ORDER BY code, datum")
            .bind(gemeente.to_string())
            .bind(titel)
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| {
                Ok(Evaluatie {
                    actie: r.get(0),
                    datum: parse_col("datum", &r.get::<String, _>(1))?,
                    oordeel: parse_col("oordeel", &r.get::<String, _>(2))?,
                    toelichting: r.get(3),
                })
            })
            .collect()
    }

    /// Adds a risk at the end of the plan's list (its number is returned),
    /// or replaces risk `r.nummer` when that number exists.
    pub async fn bewaar_risico(&self, gemeente: GemeenteCode, titel: &str, r: &Risico) -> Result<u32, PlanOpslagFout> {
        r.controleer()?;
        if self.plan_titels(gemeente).await?.iter().all(|t| t != titel) {
            return Err(PlanOpslagFout::GeenPlan(gemeente));
        }
        let g = gemeente.to_string();
        let mut tx = self.pool().begin().await?;
        let nummer = if r.nummer == 0 {
            let max: Option<i64> = sqlx::query("SELECT MAX(nummer) FROM plan_risicos WHERE gemeente = $1 AND titel = $2")
                .bind(g.clone())
                .bind(titel)
                .fetch_one(&mut *tx)
                .await?
                .get(0);
            max.unwrap_or(0) as u32 + 1
        } else {
            r.nummer
        };
        sqlx::query("DELETE FROM plan_risicos WHERE gemeente = $1 AND titel = $2 AND nummer = $3")
            .bind(g.clone())
            .bind(titel)
            .bind(i64::from(nummer))
            .execute(&mut *tx)
            .await?;
        insert_risico(&mut tx, &g, titel, &Risico { nummer, ..r.clone() }).await?;
        tx.commit().await?;
        Ok(nummer)
    }

    /// Removes risk `nummer`; `false` when the plan has no such risk.
    pub async fn verwijder_risico(&self, gemeente: GemeenteCode, titel: &str, nummer: u32) -> Result<bool, StoreError> {
        let n = sqlx::query("DELETE FROM plan_risicos WHERE gemeente = $1 AND titel = $2 AND nummer = $3")
            .bind(gemeente.to_string())
            .bind(titel)
            .bind(i64::from(nummer))
            .execute(self.pool())
            .await?
            .rows_affected();
        Ok(n > 0)
    }

    /// The plan's risks in number order.
    pub async fn plan_risicos(&self, gemeente: GemeenteCode, titel: &str) -> Result<Vec<Risico>, StoreError> {
        sqlx::query(
            "SELECT nummer, risico, beheersmaatregel, eigenaar, kans, impact FROM plan_risicos
             WHERE gemeente = $1 AND titel = $2 ORDER BY nummer",
        )
        .bind(gemeente.to_string())
        .bind(titel)
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .map(|r: AnyRow| {
            Ok(Risico {
                nummer: r.get::<i64, _>(0) as u32,
                risico: r.get(1),
                beheersmaatregel: r.get(2),
                eigenaar: r.get(3),
                kans: opt_parse("kans", r.get(4))?,
                impact: opt_parse("impact", r.get(5))?,
            })
        })
        .collect()
    }

    /// Every status update of a plan, by action and quarter.
    pub async fn plan_statussen(&self, gemeente: GemeenteCode, titel: &str) -> Result<Vec<Statusupdate>, StoreError> {
        sqlx::query(
            "SELECT code, kwartaal, status, gerealiseerd, notitie, kosten FROM plan_status
             WHERE gemeente = $1 AND titel = $2 ORDER BY code, kwartaal",
        )
        .bind(gemeente.to_string())
        .bind(titel)
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .map(|r: AnyRow| {
            Ok(Statusupdate {
                actie: r.get(0),
                kwartaal: parse_col("kwartaal", &r.get::<String, _>(1))?,
                status: parse_col("status", &r.get::<String, _>(2))?,
                gerealiseerd: opt_parse("gerealiseerd", r.get(3))?,
                kosten: r.get::<Option<i64>, _>(5).map(Money::from_cents),
                notitie: r.get(4),
            })
        })
        .collect()
    }
}

async fn insert_risico(tx: &mut sqlx::Transaction<'_, sqlx::Any>, g: &str, titel: &str, r: &Risico) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO plan_risicos (gemeente, titel, nummer, risico, beheersmaatregel, eigenaar, kans, impact)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(g.to_string())
    .bind(titel.to_string())
    .bind(i64::from(r.nummer))
    .bind(r.risico.clone())
    .bind(r.beheersmaatregel.clone())
    .bind(r.eigenaar.clone())
    .bind(r.kans.map(|k| k.code().to_string()))
    .bind(r.impact.map(|k| k.code().to_string()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Links plan `titel` to the vangnet years it supports (replacing its
    /// earlier link; empty: none), audited in the same transaction.
    pub async fn koppel_plan(&self, gemeente: GemeenteCode, titel: &str, jaren: &[i32], wie: Option<&str>) -> Result<(), PlanOpslagFout> {
        let mut jaren = jaren.to_vec();
        jaren.sort_unstable();
        jaren.dedup();
        let tekst = jaren.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
        let mut tx = self.schrijf_transactie().await.map_err(StoreError::from)?;
        let n = sqlx::query("UPDATE aanvalsplannen SET vangnet_jaren = $1 WHERE gemeente = $2 AND titel = $3")
            .bind((!tekst.is_empty()).then_some(tekst.clone()))
            .bind(gemeente.to_string())
            .bind(titel.to_string())
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?
            .rows_affected();
        if n == 0 {
            return Err(PlanOpslagFout::GeenPlan(gemeente));
        }
        let details = if jaren.is_empty() {
            format!("{titel}: niet meer gekoppeld aan een vangnetjaar")
        } else {
            format!("{titel} gekoppeld aan vangnetjaar {}", tekst.replace(',', ", "))
        };
        crate::gebruikers::audit_in(&mut tx, wie, "plan.gekoppeld", Some(&gemeente), &details).await?;
        crate::verleend::bump(&mut tx).await.map_err(StoreError::from)?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Per plan title the vangnet years it is linked to (empty: none).
    pub async fn plan_koppelingen(&self, gemeente: GemeenteCode) -> Result<Vec<(String, Vec<i32>)>, StoreError> {
        Ok(sqlx::query("SELECT titel, vangnet_jaren FROM aanvalsplannen WHERE gemeente = $1 ORDER BY van DESC, titel")
            .bind(gemeente.to_string())
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| {
                let jaren = r.get::<Option<String>, _>(1).unwrap_or_default().split(',').filter_map(|j| j.trim().parse().ok()).collect();
                (r.get::<String, _>(0), jaren)
            })
            .collect())
    }
}

impl Store {
    /// Sets whether action `actie` of plan `titel` is an internal or external measure (`None`: unknown), audited.
    pub async fn zet_actie_soort(
        &self,
        gemeente: GemeenteCode,
        titel: &str,
        actie: &str,
        soort: Option<buig_plan::Soort>,
        wie: Option<&str>,
    ) -> Result<(), PlanOpslagFout> {
        let mut tx = self.schrijf_transactie().await.map_err(StoreError::from)?;
        let n = sqlx::query("UPDATE plan_acties SET soort = $1 WHERE gemeente = $2 AND titel = $3 AND code = $4")
            .bind(soort.map(|s| s.code().to_string()))
            .bind(gemeente.to_string())
            .bind(titel.to_string())
            .bind(actie.to_string())
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?
            .rows_affected();
        if n == 0 {
            return Err(PlanOpslagFout::OnbekendeActie { code: actie.to_string(), titel: titel.to_string(), bekend: String::new() });
        }
        let wat = soort.map_or("onbekend", |s| s.code());
        crate::gebruikers::audit_in(&mut tx, wie, "plan.soort", Some(&gemeente), &format!("{titel}, actie {actie}: soort {wat}")).await?;
        crate::verleend::bump(&mut tx).await.map_err(StoreError::from)?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }
}
