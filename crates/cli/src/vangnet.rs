// SPDX-License-Identifier: EUPL-1.2
//! `buig vangnet` (the rules engine on a case file or flags) and `buig regels` (the rule table).

use std::path::PathBuf;

use buig_core::records::BudgetSoort;
use buig_core::{Money, Year};
use buig_rules::{CaseFile, YearInput};
use clap::Args;

use crate::fout::{Fout, Uit};
use crate::gedeeld::{parse_amount, parse_year_amount, verleend_jaren};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig vangnet --invoer examples/deventer-2023.json\n  buig vangnet --jaar 2023 --budget 41984531 --tekort 3448580 \\\n      --tekort-vorig 2022=3668940 --tekort-vorig 2021=-1000000 --verleend 2022\n\nBedragen in euro's; decimalen met punt (1234.56) of in Nederlandse notatie (1.234,56)."
)]
pub(crate) struct VangnetArgs {
    /// Casusbestand (JSON, of TOML bij extensie .toml)
    #[arg(long, alias = "input", value_name = "CASUS.json", conflicts_with_all = ["jaar", "budget", "tekort", "lasten", "baten", "correcties", "tekort_vorig", "budget_vorig", "verleend", "gemeente", "inwoners", "beschikking", "budget_zonder_art7"])]
    invoer: Option<PathBuf>,
    /// Uitvoer als JSON (sleutels: jaar, regel, status, tekort, …)
    #[arg(long)]
    json: bool,
    /// Het uitkeringsjaar
    #[arg(long, required_unless_present = "invoer")]
    jaar: Option<i32>,
    /// Definitief budget van het jaar (B_t)
    #[arg(long, value_parser = parse_amount)]
    budget: Option<Money>,
    /// Tekort van het jaar (negatief = overschot); of geef --lasten en --baten
    #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
    tekort: Option<Money>,
    /// Lasten art. 69 PW van het jaar (SiSa)
    #[arg(long, value_parser = parse_amount)]
    lasten: Option<Money>,
    /// Baten van het jaar (SiSa)
    #[arg(long, value_parser = parse_amount)]
    baten: Option<Money>,
    /// Fouten en onzekerheden volgens de accountant
    #[arg(long, value_parser = parse_amount)]
    correcties: Option<Money>,
    /// De beschikking waar het budget van komt: voorlopig, nader_voorlopig of definitief (standaard definitief)
    #[arg(long, value_name = "SOORT", value_parser = parse_soort)]
    beschikking: Option<BudgetSoort>,
    /// Het budget zonder artikel 7 Besluit Participatiewet, waar dat gold: de drempels worden daarvan genomen
    #[arg(long, value_name = "BEDRAG", value_parser = parse_amount)]
    budget_zonder_art7: Option<Money>,
    /// De dag waartegen de indieningstermijn wordt afgezet (JJJJ-MM-DD); standaard vandaag
    #[arg(long, value_name = "DATUM")]
    datum: Option<jiff::civil::Date>,
    /// Tekort van een eerder jaar, als JAAR=BEDRAG (herhaalbaar)
    #[arg(long, value_name = "JAAR=BEDRAG", value_parser = parse_year_amount, allow_hyphen_values = true)]
    tekort_vorig: Vec<(Year, Money)>,
    /// Definitief budget van een eerder jaar, als JAAR=BEDRAG (herhaalbaar; nodig voor de verlaagde drempel vanaf 2025)
    #[arg(long, value_name = "JAAR=BEDRAG", value_parser = parse_year_amount)]
    budget_vorig: Vec<(Year, Money)>,
    /// Jaar waarover een vangnetuitkering is verleend (herhaalbaar); `--verleend geen` als er geen was
    #[arg(long, value_name = "JAAR")]
    verleend: Vec<String>,
    /// Naam van de gemeente (voor de kop)
    #[arg(long)]
    gemeente: Option<String>,
    /// Aantal inwoners
    #[arg(long)]
    inwoners: Option<u64>,
}

fn parse_soort(s: &str) -> Result<BudgetSoort, String> {
    s.parse()
}

