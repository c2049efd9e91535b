// SPDX-License-Identifier: EUPL-1.2
//! The input of the notitie vangnet: the year's vangnet position from the
//! budget view, the years of bijlage 1, the causes counted from the spells
//! with Nederland beside them, and the plan.

use std::collections::{BTreeMap, BTreeSet};

use buig_bestand::{uitsplitsing, Maand, Per, Punt, Reeks, Splitsing, Vraag, DUUR_BANDEN};
use buig_core::records::{BudgetSoort, Stadium};
use buig_core::{GemeenteCode, Money, Year};
use buig_prognose::{BudgetOverzicht, Gegevens};
use buig_rapport::notitie::{JaarStaat, Nederland, NotitieInvoer, Oorzaken};
use buig_rules::RuleTable;
use jiff::civil::Date;

use crate::gemeente::Gemeente;
use crate::landelijk::Landelijk;
use crate::vangnet::vangnet_jaar;
use crate::Fout;

/// What the notitie is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotitieVraag {
    pub jaar: Year,
    /// Only decisions dated and months ended on or before this day count.
    pub peildatum: Option<Date>,
    /// The date printed on the document.
    pub datum: Date,
}

/// The caseload question of the causes: per quarter from the fourth quarter
/// of t-3 (the starting stock) up to the end of t, or to the last complete
/// quarter up to the peildatum. The national pass counts every gemeente with it.
pub fn oorzaken_vraag(t: Year, peildatum: Option<Date>) -> Result<Vraag, Fout> {
    let jaar_einde = Date::new(t.get() as i16, 12, 31).map_err(|e| Fout::Gegevens(e.to_string()))?;
    let einde = match peildatum {
        Some(p) if p < jaar_einde => {
            crate::document::monitor::kwartaal_op(t, p).map(|(_, e)| e).unwrap_or_else(|| jaar_einde.saturating_sub(jiff::ToSpan::years(1)))
        }
        _ => jaar_einde,
    };
    let van = Maand::new((t.get() - 3) as i16, 10).ok_or_else(|| Fout::Gegevens(format!("jaar {t} valt buiten het bereik")))?;
    Vraag::new(van, Maand::van_datum(einde), Per::Kwartaal).map_err(Fout::Gegevens)
}

/// One year's figures for bijlage 1, as the budget view has them.
fn staat(g: &Gegevens, o: &BudgetOverzicht, y: Year) -> JaarStaat {
    let Some(j) = o.jaar(y) else { return JaarStaat::onbekend(y) };
    let definitief = j.beschikkingen.iter().find(|b| b.soort == BudgetSoort::Definitief).map(|b| b.bedrag);
    let (lasten, baten) = if j.maanden == 12 {
        let (l, b) = g.realisatie.iter().filter(|r| r.jaar == y).fold((Money::ZERO, Money::ZERO), |(l, b), r| (l + r.lasten, b + r.baten));
        (Some(l), Some(b))
    } else {
        (None, None)
    };
    let bron = j.netto_bron.clone().or_else(|| {
        g.jaarcijfers.iter().find(|c| c.jaar == y && c.stadium == Stadium::Realisatie).map(|c| format!("jaarcijfers: {}", c.bron))
    });
    JaarStaat {
        jaar: y,
        budget: j.budget.or(definitief),
        lasten,
        baten,
        netto: j.netto_lasten,
        tekort: j.tekort(),
        percentage: j.tekort_percentage,
        bron,
    }
}

/// Nederland over `periodes` from every gemeente's series, without `eigen`:
/// a gemeente counts only when it has benefits at the end of every quarter
/// (otherwise its zeros would be missing data, not an empty caseload).
/// Those not among the asker's `eigen_gemeenten` are counted apart: only
/// they make the sum safe to show ([`Nederland::bruikbaar`]).
fn nederland(
    alle: &BTreeMap<GemeenteCode, Reeks>,
    eigen: GemeenteCode,
    eigen_gemeenten: &BTreeSet<GemeenteCode>,
    periodes: &[&str],
) -> Nederland {
    let mut l = Nederland { gemeenten: 0, anderen: 0, stand: vec![0; periodes.len()], duur_laatste: vec![0; DUUR_BANDEN.len()] };
    for (g, r) in alle {
        if *g == eigen {
            continue;
        }
        let punten: Option<Vec<&Punt>> = periodes.iter().map(|p| r.punt(p).filter(|q| q.stand > 0)).collect();
        let Some(punten) = punten else { continue };
        l.gemeenten += 1;
        l.anderen += usize::from(!eigen_gemeenten.contains(g));
        for (i, q) in punten.iter().enumerate() {
            l.stand[i] += q.stand;
        }
        if let Some(q) = punten.last() {
            for (i, band) in DUUR_BANDEN.iter().enumerate() {
                l.duur_laatste[i] += q.duur[*band];
            }
        }
    }
    l
}

/// The notitie's input for `vraag`. `landelijk` is every gemeente's caseload
/// for [`oorzaken_vraag`] (the causes set against Nederland); `plan` the plan
/// as shown on the peildatum ([`crate::plan::plan`]); `eigen_gemeenten` the
/// gemeenten the asker has a role on (they never make Nederland showable).
pub fn notitie_invoer(
    g: &Gemeente,
    plan: Option<buig_plan::Overzicht>,
    landelijk: Option<&Landelijk>,
    vraag: &NotitieVraag,
    eigen_gemeenten: &BTreeSet<GemeenteCode>,
) -> Result<NotitieInvoer, Fout> {
    let t = vraag.jaar;
    let vj = vangnet_jaar(&g.gegevens, t, vraag.peildatum)?;
    let regel = RuleTable::bundled().rule_for(t).map_err(|e| Fout::Gegevens(e.to_string()))?.clone();
    let r = &vj.positie.resultaat;
    let eerste = r.meerjarig_jaren.first().copied().unwrap_or(t).min(t.offset(-2));
    let jaren = Year::range(eerste, t)
        .map(|y| {
            if y == t && vj.positie.stadium == Stadium::Prognose {
                JaarStaat { budget: Some(r.budget), tekort: Some(r.tekort), bron: Some("prognose".into()), ..JaarStaat::onbekend(y) }
            } else {
                staat(&vj.gegevens, &vj.overzicht, y)
            }
        })
        .collect();
    let oorzaken = if g.uitkeringen.is_empty() {
        None
    } else {
        let bv = oorzaken_vraag(t, vraag.peildatum)?;
        let kwartalen = buig_bestand::bereken(&g.uitkeringen, &bv);
        let per_regeling = uitsplitsing(&g.uitkeringen, &bv, Splitsing::Regeling).into_iter().collect();
        let periodes: Vec<&str> = kwartalen.reeks.iter().map(|p| p.periode.as_str()).collect();
        let nederland = landelijk.map(|l| nederland(&l.reeksen, g.code, eigen_gemeenten, &periodes));
        Some(Oorzaken { kwartalen, per_regeling, nederland })
    };
    Ok(NotitieInvoer {
        gemeente: Some(g.code),
        naam: g.naam.clone(),
        jaar: t,
        peildatum: vraag.peildatum,
        datum: vraag.datum,
        regel,
        vangnet: vj.positie.clone(),
        jaren,
        vangnet_verleend: g.gegevens.verleend_voor(t),
        oorzaken,
        plan,
        toelichting: g.toelichting(t).cloned(),
        briefhoofd: g.briefhoofd.clone(),
    })
}
