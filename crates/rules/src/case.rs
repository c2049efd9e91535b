// SPDX-License-Identifier: EUPL-1.2
//! The input of a vangnet calculation (a "case"): the year asked about, the
//! figures per year and the years in which a vangnetuitkering was granted.
//!
//! Parse, don't validate: [`CaseFile`] is the JSON/TOML schema as the user
//! writes it; [`Case::from_file`] turns it into typed per-year figures or
//! one [`CaseError`] that names the field. Nothing half-valid reaches
//! [`crate::calc`].

use std::collections::BTreeMap;

use buig_core::records::BudgetSoort;
use buig_core::{money, Money, Year};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The figures of one year as written in the input (amounts in euros).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearInput {
    /// The definitief budget B_t.
    #[serde(default, with = "money::euros_opt", skip_serializing_if = "Option::is_none")]
    pub budget: Option<Money>,
    /// The shortfall T_t directly (negative = surplus).
    #[serde(default, with = "money::euros_opt", skip_serializing_if = "Option::is_none")]
    pub tekort: Option<Money>,
    /// Lasten art. 69 PW (SiSa), step A.
    #[serde(default, with = "money::euros_opt", skip_serializing_if = "Option::is_none")]
    pub lasten: Option<Money>,
    /// Baten (recoveries), step B.
    #[serde(default, with = "money::euros_opt", skip_serializing_if = "Option::is_none")]
    pub baten: Option<Money>,
    /// Amounts the auditor reported as fout/onzeker (above the tolerance), step D.
    #[serde(default, with = "money::euros_opt", skip_serializing_if = "Option::is_none")]
    pub correcties: Option<Money>,
    /// The decision the budget comes from (`voorlopig`, `nader_voorlopig`,
    /// `definitief`); absent = the definitief, as the vangnet asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beschikking: Option<BudgetSoort>,
    /// The budget as it would have been without art. 7 Besluit
    /// Participatiewet, where that article applied: the commission's
    /// thresholds are taken of this one.
    #[serde(default, with = "money::euros_opt", skip_serializing_if = "Option::is_none")]
    pub budget_zonder_art7: Option<Money>,
}

/// The case file schema (JSON or TOML).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gemeente: Option<String>,
    pub jaar: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inwoners: Option<u64>,
    /// Free text about the figures (their source, what is assumed); shown with the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opmerking: Option<String>,
    #[serde(default)]
    pub jaren: BTreeMap<String, YearInput>,
    /// Years for which a vangnetuitkering was granted; absent = not stated
    /// (then condition e is unknown), `[]` = none was granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vangnet_verleend: Option<Vec<i32>>,
    /// The day the answer is given, against which the deadline is told
    /// (`2026-12-04`); absent = today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datum: Option<Date>,
}

/// Where a year's shortfall came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Herkomst {
    /// Given directly as `tekort`.
    Opgegeven,
    /// Computed as lasten − baten − correcties − budget.
    Berekend { lasten: Money, baten: Money, correcties: Money },
}

/// The validated figures of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearFigures {
    pub jaar: Year,
    pub budget: Option<Money>,
    pub tekort: Money,
    pub herkomst: Herkomst,
    /// The decision the budget comes from.
    pub beschikking: BudgetSoort,
    /// The budget without art. 7 Besluit Participatiewet, when given.
    pub budget_zonder_art7: Option<Money>,
}

impl YearFigures {
    /// The budget the thresholds are taken of: without art. 7 where given, else the budget.
    pub fn drempelbudget(&self) -> Option<Money> {
        self.budget_zonder_art7.or(self.budget)
    }
}

/// A validated case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub gemeente: Option<String>,
    pub jaar: Year,
    pub inwoners: Option<u64>,
    pub opmerking: Option<String>,
    /// The budget B_t of the year asked about (required, positive).
    pub budget: Money,
    pub jaren: BTreeMap<Year, YearFigures>,
    pub vangnet_verleend: Option<Vec<Year>>,
    /// The day the answer is given (the deadline is told against it).
    pub datum: Date,
    /// Input that was accepted but ignored, in Dutch.
    pub notes: Vec<String>,
}

