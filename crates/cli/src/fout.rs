// SPDX-License-Identifier: EUPL-1.2
//! The command line's error at its boundary: bad input or usage (exit 2,
//! one message naming the field or flag), or anything else (exit 1).

use std::fmt;

/// Why a command failed.
#[derive(Debug)]
pub enum Fout {
    /// Bad input, an unknown gemeente, a year no rule covers: exit 2.
    Invoer(String),
    /// The database, the file system, a bug: exit 1.
    Intern(String),
}

/// A command's outcome.
pub type Uit<T> = Result<T, Fout>;

impl Fout {
    /// The exit code.
    pub fn code(&self) -> u8 {
        match self {
            Fout::Invoer(_) => 2,
            Fout::Intern(_) => 1,
        }
    }
}

impl fmt::Display for Fout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fout::Invoer(m) | Fout::Intern(m) => f.write_str(m),
        }
    }
}

impl From<buig_store::StoreError> for Fout {
    fn from(e: buig_store::StoreError) -> Fout {
        Fout::Intern(e.to_string())
    }
}

impl From<std::io::Error> for Fout {
    fn from(e: std::io::Error) -> Fout {
        Fout::Intern(e.to_string())
    }
}

impl From<serde_json::Error> for Fout {
    fn from(e: serde_json::Error) -> Fout {
        Fout::Intern(e.to_string())
    }
}

/// A service-layer refusal; `wie` names the gemeente flag for "not found".
pub fn dienst(wie: impl fmt::Display) -> impl FnOnce(buig_dienst::Fout) -> Fout {
    move |e| match e {
        buig_dienst::Fout::NietGevonden => Fout::Invoer(format!("--gemeente: {wie} staat niet in de gemeentelijst")),
        buig_dienst::Fout::Gegevens(m) => Fout::Invoer(m),
        buig_dienst::Fout::Intern(m) => Fout::Intern(m),
    }
}
