// SPDX-License-Identifier: EUPL-1.2
//! The service layer: every answer a user can ask for, computed in one
//! place, for the command line, the web pages, the API and the documents
//! alike. Below it the engines (`buig-rules`, `buig-prognose`,
//! `buig-bestand`, `buig-plan`) and the store; above it only parsing,
//! caching and printing. Two views that show the same figure call the same
//! function here; neither assembles it again.
//!
//! - [`gemeente`]: a gemeente's stored figures, loaded once ([`Gemeente`]);
//! - [`prognose`]: the prognosis of (gemeente, jaar, peildatum) as one result;
//! - [`vangnet`]: a year's vangnet position, taken whole from the budget view;
//! - [`landelijk`]: one pass over every gemeente's spells, and the one
//!   size-class rule;
//! - [`vergelijking`]: a gemeente against all gemeenten and its size class;
//! - [`plan`]: which action plan, with its caseload change up to a peildatum;
//! - [`document`]: the input of every council document.
//!
//! Loading is async (the store is); computing is plain functions, so the
//! web app can run them off its async threads and cache them by data version.

pub mod agenda;
pub mod document;
pub mod gemeente;
pub mod landelijk;
pub mod plan;
pub mod prognose;
pub mod status;
pub mod vangnet;
pub mod vergelijking;

pub use gemeente::Gemeente;
pub use landelijk::Landelijk;

/// Why an answer cannot be given.
#[derive(Debug, thiserror::Error)]
pub enum Fout {
    /// Unknown gemeente (or plan, or action).
    #[error("niet gevonden")]
    NietGevonden,
    /// The data do not allow the answer; the message says what is missing, in the users' words.
    #[error("{0}")]
    Gegevens(String),
    /// A fault of the store or the machine.
    #[error("interne fout: {0}")]
    Intern(String),
}

impl From<buig_store::StoreError> for Fout {
    fn from(e: buig_store::StoreError) -> Fout {
        Fout::Intern(e.to_string())
    }
}

/// Today's date (UTC): the default date of a document, the end of the national series.
pub fn vandaag() -> jiff::civil::Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}
