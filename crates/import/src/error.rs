// SPDX-License-Identifier: EUPL-1.2
//! The import's errors, in Dutch for the user: [`RowError`] for one row
//! (file, spreadsheet row number, column, message) and [`ImportError`] for
//! a file that cannot be read at all or whose rows have errors.

use std::fmt;

/// One row that could not become a record. `rij` is the row number as a
/// spreadsheet shows it: the header is row 1, the first data row row 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The file name (without directories), e.g. `spells.csv`.
    pub bestand: String,
    pub rij: usize,
    /// The column as named in the specification (`einddatum`), if the
    /// error belongs to one.
    pub kolom: Option<String>,
    pub melding: String,
}

impl fmt::Display for RowError {
    /// `spells.csv: rij 1043, kolom einddatum: "31-02-2023" is geen geldige datum`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: rij {}", self.bestand, self.rij)?;
        if let Some(kolom) = &self.kolom {
            write!(f, ", kolom {kolom}")?;
        }
        write!(f, ": {}", self.melding)
    }
}

impl std::error::Error for RowError {}

/// Why a file was not imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file as a whole: it cannot be opened or read, is no CSV or XLSX,
    /// is empty, lacks a required column, or has no sheet named `--blad`.
    #[error("{bestand}: {melding}")]
    Invoerbestand { bestand: String, melding: String },
    /// Rows with errors: at most `max_fouten` of them; `meer` when the file
    /// has more.
    #[error("{}", rijen(fouten, *meer))]
    Rijen { fouten: Vec<RowError>, meer: bool },
}

fn rijen(fouten: &[RowError], meer: bool) -> String {
    let mut out = fouten.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    if meer {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str("… en meer fouten");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fout(rij: usize, kolom: Option<&str>) -> RowError {
        RowError {
            bestand: "uitkeringen.csv".into(),
            rij,
            kolom: kolom.map(Into::into),
            melding: "\"31-02-2023\" is geen geldige datum".into(),
        }
    }

    #[test]
    fn a_row_error_names_file_row_and_column() {
        assert_eq!(
            fout(1043, Some("einddatum")).to_string(),
            "uitkeringen.csv: rij 1043, kolom einddatum: \"31-02-2023\" is geen geldige datum"
        );
        assert_eq!(fout(7, None).to_string(), "uitkeringen.csv: rij 7: \"31-02-2023\" is geen geldige datum");
    }

    #[test]
    fn row_errors_are_listed_one_per_line_and_more_is_said() {
        let e = ImportError::Rijen { fouten: vec![fout(2, None), fout(3, None)], meer: true };
        let text = e.to_string();
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("uitkeringen.csv: rij 3"));
        assert_eq!(lines[2], "… en meer fouten");
        let e = ImportError::Rijen { fouten: vec![fout(2, None)], meer: false };
        assert!(!e.to_string().contains("meer"));
    }
}
