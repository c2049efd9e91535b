// SPDX-License-Identifier: EUPL-1.2
//! Import of the input files of buig-monitor — benefit spells
//! (`uitkeringen`), budget decisions (`budget`), monthly realisation
//! (`realisatie`), inhabitants (`inwoners`) and published comparison series
//! (`vergelijking`) — from CSV or XLSX into the typed records of
//! [`buig_core::records`].
//!
//! A pure parsing library: no database. [`open`] checks the file as a
//! whole (format, header, required columns) and returns a streaming
//! [`Reader`] that yields one record or one row-precise [`RowError`] per
//! data row; [`read_all`] collects. Client ids are pseudonymised the moment
//! they are read ([`Pseudonimiseerder`]); the raw id never leaves the row.
//! The formats are described in `docs/import.md`.
//!
//! ```no_run
//! use buig_import::{read_all, Options, Pseudonimiseerder, Soort};
//! let pseudo = Pseudonimiseerder::new(b"a secret key of at least 32 bytes.....");
//! let records = read_all("uitkeringen.csv".as_ref(), Soort::Uitkeringen, &Options::default(), &pseudo)?;
//! # Ok::<(), buig_import::ImportError>(())
//! ```

mod controle;
mod convert;
mod csv_source;
mod error;
mod pseudo;
pub mod sjabloon;
mod value;
pub mod werkmap;
mod xlsx_source;

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::str::FromStr;

use buig_core::records::{Budgetbeschikking, Inwoners, RealisatieMaand, Uitkering, Vergelijkingswaarde};
use buig_core::GemeenteCode;
use sha2::{Digest, Sha256};

use controle::Controle;
use convert::Converter;
use csv_source::CsvSource;
use xlsx_source::XlsxSource;

pub use error::{ImportError, RowError};
pub use pseudo::Pseudonimiseerder;

/// The kind of file to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Soort {
    /// Benefit spells, one row per spell.
    Uitkeringen,
    /// Monthly realisation: lasten, baten, LKS.
    Realisatie,
    /// Budget decisions (beschikkingen).
    Budget,
    /// Inhabitants on 1 January.
    Inwoners,
    /// A published comparison series (e.g. CBS StatLine 82015NED): reeks, gebied, periode, waarde.
    Vergelijking,
}

impl Soort {
    pub const ALL: [Soort; 5] = [Soort::Uitkeringen, Soort::Realisatie, Soort::Budget, Soort::Inwoners, Soort::Vergelijking];

    pub fn code(self) -> &'static str {
        match self {
            Soort::Uitkeringen => "uitkeringen",
            Soort::Realisatie => "realisatie",
            Soort::Budget => "budget",
            Soort::Inwoners => "inwoners",
            Soort::Vergelijking => "vergelijking",
        }
    }
}

impl FromStr for Soort {
    type Err = String;
    /// `uitkeringen`, `realisatie`, `budget`, `inwoners` or `vergelijking` (case-insensitive).
    fn from_str(s: &str) -> Result<Soort, String> {
        let t = s.trim();
        Soort::ALL
            .into_iter()
            .find(|k| k.code().eq_ignore_ascii_case(t))
            .ok_or_else(|| format!("\"{t}\" is geen soort bestand (verwacht uitkeringen, realisatie, budget, inwoners of vergelijking)"))
    }
}

impl fmt::Display for Soort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Choices of one import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// `--gemeente`: the gemeente of every row when the file has no
    /// `gemeente` column; when it has one, rows must agree with it.
    pub gemeente: Option<GemeenteCode>,
    /// `--blad`: the XLSX sheet to read (default: the first). Refused for CSV.
    pub blad: Option<String>,
    /// How many row errors [`read_all`] reports before it stops (0 counts as 1).
    pub max_fouten: usize,
    /// One more column to read by name (any column of the file), available
    /// per row through [`Reader::kenmerk`]: for a breakdown by that column.
    pub kenmerk: Option<String>,
    /// Refuse a key seen twice (the same spell, the same month of a
    /// gemeente, the same decision, year or series value), naming both rows.
    /// On for every import into the store; off for reading a file for analysis.
    pub uniek: bool,
    /// The day of the import: realisation of a month after this day's month
    /// is refused. `None`: no such check.
    pub vandaag: Option<jiff::civil::Date>,
}

