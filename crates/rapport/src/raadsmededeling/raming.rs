// SPDX-License-Identifier: EUPL-1.2
//! The multi-year outlook in the raadsmededeling: a sentence on the last
//! year, the result per year with its band as a chart and a table, and what
//! the later years rest on — for the begroting's meerjarenraming.

use buig_core::nl;
use buig_grafiek::{Band, Eenheid, Grafiek, Reeks, Soort};
use buig_prognose::raming::Raming;
use buig_prognose::zinnen;
use rust_decimal::Decimal;

use crate::doc::{gewoon, grafiek_met_tabel, Blok, Tabel};
use crate::gedeeld::euro_f64;

fn procent(x: f64) -> String {
    nl::procent(Decimal::from_f64_retain(x * 100.0).unwrap_or_default(), 1)
}

pub fn blokken(r: &Raming) -> Vec<Blok> {
    let (Some(eerste), Some(laatste)) = (r.jaren.first(), r.jaren.last()) else { return Vec::new() };
    let mut b = vec![Blok::Kop1(format!("Meerjarenraming {}–{}", eerste.jaar, laatste.jaar))];
    b.push(Blok::Alinea(gewoon(format!(
        "Voor de meerjarenraming is het lopende jaar de prognose hierboven; de jaren daarna zijn doorgetrokken met de in- en uitstroom van de afgelopen jaren, een prijs per uitkering die jaarlijks {} stijgt en een budget uit de bekende beschikkingen of, daarna, uit de ontwikkeling van het macrobudget en het eigen aandeel. Verwacht resultaat {}: {}; met 80% zekerheid {}. Hoe verder vooruit, hoe breder de band.",
        procent(r.grondslag.prijsstijging),
        laatste.jaar,
        zinnen::resultaat_woorden(laatste.resultaat.p50),
        zinnen::band_woorden(laatste.resultaat.p10, laatste.resultaat.p90)
    ))));
    let mut g = Grafiek::new("Verwacht resultaat per jaar (P10–P90)", Soort::Lijn, Eenheid::Euro);
    g.nullijn = true;
    g.x_labels = r.jaren.iter().map(|j| j.jaar.to_string()).collect();
    g.band = Some(Band {
        naam: "P10–P90".into(),
        onder: r.jaren.iter().map(|j| Some(euro_f64(j.resultaat.p10))).collect(),
        boven: r.jaren.iter().map(|j| Some(euro_f64(j.resultaat.p90))).collect(),
    });
    g.reeksen.push(Reeks::new("Verwacht resultaat (P50)", r.jaren.iter().map(|j| Some(euro_f64(j.resultaat.p50))).collect()));
    let rijen = r
        .jaren
        .iter()
        .map(|j| {
            vec![
                j.jaar.to_string(),
                nl::money(j.budget.p50),
                nl::money(j.netto_lasten.p50),
                nl::money(j.resultaat.p50),
                format!("{} – {}", nl::money(j.resultaat.p10), nl::money(j.resultaat.p90)),
                nl::kans(j.kans_tekort),
                j.kans_vangnet.map(nl::kans).unwrap_or_else(|| "onbekend".into()),
            ]
        })
        .collect();
    let tabel = Tabel {
        kop: ["Jaar", "Budget", "Netto lasten", "Resultaat", "P10 – P90", "Kans op een tekort", "Kans op een vangnetuitkering"]
            .map(String::from)
            .to_vec(),
        rijen,
        rechts: vec![false, true, true, true, true, true, true],
    };
    b.extend(grafiek_met_tabel(g, tabel));
    if let Some((j, reden)) = r.jaren.iter().find_map(|j| j.vangnet_reden.as_ref().map(|x| (j.jaar, x))) {
        b.push(Blok::Alinea(gewoon(format!("De kans op een vangnetuitkering is vanaf {j} onbekend: {reden}."))));
    }
    b
}