/// Today's date (UTC): the day of an answer that does not state one.
pub fn vandaag() -> Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// Why a case cannot be computed: always names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{veld}: {melding}")]
pub struct CaseError {
    pub veld: String,
    pub melding: String,
}

fn err<T>(veld: impl Into<String>, melding: impl Into<String>) -> Result<T, CaseError> {
    Err(CaseError { veld: veld.into(), melding: melding.into() })
}

/// Reads the schema from JSON (or TOML when `toml` is set); the error names
/// the offending field (`jaren.2023.budget`, through `serde_path_to_error`)
/// and its position, or only the position when no field is reached.
pub fn parse_file(text: &str, toml: bool) -> Result<CaseFile, CaseError> {
    /// The field the error is about: its path, else the file as a whole.
    fn veld(pad: &serde_path_to_error::Path) -> String {
        let p = pad.to_string();
        if p.is_empty() || p == "." || p == "?" {
            "invoer".into()
        } else {
            p
        }
    }
    if toml {
        serde_path_to_error::deserialize(::toml::Deserializer::new(text)).map_err(|e| {
            let veld = veld(e.path());
            let e = e.into_inner();
            let waar = e.span().map(|s| {
                let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
                format!(" (regel {line})")
            });
            CaseError { veld, melding: format!("geen geldige TOML{}: {}", waar.unwrap_or_default(), dutch_serde(e.message())) }
        })
    } else {
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text)).map_err(|e| {
            let veld = veld(e.path());
            let e = e.into_inner();
            CaseError {
                veld,
                melding: format!(
                    "geen geldige JSON (regel {}, kolom {}): {}",
                    e.line(),
                    e.column(),
                    dutch_serde(&strip_position(&e.to_string()))
                ),
            }
        })
    }
}

/// serde_json appends " at line L column C"; the position is given in Dutch instead.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// The few serde phrases a user meets, in Dutch; the field names stay as they are.
fn dutch_serde(msg: &str) -> String {
    msg.replace("unknown field", "onbekend veld")
        .replace("missing field", "verplicht veld ontbreekt:")
        .replace("expected one of", "verwacht een van")
        .replace("invalid type:", "verkeerd type:")
        .replace("expected i32", "expected een geheel getal")
        .replace("expected u64", "expected een geheel getal van 0 of meer")
        .replace("type: string ", "type: tekst ")
        .replace("type: boolean ", "type: ja/nee-waarde ")
        .replace("type: integer ", "type: geheel getal ")
        .replace("type: floating point ", "type: getal ")
        .replace("expected", "verwacht")
        .replace("EOF while parsing an object", "bestand houdt op midden in een object")
        .replace("EOF while parsing a value", "bestand houdt op waar een waarde verwacht wordt")
}

impl Case {
    /// Parses the text of a case file: TOML when `toml` is set, JSON otherwise.
    pub fn parse(text: &str, toml: bool) -> Result<Case, CaseError> {
        Case::from_file(parse_file(text, toml)?)
    }

    /// Validates the schema into typed figures.
    pub fn from_file(file: CaseFile) -> Result<Case, CaseError> {
        let jaar = Year::new(file.jaar);
        let mut jaren = BTreeMap::new();
        let mut notes = Vec::new();
        for (key, input) in &file.jaren {
            let y: Year = key.parse().map_err(|m: String| CaseError { veld: format!("jaren.{key}"), melding: m })?;
            if y > jaar {
                notes.push(format!("jaren.{key} ligt na {jaar} en telt niet mee."));
                continue;
            }
            jaren.insert(y, year_figures(y, input)?);
        }
        let Some(own) = jaren.get(&jaar) else {
            return err(
                format!("jaren.{jaar}"),
                format!("ontbreekt: geef voor {jaar} het definitieve budget en het tekort (of lasten en baten)"),
            );
        };
        let Some(budget) = own.budget else {
            return err(format!("jaren.{jaar}.budget"), format!("ontbreekt: het definitieve budget {jaar} (B_t) is nodig"));
        };
        if let Some(n) = file.inwoners {
            if n == 0 {
                return err("inwoners", "moet groter dan 0 zijn");
            }
        }
        let vangnet_verleend = match &file.vangnet_verleend {
            None => None,
            Some(years) => {
                let mut out = Vec::new();
                for &y in years {
                    let y = Year::new(y);
                    if y >= jaar {
                        return err(
                            "vangnet_verleend",
                            format!("{y} ligt niet vóór {jaar}: alleen eerdere jaren kunnen al een vangnetuitkering hebben gekregen"),
                        );
                    }
                    out.push(y);
                }
                out.sort();
                out.dedup();
                Some(out)
            }
        };
        if let Some(g) = &file.gemeente {
            if g.trim().is_empty() {
                return err("gemeente", "is leeg");
            }
        }
        Ok(Case {
            gemeente: file.gemeente.clone(),
            jaar,
            inwoners: file.inwoners,
            opmerking: file.opmerking.clone(),
            budget,
            jaren,
            vangnet_verleend,
            datum: file.datum.unwrap_or_else(vandaag),
            notes,
        })
    }

