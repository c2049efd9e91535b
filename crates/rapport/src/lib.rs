// SPDX-License-Identifier: EUPL-1.2
//! Council documents (SPEC §5) as DOCX, HTML and PDF.
//!
//! - [`notitie`]: the "Notitie vangnet t" with its raadsvoorstel, draft
//!   raadsbesluit and appendices.
//! - [`raadsmededeling`]: the "Raadsmededeling budget" — decisions, macro
//!   and share effect, expected result, vangnet outlook, plan progress.
//! - [`monitor`]: the kwartaalmonitor — caseload per quarter, flows, per
//!   1,000 inhabitants, age and duration, costs against budget, vangnet.
//! - [`regio`]: several gemeenten side by side (seed 003): spending, grant
//!   and shortfall per year, the prognosis and vangnet of t, the caseload.
//! - [`gedeeld`]: the blocks and labels the documents share.
//! - [`doc`]: the format-neutral document the renderers share;
//!   [`html`] a standalone, print-ready page; [`docx`] a Word document;
//!   [`pdf`] the DOCX through LibreOffice, where installed.
//!
//! Documents render, they do not compute: each is a folder with a file per
//! section, fed an input (`NotitieInvoer`, `RaadsmededelingInvoer`,
//! `MonitorInvoer`) that the service layer (`buig-dienst`) computes with the
//! same calls as every other view. Text goes through `buig_core::nl`.

pub mod doc;
pub mod docx;
pub mod gedeeld;
pub mod html;
pub mod ical;
pub mod monitor;
pub mod notitie;
pub mod pdf;
pub mod raadsmededeling;
pub mod regio;
pub mod xlsx;

use std::fmt;
use std::str::FromStr;

pub use monitor::{kwartaalmonitor, MonitorInvoer, MonitorVergelijking};
pub use notitie::{notitie, NotitieInvoer};
pub use raadsmededeling::{raadsmededeling, RaadsmededelingInvoer};
pub use regio::{regio, RegioInvoer};

/// The kinds of document `buig rapport` and the web app make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentSoort {
    NotitieVangnet,
    Raadsmededeling,
    Monitor,
    /// Several gemeenten side by side (model: seed 003).
    Regio,
}

impl DocumentSoort {
    pub const ALLE: [DocumentSoort; 4] =
        [DocumentSoort::NotitieVangnet, DocumentSoort::Raadsmededeling, DocumentSoort::Monitor, DocumentSoort::Regio];

    /// The name on the command line and in URLs: `notitie-vangnet`, `raadsmededeling`, `monitor`.
    pub fn code(self) -> &'static str {
        match self {
            DocumentSoort::NotitieVangnet => "notitie-vangnet",
            DocumentSoort::Raadsmededeling => "raadsmededeling",
            DocumentSoort::Monitor => "monitor",
            DocumentSoort::Regio => "regio",
        }
    }

    /// The document's name for a reader.
    pub fn naam(self) -> &'static str {
        match self {
            DocumentSoort::NotitieVangnet => "notitie vangnet",
            DocumentSoort::Raadsmededeling => "raadsmededeling budget",
            DocumentSoort::Monitor => "kwartaalmonitor",
            DocumentSoort::Regio => "regionaal overzicht",
        }
    }
}

impl FromStr for DocumentSoort {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        DocumentSoort::ALLE.into_iter().find(|d| d.code() == s.trim()).ok_or_else(|| {
            let alle: Vec<&str> = DocumentSoort::ALLE.iter().map(|d| d.code()).collect();
            format!("onbekende soort (soorten: {})", alle.join(", "))
        })
    }
}

impl fmt::Display for DocumentSoort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formaat {
    Docx,
    Html,
    /// The DOCX converted by LibreOffice, where installed ([`pdf`]).
    Pdf,
    /// Every table of the document as a sheet of an Excel workbook ([`xlsx`]).
    Xlsx,
}

impl FromStr for Formaat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "docx" => Ok(Formaat::Docx),
            "html" => Ok(Formaat::Html),
            "pdf" => Ok(Formaat::Pdf),
            "xlsx" => Ok(Formaat::Xlsx),
            other => Err(format!("\"{other}\" is geen formaat; kies docx, html, pdf (vraagt LibreOffice) of xlsx (de tabellen)")),
        }
    }
}

/// Why a document cannot be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RapportFout {
    #[error("DOCX maken mislukt: {0}")]
    Docx(String),
    #[error("PDF maken mislukt: {0}")]
    Pdf(String),
    #[error("Excel-bestand maken mislukt: {0}")]
    Xlsx(String),
}

/// Renders a document in the given format.
pub fn render(d: &doc::Document, formaat: Formaat) -> Result<Vec<u8>, RapportFout> {
    let d = &d.voor_weergave();
    match formaat {
        Formaat::Docx => docx::render(d),
        Formaat::Html => Ok(html::render(d).into_bytes()),
        Formaat::Pdf => pdf::van_docx(&docx::render(d)?),
        Formaat::Xlsx => xlsx::document(d),
    }
}
