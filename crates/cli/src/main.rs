//! `buig`: the command line of buig-monitor. Parses arguments and calls the
//! libraries; nothing here computes. Exit codes: 0 success, 2 bad input or
//! usage (with one message on stderr naming the field), 1 anything else.

mod gebruiker;
mod plan;
mod verleend;

use crate::plan::laad_plan;

use std::path::PathBuf;
use std::process::ExitCode;

use buig_core::{Money, Year};
use buig_rules::{CaseFile, YearInput};
use clap::{Args, Parser, Subcommand};

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
    Vangnet(VangnetArgs),
    /// De vangnetregels per jaar met bron en status
    Regels {
        /// Uitvoer als JSON
        #[arg(long)]
        json: bool,
    },
    /// Gegevens inlezen uit CSV of XLSX: alles of niets, met fouten per rij
    Import(ImportArgs),
    /// De demodata laden (Voorbeeldstad en de cijfers uit de brondocumenten)
    Demo(DbArgs),
    /// Een synthetisch landelijk uitkeringenbestand maken (CSV)
    Genereer(GenereerArgs),
    /// De importgeschiedenis van de database
    Historie(DbArgs),
    /// Het bijstandsbestand: stand, instroom, uitstroom, duur en leeftijd per periode
    Bestand(BestandArgs),
    /// Het BUIG-budget: beschikkingen, macro- en aandeeleffect, resultaat en vangnet per jaar
    Budget(BudgetArgs),
    /// Prognose van het jaarresultaat op een peildatum: onzekerheid, vangnet, scenario's en backtest
    Prognose(PrognoseArgs),
    /// Raadsdocumenten als DOCX of HTML: de notitie vangnet
    Rapport(RapportArgs),
    /// Het aanvalsplan: actielijnen, acties, status per kwartaal en voortgang sinds de nulmeting
    Plan(plan::PlanArgs),
    /// Gebruikers, rollen per gemeente, API-tokens en het auditlog
    Gebruiker(gebruiker::GebruikerArgs),
    /// De webapp en de JSON-API starten; een lege database krijgt eerst de demodata en een demo-account
    Serve(ServeArgs),
    /// Vastleggen of tonen over welke jaren een vangnetuitkering is verleend (voorwaarde e, aanhoudend tekort)
    Verleend(verleend::VerleendArgs),
    /// Het budget en het tekort van een eerder jaar vastleggen of tonen (jaarrekening, SiSa), voor de vangnetvoorwaarden
    Jaarcijfer(verleend::JaarcijferArgs),
}

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig rapport notitie-vangnet --gemeente GM0150 --jaar 2023 --formaat docx -o notitie.docx\n  buig rapport notitie-vangnet --gemeente GM0150 --jaar 2023 --peildatum 2024-05-31 --formaat html -o notitie.html --verleend geen\n  buig rapport raadsmededeling --gemeente GM9999 --jaar 2026 --formaat docx -o raadsmededeling.docx\n  buig rapport monitor --gemeente GM9999 --jaar 2026 --peildatum 2026-09-30 --formaat html -o monitor.html\n\nInhoud en bronnen van de cijfers: zie docs/rapport.md."
)]
struct RapportArgs {
    /// Soort document: notitie-vangnet, raadsmededeling (budget) of monitor (kwartaalmonitor)
    soort: String,
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Het jaar: van de vangnetaanvraag (notitie), van budget en verwacht resultaat (raadsmededeling) of van de monitor
    #[arg(long)]
    jaar: String,
    /// Peildatum (JJJJ-MM-DD): alleen beschikkingen en maanden die op die dag bekend waren; ook de datum op het document.
    /// Raadsmededeling en monitor: standaard het einde van de laatste maand met realisatie
    #[arg(long)]
    peildatum: Option<String>,
    /// docx | html | pdf (pdf alleen waar LibreOffice is geïnstalleerd)
    #[arg(long)]
    formaat: String,
    /// Uitvoerbestand
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    uitvoer: PathBuf,
    /// Jaar waarover een vangnetuitkering is verleend (herhaalbaar); `--verleend geen` als er geen was
    #[arg(long, value_name = "JAAR")]
    verleend: Vec<String>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig prognose --gemeente GM9999 --jaar 2024 --peildatum 2024-06-30\n  buig prognose --gemeente GM9999 --jaar 2024 --peildatum 2024-06-30 --scenario knoppen.toml --runs 10000 --seed 1 --json\n  buig prognose --gemeente GM9999 --backtest\n\nDefinities en JSON-sleutels: zie docs/prognose.md."
)]
struct PrognoseArgs {
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
    /// Aantal Monte-Carloruns (0 = geen onzekerheid)
    #[arg(long, default_value_t = 10_000)]
    runs: u32,
    /// Startwaarde van de toevalsgenerator (zelfde seed = zelfde uitkomst)
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Jaar waarover een vangnetuitkering is verleend (herhaalbaar); `--verleend geen` als er geen was
    #[arg(long, value_name = "JAAR")]
    verleend: Vec<String>,
    /// De prognose op elk maandeinde van de afgesloten jaren naast de realisatie
    #[arg(long, conflicts_with_all = ["scenario"])]
    backtest: bool,
    /// Uitvoer als JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct BudgetArgs {
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
    after_help = "Voorbeelden:\n  buig bestand --gemeente GM9999 --van 2024-01 --tot 2024-12\n  buig bestand --invoer uitkeringen.csv --gemeente GM0150 --van 2023-01 --tot 2023-12 --per kwartaal --json\n  buig bestand --gemeente GM9999 --van 2024-01 --tot 2024-12 --uitsplitsing regeling\n  buig bestand --invoer uitkeringen.csv --gemeente GM0150 --van 2024-01 --tot 2024-12 --uitsplitsing doelgroep\n  buig bestand --invoer landelijk.csv --gemeente GM0150 --van 2024-01 --tot 2024-12 --vergelijk grootteklasse\n  buig bestand --gemeente GM0150 --van 2023-01 --tot 2023-12 --vergelijk-reeks \"CBS 82015NED\"\n\nDefinities: zie docs/bestand.md."
)]
struct BestandArgs {
    /// Uitkeringenbestand (CSV/XLSX); zonder deze optie uit de database
    #[arg(long, value_name = "SPELLS.csv")]
    invoer: Option<PathBuf>,
    /// CBS-code van de gemeente; verplicht bij de database, bij --invoer een filter (of voor een bestand zonder kolom gemeente)
    #[arg(long)]
    gemeente: Option<String>,
    /// Eerste maand, bijvoorbeeld 2023-01
    #[arg(long)]
    van: String,
    /// Laatste maand, bijvoorbeeld 2023-12
    #[arg(long)]
    tot: String,
    /// maand | kwartaal | jaar
    #[arg(long, default_value = "maand")]
    per: String,
    /// Alleen deze regelingen, bijvoorbeeld PW,IOAW
    #[arg(long, value_delimiter = ',')]
    regeling: Vec<String>,
    /// Uitvoer als JSON
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Uitvoer als CSV
    #[arg(long)]
    csv: bool,
    /// Werkblad in een XLSX-bestand
    #[arg(long)]
    blad: Option<String>,
    /// Een reeks per groep: regeling | huishouden
    #[arg(long, value_name = "regeling|huishouden")]
    uitsplitsing: Option<String>,
    /// Vergelijk met een groep gemeenten: land | grootteklasse (vraagt --gemeente)
    #[arg(long, value_name = "land|grootteklasse")]
    vergelijk: Option<String>,
    /// Een geïmporteerde vergelijkingsreeks ernaast, bijvoorbeeld "CBS 82015NED" (vraagt --gemeente)
    #[arg(long, value_name = "NAAM")]
    vergelijk_reeks: Option<String>,
    /// Elke gemeente van een landelijk CSV-bestand (met kolom gemeente) in één keer: CSV met kolom gemeente, of JSON per gemeente
    #[arg(long, requires = "invoer", conflicts_with_all = ["gemeente", "vergelijk", "vergelijk_reeks", "uitsplitsing"])]
    alle_gemeenten: bool,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig serve\n  buig serve --adres 0.0.0.0:8080 --database postgres://buig@db/buig\n\nOp een lege database worden de demodata geladen en een demo-account aangemaakt; het wachtwoord wordt eenmalig getoond\n(of kies het met BUIG_DEMO_WACHTWOORD). Meer gebruikers: buig gebruiker toevoegen. Zie docs/web.md."
)]
struct ServeArgs {
    /// Adres en poort om op te luisteren
    #[arg(long, default_value = "127.0.0.1:8080")]
    adres: std::net::SocketAddr,
    #[command(flatten)]
    db: DbArgs,
}

