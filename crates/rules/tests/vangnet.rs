// SPDX-License-Identifier: EUPL-1.2
//! The vangnet rules, named as sentences: the seed cases to the euro, both
//! sides of every rule change, exact thresholds, the multi-year condition,
//! aanhoudend tekort, the 2025 extended route, and properties of the payout.

use buig_core::{Money, Year};
use buig_rules::{bereken, bereken_tekst, Case, CaseFile, Formulier, Route, RuleTable, Status, VangnetError, VangnetResult, YearInput};
use rust_decimal::Decimal;

/// A case for `jaar` with budget `b` and tekort `t` (euros), plus earlier years' tekorten.
fn case(jaar: i32, b: i64, t: i64, vorige: &[(i32, i64)]) -> CaseFile {
    let mut f = CaseFile { jaar, ..Default::default() };
    f.jaren.insert(
        jaar.to_string(),
        YearInput { budget: Some(Money::from_euros(b)), tekort: Some(Money::from_euros(t)), ..Default::default() },
    );
    for &(y, ty) in vorige {
        f.jaren.insert(y.to_string(), YearInput { tekort: Some(Money::from_euros(ty)), ..Default::default() });
    }
    f
}

fn run(f: CaseFile) -> VangnetResult {
    bereken(&Case::from_file(f).expect("valid case")).expect("covered year")
}

/// Whole euros of a payout that must be known (a payout is whole euros: no cents).
fn euros(m: Option<Money>) -> i64 {
    let m = m.expect("known payout");
    assert_eq!(m.cents() % 100, 0, "a payout is whole euros");
    m.cents() / 100
}

/// The exact (unrounded) payout of the route taken.
fn exact(r: &VangnetResult) -> Decimal {
    r.treden.iter().map(|t| t.bedrag).sum()
}

#[test]
fn every_year_2015_to_2026_has_exactly_one_rule() {
    let table = RuleTable::bundled();
    for y in 2015..=2026 {
        let n = table.rules().iter().filter(|r| r.covers(Year::new(y))).count();
        assert_eq!(n, 1, "year {y} is covered by {n} rules");
    }
    assert_eq!(table.first_year(), Year::new(2015));
    assert_eq!(table.last_year(), Year::new(2026));
}

