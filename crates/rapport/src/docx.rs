// SPDX-License-Identifier: EUPL-1.2
//! DOCX rendering with `docx-rs`: Title/Heading1/Heading2 paragraph styles
//! (with outline levels, so they show in the navigator and a table of
//! contents), real tables whose first row repeats as header row, and the
//! page number in the footer. Charts become PNG pictures (rendered by
//! `buig_grafiek` at twice their size, shown at the text width).

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Paragraph, Pic, Run, RunFonts, Shading, ShdType, Style, StyleType, Table, TableCell, TableRow,
    WidthType,
};

use crate::doc::{Blok, Document, Tekst};
use crate::RapportFout;

const KLEUR: &str = "01689B";
/// Text width of an A4 page with 2 cm margins (17 cm), in EMU (914400 per inch).
const TEKSTBREEDTE_EMU: u64 = 17 * 360_000;
/// Charts are rasterised at this multiple of their px size, for print.
const SCHAAL: f32 = 2.0;

fn styles(d: Docx) -> Docx {
    let kop = |id: &str, naam: &str, size: usize, lvl: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(naam)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color(KLEUR)
            .outline_lvl(lvl)
    };
    d.add_style(kop("Title", "Title", 40, 0).outline_lvl(9))
        .add_style(kop("Heading1", "heading 1", 28, 0))
        .add_style(kop("Heading2", "heading 2", 24, 1))
        .add_style(Style::new("TableHeader", StyleType::Character).name("Tabelkop").bold())
}

fn runs(mut p: Paragraph, t: &Tekst) -> Paragraph {
    for s in t {
        let r = Run::new().add_text(&s.tekst);
        p = p.add_run(if s.vet { r.bold() } else { r });
    }
    p
}

fn plain(s: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(s))
}

/// Text width in twips, for table grids: the A4 page (11.906 twips) less the
/// left and right margins of 1.701 twips (3 cm) that docx-rs writes: 15 cm.
const TEKSTBREEDTE_TWIPS: usize = 11_906 - 2 * 1_701;

/// The width in twips of `text` in Arial at `halve_punten` (18 = 9 pt, a
/// table cell), by the advance of each kind of character, a little generous
/// so the renderer's rounding never pushes the last character to a new line.
fn tekstbreedte_op(text: &str, vet: bool, halve_punten: usize) -> usize {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'j' | 'l' | 'I' => 0.28,
            ' ' | '\u{a0}' | 'f' | 't' | 'r' | '(' | ')' | '/' | '-' | '–' => 0.34,
            'm' | 'w' | 'M' | 'W' | '%' | '—' => 0.9,
            c if c.is_uppercase() => 0.7,
            _ => 0.56,
        })
        .sum();
    // A point is 20 twips, so an em at 9 pt is 180 twips; bold is about 7% wider.
    (em * 10.0 * halve_punten as f64 * if vet { 1.07 } else { 1.0 } * 1.06).ceil() as usize
}

/// A cell's left and right margin, set on every table (the programs' defaults differ).
const CELMARGE_ZIJ: usize = 72;
/// The cell's left and right margins together, and a little for the borders.
const CELMARGE_TWIPS: usize = 2 * CELMARGE_ZIJ + 16;

/// The font size of a table (half points): 9 pt, or 8 pt when at 9 pt its
/// unbreakable pieces (years, amounts, words) would not fit side by side.
fn tabelgrootte(t: &crate::doc::Tabel) -> usize {
    if kolommen_bij(t, 18).0.iter().sum::<usize>() <= TEKSTBREEDTE_TWIPS {
        18
    } else {
        16
    }
}

/// Column widths in twips from the content (LibreOffice does not autofit):
/// each column gets at least its widest unbreakable piece — a word, a year,
/// an amount with its euro sign (joined by a non-breaking space) — so no
/// year or amount breaks over two lines; the rest of the width goes to the
/// columns that want more, in proportion to their longest cell (capped at
/// 40 characters, longer text wraps anyway). Only when even the pieces do not
/// fit are all columns narrowed alike.
fn kolombreedtes(t: &crate::doc::Tabel) -> Vec<usize> {
    let (minimaal, gewenst) = kolommen_bij(t, tabelgrootte(t));
    let (som_min, som_gewenst): (usize, usize) = (minimaal.iter().sum(), gewenst.iter().sum());
    if som_gewenst <= TEKSTBREEDTE_TWIPS {
        return gewenst.iter().map(|g| g * TEKSTBREEDTE_TWIPS / som_gewenst).collect();
    }
    if som_min >= TEKSTBREEDTE_TWIPS {
        return minimaal.iter().map(|m| m * TEKSTBREEDTE_TWIPS / som_min).collect();
    }
    let over = TEKSTBREEDTE_TWIPS - som_min;
    let extra: usize = gewenst.iter().zip(&minimaal).map(|(g, m)| g - m).sum::<usize>().max(1);
    gewenst.iter().zip(&minimaal).map(|(g, m)| m + (g - m) * over / extra).collect()
}

