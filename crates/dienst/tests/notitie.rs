// SPDX-License-Identifier: EUPL-1.2
//! The Notitie vangnet on the seed 002 figures (Deventer 2023), in both
//! formats: key figures, Dutch formats, honesty about unknown years, escaping.

mod common;

use buig_core::Year;
use buig_dienst::document::notitie::NotitieVraag;
use buig_dienst::Fout;
use buig_prognose::Gegevens;
use buig_rapport::{doc::Blok, render, Formaat};
use common::{deventer, docx_part, jc, notitie_vangnet, strip_tags, NotitieVangnet};

fn vraag(jaar: i32) -> NotitieVraag {
    let d = jiff::civil::date(2024, 5, 31);
    NotitieVraag { jaar: Year::new(jaar), peildatum: Some(d), datum: d }
}

fn maak(g: &Gegevens) -> NotitieVangnet {
    notitie_vangnet(g, &vraag(2023)).expect("notitie")
}

#[test]
fn deventer_2023_with_2022_only_as_a_percentage_gives_the_amount_if_condition_b_is_met() {
    let n = maak(&deventer());
    assert_eq!(n.resultaat.recht, None);
    assert_eq!(n.resultaat.vangnetuitkering_indien_recht, buig_core::Money::from_euros(149_870));
    let t = n.document.platte_tekst();
    assert!(t.starts_with("Notitie vangnet 2023 — Deventer"), "{t}");
    assert!(t.contains("Onder voorbehoud dat voorwaarde b vervuld is: kennis te nemen van de vangnetuitkering van € 149.870"), "{t}");
    assert!(t.contains("8,21%") && t.contains("€ 41.984.531") && t.contains("€ 3.448.580") && t.contains("€ 3.148.840"));
    assert!(t.contains("uiterlijk op 15 augustus 2024"));
    assert!(t.contains("b. Meerjarig tekort — onbekend."));
    assert!(t.contains("over 2022 is alleen een percentage bekend (9,90%), geen bedrag"));
    assert!(t.contains("2021 | onbekend | onbekend"), "a year without data is written onbekend, never 0: {t}");
    assert!(!t.contains("€ 0 |"), "no invented zero amounts in bijlage 1");
    assert!(t.contains("In te vullen"));
    assert!(t.contains("status van de uitkomst: bevestigd"));
    assert!(!t.contains("jaren.2021"), "no case-file keys in a council document");
}

#[test]
fn with_all_years_known_the_right_and_the_payout_are_stated_plainly() {
    let mut g = deventer();
    g.jaarcijfers = vec![
        jc(2023, Some(41_984_531), Some(3_448_580), None),
        jc(2022, Some(40_000_000), Some(3_960_000), None),
        jc(2021, Some(39_000_000), Some(-200_000), None),
    ];
    g.vangnet_verleend = Some(vec![]);
    let n = maak(&g);
    assert_eq!(n.resultaat.recht, Some(true));
    assert_eq!(n.resultaat.vangnetuitkering, Some(buig_core::Money::from_euros(149_870)));
    let t = n.document.platte_tekst();
    assert!(t.contains("de vangnetuitkering van € 149.870 die daarover kan worden aangevraagd"), "{t}");
    assert!(t.contains("Op basis van de realisatie over 2023 kan de gemeente Deventer € 149.870"));
    assert!(t.contains("2021: € -200.000 + 2022: € 3.960.000 + 2023: € 3.448.580 geeft samen € 7.208.580"), "{t}");
    assert!(t.contains("b. Meerjarig tekort — vervuld."));
    assert!(t.contains("e. Aanhoudend tekort — niet van toepassing."));
    assert!(!t.contains("indien voorwaarde b"));
    // The same answer as the budget view's vangnet position.
    let pos = n.overzicht.jaren.iter().find(|j| j.jaar == Year::new(2023)).unwrap().vangnet.clone().unwrap();
    assert_eq!(pos.vangnetuitkering(), n.resultaat.vangnetuitkering);
}