impl Default for Options {
    fn default() -> Options {
        Options { gemeente: None, blad: None, max_fouten: 50, kenmerk: None, uniek: false, vandaag: None }
    }
}

/// One imported row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Uitkering(Uitkering),
    Budget(Budgetbeschikking),
    Realisatie(RealisatieMaand),
    Inwoners(Inwoners),
    Vergelijking(Vergelijkingswaarde),
}

/// Streams the records of an opened file: one item per data row (blank
/// rows are skipped), in file order. A read failure mid-file is yielded as
/// a [`RowError`] and ends the stream.
pub struct Reader {
    source: Source,
    converter: Converter,
    soort: Soort,
    done: bool,
    /// The checks across rows ([`Options::uniek`], [`Options::vandaag`]).
    controle: Option<Controle>,
    /// Errors found once the last row was read (repeated spells), still to yield.
    na_afloop: std::vec::IntoIter<RowError>,
}

enum Source {
    Csv(CsvSource),
    Xlsx(XlsxSource),
    /// Ended by a read failure.
    Klaar,
}

impl Reader {
    /// The kind of file being read.
    pub fn soort(&self) -> Soort {
        self.soort
    }

    /// The file name used in messages.
    pub fn bestand(&self) -> &str {
        self.converter.bestand()
    }

    /// The text of the column named in [`Options::kenmerk`] in the row last
    /// yielded; `None` when that cell is empty or no column was asked for.
    pub fn kenmerk(&self) -> Option<&str> {
        self.converter.kenmerk()
    }
}

impl fmt::Debug for Reader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let format = match self.source {
            Source::Csv(_) => "csv",
            Source::Xlsx(_) => "xlsx",
            Source::Klaar => "gestopt",
        };
        f.debug_struct("Reader")
            .field("bestand", &self.bestand())
            .field("soort", &self.soort)
            .field("format", &format)
            .finish_non_exhaustive()
    }
}

impl Iterator for Reader {
    type Item = Result<Record, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return self.na_afloop.next().map(Err);
        }
        let item = self.volgende();
        let item = match (item, &mut self.controle) {
            (Some(Ok((rec, rij))), Some(c)) => Some(c.rij(self.converter.bestand(), &rec, rij).map(|()| rec)),
            (Some(r), _) => Some(r.map(|(rec, _)| rec)),
            (None, _) => None,
        };
        if item.is_none() {
            self.done = true;
            if let Some(c) = self.controle.take() {
                self.na_afloop = c.einde(self.converter.bestand()).into_iter();
            }
            return self.na_afloop.next().map(Err);
        }
        item
    }
}

impl Reader {
    /// The next data row as a record with its row number, or its error.
    fn volgende(&mut self) -> Option<Result<(Record, usize), RowError>> {
        let converter = &mut self.converter;
        match &mut self.source {
            Source::Csv(src) => loop {
                match src.next_row()? {
                    Ok(_) if src.is_blank() => continue,
                    Ok(rij) => return Some(converter.convert(&src.row(), rij).map(|r| (r, rij))),
                    Err(melding) => {
                        let rij = src.row_after_last();
                        let e = RowError { bestand: converter.bestand().to_string(), rij, kolom: None, melding };
                        // A read failure ends the stream: nothing after it is read.
                        self.source = Source::Klaar;
                        return Some(Err(e));
                    }
                }
            },
            Source::Xlsx(src) => loop {
                match src.next_row()? {
                    Ok(_) if src.is_blank() => continue,
                    Ok(rij) => return Some(converter.convert(&src.row(), rij).map(|r| (r, rij))),
                    Err((rij, melding)) => {
                        self.source = Source::Klaar;
                        return Some(Err(RowError { bestand: converter.bestand().to_string(), rij, kolom: None, melding }));
                    }
                }
            },
            Source::Klaar => None,
        }
    }
}

