// SPDX-License-Identifier: EUPL-1.2
//! The questions a page or an API call asks, parsed from its query string
//! into the service layer's terms: a caseload period ([`Periode`]) and a
//! prognosis with scenario knobs ([`Knoppen`]). Pages and the API share them.

use buig_bestand::{Maand, Per};
use buig_core::Year;
use buig_dienst::prognose::PrognoseKeuze;
use buig_dienst::Gemeente;
use buig_prognose::Scenario;
use serde::Deserialize;

use crate::fout::Fout;

/// `van`, `tot` (JJJJ-MM) and `per` (maand, kwartaal, jaar); empty = the last three years per month.
#[derive(Debug, Default, Deserialize)]
pub struct Periode {
    pub van: Option<String>,
    pub tot: Option<String>,
    pub per: Option<String>,
}

impl Periode {
    pub fn vraag(&self, b: &Gemeente) -> Result<(Maand, Maand, Per), Fout> {
        let leeg = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
        let (eerste, laatste) =
            b.maanden().ok_or_else(|| Fout::Gegevens(format!("er staan geen uitkeringen van {} in de database", b.naam)))?;
        let tot = match leeg(&self.tot) {
            Some(t) => t.parse::<Maand>().map_err(|e| Fout::Gegevens(format!("tot: {e}")))?,
            None => laatste,
        };
        let per = match leeg(&self.per) {
            Some(p) => p.parse::<Per>().map_err(|e| Fout::Gegevens(format!("per: {e}")))?,
            None => Per::Maand,
        };
        let van = match leeg(&self.van) {
            Some(v) => v.parse::<Maand>().map_err(|e| Fout::Gegevens(format!("van: {e}")))?,
            None => Maand::new(tot.jaar - 3, tot.maand).map(|m| m.max(eerste)).unwrap_or(eerste),
        };
        if van > tot {
            return Err(Fout::Gegevens(format!("van {van} ligt na tot {tot}")));
        }
        if tot.index() - van.index() > 12 * 30 {
            return Err(Fout::Gegevens("kies een periode van hoogstens 30 jaar".into()));
        }
        Ok((van, tot, per))
    }
}

/// The knobs of the form and of the API, as text (empty = not set; decimal comma allowed).
#[derive(Debug, Default, Deserialize)]
pub struct Knoppen {
    pub jaar: Option<String>,
    pub peildatum: Option<String>,
    pub instroom_pct: Option<String>,
    pub uitstroom_pct: Option<String>,
    pub minder_uitkeringen_eind_jaar: Option<String>,
    pub prijs_pct: Option<String>,
    pub lks_pct: Option<String>,
    pub aandeel_pct: Option<String>,
    /// Set after recording the prognosis as a report moment (the banner).
    pub vastgelegd: Option<String>,
}

fn leeg(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn knop(veld: &str, s: &Option<String>, min: f64, max: f64) -> Result<Option<f64>, Fout> {
    let Some(t) = leeg(s) else { return Ok(None) };
    let x: f64 = t.replace(',', ".").parse().map_err(|_| Fout::Gegevens(format!("{veld}: \"{t}\" is geen getal")))?;
    if !x.is_finite() || x < min || x > max {
        return Err(Fout::Gegevens(format!(
            "{veld}: {t} ligt buiten {} … {}",
            buig_core::nl::aantal(min as i64),
            buig_core::nl::aantal(max as i64)
        )));
    }
    Ok(Some(x))
}

impl Knoppen {
    /// The question: year and peildatum (default: the last realised month), and a scenario when any knob is set.
    pub fn keuze(&self, b: &Gemeente) -> Result<PrognoseKeuze, Fout> {
        let huidig = b.huidig();
        let jaar: Year = match leeg(&self.jaar) {
            Some(j) => j.parse().map_err(|e| Fout::Gegevens(format!("jaar: {e}")))?,
            None => huidig.map(|h| h.0).ok_or_else(|| Fout::Gegevens(format!("voor {} is geen maandrealisatie bekend", b.naam)))?,
        };
        let peildatum = match leeg(&self.peildatum) {
            Some(p) => buig_prognose::lees_peildatum(p).map_err(|e| Fout::Gegevens(format!("peildatum: {e}")))?,
            None => match huidig {
                Some((j, d)) if j == jaar => d,
                Some((j, _)) if j > jaar => jiff::civil::Date::new(jaar.get() as i16, 12, 31).map_err(|e| Fout::Intern(e.to_string()))?,
                _ => return Err(Fout::Gegevens(format!("geef een peildatum: voor {jaar} is nog geen maand gerealiseerd"))),
            },
        };
        let s = Scenario {
            naam: None,
            instroom_pct: knop("instroom_pct", &self.instroom_pct, -100.0, 500.0)?,
            uitstroom_pct: knop("uitstroom_pct", &self.uitstroom_pct, -100.0, 500.0)?,
            minder_uitkeringen_eind_jaar: knop("minder_uitkeringen_eind_jaar", &self.minder_uitkeringen_eind_jaar, -100_000.0, 100_000.0)?,
            prijs_pct: knop("prijs_pct", &self.prijs_pct, -100.0, 500.0)?,
            lks_pct: knop("lks_pct", &self.lks_pct, -100.0, 500.0)?,
            aandeel_pct: knop("aandeel_pct", &self.aandeel_pct, -100.0, 500.0)?,
        };
        let scenario = (s != Scenario::default()).then(|| Scenario { naam: Some("Scenario".into()), ..s });
        Ok(PrognoseKeuze { jaar, peildatum, scenario })
    }
}
