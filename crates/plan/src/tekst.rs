// SPDX-License-Identifier: EUPL-1.2
//! The plan's overview and an action with its history as Dutch text (`buig
//! plan toon`, `buig plan actie`), and the Dutch wording of percentages and
//! progress that the other views reuse.

use buig_core::Money;
use rust_decimal::Decimal;

use crate::model::Niveau;
use crate::voortgang::{ActieDetail, Overzicht, Voortgang};

use buig_core::nl::{aantal as getal, met_teken};

/// The overview as Dutch text.
pub fn render_tekst(o: &Overzicht) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", o.titel, o.gemeente);
    if let (Some(v), Some(t)) = (o.van, o.tot) {
        let _ = writeln!(s, "Periode: {} t/m {}", buig_core::nl::date_short(v), buig_core::nl::date_short(t));
    }
    let doel = match (o.doel_uitkeringen, o.doel_euro) {
        (Some(n), Some(e)) => format!("{} uitkeringen minder en {} per jaar", getal(n), buig_core::nl::money(e)),
        (Some(n), None) => format!("{} uitkeringen minder", getal(n)),
        (None, Some(e)) => format!("{} per jaar", buig_core::nl::money(e)),
        (None, None) => "niet opgegeven".into(),
    };
    let _ = writeln!(s, "Doel: {doel}");
    if let Some(st) = &o.sturing {
        let _ = writeln!(s, "Sturing: {st}");
    }
    for l in &o.actielijnen {
        let _ = writeln!(s, "\nActielijn {}: {}", l.nummer, l.naam);
        let _ = writeln!(s, "  Voortgang: {}", voortgang_tekst(&l.voortgang));
        for a in &l.acties {
            let x = &a.actie;
            let doel = match (&x.doelwaarde, &x.eenheid) {
                (Some(w), Some(e)) => format!("{} {e}", buig_core::nl::getal(*w, w.scale())),
                (Some(w), None) => buig_core::nl::getal(*w, w.scale()),
                _ => "doel: zie doelstelling".into(),
            };
            let status = match &a.laatste_status {
                Some(u) => {
                    let g = u.gerealiseerd.map(|g| format!(", gerealiseerd {}", buig_core::nl::getal(g, g.scale()))).unwrap_or_default();
                    format!("{} {}{g}", u.kwartaal, u.status.tekst())
                }
                None => "nog geen status".into(),
            };
            let _ = writeln!(s, "  {:<3} {}", x.code, x.titel);
            let _ = writeln!(s, "      trekker: {}; {doel}; {status}", x.trekker.as_deref().unwrap_or("onbekend"));
            let mut extra = Vec::new();
            if let Some(p) = a.realisatie_pct {
                extra.push(format!("{} van het doel", pct_tekst(p)));
            }
            match (a.kosten, x.budget) {
                (Some(k), Some(b)) => extra.push(format!("besteed {} van budget {}", buig_core::nl::money(k), buig_core::nl::money(b))),
                (Some(k), None) => extra.push(format!("besteed {} (geen budget opgegeven)", buig_core::nl::money(k))),
                (None, Some(b)) => extra.push(format!("budget {}, nog geen kosten geboekt", buig_core::nl::money(b))),
                (None, None) => {}
            }
            if let Some(e) = &a.evaluatie {
                extra.push(format!("evaluatie {}: {}", buig_core::nl::date_short(e.datum), e.oordeel.tekst()));
            }
            if !extra.is_empty() {
                let _ = writeln!(s, "      {}", extra.join("; "));
            }
        }
    }
    let t = &o.totalen;
    let _ = writeln!(s, "\nTotaal: {} acties in {} actielijnen.", t.acties, o.actielijnen.len());
    let statussen: Vec<String> = t.per_status.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    let _ = writeln!(s, "Laatste status per actie — {}.", statussen.join(", "));
    let _ = writeln!(s, "Voortgang plan: {}", voortgang_tekst(&t.voortgang));
    if t.acties_zonder_budget == t.acties {
        let _ = writeln!(s, "Budget: per actie niet opgegeven.");
    } else {
        let _ = writeln!(s, "Budget: {} (zonder budget: {} acties).", buig_core::nl::money(t.budget), t.acties_zonder_budget);
    }
    if t.acties_zonder_effect < t.acties {
        let _ =
            writeln!(s, "Verwacht effect: {} uitkeringen (zonder effect: {} acties).", getal(t.effect_uitkeringen), t.acties_zonder_effect);
    }
    match (&o.sinds_nulmeting, o.nulmeting) {
        (Some(ont), _) => {
            let van_doel = o.doel_uitkeringen.map(|d| format!(" van doel {}", getal(d))).unwrap_or_default();
            let _ = writeln!(
                s,
                "Sinds nulmeting: {} uitkeringen{van_doel} (stand eind {}: {}, eind {}: {}).",
                met_teken(ont.verandering),
                ont.nulmeting_maand,
                getal(ont.stand_nulmeting as i64),
                ont.laatste_maand,
                getal(ont.stand_laatste as i64)
            );
        }
        (None, Some(_)) => {
            let _ = writeln!(s, "Sinds nulmeting: onbekend — er zijn geen uitkeringen na de nulmeting in de database.");
        }
        (None, None) => {
            let _ = writeln!(s, "Sinds nulmeting: onbekend — het plan heeft geen nulmeting.");
        }
    }
    if !o.risicos.is_empty() {
        let _ = writeln!(s, "\nRisico's en beheersmaatregelen:");
        for r in &o.risicos {
            let niveau = |n: Option<Niveau>| n.map_or("onbekend", Niveau::code);
            let _ = writeln!(s, "  {}. {}", r.nummer, r.risico);
            let _ = writeln!(s, "     beheersing: {}", r.beheersmaatregel);
            if r.eigenaar.is_some() || r.kans.is_some() || r.impact.is_some() {
                let _ = writeln!(
                    s,
                    "     eigenaar: {}; kans: {}; impact: {}",
                    r.eigenaar.as_deref().unwrap_or("onbekend"),
                    niveau(r.kans),
                    niveau(r.impact)
                );
            }
        }
    }
    s
}

