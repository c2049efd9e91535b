// SPDX-License-Identifier: EUPL-1.2
//! Breakdown output and comparison: the group summed beside one gemeente,
//! per 1.000 only over gemeenten with known inhabitants, indices on the
//! first period, imported series matched by period label.

use std::collections::BTreeMap;

use buig_bestand::*;
use buig_core::records::{ClientPseudoniem, Regeling, Uitkering};
use buig_core::GemeenteCode;

fn gm(s: &str) -> GemeenteCode {
    s.parse().unwrap()
}

fn uitkering(g: &str, client: &str, regeling: Regeling, start: &str, huishouden: Option<&str>) -> Uitkering {
    Uitkering {
        gemeente: gm(g),
        client: ClientPseudoniem(client.into()),
        regeling,
        startdatum: start.parse().unwrap(),
        einddatum: None,
        reden_einde: None,
        geboortedatum: None,
        huishouden: huishouden.map(String::from),
    }
}

fn vraag() -> Vraag {
    Vraag::new("2024-01".parse().unwrap(), "2024-03".parse().unwrap(), Per::Maand).unwrap()
}

fn uitkeringen() -> Vec<Uitkering> {
    vec![
        uitkering("GM0150", "a", Regeling::Pw, "2023-05-01", Some("alleenstaand")),
        uitkering("GM0150", "b", Regeling::Ioaw, "2024-02-10", None),
        uitkering("GM0363", "c", Regeling::Pw, "2023-01-01", None),
        uitkering("GM0363", "d", Regeling::Pw, "2023-01-01", None),
        uitkering("GM0363", "e", Regeling::Pw, "2024-01-15", None),
        uitkering("GM9999", "f", Regeling::Pw, "2022-01-01", None),
    ]
}

/// `n` running benefits in gemeente `g`, from `start`.
fn lopend(g: &str, n: usize, start: &str) -> Vec<Uitkering> {
    (0..n).map(|i| uitkering(g, &format!("{g}-{i}"), Regeling::Pw, start, None)).collect()
}

#[test]
fn the_group_sums_the_stand_and_counts_only_gemeenten_with_inhabitants_in_per_1000() {
    let v = vraag();
    // Six other gemeenten with 1–6 benefits since 2023; GM0150 is the asker's own; GM0007 starts in February.
    let mut u: Vec<Uitkering> = ["GM0001", "GM0002", "GM0003", "GM0004", "GM0005", "GM0006"]
        .iter()
        .enumerate()
        .flat_map(|(i, g)| lopend(g, i + 1, "2023-01-01"))
        .collect();
    u.extend(lopend("GM0150", 10, "2023-01-01"));
    u.extend(lopend("GM0007", 4, "2024-02-10"));
    let alle = bereken_per_gemeente(u.into_iter(), &v);
    let eigen = &alle[&gm("GM0150")];
    // Inhabitants for the own gemeente and five others; GM0006 and GM0007 have none.
    let inw: BTreeMap<(GemeenteCode, i32), u64> =
        ["GM0150", "GM0001", "GM0002", "GM0003", "GM0004", "GM0005"].iter().map(|g| ((gm(g), 2024), 10_000)).collect();
    let ander = |c: GemeenteCode| c != gm("GM0150");
    let g = groepsreeks(eigen, &alle, |_| true, |c, j| inw.get(&(c, j)).copied(), ander, "land".into());
    assert_eq!(g.gemeenten, 8);
    let standen: Vec<Option<u64>> = g.reeks.iter().map(|p| p.stand).collect();
    assert_eq!(standen, vec![Some(21 + 10), Some(21 + 10 + 4), Some(21 + 10 + 4)]);
    assert_eq!(g.reeks.iter().map(|p| p.gemeenten).collect::<Vec<_>>(), vec![7, 8, 8]);
    // Per 1.000 over the six with inhabitants only: (1+2+3+4+5 + 10) × 1.000 ÷ 60.000.
    assert_eq!(g.reeks[0].per_1000, Some(0.42));
    assert_eq!(g.reeks[0].per_1000_gemeenten, 6);
    assert_eq!(g.reeks[1].index, Some(112.9), "35 on a base of 31");
}

