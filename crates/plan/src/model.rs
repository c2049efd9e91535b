// SPDX-License-Identifier: EUPL-1.2
//! The plan model: a plan with its action lines, actions, risks and the
//! plan-level fields of an import ([`PlanKop`]); quarters, statuses and
//! status updates; evaluations with their verdict. Each coded value reads
//! from and writes to its Dutch code (`FromStr`, `code`).

use std::fmt;
use std::str::FromStr;

use buig_core::{GemeenteCode, Money};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

/// A plan: plan-level targets and its lines and actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub gemeente: GemeenteCode,
    pub titel: String,
    /// First day of the period the plan covers, when known.
    pub van: Option<Date>,
    /// Last day of the period the plan covers, when known.
    pub tot: Option<Date>,
    /// Target: this many fewer benefits (uitkeringen) than at the baseline.
    pub doel_uitkeringen: Option<i64>,
    /// Target in euros per year (the taakstelling).
    #[serde(with = "buig_core::money::euros_opt")]
    pub doel_euro: Option<Money>,
    /// The baseline date; the caseload is counted at the end of its month.
    pub nulmeting: Option<Date>,
    /// Where the plan comes from (document or file name).
    pub bron: String,
    /// Governance: who steers and how progress is reported (free text).
    pub sturing: Option<String>,
    pub actielijnen: Vec<Actielijn>,
    pub acties: Vec<Actie>,
    /// Risks with their controls, in plan order.
    pub risicos: Vec<Risico>,
}

/// A level for a risk's likelihood or impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Niveau {
    Laag,
    Midden,
    Hoog,
}

impl Niveau {
    pub fn code(self) -> &'static str {
        match self {
            Niveau::Laag => "laag",
            Niveau::Midden => "midden",
            Niveau::Hoog => "hoog",
        }
    }
}

impl FromStr for Niveau {
    type Err = String;
    fn from_str(s: &str) -> Result<Niveau, String> {
        match s.trim().to_lowercase().as_str() {
            "laag" => Ok(Niveau::Laag),
            "midden" | "middel" | "gemiddeld" => Ok(Niveau::Midden),
            "hoog" => Ok(Niveau::Hoog),
            o => Err(format!("\"{o}\" is geen niveau: gebruik laag, midden of hoog")),
        }
    }
}

/// A risk of the plan with its control measures (seed 001, hoofdstuk 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Risico {
    /// 1, 2, … in plan order.
    pub nummer: u32,
    pub risico: String,
    pub beheersmaatregel: String,
    pub eigenaar: Option<String>,
    pub kans: Option<Niveau>,
    pub impact: Option<Niveau>,
}

/// An action line: `1` Voorkómen dat Deventenaren in de uitkering instromen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actielijn {
    pub nummer: u8,
    pub naam: String,
}

/// Internal or external measure (the vangnet statement asks for both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Soort {
    Intern,
    Extern,
}

impl FromStr for Soort {
    type Err = String;
    fn from_str(s: &str) -> Result<Soort, String> {
        match s.trim().to_lowercase().as_str() {
            "intern" => Ok(Soort::Intern),
            "extern" => Ok(Soort::Extern),
            o => Err(format!("\"{o}\" is geen soort: gebruik intern of extern")),
        }
    }
}

impl Soort {
    pub fn code(self) -> &'static str {
        match self {
            Soort::Intern => "intern",
            Soort::Extern => "extern",
        }
    }
}

/// One action of the plan. Unknown fields stay `None`, never zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actie {
    /// The action line's number (the first character of `code`).
    pub lijn: u8,
    /// `1A`, `3N`.
    pub code: String,
    pub titel: String,
    /// The measurable target as the plan states it.
    pub doelstelling: String,
    /// The unit of `doelwaarde` (`uitstroom`, `jongeren minder instroom`).
    pub eenheid: Option<String>,
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub doelwaarde: Option<Decimal>,
    /// Where the action starts from in the same unit (320 jongeren in de
    /// uitkering); unknown counts as 0, a target to reach from nothing.
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub startwaarde: Option<Decimal>,
    pub trekker: Option<String>,
    /// The planning as the plan states it.
    pub planning: Option<String>,
    pub start: Option<Kwartaal>,
    pub eind: Option<Kwartaal>,
    #[serde(with = "buig_core::money::euros_opt")]
    pub budget: Option<Money>,
    pub soort: Option<Soort>,
    /// Expected effect in benefits (positive = fewer benefits).
    pub effect_uitkeringen: Option<i64>,
    /// Expected effect in euros per year.
    #[serde(with = "buig_core::money::euros_opt")]
    pub effect_euro: Option<Money>,
}

