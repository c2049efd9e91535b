// SPDX-License-Identifier: EUPL-1.2
//! XLSX workbooks: the chosen sheet (`--blad`, or the first) is loaded
//! whole with calamine; rows are numbered as Excel numbers them, also when
//! the used area does not start at A1.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use calamine::{open_workbook, Data, Range, Reader as _, Xlsx};

use crate::convert::{Header, Row};
use crate::value::{trim_bytes, Cell};

pub(crate) struct XlsxSource {
    range: Range<Data>,
    /// The next row, relative to the range.
    next: usize,
    /// Excel's row number of the range's first row.
    first_rij: usize,
    current: usize,
}

impl XlsxSource {
    /// Loads the sheet and reads its header row (the first non-empty row).
    pub(crate) fn open(path: &Path, blad: Option<&str>) -> Result<(XlsxSource, Header), String> {
        // calamine parses untrusted bytes; should it panic on a malformed
        // workbook, the user still gets a message about the file.
        let range =
            catch_unwind(AssertUnwindSafe(|| load(path, blad))).unwrap_or_else(|_| Err("is geen leesbaar XLSX-bestand".to_string()))?;
        let first_rij = range.start().map_or(1, |(r, _)| r as usize + 1);
        let mut source = XlsxSource { range, next: 0, first_rij, current: 0 };
        loop {
            match source.next_row() {
                None => return Err(format!("blad {} is leeg (geen kopregel met kolomnamen)", sheet_label(blad))),
                Some(_) if source.is_blank() => continue,
                Some(_) => break,
            }
        }
        let width = source.range.width();
        let header = Header::new((0..width).map(|c| match source.range.get((source.current, c)) {
            Some(Data::Empty) | None => String::new(),
            Some(d) => d.to_string(),
        }));
        Ok((source, header))
    }

    /// Moves to the next row and returns its Excel row number.
    pub(crate) fn next_row(&mut self) -> Option<usize> {
        if self.next >= self.range.height() {
            return None;
        }
        self.current = self.next;
        self.next += 1;
        Some(self.first_rij + self.current)
    }

    pub(crate) fn is_blank(&self) -> bool {
        let row = self.row();
        (0..self.range.width()).all(|c| row.cell(c).is_empty())
    }

    pub(crate) fn row(&self) -> XlsxRow<'_> {
        XlsxRow { range: &self.range, r: self.current }
    }
}

fn sheet_label(blad: Option<&str>) -> String {
    blad.map_or_else(|| "1".to_string(), |b| format!("\"{b}\""))
}

fn load(path: &Path, blad: Option<&str>) -> Result<Range<Data>, String> {
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e| format!("is geen leesbaar XLSX-bestand ({e})"))?;
    let names = wb.sheet_names();
    let name = match blad {
        Some(want) => names
            .iter()
            .find(|n| n.as_str() == want)
            .or_else(|| names.iter().find(|n| n.trim().to_lowercase() == want.trim().to_lowercase()))
            .cloned()
            .ok_or_else(|| {
                let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
                format!("heeft geen blad \"{want}\" (bladen: {})", list.join(", "))
            })?,
        None => names.first().cloned().ok_or_else(|| "bevat geen bladen".to_string())?,
    };
    wb.worksheet_range(&name).map_err(|e| format!("blad \"{name}\" is niet leesbaar ({e})"))
}

pub(crate) struct XlsxRow<'a> {
    range: &'a Range<Data>,
    r: usize,
}

impl Row for XlsxRow<'_> {
    fn cell(&self, col: usize) -> Cell<'_> {
        match self.range.get((self.r, col)) {
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
