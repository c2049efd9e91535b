// SPDX-License-Identifier: EUPL-1.2
//! The vangnet position of a year as every view shows it: the rules
//! engine's whole answer ([`VangnetResult`]) with the stage of the figures
//! it was computed on. The case is assembled in one place ([`casus`]): the
//! year's own budget and shortfall, the earlier years the rule reads (its
//! look-back window comes from the rule table, [`buig_rules::Rule::eerdere_jaren`])
//! and the years a vangnetuitkering was granted.

use std::collections::BTreeMap;

use buig_core::records::{BudgetSoort, Stadium};
use buig_core::{money, Money, Year};
use buig_rules::{CaseFile, RuleError, RuleTable, VangnetError, VangnetResult, YearInput};
use serde::ser::SerializeStruct;
use serde::Serialize;

/// A year's budget and shortfall as the vangnet reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JaarTekort {
    pub budget: Money,
    /// Negative = overschot.
    pub tekort: Money,
    /// The decision the budget comes from; `None` = the definitief.
    pub beschikking: Option<BudgetSoort>,
    /// The budget without art. 7 Besluit Participatiewet, when given.
    pub budget_zonder_art7: Option<Money>,
}

impl JaarTekort {
    /// A definitief budget and its shortfall.
    pub fn definitief(budget: Money, tekort: Money) -> JaarTekort {
        JaarTekort { budget, tekort, beschikking: None, budget_zonder_art7: None }
    }
}

/// The vangnet position of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct VangnetPositie {
    /// Realised figures, or a prognosis of them.
    pub stadium: Stadium,
    /// The engine's whole answer, as `buig vangnet` gives it.
    pub resultaat: VangnetResult,
    /// What a reader must know: that the figures are a prognosis, and the
    /// engine's warnings (without the one about steps A–D, which a budget
    /// view never has).
    pub waarschuwingen: Vec<String>,
    /// While nobody said whether a vangnetuitkering was granted over the
    /// aanhoudend window: the years of it for which these figures give a
    /// right — then an uitgebreid verzoek is likely, and the user is asked.
    pub vermoedelijk_verleend: Vec<Year>,
}

impl VangnetPositie {
    pub fn recht(&self) -> Option<bool> {
        self.resultaat.recht
    }

    pub fn vangnetuitkering(&self) -> Option<Money> {
        self.resultaat.vangnetuitkering
    }
}

/// The summary keys of the budget and prognosis JSON (unchanged since they
/// were first published); the whole result is `buig vangnet`'s.
impl Serialize for VangnetPositie {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Bedrag(#[serde(with = "money::euros_opt")] Option<Money>);
        let r = &self.resultaat;
        let mut st = s.serialize_struct("VangnetPositie", 12)?;
        st.serialize_field("stadium", &self.stadium)?;
        st.serialize_field("regel", &r.regel)?;
        st.serialize_field("status", &r.status)?;
        st.serialize_field("recht", &r.recht)?;
        st.serialize_field("vangnetuitkering", &Bedrag(r.vangnetuitkering))?;
        st.serialize_field("formulier", &r.formulier)?;
        st.serialize_field("aanhoudend_tekort", &r.aanhoudend_tekort)?;
        st.serialize_field("vermoedelijk_verleend", &self.vermoedelijk_verleend)?;
        st.serialize_field("uiterste_indiendatum", &r.uiterste_indiendatum)?;
        st.serialize_field("termijn_verstreken", &r.termijn_verstreken)?;
        st.serialize_field("waarschuwingen", &self.waarschuwingen)?;
        st.end()
    }
}

/// The case of year `t`: its own figures, the earlier years the year's rule
/// reads (those known in `eerder`), and the granted years. An uncovered
/// year is refused by the rule table.
pub fn casus(
    t: Year,
    eigen: JaarTekort,
    eerder: &BTreeMap<Year, JaarTekort>,
    naam: Option<String>,
    verleend: Option<Vec<i32>>,
) -> Result<CaseFile, RuleError> {
    let rule = RuleTable::bundled().rule_for(t)?;
    let mut file = CaseFile { jaar: t.get(), gemeente: naam, vangnet_verleend: verleend, ..Default::default() };
    let invoer = |j: JaarTekort| YearInput {
        budget: Some(j.budget),
        tekort: Some(j.tekort),
        beschikking: j.beschikking,
        budget_zonder_art7: j.budget_zonder_art7,
        ..Default::default()
    };
    file.jaren.insert(t.to_string(), invoer(eigen));
    for y in rule.eerdere_jaren(t) {
        if let Some(j) = eerder.get(&y) {
            file.jaren.insert(y.to_string(), invoer(*j));
        }
    }
    Ok(file)
}

/// The vangnet position of year `t` on these figures; `Ok(None)` when no
/// rule covers the year. A refusal of the engine (an impossible figure) is
/// an error for the caller to show, never dropped.
pub fn positie(
    stadium: Stadium,
    t: Year,
    eigen: JaarTekort,
    eerder: &BTreeMap<Year, JaarTekort>,
    naam: Option<String>,
    verleend: Option<Vec<i32>>,
) -> Result<Option<VangnetPositie>, VangnetError> {
    let file = match casus(t, eigen, eerder, naam, verleend) {
        Ok(f) => f,
        Err(RuleError::NotCovered { .. }) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let resultaat = buig_rules::bereken_casus(file)?;
    // The engine speaks to a case file's author; a view speaks to the gemeente.
    let mut waarschuwingen: Vec<String> = resultaat
        .waarschuwingen
        .iter()
        .filter(|w| !w.contains("stappen A tot en met D") && !w.starts_with("vangnet_verleend"))
        .cloned()
        .collect();
    if resultaat.aanhoudend_tekort.is_none() {
        waarschuwingen.push(format!(
            "Niet vastgelegd of over {} een vangnetuitkering is verleend: daarom is onbekend of een basisverzoek of een uitgebreid verzoek nodig is.",
            buig_core::nl::jaren(&resultaat.aanhoudend_jaren)
        ));
    }
    if stadium == Stadium::Prognose {
        waarschuwingen.insert(0, "Prognose: het tekort en het budget zijn een raming, geen realisatie.".to_string());
    }
    Ok(Some(VangnetPositie { stadium, resultaat, waarschuwingen, vermoedelijk_verleend: Vec::new() }))
}

impl VangnetPositie {
    /// Notes the years of the aanhoudend window that have a right by these
    /// figures (`rechten`: year → right), while condition e is unknown.
    pub fn met_vermoeden(mut self, rechten: &BTreeMap<Year, bool>) -> VangnetPositie {
        if self.resultaat.aanhoudend_tekort.is_none() {
            self.vermoedelijk_verleend =
                self.resultaat.aanhoudend_jaren.iter().copied().filter(|y| rechten.get(y) == Some(&true)).collect();
            if !self.vermoedelijk_verleend.is_empty() {
                self.waarschuwingen.push(format!(
                    "Waarschijnlijk uitgebreid verzoek: volgens de cijfers had de gemeente over {} recht op een vangnetuitkering. Is die verleend?",
                    buig_core::nl::jaren(&self.vermoedelijk_verleend)
                ));
            }
        }
        self
    }
}