/// A quarter: `2023-K2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Kwartaal {
    pub jaar: i16,
    /// 1–4.
    pub k: u8,
}

impl FromStr for Kwartaal {
    type Err = String;
    fn from_str(s: &str) -> Result<Kwartaal, String> {
        let t = s.trim();
        let fout = || format!("\"{t}\" is geen kwartaal: schrijf JJJJ-Kn, bijvoorbeeld 2023-K2");
        let (j, k) = t.split_once(['-']).ok_or_else(fout)?;
        let k = k.strip_prefix(['K', 'k', 'Q', 'q']).ok_or_else(fout)?;
        let jaar: i16 = j.parse().map_err(|_| fout())?;
        let k: u8 = k.parse().map_err(|_| fout())?;
        if !(1..=4).contains(&k) || !(1900..=2200).contains(&jaar) {
            return Err(fout());
        }
        Ok(Kwartaal { jaar, k })
    }
}

impl fmt::Display for Kwartaal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-K{}", self.jaar, self.k)
    }
}

impl Serialize for Kwartaal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The status of an action in a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    OpSchema,
    Risico,
    Achter,
    Gereed,
}

impl Status {
    pub const ALLE: [Status; 4] = [Status::OpSchema, Status::Risico, Status::Achter, Status::Gereed];

    pub fn code(self) -> &'static str {
        match self {
            Status::OpSchema => "op_schema",
            Status::Risico => "risico",
            Status::Achter => "achter",
            Status::Gereed => "gereed",
        }
    }

    /// For people: `op schema`.
    pub fn tekst(self) -> &'static str {
        match self {
            Status::OpSchema => "op schema",
            Status::Risico => "risico",
            Status::Achter => "achter op schema",
            Status::Gereed => "gereed",
        }
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Status, String> {
        let t = s.trim().to_lowercase().replace([' ', '-'], "_");
        Status::ALLE
            .into_iter()
            .find(|st| st.code() == t)
            .ok_or_else(|| format!("\"{}\" is geen status: gebruik op_schema, risico, achter of gereed", s.trim()))
    }
}

/// The status of one action in one quarter (the latest write for a quarter wins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statusupdate {
    pub actie: String,
    pub kwartaal: Kwartaal,
    pub status: Status,
    /// Realised so far, in the action's `eenheid`.
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub gerealiseerd: Option<Decimal>,
    /// Costs spent on the action in this quarter.
    #[serde(with = "buig_core::money::euros_opt")]
    pub kosten: Option<Money>,
    pub notitie: Option<String>,
}

/// The verdict of an evaluation (seed 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Oordeel {
    /// Continue the action.
    Voortzetten,
    /// Make it part of the regular work.
    Regulier,
    Stoppen,
}

impl FromStr for Oordeel {
    type Err = String;
    fn from_str(s: &str) -> Result<Oordeel, String> {
        match s.trim().to_lowercase().as_str() {
            "voortzetten" => Ok(Oordeel::Voortzetten),
            "regulier" => Ok(Oordeel::Regulier),
            "stoppen" => Ok(Oordeel::Stoppen),
            o => Err(format!("\"{o}\" is geen oordeel: gebruik voortzetten, regulier of stoppen")),
        }
    }
}

/// The evaluation of an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluatie {
    pub actie: String,
    /// The day of the evaluation (one evaluation per action and day).
    pub datum: Date,
    pub oordeel: Oordeel,
    pub toelichting: String,
}

impl Oordeel {
    pub fn code(self) -> &'static str {
        match self {
            Oordeel::Voortzetten => "voortzetten",
            Oordeel::Regulier => "regulier",
            Oordeel::Stoppen => "stoppen",
        }
    }

    /// For people: `regulier maken`.
    pub fn tekst(self) -> &'static str {
        match self {
            Oordeel::Voortzetten => "voortzetten",
            Oordeel::Regulier => "regulier maken",
            Oordeel::Stoppen => "stoppen",
        }
    }
}

/// The plan-level fields given with an import (not in the CSV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanKop {
    pub gemeente: GemeenteCode,
    pub titel: String,
    pub van: Option<Date>,
    pub tot: Option<Date>,
    pub doel_uitkeringen: Option<i64>,
    pub doel_euro: Option<Money>,
    pub nulmeting: Option<Date>,
    pub bron: String,
    pub sturing: Option<String>,
}
