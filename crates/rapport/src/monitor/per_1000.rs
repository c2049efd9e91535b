// SPDX-License-Identifier: EUPL-1.2
//! The section per 1,000 inhabitants: the gemeente beside its size class
//! and Nederland, a line chart and its table, and why a group is unknown.

use std::collections::BTreeMap;

use buig_bestand::{Punt, Vergelijking, MIN_GROEP};
use buig_core::nl;
use buig_grafiek::{Eenheid, Grafiek, Reeks, Soort, Stijl};
use rust_decimal::Decimal;

use crate::doc::{gewoon, grafiek_met_tabel, Blok, Tabel};
use crate::gedeeld::kwartaal_label;
use crate::monitor::invoer::MonitorVergelijking;

/// The group's figure per 1,000 in period `i`: shown only when at least
/// [`MIN_GROEP`] gemeenten other than the asker's own count in it (the
/// group's own rule, `buig_bestand::groepsreeks`).
fn groep_per_1000(v: Option<&Vergelijking>, i: usize) -> Option<f64> {
    v?.reeks.get(i)?.per_1000
}

/// Why a group is or is not shown, in Dutch.
fn groep_uitleg(wat: &str, v: &Vergelijking) -> String {
    let n = v.gemeenten;
    if v.reeks.iter().all(|p| p.stand.is_none()) {
        return format!(
            "{wat}: onbekend. De database bevat voor deze kwartalen uitkeringen van {} {}, de eigen gemeente meegeteld; een groepscijfer wordt pas getoond als minstens {MIN_GROEP} andere gemeenten eraan bijdragen, zodat er geen afzonderlijke gemeente uit af te lezen is.",
            nl::aantal(n as u64),
            if n == 1 { v.groep.replacen("gemeenten", "gemeente", 1) } else { v.groep.clone() }
        );
    }
    let mut jaren: Vec<&str> = v.reeks.iter().filter(|p| p.per_1000.is_none()).filter_map(|p| p.periode.get(..4)).collect();
    jaren.dedup();
    let jaren = match jaren.split_last() {
        None => String::new(),
        Some((laatste, [])) => laatste.to_string(),
        Some((laatste, eerdere)) => format!("{} en {laatste}", eerdere.join(", ")),
    };
    let totaal = format!("{wat}: het totaal van {} {}", nl::aantal(n as u64), v.groep);
    if v.reeks.iter().all(|p| p.per_1000.is_none()) {
        format!(
            "{totaal}, maar het inwonertal op 1 januari {jaren} is van minder dan {MIN_GROEP} andere gemeenten bekend; een cijfer per 1.000 inwoners wordt niet geschat en is dus onbekend."
        )
    } else if jaren.is_empty() {
        format!("{totaal} (stand per 1.000 inwoners over de gemeenten met een bekend inwonertal).")
    } else {
        format!(
            "{totaal} (stand per 1.000 inwoners over de gemeenten met een bekend inwonertal). Van minder dan {MIN_GROEP} andere gemeenten is het inwonertal op 1 januari {jaren} bekend: die kwartalen zijn onbekend."
        )
    }
}

