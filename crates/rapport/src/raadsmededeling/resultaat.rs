// SPDX-License-Identifier: EUPL-1.2
//! The expected result of year t at the peildatum: the sentence of the key
//! message, the monthly net costs chart, the figures and the band.

use buig_core::nl;
use buig_core::records::Stadium;
use buig_grafiek::{Eenheid, Grafiek, Reeks, Soort, Stijl};
use buig_prognose::kop::KopBudget;
use buig_prognose::{zinnen, PrognoseUitkomst};
use rust_decimal::Decimal;

use crate::doc::{gewoon, grafiek, Blok, Tabel};
use crate::gedeeld::{euro_f64, maand_label, soort_tekst};

/// The key message: the realised months, then the headline every view states.
pub fn zin(r: &PrognoseUitkomst, _naam: &str) -> String {
    let p = &r.prognose;
    let mut s = format!(
        "Op basis van de realisatie over {} {} verwachten we over {}: {}.",
        p.gerealiseerde_maanden,
        if p.gerealiseerde_maanden == 1 { "maand" } else { "maanden" },
        p.jaar,
        zinnen::kop_kern(&r.kop),
    );
    if let Some(z) = zinnen::huidige_beschikking_zin(&r.kop) {
        s.push(' ');
        s.push_str(&z);
    }
    if let Some(v) = &r.vorige_rapportage {
        s.push(' ');
        s.push_str(&zinnen::sinds_vorige_zin(v));
    }
    s
}

pub fn blokken(r: &PrognoseUitkomst) -> Vec<Blok> {
    let p = &r.prognose;
    let mut b = vec![Blok::Alinea(gewoon(format!(
        "Het resultaat is het budget min de netto lasten (lasten min baten); een negatief resultaat is een tekort. De netto lasten zijn de gerealiseerde maanden ({}) plus de verwachte maanden: het verwachte aantal uitkeringen maal de gemiddelde prijs per uitkering ({}), plus de loonkostensubsidie.",
        nl::money(p.gerealiseerd_netto),
        nl::euro(p.prijs_per_uitkering)
    )))];
    let mut gm = Grafiek::new(format!("Netto lasten per maand {}", p.jaar), Soort::Staaf, Eenheid::Euro);
    gm.x_labels = p.maanden.iter().map(|m| maand_label(&m.maand)).collect();
    let gerealiseerd = p.maanden.iter().map(|m| (m.stadium == Stadium::Realisatie).then(|| euro_f64(m.netto_lasten))).collect();
    let verwacht = p.maanden.iter().map(|m| (m.stadium != Stadium::Realisatie).then(|| euro_f64(m.netto_lasten))).collect();
    gm.reeksen.push(Reeks::new("Gerealiseerd", gerealiseerd));
    gm.reeksen.push(Reeks { naam: "Verwacht".into(), waarden: verwacht, stijl: Stijl::Gestippeld });
    b.extend(grafiek(gm));
    let mut rijen = vec![
        vec!["Gerealiseerde netto lasten".into(), nl::money(p.gerealiseerd_netto)],
        vec!["Verwachte netto lasten overige maanden".into(), nl::money(p.geprojecteerd_netto)],
        vec!["Netto lasten (verwacht)".into(), nl::money(p.netto_lasten)],
        vec![format!("Budget ({})", soort_tekst(p.budget.soort)), nl::money(p.budget_bedrag)],
    ];
    let k = &r.kop;
    if k.budget_soort == KopBudget::VerwachtDefinitief {
        // The definitief is not known yet: the result with the current decision, then the expected definitief.
        rijen.push(vec![format!("Resultaat met het {} budget", soort_tekst(p.budget.soort)), nl::money(p.resultaat)]);
        rijen.push(vec!["Verwacht definitief budget".into(), nl::money(k.budget)]);
    }
    rijen.push(vec!["Verwacht resultaat".into(), nl::money(k.resultaat)]);
    rijen.push(vec!["Tekort in % van het budget".into(), nl::percentage(k.tekort_percentage)]);
    if let (Some(p10), Some(p90)) = (k.p10, k.p90) {
        rijen.push(vec!["Resultaat P10 (ongunstig)".into(), nl::money(p10)]);
        rijen.push(vec!["Resultaat P90 (gunstig)".into(), nl::money(p90)]);
    }
    if let Some(x) = k.kans_tekort {
        rijen.push(vec!["Kans op een tekort".into(), nl::kans(x)]);
    }
    if let Some(x) = k.kans_vangnet {
        rijen.push(vec!["Kans op een vangnetuitkering".into(), nl::kans(x)]);
    }
    b.push(Blok::Tabel(Tabel { kop: vec!["Onderdeel".into(), "Bedrag".into()], rijen, rechts: vec![false, true] }));
    if let Some(v) = &r.vorige_rapportage {
        b.push(Blok::Alinea(gewoon(format!(
            "Sinds de vorige rapportage (verwacht resultaat toen {}): {} Het verschil naar oorzaak:",
            nl::money(v.resultaat),
            zinnen::sinds_vorige_zin(v)
        ))));
        let rijen = zinnen::sinds_vorige_delen(v).into_iter().map(|(a, b)| vec![a, b]).collect();
        b.push(Blok::Tabel(Tabel { kop: vec!["Oorzaak".into(), "Effect op het resultaat".into()], rijen, rechts: vec![false, true] }));
    }
    if let Some(o) = &r.onzekerheid {
        b.push(Blok::Alinea(gewoon(format!(
            "De bandbreedte komt uit {} doorrekeningen met wisselende instroom, uitstroom en prijs (vast startgetal {}, dus herhaalbaar){}.",
            nl::getal(Decimal::from(o.runs), 0),
            o.seed,
            if o.budget_getrokken { "; het definitieve budget was op de peildatum nog niet bekend en is ook gevarieerd" } else { "" }
        ))));
    }
    b
}
