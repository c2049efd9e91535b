// SPDX-License-Identifier: EUPL-1.2
//! The audit log: one line per change a user makes, from the web app
//! with the user's name and from the command line without one.

use buig_core::GemeenteCode;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::beheer::POGINGEN;
use crate::import::now_utc;
use crate::{Store, StoreError};

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRegel {
    /// UTC, RFC 3339.
    pub tijd: String,
    /// The acting user; `None` for the command line.
    pub gebruiker: Option<String>,
    pub actie: String,
    pub gemeente: Option<String>,
    pub details: String,
}

impl Store {
    /// Writes one line to the audit log; `gebruiker` `None` is the command line.
    pub async fn audit(
        &self,
        gebruiker: Option<&str>,
        actie: &str,
        gemeente: Option<&GemeenteCode>,
        details: &str,
    ) -> Result<(), StoreError> {
        for _ in 0..POGINGEN {
            let r = sqlx::query(
                "INSERT INTO auditlog (id, tijd, gebruiker, actie, gemeente, details)
                 SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5 FROM auditlog WHERE 1 = 1
                 ON CONFLICT DO NOTHING",
            )
            .bind(now_utc())
            .bind(gebruiker.map(str::to_string))
            .bind(actie.to_string())
            .bind(gemeente.map(|g| g.to_string()))
            .bind(details.to_string())
            .execute(self.pool())
            .await?;
            if r.rows_affected() == 1 {
                return Ok(());
            }
        }
        Err(StoreError::Data { veld: "auditlog.id".into(), melding: "geen vrij id gevonden".into() })
    }

    /// The newest `limiet` lines of the audit log, newest first; with a
    /// gemeente only the lines about that gemeente.
    pub async fn auditlog(&self, gemeente: Option<&GemeenteCode>, limiet: i64) -> Result<Vec<AuditRegel>, StoreError> {
        let limiet = limiet.max(0);
        let q = match gemeente {
            Some(g) => {
                sqlx::query("SELECT tijd, gebruiker, actie, gemeente, details FROM auditlog WHERE gemeente = $1 ORDER BY id DESC LIMIT $2")
                    .bind(g.to_string())
                    .bind(limiet)
            }
            None => sqlx::query("SELECT tijd, gebruiker, actie, gemeente, details FROM auditlog ORDER BY id DESC LIMIT $1").bind(limiet),
        };
        Ok(q.fetch_all(self.pool())
            .await?
            .into_iter()
            .map(|r: AnyRow| AuditRegel { tijd: r.get(0), gebruiker: r.get(1), actie: r.get(2), gemeente: r.get(3), details: r.get(4) })
            .collect())
    }
}

/// Writes one line to the audit log inside `tx`, so a change and its line
/// are stored together or not at all (an import, a herstel).
pub(crate) async fn audit_in(
    tx: &mut Transaction<'static, Any>,
    gebruiker: Option<&str>,
    actie: &str,
    gemeente: Option<&GemeenteCode>,
    details: &str,
) -> Result<(), StoreError> {
    for _ in 0..POGINGEN {
        let r = sqlx::query(
            "INSERT INTO auditlog (id, tijd, gebruiker, actie, gemeente, details)
             SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5 FROM auditlog WHERE 1 = 1
             ON CONFLICT DO NOTHING",
        )
        .bind(now_utc())
        .bind(gebruiker.map(str::to_string))
        .bind(actie.to_string())
        .bind(gemeente.map(|g| g.to_string()))
        .bind(details.to_string())
        .execute(&mut **tx)
        .await?;
        if r.rows_affected() == 1 {
            return Ok(());
        }
    }
    Err(StoreError::Data { veld: "auditlog.id".into(), melding: "geen vrij id gevonden".into() })
}
