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

pub use crate::csvlees::{lees_csv, lees_risicos, lees_tabel, lees_xlsx, tabel_uit_csv, tabel_uit_xlsx, PlanFout, Tabel, RISICO_KOLOMMEN};

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

/// The field that makes a record invalid, in Dutch; shown as `kosten: …`
/// (the web and the API) or `--kosten: …` (the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VeldFout {
    pub veld: &'static str,
    pub melding: String,
}

impl fmt::Display for VeldFout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.veld, self.melding)
    }
}

impl std::error::Error for VeldFout {}

fn veld_fout(veld: &'static str, melding: &str) -> VeldFout {
    VeldFout { veld, melding: melding.into() }
}

impl Statusupdate {
    /// The one rule a status holds beyond its types: costs are not negative.
    pub fn controleer(&self) -> Result<(), VeldFout> {
        match self.kosten {
            Some(k) if k.is_negative() => {
                Err(veld_fout("kosten", "kosten zijn niet negatief; corrigeer een kwartaal door het opnieuw vast te leggen"))
            }
            _ => Ok(()),
        }
    }
}

impl Evaluatie {
    /// A verdict needs its reasoning.
    pub fn controleer(&self) -> Result<(), VeldFout> {
        if self.toelichting.trim().is_empty() {
            return Err(veld_fout("toelichting", "leeg; onderbouw het oordeel"));
        }
        Ok(())
    }
}

impl Risico {
    /// A risk needs its description and its control.
    pub fn controleer(&self) -> Result<(), VeldFout> {
        if self.risico.trim().is_empty() {
            return Err(veld_fout("risico", "leeg; beschrijf het risico"));
        }
        if self.beheersmaatregel.trim().is_empty() {
            return Err(veld_fout("beheersmaatregel", "leeg; noem de beheersmaatregel"));
        }
        Ok(())
    }
}

/// The bundled plan file (seed 001, transcribed).
pub const VOORBEELD_CSV: &str = include_str!("../../../data/aanvalsplan-deventer-2022.csv");
/// Its source.
pub const VOORBEELD_BRON: &str =
    "data/aanvalsplan-deventer-2022.csv, overgenomen uit Aanvalsplan BUIG 2022-2023 gemeente Deventer (seed 001_b5b289654efa9f68.txt)";

/// The bundled risks of that plan (seed 001, hoofdstuk 6).
pub const VOORBEELD_RISICOS_CSV: &str = include_str!("../../../data/aanvalsplan-deventer-2022-risicos.csv");

/// The evaluation per action of that plan (seed 002, bijlage "Evaluatie
/// Actieplan BUIG per maatregel", sent to the council in March 2024),
/// transcribed: the seed's proposal per action mapped onto its own three
/// choices "stoppen, regelen in de reguliere afspraken / regulier werk of
/// vervolg aan geven i.h.k.v. vangnetaanvraag 2023".
pub const VOORBEELD_EVALUATIE_CSV: &str = include_str!("../../../data/aanvalsplan-deventer-2022-evaluatie.csv");

/// The bundled evaluations of the Deventer plan.
pub fn voorbeeld_evaluaties() -> Vec<Evaluatie> {
    let t = tabel_uit_csv(VOORBEELD_EVALUATIE_CSV.as_bytes()).expect("the bundled evaluations are valid CSV");
    t.rijen
        .iter()
        .inspect(|(n, r)| assert_eq!(r.len(), 4, "row {n} of the bundled evaluations has four fields"))
        .map(|(_, r)| Evaluatie {
            actie: r[0].clone(),
            datum: lees_datum(&r[1]).expect("a bundled date"),
            oordeel: r[2].parse().expect("a bundled verdict"),
            toelichting: r[3].clone(),
        })
        .collect()
}

