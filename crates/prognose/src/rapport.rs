//! What `buig prognose` shows: the baseline prognosis, its uncertainty and
//! how that narrows through the year, and every scenario beside the
//! baseline; plus the Dutch text of it and of the backtest. The JSON keys
//! are documented in `docs/prognose.md`.

use std::fmt::Write;

use buig_core::records::Uitkering;
use buig_core::{money, nl, Money, Year};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::backtest::Backtest;
use crate::budget::{Gegevens, VangnetPositie};
use crate::montecarlo::{simuleer, verloop, Samenvatting, VerloopPunt};
use crate::prognose::{bereken_prognose, dec, soort_label, Basis, Prognose, PrognoseFout, Scenario};

/// The question.
#[derive(Debug, Clone, PartialEq)]
pub struct PrognoseVraag {
    pub jaar: Year,
    pub peildatum: Date,
    pub scenarios: Vec<Scenario>,
    /// Monte Carlo runs; 0 = none.
    pub runs: u32,
    pub seed: u64,
}

/// One scenario beside the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioUitkomst {
    pub naam: String,
    pub knoppen: Scenario,
    #[serde(with = "money::euros")]
    pub netto_lasten: Money,
    #[serde(with = "money::euros")]
    pub budget_bedrag: Money,
    #[serde(with = "money::euros")]
    pub resultaat: Money,
    #[serde(with = "money::euros")]
    pub tekort: Money,
    #[serde(serialize_with = "money::ser_getal")]
    pub tekort_percentage: Decimal,
    /// Scenario − baseline.
    #[serde(with = "money::euros")]
    pub verschil_netto_lasten: Money,
    #[serde(with = "money::euros")]
    pub verschil_resultaat: Money,
    pub vangnet: Option<VangnetPositie>,
    pub onzekerheid: Option<Samenvatting>,
}

/// The whole answer: the baseline prognosis's keys at the top level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrognoseRapport {
    pub gemeente: Option<String>,
    pub naam: Option<String>,
    #[serde(flatten)]
    pub prognose: Prognose,
    pub onzekerheid: Option<Samenvatting>,
    pub verloop: Vec<VerloopPunt>,
    pub scenarios: Vec<ScenarioUitkomst>,
}

/// Computes the report: baseline, Monte Carlo (when `runs` > 0), narrowing, scenarios.
pub fn prognose_rapport(g: &Gegevens, spells: &[Uitkering], v: &PrognoseVraag) -> Result<PrognoseRapport, PrognoseFout> {
    let b = Basis::new(g, spells)?;
    let u = b.uitgangspunt(v.jaar, v.peildatum)?;
    let basis = Scenario::default();
    let prognose = bereken_prognose(&u, &basis);
    let mc = |s: &Scenario| (v.runs > 0).then(|| simuleer(&u, s, v.runs, v.seed));
    let onzekerheid = mc(&basis);
    let verloop = if v.runs > 0 { verloop(&b, v.jaar, v.peildatum, v.runs, v.seed)? } else { Vec::new() };
    let scenarios = v
        .scenarios
        .iter()
        .map(|s| {
            let p = bereken_prognose(&u, s);
            ScenarioUitkomst {
                naam: s.label(),
                knoppen: s.clone(),
                netto_lasten: p.netto_lasten,
                budget_bedrag: p.budget_bedrag,
                resultaat: p.resultaat,
                tekort: p.tekort,
                tekort_percentage: p.tekort_percentage,
                verschil_netto_lasten: p.netto_lasten - prognose.netto_lasten,
                verschil_resultaat: p.resultaat - prognose.resultaat,
                vangnet: p.vangnet,
                onzekerheid: mc(s),
            }
        })
        .collect();
    Ok(PrognoseRapport { gemeente: g.gemeente.map(|c| c.to_string()), naam: g.naam.clone(), prognose, onzekerheid, verloop, scenarios })
}

fn pct(d: Decimal) -> String {
    format!("{}%", nl::getal(d, 2))
}

fn kans(p: f64) -> String {
    format!("{}%", nl::getal(dec(p * 100.0, 1), 1))
}