/// Builds the same case file schema from the flags, so both forms share one validation.
pub(crate) fn case_from_flags(a: &VangnetArgs) -> Result<CaseFile, String> {
    let jaar = a.jaar.expect("clap requires --jaar without --invoer");
    let mut file = CaseFile { gemeente: a.gemeente.clone(), jaar, inwoners: a.inwoners, ..Default::default() };
    file.jaren.insert(
        jaar.to_string(),
        YearInput {
            budget: a.budget,
            tekort: a.tekort,
            lasten: a.lasten,
            baten: a.baten,
            correcties: a.correcties,
            beschikking: a.beschikking,
            budget_zonder_art7: a.budget_zonder_art7,
        },
    );
    for (y, t) in &a.tekort_vorig {
        if y.get() == jaar {
            return Err(format!("--tekort-vorig {y}: dat is het jaar zelf; gebruik --tekort"));
        }
        file.jaren.entry(y.to_string()).or_default().tekort = Some(*t);
    }
    for (y, b) in &a.budget_vorig {
        if y.get() == jaar {
            return Err(format!("--budget-vorig {y}: dat is het jaar zelf; gebruik --budget"));
        }
        file.jaren.entry(y.to_string()).or_default().budget = Some(*b);
    }
    file.vangnet_verleend = verleend_jaren(&a.verleend).map_err(|e| e.to_string())?;
    Ok(file)
}

pub(crate) fn vangnet(a: &VangnetArgs) -> Uit<()> {
    let file = match &a.invoer {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Fout::Invoer(format!("{}: kan het invoerbestand niet lezen: {e}", path.display())))?;
            let toml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            buig_rules::case::parse_file(&text, toml).map_err(|e| Fout::Invoer(format!("{}: {e}", path.display())))?
        }
        None => case_from_flags(a).map_err(Fout::Invoer)?,
    };
    // --datum also applies to a case file (it wins over the file's own).
    let file = CaseFile { datum: a.datum.or(file.datum), ..file };
    let result = buig_rules::bereken_casus(file).map_err(|e| {
        let prefix = a.invoer.as_ref().map(|p| format!("{}: ", p.display())).unwrap_or_default();
        Fout::Invoer(format!("{prefix}{e}"))
    })?;
    if a.json {
        let text = serde_json::to_string_pretty(&result).map_err(|e| Fout::Intern(e.to_string()))?;
        println!("{text}");
    } else {
        print!("{}", buig_rules::text::render(&result));
    }
    Ok(())
}

pub(crate) fn regels(json: bool) -> Uit<()> {
    let table = buig_rules::RuleTable::bundled();
    if json {
        println!("{}", serde_json::to_string_pretty(table.rules()).map_err(|e| Fout::Intern(e.to_string()))?);
        return Ok(());
    }
    println!("Vangnetregels {} t/m {}", table.first_year(), table.last_year());
    for r in table.rules() {
        let s = r.statuses();
        let status = match s.iter().max() {
            Some(buig_rules::Status::Onbevestigd) if s.iter().all(|x| *x == buig_rules::Status::Onbevestigd) => "onbevestigd",
            Some(buig_rules::Status::Onbevestigd) => "deels onbevestigd",
            Some(buig_rules::Status::Afgeleid) => "deels afgeleid uit gepubliceerde besluiten",
            _ => "bevestigd",
        };
        println!("\n{} ({} t/m {}) — {status}", r.titel, r.van, r.tot);
        println!(
            "  drempel (a): meer dan {} {} [{}]",
            buig_core::nl::rule_percentage(r.drempel.percentage),
            r.drempel.eenheid,
            r.drempel.status
        );
        if let Some(m) = &r.meerjarig {
            println!(
                "  meerjarig (b): t-{}..t samen meer dan {} {} [{}]",
                m.jaren_terug,
                buig_core::nl::rule_percentage(m.percentage),
                m.eenheid,
                m.status
            );
        }
        for t in &r.treden {
            let tot = t.tot.map(|x| format!("tot {}", buig_core::nl::rule_percentage(x))).unwrap_or_else(|| "en hoger".into());
            println!(
                "  trede: {} van het deel vanaf {} {tot} [{}]",
                buig_core::nl::rule_percentage(t.vergoeding),
                buig_core::nl::rule_percentage(t.van),
                t.status
            );
        }
        if let Some(v) = &r.verlaagde_drempel {
            println!(
                "  verlaagde drempel: meer dan {} bij ≥ {} tekort in {} van de jaren t{}..t{} [{}]",
                buig_core::nl::rule_percentage(v.drempel.percentage),
                buig_core::nl::rule_percentage(v.minimum_percentage),
                v.minimum_aantal,
                v.venster_van,
                v.venster_tot,
                v.voorwaarde_status
            );
        }
    }
    Ok(())
}
