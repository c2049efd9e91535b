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
                let mut p = plain(s).style("Heading1");
                if pagina {
                    p = p.page_break_before(true);
                    pagina = false;
                }
                doc = doc.add_paragraph(p);
            }
            Blok::Kop2(s) => doc = doc.add_paragraph(plain(s).style("Heading2")),
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
                let mut rows = vec![TableRow::new(t.kop.iter().enumerate().map(|(i, k)| cell(k, rechts(i), true)).collect()).cant_split()];
                for rij in &t.rijen {
                    rows.push(TableRow::new(rij.iter().enumerate().map(|(i, c)| cell(c, rechts(i), false)).collect()));
                }
                doc = doc.add_table(Table::new(rows).width(5000, WidthType::Pct)).add_paragraph(Paragraph::new());
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