fn vangnet_tekst(v: &Option<VangnetPositie>) -> String {
    match v {
        None => "niet te berekenen".into(),
        Some(v) => {
            let mut t = match (v.recht, v.vangnetuitkering) {
                (Some(true), Some(x)) => format!("{} ({})", nl::euro(x), v.formulier),
                (Some(false), _) => "geen recht".into(),
                _ => "onbekend".into(),
            };
            if v.status == "onbevestigd" {
                t.push_str(" [onbevestigd]");
            }
            t
        }
    }
}

/// The Dutch text of the report.
pub fn render_rapport(r: &PrognoseRapport) -> String {
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
    rij(&mut s, format!("Verwacht resultaat ({soort})"), nl::money(p.resultaat));
    rij(&mut s, format!("Verwacht tekort ({})", pct(p.tekort_percentage)), nl::money(p.tekort));
    rij(&mut s, "Verwachte vangnetuitkering".into(), vangnet_tekst(&p.vangnet));
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
        .filter(|m| m.stadium == "prognose")
        .map(|m| format!("{} {}", &m.maand[5..], nl::getal(dec(m.stand, 0), 0)))
        .collect();
    if !projectie.is_empty() {
        let _ = writeln!(s, "Verwachte stand per maand: {}", projectie.join(" · "));
    }
    if let Some(o) = &r.onzekerheid {
        let _ = writeln!(s, "\nOnzekerheid (Monte Carlo, {} runs, seed {})", nl::getal(Decimal::from(o.runs), 0), o.seed);
        let _ = writeln!(s, "Resultaat P10 / P50 / P90   {} / {} / {}", nl::money(o.p10), nl::money(o.p50), nl::money(o.p90));
        let _ = writeln!(s, "Kans op een tekort          {}", kans(o.kans_tekort));
        let _ = writeln!(
            s,
            "Kans op een vangnetuitkering {}  (verwacht bedrag {})",
            kans(o.kans_vangnet),
            nl::euro(o.verwachte_vangnetuitkering)
        );
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
        let _ = writeln!(s, "{:<40} {:>14} {:>14} {:>8} {:>14}  vangnet", "scenario", "netto lasten", "resultaat", "tekort", "Δ netto");
        let _ = writeln!(
            s,
            "{:<40} {:>14} {:>14} {:>8} {:>14}  {}",
            "basis",
            nl::money(p.netto_lasten),
            nl::money(p.resultaat),
            pct(p.tekort_percentage),
            "",
            vangnet_tekst(&p.vangnet)
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
                nl::money(sc.netto_lasten),
                nl::money(sc.resultaat),
                pct(sc.tekort_percentage),
                nl::money(sc.verschil_netto_lasten),
                vangnet_tekst(&sc.vangnet)
            );
            if let Some(o) = &sc.onzekerheid {
                let _ =
                    writeln!(s, "{:<40} P10 {} · P90 {} · kans vangnet {}", "", nl::money(o.p10), nl::money(o.p90), kans(o.kans_vangnet));
            }
        }
    }
    let mut w = p.waarschuwingen.clone();
    if let Some(v) = &p.vangnet {
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
    let _ = writeln!(s, "Fout = prognose van het resultaat op de peildatum − gerealiseerd resultaat.\n");
    let _ = writeln!(s, "{:<14} {:>8} {:>18} {:>12} {:>22}", "peildatum", "aantal", "gem. abs. fout", "in %-punt", "fout netto lasten");
    for m in &b.per_maand {
        let _ = writeln!(
            s,
            "{:<14} {:>8} {:>18} {:>12} {:>22}",
            format!("eind {}", nl::month_short(2000, m.maand as i8).split(' ').next().unwrap_or("")),
            m.aantal,
            nl::money(m.mae),
            nl::getal(m.mae_pp, 2),
            nl::money(m.mae_netto_lasten)
        );
    }
    let _ = writeln!(
        s,
        "{:<14} {:>8} {:>18} {:>12} {:>22}",
        "alle",
        b.regels.len(),
        nl::money(b.mae),
        nl::getal(b.mae_pp, 2),
        nl::money(b.mae_netto_lasten)
    );
    let _ = writeln!(s, "\nDe fout in het resultaat bevat die van het budget: vóór de definitieve beschikking rekent de prognose met de (nader) voorlopige.");
    s
}
