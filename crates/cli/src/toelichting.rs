// SPDX-License-Identifier: EUPL-1.2
//! `buig toelichting`: the council's own words about a vangnet year (the
//! causes, the measures taken, the additional measures) from a text file,
//! or the current text and its versions. The notitie vangnet and its
//! raadsvoorstel take them over.

use std::path::PathBuf;

use buig_core::records::Toelichting;
use buig_core::{GemeenteCode, Year};
use clap::Args;

use crate::fout::{Fout, Uit};
use crate::gedeeld::{open_store, DbArgs};

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig toelichting --gemeente GM0150 --jaar 2023\n  buig toelichting --gemeente GM0150 --jaar 2023 --invoer toelichting-2023.txt\n\nHet bestand is platte tekst (UTF-8) met drie kopjes, elk op een eigen regel:\n  # Oorzaken\n  # Maatregelen\n  # Aanvullende maatregelen\nDe tekst onder een kopje hoort erbij; een lege regel begint een nieuwe alinea, regels met een streepje worden een opsomming. Een kopje mag ontbreken."
)]
pub(crate) struct ToelichtingArgs {
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Het vangnetjaar, bijvoorbeeld 2023
    #[arg(long)]
    jaar: String,
    /// Tekstbestand met de kopjes Oorzaken, Maatregelen en Aanvullende maatregelen; zonder: de huidige tekst tonen
    #[arg(long, value_name = "BESTAND")]
    invoer: Option<PathBuf>,
    /// Uitvoer als JSON (alle versies)
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

/// Reads the three sections of a text file; `naam` names the file in messages.
pub(crate) fn lees(tekst: &str, naam: &str, jaar: Year) -> Result<Toelichting, String> {
    let mut t = Toelichting {
        jaar,
        versie: 0,
        oorzaken: String::new(),
        maatregelen: String::new(),
        aanvullende_maatregelen: String::new(),
        gewijzigd: String::new(),
        door: None,
    };
    let mut huidig: Option<&str> = None;
    let mut gezien: Vec<&str> = Vec::new();
    for (i, regel) in tekst.trim_start_matches('\u{feff}').lines().enumerate() {
        if let Some(kop) = regel.trim_start().strip_prefix('#') {
            let kop = kop.trim_start_matches('#').trim().trim_end_matches(':').to_lowercase();
            let veld = match kop.as_str() {
                "oorzaken" | "oorzaken van het tekort" => "oorzaken",
                "maatregelen" | "getroffen maatregelen" => "maatregelen",
                "aanvullende maatregelen" => "aanvullende",
                _ => {
                    return Err(format!(
                        "{naam}: regel {}: onbekend kopje \"{}\"; gebruik # Oorzaken, # Maatregelen of # Aanvullende maatregelen",
                        i + 1,
                        regel.trim()
                    ))
                }
            };
            if gezien.contains(&veld) {
                return Err(format!("{naam}: regel {}: het kopje \"{}\" staat er twee keer in", i + 1, regel.trim()));
            }
            gezien.push(veld);
            huidig = Some(veld);
            continue;
        }
        let doel = match huidig {
            Some("oorzaken") => &mut t.oorzaken,
            Some("maatregelen") => &mut t.maatregelen,
            Some(_) => &mut t.aanvullende_maatregelen,
            None if regel.trim().is_empty() => continue,
            None => {
                return Err(format!(
                    "{naam}: regel {}: tekst vóór het eerste kopje; begin met # Oorzaken, # Maatregelen of # Aanvullende maatregelen",
                    i + 1
                ))
            }
        };
        doel.push_str(regel.trim_end());
        doel.push('\n');
    }
    for veld in [&mut t.oorzaken, &mut t.maatregelen, &mut t.aanvullende_maatregelen] {
        *veld = veld.trim().to_string();
    }
    if t.is_leeg() {
        return Err(format!("{naam}: er staat geen tekst onder de kopjes"));
    }
    Ok(t)
}

pub(crate) fn toelichting(a: &ToelichtingArgs) -> Uit<()> {
    let code: GemeenteCode = a.gemeente.parse().map_err(|e| Fout::Invoer(format!("--gemeente: {e}")))?;
    let jaar: Year = a.jaar.parse().map_err(|e| Fout::Invoer(format!("--jaar: {e}")))?;
    let db = |e: buig_store::StoreError| Fout::Intern(e.to_string());
    let store = open_store(&a.db)?;
    buig_store::block_on(async { store.gemeente(code).await.map_err(db)?.ok_or(Fout::Invoer(format!("--gemeente: {code} is onbekend"))) })?;
    if let Some(pad) = &a.invoer {
        let naam = pad.file_name().map_or_else(|| pad.display().to_string(), |n| n.to_string_lossy().into_owned());
        let bytes = std::fs::read(pad).map_err(|e| Fout::Invoer(format!("{naam}: kan niet worden gelezen: {e}")))?;
        if bytes.len() > 1_000_000 {
            return Err(Fout::Invoer(format!("{naam}: het bestand is groter dan 1 MB; een toelichting is tekst van enkele pagina's")));
        }
        let tekst = String::from_utf8(bytes)
            .map_err(|_| Fout::Invoer(format!("{naam}: is geen tekst in UTF-8; sla het op als platte tekst (UTF-8)")))?;
        let t = lees(&tekst, &naam, jaar).map_err(Fout::Invoer)?;
        let wie = std::env::var("USER").ok().filter(|u| !u.is_empty()).map(|u| format!("cli:{u}")).unwrap_or_else(|| "cli".into());
        let opgeslagen = buig_store::block_on(store.zet_toelichting(code, &t, Some(&wie))).map_err(|e| match e {
            buig_store::StoreError::Data { veld, melding } => Fout::Invoer(format!("{naam}: {veld}: {melding}")),
            e => db(e),
        })?;
        println!("Toelichting {code} {jaar} opgeslagen (versie {}).", opgeslagen.versie);
        return Ok(());
    }
    let alle: Vec<Toelichting> =
        buig_store::block_on(store.toelichtingen(code)).map_err(db)?.into_iter().filter(|t| t.jaar == jaar).collect();
    if a.json {
        println!("{}", serde_json::to_string_pretty(&alle)?);
        return Ok(());
    }
    let Some(t) = alle.last() else {
        println!("Voor {code} is over {jaar} nog geen toelichting geschreven.");
        return Ok(());
    };
    println!(
        "Toelichting {code} {jaar}, versie {} ({}{})\n",
        t.versie,
        t.gewijzigd,
        t.door.as_deref().map(|d| format!(", door {d}")).unwrap_or_default()
    );
    for (kop, tekst) in
        [("Oorzaken", &t.oorzaken), ("Maatregelen", &t.maatregelen), ("Aanvullende maatregelen", &t.aanvullende_maatregelen)]
    {
        if !tekst.is_empty() {
            println!("# {kop}\n{tekst}\n");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_file_with_three_headings_becomes_the_three_texts() {
        let t = lees(
            "\u{feff}# Oorzaken\nHet budget daalde.\n\nMeer instroom.\n## Maatregelen:\n- Werkgeversdienst\n- Poortwachter\n",
            "t.txt",
            Year::new(2023),
        )
        .unwrap();
        assert_eq!(t.oorzaken, "Het budget daalde.\n\nMeer instroom.");
        assert_eq!(t.maatregelen, "- Werkgeversdienst\n- Poortwachter");
        assert_eq!(t.aanvullende_maatregelen, "");
    }

    #[test]
    fn text_before_a_heading_an_unknown_or_a_repeated_heading_is_refused_with_its_line() {
        assert_eq!(
            lees("Hallo\n# Oorzaken\nx", "t.txt", Year::new(2023)).unwrap_err(),
            "t.txt: regel 1: tekst vóór het eerste kopje; begin met # Oorzaken, # Maatregelen of # Aanvullende maatregelen"
        );
        assert!(lees("# Oorzaken\nx\n# Begroting\ny", "t.txt", Year::new(2023)).unwrap_err().starts_with("t.txt: regel 3: onbekend kopje"));
        assert!(lees("# Oorzaken\nx\n# oorzaken\ny", "t.txt", Year::new(2023)).unwrap_err().contains("twee keer"));
        assert_eq!(lees("# Oorzaken\n\n", "t.txt", Year::new(2023)).unwrap_err(), "t.txt: er staat geen tekst onder de kopjes");
    }
}

#[derive(Args)]
#[command(
    after_help = "Voorbeelden:\n  buig briefhoofd --gemeente GM0150\n  buig briefhoofd --gemeente GM0150 --afdeling \"Werk en Inkomen\" --auteur \"J. de Vries\" --notanummer 2024/123 --portefeuillehouder \"wethouder Jansen\"\n\nEén keer instellen: elk raadsdocument van de gemeente neemt het over. Een leeg veld (\"\") wist het."
)]
pub(crate) struct BriefhoofdArgs {
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Afdeling, bijvoorbeeld "Werk en Inkomen"
    #[arg(long)]
    afdeling: Option<String>,
    /// Wie de documenten opstelt
    #[arg(long)]
    auteur: Option<String>,
    /// Het kenmerk van de notitie
    #[arg(long)]
    notanummer: Option<String>,
    /// De wethouder; staat in het raadsvoorstel
    #[arg(long)]
    portefeuillehouder: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

/// `buig briefhoofd`: shows, or changes the given fields of, a gemeente's letterhead.
pub(crate) fn briefhoofd(a: &BriefhoofdArgs) -> Uit<()> {
    let code: GemeenteCode = a.gemeente.parse().map_err(|e| Fout::Invoer(format!("--gemeente: {e}")))?;
    let db = |e: buig_store::StoreError| match e {
        buig_store::StoreError::Data { veld, melding } => Fout::Invoer(format!("--{veld}: {melding}")),
        e => Fout::Intern(e.to_string()),
    };
    let store = open_store(&a.db)?;
    buig_store::block_on(async { store.gemeente(code).await.map_err(db)?.ok_or(Fout::Invoer(format!("--gemeente: {code} is onbekend"))) })?;
    let mut b = buig_store::block_on(store.briefhoofd(code)).map_err(db)?.unwrap_or_default();
    let wijzig = [
        (&a.afdeling, &mut b.afdeling),
        (&a.auteur, &mut b.auteur),
        (&a.notanummer, &mut b.notanummer),
        (&a.portefeuillehouder, &mut b.portefeuillehouder),
    ];
    let mut gewijzigd = false;
    for (nieuw, veld) in wijzig {
        if let Some(n) = nieuw {
            *veld = n.trim().to_string();
            gewijzigd = true;
        }
    }
    if gewijzigd {
        let wie = std::env::var("USER").ok().filter(|u| !u.is_empty()).map(|u| format!("cli:{u}")).unwrap_or_else(|| "cli".into());
        buig_store::block_on(store.zet_briefhoofd(code, &b, Some(&wie))).map_err(db)?;
        println!("Briefhoofd van {code} opgeslagen.");
    }
    let regels = b.kenmerken();
    if regels.is_empty() {
        println!("Voor {code} is geen briefhoofd ingevuld.");
    }
    for (k, v) in regels {
        println!("{k}: {v}");
    }
    Ok(())
}