/// Per column the least width (its widest unbreakable piece) and the width it would like, at a font size.
fn kolommen_bij(t: &crate::doc::Tabel, halve_punten: usize) -> (Vec<usize>, Vec<usize>) {
    let n = t.kop.len().max(1);
    let (mut minimaal, mut gewenst) = (vec![CELMARGE_TWIPS; n], vec![CELMARGE_TWIPS; n]);
    for (r, rij) in std::iter::once(&t.kop).chain(&t.rijen).enumerate() {
        let vet = r == 0;
        for (i, c) in rij.iter().enumerate().take(n) {
            // Only a plain space is a place to break: the euro sign's non-breaking space joins.
            let stuk = c.split(' ').map(|w| tekstbreedte_op(w, vet, halve_punten)).max().unwrap_or(0);
            minimaal[i] = minimaal[i].max(CELMARGE_TWIPS + stuk);
            let lang: String = c.chars().take(40).collect();
            gewenst[i] = gewenst[i].max(CELMARGE_TWIPS + tekstbreedte_op(&lang, vet, halve_punten)).max(minimaal[i]);
        }
    }
    (minimaal, gewenst)
}

fn cell(text: &str, rechts: bool, kop: bool, grootte: usize) -> TableCell {
    let mut r = Run::new().add_text(text).size(grootte);
    if kop {
        r = r.bold();
    }
    let mut p = Paragraph::new().add_run(r);
    if rechts {
        p = p.align(AlignmentType::Right);
    }
    let c = TableCell::new().add_paragraph(p);
    if kop {
        c.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill("E6EFF4"))
    } else {
        c
    }
}