#[test]
fn years_outside_2015_to_2026_are_refused_with_the_covered_span() {
    for y in [2014, 2027, 1999] {
        let err = bereken_tekst(&format!(r#"{{"jaar": {y}, "jaren": {{"{y}": {{"budget": 1000000, "tekort": 200000}}}}}}"#), false)
            .expect_err("must refuse");
        let msg = err.to_string();
        assert!(matches!(err, VangnetError::Regel(_)), "{msg}");
        assert!(msg.contains(&y.to_string()) && msg.contains("2015 t/m 2026"), "{msg}");
    }
}

#[test]
fn an_uncovered_year_is_refused_even_when_its_figures_are_also_wrong() {
    let err = bereken_tekst(r#"{"jaar": 2014, "jaren": {}}"#, false).unwrap_err();
    assert!(err.to_string().contains("2015 t/m 2026"), "{err}");
}

#[test]
fn deventer_2023_gets_149_870_as_in_seed_002() {
    let r = run(case(2023, 41_984_531, 3_448_580, &[(2022, 3_668_940), (2021, -1_000_000)]));
    assert_eq!(r.regel, "vangnet-2021-2024");
    assert_eq!(r.tekort_percentage.value().round_dp(2), Decimal::new(821, 2));
    assert_eq!(r.drempel_bedrag, Decimal::new(314_883_983, 2)); // 7,5% of B = 3.148.839,825
    assert!(r.voorwaarde_a);
    assert_eq!(r.meerjarig_tekort, Some(Money::from_euros(6_117_520)));
    assert_eq!(r.voorwaarde_b, Some(true));
    assert_eq!(r.recht, Some(true));
    assert_eq!(r.treden[1].deel_tekort, Decimal::new(299_740_175, 3)); // € 299.740 above 7,5%
    assert_eq!(euros(r.vangnetuitkering), 149_870);
    assert_eq!(euros(r.eigen_risico), 3_448_580 - 149_870);
    assert_eq!(r.status, Status::Bevestigd);
    assert_eq!(r.uiterste_indiendatum, jiff::civil::date(2024, 8, 15));
    let step_i = r.stappen.iter().find(|s| s.symbool == "I").unwrap();
    assert_eq!(step_i.bedrag, Some(Decimal::from(149_870)));
}

#[test]
fn deventer_2022_gets_about_444_700_from_9_9_percent_as_in_seed_001() {
    // Seed 001 gives 9,9% and € 444.700 (rounded to hundreds); B is chosen so
    // that the tekort is exactly 9,9%. 2020 below the threshold, 2021 a surplus.
    let mut f = case(2022, 37_060_000, 3_668_940, &[(2021, -400_000), (2020, 1_500_000)]);
    f.vangnet_verleend = Some(vec![]);
    let r = run(f);
    assert_eq!(r.tekort_percentage.value().round_dp(2), Decimal::new(990, 2));
    let paid = euros(r.vangnetuitkering);
    assert_eq!((paid + 50) / 100 * 100, 444_700, "paid {paid}");
    assert_eq!(r.formulier, Some(Formulier::Basisverzoek));
}

#[test]
fn seed_001_reads_the_multi_year_condition_as_a_sum_over_the_current_budget_not_an_average() {
    // 2020: 5%, 2021: -1%, 2022: 9,9% of comparable budgets: the average (4,6%)
    // is below 7,5%, yet the sum over B_2022 is 13,9%: the condition is met.
    let b = 37_060_000;
    let r = run(case(2022, b, b * 99 / 1000, &[(2021, -b / 100), (2020, b * 5 / 100)]));
    assert_eq!(r.voorwaarde_b, Some(true));
    assert_eq!(r.meerjarig_percentage.unwrap().value().round_dp(1), Decimal::new(139, 1));
    assert!(r.uitleg.iter().any(|u| u.contains("niet om een gemiddeld percentage")));
}

#[test]
fn the_four_2018_prognoses_of_seed_003_are_reproduced() {
    // (gemeente, voorlopig budget 2018, tekort 2018, tekort 2017, tekort 2016, expected payout)
    let seeds = [
        ("Bedum", 2_253_777, 214_223, 446_189, 332_376, 50_767),
        ("De Marne", 3_778_263, 367_737, 461_702, 559_807, 89_412),
        ("Winsum", 3_816_060, 166_940, 394_593, 278_082, 0),
        ("Eemsmond", 6_095_789, 218_211, 492_524, 240_402, 0),
    ];
    for (naam, b, t, t17, t16, expected) in seeds {
        let r = run(case(2018, b, t, &[(2017, t17), (2016, t16)]));
        assert_eq!(r.meerjarig_jaren, vec![Year::new(2016), Year::new(2017), Year::new(2018)], "{naam}");
        assert_eq!(r.voorwaarde_b, Some(true), "{naam}: the cumulative shortfall is far above 5%");
        assert_eq!(euros(r.vangnetuitkering), expected, "{naam}");
        assert_eq!(r.voorwaarde_a, expected > 0, "{naam}");
        assert_eq!(r.recht, Some(expected > 0), "{naam}");
    }
}

#[test]
fn a_shortfall_of_exactly_the_threshold_gives_nothing_and_one_cent_more_gives_a_right() {
    let at = run(case(2023, 40_000_000, 3_000_000, &[(2022, 3_000_000), (2021, 0)]));
    assert!(!at.voorwaarde_a);
    assert_eq!(at.recht, Some(false));
    assert_eq!(euros(at.vangnetuitkering), 0);
    assert!(at.uitleg.iter().any(|u| u.contains("precies gelijk")));

    let mut f = case(2023, 40_000_000, 0, &[(2022, 3_000_000), (2021, 0)]);
    f.jaren.get_mut("2023").unwrap().tekort = Some(Money::from_cents(300_000_001));
    let above = run(f);
    assert!(above.voorwaarde_a);
    assert_eq!(above.recht, Some(true));
    assert_eq!(exact(&above), Decimal::new(5, 3)); // 50% of one cent
}

#[test]
fn a_cumulative_shortfall_of_exactly_the_threshold_fails_condition_b() {
    // B 40M; 7,5% = 3M. 2023: 8% = 3,2M; 2022 + 2021 = -0,2M: sum exactly 3M.
    let r = run(case(2023, 40_000_000, 3_200_000, &[(2022, -100_000), (2021, -100_000)]));
    assert!(r.voorwaarde_a);
    assert_eq!(r.meerjarig_tekort, Some(Money::from_euros(3_000_000)));
    assert_eq!(r.voorwaarde_b, Some(false));
    assert_eq!(r.recht, Some(false));
}

#[test]
fn the_multi_year_condition_can_fail_while_the_years_own_shortfall_passes() {
    let r = run(case(2023, 40_000_000, 3_200_000, &[(2022, -1_000_000), (2021, -500_000)]));
    assert!(r.voorwaarde_a, "8% is above 7,5%");
    assert_eq!(r.voorwaarde_b, Some(false), "3,2M − 1,5M = 1,7M is not above 3M");
    assert_eq!(r.recht, Some(false));
    assert_eq!(euros(r.vangnetuitkering), 0);
    assert_eq!(euros(r.eigen_risico), 3_200_000);
}

#[test]
fn the_multi_year_window_is_two_years_in_2017_and_three_from_2018() {
    // A large surplus in 2015 must not count for 2017; it does not exist for 2018's window either.
    let r17 = run(case(2017, 10_000_000, 800_000, &[(2016, 0), (2015, -5_000_000)]));
    assert_eq!(r17.meerjarig_jaren, vec![Year::new(2016), Year::new(2017)]);
    assert_eq!(r17.voorwaarde_b, Some(true));
    let r18 = run(case(2018, 10_000_000, 800_000, &[(2017, 0), (2016, -5_000_000)]));
    assert_eq!(r18.meerjarig_jaren.len(), 3);
    assert_eq!(r18.voorwaarde_b, Some(false), "2016's surplus counts negative in 2018");
    let r19 = run(case(2019, 10_000_000, 800_000, &[(2018, 0), (2017, 0), (2016, -5_000_000)]));
    assert_eq!(r19.meerjarig_jaren, vec![Year::new(2017), Year::new(2018), Year::new(2019)]);
    assert_eq!(r19.voorwaarde_b, Some(true), "2016 is outside the 2019 window");
}

#[test]
fn a_missing_year_of_the_window_makes_condition_b_and_the_right_unknown_with_a_warning() {
    let r = run(case(2023, 40_000_000, 4_000_000, &[(2022, 1_000_000)]));
    assert_eq!(r.voorwaarde_b, None);
    assert_eq!(r.recht, None);
    assert_eq!(r.vangnetuitkering, None);
    assert_eq!(r.vangnetuitkering_indien_recht, Money::from_euros(500_000)); // 50% of 10% − 7,5% of 40M
    assert!(r.waarschuwingen.iter().any(|w| w.contains("2021")), "{:?}", r.waarschuwingen);
}

#[test]
fn a_missing_year_does_not_matter_when_condition_a_already_fails() {
    let r = run(case(2023, 40_000_000, 1_000_000, &[]));
    assert_eq!(r.recht, Some(false));
    assert_eq!(euros(r.vangnetuitkering), 0);
}

#[test]
fn the_threshold_rises_from_5_to_7_5_percent_between_2018_and_2019() {
    let prev = |y: i32| [(y - 1, 600_000), (y - 2, 600_000)];
    let r18 = run(case(2018, 10_000_000, 600_000, &prev(2018)));
    let r19 = run(case(2019, 10_000_000, 600_000, &prev(2019)));
    assert_eq!(euros(r18.vangnetuitkering), 50_000, "50% of 6% − 5%");
    assert_eq!(euros(r19.vangnetuitkering), 0, "6% is below 7,5%");
}

#[test]
fn the_middle_tier_ends_at_10_percent_in_2016_and_at_12_5_percent_from_2017() {
    let r16 = run(case(2016, 10_000_000, 1_100_000, &[]));
    let r17 = run(case(2017, 10_000_000, 1_100_000, &[(2016, 1_100_000)]));
    assert_eq!(euros(r16.vangnetuitkering), 350_000, "50% of 5% + 100% of 1%");
    assert_eq!(euros(r17.vangnetuitkering), 300_000, "50% of 6%");
    assert_eq!(r16.status, Status::Onbevestigd, "the 2016 rule is a working hypothesis");
    assert_eq!(r17.status, Status::Afgeleid, "2017's tier rate is reproduced from Moerdijk's decision only");
}

#[test]
fn the_2015_sliding_scale_pays_double_between_7_5_and_10_percent_and_t_minus_5_percent_above() {
    let at = |t| run(case(2015, 10_000_000, t, &[]));
    assert_eq!(euros(at(900_000).vangnetuitkering), 300_000, "2 × (9% − 7,5%)");
    assert_eq!(euros(at(1_200_000).vangnetuitkering), 700_000, "12% − 5%");
    assert_eq!(euros(at(1_000_000).vangnetuitkering), 500_000, "continuous at 10%");
    assert_eq!(euros(at(700_000).vangnetuitkering), 0);
    assert_eq!(at(700_000).status, Status::Bevestigd, "below the verified threshold the unverified tiers decide nothing");
    assert_eq!(at(900_000).status, Status::Onbevestigd);
    assert!(!at(900_000).onbevestigd.is_empty());
}

#[test]
fn between_2015_and_2016_the_threshold_drops_from_7_5_to_5_percent() {
    let r15 = run(case(2015, 10_000_000, 600_000, &[]));
    let r16 = run(case(2016, 10_000_000, 600_000, &[]));
    assert_eq!(euros(r15.vangnetuitkering), 0);
    assert_eq!(euros(r16.vangnetuitkering), 50_000);
    assert!(!r15.instemming_raad && !r16.instemming_raad);
}

#[test]
fn council_consent_and_aanhoudend_tekort_start_in_2017_but_the_two_forms_only_in_2018() {
    let mut f16 = case(2016, 10_000_000, 600_000, &[]);
    f16.vangnet_verleend = Some(vec![2015]);
    let r16 = run(f16);
    assert_eq!(r16.aanhoudend_tekort, Some(false), "2016 knows no aanhoudend tekort");
    assert_eq!(r16.formulier, Some(Formulier::Enkel("verzoek".into())), "no basisverzoek before 2018");
    let mut f17 = case(2017, 10_000_000, 600_000, &[(2016, 600_000)]);
    f17.vangnet_verleend = Some(vec![2016]);
    let r17 = run(f17);
    assert!(r17.instemming_raad);
    assert_eq!(r17.aanhoudend_tekort, Some(true));
    assert_eq!(r17.formulier, Some(Formulier::Enkel("eenjarig of meerjarig verzoek".into())), "2017 had one form");
    let mut f18 = case(2018, 10_000_000, 600_000, &[(2017, 600_000), (2016, 0)]);
    f18.vangnet_verleend = Some(vec![2017]);
    assert_eq!(run(f18).formulier, Some(Formulier::UitgebreidVerzoek), "the two forms begin with payment year 2018");
    let json = serde_json::to_value(&r17).unwrap();
    assert_eq!(json["formulier"], "eenjarig of meerjarig verzoek");
}

#[test]
fn a_vangnet_granted_in_t_minus_1_or_t_minus_2_makes_an_uitgebreid_verzoek_but_t_minus_3_does_not() {
    for (granted, uitgebreid) in [(vec![2022], true), (vec![2021], true), (vec![2020], false), (vec![], false)] {
        let mut f = case(2023, 41_984_531, 3_448_580, &[(2022, 3_668_940), (2021, -1_000_000)]);
        f.vangnet_verleend = Some(granted.clone());
        let r = run(f);
        assert_eq!(r.aanhoudend_tekort, Some(uitgebreid), "{granted:?}");
        assert_eq!(r.formulier, Some(if uitgebreid { Formulier::UitgebreidVerzoek } else { Formulier::Basisverzoek }));
        assert!(r.waarschuwingen.iter().all(|w| !w.contains("vangnet_verleend")));
    }
}

#[test]
fn an_unstated_grant_history_leaves_condition_e_and_the_form_unknown_and_asks() {
    let r = run(case(2023, 41_984_531, 3_448_580, &[(2022, 3_668_940), (2021, -1_000_000)]));
    assert_eq!(r.aanhoudend_tekort, None, "unknown is not no");
    assert_eq!(r.formulier, None, "never a basisverzoek by assumption");
    assert_eq!(r.aanhoudend_jaren, vec![Year::new(2021), Year::new(2022)]);
    assert!(r.waarschuwingen.iter().any(|w| w.contains("vangnet_verleend")));
    assert!(r.uitleg.iter().any(|u| u.contains("Onbekend — is over 2021 of 2022 een vangnetuitkering verleend?")), "{:?}", r.uitleg);
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["aanhoudend_tekort"].is_null() && json["formulier"].is_null());
    let text = buig_rules::text::render(&r);
    assert!(text.contains("onbekend — is over 2021 of 2022 een vangnetuitkering verleend?"), "{text}");
}

#[test]
fn an_empty_grant_list_says_none_was_granted() {
    let mut f = case(2023, 41_984_531, 3_448_580, &[(2022, 3_668_940), (2021, -1_000_000)]);
    f.vangnet_verleend = Some(vec![]);
    let r = run(f);
    assert_eq!((r.aanhoudend_tekort, r.formulier), (Some(false), Some(Formulier::Basisverzoek)));
    assert!(r.waarschuwingen.iter().all(|w| !w.contains("vangnet_verleend")));
}

/// 2025 case with budgets for the window years so the extended route can be tested.
fn case_2025(b: i64, t: i64, window: &[(i32, i64, i64)]) -> CaseFile {
    let mut f = case(2025, b, t, &[]);
    for &(y, by, ty) in window {
        f.jaren.insert(
            y.to_string(),
            YearInput { budget: Some(Money::from_euros(by)), tekort: Some(Money::from_euros(ty)), ..Default::default() },
        );
    }
    f
}

#[test]
fn in_2025_a_gemeente_with_5_percent_shortfalls_in_two_of_2022_to_2024_gets_the_lowered_threshold() {
    // 2025: 6% — below the regular 7,5%, above the lowered 5%. 2022 and 2023 exactly 5% ("minstens").
    let r =
        run(case_2025(10_000_000, 600_000, &[(2022, 10_000_000, 500_000), (2023, 10_000_000, 500_000), (2024, 10_000_000, -2_000_000)]));
    let v = r.verlaagde_drempel.as_ref().unwrap();
    assert_eq!(v.jaren_met_tekort, vec![Year::new(2022), Year::new(2023)]);
    assert_eq!(v.voorwaarde_b, Some(true));
    assert_eq!(r.route, Route::VerlaagdeDrempel);
    assert_eq!(r.recht, Some(true));
    assert_eq!(euros(r.vangnetuitkering), 50_000, "50% of 6% − 5%");
    assert_eq!(r.status, Status::Onbevestigd, "the extended route's tiers are a working hypothesis");
    // The regular route fails: 6% is not above 7,5%, and 2023 + 2024 + 2025 is negative.
    assert!(r.voorwaarde_a, "the shown route is the lowered one: 6% is above 5%");
}

#[test]
fn in_2025_when_both_routes_qualify_the_lowered_one_is_shown_and_the_regular_amount_is_named() {
    // 9% in 2025 with 6% in 2023 and 2024: both routes give a right.
    let r = run(case_2025(10_000_000, 900_000, &[(2022, 10_000_000, 0), (2023, 10_000_000, 600_000), (2024, 10_000_000, 600_000)]));
    assert_eq!(r.route, Route::VerlaagdeDrempel);
    assert_eq!(euros(r.vangnetuitkering), 200_000, "50% of 9% − 5%");
    assert!(r.uitleg.iter().any(|u| u.contains("reguliere route") && u.contains("€ 75.000")), "{:?}", r.uitleg);
}

#[test]
fn in_2025_one_qualifying_year_is_not_enough_for_the_lowered_threshold() {
    let r = run(case_2025(10_000_000, 600_000, &[(2022, 10_000_000, 500_000), (2023, 10_000_000, 499_999), (2024, 10_000_000, 100_000)]));
    assert_eq!(r.verlaagde_drempel.as_ref().unwrap().voorwaarde_b, Some(false));
    assert_eq!(r.route, Route::Regulier);
    assert_eq!(r.recht, Some(false));
}

#[test]
fn in_2024_there_is_no_lowered_threshold_yet() {
    let r = run(case(2024, 10_000_000, 600_000, &[(2023, 500_000), (2022, 500_000)]));
    assert!(r.verlaagde_drempel.is_none());
    assert_eq!(r.recht, Some(false));
}

#[test]
fn in_2025_the_regular_route_still_works_with_tiers_derived_from_2021_and_2024() {
    let r = run(case_2025(10_000_000, 900_000, &[(2023, 10_000_000, 100_000), (2024, 10_000_000, 100_000)]));
    assert_eq!(r.route, Route::Regulier);
    assert_eq!(r.recht, Some(true));
    assert_eq!(euros(r.vangnetuitkering), 75_000, "50% of 9% − 7,5%");
    assert_eq!(r.status, Status::Afgeleid, "thresholds confirmed for 2025, tiers only by sources about 2021 and 2024");
    let v = r.verlaagde_drempel.as_ref().unwrap();
    assert_eq!(v.jaren_onbekend, vec![Year::new(2022)]);
    assert_eq!(v.voorwaarde_b, Some(false), "2022 unknown, but even a qualifying 2022 would be one year of the two needed");
}

#[test]
fn the_2026_rule_is_answered_but_marked_onbevestigd() {
    let r = run(case(2026, 10_000_000, 900_000, &[(2025, 100_000), (2024, 100_000)]));
    assert_eq!(r.regel, "vangnet-2026");
    assert_eq!(r.status, Status::Onbevestigd);
    assert!(r.waarschuwingen.iter().any(|w| w.starts_with("Werkhypothese")));
    assert_eq!(r.uiterste_indiendatum, jiff::civil::date(2027, 8, 15));
}

#[test]
fn the_shortfall_can_be_computed_from_lasten_baten_and_correcties_and_fills_steps_a_to_d() {
    let r = bereken_tekst(
        r#"{"jaar": 2023, "jaren": {"2023": {"budget": 41984531, "lasten": 45600000, "baten": 150000, "correcties": 16889},
                                    "2022": {"tekort": 3668940}, "2021": {"tekort": -1000000}}}"#,
        false,
    )
    .unwrap();
    assert_eq!(r.tekort, Money::from_euros(3_448_580));
    let step = |s: &str| r.stappen.iter().find(|x| x.symbool == s).unwrap().bedrag;
    assert_eq!(step("A"), Some(Decimal::from(45_600_000)));
    assert_eq!(step("C"), Some(Decimal::from(45_450_000)));
    assert_eq!(step("E"), Some(Decimal::from(45_433_111)));
    assert_eq!(step("G"), Some(Decimal::from(3_448_580)));
    assert_eq!(step("I"), Some(Decimal::from(149_870)));
}

