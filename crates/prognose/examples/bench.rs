// SPDX-License-Identifier: EUPL-1.2
//! Times the Monte Carlo on Voorbeeldstad: 10,000 runs of 2024 at peildatum
//! 2024-06-30 (target: under a second), and prints the backtest MAE.
//!
//!     cargo run --release -p buig-prognose --example bench [-- RUNS]

use std::time::Instant;

use buig_core::records::{ClientPseudoniem, Uitkering};
use buig_core::{nl, Year};
use buig_prognose::backtest::backtest;
use buig_prognose::montecarlo::simuleer;
use buig_prognose::{Gegevens, Prognosebasis, Scenario};

fn main() {
    let runs: u32 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let demo = buig_synth::voorbeeldstad();
    let uitkeringen: Vec<Uitkering> = demo.uitkeringen.iter().map(|s| s.als_uitkering(ClientPseudoniem(s.client_id.clone()))).collect();
    let g = Gegevens {
        gemeente: Some(demo.gemeente),
        naam: Some(demo.naam.to_string()),
        budgetten: demo.budgetten.clone(),
        realisatie: demo.realisatie.clone(),
        ..Default::default()
    };
    let t0 = Instant::now();
    let b = Prognosebasis::new(&g, &uitkeringen).expect("demo data");
    let u = b.uitgangspunt(Year::new(2024), jiff::civil::date(2024, 6, 30)).expect("demo data");
    let voorbereiding = t0.elapsed();
    let t1 = Instant::now();
    let s = simuleer(&u, &Scenario::default(), runs, 1);
    let mc = t1.elapsed();
    println!("voorbereiding (bestand + uitgangspunt): {:.1} ms", voorbereiding.as_secs_f64() * 1e3);
    println!("Monte Carlo {runs} runs: {:.1} ms ({:.2} µs per run)", mc.as_secs_f64() * 1e3, mc.as_secs_f64() * 1e6 / f64::from(runs));
    println!(
        "P10 {} · P50 {} · P90 {} · kans tekort {:.3} · kans vangnet {:.3} · verwacht vangnet {}",
        nl::money(s.p10),
        nl::money(s.p50),
        nl::money(s.p90),
        s.kans_tekort,
        s.kans_vangnet,
        nl::money(s.verwachte_vangnetuitkering)
    );
    let t2 = Instant::now();
    let bt = backtest(&b, 0, 0);
    println!(
        "backtest {} prognoses ({:.1} ms): MAE {} · {} procentpunt · MAE netto lasten {}",
        bt.regels.len(),
        t2.elapsed().as_secs_f64() * 1e3,
        nl::money(bt.mae),
        nl::getal(bt.mae_pp, 2),
        nl::money(bt.mae_netto_lasten)
    );
    for m in &bt.per_maand {
        println!("  eind maand {:>2}: MAE {:>12} · {} pp", m.maand, nl::money(m.mae), nl::getal(m.mae_pp, 2));
    }
}
