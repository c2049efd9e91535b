// SPDX-License-Identifier: EUPL-1.2
//! The blocks of the aanvalsplan pages: the status chart, an action's
//! realised values against its target, progress and cost cells, and the
//! forms for a quarterly status and a plan import. Shared by the plan page
//! and the action page.

use buig_core::{nl, GemeenteCode, Money};
use buig_grafiek::{Eenheid, Grafiek, Reeks as Lijn, Soort, Stijl};
use buig_plan::{ActieDetail, Status, Voortgang};
use maud::{html, Markup};
use rust_decimal::Decimal;

use crate::pagina::euro;
use crate::sessie::Ingelogd;
use crate::veld::{self, Ingevuld, Invoer, Veld};

pub fn status_grafiek(o: &buig_plan::Overzicht) -> Grafiek {
    let mut g = Grafiek::new("Acties per actielijn naar laatste status", Soort::GestapeldeStaaf, Eenheid::Aantal);
    g.beschrijving = "Per actielijn het aantal acties, verdeeld naar de laatst gemelde status.".into();
    g.x_labels = o.actielijnen.iter().map(|l| format!("Lijn {}", l.nummer)).collect();
    let reeks = |naam: &str, f: &dyn Fn(Option<Status>) -> bool| Lijn {
        naam: naam.into(),
        waarden: o
            .actielijnen
            .iter()
            .map(|l| Some(l.acties.iter().filter(|a| f(a.laatste_status.as_ref().map(|s| s.status))).count() as f64))
            .collect(),
        stijl: Stijl::Doorgetrokken,
    };
    g.reeksen = vec![
        reeks("Op schema", &|s| s == Some(Status::OpSchema)),
        reeks("Gereed", &|s| s == Some(Status::Gereed)),
        reeks("Risico", &|s| s == Some(Status::Risico)),
        reeks("Achter", &|s| s == Some(Status::Achter)),
        reeks("Nog geen status", &|s| s.is_none()),
    ];
    g
}

pub fn dec(d: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    d.to_f64().unwrap_or(f64::NAN)
}

/// The realised value per quarter against the target.
pub fn actie_grafiek(d: &ActieDetail) -> Option<Grafiek> {
    let a = &d.regel.actie;
    if d.historie.iter().all(|u| u.gerealiseerd.is_none()) {
        return None;
    }
    let mut g = Grafiek::new(format!("Actie {}: gerealiseerd per kwartaal", a.code), Soort::Lijn, Eenheid::Aantal);
    g.beschrijving = format!(
        "Gerealiseerde waarde{} per kwartaal{}.",
        a.eenheid.as_deref().map(|e| format!(" ({e})")).unwrap_or_default(),
        a.doelwaarde.map(|w| format!(" tegen de doelwaarde {}", nl::getal(w, w.scale()))).unwrap_or_default()
    );
    g.x_labels = d.historie.iter().map(|u| u.kwartaal.to_string()).collect();
    g.reeksen.push(Lijn::new("Gerealiseerd", d.historie.iter().map(|u| u.gerealiseerd.map(dec)).collect()));
    if let Some(w) = a.doelwaarde {
        g.reeksen.push(Lijn { naam: "Doelwaarde".into(), waarden: vec![Some(dec(w)); d.historie.len()], stijl: Stijl::Gestippeld });
    }
    Some(g)
}

pub fn pct(p: Option<Decimal>) -> String {
    p.map(buig_plan::pct_tekst).unwrap_or_else(|| "–".into())
}

/// Costs over budget in a table cell: the amount, below it the budget and the share.
pub fn kosten_cel(kosten: Option<Money>, budget: Option<Money>, p: Option<Decimal>) -> Markup {
    match (kosten, budget) {
        (k, Some(b)) => html! {
            (euro(Some(k.unwrap_or(Money::ZERO)))) br;
            small { "van " (euro(Some(b))) @if let Some(p) = p { " (" (buig_plan::pct_tekst(p)) ")" } }
        },
        (Some(k), None) => html! { (euro(Some(k))) br; small { "geen budget" } },
        (None, None) => html! { "–" },
    }
}

/// `1 op schema · 1 risico · 23 zonder status`.
pub fn per_status_tekst(per: &std::collections::BTreeMap<String, usize>) -> String {
    let mut delen: Vec<String> = Status::ALLE.iter().filter_map(|s| per.get(s.code()).map(|n| format!("{n} {}", s.tekst()))).collect();
    if let Some(n) = per.get("geen") {
        delen.push(format!("{n} zonder status"));
    }
    delen.join(" · ")
}

pub fn voortgang_kaart(v: &Voortgang) -> Markup {
    html! { p.voortgang { "Voortgang: " (buig_plan::voortgang_tekst(v)) } }
}

