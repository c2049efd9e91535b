// SPDX-License-Identifier: EUPL-1.2
//! Hostile workbooks, built in the test instead of kept as fixtures: a
//! sparse sheet whose used area spans the whole grid (A1 and XFD1048576)
//! and a zip bomb (under 1 MB whose sheet inflates to 300 MB). Shared by
//! the tests of `buig-import`, `buig-plan`, the CLI and the web app through
//! `#[path]`, so each test binary builds its own copy.
#![allow(dead_code)]

use std::io::Write as _;

/// An XLSX with one text cell in A1 (`kolom`) and one in XFD1048576: the
/// used area is the whole grid (16.384 × 1.048.576 cells), the file about 5 KB.
pub fn ijl() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "kolom").unwrap();
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    wb.save_to_buffer().unwrap()
}

/// How large the bomb's sheet is once inflated.
pub const BOM_UITGEPAKT: u64 = 300 * 1024 * 1024;

/// An XLSX whose only sheet is a header row and then rows of one small
/// cell, inflating to [`BOM_UITGEPAKT`] bytes from under 1 MB. A 1 MiB run
/// of rows is compressed once and repeated, so building it costs little.
pub fn zipbom() -> Vec<u8> {
    bom(None)
}

/// The same bomb, but the zip's directory claims the sheet inflates to 1 KB.
pub fn zipbom_die_liegt() -> Vec<u8> {
    bom(Some(1024))
}

fn bom(opgave: Option<u64>) -> Vec<u8> {
    const RIJ: &[u8] = b"<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
    let kop = b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\
<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>client_id</t></is></c></row>";
    let staart = b"</sheetData></worksheet>";
    let blok: Vec<u8> = RIJ.repeat((1 << 20) / RIJ.len());
    let herhaal = ((BOM_UITGEPAKT - (kop.len() + staart.len()) as u64) / blok.len() as u64) as usize;
    let delen: [(&[u8], usize); 3] = [(kop, 1), (&blok, herhaal), (staart, 1)];
    let (data, crc, lengte) = deflate(&delen);
    let mut zip = Zip::default();
    for (naam, inhoud) in DELEN {
        zip.opgeslagen(naam, inhoud.as_bytes());
    }
    zip.ingepakt("xl/worksheets/sheet1.xml", &data, crc, opgave.unwrap_or(lengte));
    zip.klaar()
}

/// The parts of a one-sheet workbook besides the sheet.
const DELEN: [(&str, &str); 4] = [
    (
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
    ),
    (
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    ),
    (
        "xl/workbook.xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    ),
    (
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
    ),
];

/// Raw deflate of each part repeated its count of times: every part is
/// compressed once, on its own (so no back-reference crosses a part), ends
/// byte-aligned after a sync flush and is copied; a final empty block
/// closes the stream. Returns the data, the CRC-32 and the inflated length.
fn deflate(delen: &[(&[u8], usize)]) -> (Vec<u8>, u32, u64) {
    let mut uit = Vec::new();
    let mut crc = crc32fast::Hasher::new();
    let mut lengte = 0u64;
    for (deel, keer) in delen {
        let mut c = flate2::Compress::new(flate2::Compression::best(), false);
        let mut stuk = Vec::with_capacity(deel.len() / 2 + 1024);
        c.compress_vec(deel, &mut stuk, flate2::FlushCompress::Sync).unwrap();
        assert_eq!(c.total_in(), deel.len() as u64, "the output buffer was large enough");
        let mut h = crc32fast::Hasher::new();
        h.update(deel);
        for _ in 0..*keer {
            uit.extend_from_slice(&stuk);
            crc.combine(&h);
        }
        lengte += deel.len() as u64 * *keer as u64;
    }
    uit.extend_from_slice(&[0x03, 0x00]);
    (uit, crc.finalize(), lengte)
}

/// A zip archive written by hand (no data descriptors, no zip64).
#[derive(Default)]
struct Zip {
    uit: Vec<u8>,
    centraal: Vec<u8>,
    aantal: u16,
}

impl Zip {
    fn opgeslagen(&mut self, naam: &str, inhoud: &[u8]) {
        self.deel(naam, 0, inhoud, crc32fast::hash(inhoud), inhoud.len() as u64);
    }

    fn ingepakt(&mut self, naam: &str, data: &[u8], crc: u32, lengte: u64) {
        self.deel(naam, 8, data, crc, lengte);
    }

    fn deel(&mut self, naam: &str, methode: u16, data: &[u8], crc: u32, lengte: u64) {
        let begin = self.uit.len() as u32;
        let (ingepakt, uitgepakt) = (data.len() as u32, u32::try_from(lengte).unwrap());
        let vast = |w: &mut Vec<u8>| {
            w.write_all(&20u16.to_le_bytes()).unwrap(); // version needed
            w.write_all(&0u16.to_le_bytes()).unwrap(); // flags
            w.write_all(&methode.to_le_bytes()).unwrap();
            w.write_all(&0u16.to_le_bytes()).unwrap(); // time
            w.write_all(&0x21u16.to_le_bytes()).unwrap(); // date: 1 January 1980
            w.write_all(&crc.to_le_bytes()).unwrap();
            w.write_all(&ingepakt.to_le_bytes()).unwrap();
            w.write_all(&uitgepakt.to_le_bytes()).unwrap();
            w.write_all(&(naam.len() as u16).to_le_bytes()).unwrap();
            w.write_all(&0u16.to_le_bytes()).unwrap(); // extra field
        };
        self.uit.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        vast(&mut self.uit);
        self.uit.extend_from_slice(naam.as_bytes());
        self.uit.extend_from_slice(data);
        let c = &mut self.centraal;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        c.extend_from_slice(&20u16.to_le_bytes()); // version made by
        vast(c);
        c.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        c.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        c.extend_from_slice(&begin.to_le_bytes());
        c.extend_from_slice(naam.as_bytes());
        self.aantal += 1;
    }

    fn klaar(mut self) -> Vec<u8> {
        let begin = self.uit.len() as u32;
        self.uit.extend_from_slice(&self.centraal);
        self.uit.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        self.uit.extend_from_slice(&[0; 4]); // disk numbers
        self.uit.extend_from_slice(&self.aantal.to_le_bytes());
        self.uit.extend_from_slice(&self.aantal.to_le_bytes());
        self.uit.extend_from_slice(&(self.centraal.len() as u32).to_le_bytes());
        self.uit.extend_from_slice(&begin.to_le_bytes());
        self.uit.extend_from_slice(&0u16.to_le_bytes()); // comment
        self.uit
    }
}
