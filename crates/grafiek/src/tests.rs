// SPDX-License-Identifier: EUPL-1.2
//! Tests for the chart: ticks, Dutch labels, escaping, geometry, the table,
//! and well-formedness of the SVG.

use crate::draw::{bars, segments, shown_labels, Layout};
use crate::format::{escape, getal, tick_labels};
use crate::ticks::nice_ticks;
use crate::*;

fn some(values: &[f64]) -> Vec<Option<f64>> {
    values.iter().copied().map(Some).collect()
}

fn lijn() -> Grafiek {
    let mut g = Grafiek::new("Bijstandsvolume", Soort::Lijn, Eenheid::Aantal);
    g.x_labels = (2019..=2023).map(|y| y.to_string()).collect();
    g.reeksen.push(Reeks::new("Voorbeeldstad", vec![Some(1200.0), Some(1250.0), None, Some(1300.0), Some(1280.0)]));
    g
}

/// A minimal XML well-formedness check: one root, balanced and properly
/// nested tags, quoted attributes, no raw `<` or stray `&` in text.
fn check_well_formed(xml: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = xml;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            check_text(rest)?;
            break;
        };
        check_text(&rest[..open])?;
        if !rest[..open].trim().is_empty() && stack.is_empty() {
            return Err("text outside the root element".into());
        }
        let close = rest[open..].find('>').ok_or("unclosed tag")? + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack.pop().ok_or_else(|| format!("closing </{name}> without opening"))?;
            if top != name.trim() {
                return Err(format!("</{name}> closes <{top}>"));
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name_end = body.find(char::is_whitespace).unwrap_or(body.len());
        let name = &body[..name_end];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':') {
            return Err(format!("bad tag name in <{tag}>"));
        }
        check_attributes(&body[name_end..])?;
        if stack.is_empty() {
            roots += 1;
        }
        if !self_closing {
            stack.push(name.to_owned());
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed elements: {stack:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}

fn check_text(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        let end = rest[amp..].find(';').ok_or("stray &")? + amp;
        let entity = &rest[amp + 1..end];
        if !["amp", "lt", "gt", "quot", "apos"].contains(&entity) {
            return Err(format!("unknown entity &{entity};"));
        }
        rest = &rest[end + 1..];
    }
    Ok(())
}

fn check_attributes(mut attrs: &str) -> Result<(), String> {
    let mut seen = Vec::new();
    loop {
        attrs = attrs.trim_start();
        if attrs.is_empty() {
            return Ok(());
        }
        let eq = attrs.find('=').ok_or_else(|| format!("attribute without value: {attrs}"))?;
        let name = attrs[..eq].trim();
        if name.is_empty() || name.contains(char::is_whitespace) || seen.contains(&name) {
            return Err(format!("bad or repeated attribute name {name:?}"));
        }
        seen.push(name);
        let after = &attrs[eq + 1..];
        if !after.starts_with('"') {
            return Err(format!("unquoted attribute {name}"));
        }
        let end = after[1..].find('"').ok_or("unterminated attribute")? + 1;
        let value = &after[1..end];
        if value.contains('<') {
            return Err(format!("< in attribute {name}"));
        }
        check_text(value)?;
        attrs = &after[end + 1..];
    }
}

/// The opening tags `<tag ...>` in the SVG.
fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.match_indices(&open).map(|(at, _)| &svg[at..at + svg[at..].find('>').unwrap()]).collect()
}

/// The value of attribute `name` in one opening tag.
fn attr(element: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = element.find(&key)? + key.len();
    Some(element[start..start + element[start..].find('"').unwrap()].to_owned())
}

/// The value of attribute `name` in every element `<tag ...>` that has it.
fn attr_values(svg: &str, tag: &str, name: &str) -> Vec<String> {
    elements(svg, tag).into_iter().filter_map(|e| attr(e, name)).collect()
}