/// The governance of that plan, summarised from seed 001 hoofdstuk 3 "Organisatie".
pub const VOORBEELD_STURING: &str = "Stuurgroep (opdrachtgever: neemt beslissingen, stelt prioriteiten, borgt capaciteit en draagvlak; \
bestuurlijk opdrachtgever en voorzitter Rob de Geest, ambtelijk opdrachtgever Wim de Jong). Kerngroep (opdrachtnemer en \
eerstverantwoordelijke voor de uitvoering; elk lid stuurt één actielijn aan; overlegt maandelijks en presenteert elk kwartaal \
doelbereik, afwijkingen en dilemma's aan de stuurgroep). Monitoringteam (indicatoren, dashboard voor stuurgroep en kerngroep, \
nulmeting van output- en outcome-indicatoren). Mijlpalen: tussentijdse meting per kwartaal in de Q-rapportage, eindrapportage \
15 december 2023, evaluatie januari 2024.";

/// Deventer's Aanvalsplan BUIG 2022–2023 for GM0150, as seed 001 states it:
/// 25 actions in three lines; taakstelling 2 × € 1,5 miljoen (2022 and
/// 2023), at least 300 extra outflow; baseline ("nulmeting") in December
/// 2022 — the seed names the month only, stored as its last day; its
/// governance (hoofdstuk 3) and its six risks with controls (hoofdstuk 6).
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
        sturing: Some(VOORBEELD_STURING.into()),
    };
    let mut plan = lees_csv(VOORBEELD_CSV.as_bytes(), kop).expect("the bundled plan is valid");
    let risicos = tabel_uit_csv(VOORBEELD_RISICOS_CSV.as_bytes()).expect("the bundled risks are valid CSV");
    plan.risicos = lees_risicos(&risicos).expect("the bundled risks are valid");
    plan
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

/// One action with its latest status and computed progress, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActieRegel {
    #[serde(flatten)]
    pub actie: Actie,
    pub laatste_status: Option<Statusupdate>,
    /// How far the latest realised value has come from `startwaarde` (else
    /// 0) towards `doelwaarde`, in percent (one decimal): `(g − s) ÷ (d − s)`;
    /// `None` when either is unknown or target and start are equal.
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub realisatie_pct: Option<Decimal>,
    /// Costs over all quarters; `None` when no quarter has costs.
    #[serde(with = "buig_core::money::euros_opt")]
    pub kosten: Option<Money>,
    /// `kosten` as a percentage of `budget` (one decimal).
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub kosten_pct_budget: Option<Decimal>,
    /// The latest evaluation.
    pub evaluatie: Option<Evaluatie>,
}

/// Progress of a group of actions (a line or the whole plan), computed from
/// the actions' targets, statuses and costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Voortgang {
    pub acties: usize,
    /// Actions with both a numeric target and a realised value.
    pub acties_gemeten: usize,
    /// Mean of the measured actions' `realisatie_pct`.
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub gemiddelde_realisatie_pct: Option<Decimal>,
    /// Sum of the known budgets.
    #[serde(with = "buig_core::money::euros")]
    pub budget: Money,
    pub acties_zonder_budget: usize,
    /// Sum of the recorded costs.
    #[serde(with = "buig_core::money::euros")]
    pub kosten: Money,
    /// Costs of the actions that have a budget, as a percentage of their budgets.
    #[serde(serialize_with = "buig_core::money::ser_getal_opt")]
    pub kosten_pct_budget: Option<Decimal>,
    /// Actions per latest status (`op_schema`, …) and `geen` for none yet.
    pub per_status: BTreeMap<String, usize>,
    /// Actions per latest evaluation verdict; `geen` for not evaluated.
    pub per_oordeel: BTreeMap<String, usize>,
}

/// `deel / geheel × 100` with one decimal; `None` for a zero whole.
fn pct(deel: Decimal, geheel: Decimal) -> Option<Decimal> {
    (!geheel.is_zero()).then(|| {
        let mut p = (deel * Decimal::ONE_HUNDRED / geheel).round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        p.rescale(1);
        p
    })
}

fn money_dec(m: Money) -> Decimal {
    m.to_decimal()
}

