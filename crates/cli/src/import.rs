// SPDX-License-Identifier: EUPL-1.2
//! `buig import`, `buig demo`, `buig genereer` and `buig historie`: data in, and what came in.

use std::path::PathBuf;

use clap::Args;

use crate::fout::{Fout, Uit};
use crate::gedeeld::{open_store, DbArgs};

#[derive(Args)]
#[command(
    after_help = "Soorten: uitkeringen, realisatie, budget, inwoners, vergelijking. Formaten: zie docs/import.md.\n\nVoorbeeld:\n  buig import uitkeringen uitkeringen.csv --gemeente GM0150"
)]
pub(crate) struct ImportArgs {
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
    /// Ook opslaan als een gemeente daardoor meer dan de helft van haar opgeslagen uitkeringen kwijtraakt
    #[arg(long)]
    vervang: bool,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
#[command(
    after_help = "Zet terug wat een import verving; het nummer staat in buig historie. Alleen de laatste import van een gemeente kan worden hersteld (daarna de import daarvoor, enzovoort).\n\nVoorbeeld:\n  buig herstel 12\n  buig herstel 12 --gemeente GM0150"
)]
pub(crate) struct HerstelArgs {
    /// Het nummer van de import, zoals buig historie het toont
    import: i64,
    /// Alleen deze gemeente (CBS-code) herstellen
    #[arg(long)]
    gemeente: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Args)]
pub(crate) struct GenereerArgs {
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

pub(crate) fn import(a: &ImportArgs) -> Uit<()> {
    let soort: buig_import::Soort = a.soort.parse().map_err(|e: String| Fout::Invoer(e))?;
    let gemeente = a.gemeente.as_deref().map(str::parse).transpose().map_err(|e: String| Fout::Invoer(format!("--gemeente: {e}")))?;
    let opts = buig_import::Options { gemeente, blad: a.blad.clone(), max_fouten: a.max_fouten, ..Default::default() };
    let store = open_store(&a.db)?;
    let started = std::time::Instant::now();
    let keuze = buig_store::import::Keuze { vervang: a.vervang, ..Default::default() };
    let r = buig_store::block_on(store.importeer_met(&a.bestand, soort, &opts, &keuze, &mut voortgang));
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
        Err(e @ buig_store::import::ImportFout::MeerDanDeHelftWeg { .. }) => Err(Fout::Invoer(format!(
            "{e}\nDe database is ongewijzigd. Is dit de bedoeling (bijvoorbeeld na een herindeling), importeer dan opnieuw met --vervang; wat er werd vervangen, zet buig herstel terug."
        ))),
        Err(e) => Err(Fout::Invoer(format!("{e}\nEr is niets opgeslagen; de database is ongewijzigd."))),
    }
}

/// Shows the steps of an import or herstel on stderr.
fn voortgang(stap: buig_store::import::Stap) {
    match stap {
        buig_store::import::Stap::Gelezen(n) => eprintln!("… {} rijen gelezen", buig_core::nl::getal(n.into(), 0)),
        buig_store::import::Stap::Wachten => {
            eprintln!("Er loopt al een import in deze database; deze wacht tot die klaar is …")
        }
    }
}

pub(crate) fn herstel(a: &HerstelArgs) -> Uit<()> {
    let gemeente = a.gemeente.as_deref().map(|g| crate::gedeeld::gemeente_code("--gemeente", g)).transpose()?;
    let store = open_store(&a.db)?;
    match buig_store::block_on(store.herstel(a.import, gemeente, None, &mut voortgang)) {
        Ok(h) => {
            let gem = if h.gemeenten.len() > 8 {
                format!("{} gemeenten", h.gemeenten.len())
            } else {
                h.gemeenten.iter().map(|g| g.to_string()).collect::<Vec<_>>().join(", ")
            };
            println!(
                "Import {} ({} {}) is hersteld voor {gem}: {} rijen van die import weggehaald, {} rijen van daarvoor teruggezet (herstel {}).",
                h.import,
                h.soort,
                h.bestand,
                buig_core::nl::getal(h.weg.into(), 0),
                buig_core::nl::getal(h.terug.into(), 0),
                h.id
            );
            Ok(())
        }
        Err(buig_store::import::ImportFout::Store(e)) => Err(Fout::Intern(e.to_string())),
        Err(e) => Err(Fout::Invoer(format!("herstel {}: {e}; er is niets gewijzigd (zie buig historie)", a.import))),
    }
}

pub(crate) fn demo(a: &DbArgs) -> Uit<()> {
    let store = open_store(a)?;
    let parts = buig_store::block_on(store.laad_demo()).map_err(|e| Fout::Intern(e.to_string()))?;
    if parts.is_empty() {
        println!("De demodata staan al in de database; er is niets gewijzigd.");
    }
    for p in parts {
        println!("{}: {} rijen", p.bestand, buig_core::nl::getal(p.rijen.into(), 0));
    }
    Ok(())
}

pub(crate) fn genereer(a: &GenereerArgs) -> Uit<()> {
    let params = buig_synth::NationaalParams {
        gemeenten: a.gemeenten,
        uitkeringen: a.uitkeringen,
        seed: a.seed,
        ..buig_synth::NationaalParams::default()
    };
    let uitkeringen = buig_synth::nationaal(&params);
    let n = match &a.uitvoer {
        Some(p) => {
            let f = std::fs::File::create(p).map_err(|e| Fout::Intern(format!("{}: {e}", p.display())))?;
            buig_synth::write_csv(uitkeringen, f).map_err(|e| Fout::Intern(format!("{}: {e}", p.display())))?
        }
        None => buig_synth::write_csv(uitkeringen, std::io::stdout().lock()).map_err(crate::uit::schrijffout)?,
    };
    if let Some(p) = &a.uitvoer {
        eprintln!("{}: {} uitkeringen geschreven", p.display(), buig_core::nl::getal(n.into(), 0));
    }
    Ok(())
}

pub(crate) fn historie(a: &DbArgs) -> Uit<()> {
    let store = open_store(a)?;
    let rows = buig_store::block_on(store.historie()).map_err(|e| Fout::Intern(e.to_string()))?;
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
