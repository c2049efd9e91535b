// SPDX-License-Identifier: EUPL-1.2
//! The plan model's own rules beyond its types (a status's costs are not
//! negative, an evaluation needs its reasoning, a risk its description and
//! control), checked by `controleer` with a [`VeldFout`] naming the field.
//! `buig-store` enforces them for every caller.

use std::fmt;

use crate::model::{Evaluatie, Risico, Statusupdate};

/// The field that makes a record invalid, in Dutch; shown as `kosten: …`
/// (the web and the API) or `--kosten: …` (the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VeldFout {
    pub veld: &'static str,
    pub melding: String,
}

impl fmt::Display for VeldFout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.veld, self.melding)
    }
}

impl std::error::Error for VeldFout {}

fn veld_fout(veld: &'static str, melding: &str) -> VeldFout {
    VeldFout { veld, melding: melding.into() }
}

impl Statusupdate {
    /// The one rule a status holds beyond its types: costs are not negative.
    pub fn controleer(&self) -> Result<(), VeldFout> {
        match self.kosten {
            Some(k) if k.is_negative() => {
                Err(veld_fout("kosten", "kosten zijn niet negatief; corrigeer een kwartaal door het opnieuw vast te leggen"))
            }
            _ => Ok(()),
        }
    }
}

impl Evaluatie {
    /// A verdict needs its reasoning.
    pub fn controleer(&self) -> Result<(), VeldFout> {
        if self.toelichting.trim().is_empty() {
            return Err(veld_fout("toelichting", "leeg; onderbouw het oordeel"));
        }
        Ok(())
    }
}

impl Risico {
    /// A risk needs its description and its control.
    pub fn controleer(&self) -> Result<(), VeldFout> {
        if self.risico.trim().is_empty() {
            return Err(veld_fout("risico", "leeg; beschrijf het risico"));
        }
        if self.beheersmaatregel.trim().is_empty() {
            return Err(veld_fout("beheersmaatregel", "leeg; noem de beheersmaatregel"));
        }
        Ok(())
    }
}
