// SPDX-License-Identifier: EUPL-1.2
//! The decisions of year t and t+1 side by side, and every change between
//! two decisions split into macro effect and share effect.

use buig_core::{nl, Money, Year};
use buig_grafiek::{Eenheid, Grafiek, Reeks, Soort};
use buig_prognose::budget::Beschikking;
use buig_prognose::BudgetOverzicht;
use jiff::civil::Date;

use crate::doc::{gewoon, grafiek_met_tabel, Blok, Tabel};
use crate::gedeeld::{euro_f64, opt_money, soort_tekst};

/// `€ 3.933.033 hoger` / `€ 12.000 lager` / `gelijk`.
pub fn hoger_lager(verschil: Money) -> String {
    if verschil.is_positive() {
        format!("{} hoger", nl::money(verschil))
    } else if verschil.is_negative() {
        format!("{} lager", nl::money(-verschil))
    } else {
        "gelijk".into()
    }
}

fn datum_tekst(b: &Beschikking) -> String {
    b.datum.map(nl::date_long).unwrap_or_else(|| "datum onbekend".into())
}

fn aandeel_tekst(b: &Beschikking) -> String {
    match (b.aandeel, b.aandeel_exact) {
        (_, Some(a)) => format!("{}%", nl::getal(a, 4)),
        (Some(a), None) => format!("{}%", nl::getal(a, 2)),
        _ => "onbekend".into(),
    }
}

/// `nader voorlopig 2026` → `NV2026` (chart labels).
fn afkorting(s: &str) -> String {
    let (soort, jaar) = s.rsplit_once(' ').unwrap_or(("", s));
    let k = match soort {
        "voorlopig" => "V",
        "nader voorlopig" => "NV",
        "definitief" => "D",
        _ => soort,
    };
    format!("{k}{jaar}")
}

/// `definitief 2023` → `definitief budget 2023`.
pub fn budget_naam(s: &str) -> String {
    match s.rsplit_once(' ') {
        Some((soort, jaar)) => format!("{soort} budget {jaar}"),
        None => s.to_string(),
    }
}

/// The sections "Beschikkingen t en t+1" and "Macro-effect en aandeeleffect".
pub fn blokken(overzicht: &BudgetOverzicht, t: Year, peildatum: Date) -> Vec<Blok> {
    let t1 = t.offset(1);
    let mut b = Vec::new();
    // --- Beschikkingen ---
    b.push(Blok::Kop1(format!("Beschikkingen {t} en {t1}")));
    b.push(Blok::Alinea(gewoon(format!(
        "Het macrobudget wordt voorlopig vastgesteld in september voorafgaand aan het uitvoeringsjaar, in het voorjaar nader voorlopig en in september van het uitvoeringsjaar definitief. Hieronder de beschikkingen die op {} bekend waren.",
        nl::date_long(peildatum)
    ))));
    let mut rijen = Vec::new();
    let mut g_besch = Grafiek::new(format!("BUIG-budget {t} en {t1} per beschikking"), Soort::Staaf, Eenheid::Euro);
    let mut waarden = Vec::new();
    for y in [t, t1] {
        for b in overzicht.jaren.iter().filter(|j| j.jaar == y).flat_map(|j| &j.beschikkingen) {
            rijen.push(vec![
                y.to_string(),
                soort_tekst(b.soort).to_string(),
                datum_tekst(b),
                nl::money(b.bedrag),
                opt_money(b.macrobudget),
                aandeel_tekst(b),
            ]);
            g_besch.x_labels.push(format!("{} {y}", soort_tekst(b.soort)));
            waarden.push(Some(euro_f64(b.bedrag)));
        }
    }
    g_besch.reeksen.push(Reeks::new("Budget", waarden));
    b.extend(grafiek_met_tabel(
        g_besch,
        Tabel {
            kop: vec!["Jaar".into(), "Beschikking".into(), "Datum".into(), "Budget".into(), "Macrobudget".into(), "Aandeel".into()],
            rijen,
            rechts: vec![false, false, false, true, true, true],
        },
    ));

    // --- Macro- en aandeeleffect ---
    let wijzigingen: Vec<_> =
        overzicht.wijzigingen.iter().filter(|w| w.naar.ends_with(&format!(" {t}")) || w.naar.ends_with(&format!(" {t1}"))).collect();
    b.push(Blok::Kop1("Macro-effect en aandeeleffect".into()));
    b.push(Blok::Alinea(gewoon(
        "Elke wijziging van het budget is gesplitst in het macro-effect (de ontwikkeling van het landelijke macrobudget bij een gelijk aandeel) en het aandeeleffect (de verandering van het aandeel van de gemeente in het macrobudget, het gevolg van het verdeelmodel en de eigen kenmerken). Samen zijn ze het verschil, tot op de cent.",
    )));
    if wijzigingen.is_empty() {
        b.push(Blok::Alinea(gewoon(format!("Er is over {t} en {t1} nog geen wijziging tussen twee beschikkingen bekend."))));
    } else {
        let mut gw = Grafiek::new("Wijziging van het budget: macro- en aandeeleffect", Soort::GestapeldeStaaf, Eenheid::Euro);
        gw.nullijn = true;
        gw.x_labels = wijzigingen.iter().map(|w| format!("{} → {}", afkorting(&w.van), afkorting(&w.naar))).collect();
        gw.reeksen.push(Reeks::new("Macro-effect", wijzigingen.iter().map(|w| w.macro_effect.map(euro_f64)).collect()));
        gw.reeksen.push(Reeks::new("Aandeeleffect", wijzigingen.iter().map(|w| w.aandeel_effect.map(euro_f64)).collect()));
        if wijzigingen.iter().any(|w| w.blks_verschil.is_some()) {
            gw.reeksen.push(Reeks::new("BLKS", wijzigingen.iter().map(|w| w.blks_verschil.map(euro_f64)).collect()));
        }
        let met_blks = wijzigingen.iter().any(|w| w.blks_verschil.is_some());
        let mut kop = vec!["Van → naar".to_string(), "Verschil".into(), "Macro-effect".into(), "Aandeeleffect".into()];
        if met_blks {
            kop.push("BLKS".into());
        }
        kop.push("Toelichting".into());
        let rijen = wijzigingen
            .iter()
            .map(|w| {
                let mut r =
                    vec![format!("{} → {}", w.van, w.naar), nl::money(w.verschil), opt_money(w.macro_effect), opt_money(w.aandeel_effect)];
                if met_blks {
                    r.push(opt_money(w.blks_verschil));
                }
                r.push(w.toelichting.replace('.', ","));
                r
            })
            .collect();
        let n = kop.len();
        let tabel = Tabel { kop, rijen, rechts: (0..n).map(|i| i > 0 && i < n - 1).collect() };
        b.extend(grafiek_met_tabel(gw, tabel));
    }

    b
}
