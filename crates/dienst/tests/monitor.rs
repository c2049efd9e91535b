// SPDX-License-Identifier: EUPL-1.2
//! The kwartaalmonitor on the demo gemeente Voorbeeldstad: the quarter, the
//! caseload figures as buig-bestand counts them, costs against the budget,
//! both formats with charts; the figure per 1.000 inhabitants beside the
//! size class and the Netherlands from synthetic gemeenten.

mod common;

use std::collections::BTreeMap;

use buig_bestand::{bereken, uitsplitsing, Grootteklasse, Maand, Per, Splitsing, Vraag};
use buig_core::records::{ClientPseudoniem, Regeling, Uitkering};
use buig_core::{GemeenteCode, Year};
use buig_dienst::document::monitor::{kwartaal_op, MonitorVraag};
use buig_dienst::Fout;
use buig_rapport::doc::Blok;
use buig_rapport::{render, Formaat};
use common::{demo, docx_media, docx_part, kwartaalmonitor, kwartaalmonitor_met, monitor_vergelijking, strip_tags, PNG_SIGNATURE};
use jiff::civil::date;
use rust_decimal::Decimal;

fn vraag(peildatum: jiff::civil::Date) -> MonitorVraag {
    MonitorVraag { jaar: Year::new(2026), peildatum, datum: date(2026, 10, 15) }
}

fn getal(n: u64) -> String {
    buig_core::nl::getal(Decimal::from(n), 0)
}

#[test]
fn the_quarter_is_the_last_complete_one_up_to_the_peildatum() {
    let y = Year::new(2026);
    assert_eq!(kwartaal_op(y, date(2026, 9, 30)), Some((3, date(2026, 9, 30))));
    assert_eq!(kwartaal_op(y, date(2026, 9, 29)), Some((2, date(2026, 6, 30))));
    assert_eq!(kwartaal_op(y, date(2026, 10, 31)), Some((3, date(2026, 9, 30))));
    assert_eq!(kwartaal_op(y, date(2027, 5, 1)), Some((4, date(2026, 12, 31))), "a later peildatum stops at the year's end");
    assert_eq!(kwartaal_op(y, date(2026, 3, 30)), None);
}