#[test]
fn nice_ticks_use_steps_of_one_two_two_and_a_half_or_five_and_cover_the_range() {
    assert_eq!(nice_ticks(0.0, 100.0), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
    assert_eq!(nice_ticks(0.0, 1_234_567.0), vec![0.0, 250_000.0, 500_000.0, 750_000.0, 1_000_000.0, 1_250_000.0]);
    assert_eq!(nice_ticks(0.0, 43_000_000.0), vec![0.0, 10e6, 20e6, 30e6, 40e6, 50e6]);
    assert_eq!(nice_ticks(1200.0, 1300.0), vec![1200.0, 1225.0, 1250.0, 1275.0, 1300.0]);
    assert_eq!(nice_ticks(3.0, 3.0), vec![0.0, 1.0, 2.0, 3.0], "a single level is shown against zero");
    for (lo, hi) in
        [(0.0, 1.0), (41_000.0, 45_500.0), (-2_500_000.0, 800_000.0), (0.3, 0.31), (-7.2, -1.1), (0.0, 6_123_456_789.0), (3.0, 3.0)]
    {
        let ticks = nice_ticks(lo, hi);
        assert!((4..=6).contains(&ticks.len()), "{lo}..{hi}: {ticks:?}");
        assert!(ticks[0] <= lo && *ticks.last().unwrap() >= hi, "{lo}..{hi} not covered by {ticks:?}");
        let step = ticks[1] - ticks[0];
        let mantissa = step / 10f64.powf(step.log10().floor());
        assert!([1.0, 2.0, 2.5, 5.0].iter().any(|m| (m - mantissa).abs() < 1e-9), "{lo}..{hi}: step {step}");
        assert!(ticks.windows(2).all(|w| ((w[1] - w[0]) - step).abs() < step * 1e-9), "{ticks:?} unevenly spaced");
    }
}

#[test]
fn a_range_of_negative_and_positive_values_gets_a_tick_at_zero() {
    let ticks = nice_ticks(-3.0, 7.0);
    assert!(ticks.contains(&0.0), "{ticks:?}");
    assert_eq!(ticks, vec![-5.0, -2.5, 0.0, 2.5, 5.0, 7.5]);
    assert_eq!(nice_ticks(-2_500_000.0, 800_000.0), vec![-3_000_000.0, -2_000_000.0, -1_000_000.0, 0.0, 1_000_000.0]);
}

#[test]
fn ticks_and_values_are_written_the_dutch_way() {
    assert_eq!(Eenheid::Euro.kort(1_234_567.0), "€ 1,2 mln");
    assert_eq!(Eenheid::Euro.kort(850_000.0), "€ 850.000");
    assert_eq!(Eenheid::Euro.kort(12_345_678.0), "€ 12 mln");
    assert_eq!(Eenheid::Euro.kort(1_500_000.0), "€ 1,5 mln");
    assert_eq!(Eenheid::Euro.kort(-500_000.0), "€ -500.000");
    assert_eq!(Eenheid::Euro.kort(6_100_000_000.0), "€ 6,1 mld");
    assert_eq!(Eenheid::Procent.kort(8.2), "8,2%");
    assert_eq!(Eenheid::Aantal.kort(12_345.0), "12.345");
    assert_eq!(getal(-0.04, 1, false), "0,0");
    assert_eq!(getal(1_234_567.891, 2, false), "1.234.567,89");
    // Halves away from zero, as buig_core::nl writes money (format! alone gives "2" and "-2").
    assert_eq!(getal(2.5, 0, false), "3");
    assert_eq!(getal(-2.5, 0, false), "-3");
    assert_eq!(getal(41_984_530.5, 0, false), "41.984.531");
    assert_eq!(buig_core::nl::money(buig_core::Money::from_cents(4_198_453_050)), "€ 41.984.531");
}

#[test]
fn an_axis_uses_one_scale_and_enough_decimals_to_tell_ticks_apart() {
    let ticks = [0.0, 500_000.0, 1_000_000.0, 1_500_000.0];
    assert_eq!(tick_labels(Eenheid::Euro, &ticks), ["€ 0", "€ 0,5 mln", "€ 1 mln", "€ 1,5 mln"]);
    assert_eq!(tick_labels(Eenheid::Euro, &[0.0, 250_000.0, 500_000.0]), ["€ 0", "€ 250.000", "€ 500.000"]);
    assert_eq!(tick_labels(Eenheid::Procent, &[7.5, 8.0, 8.5]), ["7,5%", "8%", "8,5%"]);
    assert_eq!(tick_labels(Eenheid::Aantal, &[40_000.0, 42_500.0, 45_000.0]), ["40.000", "42.500", "45.000"]);
}

#[test]
fn titles_and_labels_are_escaped() {
    assert_eq!(escape(r#"a & b < c > "d" 'e'"#), "a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;");
    let mut g = lijn();
    g.titel = r#"Kosten <script>alert("x")</script> & 'baten'"#.into();
    g.reeksen[0].naam = "A & B".into();
    g.x_labels[0] = "<2019>".into();
    let svg = g.svg();
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("Kosten &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;baten&apos;"));
    assert!(svg.contains("A &amp; B"));
    assert!(svg.contains("&lt;2019&gt;"));
    check_well_formed(&svg).unwrap();
}

#[test]
fn the_svg_never_uses_inline_styles() {
    for soort in [Soort::Lijn, Soort::Staaf, Soort::GestapeldeStaaf] {
        let mut g = lijn();
        g.soort = soort;
        g.band = Some(Band { naam: "P10–P90".into(), onder: some(&[1100.0, 1150.0, 1200.0, 1210.0, 1220.0]), boven: some(&[1300.0; 5]) });
        let svg = g.svg();
        assert!(!svg.contains("style="), "{soort:?}");
        assert!(!svg.contains("<style"), "{soort:?}");
    }
    assert!(!Grafiek::new("Leeg", Soort::Lijn, Eenheid::Euro).svg().contains("style"));
}

#[test]
fn the_svg_is_standalone_and_labelled_for_screen_readers() {
    let mut g = lijn();
    g.beschrijving = "Het volume stijgt tot 2022.".into();
    let svg = g.svg();
    assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="720" height="320" viewBox="0 0 720 320" role="img""#));
    let ids = attr_values(&svg, "svg", "aria-labelledby").remove(0);
    let (titel, desc) = ids.split_once(' ').unwrap();
    assert!(svg.contains(&format!(r#"<title id="{titel}">Bijstandsvolume</title>"#)));
    assert!(svg.contains(&format!(r#"<desc id="{desc}">Het volume stijgt tot 2022.</desc>"#)));
    let mut other = lijn();
    other.titel = "Instroom".into();
    assert_ne!(attr_values(&other.svg(), "svg", "aria-labelledby")[0], ids, "two charts on a page need different ids");
    assert_eq!(g.svg(), svg, "the same chart gives the same text");
}

#[test]
fn without_a_description_one_is_made_from_the_data() {
    let svg = lijn().svg();
    assert!(svg.contains(">Lijngrafiek van Voorbeeldstad, 2019 tot en met 2023.</desc>"), "{svg}");
}

#[test]
fn every_kind_of_chart_is_well_formed_xml() {
    for soort in [Soort::Lijn, Soort::Staaf, Soort::GestapeldeStaaf] {
        let mut g = lijn();
        g.soort = soort;
        g.nullijn = true;
        g.reeksen.push(Reeks { naam: "Prognose".into(), waarden: some(&[-10.0, 20.0, 30.0, -40.0, 50.0]), stijl: Stijl::Gestippeld });
        g.band = Some(Band { naam: "P10–P90".into(), onder: vec![None, Some(1.0), Some(2.0), None, Some(3.0)], boven: some(&[5.0; 5]) });
        check_well_formed(&g.svg()).unwrap_or_else(|e| panic!("{soort:?}: {e}"));
    }
    check_well_formed(&Grafiek::new("Leeg", Soort::Staaf, Eenheid::Aantal).svg()).unwrap();
}

#[test]
fn the_well_formedness_check_itself_catches_broken_xml() {
    assert!(check_well_formed("<svg><g></svg>").is_err());
    assert!(check_well_formed("<svg><text>a & b</text></svg>").is_err());
    assert!(check_well_formed(r#"<svg a=b/>"#).is_err());
    assert!(check_well_formed("<svg/><svg/>").is_err());
    assert!(check_well_formed(r#"<svg a="1"><g/></svg>"#).is_ok());
}

#[test]
fn a_missing_value_breaks_the_line_into_separate_segments() {
    let runs = segments(&[Some(1.0), Some(2.0), None, Some(3.0), Some(4.0), None, None]);
    assert_eq!(runs, vec![vec![(0, 1.0), (1, 2.0)], vec![(3, 3.0), (4, 4.0)]]);
    assert_eq!(segments(&[Some(1.0), Some(f64::NAN), Some(2.0)]).len(), 2, "NaN counts as missing");
    let mut g = lijn();
    g.reeksen[0].waarden = vec![Some(1.0), Some(2.0), None, Some(3.0), Some(4.0)];
    assert_eq!(g.svg().matches("<polyline").count(), 2);
    g.reeksen[0].waarden = vec![Some(1.0), None, Some(3.0), Some(4.0), Some(5.0)];
    let svg = g.svg();
    assert_eq!((svg.matches("<polyline").count(), svg.matches("<circle").count()), (1, 1), "a lone point becomes a dot");
}

#[test]
fn bars_of_negative_values_hang_below_the_zero_line() {
    let mut g = Grafiek::new("Resultaat", Soort::Staaf, Eenheid::Euro);
    g.x_labels = vec!["2022".into(), "2023".into()];
    g.reeksen.push(Reeks::new("Saldo", some(&[400_000.0, -250_000.0])));
    let layout = Layout { left: 50.0, right: 650.0, top: 40.0, bottom: 290.0, n: 2, y_min: -500_000.0, y_max: 500_000.0 };
    let zero = layout.y(0.0);
    let b = bars(&g, &layout);
    assert_eq!(b.len(), 2);
    assert!((b[0].y + b[0].h - zero).abs() < 1e-9 && b[0].y < zero, "positive bar stands on zero: {:?}", b[0]);
    assert!((b[1].y - zero).abs() < 1e-9 && b[1].h > 0.0, "negative bar hangs from zero: {:?}", b[1]);
    assert!((b[1].h - (layout.y(-250_000.0) - zero)).abs() < 1e-9);

    g.soort = Soort::GestapeldeStaaf;
    g.reeksen.push(Reeks::new("Vangnet", some(&[100_000.0, -100_000.0])));
    let b = bars(&g, &layout);
    assert!((b[1].y + b[1].h - b[0].y).abs() < 1e-9, "second positive block sits on the first: {b:?}");
    assert!((b[3].y - (b[2].y + b[2].h)).abs() < 1e-9 && b[2].y >= zero - 1e-9, "negatives stack downwards: {b:?}");

    // And in the SVG the negative bar's rectangle starts at the drawn zero line.
    g.soort = Soort::Staaf;
    g.reeksen.truncate(1);
    let svg = g.svg();
    let ys = attr_values(&svg, "rect", "y");
    let heights = attr_values(&svg, "rect", "height");
    let zero_line = attr_values(&svg, "line", "y1").into_iter().last().unwrap();
    let negative = ys.len() - 1;
    assert_eq!(ys[negative], zero_line);
    assert!(heights[negative].parse::<f64>().unwrap() > 0.0);
}

#[test]
fn the_axis_includes_zero_for_bars_and_all_values_and_the_band() {
    let mut g = Grafiek::new("Kosten", Soort::Staaf, Eenheid::Euro);
    g.reeksen.push(Reeks::new("Kosten", some(&[41_000_000.0, 43_000_000.0])));
    let svg = g.svg();
    assert!(svg.contains(">€ 0<"), "bars start at zero");
    assert!(svg.contains(">€ 50 mln<") || svg.contains(">€ 45 mln<"), "{svg}");
    let mut l = lijn();
    l.band = Some(Band { naam: "P10–P90".into(), onder: some(&[900.0; 5]), boven: some(&[1600.0; 5]) });
    let labels: Vec<String> = attr_values(&l.svg(), "text", "text-anchor").into_iter().filter(|a| a == "end").collect();
    assert!(!labels.is_empty());
    let svg = l.svg();
    assert!(svg.contains(">800<") && svg.contains(">1.600<"), "band 900–1600 is covered: {svg}");
}

#[test]
fn many_x_labels_are_thinned_keeping_the_first_and_the_last() {
    assert_eq!(shown_labels(5, 12, 1), vec![0, 1, 2, 3, 4]);
    assert_eq!(shown_labels(120, 12, 14), vec![0, 24, 48, 72, 96, 119], "ten years of months: every second january");
    assert_eq!(shown_labels(12, 12, 2), vec![0, 2, 4, 6, 8, 11], "the label before the last gives way");
    for n in 1..200 {
        for min_gap in [1, 3, 14] {
            let shown = shown_labels(n, 12, min_gap);
            assert!(shown.len() <= 12 && shown[0] == 0 && *shown.last().unwrap() == n - 1, "{n}: {shown:?}");
            assert!(shown.windows(2).all(|w| w[1] - w[0] >= min_gap.min(n - 1)), "{n}, gap {min_gap}: {shown:?}");
        }
    }
}

#[test]
fn monthly_labels_in_the_svg_do_not_collide() {
    let mut g = Grafiek::new("Tekort", Soort::Lijn, Eenheid::Procent);
    g.x_labels = (0..120).map(|i| format!("mnd {:03}", i)).collect();
    g.reeksen.push(Reeks::new("Tekort", (0..120).map(|i| Some(i as f64 / 10.0)).collect()));
    let svg = g.svg();
    let xs: Vec<f64> = elements(&svg, "text")
        .into_iter()
        .filter(|e| attr(e, "text-anchor").as_deref() == Some("middle"))
        .map(|e| attr(e, "x").unwrap().parse().unwrap())
        .collect();
    assert!(svg.contains(">mnd 000<") && svg.contains(">mnd 119<"));
    assert!(xs.len() >= 4 && xs.windows(2).all(|w| w[1] - w[0] > 8.0 * 7.2), "{xs:?}");
}

#[test]
fn a_chart_without_data_says_so() {
    let mut g = Grafiek::new("Uitstroom", Soort::Lijn, Eenheid::Aantal);
    assert!(g.svg().contains(">Geen gegevens</text>"));
    g.reeksen.push(Reeks::new("Uitstroom", vec![None, None]));
    let svg = g.svg();
    assert!(svg.contains(">Geen gegevens</text>") && svg.contains(">Uitstroom</text>"));
    assert!(!svg.contains("<polyline"));
    g.reeksen[0].waarden[1] = Some(3.0);
    assert!(!g.svg().contains("Geen gegevens"));
}

#[test]
fn the_table_mirrors_the_data_with_a_dash_for_missing_values() {
    let mut g = Grafiek::new("Prognose", Soort::Lijn, Eenheid::Euro);
    g.x_labels = vec!["2024".into(), "2025".into()];
    g.reeksen.push(Reeks::new("Realisatie", vec![Some(41_984_531.0), None]));
    g.reeksen.push(Reeks { naam: "Prognose".into(), waarden: vec![None, Some(43_100_000.4)], stijl: Stijl::Gestippeld });
    g.band = Some(Band { naam: "P10–P90".into(), onder: vec![None, Some(42_000_000.0)], boven: vec![None, Some(-44_500_000.0)] });
    let t = g.tabel();
    assert_eq!(t.kop, ["", "Realisatie", "Prognose", "P10–P90 (onder)", "P10–P90 (boven)"]);
    assert_eq!(
        t.rijen,
        vec![vec!["2024", "€ 41.984.531", "–", "–", "–"], vec!["2025", "–", "€ 43.100.000", "€ 42.000.000", "€ -44.500.000"],]
    );
    let mut p = Grafiek::new("Tekort", Soort::Staaf, Eenheid::Procent);
    p.x_labels = vec!["2023".into()];
    p.reeksen.push(Reeks::new("Tekort", vec![Some(8.2)]));
    assert_eq!(p.tabel().rijen, vec![vec!["2023", "8,2%"]]);
    let mut a = Grafiek::new("Volume", Soort::Lijn, Eenheid::Aantal);
    a.reeksen.push(Reeks::new("Volume", vec![Some(12_345.0), Some(12_000.5), Some(f64::NAN)]));
    assert_eq!(a.tabel().rijen, vec![vec!["", "12.345,0"], vec!["", "12.000,5"], vec!["", "–"]]);
}

#[test]
fn coordinates_are_rounded_to_one_decimal() {
    let mut g = lijn();
    g.breedte = 703;
    g.hoogte = 311;
    let svg = g.svg();
    for value in attr_values(&svg, "polyline", "points")[0].split([' ', ',']) {
        let decimals = value.split_once('.').map_or(0, |(_, d)| d.len());
        assert!(decimals <= 1, "{value}");
    }
}

#[test]
fn a_tiny_chart_still_has_no_negative_sizes() {
    let mut g = lijn();
    g.soort = Soort::Staaf;
    g.breedte = 40;
    g.hoogte = 30;
    let svg = g.svg();
    check_well_formed(&svg).unwrap();
    for e in elements(&svg, "rect") {
        for name in ["width", "height"] {
            assert!(attr(e, name).unwrap().parse::<f64>().unwrap() >= 0.0, "{e}");
        }
    }
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    assert_eq!(&png[12..16], b"IHDR");
    (be(16), be(20))
}

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

#[test]
fn a_png_starts_with_the_signature_and_has_the_size_times_the_scale() {
    let png = lijn().png(2.0).unwrap();
    assert_eq!(png[..8], PNG_SIGNATURE);
    assert_eq!(png_size(&png), (1440, 640));
    let mut klein = lijn();
    klein.breedte = 301;
    klein.hoogte = 151;
    assert_eq!(png_size(&klein.png(1.0).unwrap()), (301, 151));
    assert_eq!(png_size(&klein.png(1.5).unwrap()), (452, 227), "rounded, not truncated");
}

#[test]
fn text_in_a_png_is_drawn_with_the_bundled_fonts() {
    // Without fonts resvg silently drops text, and two titles give the same picture.
    let a = lijn();
    let mut b = lijn();
    b.titel = "Een heel andere titel met € en ë".into();
    assert_ne!(a.png(1.0).unwrap(), b.png(1.0).unwrap());
}

#[test]
fn a_png_of_a_chart_without_data_still_renders() {
    let g = Grafiek::new("Leeg", Soort::Staaf, Eenheid::Euro);
    assert_eq!(g.png(1.0).unwrap()[..8], PNG_SIGNATURE);
}

#[test]
fn a_png_at_a_zero_or_absurd_scale_is_refused() {
    assert!(lijn().png(0.0).is_err());
    assert!(lijn().png(f32::NAN).is_err());
    assert!(lijn().png(1000.0).is_err());
}

/// A shortfall chart of four years with the thresholds of the years they apply to.
fn tekort_met_drempels() -> Grafiek {
    let mut g = Grafiek::new("Tekort in % van het budget", Soort::Staaf, Eenheid::Procent);
    g.x_labels = ["2022", "2023", "2024", "2025 (verwacht)"].map(String::from).to_vec();
    g.reeksen.push(Reeks::new("Tekort", some(&[9.9, 8.2, 3.1, 6.0])));
    g.drempels.push(Drempel { naam: "7,5%".into(), waarden: some(&[7.5, 7.5, 7.5, 7.5]) });
    g.drempels.push(Drempel { naam: "5%".into(), waarden: vec![None, None, None, Some(5.0)] });
    g
}

/// The text elements with a bold weight that are not the title: the thresholds' labels.
fn drempel_labels(svg: &str) -> Vec<(String, f64, f64)> {
    elements(svg, "text")
        .into_iter()
        .filter(|e| attr(e, "font-weight").as_deref() == Some("bold") && attr(e, "text-anchor").as_deref() == Some("end"))
        .map(|e| {
            let at = svg.find(e).unwrap() + e.len() + 1;
            let text = svg[at..at + svg[at..].find('<').unwrap()].to_owned();
            (text, attr(e, "x").unwrap().parse().unwrap(), attr(e, "y").unwrap().parse().unwrap())
        })
        .collect()
}

#[test]
fn thresholds_are_dashed_lines_only_over_the_years_they_apply_to_and_labelled() {
    let g = tekort_met_drempels();
    let svg = g.svg();
    check_well_formed(&svg).unwrap();
    let dashed: Vec<&str> = elements(&svg, "line").into_iter().filter(|e| attr(e, "stroke-dasharray").is_some()).collect();
    assert_eq!(dashed.len(), 2, "one joined segment for 7,5% and one for 5%: {dashed:?}");
    let x = |e: &str, a: &str| attr(e, a).unwrap().parse::<f64>().unwrap();
    let (lang, kort) = (dashed[0], dashed[1]);
    // 7,5% spans all four years, 5% only the last: a quarter of the width.
    let breed = x(lang, "x2") - x(lang, "x1");
    assert!(((x(kort, "x2") - x(kort, "x1")) - breed / 4.0).abs() < 0.2, "{kort} against {lang}");
    assert_eq!(x(kort, "x2"), x(lang, "x2"));
    let labels: Vec<String> = drempel_labels(&svg).into_iter().map(|l| l.0).collect();
    assert_eq!(labels, ["7,5%", "5%"]);
    // The table has them as columns.
    let t = g.tabel();
    assert_eq!(t.kop, ["", "Tekort", "Drempel 7,5%", "Drempel 5%"]);
    assert_eq!(t.rijen[0], ["2022", "9,9%", "7,5%", "–"]);
    assert_eq!(t.rijen[3], ["2025 (verwacht)", "6,0%", "7,5%", "5,0%"]);
}

#[test]
fn threshold_labels_close_together_do_not_overlap() {
    // On a tall scale 5% and 7,5% lie a few pixels apart.
    let mut g = tekort_met_drempels();
    g.reeksen[0].waarden = some(&[60.0, 40.0, 3.0, 6.0]);
    g.drempels[1].waarden = some(&[5.0, 5.0, 5.0, 5.0]);
    let labels = drempel_labels(&g.svg());
    assert_eq!(labels.len(), 2);
    let (a, b) = (&labels[0], &labels[1]);
    assert!((a.2 - b.2).abs() >= 12.0, "labels {a:?} and {b:?} must be a line of text apart");
}

#[test]
fn the_legend_names_only_series_with_data() {
    let mut g = lijn();
    g.reeksen.push(Reeks::new("Grootteklasse", vec![None; 5]));
    let svg = g.svg();
    assert!(svg.contains(">Voorbeeldstad<"));
    assert!(!svg.contains(">Grootteklasse<"), "a series without values is not in the legend");
}

#[test]
fn y_labels_on_a_short_chart_are_thinned_so_they_never_touch() {
    let mut g = lijn();
    g.hoogte = 130;
    let svg = g.svg();
    let ys: Vec<f64> = elements(&svg, "text")
        .into_iter()
        .filter(|e| attr(e, "text-anchor").as_deref() == Some("end"))
        .map(|e| attr(e, "y").unwrap().parse().unwrap())
        .collect();
    assert!(ys.len() >= 2 && ys.windows(2).all(|w| (w[0] - w[1]).abs() >= 12.0), "{ys:?}");
}
