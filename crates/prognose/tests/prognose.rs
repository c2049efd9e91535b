// SPDX-License-Identifier: EUPL-1.2
//! The prognosis, Monte Carlo, scenarios and backtest on Voorbeeldstad
//! (`buig_synth::voorbeeldstad()`, no database).

use std::sync::OnceLock;

use buig_core::records::{ClientPseudoniem, Uitkering};
use buig_core::{Money, Year};
use buig_prognose::backtest::backtest;
use buig_prognose::montecarlo::{simuleer, verloop};
use buig_prognose::tekst::render_uitkomst;
use buig_prognose::{bereken_prognose, lees_scenarios, prognose_uitkomst, Gegevens, PrognoseVraag, Prognosebasis, Scenario};
use jiff::civil::date;

struct Demo {
    gegevens: Gegevens,
    uitkeringen: Vec<Uitkering>,
    demo: buig_synth::Demo,
}

fn demo() -> &'static Demo {
    static D: OnceLock<Demo> = OnceLock::new();
    D.get_or_init(|| {
        let demo = buig_synth::voorbeeldstad();
        let uitkeringen = demo.uitkeringen.iter().map(|s| s.als_uitkering(ClientPseudoniem(s.client_id.clone()))).collect();
        let gegevens = Gegevens {
            gemeente: Some(demo.gemeente),
            naam: Some(demo.naam.to_string()),
            budgetten: demo.budgetten.clone(),
            realisatie: demo.realisatie.clone(),
            jaarcijfers: Vec::new(),
            vangnet_verleend: None,
            verleend_per_jaar: Default::default(),
            rapportages: Vec::new(),
        };
        Demo { gegevens, uitkeringen, demo }
    })
}

fn basis() -> Prognosebasis<'static> {
    let d = demo();
    Prognosebasis::new(&d.gegevens, &d.uitkeringen).unwrap()
}

fn realised_2024() -> buig_synth::DemoJaar {
    demo().demo.jaaroverzicht().into_iter().find(|j| j.jaar == Year::new(2024)).unwrap()
}

#[test]
fn the_prognosis_at_31_december_equals_the_realised_result_of_the_year() {
    let b = basis();
    let u = b.uitgangspunt(Year::new(2024), date(2024, 12, 31)).unwrap();
    let p = bereken_prognose(&u, &Scenario::default());
    let r = realised_2024();
    assert_eq!(p.gerealiseerde_maanden, 12);
    assert_eq!(p.geprojecteerd_netto, Money::ZERO, "all months realised: nothing projected");
    assert_eq!(p.netto_lasten, r.netto_lasten);
    assert_eq!(p.budget_bedrag, r.budget_definitief, "the definitief of October is known on 31 December");
    assert_eq!(p.resultaat, r.resultaat);
    assert_eq!(buig_core::money::round_to_cents(p.tekort_percentage.value()), r.tekort_pct);
    let v = p.vangnet.as_ref().unwrap();
    assert_eq!(v.recht(), Some(true), "Voorbeeldstad 2024: 9,2% tekort");
}

#[test]
fn the_prognosis_at_mid_year_is_within_a_sane_band_of_the_realised_result() {
    let b = basis();
    let u = b.uitgangspunt(Year::new(2024), date(2024, 6, 30)).unwrap();
    let p = bereken_prognose(&u, &Scenario::default());
    let r = realised_2024();
    assert_eq!(p.gerealiseerde_maanden, 6);
    assert_eq!(p.maanden.len(), 12);
    // Net costs within 3% of the realised net costs.
    let diff = (p.netto_lasten - r.netto_lasten).cents().abs() as f64;
    assert!(diff < 0.03 * r.netto_lasten.cents() as f64, "prognose {} vs realisatie {}", p.netto_lasten, r.netto_lasten);
    // Before October the definitief is unknown: the nader voorlopig of May is used.
    assert_eq!(p.budget.soort, buig_core::records::BudgetSoort::NaderVoorlopig);
    assert_eq!(p.tekort, -p.resultaat);
}

