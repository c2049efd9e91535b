// SPDX-License-Identifier: EUPL-1.2
//! The sentences every view uses to state a prognosis and a vangnet
//! position, so the overview, the prognosis page, the vangnet page, the
//! documents and the command line say it the same way.
//!
//! In the prognosis stage the vangnet is a chance, an expected amount and
//! the amount if the year ends at the headline; "recht" and "kan een beroep
//! doen" are said only of realised years, or at even odds or better. An
//! amount that depends on a working hypothesis is marked so.

use buig_core::records::Stadium;
use buig_core::{nl, Money, Year};
use buig_rules::Status;

use crate::kop::{Kop, KopBudget};
use crate::vangnet::VangnetPositie;

/// The mark after an amount that depends on an unconfirmed rule.
pub fn werkhypothese(status: Status) -> &'static str {
    if status == Status::Onbevestigd {
        " (werkhypothese)"
    } else {
        ""
    }
}

/// "een tekort van € 2.148.995" / "een overschot van € 1.200.000".
pub fn resultaat_woorden(resultaat: Money) -> String {
    if resultaat.is_negative() {
        format!("een tekort van {}", nl::money(-resultaat))
    } else {
        format!("een overschot van {}", nl::money(resultaat))
    }
}

/// The 80% band in words: "een tekort tussen € 2.442.495 en € 2.679.434",
/// "een overschot tussen …", or "tussen een tekort van … en een overschot van …".
pub fn band_woorden(p10: Money, p90: Money) -> String {
    if p90.is_negative() {
        format!("een tekort tussen {} en {}", nl::money(-p90), nl::money(-p10))
    } else if !p10.is_negative() {
        format!("een overschot tussen {} en {}", nl::money(p10), nl::money(p90))
    } else {
        format!("tussen een tekort van {} en een overschot van {}", nl::money(-p10), nl::money(p90))
    }
}

/// The headline's core: "een tekort van € 2.148.995 (5,13% van het verwachte
/// definitieve budget van € 41.900.000); met 80% zekerheid een tekort tussen … en …".
pub fn kop_kern(k: &Kop) -> String {
    let budget = match k.budget_soort {
        KopBudget::VerwachtDefinitief => "het verwachte definitieve budget",
        KopBudget::Beschikking => "het budget",
    };
    let mut s = resultaat_woorden(k.resultaat);
    if k.resultaat.is_negative() {
        s.push_str(&format!(" ({} van {budget} van {})", nl::percentage(k.tekort_percentage), nl::money(k.budget)));
    }
    if let (Some(p10), Some(p90)) = (k.p10, k.p90) {
        s.push_str(&format!("; met 80% zekerheid {}", band_woorden(p10, p90)));
    }
    s
}

/// The headline: "Verwacht resultaat 2026: een tekort van € 2.148.995 (5,13% van het verwachte definitieve budget van € 41.900.000); …".
pub fn kop_zin(k: &Kop, jaar: Year) -> String {
    format!("Verwacht resultaat {jaar}: {}.", kop_kern(k))
}

/// The second line, when the definitief is not known: the result with the current decision and why the headline differs.
pub fn huidige_beschikking_zin(k: &Kop) -> Option<String> {
    let h = k.met_huidige_beschikking.as_ref()?;
    Some(format!(
        "Met de huidige {} beschikking ({}) zou het resultaat {} zijn: {}.",
        crate::budget::soort_label(h.soort),
        nl::money(h.budget),
        nl::money(h.resultaat),
        h.reden
    ))
}

/// The vangnet of a prognosis: the chance, the expected amount, the amount if the year ends at the headline.
pub fn vangnet_prognose_zin(k: &Kop, jaar: Year, naam: &str) -> String {
    let status = k.vangnet.as_ref().map(|v| v.resultaat.status).unwrap_or(Status::Bevestigd);
    // Nothing rests on a hypothesis when nothing is paid.
    let mark = if k.verwachte_vangnetuitkering.is_some_and(|x| x.is_positive()) { werkhypothese(status) } else { "" };
    let bij_kop = k.uitkering_bij_kop();
    let mut s = match (k.kans_vangnet, k.verwachte_vangnetuitkering) {
        (Some(kans), Some(verwacht)) => format!(
            "Kans op een vangnetuitkering over {jaar}: {}; het verwachte bedrag over alle doorrekeningen is {}{mark}.",
            nl::kans(kans),
            nl::money(verwacht)
        ),
        _ => String::new(),
    };
    let even = k.kans_vangnet.is_some_and(|p| p >= 0.5);
    let zin = match (bij_kop, k.vangnet.is_some()) {
        (_, false) => format!(" De vangnetregels dekken {jaar} niet."),
        (None, true) => " Eindigt het jaar zoals verwacht, dan is er geen vangnetuitkering.".to_string(),
        (Some(x), true) if even => format!(
            " Eindigt het jaar zoals verwacht, dan kan {naam} een beroep doen op het vangnet ad {}{}; daarvoor moet de hele vangnetprocedure worden doorlopen.",
            nl::money(x),
            werkhypothese(status)
        ),
        (Some(x), true) => format!(" Eindigt het jaar zoals verwacht, dan zou de vangnetuitkering {}{} zijn.", nl::money(x), werkhypothese(status)),
    };
    s.push_str(&zin);
    s.trim().to_string()
}

