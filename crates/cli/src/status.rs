// SPDX-License-Identifier: EUPL-1.2
//! `buig status`: what a gemeente's data hold per year and which answers each
//! gap blocks, with the command that fills it.

use buig_dienst::status::{Actie, DataStatus};
use clap::Args;

use crate::fout::{self, Uit};
use crate::gedeeld::{gemeente_code, open_store, DbArgs};

#[derive(Args)]
#[command(after_help = "Voorbeelden:\n  buig status --gemeente GM0150\n  buig status --gemeente GM9999 --json")]
pub(crate) struct StatusArgs {
    /// CBS-code van de gemeente, bijvoorbeeld GM0150
    #[arg(long)]
    gemeente: String,
    /// Uitvoer als JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

fn ja(b: bool) -> &'static str {
    if b {
        "ja"
    } else {
        "–"
    }
}

/// The command that fills a gap.
fn opdracht(code: &str, a: &Actie) -> String {
    match a {
        Actie::Import { bestand } => format!("buig import {bestand} BESTAND --gemeente {code}"),
        Actie::Jaarcijfer { jaar } => format!("buig jaarcijfer --gemeente {code} --jaar {jaar} --budget BEDRAG --tekort BEDRAG"),
        Actie::Verleend { jaar } => format!("buig verleend --gemeente {code} --jaar {jaar} --verleend ja|nee"),
    }
}

fn tekst(s: &DataStatus) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "Gegevens van {} ({})\n", s.naam, s.gemeente);
    let _ = writeln!(
        o,
        "{:<6} {:>4} {:>4} {:>4} {:>8} {:>12} {:>10} {:<22} {:>9} {:>8}",
        "jaar", "V", "NV", "D", "maanden", "uitkeringen", "inwoners", "jaarcijfers", "verleend", "tekort"
    );
    for j in &s.jaren {
        let jc: Vec<String> = j.jaarcijfers.iter().map(|x| x.to_string()).collect();
        let _ = writeln!(
            o,
            "{:<6} {:>4} {:>4} {:>4} {:>8} {:>12} {:>10} {:<22} {:>9} {:>8}",
            j.jaar,
            ja(j.voorlopig),
            ja(j.nader_voorlopig),
            ja(j.definitief),
            j.maanden,
            buig_core::nl::aantal(j.uitkeringen),
            j.inwoners.map(buig_core::nl::aantal).unwrap_or_else(|| "–".into()),
            if jc.is_empty() { "–".to_string() } else { jc.join(", ") },
            match j.verleend {
                Some(true) => "ja",
                Some(false) => "nee",
                None => "onbekend",
            },
            if j.tekort_bekend { "bekend" } else { "onbekend" }
        );
    }
    if s.blokkades.is_empty() {
        let _ = writeln!(o, "\nNiets ontbreekt voor de antwoorden van de BUIG-monitor.");
    } else {
        let _ = writeln!(o, "\nWat ontbreekt, en wat het tegenhoudt");
        for b in &s.blokkades {
            let _ = writeln!(o, "- {}: {}", b.antwoord, b.ontbreekt);
            for a in &b.acties {
                let _ = writeln!(o, "    {}", opdracht(&s.gemeente, a));
            }
        }
    }
    o
}

pub(crate) fn status(a: &StatusArgs) -> Uit<()> {
    let code = gemeente_code("--gemeente", &a.gemeente)?;
    let store = open_store(&a.db)?;
    let g = buig_store::block_on(buig_dienst::gemeente::laad(&store, code, None)).map_err(fout::dienst(code))?;
    let s = buig_dienst::status::status(&g);
    if a.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
    } else {
        print!("{}", tekst(&s));
    }
    Ok(())
}
