// SPDX-License-Identifier: EUPL-1.2
//! The benchmark run: every gemeente of a national spells file, monthly
//! 2015-01..2026-10, written as CSV (`gemeente,periode,stand,instroom,
//! uitstroom,duur_0-6,…,duur_60+`).
//!
//! `cargo run --release -p buig-bestand --example bestand_nationaal -- SPELLS.csv OUT.csv`

use std::io::{BufWriter, Write};
use std::time::Instant;

use buig_bestand::{bereken_csv_per_gemeente, Per, Vraag};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [invoer, uitvoer] = &args[..] else {
        return Err("gebruik: nationaal SPELLS.csv OUT.csv".into());
    };
    let t = Instant::now();
    let vraag = Vraag::new("2015-01".parse()?, "2026-10".parse()?, Per::Maand)?;
    let alle = bereken_csv_per_gemeente(invoer.as_ref(), &vraag)?;
    let f = std::fs::File::create(uitvoer).map_err(|e| format!("{uitvoer}: {e}"))?;
    let mut w = BufWriter::new(f);
    let io = |e: std::io::Error| format!("{uitvoer}: {e}");
    writeln!(w, "gemeente,periode,stand,instroom,uitstroom,duur_0-6,duur_6-12,duur_12-24,duur_24-36,duur_36-60,duur_60+").map_err(io)?;
    for (g, r) in &alle {
        for p in &r.reeks {
            let [a, b, c, d, e, f] = p.duur.0;
            writeln!(w, "{g},{},{},{},{},{a},{b},{c},{d},{e},{f}", p.periode, p.stand, p.instroom, p.uitstroom).map_err(io)?;
        }
    }
    w.flush().map_err(io)?;
    eprintln!("{} gemeenten in {:.2} s", alle.len(), t.elapsed().as_secs_f64());
    Ok(())
}
