// SPDX-License-Identifier: EUPL-1.2
//! The data status's checklist, shared by the "Gegevens" page and the
//! overview of a gemeente without monthly data: what is missing, what it
//! blocks, and a link to the form or import that fills it.

use buig_core::GemeenteCode;
use buig_dienst::status::{Actie, DataStatus};
use maud::{html, Markup};

use crate::sessie::Ingelogd;

/// A link that fills the gap (for a bewerker), or what to ask.
fn actie(ik: &Ingelogd, code: GemeenteCode, a: &Actie) -> Markup {
    let mag = ik.gebruiker.mag_bewerken(&code);
    let (href, tekst) = match a {
        Actie::Import { bestand } => (format!("/g/{code}/import?soort={bestand}"), format!("{} importeren", woord(bestand))),
        Actie::Jaarcijfer { jaar } => (format!("/g/{code}/vangnet?jaar={jaar}#aanvullen"), format!("budget en tekort {jaar} invullen")),
        Actie::Verleend { jaar } => {
            (format!("/g/{code}/vangnet?jaar={}#aanvullen", jaar.offset(1)), format!("vangnetuitkering {jaar} verleend? invullen"))
        }
    };
    html! { @if mag { a href=(href) { (tekst) } } @else { (tekst) " (door een bewerker)" } }
}

fn woord(bestand: &str) -> &'static str {
    match bestand {
        "realisatie" => "maandrealisatie",
        "budget" => "beschikkingen",
        "uitkeringen" => "uitkeringen",
        "inwoners" => "inwoners",
        _ => "gegevens",
    }
}

/// What is missing, and what it blocks: the list that leads the page and the overview without months.
pub fn checklist(ik: &Ingelogd, code: GemeenteCode, s: &DataStatus) -> Markup {
    html! {
        @if s.blokkades.is_empty() {
            p.melding.goed { "Er ontbreekt niets voor de antwoorden van de BUIG-monitor." }
        } @else {
            h2 { "Wat ontbreekt" }
            ul.uitleg {
                @for b in &s.blokkades {
                    li { strong { (b.antwoord) } ": " (b.ontbreekt) " "
                        @for (i, a) in b.acties.iter().enumerate() { @if i > 0 { " · " } (actie(ik, code, a)) } }
                }
            }
        }
    }
}
