//! The kwartaalmonitor (not built yet).

use std::collections::BTreeMap;

use buig_core::records::Uitkering;
use buig_core::Year;
use buig_prognose::Gegevens;
use jiff::civil::Date;

use crate::doc::Document;
use crate::RapportFout;

/// What the monitor is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorVraag {
    pub jaar: Year,
    pub peildatum: Date,
    pub datum: Date,
}

/// Builds the kwartaalmonitor.
pub fn kwartaalmonitor(
    _g: &Gegevens,
    _spells: &[Uitkering],
    _inwoners: &BTreeMap<i32, u64>,
    _vraag: &MonitorVraag,
) -> Result<Document, RapportFout> {
    Err(RapportFout::Gegevens("de kwartaalmonitor is nog niet gebouwd".into()))
}