fn voortgang<'a>(regels: impl Iterator<Item = &'a ActieRegel>) -> Voortgang {
    let mut v = Voortgang {
        acties: 0,
        acties_gemeten: 0,
        gemiddelde_realisatie_pct: None,
        budget: Money::ZERO,
        acties_zonder_budget: 0,
        kosten: Money::ZERO,
        kosten_pct_budget: None,
        per_status: BTreeMap::new(),
        per_oordeel: BTreeMap::new(),
    };
    let (mut som_pct, mut kosten_met_budget) = (Decimal::ZERO, Money::ZERO);
    for r in regels {
        v.acties += 1;
        if let Some(p) = r.realisatie_pct {
            v.acties_gemeten += 1;
            som_pct += p;
        }
        match r.actie.budget {
            Some(b) => {
                v.budget += b;
                kosten_met_budget += r.kosten.unwrap_or(Money::ZERO);
            }
            None => v.acties_zonder_budget += 1,
        }
        v.kosten += r.kosten.unwrap_or(Money::ZERO);
        *v.per_status.entry(r.laatste_status.as_ref().map_or("geen", |u| u.status.code()).to_string()).or_default() += 1;
        *v.per_oordeel.entry(r.evaluatie.as_ref().map_or("geen", |e| e.oordeel.code()).to_string()).or_default() += 1;
    }
    if v.acties_gemeten > 0 {
        let mut p =
            (som_pct / Decimal::from(v.acties_gemeten)).round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        p.rescale(1);
        v.gemiddelde_realisatie_pct = Some(p);
    }
    v.kosten_pct_budget = pct(money_dec(kosten_met_budget), money_dec(v.budget));
    v
}

/// One line with its actions and their progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LijnRegel {
    pub nummer: u8,
    pub naam: String,
    pub acties: Vec<ActieRegel>,
    pub voortgang: Voortgang,
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
    /// The whole plan's progress (as per line).
    pub voortgang: Voortgang,
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
    pub sturing: Option<String>,
    pub actielijnen: Vec<LijnRegel>,
    pub totalen: Totalen,
    /// `null` when there are no spells after the baseline in the database.
    pub sinds_nulmeting: Option<Ontwikkeling>,
    pub risicos: Vec<Risico>,
}

/// One action's row: latest status, realisation against the target, costs
/// against the budget and the latest evaluation.
pub fn actie_regel(a: &Actie, updates: &[Statusupdate], evaluaties: &[Evaluatie]) -> ActieRegel {
    let eigen: Vec<&Statusupdate> = updates.iter().filter(|u| u.actie == a.code).collect();
    let laatste = eigen.iter().max_by_key(|u| u.kwartaal).map(|u| (*u).clone());
    let start = a.startwaarde.unwrap_or(Decimal::ZERO);
    let realisatie_pct = match (laatste.as_ref().and_then(|u| u.gerealiseerd), a.doelwaarde) {
        (Some(g), Some(d)) => pct(g - start, d - start),
        _ => None,
    };
    let kosten = eigen.iter().filter_map(|u| u.kosten).reduce(|x, y| x + y);
    let kosten_pct_budget = match (kosten, a.budget) {
        (Some(k), Some(b)) => pct(money_dec(k), money_dec(b)),
        _ => None,
    };
    let evaluatie = evaluaties.iter().filter(|e| e.actie == a.code).max_by_key(|e| e.datum).cloned();
    ActieRegel { actie: a.clone(), laatste_status: laatste, realisatie_pct, kosten, kosten_pct_budget, evaluatie }
}

/// The overview without evaluations (see [`overzicht_met`]).
pub fn overzicht(plan: &Plan, updates: &[Statusupdate], ontwikkeling: Option<Ontwikkeling>) -> Overzicht {
    overzicht_met(plan, updates, &[], ontwikkeling)
}

