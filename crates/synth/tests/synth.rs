// SPDX-License-Identifier: EUPL-1.2
//! The synthetic data's promises: determinism, the invariants of every
//! spell, proportional counts, and Voorbeeldstad's story.

use std::collections::{BTreeMap, BTreeSet};

use buig_core::records::{BudgetSoort, Regeling};
use buig_core::{GemeenteCode, Money, Year};
use buig_synth::{nationaal, voorbeeldstad, write_csv, NationaalParams, SynthUitkering, HEADER, VOORBEELDSTAD};
use jiff::civil::{date, Date};
use jiff::ToSpan;
use rust_decimal::Decimal;

fn csv(p: &NationaalParams) -> Vec<u8> {
    let mut out = Vec::new();
    let n = write_csv(nationaal(p), &mut out).unwrap();
    assert_eq!(n, p.uitkeringen as u64);
    out
}

fn leeftijd(geboorte: Date, op: Date) -> i16 {
    op.year() - geboorte.year() - i16::from((op.month(), op.day()) < (geboorte.month(), geboorte.day()))
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes() {
    let p = NationaalParams::new(40, 20_000, 7);
    let a = csv(&p);
    assert_eq!(a, csv(&p));
    let b = csv(&NationaalParams { seed: 8, ..p.clone() });
    assert_ne!(a, b);
    let text = String::from_utf8(a).unwrap();
    assert_eq!(text.lines().next(), Some(HEADER));
    assert_eq!(text.lines().count(), 20_001);
}

#[test]
fn a_gemeentes_spells_do_not_depend_on_which_others_are_in_the_file() {
    // Same seed, same quota for the largest gemeente → the same spells
    // (ids aside, which count on over the file).
    let eerste = |p: &NationaalParams| -> Vec<SynthUitkering> {
        let v = buig_synth::verdeling(p);
        let (code, q) = v.iter().max_by_key(|x| x.1).copied().unwrap();
        let mut s: Vec<SynthUitkering> = nationaal(p).filter(|s| s.gemeente == code).collect();
        assert_eq!(s.len() as u64, q);
        s.iter_mut().for_each(|s| s.client_id.clear());
        s.truncate(500);
        s
    };
    let a = eerste(&NationaalParams::new(1, 5_000, 3));
    let b = eerste(&NationaalParams::new(5, 50_000, 3));
    assert_eq!(a, b);
}

#[test]
fn every_national_spell_keeps_the_invariants() {
    let p = NationaalParams::new(usize::MAX, 100_000, 2024);
    let bestaand: BTreeSet<GemeenteCode> = buig_referentie::actief_in(Year::new(2024)).iter().map(|g| g.code).collect();
    let mut per_gemeente: BTreeMap<GemeenteCode, u64> = BTreeMap::new();
    let mut regeling: BTreeMap<Regeling, u64> = BTreeMap::new();
    let (mut beeindigd, mut werk, mut lopend_2015, mut herinstroom) = (0u64, 0u64, 0u64, 0u64);
    let mut laatste: BTreeMap<String, Date> = BTreeMap::new();
    let mut n = 0;
    for s in nationaal(&p) {
        n += 1;
        assert!(bestaand.contains(&s.gemeente), "{}", s.gemeente);
        *per_gemeente.entry(s.gemeente).or_default() += 1;
        *regeling.entry(s.regeling).or_default() += 1;
        assert!(s.startdatum <= p.peildatum, "{s:?}");
        assert!(s.startdatum >= date(2000, 1, 1), "{s:?}");
        if let Some(e) = s.einddatum {
            assert!(e >= s.startdatum, "{s:?}");
            assert!(e >= p.van && e <= p.peildatum, "{s:?}");
            assert!(s.reden_einde.is_some(), "{s:?}");
            beeindigd += 1;
            werk += u64::from(s.reden_einde == Some("werk"));
        } else {
            assert!(s.reden_einde.is_none(), "{s:?}");
        }
        if let Some(r) = s.reden_einde {
            assert!(["werk", "verhuizing", "andere_uitkering", "aow", "overig"].contains(&r), "{r}");
        }
        assert!(["alleenstaand", "alleenstaande_ouder", "paar", "paar_met_kinderen"].contains(&s.huishouden));
        let a = leeftijd(s.geboortedatum, s.startdatum);
        assert!((18..=67).contains(&a), "{a}: {s:?}");
        if matches!(s.regeling, Regeling::Ioaw | Regeling::Ioaz) {
            assert!(a >= 50, "{a}: {s:?}");
        }
        lopend_2015 += u64::from(s.loopt_op(date(2015, 1, 1)));
        // A client's spells follow each other; a re-entry starts within a year.
        if let Some(vorige) = laatste.get(&s.client_id) {
            assert!(s.startdatum > *vorige && s.startdatum <= vorige.checked_add(366.days()).unwrap(), "{s:?}");
            herinstroom += 1;
        }
        laatste.insert(s.client_id.clone(), s.einddatum.unwrap_or(date(9999, 1, 1)));
    }
    assert_eq!(n, 100_000);
    assert_eq!(per_gemeente.len(), bestaand.len(), "every gemeente of 2024 has uitkeringen");

    let pct = |a: u64, b: u64| 100.0 * a as f64 / b as f64;
    let werk_pct = pct(werk, beeindigd);
    assert!((40.0..=50.0).contains(&werk_pct), "uitstroom naar werk {werk_pct:.1}%");
    let pw = pct(regeling[&Regeling::Pw], n);
    assert!((91.0..=95.0).contains(&pw), "PW {pw:.1}%");
    assert!((1.0..=3.0).contains(&pct(regeling[&Regeling::Bbz], n)));
    assert!((2.5..=5.5).contains(&pct(regeling[&Regeling::Ioaw], n)));
    assert!((0.5..=1.5).contains(&pct(regeling[&Regeling::Ioaz], n)));
    let stock = pct(lopend_2015, n);
    assert!((15.0..=30.0).contains(&stock), "stock on 2015-01-01 is {stock:.1}% of the uitkeringen");
    assert!((5.0..=20.0).contains(&pct(herinstroom, n)), "re-entries {herinstroom}");

    // Proportional to inhabitants: the largest gemeente has the most, and no
    // gemeente's rate per inhabitant is far off the size-adjusted mean.
    let inw = |c: GemeenteCode| buig_referentie::inwoners_van(c, Year::new(2024)).unwrap().inwoners;
    let grootste = *bestaand.iter().max_by_key(|&&c| inw(c)).unwrap();
    let meeste = per_gemeente.iter().max_by_key(|x| *x.1).unwrap().0;
    assert_eq!(*meeste, grootste);
    let totaal_inw: u64 = bestaand.iter().map(|&c| inw(c)).sum();
    for (&c, &k) in &per_gemeente {
        let verwacht = n as f64 * inw(c) as f64 / totaal_inw as f64;
        let ratio = k as f64 / verwacht;
        assert!((0.15..=4.0).contains(&ratio), "{c}: {k} uitkeringen, {verwacht:.0} by inhabitants alone");
    }
}

#[test]
fn fewer_gemeenten_are_the_largest() {
    let p = NationaalParams::new(4, 4_000, 1);
    let codes: BTreeSet<String> = nationaal(&p).map(|s| s.gemeente.to_string()).collect();
    // Amsterdam, Rotterdam, Den Haag, Utrecht.
    assert_eq!(codes, ["GM0344", "GM0363", "GM0518", "GM0599"].into_iter().map(String::from).collect());
}

#[test]
fn voorbeeldstad_is_consistent_and_tells_its_story() {
    let demo = voorbeeldstad();
    assert_eq!(demo.gemeente.to_string(), VOORBEELDSTAD);
    assert_eq!(demo, voorbeeldstad(), "deterministic");

    let lopend = demo.lopend_op(date(2024, 12, 31));
    assert!((2_200..=2_800).contains(&lopend), "{lopend} running benefits on 31-12-2024");
    assert_eq!(demo.inwoners.len(), 12);
    let inw_2024 = demo.inwoners.iter().find(|i| i.jaar == Year::new(2024)).unwrap().aantal;
    assert!((95_000..=105_000).contains(&inw_2024));

    // 142 months, 2015-01 .. 2026-10, in order; lasten = stock × price + LKS.
    assert_eq!(demo.realisatie.len(), 142);
    let eerste = &demo.realisatie[0];
    let laatste = demo.realisatie.last().unwrap();
    assert_eq!((eerste.jaar.get(), eerste.maand), (2015, 1));
    assert_eq!((laatste.jaar.get(), laatste.maand), (2026, 10));
    for r in &demo.realisatie {
        let baten_pct = r.baten.cents() as f64 / r.lasten.cents() as f64 * 100.0;
        assert!((1.49..=2.51).contains(&baten_pct), "{r:?}");
        assert_eq!(r.lks.is_some(), r.jaar.get() >= 2020, "{r:?}");
        let einde = date(r.jaar.get() as i16, r.maand as i8, 1).last_of_month();
        let prijs = buig_synth::PRIJS_PER_UITKERING.iter().find(|p| p.0 == r.jaar.get()).unwrap().1;
        let uitkeringen = r.lasten - r.lks.unwrap_or(Money::ZERO);
        assert_eq!(uitkeringen, Money::from_euros(demo.lopend_op(einde) as i64 * prijs), "{r:?}");
    }

    // Three decisions a year 2015–2026 and voorlopig 2027, dated as decided.
    assert_eq!(demo.budgetten.len(), 12 * 3 + 1);
    for b in &demo.budgetten {
        let d = b.datum.unwrap();
        assert!(d <= date(2026, 10, 31), "{b:?}");
        let t = b.jaar.get() as i16;
        match b.soort {
            BudgetSoort::Voorlopig => assert_eq!(d, date(t - 1, 10, 1)),
            BudgetSoort::NaderVoorlopig => assert_eq!(d, date(t, 5, 1)),
            BudgetSoort::Definitief => assert_eq!(d, date(t, 10, 1)),
        }
        assert_eq!(b.bedrag.cents() % 100, 0, "budgets in whole euros");
        assert_eq!(b.blks.is_some(), b.jaar.get() >= 2022, "{b:?}");
        assert_eq!(b.aandeel.is_some(), b.macrobudget.is_some());
        if let (Some(m), Some(a)) = (b.macrobudget, b.aandeel) {
            let exact = b.bedrag.to_decimal() * Decimal::ONE_HUNDRED / m.to_decimal();
            assert!((exact - a).abs() <= Decimal::new(5, 5), "{b:?}");
            assert!(a > Decimal::new(5, 1) && a < Decimal::new(9, 1), "share {a} of a 100,000 gemeente");
        }
        let d_ = demo.budget(b.jaar, BudgetSoort::Definitief).map(|d| d.bedrag);
        if let Some(def) = d_ {
            let afwijking = (b.bedrag.cents() - def.cents()).abs() as f64 / def.cents() as f64;
            assert!(afwijking <= 0.11, "{b:?} vs definitief {def}");
        }
    }
    let d2024 = demo.budget(Year::new(2024), BudgetSoort::Definitief).unwrap();
    assert!(d2024.macrobudget.is_some() && d2024.aandeel.is_some());
    assert!(demo.budget(Year::new(2015), BudgetSoort::Definitief).unwrap().macrobudget.is_none(), "2015 has no bundled decision");

    // The story: result = definitief − netto lasten, as % of B.
    let jaren = demo.jaaroverzicht();
    assert_eq!(jaren.len(), 12);
    let pct: BTreeMap<i32, f64> = jaren
        .iter()
        .map(|j| {
            assert_eq!(j.resultaat, j.budget_definitief - j.netto_lasten);
            (j.jaar.get(), -(j.resultaat.cents() as f64) / j.budget_definitief.cents() as f64 * 100.0)
        })
        .collect();
    for (jaar, lo, hi) in [
        (2015, -10.0, -0.5),
        (2016, -10.0, -0.5),
        (2017, -10.0, -0.5),
        (2018, 0.5, 4.0),
        (2019, 0.5, 4.0),
        (2020, 0.5, 4.0),
        (2021, 0.5, 4.0),
        (2022, 8.0, 10.0),
        (2023, 8.0, 10.0),
        (2024, 8.0, 10.0),
        (2025, 5.5, 6.5),
        (2026, 4.0, 5.5),
    ] {
        assert!((lo..=hi).contains(&pct[&jaar]), "{jaar}: {:.2}%", pct[&jaar]);
    }
    // Vangnet 2023 (T > 7.5% of B, and T21 + T22 + T23 > 7.5% of B23), likewise 2024.
    let tekort = |j: i32| -jaren.iter().find(|x| x.jaar.get() == j).unwrap().resultaat.cents();
    let b = |j: i32| demo.budget(Year::new(j), BudgetSoort::Definitief).unwrap().bedrag.cents();
    for t in [2022, 2023, 2024] {
        assert!(tekort(t) * 1000 > 75 * b(t), "{t}");
        assert!((tekort(t - 2) + tekort(t - 1) + tekort(t)) * 1000 > 75 * b(t), "{t}");
    }
    assert!(tekort(2025) * 1000 < 75 * b(2025), "2025 below the regular threshold");

    // Every spell is Voorbeeldstad's and within the period.
    for s in &demo.uitkeringen {
        assert_eq!(s.gemeente, demo.gemeente);
        assert!(s.einddatum.is_none_or(|e| e >= s.startdatum && e >= date(2015, 1, 1)));
    }
}

/// `cargo test --release -p buig-synth -- --ignored --nocapture`: the 5M-spell timing.
#[test]
#[ignore = "writes ~360 MB to /tmp; run in release"]
fn five_million_spells_stream_to_disk_quickly() {
    let p = NationaalParams::new(usize::MAX, 5_000_000, 2024);
    let pad = std::env::temp_dir().join("buig-synth-5m.csv");
    let t = std::time::Instant::now();
    let n = write_csv(nationaal(&p), std::fs::File::create(&pad).unwrap()).unwrap();
    let secs = t.elapsed().as_secs_f64();
    let bytes = std::fs::metadata(&pad).unwrap().len();
    println!("{n} uitkeringen, {bytes} bytes in {secs:.2} s");
    std::fs::remove_file(&pad).unwrap();
    assert_eq!(n, 5_000_000);
}
