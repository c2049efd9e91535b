// SPDX-License-Identifier: EUPL-1.2
//! Form fields that keep what was typed and say what is wrong beside the
//! field. A handler reads each field through [`Ingevuld::lees`], which keeps
//! the text and the field's error; when any field is wrong the page is
//! shown again with the form filled in as it was sent, each error under its
//! label (`aria-describedby`, `aria-invalid`) and a summary above that links
//! to the fields. Dates are typed as dd-mm-jjjj ([`datum`]); a quarter is
//! chosen, not typed ([`kwartaalkeuze`]).

use std::collections::BTreeMap;

use maud::{html, Markup};

/// What was sent in one form and what was wrong with it.
#[derive(Debug, Default, Clone)]
pub struct Ingevuld {
    /// Which form was sent (the prefix of its field ids), so that only that form is filled in again.
    pub formulier: &'static str,
    waarden: BTreeMap<&'static str, String>,
    /// The errors per field, in the order they were found.
    fouten: Vec<(&'static str, String)>,
}

impl Ingevuld {
    pub fn nieuw(formulier: &'static str) -> Ingevuld {
        Ingevuld { formulier, ..Ingevuld::default() }
    }

    /// Keeps the text of `veld` and reads it with `f`; an error is kept beside the field.
    pub fn lees<T>(&mut self, veld: &'static str, tekst: &str, f: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
        self.waarden.insert(veld, tekst.to_string());
        match f(tekst) {
            Ok(t) => Some(t),
            Err(e) => {
                self.fout(veld, e);
                None
            }
        }
    }

    /// Keeps the text of a field that needs no reading.
    pub fn bewaar(&mut self, veld: &'static str, tekst: &str) {
        self.waarden.insert(veld, tekst.to_string());
    }

    /// An error of `veld` found after reading (a check across fields); the first one per field counts.
    pub fn fout(&mut self, veld: &'static str, melding: String) {
        if !self.fouten.iter().any(|(v, _)| *v == veld) {
            self.fouten.push((veld, melding));
        }
    }

    pub fn heeft_fouten(&self) -> bool {
        !self.fouten.is_empty()
    }

    /// The errors as one line, `veld: melding; …`, for the audit log (a file's error names the file itself).
    pub fn als_tekst(&self) -> String {
        let regel = |(v, m): &(&str, String)| if *v == "bestand" { m.clone() } else { format!("{v}: {m}") };
        self.fouten.iter().map(regel).collect::<Vec<_>>().join("; ")
    }

    fn waarde(&self, veld: &str) -> Option<&str> {
        self.waarden.get(veld).map(String::as_str)
    }

    fn fout_van(&self, veld: &str) -> Option<&str> {
        self.fouten.iter().find(|(v, _)| *v == veld).map(|(_, m)| m.as_str())
    }

    /// The summary above the page: what to correct, each linking to its field.
    pub fn samenvatting(&self, labels: &[(&str, &str)]) -> Markup {
        html! {
            div.melding.fout role="alert" {
                p { strong { "Niet opgeslagen." } " Verbeter " @if self.fouten.len() == 1 { "het gemarkeerde veld" } @else { "de gemarkeerde velden" } "; wat u invulde, staat er nog." }
                ul { @for (v, m) in &self.fouten {
                    li { a href={ "#" (self.formulier) "-" (v) } { (labels.iter().find(|(n, _)| n == v).map_or(*v, |(_, l)| *l)) } ": " (m) }
                } }
            }
        }
    }
}

/// The kind of a text field: which keyboard a phone shows and what hint it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invoer {
    Tekst,
    Bedrag,
    Geheel,
    Getal,
    Datum,
}

/// One text field: its label and hint, its error beside it, the text as typed (or `standaard`).
pub struct Veld<'a> {
    pub naam: &'static str,
    pub label: &'a str,
    pub hint: Option<&'a str>,
    pub invoer: Invoer,
    pub verplicht: bool,
    pub max: Option<u32>,
    pub standaard: Option<String>,
}

impl<'a> Veld<'a> {
    pub fn new(naam: &'static str, label: &'a str, invoer: Invoer) -> Veld<'a> {
        Veld { naam, label, hint: None, invoer, verplicht: false, max: None, standaard: None }
    }
    pub fn hint(mut self, h: &'a str) -> Self {
        self.hint = Some(h);
        self
    }
    pub fn verplicht(mut self) -> Self {
        self.verplicht = true;
        self
    }
    pub fn max(mut self, n: u32) -> Self {
        self.max = Some(n);
        self
    }
    pub fn standaard(mut self, s: impl Into<String>) -> Self {
        self.standaard = Some(s.into());
        self
    }

    /// The field in a `div`, for a form whose fields have ids `{formulier}-{naam}`.
    pub fn toon(&self, formulier: &str, ingevuld: Option<&Ingevuld>) -> Markup {
        let eigen = ingevuld.filter(|i| i.formulier == formulier);
        let id = format!("{formulier}-{}", self.naam);
        let fout = eigen.and_then(|i| i.fout_van(self.naam));
        let waarde = eigen.and_then(|i| i.waarde(self.naam)).map(str::to_string).or_else(|| self.standaard.clone());
        let foutid = format!("{id}-fout");
        let hint = self.hint.or(match self.invoer {
            Invoer::Datum => Some("dd-mm-jjjj"),
            _ => None,
        });
        let inputmode = match self.invoer {
            Invoer::Bedrag | Invoer::Getal => Some("decimal"),
            Invoer::Geheel | Invoer::Datum => Some("numeric"),
            Invoer::Tekst => None,
        };
        html! {
            div.veld.fout[fout.is_some()] {
                label for=(id) { (self.label) @if let Some(h) = hint { span.hint { (h) } } }
                @if let Some(m) = fout { span.veldfout id=(foutid) { span.verborgen { "Fout: " } (m) } }
                input id=(id) type="text" name=(self.naam) value=[waarde] inputmode=[inputmode] required[self.verplicht] maxlength=[self.max]
                    aria-invalid=[fout.map(|_| "true")] aria-describedby=[fout.map(|_| foutid.as_str())];
            }
        }
    }
}

