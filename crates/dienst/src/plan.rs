// SPDX-License-Identifier: EUPL-1.2
//! Which action plan an answer uses, and the plan as shown: its progress
//! and the caseload change since its nulmeting, counted on the spells as
//! they were known on a peildatum.
//!
//! One rule for every reading view (pages, API, documents): the plan named,
//! else the one with the newest period. Commands that change a plan name it
//! (`buig_store::Store::kies_plan`), so a write never lands on a plan by default.

use buig_core::GemeenteCode;
use buig_plan::{Overzicht, Planstand};
use buig_store::Store;
use jiff::civil::Date;

use crate::gemeente::Gemeente;
use crate::Fout;

/// The plan to read: `titel` when the gemeente has it, else the newest period; `None` without plans.
pub async fn kies(store: &Store, code: GemeenteCode, titel: Option<&str>) -> Result<Option<String>, Fout> {
    let titels = store.plan_titels(code).await?;
    Ok(titel.filter(|t| titels.iter().any(|x| x == t)).map(str::to_string).or_else(|| titels.first().cloned()))
}

/// The chosen plan with its statuses and evaluations.
pub async fn planstand(store: &Store, code: GemeenteCode, titel: Option<&str>) -> Result<Option<Planstand>, Fout> {
    let Some(titel) = kies(store, code, titel).await? else { return Ok(None) };
    Ok(store.planstand(code, &titel).await?)
}

/// The caseload change since `nulmeting`, counted on `g`'s spells as they were known on `peildatum`.
pub fn ontwikkeling(nulmeting: Option<Date>, g: &Gemeente, peildatum: Option<Date>) -> Option<buig_plan::Ontwikkeling> {
    nulmeting.and_then(|n| buig_plan::sinds_nulmeting(&g.uitkeringen_op(peildatum), n))
}

/// The chosen plan of `g` as shown on `peildatum` (today's data without one).
pub async fn plan(store: &Store, g: &Gemeente, titel: Option<&str>, peildatum: Option<Date>) -> Result<Option<Overzicht>, Fout> {
    let Some(stand) = planstand(store, g.code, titel).await? else { return Ok(None) };
    Ok(Some(stand.overzicht(ontwikkeling(stand.plan.nulmeting, g, peildatum))))
}

/// The plan behind the measures of vangnet year `jaar`: the plan linked to
/// that year, else the plan whose period covers it; never merely the latest.
pub async fn voor_vangnetjaar(store: &Store, code: GemeenteCode, jaar: buig_core::Year) -> Result<Option<String>, Fout> {
    let koppelingen = store.plan_koppelingen(code).await?;
    if let Some((titel, _)) = koppelingen.iter().find(|(_, jaren)| jaren.contains(&jaar.get())) {
        return Ok(Some(titel.clone()));
    }
    for (titel, jaren) in &koppelingen {
        if !jaren.is_empty() {
            continue; // linked to other years only
        }
        let Some(p) = store.plan(code, titel).await? else { continue };
        let dekt = match (p.van, p.tot) {
            (Some(van), Some(tot)) => i32::from(van.year()) <= jaar.get() && jaar.get() <= i32::from(tot.year()),
            (Some(van), None) => i32::from(van.year()) <= jaar.get(),
            _ => false,
        };
        if dekt {
            return Ok(Some(titel.clone()));
        }
    }
    Ok(None)
}

/// The plan of vangnet year `jaar` ([`voor_vangnetjaar`]) as shown on `peildatum`.
pub async fn plan_voor_vangnetjaar(
    store: &Store,
    g: &Gemeente,
    jaar: buig_core::Year,
    peildatum: Option<Date>,
) -> Result<Option<Overzicht>, Fout> {
    match voor_vangnetjaar(store, g.code, jaar).await? {
        Some(titel) => plan(store, g, Some(&titel), peildatum).await,
        None => Ok(None),
    }
}