/// The labels of the plan forms' fields, for the summary of errors.
pub const LABELS: &[(&str, &str)] = &[
    ("actie", "Actie"),
    ("kwartaal", "Kwartaal"),
    ("status", "Status"),
    ("gerealiseerd", "Gerealiseerd"),
    ("kosten", "Kosten dit kwartaal"),
    ("notitie", "Notitie"),
    ("datum", "Datum"),
    ("oordeel", "Oordeel"),
    ("toelichting", "Toelichting"),
    ("risico", "Risico"),
    ("beheersmaatregel", "Beheersmaatregel"),
    ("eigenaar", "Eigenaar"),
    ("kans", "Kans"),
    ("impact", "Impact"),
    ("bestand", "Bestand"),
    ("titel", "Titel van het plan"),
    ("van", "Periode van"),
    ("tot", "Periode tot en met"),
    ("doel_uitkeringen", "Doel: uitkeringen minder"),
    ("doel_euro", "Doel in euro's per jaar"),
    ("nulmeting", "Nulmeting"),
    ("blad", "Werkblad"),
    ("sturing", "Sturing"),
];

/// A quarter's status of an action (`vast`: on the action's page); quarters from the plan's first year on.
pub fn status_form(
    ik: &Ingelogd,
    code: GemeenteCode,
    titel: &str,
    acties: &[(String, String)],
    vast: Option<&str>,
    eerste_jaar: Option<i16>,
    ingevuld: Option<&Ingevuld>,
) -> Markup {
    let (kwartalen, nu) = veld::kwartaalkeuze(eerste_jaar, buig_dienst::vandaag());
    let statussen: Vec<(String, String)> = Status::ALLE.iter().map(|s| (s.code().to_string(), s.tekst().to_string())).collect();
    let acties: Vec<(String, String)> = acties.iter().map(|(c, t)| (c.clone(), format!("{c} {t}"))).collect();
    html! {
        form.knoppen method="post" action={ "/g/" (code) "/plan/status" } novalidate {
            input type="hidden" name="csrf" value=(ik.csrf);
            input type="hidden" name="titel" value=(titel);
            @if let Some(a) = vast {
                input type="hidden" name="actie" value=(a);
                input type="hidden" name="terug" value="actie";
            } @else {
                (veld::keuze("st", "actie", "Actie", &acties, None, ingevuld))
            }
            (veld::keuze("st", "kwartaal", "Kwartaal", &kwartalen, Some(&nu), ingevuld))
            (veld::keuze("st", "status", "Status", &statussen, None, ingevuld))
            (Veld::new("gerealiseerd", "Gerealiseerd", Invoer::Getal).hint("in de eenheid van de actie").toon("st", ingevuld))
            (Veld::new("kosten", "Kosten dit kwartaal", Invoer::Bedrag).hint("euro's, bijv. 12.500").toon("st", ingevuld))
            (Veld::new("notitie", "Notitie", Invoer::Tekst).max(500).toon("st", ingevuld))
            div { button type="submit" { "Opslaan" } }
        }
    }
}

/// The upload form of a plan (CSV or XLSX, one row per action), as `buig plan import`.
pub fn import_form(ik: &Ingelogd, code: GemeenteCode, titel: Option<&str>, ingevuld: Option<&Ingevuld>) -> Markup {
    html! {
        p { "Eén rij per actie met de kolommen lijn, code en titel en verder naar keuze lijn_naam, doelstelling, eenheid, doelwaarde, startwaarde, trekker, planning, start, eind, budget, soort, effect_uitkeringen, effect_euro. In Excel mag een blad \"risico's\" de risico's geven. Alles of niets: bij één foute rij wordt niets opgeslagen. Een plan met dezelfde titel wordt vervangen; statussen en evaluaties van acties die blijven, blijven bewaard." }
        form.knoppen method="post" action={ "/g/" (code) "/plan/import" } enctype="multipart/form-data" novalidate {
            input type="hidden" name="csrf" value=(ik.csrf);
            div { label for="plan-bestand" { "Bestand" span.hint { "CSV of XLSX" } } input #plan-bestand type="file" name="bestand" accept=".csv,.txt,.xlsx" required; }
            (Veld::new("titel", "Titel van het plan", Invoer::Tekst).verplicht().max(200).standaard(titel.unwrap_or("")).toon("plan", ingevuld))
            (Veld::new("van", "Periode van", Invoer::Datum).toon("plan", ingevuld))
            (Veld::new("tot", "Periode tot en met", Invoer::Datum).toon("plan", ingevuld))
            (Veld::new("doel_uitkeringen", "Doel: uitkeringen minder", Invoer::Geheel).toon("plan", ingevuld))
            (Veld::new("doel_euro", "Doel in euro's per jaar", Invoer::Bedrag).toon("plan", ingevuld))
            (Veld::new("nulmeting", "Nulmeting", Invoer::Datum).toon("plan", ingevuld))
            (Veld::new("blad", "Werkblad (Excel)", Invoer::Tekst).hint("leeg = het eerste").toon("plan", ingevuld))
            (Veld::new("sturing", "Sturing", Invoer::Tekst).hint("wie stuurt, hoe wordt gerapporteerd").max(2000).toon("plan", ingevuld))
            div { button type="submit" { "Importeren" } }
        }
    }
}