/// The overview: every action with its latest status (highest quarter),
/// progress per line and for the plan, and the latest evaluation.
pub fn overzicht_met(plan: &Plan, updates: &[Statusupdate], evaluaties: &[Evaluatie], ontwikkeling: Option<Ontwikkeling>) -> Overzicht {
    let lijnen: Vec<LijnRegel> = plan
        .actielijnen
        .iter()
        .map(|l| {
            let acties: Vec<ActieRegel> =
                plan.acties.iter().filter(|a| a.lijn == l.nummer).map(|a| actie_regel(a, updates, evaluaties)).collect();
            LijnRegel { nummer: l.nummer, naam: l.naam.clone(), voortgang: voortgang(acties.iter()), acties }
        })
        .collect();
    let alles = voortgang(lijnen.iter().flat_map(|l| &l.acties));
    let totalen = Totalen {
        acties: plan.acties.len(),
        budget: alles.budget,
        acties_zonder_budget: alles.acties_zonder_budget,
        effect_uitkeringen: plan.acties.iter().filter_map(|a| a.effect_uitkeringen).sum(),
        acties_zonder_effect: plan.acties.iter().filter(|a| a.effect_uitkeringen.is_none()).count(),
        per_status: alles.per_status.clone(),
        voortgang: alles,
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
        sturing: plan.sturing.clone(),
        actielijnen: lijnen,
        totalen,
        sinds_nulmeting: ontwikkeling,
        risicos: plan.risicos.clone(),
    }
}

/// A stored plan with everything recorded about it: what the overview and
/// an action's page are computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planstand {
    pub plan: Plan,
    pub statussen: Vec<Statusupdate>,
    pub evaluaties: Vec<Evaluatie>,
}

impl Planstand {
    /// The overview ([`overzicht_met`]), with the caseload change since the nulmeting when known.
    pub fn overzicht(&self, ontwikkeling: Option<Ontwikkeling>) -> Overzicht {
        overzicht_met(&self.plan, &self.statussen, &self.evaluaties, ontwikkeling)
    }

    /// The overview with the change since the nulmeting counted from `spells`.
    pub fn overzicht_uit(&self, spells: &[Uitkering]) -> Overzicht {
        self.overzicht(self.plan.nulmeting.and_then(|n| sinds_nulmeting(spells, n)))
    }

    /// One action with its history ([`actie_detail`]); `None` for an unknown code.
    pub fn actie(&self, code: &str) -> Option<ActieDetail> {
        actie_detail(&self.plan, code, &self.statussen, &self.evaluaties)
    }
}

/// One action with its full history, for the action's own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActieDetail {
    pub gemeente: GemeenteCode,
    pub plan: String,
    pub lijn_naam: String,
    #[serde(flatten)]
    pub regel: ActieRegel,
    /// Every quarter's status, oldest first.
    pub historie: Vec<Statusupdate>,
    /// Every evaluation, oldest first.
    pub evaluaties: Vec<Evaluatie>,
    /// `budget − kosten` when the budget is known.
    #[serde(with = "buig_core::money::euros_opt")]
    pub budget_resterend: Option<Money>,
}

