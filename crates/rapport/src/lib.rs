//! Council documents (SPEC §5) as DOCX and HTML.
//!
//! - [`notitie`]: the "Notitie vangnet t" built from a gemeente's data —
//!   figures from the budget view, the vangnet from `buig_rules`.
//! - [`raadsmededeling`]: the "Raadsmededeling budget" — decisions, macro
//!   and share effect, expected result, vangnet outlook, plan progress.
//! - [`monitor`]: the kwartaalmonitor — caseload per quarter, flows, per
//!   1,000 inhabitants, age and duration, costs against budget, vangnet.
//! - [`doc`]: the format-neutral document both renderers share.
//! - [`html`]: a standalone, print-ready HTML page.
//! - [`docx`]: a Word document (styles, tables, page numbers).
//!
//! Nothing here computes a figure; it arranges and formats (`buig_core::nl`)
//! and draws charts (`buig_grafiek`), each followed by its table.

pub mod doc;
pub mod docx;
pub mod html;
pub mod monitor;
pub mod notitie;
pub mod pdf;
pub mod raadsmededeling;

pub use monitor::{kwartaalmonitor, MonitorVraag};
pub use notitie::{notitie_vangnet, notitie_vangnet_landelijk, notitie_vangnet_met, oorzaken_vraag, NotitieVangnet, NotitieVraag};
pub use raadsmededeling::{raadsmededeling, RaadsmededelingVraag};

/// The document kinds `buig rapport` knows, and whether each is built.
pub const SOORTEN: [(&str, bool); 3] = [("notitie-vangnet", true), ("raadsmededeling", true), ("monitor", true)];

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formaat {
    Docx,
    Html,
    /// The DOCX converted by LibreOffice, where installed ([`pdf`]).
    Pdf,
}

impl std::str::FromStr for Formaat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "docx" => Ok(Formaat::Docx),
            "html" => Ok(Formaat::Html),
            "pdf" => Ok(Formaat::Pdf),
            other => Err(format!("\"{other}\" is geen formaat; kies docx, html of pdf (pdf vraagt LibreOffice)")),
        }
    }
}

/// Why a document cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum RapportFout {
    /// The data do not allow the document (missing year figures, …).
    #[error("{0}")]
    Gegevens(String),
    #[error(transparent)]
    Vangnet(#[from] buig_rules::VangnetError),
    #[error("DOCX maken mislukt: {0}")]
    Docx(String),
    #[error("PDF maken mislukt: {0}")]
    Pdf(String),
}

/// Renders a document in the given format.
pub fn render(d: &doc::Document, formaat: Formaat) -> Result<Vec<u8>, RapportFout> {
    match formaat {
        Formaat::Docx => docx::render(d),
        Formaat::Html => Ok(html::render(d).into_bytes()),
        Formaat::Pdf => pdf::van_docx(&docx::render(d)?),
    }
}

/// The last day of the last month with realisation: the default peildatum
/// of the raadsmededeling and the monitor. `None` without realisation.
pub fn laatste_realisatiedag(g: &buig_prognose::Gegevens) -> Option<jiff::civil::Date> {
    g.realisatie.iter().filter_map(|r| jiff::civil::Date::new(r.jaar.get() as i16, r.maand as i8, 1).ok()).max().map(|d| d.last_of_month())
}

/// Today's date (UTC), for a document without a peildatum.
pub fn vandaag() -> jiff::civil::Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}
