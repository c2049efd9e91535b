// SPDX-License-Identifier: EUPL-1.2
//! The typed records the product stores: benefit spells, budget decisions,
//! monthly realisation and inhabitants. Importers produce them, the store
//! keeps them, the engines read them. Field names follow the file formats
//! (SPEC §7, `docs/import.md`).

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{GemeenteCode, Money, Year};

/// The scheme a benefit is paid under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Regeling {
    #[serde(rename = "PW")]
    Pw,
    #[serde(rename = "IOAW")]
    Ioaw,
    #[serde(rename = "IOAZ")]
    Ioaz,
    #[serde(rename = "BBZ")]
    Bbz,
}

impl Regeling {
    pub const ALL: [Regeling; 4] = [Regeling::Pw, Regeling::Ioaw, Regeling::Ioaz, Regeling::Bbz];

    pub fn code(self) -> &'static str {
        match self {
            Regeling::Pw => "PW",
            Regeling::Ioaw => "IOAW",
            Regeling::Ioaz => "IOAZ",
            Regeling::Bbz => "BBZ",
        }
    }
}

impl FromStr for Regeling {
    type Err = String;
    /// `PW`, `IOAW`, `IOAZ`, `BBZ`, case-insensitive; `Bbz 2004` and `Participatiewet` too.
    fn from_str(s: &str) -> Result<Regeling, String> {
        let t = s.trim().to_ascii_uppercase();
        match t.as_str() {
            "PW" | "PARTICIPATIEWET" | "WWB" => Ok(Regeling::Pw),
            "IOAW" => Ok(Regeling::Ioaw),
            "IOAZ" => Ok(Regeling::Ioaz),
            "BBZ" | "BBZ 2004" | "BBZ2004" => Ok(Regeling::Bbz),
            _ => Err(format!("\"{}\" is geen regeling (verwacht PW, IOAW, IOAZ of BBZ)", s.trim())),
        }
    }
}

impl fmt::Display for Regeling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A pseudonymised client identifier: a keyed hash, never the raw id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClientPseudoniem(pub String);

/// One benefit spell (uitkering).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uitkering {
    /// From the file's `gemeente` column or the import's `--gemeente`.
    pub gemeente: GemeenteCode,
    pub client: ClientPseudoniem,
    pub regeling: Regeling,
    pub startdatum: Date,
    /// Last day with benefit; `None` = still running.
    pub einddatum: Option<Date>,
    pub reden_einde: Option<String>,
    pub geboortedatum: Option<Date>,
    pub huishouden: Option<String>,
}

/// The three budget decisions of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetSoort {
    Voorlopig,
    NaderVoorlopig,
    Definitief,
}

impl BudgetSoort {
    pub fn code(self) -> &'static str {
        match self {
            BudgetSoort::Voorlopig => "voorlopig",
            BudgetSoort::NaderVoorlopig => "nader_voorlopig",
            BudgetSoort::Definitief => "definitief",
        }
    }
}

impl FromStr for BudgetSoort {
    type Err = String;
    /// `voorlopig`, `nader_voorlopig` (also `nader voorlopig`, `NV`), `definitief`; `V`/`D` too.
    fn from_str(s: &str) -> Result<BudgetSoort, String> {
        let t = s.trim().to_lowercase().replace([' ', '-'], "_");
        match t.as_str() {
            "voorlopig" | "v" => Ok(BudgetSoort::Voorlopig),
            "nader_voorlopig" | "nv" => Ok(BudgetSoort::NaderVoorlopig),
            "definitief" | "d" => Ok(BudgetSoort::Definitief),
            _ => Err(format!("\"{}\" is geen soort beschikking (verwacht voorlopig, nader_voorlopig of definitief)", s.trim())),
        }
    }
}

impl fmt::Display for BudgetSoort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A budget decision (beschikking) of a gemeente for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budgetbeschikking {
    pub gemeente: GemeenteCode,
    pub jaar: Year,
    pub soort: BudgetSoort,
    pub datum: Option<Date>,
    pub bedrag: Money,
    /// The loonkostensubsidie component (BLKS), from 2022.
    pub blks: Option<Money>,
    /// The national macrobudget the decision was based on.
    pub macrobudget: Option<Money>,
    /// The gemeente's share (aandeel) in percent, e.g. `0.62`.
    pub aandeel: Option<Decimal>,
}

/// Realisation of one month: lasten, baten and LKS costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RealisatieMaand {
    pub gemeente: GemeenteCode,
    pub jaar: Year,
    /// 1–12.
    pub maand: u8,
    pub lasten: Money,
    pub baten: Money,
    pub lks: Option<Money>,
}

/// Inhabitants of a gemeente on 1 January of a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inwoners {
    pub gemeente: GemeenteCode,
    pub jaar: Year,
    pub aantal: u64,
}

/// The area of a published comparison series: a gemeente, or the whole
/// country (`NL01`, as CBS StatLine writes Nederland).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Gebied {
    Nederland,
    Gemeente(GemeenteCode),
}

