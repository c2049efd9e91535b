// SPDX-License-Identifier: EUPL-1.2
//! `buig budget` and `buig prognose`: the budget view and the prognosis of
//! a gemeente from the database, through the service layer like every view.

use std::path::PathBuf;

use clap::Args;

use crate::fout::{self, Fout, Uit};
use crate::gedeeld::{gemeente_code, open_store, verleend_jaren, DbArgs};

#[derive(Args)]
pub(crate) struct BudgetArgs {
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Jaar waarover een vangnetuitkering is verleend (herhaalbaar); `--verleend geen` als er geen was
    #[arg(long, value_name = "JAAR")]
    verleend: Vec<String>,
    /// Uitvoer als JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig prognose --gemeente GM9999 --jaar 2024 --peildatum 2024-06-30\n  buig prognose --gemeente GM9999 --jaar 2024 --peildatum 2024-06-30 --scenario knoppen.toml --runs 10000 --seed 1 --json\n  buig prognose --gemeente GM9999 --jaar 2024 --peildatum 2024-06-30 --vastleggen\n  buig prognose --gemeente GM9999 --backtest\n\nDefinities en JSON-sleutels: zie docs/prognose.md."
)]
pub(crate) struct PrognoseArgs {
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Het jaar van de prognose, bijvoorbeeld 2024
    #[arg(long, required_unless_present = "backtest")]
    jaar: Option<String>,
    /// Peildatum (JJJJ-MM-DD): alleen wat op die dag bekend was telt mee
    #[arg(long, required_unless_present = "backtest")]
    peildatum: Option<String>,
    /// Scenariobestand met knoppen (TOML of JSON), zie docs/prognose.md
    #[arg(long, value_name = "BESTAND")]
    scenario: Option<PathBuf>,
    /// Aantal Monte-Carloruns (0 = geen onzekerheid); standaard dezelfde als de webapp en de documenten
    #[arg(long, default_value_t = buig_dienst::prognose::MonteCarlo::default().runs)]
    runs: u32,
    /// Startwaarde van de toevalsgenerator (zelfde seed = zelfde uitkomst); standaard dezelfde als de webapp
    #[arg(long, default_value_t = buig_dienst::prognose::MonteCarlo::default().seed)]
    seed: u64,
    /// Jaar waarover een vangnetuitkering is verleend (herhaalbaar); `--verleend geen` als er geen was
    #[arg(long, value_name = "JAAR")]
    verleend: Vec<String>,
    /// De prognose op elk maandeinde van de afgesloten jaren naast de realisatie
    #[arg(long, conflicts_with_all = ["scenario"])]
    backtest: bool,
    /// Leg deze prognose vast als rapportagemoment (planning en control): latere prognoses van dit jaar zeggen hoe ze sindsdien bewogen
    #[arg(long, conflicts_with_all = ["backtest"])]
    vastleggen: bool,
    /// Uitvoer als JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

pub(crate) fn budget(a: &BudgetArgs) -> Uit<()> {
    let code = gemeente_code("--gemeente", &a.gemeente)?;
    let verleend = verleend_jaren(&a.verleend)?;
    let store = open_store(&a.db)?;
    let gegevens = buig_store::block_on(buig_dienst::gemeente::laad_gegevens(&store, code, verleend)).map_err(fout::dienst(code))?;
    if gegevens.budgetten.is_empty() && gegevens.realisatie.is_empty() && gegevens.jaarcijfers.is_empty() {
        return Err(Fout::Invoer(format!("voor {code} staan geen budgetten of realisatie in de database: importeer ze met buig import budget/realisatie, of laad de demo met buig demo")));
    }
    let o = buig_prognose::budgetoverzicht(&gegevens);
    if a.json {
        println!("{}", serde_json::to_string_pretty(&o)?);
    } else {
        print!("{}", buig_prognose::tekst::render_tabel(&o));
    }
    Ok(())
}

pub(crate) fn prognose(a: &PrognoseArgs) -> Uit<()> {
    let code = gemeente_code("--gemeente", &a.gemeente)?;
    let verleend = verleend_jaren(&a.verleend)?;
    let vraag = if a.backtest {
        None
    } else {
        let jaar: buig_core::Year = a.jaar.as_deref().unwrap_or_default().parse().map_err(|e| Fout::Invoer(format!("--jaar: {e}")))?;
        let peildatum = buig_prognose::lees_peildatum(a.peildatum.as_deref().unwrap_or_default())
            .map_err(|e| Fout::Invoer(format!("--peildatum: {e}")))?;
        let scenarios = match &a.scenario {
            None => Vec::new(),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| Fout::Invoer(format!("--scenario: {}: {e}", path.display())))?;
                let toml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
                buig_prognose::lees_scenarios(&text, toml).map_err(|e| Fout::Invoer(format!("--scenario: {e}")))?
            }
        };
        Some(buig_prognose::PrognoseVraag { jaar, peildatum, scenarios, runs: a.runs, seed: a.seed })
    };
    let store = open_store(&a.db)?;
    let g = buig_store::block_on(buig_dienst::gemeente::laad(&store, code, verleend)).map_err(fout::dienst(code))?;
    match vraag {
        None => {
            let mc = buig_dienst::prognose::MonteCarlo { runs: a.runs, seed: a.seed };
            let bt = buig_dienst::prognose::backtest(&g, mc).map_err(fout::dienst(code))?;
            if a.json {
                println!("{}", serde_json::to_string_pretty(&bt)?);
            } else {
                print!("{}", buig_prognose::tekst::render_backtest(&bt));
            }
        }
        Some(v) => {
            let r = buig_dienst::prognose::prognose(&g, &v).map_err(fout::dienst(code))?;
            let vastgelegd = if a.vastleggen {
                let wie = std::env::var("USER").ok().filter(|u| !u.is_empty()).map(|u| format!("cli:{u}"));
                let rap = buig_prognose::rapportage::rapportage(&r.prognose, &r.kop);
                Some(buig_store::block_on(store.leg_rapportage_vast(code, &rap, wie.as_deref().or(Some("cli"))))?)
            } else {
                None
            };
            if a.json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print!("{}", buig_prognose::tekst::render_uitkomst(&r));
            }
            if let Some(rap) = vastgelegd {
                eprintln!(
                    "Vastgelegd als rapportage {} met peildatum {}: latere prognoses van {} zeggen hoe ze sindsdien bewogen.",
                    rap.jaar,
                    buig_core::nl::date_long(rap.peildatum),
                    rap.jaar
                );
            }
        }
    }
    Ok(())
}