/// Opens `path` as a file of kind `soort`: decides CSV or XLSX from its
/// content, reads the header and finds the columns. Errors about the file
/// as a whole come here; errors of single rows come from the [`Reader`].
pub fn open(path: &Path, soort: Soort, opts: &Options, pseudo: &Pseudonimiseerder) -> Result<Reader, ImportError> {
    let bestand = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let fout = |melding: String| ImportError::Invoerbestand { bestand: bestand.clone(), melding };
    if path.is_dir() {
        return Err(fout("is een map, geen bestand".to_string()));
    }
    let mut file = File::open(path).map_err(|e| fout(format!("kan niet worden geopend: {}", io_melding(&e))))?;
    let mut magic = Vec::with_capacity(8);
    (&mut file).take(8).read_to_end(&mut magic).map_err(|e| fout(format!("kan niet worden gelezen: {}", io_melding(&e))))?;
    if magic.is_empty() {
        return Err(fout("is leeg".to_string()));
    }
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let (source, header, comma_decimal) = if magic.starts_with(b"PK\x03\x04") {
        let (src, header) = XlsxSource::open(path, opts.blad.as_deref()).map_err(fout)?;
        // Text cells in a Dutch workbook write `1.234,56`.
        (Source::Xlsx(src), header, true)
    } else if magic.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(fout("is een oud Excel-bestand (.xls); sla het op als .xlsx of als CSV".to_string()));
    } else if matches!(extension.as_str(), "xlsx" | "xlsm") {
        return Err(fout("is geen geldig XLSX-bestand".to_string()));
    } else {
        if let Some(blad) = &opts.blad {
            return Err(fout(format!("is een CSV-bestand; een werkblad (\"{blad}\") kan alleen bij een XLSX-bestand worden gekozen")));
        }
        drop(file);
        let file = File::open(path).map_err(|e| fout(format!("kan niet worden geopend: {}", io_melding(&e))))?;
        let (src, header) = CsvSource::open(file).map_err(fout)?;
        let comma_decimal = src.separator == b';';
        (Source::Csv(src), header, comma_decimal)
    };
    let converter =
        Converter::new(&bestand, soort, &header, comma_decimal, opts.gemeente, pseudo, opts.kenmerk.as_deref()).map_err(fout)?;
    let controle = Controle::new(opts.uniek, opts.vandaag);
    Ok(Reader { source, converter, soort, done: false, controle, na_afloop: Vec::new().into_iter() })
}

/// Reads the whole file: all records, or up to `opts.max_fouten` row
/// errors (with `meer` when there are more; reading stops there).
pub fn read_all(path: &Path, soort: Soort, opts: &Options, pseudo: &Pseudonimiseerder) -> Result<Vec<Record>, ImportError> {
    let max = opts.max_fouten.max(1);
    let mut records = Vec::new();
    let mut fouten = Vec::new();
    for item in open(path, soort, opts, pseudo)? {
        match item {
            Ok(r) if fouten.is_empty() => records.push(r),
            Ok(_) => {}
            Err(e) if fouten.len() == max => {
                drop(e);
                return Err(ImportError::Rijen { fouten, meer: true });
            }
            Err(e) => {
                records.clear();
                fouten.push(e);
            }
        }
    }
    if fouten.is_empty() {
        Ok(records)
    } else {
        Err(ImportError::Rijen { fouten, meer: false })
    }
}

/// Parses an amount of euros as a user writes it, with the same rules as a
/// file's cells: `1234.56`, `1.234,56`, `€ 41.984.531`, `-500`. With
/// `komma_decimaal` (a `;` file, or a Dutch user on the command line) a lone
/// `1.234` is grouping, otherwise a decimal point; more than two decimals is
/// refused, never rounded.
pub fn bedrag(text: &str, komma_decimaal: bool) -> Result<buig_core::Money, buig_core::money::MoneyError> {
    value::money_text(text, komma_decimaal)
}

/// The SHA-256 of the file's bytes, lower-case hex, read in blocks.
pub fn file_sha256(path: &Path) -> io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// An I/O error in Dutch where the cause is common.
fn io_melding(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "bestand niet gevonden".to_string(),
        io::ErrorKind::PermissionDenied => "geen toegang".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soort_reads_and_writes_its_code() {
        for s in Soort::ALL {
            assert_eq!(s.to_string().parse::<Soort>(), Ok(s));
        }
        assert_eq!("Uitkeringen".parse::<Soort>(), Ok(Soort::Uitkeringen));
        assert!("spells".parse::<Soort>().unwrap_err().contains("uitkeringen, realisatie, budget, inwoners of vergelijking"));
    }

    #[test]
    fn options_default_to_fifty_errors() {
        assert_eq!(Options::default().max_fouten, 50);
    }
}
