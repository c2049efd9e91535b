// SPDX-License-Identifier: EUPL-1.2
//! The input of the kwartaalmonitor: the quarters of the caseload, the
//! comparison per 1,000 inhabitants with the size class and Nederland, the
//! costs to date and the prognosis at the quarter's end.

use std::collections::{BTreeMap, BTreeSet};

use buig_bestand::{groepsreeks, uitsplitsing, Maand, Per, Splitsing, Vraag};
use buig_core::{nl, GemeenteCode, Money, Year};
use buig_prognose::budgetoverzicht;
use buig_rapport::{MonitorInvoer, MonitorVergelijking};
use jiff::civil::Date;

use crate::gemeente::Gemeente;
use crate::landelijk::{grootteklasse, Landelijk};
use crate::prognose::{prognose, MonteCarlo, PrognoseKeuze};
use crate::Fout;

/// What the monitor is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorVraag {
    /// The year of the monitor.
    pub jaar: Year,
    /// The monitor covers the last complete quarter of `jaar` on or before this day.
    pub peildatum: Date,
    /// The date printed on the document.
    pub datum: Date,
}

/// The last complete quarter of `jaar` on `peildatum`: (quarter 1–4, its last day).
pub fn kwartaal_op(jaar: Year, peildatum: Date) -> Option<(u8, Date)> {
    let einde = |k: u8| Date::new(jaar.get() as i16, (k * 3) as i8, 1).ok().map(|d| d.last_of_month());
    (1..=4u8).rev().find_map(|k| einde(k).filter(|e| *e <= peildatum).map(|e| (k, e)))
}

/// The quarter of the monitor, its last day and its caseload question (per
/// quarter, from the first quarter of the year before up to it). The
/// national pass counts every gemeente with the question.
pub fn kwartaal_vraag(vraag: &MonitorVraag) -> Result<(u8, Date, Vraag), Fout> {
    let t = vraag.jaar;
    let Some((k, einde)) = kwartaal_op(t, vraag.peildatum) else {
        return Err(Fout::Gegevens(format!(
            "op peildatum {} is nog geen kwartaal van {t} afgesloten: kies een peildatum op of na 31 maart {t}",
            nl::date_long(vraag.peildatum)
        )));
    };
    let van = Maand::new((t.get() - 1) as i16, 1).ok_or_else(|| Fout::Gegevens(format!("jaar {t} valt buiten het bereik")))?;
    let bv = Vraag::new(van, Maand::van_datum(einde), Per::Kwartaal).map_err(Fout::Gegevens)?;
    Ok((k, einde, bv))
}

/// The comparison for gemeente `code` over the monitor's quarters, from every
/// gemeente's series of [`kwartaal_vraag`] (`l`). A gemeente counts only
/// when it has benefits running at the end of every quarter: otherwise its
/// data do not cover the window and its zeros would be missing data. The
/// size class is the one rule of [`grootteklasse`], up to the monitor year.
/// A group figure is shown only when at least `MIN_GROEP` gemeenten other
/// than `code` and the asker's `eigen_gemeenten` contribute to it.
pub fn vergelijking(
    code: GemeenteCode,
    l: &Landelijk,
    vraag: &MonitorVraag,
    eigen_gemeenten: &BTreeSet<GemeenteCode>,
) -> Result<MonitorVergelijking, Fout> {
    let (_, _, bv) = kwartaal_vraag(vraag)?;
    // The monitor's periods, exactly as the monitor counts them.
    let eigen = buig_bestand::bereken(&[], &bv);
    let mut gedekt = BTreeMap::new();
    for (g, r) in &l.reeksen {
        let punten: Option<Vec<_>> = eigen.reeks.iter().map(|p| r.punt(&p.periode).cloned()).collect();
        let punten =
            punten.ok_or_else(|| Fout::Intern("de reeksen van alle gemeenten horen bij een andere vraag dan de monitor".into()))?;
        if punten.iter().all(|q| q.stand > 0) {
            gedekt.insert(*g, buig_bestand::Reeks { reeks: punten });
        }
    }
    let jaar = Some(vraag.jaar.get());
    let inw = |c: GemeenteCode, j: i32| l.inwoners.get(&(c, j)).copied();
    let klasse_van = |c: GemeenteCode| grootteklasse(&l.inwoners, c, jaar).map(|(k, _)| k);
    let ander = |c: GemeenteCode| c != code && !eigen_gemeenten.contains(&c);
    let land = groepsreeks(&eigen, &gedekt, |_| true, inw, ander, "gemeenten in de database".into());
    let klasse = klasse_van(code)
        .map(|k| groepsreeks(&eigen, &gedekt, |c| klasse_van(c) == Some(k), inw, ander, format!("gemeenten met {}", k.naam())));
    Ok(MonitorVergelijking { land, klasse })
}

/// The monitor's input. `landelijk` is every gemeente's caseload for
/// [`kwartaal_vraag`]; without it the comparison is unknown and the monitor
/// says so. `eigen_gemeenten`: the asker's gemeenten (see [`vergelijking`]).
pub fn monitor_invoer(
    g: &Gemeente,
    landelijk: Option<&Landelijk>,
    vraag: &MonitorVraag,
    mc: MonteCarlo,
    eigen_gemeenten: &BTreeSet<GemeenteCode>,
) -> Result<MonitorInvoer, Fout> {
    let t = vraag.jaar;
    let (k, einde, mut bv) = kwartaal_vraag(vraag)?;
    if g.uitkeringen.is_empty() {
        return Err(Fout::Gegevens(format!(
            "voor {} zijn geen uitkeringen geïmporteerd: de monitor telt het bestand uit de uitkeringen",
            g.naam
        )));
    }
    let vergelijking = landelijk.map(|l| vergelijking(g.code, l, vraag, eigen_gemeenten)).transpose()?;
    let bekend = g.gegevens.tot_peildatum(einde);
    bv.inwoners = g.inwoners.clone();
    let reeks = buig_bestand::bereken(&g.uitkeringen, &bv);
    let per_regeling = uitsplitsing(&g.uitkeringen, &bv, Splitsing::Regeling).into_iter().collect();
    let budget = bekend.budgetten.iter().filter(|b| b.jaar == t).max_by_key(|b| b.soort).map(|b| (b.soort, b.bedrag));
    let mut maanden: Vec<(u8, Money)> = bekend.realisatie.iter().filter(|r| r.jaar == t).map(|r| (r.maand, r.lasten - r.baten)).collect();
    maanden.sort_by_key(|m| m.0);
    // The same prognosis as every view of (gemeente, t, the quarter's end).
    let prognose = prognose(g, &PrognoseKeuze { jaar: t, peildatum: einde, scenario: None }.vraag(mc)).ok();
    Ok(MonitorInvoer {
        gemeente: Some(g.code),
        naam: g.naam.clone(),
        jaar: t,
        kwartaal: k,
        einde,
        datum: vraag.datum,
        reeks,
        per_regeling,
        inwoners: g.inwoners.clone(),
        vergelijking,
        budget,
        maanden,
        overzicht: budgetoverzicht(&bekend),
        prognose,
    })
}
