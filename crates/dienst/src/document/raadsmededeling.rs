// SPDX-License-Identifier: EUPL-1.2
//! The input of the raadsmededeling budget: the budget view and the
//! prognosis of year t as they were known on the peildatum, and the plan.

use buig_core::{nl, Year};
use buig_prognose::budgetoverzicht;
use buig_rapport::RaadsmededelingInvoer;
use jiff::civil::Date;

use crate::gemeente::Gemeente;
use crate::prognose::{prognose, MonteCarlo, PrognoseKeuze};
use crate::Fout;

/// What the raadsmededeling is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaadsmededelingVraag {
    /// Year t: its decisions and expected result; t+1's decisions are shown too.
    pub jaar: Year,
    /// Only decisions dated and months ended on or before this day count.
    pub peildatum: Date,
    /// The date printed on the document.
    pub datum: Date,
}

/// The raadsmededeling's input; refused only when neither year has a decision.
pub fn raadsmededeling_invoer(
    g: &Gemeente,
    plan: Option<buig_plan::Overzicht>,
    vraag: &RaadsmededelingVraag,
    mc: MonteCarlo,
) -> Result<RaadsmededelingInvoer, Fout> {
    let t = vraag.jaar;
    let t1 = t.offset(1);
    let bekend = g.gegevens.tot_peildatum(vraag.peildatum);
    let overzicht = budgetoverzicht(&bekend);
    if overzicht.jaar(t).is_none_or(|j| j.beschikkingen.is_empty()) && overzicht.jaar(t1).is_none_or(|j| j.beschikkingen.is_empty()) {
        return Err(Fout::Gegevens(format!(
            "voor {} is op peildatum {} geen budgetbeschikking over {t} of {t1} bekend: importeer de beschikkingen",
            g.naam,
            nl::date_long(vraag.peildatum)
        )));
    }
    // The same prognosis as every view of (gemeente, t, peildatum).
    let keuze = PrognoseKeuze { jaar: t, peildatum: vraag.peildatum, scenario: None };
    let prognose = prognose(g, &keuze.vraag(mc)).map_err(|e| e.to_string());
    // The outlook t..t+4 on what was known on the peildatum, when the peildatum lies in t.
    let raming = (i32::from(vraag.peildatum.year()) == t.get() && crate::prognose::ontbreekt(g).is_none())
        .then(|| {
            let v = buig_prognose::raming::RamingVraag {
                peildatum: vraag.peildatum,
                tot: t.offset(4),
                runs: mc.runs,
                seed: mc.seed,
                scenario: Default::default(),
            };
            buig_prognose::raming::raming(&bekend, &g.uitkeringen, &v).ok()
        })
        .flatten();
    Ok(RaadsmededelingInvoer {
        gemeente: Some(g.code),
        naam: g.naam.clone(),
        jaar: t,
        peildatum: vraag.peildatum,
        datum: vraag.datum,
        overzicht,
        prognose,
        raming,
        plan,
    })
}
