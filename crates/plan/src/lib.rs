//! The aanvalsplan (SPEC §4): a gemeente's action plan against its BUIG
//! deficit — action lines (actielijnen), actions coded `1A`…`3N` with a
//! measurable target, owner (trekker), planning and budget, quarterly status
//! updates and the evaluation of an action (continue / make regular / stop).
//!
//! - [`lees_csv`]: a plan's actions from CSV (`;` or `,`), all or nothing,
//!   with row-precise Dutch errors;
//! - [`voorbeeld_deventer`]: the bundled Aanvalsplan BUIG 2022–2023 of
//!   Deventer (seed 001, `data/aanvalsplan-deventer-2022.csv`);
//! - [`sinds_nulmeting`]: the actual caseload change since the baseline,
//!   computed by `buig-bestand` from the spells;
//! - [`overzicht`], [`render_tekst`]: the plan with its latest statuses and totals.
//!
//! Nothing here reads or writes the database; `buig-store` stores plans.

mod csvlees;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use buig_core::records::Uitkering;
use buig_core::{GemeenteCode, Money};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

pub use crate::csvlees::{lees_csv, PlanFout};

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
    pub actielijnen: Vec<Actielijn>,
    pub acties: Vec<Actie>,
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
    pub oordeel: Oordeel,
    pub toelichting: String,
}

/// The bundled plan file (seed 001, transcribed).
pub const VOORBEELD_CSV: &str = include_str!("../../../data/aanvalsplan-deventer-2022.csv");
/// Its source.
pub const VOORBEELD_BRON: &str =
    "data/aanvalsplan-deventer-2022.csv, overgenomen uit Aanvalsplan BUIG 2022-2023 gemeente Deventer (seed 001_b5b289654efa9f68.txt)";

/// Deventer's Aanvalsplan BUIG 2022–2023 for GM0150, as seed 001 states it:
/// 25 actions in three lines; taakstelling 2 × € 1,5 miljoen (2022 and
/// 2023), at least 300 extra outflow; baseline ("nulmeting") in December
/// 2022 — the seed names the month only, stored as its last day.
pub fn voorbeeld_deventer() -> Plan {
    let kop = PlanKop {
        gemeente: "GM0150".parse().expect("valid code"),
        titel: "Aanvalsplan BUIG 2022-2023".into(),
        van: Some(jiff::civil::date(2022, 1, 1)),
        tot: Some(jiff::civil::date(2023, 12, 31)),
        doel_uitkeringen: Some(300),
        doel_euro: Some(Money::from_euros(1_500_000)),
        nulmeting: Some(jiff::civil::date(2022, 12, 31)),
        bron: VOORBEELD_BRON.into(),
    };
    lees_csv(VOORBEELD_CSV.as_bytes(), kop).expect("the bundled plan is valid")
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
}

/// The actual caseload change since the baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ontwikkeling {
    /// `2022-12`: the baseline month.
    pub nulmeting_maand: String,
    pub stand_nulmeting: u64,
    /// The last month with data (the latest start or end date among the spells).
    pub laatste_maand: String,
    pub stand_laatste: u64,
    /// `stand_laatste − stand_nulmeting` (negative = fewer benefits).
    pub verandering: i64,
}

/// The stock at the end of the baseline month against the stock at the end
/// of the last month with data, from the gemeente's spells via
/// `buig_bestand`. `None` without spells or when no month after the baseline
/// has data (unknown stays unknown).
pub fn sinds_nulmeting(spells: &[Uitkering], nulmeting: Date) -> Option<Ontwikkeling> {
    use buig_bestand::{bereken, Maand, Per, Vraag};
    let laatste = spells.iter().flat_map(|u| std::iter::once(u.startdatum).chain(u.einddatum)).max()?;
    let (van, tot) = (Maand::van_datum(nulmeting), Maand::van_datum(laatste));
    if tot <= van {
        return None;
    }
    let reeks = bereken(spells, &Vraag::new(van, tot, Per::Maand).ok()?);
    let (eerste, laatste) = (reeks.reeks.first()?, reeks.reeks.last()?);
    Some(Ontwikkeling {
        nulmeting_maand: eerste.periode.clone(),
        stand_nulmeting: eerste.stand,
        laatste_maand: laatste.periode.clone(),
        stand_laatste: laatste.stand,
        verandering: laatste.stand as i64 - eerste.stand as i64,
    })
}

