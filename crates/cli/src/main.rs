// SPDX-License-Identifier: EUPL-1.2
//! `buig`: the command line of buig-monitor. Parses arguments, asks the
//! service layer (`buig-dienst`) or an engine, and prints; nothing here
//! computes a figure. One module per subcommand family; every failure is a
//! [`fout::Fout`]: exit 2 for bad input or usage (one message naming the
//! field or flag), 1 for anything else.

mod bestand;
mod fout;
mod gebruiker;
mod gedeeld;
mod import;
mod plan;
mod prognose;
mod rapport;
mod serve;
mod vangnet;
mod verleend;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "buig", version, about = "BUIG-monitor: budget, bestand en vangnetuitkering voor gemeenten")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per process
enum Command {
    /// Recht op en hoogte van de vangnetuitkering, met uitleg per voorwaarde
    Vangnet(vangnet::VangnetArgs),
    /// De vangnetregels per jaar met bron en status
    Regels {
        /// Uitvoer als JSON
        #[arg(long)]
        json: bool,
    },
    /// Gegevens inlezen uit CSV of XLSX: alles of niets, met fouten per rij
    Import(import::ImportArgs),
    /// De demodata laden (Voorbeeldstad en de cijfers uit de brondocumenten)
    Demo(gedeeld::DbArgs),
    /// Een synthetisch landelijk uitkeringenbestand maken (CSV)
    Genereer(import::GenereerArgs),
    /// De importgeschiedenis van de database
    Historie(gedeeld::DbArgs),
    /// Terugzetten wat een import verving (het nummer uit buig historie)
    Herstel(import::HerstelArgs),
    /// Het bijstandsbestand: stand, instroom, uitstroom, duur en leeftijd per periode
    Bestand(bestand::BestandArgs),
    /// Het BUIG-budget: beschikkingen, macro- en aandeeleffect, resultaat en vangnet per jaar
    Budget(prognose::BudgetArgs),
    /// Prognose van het jaarresultaat op een peildatum: onzekerheid, vangnet, scenario's en backtest
    Prognose(prognose::PrognoseArgs),
    /// Raadsdocumenten als DOCX of HTML: de notitie vangnet
    Rapport(rapport::RapportArgs),
    /// Het aanvalsplan: actielijnen, acties, status per kwartaal en voortgang sinds de nulmeting
    Plan(plan::PlanArgs),
    /// Gebruikers, rollen per gemeente, API-tokens en het auditlog
    Gebruiker(gebruiker::GebruikerArgs),
    /// De webapp en de JSON-API starten; een lege database krijgt eerst de demodata en een demo-account
    Serve(serve::ServeArgs),
    /// Vastleggen of tonen over welke jaren een vangnetuitkering is verleend (voorwaarde e, aanhoudend tekort)
    Verleend(verleend::VerleendArgs),
    /// Het budget en het tekort van een eerder jaar vastleggen of tonen (jaarrekening, SiSa), voor de vangnetvoorwaarden
    Jaarcijfer(verleend::JaarcijferArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Vangnet(a) => vangnet::vangnet(a),
        Command::Regels { json } => vangnet::regels(*json),
        Command::Import(a) => import::import(a),
        Command::Demo(a) => import::demo(a),
        Command::Genereer(a) => import::genereer(a),
        Command::Historie(a) => import::historie(a),
        Command::Herstel(a) => import::herstel(a),
        Command::Bestand(a) => bestand::bestand(a),
        Command::Budget(a) => prognose::budget(a),
        Command::Prognose(a) => prognose::prognose(a),
        Command::Rapport(a) => rapport::rapport(a),
        Command::Plan(a) => plan::plan(a),
        Command::Gebruiker(a) => gebruiker::gebruiker(a),
        Command::Serve(a) => serve::serve(a),
        Command::Verleend(a) => verleend::verleend(a),
        Command::Jaarcijfer(a) => verleend::jaarcijfer(a),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(fout) => {
            eprintln!("buig: fout: {fout}");
            ExitCode::from(fout.code())
        }
    }
}
