// SPDX-License-Identifier: EUPL-1.2
//! The readable Dutch report of a [`VangnetResult`], as `buig vangnet`
//! prints it without `--json`: a summary, the specification per year, the
//! commission's steps A–I, the explanation, the sources and the warnings.
//! Sentences a controller can paste into a council note.

use std::fmt::Write;

use buig_core::nl;

use crate::result::{Route, VangnetResult};
use crate::table::Status;

fn ja_nee(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "ja",
        Some(false) => "nee",
        None => "onbekend",
    }
}

fn opt_euro(d: Option<buig_core::Money>) -> String {
    d.map(nl::money).unwrap_or_else(|| "—".into())
}

/// Renders the report; lines are at most ~100 characters except the
/// explanation sentences, which are kept whole for pasting.
pub fn render(r: &VangnetResult) -> String {
    let mut o = String::new();
    let wie = r.gemeente.as_deref().map(|g| format!(" — {g}")).unwrap_or_default();
    let _ = writeln!(o, "Vangnetuitkering {}{wie}", r.jaar);
    let _ = writeln!(o, "{}", "=".repeat(24 + wie.chars().count()));
    if let Some(m) = &r.opmerking {
        let _ = writeln!(o, "({m})");
    }
    let _ = writeln!(o, "{:<19}{} ({}), {}", "Regel", r.regel_titel, r.regel, r.status);
    let _ = writeln!(o, "{:<19}{}", "Definitief budget", nl::money(r.budget));
    let _ = writeln!(o, "{:<19}{} ({})", "Tekort", nl::money(r.tekort), nl::percentage(r.tekort_percentage));
    let _ = writeln!(
        o,
        "{:<19}{} (drempel {} = {})",
        "Voorwaarde a",
        ja_nee(Some(r.voorwaarde_a)),
        nl::rule_percentage(r.drempel_percentage),
        nl::euro(r.drempel_bedrag)
    );
    let years = |ys: &[buig_core::Year]| nl::jaren(ys);
    let b_detail = match (&r.verlaagde_drempel, r.meerjarig_tekort, r.meerjarig_percentage) {
        (Some(v), _, _) if r.route == Route::VerlaagdeDrempel => format!(
            " (jaren met tekort ≥ {}: {}{})",
            nl::rule_percentage(v.minimum_percentage),
            if v.jaren_met_tekort.is_empty() { "geen".to_string() } else { years(&v.jaren_met_tekort) },
            if v.jaren_onbekend.is_empty() { String::new() } else { format!("; onbekend: {}", years(&v.jaren_onbekend)) }
        ),
        (_, Some(m), Some(p)) => format!(" (gecumuleerd {} = {})", nl::money(m), nl::percentage(p)),
        _ => String::new(),
    };
    let _ = writeln!(o, "{:<19}{}{b_detail}", "Voorwaarde b", ja_nee(r.voorwaarde_b));
    if r.route != Route::Regulier {
        let _ = writeln!(o, "{:<19}{}", "Route", r.route);
    }
    let _ = writeln!(o, "{:<19}{}", "Recht", ja_nee(r.recht));
    let _ = writeln!(
        o,
        "{:<19}{}{}",
        "Vangnetuitkering",
        opt_euro(r.vangnetuitkering),
        if r.recht.is_none() { format!(" (indien recht: {})", nl::money(r.vangnetuitkering_indien_recht)) } else { String::new() }
    );
    let _ = writeln!(o, "{:<19}{}", "Eigen risico", opt_euro(r.eigen_risico));
    let _ = writeln!(o, "{:<19}{}", "Formulier", r.formulier);
    let _ = writeln!(o, "{:<19}{}", "Indienen uiterlijk", nl::date_long(r.uiterste_indiendatum));

    let _ = writeln!(o, "\nSpecificatie per jaar");
    let _ = writeln!(o, "{:<6} {:>16} {:>16} {:>14} {:>14} {:>16} {:>8}", "jaar", "lasten", "baten", "correcties", "budget", "tekort", "%");
    for j in &r.jaren {
        let m = |x: Option<buig_core::Money>| x.map(nl::money).unwrap_or_else(|| "—".into());
        let _ = writeln!(
            o,
            "{:<6} {:>16} {:>16} {:>14} {:>14} {:>16} {:>8}",
            j.jaar.to_string(),
            m(j.lasten),
            m(j.baten),
            m(j.correcties),
            m(j.budget),
            nl::money(j.tekort),
            j.tekort_percentage.map(nl::percentage).unwrap_or_else(|| "—".into())
        );
    }

    let _ = writeln!(o, "\nBerekening (stappen van de Toetsingscommissie)");
    for s in &r.stappen {
        let bedrag = match s.bedrag {
            Some(b) if s.symbool.starts_with('H') => nl::euro_cent(b),
            Some(b) => nl::euro(b),
            None => "—".into(),
        };
        let _ = writeln!(o, "{:>3} {:<3} {:<70} {:>18}", s.stap, s.symbool, s.omschrijving, bedrag);
    }

    let _ = writeln!(o, "\nToelichting");
    for u in &r.uitleg {
        let _ = writeln!(o, "- {u}");
    }
    if !r.waarschuwingen.is_empty() {
        let _ = writeln!(o, "\nLet op");
        for w in &r.waarschuwingen {
            let _ = writeln!(o, "! {w}");
        }
    }
    let _ = writeln!(o, "\nBronnen");
    for b in &r.bronnen {
        let _ = writeln!(o, "- {b}");
    }
    if r.status == Status::Onbevestigd {
        let _ = writeln!(o, "\nStatus: ONBEVESTIGD — zie 'Let op'.");
    }
    o
}
