// SPDX-License-Identifier: EUPL-1.2
//! The costs of the year to date against the BUIG budget, month by month.

use buig_core::{nl, Money, Year};
use buig_grafiek::{Eenheid, Grafiek, Reeks, Soort, Stijl};

use crate::doc::{gewoon, grafiek_met_tabel, Blok, Tabel};
use crate::gedeeld::euro_f64;

/// The section "Kosten en BUIG-budget".
pub fn blokken(t: Year, kwartaal: &str, budget: Option<(&str, Money)>, maanden: &[(u8, Money)], besteed: Money) -> Vec<Blok> {
    let mut b = Vec::new();
    let Some((soort, bedrag)) = budget else {
        b.push(Blok::Kader { titel: "Geen budget".into(), items: vec![format!("Er is nog geen beschikking over {t} bekend.")] });
        return b;
    };
    let naar_rato = |m: u8| bedrag.maal_breuk(i128::from(m), 12);
    let laatste_maand = maanden.last().map_or(0, |m| m.0);
    b.push(Blok::Alinea(gewoon(format!(
        "De netto lasten (lasten min baten) t/m {kwartaal} zijn {}; naar rato van het {soort} budget ({}) was {} beschikbaar, een verschil van {}.",
        nl::money(besteed),
        nl::money(bedrag),
        nl::money(naar_rato(laatste_maand)),
        nl::money(naar_rato(laatste_maand) - besteed)
    ))));
    let mut g = Grafiek::new(format!("Netto lasten {t} cumulatief tegen het BUIG-budget"), Soort::Lijn, Eenheid::Euro);
    g.x_labels = (1..=12i8).map(|m| nl::month_short(t.get() as i16, m)).collect();
    let mut cum = Money::ZERO;
    let mut lasten = vec![None; 12];
    let mut rijen = Vec::new();
    for (m, n) in maanden {
        cum += *n;
        lasten[(*m - 1) as usize] = Some(euro_f64(cum));
        rijen.push(vec![
            nl::month_short(t.get() as i16, *m as i8),
            nl::money(*n),
            nl::money(cum),
            nl::money(naar_rato(*m)),
            nl::money(naar_rato(*m) - cum),
        ]);
    }
    g.reeksen.push(Reeks::new("Netto lasten cumulatief", lasten));
    g.reeksen.push(Reeks {
        naam: format!("Budget naar rato ({soort})"),
        waarden: (1..=12u8).map(|m| Some(euro_f64(naar_rato(m)))).collect(),
        stijl: Stijl::Gestippeld,
    });
    // The table has the budget for the realised months; the chart's line runs on to December.
    let mut tabel = Tabel {
        kop: vec!["Maand".into(), "Netto lasten".into(), "Cumulatief".into(), "Budget naar rato".into(), "Verschil".into()],
        rijen,
        rechts: vec![false, true, true, true, true],
    };
    for m in (laatste_maand + 1)..=12 {
        tabel.rijen.push(vec![nl::month_short(t.get() as i16, m as i8), "–".into(), "–".into(), nl::money(naar_rato(m)), "–".into()]);
    }
    b.extend(grafiek_met_tabel(g, tabel));
    b
}