#[test]
fn the_monte_carlo_is_reproducible_with_the_same_seed_and_differs_with_another() {
    let b = basis();
    let u = b.uitgangspunt(Year::new(2024), date(2024, 6, 30)).unwrap();
    let a = simuleer(&u, &Scenario::default(), 2_000, 7);
    let a2 = simuleer(&u, &Scenario::default(), 2_000, 7);
    let c = simuleer(&u, &Scenario::default(), 2_000, 8);
    assert_eq!(a, a2);
    assert_ne!(a.p50, c.p50);
}

#[test]
fn probabilities_lie_in_zero_to_one_and_the_percentiles_are_ordered() {
    let b = basis();
    for peil in [date(2024, 1, 31), date(2024, 6, 30), date(2024, 12, 31)] {
        let u = b.uitgangspunt(Year::new(2024), peil).unwrap();
        let s = simuleer(&u, &Scenario::default(), 2_000, 1);
        assert!((0.0..=1.0).contains(&s.kans_tekort), "{s:?}");
        assert!((0.0..=1.0).contains(&s.kans_vangnet), "{s:?}");
        assert!(s.p10 <= s.p50 && s.p50 <= s.p90, "{s:?}");
        assert!(!s.verwachte_vangnetuitkering.is_negative());
    }
}

#[test]
fn the_uncertainty_narrows_through_the_year_and_is_nil_at_its_end() {
    let b = basis();
    let v = verloop(&b, Year::new(2024), date(2024, 12, 31), 2_000, 1).unwrap();
    assert_eq!(v.len(), 12);
    assert!(v[0].breedte > v[8].breedte, "January {} vs September {}", v[0].breedte, v[8].breedte);
    assert_eq!(v[11].breedte, Money::ZERO, "31 December: everything realised, the definitief known");
}

#[test]
fn a_scenario_of_300_fewer_benefits_lowers_net_costs() {
    let b = basis();
    let u = b.uitgangspunt(Year::new(2024), date(2024, 6, 30)).unwrap();
    let basis = bereken_prognose(&u, &Scenario::default());
    let s = Scenario { minder_uitkeringen_eind_jaar: Some(300.0), ..Default::default() };
    let p = bereken_prognose(&u, &s);
    assert!(p.netto_lasten < basis.netto_lasten);
    // Linear to 300 by December over six months: 50+100+…+300 = 1.050 benefit-months × the price.
    let verwacht = u.prijs * rust_decimal::Decimal::from(1_050);
    let verschil = (basis.netto_lasten - p.netto_lasten).to_decimal();
    assert!((verschil - verwacht).abs() < rust_decimal::Decimal::from(2_000), "{verschil} vs {verwacht}");
    assert!(p.resultaat > basis.resultaat);
}

#[test]
fn scenario_knobs_move_the_result_the_right_way() {
    let b = basis();
    let u = b.uitgangspunt(Year::new(2024), date(2024, 6, 30)).unwrap();
    let basis = bereken_prognose(&u, &Scenario::default());
    let p = |s: Scenario| bereken_prognose(&u, &s);
    assert!(p(Scenario { instroom_pct: Some(-10.0), ..Default::default() }).netto_lasten < basis.netto_lasten);
    assert!(p(Scenario { uitstroom_pct: Some(10.0), ..Default::default() }).netto_lasten < basis.netto_lasten);
    assert!(p(Scenario { prijs_pct: Some(2.0), ..Default::default() }).netto_lasten > basis.netto_lasten);
    assert!(p(Scenario { lks_pct: Some(10.0), ..Default::default() }).netto_lasten > basis.netto_lasten);
    let a = p(Scenario { aandeel_pct: Some(1.0), ..Default::default() });
    assert!(a.budget_bedrag > basis.budget_bedrag);
    assert_eq!(a.netto_lasten, basis.netto_lasten);
}

