// SPDX-License-Identifier: EUPL-1.2
//! The raadsvoorstel and the raadsbesluit that come with the notitie vangnet
//! (model: seed 002, Deventer 2023): the same decision points everywhere,
//! conditional while condition b is unknown, no request when a condition fails.

mod common;

use buig_core::Year;
use buig_dienst::document::notitie::NotitieVraag;
use buig_prognose::Gegevens;
use buig_rapport::doc::{platte_tekst, Blok};
use buig_rapport::{render, Formaat};
use common::{deventer, jc, notitie_vangnet, notitie_vangnet_met, NotitieVangnet};
use jiff::civil::date;

/// Deventer with 2021 and 2022 in amounts: the cumulative shortfall decides condition b.
fn deventer_met(tekort_2022: i64, tekort_2021: i64) -> Gegevens {
    let mut g = deventer();
    g.jaarcijfers = vec![
        jc(2023, Some(41_984_531), Some(3_448_580), None),
        jc(2022, Some(40_000_000), Some(tekort_2022), None),
        jc(2021, Some(39_000_000), Some(tekort_2021), None),
    ];
    g.vangnet_verleend = Some(vec![]);
    g
}

fn maak(g: &Gegevens) -> NotitieVangnet {
    notitie_vangnet(g, &NotitieVraag { jaar: Year::new(2023), peildatum: Some(date(2024, 5, 31)), datum: date(2024, 6, 4) })
        .expect("notitie")
}

/// The text from the heading `van` up to the heading `tot` (or the end).
fn deel(t: &str, van: &str, tot: &str) -> String {
    let i = t.find(&format!("\n{van}\n")).unwrap_or_else(|| panic!("no heading {van}: {t}"));
    let rest = &t[i + 1..];
    rest[..rest.find(&format!("\n{tot}\n")).unwrap_or(rest.len())].to_string()
}

/// The numbered decision points after a heading.
fn besluitpunten(n: &NotitieVangnet, kop: &str) -> Vec<String> {
    let b = &n.document.blokken;
    let i = b.iter().position(|x| matches!(x, Blok::Kop1(s) if s == kop)).unwrap_or_else(|| panic!("no heading {kop}"));
    b[i..]
        .iter()
        .find_map(|x| match x {
            Blok::Lijst { genummerd: true, items } => Some(items.iter().map(platte_tekst).collect()),
            _ => None,
        })
        .unwrap()
}

#[test]
fn deventer_2023_has_a_raadsvoorstel_and_a_raadsbesluit_with_the_amount_the_percentage_and_the_deadline() {
    let n = maak(&deventer());
    let t = n.document.platte_tekst();
    let voorstel = deel(&t, "Raadsvoorstel", "Ontwerpbesluit (raadsbesluit)");
    for kop in
        ["Voorstel", "Inleiding", "Beoogd effect", "Argumenten", "Kanttekeningen", "Financiële consequenties", "Uitvoering en vervolg"]
    {
        assert!(voorstel.contains(&format!("\n{kop}\n")), "{kop}: {voorstel}");
    }
    assert!(voorstel.contains("Onderwerp: Vangnet BUIG 2023"), "{voorstel}");
    assert!(voorstel.contains("€ 149.870") && voorstel.contains("8,21%") && voorstel.contains("15 augustus 2024"), "{voorstel}");
    assert!(voorstel.contains("€ 3.448.580") && voorstel.contains("€ 41.984.531") && voorstel.contains("€ 3.148.840"), "{voorstel}");
    assert!(voorstel.contains("Voorwaarde a (tekort over 2023) is vervuld: het tekort van € 3.448.580 is 8,21%"), "{voorstel}");
    assert!(voorstel.contains("Burgemeester en wethouders van de gemeente Deventer,"), "{voorstel}");

    let besluit = deel(&t, "Ontwerpbesluit (raadsbesluit)", "Bijlage 1 — Specificatie van het tekort per jaar");
    assert!(
        besluit.contains("De raad van de gemeente Deventer;\ngelezen het voorstel van burgemeester en wethouders van 4 juni 2024"),
        "{besluit}"
    );
    assert!(besluit.contains("besluit:"), "{besluit}");
    assert!(besluit.contains("€ 149.870") && besluit.contains("8,21%") && besluit.contains("uiterlijk op 15 augustus 2024"), "{besluit}");
    assert!(besluit.contains("In te stemmen met de verklaring van het college"), "{besluit}");
    assert!(besluit.contains("Aldus besloten in de openbare vergadering van [in te vullen]."), "{besluit}");

    // Both parts start on a new page.
    let b = &n.document.blokken;
    for kop in ["Raadsvoorstel", "Ontwerpbesluit (raadsbesluit)"] {
        let i = b.iter().position(|x| matches!(x, Blok::Kop1(s) if s == kop)).unwrap();
        assert_eq!(b[i - 1], Blok::Pagina, "{kop} starts on a new page");
    }
}