#[test]
fn a_surplus_gives_nothing_and_no_own_risk() {
    let r = run(case(2023, 40_000_000, -2_000_000, &[(2022, 0), (2021, 0)]));
    assert_eq!(r.recht, Some(false));
    assert_eq!(euros(r.eigen_risico), 0);
    assert!(r.uitleg.iter().any(|u| u.contains("overschot")));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A case whose earlier years carry a large shortfall, so condition b holds
    /// and the payout depends on T_t alone.
    fn gated_open(jaar: i32, b_cents: i64, t_cents: i64) -> VangnetResult {
        let mut f = CaseFile { jaar, ..Default::default() };
        f.jaren.insert(
            jaar.to_string(),
            YearInput { budget: Some(Money::from_cents(b_cents)), tekort: Some(Money::from_cents(t_cents)), ..Default::default() },
        );
        for back in 1..=3 {
            let y = jaar - back;
            f.jaren.insert(
                y.to_string(),
                YearInput { budget: Some(Money::from_cents(b_cents)), tekort: Some(Money::from_cents(b_cents)), ..Default::default() },
            );
        }
        run(f)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn the_payout_is_never_negative_and_never_more_than_the_shortfall(
            // cents: budgets up to 10 billion euros, shortfalls from -10 to 20 billion
            jaar in 2015i32..=2026, b in 1i64..1_000_000_000_000, t in -1_000_000_000_000i64..2_000_000_000_000,
        ) {
            let r = gated_open(jaar, b, t);
            let paid = r.vangnetuitkering.unwrap().to_decimal();
            prop_assert!(paid >= Decimal::ZERO);
            prop_assert!(exact(&r) <= Decimal::from(t.max(0)) / Decimal::ONE_HUNDRED);
            prop_assert!(paid <= (Decimal::from(t.max(0)) / Decimal::ONE_HUNDRED).ceil());
        }

        #[test]
        fn the_payout_is_monotone_in_the_shortfall(
            jaar in 2015i32..=2026, b in 100_000i64..100_000_000_000, t in 0i64..30_000_000_000, d in 0i64..5_000_000_000,
        ) {
            let low = gated_open(jaar, b, t);
            let high = gated_open(jaar, b, t + d);
            prop_assert!(exact(&low) <= exact(&high));
            prop_assert!(low.vangnetuitkering.unwrap() <= high.vangnetuitkering.unwrap());
        }

        #[test]
        fn the_payout_is_continuous_at_every_tier_boundary(jaar in 2015i32..=2026, b in 100_000i64..100_000_000_000, eps in 1i64..1_000) {
            let rule = RuleTable::bundled().rule_for(Year::new(jaar)).unwrap();
            let mut boundaries: Vec<_> = rule.treden.iter().map(|t| t.van).collect();
            if let Some(v) = &rule.verlaagde_drempel { boundaries.extend(v.treden.iter().map(|t| t.van)); }
            let max_rate = Decimal::from(2); // the steepest tier (2015: 200%)
            for p in boundaries {
                let at = (p.of(Money::from_cents(b)) * Decimal::ONE_HUNDRED).floor();
                let at = i64::try_from(at).unwrap();
                let below = exact(&gated_open(jaar, b, at - eps));
                let above = exact(&gated_open(jaar, b, at + eps));
                let jump = above - below;
                prop_assert!(jump >= Decimal::ZERO);
                prop_assert!(jump <= max_rate * Decimal::from(2 * eps) / Decimal::ONE_HUNDRED, "jump {} at {}% in {}", jump, p, jaar);
            }
        }
    }
}