#[test]
fn before_the_first_quarter_ends_the_monitor_is_refused() {
    match kwartaalmonitor(&demo().gegevens, &demo().uitkeringen, &demo().inwoners, &vraag(date(2026, 3, 30))) {
        Err(Fout::Gegevens(m)) => assert!(m.contains("31 maart 2026"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_latest_quarter_stock_and_flows_equal_buig_bestand() {
    let dm = demo();
    let d = kwartaalmonitor(&dm.gegevens, &dm.uitkeringen, &dm.inwoners, &vraag(date(2026, 10, 15))).unwrap();
    let t = d.platte_tekst();
    assert!(t.starts_with("Kwartaalmonitor BUIG K3 2026 — Voorbeeldstad"), "{t}");
    let mut v = Vraag::new(Maand::new(2025, 1).unwrap(), Maand::new(2026, 9).unwrap(), Per::Kwartaal).unwrap();
    v.inwoners = dm.inwoners.clone();
    let r = bereken(&dm.uitkeringen, &v);
    let k3 = r.punt("2026-K3").unwrap();
    assert!(t.contains(&format!("Uitkeringen einde K3 2026 | {}", getal(k3.stand))), "{t}");
    assert!(t.contains(&format!("Instroom K3 2026 | {}", getal(k3.instroom))), "{t}");
    assert!(t.contains(&format!("Uitstroom K3 2026 | {}", getal(k3.uitstroom))), "{t}");
    let k3_2025 = r.punt("2025-K3").unwrap();
    let jaar = k3.stand as i64 - k3_2025.stand as i64;
    assert!(
        t.contains(&format!(
            "Verschil met een jaar eerder | {}{}",
            if jaar > 0 { "+" } else { "" },
            buig_core::nl::getal(Decimal::from(jaar), 0)
        )),
        "{t}"
    );
    let per_1000 = buig_core::nl::getal(Decimal::from_f64_retain(k3.per_1000.unwrap()).unwrap(), 2);
    assert!(t.contains(&format!("Uitkeringen per 1.000 inwoners | {per_1000}")), "{t}");
    // Per scheme: each scheme's stock, and the total, as buig-bestand counts them.
    let per = uitsplitsing(&dm.uitkeringen, &v, Splitsing::Regeling);
    let mut rij = vec!["K3 2026".to_string()];
    rij.extend(per.values().map(|s| getal(s.punt("2026-K3").unwrap().stand)));
    rij.push(getal(k3.stand));
    assert!(t.contains(&rij.join(" | ")), "{rij:?} in {t}");
    // Eight quarters: 2025-K1 .. 2026-K3 is seven.
    assert!(t.contains("K1 2025 | ") && !t.contains("K4 2024"));
}

#[test]
fn costs_to_date_are_set_against_the_years_budget() {
    let dm = demo();
    let d = kwartaalmonitor(&dm.gegevens, &dm.uitkeringen, &dm.inwoners, &vraag(date(2026, 10, 15))).unwrap();
    let t = d.platte_tekst();
    let netto: buig_core::Money =
        dm.gegevens.realisatie.iter().filter(|r| r.jaar == Year::new(2026) && r.maand <= 9).map(|r| r.lasten - r.baten).sum();
    let budget = dm
        .gegevens
        .budgetten
        .iter()
        .filter(|b| b.jaar == Year::new(2026) && b.datum.unwrap() <= date(2026, 9, 30))
        .max_by_key(|b| b.soort)
        .unwrap();
    assert!(t.contains(&format!("Netto lasten t/m K3 2026 | {}", buig_core::nl::money(netto))), "{t}");
    assert!(
        t.contains(&format!("BUIG-budget 2026 (nader voorlopig) | {}", buig_core::nl::money(budget.bedrag))),
        "only decisions known at the quarter's end: {t}"
    );
    assert!(!t.contains("okt 2026 | €"), "October is after the quarter: {t}");
}

#[test]
fn every_topic_has_a_chart_followed_by_a_table_with_its_values() {
    let dm = demo();
    let d = kwartaalmonitor(&dm.gegevens, &dm.uitkeringen, &dm.inwoners, &vraag(date(2026, 10, 15))).unwrap();
    assert!(common::charts_followed_by_their_values(&d) >= 7, "regeling, flows, per 1.000, age, duration, costs, vangnet");
}

#[test]
fn without_inhabitants_the_figure_per_1000_is_unknown_not_zero() {
    let dm = demo();
    let d = kwartaalmonitor(&dm.gegevens, &dm.uitkeringen, &BTreeMap::new(), &vraag(date(2026, 10, 15))).unwrap();
    let t = d.platte_tekst();
    assert!(t.contains("Uitkeringen per 1.000 inwoners | onbekend (inwonertal ontbreekt)"), "{t}");
    assert!(
        !d.blokken.iter().any(|b| matches!(b, Blok::Grafiek(g) if g.titel == "Uitkeringen per 1.000 inwoners")),
        "an empty chart is left out"
    );
}

#[test]
fn the_monitor_renders_in_both_formats_with_a_picture_per_chart() {
    let dm = demo();
    let d = kwartaalmonitor(&dm.gegevens, &dm.uitkeringen, &dm.inwoners, &vraag(date(2026, 10, 15))).unwrap();
    let charts = d.blokken.iter().filter(|b| matches!(b, Blok::Grafiek(_))).count();
    let html = String::from_utf8(render(&d, Formaat::Html).unwrap()).unwrap().replace('\u{a0}', " ");
    assert_eq!(html.matches("<svg xmlns=").count(), charts);
    let docx = render(&d, Formaat::Docx).unwrap();
    let xml = strip_tags(&docx_part(&docx, "word/document.xml"));
    assert!(xml.contains("Kwartaalmonitor BUIG K3 2026") && xml.contains("Bijstandsbestand per regeling"));
    let media = docx_media(&docx);
    assert_eq!(media.len(), charts);
    assert!(media.iter().all(|p| p[..8] == PNG_SIGNATURE));
}

/// Voorbeeldstad's inhabitants on 1 January of `jaar`.
fn demo_inwoners(jaar: i32) -> u64 {
    demo().inwoners[&jaar]
}

/// `n` benefits of gemeente `code` running from 2020 without end: a stand of `n` in every quarter.
fn lopend(code: GemeenteCode, n: u64) -> Vec<Uitkering> {
    (0..n)
        .map(|i| Uitkering {
            gemeente: code,
            client: ClientPseudoniem(format!("{code}-{i}")),
            regeling: Regeling::Pw,
            startdatum: date(2020, 1, 1),
            einddatum: None,
            reden_einde: None,
            geboortedatum: None,
            huishouden: None,
        })
        .collect()
}

/// Voorbeeldstad beside synthetic gemeenten: `klasse` of them (stand, inhabitants) in Voorbeeldstad's
/// size class and one large gemeente in another class; every quarter from one national count, as the CLI does.
struct Land {
    alle: BTreeMap<GemeenteCode, buig_bestand::Reeks>,
    inwoners: BTreeMap<(GemeenteCode, i32), u64>,
    klasse: Vec<(u64, u64)>,
    groot: (u64, u64),
}

fn land(n_klasse: usize) -> Land {
    let dm = demo();
    let eigen = dm.gegevens.gemeente.unwrap();
    let inw = demo_inwoners(2026);
    let klasse: Vec<(u64, u64)> = (1..=n_klasse as u64).map(|i| (10 * i + 3, inw - 7 * i)).collect();
    assert!(klasse.iter().all(|(_, n)| Grootteklasse::van(*n) == Grootteklasse::van(inw)), "same size class as Voorbeeldstad");
    let groot = (2_345, if Grootteklasse::van(inw) == Grootteklasse::Vanaf100k { 15_000 } else { 250_000 });
    let mut uitkeringen = dm.uitkeringen.clone();
    let mut inwoners: BTreeMap<(GemeenteCode, i32), u64> = dm.inwoners.iter().map(|(j, n)| ((eigen, *j), *n)).collect();
    for (i, (stand, n)) in klasse.iter().chain([&groot]).enumerate() {
        let code: GemeenteCode = format!("GM{:04}", 9001 + i).parse().unwrap();
        uitkeringen.extend(lopend(code, *stand));
        inwoners.insert((code, 2025), *n);
        inwoners.insert((code, 2026), *n);
    }
    let v = Vraag::new(Maand::new(2015, 1).unwrap(), Maand::new(2026, 12).unwrap(), Per::Kwartaal).unwrap();
    let alle = buig_bestand::bereken_per_gemeente(uitkeringen.into_iter(), &v);
    Land { alle, inwoners, klasse, groot }
}

/// `teller × 1.000 ÷ noemer` as the document shows it (two decimals, half up).
fn per_1000(teller: u64, noemer: u64) -> String {
    buig_core::nl::getal(Decimal::from(teller * 1000) / Decimal::from(noemer), 2)
}

/// The row of `label` in the table per 1.000 inhabitants.
fn per_1000_rij<'a>(t: &'a str, label: &str) -> &'a str {
    let tabel = &t[t.find("Kwartaal | Uitkeringen | Inwoners | Per 1.000 ").expect("the table per 1.000")..];
    tabel.lines().find(|r| r.starts_with(&format!("{label} | "))).unwrap()
}

fn monitor_met(l: Option<&Land>) -> String {
    let dm = demo();
    let vr = vraag(date(2026, 10, 15));
    let v = l.map(|l| monitor_vergelijking(dm.gegevens.gemeente.unwrap(), &l.alle, &l.inwoners, &vr).unwrap());
    kwartaalmonitor_met(&dm.gegevens, &dm.uitkeringen, &dm.inwoners, v.as_ref(), &vr).unwrap().platte_tekst()
}

#[test]
fn the_figure_per_1000_stands_beside_the_size_class_and_the_netherlands() {
    let l = land(5);
    let t = monitor_met(Some(&l));
    let dm = demo();
    let mut v = Vraag::new(Maand::new(2025, 1).unwrap(), Maand::new(2026, 9).unwrap(), Per::Kwartaal).unwrap();
    v.inwoners = dm.inwoners.clone();
    let eigen = bereken(&dm.uitkeringen, &v);
    for (periode, label, jaar) in [("2026-K3", "K3 2026", 2026), ("2025-K2", "K2 2025", 2025)] {
        let p = eigen.punt(periode).unwrap();
        // The size class: Voorbeeldstad and the five synthetic gemeenten, summed.
        let klasse_stand = p.stand + l.klasse.iter().map(|k| k.0).sum::<u64>();
        let klasse_inw = demo_inwoners(jaar) + l.klasse.iter().map(|k| k.1).sum::<u64>();
        // The Netherlands: those and the large gemeente.
        let (land_stand, land_inw) = (klasse_stand + l.groot.0, klasse_inw + l.groot.1);
        let rij = [
            label.to_string(),
            getal(p.stand),
            getal(demo_inwoners(jaar)),
            per_1000(p.stand, demo_inwoners(jaar)),
            per_1000(klasse_stand, klasse_inw),
            per_1000(land_stand, land_inw),
        ]
        .join(" | ");
        assert!(t.contains(&rij), "{rij} in {t}");
    }
    assert!(t.contains("Grootteklasse: het totaal van 6 gemeenten met "), "{t}");
    assert!(t.contains("Nederland: het totaal van 7 gemeenten in de database"), "{t}");
    assert!(!t.contains("onbekend. De database"), "{t}");
}

#[test]
fn a_size_class_of_fewer_than_five_gemeenten_is_unknown_not_shown() {
    // Voorbeeldstad and four others in its class: four others, too few; with the large gemeente five others in the country.
    let l = land(4);
    let t = monitor_met(Some(&l));
    assert!(t.contains("Grootteklasse: onbekend. De database bevat voor deze kwartalen uitkeringen van 5 gemeenten met "), "{t}");
    assert!(t.contains("minstens 5 andere gemeenten eraan bijdragen"), "{t}");
    let rij = per_1000_rij(&t, "K3 2026");
    let cellen: Vec<&str> = rij.split(" | ").collect();
    assert_eq!(cellen.len(), 6, "{rij}");
    assert_eq!(cellen[4], "onbekend", "the size class is not shown: {rij}");
    assert_ne!(cellen[5], "onbekend", "the Netherlands (five others) is: {rij}");
}

#[test]
fn with_only_the_gemeente_itself_the_netherlands_is_unknown_too() {
    let l = land(0);
    let mut l = l;
    l.alle.retain(|g, _| Some(*g) == demo().gegevens.gemeente);
    let t = monitor_met(Some(&l));
    assert!(t.contains("De vergelijking met de grootteklasse en met Nederland is onbekend: de database bevat voor deze kwartalen uitkeringen van 1 gemeente; een groep wordt pas getoond vanaf 5 gemeenten"), "{t}");
    let rij = per_1000_rij(&t, "K3 2026");
    assert!(rij.ends_with(" | onbekend | onbekend"), "no zero, no invented figure: {rij}");
}

#[test]
fn without_a_comparison_the_section_says_so() {
    let t = monitor_met(None);
    assert!(
        t.contains("De vergelijking met de grootteklasse en met Nederland is onbekend: bij deze monitor zijn geen cijfers van andere gemeenten meegegeven."),
        "{t}"
    );
    let rij = per_1000_rij(&t, "K3 2026");
    assert!(rij.ends_with(" | onbekend | onbekend"), "{rij}");
}

#[test]
fn a_gemeente_whose_data_stop_before_the_quarter_does_not_count_as_zero() {
    let mut l = land(5);
    // A sixth gemeente in the class whose spells all ended in 2024: its data do not cover the monitor.
    let code: GemeenteCode = "GM9100".parse().unwrap();
    let mut oud = lopend(code, 40);
    for u in &mut oud {
        u.einddatum = Some(date(2024, 6, 30));
    }
    let v = Vraag::new(Maand::new(2015, 1).unwrap(), Maand::new(2026, 12).unwrap(), Per::Kwartaal).unwrap();
    l.alle.extend(buig_bestand::bereken_per_gemeente(oud.into_iter(), &v));
    l.inwoners.insert((code, 2025), demo_inwoners(2026) - 1);
    l.inwoners.insert((code, 2026), demo_inwoners(2026) - 1);
    assert_eq!(monitor_met(Some(&l)), monitor_met(Some(&land(5))));
}

#[test]
fn a_year_without_the_groups_inhabitants_is_unknown_and_the_reason_is_given() {
    let mut l = land(5);
    // The synthetic gemeenten have no inhabitants for 2026: only Voorbeeldstad's are known then.
    l.inwoners.retain(|(g, j), _| *j != 2026 || Some(*g) == demo().gegevens.gemeente);
    let t = monitor_met(Some(&l));
    assert!(
        t.contains("Van minder dan 5 andere gemeenten is het inwonertal op 1 januari 2026 bekend: die kwartalen zijn onbekend."),
        "{t}"
    );
    assert!(per_1000_rij(&t, "K3 2026").ends_with(" | onbekend | onbekend"), "{t}");
    assert!(!per_1000_rij(&t, "K4 2025").ends_with(" | onbekend"), "{t}");
}