/// The action `code` of the plan with its history; `None` for an unknown code.
pub fn actie_detail(plan: &Plan, code: &str, updates: &[Statusupdate], evaluaties: &[Evaluatie]) -> Option<ActieDetail> {
    let code = code.trim().to_uppercase();
    let a = plan.acties.iter().find(|a| a.code == code)?;
    let regel = actie_regel(a, updates, evaluaties);
    let mut historie: Vec<Statusupdate> = updates.iter().filter(|u| u.actie == code).cloned().collect();
    historie.sort_by_key(|u| u.kwartaal);
    let mut evals: Vec<Evaluatie> = evaluaties.iter().filter(|e| e.actie == code).cloned().collect();
    evals.sort_by_key(|e| e.datum);
    Some(ActieDetail {
        gemeente: plan.gemeente,
        plan: plan.titel.clone(),
        lijn_naam: plan.actielijnen.iter().find(|l| l.nummer == a.lijn).map(|l| l.naam.clone()).unwrap_or_default(),
        budget_resterend: a.budget.map(|b| b - regel.kosten.unwrap_or(Money::ZERO)),
        regel,
        historie,
        evaluaties: evals,
    })
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
    if let Some(st) = &o.sturing {
        let _ = writeln!(s, "Sturing: {st}");
    }
    for l in &o.actielijnen {
        let _ = writeln!(s, "\nActielijn {}: {}", l.nummer, l.naam);
        let _ = writeln!(s, "  Voortgang: {}", voortgang_tekst(&l.voortgang));
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
            let mut extra = Vec::new();
            if let Some(p) = a.realisatie_pct {
                extra.push(format!("{} van het doel", pct_tekst(p)));
            }
            match (a.kosten, x.budget) {
                (Some(k), Some(b)) => extra.push(format!("besteed {} van budget {}", buig_core::nl::money(k), buig_core::nl::money(b))),
                (Some(k), None) => extra.push(format!("besteed {} (geen budget opgegeven)", buig_core::nl::money(k))),
                (None, Some(b)) => extra.push(format!("budget {}, nog geen kosten geboekt", buig_core::nl::money(b))),
                (None, None) => {}
            }
            if let Some(e) = &a.evaluatie {
                extra.push(format!("evaluatie {}: {}", buig_core::nl::date_short(e.datum), e.oordeel.tekst()));
            }
            if !extra.is_empty() {
                let _ = writeln!(s, "      {}", extra.join("; "));
            }
        }
    }
    let t = &o.totalen;
    let _ = writeln!(s, "\nTotaal: {} acties in {} actielijnen.", t.acties, o.actielijnen.len());
    let statussen: Vec<String> = t.per_status.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    let _ = writeln!(s, "Laatste status per actie — {}.", statussen.join(", "));
    let _ = writeln!(s, "Voortgang plan: {}", voortgang_tekst(&t.voortgang));
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
    if !o.risicos.is_empty() {
        let _ = writeln!(s, "\nRisico's en beheersmaatregelen:");
        for r in &o.risicos {
            let niveau = |n: Option<Niveau>| n.map_or("onbekend", Niveau::code);
            let _ = writeln!(s, "  {}. {}", r.nummer, r.risico);
            let _ = writeln!(s, "     beheersing: {}", r.beheersmaatregel);
            if r.eigenaar.is_some() || r.kans.is_some() || r.impact.is_some() {
                let _ = writeln!(
                    s,
                    "     eigenaar: {}; kans: {}; impact: {}",
                    r.eigenaar.as_deref().unwrap_or("onbekend"),
                    niveau(r.kans),
                    niveau(r.impact)
                );
            }
        }
    }
    s
}

