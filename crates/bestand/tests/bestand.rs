// SPDX-License-Identifier: EUPL-1.2
//! The caseload engine against hand-made spells (every definition and its
//! edges), the contract fixture, aggregation, and a property test against
//! a straightforward reference (loop over months and spells).

use std::collections::BTreeMap;

use buig_bestand::*;
use buig_core::records::{ClientPseudoniem, Regeling, Uitkering};
use buig_core::GemeenteCode;
use jiff::civil::{date, Date};
use jiff::ToSpan;
use proptest::prelude::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn uitkering(client: &str, regeling: Regeling, start: &str, eind: Option<&str>, reden: Option<&str>, geboren: Option<&str>) -> Uitkering {
    Uitkering {
        gemeente: "GM0150".parse().unwrap(),
        client: ClientPseudoniem(client.into()),
        regeling,
        startdatum: d(start),
        einddatum: eind.map(d),
        reden_einde: reden.map(String::from),
        geboortedatum: geboren.map(d),
        huishouden: Some("alleenstaand".into()),
    }
}

fn pw(client: &str, start: &str, eind: Option<&str>) -> Uitkering {
    uitkering(client, Regeling::Pw, start, eind, eind.map(|_| "overig"), Some("1980-01-01"))
}

fn vraag(van: &str, tot: &str, per: Per) -> Vraag {
    Vraag::new(van.parse().unwrap(), tot.parse().unwrap(), per).unwrap()
}

fn maandelijks(uitkeringen: &[Uitkering], van: &str, tot: &str) -> Reeks {
    bereken(uitkeringen, &vraag(van, tot, Per::Maand))
}

fn contract_fixture() -> Vec<Uitkering> {
    vec![
        uitkering("a1", Regeling::Pw, "2021-03-15", None, None, Some("1980-01-01")),
        uitkering("a2", Regeling::Pw, "2022-06-01", Some("2023-12-31"), Some("werk"), Some("1999-05-12")),
        uitkering("a3", Regeling::Ioaw, "2023-01-31", Some("2023-02-28"), Some("overig"), Some("1962-03-03")),
    ]
}

#[test]
fn the_contract_fixture_gives_the_agreed_figures() {
    let r = maandelijks(&contract_fixture(), "2023-01", "2023-12");
    assert_eq!(r.reeks.len(), 12);
    let jan = r.punt("2023-01").unwrap();
    assert_eq!((jan.stand, jan.instroom, jan.uitstroom, jan.saldo), (3, 1, 0, 1));
    let feb = r.punt("2023-02").unwrap();
    assert_eq!((feb.stand, feb.instroom, feb.uitstroom, feb.saldo), (2, 0, 1, -1));
    assert_eq!(feb.uitstroom_werk, Some(0.0));
    let dec = r.punt("2023-12").unwrap();
    assert_eq!((dec.stand, dec.uitstroom, dec.saldo), (1, 1, -1));
    assert_eq!(dec.duur["24-36"], 1);
    assert_eq!(dec.uitstroom_werk, Some(1.0));
    assert_eq!(dec.leeftijd["27-45"], 1);
    assert_eq!(r.punt("2023-06").unwrap().uitstroom_werk, None);
}