fn serve(a: &ServeArgs) -> Result<(), (u8, String)> {
    let store = open_store(&a.db)?;
    buig_store::block_on(buig_web::serve(store, a.adres)).map_err(|e| (1, e))
}

#[derive(Args)]
struct DbArgs {
    /// Database-URL (sqlite://pad.db of postgres://…); standaard DATABASE_URL of sqlite://buig.db
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database: Option<String>,
}

#[derive(Args)]
#[command(
    after_help = "Soorten: uitkeringen, realisatie, budget, inwoners, vergelijking. Formaten: zie docs/import.md.\n\nVoorbeeld:\n  buig import uitkeringen uitkeringen.csv --gemeente GM0150"
)]
struct ImportArgs {
    /// uitkeringen | realisatie | budget | inwoners | vergelijking
    soort: String,
    /// CSV (met , of ;) of XLSX
    bestand: PathBuf,
    /// CBS-code voor bestanden zonder kolom gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: Option<String>,
    /// Werkblad in een XLSX-bestand (standaard het eerste)
    #[arg(long)]
    blad: Option<String>,
    /// Hoeveel foute rijen ten hoogste worden gemeld
    #[arg(long, default_value_t = 50)]
    max_fouten: usize,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
struct GenereerArgs {
    /// Aantal gemeenten (de grootste eerst)
    #[arg(long, default_value_t = 340)]
    gemeenten: usize,
    /// Aantal uitkeringen (spells)
    #[arg(long, default_value_t = 100_000)]
    uitkeringen: usize,
    /// Startwaarde van de toevalsgenerator: dezelfde waarde geeft hetzelfde bestand
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Uitvoerbestand (standaard de standaarduitvoer)
    #[arg(short = 'o', long)]
    uitvoer: Option<PathBuf>,
}

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig vangnet --input examples/deventer-2023.json\n  buig vangnet --jaar 2023 --budget 41984531 --tekort 3448580 \\\n      --tekort-vorig 2022=3668940 --tekort-vorig 2021=-1000000 --verleend 2022\n\nBedragen in euro's; decimalen met punt (1234.56) of in Nederlandse notatie (1.234,56)."
)]
struct VangnetArgs {
    /// Casusbestand (JSON, of TOML bij extensie .toml)
    #[arg(long, value_name = "CASE.json", conflicts_with_all = ["jaar", "budget", "tekort", "lasten", "baten", "correcties", "tekort_vorig", "budget_vorig", "verleend", "gemeente", "inwoners"])]
    input: Option<PathBuf>,
    /// Uitvoer als JSON (sleutels: jaar, regel, status, tekort, …)
    #[arg(long)]
    json: bool,
    /// Het uitkeringsjaar
    #[arg(long, required_unless_present = "input")]
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

/// Euros as a user types them (`3448580`, `-500000`, `1234.56`,
/// `1.234,56`, `€ 41.984.531`): the importer's parser, Dutch conventions.
fn parse_amount(s: &str) -> Result<Money, String> {
    buig_import::bedrag(s, true).map_err(|e| format!("{e} (verwacht bijvoorbeeld 41984531, 1234.56 of 1.234,56)"))
}

fn parse_year_amount(s: &str) -> Result<(Year, Money), String> {
    let (y, a) = s.split_once('=').ok_or_else(|| format!("\"{s}\": verwacht JAAR=BEDRAG, bijvoorbeeld 2022=3668940"))?;
    Ok((y.parse()?, parse_amount(a)?))
}

/// Builds the same case file schema from the flags, so both forms share one validation.
fn case_from_flags(a: &VangnetArgs) -> Result<CaseFile, String> {
    let jaar = a.jaar.expect("clap requires --jaar without --input");
    let mut file = CaseFile { gemeente: a.gemeente.clone(), jaar, inwoners: a.inwoners, ..Default::default() };
    file.jaren.insert(
        jaar.to_string(),
        YearInput { budget: a.budget, tekort: a.tekort, lasten: a.lasten, baten: a.baten, correcties: a.correcties },
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
    file.vangnet_verleend = verleend_jaren(&a.verleend).map_err(|(_, e)| e)?;
    Ok(file)
}

fn vangnet(a: &VangnetArgs) -> Result<(), (u8, String)> {
    let file = match &a.input {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| (2, format!("{}: kan het invoerbestand niet lezen: {e}", path.display())))?;
            let toml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            buig_rules::case::parse_file(&text, toml).map_err(|e| (2, format!("{}: {e}", path.display())))?
        }
        None => case_from_flags(a).map_err(|e| (2, e))?,
    };
    let result = buig_rules::bereken_bestand(file).map_err(|e| {
        let prefix = a.input.as_ref().map(|p| format!("{}: ", p.display())).unwrap_or_default();
        (2, format!("{prefix}{e}"))
    })?;
    if a.json {
        let text = serde_json::to_string_pretty(&result).map_err(|e| (1, e.to_string()))?;
        println!("{text}");
    } else {
        print!("{}", buig_rules::text::render(&result));
    }
    Ok(())
}

