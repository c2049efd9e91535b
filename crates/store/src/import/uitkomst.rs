// SPDX-License-Identifier: EUPL-1.2
//! What an import is asked and what it reports: the choices of the caller
//! (who imports, whether a large removal is confirmed), its steps as it
//! runs, its outcome (stored or unchanged), the result with the rows,
//! gemeenten and period it covered, and why it stored nothing.

use buig_core::GemeenteCode;
use buig_import::{ImportError, Soort};

use crate::StoreError;

/// What the caller decides about an import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keuze {
    /// Who imports, for the audit log; `None` is the command line.
    pub gebruiker: Option<String>,
    /// Store even when a gemeente would lose more than half of its stored
    /// spells (the command line's `--vervang`, the web's confirmation).
    pub vervang: bool,
    /// When that is refused, keep the staged rows for a confirmation
    /// ([`crate::Store::bevestig_import`]) instead of clearing them.
    pub bewaar_voor_bevestiging: bool,
}

/// A step of a running import, for the caller to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stap {
    /// Rows read so far (every 100.000).
    Gelezen(u64),
    /// Another import of this database runs; this one waits its turn.
    Wachten,
}

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

/// A gemeente's stored spells now and after an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vervanging {
    pub gemeente: GemeenteCode,
    pub voor: u64,
    pub na: u64,
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
    /// A header and no rows.
    #[error("{bestand}: het bestand heeft alleen een kopregel en geen gegevens; er is niets opgeslagen")]
    Leeg { bestand: String },
    /// A gemeente would keep less than half of its stored spells, and that
    /// was not confirmed. `import`: the staged import awaiting confirmation.
    #[error("{}", meer_dan_de_helft(bestand, gemeenten))]
    MeerDanDeHelftWeg { bestand: String, gemeenten: Vec<Vervanging>, import: Option<i64> },
    /// A herstel or confirmation that cannot be done, and why.
    #[error("{0}")]
    Geweigerd(String),
    #[error("{0}")]
    Store(#[from] StoreError),
}

fn meer_dan_de_helft(bestand: &str, v: &[Vervanging]) -> String {
    let n = |x: u64| buig_core::nl::aantal(x);
    let mut delen: Vec<String> = v.iter().take(5).map(|x| format!("{} van {} naar {}", x.gemeente, n(x.voor), n(x.na))).collect();
    if v.len() > 5 {
        delen.push(format!("{} andere gemeenten", v.len() - 5));
    }
    format!(
        "{bestand}: deze import zou meer dan de helft van de opgeslagen uitkeringen weghalen ({}); er is niets opgeslagen",
        buig_core::nl::opsomming(&delen)
    )
}

impl From<sqlx::Error> for ImportFout {
    fn from(e: sqlx::Error) -> ImportFout {
        ImportFout::Store(StoreError::Sql(e))
    }
}

/// Who imported what, for the audit log.
pub(crate) struct Audit {
    pub(crate) gebruiker: Option<String>,
    pub(crate) soort: Soort,
    /// The file's name without directories (a web upload's temporary folder never shows).
    pub(crate) naam: String,
    pub(crate) gemeente: Option<GemeenteCode>,
}

impl Audit {
    /// The gemeente of the audit line: the import's only gemeente, or the one asked for.
    pub(crate) fn gemeente_van(&self, r: &ImportResultaat) -> Option<GemeenteCode> {
        match r.gemeenten.as_slice() {
            [g] => Some(*g),
            _ => self.gemeente,
        }
    }

    pub(crate) fn gelukt(&self, r: &ImportResultaat) -> String {
        let wat = match &r.uitkomst {
            Uitkomst::Opgeslagen { vervangt } if vervangt.is_empty() => "opgeslagen".to_string(),
            Uitkomst::Opgeslagen { vervangt } => {
                format!("opgeslagen; vervangt import {}", vervangt.iter().map(i64::to_string).collect::<Vec<_>>().join(", "))
            }
            Uitkomst::Ongewijzigd { eerder } => format!("ongewijzigd: dit bestand is al geïmporteerd (import {eerder})"),
        };
        format!("{} {}: {} rijen, {wat} (import {})", self.soort.code(), self.naam, r.rijen, r.id)
    }

    pub(crate) fn geweigerd(&self, e: &ImportFout) -> String {
        let tekst = e.to_string();
        format!("{} {}: {}", self.soort.code(), self.naam, tekst.lines().next().unwrap_or(""))
    }
}