#[test]
fn the_json_has_exactly_the_contract_keys_in_order() {
    let r = maandelijks(&contract_fixture(), "2023-01", "2023-01");
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.starts_with(r#"{"reeks":[{"periode":"2023-01","stand":3,"instroom":1,"uitstroom":0,"saldo":1,"duur":{"0-6":1,"6-12":1,"12-24":1,"24-36":0,"36-60":0,"60+":0},"leeftijd":{"0-27":1,"27-45":1,"45+":1},"uitstroom_werk":null,"herinstroom":0,"per_1000":null}]}"#), "{json}");
    let terug: Reeks = serde_json::from_str(&json).unwrap();
    assert_eq!(terug, r);
}

#[test]
fn a_spell_ending_on_the_last_day_is_out_of_stock_but_in_the_outflow() {
    let r = maandelijks(&[pw("c", "2023-01-10", Some("2023-03-31"))], "2023-01", "2023-04");
    let s: Vec<u64> = r.reeks.iter().map(|p| p.stand).collect();
    assert_eq!(s, [1, 1, 0, 0]);
    assert_eq!(r.punt("2023-03").unwrap().uitstroom, 1);
}

#[test]
fn a_spell_starting_and_ending_in_one_month_counts_in_and_out_but_never_in_stock() {
    let r = maandelijks(&[pw("c", "2023-05-02", Some("2023-05-20"))], "2023-04", "2023-06");
    let mei = r.punt("2023-05").unwrap();
    assert_eq!((mei.stand, mei.instroom, mei.uitstroom, mei.saldo), (0, 1, 1, 0));
    assert!(r.reeks.iter().all(|p| p.stand == 0 && p.duur.0.iter().sum::<u64>() == 0));
}

#[test]
fn a_spell_starting_on_the_last_day_is_in_stock_that_month() {
    let r = maandelijks(&[pw("c", "2023-05-31", None)], "2023-05", "2023-05");
    assert_eq!((r.reeks[0].stand, r.reeks[0].duur["0-6"]), (1, 1));
}

#[test]
fn exactly_six_months_is_in_the_band_six_to_twelve() {
    let r = maandelijks(&[pw("c", "2023-01-01", None)], "2023-06", "2023-07");
    assert_eq!(r.punt("2023-06").unwrap().duur["0-6"], 1, "5 complete months at 30 June");
    assert_eq!(r.punt("2023-07").unwrap().duur["6-12"], 1, "6 complete months at 31 July");
}

#[test]
fn duration_at_a_month_end_clamps_like_adding_months() {
    // 31 August + 6 months = 28 February (clamped), so at 28 February: 6 months.
    let r = maandelijks(&[pw("c", "2022-08-31", None)], "2023-01", "2023-02");
    assert_eq!(r.punt("2023-01").unwrap().duur["0-6"], 1);
    assert_eq!(r.punt("2023-02").unwrap().duur["6-12"], 1);
}

#[test]
fn every_band_boundary_is_lower_inclusive() {
    let r = maandelijks(&[pw("c", "2015-01-15", None)], "2015-01", "2021-01");
    for (maand, band) in [
        ("2015-01", "0-6"),
        ("2015-07", "6-12"),
        ("2016-01", "12-24"),
        ("2017-01", "24-36"),
        ("2018-01", "36-60"),
        ("2020-01", "60+"),
        ("2019-12", "36-60"),
    ] {
        assert_eq!(r.punt(maand).unwrap().duur[band], 1, "{maand} {band}");
    }
}

#[test]
fn a_client_born_on_29_february_turns_27_on_1_march_in_a_common_year() {
    let s = uitkering("c", Regeling::Pw, "2020-01-01", None, None, Some("1996-02-29"));
    let r = maandelijks(&[s], "2023-01", "2023-03");
    assert_eq!(r.punt("2023-02").unwrap().leeftijd["0-27"], 1);
    assert_eq!(r.punt("2023-03").unwrap().leeftijd["27-45"], 1);
}

#[test]
fn age_changes_in_the_month_of_the_birthday_and_45_is_the_last_band() {
    let s = uitkering("c", Regeling::Pw, "2020-01-01", None, None, Some("1978-07-31"));
    let r = maandelijks(&[s], "2023-06", "2023-07");
    assert_eq!(r.punt("2023-06").unwrap().leeftijd["27-45"], 1);
    assert_eq!(r.punt("2023-07").unwrap().leeftijd["45+"], 1);
}

#[test]
fn spells_without_birth_date_count_in_no_age_band() {
    let s = uitkering("c", Regeling::Pw, "2020-01-01", None, None, None);
    let r = maandelijks(&[s], "2023-01", "2023-01");
    assert_eq!((r.reeks[0].stand, r.reeks[0].leeftijd.0), (1, [0, 0, 0]));
}

#[test]
fn the_share_of_exits_to_work_is_rounded_to_four_decimals() {
    let mut uitkeringen: Vec<Uitkering> = (0..3).map(|i| pw(&format!("o{i}"), "2022-01-01", Some("2023-03-10"))).collect();
    uitkeringen.push(uitkering("w", Regeling::Pw, "2022-01-01", Some("2023-03-31"), Some("Werk"), None));
    uitkeringen.extend((0..2).map(|i| uitkering(&format!("x{i}"), Regeling::Pw, "2022-01-01", Some("2023-03-15"), Some("werk"), None)));
    let r = maandelijks(&uitkeringen, "2023-03", "2023-03");
    assert_eq!(r.reeks[0].uitstroom_werk, Some(0.5));
    uitkeringen.pop();
    let r = maandelijks(&uitkeringen, "2023-03", "2023-03");
    assert_eq!(r.reeks[0].uitstroom_werk, Some(0.4));
    uitkeringen.push(pw("y", "2022-01-01", Some("2023-03-15")));
    assert_eq!(maandelijks(&uitkeringen, "2023-03", "2023-03").reeks[0].uitstroom_werk, Some(0.3333));
}

#[test]
fn reentry_counts_an_inflow_within_twelve_months_of_an_exit() {
    let uitkeringen = vec![
        pw("a", "2021-01-01", Some("2022-03-15")),
        pw("a", "2023-03-15", None), // exactly 12 months after the end: counts
        pw("b", "2021-01-01", Some("2022-03-15")),
        pw("b", "2023-03-16", None), // a day too late
        pw("c", "2023-02-01", Some("2023-02-27")),
        pw("c", "2023-02-28", None), // the day after: counts (February)
        pw("d", "2023-03-01", None), // first uitkering
        pw("e", "2022-01-01", None), // overlapping uitkeringen: the first has not ended
        pw("e", "2023-03-10", None),
    ];
    let r = maandelijks(&uitkeringen, "2023-02", "2023-03");
    assert_eq!(r.punt("2023-02").unwrap().herinstroom, 1);
    assert_eq!(r.punt("2023-03").unwrap().herinstroom, 1);
    assert_eq!(r.punt("2023-03").unwrap().instroom, 4);
}

#[test]
fn reentry_on_29_february_looks_back_to_28_february() {
    let uitkeringen = vec![pw("a", "2022-01-01", Some("2023-02-28")), pw("a", "2024-02-29", None)];
    let r = maandelijks(&uitkeringen, "2024-02", "2024-02");
    assert_eq!(r.reeks[0].herinstroom, 1);
}

#[test]
fn per_thousand_uses_the_given_inhabitants_and_never_invents_them() {
    let mut v = vraag("2022-12", "2023-01", Per::Maand);
    v.inwoners.insert(2023, 3_000);
    let r = bereken(&contract_fixture(), &v);
    assert_eq!(r.punt("2022-12").unwrap().per_1000, None);
    assert_eq!(r.punt("2023-01").unwrap().per_1000, Some(1.0));
    v.inwoners.insert(2023, 7_000);
    assert_eq!(bereken(&contract_fixture(), &v).punt("2023-01").unwrap().per_1000, Some(0.43));
}

#[test]
fn quarters_and_years_take_the_stock_at_the_end_and_sum_the_flows() {
    let uitkeringen = contract_fixture();
    let m = maandelijks(&uitkeringen, "2023-01", "2023-12");
    let k = bereken(&uitkeringen, &vraag("2023-01", "2023-12", Per::Kwartaal));
    let labels: Vec<&str> = k.reeks.iter().map(|p| p.periode.as_str()).collect();
    assert_eq!(labels, ["2023-K1", "2023-K2", "2023-K3", "2023-K4"]);
    let k1 = &k.reeks[0];
    assert_eq!((k1.stand, k1.instroom, k1.uitstroom, k1.saldo), (2, 1, 1, 0));
    assert_eq!(k1.duur, m.punt("2023-03").unwrap().duur);
    assert_eq!(k1.uitstroom_werk, Some(0.0));
    let j = bereken(&uitkeringen, &vraag("2023-01", "2023-12", Per::Jaar));
    assert_eq!(j.reeks.len(), 1);
    let p = &j.reeks[0];
    assert_eq!((p.periode.as_str(), p.stand, p.instroom, p.uitstroom, p.uitstroom_werk), ("2023", 1, 1, 2, Some(0.5)));
    assert_eq!(p.leeftijd, m.punt("2023-12").unwrap().leeftijd);
}

#[test]
fn periods_are_widened_to_whole_quarters() {
    let k = bereken(&contract_fixture(), &vraag("2023-02", "2023-04", Per::Kwartaal));
    let labels: Vec<&str> = k.reeks.iter().map(|p| p.periode.as_str()).collect();
    assert_eq!(labels, ["2023-K1", "2023-K2"]);
    assert_eq!(k.reeks[0].instroom, 1, "January is part of K1");
}

#[test]
fn the_regeling_filter_leaves_other_schemes_out() {
    let mut v = vraag("2023-01", "2023-01", Per::Maand);
    v.regelingen = Some(vec![Regeling::Ioaw]);
    let r = bereken(&contract_fixture(), &v);
    assert_eq!((r.reeks[0].stand, r.reeks[0].instroom), (1, 1));
}

#[test]
fn the_index_puts_the_base_period_at_100() {
    let r = maandelijks(&contract_fixture(), "2023-01", "2023-12");
    let i = index(&r, "2023-01");
    assert_eq!(i[0], ("2023-01".to_string(), Some(100.0)));
    assert_eq!(i[1].1, Some(66.67));
    assert_eq!(i[11].1, Some(33.33));
    assert!(index(&r, "2019-01").iter().all(|(_, v)| v.is_none()));
}

#[test]
fn the_breakdown_gives_a_series_per_scheme_and_per_household() {
    let mut uitkeringen = contract_fixture();
    uitkeringen[2].huishouden = None;
    let v = vraag("2023-01", "2023-01", Per::Maand);
    let per_regeling = uitsplitsing(&uitkeringen, &v, Splitsing::Regeling);
    assert_eq!(per_regeling.keys().collect::<Vec<_>>(), ["IOAW", "PW"]);
    assert_eq!(per_regeling["PW"].reeks[0].stand, 2);
    let per_huishouden = uitsplitsing(&uitkeringen, &v, Splitsing::Huishouden);
    assert_eq!(per_huishouden.keys().collect::<Vec<_>>(), ["alleenstaand", "onbekend"]);
    assert_eq!(per_huishouden["onbekend"].reeks[0].stand, 1);
}

#[test]
fn all_gemeenten_at_once_equal_each_gemeente_alone() {
    let mut hier = contract_fixture();
    hier.push(pw("a2", "2024-01-15", None)); // a2 ended 2023-12-31 here: a re-entry
    let mut daar = vec![pw("a2", "2024-01-15", None), pw("b", "2020-01-01", None)]; // no earlier a2 uitkering there
    for s in &mut daar {
        s.gemeente = "GM0363".parse().unwrap();
    }
    let v = vraag("2023-01", "2024-02", Per::Maand);
    let alle = bereken_per_gemeente(hier.iter().chain(&daar).cloned(), &v);
    assert_eq!(alle.len(), 2);
    let gm0150 = &alle[&"GM0150".parse::<GemeenteCode>().unwrap()];
    let gm0363 = &alle[&"GM0363".parse::<GemeenteCode>().unwrap()];
    assert_eq!(gm0150.punt("2024-01").unwrap().herinstroom, 1);
    assert_eq!(gm0363.punt("2024-01").unwrap().herinstroom, 0);
    assert_eq!(gm0150, &bereken(&hier, &v));
    assert_eq!(gm0363, &bereken(&daar, &v));
}

// ---------------------------------------------------------------- reference

/// Complete months from `s` to `l`: the SPEC formula, minus one when adding
/// that many months (clamped) overshoots `l`.
fn ref_maanden(s: Date, l: Date) -> i32 {
    let mut n = 12 * (i32::from(l.year()) - i32::from(s.year())) + i32::from(l.month()) - i32::from(s.month());
    if s.checked_add(n.months()).unwrap() > l {
        n -= 1;
    }
    n
}

fn ref_leeftijd(g: Date, l: Date) -> i32 {
    i32::from(l.year()) - i32::from(g.year()) - i32::from((l.month(), l.day()) < (g.month(), g.day()))
}

fn ref_band(v: i32, grenzen: &[i32]) -> usize {
    grenzen.iter().rposition(|&g| v >= g).unwrap_or(0)
}

fn zelfde_maand(a: Date, b: Date) -> bool {
    (a.year(), a.month()) == (b.year(), b.month())
}

/// One reference month: periode, stand, instroom, uitstroom, duur, leeftijd, uitstroom werk, herinstroom.
type RefMaand = (String, u64, u64, u64, [u64; 6], [u64; 3], u64, u64);

/// The monthly series the slow way: every month, every spell.
fn referentie(uitkeringen: &[Uitkering], van: Maand, tot: Maand) -> Vec<RefMaand> {
    let mut out = Vec::new();
    let mut m = van;
    while m <= tot {
        let l = m.last_day();
        let (mut stand, mut ins, mut uit, mut werk, mut her) = (0, 0, 0, 0, 0);
        let (mut duur, mut leeftijd) = ([0u64; 6], [0u64; 3]);
        for s in uitkeringen {
            if s.startdatum <= l && s.einddatum.is_none_or(|e| e > l) {
                stand += 1;
                duur[ref_band(ref_maanden(s.startdatum, l), &[0, 6, 12, 24, 36, 60])] += 1;
                if let Some(g) = s.geboortedatum {
                    leeftijd[ref_band(ref_leeftijd(g, l), &[i32::MIN, 27, 45])] += 1;
                }
            }
            if zelfde_maand(s.startdatum, l) {
                ins += 1;
                let grens = s.startdatum.checked_sub(12.months()).unwrap();
                if uitkeringen.iter().any(|t| t.client == s.client && t.einddatum.is_some_and(|e| e >= grens && e < s.startdatum)) {
                    her += 1;
                }
            }
            if s.einddatum.is_some_and(|e| zelfde_maand(e, l)) {
                uit += 1;
                werk += u64::from(s.reden_einde.as_deref() == Some("werk"));
            }
        }
        out.push((m.to_string(), stand, ins, uit, duur, leeftijd, werk, her));
        m = Maand::new(if m.maand == 12 { m.jaar + 1 } else { m.jaar }, m.maand % 12 + 1).unwrap();
    }
    out
}

fn willekeurige_spell() -> impl Strategy<Value = Uitkering> {
    let bijzonder = prop_oneof![Just(date(1996, 2, 29)), Just(date(1978, 3, 31)), Just(date(2000, 2, 29))];
    (
        0u8..6,
        0i64..3_000,
        prop::option::weighted(0.7, 0i64..1_500),
        prop_oneof![8 => (0i64..25_000).prop_map(Some), 1 => Just(None)],
        prop::bool::ANY,
        prop::option::of(bijzonder),
        0u8..4,
    )
        .prop_map(|(client, start, lengte, oud, werk, bijzonder, r)| {
            let startdatum = date(2016, 1, 31).checked_add(start.days()).unwrap();
            let einddatum = lengte.map(|l| startdatum.checked_add(l.days()).unwrap());
            let geboortedatum = bijzonder.or_else(|| oud.map(|o| startdatum.checked_sub((6_000 + o).days()).unwrap()));
            Uitkering {
                gemeente: "GM0150".parse().unwrap(),
                client: ClientPseudoniem(format!("c{client}")),
                regeling: Regeling::ALL[r as usize],
                startdatum,
                einddatum,
                reden_einde: einddatum.map(|_| if werk { "werk".into() } else { "overig".into() }),
                geboortedatum,
                huishouden: None,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_engine_equals_the_reference_on_random_spells(
        uitkeringen in prop::collection::vec(willekeurige_spell(), 0..40),
        van in 0i32..100,
        lengte in 0i32..30,
    ) {
        let van_m = Maand::new((2016 + van / 12) as i16, (van % 12 + 1) as i8).unwrap();
        let t = van + lengte;
        let tot_m = Maand::new((2016 + t / 12) as i16, (t % 12 + 1) as i8).unwrap();
        let r = bereken(&uitkeringen, &Vraag::new(van_m, tot_m, Per::Maand).unwrap());
        let want = referentie(&uitkeringen, van_m, tot_m);
        prop_assert_eq!(r.reeks.len(), want.len());
        for (p, w) in r.reeks.iter().zip(&want) {
            let werk = (w.3 > 0).then(|| (w.6 as f64 / w.3 as f64 * 10_000.0).round() / 10_000.0);
            let got = (p.periode.clone(), p.stand, p.instroom, p.uitstroom, p.duur.0, p.leeftijd.0, werk, p.herinstroom);
            prop_assert_eq!(got, (w.0.clone(), w.1, w.2, w.3, w.4, w.5, werk, w.7));
            prop_assert_eq!(p.saldo, p.instroom as i64 - p.uitstroom as i64);
        }
        // stand(m) = stand(m−1) + saldo(m) after the first month.
        for w in r.reeks.windows(2) {
            prop_assert_eq!(w[1].stand as i64 - w[0].stand as i64, w[1].saldo);
        }
        // Quarters: stock at the end, flows summed.
        let k = bereken(&uitkeringen, &Vraag::new(van_m, tot_m, Per::Kwartaal).unwrap());
        let maanden = bereken(&uitkeringen, &Vraag::new(
            Maand::new(van_m.jaar, (van_m.maand - 1) / 3 * 3 + 1).unwrap(),
            Maand::new(tot_m.jaar, (tot_m.maand - 1) / 3 * 3 + 3).unwrap(),
            Per::Maand).unwrap());
        prop_assert_eq!(k.reeks.len() * 3, maanden.reeks.len());
        for (q, ms) in k.reeks.iter().zip(maanden.reeks.chunks(3)) {
            prop_assert_eq!(q.stand, ms[2].stand);
            prop_assert_eq!(q.duur, ms[2].duur);
            prop_assert_eq!(q.instroom, ms.iter().map(|m| m.instroom).sum::<u64>());
            prop_assert_eq!(q.uitstroom, ms.iter().map(|m| m.uitstroom).sum::<u64>());
            prop_assert_eq!(q.herinstroom, ms.iter().map(|m| m.herinstroom).sum::<u64>());
        }
    }
}

#[test]
fn inhabitants_map_is_per_year() {
    let mut v = vraag("2023-12", "2024-01", Per::Maand);
    v.inwoners = BTreeMap::from([(2024, 1_000)]);
    let r = bereken(&contract_fixture(), &v);
    assert_eq!(r.reeks[0].per_1000, None);
    assert_eq!(r.reeks[1].per_1000, Some(1.0));
}
