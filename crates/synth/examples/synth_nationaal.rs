// SPDX-License-Identifier: EUPL-1.2
//! Writes a national synthetic spells file and reports the time taken, then
//! (with `--stats`) describes what it wrote:
//! `cargo run --release -p buig-synth --example synth_nationaal -- 5000000 /tmp/nationaal.csv --stats`.
//! Arguments: number of spells (default 5,000,000), output path (default
//! `/tmp/buig-nationaal.csv`), gemeenten (default all), seed (default 2024).

use std::collections::BTreeMap;
use std::fs::File;
use std::time::Instant;

use buig_core::records::Regeling;
use buig_synth::{nationaal, write_csv, NationaalParams};
use jiff::civil::date;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let stats = std::env::args().any(|a| a == "--stats");
    let n: usize = args.first().map_or(5_000_000, |a| a.parse().expect("number of uitkeringen"));
    let pad = args.get(1).cloned().unwrap_or_else(|| "/tmp/buig-nationaal.csv".into());
    let gemeenten: usize = args.get(2).map_or(usize::MAX, |a| a.parse().expect("gemeenten"));
    let seed: u64 = args.get(3).map_or(2024, |a| a.parse().expect("seed"));
    let p = NationaalParams::new(gemeenten, n, seed);

    let t = Instant::now();
    let rows = write_csv(nationaal(&p), File::create(&pad)?)?;
    let secs = t.elapsed().as_secs_f64();
    let bytes = std::fs::metadata(&pad)?.len();
    println!(
        "{rows} uitkeringen → {pad}: {bytes} bytes ({:.1} MB) in {secs:.2} s ({:.2} M uitkeringen/s)",
        bytes as f64 / 1e6,
        rows as f64 / secs / 1e6
    );

    let t = Instant::now();
    let only = nationaal(&p).count();
    println!("generation alone: {only} uitkeringen in {:.2} s", t.elapsed().as_secs_f64());

    if stats {
        beschrijf(&p);
    }
    Ok(())
}

fn beschrijf(p: &NationaalParams) {
    let mut regeling: BTreeMap<Regeling, u64> = BTreeMap::new();
    let mut reden: BTreeMap<&str, u64> = BTreeMap::new();
    let mut huishouden: BTreeMap<&str, u64> = BTreeMap::new();
    let peil: Vec<_> = (2015..=2026).map(|y| if y == 2026 { date(2026, 10, 31) } else { date(y as i16, 1, 1) }).collect();
    let mut stand = vec![0u64; peil.len()];
    let mut instroom: BTreeMap<i16, u64> = BTreeMap::new();
    let mut maand_in = [0u64; 12];
    let mut duur_banden = [0u64; 6];
    let mut leeftijd = [0u64; 3];
    let (mut vorige, mut herinstroom, mut clients) = (String::new(), 0u64, 0u64);
    let mut totaal = 0u64;
    for s in nationaal(p) {
        totaal += 1;
        *regeling.entry(s.regeling).or_default() += 1;
        *reden.entry(s.reden_einde.unwrap_or("(loopt)")).or_default() += 1;
        *huishouden.entry(s.huishouden).or_default() += 1;
        for (i, d) in peil.iter().enumerate() {
            stand[i] += u64::from(s.loopt_op(*d));
        }
        if s.startdatum.year() >= 2015 {
            *instroom.entry(s.startdatum.year()).or_default() += 1;
            if s.startdatum.year() <= 2025 {
                maand_in[s.startdatum.month() as usize - 1] += 1;
            }
        }
        if s.client_id == vorige {
            herinstroom += 1;
        } else {
            clients += 1;
            vorige = s.client_id.clone();
        }
        let p = date(2024, 12, 31);
        if s.loopt_op(p) {
            let m = (p.year() - s.startdatum.year()) as i64 * 12 + (p.month() - s.startdatum.month()) as i64;
            let b = [6, 12, 24, 36, 60].iter().position(|&g| m < g).unwrap_or(5);
            duur_banden[b] += 1;
            let a = p.year() - s.geboortedatum.year() - i16::from((p.month(), p.day()) < (s.geboortedatum.month(), s.geboortedatum.day()));
            leeftijd[if a < 27 {
                0
            } else if a < 45 {
                1
            } else {
                2
            }] += 1;
        }
    }
    let pct = |a: u64, b: u64| 100.0 * a as f64 / b as f64;
    println!("uitkeringen {totaal}, clients {clients}, re-entries {herinstroom} ({:.1}%)", pct(herinstroom, totaal));
    for (r, c) in &regeling {
        println!("  regeling {r}: {:.1}%", pct(*c, totaal));
    }
    let beeindigd: u64 = reden.iter().filter(|(k, _)| **k != "(loopt)").map(|(_, v)| v).sum();
    for (r, c) in &reden {
        if *r == "(loopt)" {
            println!("  running on the peildatum: {c} ({:.1}% of uitkeringen)", pct(*c, totaal));
        } else {
            println!("  reden {r}: {c} ({:.1}% of ended)", pct(*c, beeindigd));
        }
    }
    for (h, c) in &huishouden {
        println!("  huishouden {h}: {:.1}%", pct(*c, totaal));
    }
    for (d, s) in peil.iter().zip(&stand) {
        println!("  stand {d}: {s}");
    }
    for (y, c) in &instroom {
        println!("  instroom {y}: {c}");
    }
    println!(
        "  instroom per maand 2015–2025 (index, mean = 100): {:?}",
        maand_in.iter().map(|&c| 1200 * c / maand_in.iter().sum::<u64>()).collect::<Vec<_>>()
    );
    let lopend: u64 = duur_banden.iter().sum();
    println!(
        "  duur op 2024-12-31 (<6, 6–12, 12–24, 24–36, 36–60, >60 mnd): {:?} %",
        duur_banden.iter().map(|&c| (pct(c, lopend) * 10.0).round() / 10.0).collect::<Vec<_>>()
    );
    println!(
        "  leeftijd op 2024-12-31 (<27, 27–45, 45+): {:?} %",
        leeftijd.iter().map(|&c| (pct(c, lopend) * 10.0).round() / 10.0).collect::<Vec<_>>()
    );
}