/// Renders the document as the bytes of a .docx file.
pub fn render(d: &Document) -> Result<Vec<u8>, RapportFout> {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(&d.voettekst).size(16))
            .add_page_num(docx_rs::PageNum::new()),
    );
    let mut doc = styles(Docx::new())
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(21)
        .footer(footer)
        .add_paragraph(Paragraph::new().style("Title").add_run(Run::new().add_text(&d.titel)));
    for (k, v) in &d.kenmerken {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(format!("{k}: ")).bold()).add_run(Run::new().add_text(v)));
    }
    let mut pagina = false;
    for b in &d.blokken {
        match b {
            Blok::Kop1(s) => {
                // A heading stays with what follows it (no heading alone at the foot of a page).
                let mut p = plain(s).style("Heading1").keep_next(true);
                if pagina {
                    p = p.page_break_before(true);
                    pagina = false;
                }
                doc = doc.add_paragraph(p);
            }
            Blok::Kop2(s) => doc = doc.add_paragraph(plain(s).style("Heading2").keep_next(true)),
            Blok::Alinea(t) => doc = doc.add_paragraph(runs(Paragraph::new(), t)),
            Blok::Lijst { genummerd, items } => {
                for (i, it) in items.iter().enumerate() {
                    let lead = if *genummerd { format!("{}. ", i + 1) } else { "• ".to_string() };
                    let p = Paragraph::new()
                        .indent(Some(567), Some(docx_rs::SpecialIndentType::Hanging(340)), None, None)
                        .add_run(Run::new().add_text(lead));
                    doc = doc.add_paragraph(runs(p, it));
                }
            }
            Blok::Tabel(t) => {
                let rechts = |i: usize| t.rechts.get(i).copied().unwrap_or(false);
                // Only header rows are marked cantSplit; `render` turns that into a repeating header row.
                let breedte = kolombreedtes(t);
                let grootte = tabelgrootte(t);
                let cel = |i: usize, c: &str, kop: bool| {
                    let w = breedte.get(i).copied().unwrap_or(TEKSTBREEDTE_TWIPS / breedte.len().max(1));
                    cell(c, rechts(i), kop, grootte).width(w, WidthType::Dxa)
                };
                let mut rows = vec![TableRow::new(t.kop.iter().enumerate().map(|(i, k)| cel(i, k, true)).collect()).cant_split()];
                for rij in &t.rijen {
                    rows.push(TableRow::new(rij.iter().enumerate().map(|(i, c)| cel(i, c, false)).collect()));
                }
                let tabel = Table::new(rows)
                    .set_grid(breedte.clone())
                    .width(TEKSTBREEDTE_TWIPS, WidthType::Dxa)
                    .layout(docx_rs::TableLayoutType::Fixed)
                    .margins(docx_rs::TableCellMargins::new().margin(0, CELMARGE_ZIJ, 0, CELMARGE_ZIJ));
                doc = doc.add_table(tabel).add_paragraph(Paragraph::new());
            }
            Blok::Kader { titel, items } => {
                doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(titel).bold().color("E17000")));
                for it in items {
                    doc = doc.add_paragraph(
                        Paragraph::new()
                            .indent(Some(567), Some(docx_rs::SpecialIndentType::Hanging(340)), None, None)
                            .add_run(Run::new().add_text("! ").bold().color("E17000"))
                            .add_run(Run::new().add_text(it)),
                    );
                }
            }
            Blok::Grafiek(g) => {
                let png = g.png(SCHAAL).map_err(|e| RapportFout::Docx(format!("grafiek \"{}\": {e}", g.titel)))?;
                let (w, h) = (g.breedte.max(1), g.hoogte.max(1));
                let (w_px, h_px) = ((w as f32 * SCHAAL).round() as u32, (h as f32 * SCHAAL).round() as u32);
                let h_emu = TEKSTBREEDTE_EMU * u64::from(h) / u64::from(w);
                let pic = Pic::new_with_dimensions(png, w_px, h_px).size(TEKSTBREEDTE_EMU as u32, h_emu as u32);
                let mut p = Paragraph::new().add_run(Run::new().add_image(pic)).keep_next(true);
                if pagina {
                    p = p.page_break_before(true);
                    pagina = false;
                }
                doc = doc.add_paragraph(p);
            }
            Blok::Pagina => pagina = true,
        }
    }
    if pagina {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    }
    let mut xml = doc.build();
    // docx-rs has no API for <w:tblHeader/>; header rows are the only rows marked cantSplit.
    let document = String::from_utf8(xml.document).map_err(|e| RapportFout::Docx(e.to_string()))?;
    xml.document = document.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />").into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| RapportFout::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod breedte_tests {
    use super::*;
    use crate::doc::Tabel;

    /// Bijlage 1 of the notitie as rendered (a non-breaking space after each euro sign).
    fn bijlage() -> Tabel {
        let r = |c: [&str; 8]| c.iter().map(|s| s.replace("€ ", "€\u{a0}")).collect::<Vec<_>>();
        Tabel {
            kop: r(["Jaar", "Definitief budget", "Lasten", "Baten", "Netto lasten", "Tekort", "Tekort in %", "Bron"]).to_vec(),
            rijen: vec![
                r(["2021", "onbekend", "onbekend", "onbekend", "onbekend", "onbekend", "onbekend", "—"]),
                r(["2022", "onbekend", "onbekend", "onbekend", "onbekend", "onbekend", "9,90%", "Jaarcijfers: raadsvoorstel vangnet 2022"]),
                r([
                    "2023",
                    "€ 41.984.531",
                    "onbekend",
                    "onbekend",
                    "€ 45.433.111",
                    "€ 3.448.580",
                    "8,21%",
                    "Jaarcijfers: raadsvoorstel vangnet 2023",
                ]),
            ],
            rechts: vec![false, true, true, true, true, true, true, false],
        }
    }

    #[test]
    fn no_year_amount_or_word_of_bijlage_1_is_narrower_than_its_column() {
        let t = bijlage();
        let b = kolombreedtes(&t);
        assert!(b.iter().sum::<usize>().abs_diff(TEKSTBREEDTE_TWIPS) < b.len(), "{b:?} fills the text width");
        for (r, rij) in std::iter::once(&t.kop).chain(&t.rijen).enumerate() {
            for (i, c) in rij.iter().enumerate() {
                for stuk in c.split(' ') {
                    let w = CELMARGE_TWIPS + tekstbreedte_op(stuk, r == 0, tabelgrootte(&t));
                    assert!(w <= b[i], "{stuk:?} breaks in column {i} of {} twips", b[i]);
                }
            }
        }
    }

    #[test]
    fn an_amount_is_measured_whole_with_its_euro_sign() {
        assert!(tekstbreedte_op("€\u{a0}41.984.531", false, 18) > tekstbreedte_op("41.984.531", false, 18));
        assert!(tekstbreedte_op("€\u{a0}41.984.531", false, 18) > 1000, "about 2 cm at 9 pt");
    }
}
