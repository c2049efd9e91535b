// SPDX-License-Identifier: EUPL-1.2
//! Tables out to Excel: every table of a document (or of a web page) as a
//! sheet of one workbook, with the Dutch headers, and every figure as a
//! number with a Dutch-looking format — the same figures as shown, read
//! back from their Dutch text ([`cel`]) so nothing is computed twice.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::doc::{Blok, Document, Tabel};
use crate::RapportFout;

/// A cell read from its Dutch text. Excel itself holds every number as a
/// binary float; the exact amounts stay in the store and the documents, and
/// a whole euro or cent survives the trip unchanged.
#[derive(Debug, Clone, PartialEq)]
pub enum Cel {
    Leeg,
    Tekst(String),
    /// A number with its Excel number format.
    Getal(f64, &'static str),
}

/// Reads a Dutch figure: `€ 1.234.567`, `€ -2.554.054`, `€ 149.870,09`,
/// `8,21%`, `2.529`, `+12`, `−5`, `0,53`; anything else stays text (`< 1%`,
/// `onbekend`, `ja`). A dash alone is an empty cell.
pub fn cel(s: &str) -> Cel {
    let t = s.trim().replace('\u{a0}', " ");
    if t.is_empty() || t == "–" || t == "—" || t == "-" {
        return Cel::Leeg;
    }
    let (geld, rest) = match t.strip_prefix("€ ").or_else(|| t.strip_prefix('€')) {
        Some(r) => (true, r.trim().to_string()),
        None => (false, t.clone()),
    };
    let (procent, rest) = match rest.strip_suffix('%') {
        Some(r) if !geld => (true, r.trim().to_string()),
        _ => (false, rest),
    };
    let rest = rest.replace('−', "-");
    let (teken, cijfers) = match rest.strip_prefix('-').map(|r| (-1.0, r)).or_else(|| rest.strip_prefix('+').map(|r| (1.0, r))) {
        Some((t, r)) => (t, r.to_string()),
        None => (1.0, rest.clone()),
    };
    // Dutch: dots between thousands, a comma before the decimals.
    let geldig = !cijfers.is_empty()
        && cijfers.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && cijfers.chars().next().is_some_and(|c| c.is_ascii_digit())
        && cijfers.matches(',').count() <= 1
        && cijfers.split(',').next().is_some_and(|geheel| geheel.split('.').skip(1).all(|g| g.len() == 3));
    if !geldig {
        return Cel::Tekst(t);
    }
    let decimalen = cijfers.split_once(',').map_or(0, |(_, d)| d.len());
    let Ok(v) = cijfers.replace('.', "").replace(',', ".").parse::<f64>() else { return Cel::Tekst(t) };
    let v = teken * v;
    // A number written without thousands dots (a year, a code) keeps its plain look.
    if !geld && !procent && decimalen == 0 && !cijfers.contains('.') && v.abs() >= 1000.0 {
        return Cel::Getal(v, "0");
    }
    match (geld, procent, decimalen) {
        (true, _, 0) => Cel::Getal(v, "€ #,##0"),
        (true, _, _) => Cel::Getal(v, "€ #,##0.00"),
        (false, true, 0) => Cel::Getal(v / 100.0, "0%"),
        (false, true, 1) => Cel::Getal(v / 100.0, "0.0%"),
        (false, true, _) => Cel::Getal(v / 100.0, "0.00%"),
        (false, false, 0) => Cel::Getal(v, "#,##0"),
        (false, false, 1) => Cel::Getal(v, "#,##0.0"),
        (false, false, _) => Cel::Getal(v, "#,##0.00"),
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn bladnaam(titel: &str, gebruikt: &mut Vec<String>) -> String {
    let schoon: String = titel.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    let kort: String = schoon.trim().chars().take(28).collect();
    let basis = if kort.is_empty() { "Tabel".to_string() } else { kort };
    let mut naam = basis.clone();
    let mut n = 2;
    while gebruikt.iter().any(|g| g.eq_ignore_ascii_case(&naam)) {
        naam = format!("{} {n}", basis.chars().take(25).collect::<String>());
        n += 1;
    }
    gebruikt.push(naam.clone());
    naam
}

fn fout(e: XlsxError) -> RapportFout {
    RapportFout::Xlsx(e.to_string())
}

/// One sheet's table: its title, its headers and its rows of cells.
pub type Blad = (String, Vec<String>, Vec<Vec<String>>);

/// A workbook with one sheet per `(titel, kop, rijen)`: the title in the
/// first row, the headers bold, the figures as numbers.
pub fn werkmap(tabellen: &[Blad]) -> Result<Vec<u8>, RapportFout> {
    let mut wb = Workbook::new();
    let vet = Format::new().set_bold();
    let mut gebruikt = Vec::new();
    for (titel, kop, rijen) in tabellen {
        let ws = wb.add_worksheet();
        ws.set_name(bladnaam(titel, &mut gebruikt)).map_err(fout)?;
        ws.write_string_with_format(0, 0, titel, &vet).map_err(fout)?;
        for (k, h) in kop.iter().enumerate() {
            ws.write_string_with_format(2, k as u16, h, &vet).map_err(fout)?;
            ws.set_column_width(k as u16, (h.chars().count().max(12) + 2) as f64).map_err(fout)?;
        }
        for (r, rij) in rijen.iter().enumerate() {
            let r = r as u32 + 3;
            for (k, c) in rij.iter().enumerate() {
                match cel(c) {
                    Cel::Leeg => {}
                    Cel::Tekst(t) => {
                        ws.write_string(r, k as u16, t).map_err(fout)?;
                    }
                    Cel::Getal(v, f) => {
                        ws.write_number_with_format(r, k as u16, v, &Format::new().set_num_format(f)).map_err(fout)?;
                    }
                }
            }
        }
    }
    if tabellen.is_empty() {
        wb.add_worksheet().write_string(0, 0, "Geen tabellen").map_err(fout)?;
    }
    wb.save_to_buffer().map_err(fout)
}

/// Every table of the document, each named by the chart or heading before it.
pub fn document(d: &Document) -> Result<Vec<u8>, RapportFout> {
    let mut titel = d.titel.clone();
    let mut tabellen = Vec::new();
    for b in &d.blokken {
        match b {
            Blok::Kop1(s) | Blok::Kop2(s) => titel = s.clone(),
            Blok::Grafiek(g) => titel = g.titel.clone(),
            Blok::Tabel(Tabel { kop, rijen, .. }) => tabellen.push((titel.clone(), kop.clone(), rijen.clone())),
            _ => {}
        }
    }
    werkmap(&tabellen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_figures_become_numbers_with_their_format_and_words_stay_text() {
        assert_eq!(cel("€ 1.234.567"), Cel::Getal(1_234_567.0, "€ #,##0"));
        assert_eq!(cel("€\u{a0}-2.554.054"), Cel::Getal(-2_554_054.0, "€ #,##0"));
        assert_eq!(cel("€ 149.870,09"), Cel::Getal(149_870.09, "€ #,##0.00"));
        assert_eq!(cel("8,21%"), Cel::Getal(0.0821, "0.00%"));
        assert_eq!(cel("100%"), Cel::Getal(1.0, "0%"));
        assert_eq!(cel("2.529"), Cel::Getal(2529.0, "#,##0"));
        assert_eq!(cel("−5"), Cel::Getal(-5.0, "#,##0"));
        assert_eq!(cel("+12"), Cel::Getal(12.0, "#,##0"));
        assert_eq!(cel("0,53"), Cel::Getal(0.53, "#,##0.00"));
        assert_eq!(cel("2023"), Cel::Getal(2023.0, "0"));
        for tekst in ["< 1%", "onbekend", "ja", "K3 2026", "1A", "2024-01", "€ -7.469.937 – € 3.077.867", "12.50"] {
            assert!(matches!(cel(tekst), Cel::Tekst(_)), "{tekst}");
        }
        assert_eq!(cel("–"), Cel::Leeg);
    }

    #[test]
    fn a_documents_tables_read_back_from_the_workbook_as_the_figures_shown() {
        use calamine::{Data, Reader, Xlsx};
        let tabel = |rijen: Vec<Vec<&str>>| {
            Blok::Tabel(Tabel {
                kop: vec!["Jaar".into(), "Tekort".into(), "In %".into()],
                rijen: rijen.into_iter().map(|r| r.into_iter().map(String::from).collect()).collect(),
                rechts: vec![false, true, true],
            })
        };
        let d = Document {
            titel: "Notitie".into(),
            kenmerken: vec![],
            blokken: vec![
                Blok::Kop2("Tekorten per jaar".into()),
                tabel(vec![vec!["2023", "€ 1.853.626", "8,21%"], vec!["2022", "onbekend", "–"]]),
                Blok::Kop2("Tekorten per jaar".into()),
                tabel(vec![vec!["2021", "€ -12", "0,5%"]]),
            ],
            voettekst: String::new(),
        }
        .voor_weergave();
        let bytes = document(&d).unwrap();
        let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(wb.sheet_names(), vec!["Tekorten per jaar".to_string(), "Tekorten per jaar 2".to_string()]);
        let r = wb.worksheet_range("Tekorten per jaar").unwrap();
        assert_eq!(r.get_value((0, 0)), Some(&Data::String("Tekorten per jaar".into())));
        assert_eq!(r.get_value((2, 1)), Some(&Data::String("Tekort".into())));
        assert_eq!(r.get_value((3, 0)), Some(&Data::Float(2023.0)));
        assert_eq!(r.get_value((3, 1)), Some(&Data::Float(1_853_626.0)));
        assert_eq!(r.get_value((3, 2)), Some(&Data::Float(0.0821)));
        assert_eq!(r.get_value((4, 1)), Some(&Data::String("onbekend".into())));
        assert!(matches!(r.get_value((4, 2)), None | Some(Data::Empty)));
        let r2 = wb.worksheet_range("Tekorten per jaar 2").unwrap();
        assert_eq!(r2.get_value((3, 1)), Some(&Data::Float(-12.0)));
    }

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut g = Vec::new();
        assert_eq!(bladnaam("Tekort in % van het budget: 2015/2016", &mut g), "Tekort in % van het budget 2");
        assert_eq!(bladnaam("Tekort in % van het budget: 2015/2016", &mut g), "Tekort in % van het budge 2");
        assert!(g.iter().all(|n| n.chars().count() <= 31));
    }
}
