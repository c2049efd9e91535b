// SPDX-License-Identifier: EUPL-1.2
//! CSV files, streamed: separator detection (`,` or `;`), BOM, the header
//! row, and spreadsheet row numbers. One reused [`ByteRecord`] holds the
//! current row, so memory stays constant however long the file is.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

use csv::ByteRecord;

use crate::convert::{Header, Row};
use crate::value::{decode, trim_bytes, Cell};

/// How much of the file's start is inspected for the separator and for
/// signs that it is not text.
const PREFIX: usize = 64 * 1024;
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) struct CsvSource {
    rdr: csv::Reader<File>,
    rec: ByteRecord,
    /// Line breaks inside quoted fields so far: a spreadsheet shows such a
    /// field in one row, so they do not count as rows.
    embedded_newlines: u64,
    /// The row number of the last record read.
    last_rij: usize,
    /// Bytes after the BOM, and whether the last of them is a line break:
    /// together they tell whether a record ended at a line break.
    data_len: u64,
    ends_with_newline: bool,
    /// The separator; `;` means a Dutch file, where the comma is decimal.
    pub(crate) separator: u8,
}

/// Why the file is not a CSV we can read (the caller adds the file name).
pub(crate) type Fault = String;

impl CsvSource {
    /// Opens the CSV, reads its header row and returns it with the source
    /// positioned at the first data row.
    pub(crate) fn open(mut file: File) -> Result<(CsvSource, Header), Fault> {
        let mut prefix = Vec::with_capacity(PREFIX);
        (&mut file).take(PREFIX as u64).read_to_end(&mut prefix).map_err(|e| format!("kan niet worden gelezen: {e}"))?;
        if prefix.starts_with(b"\xFF\xFE") || prefix.starts_with(b"\xFE\xFF") {
            return Err("is in UTF-16 opgeslagen; sla het op als \"CSV UTF-8\" of als XLSX".to_string());
        }
        let skip = if prefix.starts_with(BOM) { BOM.len() } else { 0 };
        if prefix.contains(&0) {
            return Err("is geen CSV-bestand (tekst) en geen XLSX-bestand".to_string());
        }
        if tab_separated(&prefix[skip..]) {
            return Err(TABS.to_string());
        }
        let separator = detect_separator(&prefix[skip..]);
        // Old Mac exports end lines with a lone CR; everything else has LF
        // (a CR before it is whitespace at the end of the last field).
        let terminator = if prefix.contains(&b'\r') && !prefix.contains(&b'\n') { b'\r' } else { b'\n' };
        let io = |e: std::io::Error| format!("kan niet worden gelezen: {e}");
        let file_len = file.metadata().map_err(io)?.len();
        file.seek(SeekFrom::End(-1)).map_err(io)?;
        let mut last = [0u8];
        file.read_exact(&mut last).map_err(io)?;
        file.seek(SeekFrom::Start(skip as u64)).map_err(io)?;
        let rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator)
            .terminator(csv::Terminator::Any(terminator))
            .buffer_capacity(PREFIX)
            .from_reader(file);
        let mut source = CsvSource {
            rdr,
            rec: ByteRecord::new(),
            embedded_newlines: 0,
            last_rij: 0,
            data_len: file_len - skip as u64,
            ends_with_newline: last[0] == b'\n',
            separator,
        };
        loop {
            match source.next_row() {
                None => return Err("is leeg (geen kopregel met kolomnamen)".to_string()),
                Some(Err(e)) => return Err(e),
                Some(Ok(_)) if source.is_blank() => continue,
                Some(Ok(_)) => break,
            }
        }
        let header = Header::new(source.rec.iter().map(|f| decode(f).into_owned()));
        Ok((source, header))
    }

    /// Reads the next record and returns its row number as a spreadsheet
    /// shows it. The CSV reader skips blank lines without a trace, so the
    /// number is counted back from the line reached after the record: minus
    /// the record's own terminating line break (absent only at the end of a
    /// file without a final line break) and minus every line break inside a
    /// quoted field so far (a spreadsheet shows such a field in one row).
    /// Rows of empty fields (`;;;;`) are returned; see [`Self::is_blank`].
    pub(crate) fn next_row(&mut self) -> Option<Result<usize, Fault>> {
        match self.rdr.read_byte_record(&mut self.rec) {
            Ok(false) => None,
            Ok(true) => {
                self.embedded_newlines += newlines(self.rec.as_slice());
                let end = self.rdr.position();
                let at_unterminated_end = end.byte() == self.data_len && !self.ends_with_newline;
                let terminator = u64::from(!at_unterminated_end);
                let rij = end.line().saturating_sub(self.embedded_newlines + terminator);
                // Never behind the previous row (lone-CR files count no lines).
                self.last_rij = usize::try_from(rij).unwrap_or(usize::MAX).max(self.last_rij + 1);
                Some(Ok(self.last_rij))
            }
            Err(e) => Some(Err(format!("kan niet verder worden gelezen: {e}"))),
        }
    }

    /// Where reading stopped after an error: the row after the last one read.
    pub(crate) fn row_after_last(&self) -> usize {
        self.last_rij.saturating_add(1)
    }

    /// Whether the current record has only empty fields (`;;;;`).
    pub(crate) fn is_blank(&self) -> bool {
        self.rec.iter().all(|f| trim_bytes(f).is_empty())
    }

    pub(crate) fn row(&self) -> CsvRow<'_> {
        CsvRow(&self.rec)
    }
}

