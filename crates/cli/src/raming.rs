// SPDX-License-Identifier: EUPL-1.2
//! `buig raming`: the multi-year outlook (meerjarenraming) of a gemeente,
//! and its backtest by horizon.

use std::path::PathBuf;

use buig_core::Year;
use clap::Args;

use crate::fout::{self, Fout, Uit};
use crate::gedeeld::{gemeente_code, open_store, verleend_jaren, DbArgs};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig raming --gemeente GM9999\n  buig raming --gemeente GM9999 --tot 2031 --json\n  buig raming --gemeente GM9999 --scenario knoppen.toml\n  buig raming --gemeente GM9999 --backtest\n\nDefinities en JSON-sleutels: zie docs/prognose.md (Meerjarenraming)."
)]
pub(crate) struct RamingArgs {
    /// CBS-code van de gemeente, bijvoorbeeld GM9999
    #[arg(long)]
    gemeente: String,
    /// Het laatste jaar van de raming; standaard vier jaar na het lopende jaar
    #[arg(long, value_name = "JAAR")]
    tot: Option<i32>,
    /// Peildatum (JJJJ-MM-DD); standaard het einde van de laatste maand met realisatie
    #[arg(long)]
    peildatum: Option<String>,
    /// Scenariobestand met knoppen (TOML of JSON); geldt voor elk jaar
    #[arg(long, value_name = "BESTAND")]
    scenario: Option<PathBuf>,
    /// Aantal Monte-Carloruns
    #[arg(long, default_value_t = buig_dienst::prognose::MonteCarlo::default().runs)]
    runs: u32,
    /// Startwaarde van de toevalsgenerator; standaard dezelfde als de prognose, zodat het lopende jaar gelijk is
    #[arg(long, default_value_t = buig_dienst::prognose::MonteCarlo::default().seed)]
    seed: u64,
    /// Jaar waarover een vangnetuitkering is verleend (herhaalbaar); `--verleend geen` als er geen was
    #[arg(long, value_name = "JAAR")]
    verleend: Vec<String>,
    /// De raming vanaf 30 juni van elk afgesloten jaar naast wat daarna gebeurde, per horizon
    #[arg(long, conflicts_with_all = ["scenario", "tot", "peildatum"])]
    backtest: bool,
    /// Uitvoer als JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

pub(crate) fn raming(a: &RamingArgs) -> Uit<()> {
    let code = gemeente_code("--gemeente", &a.gemeente)?;
    let verleend = verleend_jaren(&a.verleend)?;
    let scenario = match &a.scenario {
        None => buig_prognose::Scenario::default(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Fout::Invoer(format!("--scenario: {}: {e}", path.display())))?;
            let toml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            let mut s = buig_prognose::lees_scenarios(&text, toml).map_err(|e| Fout::Invoer(format!("--scenario: {e}")))?;
            if s.len() != 1 {
                return Err(Fout::Invoer(format!("--scenario: de raming rekent met één scenario, het bestand heeft er {}", s.len())));
            }
            s.remove(0)
        }
    };
    let store = open_store(&a.db)?;
    let g = buig_store::block_on(buig_dienst::gemeente::laad(&store, code, verleend)).map_err(fout::dienst(code))?;
    let mc = buig_dienst::prognose::MonteCarlo { runs: a.runs, seed: a.seed };
    if a.backtest {
        let bt = buig_dienst::prognose::raming_backtest(&g, mc).map_err(fout::dienst(code))?;
        if a.json {
            println!("{}", serde_json::to_string_pretty(&bt)?);
        } else {
            print!("{}", buig_prognose::tekst::render_raming_backtest(&bt));
        }
        return Ok(());
    }
    let peildatum = match &a.peildatum {
        Some(p) => buig_prognose::lees_peildatum(p).map_err(|e| Fout::Invoer(format!("--peildatum: {e}")))?,
        None => g
            .huidig()
            .map(|(_, d)| d)
            .ok_or_else(|| Fout::Invoer(format!("voor {code} is geen maandrealisatie bekend: geef --peildatum")))?,
    };
    let huidig = Year::new(i32::from(peildatum.year()));
    let tot = a.tot.map(Year::new).unwrap_or(huidig.offset(4));
    if tot < huidig {
        return Err(Fout::Invoer(format!("--tot: {tot} ligt vóór het lopende jaar {huidig}")));
    }
    let vraag = buig_prognose::raming::RamingVraag { peildatum, tot, runs: a.runs, seed: a.seed, scenario };
    let r = buig_dienst::prognose::raming(&g, &vraag).map_err(fout::dienst(code))?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else {
        print!("{}", buig_prognose::tekst::render_raming(&r));
    }
    Ok(())
}