fn regels(json: bool) -> Result<(), (u8, String)> {
    let table = buig_rules::RuleTable::bundled();
    if json {
        println!("{}", serde_json::to_string_pretty(table.rules()).map_err(|e| (1, e.to_string()))?);
        return Ok(());
    }
    println!("Vangnetregels {} t/m {}", table.first_year(), table.last_year());
    for r in table.rules() {
        let status = if r.statuses().contains(&buig_rules::Status::Onbevestigd) { "deels onbevestigd" } else { "bevestigd" };
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

fn open_store(db: &DbArgs) -> Result<buig_store::Store, (u8, String)> {
    let url = db.database.clone().unwrap_or_else(buig_store::url_from_env);
    buig_store::block_on(buig_store::Store::open(&url)).map_err(|e| (1, e.to_string()))
}

fn import(a: &ImportArgs) -> Result<(), (u8, String)> {
    let soort: buig_import::Soort = a.soort.parse().map_err(|e: String| (2, e))?;
    let gemeente = a.gemeente.as_deref().map(str::parse).transpose().map_err(|e: String| (2, format!("--gemeente: {e}")))?;
    let opts = buig_import::Options { gemeente, blad: a.blad.clone(), max_fouten: a.max_fouten, kenmerk: None };
    let store = open_store(&a.db)?;
    let started = std::time::Instant::now();
    let mut voortgang = |n: u64| eprintln!("… {} rijen gelezen", buig_core::nl::getal(n.into(), 0));
    let r = buig_store::block_on(store.importeer(&a.bestand, soort, &opts, &mut voortgang));
    match r {
        Ok(r) => {
            let secs = started.elapsed().as_secs_f64();
            let gem = if r.gemeenten.len() > 8 {
                format!("{} gemeenten", r.gemeenten.len())
            } else {
                r.gemeenten.iter().map(|g| g.to_string()).collect::<Vec<_>>().join(", ")
            };
            match &r.uitkomst {
                buig_store::import::Uitkomst::Ongewijzigd { eerder } => {
                    println!("{}: dit bestand is al geïmporteerd (import {eerder}); er is niets gewijzigd.", r.bestand)
                }
                buig_store::import::Uitkomst::Opgeslagen { vervangt } => {
                    println!(
                        "{}: {} rijen {} opgeslagen voor {gem}{} in {:.1} s (import {}).",
                        r.bestand,
                        buig_core::nl::getal(r.rijen.into(), 0),
                        r.soort,
                        r.periode.as_deref().map(|p| format!(", periode {p}")).unwrap_or_default(),
                        secs,
                        r.id
                    );
                    if !vervangt.is_empty() {
                        println!("Vervangt eerdere import(s): {}.", vervangt.iter().map(i64::to_string).collect::<Vec<_>>().join(", "));
                    }
                }
            }
            Ok(())
        }
        Err(e) => Err((2, format!("{e}\nEr is niets opgeslagen; de database is ongewijzigd."))),
    }
}

fn demo(a: &DbArgs) -> Result<(), (u8, String)> {
    let store = open_store(a)?;
    let parts = buig_store::block_on(store.laad_demo()).map_err(|e| (1, e.to_string()))?;
    if parts.is_empty() {
        println!("De demodata staan al in de database; er is niets gewijzigd.");
    }
    for p in parts {
        println!("{}: {} rijen", p.bestand, buig_core::nl::getal(p.rijen.into(), 0));
    }
    Ok(())
}

fn genereer(a: &GenereerArgs) -> Result<(), (u8, String)> {
    let params = buig_synth::NationaalParams {
        gemeenten: a.gemeenten,
        uitkeringen: a.uitkeringen,
        seed: a.seed,
        ..buig_synth::NationaalParams::default()
    };
    let spells = buig_synth::nationaal(&params);
    let n = match &a.uitvoer {
        Some(p) => {
            let f = std::fs::File::create(p).map_err(|e| (1, format!("{}: {e}", p.display())))?;
            buig_synth::write_csv(spells, f).map_err(|e| (1, format!("{}: {e}", p.display())))?
        }
        None => buig_synth::write_csv(spells, std::io::stdout().lock()).map_err(|e| (1, e.to_string()))?,
    };
    if let Some(p) = &a.uitvoer {
        eprintln!("{}: {} uitkeringen geschreven", p.display(), buig_core::nl::getal(n.into(), 0));
    }
    Ok(())
}

fn historie(a: &DbArgs) -> Result<(), (u8, String)> {
    let store = open_store(a)?;
    let rows = buig_store::block_on(store.historie()).map_err(|e| (1, e.to_string()))?;
    println!("{:>4}  {:<20} {:<12} {:<12} {:>10}  {:<16} bestand", "id", "tijdstip", "soort", "status", "rijen", "periode");
    for r in rows {
        println!(
            "{:>4}  {:<20} {:<12} {:<12} {:>10}  {:<16} {}",
            r.id,
            r.tijdstip,
            r.soort,
            r.status,
            buig_core::nl::getal(r.rijen.into(), 0),
            r.periode.unwrap_or_default(),
            r.bestand
        );
    }
    Ok(())
}

/// Spells of one gemeente (or all in the file) read from a CSV/XLSX file,
/// streaming: a national file is filtered while it is read, so only the
/// gemeente's spells are held. Any bad row refuses the file, row-precise.
/// Spells read from a file and, when a column was asked for, its value per spell.
type SpellsMetKenmerk = (Vec<buig_core::records::Uitkering>, Vec<Option<String>>);

fn spells_from_file(
    path: &std::path::Path,
    gemeente: Option<buig_core::GemeenteCode>,
    blad: Option<String>,
    kenmerk: Option<&str>,
) -> Result<SpellsMetKenmerk, (u8, String)> {
    // Pseudonyms only link a client's spells within this run (for herinstroom); nothing is stored.
    let pseudo = buig_import::Pseudonimiseerder::new(b"buig bestand --invoer");
    let open = |g: Option<buig_core::GemeenteCode>| {
        let opts = buig_import::Options { gemeente: g, blad: blad.clone(), kenmerk: kenmerk.map(str::to_string), ..Default::default() };
        buig_import::open(path, buig_import::Soort::Uitkeringen, &opts, &pseudo)
    };
    // A national file has its own gemeente column: read it and filter; a file
    // without one needs --gemeente.
    let mut reader = match open(None) {
        Ok(r) => r,
        Err(buig_import::ImportError::Bestand { melding, .. }) if melding.contains("--gemeente") && gemeente.is_some() => {
            open(gemeente).map_err(|e| (2, e.to_string()))?
        }
        Err(e) => return Err((2, e.to_string())),
    };
    let mut spells = Vec::new();
    let mut kenmerken = Vec::new();
    let mut fouten = Vec::new();
    while let Some(item) = reader.next() {
        match item {
            Ok(buig_import::Record::Uitkering(u)) if gemeente.is_none_or(|g| g == u.gemeente) => {
                spells.push(u);
                if kenmerk.is_some() {
                    kenmerken.push(reader.kenmerk().map(str::to_string));
                }
            }
            Ok(_) => {}
            Err(e) if fouten.len() < 50 => fouten.push(e),
            Err(_) => return Err((2, buig_import::ImportError::Rijen { fouten, meer: true }.to_string())),
        }
    }
    if !fouten.is_empty() {
        return Err((2, buig_import::ImportError::Rijen { fouten, meer: false }.to_string()));
    }
    Ok((spells, kenmerken))
}

/// The comparison group of `--vergelijk`.
#[derive(Clone, Copy)]
enum Groep {
    Land,
    Grootteklasse,
}

fn groep_van(v: &str) -> Result<Groep, (u8, String)> {
    match v.trim().to_lowercase().as_str() {
        "land" => Ok(Groep::Land),
        "grootteklasse" => Ok(Groep::Grootteklasse),
        "provincie" => Err((
            2,
            "--vergelijk provincie kan niet: de meegeleverde gegevens hebben geen provincie per gemeente, en die wordt niet verzonnen (zie docs/bestand.md); kies land of grootteklasse".to_string(),
        )),
        _ => Err((2, format!("--vergelijk: \"{}\" is geen vergelijkingsgroep (verwacht land of grootteklasse)", v.trim()))),
    }
}

/// Inhabitants for the size class: 2024, else 2020.
fn grootte(inwoners: &std::collections::BTreeMap<(buig_core::GemeenteCode, i32), u64>, g: buig_core::GemeenteCode) -> Option<u64> {
    inwoners.get(&(g, 2024)).or_else(|| inwoners.get(&(g, 2020))).copied()
}

/// The comparison group beside `eigen`: every gemeente of the source
/// (`--invoer` file or the database), computed in one streaming pass.
fn vergelijking(
    a: &BestandArgs,
    g: buig_core::GemeenteCode,
    groep: Groep,
    vraag: &buig_bestand::Vraag,
    eigen: &buig_bestand::Reeks,
) -> Result<buig_bestand::Vergelijking, (u8, String)> {
    let mut per = buig_bestand::PerGemeente::new(vraag);
    let inwoners: std::collections::BTreeMap<(buig_core::GemeenteCode, i32), u64> = match &a.invoer {
        Some(path) => {
            let pseudo = buig_import::Pseudonimiseerder::new(b"buig bestand --invoer");
            let opts = buig_import::Options { gemeente: None, blad: a.blad.clone(), ..Default::default() };
            let reader = buig_import::open(path, buig_import::Soort::Uitkeringen, &opts, &pseudo).map_err(|e| match e {
                buig_import::ImportError::Bestand { bestand, melding } if melding.contains("--gemeente") => {
                    (2, format!("{bestand}: --vergelijk vraagt een landelijk bestand met een kolom gemeente"))
                }
                e => (2, e.to_string()),
            })?;
            for item in reader {
                match item {
                    Ok(buig_import::Record::Uitkering(u)) => per.voeg_toe(&u),
                    Ok(_) => {}
                    Err(e) => return Err((2, buig_import::ImportError::Rijen { fouten: vec![e], meer: false }.to_string())),
                }
            }
            buig_referentie::inwoners().iter().map(|r| ((r.code, r.jaar.get()), r.inwoners)).collect()
        }
        None => {
            let store = open_store(&a.db)?;
            buig_store::block_on(async {
                store.alle_uitkeringen(&mut |u| per.voeg_toe(&u)).await.map_err(|e| (1, e.to_string()))?;
                let inw = store.alle_inwoners().await.map_err(|e| (1, e.to_string()))?;
                Ok::<_, (u8, String)>(inw.into_iter().map(|i| ((i.gemeente, i.jaar.get()), i.aantal)).collect())
            })?
        }
    };
    let alle = per.reeksen();
    let inw = |c: buig_core::GemeenteCode, j: i32| inwoners.get(&(c, j)).copied();
    Ok(match groep {
        Groep::Land => buig_bestand::groepsreeks(eigen, &alle, |_| true, inw, "alle gemeenten in de bron".to_string()),
        Groep::Grootteklasse => {
            let klasse = grootte(&inwoners, g).map(buig_bestand::Grootteklasse::van).ok_or((
                2,
                format!("--vergelijk grootteklasse: van {g} zijn geen inwoners 2024 of 2020 bekend, dus ook geen grootteklasse"),
            ))?;
            let naam = format!("grootteklasse {} (inwoners 2024, anders 2020)", klasse.naam());
            buig_bestand::groepsreeks(
                eigen,
                &alle,
                |c| grootte(&inwoners, c).map(buig_bestand::Grootteklasse::van) == Some(klasse),
                inw,
                naam,
            )
        }
    })
}

/// The imported series `naam` for the gemeente and for NL01, at the periods of `eigen`.
fn vergelijkreeks(
    a: &BestandArgs,
    g: buig_core::GemeenteCode,
    naam: &str,
    eigen: &buig_bestand::Reeks,
) -> Result<buig_bestand::Vergelijkreeks, (u8, String)> {
    use buig_core::records::Gebied;
    let store = open_store(&a.db)?;
    buig_store::block_on(async {
        let mut gebieden = Vec::new();
        for gebied in [Gebied::Gemeente(g), Gebied::Nederland] {
            let rijen = store.vergelijkreeks(naam, &gebied).await.map_err(|e| (1, e.to_string()))?;
            if !rijen.is_empty() {
                gebieden.push((gebied.to_string(), rijen.into_iter().map(|v| (v.periode, v.waarde)).collect()));
            }
        }
        if gebieden.is_empty() {
            let namen = store.vergelijkreeksen().await.map_err(|e| (1, e.to_string()))?;
            let bekend =
                if namen.is_empty() { "geen".to_string() } else { namen.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ") };
            return Err((
                2,
                format!("--vergelijk-reeks: de database heeft geen cijfers van reeks \"{naam}\" voor {g} of NL01 (geïmporteerde reeksen: {bekend}); importeer ze met buig import vergelijking BESTAND"),
            ));
        }
        Ok(buig_bestand::Vergelijkreeks::naast(naam, eigen, gebieden))
    })
}

/// `--alle-gemeenten`: the series of every gemeente of a national CSV file at
/// once, through the engine's fast path; per 1,000 with the bundled inhabitants.
fn alle_gemeenten(
    a: &BestandArgs,
    van: buig_bestand::Maand,
    tot: buig_bestand::Maand,
    per: buig_bestand::Per,
    regelingen: Option<Vec<buig_core::records::Regeling>>,
) -> Result<(), (u8, String)> {
    let path = a.invoer.as_ref().expect("clap requires --invoer");
    let vraag = buig_bestand::Vraag { van, tot, per, regelingen, inwoners: Default::default() };
    let started = std::time::Instant::now();
    let mut alle = buig_bestand::bereken_csv_per_gemeente(path, &vraag).map_err(|e| (2, e))?;
    for (g, reeks) in alle.iter_mut() {
        let inwoners: std::collections::BTreeMap<i32, u64> =
            buig_referentie::inwoners().iter().filter(|r| r.code == *g).map(|r| (r.jaar.get(), r.inwoners)).collect();
        buig_bestand::zet_per_1000(reeks, &inwoners);
    }
    if a.json {
        let out = serde_json::json!({ "gemeenten": alle });
        println!("{}", serde_json::to_string(&out).map_err(|e| (1, e.to_string()))?);
    } else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        use std::io::Write;
        let mut first = true;
        for (g, reeks) in &alle {
            for (i, line) in buig_bestand::render_csv(reeks).lines().enumerate() {
                let r = if i == 0 {
                    if !first {
                        continue;
                    }
                    first = false;
                    writeln!(out, "gemeente,{line}")
                } else {
                    writeln!(out, "{g},{line}")
                };
                r.map_err(|e| (1, e.to_string()))?;
            }
        }
        out.flush().map_err(|e| (1, e.to_string()))?;
    }
    eprintln!("{} gemeenten berekend in {:.2} s", alle.len(), started.elapsed().as_secs_f64());
    Ok(())
}

fn bestand(a: &BestandArgs) -> Result<(), (u8, String)> {
    let van: buig_bestand::Maand = a.van.parse().map_err(|e| (2, format!("--van: {e}")))?;
    let tot: buig_bestand::Maand = a.tot.parse().map_err(|e| (2, format!("--tot: {e}")))?;
    if tot < van {
        return Err((2, format!("--tot {tot} ligt vóór --van {van}")));
    }
    let per: buig_bestand::Per = a.per.parse().map_err(|e| (2, format!("--per: {e}")))?;
    let regelingen = if a.regeling.is_empty() {
        None
    } else {
        Some(
            a.regeling
                .iter()
                .map(|r| r.parse())
                .collect::<Result<Vec<buig_core::records::Regeling>, String>>()
                .map_err(|e| (2, format!("--regeling: {e}")))?,
        )
    };
    if a.alle_gemeenten {
        return alle_gemeenten(a, van, tot, per, regelingen);
    }
    let gemeente: Option<buig_core::GemeenteCode> =
        a.gemeente.as_deref().map(str::parse).transpose().map_err(|e: String| (2, format!("--gemeente: {e}")))?;
    // A known breakdown (regeling, huishouden, reden_einde), or with --invoer any column of the file.
    let (splitsing, kolom): (Option<buig_bestand::Splitsing>, Option<&str>) = match a.uitsplitsing.as_deref() {
        None => (None, None),
        Some(s) => match s.parse::<buig_bestand::Splitsing>() {
            Ok(k) => (Some(k), None),
            Err(_) if a.invoer.is_some() => (None, Some(s.trim())),
            Err(e) => return Err((2, format!("--uitsplitsing: {e}; uit de database kan dat niet, alleen met --invoer"))),
        },
    };
    let groep = a.vergelijk.as_deref().map(groep_van).transpose()?;
    let vergelijkt = groep.is_some() || a.vergelijk_reeks.is_some();
    if vergelijkt {
        if a.uitsplitsing.is_some() {
            return Err((2, "--uitsplitsing kan niet samen met --vergelijk of --vergelijk-reeks".to_string()));
        }
        if gemeente.is_none() {
            return Err((2, "--vergelijk en --vergelijk-reeks vragen --gemeente (de gemeente die wordt vergeleken)".to_string()));
        }
        if a.csv {
            return Err((2, "--csv kan niet bij een vergelijking; gebruik --json of de tabel".to_string()));
        }
    }
    let mut kenmerken: Vec<Option<String>> = Vec::new();
    let (spells, inwoners) = match &a.invoer {
        Some(path) => {
            let (spells, k) = spells_from_file(path, gemeente, a.blad.clone(), kolom)?;
            kenmerken = k;
            let inwoners = gemeente
                .map(|g| buig_referentie::inwoners().iter().filter(|r| r.code == g).map(|r| (r.jaar.get(), r.inwoners)).collect())
                .unwrap_or_default();
            (spells, inwoners)
        }
        None => {
            let g = gemeente.ok_or((2, "geef --gemeente (uit de database) of --invoer met een uitkeringenbestand".to_string()))?;
            let store = open_store(&a.db)?;
            buig_store::block_on(async {
                if store.gemeente(g).await.map_err(|e| (1, e.to_string()))?.is_none() {
                    return Err((2, format!("--gemeente: {g} staat niet in de gemeentelijst")));
                }
                let spells = store.uitkeringen(g).await.map_err(|e| (1, e.to_string()))?;
                let inwoners =
                    store.inwoners(g).await.map_err(|e| (1, e.to_string()))?.into_iter().map(|i| (i.jaar.get(), i.aantal)).collect();
                Ok((spells, inwoners))
            })?
        }
    };
    let vraag = buig_bestand::Vraag { van, tot, per, regelingen, inwoners };
    if spells.is_empty() && !a.json && !a.csv {
        eprintln!("Let op: er zijn geen uitkeringen gevonden{}.", gemeente.map(|g| format!(" voor {g}")).unwrap_or_default());
    }
    if a.uitsplitsing.is_some() {
        let (groepen, kop) = match (splitsing, kolom) {
            (Some(naar), _) => (buig_bestand::uitsplitsing(&spells, &vraag, naar), naar.kop().to_string()),
            (None, Some(k)) => (buig_bestand::uitsplitsing_op(spells.iter().zip(kenmerken), &vraag), k.to_string()),
            (None, None) => unreachable!("--uitsplitsing was given"),
        };
        if a.json {
            let out = serde_json::json!({ "uitsplitsing": groepen });
            println!("{}", serde_json::to_string_pretty(&out).map_err(|e| (1, e.to_string()))?);
        } else if a.csv {
            print!("{}", buig_bestand::render_uitsplitsing_csv(&groepen));
        } else {
            print!("{}", buig_bestand::render_uitsplitsing_tabel(&kop, &groepen));
        }
        return Ok(());
    }
    let reeks = buig_bestand::bereken(&spells, &vraag);
    if vergelijkt {
        let g = gemeente.expect("checked above");
        let vergelijking = groep.map(|gr| vergelijking(a, g, gr, &vraag, &reeks)).transpose()?;
        let vergelijkreeks = a.vergelijk_reeks.as_deref().map(|naam| vergelijkreeks(a, g, naam, &reeks)).transpose()?;
        let v = buig_bestand::Vergeleken { reeks: buig_bestand::met_index(&reeks), vergelijking, vergelijkreeks };
        if a.json {
            println!("{}", serde_json::to_string_pretty(&v).map_err(|e| (1, e.to_string()))?);
        } else {
            print!("{}", buig_bestand::render_vergelijking(&v));
        }
        return Ok(());
    }
    if a.json {
        println!("{}", serde_json::to_string_pretty(&reeks).map_err(|e| (1, e.to_string()))?);
    } else if a.csv {
        print!("{}", buig_bestand::render_csv(&reeks));
    } else {
        print!("{}", buig_bestand::render_tabel(&reeks));
    }
    Ok(())
}

/// `--verleend JAAR …` (or `geen`): the years a vangnetuitkering was granted; `None` when not stated.
fn verleend_jaren(args: &[String]) -> Result<Option<Vec<i32>>, (u8, String)> {
    if args.is_empty() {
        return Ok(None);
    }
    let mut years = Vec::new();
    for v in args.iter().filter(|v| !v.eq_ignore_ascii_case("geen")) {
        years.push(v.parse::<buig_core::Year>().map_err(|e| (2, format!("--verleend: {e}")))?.get());
    }
    Ok(Some(years))
}

/// A gemeente's budgets, realisation and yearly figures from the store, as
/// `buig budget`, `buig prognose` and `buig rapport` hand them to the
/// libraries — the same loader the web app uses.
async fn laad_gegevens(
    store: &buig_store::Store,
    code: buig_core::GemeenteCode,
    verleend: Option<Vec<i32>>,
) -> Result<buig_prognose::Gegevens, (u8, String)> {
    buig_web::gegevens::laad_gegevens(store, code, verleend).await.map_err(|e| match e {
        buig_web::gegevens::Fout::NietGevonden => (2, format!("--gemeente: {code} staat niet in de gemeentelijst")),
        buig_web::gegevens::Fout::Intern(m) => (1, m),
        e => (2, e.to_string()),
    })
}

fn budget(a: &BudgetArgs) -> Result<(), (u8, String)> {
    let code: buig_core::GemeenteCode = a.gemeente.parse().map_err(|e: String| (2, format!("--gemeente: {e}")))?;
    let verleend = verleend_jaren(&a.verleend)?;
    let store = open_store(&a.db)?;
    let gegevens = buig_store::block_on(laad_gegevens(&store, code, verleend))?;
    if gegevens.budgetten.is_empty() && gegevens.realisatie.is_empty() && gegevens.jaarcijfers.is_empty() {
        return Err((2, format!("voor {code} staan geen budgetten of realisatie in de database: importeer ze met buig import budget/realisatie, of laad de demo met buig demo")));
    }
    let o = buig_prognose::budgetoverzicht(&gegevens);
    if a.json {
        println!("{}", serde_json::to_string_pretty(&o).map_err(|e| (1, e.to_string()))?);
    } else {
        print!("{}", buig_prognose::render_tabel(&o));
    }
    Ok(())
}

fn prognose(a: &PrognoseArgs) -> Result<(), (u8, String)> {
    let code: buig_core::GemeenteCode = a.gemeente.parse().map_err(|e: String| (2, format!("--gemeente: {e}")))?;
    let verleend = verleend_jaren(&a.verleend)?;
    let vraag = if a.backtest {
        None
    } else {
        let jaar: buig_core::Year = a.jaar.as_deref().unwrap_or_default().parse().map_err(|e| (2, format!("--jaar: {e}")))?;
        let peildatum =
            buig_prognose::lees_peildatum(a.peildatum.as_deref().unwrap_or_default()).map_err(|e| (2, format!("--peildatum: {e}")))?;
        let scenarios = match &a.scenario {
            None => Vec::new(),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| (2, format!("--scenario: {}: {e}", path.display())))?;
                let toml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
                buig_prognose::lees_scenarios(&text, toml).map_err(|e| (2, format!("--scenario: {e}")))?
            }
        };
        Some(buig_prognose::rapport::PrognoseVraag { jaar, peildatum, scenarios, runs: a.runs, seed: a.seed })
    };
    let store = open_store(&a.db)?;
    let (gegevens, spells) = buig_store::block_on(async {
        let gegevens = laad_gegevens(&store, code, verleend).await?;
        let spells = store.uitkeringen(code).await.map_err(|e| (1, e.to_string()))?;
        Ok::<_, (u8, String)>((gegevens, spells))
    })?;
    if gegevens.realisatie.is_empty() || gegevens.budgetten.is_empty() || spells.is_empty() {
        return Err((2, format!("voor {code} ontbreken uitkeringen, maandrealisatie of budgetten in de database: importeer ze met buig import, of laad de demo met buig demo")));
    }
    match vraag {
        None => {
            let b = buig_prognose::Basis::new(&gegevens, &spells).map_err(|e| (2, e.to_string()))?;
            let bt = buig_prognose::backtest::backtest(&b);
            if bt.regels.is_empty() {
                return Err((2, format!("voor {code} is geen afgesloten jaar met een voorgaand jaar: er valt niets te backtesten")));
            }
            if a.json {
                println!("{}", serde_json::to_string_pretty(&bt).map_err(|e| (1, e.to_string()))?);
            } else {
                print!("{}", buig_prognose::rapport::render_backtest(&bt));
            }
        }
        Some(v) => {
            let r = buig_prognose::rapport::prognose_rapport(&gegevens, &spells, &v).map_err(|e| (2, e.to_string()))?;
            if a.json {
                println!("{}", serde_json::to_string_pretty(&r).map_err(|e| (1, e.to_string()))?);
            } else {
                print!("{}", buig_prognose::rapport::render_rapport(&r));
            }
        }
    }
    Ok(())
}

