// SPDX-License-Identifier: EUPL-1.2
//! The notitie vangnet with spells and an action plan: the causes from the
//! caseload as buig-bestand counts it (Voorbeeldstad), the measures from the
//! plan (Deventer's Aanvalsplan BUIG 2022-2023), and the draft decision.

mod common;

use buig_bestand::{bereken, Maand, Per, Vraag};
use buig_core::records::Jaarcijfer;
use buig_core::Year;
use buig_dienst::document::notitie::NotitieVraag;
use buig_rapport::{render, Formaat};
use common::{charts_followed_by_their_values, demo, deventer, jc, notitie_vangnet, notitie_vangnet_met};
use jiff::civil::date;
use rust_decimal::Decimal;

fn getal(n: u64) -> String {
    buig_core::nl::getal(Decimal::from(n), 0)
}

fn vraag_deventer() -> NotitieVraag {
    NotitieVraag { jaar: Year::new(2023), peildatum: Some(date(2024, 5, 31)), datum: date(2024, 6, 4) }
}

fn vraag_demo() -> NotitieVraag {
    NotitieVraag { jaar: Year::new(2025), peildatum: Some(date(2026, 5, 31)), datum: date(2026, 6, 2) }
}

fn deventer_plan() -> buig_plan::Overzicht {
    buig_plan::overzicht(&buig_plan::voorbeeld_deventer(), &[], None)
}

#[test]
fn with_spells_the_causes_section_shows_the_caseload_as_buig_bestand_counts_it() {
    let dm = demo();
    let n = notitie_vangnet_met(&dm.gegevens, &dm.uitkeringen, None, &vraag_demo()).expect("notitie");
    let t = n.document.platte_tekst();
    let r = bereken(&dm.uitkeringen, &Vraag::new(Maand::new(2022, 10).unwrap(), Maand::new(2025, 12).unwrap(), Per::Kwartaal).unwrap());
    let stand = |p: &str| r.punt(p).unwrap().stand;
    let (begin, eind) = (stand("2022-K4"), stand("2025-K4"));
    let werkwoord = if eind > begin { "groeide" } else { "daalde" };
    assert!(t.contains("Oorzaken van het tekort\nDe ontwikkeling van het bijstandsbestand over 2023–2025"), "{t}");
    assert!(t.contains(&format!("Het bestand {werkwoord} van {} eind 2022 naar {} eind 2025", getal(begin), getal(eind))), "{t}");
    for y in 2022..=2025 {
        assert!(t.contains(&format!("eind {y} | {} |", getal(stand(&format!("{y}-K4"))))), "year end {y}: {t}");
    }
    let jaar = |y: i32| (1..=4).map(|k| r.punt(&format!("{y}-K{k}")).unwrap()).fold((0, 0), |(i, u), p| (i + p.instroom, u + p.uitstroom));
    let (i25, u25) = jaar(2025);
    assert!(t.contains(&format!("In 2025: instroom {}, uitstroom {}", getal(i25), getal(u25))), "{t}");
    let (i23, u23) = jaar(2023);
    assert!(t.contains(&format!("2023 | {} | {} |", getal(i23), getal(u23))), "{t}");
    let k4 = r.punt("2025-K4").unwrap();
    let lang = k4.duur["36-60"] + k4.duur["60+"];
    assert!(t.contains(&format!("Eind 2025 liep {} van de {} uitkeringen", getal(lang), getal(k4.stand))), "{t}");
    assert!(t.contains(&format!("{} jonger dan 27", getal(k4.leeftijd["0-27"]))), "{t}");
    assert!(!t.contains("Oorzaken van het tekort (vraag A"), "the causes are no longer a placeholder: {t}");
    assert!(t.contains("Getroffen interne en externe maatregelen (vraag B)."), "without a plan the measures stay to be filled in");
    assert!(charts_followed_by_their_values(&n.document) >= 4, "stock, flows, duration and age each have a chart");
}

