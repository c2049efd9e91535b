// SPDX-License-Identifier: EUPL-1.2
//! The vangnetuitkering Participatiewet (art. 74 PW), year by year.
//!
//! - [`table`]: the rule table — one dated, cited rule per validity period,
//!   read from `data/vangnet.toml`; years outside 2015–2026 are refused.
//! - [`case`]: the input schema (JSON/TOML) and its validation.
//! - [`calc`]: the calculation and its Dutch explanation.
//! - [`result`]: the answer, every intermediate figure kept ([`VangnetResult`]).
//! - [`text`]: the readable Dutch report of a result.
//!
//! Start reading at [`calc::bereken`].

pub mod calc;
pub mod case;
pub mod result;
mod specificatie;
pub mod table;
pub mod text;

pub use calc::{bereken, bereken_met};
pub use case::{Case, CaseError, CaseFile, YearInput};
pub use result::{Formulier, Route, RouteToets, VangnetResult};
pub use table::{Rule, RuleError, RuleTable, Status};

/// Why a vangnet question cannot be answered: bad input or an uncovered year.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VangnetError {
    #[error(transparent)]
    Invoer(#[from] CaseError),
    #[error(transparent)]
    Regel(#[from] RuleError),
}

/// Answers a case file as the user wrote it: checks the year against the
/// rule table first (an uncovered year is refused whatever else is wrong),
/// then validates the figures, then computes.
pub fn bereken_casus(file: CaseFile) -> Result<VangnetResult, VangnetError> {
    RuleTable::bundled().rule_for(buig_core::Year::new(file.jaar))?;
    let case = Case::from_file(file)?;
    Ok(bereken(&case)?)
}

/// [`bereken_casus`] on the text of a JSON (or, with `toml`, TOML) case file.
pub fn bereken_tekst(text: &str, toml: bool) -> Result<VangnetResult, VangnetError> {
    bereken_casus(case::parse_file(text, toml)?)
}
