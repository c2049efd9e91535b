// SPDX-License-Identifier: EUPL-1.2
//! What the budget view and the prognosis are computed from: a gemeente's
//! decisions, monthly realisation, yearly figures and granted vangnet years,
//! and the cut of them that was known on a peildatum.

use buig_core::records::{Budgetbeschikking, Jaarcijfer, Rapportage, RealisatieMaand, Stadium};
use buig_core::GemeenteCode;
use std::collections::BTreeMap;

use buig_core::Year;
use jiff::civil::Date;

/// Everything the views are computed from.
#[derive(Debug, Clone, Default)]
pub struct Gegevens {
    pub gemeente: Option<GemeenteCode>,
    pub naam: Option<String>,
    pub budgetten: Vec<Budgetbeschikking>,
    pub realisatie: Vec<RealisatieMaand>,
    pub jaarcijfers: Vec<Jaarcijfer>,
    /// The complete list of years a vangnetuitkering was granted, when the
    /// user states it (every other year: not granted); wins over the records.
    pub vangnet_verleend: Option<Vec<i32>>,
    /// Per year, as recorded: granted or not. An absent year is unknown.
    pub verleend_per_jaar: BTreeMap<i32, bool>,
    /// Prognoses recorded as report moments, oldest first.
    pub rapportages: Vec<Rapportage>,
}

impl Gegevens {
    /// Only what was known on `peildatum`: decisions dated after it, months
    /// ending after it and realised yearly figures of a year not yet over are
    /// left out (undated decisions stay).
    pub fn tot_peildatum(&self, peildatum: Date) -> Gegevens {
        let mut g = self.clone();
        g.budgetten.retain(|b| !matches!(b.datum, Some(d) if d > peildatum));
        g.realisatie.retain(|r| Date::new(r.jaar.get() as i16, r.maand as i8, 1).map(|d| d.last_of_month() <= peildatum).unwrap_or(false));
        // A year's realised figures exist only once the year is over.
        g.jaarcijfers.retain(|j| j.stadium != Stadium::Realisatie || i32::from(peildatum.year()) > j.jaar.get());
        g
    }

    /// The last day of the last month with realisation; `None` without realisation.
    pub fn laatste_realisatiedag(&self) -> Option<Date> {
        self.realisatie.iter().filter_map(|r| Date::new(r.jaar.get() as i16, r.maand as i8, 1).ok()).max().map(|d| d.last_of_month())
    }

    /// What condition e of year `t` may take as granted years: the user's
    /// list; else the records, when they settle it — a year of the window
    /// granted, or every year of it recorded as not granted; else `None`
    /// (unknown, never assumed).
    pub fn verleend_voor(&self, t: Year) -> Option<Vec<i32>> {
        if let Some(v) = &self.vangnet_verleend {
            return Some(v.clone());
        }
        let venster = buig_rules::RuleTable::bundled().rule_for(t).map(|r| r.aanhoudend_jaren(t)).unwrap_or_default();
        let verleend: Vec<i32> = self.verleend_per_jaar.iter().filter(|(_, v)| **v).map(|(j, _)| *j).collect();
        let bekend = venster.iter().any(|y| verleend.contains(&y.get()))
            || (!venster.is_empty() && venster.iter().all(|y| self.verleend_per_jaar.get(&y.get()) == Some(&false)));
        bekend.then_some(verleend)
    }

    /// Is anything known about granted years?
    pub fn verleend_bekend(&self) -> bool {
        self.vangnet_verleend.is_some() || !self.verleend_per_jaar.is_empty()
    }

    /// The name for a text: the gemeente's name, else its code.
    pub fn naam_of_code(&self) -> Option<String> {
        self.naam.clone().or_else(|| self.gemeente.map(|c| c.to_string()))
    }
}