/// Checks one case document (`invoer` + `verwacht`): every expected key must
/// be a key of the JSON output (a misspelt key fails instead of comparing
/// null with null) and carry the expected value.
fn controleer_casus(doc: &serde_json::Value) -> Result<(), String> {
    let invoer = serde_json::to_string(&doc["invoer"]).map_err(|e| e.to_string())?;
    let result = bereken_tekst(&invoer, false).map_err(|e| e.to_string())?;
    let out = serde_json::to_value(&result).map_err(|e| e.to_string())?;
    let verwacht = doc["verwacht"].as_object().ok_or("verwacht is geen object")?;
    if verwacht.is_empty() {
        return Err("verwacht is leeg".into());
    }
    for (key, want) in verwacht {
        let got = out.get(key).ok_or_else(|| format!("verwacht noemt \"{key}\", maar dat is geen sleutel van de uitvoer"))?;
        let same = match (got.as_f64(), want.as_f64()) {
            (Some(g), Some(w)) => g == w,
            _ => got == want,
        };
        if !same {
            return Err(format!("{key} is {got}, verwacht {want}"));
        }
    }
    Ok(())
}

/// Walks `tests/cases/*.json`: each file holds `invoer` (a case file) and
/// `verwacht` (keys of the JSON output with their expected values). A new
/// case is a new file.
#[test]
fn every_case_in_the_cases_folder_gives_its_expected_figures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        controleer_casus(&doc).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        n += 1;
    }
    assert!(n >= 5, "only {n} cases found in {}", dir.display());
}

