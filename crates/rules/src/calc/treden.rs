// SPDX-License-Identifier: EUPL-1.2
//! The tiers of a route: the part of the shortfall inside each and what it
//! pays, the own-risk part first (H1), and how a tier is named.

use buig_core::{nl, Money, Percentage};
use rust_decimal::Decimal;

use crate::result::TredeUitkomst;
use crate::table::{Status, Trede, VerlaagdeDrempel};

/// The parts of the shortfall per tier of `budget` (the threshold budget).
pub(crate) fn tiers(tekort: Decimal, budget: Money, drempel: Percentage, treden: &[Trede], eigen_status: Status) -> Vec<TredeUitkomst> {
    let slice = |van: Percentage, tot: Option<Percentage>| {
        let lower = van.of(budget);
        let part = (tekort - lower).max(Decimal::ZERO);
        match tot {
            Some(t) => part.min(t.of(budget) - lower),
            None => part,
        }
    };
    let mut out = vec![TredeUitkomst {
        symbool: "H1".into(),
        van_percentage: Percentage::ZERO,
        tot_percentage: Some(drempel),
        vergoeding_percentage: Percentage::ZERO,
        deel_tekort: slice(Percentage::ZERO, Some(drempel)),
        bedrag: Decimal::ZERO,
        status: eigen_status,
    }];
    for (i, t) in treden.iter().enumerate() {
        let deel = slice(t.van, t.tot);
        out.push(TredeUitkomst {
            symbool: format!("H{}", i + 2),
            van_percentage: t.van,
            tot_percentage: t.tot,
            vergoeding_percentage: t.vergoeding,
            deel_tekort: deel,
            bedrag: t.vergoeding.of_euros(deel),
            status: t.status,
        });
    }
    out
}

/// The sum the tiers pay, exact.
pub(crate) fn som(treden: &[TredeUitkomst]) -> Decimal {
    treden.iter().map(|t| t.bedrag).sum()
}

/// A tier in words: `50% van het deel tussen 7,5% en 12,5% van B`.
pub(crate) fn label(t: &TredeUitkomst) -> String {
    match t.tot_percentage {
        Some(tot) if t.van_percentage == Percentage::ZERO => format!("tot en met {} van B (eigen risico)", nl::rule_percentage(tot)),
        Some(tot) => format!(
            "{} van het deel tussen {} en {} van B",
            nl::rule_percentage(t.vergoeding_percentage),
            nl::rule_percentage(t.van_percentage),
            nl::rule_percentage(tot)
        ),
        None => {
            format!("{} van het deel boven {} van B", nl::rule_percentage(t.vergoeding_percentage), nl::rule_percentage(t.van_percentage))
        }
    }
}

/// The source of a computed tier, from the rule's tiers.
pub(crate) fn bron<'a>(regular: &'a [Trede], ext: &'a Option<VerlaagdeDrempel>, tr: &TredeUitkomst) -> Option<&'a str> {
    regular
        .iter()
        .chain(ext.iter().flat_map(|v| v.treden.iter()))
        .find(|t| t.van == tr.van_percentage && t.tot == tr.tot_percentage && t.vergoeding == tr.vergoeding_percentage)
        .map(|t| t.bron.as_str())
}
