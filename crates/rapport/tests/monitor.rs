//! The kwartaalmonitor on the demo gemeente Voorbeeldstad: the quarter, the
//! caseload figures as buig-bestand counts them, costs against the budget,
//! both formats with charts.

mod common;

use std::collections::BTreeMap;

use buig_bestand::{bereken, uitsplitsing, Maand, Per, Splitsing, Vraag};
use buig_core::Year;
use buig_rapport::doc::Blok;
use buig_rapport::monitor::kwartaal_op;
use buig_rapport::{kwartaalmonitor, render, Formaat, MonitorVraag, RapportFout};
use common::{demo, docx_media, docx_part, strip_tags, PNG_SIGNATURE};
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
    match kwartaalmonitor(&demo().gegevens, &demo().spells, &demo().inwoners, &vraag(date(2026, 3, 30))) {
        Err(RapportFout::Gegevens(m)) => assert!(m.contains("31 maart 2026"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_latest_quarter_stock_and_flows_equal_buig_bestand() {
    let dm = demo();
    let d = kwartaalmonitor(&dm.gegevens, &dm.spells, &dm.inwoners, &vraag(date(2026, 10, 15))).unwrap();
    let t = d.platte_tekst();
    assert!(t.starts_with("Kwartaalmonitor BUIG K3 2026 — Voorbeeldstad"), "{t}");
    let mut v = Vraag::new(Maand::new(2025, 1).unwrap(), Maand::new(2026, 9).unwrap(), Per::Kwartaal).unwrap();
    v.inwoners = dm.inwoners.clone();
    let r = bereken(&dm.spells, &v);
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
    let per = uitsplitsing(&dm.spells, &v, Splitsing::Regeling);
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
    let d = kwartaalmonitor(&dm.gegevens, &dm.spells, &dm.inwoners, &vraag(date(2026, 10, 15))).unwrap();
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
    let d = kwartaalmonitor(&dm.gegevens, &dm.spells, &dm.inwoners, &vraag(date(2026, 10, 15))).unwrap();
    assert!(common::charts_followed_by_their_values(&d) >= 7, "regeling, flows, per 1.000, age, duration, costs, vangnet");
}

#[test]
fn without_inhabitants_the_figure_per_1000_is_unknown_not_zero() {
    let dm = demo();
    let d = kwartaalmonitor(&dm.gegevens, &dm.spells, &BTreeMap::new(), &vraag(date(2026, 10, 15))).unwrap();
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
    let d = kwartaalmonitor(&dm.gegevens, &dm.spells, &dm.inwoners, &vraag(date(2026, 10, 15))).unwrap();
    let charts = d.blokken.iter().filter(|b| matches!(b, Blok::Grafiek(_))).count();
    let html = String::from_utf8(render(&d, Formaat::Html).unwrap()).unwrap();
    assert_eq!(html.matches("<svg xmlns=").count(), charts);
    let docx = render(&d, Formaat::Docx).unwrap();
    let xml = strip_tags(&docx_part(&docx, "word/document.xml"));
    assert!(xml.contains("Kwartaalmonitor BUIG K3 2026") && xml.contains("Bijstandsbestand per regeling"));
    let media = docx_media(&docx);
    assert_eq!(media.len(), charts);
    assert!(media.iter().all(|p| p[..8] == PNG_SIGNATURE));
}
