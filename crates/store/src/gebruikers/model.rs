// SPDX-License-Identifier: EUPL-1.2
//! The account vocabulary: a user with its roles per gemeente, the roles
//! in order of rights, the limits on names and passwords and the Dutch
//! errors of account management.

use std::fmt;
use std::str::FromStr;

use buig_core::GemeenteCode;

use crate::StoreError;

/// The shortest password accepted, in characters.
pub const MIN_WACHTWOORD: usize = 12;
/// The longest password accepted, in characters (hashing cost stays bounded).
pub const MAX_WACHTWOORD: usize = 1024;
/// The longest user name, in characters.
pub const MAX_NAAM: usize = 64;
/// Prefix of every API token.
pub const TOKEN_PREFIX: &str = "buig_";

/// User-facing failures of account management, in Dutch.
#[derive(Debug, thiserror::Error)]
pub enum GebruikerFout {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("gebruiker \"{0}\" bestaat niet")]
    Onbekend(String),
    #[error("gebruiker \"{0}\" bestaat al")]
    BestaatAl(String),
    #[error("\"{0}\" is geen geldige gebruikersnaam: gebruik 1 tot 64 tekens uit a-z, 0-9, punt, underscore, @ en streepje")]
    OngeldigeNaam(String),
    #[error("het wachtwoord is te kort: gebruik minstens {MIN_WACHTWOORD} tekens")]
    WachtwoordTeKort,
    #[error("het wachtwoord is te lang: gebruik hoogstens {MAX_WACHTWOORD} tekens")]
    WachtwoordTeLang,
    #[error("gemeente {0} staat niet in de database")]
    OnbekendeGemeente(GemeenteCode),
}

impl From<sqlx::Error> for GebruikerFout {
    fn from(e: sqlx::Error) -> Self {
        GebruikerFout::Store(StoreError::Sql(e))
    }
}

/// A role for one gemeente; the order is the order of rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rol {
    /// Reads figures, plans and reports.
    Lezer,
    /// Also imports data and edits plans.
    Bewerker,
    /// Also manages the gemeente's users.
    Beheerder,
}

impl Rol {
    pub const ALLE: [Rol; 3] = [Rol::Lezer, Rol::Bewerker, Rol::Beheerder];

    pub fn as_str(self) -> &'static str {
        match self {
            Rol::Lezer => "lezer",
            Rol::Bewerker => "bewerker",
            Rol::Beheerder => "beheerder",
        }
    }
}

impl fmt::Display for Rol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Rol {
    type Err = String;
    /// `lezer`, `bewerker`, `beheerder` (or `viewer`, `editor`, `admin`), any case.
    fn from_str(s: &str) -> Result<Rol, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "lezer" | "viewer" => Ok(Rol::Lezer),
            "bewerker" | "editor" => Ok(Rol::Bewerker),
            "beheerder" | "admin" => Ok(Rol::Beheerder),
            _ => Err(format!("\"{}\" is geen rol (kies lezer, bewerker of beheerder)", s.trim())),
        }
    }
}

/// A user with its roles, sorted by gemeente.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gebruiker {
    pub id: i64,
    pub naam: String,
    pub rollen: Vec<(GemeenteCode, Rol)>,
}

impl Gebruiker {
    /// The role for that gemeente; `None` means no access.
    pub fn rol(&self, gemeente: &GemeenteCode) -> Option<Rol> {
        self.rollen.iter().find(|(g, _)| g == gemeente).map(|(_, r)| *r)
    }

    pub fn mag_lezen(&self, g: &GemeenteCode) -> bool {
        self.rol(g).is_some()
    }

    pub fn mag_bewerken(&self, g: &GemeenteCode) -> bool {
        self.rol(g) >= Some(Rol::Bewerker)
    }

    pub fn is_beheerder(&self, g: &GemeenteCode) -> bool {
        self.rol(g) == Some(Rol::Beheerder)
    }

    /// The gemeenten this user may see, sorted.
    pub fn gemeenten(&self) -> Vec<GemeenteCode> {
        let mut v: Vec<GemeenteCode> = self.rollen.iter().map(|(g, _)| *g).collect();
        v.sort();
        v.dedup();
        v
    }
}

/// A user name as stored: trimmed and lowercase.
pub(super) fn normaliseer(naam: &str) -> String {
    naam.trim().to_lowercase()
}

pub(super) fn geldige_naam(naam: &str) -> Result<String, GebruikerFout> {
    let n = normaliseer(naam);
    let ok = !n.is_empty()
        && n.chars().count() <= MAX_NAAM
        && n.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '@' | '-'));
    if ok {
        Ok(n)
    } else {
        Err(GebruikerFout::OngeldigeNaam(naam.to_string()))
    }
}

pub(super) fn sterk_genoeg(wachtwoord: &str) -> Result<(), GebruikerFout> {
    let n = wachtwoord.chars().count();
    if n < MIN_WACHTWOORD {
        Err(GebruikerFout::WachtwoordTeKort)
    } else if n > MAX_WACHTWOORD {
        Err(GebruikerFout::WachtwoordTeLang)
    } else {
        Ok(())
    }
}