/// One action with its history as Dutch text (`buig plan actie`).
pub fn render_actie(d: &ActieDetail) -> String {
    use std::fmt::Write;
    let a = &d.regel.actie;
    let nl_getal = |g: Decimal| buig_core::nl::getal(g, g.scale());
    let mut s = String::new();
    let _ = writeln!(s, "{} {} — {} ({})", a.code, a.titel, d.plan, d.gemeente);
    let _ = writeln!(s, "Actielijn {}: {}", a.lijn, d.lijn_naam);
    if !a.doelstelling.is_empty() {
        let _ = writeln!(s, "Doelstelling: {}", a.doelstelling);
    }
    if let Some(w) = a.doelwaarde {
        let vanaf = a.startwaarde.map(|v| format!(" (vanaf {})", nl_getal(v))).unwrap_or_default();
        let _ = writeln!(s, "Doelwaarde: {} {}{vanaf}", nl_getal(w), a.eenheid.as_deref().unwrap_or(""));
    }
    let _ = writeln!(s, "Trekker: {}", a.trekker.as_deref().unwrap_or("onbekend"));
    if let Some(p) = &a.planning {
        let _ = writeln!(s, "Planning: {p}");
    }
    let periode = match (a.start, a.eind) {
        (Some(b), Some(e)) => format!("{b} t/m {e}"),
        (Some(b), None) => format!("vanaf {b}"),
        (None, Some(e)) => format!("t/m {e}"),
        (None, None) => "niet opgegeven".into(),
    };
    let _ = writeln!(s, "Looptijd: {periode}");
    if let Some(so) = a.soort {
        let _ = writeln!(s, "Soort: {}", so.code());
    }
    if let Some(e) = a.effect_uitkeringen {
        let _ = writeln!(s, "Verwacht effect: {} uitkeringen minder", getal(e));
    }
    let budget = match (a.budget, d.regel.kosten) {
        (Some(b), k) => format!(
            "budget {}, besteed {}{}, resterend {}",
            buig_core::nl::money(b),
            buig_core::nl::money(k.unwrap_or(Money::ZERO)),
            d.regel.kosten_pct_budget.map(|p| format!(" ({})", pct_tekst(p))).unwrap_or_default(),
            buig_core::nl::money(d.budget_resterend.unwrap_or(b))
        ),
        (None, Some(k)) => format!("geen budget opgegeven, besteed {}", buig_core::nl::money(k)),
        (None, None) => "geen budget en geen kosten opgegeven".into(),
    };
    let _ = writeln!(s, "Kosten: {budget}");
    if let Some(p) = d.regel.realisatie_pct {
        let _ = writeln!(s, "Realisatie: {} van de doelwaarde (laatste kwartaal)", pct_tekst(p));
    }
    let _ = writeln!(s, "\nStatus per kwartaal:");
    if d.historie.is_empty() {
        let _ = writeln!(s, "  nog geen status vastgelegd");
    }
    for u in &d.historie {
        let g = u.gerealiseerd.map(|g| format!("; gerealiseerd {}", nl_getal(g))).unwrap_or_default();
        let k = u.kosten.map(|k| format!("; kosten {}", buig_core::nl::money(k))).unwrap_or_default();
        let n = u.notitie.as_deref().map(|n| format!("; {n}")).unwrap_or_default();
        let _ = writeln!(s, "  {}  {}{g}{k}{n}", u.kwartaal, u.status.tekst());
    }
    let _ = writeln!(s, "\nEvaluaties:");
    if d.evaluaties.is_empty() {
        let _ = writeln!(s, "  nog niet geëvalueerd");
    }
    for e in &d.evaluaties {
        let _ = writeln!(s, "  {}  {}: {}", buig_core::nl::date_short(e.datum), e.oordeel.tekst(), e.toelichting);
    }
    s
}

/// `37,5%`.
pub fn pct_tekst(p: Decimal) -> String {
    format!("{}%", buig_core::nl::getal(p, 1))
}

/// A line's or the plan's progress in one Dutch sentence.
pub fn voortgang_tekst(v: &Voortgang) -> String {
    let gemeten = match v.gemiddelde_realisatie_pct {
        Some(p) => format!("{} van {} acties gemeten, gemiddeld {} van het doel", v.acties_gemeten, v.acties, pct_tekst(p)),
        None => format!("van geen van de {} acties is een gerealiseerde waarde bij een doelwaarde bekend", v.acties),
    };
    let geld = if v.acties_zonder_budget == v.acties {
        if v.kosten == Money::ZERO {
            "geen budget en geen kosten opgegeven".to_string()
        } else {
            format!("besteed {} zonder opgegeven budget", buig_core::nl::money(v.kosten))
        }
    } else {
        let p = v.kosten_pct_budget.map(|p| format!(" ({})", pct_tekst(p))).unwrap_or_default();
        format!("besteed {} van budget {}{p}", buig_core::nl::money(v.kosten), buig_core::nl::money(v.budget))
    };
    format!("{gemeten}; {geld}.")
}

/// A date argument: `2022-12-31`.
pub fn lees_datum(s: &str) -> Result<Date, String> {
    s.trim().parse::<Date>().map_err(|_| format!("\"{}\" is geen datum; schrijf JJJJ-MM-DD", s.trim()))
}

/// An exact number: `4`, `2.5`, `2,5`.
pub fn lees_getal(s: &str) -> Result<Decimal, String> {
    Decimal::from_str_exact(&s.trim().replace(',', ".")).map_err(|_| format!("\"{}\" is geen getal", s.trim()))
}