/// The section per 1,000 inhabitants: the gemeente beside its size class
/// and the Netherlands, a line chart and its table, and why a group is unknown.
pub fn blokken(naam: &str, punten: &[Punt], inwoners: &BTreeMap<i32, u64>, vergelijking: Option<&MonitorVergelijking>) -> Vec<Blok> {
    let mut blokken = vec![Blok::Alinea(gewoon(
        "Het aantal uitkeringen per 1.000 inwoners (inwonertal op 1 januari van het jaar), zodat de ontwikkeling los van de groei of krimp van de gemeente te lezen is en naast andere gemeenten kan worden gelegd. Een jaar zonder inwonertal blijft leeg.",
    ))];
    let klasse = vergelijking.and_then(|v| v.klasse.as_ref());
    let land = vergelijking.map(|v| &v.land);
    match vergelijking {
        None => blokken.push(Blok::Alinea(gewoon(
            "De vergelijking met de grootteklasse en met Nederland is onbekend: bij deze monitor zijn geen cijfers van andere gemeenten meegegeven.",
        ))),
        Some(v) if v.land.gemeenten < MIN_GROEP => blokken.push(Blok::Alinea(gewoon(format!(
            "De vergelijking met de grootteklasse en met Nederland is onbekend: de database bevat voor deze kwartalen uitkeringen van {} {}; een groep wordt pas getoond vanaf {MIN_GROEP} gemeenten, zodat er geen afzonderlijke gemeente uit af te lezen is.",
            nl::aantal(v.land.gemeenten as u64),
            if v.land.gemeenten == 1 { "gemeente" } else { "gemeenten" }
        )))),
        Some(v) => {
            let mut uitleg = vec![match &v.klasse {
                Some(k) => groep_uitleg("Grootteklasse", k),
                None => format!("Grootteklasse: onbekend, want het inwonertal van {naam} is niet bekend."),
            }];
            uitleg.push(groep_uitleg("Nederland", &v.land));
            uitleg.push(
                "Een gemeente telt mee wanneer de database aan het einde van elk kwartaal lopende uitkeringen van haar bevat; Nederland is het hele land alleen wanneer alle gemeenten zijn geïmporteerd."
                    .into(),
            );
            blokken.push(Blok::Alinea(gewoon(uitleg.join(" "))));
        }
    }
    let klasse_naam = klasse.map_or_else(|| "Grootteklasse".to_string(), |k| nl::hoofdletter(&k.groep));
    let mut gp = Grafiek::new("Uitkeringen per 1.000 inwoners", Soort::Lijn, Eenheid::Aantal);
    gp.x_labels = punten.iter().map(|p| kwartaal_label(&p.periode)).collect();
    gp.reeksen.push(Reeks::new(naam.to_string(), punten.iter().map(|p| p.per_1000).collect()));
    let klasse_w: Vec<Option<f64>> = (0..punten.len()).map(|i| groep_per_1000(klasse, i)).collect();
    let land_w: Vec<Option<f64>> = (0..punten.len()).map(|i| groep_per_1000(land, i)).collect();
    if klasse_w.iter().any(Option::is_some) {
        gp.reeksen.push(Reeks { naam: klasse_naam.clone(), waarden: klasse_w.clone(), stijl: Stijl::Gestippeld });
    }
    if land_w.iter().any(Option::is_some) {
        gp.reeksen.push(Reeks { naam: "Nederland".into(), waarden: land_w.clone(), stijl: Stijl::Gestippeld });
    }
    let per = |v: Option<f64>| v.map(|v| nl::getal(Decimal::from_f64_retain(v).unwrap_or_default(), 2));
    let rijen = punten
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let jaar: i32 = p.periode.get(..4).and_then(|j| j.parse().ok()).unwrap_or_default();
            vec![
                kwartaal_label(&p.periode),
                nl::aantal(p.stand),
                inwoners.get(&jaar).map(|n| nl::aantal(*n)).unwrap_or_else(|| "onbekend".into()),
                per(p.per_1000).unwrap_or_else(|| "–".into()),
                per(klasse_w[i]).unwrap_or_else(|| "onbekend".into()),
                per(land_w[i]).unwrap_or_else(|| "onbekend".into()),
            ]
        })
        .collect();
    let tabel = Tabel {
        kop: vec![
            "Kwartaal".into(),
            "Uitkeringen".into(),
            "Inwoners".into(),
            format!("Per 1.000 {naam}"),
            "Per 1.000 grootteklasse".into(),
            "Per 1.000 Nederland".into(),
        ],
        rijen,
        rechts: vec![false, true, true, true, true, true],
    };
    blokken.extend(grafiek_met_tabel(gp, tabel));
    blokken
}
