// SPDX-License-Identifier: EUPL-1.2
//! What the budget view and the prognosis are computed from: a gemeente's
//! decisions, monthly realisation, yearly figures and granted vangnet years,
//! and the cut of them that was known on a peildatum.

use buig_core::records::{Budgetbeschikking, Jaarcijfer, RealisatieMaand};
use buig_core::GemeenteCode;
use jiff::civil::Date;

/// Everything the views are computed from.
#[derive(Debug, Clone, Default)]
pub struct Gegevens {
    pub gemeente: Option<GemeenteCode>,
    pub naam: Option<String>,
    pub budgetten: Vec<Budgetbeschikking>,
    pub realisatie: Vec<RealisatieMaand>,
    pub jaarcijfers: Vec<Jaarcijfer>,
    /// Years a vangnetuitkering was granted, when known.
    pub vangnet_verleend: Option<Vec<i32>>,
}

impl Gegevens {
    /// Only what was known on `peildatum`: decisions dated after it and
    /// months ending after it are left out (undated decisions stay).
    pub fn tot_peildatum(&self, peildatum: Date) -> Gegevens {
        let mut g = self.clone();
        g.budgetten.retain(|b| !matches!(b.datum, Some(d) if d > peildatum));
        g.realisatie.retain(|r| Date::new(r.jaar.get() as i16, r.maand as i8, 1).map(|d| d.last_of_month() <= peildatum).unwrap_or(false));
        g
    }

    /// The last day of the last month with realisation; `None` without realisation.
    pub fn laatste_realisatiedag(&self) -> Option<Date> {
        self.realisatie.iter().filter_map(|r| Date::new(r.jaar.get() as i16, r.maand as i8, 1).ok()).max().map(|d| d.last_of_month())
    }

    /// The name for a text: the gemeente's name, else its code.
    pub fn naam_of_code(&self) -> Option<String> {
        self.naam.clone().or_else(|| self.gemeente.map(|c| c.to_string()))
    }
}