#[test]
fn a_group_figure_is_shown_only_when_five_gemeenten_other_than_the_askers_own_contribute_in_that_period() {
    let v = vraag();
    // The regional user has a role on four gemeenten; four others have benefits all quarter, GM0009 only from February.
    let eigen_vier = ["GM0150", "GM0001", "GM0002", "GM0003"];
    let mut u: Vec<Uitkering> = eigen_vier.iter().flat_map(|g| lopend(g, 5, "2023-01-01")).collect();
    for g in ["GM0005", "GM0006", "GM0007", "GM0008"] {
        u.extend(lopend(g, 3, "2023-01-01"));
    }
    u.extend(lopend("GM0009", 3, "2024-02-10"));
    let alle = bereken_per_gemeente(u.into_iter(), &v);
    let inw: BTreeMap<(GemeenteCode, i32), u64> = alle.keys().map(|g| ((*g, 2024), 10_000)).collect();
    let ander = |c: GemeenteCode| !eigen_vier.iter().any(|e| gm(e) == c);
    let g = groepsreeks(&alle[&gm("GM0150")], &alle, |_| true, |c, j| inw.get(&(c, j)).copied(), ander, "land".into());
    // January: nine gemeenten in the sum, but only four of them are not the user's own — group − own would reveal them.
    assert_eq!((g.reeks[0].gemeenten, g.reeks[0].stand, g.reeks[0].per_1000, g.reeks[0].index), (8, None, None, None));
    // February: five others contribute: shown (the sum still includes the user's own).
    assert_eq!(g.reeks[1].stand, Some(4 * 5 + 5 * 3));
    assert!(g.reeks[1].per_1000.is_some());
    assert_eq!(g.reeks[1].index, None, "its base (January) is not shown");
    assert!(g.toonbaar());
    // Had every gemeente been the user's own, nothing at all.
    let niets = groepsreeks(&alle[&gm("GM0150")], &alle, |_| true, |c, j| inw.get(&(c, j)).copied(), |_| false, "land".into());
    assert!(!niets.toonbaar());
    // A member filter: only GM0005 — never shown.
    let g = groepsreeks(&alle[&gm("GM0150")], &alle, |c| c == gm("GM0005"), |_, _| None, |_| true, "x".into());
    assert_eq!((g.gemeenten, g.reeks[0].stand, g.reeks[0].per_1000), (1, None, None));
}

#[test]
fn feeding_spells_one_by_one_equals_bereken_per_gemeente() {
    let v = vraag();
    let mut p = PerGemeente::new(&v);
    for u in uitkeringen() {
        p.voeg_toe(&u);
    }
    assert_eq!(p.reeksen(), bereken_per_gemeente(uitkeringen().into_iter(), &v));
}

#[test]
fn the_own_series_is_indexed_on_its_first_period_and_keeps_every_contract_key() {
    let r = bereken(&uitkeringen()[..2], &vraag());
    let m = met_index(&r);
    assert_eq!(m.iter().map(|p| p.index).collect::<Vec<_>>(), vec![Some(100.0), Some(200.0), Some(200.0)]);
    let json = serde_json::to_value(&m[0]).unwrap();
    for k in
        ["periode", "stand", "instroom", "uitstroom", "saldo", "duur", "leeftijd", "uitstroom_werk", "herinstroom", "per_1000", "index"]
    {
        assert!(json.get(k).is_some(), "{k} in {json}");
    }
}

#[test]
fn an_imported_series_is_matched_by_period_label_and_indexed_on_the_first_period() {
    let r = bereken(&uitkeringen()[..2], &vraag());
    let gm = [("2024-01".to_string(), 200), ("2024-03".to_string(), 210)].into();
    let nl = [("2024-02".to_string(), 5)].into();
    let v = Vergelijkreeks::naast("CBS 82015NED", &r, vec![("GM0150".into(), gm), ("NL01".into(), nl)]);
    let w: Vec<(Option<u64>, Option<f64>)> = v.gebieden[0].reeks.iter().map(|p| (p.waarde, p.index)).collect();
    assert_eq!(w, vec![(Some(200), Some(100.0)), (None, None), (Some(210), Some(105.0))]);
    assert!(v.gebieden[1].reeks.iter().all(|p| p.index.is_none()), "no value in the first period: no index");
    let out = Vergeleken { reeks: met_index(&r), vergelijking: None, vergelijkreeks: Some(v) };
    let t = render_vergelijking(&out);
    assert!(t.starts_with("Vergelijkingsreeks: CBS 82015NED"), "{t}");
    assert!(t.contains("NL01 index") && t.contains("105,00"), "{t}");
    let json = serde_json::to_value(&out).unwrap();
    assert!(json.get("vergelijking").is_none());
    assert_eq!(json["vergelijkreeks"]["gebieden"][0]["reeks"][2]["waarde"], 210);
}

#[test]
fn a_breakdown_renders_a_heading_per_group_and_one_csv_with_a_group_column() {
    let own: Vec<Uitkering> = uitkeringen().into_iter().filter(|u| u.gemeente == gm("GM0150")).collect();
    let per = uitsplitsing(&own, &vraag(), "huishouden".parse().unwrap());
    assert_eq!(per.keys().collect::<Vec<_>>(), ["alleenstaand", "onbekend"]);
    let t = render_uitsplitsing_tabel(Splitsing::Huishouden.kop(), &per);
    assert!(t.starts_with("Huishouden alleenstaand\nperiode") && t.contains("\nHuishouden onbekend\n"), "{t}");
    let c = render_uitsplitsing_csv(&per);
    assert!(c.starts_with(&format!("groep,{CSV_HEADER}\n")));
    assert_eq!(c.lines().count(), 1 + 2 * 3);
    assert!(c.contains("\nonbekend,2024-02,1,1,"), "{c}");
    assert!("provincie".parse::<Splitsing>().unwrap_err().contains("regeling, huishouden of reden_einde"));
}