#[test]
fn a_case_with_a_misspelt_expected_key_fails_instead_of_passing_on_null() {
    let goed = serde_json::json!({
        "invoer": {"jaar": 2023, "jaren": {"2023": {"budget": 41984531, "tekort": 3448580}}},
        "verwacht": {"voorwaarde_a": true}
    });
    assert_eq!(controleer_casus(&goed), Ok(()));
    let mut fout = goed.clone();
    fout["verwacht"] = serde_json::json!({"vangnetuitkring": null});
    let e = controleer_casus(&fout).unwrap_err();
    assert!(e.contains("vangnetuitkring"), "{e}");
    let mut verkeerd = goed;
    verkeerd["verwacht"] = serde_json::json!({"voorwaarde_a": false});
    assert!(controleer_casus(&verkeerd).is_err());
}

/// Deventer 2023 answered on a given day.
fn op(datum: jiff::civil::Date) -> VangnetResult {
    let mut f = case(2023, 41_984_531, 3_448_580, &[(2022, 3_668_940), (2021, -1_000_000)]);
    f.datum = Some(datum);
    run(f)
}

#[test]
fn the_deadline_is_told_against_the_day_of_the_answer() {
    use jiff::civil::date;
    let voor = op(date(2023, 12, 4));
    assert!(!voor.termijn_verstreken);
    assert_eq!(voor.dagen_tot_termijn, 255);
    assert!(
        voor.uitleg
            .iter()
            .any(|u| u.contains("uiterlijk 15 augustus 2024 door de Toetsingscommissie vangnet Participatiewet zijn ontvangen")
                && u.contains("nog 255 dagen")),
        "{:?}",
        voor.uitleg
    );
    let op_de_dag = op(date(2024, 8, 15));
    assert!(!op_de_dag.termijn_verstreken, "the last day still counts");
    let na = op(date(2024, 8, 16));
    assert!(na.termijn_verstreken);
    assert_eq!(na.dagen_tot_termijn, -1);
    assert!(na.uitleg.iter().any(|u| u.contains("de termijn is op 15 augustus 2024 verstreken")));
    assert!(!na.uitleg.iter().any(|u| u.contains("ingediend")), "the request must be received, not sent");
    assert_eq!(serde_json::to_value(&na).unwrap()["termijn_verstreken"], true);
}