#[test]
fn scenario_files_are_read_from_json_and_toml_and_wrong_knobs_are_refused() {
    let s = lees_scenarios(r#"{"instroom_pct": -10}"#, false).unwrap();
    assert_eq!(s, vec![Scenario { instroom_pct: Some(-10.0), ..Default::default() }]);
    let t =
        lees_scenarios("[[scenario]]\nnaam = \"aanvalsplan\"\nminder_uitkeringen_eind_jaar = 300\n\n[[scenario]]\nprijs_pct = 1.5\n", true)
            .unwrap();
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].naam.as_deref(), Some("aanvalsplan"));
    assert_eq!(t[0].minder_uitkeringen_eind_jaar, Some(300.0));
    assert!(lees_scenarios(r#"{"instroom": -10}"#, false).unwrap_err().0.contains("instroom"));
    assert!(lees_scenarios(r#"{"instroom_pct": -100}"#, false).is_err());
}

#[test]
fn the_backtest_runs_over_past_complete_years_and_its_mae_is_finite() {
    let b = basis();
    let bt = backtest(&b, 0, 0);
    assert_eq!(bt.jaren, (2016..=2025).collect::<Vec<_>>());
    assert_eq!(bt.kalibratie.dekking_p10_p90, None, "no runs, no band");
    assert_eq!(bt.regels.len(), 120);
    assert!(bt.mae.is_positive());
    assert!(bt.mae_pp > rust_decimal::Decimal::ZERO && bt.mae_pp < rust_decimal::Decimal::from(20), "{}", bt.mae_pp);
    // In December the definitief is known and every month realised: no error left.
    let dec = bt.per_maand.iter().find(|m| m.maand == 12).unwrap();
    assert_eq!(dec.mae, Money::ZERO);
}

#[test]
fn the_p10_p90_band_holds_about_80_percent_of_the_realised_results_of_the_demo() {
    let b = basis();
    let bt = backtest(&b, 400, 2024);
    let k = bt.kalibratie;
    let dekking = k.dekking_p10_p90.unwrap();
    assert!((0.72..=0.88).contains(&dekking), "coverage {dekking}");
    // Brier: better than always saying 50% (0,25), and 0 once the year is known.
    assert!(k.brier_tekort.unwrap() < 0.1 && k.brier_vangnet.unwrap() < 0.1, "{k:?}");
    let dec = bt.per_maand.iter().find(|m| m.maand == 12).unwrap().kalibratie;
    assert_eq!((dec.dekking_p10_p90, dec.brier_tekort), (Some(1.0), Some(0.0)));
    // Every row says whether it fell inside its band.
    let r = &bt.regels[0];
    assert_eq!(r.binnen_p10_p90, Some(r.p10.unwrap() <= r.gerealiseerd_resultaat && r.gerealiseerd_resultaat <= r.p90.unwrap()));
    let json = serde_json::to_value(&bt).unwrap();
    for k in ["dekking_p10_p90", "brier_tekort", "brier_vangnet"] {
        assert!(json[k].is_number() && json["per_maand"][0][k].is_number(), "{k}");
    }
}

#[test]
fn the_report_shows_dutch_figures_and_scenarios_beside_the_baseline() {
    let d = demo();
    let v = PrognoseVraag {
        jaar: Year::new(2024),
        peildatum: date(2024, 6, 30),
        scenarios: vec![Scenario { naam: Some("aanvalsplan".into()), minder_uitkeringen_eind_jaar: Some(300.0), ..Default::default() }],
        runs: 500,
        seed: 1,
    };
    let r = prognose_uitkomst(&d.gegevens, &d.uitkeringen, &v).unwrap();
    assert_eq!(r.verloop.len(), 6);
    assert_eq!(r.scenarios.len(), 1);
    assert!(r.scenarios[0].verschil_netto_lasten.is_negative());
    let t = render_uitkomst(&r);
    assert!(t.contains("Prognose BUIG 2024 Voorbeeldstad (GM9999), peildatum 30-06-2024"), "{t}");
    assert!(t.contains("aanvalsplan"));
    assert!(t.contains("€ "));
    let json = serde_json::to_value(&r).unwrap();
    for k in
        ["jaar", "peildatum", "netto_lasten", "resultaat", "tekort", "tekort_percentage", "vangnet", "onzekerheid", "verloop", "scenarios"]
    {
        assert!(json.get(k).is_some(), "key {k}");
    }
}

#[test]
fn a_peildatum_before_the_year_or_a_year_without_budget_is_refused_with_a_message() {
    let b = basis();
    assert!(b.uitgangspunt(Year::new(2024), date(2023, 12, 30)).unwrap_err().0.contains("peildatum"));
    assert!(b.uitgangspunt(Year::new(2015), date(2015, 6, 30)).unwrap_err().0.contains("voorgaand jaar"));
}