/// One action with its latest status, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActieRegel {
    #[serde(flatten)]
    pub actie: Actie,
    pub laatste_status: Option<Statusupdate>,
}

/// One line with its actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LijnRegel {
    pub nummer: u8,
    pub naam: String,
    pub acties: Vec<ActieRegel>,
}

/// Totals over the plan; sums cover only the actions where the figure is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totalen {
    pub acties: usize,
    #[serde(with = "buig_core::money::euros")]
    pub budget: Money,
    pub acties_zonder_budget: usize,
    pub effect_uitkeringen: i64,
    pub acties_zonder_effect: usize,
    /// Actions per latest status (`op_schema`, …) and `geen` for none yet.
    pub per_status: BTreeMap<String, usize>,
}

/// The plan as `buig plan toon` shows it (the JSON of `--json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overzicht {
    pub gemeente: GemeenteCode,
    pub titel: String,
    pub van: Option<Date>,
    pub tot: Option<Date>,
    pub doel_uitkeringen: Option<i64>,
    #[serde(with = "buig_core::money::euros_opt")]
    pub doel_euro: Option<Money>,
    pub nulmeting: Option<Date>,
    pub bron: String,
    pub actielijnen: Vec<LijnRegel>,
    pub totalen: Totalen,
    /// `null` when there are no spells after the baseline in the database.
    pub sinds_nulmeting: Option<Ontwikkeling>,
}

/// The overview: every action with its latest status (highest quarter).
pub fn overzicht(plan: &Plan, updates: &[Statusupdate], ontwikkeling: Option<Ontwikkeling>) -> Overzicht {
    let mut laatste: BTreeMap<&str, &Statusupdate> = BTreeMap::new();
    for u in updates {
        let e = laatste.entry(u.actie.as_str()).or_insert(u);
        if u.kwartaal > e.kwartaal {
            *e = u;
        }
    }
    let mut per_status: BTreeMap<String, usize> = BTreeMap::new();
    let lijnen = plan
        .actielijnen
        .iter()
        .map(|l| LijnRegel {
            nummer: l.nummer,
            naam: l.naam.clone(),
            acties: plan
                .acties
                .iter()
                .filter(|a| a.lijn == l.nummer)
                .map(|a| {
                    let st = laatste.get(a.code.as_str()).map(|u| (*u).clone());
                    *per_status.entry(st.as_ref().map_or("geen", |u| u.status.code()).to_string()).or_default() += 1;
                    ActieRegel { actie: a.clone(), laatste_status: st }
                })
                .collect(),
        })
        .collect();
    let totalen = Totalen {
        acties: plan.acties.len(),
        budget: plan.acties.iter().filter_map(|a| a.budget).sum(),
        acties_zonder_budget: plan.acties.iter().filter(|a| a.budget.is_none()).count(),
        effect_uitkeringen: plan.acties.iter().filter_map(|a| a.effect_uitkeringen).sum(),
        acties_zonder_effect: plan.acties.iter().filter(|a| a.effect_uitkeringen.is_none()).count(),
        per_status,
    };
    Overzicht {
        gemeente: plan.gemeente,
        titel: plan.titel.clone(),
        van: plan.van,
        tot: plan.tot,
        doel_uitkeringen: plan.doel_uitkeringen,
        doel_euro: plan.doel_euro,
        nulmeting: plan.nulmeting,
        bron: plan.bron.clone(),
        actielijnen: lijnen,
        totalen,
        sinds_nulmeting: ontwikkeling,
    }
}

fn getal(n: i64) -> String {
    buig_core::nl::getal(Decimal::from(n), 0)
}

/// `−120` with a real minus sign, `+15`.
fn met_teken(n: i64) -> String {
    match n {
        n if n < 0 => format!("−{}", getal(-n)),
        0 => "0".into(),
        n => format!("+{}", getal(n)),
    }
}