#[test]
fn a_budget_from_a_voorlopig_decision_is_never_called_definitief() {
    let mut f = case(2018, 2_253_777, 214_223, &[(2017, 446_189), (2016, 332_376)]);
    f.jaren.get_mut("2018").unwrap().beschikking = Some(buig_core::records::BudgetSoort::Voorlopig);
    let r = run(f);
    let alles = r.uitleg.join(" ");
    assert!(alles.contains("op een voorlopig budget van € 2.253.777"), "{alles}");
    assert!(alles.contains("van het voorlopige budget 2018"), "{alles}");
    assert!(!alles.contains("definitie"), "{alles}");
    assert!(buig_rules::text::render(&r).contains("Voorlopig budget"));
}

#[test]
fn a_budget_without_art_7_sets_the_thresholds() {
    // Tekort 8% of the budget, but 7% of the budget without art. 7: below the threshold there.
    let mut f = case(2023, 10_000_000, 800_000, &[(2022, 800_000), (2021, 800_000)]);
    f.jaren.get_mut("2023").unwrap().budget_zonder_art7 = Some(Money::from_euros(11_428_572));
    f.vangnet_verleend = Some(vec![]);
    let r = run(f);
    assert_eq!(r.budget_zonder_art7, Some(Money::from_euros(11_428_572)));
    assert!(!r.voorwaarde_a, "800.000 is not more than 7,5% of 11.428.572");
    assert_eq!(r.drempel_bedrag, Decimal::new(85_714_290, 2));
    assert!(r.uitleg.iter().any(|u| u.contains("zonder toepassing van artikel 7")), "{:?}", r.uitleg);
    let zonder = run(case(2023, 10_000_000, 800_000, &[(2022, 800_000), (2021, 800_000)]));
    assert!(zonder.voorwaarde_a, "8% of the budget itself is above 7,5%");
}