fn rapport(a: &RapportArgs) -> Result<(), (u8, String)> {
    match buig_rapport::SOORTEN.iter().find(|(s, _)| *s == a.soort) {
        Some((_, true)) => {}
        found => {
            let gebouwd: Vec<&str> = buig_rapport::SOORTEN.iter().filter(|(_, b)| *b).map(|(s, _)| *s).collect();
            let wat = if found.is_some() {
                format!("rapport {}: nog niet gebouwd", a.soort)
            } else {
                let alle: Vec<&str> = buig_rapport::SOORTEN.iter().map(|(s, _)| *s).collect();
                format!("rapport {}: onbekende soort (soorten: {})", a.soort, alle.join(", "))
            };
            return Err((2, format!("{wat}; wat er is: {}", gebouwd.join(", "))));
        }
    }
    let code: buig_core::GemeenteCode = a.gemeente.parse().map_err(|e: String| (2, format!("--gemeente: {e}")))?;
    let jaar: buig_core::Year = a.jaar.parse().map_err(|e| (2, format!("--jaar: {e}")))?;
    let formaat: buig_rapport::Formaat = a.formaat.parse().map_err(|e| (2, format!("--formaat: {e}")))?;
    let peildatum = a.peildatum.as_deref().map(buig_prognose::lees_peildatum).transpose().map_err(|e| (2, format!("--peildatum: {e}")))?;
    let verleend = verleend_jaren(&a.verleend)?;
    let store = open_store(&a.db)?;
    let gegevens = buig_store::block_on(laad_gegevens(&store, code, verleend))?;
    if a.soort != "notitie-vangnet" {
        return rapport_uit_bestand(a, &store, code, gegevens, jaar, formaat);
    }
    let vraag = buig_rapport::NotitieVraag { jaar, peildatum, datum: peildatum.unwrap_or_else(buig_rapport::vandaag) };
    // Causes from the caseload and measures from the aanvalsplan, where the database has them.
    // Nederland: every gemeente's quarters of the causes, in one streaming pass.
    let bv = buig_rapport::oorzaken_vraag(jaar, peildatum).map_err(|e| (2, e.to_string()))?;
    let (spells, plan, landelijk) = buig_store::block_on(async {
        let spells = store.uitkeringen(code).await.map_err(|e| (1, e.to_string()))?;
        let plan = laad_plan(&store, code, &spells).await?;
        let mut per = buig_bestand::PerGemeente::new(&bv);
        store.alle_uitkeringen(&mut |u| per.voeg_toe(&u)).await.map_err(|e| (1, e.to_string()))?;
        Ok::<_, (u8, String)>((spells, plan, per.reeksen()))
    })?;
    let notitie =
        buig_rapport::notitie_vangnet_landelijk(&gegevens, &spells, plan.as_ref(), Some(&landelijk), &vraag).map_err(|e| match e {
            buig_rapport::RapportFout::Docx(_) => (1, e.to_string()),
            _ => (2, e.to_string()),
        })?;
    let bytes = buig_rapport::render(&notitie.document, formaat).map_err(|e| (1, e.to_string()))?;
    std::fs::write(&a.uitvoer, &bytes).map_err(|e| (1, format!("{}: kan niet schrijven: {e}", a.uitvoer.display())))?;
    let r = &notitie.resultaat;
    let uitkering = match (r.recht, r.vangnetuitkering) {
        (Some(true), Some(x)) => buig_core::nl::euro(x),
        (Some(false), _) => "geen recht".to_string(),
        _ => format!("onbekend (indien voorwaarde b vervuld: {})", buig_core::nl::euro(r.vangnetuitkering_indien_recht)),
    };
    println!("{}: {} — vangnetuitkering {uitkering}", a.uitvoer.display(), notitie.document.titel);
    Ok(())
}

