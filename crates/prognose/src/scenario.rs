// SPDX-License-Identifier: EUPL-1.2
//! The scenario knobs ("knoppen") of the prognosis and how a user gives
//! them: a file (JSON or TOML, one scenario or a list) or the web form.
//! Every knob is optional; absent means no change.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Why a prognosis cannot be made (a Dutch message naming what is missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrognoseFout(pub String);

impl std::fmt::Display for PrognoseFout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PrognoseFout {}

pub(crate) fn fout<T>(s: impl Into<String>) -> Result<T, PrognoseFout> {
    Err(PrognoseFout(s.into()))
}

/// Reads a peildatum `JJJJ-MM-DD`.
pub fn lees_peildatum(s: &str) -> Result<Date, PrognoseFout> {
    s.trim().parse::<Date>().map_err(|_| PrognoseFout(format!("\"{}\" is geen datum (verwacht JJJJ-MM-DD)", s.trim())))
}

/// The scenario knobs ("knoppen"); every knob is optional, absent = no change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
    /// Inflow change in percent (−10 = 10% less inflow every month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instroom_pct: Option<f64>,
    /// Outflow-rate change in percent (+10 = the monthly outflow rate × 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uitstroom_pct: Option<f64>,
    /// Benefits fewer by 31 December, reached linearly from the peildatum (an action plan's target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minder_uitkeringen_eind_jaar: Option<f64>,
    /// Price per benefit change in percent, for the remaining months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prijs_pct: Option<f64>,
    /// LKS cost change in percent, for the remaining months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lks_pct: Option<f64>,
    /// Budget share change in percent (on the budget excluding BLKS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aandeel_pct: Option<f64>,
}

impl Scenario {
    /// The knob as a factor `1 + pct/100`.
    pub(crate) fn factor(pct: Option<f64>) -> f64 {
        1.0 + pct.unwrap_or(0.0) / 100.0
    }

    /// The knob as an exact decimal factor (for money), from the number's shortest form.
    pub(crate) fn factor_exact(pct: Option<f64>) -> Decimal {
        let p = pct.and_then(|p| p.to_string().parse::<Decimal>().ok()).unwrap_or(Decimal::ZERO);
        Decimal::ONE + p / Decimal::ONE_HUNDRED
    }

    /// The display name: `naam`, or the knobs in short.
    pub fn label(&self) -> String {
        if let Some(n) = &self.naam {
            return n.clone();
        }
        let mut d = Vec::new();
        let mut pct = |k: &str, v: Option<f64>| {
            if let Some(v) = v {
                d.push(format!("{k} {v:+}%"));
            }
        };
        pct("instroom", self.instroom_pct);
        pct("uitstroom", self.uitstroom_pct);
        pct("prijs", self.prijs_pct);
        pct("lks", self.lks_pct);
        pct("aandeel", self.aandeel_pct);
        if let Some(n) = self.minder_uitkeringen_eind_jaar {
            d.push(format!("{n} uitkeringen minder eind jaar"));
        }
        if d.is_empty() {
            "scenario".into()
        } else {
            d.join(", ")
        }
    }

    pub(crate) fn check(&self) -> Result<(), PrognoseFout> {
        let naam = self.label();
        for (k, v) in [
            ("instroom_pct", self.instroom_pct),
            ("uitstroom_pct", self.uitstroom_pct),
            ("prijs_pct", self.prijs_pct),
            ("lks_pct", self.lks_pct),
            ("aandeel_pct", self.aandeel_pct),
        ] {
            if let Some(v) = v {
                if !v.is_finite() || v <= -100.0 || v > 1000.0 {
                    return fout(format!("scenario \"{naam}\": {k} = {v} ligt niet tussen -100 en 1000"));
                }
            }
        }
        if let Some(n) = self.minder_uitkeringen_eind_jaar {
            if !n.is_finite() || n < 0.0 {
                return fout(format!("scenario \"{naam}\": minder_uitkeringen_eind_jaar moet 0 of meer zijn"));
            }
        }
        Ok(())
    }
}

/// Reads a scenario file (JSON, or TOML with `toml`): either the knobs of one
/// scenario at the top level, or a list `scenario = [{…}, …]` (`[[scenario]]`).
pub fn lees_scenarios(text: &str, toml: bool) -> Result<Vec<Scenario>, PrognoseFout> {
    let v: serde_json::Value = if toml {
        ::toml::from_str(text).map_err(|e| PrognoseFout(format!("scenariobestand (TOML): {e}")))?
    } else {
        serde_json::from_str(text).map_err(|e| PrognoseFout(format!("scenariobestand (JSON): {e}")))?
    };
    let lijst = match v.get("scenario") {
        Some(serde_json::Value::Array(a)) => a.clone(),
        Some(_) => return fout("scenariobestand: \"scenario\" moet een lijst zijn"),
        None => vec![v],
    };
    let mut out = Vec::new();
    for (i, s) in lijst.into_iter().enumerate() {
        let s: Scenario = serde_json::from_value(s).map_err(|e| PrognoseFout(format!("scenario {}: {e}", i + 1)))?;
        s.check()?;
        out.push(s);
    }
    if out.is_empty() {
        return fout("scenariobestand: geen scenario gevonden");
    }
    Ok(out)
}
