// SPDX-License-Identifier: EUPL-1.2
//! A year's vangnet position as every view shows it: taken whole from the
//! budget view on what was known at the peildatum (the one place that
//! assembles the case), never assembled again.

use buig_core::{nl, Year};
use buig_prognose::{budgetoverzicht, BudgetOverzicht, Gegevens, VangnetPositie};
use buig_rules::RuleTable;
use jiff::civil::Date;

use crate::Fout;

/// The vangnet of one year with the budget view it came from.
#[derive(Debug, Clone)]
pub struct VangnetJaar {
    pub jaar: Year,
    /// The figures as known at the peildatum (all of them without one).
    pub gegevens: Gegevens,
    pub overzicht: BudgetOverzicht,
    pub positie: VangnetPositie,
}

/// The vangnet of `jaar`: realised figures, else a prognosis a source states;
/// refused with the reason when neither is known or no rule covers the year.
pub fn vangnet_jaar(g: &Gegevens, jaar: Year, peildatum: Option<Date>) -> Result<VangnetJaar, Fout> {
    RuleTable::bundled().rule_for(jaar).map_err(|e| Fout::Gegevens(e.to_string()))?;
    let gegevens = match peildatum {
        Some(p) => g.tot_peildatum(p),
        None => g.clone(),
    };
    let overzicht = budgetoverzicht(&gegevens);
    let positie = overzicht.jaar(jaar).and_then(|j| j.vangnet.clone()).ok_or_else(|| {
        let wie = match (&g.naam, g.gemeente) {
            (Some(n), Some(c)) => format!("{n} ({c})"),
            _ => g.naam_of_code().unwrap_or_else(|| "de gemeente".into()),
        };
        let reden = overzicht.waarschuwingen.iter().find(|w| w.contains(&format!("over {jaar}"))).cloned();
        Fout::Gegevens(reden.unwrap_or_else(|| {
            format!(
                "voor {wie} zijn het definitieve budget en het tekort over {jaar} niet bekend{}: importeer de beschikking en de realisatie, of leg het definitieve budget en het tekort van dat jaar vast als jaarcijfer",
                peildatum.map(|p| format!(" op peildatum {}", nl::date_long(p))).unwrap_or_default()
            )
        }))
    })?;
    Ok(VangnetJaar { jaar, gegevens, overzicht, positie })
}