#[test]
fn a_peildatum_inside_the_year_stops_the_caseload_at_its_last_complete_quarter() {
    let dm = demo();
    // 2026 is not complete on the peildatum: the notitie is a draft on a prognosis.
    let mut g = dm.gegevens.clone();
    g.jaarcijfers.push(Jaarcijfer { stadium: buig_core::records::Stadium::Prognose, ..jc(2026, Some(60_000_000), Some(5_000_000), None) });
    let v = NotitieVraag { jaar: Year::new(2026), peildatum: Some(date(2026, 10, 15)), datum: date(2026, 10, 15) };
    let n = notitie_vangnet_met(&g, &dm.uitkeringen, None, &v).expect("notitie on a prognosis");
    assert_eq!(n.stadium, buig_core::records::Stadium::Prognose);
    let t = n.document.platte_tekst();
    assert!(t.contains("eind K3 2026"), "{t}");
    assert!(!t.contains("K4 2026"), "{t}");
}

#[test]
fn without_spells_or_plan_causes_and_measures_stay_in_te_vullen() {
    let n = notitie_vangnet(&deventer(), &vraag_deventer()).unwrap();
    let t = n.document.platte_tekst();
    assert!(t.contains("Oorzaken van het tekort (vraag A van het aanvraagformulier)"), "{t}");
    assert!(t.contains("Getroffen interne en externe maatregelen (vraag B)."), "{t}");
    assert_eq!(t, notitie_vangnet_met(&deventer(), &[], None, &vraag_deventer()).unwrap().document.platte_tekst());
}

#[test]
fn with_the_deventer_plan_the_measures_list_action_1a_and_the_target_300() {
    let n = notitie_vangnet_met(&deventer(), &[], Some(&deventer_plan()), &vraag_deventer()).unwrap();
    let t = n.document.platte_tekst();
    assert!(t.contains("Het college heeft maatregelen getroffen in het Aanvalsplan BUIG 2022-2023"), "{t}");
    assert!(t.contains("Het doel van het plan: 300 uitkeringen minder en € 1.500.000 besparing."), "{t}");
    assert!(t.contains("Doel (uitkeringen minder) | 300"), "{t}");
    assert!(t.contains("Actielijn 1. Voorkómen dat Deventenaren in de uitkering instromen"), "{t}");
    assert!(
        t.contains("1A | Voorkomen dat jongeren instromen | Pieter Waardenburg / Birgitte Flapper | soort onbekend | nog geen status"),
        "{t}"
    );
    assert!(t.contains("De werkelijke ontwikkeling van het bestand sinds de nulmeting (31 december 2022) is niet bekend"), "{t}");
    // Nobody said whether a vangnetuitkering was granted over 2021 or 2022: both forms stay open, never a basisverzoek by assumption.
    assert!(t.contains("Basisverzoek of uitgebreid verzoek\nVoorwaarde e (aanhoudend tekort): Onbekend — is over 2021 of 2022 een vangnetuitkering verleend?"), "{t}");
    assert!(!t.contains("aangenomen is een basisverzoek"), "{t}");
    assert!(!t.contains("(vraag B)"), "the measures are no longer a placeholder: {t}");
    assert!(t.contains("zoals uitgewerkt in het Aanvalsplan BUIG 2022-2023"), "{t}");
}

#[test]
fn with_spells_the_plan_target_is_set_against_the_change_since_the_nulmeting() {
    let dm = demo();
    let mut plan = buig_plan::voorbeeld_deventer();
    plan.nulmeting = Some(date(2024, 12, 31));
    let o = buig_plan::overzicht(&plan, &[], None);
    let n = notitie_vangnet_met(&dm.gegevens, &dm.uitkeringen, Some(&o), &vraag_demo()).unwrap();
    let t = n.document.platte_tekst();
    // Counted as known on the peildatum (31 May 2026): later starts and ends left out.
    let p = date(2026, 5, 31);
    let bekend: Vec<_> = dm
        .uitkeringen
        .iter()
        .filter(|u| u.startdatum <= p)
        .map(|u| buig_core::records::Uitkering { einddatum: u.einddatum.filter(|e| *e <= p), ..u.clone() })
        .collect();
    let ont = buig_plan::sinds_nulmeting(&bekend, date(2024, 12, 31)).unwrap();
    assert_eq!(ont.laatste_maand, "2026-05");
    assert!(t.contains(&format!("Stand nulmeting (dec 2024) | {}", getal(ont.stand_nulmeting))), "{t}");
    assert!(t.contains(&format!("Sinds de nulmeting (dec 2024: {} uitkeringen)", getal(ont.stand_nulmeting))), "{t}");
    assert!(t.contains(&format!("Stand mei 2026 | {}", getal(ont.stand_laatste))), "{t}");
    assert!(t.contains("Beoogd effect van de acties samen (uitkeringen minder) | onbekend"), "no invented zero: {t}");
}