#[test]
fn with_condition_b_unknown_the_points_that_depend_on_it_are_conditional_and_the_missing_figure_is_named() {
    let n = maak(&deventer());
    assert_eq!(n.resultaat.voorwaarde_b, None);
    let punten = besluitpunten(&n, "Ontwerpbesluit (raadsbesluit)");
    assert_eq!(punten, besluitpunten(&n, "Raadsvoorstel"), "the voorstel proposes what the besluit decides");
    assert_eq!(punten, besluitpunten(&n, "Gevraagd besluit"), "and what the notitie asks");
    let voorbehoud = "Onder voorbehoud dat voorwaarde b vervuld is: ";
    assert!(punten[0].starts_with("In te stemmen met de verklaring"), "{punten:?}");
    assert!(
        punten[1].starts_with("Kennis te nemen van het tekort") && punten[1].contains("8,21%"),
        "the known shortfall is not conditional"
    );
    assert_eq!(
        punten[2],
        format!("{voorbehoud}kennis te nemen van de vangnetuitkering van € 149.870 die over 2023 kan worden aangevraagd.")
    );
    assert!(punten[3].starts_with(&format!("{voorbehoud}het college in staat te stellen de aanvraag")), "{punten:?}");
    assert!(punten[3].contains("uiterlijk op 15 augustus 2024"), "{punten:?}");

    let t = n.document.platte_tekst();
    let kant = deel(&t, "Kanttekeningen", "Financiële consequenties");
    assert!(
        kant.contains(
            "Voorwaarde b is met de beschikbare cijfers niet vast te stellen: over 2021 ontbreekt het tekort; over 2022 is alleen een percentage bekend (9,90%), geen bedrag."
        ),
        "{kant}"
    );
    assert!(kant.contains("Vul het tekort en het definitieve budget over 2021 en 2022 aan als bedrag"), "{kant}");
    assert!(
        kant.contains("uit de jaarrekening of de SiSa-verantwoording (of de definitieve beschikking en de maandrealisatie)"),
        "how to supply it: {kant}"
    );
    assert!(!kant.contains("buig "), "a council document names no commands: {kant}");
    assert!(kant.contains("dekt de vangnetuitkering van € 149.870 maar een deel van het tekort van € 3.448.580"), "{kant}");
    let uitvoering = deel(&t, "Uitvoering en vervolg", "Ontwerpbesluit (raadsbesluit)");
    // Condition e is not stated in this case either: the form stays open.
    assert!(
        uitvoering.contains("Blijkt voorwaarde b vervuld, dan vult het college het aanvraagformulier (basisverzoek of uitgebreid verzoek, zie voorwaarde e)"),
        "{uitvoering}"
    );
    assert!(uitvoering.contains("Blijkt die niet vervuld, dan dient het college geen aanvraag in"), "{uitvoering}");
}

#[test]
fn with_all_conditions_known_and_met_nothing_is_conditional() {
    let n = maak(&deventer_met(3_960_000, -200_000));
    assert_eq!(n.resultaat.recht, Some(true));
    let t = n.document.platte_tekst();
    assert!(!t.contains("Onder voorbehoud") && !t.contains("onder voorbehoud"), "{t}");
    assert!(!t.contains("indien voorwaarde b") && !t.contains("Indien voorwaarde b"), "{t}");
    let punten = besluitpunten(&n, "Ontwerpbesluit (raadsbesluit)");
    assert_eq!(punten, besluitpunten(&n, "Raadsvoorstel"));
    assert_eq!(punten.len(), 3, "{punten:?}");
    assert!(punten[1].contains("de vangnetuitkering van € 149.870 die daarover kan worden aangevraagd"), "{punten:?}");
    assert!(punten[2].starts_with("Het college in staat te stellen de aanvraag") && punten[2].contains("15 augustus 2024"));
    let voorstel = deel(&t, "Raadsvoorstel", "Ontwerpbesluit (raadsbesluit)");
    assert!(
        voorstel.contains("Voorwaarde b (meerjarig tekort) is vervuld: het gecumuleerde tekort over 2021, 2022 en 2023 is € 7.208.580"),
        "{voorstel}"
    );
    // Pinned, not taken from the result: € 3.448.580 − € 149.870.
    assert_eq!(n.resultaat.eigen_risico, Some(buig_core::Money::from_euros(3_298_710)));
    assert!(
        voorstel.contains("van het tekort van € 3.448.580 vergoedt zij € 149.870; het eigen risico van de gemeente is € 3.298.710"),
        "{voorstel}"
    );
    assert!(voorstel.contains("Na het besluit van de raad vult het college het aanvraagformulier (basisverzoek) in"), "{voorstel}");
}