    pub fn tekort(&self, y: Year) -> Option<Money> {
        self.jaren.get(&y).map(|f| f.tekort)
    }

    pub fn budget_of(&self, y: Year) -> Option<Money> {
        self.jaren.get(&y).and_then(|f| f.budget)
    }

    /// The budget the thresholds of year `y` are taken of (without art. 7 where given).
    pub fn drempelbudget_of(&self, y: Year) -> Option<Money> {
        self.jaren.get(&y).and_then(|f| f.drempelbudget())
    }

    /// The own year's figures (always present in a valid case).
    pub fn eigen(&self) -> &YearFigures {
        self.jaren.get(&self.jaar).expect("Case guarantees the figures of its own year")
    }
}

fn year_figures(y: Year, input: &YearInput) -> Result<YearFigures, CaseError> {
    let field = |f: &str| format!("jaren.{y}.{f}");
    for (naam, b) in [("budget", input.budget), ("budget_zonder_art7", input.budget_zonder_art7)] {
        if let Some(b) = b {
            if !b.is_positive() {
                return err(field(naam), format!("moet positief zijn (gegeven: {b})"));
            }
        }
    }
    if input.budget_zonder_art7.is_some() && input.budget.is_none() {
        return err(field("budget_zonder_art7"), "kan alleen samen met budget worden opgegeven");
    }
    for (name, v) in [("lasten", input.lasten), ("baten", input.baten), ("correcties", input.correcties)] {
        if v.is_some_and(Money::is_negative) {
            return err(field(name), "mag niet negatief zijn");
        }
    }
    let computed = match (input.lasten, input.baten) {
        (None, None) => {
            if input.correcties.is_some() {
                return err(field("correcties"), "kan alleen samen met lasten en baten worden opgegeven");
            }
            None
        }
        (Some(_), None) => return err(field("baten"), "ontbreekt: geef lasten én baten (of alleen tekort)"),
        (None, Some(_)) => return err(field("lasten"), "ontbreekt: geef lasten én baten (of alleen tekort)"),
        (Some(lasten), Some(baten)) => {
            let Some(budget) = input.budget else {
                return err(field("budget"), "ontbreekt: nodig om het tekort uit lasten en baten te berekenen");
            };
            let correcties = input.correcties.unwrap_or(Money::ZERO);
            Some((lasten - baten - correcties - budget, Herkomst::Berekend { lasten, baten, correcties }))
        }
    };
    let (tekort, herkomst) = match (input.tekort, computed) {
        (Some(t), None) => (t, Herkomst::Opgegeven),
        (None, Some(c)) => c,
        (Some(t), Some((c, h))) if t == c => (t, h),
        (Some(t), Some((c, _))) => {
            return err(field("tekort"), format!("{t} klopt niet met lasten − baten − correcties − budget = {c}; geef één van beide"))
        }
        (None, None) => return err(field("tekort"), "ontbreekt: geef tekort (negatief = overschot) of lasten en baten"),
    };
    Ok(YearFigures {
        jaar: y,
        budget: input.budget,
        tekort,
        herkomst,
        beschikking: input.beschikking.unwrap_or(BudgetSoort::Definitief),
        budget_zonder_art7: input.budget_zonder_art7,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Case, CaseError> {
        Case::parse(s, false)
    }

    #[test]
    fn the_issue_example_parses_with_the_2022_shortfall_computed_from_lasten_and_baten() {
        let c = parse(
            r#"{"gemeente": "Deventer", "jaar": 2023, "inwoners": 101000,
                "jaren": {"2023": {"budget": 41984531, "tekort": 3448580},
                          "2022": {"budget": 37000000, "lasten": 40700000, "baten": 40000, "correcties": 0},
                          "2021": {"budget": 36000000, "tekort": -500000}},
                "vangnet_verleend": [2022]}"#,
        )
        .unwrap();
        assert_eq!(c.tekort(Year::new(2022)), Some(Money::from_euros(3_660_000)));
        assert_eq!(c.budget, Money::from_euros(41_984_531));
        assert_eq!(c.vangnet_verleend, Some(vec![Year::new(2022)]));
    }

    #[test]
    fn every_refusal_names_its_field() {
        let cases = [
            (r#"{"jaar": 2023, "jaren": {}}"#, "jaren.2023"),
            (r#"{"jaar": 2023, "jaren": {"2023": {"tekort": 1}}}"#, "jaren.2023.budget"),
            (r#"{"jaar": 2023, "jaren": {"2023": {"budget": -5, "tekort": 1}}}"#, "jaren.2023.budget"),
            (r#"{"jaar": 2023, "jaren": {"2023": {"budget": 0, "tekort": 1}}}"#, "jaren.2023.budget"),
            (r#"{"jaar": 2023, "jaren": {"2023": {"budget": 5}}}"#, "jaren.2023.tekort"),
            (r#"{"jaar": 2023, "jaren": {"2023": {"budget": 5, "lasten": 9}}}"#, "jaren.2023.baten"),
            (r#"{"jaar": 2023, "jaren": {"2023": {"budget": 5, "tekort": 1}, "22": {"tekort": 1}}}"#, "jaren.22"),
            (r#"{"jaar": 2023, "jaren": {"2023": {"budget": 5, "tekort": 1.001}}}"#, "jaren.2023.tekort"),
            (r#"{"jaar": 2023, "jaren": {"2023": {"budget": 5, "tekrt": 1}}}"#, "jaren.2023.tekrt"),
            (r#"{"jaar": 2023, "jaren": {"2023": {"budget": 5, "tekort": 1}}, "vangnet_verleend": [2023]}"#, "vangnet_verleend"),
            (r#"{"jaar": 2023"#, "invoer"),
        ];
        for (text, veld) in cases {
            let e = parse(text).expect_err(text);
            assert_eq!(e.veld, veld, "{text}: {e}");
        }
    }

    #[test]
    fn a_value_of_the_wrong_type_is_refused_naming_its_field_in_json_and_toml() {
        let cases = [
            (
                r#"{"jaar": 2023, "jaren": {"2023": {"budget": "veel", "tekort": 1}}}"#,
                false,
                "jaren.2023.budget",
                "\"veel\" is geen bedrag",
            ),
            (r#"{"jaar": "2023", "jaren": {}}"#, false, "jaar", "tekst \"2023\", verwacht een geheel getal"),
            (r#"{"jaar": 2023, "inwoners": "veel"}"#, false, "inwoners", "verwacht een geheel getal van 0 of meer"),
            (r#"{"jaar": 2023, "vangnet_verleend": ["x"]}"#, false, "vangnet_verleend[0]", "verwacht een geheel getal"),
            ("jaar = 2023\n[jaren.2023]\nbudget = \"x\"\ntekort = 5\n", true, "jaren.2023.budget", "geen geldige TOML (regel 3)"),
            ("jaar = \"2023\"\n", true, "jaar", "verwacht een geheel getal"),
        ];
        for (text, toml, veld, melding) in cases {
            let e = parse_file(text, toml).expect_err(text);
            assert_eq!(e.veld, veld, "{text}: {e}");
            assert!(e.melding.contains(melding), "{text}: {e}");
        }
    }

    #[test]
    fn toml_uses_the_same_schema() {
        let c = Case::parse("jaar = 2023\n[jaren.2023]\nbudget = 41984531\ntekort = 3448580.25\n", true).unwrap();
        assert_eq!(c.tekort(Year::new(2023)), Some(Money::from_cents(344_858_025)));
    }
}