#[test]
fn in_2025_each_route_has_its_own_checklist_and_one_verdict() {
    // 6% in 2025 with 5%+ shortfalls in 2023 and 2024: the regular route fails a, the extended one holds.
    let mut f = case_2025(40_000_000, 2_400_000, &[(2024, 40_000_000, 2_400_000), (2023, 40_000_000, 2_400_000), (2022, 40_000_000, 0)]);
    f.vangnet_verleend = Some(vec![]);
    let r = run(f);
    assert_eq!(r.routes.len(), 2);
    let (reg, ext) = (&r.routes[0], &r.routes[1]);
    assert_eq!((reg.route, reg.voorwaarde_a, reg.recht), (Route::Regulier, false, Some(false)));
    assert_eq!((ext.route, ext.voorwaarde_a, ext.recht), (Route::VerlaagdeDrempel, true, Some(true)));
    assert_eq!(ext.uitkering, Money::from_euros(200_000), "50% of 6% − 5% of 40 mln");
    assert_eq!(ext.status, Status::Onbevestigd, "the lowered route's tiers are a working hypothesis");
    assert_eq!(r.oordeel, "recht via de verlaagde drempel");
    let twee = r.uitleg.iter().find(|u| u.starts_with("Twee routes")).expect("one sentence with both checklists");
    assert!(
        twee.contains("Reguliere route (drempel 7,5%): a niet vervuld") && twee.contains("Verlaagde drempel (drempel 5%): a vervuld"),
        "{twee}"
    );
    assert!(twee.contains("zeker is alleen wat de reguliere route geeft: geen recht"), "{twee}");
    let text = buig_rules::text::render(&r);
    assert!(
        text.contains("Reguliere route") && text.contains("Verlaagde drempel") && text.contains("recht via de verlaagde drempel"),
        "{text}"
    );
    assert!(!text.contains("Voorwaarde a       ja"), "no summary line that contradicts the regular route: {text}");
}

#[test]
fn every_rule_quantity_has_one_of_three_statuses_as_re_graded() {
    let t = RuleTable::bundled();
    let regel = |y: i32| t.rule_for(Year::new(y)).unwrap();
    assert_eq!(regel(2017).treden[0].status, Status::Afgeleid, "2017's tier rate: only Moerdijk's decision");
    assert_eq!(regel(2019).drempel.status, Status::Afgeleid, "2019–2020: no source about those years");
    assert_eq!(regel(2021).drempel.status, Status::Bevestigd);
    assert_eq!(regel(2025).treden[0].status, Status::Afgeleid, "2025's regular tiers: sources about 2021 and 2024");
    assert_eq!(regel(2016).procedure.status, Status::Afgeleid, "2016: grotendeels as 2015");
    assert!(regel(2026).statuses().iter().all(|s| *s == Status::Onbevestigd), "2026 entirely a working hypothesis");
    let r19 = run({
        let mut f = case(2019, 10_000_000, 900_000, &[(2018, 0), (2017, 0)]);
        f.vangnet_verleend = Some(vec![]);
        f
    });
    assert_eq!(r19.status, Status::Afgeleid);
    assert_eq!(serde_json::to_value(&r19).unwrap()["status"], "afgeleid");
}
