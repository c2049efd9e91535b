// SPDX-License-Identifier: EUPL-1.2
//! The raadsmededeling budget: Deventer's decisions of seed 000 (D 2023 →
//! V 2024) and the demo gemeente Voorbeeldstad (all data, so a prognosis),
//! in both formats, with charts as inline SVG and as PNG pictures.

mod common;

use buig_core::records::{BudgetSoort, Budgetbeschikking};
use buig_core::{Money, Year};
use buig_dienst::document::raadsmededeling::RaadsmededelingVraag;
use buig_dienst::Fout;
use buig_prognose::Gegevens;
use buig_rapport::doc::Blok;
use buig_rapport::{render, Formaat};
use common::{demo, docx_media, docx_part, raadsmededeling, strip_tags, PNG_SIGNATURE};
use jiff::civil::date;

fn deventer() -> Gegevens {
    let code = "GM0150".parse().unwrap();
    let b = |jaar: i32, soort, datum, bedrag| Budgetbeschikking {
        gemeente: code,
        jaar: Year::new(jaar),
        soort,
        datum: Some(datum),
        bedrag: Money::from_euros(bedrag),
        blks: None,
        macrobudget: None,
        aandeel: None,
    };
    Gegevens {
        gemeente: Some(code),
        naam: Some("Deventer".into()),
        budgetten: vec![
            b(2023, BudgetSoort::Definitief, date(2023, 10, 2), 41_984_531),
            b(2024, BudgetSoort::Voorlopig, date(2023, 10, 2), 45_917_564),
        ],
        ..Default::default()
    }
}

fn vraag_deventer() -> RaadsmededelingVraag {
    RaadsmededelingVraag { jaar: Year::new(2023), peildatum: date(2023, 10, 31), datum: date(2023, 10, 31) }
}

fn vraag_demo() -> RaadsmededelingVraag {
    RaadsmededelingVraag { jaar: Year::new(2026), peildatum: date(2026, 10, 31), datum: date(2026, 11, 2) }
}

#[test]
fn deventer_d2023_to_v2024_shows_both_budgets_and_the_split_into_macro_and_share_effect() {
    let d = raadsmededeling(&deventer(), &[], None, &vraag_deventer()).unwrap();
    let t = d.platte_tekst();
    assert!(t.starts_with("Raadsmededeling BUIG: definitief budget 2023 en voorlopig budget 2024 — Deventer"), "{t}");
    assert!(t.contains("Het definitief budget 2023 bedraagt € 41.984.531"), "{t}");
    assert!(t.contains("Het voorlopig budget 2024 bedraagt € 45.917.564; dat is € 3.933.033 hoger dan het definitief budget 2023"), "{t}");
    assert!(t.contains("definitief 2023 → voorlopig 2024 | € 3.933.033 | "), "{t}");
    // The split adds up to the difference, as the budget view promises.
    let o = buig_prognose::budgetoverzicht(&deventer());
    let w = o.wijzigingen.iter().find(|w| w.naar == "voorlopig 2024").unwrap();
    let (m, a) = (w.macro_effect.unwrap(), w.aandeel_effect.unwrap());
    assert_eq!(m + a, Money::from_euros(3_933_033));
    assert!(a.is_positive(), "the seed: the share rose from 0,62% to 0,66%");
    assert!(t.contains(&format!("(macro-effect {}, aandeeleffect {})", buig_core::nl::money(m), buig_core::nl::money(a))), "{t}");
    assert!(t.contains("2 oktober 2023"), "decision dates are shown: {t}");
}

#[test]
fn without_spells_the_document_says_there_is_no_prognosis_instead_of_guessing() {
    let d = raadsmededeling(&deventer(), &[], None, &vraag_deventer()).unwrap();
    let t = d.platte_tekst();
    assert!(t.contains("Een verwacht resultaat over 2023 is niet te geven"), "{t}");
    assert!(d.blokken.iter().any(|b| matches!(b, Blok::Kader { titel, .. } if titel == "Geen prognose")));
    assert!(t.contains("Zonder prognose is de vangnetpositie over 2023 niet te bepalen."));
    assert!(!t.contains("P10"), "no invented uncertainty");
}

