// SPDX-License-Identifier: EUPL-1.2
//! XLSX workbooks, streamed: the chosen sheet (`Options::blad`, or the
//! first) is read row by row through [`crate::werkmap`], on a thread of its
//! own that hands the rows over a short queue, so memory stays that of a few
//! rows however large the sheet. Rows are numbered as Excel numbers them,
//! also when the used area does not start at A1.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver};

use calamine::Data;

use crate::convert::{Header, Row};
use crate::value::{trim_bytes, Cell};
use crate::werkmap::{Rij, Werkmap};

/// Rows waiting between the reading thread and the importer.
const WACHTRIJ: usize = 64;

pub(crate) struct XlsxSource {
    rijen: Receiver<Result<Rij, String>>,
    current: Rij,
}

impl XlsxSource {
    /// Opens the workbook, starts reading the sheet and reads its header
    /// row (the first non-empty row).
    pub(crate) fn open(path: &Path, blad: Option<&str>) -> Result<(XlsxSource, Header), String> {
        let file = File::open(path).map_err(|e| format!("kan niet worden geopend: {e}"))?;
        let mut werkmap = Werkmap::open(BufReader::new(file))?;
        let naam = kies_blad(&werkmap.bladen(), blad)?;
        let (tx, rx) = sync_channel(WACHTRIJ);
        std::thread::spawn(move || {
            // A closed queue means the importer stopped listening: stop reading.
            if let Err(m) = werkmap.rijen(&naam, |rij| tx.send(Ok(rij)).map_err(|_| String::new())) {
                if !m.is_empty() {
                    let _ = tx.send(Err(m));
                }
            }
        });
        let mut source = XlsxSource { rijen: rx, current: Rij { nummer: 0, cellen: Vec::new() } };
        loop {
            match source.rijen.recv() {
                Err(_) => return Err(format!("blad {} is leeg (geen kopregel met kolomnamen)", sheet_label(blad))),
                Ok(Err(m)) => return Err(m),
                Ok(Ok(rij)) => {
                    source.current = rij;
                    if !source.is_blank() {
                        break;
                    }
                }
            }
        }
        let header = Header::new((0..source.current.breedte()).map(|c| match source.current.cel(c) {
            Some(Data::Empty) | None => String::new(),
            Some(d) => d.to_string(),
        }));
        Ok((source, header))
    }

    /// Moves to the next row with a cell and returns its Excel row number,
    /// or the reason reading stopped (with the row number after the last).
    pub(crate) fn next_row(&mut self) -> Option<Result<usize, (usize, String)>> {
        match self.rijen.recv() {
            Err(_) => None,
            Ok(Err(m)) => Some(Err((self.current.nummer + 1, m))),
            Ok(Ok(rij)) => {
                self.current = rij;
                Some(Ok(self.current.nummer))
            }
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.current.cellen.iter().all(|(c, _)| self.row().cell(*c).is_empty())
    }

    pub(crate) fn row(&self) -> XlsxRow<'_> {
        XlsxRow(&self.current)
    }
}

fn sheet_label(blad: Option<&str>) -> String {
    blad.map_or_else(|| "1".to_string(), |b| format!("\"{b}\""))
}

/// The sheet asked for (exactly, else ignoring case and spaces around), or the first.
fn kies_blad(names: &[String], blad: Option<&str>) -> Result<String, String> {
    match blad {
        Some(want) => names
            .iter()
            .find(|n| n.as_str() == want)
            .or_else(|| names.iter().find(|n| n.trim().to_lowercase() == want.trim().to_lowercase()))
            .cloned()
            .ok_or_else(|| {
                let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
                format!("heeft geen blad \"{want}\" (bladen: {})", list.join(", "))
            }),
        None => names.first().cloned().ok_or_else(|| "bevat geen bladen".to_string()),
    }
}

pub(crate) struct XlsxRow<'a>(&'a Rij);

impl Row for XlsxRow<'_> {
    fn cell(&self, col: usize) -> Cell<'_> {
        match self.0.cel(col) {
            None | Some(Data::Empty) => Cell::Empty,
            Some(Data::String(s)) | Some(Data::DurationIso(s)) => {
                let t = trim_bytes(s.as_bytes());
                if t.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(t)
                }
            }
            Some(Data::Int(i)) => Cell::Int(*i),
            Some(Data::Float(f)) => Cell::Float(*f),
            Some(Data::Bool(b)) => Cell::Bool(*b),
            Some(Data::DateTime(dt)) => Cell::DateTime(dt),
            Some(Data::DateTimeIso(s)) => Cell::Iso(s.trim()),
            Some(Data::Error(e)) => Cell::Error(e),
        }
    }
}
