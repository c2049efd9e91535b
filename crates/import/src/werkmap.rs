// SPDX-License-Identifier: EUPL-1.2
//! XLSX workbooks read with bounded memory, for every spreadsheet reader of
//! the workspace (the import here and the aanvalsplan in `buig-plan`).
//!
//! A workbook is untrusted bytes, and its size on disk says little about
//! what it costs to read: a zip bomb of under 1 MB can inflate to hundreds
//! of MB, and one cell in A1 and one in XFD1048576 make a "used area" of 17
//! billion cells. So [`Werkmap::open`] first inflates every part of the zip
//! once, counting and keeping nothing, and refuses a part larger than
//! [`MAX_UITGEPAKT`] — whatever the zip's own directory claims; and
//! [`Werkmap::rijen`] streams the cells of a sheet row by row (calamine's
//! cell reader), keeping only the cells present in the current row and
//! refusing a position beyond Excel's own grid ([`MAX_RIJEN`] ×
//! [`MAX_KOLOMMEN`]). Messages are Dutch and leave the file name to the caller.

use std::io::{self, Read, Seek, SeekFrom};
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{Data, DataType as _, Reader as _, Xlsx};

/// The most bytes one part of a workbook (a sheet, the shared strings) may
/// inflate to: 128 MiB, a sheet of some 500.000 rows of seven columns.
pub const MAX_UITGEPAKT: u64 = 128 * 1024 * 1024;
/// Excel's last row: no sheet has more.
pub const MAX_RIJEN: u32 = 1_048_576;
/// Excel's last column (XFD).
pub const MAX_KOLOMMEN: u32 = 16_384;

/// One row of a sheet: its number as Excel shows it (the first row is 1)
/// and the cells that hold something, by column (0 = A), left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Rij {
    pub nummer: usize,
    pub cellen: Vec<(usize, Data)>,
}

impl Rij {
    /// The cell in column `kolom` (0 = A), if it holds something.
    pub fn cel(&self, kolom: usize) -> Option<&Data> {
        self.cellen.binary_search_by_key(&kolom, |(k, _)| *k).ok().map(|i| &self.cellen[i].1)
    }

    /// One past the rightmost column with a cell.
    pub fn breedte(&self) -> usize {
        self.cellen.last().map_or(0, |(k, _)| k + 1)
    }
}

/// An opened workbook whose parts are known to be within [`MAX_UITGEPAKT`].
pub struct Werkmap<R: Read + Seek> {
    xlsx: Xlsx<R>,
}

/// Says what was wrong with a part of the zip, naming it and the limit.
fn te_groot(deel: &str) -> String {
    format!(
        "is uitgepakt te groot: het onderdeel {deel} is groter dan {} MB, de grens voor een XLSX-bestand; \
         sla het op als CSV (daarvoor geldt deze grens niet) of verdeel de rijen over meer bestanden",
        MAX_UITGEPAKT / (1024 * 1024)
    )
}

/// calamine and zip parse untrusted bytes; should either panic on a
/// malformed workbook, the user still gets a message about the file.
fn zonder_paniek<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err("is geen leesbaar XLSX-bestand".to_string()))
}

/// Inflates every part once into nothing, stopping one byte past the limit.
fn controleer_omvang<R: Read + Seek>(bron: &mut R) -> Result<(), String> {
    let onleesbaar = |e: &dyn std::fmt::Display| format!("is geen leesbaar XLSX-bestand ({e})");
    let mut zip = zip::ZipArchive::new(&mut *bron).map_err(|e| onleesbaar(&e))?;
    for i in 0..zip.len() {
        let mut deel = zip.by_index(i).map_err(|e| onleesbaar(&e))?;
        let naam = deel.name().to_string();
        if deel.size() > MAX_UITGEPAKT {
            return Err(te_groot(&naam));
        }
        let gelezen = io::copy(&mut (&mut deel).take(MAX_UITGEPAKT + 1), &mut io::sink()).map_err(|e| onleesbaar(&e))?;
        if gelezen > MAX_UITGEPAKT {
            return Err(te_groot(&naam));
        }
    }
    Ok(())
}

impl<R: Read + Seek> Werkmap<R> {
    /// Checks the size of every part, then opens the workbook.
    pub fn open(mut bron: R) -> Result<Werkmap<R>, String> {
        zonder_paniek(|| {
            controleer_omvang(&mut bron)?;
            bron.seek(SeekFrom::Start(0)).map_err(|e| format!("kan niet worden gelezen: {e}"))?;
            let xlsx = Xlsx::new(bron).map_err(|e| format!("is geen leesbaar XLSX-bestand ({e})"))?;
            Ok(Werkmap { xlsx })
        })
    }

    /// The names of the sheets, in the workbook's order.
    pub fn bladen(&self) -> Vec<String> {
        self.xlsx.sheet_names()
    }