/// Said of a tab-separated file, which would otherwise read as one column.
pub(crate) const TABS: &str = "is tab-gescheiden: tussen de kolommen staan tabs, en de import verwacht puntkomma's (;) of komma's (,); \
     sla het op als CSV (gescheiden door puntkomma's of komma's) of als XLSX";

/// Whether the header line has more tabs outside quotes than commas and semicolons.
fn tab_separated(text: &[u8]) -> bool {
    let (mut tabs, mut andere, mut quoted, mut started) = (0usize, 0usize, false, false);
    for &c in text {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted && started => break,
            b'\t' if !quoted => tabs += 1,
            b',' | b';' if !quoted => andere += 1,
            _ => {}
        }
        if !c.is_ascii_whitespace() {
            started = true;
        }
    }
    tabs > andere
}

fn newlines(b: &[u8]) -> u64 {
    b.iter().filter(|&&c| c == b'\n').count() as u64
}

/// `;` when the first line has more semicolons than commas outside quotes,
/// else `,`.
fn detect_separator(text: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    let mut started = false;
    for &c in text {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted && started => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
        if !c.is_ascii_whitespace() {
            started = true;
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

pub(crate) struct CsvRow<'a>(&'a ByteRecord);

impl Row for CsvRow<'_> {
    #[inline]
    fn cell(&self, col: usize) -> Cell<'_> {
        match self.0.get(col) {
            Some(f) => {
                let f = trim_bytes(f);
                if f.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(f)
                }
            }
            None => Cell::Empty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_line_of_tabs_is_told_apart_from_one_with_a_tab_in_quotes() {
        assert!(tab_separated(b"client_id\tregeling\tstartdatum\na\tb\tc\n"));
        assert!(!tab_separated(b"client_id;regeling;\"start\tdatum\"\n"));
        assert!(!tab_separated(b"a,b\tc,d\n"));
        assert!(!tab_separated(b"enkel\n"));
    }

    #[test]
    fn the_separator_is_read_from_the_header_line() {
        assert_eq!(detect_separator(b"a;b;c\n1,5;2;3"), b';');
        assert_eq!(detect_separator(b"a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(detect_separator(b"\n\n\"a;b\",c\n"), b',');
        assert_eq!(detect_separator(b"enkel\n"), b',');
    }
}