#[test]
fn a_vangnet_granted_in_2022_asks_for_an_extended_request() {
    let mut g = deventer();
    g.vangnet_verleend = Some(vec![2022]);
    let t = maak(&g).document.platte_tekst();
    assert!(t.contains("e. Aanhoudend tekort — van toepassing: uitgebreid verzoek."), "{t}");
    assert!(t.contains("Over 2022 is een vangnetuitkering verleend"));
    assert!(t.contains("(uitgebreid verzoek) uiterlijk op 15 augustus 2024"));
}

#[test]
fn a_year_without_figures_is_refused_naming_the_year() {
    match notitie_vangnet(&deventer(), &vraag(2024)) {
        Err(Fout::Gegevens(m)) => assert!(m.contains("2024") && m.contains("Deventer"), "{m}"),
        Err(e) => panic!("{e}"),
        Ok(n) => panic!("a notitie for a year without figures: {}", n.document.titel),
    }
    match notitie_vangnet(&deventer(), &vraag(2014)) {
        Err(Fout::Gegevens(m)) => assert!(m.contains("2014") && m.contains("2015"), "refused with the covered years: {m}"),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("2014 lies before the rules"),
    }
}

#[test]
fn the_html_is_a_standalone_print_page_with_the_key_figures() {
    let html = String::from_utf8(render(&maak(&deventer()).document, Formaat::Html).unwrap()).unwrap().replace('\u{a0}', " ");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"nl\">"));
    assert!(html.contains("<style>") && html.contains("@page"));
    assert!(!html.contains("<script"));
    assert!(html.contains("<h1 class=\"titel\">Notitie vangnet 2023 — Deventer</h1>"));
    assert!(html.contains("<h2>Bijlage 1 — Specificatie van het tekort per jaar</h2>"));
    assert!(html.contains("<thead><tr><th scope=\"col\">Jaar</th>"));
    assert!(html.contains("<td class=\"bedrag\">€ 149.870,09</td>"), "H2 with cents");
    assert!(html.contains("€ 149.870") && html.contains("8,21%") && html.contains("15 augustus 2024"));
    assert!(html.contains("<section class=\"bijlage\">"));
}

#[test]
fn text_from_the_data_is_escaped_in_both_formats() {
    let mut g = deventer();
    g.naam = Some("Dorp <script>alert(1)</script> & Co \"x\"".into());
    let n = maak(&g);
    let html = String::from_utf8(render(&n.document, Formaat::Html).unwrap()).unwrap().replace('\u{a0}', " ");
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("Dorp &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co &quot;x&quot;"));
    let xml = docx_part(&render(&n.document, Formaat::Docx).unwrap(), "word/document.xml");
    assert!(!xml.contains("<script>"));
    assert!(xml.contains("Dorp &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
}

#[test]
fn the_docx_has_heading_styles_header_rows_page_numbers_and_the_figures() {
    let n = maak(&deventer());
    let bytes = render(&n.document, Formaat::Docx).unwrap();
    let xml = docx_part(&bytes, "word/document.xml");
    let text = strip_tags(&xml);
    assert!(text.contains("149.870") && text.contains("8,21"), "the contract-check's figures");
    assert!(text.contains("Onder voorbehoud dat voorwaarde b vervuld is: kennis te nemen van de vangnetuitkering van € 149.870"));
    assert!(xml.contains(r#"<w:pStyle w:val="Heading1" />"#));
    assert!(xml.contains(r#"<w:pStyle w:val="Heading2" />"#));
    assert!(xml.contains(r#"<w:pStyle w:val="Title" />"#));
    assert!(xml.contains("<w:tbl>") && xml.contains("<w:tblHeader />"));
    let tables = xml.matches("<w:tbl>").count();
    assert_eq!(xml.matches("<w:tblHeader />").count(), tables, "exactly one header row per table");
    assert!(xml.contains(r#"<w:pageBreakBefore />"#), "appendices start on a new page");
    let styles = docx_part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:styleId="Heading1""#) && styles.contains(r#"<w:name w:val="heading 1" />"#));
    let footer = docx_part(&bytes, "word/footer1.xml");
    assert!(footer.contains("PAGE") && footer.contains("pagina"), "{footer}");
    // Every block of the model reached the document.
    let kop1 = n.document.blokken.iter().filter(|b| matches!(b, Blok::Kop1(_))).count();
    assert_eq!(xml.matches(r#"<w:pStyle w:val="Heading1" />"#).count(), kop1);
}