/// `buig rapport raadsmededeling|monitor`: documents that also need the spells
/// (and the plan or the inhabitants). The peildatum defaults to the end of the
/// last month with realisation.
fn rapport_uit_bestand(
    a: &RapportArgs,
    store: &buig_store::Store,
    code: buig_core::GemeenteCode,
    gegevens: buig_prognose::Gegevens,
    jaar: buig_core::Year,
    formaat: buig_rapport::Formaat,
) -> Result<(), (u8, String)> {
    let peildatum = match a.peildatum.as_deref() {
        Some(p) => buig_prognose::lees_peildatum(p).map_err(|e| (2, format!("--peildatum: {e}")))?,
        None => buig_rapport::laatste_realisatiedag(&gegevens).unwrap_or_else(buig_rapport::vandaag),
    };
    let datum = if a.peildatum.is_some() { peildatum } else { buig_rapport::vandaag() };
    let fout = |e: buig_rapport::RapportFout| match e {
        buig_rapport::RapportFout::Docx(_) => (1, e.to_string()),
        _ => (2, e.to_string()),
    };
    let document = buig_store::block_on(async {
        let spells = store.uitkeringen(code).await.map_err(|e| (1, e.to_string()))?;
        if a.soort == "raadsmededeling" {
            let plan = laad_plan(store, code, &spells).await?;
            let vraag = buig_rapport::RaadsmededelingVraag { jaar, peildatum, datum };
            buig_rapport::raadsmededeling(&gegevens, &spells, plan.as_ref(), &vraag).map_err(fout)
        } else {
            let inwoners =
                store.inwoners(code).await.map_err(|e| (1, e.to_string()))?.into_iter().map(|i| (i.jaar.get(), i.aantal)).collect();
            let vraag = buig_rapport::MonitorVraag { jaar, peildatum, datum };
            // Every gemeente's quarters in one streaming pass, for the size class and the Netherlands.
            let bv = buig_rapport::monitor::landelijke_vraag(&vraag).map_err(fout)?;
            let mut per = buig_bestand::PerGemeente::new(&bv);
            store.alle_uitkeringen(&mut |u| per.voeg_toe(&u)).await.map_err(|e| (1, e.to_string()))?;
            let alle = per.reeksen();
            let alle_inwoners = store
                .alle_inwoners()
                .await
                .map_err(|e| (1, e.to_string()))?
                .into_iter()
                .map(|i| ((i.gemeente, i.jaar.get()), i.aantal))
                .collect();
            let vergelijking = buig_rapport::monitor::monitor_vergelijking(code, &alle, &alle_inwoners, &vraag).map_err(fout)?;
            buig_rapport::monitor::kwartaalmonitor_met(&gegevens, &spells, &inwoners, Some(&vergelijking), &vraag).map_err(fout)
        }
    })?;
    let bytes = buig_rapport::render(&document, formaat).map_err(|e| (1, e.to_string()))?;
    std::fs::write(&a.uitvoer, &bytes).map_err(|e| (1, format!("{}: kan niet schrijven: {e}", a.uitvoer.display())))?;
    println!("{}: {} (peildatum {})", a.uitvoer.display(), document.titel, buig_core::nl::date_long(peildatum));
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Vangnet(a) => vangnet(a),
        Command::Regels { json } => regels(*json),
        Command::Import(a) => import(a),
        Command::Demo(a) => demo(a),
        Command::Genereer(a) => genereer(a),
        Command::Historie(a) => historie(a),
        Command::Bestand(a) => bestand(a),
        Command::Budget(a) => budget(a),
        Command::Prognose(a) => prognose(a),
        Command::Rapport(a) => rapport(a),
        Command::Plan(a) => plan::plan(a),
        Command::Gebruiker(a) => gebruiker::gebruiker(a),
        Command::Serve(a) => serve(a),
        Command::Verleend(a) => verleend::verleend(a),
        Command::Jaarcijfer(a) => verleend::jaarcijfer(a),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, msg)) => {
            eprintln!("buig: fout: {msg}");
            ExitCode::from(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_in_plain_and_dutch_notation() {
        let cents = |s: &str| parse_amount(s).map(Money::cents);
        assert_eq!(cents("41984531"), Ok(4_198_453_100));
        assert_eq!(cents("41.984.531"), Ok(4_198_453_100));
        assert_eq!(cents("€ 1.234,56"), Ok(123_456));
        assert_eq!(cents("1234.56"), Ok(123_456));
        assert_eq!(cents("-1.000.000"), Ok(-100_000_000));
        assert_eq!(cents("3.448"), Ok(344_800));
        assert!(cents("3448580.125").is_err(), "seven digits before the dot: a decimal, and sub-cent");
        assert!(cents("1,2,3").is_err());
        assert!(cents("veel").is_err());
    }
}
