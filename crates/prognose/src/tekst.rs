// SPDX-License-Identifier: EUPL-1.2
//! The Dutch text of the budget view (`buig budget`), the prognosis
//! (`buig prognose`) and the backtest, as the command line prints them.
//! Formats through `buig_core::nl`, so the text says what the pages say.

use std::fmt::Write;

use buig_core::nl::{self, kans};
use buig_core::records::{BudgetSoort, Stadium};
use buig_core::Money;
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::backtest::Backtest;
use crate::budget::BudgetOverzicht;
use crate::prognose::{dec, soort_label};
use crate::uitkomst::PrognoseUitkomst;
use crate::vangnet::VangnetPositie;

fn pct(p: buig_core::Percentage) -> String {
    nl::percentage(p)
}

fn vangnet_tekst(v: &Option<VangnetPositie>) -> String {
    v.as_ref().map(crate::zinnen::positie_kort).unwrap_or_else(|| "niet te berekenen".into())
}

/// The Dutch text of the report.
pub fn render_uitkomst(r: &PrognoseUitkomst) -> String {
    let p = &r.prognose;
    let mut s = String::new();
    let wie = match (&r.naam, &r.gemeente) {
        (Some(n), Some(c)) => format!("{n} ({c})"),
        (None, Some(c)) => c.clone(),
        (Some(n), None) => n.clone(),
        (None, None) => String::new(),
    };
    let peil = p.peildatum.parse::<Date>().map(nl::date_short).unwrap_or_else(|_| p.peildatum.clone());
    let _ = writeln!(s, "Prognose BUIG {} {wie}, peildatum {peil}\n", p.jaar);
    // The headline every view states, then how it is built up.
    let naam = r.naam.clone().unwrap_or_else(|| "de gemeente".into());
    let _ = writeln!(s, "{}", crate::zinnen::kop_zin(&r.kop, p.jaar));
    if let Some(z) = crate::zinnen::huidige_beschikking_zin(&r.kop) {
        let _ = writeln!(s, "{z}");
    }
    let _ = writeln!(s, "{}\n", crate::zinnen::vangnet_prognose_zin(&r.kop, p.jaar, &naam));
    if let Some(v) = &r.vorige_rapportage {
        let _ = writeln!(s, "Sinds de vorige rapportage: {}", crate::zinnen::sinds_vorige_zin(v));
        for (wat, hoeveel) in crate::zinnen::sinds_vorige_delen(v) {
            let _ = writeln!(s, "  {wat:<50} {hoeveel:>22}");
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "Opbouw met de {} beschikking:", soort_label(p.budget.soort));
    let rij = |s: &mut String, label: String, waarde: String| {
        let _ = writeln!(s, "{label:<52} {waarde:>16}");
    };
    rij(&mut s, format!("Gerealiseerd ({} maanden)", p.gerealiseerde_maanden), nl::money(p.gerealiseerd_netto));
    rij(&mut s, format!("Geprojecteerd ({} maanden)", 12 - p.gerealiseerde_maanden), nl::money(p.geprojecteerd_netto));
    rij(&mut s, "Verwachte netto lasten".into(), nl::money(p.netto_lasten));
    let datum =
        p.budget.datum.as_deref().and_then(|d| d.parse::<Date>().ok()).map(|d| format!(" van {}", nl::date_short(d))).unwrap_or_default();
    rij(&mut s, format!("Budget ({} beschikking{datum})", soort_label(p.budget.soort)), nl::money(p.budget_bedrag));
    let soort = if p.resultaat.is_negative() { "tekort" } else { "overschot" };
    rij(&mut s, format!("Resultaat met deze beschikking ({soort})"), nl::money(p.resultaat));
    rij(&mut s, format!("Tekort met deze beschikking ({})", pct(p.tekort_percentage)), nl::money(p.tekort));
    let _ = writeln!(
        s,
        "\nGrondslag: prijs per uitkering {} per maand (netto, excl. LKS), LKS {} per maand, stand {} bij de start; instroom en uitstroomkans per kalendermaand uit {}.",
        nl::euro_cent(p.prijs_per_uitkering),
        nl::money(p.lks_per_maand),
        nl::getal(Decimal::from(p.stand_start), 0),
        p.historie_jaren.iter().map(|j| j.to_string()).collect::<Vec<_>>().join(", ")
    );
    let projectie: Vec<String> = p
        .maanden
        .iter()
        .filter(|m| m.stadium == Stadium::Prognose)
        .map(|m| format!("{} {}", &m.maand[5..], nl::getal(dec(m.stand, 0), 0)))
        .collect();
    if !projectie.is_empty() {
        let _ = writeln!(s, "Verwachte stand per maand: {}", projectie.join(" · "));
    }
    if let Some(o) = &r.onzekerheid {
        let _ = writeln!(s, "\nOnzekerheid (Monte Carlo, {} runs, seed {})", nl::getal(Decimal::from(o.runs), 0), o.seed);
        let _ = writeln!(s, "Resultaat P10 / P50 / P90   {} / {} / {}", nl::money(o.p10), nl::money(o.p50), nl::money(o.p90));
        let _ = writeln!(s, "Kans op een tekort          {}", kans(o.kans_tekort));
        if o.budget_getrokken {
            let _ =
                writeln!(s, "Het definitieve budget is getrokken rond de laatste beschikking (historische wijzigingen van deze gemeente).");
        }
    }
    if !r.verloop.is_empty() {
        let _ = writeln!(s, "\nHoe de onzekerheid afneemt (P10–P90 van het resultaat per maandeinde)");
        let _ = writeln!(s, "{:<12} {:>14} {:>14} {:>14} {:>14} {:>9}", "peildatum", "P10", "P50", "P90", "breedte", "vangnet");
        for v in &r.verloop {
            let d = v.peildatum.parse::<Date>().map(nl::date_short).unwrap_or_else(|_| v.peildatum.clone());
            let _ = writeln!(
                s,
                "{:<12} {:>14} {:>14} {:>14} {:>14} {:>9}",
                d,
                nl::money(v.p10),
                nl::money(v.p50),
                nl::money(v.p90),
                nl::money(v.breedte),
                kans(v.kans_vangnet)
            );
        }
    }
    if !r.scenarios.is_empty() {
        let _ = writeln!(s, "\nScenario's naast de basis");
        let _ = writeln!(
            s,
            "{:<40} {:>14} {:>14} {:>8} {:>14}  vangnet",
            "scenario (verwachting)", "netto lasten", "resultaat", "tekort", "Δ netto"
        );
        let _ = writeln!(
            s,
            "{:<40} {:>14} {:>14} {:>8} {:>14}  {}",
            "basis",
            nl::money(r.kop.netto_lasten),
            nl::money(r.kop.resultaat),
            pct(r.kop.tekort_percentage),
            "",
            vangnet_tekst(&r.kop.vangnet)
        );
        for sc in &r.scenarios {
            let mut naam = sc.naam.clone();
            if naam.chars().count() > 40 {
                naam = naam.chars().take(39).collect::<String>() + "…";
            }
            let _ = writeln!(
                s,
                "{:<40} {:>14} {:>14} {:>8} {:>14}  {}",
                naam,
                nl::money(sc.kop.netto_lasten),
                nl::money(sc.kop.resultaat),
                pct(sc.kop.tekort_percentage),
                nl::money(sc.kop.netto_lasten - r.kop.netto_lasten),
                vangnet_tekst(&sc.kop.vangnet)
            );
            if let Some(o) = &sc.onzekerheid {
                let _ =
                    writeln!(s, "{:<40} P10 {} · P90 {} · kans vangnet {}", "", nl::money(o.p10), nl::money(o.p90), kans(o.kans_vangnet));
            }
        }
    }
    let mut w = p.waarschuwingen.clone();
    if let Some(v) = &r.kop.vangnet {
        w.extend(v.waarschuwingen.iter().cloned());
    }
    if !w.is_empty() {
        let _ = writeln!(s, "\nLet op");
        for x in w {
            let _ = writeln!(s, "! {x}");
        }
    }
    s
}

/// The Dutch text of the backtest.
pub fn render_backtest(b: &Backtest) -> String {
    let mut s = String::new();
    let jaren = b.jaren.iter().map(|j| j.to_string()).collect::<Vec<_>>().join(", ");
    let _ = writeln!(s, "Backtest van de prognose (zonder scenario) op de jaren {jaren}");
    let _ = writeln!(s, "Fout = prognose van het resultaat op de peildatum − gerealiseerd resultaat.");
    let _ = writeln!(
        s,
        "Dekking = aandeel gerealiseerde resultaten binnen P10–P90 (goed: rond 80%); Brier = gemiddelde (kans − uitkomst)², 0 is perfect.\n"
    );
    let pct =
        |x: Option<f64>| x.map(|v| nl::procent(Decimal::from_f64_retain(v * 100.0).unwrap_or_default(), 0)).unwrap_or_else(|| "–".into());
    let brier = |x: Option<f64>| x.map(|v| nl::getal(Decimal::from_f64_retain(v).unwrap_or_default(), 3)).unwrap_or_else(|| "–".into());
    let _ = writeln!(
        s,
        "{:<14} {:>7} {:>16} {:>10} {:>18} {:>8} {:>12} {:>13}",
        "peildatum", "aantal", "gem. abs. fout", "in %-punt", "fout netto lasten", "dekking", "Brier tekort", "Brier vangnet"
    );
    for m in &b.per_maand {
        let _ = writeln!(
            s,
            "{:<14} {:>7} {:>16} {:>10} {:>18} {:>8} {:>12} {:>13}",
            format!("eind {}", nl::month_short(2000, m.maand as i8).split(' ').next().unwrap_or("")),
            m.aantal,
            nl::money(m.mae),
            nl::getal(m.mae_pp, 2),
            nl::money(m.mae_netto_lasten),
            pct(m.kalibratie.dekking_p10_p90),
            brier(m.kalibratie.brier_tekort),
            brier(m.kalibratie.brier_vangnet)
        );
    }
    let _ = writeln!(
        s,
        "{:<14} {:>7} {:>16} {:>10} {:>18} {:>8} {:>12} {:>13}",
        "alle",
        b.regels.len(),
        nl::money(b.mae),
        nl::getal(b.mae_pp, 2),
        nl::money(b.mae_netto_lasten),
        pct(b.kalibratie.dekking_p10_p90),
        brier(b.kalibratie.brier_tekort),
        brier(b.kalibratie.brier_vangnet)
    );
    let _ = writeln!(s, "\nDe fout in het resultaat bevat die van het budget: vóór de definitieve beschikking rekent de prognose met de (nader) voorlopige.");
    s
}

/// The readable Dutch report of the view, as `buig budget` prints it.
pub fn render_tabel(o: &BudgetOverzicht) -> String {
    let e = |m: Option<Money>| m.map(nl::money).unwrap_or_else(|| "—".into());
    let mut s = String::new();
    let wie = match (&o.naam, &o.gemeente) {
        (Some(n), Some(c)) => format!("{n} ({c})"),
        (None, Some(c)) => c.clone(),
        (Some(n), None) => n.clone(),
        (None, None) => String::new(),
    };
    let _ = writeln!(s, "BUIG-budget {wie}\n");
    let _ = writeln!(
        s,
        "{:<6} {:>14} {:>16} {:>14} {:>14} {:>14} {:>8}  vangnet",
        "jaar", "voorlopig", "nader voorlopig", "definitief", "netto lasten", "resultaat", "tekort"
    );
    for j in &o.jaren {
        let b = |soort: BudgetSoort| j.beschikkingen.iter().find(|b| b.soort == soort).map(|b| b.bedrag);
        let vangnet = match &j.vangnet {
            None => String::new(),
            Some(v) => {
                let bedrag = match (v.recht(), v.vangnetuitkering()) {
                    (Some(true), Some(x)) => nl::money(x),
                    (Some(false), _) => "geen recht".into(),
                    _ => "onbekend".into(),
                };
                let mut t = bedrag;
                if v.stadium == Stadium::Prognose {
                    t.push_str(" (prognose)");
                }
                if v.resultaat.status == buig_rules::Status::Onbevestigd {
                    t.push_str(" [onbevestigd]");
                }
                t
            }
        };
        let netto = match (j.netto_lasten, j.maanden) {
            (Some(n), _) => nl::money(n),
            (None, m) if m > 0 => format!("{m} mnd"),
            _ => "—".into(),
        };
        let _ = writeln!(
            s,
            "{:<6} {:>14} {:>16} {:>14} {:>14} {:>14} {:>8}  {}",
            j.jaar.to_string(),
            e(b(BudgetSoort::Voorlopig)),
            e(b(BudgetSoort::NaderVoorlopig)),
            e(b(BudgetSoort::Definitief)),
            netto,
            e(j.resultaat),
            j.tekort_percentage.map(nl::percentage).unwrap_or_else(|| "—".into()),
            vangnet
        );
    }
    if !o.wijzigingen.is_empty() {
        let _ =
            writeln!(s, "\nWijzigingen tussen beschikkingen (macro-effect = Δmacro × aandeel oud; aandeeleffect = macro nieuw × Δaandeel)");
        for w in &o.wijzigingen {
            let _ = writeln!(
                s,
                "- {} → {}: {} (macro {}, aandeel {}{}); {}",
                w.van,
                w.naar,
                nl::money(w.verschil),
                e(w.macro_effect),
                e(w.aandeel_effect),
                w.blks_verschil.map(|b| format!(", BLKS {}", nl::money(b))).unwrap_or_default(),
                w.toelichting
            );
        }
    }
    let bronnen: Vec<String> = o.jaren.iter().filter_map(|j| j.netto_bron.as_ref().map(|b| format!("{}: {b}", j.jaar))).collect();
    if !bronnen.is_empty() {
        let _ = writeln!(s, "\nNetto lasten");
        for b in bronnen {
            let _ = writeln!(s, "- {b}");
        }
    }
    if !o.waarschuwingen.is_empty() {
        let _ = writeln!(s, "\nLet op");
        for w in &o.waarschuwingen {
            let _ = writeln!(s, "! {w}");
        }
    }
    s
}

/// The Dutch text of the multi-year outlook (`buig raming`).
pub fn render_raming(r: &crate::raming::Raming) -> String {
    let mut s = String::new();
    let wie = r.naam.clone().or_else(|| r.gemeente.clone()).unwrap_or_default();
    let _ = writeln!(s, "Meerjarenraming BUIG {wie}, peildatum {}", nl::date_short(r.peildatum));
    let _ = writeln!(
        s,
        "P50 met de band P10–P90; {} doorrekeningen (seed {}). Een negatief resultaat is een tekort.\n",
        nl::aantal(r.runs),
        r.seed
    );
    let _ = writeln!(
        s,
        "{:<6} {:>14} {:>14} {:>14} {:>29} {:>11} {:>13}  budget",
        "jaar", "budget", "netto lasten", "resultaat", "P10 – P90", "kans tekort", "kans vangnet"
    );
    for j in &r.jaren {
        let _ = writeln!(
            s,
            "{:<6} {:>14} {:>14} {:>14} {:>29} {:>11} {:>13}  {}",
            j.jaar,
            nl::money(j.budget.p50),
            nl::money(j.netto_lasten.p50),
            nl::money(j.resultaat.p50),
            format!("{} – {}", nl::money(j.resultaat.p10), nl::money(j.resultaat.p90)),
            kans(j.kans_tekort),
            j.kans_vangnet.map(kans).unwrap_or_else(|| "onbekend".into()),
            j.budget_bron
        );
    }
    let g = &r.grondslag;
    let pct = |x: f64| nl::procent(Decimal::from_f64_retain(x * 100.0).unwrap_or_default(), 1);
    let _ = writeln!(
        s,
        "\nGrondslag: prijs per uitkering +{} ± {} per jaar (uit {}); macrobudget +{} ± {} per jaar; aandeel {}{} ± {} per jaar.",
        pct(g.prijsstijging),
        pct(g.prijsstijging_sd),
        nl::opsomming(&g.prijs_jaren.iter().map(|j| j.to_string()).collect::<Vec<_>>()),
        pct(g.macro_groei),
        pct(g.macro_groei_sd),
        if g.aandeel_groei >= 0.0 { "+" } else { "" },
        pct(g.aandeel_groei),
        pct(g.aandeel_groei_sd)
    );
    for j in r.jaren.iter().filter_map(|j| j.vangnet_reden.as_ref().map(|x| (j.jaar, x))).take(1) {
        let _ = writeln!(s, "Kans vangnet onbekend vanaf {}: {}.", j.0, j.1);
    }
    if !r.waarschuwingen.is_empty() {
        let _ = writeln!(s, "\nLet op");
        for w in &r.waarschuwingen {
            let _ = writeln!(s, "! {w}");
        }
    }
    s
}

/// The Dutch text of the outlook's backtest.
pub fn render_raming_backtest(b: &crate::raming::backtest::RamingBacktest) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Backtest van de meerjarenraming vanaf {} peildata (30 juni van elk afgesloten jaar)", b.peildata.len());
    let _ = writeln!(s, "Fout = P50 van het resultaat − gerealiseerd resultaat; dekking = aandeel binnen P10–P90 (goed: rond 80%).\n");
    let _ = writeln!(s, "{:<22} {:>7} {:>16} {:>8}", "horizon", "aantal", "gem. abs. fout", "dekking");
    for h in &b.per_horizon {
        let wat = match h.horizon {
            0 => "het jaar zelf".to_string(),
            1 => "1 jaar verder".to_string(),
            n => format!("{n} jaar verder"),
        };
        let d = nl::procent(Decimal::from_f64_retain(h.dekking_p10_p90 * 100.0).unwrap_or_default(), 0);
        let _ = writeln!(s, "{:<22} {:>7} {:>16} {:>8}", wat, h.aantal, nl::money(h.mae), d);
    }
    s
}