/// A year's vangnet position in short, for a table cell: realised years say
/// "recht"; a prognosis says only what the payout would be at the estimate.
pub fn positie_kort(v: &VangnetPositie) -> String {
    let r = &v.resultaat;
    let mark = werkhypothese(r.status);
    let x = r.vangnetuitkering.unwrap_or(r.vangnetuitkering_indien_recht);
    match (v.stadium, r.recht) {
        (Stadium::Realisatie, Some(true)) => format!("recht, {}{mark}", nl::money(x)),
        (Stadium::Realisatie, Some(false)) => "geen recht".into(),
        (Stadium::Realisatie, None) => format!("onbekend; indien vervuld {}{mark}", nl::money(x)),
        (Stadium::Prognose, Some(true)) => format!("{}{mark}", nl::money(x)),
        (Stadium::Prognose, Some(false)) => "geen vangnetuitkering".into(),
        (Stadium::Prognose, None) => format!("onbekend; indien vervuld {}{mark}", nl::money(x)),
    }
}

/// A year's vangnet position in a sentence, for a page: the right and amount
/// of a realised year, or what a prognosis would give.
pub fn positie_zin(v: &VangnetPositie) -> String {
    let r = &v.resultaat;
    let mark = werkhypothese(r.status);
    let x = r.vangnetuitkering.unwrap_or(r.vangnetuitkering_indien_recht);
    match (v.stadium, r.recht) {
        (Stadium::Realisatie, Some(true)) => format!("recht op een vangnetuitkering van {}{mark}", nl::money(x)),
        (Stadium::Realisatie, Some(false)) => "geen recht op een vangnetuitkering".into(),
        (Stadium::Realisatie, None) => {
            format!("recht nog niet vast te stellen (gegevens van eerdere jaren ontbreken); indien vervuld {}{mark}", nl::money(x))
        }
        (Stadium::Prognose, Some(true)) => format!("bij deze raming een vangnetuitkering van {}{mark}", nl::money(x)),
        (Stadium::Prognose, Some(false)) => "bij deze raming geen vangnetuitkering".into(),
        (Stadium::Prognose, None) => {
            format!(
                "bij deze raming nog niet vast te stellen (gegevens van eerdere jaren ontbreken); indien vervuld {}{mark}",
                nl::money(x)
            )
        }
    }
}

/// How the headline moved since the last report moment: "€ 104.210
/// positiever dan de rapportage met peildatum 30 juni 2026, vooral door het
/// aantal uitkeringen (€ 98.120 positiever)." The largest of the four parts
/// that moved the same way as the whole is named.
pub fn sinds_vorige_zin(v: &crate::rapportage::VorigeRapportage) -> String {
    let datum = v.peildatum.parse::<jiff::civil::Date>().map(nl::date_long).unwrap_or_else(|_| v.peildatum.clone());
    let richting = |m: Money| if m.is_negative() { "negatiever" } else { "positiever" };
    if v.verschil == Money::ZERO {
        return format!("Gelijk aan de rapportage met peildatum {datum}.");
    }
    let delen = [
        (v.volume, "het aantal uitkeringen"),
        (v.prijs, "de gemiddelde lasten per uitkering"),
        (v.budget, "het budget"),
        (v.overig, "overige oorzaken, zoals de loonkostensubsidie en de spreiding van de prognose"),
    ];
    let hoofd = delen.iter().filter(|(m, _)| m.is_negative() == v.verschil.is_negative() && *m != Money::ZERO).max_by_key(|(m, _)| m.abs());
    let mut s = format!("{} {} dan de rapportage met peildatum {datum}", nl::money(v.verschil.abs()), richting(v.verschil));
    if let Some((m, wat)) = hoofd {
        s.push_str(&format!(", vooral door {wat} ({} {})", nl::money(m.abs()), richting(*m)));
    }
    s.push('.');
    s
}

/// The four parts in a line each: "aantal uitkeringen: € 98.120 positiever".
pub fn sinds_vorige_delen(v: &crate::rapportage::VorigeRapportage) -> Vec<(String, String)> {
    let w = |m: Money| match m {
        m if m == Money::ZERO => "geen verschil".to_string(),
        m if m.is_negative() => format!("{} negatiever", nl::money(-m)),
        m => format!("{} positiever", nl::money(m)),
    };
    vec![
        ("Aantal uitkeringen (volume)".into(), w(v.volume)),
        ("Lasten per uitkering (prijs)".into(), w(v.prijs)),
        ("Budget".into(), w(v.budget)),
        ("Overig".into(), w(v.overig)),
        ("Totaal".into(), w(v.verschil)),
    ]
}