    /// Streams the rows of sheet `blad` that have a cell holding something,
    /// top to bottom, into `per_rij`; stops at the first `Err` it returns
    /// (which becomes the result). Memory: the cells of one row.
    pub fn rijen<E: From<String>>(&mut self, blad: &str, mut per_rij: impl FnMut(Rij) -> Result<(), E>) -> Result<(), E> {
        let mut fout: Option<E> = None;
        let gelezen = zonder_paniek(|| {
            let mut cellen = self.xlsx.worksheet_cells_reader(blad).map_err(|e| format!("blad \"{blad}\" is niet leesbaar ({e})"))?;
            let mut huidig: Option<Rij> = None;
            loop {
                let cel = cellen.next_cell().map_err(|e| format!("blad \"{blad}\" is niet leesbaar ({e})"))?;
                let Some(cel) = cel else { break };
                let (r, k) = cel.get_position();
                if r >= MAX_RIJEN || k >= MAX_KOLOMMEN {
                    return Err(format!(
                        "blad \"{blad}\" heeft een cel voorbij de laatste rij ({}) of kolom (XFD) die een werkblad kan hebben",
                        buig_core::nl::aantal(i64::from(MAX_RIJEN))
                    ));
                }
                if cel.get_value().is_empty() {
                    continue;
                }
                let (nummer, kolom) = (r as usize + 1, k as usize);
                match &mut huidig {
                    Some(rij) if rij.nummer == nummer => rij.cellen.push((kolom, Data::from(cel.get_value().clone()))),
                    Some(rij) if rij.nummer > nummer => {
                        return Err(format!(
                            "blad \"{blad}\" heeft de rijen niet op volgorde (rij {nummer} na rij {}); sla het opnieuw op met Excel of LibreOffice",
                            rij.nummer
                        ))
                    }
                    _ => {
                        if let Some(klaar) = huidig.replace(Rij { nummer, cellen: vec![(kolom, Data::from(cel.get_value().clone()))] }) {
                            if let Err(e) = per_rij(af(klaar)) {
                                fout = Some(e);
                                return Ok(());
                            }
                        }
                    }
                }
            }
            if let Some(klaar) = huidig {
                if let Err(e) = per_rij(af(klaar)) {
                    fout = Some(e);
                }
            }
            Ok(())
        });
        match (gelezen, fout) {
            (Err(m), _) => Err(E::from(m)),
            (Ok(()), Some(e)) => Err(e),
            (Ok(()), None) => Ok(()),
        }
    }
}

/// A finished row: cells left to right; of two cells in one column the last counts.
fn af(mut rij: Rij) -> Rij {
    rij.cellen.reverse();
    rij.cellen.sort_by_key(|(k, _)| *k);
    rij.cellen.dedup_by_key(|(k, _)| *k);
    rij
}

#[cfg(test)]
mod tests {
    use super::*;

    fn werkmap(cellen: &[(u32, u16, &str)]) -> Werkmap<io::Cursor<Vec<u8>>> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (r, k, t) in cellen {
            ws.write_string(*r, *k, *t).unwrap();
        }
        Werkmap::open(io::Cursor::new(wb.save_to_buffer().unwrap())).unwrap()
    }

    fn alle(w: &mut Werkmap<io::Cursor<Vec<u8>>>) -> Vec<Rij> {
        let mut uit = Vec::new();
        let blad = w.bladen()[0].clone();
        w.rijen(&blad, |r| {
            uit.push(r);
            Ok::<(), String>(())
        })
        .unwrap();
        uit
    }

    #[test]
    fn rows_carry_their_excel_number_and_only_the_cells_present() {
        let rijen = alle(&mut werkmap(&[(0, 0, "a"), (0, 2, "c"), (4, 1, "b")]));
        assert_eq!(rijen.len(), 2);
        assert_eq!((rijen[0].nummer, rijen[0].breedte()), (1, 3));
        assert_eq!(rijen[0].cel(2), Some(&Data::String("c".into())));
        assert_eq!(rijen[0].cel(1), None);
        assert_eq!((rijen[1].nummer, rijen[1].cellen.len()), (5, 1));
    }

    #[test]
    fn a_cell_in_the_last_row_and_column_costs_one_cell() {
        let rijen = alle(&mut werkmap(&[(0, 0, "a"), (1_048_575, 16_383, "x")]));
        assert_eq!(rijen.iter().map(|r| (r.nummer, r.cellen.len())).collect::<Vec<_>>(), [(1, 1), (1_048_576, 1)]);
        assert_eq!(rijen[1].breedte(), 16_384);
    }

    #[test]
    fn the_callback_stops_the_stream_with_its_own_error() {
        let mut w = werkmap(&[(0, 0, "a"), (1, 0, "b"), (2, 0, "c")]);
        let mut gezien = 0;
        let e = w.rijen("Sheet1", |r| {
            gezien += 1;
            if r.nummer == 2 {
                Err("genoeg".to_string())
            } else {
                Ok(())
            }
        });
        assert_eq!((e, gezien), (Err("genoeg".to_string()), 2));
    }

    #[test]
    fn bytes_that_are_no_zip_are_refused_in_dutch() {
        let e = Werkmap::open(io::Cursor::new(b"PK\x03\x04 kapot".to_vec())).err().unwrap();
        assert!(e.starts_with("is geen leesbaar XLSX-bestand"), "{e}");
    }
}
