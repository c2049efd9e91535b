// SPDX-License-Identifier: EUPL-1.2
//! The answer of the rules engine for one year: every intermediate figure
//! of the conditions, the tiers and the commission's steps, kept whole so
//! that every view (CLI, web, documents) reads the same result. The JSON
//! keys are a contract (`buig vangnet --json`): add keys, never rename them.

use std::fmt;

// Percentages as numbers with at most two decimals (8.21), half away from zero.
use buig_core::percentage::{ser_twee_decimalen as ser_pct, ser_twee_decimalen_opt as ser_pct_opt};
use buig_core::records::BudgetSoort;
use buig_core::{money, Money, Percentage, Year};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::table::Status;

/// The route whose conditions and tiers decide the payout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Route {
    /// The regular threshold and the cumulative condition b.
    #[serde(rename = "regulier")]
    Regulier,
    /// The extended route of 2025 on (verlaagde drempel, Stb. 2025, 222).
    #[serde(rename = "verlaagde drempel")]
    VerlaagdeDrempel,
}

impl Route {
    pub fn tekst(self) -> &'static str {
        match self {
            Route::Regulier => "regulier",
            Route::VerlaagdeDrempel => "verlaagde drempel",
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tekst())
    }
}

/// The form of the request (condition e). In JSON its name: `basisverzoek`,
/// `uitgebreid verzoek`, or the single form of the years before 2018.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formulier {
    /// No vangnetuitkering was granted over the years the rule looks back on.
    Basisverzoek,
    /// Aanhoudend tekort: additional internal and external measures must be declared.
    UitgebreidVerzoek,
    /// The one form of a year before the two forms (up to payment year 2017), by its name.
    Enkel(String),
}

impl Formulier {
    pub fn tekst(&self) -> &str {
        match self {
            Formulier::Basisverzoek => "basisverzoek",
            Formulier::UitgebreidVerzoek => "uitgebreid verzoek",
            Formulier::Enkel(naam) => naam,
        }
    }
}

impl fmt::Display for Formulier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tekst())
    }
}

impl Serialize for Formulier {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tekst())
    }
}

/// One route's checklist: its threshold, its two financial conditions, its
/// verdict and what its tiers would pay, with the status of the rules that
/// decide it. A year with two routes has two of these.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteToets {
    pub route: Route,
    #[serde(serialize_with = "ser_pct")]
    pub drempel_percentage: Percentage,
    #[serde(serialize_with = "ser_cents")]
    pub drempel_bedrag: Decimal,
    pub voorwaarde_a: bool,
    /// `null` when a year the condition needs is missing.
    pub voorwaarde_b: Option<bool>,
    pub recht: Option<bool>,
    /// What this route's tiers pay when its conditions hold (whole euros).
    #[serde(with = "money::euros")]
    pub uitkering: Money,
    /// The least certain status among the rules that decide this route.
    pub status: Status,
}

/// One of the commission's published steps (SPEC §3): `1a`/`A` … `7`/`I`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stap {
    pub stap: String,
    pub symbool: String,
    pub omschrijving: String,
    /// Euros; `null` when the input did not contain it.
    #[serde(serialize_with = "money::ser_getal_opt")]
    pub bedrag: Option<Decimal>,
}

/// What one tier contributes: the part of the shortfall inside it and the
/// compensation for that part (both exact, shown to the cent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TredeUitkomst {
    pub symbool: String,
    #[serde(serialize_with = "ser_pct")]
    pub van_percentage: Percentage,
    #[serde(serialize_with = "ser_pct_opt")]
    pub tot_percentage: Option<Percentage>,
    #[serde(serialize_with = "ser_pct")]
    pub vergoeding_percentage: Percentage,
    #[serde(serialize_with = "ser_cents")]
    pub deel_tekort: Decimal,
    #[serde(serialize_with = "ser_cents")]
    pub bedrag: Decimal,
    pub status: Status,
}

/// One year of the specification (bijlage 1): budget, lasten, baten,
/// correcties, tekort and its percentage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JaarRegel {
    pub jaar: Year,
    #[serde(with = "money::euros_opt")]
    pub budget: Option<Money>,
    #[serde(with = "money::euros_opt")]
    pub lasten: Option<Money>,
    #[serde(with = "money::euros_opt")]
    pub baten: Option<Money>,
    #[serde(with = "money::euros_opt")]
    pub correcties: Option<Money>,
    #[serde(with = "money::euros")]
    pub tekort: Money,
    #[serde(serialize_with = "ser_pct_opt")]
    pub tekort_percentage: Option<Percentage>,
}

