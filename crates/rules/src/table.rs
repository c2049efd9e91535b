// SPDX-License-Identifier: EUPL-1.2
//! The vangnet rule table: one [`Rule`] per validity period, read from
//! `data/vangnet.toml` (compiled in), each legal quantity with its unit,
//! its source and its status.
//!
//! Invariants, checked by [`RuleTable::from_toml`] and proved for the
//! bundled table by tests: periods never overlap and leave no gap; every
//! rule's tiers start at its threshold, are contiguous and end open; a year
//! outside the covered span is refused ([`RuleError::NotCovered`]), never
//! extrapolated. Formulas in [`crate::calc`] read every percentage and
//! date from here.

use std::fmt;
use std::sync::OnceLock;

use buig_core::{Percentage, Year};
use serde::{Deserialize, Serialize};

/// How sure a legal quantity is. Ordered from sure to unsure, so the status
/// of an outcome is the maximum of the statuses that decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A source text (the law, the commission's publication for that year) states the quantity.
    Bevestigd,
    /// Reproduced to the euro from a named published decision or seed document,
    /// or taken from a source about another year; not stated for this year itself.
    Afgeleid,
    /// A working hypothesis (SPEC §3 [unverified]): marked "werkhypothese"
    /// wherever an amount depends on it.
    Onbevestigd,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Bevestigd => "bevestigd",
            Status::Afgeleid => "afgeleid",
            Status::Onbevestigd => "onbevestigd",
        })
    }
}

/// A cited legal percentage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitedPercentage {
    pub percentage: Percentage,
    /// What the percentage is taken of, in words (the unit).
    pub eenheid: String,
    pub bron: String,
    pub status: Status,
}

/// Condition a: the year's own shortfall must be *more than* this share of B_t.
pub type Drempel = CitedPercentage;

/// Condition b: the shortfalls of the years `t - jaren_terug ..= t` summed
/// (surpluses negative) must be more than `percentage` of B_t.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meerjarig {
    pub jaren_terug: i32,
    pub percentage: Percentage,
    pub eenheid: String,
    pub bron: String,
    pub status: Status,
}

/// A compensation tier: `vergoeding` percent of the part of the shortfall
/// between `van` and `tot` percent of B_t (`tot` absent: no upper bound).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trede {
    pub van: Percentage,
    pub tot: Option<Percentage>,
    pub vergoeding: Percentage,
    pub bron: String,
    pub status: Status,
}

/// The 2025 extended route (Stb. 2025, 222): a lower threshold for
/// gemeenten with a shortfall of at least `minimum_percentage` of their own
/// budget in at least `minimum_aantal` of the years `t + venster_van ..= t + venster_tot`;
/// that test replaces the cumulative condition b.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerlaagdeDrempel {
    pub drempel: CitedPercentage,
    pub venster_van: i32,
    pub venster_tot: i32,
    pub minimum_percentage: Percentage,
    pub minimum_aantal: usize,
    pub voorwaarde_bron: String,
    pub voorwaarde_status: Status,
    pub treden: Vec<Trede>,
}

/// The request deadline: `maand`/`dag` of year t + `jaren_na`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Termijn {
    pub jaren_na: i16,
    pub maand: i8,
    pub dag: i8,
    pub bron: String,
    pub status: Status,
}

/// "Aanhoudend tekort": a vangnetuitkering granted for one of the
/// `jaren_terug` previous years makes the request an uitgebreid verzoek.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aanhoudend {
    pub jaren_terug: i32,
    pub bron: String,
    pub status: Status,
}

/// Which request forms a rule period has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormulierSoort {
    /// One form for every request (up to payment year 2017).
    Enkel,
    /// A basisverzoek, or after a vangnetuitkering over the aanhoudend window an uitgebreid verzoek (from 2018).
    BasisEnUitgebreid,
}

/// The request form(s) of a rule period, cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formulieren {
    pub soort: FormulierSoort,
    /// The name of the single form (`enkel`), as the commission named it.
    #[serde(default)]
    pub naam: Option<String>,
    pub bron: String,
    pub status: Status,
}

/// The procedure: does the council have to consent to the college's statement?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    pub instemming_raad: bool,
    pub toelichting: String,
    pub bron: String,
    pub status: Status,
}

/// The vangnet rules valid for the years `van ..= tot`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub van: Year,
    pub tot: Year,
    pub titel: String,
    /// History and context for the explanation, in Dutch.
    pub toelichting: Vec<String>,
    pub drempel: Drempel,
    pub meerjarig: Option<Meerjarig>,
    pub treden: Vec<Trede>,
    pub verlaagde_drempel: Option<VerlaagdeDrempel>,
    pub aanhoudend: Option<Aanhoudend>,
    pub formulieren: Formulieren,
    pub procedure: Procedure,
    pub termijn: Termijn,
}

impl Rule {
    pub fn covers(&self, year: Year) -> bool {
        self.van <= year && year <= self.tot
    }

