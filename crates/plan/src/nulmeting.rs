// SPDX-License-Identifier: EUPL-1.2
//! The actual caseload change since a plan's baseline (nulmeting), counted
//! from the gemeente's spells by `buig-bestand`.

use buig_core::records::Uitkering;
use jiff::civil::Date;
use serde::Serialize;

/// The actual caseload change since the baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ontwikkeling {
    /// `2022-12`: the baseline month.
    pub nulmeting_maand: String,
    pub stand_nulmeting: u64,
    /// The last month with data (the latest start or end date among the spells).
    pub laatste_maand: String,
    pub stand_laatste: u64,
    /// `stand_laatste − stand_nulmeting` (negative = fewer benefits).
    pub verandering: i64,
}

/// The stock at the end of the baseline month against the stock at the end
/// of the last month with data, from the gemeente's spells via
/// `buig_bestand`. `None` without spells or when no month after the baseline
/// has data (unknown stays unknown).
pub fn sinds_nulmeting(uitkeringen: &[Uitkering], nulmeting: Date) -> Option<Ontwikkeling> {
    use buig_bestand::{bereken, Maand, Per, Vraag};
    let laatste = uitkeringen.iter().flat_map(|u| std::iter::once(u.startdatum).chain(u.einddatum)).max()?;
    let (van, tot) = (Maand::van_datum(nulmeting), Maand::van_datum(laatste));
    if tot <= van {
        return None;
    }
    let reeks = bereken(uitkeringen, &Vraag::new(van, tot, Per::Maand).ok()?);
    let (eerste, laatste) = (reeks.reeks.first()?, reeks.reeks.last()?);
    Some(Ontwikkeling {
        nulmeting_maand: eerste.periode.clone(),
        stand_nulmeting: eerste.stand,
        laatste_maand: laatste.periode.clone(),
        stand_laatste: laatste.stand,
        verandering: laatste.stand as i64 - eerste.stand as i64,
    })
}