/// The overview as Dutch text.
pub fn render_tekst(o: &Overzicht) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", o.titel, o.gemeente);
    if let (Some(v), Some(t)) = (o.van, o.tot) {
        let _ = writeln!(s, "Periode: {} t/m {}", buig_core::nl::date_short(v), buig_core::nl::date_short(t));
    }
    let doel = match (o.doel_uitkeringen, o.doel_euro) {
        (Some(n), Some(e)) => format!("{} uitkeringen minder en {} per jaar", getal(n), buig_core::nl::money(e)),
        (Some(n), None) => format!("{} uitkeringen minder", getal(n)),
        (None, Some(e)) => format!("{} per jaar", buig_core::nl::money(e)),
        (None, None) => "niet opgegeven".into(),
    };
    let _ = writeln!(s, "Doel: {doel}");
    for l in &o.actielijnen {
        let _ = writeln!(s, "\nActielijn {}: {}", l.nummer, l.naam);
        for a in &l.acties {
            let x = &a.actie;
            let doel = match (&x.doelwaarde, &x.eenheid) {
                (Some(w), Some(e)) => format!("{} {e}", buig_core::nl::getal(*w, w.scale())),
                (Some(w), None) => buig_core::nl::getal(*w, w.scale()),
                _ => "doel: zie doelstelling".into(),
            };
            let status = match &a.laatste_status {
                Some(u) => {
                    let g = u.gerealiseerd.map(|g| format!(", gerealiseerd {}", buig_core::nl::getal(g, g.scale()))).unwrap_or_default();
                    format!("{} {}{g}", u.kwartaal, u.status.tekst())
                }
                None => "nog geen status".into(),
            };
            let _ = writeln!(s, "  {:<3} {}", x.code, x.titel);
            let _ = writeln!(s, "      trekker: {}; {doel}; {status}", x.trekker.as_deref().unwrap_or("onbekend"));
        }
    }
    let t = &o.totalen;
    let _ = writeln!(s, "\nTotaal: {} acties in {} actielijnen.", t.acties, o.actielijnen.len());
    let statussen: Vec<String> = t.per_status.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    let _ = writeln!(s, "Laatste status per actie — {}.", statussen.join(", "));
    if t.acties_zonder_budget == t.acties {
        let _ = writeln!(s, "Budget: per actie niet opgegeven.");
    } else {
        let _ = writeln!(s, "Budget: {} (zonder budget: {} acties).", buig_core::nl::money(t.budget), t.acties_zonder_budget);
    }
    if t.acties_zonder_effect < t.acties {
        let _ =
            writeln!(s, "Verwacht effect: {} uitkeringen (zonder effect: {} acties).", getal(t.effect_uitkeringen), t.acties_zonder_effect);
    }
    match (&o.sinds_nulmeting, o.nulmeting) {
        (Some(ont), _) => {
            let van_doel = o.doel_uitkeringen.map(|d| format!(" van doel {}", getal(d))).unwrap_or_default();
            let _ = writeln!(
                s,
                "Sinds nulmeting: {} uitkeringen{van_doel} (stand eind {}: {}, eind {}: {}).",
                met_teken(ont.verandering),
                ont.nulmeting_maand,
                getal(ont.stand_nulmeting as i64),
                ont.laatste_maand,
                getal(ont.stand_laatste as i64)
            );
        }
        (None, Some(_)) => {
            let _ = writeln!(s, "Sinds nulmeting: onbekend — er zijn geen uitkeringen na de nulmeting in de database.");
        }
        (None, None) => {
            let _ = writeln!(s, "Sinds nulmeting: onbekend — het plan heeft geen nulmeting.");
        }
    }
    s
}

/// A date argument: `2022-12-31`.
pub fn lees_datum(s: &str) -> Result<Date, String> {
    s.trim().parse::<Date>().map_err(|_| format!("\"{}\" is geen datum; schrijf JJJJ-MM-DD", s.trim()))
}

/// An exact number: `4`, `2.5`, `2,5`.
pub fn lees_getal(s: &str) -> Result<Decimal, String> {
    Decimal::from_str_exact(&s.trim().replace(',', ".")).map_err(|_| format!("\"{}\" is geen getal", s.trim()))
}
