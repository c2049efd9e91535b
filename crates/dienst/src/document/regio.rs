// SPDX-License-Identifier: EUPL-1.2
//! The input of the regional overview: per gemeente the budget view's years
//! t-4..t-1, the prognosis of t — from the months when there are any (the
//! same prognosis as every view), else the raming a source states — and the
//! caseload on 1 January.

use buig_bestand::{Maand, Per, Vraag};
use buig_core::records::{BudgetSoort, Stadium};
use buig_core::{nl, Year};
use buig_prognose::budgetoverzicht;
use buig_rapport::regio::{RegioGemeente, RegioInvoer, RegioJaar, RegioPrognose};
use jiff::civil::Date;

use crate::gemeente::Gemeente;
use crate::prognose::{ontbreekt, prognose, MonteCarlo, PrognoseKeuze};

/// What the regional overview is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegioVraag {
    pub jaar: Year,
    /// The date printed on the document.
    pub datum: Date,
}

fn budget_label(soort: BudgetSoort, datum: Option<Date>) -> String {
    let soort = match soort {
        BudgetSoort::Voorlopig => "voorlopige budget",
        BudgetSoort::NaderVoorlopig => "nader voorlopige budget",
        BudgetSoort::Definitief => "definitieve budget",
    };
    match datum {
        Some(d) => format!("{soort} van {}", nl::date_long(d)),
        None => soort.to_string(),
    }
}

/// The prognosis of `t`: from the months of `t` when there are any, else the
/// year's stated raming, else the realised year.
fn prognose_van(g: &Gemeente, t: Year, mc: MonteCarlo) -> Option<RegioPrognose> {
    let o = budgetoverzicht(&g.gegevens);
    let j = o.jaar(t);
    if let Some((jaar, peildatum)) = g.huidig().filter(|(jaar, _)| *jaar == t).filter(|_| ontbreekt(g).is_none()) {
        let r = prognose(g, &PrognoseKeuze { jaar, peildatum, scenario: None }.vraag(mc)).ok()?;
        let k = &r.kop;
        let label = match k.budget_soort {
            buig_prognose::kop::KopBudget::VerwachtDefinitief => "verwachte definitieve budget".to_string(),
            buig_prognose::kop::KopBudget::Beschikking => budget_label(r.prognose.budget.soort, None),
        };
        return Some(RegioPrognose {
            uitgaven: k.netto_lasten,
            budget: k.budget,
            budget_label: label,
            tekort: k.tekort,
            bron: format!("prognose op {}", nl::date_long(peildatum)),
            vangnet: k.vangnet.clone(),
        });
    }
    let v = j?.vangnet.as_ref()?;
    let r = &v.resultaat;
    let (label, bron) = match v.stadium {
        Stadium::Prognose => {
            let laatste = j.and_then(|j| j.laatste_beschikking());
            (laatste.map(|b| budget_label(b.soort, b.datum)).unwrap_or_else(|| "budget".into()), "raming in de jaarcijfers".to_string())
        }
        Stadium::Realisatie => ("definitieve budget".to_string(), "realisatie".to_string()),
    };
    Some(RegioPrognose {
        uitgaven: r.budget + r.tekort,
        budget: r.budget,
        budget_label: label,
        tekort: r.tekort,
        bron,
        vangnet: Some(v.clone()),
    })
}

/// The caseload on 1 January of t-3..=t (the stand at the end of the December before).
fn bestand(g: &Gemeente, t: Year) -> Vec<(Year, Option<u64>)> {
    let jaren: Vec<Year> = (0..=3).rev().map(|n| t.offset(-n)).collect();
    let reeks = (!g.uitkeringen.is_empty())
        .then(|| {
            let van = Maand::new((t.get() - 4) as i16, 12)?;
            let tot = Maand::new((t.get() - 1) as i16, 12)?;
            Vraag::new(van, tot, Per::Maand).ok().map(|v| buig_bestand::bereken(&g.uitkeringen, &v))
        })
        .flatten();
    jaren.into_iter().map(|y| (y, reeks.as_ref().and_then(|r| r.punt(&format!("{}-12", y.get() - 1)).map(|p| p.stand)))).collect()
}

/// The regional overview of `gemeenten` over `vraag.jaar`.
pub fn regio_invoer(gemeenten: &[Gemeente], vraag: &RegioVraag, mc: MonteCarlo) -> RegioInvoer {
    let t = vraag.jaar;
    let rijen = gemeenten
        .iter()
        .map(|g| {
            let o = budgetoverzicht(&g.gegevens);
            let jaren = (1..=4)
                .map(|n| {
                    let y = t.offset(-n);
                    let j = o.jaar(y);
                    RegioJaar {
                        jaar: y,
                        uitgaven: j.and_then(|j| j.netto_lasten),
                        budget: j.and_then(|j| j.budget),
                        tekort: j.and_then(|j| j.tekort()),
                    }
                })
                .collect();
            RegioGemeente { code: g.code, naam: g.naam.clone(), jaren, prognose: prognose_van(g, t, mc), bestand: bestand(g, t) }
        })
        .collect();
    RegioInvoer { jaar: t, datum: vraag.datum, gemeenten: rijen }
}
