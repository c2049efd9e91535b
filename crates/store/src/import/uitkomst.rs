// SPDX-License-Identifier: EUPL-1.2
//! What an import reports: its outcome (stored or unchanged), the result
//! with the rows, gemeenten and period it covered, and why it stored
//! nothing.

use buig_core::GemeenteCode;
use buig_import::{ImportError, Soort};

use crate::StoreError;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Uitkomst {
    /// Stored; `vervangt` lists the ids of earlier imports it replaced.
    Opgeslagen { vervangt: Vec<i64> },
    /// The same file was imported before (id): nothing changed.
    Ongewijzigd { eerder: i64 },
}

/// The result of a successful import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportResultaat {
    pub id: i64,
    pub soort: Soort,
    pub bestand: String,
    pub rijen: u64,
    pub gemeenten: Vec<GemeenteCode>,
    pub periode: Option<String>,
    pub uitkomst: Uitkomst,
}

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportFout {
    /// The file could not be read, or has bad rows (row-precise).
    #[error("{0}")]
    Invoerbestand(#[from] ImportError),
    /// Codes that are no gemeente of 2015–2026 (nor a demo gemeente).
    #[error("{bestand}: onbekende gemeentecode(s) {codes}: niet in de gemeentelijst 2015–2026; er is niets opgeslagen")]
    OnbekendeGemeente { bestand: String, codes: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportFout {
    fn from(e: sqlx::Error) -> ImportFout {
        ImportFout::Store(StoreError::Sql(e))
    }
}