/// One action with its history as Dutch text (`buig plan actie`).
pub fn render_actie(d: &ActieDetail) -> String {
    use std::fmt::Write;
    let a = &d.regel.actie;
    let nl_getal = |g: Decimal| buig_core::nl::getal(g, g.scale());
    let mut s = String::new();
    let _ = writeln!(s, "{} {} — {} ({})", a.code, a.titel, d.plan, d.gemeente);
    let _ = writeln!(s, "Actielijn {}: {}", a.lijn, d.lijn_naam);
    if !a.doelstelling.is_empty() {
        let _ = writeln!(s, "Doelstelling: {}", a.doelstelling);
    }
    if let Some(w) = a.doelwaarde {
        let vanaf = a.startwaarde.map(|v| format!(" (vanaf {})", nl_getal(v))).unwrap_or_default();
        let _ = writeln!(s, "Doelwaarde: {} {}{vanaf}", nl_getal(w), a.eenheid.as_deref().unwrap_or(""));
    }
    let _ = writeln!(s, "Trekker: {}", a.trekker.as_deref().unwrap_or("onbekend"));
    if let Some(p) = &a.planning {
        let _ = writeln!(s, "Planning: {p}");
    }
    let periode = match (a.start, a.eind) {
        (Some(b), Some(e)) => format!("{b} t/m {e}"),
        (Some(b), None) => format!("vanaf {b}"),
        (None, Some(e)) => format!("t/m {e}"),
        (None, None) => "niet opgegeven".into(),
    };
    let _ = writeln!(s, "Looptijd: {periode}");
    if let Some(so) = a.soort {
        let _ = writeln!(s, "Soort: {}", so.code());
    }
    if let Some(e) = a.effect_uitkeringen {
        let _ = writeln!(s, "Verwacht effect: {} uitkeringen minder", getal(e));
    }
    let budget = match (a.budget, d.regel.kosten) {
        (Some(b), k) => format!(
            "budget {}, besteed {}{}, resterend {}",
            buig_core::nl::money(b),
            buig_core::nl::money(k.unwrap_or(Money::ZERO)),
            d.regel.kosten_pct_budget.map(|p| format!(" ({})", pct_tekst(p))).unwrap_or_default(),
            buig_core::nl::money(d.budget_resterend.unwrap_or(b))
        ),
        (None, Some(k)) => format!("geen budget opgegeven, besteed {}", buig_core::nl::money(k)),
        (None, None) => "geen budget en geen kosten opgegeven".into(),
    };
    let _ = writeln!(s, "Kosten: {budget}");
    if let Some(p) = d.regel.realisatie_pct {
        let _ = writeln!(s, "Realisatie: {} van de doelwaarde (laatste kwartaal)", pct_tekst(p));
    }
    let _ = writeln!(s, "\nStatus per kwartaal:");
    if d.historie.is_empty() {
        let _ = writeln!(s, "  nog geen status vastgelegd");
    }
    for u in &d.historie {
        let g = u.gerealiseerd.map(|g| format!("; gerealiseerd {}", nl_getal(g))).unwrap_or_default();
        let k = u.kosten.map(|k| format!("; kosten {}", buig_core::nl::money(k))).unwrap_or_default();
        let n = u.notitie.as_deref().map(|n| format!("; {n}")).unwrap_or_default();
        let _ = writeln!(s, "  {}  {}{g}{k}{n}", u.kwartaal, u.status.tekst());
    }
    let _ = writeln!(s, "\nEvaluaties:");
    if d.evaluaties.is_empty() {
        let _ = writeln!(s, "  nog niet geëvalueerd");
    }
    for e in &d.evaluaties {
        let _ = writeln!(s, "  {}  {}: {}", buig_core::nl::date_short(e.datum), e.oordeel.tekst(), e.toelichting);
    }
    s
}

/// `37,5%`.
pub fn pct_tekst(p: Decimal) -> String {
    format!("{}%", buig_core::nl::getal(p, 1))
}

/// A line's or the plan's progress in one Dutch sentence.
pub fn voortgang_tekst(v: &Voortgang) -> String {
    let gemeten = match v.gemiddelde_realisatie_pct {
        Some(p) => format!("{} van {} acties gemeten, gemiddeld {} van het doel", v.acties_gemeten, v.acties, pct_tekst(p)),
        None => format!("van geen van de {} acties is een gerealiseerde waarde bij een doelwaarde bekend", v.acties),
    };
    let geld = if v.acties_zonder_budget == v.acties {
        if v.kosten == Money::ZERO {
            "geen budget en geen kosten opgegeven".to_string()
        } else {
            format!("besteed {} zonder opgegeven budget", buig_core::nl::money(v.kosten))
        }
    } else {
        let p = v.kosten_pct_budget.map(|p| format!(" ({})", pct_tekst(p))).unwrap_or_default();
        format!("besteed {} van budget {}{p}", buig_core::nl::money(v.kosten), buig_core::nl::money(v.budget))
    };
    format!("{gemeten}; {geld}.")
}
