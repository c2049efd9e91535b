// SPDX-License-Identifier: EUPL-1.2
//! What the kwartaalmonitor is made of, counted before it is written (by
//! the service layer): the quarters of the caseload, the comparison per
//! 1,000 inhabitants, the costs to date and the prognosis at the quarter's end.

use std::collections::BTreeMap;

use buig_bestand::{Reeks, Vergelijking};
use buig_core::records::BudgetSoort;
use buig_core::{GemeenteCode, Money, Year};
use buig_prognose::{BudgetOverzicht, PrognoseUitkomst};
use jiff::civil::Date;

/// The monitor's input.
#[derive(Debug, Clone)]
pub struct MonitorInvoer {
    pub gemeente: Option<GemeenteCode>,
    pub naam: String,
    pub jaar: Year,
    /// The last complete quarter of the year up to the peildatum (1–4), and its last day.
    pub kwartaal: u8,
    pub einde: Date,
    /// The date printed on the document.
    pub datum: Date,
    /// Per quarter from the first quarter of the year before up to the monitor's, with per 1,000 inhabitants.
    pub reeks: Reeks,
    /// The same quarters per regeling.
    pub per_regeling: Vec<(String, Reeks)>,
    /// Inhabitants on 1 January per year.
    pub inwoners: BTreeMap<i32, u64>,
    /// The size class and Nederland per 1,000 inhabitants; `None` when not asked.
    pub vergelijking: Option<MonitorVergelijking>,
    /// The year's latest decision known at the quarter's end.
    pub budget: Option<(BudgetSoort, Money)>,
    /// Net costs (lasten − baten) per realised month of the year, up to the quarter's end.
    pub maanden: Vec<(u8, Money)>,
    /// The budget view on what was known at the quarter's end.
    pub overzicht: BudgetOverzicht,
    /// The prognosis of the year at the quarter's end, when it can be made.
    pub prognose: Option<PrognoseUitkomst>,
}

/// The groups beside the gemeente's figure per 1,000 inhabitants, per
/// quarter of the monitor. Groups are kept even when small: the monitor
/// itself refuses to show a group, or a quarter of it, with fewer than
/// [`buig_bestand::MIN_GROEP`] gemeenten, and says why.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorVergelijking {
    /// All gemeenten in the database whose data cover the monitor's quarters ("Nederland").
    pub land: Vergelijking,
    /// The gemeenten of the gemeente's size class; `None` when its inhabitants are unknown.
    pub klasse: Option<Vergelijking>,
}
