// SPDX-License-Identifier: EUPL-1.2
//! The multi-year outlook on Voorbeeldstad (`buig_synth::voorbeeldstad()`, no
//! database): the current year is the prognosis, the bands widen with the
//! horizon, uncovered years have no vangnet chance, scenarios apply, and the
//! outlook's own backtest by horizon.

use std::sync::OnceLock;

use buig_core::records::{ClientPseudoniem, Uitkering};
use buig_core::Year;
use buig_prognose::raming::backtest::raming_backtest;
use buig_prognose::raming::{raming, RamingStadium, RamingVraag};
use buig_prognose::{prognose_uitkomst, Gegevens, PrognoseVraag, Scenario};
use jiff::civil::date;

fn demo() -> &'static (Gegevens, Vec<Uitkering>) {
    static D: OnceLock<(Gegevens, Vec<Uitkering>)> = OnceLock::new();
    D.get_or_init(|| {
        let demo = buig_synth::voorbeeldstad();
        let uitkeringen = demo.uitkeringen.iter().map(|s| s.als_uitkering(ClientPseudoniem(s.client_id.clone()))).collect();
        let g = Gegevens {
            gemeente: Some(demo.gemeente),
            naam: Some(demo.naam.to_string()),
            budgetten: demo.budgetten.clone(),
            realisatie: demo.realisatie.clone(),
            ..Default::default()
        };
        (g, uitkeringen)
    })
}

fn vraag(peildatum: jiff::civil::Date, tot: i32, scenario: Scenario) -> RamingVraag {
    RamingVraag { peildatum, tot: Year::new(tot), runs: 500, seed: 7, scenario }
}

#[test]
fn the_current_year_of_the_outlook_is_the_prognosis_headline() {
    let (g, u) = demo();
    let r = raming(g, u, &vraag(date(2026, 6, 30), 2030, Scenario::default())).unwrap();
    let p = prognose_uitkomst(
        g,
        u,
        &PrognoseVraag { jaar: Year::new(2026), peildatum: date(2026, 6, 30), scenarios: vec![], runs: 500, seed: 7 },
    )
    .unwrap();
    let j = &r.jaren[0];
    assert_eq!((j.jaar, j.stadium), (Year::new(2026), RamingStadium::Prognose));
    assert_eq!(j.resultaat.p50, p.kop.resultaat, "the same draws as the prognosis");
    assert_eq!((j.resultaat.p10, j.resultaat.p90), (p.kop.p10.unwrap(), p.kop.p90.unwrap()));
    assert_eq!(Some(j.kans_tekort), p.kop.kans_tekort);
    assert_eq!(j.kans_vangnet, p.kop.kans_vangnet);
    assert_eq!(r.jaren.len(), 5, "2026 and four years ahead");
}

#[test]
fn the_band_widens_with_the_horizon_and_uncovered_years_have_no_vangnet_chance() {
    let (g, u) = demo();
    let r = raming(g, u, &vraag(date(2026, 6, 30), 2030, Scenario::default())).unwrap();
    let breedte: Vec<i64> = r.jaren.iter().map(|j| (j.resultaat.p90 - j.resultaat.p10).cents()).collect();
    assert!(breedte.windows(2).skip(1).all(|w| w[1] > w[0]), "{breedte:?}");
    for j in &r.jaren[1..] {
        assert_eq!(j.stadium, RamingStadium::Raming);
        assert!(j.budget.p10 <= j.budget.p50 && j.budget.p50 <= j.budget.p90);
        assert_eq!(j.kans_vangnet, None, "{}: the rule table ends in 2026", j.jaar);
        assert!(j.vangnet_reden.as_deref().unwrap().contains("bekend tot en met 2026"));
    }
    // 2027 has a voorlopig decision (1 October 2026) only after this peildatum: a trend, not a decision.
    assert!(r.jaren[1].budget_bron.starts_with("macrobudget"), "{}", r.jaren[1].budget_bron);
    // Prices rise: net costs grow from year to year at the median.
    assert!(r.jaren.windows(2).all(|w| w[1].netto_lasten.p50 > w[0].netto_lasten.p50));
    assert!(r.grondslag.prijs_jaren.len() >= 10 && r.grondslag.prijsstijging > 0.0);
    let json = serde_json::to_value(&r).unwrap();
    let j0 = &json["jaren"][0];
    for k in ["jaar", "budget", "netto_lasten", "resultaat", "kans_tekort", "kans_vangnet"] {
        assert!(j0.get(k).is_some(), "{k}");
    }
    assert!(j0["resultaat"]["p10"].is_number() && j0["resultaat"]["p50"].is_number() && j0["resultaat"]["p90"].is_number());
}

#[test]
fn a_decision_known_on_the_peildatum_sets_the_next_years_budget() {
    let (g, u) = demo();
    let r = raming(g, u, &vraag(date(2026, 10, 31), 2028, Scenario::default())).unwrap();
    let v2027 = g.budgetten.iter().find(|b| b.jaar == Year::new(2027)).unwrap();
    let j = &r.jaren[1];
    assert_eq!(j.budget_bron, "bekende beschikking, verwacht definitief");
    let afwijking = (j.budget.p50 - v2027.bedrag).cents().abs() as f64 / v2027.bedrag.cents() as f64;
    assert!(afwijking < 0.1, "the drawn definitief stays near the voorlopig: {afwijking}");
}

#[test]
fn a_scenario_with_less_inflow_lowers_the_net_costs_of_every_later_year() {
    let (g, u) = demo();
    let basis = raming(g, u, &vraag(date(2026, 6, 30), 2029, Scenario::default())).unwrap();
    let minder = Scenario { instroom_pct: Some(-10.0), ..Default::default() };
    let s = raming(g, u, &vraag(date(2026, 6, 30), 2029, minder)).unwrap();
    for (a, b) in basis.jaren.iter().zip(&s.jaren) {
        assert!(b.netto_lasten.p50 < a.netto_lasten.p50, "{}", a.jaar);
    }
}

#[test]
fn the_outlooks_backtest_reports_the_error_by_horizon() {
    let (g, u) = demo();
    let bt = raming_backtest(g, u, 4, 200, 7).unwrap();
    assert_eq!(bt.peildata.len(), 10);
    let h: Vec<i32> = bt.per_horizon.iter().map(|h| h.horizon).collect();
    assert_eq!(h, vec![0, 1, 2, 3, 4]);
    assert!(bt.per_horizon.iter().all(|h| h.mae.is_positive() && (0.0..=1.0).contains(&h.dekking_p10_p90)));
    // Fewer years to compare the further ahead.
    assert!(bt.per_horizon.windows(2).all(|w| w[1].aantal < w[0].aantal));
}
