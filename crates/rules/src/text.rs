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
    let _ = writeln!(o, "{:<21}{} ({}), {}", "Regel", r.regel_titel, r.regel, r.status);
    let soort = match r.beschikking {
        buig_core::records::BudgetSoort::Voorlopig => "Voorlopig budget",
        buig_core::records::BudgetSoort::NaderVoorlopig => "Nader voorl. budget",
        buig_core::records::BudgetSoort::Definitief => "Definitief budget",
    };
    let _ = writeln!(o, "{:<21}{}", soort, nl::money(r.budget));
    if let Some(z) = r.budget_zonder_art7 {
        let _ = writeln!(o, "{:<21}{} (drempels en treden)", "Zonder art. 7", nl::money(z));
    }
    let _ = writeln!(o, "{:<21}{} ({})", "Tekort", nl::money(r.tekort), nl::percentage(r.tekort_percentage));
    if r.routes.len() > 1 {
        // Two routes, each its own checklist, then one verdict.
        for t in &r.routes {
            let naam = match t.route {
                Route::Regulier => "Reguliere route",
                Route::VerlaagdeDrempel => "Verlaagde drempel",
            };
            let status = if t.status == Status::Bevestigd { String::new() } else { format!(" [{}]", t.status) };
            let _ = writeln!(
                o,
                "{:<21}drempel {} = {}; a {}, b {} → {}{status}",
                naam,
                nl::rule_percentage(t.drempel_percentage),
                nl::euro(t.drempel_bedrag),
                ja_nee(Some(t.voorwaarde_a)),
                ja_nee(t.voorwaarde_b),
                match t.recht {
                    Some(true) => format!("recht, {}", nl::money(t.uitkering)),
                    Some(false) => "geen recht".to_string(),
                    None => format!("onbekend (indien vervuld {})", nl::money(t.uitkering)),
                }
            );
        }
    } else {
        let _ = writeln!(
            o,
            "{:<21}{} (drempel {} = {})",
            "Voorwaarde a",
            ja_nee(Some(r.voorwaarde_a)),
            nl::rule_percentage(r.drempel_percentage),
            nl::euro(r.drempel_bedrag)
        );
        let b_detail = match (r.meerjarig_tekort, r.meerjarig_percentage) {
            (Some(m), Some(p)) => format!(" (gecumuleerd {} = {})", nl::money(m), nl::percentage(p)),
            _ => String::new(),
        };
        let _ = writeln!(o, "{:<21}{}{b_detail}", "Voorwaarde b", ja_nee(r.voorwaarde_b));
    }
    let _ = writeln!(o, "{:<21}{}", "Oordeel", r.oordeel);
    let _ = writeln!(
        o,
        "{:<21}{}{}{}",
        "Vangnetuitkering",
        opt_euro(r.vangnetuitkering),
        if r.recht.is_none() { format!(" (indien recht: {})", nl::money(r.vangnetuitkering_indien_recht)) } else { String::new() },
        if r.status == Status::Onbevestigd { " (werkhypothese)" } else { "" }
    );
    let _ = writeln!(o, "{:<21}{}", "Eigen risico", opt_euro(r.eigen_risico));
    let _ = writeln!(
        o,
        "{:<21}{}",
        "Formulier",
        r.formulier.as_ref().map(|f| f.to_string()).unwrap_or_else(|| crate::calc::vraag_verleend(&r.aanhoudend_jaren))
    );
    let _ = writeln!(
        o,
        "{:<21}{} ({})",
        "Ontvangen uiterlijk",
        nl::date_long(r.uiterste_indiendatum),
        crate::calc::termijn_tekst(r.uiterste_indiendatum, r.datum)
    );

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
    match r.status {
        Status::Onbevestigd => {
            let _ = writeln!(o, "\nStatus: WERKHYPOTHESE — de uitkomst steunt op onbevestigde regels, zie 'Let op'.");
        }
        Status::Afgeleid => {
            let _ = writeln!(o, "\nStatus: afgeleid — een regel is niet voor dit jaar zelf in een bron te vinden, zie de bronnen.");
        }
        Status::Bevestigd => {}
    }
    o
}