#[test]
fn a_decision_dated_after_the_peildatum_is_left_out() {
    let v = RaadsmededelingVraag { peildatum: date(2023, 9, 30), ..vraag_deventer() };
    match raadsmededeling(&deventer(), &[], None, &v) {
        Err(Fout::Gegevens(m)) => assert!(m.contains("30 september 2023") && m.contains("2024"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_chart_is_followed_by_a_table_holding_its_values() {
    let d = raadsmededeling(&demo().gegevens, &demo().uitkeringen, None, &vraag_demo()).unwrap();
    assert!(common::charts_followed_by_their_values(&d) >= 4, "decisions, effects, months, vangnet");
}

#[test]
fn a_chart_without_any_value_is_left_out_but_its_table_stays() {
    // Deventer has no realised years before 2023: the vangnet chart would be empty.
    let d = raadsmededeling(&deventer(), &[], None, &vraag_deventer()).unwrap();
    assert!(!d.blokken.iter().any(|b| matches!(b, Blok::Grafiek(g) if g.titel == "Tekort in % van het budget")));
    assert!(d.platte_tekst().contains("2021 | realisatie | onbekend | onbekend | niet te bepalen"), "{}", d.platte_tekst());
}

#[test]
fn the_demo_gives_the_expected_result_with_its_p10_p90_and_the_chance_of_a_vangnet() {
    let dm = demo();
    let d = raadsmededeling(&dm.gegevens, &dm.uitkeringen, None, &vraag_demo()).unwrap();
    let t = d.platte_tekst();
    let r = buig_prognose::prognose_uitkomst(
        &dm.gegevens,
        &dm.uitkeringen,
        &buig_prognose::PrognoseVraag { jaar: Year::new(2026), peildatum: date(2026, 10, 31), scenarios: vec![], runs: 2000, seed: 2024 },
    )
    .unwrap();
    let o = r.onzekerheid.clone().unwrap();
    let nl = buig_core::nl::money;
    // The headline is the centre of the runs: the median, with the P10–P90 band around it.
    assert_eq!(r.kop.resultaat, o.p50);
    assert!(t.contains(&format!("Verwacht resultaat | {}", nl(o.p50))), "{t}");
    assert!(t.contains(&format!("Resultaat P10 (ongunstig) | {}", nl(o.p10))), "{t}");
    assert!(t.contains(&format!("Resultaat P90 (gunstig) | {}", nl(o.p90))), "{t}");
    assert!(o.p90.is_negative(), "the demo's 2026 is a shortfall throughout the band");
    assert!(t.contains(&format!("met 80% zekerheid een tekort tussen {} en {}", nl(-o.p90), nl(-o.p10))), "{t}");
    assert!(t.contains(&format!("Kans op een vangnetuitkering | {}", buig_core::nl::kans(o.kans_vangnet))), "{t}");
    assert!(t.contains("Op basis van de realisatie over 10 maanden verwachten we over 2026: een tekort van"), "{t}");
    // The definitief 2026 is known on 31 October: no second result with another decision.
    assert!(!t.contains("Resultaat met het"), "{t}");
    assert!(t.contains("voorlopig budget 2027"), "V 2027 is dated 1 October 2026: {t}");
    // Reproducible: the same data give the same document.
    assert_eq!(d, raadsmededeling(&dm.gegevens, &dm.uitkeringen, None, &vraag_demo()).unwrap());
}

#[test]
fn with_a_plan_the_progress_per_action_line_is_shown() {
    let plan = buig_plan::voorbeeld_deventer();
    let upd = buig_plan::Statusupdate {
        actie: plan.acties[0].code.clone(),
        kwartaal: "2023-K3".parse().unwrap(),
        status: buig_plan::Status::Achter,
        gerealiseerd: None,
        kosten: None,
        notitie: Some("te weinig capaciteit".into()),
    };
    let o = buig_plan::overzicht(&plan, &[upd], None);
    let d = raadsmededeling(&deventer(), &[], Some(&o), &vraag_deventer()).unwrap();
    let t = d.platte_tekst();
    assert!(t.contains("Voortgang Aanvalsplan BUIG 2022-2023"), "{t}");
    assert!(t.contains(&format!("Het plan telt {} acties in {} actielijnen", plan.acties.len(), plan.actielijnen.len())), "{t}");
    let lijn = &plan.actielijnen[0];
    let n = plan.acties.iter().filter(|a| a.lijn == lijn.nummer).count();
    assert!(t.contains(&format!("{}. {} | {n} | 0 | 0 | 1 | 0 | {} |", lijn.nummer, lijn.naam, n - 1)), "{t}");
    assert!(t.contains("achter op schema (2023-K3): te weinig capaciteit"), "{t}");
    let zonder = raadsmededeling(&deventer(), &[], None, &vraag_deventer()).unwrap().platte_tekst();
    assert!(!zonder.contains("Voortgang"));
}

#[test]
fn both_formats_carry_the_figures_and_the_charts() {
    let d = raadsmededeling(&deventer(), &[], None, &vraag_deventer()).unwrap();
    let html = String::from_utf8(render(&d, Formaat::Html).unwrap()).unwrap().replace('\u{a0}', " ");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"nl\">"));
    assert!(html.contains("€ 41.984.531") && html.contains("€ 45.917.564"));
    let svgs = html.matches("<svg xmlns=\"http://www.w3.org/2000/svg\"").count();
    let charts = d.blokken.iter().filter(|b| matches!(b, Blok::Grafiek(_))).count();
    assert_eq!(svgs, charts);
    assert!(charts >= 2, "decisions and effects");
    assert!(!html.contains("<script"));

    let docx = render(&d, Formaat::Docx).unwrap();
    let xml = strip_tags(&docx_part(&docx, "word/document.xml"));
    assert!(xml.contains("€ 41.984.531") && xml.contains("€ 45.917.564") && xml.contains("€ 3.933.033"), "{xml}");
    let media = docx_media(&docx);
    assert_eq!(media.len(), charts, "one picture per chart");
    for png in media {
        assert_eq!(png[..8], PNG_SIGNATURE);
    }
    assert!(docx_part(&docx, "word/document.xml").contains("<w:drawing>"));
}

#[test]
fn the_demo_document_renders_in_both_formats() {
    let dm = demo();
    let d = raadsmededeling(&dm.gegevens, &dm.uitkeringen, None, &vraag_demo()).unwrap();
    let html = String::from_utf8(render(&d, Formaat::Html).unwrap()).unwrap().replace('\u{a0}', " ");
    assert!(html.contains("Verwacht resultaat 2026"));
    let docx = render(&d, Formaat::Docx).unwrap();
    assert!(strip_tags(&docx_part(&docx, "word/document.xml")).contains("Verwacht resultaat 2026"));
    assert!(!docx_media(&docx).is_empty());
}

/// Seed 000, read right: on 31 October 2023 Deventer's 2023 was not over, so
/// its realised shortfall (seed 002, May 2024) was not known; the outlook
/// rests on the prognosis the seed implies and is computed by the rules,
/// beside the seed's "≈ € 132.000". Unknown stays unknown, never € 0.
#[test]
fn deventer_on_31_october_2023_shows_the_2023_vangnet_outlook_beside_the_seeds_132_000() {
    let mut g = deventer();
    let code: buig_core::GemeenteCode = "GM0150".parse().unwrap();
    g.jaarcijfers = buig_referentie::seed_jaarcijfers().iter().filter(|r| r.code == code).map(|r| r.cijfer.clone()).collect();
    g.verleend_per_jaar =
        buig_referentie::seed_vangnet_verleend().iter().filter(|v| v.code == code).map(|v| (v.jaar.get(), v.verleend)).collect();
    let d = raadsmededeling(&g, &[], None, &vraag_deventer()).unwrap();
    let t = d.platte_tekst();
    let vangnet = t.split("\nVangnet\n").nth(1).expect("a vangnet section");
    // The product's own outlook: the rules of 2023 on the prognosis, with 2021 unknown and 2022 only a percentage.
    assert!(
        vangnet.contains("Op basis van de vastgelegde raming van het tekort over 2023 (€ 3.412.120, 8,13% van het budget)"),
        "{vangnet}"
    );
    assert!(vangnet.contains("indien vervuld € 131.640"), "{vangnet}");
    let seed = 132_000_i64;
    assert!((131_640 - seed).abs() < 500, "the seed's ≈ € 132.000 is this amount rounded");
    // Not known on 31 October 2023: the realised shortfall of May 2024.
    assert!(!t.contains("3.448.580"), "{t}");
    // No unknown amount is written as € 0.
    assert!(!vangnet.contains("€ 0 "), "{vangnet}");
    assert!(vangnet.contains("2021 | realisatie | onbekend | onbekend"), "{vangnet}");
}

#[test]
fn the_raadsmededeling_carries_the_multi_year_outlook_for_the_begroting() {
    let dm = demo();
    let d = raadsmededeling(&dm.gegevens, &dm.uitkeringen, None, &vraag_demo()).unwrap();
    let t = d.platte_tekst();
    assert!(t.contains("Meerjarenraming 2026–2030"), "{t}");
    for jaar in 2027..=2030 {
        assert!(t.contains(&format!("\n{jaar} | € ")), "{jaar}: {t}");
    }
    assert!(t.contains("De kans op een vangnetuitkering is vanaf 2027 onbekend"), "{t}");
    // Deventer on 31 October 2023 has no monthly data: no outlook, no empty section.
    let d = raadsmededeling(&deventer(), &[], None, &vraag_deventer()).unwrap();
    assert!(!d.platte_tekst().contains("Meerjarenraming"));
}

#[test]
fn the_shortfall_chart_carries_the_thresholds_of_the_rule_table_for_each_year() {
    let d = raadsmededeling(&demo().gegevens, &demo().uitkeringen, None, &vraag_demo()).unwrap();
    let g = d
        .blokken
        .iter()
        .find_map(|b| match b {
            Blok::Grafiek(g) if g.titel == "Tekort in % van het budget" => Some(g),
            _ => None,
        })
        .expect("the demo has a shortfall chart");
    // Each year's thresholds are those of its vangnet position's routes, as the rule table gives them.
    assert!(!g.drempels.is_empty(), "threshold lines");
    for d in &g.drempels {
        assert!(["7,5%", "5%"].contains(&d.naam.as_str()), "{}", d.naam);
        assert_eq!(d.waarden.len(), g.x_labels.len());
    }
    let zeven = g.drempels.iter().find(|d| d.naam == "7,5%").expect("the regular threshold");
    assert!(zeven.waarden.iter().flatten().all(|v| *v == 7.5));
    let svg = g.svg();
    assert!(svg.contains(">7,5%</text>"), "labelled in the picture");
}