    /// The earlier years whose budget and shortfall this rule reads for year
    /// `t`: the multi-year window of condition b and the window of the
    /// extended route, whichever reaches further back. A case for `t` needs
    /// these years besides `t` itself; the look-back is the table's, never
    /// written in code.
    pub fn eerdere_jaren(&self, t: Year) -> Vec<Year> {
        let terug =
            self.meerjarig.iter().map(|m| m.jaren_terug).chain(self.verlaagde_drempel.iter().map(|v| -v.venster_van)).max().unwrap_or(0);
        (1..=terug).rev().map(|n| t.offset(-n)).collect()
    }

    /// The earlier years over which a granted vangnetuitkering makes the
    /// request an uitgebreid verzoek (condition e); empty where the
    /// condition does not exist yet.
    pub fn aanhoudend_jaren(&self, t: Year) -> Vec<Year> {
        self.aanhoudend.iter().flat_map(|a| (1..=a.jaren_terug).rev().map(move |n| t.offset(-n))).collect()
    }

    /// Every status in the rule, for "is anything in here unconfirmed?".
    pub fn statuses(&self) -> Vec<Status> {
        let mut s = vec![self.drempel.status, self.procedure.status, self.termijn.status, self.formulieren.status];
        s.extend(self.meerjarig.iter().map(|m| m.status));
        s.extend(self.treden.iter().map(|t| t.status));
        s.extend(self.aanhoudend.iter().map(|a| a.status));
        if let Some(v) = &self.verlaagde_drempel {
            s.push(v.drempel.status);
            s.push(v.voorwaarde_status);
            s.extend(v.treden.iter().map(|t| t.status));
        }
        s
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    regel: Vec<Rule>,
}

/// The whole validated table, ordered by period.
#[derive(Debug, Clone)]
pub struct RuleTable {
    rules: Vec<Rule>,
}

/// Errors of the rule table and of looking up a year in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("jaar {year} valt buiten de vangnetregels: dit programma kent de jaren {first} t/m {last}{hint}")]
    NotCovered { year: Year, first: Year, last: Year, hint: &'static str },
    #[error("regeltabel ongeldig: {0}")]
    Invalid(String),
}

impl RuleTable {
    /// Parses and validates a table; every broken invariant is an error.
    pub fn from_toml(text: &str) -> Result<RuleTable, RuleError> {
        let file: TableFile = toml::from_str(text).map_err(|e| RuleError::Invalid(e.to_string()))?;
        let mut rules = file.regel;
        rules.sort_by_key(|r| r.van);
        if rules.is_empty() {
            return Err(RuleError::Invalid("geen regels".into()));
        }
        for r in &rules {
            validate_rule(r)?;
        }
        for pair in rules.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if b.van != a.tot.offset(1) {
                return Err(RuleError::Invalid(format!(
                    "regels {} en {} sluiten niet aan (overlap of gat tussen {} en {})",
                    a.id, b.id, a.tot, b.van
                )));
            }
        }
        Ok(RuleTable { rules })
    }

    /// The table bundled with the program (`data/vangnet.toml`).
    pub fn bundled() -> &'static RuleTable {
        static TABLE: OnceLock<RuleTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            RuleTable::from_toml(include_str!("../data/vangnet.toml")).expect("the bundled rule table is validated by the test suite")
        })
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn first_year(&self) -> Year {
        self.rules[0].van
    }

    pub fn last_year(&self) -> Year {
        self.rules[self.rules.len() - 1].tot
    }

    /// The one rule valid in `year`, or a refusal naming the covered years.
    pub fn rule_for(&self, year: Year) -> Result<&Rule, RuleError> {
        self.rules.iter().find(|r| r.covers(year)).ok_or(RuleError::NotCovered {
            year,
            first: self.first_year(),
            last: self.last_year(),
            hint: if year < self.first_year() {
                " (vóór 2015 gold de IAU/MAU-regeling, die hier niet is opgenomen)"
            } else {
                " (voor latere jaren zijn nog geen regels vastgesteld; er wordt niet geëxtrapoleerd)"
            },
        })
    }
}

fn validate_tiers(id: &str, threshold: Percentage, tiers: &[Trede]) -> Result<(), RuleError> {
    let bad = |m: String| Err(RuleError::Invalid(format!("regel {id}: {m}")));
    let Some(first) = tiers.first() else {
        return bad("geen treden".into());
    };
    if first.van != threshold {
        return bad(format!("eerste trede begint bij {} maar de drempel is {}", first.van, threshold));
    }
    for pair in tiers.windows(2) {
        if pair[0].tot != Some(pair[1].van) {
            return bad(format!("treden sluiten niet aan bij {}", pair[1].van));
        }
    }
    for t in tiers {
        if let Some(tot) = t.tot {
            if tot <= t.van {
                return bad(format!("trede {}–{} is leeg of omgekeerd", t.van, tot));
            }
        }
        if t.vergoeding < Percentage::ZERO {
            return bad(format!("negatieve vergoeding in trede vanaf {}", t.van));
        }
    }
    if tiers.last().is_some_and(|t| t.tot.is_some()) {
        return bad("laatste trede moet open eindigen".into());
    }
    Ok(())
}

