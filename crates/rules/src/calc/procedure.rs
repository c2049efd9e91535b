// SPDX-License-Identifier: EUPL-1.2
//! The procedure of a request: whether a vangnetuitkering over the earlier
//! years makes it an uitgebreid verzoek (condition e) — unknown while nobody
//! said whether one was granted, never assumed —, the form, and the deadline
//! by which the commission must have received it, told against the day of
//! the answer.

use buig_core::{nl, Year};
use jiff::civil::Date;

use crate::case::Case;
use crate::result::Formulier;
use crate::table::{FormulierSoort, Rule};

/// Condition e and the form, with the words that explain them.
pub(crate) struct Aanhoudend {
    pub aanhoudend_tekort: Option<bool>,
    pub jaren: Vec<Year>,
    pub formulier: Option<Formulier>,
    pub uitleg: String,
    pub waarschuwing: Option<String>,
}

/// The question a user must answer when condition e is unknown.
pub fn vraag_verleend(jaren: &[Year]) -> String {
    let jaren: Vec<String> = jaren.iter().map(Year::to_string).collect();
    let of = match jaren.as_slice() {
        [] => String::new(),
        [een] => een.clone(),
        [voor @ .., laatste] => format!("{} of {laatste}", voor.join(", ")),
    };
    format!("onbekend — is over {of} een vangnetuitkering verleend?")
}

pub(crate) fn aanhoudend(rule: &Rule, case: &Case) -> Aanhoudend {
    let t = case.jaar;
    let jaren = rule.aanhoudend_jaren(t);
    let enkel = match (rule.formulieren.soort, &rule.formulieren.naam) {
        (FormulierSoort::Enkel, Some(naam)) => Some(Formulier::Enkel(naam.clone())),
        _ => None,
    };
    let Some(_) = &rule.aanhoudend else {
        let formulier = enkel.unwrap_or(Formulier::Basisverzoek);
        return Aanhoudend {
            aanhoudend_tekort: Some(false),
            jaren,
            uitleg: format!("Aanhoudend tekort: die voorwaarde bestaat voor {t} nog niet; het verzoek gaat op het formulier {formulier}."),
            formulier: Some(formulier),
            waarschuwing: None,
        };
    };
    let gevonden: Option<Vec<Year>> =
        case.vangnet_verleend.as_ref().map(|list| jaren.iter().copied().filter(|y| list.contains(y)).collect());
    let aanhoudend_tekort = gevonden.as_ref().map(|h| !h.is_empty());
    let formulier = match (aanhoudend_tekort, enkel) {
        (None, _) => None,
        (Some(_), Some(f)) => Some(f),
        (Some(true), None) => Some(Formulier::UitgebreidVerzoek),
        (Some(false), None) => Some(Formulier::Basisverzoek),
    };
    let vorm = formulier.as_ref().map(|f| format!(" Het verzoek gaat op het formulier {f}.")).unwrap_or_default();
    let (uitleg, waarschuwing) = match gevonden {
        None => (
            format!(
                "Aanhoudend tekort: {} Is dat zo, dan is het verzoek uitgebreid: het college verklaart ook welke aanvullende interne en externe maatregelen zijn getroffen (voorwaarde e); is dat niet zo, dan volstaat een basisverzoek.",
                nl::hoofdletter(&vraag_verleend(&jaren))
            ),
            Some(format!(
                "vangnet_verleend is niet opgegeven: onbekend is of over {} een vangnetuitkering is verleend, dus ook of een basisverzoek of een uitgebreid verzoek nodig is. Geef de jaren op (of [] / --verleend geen als er geen is verleend).",
                nl::jaren(&jaren)
            )),
        ),
        Some(h) if h.is_empty() => {
            (format!("Geen aanhoudend tekort: over {} is geen vangnetuitkering verleend.{vorm}", nl::jaren(&jaren)), None)
        }
        Some(h) => (
            format!(
                "Aanhoudend tekort: over {} is een vangnetuitkering verleend. Het college verklaart daarom welke aanvullende interne en externe maatregelen zijn getroffen (voorwaarde e).{vorm}",
                nl::jaren(&h)
            ),
            None,
        ),
    };
    Aanhoudend { aanhoudend_tekort, jaren, formulier, uitleg, waarschuwing }
}

/// The deadline of year `t`'s request.
pub(crate) fn termijn(rule: &Rule, t: Year) -> Date {
    Date::new(t.get() as i16 + rule.termijn.jaren_na, rule.termijn.maand, rule.termijn.dag).expect("validated with the rule table")
}

/// The day the commission must have received the request over year `t`,
/// from the bundled rule table; an error for a year it does not cover.
pub fn uiterste_indiendatum(t: Year) -> Result<Date, crate::RuleError> {
    Ok(termijn(crate::RuleTable::bundled().rule_for(t)?, t))
}

/// The deadline told against `datum`: passed, today, or in how many days.
pub fn termijn_tekst(termijn: Date, datum: Date) -> String {
    let dagen = (termijn - datum).get_days();
    match dagen {
        d if d < 0 => format!("de termijn is op {} verstreken", nl::date_long(termijn)),
        0 => format!("de termijn verstrijkt vandaag, {}", nl::date_long(termijn)),
        1 => format!("nog 1 dag, tot en met {}", nl::date_long(termijn)),
        d => format!("nog {} dagen, tot en met {}", nl::aantal(d), nl::date_long(termijn)),
    }
}

/// Days from `datum` to `termijn` (negative once passed).
pub(crate) fn dagen(termijn: Date, datum: Date) -> i64 {
    i64::from((termijn - datum).get_days())
}
