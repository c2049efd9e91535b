// SPDX-License-Identifier: EUPL-1.2
//! Writes a few sample charts to /tmp/grafiek-*.svg for a visual check:
//! `cargo run -p buig-grafiek --example voorbeeld`.

use buig_grafiek::{Band, Eenheid, Grafiek, Reeks, Soort, Stijl};

fn main() -> std::io::Result<()> {
    for (name, g) in [("lijn", lijn()), ("staaf", staaf()), ("gestapeld", gestapeld()), ("maanden", maanden()), ("leeg", leeg())] {
        let path = format!("/tmp/grafiek-{name}.svg");
        std::fs::write(&path, g.svg())?;
        println!("{path}");
    }
    Ok(())
}

/// Caseload with a dotted prognosis and its P10–P90 fan, a gap in 2020.
fn lijn() -> Grafiek {
    let mut g = Grafiek::new("Bijstandsvolume Voorbeeldstad & prognose", Soort::Lijn, Eenheid::Aantal);
    g.beschrijving = "Het volume daalt van 2015 tot 2019, 2020 ontbreekt; de prognose voor 2025–2026 ligt tussen 1.150 en 1.420.".into();
    g.x_labels = (2015..=2026).map(|y| y.to_string()).collect();
    let real = [1410.0, 1385.0, 1350.0, 1302.0, 1270.0, f64::NAN, 1330.0, 1295.0, 1260.0, 1248.0];
    let mut realisatie: Vec<Option<f64>> = real.iter().map(|v| Some(*v).filter(|x| x.is_finite())).collect();
    realisatie.extend([None, None]);
    g.reeksen.push(Reeks::new("Realisatie", realisatie));
    let mut prognose = vec![None; 9];
    prognose.extend([Some(1248.0), Some(1262.0), Some(1281.0)]);
    g.reeksen.push(Reeks { naam: "Prognose".into(), waarden: prognose, stijl: Stijl::Gestippeld });
    let mut onder = vec![None; 9];
    onder.extend([Some(1248.0), Some(1195.0), Some(1150.0)]);
    let mut boven = vec![None; 9];
    boven.extend([Some(1248.0), Some(1330.0), Some(1420.0)]);
    g.band = Some(Band { naam: "P10–P90".into(), onder, boven });
    g
}

/// Budget against costs, the result below zero in two years.
fn staaf() -> Grafiek {
    let mut g = Grafiek::new("Budget, kosten en resultaat", Soort::Staaf, Eenheid::Euro);
    g.x_labels = (2019..=2024).map(|y| y.to_string()).collect();
    let budget = [38.2e6, 39.9e6, 41.5e6, 40.8e6, 42.6e6, 44.1e6];
    let kosten = [37.5e6, 41.2e6, 40.9e6, 43.7e6, 42.1e6, 45.0e6];
    g.reeksen.push(Reeks::new("Budget", budget.iter().map(|v| Some(*v)).collect()));
    g.reeksen.push(Reeks::new("Netto kosten", kosten.iter().map(|v| Some(*v)).collect()));
    g.reeksen.push(Reeks::new("Resultaat", budget.iter().zip(kosten).map(|(b, k)| Some(b - k)).collect()));
    g.nullijn = true;
    g
}

/// Outflow by reason, stacked, with a negative correction.
fn gestapeld() -> Grafiek {
    let mut g = Grafiek::new("Uitstroom naar reden", Soort::GestapeldeStaaf, Eenheid::Aantal);
    g.x_labels = ["2021", "2022", "2023", "2024"].map(String::from).to_vec();
    g.reeksen.push(Reeks::new("Werk", vec![Some(212.0), Some(248.0), Some(231.0), Some(260.0)]));
    g.reeksen.push(Reeks::new("Verhuizing", vec![Some(64.0), Some(58.0), None, Some(71.0)]));
    g.reeksen.push(Reeks::new("Overig", vec![Some(90.0), Some(77.0), Some(85.0), Some(80.0)]));
    g.reeksen.push(Reeks::new("Correctie", vec![Some(-12.0), None, Some(-30.0), Some(-5.0)]));
    g
}

/// Ten years of months: labels thinned; a shortfall percentage.
fn maanden() -> Grafiek {
    let mut g = Grafiek::new("Tekort als percentage van het budget", Soort::Lijn, Eenheid::Procent);
    let months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
    g.x_labels = (2016..2026).flat_map(|y| months.iter().map(move |m| format!("{m} {y}"))).collect();
    let waarden = (0..120).map(|i| Some(4.0 + 6.0 * ((i as f64) / 14.0).sin() - (i as f64) / 30.0)).collect();
    g.reeksen.push(Reeks::new("Tekort", waarden));
    g.nullijn = true;
    g
}

fn leeg() -> Grafiek {
    let mut g = Grafiek::new("Instroom (nog niet geïmporteerd)", Soort::Lijn, Eenheid::Aantal);
    g.reeksen.push(Reeks::new("Instroom", vec![None, None]));
    g
}