fn validate_rule(r: &Rule) -> Result<(), RuleError> {
    let bad = |m: &str| Err(RuleError::Invalid(format!("regel {}: {m}", r.id)));
    if r.tot < r.van {
        return bad("tot ligt vóór van");
    }
    if r.drempel.percentage <= Percentage::ZERO {
        return bad("drempel moet positief zijn");
    }
    validate_tiers(&r.id, r.drempel.percentage, &r.treden)?;
    if let Some(m) = &r.meerjarig {
        if m.jaren_terug < 1 {
            return bad("meerjarig venster moet minstens één eerder jaar omvatten");
        }
    }
    if let Some(v) = &r.verlaagde_drempel {
        validate_tiers(&r.id, v.drempel.percentage, &v.treden)?;
        if v.venster_van > v.venster_tot || v.venster_tot >= 0 {
            return bad("venster van de verlaagde drempel moet vóór het jaar zelf liggen");
        }
        let len = (v.venster_tot - v.venster_van + 1) as usize;
        if v.minimum_aantal == 0 || v.minimum_aantal > len {
            return bad("minimum_aantal past niet in het venster");
        }
    }
    if (r.formulieren.soort == FormulierSoort::Enkel) != r.formulieren.naam.is_some() {
        return bad("formulieren: een enkel formulier heeft een naam, basis- en uitgebreid verzoek niet");
    }
    if jiff::civil::Date::new(2000 + r.termijn.jaren_na, r.termijn.maand, r.termijn.dag).is_err() {
        return bad("termijn is geen geldige datum");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled_text() -> &'static str {
        include_str!("../data/vangnet.toml")
    }

    #[test]
    fn the_bundled_table_loads() {
        RuleTable::from_toml(bundled_text()).unwrap();
    }

    /// Rewrites the `van`/`tot` of one rule in the bundled text.
    fn with_period(id: &str, van: i32, tot: i32) -> String {
        let marker = format!("id = \"{id}\"\n");
        let start = bundled_text().find(&marker).unwrap() + marker.len();
        let rest = &bundled_text()[start..];
        let end_of_tot = rest.find("\ntitel").unwrap();
        format!("{}van = {van}\ntot = {tot}{}", &bundled_text()[..start], &rest[end_of_tot..])
    }

    #[test]
    fn overlapping_periods_are_rejected() {
        let text = with_period("vangnet-2021-2024", 2021, 2025);
        let err = RuleTable::from_toml(&text).unwrap_err();
        assert!(err.to_string().contains("sluiten niet aan"), "{err}");
    }

    #[test]
    fn a_gap_between_periods_is_rejected() {
        let text = with_period("vangnet-2021-2024", 2021, 2023);
        assert!(RuleTable::from_toml(&text).is_err());
    }

    #[test]
    fn tiers_that_do_not_start_at_the_threshold_are_rejected() {
        let text = bundled_text().replacen(r#"{ van = "7.5", tot = "10""#, r#"{ van = "8", tot = "10""#, 1);
        let err = RuleTable::from_toml(&text).unwrap_err();
        assert!(err.to_string().contains("eerste trede"), "{err}");
    }

    #[test]
    fn an_unknown_status_is_rejected() {
        let text = bundled_text().replacen(r#"status = "bevestigd""#, r#"status = "misschien""#, 1);
        assert!(RuleTable::from_toml(&text).is_err());
    }

    #[test]
    fn the_look_back_window_comes_from_the_rule_quantities() {
        let t = RuleTable::bundled();
        let jaren = |y: i32| t.rule_for(Year::new(y)).unwrap().eerdere_jaren(Year::new(y));
        assert_eq!(jaren(2016), vec![], "2016: no multi-year condition");
        assert_eq!(jaren(2018), vec![Year::new(2016), Year::new(2017)], "2018: 2016 + 2017 + 2018");
        assert_eq!(jaren(2023), vec![Year::new(2021), Year::new(2022)]);
        assert_eq!(jaren(2025), vec![Year::new(2022), Year::new(2023), Year::new(2024)], "the extended route looks at 2022–2024");
        let aanhoudend = t.rule_for(Year::new(2023)).unwrap().aanhoudend_jaren(Year::new(2023));
        assert_eq!(aanhoudend, vec![Year::new(2021), Year::new(2022)]);
    }

    #[test]
    fn every_quantity_names_a_source() {
        for r in RuleTable::bundled().rules() {
            let mut sources = vec![&r.drempel.bron, &r.procedure.bron, &r.termijn.bron];
            sources.extend(r.treden.iter().map(|t| &t.bron));
            sources.extend(r.meerjarig.iter().map(|m| &m.bron));
            for s in sources {
                assert!(s.len() > 10, "{}: empty source", r.id);
            }
        }
    }
}