#[test]
fn an_extended_request_lists_the_actions_as_internal_external_or_of_unknown_kind() {
    let mut g = deventer();
    g.vangnet_verleend = Some(vec![2022]);
    let mut plan = buig_plan::voorbeeld_deventer();
    plan.acties[0].soort = Some(buig_plan::Soort::Intern);
    plan.acties[1].soort = Some(buig_plan::Soort::Extern);
    let o = buig_plan::overzicht(&plan, &[], None);
    let n = notitie_vangnet_met(&g, &[], Some(&o), &vraag_deventer()).unwrap();
    assert_eq!(n.resultaat.aanhoudend_tekort, Some(true));
    let t = n.document.platte_tekst();
    assert!(t.contains("Uitgebreid verzoek\nEr is sprake van een aanhoudend tekort"), "{t}");
    assert!(t.contains(&format!("Interne maatregelen: {} {}", plan.acties[0].code, plan.acties[0].titel)), "{t}");
    assert!(t.contains(&format!("Externe maatregelen: {} {}", plan.acties[1].code, plan.acties[1].titel)), "{t}");
    assert!(t.contains(&format!("Soort onbekend: {} {}", plan.acties[2].code, plan.acties[2].titel)), "{t}");
}

#[test]
fn the_draft_decision_asks_the_council_to_agree_and_names_the_deadline() {
    let n = notitie_vangnet(&deventer(), &vraag_deventer()).unwrap();
    let t = n.document.platte_tekst();
    let i = t.find("Ontwerpbesluit").expect("an ontwerpbesluit");
    let b = &t[i..t.find("Bijlage 1").unwrap()];
    assert!(b.contains("De raad van de gemeente Deventer;"), "{b}");
    assert!(b.contains("gelezen het voorstel van burgemeester en wethouders van 4 juni 2024,"), "{b}");
    assert!(b.contains("besluit:"), "{b}");
    assert!(b.contains("In te stemmen met de verklaring van het college"), "{b}");
    assert!(b.contains("uiterlijk op 15 augustus 2024"), "{b}");
}

#[test]
fn the_deventer_2023_figures_are_unchanged_with_a_plan() {
    let n = notitie_vangnet_met(&deventer(), &[], Some(&deventer_plan()), &vraag_deventer()).unwrap();
    let t = n.document.platte_tekst();
    assert!(
        t.contains("Onder voorbehoud dat voorwaarde b vervuld is: kennis te nemen van de vangnetuitkering van € 149.870")
            && t.contains("8,21%"),
        "{t}"
    );
}

#[test]
fn the_full_notitie_renders_in_both_formats() {
    let dm = demo();
    let mut plan = buig_plan::voorbeeld_deventer();
    plan.nulmeting = Some(date(2024, 12, 31));
    let o = buig_plan::overzicht(&plan, &[], None);
    let n = notitie_vangnet_met(&dm.gegevens, &dm.uitkeringen, Some(&o), &vraag_demo()).unwrap();
    let html = String::from_utf8(render(&n.document, Formaat::Html).unwrap()).unwrap().replace('\u{a0}', " ");
    assert!(html.contains("<svg") && html.contains("Ontwerpbesluit") && html.contains("Oorzaken van het tekort"));
    if let Ok(p) = std::env::var("NOTITIE_HTML") {
        std::fs::write(p, &html).unwrap();
    }
    let docx = render(&n.document, Formaat::Docx).unwrap();
    assert!(!common::docx_media(&docx).is_empty(), "charts as pictures in the DOCX");
}