impl FromStr for Gebied {
    type Err = String;
    /// `NL01` (Nederland) or a gemeente code (`GM0150`), case-insensitive,
    /// surrounding spaces ignored (CBS pads its codes: `GM0150    `).
    fn from_str(s: &str) -> Result<Gebied, String> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("NL01") {
            return Ok(Gebied::Nederland);
        }
        t.parse()
            .map(Gebied::Gemeente)
            .map_err(|_| format!("\"{t}\" is geen gebied (verwacht een CBS-gemeentecode zoals GM0150, of NL01 voor Nederland)"))
    }
}

impl fmt::Display for Gebied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gebied::Nederland => f.write_str("NL01"),
            Gebied::Gemeente(g) => write!(f, "{g}"),
        }
    }
}

impl TryFrom<String> for Gebied {
    type Error = String;
    fn try_from(s: String) -> Result<Gebied, String> {
        s.parse()
    }
}

impl From<Gebied> for String {
    fn from(g: Gebied) -> String {
        g.to_string()
    }
}

/// One figure of a published comparison series (e.g. CBS StatLine table
/// 82015NED: benefits per gemeente per month), imported as the user
/// downloaded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vergelijkingswaarde {
    /// The series' name as the file gives it (`CBS 82015NED`).
    pub reeks: String,
    pub gebied: Gebied,
    /// `2023-01` (month), `2023-K1` (quarter) or `2023` (year): the labels of `buig bestand`.
    pub periode: String,
    /// A count, not negative.
    pub waarde: u64,
}

/// Whether a year's figures are realised (jaarrekening, SiSa, twelve months
/// of realisation) or a forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stadium {
    Realisatie,
    Prognose,
}

impl Stadium {
    pub fn code(self) -> &'static str {
        match self {
            Stadium::Realisatie => "realisatie",
            Stadium::Prognose => "prognose",
        }
    }
}

impl FromStr for Stadium {
    type Err = String;
    fn from_str(s: &str) -> Result<Stadium, String> {
        match s.trim().to_lowercase().as_str() {
            "realisatie" => Ok(Stadium::Realisatie),
            "prognose" => Ok(Stadium::Prognose),
            _ => Err(format!("\"{}\" is geen stadium (verwacht realisatie of prognose)", s.trim())),
        }
    }
}

impl fmt::Display for Stadium {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A year's figures of a gemeente as a source states them: the jaarrekening
/// or SiSa (entered by the user), or a seed document. The one type for
/// yearly figures from the store to the engines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jaarcijfer {
    pub jaar: Year,
    pub stadium: Stadium,
    pub lasten: Option<Money>,
    pub budget: Option<Money>,
    /// Negative = overschot.
    pub tekort: Option<Money>,
    /// Only when the source gives just a percentage (Deventer 2022: 9,9%).
    pub tekort_percentage: Option<Decimal>,
    /// The budget as it would have been without art. 7 Besluit
    /// Participatiewet, where that applied: the vangnet thresholds are taken of it.
    pub budget_zonder_art7: Option<Money>,
    /// `bevestigd`, `afgeleid`, …: how sure the source is.
    pub status: String,
    /// The source, by its title.
    pub bron: String,
    pub opmerking: String,
}

/// A prognosis recorded as a report moment of the planning-and-control
/// cycle (`buig prognose --vastleggen`, or the button on the prognosis
/// page): its headline at the peildatum and what it was made of, so every
/// later prognosis of the year can say how it moved since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rapportage {
    pub jaar: Year,
    pub peildatum: Date,
    /// When it was recorded (UTC, RFC 3339).
    pub vastgelegd: String,
    /// Who recorded it; `None` from the command line without a name.
    pub door: Option<String>,
    /// The headline: budget − net costs (positive = overschot).
    pub resultaat: Money,
    pub budget: Money,
    pub netto_lasten: Money,
    /// Benefit-months of the whole year (realised and projected stands summed), one decimal.
    pub volume: Decimal,
    /// Net costs per benefit-month, LKS left out.
    pub prijs: Decimal,
}

/// The council's own words about a vangnet year: the causes of the
/// shortfall (vraag A), the measures taken and, for an aanhoudend tekort,
/// the additional measures. Kept with every earlier version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Toelichting {
    pub jaar: Year,
    /// 1 for the first text of the year, one more for each change.
    pub versie: u32,
    pub oorzaken: String,
    pub maatregelen: String,
    pub aanvullende_maatregelen: String,
    /// When this version was stored (UTC, RFC 3339).
    pub gewijzigd: String,
    pub door: Option<String>,
}

impl Toelichting {
    /// Nothing written.
    pub fn is_leeg(&self) -> bool {
        self.oorzaken.trim().is_empty() && self.maatregelen.trim().is_empty() && self.aanvullende_maatregelen.trim().is_empty()
    }
}

/// The letterhead of a gemeente's documents, set once and used in every
/// council document: the department, the author, the note number and the
/// portefeuillehouder. Empty is not set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Briefhoofd {
    pub afdeling: String,
    pub auteur: String,
    pub notanummer: String,
    pub portefeuillehouder: String,
}

impl Briefhoofd {
    /// The lines under a document's title, in this order, the empty ones left out.
    pub fn kenmerken(&self) -> Vec<(String, String)> {
        [
            ("Afdeling", &self.afdeling),
            ("Auteur", &self.auteur),
            ("Notanummer", &self.notanummer),
            ("Portefeuillehouder", &self.portefeuillehouder),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.to_string(), v.trim().to_string()))
        .collect()
    }
}
