// SPDX-License-Identifier: EUPL-1.2
//! `buig`: the command line of buig-monitor. Parses arguments, asks the
//! service layer (`buig-dienst`) or an engine, and prints; nothing here
//! computes a figure. One module per subcommand family; every failure is a
//! [`fout::Fout`]: exit 2 for bad input or usage (one message naming the
//! field or flag), 1 for anything else. Standard output goes through
//! [`uit`] (its `println!` and `print!` shadow the standard ones in this
//! crate): text from files is printed visibly, a closed pipe ends quietly.

// First, so that every module below prints through it.
#[macro_use]
mod uit;

mod bestand;
mod fout;
mod gebruiker;
mod gedeeld;
mod import;
mod nederlands;
mod plan;
mod prognose;
mod raming;
mod rapport;
mod serve;
mod status;
mod toelichting;
mod vangnet;
mod verleend;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

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
    #[command(after_help = "Voorbeelden:\n  buig regels\n  buig regels --json")]
    Regels {
        /// Uitvoer als JSON
        #[arg(long)]
        json: bool,
    },
    /// Gegevens inlezen uit CSV of XLSX: alles of niets, met fouten per rij
    Import(import::ImportArgs),
    /// De demodata laden (Voorbeeldstad en de cijfers uit de brondocumenten)
    #[command(after_help = "Voorbeeld:\n  buig demo --database sqlite://buig.db")]
    Demo(gedeeld::DbArgs),
    /// Een synthetisch landelijk uitkeringenbestand maken (CSV)
    #[command(after_help = "Voorbeeld:\n  buig genereer --gemeenten 340 --uitkeringen 1000000 --seed 7 -o landelijk.csv")]
    Genereer(import::GenereerArgs),
    /// De importgeschiedenis van de database
    #[command(after_help = "Voorbeelden:\n  buig historie\n  buig historie | head")]
    Historie(gedeeld::DbArgs),
    /// Terugzetten wat een import verving (het nummer uit buig historie)
    Herstel(import::HerstelArgs),
    /// Het bijstandsbestand: stand, instroom, uitstroom, duur en leeftijd per periode
    Bestand(bestand::BestandArgs),
    /// Het BUIG-budget: beschikkingen, macro- en aandeeleffect, resultaat en vangnet per jaar
    #[command(after_help = "Voorbeelden:\n  buig budget --gemeente GM0150\n  buig budget --gemeente GM0150 --json")]
    Budget(prognose::BudgetArgs),
    /// Prognose van het jaarresultaat op een peildatum: onzekerheid, vangnet, scenario's en backtest
    Prognose(prognose::PrognoseArgs),
    /// Meerjarenraming: het lopende jaar en vier jaar vooruit, budget, netto lasten en resultaat met P10–P90, kans op een tekort en een vangnetuitkering
    Raming(raming::RamingArgs),
    /// Raadsdocumenten als DOCX, HTML of PDF: de notitie vangnet, de raadsmededeling budget en de kwartaalmonitor
    Rapport(rapport::RapportArgs),
    /// Het aanvalsplan: actielijnen, acties, status per kwartaal en voortgang sinds de nulmeting
    Plan(plan::PlanArgs),
    /// Gebruikers, rollen per gemeente, API-tokens en het auditlog
    Gebruiker(gebruiker::GebruikerArgs),
    /// De webapp en de JSON-API starten; een lege database krijgt eerst de demodata en een demo-account
    Serve(serve::ServeArgs),
    /// Welke gegevens er per jaar zijn en welke antwoorden een ontbrekend gegeven tegenhoudt
    Status(status::StatusArgs),
    /// Vastleggen of tonen over welke jaren een vangnetuitkering is verleend (voorwaarde e, aanhoudend tekort)
    Verleend(verleend::VerleendArgs),
    /// De eigen tekst bij een vangnetjaar: oorzaken, maatregelen en aanvullende maatregelen, voor de notitie en het raadsvoorstel
    Toelichting(toelichting::ToelichtingArgs),
    /// Het briefhoofd van de raadsdocumenten: afdeling, auteur, notanummer en portefeuillehouder
    Briefhoofd(toelichting::BriefhoofdArgs),
    /// Het budget en het tekort van een eerder jaar vastleggen of tonen (jaarrekening, SiSa), voor de vangnetvoorwaarden
    Jaarcijfer(verleend::JaarcijferArgs),
}

/// The arguments, parsed with Dutch help and Dutch errors; `Err` is the exit
/// code after help, the version or an argument error has been printed.
fn lees() -> Result<Cli, ExitCode> {
    use std::io::Write;
    let fout = |e: &clap::Error| {
        eprintln!("buig: fout: {}", nederlands::foutmelding(e));
        ExitCode::from(2)
    };
    match nederlands::in_het_nederlands(Cli::command()).try_get_matches() {
        Ok(m) => Cli::from_arg_matches(&m).map_err(|e| fout(&e)),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                // A closed pipe (`buig --help | head`) is no error.
                let _ = write!(std::io::stdout(), "{}", nederlands::vertaal(&e.render().to_string()));
                Err(ExitCode::SUCCESS)
            }
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                let _ = write!(std::io::stderr(), "{}", nederlands::vertaal(&e.render().to_string()));
                Err(ExitCode::from(2))
            }
            _ => Err(fout(&e)),
        },
    }
}

fn main() -> ExitCode {
    let cli = match lees() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
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
        Command::Raming(a) => raming::raming(a),
        Command::Rapport(a) => rapport::rapport(a),
        Command::Plan(a) => plan::plan(a),
        Command::Gebruiker(a) => gebruiker::gebruiker(a),
        Command::Serve(a) => serve::serve(a),
        Command::Status(a) => status::status(a),
        Command::Verleend(a) => verleend::verleend(a),
        Command::Toelichting(a) => toelichting::toelichting(a),
        Command::Briefhoofd(a) => toelichting::briefhoofd(a),
        Command::Jaarcijfer(a) => verleend::jaarcijfer(a),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(fout) => {
            eprintln!("buig: fout: {}", buig_core::nl::zichtbaar(&fout.to_string()));
            ExitCode::from(fout.code())
        }
    }
}
