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

/// Text width in twips (17 cm), for table grids.
const TEKSTBREEDTE_TWIPS: usize = 9638;

/// Column widths in twips from the content (LibreOffice does not autofit):
/// each column gets at least its longest word (so no word breaks) and the
/// rest of the width goes to the columns that want more, in proportion to
/// their longest cell (capped at 40 characters, longer text wraps anyway).
fn kolombreedtes(t: &crate::doc::Tabel) -> Vec<usize> {
    // At 9 pt a (bold) character is up to about 120 twips wide; the cell margins take about 400.
    let twips = |tekens: usize| 400 + tekens * 120;
    let n = t.kop.len().max(1);
    let (mut minimaal, mut gewenst) = (vec![twips(1); n], vec![twips(1); n]);
    for rij in std::iter::once(&t.kop).chain(&t.rijen) {
        for (i, c) in rij.iter().enumerate().take(n) {
            let woord = c.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0).min(20);
            minimaal[i] = minimaal[i].max(twips(woord));
            gewenst[i] = gewenst[i].max(twips(c.chars().count().min(40))).max(minimaal[i]);
        }
    }
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

fn cell(text: &str, rechts: bool, kop: bool) -> TableCell {
    let mut r = Run::new().add_text(text).size(18);
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
                let cel = |i: usize, c: &str, kop: bool| {
                    let w = breedte.get(i).copied().unwrap_or(TEKSTBREEDTE_TWIPS / breedte.len().max(1));
                    cell(c, rechts(i), kop).width(w, WidthType::Dxa)
                };
                let mut rows = vec![TableRow::new(t.kop.iter().enumerate().map(|(i, k)| cel(i, k, true)).collect()).cant_split()];
                for rij in &t.rijen {
                    rows.push(TableRow::new(rij.iter().enumerate().map(|(i, c)| cel(i, c, false)).collect()));
                }
                let tabel = Table::new(rows).set_grid(breedte.clone()).width(5000, WidthType::Pct);
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