#[test]
fn with_condition_b_known_to_fail_no_request_is_proposed() {
    let n = maak(&deventer_met(-2_000_000, -1_000_000));
    assert_eq!(n.resultaat.voorwaarde_b, Some(false));
    assert_eq!(n.resultaat.recht, Some(false));
    let t = n.document.platte_tekst();
    assert!(!t.contains("in te dienen bij de Toetsingscommissie"), "no point asks to file the request: {t}");
    assert!(!t.contains("Onder voorbehoud"), "{t}");
    let punten = besluitpunten(&n, "Ontwerpbesluit (raadsbesluit)");
    assert_eq!(punten, besluitpunten(&n, "Raadsvoorstel"));
    assert!(punten.iter().all(|p| !p.starts_with("In te stemmen")), "{punten:?}");
    assert!(
        punten[1].contains("geen recht bestaat op een vangnetuitkering, omdat voorwaarde b (het meerjarige tekort) niet vervuld is")
            && punten[1].contains("geen aanvraag vangnetuitkering 2023 in"),
        "{punten:?}"
    );
    let voorstel = deel(&t, "Raadsvoorstel", "Ontwerpbesluit (raadsbesluit)");
    assert!(voorstel.contains("Voorwaarde b (meerjarig tekort) is niet vervuld"), "{voorstel}");
    assert!(voorstel.contains("Het voorstel vraagt daarom niet om een aanvraag in te dienen."), "{voorstel}");
    assert!(voorstel.contains("Er wordt geen aanvraag vangnetuitkering 2023 ingediend"), "{voorstel}");
}

#[test]
fn with_condition_a_known_to_fail_no_request_is_proposed() {
    let mut g = deventer_met(3_960_000, -200_000);
    g.jaarcijfers[0] = jc(2023, Some(41_984_531), Some(2_000_000), None);
    let n = maak(&g);
    assert!(!n.resultaat.voorwaarde_a);
    let punten = besluitpunten(&n, "Ontwerpbesluit (raadsbesluit)");
    assert!(
        punten[1].contains("omdat voorwaarde a (een tekort over 2023 van méér dan 7,5% van het definitieve budget) niet vervuld is"),
        "{punten:?}"
    );
    assert!(!n.document.platte_tekst().contains("in te dienen bij de Toetsingscommissie"));
}

#[test]
fn with_a_plan_the_arguments_name_its_measures_and_target() {
    let plan = buig_plan::overzicht(&buig_plan::voorbeeld_deventer(), &[], None);
    let v = NotitieVraag { jaar: Year::new(2023), peildatum: Some(date(2024, 5, 31)), datum: date(2024, 6, 4) };
    let n = notitie_vangnet_met(&deventer(), &[], Some(&plan), &v).unwrap();
    let t = n.document.platte_tekst();
    let arg = deel(&t, "Argumenten", "Kanttekeningen");
    assert!(
        arg.contains(&format!(
            "De maatregelen staan in het Aanvalsplan BUIG 2022-2023: {} acties in {} actielijnen (doel: 300 uitkeringen minder en € 1.500.000 besparing).",
            plan.totalen.acties,
            plan.actielijnen.len()
        )),
        "{arg}"
    );
    assert!(besluitpunten(&n, "Ontwerpbesluit (raadsbesluit)")[0].contains("zoals uitgewerkt in het Aanvalsplan BUIG 2022-2023"));
}

#[test]
fn in_html_the_raadsvoorstel_and_the_raadsbesluit_each_start_a_new_page() {
    let html = String::from_utf8(render(&maak(&deventer()).document, Formaat::Html).unwrap()).unwrap().replace('\u{a0}', " ");
    assert!(html.contains("<section class=\"bijlage\"><h2>Raadsvoorstel</h2>"), "{html}");
    assert!(html.contains("<section class=\"bijlage\"><h2>Ontwerpbesluit (raadsbesluit)</h2>"), "{html}");
    assert!(html.contains("<strong>Onder voorbehoud dat voorwaarde b vervuld is: </strong>"), "the mark stands out");
    if let Ok(p) = std::env::var("RAADSVOORSTEL_TXT") {
        std::fs::write(p, maak(&deventer()).document.platte_tekst()).unwrap();
    }
}