/// A choice among fixed options: the value sent last is chosen again, else `standaard`.
pub fn keuze(
    formulier: &str,
    naam: &'static str,
    label: &str,
    opties: &[(String, String)],
    standaard: Option<&str>,
    ingevuld: Option<&Ingevuld>,
) -> Markup {
    let eigen = ingevuld.filter(|i| i.formulier == formulier);
    let id = format!("{formulier}-{naam}");
    let fout = eigen.and_then(|i| i.fout_van(naam));
    let gekozen = eigen.and_then(|i| i.waarde(naam)).or(standaard);
    let foutid = format!("{id}-fout");
    html! {
        div.veld.fout[fout.is_some()] {
            label for=(id) { (label) }
            @if let Some(m) = fout { span.veldfout id=(foutid) { span.verborgen { "Fout: " } (m) } }
            select id=(id) name=(naam) aria-invalid=[fout.map(|_| "true")] aria-describedby=[fout.map(|_| foutid.as_str())] {
                @for (w, t) in opties { option value=(w) selected[Some(w.as_str()) == gekozen] { (t) } }
            }
        }
    }
}

/// The quarters to choose from, newest first (`K4 2026` … `K1 2024`): from the year
/// `eerste` (a plan's first year; at most two years back when unknown) to the year of
/// `vandaag`, whose quarter is chosen by default.
pub fn kwartaalkeuze(eerste: Option<i16>, vandaag: jiff::civil::Date) -> (Vec<(String, String)>, String) {
    let jaar = vandaag.year();
    let nu = format!("{jaar}-K{}", (vandaag.month() - 1) / 3 + 1);
    let van = eerste.map_or(jaar - 2, |e| e.min(jaar - 2));
    let mut opties = Vec::new();
    for j in (van..=jaar).rev() {
        for k in (1..=4).rev() {
            opties.push((format!("{j}-K{k}"), format!("K{k} {j}")));
        }
    }
    (opties, nu)
}

/// A date as a Dutch user types it: `31-12-2024` (also `31/12/2024`, `1-2-2024`) or ISO `2024-12-31`.
pub fn datum(s: &str) -> Result<jiff::civil::Date, String> {
    if s.trim().is_empty() {
        return Err("vul een datum in (dd-mm-jjjj)".into());
    }
    buig_plan::lees_datum(s)
}

/// A date for a field: `31-12-2024`.
pub fn datum_tekst(d: jiff::civil::Date) -> String {
    buig_core::nl::date_short(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_read_the_dutch_way_and_the_iso_way() {
        let d = jiff::civil::date(2024, 12, 31);
        for t in ["31-12-2024", "31/12/2024", "2024-12-31", " 31-12-2024 "] {
            assert_eq!(datum(t), Ok(d), "{t}");
        }
        assert_eq!(datum("1-2-2024"), Ok(jiff::civil::date(2024, 2, 1)));
        assert!(datum("31-02-2024").unwrap_err().contains("bestaat niet"));
        assert!(datum("12-31-24").unwrap_err().contains("dd-mm-jjjj"));
        assert!(datum("").is_err());
    }

    #[test]
    fn the_quarters_offered_include_the_current_one_chosen() {
        let (opties, nu) = kwartaalkeuze(None, jiff::civil::date(2026, 5, 10));
        assert_eq!(nu, "2026-K2");
        assert!(opties.iter().any(|(w, t)| w == "2026-K2" && t == "K2 2026"));
        assert_eq!(opties.first().unwrap().0, "2026-K4");
        assert_eq!(opties.last().unwrap().0, "2024-K1");
        // A plan of 2022–2023 can still be given its quarters.
        assert_eq!(kwartaalkeuze(Some(2022), jiff::civil::date(2026, 5, 10)).0.last().unwrap().0, "2022-K1");
    }

    #[test]
    fn a_field_with_an_error_keeps_the_text_and_points_to_its_message() {
        let mut i = Ingevuld::nieuw("jc");
        assert_eq!(i.lees("budget", "12,3,4", |_| Err::<(), _>("geen bedrag".to_string())), None);
        let html = Veld::new("budget", "Budget", Invoer::Bedrag).toon("jc", Some(&i)).into_string();
        assert!(html.contains("value=\"12,3,4\""), "{html}");
        assert!(html.contains("aria-invalid=\"true\"") && html.contains("aria-describedby=\"jc-budget-fout\""), "{html}");
        assert!(html.contains("id=\"jc-budget-fout\"") && html.contains("geen bedrag"));
        // Another form on the page is not filled in with it.
        let ander = Veld::new("budget", "Budget", Invoer::Bedrag).toon("vl", Some(&i)).into_string();
        assert!(!ander.contains("12,3,4") && !ander.contains("aria-invalid"));
    }
}
