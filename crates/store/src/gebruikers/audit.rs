// SPDX-License-Identifier: EUPL-1.2
//! The audit log: one line per change a user makes, from the web app
//! with the user's name and from the command line without one.

use buig_core::GemeenteCode;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::beheer::POGINGEN;
use crate::import::now_utc;
use crate::{Store, StoreError};

/// Every action the code writes to the audit log, with what it means in
/// words for the pages (`import.geweigerd` → "Import geweigerd").
pub const ACTIES: &[(&str, &str)] = &[
    ("inloggen", "Ingelogd"),
    ("inloggen.mislukt", "Inloggen mislukt"),
    ("uitloggen", "Uitgelogd"),
    ("gebruiker.toevoegen", "Gebruiker toegevoegd"),
    ("gebruiker.rol-toekennen", "Rol toegekend"),
    ("gebruiker.rol-intrekken", "Rol ingetrokken"),
    ("gebruiker.wachtwoord-wijzigen", "Wachtwoord gewijzigd"),
    ("gebruiker.verwijderen", "Gebruiker verwijderd"),
    ("gebruiker.token-maken", "API-sleutel gemaakt"),
    ("import", "Bestand geïmporteerd"),
    ("import.geweigerd", "Import geweigerd"),
    ("import.geannuleerd", "Import geannuleerd"),
    ("import.herstel", "Import hersteld"),
    ("jaarcijfer", "Jaarcijfers opgeslagen"),
    ("vangnet.verleend", "Verleende vangnetuitkering vastgelegd"),
    ("plan.import", "Aanvalsplan ingelezen"),
    ("plan.status", "Status van een actie opgeslagen"),
    ("plan.evaluatie", "Evaluatie van een actie opgeslagen"),
    ("plan.risico", "Risico's van het plan gewijzigd"),
    ("plan.gekoppeld", "Plan aan vangnetjaren gekoppeld"),
    ("plan.soort", "Soort van een actie opgeslagen"),
    ("prognose.vastgelegd", "Prognose vastgelegd als rapportage"),
    ("toelichting.opgeslagen", "Toelichting voor de raad opgeslagen"),
    ("briefhoofd", "Briefhoofd van de documenten opgeslagen"),
    ("agenda.toegevoegd", "Datum aan de agenda toegevoegd"),
    ("agenda.verwijderd", "Datum uit de agenda verwijderd"),
    ("agenda.token", "Agenda-abonnement gemaakt"),
    ("agenda.token.ingetrokken", "Agenda-abonnementen ingetrokken"),
];

/// An audit action in words; an action this version does not know is "Andere wijziging".
pub fn actie_in_woorden(actie: &str) -> &'static str {
    ACTIES.iter().find(|(a, _)| *a == actie).map_or("Andere wijziging", |(_, w)| w)
}

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
            let r = regel(gebruiker, actie, gemeente, details).execute(self.pool()).await?;
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

/// The INSERT of one audit line, with the next free id (retried by the
/// caller when another writer took that id first).
fn regel<'q>(
    gebruiker: Option<&str>,
    actie: &str,
    gemeente: Option<&GemeenteCode>,
    details: &str,
) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
    sqlx::query(
        "INSERT INTO auditlog (id, tijd, gebruiker, actie, gemeente, details)
         SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5 FROM auditlog WHERE 1 = 1
         ON CONFLICT DO NOTHING",
    )
    .bind(now_utc())
    .bind(gebruiker.map(str::to_string))
    .bind(actie.to_string())
    .bind(gemeente.map(|g| g.to_string()))
    .bind(details.to_string())
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
        let r = regel(gebruiker, actie, gemeente, details).execute(&mut **tx).await?;
        if r.rows_affected() == 1 {
            return Ok(());
        }
    }
    Err(StoreError::Data { veld: "auditlog.id".into(), melding: "geen vrij id gevonden".into() })
}

#[cfg(test)]
mod tests {
    use super::{actie_in_woorden, ACTIES};
    use std::path::Path;

    /// The string literals passed as the action to `audit(…)`/`audit_in(…)` in a source text.
    fn geschreven_acties(tekst: &str) -> Vec<String> {
        let mut uit = Vec::new();
        for regel in tekst.lines() {
            for (i, _) in regel.match_indices("audit(").chain(regel.match_indices("audit_in(")) {
                let rest = &regel[i..];
                let Some(open) = rest.find('"') else { continue };
                let Some(dicht) = rest[open + 1..].find('"') else { continue };
                let woord = &rest[open + 1..open + 1 + dicht];
                if !woord.is_empty() && woord.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '-') {
                    uit.push(woord.to_string());
                }
            }
        }
        uit
    }

    fn bronnen(map: &Path, uit: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(map).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                bronnen(&p, uit);
            } else if p.extension().is_some_and(|x| x == "rs") {
                uit.push(p);
            }
        }
    }

    #[test]
    fn every_action_the_code_writes_has_words() {
        let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut paden = Vec::new();
        for krat in std::fs::read_dir(&crates).unwrap().flatten() {
            let src = krat.path().join("src");
            if src.is_dir() {
                bronnen(&src, &mut paden);
            }
        }
        let mut gevonden = std::collections::BTreeSet::new();
        for p in &paden {
            gevonden.extend(geschreven_acties(&std::fs::read_to_string(p).unwrap()));
        }
        // The scan must find the actions of the web app, the command line and the store.
        for a in ["inloggen", "gebruiker.toevoegen", "import.geweigerd", "import.herstel", "plan.status", "jaarcijfer"] {
            assert!(gevonden.contains(a), "the scan did not find {a}: {gevonden:?}");
        }
        for a in &gevonden {
            assert_ne!(actie_in_woorden(a), "Andere wijziging", "audit action {a} has no words in ACTIES");
        }
        for (a, _) in ACTIES {
            assert!(gevonden.contains(*a), "ACTIES names {a}, which no code writes any more");
        }
    }

    #[test]
    fn an_unknown_action_is_another_change() {
        assert_eq!(actie_in_woorden("import"), "Bestand geïmporteerd");
        assert_eq!(actie_in_woorden("iets.nieuws"), "Andere wijziging");
    }
}