/// The 2025 extended route (verlaagde drempel), when the rule has one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerlaagdeDrempelUitkomst {
    #[serde(serialize_with = "ser_pct")]
    pub drempel_percentage: Percentage,
    #[serde(serialize_with = "ser_cents")]
    pub drempel_bedrag: Decimal,
    pub voorwaarde_a: bool,
    /// The shortfall (≥, of each year's own budget) that makes a window year count.
    #[serde(serialize_with = "ser_pct")]
    pub minimum_percentage: Percentage,
    /// The years of the window checked for a shortfall of at least the minimum.
    pub jaren: Vec<Year>,
    /// Those of them with such a shortfall.
    pub jaren_met_tekort: Vec<Year>,
    /// Those whose figures were missing.
    pub jaren_onbekend: Vec<Year>,
    pub voorwaarde_b: Option<bool>,
    pub recht: Option<bool>,
    #[serde(serialize_with = "ser_cents")]
    pub uitkering_exact: Decimal,
}

/// The complete answer for one year. The JSON keys are a contract
/// (issue "Start here"); add keys, never rename them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VangnetResult {
    pub jaar: Year,
    pub gemeente: Option<String>,
    pub inwoners: Option<u64>,
    /// The user's note on the figures, as given.
    pub opmerking: Option<String>,
    /// Id of the rule period applied.
    pub regel: String,
    pub regel_titel: String,
    /// `onbevestigd` when an unconfirmed quantity decided the outcome.
    pub status: Status,
    #[serde(with = "money::euros")]
    pub budget: Money,
    #[serde(with = "money::euros")]
    pub tekort: Money,
    /// T_t / B_t in percent, rounded to two decimals for display; the
    /// conditions are decided on the exact ratio.
    #[serde(serialize_with = "ser_pct")]
    pub tekort_percentage: Percentage,
    #[serde(serialize_with = "ser_pct")]
    pub drempel_percentage: Percentage,
    #[serde(serialize_with = "ser_cents")]
    pub drempel_bedrag: Decimal,
    pub voorwaarde_a: bool,
    pub meerjarig_jaren: Vec<Year>,
    #[serde(with = "money::euros_opt")]
    pub meerjarig_tekort: Option<Money>,
    #[serde(serialize_with = "ser_pct_opt")]
    pub meerjarig_percentage: Option<Percentage>,
    #[serde(serialize_with = "ser_pct_opt")]
    pub meerjarig_drempel_percentage: Option<Percentage>,
    #[serde(serialize_with = "ser_opt_cents")]
    pub meerjarig_drempel_bedrag: Option<Decimal>,
    /// `null` when a year the condition needs is missing.
    pub voorwaarde_b: Option<bool>,
    pub verlaagde_drempel: Option<VerlaagdeDrempelUitkomst>,
    /// The route whose figures are shown.
    pub route: Route,
    /// Every route of the year with its own checklist (one, or two from 2025).
    pub routes: Vec<RouteToets>,
    /// The verdict in words: `recht via de reguliere route`, `recht via de
    /// verlaagde drempel`, `geen recht` or `nog niet vast te stellen`.
    pub oordeel: String,
    /// A vangnetuitkering granted over one of `aanhoudend_jaren`; `null`
    /// when it is not stated whether one was (never assumed).
    pub aanhoudend_tekort: Option<bool>,
    /// The earlier years condition e looks at (empty where it does not exist).
    pub aanhoudend_jaren: Vec<Year>,
    /// Financial conditions met; `null` when the input cannot tell.
    pub recht: Option<bool>,
    /// Whole euros; `null` when `recht` is `null`.
    #[serde(with = "money::euros_opt")]
    pub vangnetuitkering: Option<Money>,
    /// What the payout would be if the open conditions turn out to be met (whole euros).
    #[serde(with = "money::euros")]
    pub vangnetuitkering_indien_recht: Money,
    /// The part of the shortfall the gemeente bears itself.
    #[serde(with = "money::euros_opt")]
    pub eigen_risico: Option<Money>,
    /// `null` while condition e is unknown.
    pub formulier: Option<Formulier>,
    pub instemming_raad: bool,
    /// The last day the commission must have received the request (`2024-08-15` in JSON).
    pub uiterste_indiendatum: Date,
    /// The day this answer was given.
    pub datum: Date,
    /// Has the deadline passed on `datum`?
    pub termijn_verstreken: bool,
    /// Days from `datum` to the deadline (negative once it has passed).
    pub dagen_tot_termijn: i64,
    /// The decision the budget of the year comes from.
    pub beschikking: BudgetSoort,
    /// The budget without art. 7 Besluit Participatiewet, when given: the thresholds are taken of it.
    #[serde(with = "money::euros_opt")]
    pub budget_zonder_art7: Option<Money>,
    pub jaren: Vec<JaarRegel>,
    pub treden: Vec<TredeUitkomst>,
    pub stappen: Vec<Stap>,
    pub uitleg: Vec<String>,
    pub bronnen: Vec<String>,
    pub waarschuwingen: Vec<String>,
    /// The unconfirmed quantities that decided the outcome.
    pub onbevestigd: Vec<String>,
}

// --- JSON number output: euros and percentages as numbers, never via arithmetic on floats ---

pub(crate) fn ser_cents<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    money::serialize_euros(money::round_to_cents(*d), s)
}

pub(crate) fn ser_opt_cents<S: serde::Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    money::ser_getal_opt(&d.map(money::round_to_cents), s)
}
