// SPDX-License-Identifier: EUPL-1.2
//! The notitie's causes against Nederland: the stock as an index and the
//! duration bands against the national shares, from every gemeente's
//! quarters; with fewer than 5 other gemeenten the comparison is left out
//! with the reason.

mod common;

use std::collections::BTreeMap;

use buig_bestand::{bereken, PerGemeente, Reeks};
use buig_core::records::Uitkering;
use buig_core::{GemeenteCode, Year};
use buig_dienst::document::notitie::{oorzaken_vraag, NotitieVraag};
use common::{demo, notitie_vangnet_landelijk};
use jiff::civil::date;
use rust_decimal::Decimal;

fn vraag() -> NotitieVraag {
    NotitieVraag { jaar: Year::new(2025), peildatum: Some(date(2026, 5, 31)), datum: date(2026, 6, 2) }
}

/// `n` other gemeenten: Voorbeeldstad's spells under another code, copy `i` without every `(i + 2)`-th spell.
fn anderen(n: usize) -> Vec<Vec<Uitkering>> {
    (0..n)
        .map(|i| {
            let code: GemeenteCode = format!("GM{:04}", 100 + i).parse().unwrap();
            demo()
                .uitkeringen
                .iter()
                .enumerate()
                .filter(|(j, _)| j % (i + 2) != 0)
                .map(|(_, u)| Uitkering { gemeente: code, ..u.clone() })
                .collect()
        })
        .collect()
}

fn landelijk(kopieen: &[Vec<Uitkering>]) -> BTreeMap<GemeenteCode, Reeks> {
    let v = vraag();
    let bv = oorzaken_vraag(v.jaar, v.peildatum).unwrap();
    let mut per = PerGemeente::new(&bv);
    for u in demo().uitkeringen.iter().chain(kopieen.iter().flatten()) {
        per.voeg_toe(u);
    }
    per.reeksen()
}

fn een_decimaal(x: f64) -> String {
    buig_core::nl::getal(Decimal::from_f64_retain(x).unwrap().round_dp(1), 1)
}

#[test]
fn with_five_other_gemeenten_the_stock_is_an_index_against_nederland_and_the_durations_are_compared() {
    let kopieen = anderen(5);
    let alle = landelijk(&kopieen);
    let dm = demo();
    let n = notitie_vangnet_landelijk(&dm.gegevens, &dm.uitkeringen, None, Some(&alle), &vraag()).unwrap();
    let t = n.document.platte_tekst();

    // Independently: the other five gemeenten's stock summed at K4 2022 and K4 2025 (2025 is complete on the peildatum).
    let v = vraag();
    let bv = oorzaken_vraag(v.jaar, v.peildatum).unwrap();
    let reeksen: Vec<Reeks> = kopieen.iter().map(|k| bereken(k, &bv)).collect();
    let som = |p: &str| reeksen.iter().map(|r| r.punt(p).unwrap().stand).sum::<u64>();
    let (nl_begin, nl_eind) = (som("2022-K4"), som("2025-K4"));
    let eigen = bereken(&dm.uitkeringen, &bv);
    let (e_begin, e_eind) = (eigen.punt("2022-K4").unwrap().stand, eigen.punt("2025-K4").unwrap().stand);
    let getal = |n: u64| buig_core::nl::getal(Decimal::from(n), 0);
    assert!(
        t.contains(&format!("Ter vergelijking Nederland (5 andere gemeenten in de database met uitkeringen in elk kwartaal): het bestand ging daar van {} naar {}", getal(nl_begin), getal(nl_eind))),
        "{t}"
    );
    let idx = |a: u64, b: u64| een_decimaal(b as f64 * 100.0 / a as f64);
    assert!(
        t.contains(&format!("staat Voorbeeldstad eind 2025 op {}, Nederland op {}", idx(e_begin, e_eind), idx(nl_begin, nl_eind))),
        "{t}"
    );
    assert!(t.contains("Bestand als index (K4 2022 = 100): Voorbeeldstad en Nederland"), "{t}");

    // Duration at the end of 2025: the national share of 3 years or longer.
    let lang = |r: &Reeks| {
        let p = r.punt("2025-K4").unwrap();
        (p.duur["36-60"] + p.duur["60+"], p.stand)
    };
    let (nl_lang, nl_stand) = reeksen.iter().map(lang).fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    let pct = buig_core::nl::getal((Decimal::from(nl_lang) * Decimal::from(100) / Decimal::from(nl_stand)).round_dp(1), 1);
    assert!(t.contains(&format!("Eind 2025 liep in Nederland {pct}% van de uitkeringen drie jaar of langer, in Voorbeeldstad")), "{t}");
}

#[test]
fn with_fewer_than_five_other_gemeenten_the_comparison_is_left_out_with_the_reason() {
    let alle = landelijk(&anderen(3));
    let dm = demo();
    let t = notitie_vangnet_landelijk(&dm.gegevens, &dm.uitkeringen, None, Some(&alle), &vraag()).unwrap().document.platte_tekst();
    assert!(t.contains("Een vergelijking met Nederland ontbreekt: de database bevat van 3 andere gemeenten uitkeringen over elk van deze kwartalen, en er zijn er minstens 5 nodig."), "{t}");
    assert!(!t.contains("Bestand als index"));
    // Without national data at all (notitie_vangnet_met), nothing is said about Nederland.
    let t = common::notitie_vangnet_met(&dm.gegevens, &dm.uitkeringen, None, &vraag()).unwrap().document.platte_tekst();
    assert!(!t.contains("Nederland"), "{t}");
}

#[test]
fn the_askers_own_gemeenten_never_make_nederland_showable() {
    // Five other gemeenten, but the asker has a role on two of them: three others remain, too few.
    let kopieen = anderen(5);
    let alle = landelijk(&kopieen);
    let dm = demo();
    let gm = common::gemeente(&dm.gegevens, &dm.uitkeringen, &BTreeMap::new());
    let v = vraag();
    let l = buig_dienst::Landelijk { reeksen: alle, inwoners: BTreeMap::new(), vraag: oorzaken_vraag(v.jaar, v.peildatum).unwrap() };
    let eigen: std::collections::BTreeSet<GemeenteCode> = [gm.code, "GM0100".parse().unwrap(), "GM0101".parse().unwrap()].into();
    let n = buig_dienst::document::notitie::notitie_invoer(&gm, None, Some(&l), &v, &eigen).unwrap();
    let nl = n.oorzaken.as_ref().unwrap().nederland.as_ref().unwrap();
    assert_eq!((nl.gemeenten, nl.anderen), (5, 3));
    assert!(!nl.bruikbaar());
    let t = buig_rapport::notitie(&n).platte_tekst();
    assert!(t.contains("Een vergelijking met Nederland ontbreekt: de database bevat van 3 andere gemeenten"), "{t}");
    // For an asker with only this gemeente, the same five make it showable.
    let n = buig_dienst::document::notitie::notitie_invoer(&gm, None, Some(&l), &v, &[gm.code].into()).unwrap();
    assert!(n.oorzaken.unwrap().nederland.unwrap().bruikbaar());
}
